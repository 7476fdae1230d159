"""Share of a real deployment round's wall time that is not the sites' own work, and where it goes.

    .venv/bin/python bench/deploy_round.py [--rounds 2] [--variants a,b,c] [--studies 30] [--out DIR]

A 2-site federation on 127.0.0.1, every role a separate process, exactly as tests/test_deploy.py runs
it: `fedrad server start` (SuperLink on loopback, TLS, SuperNode auth) and `fedrad client start` per
tiny synthetic site (32 px, `tiny` preset, one shared ResNet50 backbone, ~94 MB per message).

Variants (each with a fresh coordinator home, same sites and certificates):
  a  as shipped: SuperLink state in HOME/superlink.db (SQLite file), sites dial the fleet proxy;
  b  SuperLink state in memory (FEDRAD_SUPERLINK_DATABASE=:flwr-in-memory:, a hidden override in
     server/coordinator.py start_superlink), sites still dial the proxy: what SQLite costs;
  c  SQLite file, but sites dial the SuperLink's loopback port (HOME/server.json "internal-port")
     directly, bypassing the proxy: what the proxy costs.

Figures per round come from history.json (server/recorder.py). `round_wall_s` there runs from the end
of the previous server-side evaluation to the arrival of the new global model, so it EXCLUDES
`server_eval_s`; the full round is round_wall_s + server_eval_s. Site compute = slowest site's train
handler seconds + slowest site's evaluate handler seconds (sites run in parallel) + server_eval_s.
Overhead share = 1 - site compute / full round: Flower transport and (de)serialisation, SuperLink state,
the proxy, ClientApp process start-up per message, aggregation and checkpoint writing. Round 1 also
includes the sites' first connection (they start after the run is submitted), so the "steady" columns
average rounds >= 2 only.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from fedrad.common.flowerproc import free_port  # noqa: E402
from fedrad.server.pki import create_ca, create_site_key, issue_server_cert  # noqa: E402
from fedrad.sim.run import export_test_sets, load_settings, make_hospitals, prepare_sites, site_dirs  # noqa: E402
from rich.console import Console  # noqa: E402

FEDRAD = str(Path(sys.executable).parent / "fedrad")
VARIANTS = {"a": "as shipped (SQLite + proxy)", "b": "in-memory SuperLink state", "c": "sites bypass the proxy"}


class Proc:
    """A CLI process in its own session; stop() takes down its whole tree, even children in other sessions."""

    def __init__(self, args: list[str], log: Path, cwd: Path, extra_env: dict[str, str] | None = None):
        self.log = log
        self._fh = open(log, "wb")  # noqa: SIM115
        env = dict(os.environ, COLUMNS="200", FEDRAD_TORCH_THREADS="1", **(extra_env or {}))
        self.p = subprocess.Popen([FEDRAD, *args], stdout=self._fh, stderr=subprocess.STDOUT, cwd=cwd, env=env,
                                  start_new_session=True)

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def _tree(self) -> list[int]:
        pids = [self.p.pid]
        for pid in pids:  # grows while walking: breadth-first over /proc
            with contextlib.suppress(OSError, ValueError):
                pids += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        return pids

    def stop(self, grace: float = 20.0) -> None:
        """SIGTERM the process group (our CLIs stop their Flower children), then SIGKILL whatever is left."""
        tree = self._tree()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.p.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.p.wait(grace)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.p.pid, signal.SIGKILL)
        for pid in tree + self._tree():  # Flower's SuperNode/clientapp processes live in other sessions
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.p.wait(10)
        self._fh.close()


def wait_for(cond, timeout: float, proc: Proc, what: str) -> None:
    t0 = time.time()
    while time.time() - t0 < timeout:
        if cond():
            return
        if proc.p.poll() is not None:
            raise RuntimeError(f"{proc.log} exited ({proc.p.returncode}) while waiting for {what}:\n"
                               f"{proc.text()[-3000:]}")
        time.sleep(0.5)
    raise RuntimeError(f"timed out after {timeout} s waiting for {what}; {proc.log}:\n{proc.text()[-3000:]}")


def make_world(out: Path, studies: int, rounds: int) -> dict:
    """Two tiny prepared synthetic hospitals, test sets, one CA + server cert, a key per site, a run config."""
    settings, run = load_settings(None, "tiny", {"out": str(out / "sim"), "sites": 2, "studies_per_site": studies},
                                  {"image_size": 32})
    quiet = Console(quiet=True)
    root = make_hospitals(settings, quiet)
    sites, external = site_dirs(root)
    prepare_sites(sites, external, run, quiet)
    test_sets = export_test_sets(root, sites, external, run, out / "sim", quiet)
    certs = out / "certs"
    create_ca(certs)
    issue_server_cert(certs, certs, ["localhost"])
    keys = {s.name: out / "keys" / s.name for s in sites}
    for k in keys.values():
        create_site_key(k)
    run = replace(run, num_server_rounds=rounds, local_epochs=1, min_sites=2, site_wait=240, round_timeout=900,
                  share_backbone=True, test_sets=",".join(f"{k}={v}" for k, v in test_sets.items()))
    cfg = out / "run.toml"
    cfg.write_text(run.to_toml())
    return {"out": out, "sites": sites, "certs": certs, "keys": keys, "cfg": cfg, "image_size": run.image_size}


def enrol(world: dict, name: str) -> Path:
    home = world["out"] / f"coordinator-{name}"
    shutil.copytree(world["certs"], home / "certs")
    for s in world["sites"]:
        r = subprocess.run([FEDRAD, "server", "add-site", s.name, f"{world['keys'][s.name]}.pub", "--home", str(home)],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"add-site {s.name} failed:\n{r.stdout}{r.stderr}")
    return home


def run_variant(world: dict, variant: str, timeout: float) -> list[dict]:
    out, home = world["out"], enrol(world, variant)
    env = {"FEDRAD_SUPERLINK_DATABASE": ":flwr-in-memory:"} if variant == "b" else {}
    port = free_port()
    run_dir = out / f"run-{variant}"
    procs: list[Proc] = []
    try:
        srv = Proc(["server", "start", "--home", str(home), "--config", str(world["cfg"]), "--out", str(run_dir),
                    "--listen", f"127.0.0.1:{port}"], out / f"server-{variant}.log", out, env)
        procs.append(srv)
        wait_for(lambda: "submitted" in srv.text(), 180, srv, "the run to be submitted")
        dial = port
        if variant == "c":
            dial = json.loads((home / "server.json").read_text())["internal-port"]
        for s in world["sites"]:
            procs.append(Proc(["client", "start", "--server", f"127.0.0.1:{dial}", "--site", str(s), "--ca",
                               str(world["certs"] / "ca.crt"), "--key", str(world["keys"][s.name]), "--threads", "1"],
                              out / f"{s.name}-{variant}.log", out))
        try:
            rc = srv.p.wait(timeout)
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"variant {variant}: run not finished after {timeout} s; see {srv.log}") from None
        if rc != 0:
            raise RuntimeError(f"variant {variant}: server exited {rc}:\n{srv.text()[-3000:]}")
    finally:
        for p in reversed(procs):
            p.stop()
    rows = [r for r in json.loads((run_dir / "history.json").read_text())["rounds"] if r["round"] >= 1]
    split = legs(home / "logs" / "superlink.log", len(world["sites"]), len(rows))
    return [{**r, "legs": split.get(r["round"], (float("nan"), float("nan")))} for r in rows]


PUSH = re.compile(r"^\w+ flwr (\S+ \S+) \|.*\[Fleet\.PushMessages\] Push replies")
TASK = re.compile(r"^\w+ flwr (\S+ \S+) \|.*Started task")


def legs(superlink_log: Path, n_sites: int, rounds: int) -> dict[int, tuple[float, float]]:
    """Per round (train leg s, evaluate leg s) from the SuperLink's reply timestamps: the train leg runs
    from the previous round's last evaluate reply (round 1: the ServerApp's start, so it includes the
    sites connecting) to the last train reply; the evaluate leg from there to the last evaluate reply.
    Each leg = send model + ClientApp start + site work + reply; the evaluate leg also holds the
    ServerApp pulling the train replies and aggregating them. Assumes no site failed (else: empty)."""
    def ts(text: str) -> float:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S,%f").timestamp()

    start, pushes = None, []
    for line in superlink_log.read_text(errors="replace").splitlines():
        if (m := TASK.match(line)) and start is None:
            start = ts(m.group(1))
        elif m := PUSH.match(line):
            pushes.append(ts(m.group(1)))
    if start is None or len(pushes) != 2 * n_sites * rounds:
        return {}
    groups = [max(pushes[i:i + n_sites]) for i in range(0, len(pushes), n_sites)]
    out, prev = {}, start
    for k in range(rounds):
        out[k + 1] = (groups[2 * k] - prev, groups[2 * k + 1] - groups[2 * k])
        prev = groups[2 * k + 1]
    return out


def round_figures(r: dict) -> dict:
    train = max(v["client"] for v in r["train_site_seconds"].values())
    evaluate = max(r["eval_site_seconds"].values())
    full = r["round_wall_s"] + r["server_eval_s"]
    compute = train + evaluate + r["server_eval_s"]
    return {"round": r["round"], "wall": full, "compute": compute, "train": train, "eval": evaluate,
            "server_eval": r["server_eval_s"], "overhead_s": full - compute, "share": 1 - compute / full,
            "train_leg": r["legs"][0], "eval_leg": r["legs"][1]}


def mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--variants", default="a,b,c", help="comma-separated subset of a,b,c (see module docstring)")
    ap.add_argument("--studies", type=int, default=30, help="studies per synthetic site")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per variant before giving up")
    ap.add_argument("--out", type=Path, default=None, help="work folder (kept); a temporary one when omitted")
    ap.add_argument("--json", action="store_true", help="also print all per-round figures as JSON")
    args = ap.parse_args()
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    bad = [v for v in variants if v not in VARIANTS]
    if bad:
        ap.error(f"unknown variant(s) {', '.join(bad)}; choose from {', '.join(VARIANTS)}")
    tmp = None if args.out else tempfile.TemporaryDirectory(prefix="fedrad-deploy-bench-")
    out = args.out or Path(tmp.name)
    out.mkdir(parents=True, exist_ok=True)
    console = Console(width=200)
    t0 = time.time()
    world = make_world(out, args.studies, args.rounds)
    console.print(f"world ready in {time.time() - t0:.0f} s ({out})")
    results: dict[str, list[dict]] = {}
    try:
        for v in variants:
            t1 = time.time()
            results[v] = [round_figures(r) for r in run_variant(world, v, args.timeout)]
            console.print(f"variant {v} ({VARIANTS[v]}): {time.time() - t1:.0f} s")
            for f in results[v]:
                console.print(f"  round {f['round']}: wall {f['wall']:.1f} s = train {f['train']:.1f} + eval "
                              f"{f['eval']:.1f} + server eval {f['server_eval']:.1f} + overhead "
                              f"{f['overhead_s']:.1f} ({f['share']:.0%}); SuperLink sees train leg "
                              f"{f['train_leg']:.1f} s, evaluate leg {f['eval_leg']:.1f} s")
    finally:
        print_table(results)
        if args.json:
            print(json.dumps(results, indent=2))
        console.print(f"total {time.time() - t0:.0f} s")
        if tmp is not None:
            tmp.cleanup()


def print_table(results: dict[str, list[dict]]) -> None:
    if not results:
        return
    print(f"\n{'variant':<32} {'wall s':>7} {'compute s':>9} {'ovh s':>6} {'share':>6} {'steady wall':>11} "
          f"{'steady share':>12} {'train leg':>9} {'eval leg':>8} {'wall/a':>7} {'ovh/a':>6}")
    def totals(rows: list[dict]) -> tuple[float, float]:
        wall = mean([r["wall"] for r in rows])
        return wall, wall - mean([r["compute"] for r in rows])

    base = totals(results.get("a") or next(iter(results.values())))
    for v, rows in results.items():
        wall, comp = mean([r["wall"] for r in rows]), mean([r["compute"] for r in rows])
        steady = [r for r in rows if r["round"] >= 2]
        s_wall = mean([r["wall"] for r in steady])
        s_share = 1 - mean([r["compute"] for r in steady]) / s_wall if steady else float("nan")
        print(f"{v + ' ' + VARIANTS[v]:<32} {wall:7.1f} {comp:9.1f} {wall - comp:6.1f} {1 - comp / wall:6.0%} "
              f"{s_wall:11.1f} {s_share:12.0%} {mean([r['train_leg'] for r in rows]):9.1f} "
              f"{mean([r['eval_leg'] for r in rows]):8.1f} {wall / base[0]:7.2f} {(wall - comp) / base[1]:6.2f}")
    print("ratios are vs a (the first variant when a was not run); share = 1 - compute / wall; steady = rounds >= 2;"
          " legs: SuperLink reply timestamps (see legs())")


if __name__ == "__main__":
    main()
