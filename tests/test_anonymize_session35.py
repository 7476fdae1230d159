"""Issue 11, session 35: shapes a tuning round by eight new authors (ou-pb, read) showed leaking, each a class with
a closed trigger: more German club prefixes ('HSG', 'MTV', 'ESV'), a firm of brothers ('Gebr. Fuchs'), the gender
forms of a practice's partners ('& Kolleg:innen'), a German street named by an adjective without a number ('Lange
Gasse'), and in a report typed in lower case: a town's 'high st' or a street after common words ('off lye cross high
st'), a venue or trade business by the German head that opens its name ('gasthof ederschwaiger'), a forest or lake
by a place's adjective ('im tharandter wald'), a ship after its kind ('the laker algoma tern'); then, in tune, a
German society by its head ('schützenkompanie gnadenwald'), a trauma hospital by its abbreviation ('ukh klagenfurt')
and a home by its kind after its name ('fernbrook care home'); then a second round (pc-pj, scored unread first) a
number broken across a line after its hyphen, and in lower case a park after its name and a hyphenated German street;
then a third round (pk-pr, scored unread first) a case number in digit groups, dictation initials with an umlaut, the
word for an employer without a colon, a British place by its ending ('-dale', '-thwaite'), and in lower case a practice
after its town ('sedbergh surgery') and a town after 'above'; then a fourth round (ps-pz, scored unread first) a
brewery named like an inn and a Swiss town by its canton's letters. Every example is our own (none taken from an
evaluation corpus); on the rules before each change (4ab9642, 2ac4bd7, 0dee4d6, 1b2be35, 0a82c65) every removal
fails, the guards pass."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    # German club prefixes
    ("Anamnese: Sturz beim Punktspiel der HSG Wendlingen-Ostfildern, Schmerzen li. Schulter.", ["HSG", "Wendlingen"],
     ["Schmerzen li. Schulter"]),
    ("Anamnese: Sturz beim Training des ESV Lokomotive Hirschfelde gestern.", ["ESV", "Hirschfelde"], ["gestern"]),
    # a firm of brothers: a surname follows, even an ordinary word
    ("Anamnese: Arbeitet bei Gebr. Fuchs in Ulm, gestern gestürzt.", ["Fuchs"], ["gestern gestürzt"]),
    # the gender forms of a practice's partners
    ("Zuweisung: Praxis Dr. Oltmanns & Kolleg:innen, Auricher Straße 3", ["Kolleg", "innen"], ["Zuweisung"]),
    # a German street named by an adjective, no house number; an article or a road's state stays
    ("Anamnese: Radsturz in der Lange Gasse heute morgen.", ["Lange Gasse"], ["heute morgen"]),
    ("Anamnese: Sturz auf Glatte Straße? Nein. Die Straße war trocken.", [], ["Die Straße"]),
    # lower case: a town's high street, a street after common words
    ("hx: fell outside the bakery off lye cross high st, pain r elbow.", ["lye cross high st"], ["pain r elbow"]),
    ("hx: fell on the high st, pain r elbow.", [], ["high st"]),
    # lower case: a venue or a trade business by its German head
    ("anamnese: sturz auf der treppe im gasthof ederschwaiger, schmerz daumen.", ["ederschwaiger"],
     ["schmerz daumen"]),
    # lower case: a forest or a lake by a place's adjective; an ordinary adjective stays
    ("anamnese: mtb-sturz im tharandter wald, schmerzen li. schulter.", ["tharandter"], ["schmerzen"]),
    ("anamnese: sturz im dunkler wald beim joggen.", [], ["dunkler wald"]),
    # lower case: a German society or brigade by its head, a trauma hospital by its abbreviation, a named home
    ("anamnese: sturz beim ausrücken der schützenkompanie gnadenwald, schmerz re. ellenbogen.", ["gnadenwald"],
     ["schmerz re. ellenbogen"]),
    ("anamnese: sturz beim fest der gartenfreunde am kanal, schmerz daumen.", [], ["gartenfreunde am kanal"]),
    ("vorbefund: ukh klagenfurt vom märz, damals keine fraktur.", ["klagenfurt"], ["keine fraktur"]),
    ("hx: resident at fernbrook care home, found on the floor.", ["fernbrook"], ["found on the floor"]),
    ("hx: lives in a nursing home, found on the floor.", [], ["nursing home"]),
    # (second round pc-pj) a number broken across a line after its hyphen; in lower case a park after a name, a
    # hyphenated German street, a German street compound no list knows; a skate park and a 'landstraße' stay
    ("Patient: Hr. Vanderheyden\nNISS 51.02.17-\n318.44\nUntersuchung: Daumen links.", ["318.44"],
     ["Untersuchung: Daumen links"]),
    ("hx: fell off the swings at kilrennie park, mum says wont lift arm.", ["kilrennie"], ["wont lift arm"]),
    ("hx: fell at the skate park, pain r elbow.", [], ["skate park"]),
    ("anamnese: sturz vom gerüst in der hermann-löns-str., schmerzen re. ellenbogen.", ["hermann-löns"],
     ["schmerzen re. ellenbogen"]),
    ("anamnese: sturz auf der landstraße mit dem rad.", [], ["landstraße"]),
    # (third round pk-pr) a case number in digit groups after its cue; dictation initials with an umlaut; the word
    # for an employer without a colon; a British place by its ending; in lower case a practice after its listed
    # town and a listed town after 'above'
    ("Pat.-Nr. 5520931 Fall-Nr. 63 17 90 28 Auftraggeber: Notaufnahme", ["63 17 90 28"], ["Auftraggeber"]),
    ("Beurteilung: Keine Fraktur.\nMü/ts", ["Mü/ts"], ["Keine Fraktur"]),
    ("HISTORY: STRUCK BY A HOSE. EMPLOYER RIDGELINE PUMPING. R/O FX.", ["RIDGELINE"], ["EMPLOYER", "R/O FX"]),
    ("Anamnese: Sturz beim Wandern oberhalb von Grisedale, Schmerzen re. Schulter.", ["Grisedale"], ["Schmerzen"]),
    ("Befund: Kaudale Verschiebung des Fragments.", [], ["Kaudale"]),
    ("hx: fell off a quad bike above sedbergh. gp: sedbergh surgery.", ["sedbergh"], ["quad bike"]),
    ("hx: seen at the general hospital, pain above elbow.", [], ["general hospital", "above elbow"]),
    # (fourth round ps-pz) a brewery named like an inn; a Swiss town by its canton's letters (not a club's 'SG', not
    # the shoulder joint's)
    ("Anamnese: Braumeisterin (Brauerei zum Goldenen Ochsen), Sturz auf der Treppe.", ["Goldenen Ochsen"],
     ["Sturz auf der Treppe"]),
    ("Anamnese: Sturz beim Heuen (Hof in Wila ZH), gestern.", ["Wila", "ZH)"], ["gestern"]),
    ("Befund: Arthrose SG links. Klinisch: Schmerzen SG.", [], ["Arthrose SG", "Schmerzen SG"]),
    # a ship after its kind in lower case
    ("hx: deckhand on the laker algoma tern, slipped on the hatch cover.", ["algoma"], ["hatch cover"]),
    ("hx: took the ferry home, slipped on the ramp.", [], ["ferry home"]),
])
def test_a_session35_shape_goes(text, leaks, kept):
    check_rules(text, leaks, kept)
