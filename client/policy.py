"""Site policy: floors and ceilings a hospital enforces on every run, whatever the coordinator asks.

The run configuration comes from the coordinator, so on its own it can ask a site for updates that leak
(a batch of one image on one study is a single-image gradient, open to inversion), for hundreds of
evaluations of crafted models (each evaluate reply is a query against the validation set), or for a
body region the hospital never agreed to share. The policy is the site's answer: a TOML file the site
operator owns, `<site>/fedrad-site.toml` (table `[policy]`), or the file named by the SuperNode's
node config `policy-file`. Every key has a safe default, so a site with no file is protected too.

`check_run` (the run as configured) and `check_message` (what this run has already asked) are the one
place the rules live: the ClientApp's policy mod (client.mods) and `fedrad doctor --role site` both
call them. A violation is refused at the site: the site log gets the full sentence, the coordinator
gets a fixed code from common.replyschema and nothing else. No Flower import here.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from fedrad.common.errors import FedradError
from fedrad.common.fileio import read_toml
from fedrad.common.replyschema import CODE_OF_RULE
from fedrad.common.runconfig import STRATEGIES, RunConfig
from fedrad.common.sitefiles import SITE_CONFIG, WORK_DIR_NAME

POLICY_FILE = SITE_CONFIG
POLICY_LOG = "site-policy.jsonl"  # <site>/.fedrad/: refusals and DP releases, one JSON object per line
RUNS_DIR = "runs"  # <site>/.fedrad/runs/<run-id>.json: messages this run has asked of the site

log = logging.getLogger("fedrad.site_policy")


class PolicyFileError(FedradError, ValueError):
    """The site's policy file is unreadable or has a bad value; the message names file and key."""


@dataclass(frozen=True)
class SitePolicy:
    # Gradient inversion recovers images from updates computed on very few examples.
    min_batch_size: int = 8
    min_studies_per_update: int = 8
    # Each round and each evaluation is one more look at the site's data through a model the
    # coordinator chose; capped per run.
    max_rounds_per_run: int = 100
    max_evaluations_per_run: int = 100
    allowed_regions: tuple[str, ...] = ()  # empty = every region this site has prepared
    allowed_strategies: tuple[str, ...] = STRATEGIES
    require_dp: bool = False
    max_epsilon: float = 10.0  # ceiling on the run's planned epsilon when DP is on (or required)
    max_delta: float = 1e-5
    # Cross-site evaluation: may other sites evaluate this site's last local model? Off by default:
    # handing one site's model to another is that site's decision, never the coordinator's.
    share_local_model: bool = False
    source: str = field(default="built-in defaults", compare=False)

    def rows(self) -> list[tuple[str, str, str]]:
        """(setting, value in force, what it protects), for doctor and docs."""
        return [(dash(f.name), _show(getattr(self, f.name)), PROTECTS[f.name]) for f in fields(self)
                if f.name != "source"]


PROTECTS = {
    "min_batch_size": "no update is computed on fewer images per step (gradient inversion)",
    "min_studies_per_update": "no update summarises fewer of this site's studies",
    "max_rounds_per_run": "bounds how many updates one run can extract",
    "max_evaluations_per_run": "bounds how often coordinator-chosen models are scored on the validation split",
    "allowed_regions": "only the body regions the hospital agreed to share are trained on",
    "allowed_strategies": "only aggregation methods the site accepts",
    "require_dp": "refuse any run without differential privacy",
    "max_epsilon": "refuse a DP run whose planned privacy loss is larger",
    "max_delta": "refuse a DP run that reports epsilon at a larger delta",
    "share_local_model": "no other site evaluates this site's local model unless this says yes (cross-site matrix)",
}


@dataclass(frozen=True)
class Violation:
    rule: str  # a key of common.replyschema (dash-case policy setting)
    message: str  # for the site's own log only: never sent

    @property
    def code(self) -> int:
        return CODE_OF_RULE[self.rule]


def dash(name: str) -> str:
    return name.replace("_", "-")


def _show(v: Any) -> str:
    if isinstance(v, tuple):
        return ", ".join(v) if v else "(any)"
    if isinstance(v, bool):
        return "yes" if v else "no"
    return str(v)


# ------------------------------------------------------------------------------------------ loading
def policy_path(site: str | os.PathLike, node_config: Mapping[str, Any] | None = None) -> Path:
    named = (node_config or {}).get("policy-file")
    return Path(str(named)) if named else Path(site) / POLICY_FILE


def load_policy(site: str | os.PathLike, node_config: Mapping[str, Any] | None = None) -> SitePolicy:
    """The policy in force: the file if present (unknown keys and bad values are errors), else defaults.

    A `policy-file` named in the node config must exist: a site that configured a policy and lost
    the file must not silently fall back to the defaults."""
    path = policy_path(site, node_config)
    if not path.is_file():
        if (node_config or {}).get("policy-file"):
            raise PolicyFileError(f"{path}: policy file named in the node config (policy-file) does not exist")
        return SitePolicy()
    data = read_toml(path, PolicyFileError, "site policy")
    table = data.get("policy", {})
    if not isinstance(table, dict):
        raise PolicyFileError(f"{path}: [policy] must be a table")
    types = {f.name: f for f in fields(SitePolicy) if f.name != "source"}
    kw: dict[str, Any] = {}
    for key, value in table.items():
        name = str(key).replace("-", "_")
        if name not in types:
            raise PolicyFileError(f"{path}: [policy] unknown key '{key}' (known: {', '.join(map(dash, types))})")
        kw[name] = _coerce(path, key, value, types[name].type)
    policy = SitePolicy(**kw, source=str(path))
    for name in ("min_batch_size", "min_studies_per_update", "max_rounds_per_run", "max_evaluations_per_run"):
        if getattr(policy, name) < 1:
            raise PolicyFileError(f"{path}: [policy] {dash(name)} must be >= 1, got {getattr(policy, name)}")
    if policy.max_epsilon <= 0 or not 0 < policy.max_delta < 1:
        raise PolicyFileError(f"{path}: [policy] max-epsilon must be > 0 and max-delta in (0, 1)")
    unknown = [s for s in policy.allowed_strategies if s not in STRATEGIES]
    if unknown:
        raise PolicyFileError(f"{path}: [policy] allowed-strategies: unknown '{unknown[0]}' "
                              f"(known: {', '.join(STRATEGIES)})")
    return policy


def write_policy(site: str | os.PathLike, policy: SitePolicy) -> Path:
    """Write `[policy]` with the settings that differ from the defaults (what an operator would write
    by hand; the simulation uses it). Refuses to overwrite a file it did not write itself."""
    from fedrad.common.fileio import write_text

    path = Path(site) / POLICY_FILE
    if path.is_file() and not path.read_text(encoding="utf-8").startswith(_WRITTEN):
        raise PolicyFileError(f"{path}: exists and was not written by fedrad; edit it by hand")
    default = SitePolicy()
    lines = [_WRITTEN, "[policy]"]
    for f in fields(SitePolicy):
        v = getattr(policy, f.name)
        if f.name != "source" and v != getattr(default, f.name):
            lines.append(f"{dash(f.name)} = {_toml(v)}")
    write_text(path, "\n".join(lines) + "\n")
    return path


_WRITTEN = "# written by fedrad (client.policy.write_policy)"


def _toml(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, tuple):
        return "[" + ", ".join(f'"{x}"' for x in v) + "]"
    return repr(v)


def _coerce(path: Path, key: str, value: Any, typ: Any) -> Any:
    typ = typ if isinstance(typ, str) else getattr(typ, "__name__", str(typ))
    bad = PolicyFileError(f"{path}: [policy] {key} = {value!r} is not a valid {typ}")
    if typ.startswith("tuple"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad
        return tuple(v.strip() for v in value)
    if typ == "bool":
        if not isinstance(value, bool):
            raise bad
        return value
    if typ == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad
        return value
    if typ == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise bad
        return float(value)
    raise bad  # pragma: no cover


# ------------------------------------------------------------------------------------------ rules
def check_run(cfg: RunConfig, policy: SitePolicy) -> list[Violation]:
    """Everything the run's configuration alone breaks (before any data is touched)."""
    out: list[Violation] = []
    if cfg.batch_size < policy.min_batch_size:
        out.append(Violation("min-batch-size", f"batch-size {cfg.batch_size} < the site's minimum "
                                               f"{policy.min_batch_size}"))
    if 0 < cfg.max_train_studies < policy.min_studies_per_update:
        out.append(Violation("min-studies-per-update", f"max-train-studies {cfg.max_train_studies} < the site's "
                                                       f"minimum {policy.min_studies_per_update} studies per update"))
    if cfg.num_server_rounds > policy.max_rounds_per_run:
        out.append(Violation("max-rounds-per-run", f"num-server-rounds {cfg.num_server_rounds} > the site's "
                                                   f"maximum {policy.max_rounds_per_run}"))
    if cfg.num_server_rounds > policy.max_evaluations_per_run:  # one evaluation per round
        out.append(Violation("max-evaluations-per-run", f"num-server-rounds {cfg.num_server_rounds} means as many "
                                                        f"evaluations, > the site's maximum "
                                                        f"{policy.max_evaluations_per_run}"))
    if policy.allowed_regions and cfg.region not in policy.allowed_regions:
        out.append(Violation("allowed-regions", f"region '{cfg.region}' is not in the site's allowed regions "
                                                f"({', '.join(policy.allowed_regions)})"))
    if cfg.strategy not in policy.allowed_strategies:
        out.append(Violation("allowed-strategies", f"strategy '{cfg.strategy}' is not in the site's allowed "
                                                   f"strategies ({', '.join(policy.allowed_strategies)})"))
    if policy.require_dp and cfg.dp == "off":
        out.append(Violation("require-dp", "the site requires differential privacy (require-dp) and the run has "
                                           "dp = \"off\""))
    planned = cfg.planned_privacy()
    if planned is not None:
        if cfg.dp_delta > policy.max_delta:
            out.append(Violation("max-epsilon", f"dp-delta {cfg.dp_delta:g} > the site's max-delta "
                                                f"{policy.max_delta:g}"))
        if planned.epsilon > policy.max_epsilon:
            out.append(Violation("max-epsilon", f"planned epsilon {planned.epsilon:.3g} at delta {cfg.dp_delta:g} "
                                                f"over {cfg.num_server_rounds} rounds (noise multiplier "
                                                f"{cfg.dp_noise_multiplier:g}) > the site's max-epsilon "
                                                f"{policy.max_epsilon:g}"))
    return out


def check_message(kind: str, count: int, policy: SitePolicy) -> list[Violation]:
    """`count` = the run's train messages, or models evaluated, at this site counting this message's: the run
    config may understate what the coordinator actually asks, so the site counts for itself."""
    if kind == "train" and count > policy.max_rounds_per_run:
        return [Violation("max-rounds-per-run", f"this would be training round {count} of this run; the site "
                                                f"allows {policy.max_rounds_per_run}")]
    if kind == "evaluate" and count > policy.max_evaluations_per_run:
        return [Violation("max-evaluations-per-run", f"this would bring the run's evaluated models to {count}; "
                                                     f"the site allows {policy.max_evaluations_per_run}")]
    return []


def check_update_size(n_studies: int, policy: SitePolicy) -> list[Violation]:
    """The studies an update will actually summarise (the training split, capped by max-train-studies)."""
    if n_studies < policy.min_studies_per_update:
        return [Violation("min-studies-per-update", f"the update would use {n_studies} training studies; the "
                                                    f"site's minimum is {policy.min_studies_per_update}")]
    return []


def train_studies(site: Path, cfg: RunConfig) -> int:
    """How many studies a training update at this site would use (what site_dataset selects)."""
    from fedrad.client.prepare import read_manifest

    n = sum(1 for r in read_manifest(site, cfg.region) if r.split == "train")
    return min(n, cfg.max_train_studies) if cfg.max_train_studies else n


# ------------------------------------------------------------------------------------------ per-run state
def count_message(site: str | os.PathLike, run_id: int, kind: str, n: int = 1) -> int:
    """Add `n` to this run's `kind` tally at the site and return the new count (file-locked: a SuperNode may
    run ClientApps concurrently). Evaluations count models, not messages: an evaluate message carrying k
    models (the final one carries the cross-site models too, client.client_app) adds k."""
    path = Path(site) / WORK_DIR_NAME / RUNS_DIR / f"{int(run_id)}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        fh.seek(0)
        text = fh.read()
        counts = json.loads(text) if text.strip() else {}
        counts[kind] = int(counts.get(kind, 0)) + int(n)
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps(counts))
        fh.flush()
        os.fsync(fh.fileno())
    return counts[kind]


def run_counts(site: str | os.PathLike, run_id: int) -> dict[str, int]:
    path = Path(site) / WORK_DIR_NAME / RUNS_DIR / f"{int(run_id)}.json"
    return json.loads(path.read_text()) if path.is_file() else {}


def site_log(site: str | os.PathLike, event: str, **fields_: Any) -> None:
    """One line in the site's own policy log (never sent anywhere) and the SuperNode's log."""
    entry = {"time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "event": event, **fields_}
    path = Path(site) / WORK_DIR_NAME / POLICY_LOG
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, default=str) + "\n")
    finally:
        level = logging.WARNING if event == "refused" else logging.INFO
        log.log(level, "site policy: %s", " ".join(f"{k}={v}" for k, v in entry.items() if k != "time"))


def site_privacy_spent(site: str | os.PathLike, run_id: int, cfg: RunConfig) -> dict[str, Any] | None:
    """The privacy this run has cost the site so far, computed at the site from its own count of DP updates
    sent (nothing from the coordinator is trusted but that it added the declared noise). None without DP.
    For the site's audit log: the ClientApp records it after every DP update."""
    if cfg.dp == "off":
        return None
    from fedrad.common.privacy import epsilon_spent

    sent = int(run_counts(site, run_id).get("dp-updates", 0))
    return epsilon_spent(cfg.dp_noise_multiplier, cfg.dp_delta, sent).as_dict()
