"""Issue 11, session 33: shapes a tuning round by eight new authors (mh-mo, read) showed leaking, each a class with
a closed trigger: a name opening a bracket before the generic half already removed ('(Porthgwarra [Gig Club]'), a
phone number's extension, the German 'MS' of a ship, a street whose generic word stands alone after an adjective
('Alter Markt 12'), English generic heads of brigades, rodeos, groves and terminals, a company's legal form as a
report in capitals writes it ('... BINNENSCHIFFFAHRT GMBH'), and a listed place in a report typed in lower case
in brackets, after 'von' or after a comma before more words ('(donzdorf)'). Every example is our own (none taken
from an evaluation corpus); on the rules before this change (8a04e90) every removal fails, the guards pass."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    # a word no list knows opening a bracket joins the removed name after it
    ("Clinical: rower (Trevossick Gig Club, ladies crew) - fell on the slipway.", ["Trevossick"], ["ladies crew"]),
    ("Hx: seasonal picker (Carrowmena Soft Fruit), fell from a ladder.", ["Carrowmena"], ["fell from a ladder"]),
    # an extension written after the number
    ("Clinical: seen after the fall. Questions: call radiology (505) 555-0142 ext 7 any time.", ["ext 7"],
     ["any time"]),
    ("Anamnese: Sturz beim Wandern. Rückruf erbeten unter 0221 555-310 App. 214 bis 16 Uhr.", ["App. 214"],
     ["bis 16 Uhr"]),
    # the German 'MS' of a river or cruise ship, in capitals too; not a surgeon's degree, not the disease
    ("HX: CREW ON RIVER CRUISE VESSEL MS WELLENREITERIN, SLIPPED ON THE GANGWAY.", ["WELLENREITERIN"],
     ["SLIPPED ON THE GANGWAY"]),
    ("Ref: Dr. P. Ramaswamy, MS Ortho. Known MS, fell at home.", [], ["MS Ortho", "Known MS"]),
    # a street whose generic word stands alone after an adjective
    ("Anamnese: Sturz im Hof, Alter Markt 14, gestern abend.", ["Alter", "Markt"], ["gestern abend"]),
    ("Anamnese: Sturz auf dem Gehweg vor Neuer Kai 7, gestern abend.", ["Neuer", " 7,"], ["gestern abend"]),
    # an English generic head after a removed place or name
    ("Hx: CFA volunteer with the Tarrengower brigade, fell from the tanker step.", ["Tarrengower", "brigade"],
     ["tanker step"]),
    ("Hx: bareback at the Kayenta rodeo, landed on the elbow.", ["rodeo"], ["landed on the elbow"]),
    # a company's legal form in capitals; the name ends at a safe word
    ("HISTORY: DECKHAND (OBERWINTER BINNENSCHIFFFAHRT GMBH), FELL 2 M INTO THE HOLD.",
     ["OBERWINTER", "BINNENSCHIFFFAHRT"], ["FELL 2 M INTO THE HOLD"]),
    ("HISTORY: WORKS FOR HALVERSTEIN LOGISTIK GMBH & CO. KG, FELL FROM A RAMP.", ["HALVERSTEIN"],
     ["WORKS FOR", "FELL FROM A RAMP"]),
    # a listed place in a report typed in lower case: in brackets, after 'von', or after a comma before more words
    ("anamnese: sturz vom fahrrad im hof (ebersbach). v.a. fraktur, schmerzen am daumen.", ["ebersbach"],
     ["schmerzen am daumen"]),
    ("anamnese: beim holzmachen oberhalb von reutte gestürzt, schmerzen re. schulter.", ["reutte"], ["gestürzt"]),
    ("hx: slipped on wet deck at the marina, bridport harbour, pain l thumb no deformity.", ["bridport"],
     ["pain l thumb"]),
    # guards: ordinary words there
    ("hx: fell (twice) at home, pain in the elbow, swelling noted, ?fracture.", [], ["(twice)", "swelling noted"]),
    ("anamnese: schmerzen von distal nach proximal (links), keine fraktur.", [], ["von distal", "(links)"]),
])
def test_a_session33_shape_goes(text, leaks, kept):
    check_rules(text, leaks, kept)
