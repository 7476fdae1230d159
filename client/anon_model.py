"""A learned recall layer for the anonymizer: a logistic-regression token classifier.

Why: the rules (client/anon_engine.py) close the gaps of the corpora they were tuned on, and each new
author opens new ones (an institution acronym, a place word between two removed names, a legal footer).
This layer scores every word the rules left standing from GENERAL evidence only — its shape and case,
its neighbours' shapes and whether the rules removed them, the line's layout (header, footer, field
label, pipes, all caps, position), the identifier zone it sits in, and membership in the shipped word
lists — never the word itself unless it is an ordinary (safe-listed) word. A word scored above the
threshold goes too. Weights are a small data file (`data/anon_token_model.tsv.gz`, feature<TAB>weight),
trained by bench/anon_token_model.py on the hand-written tuning corpora, whose leave-one-corpus-out run
is the only honest figure for it (docs/text-quality.md). Plain dict look-ups: no numpy at a site, no new dependency.

Eponyms and clinical words protected by the rules are never scored, so the layer cannot remove them; nor
is an ordinary lower-case word on a line that uses case (only an all-lower-case line leaves case silent).
"""

from __future__ import annotations

import functools
import gzip
import math
import re
from itertools import repeat
from pathlib import Path

from fedrad.client.anon_lexicon import DATA_DIR, MODEL_DATA_FILE
from fedrad.client.anon_lexicon import fold as _fold_uncached

fold = functools.lru_cache(maxsize=1 << 16)(_fold_uncached)  # a report repeats its words

MODEL_FILE = MODEL_DATA_FILE  # named in anon_lexicon, whose data check requires it
TOKEN_RE = re.compile(r"[^\W_](?:[^\W_]|['’])*(?:-[^\W_](?:[^\W_]|['’])*)*")
DIGIT_RE = re.compile(r"\d")


@functools.lru_cache(maxsize=1 << 16)  # a report repeats its words, and so do reports
def shape(w: str) -> str:
    """'Müller' -> 'Xx', 'KUTRRH' -> 'X', 'ab12' -> 'xd', 'O'Neil' -> 'X'Xx': runs of char classes."""
    out = []
    for c in w:
        k = "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out)[:6]


def _len_bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3" if n == 3 else "4-5" if n <= 5 else "6-8" if n <= 8 else "9+"


class TokenModel:
    """Weights by feature name; `prob(features)` is the logistic of their sum (unknown features weigh 0)."""

    def __init__(self, weights: dict[str, float]):
        self.weights = weights
        self.bias = weights.get("bias", 0.0)

    @classmethod
    def load(cls, path: Path | None = None) -> TokenModel | None:
        path = path or DATA_DIR / MODEL_FILE
        if not path.is_file():
            return None
        w: dict[str, float] = {}
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                k, _, v = line.rstrip("\n").rpartition("\t")
                if k:
                    w[k] = float(v)
        return cls(w)

    def prob(self, feats: list[str]) -> float:
        z = self.bias + sum(map(self.weights.get, feats, repeat(0.0)))  # the same sum, in the same order
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _lex(anon, w: str) -> tuple[str, ...]:
    """Which shipped lists hold the word (the lists are the anonymizer's own). Kept per anonymizer (its lists
    do not change after construction; a cache outside it would keep every anonymizer alive)."""
    return _per_anon(anon, "_lex_memo", w, _lex_of)


def _per_anon(anon, name: str, w: str, build):
    """build(anon, w), kept in the anonymizer's memo `name` (at most 65,536 words)."""
    memo = anon.__dict__.setdefault(name, {})
    out = memo.get(w)
    if out is None:
        if len(memo) >= 1 << 16:
            memo.clear()
        out = memo[w] = build(anon, w)
    return out


def _lex_of(anon, w: str) -> tuple[str, ...]:
    f = fold(w.rstrip("."))
    out = [name for name, words in (("safe", anon.safe), ("first", anon.first_names), ("surname", anon.surnames),
                                    ("oname", anon.other_names), ("place", anon.places),
                                    ("icue", anon.institution_cues), ("eponym", anon.eponyms),
                                    ("ordinary", anon.ordinary), ("noun", anon.nouns), ("proper", anon.proper))
           if f in words]
    if "-" in f and all(p in anon.known_names or p in anon.other_names for p in f.split("-") if p):
        out.append("hyph-names")
    return tuple(out) or ("none",)


def _sentence_start(text: str, toks: list, i: int, anon) -> bool:
    """A capitalised word that opens a sentence and is followed on its line by an ordinary lower-case word
    is prose ('Heart size normal.', 'Mild degenerative change'), unless the word is a listed name or place:
    a name at a line start is followed by a comma, a capital or nothing ('Rose, Mary'; 'King J')."""
    s, e, w = toks[i]
    if not w[:1].isupper() or w.isupper() or len(w) < 2:
        return False
    f = fold(w)
    if f in anon.known_names or f in anon.other_names or f in anon.places or f in anon.name_words:
        return False
    k = s
    while k and text[k - 1] in " \t":  # the character before the word, spaces skipped (no copy of the text)
        k -= 1
    if k and text[k - 1] not in ".!?\n":
        return False
    if i + 1 >= len(toks) or text[e:toks[i + 1][0]].strip():  # `toks`: the words of the word's line
        return False
    nxt = toks[i + 1][2]
    return nxt.islower() and fold(nxt) in anon.safe


def _clinical_compound(anon, w: str) -> bool:
    """A word ending in an ordinary word of >= 6 letters is a compound of the language, not a name."""
    f = fold(w)
    return len(f) >= 9 and any(f[k:] in anon.safe for k in range(1, len(f) - 5))


def token_features(anon, text: str, covered: bytearray, zones: list[tuple[int, int, bool]],
                   header_end: int, signoff: int | None, skip: bytearray) -> list[tuple[int, int, list[str]]]:
    """(start, end, features) for every word of `text` that is neither covered by the rules' spans nor in
    `skip` (protected eponyms, placeholders). `covered`/`skip` are per-character flags.

    Speed: every feature is of the word's own line (its neighbours, the line's layout) or of the report as a
    whole (line number, header end, sign-off), and a word is scored only in a zone, the header, the sign-off or
    beside a removed word; so a line with none of these (most lines of a report body) is not even tokenised."""
    zone_of = bytearray(len(text) + 1)  # 0 none, 1 field zone, 2 prose zone (a field zone wins)
    for zs, ze, prose in sorted(zones, key=lambda z: not z[2]):
        zone_of[zs:ze] = (b"\x02" if prose else b"\x01") * (ze - zs)
    lines = text.split("\n")
    out: list[tuple[int, int, list[str]]] = []
    le = -1
    for li, line in enumerate(lines):
        ls = le + 1
        le = ls + len(line)
        if ls < header_end or (signoff is not None and le > signoff) or covered.find(1, ls, le) >= 0 \
                or zone_of.find(1, ls, le) >= 0 or zone_of.find(2, ls, le) >= 0:
            toks = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, ls, le)]
            if toks:
                _line_features(anon, text, toks, li, len(lines), ls, line, covered, zone_of, header_end, signoff,
                               skip, out)
    return out


# prepositions, articles and conjunctions: never a name, in capitals as in lower case (session 22; the engine's
# CAPS_GLUE extends them)
CLOSED_WORDS = frozenset(("on", "at", "in", "of", "the", "to", "from", "for", "and", "or", "by", "with", "near",
                          "off", "over", "into", "onto", "an"))


def _line_features(anon, text: str, toks: list, line_no: int, n_lines: int, ls: int, line: str,
                   covered: bytearray, zone_of: bytearray, header_end: int, signoff: int | None, skip: bytearray,
                   out: list) -> None:
    """token_features of the words `toks` of line `line_no` (text `line`, starting at `ls`), onto `out`."""
    nlt = len(toks)
    first_word = fold(toks[0][2])
    cased = line.lower() != line
    line_flags = ["line-sep"] if "|" in line or "·" in line or "•" in line else []
    if line.upper() == line:
        line_flags.append("line-caps")  # no lower-case letter
    if line.lower() == line:
        line_flags.append("line-lower")  # no capital
    if DIGIT_RE.search(line):
        line_flags.append("line-digit")
    cov = [covered.find(1, s, e) >= 0 for s, e, _w in toks]
    info: list = [None] * nlt  # _word_feats of each word of the line, asked for once (it is its neighbours' too)
    lt_b = "1" if nlt <= 1 else "2-3" if nlt <= 3 else "4-7" if nlt <= 7 else "8-15" if nlt <= 15 else "16+"
    for i, (s, e, w) in enumerate(toks):
        if cov[i] or (w.islower() and cased and fold(w) in anon.safe) or skip.find(1, s, e) >= 0:
            continue  # an ordinary lower-case word on a line that uses case ('Preop bariatric surgery') is text
        if (len(w) == 1 and text.startswith("/", e) and w.isalpha()) or w.lower() in CLOSED_WORDS:
            continue  # 'R/O', 'L/R', 'w/o', and a preposition in capitals ('ON', 'AT'), name no one (session 22)
        if not zone_of[s] and e > header_end and (signoff is None or s < signoff) \
                and not (i and cov[i - 1]) and not (i + 1 < nlt and cov[i + 1]):
            continue  # body text beside no removed word is no identifier zone: the layer works in zones only
        if _clinical_compound(anon, w):
            continue  # 'Olekranonfraktur', 'Sprunggelenksfraktur': a compound ending in an ordinary word
        if _sentence_start(text, toks, i, anon):
            continue  # 'Heart size normal.', 'Mild degenerative change': prose opening with an ordinary word
        wi = info[i] or _info(info, i, anon, w)
        sh, f = wi.sh, wi.f
        zi = zone_of[s]
        z = ("none", "field", "prose")[zi]
        feats = [wi.own_sh, wi.own_len, *wi.by_zone[zi]]  # the same features in the same order as before
        if wi.own_w is not None:
            feats.append(wi.own_w)
        hdr = "hdr" if e <= header_end else "sig" if signoff is not None and s >= signoff else "body"
        feats += [f"pos={hdr}", f"pos={hdr}|sh={sh}", f"pos={hdr}|z={z}"]
        if line_no < 2:
            feats.append("line<2")
        if line_no >= n_lines - 2:
            feats.append("line>=last-2")
        feats.append(f"ltoks={lt_b}")
        feats.append(f"ltoks={lt_b}|sh={sh}")
        feats += line_flags
        if first_word and first_word != f:
            feats.append(f"first={first_word}" if first_word in anon.safe else "first=other")
        left = text[ls:s]
        if ":" in left:
            feats.append("after-colon-on-line")
        lc = left.rstrip(" \t")[-1:] or "^"
        rc = text[e:e + 1] if e < len(text) else "$"
        feats += [f"lc={lc}", f"rc={rc if not rc.isspace() else ' '}"]
        if rc == " " and text[e + 1:e + 2].isupper():
            feats.append("rc=cap-next")
        for d, j in (("p", i - 1), ("n", i + 1), ("p2", i - 2), ("n2", i + 2)):
            if 0 <= j < nlt:  # a neighbour on the same line
                ji = info[j] or _info(info, j, anon, toks[j][2])
                jcov = cov[j]
                feats += [ji.nb_sh[d], f"{d}cov={jcov}", f"{d}cov={jcov}|sh={sh}"]
                if len(d) == 1:
                    feats += ji.nb_lex[d]
                    feats.append(f"{d}cov={jcov}|z={z}")
            else:
                feats.append(f"{d}=edge")
        out.append((s, e, feats))


class _WordFeats:
    """The features of a word that depend on the word alone (its shape, lists, folded form), as strings, for
    the word itself and for it as a neighbour: built once per word and anonymizer (speed; same strings, same
    order as _line_features built them word by word)."""

    __slots__ = ("sh", "f", "own_sh", "own_len", "by_zone", "own_w", "nb_sh", "nb_lex")

    def __init__(self, anon, w: str):
        sh, lex, f = shape(w), _lex(anon, w), fold(w)
        self.sh, self.f = sh, f
        self.own_sh, self.own_len = f"sh={sh}", f"len={_len_bucket(len(w))}"
        lexf = [f"lex={x}" for x in lex] + [f"lex={x}|sh={sh}" for x in lex]
        self.by_zone = tuple([f"z={z}", f"z={z}|sh={sh}", *lexf, *[f"z={z}|lex={x}" for x in lex]]
                             for z in ("none", "field", "prose"))
        if "safe" in lex or "icue" in lex:
            self.own_w = f"w={f}"
        elif len(f) >= 5 and not any(c.isdigit() for c in f):
            self.own_w = f"suf={f[-3:]}"
        else:
            self.own_w = None
        self.nb_sh = {d: f"{d}sh={sh}" for d in ("p", "n", "p2", "n2")}
        self.nb_lex = {d: [f"{d}lex={x}" for x in lex] + [f"{d}w={f}" if "safe" in lex or "icue" in lex
                                                           else f"{d}w=other"] for d in ("p", "n")}


def _info(info: list, i: int, anon, w: str) -> _WordFeats:
    """_WordFeats of word `w` (kept per anonymizer, as _lex), stored at info[i] for the rest of its line."""
    wf = info[i] = _per_anon(anon, "_word_feats_memo", w, _WordFeats)
    return wf
