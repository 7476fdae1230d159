"""Site-side federated learning task, with no Flower import (the ClientApp is a thin shell).

A round at a site is one message (`local_round`): validate the global model it receives on the
site's validation split (the metrics then describe the global model of the previous round), train
`local-epochs` on the training split with the site's uncertainty policy, and reply with weights
plus both sets of aggregate metrics. `local_evaluate` alone serves the one evaluate-only message
of a run (the final global model). Only weights and aggregate numbers leave: never a study id, a
per-study score or an image (site-data.md).

Set-up that does not change between messages (datasets, the model object) is cached per process:
in simulation a Ray actor serves many messages; a deployed site starts a process per message,
where the cache simply stays empty.

Metric keys are identical at every site (Flower's FedAvg rejects replies otherwise): per-finding
values are fixed-length lists in template order, with NaN where a site cannot compute a value
(no positives), and a matching list of positive counts so the coordinator can weight them.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import torch
from fedrad.common.errors import FedradRefusal
from fedrad.common.metrics import SCORE_BINS
from fedrad.common.model import build_model
from fedrad.common.policies import Policy
from fedrad.common.runconfig import RunConfig


def site_dir_from(node_config: Mapping[str, Any], run_config: Mapping[str, Any]) -> Path:
    """The site folder: `site-dir` in a real SuperNode's node config, or (simulation) the
    partition-id-th entry of the run config's comma-separated `sim-site-dirs`."""
    if node_config.get("site-dir"):
        return Path(str(node_config["site-dir"]))
    dirs = [d for d in str(run_config.get("sim-site-dirs", "")).split(",") if d]
    if "partition-id" in node_config and dirs:
        pid = int(node_config["partition-id"])
        if pid >= len(dirs):
            raise ValueError(f"partition-id {pid} but only {len(dirs)} sim-site-dirs are configured")
        return Path(dirs[pid])
    raise ValueError("no site folder: start the SuperNode with --node-config 'site-dir=\"/path/to/site\"'")


def planned_cpu(node_config: Mapping[str, Any], run_config: Mapping[str, Any]) -> int | None:
    """The CPU `fedrad sim run` placed this virtual site's handler on (RunConfig.sim_site_cpus, sim.run.site_cpu_plan),
    or None. Simulation only: a deployed site (its folder from --node-config) ignores the key, since no
    coordinator decides where a hospital's work runs."""
    cpus = [c for c in str(run_config.get("sim-site-cpus", "")).split(",") if c]
    if node_config.get("site-dir") or "partition-id" not in node_config or not cpus:
        return None
    pid = int(node_config["partition-id"])
    return int(cpus[pid]) if 0 <= pid < len(cpus) else None


@contextmanager
def on_planned_cpu(node_config: Mapping[str, Any], run_config: Mapping[str, Any]) -> Iterator[None]:
    """Run the calling thread (a one-thread site's training and validation) on its planned CPU, then give the
    thread its former CPUs back (a Ray actor serves another site next round). Nothing changes where the plan is
    empty, the CPU is not this process's, or the OS has no thread affinity."""
    cpu = planned_cpu(node_config, run_config)
    before = os.sched_getaffinity(0) if cpu is not None and hasattr(os, "sched_setaffinity") else set()
    if cpu not in before:
        yield
        return
    os.sched_setaffinity(0, {cpu})  # Linux: pid 0 is the calling thread
    say(f"this virtual site runs on CPU {cpu} (the simulation's placement)")
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


class VersionMismatchError(FedradRefusal):
    """The coordinator's run was made for another fedrad version than the one installed here."""


def check_version(cfg: RunConfig) -> None:
    """A site runs only the fedrad it installed; a run built for another version is refused loudly
    (silently training with different code would make the federation's results meaningless)."""
    from fedrad.common import __version__

    if cfg.fedrad_version and cfg.fedrad_version != __version__:
        raise VersionMismatchError(
            f"this site runs fedrad {__version__}, the coordinator's run needs fedrad {cfg.fedrad_version}: "
            f"install fedrad {cfg.fedrad_version} at the site (or the coordinator installs {__version__})")


def _threads() -> None:
    # In simulation each virtual site gets `client-resources-num-cpus` cores; torch must not
    # start more threads than that or two sites thrash each other on a small machine.
    n = int(os.environ.get("FEDRAD_TORCH_THREADS", "0"))
    if n > 0:
        torch.set_num_threads(n)


def say(text: str) -> None:
    """A progress line for the site operator (stdout: `fedrad client start` echoes it from the
    SuperNode's log; in simulation it lands in the run's flower.log). Aggregate facts only."""
    print(f"fedrad site: {text}", flush=True)


_DATASETS: dict[tuple, Any] = {}
_MODELS: dict[Any, torch.nn.Module] = {}


def _files_stamp(site: Path, region: str) -> tuple:
    from fedrad.client.prepare import labels_path, manifest_path

    return tuple(p.stat().st_mtime_ns if p.is_file() else 0 for p in (manifest_path(site, region),
                                                                         labels_path(site, region)))


def site_dataset(site: Path, cfg: RunConfig, split: str, *, train: bool):
    """A StudyDataset over one split of a prepared site (see client.prepare), built once per process
    for the same site files and settings (a re-prepared site changes the files' stamp)."""
    # Preprocess and Augment are frozen dataclasses: every input setting (size, channels, intensity
    # standardisation, photometric augmentation and its ranges) is part of the key.
    key = (str(site), split, train, cfg.region, cfg.policy, cfg.soft_value, cfg.preprocess(),
           cfg.augmentation() if train else None, cfg.seed, cfg.max_train_studies, _files_stamp(site, cfg.region))
    if key not in _DATASETS:
        _DATASETS[key] = _build_site_dataset(site, cfg, split, train=train)
    return _DATASETS[key]


def _build_site_dataset(site: Path, cfg: RunConfig, split: str, *, train: bool):
    from fedrad.client.prepare import load_split
    from fedrad.common.dataset import StudyDataset
    from fedrad.common.preprocess import TensorCache
    from fedrad.common.sitefiles import work_dir

    rows, labels = load_split(site, cfg.region, split)
    if train and cfg.max_train_studies and len(rows) > cfg.max_train_studies:
        keep = sorted(np.random.default_rng(cfg.seed).choice(len(rows), cfg.max_train_studies, replace=False))
        rows = [rows[i] for i in keep]
        labels = labels.subset([r.study_id for r in rows])
    targets, mask = Policy(cfg.policy, cfg.soft_value).apply(labels.matrix())
    return StudyDataset([(r.study_id, r.views) for r in rows], cfg.template().views, targets, mask,
                        cfg.preprocess(), cache=TensorCache(work_dir(site) / "image-cache"),
                        augment=cfg.augmentation() if train else None, seed=cfg.seed)


def _loader(ds, cfg: RunConfig, *, shuffle: bool, seed: int = 0):
    return make_loader(ds, cfg.batch_size, train=shuffle, seed=seed, num_workers=cfg.num_workers)


def make_loader(ds, batch_size: int, *, train: bool, seed: int = 0, num_workers: int = 0):
    """Training loaders drop a last batch of one study: BatchNorm cannot train on a single sample."""
    return torch.utils.data.DataLoader(ds, batch_size=batch_size, shuffle=train,
                                       generator=torch.Generator().manual_seed(seed), num_workers=num_workers,
                                       drop_last=train and len(ds) % batch_size == 1,
                                       pin_memory=torch.cuda.is_available())


def model_layout(cfg: RunConfig):
    """Names, shapes and dtypes of the run's model (common.weights.state_layout): what reads the packed
    weights of a message. The module is the one this process trains (built once, _model)."""
    from fedrad.common.weights import state_layout

    return state_layout(_model(cfg, None).state_dict())


def _model(cfg: RunConfig, state: Mapping[str, torch.Tensor] | None, site: Path | None = None):
    # The global weights arrive with every message: never load ImageNet weights at a site. The
    # module is built once per process and architecture; every message loads its full state.
    mcfg = replace(cfg.model_config(), pretrained=None)
    model = _MODELS.get(mcfg)
    if model is None:
        model = _MODELS.setdefault(mcfg, build_model(mcfg))
    if state is not None:
        if cfg.bn_local and site is not None:
            state = with_local_bn(site, cfg, state)
        model.load_state_dict(state, strict=True)
    return model


# --- FedBN-style site-local BatchNorm statistics ---------------------------------------------
# With bn-local, a site keeps its own BatchNorm running statistics between rounds: the global
# model's averaged statistics fit no hospital exactly, while the learnt weights are shared. The
# global model keeps averaged statistics (for the coordinator's test sets and new sites); a
# hospital that never trained recalibrates them on its own unlabeled images
# (`fedrad client recalibrate --bn`: common.train.predict_set_bn's statistics, the test sets' recipe).

def _bn_file(site: Path, cfg: RunConfig) -> Path:
    import hashlib

    run = hashlib.sha256(f"{cfg.output_dir}|{cfg.region}|{cfg.arch}".encode()).hexdigest()[:16]
    return site / ".fedrad" / "bn-local" / f"{run}.pt"


def bn_buffer_names(state: Mapping[str, torch.Tensor]) -> list[str]:
    """State-dict keys of BatchNorm running statistics."""
    return [k for k in state if k.endswith((".running_mean", ".running_var", ".num_batches_tracked"))]


def save_local_bn(site: Path, cfg: RunConfig, state: Mapping[str, torch.Tensor]) -> None:
    from fedrad.common.fileio import atomic_open

    path = _bn_file(site, cfg)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_open(path, "wb") as fh:
        torch.save({k: state[k].clone() for k in bn_buffer_names(state)}, fh)


def with_local_bn(site: Path, cfg: RunConfig, state: Mapping[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """The global state with this site's own BatchNorm statistics, when it has some for this run."""
    path = _bn_file(site, cfg)
    if not path.is_file():
        return dict(state)
    local = torch.load(path, map_location="cpu", weights_only=True)
    return {k: local.get(k, v) for k, v in state.items()}


def proximal_term(model: torch.nn.Module, global_params: list[torch.Tensor], mu: float):
    """FedProx: mu/2 * ||w - w_global||^2 keeps a site's update near the global model."""
    def term() -> torch.Tensor:
        return (mu / 2.0) * sum(((p - g) ** 2).sum() for p, g in zip(model.parameters(), global_params, strict=True))
    return term


def local_round(site: Path, cfg: RunConfig, state: Mapping[str, torch.Tensor], *, server_round: int = 1,
                lr: float | None = None, proximal_mu: float = 0.0,
                validate: bool = True) -> tuple[dict[str, torch.Tensor], dict[str, Any]]:
    """One federated round at a site, one message: validate the received global model (the previous
    round's), then train it. Metrics: local_train's, plus local_evaluate's under the same `val-*`
    keys with the validation study count as `val-examples` and its seconds as `val-seconds`
    (`num-examples` stays the training count: FedAvg weights by it). validate=False (the initial,
    untrained model) sends the same keys with NaN/zero values, so replies keep one shape."""
    t0 = time.perf_counter()
    val = local_evaluate(site, cfg, state) if validate else _empty_evaluation(cfg)
    val_seconds = time.perf_counter() - t0
    new_state, metrics = local_train(site, cfg, state, server_round=server_round, lr=lr, proximal_mu=proximal_mu)
    val["val-examples"] = val.pop("num-examples")
    return new_state, {**metrics, **val, "val-seconds": val_seconds}


def local_train(site: Path, cfg: RunConfig, state: Mapping[str, torch.Tensor], *, server_round: int = 1,
                lr: float | None = None, proximal_mu: float = 0.0) -> tuple[dict[str, torch.Tensor], dict[str, float]]:
    """Train the global model on the site's training split; returns new weights and metrics."""
    from fedrad.common.device import pick_device, seed_everything
    from fedrad.common.train import make_optimizer, make_scaler, train_one_epoch

    _threads()
    seed_everything(cfg.seed + 1000 * server_round)
    device = pick_device(cfg.device)
    ds = site_dataset(site, cfg, "train", train=True)
    if len(ds) == 0:
        raise ValueError(f"site {site}: the training split of region '{cfg.region}' is empty")
    model = _model(cfg, state, site).to(device)
    tcfg = cfg.train_config(lr=lr if lr is not None else cfg.lr)
    optimizer = make_optimizer(model, tcfg)
    amp = cfg.amp and device.type == "cuda"
    scaler = make_scaler(device, amp)
    extra = None
    if proximal_mu > 0:
        extra = proximal_term(model, [p.detach().clone() for p in model.parameters()], proximal_mu)
    losses, seconds = [], 0.0
    for epoch in range(cfg.local_epochs):
        ds.set_epoch(server_round * 1000 + epoch)
        stats = train_one_epoch(model, _loader(ds, cfg, shuffle=True, seed=cfg.seed + server_round * 1000 + epoch),
                                optimizer, device, scaler=scaler, amp=amp, extra_loss=extra)
        losses.append(stats["loss"])
        seconds += stats["seconds"]
        say(f"round {server_round}: local epoch {epoch + 1}/{cfg.local_epochs}, train loss {stats['loss']:.4f} "
            f"on {len(ds)} studies ({stats['seconds']:.0f} s)")
    # The cached module's own tensors, not a copy: the caller serialises them into the reply
    # (common.weights.to_arrays copies) before this process trains again.
    new_state = {k: v.detach().cpu() for k, v in model.state_dict().items()}
    if cfg.bn_local:
        save_local_bn(site, cfg, new_state)
    # The site's own policy, never the run config, says whether this local model may be handed
    # to other sites for cross-site evaluation (client.policy); 1 = yes, 0 = no.
    from fedrad.client.policy import load_policy

    share = int(load_policy(site).share_local_model)
    return new_state, {"train-loss": float(np.mean(losses)), "num-examples": len(ds), "train-seconds": seconds,
                       "share-local-model": share}


def _empty_evaluation(cfg: RunConfig) -> dict[str, Any]:
    k = len(cfg.template())
    nan = [math.nan] * k
    return {"num-examples": 0, "val-loss": 0.0, "val-macro-auc": math.nan, "val-weighted-auc": math.nan,
            "val-auc": nan, "val-threshold": nan, "val-npos": [0] * k, "val-score-pos": [0] * (k * SCORE_BINS),
            "val-score-neg": [0] * (k * SCORE_BINS)}


def describe_reply(metrics: Mapping[str, Any], state: Mapping[str, torch.Tensor] | None) -> str:
    """What a reply carries, in words, for the site's operator (printed where the reply is built)."""
    parts = []
    if state is not None:
        mb = sum(v.numel() * v.element_size() for v in state.values()) / 1e6
        parts.append(f"model weights ({len(state)} tensors, {mb:.0f} MB)")
    if "train-loss" in metrics:
        parts.append(f"train loss {float(metrics['train-loss']):.4f} over {int(metrics['num-examples'])} studies")
    n_val = int(metrics.get("val-examples", metrics.get("num-examples", 0)) if "val-loss" in metrics else 0)
    if n_val:
        parts.append(f"validation macro AUC {float(metrics['val-macro-auc']):.3f} over {n_val} studies")
    return "sent " + ", ".join(parts) + " (aggregate numbers only)"


def local_evaluate(site: Path, cfg: RunConfig, state: Mapping[str, torch.Tensor]) -> dict[str, Any]:
    """Global model on the site's validation split: aggregate metrics only, fixed keys.

    Besides AUCs the site sends, per finding, how many of its positive and negative validation
    studies fall in each score bin (common.metrics.score_counts: counts only, no score, no order):
    the coordinator adds them over sites and takes Youden's cut on the sum, the threshold the union
    of the sites' validation sets gives, and applies it to test sets, so the study's
    validation-chosen operating point exists without a single validation score leaving. Its own
    Youden threshold is sent too (the coordinator's per-site table).
    """
    from fedrad.common.device import pick_device
    from fedrad.common.metrics import per_finding_auc, score_counts, weighted_auc, youden_thresholds
    from fedrad.common.train import predict, predict_set_bn

    _threads()
    device = pick_device(cfg.device)
    ds = site_dataset(site, cfg, "val", train=False)
    template = cfg.template()
    if len(ds) == 0:
        return _empty_evaluation(cfg)
    model = _model(cfg, state, site).to(device)
    loader = _loader(ds, cfg, shuffle=False)
    amp = cfg.amp and device.type == "cuda"
    if cfg.bn_local:
        # The recipe the coordinator applies to every test set under bn-local (server.testsets.predict_test_set):
        # BatchNorm statistics of the evaluated images themselves, labels unused (one pass). The thresholds
        # this site sends are then chosen on scores made the way test scores are made; its stored statistics
        # (an average over augmented training batches of its last local model) would shift them.
        scores, y, m = predict_set_bn(model, loader, device, amp=amp)
    else:
        scores, y, m = predict(model, loader, device, amp=amp)
    p = np.clip(scores, 1e-7, 1 - 1e-7)
    bce = -(y * np.log(p) + (1 - y) * np.log(1 - p))
    loss = float((bce * m).sum() / max(m.sum(), 1.0))
    per, _ = per_finding_auc(y, scores, mask=m, ids=template.ids)
    truth = (y >= 0.5) & (m > 0)
    thresholds = [math.nan if t is None else float(t) for t in youden_thresholds(y, scores, m)[0]]
    pos, neg = score_counts(y, scores, m)
    aucs = [float(per.get(fid, math.nan)) for fid in template.ids]
    defined = [a for a in aucs if not math.isnan(a)]
    return {
        "num-examples": len(ds),
        "val-loss": loss,
        "val-macro-auc": float(np.mean(defined)) if defined else math.nan,
        "val-weighted-auc": float(weighted_auc(y, scores, mask=m)),
        "val-auc": aucs,
        "val-threshold": thresholds,
        "val-npos": [int(v) for v in truth.sum(axis=0)],
        "val-score-pos": [int(v) for v in pos.ravel()],
        "val-score-neg": [int(v) for v in neg.ravel()],
    }
