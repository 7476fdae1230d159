"""Issue 11, session 46: shapes read from this session's tuning data (session 45's held-out sets ys-yz and za, zb, read
after their unread scoring; the adversarial tuning rounds zu, zv and af, ag): a town typed in lower case inside a
line typed in normal case after 'round', 'past', 'via', 'between', 'zw.' or 'unterhalb' ('in the sheds round
<town>'), the second of two such towns joined by 'and'/'und', a word no list holds after 'at' in an English line
('out at <station>') or after 'in' where someone lives ('lives in <locality>'), and an institution's head typed in
lower case after a removed name or place ('<town> medical centre', '<town> bowls club', '<town> hosp ED', in prose
and in a header zone; 'med centre', a sports ground or showground too), a sports club, sports ground or showground by
a place no list holds ('the <place> pony club'), the team someone plays for ('playing for <town> 2nds'), a clinic,
practice or school by a place no list holds ('the <place> clinic', '<town> medical', '<town> public'), a name in
Vietnamese letters ('Kollegin <Name>'), a German compound shaped as a town after 'in' ('in <sand...hagen>'), and a
month abbreviated after a time word ('im Dez.', 'in Feb', its sentence's full stop kept). Every example is our own
(none taken from an evaluation corpus); on the rules before the change (6c51e71) every removal fails and the guards
pass."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    # a listed town in lower case after the new place prepositions, and the town 'and' joins to it
    ("History: Retired Fencing Contractor, thirty years on properties round gunnedah and quirindi. R thumb CMC pain.",
     ["gunnedah", "quirindi"], ["thirty years on properties round", "R thumb CMC pain."]),
    ("Anamnese: Radsturz auf dem Leinpfad zw. eberbach und hirschhorn, Schmerzen li. Schulter.",
     ["eberbach", "hirschhorn"], ["Radsturz auf dem Leinpfad zw.", "Schmerzen li. Schulter."]),
    ("Clinical: Thrown from a Honda quad on the Stock Route past walgett this morning. ?Fracture L clavicle",
     ["walgett"], ["Thrown from a", "quad on the", "this morning."]),
    # a word no list holds after 'at' in an English line, and after 'in' where someone lives
    ("Hx: Station Hand out at tooraweenah, kicked by a Hereford heifer in the yards. Pain L elbow.",
     ["tooraweenah"], ["Station Hand out at", "heifer in the yards."]),
    ("Clinical details: 81M fall at home. Lives in wirrabilla with his daughter. ?# olecranon",
     ["wirrabilla"], ["fall at home.", "with his daughter."]),
    # an institution's head in lower case after a removed name or place: the head goes with it
    ("Hx: 77F tripped on the green at dunedoo bowls club, landed on R elbow. ?fracture",
     ["dunedoo", "bowls club"], ["tripped on the green at", "landed on R elbow."]),
    ("REF: Dr Aroha Whitcombe (Coolah medical centre)\nFindings: No fracture.",
     ["Whitcombe", "Coolah", "medical centre"], ["Findings: No fracture."]),
    ("Copy to: Dr P. Ndlovu, brewarrina hosp ED\n\nFindings: Undisplaced fracture of the middle third.",
     ["Ndlovu", "brewarrina", "hosp ED"], ["Undisplaced fracture of the middle third."]),
    # a compound shaped as a German town after 'in' ('in <Sand...hagen>'), a month abbreviated after a time word
    ("Anamnese: Sturz vom Heuboden auf dem Hof der Eltern in sandhagen vom Leiterwagen, Schmerzen re. Ellenbogen.",
     ["sandhagen"], ["Sturz vom Heuboden auf dem Hof der Eltern in", "Schmerzen re. Ellenbogen."]),
    ("Klinik: Seit einem Sturz beim Eisstockschießen im Dez. belastungsabhängige Schmerzen am Daumensattelgelenk.",
     ["Dez."], ["Seit einem Sturz beim Eisstockschießen im", "belastungsabhängige Schmerzen"]),
    ("Comparison: L hand radiograph taken at the surgery in Feb. Findings: Moderate CMC joint OA.",
     ["Feb"], ["Findings: Moderate CMC joint OA."]),
    # a sports club, sports ground or showground by a place no list holds, and a medical centre abbreviated
    ("Hx: Thrown at the wyndella pony club gymkhana on Sunday, landed on L shoulder. ?fracture",
     ["wyndella"], ["Thrown at the", "gymkhana on Sunday, landed on L shoulder."]),
    ("Clinical: Tackled at the kooringal sportsground in the under-16s. Tender mid clavicle.",
     ["kooringal"], ["Tackled at the", "in the under-16s."]),
    ("Copy: Practice Nurse, Dunmore med centre\n\nFindings: No fracture.", ["Dunmore", "med centre"],
     ["Findings: No fracture."]),
    # the team someone plays for by its town or its own word, with its grade
    ("History: Tackled playing for wirrabee 2nd XV on Saturday, landed on R shoulder. ?ACJ",
     ["wirrabee", "2nd XV"], ["Tackled playing for", "on Saturday, landed on R shoulder."]),
    ("HX: INJURED IN A SCRUM PLAYING FOR KOORAWATHA THIRDS. TENDER ACJ.", ["KOORAWATHA"],
     ["INJURED IN A SCRUM PLAYING FOR", "TENDER ACJ."]),
    ("Anamnese: Spielt Handball für die Zweite der HSG, vorher spielte für kirchweidach in der Kreisliga.",
     ["kirchweidach"], ["vorher spielte für", "in der Kreisliga."]),
    ("Clinical: Plays for the local side, hyperextension injury at training. Findings: No fracture.", [],
     ["Plays for the local side, hyperextension injury at training."]),
    # a clinic, practice or school by a place no list holds; a name in Vietnamese letters after a relative's word
    ("Hx: FOOSH off the trampoline, seen first at the wairongo clinic and splinted. ?supracondylar",
     ["wairongo"], ["seen first at the", "and splinted."]),
    ("Copy to GP (Dr Hemi Tautahi, ngatea medical). Findings: No fracture.", ["Tautahi", "ngatea", "medical)"],
     ["Findings: No fracture."]),
    ("Clinical: Fell from the climbing frame at kokatahi public today, tender mid clavicle.", ["kokatahi public"],
     ["Fell from the climbing frame at", "today, tender mid clavicle."]),
    ("Anamnese: Sturz vom Gerüst. Kollegin Lương hat ihn in die Notaufnahme gebracht. Befund: Keine Fraktur.",
     ["Lương"], ["hat ihn in die Notaufnahme gebracht.", "Befund: Keine Fraktur."]),
    ("Hx: Reviewed at the walk-in clinic and the rheumatology clinic last week. Findings: No erosions.", [],
     ["Reviewed at the walk-in clinic and the rheumatology clinic last week."]),
    # 'alter' as an adjective ('alter Ausriss') or an English verb opens no identifier zone: the line's clinical
    # words stay; 'Alter: 45' still does
    ("Beurteilung: Fragliche Verkalkung bzw. alter Ausriss am Epicondylus lateralis, klinisch wohl ohne Relevanz.",
     [], ["Fragliche Verkalkung bzw. alter Ausriss", "ohne Relevanz."]),
    ("Impression: Possible small avulsion.\nCT only if it would alter management", [],
     ["CT only if it would alter management"]),
    ("Name: Okonkwo-Brandl, Ifeoma   Alter: 45   Geschlecht: w", ["Okonkwo-Brandl", "Ifeoma", "45"], []),
    # guards: an ordinary setting after 'at', a thing after 'in', a head with no name before it
    ("Clinical: Fell off the climbing frame at creche this morning, not using L arm. Findings: No fracture.", [],
     ["Fell off the climbing frame at creche this morning", "No fracture."]),
    ("Hx: L thumb caught in tugger winch on the rig. Swelling. Findings: Tuft fracture of the distal phalanx.", [],
     ["L thumb caught in tugger winch on the rig."]),
    ("Clinical: Injury at shinty on Saturday. Seen at the medical centre, referred for X-ray. Findings: Normal.", [],
     ["Injury at shinty on Saturday. Seen at the medical centre, referred for X-ray."]),
])
def test_session46_shape_goes(text, leaks, kept):
    check_rules(text, leaks, kept)
