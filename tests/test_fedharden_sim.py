"""Issue 12 through Flower's simulation engine (real `flwr run`, Ray, a managed local SuperLink on 127.0.0.1),
3 tiny synthetic hospitals, tiny arch, 2 rounds per run:

1. central DP (fixed clipping at the sites through our mods, Flower's DP wrapper at the coordinator): the history
   carries epsilon per round from the accountant, the report states epsilon and delta, every site logs its DP
   updates;
2. a robust strategy (FedMedian) selected by run config, with one site whose policy refuses the run: the
   coordinator sees only the fixed code (as a policy sentence), the site's log has the reason, and the other two
   sites' replies are aggregated with our reply hooks intact.

The sites train in parallel here (`cpus_per_site=1`, one Ray actor per site); tests/test_federation_sim.py takes
the default (one actor serving the sites in turn).
"""

from __future__ import annotations

import json
import os
from dataclasses import replace

import pytest
from fedrad.client.policy import POLICY_FILE, train_studies
from fedrad.common.privacy import epsilon_spent
from fedrad.common.replyschema import describe_error
from fedrad.common.runconfig import RunConfig
from fedrad.sim.run import export_test_sets, load_settings, make_hospitals, prepare_sites, run_federation, site_dirs
from rich.console import Console

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def hospitals(tmp_path_factory):
    out = tmp_path_factory.mktemp("harden")
    settings, run = load_settings(None, "tiny", {"out": str(out), "sites": 3, "studies_per_site": 40},
                                  {"arch": "tiny", "num_server_rounds": 2, "cross_site": True})
    console = Console(quiet=True)
    root = make_hospitals(settings, console)
    sites, external = site_dirs(root)
    prepare_sites(sites, external, run, console)
    test_sets = export_test_sets(root, sites, external, run, out, console)
    assert all(train_studies(s, run) >= 8 for s in sites), "fixture sites must pass the default policy floors"
    return out, run, sites, test_sets, console


def _log(site) -> list[dict]:
    path = site / ".fedrad" / "site-policy.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.is_file() else []


def test_dp_run_records_epsilon_per_round_and_in_the_report(hospitals):
    out, run, sites, test_sets, console = hospitals
    cfg = replace(run, dp="fixed", dp_noise_multiplier=2.0, dp_clipping_norm=1.0, cross_site=False)
    run_dir = run_federation(cfg, out / "runs" / "dp", sites, test_sets, cpus_per_site=1, console=console, label="dp")
    rounds = json.loads((run_dir / "history.json").read_text())["rounds"]
    assert [r["round"] for r in rounds] == [0, 1, 2]
    for r in rounds[1:]:
        assert r["dp_released"] is True and r["dp_releases"] == r["round"], r
        assert r["dp_epsilon"] == pytest.approx(epsilon_spent(2.0, 1e-5, r["round"]).epsilon)
        assert r["dp_delta"] == 1e-5 and sorted(r["train_sites"]) == ["site-01", "site-02", "site-03"]
    assert rounds[2]["dp_epsilon"] > rounds[1]["dp_epsilon"] > 0
    assert "dp_epsilon" in (run_dir / "history.csv").read_text().splitlines()[0]
    # Three one-thread sites on fewer cores: sim.run placed each on a CPU, and each site's handler ran there
    # (tests/test_site_cpu_plan.py has the plan's rule; with a core per site the OS decides).
    plan = RunConfig.from_toml(run_dir / "run-config.toml").sim_site_cpus
    if len(os.sched_getaffinity(0)) < len(sites):
        assert len(plan.split(",")) == len(sites), plan
        assert "this virtual site runs on CPU" in (run_dir / "flower.log").read_text()
    else:
        assert plan == ""
    report = (run_dir / "report.md").read_text()
    eps = f"{rounds[2]['dp_epsilon']:.3f}"
    assert f"epsilon {eps} at delta 1e-05" in report.replace("**", ""), report[:800]
    for site in sites:  # each site counted and logged its own clipped updates
        updates = [e for e in _log(site) if e["event"] == "dp-update"]
        assert len(updates) == 2 and updates[-1]["dp_releases"] == 2 and updates[-1]["clipping_norm"] == 1.0


def test_robust_strategy_with_a_refusing_site(hospitals):
    out, run, sites, test_sets, console = hospitals
    (sites[2] / POLICY_FILE).write_text("[policy]\nmin-batch-size = 64\n", encoding="utf-8")
    try:
        run_dir = run_federation(replace(run, strategy="fedmedian"), out / "runs" / "median", sites, test_sets,
                                 cpus_per_site=1, console=console, label="median")
    finally:
        (sites[2] / POLICY_FILE).unlink()
    history = json.loads((run_dir / "history.json").read_text())
    for r in history["rounds"][1:]:
        assert sorted(r["train_sites"]) == ["site-01", "site-02"], r
        assert set(r["sites"]) == {"site-01", "site-02"}  # evaluate hooks too
        failures = r["train_failures"] + r["eval_failures"]
        assert len(failures) == 2, failures
        # exactly the coordinator's sentence for code 4101: nothing the site wrote crossed over
        assert all(f.split(": ", 1)[1] == describe_error(4101, None) for f in failures), failures
    refused = [e for e in _log(sites[2]) if e["event"] == "refused"]
    # every message it was sent is refused: the rounds, the final and the cross-site evaluations
    assert len(refused) >= 4 and "batch-size 8 < the site's minimum 64" in refused[0]["reason"]
    assert "strategy fedmedian" in (run_dir / "report.md").read_text()
