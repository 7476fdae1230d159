"""`fedrad doctor`: checks that say what is wrong with a machine's setup and how to fix it.

The check framework (Check records, ok/warn/fail, one renderer, one exit-code rule, the gate that
`client start`/`server start` stop at) and the role-independent environment checks (versions, Flower's
executables, accelerator, disk). Certificates and the TLS probe of the coordinator are
common.tlsprobe; the site and coordinator checks live in client.doctor and server.doctor and return
the same `Check` records.
Checks never raise for a broken setup: a broken setup is exactly what they report. Nothing
here writes a file.
"""

from __future__ import annotations

import importlib.metadata
import os
import platform
import shutil
import sys
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from fedrad.common import __version__

Status = Literal["ok", "warn", "fail"]
FLOWER_EXECUTABLES = ("flower-superlink", "flower-supernode", "flower-superexec", "flwr")
DISK_WARN_GB = 20.0
DISK_FAIL_GB = 2.0
MIN_PYTHON = (3, 11)



@dataclass(frozen=True)
class Check:
    """One finding. `fix` says what to do; empty when there is nothing to do."""

    name: str
    status: Status
    detail: str
    fix: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def ok(name: str, detail: str) -> Check:
    return Check(name, "ok", detail)


def warn(name: str, detail: str, fix: str = "") -> Check:
    return Check(name, "warn", detail, fix)


def fail(name: str, detail: str, fix: str = "") -> Check:
    return Check(name, "fail", detail, fix)


def guarded(name: str, fn: Callable[..., list[Check]], *args, **kwargs) -> list[Check]:
    """Run a group of checks; an unexpected exception becomes a failed check instead of a traceback,
    so one odd file does not hide every other finding."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - the doctor must report, not crash
        return [fail(name, f"check crashed: {type(exc).__name__}: {exc}",
                     "unexpected state; please report this together with the detail")]


def exit_code(checks: Iterable[Check]) -> int:
    """0 unless something failed: warnings are advice, not errors."""
    return 1 if any(c.status == "fail" for c in checks) else 0


def render(checks: list[Check], console=None, *, title: str = "fedrad doctor") -> None:
    """A table (status, check, detail, fix) and a one-line summary; fingerprints and paths stay whole
    (people compare them), never markup or emoji, plain tab-separated text to a pipe or file."""
    from fedrad.common.clikit import make_console, print_table

    console = console or make_console()
    print_table(("status", "check", "detail", "fix"), [(c.status.upper(), c.name, c.detail, c.fix) for c in checks],
                title=title, con=console)
    n = {s: sum(1 for c in checks if c.status == s) for s in ("ok", "warn", "fail")}
    console.print(f"{n['ok']} ok, {n['warn']} warning(s), {n['fail']} failure(s)", markup=False)


def gate(checks: list[Check], console, *, doctor: str) -> bool:
    """A role's start runs its doctor's checks: prints every warning and failure (never truncated)
    and returns True if start must stop. `doctor` is the command that shows the full table."""
    bad = [c for c in checks if c.status != "ok"]
    for c in bad:
        color = "red" if c.status == "fail" else "yellow"
        console.print(f"[{color}]{c.status.upper()}[/{color}] {c.name}: {c.detail}", highlight=False, soft_wrap=True)
        if c.fix:
            console.print(f"      fix: {c.fix}", highlight=False, markup=False, soft_wrap=True)
    failed = exit_code(checks) != 0
    if failed:
        console.print(f"[red]error:[/red] {sum(c.status == 'fail' for c in checks)} check(s) failed; nothing "
                      f"started (the same checks with details: {doctor})", highlight=False, soft_wrap=True)
    return failed


# --- installation ------------------------------------------------------------------------

def installed_version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


PROVENANCE_DISTS = ("torch", "torchvision", "numpy", "flwr", "pillow", "pydicom")


def cpu_model() -> str:
    """The CPU's marketing name (Linux: /proc/cpuinfo; elsewhere what `platform` knows)."""
    try:
        for line in Path("/proc/cpuinfo").read_text(errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def environment() -> dict[str, object]:
    """What a run was computed on, recorded beside its results (report.json): the same code gives
    slightly different AUCs on another CPU or library build (session 42 measured it), so a figure
    without its machine and versions cannot be compared with another."""
    import torch
    from fedrad.common.device import describe_device

    return {"fedrad": __version__, "python": ".".join(map(str, sys.version_info[:3])),
            "packages": {d: installed_version(d) for d in PROVENANCE_DISTS},
            "platform": platform.platform(), "cpu": cpu_model(), "cpu_count": os.cpu_count(),
            "torch_threads": torch.get_num_threads(), "device": describe_device()}


def environment_line(env: dict[str, object], lead: str = "computed with") -> str:
    """One line of a report for environment()'s record, opening with `lead`."""
    pk = env.get("packages") or {}
    libs = ", ".join(f"{k} {v}" for k, v in pk.items() if v)  # type: ignore[union-attr]
    return (f"{lead} fedrad {env.get('fedrad')}, Python {env.get('python')}, {libs}; on {env.get('cpu')} "
            f"({env.get('cpu_count')} cores, {env.get('torch_threads')} torch threads), {env.get('platform')}; "
            f"device {env.get('device')}")


def check_versions() -> list[Check]:
    out = []
    py = ".".join(map(str, sys.version_info[:3]))
    if sys.version_info[:2] < MIN_PYTHON:
        need = ".".join(map(str, MIN_PYTHON))
        out.append(fail("python", f"{py} ({sys.executable})", f"fedrad needs Python >= {need}"))
    else:
        out.append(ok("python", f"{py} ({sys.executable})"))
    out.append(ok("fedrad", __version__))
    flwr = installed_version("flwr")
    if flwr is None:
        out.append(fail("flwr", "not installed", "pip install 'flwr==1.42.*' (fedrad is built for Flower 1.42)"))
    elif not flwr.startswith("1.42."):
        out.append(fail("flwr", f"{flwr}; fedrad is built for 1.42", "pip install 'flwr==1.42.*'"))
    else:
        out.append(ok("flwr", flwr))
    torch = installed_version("torch")
    out.append(ok("torch", torch) if torch else fail("torch", "not installed", "pip install torch (see PyTorch's "
                                                                               "install page for your GPU)"))
    return out


def check_flower_executables(names: Iterable[str] = FLOWER_EXECUTABLES) -> list[Check]:
    """Flower's SuperLink and SuperNode start `flower-superexec` by bare name: fedrad puts this
    Python's bin folder first on PATH for them, so the executables must be there (else
    FileNotFoundError 'flower-superexec', or another Flower install runs)."""
    name = "flower executables"
    names = list(names)
    bindir = Path(sys.executable).parent
    missing = [n for n in names if not (bindir / n).is_file()]
    if missing:
        return [fail(name, f"{', '.join(missing)} not found in {bindir}",
                     f"reinstall flwr into this environment: {sys.executable} -m pip install 'flwr==1.42.*'")]
    where = f"{', '.join(names)} in {bindir}"
    found = {n: shutil.which(n) for n in names}
    elsewhere = [f"{n} -> {f}" for n, f in found.items()
                 if f is not None and Path(f).resolve() != (bindir / n).resolve()]
    # fedrad puts bindir first on PATH for the Flower processes it starts; PATH only matters when
    # an operator runs Flower's commands by hand, so this is a note, not a warning.
    if elsewhere:
        return [ok(name, f"{where}; note: in this shell PATH finds another Flower first ({'; '.join(elsewhere)})")]
    if any(f is None for f in found.values()):
        return [ok(name, f"{where}; note: that folder is not on this shell's PATH (fedrad adds it for Flower)")]
    return [ok(name, where)]


def check_accelerator() -> list[Check]:
    import torch

    if torch.cuda.is_available():
        names = [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())]
        return [ok("accelerator", f"CUDA {torch.version.cuda}: {', '.join(names)}")]
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return [ok("accelerator", f"Apple MPS ({platform.machine()})")]
    return [warn("accelerator", f"no CUDA GPU or Apple MPS: CPU only ({os.cpu_count()} cores, "
                                f"torch {torch.__version__})",
                 "training ResNet50 on the CPU is slow: expect hours per round at full image size; "
                 "use a GPU machine or a smaller image-size")]


def check_disk(path: str | os.PathLike, *, name: str = "disk space", warn_gb: float = DISK_WARN_GB,
               fail_gb: float = DISK_FAIL_GB) -> list[Check]:
    """Free space where fedrad will write (image cache, checkpoints); a path that does not exist yet
    is measured at its nearest existing parent."""
    p = Path(path).absolute()
    while not p.exists() and p != p.parent:
        p = p.parent
    free = shutil.disk_usage(p).free / 1e9
    detail = f"{free:,.1f} GB free at {p}"
    if free < fail_gb:
        return [fail(name, detail, f"free space: fedrad needs at least {fail_gb:g} GB (image cache, checkpoints)")]
    if free < warn_gb:
        return [warn(name, detail, f"less than {warn_gb:g} GB free: the image cache and checkpoints may fill it")]
    return [ok(name, detail)]


def compare_versions(remote_fedrad: str, remote_flwr: str) -> Check:
    """fedrad must match exactly (the run config carries it and the ClientApp refuses a mismatch);
    Flower must match in major.minor (its wire protocol), a different patch release only warns."""
    name = "fleet proxy version"
    local_flwr = installed_version("flwr") or "not installed"
    both = f"coordinator fedrad {remote_fedrad} / flwr {remote_flwr}, here fedrad {__version__} / flwr {local_flwr}"
    if remote_fedrad != __version__:
        return fail(name, f"fedrad version mismatch: {both}", f"install fedrad {remote_fedrad} here "
                                                              "(or the coordinator upgrades)")
    if remote_flwr.split(".")[:2] != local_flwr.split(".")[:2]:
        return fail(name, f"Flower version mismatch: {both}", f"pip install 'flwr=={remote_flwr}'")
    if remote_flwr != local_flwr:
        return warn(name, f"Flower patch releases differ: {both}", f"pip install 'flwr=={remote_flwr}'")
    return ok(name, both)


def common_checks(disk_path: str | os.PathLike) -> list[Check]:
    """What every role needs: versions, Flower's executables, an accelerator, disk space."""
    return [*guarded("versions", check_versions), *guarded("flower executables", check_flower_executables),
            *guarded("accelerator", check_accelerator), *guarded("disk space", check_disk, disk_path)]
