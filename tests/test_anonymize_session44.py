"""Issue 11, session 44: shapes read from this session's tuning data (session 43's sealed sets after their scoring at
the session's start; the adversarial tuning round yc, yd): a place after a preposition in an all-caps history section
with no accident word ('HX: CUT ON GLASS AT THE FAIR IN <TOWN>'), a German street named by an adjective in capitals
('CYCLIST V CAR, <TOWN>ER STRASSE'), a hospital's letters after a locative on an all-caps line ('TRANSFER TO <X>H'),
a club by an adjective no list knows and its letters as one institution ('gegen <Town>er SC'), a history typed in
lower case after a heading, an age or a sentence in normal case ('ELBOW Hx: tackled ... at <venue> sat.', 'Hx: 29F.
slipped ... in <town> last night'), a hospital joined by hyphens in
capitals ('(<NAME>-<NAME>-KLINIK)'), the other end of a way between two places ('zwischen <Town> und <Town>'), and a
place by its kind typed in lower case ('off <name> point', '<name> beach end', 'past the <name> aqueduct'), a venue,
school or home by a German head ('im getränkemarkt <name>', 'vom brg <town>', 'im pflegeheim haus <name>') or an
English one ('at <name> primary', '(<name> medical imaging)'). Every
example is our own (none taken from an evaluation corpus); on the rules before the change (bdf1040) every removal
fails and the guards pass, but for 'in spica', a word those rules removed."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    ("EXAM: XR THUMB RIGHT 2V\nHX: CUT ON BROKEN GLASS AT THE KIRMES IN OBERWALDROD. ?FB ?FX\n\nFINDINGS: NO FRACTURE.",
     ["OBERWALDROD"], ["CUT ON BROKEN GLASS AT THE KIRMES IN", "?FB ?FX"]),
    ("HISTORY: CYCLIST V BUS, HOLTINGER STRASSE. PAIN MID CLAVICLE.\n\nFINDINGS: NO FRACTURE.", ["HOLTINGER"],
     ["PAIN MID CLAVICLE"]),
    ("IMPRESSION: DISPLACED FRACTURE. RECOMMEND ORTHOPAEDIC REVIEW / TRANSFER TO QVH.", ["QVH"],
     ["RECOMMEND ORTHOPAEDIC REVIEW / TRANSFER TO"]),
    ("XR L ELBOW Hx: tackled playing rugby at brynhafod sat. pain lat elbow, ?# NAD.\n\nFindings: No fracture.",
     ["brynhafod"], ["tackled playing rugby at", "pain lat elbow"]),
    ("BEURTEILUNG: KEINE FRAKTUR. GGF. VORSTELLUNG IN DER HOLLWEG-KESSMANN-KLINIK.", ["HOLLWEG", "KESSMANN"],
     ["KEINE FRAKTUR"]),
    ("Anamnese: Sturz mit dem Fahrrad auf dem Radweg zwischen Kammerbach und Ilmenau, Druckschmerz.\n\nBefund: "
     "Keine Fraktur.", ["Kammerbach", "Ilmenau"], ["Sturz mit dem Fahrrad auf dem Radweg zwischen", "Druckschmerz"]),
    # a sentence typed in lower case after an age or beside one in normal case
    ("Clinical details: 41M cyclist, came off on the lane between hollowmead and sedgecombe this am, landed on L "
     "shoulder.\n\nFindings: No fracture.", ["hollowmead", "sedgecombe"], ["came off on the lane between",
                                                                           "landed on L shoulder"]),
    ("Hx: 33F. slipped on the wet steps by the market cross in lowgarth last night, thumb bent back. ?UCL. Ref Dr "
     "Amberley.\n\nFindings: No fracture.", ["lowgarth", "Amberley"],
     ["slipped on the wet steps by the market cross in", "thumb bent back"]),
    # a German venue, school or home by its head in lower case
    ("Anamnese: Beim Heben von Kästen an der Kasse im getränkemarkt kellerholz in Amberg gestürzt.\n\nBefund: Keine "
     "Fraktur.", ["kellerholz", "Amberg"], ["an der Kasse im", "gestürzt"]),
    ("Fragestellung: Distorsion beim Handballtraining in der turnhalle vom brg feldrach, V.a. Fraktur?",
     ["feldrach"], ["Distorsion beim Handballtraining in der turnhalle vom", "V.a. Fraktur?"]),
    ("Klinische Angaben: Sturz, Lehrerin an der hak oberwaldrod, möchte wieder unterrichten.\n\nBefund: Keine "
     "Fraktur.", ["oberwaldrod"], ["Lehrerin an der", "möchte wieder unterrichten"]),
    # a practice by its listed town in a line typed in normal case
    ("Hx: jammed R thumb in the crush gate yesterday. Sent in by hawker surgery. Wants to know if he can ride.\n\n"
     "Findings: No fracture.", ["hawker"], ["jammed R thumb in the crush gate", "Wants to know if he can ride"]),
    # an English school or imaging practice by its head after a word that names it
    ("Hx: 8F, fell off the monkey bars at mcalinden primary at lunch, mum says landed on it.\n\nFindings: No "
     "fracture.", ["mcalinden"], ["fell off the monkey bars at", "at lunch"]),
    ("COMPARISON: Left hand 2024 (quarrybank medical imaging).\nFINDINGS: No fracture.", ["quarrybank"],
     ["FINDINGS: No fracture"]),
    # a place by its kind typed in lower case in a line typed in normal case: a point, a beach, an aqueduct, a dam
    ("History: Surfing, wiped out on the reef off tarakohe point. Landed on the R shoulder.\n\nFindings: No fracture.",
     ["tarakohe"], ["wiped out on the reef off", "Landed on the R shoulder"]),
    ("Hx: Fell off the swings at the playground, ohakune beach end, on a school trip. ?supracondylar\n\nFindings: "
     "No fracture.", ["ohakune"], ["Fell off the swings at the playground", "on a school trip"]),
    ("Clinical details: Came off his bike on the towpath past the keerholme aqueduct last night, landed on the L "
     "shoulder.\n\nFindings: No fracture.", ["keerholme"], ["Came off his bike on the towpath past the", "last night"]),
])
def test_a_session44_shape_goes(text, leaks, kept):
    check_rules(text, leaks, kept)


def test_a_club_by_an_unlisted_adjective_goes_whole_as_a_club():
    """'gegen Ottbergener SC': an adjective no list knows before a club's letters is the club's name, one institution
    (before, a place and a name, when the word model happened to take them)."""
    check_rules("Klinische Angaben: Sturz beim Punktspiel gegen Ottbergener SC am Vortag.\n\nBefund: Keine Fraktur.",
                ["Ottbergener"], ["Sturz beim Punktspiel gegen [INSTITUTION] am Vortag"])


def test_a_head_after_a_new_head_still_opens_its_name():
    """'im pflegeheim haus <name>': 'pflegeheim' became a head this session; the name after it is 'haus <name>', whose
    own head the search must still try (a guard: the rules before the change found it, the first draft of the change
    did not)."""
    check_rules("Anamnese: sturz im pflegeheim haus lindenmoos, am boden gefunden. schmerzen ellbogen re.",
                ["lindenmoos"], ["sturz im pflegeheim", "am boden gefunden"])


@pytest.mark.parametrize("text,kept", [
    # a thumb pinched between two things: neither end is a place
    ("Anamnese: Daumen beim Abladen zwischen Palette und Hubwagen eingeklemmt.\n\nBefund: Keine Fraktur.",
     ["zwischen Palette und Hubwagen eingeklemmt"]),
    # a clinical word after 'in' in a lower-case history, a possessive of a kin word, and a bone after 'at'
    ("Hx: post closed reduction L thumb proximal phalanx fx, check alignment in spica.\n\nFindings: Healing.",
     ["check alignment in spica"]),
    ("Clinical: fell off trampoline at cousin's place, swollen R elbow.\n\nFindings: No fracture.",
     ["at cousin's place"]),
    ("Indication: pain at xiphoid after a fall.\n\nFindings: No fracture.", ["pain at xiphoid"]),
    # an all-caps line's ward letters and a joint's adjective before SC stay
    ("HISTORY: FELL. TRANSFERRED TO NICU FOR OBSERVATION.\n\nFINDINGS: NO FRACTURE.", ["TRANSFERRED TO NICU"]),
    ("Befund: Linker SC-Gelenkspalt unauffällig, Linker SC regelrecht.", ["Linker SC regelrecht"]),
    # clinical words in a sentence typed in lower case
    ("Findings: 3 mm radiodense fragment. further faint density in the subcut tissues, and swelling of the bursa "
     "over the olecranon.", ["in the subcut tissues", "swelling of the bursa"]),
    ("Findings: the patient is in good general condition. pain in good general.", ["in good general condition",
                                                                                   "in good general."]),
    # a German 'falls' (if) after a noun is no waterfall; a court named by its sport stays a court
    ("übergabe: bitte kontrolle nach gips falls schmerzen.", ["nach gips falls schmerzen"]),
    # the words of a German comparison line that the labeler's cues hold ('liegen ... nicht vor', 'im Liegen')
    ("Voraufnahmen: Schulter li. vom 03.02.2025 (Praxis Dr. Holtkamp, Bielefeld) liegen nicht vor.\nUntersuchung: "
     "Klavikula re., a.p. im Liegen", ["liegen nicht vor", "a.p. im Liegen"]),
])
def test_a_session44_word_stays(text, kept):
    check_rules(text, [], kept)
