"""Issue 11, session 43: names typed in lower case inside a line typed in normal case, read from this session's tuning
data (session 42's sealed sets after their scoring at the session's start; the adversarial tuning rounds xi, xj): a
town after a place preposition that ends its sentence ('wohnhaft in gstadtlried. Keine'), a listed town shaped like
an inflected word ('near worthing'), in English a word no list holds shaped as a town ('at hembridge'), a German
street named by a place's adjective ('in der kremser straße'), a German town after 'in' shaped as an inflected
English word or a compound ('in kreuzing', 'in fuchsenberg') or held by a word list too ('in augsburg'), a street
after a place preposition named by a common word ('on coral st') and a street corner ('corner of ellis and
dunmore'); in such a line, too, what a line typed in lower case already read by kind: a street ('on ashgrove lane'),
a town after a comma that follows a place ('lane, kilmore'), a place by its kind ('the brathay river', 'ellerby
estate', 'lake tarrawong'), a German venue, school or home by its head ('haus alpenglühn', 'volksschule oberaich'),
a club by its abbreviation ('hc oberaich'). Every example is our own (none taken from an evaluation corpus); on the
rules before the change (d903d3c) every removal fails and the guards pass."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    ("Anamnese: Sturz beim Holzhacken, wohnhaft in gstadtlried. Keine Vorerkrankungen.\n\nBefund: Keine Fraktur.",
     ["gstadtlried"], ["Sturz beim Holzhacken, wohnhaft in", "Keine Vorerkrankungen"]),
    ("Clinical details: Came off her bike near worthing, landed on the R shoulder.\n\nFindings: No fracture.",
     ["worthing"], ["Came off her bike near", "landed on the R shoulder"]),
    ("History: Fell off the trampoline at her nan's place on ashgrove lane, kilmore, arm held flexed.\n\n"
     "Findings: No fracture.", ["ashgrove", "kilmore"], ["Fell off the trampoline at her nan's place on",
                                                         "arm held flexed"]),
    ("History: Capsized kayaking on the brathay river, thumb caught in the paddle leash.\n\nFindings: No fracture.",
     ["brathay"], ["Capsized kayaking on the", "thumb caught in the paddle leash"]),
    ("History: Gamekeeper on the ellerby estate, thumb caught in a gate.\n\nFindings: No fracture.", ["ellerby"],
     ["Gamekeeper on the", "thumb caught in a gate"]),
    ("Clinical: Came off his bike on the lake tarrawong loop.\n\nFindings: No fracture.", ["tarrawong"],
     ["Came off his bike on the", "loop"]),
    ("Anamnese: Urlaubsgast, Unterkunft haus alpenglühn, Sturz auf der Piste.\n\nBefund: Keine Fraktur.",
     ["alpenglühn"], ["Urlaubsgast", "Sturz auf der Piste"]),
    ("Anamnese: In der Pause in der volksschule oberaich vom Klettergerüst gefallen.\n\nBefund: Keine Fraktur.",
     ["oberaich"], ["In der Pause in der", "vom Klettergerüst gefallen"]),
    ("Anamnese: Beim Training vom hc oberaich gegen die Bande gestürzt.\n\nBefund: Keine Fraktur.", ["oberaich"],
     ["Beim Training vom", "gegen die Bande gestürzt"]),
    ("History: Rides out for a yard at hembridge, landed on the flexed elbow.\n\nFindings: No fracture.",
     ["hembridge"], ["Rides out for a yard at", "landed on the flexed elbow"]),
    ("Anamnese: Sturz vom Gerüst einer Baustelle in der kremser straße, seither Schmerzen.\n\nBefund: Keine "
     "Fraktur.", ["kremser"], ["Sturz vom Gerüst einer Baustelle in der", "seither Schmerzen"]),
    # a German town in lower case after 'in': shaped like an inflected English word, a compound shaped as a town, a
    # town a word list holds too
    ("Anamnese: Vom Klettergerüst hinterm Schulhaus in kreuzing gefallen.\n\nBefund: Keine Fraktur.", ["kreuzing"],
     ["Vom Klettergerüst hinterm Schulhaus in", "gefallen"]),
    ("Anamnese: Am Nachmittag in fuchsenberg, Sturz vom Pferd.\n\nBefund: Keine Fraktur.", ["fuchsenberg"],
     ["Am Nachmittag in", "Sturz vom Pferd"]),
    ("Anamnese: Sturz im Hafen in augsburg auf dem Kai.\n\nBefund: Keine Fraktur.", ["augsburg"],
     ["Sturz im Hafen in", "auf dem Kai"]),
    # a street after a place preposition named by a common word, a street corner
    ("History: Sent over from the after-hours GP on coral st, wound dressed.\n\nFindings: No fracture.",
     ["coral st"], ["Sent over from the after-hours GP on", "wound dressed"]),
    ("History: Tripped on the gutter at the corner of ellis and dunmore, FOOSH.\n\nFindings: No fracture.",
     ["ellis", "dunmore"], ["Tripped on the gutter at the corner of", "FOOSH"]),
    # guards: a road named by its use, a corner of the body
    ("History: Thrown from the loader on the haul road at the mine.\n\nFindings: No fracture.", [],
     ["Thrown from the loader on the haul road at the mine"]),
    ("History: Laceration at the corner of the mouth and a swollen thumb.\n\nFindings: No fracture.", [],
     ["Laceration at the corner of the mouth and a swollen thumb"]),
    # guards: an English compound after 'at' ('at worksite'), a possessive's farm, a verb after a subject, an
    # abbreviation's full stop before a lower-case word
    ("History: Fell off a round bale at her uncle's farm.\n\nFindings: No fracture.", [],
     ["Fell off a round bale at her uncle's farm"]),
    ("History: Pipe fell onto the shoulder at worksite, thumb caught in opponent's jersey.\n\nFindings: No "
     "fracture.", [], ["Pipe fell onto the shoulder at worksite, thumb caught in opponent's jersey"]),
    ("History: The girl fell off the climbing frame at school.\n\nFindings: No fracture.", [],
     ["The girl fell off the climbing frame at school"]),
    ("Befund: Fraktur in re. Ellenbogen nicht abgrenzbar.", [], ["Fraktur in re. Ellenbogen nicht abgrenzbar"]),
])
def test_session43_lower_names_in_cased_lines(text: str, leaks: list[str], kept: list[str]) -> None:
    check_rules(text, leaks, kept)
