"""Issue 11: every leak class of the independent review, each from our own examples (none taken
from any evaluation corpus); each assertion fails on the anonymizer before the recall-first work."""

from __future__ import annotations

import pytest
from fedrad.client.anon_engine import Anonymizer

A = Anonymizer()


def anon(text, ids=None):
    return A.anonymize(text, ids).text


def gone(out, *words):
    return all(w not in out for w in words)


def test_institution_in_header_line():
    out = anon("Bergland Radiologie Zentrum Oberwiesen\nBefund: Keine Fraktur.")
    assert gone(out, "Bergland", "Oberwiesen") and "Keine Fraktur" in out


def test_surname_given_with_unlisted_given_name_after_cue():
    out = anon("Patient: Drobnjak, Velimira   DOB: 02/03/1961\nFindings: No fracture.")
    assert gone(out, "Drobnjak", "Velimira") and "No fracture" in out


@pytest.mark.parametrize("name", ["Okonjo-Farrant", "van der Wielen", "de Boissieu", "zu Rantzau-Helms"])
def test_hyphenated_and_particle_names(name):
    out = anon(f"Referring: Dr. Tamsin {name}\nImpression: Normal elbow.")
    for w in name.split():
        if w not in ("van", "der", "de", "zu"):
            assert w not in out, out
    assert "Normal elbow" in out


def test_pipe_and_all_caps_header():
    out = anon("ACC 88213 | HALVORSEN, BIRGITTA | 07-MAR-1948 | XR ELBOW\nFINDINGS: NO FRACTURE.")
    assert gone(out, "88213", "HALVORSEN", "BIRGITTA", "07-MAR-1948", "MAR") and "NO FRACTURE" in out


def test_baby_of():
    out = anon("Baby of Quyen PHAM, 2 days old. Clavicle: callus.")
    assert gone(out, "Quyen", "PHAM", "2 days")


@pytest.mark.parametrize("ident", ["ZR4-55817", "MX26-440913", "HOSP/2024/55120", "QT9918273"])
def test_alphanumeric_ids(ident):
    out = anon(f"Hosp no {ident}. Elbow normal.")
    assert ident not in out and "Elbow normal" in out


@pytest.mark.parametrize("date", ["21-SEP-1952", "3 Okt 1977", "21.9.", "11/63", "Sept 21st"])
def test_month_abbreviations_and_partial_dates(date):
    out = anon(f"Voraufnahme vom {date} zum Vergleich. Keine Fraktur.")
    assert date not in out and "[DATE]" in out


@pytest.mark.parametrize("age", ["91M", "62F", "47Y/F", "5yo", "9y", "13 J.", "71-jährig", "(84)"])
def test_ages_any_value(age):
    out = anon(f"Pat. Ottokar Brems {age}, Sturz auf den Ellenbogen.")
    assert age.strip("()") not in out, out


def test_age_after_sex_marker():
    out = anon("Pat. (w, 58) Schmerzen Daumen.")
    assert "58" not in out


def test_street_and_town_in_header():
    out = anon("Praxis Dr. Ilse Vorndamme · Lindenhofweg 12 · 79539 Haltingen-Süd\nBefund: o.B.")
    assert gone(out, "Lindenhofweg", "Haltingen", "Vorndamme")


@pytest.mark.parametrize("mail", ["kontakt(at)roentgen-teltow.de", "r.ibsen [at] fjordclinic dot no"])
def test_obfuscated_emails(mail):
    out = anon(f"Rückfragen: {mail}\nBefund: Keine Fraktur.")
    assert mail not in out and "fjordclinic" not in out and "teltow" not in out


def test_split_and_masked_ssn():
    out = anon("SSN: 512 88\n4410\nFindings: Normal thumb.")
    assert "4410" not in out and "512" not in out
    assert "4410" not in anon("SSN ***-**-4410. Normal.")


def test_lowercase_names_in_identifier_zone():
    out = anon("pat.: ingeborg wallraff, geb. 1.2.1950\nbefund: keine fraktur.")
    assert gone(out, "ingeborg", "wallraff") and "keine fraktur" in out


def test_name_with_no_cue_from_wide_lists():
    out = anon("Findings: Nguyen reports pain after the fall. Mild swelling.")
    assert "Nguyen" not in out and "Mild swelling" in out


def test_vietnamese_name_in_header():
    out = anon("Name: TRUONG THI BICH NGOC   MRN 4471201\nFindings: no fracture.")
    assert gone(out, "TRUONG", "BICH", "NGOC")


def test_decomposed_umlaut_and_zero_width_space():
    ids = {"patient_name": "Bürgelin, Hedda"}
    out = anon("Frau Bu\u0308rgelin klagt. Bür\u200bgelin, Hedda.", ids)
    assert "rgelin" not in out


def test_dotted_capital_i_does_not_switch_off_matching():
    ids = {"patient_id": "PX-77120", "patient_name": "İlkay Demirtaş"}
    out = anon("İLKAY DEMİRTAŞ, PX-77120. Befund: keine Fraktur. Kontrolle PX-77120.", ids)
    assert "77120" not in out and "Befund: keine Fraktur" in out


def test_place_before_date_in_footer():
    out = anon("Befund: Keine Fraktur.\nHolzminden, 03.02.2024 Dr. Maren Stolte")
    assert gone(out, "Holzminden", "Maren", "Stolte")


def test_study_id_values_in_text():
    out = anon("Comparison with study QZ-20931 of last year. No change.", {"study_id": "QZ-20931"})
    assert "QZ-20931" not in out


EPONYM_TEXT = ("Bennett fracture; Rolando fracture excluded. Monteggia lesion. Mason type II. Rockwood III, "
               "Tossy III. Salter-Harris II. Essex-Lopresti injury. Herbert screw in situ. Seymour fracture.")


def test_eponyms_and_classifications_survive_in_a_zone_and_in_prose():
    out = anon(f"Dr. Ruben Skoglund | {EPONYM_TEXT}\nImpression: {EPONYM_TEXT}")
    for ep in ("Bennett", "Rolando", "Monteggia", "Mason", "Rockwood", "Tossy", "Salter-Harris", "Essex-Lopresti",
               "Herbert screw", "Seymour"):
        assert out.count(ep) == 2, (ep, out)
    assert "Skoglund" not in out


def test_clinical_body_text_is_not_redacted():
    text = ("FINDINGS: There is a nondisplaced fracture of the radial head. The elbow joint is congruent. "
            "Soft tissues are unremarkable.\nIMPRESSION: Radial head fracture.")
    assert anon(text) == text


# -- institution spans, extensions, typed zone placeholders, prose (second round; own examples) --------


@pytest.mark.parametrize("line,words", [
    ("cc: Dr P. Okafor, Ridgeback Family Practice", ["Ridgeback", "Family", "Practice"]),
    ("TELERADIOLOGIE NORDHANG GMBH | Befund", ["NORDHANG", "GMBH"]),
    ("Praxis für Radiologie Dr. Brunnthaler & Partner", ["Praxis", "Radiologie", "Brunnthaler"]),
    ("QUARRY HILL MEDICAL CENTER, Dept. of Radiology", ["QUARRY", "MEDICAL", "CENTER"]),
    ("LKH KALTENBRUNN-ORT – Röntgen", ["KALTENBRUNN"]),
    ("Referred by: The Wrenfield Surgery", ["The", "Wrenfield", "Surgery"]),
])
def test_institution_span_in_a_zone_goes_whole(line, words):
    out = anon(line + "\nFindings: No fracture.")
    assert all(w not in out for w in words), out
    assert "[INSTITUTION]" in out and "No fracture" in out


def test_institution_words_alone_or_in_prose_stay():
    text = "Findings: Department of Radiology review requested after decompression surgery. Medical history: none."
    assert anon(text) == text


def test_phone_extension_after_a_cue():
    out = anon("Tel. 0316 4471-0 · Fax -27\nBefund: unauffällig.")
    assert "-27" not in out and out.count("[PHONE]") == 2


def test_zone_keeps_the_specific_placeholder_types():
    out = anon("Wohnhaft A-1090 Wien, Tel. 0043 1 40400-12345.")
    assert out == "Wohnhaft [ADDRESS], Tel. [PHONE]."
    out = anon("Address: 12 Larchmere Road, Dunford, MA 01844.")
    assert out == "Address: [ADDRESS]."  # an address line goes whole, as one address (branch anon9)


def test_durations_are_no_ages_but_ages_are():
    text = "Pain for 7 years. Fracture 2 years ago. Smoker x 10 yrs. Seit 3 Wochen Schmerzen."
    assert anon(text) == text
    assert anon("60y male, Female, 35 years, 4-jährig.") == "[AGE] male, Female, [AGE], [AGE]."


def test_prose_after_a_patient_cue_keeps_ordinary_words():
    for text in ("INDICATION: The patient states pain after falling on the arm.",
                 "Indikation: Pat. klagt über Schmerzen, Schulter nicht miterfasst."):
        assert anon(text) == text
    out = anon("history pt: jorinde van aalst-brook fell off bike")
    assert all(w not in out for w in ("jorinde", "aalst")) and "fell off bike" in out, out


# ---- session 4: classes left on the second hand-written corpus (own examples) ---------------------
@pytest.mark.parametrize("text,town", [
    ("Anamnese: Skitour Ischgl, Sturz auf die Schulter.\nBefund: Keine Fraktur.", "Ischgl"),
    ("Clinical details: fell while hiking near Grindelwald. Findings: no fracture.", "Grindelwald"),
    ("Fragestellung: Rodelunfall in Sölden. Befund: Klavikula intakt.", "Sölden"),
])
def test_town_in_prose(text, town):
    out = anon(text)
    assert town not in out and ("Fraktur" in out or "fracture" in out or "intakt" in out), out


@pytest.mark.parametrize("text,age", [
    ("HISTORY: 9yoF fell from a trampoline. FINDINGS: No fracture.", "9yoF"),
    ("befund vom heute, pat. [NAME], 47a, rö ellbogen: kein erguss", "47a"),
    ("Clinical details: Mrs Halvorsen, 33, fell off a ladder. Findings: No fracture.", "33"),
])
def test_ages_glued_to_sex_austrian_and_after_a_name(text, age):
    out = anon(text)
    assert age not in out.replace("[AGE]", ""), out


@pytest.mark.parametrize("line,words", [
    ("St. Brigid's Teaching Hospital, Ennistymon - Department of Radiology", ["Brigid", "Ennistymon"]),
    ("Reported at: Our Lady of Mercy Hospital, Kilrush", ["Our", "Lady", "Mercy", "Kilrush"]),
    ("Requested by: Dr P. Nakamura, RG Women's and Infants' Hospital", ["RG", "Women's", "Nakamura"]),
])
def test_institution_words_before_an_institution_go_with_it(line, words):
    out = anon(line + "\nFindings: No fracture.")
    assert all(w not in out for w in words) and "No fracture" in out, out


@pytest.mark.parametrize("text,eponym", [
    ("Z.n. Arthrodese nach Hauptmann-Ostrowski am Daumen. Befund: Keine Lockerung.", "Hauptmann-Ostrowski"),
    ("Beurteilung: Sklerose der medialen Klavikula, DD Morbus Friedrich.", "Morbus Friedrich"),
    ("History: tendon transfer (technique according to Brunelli), no fracture.", "Brunelli"),
])
def test_unlisted_eponym_in_an_eponym_slot_survives(text, eponym):
    assert eponym in anon(text)


# -- round 5 (tune/e,f as tuning data): each example our own, none from a corpus --------------------------

@pytest.mark.parametrize("text, gone_words", [
    ("Name: Baby Ortwin   DOB: 14.01.2026   4 days\nBefund: Keine Fraktur.", ["4 days"]),
    ("Patient: Irmela Sandvoss   Age: 5 years 7 months   Sex: F\nFindings: No fracture.", ["5 years", "7 months"]),
    ("Patient: Irmela Sandvoss   Age: 9 weeks\nFindings: No fracture.", ["9 weeks"]),
])
def test_neonatal_and_child_ages_on_a_header_line(text, gone_words):
    out = anon(text)
    assert gone(out, *gone_words), out
    assert "Age" in out or "DOB" in out  # the field label is no identifier and stays


def test_age_field_label_stays():
    out = anon("Patient: Ruadh Kinsella   Age: 47   Sex: M\nFindings: No fracture.")
    assert "47" not in out and "Age:" in out


def test_long_academic_title_chain():
    out = anon("Befund: Keine Fraktur.\n\ngez. Prof. Dr. rer. nat. Dr. med. habil. Sieglinde Obermoser")
    assert gone(out, "Sieglinde", "Obermoser"), out


@pytest.mark.parametrize("line, secret", [
    ("Versicherten-Nr. K47*****31 Sturz vom Rad", "K47*****31"),
    ("Hosp No: T*****5521   Sex: F", "5521"),
])
def test_masked_ids_with_asterisks(line, secret):
    out = anon(line + "\nBefund: Keine Fraktur.")
    assert secret not in out, out


@pytest.mark.parametrize("line, parts", [
    ("Harbourside Imaging, 14 Quay Lane, Penzance TR18 4QP", ["TR18", "4QP"]),
    ("Lakeview Clinic, Sudbury ON P3E 5J1", ["P3E", "5J1"]),
    ("Radiologie Centrum, Keizersgracht 12, 1015 CS Amsterdam", ["1015 CS"]),
])
def test_postcodes_of_uk_canada_netherlands(line, parts):
    out = anon(line + "\nFindings: No fracture.")
    assert gone(out, *parts), out


def test_letter_digit_prefix_split_from_its_number():
    out = anon("Name: Oksana Pelt   MRN: Q31 0045219   DOB: 03.03.2026\nFindings: No fracture.")
    assert gone(out, "Q31", "0045219"), out


@pytest.mark.parametrize("line, secret", [("Station Kinder 3, Bett 12", "12"), ("Ward: Surg-4   Bed 9", "Surg-4")])
def test_ward_and_bed(line, secret):
    out = anon("Patient: Lorin Vasquez-Taub\n" + line + "\nFindings: No fracture.")
    assert secret not in out, out


@pytest.mark.parametrize("tail, initials", [("No fracture. -QZ", "QZ"), ("No fracture.\n\nQZ/lm", "QZ")])
def test_initials_alone_at_the_end(tail, initials):
    out = anon("Findings: " + tail)
    assert initials not in out and "No fracture" in out, out


def test_transcriptionist_initials_are_no_medical_acronym():
    out = anon("Findings: No fracture. Normal alignment.\n\nImpression: Normal study. NAD")
    assert "NAD" in out or "[NAME]" not in out


@pytest.mark.parametrize("line, words", [
    ("Westbrook Regional Hospital, New Carrowmore", ["Carrowmore", "New"]),
    ("Ordinationszentrum Pfarrwiesen, Haidbach bei Tullnerfeld", ["Haidbach", "bei", "Tullnerfeld"]),
])
def test_multi_word_towns_on_a_header_line(line, words):
    out = anon(line + "\nBefund: Keine Fraktur.")
    assert gone(out, *words), out


@pytest.mark.parametrize("line, words", [
    ("KOORALBYN CREEK BASE HOSPITAL - MEDICAL IMAGING", ["KOORALBYN", "BASE"]),
    ("Radiologie Wendelstein & Kollegen · Tel. 0941 22 33 44", ["Wendelstein", "Kollegen"]),
])
def test_institution_with_ordinary_capitalised_words(line, words):
    out = anon(line + "\nBefund: Keine Fraktur.")
    assert gone(out, *words), out


@pytest.mark.parametrize("line, dept", [
    ("Department of Radiology, Marrowgate Hospital", "Department of Radiology"),
    ("Institut für Diagnostische und Interventionelle Radiologie, Klinikum Talbrunn",
     "Institut für Diagnostische und Interventionelle Radiologie"),
])
def test_department_segment_of_an_institution_stays(line, dept):
    out = anon(line + "\nBefund: Keine Fraktur.")
    assert dept in out and "Marrowgate" not in out and "Talbrunn" not in out, out


@pytest.mark.parametrize("text, eponym", [
    ("Röntgen Daumen in 2 Ebenen sowie Hartwig-Aufnahme. Befund: Keine Fraktur.", "Hartwig"),
    ("Z.n. Reposition und K-Draht-Osteosynthese. Befund: regelrecht.", "K-Draht"),
    ("Z.n. Transfixation (Ellerbrock) einer Fraktur. Befund: regelrecht.", "Ellerbrock"),
    ("XR Clavicle Right (AP + Tennant)\nFindings: No fracture.", "Tennant"),
    ("EXAM: XR CLAVICLE 2 VIEWS incl. Lindqvist view\nFindings: No fracture.", "Lindqvist"),
])
def test_view_and_device_eponyms_survive(text, eponym):
    assert eponym in anon(text)


# -- institution-type words of practices and clinics (round 5; own examples) ----------------------------------


@pytest.mark.parametrize("line,words", [
    ("Referred by Dr Okafor, Brinkley Orthopaedics and Spine, 12 Elm Road", ["Brinkley", "Orthopaedics", "Spine"]),
    ("cc: Tarrowby Sports Orthopedics", ["Tarrowby", "Sports", "Orthopedics"]),
    ("Überweisung: Handchirurgie Wendelsee", ["Handchirurgie", "Wendelsee"]),
])
def test_practice_and_clinic_type_words_take_the_name_whole(line, words):
    out = anon(line + "\nFindings: No fracture.")
    assert all(w not in out for w in words), out
    assert "[INSTITUTION]" in out and "No fracture" in out


def test_practice_type_words_alone_stay():
    text = ("XR LEFT SHOULDER (X-RAY, 2 VIEWS)\nFindings: Sports injury. No fracture of the spine of the scapula. "
            "Röntgen unauffällig.")
    assert anon(text) == text


def test_institution_in_the_footer_line_goes_whole():
    out = anon("Findings: No fracture.\nImpression: Normal clavicle.\n"
               "This report has been produced by Brantwick Teleradiology Ltd (registered in England).")
    assert gone(out, "Brantwick", "Teleradiology") and "[INSTITUTION]" in out and "No fracture" in out, out


def test_cue_words_in_a_last_impression_line_stay():
    text = ("XR LEFT CLAVICLE\nFindings: No fracture.\nImpression: Normal clavicle. Orthopaedics Review if pain "
            "persists.\nBeurteilung: Sports-Verletzung ohne Fraktur, Physiotherapie Empfohlen.")
    assert anon(text) == text
