"""Issue 11, session 40: shapes read from this session's tuning data (session 39's sealed sets su-th and ti, tj after
their scoring at the session's start; the tuning sets ty, tz, ua), each a class with a closed trigger: in an English
report an ordinary word capitalised inside a sentence after a place preposition, 'the', 'on' or 'off' names a venue, a
firm or a place ('fixture at the Oval', 'surfing at Pipeline'), not a language, a nationality, a weekday or a month; a
name that carries its article capitalised inside a sentence ('behind the bar at The Gate'), not dictation ('full stop
The AC joint'); after a German preposition a word made of an English word and a word that is no German noun is a place
('nahe Fernbrook'), not a German compound; a name's second particle in a lower-case report ('pat. marta van der
linden'); a surname that is also a word in capitals before its given name ('Patient: HAND, GORDON', 'KNOCHEN,
Hildegard w, 71 J.'); a staff role's field closing its line with one word or initials ('Radiographer: baker',
'Radiographer T.W.'), not an ordinary word ('Radiographer: present'); the employer after a German job clause ('als
Dachdecker bei Wellgraf'). Every example is our own (none taken from an evaluation corpus); on the rules before the
change (e19a4d6) every removal fails and the guards pass."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    # an ordinary word as a venue after 'at the'; a language and a weekday stay
    ("History: slipped on the wet steps at the Crucible after a show. Interview in English via interpreter on "
     "Saturday.\n\nFindings: no fracture.", ["Crucible"], ["in English via interpreter on Saturday"]),
    # a name that carries its article; dictation's capital after 'full stop' stays
    ("History: works behind the bar at The Bell on the quay.\n\nFindings: no fracture. Approximately 12 mm of "
     "overlap full stop The AC joint is normal.", ["Bell"], ["full stop The AC joint is normal"]),
    # a place of two English words after a German preposition
    ("Anamnese: Sturz beim Wandern nahe Fernbrook am Montag.\n\nBefund: Keine Fraktur.", ["Fernbrook"],
     ["Sturz beim Wandern nahe", "am Montag"]),
    ("Anamnese: Sturz beim Ausritt bei Oakhollow, Schmerzen li. Daumen.\n\nBefund: Keine Fraktur.", ["Oakhollow"],
     ["Sturz beim Ausritt bei", "Schmerzen"]),
    # a name's second particle in a lower-case report
    ("befund daumen re. pat. marta van der linden, 61 j., sturz beim radfahren.", ["linden"],
     ["sturz beim radfahren"]),
    # a surname that is also a word, in capitals before its given name in capitals after the cue, or opening a header
    ("Patient: HAND, GORDON T    DOB: 02/03/1960\n\nFindings: no fracture.", ["HAND"], ["Findings: no fracture"]),
    ("Unfallchirurgie – Röntgenbefund\nKNOCHEN, Hildegard w, 71 J.\nBefund: Keine Fraktur.", ["KNOCHEN"],
     ["Befund: Keine Fraktur"]),
    # a staff role's field closing its line with one word or initials; an ordinary word there stays
    ("Findings: no fracture.\nRadiographer: baker", ["baker"], ["Radiographer:"]),
    ("Findings: no fracture.\nRadiographer T.W.", ["T.W."], ["Radiographer"]),
    ("Findings: no fracture.\nRadiographer: present", [], ["Radiographer: present"]),
    # the employer after a German job clause
    ("Anamnese: Arbeitet als Dachdecker bei Wellgraf, Sturz vom Gerüst.\n\nBefund: Keine Fraktur.", ["Wellgraf"],
     ["Arbeitet als Dachdecker bei", "Sturz vom Gerüst"]),
    # the report's last line of initials alone (a typist's after a slash, a date after them); 'NAD.' stays
    ("Findings: no fracture.\nImpression: normal elbow.\nJRT / KW", ["JRT"], ["normal elbow"]),
    ("Findings: no fracture.\n-- mkd / 03-APR-2026", ["mkd"], ["no fracture"]),
    ("Findings: no fracture.\nNAD.", [], ["NAD."]),
    # a place named for a person in one word; a compound of two nouns stays
    ("Anamnese: Sturz beim Joggen in der Ottoaue auf den Arm.\n\nBefund: Keine Fraktur.", ["Ottoaue"],
     ["Sturz beim Joggen in der", "auf den Arm"]),
    ("Anamnese: Sturz im Schlosspark beim Joggen.\n\nBefund: Keine Fraktur.", [], ["im Schlosspark beim Joggen"]),
    # a listed town anywhere in a line typed in lower case; an ordinary word there stays
    ("hx: member of tc blau-weiss gelsenkirchen, fell on court yesterday.\nfindings: no fracture.", ["gelsenkirchen"],
     ["fell on court yesterday"]),
    ("hx: fell from a ladder hanging lights at the fair (regensburg) about 2 m.\nfindings: no fracture.",
     ["regensburg"], ["hanging lights at the fair ("]),
    ("hx: shoulder pain after felling trees, hire of a chainsaw.\nfindings: no fracture.", [],
     ["felling trees, hire of a chainsaw"]),
    # guards: a nationality before its noun; an eponym's view
    ("History: skier of the Austrian team, fell on the run.\n\nFindings: no fracture.", [], ["the Austrian team"]),
    ("Findings: dedicated Robert view and lateral view, no fracture.", [], ["dedicated Robert view"]),
])
def test_session40_shape_goes(text: str, leaks: list[str], kept: list[str]) -> None:
    check_rules(text, leaks, kept)
