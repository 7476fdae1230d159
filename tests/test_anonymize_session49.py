"""Issue 11, session 49: shapes read from this session's tuning data (session 48's held-out sets kb-xqb and xqc, xqd,
read after their unread scoring): a listed town typed in lower case after 'von' or 'vom' in a German line typed in
normal case ('oberhalb von <town>'), a lower-case town ending its sentence before a question mark ('in <town>.
?scaphoid'); and what recall-first removal took that names no one: a reflex named after someone ('Moro-Reflex'), a
listed view after the joint it shows on an all-caps exam line ('BILAT AC ZANCA'), a German injury or birth compound
before a date ('Fahrradsturz am 03.04.', 'Spontangeburt am 02.01.'), a noun after its article and adjective ('des
linken Armes'), a relative named by kin who does something in a German sentence ('Mutter bemerkt Schonhaltung ...');
from the first tuning rounds: a day by its ordinal after its weekday ('Sat 14th'), an initial between a lower-case
title and a surname ('mr d. mcallister'), a place no list holds after 'unterhalb', a history section under
two headings ('Klinische Angaben / Fragestellung:').
Every example is our own (none taken from an evaluation corpus); on the rules before the change (e5bf7dd) every case
fails."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    # a listed town typed in lower case after 'von' in a line typed in normal case
    ("Klinische Angaben: Gestern beim Wandern im Weinberg oberhalb von kestert gestolpert, Sturz auf die li. "
     "Schulter.\nBefund: Keine Fraktur.", ["kestert"], ["beim Wandern im Weinberg oberhalb von", "gestolpert"]),
    # a lower-case town ending its sentence before a question ('?scaphoid'), not an abbreviation's full stop
    ("History: FOOSH at netball training in merimbula. ?scaphoid ?thumb\nFindings: No fracture.", ["merimbula"],
     ["FOOSH at netball training in", "?scaphoid ?thumb"]),
    # the day by its ordinal after its weekday; a bare ordinal stays a ray
    ("History: tackled at the under 16s game on Sat 14th, fell onto the point of the shoulder.\nFindings: No "
     "clavicle fracture. Old healed 5th rib fracture.", ["Sat 14th"],
     ["fell onto the point of the shoulder", "Old healed 5th rib fracture."]),
    # an initial between a lower-case title and a surname the word lists hold
    ("Impression: Bony gamekeeper's thumb. Refer to hand clinic (mr d. mcallister) for fixation.", ["d. mcallister"],
     ["Refer to hand clinic (mr", "for fixation"]),
    # a German place no list holds after 'unterhalb' in a line typed in normal case
    ("Anamnese: Sturz mit dem Rad auf dem Waldweg unterhalb hohenreuth, Anprall re. Schulter.\nBefund: Keine "
     "Fraktur.", ["hohenreuth"], ["auf dem Waldweg unterhalb", "Anprall re. Schulter"]),
    # a history section under two headings joined by a slash is still the history
    ("Klinische Angaben / Fragestellung:\nSturz mit dem Rennrad auf dem Feldweg zwischen Oberwasenhausen und "
     "Leiselbachweiler, Anprall li. Schulter.\nBefund: Keine Fraktur.", ["Oberwasenhausen", "Leiselbachweiler"],
     ["Sturz mit dem Rennrad auf dem Feldweg zwischen", "Anprall li. Schulter"]),
])
def test_a_session49_shape_goes(text: str, leaks: list[str], kept: list[str]) -> None:
    check_rules(text, leaks, kept)


@pytest.mark.parametrize("text,kept", [
    # a reflex named after someone, in a clause after a kin word
    ("Klinische Angaben: Neugeborenes, Geburt aus Beckenendlage. Mutter bemerkt Schonhaltung des linken Armes, "
     "Moro-Reflex links abgeschwächt.\nBefund: Fraktur der li. Klavikula im mittleren Drittel.",
     ["Mutter bemerkt Schonhaltung des linken Armes, Moro-Reflex links abgeschwächt."]),
    # a listed view after the joint it shows, on an all-caps exam line in a pipe header
    ("ACC 8812 | XR L CLAVICLE + BILAT AC ZANCA | 04/03/2026\nFINDINGS: The AC joint is widened. No fracture.",
     ["BILAT AC ZANCA"]),
    # an injury or a birth compound before a date is the history's, not a place's
    ("Klinische Angaben: Fahrradsturz am 03.04., seither Schmerzen li. Daumen. Fragestellung: Fraktur?\n"
     "Befund: Keine Fraktur.", ["Fahrradsturz am"]),
    ("Anamnese: Spontangeburt am 02.01., Schulterdystokie.\nBefund: Klavikulafraktur re. mit Kallus.",
     ["Spontangeburt am"]),
])
def test_a_session49_clinical_word_stays(text: str, kept: list[str]) -> None:
    check_rules(text, [], kept)
