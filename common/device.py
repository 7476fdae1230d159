"""Device choice, seeding and mixed precision, in one place so every role trains the same way.

Sites range from a laptop CPU to a GPU server; `pick_device("auto")` lets the same config run
on all of them, while an explicit "cuda" that is not there fails loudly instead of silently
training for days on the CPU.
"""

from __future__ import annotations

import contextlib
import os
import platform
import random
from collections.abc import Iterator

import numpy as np
import torch
from fedrad.common.errors import FedradError

# cuBLAS needs a fixed workspace to be deterministic (CUDA >= 10.2); see the PyTorch
# reproducibility notes. Set before the first cuBLAS call, hence in seed_everything.
CUBLAS_WORKSPACE = ":4096:8"


class DeviceError(FedradError, RuntimeError):
    """The requested device does not exist on this machine."""


def _mps_available() -> bool:
    mps = getattr(torch.backends, "mps", None)
    return bool(mps is not None and mps.is_available())


def pick_device(pref: str = "auto") -> torch.device:
    """'auto' -> cuda, else mps, else cpu; 'cpu', 'cuda', 'cuda:N', 'mps' are taken literally."""
    pref = (pref or "auto").strip().lower()
    if pref == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if _mps_available():
            return torch.device("mps")
        return torch.device("cpu")
    try:
        dev = torch.device(pref)
    except RuntimeError:
        raise DeviceError(f"unknown device '{pref}'; use auto, cpu, cuda, cuda:N or mps") from None
    if dev.type == "cuda":
        if not torch.cuda.is_available():
            raise DeviceError(f"device '{pref}' requested but CUDA is not available on this machine "
                              f"(torch {torch.__version__}); use --device auto or cpu")
        if dev.index is not None and dev.index >= torch.cuda.device_count():
            raise DeviceError(f"device '{pref}' requested but only {torch.cuda.device_count()} CUDA device(s) exist")
    elif dev.type == "mps" and not _mps_available():
        raise DeviceError(f"device '{pref}' requested but Apple MPS is not available on this machine")
    elif dev.type not in ("cpu", "cuda", "mps"):
        raise DeviceError(f"unsupported device '{pref}'; use auto, cpu, cuda, cuda:N or mps")
    return dev


def seed_everything(seed: int, deterministic: bool = False, *, warn_only: bool = True) -> None:
    """Seed Python, NumPy and torch (all GPUs); optionally force deterministic kernels.

    warn_only defaults to True because some CUDA kernels ResNet needs (adaptive average
    pooling backward) have no deterministic implementation; strict mode would refuse to train.
    Non-deterministic mode turns cudnn.benchmark on, as torchvision's reference scripts do.
    """
    seed_rngs(seed)
    if deterministic:
        os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", CUBLAS_WORKSPACE)
        _deterministic_algorithms(True, warn_only)
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False
    else:
        _deterministic_algorithms(False, False)
        torch.backends.cudnn.deterministic = False
        torch.backends.cudnn.benchmark = True


def _deterministic_algorithms(on: bool, warn_only: bool) -> None:
    """torch.use_deterministic_algorithms, called only when the setting changes: the call imports
    torch._inductor (1.4-1.8 s on a 2-core host), paid at every ServerApp start, at a simulated site's first
    message and at every message of a deployed site (a process per message), to set what is already set."""
    if (torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled()) \
            != (on, warn_only and on):
        torch.use_deterministic_algorithms(on, warn_only=warn_only)


def seed_rngs(seed: int) -> None:
    """Seed Python, NumPy and torch (every CUDA device too) without touching kernel settings."""
    seed = int(seed) % (2**32)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def seed_worker(worker_id: int) -> None:
    """DataLoader worker_init_fn: torch seeds each worker, NumPy and `random` need it done by hand."""
    worker_seed = torch.initial_seed() % 2**32
    np.random.seed(worker_seed)
    random.seed(worker_seed)


def amp_dtype(device: torch.device) -> torch.dtype | None:
    """bf16 where the GPU supports it (no loss scaling needed), else fp16; None off CUDA."""
    if device.type != "cuda":
        return None
    return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16


def needs_grad_scaler(device: torch.device, enabled: bool) -> bool:
    """Only fp16 autocast needs a GradScaler; bf16 has float32's exponent range."""
    return bool(enabled) and amp_dtype(device) == torch.float16


@contextlib.contextmanager
def autocast(device: torch.device, enabled: bool = True) -> Iterator[None]:
    """Mixed precision on CUDA only; CPU autocast (bf16) is slower than fp32 on most CPUs, so a no-op."""
    dtype = amp_dtype(device) if enabled else None
    if dtype is None:
        yield
        return
    with torch.autocast(device_type="cuda", dtype=dtype):
        yield


def describe_device(device: torch.device | str | None = None) -> str:
    """One line for logs: what hardware a run actually used."""
    dev = pick_device("auto") if device is None else torch.device(device)
    if dev.type == "cuda":
        idx = dev.index if dev.index is not None else torch.cuda.current_device()
        props = torch.cuda.get_device_properties(idx)
        mem = props.total_memory / 2**30
        prec = "bf16" if torch.cuda.is_bf16_supported() else "fp16"
        return (f"cuda:{idx} {props.name} ({mem:.1f} GiB, capability {props.major}.{props.minor}, "
                f"amp {prec}; torch {torch.__version__})")
    if dev.type == "mps":
        return f"mps ({platform.machine()}; torch {torch.__version__})"
    cpu = platform.processor() or platform.machine()
    return f"cpu {cpu} ({torch.get_num_threads()} threads; torch {torch.__version__})"
