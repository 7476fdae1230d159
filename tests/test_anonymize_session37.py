"""Issue 11, session 37: shapes of a name, a date or an id that hide in a header's layout or its characters, each a
class with a closed trigger: a space or hyphen that looks plain but is another code point (a no-break or narrow
no-break space inside a date or a number, a non-breaking hyphen in an id); a name's parts by their field labels
('Surname:', 'Given:', 'Familienname:'); a name's leading particles after a field's colon or in capitals ('Nachname:
von und zu ...', '| AL MANSOURI, KHALID |') and 'von und zu' between two names; an id after a hospital's, a unit's or
a health service's number label with a letter-led group ('Hosp No: RJ4 882 1736'); a date whose day is an ordinal
word ('am dritten März'); sex and age glued ('w67'); a name's initial alone after a personal title ('Mrs B.'); a name
spelt out letter by letter ('M ü l l e r'); and the other way, a header row's
next field label after a name set apart by spaces ('Surname: Mokoena   First names: ...'), which a name cue used to
take as the name's last word. Every example is our own (none taken from an evaluation corpus); on the rules before the
change (aae231f) every removal and every guard marked 'over-redacted before' fails, the other guards pass."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    # a date and a number whose spaces are no-break, narrow no-break or thin spaces; a non-breaking hyphen in an id
    ("Kontrolle am 03.\u202f02.\u202f2026 empfohlen.", ["03.", "02.", "2026"], ["Kontrolle am", "empfohlen"]),
    ("Geb.\u00a012.\u00a004.\u00a01960, Aufnahme heute.", ["12.", "04.", "1960"], ["Aufnahme heute"]),
    ("Versicherten-Nr.\u00a0A\u00a0123\u00a0456\u00a0789 (AOK)", ["123", "456", "789"], ["Versicherten-Nr."]),
    ("Voraufnahme vom 14.\u20095.\u20092025 zum Vergleich.", ["14.", "2025"], ["zum Vergleich"]),
    # a name's parts by their field labels, particles in any case
    ("Surname: van der Berg\nGiven: Pieter\nExam: XR elbow", ["van der Berg", "Berg", "Pieter"], ["Exam: XR elbow"]),
    ("Surname: VAN DER BERG   Given: Pieter", ["VAN DER", "BERG", "Pieter"], ["Surname:", "Given:"]),
    ("Nachname: VON UND ZU LÖWENSTEIN\nBefund: o.B.", ["VON UND ZU", "LÖWENSTEIN"], ["Befund"]),
    ("Nachname: von und zu Löwenstein, Vorname: Jakob", ["von und zu", "Löwenstein", "Jakob"], ["Nachname:"]),
    ("Pat.: Karl-Theodor von und zu Löwenstein, geb. 1971", ["Karl-Theodor", "von und zu", "Löwenstein"],
     ["Pat.:"]),
    ("ACC RAD-26-118742 | AL HASHIMI, OMAR SAEED | MRN 00-417-2281", ["AL HASHIMI", "AL ", "OMAR"], ["| MRN"]),
    # guards: German prepositions and articles in capitals, and an article opening a line, are no particles
    ("ANAMNESE: STURZ VON DER TREPPE AUF DIE LINKE SCHULTER.", [], ["STURZ VON DER TREPPE"]),
    ("Kern altersentsprechend.\nDer Epicondylus ist regelrecht.", [], ["Der Epicondylus"]),
    # a hospital's, a unit's or a health service's number with a letter-led group
    ("Patient: Mr John SMITH   Hosp No: RJ4 882 1736   DOB: 01/02/1960", ["RJ4", "882", "1736", "SMITH"],
     ["Hosp No:", "DOB:"]),
    ("Unit no: AB 123 456 (old number)", ["AB 123", "456"], ["old number"]),
    # the next field's label after a name set apart by spaces stays (over-redacted before)
    ("Surname: Mokoena   First names: Thabo Isaac\nID no.: 750812", ["Mokoena", "Thabo", "Isaac"],
     ["First names:"]),
    ("Name: BAKER   Given name: Rose   Age: 61", ["BAKER", "Rose"], ["Given name:", "Age:"]),
    ("Dictated: Dr A. Okafor   Transcribed: kl 03/02/2026", ["Okafor", "03/02/2026"], ["Transcribed:"]),
    # a day spelled out as an ordinal word before or after its month; a month alone after a noun stays
    ("Anamnese: Sturz am dritten März beim Joggen.", ["dritten März"], ["beim Joggen"]),
    ("History: fell on the twenty-first of June; seen again March third.", ["twenty-first", "June", "third"],
     ["fell on"]),
    # sex and age glued, sex first; guard: a motorway and a vitamin
    ("Pat. w67, Sturz auf die Schulter.", ["67"], ["Sturz auf die Schulter"]),
    ("Hx: (F81) fell at home.", ["81"], ["fell at home"]),
    ("Hx: RTC on the M45 motorway, vitamin d3 deficiency.", [], ["M45 motorway", "vitamin d3"]),
    # a name's initial alone after a personal title
    ("History: Mrs B. fell at home; her son Mr Baker called.", ["B.", "Baker"], ["fell at home"]),
    ("Mrs B. was seen again; Mrs Baker reports pain.", ["B.", "Baker"], ["seen again"]),
    # a name spelt out letter by letter
    ("Name: M ü l l e r, H a n s\nBefund: o.B.", ["M ü l l e r", "H a n s"], ["Befund"]),
    # (after the adversarial tuning sets rp and rq were read) an age in transliterated German, or glued before a pipe;
    # an e-mail written out in German; a date spaced around its slashes; the part of a month before it
    ("Klinische Angaben: 72-jaehrige Pat., Sturz.", ["72"], ["Pat., Sturz"]),
    ("Patientin: Eva Beispiel | 91j | PID 55120", ["91"], ["Patientin"]),
    ("Befund besprochen. Rückfragen bitte an befunde [ät] mvz-am-see punkt de.", ["befunde [", "mvz-am-see"],
     ["Rückfragen bitte an"]),
    ("XR L ELBOW | 14 / 02 / 26 | Hosp No. 123456", ["14 / 02", "/ 26"], ["XR L ELBOW"]),
    ("Voraufnahme: Ende Mai 2023 (extern), unverändert.", ["Ende", "Mai", "2023"], ["unverändert"]),
    # a clinical word as a surname closing a bracket after a title; staff named by role and initial in lower case
    ("Z.n. Fraktur (extern versorgt, Dr. Hand). Kontrolle.", ["Dr. Hand"], ["Kontrolle"]),
    ("hx: fell at netball. cc: physio j. walkden (hand therapy)", ["walkden"], ["hand therapy"]),
    # a postcode's town on a line typed in lower case
    ("klin. angaben: sturz auf dem hof der familie (hof 4, 84489 burghausen). starke schmerzen, fehlstellung.",
     ["84489", "burghausen"], ["starke schmerzen"]),
    # guard: the next field's label before its value stays after a name with a particle
    ("Patient: Ó SÚILLEABHÁIN, Cathal Pádraig    DOB 03/11/2008 (17Y)\nMRN: K0418", ["SÚILLEABHÁIN", "Cathal"],
     ["DOB"]),
])
def test_a_session37_shape_goes(text, leaks, kept):
    check_rules(text, leaks, kept)


def test_lookalike_spaces_and_hyphens_are_plain_ones():
    """The anonymizer's input form (anon_lexicon.normalize, also what it returns) has one space and one hyphen: every
    pattern is written with ' ' and '-', and a reader sees no difference."""
    from fedrad.client.anon_lexicon import normalize

    assert normalize("03.\u202f02.\u20092026\u00a0| Fall\u20112026\u2010RX\u3000x") == "03. 02. 2026 | Fall-2026-RX x"
    assert normalize("Mu\u0308l\u200bler") == "Müller"  # NFC and invisible characters, as before


def test_a_column_name_that_is_a_device_word_leaves_the_device():
    """The referrer column 'HOOK^DAVID' removes Mr Hook wherever he is named, but not the clavicle's hook plate: an
    ordinary word right before a device or finding word (eponym_context.txt) is the device's (session 37, from the
    adversarial set rs; our own example). Before the change the plate lost its name."""
    from fedrad.client.anon_engine import default_anonymizer

    out = default_anonymizer()("Referrer: Mr D. Hook (Orthopaedics)\nFindings: Hook plate in situ. Discussed with "
                               "Hook at 5pm.", {"referring_physician": "HOOK^DAVID"})
    assert "Hook plate in situ" in out and "Mr D. Hook" not in out and "with Hook" not in out, out


@pytest.mark.parametrize("text,leaks,kept", [
    # a clinical word as a surname before a given name only the wide name lists hold; guards: a body part and a town
    ("Name: PAIN, Desmond   H&C No: 123456", ["PAIN", "Desmond"], ["Name:"]),
    ("Pat.: Schmerz, Lorcan\nBefund: o.B.", ["Schmerz", "Lorcan"], ["Befund"]),
    ("Einsender: Notaufnahme, München Klinik Schwabing", [], ["Notaufnahme"]),
])
def test_a_surname_that_is_a_clinical_word_before_its_given_name(text, leaks, kept):
    check_rules(text, leaks, kept)


@pytest.mark.parametrize("text,leaks,kept", [
    # (from the adversarial sets rr and rs, read after their scoring) a phone number after 'Rückruf unter'; guard: a
    # clock time after 'phone at'
    ("Vater informiert. Rückruf unter 0 71 31 / 6 62 - 48.\nBefund: o.B.", ["71 31", "6 62", "48"], ["Befund"]),
    ("Findings discussed by phone at 1420 with the ward.", [], ["phone at 1420"]),
    # a Medicaid number with a trailing letter after '#:'; a name hyphenated at a line's end
    ("Medicaid #: KX4 881 209 R\nClinical: fall.", ["KX4", "881 209", " R\n"], ["Clinical: fall"]),
    ("Klinische Angaben: Mutter Fr. Win-\nter berichtet über Schonhaltung.", ["Win-", "ter berichtet"],
     ["berichtet über Schonhaltung"]),
])
def test_a_session37_rr_rs_shape_goes(text, leaks, kept):
    check_rules(text, leaks, kept)
