"""Issue 11, session 47: shapes read from this session's tuning data (session 46's held-out sets zk-zr and zs, zt, read
after their unread scoring; the tuning rounds fn, fo and fx, gc): a feast day typed in lower case ('am
pfingstmontag'), a motor fishing vessel by its 'MFV', a double name whose second part opens with O’
('<Name>-O’Connell' after an initial), a place compound typed in lower case after a German place preposition in a
line that uses case ('am brunnenmarkt', 'vom kreuzbergturm'), an all-caps place after BELOW/ABOVE/BEHIND with its
place head ('BELOW THE <NAME> DAM'), a ground, park or school by its name after a place preposition without an
article ('at lantern park', 'at south school'), a club or the Red Cross's hospital by its abbreviation in lower case
('rsc <town>', 'drk <town>'), a street typed in lower case by two words of its name or after 'the' ('off cobbler
hill rd', 'on the <name> road') a team by its grade ('the <town> otters u18s') and towns typed in lower case by the
endings '-stein', '-wil', '-glen'. Three clinical shapes no longer read as names: a title-case run after German 'in'
('in Richtung Fossa olecrani'), the coracoclavicular 'CC-' as a copies-to cue, a date beside a heading's words as an
institution. Every example is our own (none taken from an evaluation corpus); on the rules before the change
(fd938a4) every removal fails and the guards pass."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    # a feast day in lower case names a date
    ("anamnese: sturz vom traktor am pfingstmontag, seitdem schmerzen re. schulter.", ["pfingstmontag"],
     ["sturz vom traktor am", "seitdem schmerzen re. schulter."]),
    ("hx: fell off ladder hanging lights on boxing day. ?# clavicle", ["boxing day"], ["fell off ladder hanging"]),
    # a motor fishing vessel by its prefix
    ("CLINICAL: INJ L THUMB IN NET HAULER ON MFV GOLDEN DAWN ALONGSIDE AT THE PIER.", ["GOLDEN DAWN"],
     ["L THUMB IN"]),
    # a double name whose second part has its own prefix
    ("Note: wood is frequently radiolucent.\n-- R. Abernethy-O’Connell (rad) 13/03 11:02", ["Abernethy", "Connell"],
     ["wood is frequently radiolucent."]),
    # a place compound in lower case after a German place preposition, in a line that uses case
    ("Anamnese: Sturz mit dem Rad vom kreuzbergturm Richtung Tal, Schmerzen li. Schulter.", ["kreuzbergturm"],
     ["Sturz mit dem Rad vom", "Schmerzen li. Schulter."]),
    ("Anamnese: Sturz am Freitagabend auf dem Fest, Ausschank am brunnenmarkt Ecke Lindengasse, Pat. hilft dort aus.",
     ["brunnenmarkt"], ["Sturz am Freitagabend auf dem Fest, Ausschank am", "Pat. hilft dort aus."]),
    # an all-caps place after a newer preposition, with its place head
    ("HISTORY: HAND CAUGHT IN A ROPE WHILE RAFTING ON THE RIVER BELOW THE GRIMSBACH DAM. PAIN AT THE BASE OF THE "
     "THUMB.", ["GRIMSBACH"], ["RAFTING ON THE RIVER BELOW THE", "PAIN AT THE BASE OF THE THUMB."]),
    # a ground, a park or a school named without an article, its word a common one or not
    ("Clinical: 8yo fell off the swings at lantern park on Sunday, tender mid clavicle.", ["lantern park"],
     ["fell off the swings at", "tender mid clavicle."]),
    ("Hx: jammed thumb in the nets at brewster oval, cricket. No fracture.", ["brewster oval"],
     ["jammed thumb in the nets at"]),
    ("Clinical: fell from the climbing frame at south school at lunchtime. ?supracondylar", ["south school"],
     ["fell from the climbing frame at", "at lunchtime."]),
    # a club, or the Red Cross's hospital, by its abbreviation in lower case
    ("Anamnese: Sturz bei einer Ausfahrt mit dem rsc kettenheim, Schmerzen re. Schulter.", ["kettenheim"],
     ["Sturz bei einer Ausfahrt mit dem", "Schmerzen re. Schulter."]),
    ("Klinik: Zuweisung notaufnahme drk wendelsheim, V.a. Radiusköpfchenfraktur.", ["wendelsheim"],
     ["V.a. Radiusköpfchenfraktur."]),
    # a street typed in lower case: two words of its name, or one no ordinary word after 'the'
    ("Hx: came off his quad off cobbler hill rd this morning, ?ACJ.", ["cobbler hill rd"],
     ["came off his quad off", "this morning"]),
    ("Hx: helping his uncle on the kingsley road, kicked by a cow. Findings: No fracture.", ["kingsley", "road,"],
     ["helping his uncle on the", "kicked by a cow."]),
    # a team by its grade after it
    ("History: tackled playing with the kelso otters u18s on Saturday, sore R shoulder.", ["kelso otters"],
     ["tackled playing with the", "on Saturday, sore R shoulder."]),
    # a town no list holds, typed in lower case in a line that uses case, by a German ending '-stein' or an English
    # '-glen'
    ("Anamnese: Sturz beim Holzmachen in eichenstein, Schmerzen re. Daumen.", ["eichenstein"],
     ["Sturz beim Holzmachen in", "Schmerzen re. Daumen."]),
    ("Clinical: homebirth at the family farm past ashglen, shoulder dystocia. ?fracture", ["ashglen"],
     ["homebirth at the family farm past", "shoulder dystocia."]),
    ("Anamnese: Pat. ist auf dem Weinfest in sandstein von der Bierbank gefallen.", [], ["in sandstein von der"]),
    # clinical words that read as names no more: a title-case run after German 'in' ('in Richtung Fossa olecrani'),
    # the coracoclavicular 'CC-' taken for a copies-to cue, a heading with a date taken for an institution ('NHS No.'
    # after a date, 'RADIOLOGY OVERREAD <date>')
    ("Befund: Suprakondyläre Humerusfraktur rechts mit Dorsalabkippung des distalen Fragmentes. Frakturausläufer in "
     "Richtung Fossa olecrani, eine Gelenkbeteiligung ist nicht sicher auszuschließen. Keine Luxation.", [],
     ["Frakturausläufer in Richtung Fossa olecrani"]),
    ("Beurteilung:\n1. Kein Rezidiv.\n2. Heterotope Ossifikationen der CC-Bänder.\nBefund: CC-Distanz mit 9 mm im "
     "Normbereich.", [], ["Heterotope Ossifikationen der CC-Bänder.", "CC-Distanz mit 9 mm im Normbereich."]),
    ("Pt: Okafor, Chidi   DOB 5/3/2009   16yo M\n\nElbow L 2V\nPrelim: Likely occult fracture.\n\nRADIOLOGY "
     "OVERREAD 1/18/26 0910:\nAgree with joint effusion.", ["Okafor", "Chidi", "1/18/26"],
     ["RADIOLOGY OVERREAD", "Agree with joint effusion."]),
    ("Name: Mr Okafor     DOB: 03/04/1956     NHS No: 943 476 5919\nFindings: No fracture.",
     ["Okafor", "03/04/1956", "943 476 5919"], ["NHS No:", "Findings: No fracture."]),
    # a club in lower case by its abbreviation, its town a word the lists hold, on a line no unknown word opens
    ("Anamnese: Sturz beim Fußballtraining vom sv kirchberg auf dem Sportplatz, Schmerzen radial am re. Ellenbogen.",
     ["kirchberg"], ["Sturz beim Fußballtraining vom", "auf dem Sportplatz"]),
    ("Anamnese: Beim Training des fc rosenberg auf dem Rasen gestürzt, Schmerzen re. Schulter.", ["rosenberg"],
     ["Beim Training des", "auf dem Rasen gestürzt"]),
    # guards: a kind of park, school or road, a tower that names a kind, a lower-case venue word that names a kind
    ("Clinical: fell at the skate park, then at ski school the next day. Findings: No fracture.", [],
     ["fell at the skate park, then at ski school the next day."]),
    ("Hx: food delivery rider, came off on wet road and on the ring road. Findings: No fracture.", [],
     ["came off on wet road and on the ring road."]),
    ("Klinik: Sturz vom Kletterturm beim Klettern, Schmerzen li. Ellenbogen.", [],
     ["Sturz vom Kletterturm beim Klettern"]),
    ("Anamnese: heute morgen im pfarrkindergarten vom Klettergerüst gefallen, Schonhaltung.", [],
     ["im pfarrkindergarten vom Klettergerüst gefallen"]),
    ("Hx: grandson plays for the colts, hurt thumb on the fence. Findings: No fracture.", [],
     ["grandson plays for the colts"]),
])
def test_session47_shape_goes(text, leaks, kept):
    check_rules(text, leaks, kept)
