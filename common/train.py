"""The training engine: the recipe (TrainConfig), masked loss, optimizer/scheduler/scaler, one epoch,
prediction and evaluation, BatchNorm recalibration.

Modelled on torchvision's reference classification scripts with the study's recipe as defaults. The
federated client runs its local epochs with these blocks; the single-site loop with checkpoints and
model selection (`fit`) is the simulation's (sim.fit), the live progress bar is common.progress.

Batches are (x, y, m): x float32 (B, V, C, H, W), y targets and m loss mask, both float32
(B, K), as produced by common.dataset and common.policies.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from fedrad.common.device import autocast, needs_grad_scaler
from fedrad.common.errors import FedradRuntimeError
from fedrad.common.metrics import macro_auc, weighted_auc
from torch import nn

SELECT_METRICS = ("weighted_auc", "macro_auc")


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


# Input values (studies x views x channels x pixels) up to which predict_set_bn scores a set in one forward pass:
# about 67 MB of float32 input (the default simulation's largest set, the external test set, is 7.4 M values);
# above it (large images) the set takes two passes over the loader's batches.
SET_BATCH_MAX_VALUES = 2**24


def _batchnorms(model: nn.Module) -> list[nn.Module]:
    return [m for m in model.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]


@torch.no_grad()
def predict_set_bn(model: nn.Module, loader: Iterable, device: torch.device | str = "cpu", *, amp: bool = False,
                   max_values: int = SET_BATCH_MAX_VALUES) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """predict() with every BatchNorm layer's statistics those of the evaluated images themselves (labels unused):
    the bn-local recipe for a site's validation, the coordinator's test sets and `fedrad client recalibrate --bn`
    (one recipe: a hospital's recalibrated model scores its images as the report scored an external set).

    The whole set goes through the model as one batch: each BatchNorm layer first takes its input's mean and
    (unbiased) variance over the set as its running statistics, then normalises with them as in eval mode. So
    the scores are those of recalibrate_bn over one batch holding the set followed by predict, from one pass
    instead of two, and they do not depend on a batch size (the two-pass recipe averages per-batch statistics).
    A set of more than `max_values` input values (large images) takes those two passes over the loader's batches
    instead. The model keeps the set's statistics and is left in eval mode."""
    device = torch.device(device)
    size = dataset_len(loader)
    batches = iter(loader)
    first = next(batches, None)
    if first is None:
        raise ValueError("the evaluation loader yielded no batches (empty validation split?)")
    x0, _, _ = _unpack(first)
    if size is None or size * (x0.numel() // max(x0.shape[0], 1)) > max_values:
        recalibrate_bn(model, loader, device)
        return predict(model, loader, device, amp=amp)
    parts = [_unpack(b) for b in [first, *batches]]
    x = torch.cat([p[0] for p in parts])
    y = torch.cat([p[1] for p in parts]).float()
    m = torch.cat([p[2] if p[2] is not None else torch.ones_like(p[1]) for p in parts]).float()

    def set_statistics(bn: nn.Module, args: tuple) -> None:
        inp = args[0]
        dims = [0, *range(2, inp.dim())]
        bn.running_mean.copy_(inp.mean(dims))
        bn.running_var.copy_(inp.var(dims, unbiased=True))
        bn.num_batches_tracked.fill_(1)

    model.to(device).eval()
    hooks = [bn.register_forward_pre_hook(set_statistics) for bn in _batchnorms(model) if bn.track_running_stats]
    try:
        with autocast(device, amp):
            logits = model(x.to(device))
    finally:
        for h in hooks:
            h.remove()
    return torch.sigmoid(logits.float()).cpu().numpy(), y.numpy(), m.numpy()


def dataset_len(loader: Any) -> int | None:
    try:
        return len(loader.dataset)
    except (AttributeError, TypeError):
        return None


@torch.no_grad()
def recalibrate_bn(model: torch.nn.Module, loader, device: torch.device | str = "cpu") -> int:
    """Replace every BatchNorm layer's running statistics by this data's (cumulative average over
    all batches, labels unused); returns the number of layers reset. The model is left in eval mode."""
    bns = _batchnorms(model)
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
