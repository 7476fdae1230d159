"""A site's own anonymizer terms (client/anon_site_terms.py): the `[anonymizer]` table of fedrad-site.toml, read by
the anonymize step, the site's own evaluation (`fedrad anonymize-eval`), the PHI gate before an LLM call and `fedrad
doctor` through one loader. Real files in a temporary site folder and the real CLI; every name, place and employer
below is our own invention."""

from __future__ import annotations

import csv
import json

import pytest
from fedrad.client.anon_engine import default_anonymizer
from fedrad.client.anon_site_terms import SiteTerms, SiteTermsError, load_site_terms
from fedrad.client.anonymize import anonymize_site
from fedrad.client.doctor import site_checks
from fedrad.client.labeling.phi_gate import PHIGate
from typer.testing import CliRunner

from fedrad.cli import app
from tests.test_anonymize_site_columns import anonymized, write_site

TOML = """[policy]
share-local-model = false

[anonymizer]
names = ["Okafor-Brennan", "Siân Pritchard"]
institutions = ["St Ultan's Community Hospital"]
places = ["Cullaghmore", "Galtrim Road"]
other-file = "local-employers.txt"
"""
EMPLOYERS = "# employers and clubs of the catchment\nKingsway Metals\nBallyfin Rovers   # football\n"
REPORT = ("Clinical: fell at work (Kingsway Metals yard), lives off Galtrim Road in CULLAGHMORE; plays for "
          "Ballyfin Rovers. Referred from St. Ultan's Community Hospital by Dr Okafor Brennan, seen by sian pritchard "
          "(radiographer).\nFindings: Bennett fracture of the first metacarpal base.")
LEAKS = ["Kingsway", "Metals", "Galtrim", "CULLAGHMORE", "Ballyfin", "Rovers", "Ultan", "Okafor", "Brennan",
         "sian", "pritchard"]


def test_terms_match_whole_words_in_any_case_spelling_and_spacing():
    t = SiteTerms.from_lists({"names": ["Müller-Lüdenscheidt", "Rose"], "places": ["Galtrim Road"]})
    text = "MUELLER LUDENSCHEIDT and muller-lüdenscheidt; Rosemary Rose; galtrim road, Galtrim Roads"
    got = [text[s:e] for s, e, _k in t.spans(text)]
    assert got == ["MUELLER LUDENSCHEIDT", "muller-lüdenscheidt", "Rose", "galtrim road"], got
    assert [k for _s, _e, k in t.spans("Rose")] == ["NAME"] and t.spans("Galtrim")[:1] == []


def test_a_term_too_short_to_remove_safely_is_an_error():
    with pytest.raises(SiteTermsError, match="too short"):
        SiteTerms.from_lists({"names": ["Al"]})


def test_the_site_terms_go_everywhere_but_an_eponym_in_its_clinical_context_stays(tmp_path):
    site = write_site(tmp_path / "s", ["study_id", "region", "report"], [["T1", "thumb", REPORT]], toml=TOML)
    (site / "local-employers.txt").write_text(EMPLOYERS, encoding="utf-8")
    without = default_anonymizer()(REPORT)
    assert any(w in without for w in LEAKS)  # the shipped lists alone keep some of them
    anonymize_site(site, show_progress=False)
    out = anonymized(site)["T1"]
    assert not [w for w in LEAKS if w in out], out
    assert "Bennett fracture of the first metacarpal base" in out
    # a staff member called Bennett does not take the eponym
    t = default_anonymizer().with_site_terms(SiteTerms.from_lists({"names": ["Bennett"]}))
    assert "Bennett fracture" in t("Findings: Bennett fracture. Discussed with Bennett on the ward.")
    assert "Discussed with Bennett" not in t("Findings: Bennett fracture. Discussed with Bennett on the ward.")


def test_the_phi_gate_and_the_sites_own_evaluation_use_the_terms(tmp_path):
    site = write_site(tmp_path / "s", ["study_id", "region", "report"], [["T1", "thumb", REPORT]], toml=TOML)
    (site / "local-employers.txt").write_text(EMPLOYERS, encoding="utf-8")
    anonymize_site(site, show_progress=False)
    gate = PHIGate.for_site(site)
    assert gate.reason("T1", anonymized(site)["T1"]) is None
    assert "IDENTIFIER" in gate.reason("T1", "Clinical: fell at Kingsway Metals. No fracture.")
    ids = tmp_path / "ids.csv"
    with open(ids, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([["study_id", "kind", "text"], ["T1", "other", "Kingsway Metals"],
                                  ["T1", "address", "CULLAGHMORE"], ["T1", "keep", "Bennett"]])
    r = CliRunner().invoke(app, ["anonymize-eval", str(site), "--identifiers", str(ids), "--json"])
    d = json.loads(r.output)
    assert d["removed_whole_string"]["ALL"] == 1.0 and d["keep_kept"] == 1, d


def test_doctor_counts_the_terms_and_never_prints_them(tmp_path):
    site = write_site(tmp_path / "s", ["study_id", "region", "report"], [["T1", "thumb", "Normal."]], toml=TOML)
    (site / "local-employers.txt").write_text(EMPLOYERS, encoding="utf-8")
    check = {c.name: c for c in site_checks(site)}["anonymizer terms"]
    assert check.status == "ok" and "7 term(s)" in check.detail, check
    assert not any(w in check.detail for w in ("Okafor", "Kingsway", "Cullaghmore"))
    (site / "fedrad-site.toml").write_text('[policy]\n', encoding="utf-8")
    assert "none listed" in {c.name: c for c in site_checks(site)}["anonymizer terms"].detail


@pytest.mark.parametrize("table,needle", [
    ('[anonymizer]\nstaff = ["Okafor"]\n', "[anonymizer] staff: unknown key"),
    ('[anonymizer]\nnames = "Okafor"\n', "[anonymizer] names: must be a list of strings"),
    ('[anonymizer]\nnames-file = "missing.txt"\n', "[anonymizer] names-file: cannot read"),
    ('[anonymizer]\nplaces = ["Ab"]\n', "too short"),
])
def test_a_bad_terms_table_stops_anonymize_naming_file_and_key(tmp_path, table, needle):
    site = write_site(tmp_path / "s", ["study_id", "region", "report"], [["T1", "thumb", "Normal."]], toml=table)
    with pytest.raises(SiteTermsError) as ei:
        load_site_terms(site)
    assert needle in str(ei.value) and str(site / "fedrad-site.toml") in str(ei.value)
    r = CliRunner().invoke(app, ["anonymize", str(site)])
    msg = " ".join(r.output.split())
    assert r.exit_code == 2 and needle in msg and "Traceback" not in r.output, r.output
    assert not (site / ".fedrad" / "anonymized.csv").exists()
    assert {c.name: c for c in site_checks(site)}["anonymizer terms"].status == "fail"
