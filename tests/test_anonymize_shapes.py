"""Issue 11, round 3: general shapes instead of one pattern per miss (our own invented examples, none
from an evaluation corpus). 14 of these cases fail on the engine before this round; the rest pin behaviour the
new shapes must not break (prose words, specialties, measures, state codes) or cases the zones already held."""

from __future__ import annotations

import pytest
from fedrad.client.anon_engine import Anonymizer

A = Anonymizer()


def anon(text, ids=None):
    return A.anonymize(text, ids).text


@pytest.mark.parametrize("line, words", [
    ("Patient: Testfall, Station Q7, Zi. 31 Bett 4", ["Station", "Q7", "Bett"]),
    ("Location: 9C Bed 22   Ref: Dr. Wenzlow", ["9C", "Bed", "22"]),
    ("Ward: Female Medical Ward, Bed 16", ["Female", "Medical", "Ward, Bed", "16"]),
    ("Aufnahme: Station Kardio 3, Zimmer 117", ["Kardio", "Zimmer", "117"]),
])
def test_ward_bed_room_strings_go_whole(line, words):
    out = anon(line + "\nBefund: Keine Fraktur.")
    assert all(w not in out for w in words), out
    assert "Keine Fraktur" in out


def test_nail_bed_measure_is_no_ward():
    assert "nail bed 3 mm" in anon("Soft tissue swelling of the nail bed 3 mm thick.")


@pytest.mark.parametrize("text, code", [
    ("Keine Fraktur.\nDr. med. P. Quandel, Chefarzt PQ/kst", "PQ/kst"),
    ("IMPRESSION: NORMAL. /WZR Radiologist: Dr. Y", "WZR"),
    ("Normal study.\nDr Q Ashby dict. QAsh / typed: jv", "jv"),
    ("Normal study.\nTranscribed: 04.05.2026 tq", "tq"),
    ("Kein Frakturnachweis.\nSchreibkraft: rw", "rw"),
])
def test_dictation_and_typing_marks(text, code):
    out = anon(text)
    assert code not in out.split("]")[-1] and code not in out.replace("[NAME]", ""), out


def test_typist_cue_takes_no_word_inside_a_longer_word():
    out = anon("CENTRAL INSTITUTE OF TRAUMA SCIENCES\nFindings: No fracture.")
    assert "AUMA" not in out or "TRAUMA" in out


@pytest.mark.parametrize("text, words", [
    ("Keine Fraktur.\nDr. med. K. Hand\nFachärztin für Radiologie", ["Hand\n"]),
    ("Keine Fraktur.\nDr. med. Lorenz Fuß", ["Fuß"]),
    ("Patient: Arm, Gerhard  geb. 01.02.1960\nBefund: Keine Fraktur.", ["Arm,", "Gerhard"]),
    ("Keine Fraktur.\nT. Knie", ["Knie"]),
])
def test_ordinary_words_as_surnames_by_shape(text, words):
    out = anon(text)
    assert all(w not in out for w in words), out
    assert "Keine Fraktur" in out


def test_ordinary_word_in_prose_stays():
    out = anon("Befund: Schwellung über der Hand, keine Fraktur.")
    assert "Hand" in out


@pytest.mark.parametrize("line, words", [
    ("Praxis für Orthopädie Dr. Egon Brandt & Partner, Obertal", ["Praxis", "Orthopädie", "Brandt", "Partner"]),
    ("Gemeinschaftspraxis für Radiologie Dr. Kopf & Kollegen", ["Kopf", "Kollegen"]),
    ("Zuweiser: Hausarztpraxis am Markt, Dres. Wolf, Tanaka & Kollegen", ["Wolf", "Tanaka", "Kollegen"]),
    ("Kreisklinikum Neustadt (Saale) – Radiologie", ["Neustadt", "Saale"]),
    ("Universitätsklinikum Talbrunn GmbH, Standort Oberau", ["Talbrunn", "GmbH", "Oberau"]),
    ("Zuweisung: Handzentrum Seeland", ["Handzentrum", "Seeland"]),
])
def test_institutions_whole_with_tails(line, words):
    out = anon(line + "\nBefund: Keine Fraktur.")
    assert all(w not in out for w in words), out


def test_specialty_clinic_without_a_name_stays():
    assert "Klinik für Unfallchirurgie" in anon("Klinik für Unfallchirurgie\nBefund: Keine Fraktur.")


@pytest.mark.parametrize("line, words", [
    ("7th Meadowlark Avenue, Kisumu", ["7th", "Meadowlark"]),
    ("1200 N. 4th Ave, Elmcrest, MN 55401", ["4th"]),
    ("Radiology, Quarry Road, Lahore", ["Quarry Road"]),
    ("Ballinrobe, Co. Mayo H91 K2T8", ["Mayo", "H91", "K2T8"]),
    ("Kurhausweg 4, 61348 Bad Homburg vor der Höhe", ["Homburg", "Höhe"]),
])
def test_addresses(line, words):
    out = anon(line + "\nFindings: No fracture.")
    assert all(w not in out for w in words), out


@pytest.mark.parametrize("text, eponym", [
    ("EXAM: XR CLAVICLE 2 VIEWS PLUS HALVORSEN VIEW\nFINDINGS: NO FRACTURE.", "HALVORSEN"),
    ("XR ELBOW WITH RADIAL HEAD (MARSTRAND) VIEW\nFindings: normal.", "MARSTRAND"),
    ("Befund Clavicula ap/Tellmann:\nKeine Fraktur.", "Tellmann"),
    ("Findings: midshaft clavicle fracture, Ostrander 2B1.", "Ostrander"),
    ("Findings: sclerosis of the lunate (Vashrenko II).", "Vashrenko"),
])
def test_view_and_classification_eponyms_survive(text, eponym):
    assert eponym in anon(text)


def test_state_code_after_town_is_no_grade():
    out = anon("Springfield Regional Medical Center, Lakemoor Falls VA\nFindings: No fracture.")
    assert "Lakemoor" not in out


@pytest.mark.parametrize("line, label, name", [
    ("Req: Dr Olwen Tasker", "Req:", "Tasker"),
    ("Mutter: Irmgard Quast, Tel. 0171 2233445", "Mutter:", "Quast"),
    ("Zuw.: Dr. Kunibert Lerch", "Zuw.:", "Lerch"),
])
def test_field_labels_stay_and_their_values_go(line, label, name):
    out = anon(line + "\nBefund: Keine Fraktur.")
    assert label in out and name not in out, out


def test_camel_case_word_before_a_colon_is_no_label():
    out = anon("Results are available through MyKlinikPortal: www.example.org\nFindings: normal.")
    assert "MyKlinikPortal" not in out


def test_lowercase_institution_on_the_first_line_without_sections():
    out = anon("glenmoor hospital kirkbride - xr thumb rt\npt: tulloch, aileen\nno fracture.")
    assert "glenmoor" not in out and "kirkbride" not in out and "no fracture" in out, out


def test_camel_case_brand_before_institution_words():
    out = anon("Comparison: outside films from BrightPath Medical dated 02/01/2026.\nFindings: No fracture.")
    assert "BrightPath" not in out and "No fracture" in out, out


def test_accompanying_fracture_is_no_zone_cue():
    out = anon("Befund: Luxation, keine begleitende Fraktur der Basis (keine Bennett-Konstellation).")
    assert "Bennett" in out, out


@pytest.mark.parametrize("line, words", [
    ("Location: Ward 21 (Orthopaedics), Side Room 4\nExam: XR ELBOW", ["Orthopaedics", "Side Room"]),
    ("Station: UCH 4A, Bett 3\nRöntgen Daumen", ["UCH", "Bett"]),
    ("Location: Ward 7D, Room 15, Bed C   Requested by: Dr Y", ["7D", "Room", "Bed C"]),
])
def test_location_field_values_go_whole(line, words):
    out = anon(line)
    assert all(w not in out for w in words), out
    assert "Requested" in out or "Requested" not in line


def test_location_of_pain_is_no_field():
    assert "lateral elbow" in anon("Location of pain: lateral elbow.\nFindings: No fracture.")


def test_all_caps_compound_institution():
    out = anon("KLINIK: KREISKRANKENHAUS OBERWALDING  PAT: X\nBEFUND: KEINE FRAKTUR.")
    assert "KREISKRANKENHAUS" not in out and "OBERWALDING" not in out, out
