"""Share of a federated round's wall time that is not the sites' training and validation, and where it goes.

A real 2-site federation through Flower's simulation engine, at 64 and 128 px (`--arch`, default the
study's resnet50), scheduled as `fedrad sim run` schedules it (`--cpus-per-site`, default 0 = auto: on
CPU every site at once with the cores split evenly, with a GPU one at a time; -1: the sites take turns
with every core; N: N each). A round is one message per site
(validate the received model, then train; issue 15). Per round, from history.json (server/recorder.py,
the `timeline` the strategy records):

  wall          `round_s`: end of the previous round's server step to the end of this one's;
  sites         time during which at least one site's handler ran (union of the handler spans: a
                reply is made at its handler's end and carries `client-seconds`), the last round's
                final evaluate-only handlers included;
  overhead      wall - sites - server test-set evaluation (`server_eval_s`, 0 unless `test-every`);
  of which      to 1st site: from the round's start to the first handler (making the messages,
                Flower/Ray dispatch, the ClientApp's deserialisation of the weights); between: gaps
                between handlers and the final evaluation's transfer; return: last train handler's end
                to the replies being collected (serialising back, polling); aggregate: aggregation
                and the recorder's bookkeeping; server: loading the global state, checkpoint,
                history and report.html;
  in-handler    seconds inside the sites' handlers that are neither training nor validation (the
                weights to/from tensors, loading the state, the site's policy): counted as site
                compute above, shown separately.

Usage: python bench/round_overhead.py [--rounds 3] [--studies 40] [--sizes 64,128] [--arch resnet50]
                                      [--cpus-per-site 0]
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
from dataclasses import replace
from pathlib import Path

from fedrad.sim.run import export_test_sets, load_settings, make_hospitals, prepare_sites, run_federation, site_dirs
from rich.console import Console

PARTS = ("to 1st site", "between", "return", "aggregate", "server")


def union_seconds(spans: list[tuple[float, float]]) -> float:
    """Length of the union of [start, end] intervals."""
    total, cur_a, cur_b = 0.0, None, None
    for a, b in sorted(spans):
        if cur_b is None or a > cur_b:
            total += (cur_b - cur_a) if cur_b is not None else 0.0
            cur_a, cur_b = a, b
        else:
            cur_b = max(cur_b, b)
    return total + ((cur_b - cur_a) if cur_b is not None else 0.0)


def round_breakdown(row: dict, last_round: int) -> dict[str, float]:
    """Wall, site compute, server evaluation, overhead and its parts of one history row (round >= 1)."""
    wall, test = row["round_s"], row["server_eval_s"]
    tl = row.get("timeline", {})
    spans = [s for phase in ("train", "evaluate") for s in tl.get(phase, {}).values()]
    in_handler = sum(max(0.0, v["client"] - v["train"] - v.get("val", 0.0))
                     for v in row["train_site_seconds"].values())
    final_eval = max(row.get("eval_site_seconds", {}).values(), default=0.0) if row["round"] == last_round else 0.0
    parts = dict.fromkeys(PARTS, math.nan)
    if spans and "start" in tl and "received" in tl:
        sites = union_seconds([(a, b) for _, a, b in spans])
        server = sum(tl.get("server", {}).values())
        parts.update({"to 1st site": min(a for _, a, _ in spans) - tl["start"],
                      "return": tl["received"] - max(b for _, _, b in tl["train"].values()),
                      "aggregate": tl["aggregated"] - tl["received"], "server": server})
        parts["between"] = wall - sites - test - sum(v for k, v in parts.items() if k != "between")
    else:  # a history without a timeline: sites in parallel, the slowest one's handler
        sites = max(v["client"] for v in row["train_site_seconds"].values()) + final_eval
    over = wall - sites - test
    return {"round": row["round"], "wall": wall, "sites": sites, "final_eval": final_eval, "server_eval": test,
            "overhead": over, "share": over / wall, "in_handler": in_handler, **parts}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--studies", type=int, default=40, help="studies per site")
    ap.add_argument("--sizes", default="64,128")
    ap.add_argument("--arch", default="resnet50")
    ap.add_argument("--cpus-per-site", type=int, default=0, help="as [sim] cpus-per-site (0 auto, -1 sites take turns)")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    out = Path(args.out or tempfile.mkdtemp(prefix="fedrad-bench-"))
    console = Console()
    head = (f"{'px':>4} {'round':>5} {'wall s':>7} {'sites s':>8} {'overhead s':>10} {'share':>6} "
            + " ".join(f"{p:>11}" for p in PARTS) + f" {'in-handler s':>12} {'test eval s':>11}")
    rows_by_size: dict[int, list[dict]] = {}
    for size in [int(s) for s in args.sizes.split(",")]:
        settings, run = load_settings(None, "tiny", {"out": str(out / f"px{size}"), "sites": 2,
                                                     "studies_per_site": args.studies},
                                      {"image_size": size, "arch": args.arch})
        root = make_hospitals(settings, Console(quiet=True))
        sites, external = site_dirs(root)
        prepare_sites(sites, external, run, Console(quiet=True))
        test_sets = export_test_sets(root, sites, external, run, out / f"px{size}", Console(quiet=True))
        run_dir = run_federation(replace(run, num_server_rounds=args.rounds), out / f"px{size}" / "run", sites,
                                 test_sets, cpus_per_site=args.cpus_per_site, console=console, label=f"{size} px")
        rounds = json.loads((run_dir / "history.json").read_text())["rounds"]
        rows_by_size[size] = [round_breakdown(r, args.rounds) for r in rounds if r["round"] >= 1 and "round_s" in r]
    print(head)
    for size, rows in rows_by_size.items():
        for b in rows:
            print(f"{size:>4} {b['round']:>5} {b['wall']:>7.1f} {b['sites']:>8.1f} {b['overhead']:>10.1f} "
                  f"{b['share']:>6.1%} " + " ".join(f"{b[p]:>11.2f}" for p in PARTS)
                  + f" {b['in_handler']:>12.2f} {b['server_eval']:>11.2f}")
        if rows:
            wall = sum(b["wall"] for b in rows)
            steady = [b for b in rows if b["round"] >= 2]
            s_wall = sum(b["wall"] for b in steady)
            print(f"{size:>4} overhead share: {sum(b['overhead'] for b in rows) / wall:.1%} of {wall:.0f} s"
                  + (f"; rounds >= 2: {sum(b['overhead'] for b in steady) / s_wall:.1%} of {s_wall:.0f} s"
                     if steady else "")
                  + f"; in-handler non-training: {sum(b['in_handler'] for b in rows):.1f} s")


if __name__ == "__main__":
    main()
