"""Single-site training (`fit`): the per-run loop over common.train's engine with model selection,
checkpoints and resume, as torchvision's reference classification script (explicit checkpoint dict,
resume at the next epoch, a deterministic switch). Used by the simulation's pooled baseline.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch
from fedrad.common.clikit import make_console
from fedrad.common.device import describe_device, pick_device, seed_everything, seed_rngs
from fedrad.common.fileio import write_bytes, write_json
from fedrad.common.model import (
    CheckpointError,
    CheckpointMismatchError,
    ModelConfig,
    read_checkpoint,
    save_checkpoint,
)
from fedrad.common.progress import progress_bar
from fedrad.common.train import (
    TrainConfig,
    TrainingDivergedError,
    dataset_len,
    evaluate,
    make_optimizer,
    make_scaler,
    make_scheduler,
    train_one_epoch,
)
from rich.console import Console
from torch import nn

CHECKPOINT_NAME = "checkpoint.pt"  # latest complete epoch, with optimizer state: for --resume
BEST_NAME = "best.pt"  # weights of the selected epoch: for evaluation and deployment
HISTORY_NAME = "history.json"


# --------------------------------------------------------------------------- the full loop


@dataclass
class FitResult:
    """What `fit` did. Epoch numbers are 0-based indexes, as in torchvision; logs show 1-based."""

    best_epoch: int | None
    best_metric: float
    metric_name: str
    history: list[dict[str, Any]]
    start_epoch: int
    epochs_run: int
    seconds: float
    checkpoint_path: Path | None = None
    best_path: Path | None = None
    best_state: dict[str, torch.Tensor] | None = field(default=None, repr=False)


def _fmt(x: float, spec: str = ".3f") -> str:
    return format(x, spec) if isinstance(x, int | float) and math.isfinite(x) else "n/a"


def _is_better(metric: float, loss: float, best: dict[str, Any]) -> bool:
    """Model selection: a finite AUC beats none; ties go to the later epoch (the study used >=).

    When no epoch has an AUC (a validation split where every finding has one class), the
    lower validation loss decides instead.
    """
    if best.get("epoch") is None:
        return True
    b_metric = best.get("metric", float("nan"))
    m_ok, b_ok = math.isfinite(metric), math.isfinite(b_metric)
    if m_ok != b_ok:
        return m_ok
    if m_ok:
        return metric >= b_metric
    loss = loss if math.isfinite(loss) else math.inf
    b_loss = best.get("val_loss", math.inf)
    return loss <= (b_loss if math.isfinite(b_loss) else math.inf)


def _best_from_history(history: list[dict[str, Any]], metric_name: str) -> dict[str, Any]:
    best: dict[str, Any] = {"epoch": None, "metric": float("nan"), "val_loss": float("nan")}
    for row in history:
        metric, loss = (float("nan") if row.get(k) is None else float(row[k]) for k in (metric_name, "val_loss"))
        if _is_better(metric, loss, best):
            best = {"epoch": row["epoch"], "metric": metric, "val_loss": loss, "metric_name": metric_name}
    return best


def _epoch_seed(seed: int, epoch: int) -> int:
    return (int(seed) * 1_000_003 + int(epoch)) % (2**32)


def _reseed_loader(loader: Any, seed: int) -> None:
    """Loaders with their own generator (shuffling, worker seeds) get it reseeded per epoch too."""
    gens = [getattr(loader, "generator", None), getattr(getattr(loader, "sampler", None), "generator", None)]
    seen: list[torch.Generator] = []
    for g in gens:
        if isinstance(g, torch.Generator) and all(g is not s for s in seen):
            g.manual_seed(seed)
            seen.append(g)


def _check_resume_meta(meta: dict[str, Any], cfg: ModelConfig, path: Path) -> None:
    mine = {"region": cfg.region, "finding_ids": list(cfg.finding_ids), "views": list(cfg.views),
            "image_size": cfg.image_size, "channels": cfg.channels, "policy": cfg.policy,
            "share_backbone": cfg.share_backbone}
    diff = [f"{k}: checkpoint {meta.get(k)!r} vs run {v!r}" for k, v in mine.items() if meta.get(k) != v]
    if diff:
        raise CheckpointMismatchError(f"{path}: cannot resume, the checkpoint was trained with another model "
                                      f"config: " + "; ".join(diff))


def _cpu_state(model: nn.Module) -> dict[str, torch.Tensor]:
    return {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}


def fit(model: nn.Module, train_loader: Iterable, val_loader: Iterable, cfg: TrainConfig, *,
        out_dir: str | os.PathLike | None = None, resume: str | os.PathLike | None = None,
        ids: Sequence[str] | None = None, model_cfg: ModelConfig | None = None,
        console: Console | None = None) -> FitResult:
    """Train for cfg.epochs with per-epoch validation, best-model selection and checkpoints.

    With out_dir, every epoch atomically writes checkpoint.pt (latest, with optimizer,
    scheduler and scaler state, history and best-so-far: what `resume` takes) and, when the
    validation metric improves, best.pt (first), plus history.json. Ctrl-C at any point leaves
    the last complete checkpoint intact. Seed the RNGs (common.device.seed_everything) before
    building the model: fit seeds only what happens after it.
    """
    console = console or make_console()
    t_start = time.perf_counter()
    if out_dir is not None and model_cfg is None:
        raise ValueError("fit: out_dir needs model_cfg (checkpoints record the template they were trained for)")
    if ids is None:
        ids = list(model_cfg.finding_ids) if model_cfg is not None else None
    if model_cfg is not None and ids is not None and list(ids) != list(model_cfg.finding_ids):
        raise ValueError("fit: ids differ from model_cfg.finding_ids")
    head = getattr(model, "num_findings", None)
    if ids is not None and head is not None and head != len(ids):
        raise ValueError(f"fit: the model has {head} outputs but {len(ids)} finding ids were given")

    device = pick_device(cfg.device)
    seed_everything(cfg.seed, cfg.deterministic)
    model.to(device)
    if cfg.channels_last:
        model.to(memory_format=torch.channels_last)
    optimizer = make_optimizer(model, cfg)
    scheduler = make_scheduler(optimizer, cfg)
    scaler = make_scaler(device, cfg.amp)
    amp = cfg.amp and device.type == "cuda"

    out = Path(out_dir) if out_dir is not None else None
    ckpt_path = out / CHECKPOINT_NAME if out else None
    best_path = out / BEST_NAME if out else None
    start_epoch = 0
    history: list[dict[str, Any]] = []
    best: dict[str, Any] = {"epoch": None, "metric": float("nan"), "val_loss": float("nan")}
    best_state: dict[str, torch.Tensor] | None = None

    if resume is not None:
        rpath = Path(resume)
        ckpt = read_checkpoint(rpath)
        if model_cfg is not None:
            _check_resume_meta(ckpt["meta"], model_cfg, rpath)
        if "optimizer" not in ckpt or ckpt.get("epoch") is None:
            raise CheckpointError(f"{rpath}: has no optimizer state or epoch; resume needs a {CHECKPOINT_NAME} "
                                  f"written by fit, not a {BEST_NAME} or exported model")
        try:
            model.load_state_dict(ckpt["model"])
        except RuntimeError as exc:
            raise CheckpointError(f"{rpath}: weights do not fit this model: {str(exc).splitlines()[0]}") from None
        optimizer.load_state_dict(ckpt["optimizer"])
        if "lr_scheduler" in ckpt:
            scheduler.load_state_dict(ckpt["lr_scheduler"])
        if scaler is not None and "scaler" in ckpt:
            scaler.load_state_dict(ckpt["scaler"])
        state = ckpt.get("extra", {}).get("fit", {})
        history = list(state.get("history", []))
        best = dict(state.get("best", best))
        start_epoch = int(ckpt["epoch"]) + 1
        if best.get("metric_name", cfg.select_metric) != cfg.select_metric:
            best = _best_from_history(history, cfg.select_metric)  # selection metric changed: re-rank
        best_file = rpath.with_name(BEST_NAME)
        if best.get("epoch") is not None and best_file.is_file():
            bck = read_checkpoint(best_file)
            if bck.get("epoch") == best["epoch"]:
                best_state = bck["model"]
                if best_path is not None and not best_path.exists():  # resuming into another folder
                    write_bytes(best_path, best_file.read_bytes())
        _say(console, f"resumed from {rpath} after epoch {start_epoch}/{cfg.epochs} "
                      f"(best so far: epoch {_fmt_epoch(best.get('epoch'))}, "
                      f"{cfg.select_metric} {_fmt(best.get('metric', float('nan')))})")
        old_cfg = state.get("train_config", {})
        changed = [f"{k} {old_cfg[k]!r} -> {v!r}" for k, v in asdict(cfg).items() if k in old_cfg and old_cfg[k] != v]
        if changed:
            _say(console, f"[yellow]note: training config changed since the checkpoint: {', '.join(changed)}")

    _say(console, f"training on {describe_device(device)}; epochs {start_epoch + 1}..{cfg.epochs}, "
                  f"amp {'on' if amp else 'off'}, select by {cfg.select_metric}"
                  + (f", writing to {out}" if out else ""))
    total = dataset_len(train_loader)
    total = total * int(getattr(model, "num_views", 1)) if total is not None else None
    epoch = start_epoch
    try:
        for epoch in range(start_epoch, cfg.epochs):
            eseed = _epoch_seed(cfg.seed, epoch)
            seed_rngs(eseed)
            _reseed_loader(train_loader, eseed)
            lr = optimizer.param_groups[0]["lr"]
            with progress_bar(total, f"epoch {epoch + 1}/{cfg.epochs}", console=console,
                              enabled=cfg.progress) as advance:
                stats = train_one_epoch(model, train_loader, optimizer, device, scaler=scaler, amp=amp,
                                        channels_last=cfg.channels_last, progress=advance)
            if not math.isfinite(stats["loss"]):
                raise TrainingDivergedError(
                    f"epoch {epoch + 1}: training loss is {stats['loss']}; stopping without saving this epoch "
                    + (f"(last good checkpoint: {ckpt_path})" if ckpt_path and ckpt_path.exists() else ""))
            scheduler.step()
            ev = evaluate(model, val_loader, device, ids, amp=amp)
            metric = ev[cfg.select_metric]
            row = {
                "epoch": epoch,
                "lr": lr,
                "train_loss": stats["loss"],
                "train_images_per_s": stats["images_per_s"],
                "train_seconds": stats["seconds"],
                "val_loss": ev["loss"],
                "macro_auc": ev["macro_auc"],
                "weighted_auc": ev["weighted_auc"],
                "per_finding": ev["per_finding"],
                "skipped": ev["skipped"],
                "val_seconds": ev["seconds"],
            }
            history.append(row)
            improved = _is_better(metric, ev["loss"], best)
            if improved:
                best = {"epoch": epoch, "metric": metric, "val_loss": ev["loss"], "metric_name": cfg.select_metric}
                best_state = _cpu_state(model)
            if out is not None:
                assert model_cfg is not None and ckpt_path is not None and best_path is not None
                if improved:  # best first: a crash between the two saves re-runs this epoch on resume
                    save_checkpoint(best_path, model, model_cfg, epoch=epoch,
                                    extra={"metrics": row, "train_config": asdict(cfg)})
                save_checkpoint(ckpt_path, model, model_cfg, optimizer=optimizer, lr_scheduler=scheduler,
                                scaler=scaler, epoch=epoch,
                                extra={"fit": {"history": history, "best": best, "train_config": asdict(cfg)}})
                write_json(out / HISTORY_NAME, _json_safe({"train_config": asdict(cfg),
                                                           "model_config": model_cfg.to_dict(),
                                                           "best": best, "history": history}))
            _say(console,
                f"epoch {epoch + 1:>3}/{cfg.epochs}  loss {_fmt(stats['loss'], '.4f')}  "
                f"val loss {_fmt(ev['loss'], '.4f')}  weighted AUC {_fmt(ev['weighted_auc'])}  "
                f"macro AUC {_fmt(ev['macro_auc'])}  lr {lr:.1e}  {stats['images_per_s']:.1f} img/s  "
                f"{stats['seconds'] + ev['seconds']:.1f} s" + ("  [green]* best[/green]" if improved else "")
                + (f"  ({len(ev['skipped'])} finding(s) without both classes)" if ev["skipped"] else ""))
    except KeyboardInterrupt:
        done = history[-1]["epoch"] + 1 if history else start_epoch
        where = f"; last complete checkpoint: {ckpt_path} (epoch {done})" if ckpt_path and ckpt_path.exists() else ""
        _say(console, f"[yellow]interrupted during epoch {epoch + 1}{where}")
        raise

    if cfg.restore_best and best_state is not None:
        model.load_state_dict(best_state)
    seconds = time.perf_counter() - t_start
    epochs_run = max(0, len(history) - start_epoch) if history else 0
    _say(console,
        f"[bold]done[/bold]: {epochs_run} epoch(s) in {seconds:.0f} s; best epoch {_fmt_epoch(best.get('epoch'))} "
        f"{cfg.select_metric} {_fmt(best.get('metric', float('nan')))} "
        f"(val loss {_fmt(best.get('val_loss', float('nan')), '.4f')})"
        + (f"; {best_path} and {ckpt_path}" if out else ""))
    return FitResult(best_epoch=best.get("epoch"), best_metric=float(best.get("metric", float("nan"))),
                     metric_name=cfg.select_metric, history=history, start_epoch=start_epoch,
                     epochs_run=epochs_run, seconds=seconds, checkpoint_path=ckpt_path, best_path=best_path,
                     best_state=best_state)


def _json_safe(obj: Any) -> Any:
    """NaN/inf -> null: history.json must stay strict JSON for other tools."""
    if isinstance(obj, dict):
        return {k: _json_safe(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_json_safe(v) for v in obj]
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def _say(console: Console, msg: str) -> None:
    # One record per line even when the console is 80 columns wide (logs, CI): never wrap.
    console.print(msg, soft_wrap=True, highlight=False)


def _fmt_epoch(epoch: int | None) -> str:
    return "n/a" if epoch is None else str(int(epoch) + 1)
