"""Running Flower's own programs (flower-superlink, flower-supernode, flwr) as managed children.

Flower 1.42 has no public Python API to start a SuperLink or SuperNode, so every fedrad role
wraps the command-line programs (the pattern NVIDIA FLARE uses too). What every wrapper must
get right lives here once: a private FLWR_HOME, telemetry and update checks off (a hospital
server must not phone home), runtime dependency installation off (it would pull GBs from the
internet into a fresh venv per run), an environment that is an allowlist (no API keys or
other secrets of the operator's shell), the venv's bin/ first on PATH (Flower spawns
`flower-superexec` by bare name), children in their own process group so a stop reaches the
grandchildren, and a log file per child. No Flower import: this is plain subprocess work.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path

from fedrad.common.errors import FedradRuntimeError
from fedrad.common.fileio import write_text


class ChildError(FedradRuntimeError):
    """A managed Flower process failed to start or died; the message carries its log tail."""


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


# What a Flower process may inherit from the operator's shell: locale, time zone, temp folder, the
# account, proxies (a hospital may reach the coordinator only through one), GPU selection, and
# fedrad's / Flower's own settings. Nothing else: an OPENAI_API_KEY, database passwords or cloud
# credentials in the operator's shell must not reach a SuperNode or the ClientApps it spawns.
ENV_ALLOW = frozenset({"HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TERM",
                       "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
                       "SSL_CERT_FILE", "SSL_CERT_DIR", "CUDA_VISIBLE_DEVICES", "CUDA_DEVICE_ORDER",
                       "OMP_NUM_THREADS", "MKL_NUM_THREADS", "COLUMNS"})
ENV_ALLOW_PREFIXES = ("LC_", "FEDRAD_", "FLWR_")


def allowed_env(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The allowlisted part of `environ` (default os.environ); see ENV_ALLOW."""
    environ = os.environ if environ is None else environ
    return {k: v for k, v in environ.items() if k in ENV_ALLOW or k.startswith(ENV_ALLOW_PREFIXES)}


# OpenMP threads that wait for work sleep instead of spinning (libgomp spins by default). On this 2-core
# machine shared with other jobs, spinning torch threads burn the cores their partner thread needs:
# a default two-view ResNet50 training step at 64 px with 2 threads took 25-45 s wall and 17-20 CPU-s
# spinning vs 5-11 s wall and 3.3-3.6 CPU-s passive (load average 5-9, same process type, alternated).
# An explicit OMP_WAIT_POLICY in the environment wins.
OMP_WAIT_POLICY_DEFAULT = "PASSIVE"


def omp_wait_policy() -> str:
    """The OpenMP wait policy fedrad's training processes run with (libgomp reads it once, at start-up)."""
    return os.environ.get("OMP_WAIT_POLICY") or OMP_WAIT_POLICY_DEFAULT


def flower_env(home: str | Path, *, threads: int = 0, extra: Mapping[str, str] | None = None,
               bin_dirs: Sequence[str | Path] = ()) -> dict[str, str]:
    """Environment for every Flower process fedrad starts (see the module docstring): an allowlist of
    the current environment, never a copy. `bin_dirs` go first on PATH (a site's ClientApp launcher)."""
    env = allowed_env()
    env.update(FLWR_HOME=str(home), FLWR_TELEMETRY_ENABLED="0", FLWR_DISABLE_UPDATE_CHECK="1",
               FLWR_DISABLE_RUNTIME_DEPENDENCY_INSTALLATION="1", OMP_WAIT_POLICY=omp_wait_policy())
    if threads > 0:
        env.update(FEDRAD_TORCH_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
    path = [*(str(b) for b in bin_dirs), str(Path(sys.executable).parent), os.environ.get("PATH", "")]
    env["PATH"] = os.pathsep.join(p for p in path if p)
    env.update(extra or {})
    Path(home).mkdir(parents=True, exist_ok=True)
    return env


def write_connection(home: str | Path, name: str, address: str, *, ca_file: str | Path | None = None,
                     insecure: bool = False) -> Path:
    """The `flwr` CLI's connection `name` in FLWR_HOME/config.toml (the only way to point it at a SuperLink)."""
    lines = ["[superlink]", f'default = "{name}"', "", f"[superlink.{name}]", f'address = "{address}"']
    if insecure:
        lines.append("insecure = true")
    elif ca_file:
        lines.append(f'root-certificates = "{Path(ca_file).resolve()}"')
    path = Path(home) / "config.toml"
    write_text(path, "\n".join(lines) + "\n")
    return path


def _die_with_parent() -> None:
    """Linux: the child gets SIGTERM if the fedrad process that started it dies, even by SIGKILL, so a
    crashed `fedrad server/client start` never leaves an orphaned SuperLink or SuperNode behind."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG = 1


def process_tree(pid: int) -> list[int]:
    """`pid` and every descendant, breadth-first over /proc (Linux). Flower starts its SuperExec and
    app processes in sessions of their own, so a process group does not reach them; this does. Every
    thread's children count: the simulation starts Ray's daemons from a worker thread."""
    pids = [pid]
    for p in pids:  # grows while walking
        with contextlib.suppress(OSError, ValueError):
            for task in Path(f"/proc/{p}/task").iterdir():
                with contextlib.suppress(OSError, ValueError):
                    pids += [int(c) for c in (task / "children").read_text().split()]
    return pids


def kill_tree(pids: Sequence[int]) -> list[int]:
    """SIGKILL every pid of a `process_tree` at once, like a machine losing power, and wait until they have exited
    (wait_gone); the ones still running after its timeout."""
    for p in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(p, signal.SIGKILL)
    return wait_gone(pids)


def wait_gone(pids: Sequence[int], timeout: float = 10.0) -> list[int]:
    """Wait until every pid has exited (gone from /proc, or a zombie awaiting its reaper); the ones still running
    after `timeout` s. A SIGKILLed process takes a moment to exit (a Ray daemon unmapping its memory): returning right
    after the signals would report a tree stopped that is still in the process table (session 38: a CI run found one
    such process)."""
    deadline = time.monotonic() + timeout
    left = list(pids)
    while left:
        left = [p for p in left if _running(p)]
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    return left


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rfind(")") + 2:][:1] not in ("Z", "X")


class Child:
    """One managed process: own session (so stop() reaches its children), output to a log file."""

    def __init__(self, name: str, cmd: Sequence[str], env: Mapping[str, str], log_path: str | Path,
                 cwd: str | Path | None = None, *, append: bool = True):
        self.name = name
        self.cmd = list(cmd)
        self.log_path = Path(log_path)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "ab" if append else "wb")  # noqa: SIM115 - closed in stop()/kill()
        self.proc = subprocess.Popen(self.cmd, stdout=self._log, stderr=subprocess.STDOUT, env=dict(env),
                                     cwd=str(cwd) if cwd else None, start_new_session=True,
                                     preexec_fn=_die_with_parent)  # noqa: PLW1509 - only a prctl call

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None

    def text(self) -> str:
        """The whole log so far ("" before the first write)."""
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def log_tail(self, lines: int = 20) -> str:
        return "".join(self.text().splitlines(keepends=True)[-lines:])

    def signal(self, sig: int) -> None:
        """`sig` to the child's process group (its session)."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, sig)

    def check_alive(self) -> None:
        if not self.alive():
            raise ChildError(f"{self.name} exited with code {self.proc.returncode}; log {self.log_path}:\n"
                             f"{self.log_tail()}")

    def stop(self, grace: float = 15.0) -> int | None:
        """SIGTERM to the whole process group (Flower stops gracefully on it), SIGKILL after `grace` s."""
        tree = process_tree(self.proc.pid)
        if self.alive():
            self.signal(signal.SIGTERM)
            try:
                self.proc.wait(grace)
            except subprocess.TimeoutExpired:
                self.signal(signal.SIGKILL)
                self.proc.wait(5)
        # Grandchildren (flower-superexec, flwr-clientapp; some in sessions of their own) may outlive a
        # leader that exited first.
        self.signal(signal.SIGKILL)
        kill_tree(tree[1:])
        self._log.close()
        return self.proc.returncode

    def crash(self) -> None:
        """SIGKILL the child and all its descendants at once, other sessions included (a power cut).

        The tree is frozen first (SIGSTOP, walked again until no new process appears): a process forked while
        the tree was being killed would otherwise lose its parent, move to init and survive the walk (seen under
        load in session 17: a Ray process outliving its simulation)."""
        frozen: list[int] = []
        for _ in range(10):
            new = [p for p in process_tree(self.proc.pid) if p not in frozen]
            if not new:
                break
            for p in new:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(p, signal.SIGSTOP)
            frozen += new
        kill_tree(frozen)

    def kill(self) -> int | None:
        """No grace: crash() the whole tree, then the process group; reap and close the log."""
        self.crash()
        self.signal(signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(10)
        self._log.close()
        return self.proc.returncode


def tls_context(ca_file: str | Path | None) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(ca_file)) if ca_file else ssl.create_default_context()


def wait_health(url: str, *, ca_file: str | Path | None = None, timeout: float = 60.0,
                child: Child | None = None) -> float:
    """Poll `url` (Flower's /health probe) until it answers 200; returns the seconds waited.

    Fails early, with the child's log tail, if the child process exits meanwhile.
    """
    t0 = time.monotonic()
    ctx = tls_context(ca_file) if url.startswith("https") else None
    last = ""
    while time.monotonic() - t0 < timeout:
        if child is not None:
            child.check_alive()
        try:
            with urllib.request.urlopen(url, timeout=3, context=ctx) as resp:  # noqa: S310 - our own loopback URL
                if resp.status == 200:
                    return time.monotonic() - t0
        except (urllib.error.URLError, OSError, ssl.SSLError) as exc:
            last = str(exc)
        time.sleep(0.5)
    tail = f"\nlog {child.log_path}:\n{child.log_tail()}" if child else ""
    raise ChildError(f"{url} did not become healthy within {timeout:.0f} s (last error: {last}){tail}")


def run_flwr(args: Sequence[str], env: Mapping[str, str], *, timeout: float = 120.0,
             cwd: str | Path | None = None) -> subprocess.CompletedProcess:
    """One `flwr` CLI call (register, run, list, stop ...), captured."""
    return subprocess.run(["flwr", *args], env=dict(env), capture_output=True, text=True, timeout=timeout,
                          cwd=str(cwd) if cwd else None)
