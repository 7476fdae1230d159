"""How fast `fedrad sim synth` writes studies (target: >= 200 studies/s at 256 px on 2 cores).

Prints the end-to-end rate of `synthesize` (planning, rendering in a pool, PNG/DICOM, CSV
and truth files) and a per-phase split measured in one process, so a regression shows
where it comes from. Usage: python bench/synth_speed.py [--studies 200] [--sites 3] [--size 256]
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from fedrad.sim.synth import synthesize  # noqa: E402
from fedrad.sim.synth.profiles import make_profiles  # noqa: E402
from fedrad.sim.synth.writer import plan_site, render_study, site_tasks  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--studies", type=int, default=200, help="studies per site")
    ap.add_argument("--sites", type=int, default=3)
    ap.add_argument("--size", type=int, default=256)
    ap.add_argument("--regions", default="elbow")
    ap.add_argument("--workers", type=int, default=0, help="0 = min(2, CPUs)")
    args = ap.parse_args()
    regions = args.regions.split(",")
    tmp = Path(tempfile.mkdtemp(prefix="synth-bench-"))
    try:
        s = synthesize(tmp / "out", sites=args.sites, studies_per_site=args.studies, regions=regions, seed=0,
                       image_size=args.size, progress=False, workers=args.workers or None)
        print(f"end to end: {s.studies} studies ({args.sites} sites + external, {','.join(regions)}, "
              f"{args.size} px) in {s.seconds:.2f} s = {s.studies_per_second:.0f} studies/s")
        # per-phase, one process
        p = make_profiles(sites=1, studies_per_site=100, regions=regions, external_site=False, seed=1,
                          dicom_fraction=0.2, non_iid_alpha=1.0)[0]
        # CPU time (process_time) does not depend on what else runs on the machine; wall time does
        t, c = time.perf_counter(), time.process_time()
        plans = plan_site(p, seed=1, image_size=args.size, regions=regions)
        t_plan, c_plan = ((time.perf_counter() - t) / len(plans), (time.process_time() - c) / len(plans))
        tasks = site_tasks(tmp / "phase", p, plans)
        render_study(tasks[0])  # warm imports
        t, c = time.perf_counter(), time.process_time()
        for task in tasks:
            render_study(task)
        t_render, c_render = ((time.perf_counter() - t) / len(tasks), (time.process_time() - c) / len(tasks))
        print(f"one process, wall: planning + report text {t_plan * 1000:.2f} ms/study, "
              f"render + encode + write {t_render * 1000:.2f} ms/study")
        cpu = c_plan + c_render
        print(f"one process, CPU:  planning {c_plan * 1000:.2f} ms/study, render/encode/write "
              f"{c_render * 1000:.2f} ms/study => {1 / cpu:.0f} studies/s per free core, "
              f"~{2 / cpu:.0f} studies/s on 2 free cores")
        print(f"machine load (1 min): {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
              "(wall-clock figures shrink accordingly when other jobs run)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
