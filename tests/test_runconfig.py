"""Run configuration (one place for every knob), the Flower app shim, and metric aggregation."""

from __future__ import annotations

import math
import tomllib
from dataclasses import replace

import numpy as np
import pytest
from fedrad.common.replyschema import EVALUATE_METRICS
from fedrad.common.runconfig import RunConfig, RunConfigError
from fedrad.server.flwr_app import PACKAGE, write_app_dir
from fedrad.server.recorder import RunRecorder, SiteReply, aggregate_site_metrics, short_reason
from fedrad.server.strategy import aggregate_metrics
from flwr.app import MetricRecord, RecordDict


def test_toml_roundtrip_and_errors_name_key_and_file(tmp_path):
    cfg = RunConfig(region="thumb", policy="exclusive", image_size=96, test_sets="ext=/data/ext")
    p = tmp_path / "run.toml"
    p.write_text(cfg.to_toml())
    assert RunConfig.from_toml(p) == cfg
    p.write_text("[fedrad]\nlocal-epochs = 2\nlocal_epoch = 3\n")
    with pytest.raises(RunConfigError, match=r"run.toml: unknown key 'local_epoch'"):
        RunConfig.from_toml(p)
    p.write_text('image-size = "big"\n')
    with pytest.raises(RunConfigError, match="image-size = 'big' is not a valid int"):
        RunConfig.from_toml(p)
    with pytest.raises(RunConfigError, match="strategy"):
        RunConfig(strategy="fedsgd")
    with pytest.raises(RunConfigError, match="policy"):
        RunConfig(policy="optimistic")
    with pytest.raises(RunConfigError, match="select-round: 'median'"):
        RunConfig(select_round="median")
    with pytest.raises(RunConfigError, match="test-sets"):
        RunConfig(test_sets="just-a-path").test_set_paths()


def test_lr_schedule_counts_epochs_across_rounds():
    cfg = RunConfig(lr=1e-3, lr_step=4, lr_gamma=0.1, local_epochs=2)
    assert [cfg.lr_for_round(r) for r in (1, 2, 3, 4)] == pytest.approx([1e-3, 1e-3, 1e-4, 1e-4])


def test_flower_app_shim_has_every_knob_and_only_imports_installed_code(tmp_path):
    app = write_app_dir(tmp_path / "app")
    data = tomllib.loads((app / "pyproject.toml").read_text())
    assert set(data["tool"]["flwr"]["app"]["config"]) == set(RunConfig().to_flower())
    assert data["tool"]["flwr"]["app"]["components"]["clientapp"] == f"{PACKAGE}.client_app:app"
    shim = (app / PACKAGE / "client_app.py").read_text()
    assert "from fedrad.client import client_app" in shim and len(shim.splitlines()) <= 3
    total = sum(f.stat().st_size for f in app.rglob("*") if f.is_file())
    assert total < 10_000  # a FAB carries no fedrad code, weights or data


def _record(metrics: dict) -> RecordDict:
    return RecordDict({"metrics": MetricRecord(metrics)})


def test_flowers_log_and_the_history_aggregate_a_round_the_same_way(tmp_path):
    """One rule (server.recorder.aggregate_round): what Flower logs (strategy.aggregate_metrics) equals the
    history row. The sites are chosen so weighting by examples and by positives disagree."""
    cfg = RunConfig()
    k = len(cfg.template())
    nan = [math.nan] * (k - 2)
    sites = [{"num-examples": 40, "train-loss": 1.0, "val-examples": 90, "val-loss": 0.5,
              "val-auc": [0.9, math.nan, *nan], "val-threshold": [0.2, math.nan, *nan],
              "val-npos": [1, 0] + [0] * (k - 2), "site-index": 0},
             {"num-examples": 10, "train-loss": 3.0, "val-examples": 10, "val-loss": 0.7,
              "val-auc": [0.6, 0.7, *nan], "val-threshold": [0.6, 0.4, *nan],
              "val-npos": [3, 2] + [0] * (k - 2), "site-index": 1}]
    flower = aggregate_metrics([_record(m) for m in sites], "num-examples")
    rec = RunRecorder(cfg, tmp_path)
    rec.record_train(2, [SiteReply(i, f"site-{i}", m) for i, m in enumerate(sites)], [])
    validated, trained = rec._pending[1], rec._pending[2]  # round 2's replies validated round 1's model
    assert flower["train-loss"] == pytest.approx(trained["train_loss"])
    assert trained["train_loss"] == pytest.approx((40 + 30) / 50)  # by training examples
    assert flower["val-auc"][:2] == pytest.approx(validated["val_auc"][:2])
    assert validated["val_auc"][:2] == pytest.approx([0.675, 0.7])  # by positives, not studies
    for key in ("val_weighted_auc", "val_macro_auc", "val_loss"):
        assert flower[key.replace("_", "-")] == pytest.approx(validated[key]), key
    assert flower["val-loss"] == pytest.approx((0.5 * 90 + 0.7 * 10) / 100)  # by validation studies
    assert "site-index" not in flower
    evaluate = [_record({k: v for k, v in m.items() if k in EVALUATE_METRICS}) for m in sites]
    rec.record_evaluate(3, [SiteReply(i, f"site-{i}", dict(next(iter(r.metric_records.values()))))
                            for i, r in enumerate(evaluate)], [])
    assert aggregate_metrics(evaluate)["val-weighted-auc"] == pytest.approx(rec._pending[3]["val_weighted_auc"])


def test_site_aggregation_weights_by_positives_and_skips_undefined():
    replies = [SiteReply(1, "a", {"num-examples": 10, "val-loss": 0.5, "val-auc": [0.9, math.nan],
                                  "val-threshold": [0.2, math.nan], "val-npos": [1, 0]}),
               SiteReply(2, "b", {"num-examples": 10, "val-loss": 0.7, "val-auc": [0.6, 0.7],
                                  "val-threshold": [0.6, 0.4], "val-npos": [3, 2]})]
    agg = aggregate_site_metrics(replies, 2)
    assert agg["val_auc"] == pytest.approx([0.675, 0.7])
    assert agg["val_threshold"] == pytest.approx([0.5, 0.4])
    assert agg["val_npos"] == [4, 2]
    assert agg["val_weighted_auc"] == pytest.approx((0.675 * 4 + 0.7 * 2) / 6)
    assert agg["val_loss"] == pytest.approx(0.6)
    none = aggregate_site_metrics([SiteReply(1, "a", {"num-examples": 0, "val-auc": [math.nan] * 2,
                                                      "val-npos": [0, 0]})], 2)
    assert math.isnan(none["val_macro_auc"])


def test_site_aggregation_takes_the_threshold_of_the_union_from_the_score_counts():
    """With every site's score counts the threshold is Youden's cut on their sum (the sites' validation sets as
    one), not the mean of the sites' cuts; a finding no site has both classes of in the union stays NaN."""
    from fedrad.common.metrics import score_counts, youden_from_counts

    rng = np.random.default_rng(0)
    data = [(rng.random((30, 2)) < [0.5, 0.0], rng.random((30, 2))) for _ in range(3)]
    replies = []
    for i, (y, s) in enumerate(data):
        pos, neg = score_counts(y, s)
        replies.append(SiteReply(i, f"s{i}", {"num-examples": 30, "val-loss": 0.5, "val-auc": [0.6, math.nan],
                                              "val-threshold": [0.99, math.nan], "val-npos": [int(y[:, 0].sum()), 0],
                                              "val-score-pos": pos.ravel().tolist(),
                                              "val-score-neg": neg.ravel().tolist()}))
    agg = aggregate_site_metrics(replies, 2)
    union = youden_from_counts(*score_counts(np.vstack([y for y, _ in data]), np.vstack([s for _, s in data])))
    assert agg["val_threshold_rule"] == "union-of-sites"
    assert agg["val_threshold"][0] == pytest.approx(union[0]) and agg["val_threshold"][0] != pytest.approx(0.99)
    assert math.isnan(agg["val_threshold"][1])
    del replies[0].metrics["val-score-neg"]  # a reply without counts: the mean of the sites' cuts
    agg = aggregate_site_metrics(replies, 2)
    assert agg["val_threshold_rule"] == "mean-of-sites" and agg["val_threshold"][0] == pytest.approx(0.99)


def test_short_reason_keeps_the_exception_line():
    tb = "Traceback (most recent call last):\n  File x\nValueError: no site folder\n"
    assert short_reason(tb) == "ValueError: no site folder"


def test_sim_settings_precedence_defaults_preset_file_flags(tmp_path):
    from fedrad.sim.run import load_settings

    p = tmp_path / "sim.toml"
    p.write_text('[sim]\nsites = 2\nregion = "thumb"\n\n[run]\nimage-size = 48\nnum-server-rounds = 7\n')
    settings, run = load_settings(p, "tiny", {"sites": None}, {"num_server_rounds": 3})
    assert settings.sites == 2 and settings.region == "thumb" and run.region == "thumb"
    assert run.image_size == 48 and run.num_server_rounds == 3 and run.min_sites == 2
    assert run.batch_size == 8  # from the tiny preset
    p.write_text("[sim]\nsitez = 2\n")
    with pytest.raises(RunConfigError, match="unknown key 'sitez'"):
        load_settings(p, "default", {}, {})
    with pytest.raises(RunConfigError, match="unknown preset"):
        load_settings(None, "huge", {}, {})
    # the study's model at the study's sizes, whatever the CPU default's backbone
    paper = load_settings(None, "paper", {}, {})[1]
    assert paper.arch == "resnet50" and paper.select_round == "best"
    default = load_settings(None, "default", {}, {})[1]
    assert default.arch == "resnet18" and default.select_round == "last"  # the CPU simulation (session 7)
    assert RunConfig().arch == "resnet50"  # a deployment's run config: the study's model


def test_sim_reuses_a_finished_arm_only_with_the_same_config_and_recipe(tmp_path, monkeypatch):
    """A finished arm of an older fedrad (other augmentation, same run config) is trained again, not reused."""
    import fedrad.common.preprocess as preprocess
    from fedrad.sim import run as simrun

    cfg = RunConfig(arch="tiny", image_size=32, output_dir=str(tmp_path / "arm"))
    arm = tmp_path / "arm"
    simrun._start(arm)
    (arm / "run-config.toml").write_text(cfg.to_toml())
    assert not simrun._finished(arm, cfg)  # no report yet
    (arm / "report.md").write_text("# report\n")
    assert simrun._finished(arm, cfg)
    assert not simrun._finished(arm, replace(cfg, lr=cfg.lr * 2))
    monkeypatch.setattr(preprocess, "RECIPE", preprocess.RECIPE + "-next")
    assert not simrun._finished(arm, cfg)
    (arm / simrun.RECIPE_FILE).unlink()
    monkeypatch.undo()
    assert not simrun._finished(arm, cfg)  # arms from before recipes were recorded are retrained


def test_a_reused_arm_is_not_timed(tmp_path):
    """`sim run` prints each arm's wall time against pooled's; an arm reused from an earlier run took ~0 s."""
    import os
    import time

    from fedrad.sim.run import _trained_since

    arm = tmp_path / "arm"
    arm.mkdir()
    (arm / "report.md").write_text("# report\n")
    os.utime(arm / "report.md", (time.time() - 60, time.time() - 60))  # written by an earlier invocation
    assert not _trained_since(arm, time.time() - 5)
    assert _trained_since(arm, time.time() - 120)


def test_a_resumed_arm_is_not_timed(tmp_path):
    """An arm resumed from its checkpoint (here after its last epoch) rewrites its report but did not train
    all its passes in this invocation: its time is no arm's time."""
    import time

    from fedrad.sim.run import _no_checkpoint, _trained_since

    arm = tmp_path / "arm"
    assert _no_checkpoint(arm)
    (arm / "checkpoints").mkdir(parents=True)
    assert _no_checkpoint(arm)
    (arm / "checkpoints" / "checkpoint.pt").write_bytes(b"x")
    fresh = _no_checkpoint(arm)
    (arm / "report.md").write_text("# report\n")  # rewritten by the resumed run
    assert not fresh and not _trained_since(arm, time.time() - 5, fresh)
    assert _trained_since(arm, time.time() - 5, True)


def test_arm_times_are_printed_per_seed_with_the_mean_ratio():
    """`--seeds N`: every seed's arms with their ratio to the same seed's pooled arm, then the mean over the
    seeds (session 7 printed seed 0's only); one seed prints no mean line."""
    import io

    from fedrad.sim.run import print_arm_times
    from rich.console import Console

    run = replace(RunConfig(), num_server_rounds=3, local_epochs=1)
    buf = io.StringIO()
    print_arm_times({0: {"federated-inclusive": 150.0, "pooled-inclusive": 120.0},
                     1: {"federated-inclusive": 130.0, "pooled-inclusive": 100.0}}, run,
                    Console(file=buf, width=400, color_system=None))
    lines = [ln.strip() for ln in buf.getvalue().splitlines()]
    assert "wall time federated-inclusive (seed 0): 150 s for 3 passes = 1.25x pooled" in lines
    assert "wall time federated-inclusive (seed 1): 130 s for 3 passes = 1.30x pooled" in lines
    assert "wall time pooled-inclusive (seed 1): 100 s for 3 passes" in lines
    assert "wall time federated-inclusive, mean over 2 seed(s): 140 s, 1.27x pooled" in lines  # mean of 1.25, 1.30
    assert "wall time pooled-inclusive, mean over 2 seed(s): 110 s" in lines
    buf = io.StringIO()
    print_arm_times({0: {"federated-inclusive": 150.0, "pooled-inclusive": 120.0}}, run,
                    Console(file=buf, width=400, color_system=None))
    assert [ln.strip() for ln in buf.getvalue().splitlines()] == [
        "wall time federated-inclusive: 150 s for 3 passes = 1.25x pooled",
        "wall time pooled-inclusive: 120 s for 3 passes"]
