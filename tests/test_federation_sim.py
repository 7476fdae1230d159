"""Integration: a real 2-site, 2-round federation through Flower's simulation engine (Ray,
a managed local SuperLink on 127.0.0.1), then a resumed run that continues from its checkpoint.

Both runs take the sequential scheduling (`cpus-per-site = -1`: one Ray ClientApp actor serves the virtual sites
in turn, so one actor process imports torch instead of one per site); tests/test_fedharden_sim.py runs its three
sites in parallel (`cpus_per_site=1`, what `fedrad sim run`'s auto default does on CPU), so both schemes stay
covered."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
import torch
from fedrad.client.policy import SitePolicy, write_policy
from fedrad.common.device import seed_everything
from fedrad.common.model import build_model, load_checkpoint
from fedrad.common.templates import load_template
from fedrad.sim.run import (
    export_test_sets,
    load_settings,
    make_hospitals,
    prepare_sites,
    run_federation,
    site_dirs,
)
from rich.console import Console

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def federation(tmp_path_factory):
    out = tmp_path_factory.mktemp("sim")
    # cross-site evaluation is opt-in for `sim run` (session 17); this federation shows it
    settings, run = load_settings(None, "tiny", {"out": str(out), "sites": 2, "studies_per_site": 30},
                                  {"cross_site": True})
    console = Console(quiet=True)
    root = make_hospitals(settings, console)
    sites, external = site_dirs(root)
    prepare_sites(sites, external, run, console)
    # site-01's operator keeps its local model to itself; site-02 allows cross-site evaluation
    write_policy(sites[0], SitePolicy(share_local_model=False))
    test_sets = export_test_sets(root, sites, external, run, out, console)
    run_dir = run_federation(replace(run, num_server_rounds=2), out / "runs" / "fed", sites, test_sets,
                             cpus_per_site=-1, console=console, label="fed")
    return run, run_dir, sites, test_sets, console


def test_site_pipeline_two_hospitals_at_a_time_gives_the_same_sites(tmp_path):
    """`fedrad sim run` prepares two hospitals at a time, each in its own process: every site ends with the
    manifest, labels and anonymized reports that one hospital after the other gives (the same hospitals,
    copied before the pipeline)."""
    import shutil

    console = Console(quiet=True)
    settings, run = load_settings(None, "tiny", {"out": str(tmp_path / "a"), "sites": 2, "studies_per_site": 12}, {})
    root = make_hospitals(settings, console)
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    made = {}
    for name, workers in (("a", 0), ("b", 2)):
        sites, external = site_dirs(tmp_path / name / root.name)
        prepare_sites(sites, external, run, console, workers=workers)
        made[name] = {(s.name, f): (s / ".fedrad" / f).read_bytes() for s in [*sites, external]
                      for f in ("manifest-elbow.csv", "labels-elbow.csv", "anonymized.csv")}
    assert len(made["a"]) == 9 and all(len(v) > 100 for v in made["a"].values())
    assert made["a"] == made["b"]


def test_two_round_federation_changes_model_and_writes_report(federation):
    run, run_dir, *_ = federation
    template = load_template(run.region)
    model, cfg, ckpt = load_checkpoint(run_dir / "checkpoints" / "last.pt", template=template)
    assert ckpt["extra"]["server_round"] == 2
    assert cfg.image_size == run.image_size and list(cfg.finding_ids) == template.ids
    seed_everything(run.seed)
    initial = build_model(run.model_config()).state_dict()
    changed = [k for k, v in model.state_dict().items() if v.is_floating_point() and not torch.equal(v, initial[k])]
    assert len(changed) > 10, "FedAvg should have changed the global weights"
    history = json.loads((run_dir / "history.json").read_text())
    assert [r["round"] for r in history["rounds"]] == [0, 1, 2]
    for r in history["rounds"][1:]:
        assert sorted(r["train_sites"]) == ["site-01", "site-02"], r.get("train_failures")
        # each row's validation describes that round's model: round 1's came with round 2's train replies,
        # round 2's from the one evaluate-only message at the end
        assert set(r["sites"]) == {"site-01", "site-02"} and 0 <= r["val_weighted_auc"] <= 1
        assert "test_external_macro_auc" not in r  # no per-round test inference by default (test-every = 0)
    assert history["best"]["round"] in (1, 2)
    # the thresholds: Youden's cut on the union of the sites' validation sets, from the score counts they sent
    assert history["best"]["val_threshold_rule"] == "union-of-sites"
    assert all(r["val_threshold_rule"] == "union-of-sites" for r in history["rounds"][1:])
    events = [json.loads(line) for line in (run_dir / "progress.jsonl").read_text().splitlines()]
    assert [e["round"] for e in events if e["event"] == "round"] == [1, 2]
    assert "finished: 2 of 2 rounds" in (run_dir / "report.html").read_text()  # the final page, test sets included
    report = (run_dir / "report.md").read_text()
    assert "Test set `internal`" in report and "Test set `external`" in report and "nan" not in report.lower()
    assert "union of the sites' validation sets" in report
    assert (run_dir / "roc-external.png").stat().st_size > 1000
    assert (run_dir / "predictions-external.npz").is_file()
    flower_log = (run_dir / "flower.log").read_text()
    assert "Received 2 results" in flower_log and "\x1b[" not in flower_log  # Flower's chatter, as plain text


def test_cross_site_matrix_honours_each_sites_consent(federation):
    _, run_dir, *_ = federation
    cross = json.loads((run_dir / "cross-site.json").read_text())
    assert cross["sites"] == ["site-01", "site-02"] and not cross["failures"]
    cells = cross["cells"]
    assert set(cells["global"]) == {"site-01", "site-02"}
    assert set(cells["local:site-01"]) == {"site-01"}  # no consent: only its own diagonal
    assert set(cells["local:site-02"]) == {"site-01", "site-02"}
    assert cross["withheld"] == ["site-01"]
    assert all(c["n"] > 0 for row in cells.values() for c in row.values())
    # The local models' cells came with the final evaluate messages (one per site): none was asked apart.
    assert cross["from_final_evaluation"] == 3
    report = (run_dir / "report.md").read_text()
    assert "## Cross-site evaluation" in report and "| local:site-01 |" in report and "not shared" in report
    assert (run_dir / "cross-site.png").stat().st_size > 2000


def test_simulation_report_carries_the_cross_site_matrix(federation):
    from fedrad.sim.compare import write_comparison

    _, run_dir, *_ = federation
    md = write_comparison(run_dir.parent.parent, {"fed": run_dir}, console=Console(quiet=True)).read_text()
    section = md.split("## Cross-site evaluation, fed")[1]
    assert "| local:site-01 |" in section and "not shared" in section
    assert "![cross-site](runs/fed/cross-site.png)" in section  # the run's heatmap, relative to the report


def test_reports_record_the_machine_and_versions_they_were_computed_with(federation):
    """The same code gave other AUCs on another machine (session 42): the run's report and the simulation's
    summary name the CPU, the core and thread counts and the versions of the libraries that did the sums."""
    import torch
    from fedrad.sim.compare import write_comparison

    _, run_dir, *_ = federation
    for path in (run_dir / "report.json",
                 write_comparison(run_dir.parent.parent, {"fed": run_dir}, console=Console(quiet=True))
                 .with_suffix(".json")):
        env = json.loads(path.read_text())["environment"]
        assert env["packages"]["torch"] == torch.__version__.split("+")[0]
        assert env["packages"]["flwr"].startswith("1.42.") and env["cpu_count"] >= 1 and env["cpu"]
    assert f"torch {env['packages']['torch']}" in (run_dir / "report.md").read_text()
    assert f"on {env['cpu']} (" in (run_dir / "report.html").read_text()
    assert f"on {env['cpu']} (" in (run_dir.parent.parent / "report.md").read_text()


def test_an_arms_phases_are_recorded_in_order(federation):
    """bench/arm_phases.py's breakdown of the arm: every phase mark came in order (no negative phase), the
    sites' training is a part of the rounds, and the report says what its test sets and plots cost (under
    bn-local each small test set is scored in one pass with its own BatchNorm statistics: no separate
    re-estimation pass)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "bench" / "arm_phases.py"  # benches are not in the package
    spec = importlib.util.spec_from_file_location("arm_phases", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    run, run_dir, *_ = federation
    phases = dict(bench.federated_phases(run_dir))
    assert all(v >= 0 for v in phases.values()), phases
    assert 0 < phases["  sites' training"] < phases["rounds 1-2"] < phases["wall (arm)"]
    top = [k for k in phases if not k.startswith(" ") and k not in ("wall (arm)", "training share")]
    assert sum(phases[k] for k in top) == pytest.approx(phases["wall (arm)"], abs=0.01)
    seconds = json.loads((run_dir / "report.json").read_text())["seconds"]
    assert run.bn_local and set(seconds["test_sets"]) == {"internal", "external"}
    assert all(set(t) == {"predict_s"} and t["predict_s"] > 0 for t in seconds["test_sets"].values())
    assert 0 < seconds["plots_s"] < seconds["report_s"]


def _processes_with_env(entry: bytes) -> list[int]:
    """Live processes whose environment holds `entry` (Linux /proc; other users' processes are skipped)."""
    from pathlib import Path

    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if entry in (proc / "environ").read_bytes().split(b"\0"):
                    found.append(int(proc.name))
            except OSError:
                continue
    return found


def test_an_arm_ends_at_its_report_and_leaves_no_process_behind(federation):
    """The arm is over when the ServerApp's `report-done` event is written (sim.run._wait_for_report): the
    driver then stops the SuperLink's whole tree at once instead of waiting for Flower's and Ray's teardown,
    and nothing of it survives: no SuperLink, SuperExec, simulation process, Ray daemon or actor (every one
    inherits the arm's private FLWR_HOME)."""
    run, run_dir, *_ = federation
    marks = json.loads((run_dir / "arm-time.json").read_text())
    assert marks["start"] < marks["report_done"] <= marks["flwr_exited"] <= marks["end"]
    home = (run_dir.parent / ".flwr-home").resolve()
    assert _processes_with_env(f"FLWR_HOME={home}".encode()) == []


def test_resumed_run_continues_from_checkpoint(federation):
    run, run_dir, sites, test_sets, console = federation
    before = load_checkpoint(run_dir / "checkpoints" / "last.pt")[2]["model"]
    run_federation(replace(run, num_server_rounds=3), run_dir, sites, test_sets, cpus_per_site=-1, console=console,
                   label="resumed")
    _, _, ckpt = load_checkpoint(run_dir / "checkpoints" / "last.pt")
    assert ckpt["extra"]["server_round"] == 3
    history = json.loads((run_dir / "history.json").read_text())
    assert [r["round"] for r in history["rounds"]] == [0, 1, 2, 3]  # round 3 only, no restart at 1
    assert any(not torch.equal(v, before[k]) for k, v in ckpt["model"].items() if v.is_floating_point())
