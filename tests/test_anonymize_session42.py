"""Issue 11, session 42: two shapes read from this session's tuning data (session 41's sealed sets uj-us, ut, uu
after their scoring at the session's start; the tuning round wj-wm): a country or a state written after a removed
place ('[Christchurch], Neuseeland', '([Montana], USA)', '[LaGrange], Georgia/USA'), when data/regions.txt holds it;
a street in a report typed in capitals named by its abbreviation ('ON MAIN ST ONTO', 'AT ELM AVE'), ST only where no
saint's name can follow; and, from the adversarial tuning round wp-ws, a name typed in lower case inside a line
typed in normal case ('near ambleside', 'on larkspur rd', 'in oberwölzing', 'am gruberweiher'). Every example is our
own (none taken from an evaluation corpus); on the rules before the
change (4fa549e; 57aede4 for the lower-case names) every removal but one fails (an avenue after AT was found before)
and the guards pass."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    # a country or a state after a removed place
    ("Klinische Angaben: Z.n. Sturz im Urlaub in Wanaka, Neuseeland, am Vortag.\n\nBefund: Keine Fraktur.",
     ["Wanaka", "Neuseeland"], ["Z.n. Sturz im Urlaub in", "am Vortag"]),
    ("Klinische Angaben: Erntehelfer auf einer Farm bei Lewistown (Montana, USA), Sturz vom Traktor.\n\n"
     "Befund: Keine Fraktur.", ["Lewistown", "Montana", "USA"], ["Erntehelfer auf einer Farm bei", "Sturz vom"]),
    ("Klinische Angaben: Skiunfall in Telluride, Colorado (USA) beim Abfahrtslauf.\n\nBefund: Keine Fraktur.",
     ["Telluride", "Colorado", "USA"], ["Skiunfall in", "beim Abfahrtslauf"]),
    # a street in capitals by its abbreviation
    ("HISTORY: FELL ON THE STEPS OF A BAKERY ON MAIN ST ONTO OUTSTRETCHED HAND.\n\nFINDINGS: NO FRACTURE.",
     ["MAIN ST"], ["FELL ON THE STEPS OF A BAKERY ON", "ONTO OUTSTRETCHED HAND"]),
    ("HISTORY: CYCLIST HIT BY CAR AT PARK AVE, LEFT ELBOW PAIN.\n\nFINDINGS: NO FRACTURE.",
     ["PARK AVE"], ["CYCLIST HIT BY CAR AT", "LEFT ELBOW PAIN"]),
    # guards: a region after an ordinary word stays; 'ST' before a saint's name is not a street here
    ("Klinische Angaben: Sturz auf die Schulter, Fraktur (Kanada)?\n\nBefund: Keine Fraktur.", [],
     ["Sturz auf die Schulter, Fraktur"]),
    ("HISTORY: SLIPPED ON ICE ST. MARY'S STEPS.\n\nFINDINGS: NO FRACTURE.", [], ["SLIPPED ON ICE"]),
    ("HISTORY: FELL ON WET ST.\n\nFINDINGS: NO FRACTURE.", [], ["FELL ON WET ST"]),
])
def test_session42_shape_goes(text: str, leaks: list[str], kept: list[str]) -> None:
    check_rules(text, leaks, kept)


@pytest.mark.parametrize("text,leaks,kept", [
    # a name typed in lower case inside a line typed in normal case: a listed town after a place preposition, a
    # street by its kind, a German word no list holds after 'in' or after an article
    ("Clinical details: Came off his bike near ambleside, landed on the R shoulder.\n\nFindings: No fracture.",
     ["ambleside"], ["Came off his bike near", "landed on the R shoulder"]),
    ("History: Tripped on the kerb on larkspur rd this morning.\n\nFindings: No fracture.", ["larkspur"],
     ["Tripped on the kerb on", "this morning"]),
    ("Anamnese: Beim Holzhacken daheim in oberwölzing gestürzt.\n\nBefund: Keine Fraktur.", ["oberwölzing"],
     ["Beim Holzhacken daheim in", "gestürzt"]),
    ("Anamnese: Sturz vom Fahrrad am gruberweiher, seither Schmerzen.\n\nBefund: Keine Fraktur.", ["gruberweiher"],
     ["Sturz vom Fahrrad am", "seither Schmerzen"]),
    # guards: German adjectives before their noun or in a list, a verb used as a noun, an English word no list holds
    ("Befund: Platte in unveränderter, regelrechter Lage. Fraktur bei erhaltener dorsaler Kortikalis.", [],
     ["in unveränderter, regelrechter Lage", "bei erhaltener dorsaler Kortikalis"]),
    ("Anamnese: Daumen beim abladen eingeklemmt.\n\nBefund: Keine Fraktur.", [], ["beim abladen eingeklemmt"]),
    ("History: Fell off a stepladder in thongs.\n\nFindings: No fracture.", [], ["Fell off a stepladder in thongs"]),
])
def test_session42_lower_names_in_cased_lines(text: str, leaks: list[str], kept: list[str]) -> None:
    check_rules(text, leaks, kept)
