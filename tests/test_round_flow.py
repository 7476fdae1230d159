"""The one-message round's bookkeeping (issue 15), without Flower: the validation a site sends in
round r describes round r-1's global model and lands in that model's history row; the best
checkpoint is that model's weights; progress events and report.html follow every round."""

from __future__ import annotations

import json
import math
from dataclasses import replace

import pytest
import torch
from fedrad.client.task import describe_reply
from fedrad.common.model import build_model, load_checkpoint
from fedrad.common.runconfig import RunConfig
from fedrad.server.progress import Follower, format_event, read_events
from fedrad.server.recorder import BEST, LAST, PROGRESS, RunRecorder, SiteReply


def _state(cfg: RunConfig, seed: int) -> dict[str, torch.Tensor]:
    torch.manual_seed(seed)
    return build_model(cfg.model_config()).state_dict()


def _train_reply(site: str, k: int, loss: float, val_auc: float | None) -> SiteReply:
    m = {"train-loss": loss, "num-examples": 40, "train-seconds": 1.0, "client-seconds": 1.5,
         "val-examples": 0 if val_auc is None else 10, "val-seconds": 0.2, "val-loss": 0.5,
         "val-macro-auc": math.nan if val_auc is None else val_auc,
         "val-weighted-auc": math.nan if val_auc is None else val_auc,
         "val-auc": [math.nan if val_auc is None else val_auc] * k, "val-threshold": [0.5] * k,
         "val-npos": [0 if val_auc is None else 3] * k}
    return SiteReply(node_id=hash(site) % 1000, site=site, metrics=m)


def _eval_reply(site: str, k: int, val_auc: float) -> SiteReply:
    return SiteReply(hash(site) % 1000, site, {"num-examples": 10, "val-loss": 0.4, "val-macro-auc": val_auc,
                                               "val-weighted-auc": val_auc, "val-auc": [val_auc] * k,
                                               "val-threshold": [0.4] * k, "val-npos": [3] * k,
                                               "client-seconds": 0.3})


@pytest.fixture
def cfg(tmp_path):
    return RunConfig(arch="tiny", image_size=32, num_server_rounds=3, output_dir=str(tmp_path / "run"))


def test_validation_goes_to_the_model_it_describes_and_best_is_that_models_weights(cfg):
    rec = RunRecorder(cfg, cfg.output_dir)
    k = len(rec.template)
    states = [_state(cfg, s) for s in range(4)]
    assert not rec.validates(1) and rec.validates(2)
    rec.on_global(0, states[0])
    # round 1: the initial model is not validated
    rec.record_train(1, [_train_reply("a", k, 0.9, None), _train_reply("b", k, 0.8, None)], [])
    rec.on_global(1, states[1])
    assert math.isnan(rec.history[1].get("val_weighted_auc", math.nan)) and rec.best["round"] is None
    # round 2: the sites validated round 1's model (0.8), b is missing
    rec.record_train(2, [_train_reply("a", k, 0.7, 0.8)], [("b", "Traceback ...\nRuntimeError: boom")])
    assert rec.history[1]["val_weighted_auc"] == pytest.approx(0.8)
    assert rec.history[1]["eval_failures"] == ["b: RuntimeError: boom"]
    assert rec.best["round"] == 1
    rec.on_global(2, states[2])
    # round 3: round 2's model is worse (0.6); the final evaluate-only message validates round 3's (0.9)
    rec.record_train(3, [_train_reply("a", k, 0.6, 0.6), _train_reply("b", k, 0.5, 0.6)], [])
    assert rec.best["round"] == 1
    best_before = load_checkpoint(rec.out / BEST)[2]["model"]
    assert all(torch.equal(best_before[n], states[1][n]) for n in states[1])
    rec.record_evaluate(3, [_eval_reply("a", k, 0.9), _eval_reply("b", k, 0.9)], [])
    rec.on_global(3, states[3])
    rec.wait_saved()  # last.pt is written in the background while the next round runs
    history = json.loads((rec.out / "history.json").read_text())
    assert [r["round"] for r in history["rounds"]] == [0, 1, 2, 3]
    assert [r.get("val_weighted_auc") for r in history["rounds"][1:]] == pytest.approx([0.8, 0.6, 0.9])
    assert history["best"]["round"] == 3
    best = load_checkpoint(rec.out / BEST)[2]["model"]
    assert all(torch.equal(best[n], states[3][n]) for n in states[3])
    last = load_checkpoint(rec.out / LAST)[2]
    assert last["extra"]["server_round"] == 3
    # progress: one line per round, naming the missing site and which model the AUC is of
    events, _ = read_events(rec.out / PROGRESS)
    lines = [format_event(e) for e in events if e["event"] == "round"]
    assert len(lines) == 3
    assert lines[1].startswith("round 2/3 | sites 1/2 | train loss 0.7000 | val AUC 0.800 (round-1 model)")
    assert "missing: b: RuntimeError: boom" in lines[1] and "left" in lines[1]
    assert "final model val AUC 0.900" in lines[2] and lines[2].endswith("done")
    html = (rec.out / "report.html").read_text()
    assert "round 3 of 3 done" in html and "RuntimeError: boom" in html


def test_select_round_last_evaluates_the_final_model_whatever_the_validation(cfg):
    """select-round = "last": the noisy per-round validation does not pick an earlier round; best.pt
    follows each validated round (round 1 and 2 while the run goes on) and ends at the final model."""
    rec = RunRecorder(replace(cfg, select_round="last"), cfg.output_dir)
    k = len(rec.template)
    states = [_state(cfg, s) for s in range(4)]
    rec.on_global(0, states[0])
    rec.record_train(1, [_train_reply("a", k, 0.9, None)], [])
    rec.on_global(1, states[1])
    rec.record_train(2, [_train_reply("a", k, 0.7, 0.9)], [])  # round 1's model: the highest validation
    assert rec.best["round"] == 1
    rec.on_global(2, states[2])
    rec.record_train(3, [_train_reply("a", k, 0.6, 0.6)], [])  # round 2's model: worse, still selected
    assert rec.best["round"] == 2
    assert all(torch.equal(load_checkpoint(rec.out / BEST)[2]["model"][n], states[2][n]) for n in states[2])
    rec.record_evaluate(3, [_eval_reply("a", k, 0.7)], [])
    rec.on_global(3, states[3])
    rec.wait_saved()  # last.pt is written in the background while the next round runs
    history = json.loads((rec.out / "history.json").read_text())
    assert history["best"]["round"] == 3 and history["best"]["metric"] == pytest.approx(0.7)
    assert history["best"]["val_threshold"] == pytest.approx([0.4] * k)  # the final model's own operating point
    best = load_checkpoint(rec.out / BEST)[2]["model"]
    assert all(torch.equal(best[n], states[3][n]) for n in states[3])


def test_no_test_set_inference_per_round_unless_asked(cfg):
    rec = RunRecorder(cfg, cfg.output_dir)
    rec.test_sets = {"internal": object()}  # never touched when not due
    assert not any(rec.test_due(r) for r in range(4))
    rec.cfg = replace(rec.cfg, test_every=2)
    assert [rec.test_due(r) for r in range(4)] == [True, False, True, True]  # every 2nd and the last


def test_waiting_line_and_follower_prints_only_new_events(cfg, tmp_path):
    rec = RunRecorder(cfg, cfg.output_dir)
    rec.record_waiting(1, ["hospital-a"], 2)
    got: list[str] = []
    f = Follower(rec.out, got.append, label="fed")  # starts at the end: an earlier part is not repeated
    rec.record_waiting(2, ["hospital-a", "hospital-b"][:1], 2)
    f.stop()
    assert got == ["fed: round 2/3: waiting for sites (have 1/2: hospital-a)"]


def test_describe_reply_says_what_left_the_site():
    state = {"w": torch.zeros(1000)}
    text = describe_reply({"train-loss": 0.25, "num-examples": 40, "val-loss": 0.3, "val-examples": 12,
                           "val-macro-auc": 0.71}, state)
    assert text.startswith("sent model weights (1 tensors, 0 MB)")
    assert "train loss 0.2500 over 40 studies" in text and "validation macro AUC 0.710 over 12 studies" in text


def test_the_background_checkpoint_is_the_rounds_and_a_failed_write_is_loud(cfg):
    """last.pt is written in a thread while the next round runs (issue 15): once waited for it holds that
    round's weights and the history as it was then, the next on_global waits for it first, and a write that
    fails raises at the next wait instead of vanishing with the thread."""
    import shutil

    rec = RunRecorder(cfg, cfg.output_dir)
    states = [_state(cfg, s) for s in range(3)]
    rec.on_global(0, states[0])
    rec.on_global(1, states[1])  # waits for round 0's write before starting its own
    rec.history[-1]["later"] = 1  # the recorder goes on changing its rows: the checkpoint keeps its copy
    rec.wait_saved()
    last = load_checkpoint(rec.out / LAST)[2]
    assert last["epoch"] == 1 and [r["round"] for r in last["extra"]["history"]] == [0, 1]
    assert "later" not in last["extra"]["history"][-1]
    assert all(torch.equal(last["model"][n], states[1][n]) for n in states[1])
    shutil.rmtree(rec.out / "checkpoints")
    (rec.out / "checkpoints").write_text("not a folder")  # the next write cannot succeed
    rec.on_global(2, states[2])
    with pytest.raises(OSError):
        rec.wait_saved()
