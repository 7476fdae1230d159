"""The utility cost of differential privacy: macro AUC at three noise levels against no DP, on the synthetic
hospitals of `fedrad sim run`, each arm a real federated run through Flower's simulation engine.

Every arm uses the same sites, test sets, seed and rounds; only `dp` / `dp-noise-multiplier` change
(fixed clipping at `--clip`). Epsilon is at dp-delta (1e-5), site-level, RDP accountant, no sampling
amplification (common.privacy). Prints one table; takes minutes (4 federated runs).

    .venv/bin/python bench/dp_utility.py                   # the default simulation's sizes
    .venv/bin/python bench/dp_utility.py --studies 120 --arch tiny --rounds 5   # a quicker look

The default noise levels (z = 1.5, 3, 6: epsilon 7.5, 3.4, 1.6 over 5 rounds) are ones a site
accepts under its default policy (max-epsilon 10); a level above a site's ceiling would be refused
by every site, so the bench checks the planned epsilon before it starts.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace
from pathlib import Path

from fedrad.client.policy import SitePolicy
from fedrad.sim.run import export_test_sets, load_settings, make_hospitals, prepare_sites, run_federation, site_dirs
from rich.console import Console


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="runs/bench-dp")
    ap.add_argument("--sites", type=int, default=3)
    ap.add_argument("--studies", type=int, default=300, help="studies per site (the default simulation: 300)")
    ap.add_argument("--arch", default="", help="backbone; default: the simulation's (resnet50)")
    ap.add_argument("--rounds", type=int, default=0, help="0 = the default simulation's (5)")
    ap.add_argument("--noise", default="1.5,3,6", help="three noise multipliers z")
    ap.add_argument("--clip", type=float, default=1.0, help="clipping norm C of one site's update")
    args = ap.parse_args()
    out = Path(args.out).resolve()
    run_over = {k: v for k, v in {"arch": args.arch, "num_server_rounds": args.rounds}.items() if v}
    settings, run = load_settings(None, "default", {"out": str(out), "sites": args.sites,
                                                    "studies_per_site": args.studies}, run_over)
    arms = [("no DP", replace(run, dp="off"))] + [
        (f"z = {z:g}", replace(run, dp="fixed", dp_noise_multiplier=z, dp_clipping_norm=args.clip))
        for z in (float(v) for v in args.noise.split(","))]
    ceiling = SitePolicy().max_epsilon  # the synthetic sites keep the default policy
    for label, cfg in arms:
        planned = cfg.planned_privacy()
        if planned is not None and planned.epsilon > ceiling:
            raise SystemExit(f"{label}: planned epsilon {planned.epsilon:.3g} over {cfg.num_server_rounds} rounds "
                             f"exceeds the sites' default max-epsilon {ceiling:g}: every site would refuse the run; "
                             "choose larger noise multipliers (--noise)")
    console = Console()
    root = make_hospitals(settings, console)
    sites, external = site_dirs(root)
    prepare_sites(sites, external, run, console)
    test_sets = export_test_sets(root, sites, external, run, out, console)
    rows = []
    for label, cfg in arms:
        t0 = time.time()
        slug = label.replace(" ", "").replace("=", "-")
        run_dir = run_federation(cfg, out / "runs" / slug, sites, test_sets, cpus_per_site=1, console=console,
                                 label=label)
        report = json.loads((run_dir / "report.json").read_text())
        last = report["rounds"][-1]
        aucs = {n: r["summary"]["macro_auc"] for n, r in report["test_sets"].items()}
        rows.append((label, last.get("dp_epsilon"), aucs, time.time() - t0))
    print(f"\n{args.sites} sites x {args.studies} studies, arch {run.arch}, {run.image_size} px, "
          f"{run.num_server_rounds} rounds x {run.local_epochs} local epochs, batch {run.batch_size}, "
          f"clipping norm {args.clip:g}, delta {run.dp_delta:g}")
    names = list(rows[0][2])
    print("| arm | epsilon | " + " | ".join(f"{n} macro AUC" for n in names) + " | wall s |")
    print("|---|---|" + "---|" * len(names) + "---|")
    for label, eps, aucs, secs in rows:
        e = "inf (no DP)" if eps is None else f"{eps:.2f}"
        print(f"| {label} | {e} | " + " | ".join("n/a" if aucs[n] is None else f"{aucs[n]:.3f}" for n in names)
              + f" | {secs:.0f} |")


if __name__ == "__main__":
    main()
