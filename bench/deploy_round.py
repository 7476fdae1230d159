"""Share of a real deployment round's wall time that is not the sites' own work, and where it goes.

    .venv/bin/python bench/deploy_round.py [--rounds 2] [--variants a,b,c] [--studies 30] [--out DIR]

A 2-site federation on 127.0.0.1, every role a separate process, exactly as tests/test_deploy.py runs
it: `fedrad server start` (SuperLink on loopback, TLS, SuperNode auth) and `fedrad client start` per
tiny synthetic site (32 px, `tiny` preset, arch resnet50 with one shared backbone, ~94 MB per
message: the set-up of issue 15's 68.7 s figure; `--arch` changes it).

A round is one message per site (validate the received model, then train); the last round adds
one evaluate-only message for the final model (issue 15).

Variants (each with a fresh coordinator home, same sites and certificates):
  a  as shipped: SuperLink LinkState in HOME/superlink.db (SQLite file), message payloads in memory
     (server/superlink_main.py), sites dial the fleet proxy;
  a0 the previous default: payloads in the SQLite file too (FEDRAD_SUPERLINK_PAYLOADS=sqlite): what
     SQLite payloads cost;
  b  SuperLink state all in memory (FEDRAD_SUPERLINK_DATABASE=:flwr-in-memory:, a hidden override in
     server/coordinator.py start_superlink; does not survive a restart), sites still dial the proxy;
  c  as a, but sites dial the SuperLink's loopback port (HOME/server.json "internal-port")
     directly, bypassing the proxy: what the proxy costs;
  s  as a, but a fresh ClientApp process per message (FEDRAD_CLIENTAPP=per-message, hidden, client/site_node.py:
     Flower's SuperExec starts client/launcher.py per message), as before the sites' resident worker;
  u  as a, but the weights travel as one Flower Array per tensor (FEDRAD_WEIGHTS_PER_TENSOR=1, hidden,
     server/server_app.py), as before issue 15's packing (common/weights.py): what packing saves.

Figures per round come from history.json via bench/round_overhead.py round_breakdown: wall = `round_s`
(the whole round), site compute = slowest site's handler seconds (+ the final evaluate-only handler in
the last round), server evaluation = `server_eval_s`; overhead = wall - site compute - server
evaluation: Flower transport and (de)serialisation, SuperLink state, the proxy, ClientApp process
start-up per message, the ServerApp's 3 s reply polling, aggregation and checkpoint writing. Round 1
also includes the sites' first connection (they start after the run is submitted), so the "steady"
columns average rounds >= 2 only. The cross-site phase after the last round is not in any round's wall;
its seconds are printed apart (cross-site.json).

Per message (`message_legs`): the grid's push/pull marks (history timeline `*_transfer`) and the ClientApp
launcher's `timing` line in each site's site.log give legs that add up from the ServerApp's push to its
pull of the reply; bench/proc_cpu.py samples CPU seconds per process kind for the whole variant.

Measured (2 rounds, machine shared, load average 12-20: wall inflated 2-4x; README "Where a deployment
round's seconds go"): variant u (one Array per tensor, as before) round 1 wall 201 s = sites 40 + overhead
161, round 2 303 = 52 + 251 (load 15-20; the variant then hit its 600 s timeout in the cross-site phase);
variant a (packed, background imports) round 1 75.2 = 26.6 + 48.6, round 2 103.8 = 46.3 + 57.5 (load 12),
cross-site phase 146 s before its reuse of the validation. SuperLink CPU 17 -> 3.6 CPU-s per message,
fleet proxy 3.3 -> 1.1, SuperNode 4.4 -> 1.6; a ClientApp process ~10 CPU-s (training included). With the
cross-site phase reusing the sites' validation of the chosen model (load 16-18): round 1 83.9 = 31.7 + 52.2,
round 2 147.2 = 61.0 + 86.2, cross-site phase 114 s (2 messages per site instead of 3).
Session 8 (resident ClientApp worker per site, the last round one message per site with the cross-site
models, `flwr list` every 120 s; `--variants a --rounds 2`, load average 17-35, the worst so far: wall
figures not comparable with the above): round 1 185.9 = 68.4 + 117.5; round 2 275.8 = 51.8 + 224.0, of it
the final message (global + both local models, ~280 MB per site) 136-142 s, its pull 116-120 s; cross-site
phase 0.2 s (4 cells from the final message, none sent apart). Per message the ClientApp's start-up is gone
("flwr imports" 0.03-0.9 s, "import wait" 0; was ~10 + 8 s); to ClientApp 1.9-7.3 s. CPU for the whole run:
SuperLink 89.6, ClientApp workers 63.4 (2 processes, 6 messages, training included), ServerApp 62.5, SuperNodes
41.5, `fedrad client start` 32.7, `flwr` CLI 31.6 (11 processes), fleet proxy 29.4. The same-run comparison
with a process per message (variant s) and a quiet-machine figure were not measured (the session ran out).
Session 9 (py-spy on every process, README "Where a deployment round's seconds go"): the SuperLink spent 52%
of its busy time in SQLite (the `flwr log --stream` loop at 0.5 s, the SuperExec's 1 s task poll, per-object
run-status and traffic rows, 0.2 s reply polls) and 33% in Starlette/FastAPI request streaming; a site's pull
waited on Flower's 1-10 s object-retry backoff twice (SuperNode, worker). After slower polls, 16 MiB objects from
the ServerApp and no own model in the last message: round 1 150.4 = 64.4 + 86.0 -> 100.3 = 44.7 + 55.6, round 2
171.4 = 34.5 + 136.9 -> 122.4 = 27.5 + 94.9 (load 15-26 -> 10-19), SuperLink 67.4 -> 43.2 CPU-s. Faster
object-pull retries (0.2-1 s) gave 125.1 = 57.3 + 67.8 and 137.4 = 27.7 + 109.7 at load 17-37 with the pull's
tail unchanged, and were reverted. Final code, load 1.6-5, no profiler: round 1 49.8 = 26.6 + 23.2, round 2
53.8 = 12.2 + 41.7 (final message leg 29.9 s). Variant s was not run this session.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from fedrad.client.sitekey import create_site_key  # noqa: E402
from fedrad.common.flowerproc import Child, free_port  # noqa: E402
from fedrad.server.pki import create_ca, issue_server_cert  # noqa: E402
from fedrad.sim.run import export_test_sets, load_settings, make_hospitals, prepare_sites, site_dirs  # noqa: E402
from rich.console import Console  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from round_overhead import round_breakdown  # noqa: E402

FEDRAD = str(Path(sys.executable).parent / "fedrad")
VARIANTS = {"a": "as shipped (SQLite + proxy)", "a0": "SQLite payloads too", "b": "in-memory SuperLink state",
            "c": "sites bypass the proxy", "u": "weights one Array per tensor", "s": "ClientApp process per message"}


class Proc(Child):
    """A fedrad CLI process in its own session; stop() takes down its whole tree (common.flowerproc)."""

    def __init__(self, args: list[str], log: Path, cwd: Path, extra_env: dict[str, str] | None = None):
        env = dict(os.environ, COLUMNS="200", FEDRAD_TORCH_THREADS="1", **(extra_env or {}))
        super().__init__(log.stem, [FEDRAD, *args], env, log, cwd, append=False)
        self.log, self.p = self.log_path, self.proc


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


def make_world(out: Path, studies: int, rounds: int, arch: str = "resnet50") -> dict:
    """Two tiny prepared synthetic hospitals, test sets, one CA + server cert, a key per site, a run config."""
    settings, run = load_settings(None, "tiny", {"out": str(out / "sim"), "sites": 2, "studies_per_site": studies},
                                  {"image_size": 32, "arch": arch})
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
    env = {"b": {"FEDRAD_SUPERLINK_DATABASE": ":flwr-in-memory:"},
           "a0": {"FEDRAD_SUPERLINK_PAYLOADS": "sqlite"}, "u": {"FEDRAD_WEIGHTS_PER_TENSOR": "1"}}.get(variant, {})
    site_env = {"FEDRAD_CLIENTAPP": "per-message"} if variant == "s" else None
    port = free_port()
    run_dir = out / f"run-{variant}"
    procs: list[Proc] = []
    cpu_file = out / f"cpu-{variant}.json"
    sampler = subprocess.Popen([sys.executable, str(Path(__file__).with_name("proc_cpu.py")), "--root",
                                str(os.getpid()), "--out", str(cpu_file)])
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
                              out / f"{s.name}-{variant}.log", out, site_env))
        try:
            rc = srv.p.wait(timeout)
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"variant {variant}: run not finished after {timeout} s; see {srv.log}") from None
        if rc != 0:
            raise RuntimeError(f"variant {variant}: server exited {rc}:\n{srv.text()[-3000:]}")
    finally:
        for p in reversed(procs):
            p.stop()
        sampler.terminate()
        sampler.wait(30)
    rows = [r for r in json.loads((run_dir / "history.json").read_text())["rounds"] if r["round"] >= 1]
    split = legs(home / "logs" / "superlink.log", len(world["sites"]), len(rows))
    cpu = json.loads(cpu_file.read_text())["kinds"] if cpu_file.is_file() else {}
    run_id = int(rows[0].get("flower_run_id", 0)) if rows else 0
    timings = {s.name: site_timings(s, run_id) for s in world["sites"]}
    cross = run_dir / "cross-site.json"
    cross = json.loads(cross.read_text()) if cross.is_file() else {}
    return [{**r, "legs": split, "cpu": cpu, "cross_site_s": cross.get("seconds", math.nan),
             "messages": {ph: message_legs(r, ph, timings, int(r.get("flower_round", r["round"])))
                          for ph in ("train", "evaluate")}} for r in rows]


TIMING = re.compile(r"timing run (\d+) (\w+) round (\S+): process start ([\d.]+), imports ([\d.]+) s, "
                    r"pull ([\d.]+) s, answer ([\d.]+) s, push ([\d.]+) s(?:, ML import wait ([\d.]+) s)?")
LEGS = ("to ClientApp", "flwr imports", "pull", "import wait", "set-up", "handler", "push", "back to ServerApp")


def site_timings(site: Path, run_id: int) -> dict[tuple[str, str], list[dict]]:
    """The ClientApp launcher's `timing` lines (client/launcher.py) of one run at one site, by (kind, round)."""
    log = site / ".fedrad" / "logs" / "site.log"
    out: dict[tuple[str, str], list[dict]] = {}
    for m in TIMING.finditer(log.read_text(errors="replace") if log.is_file() else ""):
        if int(m.group(1)) == run_id:
            start, imports, pull, answer, push, wait = (float(v or 0.0) for v in m.groups()[3:])
            out.setdefault((m.group(2), m.group(3)), []).append(
                {"start": start, "imports": imports, "pull": pull, "answer": answer, "push": push, "wait": wait})
    return out


def message_legs(row: dict, phase: str, timings: dict[str, dict], flower_round: int) -> dict[str, dict[str, float]]:
    """Per site, one message's seconds from the ServerApp's push to its pull of the reply (LEGS, in order;
    they add up to that span): to ClientApp = from the start of the ServerApp's push (server.grid marks)
    to the ClientApp process's start (the SuperNode's poll, up to 3 s, and SuperExec spawning it; Flower
    hands the message over before its payload objects: the payload's way ServerApp -> SuperLink -> fleet
    proxy -> SuperNode overlaps this leg and the pull); flwr imports / pull / push = the launcher's own
    marks (client/launcher.py: pull = the message and its payload from the local SuperNode, including
    waiting for objects still on their way); "ServerApp push" (not a leg, overlapping the next ones) = the
    ServerApp's push_messages call, payload upload to the SuperLink included; import wait = waiting, after
    the pull, for the ClientApp's imports (torch, fedrad) started in the background at process start;
    set-up = the rest of answering (the FAB check, mods, reading the weights) minus the handler
    (`client-seconds`, which includes building the model and loading the site's data);
    back to ServerApp = SuperNode -> proxy -> SuperLink upload, the ServerApp's pull."""
    tl = row.get("timeline", {})
    tr, spans = tl.get(f"{phase}_transfer") or {}, tl.get(phase) or {}
    out = {}
    for site, (_, h0, h1) in spans.items():
        t = (timings.get(site) or {}).get((phase, str(flower_round)))
        if not t or "pushed" not in tr or site not in tr.get("pulled", {}):
            continue
        t = t[-1]
        done = t["start"] + t["imports"] + t["pull"] + t["wait"] + t["answer"] + t["push"]
        out[site] = dict(zip(LEGS, (t["start"] - tr["push_start"], t["imports"], t["pull"], t["wait"],
                                    t["answer"] - (h1 - h0), h1 - h0, t["push"], tr["pulled"][site] - done),
                             strict=True))
        out[site]["ServerApp push"] = tr["pushed"] - tr["push_start"]
    return out


PUSH = re.compile(r"^\w+ flwr (\S+ \S+) \|.*\[Fleet\.PushMessages\] Push replies")
TASK = re.compile(r"^\w+ flwr (\S+ \S+) \|.*Started task")


def legs(superlink_log: Path, n_sites: int, rounds: int) -> dict[int, float]:
    """Per round, seconds from the previous round's last site reply (round 1: the ServerApp's start,
    so it includes the sites connecting) to this round's last reply, from the SuperLink's log; key
    rounds + 1 is the final evaluate-only leg. Assumes no site failed (else: empty)."""
    def ts(text: str) -> float:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S,%f").timestamp()

    start, pushes = None, []
    for line in superlink_log.read_text(errors="replace").splitlines():
        if (m := TASK.match(line)) and start is None:
            start = ts(m.group(1))
        elif m := PUSH.match(line):
            pushes.append(ts(m.group(1)))
    if start is None or len(pushes) != n_sites * (rounds + 1):
        return {}
    ends = [max(pushes[i:i + n_sites]) for i in range(0, len(pushes), n_sites)]
    return {k + 1: ends[k] - (ends[k - 1] if k else start) for k in range(rounds + 1)}


def round_figures(r: dict, rounds: int) -> dict:
    b = round_breakdown(r, rounds)
    return {**b, "messages": r.get("messages", {}), "leg": r["legs"].get(r["round"], float("nan")),
            "final_leg": r["legs"].get(rounds + 1, float("nan")) if r["round"] == rounds else 0.0}


def mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--variants", default="a,a0,b,c", help="comma-separated subset of a,a0,b,c,s,u (module docstring)")
    ap.add_argument("--arch", default="resnet50", help="model (the issue's figure: resnet50, shared backbone)")
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
    world = make_world(out, args.studies, args.rounds, args.arch)
    console.print(f"world ready in {time.time() - t0:.0f} s ({out})")
    results: dict[str, list[dict]] = {}
    try:
        for v in variants:
            t1 = time.time()
            try:
                rows = run_variant(world, v, args.timeout)
            except RuntimeError as exc:  # one variant's failure (e.g. its timeout under load) ends only that one
                console.print(f"variant {v} failed: {exc}", highlight=False)
                continue
            results[v] = [round_figures(r, args.rounds) for r in rows]
            console.print(f"  after the last round: cross-site phase {rows[-1]['cross_site_s']:.1f} s "
                          f"(cross-site.json)", highlight=False)
            console.print(f"variant {v} ({VARIANTS[v]}): {time.time() - t1:.0f} s; CPU seconds per process kind "
                          f"(whole run, bench/proc_cpu.py): " + ", ".join(
                              f"{k} {c['cpu_s']:.1f} ({c['processes']})" for k, c in
                              sorted(rows[0]["cpu"].items(), key=lambda kv: -kv[1]["cpu_s"])))
            for f in results[v]:
                console.print(f"  round {f['round']}: wall {f['wall']:.1f} s = sites {f['sites']:.1f} (of it final "
                              f"evaluation {f['final_eval']:.1f}) + server eval {f['server_eval']:.1f} + overhead "
                              f"{f['overhead']:.1f} ({f['share']:.0%}); SuperLink sees the round's leg "
                              f"{f['leg']:.1f} s, final evaluate leg {f['final_leg']:.1f} s")
                for phase, sites in f["messages"].items():
                    for site, legs_s in sites.items():
                        console.print(f"    {phase} message, {site}: " + ", ".join(
                            f"{k} {v:.1f}" for k, v in legs_s.items()) + f" (legs add up to "
                            f"{sum(legs_s[k] for k in LEGS):.1f} s)", highlight=False)
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
    print(f"\n{'variant':<34} {'wall s':>7} {'sites s':>8} {'ovh s':>6} {'share':>6} {'steady wall':>11} "
          f"{'steady ovh':>10} {'steady share':>12} {'wall/a':>7} {'ovh/a':>6}")

    def totals(rows: list[dict]) -> tuple[float, float]:
        return mean([r["wall"] for r in rows]), mean([r["overhead"] for r in rows])

    base = totals(results.get("a") or next(iter(results.values())))
    for v, rows in results.items():
        wall, over = totals(rows)
        steady = [r for r in rows if r["round"] >= 2]
        s_wall, s_over = totals(steady) if steady else (float("nan"), float("nan"))
        print(f"{v + ' ' + VARIANTS[v]:<34} {wall:7.1f} {mean([r['sites'] for r in rows]):8.1f} {over:6.1f} "
              f"{over / wall:6.0%} {s_wall:11.1f} {s_over:10.1f} {s_over / s_wall:12.0%} {wall / base[0]:7.2f} "
              f"{over / base[1]:6.2f}")
    print("overhead = wall - sites' compute - server evaluation (per round, mean); ratios are vs a (the first "
          "variant when a was not run); steady = rounds >= 2")


if __name__ == "__main__":
    main()
