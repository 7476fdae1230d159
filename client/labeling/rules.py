"""The offline rule labeler: lexicon matches + NegEx-style scopes -> tri-state labels.

For sites that may not send report text anywhere, and for the simulation. It implements
spec/labeling-rules.md with vocabulary from data files (rule_lexicon.py):

- sections: the clinical question / indication is skipped (rule 9); findings and impression are
  labelled and, per finding, an impression that mentions the finding wins (rule 8);
- sentences -> clauses (terminators: "but", "jedoch", ";") -> comma segments;
- a cue before a finding scopes forward through the clause (and across commas only into short
  list items: "no fracture, dislocation, or effusion"); a cue after a finding scopes back to the
  start of its comma segment ("fracture of the radial head, dislocation cannot be excluded");
  "DD"/"versus"/"?" hedge the whole clause; the nearest cue wins;
- events (fracture, dislocation, ...) take the locations and fracture morphology of their
  clause; an event placed only outside the region does not count (rule 4);
- "status post" without a still-visible finding is not a finding (rule 7), but a post-operative swelling is;
- without a findings header the text above the first header is the findings, and a history line atop it whose
  findings are all hedged is the question (cues [history]); a place after "anterior to" / "ventral des" (cues
  [position]) is where something lies, not a fracture site;
- parents are lifted at the end (rule 5) and the lifts are recorded as repairs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from fedrad.client.labeling.base import LabelRequest, LabelResult, ProgressFn
from fedrad.client.labeling.rule_lexicon import HEAD_PREFIX, SEPARATORS, Entry, EventSpec, Lexicon, fold, load_lexicon
from fedrad.common.fileio import sha256_text
from fedrad.common.labels import Label, propagate
from fedrad.common.templates import Template, load_template

RULES_VERSION = "2"


def _engine_code() -> str:
    """A short hash of the rule engine's own source (this module and rule_lexicon.py). The label cache keys an
    answer by the labeler's prompt_version, which for the rules was the lexicon's hash alone: after an upgrade that
    changed only the rules' code, a site's relabelling returned the old rules' labels from its cache (session 26).
    The prompt_version now covers the code too, so such an upgrade relabels."""
    from pathlib import Path

    here = Path(__file__)
    return sha256_text("".join(p.read_text(encoding="utf-8") for p in (here, here.with_name("rule_lexicon.py"))))[:12]


ENGINE_CODE = _engine_code()

PRE_WINDOW = 8  # words between a forward cue and its finding (NegEx uses 5-6; German noun phrases are longer)
POST_WINDOW = 8  # "fracture of the sternal end of the clavicle cannot be excluded"
LIST_ITEM_WORDS = 4  # a comma segment this short continues a forward scope ("no fracture, dislocation")
LIST_OR_GAP = 4  # words before a list item after "or": "no fracture, soft tissue gas or swelling" (session 18)
LIST_MAX_WORDS = 8  # ... this long when the list ends in "or" ("no fracture, ..., soft tissue swelling or FB")
_LIST_END = re.compile(r"\b(?:or|nor|oder|noch)\b")
_LIST_OR_AND = re.compile(r"\b(?:or|nor|oder|noch|and|und|sowie)\b")  # a list's last item before a cue after it
_LIST_DASH = re.compile(r"\s[-–—]\s")  # ... or a spaced dash before the cue (session 45)
_LIST_COLON_TAIL = re.compile(r"[ \t]*[^\W\d_][\w -]{0,40}:[ \t]*")  # ... a list's last item and the colon (session 47)
POSITION_GAP = 2  # words between "anterior to" / "ventral des" and the place it relates to ("the distal")
HARDWARE_WINDOW = 4  # words: a fracture this close to a screw/plate/wire is the hardware's

POS, UNC, NEG, WEAK, HIST = "pos", "unc", "neg", "weak", "hist"
_VALUE = {POS: Label.TRUE, UNC: Label.UNCERTAIN, NEG: Label.FALSE, WEAK: Label.FALSE}
# A calcium-dense spot or soft tissue fullness is interpreted only by a hedged finding after it or by words that say
# what it is ("calcific density, consistent with an ossicle"); "Kalkdichte am Coracoid und Fraktur der Klavikula"
# is two findings (session 25).
_INTERPRETED_ONLY = frozenset({"calcification", "swelling"})
# Observations that stay what they are unless a stated or hedged finding follows to interpret them (a negated
# neighbour is no interpretation): "radiopaque density, no fracture" is a foreign body.
_DESCRIBED_UNLESS_DENIED = frozenset({"foreign_body"}) | _INTERPRETED_ONLY
_INTERPRETING_WORDS = re.compile(r"consistent with|compatible with|in keeping with|represent|reflect|suggest|"
                                 r"corresponding to|vereinbar|im sinne|entspr|passend zu|\bi\.e\.|\bdd\b|differential")
_CUE_MOD = {"gone": NEG, "neg_pre": NEG, "neg_post": NEG, "neg_both": NEG, "unc_both": UNC, "neg_weak_pre": WEAK,
            "unc_pre": UNC, "unc_post": UNC, "hist_pre": HIST, "pseudo": POS}
_PRE = frozenset({"neg_pre", "neg_weak_pre", "unc_pre", "hist_pre", "pseudo", "neg_both", "unc_both"})
_POST = frozenset({"gone", "neg_post", "unc_post", "neg_both", "unc_both"})
LABELLED = ("findings", "impression", "addendum")  # sections that are labelled, in order of precedence (rule 8)
# An addendum sentence that says it adds ('Zusätzlich ...', 'In addition, ...'): its findings join the report's
# instead of revising them (session 25).
ADDED = "addendum (added)"
_ADDITIVE = re.compile(r"\W*(?:zus(?:ä|ae)tzlich|additionally|in addition|au(?:ß|ss)erdem|also noted|also seen|"
                       r"incidental(?:ly)?|nebenbefundlich)\b"
                       # ... or after a lead-in ('On review of the lateral view there is also a small flake ...';
                       # session 41)
                       r"|[^.;]*?\b(?:there (?:is|are) also|(?:es )?(?:zeigt|findet) sich (?:zus(?:ä|ae)tzlich|"
                       r"au(?:ß|ss)erdem|zudem))\b")

# Dictation left as words by speech recognition (session 28): punctuation spoken ('full stop', 'Komma', 'neuer
# Absatz') and spoken corrections ('the ac joint is widened scratch that the ac joint is normally aligned').
# (speed: one pass over the report; a report without any of these fragments is not scanned at all)
_DICTATION_HINT = re.compile(r"stop|STOP|eriod|ERIOD|aragraph|ARAGRAPH|bsatz|BSATZ|unkt|UNKT|omma|OMMA|ragezeichen|"
                             r"uestion mark|cratch|CRATCH|trike that|elete that|treich|TREICH")
_DICTATED = re.compile(r"(?<![\w])(?:(?P<par>(?:new|next)[ \t]+paragraph|neuer[ \t]+absatz)|(?P<stop>full[ \t]+stop|"
                       r"period(?![ \t]+of(?![\w]))|punkt)|(?P<comma>comma|komma)"
                       r"|(?P<q>question[ \t]+mark|fragezeichen)"
                       r"|(?P<scratch>scratch[ \t]+that|strike[ \t]+that|delete[ \t]+that|streichen[ \t]+korrektur|"
                       r"streiche[ \t]+das|bitte[ \t]+streichen))(?![\w])", re.IGNORECASE)
_NOT_SPOKEN_BEFORE = ("a", "the", "this", "that", "am", "dem", "einem", "ein")  # 'a period of', 'am Punkt'
_SCRATCH_BOUND = re.compile(r"[.;,!?\n]")
_MARK = {"par": "\n\n", "stop": ".", "comma": ",", "q": "?"}


def undictate(text: str) -> str:
    """Spoken punctuation as punctuation, and a spoken correction applied: the words it withdraws go, from where
    the correction's first words were said before (the restated subject) or else from the last punctuation."""
    # a dictated report says its punctuation, so it has few full stops of its own (fewer than ~7.5 sentence ends per
    # 1,000 characters; typed reports have 10-30): only such a report is looked at further (speed)
    if (text.count(". ") + text.count(".\n")) * 1000 >= 7.5 * len(text) or _DICTATION_HINT.search(text) is None:
        return text
    done, last = "", 0  # the text up to `last`, as rewritten so far
    for m in _DICTATED.finditer(text):
        kind = m.lastgroup
        before = done + text[last:m.start()]
        if kind == "stop" and before.rstrip().rsplit(None, 1)[-1:] in ([w] for w in _NOT_SPOKEN_BEFORE):
            continue  # 'for a period of', 'am Punkt' (the word, no mark)
        if kind == "scratch":
            start = max((b.end() for b in _SCRATCH_BOUND.finditer(before)), default=0)
            for w in re.findall(r"[^\W\d_][\w-]*", text[m.end():m.end() + 80])[:3]:
                hit = [x.start() for x in re.finditer(rf"(?<![\w]){re.escape(w)}(?![\w])", before, re.IGNORECASE)]
                if hit and hit[-1] >= len(before) - 200:
                    start = hit[-1]
                    break
            done = before[:start]
        else:
            done = before.rstrip(" \t") + _MARK[kind]
        last = m.end()
    return text if last == 0 else done + text[last:]


_PLACEHOLDER = re.compile(r"\[[A-Za-z_ ]{2,24}\]")
# Where a section header may start (section_re's own anchors): scanning only these positions instead of
# letting the header alternation try every character is ~10x faster and finds the same headers.
_WORD = re.compile(r"[a-z]{3,}|(?<!\w)_(?!\w)")  # a word, or the placeholder of a removed identifier
# words between a finding's comma and a hedge that give the hedge no subject of its own ('..., allerdings nicht sicher
# abgrenzbar', '..., however, cannot be excluded')
_CONTRAST_WORDS = ("jedoch", "aber", "allerdings", "trotzdem", "dennoch", "but", "however", "though", "although", "yet")
_CONNECTIVES = frozenset(_CONTRAST_WORDS) | frozenset((
    "also", "auch", "dabei", "hier", "this", "dies", "diese", "dieser", "which", "was", "ist", "sind", "is", "are",
    "the", "der", "die", "das", "ein", "eine", "einer", "and", "und", "still", "noch", "sicher", "definitely",
    "completely", "entirely", "vollständig", "ganz", "letztlich", "hence"))
_ADVERB_ENDINGS = ("isch", "lich", "ly", "weise")  # adverbs: '..., radiologisch nicht sicher abgrenzbar'
_CAPPING = (Label.UNCERTAIN,)  # an impression value that caps the findings' values of the finding's children
_FRACTURE_LINE = ("frakturlinie", "frakturspalt", "fracture line")
# "no acute fracture line", "keine frische Frakturlinie": a new fracture is ruled out, the old one is not gone
_FRESH_BEFORE = re.compile(r"(?<![a-z])(?:acute|fresh|new|recent|akut|frisch|neu)[a-z]*[\s-]+$")
_GRADE_END = re.compile(r"(?<![a-z])(?:[ivx]{1,4}|[1-6])[a-c]?[ \t]*\Z")  # a term that ends in its grade
_BRACKET_GRADE = re.compile(r"\b(?:grad|grade|typ|type|stadium|stage|klasse|class)\b|\b[ivx]{1,4}\b")
_DASH_SEP = re.compile(r"[ \t][-–][ \t]")  # a dash between spaces: an aside, as a comma (not an em dash: a pause)
_DEGENERATION_SIGNS = frozenset({"degeneration", "narrowed", "exostosis", "sclerotic"})  # one arthrosis and its signs
_WITH_WORD = re.compile(r"\b(?:with|mit)\b")
_COORD = re.compile(r"\b(?:and|und|with|mit|plus|sowie)\b")
_DISPLACEMENT_WORD = re.compile(r"displac|disloc|disloz|dislok|verschieb|verschob")
_ALPHA = re.compile(r"[A-Za-z]+")
_EXAM_LINE = re.compile(r"^[ \t]*(?i:roentgen|xr|x-ray|rx)[ \t][^\n:]{3,80}:[ \t]*$", re.MULTILINE)
_WS_RUN = re.compile(r"\s+")
_ODD_WS = re.compile(r"[.!?;][^\S \t\n]")  # [.!?;] and a whitespace other than space, tab, newline
_TOKEN_CACHE_MAX = 50_000  # sentences; a site's reports repeat many ("Kein Frakturnachweis.")
# an observation and the interpretation of another kind that names the same finding
_INTERPRETS = frozenset({("narrowed", "degeneration"), ("sclerotic", "degeneration")})
_PRESENT_STATE = frozenset({"swelling", "effusion"})  # kinds that a 'status post' cue dates, not negates
_PLACED_KINDS = frozenset({"fracture", "degeneration"})  # findings that are where they are named, not signs of others
_LESION_KINDS = frozenset({"lytic", "sclerotic", "mass"})  # a pathologic fracture runs through one of them
# (an ossicle too: 'small corticated ossicle ..., probably an accessory ossicle', 'Ossikel, am ehesten akzessorisch,
# DD alter Ausriss' is a hedged ossicle; session 40)
_SIGN_KINDS = frozenset({"fracture", "dislocation", "subluxation", "degeneration", "ossicle"})
# a grade or a severity right after a differential or a query ('DD Tossy III', 'DD bereits Stadium III', '? IV',
# '?severe'): what is in doubt is the grade (RuleEngine._clause)
_DD_GRADE = re.compile(r"[ \t]*:?[ \t]*(?:(?:bereits|eher|evtl\.?|possibly|or|oder|ggf\.?)[ \t]+)?"
                       r"(?:(?:[a-zäöü]+[/-])?[a-zäöü]+[ \t]+)?(?:(?:typ|type|grade|grad|stadium|stage|class|klasse)"
                       r"[ \t]+)?(?:[ivx]{1,4}[a-c]?|[1-5][a-c]?)(?![\w.,]|[ \t]*(?:mm|cm|°|%|x[ \t]*\d))"
                       r"|[ \t]*(?:severe|schwere?|hochgradige?|ausgeprägte?|fortgeschrittene?|moderate|"
                       r"mittelgradige?)(?![\w])", re.IGNORECASE)
# a contrast that sets a hedge against the negation before it ('nicht abzugrenzen, jedoch nicht auszuschließen')
_CONTRAST = re.compile(rf"\b(?:{'|'.join(_CONTRAST_WORDS)})\b", re.I)
_OR_ONLY = re.compile(r"\s*(?:or|nor|oder|noch|bzw\.?)\s+")  # 'keine Fehlstellung oder Fraktur' (session 21)
# the words that join two nouns under one 'ohne' ('ohne Fehlstellung oder Fraktur')
_COORD_OR_ARTICLE = re.compile(r"(?<![a-zäöüß])(?:und|oder|noch|bzw|sowie|or|and|nor|der|die|das|des|einer?|eines)"
                               r"(?![a-zäöüß])")
# a fracture the hardware holds, not the hardware's own failure: 'Platte medial und lateral der Fraktur', 'screws
# bridging the fracture', 'K-wires across the fracture' (session 21), 'Plattenosteosynthese einer Schaftfraktur' (22)
_HARDWARE_ACROSS = re.compile(r"(?<![a-zäöü])(?:der|des|einer|eines|of|über|across|bridging|spanning|transfixing|"
                              r"traversing|fixing|through|stabili[sz]ing|durch)(?![a-zäöü])")
_FIXATION_OF = re.compile(r"[ \t]+(?:of|der|des|einer|eines)[ \t]")  # 'wiring of a', 'Osteosynthese einer'
_WITH_HARDWARE = re.compile(r"(?<![a-zäöü])(?:bei|with|after|following|nach|unter|post|s/p)(?![a-zäöü])")
_GRADE_WORD = re.compile(r"(?<![a-z])(?:typ|type|grade|grad|[ivx]{1,4}[a-c]?|\d[a-c]?)(?![a-z])")
_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:des|der|dem|den|die|das|am|im|vom|zum|zur|beim|an|auf|mit|bei|von|"
                             r"eines|einer|einem|the|of|in|at)\s+$", re.IGNORECASE)
_ORDINAL_BEFORE = re.compile(r"(?:^|\s)(?:der|die|das|des|dem|den|zur|zum|am|im|und|bis|oder)\s+$", re.IGNORECASE)
_AFTER_FINDING = re.compile(r"[a-zäöüß)]{3,}[ \t]+$")  # a word of >= 3 lower-case letters right before 'R.'
_FRAGMENT_KINDS = frozenset(("fracture", "ossicle", "calcification"))  # what a small bony fragment may be
# a bare grade offered as the alternative of an eponym's grade names the eponym again ('(Rockwood II, DD III)' is
# 'Rockwood II, DD Rockwood III': a dislocation in doubt, not only a grade; session 41), and so does one after a hedge
# word or a grade word of its own ('Rockwood II, possibly III', 'at least Rockwood II; grade III not excluded';
# session 42)
_GRADED_EPONYMS = ("rockwood", "tossy", "gartland", "mason", "neer", "allman", "eaton")
_BARE_ALT_GRADE = re.compile(r"\b((?:" + "|".join(_GRADED_EPONYMS) + r")(?:[-/ ]littler)?)"
                             r"([ -](?:(?:typ|type|grade|grad|stadium|stage)[ -])?)((?:[ivx]{1,4}|[1-6])[a-c]?)"
                             r"([ \t]*[,;]?[ \t]*(?:(?:dd|ddx|vs\.?|versus|allenfalls|at most|\?)[ \t]*"
                             r"(?:(?:bereits|eher|evtl\.?|possibly|ggf\.?)[ \t]+)?|"
                             r"(?:possibly|probably|perhaps|maybe|likely|questionably|möglicherweise|eventuell|evtl\.?|"
                             r"fraglich|vermutlich|wahrscheinlich|ggf\.?)[ \t]+(?:(?:even|sogar|schon)[ \t]+)?|"
                             r"[,;][ \t]*(?:grade|grad|type|typ)[ \t]+))((?:[ivx]{1,4}|[1-6])[a-c]?)"
                             r"(?![\w]|[.,]\d|[ \t]*(?:mm|cm|°|%))")
_QUERY = re.compile(r"(?:^|\s)\?\s?[a-z#]")  # '?fracture', '? #': a query glued to its word
_ORDINAL_RANGE = re.compile(r"\d{1,2}\.?[-–]\d{1,2}")
_PAREN = re.compile(r"\([^()]*\)")
_JOINT_MEASURE_RE = re.compile(
    r"(?<![a-z])(?P<j>ac|acg|akg|acj|sc|scg|scj|schultereck)(?![a-z])[^.;()\d]{0,30}?(?:spalt|space|weite|width)"
    # (a side's abbreviation between: 'ACG-Spalt re. 7 mm (li. 3 mm)'; session 34)
    r"(?:[^.;()\d]|(?<=\bre)\.|(?<=\bli)\.|(?<=\brt)\.|(?<=\blt)\.){0,20}?(?P<a>\d{1,2}(?:[.,]\d)?) ?mm ?"
    r"\((?:li|re|links|rechts|left|right|l|r|gegenseite|"
    r"contralateral|other side)\.?:? ?(?P<b>\d{1,2}(?:[.,]\d)?) ?mm")
_LESION_AFTER = re.compile(r"\s*(?:läsion|lesion|herd|focus|area|zone|bezirk)", re.I)  # 'Sklerotische Läsion'
_AWAY_FROM_JOINT = re.compile(r"vom gelenk weg|gelenkabgewandt|away from the (?:joint|physis|growth plate)|"
                              r"pointing away from")
_HEALING_SCLEROSIS = re.compile(r"sclerosis|sclerotic|osteosclero\w*|sklerose\w*|\w+sklerose|sklerosierung\w*|"
                                r"\w+sklerosierung|sklerotisch\w*|sklerosiert\w*|sklerosezone\w*|verdichtungszone\w*")
_COORD_END = re.compile(r"\b(?:and|und|with|mit|plus|sowie)\s+$")


# cues after which a sentence says nothing about this image: a question, advice, a sign-off line (which alone
# takes its whole sentence, even past a spaced dash or a semicolon)
_CUT_CUES = ("question", "skip", "advice")
_TAIL_CUES = ("question", "advice")


def _sclerosis_of(s: str, e: _Event, owners: list[_Event]) -> bool:
    """Sclerotic event `e` is a stated fracture's healing or a degenerated joint's sclerosis (see _sentence_base):
    a generic sclerosis word beside a fracture anywhere in the sentence, or within six words of a degeneration and
    no lesion noun after it."""
    if not _HEALING_SCLEROSIS.fullmatch(s, e.start, e.end):
        return False
    return any(o.kind == "fracture" for o in owners) or not _LESION_AFTER.match(s, e.end) and any(
        o.kind == "degeneration" and len(s[min(e.end, o.end):max(e.start, o.start)].split()) <= 6 for o in owners)


def _tail_start(s: str, end: int, toks: Sequence[_Tok] = ()) -> int:
    """Where the tail holding a question or advice starts in sentence `s` before `end` (-1: none): the last spaced
    dash, or the last comma outside brackets with no finding between it and the cue ('Fraglicher Ausriss an der
    Koronoidspitze, ggf. CT zur Klärung', 'acj - mild widening, subluxation cannot be excluded, weight-bearing views
    if clinically indicated'; the comma since session 36)."""
    dash = max(s.rfind(" - ", 0, end), s.rfind(" – ", 0, end), s.rfind(" — ", 0, end))
    c = s.rfind(",", 0, end)
    if c > dash and s.rfind("(", 0, c) <= s.rfind(")", 0, c) \
            and not any(t.entry.events for t in toks if c < t.start < end):
        return c
    return dash


def _word_before(text: str, start: int, j: int) -> tuple[int, str]:
    """Where the word before position j (a '.') starts and the word, lower case without an opening bracket: back to
    the last whitespace, not before `start` (the sentence so far is not sliced)."""
    k = j
    while k > start and not text[k - 1].isspace():
        k -= 1
    return k, text[k:j].lower().strip("([")


def _skip_ws(s: str, i: int) -> int:
    while i < len(s) and s[i].isspace():
        i += 1
    return i


# ... and the gap before an item of a list numbered inside a line ('a) V.a. Fissur der Klavikula re. b)
# AC-Gelenksarthrose', 'impression: 1) possible fracture 2) AC joint osteoarthritis'; session 45, round zd: the hedge
# ran into the next item)
_SENT_END = re.compile(r"[.!?]+(?=\s|$)|\n|[ \t]+(?=\(?(?:[a-h]|[1-9])\)[ \t]+[^\W\d_])")  # (speed: no look-behind)
_WRAPPED_NEXT = re.compile(r"[ \t]*[a-zäöüß]")  # a wrapped line's continuation (RuleEngine.sentences)
_UPPER = re.compile(r"[A-ZÄÖÜ]")
_QUERY_NEXT = re.compile(r"[ \t]+[^\W\d_]")  # a word after a '?' on the same line: the query opens a clause


# on folded text (_sections folds: 'zurückgenommen' is 'zurueckgenommen', „…“ are straight quotes)
_CORRECTION = re.compile(r"(?:wird|werden|ist|sind)[ \t]+(?:hiermit[ \t]+|somit[ \t]+)?(?:korrigiert|revidiert|"
                         r"zurueckgenommen|zu[ \t]+korrigieren)|(?:is|are)[ \t]+(?:hereby[ \t]+)?(?:corrected|"
                         r"withdrawn|retracted|amended)|should[ \t]+(?:read|be[ \t]+corrected)")
_CORRECTION_HINTS = ("korrig", "revid", "zurückgenommen", "correct", "withdr", "retract", "amended", "should read")
_QUOTED = re.compile(r"\"[^\"\n]{1,80}\"|»[^«\n]{1,80}«|'[^'\n]{1,80}'")
_RELATIVE_OPEN = re.compile(r"\s*(?:which|welche[rs]?)(?![\w])")
_SHORT_QUOTED = re.compile(r"(?<![\w])(?:\"[^\"\n]{2,30}\"|'[^'\n]{2,30}')(?![\w])")
# a statement the sentence withdraws by naming it, unquoted: 'the earlier impression of swelling is withdrawn', 'der
# Verdacht auf eine Fraktur wird zurückgenommen' (session 28)
_WITHDRAWN = re.compile(r"(?:(?:the|a|an)[ \t]+)?(?:(?:earlier|previous|prior|initial|preliminary|original)[ \t]+)?"
                        r"(?:impression|finding|report|diagnosis|mention|suggestion|description|query|question)s?"
                        r"[ \t]+of[ \t]+(?:(?:a|an|the)[ \t]+)?(?P<en>[^;,.:\n]{1,60}?)[ \t]+(?:is|are)[ \t]+"
                        r"(?:hereby[ \t]+)?(?:withdrawn|retracted)"
                        r"|(?:der|die|das)[ \t]+(?:verdacht|verdachtsdiagnose|beschreibung|befund|aussage|diagnose)"
                        r"[ \t]+(?:(?:auf|einer?|eines|der|des|den|dem)[ \t]+){0,2}(?P<de>[^;,.:\n]{1,60}?)[ \t]+"
                        r"(?:wird|werden)[ \t]+(?:hiermit[ \t]+|somit[ \t]+)?(?:zurueckgenommen|revidiert)")


def _withdrawn(m: re.Match) -> str:
    """The withdrawn statement made a negation of the same length: 'no swelling', 'kein fraktur'."""
    neg = f"no {m.group('en')}" if m.group("en") is not None else f"kein {m.group('de')}"
    return neg.ljust(len(m.group()))


class _Tok:
    __slots__ = ("start", "end", "entry")

    def __init__(self, start: int, end: int, entry: Entry):
        self.start, self.end, self.entry = start, end, entry


@dataclass(slots=True)
class _Event:
    kind: str
    start: int
    end: int
    mod: str
    locs: set[str] = field(default_factory=set)
    morphs: dict[str, str] = field(default_factory=dict)  # name -> modality
    own_locs: bool = False
    context: set[str] = field(default_factory=set)  # heading locations of the sentence
    text_locs: set[str] = field(default_factory=set)  # locations named in the text (not by an eponym)
    spec_locs: frozenset[str] = frozenset()  # locations an eponym brings ("Mason III": radial head)
    spec_morphs: frozenset[str] = frozenset()
    text_morphs: set[str] = field(default_factory=set)
    descriptive: bool = False
    old: bool = False  # "healed fracture": true unless the report says it is no longer visible
    gone: bool = False  # negated by "no longer visible"
    fresh: bool = False  # "no acute fracture", "keine frische Fraktur": only a new one is ruled out
    extends: bool = False  # "involvement of the radial neck": counts only after a fracture stated in its section
    still: bool = False  # "fracture line still discernible": an old fracture the report still sees (rule 7)

    def copy(self) -> _Event:
        return _Event(self.kind, self.start, self.end, self.mod, set(self.locs), dict(self.morphs), self.own_locs,
                      set(self.context), set(self.text_locs), self.spec_locs, self.spec_morphs,
                      set(self.text_morphs), self.descriptive, self.old, self.gone, self.fresh,
                      self.extends, self.still)


@dataclass
class Mention:
    """One finding value extracted from one place of a report (kept for explanations)."""

    finding: str
    value: Label
    strong: bool  # a weak negative ("no other fracture") never overrides anything
    section: str
    sentence: str
    event: int = -1  # which event of the report it comes from (subsumed events are dropped whole)


def _ascii_caseless_trie(words) -> str:
    """An alternation matching any of the lower-case ASCII `words` in any ASCII case, as a trie of [xX] classes:
    the regex engine rejects a position in one class test instead of trying every word with IGNORECASE."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [(f"[{ch}{ch.upper()}]" if ch.isalpha() else re.escape(ch)) + emit(kid)
                for ch, kid in sorted(node.items()) if ch]
        if "" in node:
            alts.append("")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root)


def _combine(a: str, b: str) -> str:
    """The lower of two modalities (a morphology is only as certain as its fracture)."""
    order = {NEG: 0, WEAK: 0, UNC: 1, POS: 2}
    return a if order[a] <= order[b] else b


class RuleEngine:
    """Labels one region's reports; stateless between reports, so safe to reuse."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        # a section heading dictated with a spoken full stop ('Befund Punkt ...' -> 'Befund. ...'): a heading
        heads = "|".join(re.escape(h).replace(r"\ ", r"\s+")
                         for h in sorted(lexicon.section_kinds, key=len, reverse=True))
        self._dictated_head = re.compile(r"^([ \t]*(?:" + heads + r"))\.(?=[ \t])", re.IGNORECASE | re.MULTILINE)
        self.template = lexicon.template
        self._rules_by_event: dict[str, list] = {}
        for r in lexicon.rules:
            self._rules_by_event.setdefault(r.event, []).append(r)
        self._strong_in = lexicon.in_locs - lexicon.weak_locs
        self._weak_locs = lexicon.weak_locs
        # the places that have a fracture finding of their own (lateral third, radial head; not the whole bone)
        self._parts = frozenset(r.loc for r in self._rules_by_event.get("fracture", ()) if r.loc) & lexicon.in_locs
        # the joints a subluxation or dislocation is placed at by its own rule ('ac', 'sc'; fallbacks are bones)
        self._joints = frozenset(r.loc for ev in ("subluxation", "dislocation")
                                 for r in self._rules_by_event.get(ev, ()) if r.loc and not r.fallback)
        self._matchers = tuple((m.regex, m.literal, m.pattern_entry) for m in (lexicon.word, lexicon.infix))
        # an observation is interpreted by a hedge only where the template has no finding of its own for it: a thumb's
        # narrowing is its degeneration's, a clavicle's is 'ac_joint_space_narrowed' ('Gelenkspalt gering verschmälert,
        # fraglich beginnende Arthrose' keeps the narrowing certain; session 36)
        found = {ev: {r.finding for r in rs} for ev, rs in self._rules_by_event.items()}
        self._interprets = frozenset((a, b) for a, b in _INTERPRETS if found.get(a, set()) <= found.get(b, set()))
        # the first word of every header: a header can only start where one of them stands as a whole word
        self._head_firsts = frozenset(_ALPHA.match(h).group() for h in lexicon.section_kinds)
        # where _heads tries the header alternation: a position after an anchor whose first word (after the
        # optional '- ' / '> ' prefix) is a header's first word, or a word that runs into a non-ASCII character
        # ('İ', 'K' (Kelvin) fold to ASCII letters in the case-insensitive header regex)
        first = _ascii_caseless_trie(self._head_firsts)
        cond = r"(?=" + HEAD_PREFIX + r"*+(?:" + first + r"(?![A-Za-z])|[A-Za-z]*+[^\x00-\x7f]))"
        self._head_start = re.compile(cond)  # at the text start
        # ends where a header may start: after an anchor, or after [.!?;] and one whitespace (a space or tab after
        # the anchor needs no second try: section_re's prefix takes it)
        self._head_cand = re.compile(r"[\n.!?;]" + cond)
        self._head_cand_ws = re.compile(r"(?:[\n.!?;]|[^\S \t\n](?<=[.!?;].))" + cond)  # (slower: for _ODD_WS)
        self._sentences: dict[str, tuple] = {}  # sentence -> _sentence_base(sentence)
        self._measured_joints = frozenset(("ac", "sc")) & lexicon.in_locs  # see _JOINT_MEASURE_RE
        # the findings that name a kind of a finding ('fracture_comminuted', 'radial_head_fracture_displaced')
        self._morph_findings = frozenset(r.finding for r in lexicon.rules if r.morph)
        self._descendants: dict[str, list[str]] = {}
        for fid in self.template.ids:
            for anc in self.template.ancestors(fid):
                self._descendants.setdefault(anc, []).append(fid)

    # ---- text -> sections -> sentences -----------------------------------------------------
    def sections(self, text: str) -> list[tuple[str, str]]:
        """[(kind, text)] with kind findings / impression / question / other."""
        return self._sections(text)[0]

    def _sections(self, text: str) -> tuple[list[tuple[str, str]], bool]:
        """sections() and whether a header introduced the findings (else a question may stand unlabelled
        at the top of the body: 'Fell off bike. ?fracture')."""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if "\\.br\\" in text:  # an HL7 message's text: '\.br\' is its line break (session 39)
            text = text.replace("\\.br\\", "\n")
        spoken = undictate(text)
        if spoken is not text:
            text = self._dictated_head.sub(r"\1:", fold(spoken))
        text = fold(_PLACEHOLDER.sub(" _ ", text))
        heads = self._heads(text)
        if not heads:
            return [("findings", text)], False
        kinds = [self.lex.section_kinds.get(_WS_RUN.sub(" ", m.group("h").lower()), "other") for m in heads]
        if "addendum" in kinds:  # an addendum's own 'Impression amended:' or 'Befund:' is the addendum's (session 35)
            first = kinds.index("addendum")
            kinds = ["addendum" if i > first and k in ("findings", "impression") else k for i, k in enumerate(kinds)]
        for i, m in enumerate(heads):
            if kinds[i] == "findings" and not text[m.end(): heads[i + 1].start() if i + 1 < len(heads)
                                                  else len(text)].strip():
                kinds[i] = "other"  # a title line ('Röntgenbefund') heads nothing: the findings stand elsewhere
                # (below the history's paragraph, session 29)
        out: list[tuple[str, str]] = []
        labelled = any(k in LABELLED for k in kinds)
        pre = text[: heads[0].start()]
        if pre.strip():
            # without a findings header, the text above the first header holds the findings (below the
            # letterhead): "...\nNo fracture. Mild soft tissue swelling.\nImpression: No bony injury."
            out.append(("other" if "findings" in kinds else "findings", pre))
        for i, (m, kind) in enumerate(zip(heads, kinds, strict=True)):
            end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
            body = text[m.end(): end]
            if kind in ("question", "other") and (not labelled or (
                    "findings" not in kinds and not any(k in LABELLED for k in kinds[:i]))):
                # Without a findings header, "Indication: fall." ends with its line (or paragraph)
                # and what follows is the report body (up to an impression header, if any).
                if body.split("\n", 1)[0].strip():
                    first, _, rest = body.partition("\n")
                elif m.start() > 0 and text[m.start() - 1] != "\n" and "\n" in body:
                    # a comparison closing the exam's line ('Clavicula re. in 2 Ebenen, Vergleich mit der postop.
                    # Voraufnahme vom 23.01.2026:') heads no paragraph: the lines below are the findings (session 27)
                    first, _, rest = body.partition("\n")
                else:
                    parts = re.split(r"\n\s*\n", body.lstrip("\n"), maxsplit=1)
                    first, rest = parts[0], (parts[1] if len(parts) > 1 else "")
                if rest.strip():
                    out.append((kind, first))
                    # an exam's own line ('Roentgen Daumen re. 2 Ebenen:') heads the findings: what stands above
                    # it is more history (session 29)
                    ex = _EXAM_LINE.search(rest)
                    if ex is not None and rest[:ex.start()].strip():
                        out.append(("other", rest[:ex.start()]))
                        rest = rest[ex.start():]
                    out.append(("findings", rest))
                    continue
            out.append((kind, body))
        return out, "findings" in kinds

    def _heads(self, text: str) -> list[re.Match]:
        """section_re.finditer(text), trying the header alternation only where section_re's anchors allow a
        match to start (text start, after a newline, after [.!?;] and one whitespace) and a header's first
        word follows the optional '- ' / '> ' prefix (one scan by _head_cand): the same matches, ~10x faster
        than letting the case-insensitive alternation try every character."""
        head_re = self.lex.section_re
        out: list[re.Match] = []
        last = 0
        cands = (self._head_cand_ws if _ODD_WS.search(text) else self._head_cand).finditer(text)
        for p in ([0] if self._head_start.match(text) else []) + [c.end() for c in cands]:
            if p < last:
                continue
            m = head_re.match(text, p)
            if m is not None:
                # not inside brackets ('(Gegenseite lt. Voraufnahme aus _ vom _: 9 mm)': a removed place and date
                # leave no full stop to end the header's span; session 48)
                line = text[text.rfind("\n", 0, p) + 1:p]
                if "(" in line and line.count("(") > line.count(")"):
                    continue
                out.append(m)
                last = m.end()
        return out

    def line_heading(self, s: str) -> set[str]:
        """The heading locations a line opens with ('AC-Gelenk: ...', 'Left elbow:'), for the rest of its line: a
        short label without commas or brackets before the colon ('09:12, Lars Eriksson-Hand, MD): ...' is none)."""
        colon = s.find(":")
        if colon < 0 or len(s[:colon].split()) > 3 or any(c in s[:colon] for c in ",()"):
            return set()
        return _heading_locs(s, self.tokens(s))

    def sentences(self, text: str) -> list[str]:
        out: list[str] = []
        start = 0
        final, abbreviations = self.lex.sentence_final, self.lex.abbreviations
        # a report written with capitals that wraps its lines: a line ending in a word or a comma and the next
        # starting in lower case are one sentence ('MCP subluxation cannot\nbe excluded'; session 35). In a report
        # typed in lower case every line starts so, and a line stays a sentence there.
        cased = None  # (worked out at the first line that looks wrapped)
        for m in _SENT_END.finditer(text):
            if m.group()[0] in " \t" and (m.start() == 0 or text[m.start() - 1] in " \t\n:("):
                continue  # an item's number after a colon or a bracket opens no new sentence
            if m.group() == "\n" and m.start() > start and (text[m.start() - 1].isalnum() or text[
                    m.start() - 1] == ",") and _WRAPPED_NEXT.match(text, m.end()):
                if cased is None:
                    cased = len(_UPPER.findall(text)) * 20 > len(text)
                if cased:
                    continue
            if m.group() == "\n" and m.start() > start + 1 and text[m.start() - 1] == ".":
                # a line wrapped after an abbreviation ('keine Luxation od.\nSubluxation'; session 51)
                word = _word_before(text, start, m.start() - 1)[1]
                if word in abbreviations and word not in final:
                    continue
            if m.group() == "?" and (m.start() == start or text[m.start() - 1] in " \t:(") \
                    and _QUERY_NEXT.match(text, m.end()):
                continue  # '? AC joint subluxation', 'Impression: ? fracture': a leading query, no sentence end
            if m.group()[0] == ".":
                k, word = _word_before(text, start, m.start())
                # "V.a.", "Dr.", an initial; but "Os metacarpale I." ends a sentence, and so does
                # "Rhizarthrose li. Fragliche ..." (laterality follows its noun)
                if word in final and text[m.end(): m.end() + 3].lstrip()[:1].isupper():
                    if _ARTICLE_BEFORE.search(text, max(start, k - 8), k):
                        continue  # 'Verschmälerung des re. SC-Gelenkspalts': laterality before its noun (session 18)
                elif word in ("r", "l") and text[m.end(): m.end() + 3].lstrip()[:1].isupper() \
                        and _AFTER_FINDING.search(text, max(start, k - 12), k):
                    pass  # 'fracture-dislocation R. Possible ...': a side after its finding ends the sentence
                elif word in abbreviations or (len(word) == 1 and word.isalpha() and word not in "ivx"):
                    continue
                nxt = text[m.end(): m.end() + 2].lstrip()
                ordinal = word.isdigit() or _ORDINAL_RANGE.fullmatch(word) is not None  # '5', '5.-7'
                if ordinal and (nxt[:1].isdigit() or nxt[:1].islower() or "-" in word or (
                        len(word) <= 2 and _ORDINAL_BEFORE.search(text, max(start, k - 8), k))):
                    continue  # '3.4 mm', 'der 3. und 4. Rippe': an ordinal or a decimal, no sentence end
            s = text[start: m.end()].strip()
            if s:
                out.append(s)
            start = m.end()
        s = text[start:].strip()
        if s:
            out.append(s)
        return out

    def tokens(self, s: str) -> list[_Tok]:
        """The lexicon's matches in sentence `s`, left to right, the longest at a start, none overlapping: one
        scan per matcher, the matched text looked up in the matcher's literal table inline (most matches are a
        literal word) before its patterns are tried (Matcher.entry)."""
        # (start, -length, order found, end, entry): by start, the longest first, then word before infix patterns
        found: list[tuple[int, int, int, int, Entry]] = []
        append = found.append
        n = 0
        for regex, literal, entry in self._matchers:
            for m in regex.finditer(s):
                a, b = m.span()
                if b > a:
                    key = m.group()
                    if not key.isalpha():
                        key = SEPARATORS.sub("", key)
                    e = literal.get(key)
                    if e is None:
                        e = entry(s, a, b)
                        if e is None:
                            continue
                    append((a, a - b, n, b, e))
                    n += 1
        found.sort()
        out: list[_Tok] = []
        last = 0
        for a, _, _, b, e in found:
            if a >= last:
                out.append(_Tok(a, b, e))
                last = b
        return out

    # ---- one sentence ---------------------------------------------------------------------------
    def sentence_events(self, s: str, prev_fractures: list[_Event]) -> list[_Event]:
        base = self._sentences.get(s)
        if base is None:
            base = self._sentence_base(s)
            if len(self._sentences) >= _TOKEN_CACHE_MAX:
                self._sentences.clear()
            self._sentences[s] = base
        events, pending_morphs = [e.copy() for e in base[0]], base[1]
        fractures = [e for e in events if e.kind == "fracture"]
        for pos, name, mod in pending_morphs:  # morphology whose clause had no fracture
            target = None
            if fractures:
                target = min(fractures, key=lambda e: abs(e.start - pos))
            elif prev_fractures:
                target = prev_fractures[-1]
            if target is not None:
                self._add_morph(target, name, mod)
        # "Fracture of the radial head. The fracture is displaced.": a bare fracture refers back.
        if prev_fractures:
            for e in fractures:
                if not e.locs and e.mod in (POS, UNC) and prev_fractures[-1].locs:
                    e.locs |= prev_fractures[-1].locs
        return events

    def _sentence_base(self, s: str) -> tuple[tuple[_Event, ...], tuple[tuple[int, str, str], ...]]:
        """The events of one sentence on its own (before the previous sentences are consulted) and the
        morphology its clauses could not place. A pure function of the sentence, so it is cached per engine
        (sentence_events copies the events: the report's later steps change them)."""
        toks = self.tokens(s)
        # (a sign-off's words in brackets inside a sentence are an aside, not a signature: 'Nach Durchsicht der CT
        # (angefordert von OÄ Dr. Gruber) korrigiere ich: ... Fraktur'; session 46, round ep)
        cuts = [t for t in toks if t.entry.cue in _CUT_CUES
                and not (t.entry.cue == "skip" and s.count("(", 0, t.start) > s.count(")", 0, t.start))]
        q = cuts[0] if cuts else None
        signoff = q is not None and any(t.entry.cue == "skip" for t in cuts)
        if q is not None and ";" in s:
            # 'an occult radial head fracture cannot be excluded; follow-up if pain persists': a question or an
            # instruction ends at a semicolon, the clause beside it is a finding's (session 22)
            semis = [i for i, c in enumerate(s) if c == ";"]
            part = [sum(1 for c in semis if c < t.start) for t in toks]
            asked = {p for p, t in zip(part, toks, strict=True) if t.entry.cue in _CUT_CUES}
            # a part's finding before a spaced dash or a comma stays when only a question or advice follows it
            heads: dict[int, int] = {}
            for p, t in zip(part, toks, strict=True):
                if t.entry.cue in _TAIL_CUES and not signoff:
                    heads.setdefault(p, _tail_start(s, t.start, toks))  # the part's first question or advice
            kept = [t for p, t in zip(part, toks, strict=True)
                    if p not in asked or t.end <= heads.get(p, -1) and heads[p] > (semis[p - 1] if p else -1)]
            if any(t.entry.events for t in kept):
                toks, q = kept, None
        if q is not None:
            # '..., DD Ossikel – CT zur Abklärung empfohlen': a question after a spaced dash (or a comma, _tail_start)
            # is only the tail's, and so is advice ('Likely occult supracondylar fracture - treat as such'); a
            # sign-off line goes whole
            dash = _tail_start(s, q.start, toks)
            if dash < 0 or not any(t.entry.events for t in toks if t.end <= dash) or signoff:
                return (), ()
            toks = [t for t in toks if t.end <= dash]
        # "Left shoulder: ...", "Handgelenk: ...": a heading location is context for the whole
        # sentence (rule 4), not a location to attach to the nearest event.
        colon = s.find(":")
        heading = _heading_locs(s, toks)
        if heading and not heading <= _STEP_JOINTS:
            # (an AC or SC joint's heading names the joint its line describes: 'AC-Gelenk: Gelenkspalt deutlich
            # verschmälert, osteophytäre Randanbauten an Acromion ...' narrows the AC joint, not the acromion; session
            # 47)
            toks = [t for t in toks if not (t.entry.loc in heading and t.end <= colon)]
        clauses: list[list[_Tok]] = [[]]
        relative: list[bool] = [False]  # the clause opens with 'which' / 'welche': its subject is the noun before it
        for t in toks:
            if t.entry.cue == "terminator":
                clauses.append([])
                relative.append(bool(_RELATIVE_OPEN.fullmatch(s, t.start, t.end)))
            else:
                clauses[-1].append(t)
        events: list[_Event] = []
        pending_morphs: list[tuple[int, str, str]] = []
        spans = [m.span() for m in _PAREN.finditer(s)] if "(" in s else []  # the parentheses, found once
        for k, clause in enumerate(clauses):
            if clause:
                ev, morphs = self._clause(s, clause, spans)
                # 'the distal phalangeal tuft, which shows a comminuted fx': a finding of a relative clause that names
                # no place is at the place its clause opens after (session 36)
                if relative[k] and (prev := [t for t in clauses[k - 1] if not t.entry.comma]) \
                        and (before := prev[-1]).entry.loc and not before.entry.events:
                    for e in ev:
                        if not e.locs:
                            e.locs.add(before.entry.loc)
                events.extend(ev)
                pending_morphs.extend(morphs)
        for e in events:
            e.context |= heading
        if pending_morphs and not any(e.kind == "fracture" for e in events) and (
                heading and heading <= _STEP_JOINTS or any(t.entry.loc in _STEP_JOINTS for t in toks)):
            # 'AC-Gelenk: fragliche diskrete Stufe am Unterrand', 'Stufenbildung im AC-Gelenk': a step at the AC or SC
            # joint is the joint's, not the displacement of a fracture a sentence before ('the fragment is displaced
            # relative to the AC joint' still is; session 26)
            pending_morphs = [p for p in pending_morphs if not (p[1] == "displaced" and _STEP_WORD.match(s, p[0]))]
        self._stated_parts_of_constellations(events)
        if any(e.kind == "sclerotic" for e in events) and (owners := [
                e for e in events if e.kind in ("fracture", "degeneration") and e.mod != NEG]):
            # sclerosis beside a fracture is its healing ('a faint sclerotic band at the fracture site', 'Frakturlinie
            # als sklerotische Narbe'; session 22), within six words of a degenerated joint the degeneration's
            # ('kaudale Osteophyten und Sklerosierung wie bei ACG-Arthrose'; session 34): no lesion either way (a
            # lesion noun stays: 'bone island', 'Sklerosierungsherd', 'Sklerotische Läsion')
            events = [e for e in events if not (e.kind == "sclerotic" and _sclerosis_of(s, e, owners))]
        if "mm" in s and self._measured_joints:
            # 'AC-Gelenkspalt rechts 11 mm (links 4 mm)': a joint space measured against the other side, 3 mm or more
            # wider, is widened though no word says so (session 22)
            for m in _JOINT_MEASURE_RE.finditer(s):
                joint = "ac" if m.group("j") in ("ac", "acg", "akg", "acj", "schultereck") else "sc"
                a, b = (float(m.group(g).replace(",", ".")) for g in ("a", "b"))
                if joint in self._measured_joints and a - b >= 3 and not any(
                        e.kind == "widened" and joint in e.locs for e in events):
                    events.append(_Event("widened", m.start(), m.end(), POS, {joint}, text_locs={joint}))
        if _AWAY_FROM_JOINT.search(s):
            # 'knöcherne Ausziehung ..., vom Gelenk weg gerichtet': an outgrowth pointing away from the joint is an
            # exostosis (osteochondroma), no osteophyte of a degenerated joint (session 22)
            events = [e for e in events if e.kind != "degeneration"]
        return tuple(events), tuple(pending_morphs)

    @staticmethod
    def _stated_parts_of_constellations(events: list[_Event]) -> None:
        """'terrible triad: dislocation, radial head fracture, probable coronoid fracture': a term that implies
        findings at several places (its lexicon entry names them) yields each place the sentence states on its own
        with another modality (hedged or negated) to that statement; a place covers its sub-places (coronoid:
        coronoid_tip)."""
        for ev in events:
            if ev.mod != POS or len(ev.spec_locs) < 2:
                continue
            for other in events:
                if other is ev or other.kind != ev.kind or other.mod == POS:
                    continue
                ev.locs -= {p for p in ev.spec_locs if any(q == p or q.startswith(p + "_") for q in other.locs)}

    @staticmethod
    def _add_morph(ev: _Event, name: str, mod: str) -> None:
        old = ev.morphs.get(name)
        order = {NEG: 0, WEAK: 0, HIST: 0, UNC: 1, POS: 2}
        if old is None or order[mod] > order[old]:
            ev.morphs[name] = mod

    def _clause(self, s: str, clause: list[_Tok], spans: list[tuple[int, int]]
                ) -> tuple[list[_Event], list[tuple[int, str, str]]]:
        """The events of one clause and the morphology it could not place; `spans` are the sentence's
        parentheses (start, end)."""
        # comma segments and their word counts
        seg_of: list[int] = []
        seg_bounds: list[tuple[int, int]] = []
        seg = 0
        seg_start = clause[0].start
        for t in clause:
            if t.entry.comma:
                seg_bounds.append((seg_start, t.start))
                seg += 1
                seg_start = t.end
            seg_of.append(seg)
        seg_bounds.append((seg_start, clause[-1].end))
        has_state = seg > 0 and any(t.entry.cue == "state_post" for t in clause)  # (speed: most clauses have none)
        # a segment's words up to its last finding: the place after it does not make a list item long ('no fracture,
        # ..., soft tissue swelling or radiopaque foreign body of the left clavicle'; session 22)
        last_event = [a for a, _ in seg_bounds]
        for t, k in zip(clause, seg_of, strict=True):
            if t.entry.events:
                last_event[k] = t.end
        seg_words = [len(s[a:e if e > a else b].split()) for (a, b), e in zip(seg_bounds, last_event, strict=True)]
        # "X versus Y", "DD": a hedge binds to its own comma segment, and to the one before when it
        # names another finding ("ossicle, DD avulsion"), not when it names the nature of the same one
        # ("osteolysis, DD metastasis"; "soft tissue mass, DD ganglion")
        hedged_segs: set[int] = set()
        hedged_toks: set[int] = set()  # single terms a query glued to them hedges
        # the segments a differential opens ('..., DD alte Bandverkalkung')
        dd_led = [False] * (seg + 1)
        for n, t in enumerate(clause):
            if t.entry.cue == "unc_clause" and (n == 0 or seg_of[n - 1] != seg_of[n] or clause[n - 1].entry.comma):
                dd_led[seg_of[n]] = True
        # a parenthesis that names a finding or a place of its own is an aside: its hedges and negations stay in
        # it ("foreign body (DD glass, DD paint)", "fracture of the lateral third (Neer II pattern suspected)")
        group = [-1] * len(clause)
        asides: set[int] = set()
        if spans:
            for n, t in enumerate(clause):
                g = next((k for k, (a, b) in enumerate(spans) if a < t.start < b), -1)
                group[n] = g
                if g >= 0 and (t.entry.events or t.entry.loc or t.entry.morph):
                    asides.add(g)
        hedged_groups: set[int] = set()
        seg_kinds: list[set[str]] | None = None  # the kinds of findings each comma segment names

        def aside(j: int, i: int) -> bool:
            """Cue j stands in an aside that token i is not part of."""
            return group[j] in asides and group[j] != group[i]

        for n, t in enumerate(clause):
            if t.entry.cue == "unc_clause":
                # a differential or a query of a grade or a severity hedges the grade, not the finding graded
                # ('Tossy II, DD Tossy III', '(Eaton/Littler II, DD III)', 'moderate (?severe) CMC OA'; session 40)
                gm = _DD_GRADE.match(s, t.end)
                graded = gm is not None
                nx = clause[n + 1] if n + 1 < len(clause) else None
                # ... and where the graded alternative is a term of its own ('(Rockwood II, DD Rockwood III)': a
                # dislocation), that term is in doubt (session 41)
                if graded and nx is not None and nx.entry.events and nx.start < gm.end():
                    hedged_toks.add(n + 1)
                if group[n] in asides:
                    if not (graded and any(group[j] == group[n] and clause[j].entry.events for j in range(n))):
                        hedged_groups.add(group[n])
                    continue
                # (... or a term of a kind its segment names nowhere else: 'widened AC joint ?subluxation' asks about
                # the subluxation, not the widening; session 41)
                if nx is not None and nx.start == t.end and s[t.start:t.end] == "?" and nx.entry.events and (all(
                        ev.locs or ev.morphs for ev in nx.entry.events) or not {
                            sp.kind for j, x in enumerate(clause) if j != n + 1 and seg_of[j] == seg_of[n]
                            for sp in x.entry.events} & {ev.kind for ev in nx.entry.events}):
                    # a query glued to a term that brings its own place or kind (an eponym, 'radial head fracture')
                    # asks about that term alone ('Bennett fracture-subluxation ?Rolando': the comminution is in doubt,
                    # not the fracture; session 40)
                    hedged_toks.add(n + 1)
                    continue
                sg = seg_of[n]
                # a query or differential inside a bracket that names no finding but a grade asks about the grade
                # ('sekundäre Rhizarthrose (Grad II–III nach Eaton/Littler?) und Subluxation'; session 41)
                br = next(((a, b) for a, b in spans if a < t.start < b), None)
                if br is not None and group[n] not in asides and _BRACKET_GRADE.search(s, br[0], br[1]):
                    continue
                if graded and (s[t.start:t.end].strip() == "?" and not dd_led[sg]
                               or any(a < t.start < b for a, b in spans)):
                    continue  # (a graded differential in brackets ends there: '(Eaton II, DD III) mit Subluxation')
                hedged_segs.add(sg)
                if graded:
                    continue
                if seg_kinds is None:  # (built once per clause, at its first differential that needs it)
                    seg_kinds = [set() for _ in range(seg + 1)]
                    for x, k in zip(clause, seg_of, strict=True):
                        seg_kinds[k].update(sp.kind for sp in x.entry.events)
                kinds_here = seg_kinds[sg]
                # ... but a query naming another kind of thing ('fracture of the tuft, ? tiny foreign body') asks about
                # its own segment only; a query among bone fragments is a differential ('ossicle, ? avulsion')
                query = s[t.start:t.end].strip() == "?"
                # (nor does a relative clause's differential reach back past its own noun: 'swelling with a tiny
                # focus, which may represent a glass fragment versus artefact'; session 29)
                if sg > 0 and kinds_here and not (query and not kinds_here <= _FRAGMENT_KINDS) \
                        and not _RELATIVE_OPEN.match(s, seg_bounds[sg][0]):
                    before = seg_kinds[sg - 1]
                    # (a differential that names a kind of a finding already stated, by a term that brings its own
                    # kind, doubts the kind: 'Bennett fracture with CMC subluxation, DD Rolando fracture'; session 41)
                    variant = kinds_here <= before and all(
                        sp.morphs for x, k in zip(clause, seg_of, strict=True) if k == sg for sp in x.entry.events)
                    # (nor does a differential of an observation's cause, where the template keeps the observation
                    # as a finding of its own: 'Verschmälerter SC-Gelenkspalt, DD beginnende Arthrose vs.
                    # altersentsprechend' leaves the narrowing certain; session 41)
                    cause = before <= {a for a, b in _INTERPRETS if b in kinds_here and (a, b) not in self._interprets}
                    if before and not before <= kinds_here and not variant and not cause:
                        hedged_segs.add(sg - 1)
                        # ... and back along a chain of differentials to the finding they are alternatives of
                        # ('Verkalkung am Epicondylus, DD alte Bandverkalkung, DD akzessorisches Ossikel'; session 40)
                        # (not past a lesion whose first differential names its nature: 'umschriebene Sklerosierung,
                        # DD Kompaktainsel, DD Frakturfolge' doubts what the sclerosis is, not that it is; session 41)
                        k = sg - 1
                        while k > 0 and dd_led[k]:
                            k -= 1
                            here = seg_kinds[k]
                            if not here or here <= _LESION_KINDS and here & seg_kinds[k + 1]:
                                break
                            hedged_segs.add(k)
        old = any(t.entry.old for t in clause)
        # (a fracture line 'no longer discernible' is the opposite of one still visible: 'the former fracture gap is
        # bridged ... and the fracture line is no longer discernible' keeps the old fracture old; session 22)
        # (nor is a visible-word a negation denies: 'konsolidierte Olekranonfraktur, keine Pseudarthrose'; session 28)
        # (a visible-word after the gone-word is the later word: 'knöchern konsolidiert, die Frakturlinie ist noch
        # zart abgrenzbar' still sees the line; session 29)
        seen = [i for i, t in enumerate(clause) if t.entry.visible and not (
            i and clause[i - 1].entry.cue == "neg_pre" and len(s[clause[i - 1].end:t.start].split()) <= 2)]
        gone_at = [i for i, t in enumerate(clause) if t.entry.cue == "gone"]
        still = bool(seen) and (not gone_at or max(gone_at) < max(seen) and "," in s[clause[max(gone_at)].end:
                                                                                      clause[max(seen)].start])
        visible = any(t.entry.visible or (t.entry.events and s.startswith(_FRACTURE_LINE, t.start)) for t in clause)

        def contrast_hedge(j: int):
            """The hedge right after negating cue j, in its segment or the next, that a contrast word sets
            against it ('jedoch/aber ... nicht auszuschließen', 'but cannot be excluded'), else None: nothing
            the lexicon knows (another finding, place, morphology or cue) in between."""
            commas = 0
            for k in range(j + 1, len(clause)):
                x = clause[k]
                if x.entry.comma:
                    commas += 1
                    if commas > 1:
                        return None
                    continue
                if x.entry.events or x.entry.morph or x.entry.loc or x.entry.cue not in _POST:
                    return None
                ok = _CUE_MOD[x.entry.cue] == UNC and _CONTRAST.search(s, clause[j].end, x.end) is not None
                return x if ok else None
            return None

        def list_post(i: int, j: int) -> tuple[str, int, str] | None:
            """A cue after a list that token i opens, its first item alone before comma j: 'Fremdkörper,
            Verkalkungen oder eine Raumforderung sind nicht abzugrenzen', 'fracture, dislocation or effusion is not
            seen', 'lytic lesion, sclerotic lesion, foreign body: none seen' (session 44: the first item stayed
            present). Every item a short segment of findings, the last joined by 'or'/'and' or the cue opening with a
            colon or a spaced dash ('Röntgendichter Fremdkörper, Weichteilverkalkungen - beides fehlt'; session 45), the
            cue at most POST_WINDOW words after the last finding and no other cue."""
            if seg_words[seg_of[i]] > LIST_ITEM_WORDS or clause[i].entry.morph:
                return None
            last = clause[i]
            for k in range(j + 1, len(clause)):
                x = clause[k]
                if x.entry.comma:
                    if seg_words[seg_of[k + 1] if k + 1 < len(clause) else seg_of[k]] > LIST_MAX_WORDS:
                        return None
                    continue
                if x.entry.events or x.entry.loc or x.entry.morph:
                    if x.entry.events:
                        last = x  # (the items findings: 'Rhizarthrose im CMC-Gelenk, MCP- und IP-Gelenk o.B.'
                        # lists joints, and its cue is theirs)
                    continue
                if x.entry.cue in _POST and last is not clause[i] \
                        and (_LIST_OR_AND.search(s, clause[j].end, last.start) or ":" in s[last.end:x.start + 1]
                             or _LIST_DASH.search(s, last.end, min(len(s), x.start + 3))) \
                        and len(s[last.end:x.start].split()) <= POST_WINDOW:
                    return _CUE_MOD[x.entry.cue], x.start - clause[i].end, x.entry.cue
                # ... and a list a colon closes whose later items the lexicon does not know ('Fremdkörper,
                # periartikuläre Verkalkungen, Chondrokalzinose: nicht vorhanden'; session 47)
                if x.entry.cue in _POST and last is clause[i] and _LIST_COLON_TAIL.fullmatch(
                        s, max(t.end for t in clause[j:k] if t.entry.comma), x.start):
                    return _CUE_MOD[x.entry.cue], x.start - clause[i].end, x.entry.cue
                return None
            return None

        def with_other(t: _Tok, tok: _Tok) -> bool:
            """Whether t names a finding of another kind than tok's, so that 'with' between them joins two findings
            (not an arthrosis and its own signs: 'fraglich beginnende Arthrose mit Gelenkspaltverschmälerung')."""
            if not t.entry.events:
                return False
            kinds = {e.kind for e in t.entry.events} | {e.kind for e in tok.entry.events}
            return not kinds <= _DEGENERATION_SIGNS and {e.kind for e in t.entry.events} != {
                e.kind for e in tok.entry.events}

        def packed_list(j: int, i: int) -> bool:
            """A negation's list typed without commas ('no fracture dislocation lytic or sclerotic lesion joint
            effusion soft tissue swelling or foreign body'; session 50): every token from the cue j to the item after
            the list's 'or' / 'noch' (the finding i or one of the four after it) is a term, at most two other words
            between any two."""
            if clause[j].entry.cue != "neg_pre":
                return False
            # the list ends at the item after its 'or': the finding i may stand before that (session 51: 'no fracture
            # dislocation ... soft tissue swelling calcification or foreign body' left the calcification)
            e = i
            while not _LIST_END.search(s, clause[e - 1].end, clause[e].start):
                e += 1
                if e >= len(clause) or e - i > 4:
                    return False
            ends = [clause[k].end for k in range(j, e)]
            starts = [clause[k].start for k in range(j + 1, e)] + [clause[e].start]
            return all((clause[k].entry.events or clause[k].entry.loc or clause[k].entry.morph)
                       and not clause[k].entry.cue and not clause[k].entry.comma for k in range(j + 1, e + 1)) \
                and all(len(_LIST_END.sub(" ", s[a:b]).split()) <= 2 for a, b in zip(ends, starts, strict=True))

        def modality(i: int) -> tuple[str, str]:
            """The nearest cue's modality for token i (pos / unc / neg / weak), and the cue kind."""
            tok = clause[i]
            best: tuple[str, int, str] | None = None
            # after: same comma segment only
            for j in range(i + 1, len(clause)):
                t = clause[j]
                if aside(j, i):
                    continue
                if with_other(t, tok) and _WITH_WORD.search(s, tok.end, t.start):
                    break  # 'joint effusion with occult radial neck fracture not excluded': a cue after the finding
                    # 'with' adds is that finding's (session 46)
                if t.entry.comma:
                    if (lp := list_post(i, j)) is not None:
                        best = lp  # the first item of a list the cue after it closes
                        break
                    # a hedge alone in the next segment ("Fraktur des Daumens, nicht sicher abgrenzbar")
                    for k in range(j + 1, len(clause)):
                        tk = clause[k]
                        if tk.entry.comma or tk.entry.events or tk.entry.morph or tk.entry.loc:
                            break
                        if tk.entry.cue in _POST:
                            if _CUE_MOD[tk.entry.cue] == NEG and _WORD.search(s, t.end, tk.start):
                                break  # 'fracture of the radial head, cortex of the neck intact': another subject
                            if _CUE_MOD[tk.entry.cue] == UNC and any(
                                    w not in _CONNECTIVES and not w.endswith(_ADVERB_ENDINGS)
                                    for w in _WORD.findall(s, t.end, tk.start)):
                                break  # 'radial head fracture, ligament injury cannot be excluded': the hedge's own
                                # subject, no finding of the template (session 37)
                            rest = clause[k + 1:]
                            seg_end = next((x.start for x in rest if x.entry.comma), len(s))
                            semi = s.find(";", tk.end, seg_end)
                            seg_end = semi if semi >= 0 else seg_end
                            # "..., likely a bone island": the hedge governs what follows it in its segment;
                            # so does "..., likely complex/irreducible" (a quality of the finding, not the finding)
                            governs = tk.entry.cue in _PRE and (any(
                                x.entry.events or x.entry.morph for x in rest[:next(
                                    (n for n, x in enumerate(rest) if x.entry.comma), len(rest))])
                                or _WORD.search(s, tk.end, seg_end) is not None)
                            if not governs and len(s[tok.end:tk.start].split()) <= POST_WINDOW + 4:
                                best = (_CUE_MOD[tk.entry.cue], tk.start - tok.end, tk.entry.cue)
                            break
                    break
                if t.entry.cue in _POST:
                    # "soft tissue swelling and possible haematoma": a hedge that opens a second, coordinated
                    # finding governs that one, not the finding before the conjunction
                    nxt_term = next((x for x in clause[j + 1:] if not x.entry.loc), None)
                    coordinated = (t.entry.cue in _PRE and nxt_term is not None and bool(nxt_term.entry.events)
                                   and _COORD.search(s, tok.end, t.start) is not None)
                    # "olecranon fracture with likely delayed union": a hedge right after the conjunction opens a
                    # second, coordinated thing (a word the lexicon need not know), not a hedge of the finding
                    if t.entry.cue in _PRE and not coordinated:
                        m = _COORD_END.search(s, tok.end, t.start)
                        coordinated = m is not None and _WORD.match(s, _skip_ws(s, t.end)) is not None
                    # (a bracketed aside counts no words: 'the subluxation seen on the initial study (about one third
                    # of the clavicular width) is no longer present'; session 48)
                    gap = s[tok.end:t.start]
                    if len((_PAREN.sub(" ", gap) if "(" in gap else gap).split()) <= POST_WINDOW and not coordinated:
                        best = (_CUE_MOD[t.entry.cue], t.start - tok.end, t.entry.cue)
                        # '... ist nicht abzugrenzen, jedoch nicht sicher auszuschließen', '... not seen, but
                        # cannot be excluded': a hedge set against the negation leaves the finding uncertain
                        if best[0] == NEG and (h := contrast_hedge(j)) is not None:
                            best = (UNC, best[1], h.entry.cue)
                    break
                if t.entry.cue in _PRE:
                    if j + 1 < len(clause) and clause[j + 1].entry.morph:
                        continue  # "fracture w/o comminution cannot be excluded": the cue governs the morphology
                    if s[t.start:t.end] in ("ohne", "without") and j + 1 < len(clause) \
                            and clause[j + 1].entry.cue in _POST and not clause[j + 1].entry.comma:
                        continue  # '... ist ohne Belastungsaufnahme nicht sicher auszuschließen': 'ohne' governs
                        # its own noun, the hedge after it the finding (session 28)
                    break
            # before: nearest cue, crossing commas only out of short list items (then the list, not the
            # word count, is the scope: "no fracture, dislocation, ..., calcification or foreign body")
            in_list = False
            # an item that states its own finding's course ('kein Frakturnachweis, Erguss rückläufig') is no list
            # item (session 29)
            own_state = has_state and any(clause[x].entry.cue == "state_post" and seg_of[x] == seg_of[i]
                                          for x in range(i + 1, len(clause)))
            for j in range(i - 1, -1, -1):
                t = clause[j]
                if aside(j, i):
                    continue
                if best is None and with_other(t, tok) and _WITH_WORD.search(s, t.end, tok.start):
                    break  # 'possible fracture with effusion': a hedge before the finding 'with' adds to another is
                    # that other finding's (session 46)
                if t.entry.comma:
                    # a comma between the adjectives of one finding ("V.a. okkulte, nicht dislozierte suprakondyläre
                    # Humerusfraktur"): nothing but words the lexicon does not know lies between it and the cue
                    # before it, so the cue's scope goes on (session 17)
                    k = j - 1
                    while k >= 0 and not (clause[k].entry.cue or clause[k].entry.comma or clause[k].entry.events
                                          or clause[k].entry.loc or clause[k].entry.morph):
                        k -= 1
                    if k >= 0 and clause[k].entry.cue in _PRE and clause[k].entry.cue not in _POST \
                            and len(s[clause[k].end:t.start].split()) <= 2:
                        continue
                    # list items continue a scope ("no fracture, dislocation"); a trailing morphology
                    # does not ("fx w/o comminution, displaced")
                    nxt = clause[j + 1]
                    limit = LIST_MAX_WORDS if _LIST_END.search(s, t.end, clause[-1].end) else LIST_ITEM_WORDS
                    # an item the lexicon does not know ("..., periosteal reaction, soft tissue swelling") is
                    # still an item of the list: a short segment without any term continues it
                    # (a hedged grade ends its hedge: 'a.e. Eaton-Littler II, mit radialer Subluxation'; session 41)
                    if j > 0 and clause[j - 1].entry.events and _GRADE_END.search(s, clause[j - 1].start, t.start):
                        break
                    if (seg_words[seg_of[j + 1]] > limit or tok.entry.morph or own_state
                            or not (nxt.entry.events or nxt.entry.loc or nxt.entry.morph or nxt.entry.comma)
                            or len(s[t.end:nxt.start].split())
                            > (LIST_OR_GAP if _LIST_END.search(s, t.end, nxt.start) else 2)):
                        break
                    in_list = True
                    continue
                if t.entry.morph_negated and _OR_ONLY.fullmatch(s, t.end, tok.start):
                    best = (NEG, tok.start - t.end, "neg_pre")  # 'no displacement or fracture': one list, one 'no'
                    break
                if t.entry.cue in _PRE:
                    if t.entry.cue == "neg_pre" and s[t.start:t.end] in ("ohne", "without") and any(
                            x.entry.morph and "," not in s[x.end:tok.start] and _WORD.search(
                                _COORD_OR_ARTICLE.sub(" ", s[x.end:tok.start])) for x in clause[j + 1:i]):
                        break  # 'ohne relevante Fehlstellung verheilte Fraktur': 'ohne' ends with its own noun
                    if in_list or len(s[t.end:tok.start].split()) <= PRE_WINDOW or packed_list(j, i):
                        d = tok.start - t.end
                        mod_pre = _CUE_MOD[t.entry.cue]
                        # a suspicion refuted after the fact ("V.a. Fissur wird nicht bestätigt") is negative
                        refuted = best is not None and best[0] == NEG and mod_pre == UNC
                        if (best is None or d < best[1]) and not refuted:
                            best = (mod_pre, d, t.entry.cue)
                    break
                if t.entry.cue in _POST:
                    break
            mod = best[0] if best else POS
            # (a hedge of the finding's nature is no statement that it is certain: 'Verdichtung, am ehesten
            # posttraumatische Weichteilverkalkung, DD Ossikel' doubts the calcification; session 40)
            if mod == POS and (best is None or best[2] == "pseudo") and (
                    group[i] in hedged_groups or i in hedged_toks
                    or (seg_of[i] in hedged_segs and group[i] not in asides)):
                mod = UNC
            if mod == HIST:
                mod = POS if visible or old else WEAK
            return mod, (best[2] if best else "")

        events: list[_Event] = []
        locs: list[tuple[int, int, str]] = []
        positioned: list[tuple[int, int, str]] = []  # places after 'anterior to', 'ventral des': where a thing lies
        morphs: list[tuple[int, int, str, str]] = []
        for i, t in enumerate(clause):
            e = t.entry
            if e.events:
                mod, cue = modality(i)
                for spec in e.events:
                    # "postoperative soft tissue swelling", "Erguss nach Reposition": a swelling or effusion after an
                    # operation or reduction is on this image, not history
                    ev = self._make_event(spec, t, POS if cue == "hist_pre" and spec.kind in _PRESENT_STATE
                                          and not spec.negated else mod)
                    ev.descriptive = e.descriptive
                    ev.extends = e.extends
                    ev.old = old and not still and mod in (POS, UNC)
                    ev.still = still and mod == POS
                    # "has united, no fracture line is now visible": a negated fracture line says an old one is gone
                    ev.fresh = mod == NEG and bool(_FRESH_BEFORE.search(s, max(0, t.start - 14), t.start))
                    ev.gone = cue == "gone" or (mod == NEG and s.startswith(_FRACTURE_LINE, t.start) and not ev.fresh)
                    events.append(ev)
            elif e.loc:
                # "fragment anterior to the trochlea", "Fragment ventral des Humerus": where something lies, not
                # where it comes from
                p = clause[i - 1] if i else None
                nx = clause[i + 1] if i + 1 < len(clause) else None
                if p is not None and p.entry.cue == "neg_pre" and len(s[p.end:t.start].split()) <= 2 and (
                        nx is None or not (nx.entry.events or nx.entry.morph or nx.entry.loc)):
                    continue  # '(not clavicular)', 'nicht die Klavikula': a place denied, no site of anything
                if p is None or p.entry.cue != "position" or len(s[p.end:t.start].split()) > POSITION_GAP:
                    locs.append((t.start, t.end, e.loc))
                else:
                    positioned.append((t.start, t.end, e.loc))
            elif e.morph:
                mod, _ = modality(i)
                morphs.append((t.start, t.end, e.morph, NEG if e.morph_negated else mod))
        for g in asides:
            # a bracket with no cue of its own that names the finding before it by its class ('probable occult
            # nondisplaced supracondylar fracture of the distal humerus (Gartland type I)'): the class is that
            # finding's, hedge and all, however far the hedge stands (session 34)
            if any(clause[n].entry.cue for n in range(len(clause)) if group[n] == g):
                continue
            a, b = spans[g]
            prev = [e for e in events if e.end <= a]
            for ev in (e for e in events if a < e.start < b and e.mod == POS):
                if prev and prev[-1].kind == ev.kind and prev[-1].mod == UNC:
                    ev.mod = UNC
        self._hedged_interpretation(s, clause, events, spans)
        hardware = [e for e in events if e.kind == "hardware"]
        events = [e for e in events if e.kind not in ("hardware", "ignore")]
        if hardware:  # "the lateral screw is fractured", "fracture of the plate": hardware failure, not bone
            # ... but not "Olekranonfraktur bei regelrecht liegender Zuggurtung": a fracture, then 'with' the hardware
            events = [e for e in events if e.kind != "fracture" or not any(
                len(s[min(e.end, h.end):max(e.start, h.start)].split()) <= HARDWARE_WINDOW
                and "," not in s[min(e.end, h.end):max(e.start, h.start)]
                # 'Klavikulaschaftfraktur (7-Loch-Platte, 6 Schrauben)': the bracket names the fixation (session 28)
                and not (e.end <= h.start and "(" in s[e.end:h.start])
                and not (e.end <= h.start and _WITH_HARDWARE.search(s, e.end, h.start))
                and not (h.end <= e.start and _HARDWARE_ACROSS.search(s, h.end, e.start)) for h in hardware)]
            # 'after tension band wiring of an olecranon fracture': the fracture the hardware was put on is a treated
            # one; it stays true unless the report says its line is gone (rule 7; session 22)
            for e in events:
                if e.kind == "fracture" and e.mod == POS and any(
                        h.end <= e.start and len(s[h.end:e.start].split()) <= 3 and _FIXATION_OF.match(s, h.end)
                        for h in hardware):
                    e.old = True
        # locations -> nearest event (ties: the following one: adjectives and compounds come first)
        commas = [t.start for t in clause if t.entry.comma]

        def seg_at(pos: int) -> int:
            return sum(1 for c in commas if c < pos)

        if events and locs:
            # 'Olecranon fracture, coronoid intact', 'Radiushalsfraktur, Radiuskopf intakt': a place said to be intact
            # in a comma segment with no finding of its own is no other segment's site (session 22)
            intact = {seg_at(t.start) for t in clause if t.entry.cue == "neg_post"}
            if intact:
                intact -= {seg_at(ev.start) for ev in events}
                locs = [lc for lc in locs if seg_at(lc[0]) not in intact]
        if events:
            owner: dict[int, _Event] = {}  # location start -> the event it was given to
            fragment: set[int] = set()  # starts of places a displacement was described at (a fragment's)
            for a, b, name in locs:
                # the event of the same comma segment first, then the nearest (ties: the following one)
                target = min(events, key=lambda ev: (seg_at(ev.start) != seg_at(a), max(0, ev.start - b, a - ev.end),
                                                     ev.start < a))
                # "radial neck fracture with tilt of the radial head": the place a displacement is
                # described at is the fragment's, not a second fracture site; so is the place a displacement is
                # denied at ('Kortikalisstufe am Radiushals ohne Abkippung des Radiuskopfes'; session 46)
                if target.locs and any(x.entry.morph and a - x.end >= 0
                                       and len(s[x.end:a].split()) <= 3 and "," not in s[x.end:a]
                                       and not any(x.end <= ev.start < a for ev in events) for x in clause):
                    fragment.add(a)
                    continue
                target.locs.add(name)
                target.text_locs.add(name)
                owner[a] = target
            for ev in events:
                # (nor the place of a fragment's displacement: 'Radiushalsfraktur mit Abkippung des Radiuskopfes ...,
                # Frakturzone noch erkennbar' is the neck's; session 22)
                if not ev.locs and not ev.own_locs and any(lc[0] not in fragment for lc in locs):
                    # a finding stated as present does not borrow the place of a negated one ("AC joint arthrotic
                    # with joint space narrowing, no fracture, no osteolysis SC joint": the narrowing is the AC's)
                    cands = [lc for lc in locs if lc[0] not in fragment]
                    if ev.mod in (POS, UNC):
                        cands = [lc for lc in cands if lc[0] not in owner or owner[lc[0]].mod in (POS, UNC)] or cands
                    seg = seg_at(ev.start)
                    if any(o is not ev and o.own_locs and seg_at(o.start) == seg for o in events):
                        # 'Rhizarthrosis with subluxation, IP joint arthrosis': a compound of its own comma segment
                        # places it (below), not a place after the comma (session 49)
                        cands = [lc for lc in cands if seg_at(lc[0]) == seg]
                        if not cands:
                            continue
                    a, b, name = min(cands, key=lambda lc: max(0, ev.start - lc[1], lc[0] - ev.end))
                    ev.locs.add(name)
                    ev.text_locs.add(name)
            # 'tiny flake anterior to the coronoid tip, likely a small avulsion': an avulsion that interprets a
            # fragment and names no place of its own comes from the bone the fragment lies beside (not the fragment
            # itself: 'fleck anterior to the coronoid; tip avulsion cannot be excluded' is no certain coronoid
            # fracture; session 40)
            for ev in events:
                if ev.kind == "fracture" and "avulsion" in ev.morphs and not ev.locs and not ev.own_locs \
                        and not ev.descriptive and positioned and ev.mod in (POS, UNC):
                    a, b, name = min(positioned, key=lambda lc: max(0, ev.start - lc[1], lc[0] - ev.end))
                    ev.locs.add(name)
                    ev.text_locs.add(name)
            # "ACG-Arthrose mit Gelenkspaltverschmälerung": an unplaced event takes the place an
            # eponym or compound of its clause brings
            for ev in events:
                if not ev.locs and ev.kind != "fracture":
                    near = [o for o in events if o is not ev and o.own_locs]
                    if near:
                        # (the one of its own comma segment first: 'Rhizarthrose mit Subluxation, IP-Arthrose' is the
                        # CMC joint's subluxation; session 49)
                        ev.locs |= min(near, key=lambda o: (seg_at(o.start) != seg_at(ev.start),
                                                            abs(o.start - ev.start))).spec_locs
            # "lytic lesion in the lateral third with a pathologic fracture through it": a fracture that names no part
            # of the region (only the bone, or nothing) is where the lesion of its clause is
            lesions = [o for o in events if o.kind in _LESION_KINDS and o.mod in (POS, UNC) and o.locs & self._parts]
            if lesions:
                for ev in events:
                    if (ev.kind == "fracture" and ev.mod in (POS, UNC) and ev.locs <= self.lex.in_locs
                            and not ev.locs & self._parts):
                        ev.locs |= min(lesions, key=lambda o: abs(o.start - ev.start)).locs & self._parts
            # "bony fragment ..., likely an avulsion of the coronoid tip": the observation is replaced
            # by the interpretation that follows it (which takes its place if it names none)
            keep = []
            for n, ev in enumerate(events):
                nxt = events[n + 1] if n + 1 < len(events) else None
                # (a density or fullness taken for a foreign body, a calcification or a swelling only by what it is
                # said to be, not by a negated neighbour: "radiopaque density in the soft tissues, no fracture")
                if ev.descriptive and nxt is not None and nxt.start > ev.end and (
                        ev.kind not in _DESCRIBED_UNLESS_DENIED or nxt.mod in (POS, UNC)) and (
                        ev.kind not in _INTERPRETED_ONLY or nxt.mod == UNC
                        or _INTERPRETING_WORDS.search(s, ev.end, nxt.start)):
                    if not nxt.locs:
                        nxt.locs |= ev.locs
                        nxt.text_locs |= ev.text_locs
                    continue
                keep.append(ev)
            events = keep
            # 'DIP joint osteoarthritis of the index finger (Heberden nodes)': a finding in brackets that names no
            # place restates the one of its kind before the bracket, and is where that one is (session 22; not a
            # fracture: 'Ausriss des ulnaren Kollateralbandes (knöcherner Skidaumen)' names the bone by its eponym)
            for n in range(1, len(events) if spans else 0):
                ev, prev = events[n], events[n - 1]
                if ev.text_locs or prev.kind != ev.kind or ev.kind == "fracture" or not prev.text_locs:
                    continue
                if any(a < ev.start < b and prev.end <= a for a, b in spans):
                    ev.locs = set(prev.locs)
                    ev.text_locs = set(prev.text_locs)
        fractures = [ev for ev in events if ev.kind == "fracture"]
        leftover: list[tuple[int, str, str]] = []
        said: dict[int, set[str]] = {}  # per fracture, the modalities the displacement word itself was given
        for a, b, name, mod in morphs:
            if fractures:
                target = min(fractures, key=lambda ev: (max(0, ev.start - b, a - ev.end), ev.start < a))
                self._add_morph(target, name, mod)
                target.text_morphs.add(name)
                if name == "displaced" and _DISPLACEMENT_WORD.search(s, a, b):
                    said.setdefault(id(target), set()).add(mod)
            else:
                leftover.append((a, name, mod))
                if name == "displaced" and _DISPLACEMENT_WORD.search(s, a, b):
                    said.setdefault(0, set()).add(mod)
        # "mild angulation, no significant displacement": the explicit word for displacement decides over
        # the other deformity words of its clause (angulation, step, shortening)
        # (and a queried one: 'fracture, angulated - ? displaced' doubts the displacement; session 41)
        for ev in fractures:
            if said.get(id(ev)) in ({NEG}, {UNC}) and ev.morphs.get("displaced") == POS:
                ev.morphs["displaced"] = next(iter(said[id(ev)]))
        if said.get(0) == {NEG}:  # the same for a sentence of its own that describes the last fracture
            leftover = [x for x in leftover if not (x[1] == "displaced" and x[2] == POS)]
        return events, leftover

    def _hedged_interpretation(self, s: str, clause: list[_Tok], events: list[_Event],
                               spans: list[tuple[int, int]]) -> None:
        """'narrowing of the MCP joint, probably degenerative', 'cortical step-off at the radial neck, suspicious
        for a fracture', 'Hochstand der Clavicula, am ehesten AC-Subluxation': an observation followed, after a
        comma, by its hedged interpretation is one finding, as uncertain as the interpretation. A hedged
        classification ('radial head fracture, likely Mason II') hedges the grade, not the fracture; and a lesion,
        mass, foreign body or swelling hedged as to its nature ('sclerotic focus, most likely a bone island',
        'foreign body, likely glass') stays certain: only findings that signs stand for are interpreted, and an
        ossicle, whose hedged name doubts that it is one ('corticated ossicle, probably an accessory ossicle, DD old
        avulsion'; session 40). Two findings of one kind at different named places ('radial head fracture, possible
        coronoid fracture') are two findings, and the hedge stays with the second, for kinds that are not signs of
        a place elsewhere (a fracture or a degeneration is where it is; a high-riding clavicle is the sign of an AC
        subluxation)."""
        commas = [t.start for t in clause if t.entry.comma]

        def places(ev: _Event) -> set[str]:
            """The places an event's comma segment names (its own compound's and the segment's place words)."""
            a = max((c for c in commas if c < ev.start), default=-1)
            b = min((c for c in commas if c >= ev.end), default=len(s))
            return set(ev.spec_locs) | {t.entry.loc for t in clause if t.entry.loc and a < t.start < b}

        def apart(x: _Event, y: _Event) -> bool:
            """The two name places of their own and no place in common (a weak place names none)."""
            px, py = places(x) - self._weak_locs, places(y) - self._weak_locs
            return bool(px and py and not px & py)

        # (a word the lexicon ignores stands between no observation and its interpretation: 'ossicle adjacent to the
        # radial aspect of the joint, probably an accessory ossicle'; session 40)
        events = [e for e in events if e.kind not in ("hardware", "ignore")]
        for n in range(len(events) - 1):
            x, y = events[n], events[n + 1]
            # 'MC I base fracture, questionably intra-articular (DD Bennett)': a differential in a parenthetical
            # aside qualifies the finding's nature, it does not make the finding an observation of it
            if any(a < y.start < b and not a < x.start < b for a, b in spans):
                continue
            if not (x.mod == POS and y.mod == UNC and y.kind in _SIGN_KINDS
                    and (x.kind == y.kind or (x.kind, y.kind) in self._interprets)):
                continue
            gap = s[x.end:y.start]
            # (the words after the comma lead to the interpretation, those before it place the observation: 'subtle
            # buckling of the lateral cortex of the radial neck, likely an undisplaced radial neck fracture';
            # session 41)
            # (a dash sets off an interpretation hedged after it as a comma does: 'narrowing of the first CMC joint -
            # early rhizarthrosis?'; session 41)
            dashed = "," not in gap
            gap = _DASH_SEP.sub(",", gap)
            if "," not in gap or len(gap.split()) > 16 or len(gap.rsplit(",", 1)[1].split()) > 8 \
                    or _GRADE_WORD.search(s, y.start, min(len(s), y.end + 8)):
                continue
            # (a weak place names no joint of its own: 'subchondrale Sklerose am Trapezium, fraglich beginnende
            # Rhizarthrose' is one hedged arthrosis of the thumb's base; session 36)
            if x.kind == y.kind and x.kind in _PLACED_KINDS and apart(x, y):
                continue
            if any(t.entry.cue in ("unc_pre", "unc_both") and x.end <= t.start < y.start for t in clause):
                if not dashed:
                    x.mod = UNC
                continue
            # 'Gelenkspalt leicht verschmälert, beginnende Arthrose nicht auszuschließen', 'slight narrowing of the IP
            # joint, early OA cannot be excluded': the hedge after the interpretation, before the next comma, is
            # the interpretation's too; not where the two name different joints (session 41)
            nxt = min((c for c in commas if c >= y.end), default=len(s))
            if x.kind != y.kind and any((t.entry.cue in ("unc_post", "unc_both") or s[t.start:t.end] == "?")
                                        and y.end <= t.start < nxt
                                        for t in clause) and not apart(x, y):
                x.mod = UNC

    @staticmethod
    def _make_event(spec: EventSpec, tok: _Tok, mod: str) -> _Event:
        if spec.negated:
            mod = NEG if mod in (POS, NEG) else WEAK if mod in (WEAK, HIST) else mod
            # "regelrechte Gelenkstellung" hedged ("fraglich regelrecht") says nothing either way
            mod = WEAK if mod == UNC else mod
        ev = _Event(spec.kind, tok.start, tok.end, mod, set(spec.locs), {}, own_locs=bool(spec.locs),
                    spec_locs=frozenset(spec.locs), spec_morphs=frozenset(spec.morphs))
        for m in spec.morphs:
            ev.morphs[m] = POS
        return ev

    # ---- events -> finding values ---------------------------------------------------------------
    def event_mentions(self, ev: _Event) -> list[tuple[str, Label, bool]]:
        lex = self.lex
        locs = ev.locs | ev.context
        for generic, specific in lex.generic_locs.items():
            if generic in locs and locs & specific:
                # 'Monteggia fracture-dislocation of the forearm', 'Forearm: fracture of the ulnar shaft': the ulna's,
                # not the radius's too (session 19)
                locs = locs - {generic}
        # a place named in the text outranks the one an eponym implies ("Heberden nodes of the
        # DIP joints" in a thumb report is the fingers')
        # a swelling over the joint next to the region is the region's ("soft tissue swelling over the shoulder"
        # in a clavicle study): the lexicon's soft_tissue_locs
        # and so is an ossicle at the acromion in a clavicle study, as an os acromiale is (the lexicon's
        # ossicle_locs; session 27: every hand-written corpus counted it)
        # (a foreign body in those soft tissues too: 'röntgendichte Fremdkörper über der Schulter'; session 38)
        in_locs = lex.in_locs | lex.soft_tissue_locs if ev.kind in ("swelling", "foreign_body") else \
            lex.in_locs | lex.ossicle_locs if ev.kind == "ossicle" else lex.in_locs
        if ev.text_locs and not ev.text_locs & self._strong_in and ev.text_locs - in_locs:
            return []
        if not ev.locs & self._strong_in:  # a specific in-region place always counts
            if ev.locs - in_locs:  # placed out of region ("distal radius", "wrist")
                return []
            if ev.context - in_locs and not ev.context & self._strong_in:  # under an out-of-region heading
                return []
        rules = self._rules_by_event.get(ev.kind, ())
        strong = ev.mod != WEAK
        out: list[tuple[str, Label, bool]] = []
        # a negated kind of fracture ('no comminuted fracture', 'keine Mehrfragmentfraktur') denies that kind only:
        # the fracture a sentence before or the report above it states stays (session 38, from the adversarial set
        # rt: an addendum's 'somit keine Mehrfragmentfraktur' took the whole fracture back)
        morph_only = ev.mod == NEG and bool(ev.text_morphs) and all(m == NEG for m in ev.morphs.values())
        if ev.mod in (NEG, WEAK) and not morph_only and not (locs & lex.in_locs) and not any(
                m != NEG for m in ev.morphs.values()):
            # "no fracture": every finding of this kind is explicitly absent
            return [(r.finding, Label.FALSE, strong) for r in rules]
        placed = {r.loc for r in rules if r.loc is not None and r.loc in locs and not r.fallback}
        for r in rules:
            if r.loc is not None and r.loc not in locs:
                continue
            if r.fallback and placed:  # "dislocation of P1 against MC I at the MCP joint": the joint decides
                continue
            if r.loc is None and ev.mod in (NEG, WEAK) and any(x.loc in locs for x in rules if x.loc):
                continue  # "no shaft fracture" says nothing about a fracture elsewhere
            if r.morph is None:
                if not morph_only:
                    out.append((r.finding, _VALUE[ev.mod], strong))
            elif r.morph in ev.morphs:
                if (r.morph in ev.spec_morphs and r.morph not in ev.text_morphs and r.loc is not None
                        and ev.spec_locs and r.loc not in ev.spec_locs):
                    continue  # "Mason III ... with the radial neck involved": the grade is the head's
                mm = ev.morphs[r.morph]
                mm = WEAK if mm == HIST else mm
                mod = _combine(ev.mod, mm)
                out.append((r.finding, _VALUE[mod], strong and mod != WEAK))
        return out

    def mentions(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        events: list[tuple[str, str, _Event]] = []
        sections, headed = self._sections(text)
        hist = self.lex.history
        low_text = text.lower()  # speed: the withdrawn-quote test runs only where a correction word stands
        corrections = any(h in low_text for h in _CORRECTION_HINTS)
        graded_report = any(h in low_text for h in _GRADED_EPONYMS)  # (speed: most reports name none)
        for kind, body in sections:
            if kind not in LABELLED:
                continue
            prev: list[_Event] = []
            prev_locs: set[str] = set()
            looks: list[str] = []  # the sentences without findings since the last with one (read when needed)
            prev_joints: set[str] = set()  # the joints the last sentence was about
            weak_locs: set[str] = set()  # the parts a 'status post' fracture of the section is placed at
            stated = False  # has this section stated a finding yet?
            untold: list[str] = []  # this line's sentences without findings before the first finding (the injury?)
            cursor, opener, heading = 0, "", None  # the line's first sentence; its heading, read when needed
            line_sents: list[str] = []  # the line's sentences before this one
            for sent in self.sentences(body):
                low = sent.lower()
                at = body.find(sent, cursor)
                new_line = at < 0 or cursor == 0 or "\n" in body[cursor:at]
                if new_line:
                    opener, heading, untold, line_sents = low, None, [], []
                cursor = at + len(sent) if at >= 0 else cursor
                if kind == "findings" and not stated and (low.rstrip().endswith("?") or (
                        not headed and _QUERY.search(low))):
                    continue  # 'Sturz Treppe, Fraktur? Luxation AC?' before any finding: the question, no header
                if corrections and _CORRECTION.search(low):
                    # 'Die Aussage "kein Fremdkörper" wird hiermit korrigiert': the quoted statement is withdrawn,
                    # not made again, and its negation reaches nothing after it (session 27)
                    low = _WITHDRAWN.sub(_withdrawn, _QUOTED.sub(lambda q: " " * len(q.group()), low))
                elif (corrections or kind == "addendum") and ("'" in low or '"' in low):
                    # a report that corrects itself, or an addendum, names what it takes back in quotes: 'the
                    # "osteophyte" is the tip of the plate hook', 'the "fish-hook" lies outside the skin' (session 29)
                    low = _SHORT_QUOTED.sub(lambda q: " " * len(q.group()), low)
                if graded_report and any(h in low for h in _GRADED_EPONYMS):
                    low = _BARE_ALT_GRADE.sub(r"\1\2\3\4\1\2\5", low)
                sent_events = self.sentence_events(low, prev)
                if not new_line and ":" in opener and any(not ev.locs and not ev.context for ev in sent_events):
                    # 'AC-Gelenk: regelrechte Stellung. Gelenkspalt verschmälert ...': a heading covers its line
                    heading = self.line_heading(opener) if heading is None else heading
                    for ev in sent_events:
                        if not ev.locs and not ev.context:
                            ev.context |= heading
                # "Mitbeteiligung des STT-Gelenks" in an arthritis: an involvement is a fracture's only when the
                # section has stated one (before, or earlier in the same sentence)
                if any(e.extends for e in sent_events):
                    sent_events = [e for e in sent_events if not e.extends or prev or any(
                        o.kind == "fracture" and not o.extends and o.mod in (POS, UNC) and o.start < e.start
                        for o in sent_events)]
                if (kind == "findings" and not stated and not headed and sent_events and hist is not None
                        and all(e.mod == UNC for e in sent_events)
                        and (hist.search(low) or any(hist.search(x) for x in untold))):
                    # 'Hyperextension injury playing football, ?avulsion' atop a body without header: history; also
                    # when the line told the injury in a sentence of its own ('Sturz vom Klettergerüst. V.a. Fraktur.')
                    continue
                if not stated and not sent_events:
                    untold.append(low)  # searched only when a hedged sentence follows (rare; the search is not cheap)
                stated = stated or bool(sent_events)
                # "There is cortical thinning; a pathologic fracture cannot be excluded" after a sentence
                # about a lesion of the medial third: an unplaced fracture is where the last sentence was
                for ev in sent_events:
                    if ev.kind == "fracture" and not ev.locs and ev.mod in (POS, UNC):
                        # 'Diskrete Aufhellungslinie der Klavikula in Schaftmitte. Eine Fraktur ist hier nicht sicher
                        # auszuschließen': a sentence that only looks at a part places the unplaced fracture after
                        # it (session 41)
                        for look in reversed(looks):
                            named = {t.entry.loc for t in self.tokens(look) if t.entry.loc} & self._parts
                            if named:
                                prev_locs = named
                                break
                        looks = []
                        if prev_locs or weak_locs:
                            ev.locs |= prev_locs or weak_locs
                    # 'Mild AC joint widening; subluxation cannot be excluded': an unplaced subluxation after a
                    # finding at one joint, in its sentence or the one before on its line, is that joint's (session 27)
                    if ev.kind in ("subluxation", "dislocation") and not ev.locs and not ev.context:
                        before = {loc for o in sent_events if o.start < ev.start and o.mod in (POS, UNC)
                                  for loc in o.locs & self._joints} or (set() if new_line else prev_joints)
                        if not before and not any(o.start < ev.start for o in sent_events):
                            # 'SC joint not assessable; subluxation or dislocation not excluded': the one joint its
                            # sentence names before it, with no finding there (session 42)
                            # (only a joint its sentence doubts: 'the CMC joint is congruent; the subluxation seen on
                            # the injury films is reduced' places nothing)
                            ahead = [t for t in self.tokens(low) if t.end <= ev.start]
                            joints = [t for t in ahead if t.entry.loc in self._joints]
                            if joints and any(t.entry.cue and t.entry.cue.startswith("unc") and t.start > joints[0].end
                                              for t in ahead):
                                before = {t.entry.loc for t in joints}
                        if len(before) == 1:
                            ev.locs |= before
                    # 'There is disruption of the acromioclavicular joint. The joint is widened': a joint's space
                    # or wear told without its joint is the joint its line named last (session 48)
                    # (a sentence that says 'joint' and names no part: not 'the CC distance is widened', not
                    # 'narrowing ... at the interphalangeal joint', not 'degenerative change at the DIP joints')
                    if ev.kind in _JOINT_STATE_KINDS and not ev.locs and not ev.context and line_sents \
                            and _JOINT_WORD.search(low) and not any(t.entry.loc for t in self.tokens(low)):
                        for look in reversed(line_sents):
                            named = {t.entry.loc for t in self.tokens(look) if t.entry.loc in self._joints}
                            if named:
                                if len(named) == 1:
                                    ev.locs |= named
                                break
                line_sents.append(low)
                events.extend((kind, sent, ev) for ev in sent_events)
                prev.extend(e for e in sent_events if e.kind == "fracture" and e.mod in (POS, UNC))
                placed = {loc for e in sent_events if e.mod in (POS, UNC) for loc in e.locs & self.lex.in_locs}
                if sent_events:
                    looks = []
                else:
                    looks.append(low)
                prev_locs = placed or prev_locs if not sent_events else placed
                prev_joints = {loc for e in sent_events if e.mod in (POS, UNC) for loc in e.locs & self._joints}
                # 'Z.n. Plattenosteosynthese einer Schaftfraktur im mittleren Drittel. ... Frakturspalt noch
                # abgrenzbar': the fracture the operation fixed is where a later unplaced fracture line is (session 22)
                weak_locs |= {loc for e in sent_events if e.kind == "fracture" and e.mod == WEAK
                              for loc in e.locs & self._parts}
        # a report without headings that opens with its suspicion and then rules it out ('..., Kante gegen li. Schulter.
        # V.a. Fraktur.\n\nkein Frakturnachweis.'): the opening hedge was the question (session 28)
        if not headed and events and events[0][0] == "findings" and events[0][2].mod == UNC:
            lead = 0
            while lead < len(events) and events[lead][0] == "findings" and events[lead][2].mod == UNC:
                lead += 1
            if all(any(k == "findings" and ev.mod == NEG and ev.kind == events[i][2].kind for k, _, ev in events[lead:])
                   for i in range(lead)):
                events = events[lead:]
        # rule 7: once the report says a fracture can no longer be seen, an old/healed one is not on the image
        # (unless it also says the line is still seen: 'Frakturlinie noch diskret erkennbar, kein Frakturspalt'; the
        # healed fracture of its impression stays; session 28)
        if any(ev.gone and ev.kind == "fracture" for _, _, ev in events) and not any(
                ev.still and ev.kind == "fracture" for _, _, ev in events):
            for _, _, ev in events:
                if ev.kind == "fracture" and ev.old and ev.mod == POS:
                    ev.mod = NEG
        # rule 7: "old united fracture of the middle third ... no acute fracture": the negation rules out a
        # new fracture, not the old one (nor its place) that the report describes as still there
        elif any(ev.kind == "fracture" and ev.old and ev.mod in (POS, UNC) for _, _, ev in events):
            events = [x for x in events if not (x[2].kind == "fracture" and x[2].mod == NEG and x[2].fresh)]
        for n, (kind, sent, ev) in enumerate(events):
            # 'Zusätzlich kleines Knochenelement ..., DD alter Ausriss' in an addendum: it adds, it revises nothing
            # (what it adds; a negation in it still revises: 'In addition, no fracture on the oblique view')
            added = kind == "addendum" and _ADDITIVE.match(sent.lower()) is not None
            for fid, val, strong in self.event_mentions(ev):
                out.append(Mention(fid, val, strong, ADDED if added and val is not Label.FALSE else kind, sent, n))
        return out

    def label(self, text: str) -> tuple[dict[str, Label], list[str]]:
        """Labels (parents lifted) and the list of parent repairs."""
        mentions = self.mentions(text)
        labels = self._combine_sections(mentions)
        # one displacement described twice ("elevation of the lateral clavicle ... Rockwood III"):
        # the dislocation subsumes the subluxation of the same joint
        drop = {m.event for dis, sub in self.lex.subsumes if labels.get(dis) is Label.TRUE
                for m in mentions if m.finding == sub and m.value is not Label.FALSE}
        if drop:
            labels = self._combine_sections([m for m in mentions if m.event not in drop])
        return propagate(self.template, labels)

    def _combine_sections(self, mentions: list[Mention]) -> dict[str, Label]:
        per: dict[str, dict[str, Label]] = {k: {} for k in (*LABELLED, ADDED)}
        said_in: dict[str, str] = {}  # the addendum sentence that last spoke of each finding
        found_at: dict[str, str] = {}
        for m in mentions:
            if not m.strong:
                continue
            d = per[m.section]
            # an addendum's last sentence on a finding is its verdict ('The density corresponds to a wire end. It is
            # hardware, not a foreign body'); within one sentence the strongest value stands, as elsewhere (session 30)
            later = m.section == "addendum" and said_in.get(m.finding, m.sentence) != m.sentence
            if later and m.value is Label.FALSE and d.get(m.finding, Label.FALSE) is not Label.FALSE:
                # '... a fracture of the middle third of the right clavicle. No callus or fracture on the left.': a
                # negation of the other side takes back nothing (session 48)
                side, before = _side(m.sentence), found_at.get(m.finding, "")
                later = not (side and before and side != before)
            if m.finding not in d or m.value > d[m.finding] or later:
                d[m.finding] = m.value
            if m.section == "addendum":
                said_in[m.finding] = m.sentence
                if m.value is not Label.FALSE and (side := _side(m.sentence)):
                    found_at[m.finding] = side  # the side the addendum found it at
        labels = {fid: Label.FALSE for fid in self.template.ids}
        for k in LABELLED:  # rule 8: the impression wins per finding it mentions, an addendum over both
            if k != LABELLED[0]:
                # ... and over the children of a finding it hedges: findings "fracture of the lateral third",
                # impression "possible fracture" leave the lateral third fracture uncertain, not true
                for fid, val in per[k].items():
                    if val not in _CAPPING:
                        continue
                    # a hedge placed at a part ('a fracture of the lateral third cannot be excluded') is that part's
                    # and its branch's, not its parent's over the parts the report found elsewhere (session 28)
                    named = [c for c in self._descendants.get(fid, ()) if per[k].get(c, Label.FALSE) is not Label.FALSE]
                    for child in self._descendants.get(fid, ()):
                        if child not in per[k] and labels[child] > val and (not named or any(
                                n in self._descendants.get(child, ()) or child in self._descendants.get(n, ())
                                for n in named)):
                            labels[child] = val
            if k == "addendum":  # an addendum that rules a finding out rules out what the report said of its kinds
                for fid, val in per[k].items():
                    if val is Label.FALSE:
                        for child in self._descendants.get(fid, ()):
                            if child not in per[k]:
                                labels[child] = Label.FALSE
            elif k == "impression":  # ... an impression only what the findings hedged ('possibly a small avulsion
                # fragment versus old calcification' above 'No fracture of the clavicle'; session 25)
                for fid, val in per[k].items():
                    if val is Label.FALSE:
                        for child in self._descendants.get(fid, ()):
                            if child not in per[k] and labels[child] is Label.UNCERTAIN:
                                labels[child] = Label.FALSE
            labels.update(per[k])
        # a finding the findings only hedged through its parts goes when the impression rules every part out:
        # findings 'fragliche beginnende Rhizarthrose', impression 'Keine Rhizarthrose' leave no joint degeneration
        # (session 45, round zf); only a hedged one no addendum names, and the findings gave it nothing beyond its parts
        found = per[LABELLED[0]]
        self._drop_ruled_out_parents(per["impression"], labels, keep=lambda anc, kids: (
            anc in per["addendum"] or labels[anc] is not Label.UNCERTAIN
            or found.get(anc, Label.FALSE) > max((found.get(c, Label.FALSE) for c in kids), default=Label.FALSE)))
        # ... and a finding above it that stood only for what the addendum ruled out goes with it
        self._drop_ruled_out_parents(per["addendum"], labels)
        # an addendum's morphology of 'the fracture' ('the fracture is mildly comminuted') is the morphology of the one
        # fracture the report placed: a finding under both the addendum's and a found part (session 35)
        for fid, val in per["addendum"].items():
            if val is Label.FALSE or not self.template.ancestors(fid):
                continue
            above = set(self.template.ancestors(fid)) | {fid}
            kids = [c for c in self._descendants.get(fid, ()) if c not in per["addendum"] and (
                others := [a for a in self.template.ancestors(c) if a not in above])
                and all(labels[a] is Label.TRUE for a in others)]
            if len(kids) == 1 and labels[kids[0]] < val:
                labels[kids[0]] = val
        for fid, val in per[ADDED].items():  # what an addendum adds raises a finding, never lowers one
            if val > labels[fid]:
                labels[fid] = val
        return labels

    def _drop_ruled_out_parents(self, said: dict[str, Label], labels: dict[str, Label], keep=None) -> None:
        """Set false every finding above one that `said` (a section's labels) rules out, when the section does not
        name it, none of its parts stays and `keep(finding, parts)` does not hold; a kind ruled out ('no comminuted
        fracture') leaves the finding above it (session 38)."""
        for fid, val in said.items():
            if val is not Label.FALSE or fid in self._morph_findings:
                continue
            for anc, kids in self._descendants.items():
                if fid in kids and anc not in said and all(labels[c] is Label.FALSE for c in kids) \
                        and not (keep and keep(anc, kids)):
                    labels[anc] = Label.FALSE


_LEFT = re.compile(r"(?<![a-z])(?:left|links|linke[nmrs]?|li\.)(?![a-z])", re.I)
_RIGHT = re.compile(r"(?<![a-z])(?:right|rechts|rechte[nmrs]?|re\.)(?![a-z])", re.I)


def _side(sentence: str) -> str:
    """'l' or 'r' when a sentence names one side only, else ''."""
    left, right = _LEFT.search(sentence) is not None, _RIGHT.search(sentence) is not None
    return "l" if left and not right else "r" if right and not left else ""


_JOINT_WORD = re.compile(r"joint|gelenk")
_JOINT_STATE_KINDS = frozenset(("widened", "narrowed", "degeneration"))  # a joint's own state (RuleEngine.mentions)
_STEP_JOINTS = frozenset(("ac", "sc"))  # the clavicle's joints, whose step is the joint's own (_sentence_base)
_STEP_WORD = re.compile(r"(?i)\w*stufe")


def _heading_locs(s: str, toks) -> set[str]:
    """The locations of a sentence's heading ('Ellenbogen rechts:', 'Left shoulder:'): place words at most two
    words before a colon within the first 40 characters."""
    colon = s.find(":")
    return {t.entry.loc for t in toks if t.entry.loc and 0 <= colon < 40 and t.end <= colon
            and len(s[t.end:colon].split()) <= 2}


class RuleLabeler:
    """The Labeler (base.py) of the rule engine. One region, or any region when None."""

    name = "rules"
    version = RULES_VERSION
    model = ""

    def __init__(self, region_or_template: str | Template | None = None):
        self._engines: dict[str, RuleEngine] = {}
        if isinstance(region_or_template, Template):
            self.region: str | None = region_or_template.region
            self._engines[self.region] = RuleEngine(load_lexicon(self.region, region_or_template))
        elif region_or_template:
            self.region = region_or_template
            self._engines[self.region] = RuleEngine(load_lexicon(self.region))
        else:
            self.region = None
        # the lexicon's hash and the engine's code: either changed is another labeler to the label cache
        if self.region:
            self.prompt_version = sha256_text(self._engines[self.region].lex.version + ENGINE_CODE)[:12]
        else:
            from fedrad.client.labeling.rule_lexicon import lexicon_files, lexicon_version

            versions = "".join(lexicon_version(r) for r in sorted(lexicon_files()))
            self.prompt_version = sha256_text(versions + ENGINE_CODE)[:12] if versions else "none"

    def engine(self, region: str) -> RuleEngine:
        if region not in self._engines:
            if self.region is not None:
                raise ValueError(f"this rule labeler is for region '{self.region}', not '{region}'")
            self._engines[region] = RuleEngine(load_lexicon(region, load_template(region)))
        return self._engines[region]

    def label_text(self, text: str, region: str | None = None) -> dict[str, Label]:
        region = region or self.region
        if region is None:
            raise ValueError("label_text needs a region")
        return self.engine(region).label(text)[0]

    def explain(self, text: str, region: str | None = None) -> list[Mention]:
        """Every extracted mention with its section and sentence (for reviewing errors)."""
        return self.engine(region or self.region or "").mentions(text)

    def label_batch(self, requests: Sequence[LabelRequest], progress: ProgressFn | None = None) -> list[LabelResult]:
        out: list[LabelResult] = []
        done = 0
        for req in requests:
            try:
                labels, repairs = self.engine(req.region).label(req.text or "")
                out.append(LabelResult(req.study_id, req.region, labels, repairs))
            except Exception as exc:  # one bad report (or unknown region) must not stop a batch
                out.append(LabelResult(req.study_id, req.region, {}, [], error=f"{type(exc).__name__}: {exc}"))
            done += 1
            if progress is not None and done % 64 == 0:
                progress(64)
        if progress is not None and done % 64:
            progress(done % 64)
        return out


__all__ = ["RuleLabeler", "RuleEngine", "Mention", "RULES_VERSION"]
