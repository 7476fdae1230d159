"""Issue 11, session 21: emergency services, ranks, units, feast days and town shapes that stayed.

The misses of session 20's held-out set (now tune/ef ... tune/em) were mostly a service's generic word beside a
removed place ('Bergwacht ...', 'Polizeirevier ...', 'THW-Ortsverband ...'), a rank before a surname, a German unit
compound, a genitive club noun, a carnival day, and town shapes ('X-les-Y', 'X (River)'). Every example is our own
(none taken from an evaluation corpus); each removal assertion fails on the rules before this change (ad89e54),
except the cases marked as guards; the kept words guard against the over-redaction each new rule could cause."""

from __future__ import annotations

import pytest
from fedrad.client.anon_engine import Anonymizer

RULES = Anonymizer(token_model=False)  # the rules alone: the learned layer must not be what passes these


@pytest.mark.parametrize("text,leaks,kept", [
    # a service's generic word goes with the name after it; alone it names no one
    ("Anamnese: Bergung durch die Bergwacht Garmisch, Sturz auf Geröll.", ["Bergwacht", "Garmisch"], ["Geröll"]),
    ("Anamnese: Beamtin, Polizeirevier Lörrach-Süd; Sturz mit dem Dienstrad.", ["Polizeirevier", "Lörrach"],
     ["Dienstrad"]),
    ("Angaben: Helfer im THW-Ortsverband Bad Aibling, Sturz von der Leiter.", ["Ortsverband", "Aibling"], ["Leiter"]),
    ("Klinik: Feuerwehrmann, Feuer- und Rettungswache 7 (Ehrenfeld), Sturz.", ["Rettungswache", "Ehrenfeld"],
     ["Sturz"]),
    ("Anamnese: Die Feuerwehr kam, die Bergwacht wurde alarmiert. Sturz.", [], ["Feuerwehr", "Bergwacht"]),  # a guard
    # a service named before its word keeps that name in the span (a guard: other rules found it before)
    ("History: volunteer with the Talkeetna Fire Department, fell from the engine.", ["Talkeetna", "Department"],
     ["engine"]),
    # a rank before a surname, and not before a comma
    ("Anamnese: Polizeiobermeisterin Engel, Sturz bei einer Festnahme.", ["Engel"], ["Festnahme"]),
    ("Reposition durch den Kollegen Fuchs an der Einsatzstelle.", ["Fuchs"], ["Einsatzstelle"]),
    ("Clinical: 24 y/o Cpl, FOOSH during field exercise.", [], ["FOOSH"]),  # a guard
    # a German unit by its compound and number
    ("Angaben: Obergefreiter, 3./Jägerbataillon 292, Sturz beim Marsch.", ["Jägerbataillon", "292"], ["Marsch"]),
    # a genitive club noun; a suspended compound's first part
    ("Anamnese: Sturz vom Steg des Rudervereins Tegelort, Prellung.", ["Tegelort", "Rudervereins"], ["Steg"]),
    ("Anamnese: Sturz beim Reiten (Reit- und Fahrverein Seeshaupt e.V.).", ["Reit-", "Seeshaupt"], ["Reiten"]),
    # a feast day pins a date
    ("Anamnese: An Weiberfastnacht gestürzt, seit Rosenmontag Schmerzen.", ["Weiberfastnacht", "Rosenmontag"],
     ["Schmerzen"]),
    ("HISTORY: ON EXERCISE SINCE OCT 14TH, STRUCK BY A HATCH.", ["14TH"], ["STRUCK"]),
    # town shapes
    ("Wohnhaft in Bouxières-aux-Dames, Arbeit in der Stadt.", ["Bouxières", "-aux-", "Dames"], ["Stadt"]),
    ("Wohnort: Frankfurt (Oder). Sturz in Beugung (Flexion), Fraktur (Typ B).", ["Frankfurt", "Oder"],
     ["Beugung", "Flexion", "Typ"]),
    ("Clinical: skiing at Mt. Snow, fell on pole.", ["Snow"], ["pole"]),
    ("Anamnese: seit 3 Mt. Schmerzen am Daumen.", [], ["Schmerzen"]),  # a guard: 'Mt.' after a number is months
    # a mine, a quarry, a seaside resort
    ("Anamnese: ehem. Hauer auf Zeche Zollern Zwei, später Urlaub im Ostseebad Zingst.", ["Zollern", "Zingst"],
     ["Hauer"]),
])
def test_a_service_rank_unit_day_or_town_goes(text, leaks, kept):
    out = RULES(text)
    assert all(w not in out for w in leaks), out
    assert all(w in out for w in kept), out


@pytest.mark.parametrize("text,kept", [
    ("Anamnese: Sturz beim Reiten, Schmerzen.", "Reiten"),
    ("Anamnese: Sturz zur Wache, dann beim Marsch umgeknickt.", "Marsch"),
    ("Klinik: Humerusfraktur rechts, Reposition in Oberst Leitungsanästhesie.", "Oberst"),
    ("Anamnese: damals in der Türkei (Konya) behandelt.", "Türkei"),
])
def test_german_nouns_eponyms_and_countries_beside_the_new_rules_stay(text, kept):
    assert kept in RULES(text)


@pytest.mark.parametrize("text,leak", [
    ("Clinical details: 58 yr old scaffolder, fell from a ladder.", " old "),
    ("Clinical: term baby, 5 hours old, shoulder dystocia at delivery.", "hours old"),
])
def test_an_age_takes_its_old(text, leak):
    assert leak not in RULES(text)


def test_a_listed_place_after_a_comma_on_a_lower_case_line_goes():
    out = RULES("hx: fell at netball practice for the junior school, lampeter. pain ++ l clavicle, no deformity.")
    assert "lampeter" not in out and "deformity" in out and "clavicle" in out
