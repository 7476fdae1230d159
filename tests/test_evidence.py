"""Issue 13, items 2-4 and the one threshold rule (issue 14): thresholds honouring the mask,
supported-finding marking, seeds summary, cross-site assignment/consent, report sections."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from fedrad.common.metrics import (
    calibration_split,
    finding_table,
    operating_points,
    summarize_findings,
    youden_threshold,
    youden_thresholds,
)


def test_youden_thresholds_honour_the_mask():
    y = np.array([0, 0, 1, 1, 1, 1, 0], float)[:, None]
    s = np.array([0.1, 0.2, 0.6, 0.7, 0.8, 0.9, 0.65], float)[:, None]
    m = np.array([1, 1, 1, 1, 1, 1, 0], float)[:, None]  # the last case is uncertain under policy=ignore
    with_mask, _ = youden_thresholds(y, s, m)
    without, _ = youden_thresholds(y, s)
    assert with_mask[0] == pytest.approx(0.4)  # perfect separation once the masked case is out
    assert without[0] == pytest.approx(0.675)  # what ignoring the mask (old sim/run.py) gave
    thr, problems = youden_thresholds(np.zeros((4, 1)), np.arange(4.0)[:, None])
    assert thr == [None] and problems == ["no positives"]
    # finding_table (the study's table) uses the same rule
    rows = finding_table(["a"], y, s, y[:6], s[:6], mask_val=m)
    assert rows[0]["threshold"] == with_mask[0] == youden_threshold(y[:6, 0], s[:6, 0])


def test_site_evaluation_and_pooled_baseline_call_the_one_threshold_rule():
    """sim/run.py once computed thresholds itself and ignored the mask; nobody may again."""
    root = Path(__file__).resolve().parents[1]
    for rel in ("sim/run.py", "client/task.py", "client/recalibrate.py"):
        text = (root / rel).read_text()
        assert "youden_thresholds(" in text, rel
        assert "youden_threshold(" not in text.replace("youden_thresholds(", ""), rel


def _row(fid, auc, n_pos, n=100):
    return {"finding": fid, "auc": auc, "n_pos": n_pos, "n": n, "skipped": None}


def test_summary_marks_findings_with_too_few_positives():
    rows = [_row("fracture", 0.9, 30), _row("lesion", 0.28, 3), _row("effusion", 0.8, 5),
            {"finding": "none", "auc": None, "n_pos": 0, "n": 100, "skipped": "no positives in test"}]
    s = summarize_findings(rows)
    assert s["macro_auc"] == pytest.approx((0.9 + 0.28 + 0.8) / 3)
    assert s["macro_auc_supported"] == pytest.approx(0.85)
    assert s["unsupported"] == ["lesion"] and s["n_supported"] == 2 and s["min_support"] == 5
    assert summarize_findings([_row("x", 0.7, 2)])["macro_auc_supported"] is None


def test_run_report_marks_unsupported_findings_and_states_both_macros():
    from fedrad.common.runconfig import RunConfig
    from fedrad.server.report import render_markdown, test_set_results

    cfg = RunConfig()
    template = cfg.template()
    rng = np.random.default_rng(0)
    n, k = 120, len(template)
    truth = np.zeros((n, k), np.int8)
    truth[:40, 0] = 1  # well supported
    truth[:3, 1] = 1  # 3 positives: an AUC, but not a meaningful one
    scores = rng.random((n, k)) * 0.5 + truth * 0.4
    res = test_set_results(template.ids, truth, scores, [0.5] * k, ci=False)
    res["n_studies"] = n
    md = render_markdown(cfg, template, {"rounds": [], "best": {}}, {"external": res})
    assert f"| {template.ids[1]} † |" in md and f"| {template.ids[0]} |" in md
    assert "over the 1 supported findings" in md and "over all 2 findings" in md
    assert "transferred vs recalibrated" in md
    best = {"rounds": [], "best": {"round": 4, "metric": 0.8}}
    assert "- best round (sites' aggregated validation weighted AUC): 4 (0.800)" in render_markdown(
        cfg, template, best, {"external": res})
    last = render_markdown(replace(cfg, select_round="last"), template, best, {"external": res})
    assert "- evaluated round (select-round last: the final round): 4" in last and "- best round" not in last


def test_calibration_split_is_disjoint_seeded_and_covers_rare_findings():
    y = np.zeros((200, 3), np.int8)
    y[:20, 0] = 1
    y[20:28, 1] = 1
    cal, ev = calibration_split(y, 0.25, seed=1)
    assert len(set(cal) & set(ev)) == 0 and len(cal) + len(ev) == 200
    assert 45 <= len(cal) <= 55
    assert y[cal, 1].sum() >= 1 and y[ev, 1].sum() >= 1
    np.testing.assert_array_equal(cal, calibration_split(y, 0.25, seed=1)[0])


def test_recalibrated_thresholds_fix_a_shifted_operating_point():
    rng = np.random.default_rng(3)
    y = (rng.random(400) < 0.3).astype(int)
    s = np.clip(0.3 + 0.3 * y + rng.normal(0, 0.08, 400) + 0.35, 0, 1)  # scores shifted up at this hospital
    op = operating_points(["fracture"], y[:, None], s[:, None], [0.45])
    r = op["findings"][0]
    assert r["transferred"]["specificity"] < 0.2  # everything called positive
    assert r["recalibrated"]["sensitivity"] > 0.85 and r["recalibrated"]["specificity"] > 0.85
    assert r["n_cal"] + r["n_eval"] == 400


# --- seeds ---------------------------------------------------------------------------------------
def _fake_run(folder: Path, macro_int: float, macro_ext: float, fracture_sens: float = 0.9) -> Path:
    folder.mkdir(parents=True)
    summary = lambda m: {"summary": {"macro_auc": m, "macro_auc_supported": m + 0.01},  # noqa: E731
                         "findings": [{"finding": "fracture", "sensitivity": fracture_sens, "specificity": m}]}
    (folder / "report.json").write_text(json.dumps({"test_sets": {"internal": summary(macro_int),
                                                                  "external": summary(macro_ext)}}))
    return folder


def test_seed_summary_mean_sd_spread_and_paired_test(tmp_path):
    from fedrad.sim.compare import _seed_markdown, seed_summary
    from fedrad.sim.run import seed_list

    fed = [0.70, 0.72, 0.69]
    pooled = [0.66, 0.69, 0.67]
    sens = [0.8, 0.9, 0.85]
    runs = {s: {"federated-inclusive": _fake_run(tmp_path / f"s{s}" / "f", fed[s], 0.6, sens[s]),
                "pooled-inclusive": _fake_run(tmp_path / f"s{s}" / "p", pooled[s], 0.5)} for s in range(3)}
    ss = seed_summary(runs)
    f = ss["arms"]["federated-inclusive"]["internal"]["macro_auc"]
    assert f["mean"] == pytest.approx(np.mean(fed)) and f["sd"] == pytest.approx(np.std(fed, ddof=1))
    assert (f["min"], f["max"]) == (0.69, 0.72)
    t = ss["tests"]["federated-inclusive vs pooled-inclusive | internal"]
    assert t["mean_diff"] == pytest.approx(np.mean(np.subtract(fed, pooled)))
    assert t["ci_low"] < t["mean_diff"] < t["ci_high"] and 0 < t["p"] < 0.2
    md = "\n".join(_seed_markdown(ss))
    assert "Over 3 seeds" in md and "0.703 ± 0.015" in md
    # fracture at the transferred thresholds, per arm and test set: sensitivity / specificity
    assert "| federated-inclusive | 0.85 ± 0.05 / 0.70 ± 0.02 | 0.85 ± 0.05 / 0.60 ± 0.00 |" in md
    # the operating point's distance from internal, seed by seed: specificity 0.70/0.72/0.69 vs 0.60 everywhere
    g = ss["transfer_gap"]["federated-inclusive"]["external"]
    assert g["fracture_sensitivity"] == [0.0, 0.0, 0.0] and g["max"] == pytest.approx(0.12)
    assert g["within_tolerance"] and not ss["transfer_gap"]["pooled-inclusive"]["external"]["within_tolerance"]
    assert "federated-inclusive, external vs internal:" in md and "largest 0.120 (within 0.15" in md
    assert "pooled-inclusive, external vs internal:" in md and "(NOT within 0.15" in md
    assert seed_list(5, 3) == [5, 6, 7]
    with pytest.raises(ValueError):
        seed_list(0, 0)


def test_seeds_option_reaches_the_settings():
    from fedrad.sim.run import load_settings

    settings, run = load_settings(None, "tiny", {"seeds": 3}, {})
    assert settings.seeds == 3
    assert load_settings(None, "default", {}, {})[0].seeds == 1  # the default run stays single-seed


# --- cross-site ------------------------------------------------------------------------------------
def test_cross_site_sends_a_local_model_only_where_its_owner_consented():
    from fedrad.server.crosssite import GLOBAL, LocalModels, assignments

    local = LocalModels()
    local.update(11, "site-a", "A", {"share-local-model": 0})
    local.update(22, "site-b", "B", {"share-local-model": 1})
    plan = assignments([11, 22, 33], local)
    assert plan[11] == [(GLOBAL, None), ("local:site-a", 11), ("local:site-b", 22)]  # own model + consented B
    assert plan[22] == [(GLOBAL, None), ("local:site-b", 22)]  # A's model never reaches B
    assert plan[33] == [(GLOBAL, None), ("local:site-b", 22)]


def test_cross_site_matrix_table_and_heatmap(tmp_path):
    from fedrad.server.crosssite import CROSS_SITE_JSON, LocalModels, build_matrix
    from fedrad.server.report import cross_site_lines, cross_site_section

    local = LocalModels()
    local.update(1, "site-a", None, {"share-local-model": 0})
    local.update(2, "site-b", None, {"share-local-model": 1})
    res = [("global", "site-a", {"val-macro-auc": 0.7, "num-examples": 20}),
           ("global", "site-b", {"val-macro-auc": 0.65, "num-examples": 30}),
           ("local:site-a", "site-a", {"val-macro-auc": 0.75, "num-examples": 20}),
           ("local:site-b", "site-a", {"val-macro-auc": math.nan, "num-examples": 20}),
           ("local:site-b", "site-b", {"val-macro-auc": 0.8, "num-examples": 30})]
    m = build_matrix(res, local, [])
    assert m["models"] == ["global", "local:site-a", "local:site-b"] and m["withheld"] == ["site-a"]
    assert m["cells"]["local:site-b"]["site-a"]["val_macro_auc"] is None  # NaN never reaches JSON
    (tmp_path / CROSS_SITE_JSON).write_text(json.dumps(m))
    cross = cross_site_section(tmp_path)
    assert (tmp_path / "cross-site.png").stat().st_size > 2000
    md = "\n".join(cross_site_lines(cross))
    assert "| local:site-a | 0.750 | not shared |" in md
    assert "| global | 0.700 | 0.650 |" in md and "site-a" in md.split("share-local-model")[-1]
    assert cross_site_section(tmp_path / "nothing") is None


def test_site_policy_share_defaults_off_and_rejects_typos(tmp_path):
    """Sharing a local model is the site's [policy] (one loader: client.policy), off by default."""
    from fedrad.client.policy import PolicyFileError, SitePolicy, load_policy, write_policy

    assert load_policy(tmp_path).share_local_model is False
    write_policy(tmp_path, SitePolicy(share_local_model=True))
    assert load_policy(tmp_path).share_local_model is True
    (tmp_path / "fedrad-site.toml").write_text("[policy]\nshare-local-models = true\n")
    with pytest.raises(PolicyFileError, match="unknown key 'share-local-models'"):
        load_policy(tmp_path)
    (tmp_path / "fedrad-site.toml").write_text('[policy]\nshare-local-model = "yes"\n')
    with pytest.raises(PolicyFileError, match="share-local-model"):
        load_policy(tmp_path)
    # the same file carries the anonymizer's [columns] table: neither reader trips over the other's
    (tmp_path / "fedrad-site.toml").write_text('[policy]\nshare-local-model = true\n\n[columns]\nward = "ignore"\n')
    assert load_policy(tmp_path).share_local_model is True


class _FakeGrid:
    """A Grid stand-in: sites answer evaluation messages the way the ClientApp replies (metrics +
    site-index), here with a fixed AUC per (model, site) so the matrix can be checked cell by cell."""

    def __init__(self, nodes: dict[int, int]):
        self.nodes = nodes  # node id -> site index
        self.sent = []

    def get_node_ids(self):
        return list(self.nodes)

    def send_and_receive(self, messages, *, timeout=None):
        from flwr.app import Message, MetricRecord, RecordDict

        self.sent = list(messages)
        replies = []
        for m in self.sent:
            model = m.content["config"]["cross-site-model"]
            idx = self.nodes[m.metadata.dst_node_id]
            auc = 0.6 + 0.1 * idx + (0.05 if model != "global" else 0.0)
            metrics = MetricRecord({"val-macro-auc": auc, "num-examples": 10 + idx, "site-index": idx})
            replies.append(Message(RecordDict({"metrics": metrics}), reply_to=m))
        return replies


@pytest.fixture
def server_identity():
    """What the ServerApp runtime sets before a ServerApp builds instruction messages."""
    from flwr.supercore.task_identity import TaskIdentity

    saved = (TaskIdentity._run_id, TaskIdentity._node_id, TaskIdentity._task_id)
    TaskIdentity.run_id, TaskIdentity.node_id, TaskIdentity.task_id = 1, 1, 1
    yield
    TaskIdentity._run_id, TaskIdentity._node_id, TaskIdentity._task_id = saved


def test_cross_site_phase_sends_what_consent_allows_and_writes_the_matrix(tmp_path, server_identity):
    from fedrad.common.runconfig import RunConfig
    from fedrad.server.crosssite import CROSS_SITE_JSON, LocalModels, run_cross_site
    from flwr.app import ArrayRecord
    arrays = ArrayRecord([np.zeros(3, np.float32)])
    local = LocalModels()
    local.update(101, "site-01", arrays, {"share-local-model": 0})
    local.update(202, "site-02", arrays, {"share-local-model": 1})
    grid = _FakeGrid({101: 0, 202: 1})

    def site_of(reply):
        return f"site-0{int(next(iter(reply.content.metric_records.values()))['site-index']) + 1}"

    m = run_cross_site(grid, RunConfig(), arrays, local, site_of, tmp_path)
    sent = sorted((msg.metadata.dst_node_id, msg.content["config"]["cross-site-model"]) for msg in grid.sent)
    assert sent == [(101, "global"), (101, "local:site-01"), (101, "local:site-02"),
                    (202, "global"), (202, "local:site-02")]  # site-01's model never goes to site-02
    assert json.loads((tmp_path / CROSS_SITE_JSON).read_text()) == m
    assert m["cells"]["global"]["site-02"] == {"val_macro_auc": pytest.approx(0.7), "val_weighted_auc": None,
                                              "n": 11}
    assert set(m["cells"]["local:site-01"]) == {"site-01"} and m["withheld"] == ["site-01"]


def test_cross_site_takes_the_global_row_from_the_validation_the_sites_already_sent(tmp_path, server_identity):
    """A site that validated the chosen global model in the run gets no message with it again: its cell is that
    validation (RunRecorder.best_validation); a site without one is asked as before."""
    from fedrad.common.runconfig import RunConfig
    from fedrad.server.crosssite import CROSS_SITE_JSON, LocalModels, known_cells, run_cross_site
    from flwr.app import ArrayRecord
    arrays = ArrayRecord([np.zeros(3, np.float32)])
    local = LocalModels()
    local.update(101, "site-01", arrays, {"share-local-model": 0})
    local.update(202, "site-02", arrays, {"share-local-model": 0})
    grid = _FakeGrid({101: 0, 202: 1})
    known = known_cells({"site-02": {"val_macro_auc": 0.9, "val_weighted_auc": 0.8, "val_loss": 0.3, "n": 11},
                         "site-03": {"val_macro_auc": None, "val_weighted_auc": None, "n": 0}})  # nothing validated
    assert set(known) == {"site-02"}

    def site_of(reply):
        return f"site-0{int(next(iter(reply.content.metric_records.values()))['site-index']) + 1}"

    m = run_cross_site(grid, RunConfig(), arrays, local, site_of, tmp_path, known_global=known)
    sent = sorted((msg.metadata.dst_node_id, msg.content["config"]["cross-site-model"]) for msg in grid.sent)
    assert sent == [(101, "global"), (101, "local:site-01"), (202, "local:site-02")]
    assert m["cells"]["global"]["site-02"] == {"val_macro_auc": 0.9, "val_weighted_auc": 0.8, "n": 11}
    assert m["cells"]["global"]["site-01"]["val_macro_auc"] == pytest.approx(0.6)  # asked: the fake grid's answer
    assert m["global_from_validation"] == ["site-02"] and m["seconds"] >= 0
    assert json.loads((tmp_path / CROSS_SITE_JSON).read_text()) == m
