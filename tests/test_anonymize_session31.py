"""Issue 11, session 31. Identifiers: a boat's name in quotes after a word for a boat, whatever its case ('creel
boat "morning star"'); a German street by a compound whose tail also ends ordinary nouns ('-weg', '-platz'), after
the contracted locative a street takes ('am Lerchenweg'), unless the compound is a listed noun ('am Arbeitsplatz');
a street in a report in capitals by STREET after a locative ('ON MARKET STREET'), not a street's state ('ON ICY
STREET'); a town alone after the comma that closes an English history sentence though a word list holds it ('at
the boatyard, Wells').

Every example is our own (none taken from an evaluation corpus). On the code before this change (2186dcd) every
case fails but the guards."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    # a boat's name in quotes, lower case or not, with its registration
    ('Hx: deckhand on the fishing boat "silver lining" (BF 212), crush injury L thumb.', ["silver lining", "BF 212"],
     ["crush injury"]),
    ('Anamnese: Decksmann auf dem Boot "blauer peter", Daumen eingeklemmt.', ["blauer peter"], ["Daumen eingeklemmt"]),
    # a German street compound after 'am'/'im'/'vom'/'zum'
    ("Anamnese: Sturz am Lindenring beim Ausparken, Schmerzen Schulter rechts.", ["Lindenring"], ["beim Ausparken"]),
    ("Anamnese: auf Glatteis vom Mühlendamm abgerutscht.", ["Mühlendamm"], ["auf Glatteis"]),
    # a town alone after the comma closing an English history sentence, though a list holds it as a word
    ("Hx: crushed thumb at the boatyard, Wells. Pain L thumb.", ["Wells"], ["crushed thumb at the boatyard"]),
    # a street in capitals
    ("CLIN: FELL FROM BIKE ON MARKET STREET, ?# CLAVICLE.", ["MARKET STREET"], ["FELL FROM BIKE"]),
    # guards: listed nouns, another preposition, a street with an article or its state
    ("Anamnese: Sturz auf dem Heimweg, am Arbeitsplatz ausgerutscht.", [], ["Heimweg", "am Arbeitsplatz"]),
    ("Anamnese: Radsturz auf dem Arbeitsweg.", [], ["Arbeitsweg"]),
    ("HX: SLIPPED ON ICY STREET. FELL IN THE STREET.", [], ["ICY STREET", "THE STREET"]),
    ("Hx: hit by a cricket ball at the nets, Tuesday.", [], ["Tuesday"]),
])
def test_a_session31_shape_goes(text, leaks, kept):
    check_rules(text, leaks, kept)
