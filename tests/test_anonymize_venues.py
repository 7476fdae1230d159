"""Issue 11, session 20: venues, clubs, spa towns, units and suffixes that stood beside a name and stayed.

The misses of session 19's held-out set (now tune/dx ... tune/ee) were mostly the generic half of a name ('Skilift
...', '... Ruderklub', '... III', 'Bad ...') or a place after a preposition the history rule did not know ('off').
Every example is our own (none taken from an evaluation corpus); each removal assertion fails on the rules before
this change (3100035), except the two marked as guards."""

from __future__ import annotations

import pytest
from fedrad.client.anon_engine import Anonymizer

RULES = Anonymizer(token_model=False)  # the rules alone: the learned layer must not be what passes these


@pytest.mark.parametrize("text,leaks,kept", [
    # a German spa town; the bathroom keeps its article
    ("Zuweisung: Dr. med. Ilse Vorbach, Bad König; Unfallchirurgie", ["König"], ["Unfallchirurgie"]),
    ("Anamnese: Sturz im Bad, Schmerzen re. Ellenbogen.", [], ["Bad", "Schmerzen"]),
    # a venue noun before its name
    ("Klin. Angabe: Sturz am Skilift Holzeck mit dem Stock in der Hand.", ["Holzeck"], ["Stock", "Hand"]),
    ("ANAMNESE: ARBEITSUNFALL IM WINDPARK HOHE HEIDE, STURZ AUF DIE SCHULTER.", ["HEIDE", "WINDPARK"], ["SCHULTER"]),
    # a club by its compound, or after a place adjective
    ("Anamnese: Sturz beim Umzug der Narrenzunft Wellendingen, Druckschmerz.", ["Narrenzunft"], ["Druckschmerz"]),
    ("Angaben: Ruderer (Mindener Ruderklub), Sturz auf die Schulter.", ["Mindener"], ["Schulter"]),
    ("Angaben: Sturz bei der Regatta des Fränkischen Segel-Club, Prellung.", ["Fränkischen"], ["Regatta"]),
    ("Angaben: Sturz beim Turnverein Daumen verstaucht.", [], ["Daumen"]),
])
def test_a_venue_or_club_goes_with_its_generic_word(text, leaks, kept):
    out = RULES(text)
    assert all(w not in out for w in leaks), out
    assert all(w in out for w in kept), out


def test_a_club_side_and_a_military_unit_go_whole():
    out = RULES("History: tackled in a Llanwern RFC Colts match. Serving with the 3rd Armored Cavalry Regiment.")
    assert "Colts" not in out and "Llanwern" not in out
    assert "3rd" not in out and "Regiment" not in out and "match" in out


def test_a_family_doctors_practice_goes_whole():
    out = RULES("Ref: Dr Aroha Tane, Ruawai Family Doctors\nClinical: FOOSH.")
    assert "Ruawai" not in out and "Doctors" not in out and "FOOSH" in out


def test_a_generational_suffix_goes_with_the_name():
    out = RULES("Findings: no fracture.\nElectronically signed by: Dr. Beauregard T. Ashby III, MD 02/03/2026")
    assert "III" not in out and "Ashby" not in out and "MD" in out


def test_a_german_street_with_a_preposition_and_a_number_range():
    out = RULES("Praxis Dr. Keller, Zu den Eichenhöfen 4-6, 33602 Bielefeld, Tel. 0521 998877")
    assert "Eichenhöfen" not in out and "4-6" not in out


@pytest.mark.parametrize("text,leak", [
    ("History: lobsterman, caught thumb in the winch working off Tangier Island, swollen.", "Tangier"),
    # an English report: a closed compound after 'in' is a place here, as after 'near' ('in Porthleven')
    ("Clinical: Fisherman, R thumb crushed by net drum aboard trawler in Porthleven harbour. Swollen.\n"
     "Findings: The first metacarpal base is fractured. No dislocation of the joint.", "Porthleven"),
])
def test_an_english_history_place_after_off_or_in(text, leak):
    """A guard: other rules find these short examples too; the new reading (an English report's language decides a
    compound after 'in', and 'off' is a place preposition) is what found the corpus' longer ones."""
    out = RULES(text)
    assert leak not in out, out


def test_german_nouns_after_their_article_are_no_name():
    out = RULES("Klinische Angaben: Sturz von der Leiter. Befund: Der Metakarpalschaft ist durch den Zug des "
                "M. abductor pollicis longus verschoben. Kleine schalenförmige Verkalkung am Epikondylus.")
    for w in ("Leiter", "Zug", "Kleine"):
        assert w in out, (w, out)


@pytest.mark.parametrize("text,kept", [
    ("Impression: ill-defined apical opacity (?Pancoast) - urgent CT chest.\nReported by Dr Ian Moss", "Pancoast"),
    ("Klinische Angaben: Erstversorgung im Kreisklinikum (Gilchrist-Verband), Schmerzen.", "Gilchrist"),
    ("Findings: no fracture.\nUrgent suspected cancer pathway: discussed by phone with Dr Moss on 12/03/2026.",
     "cancer"),
])
def test_eponyms_and_oncology_words_stay(text, kept):
    out = RULES(text)
    assert kept in out, out


def test_a_street_by_its_abbreviation_after_a_preposition_and_a_hospital_word_after_a_name():
    out = RULES("Clinical: cycle courier, knocked off his bike on Church St, fell onto R shoulder.")
    assert "Church" not in out and "fell onto R shoulder" in out
    out = RULES("ACC 88123 | 02/02/2026 | M | WARRUMBUNGLE GENERAL HOSP ED XR THUMB RIGHT")
    assert "HOSP" not in out and "WARRUMBUNGLE" not in out and "THUMB" in out


def test_a_club_after_sc_and_a_boat_after_its_vessel_prefix():
    out = RULES("Anamnese: Sturz auf die linke Schulter beim Hockey-Training (SC Wieblingen). SC-Gelenk unauffällig.")
    assert "Wieblingen" not in out and "SC-Gelenk" in out
    out = RULES("History: deckhand on F/V Arctic Wren, crushed thumb in the block. SC joint normal.")
    assert "Wren" not in out and "F/V" not in out and "SC joint" in out  # the boat whole, as one name
