"""The human review file: write, edit as a reviewer would (Excel: BOM, ';', CRLF), read back."""

from __future__ import annotations

import csv
import io

import pytest
from fedrad.client.labeling.review import COLUMNS, NONE_ROW, read_review_file, write_review_file
from fedrad.common.labels import Label, LabelFileError, LabelTable, read_label_file, write_label_file
from fedrad.common.templates import load_template
from typer.testing import CliRunner

TEXTS = {"e1": "Befund: Dislozierte Radiusköpfchenfraktur. Gelenkerguss.",
         "e2": "Kein Frakturnachweis.",
         "e3": "Fraglich Fissur am Olekranon."}


def _labels() -> LabelTable:
    t = LabelTable(load_template("elbow"))
    t.add("e1", {"fracture": "true", "radius_fracture": "true", "radial_head_fracture": "true",
                 "radial_head_fracture_displaced": "true", "fat_pad_sign": "true"})
    t.add("e2", {})
    t.add("e3", {"fracture": "uncertain", "ulna_fracture": "uncertain", "olecranon_fracture": "uncertain"})
    return t


def _rows(path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _edit(path, edits: dict[tuple[str, str], str], add: list[tuple[str, str, str]] = (), delimiter: str = ",") -> None:
    rows = _rows(path)
    for r in rows:
        if (r["study_id"], r["finding"]) in edits:
            r["verified"] = edits[r["study_id"], r["finding"]]
    for sid, fid, val in add:
        rows.append({"study_id": sid, "finding": fid, "finding_name": "", "labeler_value": "", "verified": val,
                     "report": ""})
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, delimiter=delimiter, lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))


def test_write_format(tmp_path):
    p = tmp_path / "review.csv"
    n = write_review_file(p, _labels(), TEXTS)
    raw = p.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # Excel-friendly
    rows = _rows(p)
    assert n == len(rows) == 5 + 1 + 3  # non-false labels + one row for the all-false study
    assert list(rows[0]) == list(COLUMNS)
    e1 = [r for r in rows if r["study_id"] == "e1"]
    assert [r["finding"] for r in e1] == ["fracture", "radial_head_fracture", "radial_head_fracture_displaced",
                                          "radius_fracture", "fat_pad_sign"]  # template order
    assert e1[0]["report"] == TEXTS["e1"] and all(r["report"] == "" for r in e1[1:])  # text once per study
    assert "Radiusköpfchen" in e1[0]["report"]
    e2 = [r for r in rows if r["study_id"] == "e2"]
    assert len(e2) == 1 and e2[0]["finding"] == NONE_ROW and e2[0]["labeler_value"] == "false"
    assert all(r["verified"] == "" for r in rows)


def test_untouched_file_reads_back_as_the_labels(tmp_path):
    p = tmp_path / "review.csv"
    write_review_file(p, _labels(), TEXTS)
    back = read_review_file(p, load_template("elbow"))
    assert back.study_ids == ["e1", "e2", "e3"] and back.rows == _labels().rows


def test_reviewer_edits_override_and_additions(tmp_path):
    p = tmp_path / "review.csv"
    write_review_file(p, _labels(), TEXTS)
    _edit(p, {("e1", "fat_pad_sign"): "false", ("e3", "olecranon_fracture"): "ja", ("e3", "ulna_fracture"): "t",
              ("e3", "fracture"): "TRUE", ("e2", NONE_ROW): "ok"},
          add=[("e2", "joint_degeneration", "true"), ("e1", "joint_dislocation", "uncertain")], delimiter=";")
    back = read_review_file(p, load_template("elbow")).by_study()
    assert back["e1"]["fat_pad_sign"] is Label.FALSE
    assert back["e1"]["radial_head_fracture_displaced"] is Label.TRUE  # blank = accepted
    assert back["e1"]["joint_dislocation"] is Label.UNCERTAIN  # added by the reviewer
    assert back["e2"]["joint_degeneration"] is Label.TRUE and back["e2"]["fracture"] is Label.FALSE
    assert back["e3"]["olecranon_fracture"] is Label.TRUE and back["e3"]["fracture"] is Label.TRUE


def test_invalid_entries_name_file_row_and_column(tmp_path):
    tpl = load_template("elbow")
    p = tmp_path / "review.csv"
    write_review_file(p, _labels(), TEXTS)
    _edit(p, {("e1", "fat_pad_sign"): "maybe"})
    with pytest.raises(LabelFileError, match=r"review\.csv, row 6, column 'verified': 'maybe' is not"):
        read_review_file(p, tpl)
    write_review_file(p, _labels(), TEXTS)
    _edit(p, {}, add=[("e2", "fat_pad", "true")])
    with pytest.raises(LabelFileError, match=r"row 11, column 'finding': 'fat_pad' is not a finding"):
        read_review_file(p, tpl)
    write_review_file(p, _labels(), TEXTS)
    _edit(p, {}, add=[("e2", "fat_pad_sign", "")])
    with pytest.raises(LabelFileError, match="needs a value"):
        read_review_file(p, tpl)
    write_review_file(p, _labels(), TEXTS)
    _edit(p, {}, add=[("e1", "fat_pad_sign", "true")])
    with pytest.raises(LabelFileError, match="already in row 6"):
        read_review_file(p, tpl)
    # rejecting a parent while keeping its child true contradicts the parent rule
    write_review_file(p, _labels(), TEXTS)
    _edit(p, {("e1", "radius_fracture"): "false"})
    with pytest.raises(LabelFileError, match="parent rule violated"):
        read_review_file(p, tpl)


def test_require_binary_for_test_sets(tmp_path):
    tpl = load_template("elbow")
    p = tmp_path / "review.csv"
    write_review_file(p, _labels(), TEXTS)
    with pytest.raises(LabelFileError, match=r"row 8, column 'verified': 'fracture' of study 'e3' is uncertain"):
        read_review_file(p, tpl, require_binary=True)
    _edit(p, {("e3", "fracture"): "false", ("e3", "ulna_fracture"): "false", ("e3", "olecranon_fracture"): "nein"})
    back = read_review_file(p, tpl, require_binary=True)
    assert not any(v is Label.UNCERTAIN for row in back.rows for v in row.values())
    assert back.by_study()["e3"]["olecranon_fracture"] is Label.FALSE


def test_cli_review_write_and_read(tmp_path):
    from fedrad.cli import app

    labels = tmp_path / "labels-elbow.csv"
    write_label_file(labels, _labels())
    texts = tmp_path / "anonymized.csv"
    with texts.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["study_id", "region", "report"])
        for sid, t in TEXTS.items():
            w.writerow([sid, "elbow", t])
    review = tmp_path / "review.csv"
    r = CliRunner().invoke(app, ["label", "review", "write", str(labels), "--texts", str(texts), "--out", str(review)])
    assert r.exit_code == 0, r.output
    assert "3 studies, 9 rows to check, 3 uncertain" in r.output
    verified = tmp_path / "verified.csv"
    r = CliRunner().invoke(app, ["label", "review", "read", str(review), "--region", "elbow", "--out", str(verified),
                                 "--require-binary"])
    assert r.exit_code == 2 and "uncertain" in r.output and not verified.exists()
    _edit(review, {("e3", "fracture"): "true", ("e3", "ulna_fracture"): "true", ("e3", "olecranon_fracture"): "true"})
    r = CliRunner().invoke(app, ["label", "review", "read", str(review), "--region", "elbow", "--out", str(verified),
                                 "--require-binary"])
    assert r.exit_code == 0, r.output
    got = read_label_file(verified, load_template("elbow"), allow_uncertain=False).by_study()
    assert got["e3"]["olecranon_fracture"] is Label.TRUE and got["e1"]["fat_pad_sign"] is Label.TRUE
