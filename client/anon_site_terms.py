"""Words and phrases a site knows name someone or somewhere here, removed wherever they occur in its reports.

Why: what the anonymizer misses on text nobody here has seen is mostly local (docs/text-quality.md: employers, venues
and clubs named with ordinary words, small places, the hospitals and practices around the site, staff names no list
holds). General lists cannot know them; the hospital does: its staff and referrer roster, its own and its neighbours'
institutions, the towns and streets of its catchment, the big local employers and clubs. A site lists them in the
`[anonymizer]` table of `<site>/fedrad-site.toml`, inline or as files beside it (one per line, `#` comments):

    [anonymizer]
    names = ["Okonkwo-Bello", "Siobhan McAllister"]     # staff, referrers
    names-file = "staff.txt"
    institutions = ["St Vincent's University Hospital"]
    places = ["Ballymena", "Cullybackey", "Galgorm Road"]
    other = ["Kingsway Metals", "Ballymena Rovers"]      # employers, clubs, venues, events

A term matches as whole words in any case, with or without accents or umlauts ('Müller' = 'Mueller' = 'MULLER'), and
across any spaces, hyphens or dots between its words. It never removes a protected eponym or classification in its
clinical context ('Bennett fracture' stays even when a Dr Bennett works here; the name after a title still goes by the
title rules). The terms stay at the site: they are read by the site's own anonymizer and by the PHI gate before an LLM
call, and never written anywhere else.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from fedrad.client.anon_lexicon import fold
from fedrad.common.errors import FedradError

# the table's keys and the placeholder each kind's terms become
TERM_KINDS = {"names": "NAME", "institutions": "INSTITUTION", "places": "ADDRESS", "other": "INSTITUTION"}
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# what may stand between two words of one term ('St. Vincent's', 'Hans-Peter', 'Crown & Anchor')
GAP_RE = re.compile(r"[ \t\-.,&/]{0,3}\Z")
MIN_CHARS = 3  # a one- or two-letter term ('Al', 'Dr') would remove ordinary text everywhere


class SiteTermsError(FedradError, ValueError):
    """The site's [anonymizer] table or a term file it names is unusable; the message names file and key."""


def _key(word: str) -> str:
    """A word's comparison key: lower case without accents or umlauts ('Müller', 'MULLER' -> 'muller'). Not
    anon_lexicon.strip_accents, which drops every letter without an ASCII form ('Øster' -> 'ster', 'Straße' -> 'strae'):
    a site term would then match words it is not."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1 << 16)  # every word of every report is looked up
def _keys(word: str) -> tuple[str, ...]:
    """Both spellings of an umlaut: 'Müller' is also written 'Mueller' (fold), 'Mueller' also 'Muller' (_key)."""
    a, b = _key(word), _key(fold(word))
    return (a,) if a == b else (a, b)


@dataclass
class SiteTerms:
    """Terms by their first word's keys: [(each word's keys, placeholder kind)], longest first."""

    by_first: dict[str, list[tuple[tuple[frozenset[str], ...], str]]] = field(default_factory=dict)
    count: int = 0

    @classmethod
    def from_lists(cls, lists: Mapping[str, Iterable[str]]) -> SiteTerms:
        """{'names': [...], 'places': [...], ...} -> SiteTerms; terms shorter than MIN_CHARS are an error."""
        out = cls()
        for key, terms in lists.items():
            kind = TERM_KINDS[key]
            for term in terms:
                words = WORD_RE.findall(term)
                if sum(len(w) for w in words) < MIN_CHARS:
                    raise SiteTermsError(f"anonymizer term {term!r} ({key}): too short to remove safely; a term needs "
                                         f"{MIN_CHARS} or more letters")
                out.count += 1
                seq = tuple(frozenset(_keys(w)) for w in words)
                for first in seq[0]:
                    out.by_first.setdefault(first, []).append((seq, kind))
        for cands in out.by_first.values():
            cands.sort(key=lambda c: -len(c[0]))
        return out

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) of every term in `text`, left to right, not overlapping."""
        if not self.by_first:
            return []
        toks = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]
        out: list[tuple[int, int, str]] = []
        i = 0
        while i < len(toks):
            s, _e, w = toks[i]
            keys = _keys(w)
            cands = self.by_first.get(keys[0], ()) if len(keys) == 1 else \
                sorted({c for k in keys for c in self.by_first.get(k, ())}, key=lambda c: -len(c[0]))
            hit = None
            for seq, kind in cands:
                n = len(seq)
                if i + n <= len(toks) and all(not seq[k].isdisjoint(_keys(toks[i + k][2])) for k in range(1, n)) \
                        and all(GAP_RE.match(text[toks[i + k - 1][1]:toks[i + k][0]]) for k in range(1, n)):
                    hit = (s, toks[i + n - 1][1], kind, n)
                    break
            if hit:
                out.append(hit[:3])
                i += hit[3]
            else:
                i += 1
        return out


def _read_term_file(path: Path, where: str) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SiteTermsError(f"{where}: cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise SiteTermsError(f"{where}: {path} is not UTF-8 text") from None
    return [t for t in (line.split("#", 1)[0].strip() for line in lines) if t]


def load_site_terms(site: str | os.PathLike) -> SiteTerms | None:
    """The `[anonymizer]` table of <site>/fedrad-site.toml as SiteTerms (None when the site lists none)."""
    from fedrad.common.fileio import read_toml
    from fedrad.common.sitefiles import SITE_CONFIG

    path = Path(site) / SITE_CONFIG
    if not path.is_file():
        return None
    table = read_toml(path, SiteTermsError, "site config").get("anonymizer")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise SiteTermsError(f"{path}: [anonymizer] must be a table (names, institutions, places, other)")
    lists: dict[str, list[str]] = {}
    for key, value in table.items():
        base = key.removesuffix("-file")
        if base not in TERM_KINDS:
            raise SiteTermsError(f"{path}, [anonymizer] {key}: unknown key; use {', '.join(TERM_KINDS)} (a list of "
                                 "terms) or the same with '-file' (a file of terms, one per line)")
        if key.endswith("-file"):
            if not isinstance(value, str):
                raise SiteTermsError(f"{path}, [anonymizer] {key}: must be a file name")
            terms = _read_term_file(path.parent / value, f"{path}, [anonymizer] {key}")
        elif isinstance(value, list) and all(isinstance(t, str) for t in value):
            terms = [t.strip() for t in value if t.strip()]
        else:
            raise SiteTermsError(f"{path}, [anonymizer] {key}: must be a list of strings")
        lists.setdefault(base, []).extend(terms)
    try:
        terms = SiteTerms.from_lists(lists)
    except SiteTermsError as exc:
        raise SiteTermsError(f"{path}, [anonymizer]: {exc}") from None
    return terms if terms.count else None
