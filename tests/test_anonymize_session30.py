"""Issue 11, session 30. Identifiers: a relative or a person around the patient named after the word for them,
beyond parents, spouses and children ('grandson Liam', 'Enkel Jonas', 'neighbour Joy'): the class
is closed, so it was completed (grandchildren, nieces and nephews, cousins, in-laws, step-family, fiancés, friends,
neighbours, flatmates, coaches and trainers) rather than grown one corpus author at a time.

Every example is our own (none taken from an evaluation corpus). On the code before this change (5f65eb0) every
case fails but the guards ('the coach station', 'friend' before an ordinary word, 'Trainingsplan')."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    # given names that are also ordinary words, which only the word before them marks as names
    ("History: fell off the trampoline (granddaughter Grace was watching), pain R elbow.", ["Grace"],
     ["fell off the trampoline"]),
    ("Hx: hurt at a barbecue, his flatmate Hope drove him in.", ["Hope"], ["hurt at a barbecue"]),
    ("Hx: fell over the dog, neighbour Joy called the ambulance.", ["Joy"], ["fell over the dog"]),
    ("Anamnese: Sturz vom Fahrrad, Enkelin Mila begleitet, Schmerzen am Daumen.", ["Mila"], ["Sturz vom Fahrrad"]),
    # guards: a kin word before an ordinary word, a compound that starts like one
    ("Hx: fell at the coach station while running, pain L clavicle.", [], ["coach station"]),
    ("Hx: fell while playing with a friend at school.", [], ["at school"]),
    ("Empfehlung: Trainingsplan anpassen, Kontrolle in 6 Wochen.", [], ["Trainingsplan"]),
])
def test_a_session30_shape_goes(text, leaks, kept):
    check_rules(text, leaks, kept)
