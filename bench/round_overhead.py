"""Share of a federated round's wall time that is not the sites' training and validation.

A real 2-site federation through Flower's simulation engine (one core per virtual site), at 64
and 128 px (`--arch`, default the study's resnet50). A round is one message per site (validate the
received model, then train; issue 15). Per round, from history.json (server/recorder.py):
wall = `round_s` (end of the previous round's server step to the end of this one's: sending,
the sites, aggregation, server evaluation, checkpoint); site compute = the slowest site's handler
seconds (sites run in parallel) plus, in the last round, the slowest site's final evaluate-only
handler; overhead = wall - site compute - server test-set evaluation (`server_eval_s`, 0 unless
`test-every`). What remains is Flower's share (serialising the weights per message, transport
through the local SuperLink, the 3 s reply polling, scheduling) plus aggregation and the checkpoint.
Usage: python bench/round_overhead.py [--rounds 3] [--studies 40] [--sizes 64,128] [--arch resnet50]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import replace
from pathlib import Path

from fedrad.sim.run import export_test_sets, load_settings, make_hospitals, prepare_sites, run_federation, site_dirs
from rich.console import Console


def round_breakdown(row: dict, last_round: int) -> dict[str, float]:
    """Wall, site compute, server evaluation and overhead seconds of one history row (round >= 1)."""
    sites = max(v["client"] for v in row["train_site_seconds"].values())
    final_eval = max(row.get("eval_site_seconds", {}).values(), default=0.0) if row["round"] == last_round else 0.0
    wall = row["round_s"]
    over = wall - sites - final_eval - row["server_eval_s"]
    return {"round": row["round"], "wall": wall, "sites": sites + final_eval, "final_eval": final_eval,
            "server_eval": row["server_eval_s"], "overhead": over, "share": over / wall}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--studies", type=int, default=40, help="studies per site")
    ap.add_argument("--sizes", default="64,128")
    ap.add_argument("--arch", default="resnet50")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    out = Path(args.out or tempfile.mkdtemp(prefix="fedrad-bench-"))
    console = Console()
    print(f"{'px':>4} {'round':>5} {'wall s':>7} {'sites s':>8} {'of it final eval s':>18} {'overhead s':>10} "
          f"{'share':>6} {'server eval s':>13}")
    for size in [int(s) for s in args.sizes.split(",")]:
        settings, run = load_settings(None, "tiny", {"out": str(out / f"px{size}"), "sites": 2,
                                                     "studies_per_site": args.studies},
                                      {"image_size": size, "arch": args.arch})
        root = make_hospitals(settings, Console(quiet=True))
        sites, external = site_dirs(root)
        prepare_sites(sites, external, run, Console(quiet=True))
        test_sets = export_test_sets(root, sites, external, run, out / f"px{size}", Console(quiet=True))
        run_dir = run_federation(replace(run, num_server_rounds=args.rounds), out / f"px{size}" / "run", sites,
                                 test_sets, cpus_per_site=1, console=console, label=f"{size} px")
        rounds = json.loads((run_dir / "history.json").read_text())["rounds"]
        rows = [round_breakdown(r, args.rounds) for r in rounds if r["round"] >= 1 and "round_s" in r]
        for b in rows:
            print(f"{size:>4} {b['round']:>5} {b['wall']:>7.1f} {b['sites']:>8.1f} {b['final_eval']:>18.1f} "
                  f"{b['overhead']:>10.1f} {b['share']:>6.0%} {b['server_eval']:>13.1f}")
        if rows:
            wall = sum(b["wall"] for b in rows)
            print(f"{size:>4} overhead share: {sum(b['overhead'] for b in rows) / wall:.1%} of {wall:.0f} s "
                  f"(mean of rounds {sum(b['share'] for b in rows) / len(rows):.1%})")


if __name__ == "__main__":
    main()
