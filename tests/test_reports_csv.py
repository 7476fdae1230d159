"""reports.csv as hospitals export it: BOM, ';', CRLF, and bad rows that go to the quarantine."""

from __future__ import annotations

import csv

import pytest
from fedrad.client.reports import ReportsFileError, read_reports

HEADER = ["study_id", "region", "report", "patient_name", "patient_id", "birth_date"]


def write(path, rows, *, sep=",", bom=False, crlf=False, header=HEADER):
    lines = [sep.join(header)] + [sep.join(r) for r in rows]
    text = ("\r\n" if crlf else "\n").join(lines) + ("\r\n" if crlf else "\n")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def test_bom_semicolon_crlf(tmp_path):
    write(tmp_path / "reports.csv", [
        ["S1", "Elbow", "Keine Fraktur.", "Müller, Anna", "123456", "03.04.1956"],
        ["S2", "thumb", '"Bennett-Fraktur; disloziert."', "", "", ""],
    ], sep=";", bom=True, crlf=True)
    t = read_reports(tmp_path)  # a site folder works as well as the file
    assert [r.study_id for r in t.rows] == ["S1", "S2"]
    assert t.rows[0].region == "elbow"  # normalised
    assert t.rows[0].identifiers == {"patient_name": "Müller, Anna", "patient_id": "123456",
                                     "birth_date": "03.04.1956"}
    assert t.rows[1].report == "Bennett-Fraktur; disloziert."  # quoted separator stays in the cell
    assert t.rows[1].identifiers == {}
    assert not t.problems
    assert t.identifier_columns == ["patient_name", "patient_id", "birth_date"]


def test_bad_rows_are_quarantined_with_file_row_column(tmp_path):
    p = write(tmp_path / "reports.csv", [
        ["S1", "elbow", "ok", "", "", ""],
        ["S2", "knee", "ok", "", "", ""],          # unknown region (row 3)
        ["S3", "elbow", "  ", "", "", ""],         # empty report (row 4)
        ["S4", "elbow", "first", "", "", ""],      # duplicate with row 7
        ["", "elbow", "no id", "", "", ""],        # empty study_id (row 6)
        ["S4", "elbow", "second", "", "", ""],
        ["S5", "elbow"],                           # missing cells (row 8)
        ["S6", "", "x", "", "", ""],               # empty region (row 9)
    ])
    t = read_reports(p)
    assert [r.study_id for r in t.rows] == ["S1"]
    got = {(q.row, q.column, q.study_id, q.reason) for q in t.problems}
    assert got == {
        (3, "region", "S2", "unknown region"),
        (4, "report", "S3", "empty report"),
        (5, "study_id", "S4", "duplicate study_id"),
        (7, "study_id", "S4", "duplicate study_id"),
        (6, "study_id", "", "empty study_id"),
        (8, "report", "S5", "missing cells"),
        (9, "region", "S6", "empty region"),
    }
    msg = str(next(q for q in t.problems if q.row == 3))
    assert str(p) in msg and "row 3" in msg and "column 'region'" in msg and "knee" in msg


def test_missing_required_column_is_fatal_and_named(tmp_path):
    p = write(tmp_path / "reports.csv", [["S1", "elbow"]], header=["study_id", "region"])
    with pytest.raises(ReportsFileError) as e:
        read_reports(p)
    assert "row 1" in str(e.value) and "column 'report'" in str(e.value) and str(p) in str(e.value)


def test_not_utf8_names_the_row(tmp_path):
    p = tmp_path / "reports.csv"
    p.write_bytes(b"study_id,region,report\nS1,elbow,ok\nS2,elbow,M\xfcller\n")
    with pytest.raises(ReportsFileError) as e:
        read_reports(p)
    assert "row 3" in str(e.value) and "UTF-8" in str(e.value)


def test_missing_file(tmp_path):
    with pytest.raises(ReportsFileError, match="no reports.csv"):
        read_reports(tmp_path)


def test_anonymize_site_writes_outputs_and_quarantine(tmp_path):
    from fedrad.client.anonymize import anonymize_site

    write(tmp_path / "reports.csv", [
        ["S1", "elbow", "Patientin Anna Zyborski (geb. 03.04.1956), PID 99887766. Keine Fraktur.",
         "Zyborski, Anna", "99887766", "1956-04-03"],
        ["S2", "elbow", "", "", "", ""],
        ["S3", "moon", "x", "", "", ""],
    ], sep=";", bom=True, crlf=True)
    s = anonymize_site(tmp_path, show_progress=False)
    assert s.reports == 1 and s.quarantined == 2
    assert s.quarantine_reasons == {"empty report": 1, "unknown region": 1}
    out = tmp_path / ".fedrad" / "anonymized.csv"
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["study_id", "region", "report"]  # no identifier columns
    body = rows[1][2]
    for secret in ("Zyborski", "Anna", "03.04.1956", "99887766"):
        assert secret not in out.read_text(encoding="utf-8")
    assert "Keine Fraktur." in body and "[NAME]" in body and "[DATE]" in body and "[ID]" in body
    with (tmp_path / ".fedrad" / "quarantine.csv").open(encoding="utf-8", newline="") as fh:
        q = list(csv.DictReader(fh))
    assert {(r["stage"], r["row"], r["column"], r["reason"]) for r in q} == {
        ("reports", "3", "report", "empty report"), ("reports", "4", "region", "unknown region")}
    assert (tmp_path / ".fedrad" / "phi-suspects.csv").is_file()
    assert s.replacements["NAME"] >= 1 and s.replacements["DATE"] == 1 and s.replacements["ID"] == 1


def test_cli_anonymize(tmp_path):
    from typer.testing import CliRunner

    from fedrad.cli import app

    write(tmp_path / "reports.csv", [["S1", "thumb", "Dr. Weber: Bennett-Fraktur.", "", "", ""]])
    r = CliRunner().invoke(app, ["anonymize", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert "1 reports anonymized" in r.output and "[NAME]" in r.output and "PHI check: 0" in r.output
    text = (tmp_path / ".fedrad" / "anonymized.csv").read_text(encoding="utf-8")
    assert "Dr. [NAME]: Bennett-Fraktur." in text
    r = CliRunner().invoke(app, ["anonymize", str(tmp_path / "nowhere")])
    assert r.exit_code == 2 and "nowhere: does not exist" in " ".join(r.output.split())
    assert not (tmp_path / "nowhere").exists()
