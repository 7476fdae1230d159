"""Flower ServerApp (Message API): a thin shell around the recorder and Flower's own strategy."""

from __future__ import annotations

import json
import os
from pathlib import Path

from fedrad.common.runconfig import COORDINATOR_RUN_ENV, RunConfig
from fedrad.common.weights import state_layout, to_arrays, to_state
from fedrad.server.grid import prompt
from fedrad.server.recorder import RunRecorder
from fedrad.server.strategy import SitesUnavailableError, make_strategy
from flwr.app import ArrayRecord, Context, MetricRecord
from flwr.serverapp import Grid, ServerApp

app = ServerApp()
# Weights travel packed, one array per dtype (common.weights). FEDRAD_WEIGHTS_PER_TENSOR=1 (hidden, for
# bench/deploy_round.py variant u) sends one Array per tensor as before, to measure what packing saves.
PACKED = os.environ.get("FEDRAD_WEIGHTS_PER_TENSOR") != "1"


def coordinator_settings(cfg: RunConfig) -> RunConfig:
    """The run config plus the coordinator-only settings (output folder, test sets, resume checkpoint,
    site names) that `fedrad server start` keeps out of the run config every site receives: it writes
    them to the JSON file named by FEDRAD_COORDINATOR_RUN in the SuperLink's environment, which this
    ServerApp inherits. Without that variable (simulation) the run config is used as is."""
    path = os.environ.get(COORDINATOR_RUN_ENV)
    if not path:
        return cfg
    return cfg.with_coordinator_only(json.loads(Path(path).read_text(encoding="utf-8")))


@app.main()
def main(grid: Grid, context: Context) -> None:
    from fedrad.common.device import seed_everything
    from fedrad.common.model import build_model
    from fedrad.server.report import write_report

    grid = prompt(grid)  # replies collected within 0.5 s, not Flower's 3 s polling (server.grid)
    cfg = coordinator_settings(RunConfig.from_mapping(context.run_config))
    if not cfg.output_dir:
        raise ValueError("run config output-dir is empty: set an absolute folder for checkpoints and the report")
    out = Path(cfg.output_dir)
    recorder, state = RunRecorder.resume(cfg, out)
    recorder.run_id = int(context.run_id)
    recorder.event("phase", name="serverapp-start")  # phase marks: bench/arm_phases.py's breakdown of an arm
    if state is None:
        seed_everything(cfg.seed)
        state = build_model(cfg.model_config()).state_dict()
    rounds = cfg.num_server_rounds - recorder.round_offset
    if rounds > 0:
        layout = state_layout(state)  # weights travel packed (common.weights)
        strategy = make_strategy(cfg, recorder, grid, layout)

        def evaluate_fn(server_round: int, arrays: ArrayRecord) -> MetricRecord:
            return MetricRecord(recorder.on_global(server_round, to_state(arrays, layout)))

        try:
            strategy.start(grid=grid, initial_arrays=to_arrays(state, packed=PACKED), num_rounds=rounds,
                           timeout=cfg.round_timeout, evaluate_fn=evaluate_fn)
        except SitesUnavailableError:
            recorder.wait_saved()
            if recorder.history:
                write_report(out)  # what was trained so far; the run resumes from checkpoints/last.pt
            raise
        recorder.event("phase", name="rounds-done")
        if cfg.cross_site:  # extra final phase: every site evaluates the global and the shared local models
            from fedrad.server.crosssite import run_cross_site

            run_cross_site(grid, cfg, to_arrays(recorder.best_state(), packed=PACKED), strategy.local_models,
                           strategy.site_name, out, known_global=recorder.best_validation(),
                           evaluated=strategy.cross_site_results)
            recorder.event("phase", name="cross-site-done")
    recorder.wait_saved()  # last.pt and best.pt on disk before the report reads them
    write_report(out)
    recorder.event("phase", name="report-done")
