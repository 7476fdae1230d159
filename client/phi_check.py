"""A second, more suspicious look at anonymized text: what may still be PHI.

It is the gate before any text goes to an LLM endpoint (`phi_check(text) == []` means
"may be sent") and the operator's to-do list after `fedrad anonymize`. It deliberately flags
more than the anonymizer replaces (any listed name outside eponym context, 5-digit numbers,
a title followed by a word), because a false alarm costs a look while a miss leaks.

The suspects file stays on site but is kept minimal: study_id, type, rule, offsets, and a
masked snippet (first letter and length of the suspect, a little surrounding text that is in
anonymized.csv anyway), so it is not itself a list of patient names.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from fedrad.client.anon_engine import (
    AGE_RE,
    CAP_TOKEN_RE,
    DATE_RE,
    EMAIL_RE,
    PHONE_RE,
    Anonymizer,
    _find_literals,
    default_anonymizer,
    fold,
    parse_date,
    split_person,
    strip_accents,
)
from fedrad.client.identifier_columns import identifier_kind
from fedrad.common.fileio import atomic_open

SUSPECT_COLUMNS = ("study_id", "type", "rule", "start", "end", "snippet")
TITLE_WORD_RE = re.compile(r"(?<![\w])(?:Dr|Prof|Herr|Herrn|Frau|Hr|Fr|Mr|Mrs|Ms|OA|OÄ)\.?[ \t]+"
                           r"(?:med\.[ \t]+)?(?P<w>[A-ZÀ-ÖØ-Þ][\w'\-]+)")
# Digit runs (IDs, phone numbers) without decimal points: '786.59' (ICD-9) and '16.2/24.7' are not IDs.
DIGITS_RE = re.compile(r"(?<![\w.])\d[\d \-/]{3,}\d(?![\w]|\.\d)")
RANGE_RE = re.compile(r"\d{1,4}[ \t]*-[ \t]*\d{1,4}")  # '120 - 130' (a range of values)


@dataclass(frozen=True)
class Suspect:
    type: str  # NAME, DATE, ID, PHONE, EMAIL, AGE, IDENTIFIER
    start: int
    end: int
    rule: str
    value: str  # the suspect text itself: for in-memory use only; files get masked_snippet()

    def masked_snippet(self, text: str, context: int = 20) -> str:
        v = self.value
        masked = (v[0] + "*" * (len(v) - 1)) if v else ""
        left = text[max(0, self.start - context):self.start]
        right = text[self.end:self.end + context]
        return " ".join(f"{left}<{masked}>{right}".split())


_FOLD_TABLE = {c: (strip_accents(chr(c)) or chr(c).lower())[:1] for c in range(0xC0, 0x180)}


def _fold_same_length(s: str) -> str:
    """Lower case without accents, same length as `s` (so offsets map back); 'MÜLLER' -> 'muller'."""
    low = s.lower()
    return low.translate(_FOLD_TABLE) if len(low) == len(s) else s.lower()


def _identifier_values(identifiers: Mapping[str, str]) -> list[tuple[str, str]]:
    """(kind, value) strings of a row that must not survive: name tokens, IDs, dates in common forms."""
    out: list[tuple[str, str]] = []
    for col, value in identifiers.items():
        value = str(value or "").strip()
        if not value:
            continue
        kind = identifier_kind(col)
        if kind in ("ignore", "age"):
            continue
        if kind == "name":
            given, family = split_person(value)
            out += [("NAME", w) for w in given + family if len(w.strip(".")) >= 3]
        elif kind == "date":
            d = parse_date(value)
            out.append(("DATE", value))
            if d:
                out += [("DATE", f"{d.day:02d}.{d.month:02d}.{d.year}"), ("DATE", d.isoformat()),
                        ("DATE", f"{d.month:02d}/{d.day:02d}/{d.year}")]
        elif len(value) >= 4:
            out.append(("ID", value))
    return out


def phi_check(text: str, identifiers: Mapping[str, str] | None = None, *,
              anonymizer: Anonymizer | None = None) -> list[Suspect]:
    """Residual PHI suspects in already-anonymized `text`, in text order (empty list: nothing found).

    `identifiers`: the row's identifier columns, if known; their values (folded spelling) are
    looked for verbatim. Stable signature: the LLM labeler calls `phi_check(text)` as a gate.
    """
    a = anonymizer or default_anonymizer()
    out: list[Suspect] = []
    protected = a.protected_spans(text)

    def in_protected(s: int, e: int) -> bool:
        return any(s < pe and ps < e for ps, pe in protected)

    for m in CAP_TOKEN_RE.finditer(text):
        w = m.group()
        if w.endswith("."):
            continue
        f = fold(w)
        if f in a.not_names or f in a.name_words:
            continue
        if (f in a.surnames or f in a.first_names or f in a.eponyms) and not in_protected(m.start(), m.end()):
            out.append(Suspect("NAME", m.start(), m.end(), "name-list", w))
    for m in TITLE_WORD_RE.finditer(text):
        if fold(m.group("w")) not in a.not_names:
            out.append(Suspect("NAME", m.start("w"), m.end("w"), "title", m.group("w")))
    for m in EMAIL_RE.finditer(text):
        out.append(Suspect("EMAIL", m.start(), m.end(), "email", m.group()))
    for m in DATE_RE.finditer(text):
        out.append(Suspect("DATE", m.start(), m.end(), "date", m.group()))
    for m in PHONE_RE.finditer(text):
        out.append(Suspect("PHONE", m.start(), m.end(), "phone", m.group()))
    for m in DIGITS_RE.finditer(text):
        if sum(c.isdigit() for c in m.group()) >= 5 and not RANGE_RE.fullmatch(m.group()):
            out.append(Suspect("ID", m.start(), m.end(), "digits", m.group()))
    for m in AGE_RE.finditer(text):
        g = "a" if m.group("a") else "b"
        if int(m.group(g)) > 89:
            out.append(Suspect("AGE", m.start(g), m.end(g), "age", m.group(g)))
    if a.site_terms is not None:  # the site's own names, places and institutions (client/anon_site_terms.py)
        for st, en, _kind in a.site_terms.spans(text):
            if not in_protected(st, en):
                out.append(Suspect("IDENTIFIER", st, en, "site-term", text[st:en]))
    if identifiers:
        folded = _fold_same_length(text)
        for kind, value in _identifier_values(identifiers):
            for st, en in _find_literals(text, (_fold_same_length(value),), folded):
                if kind == "NAME" and in_protected(st, en):
                    continue
                out.append(Suspect("IDENTIFIER", st, en, f"identifier-{kind.lower()}", text[st:en]))
    # one suspect per span (the most specific type first)
    out.sort(key=lambda s: (s.start, -s.end))
    dedup: list[Suspect] = []
    for s in out:
        if dedup and s.start < dedup[-1].end:
            if s.type == "IDENTIFIER" and dedup[-1].type != "IDENTIFIER":
                dedup[-1] = s  # a known value beats a pattern guess
            continue
        dedup.append(s)
    return dedup


def write_suspects(path: str | os.PathLike, rows: Iterable[tuple[str, Suspect]],
                   texts: Mapping[str, str] | None = None) -> None:
    """`<work>/phi-suspects.csv`: study_id, type, rule, offsets and a masked snippet (see module doc)."""
    with atomic_open(path, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(SUSPECT_COLUMNS)
        for sid, s in rows:
            text = (texts or {}).get(sid)
            snippet = s.masked_snippet(text) if text is not None else (s.value[:1] + "*" * (len(s.value) - 1))
            w.writerow([sid, s.type, s.rule, s.start, s.end, snippet])
