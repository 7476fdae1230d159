"""The run configuration: one place for every knob of a federated or pooled run.

Flower's fused run config (the app's `[tool.flwr.app.config]` plus `--run-config` overrides)
reaches the coordinator and every site identically, so both sides read it through this one
dataclass. Keys are dash-case in Flower and TOML files (`local-epochs`) and snake_case here.
The Flower app's config table is generated from these defaults (server.flwr_app), so a new
knob is one new field with a comment, nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from fedrad.common.errors import FedradError
from fedrad.common.fileio import read_toml
from fedrad.common.policies import Policy
from fedrad.common.preprocess import DEFAULT_IMAGE_SIZE
from fedrad.common.templates import Template, load_template

STRATEGIES = ("fedavg", "fedprox", "fedadam", "fedmedian", "fedtrimmedavg", "krum", "multikrum")
# Strategies whose aggregate is the (uniform, under DP) mean of the sites' updates: the only ones for which
# Flower's central-DP noise (std z*C/n) is calibrated. A median or Krum selection has another sensitivity.
MEAN_STRATEGIES = ("fedavg", "fedprox", "fedadam")
DP_MODES = ("off", "fixed", "adaptive")
# Settings only the coordinator needs: its own paths and the enrolled sites' names. Flower hands the
# run config to every site, so in a deployment these never go into it (RunConfig.for_sites); the
# coordinator's ServerApp gets them from a file beside it (server.server_app.coordinator_settings).
COORDINATOR_ONLY = ("output_dir", "test_sets", "resume_from", "enrolled_sites")
SELECT_ROUNDS = ("best", "last")  # RunConfig.select_round
COORDINATOR_RUN_ENV = "FEDRAD_COORDINATOR_RUN"  # names that file in the SuperLink's (and so ServerApp's) environment


class RunConfigError(FedradError, ValueError):
    """A run configuration value or file is invalid; the message names the key (and file)."""


@dataclass(frozen=True)
class RunConfig:
    # --- task: what is learned --------------------------------------------------------
    region: str = "elbow"  # template name (fedrad templates list)
    policy: str = "inclusive"  # uncertainty policy: inclusive | exclusive | ignore | soft
    soft_value: float = 0.5  # target for uncertain labels under policy "soft"
    image_size: int = DEFAULT_IMAGE_SIZE  # square input side in px (common.preprocess; the study: 512)
    channels: int = 3  # 1 or 3 (grey copied to 3 channels, as the study did)
    share_backbone: bool = False  # two-view regions: one backbone for all views instead of one per view
    pretrained: str = ""  # local ImageNet weights file of `arch`; "" = random init (nothing is downloaded)
    arch: str = "resnet50"  # backbone (fedrad.common.model.ARCHS): resnet50 (the study) | resnet18 | tiny (tests)
    # --- local training at each site -------------------------------------------------
    batch_size: int = 16
    local_epochs: int = 1  # epochs per round at each site
    lr: float = 1e-4  # AdamW learning rate (the study: 1e-4)
    lr_step: int = 7  # multiply lr by lr_gamma every lr_step epochs (counted as rounds x local epochs)
    lr_gamma: float = 0.1
    weight_decay: float = 1e-2
    num_workers: int = 0  # DataLoader worker processes per site
    augment: bool = True  # horizontal flip and rotation up to 30 degrees (training only)
    photometric_augment: bool = True  # with augment: contrast/gamma/level/gradient/blur/noise of other scanners
    intensity: str = "percentile"  # per-image standardization (common.preprocess): none | percentile | equalize
    # FedBN-style: each site keeps its own BatchNorm statistics between rounds, and every evaluation (a site's
    # validation, which picks the thresholds, and the coordinator's test sets) re-estimates them on the
    # evaluated images first. Training is unchanged (BatchNorm trains on batch statistics).
    bn_local: bool = False
    seed: int = 0
    device: str = "auto"  # auto | cpu | cuda | cuda:N | mps
    amp: bool = True  # mixed precision, CUDA only
    max_train_studies: int = 0  # cap on training studies per site and round; 0 = all
    # --- federation (coordinator) ----------------------------------------------------
    num_server_rounds: int = 5
    strategy: str = "fedavg"  # fedavg | fedprox | fedadam | fedmedian | fedtrimmedavg | krum | multikrum
    proximal_mu: float = 0.01  # FedProx only
    server_lr: float = 0.01  # FedAdam only (server-side learning rate, eta)
    trim_beta: float = 0.34  # FedTrimmedAvg: share cut at EACH end per coordinate (int(beta*n) sites; < 0.5)
    byzantine_sites: int = 0  # Krum/MultiKrum: sites assumed malicious (f); MultiKrum averages min-sites - f updates
    # --- differential privacy (central DP: clipping at each site, Gaussian noise at the coordinator) ----
    dp: str = "off"  # off | fixed | adaptive (clipping norm); needs a mean strategy (fedavg, fedprox, fedadam)
    dp_noise_multiplier: float = 1.5  # z: noise std = z * clipping norm / sites in the round (5 rounds: eps 7.5)
    dp_clipping_norm: float = 1.0  # L2 bound of one site's update (fixed), or its starting value (adaptive)
    dp_delta: float = 1e-5  # the delta at which epsilon is reported (and checked against site policies)
    dp_target_quantile: float = 0.5  # adaptive: share of site updates the clipping norm aims to clip
    dp_clip_lr: float = 0.2  # adaptive: geometric learning rate of the clipping norm
    min_sites: int = 2  # sites that must be connected before a round starts
    site_wait: float = 900.0  # seconds a round waits for min-sites connected sites; then the run stops (resumable)
    fraction_train: float = 1.0  # share of connected sites sampled per round
    test_every: int = 0  # test-set metrics every N rounds (and the last); 0 = the chosen model's only, in the report
    # The checkpoint the report evaluates: "best" = the round with the highest sites' aggregated validation
    # weighted AUC; "last" = the final round (the sites' validation sets are small: 26-69 studies each in the
    # default simulation, and their per-round AUC is noisier than the rounds' differences).
    select_round: str = "best"
    cross_site: bool = True  # after the last round: cross-site evaluation matrix (server.crosssite)
    round_timeout: float = 3600.0  # seconds to wait for the sites' replies in each phase of a round
    output_dir: str = ""  # absolute folder for checkpoints, history and report (required)
    test_sets: str = ""  # "name=/abs/folder,name2=/abs/folder2": exported test sets the coordinator holds
    sim_site_dirs: str = ""  # simulation only: comma-separated site folders, index = partition-id
    sim_site_cpus: str = ""  # simulation only: the CPU each site's handler runs on, index = partition-id; "" = any
    resume_from: str = ""  # checkpoint to start from (its round count continues)
    fedrad_version: str = ""  # set by the submitter; a site running another fedrad version refuses the run
    enrolled_sites: str = ""  # set by `fedrad server start`: "name=node-id,..." so reports name absent sites too

    def __post_init__(self) -> None:
        try:
            Policy(self.policy, self.soft_value)
        except ValueError as exc:
            raise RunConfigError(f"policy: {exc}") from None
        if self.strategy not in STRATEGIES:
            raise RunConfigError(f"strategy: '{self.strategy}' is not one of {', '.join(STRATEGIES)}")
        if self.channels not in (1, 3):
            raise RunConfigError(f"channels: must be 1 or 3, got {self.channels}")
        from fedrad.common.preprocess import INTENSITY_MODES

        if self.intensity not in INTENSITY_MODES:
            raise RunConfigError(f"intensity: '{self.intensity}' is not one of {', '.join(INTENSITY_MODES)}")
        for name in ("image_size", "batch_size", "local_epochs", "num_server_rounds", "min_sites", "lr_step"):
            if int(getattr(self, name)) < 1:
                raise RunConfigError(f"{dash(name)}: must be >= 1, got {getattr(self, name)}")
        if self.test_every < 0:
            raise RunConfigError(f"test-every: must be >= 0, got {self.test_every}")
        if self.select_round not in SELECT_ROUNDS:
            raise RunConfigError(f"select-round: '{self.select_round}' is not one of {', '.join(SELECT_ROUNDS)}")
        if not 0 < self.fraction_train <= 1:
            raise RunConfigError(f"fraction-train: must be in (0, 1], got {self.fraction_train}")
        if not 0 <= self.trim_beta < 0.5:
            raise RunConfigError(f"trim-beta: must be in [0, 0.5), got {self.trim_beta}")
        if self.byzantine_sites < 0:
            raise RunConfigError(f"byzantine-sites: must be >= 0, got {self.byzantine_sites}")
        if self.dp not in DP_MODES:
            raise RunConfigError(f"dp: '{self.dp}' is not one of {', '.join(DP_MODES)}")
        if self.dp != "off":
            if self.strategy not in MEAN_STRATEGIES:
                raise RunConfigError(f"dp = '{self.dp}' needs a strategy that averages ({', '.join(MEAN_STRATEGIES)}): "
                                     f"the noise is calibrated to a mean, not to '{self.strategy}'")
            if self.dp_noise_multiplier <= 0 or self.dp_clipping_norm <= 0:
                raise RunConfigError("dp-noise-multiplier and dp-clipping-norm: must be > 0 when dp is on")
            if not 0 < self.dp_delta < 1:
                raise RunConfigError(f"dp-delta: must be in (0, 1), got {self.dp_delta}")

    # -- conversions -------------------------------------------------------------------
    @classmethod
    def from_mapping(cls, cfg: Mapping[str, Any], *, source: str = "run config", strict: bool = False) -> RunConfig:
        """From dash- or snake-case keys; unknown keys are an error when strict (TOML files)."""
        types = {f.name: f.type for f in fields(cls)}
        kw: dict[str, Any] = {}
        for key, value in cfg.items():
            name = str(key).replace("-", "_")
            if name not in types:
                if strict:
                    raise RunConfigError(f"{source}: unknown key '{key}' (known: {', '.join(map(dash, types))})")
                continue
            kw[name] = _coerce(name, value, types[name], source)
        return cls(**kw)

    @classmethod
    def from_toml(cls, path: str | Path, **overrides: Any) -> RunConfig:
        p = Path(path)
        data = read_toml(p, RunConfigError, "config file")
        data = data.get("fedrad", data.get("run", data))  # top-level keys, or a [fedrad] or [run] table
        return replace(cls.from_mapping(data, source=str(p), strict=True), **overrides)

    def to_flower(self) -> dict[str, Any]:
        """Dash-case dict of TOML scalars, the shape Flower's run config takes."""
        return {dash(k): v for k, v in asdict(self).items()}

    def to_toml(self) -> str:
        return "".join(f"{k} = {_toml_value(v)}\n" for k, v in self.to_flower().items())

    def for_sites(self) -> RunConfig:
        """This config as every site may see it: COORDINATOR_ONLY fields back to their (empty) defaults."""
        return replace(self, **{f: "" for f in COORDINATOR_ONLY})

    def coordinator_only(self) -> dict[str, Any]:
        return {dash(f): getattr(self, f) for f in COORDINATOR_ONLY}

    def with_coordinator_only(self, values: Mapping[str, Any]) -> RunConfig:
        """This config with COORDINATOR_ONLY fields from `values` (dash- or snake-case); other keys are refused."""
        kw = {}
        for key, value in values.items():
            name = str(key).replace("-", "_")
            if name not in COORDINATOR_ONLY:
                known = ", ".join(map(dash, COORDINATOR_ONLY))
                raise RunConfigError(f"coordinator settings: '{key}' is not one of {known}")
            kw[name] = str(value)
        return replace(self, **kw)

    # -- derived -----------------------------------------------------------------------
    def template(self) -> Template:
        return load_template(self.region)

    def model_config(self):
        from fedrad.common.model import ModelConfig

        t = self.template()
        return ModelConfig(region=t.region, finding_ids=tuple(t.ids), views=tuple(t.views),
                           image_size=self.image_size, channels=self.channels, policy=self.policy,
                           share_backbone=self.share_backbone, pretrained=self.pretrained or None,
                           template_version=t.version, arch=self.arch, intensity=self.intensity)

    def preprocess(self):
        """The model-input settings (common.preprocess.Preprocess) of this run: one place for all callers."""
        from fedrad.common.preprocess import Preprocess

        return Preprocess(size=self.image_size, channels=self.channels, intensity=self.intensity)

    def augmentation(self):
        """Training augmentation of this run (None when augment is off)."""
        from fedrad.common.preprocess import DETAIL_REFERENCE_SIZE, Augment

        if not self.augment:
            return None
        return Augment(photometric=self.photometric_augment, detail_scale=self.image_size / DETAIL_REFERENCE_SIZE)

    def train_config(self, **overrides: Any):
        """The training recipe (common.train.TrainConfig) this run config implies; the one place
        that copies run settings into it, so no knob (amp, seed, device, ...) is dropped on the way.
        `epochs` defaults to the run's total passes (rounds x local epochs)."""
        from fedrad.common.train import TrainConfig

        base = dict(epochs=self.num_server_rounds * self.local_epochs, batch_size=self.batch_size, lr=self.lr,
                    weight_decay=self.weight_decay, lr_step=self.lr_step, lr_gamma=self.lr_gamma, amp=self.amp,
                    num_workers=self.num_workers, seed=self.seed, device=self.device)
        base.update(overrides)
        return TrainConfig(**base)

    def planned_privacy(self):
        """Epsilon (at dp-delta) the whole run spends if every round releases a model: what a site checks
        against its policy before it trains, and what the coordinator prints before it starts. None = no DP."""
        if self.dp == "off":
            return None
        from fedrad.common.privacy import epsilon_spent

        return epsilon_spent(self.dp_noise_multiplier, self.dp_delta, self.num_server_rounds)

    def lr_for_round(self, server_round: int) -> float:
        """Step decay in epoch units: round r starts after (r-1) x local_epochs epochs."""
        epochs_done = (max(server_round, 1) - 1) * self.local_epochs
        return self.lr * (self.lr_gamma ** (epochs_done // self.lr_step))

    def enrolled_site_names(self) -> dict[int, str]:
        out: dict[int, str] = {}
        for item in filter(None, (s.strip() for s in self.enrolled_sites.split(","))):
            name, _, node = item.partition("=")
            if node.strip().isdigit():
                out[int(node)] = name.strip()
        return out

    def test_set_paths(self) -> dict[str, Path]:
        out: dict[str, Path] = {}
        for item in filter(None, (s.strip() for s in self.test_sets.split(","))):
            name, sep, path = item.partition("=")
            if not sep or not name or not path:
                raise RunConfigError(f"test-sets: '{item}' is not name=/absolute/folder")
            out[name.strip()] = Path(path.strip())
        return out


def dash(name: str) -> str:
    return name.replace("_", "-")


def _coerce(name: str, value: Any, typ: Any, source: str) -> Any:
    typ = typ if isinstance(typ, str) else getattr(typ, "__name__", str(typ))
    try:
        if typ == "bool":
            if isinstance(value, str):
                if value.lower() not in ("true", "false", "1", "0"):
                    raise ValueError(value)
                return value.lower() in ("true", "1")
            return bool(value)
        if typ == "int":
            if isinstance(value, float) and not value.is_integer():
                raise ValueError(value)
            return int(value)
        if typ == "float":
            return float(value)
        return str(value)
    except (TypeError, ValueError):
        raise RunConfigError(f"{source}: {dash(name)} = {value!r} is not a valid {typ}") from None


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'
