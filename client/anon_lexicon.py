"""The anonymizer's data: word lists (client/data/*.txt) and the Unicode folding every match uses.

Why a module of its own: the lists are data a site may extend or replace (Anonymizer(data_dir=...)),
the engine (client/anon_engine.py) only reads them, and the PHI check (client/phi_check.py)
needs the same folding without importing the site pipeline (client/anonymize.py).
"""

from __future__ import annotations

import functools
import gzip
import itertools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from fedrad.common.errors import FedradError

DATA_DIR = Path(__file__).with_name("data")
# Every list the rules read and the learned layer's weights. Each is optional to the code that reads it (a
# missing list reads as empty), so a broken install (package data stripped, a truncated copy) would anonymize
# with fewer names, places and ordinary words and leak silently: Anonymizer() refuses instead and `fedrad doctor
# --role site` reports it, both through data_problems().
DATA_FILES = ("safe_words.txt", "not_names.txt", "name_words.txt", "first_names.txt", "surnames.txt", "eponyms.txt",
              "eponym_context.txt", "implants.txt", "institution_words.txt", "service_words.txt",
              "institution_cues.txt", "place_parts.txt", "philter_names.txt.gz", "places.txt.gz",
              "place_phrases.txt.gz", "common_words.txt.gz", "places_context.txt.gz", "proper_words.txt.gz",
              "german_nouns.txt.gz", "regions.txt", "acronyms.txt")
MODEL_DATA_FILE = "anon_token_model.tsv.gz"  # the learned layer's weights (client/anon_model.py reads it)


DATA_FIX = ("reinstall fedrad (pip install --force-reinstall fedrad) or restore the folder: anonymizing without these "
            "lists would leave names and places in the text")


class AnonymizerDataError(FedradError):
    """The anonymizer's word lists are missing or empty: anonymizing without them would leak."""


def data_problems(data_dir: Path = DATA_DIR, token_model: bool = True) -> list[str]:
    """What is wrong with the anonymizer's data folder (missing or empty files); [] when complete."""
    out = []
    for name in DATA_FILES + ((MODEL_DATA_FILE,) if token_model else ()):
        f = Path(data_dir) / name
        if not f.is_file():
            out.append(f"{name} is missing")
        elif f.stat().st_size == 0:
            out.append(f"{name} is empty")
    return out


def _read_words_gz(path: Path) -> frozenset:
    """The whitespace-separated words of a gzip word list (stored already folded)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return frozenset(fh.read().split())


def _read_lines_gz(path: Path) -> frozenset:
    """The non-empty lines of a gzip list (stored already folded): entries of several words."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip())


def read_list(name: str, data_dir: Path = DATA_DIR, stop_at: str | None = None) -> list[str]:
    """The entries of a word list, one per line, without comments and blank lines; with `stop_at`, only those
    before the first line that starts with it (a list in parts: regions.txt's places before its languages)."""
    lines = (data_dir / name).read_text(encoding="utf-8").splitlines()
    if stop_at is not None:
        lines = list(itertools.takewhile(lambda line: not line.startswith(stop_at), lines))
    return [s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#")]


@functools.lru_cache(maxsize=1 << 16)
def fold(s: str) -> str:
    """ASCII-fold German spellings so 'Müller', 'Mueller', 'MUELLER' compare equal."""
    s = s.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("é", "e"), ("è", "e"), ("á", "a"),
                 ("à", "a"), ("ó", "o"), ("í", "i"), ("ç", "c"), ("ñ", "n"), ("’", "'")):
        s = s.replace(a, b)
    return s


def spelling_variants(token: str) -> set[str]:
    """'Müller' -> {Müller, Mueller, Muller}; 'Mueller' -> also 'Müller'."""
    out = {token}
    t = token
    for a, b, c in (("ä", "ae", "a"), ("ö", "oe", "o"), ("ü", "ue", "u"), ("Ä", "Ae", "A"), ("Ö", "Oe", "O"),
                    ("Ü", "Ue", "U"), ("ß", "ss", "s")):
        out |= {v.replace(a, b) for v in list(out)} | {v.replace(a, c) for v in list(out)}
    for b, a in (("ae", "ä"), ("oe", "ö"), ("ue", "ü"), ("Ae", "Ä"), ("Oe", "Ö"), ("Ue", "Ü")):
        if b in t:
            out.add(t.replace(b, a))
    return out


@functools.lru_cache(maxsize=1 << 16)
def strip_accents(s: str) -> str:
    """'Müller' -> 'muller' (a second folding: exports often drop the umlaut without the 'e')."""
    return unicodedata.normalize("NFKD", s.lower()).encode("ascii", "ignore").decode("ascii")



# Characters that change nothing a reader sees but split a word for a matcher ('Mül\u200bler'); and spaces and hyphens
# that look like the plain ones but are other code points (a no-break or narrow no-break space inside a date, '03.\u202f
# 02.\u202f2026', or a non-breaking hyphen in an id): a pattern written with ' ' and '-' would not see them (session 37)
CHAR_MAP = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)
CHAR_MAP.update(dict.fromkeys(map(ord, "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                                        "\u200a\u202f\u205f\u3000"), " "))
CHAR_MAP.update(dict.fromkeys(map(ord, "\u2010\u2011"), "-"))
# an en dash or a minus sign between two letters or digits is a hyphen to a reader ('26\u2013NICU\u201300318',
# 'K7Q\u201355120'; session 38); a spaced one (' \u2013 ') separates and stays
DASH_IN_WORD_RE = re.compile("(?<=[^\\W_])[\u2013\u2212](?=[^\\W_])")


def normalize(text: str) -> str:
    """NFC (a decomposed 'u' + combining diaeresis becomes 'ü') without invisible characters, with one space and one
    hyphen (also for an en dash inside a word or number).

    The anonymizer works on (and returns) this form, so a name, a date or an id cannot hide from the lists and patterns
    by its encoding; none of it changes what a reader reads.
    """
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text.translate(CHAR_MAP))
    return DASH_IN_WORD_RE.sub("-", text) if "\u2013" in text or "\u2212" in text else text


def lower_same_length(text: str) -> str:
    """Lower case with the same length (offsets map back): 'İ' lowers to 'i̇' (two code points)
    in Python, which would shift every offset after it; here it becomes 'i'."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower()[:1] or c for c in text)


WORDS_RE = re.compile(r"[a-zà-öø-ÿß]{2,}")


def _template_words() -> set[str]:
    """Every word of the shipped region templates and rule lexicons (common/regions/*.toml):
    the clinical vocabulary the labeler needs must never be redacted in an identifier zone."""
    import tomllib

    from fedrad.common import templates

    out: set[str] = set()

    def walk(v) -> None:
        if isinstance(v, str):
            out.update(WORDS_RE.findall(re.sub(r"\[[^\]]*\]|\\.", " ", v.lower())))
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    for f in sorted(Path(templates.__file__).with_name("regions").glob("*.toml")):
        with open(f, "rb") as fh:
            walk(tomllib.load(fh))
    return out


def _stamp(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError:
        return (-1, -1)
    return (st.st_size, st.st_mtime_ns)


_LOADED: dict[tuple, Lexicon] = {}  # Lexicon.load's cache


@dataclass(frozen=True)
class Lexicon:
    """The word sets the engine reads (all folded with `fold`)."""

    safe: frozenset  # never an identifier: zones keep these
    names: frozenset  # name-shaped words that are no English word (Philter's name lists minus its dictionary)
    places: frozenset = frozenset()  # towns and cities (GeoNames, >= 500 inhabitants) that are no common EN/DE word
    common: frozenset = frozenset()  # ordinary EN/DE words (wordfreq Zipf >= 3; bench/build_common_words.py)
    # places named by two to five words ('des moines', 'frankfurt am main'; GeoNames, >= 10,000 inhabitants;
    # bench/build_place_phrases.py), each word folded, joined by one space
    place_phrases: frozenset = frozenset()
    # towns whose name is also an ordinary word ('Essen', 'Freiburg', 'Zürich'): places only where a word stands as
    # a place (bench/build_context_places.py)
    context_places: frozenset = frozenset()
    # `common` minus the words a dictionary knows only as names ('Cuxhaven', 'Usedom', 'Aztec'; proper_words.txt.gz,
    # bench/build_proper_words.py): what the history rules keep as an ordinary word
    ordinary: frozenset = frozenset()
    # every form of every plain German noun of Wiktionary (german_nouns.txt.gz): a compound's parts
    nouns: frozenset = frozenset()

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> Lexicon:
        """The lists of `data_dir`, read once per process while their files stay the same (keyed by each file's
        size and mtime): every Anonymizer built in a process shares them (the noun list alone is ~25 MB)."""
        d = Path(data_dir)
        key = (str(d.resolve()), tuple((n, *_stamp(d / n)) for n in DATA_FILES))
        got = _LOADED.get(key)
        if got is None:
            got = _LOADED[key] = cls._read(d)
        return got

    @classmethod
    def _read(cls, data_dir: Path) -> Lexicon:
        safe = {fold(w) for line in read_list("safe_words.txt", data_dir) for w in line.split()}
        for extra in ("not_names.txt", "eponym_context.txt", "implants.txt"):
            safe |= {fold(w) for line in read_list(extra, data_dir) for w in line.split()}
        safe |= {fold(w) for w in _template_words()}
        names = _read_words_gz(data_dir / "philter_names.txt.gz")  # stored lower-case ASCII-folded
        places = _read_words_gz(data_dir / "places.txt.gz")  # stored lower-case, folded
        common = _read_words_gz(data_dir / "common_words.txt.gz")  # stored folded
        phrases = _read_lines_gz(data_dir / "place_phrases.txt.gz")  # stored folded
        context = _read_words_gz(data_dir / "places_context.txt.gz")  # stored folded
        proper = _read_words_gz(data_dir / "proper_words.txt.gz")  # stored folded
        nouns = _read_words_gz(data_dir / "german_nouns.txt.gz")  # stored folded
        return cls(frozenset(safe), frozenset(names - safe), frozenset(places - safe), common, phrases,
                   frozenset(context - safe), frozenset(common - proper), nouns)
