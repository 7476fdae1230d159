"""Tri-state labels, parent propagation, label files and uncertainty policies."""

from __future__ import annotations

import numpy as np
import pytest
from fedrad.common.labels import (
    Label,
    LabelFileError,
    LabelTable,
    label_counts,
    propagate,
    read_label_file,
    write_label_file,
)
from fedrad.common.policies import Policy
from fedrad.common.templates import load_template

ELBOW = load_template("elbow")


def test_label_order_and_parse():
    assert max(Label.FALSE, Label.UNCERTAIN) is Label.UNCERTAIN
    assert max(Label.TRUE, Label.UNCERTAIN) is Label.TRUE
    assert Label.parse(" TRUE ") is Label.TRUE and Label.parse("uncertain") is Label.UNCERTAIN
    with pytest.raises(ValueError):
        Label.parse("maybe")


def test_propagation_lifts_whole_chain_and_reports_repairs():
    labels, repairs = propagate(ELBOW, {"olecranon_fracture_displaced": Label.UNCERTAIN})
    assert labels["olecranon_fracture"] is Label.UNCERTAIN
    assert labels["ulna_fracture"] is Label.UNCERTAIN
    assert labels["fracture"] is Label.UNCERTAIN
    assert labels["radius_fracture"] is Label.FALSE
    assert len(repairs) == 3
    # true beats uncertain: an uncertain parent is lifted to true by a true child
    labels, _ = propagate(ELBOW, {"radial_head_fracture": Label.TRUE, "radius_fracture": Label.UNCERTAIN,
                                  "fracture": Label.UNCERTAIN})
    assert labels["radius_fracture"] is Label.TRUE and labels["fracture"] is Label.TRUE
    # never lowers a parent
    labels, repairs = propagate(ELBOW, {"fracture": Label.TRUE})
    assert labels["fracture"] is Label.TRUE and repairs == []


def test_multi_parent_propagation_thumb():
    thumb = load_template("thumb")
    labels, _ = propagate(thumb, {"metacarpal1_fracture_comminuted": Label.TRUE})
    assert labels["metacarpal1_fracture"] is Label.TRUE
    assert labels["fracture_comminuted"] is Label.TRUE
    assert labels["fracture"] is Label.TRUE


def _table() -> LabelTable:
    t = LabelTable(ELBOW)
    t.add("s1", propagate(ELBOW, {"radial_head_fracture": Label.TRUE})[0], {"labeler": "rules"})
    t.add("s2", propagate(ELBOW, {"fat_pad_sign": Label.UNCERTAIN})[0])
    t.add("s3", {})
    return t


def test_label_file_roundtrip(tmp_path):
    p = tmp_path / "labels-elbow.csv"
    write_label_file(p, _table())
    header = p.read_text().splitlines()[0].split(",")
    assert header[0] == "study_id" and header[1:30] == ELBOW.ids
    back = read_label_file(p, ELBOW)
    assert back.study_ids == ["s1", "s2", "s3"]
    assert back.rows == _table().rows
    assert back.provenance[0]["labeler"] == "rules"
    counts = label_counts(back)
    assert counts["fracture"] == {"true": 1, "uncertain": 0, "false": 2}
    m = back.matrix()
    assert m.shape == (3, 29) and m[1, ELBOW.index("fat_pad_sign")] == Label.UNCERTAIN


def test_label_file_tolerates_bom_semicolon_crlf(tmp_path):
    p = tmp_path / "labels.csv"
    cells = ["false"] * len(ELBOW)
    text = "study_id;" + ";".join(ELBOW.ids) + "\r\n" + "a;" + ";".join(cells) + "\r\n"
    p.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert read_label_file(p, ELBOW).study_ids == ["a"]


def _write(tmp_path, header, rows):
    p = tmp_path / "bad.csv"
    p.write_text("\n".join([",".join(header)] + [",".join(r) for r in rows]) + "\n")
    return p


@pytest.mark.parametrize("mutate, row, column, fragment", [
    (lambda h, r: r[1].__setitem__(5, "maybe"), 3, ELBOW.ids[4], "not one of"),
    (lambda h, r: r[1].__setitem__(0, "s1"), 3, "study_id", "duplicate study_id"),
    (lambda h, r: r[0].__setitem__(0, ""), 2, "study_id", "empty study_id"),
    (lambda h, r: r[0].__setitem__(1 + ELBOW.index("radial_head_fracture"), "true"), 2, "radial_head_fracture",
     "parent rule"),
    (lambda h, r: (h.append("wrist_fracture"), [x.append("false") for x in r]), 1, "wrist_fracture", "unknown column"),
    (lambda h, r: r[1].pop(), 3, None, "cells"),
])
def test_bad_label_files_name_row_and_column(tmp_path, mutate, row, column, fragment):
    header = ["study_id", *ELBOW.ids]
    rows = [["s1"] + ["false"] * len(ELBOW), ["s2"] + ["false"] * len(ELBOW)]
    mutate(header, rows)
    p = _write(tmp_path, header, rows)
    with pytest.raises(LabelFileError) as exc:
        read_label_file(p, ELBOW)
    assert exc.value.row == row and exc.value.column == column
    assert str(p) in str(exc.value) and fragment in str(exc.value)


def test_missing_column_and_uncertain_in_test_labels(tmp_path):
    p = _write(tmp_path, ["study_id", *ELBOW.ids[:-1]], [["s1"] + ["false"] * (len(ELBOW) - 1)])
    with pytest.raises(LabelFileError, match="exostosis"):
        read_label_file(p, ELBOW)
    p = _write(tmp_path, ["study_id", *ELBOW.ids], [["s1"] + ["uncertain"] + ["false"] * (len(ELBOW) - 1)])
    with pytest.raises(LabelFileError, match="not allowed"):
        read_label_file(p, ELBOW, allow_uncertain=False)


def test_policies():
    states = np.array([[Label.TRUE, Label.UNCERTAIN, Label.FALSE]])
    t, m = Policy("inclusive").apply(states)
    assert t.tolist() == [[1, 1, 0]] and m.tolist() == [[1, 1, 1]]
    t, m = Policy("exclusive").apply(states)
    assert t.tolist() == [[1, 0, 0]] and m.tolist() == [[1, 1, 1]]
    t, m = Policy("ignore").apply(states)
    assert t.tolist() == [[1, 0, 0]] and m.tolist() == [[1, 0, 1]]
    t, m = Policy("soft", soft_value=0.3).apply(states)
    assert np.allclose(t, [[1, 0.3, 0]]) and m.tolist() == [[1, 1, 1]]
    assert t.dtype == np.float32 and m.dtype == np.float32
    with pytest.raises(ValueError, match="unknown uncertainty policy"):
        Policy("optimistic")
