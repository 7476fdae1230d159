"""Where an arm of `fedrad sim run` spends its wall time: training versus everything else, per phase.

Reads a finished simulation folder (no training here): each arm's `arm-time.json` (wall-clock marks the
simulation driver writes, sim/run.py), the federated arms' `progress.jsonl` phase events (the ServerApp,
server/server_app.py) and `history.json` (per-round site seconds, server/recorder.py), `cross-site.json`
and `report.json` (`seconds`: test-set BatchNorm re-estimation and scoring, plots; server/report.py); the
pooled arm's `checkpoints/history.json` (sim/fit.py: per-epoch training and validation seconds).

Federated arm, phases in order:
  shared Ray       waiting for the simulation's one Ray instance (sim.rayhead; started while the site pipeline
                   runs, so normally ~0);
  superlink        the simulation's SuperLink started and healthy;
  flower start     `flwr run` to the ServerApp's first line (Flower's simulation process, Ray, imports);
  server set-up    ServerApp start to its round-0 step (initial model, strategy, round-0 checkpoint);
  rounds           rounds 1..N (`round_s`), split into the sites' training, the sites' validation of the
                   model they receive (and of the final model: the evaluate-only message Flower sends
                   before the last round's server step), and the rest (messages, aggregation,
                   checkpoints, site set-up);
  cross-site       the cross-site phase (each site scores the other sites' local models);
  report           test sets (scoring; under bn-local with the set's own BatchNorm statistics, one pass since
                   session 9, before a re-estimation pass then scoring), plots, tables, report.html;
  flower stop      the ServerApp's end to `flwr run` returning (Ray and the simulation shutting down);
  superlink stop   stopping the SuperLink, tidying the log.
Pooled arm: set-up (datasets, model), training (epochs' training passes), validation (per epoch),
threshold pass (best epoch's validation scores), report (test sets, plots, tables).

Usage: python bench/arm_phases.py SIM_OUT [SIM_OUT ...]   (prints one Markdown table per arm)

Measured (session 8; wall seconds, so a ratio within one run is what compares; loads in docs/sim-results.md):
see docs/sim-results.md, "Session 8", for the before/after tables this script printed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _json(path: Path) -> dict:
    return json.loads(path.read_text()) if path.is_file() else {}


def _report_parts(run: Path) -> list[tuple[str, float]]:
    sec = _json(run / "report.json").get("seconds", {})
    if not sec:
        return []
    out = []
    for name, t in sec.get("test_sets", {}).items():
        if t.get("bn_s", 0) > 0.05:  # reports written before session 9: a separate re-estimation pass
            out.append((f"  test set {name}: BatchNorm re-estimation", t["bn_s"]))
        out.append((f"  test set {name}: scoring", t.get("predict_s", 0.0)))
    out.append(("  plots (ROC, PR)", sec.get("plots_s", 0.0)))
    return out


def federated_phases(run: Path) -> list[tuple[str, float]]:
    marks = _json(run / "arm-time.json")
    events = {}
    for line in (run / "progress.jsonl").read_text().splitlines() if (run / "progress.jsonl").is_file() else []:
        ev = json.loads(line)
        if ev.get("event") == "phase":
            events[ev["name"]] = ev["time"]
    hist = _json(run / "history.json").get("rounds", [])
    if not marks or "serverapp-start" not in events or not hist:
        raise SystemExit(f"{run}: no arm-time.json / phase events / history (an arm trained before session 8?)")
    rounds = [r for r in hist if r["round"] >= 1]
    if any("round_s" not in r for r in rounds):
        raise SystemExit(f"{run}: a resumed arm (its rounds span invocations): no breakdown of one invocation")
    t_round0 = rounds[0]["timeline"]["start"]  # the end of the round-0 server step (initial model's checkpoint)
    rounds_end = t_round0 + sum(r["round_s"] for r in rounds)  # round_s: end of one server step to the next's
    train = sum(v["train"] for r in rounds for v in r["train_site_seconds"].values())
    last = rounds[-1]  # its row also holds the final evaluate message's site seconds (before its server step)
    val = (sum(v.get("val", 0.0) for r in rounds for v in r["train_site_seconds"].values())
           + sum(last.get("eval_site_seconds", {}).values()))
    cross_end = events.get("cross-site-done", events["rounds-done"])
    ray_ready = marks.get("ray_ready", marks["start"])  # session 31: the simulation's shared Ray instance
    parts = [("shared Ray instance (wait for it to be ready)", ray_ready - marks["start"]),
             ("superlink", marks["superlink_up"] - ray_ready),
             ("flower start (flwr run, Ray, ServerApp)", events["serverapp-start"] - marks["superlink_up"]),
             ("server set-up, round-0 checkpoint", t_round0 - events["serverapp-start"]),
             (f"rounds 1-{last['round']}", rounds_end - t_round0),
             ("  sites' training", train),
             ("  sites' validation (each received model, the final one's evaluate message)", val),
             ("  rest of the rounds", rounds_end - t_round0 - train - val),
             ("cross-site", cross_end - rounds_end),
             ("report", events["report-done"] - cross_end), *_report_parts(run),
             ("flower stop (Ray, simulation)", marks["flwr_exited"] - events["report-done"]),
             ("superlink stop, log", marks["end"] - marks["flwr_exited"])]
    return [*parts, ("wall (arm)", marks["wall_s"]), ("training share", train / marks["wall_s"])]


def pooled_phases(run: Path) -> list[tuple[str, float]]:
    marks = _json(run / "arm-time.json")
    hist = _json(run / "checkpoints" / "history.json").get("history", [])
    if not marks or not hist:
        raise SystemExit(f"{run}: no arm-time.json / checkpoints/history.json")
    train = sum(h["train_seconds"] for h in hist)
    val = sum(h["val_seconds"] for h in hist)
    fit = marks["fit_done"] - marks["setup_done"]
    return [("set-up (datasets, model)", marks["setup_done"] - marks["start"]),
            (f"fit ({len(hist)} epochs)", fit), ("  training", train), ("  validation per epoch", val),
            ("  rest (checkpoints, history)", fit - train - val),
            ("threshold pass (best epoch's validation)", marks["report_start"] - marks["fit_done"]),
            ("report", marks["end"] - marks["report_start"]), *_report_parts(run),
            ("wall (arm)", marks["wall_s"]), ("training share", train / marks["wall_s"])]


def main(argv: list[str]) -> None:
    for out in argv or ["runs/sim"]:
        for run in sorted(Path(out).glob("runs/**/arm-time.json")):
            run = run.parent
            rows = pooled_phases(run) if run.name.startswith("pooled") else federated_phases(run)
            print(f"\n### {run.relative_to(out)}\n\n| phase | seconds |\n|---|---|")
            for name, v in rows:
                print(f"| {name} | {v:.0%} |" if name == "training share" else f"| {name} | {v:.1f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
