"""CPU seconds per process kind of a deployment federation, sampled from /proc while it runs.

    .venv/bin/python bench/proc_cpu.py --root PID [--interval 0.5] --out cpu.json

Walks the process tree under --root every --interval seconds and keeps, per pid, the last seen
user+system CPU seconds, its kind (from the command line) and first/last time seen. A process that
lives shorter than the interval may be missed, and a process's CPU after its last sample is lost
(at most one interval of it). Written for bench/deploy_round.py (which starts it with its own pid);
stops when the root exits or on SIGTERM, and writes JSON {kind: {"cpu_s", "processes", "alive_s"}}
plus the per-process rows.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import time
from pathlib import Path

KINDS = (  # first match wins: (substring of the command line, kind)
    ("fedrad.client.launcher --worker", "clientapp worker"),
    ("fedrad.client.launcher", "clientapp"), ("flwr-clientapp", "clientapp"),
    ("flwr-serverapp", "serverapp"), ("flower-superexec", "superexec"),
    ("superlink_main", "superlink"), ("flower-superlink", "superlink"),
    ("fleet_proxy", "fleet-proxy"), ("flower-supernode", "supernode"),
    ("supernode_main", "supernode"),
    ("server start", "fedrad server start"), ("client start", "fedrad client start"),
    ("flwr log", "flwr cli"), ("flwr list", "flwr cli"), ("flwr stop", "flwr cli"), ("bin/flwr", "flwr cli"),
)
TICK = os.sysconf("SC_CLK_TCK")


def kind_of(cmd: str) -> str:
    return next((k for s, k in KINDS if s in cmd), "other")


def snapshot() -> dict[int, tuple[int, float, str]]:
    """{pid: (ppid, cpu seconds, command line)} of every process."""
    out = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            stat = Path(f"/proc/{d}/stat").read_text()
            cmd = Path(f"/proc/{d}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        out[int(d)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK, cmd)
    return out


def descendants(root: int, procs: dict[int, tuple[int, float, str]]) -> set[int]:
    children: dict[int, list[int]] = {}
    for pid, (ppid, _, _) in procs.items():
        children.setdefault(ppid, []).append(pid)
    seen, todo = set(), [root]
    while todo:
        for c in children.get(todo.pop(), []):
            if c not in seen:
                seen.add(c)
                todo.append(c)
    return seen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=int, required=True)
    ap.add_argument("--interval", type=float, default=0.5)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    rows: dict[int, dict] = {}
    stop = {"now": False}
    signal.signal(signal.SIGTERM, lambda *_: stop.update(now=True))
    me = os.getpid()
    while not stop["now"] and Path(f"/proc/{args.root}").exists():
        now = time.time()
        procs = snapshot()
        for pid in descendants(args.root, procs) - {me}:
            _, cpu, cmd = procs[pid]
            row = rows.setdefault(pid, {"pid": pid, "kind": kind_of(cmd), "cmd": cmd[:200], "first": now})
            row.update(cpu_s=cpu, last=now)
        time.sleep(args.interval)
    kinds: dict[str, dict] = {}
    for r in rows.values():
        k = kinds.setdefault(r["kind"], {"cpu_s": 0.0, "processes": 0, "alive_s": 0.0})
        k["cpu_s"] += r["cpu_s"]
        k["processes"] += 1
        k["alive_s"] += r["last"] - r["first"]
    args.out.write_text(json.dumps({"kinds": kinds, "processes": sorted(rows.values(), key=lambda r: r["first"])},
                                   indent=1))


if __name__ == "__main__":
    main()
