"""Training: masked loss, one-epoch building blocks, and the full `fit` loop with checkpoints.

Modelled on torchvision's reference classification scripts (explicit checkpoint dict, resume
at the next epoch, a deterministic switch) with the study's recipe as defaults. The
federated client reuses the building blocks (`make_optimizer`, `train_one_epoch`,
`evaluate`) for its local epochs; `fit` adds the per-run loop, model selection and
checkpointing for single-site training.

Batches are (x, y, m): x float32 (B, V, C, H, W), y targets and m loss mask, both float32
(B, K), as produced by common.dataset and common.policies.
"""

from __future__ import annotations

import contextlib
import math
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from fedrad.common.device import autocast, describe_device, needs_grad_scaler, pick_device, seed_everything, seed_rngs
from fedrad.common.errors import FedradRuntimeError
from fedrad.common.fileio import write_bytes, write_json
from fedrad.common.metrics import macro_auc, weighted_auc
from fedrad.common.model import (
    CheckpointError,
    CheckpointMismatchError,
    ModelConfig,
    read_checkpoint,
    save_checkpoint,
)
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text
from torch import nn

SELECT_METRICS = ("weighted_auc", "macro_auc")
CHECKPOINT_NAME = "checkpoint.pt"  # latest complete epoch, with optimizer state: for --resume
BEST_NAME = "best.pt"  # weights of the selected epoch: for evaluation and deployment
HISTORY_NAME = "history.json"


class TrainingDivergedError(FedradRuntimeError):
    """The training loss became NaN/inf; the last good checkpoint is left untouched."""


@dataclass
class TrainConfig:
    """Training recipe; defaults follow the study's published code unless noted.

    epochs: 25, as in the study code's usage example.
    batch_size: 16 (the study's example used 4 at 512 px; 16 fits a 24 GB GPU at 512 px).
    lr / weight_decay: AdamW(lr=1e-4) with PyTorch's default weight decay 0.01, as the study.
    lr_step / lr_gamma: StepLR, learning rate x0.1 every 7 epochs, as the study.
    amp: mixed precision (bf16, else fp16 with loss scaling) on CUDA; ignored on CPU/MPS.
    channels_last: NHWC weights/activations; 20-40% faster ResNet50 on CPU and tensor cores.
    num_workers: DataLoader workers for callers that build loaders (fit takes loaders as given).
    seed / deterministic: seeds every RNG per epoch (so a resumed run reshuffles exactly like an
        uninterrupted one); deterministic also forces deterministic kernels (slower on GPU).
    device: "auto" (cuda > mps > cpu), "cpu", "cuda", "cuda:N" or "mps".
    select_metric: which validation AUC picks best.pt: "weighted_auc" (per-finding AUCs weighted
        by validation positives, the study's choice) or "macro_auc".
    restore_best: after fit, load the selected epoch's weights into the model.
    progress: show a progress bar per epoch (one summary line per epoch is always printed).
    """

    epochs: int = 25
    batch_size: int = 16
    lr: float = 1e-4
    weight_decay: float = 1e-2
    lr_step: int = 7
    lr_gamma: float = 0.1
    amp: bool = True
    channels_last: bool = True
    num_workers: int = 2
    seed: int = 0
    deterministic: bool = False
    device: str = "auto"
    select_metric: str = "weighted_auc"
    restore_best: bool = True
    progress: bool = True

    def __post_init__(self) -> None:
        if self.select_metric not in SELECT_METRICS:
            raise ValueError(f"select_metric must be one of {', '.join(SELECT_METRICS)}, got '{self.select_metric}'")
        for name in ("epochs", "batch_size", "lr_step"):
            if int(getattr(self, name)) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        if self.lr <= 0 or self.weight_decay < 0 or not 0 < self.lr_gamma <= 1:
            raise ValueError(f"need lr > 0, weight_decay >= 0 and 0 < lr_gamma <= 1; got lr={self.lr}, "
                             f"weight_decay={self.weight_decay}, lr_gamma={self.lr_gamma}")
        if self.num_workers < 0:
            raise ValueError(f"num_workers must be >= 0, got {self.num_workers}")


# --------------------------------------------------------------------------- loss and metrics


def masked_bce_with_logits(logits: torch.Tensor, targets: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor:
    """Mean BCE over the cells the mask keeps (0 = ignore, e.g. uncertain under `ignore`).

    Soft targets in [0, 1] (the `soft` policy) are plain BCE targets. A batch where every cell
    is masked gives a zero loss that is still part of the graph, so backward() and the
    optimizer step work unchanged (gradients are exactly zero).
    """
    if logits.shape != targets.shape:
        raise ValueError(f"logits {tuple(logits.shape)} and targets {tuple(targets.shape)} differ in shape")
    loss = F.binary_cross_entropy_with_logits(logits.float(), targets.float(), reduction="none")
    if mask is None:
        return loss.mean()
    if mask.shape != loss.shape:
        raise ValueError(f"mask {tuple(mask.shape)} and targets {tuple(targets.shape)} differ in shape")
    m = mask.to(loss.dtype)
    return (loss * m).sum() / m.sum().clamp_min(torch.finfo(loss.dtype).tiny)


# --------------------------------------------------------------------------- building blocks


def make_optimizer(model: nn.Module, cfg: TrainConfig) -> torch.optim.Optimizer:
    return torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=cfg.lr,
                             weight_decay=cfg.weight_decay)


def make_scheduler(optimizer: torch.optim.Optimizer, cfg: TrainConfig) -> torch.optim.lr_scheduler.LRScheduler:
    """Stepped once per epoch (after training, before validation), like the study and torchvision."""
    return torch.optim.lr_scheduler.StepLR(optimizer, step_size=cfg.lr_step, gamma=cfg.lr_gamma)


def make_scaler(device: torch.device, amp: bool) -> torch.amp.GradScaler | None:
    """A GradScaler only when autocast will run in fp16 (CUDA without bf16)."""
    return torch.amp.GradScaler("cuda") if needs_grad_scaler(device, amp) else None


def _is_channels_last(model: nn.Module) -> bool:
    for p in model.parameters():
        if p.dim() == 4 and p.shape[1] > 1 and p.shape[2] > 1:
            return p.is_contiguous(memory_format=torch.channels_last) and not p.is_contiguous()
    return False


def _unpack(batch: Any) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor | None]:
    if isinstance(batch, list | tuple) and len(batch) in (2, 3):
        return batch[0], batch[1], (batch[2] if len(batch) == 3 else None)
    raise ValueError("a batch must be (x, y, mask) or (x, y) tensors; got "
                     f"{type(batch).__name__} of length {len(batch) if hasattr(batch, '__len__') else '?'}")


def train_one_epoch(model: nn.Module, loader: Iterable, optimizer: torch.optim.Optimizer, device: torch.device, *,
                    scaler: torch.amp.GradScaler | None = None, amp: bool = False, channels_last: bool = True,
                    progress: Callable[[int], None] | None = None,
                    extra_loss: Callable[[], torch.Tensor] | None = None) -> dict[str, float]:
    """One pass over `loader`; returns loss (sample-weighted mean), n_samples, seconds, images_per_s.

    No per-step .item(): losses stay on the device until the end of the epoch, so a GPU is
    never stalled waiting for the host. `progress(n)` is called after each step with the
    number of images in it, studies x views (a rich progress bar's advance, for instance).
    """
    device = torch.device(device)
    if channels_last and not _is_channels_last(model):
        model.to(memory_format=torch.channels_last)
    model.train()
    non_blocking = device.type == "cuda"
    losses: list[torch.Tensor] = []
    sizes: list[int] = []
    views = 1
    t0 = time.perf_counter()
    for batch in loader:
        x, y, m = _unpack(batch)
        x = x.to(device, non_blocking=non_blocking)
        y = y.to(device, non_blocking=non_blocking)
        m = m.to(device, non_blocking=non_blocking) if m is not None else None
        views = x.shape[1] if x.dim() == 5 else 1
        optimizer.zero_grad(set_to_none=True)
        with autocast(device, amp):
            logits = model(x)
        loss = masked_bce_with_logits(logits, y, m)
        # e.g. FedProx's proximal term: optimised, but not part of the reported loss
        loss_opt = loss + extra_loss() if extra_loss is not None else loss
        if scaler is not None:
            scaler.scale(loss_opt).backward()
            scaler.step(optimizer)
            scaler.update()
        else:
            loss_opt.backward()
            optimizer.step()
        losses.append(loss.detach())
        sizes.append(x.shape[0])
        if progress is not None:
            progress(x.shape[0] * views)
    if not losses:
        raise ValueError("the training loader yielded no batches (empty training split?)")
    per_batch = torch.stack(losses).double().cpu().numpy()  # the epoch's one device sync
    seconds = time.perf_counter() - t0
    n = int(sum(sizes))
    return {
        "loss": float(np.dot(per_batch, sizes) / n),
        "n_samples": n,
        "seconds": seconds,
        "images_per_s": n * views / seconds if seconds > 0 else float("nan"),
        "steps": len(sizes),
    }


@torch.inference_mode()
def _forward_all(model: nn.Module, loader: Iterable, device: torch.device,
                 amp: bool = False) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    device = torch.device(device)
    model.eval()
    logits, targets, masks = [], [], []
    for batch in loader:
        x, y, m = _unpack(batch)
        with autocast(device, amp):
            out = model(x.to(device, non_blocking=device.type == "cuda"))
        logits.append(out.float())
        targets.append(y)
        masks.append(m if m is not None else torch.ones_like(y))
    if not logits:
        raise ValueError("the evaluation loader yielded no batches (empty validation split?)")
    return torch.cat(logits).cpu(), torch.cat(targets).float().cpu(), torch.cat(masks).float().cpu()


def predict(model: nn.Module, loader: Iterable, device: torch.device, *,
            amp: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sigmoid scores (N, K) with the loader's targets and masks, in loader order, as numpy."""
    logits, y, m = _forward_all(model, loader, device, amp)
    return torch.sigmoid(logits).numpy(), y.numpy(), m.numpy()


def evaluate(model: nn.Module, loader: Iterable, device: torch.device, ids: Sequence[str] | None = None, *,
             amp: bool = False) -> dict[str, Any]:
    """Validation loss (masked BCE), macro and positives-weighted AUC, per-finding AUCs, skipped ids.

    Findings with one class only are skipped (listed), never NaN; the AUCs are NaN only when
    every finding is skipped.
    """
    t0 = time.perf_counter()
    logits, y, m = _forward_all(model, loader, device, amp)
    ids = list(ids) if ids is not None else [str(j) for j in range(y.shape[1])]
    if len(ids) != y.shape[1]:
        raise ValueError(f"{len(ids)} finding ids given but the targets have {y.shape[1]} columns")
    loss = float(masked_bce_with_logits(logits, y, m))
    scores, y_np, m_np = torch.sigmoid(logits).numpy(), y.numpy(), m.numpy()
    macro, per, skipped = macro_auc(y_np, scores, mask=m_np, ids=ids)
    return {
        "loss": loss,
        "macro_auc": macro,
        "weighted_auc": weighted_auc(y_np, scores, mask=m_np, ids=ids),
        "per_finding": per,
        "skipped": skipped,
        "n_samples": int(y.shape[0]),
        "seconds": time.perf_counter() - t0,
    }


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


class _RateColumn(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:6.1f} img/s" if speed else "    -- img/s", style="cyan")


@contextlib.contextmanager
def progress_bar(total: int | None, label: str, *, console: Console | None = None, enabled: bool = True,
                 refresh_every: float = 0.5) -> Iterator[Callable[[int], None] | None]:
    """A transient rich bar (images, img/s, ETA); yields the `progress` callback for train_one_epoch.

    Redrawn from the training thread at most every `refresh_every` seconds instead of by rich's
    refresh thread: on a busy 2-core site a second Python thread competing for the GIL and the
    cores slows the training loop measurably (bench/train_step.py). Yields None, so the loop
    makes no calls at all, when disabled or when the console is not a terminal (log files).
    """
    console = console or Console()
    if not enabled or not console.is_terminal:
        yield None
        return
    with Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TextColumn("images"),
                  _RateColumn(), TimeElapsedColumn(), TimeRemainingColumn(), console=console, transient=True,
                  auto_refresh=False) as bar:
        task = bar.add_task("train", total=total)
        last = time.monotonic()

        def advance(n: int) -> None:
            nonlocal last
            bar.advance(task, n)
            now = time.monotonic()
            if now - last >= refresh_every:
                last = now
                bar.refresh()

        bar.refresh()
        yield advance


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
    console = console or Console()
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
    total = _dataset_len(train_loader)
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


def _dataset_len(loader: Any) -> int | None:
    try:
        return len(loader.dataset)
    except (AttributeError, TypeError):
        return None


@torch.no_grad()
def recalibrate_bn(model: torch.nn.Module, loader, device: torch.device | str = "cpu") -> int:
    """Replace every BatchNorm layer's running statistics by this data's (cumulative average over
    all batches, labels unused); returns the number of layers reset. The model is left in eval mode."""
    bns = [m for m in model.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
    saved = [m.momentum for m in bns]
    for m in bns:
        m.reset_running_stats()
        m.momentum = None  # cumulative moving average: every batch weighs the same
    model.to(device).train()
    for batch in loader:
        x = batch[0] if isinstance(batch, list | tuple) else batch
        model(x.to(device))
    for m, mom in zip(bns, saved, strict=True):
        m.momentum = mom
    model.eval()
    return len(bns)
