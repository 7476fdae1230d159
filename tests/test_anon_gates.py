"""The anonymizer's speed gates never change what it finds.

For speed, `Anonymizer.find` scans some patterns only on the lines of a report that hold a digit
(`_digit_line_matches`), ADDRESS_RE on the whole text only when one of ADDRESS_WORDS occurs in it, and
DIGITLESS_STREET_RE and CLUB_RE only when one of their words does. Each shortcut is exact only while every match of a
gated pattern holds what its gate looks for (a digit on the same line; a street word): a rule change that breaks
that would silently lose identifiers. Here every gated call is checked against the full scan it replaces, on
hand-written reports and on digitless address shapes of many countries, so a broken gate fails the suite instead
of waiting for a bench run on the corpora (session 9 review).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fedrad.client import anon_engine
from fedrad.client.anon_engine import ADDRESS_RE, ADDRESS_WORDS, Anonymizer

ROOT = Path(__file__).resolve().parents[1]

# Addresses and street-like phrases without a digit, on lines without one (the gates' blind spot), in prose and headers
DIGITLESS = [
    "Patient lives on Mill Street near the river.\nNo fracture.",
    "Address: Rose Lane, Hillsborough\nFindings: normal elbow.",
    "Wohnhaft Hauptstraße, Neustadt an der Weinstraße. Kein Frakturnachweis.",
    "Sturz auf dem Fahrradweg an der Lindenallee.\nBeurteilung: unauffällig.",
    "Fell outside the bakery on Teheran-ro, Gangnam-gu, Seoul.\nImpression: no acute fracture.",
    "Domicilio: Calle Mayor s/n, Villanueva\nSin fractura.",
    "Rua das Flores, Porto. Avenida da Liberdade.\nNo dislocation.",
    "ul. Marszałkowska, Warszawa; Váci utca, Budapest\nNAD",
    "Injured at the sports ground, Boulevard Saint-Michel, Paris.\nMild soft tissue swelling.",
    "REFERRER: KINGSWAY ROAD SURGERY\nADDRESS: CASTLE LANE, BATH\nNO FRACTURE.",
    "Unfallort: Baustelle Am Ring, Firma Bau GmbH\nKeine Fraktur.",
    "Hx: plays for Hapoel Beer Sheva, fell at training with Greystones Athletic.\nNAD",
    "Anamnese: Arbeitsunfall in der Zimmerei Oberhuber; Hx: works for Doyle Brothers Roofing, lives at Elm Lodge "
    "care home.\nNAD",
    "Hx: Kreisliga (SV Zinnowitz), playing for the Woodend Wildcats; Kantonsschule Wil, Ysgol Glan y Môr, "
    "Mooroopna Primary School.\nNAD",
    "Hx: fell in March, seit Jänner Schmerzen, compared to Feber films.\nNAD",
]


def _texts(n_tune: int = 400) -> list[str]:
    texts = list(DIGITLESS)
    files = sorted((ROOT / "bench" / "corpora" / "tune").glob("*/*.jsonl"))
    reports = [json.loads(line)["report"] for f in files for line in f.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    step = max(1, len(reports) // n_tune)
    return texts + reports[::step]


@pytest.fixture
def checked(monkeypatch):
    """Every _digit_line_matches call compared with the full scan it replaces; returns {(pattern, lower): calls}."""
    seen: dict[tuple, int] = {}
    original = Anonymizer._digit_line_matches

    def check(self, rx, text, s):
        got = original(self, rx, text, s)
        want = [m.span() for m in rx.finditer(s)]
        assert [m.span() for m in got] == want, (rx.pattern[:80], text[:200])
        key = (rx, s is not text)
        seen[key] = seen.get(key, 0) + 1
        return got

    monkeypatch.setattr(Anonymizer, "_digit_line_matches", check)
    return seen


def _check_texts(texts: list[str], seen: dict) -> None:
    a = Anonymizer()
    for text in texts:
        a.find(text)
        if not any(w in text for w in ADDRESS_WORDS):  # the ADDRESS_RE gate: no street word, no digitless match
            assert all(any(ch.isdigit() for ch in m.group()) for m in ADDRESS_RE.finditer(text)), text[:200]
        if not any(h in anon_engine._lower(text) for h in anon_engine.DIGITLESS_STREET_HINTS):  # the street-word gate
            assert anon_engine.DIGITLESS_STREET_RE.search(text) is None, text[:200]
        if not any(h in text for h in anon_engine.CLUB_HINTS):  # the club-word gate
            assert anon_engine.CLUB_RE.search(text) is None, text[:200]
        if not any(h in text for h in anon_engine.BUSINESS_HINTS):  # the business-word gate (session 11)
            assert anon_engine.BUSINESS_RE.search(text) is None, text[:200]
        if not any(h in text for h in anon_engine.VENUE_HINTS):  # the venue-word gate (session 13)
            assert anon_engine.VENUE_RE.search(text) is None, text[:200]
        if not anon_engine.MONTH_HINT_RE.search(anon_engine._lower(text)):  # the month-word gate (session 12)
            assert anon_engine.MONTH_WORD_RE.search(text) is None, text[:200]
        if not any(w in text for w in anon_engine.TEAM_WORDS):  # the team-nickname gate
            assert anon_engine.TEAM_RE.search(text) is None, text[:200]
        if not anon_engine.TEAM_TAG_HINT_RE.search(text):  # the age-tag gate (session 14)
            assert anon_engine.TEAM_TAG_RE.search(text) is None, text[:200]
        if not any(h in anon_engine._lower(text) for h in anon_engine.SCHOOL_HINTS):  # the school-word gate
            assert anon_engine.SCHOOL_RE.search(text) is None, text[:200]
    # a report without any digit skips the gated patterns altogether (`if digit`): none may match it
    for text in (t for t in texts if not any(ch.isdigit() for ch in t)):
        for rx, lower in seen:
            if (rx is ADDRESS_RE and any(w in text for w in ADDRESS_WORDS)) or (
                    rx is anon_engine.FOREIGN_STREET_RE and "s/n" in anon_engine._lower(text)):
                continue  # scanned whole in such a report (find's other gates)
            assert rx.search(anon_engine._lower(text) if lower else text) is None, (rx.pattern[:80], text[:200])


def test_gated_scans_equal_full_scans(checked):
    texts = _texts()
    _check_texts(texts, checked)
    assert len(texts) > 300 and len(checked) >= 10 and sum(checked.values()) > 5 * len(texts)  # the gates ran


@pytest.mark.parametrize("digits", [True, False])
def test_a_digitless_pattern_breaks_the_check(monkeypatch, checked, digits):
    """The check above can fail: a gated pattern that matches words without a digit is caught, on a report with a
    digit elsewhere (the line gate) and on one without any (the report gate)."""
    monkeypatch.setattr(anon_engine, "POSTCODE_RE", __import__("re").compile(r"Mill Street"))
    texts = _texts(50)
    if digits:
        texts.append(DIGITLESS[0] + "\nDOB 12.03.1970")
    with pytest.raises(AssertionError):
        _check_texts(texts, checked)
