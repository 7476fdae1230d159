"""Issue 11, the weak kinds of the held-out pair u,v: implant trade names and AO/OTA codes kept, an eponym in
the possessive kept, a clinical sentence before the first heading read as prose (not a header whose every
unknown word goes), practices named for their specialties and their place, ages after a sex letter and
'mit N Jahren'. Every example is our own (none taken from an evaluation corpus); each assertion fails on the
rules before this change (main at 1954733), except the guards (a department alone, a number in prose, the first
practice), which pass before and after."""

from __future__ import annotations

import pytest
from fedrad.client.anon_engine import Anonymizer

RULES = Anonymizer(token_model=False)  # the rules alone: the learned layer must not be what passes these
FULL = Anonymizer()


@pytest.mark.parametrize("text,kept", [
    ("Zuweiser: Dr. Petra Lindqvist\nClavicula li., 4.2.2026 – 8 Wo. nach Osteosynthese (Acumed LCP Hakenplatte)\n"
     "Beurteilung: Platte regelrecht.", "LCP"),
    ("Pat.: Holm, Arvid, 03.03.1971\nKontrolle nach ORIF mit Medartis APTUS 2.0 Platte, 09.01.2026\n"
     "Beurteilung: unauffällig.", "APTUS"),
    ("Patient: Ida Vrana, geb. 2.2.1950\nSattelgelenkprothese (Touch, KeriMedical) seit 11.11.2024\n"
     "Beurteilung: kein Lockerungssaum.", "Touch"),
    ("Name: Sven Odegaard, 14.6.1988\nDiagnose: Claviculaschaftfraktur links (AO 15.2B), Sturz 03.01.2026\n"
     "Beurteilung: Konsolidierung.", "AO 15.2B"),
    ("Name: Sven Odegaard, 14.6.1988\nZ.n. VA-LCP Plattenosteosynthese am 05.01.2026\nBeurteilung: regelrecht.",
     "VA-LCP"),
    ("Pt: Rhys Maddock, 22.07.1979\nFracture typed AO/OTA 15.2A on the 12.03.2026 films\nImpression: healing.",
     "AO/OTA 15.2A"),
])
def test_implant_names_and_ao_codes_stay(text, kept):
    for a in (RULES, FULL):
        out = a(text)
        assert kept in out, out


def test_an_eponym_in_the_possessive_without_apostrophe_stays():
    out = FULL("IMPRESSION:\nBennetts fracture of the left thumb with mild subluxation.")
    assert "Bennetts fracture" in out, out
    # a patient of that name still goes (guard)
    out = FULL("Patient: Bennetts, Carys   DOB 03/04/1961\nIMPRESSION:\nBennetts fracture, left thumb.")
    assert "Carys" not in out and out.count("Bennetts") == 1 and "Bennetts fracture" in out, out


def test_a_clinical_sentence_before_the_first_heading_is_prose():
    """No heading the engine knows until 'Impression': the bullet of findings is no header field."""
    text = ("RADIOLOGY DEPARTMENT, Kestrel Vale Hospital\nName: Mr. Oduya Banerjee\n\nNotes:\n"
            "- A transverse fracture is seen through the waist of the scaphoid with slight displacement of the "
            "distal pole and surrounding soft tissue swelling over the thenar eminence.\n"
            "Impression:\nScaphoid waist fracture.\n")
    for a in (RULES, FULL):
        out = a(text)
        assert "slight displacement of the distal pole" in out and "thenar eminence" in out, out
        assert "Banerjee" not in out and "Oduya" not in out, out


@pytest.mark.parametrize("text,leaks", [
    ("Praxis für Radiologie und Nuklearmedizin Tauberfeld · Dr. Ulla Brenneke\nBefund: Ellenbogen unauffällig.",
     ["Radiologie und Nuklearmedizin Tauberfeld", "Tauberfeld"]),
    ("Chirurgie & Sportmedizin Wiesenhain – Dr. med. Felix Oltmanns\nBefund: Daumen regelrecht.",
     ["Chirurgie & Sportmedizin", "Wiesenhain"]),
    ("MVZ Radiologie & Nuklearmedizin Kornbach-Süd\nBefund: Clavicula ohne Fraktur.",
     ["Nuklearmedizin", "Kornbach"]),
])
def test_a_practice_named_for_its_specialties_and_place_goes_whole(text, leaks):
    out = RULES(text)
    assert not [w for w in leaks if w in out], out


@pytest.mark.parametrize("text,kept", [
    ("Klinikum Obertal – Institut für Radiologie\nBefund: unauffällig.", "Institut für Radiologie"),
    ("Department of Radiology, Dr. Mara Quist\nFindings: normal.", "Department of Radiology"),
    ("RADIOLOGY DEPARTMENT\nName: Mr. Oduya Banerjee\nRöntgen linker Daumen in 2 Ebenen\nBefund: regelrecht.",
     "Röntgen"),
])
def test_a_department_alone_stays(text, kept):
    out = RULES(text)
    assert kept in out, out


@pytest.mark.parametrize("text,age", [
    ("Pt: Calloway, Bryn   MRN 55120034\nDOB 04/11/1946 F 79 GP: Dr Ostrander\nFindings: no fracture.", "79"),
    ("Name: Nowicki, Dorota\nDOB 12.12.1958 M 67  Station 4\nFindings: normal.", "67"),
    ("Anamnese: Mit 9 Jahren Sturz von der Schaukel, seither keine Beschwerden.", "9 Jahren"),
    ("Name: Tove Lindahl   Age at exam: 58   Exam: XR elbow\nFindings: normal.", "58"),
])
def test_ages_after_a_sex_letter_or_in_phrases_go(text, age):
    out = RULES(text)
    assert age not in out, out


def test_a_sex_letter_and_a_number_in_prose_stay():
    text = "Findings: fragment of 4 mm, distance m 3 to the joint; step-off 2 mm.\n"
    assert RULES(text) == text


@pytest.mark.parametrize("text,leaks", [
    ("History: fall on ice, GP referral (Dr Oyelaran, High St Surgery, Dunmore). Pain at the thumb base.",
     ["High St"]),
    ("Orthopädie am Ring, Dr. med. Rupert Haag\nBefund: Daumen ohne Fraktur.", ["Orthopädie am Ring"]),
])
def test_practices_named_for_a_street_or_a_place_go(text, leaks):
    out = RULES(text)
    assert not [w for w in leaks if w in out], out


def test_a_locative_in_clinical_text_stays():
    text = "Befund: Fraktur am Daumengrundglied, Röntgen am Folgetag empfohlen.\n"
    assert RULES(text) == text
