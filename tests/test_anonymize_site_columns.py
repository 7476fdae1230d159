"""Identifier columns under RIS/PACS names, the site's fedrad-site.toml, and `fedrad anonymize-eval`
(issue 10 item 6, issue 11 item 4). Real files in a temporary site folder, the real CLI."""

from __future__ import annotations

import csv
import stat

import pytest
from fedrad.client.anonymize import anonymize_site
from fedrad.client.identifier_columns import SiteConfigError, UnknownColumnError, column_kind, identifier_kind
from typer.testing import CliRunner

from fedrad.cli import app


def write_site(site, header, rows, toml=None):
    site.mkdir(parents=True, exist_ok=True)
    with open(site / "reports.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    if toml is not None:
        (site / "fedrad-site.toml").write_text(toml, encoding="utf-8")
    return site


def anonymized(site):
    with open(site / ".fedrad" / "anonymized.csv", encoding="utf-8", newline="") as fh:
        return {r["study_id"]: r["report"] for r in csv.DictReader(fh)}


@pytest.mark.parametrize("col,kind", [("Geburtsdatum", "date"), ("MRN", "id"), ("last_name", "name"),
                                      ("PatientName", "name"), ("Fallnummer", "id"), ("first-name", "name")])
def test_known_ris_pacs_names_map_to_kinds(col, kind):
    assert column_kind(col) == kind and identifier_kind(col) == kind


def test_aliased_columns_are_used_as_identifiers(tmp_path):
    site = write_site(tmp_path / "s", ["study_id", "region", "report", "last_name", "Vorname", "MRN", "Geburtsdatum"],
                      [["E1", "elbow", "Vrankić Ilse (*14.02.1957), Nr. 55-71-902: Olekranonfraktur. Ilse stürzte.",
                        "Vrankić", "Ilse", "5571902", "1957-02-14"]])
    anonymize_site(site, show_progress=False)
    out = anonymized(site)["E1"]
    assert "Vrankić" not in out and "Ilse" not in out and "14.02.1957" not in out and "902" not in out, out
    assert "Olekranonfraktur" in out


def test_study_id_values_in_text_are_removed(tmp_path):
    site = write_site(tmp_path / "s", ["study_id", "region", "report"],
                      [["RX-2026-0815", "thumb", "Untersuchung RX-2026-0815: Daumen ohne Fraktur."]])
    anonymize_site(site, show_progress=False)
    out = anonymized(site)["RX-2026-0815"]
    assert "0815" not in out and "Daumen ohne Fraktur" in out


def test_unknown_column_stops_anonymize_naming_file_and_column(tmp_path):
    site = write_site(tmp_path / "s", ["study_id", "region", "report", "pat_spitzname"],
                      [["E1", "elbow", "Normal.", "Hasi"]])
    with pytest.raises(UnknownColumnError, match="pat_spitzname") as ei:
        anonymize_site(site, show_progress=False)
    assert str(site / "reports.csv") in str(ei.value)
    assert not (site / ".fedrad" / "anonymized.csv").exists()
    r = CliRunner().invoke(app, ["anonymize", str(site)])
    msg = " ".join(r.output.split())
    assert r.exit_code == 2 and "pat_spitzname" in msg and "reports.csv" in msg and "[columns]" in msg
    assert "Traceback" not in r.output


def test_declared_ignore_column_passes_and_declared_name_column_is_matched(tmp_path):
    site = write_site(tmp_path / "s", ["study_id", "region", "report", "kostenstelle", "pat_rufname"],
                      [["E1", "elbow", "Radiuskopf unauffällig. Jorinde klagt über Schmerzen.", "4711", "Jorinde"]],
                      toml='[columns]\nkostenstelle = "ignore"\npat_rufname = "name"\n')
    s = anonymize_site(site, show_progress=False)
    out = anonymized(site)["E1"]
    assert s.reports == 1 and "Jorinde" not in out and "Radiuskopf unauffällig" in out
    assert "kostenstelle" not in (site / ".fedrad" / "anonymized.csv").read_text(encoding="utf-8")


def test_bad_site_config_is_a_clean_error(tmp_path):
    site = write_site(tmp_path / "s", ["study_id", "region", "report", "xyz"], [["E1", "elbow", "Normal.", "1"]],
                      toml='[columns]\nxyz = "maybe"\n')
    with pytest.raises(SiteConfigError, match="xyz"):
        anonymize_site(site, show_progress=False)
    r = CliRunner().invoke(app, ["anonymize", str(site)])
    msg = " ".join(r.output.split())
    assert r.exit_code == 2 and "fedrad-site.toml" in msg and "xyz" in msg


def test_anonymize_eval_command(tmp_path):
    site = write_site(tmp_path / "s", ["study_id", "region", "report"], [
        ["A1", "thumb", "Überweiser: Dr. Hemming Quarles, Praxis Quarles Nordheide\nBennett-Fraktur links."],
        ["A2", "elbow", "Findings: no fracture. Discussed with Mr Oyelaran-Sippel."],
    ])
    ids = tmp_path / "identifiers.csv"
    with open(ids, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerows([["study_id", "kind", "text"], ["A1", "clinician_name", "Hemming Quarles"],
                     ["A1", "institution", "Praxis Quarles Nordheide"], ["A1", "keep", "Bennett-Fraktur"],
                     ["A2", "other_name", "Oyelaran-Sippel"]])
    r = CliRunner().invoke(app, ["anonymize-eval", str(site), "--identifiers", str(ids)])
    assert r.exit_code == 0, r.output
    assert "clinician_name" in r.output and "institution" in r.output and "kept (eponyms and other keep strings): 1/1" \
        in r.output
    misses = site / ".fedrad" / "anonymize-misses.csv"
    assert stat.S_IMODE(misses.stat().st_mode) == 0o600
    import json

    r = CliRunner().invoke(app, ["anonymize-eval", str(site), "--identifiers", str(ids), "--json"])
    d = json.loads(r.output)
    assert d["removed_whole_string"]["ALL"] == 1.0 and d["keep_kept"] == 1 and d["identifiers"] == 3
    # a study listed in identifiers.csv but absent from reports.csv is an error, not a smaller sample
    with open(ids, "a", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerow(["A9", "patient_name", "Nobody"])
    r = CliRunner().invoke(app, ["anonymize-eval", str(site), "--identifiers", str(ids)])
    assert r.exit_code == 2 and "A9" in " ".join(r.output.split())
