"""Issue 11, session 32: an acronym no list knows, in a line written in mixed case, goes; so does a landform's name
after a German locative ('am Wolfsfelsen', 'in der Tropfenhöhle').

Employers, clubs, hospitals, rescue services and insurers are named by acronyms that no gazetteer holds, and every
unseen author brings new ones; clinical and administrative acronyms are fewer and listed (client/data/acronyms.txt,
the safe words, which hold every word of the labeler's templates and lexicons, and the dictionary). Every example is
our own (none taken from an evaluation corpus); on the rules before this change (e4c9995) every removal fails, the
guards pass."""

from __future__ import annotations

import re

import pytest
from fedrad.client.anon_engine import Anonymizer
from fedrad.client.anon_lexicon import _template_words

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules

RULES = Anonymizer(token_model=False)


@pytest.mark.parametrize("text,leaks,kept", [
    ("Hx: retrieved by QWRS from the mine camp, fell from a ladder.", ["QWRS"], ["fell from a ladder"]),
    ("Klinik: Arbeitsunfall bei der ZMVB, Sturz auf die re. Schulter.", ["ZMVB"], ["Sturz auf die re. Schulter"]),
    ("Hx: seen first at the KPRH minor injuries unit, splinted.", ["KPRH"], ["minor injuries unit"]),
    ("Clinical: tackled at training with the BTYRC under-16s, pain R shoulder.", ["BTYRC"], ["pain R shoulder"]),
    # guards: listed clinical and administrative acronyms, the labeler's words, roman numerals, masks, compounds,
    # a field's label, and credentials
    ("Hx: known COPD and HTN, ORIF 2019, TFCC tear; PICC tip in the SVC.", [],
     ["COPD", "HTN", "ORIF", "TFCC", "PICC", "SVC"]),
    ("Befund: suprakondyläre Fraktur Gartland III, Versorgung mit K-Draht, AP/LAT unauffällig.", [],
     ["Gartland III", "AP/LAT"]),
    ("Findings: the XXXX is normal. Known CPPD, no FOOSH.", [], ["XXXX", "CPPD", "FOOSH"]),
    ("Patient ref QZN: 4471 2291 seen in clinic.", [], ["QZN"]),
    ("Reported by the consultant, FRCR FRANZCR, on the ward.", [], ["FRCR", "FRANZCR"]),
])
def test_a_session32_unknown_acronym_goes(text, leaks, kept):
    check_rules(text, leaks, kept)


def test_an_acronym_in_a_line_of_capitals_is_left_to_the_other_rules():
    """In a line without lower case every word is in capitals: an unknown short word there says nothing by case."""
    text = "HX: FELL FROM QWRS LADDER, PAIN R SHOULDER.\nFindings: no fracture."
    assert not [sp for sp in RULES.find(text) if sp.rule == "acronym-unknown"]
    assert [sp for sp in RULES.find("Hx: fell from the QWRS ladder.") if sp.rule == "acronym-unknown"]


def test_no_word_the_labeler_reads_is_taken_for_an_unknown_acronym():
    """The labeler reads the anonymized text: a finding written as an acronym ('CPPD', 'ORIF') must survive."""
    words = sorted(w for w in _template_words() if re.fullmatch(r"[a-zäöü]{3,6}", w))
    assert len(words) > 100
    text = "\n".join(f"Findings: {w.upper()} seen on the film." for w in words)
    hits = [text[sp.start:sp.end] for sp in RULES.find(text) if sp.rule == "acronym-unknown"]
    assert hits == []


@pytest.mark.parametrize("text,leaks,kept", [
    ("Anamnese: Sturz beim Bouldern am Wolfsfelsen, Schmerz Daumen re.", ["Wolfsfelsen"], ["Schmerz Daumen re."]),
    ("Anamnese: Wanderunfall in der Tropfenhöhle bei Ebingen.", ["Tropfenhöhle"], ["Wanderunfall in der"]),
    # guards: a part of a bone, a listed noun, a compound of a longer listed noun
    ("Befund: kleiner Osteophyt an der Akromionspitze links.", [], ["Akromionspitze"]),
    ("Anamnese: Sturz auf der Skipiste, am Übungshang.", [], ["Skipiste", "Übungshang"]),
])
def test_a_session32_landform_name_goes(text, leaks, kept):
    check_rules(text, leaks, kept)


def test_in_an_english_report_a_word_german_also_has_joins_the_name_beside_it():
    """'Eastern Zone', 'Gig Club': the German-noun guard of the adjacent-word rule ('Kreuz [Eckbahn]' may join, 'der
    Patientin' may not) is for German text; in an English report 'Zone' is the name's generic half."""
    text = ("PRAIRIE HEALTH AUTHORITY - Eastern Zone | Diagnostic Imaging\nClinical: fell from the ladder at the farm "
            "and hurt the left shoulder.\nFindings: no fracture of the clavicle.")
    check_rules(text, ["Eastern", "Zone"], ["Diagnostic Imaging", "fell from the ladder"])
    assert RULES._adjacent_ok("Zone", english=True) and not RULES._adjacent_ok("Zone", english=False)
    assert not RULES._adjacent_ok("the", english=True)


@pytest.mark.parametrize("text,leaks,kept", [
    ("Hx: bus driver out of the Kelsey Moor depot, thumb caught in the cab door. Pain at the base of the thumb.\n"
     "Findings: no fracture.", ["Kelsey Moor", "depot"], ["thumb caught in the cab door"]),
    ("Hx: capsized dinghy on Marnitz lake and fell onto the outstretched hand.\nFindings: no fracture of the elbow.",
     ["Marnitz", "lake"], ["fell onto the outstretched hand"]),
    # guard: a lower-case word after a name that is no place's head (the verb after a patient's name)
    ("Hx: Mr Oakridge fell from the ladder at home, pain in the right shoulder.\nFindings: no fracture.", ["Oakridge"],
     ["fell from the ladder"]),
])
def test_a_place_s_generic_head_in_lower_case_joins_it_in_english(text, leaks, kept):
    """'[Hengrove] depot', '[Partwitz] lake': the generic head of a place, a works or a venue, written in lower case
    after its name in an English report, is part of the name (HEAD_NOUNS)."""
    check_rules(text, leaks, kept)


def test_a_german_place_particle_between_two_removed_parts_of_a_place_goes_with_them():
    """'Kirchheim unter Teck', 'Rothenburg ob der Tauber': 'unter' and 'ob der' join the town and its hill or river
    ('am' and 'im' do not: between two removed spans they are more often a sentence's words, 34 on tune)."""
    check_rules("Überweiser: Dr. med. Anke Faller, Hauptstraße 12, 73240 Wendlingen unter Achalm\n"
                "Befund: Keine Fraktur der Klavikula.", ["Wendlingen", "unter", "Achalm"], ["Keine Fraktur"])


def test_a_bracket_that_says_it_names_the_employer_takes_even_a_short_acronym():
    """'(EMPLOYER QMKB)': in capitals no case tells an acronym from a word, but the bracket says what it names."""
    check_rules("HISTORY: FELL FROM A CONVEYOR GANTRY AT THE HARTWELL PLANT (EMPLOYER QMKB). ? FRACTURE.\n"
                "FINDINGS: NO FRACTURE.", ["QMKB"], ["FELL FROM A CONVEYOR GANTRY", "NO FRACTURE"])
