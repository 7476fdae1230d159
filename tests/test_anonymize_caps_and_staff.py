"""Issue 11, session 22: a hospital named by ordinary words in an all-caps line, care staff named after their role,
and a rank or title before a name in a lower-case report.

Every example is our own (none taken from an evaluation corpus); each removal assertion fails on the rules before
this change (3fabf0e); the kept words guard against the over-redaction each new rule could cause."""

from __future__ import annotations

import pytest
from fedrad.client.anon_engine import Anonymizer

RULES = Anonymizer(token_model=False)  # the rules alone: the learned layer must not be what passes these


@pytest.mark.parametrize("text,leaks,kept", [
    # capitals: ordinary words before a hospital's head word name it; closed-class words end the name's run
    ("COMPARISON: OUTSIDE RADIOGRAPHS FROM REGIONAL WEST MEDICAL CENTER DATED 01/02/2020.", ["REGIONAL WEST"],
     ["OUTSIDE RADIOGRAPHS FROM"]),
    ("HX: TRANSFERRED FROM PINE HILL MEDICAL CENTER FOR ORTHO REVIEW.", ["PINE HILL"], ["TRANSFERRED FROM"]),
    ("OUTSIDE FILMS FROM GRAND RIVER HOSPITAL. NO FRACTURE.", ["GRAND RIVER"], ["OUTSIDE FILMS FROM", "NO FRACTURE"]),
    ("PRIOR STUDY AT LAKEVIEW COMMUNITY HOSPITAL. NO CHANGE.", ["LAKEVIEW"], ["PRIOR STUDY AT", "NO CHANGE"]),
    # care staff after their role word
    ("Called to ER, RN Hope Stone at 02:46.", ["Hope", "Stone"], ["Called to ER"]),
    ("History: difficult delivery per Midwife Leetia Koovee, arm not moving.", ["Leetia", "Koovee"], ["delivery"]),
    ("Anamnese: Dolmetscherin Ayse Kaya anwesend, Sturz auf die Hand.", ["Ayse", "Kaya"], ["anwesend"]),
    # a rank or title in a lower-case report
    ("anamnese: polizeiobermeisterin kübra aydın, bei festnahme gestürzt.", ["kübra", "aydın"], ["festnahme"]),
    ("hx: sgt kevin doyle fell during a training run.", ["kevin"], ["training"]),
    # a Swiss 'Visum' signs like 'gez.'; a surname after a dash closes the report
    ("Befund: Keine Fraktur. Weichteile unauffällig.\nVisum UZ / ab", ["UZ"], ["Visum", "Weichteile"]),
    ("Befund: Ellenbogen o.B. — sjuts", ["sjuts"], ["Ellenbogen"]),
    # a named care home goes with its generic words
    ("History: fell down the stairs at Brookhaven care home, bruising.", ["Brookhaven", "care home"], ["stairs"]),
    # a German compound named by its place word after ON / AROUND in capitals; NR is near
    ("HX: FELL FROM BICYCLE ON SCHLOSSBERGPLATZ. STEP DEFORMITY.", ["SCHLOSSBERGPLATZ"], ["BICYCLE", "STEP"]),
    ("HX: FELL ON BIKE PATH AROUND HOLLERBACHSEE. PAIN.", ["HOLLERBACHSEE"], ["BIKE PATH"]),
    ("HX: QUAD BIKE ROLLOVER ON FAMILY FARM NR BALLYKNOCKAN. PAIN.", ["BALLYKNOCKAN"], ["FAMILY FARM"]),
    # a place on a line typed in lower case but for a capital
    ("hx: slammed R thumb in car door at daycare (happy hens nursery, brampton) no fx seen", ["brampton"],
     ["daycare", "nursery"]),
    # 'near' names a place whatever its ending; the patient cue of Nordic and Romance headers
    ("History: cycling on the dyke path near Kleinbrochum. Pain over the radial head.", ["Kleinbrochum"],
     ["radial head"]),
    ("Findings: fracture. Pas.: Tjernsholm, Ingeborg. Clavicle right: no fracture.", ["Tjernsholm", "Ingeborg"],
     ["Clavicle right"]),
    # a road abbreviation names a street after ordinary words, in capitals too; 'R/O' beside it stays
    ("Department of Radiology | Main Rd, Observatory | Tel 021 404 9111", ["Main Rd"], ["Department of Radiology"]),
    ("HX: INJURED AT WORK ON WESTERN AVE. R/O FX.", ["WESTERN", "AVE"], ["R/O FX", "AT WORK ON"]),
    # a Welsh health board or an English trust by its acronym or words, whatever the words before it
    ("Hywel Dda UHB - Radiology Department. Left elbow, two views.", ["Hywel", "Dda"], ["Radiology Department"]),
    # French typist marks; dotted initials after a dash
    ("Dictée le 12.03.2026, transcrite par ML", ["ML"], ["Dictée", "transcrite par"]),
    ("Findings: tuft fracture of the distal phalanx. - J.A.O.\nQueries: radiology desk", ["J.A.O."],
     ["Queries"]),
])
def test_a_caps_hospital_a_staff_member_or_a_lower_case_title_name_goes(text, leaks, kept):
    out = RULES(text)
    assert all(w not in out for w in leaks), out
    assert all(w in out for w in kept), out


@pytest.mark.parametrize("text,kept", [
    ("SEEN AT REGIONAL MEDICAL CENTER ED. NO FRACTURE.", "REGIONAL MEDICAL CENTER"),  # generic words only
    ("Nurse Practitioner note reviewed, no fracture.", "Practitioner"),
    ("HX: FELL OFF A SCOOTER, SPANISH INTERPRETER USED.", "INTERPRETER USED"),  # capitals: no name shape
    ("hx: officer reports a fall at work.", "reports"),
    ("befund: frau ist gestürzt, keine fraktur.", "gestürzt"),
    ("Paramedic crew reports fall on outstretched hand.", "outstretched"),
    # (the acronym itself goes since session 32: an acronym no list knows names a hospital or a service)
    ("Findings: the UHB protocol was followed, no fracture.", "protocol was followed"),
    ("Impression: no fracture — follow up in two weeks", "follow up"),
    ("Findings: normal. -- see above", "see above"),
    ("HX: FELL ON OUTSTRETCHED HAND ON THE STAIRCASE. PAIN.", "STAIRCASE"),
    ("Typed by the secretary.", "by the secretary"),
    ("Views: A.P. and lateral - A.P. view repeated.", "A.P. view"),
])
def test_generic_words_beside_the_new_rules_stay(text, kept):
    assert kept in RULES(text)
