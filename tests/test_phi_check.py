"""The PHI check: residual suspects in anonymized text (the gate before any LLM call)."""

from __future__ import annotations

import csv

import pytest
from fedrad.client.anon_engine import Anonymizer
from fedrad.client.phi_check import Suspect, phi_check, write_suspects

A = Anonymizer()


def test_clean_anonymized_text_has_no_suspects():
    raw = ("Patient: Bennett, Anna, geb. 03.04.1956, PID 00123456. Überweiser: Dr. med. K. Weber. "
           "Befund: Bennett-Fraktur der Basis MC I. Mason II. Rockwood III. Kein Erguss. 3 mm Stufe.")
    ids = {"patient_name": "Bennett, Anna", "patient_id": "00123456", "birth_date": "1956-04-03",
           "referring_physician": "Dr. med. K. Weber"}
    out = A.anonymize(raw, ids).text
    assert phi_check(out, ids) == []
    assert phi_check(out) == []


@pytest.mark.parametrize("text,typ,value", [
    ("Befund mit Frau Zyborski besprochen.", "NAME", "Zyborski"),  # title + unknown word
    ("Gesehen von Hoffmann.", "NAME", "Hoffmann"),  # listed surname
    ("Kontakt: a.b@example.org", "EMAIL", "a.b@example.org"),
    ("Voraufnahme 12.03.2021.", "DATE", "12.03.2021"),
    ("Rückruf 0761 27012", "PHONE", "0761 27012"),
    ("Nr. 4711 0815 99", "ID", "4711 0815 99"),
    ("Patient is 97 years old.", "AGE", "97"),
])
def test_residuals_are_flagged(text, typ, value):
    s = phi_check(text)
    assert any(x.type == typ and x.value == value for x in s), s
    hit = next(x for x in s if x.value == value)
    assert text[hit.start:hit.end] == value


def test_known_identifier_values_are_flagged_in_any_case():
    ids = {"patient_name": "Qwertz, Jolanda", "accession_number": "ZZ-99-1"}
    s = phi_check("Bericht für QWERTZ; Auftrag zz-99-1.", ids)
    assert [x.type for x in s] == ["IDENTIFIER", "IDENTIFIER"]


def test_eponyms_in_context_are_not_suspects_but_bare_ones_are():
    assert phi_check("Smith fracture, Barton-Fraktur, Mason type II, nach Jäger/Breitner.") == []
    assert [x.value for x in phi_check("Befund an Barton weitergeleitet.")] == ["Barton"]


def test_suspects_file_is_masked(tmp_path):
    text = "Gesehen von Hoffmann heute."
    s = phi_check(text)
    p = tmp_path / "phi-suspects.csv"
    write_suspects(p, [("S1", x) for x in s], {"S1": text})
    rows = list(csv.DictReader(p.open(encoding="utf-8")))
    assert rows == [{"study_id": "S1", "type": "NAME", "rule": "name-list", "start": "12", "end": "20",
                     "snippet": "Gesehen von <H*******> heute."}]
    assert "Hoffmann" not in p.read_text(encoding="utf-8")


def test_signature_is_stable():
    s = phi_check("Dr. Xylander")
    assert isinstance(s, list) and all(isinstance(x, Suspect) for x in s)
