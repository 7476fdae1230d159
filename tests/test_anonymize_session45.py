"""Issue 11, session 45: shapes read from this session's tuning data (the adversarial tuning round zc, zd; the usual-
brief round zi): a view named by the joint it shows after its author ('Sattelgelenk nach <Author>': an eponym, kept),
a health district by its letters ('<Name> DHB', '<Name> LHD', '<Name> HHS'), a name written in camel case whose
second capital a rule took for the name's start ('Mid<Name> DHB'), a town its country follows in brackets ('vor
<Town> (Neuseeland)'), and a short line with a cue that is one sentence ('The patient was hurt on a farm ... last
week.': prose, whose ordinary words stay, not a header field). Every example is our own (none taken from an
evaluation corpus); on the rules before each change (d5aa45d; 737045b for the town, d60c750 for the sentence) every
removal and the kept eponym fail and the guards pass; the letters alone after a name in passing ('films from <Name>
LHD') those rules removed already."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    ("Daumen re. in 2 Ebenen, Sattelgelenk nach Robert – Untersuchung vom 03.11.2025\n\nBefund: Keine Fraktur.", [],
     ["Sattelgelenk nach Robert"]),
    ("Conclusion: Undisplaced fracture.\n\nT. Lindqvist\nRadiology, Whakatipu DHB", ["Whakatipu"],
     ["Conclusion: Undisplaced fracture.", "Radiology,"]),
    ("Conclusion: No fracture.\n\nT. Lindqvist\nRadiology, SouthCentral DHB", ["SouthCentral", "Central"],
     ["Radiology,"]),
    # a word its country follows in brackets or after a comma is a place; a language in brackets names none
    ("Pat. gibt an, sich am 28.12. auf einer Bootstour vor Whakatāne (Neuseeland) beim Festhalten den Daumen "
     "überstreckt zu haben.", ["Whakatāne"], ["auf einer Bootstour vor", "beim Festhalten den Daumen"]),
    ("Anamnese über Telefondolmetscher (Arabisch). Fragestellung: Fraktur?", [],
     ["Anamnese über Telefondolmetscher (Arabisch)"]),
    # a short line that is one sentence is prose, not a header field: its ordinary words stay, a name still goes
    ("Findings: No fracture.\nThe patient was hurt on a farm near Wirrabilla last week.", ["Wirrabilla"],
     ["The patient was hurt on a farm near", "last week."]),
    ("Befund: Keine Fraktur.\nDie Mutter, Frau Okafor-Lindahl, war bei der Untersuchung anwesend und hat übersetzt.",
     ["Okafor-Lindahl"], ["war bei der Untersuchung anwesend und hat übersetzt."]),
    # guards: the words the clinical text shares with them stay
    ("Findings: Fracture of the radial head, Mason I. The capitellum is intact.", [],
     ["Fracture of the radial head, Mason I", "The capitellum is intact."]),
])
def test_session45_shape_goes(text, leaks, kept):
    check_rules(text, leaks, kept)
