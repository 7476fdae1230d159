"""Real processes for the integration tests: one wrapper over common.flowerproc.Child (own session,
output in a file, the whole tree killed at teardown, Flower's children in other sessions included)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from fedrad.common.flowerproc import Child

FEDRAD = str(Path(sys.executable).parent / "fedrad")


class Proc(Child):
    """`fedrad ARGS...` (a list), or a shell command line (a str, run by bash as README shows it).

    The environment is the test's own (so a variable a test sets reaches the process, as it would a
    user's shell), with a wide terminal and one torch thread, unless `env` is given."""

    def __init__(self, args: Sequence[str] | str, log: Path, cwd: Path, *, env: Mapping[str, str] | None = None):
        cmd = ["bash", "-c", args] if isinstance(args, str) else [FEDRAD, *args]
        env = dict(os.environ, COLUMNS="200", FEDRAD_TORCH_THREADS="1") if env is None else env
        super().__init__(Path(log).stem, cmd, env, log, cwd, append=False)
        self.log, self.p = self.log_path, self.proc

    def wait(self, timeout: float) -> int:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"{self.log.name} still running after {timeout} s:\n{self.text()[-4000:]}") from None


def wait_for(cond: Callable[[], object], timeout: float, proc: Child, *, every: float = 0.2) -> None:
    """Poll `cond` every `every` seconds; on timeout fail with the tail of `proc`'s log. The conditions read files
    (logs, history.json), so polling often costs nothing and a story's next step starts at once."""
    t0 = time.time()
    while time.time() - t0 < timeout:
        if cond():
            return
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout} s; {proc.log_path.name}:\n{proc.text()[-3000:]}")


class Background:
    """`fn(*args)` in a thread of the test's process, so a story goes on while one of its steps waits (on Flower,
    a process start-up); result() waits for it and returns what it returned, or raises what it raised."""

    def __init__(self, fn: Callable[..., Any], *args: Any):
        self.value: Any = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(fn, *args), name=getattr(fn, "__name__", "step"),
                                       daemon=True)
        self.thread.start()

    def _run(self, fn: Callable[..., Any], *args: Any) -> None:
        try:
            self.value = fn(*args)
        except BaseException as exc:  # noqa: BLE001 - handed to result() in the test's thread
            self.error = exc

    def result(self, timeout: float) -> Any:
        self.thread.join(timeout)
        if self.thread.is_alive():
            raise AssertionError(f"{self.thread.name} still running after {timeout} s")
        if self.error is not None:
            raise self.error
        return self.value
