"""`evaluate_labels` against a hand computation, the all-false labeler, and `fedrad label eval`."""

from __future__ import annotations

import json
import math
import tomllib
from pathlib import Path

import pytest
from fedrad.client.labeling.evaluate import evaluate_labels, infer_region
from fedrad.common.labels import LabelFileError, LabelTable, write_label_file
from fedrad.common.templates import load_template
from typer.testing import CliRunner

GOLD = Path(__file__).parent / "fixtures" / "rules_gold" / "cases.toml"


def _table(region: str, rows: dict[str, dict[str, str]]) -> LabelTable:
    t = LabelTable(load_template(region))
    for sid, labels in rows.items():
        t.add(sid, labels)
    return t


GOLD_ROWS = {
    "s1": {"fracture": "true", "metacarpal1_fracture": "true"},
    "s2": {},
    "s3": {"joint_subluxation": "uncertain"},
    "s4": {"swelling_dactylitis": "true"},
}
PRED_ROWS = {
    "s1": {"fracture": "true", "metacarpal1_fracture": "true"},  # right
    "s2": {"foreign_body": "true"},  # false -> true
    "s3": {},  # uncertain -> false
    "s4": {"swelling_dactylitis": "uncertain"},  # true -> uncertain
}


def test_metrics_match_a_hand_computation():
    r = evaluate_labels(_table("thumb", PRED_ROWS), _table("thumb", GOLD_ROWS))
    # 4 studies x 25 findings; 3 cells wrong
    assert r["cells"] == 100 and r["correct"] == 97 and r["accuracy"] == pytest.approx(0.97)
    # true: gold 3 (s1 x2, s4), predicted 3 (s1 x2, s2); 2 hits
    t = r["per_value"]["true"]
    assert (t["support"], t["predicted"], t["tp"]) == (3, 3, 2)
    assert t["precision"] == pytest.approx(2 / 3) and t["recall"] == pytest.approx(2 / 3)
    assert t["f1"] == pytest.approx(2 / 3)
    # uncertain: gold 1 (s3), predicted 1 (s4), no hit
    u = r["per_value"]["uncertain"]
    assert (u["support"], u["predicted"], u["tp"], u["precision"], u["recall"], u["f1"]) == (1, 1, 0, 0.0, 0.0, 0.0)
    # false: 96 gold-false cells, 95 predicted false correctly; predicted false 96 (95 + s3's uncertain)
    f = r["per_value"]["false"]
    assert (f["support"], f["predicted"], f["tp"]) == (96, 96, 95)
    assert r["confusion"]["matrix"] == [[95, 0, 1], [1, 0, 0], [0, 1, 2]]
    assert r["confusion"]["table"]["true"]["uncertain"] == 1
    pf = r["per_finding"]
    assert pf["foreign_body"]["accuracy"] == pytest.approx(0.75) and pf["fracture"]["accuracy"] == 1.0
    assert pf["joint_subluxation"]["uncertain"]["recall"] == 0.0
    assert pf["swelling_dactylitis"]["gold"] == {"false": 3, "uncertain": 0, "true": 1}
    assert r["study_exact_match"] == pytest.approx(0.25)
    # any-positive view (inclusive policy): s4 counts as a hit, s2 a false positive, s3 a miss
    assert r["positive_any"]["tp"] == 3 and r["positive_any"]["precision"] == pytest.approx(0.75)


def test_results_are_json_without_nan():
    r = evaluate_labels(_table("thumb", {"a": {}}), _table("thumb", {"a": {}}))
    text = json.dumps(r, allow_nan=False)  # raises on NaN / inf
    assert json.loads(text)["per_value"]["true"]["f1"] is None  # undefined, not NaN


def _gold_tables() -> dict[str, LabelTable]:
    cases = tomllib.loads(GOLD.read_text(encoding="utf-8"))["case"]
    out: dict[str, LabelTable] = {}
    for c in cases:
        out.setdefault(c["region"], LabelTable(load_template(c["region"]))).add(c["id"], c["labels"])
    return out


def test_the_all_false_labeler_looks_bad_where_it_matters():
    for region, gold in _gold_tables().items():
        all_false = _table(region, {s: {} for s in gold.study_ids})
        r = evaluate_labels(all_false, gold)
        assert r["accuracy"] > 0.9  # the headline number alone would flatter it...
        assert r["per_value"]["true"]["f1"] == 0.0 and r["per_value"]["true"]["recall"] == 0.0
        assert r["per_value"]["uncertain"]["recall"] == 0.0
        assert r["per_value"]["true"]["precision"] is None  # never predicts true: undefined, not NaN
        assert not math.isnan(r["accuracy"])


def test_missing_studies_are_reported_not_dropped():
    gold = _table("elbow", {"a": {"fracture": "true"}, "b": {}, "c": {}})
    pred = _table("elbow", {"a": {"fracture": "true"}, "c": {}, "z": {"fracture": "true"}})
    r = evaluate_labels(pred, gold)
    assert r["studies"]["missing_in_pred"] == ["b"] and r["studies"]["missing_in_gold"] == ["z"]
    assert r["studies"]["scored"] == 2 and r["cells"] == 2 * 29
    with pytest.raises(ValueError, match="region mismatch"):
        evaluate_labels(_table("thumb", {}), gold)


def test_cli_eval_json_and_region_inference(tmp_path):
    from fedrad.cli import app

    pred_t, gold_t = _table("thumb", PRED_ROWS), _table("thumb", GOLD_ROWS)
    write_label_file(tmp_path / "pred.csv", pred_t)
    write_label_file(tmp_path / "gold.csv", gold_t, with_provenance=False)
    assert infer_region(tmp_path / "gold.csv").region == "thumb"
    out = tmp_path / "m.json"
    res = CliRunner().invoke(app, ["label", "eval", str(tmp_path / "pred.csv"), str(tmp_path / "gold.csv"),
                                   "--json", str(out)])
    assert res.exit_code == 0, res.output
    assert "97.0%" in res.output and "uncertain" in res.output
    data = json.loads(out.read_text())
    assert data["region"] == "thumb" and data["accuracy"] == pytest.approx(0.97)
    assert data["confusion"]["matrix"] == [[95, 0, 1], [1, 0, 0], [0, 1, 2]]
    # a broken gold file: clear error naming row and column, exit code 2
    (tmp_path / "bad.csv").write_text((tmp_path / "gold.csv").read_text().replace("true", "yes", 1))
    res = CliRunner().invoke(app, ["label", "eval", str(tmp_path / "pred.csv"), str(tmp_path / "bad.csv"),
                                   "--region", "thumb"])
    assert res.exit_code == 2 and "row 2" in res.output and "'yes'" in res.output
    with pytest.raises(LabelFileError, match="match no region"):
        (tmp_path / "odd.csv").write_text("study_id,foo\na,true\n")
        infer_region(tmp_path / "odd.csv")


def test_cli_eval_lists_errors_by_kind_finding_and_cell_whatever_the_terminal(tmp_path, monkeypatch):
    from fedrad.cli import app

    write_label_file(tmp_path / "pred.csv", _table("thumb", PRED_ROWS))
    write_label_file(tmp_path / "gold.csv", _table("thumb", GOLD_ROWS), with_provenance=False)
    outputs = []
    for cols in ("40", "250"):
        monkeypatch.setenv("COLUMNS", cols)
        res = CliRunner().invoke(app, ["label", "eval", str(tmp_path / "pred.csv"), str(tmp_path / "gold.csv")])
        assert res.exit_code == 0, res.output
        outputs.append(res.output)
    assert outputs[0] == outputs[1]  # never depends on the terminal width
    out = outputs[0]
    # the three wrong cells: study, finding, predicted, gold, kind
    for row in (("s2", "foreign_body", "true", "false", "spurious finding"),
                ("s3", "joint_subluxation", "false", "uncertain", "missed hedged finding"),
                ("s4", "swelling_dactylitis", "uncertain", "true", "hedge added")):
        assert any(all(x in line for x in row) for line in out.splitlines()), row
    assert "wrong cells by kind" in out and "per finding" in out
    r = evaluate_labels(_table("thumb", PRED_ROWS), _table("thumb", GOLD_ROWS))
    assert r["studies_with_errors"] == 3 and len(r["wrong_cells"]) == 3
    assert r["error_kinds"]["hedge added"]["cells"] == 1 and r["per_finding"]["foreign_body"]["errors"] == 1
