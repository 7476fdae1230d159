"""Issue 11, session 39: shapes read from this session's tuning data (session 38's sealed sets rv-sc and so, sp after
their scoring at the session's start; the tuning sets sy, sz, tc, td and tk, tl), each a class with a closed trigger:
a dressing, splint or test named after someone keeps its eponym ('Gilchrist-Verband' inside a referrer's clause); a
social title in capitals before a name in capitals ('DAUGHTER (MRS E. KERR) REPORTS', 'DR BENNETT'); a UK postcode's
outward half after its town ('in Normacot, ST3.'), not a trainee's grade ('Dr X, ST4 Radiology'); a name before its
kin word in brackets ('Hope (daughter, ...)'); a child's single year glued to its sex after a name ('(m7)'); a
radiographer's lower-case sign-off without the initial's full stop; a clinician's registration number broken over a
line ('GMC 7104\\n233'); combining marks after a removed name; initials with a double surname's hyphen ('(N. A.-R.)');
a kin word's name with a possessive ("brother Tariq's"); a reader's and a typist's initials joined by a hyphen
('/ fb-ms', 'fb' no longer read as 'foreign body'); a whole UK postcode in lower case and its town; a house number
and a street in capitals in a sentence; and, in English reports, a capitalised word inside a sentence that no
lexicon knows ('follow-up at Ninewells arranged'). Every example is our own (none taken from an evaluation corpus);
on the rules before the change (40bb88b) every removal fails (15 cases; the first one on its kept eponym too:
'Desault-Verband' went with the referrer's clause) and the guards pass but one (a place rule took 'Langerhans' for a
place; the two words are a listed eponym now); two cases whose names other rules already removed guard what stays
around them ('Gilchrist bandage', 'Aunty')."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    # a dressing or a splint named after someone keeps its eponym, inside a clause a cue opened too
    ("Klinische Angaben: Sturz am Hafen. Erstversorgung durch den Bordarzt (Dr. Anselm Quist) mit Desault-Verband.\n\n"
     "Befund: Keine Fraktur.", ["Anselm", "Quist"], ["Desault-Verband"]),
    ("History: seen by ship's doctor (Dr Wilma Ferreira-Lund), Gilchrist bandage applied.\n\nFindings: no fracture.",
     ["Wilma", "Ferreira"], ["Gilchrist bandage"]),
    # a social title in capitals before a name in capitals, up to the first ordinary word; 'DR' without its stop
    ("CLINICAL HISTORY: FELL AT HOME. SON (MRS J. OYELARAN) REPORTS PREVIOUS WRIST FRACTURE.\n\nFINDINGS: NO FRACTURE.",
     ["OYELARAN"], ["REPORTS PREVIOUS WRIST FRACTURE"]),
    ("FINDINGS: NO FRACTURE. DISCUSSED WITH DR BENNETT AT 14:00.\n\nIMPRESSION: NORMAL.", ["BENNETT"],
     ["AT 14:00", "NORMAL"]),
    ("FINDINGS: NO FRACTURE. DR IMAGES REVIEWED ON THE WORKSTATION.\n\nIMPRESSION: NORMAL.", [],
     ["DR IMAGES REVIEWED"]),
    # a UK postcode's outward half after its town; a trainee's grade after a doctor's name stays
    ("History: seen at the home visit in Meir Hay, ST3. Mum present.\n\nFindings: no fracture.", ["ST3", "Meir Hay"],
     ["Mum present"]),
    ("Findings: no fracture.\n\nReported by Dr Carys Penhallow, ST2 Radiology", ["Carys", "Penhallow"],
     ["ST2 Radiology"]),
    ("Findings: no fracture.\n\nP. Ashworth-Mbeki, ST4 Radiology / checked by Dr Q. Lamb", ["Ashworth"],
     ["ST4 Radiology"]),
    # a name before its kin word in brackets; a kin word opening the run stays
    ("History: found on the floor by the carer. Faith (daughter, next of kin) says she tripped.\n\nFindings: no "
     "fracture.", ["Faith"], ["(daughter, next of kin) says"]),
    ("History: flown in from the community. Aunty Merindah Wallaby-Jones (carer) with him.\n\nFindings: no fracture.",
     ["Merindah"], ["Aunty"]),
    ("Anamnese: Sturz im Garten, das Kind weint bei Berührung (Mutter, Frau Abebe).\n\nBefund: Keine Fraktur.",
     ["Abebe"], ["weint bei Berührung (Mutter"]),
    # a child's single year glued to its sex in brackets after a name; not after an ordinary word
    ("Kinderradiologie\nName: Demir, Aras-Can (m6)    Aufn.-Nr. 26-114477\n\nBefund: Keine Fraktur.", ["m6)"],
     ["Befund"]),
    ("Findings: see the overview (f1) and the lateral view.", [], ["overview (f1)"]),
    # a radiographer's lower-case sign-off, the initial without its full stop
    ("xr r thumb 2v\nhx: jammed it.\nno fracture. no fb.\n-- t penwarden, reporting radiographer", ["penwarden"],
     ["reporting radiographer"]),
    # a clinician's registration number broken over a line
    ("Conclusion: normal.\n\nReported by: Dr I. Okafor-Lind, Consultant Radiologist, GMC 6620\n418\ncc: GP",
     ["6620", "418"], ["Consultant Radiologist"]),
    # combining marks after a name's last letter leave with it (Yoruba tone marks: no single NFC letter)
    ("Findings: no fracture.\n\nReported by: Dr Ọlájùmọ̀ Bankole, Consultant Radiologist", ["\u0300", "Bankole"],
     ["Consultant Radiologist"]),
    # initials with a double surname's hyphen; lower-case abbreviations with a hyphen stay
    ("Beurteilung: Keine Fraktur.\nNachtrag (K. M.-S.): Befund telefonisch an die Hausärztin.", ["M.-S."],
     ["Befund telefonisch"]),
    ("Befund: a.p.-Aufnahme ohne Fraktur, V.a.-Diagnose nicht bestätigt.", [], ["a.p.-Aufnahme", "V.a.-Diagnose"]),
    # a kin word's name with a possessive
    ("History: slipped off the roof of his uncle Tomasz's narrowboat while working the lock.\n\nFindings: no "
     "fracture.", ["Tomasz"], ["'s narrowboat while working the lock"]),
    # a whole UK postcode in lower case, its town with it; a rib's ordinal after a spine level stays
    ("hx: lives at the farm, bedale dl8 2qz, fell off a gate.\n\nxr l clavicle: no fracture.", ["bedale", "dl8"],
     ["fell off a gate"]),
    ("hx: c6 1st rib fracture query.\n\nno fracture.", [], ["c6 1st rib"]),
    # a house number and a street in capitals inside a sentence; not weeks and a doctor
    ("INDICATION: CUT HAND ON A GLASS AT A PARTY AT 2716 WAPSIPINICON ST. EVALUATE FOR FB.\n\nFINDINGS: NO FB.",
     ["WAPSIPINICON"], ["EVALUATE FOR FB"]),
    ("IMPRESSION: HEALING FRACTURE. FOLLOW UP IN 3 WEEKS.\n\nDR A. SMALLWOOD", [], ["FOLLOW UP IN 3 WEEKS"]),
    # a reader's and a typist's initials joined by a hyphen after a slash at the end; hyphenated words stay
    ("Beurteilung: Keine Fraktur.\n\nDr. med. F. Brandt\nKiel, 20.10.2025 / fb-mr", ["fb-mr"], ["Keine Fraktur"]),
    ("Impression: healing fracture.\n\nPlan: conservative / non-op", [], ["non-op"]),
    # in an English report, a capitalised word inside a sentence that no lexicon knows; a symptom, an eponym and a
    # German report stay
    ("History: she fell at home on the stairs.\nComparison: outside films of the elbow, Coedpenmaen.\n\nFindings: no "
     "fracture.", ["Coedpenmaen"], ["outside films of the elbow"]),
    ("History: history of Wheezing, falls and a Langerhans cell histiocytosis as a child.\n\nFindings: no fracture.",
     [], ["Wheezing", "Langerhans cell"]),
    ("Anamnese: Sturz auf Glatteis mit Schonhaltung und Weichteilschwellung.\n\nBefund: Keine Fraktur.", [],
     ["Glatteis", "Schonhaltung", "Weichteilschwellung"]),
])
def test_a_session39_shape_goes(text, leaks, kept):
    check_rules(text, leaks, kept)
