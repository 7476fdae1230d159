"""Loading and compiling the rule labeler's lexicon data files.

The vocabulary lives in TOML files beside the templates (`common/regions/*.lexicon.toml`,
`cues.shared.toml`, `terms.shared.toml`) so a radiologist can extend it without touching code.
Everything is compiled once into two big regular expressions (word-start patterns and
compound-infix patterns), because one pass per sentence is what makes >= 1,000 reports/s
possible; per-pattern scanning would be ~100x slower.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from fedrad.common.errors import FedradError
from fedrad.common.fileio import read_toml
from fedrad.common.templates import BUILTIN_DIR, Template, TemplateError, load_template, template_dirs

BUILTIN_LEXICON_DIR = BUILTIN_DIR  # lexicons live beside the templates
CUES_FILE = "cues.shared.toml"
TERMS_FILE = "terms.shared.toml"
LEXICON_SUFFIX = ".lexicon.toml"

PRE_CUES = ("neg_pre", "neg_weak_pre", "unc_pre", "hist_pre", "pseudo")
BOTH_CUES = ("unc_both", "neg_both")
POST_CUES = ("gone", "neg_post", "unc_post")
CUE_KINDS = (*POST_CUES[:1], *PRE_CUES, *POST_CUES[1:], "unc_clause", "question", "skip", "advice", "terminator",
             "position", "state_post")
MORPHS = frozenset({"displaced", "comminuted", "intraarticular", "avulsion"})
EVENT_KINDS = frozenset({"fracture", "dislocation", "subluxation", "degeneration", "narrowed", "widened", "swelling",
                         "calcification", "mass", "foreign_body", "ossicle", "sclerotic", "lytic", "effusion",
                         "exostosis", "hardware", "ignore"})

# German umlauts are folded so "Radiuskoepfchen" and "Radiusköpfchen" are one word to the
# patterns; typographic dashes/quotes are normalised for the same reason.
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                       "\u2013": "-", "\u2014": "-", "\u2011": "-", "\u2019": "'", "\u00b4": "'", "\u00a0": " ",
                       "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"'})


_FOLD_ITEMS = tuple((chr(k), v) for k, v in _FOLD.items())


def fold(text: str) -> str:
    # str.translate with a dict walks every character in Python-object land (~0.1 ms per report);
    # ASCII text needs nothing and other text only the few replacements it contains.
    if text.isascii():
        return text
    for a, b in _FOLD_ITEMS:
        if a in text:
            text = text.replace(a, b)
    return text


class LexiconError(FedradError, ValueError):
    """A lexicon file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class EventSpec:
    kind: str
    negated: bool = False
    locs: tuple[str, ...] = ()
    morphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """What one pattern match means."""

    cue: str | None = None  # one of CUE_KINDS, or None for a term
    events: tuple[EventSpec, ...] = ()
    loc: str | None = None
    morph: str | None = None
    morph_negated: bool = False
    visible: bool = False  # "still visible": an old finding is on the image (rule 7)
    old: bool = False  # "old", "healed": visible unless the report says it no longer is
    descriptive: bool = False  # "bony fragment": an observation that a following interpretation replaces
    extends: bool = False  # "Mitbeteiligung des Olekranons": a fracture only where one is already stated
    comma: bool = False
    source: str = ""


@dataclass(frozen=True)
class Rule:
    event: str
    finding: str
    loc: str | None = None
    morph: str | None = None
    fallback: bool = False  # applies only when no non-fallback rule with a location matched the event


@dataclass
class Lexicon:
    region: str
    template: Template
    in_locs: frozenset[str]
    weak_locs: frozenset[str]
    rules: tuple[Rule, ...]
    word: Matcher  # patterns that start at a word start
    infix: Matcher  # patterns that may start inside a word (compound parts, punctuation)
    section_re: re.Pattern
    section_kinds: dict[str, str]
    abbreviations: frozenset[str]
    version: str
    sentence_final: frozenset[str] = frozenset()
    subsumes: tuple[tuple[str, str], ...] = ()  # (dislocation, subluxation): one displacement, the worse grade
    soft_tissue_locs: frozenset[str] = frozenset()  # out-of-region places whose soft tissue swelling counts
    ossicle_locs: frozenset[str] = frozenset()  # out-of-region places whose ossicle counts (an os acromiale)
    history: re.Pattern | None = None  # how the injury happened ("Sturz", "fell onto"): see cues.shared.toml [history]
    files: list[Path] = field(default_factory=list)
    # a generic place and the specific ones it adds nothing to ('Monteggia ... of the forearm': the ulna's)
    generic_locs: dict[str, frozenset[str]] = field(default_factory=dict)


# what may stand before a header on its line: indentation and a markdown or list prefix ('> ', '- ', '## ')
HEAD_PREFIX = r"[ \t>*#=\-]"
# a header's date, as written or as the anonymizer left it ('ADDENDUM [DATE] ----', read as 'ADDENDUM _ ----')
_DATE = r"(?:\d{1,4}[./\-]\d{1,2}[./\-]\d{2,4}|_)"
# a date written with its month's name ('14th May 2026', '3. März 2026', 'May 14, 2026'; session 43)
_MONTH = r"(?:jan|feb|mar|mär|maer|apr|may|mai|jun|jul|aug|sep|oct|okt|nov|dec|dez)[a-zä]*\.?"
_WORDS_DATE = (r"(?:\d{1,2}(?:st|nd|rd|th|\.)?[ \t]+" + _MONTH + r"[ \t]+\d{4}|" + _MONTH
               + r"[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4})")
_WORD_END = r"(?!\w)"  # the guard a pattern that ends in a letter gets: no longer word may follow


def _convert_pattern(raw: str, source: str) -> tuple[bool, str]:
    """(needs a word boundary at the start, regex) for one lexicon pattern; see cues.shared.toml."""
    p = fold(raw.strip().lower())
    infix_left = p.startswith("~")
    p = p[1:] if infix_left else p
    open_right = p.endswith("~")
    p = p[:-1] if open_right else p
    if not p:
        raise LexiconError(f"{source}: empty pattern {raw!r}")
    out: list[str] = []
    depth = 0
    i = 0
    while i < len(p):
        c = p[i]
        if c == "\\" and i + 1 < len(p):
            out.append(p[i:i + 2])
            i += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]" and depth:
            depth -= 1
        elif depth == 0 and c == " ":
            if p.startswith(" ?", i):  # an optional space ('d ?[2-5]'): none, or any separator
                out.append(r"[\s\-]*")
                i += 2
                continue
            out.append(r"[\s\-]+")
            i += 1
            continue
        elif depth == 0 and c == "-":
            out.append(r"[\s\-]?")
            # '-?' says nothing more than '-' (already optional); a lazy '[\s\-]??' would not share the trie's
            # separator branch, and a shorter pattern there shadowed this one ('radiusköpfchen-?zielaufnahme' read
            # as 'radiusköpfchen-', session 22)
            i += 2 if p.startswith("-?", i) else 1
            continue
        elif depth == 0 and c == "(" and not p.startswith("(?", i):
            out.append("(?:")
            i += 1
            continue
        out.append(c)
        i += 1
    rx = "".join(out)
    if not open_right and (p[-1].isalnum() or p[-1] in ")]?*+"):
        rx += _WORD_END
    word_start = not infix_left and (p[0].isalnum() or p[0] in "([")
    try:
        if not _PLAIN.fullmatch(raw.strip()):  # plain words cannot be invalid; compiling thousands costs seconds
            re.compile(rx)
    except re.error as exc:
        raise LexiconError(f"{source}: pattern {raw!r} is not a valid regular expression: {exc}") from None
    return word_start, rx


def _parse_is(spec: str, source: str) -> Entry:
    spec = spec.strip()
    if spec == "visible":
        return Entry(visible=True, source=source)
    if spec == "old":
        return Entry(old=True, source=source)
    if spec.startswith("loc:"):
        return Entry(loc=spec[4:].strip(), source=source)
    if spec.startswith("morph:"):
        name = spec[6:].strip()
        neg = name.startswith("!")
        name = name.lstrip("!")
        if name not in MORPHS:
            raise LexiconError(f"{source}: unknown morphology '{name}' (known: {', '.join(sorted(MORPHS))})")
        return Entry(morph=name, morph_negated=neg, source=source)
    events = []
    for part in spec.split("|"):
        words = part.split()
        if not words:
            raise LexiconError(f"{source}: empty event in {spec!r}")
        kind = words[0]
        neg = kind.startswith("!")
        kind = kind.lstrip("!")
        if kind not in EVENT_KINDS:
            raise LexiconError(f"{source}: unknown event kind '{kind}' in {spec!r}")
        locs, morphs = [], []
        for w in words[1:]:
            if not w.startswith("+"):
                raise LexiconError(f"{source}: expected '+location' or '+morphology', got {w!r} in {spec!r}")
            (morphs if w[1:] in MORPHS else locs).append(w[1:])
        events.append(EventSpec(kind, neg, tuple(locs), tuple(morphs)))
    return Entry(events=tuple(events), source=source)


def _find_file(name: str) -> Path | None:
    for d in template_dirs():
        p = d / name
        if p.is_file():
            return p
    return None


def lexicon_files() -> dict[str, Path]:
    """Every region lexicon that can be found (all are loaded: another region's words mark
    findings that are out of region)."""
    files: dict[str, Path] = {}
    for d in reversed(template_dirs()):
        if d.is_dir():
            for p in sorted(d.glob("*" + LEXICON_SUFFIX)):
                files[p.name[: -len(LEXICON_SUFFIX)]] = p
    return files


def _files_for(region: str) -> tuple[Path, Path, dict[str, Path]]:
    cues = _find_file(CUES_FILE)
    terms = _find_file(TERMS_FILE)
    if cues is None or terms is None:
        raise LexiconError(f"{CUES_FILE} / {TERMS_FILE} not found in {', '.join(map(str, template_dirs()))}")
    lex = lexicon_files()
    if region not in lex:
        raise LexiconError(f"no rule lexicon for region '{region}' (expected {region}{LEXICON_SUFFIX} beside "
                           f"the template); available: {', '.join(sorted(lex)) or 'none'}")
    return cues, terms, lex


def lexicon_version(region: str) -> str:
    """Short hash of every file the region's lexicon is built from (the labeler's prompt_version)."""
    cues, terms, lex = _files_for(region)
    h = hashlib.sha256(f"region={region}\n".encode())
    for p in [cues, terms, *(lex[k] for k in sorted(lex))]:
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:12]


def load_lexicon(region: str, template: Template | None = None) -> Lexicon:
    template = template or load_template(region)
    cues, terms, lex = _files_for(region)
    key = tuple((str(p), p.stat().st_mtime_ns) for p in [cues, terms, *(lex[k] for k in sorted(lex))])
    return _load_cached(region, template, key)


@functools.lru_cache(maxsize=16)
def _load_cached(region: str, template: Template, key: tuple) -> Lexicon:
    cues, terms, lex = _files_for(region)
    patterns: list[tuple[str, Entry]] = []

    cdata = read_toml(cues, LexiconError, "lexicon file")
    for kind in CUE_KINDS:
        block = cdata.get(kind, {})
        for lang in ("en", "de"):
            for p in block.get(lang, []):
                patterns.append((p, Entry(cue=kind, source=f"{cues.name} [{kind}]")))
    section_kinds: dict[str, str] = {}
    for kind, words in cdata.get("sections", {}).items():
        for w in words:
            section_kinds[fold(w.lower())] = kind
    abbreviations = frozenset(fold(w.lower()) for w in cdata.get("abbreviations", {}).get("words", []))
    sentence_final = frozenset(fold(w.lower()) for w in cdata.get("abbreviations", {}).get("sentence_final", []))

    own: dict | None = None
    for path in [terms, *(lex[k] for k in sorted(lex))]:
        data = read_toml(path, LexiconError, "lexicon file")
        if path == lex[region]:
            own = data
        for i, term in enumerate(data.get("term", []), start=1):
            src = f"{path.name} term #{i}"
            if "is" not in term:
                raise LexiconError(f"{src}: missing 'is'")
            entry = _parse_is(term["is"], src)
            if term.get("descriptive"):
                if not entry.events:
                    raise LexiconError(f"{src}: 'descriptive' needs an event")
                entry = Entry(events=entry.events, descriptive=True, source=src)
            if term.get("extends"):
                if not entry.events or any(e.kind != "fracture" for e in entry.events):
                    raise LexiconError(f"{src}: 'extends' needs a fracture event")
                entry = Entry(events=entry.events, extends=True, source=src)
            for lang in ("en", "de"):
                for p in term.get(lang, []):
                    patterns.append((p, entry))
    assert own is not None
    if own.get("region") != region:
        raise LexiconError(f"{lex[region]}: region {own.get('region')!r} must be '{region}'")
    ids = set(template.ids)
    rules = []
    for i, r in enumerate(own.get("rules", []), start=1):
        src = f"{lex[region].name} rule #{i}"
        if not isinstance(r, dict) or "event" not in r or "finding" not in r:
            raise LexiconError(f"{src}: needs 'event' and 'finding'")
        if r["finding"] not in ids:
            raise LexiconError(f"{src}: '{r['finding']}' is not a finding of the {region} template")
        if r["event"] not in EVENT_KINDS:
            raise LexiconError(f"{src}: unknown event kind '{r['event']}'")
        if r.get("morph") and r["morph"] not in MORPHS:
            raise LexiconError(f"{src}: unknown morphology '{r['morph']}'")
        rules.append(Rule(r["event"], r["finding"], r.get("loc") or None, r.get("morph") or None,
                          bool(r.get("fallback", False))))
    subsumes = []
    for i, pair in enumerate(own.get("subsumes", []), start=1):
        if not (isinstance(pair, list) and len(pair) == 2 and all(f in ids for f in pair)):
            raise LexiconError(f"{lex[region].name} subsumes #{i}: needs two finding ids of the {region} template")
        subsumes.append((pair[0], pair[1]))

    min_len = int(cdata.get("typos", {}).get("min_word_length", 0))
    if min_len:
        patterns = _merge_both_ways(patterns)
        # cues only: a mistyped hedge or negation flips a label; a mistyped finding word is rarer
        # and would multiply the pattern count (and the regex compile time) by ten
        patterns += [(v, e) for raw, e in patterns if e.cue for v in _typo_variants(raw, min_len)]
    word: list[tuple[str, Entry]] = []
    # a comma, or a dash between spaces ("subluxation at the MCP joint - equivocal"): a segment boundary
    infix: list[tuple[str, Entry]] = [(",", Entry(comma=True, source="comma")),
                                      (r"(?<=\s)[-–](?=\s)", Entry(comma=True, source="dash"))]
    seen: set[tuple[bool, str]] = set()
    for raw, entry in _merge_both_ways(patterns):
        ws, rx = _convert_pattern(raw, entry.source)
        if (ws, rx) in seen:
            continue  # first definition wins (cues before terms, shared before regions)
        seen.add((ws, rx))
        (word if ws else infix).append((rx, entry))
    word_m = Matcher(word, r"(?<!\w)")
    infix_m = Matcher(infix, "")
    heads = sorted(section_kinds, key=len, reverse=True)
    head_alt = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads)
    # right after an addendum's own header word (the cues' [sections] addendum list; fixed-width look-behinds)
    after_addendum = "|".join(f"(?<={re.escape(h)})" for h in heads if section_kinds[h] == "addendum")
    # a header ends at its colon ("Befund:", "ADDENDUM (02/28/2026):"), at a colon that ends its line
    # ("NACHTRAG vom 27.01.2026, 13:40 Uhr:") or at the line end ("FINDINGS")
    section_re = re.compile(r"(?:^|(?<=[.!?;])|(?<=[.!?;]\s))" + HEAD_PREFIX + r"*(?P<h>" + head_alt
                            + r")(?![a-z0-9])(?:"
                            # a date and time, then an aside, before the colon ('ADDENDUM 03/15/2026 08:12 (final,
                            # attending):'; first, so that the time's colon ends no header; session 41)
                            + r"[ \t]+" + _DATE + r"(?:[ \t]+\d{1,2}:\d{2})?[ \t]*"
                            + r"\([^()\n]{0,120}\)[ \t]*:"
                            # a German date, its year left out or not, a time, an aside ('Nachtrag vom 4.2., 14:10
                            # (nach CT):', 'NACHTRAG 12.06.2025, 19:40 Uhr (OA):'; session 45, round zc)
                            + r"|[ \t]+(?:vom[ \t]+)?\d{1,2}\.\d{1,2}\.(?:\d{2,4})?,?[ \t]*\d{1,2}:\d{2}"
                            + r"(?:[ \t]*uhr)?,?"
                            + r"[ \t]*(?:\([^()\n]{0,120}\))?[ \t]*:"
                            + r"|[^:\n.]{0,30}:"
                            # a bracketed aside before the colon ('Nachtrag (Dr. Fischer telefonisch informiert):')
                            # (after a date too: 'ADDENDUM 20/01/2026 (Dr A. Smith):', session 29)
                            # (a longer aside too: 'NACHTRAG 17.10.2025 (nach Rücksprache mit Dr. X und Durchsicht
                            # des OP-Berichts):', session 30)
                            + r"|[^:\n(]{0,30}\([^()\n]{0,120}\)[ \t]*:"
                            # ... and a date after the aside ('ADDENDUM (consultant review) 04.03.2026:'; session 41)
                            + r"|[^:\n(]{0,30}\([^()\n]{0,120}\)[ \t]*" + _DATE
                            + r"(?:[ \t]+\d{1,2}:\d{2})?[ \t]*:"
                            + r"|[ \t]+(?:vom[ \t]+)?\d{1,2}\.\d{1,2}\.\d{2,4}[^:\n.]{0,20}:"
                            + r"|[^\n]{0,50}:(?=[ \t]*\n)|[ \t]*(?=\n|$)"
                            # a date and a rule closing the header's line ('---- ADDENDUM 29/10/2025 ----'; s. 35)
                            # ... after 'vom' too, or a date and time alone closing it ('--- NACHTRAG vom 29.01.2026
                            # ---', 'ADDENDUM 27/07/2026 14:02'; session 39)
                            # (an addendum's own words only: 'Date 01-22-2026' is a field, no section)
                            + r"|(?:" + after_addendum + ")"
                            + r"[ \t]+(?:(?:vom|from|of|dated)[ \t]+)?(?:(?:\d|_)[\d/.\-: \t]{0,24}|" + _WORDS_DATE
                            + r"(?:[ \t]+\d{1,2}:\d{2})?)(?:uhr|h)?[ \t]*"
                            + r"(?:[-=*#_]{2,}[ \t]*)?(?=\n|$)"
                            # ... or a date and a dash, then who wrote it closing the line ('ADDENDUM 15/06/2026
                            # 09:05 - DR X, CONSULTANT RADIOLOGIST') or the addendum's own first words ('ADDENDUM
                            # <date> - reviewed at the meeting with Mr X: ...'), or a bracketed date closing the line
                            # ('=== ADDENDUM (<date>) ==='): with the time gone from the date no colon ends them
                            # (session 48)
                            + r"|(?:" + after_addendum + ")"
                            + r"[ \t]+(?:(?:vom|from|of|dated)[ \t]+)?(?:\d|_)[\d/.\-: \t]{0,24}?[ \t][-–—]"
                            + r"(?:[ \t]+[^\n:]{0,100}(?=\n|$)|(?=[ \t]))"
                            + r"|(?:" + after_addendum + ")"
                            + r"[ \t]*\([^()\n]{0,60}\)[ \t]*(?:[-=*#_]{2,}[ \t]*)?(?=\n|$)"
                            + r"|[ \t]+(?:\d|_)[\d/.\-: \t]{0,24}[-=*#_]{2,}[ \t]*(?=\n|$)"
                            + r"|[ \t]*[-=*#_]{2,}[ \t]*(?=\n|$))",
                            re.IGNORECASE | re.MULTILINE)
    hist = [_convert_pattern(p, f"{cues.name} [history]") for lang in ("en", "de")
            for p in cdata.get("history", {}).get(lang, [])]
    history = re.compile("|".join((r"(?<!\w)" if ws else "") + "(?:" + rx + ")" for ws, rx in hist)) if hist else None
    return Lexicon(region=region, template=template, in_locs=frozenset(own.get("in_locs", [])),
                   weak_locs=frozenset(own.get("weak_locs", [])), rules=tuple(rules), word=word_m,
                   infix=infix_m,
                   section_re=section_re, section_kinds=section_kinds, abbreviations=abbreviations,
                   version=lexicon_version(region), sentence_final=sentence_final, subsumes=tuple(subsumes),
                   history=history, soft_tissue_locs=frozenset(own.get("soft_tissue_locs", [])),
                   ossicle_locs=frozenset(own.get("ossicle_locs", [])),
                   files=[cues, terms, *(lex[k] for k in sorted(lex))],
                   generic_locs={k: frozenset(v) for k, v in own.get("generic_locs", {}).items()})


_PLAIN = re.compile(r"~?[a-zäöüß' -]+~?")


def _typo_variants(raw: str, min_len: int) -> list[str]:
    """Adjacent-letter transpositions ("sicehr", "Fragilche", "Posisble") of the long words of a
    plain-word pattern: the commonest typing error in dictated/typed reports. Variants come after
    every real pattern, so a real word always wins."""
    if not _PLAIN.fullmatch(raw):
        return []
    out = []
    words = raw.split(" ")
    for k, w in enumerate(words):
        core = w.strip("~")
        if len(core) < min_len:
            continue
        for i in range(len(core) - 1):
            if core[i] != core[i + 1] and core[i].isalpha() and core[i + 1].isalpha():
                typo = core[:i] + core[i + 1] + core[i] + core[i + 2:]
                out.append(" ".join(words[:k] + [w.replace(core, typo)] + words[k + 1:]))
    return out


_BOTH = {frozenset({"unc_pre", "unc_post"}): "unc_both", frozenset({"neg_pre", "neg_post"}): "neg_both"}


def _merge_both_ways(patterns: list[tuple[str, Entry]]) -> list[tuple[str, Entry]]:
    """A cue listed both before and after ("fraglich", "possible") scopes in both directions."""
    kinds: dict[str, set[str]] = {}
    for raw, e in patterns:
        if e.cue:
            kinds.setdefault(raw.strip().strip("~"), set()).add(e.cue)
    out = []
    for raw, e in patterns:
        if e.cue:
            both = _BOTH.get(frozenset(kinds[raw.strip().strip("~")]))
            if both:
                e = Entry(cue=both, source=e.source)
        out.append((raw, e))
    return out


_SEP_PLUS, _SEP_OPT = r"[\s\-]+", r"[\s\-]?"
_META = set(".^$*+?{}[]|()\\")


def _literal_prefix(rx: str, limit: int = 64) -> list[str]:
    """Leading literal atoms of a regex (escaped as regex), at most `limit`, none quantified."""
    atoms: list[str] = []
    i = 0
    while i < len(rx) and len(atoms) < limit:
        for sep in (_SEP_PLUS, _SEP_OPT):  # the pattern space / hyphen: shared by many patterns
            if rx.startswith(sep, i):
                atom, j = sep, i + len(sep)
                break
        else:
            atom, j = "", i
        if atom:
            if j < len(rx) and rx[j] in "?*+{":
                break
            atoms.append(atom)
            i = j
            continue
        if rx[i] == "\\" and i + 1 < len(rx) and not rx[i + 1].isalnum():
            atom, j = rx[i:i + 2], i + 2
        elif rx[i] not in _META:
            atom, j = rx[i], i + 1
        else:
            break
        if j < len(rx) and rx[j] in "?*+{":
            break
        atoms.append(atom)
        i = j
    return atoms


def _trie_alternation(items: list[str]) -> str:
    """One alternation whose branches share literal prefixes (a trie), without capturing groups.

    Python's regex engine rejects a branch that starts with a literal in one comparison, so a
    trie turns ~2,800 alternatives tried at every word into a handful; capturing groups would
    undo that (the engine resets every group mark at each attempt: ~5,000x slower here), so
    which pattern matched is found afterwards (Matcher.entry). Longer patterns come first
    within a node, approximating leftmost-longest matching.
    """
    root: dict = {"kids": {}, "items": [], "max": 0}
    for rx in items:
        node = root
        pre = _literal_prefix(rx)
        # (the word-end guard '(?!\w)' adds no text: 'fat pads' must not outrank 'fat pads:', session 22)
        weight = len(rx) - (len(_WORD_END) if rx.endswith(_WORD_END) else 0)
        for atom in pre:
            node = node["kids"].setdefault(atom, {"kids": {}, "items": [], "max": 0})
            node["max"] = max(node["max"], weight)
        node["items"].append((rx[sum(map(len, pre)):], weight))

    def emit(node: dict) -> str:
        parts: list[tuple[int, str]] = []
        for atom, kid in node["kids"].items():
            parts.append((kid["max"], atom + "(?:" + emit(kid) + ")"))
        for rest, length in node["items"]:
            parts.append((length, rest))
        parts.sort(key=lambda t: -t[0])
        return "|".join(p for _, p in parts)

    return emit(root)


class Matcher:
    """All patterns of one kind in one regex, plus the lookup from a match back to its entry."""

    def __init__(self, items: list[tuple[str, Entry]], lead: str):
        items = sorted(items, key=lambda t: -len(t[0]))
        self.regex = re.compile(lead + "(?:" + _trie_alternation([rx for rx, _ in items]) + ")")
        self.literal: dict[str, Entry] = {}
        self.buckets: dict[str, list[tuple[re.Pattern, Entry]]] = {}
        for rx, entry in items:
            pre = _literal_prefix(rx)
            rest = rx[sum(map(len, pre)):]
            if rest in ("", _WORD_END):
                key = "".join(a[-1] if a.startswith("\\") else a for a in pre if a not in (_SEP_PLUS, _SEP_OPT))
                self.literal.setdefault(key, entry)
            else:
                first = pre[0][-1] if pre and pre[0] not in (_SEP_PLUS, _SEP_OPT) else ""
                self.buckets.setdefault(first, []).append((re.compile(rx), entry))

    def entry(self, text: str, start: int, end: int) -> Entry | None:
        """The entry of the pattern that produced text[start:end]."""
        key = text[start:end]
        if not key.isalpha():  # most matches are one word: no separator to remove
            key = SEPARATORS.sub("", key)
        e = self.literal.get(key)
        return e if e is not None else self.pattern_entry(text, start, end)

    def pattern_entry(self, text: str, start: int, end: int) -> Entry | None:
        """The entry of the non-literal pattern that produced text[start:end] (entry() without the literal table)."""
        for bucket in (self.buckets.get(text[start], ()), self.buckets.get("", ())):
            for rx, e in bucket:
                m = rx.match(text, start)
                if m is not None and m.end() == end:
                    return e
        return None


SEPARATORS = re.compile(r"[\s\-]+")  # what a literal key leaves out of a match


def check_coverage(lexicon: Lexicon) -> list[str]:
    """Findings of the template that no rule can produce (directly or as a parent)."""
    produced = {r.finding for r in lexicon.rules}
    tpl = lexicon.template
    reach = set(produced)
    for f in produced:
        reach.update(tpl.ancestors(f))
    return [f for f in tpl.ids if f not in reach]


__all__ = ["Lexicon", "LexiconError", "Entry", "EventSpec", "Rule", "load_lexicon", "lexicon_version", "fold",
           "check_coverage", "TemplateError", "SEPARATORS"]
