"""The anonymizer's exact output on a fixed set of invented reports: a guard for structural changes.

A speed-up or refactoring of the engine or the token layer must change nothing: not the output text, not a
span, not a word the layer scores, nor its score (to 1e-9). The reports below are our own inventions (no
evaluation corpus), chosen to run every part: header zones, pipes, sign-offs, cues and titles, eponyms and
bracketed views, German and English, all lower case, decomposed umlauts and invisible characters, a row's
identifier columns. Their expected results are in fixtures/anon_golden.json.

A change of the rules or the weights is MEANT to change these: check the difference, then rewrite the file with
    .venv/bin/python -m tests.test_anonymize_golden
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fedrad.client.anon_engine import Anonymizer, _lower

GOLDEN = Path(__file__).parent / "fixtures" / "anon_golden.json"

REPORTS: list[tuple[str, dict[str, str] | None]] = [
    ("ST. ALDRIC GENERAL HOSPITAL - DEPARTMENT OF RADIOLOGY\n"
     "Patient: OKONKWO-BRANDT, Tamsin | MRN: QX-4471902 | DOB: 14-MAR-1961\n"
     "Acc# 88213370   Exam date: 03/02/2026   Ward 7B, Bed 12\n"
     "Referring: Dr. P. Ellingsworth (Tallow Creek Family Practice)\n\n"
     "EXAM: Right clavicle, 2 views (AP + Zanca)\n"
     "CLINICAL HISTORY: Fell off bicycle, tender midshaft.\n"
     "FINDINGS: Minimally displaced fracture of the middle third of the clavicle. AC joint congruent.\n"
     "IMPRESSION: Midshaft clavicle fracture, Robinson 2B1.\n\n"
     "Dictated by: Harriet Quill, MD\nSigned 03/02/2026 14:22   HQ/jt", None),
    ("Radiologische Praxis am Lindenhof · Dr. med. Volker Ansbacher · Tel. 07531 448812\n"
     "Patientin: Frau Lioba Terhaar, geb. 02.11.1958, Fall-Nr. 2026-004417\n\n"
     "Fragestellung: Sturz auf die Hand, Scaphoidfraktur?\n"
     "Befund: Daumen in 2 Ebenen. Bennett-Fraktur mit geringer Dislokation. Morbus Kienböck ausgeschlossen. "
     "Zustand nach Bandplastik nach Eaton-Littler.\n"
     "Beurteilung: Bennett-Fraktur, Versorgung nach Rücksprache mit Herrn Dr. Quandt.\n\n"
     "Mit freundlichen Grüßen\nDr. V. Ansbacher\nFacharzt für Radiologie", None),
    ("INDICATION: XXXX-year-old male with elbow pain after a fall\nCOMPARISON: None.\n"
     "FINDINGS: No acute fracture. No joint effusion. Olecranon intact.\nIMPRESSION: Normal elbow.", None),
    ("Findings were discussed with Dr. Okafor-Lindqvist by telephone at 15:40 on 4/7, callback 0171 5553927, "
     "and e-mailed to r.okafor(at)kalvermoor-clinic.org. The 94 year old patient's daughter Imke was present.",
     None),
    ("KLINIKUM NORDHEIDE | WENDLER, Annegret | 67J W | *12.08.1958 | ID 7723011\n"
     "Ellenbogen in 2 Ebenen: Radiusköpfchenfraktur Mason II. Kein Gelenkerguss.", None),
    ("pt marit vanderhoek 94yoF fall onto outstretched hand, l thumb pain. no fx seen. ulnar collateral lig "
     "avulsion not excluded. -rk", None),
    ("Patient: Jose\u0301 Mu\u0308ller-Ibar\u200bra, Station Unfallchirurgie 3, Zimmer 14\n"
     "Befund: Klavikula in 2 Ebenen ohne Frakturnachweis.\ngez. OA Dr. Sven Wittkamp", None),
    ("CLAVICLE 2 VIEWS\nHx: assault last night. Patient Bram Ostergaard, 27, punched.\n"
     "Findings: Comminuted fracture of the lateral clavicle, Neer type II. Coracoclavicular distance widened.\n"
     "Impression: Neer II lateral clavicle fracture. Orthopaedic referral advised.\nReported by: L. Fenwick",
     {"patient_name": "Ostergaard^Bram", "patient_id": "N-0093381", "birth_date": "1998-05-21",
      "study_id": "ACC-2026-55120"}),
]


def _result(a: Anonymizer, rules: Anonymizer, text: str, ids: dict[str, str] | None) -> dict:
    res = a.anonymize(text, ids)
    src = res.source
    low = _lower(src)
    rule_spans = rules.find(src, ids)  # what the token layer starts from
    scored = [[s, e, round(a.token_model.prob(f), 9)]
              for s, e, f in a.model_rows(src, low, rule_spans, a.protected_spans(src, low))]
    return {"text": res.text, "spans": [[s.start, s.end, s.kind, s.rule] for s in res.spans], "scored": scored}


@pytest.fixture(scope="module")
def engines() -> tuple[Anonymizer, Anonymizer]:
    return Anonymizer(), Anonymizer(token_model=False)


def test_golden_outputs_are_unchanged(engines):
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(expected) == len(REPORTS)
    for (text, ids), exp in zip(REPORTS, expected, strict=True):
        got = _result(*engines, text, ids)
        assert got["text"] == exp["text"]
        assert got["spans"] == exp["spans"]
        assert [g[:2] for g in got["scored"]] == [x[:2] for x in exp["scored"]]
        for g, x in zip(got["scored"], exp["scored"], strict=True):
            assert abs(g[2] - x[2]) <= 1e-9


def test_the_golden_set_runs_every_part(engines):
    """The guard is only as good as what it covers: the layer scores words, and removes some."""
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert sum(len(x["scored"]) for x in expected) >= 20
    rules = {sp[3] for x in expected for sp in x["spans"]}
    assert {"model", "zone", "title", "cue", "date", "identifier-name"} <= rules


if __name__ == "__main__":
    full, rules_only = Anonymizer(), Anonymizer(token_model=False)
    GOLDEN.write_text(json.dumps([_result(full, rules_only, t, i) for t, i in REPORTS], ensure_ascii=False,
                                 indent=1) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}")
