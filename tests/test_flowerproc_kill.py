"""common.flowerproc: a killed process tree is gone when the kill returns (session 38: CI found a simulation process
still in the process table right after an arm's SuperLink tree was killed; SIGKILL is delivered asynchronously, and a
process exits only after it has torn down its memory). Real processes, no mocks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from fedrad.common.flowerproc import Child, kill_tree, process_tree, wait_gone


def _running(pid: int) -> bool:
    """Read here independently of the module: a pid still in /proc and not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def _spawn_sleepers(n: int) -> subprocess.Popen:
    """A parent whose n children sleep (a small process tree)."""
    code = ("import subprocess, sys, time\n"
            f"ps = [subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']) for _ in range({n})]\n"
            "print('ready', flush=True)\ntime.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def test_wait_gone_returns_once_every_killed_process_has_exited():
    parent = _spawn_sleepers(3)
    tree = process_tree(parent.pid)
    assert len(tree) == 4
    assert kill_tree(tree) == []  # it waits for them itself
    assert wait_gone(tree, timeout=10.0) == []
    assert [p for p in tree if _running(p)] == []  # gone, or a zombie awaiting its reaper
    parent.wait(5)


def test_wait_gone_reports_a_process_that_does_not_exit():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        t0 = time.monotonic()
        assert wait_gone([proc.pid], timeout=0.3) == [proc.pid]
        assert time.monotonic() - t0 < 5
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(5)


def test_a_killed_child_leaves_no_descendant_running(tmp_path):
    code = ("import subprocess, sys, time\n"
            "ps = [subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'], start_new_session=True)"
            " for _ in range(2)]\nprint('ready', flush=True)\ntime.sleep(60)\n")
    child = Child("tree", [sys.executable, "-c", code], os.environ, tmp_path / "tree.log")
    deadline = time.monotonic() + 20
    while "ready" not in child.text() and time.monotonic() < deadline:
        time.sleep(0.05)
    tree = process_tree(child.pid)
    assert len(tree) == 3
    child.kill()
    assert [p for p in tree if _running(p)] == []
