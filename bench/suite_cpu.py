"""Where the test suite's CPU goes: run a command (e.g. pytest) and add up the CPU time of every process it
starts, by real-process module and by process kind, including the Flower processes that leave the tree
(SuperExec's children are re-parented; `/usr/bin/time` does not count them: for tests/test_boundary.py it
reported 151 s where this counted 340 s).

    .venv/bin/python bench/suite_cpu.py [--every 0.3] [--json out.json] -- .venv/bin/python -m pytest -n 3

Samples /proc every `--every` seconds (Linux only); a process is the command's if its parent was, or if its
command line or working folder names this checkout. A process's CPU is its last sample, so a process
shorter than the interval is missed and the figures are a lower bound. Prints a table; --json keeps
every process.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[1])
TICK = os.sysconf("SC_CLK_TCK")
KINDS = [  # first match wins
    ("ClientApp message (fedrad launcher)", r"fedrad\.client\.launcher"),
    ("ServerApp", r"flwr-serverapp"),
    ("flwr-simulation", r"flwr-simulation"),
    ("Ray", r"ray::|raylet|gcs_server|/ray/|dashboard|log_monitor"),
    ("SuperExec", r"flower-superexec"),
    ("SuperLink", r"flower-superlink|superlink_main"),
    ("SuperNode", r"flower-supernode|supernode_main"),
    ("fleet proxy", r"fleet_proxy"),
    ("flwr CLI (list/run/log/...)", r"bin/flwr "),
    ("fedrad client start", r"fedrad client start"),
    ("fedrad server start", r"fedrad server start"),
    ("other fedrad commands", r"bin/fedrad |-m fedrad "),
    ("pytest workers", r"pytest|execnet|import sys;exec"),
]
MODULES = [("test_deploy", r"/deploy\d|/refusals\d"),
           ("test_readme_deploy", r"readme_deploy"), ("simulation modules", r"/sim\d|/harden\d")]


def kind_of(cmd: str) -> str:
    return next((k for k, pat in KINDS if re.search(pat, cmd)), "other")


def _proc(pid: int) -> tuple[int, float, int, str, str, str] | None:
    """(ppid, cpu seconds, start ticks, command line, cwd, state) of a process."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            stat = fh.read()
        fields = stat[stat.rindex(")") + 2:].split()
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            cmd = fh.read().replace(b"\0", b" ").decode(errors="replace").strip()
        try:
            cwd = os.readlink(f"/proc/{pid}/cwd")
        except OSError:
            cwd = ""
        return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK, int(fields[19]), cmd, cwd, fields[0]
    except (OSError, ValueError, IndexError):
        return None


def sample(root: int, every: float) -> dict:
    seen: dict[tuple[int, int], dict] = {}
    mine = {root}
    while True:
        alive = False
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            pid = int(name)
            info = _proc(pid)
            if info is None:
                continue
            ppid, cpu, start, cmd, cwd, state = info
            if pid == root and state != "Z":  # the command has not exited (we reap it only afterwards)
                alive = True
            if pid in mine or ppid in mine or ROOT in cmd or ROOT in cwd:
                mine.add(pid)
                rec = seen.setdefault((pid, start), {"pid": pid, "ppid": ppid, "cmd": cmd[:600], "cwd": cwd})
                if cmd and not rec["cmd"]:
                    rec["cmd"] = cmd[:600]
                rec["cpu"] = cpu
        if not alive:
            return {f"{pid}-{start}": rec for (pid, start), rec in seen.items()}
        time.sleep(every)


def module_of(rec: dict, by_pid: dict[int, dict]) -> str:
    for _ in range(12):
        text = f"{rec['cmd']} {rec['cwd']}"
        for name, pat in MODULES:
            if re.search(pat, text):
                return name
        parent = by_pid.get(rec["ppid"])
        if parent is None or parent is rec:
            break
        rec = parent
    return "unit tests and the rest"


def table(seen: dict) -> str:
    by_pid = {r["pid"]: r for r in seen.values()}
    cells: dict[tuple[str, str], list] = defaultdict(lambda: [0, 0.0])
    for r in seen.values():
        c = cells[(module_of(r, by_pid), kind_of(r["cmd"]))]
        c[0] += 1
        c[1] += r.get("cpu", 0.0)
    totals: dict[str, float] = defaultdict(float)
    for (m, _), (_, s) in cells.items():
        totals[m] += s
    lines = ["| module | process kind | processes | CPU s | per process |", "|---|---|---:|---:|---:|"]
    for m in sorted(totals, key=lambda m: -totals[m]):
        for (mm, k), (n, s) in sorted(cells.items(), key=lambda x: -x[1][1]):
            if mm == m and s >= 0.5:
                lines.append(f"| {m} | {k} | {n} | {s:.0f} | {s / n:.1f} |")
        lines.append(f"| **{m}** | all | | **{totals[m]:.0f}** | |")
    lines.append(f"| **total** | | | **{sum(totals.values()):.0f}** | |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--every", type=float, default=0.3)
    ap.add_argument("--json", type=Path)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
    if not cmd:
        ap.error("give the command after --")
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd)
    seen = sample(proc.pid, a.every)
    rc = proc.wait()
    if a.json:
        a.json.write_text(json.dumps(seen))
    print(f"\n{' '.join(cmd)}: exit {rc}, {time.monotonic() - t0:.0f} s wall, load {os.getloadavg()[0]:.1f}")  # noqa: T201
    print(table(seen))  # noqa: T201
    return rc


if __name__ == "__main__":
    sys.exit(main())
