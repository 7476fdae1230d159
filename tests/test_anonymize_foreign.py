"""Issue 11, the weak kinds of the held-out pair s,t: streets and address lines in other languages, ages and
record numbers in Romance/Czech shapes, ward codes, institutions named in Italian, Spanish, Portuguese, Czech,
German accident insurers, foreign titles, eponyms in foreign or hyphenated phrases, and a header that ends at
its first paragraph of prose. Every example is our own (none taken from an evaluation corpus); each assertion
fails on the rules before this change (main at 4eccccc)."""

from __future__ import annotations

import pytest
from fedrad.client.anon_engine import Anonymizer

RULES = Anonymizer(token_model=False)  # the rules alone: the learned layer must not be what passes these
FULL = Anonymizer()


@pytest.mark.parametrize("text,leaks", [
    ("Ambulatorio Lucchesi · Via dei Tintori 31, Lucca\nGomito sinistro: nessuna frattura.", ["Via", "Tintori"]),
    ("Residencia: Calle de la Sierpe Alta 8, Granada\nCodo derecho sin fractura.", ["Calle", "Sierpe", "Alta"]),
    ("Klinikas adrese: Vaļņu iela 44, Rīga\nNo fracture.", ["iela", "Vaļņu"]),
])
def test_an_address_line_goes_whole(text, leaks):
    out = RULES(text)
    assert not [w for w in leaks if w in out], out


@pytest.mark.parametrize("text,leak", [
    ("Paciente: Ortiz Paredes, Inés. Edat: 61. Colze dret.", "61"),
    ("Utente 771 204 389, Joana Prates Lima, 43 anos. RX cotovelo.", "43"),
    ("Utente 771 204 389, Joana Prates Lima, 43 anos. RX cotovelo.", "204"),
    ("Cod. fisc. BNDMRA80A41H501U | età 45 | gomito dx", "45"),
    ("ACC 88123 | HOLM, WIEBKE | m | 57 | Unfall 03.05.2026", "57"),
])
def test_ages_and_numbers_in_other_languages(text, leak):
    out = RULES(text)
    assert leak not in out, out


@pytest.mark.parametrize("text,leaks", [
    ("Aufnahme über Station Kinderchirurgie 3, Bett 5. Klavikula intakt.", ["Kinderchirurgie"]),
    ("Verlegt: Station Neonatologie, Inkubator 2. Klavikula intakt.", ["Neonatologie", "Inkubator"]),
    ("Station 4 (Unfallchirurgie), Bett 11. Ellenbogen o.B.", ["Unfallchirurgie"]),
])
def test_ward_strings_go_whole(text, leaks):
    out = RULES(text)
    assert not [w for w in leaks if w in out], out


@pytest.mark.parametrize("text,leaks", [
    ("Fakultní nemocnice Dolní Lhota, Radiodiagnostické oddělení\nLoket bez fraktury.", ["Dolní", "Lhota"]),
    ("Report for Kestrel Plains Pastoral Services. Thumb normal.", ["Kestrel", "Pastoral", "Services"]),
])
def test_institutions_go_with_their_ordinary_words(text, leaks):
    out = RULES(text)
    assert not [w for w in leaks if w in out], out


@pytest.mark.parametrize("text,name", [
    ("Refertato da Dott.ssa Chiara Pellicano\nGomito regolare.", "Pellicano"),
    ("Refertato da Dott.ssa Ilaria Fontecedro\nGomito regolare.", "Fontecedro"),
])
def test_foreign_titles_stay_and_the_name_goes(text, name):
    out = FULL(text)
    assert name not in out, out
    assert "Dott.ssa" in out, out


@pytest.mark.parametrize("text,kept", [
    ("Clavicle hook plate (Wolter-type) in place, no loosening.", "Wolter-type"),
    ("Thumb base after trapeziectomy with suspension arthroplasty (Weilby-Thompson), no subsidence.",
     "Weilby-Thompson"),
    ("Impression: displaced midshaft clavicle fracture (Robinson 2B1). Orthopaedic referral.", "Robinson 2B1"),
    ("Patient: Anna Gruber\nAC joint stress views with weights (Zanca), widening of the joint.", "Zanca"),
])
def test_eponyms_in_foreign_and_hyphenated_phrases_stay(text, kept):
    out = FULL(text)
    assert kept in out, out


def test_a_header_ends_at_its_first_paragraph_of_prose():
    """No section heading at all: the paragraph of findings is no header line whose every unknown word goes."""
    text = ("OSPEDALE SAN VIGILIO - RADIOLOGIA\nPaziente: TESSARI MIRKO nato il 02/02/1990\n"
            "REFERTO DEFINITIVO (04/03/2026): Agree with the displaced fracture of the clavicle. "
            "There is approximately one shaft width of overlap. Small butterfly fragment superiorly.\n")
    out = FULL(text)
    assert "approximately one shaft width of overlap" in out and "butterfly fragment superiorly" in out, out
    assert "TESSARI" not in out and "VIGILIO" not in out, out
