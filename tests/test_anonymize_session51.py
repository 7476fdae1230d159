"""Issue 11, session 51: shapes read from this session's tuning data (session 50's held-out sets xsi-xsp and xsq, xsr,
read after their unread scoring, and this session's rounds): a web address whose scheme is typed in capitals ('REPORT
ACCESSIBLE AT HTTPS://PORTAL...'), a double name whose second part opens with a particle ('DR ADEBAYO-VAN DER BERG;'),
a German firm typed in lower case ('bei steiner transporte') or named by a factory or house ('Papierfabrik <name>',
'Geburtshaus <name>'), a shop of a chain ('days at the Co-op'), a gymnastics club ('des TV <town>'), a day and month
after 'born', a typist's initials after the date ('Transcribed 22/08/2026 by M.K.'); and what removal took that names no
one: the clinical words of a history line above the first heading that a date closes ('Z.n. Zuggurtungsosteosynthese (2
Kirschnerdrähte, ...) ..., OP 21.3.'), a view named after someone joined to a standard view by a word ('a.p. und
Zanca vom <date>'), a Caesarean section ('per Sectio').
Every example is our own (none taken from an evaluation corpus); on the rules before the change (e0fa99e) every shape
case and every kept-word case but the guards fail; the guards pass on both."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    # a web address with its scheme in capitals, in an all-caps footer
    ("FINDINGS: NO ACUTE FRACTURE.\nIMPRESSION: NORMAL RIGHT CLAVICLE.\n"
     "REPORT ONLINE AT HTTPS://RESULTS.WESTFIELDTELERAD.CO.UK/CASE/WTR-5520-1187",
     ["WESTFIELDTELERAD", "WTR-5520-1187", "HTTPS://"], ["REPORT ONLINE AT"]),
    # a double name whose second part opens with a particle
    ("PATIENT: SMITH, JANE\n\nFINDINGS: NORMAL.\n\nFINDINGS PHONED TO DR OKORO AT 18:31 ON 28/03/26 BY DR "
     "MENSAH-VAN DER BERG; READ BACK CONFIRMED.", ["MENSAH", "BERG"], ["READ BACK CONFIRMED."]),
    # a German firm in lower case, its owner's name before the trade, and after it
    ("Klinische Angaben: Sturz von der Laderampe. Arbeitet als Fahrer bei wallner transporte, vorher bei der "
     "spedition gruber.\nBefund: Keine Fraktur.", ["wallner", "gruber"], ["Sturz von der Laderampe", "vorher bei der"]),
    # a gymnastics club by its letters and its town
    ("Anamnese: Sturz beim Training des TV Oberkirchberg am Barren.\nBefund: Keine Fraktur.", ["Oberkirchberg"],
     ["Sturz beim Training des"]),
    # a day and month after 'born'
    ("Indication: Born 14.03 at the birth unit after shoulder dystocia.\nFindings: No fracture.", ["14.03"],
     ["Indication: Born", "at the birth unit"]),
    # a typist's initials after the date of transcription
    ("Findings: No fracture.\nDictated by the reporting radiologist.\nTranscribed 22/08/2026 by R.T.",
     ["R.T.", "22/08/2026"], ["Findings: No fracture."]),
    # a German firm or house by its compound and a name no list holds
    ("Angaben: Spontangeburt im Geburtshaus Lindenmatt. Vater Schichtführer in der Papierfabrik Obermoos.\n"
     "Befund: Keine Fraktur.", ["Lindenmatt", "Obermoos"], ["Spontangeburt im", "in der"]),
    # a shop of a chain
    ("History: works evenings at the pub, days at the Co-op, slipped in the cool room.\nFindings: No fracture.",
     ["Co-op"], ["days at the", "slipped in the cool room"]),
    ("hx: works at the woolies, jammed thumb in a trolley.\nfindings: no fracture.", ["woolies"],
     ["jammed thumb in a trolley"]),
    # a reader's initials after an em dash closing the report
    ("Findings: No fracture. Soft tissues NAD. — KW", ["KW"], ["Soft tissues NAD."]),
])
def test_a_session51_shape_goes(text: str, leaks: list[str], kept: list[str]) -> None:
    check_rules(text, leaks, kept)


@pytest.mark.parametrize("text,kept", [
    # a history line above the first heading, closed by a date: its clinical words stay, a keep string with them
    ("Pat.-Nr. 0077123 | Brunner, Alois | 1958-04-12\nEllbogen links ap + seitl., Verlaufskontrolle 8 Wo. postop.\n"
     "Z.n. Zuggurtungsosteosynthese (2 Kirschnerdrähte, Drahtcerclage) bei Olekranonfraktur nach Sturz, OP 14.2.\n"
     "Befund: Material regelrecht, keine Lockerung.",
     ["Z.n. Zuggurtungsosteosynthese (2 Kirschnerdrähte, Drahtcerclage) bei Olekranonfraktur nach Sturz"]),
    # a view named after someone joined to a standard view by 'und'
    ("Radiologie Musterstadt\nRöntgen Schultereckgelenk rechts a.p. und Zanca vom 03.02.2026\nPat.: Huber, Anna\n"
     "Befund: Keine Fraktur.", ["a.p. und Zanca vom"]),
    # a Caesarean section
    ("Indikation: geboren per Sectio, Schonhaltung des Armes.\nBefund: Keine Fraktur.", ["geboren per Sectio"]),
    # guards: 'TV' before ordinary words; trades without a name beside them
    ("History: fell while watching TV Sunday night.\nFindings: No fracture.", ["watching TV Sunday night"]),
    ("Anamnese: arbeitet in der logistik, zuständig für transporte im lager.\nBefund: Keine Fraktur.",
     ["arbeitet in der logistik, zuständig für transporte im lager."]),
    ("Anamnese: Im Elternhaus Treppe heruntergefallen.\nBefund: Keine Fraktur.", ["Im Elternhaus Treppe"]),
    ("History: IgA nephropathy, on dialysis.\nFindings: No fracture.", ["IgA nephropathy"]),
])
def test_a_session51_word_stays(text: str, kept: list[str]) -> None:
    check_rules(text, [], kept)
