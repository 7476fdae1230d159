"""Issue 11, session 41: a shape read from this session's tuning data (session 40's sealed sets tm-tx, ts, tt after
their scoring at the session's start; the tuning round vd-vg), a class with a closed trigger: a farm, a hill, a lake,
a venue or a feast named in one word after a German place preposition ('vom Mühlbachhof', 'im Sonnenkeller',
'beim Herbstfest'), when no list knows the word ('im Schlosspark', 'auf dem Bauernhof' stay); a compound typed in
lower case only on a line typed so. Every example is our own (none taken from an evaluation corpus); on the rules
before the change (0122156) every removal fails and the guards pass."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    # a farm, a cellar, a feast, a stage after a place preposition
    ("Anamnese: Landwirt vom Mühlbachhof, Sturz vom Heuboden.\n\nBefund: Keine Fraktur.", ["Mühlbachhof"],
     ["Landwirt vom", "Sturz vom Heuboden"]),
    ("Anamnese: Sturz beim Kellerabend im Sonnenkeller auf den Arm.\n\nBefund: Keine Fraktur.", ["Sonnenkeller"],
     ["Sturz beim Kellerabend im", "auf den Arm"]),
    ("Anamnese: Auf dem Heimweg vom Lindwurmfest mit dem Rad gestürzt.\n\nBefund: Keine Fraktur.", ["Lindwurmfest"],
     ["Auf dem Heimweg vom", "mit dem Rad gestürzt"]),
    ("Anamnese: Bühnenarbeiter, Sturz an der Uferbühne vom Gerüst.\n\nBefund: Keine Fraktur.", ["Uferbühne"],
     ["Sturz an der", "vom Gerüst"]),
    # in a line typed in lower case
    ("anamnese: reitlehrerin, sturz vom pferd am gruberhof.\nbefund: keine fraktur.", ["gruberhof"],
     ["sturz vom pferd am"]),
    # guards: words the lists know stay; a lower-case compound in a capitalised line is not read
    ("Anamnese: Sturz im Schlosspark beim Joggen, vorher auf dem Bauernhof.\n\nBefund: Keine Fraktur.", [],
     ["im Schlosspark beim Joggen", "auf dem Bauernhof"]),
    ("Anamnese: Sturz am Bahnhof und im Stadtpark.\n\nBefund: Keine Fraktur.", [], ["am Bahnhof und im Stadtpark"]),
    ("Befund: Kein Erguss im Recessus sacciformis.", [], ["Kein Erguss im Recessus sacciformis"]),
])
def test_session41_shape_goes(text: str, leaks: list[str], kept: list[str]) -> None:
    check_rules(text, leaks, kept)
