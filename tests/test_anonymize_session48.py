"""Issue 11, session 48: shapes read from this session's tuning data (session 47's held-out sets ae-fk and fl, fm, read
after their unread scoring; the tuning round xqe-xqh): a clock time right after a date, written with its colon
('<date> 14:37 Uhr', '<date> 9:12 am'), a word written with a macron (in a German or English report only a te reo
Māori name or place carries one; the common te reo words stay), initials closing the report's last sentence on its
line ('NAD. PMcD'), a hospital or school named by a hyphenated compound of title-case words, a square every town has
('am Rathausplatz', 'on the marktplatz'), a town's festival by the town's adjective, a place or school named for a
saint in lower case ('at st brendans', 'in st. ulrich'), a school by its kind's abbreviation and town in lower case
('der vs <town>'), a constable's name, a relative's name typed in lower case before 'says'. Every example is our own
(none taken from an evaluation corpus); on the rules before the change (cabb79e) every removal fails but the two
marked as backstops, and the guards pass."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    # a clock time beside a date dates the study or the birth to the minute
    ("Röntgen Ellenbogen li. in 2 Ebenen, Untersuchung vom 04.05.2026, 14:37 Uhr.\nBefund: Keine Fraktur.",
     ["14:37"], ["Röntgen Ellenbogen li. in 2 Ebenen", "Befund: Keine Fraktur."]),
    ("Findings: No fracture.\nElectronically signed by the reporting radiologist 05/04/2026 9:12 am.", ["9:12"],
     ["Electronically signed by the reporting radiologist"]),
    # a word with a macron is a te reo Māori name or place (a backstop: other rules take these short examples on the
    # earlier rules too); the common te reo words stay
    ("Clinical: transferred from Whakarongā for review, whānau present. Findings: No fracture.", ["Whakarongā"],
     ["transferred from", "whānau present"]),
    # initials closing the report's last sentence on its line
    ("Findings: Normal thumb. No fracture or dislocation. NAD. PMcD", ["PMcD"], ["No fracture or dislocation."]),
    # a hospital or school named by a hyphenated compound (a backstop); the word after its comma is the history's
    ("Anamnese: Schulsport am Goethe-Gymnasium, Hyperextensionstrauma. V.a. Fraktur.", ["Goethe-Gymnasium"],
     ["Schulsport am", "Hyperextensionstrauma"]),  # (removed on the earlier rules too; the guard is the history)
    # a square every town has, as the place something happened
    ("Anamnese: Sturz auf dem Rathausplatz beim Eislaufen, Schmerzen re. Schulter.", ["Rathausplatz"],
     ["Sturz auf dem", "beim Eislaufen"]),
    ("Hx: tourist, slipped on the wet cobbles on the marktplatz, FOOSH. Findings: No fracture.", ["marktplatz"],
     ["slipped on the wet cobbles on the"]),
    # a town's festival by the town's adjective
    ("Anamnese: Schnittwunde Daumen re. am Bierglas beim Tiefenbrunner Dorffest, Fremdkörper?", ["Tiefenbrunner"],
     ["Schnittwunde Daumen re. am Bierglas beim"]),
    # a place or school named for a saint, typed in lower case
    ("Hx: fell off the monkey bars at st brendans at lunchtime. Findings: No fracture.", ["brendans"],
     ["fell off the monkey bars at", "at lunchtime"]),
    ("Anamnese: 4 J., im kindergarten in st. ulrich vom Klettergerüst gefallen, Schonhaltung.", ["ulrich"],
     ["im kindergarten in", "vom Klettergerüst gefallen"]),
    # a school by its kind's abbreviation and its town in lower case, after a German article
    ("Anamnese: 9 J., in der Pause im Schulhof der vs ybbsitz vom Klettergerüst gefallen.\nBefund: Keine Fraktur.",
     ["ybbsitz"], ["in der Pause im Schulhof der", "vom Klettergerüst gefallen."]),
    # a police constable's name after 'Const.'; a relative's name in lower case between the kin word and 'says'
    ("XR LEFT HAND\n\nClinical history: came in with flatmate; Const. Brown attending.\n\nFindings: No fracture.",
     ["Brown"], ["came in with flatmate; Const."]),
    ("XR LEFT SHOULDER\n\nClinical history: rolled the quad on the farm. wife dot says he was winded.\n\nFindings: "
     "No fracture.", [" dot "], ["rolled the quad on the farm. wife", "says he was winded."]),
    # guards: a number after a date that is a measure; a closing abbreviation the lists hold; a street's 'st'
    ("Findings: Compared with 02/03/2026, 3 mm displacement, now 5 mm. No new fracture.", [],
     ["3 mm displacement, now 5 mm"]),
    ("Befund: Regelrechte Stellung, keine Fraktur. Beurteilung: Unauffälliger Befund. gez. OA", [], ["gez. OA"]),
    ("Hx: works at the cafe on the corner of main st after school. Findings: No fracture.", [], ["after school"]),
])
def test_session48_shape_goes(text, leaks, kept):
    check_rules(text, leaks, kept)
