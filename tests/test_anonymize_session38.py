"""Issue 11, session 38: shapes read from the tuning sets of this session (the held-out set rf-ro and the adversarial
pair rt, ru after their scoring; the adversarial tuning sets sd, se), each a class with a closed trigger: a clock time
written without its colon right after a date ('04/09/2026 0814', '@ 1031'); a month in capitals or lower case after
the part of the month or an ordinal word ('SEIT ENDE MAI', 'am dritten maerz'); an en dash or a minus sign inside an
id ('26\u2013NICU\u201300318'); a quoted nickname that is an ordinary word ('"BILL"', then 'Bill states'); a German
age abbreviated 'jähr.'; a DICOM person name with carets ('TEIXEIRA^ROLANDO', an eponym's word as given name); a
ward's, a nursery's or a school's head word before its name ('Station Hildegard', 'Kita Regenbogen'); 'Surname,
Given (58 J.)' opening a field; a place no list knows after a residence cue in a line typed in lower case ('family
live in X'); a place prefix in lower case ('port alberni'). Every example is our own (none taken from an evaluation
corpus); on the rules before the change (5707f5b) every removal fails and so does the dash guard (the en dash
between digits is a hyphen now); the other guards pass. A second round (from the adversarial tuning sets sh-sk, read
after their scoring): a slashed vessel prefix over an eponym's look, a glacier in capitals, the weekday before a date, a
clinical word as a surname after a personal title, 'Surname, Given (OÄ)', a town before a US state and ZIP or a Dutch
postcode before its town, a unit or a county road's number after a street, 'St' without its full stop, a German street
with its number in capitals, an id written digit by digit, a named care home, an eponym's word as a cued given name, a
place by its edge ('Ortsrand von'), a ward named after a doctor; and an eponym's view after a sign-off cue stays
(a guard that fails before: 'Visum, Zanca-Aufnahme' was taken for a name); a third round (sq-st: reports typed in
capitals or lower case, places in passing, ordinary-word names) adds titles in capitals, named wards and a sex-age
field; the same holds for them."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    # a clock time without its colon right after a date, after '@' or 'at' too; guards: a dose, a time alone
    ("Signed: Dr P. Okoye, MD   11/02/2026 2248\nTranscribed: tq", ["2248", "11/02/2026"], ["Transcribed"]),
    ("Electronically signed by Dr Amsel on 07-21-2026 @ 0637", ["0637", "07-21-2026"], ["Electronically signed"]),
    ("Findings discussed with the ward at 0245.", [], ["at 0245"]),
    # a month in capitals or lower case after the part of a month or an ordinal word; guards: 'may', 'march' as words
    ("ANAMNESE: SCHWELLUNG SEIT ENDE JULI. TUMOR?", ["JULI"], ["SCHWELLUNG SEIT", "TUMOR?"]),
    ("anamnese: sturz am zweiten maerz im garten.", ["zweiten maerz"], ["im garten"]),
    ("hx: pain since mid july after a fall.", ["mid july"], ["after a fall"]),
    ("Findings may march on; we may see it in march.", [], ["may march", "may see", "in march"]),
    # an en dash or a minus sign inside an id; a spaced dash stays a dash
    ("Auftrag 25\u2013RAD\u2013117 vom Hausarzt", ["RAD", "117"], ["Auftrag", "vom Hausarzt"]),
    ("Befund: Fraktur 3\u20134 mm \u2013 sonst regelrecht.", [], ["3-4 mm \u2013 sonst regelrecht"]),
    # a quoted nickname that is an ordinary word repeats capitalised; the ordinary word in lower case stays, and one
    # no name list knows stays at a sentence's start
    ('PATIENT: GRANT, JOHN "JACK"   MRN: 4471-220\nHISTORY: Jack says he fell; jack of all trades.', ["Jack says"],
     ["jack of all trades"]),
    ('Pt: Amaru "Tiny" Quispe\nFindings: Tiny ossific fragment. Mum says Tiny cried.', ["says Tiny"],
     ["Tiny ossific fragment"]),
    # a German age abbreviated 'jähr.'
    ("Klinische Angaben: 47-jähr. Pat., Sturz vom Fahrrad.", ["47"], ["Klinische Angaben:"]),
    # a DICOM person name, an eponym's word as a part; guard: an HL7 segment's components
    ("REF PHYS: PALACIOS^BENNETT\nXR THUMB LEFT", ["PALACIOS", "BENNETT"], ["XR THUMB LEFT"]),
    ("MSH|^~\\&|RIS|X|PACS|X|20260311||ORU^R01|M1|P|2.3", [], ["ORU^R01", "PACS"]),
    # a ward's, a nursery's or a school's head word before its name
    ("Zuweisung: Kreisklinik Nord – Station Edeltraud\nBefund: o.B.", ["Station", "Edeltraud"], ["Befund"]),
    ("Sturz in der Kita Sonnenschein, laut Erzieherin.", ["Kita", "Sonnenschein"], ["laut Erzieherin"]),
    # 'Surname, Given (age)' opening a field, an ordinary-word surname too; guard: a classification in brackets
    ("Befund vom 12.05.2026 – Sommer, Gerlinde (61 J.), Sturz auf Glatteis.", ["Sommer", "Gerlinde"],
     ["Sturz auf Glatteis"]),
    ("Befund: Fraktur, Typ (2a) nach AO.", [], ["Fraktur, Typ"]),
    # in a line typed in lower case: an unknown place after a residence cue, a place prefix that is no ordinary word
    ("hx: toddler, pulled elbow. family live in quarrybank, mum present.\n\nxr l elbow: no fracture.",
     ["quarrybank"], ["mum present"]),
    ("from: harbour health centre. read remotely at island general hospital, port renfrew. date of exam 2024-04-09"
     "\n\nhx: fell off the dock.\nno fracture.", ["port"], ["fell off the dock"]),
    ("hx: she lives in fear of falling, lives at home.\n\nno fracture.", [], ["lives in fear", "lives at home"]),
])
def test_a_session38_shape_goes(text, leaks, kept):
    check_rules(text, leaks, kept)


@pytest.mark.parametrize("text,leaks,kept", [
    # (second round: the adversarial tuning sets sh-sk and tune's misses, read after their scoring)
    # a vessel by its slashed prefix, an eponym's look in its name too ('ROSE III' is no grade)
    ("HX: DECKHAND ON THE F/V KATHLEEN ROSE III, SLIPPED ON ICE.", ["KATHLEEN", "ROSE III"], ["SLIPPED ON ICE"]),
    # a glacier named in a history typed in capitals
    ("HX: FELL ON STUBAI GLACIER TODAY, PAIN MIDSHAFT.", ["STUBAI"], ["PAIN MIDSHAFT"]),
    # the weekday before a date; guard: a credential before a date
    ("Anamnese: Sturz am Mittwoch, dem 4. März beim Eislaufen.", ["Mittwoch", "4. März"], ["beim Eislaufen"]),
    ("Signed: Adam Pell, DO  5/2/2026", ["Pell", "5/2/2026"], ["DO"]),
    # a clinical word as a surname right after a personal title in prose; guard: the word as a field's label
    ("Frau Hand wird heute in der Sprechstunde gesehen.", ["Hand wird"], ["wird heute"]),
    ("Befund:\nHand: keine Fraktur.", [], ["Hand: keine Fraktur"]),
    # 'Surname, Given (role)' opening a line, a clinical word as the surname
    ("Weiterbehandlung in der Unfallchirurgie.\nNagel, Lena (OÄ)", ["Nagel", "Lena"], ["Weiterbehandlung"]),
    # a town before a US state and ZIP or a Canadian province and postal code, whatever its word; a unit after the
    # street; a county road's number; 'St' without its full stop; a Dutch postcode before its town
    ("History: fell at work, 55 Mill Rd, Reading PA 19601. Pain.", ["Reading", "19601"], ["History: fell at work"]),
    ("History: she lives at 2200 County Rd 14, Lot 17 and fell.", ["2200", " 14", "Lot 17"], ["and fell"]),
    ("History: bartender at 310 W Front St, fell behind the bar.", ["310", "Front St"], ["fell behind the bar"]),
    ("Adres: Laan 12, 2514 AB Den Haag (NL)", ["Den ", "Haag", "2514"], ["Adres:"]),
    # a street with its number in capitals; guard: an English gerund before a measure
    ("ANAMNESE: WOHNT BIRKENWEG 12, FRAKTUR DES RADIUS?", ["BIRKENWEG"], ["FRAKTUR DES RADIUS"]),
    ("FINDINGS: CORACOCLAVICULAR DISTANCE MEASURING 18 MM.", [], ["MEASURING 18 MM"]),
    # an id written digit by digit
    ("Versichertennr. 7 4 3 2 1 8 8 0 1 (AOK)", ["7 4 3 2"], ["(AOK)"]),
    # a care home by its name; guard: 'zu Haus' before a noun
    ("Sturz im Haus Abendsonne in der Nacht.", ["Abendsonne"], ["in der Nacht"]),
    ("Sturz zu Haus Treppe hinunter.", [], ["Treppe hinunter"]),
    # an eponym's word as a given name closing a cued field; guard: the eponym after a finding
    ("PATIENT: Garcia, Rolando   DOB: 01/02/1990", ["Garcia", "Rolando"], ["DOB:"]),
    ("Impression: fracture, Bennett type.", [], ["Bennett type"]),
    # an eponym's view after a sign-off cue is no name (it was removed before, and with it every other mention)
    ("Beurteilung: Fraktur, Zanca-Aufnahme empfohlen.\n\nNachtrag (Visum, Zanca-Aufnahme gleicher Tag): Keine Fraktur.",
     [], ["Fraktur, Zanca-Aufnahme empfohlen", "Visum, Zanca-Aufnahme"]),
    # a DICOM tag's group and element are no id (over-redacted before); the values after them go
    ("(0010,0010) PatientName: MUELLER^HANS\n(0010,0020) PatientID: 44718", ["MUELLER", "44718"],
     ["(0010,0010) PatientName:", "(0010,0020) PatientID:"]),
    # a German club's letters over a grade's look after its name; an ice-hockey club; a capital 'The' inside a
    # sentence before a name is the venue's; guard: 'The' opening a sentence
    ("Klinische Angaben: Torwart (SV Lindenfeld II), Ball im Training gegen den Daumen.", ["Lindenfeld"],
     ["Ball im Training"]),
    ("Klinische Angaben: Eishockeyspieler, Check gegen die Bande beim EHC Talbach, Schmerz Ellbogen.",
     ["EHC", "Talbach"], ["Schmerz Ellbogen"]),
    ("XR LEFT ELBOW\nClinical: 15F. Hockey - fell onto L elbow during the match at The Walsh this pm. Pain. ?#",
     ["The Walsh", "at The"], ["this pm"]),
    ("Clinical: fell at home. The Walsh family brought her in.", [], ["The "]),
    # (third round, the adversarial sets sq-st) a title in capitals before a name in capitals, a clinical word as the
    # surname after a given name; a ward or a living group by its name, a surgeon's too; sex and age glued in a
    # header's pipe-separated field
    ("BEFUND: KEINE FRAKTUR.\nDR. MED. JUERGEN KNOCHEN, FACHARZT FUER RADIOLOGIE", ["KNOCHEN", "JUERGEN"],
     ["FACHARZT FUER RADIOLOGIE"]),
    ("Befund telefonisch an Station Sauerbruch (Fr. Meier) übermittelt.", ["Sauerbruch"], ["übermittelt"]),
    ("Befund an Wohngruppe Aabach übermittelt.", ["Aabach"], ["übermittelt"]),
    ("ACC 123 | MUELLER HANS | *12.03.1958 | W67 | Aufn. 44", ["67", "MUELLER"], ["ACC"]),
    # in an English line typed in lower case, a word no list knows after 'at', 'in', 'near' is a place; guards: a German
    # adjective after 'in', a clinical word after 'in'
    ("hx: fall skiing at thredwick on the weekend, pain ulnar side mcp, ?gamekeeper's thumb", ["thredwick"],
     ["on the weekend"]),
    ("hx: 76 y/o retired plater. lives with wife in howdley, independent. slipped on ice outside the club.",
     ["howdley"], ["independent"]),
    ("anamnese: sturz in mehrfragmentärer weise, schmerz am ellbogen seit gestern abend.", [],
     ["in mehrfragmentärer weise"]),
    ("hx: fell in supination onto the outstretched hand yesterday evening at home.", [], ["in supination"]),
    # a place by its edge; a ward named after a doctor
    ("Röntgen Schulter links.\n\nKlinische Angaben: Er bewirtschaftet den Weinberg am Ortsrand von Mühlenstein noch "
     "täglich selbst.\n\nBefund: Keine Fraktur.", ["Mühlenstein"], ["Keine Fraktur"]),
    ("Anf.: Dr. Weber, Station Dr.-Hertha-Weiss\nRö Ellenbogen li.", ["Station", "Hertha"], ["Rö Ellenbogen"]),
])
def test_a_session38_second_round_shape_goes(text, leaks, kept):
    check_rules(text, leaks, kept)
