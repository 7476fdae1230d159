"""Share of a federated round's wall time that is not local training or evaluation.

A real 2-site federation through Flower's simulation engine (one core per virtual site), at 64
and 128 px. Per round: wall time of the train + evaluate phases as the coordinator sees them,
minus the slowest site's handler time in each phase (sites run in parallel). What remains is
Flower's share: serialising ~190 MB of two-view ResNet50 weights per message, transport through
the local SuperLink, scheduling, aggregation. Server-side test-set evaluation is reported
separately. Usage: python bench/round_overhead.py [--rounds 3] [--studies 40] [--sizes 64,128]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import replace
from pathlib import Path

from fedrad.sim.run import export_test_sets, load_settings, make_hospitals, prepare_sites, run_federation, site_dirs
from rich.console import Console


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--studies", type=int, default=40, help="studies per site")
    ap.add_argument("--sizes", default="64,128")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    out = Path(args.out or tempfile.mkdtemp(prefix="fedrad-bench-"))
    console = Console()
    print(f"{'px':>4} {'round':>5} {'wall s':>7} {'train s':>8} {'eval s':>7} {'overhead s':>10} {'share':>6} "
          f"{'server eval s':>13}")
    for size in [int(s) for s in args.sizes.split(",")]:
        settings, run = load_settings(None, "tiny", {"out": str(out / f"px{size}"), "sites": 2,
                                                     "studies_per_site": args.studies}, {"image_size": size})
        root = make_hospitals(settings, Console(quiet=True))
        sites, external = site_dirs(root)
        prepare_sites(sites, external, run, Console(quiet=True))
        test_sets = export_test_sets(root, sites, external, run, out / f"px{size}", Console(quiet=True))
        run_dir = run_federation(replace(run, num_server_rounds=args.rounds), out / f"px{size}" / "run", sites,
                                 test_sets, cpus_per_site=1, console=console, label=f"{size} px")
        rounds = json.loads((run_dir / "history.json").read_text())["rounds"]
        shares = []
        for r in rounds:
            if "round_wall_s" not in r or r["round"] < 1:
                continue
            train = max(v["client"] for v in r["train_site_seconds"].values())
            evaluate = max(r["eval_site_seconds"].values())
            over = r["round_wall_s"] - train - evaluate
            shares.append(over / r["round_wall_s"])
            print(f"{size:>4} {r['round']:>5} {r['round_wall_s']:>7.1f} {train:>8.1f} {evaluate:>7.1f} {over:>10.1f} "
                  f"{over / r['round_wall_s']:>6.0%} {r['server_eval_s']:>13.1f}")
        if shares:
            print(f"{size:>4} mean overhead share: {sum(shares) / len(shares):.0%} of a round's wall time")


if __name__ == "__main__":
    main()
