"""The anonymization engine: names, dates, IDs, phones, e-mails, addresses, ages > 89, institutions.

Why it is built this way:
- Nothing here may need the internet (no spaCy/Presidio models at a hospital): detection is
  the row's structured identifier columns (the strongest evidence: the exact values and their
  spelling variants), context (titles "Dr. med.", "Frau", cues "Befundet von:", "discussed
  with"), patterns (dates, numbers, addresses) and name lists (client/data/*.txt).
- Dates are REMOVED (typed placeholder `[DATE]`), not shifted. The labels need no dates; a
  shifted date still reads as a date to an LLM and to the PHI check, and its safety rests on
  a salt never leaking. Years alone stay (HIPAA Safe Harbor keeps them); day+month, month+year
  and full dates go.
- Clinical content must survive: eponyms in eponym context ("Bennett-Fraktur", "Mason II",
  "nach Jäger/Breitner") are protected from every weak detector, even when the patient has
  the same surname; only strong evidence ("Frau Bennett", "Bennett, Anna", "Dr. Mason")
  overrides the protection.
- Speed: every pattern is compiled once; names are found by one capitalised-token regex plus
  set look-ups (not one regex per name); a row's identifier values are matched with str.find
  and token-set look-ups, so no regex is compiled per row. Keyword regexes run on the
  lower-cased text so the regex engine can skip ahead on their first letters.
- Overlapping detections of different kinds become one placeholder over their union: a
  partial replacement ("Jan 20, [ADDRESS]") would leave PHI behind.

Placeholders are typed (`[NAME]`, `[DATE]`, `[ID]`, `[PHONE]`, `[EMAIL]`, `[ADDRESS]`,
`[INSTITUTION]`, `[AGE]`) so the text stays readable for the labeler.
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
import functools
import itertools
import os
import re
import sys
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from fedrad.client.anon_lexicon import (
    DATA_DIR,
    DATA_FIX,
    AnonymizerDataError,
    Lexicon,
    data_problems,
    fold,
    lower_same_length,
    normalize,
    read_list,
    spelling_variants,
    strip_accents,
)
from fedrad.client.anon_model import CLOSED_WORDS, MODEL_FILE, TokenModel, _clinical_compound, token_features
from fedrad.client.anon_site_terms import SiteTerms
from fedrad.client.identifier_columns import identifier_kind

KINDS = ("NAME", "DATE", "ID", "PHONE", "EMAIL", "ADDRESS", "INSTITUTION", "AGE")
_RUN_GAP_RE = re.compile(r"[ \t]*[,^]?[ \t]*")
DEPARTMENT_HEADS = {"Institut", "Institute", "Klinik", "Kliniken", "Zentrum", "Center", "Centre", "Abteilung",
                    "Department", "Praxis", "Radiologie"}
# A department or specialty names no one ('Department of Radiology', 'Institut für Diagnostische und Interventionelle
# Radiologie', 'Klinik für Orthopädie und Unfallchirurgie'): a segment of an institution span made only of these
# words (and glue) stays in the text (folded spellings)
DEPARTMENT_WORDS = frozenset((
    "department", "dept", "abteilung", "institut", "institute", "klinik", "clinic", "division", "section", "service",
    "services", "unit", "sektion", "bereich", "fachbereich", "zentrum", "centre", "center",
    "radiology", "radiologie", "radiologic", "radiological", "kinderradiologie", "neuroradiologie", "radiodiagnosis",
    "radiodiagnostics", "diagnostic", "diagnostics", "diagnostische", "diagnostischen", "interventionelle",
    "interventionellen", "interventional", "imaging", "medical", "bildgebung", "nuclear", "medicine", "nuklearmedizin",
    "paediatric", "pediatric", "kinderchirurgie", "unfallchirurgie", "orthopaedie", "orthopadie", "orthopedics",
    "orthopaedics", "chirurgie", "surgery", "trauma", "traumatology", "emergency", "notaufnahme", "notfall",
    "roentgen", "rontgen", "x-ray", "xray", "medizinische", "allgemeine", "handchirurgie", "sportmedizin"))
LOCATIVE_GLUE = frozenset(("am", "im", "an", "at", "zum", "zur", "on", "upon"))  # 'Radiologie im Zentrum' is a name
DEPT_SPLIT_RE = re.compile(r"[ \t]*(?:[,·|/;]|[ \t][-–—][ \t])[ \t]*")
YEAR_RANGE_RE = re.compile(r"(?:19|20)\d{2}[-/](?:19|20)\d{2}")  # '2019-2021' is no ID
INSTITUTION_GLUE = {"fuer", "fur", "of", "and", "&", "und", "am", "im", "an", "der", "die", "des", "de", "la", "the",
                    "for", "at", "st", "saint", "sankt", "zum", "zur", "upon", "on"}
THE_BEFORE_RE = re.compile(r"(?<![\w])(?:The|THE)[ \t]+$")
# institution rules whose pattern holds the whole name, head word included: no capitalised words to its left join it
# ('ACCIDENT AT [STAHLBAU REDING]', 'Vereinstraining [Skiclub Bottrop 1972 e.V.]', 'AUF [REITERHOF X]')
WHOLE_NAME_RULES = frozenset(("venue", "german-firm", "school-kind", "company", "quoted-name", "government-school",
                              "church", "sports-club", "caps-institution", "hyphen-institution", "union-local",
                              "camel-word", "inn-name", "employer-field", "venue-ending", "team-played-for",
                              "named-compound", "abbreviated-institution"))
# of institution_re's compounds
INSTITUTION_SUFFIXES = ("klinik", "krankenhaus", "spital", "hosp", "praxis", "institut")
GLUE_TOKEN_RE = re.compile(r"(?i:of|and|&|und|für|for|the|de|la|der)(?![\w])")
LINE_RE = re.compile(r"[^\n]+")
INSTITUTION_GAP_RE = re.compile(r"[ \t]*(?:[-–&/'’][ \t]*)?")
DEPT_RE = re.compile(r"[ \t]+(?:für|for)[ \t]")
KIND_ORDER = {k: i for i, k in enumerate(("EMAIL", "PHONE", "DATE", "ID", "AGE", "NAME", "ADDRESS", "INSTITUTION"))}
PLACEHOLDER_RE = re.compile(r"\[(?:NAME|DATE|ID|PHONE|EMAIL|ADDRESS|INSTITUTION|AGE)\]")

# Strengths: STRONG overrides eponym protection (identifier full names, title/cue names,
# identifier values); PATTERN for generic patterns; WEAK for a lone surname that may be an eponym.
WEAK, PATTERN, STRONG = 1, 2, 3
MODEL_THRESHOLD = 0.4  # chosen by bench/anon_token_model.py --loco on a-p: recall as at 0.3, less over-redaction

# Latin-1 and Latin Extended-A letters, so 'Yılmaz', 'Łukasz' or 'Šimek' are one word, not fragments; and (session
# 46) Vietnamese letters (Latin Extended Additional, ơ, ư, NFC-composed: 'Kollege Đặng' was no word to the rules)
_VI_UP = "".join(chr(c) for c in range(0x1EA0, 0x1EFA) if chr(c).isupper()) + "ƠƯ"
_VI_LOW = "".join(chr(c) for c in range(0x1EA0, 0x1EFA) if chr(c).islower()) + "ơư"
UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ" + _VI_UP
LOW = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĳĵķĸĺļľŀłńņňŉŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž" + _VI_LOW + "'’"
LOW_LETTERS = LOW[:-2]  # (no apostrophe)
# (a double name's second part may open with its own prefix: 'Tiwari-O’Neill', 'Smith-McAllister'; session 47)
WORD = rf"(?:O'|O’|Mc|Mac)?[{UP}][{LOW}]+(?:-(?:O'|O’|Mc|Mac)?[{UP}][{LOW}]+)*"
UPPER_WORD = rf"[{UP}]{{3,}}(?:-[{UP}]{{2,}})*"
INITIAL = rf"[{UP}]\.(?:-?[{UP}]\.)*"
PLACE_AFTER_RE = re.compile(rf"[ \t]+(?P<w>{WORD}|{UPPER_WORD})(?=[ \t]*[,\n]|$)")
INSTITUTION_LEFT_RE = re.compile(rf"(?:(?:{WORD}|{UPPER_WORD}|[{UP}]{{2}})(?:'s|’s)?[ \t]+"
                                 rf"(?:(?:and|of|&|und|für|for)[ \t]+)?){{1,4}}$")
# The slot an eponym fills whatever the name: 'Morbus X', 'Osteosynthese nach X', 'repair according to X'.
EPONYM_SLOT_RE = re.compile(
    rf"(?<![\w])(?:(?i:morbus)|(?i:[a-zäöüß]*(?:plastik|osteosynthese|operation|technik|methode|reposition|"
    rf"verfahren|resektion|klassifikation|einteilung|osteotomie|naht|arthrodese|rekonstruktion|transfer|"
    rf"technique|procedure|method|repair|arthrodesis|fixation|"
    # a view named after its author ('Spezialaufnahme nach Robert', 'view according to Robert'; session 24)
    rf"aufnahme|projektion|view|projection|"
    # ... or by the joint it shows ('Daumen li. in 2 Ebenen, Sattelgelenk nach Robert'; session 45, round zc)
    rf"sattelgelenk|"
    rf"classification|osteotomy|reconstruction))\)?[ \t]+(?:nach|according[ \t]+to|per)"
    # a grade by its classification's author ('Omarthrose Grad II nach Samilson-Prieto'; session 24)
    rf"|(?i:grad|grade|typ|type|stadium|stage)[ \t]+(?:[IV]{{1,4}}|\d)[a-cA-C]?[ \t]+(?:nach|according[ \t]+to|per))"
    rf"[ \t]+(?P<w>{WORD})")
# An eponym by its slot even when no list has it: a view, device or sign named after a person ('Robert-Aufnahme',
# 'K-Draht', 'Serendipity view'), a technique or view named in brackets after it ('Transfixation (Iselin)',
# 'Zielaufnahme (Greenspan)', '(AP + Zanca)')
VIEW_WORD_RE = re.compile(r"(?=[vapdwnzst])(?:views?|aufnahmen?|projections?|projektion(?:en)?|drähte?|drahte?|"
                          r"wires?|nagel|nails?|zeichen|signs?|technique|technik)(?![\w])")  # on lower-cased text
VIEW_EPONYM_RE = re.compile(rf"(?<![\w.])(?P<w>{WORD}|[{UP}])\)?\Z")
# a view's eponym before a bracketed aside ('plus Robert (hyperpronated AP) view'; session 24)
VIEW_ASIDE_EPONYM_RE = re.compile(rf"(?<![\w.])(?P<w>{WORD})[ \t]+\([^()\n]{{1,30}}\)\Z")
VIEW_EPONYM_UPPER_RE = re.compile(rf"(?<![\w.])\(?(?P<w>{UPPER_WORD})\)?\Z")  # 'ZANCA VIEW', '(GREENSPAN) VIEW'
BRACKET_EPONYM_RE = re.compile(
    rf"(?:(?i:[a-zäöüß]*(?:aufnahme|view|views|projection|projektion|transfixation|fixation|osteosynthese|plastik|"
    rf"technik|technique|naht|repair|reconstruction|rekonstruktion|catcher|interposition|plasty))"
    rf"[ \t]*\((?P<w>{WORD}|{UPPER_WORD})\))"
    rf"|\((?:AP|PA|a\.p\.|ap|lat\.?|lateral|axial|oblique|seitlich|Y)[ \t]*[+/&,][ \t]*(?P<v>{WORD})\)")
# A capitalised word joined by a hyphen to a type word is an eponym whatever the name: 'Balser-type', 'X-like'
HYPHEN_TYPE_RE = re.compile(r"-(?:type|typ|like|pattern|artig\w*|förmig\w*)(?![\w])")  # on lower-cased text
# a classification grade ('II', 'IIIb', 'IVA', '2B2'): one alternation for CLASS_GRADE_RE and GRADE_HINT_RE
CLASS_GRADE = r"(?:[IV]{1,4}[a-c]?|(?:II|III|IV)[A-C]|\d[A-C]\d?)"
# A name-shaped word followed by a classification grade: an eponymous classification ('Robinson 2B2', 'Lichtman II')
CLASS_GRADE_RE = re.compile(rf"(?<![\w])(?P<w>{WORD}|{UPPER_WORD})[ \t]+(?:(?i:typ|type|tipo|grad|grade|stadium|stage|"
                            rf"class|klasse)[ \t]+)?{CLASS_GRADE}"
                            rf"(?=[ \t]*[).,;:\n]|[ \t]*$)")
_STANDARD_VIEWS = r"ap|pa|a\.p\.|p\.a\.|lat|lateral|seitl\.?|seitlich|axial|oblique|schräg"
VIEW_PAIR_RE = re.compile(rf"(?<![\w])(?i:{_STANDARD_VIEWS})[ \t]*[+/&][ \t]*(?P<w>{WORD}|{UPPER_WORD})(?![\w])")
# ... joined by a word, a listed eponym only ('Klavikula/Schultereckgelenk rechts a.p. und Zanca vom 28.01.2026';
# session 51: the header zone took it)
# (speed: found from the joining word, which str.find reaches fast; the view before it, the word after it)
VIEW_AND_WORDS = (" und ", " and ", " sowie ", " plus ")
VIEW_BEFORE_AND_RE = re.compile(rf"(?<![\w])(?:{_STANDARD_VIEWS})\Z")
VIEW_AND_EPONYM_RE = re.compile(rf"[ \t]*(?P<w>{WORD}|{UPPER_WORD})(?![\w])")
VIEW_AFTER_JOINT_RE = re.compile(rf"(?<![\w])(?i:ac|acg|bilat|bilateral|bds\.?|beidseits)[ \t]+"
                                 rf"(?P<w>{WORD}|{UPPER_WORD})(?![\w])")
# ... or listed among the exam's views ('AC joints incl. Zanca and bilateral weight-bearing views', 'Skapula in 2 Ebenen
# und Zanca-Aufnahme'; session 50): a listed eponym after a joining word, a view word later on its line
VIEW_LIST_EPONYM_RE = re.compile(rf"(?<![\w])(?i:incl\.?|inkl\.?|including|plus|and|und|with|mit|sowie)[ \t]+"
                                 rf"(?P<w>{WORD}|{UPPER_WORD})(?=[^\n.;]{{0,60}}(?i:views?|projections?|aufnahmen?|"
                                 rf"ebenen)(?![\w]))")
VIEW_LIST_HINTS = ("view", "projection", "aufnahme", "ebenen")
# speed: the grade alone, found first (one scan for the rare grade instead of a look at every capitalised word)
GRADE_HINT_RE = re.compile(rf"[ \t]{CLASS_GRADE}(?=[ \t]*[).,;:\n]|[ \t]*$)")
CAP_TOKEN_RE = re.compile(rf"(?<![\w\[])(?:{INITIAL}|{WORD}|{UPPER_WORD})(?![\w\]])")

# military, police and fire ranks before a name ('LCpl O'Driscoll', 'Polizeiobermeisterin Aydın'; session 21); not
# those that are also words, eponyms or findings ('Major', 'General', 'Private', 'Oberst', 'PC', 'DI', 'BM')
RANK_WORDS = (
    r"L/Cpl\.?", r"LCpl\.?", r"Cpl\.?", r"Pte\.?", r"Pvt\.?", "PFC", r"Spc\.?", r"Sgt\.?", r"SSgt\.?", "SFC",
    r"MSgt\.?", r"Lt\.?", "2Lt", "1Lt", "2LT", "1LT", r"Capt\.?", r"Cpt\.?", r"Maj\.?", "LtCol", r"Col\.?", r"Brig\.?",
    r"Cdr\.?", "LCdr", "CPO", r"Spr\.?", r"Gnr\.?", r"Tpr\.?", r"Rfn\.?", r"Gdsm\.?", r"Det\.?", r"Insp\.?", r"Supt\.?",
    r"Ofc\.?", r"Ofcr\.?", r"Cst\.?", r"Const\.", "Corporal", "Sergeant", "Lieutenant", "Captain", "Colonel", "Trooper",
    "Deputy",
    "Sheriff", "Constable", "Firefighter", "Gefreite[rn]?", "Obergefreite[rn]?", "Hauptgefreite[rn]?",
    "Stabsgefreite[rn]?", "Oberstabsgefreite[rn]?", "Unteroffizier", "Stabsunteroffizier", "Feldwebel",
    "Oberfeldwebel", "Hauptfeldwebel", "Stabsfeldwebel", "Oberstabsfeldwebel", "Fähnrich", "Oberfähnrich", "Leutnant",
    "Oberleutnant", "Hauptmann", "Oberstleutnant", "Kapitänleutnant", "Korvettenkapitän", "Fregattenkapitän", "Maat",
    "Obermaat", "Bootsmann", "Stabsarzt", "Oberstabsarzt", "Oberfeldarzt", "Flottillenarzt", "Generalarzt",
    "Polizei(?:ober|haupt)?(?:meister|kommissar)(?:in)?", "Kriminal(?:ober|haupt)?(?:meister|kommissar)(?:in)?", "POM",
    "PHM", "POK", "PHK", "KOK", "KHK", "Brandmeister(?:in)?", "Oberbrandmeister(?:in)?", "Hauptbrandmeister(?:in)?",
    "Brandinspektor(?:in)?", "Feuerwehrmann", "Oberfeuerwehrmann", "Hauptfeuerwehrmann", "Feuerwehrfrau",
    # British and Commonwealth other ranks (session 28: 'Gunner, 7 Para RHA' is a rank, no name)
    "Gunner", "Sapper", "Guardsman", "Rifleman", "Fusilier", "Signaller", "Craftsman", "Bombardier", "Airman",
    "Aircraftman", "Aircraftwoman", "Lance Corporal", "Lance Bombardier", "Able Seaman", "Leading Seaman",
    "Petty Officer", "Chief Petty Officer", "Warrant Officer", r"Mne\.?", r"Cfn\.?", r"Bdr\.?", "LBdr",
    "CSgt", "WO1", "WO2", r"Flt[ \t]Lt\.?", r"Sqn[ \t]Ldr\.?", r"Wg[ \t]Cdr\.?")


# where a sentence typed in lower case starts inside a line typed in normal case: after a heading's colon, a sentence's
# end or the line's start, past an age ('29F. ', '34M ', '63F, '); see Anonymizer.find
LOWER_SENTENCE_START_RE = re.compile(r"(?:^[ \t]*|[.!?:;][ \t]+)(?:\d{1,3}[ \t]?[A-Za-z]{0,3}[.,]?[ \t]+)?"
                                     r"(?P<s>[a-zäöüß])")
SENTENCE_END_RE = re.compile(r"[.!?](?=[ \t]|$)")


def _mostly_lower(line: str) -> bool:
    """A line typed in lower case but for a capital or two ('slammed on R thumb at daycare (little sprouts, brampton)
    no fx'): at least nine in ten of its words open with a lower-case letter (session 22)."""
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 6 and sum(w[0].islower() for w in words) >= 0.9 * len(words)


def _by_first_char(alts: tuple[str, ...]) -> str:
    """One alternation branch per first character ('C(?:pl\\.?|apt\\.?|...)'): the regex engine tries a handful of
    branches at a word start instead of every rank (speed; each alternative starts with a literal character)."""
    groups: dict[str, list[str]] = {}
    for a in sorted(alts, key=len, reverse=True):
        groups.setdefault(a[0], []).append(a[1:])
    return "(?:" + "|".join(f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in groups.items()) + ")"


_RANKS = _by_first_char(RANK_WORDS)
TITLES = (r"(?:Prof\.|Professor|PD|Priv\.-Doz\.|Dres\.|Dr\.|Dr(?=\s)|med\.|univ\.|dent\.|Dipl\.-Med\.|MUDr\.|"
          r"Dott\.(?:ssa)?|Dr\.ssa|Dra\.|Sra\.|Srta\.|MVDr\.|PhDr\.|Mgr\.|"
          r"habil\.|rer\.|nat\.|h\.[ ]?c\.|mult\.|Univ\.-Prof\.|apl\.|Doz\.|sc\.|phil\.|"
          r"OA|OÄ|Oberarzt|Oberärztin|Chefarzt|Chefärztin|Facharzt|Fachärztin|Assistenzarzt|Assistenzärztin|"
          r"Stationsarzt|Stationsärztin|Herrn|Herr|Frau|Hr\.|Fr\.|Mrs\.?|Mr\.?|Ms\.?|Miss|Mister|Sr\.|Schwester|"
          r"Pfleger|Kollege|Kollegin|Kollegen|"
          # care staff named in a history ('RN Hope Stone', 'Midwife Leetia Koovee', 'Dolmetscherin Frau X'; session 22)
          r"RN(?=[ \t]+[A-Z][a-z])|Nurse(?![ \t]+(?i:practitioner|specialist|manager|educator|consultant|in\b))|"
          r"Midwife|Hebamme|Paramedic|Interpreter|Dolmetscher|"
          r"Dolmetscherin|Notfallsanitäter|Notfallsanitäterin|Sanitäter|Sanitäterin|"
          rf"{_RANKS})")
# A title is a whole word ('Frau', not the start of 'Frauen'); one ending in '.' may touch the next ('Dr.med.').
TITLE_SEQ_RE = re.compile(rf"(?<![\w.])(?:{TITLES}(?:(?<=\.)|(?![\w]))[ \t]*)+")
# an academic title in capitals with its full stop, before a name in capitals ('DR. MED. HANS-PETER FUSS'; 'DR' alone is
# also digital radiography)
CAPS_TITLE_SEQ_RE = re.compile(r"(?<![\w.])(?:PROF\.|DRES\.|DR\.)(?:[ \t]*(?:MED\.|UNIV\.|DENT\.|HABIL\.|RER\.|NAT\.|"
                               r"PROF\.|DR\.))*[ \t]*(?=[A-ZÄÖÜ]{2})")
# a capitalised word after a lower-case word and a space or comma, not glued to a hyphen, colon or apostrophe
# (Anonymizer._midsentence_proper)
MIDSENTENCE_CAP_RE = re.compile(r"(?<![\w.\-/'’])(?P<p>[a-z]{2,}),?[ \t]+(?P<w>[A-Z][a-z]{3,})(?![\w'’\-:(]|\.\w)")
# a social title in capitals before a name in capitals ('DAUGHTER (MRS E. KERR) REPORTS', 'FRAU MEIER'; session 39): not
# 'MR' or 'MS' without their full stop (magnetic resonance, multiple sclerosis)
# ... and 'DR' without its full stop ('DISCUSSED WITH DR BENNETT AT 14:00'): a name only where _caps_name_run finds
# one ('DR IMAGES REVIEWED', digital radiography, stays)
CAPS_SOCIAL_TITLE_RE = re.compile(r"(?<![\w.])(?:MRS\.?|MR\.|MS\.|MISS|FRAU|HERRN?|FR\.|HR\.|DR)[ \t]+"
                                  r"(?=[A-ZÄÖÜ](?:\.|[A-ZÄÖÜ]))")
CAPS_SOCIAL_HINT_RE = re.compile(r"MRS|MR\.|MS\.|MISS|FRAU|HERR|FR\.|HR\.|DR ")
# a staff role's field closing its line with one word or initials ('Radiographer: stone', 'Radiographer J.K.';
# Anonymizer._staff_line_ends)
STAFF_ROLES = (r"radiographer|mtra|mta|mtr|technologist|tech|typist|transcriptionist|schreibkraft|midwife|hebamme|"
               r"interpreter|dolmetscher(?:in)?|röntgenassistent(?:in)?|sonographer")
STAFF_HINT_RE = re.compile(rf"(?:{STAFF_ROLES})(?![\w])")
STAFF_LINE_END_RE = re.compile(rf"(?im)(?<![\w])(?:{STAFF_ROLES})[ \t]*:?[ \t]+"
                               r"(?P<n>(?:[^\W\d_]\.[ \t]?){1,3}|[^\W\d_][\w'’\-]+)[ \t]*$")
# the employer after a German job clause ('arbeitet als Schweißer bei Magirus', 'als Buslenker bei den Wiener Linien';
# session 40): the capitalised words after 'bei' and a definite article (an indefinite one names a kind: 'bei einem
# Schlachthof')
EMPLOYER_BEI_RE = re.compile(rf"(?:arbeitet|arbeitete|tätig|beschäftigt|angestellt|jobbt|Azubi|Mitarbeiter(?:in)?|"
                             rf"als[ \t]+[{UP}][{LOW}]+)[ \t]+bei[ \t]+(?:(?:der|den|dem|Fa\.|Firma)[ \t]+)?"
                             rf"(?P<n>[{UP}][\w&'’\-]+(?:[ \t]+[{UP}][\w&'’\-]+){{0,3}})")
# a health board or a hospital named by an abbreviation and its place ('NHS Borders', 'NHS GREATER GLASGOW AND CLYDE',
# 'Aufnahmen KH Kufstein'; session 50): checked in _abbreviated_institutions
ABBR_INSTITUTION_RE = re.compile(rf"(?<![\w-])(?P<a>NHS|KH)[ \t]+(?P<n>[{UP}][\w'’-]+(?:[ \t]+(?:(?:and|AND|&)[ \t]+)?"
                                 rf"[{UP}][\w'’-]+){{0,3}})")
# what follows 'NHS' and names no board: the national service's numbers, bodies and nations
NHS_NOT_BOARD = frozenset({"no", "nr", "number", "num", "trust", "foundation", "direct", "digital", "app", "login",
                           "id", "england", "scotland", "wales", "choices", "spine", "pension", "staff", "approved"})
# the last line of initials alone, a typist's after a slash, a date after them ('ADS / KF', '-- rdb / 17-MAR-2026')
CLOSING_INITIALS_RE = re.compile(r"[ \t]*(?:[-–—]+[ \t]*)?(?P<i>[A-Za-z]{2,4}|(?:[A-Z]\.[ \t]?){2,3})"
                                 r"(?:[ \t]*/[ \t]*(?P<j>[A-Za-z]{2,4}|(?:[A-Z]\.[ \t]?){2,3}))?"
                                 r"(?:[ \t]*/?[ \t]*\d{1,4}[-./ ][\w]{1,3}[-./ ]\d{2,4}(?:[ \t]+[\d:]+)?)?[ \t.]*\Z")
# initials closing the report's last sentence on its line ('... NAD thumb. JMcK', 'No swelling. NAD. AK', '- RD';
# session 48): after a word's full stop or a dash; two or three capitals, perhaps with 'Mc'/'Mac' ('JMcK')
SENTENCE_INITIALS_RE = re.compile(r"(?:(?<=[A-Za-zäöüß]{2}[.)])|(?<=[-–—]))[ \t]+(?P<i>[A-Z](?:Mc|Mac)?[A-Z]{1,2})"
                                  r"[ \t.]*\Z")
# a reader's and a typist's initials in brackets closing the report ('... NAD. (SV/wh)'; session 50)
BRACKET_INITIALS_RE = re.compile(r"(?<=[.)])[ \t]+\((?P<i>[A-Z]{2,3})[ \t]*/[ \t]*(?P<j>[A-Za-z]{2,3})\)[ \t.]*\Z")
# a place named for a person, a given name and a place noun in one word ('in der Karlsaue', 'am Luisenplatz'; session
# 40): checked in find (the head a listed given name, the whole no word the lists know)
NAME_PLACE_COMPOUND_RE = re.compile(rf"(?<![\w-])[{UP}][{LOW}]{{2,}}(?P<t>platz|park|aue|berg|höhe|hof|straße|strasse|"
                                    rf"tal|brücke|garten|see|bad|burg|dorf|hafen|insel|markt|allee|ring|kirche|schule|"
                                    rf"stift|heim|halle|stadion|hütte|quelle|ufer|wald|anger|gasse|damm|kai|tor|turm|"
                                    rf"siedlung|viertel)(?![\w-])")
# a farm, a hill, a lake, a venue or a feast named in one word after a German place preposition ('Landwirt vom
# Steinbachhof', 'am Mooshof', 'im Schwalbenkeller', 'an der Seebühne', 'vom Herbstfest'; session 41: in tune 18 such
# identifiers found against 13 generic words replaced, none clinical): checked in find (no word the lists know)
LOCATIVE_COMPOUND_RE = re.compile(rf"(?<![\w])(?:[Aa]m|[Vv]om|[Zz]um|[Bb]eim|[Ii]m|[Zz]ur|(?:[Aa]uf|[Ii]n|[Aa]n|[Bb]ei)"
                                  rf"[ \t]+(?:dem|der))[ \t]+(?P<w>[{UP}{LOW}][{LOW}]{{2,}}(?:hof|höfe|alm|hütte|mühle|"
                                  rf"berg|see|platz|park|markt|fest|halle|stadion|wiese|bach|wald|keller|bühne|"
                                  rf"bahn|tribüne|garten|hafen|weiher|schule|heim|gut|turm))(?![\w-])")
# the towers that name a kind ('vom Kletterturm', 'vom Sprungturm'), and the endings a lower-case compound in a line
# that uses case needs to be read as a place there (a square, a tower, a farm, a hill, a lake; session 47)
GENERIC_TOWER_HEADS = frozenset(("kletter", "sprung", "aussichts", "wasser", "kirch", "glocken", "funk", "fernseh",
                                 "spiel", "rutsch", "holz", "beobachtungs", "schlauch", "wach", "bohr", "sende",
                                 "kuehl", "loesch", "hoch", "uhr", "rathaus", "burg", "wehr", "eck", "aussicht"))
LOWER_LOCATIVE_TAILS = ("markt", "platz", "turm", "hof", "hoefe", "alm", "huette", "muehle", "berg", "see", "weiher",
                        "bach", "wald", "park")  # (folded)
TOWN_SUFFIXES = ("burg", "berg", "dorf", "heim", "hausen", "stadt", "ingen", "feld", "furt", "bach", "brück",
                 "hafen", "ton", "ford", "bury", "borough", "chester", "caster", "mouth", "field", "wick", "pool")
# ... and more endings of German, Austrian and Swiss towns, for a compound no list holds after 'in', 'bei', 'nach',
# 'aus' ('in obersteinach', 'bei hettigenbeuern'; session 46; _lower_names_in_cased_line)
DE_TOWN_TAILS = TOWN_SUFFIXES + ("ach", "au", "ing", "kirchen", "hofen", "weiler", "thal", "tal", "beuern", "reuth",
                                 "zell", "münster", "wangen", "stetten", "roda", "leben", "rode", "hagen",
                                 "stein", "bronn", "brunn", "wil", "ikon")  # (session 47: 'in <...stein>', '<...wil>')
# the endings of English town names, for a lower-case word no list holds (_lower_names_in_cased_line; session 43)
EN_TOWN_SUFFIXES = ("bridge", "ville", "dale", "ton", "ford", "bury", "borough", "chester", "caster", "mouth", "field",
                    "wick", "pool", "ham", "worth", "stead", "thorpe", "combe", "hurst", "glen")
LOWER_WORD_RE = re.compile(r"(?<![\w'’\-])[^\W\d_]{4,}(?![\w'’\-])")
# a name's first particle ending a zone's run, and the article that may follow it ('van der', 'von den', 'de la')
PARTICLE_FIRST_END_RE = re.compile(r"(?<![^\s,])(?i:van|von|de|vom|zu|di|da)\Z")
PARTICLE_SECOND = frozenset(("der", "den", "dem", "de", "la", "le", "los", "las", "del", "ter", "ten"))
# particles inside a name: 'von der', 'Van den', 'Zur', 'ter', 'Edler von', Malay/Arabic 'binti', 'bin', 'bt', 'a/l'
NAME_PARTICLES = (r"(?i:von|van|de|der|den|zu|zur|vom|ten|ter|di|da|del|la|le|du|dos|edler|bin|binti|binte|bt\.?|"
                  r"bte|ibn|bint|al|el|a/l|a/p|ní|nic|ó|uí|mhic|mac)")  # (Irish 'Ó', 'Uí', 'Mhic', 'Mac': session 37)
# two removed names with only particles between them were one name: '[NAME] binti [NAME]', '[NAME] den [NAME]', '[NAME]
# von und zu [NAME]' (session 37)
PARTICLE_WORDS = rf"(?:(?i:von[ \t]+und[ \t]+zu)|{NAME_PARTICLES})"
PARTICLE_GAP_RE = re.compile(rf"[ \t]+(?:{PARTICLE_WORDS}[ \t]+)+")
PARTICLE_RE = re.compile(rf"[ \t]*(?:{PARTICLE_WORDS}[ \t]+)+")
# a header row's next field after a name (Anonymizer._scan_name; session 37): two spaces or a tab, then a word that,
# with at most one more word, ends in a colon ('Surname: Mokoena   First names:') or comes before its value ('DOB 03')
NEXT_FIELD_RE = re.compile(r"(?:[ \t]*\t|[ ]{2,})[ \t]*\S")
FIELD_LABEL_AHEAD_RE = re.compile(r"(?:[ \t]+[^\W\d_]+\.?)?[ \t]*:")
FIELD_VALUE_AHEAD_RE = re.compile(r"[ \t]+\d")
# four or more letters, each alone between single spaces: a name spelt out so that no word list sees it (session 37;
# no such run in the tuning corpora's or IU's text)
LETTER_SPACED_RE = re.compile(r"(?<![\w.])(?:[^\W\d_] ){3,}[^\W\d_](?![\w.])")
# a personal title right before a name's initial ('Mrs B. was seen', 'Frau K. berichtet'; session 37)
PERSON_TITLE_BEFORE_RE = re.compile(r"(?<![\w.])(?:Mrs|Mr|Ms|Miss|Frau|Herr|Herrn|Hr|Fr)\.?[ \t]+\Z")
NAME_TOKEN_RE = re.compile(rf"[ \t]*(?P<w>{INITIAL}|{WORD}|{UPPER_WORD})(?![\w])")
# Cues after which a name follows. STRONG_CUES introduce a person; WEAK_CUES ("Pat.", "mother",
# "radiologist") often precede ordinary words ("Pat. Schulter nicht miterfasst"), so after them a
# name is taken only with a colon ("Patient: ...") or when the first word is a known name.
STRONG_CUES = (
    r"befundet[ \t]+(?:von|durch)|befundung[ \t]+durch|befunder(?:in)?|befundende[rn]?[ \t]+(?:arzt|ärztin)|"
    r"gez\.|gezeichnet|unterschrift|diktiert[ \t]+von|geschrieben[ \t]+von|schreibkraft|"
    r"überweiser(?:in)?|zuweiser(?:in)?|einsender(?:in)?|zuw\.|überw\.|"
    r"überweisende[rn]?[ \t]+(?:arzt|ärztin)|zuweisende[rn]?[ \t]+(?:arzt|ärztin)|"
    r"anfordernde[rn]?[ \t]+(?:arzt|ärztin)|hausarzt|hausärztin|patientenname|geburtsname|"
    r"angehörige[rn]?|begleitperson|besprochen[ \t]+mit|rücksprache[ \t]+mit|mitgeteilt[ \t]+an|"
    r"informiert[ \t]+wurde|übermittelt[ \t]+an|"
    r"mit[ \t]+freundlichen[ \t]+grüßen|mit[ \t]+kollegialen[ \t]+grüßen|freundliche[ \t]+grüße|mfg|"
    r"elektronisch[ \t]+(?:freigegeben|signiert|unterschrieben)|freigegeben(?:[ \t]+(?:von|durch))?|"
    r"vidiert(?:[ \t]+(?:von|durch))?|visum|visiert(?:[ \t]+(?:von|durch))?|validiert(?:[ \t]+(?:von|durch))?|"
    r"electronically[ \t]+signed(?:[ \t]+by)?|e-signed(?:[ \t]+by)?|signed(?:[ \t]+by)?|"
    r"dictated(?:[ \t]+and[ \t]+signed)?[ \t]+by|transcribed[ \t]+by|"
    r"reported[ \t]+by|read[ \t]+by|reviewed[ \t]+by|verified[ \t]+by|interpreted[ \t]+by|approved[ \t]+by|"
    r"referring[ \t]+(?:physician|doctor|provider|clinician)|referred[ \t]+by|ordering[ \t]+physician|ref\.|"
    r"ordered[ \t]+by|requesting[ \t]+physician|requested[ \t]+by|primary[ \t]+care[ \t]+physician|"
    r"patient[ \t]+name|accompanied[ \t]+by|"
    r"discussed[ \t]+with|d/w|communicated[ \t]+to|was[ \t]+notified|notified|spoke[ \t]+with|"
    r"findings[ \t]+(?:were[ \t]+)?(?:discussed|communicated)[ \t]+(?:with|to)|"
    r"results?[ \t]+(?:were[ \t]+|was[ \t]+)?(?:discussed|communicated|called)[ \t]+(?:with|to)|called[ \t]+to|paged|"
    r"kind[ \t]+regards|best[ \t]+regards|regards|sincerely")
WEAK_CUES = (
    r"patient(?:in)?|pat\.|pt\.?|name|vorname|nachname|mutter|vater|ehemann|ehefrau|tochter|sohn|"
    # a name's parts by their field labels ('Surname: VAN DER BERG  Given: Pieter', 'Familienname:'; session 37)
    r"surname|forenames?|given[ \t]+names?|given(?=[ \t]*:)|first[ \t]+names?|last[ \t]+name|family[ \t]+name|"
    r"familienname|geburtsname|rufname|"
    # the patient in Nordic, Dutch, Romance and Finnish headers ('Pas.: Håkonsen, Ingvild'; session 22)
    r"pas\.|pasient|patiënt|paciente|patiente|potilas|"
    r"mother|father|wife|husband|daughter|son|spouse|guardian|attending|resident|fellow|radiologist|radiologe|"
    r"radiologin|technologist|referring|pcp|oberarzt|oberärztin|facharzt|fachärztin|"
    # the radiographer by her field label ('MTRA: İlknur Şahin', 'Radiographer: ...'; session 36)
    r"radiographer|mtra|mta|röntgenassistentin|röntgenassistent|"
    # who else touched the patient ('dressed on the rig by medic K. Solbakken', 'ER RN Hope Stone'; session 25)
    r"nurse|rn|medic|paramedic|emt|midwife|physio|physiotherapist|pfleger|pflegerin|krankenschwester|hebamme|"
    r"sanitäter|rettungssanitäter|notarzt|notärztin")
CUE_GAP = r"[ \t]*[:\-,]?[ \t]*(?:\n[ \t]*)?"
# an initial and a surname, as a weak cue's name may be ('medic K. Solbakken', 'MEDIC K. SOLBAKKEN'; session 25)
INITIAL_SURNAME_RE = re.compile(r"[A-ZÄÖÜ]\.[ \t]*(?P<s>[A-ZÄÖÜ][\w'’-]{2,})")
# Keyword regexes run on the lower-cased text, case-sensitively, each alternative starting with a
# literal: the regex engine then scans for the possible first letters instead of trying every position.
CUE_RE = re.compile(rf"(?:{STRONG_CUES})(?![\w]){CUE_GAP}")
WEAK_CUE_RE = re.compile(rf"(?:{WEAK_CUES})(?![\w]){CUE_GAP}")
# "Liam Price, radiologist" / "Dr. med. Anna Roth, Oberärztin": a signature line without a cue word.
# Found from the role word backwards (the role words are rare; scanning every position for names is not).
# Nordic and Dutch roles too ('Mads Ravnkilde, læge', 'Ingegerd Hålenius, överläkare'; session 17).
ROLE_RE = re.compile(r",[ \t]*(?:radiologist|MD|M\.D\.|DO|Radiologe|Radiologin|Facharzt|Fachärztin|Oberarzt|"
                     r"Oberärztin|Assistenzarzt|Assistenzärztin|Chefarzt|Chefärztin|resident|attending|FRCR|PhD|FÄ|"
                     r"OA|OÄ|MBBS|MBChB|FRANZCR|FRCPC|FACR|DABR|"
                     # the radiographer who took the films ('Tülin Ekinci, MTRA', 'K. Lowe, radiographer'; session 29)
                     r"MTRA|MTR|MTA|RT\(R\)|ARRT|[Rr]adiographer|[Tt]echnologist|[Rr]öntgenassistent(?:in)?|"
                     r"(?:[A-Z]{2}-)?(?:[Oo]ver|[Aa]fdelings|[Ss]pecial|[Uu]ddannelses)?læge|"
                     r"(?:[A-Z]{2}-)?(?:[Öö]ver|[Ss]pecialist|[Aa]vdelnings)?läkare|(?:[A-Z]{2}-)?(?:[Oo]ver|[Ll]ege)?lege|radiolog|radioloog|[Rr]öntgenläkare)(?![\w])")
NAME_BEFORE_ROLE_RE = re.compile(rf"(?:(?:{INITIAL}|{WORD})[ \t]+){{0,3}}{WORD}[ \t]*$")
# an all-caps signature line before its role: 'ANTONIO B. SORIANO III, MD', 'ROLANDO P. MACARAEG, M.D.' (the whole
# line up to the comma, so an eponym given name goes too; session 23)
CAPS_SIGNATURE_RE = re.compile(rf"[ \t/]*(?P<n>(?:(?:{INITIAL}|{UPPER_WORD})[ \t]+){{1,3}}{UPPER_WORD}"
                               r"(?:[ \t]+(?:JR\.?|SR\.?|II|III|IV))?)[ \t]*")

MONTHS_EN = ("January|February|March|April|May|June|July|August|September|October|November|December|"
             "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
MONTHS_DE = ("Januar|Jänner|Februar|Feber|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|"
             "Dezember|Jan|Feb|Mär|Mrz|Apr|Jun|Jul|Aug|Sep|Okt|Nov|Dez")
MONTH = rf"(?:{MONTHS_EN}|{MONTHS_DE})"
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
MON = r"(?:0?[1-9]|1[0-2])"
YEAR = r"(?:19|20)\d{2}"
NB = r"(?<![\w.])"  # not preceded by a word char or a dot (keeps UIDs and decimals out)
NA = r"(?![\w]|\.\d)"
DATE_PATTERNS = [
    rf"{NB}(?:{YEAR})-{MON}-{DAY}(?:[T ]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?{NA}",  # 1956-04-03
    rf"{NB}(?:{YEAR})[/.]{MON}[/.]{DAY}{NA}",  # 1956/04/03, 1956.04.03
    rf"{NB}{DAY}\.[ ]?{MON}\.[ ]?(?:{YEAR}|\d{{2}}){NA}",  # 03.04.1956, 3.4.56
    rf"{NB}{DAY}/{DAY}/(?:{YEAR}|\d{{2}}){NA}",  # 04/03/1956 (either order)
    rf"{NB}{DAY}-{MON}-{YEAR}{NA}",  # 03-04-1956
    rf"{NB}{DAY}[·∙•]{MON}[·∙•](?:{YEAR}|\d{{2}}){NA}",  # 21·06·84: a middle dot between the parts (session 50)
    rf"{NB}(?:[0-2]\d|3[01])\.(?:0\d|1[0-2])\.(?!\d)",  # 03.04. (no year)
    rf"{NB}{MON}[./](?:{YEAR}){NA}",  # 04/2019, 04.2019
    rf"{NB}(?:{YEAR})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]){NA}",  # 19560403 (DICOM style)
    rf"{NB}{DAY}(?:\.|st|nd|rd|th)?[ \t]*(?:of[ \t]+)?-?{MONTH}\.?(?:-|,?[ \t]*)(?:{YEAR}|'\d{{2}})?(?![\w])",
    rf"(?<![\w]){MONTH}\.?[ \t]+{DAY}(?:st|nd|rd|th)?(?:,?[ \t]+{YEAR})?(?![\w])",  # April 3, 1956
    rf"(?<![\w]){MONTH}\.?[ \t]+{YEAR}(?![\w])",  # April 2019, März 2019
    # the same in capitals ('SKI FALL, DEC 2025'; session 29)
    rf"(?<![\w])(?:{MONTHS_EN.upper()}|{MONTHS_DE.upper()})\.?[ \t]+{YEAR}(?![\w])",
]
# A leading look-ahead on the possible first characters lets the regex engine skip most positions.
DATE_RE = re.compile("(?=[0-9JFMASOND])(?:" + "|".join(f"(?:{p})" for p in DATE_PATTERNS) + ")")

# Day/month without a year is a date only in a date context ("at 3:15 p.m. 3/14", "on 3/14", "vom 3/14"):
# elsewhere "1/2" is a fraction.
SHORT_DATE_RE = re.compile(rf"(?i:a\.m\.|p\.m\.|am|pm|hours|uhr|on|vom)[ \t]+(?P<d>{MON}/{DAY})(?![\d/])")
# ... and a day and month after 'born' ('Born 21.08 at the birth centre', 'geboren am 21.08.'; session 51)
BORN_SHORT_DATE_RE = re.compile(rf"(?<![\w])(?i:born|geboren|geb\.)[ \t]+(?:(?i:on|am)[ \t]+)?"
                                rf"(?P<d>{DAY}[./]{MON}\.?)(?![\d/]|\.\d)")
# ... and before a clock time ('discussed with the registrar 8/3 11:50'; session 50): a score stays ('VAS 3/10')
SHORT_DATE_TIME_RE = re.compile(rf"(?<![\w./]){DAY}/{DAY}(?=[ \t]+(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:/]))")
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# (a scheme or 'www.' in capitals too: an all-caps footer's 'REPORT AT HTTPS://PORTAL...'; session 51)
URL_RE = re.compile(r"(?<![\w])(?i:https?://|www\.)[^\s<>\"]+")
# a web address without scheme or 'www.' ('portal.clinic-name.org', 'KLINIKUM-X.DE/befunde'): labels of one case
# ending in a country or generic top-level domain; 'Dr.in', 'Pat.ID' and IU's 'pain.PT' (a missing space) mix cases
_TLDS = ("com|org|net|edu|gov|mil|info|health|de|at|ch|li|lu|nl|be|fr|it|es|pt|uk|ie|us|ca|au|nz|eu|se|no|dk|fi|is|"
         "ee|lv|lt|pl|cz|sk|hu|ro|hr|si|rs|gr|ph|my|sg|in|lk|np|bd|id|jp|kr|tw|mx|br|ar|cl|co|cr|za|ke|ng|gh|ug|tz|gu|"
         "pr|vi|hk|cn|ru|ua|tr|il|ae|sa|qa")
BARE_DOMAIN_RE = re.compile(rf"(?<![\w@./\-])(?:(?:[a-z0-9][a-z0-9\-]*\.)+(?:{_TLDS})(?:/[^\s<>\"]*)?"
                            rf"|(?:[A-Z0-9][A-Z0-9\-]*\.)+(?:{_TLDS.upper()})(?:/[^\s<>\"]*)?)"
                            r"(?![\w@\-]|\.[A-Za-z0-9])")
DOMAIN_HINT_RE = re.compile(r"[a-zA-Z0-9]\.[a-zA-Z]{2,6}(?![\w])")
WORD_TLDS = frozenset(("no", "in", "is", "it", "be", "us", "id", "my", "co", "at", "am", "do", "go", "so", "to", "me"))
PHONE_CUE_RE = re.compile(
    r"(?:(?:tel(?:efon)?|tél(?:éphone)?|phone|ph|fax|fx|telefax|fon|mobil|handy|mobile|cell|pager|piepser|funk|"
    r"durchwahl|dw|callback|call[ \t]back|rückruf|ext|extension|beeper)(?![\w])\.?(?:[ \t]*(?:nr|no|number|nummer)\.?)?"
    # (after 'unter' too: 'Rückruf unter 0 70 21 / 8 84 - 12'; session 37; not 'at', 'phone at 1420' is a time)
    r"[ \t]*[:.]?[ \t]*(?:unter[ \t]+)?)(?P<v>\+?\(?\d[\d \t()/.\-]{2,}\d|-[ \t]?\d{1,5}(?![\w]))")
PHONE_PATTERNS = [
    r"(?<![\w.+])\+\d{1,3}[ \t\-./]*(?:\(0\)[ \t\-./]*)?\(?\d{1,5}\)?(?:[ \t\-./]*\d{2,}){1,4}(?![\w])",
    r"(?<![\w.])\(?0\d{2,5}\)?(?:[ \t]*/[ \t]*|[ \t\-]+)\d{3,}(?:[ \t\-]\d{1,5})?(?![\w.]|\.\d)",
    r"(?<![\w.])\(?\d{3}\)?[ \t.\-]\d{3}[ \t.\-]\d{4}(?![\w])",
    r"(?<![\w.+])0\d{1,4}(?:[ \t]\d{2,4}){3,5}(?![\w]|\.\d)",  # '01 42 16 00 00', '0 71 31 49 33': groups by spaces
]
PHONE_RE = re.compile("(?=[+(0-9])(?:" + "|".join(f"(?:{p})" for p in PHONE_PATTERNS) + ")")
ID_CUE_RE = re.compile(
    r"(?:(?:pat(?:ienten)?[-\t .]?(?:id|nr|nummer|no)|pid|mrn|mr[ \t]?#|mr[ \t]?no|"
    r"medical[ \t]+record(?:[ \t]+(?:number|no\.?|#))?|record[ \t]+(?:no|number)|fall(?:nummer|[-\t ]?nr)|"
    r"aufnahme(?:nummer|[-\t ]?nr)|acc(?:ession)?(?:[ \t]?(?:no|nr|number|#)|-nr)?|auftrags(?:nummer|[-\t ]?nr)|"
    r"untersuchungs(?:nummer|[-\t ]?nr)|befund(?:nummer|[-\t ]?nr)|study[ \t]?id|exam(?:ination)?[ \t]?(?:no|#|id)|"
    r"order[ \t]?(?:no|#|id|number)|case[ \t]?(?:no|#|id|number)|versicherten(?:nummer|[-\t ]?nr)|"
    r"insurance[ \t]?(?:no|#|id|number)|ssn|sozialversicherungs(?:nummer|[-\t ]?nr)|svnr|kennung|id|"
    # Italian, Spanish, Portuguese, Czech record and insurance numbers ('Nº utente 284 913 650', 'NHC 4471203')
    r"utente|nhc|historia[ \t]+clínica|codice[ \t]+fiscale|cod\.[ \t]*fisc\.?|tessera[ \t]+sanitaria|"
    r"nosologico|accettazione|processo|rodné[ \t]+číslo|číslo[ \t]+pojištěnce|"
    # a workstation or device name ('Workstation: MPRRAD04'; session 17)
    r"workstation|station[ \t]?(?:name|id)|arbeitsplatz|befundplatz|"
    # a hospital's, a unit's or a health service's number ('Hosp No: RJ4 882 1736', 'CHI 0102601234'; session 37)
    r"hosp(?:ital)?\.?[ \t]?(?:no|number|#)|unit[ \t]?(?:no|number)|ur[ \t]?(?:no|number)|ip[ \t]?no|"
    r"nhs(?:[ \t]?(?:no|number))?|chi(?:[ \t]?(?:no|number))?|medicaid|medicare|"
    # a clinician's registration ('GMC 7104 233' broken over a line, 'LANR 123456701', 'NPI 1234567890'; session 39)
    r"(?:gmc|imc|nmc|hcpc|npi|lanr|bsnr)(?:[ \t]?(?:no|number|nr))?)"
    # (an umlaut in the prefix: 'Befund Nr. RÖ-2026/011593'; session 34)
    # the value; digit groups apart after the cue ('Fall-Nr. 71 88 30 42'; session 35)
    r"(?![\w])\.?(?:[ \t]*[:#=]){0,2}[ \t]*)(?P<v>\d{2,4}(?:[ \t]\d{2,4}){2,5}(?![\w.,])"
    # ... and a letter-led group, a letter after it too ('RJ4 882 1736', 'AB 123 456', 'YH9 214 337 Q'; session 37)
    r"|[A-Za-z]{1,4}\d{0,3}(?:[ \t]\d{2,5}){2,4}(?:[ \t][A-Za-z](?![\w]))?(?![\w.,])"
    r"|[A-Za-zÄÖÜäöü0-9][A-Za-zÄÖÜäöü0-9\-/._]*[0-9][A-Za-z0-9\-/._]*[A-Za-z0-9]|\d{3,})")
ID_RE = re.compile(r"(?<![\w.\-/])(?:[A-Za-z]{1,5}[-_]?)?\d[\d\-/_]{4,}\d[A-Za-z]?(?![\w])"
                   r"|(?<![\w.])\d+(?:\.\d+){4,}(?![\w.])")  # long numbers, prefixed numbers, UIDs
AGE_RE = re.compile(
    r"(?=[0-9aAiI])(?i:(?<![\w.])(?P<a>\d{2,3})(?:[ \t]*|-)(?=(?:years?|yrs?|y/o|yo|y\.o\.|j\.|jahre|"
    r"j(?:ä|ae|a)hrig\w*|-j(?:ä|ae|a)hrig\w*|jähr\.|lj\.?|year-old|-year-old|years-old|jahre alt)(?![\w]))"
    r"|(?:(?<![\w])(?:age[d]?|alter|im alter von|age of)[ \t]*:?[ \t]*)(?P<b>\d{2,3})(?![\d]))")
# a street's generic word: the tail of its compound ('Hauptstraße 5'); with 'graben' and 'kai', a word of its own after
# an adjective ('Alter Markt 12', 'Neuer Kai 7')
STREET_WORDS = ("straße", "strasse", r"str\.", "weg", "gasse", "allee", "platz", "ring", "damm", "ufer", "chaussee",
                "steig", "pfad", "stieg", "markt")
STREET_SUFFIX = "(?:" + "|".join(STREET_WORDS) + ")"
POSTAL_CITY = (rf"(?:(?:D|DE|A|AT|CH)-\d{{4,5}}|\d{{5}})[ \t]+[{UP}][{LOW}\-]+"
               rf"(?:[ \t](?:am|an der|im|in|bei|ob der|vor der|auf der|unter der|ob)[ \t][{UP}][{LOW}]+)?"
               rf"(?:[ \t]*\([{UP}][{LOW}]+\))?")
ADDRESS_PATTERNS = [
    rf"(?<![\w])(?:[{UP}][{LOW}.\-]*[ \t])?[{UP}][{LOW}\-]*{STREET_SUFFIX}[ \t]*\d{{1,4}}[ \t]?[a-zA-Z]?(?![\w])",
    rf"(?<![\w])[{UP}][{LOW}\-]*[ \t](?:{'|'.join(w.capitalize() for w in (*STREET_WORDS, 'graben', 'kai'))})[ \t]+"
    rf"\d{{1,4}}[ \t]?[a-z]?(?![\w])",
    # 'Am Markt 5, 28203 Bremen', 'Vor dem Steintor 88, Bremen': a street named with a preposition, then a town
    # session 20: 'Zu den Rehwiesen 9-11, 47055 Duisburg' (a house number range)
    rf"(?<![\w])(?:Am|An der|An den|Im|Auf der|Auf dem|Auf den|Zum|Zur|Zu den|Zu der|In der|In den|Vor dem|Vor der|"
    rf"Hinter dem|Hinter der|Unter den|Bei der|Beim)[ \t][{UP}][{LOW}\-]+[ \t]\d{{1,4}}(?:[-–]\d{{1,4}})?[ \t]?[a-z]?"
    rf"(?=,?[ \t]*{POSTAL_CITY}|,[ \t]*[{UP}][{LOW}\-]+[ \t]*(?:\n|$|[,;|·]))",
    r"(?<![\w])\d{1,5}(?:st|nd|rd|th)?[ \t]+(?:[NSEW]\.?[ \t]+)?(?:(?:[A-Z][a-z]+(?:'s|’s)?|\d{1,3}(?:st|nd|rd|th))"
    # ('St' without its full stop, not before a saint's name: '310 W Front St, ...'; session 38)
    r"[ \t]+){1,3}(?:Street|St\.|St(?![\w'’.])(?![ \t]+[A-Z][a-z])|Avenue|Ave\.?|Road|Rd\.?|"
    r"Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Court|Ct\.?|Way|Place|Pl\.?|Terrace|Circle|Parkway|Pkwy\.?|Highway|Hwy\.?)"
    r"(?:[ \t]+(?:NW|NE|SW|SE|N|S|E|W)\.?(?![\w]))?"
    r"(?:,?[ \t]+(?:Apt|Suite|Unit|#)\.?[ \t]*\w+)?(?![\w])",
    rf"(?<![\w]){POSTAL_CITY}(?![\w])",
    r"(?<![\w])[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?,[ \t][A-Z]{2}[ \t]\d{5}(?:-\d{4})?(?![\w])",
    r"(?i:(?<![\w])(?:p\.?o\.?[ \t]box|postfach)[ \t]*\d+)",
    # a street without a number ('Stadium Road', "James's Street"), a numbered one ('5th Ave', '32nd St.')
    r"(?<![\w])(?:[A-Z][a-z]+(?:'s|’s)?[ \t]+){1,3}(?:Street|Road|Avenue|Boulevard|Lane)(?![\w])",
    r"(?<![\w])\d{1,3}(?:st|nd|rd|th)[ \t]+(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?)(?![\w])",
    # Irish Eircode ('D08 NHY1', 'F23 H529') and county ('Co. Mayo')
    r"(?<![\w])[A-Z]\d{2}[ \t]?(?=[A-Z0-9]{0,3}\d)(?=[0-9]{0,3}[A-Z])[A-Z0-9]{4}(?![\w])",
]
# a street in a report in capitals, after a locative, by STREET (a word a report uses otherwise with an article or a
# word for the street's state): 'ON BROAD STREET', 'IN KING STREET CAR PARK', not 'ON ICY STREET' (session 31); also
# by its abbreviation ('STAIRS OF THE CRYSTAL BAR ON MAIN ST ONTO'; session 42), ST only where no saint's name
# follows ('ON ICE ST. MARY'S STEPS')
# a house number and a street in capitals in a sentence ('A PARTY AT 1420 SHEYENNE ST.'; session 39): checked in
# find (a word of the name no ordinary one: '3 WEEKS DR SMITH' stays)
CAPS_NUMBER_STREET_RE = re.compile(r"(?<![\w.,/:\-])(?P<n>\d{1,5}[A-Z]?)[ \t]+"
                                   r"(?P<s>[A-Z][A-Z'’]+(?:[ \t]+[A-Z][A-Z'’]+){0,2})[ \t]+"
                                   r"(?:ST|AVE|RD|DR|BLVD|LN|HWY|PKWY|CT|PL|TER|CIR|STREET|AVENUE|ROAD|DRIVE|LANE|"
                                   r"BOULEVARD)(?![\w])")
CAPS_STREET_RE = re.compile(r"(?<![\w])(?:ON|IN|AT|ALONG|OFF|NEAR|FROM|CROSSING)[ \t]+"
                            r"(?!(?:THE|A|AN|HIS|HER|THEIR|MY|OUR|ONE|THIS|THAT|EVERY|ICY|WET|SLIPPERY|FROZEN|SNOWY|"
                            r"MUDDY|DARK|STEEP|NARROW|BUSY|QUIET|COBBLED|UNEVEN|GRAVEL|SIDE|BACK|CITY|OPEN|EMPTY|"
                            r"CROWDED|RESIDENTIAL|SHOPPING|PUBLIC|LOCAL|NEARBY|SAME|NEXT|OTHER)[ \t])"
                            r"(?P<s>[A-Z][A-Z'’]+(?:[ \t]+[A-Z][A-Z'’]+)?)[ \t]+(?:STREET|RD|AVE|AVENUE|"
                            r"ST(?=[ \t]*(?:[,;:)\n]|$)|\.[ \t]*(?:\n|$)|[ \t]+(?:ONTO|INTO|AND|WHEN|WHILE|AFTER|"
                            r"THIS|TODAY|YESTERDAY|LAST)(?![\w])))(?![\w])")
# session 19, prose places on a road (rule 'mile-road': not grown to the whole line like a postal address): a numbered
# street in capitals ('142ND ST'), a road with its mile marker ('US-50 near mile marker 61', 'SR 264 NEAR MP 392')
MILE_ROAD_RE = re.compile(r"(?<![\w])\d{1,3}(?:ST|ND|RD|TH)[ \t]+(?:STREET|ST|AVENUE|AVE|ROAD|RD)(?![\w])|"
                          r"(?<![\w])(?i:US|U\.S\.|SR|State[ \t]Route|Hwy|Highway|Route|Rte|Interstate|I|CR|"
                          r"County[ \t]Road|FM)[- \t]?\d{1,4}[A-Z]?(?:,?[ \t]+(?i:near|at|nr|by|@))?[ \t]+"
                          r"(?i:MP|MM|mile[ \t]?(?:marker|post)|milepost|mile|exit)[ \t]*\d{1,4}(?![\w])")
COUNTY_RE = re.compile(rf"(?<![\w])(?:Co\.|County)[ \t]+{WORD}")
# '<Name> County' (US, Kenya: 'Reeves County', 'Kiambu County'): the name no safe word (checked in find; session 17)
NAME_COUNTY_RE = re.compile(rf"(?<![\w])(?P<n>{WORD}(?:[ \t]+{WORD})?)[ \t]+(?:County|COUNTY|Parish|Borough)(?![\w])")
# A street named without a house number, by a street word no report uses for anything else: a German compound
# ('Sturz in der Schillerstraße', 'Kirchgasse', 'Lindenallee', 'Konrad-Adenauer-Str.'), a Polish prefix
# ('ul. Marszałkowska', 'al. Jerozolimskie'; not 'et al.'), a Hungarian, Baltic or Czech street word after the name
# ('Váci utca', 'Kalnciema iela', 'Gedimino prospektas', 'Václavské náměstí'). A history names where an accident
# happened as often without a number as with one. The generic German road nouns stay.
DIGITLESS_STREET_RE = re.compile(
    rf"(?<![\w\-])(?!(?:Land|Bundes|Kreis|Schnell|Seiten|Neben|Einbahn|Umgehungs|Durchgangs|Haupt-?verkehrs|Gegen)"
    rf"(?:straße|strasse)(?![\w]))[{UP}][{LOW}\-]*(?:-[{UP}][{LOW}]*)*(?:straße|strasse|gasse|allee|-Straße|-Allee|"
    rf"-Gasse|str\.)(?![\w])"
    rf"|(?<![\w\-])(?!(?:LAND|BUNDES|KREIS|SCHNELL|SEITEN|NEBEN|EINBAHN|UMGEHUNGS|DURCHGANGS|GEGEN)STRASSE(?![\w]))"
    rf"[{UP}]{{2,}}(?:-[{UP}]+)*(?:STRASSE|STRAẞE|GASSE|ALLEE)(?![\w])"  # an all-caps report's street (session 23)
    rf"|(?<![\w])(?<!et[ \t])(?:ul|al|pl)\.[ \t]*[{UP}][{LOW}]+(?:[ \t]+[{UP}][{LOW}]+){{0,2}}"
    # a street named by a place's adjective, written apart ('Warschauer Str.', 'Frankfurter Allee'; session 24)
    rf"|(?<![\w\-])[{UP}][{LOW}]+er[ \t]+(?:Straße|Strasse|Str\.|Allee|Chaussee|Damm)(?![\w])"
    rf"|(?<![\w\-])[{UP}]{{3,}}ER[ \t]+(?:STRASSE|STRAẞE|STR\.|ALLEE|CHAUSSEE)(?![\w])"  # the same in capitals
    # ... or by an adjective ('Hohe Straße', 'Lange Gasse'; session 35); an article or a road's state stays
    rf"|(?<![\w\-])(?!(?:Die|Eine|Jede|Diese|Seine|Ihre|Keine|Andere|Nächste|Gleiche|Selbe|Ganze|Glatte|Nasse|"
    rf"Vereiste|Rutschige|Eisige|Dunkle|Enge|Steile|Befahrene|Viel[ \t]?befahrene)[ \t])[{UP}][{LOW}]+e[ \t]+"
    rf"(?:Straße|Strasse|Gasse|Allee)(?![\w])"
    rf"|(?<![\w])[{UP}][{LOW}]+(?:[ \t]+[{UP}][{LOW}]+)?[ \t]+(?:utca|út|körút|tér|iela|gatvė|prospektas|"
    rf"náměstí|třída)(?![\w])"
    # Spanish/Portuguese estates, quarters and apartment blocks ('Urb. Nueva Andalucía', 'Apartamentos Las Dunas')
    rf"|(?<![\w])(?:Urb\.|Urbanización|Urbanizacion|Apartamentos|Residencial|Conjunto|Barrio|Bairro|Colonia|Fraccionamiento)"
    rf"[ \t]+(?:(?:de|del|la|las|los|el|do|da|dos)[ \t]+)?[{UP}][{LOW}]+(?:[ \t]+(?:[{UP}][{LOW}]+|de|del|la))*"
    # Malay streets and estates ('Jalan Bukit Merah', 'Jln. Ampang', 'Lorong 3', 'Taman Melawati'; session 17)
    rf"|(?<![\w])(?:Jalan|JALAN|Jln\.?|JLN\.?|Lorong|LORONG|Lebuh|Persiaran|Taman|TAMAN)[ \t]+"
    rf"(?:[{UP}][{LOW}]+|[{UP}]{{2,}}|\d{{1,3}})(?:[ \t]+(?:[{UP}][{LOW}]+|[{UP}]{{2,}}|\d{{1,3}})){{0,2}}(?![\w])")
# a street by a German compound whose tail also ends ordinary nouns ('-weg', '-ring', '-damm', '-platz'), after the
# contracted locative a street takes ('am Rennbahnweg', 'im Birkenweg', 'vom Jahnplatz'; not 'auf dem Arbeitsweg'):
# kept when the compound is a listed noun ('am Arbeitsplatz', 'im Strafraum'; Anonymizer.find, session 31)
COMPOUND_STREET_TAILS = ("weg", "ring", "damm", "ufer", "pfad", "kamp", "deich", "graben", "platz", "markt", "kai")
COMPOUND_STREET_RE = re.compile(rf"(?<![\w])(?:[Aa]m|[Ii]m|[Vv]om|[Zz]um)[ \t]+(?P<s>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)*"
                                rf"(?:{'|'.join(COMPOUND_STREET_TAILS)}))(?![\w])")
# The second half of a German compound that makes it an injury or an examination ('Fahrradsturz', 'Skiunfall',
# 'Verlaufskontrolle'): with an ordinary word before it, no name (Anonymizer._clinical_compound; folded)
CLINICAL_COMPOUND_TAILS = ("sturz", "unfall", "trauma", "verletzung", "fraktur", "prellung", "schmerz", "schmerzen",
                           "schwellung", "luxation", "distorsion", "kontrolle", "aufnahme", "aufnahmen",
                           "untersuchung", "geburt")  # (session 49: 'Spontangeburt am 02.01.')
# speed: a street word every DIGITLESS_STREET_RE match holds (on lower-cased text; plain substring tests: a regex
# alternation here cost 7% of the anonymizer's time on the IU reports)
DIGITLESS_STREET_HINTS = ("straße", "strasse", "gasse", "allee", "str.", "chaussee", "damm", "ul.", " al.", "\nal.",
                          " pl.", "\npl.",
                          "utca", " út", " tér", "iela", "gatvė", "prospektas", "náměstí", "třída",
                          "jalan ", "jln", "lorong", "lebuh", "persiaran", "taman ", "urb", "apartamentos",
                          "residencial", "conjunto", "barrio", "bairro", "colonia", "fraccionamiento")
# Streets in Romance and Slavic languages: the street word first ('Via dei Cantieri 14', 'Ctra. Madrid-Cartagena
# s/n', 'Rua Augusta 120') or after the name ('Pilsoņu iela 13', 'Antakalnio g. 57'); always with a number or 's/n'
_STREET_GLUE = r"(?:di|de|del|della|dello|dei|degli|delle|da|do|dos|das|des|du|la|le|el|los|las|y|e|i|d'|dell')"
_STREET_NAME = rf"(?:[{UP}][{LOW}.'’\-]*|\d{{1,2}}(?:º|ª|°)?)"
FOREIGN_STREET_RE = re.compile(
    rf"(?<![\w])(?=[VPCLARTSEAu])(?:Via|Viale|Piazza|Piazzale|Corso|Largo|Vicolo|Calle|Avenida|Avda\.|Av\.|Rua|"
    rf"Carrer|Ctra\.|Carretera|Paseo|Passeig|Plaza|Plaça|Praça|Travessa|Rue|Chemin|Estrada|Alameda|Ronda|Camino|"
    rf"Strada|Ulica|ul\.)[ \t]+(?:{_STREET_GLUE}[ \t]+){{0,2}}{_STREET_NAME}"
    rf"(?:[ \t]+(?:{_STREET_GLUE}[ \t]+){{0,2}}{_STREET_NAME}){{0,4}}"
    rf"[ \t]*,?[ \t]*(?:n\.?[º°]?[ \t]*)?(?:\d{{1,4}}[a-zA-Z]?(?:/\d{{1,3}})?|s/n|S/N)(?![\w])"
    rf"|(?<![\w])[{UP}][{LOW}]+[ \t]+(?:iela|g\.|gatvė|ulice|utca|út|tér|náměstí|nám\.|třída|tř\.)[ \t]+"
    rf"\d{{1,4}}[a-z]?(?![\w])"
    # the number first, as an English writer puts it ('lives at 14 Rua das Flores'; session 27)
    rf"|(?<![\w.,/])\d{{1,4}}[a-zA-Z]?,?[ \t]+(?:Via|Viale|Piazza|Corso|Calle|Avenida|Rua|Carrer|Paseo|Plaza|Praça|"
    # (session 28: French writes its street word in lower case, '88 rue des Érables')
    rf"Travessa|Rue|Chemin|Estrada|Alameda|Camino|Strada|Ulica|rue|avenue|boulevard|chemin|impasse|allée)"
    rf"[ \t]+(?:{_STREET_GLUE}[ \t]+){{0,2}}{_STREET_NAME}"
    rf"(?:[ \t]+(?:{_STREET_GLUE}[ \t]+){{0,2}}{_STREET_NAME}){{0,3}}")
# a German street named by a preposition and a noun, with its house number ('Am Kirchberg 3', 'Auf der Heide 7', 'Im
# Winkel 12'), the number ending a field; the noun no clinical word unless a street's ('Im Vergleich 3 mm' stays;
# session 27)
LOCATIVE_STREET_RE = re.compile(
    rf"(?<![\w])(?:Am|An[ \t]der|An[ \t]den|Auf[ \t]der|Auf[ \t]dem|Im|In[ \t]der|In[ \t]den|Zum|Zur|Hinter[ \t]der|"
    rf"Hinter[ \t]dem|Unter[ \t]den|Vor[ \t]dem|Beim)[ \t]+(?P<n>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)[ \t]+"
    rf"\d{{1,4}}[a-z]?(?![\w]|[.,/]\d)(?=[ \t]*(?:[,;|/(]|[ \t]{{2}}|$))", re.MULTILINE)
STREET_NOUN_TAILS = ("berg", "weg", "feld", "heide", "hof", "garten", "graben", "markt", "bach", "wald", "mühle",
                     "muehle", "anger", "ring", "kamp", "brink", "winkel", "grund", "hang", "höhe", "hoehe", "tal")
# An address line: once part of it is an address, the segment it fills goes whole ('4 Kingsway House, Lower Bristol
# Road, Bath BA2 3EX', 'Unit 5, Tyger Valley Office Park, Bellville 7530'): capitalised words, numbers and the glue
# between them, up to a separator ('|', '·', ' – ', ':', ';') or the line's end
ADDRESS_SEG_SEP_RE = re.compile(r"[|·•;:\n]|[ \t][-–—][ \t]|(?<![\w])(?i:wohnhaft|anschrift|adresse|address|tel\.|"
                                r"telefon|phone|fax|domicilio|residencia|morada)(?![\w])")
_ADDR_TOKEN = (rf"(?:[{UP}][\w'’.\-]*|\d[\w/\-]*|s/n|S/N|\([{UP}][{LOW}]+\)|{_STREET_GLUE}|of|the|upon|on|am|an|"
               rf"der|im|bei|sur|sul|iela|g\.|gatvė|ulice|utca|út|tér)")
ADDRESS_SEG_RE = re.compile(rf"[ \t]*{_ADDR_TOKEN}(?:[ \t]*,?[ \t]+{_ADDR_TOKEN}|,{_ADDR_TOKEN}){{0,11}}[ \t,.]*")
# The town (and postcode) after a street address in prose, where the line as a whole is no address line: 'fell at
# 12 Mill Road, Kendal', 'wohnhaft Hauptstraße 3, Neustadt an der Weinstraße', '7 Quayside Court, Inverness IV2
# 3BW', 'Dunmore Lane, Inverness'). One or two commas, each followed by up to three capitalised words or postcode
# parts (with their place glue); the next word that is neither, or a sentence's full stop, ends it.
_TAIL_WORD = rf"(?:[{UP}][{LOW}\-]+|[A-Z]{{1,2}}\d[\dA-Z]?|\d[A-Z]{{2}}|\d{{4,5}})"
ADDRESS_TAIL_RE = re.compile(rf"(?:[ \t]*,[ \t]*{_TAIL_WORD}(?:[ \t]+(?:(?:am|an[ \t]+der|upon|on|sur|im|in|"
                             rf"ob[ \t]+der)[ \t]+)?{_TAIL_WORD}){{0,2}}){{1,2}}(?![\w'’\-])")
ADDRESS_WORDS = ("Street", "Road", "Avenue", "Boulevard", "Lane")  # speed: see find()
# a German street with its number in capitals ('LINDENWEG 4', 'HAUPTSTRASSE 12'; session 38; not 'RING', the tail of
# 'MEASURING 18 MM'): the street alone, not its line (an all-caps line gives no case to end an address segment by)
CAPS_STREET_NUMBER_RE = re.compile(
    rf"(?<![\w])[{UP}]{{2,}}(?:-[{UP}]+)*(?:STRASSE|STRAẞE|STR\.|WEG|GASSE|ALLEE|PLATZ|DAMM|UFER|CHAUSSEE|STEIG|PFAD|"
    rf"STIEG|MARKT)[ \t]*\d{{1,4}}[ \t]?[a-zA-Z]?(?![\w])")
ADDRESS_RE = re.compile(f"(?=[0-9{UP}Pp])(?:" + "|".join("(?:" + p + ")" for p in ADDRESS_PATTERNS) + ")")
# an address block's street line, whatever its street word, right above its postcode line ('Anger 41\n99084 Erfurt',
# 'Am Lindenhof 3\nA-6020 Innsbruck'; session 28)
STREET_OVER_POSTCODE_RE = re.compile(rf"^[ \t]*(?P<s>[{UP}][\w'’.\-]*(?:[ \t]+(?:[{UP}][\w'’.\-]*|an|am|im|auf|der|"
                                     rf"dem|den|zum|zur|de|la|le)){{0,3}}[ \t]+\d{{1,4}}"
                                     rf"(?:[a-z]|[ \t]?[-/][ \t]?\d{{1,4}})?)"
                                     rf"[ \t]*,?[ \t]*\n[ \t]*(?:[A-Z]{{1,2}}-)?\d{{4,5}}[ \t]+[{UP}][^\n]{{1,40}}$",
                                     re.MULTILINE)
GRADE = r"(?:[IV]{1,4}[a-c]?|[1-6][a-c]?|[A-C][1-3]?)(?![\w])"
EPONYM_LEFT_CUES = ("nach", "per", "by", "according to", "klassifikation", "classification", "einteilung", "type",
                    "typ", "reverse", "reversed", "umgekehrte", "umgekehrter", "umgekehrten", "morbus", "m.",
                    "modified", "modifizierte", "modifizierten", "sog.", "so-called", "sogenannte", "sogenannten",
                    "sogenannter", "like", "wie", "of", "ähnlich", "vom", "von typ", "a la", "à la",
                    # the same slot in Italian, Spanish, Portuguese, French, Czech ('frattura di Galeazzi')
                    "tipo", "typu", "secondo", "según", "segundo", "selon", "podle", "dle", "frattura di",
                    "fratture di", "lussazione di", "lesione di", "segno di", "morbo di", "malattia di",
                    "classificazione di", "fractura de", "luxación de", "lesión de", "signo de", "enfermedad de",
                    "clasificación de", "fratura de", "luxação de", "lesão de", "sinal de", "doença de",
                    "classificação de", "fracture de", "luxation de", "lésion de", "signe de", "maladie de",
                    "classification de", "zlomenina", "zlomeninu",
                    # a listed sign or reflex by its finding ('asymmetric Moro', 'positiver Finkelstein'; session 36)
                    "positive", "positiver", "positives", "negative", "negativer", "negatives", "asymmetric",
                    "asymmetrical", "symmetric", "symmetrical", "asymmetrischer", "symmetrischer", "absent",
                    "fehlender", "intact", "intakter")


_lower = lower_same_length  # one rule for every case-insensitive match: 'İ' cannot shift offsets


DIGIT_RUN_RE = re.compile(r"\d{3,}")
# An AO/OTA fracture code names a fracture, never a patient: 'AO 15.2C', 'AO/OTA 23-C2.1', 'AO-Typ 22-A1',
# 'OTA 2R3A2' (cue and code protected from the ID rules and the zone; the cue word must be there)
AO_CODE_RE = re.compile(r"(?<![\w])(?:AO|OTA|AO/OTA|AO-OTA|AO/ASIF)(?:[ \t-]*(?i:typ|type|class(?:ification)?|"
                        r"klassifikation))?[ \t]*:?[ \t]*(?P<c>\d{1,2}[RUrul]?(?:\.\d)?[ \t]*-?[ \t]*[A-C]"
                        r"(?:\d(?:\.\d){0,2})?)(?![\w])")
DURATION_LEFT_RE = re.compile(r"(?<![\w])(?:for|since|over|past|last|within|in|after|before|about|approximately|x|"
                              r"vor|seit|für|über|nach|letzten|innerhalb|binnen|ca\.?|etwa)[ \t]+$")
DURATION_RIGHT_RE = re.compile(r"[ \t]*(?:ago|prior|earlier|previously|before|later|zuvor|her|duration|history)"
                               r"(?![\w])")


# weeks, days or months before 'postop', 'nach', 'after' count time since an event ('6 Wochen postoperativ', '3 Wochen
# nach Reposition', '2 weeks after ORIF'); years are left out ('45 J. nach Sturz' opens a history with an age).
# Session 26: 79 such spans in the tuning set went as ages.
SINCE_EVENT_RIGHT_RE = re.compile(r"[ \t]*(?:post[\w.-]*|p\.[ \t]?o\.|nach|after|following|s/p)(?![\w])")
# ... but time since birth is an age ('10 days after delivery', '3 Wochen nach Geburt', '5 days postpartum')
SINCE_BIRTH_RIGHT_RE = re.compile(r"[ \t]*(?:post[ \t-]?(?:partum|natal)|(?:post|nach|after|following|s/p)[ \t]+"
                                  r"(?:[\w.-]+[ \t]+){0,2}(?:birth|deliver\w*|geburt|entbindung|sectio|c-section|"
                                  r"ca?esarean|partus))")
# (never a one-letter unit: '67M s/p ORIF' is an age and a sex, as 'w' and 'd' are in German)
SHORT_UNIT_RE = re.compile(r"(?<![a-z])(?:wk|wks|week|weeks|woche|wochen|day|days|tag|tage|tagen|mo|mos|month|months|"
                           r"monat|monate|monaten)\.?[ \t]*$")


def _is_duration(low: str, s: int, e: int) -> bool:
    """'for 7 years', '2 years ago', 'vor 3 Jahren', '6 Wochen postop': a time span, not the patient's age ('7 years
    old' is)."""
    if "old" in low[s:e] or "alt" in low[s:e]:
        return False
    return (DURATION_LEFT_RE.search(low, max(0, s - 16), s) is not None or DURATION_RIGHT_RE.match(low, e) is not None
            or SHORT_UNIT_RE.search(low, s, e) is not None and SINCE_EVENT_RIGHT_RE.match(low, e) is not None
            and SINCE_BIRTH_RIGHT_RE.match(low, e) is None)


# a fall's height in metres, not a male patient's age: 'fell 2m', 'from 4 m', 'Sturz aus 3m Höhe' (session 26);
# 'Hx: 45m fell from a ladder' stays an age (nothing before it says height)
HEIGHT_LEFT_RE = re.compile(r"(?:fell|fall|falls|fallen|from|off|aus|sturz|gestürzt|approx\.?|about|ca\.?|~)"
                            r"[ \t]*\Z")
HEIGHT_RIGHT_RE = re.compile(r"[ \t]*(?:höhe|hoehe|height|high|drop)(?![\w])")


# the age of a thing, not of the patient: 'the 3-week-old fracture', 'a two-year-old injury' (session 27)
THING_AFTER_RE = re.compile(r"[ \t]+(?:[a-z\-]+[ \t]+)?(?:fractures?|fx|injur(?:y|ies)|callus|lesions?|dislocations?|"
                            r"trauma|wounds?|avulsions?|fragments?|hardware|implants?|plates?|scars?|bruis\w*|"
                            r"ha?ematomas?|findings?|changes?|x-?rays?|films?|radiographs?|stud(?:y|ies)|comparison|"
                            r"images?|prior)(?![\w])")


def _is_thing_age(low: str, e: int) -> bool:
    return THING_AFTER_RE.match(low, e) is not None


def _is_height(low: str, s: int, e: int) -> bool:
    if not low[s:e].rstrip().endswith("m"):
        return False
    return HEIGHT_LEFT_RE.search(low, max(0, s - 12), s) is not None or HEIGHT_RIGHT_RE.match(low, e) is not None


def _id_like_digits(token: str) -> bool:
    """Enough digits for an identifier: >= 4 with a run of >= 3 ('K7X-99812', 'MR26-118340'), or >= 6.
    Classification codes ('AO 23-A2.1', '2R3A2.1', 'C5/6') have only short digit runs."""
    n = sum(c.isdigit() for c in token)
    if DIGIT_RUN_RE.search(token) is not None:
        return n >= 4
    return n >= 6 and "." not in token  # '16.2/24.7' is a ratio of measures


# a four-digit clock time ('14-MAR-2026 0317 SST', 'called at 0331', 'approx 1900 h'; session 27): after a date or
# 'at'/'um', or before a time zone or an hour word
CLOCK4_RE = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
CLOCK_AFTER_RE = re.compile(r"[ \t]*(?:h|hrs?|hours|Uhr|[A-Z]{1,3}[SD]T|UTC|GMT|Z)(?![\w])")
CLOCK_BEFORE_RE = re.compile(r"(?:(?<![\w])(?i:at|um|@|time|zeit)[ \t:]*|(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|"
                             r"\d{1,2}-[A-Za-z]{3}-\d{2,4}|\d{4}-\d{2}-\d{2})[ \t]+)\Z")


def _clock_time(text: str, s: int, e: int) -> bool:
    """Is text[s:e] a four-digit clock time by its context (see CLOCK4_RE)?"""
    return CLOCK4_RE.fullmatch(text, s, e) is not None and (
        CLOCK_AFTER_RE.match(text, e) is not None or CLOCK_BEFORE_RE.search(text, max(0, s - 14), s) is not None)


# the locative before a hospital's letters on an all-caps line (see Anonymizer._unknown_acronyms)
CAPS_ACRONYM_PLACE_RE = re.compile(r"(?<![\w])(?:AT|TO|FROM|IN|IM|INS|VOM|NACH)[ \t]+\Z")
# an acronym of three to six capitals standing alone: not inside a word, a placeholder, or a hyphen or slash compound
ACRONYM_WORD_RE = re.compile(r"(?<![\w\[\-/.])[A-ZÄÖÜ]{3,6}(?![\w\]\-/]|\.\w)")
ROMAN_NUMERAL_RE = re.compile(r"[IVX]+")
# a German locative before a capitalised word ending in a landform noun: a summit, a rock, a cave, a valley, a lake,
# an alp or a hut by its name ('am Harschbichl', 'in der Nebelhöhle'; session 32; see Anonymizer._landform_name)
LANDFORM_SUFFIXES = ("höhle", "höhe", "felsen", "fels", "stein", "kopf", "horn", "spitze", "wand", "bichl", "bühel",
                     "eck", "alm", "alpe", "hütte", "kogel", "kofel", "joch", "grat", "scharte", "sattel", "tal", "see",
                     "weiher", "berg", "wald", "moor", "heide", "steig", "schanze")
LANDFORM_RE = re.compile(r"(?<![\w])(?:am|im|vom|zum|beim|in der|auf dem|auf der|an der|unterhalb (?:des|der)|"
                         r"oberhalb (?:des|der))[ \t]+(?P<w>[A-ZÄÖÜ][a-zäöüß]+(?P<s>"
                         + "|".join(sorted(LANDFORM_SUFFIXES, key=len, reverse=True)) + r"))(?![\w])")
LANDFORM_HINT_RE = re.compile(r"(?<![\w])(?:am|im|vom|zum|beim|der|dem|des) ")
MIXED_CASE_RUN_RE = re.compile(r"[a-zäöüß]{3}")  # a line written in mixed case has a lower-case run


# an extension written after a number ('(505) 465-2290 ext 4', '701-352-1620 ext. 305', '0221 4478-0, Durchwahl 212',
# '555-0199 x214'): part of the number, which a switchboard plus the extension names (session 33)
PHONE_EXT_RE = re.compile(r"[ \t]*,?[ \t]*(?i:ext\.?|extn\.?|extension|x|durchwahl|dw\.?|app\.?|apparat|"
                          r"nebenstelle|klappe|kl\.)[ \t]*:?[ \t]*\d{1,5}(?![\w\-/]|[.,]\d)")


def _phone_end(text: str, end: int) -> int:
    """Where a phone number found up to `end` ends: after the extension written right behind it, if any."""
    m = PHONE_EXT_RE.match(text, end)
    return m.end() if m else end


def _line_at(text: str, i: int) -> str:
    s = text.rfind("\n", 0, i) + 1
    e = text.find("\n", i)
    return text[s:e if e >= 0 else len(text)]


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of `text`, without its line break."""
    out = []
    ls = 0
    for line in text.split("\n"):
        out.append((ls, ls + len(line)))
        ls += len(line) + 1
    return out


def _lines_with(text: str, *needles: str) -> list[tuple[int, int]]:
    """(start, end) of each line of `text` holding one of `needles`, in order: where a one-line pattern whose
    every match holds a needle can match (finditer(text, start, end) over these finds what a scan of the whole
    text finds, when the pattern has no anchor and no match spans a line break)."""
    out = []
    ls = 0
    n = len(text)
    while ls <= n:
        le = text.find("\n", ls)
        le = n if le < 0 else le
        if any(text.find(x, ls, le) >= 0 for x in needles):
            out.append((ls, le))
        ls = le + 1
    return out


def _bracket_eponym_matches(text: str) -> list[re.Match]:
    """BRACKET_EPONYM_RE.finditer over each line holding a '(': the same matches, but the regex is tried only
    where one can start. Every match is '(...)' or letters, a technique word, blanks and then '(...)', so it starts
    at a '(' or in the run of letters and blanks right before one (on its line); elsewhere the pattern's leading
    letter run makes each position cost a scan of its word (speed: was the slowest pattern on the tune corpora)."""
    out = []
    pos = 0  # where the last match ended: matches do not overlap
    p = text.find("(")
    while p >= 0:
        ls = text.rfind("\n", 0, p) + 1
        le = text.find("\n", p)
        le = len(text) if le < 0 else le
        c = p
        while c > ls and text[c - 1] in " \t":
            c -= 1
        while c > ls and text[c - 1].isalpha():  # a superset of the pattern's letters, whatever their case
            c -= 1
        for start in range(max(c, pos), p + 1):
            m = BRACKET_EPONYM_RE.match(text, start, le)
            if m is not None:
                out.append(m)
                pos = m.end()
                break
        p = text.find("(", max(p + 1, pos))
    return out


@functools.lru_cache(maxsize=1 << 14)
def _title_word(w: str) -> bool:
    """TITLE_SEQ_RE.fullmatch(w) for a single word (the zone rules ask it of every word: cached)."""
    return TITLE_SEQ_RE.fullmatch(w) is not None


@functools.lru_cache(maxsize=1 << 14)
def _zone_cue_word(w: str) -> bool:
    """ZONE_CUE_RE.fullmatch(w) for a single lower-cased word (cached, as _title_word)."""
    return ZONE_CUE_RE.fullmatch(w) is not None


def _sentence_start(text: str, pos: int, marks: str = "\n.!?:;-–(\"'") -> bool:
    """`pos` opens a line or a sentence (after one of `marks`): a capitalised word there says nothing by its case."""
    before = text[max(0, pos - 3):pos].rstrip(" \t")
    return not before or before[-1] in marks


def _span_of_words(run: str, n: int) -> int:
    """The length of the first `n` whitespace-separated words of `run`, with the gaps between them."""
    return [m.end() for m in re.finditer(r"\S+", run)][n - 1]


def _at_word_start(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")


def _left_cue(left: str) -> bool:
    """Does the text before an eponym name a classification or eponym ('nach Jäger', 'Morbus Kienböck')?"""
    t = left.rstrip(" \t-/").lower()
    return any(t.endswith(cue) and (len(t) == len(cue) or not t[-len(cue) - 1].isalnum()) for cue in EPONYM_LEFT_CUES)
PAIR_COMMA_RE = re.compile(r"[ \t]*,?[ \t]*")  # between a surname and the given names after it
PAIR_GAP_RE = re.compile(r"^[ \t]*(?:/|-|und|and|&|or|oder|bzw\.|vs\.?|versus|o|y|e|ou|nebo|a)[ \t]*$")

# ---------------------------------------------------------------------------- recall-first additions
# Shapes the first engine missed (issue 11). Each is a pattern over the (normalised) text.
MONTH_ABBR = (r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|jän|mär|mrz|mai|okt|dez|"
              r"january|february|march|april|june|july|august|september|october|november|december|"
              r"januar|februar|märz|juni|juli|oktober|dezember)")
EXTRA_DATE_PATTERNS = [
    rf"{NB}{DAY}[-/ .]{MONTH_ABBR}\.?[-/ .](?:{YEAR}|\d{{2}})(?![\w])",  # 12-APR-1979, 12 apr 79
    rf"{NB}{DAY}\.{MON}\.(?![\d])",  # 12.3. (day.month. without a year)
    rf"{NB}(?:0[1-9]|1[0-2])/\d{{2}}(?![\w/]|\.\d)",  # 03/56 (month/2-digit year)
    rf"{NB}{DAY}/{MON}/\d{{2}}(?![\w/])",  # 12/4/26
    # spaced around its slashes or dots ('04 / 02 / 26', '3 . 4 . 2026'; session 37)
    rf"{NB}{DAY}[ \t]+(?P<spaced_sep>[/.])[ \t]+{MON}[ \t]+(?P=spaced_sep)[ \t]+(?:{YEAR}|\d{{2}})(?![\w/])",
    # 18/10, 15/01 (day/month without a year: a day over 12 or a zero-padded month, so no score or fraction)
    rf"{NB}(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])(?![\w/]|\.\d)",
    rf"{NB}{DAY}/0[1-9](?![\w/]|\.\d)",
    rf"{NB}{DAY}\.[ \t]?(?:III|II|IV|IX|I|VIII|VII|VI|V|XII|XI|X)\.[ \t]?(?:{YEAR}|\d{{2}})(?![\w])",  # 3. III. 2026
    # the day alone by its ordinal after 'on the' ('seen on the 14th'; session 27)
    r"(?<=on the )(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)(?=[ \t]*(?:[,.;:)\n]|$|(?:at|when|and|after)[ \t]))",
    rf"{NB}{YEAR}[ \t]*[-–/][ \t]*{YEAR}(?![\w])",  # 2019-2021 (both years)
    # 2019 (not a dose, nor a clock time: '1900 h')
    rf"(?<![\w.\-/]){YEAR}(?![\w]|\.\d|[ \t]*(?:mg|ml|g|kg|mm|cm|ms|kv|mas|gy|units?|ie|iu|h|hrs?|uhr)(?![\w]))",
    # 08 FEB (an all-caps day and month without a year; session 17)
    # and with its ordinal ('27TH NOV', 'NOV 27TH', 'MARCH 3RD'; session 21)
    # (and a month in full, with its year: '3RD MARCH 2026'; session 29)
    rf"{NB}{DAY}(?:ST|ND|RD|TH)?[ -](?:{MONTHS_EN.upper()}|{MONTHS_DE.upper()})(?:,?[ \t]+{YEAR})?(?![\w])",
    # the same in lower case ('sunday 8 feb', 'sat 4th oct'; session 34), not 'may' or 'mar' ('8 may be')
    rf"{NB}{DAY}(?:st|nd|rd|th)?[ ](?:jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec|january|february|march|april|june|"
    r"july|august|september|october|november|december|januar|februar|märz|juni|juli|oktober|dezember)(?![\w])",
    rf"(?<![\w]){MONTH_ABBR}\.?[ \t]+{DAY}(?i:st|nd|rd|th)?(?![\w])",  # April 12th
]
ORDINAL_DAY_RE = re.compile(r"(?<![\w.])(?:[1-9]|[12]\d|3[01])(?i:st|nd|rd|th)(?![\w])")
EXTRA_DATE_RE = re.compile("(?=[0-9])(?:" + "|".join(f"(?:{p})" for p in EXTRA_DATE_PATTERNS[:-1]) + ")")
# a birth year by its last two digits after a birth word ("born '79", "Jg. ’84"; session 27)
APOS_YEAR_RE = re.compile(r"(?<![\w])(?i:born|b\.|geb\.|geboren|jg\.|jahrgang|dob:?|class[ \t]of)[ \t]*(?P<y>['’]\d{2})"
                          r"(?![\w])"
                          # any stand-alone apostrophe year ('on winter exercise in Norway '84'; session 28): a foot
                          # or minute mark has its digits before the apostrophe
                          r"|(?:(?<=[ \t(])|^)(?P<z>['’]\d{2})(?=[ \t.,;:)]|$)", re.MULTILINE)
MONTH_DAY_RE = re.compile(EXTRA_DATE_PATTERNS[-1])  # run on lower-cased text only when a month may be there
# a month named alone after a time word ('in March', 'compared to December', 'seit Jänner'): the capitalised month
# is found first (a literal scan), then the word before it
_MONTH_WORDS = ("January|February|March|April|May|June|July|August|September|October|November|December|Januar|"
                "Jänner|Jaenner|Februar|Feber|März|Maerz|Mai|Juni|Juli|Oktober|Dezember")
MONTH_WORD_RE = re.compile(rf"(?:{_MONTH_WORDS})(?![\w])")
# the same month in capitals or lower case ('SEIT ENDE MAI', 'am dritten maerz'; session 38): alone, 'may', 'march'
# and 'MAI' are ordinary words, so only a part of the month or an ordinal word before it makes it a date (found on the
# lower-cased text by MONTH_WORD_LOW_RE, a literal scan; MONTH_WORD_CASED_RE checks one word)
MONTH_WORD_CASED_RE = re.compile(rf"(?<![\w])(?:{_MONTH_WORDS})(?![\w])", re.IGNORECASE)
MONTH_WORD_LOW_RE = re.compile(rf"(?:{_MONTH_WORDS.lower()})(?![\w])")
MONTH_ABBR_WORD_RE = re.compile(r"(?<![\w])(?:Jan|Feb|Mär|Mrz|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Oct|Nov|Dez|Dec)"
                                r"(?:\.(?![ \t]*(?:[A-ZÄÖÜ]|\n|$))|(?![\w]))")  # (a sentence's full stop stays)
MONTH_PART = r"anfang|mitte|ende|early|mid|late|end[ \t]+of|beginning[ \t]+of"  # the part of a month named
TIME_WORD_BEFORE_RE = re.compile(r"(?<![\w])(?i:in|since|from|until|till|by|before|after|during|last|next|this|"
                                 rf"compared to|compared with|seit|im|bis|ab|vom|letzten|vergangenen|{MONTH_PART})"
                                 r"[ \t]+\Z")
# the rest of a name hyphenated at a line's end: '-', the line break, a lower-case continuation
NAME_HYPHEN_BREAK_RE = re.compile(r"-[ \t]*\n[ \t]*[a-zäöüß][\w'’]*")
# the part of a month before a removed month and year ('Ende [Mai 2023]', 'mid-[June 2024]'; session 37)
DATE_LEAD_RE = re.compile(rf"(?<![\w-])(?i:{MONTH_PART})[ \t-]+\Z")
# a month in lower case or a season before a removed year ('sturz vom heuboden, juli [2026]', 'im Sommer [2019]',
# 'winter [2023]'; session 50): the year alone leaves when it was
SEASON_MONTH_BEFORE_YEAR_RE = re.compile(rf"(?<![\w-])(?i:{MONTH}|sommer|winter|frühjahr|frühling|herbst|summer|"
                                         rf"spring|autumn)\.?[ \t]+\Z")
# a person's name as DICOM writes it, its parts joined by carets (family^given^middle^prefix^suffix, empty parts
# allowed): 'TEIXEIRA^ROLANDO', 'MAY^APRIL^J', 'DOE^^^': every part is a name, even an eponym's word (session 38)
# (not in an HL7 segment, whose components are joined by carets too: 'ORU^R01', '^^^BMH^MR'; its fields have rules
# of their own)
DICOM_NAME_RE = re.compile(r"(?<![\w^&])[^\W\d_][^\W\d_'’.-]*\^(?:[^\W\d_'’.-]*\^){0,3}[^\W\d_'’.-]*(?<![.-])"
                           r"(?![\w^])")
HL7_SEGMENT_RE = re.compile(r"[A-Z][A-Z0-9]{2}\|")
# a ward, a nursery or a school named by the word after it: the name is the place's, the head word goes with it
# ('Station [Hildegard]', 'Kita [Regenbogen]', 'Ward [Nightingale]', 'Station Dr.-[Ingrid-Leodolter]'; session 38)
WARD_HEAD_BEFORE_RE = re.compile(r"(?<![\w-])(?:Station|STATION|Kita|KiTa|KITA|Kindergarten|KINDERGARTEN|Kinderkrippe|"
                                 r"Krippe|Grundschule|GRUNDSCHULE|Ward|WARD)[ \t]+(?:(?:Dr|Prof)\.-)?\Z")
# the weekday before a date ('Dienstag, dem [dritten März]', 'Mo, [02.02.2026]', 'Tue [3rd Feb 2026]'; session 38):
# two-letter German forms only as written in a date ('Do', 'Sa'), not a credential or a company form ('..., DO
# [02/09/2026]', 'Moléson SA, [09/2025]')
WEEKDAY_BEFORE_RE = re.compile(r"(?<![\w])(?:(?i:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|"
                               r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|"
                               r"fri|sat|sun)|Mo|Di|Mi|Do|Fr|Sa|So)\.?,?[ \t]+(?:(?i:dem|den|the)[ \t]+)?\Z")
ROUTE_BEFORE_RE = re.compile(r"(?<![\w])(?:Rd|RD|Road|ROAD|Hwy|HWY|Highway|HIGHWAY|Route|ROUTE|Rte|RTE)\.?[ \t]\Z")
ROUTE_NUMBER_AFTER_RE = re.compile(r"[ \t]\d{1,4}[A-Z]?(?![\w.,/-]\w)")
# a unit, apartment, suite or lot after a street address ('[2200 County Rd 14], Lot 17', ', Unit B', ', Apt. 4B')
ADDRESS_UNIT_AFTER_RE = re.compile(r",?[ \t]+(?:Unit|UNIT|Apt\.?|APT\.?|Apartment|Suite|SUITE|Ste\.?|STE\.?|Lot|LOT|"
                                   r"Flat|FLAT|Wohnung|Whg\.|Top)[ \t]*#?[A-Za-z0-9][A-Za-z0-9-]{0,4}(?![\w])")
LEADING_NUMBER_RE = re.compile(r"\d+")
# an id written digit by digit ('7 4 3 2 1 8 8 0 1'; session 38): six or more single digits set apart by spaces
SPACED_DIGITS_RE = re.compile(r"(?<![\w.,/])\d(?:[ \t]\d){5,}(?![\w.,/])")
# a care home, a residence or a farm by its name after 'Haus', 'Villa', 'Stift' or 'Hof' ('im Haus Sonnenhang',
# 'BEWOHNERIN HAUS ABENDROT', 'zum Hof Wintergrün'; session 38): German writes no other capitalised word there
NAMED_HOUSE_RE = re.compile(rf"(?<![\w-])(?<!zu )(?:Haus|HAUS|Villa|VILLA|Stift|STIFT|Hof|HOF)[ \t]+"
                            rf"(?P<n>[{UP}][{LOW}]{{3,}}(?:-[{UP}][{LOW}]+)?|[{UP}]{{4,}})(?![\w-])")
# a ward or a sheltered-living group by its name ('Station Sauerbruch', 'Wohngruppe Aabach'; session 38), not by its
# specialty ('Station Neonatologie')
WARD_NAME_RE = re.compile(rf"(?<![\w-])(?:Station|Wohngruppe|Wohnbereich|Wohnheim)[ \t]+"
                          rf"(?P<n>[{UP}][{LOW}]{{3,}}(?:-[{UP}][{LOW}]+)*)(?![\w-])")
# a place by the part of it named before it ('am Ortsrand von Auenstein', 'on the outskirts of Ballymena'; session 38)
PLACE_EDGE_HINTS = ("Orts", "rand von", "Dorf", "Stadtteil", "outskirts", "edge of town")  # speed: one in each match
PLACE_EDGE_RE = re.compile(rf"(?<![\w])(?:Ortsrand|Ortseingang|Ortsausgang|Ortsmitte|Ortskern|Ortsteil|Stadtrand|"
                           rf"Dorfrand|Dorfmitte|Stadtteil|outskirts|edge[ \t]+of[ \t]+town)[ \t]+(?:von|of)[ \t]+"
                           rf"(?P<p>{WORD})(?![\w])")
DICOM_TAG_RE = re.compile(r"\([0-9A-Fa-f]{4},[ \t]?[0-9A-Fa-f]{4}\)")  # '(0010,0010)', '(0008, 0090)'
# a clock time right after a date ('04/09/2026 0814', '03-14-2026 @ 1031', '16 APR 26 0312H'; session 38; with its
# colon, '23.2.26 02:10 Uhr', 'Sonntag, 15. März 2026, 10:05', '12.3. um 7.45 Uhr'; session 48; after a dash, '4. März
# 2026 – 09:32 Uhr'; session 50): with the date it dates the study or the birth to the minute; not a dose or an exposure
# after it
DATE_TIME_AFTER_RE = re.compile(r"[ \t]*(?:,|@|[–—]|(?i:at|um))?[ \t]*(?:(?:[01]\d|2[0-3])[0-5]\d|"
                                r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?|"
                                r"(?:[01]?\d|2[0-3])\.[0-5]\d(?=[ \t]?(?i:h|uhr)(?![\w])))"
                                r"(?:(?i:[ \t]?(?:h|hrs|uhr|am|pm|a\.m\.|p\.m\.))(?![\w])|(?![\w:/-]|[.,]\w))"
                                r"(?![ \t]*(?i:mg|ml|mas|kv|mgy|gy|ms|mm|cm|g|kg|iu|ie|units?)(?![\w]))")
DATE_SHAPED_ID_RE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}")
# a day spelled out as an ordinal word before or after its month ('am dritten März', 'the twenty-first of June',
# 'March third'; session 37): a date, as '3. März' is
_ORD_DE = (r"(?:erst|zweit|dritt|viert|fünft|fuenft|sechst|sieb(?:en)?t|acht|neunt|zehnt|elft|zwölft|zwoelft|"
           r"(?:drei|vier|fünf|fuenf|sech|sieb|acht|neun)zehnt|(?:(?:ein|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|"
           r"neun)und)?zwanzigst|(?:einund)?drei(?:ß|ss)igst)(?:e[nmrs]?)?")
_ORD_EN = (r"(?:(?:twenty|thirty)[- ]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|"
           r"eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth")
ORDINAL_BEFORE_MONTH_RE = re.compile(rf"(?<![\w])(?i:{_ORD_DE}|(?:the[ \t]+)?(?:{_ORD_EN})(?:[ \t]+of)?)[ \t]+\Z")
ORDINAL_AFTER_MONTH_RE = re.compile(rf"[ \t]+(?i:the[ \t]+)?(?i:{_ORD_EN})(?![\w])")
# a month and day without a year closing a sentence that tells the injury ('slipped on ice on the stoop 1/19.',
# 'fell on ski pole 10/5.'; session 27); not a score ('pain 8/10', 'power 4/5')
SHORT_EVENT_DATE_RE = re.compile(r"(?<![\w./])(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])(?![\w/]|\.\d)"
                                 r"(?=[ \t]*(?:[.,;)]|$))", re.MULTILINE)
EVENT_VERB_RE = re.compile(r"(?<![\w])(?:fell|fall|falls|slipped|tripped|injured|injury|hit|struck|twisted|crashed|"
                           r"collided|kicked|punched|bitten|landed|jammed|caught|sturz|gestürzt|unfall|verletzt)(?![\w])")
SCORE_BEFORE_RE = re.compile(r"(?:pain|power|strength|score|vas|nrs|grade|grad|mrc|kraft|schmerz\w*|gcs|x)[ \t:]*"
                             r"(?:of[ \t]+)?\Z")
# 'nach Sturz 2/26', 'since 3/24': a one-digit month and a two-digit year after a time or event word (alone, '2/26'
# may be a count or a fraction)
MONTH_YEAR_RE = re.compile(r"(?<![\w./])[1-9]/\d{2}(?![\w/]|\.\d)")
EVENT_WORD_BEFORE_RE = re.compile(r"(?<![\w])(?i:sturz|unfall|trauma|op|operation|fraktur|fracture|fall|injury|"
                                  r"surgery|orif|seit|since|from|in|im|vom|von|ab|bis|until|dated|datiert|prior|"
                                  r"voraufnahme|previous|vorbefund)[ \t]*[:,]?[ \t]+\Z")
# Speed: every MONTH_DAY_RE match holds one of these in the lower-cased text (on the text, (?i) also matches 'ſ' to
# 's' and 'ı' to 'i': those two stand in too); a case-sensitive literal alternation on `low` is the cheapest test
MONTH_HINT_RE = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mai|okt|dez|jän|jaen|mär|maer|mrz|ſ|ı")
# Speed: a report without a 3-digit run or 5 digits close together holds no ID-shaped token (most don't).
ID_DIGITS_HINT_RE = re.compile(r"\d{3}|\d(?:[^\d\s]{1,3}\d){4}")
WORD_SPLIT_RE = re.compile(r"[^\W\d_]+")
# Speed: every match of the date, age, phone, ID-cue, postcode and ward patterns holds a digit (\d, or [0-9] within
# it; lower-casing makes no digit), and 68% of the IU reports hold none: those patterns run only when this finds one
DIGIT_HINT_RE = re.compile(r"\d")
# the same for AGE_SEX_RE: a digit right before y/j (any case) or 'a', or a space and a lone 'a' ('(4 a)')
AGE_SEX_HINT_RE = re.compile(r"\d[yYjJa]|\d[ \t]a(?![\w])")


def _cue_heads(alternation: str) -> tuple[str, ...]:
    """The literal text each top-level alternative of a cue regex starts with ('befunder(?:in)?' ->
    'befunder', 'd/w' -> 'd/w', 'pt\\.?' -> 'pt'): every match starts where one of them occurs (_cue_matches)."""
    heads, depth, start = [], 0, 0
    for i, ch in enumerate(alternation + "|"):
        if ch == "(" and alternation[i - 1:i] != "\\":
            depth += 1
        elif ch == ")" and alternation[i - 1:i] != "\\":
            depth -= 1
        elif ch == "|" and depth == 0:
            alt = alternation[start:i]
            m = re.match(r"[a-zäöüß/\-]+", alt)
            head = m.group() if m else ""
            if alt[len(head):len(head) + 1] in ("?", "*", "{"):
                head = head[:-1]  # 'xy?': the 'y' is optional
            if not head:
                raise ValueError(f"cue alternative without a literal start: {alt!r}")
            heads.append(head)
            start = i + 1
    return tuple(sorted(set(heads)))


CUE_HEADS = _cue_heads(STRONG_CUES)
WEAK_CUE_HEADS = _cue_heads(WEAK_CUES)


def _cue_matches(rx: re.Pattern, heads: tuple[str, ...], low: str) -> list[re.Match]:
    """rx.finditer(low) for a cue regex whose every match starts with one of `heads`: the same matches, but the
    regex is tried only where a head occurs (str.find), not at every position of the report (speed)."""
    starts = set()
    for h in heads:
        i = low.find(h)
        while i >= 0:
            starts.add(i)
            i = low.find(h, i + 1)
    out = []
    pos = 0
    for c in sorted(starts):
        if c >= pos and (m := rx.match(low, c)) is not None:
            out.append(m)
            pos = max(m.end(), c + 1)
    return out
# Ages of any value (a quasi-identifier; the labels need none): '94M', '54F', '34Y/M', '6yo', '8y',
# '11 J.', '19-j.', '(m, 16)', 'w, 67', '1 day old', 'Age: 38', '(71)' after a name.
AGE2_RE = re.compile(
    r"(?=\d)(?<![\w.,/])\d{1,3}[½¼¾]?[ \t]?(?:-[ \t]?)?"
    r"(?i:y/?o[fmw]?|y\.o\.|yrs?(?:[ \t-]old)?|years?(?:[ \t-]old)?|-year-old|y(?:/[mfw])?|"
    r"[mfw](?![\w])|/[ \t]?[mfw](?![\w])|j\.|j(?=[ \t]*(?:[,;)|\n]|$|[ \t][a-zäöü]))|"
    r"jahre?(?:[ \t]+alt)?|j(?:ä|ae|a)hrig\w*|j(?:ä|ae|a)hr\.|lj\.?|hours?(?:[ \t-]+old)|days?(?:[ \t-]+old)|"
    r"(?:weeks?|wks?)(?:[ \t-]+old)|"
    r"months?(?:[ \t-]+old)|mo(?:[ \t]+old)?|wochen(?:[ \t]+alt)?|monate(?:[ \t]+alt)?|tage(?:[ \t]+alt)?|mon\.|"
    r"anos|años|anni|ans|jaar|roků|let|éves)(?![\w])"  # Portuguese, Spanish, Italian, French, Dutch, Czech, Hungarian
    r"|(?<=\()\d{2,3}(?=\))|(?<=\()\d{1,3}[ \t]*(?i:days?|weeks?|months?|tage|wochen|monate)(?=\))"
    # a British paediatric age in months or weeks ('3/12 old', '2/52 old'; session 27)
    r"|(?<![\w.,/])\d{1,2}/(?:12|52)(?=[ \t-]*(?i:old|o/?l))")
# an age spelled out ('a ninety-one-year-old woman', 'die zweiundsiebzigjährige Patientin'; session 27): on lower-cased
# text; ages over 89 are identifiers by HIPAA's rule, younger ones quasi-identifiers like the digits
_TENS_EN = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES_EN = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS_EN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS_DE = r"(?:zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)"
_ONES_DE = r"(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)"
AGE_OLD_RE = re.compile(r"(?:years?|months?|weeks?)[ -]old(?![\w])")  # speed: found first, the number before it
SPELLED_NUMBER_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?:{_TENS_EN}(?:[ -]{_ONES_EN})?|{_TEENS_EN}|{_ONES_EN}|one[ -]hundred(?:[ -]and)?(?:[ -]\w+)?)"
    r"[ -]\Z")
SPELLED_AGE_DE_RE = re.compile(rf"(?<![\w-])(?:(?:{_ONES_DE}und)?{_TENS_DE}|hundert|hundertein)jährig\w*")
# '6yoM', '34yF' (age and sex glued), '52a,' (Austrian: anni), and a bare number right after a name
# ('Mr [NAME], 27, punched a door'): ages too
AGE_SEX_RE = re.compile(r"(?<![\w.,/])\d{1,3}(?i:y/?o|y\.o\.|yrs?|y|j)[mfwMFW](?![\w])"
                        r"|(?<![\w.,/])\d{2}a(?=[ \t]*[,;)])|(?<=[mwfMWF][ \t][–-][ \t])\d{1,3}[ \t]?a(?![\w])"
                        # session 34: alone in brackets, or after a birth year and its comma ('geb. [date] (4 a)',
                        # 'geb. [date], 16 a')
                        r"|(?<=\()\d{1,3}[ \t]?a(?=\))|(?<=\d{4}, )\d{1,3}[ \t]?a(?![\w])")
# a name opening a line or a field and followed by sex and age: 'Rose King, w 34, Flugbegleiterin', 'BERISHA Valon,
# m, 33a' (34 of 34 such lines on the tuning set are names, session 23)
NAME_SEX_AGE_RE = re.compile(rf"(?:^|(?<=\n)|(?<=[:|–—-][ \t]))(?P<n>(?:{WORD}|{UPPER_WORD})"
                             rf"(?:[ \t]+(?:{WORD}|{UPPER_WORD})){{0,3}}),"
                             r"[ \t]*(?:[mwfdMWFD]|männlich|weiblich|male|female)\.?,?[ \t]+(?P<a>\d{1,3}"
                             r"(?:[ \t]?(?:J\.?|Jahre|a|y|yrs?|years?))?)(?![\w.])")
# 'Surname, Given (58 J.)' opening a line or a field: the bracketed age after it makes the pair a person's name,
# ordinary-word surname included ('– Winter, Margreth (58 J.), Hüttenwirtin'; session 38)
NAME_COMMA_AGE_RE = re.compile(rf"(?:^|(?<=\n)|(?<=[:|–—-][ \t]))(?P<n>{WORD}|{UPPER_WORD}),[ \t]+"
                               rf"(?P<g>(?:{WORD}|{UPPER_WORD})(?:[ \t]+(?:{WORD}|{UPPER_WORD}))?)[ \t]*"
                               r"\((?:\d{1,3}[ \t]?(?:J\.?|Jahre|a|y|yrs?|years?|y/o|[mwfMWF])?|(?P<role>"
                               # or the person's role in brackets ('Nagel, Lena (OÄ)'; session 38)
                               r"O[AÄ]|FO[AÄ]|C[AÄ]|A[AÄ]|F[AÄ]|Oberärztin|Oberarzt|Consultant|Registrar|SpR|SHO|"
                               r"Resident|Fellow|Attending|MTRA?|Radiographer|PA|NP|RN))\)", re.MULTILINE)
# (speed: the brackets NAME_COMMA_AGE_RE can end with, an age or a role, found first)
AGE_ROLE_BRACKET_RE = re.compile(r"\((?:\d|O[AÄ]|FO|C[AÄ]|A[AÄ]|F[AÄ]|Ober|Consultant|Registrar|SpR|SHO|Resident|"
                                 r"Fellow|Attending|MTR|Radiographer|PA|NP|RN)[^()\n]{0,12}\)")
# an employer field's first segment is the employer's name, whatever its words: 'Employer: Tri-County Stamping &
# Die, Wooster', 'Arbeitgeber: SkyRamp Bodendienste GmbH, Frankfurt' (session 23)
# (session 26: also 'agency:', and inside brackets: '(agency: Primeforce)')
# (session 35: the word for an employer without the colon before a capital, 'EMPLOYER LONESTAR PUMPING.')
EMPLOYER_FIELD_RE = re.compile(r"(?<![\w])(?:(?i:employer|arbeitgeber(?:in)?|dienstgeber(?:in)?|betrieb|firma|company|"
                               r"arbeitsstelle|agency)[ \t]*:[ \t]*"
                               r"|(?:EMPLOYER|Employer|ARBEITGEBER|Arbeitgeber(?:in)?)[ \t]+(?=[A-ZÄÖÜ]))"
                               r"(?P<v>[^\s,;|·(][^\n,;|·()]*?)(?=[ \t]*(?:[,;|·()\n]|[ \t]{2}|\.(?:[ \t]|$)|$))")
# an employer or agency in brackets after a work word in the same clause: 'agency worker (Staffline)', 'crush injury
# at packing line (Hansa Kühllogistik)', 'AT WORK (SUNRISE FRESH PRODUCE)', 'Leiharbeiter (Zeitwerk Personal)';
# session 26 (the tuning set's 'other' identifiers: employers named in brackets by a dozen authors)
WORK_PAREN_RE = re.compile(r"(?<![\w])(?i:work|works|worker|workers|working|job|shift|employed|employee|employer|"
                           r"agency|contractor|subcontractor|operative|driver|picker|packer|porter|labou?rer|scaffolder|welder|"
                           r"fitter|loader|operator|cleaner|packing|warehouse|factory|plant|site|yard|depot|"
                           r"arbeit\w*|\w*arbeiter\w*|firma|schicht|beschäftigt\w*|mitarbeiter\w*|betrieb|"
                           r"monteur\w*|\w*fahrer\w*|lagerist\w*|kommissionier\w*|werk|lager|baustelle)"
                           r"(?![\w])[^\n().;!?]{0,40}?\((?P<v>[^()\n]{2,60})\)")
# a bracket that opens with the word for an employer ('(EMPLOYER QMKB)', '(Arbeitgeber: Kranbau Ost)'); session 32
EMPLOYER_PAREN_RE = re.compile(r"\((?i:employer|arbeitgeber(?:in)?|dienstgeber(?:in)?|agency|agentur)[:]?[ \t]+"
                               r"(?P<v>[^()\n]{2,60})\)")
WORK_PAREN_LEAD_RE = re.compile(r"(?:(?i:agency|agentur|via|über|ueber|employer|contractor)[:]?[ \t]+)?"
                                r"(?P<n>[^\s,;:][^,;:]*?)(?=[ \t]*(?:[,;]|[ \t](?:via|through|über|for|bei|seit)"
                                r"(?![\w])|$))")
WORK_PAREN_STOP = frozenset(("no", "not", "nil", "kein", "keine", "ohne", "with", "without", "mit", "from", "by", "the",
                             "at", "on", "in", "to", "for", "nach", "vom", "bei", "per", "via", "fell", "fall", "sturz",
                             "see", "siehe", "vgl", "re", "li", "rechts", "links", "left", "right", "dominant"))
EMPLOYER_WORD_RE = re.compile(rf"(?:[{UP}0-9][\w'’.\-]*|&|\+|(?i:und|and|of|de|der|des|du|la|le|van|von|zu|am|im|an))")
# a person's initials with a double surname's hyphen ('Ergänzung (N. A.-R.):', 'gez. K.-H. M.-S.'; session 39):
# no finding or view is abbreviated so
HYPHEN_INITIALS_RE = re.compile(rf"(?<![\w.])(?:[{UP}]\.[ \t]?){{0,2}}[{UP}]\.-[{UP}]\."
                                rf"(?:[ \t]?[{UP}]\.(?:-[{UP}]\.)?)?(?![\w])")
# 'Md.' (Muhammad) before a name, and a lower-case initial and surname before a credential ('Interpreter: Md. Rofique',
# 'read. j. vanderslice-pham, md.'); session 28, after the held-out score
MD_GIVEN_RE = re.compile(rf"(?<![\w])Md\.[ \t]+{WORD}(?:[ \t]+{WORD})?")
LOWER_INITIAL_MD_RE = re.compile(r"(?:(?<![\w.])[a-z]\.[ \t]?|(?:^|(?<=\n))[ \t]*[-–—/]*[ \t]*(?P<i>[a-z])[ \t])"
                                 r"[a-z][\w'’]{2,}(?:-[a-z][\w'’]+)?"
                                 r"(?=,?[ \t]+(?:md|do|mbbs|frcr|phd|dr\.?[ \t]?med|"
                                 # session 34: a British trainee's grade ('m. o'riordan, ST3 radiology')
                                 r"(?i:st[1-8]|spr|fy[12]|ct[1-3]|sho|registrar|consultant)|"
                                 # session 39: a radiographer's sign-off line, the initial without its full stop
                                 # ('-- r baxter, reporting radiographer')
                                 r"(?<=,[ \t])(?:reporting[ \t]+)?(?:radiographer|radiologist))(?![\w])"
                                 # or a date ("rep'd c. ndukwe-harnisch 03.03.2026")
                                 r"|[ \t]+\d{1,2}[./]\d{1,2}[./]\d{2,4}(?![\d]))")
# ... and a lower-case 'surname, given' before the credential ('read by: okafor, adaeze md'; session 34), found from
# the credential back (speed: a word-start scan cost as much as the rest of the rule)
LOWER_SURNAME_GIVEN_MD_RE = re.compile(r"(?<![\w.])(?P<n>[a-z][\w'’\-]{2,},[ \t][a-z][\w'’\-]{2,})[ \t]+"
                                       r"(?:md|mbbs|frcr)(?![\w])")
# speed: a credential (or a date after a word) first
LOWER_INITIAL_HINT_RE = re.compile(r" (?:md|do|frcr|mbbs|phd|dr|radiographer|radiologist|(?i:st[1-8]|spr|fy[12]|"
                                   r"ct[1-3]|sho|registrar|consultant))(?![\w])|[a-z] \d{1,2}[./]\d{1,2}[./]\d{2,4}")
# a patient cue, two words and an age glued to its sex ('pt chue her 34m'): the two words are the name even when
# the second is an ordinary word (Hmong 'Her', 'Long'); session 28
PT_NAME_AGE_RE = re.compile(r"(?<![\w])(?i:pt|pat|patient|patientin)\.?:?[ \t]+(?P<n>[^\W\d_][\w'’-]*)[ \t]+"
                            r"(?P<m>[^\W\d_][\w'’-]*),?[ \t]+\d{1,3}[ \t]?(?i:[mfw]|y/?o[mf]?|yo)(?![\w])")
PT_NAME_AGE_NOT = frozenset(("is", "was", "a", "an", "the", "aged", "age", "now", "with", "who", "has", "had", "and",
                             "ist", "war", "ein", "eine", "jetzt", "mit", "und", "seen", "presents", "states"))
AFTER_NAME_AGE_RE = re.compile(r",[ \t]*(?P<a>\d{1,3}(?:[ \t]?a)?)(?=[ \t]*[,;)]|[ \t]*\.(?!\d))")  # ', 81 a,
# on lower-cased text: 'w, 67' / '(m, 16)', 'Age: 38', 'Alter 67'
AGE_UNIT = (r"(?:y|yrs?|years?|j\.?|jahre?|d|days?|tage?|w|wks?|weeks?|wochen|m|mo|mos|months?|monate?)"
            r"(?![\w])\.?")
# sex and age glued, sex first ('w67', 'm45', '(F81)'; session 37); in capitals only in brackets (a motorway is 'M45')
SEX_AGE_GLUED_RE = re.compile(r"(?<![\w./\-])[mwf](?P<a>\d{2,3})(?![\w./\-]|,\d)|(?<=\()[MWFD](?P<b>\d{2,3})(?=\))"
                              # ... in capitals as a header's pipe-separated field ('| W67 |'; session 38)
                              r"|(?<=\|[ \t])[MWFD](?P<c>\d{2,3})(?=[ \t]*\|)"
                              # ... a child's single year alone in brackets ('Yılmaz, Emir-Can (m7)'; session 39)
                              r"|(?<=\()[mwf](?P<d>\d)(?=\))")
NAME_BEFORE_BRACKET_RE = re.compile(rf"[{UP}][{LOW}]+[ \t]+\(\Z")  # ... only after a name ('Emir (m7)')
AGE_CUE_RE = re.compile(rf"(?=[mwfdaeivâl])(?<![\w])(?:[mwfd][ \t]*[,|][ \t]*(?P<a>\d{{1,3}}[ajy]?)|"
                        rf"mit[ \t]+(?P<c>\d{{1,2}}[ \t]+jahren)|(?:age[ \t]+at[ \t]+(?:exam|examination|study|scan)|"
                        rf"age|alter|aged|edad|"
                        rf"edat|età|idade|věk|wiek|âge|leeftijd|ålder|alder)[ \t]*[:.]?[ \t]*"
                        rf"(?P<b>\d{{1,3}}(?:[ \t]*{AGE_UNIT}(?:,?[ \t]*\d{{1,2}}[ \t]*{AGE_UNIT})?|[ajy])?))(?![\w])")
# ('w, 24a', 'Age: 42a': the Austrian and Spanish 'a' for years; session 48)
# On a header line a sex letter and a bare number before the next field are sex and age: 'F 79  GP: Dr X',
# 'DOB 01/02/1950 M 76 | Ward 3' (on lower-cased text; the number ends the field: two spaces, a separator, a
# line's end or the next 'label:')
SEX_AGE_FIELD_RE = re.compile(r"(?<![\w.])[mfw][ \t]+(?P<a>\d{1,3}(?:[ \t]?(?:a|j|jahre|y|yrs?)(?![\w]))?)"
                              r"(?=[ \t]*(?:$|\n|[|·•;,]|[ \t]{2})|[ \t]+[a-z]{2,8}\.?:)", re.MULTILINE)
# A practice named for its street: 'Main St Surgery', 'Mill Road Medical Centre', 'Castle Lane Family Practice'
STREET_PRACTICE_RE = re.compile(rf"(?<![\w])(?:{WORD}[ \t]+){{1,2}}(?:St|Street|Rd|Road|Lane|Ave|Avenue)\.?[ \t]+"
                                r"(?:Surgery|Practice|Family[ \t]+Practice|Medical[ \t]+(?:Centre|Center|Practice)|"
                                r"Health[ \t]+(?:Centre|Center)|Clinic)(?![\w])")
# In an identifier zone, a practice or specialty named for a place with a locative ('Radiologie am See', 'Praxis
# am Wall', 'Orthopädie im Zentrum'): the name goes whatever its case (on lower-cased text)
LOCATIVE_PRACTICE_RE = re.compile(r"(?<![\w])(?:[\w-]*praxis|radiologie|orthopädie|chirurgie|nuklearmedizin|mvz|"
                                  r"röntgen|zentrum|ärztehaus)[ \t]+(?:am|im|an[ \t]+der|auf[ \t]+der|auf[ \t]+dem)"
                                  r"[ \t]+(?P<w>[a-zäöüß][\w-]{2,})")
LOCATIVE_STOP = frozenset(("hause", "haus", "klinikum", "krankenhaus", "standort", "wochenende", "abend", "morgen",
                           "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "tag"))
# A neonate's or child's age on a header line ('DOB: 01.03.2026   3 days', '6 years 3 months'): on lower-cased text
AGE_SPAN_RE = re.compile(r"(?<![\w.,/])\d{1,2}[ \t]*(?:days?|d|tage?|weeks?|wks?|wochen|months?|mos?|monate?|"
                         r"years?|yrs?|jahre?)(?:,?[ \t]+\d{1,2}[ \t]*(?:days?|d|tage?|weeks?|wks?|wochen|"
                         r"months?|mos?|monate?))?(?![\w])")
# Masked identifiers with asterisks inside or in front: 'M12*****88', 'S****1234' (the visible part still identifies)
MASKED_ID_RE = re.compile(r"(?<![\w*])(?:[A-Za-z0-9]*\d[A-Za-z0-9]*\*{2,}[A-Za-z0-9*]*"
                          r"|[A-Za-z]{0,3}\*{3,}[A-Za-z0-9]*\d[A-Za-z]{0,2})(?![\w*])")  # '*****84T' (Irish PPSN)
# ... and in groups, the masked ones among the visible ('Versicherten-Nr.: R 482 ***** 17', 'NHS no 485 *** ****',
# '1234 ****** 99'; session 50): groups of digits and of asterisks, two of digits or one of three digits and two of
# asterisks (checked in find; not a clock's or a date's end before a row of asterisks, '08:30 ***')
SPACED_MASKED_ID_RE = re.compile(r"(?<![\w*:/.,-])(?:[A-Z][ \t])?(?:\d{1,6}|\*{2,})(?:[ \t-](?:\d{1,6}|\*{2,})){1,4}"
                                 r"(?![\w*])")
# Postcodes of other countries: UK 'TR1 3LJ', Canada 'K1A 0B1', Netherlands '1012 AB Amsterdam'
POSTCODE_RE = re.compile(rf"(?=[A-Z1-9])(?<![\w])(?:[A-Z]{{1,2}}\d[A-Z\d]?[ \t]+\d[A-Z]{{2}}"
                         rf"|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|"
                         rf"[1-9]\d{{3}}[ \t]?[A-Z]{{2}}(?=[ \t]+[{UP}][{LOW}]))(?![\w])")
# A UK postcode's outward half alone after its town and a comma ('home visit in Tunstall, ST3.'; session 39): one of
# the two-letter postcode areas, the town a capitalised word (checked against the safe words where it is used)
UK_AREAS = ("AB", "AL", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB", "CF", "CH", "CM", "CO",
            "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "EC", "EH", "EN", "EX",
            "FK", "FY", "GL", "GU", "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IP", "IV", "KA", "KT",
            "KW", "KY", "LA", "LD", "LE", "LL", "LN", "LS", "LU", "ME", "MK", "ML", "NE", "NG", "NN", "NP", "NR",
            "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "SA", "SE", "SG", "SK", "SL",
            "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW",
            "UB", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE")
OUTWARD_AFTER_TOWN_RE = re.compile(rf"(?P<t>[{UP}][{LOW}]+(?:[ \-][{UP}][{LOW}]+)?),[ \t]+"
                                   rf"(?P<pc>(?:{'|'.join(UK_AREAS)})\d{{1,2}}[A-Z]?)(?=[.,;)]?(?:[ \t\n]|$))")
# ... but 'ST4', 'CT1', 'FY2' are also a trainee's grade after a doctor's name: an initial before the name ('P.
# Venkataraghavan, ST4', 'S. Gill, FY2') or a specialty or role after the grade ('ST4 Radiology') says so
INITIAL_END_RE = re.compile(rf"(?<![\w.])[{UP}]\.[ \t]*\Z")
TRAINEE_AFTER_RE = re.compile(rf"[ \t]+[{UP}][{LOW}]+")
# ... and a whole UK postcode typed in lower case ('pontefract wf8 1bj'; session 39): a two-letter area only ('l5 1..'
# and 's1 ..' are spine levels), the inward letters as the Royal Mail spells them (no c, i, k, m, o, v: not '1st')
LOWER_POSTCODE_RE = re.compile(rf"(?<![\w])(?:{'|'.join(a.lower() for a in UK_AREAS)})\d[a-z\d]?[ \t]+"
                               r"\d[abd-hjlnp-uw-z]{2}(?![\w])")
LOWER_TOWN_BEFORE_RE = re.compile(r"(?<![\w'’\-])(?P<t>[a-z][a-z'’\-]{2,})[ \t]*,?[ \t]+\Z")
# A Brazilian professional council's registration, its state included ('CRM-SC 15.882', 'CRM/SP 123456'): the
# council and state name the physician's register as much as the number does (session 24)
COUNCIL_ID_RE = re.compile(r"(?<![\w])(?:CRM|CRO|COREN|CREFITO|CREMESP)[ \t]*[-/][ \t]*[A-Z]{2}[ \t]*"
                           r"(?:n[º°o]\.?[ \t]*)?\d[\d.\-]*\d(?![\w])")
# A short letter-and-digit prefix split from the long number it belongs to: 'M26 0077413'
FIVE_DIGITS_RE = re.compile(r"\d{5}")
LOWER_POSTAL_CITY_RE = re.compile(r"(?<![\w.,])\d{5}[ \t]+(?P<t>[a-zäöüß][a-zäöüß\-]{2,})(?![\w])")
ID_PREFIX_RE = re.compile(r"(?=[A-Za-z])(?<![\w.\-/])[A-Za-z]{1,3}\d{1,3}[ \t]+\d{5,}(?![\w])")
# Ward and bed: 'Station Neo 2, Bett 4', 'Ward: Ortho-2', 'Bed 14' (on lower-cased text)
WARD_RE = re.compile(r"(?=[swbzr])(?<![\w])(?:station|ward|bett|bed|zimmer|room|rm|zi\.)\.?[ \t]*:?[ \t]*"
                     r"(?P<v>[a-zäöüß]{0,12}[ \t-]?\d{1,3}[a-z]?(?![\w])|[a-zäöüß]+-\d{1,3}(?![\w]))")
# A whole ward/bed/room string is one identifier, key words included: 'Station K3, Zi. 12 Bett 2', '5B Bed 14',
# 'Ward 7, Bay 3, Bed 12' (a chain of key + value items, on lower-cased text; each value holds a digit)
_WARD_KEY = (r"(?:station|stat\.|ward|bett|bed|zimmer|zi\.|zi|room|rm\.?|bay|box|koje|cubicle|saal|trakt|cot|"
             r"inkubator|incubator|isolette|reparto|letto|stanza|cama|habitación|hab\.|quarto|leito|pokoj|lůžko)")
# a value: a code, or a word and a number ('Unfallchirurgie 2'), a specialty in brackets after it ('2 (Chirurgie)')
_WARD_VAL = (r"(?:[a-zäöüß]{1,20}[ \t-]?\d{1,3}[a-z]?|\d{1,4}[a-z]?(?:/\d{1,2})?|[a-z]{1,3}\d{1,3}[a-z]?)"
             r"(?:-(?:iso|isol|a|b|l|r|li|re|left|right|window|fenster))?(?![\w])"  # 'Bed 7-Iso'
             r"(?:[ \t]*\([a-zäöüß]{3,20}\))?")
# a unit, zone or pod names a place only with a code of letters and digits ('Unit C14', 'Zone 4B'; not 'zone 2')
_WARD_CODE_ITEM = (r"(?:unit|zone|pod|area|bereich|trakt)[ \t]*[:#]?[ \t]*"
                   r"(?:[a-z]{1,2}\d{1,3}[a-z]?|\d{1,2}[a-z]{1,2})(?![\w])")
_WARD_ITEM = rf"(?:{_WARD_KEY}[ \t]*[:#]?[ \t]*(?:nr\.?|no\.?)?[ \t]*{_WARD_VAL}|{_WARD_CODE_ITEM})"
# the area a ward/bed code sits in belongs to it: 'Notfallambulanz, Koje 7', 'ZNA Box 3', 'Ambulanz Kinder, Koje 4'
WARD_AREA_LEFT_RE = re.compile(r"(?<![\w])(?:[a-zäöüß]*ambulanz|zna|notaufnahme|etd|ed|a&e|resus|majors|minors|paeds|"
                               r"peds|icu|nicu|picu|imc|its|er)(?:[ \t]+[a-zäöüß]{3,12})?[ \t]*,?[ \t]*$")
WARD_CHAIN_RE = re.compile(rf"(?=[0-9sbwzrcktuzpailhqo])(?<![\w])(?:\d{{1,2}}[a-z][ \t]+|{_WARD_KEY}[ \t]*[,/;][ \t]*"
                           rf"|(?:station|ward|reparto)[ \t]+[a-zäöüß]{{3,20}}[ \t]*[,/;][ \t]*)?"
                           rf"{_WARD_ITEM}"
                           rf"(?:[ \t]*[,/;]?[ \t]*{_WARD_ITEM})*")
WARD_LEFT_RE = re.compile(rf"(?:(?<![\w:])[{UP}][{LOW}]+[ \t]){{1,3}}$")  # 'Male Surgical Ward, Bed 9'
# A location field ('Location:', 'Station:', 'Ward:', 'Standort:') and its value up to the next field, a wide gap,
# a separator or the line end (on lower-cased text; the value is taken from the text)
LOCATION_FIELD_RE = re.compile(r"(?=[lswbzruak])(?:location|loc\.|station|stat\.|ward|bereich|standort|unit|"
                               r"room|zimmer|bed|bett|aufenthaltsort|klinik/station|clinic/ward|ward/clinic|"
                               r"ambulanz|admitted to|aufgenommen auf)[ \t]*:[ \t]*")
FIELD_VALUE_RE = re.compile(r"[^\n|·•;]*?(?=[ \t]{2,}|[ \t]*[|·•;\n]|"
                            r"[ \t]+(?:[A-Za-zÄÖÜäöü][\w.\-/]{1,24}[ \t]){0,2}[A-Za-zÄÖÜäöü][\w.\-/]{1,24}[ \t]?:|$)")
WARD_WORD_RE = re.compile(r"(?<![\w])(?:ward|station|bed|bett|room|zimmer|bay|koje|box|cubicle|icu|nicu|picu|its|"
                          r"ed|etd|er|a&e|notaufnahme|ambulanz|side room|unit|zone|pod|resus|majors|minors)(?![\w])")
# Dictation and typing marks: 'TH/dre', 'RK/tlm', '/JKT', '-bjs', 'typed: lr', 'Schreibkraft: mk', 'dict. EMcC'
DICT_PAIR_RE = re.compile(r"(?<![\w/.])(?P<a>[A-Za-zÄÖÜäöü]{2,4})/(?P<b>[A-Za-zÄÖÜäöü]{2,4})(?![\w/])"
                          r"(?=[ \t.]*(?:\n|$)|[ \t]*\[)")  # ('Kü/sr': an umlaut in the initials; session 35)
DICT_MARK_RE = re.compile(r"(?:(?<=[ \t])|^)(?:/|--?)(?P<v>[A-Za-z]{2,4})(?![\w])(?=[ \t.]*(?:\n|$|/|\[)|[ \t]+[A-Z])",
                          re.MULTILINE)
TYPIST_RE = re.compile(r"(?<![\w])(?:typed|typist|transcribed|transcription|transcriptionist|schreibkraft|"
                       r"geschrieben|dict\.|dictated|diktat|diktiert|sekr\.|sekretariat|"
                       r"(?:ts|tr|dict|trans)(?=[ \t]*:)|"
                       r"transcrite?|dictée?|dicte)"  # French ('transcrite par ML'; session 22)
                       r"(?![\w])(?:[ \t]+(?:by|von|durch|am|on|par))?[ \t]*[:.]?[ \t]*"
                       # (the date may come first: 'Transcribed 22/08/2026 by M.K.'; session 51)
                       r"(?:[\d./:\- ]{6,20}[ \t]+(?:(?:by|von|durch|par)[ \t]+)?)?"
                       r"(?!(?:le|la|les|the|on|am|den|der|die|das|by|von|durch|par|and|und|et)(?![\w]))"
                       # dotted initials and the surname after them ('dict: p. vue'; session 28)
                       r"(?P<v>(?:[A-Za-z]\.[ \t]?){1,3}(?!(?:on|am|by|von|at|um|der|the)(?![\w]))[A-Za-z][\w'’-]+"
                       r"|(?:[A-Za-z]\.){1,3}|[A-Za-z]{2,5})(?![\w])", re.IGNORECASE)
TYPIST_HINT_RE = re.compile(r"typ|transcri|schreib|dict|diktat|diktiert|sekr|ts[ \t]*:|tr[ \t]*:|trans[ \t]*:")
# A surname closing the report after its last sentence, without a full stop: '... o.B. Brenner', 'befund\nschäfer'
_FINAL_WORD = rf"(?:(?:{NAME_PARTICLES})[ \t]+)?[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*"
FINAL_NAME_RE = re.compile(rf"(?:^|(?<=[\n.!?)\]]))[ \t]*(?P<slash>/[ \t]?|[-–—]{{1,2}}[ \t]*)?"
                           # and the date of signing after it ('... joints nad. -- jm okafor 3/9/26'; session 28)
                           rf"(?P<v>{_FINAL_WORD}(?:[ \t]+{_FINAL_WORD}){{0,2}})"
                           r"(?:[ \t]+\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d\d))?[ \t.]*\Z")
# a lower-case signature alone on its line: an initial and a surname, a role after a slash ('r. nwachukwu-barnes /
# reg', 'k. jensen'; session 34: 15 of 15 such lines on the tuning set were a reader's name)
LOWER_SIGN_LINE_RE = re.compile(r"(?m)^[ \t]*(?:dr\.?[ \t]+)?(?P<i>[a-z]\.)[ \t]?"
                                r"(?P<n>[a-z][a-z'’]+(?:-[a-z][a-z'’]+)?)[ \t]*(?:/[ \t]*[a-z]+)?[ \t]*$")
FINAL_CODE_RE = re.compile(r"(?:^|(?<=[\n.)/\]]))[ \t]*(?P<v>[A-Za-z]{2,3})[ \t.]*\Z")
# Initials alone at the very end ('... No FB. -RK', 'RK/mt', 'ab/cd'): the dictating or typing person
# (an em dash too: 'Soft tissues NAD. — TB'; session 51)
TRAILING_INITIALS_RE = re.compile(r"(?:(?:^|\n)[ \t]*[-–—/]*[ \t]?|[ \t][-–—/][ \t]?)"
                                  r"(?P<v>[A-Z]{2,3}(?:/[A-Za-z]{2,3})?)"
                                  r"[ \t.]*\Z|(?<![\w/])(?P<w>[A-Z]{2,3}/[A-Za-z]{2,3}|[a-z]{2,3}/[a-z]{2,3})[ \t.]*\Z"
                                  # '-- rk' (any case after a double dash), 'signed 12.03.2026 EP', 'RS/ 12.03.2026'
                                  # (and before a comma and the rest of the last line: '-- kw, <site>'; session 29)
                                  r"|(?:^|(?<=[ \t\n]))[-–]{2}[ \t]?(?!(?i:no|ok|nb|see|pt|and|the)(?![\w]))"
                                  r"(?P<x>[A-Za-z]{2,4})(?:[ \t.]*\Z|(?=[ \t]*,[^\n,]{2,80}\Z))"
                                  r"|(?:(?<=[./-]\d{4})|(?<=[./-]\d\d))[ \t]+(?!(?:AM|PM|UTC|GMT|CET|MEZ)(?![\w]))"
                                  r"(?P<y>[A-Z]{2,3})[ \t.]*\Z"
                                  r"|(?<![\w/])(?P<z>[A-Z]{2,3})/[ \t]*\d{1,2}[./]\d{1,2}[./]\d{2,4}[ \t.]*\Z"
                                  # a reader's and a typist's initials joined by a hyphen after a slash ('Hamburg,
                                  # 20.10.2025 / fb-ms'; session 39)
                                  r"|(?<=/[ \t])(?P<u>[A-Za-z]{2,3}-[A-Za-z]{2,3})[ \t.]*\Z")
# Dotted initials signing after a dash, at a line's end or before the next field ('- J.A.O.', '— K.M.'): a reader
DOTTED_SIGN_RE = re.compile(r"(?:(?<=[ \t])|^)(?:- |[–—][ \t]?)(?P<v>[A-Z]\.(?:[ \t]?[A-Z]\.){1,3})"
                            r"(?=[ \t]*(?:$|[A-Z][a-z]+:))", re.MULTILINE)
EMAIL_OBF_RE = re.compile(r"(?<![\w.+-])[\w.+-]+[ \t]*(?:[(\[{](?:at|ät)[)\]}]|[ \t]at[ \t])[ \t]*[\w-]+"
                          r"(?:(?:\.|[ \t]*(?:[(\[{](?:dot|punkt)[)\]}]|[ \t](?:dot|punkt)[ \t])[ \t]*)[\w-]+)+",
                          re.IGNORECASE)  # ... and in German: 'befunde [ät] praxis punkt de' (session 37)
# Alphanumeric identifiers: letters and >= 4 digits in one token ('K7X-99812', 'MR26-118340', 'SVMH/2026/118734'),
# masked ones ('***-**-4417', 'XXX-XX-4417'), dotted numbers ('756.4471.2209.18', '4.26.41175/3').
ALNUM_ID_RE = re.compile(
    r"(?<![\w\-/.])(?:[A-Za-z]+[\-/._])*[A-Za-z]*\d[A-Za-z0-9]*(?:[\-/._][A-Za-z0-9]+)*(?![\w\-/]|\.\w)"
    r"|(?<![\w*])(?:\*{3}|X{3}|x{3})[\-. ]?(?:\*{2}|X{2}|x{2})[\-. ]?\d{4}(?![\w])"
    r"|(?<![\w])\d{3,4}[ \t]\*{3,}")  # candidates; >= 4 digits checked in code (a regex look-ahead is slow)
DECIMAL_RE = re.compile(r"\d{1,4}\.\d{1,2}")  # '786.50' (an ICD-9 code), '12.5': no identifier
# After an ID cue the number may be split by spaces or a line break ('612 448\n9910').
SPLIT_ID_RE = re.compile(r"(?:[ \t]*\n?[ \t]*\d{2,})+")
# A relative, carer or interpreter named after the kinship word, whatever the case ('MOTHER GRAZIELA AT BEDSIDE',
# 'wife odalys states', 'Dolmetscherin Frau Arslanbek'): the words no list knows as ordinary (on lower-cased text)
KIN_RE = re.compile(r"(?=[mfdwhsbgaupictveoklrnc])(?<![\w])(?:mother|father|mum|mom|dad|wife|husband|daughter|son|"
                    r"sister|brother|grandmother|grandfather|grandma|grandpa|aunt|uncle|partner|guardian|carer|caregiver|"
                    r"interpreter|translator|mutter|vater|ehefrau|ehemann|tochter|sohn|schwester|bruder|oma|opa|"
                    r"großmutter|großvater|tante|onkel|dolmetscher(?:in)?|betreuer(?:in)?|lebensgefährt(?:e|in)|"
                    r"kindsmutter|kindsvater|"
                    # the rest of the family and the people around a patient (session 30: 'grandson Liam', 'Enkel
                    # Jonas'; a closed class, completed rather than grown one author at a time)
                    r"grandson|granddaughter|grandchild|grandniece|grandnephew|niece|nephew|cousin|stepson|stepdaughter|"
                    r"stepfather|stepmother|stepbrother|stepsister|(?:son|daughter|brother|sister|mother|father)-in-law|"
                    r"fianc[eé]e?|boyfriend|girlfriend|neighbou?r|friend|flatmate|roommate|housemate|coach|teammate|"
                    r"enkel(?:in|sohn|tochter|kind)?|neffe|nichte|cousine|schwager|schwägerin|schwieger(?:sohn|tochter|"
                    r"mutter|vater)|stief(?:vater|mutter|sohn|tochter)|verlobter?|freund(?:in)?|nachbar(?:in)?|"
                    r"trainer(?:in)?|mitbewohner(?:in)?|partnerin|(?:ehe|lebens)partner(?:in)?|"
                    # session 34: a German kin word's genitive ('in der Wirtschaft ihres Ehemanns Gerd Rose')
                    r"ehemann(?:e?s)|vaters|sohne?s|bruders|onkels|enkels|neffen|schwagers|großvaters|opas|"
                    r"freunde?s|nachbarn|verlobten|lebensgefährten|(?:ehe|lebens)?partners|trainers|betreuers|"
                    r"dolmetschers|"
                    # session 34: a family by its name ('im Weingarten der Fam. Wenzl', 'fam. wenzl')
                    r"fam\.|familie)"
                    r"(?![\w])[ \t]*[:,(]?[ \t]*(?:(?:mrs|mr|ms|frau|herr|hr|fr)\.?[ \t]+)?"
                    r"(?=[^\W\d_])")
# a name before a possessive kin word ("Farhiya's son provides history", "Mrs Begum's daughter interpreting"):
# checked in find (the word is no ordinary or safe one)
POSSESSIVE_KIN_RE = re.compile(rf"(?<![\w])(?P<n>{WORD})(?:'s|’s)[ \t]+(?:son|daughter|husband|wife|mother|father|"
                               r"brother|sister|partner|carer|caregiver|grandson|granddaughter|niece|nephew|"
                               r"boyfriend|girlfriend|fiancée?)(?![\w])")
# a name before its kin word in brackets ('Hope (daughter, HCPOA) states ...', 'Mengia Gaudenz (Mutter)'; session 39):
# checked in find (no word of it a safe one)
KIN_AFTER_RE = re.compile(rf"(?<![\w.])(?P<n>[{UP}][{LOW}]+(?:[ \t]+[{UP}][{LOW}]+){{0,2}})[ \t]+\((?i:son|daughter|"
                          r"husband|wife|mother|father|brother|sister|partner|carer|grandson|granddaughter|niece|"
                          r"nephew|friend|neighbou?r|mutter|vater|sohn|tochter|ehefrau|ehemann|bruder|schwester|"
                          r"enkel(?:in)?|nachbar(?:in)?|freund(?:in)?)[,;)]")
KIN_LEAD_WORDS = frozenset(("aunty", "auntie", "aunt", "uncle", "nana", "nanna", "nan", "granny", "grandma", "grandpa",
                            "grandad", "cousin", "mum", "mom", "dad", "tante", "onkel", "oma", "opa"))
LOWER_TITLED_NAME_RE = re.compile(r"[^\W\d_][\w'’\-]*(?:[ \t]+[^\W\d_][\w'’\-]*){0,2}(?=[ \t]*[),;:.]|[ \t]*$)")
KIN_TITLE_END_RE = re.compile(r"(?<![\w])(?:mrs|mr|ms|frau|herr|hr|fr|fam|familie)\.?[ \t]+\Z")
KIN_WORD_RE = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*")
# a neonate's age: 'DOL 3', 'day of life 5', '(day 2)', '3. Lebenstag', 'Lebenstag 4' (on lower-cased text)
NEONATE_AGE_RE = re.compile(r"(?=[dl(0-9])(?<![\w])(?:(?:dol|day[ \t]+of[ \t]+life|lebenstag)[ \t]*:?[ \t]*\d{1,3}"
                            r"|\d{1,2}\.[ \t]*(?:lebenstag|lebenswoche|lebensmonat|lebensjahr(?:es)?|lw|lj)"
                            r"|\(day[ \t]+\d{1,2}\))(?![\w])")  # '6. LW', 'im 3. Lebensjahr' (session 27)
# 'Baby Boy Okafor', 'Baby Girl RAVENS', '"Baby Jacobsen"', 'Twin A Morrow': the name a newborn is filed under
BABY_NAME_RE2 = re.compile(rf"(?<![\w])(?:Baby|BABY|Twin|TWIN)[ \t]+(?P<sex>(?i:boy|girl|junge|mädchen|[ab12])[ \t]+)?"
                           rf"(?P<n>{WORD}|{UPPER_WORD})(?![\w])")
BABY_OF_RE = re.compile(r"(?<![\w])(?:baby|infant|twin[ \t]+[ab12]|kind|säugling|neugeborenes)[ \t]+(?:of|von)"
                        r"[ \t]+")  # on lower-cased text
# kin words (cues of a name, never one): 'Mutter (Frau Brandstätter) begleitet'
KIN_WORDS = frozenset(("mutter", "vater", "tochter", "sohn", "ehefrau", "ehemann", "pflegemutter", "pflegevater",
                       "grossmutter", "grossvater", "oma", "opa", "mother", "father", "daughter", "wife", "husband"))
# Identifier zones: a line with one of these is a header, footer, signature or referrer line.
ZONE_CUE_RE = re.compile(
    r"(?<![\w])(?:patient(?:in)?|pat\.?|pt\.?|name|vorname|nachname|geb\.|geboren|dob|d\.o\.b|birth|mrn|"
    r"surname|forenames?|given(?=[ \t]*(?:names?)?[ \t]*:)|familienname|geburtsname|"
    r"hosp(?:ital)?[ \t]+no|nhs|chi|ur|ssn|accession|acc\.?|auftrags\w*|fall\w*|id|referr\w*|überweis\w*|"
    r"zuweis\w*|einsend\w*|ordering|requesting|requested|dictated|diktiert|transcribed|signed|signiert|"
    # 'reported' signs only before whom, when or for whom ('Reported by', 'Reported: ...'), not in '(reported
    # separately)' or 'was reported normal' (session 28)
    r"reported(?=[ \t]*(?:by|von|:|on|for|to|electronically|and))|"
    r"befundet|befunder\w*|gez\.|gezeichnet|unterschrift|vidiert|visum|visiert|validiert|freigegeben|verified|attending|"
    r"consultant|registrar|resident|fellow|radiologist|radiologe|radiologin|oberarzt|oberärztin|facharzt|"
    r"fachärztin|assistenzarzt|assistenzärztin|chefarzt|chefärztin|dr\.?|prof\.?|md|frcr|franzcr|do|mbbs|"
    # (not the coracoclavicular 'CC-Bänder', 'CC distance': session 47, a findings line lost its words)
    r"i\.a\.|cc(?![-–]\w|[ \t]+(?:ligament|distance|interval|abstand|band|bänder|distanz|space))|"
    r"kopie|tel\.?|telefon|phone|fax|e-?mail|mail|baby[ \t]+of|mrs\.?|mr\.?|ms\.?|miss|herr[n]?|"
    # ('Alter: 45', 'Alter 45 J.'; not the adjective, 'alter Ausriss', 'ein alter knöcherner Ausriss': session 46)
    r"frau|hr\.|fr\.|sex|geschlecht|age|alter(?=[ \t]*(?:[:(,\d]|$))|mit[ \t]+freundlichen|mit[ \t]+kollegialen|"
    r"regards|sincerely|"
    r"discussed|communicated|notified|informed|besprochen|mitgeteilt|rücksprache|accompanied|"
    r"begleitperson\w*|begleitet|in[ \t]+begleitung|"
    r"mother|father|mutter|vater|wife|husband|ehefrau|ehemann|daughter|son|tochter|sohn|"
    r"rd(?=[ \t]*:))(?![\w])")  # 'rd: ilse van der Wiel' (the reading radiologist; session 27)
SECTION_RE = re.compile(
    r"^[ \t]*(?:findings?|befunde?|impressions?|beurteilung|conclusions?|opinion|clinical|klinische|klinik|klin\.|"
    r"angaben|indikation|anamn\.|reason[ \t]+for|"
    # abbreviated before a colon ('Ind.: Fußball auf dem Hof', 'klin: Sturz'; session 28)
    r"ind\.|indik\.|(?:klin|ind|clin|anamn)(?=[ \t]*:)|clin\.|fragest\.|"
    r"indications?|history|hx|fragestellung|anamnese|technique|technik|comparison|vergleich|report|"
    r"summary|diagnos[ei]s|diagnosen|observations?|empfehlung|recommendations?|"
    # the accident's story in a D-Arzt report ('Hergang: Beim Abladen ...'; session 27)
    r"hergang|unfallhergang|verletzungshergang|unfallmechanismus|unfallschilderung)(?![\w])",
    re.IGNORECASE | re.MULTILINE)
# (a bare year, a 3-digit measure or a fraction makes no zone: "Seit 2019 bekannt", "Winkel 120 Grad")
PATTERN_HIT_RE = re.compile(r"(?<!\d)(?!(?:19|20)\d\d(?!\d))\d{4,}|\d{1,2}[./]\d{1,2}[./]|"
                            r"(?<![\w/])(?:0[1-9]|1[0-2])/\d{2}(?![\d/])|@|\(at\)|\[at\]")  # not '3/4', 'C5/6'

# A place named in a history sentence, on no list because it is a village, a slope or a venue ('Skisturz am
# Patscherkofel', 'fell at the Sakhir stables', 'Skiunfall (Lenzerheide)'): one to three capitalised words after a
# place preposition, or alone in brackets, in a sentence about an accident, a sport, travel or a home, go when one
# of them is no ordinary English or German word (Lexicon.common, wordfreq) nor a compound of two ('Klettergerüst',
# 'Hochbett'), nor shaped like a clinical or abstract noun. Tune a-v, session 11: 21 listed identifiers found this
# way (and 3 unlisted places), 6 words wrongly ('Winkelschleifer', 'Knetmaschine'), IU unchanged.
HISTORY_CUES = ("sturz", "stürz", "unfall", "at home", "punch", "assault", "fight",
                "skiing", "skifahr", "skisturz", "skiunfall", "ski ", "ski-", "schifahr",
                "schisturz", "wander", "urlaub", "hiking", "fell", "fall", "cycling", "bike", "holiday", "trip ",
                "tripped", "climb", "accident", "crash", "collision", "injur", "playing", "tackl", "rugby",
                "football", "soccer", "match", "riding", "horse", "stables", "lives", "living", "resident", "visit",
                "travel", "vacation", "rodel", "snowboard", "reiten", "reitunfall", "spiel", "turnier", "wohnhaft",
                "wohnt", "verletz", "gestolpert", "slipped", "ausgerutscht", "while", "beim", "at work",
                "rollover", "mvc", "mva", "motor vehicle")
# (plain substrings: a regex gate cost 7% on IU)
HISTORY_PLACE_RE = re.compile(
    r"(?=[niaftovbR(sSrFfkKBuUp,])(?:(?<![\w])(?P<pp>(?P<en>near|at|from|outside|around|towards|to|on|via|out of|above|"
    r"below|beneath|past|off|along)|in|am|im|auf der|auf dem|an der|bei|nahe|aus|Richtung|"
    # session 17: 'unterhalb der Rossalm' ('vom', 'zur' precede ordinary nouns: 'vom Klettergerüst', 'zur Kontrolle')
    r"(?:unterhalb|oberhalb|Unterhalb|Oberhalb)(?:[ \t]+(?:der|des|von|vom))?)"
    rf"[ \t]+(?:(?P<art>the|der|dem|den)[ \t]+)?(?P<p>{WORD}(?:[ \t]+{WORD}){{0,2}})"
    rf"|\((?P<q>{WORD}(?:[ \t]+{WORD})?)\)"
    # 'Skiunfall Stubai', 'Skisturz Sellaronda': a German accident noun, then the place (session 16)
    rf"|(?<![\w])(?i:ski|schi|reit|rad|fahrrad|kletter|berg|rodel|snowboard)(?:unfall|sturz)[ \t]+(?P<a>{WORD})"
    # 'Fell at netball, Umlazi.': a word alone after a comma closing the sentence (session 29)
    rf"|(?<=[a-z]),[ \t]+(?P<c>{WORD})(?=[ \t]*(?:[.;)]|$)))", re.MULTILINE)
# a mountain named right after a ski or mountain accident and its preposition ('Skisturz am Hahnenkamm', 'Skiunfall
# am Hartkaiser'): the compound test of HISTORY_PLACE_RE does not apply (a peak is often two ordinary words, 'Hahnen-
# kamm'); a slope's or a lift's generic word (GENERIC_SLOPES, -piste, -lift, -hang) and a time word stay. Session 18.
MOUNTAIN_ACCIDENT_RE = re.compile(rf"(?<![\w])(?i:ski|schi|snowboard|berg|wander|kletter|rodel|mountainbike|mtb|"
                                  rf"gleitschirm|paragleit)(?:-)?(?:unfall|sturz)[ \t]+(?:am|an[ \t]+der|auf[ \t]+dem|"
                                  rf"auf[ \t]+der|vom|im|unterhalb[ \t]+(?:des|der|vom))[ \t]+(?P<p>{WORD})(?![\w])")
# a peak or pass named by its Alpine or Romance head word, in any case ('sturz piz sorega', 'Monte Baldo', 'Passo
# Giau'): head and name go together when the name is no ordinary, safe or clinical word (session 28)
_PEAK_HEADS = ("piz", "pizzo", "monte", "cima", "punta", "passo", "pic", "pico", "col", "mont")
PEAK_HINTS = tuple(h + sep for h in _PEAK_HEADS for sep in " \t")  # speed: not 'epicondyle', 'protocol'
PEAK_HEAD_RE = re.compile(r"(?<![\w])(?i:" + "|".join(_PEAK_HEADS) + r")[ \t]+"
                          r"(?P<w>[^\W\d_][\w'’-]{2,}"
                          r"(?:[ \t]+(?i:d[aei]l?|de|della|dal|du)[ \t]+[^\W\d_][\w'’-]{2,})?)")
GENERIC_SLOPES = frozenset(("vormittag", "nachmittag", "vortag", "wochenende", "abend", "morgen", "gipfel", "hang",
                            "einstieg", "ausstieg", "gletscher", "grat", "rand", "ende", "anfang", "steilhang",
                            "buckel", "tiefschnee", "sprung", "kicker", "zielhang", "uebungshang", "idiotenhuegel",
                            "schlepplift", "sessellift", "tellerlift", "pistenrand", "waldrand", "klettersteig",
                            "kletterwand", "boulderwand", "rodelbahn", "skihang", "funpark", "snowpark"))
GENERIC_SLOPE_TAILS = ("piste", "lift", "hang", "bahn", "weg", "tag", "abend", "morgen", "halle", "wand", "park")
PLACE_HEADS = frozenset(("river", "lake", "creek", "bay", "park", "street", "st", "road", "rd", "beach", "harbour",
                         "harbor", "canyon", "trail", "hill", "mountain", "island", "see", "strasse", "platz", "weg",
                         "dock", "docks", "quay", "wharf", "pier",  # ('AT IMPERIAL DOCK'; session 35)
                         "glacier", "gletscher",  # ('FELL ON PITZTAL GLACIER'; session 38)
                         "dam", "weir", "reservoir", "bridge", "falls", "pier", "jetty", "oval"))  # session 47
# a place after a residence cue ('lives in Perl', 'originally from Cebu', 'stammt aus Wasserburg', 'aus Pirna
# stammend'): a town or a district whatever list holds it as a word; a country or a state (data/regions.txt), a month
# and a safe word stay (session 29)
RESIDENCE_HINTS = ("live", "living", "resid", "born", "originally", "native", "moved", "relocated", "visiting",
                   "based", "wohn", "lebt", "stamm", "kommt", "geboren", "beheimatet", "ansässig")
RESIDENCE_RE = re.compile(
    rf"(?<![\w])(?:(?i:lives|living|resides|residing|resident|born|originally|native|moved|relocated|visiting|based"
    rf"|wohnt|wohnhaft|lebt|lebend|stammt|stammend|kommt|geboren|beheimatet|ansässig)(?:[ \t]+(?i:here|hier|"
    rf"ursprünglich|eigentlich|jetzt|now|currently|derzeit))?[ \t]+(?i:in|at|near|of|from|to|aus|bei|nahe)"
    rf"|aus(?=[ \t]+{WORD}(?:[ \t]+{WORD}){{0,2}}[ \t]+stammend))"
    rf"[ \t]+(?P<p>{WORD}(?:[ \t]+(?:{WORD}|am|an[ \t]+der|im|ob[ \t]+der|bei|upon|on[ \t]+the)){{0,3}})")
# a Berlin quarter by its 'Kiez' ('Reuterkiez', 'SCHILLERKIEZ'), a station after its German word ('S-Bhf.
# Springpfuhl', 'Haltestelle Rathaus Steglitz'; the name's trailing safe words stay) and a name no list knows before a
# landscape word ('Gidgee Ridge mine site', 'Mulga Creek'): places wherever they stand (session 29)
KIEZ_RE = re.compile(rf"(?<![\w])[{UP}][{LOW}{UP}]+(?:kiez|KIEZ)(?![\w])")
# a British place by the ending of its name ('Dentdale', 'Stonethwaite', 'Ravensthorpe', 'Fairholme', 'Jedburgh'):
# a word no list knows as an ordinary word (session 35; 74 such words in tune's identifiers, 2 outside: 'Kaudale')
BRITISH_PLACE_END_RE = re.compile(rf"(?<![\w\-])[{UP}][{LOW}]{{3,}}(?:dale|holme|thwaite|thorpe|burgh)(?![\w\-])")
BRITISH_PLACE_ENDS = ("dale", "holme", "thwaite", "thorpe", "burgh")
# a Swiss town with its canton's letters ('Wil SG', 'Rüti ZH'; session 35; not 'AG', a company's form): the town a
# listed place or no safe, ordinary or clinical word ('Schmerzen SG': the shoulder joint's abbreviation stays)
_CANTONS = "ZH|BE|LU|UR|SZ|OW|NW|GL|ZG|FR|SO|BS|BL|SH|AR|AI|SG|GR|TG|TI|VD|VS|NE|GE|JU"
SWISS_TOWN_RE = re.compile(rf"(?<![\w\-])(?P<t>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)[ \t](?:{_CANTONS})(?![\w.\-])"
                           rf"(?![ \t][{UP}][{LOW}])")  # ('... SG Dynamo Schwerin': a club's 'SG' before its name)
SWISS_TOWN_HINT_RE = re.compile(rf"[{LOW}][ \t](?:{_CANTONS})(?![\w])")
TRANSIT_HINTS = ("bhf", "bahnhof", "haltestelle", "hst.", "-station")
TRANSIT_STOP_RE = re.compile(rf"(?<![\w])(?:[SU]-?Bhf\.?|[SU]-?Bahnhof|Bhf\.|Haltestelle|Bushaltestelle|Hst\.|"
                             rf"[SU]-Bahn-Station)[ \t]+(?P<p>{WORD}(?:[ \t]+{WORD})?)")
_PLACE_HEAD_WORDS = ("Ridge|Creek|Gully|Downs|Plains|Springs|Falls|Hills?|Valley|Gorge|Range|Crossing|Lake|River|"
                     "Bay|Beach|Island|Cove|Point|Hollow|Bend|Gap|Flats|Wells?")
PLACE_HEAD_HINT_RE = re.compile(rf"[ \t](?:{_PLACE_HEAD_WORDS})(?![\w-])")
PLACE_HEAD_NAME_RE = re.compile(rf"(?<![\w])(?P<w>[{UP}][{LOW}]{{3,}})[ \t]+(?:{_PLACE_HEAD_WORDS})(?![\w-])")
CONTEXT_PLACE_PREPS = frozenset(("near", "from", "outside", "in", "bei", "nahe", "aus"))
# an all-caps history's place after a preposition ('T-BAR AT AIROLO-PESCIUM', 'FELL NEAR LIKONI'): checked in find
# like HISTORY_PLACE_RE's (no ordinary, safe or clinical word; 'FELL AT WORK', 'PAIN AT REST' stay). Session 17.
# Session 19: also FROM, NR, AROUND, ON, OFF, ALONG, VIA, VOR, AUS, with THE, before a listed place ('FROM CUXHAVEN',
# 'NR SHAP'); a generic second word ('RIVER') goes with the place.
# a listed place written in lower case after a place preposition ('allotment in ashington', 'festival in
# warnemünde'): a typed history drops capitals, a town keeps being one (session 19)
# (the word after the preposition in a lookahead: 'in from avondale' must not lose 'from' to 'in'; session 34)
LOWER_PLACE_RE = re.compile(rf"(?<![\w])(?:in|near|nr|from|at|bei|aus|nahe|around|the|on|via|past|above|below|beyond|"
                            rf"outside|towards|oberhalb|unterhalb)[ \t]+"
                            rf"(?=(?P<p>[{LOW}]{{4,}})(?![\w]))")
# (English prepositions only: in German typed in lower case a noun or an adjective follows 'in', 'am', 'bei' as a
# rule, 'in mehrfragmentärer Fraktur')
LOWER_UNKNOWN_PLACE_RE = re.compile(rf"(?<![\w])(?:at|in|near|nr|outside)[ \t]+(?=(?P<p>[{LOW}]{{4,}})(?![\w'’-]))")
# ... and in a line typed in normal case, a lower-case word after a place preposition of either language
# (Anonymizer._lower_names_in_cased_lines; session 42; streets by their kind: _lower_kind_names, session 43)
# (a full stop after the word ends a sentence only before a capital or the line's end: 'wohnhaft in partenen. Vor-',
# not 'in re. Ellenbogen'... 'in ggf. zwei'; session 43)
# (session 46: also 'round', 'around', 'past', 'via', 'towards', 'between', 'zw.', 'zwischen', 'unterhalb',
# 'oberhalb', 'richtung', 'abzweig' before a listed place: 'in the sheds round walcha', 'zw. binau und ...')
# (session 49: 'von', 'vom' too, before a listed town: 'oberhalb von bremm'; and a full stop before a mark ends the
# sentence: 'in jindabyne. ?# REPORT')
MIXED_LOWER_PLACE_RE = re.compile(rf"(?<![\w])(?P<pp>at|in|near|nr|outside|from|off|up|below|bei|nach|aus|round|"
                                  rf"around|past|via|towards|between|zw\.|zwischen|unterhalb|oberhalb|[Rr]ichtung|"
                                  rf"[Aa]bzweig|von|vom)[ \t]+"
                                  rf"(?=(?P<p>[{LOW}]{{4,}})(?![\w'’-]|\.[ \t]*[{LOW}\d]))")
PLACE_AND_NEXT_RE = re.compile(rf"[ \t]+(?:and|und|&|or|oder|bzw\.|u\.)[ \t]+(?P<q>[{LOW}]{{4,}})(?![\w'’-])")
# a lower-case institution head right after a removed name or place (_lower_institution_tails; session 46)
SPORT_CLUB = (r"(?:bowls|bowling|golf|pony|rugby|football|soccer|cricket|tennis|sailing|rowing|yacht|netball|hockey|"
              r"squash|rsl|gun|rifle|racing|turf|surf|swimming|swim|cycling|athletics|darts|angling|ski|curling|"
              r"boxing|polo|sports?)[ \t]+club")
LOWER_INSTITUTION_TAIL_RE = re.compile(
    r"[ \t]+(?:(?:medical|med|health|community|leisure|sports?)[ \t]+cent(?:re|er)|"
    r"(?:medical|family|group)[ \t]+practice|"
    r"(?:community[ \t]+|district[ \t]+|base[ \t]+)?hosp(?:ital|\.)?(?:[ \t]+(?:ED|A&E|emergency))?|surgery|"
    rf"{SPORT_CLUB}|sportsground|showground|racecourse|mountain[ \t]+rescue|cattle[ \t]+market|saleyards?|"
    r"hand[ \t]+therapy|physio(?:therapy)?|"
    r"medical[ \t]+imaging|radiology|clinic|care[ \t]+home|nursing[ \t]+home|"
    r"primary(?:[ \t]+school)?|high[ \t]+school|school)(?![\w-])")
# the team someone plays for and its grade ('playing for <town> 2nds', 'plays for the <town> side'; _teams_played_for)
# a team's grade after its name (PLAYS_FOR_RE, in any case; LOWER_TEAM_GRADE_RE, with grades of its own)
TEAM_GRADES = r"2nds|firsts|3rds|reserves|colts|juniors|seniors|u\d{1,2}s?|under[ -]?\d{1,2}s?"
PLAYS_FOR_RE = re.compile(r"(?<![\w])(?i:plays|playing|played|play|spielt|spielte|spielen)[ \t]+(?i:for|für|bei)"
                          r"[ \t]+"
                          r"(?:(?i:the|den|dem|die)[ \t]+)?(?P<n>[^\W\d_][\w'’\-]*)"
                          rf"(?:[ \t]+(?i:side|seconds|1sts|thirds|{TEAM_GRADES}|"
                          r"\d(?:st|nd|rd|th)[ \t]+(?:xv|xi|XV|XI)|[ab]-grade))?"
                          r"(?![\w])")
OPERATION_BEFORE_RE = re.compile(r"(?<![\w])(?i:recent|prior|previous|his|her|their|post|after|for|elective|emergency|"
                                 r"planned|underwent|had)[ \t]+\Z")
RESIDENCE_BEFORE_RE = re.compile(r"(?<![\w])(?i:lives|live|living|lived|resides|resident|home|based|staying|stays)"
                                 r"[ \t]+\Z")
LOWER_CAND_RE = re.compile(rf"(?<![\w'’.-])[{LOW}][{LOW}'’\-]{{2,}}")
MIXED_LOWER_DE_ARTICLE_RE = re.compile(rf"(?<![\w])(?:(?:auf|in|an|von|bei|zu|hinter|vor|unter|über|neben)[ \t]+"
                                       rf"(?:der|dem|den)|am|im|vom|zum|zur|beim|hinterm|unterm|überm|vorm)[ \t]+"
                                       rf"(?=(?P<p>[{LOW}]{{5,}})(?![\w'’.-]))")
# a German adjective or participle, inflected (folded: 'unveraenderter', 'beginnender', 'fraglichem', 'stationaerer')
GERMAN_ADJECTIVE_END_RE = re.compile(r"(?:t|nd|lich|ig|isch|al|ar|aer|iv|ell|en|er|ern)(?:e|er|em|en|es)$")
# the lower-case word before a comma, and the kinds of place it may name (_after_lower_place; session 43)
PREV_LOWER_WORD_RE = re.compile(rf"(?<![\w])([{LOW}][{LOW}'’\-]{{2,}})\.?[ \t]*$")
LOWER_PLACE_KIND_WORDS = frozenset(("road", "rd", "street", "st", "lane", "avenue", "ave", "drive", "terrace",
                                    "crescent", "way", "close", "farm", "estate", "park", "hill", "bay", "straße",
                                    "strasse", "str", "gasse", "weg", "platz", "hof"))
# a place by its kind after its name ('the clearwater river', 'garnons estate', 'up by pinantan lake'), and a
# lake or mount before it ('lake weeroona'): the name no common word and no possessive ('uncle's farm'; session 43)
LOWER_FEATURE_RE = re.compile(rf"(?<![\w'’.\-])(?P<n>[{LOW_LETTERS}]{{3,}})[ \t]+(?:hill|lake|river|creek|bay|"
                              r"woods|fell|island|farm|estate|showground|downs|campground|reserve|barn|moor|quarry|"
                              r"marina|wharf|quay|"
                              # session 44 ('off makorori point', 'waikanae beach end', 'past the lune aqueduct')
                              r"park|point|beach|aqueduct|viaduct|court|gardens|green|heath|bridge|pier|harbour|"
                              r"jetty|dam|gorge|valley|forest|oval|domain|speedway|raceway|racecourse|"
                              r"airfield)(?![\w])")
# a ground, a park or a school by its name after a place preposition without an article ('at queens park', 'at
# riddles oval', 'walking the dog in williamson park', 'at north school'): a name though its word is a common one, as
# a kind of ground takes 'the' ('at the skate park'); the words that name a kind of park or school stay
# (_lower_kind_names; session 47: in tune 9 parks and grounds left, the only other matches 'the', 'skate', 'common';
# schools: 1 left, the others kinds, 'ski school', 'primary school')
_GROUND_HEADS = r"park|oval|reserve|showgrounds?|domain|gardens|green|school|college|academy|kindy|infants"
NAMED_GROUND_RE = re.compile(r"(?<![\w'’])(?:at|in|near|behind|outside|from|past|by|across|round|around)[ \t]+"
                             r"(?P<n>[a-z][a-z'’]{2,}(?:[ \t]+[a-z][a-z'’]{2,})?)[ \t]+"
                             rf"(?:{_GROUND_HEADS})(?![\w'’\-])")  # ('at north school', 'miller academy')
NAMED_GROUND_HINT_RE = re.compile(rf"[ \t](?:{_GROUND_HEADS})")  # speed: a head NAMED_GROUND_RE needs
GENERIC_GROUND_WORDS = frozenset((
    "skate", "car", "water", "dog", "theme", "trampoline", "ball", "national", "state", "caravan", "holiday",
    "business", "industrial", "retail", "play", "local", "nature", "country", "wildlife", "safari", "amusement",
    "bike", "golf", "sports", "sport", "recreation", "village", "town", "city", "public", "school", "hospital",
    "church", "football", "rugby", "cricket", "common", "trailer", "rv", "bowling", "botanic", "botanical", "rose",
    "memorial", "adventure", "fun", "splash", "leisure", "science", "regional", "council", "forest", "bush", "game",
    "nearby", "same", "other", "another", "every", "each", "big", "small", "new", "old", "back", "front", "kids",
    "children's", "childrens", "community", "home", "their", "his", "her", "our", "my", "your", "this", "that",
    # kinds of school
    "ski", "riding", "primary", "high", "boarding", "nursery", "sunday", "summer", "swim", "swimming", "driving",
    "dance", "grammar", "middle", "elementary", "junior", "senior", "special", "private", "catholic", "county",
    "secondary", "infant", "infants", "language", "music", "art", "surf", "sailing", "flight", "flying", "night",
    "medical", "nursing", "police", "military", "naval", "agricultural", "technical", "sixth", "form"))
# a team typed in lower case by its grade after it ('swim with the taieri eels u21s', 'a tackle for the waimangaroa
# u14s', 'keeper for bryncrug ladies'; session 47: in tune 3 left and 2 in the round fn-jg, one other match, 'for the
# colts')
_LOWER_TEAM_GRADES = rf"{TEAM_GRADES}|vets|veterans|ladies"
TEAM_GRADE_HINT_RE = re.compile(rf"[ \t](?:{_LOWER_TEAM_GRADES})")  # speed: a grade LOWER_TEAM_GRADE_RE needs
LOWER_TEAM_GRADE_RE = re.compile(r"(?<![\w])(?:the|for|with|v|vs)[ \t]+"
                                 r"(?P<n>[a-z][a-z'’\-]{2,}(?:[ \t]+[a-z][a-z'’\-]{2,})?)"
                                 rf"[ \t]+(?:{_LOWER_TEAM_GRADES})(?![\w])")
LOWER_LAKE_RE = re.compile(r"(?<![\w'’.\-])(?:lake|loch|mount|mt\.?)[ \t]+(?P<n>[a-z][a-z'’\-]{2,})(?![\w])")
# a street by its kind after a place preposition, its name a common word too ('on reef st', 'off commercial rd'), and
# a street corner ('corner of mary and channon', 'cnr hargreaves and mitchell', 'ecke lauwetter/auenstraße'); the
# words a road's kind follows that name no road (_lower_kind_names; session 43)
GENERIC_ROAD_WORDS = frozenset((
    "the", "a", "an", "his", "her", "their", "our", "my", "your", "its", "this", "that", "main", "high", "side",
    "back", "front", "open", "wet", "busy", "dirt", "gravel", "icy", "same", "one", "each", "haul", "ranch", "access",
    "service", "farm", "forest", "logging", "private", "country", "slip", "ring", "toll", "old", "new", "steep",
    "narrow", "muddy", "rural", "local", "bush", "fire", "bike", "cycle", "dead", "quiet", "public", "next", "other"))
# (session 47: two words of a name without an article, 'off saddle hill rd', 'off puddle alley'; after 'the' one word
# that is no ordinary word, 'on the berwick road', 'on the stuart hwy': 'the' before an ordinary word names a kind, 'on
# the ring road')
LOWER_PREP_STREET_RE = re.compile(r"(?<![\w])(?:on|off|along|in|at|from|down|up|near|nr|onto|into|outside|past)[ \t]+"
                                  r"(?P<the>the[ \t]+)?"
                                  r"(?P<s>(?P<n>[a-z][a-z\-]{2,})(?:[ \t]+(?P<n2>[a-z][a-z\-]{2,}))?[ \t]+"
                                  r"(?:street|st|road|rd|lane|avenue|ave|drive|terrace|crescent|parade|boulevard|"
                                  r"highway|hwy|alley))(?![\w])")
LOWER_CORNER_RE = re.compile(r"(?<![\w])(?:corner of|cnr\.?|ecke|eck)[ \t]+(?P<c>(?P<a>[a-zäöüß][a-zäöüß\-]{2,})"
                             r"(?:[ \t]+[a-zäöüß][a-zäöüß\-]{2,})?[ \t]*(?:and|&|/|und)[ \t]*[a-zäöüß][a-zäöüß\-]{2,}"
                             r"(?:[ \t]+(?:street|st|road|rd|straße|strasse|gasse))?)(?![\w])")
# the prefixes of PLACE_PREFIX_RE that are no ordinary word, so they join a place in a line typed in lower case too
LOWER_PLACE_PREFIXES = frozenset(("port", "fort", "mount", "mt.", "glen", "bad", "sankt", "santa", "san", "los", "las"))
# (the preposition may be left out: 'lives penparcau'; 'lives alone', 'wohnt allein' are listed words; session 44)
LOWER_RESIDENCE_RE = re.compile(rf"(?<![\w])(?:live|lives|living|resides|residing|wohnt|wohnen|lebt|leben|stammt|"
                                rf"stammen)[ \t]+(?:(?:in|at|near|aus|bei|nahe)[ \t]+)?"
                                rf"(?=(?P<p>[{LOW}]{{4,}})(?![\w]))")
# In a line typed in lower case (session 34's third tuning round: its lower-case reports lost most identifiers to
# these), names by their closed-class heads:
# a club by its team word ('cluain dara gaels', 'liffey harps camogie club'), the name the words before it back to a
# closed-class word, one of them no common word or a listed place
LOWER_CLUB_HEAD_RE = re.compile(r"(?<![\w'’])(?:gaels|rovers|harps|rangers|wanderers|athletic|albion|hotspurs?|"
                                r"(?:camogie|hurling|gaa|rugby|football|cricket|hockey|netball|rowing|sailing|golf|"
                                r"boxing|swimming|sports?)[ \t]+club|gaa|rfc|afc|gfc)(?![\w])")
# a German club, fire brigade or rescue service by its abbreviation before its name ('ff kirschweiler', 'sc zürileu')
LOWER_CLUB_ABBR_RE = re.compile(r"(?<![\w.])(?:ff|sc|fc|sv|tsv|tus|vfb|vfl|ssv|fsv|djk|ehc|rc|sg|tv|esv|usv|rsv|hsv|"
                                r"asv|atsv|wsv|ksv|hc|ec|sk|ask|tc|ttc|ufc|usc|"
                                # session 47: a cycling or riding club, a sports union, the Red Cross's hospital or
                                # its rescue service ('rsc wörrstadt', 'notaufnahme drk alzey')
                                r"rsc|rsg|rfv|tsg|spvgg|psv|tsc|msc|hsg|drk|brk|asb|dlrg)[ \t]+(?:st\.?[ \t]+)?"
                                rf"(?P<n>[{LOW}][\w'’\-]{{3,}})")  # ('sc jts': joints; 'usv st. georgen': session 43)
LOWER_CLUB_HINT_RE = re.compile(r"(?<![\w.])(?:ff|sc|fc|sv|tsv|tus|vfb|vfl|ssv|fsv|djk|ehc|rsc|tsg|spvgg|hsg|drk|brk|"
                                r"asb|dlrg)[ \t]")  # speed: the commonest abbreviations LOWER_CLUB_ABBR_RE reads
# a saint's church, parish, school or hospital ('st. hyacinth parish league', 'st. pius v parish')
LOWER_SAINT_RE = re.compile(r"(?<![\w])st\.?[ \t]+(?P<n>[a-z][\w'’]{2,})(?:[ \t]+(?:[ivx]{1,4}|of[ \t]+[a-z]+))?"
                            r"[ \t]+(?:parish|church|chapel|catholic|school|primary|college|hospital|academy|"
                            r"infirmary)(?:[ \t]+(?:league|school|church|hall|club))?(?![\w])")
# a street by its kind ('on ariapita avenue'), the word before it no common word or a listed place; after a common
# word the name runs back to a closed-class word, one of its words no common one ('off lye cross high st';
# session 35)
LOWER_STREET_RE = re.compile(r"(?<![\w])(?P<n>[^\W\d_][\w'’\-]{2,})[ \t]+(?:avenue|ave|street|st|road|rd|lane|"
                             r"drive|boulevard|blvd|crescent|terrace|park|gardens)(?![\w])")
# a German street in lower case: a hyphenated name before its street word ('in der clara-zetkin-str.'), or a
# compound ending in one that no list knows as a word ('in der amselgasse'; DIGITLESS_STREET_RE in lower case; a
# 'landstraße' stays; session 35)
LOWER_DE_STREET_RE = re.compile(r"(?<![\w\-])(?P<s>[a-zäöüß]{2,}(?:-[a-zäöüß]{2,})*(?:-|(?<=[a-zäöüß]{3})))"
                                r"(?:straße|strasse|str\.|gasse|allee|platz|weg|ring|damm|ufer)(?![\w])")
# ... and a German street named by a place's adjective ('in der wiener straße', 'waidhofner str.'; session 43)
LOWER_DE_ADJ_STREET_RE = re.compile(r"(?<![\w\-])(?P<a>[a-zäöüß]{2,}er)[ \t]+(?:straße|strasse|str\.|gasse|allee|"
                                    r"platz|ring)(?![\w])")
NOT_STREET_ADJECTIVES = frozenset(("unter", "hinter", "ueber", "oder", "aber", "wieder", "immer", "hier", "der",
                                   "einer", "keiner", "seiner", "ihrer", "unserer", "eurer", "dieser", "jener", "jeder",
                                   "welcher", "mancher", "solcher", "aller", "anderer", "other", "after", "under",
                                   "over", "never", "either", "neither", "rather", "whether", "her", "per"))
LOWER_DE_STREET_HINTS = ("straße", "strasse", "str.", "gasse", "allee", "platz", "weg", "ring", "damm", "ufer")
# a home by its kind after its name ('at ashgrove care home'; BUSINESS_RE's named home in lower case; session 35):
# the words before it back to a closed-class word, one of them no common word (checked in find)
LOWER_HOME_RE = re.compile(r"(?<![\w])(?:care|nursing|residential|retirement)[ \t]+(?:home|centre|center)(?![\w])")
# a venue, trade business, club, society or brigade by the German head that opens its name ('weingut
# zehetbauer-kranz', 'gasthof kranzinger', 'schützenkompanie gnadenwald'; VENUE_RE, BUSINESS_RE and CLUB_RE in lower
# case; session 35): the name a listed name or place or no common word ('gartenfreunde am kanal' stays)
LOWER_HEAD_NAME_RE = re.compile(
    r"(?<![\w])(?:(?:weingut|gasthof|gasthaus|pension|reiterhof|autohaus|brauerei|schreinerei|bäckerei|metzgerei|"
    r"gärtnerei|sägewerk|firma|fa\.|gebr\.|haus|alpe|gewerbepark|\w*kindergarten|\w*schule|\w*fabrik|\w*glashütte|"
    # session 44 ('im getränkemarkt bräuherr', 'im kiga rungelin', 'vom bg bludenz', 'unterhalb der burgruine lupburg')
    r"getränkemarkt|supermarkt|baumarkt|kiga|kita|bg|brg|borg|burgruine|ruine|sozialzentrum|pflegeheim|seniorenheim|"
    r"altenheim|bikepark|skischule|reitstall|campingplatz|freibad|hallenbad|jugendherberge|hak|htl|hlw|hblw|nms|"
    r"trafik)"
    r"[ \t]+(?P<v>[a-zäöüß][\w'’]{2,}(?:-[a-zäöüß][\w'’]{2,})*)"
    r"|(?:schützen(?:kompanie|verein|gilde|bruderschaft|gesellschaft)|\w*schützen|gartenfreunde|kleingartenverein|"
    r"musikverein|musikkapelle|blaskapelle|trachtenverein|turnverein|sportverein|skiclub|skiverein|feuerwehr|bergwacht|"
    r"wasserwacht|narrenzunft|karnevalsverein|faschingsverein|reitverein|ruderverein|ruderclub|kanuclub|segelclub|"
    r"tennisclub|golfclub|kegelclub|schachclub|landjugend|burschenschaft)[ \t]+"
    r"(?P<s>[a-zäöüß][\w'’]{3,}(?:-[a-zäöüß][\w'’]{2,})*))(?![\w\-])")
# a forest, heath or lake named by a place's adjective ('im tharandter wald', 'am tegernseer see'; the capitalised
# one is a name to the other rules; session 35): the adjective's stem a listed place or no word of either language
LOWER_PLACE_ADJ_RE = re.compile(r"(?<![\w])(?:im|am|in|ins|vom|zum|beim|durch[ \t]+den|in[ \t]+der|auf[ \t]+der)[ \t]+"
                                r"(?P<a>[a-zäöüß]{3,}er)[ \t]+(?:wald|forst|heide|moor|see|tal|land|gebirge|höhe|bucht|"
                                r"bruch|ried|bergland|seenplatte|zitadelle|altstadt|innenstadt|hafen|dom|schloss|"
                                r"stadion|festung|hauptbahnhof|messe)(?![\w])")  # ('auf der mainzer zitadelle')
# ... and an English practice or hospital after its town ('gp: settle surgery', 'at keswick health centre'): the word
# before the head a listed place, no common word (session 35)
LOWER_TOWN_HEAD_RE = re.compile(r"(?<![\w])(?P<p>[a-z][\w'’\-]{2,})[ \t]+(?:surgery|medical[ \t]+cent(?:re|er)|"
                                r"health[ \t]+cent(?:re|er)|community[ \t]+hosp(?:ital)?|hospital|infirmary|"
                                r"medical[ \t]+practice)(?![\w])")
# ... and one whose head makes any word before it a name ('sent on from burnham MIU', '(boulder medical imaging)', 'at
# o'connor primary', 'previous films at weston general)'; session 44): the word no function, safe or clinical word
LOWER_NAMED_HEAD_RE = re.compile(r"(?<![\w])(?P<p>[a-z][\w'’\-]{2,})[ \t]+(?:MIU|UTC|miu|utc|medical[ \t]+imaging|"
                                 r"primary(?:[ \t]+school)?|general(?=[ \t]*(?:[).,;:]|$))|"
                                 rf"{SPORT_CLUB}|sportsground|showground|racecourse)(?![\w])", re.MULTILINE)
# (session 46: a sports club, sports ground, showground or racecourse by its place: 'at the <place> pony club rally')
LOWER_PLACE_HEAD_RE = re.compile(r"(?<![\w])(?P<p>[a-z][\w'’\-]{2,})[ \t]+(?:clinic|practice|medical(?=[ \t]*[).,;:])|"
                                 r"public(?=[ \t]*(?:[).,;:\n]|$)|[ \t]+(?:today|yesterday|school|this|on|at)(?![\w])))"
                                 r"(?![\w])")
CLINIC_KIND_ENDINGS = ("ology", "medicine", "therapy", "physio", "ortho", "paeds", "peds", "surgery", "care")
HOSPITAL_LOCATIVE_BEFORE_RE = re.compile(r"(?<![\w])(?:at|from|to|via|into)[ \t]+\Z")
# a hospital by its town ('pat. wird ans kantonsspital st. gallen verlegt'), the town listed
LOWER_HOSPITAL_TOWN_RE = re.compile(r"(?<![\w])(?:kantonsspital|klinikum|krankenhaus|kreiskrankenhaus|spital|uniklinik|"
                                    r"universitätsklinikum|landeskrankenhaus|landesklinikum|unfallkrankenhaus|ukh|lkh|"
                                    r"akh|hospital)[ \t]+"
                                    r"(?P<p>(?:st\.?[ \t]?|bad[ \t])?[^\W\d_][\w\-]*)")
# a street as a German compound in lower case ('auf dem wenigemarkt'; COMPOUND_STREET_RE in lower case)
LOWER_COMPOUND_STREET_RE = re.compile(r"(?<![\w])(?:am|im|vom|zum|auf[ \t]+dem|auf[ \t]+der)[ \t]+"
                                      rf"(?P<s>[{LOW}]{{3,}}(?:{'|'.join(COMPOUND_STREET_TAILS)}))(?![\w])")
LOWER_HYPHEN_PLACE_RE = re.compile(rf"(?<![\w\-])(?P<t>[{LOW}]{{3,}})(?:-[{LOW}]{{3,}})+(?![\w\-])")
# ... and a place named by several words ('in alice springs', 'near salt lake city'; Lexicon.place_phrases): the
# longest listed run of two to four words after the preposition (session 29)
LOWER_PHRASE_PLACE_RE = re.compile(rf"(?<![\w])(?:in|near|nr|from|at|bei|aus|nahe|around|to|nach|von)[ \t]+"
                                   rf"(?=(?P<p>[{LOW}]+(?:[ \t]+[{LOW}]+){{1,3}}))")  # (overlapping: 'at work in ...')
# ... and one after a comma, an opening bracket or 'von' before punctuation or more words ('(donzdorf)', ', holywell
# bay', 'oberhalb von rohrdorf'; session 33: it was only before punctuation); a listed place no word of either language
LOWER_COMMA_PLACE_RE = re.compile(rf"(?:,|\(|(?<![\w])(?:von|oberhalb von|unterhalb von))[ \t]*(?P<p>[{LOW}]{{4,}})"
                                  rf"(?=[ \t]*(?:[,.;)\n]|$)|[ \t]+[{LOW}])")
# (session 47: also BELOW, ABOVE, BEHIND, BESIDE, BEYOND, PAST, before a listed place or a name and its place head:
# 'RAFTING ... BELOW THE SYLVENSTEIN DAM')
UPPER_PREPS = ("AT|NEAR|NR|IN|OUTSIDE|BEI|IM|AM|NAHE|FROM|AROUND|ON|OFF|ALONG|VIA|VOR|AUS|BELOW|ABOVE|BEHIND|BESIDE|"
               "BEYOND|PAST")
UPPER_ANY_WORD_PREPS = frozenset(("AT", "NEAR", "NR", "IN", "OUTSIDE", "BEI", "IM", "AM", "NAHE"))  # any unknown word
# ... and after the other prepositions a German compound named by its place word ('ON SCHLOSSBERGPLATZ', 'ON THE
# GRUGATRASSE', 'AROUND TOLLENSESEE'; session 22)
UPPER_PLACE_COMPOUND_TAILS = ("platz", "strasse", "trasse", "gasse", "allee", "ufer", "hafen", "damm", "deich",
                              "see", "berg", "klamm", "tal", "bahn", "weg")
UPPER_PLACE_RE = re.compile(rf"(?<![\w])(?P<pp>{UPPER_PREPS})[ \t]+(?:THE[ \t]+)?"
                            rf"(?P<p>{UPPER_WORD}(?:[ \t]+(?!(?:{UPPER_PREPS})(?![\w])){UPPER_WORD})?)(?![\w])")
# South Asian government schools ('Govt. High School No. 1', 'Govt. Girls Hr. Sec. School, Thiruvallur'), a village
# by name ('NANDAGUDI VILLAGE', 'Kheri Kalan village'), a church by its dedication ('Our Lady of Perpetual Help'), a
# name in quotes after a workplace, school or club noun ('Kita „Sonnenblume“', 'Textilfabrik „Bumbacul“'), a named
# hut or alp ('Seekarhütte', 'Rossalm'; not a generic 'Berghütte'). Session 17.
GOVT_SCHOOL_RE = re.compile(rf"(?<![\w])(?:Govt\.?|GOVT\.?|Government|GOVERNMENT|Municipal|Zilla[ \t]+Parishad|"
                            rf"Z\.?P\.)[ \t]+"
                            rf"(?:(?:[{UP}][\w.]*)[ \t]+){{0,4}}(?:School|SCHOOL|College|COLLEGE|Vidyalaya)"
                            rf"(?:[ \t]+No\.?[ \t]*\d+)?(?:,[ \t]*(?P<t>{WORD}(?:[ \t]+{WORD})?))?")
VILLAGE_RE = re.compile(rf"(?<![\w])(?P<n>(?:{WORD}|{UPPER_WORD})(?:[ \t]+(?:{WORD}|{UPPER_WORD}))?)[ \t]+"
                        rf"(?:village|Village|VILLAGE|Dorf|DORF|gaon|Gaon)(?![\w])")
OUR_LADY_RE = re.compile(rf"(?<![\w])(?:Our[ \t]+Lady|Notre[ \t]+Dame|Unsere[ \t]+Liebe[ \t]+Frau)[ \t]+"
                         rf"(?:of[ \t]+(?:the[ \t]+)?)?"
                         rf"(?:{WORD}(?:[ \t]+(?:of[ \t]+)?{WORD}){{0,3}})")
QUOTED_NAME_RE = re.compile(r"(?<![\w])(?:[A-ZÄÖÜ][a-zäöüß]*(?:fabrik|werk|firma|betrieb|kita|schule|verein|hotel|"
                            r"restaurant|café|kindergarten|praxis|klinik|hof|heim|club|bar)|Kita|KiTa|Kindergarten|Schule|"
                            r"Verein|Betrieb|Fabrik|Praxis|Firma|Hotel|"
                            r"Restaurant|Café|Gasthaus|Gasthof|Pension|Club|Bar|Pub)[ \t]+"
                            r"(?P<q>[„\"“‚'»«][^\n„\"“”‚‘'»«]{2,40}[“\"”‘'«»])")
# any quoted title-case name after a word ('Gartensparte „Am Kiessee“', 'KGV „Immergrün“', 'the "Blue Heron" bar'): a
# report quotes names, and what a patient said rarely opens with a capital and stays this short (session 19)
QUOTED_TITLE_RE = re.compile(rf"(?<=[\w.])[ \t]+(?P<q>[„\"“»«‚][{UP}][^\n„\"“”»«‚‘]{{1,38}}[“\"”«»‘])")
HUT_RE = re.compile(rf"(?<![\w])[{UP}][{LOW}]{{3,}}(?:hütte|huette|alm|alpe|hutte)(?![\w])")
GENERIC_HUTS = frozenset(("berghuette", "skihuette", "almhuette", "schutzhuette", "holzhuette", "gartenhuette",
                          "jagdhuette", "selbstversorgerhuette", "alpenvereinshuette", "hochalm", "sennalm",
                          "kuhalm", "jausenstation", "schihuette", "hirtenhuette", "wanderhuette"))
GENERIC_TEAMS = frozenset(("Juniors", "Seniors", "Girls", "Boys", "Mens", "Womens", "Varsity", "Intramurals"))
HISTORY_HEAD_HINTS = ("clin", "hist", "hx", "indic", "angaben", "anamn", "klinik", "frage", "reason")
_HISTORY_HEADS = (r"(?:clinical(?:[ \t]+(?:history|details|information|indications?|notes|info|hx))?|"
                  r"klinische[ \t]+angaben|klin\.[ \t]+angaben|klinik|angaben|indikation|anamn\.|anamnese|"
                  r"fragestellung|reason[ \t]+for[ \t]+\w+|indications?|history|hx|ci)")
# (two headings joined: 'Klinische Angaben / Fragestellung:', 'History and indication:'; session 49)
HISTORY_HEAD_RE = re.compile(rf"^[ \t]*{_HISTORY_HEADS}(?:[ \t]*(?:/|&|,|und|and)[ \t]*{_HISTORY_HEADS})?[ \t]*[:\-–]",
                             re.MULTILINE)
# two or more title-case words in a row, joined by 'of', 'the', 'to', 'de', '&' at most ('Lake of the Woods', 'Coast to
# Coast Walk', 'Acadiana Bone & Joint'): in English prose mid-sentence such a run is a name (session 19)
TITLE_RUN_RE = re.compile(rf"{WORD}(?:[ \t]+(?:(?:of|the|to|de|des|du|la|&)[ \t]+){{0,2}}{WORD})+")
GENERIC_RUN_FIRST = frozenset(("community", "town", "city", "village", "parish", "church", "sports", "leisure",
                               "fire", "police", "high", "primary", "secondary", "junior", "senior", "middle", "local",
                               "public", "central", "main", "youth", "nursing", "care", "health", "medical", "day",
                               "shopping", "train", "bus", "ambulance", "mountain", "state", "county"))
RUN_TITLES = frozenset(("dr", "mr", "mrs", "ms", "miss", "prof", "sr", "sister", "nurse", "rev", "fr", "herr", "frau",
                        "dott", "mx", "sgt", "cpt", "capt", "lt", "col", "maj", "pfc", "spc", "cdt", "atc"))
TITLE_LEAD_RE = re.compile(rf"(?<![\w])(?:the|at|for|from|off|near|with|by|of|on|to|in)[ \t]+"
                           rf"(?P<r>{TITLE_RUN_RE.pattern})")
TITLE_LEAD_HINT_RE = re.compile(rf"(?:the|at|for|from|off|near|with|by|of|on|to|in)[ \t]+[{UP}][{LOW}]+[ \t]+[{UP}]")
INFLECTIONS_DE = ("n", "en", "e", "s", "es", "er", "em", "ern")
DE_PARTICLES = frozenset(("an", "auf", "ab", "aus", "ein", "um", "vor", "nach", "mit", "zu", "bei", "durch", "ueber",
                          "unter", "wider", "gegen", "hinter", "zurueck", "weg", "fehl", "miss"))
EN_FUNCTION_RE = re.compile(r"(?<![\w])(?:the|and|with|was|of|on|at|his|her|from|while|to)(?![\w])")
DE_FUNCTION_RE = re.compile(r"(?<![\w])(?:der|die|das|und|mit|beim|nach|von|vom|am|im|bei|des|dem|den|ein|eine|"
                            r"einer)(?![\w])")
HISTORY_WORD_RE = re.compile(rf"(?<![\w\[])(?:{WORD})(?![\w\]])")
# an English clause before an ambiguous preposition ('a wall at home in Tampines'): the place is read as English
ENGLISH_CLAUSE_RE = re.compile(r"(?<![\w])(?:the|a|an|at|with|was|his|her|while|home)[ \t]")
# a team by its nickname or a college's acronym before its sport ('Spartans softball', 'UCF baseball'; session 17)
TEAM_SPORT_RE = re.compile(r"(?<![\w])(?P<n>[A-Z][a-z]+s)[ \t]+(?:softball|baseball|football|hockey|soccer|"
                           r"rugby|lacrosse|volleyball|basketball|wrestling|track|swim|cheer)(?![\w])")
# a town named by ordinary words and a settlement word: 'in Dodge City', 'near Twin Falls', 'from Palm Springs'
TOWN_SUFFIX_RE = re.compile(r"[ \t](?:City|Springs|Falls|Heights|Beach|Village|Creek|Harbou?r|Junction|Crossing|"
                            # session 18: 'near Hairy Hill', 'on Shop Branch ridge', 'at Mulberry Gap'
                            r"Hill|Branch|Fork|Gap|Hollow|Ridge|Island|Lake|River|Bay|Cove|Point|Bend|Mountain|"
                            r"Bluffs|Rapids|Landing|Township)\Z")
# A German place adjective before a street or a venue ('Moerser Straße', 'Meraner Hütte', 'Wiener Platz'): the town
# ('Moers', 'Meran', 'Hattingen') is listed; checked in find (session 16)
PLACE_ADJ_END_RE = re.compile(r"(?:ischen|ischer|isches|ische|er)$")  # 'Heidelberg|er', 'Württemberg|ischen'
PLACE_ADJ_RE = re.compile(rf"(?<![\w])(?P<a>[{UP}][{LOW}]+er)[ \t]+(?P<n>(?:Hütte|Alm|Alpe|Bahn|Lift|Sessellift|Piste|"
                          r"Abfahrt|Loipe|Spitze|Höhe|Joch|Hof|Straße|Strasse|Str\.|Weg|Platz|Tor|Brücke|See|Berg|Tal|"
                          r"Ring|Allee|Chaussee|Damm|Landstraße|Kreuz|Steg|Sattel|Grat|Scharte|Kogel|Horn|Gletscher|"
                          r"Klettersteig|Boden|Kopf|Pass)(?![\w]))")
MOUNTAIN_HEADS = frozenset(("Hütte", "Alm", "Alpe", "Spitze", "Joch", "Steg", "Sattel", "Grat", "Scharte", "Kogel",
                            "Horn", "Gletscher", "Klettersteig", "Kopf", "Pass", "Piste", "Abfahrt", "Loipe", "See",
                            "Sessellift"))
# a lift station, a ski area or a business park and its name ('TALSTATION RINDERBERG', 'Gewerbepark Flugplatz Bitburg')
STATION_PLACE_RE = re.compile(rf"(?<![\w])(?:Talstation|Bergstation|Mittelstation|Skigebiet|Skiregion|Gewerbepark|"
                              rf"Industriepark|Gewerbegebiet|Industriegebiet|TALSTATION|BERGSTATION|MITTELSTATION|"
                              rf"SKIGEBIET|GEWERBEPARK|GEWERBEGEBIET|INDUSTRIEGEBIET|Piste|Skipiste|Abfahrt|Sessellift|"
                              rf"Schlepplift|Gondelbahn|Seilbahn|Schlittelbahn|Rodelbahn|Sommerrodelbahn|Bobbahn|"
                              # session 20: a venue noun before its name ('Skilift Grafenmatt', 'WINDPARK HAREN-ERIKA',
                              # 'Sägewerk Ennstal', 'Reitstall Kriegel', 'Weingut Ehrlacher', 'Campingplatz Vltava')
                              rf"Skilift|SKILIFT|Windpark|WINDPARK|Weingut|WEINGUT|Sägewerk|SÄGEWERK|Reitstall|"
                              rf"Reiterhof|REITERHOF|Campingplatz|CAMPINGPLATZ|Kaserne|KASERNE|"
                              # session 21: a mine, a quarry or a seaside resort ('Zeche Minister Stein', 'Grube
                              # Göttelborn', 'Ostseebad Binz')
                              rf"Zeche|ZECHE|Grube|Schacht|Steinbruch|Ostseebad|OSTSEEBAD|Nordseebad|Seebad|"
                              rf"Luftkurort|Kurort|"
                              # session 28: a village fair or feast by its place ('Weinkerwe Gimmeldingen-Oberhaardt',
                              # 'Kirchweih Rötz')
                              rf"Weinkerwe|Kerwe|Kärwa|Kirchweih|Kirmes|Weinfest|Winzerfest|Schützenfest|"
                              rf"Dorffest|"
                              # session 34: a Swiss school building, a lido ('Schulhaus Letten', 'Strandbad
                              # Tiefenbrunnen')
                              rf"Schulhaus|SCHULHAUS|Schulanlage|Strandbad|Freibad|Hallenbad)[ \t]+"
                              rf"(?:(?:der|des|am|an[ \t]+der|vom)[ \t]+)?"
                              rf"(?P<n>(?:{WORD}|{UPPER_WORD})"
                              rf"(?:[ \t]+(?:{WORD}|{UPPER_WORD})){{0,2}})")
# a German spa town ('Bad König', 'Bad Tölz-Wolfratshausen', 'BAD REICHENHALL'): every 'Bad' before a capitalised word
# in the tuning set is one; the bathroom ('im Bad Sturz') has an article before it (checked in find; session 20)
BAD_TOWN_RE = re.compile(rf"(?<![\w])(?:Bad|BAD)[ \t]+(?P<n>(?:{WORD}|{UPPER_WORD})(?:-(?:{WORD}|{UPPER_WORD}))?)")
BATHROOM_BEFORE_RE = re.compile(r"(?i:im|ins|das|dem|ein|einem|kein|vom|zum|beim|ihr|sein|the|a)[ \t]+\Z")
STATION_HINTS = ("station", "STATION", "gebiet", "GEBIET", "region", "park", "PARK", "Piste", "piste", "Abfahrt",
                 "lift", "LIFT", "bahn", "Weingut", "WEINGUT", "werk", "WERK", "Reit", "REIT", "Camping", "CAMPING",
                 "Kaserne", "KASERNE", "Zeche", "ZECHE", "Grube", "Schacht", "bruch", "seebad", "SEEBAD", "Seebad",
                 "urort", "erwe", "ärwa", "irchweih", "irmes", "fest", "Schul", "SCHUL", "bad ")
# Roads and waters named in a history (session 16): a numbered road ('Hwy 31', 'Township Road 606', 'B 270'),
# a road by its abbreviation ('Pilot Rock Rd', 'Brace Rd', 'High St'), a lake ('Lake DuBay', 'Lake Texoma')
_ROAD_ABBREV = r"(?:(?:Rd|Hwy|Pkwy|Ave|Blvd)\.?|RD|HWY|PKWY|AVE|BLVD)"  # a road's kind abbreviated, in capitals too
ROAD_RE = re.compile(rf"(?<![\w])(?:(?:Hwy|Highway|Route|Rte\.?|Township[ \t]+Road|County[ \t]+Road|State[ \t]+Route|"
                     rf"Interstate|Bundesstraße|Landstraße|Staatsstraße|Kreisstraße)[ \t]?\d{{1,4}}[A-Z]?"
                     rf"|B[ \t]?\d{{2,3}}(?=[ \t]+(?:Richtung|bei|nahe|zwischen|Höhe)|[ \t]*[,)])"
                     rf"|(?:(?:{WORD}|{UPPER_WORD})[ \t]+){{1,2}}{_ROAD_ABBREV}"
                     # 'doored on Main St', 'along Queen St, fell': a street, not a Saint before a name (session 20)
                     rf"|(?:(?<=on[ \t])|(?<=at[ \t])|(?<=in[ \t])|(?<=off[ \t])|(?<=along[ \t]))"
                     rf"(?:{WORD}[ \t]+){{1,2}}St(?![\w.])(?![ \t]+[{UP}])"
                     rf"|Lake[ \t]+(?:[{UP}][\w'’-]+)(?:[ \t]+[{UP}][\w'’-]+)?)(?![\w])")
ROAD_ABBREV_END_RE = re.compile(_ROAD_ABBREV + r"\Z")
ROAD_HINT_RE = re.compile(r"Hwy|Highway|Route|Rte|Road|Interstate|straße|B ?\d\d|Rd|Pkwy|Ave|Blvd|Lake|RD|AVE|BLVD|HWY|"
                          r" St(?![\w.])")
# a German school, pool or nursery named by a compound ('Bettinaschule', 'Gartenbad Eglisee'): checked in find
SCHOOL_COMPOUND_RE = re.compile(rf"(?<![\w])(?:Gartenbad|Freibad|Hallenbad|Strandbad|Waldbad|Kita|Kindergarten|"
                                rf"Grundschule|Mittelschule|Realschule|Gymnasium)[ \t]+"
                                rf"(?P<n>(?:am|an[ \t]+der|im)[ \t]+)?"
                                rf"(?P<v>[{UP}][{LOW}]+)(?![\w])"
                                rf"|(?<![\w])(?P<w>[{UP}][{LOW}]{{3,}}(?:schule|gymnasium|kita|kindergarten))(?![\w])"
                                # a hospital or home named for its saint ('Annastift', 'Marienstift'; session 36)
                                rf"|(?<![\w])(?P<s>[{UP}][{LOW}]{{2,}})stift(?![\w])")
# a ground or a Latin-named school or museum that no list knows ('Auestadion', 'Fridericianum', 'Vincentinum'; session
# 36): the word as a whole is in no list ('Mediastinum' is a safe word)
VENUE_ENDING_RE = re.compile(rf"(?<![\w\-])[{UP}][{LOW}]{{2,}}(?:stadion|arena|ianum|inum|ineum|aneum)(?![\w\-])")
VENUE_ENDING_HINTS = ("stadion", "arena", "num", "eum")  # speed: every match ends in one of these
# the kinds of school a compound names ('Grundschule', 'Berufsschule', 'Skischule'), not a school's own name
GENERIC_SCHOOL_HEADS = frozenset(("grund", "haupt", "real", "gesamt", "berufs", "sonder", "foerder", "volks",
                                  "mittel", "ober", "fach", "hoch", "musik", "tanz", "reit", "ski", "schi",
                                  "sprach", "fahr", "abend", "volkshoch", "privat", "krankenpflege", "pflege",
                                  "gemeinschafts", "ganztags", "wald", "montessori", "waldorf", "kinder",
                                  "schwimm", "segel", "kletter", "kampf", "sport", "turn", "kunst", "koch", "flug",
                                  "tauch", "surf", "golf", "tennis", "werk", "berufsfach", "fachober",
                                  "wirtschafts", "handels", "kranken", "heil", "vor", "unter", "berufsober",
                                  "land", "stadt", "dorf"))
# A hospital or health centre named by a proper name and a lower-case Nordic or English institution noun ('St. Olavs
# hospital', 'Åre vårdcentral', 'Östersunds sjukhus'), a Nordic health region ('Region Jämtland Härjedalen'): checked
# in find (a name word no ordinary one; 'outside hospital' stays). Session 17.
LOWER_HEAD_INSTITUTION_RE = re.compile(
    rf"(?<![\w])(?P<n>(?:St\.[ \t]+)?[{UP}][\w'’-]+(?:[ \t]+[{UP}][\w'’-]+){{0,2}})[ \t]+"
    r"(?:hospital|sykehus(?:et)?|sygehus(?:et)?|sjukhus(?:et)?|universitetssjukhus(?:et)?|universitetssykehus(?:et)?|"
    r"vårdcentral(?:en)?|hälsocentral(?:en)?|lasarett(?:et)?|legevakt(?:en)?|urgent[ \t]+care)(?![\w])"
    rf"|(?<![\w])Region[ \t]+(?P<r>[{UP}][\w'’-]+(?:[ \t]+[{UP}][\w'’-]+)?)(?![\w])")
LOWER_HEAD_HINTS = ("hospital", "urgent care", "sykehus", "sygehus", "sjukhus", "vårdcentral", "hälsocentral",
                    "lasarett", "legevakt",
                    "Region ")
# A header field naming the sending site ('SITE: CHLA', 'Facility: Mercy West | ...', 'Standort: Bad Aibling'): its
# value up to the next field, the line's end, a '|' or two spaces; removed when a word of it is no ordinary one
# (checked in find: 'Site: left elbow' stays). Session 17.
SITE_FIELD_RE = re.compile(r"(?<![\w])(?i:site|facility|sending[ \t]+facility|performing[ \t]+facility|institution|"
                           r"hospital|location|einrichtung|standort|einsendende[ \t]+klinik|"
                           # who read it ('Teleradiologie: Medvision Nord', 'Read by: ...'; session 27)
                           r"teleradiologie|teleradiology|telerad|reading[ \t]+(?:site|group|provider)|"
                           r"befundende[ \t]+(?:einrichtung|praxis|stelle))[ \t]*[:#][ \t]*")
# the accident insurer of a German work-accident report, colon or not ('UV-Träger SVLFG', 'Kostenträger: BGHW';
# session 27)
INSURER_FIELD_RE = re.compile(r"(?<![\w])(?i:uv-träger|unfallversicherungsträger|kostenträger)[ \t]*[:#]?[ \t]*")
SITE_FIELD_HINTS = ("site", "facility", "institution", "hospital", "location", "einrichtung", "standort",
                    "einsendende", "telerad", "reading", "befundende")
FIELD_TOKEN_RE = re.compile(r"[^\s|;,]+")
FIELD_GAP_RE = re.compile(r"[ \t]*")
# a place named by several words (Anonymizer._place_phrases): its first word ('St.' with its dot), then the next ones
PHRASE_START_RE = re.compile(rf"(?<![\w.])[{UP}][^\W\d_]*(?:[-'’][^\W\d_]+)*(?:(?<=St)\.|(?<=Mt)\.)?")
PHRASE_NEXT_RE = re.compile(r"[ \t]+([^\W\d_]+(?:[-'’][^\W\d_]+)*)(?![\w])")
# (the ending leaves a stem of three letters or more: 'an der Plose' is a mountain, 'Arthrose' clinical; session 28)
NOT_PLACE_END_RE = re.compile(r"(?<=[^\W\d_]{3})"
                              r"(?:ion|ose|itis|ung|ität|heit|keit|schaft|ie|ik|us|um|ae|is|al|ar|ismus|ur|"
                              r"trauma|schmerz|schmerzen|fraktur|sturz|erguss)$")  # '..., Hyperabduktionstrauma'

# A sentence break inside a line ("... klagt. Sturz, Eva."): the line is prose, not a header field.
PROSE_BREAK_RE = re.compile(r"[a-zäöüß]{4,}[.;!?][ \t]+[A-Za-zÄÖÜ]")
CLAUSE_END_RE = re.compile(r"[.;](?:[ \t]|$)")
# a header-like short line that goes on, after a comma, to tell the injury ('pt tou long 29m, fell off a ladder.'):
# prose from there, so its ordinary words stay (session 28)
INJURY_CLAUSE_RE = re.compile(r",[ \t]+(?:(?:had|has|was|then|and|while|when)[ \t]+)?(?:fell|fall|falls|slipped|"
                              r"tripped|jammed|caught|struck|hit|twisted|injured|crushed|punched|landed|kicked|"
                              r"stürzte|gestürzt|umgeknickt|eingeklemmt|ausgerutscht|gefallen|verdreht)(?![\w])")
# a paragraph of prose: a line over 100 characters of three sentences or more (see _zones)
PROSE_LINE_RE = re.compile(r"^(?=[^\n]{101})(?:[^\n]*?[a-zäöüß]{4,}[.;!?][ \t]+[A-Za-zÄÖÜ]){2}[^\n]*", re.MULTILINE)
ADDENDUM_HEAD_RE = re.compile(r"^[ \t]*(?:nachtrag|addendum|ergänzung|korrektur|correction|amendment)(?![\w])",
                              re.MULTILINE)  # on lower-cased text
SIGNOFF_RE = re.compile(r"mit[ \t]+(?:freundlichen|kollegialen)|freundliche[ \t]+grüße|kind[ \t]+regards|"
                        r"best[ \t]+regards|regards|sincerely|mfg")  # on lower-cased text
BABY_NAME_RE = re.compile(rf"(?:(?:{NAME_PARTICLES}[ \t])?(?!(?i:dob|d\.o\.b|mrn|geb|nhs|acc|sex|age)(?![\w]))"
                          rf"(?:{WORD}|{UPPER_WORD}|[{UP}][{LOW}]*|{INITIAL})(?:[ \t]|[ \t]*-[ \t]*|,[ \t]*)?){{1,4}}")
# a digit, ray, rib or grade designator before a Roman numeral ('D I.', 'Strahl V.', 'Typ II.')
NUMERAL_BEFORE_RE = re.compile(r"(?<![\w])(?:D|Dig\.?|Digitus|Strahl|MC|MT|Finger|Rippe|Typ|Type|Grad|Grade|Stadium|"
                               r"Stage|Mason|Neer|Tossy|Rockwood|Gartland)[ \t]*\Z")
INFLECTED_ADJ_RE = re.compile(r"(?P<s>\w+(?:lich|ig|isch|bar|sam))(?:e|er|es|en|em)")  # on folded words
ABBREV_HYPHEN_BEFORE_RE = re.compile(r"(?<![\w-])[A-Z]{2,5}(?:-[IV]{1,3})?-\Z")  # 'ACG-', 'CMC-I-' before a noun
ARTICLE_CAPS_BEFORE_RE = re.compile(r"(?<![\w])(?:THE|A|AN)[ \t]+\Z")
NEXT_WORD_RE = re.compile(rf"[ \t]+(?P<w>{WORD})(?![\w])")
INITIAL_NAME_RE = re.compile(rf"(?<![\w.])[{UP}]\.[ \t]?(?:[{UP}]\.[ \t]?)?(?P<w>{WORD})(?![\w])")
INVERTED_NAME_RE = re.compile(rf"(?<![\w])(?P<s>{UPPER_WORD}),[ \t]*(?P<g>{WORD}|{UPPER_WORD})(?![\w])")
PLACE_DATE_HINT_RE = re.compile(r"\d\.\d")  # speed: what every PLACE_DATE_RE match is followed by
PLACE_DATE_RE = re.compile(rf"(?:^|(?<=[\n.:;]))[ \t]*(?P<p>{WORD}),?[ \t]+(?:den[ \t]+|am[ \t]+)?"
                           rf"(?=\d{{1,2}}\.\d{{1,2}}\.)")  # 'Feldbach, 12.03.': not 'Small 3.3 mm'

# The words that name an institution's site ('Standort Gießen', 'Campus Kiel') and the one or two words of the site
SITE_WORDS = "Standort|Campus|Betriebsstätte|Klinikstandort"
SITE_NAME = rf"[ \t]+(?:{WORD}|{UPPER_WORD})(?:[ \t\-]+(?:{WORD}|{UPPER_WORD}))?"
# What continues an institution's name: a place in brackets ('Frankfurt (Oder)'), a site ('Standort Gießen',
# 'Campus Kiel'), the partners ('& Kollegen', '& Partner') or the legal form ('AG', 'GmbH', 'LLC')
INSTITUTION_TAIL_RE = re.compile(
    rf"[ \t]*\([{UP}][{LOW}]+\)|,?[ \t]*(?:{SITE_WORDS}|Site|Haus){SITE_NAME}"
    rf"|[ \t]*(?:&|und|and)[ \t]*(?:Partner(?:in|innen|s)?|Kollegen|Kolleginnen|Kolleg[:*_/]innen|Partner[:*_/]innen|"
    rf"Colleagues|Associates)(?![\w])"
    rf"|,?[ \t]*(?:AG|GmbH|gGmbH|mbH|SE|KG|LLC|Ltd\.?|Inc\.?|P\.C\.|PC|PLLC|LLP|e\.V\.|S\.A\.|SA|Sàrl)(?![\w])")
# 'Dres. Schäfer, Nguyen & Kollegen', 'Drs. Kopf & Hand': after a plural title every capitalised word is a name
DRES_RE = re.compile(rf"(?<![\w])(?:Dres\.|Drs\.?|Doctors)[ \t]*(?:med\.[ \t]*)?(?P<n>(?:{WORD}|{UPPER_WORD})"
                     rf"(?:[ \t]*(?:,|&|und|and|/)[ \t]*(?:{WORD}|{UPPER_WORD}))*)")
# 'Praxis für Unfallchirurgie Dr. Alois Fischer', 'Praxis Dr. Lenz', 'Röntgen Dr. Aigner': a practice named after its
# doctor is the doctor's, all of it
PRACTICE_RE = re.compile(rf"(?<![\w])(?:[{UP}][{LOW}]*(?:praxis|zentrum|institut|ordination)|Praxis|MVZ|Ordination|"
                         rf"Röntgen|Radiologie)"
                         rf"(?:[ \t]+(?:für|fuer|f\.)[ \t]+(?:[{UP}][{LOW}]+[ \t]*(?:,|&|und)?[ \t]*){{1,4}}|[ \t]+)"
                         rf"[ \t,–\-]*(?=(?:Dr\.|Dres\.|Prof\.|Drs\.))")
SURNAME_COMMA_GIVEN_RE = re.compile(rf"(?<![\w])(?P<s>{WORD}),[ \t]*(?P<g>{WORD})(?![\w])")
SIGNATURE_LINE_RE = re.compile(rf"[ \t]*(?:{TITLES}[ \t]*)*{INITIAL}[ \t]?{WORD}[ \t.,]*")
# nouns that only name an institution ('surgery', 'care', 'health' also name a treatment)
INSTITUTION_NOUNS = frozenset(("hospital", "klinik", "klinikum", "spital", "krankenhaus", "infirmary", "clinic",
                               "praxis", "radiology", "radiologie", "imaging", "institut", "institute", "sanatorium",
                               "ospedale", "policlinico", "clinica", "klinika", "nemocnice", "hospitalar",
                               "ziekenhuis", "szpital", "ligoninė", "hôpital", "hosp"))
# An acronym before institution words ('KGRH Imaging Services', 'QEH Radiology'), a title-case name ending in one
# ('Changi Sports Medicine Centre', 'Riverside Orthopedics'), a capitalised run after a locative cue ('transferred
# from Glenwood Valley Regional', 'films from Sunnybrook Bone & Joint'): institutions when a word is no ordinary one
ACRONYM_INST_RE = re.compile(rf"(?<![\w])(?P<a>[{UP}][{UP}a-z]?[{UP}]{{1,6}})(?P<c>(?:[ \t]+(?:{WORD}|{UPPER_WORD}))+)")
_CAP = rf"(?:{WORD}|{UPPER_WORD}|St\.)"
# an institution's site names it: 'Standort Nordstadt', 'Campus Lindenhof' (the site word goes with the place)
SITE_RE = re.compile(rf"(?<![\w])(?:{SITE_WORDS}){SITE_NAME}")
LOCATIVE_RUN_RE = re.compile(rf"(?=[fFaAtTrRiIsSvVbB])(?<![\w])(?:from|at|transferred[ \t]+from|referred[ \t]+from|"
                             rf"(?:films|images|studies)[ \t]+from|von|aus|bei)[ \t]+(?:(?:the|dem|der)[ \t]+)?"
                             rf"(?P<r>{_CAP}(?:(?:[ \t]+(?:&|and|of|for|und|für)[ \t]+|[ \t]+|-){_CAP}){{1,4}})")
# nouns that end an institution's name ('... Medicine Centre', '... Orthopedics'); the words before them join it
INSTITUTION_END_RE = re.compile(r"(?<![\w])(?:Centre|Center|Clinic|Surgery|Practice|Imaging|Radiology|Orthopedics|"
                                r"Orthopaedics|Infirmary|Pavilion|Partners|Associates|Hospital|Medical|Health|"
                                r"Service|Services|Doctors)(?![\w])")  # session 20: '[Hikurangi] Family Doctors'
# A sports club named in a history ('playing for Ballymena Rovers', 'beim TSV Eintracht Kirchheim', 'Clontarf RFC',
# 'Hapoel Beer Sheva FC', 'SV Werder Bremen U17'): a club prefix no report uses otherwise, then one to three
# capitalised words, or one to three capitalised words, then a club word. Club words that are also clinical
# abbreviations ('AC', 'US') are left out, as is a College's 'FC Rad' (a radiologist's fellowship); 'SC' counts only
# before a name no list knows as safe ('SC Neuenheim', not 'SC Joint'; session 20); the words must not be ordinary
# ones (checked in find).
# a club's letters after a place adjective ('Harburger TB 1865', 'Karlsruher SC')
_PLACE_CLUB_LETTERS = "TB|TV|TuS|SV|TSV|SC|FC|VfL|VfB|TSG|SG|BC|HC|RC|FSV|SSV|SpVgg"
_AT_CLUB_SPORTS = ("Handball|Volleyball|Basketball|Fußball|Fussball|Tennis|Ski|Eishockey|Faustball|Tischtennis|"
                   "Leichtathletik|Stocksport|Turnen|Schwimmen|Judo|Ringen|Radsport")
CLUB_RE = re.compile(
    rf"(?<![\w])(?!FC[ \t]+Rad)(?:1\.[ \t]?)?(?:FC|SC|SV|TSV|TV|VfB|VfL|SpVgg|TuS|TSG|FSV|SSV|DJK|HSG|MTV|ASV|BSV|ESV|"
    rf"EHC|"
    rf"SuS|TuRa|RFC|AFC|Hapoel|Maccabi|"
    rf"Beitar|Dynamo|Dinamo|Sporting|Skiclub|Ski-Club|Turnverein|Sportverein|"
    # an Austrian club's union and its sport ('Union Handball Attergau', 'ASKÖ Volleyball Linz'; session 50)
    rf"(?:Union|UNION)[ \t]+(?:{_AT_CLUB_SPORTS})|(?:ASKÖ|ATSV|USV)(?:[ \t]+(?:{_AT_CLUB_SPORTS}))?|"
    rf"RC(?=[ \t]+{WORD}[ \t]+(?:18|19|20)\d{{2}}(?![\w])))(?:[ \t]+{WORD}){{1,3}}"  # 'RC Neckartal 1989' (s. 24)
    # a founding year and 'e.V.' go with the club ('Skiclub Bottrop 1972 e.V.'; session 17)
    rf"(?:[ \t]+(?:U\d{{2}}|I{{1,3}}|(?:18|19|20)\d{{2}}))?(?:[ \t]+e\.[ \t]?V\.)?(?![\w])"
    # a place adjective, a club abbreviation and its founding year ('Harburger TB 1865', 'Bochumer TV 1848')
    rf"|(?<![\w])[{UP}][{LOW}]+er[ \t]+(?:{_PLACE_CLUB_LETTERS})[ \t]+(?:18|19|20)\d{{2}}"
    rf"(?![\w])"
    rf"|(?<![\w]){WORD}(?:[ \t]+{WORD}){{0,2}}[ \t]+(?:FC|AFC|RFC|GAA|United|Rovers|Athletic|Wanderers|Rangers|"
    rf"Albion|Harlequins|Football[ \t]+Club|Rugby[ \t]+Club|Hockey[ \t]+Club|Cricket[ \t]+Club|Tennis[ \t]+Club|"
    rf"Golf[ \t]+Club|Ski[ \t]+Club|Sportverein|Turnverein|Old[ \t]+Boys|Old[ \t]+Girls|Old[ \t]+Collegians|RUFC|"
    rf"RLFC|SLSC|(?:Netball|Sports|Bowls|Boxing|Rowing|Sailing|Swimming|Cycling|Athletics|Judo|Karate|Surf|"
    rf"Surf[ \t]+Life[ \t]+Saving|Rugby[ \t]+League|Soccer|Basketball|Baseball|Lacrosse|Hurling|Camogie|Polo|"
    rf"Pony|Riding|Equestrian|Curling|Ladies[ \t]+Curling|Shinty|Bowling|Badminton|Squash)[ \t]+Club"
    # Gaelic and Scottish clubs and sevens tournaments ('Naomh Éanna GAC', 'Kingussie Camanachd', 'Melrose Sevens')
    rf"|GAC|CLG|Camanachd|Sevens)"
    # its side ('Pontypridd RFC Juniors', 'Clontarf RFC U16'; session 20)
    rf"(?:[ \t]+(?:Juniors|Seniors|Youth|Colts|Minis|Veterans|U\d{{2}}))?(?![\w\-])"
    # an all-caps report's club: one word before a football or rugby club's letters ('(THAMESIDE RFC)'; session 24)
    rf"|(?<![\w]){UPPER_WORD}[ \t]+(?:FC|AFC|RFC|RUFC|RLFC|GAA)(?![\w\-])")
# a club by a place adjective and its letters without a founding year ('Karlsruher SC', 'Hamburger SV'): the adjective
# must come from a listed place (checked in find), as 'Linker SC' (the joint) does not; session 36
PLACE_CLUB_HINT_RE = re.compile(rf"er[ \t]+(?:{_PLACE_CLUB_LETTERS})(?![\w\-])")
PLACE_CLUB_RE = re.compile(rf"(?<![\w])(?P<a>[{UP}][{LOW}]+er)[ \t]+(?:{_PLACE_CLUB_LETTERS})(?![\w\-])")
# A firm by its legal form ('Fa. Hochbau Krämer GmbH & Co. KG', 'Spedition Hülsmann KG', 'Acme Freight Ltd'): an
# employer or a site of an accident; up to four capitalised words (or '&') before the form go with it (session 16)
COMPANY_RE = re.compile(
    rf"(?<![\w])(?:(?:Fa\.|Firma)[ \t]+)?(?:{WORD}|{UPPER_WORD})(?:[ \t]+(?:{WORD}|{UPPER_WORD}|&)){{0,3}}"
    r"[ \t]*,?[ \t]+"
    r"(?P<form>GmbH(?:[ \t]*&[ \t]*Co\.?[ \t]*KG)?|gGmbH|mbH|AG|KG|OHG|GbR|eG|e\.[ \t]?V\.|Ltd\.?|Limited|LLC|"
    r"Inc\.?|PLC|plc|"
    r"Pty\.?[ \t]+Ltd\.?|S\.A\.|B\.V\.|N\.V\.|S\.r\.l\.|SARL|Sàrl|"
    # session 17: Swiss/French/Italian/Nordic/Gulf/South-Asian forms ('Téléverbier SA', 'Al Noor Trading W.L.L.')
    r"SA|SpA|S\.p\.A\.|Srl|ApS|Oy|W\.L\.L\.|WLL|LLP|Pvt\.?[ \t]+Ltd\.?|s\.r\.o\.|Kft\.?|a\.[ \t]?s\.|"
    r"sp\.[ \t]?z[ \t]?o\.[ \t]?o\.|d\.[ \t]?o\.[ \t]?o\.|S\.R\.L\.|SRL|"
    # session 33: the forms as a report in capitals writes them ('STOLZBERG BINNENSCHIFFFAHRT GMBH')
    r"G?GMBH(?:[ \t]*&[ \t]*CO\.?[ \t]*KG)?|MBH|LTD\.?|INC\.?|PTY\.?[ \t]+LTD\.?|PVT\.?[ \t]+LTD\.?|"
    # session 34: a family firm ('BOUCHARD BROS', 'Hale Brothers', 'Okafor & Sons')
    r"Bros\.?|BROS\.?|Brothers|BROTHERS|&[ \t]*(?:Sons|SONS|Söhne|SÖHNE))(?![\w])")
CAPS_COMPANY_WORD_RE = re.compile(r"(?<![\w])[A-ZÄÖÜ][A-ZÄÖÜ'’\-]*(?![\w])")
COMPANY_HINT_RE = re.compile(r"GmbH|mbH|AG|KG|OHG|GbR|eG|e\.[ \t]?V\.|Ltd|Limited|LLC|Inc|PLC|plc|S\.A\.|B\.V\.|N\.V\.|"
                             r"S\.r\.l|SARL|Sàrl|SA|SpA|S\.p\.A|Srl|ApS|Oy|W\.?L\.?L|LLP|Pvt|s\.r\.o|Kft|"
                             r"a\.[ \t]?s\.|z[ \t]?o\.|"
                             r"d\.[ \t]?o\.|SRL|S\.R\.L|GMBH|MBH|LTD|INC|Bros|BROS|Brothers|BROTHERS|Sons|SONS|"
                             r"Söhne|SÖHNE")
# a German club by its compound ('Narrenzunft Hüfingen', 'Yacht-Club Konstanz', 'Kanuverein Blankenburg') or after a
# place adjective ('Heidelberger Ruderklub', 'des Württembergischen Yacht-Club'); trailing safe words and an ordinary
# adjective ('Deutscher Alpenverein') stay (checked in find; session 20)
_CLUB_NOUN = rf"[{UP}][{LOW}]*(?:-?[Cc]lub|-?[Kk]lub|verein|zunft)(?:e?s)?"  # genitive: 'des Reitclubs Absam'
CLUB_COMPOUND_RE = re.compile(rf"(?<![\w])(?P<c>{_CLUB_NOUN})(?P<n>(?:[ \t]+(?:{WORD}|{UPPER_WORD})){{1,3}})"
                              rf"|(?<![\w])(?P<a>[{UP}][{LOW}]+(?:er|ischen|ischer|isches|ische))[ \t]+{_CLUB_NOUN}"
                              rf"(?![\w])")
CLUB_COMPOUND_HINTS = ("lub", "verein", "zunft")
# a boat by its vessel prefix ('F/V Northern Dawn', 'aboard the M/V KODIAK STAR'; session 20)
# (session 28: naval and merchant prefixes, 'HMS Resolute', 'USNS Mercy', 'MT Orinoco Star', 'M/Y Sea Breeze';
# session 33: the German 'MS' of a river or cruise ship, 'MS DONAUPERLE', not 'MS Ortho' of a surgeon's degree;
# session 47: a British motor fishing vessel's 'MFV', 'ON MFV SILVER HARVEST')
VESSEL_RE = re.compile(rf"(?<![\w/])(?:F/V|M/V|S/Y|F/T|M/T|M/Y|MFV|FV|MV|MT|MY|MS|HMS|HMAS|HMCS|HMNZS|USS|USNS|USCGC|"
                       rf"RFA|INS|BNS|PNS)[ \t]+(?:{WORD}|{UPPER_WORD}|[{UP}]{{2}})"
                       rf"(?:[ \t]+(?:{WORD}|{UPPER_WORD}|[{UP}]{{2}}|I{{1,3}}|\d{{1,3}})){{0,3}}")
# a boat by the vessel noun before its name, with its registration: 'the trawler Hafdís ÍS 417', 'des Kutters Möwe
# II' (session 23; nouns as written in prose, so that 'Ferry County' stays an institution's)
VESSEL_NOUN_RE = re.compile(rf"(?<![\w])(?:trawler|fishing vessel|longliner|seiner|crab boat|lobster boat|"
                            rf"creel boat|fishing boat|scalloper|crabber|"  # session 24
                            rf"freighter|laker|bulk carrier|tanker|tugboat|"  # session 35
                            # a yacht and a German boat compound ('der Charteryacht Coral Drifter', 'dem Motorboot
                            # Seeadler'; session 50)
                            rf"yacht|catamaran|ketch|sloop|[{UP}][{LOW}]*(?:[yj]acht|boot|schiff)(?:es|s)?|"
                            rf"(?:Fisch)?[Kk]utters?|Trawlers?|Fischerboot(?:es|s)?|Frachters?)[ \t]+[„\"'‚]?"
                            rf"(?P<n>(?:{WORD}|{UPPER_WORD})(?:[ \t]+(?:{WORD}|{UPPER_WORD}|I{{1,3}}|IV)){{0,2}}"
                            rf"(?:[ \t]+[{UP}]{{1,3}}[ \t-]?\d{{1,4}}|[ \t]+\d{{1,4}})?)(?![\w])")
# a boat's name in quotes after any word for a boat, whatever its case ('creel boat "reul na mara" UL 118', "the
# yacht 'Blue Heron'", 'auf dem Kutter „Möwe"'): quotes after a boat word hold its name (session 31)
QUOTED_VESSEL_RE = re.compile(r"(?<![\w])(?i:trawler|vessel|longliner|seiner|boat|yacht|ship|ferry|barge|tug|dinghy|"
                              r"canoe|kayak|launch|(?:fisch)?kutters?|boot(?:es|s)?|schiff(?:es|s)?|jacht|fähre|"
                              r"frachters?)[ \t]+[„\"'‚“‘](?P<n>[^\"“”„'‘’\n]{2,40})[\"“”'’‘]"
                              r"(?:[ \t]*\(?[A-Z]{1,3}[ \t-]?\d{1,4}\)?)?")
VESSEL_QUOTES = ("\"", "'", "“", "„", "‘")  # speed: an opening quote every QUOTED_VESSEL_RE match holds
VESSEL_NOUN_HINTS = ("trawler", "vessel", "longliner", "seiner", "boat", "utter", "Trawler", "Fischerboot", "Frachter",
                     "scalloper", "crabber", "freighter", "laker", "carrier", "tanker", "acht", "boot", "schiff",
                     "catamaran", "ketch", "sloop")
# ... and in a line typed in lower case ('deckhand on the laker algoma tern'; session 35): the first word no
# common word, a second one with it unless a closed-class, stop or safe word
LOWER_VESSEL_RE = re.compile(r"(?<![\w])(?:freighter|laker|tanker|trawler|tug|tugboat|ferry|vessel|barge|yacht|"
                             r"longliner|seiner|scalloper|kutter|frachter|fähre|schiff)[ \t]+"
                             r"(?P<n>[a-zäöüß][\w'’]{2,})(?:[ \t]+(?P<m>[a-zäöüß][\w'’]{2,}))?")
LOWER_VESSEL_HINTS = ("freighter", "laker", "tanker", "trawler", "tug", "ferry", "vessel", "barge", "yacht",
                      "longliner", "seiner", "scalloper", "kutter", "frachter", "fähre", "schiff")
STRONG_CLUB_PREFIXES = frozenset(("SV", "TSV", "FC", "VfB", "VfL", "SpVgg", "TuS", "TSG", "FSV", "SSV", "DJK", "HSG",
                                  "MTV", "ASV", "BSV", "ESV", "SuS", "TuRa", "EHC"))
STRONG_VESSEL_PREFIXES = frozenset(("MFV", "F/V", "M/V", "S/Y", "F/T", "M/T", "M/Y", "HMS", "HMAS", "HMCS", "HMNZS",
                                    "USS", "USNS", "USCGC"))
VESSEL_HINTS = ("/V", "FV ", "MV ", "/Y", "/T", "MT ", "MY ", "MS ", "HMS ", "HMAS ", "HMCS ", "HMNZS ", "USS ",
                "USNS ", "USCGC ", "RFA ", "INS ", "BNS ", "PNS ")
# a British or Commonwealth unit by its number, without an ordinal ('2 RIFLES', '45 Commando RM', '7 Para RHA', '22
# Engineer Regiment', '16 Air Assault Brigade'; session 28)
NUMBERED_UNIT_RE = re.compile(rf"(?<![\w.,/])\d{{1,3}}[ \t]+(?:(?:{WORD}|{UPPER_WORD})[ \t]+){{0,2}}"
                              r"(?:Rifles|RIFLES|Commando|COMMANDO|Cdo|Para|PARA|Regiment|REGIMENT|Regt|Squadron|"
                              r"SQUADRON|Sqn|Battalion|BATTALION|Bn|Brigade|BRIGADE|Bde|SAS|SBS|RHA|Lancers|Hussars|"
                              r"Fusiliers|Dragoons|Field[ \t]+Hospital|Medical[ \t]+Regiment)"
                              r"(?:[ \t]+(?:RM|RA|RE|RHA|RAF|REME|RLC|RAMC|RGR|RAC))?(?![\w])")
NUMBERED_UNIT_HINTS = ("rifles", "commando", "cdo", "para", "regiment", "regt", "squadron", "sqn", "battalion",
                       " bn", "brigade", "bde", "sas", "sbs", "rha", "lancers", "hussars", "fusiliers", "dragoons",
                       "field hospital")
# a military unit by its ordinal ('2nd Cavalry Regiment', '1st Battalion, 5th Marines'; session 20)
MILITARY_UNIT_RE = re.compile(rf"(?<![\w])\d{{1,3}}(?:st|nd|rd|th)[ \t]+(?:{WORD}[ \t]+){{0,3}}(?:Regiment|Battalion|"
                              rf"Brigade|Squadron|Division|Wing|Company|Infantry|Cavalry|Artillery|Engineers|Marines|"
                              rf"Airborne|Fleet)(?![\w])")
# institution words that name no one alone ('the Radiologie', 'Institut für ...'); client/data/service_words.txt adds
# the services (session 21)
BARE_INSTITUTION_WORDS = frozenset(("Radiologie", "Institut", "Institute", "Health", "Praxis", "Station", "University",
                                    "UHB", "LHB", "ICB", "CCG", "Ärztehaus", "Ärztezentrum", "Facharztzentrum",
                                    "Gesundheitszentrum", "Praxiszentrum"))
# a player's shirt number, which with the club names the player ('Rückennummer 7', 'jersey #23', 'shirt no. 1';
# session 28)
JERSEY_RE = re.compile(r"(?<![\w])(?i:rückennummer|rueckennummer|trikotnummer|trikot-?nr\.?|trikot|jersey|shirt|"
                       r"squad[ \t]+number)[ \t]*(?:(?i:no\.?|nr\.?|number|nummer)[ \t]*)?#?(?P<n>\d{1,2})"
                       r"(?![\w/]|[.,]\d)")
# a camp's or settlement's address by its parts ('ZONE 3 VILLAGE 14 PLOT 22', 'Block C, Sector 4, Tent 17'), two parts
# or more; a transport line by its number ('Linie 4', 'Buslinie 612'); session 28
CAMP_PART = r"(?i:zone|sector|sektor|block|village|plot|tent|zelt|shelter|camp|section|phase|compound|house)"
CAMP_ADDRESS_RE = re.compile(rf"(?<![\w]){CAMP_PART}[ \t]+[A-Z0-9]{{1,4}}(?:[ \t]*[,/-]?[ \t]*{CAMP_PART}[ \t]+"
                             rf"[A-Z0-9]{{1,4}}(?![\w]))+")
LINE_NUMBER_RE = re.compile(r"(?<![\w-])(?:Linie|Buslinie|Straßenbahnlinie|Tramlinie|S-Bahn-Linie|Line|Busline)[ \t]+"
                            r"\d{1,3}[A-Z]?(?![\w.,]\d|[\w])(?![ \t]*(?i:mm|cm|m|°|%|grad|deg)(?![\w]))")
# ... or a '#' number after a player's sport or position ('professional basketball player, #23')
JERSEY_HASH_RE = re.compile(r"(?<![\w])(?i:player|spieler(?:in)?|basketball|football|hockey|soccer|rugby|handball|"
                            r"goalkeeper|goalie|striker|forward|defender|guard|quarterback|pitcher|torwart|stürmer)"
                            r"(?![\w])[^.\n#]{0,25}?#(?P<n>\d{1,2})(?![\w/])"
                            # ('#5 MC': a fracture of the fifth metacarpal)
                            r"(?![ \t]*(?i:st|nd|rd|th|mc|mcp|pip|dip|ip|metacarp\w*|finger|digit|rib|ray)(?![\w]))")
JERSEY_HINTS = ("nummer", "trikot", "jersey", "shirt", "squad")  # JERSEY_RE's; JERSEY_HASH_RE's is '#'
# a numbered station after a service word ('Rettungswache 4 (Hörde)', 'Feuerwache 2'; session 21)
SERVICE_NUMBER_RE = re.compile(rf"[ \t]+\d{{1,3}}(?![\w.,/])(?:[ \t]+\([{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?\))?")
# a German unit by its compound and number ('2./Gebirgsjägerbataillon 231', 'Panzerpionierbataillon 1',
# 'Jagdgeschwader 74'; session 21)
MILITARY_COMPOUND_RE = re.compile(rf"(?<![\w])(?:\d{{1,2}}\./)?[{UP}][{LOW}]*(?:bataillon|regiment|brigade|division|"
                                  rf"kompanie|geschwader|staffel|batterie|korps|flottille)[ \t]+\d{{1,4}}(?![\w])")
MILITARY_COMPOUND_HINTS = ("bataillon", "regiment", "brigade", "division", "kompanie", "geschwader", "staffel",
                           "batterie", "korps", "flottille")
ORDINAL_HINT_RE = re.compile(r"\d(?:st|nd|rd|th)[ \t]")  # speed: every MILITARY_UNIT_RE match holds one
# forms that are also clinical abbreviations ('SA' node): only after a word no list knows (checked in find)
AMBIGUOUS_FORMS = frozenset(("SA", "Oy", "AG", "KG", "eG"))
CLUB_NAME_WORD = rf"{UPPER_WORD}(?<!RFC)(?<!AFC)(?<!GAA)(?![\w])"  # an all-caps club's name words (checked as WORD's)
CLUB_HINTS = ("Skiclub", "Ski-Club", "TB ", "TV ", "SC ", "BC ", "HC ", "EHC ", "RC ", "SG ", "FC", "SV",
              "TSV", "VfB", "VfL", "SpVgg", "TuS", "TSG", "FSV", "SSV", "DJK", "RFC", "GAA", "Hapoel",
              "Maccabi", "Beitar", "Dynamo", "Dinamo", "Sporting", "United", "Rovers", "Athletic", "Wanderers",
              "Rangers", "Albion", "Harlequins", "Club", "verein", "Old ", "RUFC", "RLFC", "SLSC", "GAC", "CLG",
              "Camanachd", "Sevens", "Union", "UNION", "ASKÖ", "ATSV", "USV")
CLUB_WORDS = frozenset(("Hapoel", "Maccabi", "Beitar", "Dynamo", "Dinamo", "Sporting", "United", "Rovers", "Athletic",
                        "Wanderers", "Rangers", "Albion", "Harlequins", "Football", "Rugby", "Hockey", "Cricket",
                        "Tennis", "Golf", "Ski", "Club", "Sportverein", "Turnverein", "Old", "Boys", "Girls",
                        "Collegians", "RUFC", "RLFC", "SLSC", "Netball", "Sports", "Bowls", "Boxing", "Rowing",
                        "Sailing", "Swimming", "Cycling", "Athletics", "Judo", "Karate", "Surf", "Life", "Saving",
                        "League", "Soccer", "Basketball", "Baseball", "Lacrosse", "Hurling", "Camogie", "Polo",
                        "Pony", "Riding", "Equestrian", "Curling", "Ladies", "Shinty", "Bowling", "Badminton",
                        "Squash", "GAC", "CLG", "Camanachd", "Sevens", "Union", "UNION", "ASKÖ", "ATSV", "USV",
                        *_AT_CLUB_SPORTS.split("|")))
# A junior or amateur team by its nickname ('Woodend Wildcats', 'Cobar Roosters U14'): the words before it must be
# no ordinary words ('the Under-12 Tigers' stays), checked in find.
TEAM_WORDS = ("Tigers", "Lions", "Eagles", "Hawks", "Wildcats", "Roosters", "Sharks", "Bulldogs", "Panthers", "Dragons",
              "Warriors", "Magpies", "Swans", "Saints", "Giants", "Bears", "Raiders", "Cougars", "Falcons", "Knights",
              "Titans", "Jets", "Colts", "Vikings", "Harriers", "Juniors", "Broncos", "Bombers", "Demons", "Cowboys",
              "Hurricanes", "Stingrays", "Seagulls", "Kookaburras", "Wolves", "Pumas", "Bluebirds", "Ponies",
              "Stallions", "Mustangs", "Rams", "Bulls", "Chiefs", "Crusaders", "Highlanders", "Rebels", "Spartans",
              "Trojans", "Owls", "Foxes", "Otters", "Dolphins", "Pirates", "Rockets", "Comets", "Royals")
TEAM_RE = re.compile(rf"(?<![\w])(?P<n>{WORD}(?:[ \t]+{WORD})?)[ \t]+(?:{'|'.join(TEAM_WORDS)})"
                     rf"(?:[ \t]+U\d{{2}})?(?![\w])")
# A team by its town and a plural nickname no list holds ('Calgary Buffaloes', 'Red Deer Rebels'): the town a listed
# place, the nickname no clinical or institution word; only in a report that speaks of sport (SPORT_HINTS). Session 17.
PLACE_TEAM_RE = re.compile(rf"(?<![\w])(?P<p>{WORD}(?:[ \t]+{WORD})?)[ \t]+(?P<t>[{UP}][{LOW}]+s)(?![\w])")
SPORT_HINTS = ("hockey", "football", "soccer", "rugby", "game", "team", "match", "league", "club", "practice",
               "playing", "baseball", "basketball", "lacrosse", "volleyball", "handball", "tournament", "spiel",
               "verein", "mannschaft", "turnier", "training")
# A junior team by its age tag ('Kilmacud Crokes U14', 'Ballinteer Under-12s'): one word of the name no ordinary one
TEAM_TAG_HINT_RE = re.compile(r"(?<![\w])(?:U|Under[ \t-]?)\d")  # speed: what every TEAM_TAG_RE match holds
TEAM_TAG_RE = re.compile(rf"(?<![\w])(?P<n>{WORD}(?:[ \t]+{WORD}){{0,2}})[ \t]+(?:U|Under[ \t-]?)\d{{1,2}}s?(?![\w])")
# A school named in a history ('Kantonsschule Wil', 'Mooroopna Primary School', 'Ysgol Glan y Môr', lower-case
# 'ysgol bro pedr'): a German school compound before, or an English school word after, a name that is no ordinary
# word (checked in find); a Welsh 'Ysgol' with up to four words after it.
SCHOOL_RE = re.compile(
    rf"(?<![\w])[{UP}][{LOW}]*(?:schule|gymnasium)[ \t]+(?P<dn>(?:(?:Am|Im|An[ \t]+der|St\.)[ \t]+)?{WORD})"
    rf"|(?<![\w])(?P<en>{WORD}(?:[ \t]+{WORD}){{0,2}})[ \t]+(?:(?:Primary|Secondary|High|Grammar|Public|State|"
    rf"Community|Catholic|National|Junior|Senior|Middle|Elementary|Comprehensive|Boys'?|Girls'?)[ \t]+)?School(?![\w])"
    rf"|(?<![\w])(?i:ysgol)(?P<cy>(?:[ \t]+(?:y|yr|[{UP}{LOW}][{LOW}]+)){{1,4}})")
SCHOOL_HINTS = ("school", "schule", "ysgol", "gymnasium")  # in the lower-cased text
# A school or nursery without the word 'School' (session 17): French 'École élémentaire Jeanne-Lajoie', 'Collège
# Saint-Luc' (any words after the head); an English name before a school kind ('Toussaint L'Ouverture Elementary',
# the name checked in find like SCHOOL_RE's) or before a nursery kind, whose name is often ordinary words ('Little
# Sprouts Early Learning', 'Happy Days Daycare': capitalised words, none a function word).
_NAME_WORD = rf"(?:{WORD}|[{UP}]['’][{UP}][{LOW}]+)"
SCHOOL_KIND_RE = re.compile(
    rf"(?<![\w])(?:École|Ecole|ÉCOLE|Collège|Lycée|Garderie|CPE)[ \t]+(?:(?i:élémentaire|primaire|secondaire|"
    rf"maternelle|publique|privée|catholique|internationale)[ \t]+)?(?P<fr>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})"
    rf"|(?<![\w])(?P<en>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})"
    # a denomination between the name and the kind ('St Mary's RC Primary', 'Holy Trinity CE Primary School';
    # session 27)
    r"(?:[ \t]+(?P<den>RC|R\.C\.|CE|C\.E\.|C[ \t]of[ \t]E|CofE|Catholic|Methodist|Jewish|Islamic))?"
    r"[ \t]+(?:Elementary|Middle|Primary|Secondary|Academy)(?:[ \t]+School)?(?![\w])"
    rf"|(?<![\w])(?P<dc>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})[ \t]+(?:Early[ \t]+Learning|Daycare|Day[ \t]+Care|"
    rf"Child[ \t]*[Cc]are|Preschool|Pre-School|Nursery|Kindergarten|Montessori)(?:[ \t]+Cent(?:er|re))?(?![\w])")
SCHOOL_KIND_HINTS = ("École", "Ecole", "ÉCOLE", "Collège", "Lycée", "Garderie", "CPE", "Elementary", "Middle",
                     "Primary", "Secondary", "Academy", "Early", "Daycare", "Day Care", "Child", "Preschool",
                     "Pre-School", "Nursery", "Kindergarten", "Montessori")
FUNCTION_WORDS = frozenset(("the", "a", "an", "at", "from", "to", "her", "his", "their", "our", "my", "in", "on",
                            "local", "new", "no", "der", "die", "das", "im", "am", "ihre", "seine"))
NOT_NAME_WORDS = FUNCTION_WORDS | CLOSED_WORDS  # the closed-class words no lower-case name rule takes for a name
# A title, one or two initials and a surname, in any case ('dr. m. haas', 'dr k. hope', 'prof. j.k. obi' in a
# lower-case report, where the name scanner's capitalised tokens find nothing): after initials the next word is the
# surname even when it is an ordinary word; view and German abbreviations ('a.p.', 'o.B.', 'V.a.') are no initials.
# On lower-cased text.
_NOT_INITIALS = "|".join(rf"{a}\.[ \t]*{b}" for a, b in ("ap", "pa", "dp", "pd", "dv", "vd", "ll", "ml", "ob", "zn",
                                                         "va", "ia", "ua", "zb", "dh", "so"))
TITLE_INITIALS_RE = re.compile(r"(?:dr|prof|dres|"
                               # ... and a staff role ('physio j. walker'; session 37; not 'Mrs B. fell', a verb)
                               r"physio|physiotherapist|nurse|rn|midwife|hebamme|mtra|"
                               r"radiographer|schwester|pfleger|pflegerin|paramedic|medic)\.?[ \t]+"
                               r"(?:(?:med|univ|dent)\.[ \t]*)*"
                               rf"(?!(?:{_NOT_INITIALS})\.)"
                               r"(?P<n>(?:[a-zäöüß]\.[ \t]*-?){1,3}[a-zäöüßçéèáàóòúñ][\w'’]+(?:-[\w'’]+)?)")
TITLE_INITIALS_HINT_RE = re.compile(r"[ \t][a-zäöüß]\.[ \t]*[a-zäöüß]")
# An institution in a lower-case report ('kv-notdienstpraxis harburg', 'ukh meidling', 'brant county hospital'): a
# compound or word ending in an institution word, with a place after it or one or two unknown words before it
# (checked in find: no ordinary words). On lower-cased text.
LOWER_INSTITUTION_RE = re.compile(
    r"(?:(?P<left>(?:[a-zäöüß][\w'’-]+[ \t]+){1,2}))?(?P<key>[a-zäöüß-]*(?:praxis|klinik|klinikum|spital|krankenhaus|"
    r"hospital|hosp|ukh|lkh|akh))(?![\w])(?:[ \t]+(?P<place>[a-zäöüß][\w'’-]+))?")
# A name field of a lower-case report ('name: john smith', 'pat.: anna weiß', 'pt name: tran van long'): the field's
# words up to a comma, a digit, two spaces, the line end or the next field; the first two always (a surname may be an
# eponym or an ordinary word: 'smith', 'hope'), more while they are no ordinary words (checked in find).
LOWER_NAME_FIELD_RE = re.compile(
    r"(?:patient(?:in)?|pat\.?|pt|name|patient[ \t]+name|pt[ \t]+name|name[ \t]+des[ \t]+patienten)[ \t]*:[ \t]*"
    r"(?P<n>[a-zäöüßçéèáàóòúñ][\w'’\-]*(?:,?[ \t]+(?!(?:dob|geb|mrn|age|alter|sex|id|nr|no|born|acc|date|datum|"
    r"m|f|w)(?![\w]))[a-zäöüßçéèáàóòúñ][\w'’\-]*){0,4})")
# 'pat. weber, jean-luc' in a lower-case report: a surname and a given name after the patient cue without a colon
# (session 25); taken when both words are names or no ordinary word. On lower-cased text.
LOWER_PAT_COMMA_RE = re.compile(r"(?:patient(?:in)?|pat\.|pt\.)[ \t]+(?P<s>[a-zäöüßçéèáàóòúñ][\w'’\-]+),[ \t]*"
                                r"(?P<g>[a-zäöüßçéèáàóòúñ][\w'’\-]+)")
# A rank or title in a lower-case report before lower-case words ('polizeiobermeisterin kübra aydın', 'sgt kevin
# doyle', 'frau kübra aydın'): a name where the words are names or no ordinary word (session 22). On lower-cased text.
LOWER_TITLE_NAME_RE = re.compile(
    r"(?<![\w.])(?:" + _by_first_char(tuple(r.lower() for r in RANK_WORDS) + (
        "officer", "frau", "herr", "herrn", "mrs\\.?", "mr\\.?", "ms\\.?", "miss", "schwester", "nurse", "midwife",
        "hebamme", "dolmetscher(?:in)?", "interpreter", "rn",
        # a lower-case sign-off ('dr. gulnara ismailowa', 'dra. ana souza', 'prof. dr. med. k. wolf'; session 24)
        r"dr\.(?:[ \t]*med\.)?", r"dra\.", r"prof\.(?:[ \t]*dr\.)?(?:[ \t]*med\.)?")) + r")[ \t]+"
    r"(?P<n>(?:[a-zäöüß]\.[ \t])?[a-zäöüßçéèáàóòúñı][\w'’\-]*(?:[ \t][a-zäöüßçéèáàóòúñı][\w'’\-]*){0,2})")
# An employer or a home named in a history: a German trade business before its owner's or place's name ('Brauerei
# Kaltenhausen', 'Schreinerei Ammann', 'Hotel Via Mala'), an English firm by its trade word ('Kelly Bros Construction',
# 'Harbour Fisheries'), a care home by its name ('Ray Street aged care home'); session 11 (tuning pair y: employers
# and homes were 'other' identifiers left at 68% word by word).
BUSINESS_RE = re.compile(
    rf"(?<![\w])(?P<de>[{UP}][{LOW}]+(?:erei|handel)|Hotel|Gasthof|Gasthaus|Firma|Fa\.|Gebr\.|Gebrüder)"
    rf"[ \t]+(?P<dn>{WORD}(?:[ \t]+{WORD})?)"
    rf"|(?<![\w])(?P<en>{WORD}(?:[ \t]+{WORD}){{0,2}})[ \t]+(?P<et>Bros\.?|Brothers|Construction|Builders|Haulage|"
    rf"Logistics|Mart|Motors|Plumbing|Roofing|Joinery|Engineering|Farms?|Dairy|Fisheries|Meats|Timber|Quarry|Mining|"
    rf"Works|Factory|Industries|Foundry|Ranch|Drilling|Oilfield|Trucking|Welding|Orchards?|Vineyards?|Winery)"
    rf"(?![\w])"
    # a named home takes its generic words with it ('Brookhaven care home'; session 22)
    rf"|(?<![\w])(?P<hn>{WORD}(?:[ \t\-]+{WORD}){{0,2}})[ \t]+(?:nursing|care|aged[ \t]+care|residential|"
    rf"retirement)[ \t]+(?:home|centre|center|facility)(?![\w])")
# A shop of a chain the authors of every tuning round named as an employer or a place ('days at the Co-op on <street>',
# 'works at the woolies in <town>', 'Kassiererin bei Billa'; session 51): the chain narrows the place as a firm does.
# Written as the chains write themselves (capitals, or all caps; 'woolies' also in lower case): 'IgA', 'the spar of
# the boat' and a 'coop' stay.
CHAIN_STORE_RE = re.compile(r"(?<![\w'’-])(?:Co-op|CO-OP|Coop|COOP|Migros|MIGROS|Aldi|ALDI|Lidl|LIDL|Rewe|REWE|"
                            r"Edeka|EDEKA|Billa|BILLA|Woolworths|WOOLWORTHS|Woolies|WOOLIES|woolies|IGA|Tesco|TESCO|"
                            r"Asda|ASDA|Morrisons|MORRISONS|Sainsbury's|SAINSBURY'S|Bunnings|BUNNINGS|Kmart|KMART|Spar|"
                            r"SPAR)(?![\w'’-])")
CHAIN_STORE_WORDS = frozenset(("co", "coop", "migros", "aldi", "lidl", "rewe", "edeka", "billa", "woolworths",
                               "woolies", "iga", "tesco", "asda", "morrisons", "sainsbury", "bunnings", "kmart",
                               "spar"))
# A German firm by a trade compound and its owner's or place's name ('Schreinerbetrieb Kohnen', 'Spargelhof Dörr',
# 'STAHLBAU REDING', 'Garage Reuter'), or by a name before a trade compound ('Saarfeld Stanztechnik', 'Hansa
# Kühllogistik'): the name no ordinary word (checked in find). Session 17 (a held-out set's employers).
GERMAN_FIRM_RE = re.compile(
    rf"(?<![\w])(?P<h>[{UP}][{LOW}]*(?:betrieb|bau|hof|technik|logistik|werk|werke|spedition|transporte|fabrik|haus)"
    rf"|Garage)"
    rf"[ \t]+(?P<n>{WORD})(?![\w])"
    rf"|(?<![\w])(?P<uh>[{UP}]{{2,}}(?:BAU|BETRIEB|HOF|TECHNIK|LOGISTIK|WERK|EREI))[ \t]+(?P<un>{UPPER_WORD})(?![\w])"
    rf"|(?<![\w])(?P<pn>{WORD})[ \t]+(?P<ph>[{UP}][{LOW}]*(?:technik|logistik|spedition|transporte|werke))(?![\w])")
# ... and the same typed in lower case, by the trades that name nothing else ('arbeitet als LKW-Fahrer bei steiner
# transporte', 'bei der spedition huber'; session 51): the name a listed one or no ordinary word (checked in find)
# (two patterns, so that 'der spedition huber' is tried as 'spedition huber' too)
LOWER_GERMAN_FIRM_HINTS = ("spedition", "transporte", "logistik")
_LOWER_TRADE = rf"[a-zäöüß]*(?:{'|'.join(LOWER_GERMAN_FIRM_HINTS)})"
LOWER_GERMAN_FIRM_RES = (
    re.compile(rf"(?<![\w]){_LOWER_TRADE}[ \t]+(?P<n>[a-zäöüß][a-zäöüß\-]+)(?![\w])"),
    re.compile(rf"(?<![\w])(?P<pn>[a-zäöüß][a-zäöüß\-]+)[ \t]+{_LOWER_TRADE}(?![\w])"))
GERMAN_FIRM_HINTS = ("betrieb", "bau", "hof", "technik", "logistik", "werk", "spedition", "transporte", "Garage",
                     "fabrik", "haus", "BAU", "BETRIEB", "HOF", "TECHNIK", "LOGISTIK", "WERK", "EREI")
BUSINESS_HINTS = ("erei", "handel", "Hotel", "Gasth", "Firma", "Fa.", "Gebr", "Bros", "Brothers", "Construction",
                  "Builders", "Haulage", "Logistics", "Mart", "Motors", "Plumbing", "Roofing", "Joinery", "Engineering",
                  "Farm", "Dairy", "Fisheries", "Meats", "Timber", "Quarry", "Mining", "home", "cent", "facility",
                  "Works", "Factory", "Industries", "Foundry", "Ranch", "Drilling", "Oilfield", "Trucking", "Welding",
                  "Orchard", "Vineyard", "Winery")
# A pub, hotel, inn or other venue named in a history ('outside the Red Dragon Inn', 'bar work at The Crown &
# Anchor Hotel', 'Sturz vor dem Hotel Via Mala', 'GASTHOF ZUM HIRSCHEN', 'Reiterhof Lindenhof'): after a head that
# only ever starts a venue's name (German) or before one that only ever ends it (English), capitalised words name the
# venue even when they are ordinary ones; a lower-case venue noun after a possessive or unknown word ("Moriarty's
# bar", 'Auchtermuir farm') takes the word with it (checked in find).
_VCAP = rf"(?:{WORD}(?:['’]s)?|{UPPER_WORD}(?:['’]S)?)"
VENUE_RE = re.compile(
    rf"(?<![\w])(?P<dh>(?i:hotel|gasthof|gasthaus|pension|reiterhof|reitstall|weingut|pizzeria|restaurant|café|"
    rf"camping(?:platz)?))[ \t]+(?:(?P<art>(?i:zum|zur|zu[ \t]+den|am|an[ \t]+der|im))[ \t]+)?"
    rf"(?P<dn>{_VCAP}(?:[ \t]+{_VCAP}){{0,2}})"
    rf"|(?<![\w])(?P<en>{_VCAP}(?:(?:[ \t]+(?:&|and|of|on|the)[ \t]+|[ \t]+){_VCAP}){{0,3}})[ \t]+"
    rf"(?P<eh>Inn|INN|Tavern|TAVERN|Hotel|HOTEL|Pub|PUB|Brewery|BREWERY|Distillery|DISTILLERY)(?![\w])"
    rf"|(?<![\w])(?P<pn>{WORD}(?:['’]s)?)[ \t]+(?P<lh>pub|inn|bar|tavern|farm|distillery|brewery|hotel|"
    rf"garage|bakery|restaurant|café|cafe|sawmill|quarry|mine|colliery|ranch|camp|lease|plant|factory|vineyard|"
    rf"orchard|dairy)(?![\w])")
VENUE_HINTS = ("otel", "OTEL", "asth", "ASTH", "ension", "ENSION", "eiter", "EITER", "eingut", "EINGUT", "izzeria",
               "estaurant", "ESTAURANT", "amping", "AMPING", "Inn", "INN", "avern", "AVERN", "Pub", "PUB", "rewery",
               "REWERY", "istillery", "ISTILLERY", "pub", "inn", "bar", "farm", "garage", "bakery", "café", "cafe",
               "sawmill", "quarry", "mine", "colliery", "ranch", "camp", "lease", "plant", "factory", "vineyard",
               "orchard", "dairy", "eitstall", "EITSTALL", "IZZERIA", "afé", "AFÉ")
# an English venue by a capitalised head word that needs a name before it ('Mulberry Gap Primitive Baptist Church',
# 'Kim's Hapkido Academy', 'PANTHER EAGLE NO. 2 MINE', 'Ponoka Stampede'): kept only when one word of the name is a
# possessive, a listed place or name or a word no list knows ('the Catholic Church', 'Community Market' stay).
# Session 18.
_NVH = ("Church|Chapel|Mine|Colliery|Quarry|Mills?|Ranch|Farms?|Stampede|Rodeo|Fair|Festival|Marina|Lodge|Saloon|"
        "Diner|Grill|Bakery|Market|Salon|Nails|Dojo|Gym|Association|Speedway|Raceway|Estate|Plantation|Winery|"
        "Feedlot|Co-op|Cooperative|Academy|Arena|Rink|Stables|Kennels|Sawmill|Lumber|Motors|Garage")
NAMED_VENUE_RE = re.compile(rf"(?<![\w])(?P<n>{_VCAP}(?:(?:[ \t]+(?:&|and|of|the|No\.[ \t]*\d+|NO\.[ \t]*\d+)[ \t]+|"
                            rf"[ \t]+){_VCAP}){{0,4}})[ \t]+(?:{_NVH}|{_NVH.upper()})(?![\w])")
# a church by its name and denomination ('Tabernacle Hill Missionary Baptist Church'); not 'First Baptist Church'
DENOMINATIONS = frozenset(("baptist", "methodist", "presbyterian", "lutheran", "pentecostal", "episcopal",
                           "catholic", "orthodox", "evangelical", "apostolic", "holiness", "missionary", "adventist",
                           "reformed", "congregational", "mennonite", "nazarene", "wesleyan", "anglican"))
GENERIC_CHURCH = frozenset(("first", "second", "third", "united", "the", "free", "old", "new", "roman", "greek",
                            "primitive", "southern", "independent", "african"))
NAMED_VENUE_HINTS = tuple(v for h in _NVH.split("|") for v in (h.rstrip("?s"), h.rstrip("?s").upper()))
# a German statutory accident insurer by its branch: 'BG Holz und Metall', 'BG Verkehr', 'BG ETEM'
BG_RE = re.compile(rf"(?<![\w])BG[ \t]+(?:{WORD}|{UPPER_WORD})(?:[ \t]+(?:und|&)[ \t]+(?:{WORD}|{UPPER_WORD}))?")
INSTITUTION_RUN_LEFT_RE = re.compile(rf"(?:{_CAP}(?:[ \t]+(?:&|and|of|for)[ \t]+|[ \t]+)){{1,4}}$")
CAMEL_HINT_RE = re.compile(rf"[{LOW}][{UP}]")
CAMEL_RUN_RE = re.compile(rf"(?<![\w])[{UP}][{LOW}]+[{UP}][\w]+(?:[ \t]+(?:{WORD}|{UPPER_WORD})){{1,3}}")
FIELD_LABEL_RE = re.compile(r"\.?[ \t]*:(?![/\d])")  # right after a word: it labels a field ('Anf.: ', 'DOB:')
# what may follow a surname that closes its field: the line's end, a role after a comma, '& Kollegen', a bracket
FIELD_END_RE = re.compile(r"[ \t]*(?:$|\n|[,;/()]|&|und[ \t]|[-–][ \t])", re.MULTILINE)  # ')': '(Dr. Hand)', s. 37
# (the given name in capitals too: 'Patient: HAND, DESMOND J'; session 40)
SURNAME_GIVEN_RE = re.compile(rf",[ \t]*(?P<g>{WORD}|[{UP}][{UP}'’\-]+)(?![\w])")
PROSE_AFTER_NAME_RE = re.compile(r"[ \t]+[a-zäöüß]|[ \t]*[.;:!?)](?![\w])")  # a verb or a sentence's end after a name
ZONE_TOKEN_RE = re.compile(r"[^\W_](?:[\w'’]|[.\-/](?=\w))*\.?")
PART_SPLIT_RE = re.compile(r"[\-/.]")
UNIT_AFTER_RE = re.compile(r"[ \t]*(?:x|mm|cm|°|%|grad|views?|ebenen?|projections?|part|teile?|fragmente?|"
                           r"h|min|wochen|weeks|tage|days|monate|months|jahre|years)(?![\w])", re.IGNORECASE)



NICKNAME_AFTER_RE = re.compile(r"[ \t]*(?:\((?P<q>[\"“„'‘])?|(?P<q2>[\"“„]))(?P<n>[A-Z](?:[a-z]{2,}|[A-Z]{2,}))"
                               r"(?(q)[\"”“'’]\)|(?(q2)[\"”“]|\)))")
NAME_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")  # a name's words: 'FA'ASALELE', 'Müller-Lüdenscheidt'


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    strength: int
    rule: str = ""


@dataclass
class Anonymized:
    text: str
    counts: Counter = field(default_factory=Counter)  # replacements per kind
    spans: list[Span] = field(default_factory=list)  # in `source` (for evaluation; contains no text)
    source: str = ""  # the normalised input the spans refer to (NFC, invisible characters removed)


# ---------------------------------------------------------------------------- identifiers


TITLE_WORDS_RE = re.compile(rf"^(?:{TITLES}[ \t]*|[ \t,]+)+")


def split_person(value: str) -> tuple[list[str], list[str]]:
    """'Müller, Anna' / 'Anna Müller' / 'MUELLER^ANNA' / 'Dr. med. K. Weber' -> (given, family) tokens."""
    v = value.strip()
    v = TITLE_WORDS_RE.sub("", v)
    v = re.sub(r",?[ \t]*(?:MD|M\.D\.|PhD|Ph\.D\.|DO|FRCR|MBBS)\.?$", "", v)
    if "^" in v:
        parts = v.split("^")
        family, given = parts[0], " ".join(p for p in parts[1:3] if p)
    elif "," in v:
        family, given = v.split(",", 1)
    else:
        words = v.split()
        if not words:
            return [], []
        # Family names may carry particles: "Anna von der Heide"
        i = len(words) - 1
        while i > 0 and words[i - 1].lower() in {"von", "van", "de", "der", "den", "zu", "vom", "ten", "di", "da"}:
            i -= 1
        given, family = " ".join(words[:i]), " ".join(words[i:])
    g = [w.strip(".,") for w in re.split(r"[\s]+", given.strip()) if w.strip(".,")]
    f = [w for w in re.split(r"[\s]+", family.strip()) if w]
    return g, f


def parse_date(value: str) -> dt.date | None:
    v = value.strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%Y%m%d", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%y", "%Y/%m/%d", "%d-%m-%Y",
                "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"):
        try:
            return dt.datetime.strptime(v, fmt).date()
        except ValueError:
            continue
    return None


MONTH_NAMES = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"],
}


def date_variants(d: dt.date) -> set[str]:
    """The ways a report may write a date from the identifier columns."""
    y, m, dd = d.year, d.month, d.day
    yy = f"{y % 100:02d}"
    out = {
        f"{dd:02d}.{m:02d}.{y}", f"{dd}.{m}.{y}", f"{dd:02d}.{m:02d}.{yy}", f"{dd}.{m}.{yy}",
        f"{dd}. {m}. {y}", f"{y}-{m:02d}-{dd:02d}", f"{m:02d}/{dd:02d}/{y}", f"{m}/{dd}/{y}",
        f"{dd:02d}/{m:02d}/{y}", f"{dd}/{m}/{y}", f"{m}/{dd}/{yy}", f"{m:02d}/{dd:02d}/{yy}", f"{y}{m:02d}{dd:02d}",
        f"{dd:02d}-{m:02d}-{y}", f"{y}/{m:02d}/{dd:02d}",
    }
    suffix = "th" if 11 <= dd <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(dd % 10, "th")
    for names in MONTH_NAMES.values():
        full = names[m - 1]
        for mn in {full, full[:3], full[:3] + "."}:
            out |= {f"{dd}. {mn} {y}", f"{dd:02d}. {mn} {y}", f"{dd} {mn} {y}", f"{mn} {dd}, {y}",
                    f"{mn} {dd} {y}", f"{mn} {dd}{suffix}, {y}", f"{dd}{suffix} {mn} {y}", f"{dd:02d}-{mn}-{y}",
                    f"{dd}-{mn}-{y}"}
    return out



def id_variants(value: str) -> set[str]:
    """Lower-case spellings of an ID value: as written, separators dropped or changed, leading zeros dropped."""
    v = value.strip().lower()
    chunks = [c for c in re.split(r"[^0-9a-z]+", v) if c]
    if not chunks or sum(len(c) for c in chunks) < 3:
        return set()
    out = {v, "".join(chunks), " ".join(chunks), "-".join(chunks), "/".join(chunks)}
    if chunks[0].isdigit() and chunks[0].startswith("0"):
        out |= {x.lstrip("0") for x in out if x.lstrip("0")}
    return {x for x in out if len(x) >= 3}


@dataclass(frozen=True)
class RowPatterns:
    """A row's identifiers prepared for matching, without compiling a regex per row."""

    name_tokens: frozenset  # folded (and accent-stripped) name tokens, given + family
    given: frozenset  # folded given names
    initials: frozenset  # upper-case initials of the given names
    dates: tuple  # date spellings, longest first
    ids: tuple  # lower-case ID spellings, longest first


@functools.lru_cache(maxsize=4096)
def _row_patterns(items: tuple[tuple[str, str], ...]) -> RowPatterns:
    tokens: set[str] = set()
    given_f: set[str] = set()
    initials: set[str] = set()
    dates: set[str] = set()
    ids: set[str] = set()
    for col, value in items:
        if not value:
            continue
        kind = identifier_kind(col)
        if kind in ("ignore", "age"):
            continue  # ages: every age is removed by pattern anyway
        if kind == "name":
            for person in re.split(r"\s*(?:;|\||/| und | and )\s*", value):
                given, family = split_person(person)
                for w in given + family:
                    if len(w.rstrip(".")) < 2:
                        continue
                    for sub in {w, *w.split("-")}:
                        if len(sub) >= 2:
                            for v in spelling_variants(sub):  # 'Mueller' in the column, 'Muller' in the text
                                tokens |= {fold(v), strip_accents(v)}
                for g in given:
                    if g:
                        initials.add(g[0].upper())
                        if len(g.rstrip(".")) >= 2:
                            given_f |= {fold(g), strip_accents(g)}
        elif kind == "date":
            d = parse_date(value)
            if d is not None:
                dates |= date_variants(d)
            dates.add(value.strip())
        else:  # patient_id, accession_number, other IDs
            ids |= id_variants(value)
    return RowPatterns(frozenset(tokens), frozenset(given_f), frozenset(initials),
                       tuple(sorted(dates, key=len, reverse=True)), tuple(sorted(ids, key=len, reverse=True)))


def _find_literals(text: str, needles: tuple, haystack: str | None = None) -> list[tuple[int, int]]:
    """Occurrences of each needle not inside a longer word/number (str.find: no regex per row)."""
    h = haystack if haystack is not None else text
    out = []
    for n in needles:
        i = h.find(n)
        while i >= 0:
            e = i + len(n)
            before = h[i - 1] if i > 0 else " "
            after = h[e] if e < len(h) else " "
            if not (before.isalnum() or (before == "." and i > 1 and h[i - 2].isdigit())) and not after.isalnum():
                out.append((i, e))
            i = h.find(n, i + 1)
    return out


SALUTATION_RE = re.compile(r"^[ \t]*(?:sehr[ \t]+geehrte[rs]?|liebe[rs]?[ \t]+(?:kolleg|frau|herr|dr)|dear[ \t]+"
                           r"(?:dr|doctor|colleague|mr|mrs|ms|prof|sir|madam))[^\n]*", re.MULTILINE)


@functools.lru_cache(maxsize=8)  # asked by the zones and by the token layer, for the same report
def _header_signoff(text: str, low: str) -> tuple[int, int | None]:
    """Where the report's header ends (the first section, or the first line when it names an institution)
    and where its last sign-off ('Mit freundlichen Grüßen', 'Kind regards') starts (None: no sign-off)."""
    first_section = SECTION_RE.search(text)
    header_end = first_section.start() if first_section else 0
    # a letter's salutation ends its header: the letter's body below it is prose (session 28: 'Sehr geehrte Frau
    # Kollegin ...,\n\nwir berichten über ...' had its verbs removed as header words); the salutation line stays in
    sal = SALUTATION_RE.search(low, 0, header_end) if header_end else None
    if sal is not None:
        header_end = sal.end()
    if not header_end:  # no section header: the first line is still the report's header ('x hospital - xr thumb')
        first = text.split("\n", 1)[0]
        if len(first) <= 90 and not PROSE_BREAK_RE.search(first) and not CLAUSE_END_RE.search(first) and any(
                fold(w) in INSTITUTION_NOUNS for w in WORD_SPLIT_RE.findall(first.lower())):
            header_end = len(first)  # ... when it names an institution
    signoff = None
    for sm in SIGNOFF_RE.finditer(low):
        signoff = sm.start()
    return header_end, signoff


# A place preposition between two removed names on a title-case line: 'Klinik auf der Bult', 'Pavilion for Women',
# 'Vilshofen an der Donau' (the words around it go, so the name it joins goes whole)
PLACE_GAP_RE = re.compile(r"[ \t]+(?:for|of|am|an der|auf der|auf dem|in der|im|zum|zur|at the|on the)[ \t]+")
PLACE_GAP_KINDS = frozenset(("NAME", "INSTITUTION", "ADDRESS"))
LINE_LOWER_WORD_RE = re.compile(r"(?<![\w\[])[a-zäöüß]\w*")
HISTORY_OPENER_RE = re.compile(r"[ \t]*(?:z\.[ \t]?n\.|zustand[ \t]+nach|st\.[ \t]?p\.|status[ \t]+post|s/p)[ \t]",
                               re.IGNORECASE)
HEADER_PROSE_WORDS = 6  # lower-case words that make a header line a sentence (see _header_prose)
NEXT_LOWER_WORD_RE = re.compile(r"[ \t]+([a-zäöüß]+)(?![\w])")
SENTENCE_LINE_WORDS = 5  # ordinary lower-case words that make a short cue line a sentence (see _sentence_line)
SENTENCE_OPENER_RE = re.compile(r"[ \t>*-]*(?:The|This|He|She|They|His|Her|A|An|Der|Die|Das|Dieser|Diese|Ein|Eine|"
                                r"Er|Sie|Es|Bei|Beim)[ \t]")


def _title_case_line(text: str, pos: int) -> bool:
    """Is the line at `pos` a header/institution line: no lower-case word but place prepositions and particles?"""
    line = _line_at(text, pos)
    return all(PLACE_GAP_RE.fullmatch(f" {w} ") or PARTICLE_GAP_RE.fullmatch(f" {w} ")
               for w in LINE_LOWER_WORD_RE.findall(line))


# Between two removed spans, or from a segment's start to a removed place: capitalised specialty words and glue
# only ('[Praxis] für Radiologie und Nuklearmedizin [Kleve]', 'Orthopädie & Sportmedizin [Eppendorf]')
SPECIALTY_GAP_RE = re.compile(r"[ \t]*(?:(?:[^\W\d_][\w\-]*\.?|&)[ \t]+)+")
# the specialties a practice is named for (a department noun, 'Röntgen' or 'Imaging' first names no practice)
SPECIALTIES = frozenset(("radiologie", "radiology", "nuklearmedizin", "orthopaedie", "orthopadie", "orthopedics",
                         "orthopaedics", "chirurgie", "unfallchirurgie", "handchirurgie", "kinderchirurgie",
                         "sportmedizin", "kinderradiologie", "neuroradiologie"))
SEGMENT_START_RE = re.compile(r"(?:^|(?<=[\n|·•;:,])|(?<=[ \t][-–—]))[ \t]*")


def _specialty_words(gap: str) -> bool:
    ws = re.findall(r"[^\W\d_][\w\-]*|&", gap)
    return bool(ws) and any(fold(w) in DEPARTMENT_WORDS for w in ws) and all(
        (fold(w) in DEPARTMENT_WORDS and (w[:1].isupper())) or fold(w) in INSTITUTION_GLUE for w in ws)


def _specialty_practices(text: str, spans: list[Span], cues: frozenset | set) -> list[Span]:
    """A practice named for its specialties and its place is one institution: on one line, specialty words
    (capitalised, joined by 'und', '&', 'für') between a removed institution ('[MVZ Radiologie]', '[Praxis]') and a
    removed place ('... & Nuklearmedizin [Freiburg]'), or from the start of a segment to a removed place
    ('Orthopädie & Sportmedizin [Eppendorf]'), go with them. The place is a capitalised word of mixed case; a title
    between ('Radiologie Dr. [X]'), a comma, or a department noun first ('Department of [X]', 'Röntgen [X]') stops
    it."""
    kinds = ("NAME", "INSTITUTION", "ADDRESS")
    out: list[Span] = []
    for sp in spans:
        place = text[sp.start:sp.end]
        if sp.kind not in kinds or sp.rule in ("title", "identifier-name") or not place[:1].isupper() \
                or place.isupper() or fold(place) in DEPARTMENT_WORDS:
            out.append(sp)
            continue
        prev = out[-1] if out else None
        ls = text.rfind("\n", 0, sp.start) + 1
        if prev is not None and prev.end >= ls and (prev.kind == "INSTITUTION" or (
                prev.kind == "NAME" and fold(text[prev.start:prev.end]) in cues)) \
                and SPECIALTY_GAP_RE.fullmatch(text, prev.end, sp.start) and _specialty_words(text[prev.end:sp.start]):
            out[-1] = Span(prev.start, sp.end, "INSTITUTION", max(prev.strength, sp.strength), "specialty-practice")
            continue
        seg = None
        for m in SEGMENT_START_RE.finditer(text, max(ls, prev.end if prev is not None else 0), sp.start):
            seg = m.end()  # the last segment start before the span
        if seg is not None and seg < sp.start and SPECIALTY_GAP_RE.fullmatch(text, seg, sp.start) \
                and _specialty_words(text[seg:sp.start]) and fold(text[seg:sp.start].split()[0]) in SPECIALTIES:
            out.append(Span(seg, sp.end, "INSTITUTION", sp.strength, "specialty-practice"))
            continue
        out.append(sp)
    return out


COMBINING_RE = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _with_marks(text: str, spans: list[Span]) -> list[Span]:
    """A span ends after the combining marks on its last letter: NFC has no single letter for every pair of
    marks (Yoruba 'Adébáyọ̀': a dot below and a grave accent), and a word pattern stops before the mark it cannot
    read, which then stood alone after the placeholder (session 39)."""
    out = []
    for sp in spans:
        e = sp.end
        while e < len(text) and COMBINING_RE.match(text, e):
            e += 1
        out.append(sp if e == sp.end else Span(sp.start, e, sp.kind, sp.strength, sp.rule))
    return out


HYPHEN_PARTICLE_END_RE = re.compile(r"[^\W\d_]-(?i:van|von|de|da|di|del|du|le|la|ter|ten)\Z")
HYPHEN_PARTICLE_TAIL_RE = re.compile(rf"(?:[ \t]+(?i:der|den|dem|de|la|le|los|las|del|ter|ten))?[ \t]+"
                                     rf"(?:{WORD}|{UPPER_WORD})(?![\w])")


def _join_particles(text: str, spans: list[Span]) -> list[Span]:
    """'[NAME] binti [NAME]', '[NAME] van den [NAME]': two names with only particles between them are one; so are
    two removed names joined by a place preposition on a title-case line ('[Pavilion] for [Women]')."""
    out: list[Span] = []
    grown = -1  # the end of a name grown over its hyphen's particles (the spans it now covers go into it)
    for sp in spans:
        if sp.start < grown:
            last = out[-1]
            out[-1] = Span(last.start, max(grown, sp.end), "NAME", max(last.strength, sp.strength), last.rule)
            continue
        # a double name whose second part opens with a particle ('DR ADEBAYO-VAN DER BERG;'; session 51: a title rule
        # ended at the hyphen's particle and left 'DER BERG'): the particles and the word after them go with it
        if sp.kind == "NAME" and HYPHEN_PARTICLE_END_RE.search(text, sp.start, sp.end) \
                and (tm := HYPHEN_PARTICLE_TAIL_RE.match(text, sp.end)):
            sp = Span(sp.start, tm.end(), "NAME", sp.strength, sp.rule)
            grown = tm.end()
        if out and out[-1].kind == sp.kind == "NAME" and PARTICLE_GAP_RE.fullmatch(text, out[-1].end, sp.start):
            last = out[-1]
            out[-1] = Span(last.start, sp.end, "NAME", max(last.strength, sp.strength), last.rule)
        elif (out and out[-1].kind in PLACE_GAP_KINDS and sp.kind in PLACE_GAP_KINDS
              and text[sp.start:sp.start + 1].isupper() and PLACE_GAP_RE.fullmatch(text, out[-1].end, sp.start)
              and _title_case_line(text, sp.start)):
            last = out[-1]
            kind = "INSTITUTION" if "INSTITUTION" in (last.kind, sp.kind) else last.kind
            out[-1] = Span(last.start, sp.end, kind, max(last.strength, sp.strength), last.rule)
        else:
            out.append(sp)
    return out


# Words that make a removed name a place ('New [Bedford]', '[Sioux] City', 'THE [BYRON] BAY'), the US state after
# a removed place ('[Three Rivers] MI'), a town after an institution and a comma ('[Spital Wil], Appenzell)').
PLACE_PREFIX_RE = re.compile(r"(?<![\w/\-])(?i:new|grand|great|little|north|south|east|west|upper|lower|port|fort|"
                             r"mount|mt\.|glen|bad|sankt|santa|san|los|las)[ \t]\Z")
PLACE_SUFFIX_RE = re.compile(r"[ \t](?i:city|bay|falls|springs|beach|heights|hills|valley|creek|harbou?r|rapids|"
                             r"island|ridge|grove|junction|cove|township|village|common|hollow|port|quay|pier|marina|"
                             # session 17: '[Hackney] Marshes', '[Trafford] Park', '[CHEETHAM HILL] ROAD'
                             r"marsh(?:es)?|park|hill|road|street|lane|green|heath|moor|fields|estate|"
                             # session 19: '[Hütteldorfer] Straße', '[FDR] Drive', '[Kielder] Forest', '[Ryck] River'
                             r"straße|strasse|gasse|allee|platz|drive|avenue|forest|canyon|trail|glacier|river|pass)"
                             r"(?![\w])")
# a date named by its holiday ('on New Year's Eve', 'an Heiligabend'): a day of the year, as a date is (session 18)
# speed: every HOLIDAY_RE match holds one of these (substring tests are cheaper than one regex alternation)
HOLIDAY_HINTS = ("Eve", "Day", "Silvester", "Heiligabend", "Thanksgiving", "Halloween", "Neujahr", "Night", "Fourth",
                 # 'tag' stands for every German weekday and feast day ('Rosenmontag', 'Valentinstag'); 's Day' for a
                 # saint's, a mother's or a father's day (fewer substrings to test: speed)
                 "tag", "ittwoch", "astnacht", "immelfahrt", "ronleichnam", "llerheiligen", "eihnacht", "ogmanay",
                 "Gras", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "önige",
                 "ikolaus", "Einheit", "Diwali", "Eid", "Juneteenth", "Ostern", "Pfingsten", "Christmas", "Easter",
                 "Hanukkah", "Chanukka", "Kwanzaa", "Cinco", "mendig")
# ... and in a line typed in lower case ('sturz am ostermontag', 'fell on boxing day'; session 47): the same
# feasts matched in any case, the gate on the words only a feast holds
HOLIDAY_LOWER_HINTS = ("silvester", "heiligabend", "neujahr", "thanksgiving", "halloween", "oster", "pfingst",
                       "karfreitag", "himmelfahrt", "fronleichnam", "allerheiligen", "weihnacht", "rosenmontag",
                       "aschermittwoch", "boxing day", "good friday", "easter", "christmas", "anzac", "waitangi",
                       "hogmanay", "new year", "fastnacht", "fasching", "fasnet", "valentin", "muttertag", "vatertag",
                       "bonfire", "guy fawkes", "gründonnerstag", "labour day", "labor day", "memorial day")
HOLIDAY_RE = re.compile(r"(?<![\w])(?:New[ \t]Year(?:'|’)?s(?:[ \t](?:Eve|Day))?|Christmas[ \t](?:Eve|Day)|"
                        r"Boxing[ \t]Day|"
                        r"Silvester(?:nacht|abend|feier|party)?|Neujahrsnacht|Heiligabend|Neujahr(?:stag)?|"
                        r"Thanksgiving(?:[ \t]Day)?|Halloween|"
                        r"Independence[ \t]Day|Fourth[ \t]of[ \t]July|St\.?[ \t]Patrick(?:'|’)?s[ \t]Day|"
                        r"(?:Canada|Australia|Anzac|Waitangi|Labou?r|Memorial|Veterans(?:'|’)?)[ \t]Day|"
                        r"(?:Bonfire|Guy[ \t]Fawkes)[ \t]Night|"
                        # the movable feasts and carnival days ('an Weiberfastnacht', 'on Good Friday'; session 21)
                        r"Weiberfastnacht|Altweiberfastnacht|Rosenmontag|(?:Fastnachts|Faschings|Veilchen)dienstag|"
                        r"Aschermittwoch|Gründonnerstag|Karfreitag|Oster(?:sonntag|montag)|Pfingst(?:sonntag|montag)|"
                        r"Christi[ \t]Himmelfahrt|Himmelfahrtstag|Fronleichnam|Allerheiligen|Reformationstag|"
                        r"(?:[12]\.|[Ee]rste[nm]?|[Zz]weite[nm]?)[ \t]Weihnachts(?:feier)?tag|"
                        r"Good[ \t]Friday|Easter[ \t](?:Sunday|Monday)|Whit[ \t]Monday|Shrove[ \t]Tuesday|"
                        r"Ash[ \t]Wednesday|Maundy[ \t]Thursday|Pancake[ \t]Day|Mardi[ \t]Gras|Hogmanay|"
                        r"(?:Remembrance|Victoria|Boxing|Armistice|Presidents(?:'|’)?|Columbus|"
                        r"Martin[ \t]Luther[ \t]King)[ \t]Day|"
                        # the southern carnival days, saints' days and other feasts (session 27: 'am Schmotzigen
                        # Donnerstag', 'on Valentine's Day'); a feast of several days only after a preposition
                        r"(?:Schmotzige|Schmutzige|Gumpige|Glombige|Unsinnige|Fette|Rußige|Russige)[nr]?[ \t]"
                        r"(?:Donnerstag|Freitag)|Nelkensamstag|Tulpensonntag|Funkensonntag|Karsamstag|Palmsonntag|"
                        r"Fas(?:net|nacht|ching|tnacht)s?(?:montag|sonntag|samstag|dienstag)|Fasnetsmendig|"
                        r"Dreikönig(?:stag)?|Heilige(?:n)?[ \t]Drei[ \t]Könige|Nikolaus(?:tag|abend)|Martinstag|"
                        r"Mariä[ \t]Himmelfahrt|Tag[ \t]der[ \t]Deutschen[ \t]Einheit|Maifeiertag|Muttertag|Vatertag|"
                        r"Valentinstag|(?:Valentine|Mother|Father|St\.?[ \t](?:Andrew|David|George))(?:'|’)?s[ \t]Day|"
                        r"Burns[ \t]Night|Diwali|Eid[ \t]al-(?:Fitr|Adha)|(?<=on[ \t]|at[ \t])Eid|Juneteenth|"
                        r"Kamehameha[ \t]Day|"
                        r"Hanukkah|Chanukka|Kwanzaa|Cinco[ \t]de[ \t]Mayo|Easter[ \t]Saturday|Palm[ \t]Sunday|"
                        r"(?<=an[ \t]|zu[ \t])(?:Weihnachten|Ostern|Pfingsten)|"
                        r"(?<=on[ \t]|at[ \t])(?:Christmas|Easter))(?![\w])", re.IGNORECASE)
# a French town by its hyphenated particle ('Sierck-les-Bains', 'Châlons-en-Champagne', 'Saint-Jean-de-Luz',
# 'Pont-à-Mousson'): a place's shape, whatever its words (session 21)
FRENCH_TOWN_RE = re.compile(rf"(?<![\w\-])[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)*-(?:lès|les|lez|sur|sous|en|le|la|aux|au|"
                            rf"du|de|des|à|d'[{UP}][{LOW}]+)(?:-[{UP}][{LOW}]+)+(?![\w\-])")
FRENCH_TOWN_HINT_RE = re.compile(r"-(?:lès|les|lez|sur|sous|en|le|la|aux|au|du|de|des|à|d')-")
# a German town with its river or region in brackets ('Waren (Müritz)', 'Frankfurt (Oder)', 'Weiden (Oberpfalz)'):
# the bracket's word is a river below or a listed place or proper word, the town no noun or safe word unless
# it follows a comma (checked in find; session 21)
BRACKET_WORD_RE = re.compile(rf"[ \t]\((?P<r>[{UP}][{LOW}]+)\)")  # speed: found first, the town before it after
TOWN_BEFORE_RE = re.compile(rf"(?<![\w\-])(?P<t>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)[ \t]*\Z")
AM_SEE_RE = re.compile(r"[ \t]+(?:am[ \t]+See|AM[ \t]+SEE|am[ \t]+see)(?![\w])")
ABOARD_BEFORE_RE = re.compile(r"(?<![\w])(?:an|von|über)[ \t]+\Z")  # '[an] Bord' (name-wide; session 50)
# a town's river or region after it ('[Neuberg] an der Mürz', '[Rothenburg] ob der Tauber', '[Weiden] in der
# Oberpfalz', '[Frankfurt] am Main', '[St. Michael] ob Bleiburg'; session 50): checked in _river_after_town
RIVER_AFTER_TOWN_RE = re.compile(rf"[ \t]+(?P<p>an[ \t]+der|ob[ \t]+der|a\.[ \t]?d\.|in[ \t]+der|am|im|ob)[ \t]+"
                                 rf"(?P<w>[{UP}][{LOW}]+)(?![\w-])")
TOWN_RIVERS = frozenset(("oder", "saale", "main", "elbe", "weser", "lahn", "mosel", "donau", "fulda", "werra", "havel",
                         "spree", "ilm", "isar", "inn", "ems", "ruhr", "rhein", "neckar", "dill", "eder", "saar",
                         # Austria's and Switzerland's ('Bruck an der Mur', 'Weyer an der Enns'; session 50)
                         "mur", "mürz", "enns", "traun", "ybbs", "salzach", "drau", "raab", "krems", "lavant", "thaya",
                         "leitha", "erlauf", "pielach", "aare", "reuss", "limmat", "thur", "emme", "rhone"))
# a river's island, canal, bank or bridge named by the river ('Donauinsel', 'am Donaukanal', 'Rheinufer', 'Elbstrand':
# one of TOWN_RIVERS, and 'Elb' as compounds write the Elbe): a place in any case (session 29)
_RIVER_TAILS = r"(?:insel|kanal|ufer|strand|brücke|bruecke|hafen|wiese|wiesen|auen?|promenade|radweg|deich|damm)"
RIVER_COMPOUND_HINT_RE = re.compile(_RIVER_TAILS)  # speed: on the lower-cased text first
RIVER_COMPOUND_RE = re.compile(rf"(?<![\w-])(?i:{'|'.join(sorted(TOWN_RIVERS | {'elb'}))})-?(?i:{_RIVER_TAILS})"
                               rf"(?![\w])")
# a town named with its river ('Volkach am Main', 'Hattenheim am Rhein', 'Rothenburg ob der Tauber'): the river goes
# with the town (session 28; the town alone was found, the river stayed)
TOWN_RIVER_RE = re.compile(rf"(?<![\w-])(?P<t>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)[ \t]+"
                           rf"(?:am|an[ \t]+der|ob[ \t]+der|a\.[ \t]?(?:d\.|M\.))[ \t]+(?P<r>[{UP}][{LOW}]+)(?![\w])")
# a mountain by its abbreviation ('at Mt. Bachelor', 'Mt Ruapehu'), whatever its words: 'Mt' is never a finding, but
# after a number it is months ('seit 3 Mt.'; session 21)
MT_PLACE_RE = re.compile(rf"(?<![\w])(?<!\d[ \t])Mt\.?[ \t]+[{UP}][{LOW}]+(?:[ \t\-][{UP}][{LOW}]+)?(?![\w])")
# a hospital, school or home named by a hyphenated compound of title-case words ('Heilig-Geist-Hospital',
# 'Röntgen-Gymnasium', 'Sankt-Anna-Stift'; session 48): the words may be ordinary ones or an eponym, the compound
# names one place. Generic heads ('Praxis', 'Klinik', 'Zentrum') stay out: 'Ortho-Praxis', 'Univ.-Klinik'
_NAMED_COMPOUND_HEADS = (r"Hospital|Krankenhaus|Spital|Klinikum|Gymnasium|Schule|Grundschule|Realschule|Mittelschule|"
                         r"Volksschule|Kindergarten|Kita|Stift|Heim|Hospiz")
NAMED_COMPOUND_HINT_RE = re.compile(rf"-(?:{_NAMED_COMPOUND_HEADS})(?![\w-])")
NAMED_COMPOUND_RE = re.compile(rf"(?<![\w.-])(?:[A-ZÄÖÜ][a-zäöüß]{{2,}}-)+(?=(?:{_NAMED_COMPOUND_HEADS})(?![\w-]))"
                               r"[A-Z][a-z]+")
# a square every town has, named as the place something happened ('am Marktplatz', 'on the hauptplatz'; session 48)
CIVIC_SQUARE_RE = re.compile(r"(?<![\w])(?i:am|vom|zum|beim|auf dem|über den|vor dem|on the|at the|in the)[ \t]+"
                             r"(?P<w>(?i:markt|haupt|stadt|rathaus|dom|schloss|kirch|münster|residenz|theater|bahnhofs?)"
                             r"platz)(?![\w])")
CIVIC_SQUARE_HINT_RE = re.compile(r"(?i:platz)")
# a town's festival by the town's adjective ('Murnauer Volksfest', 'beim Volkacher Weinfest'; session 48)
_TOWN_EVENTS = (r"Volksfest|Stadtfest|Weinfest|Dorffest|Kirchweih|Kirtag|Christkindlmarkt|Weihnachtsmarkt|Adventmarkt|"
                r"Frühlingsfest|Herbstfest|Altstadtfest|Schützenfest|Seefest|Zeltfest|Stadtlauf|Faschingsumzug|"
                r"Faschingszug|Kirmes|Kerwa")
PLACE_EVENT_RE = re.compile(rf"(?<![\w])[A-ZÄÖÜ][a-zäöüß]+er[ \t]+(?:{_TOWN_EVENTS})(?![\w])")
PLACE_EVENT_HINT_RE = re.compile(rf"er[ \t]+(?:{_TOWN_EVENTS})")
# a place or school named for a saint, written in lower case ('from st joeys', '(st phils)', 'in st. andrä', 'der
# ms st. stefan'; session 48): after 'st' a listed given name, perhaps with a genitive ending; after 'st.' also a
# word no list knows. A street's 'st' is followed by an ordinary word ('on morgan st after school')
SAINT_NAME_LOWER_RE = re.compile(r"(?<![\w.])(?:st(?P<dot>\.)?|sankt)[ \t]+(?P<n>[a-zäöüß]{3,}(?:['’]s)?)(?![\w'’-])")
# a school by its kind's abbreviation and its town, typed in lower case after a German article ('im Schulhof der vs
# <town>', 'an der hak <town>', 'turnhalle der ms st. <name>'; session 48): Austrian and German school kinds
_SCHOOL_ABBRS = r"vs|ms|nms|bg|brg|borg|hak|has|htl|hlw|gs|hs|ps|ahs|bhs|pts"
SCHOOL_ABBR_LOWER_RE = re.compile(r"(?<![\w])(?:der|die|den|dem|zur|in der|an der|von der|vor der)[ \t]+"
                                  rf"(?P<n>(?i:{_SCHOOL_ABBRS})[ \t]+"
                                  r"(?:st\.?[ \t]+)?(?P<w>[a-zäöüß][\w-]{2,}))(?![\w])")
SCHOOL_ABBR_HINT_RE = re.compile(rf"(?:der|die|den|dem|zur) (?:{_SCHOOL_ABBRS}) ")  # (on the lower-cased text)
# a relative's given name typed in lower case between the kin word and what they told ('wife <name> says he was
# winded', 'his daughter <name> says'; session 48): the place of a name, whatever the word
_SAYS_VERBS = r"says|said|reports|reported|states|stated|noticed|heard|saw|thinks|mentions|witnessed|rang"
KIN_SAYS_LOWER_RE = re.compile(r"(?<![\w])(?:wife|husband|son|daughter|mum|mother|dad|father|partner|brother|sister|"
                               r"nan|nana|grandma|grandad|granddad|grandson|granddaughter|friend|neighbour|flatmate|"
                               r"mate|girlfriend|boyfriend|aunt|uncle|cousin)[ \t]+(?P<n>[a-z][a-z'’-]+)[ \t]+"
                               rf"(?:{_SAYS_VERBS})(?![\w])")
KIN_SAYS_HINT_RE = re.compile(rf" (?:{_SAYS_VERBS})(?![\w])")
# a volunteer fire brigade by its town ('durch die FF <Town>', 'beim zeltfest der ff <town>'; session 48)
FIRE_BRIGADE_RE = re.compile(r"(?<![\w])(?:FF|ff|FFW|ffw|Freiwillige[nr]? Feuerwehr)[ \t]+"
                             r"(?P<w>[A-Za-zÄÖÜäöü][\w-]{2,})"
                             r"(?:[ \t]+(?:am|an der|im|bei)[ \t]+[A-Za-zÄÖÜäöü][\w-]{2,})?(?![\w])")
# ... and a rural fire brigade by its place ('brought in by the <place> brigade', 'volunteers with <place> rfs')
BRIGADE_AFTER_RE = re.compile(r"(?<![\w])(?P<w>[A-Za-z][a-z'’-]{2,})[ \t]+(?:rfs|RFS|ses|SES|cfa|CFA|brigade|Brigade)"
                              r"(?![\w])")
# a farm by its house name ('am Hof vlg. <Name>', '(vulgo <Name>, <village>)'; session 48)
VULGO_RE = re.compile(r"(?<![\w])(?:vlg\.|vulgo)[ \t]+[A-ZÄÖÜ][\w-]+")
# a word written with a macron ('Whangārei', 'Hēnare-Macdonald', 'Ōpōtiki'; session 48): in a German or English
# report only a te reo Māori name or place carries one; the common te reo words are in safe_words.txt
MACRON_HINT_RE = re.compile(r"[āēīōūĀĒĪŌŪ]")
MACRON_WORD_RE = re.compile(r"(?<![\w'’-])(?:[\w'’]+-)*[\w'’]*[āēīōūĀĒĪŌŪ][\w'’]*(?:-[\w'’]+)*")
# a Vietnamese name by its middle word ('Lê Thị Hồng', 'Nguyễn Văn An'), in any position (session 18)
VIET_NAME_RE = re.compile(rf"(?<![\w])(?:[{UP}][\w]*[ \t]+)?(?:Thị|Văn|THỊ|VĂN)(?:[ \t]+[{UP}][\w]*){{1,2}}")
# an all-caps line of three words or more (teleradiology, ALL CAPS histories)
CAPS_LINE_HINT_RE = re.compile(r"[A-Z]{3,}[ \t]+[A-Z]{2,}[ \t]+[A-Z]{3,}")
CAPS_LINE_RE = re.compile(rf"^[^{LOW}\n]*[{UP}]{{3,}}[ \t]+[{UP}]{{2,}}[ \t]+[{UP}]{{3,}}[^{LOW}\n]*$", re.MULTILINE)
TITLE_WORD_RE = re.compile(rf"[{UP}][{UP}'’]+")
# closed-class words an all-caps line's title-case reading keeps lower-case (prepositions, articles, conjunctions,
# the verbs that bring an outside study in), so a name's run stops at them as in prose
CAPS_GLUE = CLOSED_WORDS | frozenset((
    "a", "via", "per", "dated", "seen", "sent", "transferred", "referred",
    "after", "before", "during", "while", "when", "since", "until",  # 'FELL AFTER [X] PRACTICE' (session 27)
    "der", "die", "das", "des", "dem", "den", "am", "im", "an", "auf", "aus", "bei", "vom", "von", "zum", "zur", "zu",
    "mit", "nach", "und", "oder", "für"))
CAPS_NAME_GLUE = frozenset(("of", "and", "und", "für", "for", "the", "de", "la"))  # glue inside a name
# a hospital's head word, and the words before it that name no one hospital ('OUTSIDE HOSPITAL')
CAPS_INSTITUTION_HEADS = frozenset(("hospital", "infirmary", "medical", "clinic", "klinikum", "krankenhaus", "spital",
                                    "klinik"))
GENERIC_INSTITUTION_LEFT = frozenset((
    "outside", "local", "another", "other", "this", "that", "our", "your", "same", "referring", "previous", "prior",
    "nearest", "nearby", "district", "regional", "general", "community", "county", "city", "university", "state",
    "childrens", "children's", "veterans", "private", "public", "teaching", "rural", "mental", "rehabilitation",
    "main", "military", "army", "field", "base", "tertiary", "receiving", "admitting", "sending", "home", "mission",
    "government", "cottage", "kreis", "stadt", "landes", "bezirks", "st", "saint", "sankt", "memorial"))
VERSUS_TEAM_RE = re.compile(rf"[ \t]+(?:v|vs\.?|versus|gegen)[ \t]+(?P<t>{WORD}(?:[ \t]+{WORD}){{0,2}})")
# a capitalised word and a country or state after it, in brackets or after a comma (session 45)
PLACE_REGION_AFTER_RE = re.compile(rf"(?<![\w-])(?P<p>{WORD})[ \t]*(?:\([ \t]*|,[ \t]+)"
                                   rf"(?P<r>[{UP}][{LOW}]+(?:[ \t]+[{UP}][{LOW}]+){{0,2}})(?=[ \t]*[).,;:\n]|$)")
HYPHEN_TAIL_RE = re.compile(rf"-[{LOW}]{{2,12}}(?![\w-])")
REGION_ABBREVIATIONS = frozenset(("US", "U.S.", "U.S.A.", "UK", "U.K.", "NZ", "GB"))
# a country or a state written after a removed place: '[Christchurch], Neuseeland', '[Buffalo NY], USA', '[Taos Ski
# Valley], New Mexico (USA)', '[LaGrange]/Georgia': a word of the identifier its author wrote (session 42); only a
# name data/regions.txt holds (or US, UK, NZ), so ', Fraktur' or '(s.o.)' stays
REGION_TAIL_RE = re.compile(r"(?:,[ \t]*|[ \t]*(?P<ob>\()[ \t]*|/)(?P<w>[A-ZÄÖÜ][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2}?)"
                            r"(?(ob)[ \t]*\))(?=[ \t]*(?:[.,;:)(/|\n]|$)|[ \t]+[a-zäöü])")
# a German article or contracted preposition right before a word, and a lower-case word right after one
# a German article, or a preposition fused with one ("beim Reiten", "zur Wache"; session 21); not 'am', which names a
# place as often ('am Kramer'); 'im' since session 26 ('im Urlaub'), unless a listed place stands before it
# (PLACE_GLUE_BEFORE_RE: 'Fürth im Wald')
ARTICLE_BEFORE_RE = re.compile(r"(?<![\w])(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|beim|vom|"
                               r"zum|zur|ins|ans|aufs|übers|ums|im)[ \t]+\Z")
# ... or its article and an inflected adjective ('des rechten Armes'; session 49)
ARTICLE_ADJ_BEFORE_RE = re.compile(r"(?<![\w])(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|im|vom|"
                                   r"zum|zur|beim)[ \t]+[a-zäöüß]{3,}(?:e|en|er|em|es)[ \t]+\Z")
MULTIWORD_RE = re.compile(rf"[{UP}{LOW}]+(?:[ \t]+[{UP}{LOW}]+){{1,4}}")  # two to five words, letters only
ENGLISH_PLACE_PREPS = frozenset(("in", "near", "from", "outside", "around", "towards", "via"))
# ... and the prepositions that make a capitalised unknown word inside an English sentence a place rather than a name
# (Anonymizer._midsentence_proper)
PLACE_PREPOSITIONS = ENGLISH_PLACE_PREPS | frozenset(("at", "to", "into", "past", "nr", "between", "across"))
# ... and the words before a venue or a firm named by an ordinary word ('at the Oval', 'off Stone Lock'; session 40)
VENUE_LEAD_WORDS = frozenset(("the", "on", "off"))
NEXT_CAP_RE = re.compile(r"[ \t]+[A-Z]")
# a name that carries its article capitalised inside a sentence: a pub, a venue, a town ('works behind the bar at The
# Gate', 'bei den OCN Blizzard in The Pas'; session 40); checked in _the_names (no safe word, no acronym)
MIDSENTENCE_THE_RE = re.compile(r"(?<=[a-z,;(] )The(?P<n>(?:[ \t]+(?:[A-Z][a-z][\w'’&\-]*|of|and|&))+)")
# German side adjectives opening a sentence (the wider name lists hold 'Linker' and 'Rechter' as surnames)
SIDE_ADJECTIVES = frozenset(p + e for p in ("link", "recht", "beidseitig", "beiderseitig")
                            for e in ("e", "er", "es", "en", "em"))
WEEKDAY_RE = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Weekend|Christmas|Easter|Halloween|"
                        r"(?:Mon|Diens|Donners|Frei|Sams|Sonn)tag|Mittwoch|Sonnabend")
PLACE_GLUE_WORDS = frozenset(("am", "an", "der", "im", "ob", "bei", "upon", "on", "the"))
HYPHEN_PARTICLE_RE = re.compile(r"-(?:in|up|on|out|off|through)(?![\w])")
CONTRACTED_ARTICLE_BEFORE_RE = re.compile(r"(?<![\w])(?:beim|zum|vom|zur|ins|aufs)[ \t]+\Z")
PLACE_GLUE_BEFORE_RE = re.compile(rf"(?P<p>{WORD})[ \t]+im[ \t]+\Z")
# the first part of a suspended German compound ("Reit- und Fahrverein", "Feuer- und Rettungswache"; session 21)
SUSPENDED_COMPOUND_RE = re.compile(r"-[ \t]+(?:und|oder|u\.|bzw\.|sowie)[ \t]+")
SUSPENDED_BEFORE_RE = re.compile(rf"(?<![\w])[{UP}][{LOW}]*-[ \t]+(?:und|oder|u\.|bzw\.|sowie)[ \t]+\Z")
LOWER_AFTER_RE = re.compile(rf"[ \t]+[{LOW}]")
# a typist's initials after the signing name at a line's end ('dr. w. thaler / ak', 'Dr. K. Rao/jm'; session 27)
TYPIST_AFTER_NAME_RE = re.compile(r"[ \t]*/[ \t]*[A-Za-z]{2,3}(?=[ \t]*(?:\n|$))")
# a generational suffix after a removed name ('[Hollis J. Manigault] III', '[Ray Boudreaux], Jr.'; session 20)
NAME_SUFFIX_RE = re.compile(r"(?:,?[ \t]+(?:Jr\.?|Sr\.?|JR\.?|SR\.?)|[ \t]+(?:II|III|IV))(?![\w])")
NAD_POD_RE = re.compile(rf"[ \t](?:nad|pod|na|u)[ \t]+[{UP}][{LOW}]+(?![\w])")
# a venue or workplace named after a removed name, any case ('[Pinecrest] stables', '[Westfield] trampoline park')
VENUE_SUFFIX_RE = re.compile(r"[ \t](?i:stables|arena|stadium|rink|oval|showground|racecourse|velodrome|skisenter|"
                             # session 50: '[Rankin St] chemist', '[Seymour St] servo', '[Condo Rd] plant'
                             r"chemist|pharmacy|servo|bakery|butcher|newsagent|takeaway|pub|hostel|motel|tavern|"
                             r"depot|meatworks|abattoir|supermarket|plant|saddle|lookout|summit|"
                             r"skicentre|(?:trampoline|skate|water|theme|holiday|caravan|trailer|business|industrial|"
                             r"retail)[ \t]park|(?:care|leisure|sports?|community|garden|shopping|fitness)[ \t]"
                             r"cent(?:re|er)|youth[ \t]academy|sawmill|boatyard|shipyard|dockyard|clubhouse|"
                             # session 18: '[Yuendumu] clinic', '[Elphin] mart', '[George Fisher] mine'
                             r"clinic|mart|mine|colliery|quarry|(?:parish|church|community|village)[ \t]hall|"
                             r"health[ \t]cent(?:re|er)|"
                             # session 19: '[Brookhaven] care home', '[Santa Rita] pit'
                             r"(?:care|nursing|residential)[ \t]home|pit)(?![\w])")
# an institution's generic last word left after it (session 20: '[Ruiru Level 4] Hospital', '[Harris] HEALTH')
INSTITUTION_NOUN_TAIL_RE = re.compile(r"[ \t](?:Hosp\.?|HOSP\.?|hosp\.?|Hospital|HOSPITAL|Private|PRIVATE|Health|"
                                      r"HEALTH|Ortho|ORTHO)(?![\w])")
US_STATES = ("AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|"
             "OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC")
# a town by the postcode after it: a US state and ZIP ('Reading PA 19606-1723'), a Canadian province and postal
# code ('Toronto ON M5J 0B1'); the town's words whatever they are ('Reading', 'Mountain View'; session 38)
TOWN_POSTCODE_RE = re.compile(
    rf"(?<![\w])(?P<t>(?:{WORD}|{UPPER_WORD})(?:[ \t]+(?:{WORD}|{UPPER_WORD})){{0,2}}),?[ \t]+"
    rf"(?:(?:{US_STATES})[ \t]+\d{{5}}(?:-\d{{4}})?|(?:BC|AB|SK|MB|ON|QC|NB|NS|PE|NL|YT|NT|NU)[ \t]+"
    r"[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)(?![\w-])")
# ... and a Dutch postcode before its town, opening an address segment ('..., 2564 AZ Den Haag')
DUTCH_POSTCODE_TOWN_RE = re.compile(rf"(?:(?<=, )|^)[1-9]\d{{3}}[ \t]?[A-Z]{{2}}[ \t]+"
                                    rf"(?P<t>{WORD}(?:[ \t]+{WORD}){{0,2}})(?![\w])", re.MULTILINE)
STATE_AFTER_RE = re.compile(rf",?[ \t]+(?:{US_STATES})(?![\w])(?=[ \t]*(?:\d{{5}}|[,.;:)|\n]|$))")
# a German adjective of a town and the noun it names ('Kieler Woche', 'Hamburger Hafengeburtstag', 'Münchner
# Oktoberfest', 'Bremer Freimarkt'): the town is checked in find (session 27)
TOWN_ADJ_HINT_RE = re.compile(rf"[{LOW}]er[ \t][{UP}]")  # speed: most reports hold no such pair
TOWN_ADJ_RE = re.compile(rf"(?<![\w\-])(?P<a>[{UP}][{LOW}]{{2,}}er)[ \t]+(?P<n>[{UP}][{LOW}]{{3,}})(?![\w\-])")
# states, provinces and Länder written out: joined to a removed place after its comma (PROVINCE_AFTER_RE), and the
# town before one goes (STATE_TAIL_RE; session 34)
_STATE_NAMES = (
    r"(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|"
    r"Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    r"Mississippi|Missouri|Montana|Nebraska|Nevada|New[ \t]Hampshire|New[ \t]Jersey|New[ \t]Mexico|New[ \t]York|"
    r"North[ \t]Carolina|North[ \t]Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode[ \t]Island|South[ \t]Carolina|"
    r"South[ \t]Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West[ \t]Virginia|Wisconsin|Wyoming|"
    r"Alberta|British[ \t]Columbia|Manitoba|New[ \t]Brunswick|Newfoundland(?:[ \t]and[ \t]Labrador)?|Nova[ \t]Scotia|"
    r"Ontario|Prince[ \t]Edward[ \t]Island|Qu[eé]bec|Saskatchewan|Yukon|Nunavut|Northwest[ \t]Territories|"
    r"Queensland|New[ \t]South[ \t]Wales|Victoria|Tasmania|South[ \t]Australia|Western[ \t]Australia|"
    r"Northern[ \t]Territory|"
    r"Bayern|Hessen|Sachsen|Th[üu]ringen|Brandenburg|Niedersachsen|Tirol|Vorarlberg|K[äa]rnten|Steiermark|"
    r"Salzburg|Burgenland)")
# the counties of Britain and Ireland: below a state, so identifiers themselves (a town before one: 'Kirkby,
# Merseyside', 'Ennis, Clare'; session 34)
_COUNTY_NAMES = (
    r"(?:Bedfordshire|Berkshire|Buckinghamshire|Cambridgeshire|Cheshire|Cornwall|Cumbria|Derbyshire|Devon|Dorset|"
    r"Durham|(?:East|West)[ \t]Sussex|Essex|Gloucestershire|Greater[ \t](?:London|Manchester)|Hampshire|"
    r"Herefordshire|Hertfordshire|Isle[ \t]of[ \t]Wight|Kent|Lancashire|Leicestershire|Lincolnshire|Merseyside|"
    r"Middlesex|Norfolk|Northamptonshire|Northumberland|Nottinghamshire|Oxfordshire|Rutland|Shropshire|Somerset|"
    r"Staffordshire|Suffolk|Surrey|Tyne[ \t]and[ \t]Wear|Tyneside|Teesside|Wearside|Humberside|Warwickshire|"
    r"West[ \t]Midlands|Wiltshire|Worcestershire|(?:North|South|West|East)[ \t]Yorkshire|Yorkshire|"
    r"Gwynedd|Powys|Dyfed|Clwyd|Glamorgan|Pembrokeshire|Carmarthenshire|Ceredigion|Anglesey|Monmouthshire|"
    r"Denbighshire|Flintshire|Aberdeenshire|Fife|(?:East|West|Mid)?[ \t]?Lothian|Midlothian|Lanarkshire|Ayrshire|"
    r"Renfrewshire|Dumfries[ \t]and[ \t]Galloway|Perthshire|Argyll|Moray|Stirlingshire|Inverness-shire|"
    r"Antrim|Armagh|Carlow|Cavan|Clare|Cork|Derry|Donegal|Down|Fermanagh|Galway|Kerry|Kildare|Kilkenny|Laois|"
    r"Leitrim|Limerick|Longford|Louth|Mayo|Meath|Monaghan|Offaly|Roscommon|Sligo|Tipperary|Tyrone|Waterford|"
    r"Westmeath|Wexford|Wicklow)")
# a word with a capital inside that no list knows ('CargoCity', 'SonnenTours', 'PhilCare'; session 34): a firm's, an
# insurer's or a family's name (on the tuning set every such word was one; implants and DICOM tags are listed)
CAMEL_WORD_RE = re.compile(r"(?<![\w'’\-])[A-Z][a-zäöüß]+(?:[A-Z][a-zäöüß]+)+(?:UK|US|USA|EU|NZ|AU)?(?![\w'’\-])")
CAMEL_HINT_RE = re.compile(r"[a-zäöüß][A-Z]")
# an institution named by a hyphenated compound of its own name and its kind ('Elbe-Jeetzel-Klinik', 'Pokrova-Gemeinde';
# session 34): a part before the kind a proper word, none a safe one (checked in find: 'Unfall-Klinik' stays)
_HYPHEN_INSTITUTION_HEADS = ("Klinik|Klinikum|Kliniken|Krankenhaus|Spital|Hospital|Praxis|Gemeinde|Kirchengemeinde|"
                             "Pfarrei|Schule|Grundschule|Gymnasium|Realschule|Kita|Kindergarten|Stiftung")
HYPHEN_INSTITUTION_RE = re.compile(rf"(?<![\w\-])(?P<n>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)*)-"
                                   rf"(?:{_HYPHEN_INSTITUTION_HEADS})(?![\w\-])"
                                   # ... and in capitals ('VERLEGUNG NACH AURICH (UBBO-EMMIUS-KLINIK)'; session 44)
                                   rf"|(?<![\w\-])(?P<c>[{UP}]{{2,}}(?:-[{UP}]{{2,}})*)-(?:{_HYPHEN_INSTITUTION_HEADS.upper()})"
                                   rf"(?![\w\-])")
HYPHEN_INSTITUTION_HINTS = ("-Kli", "-Kra", "-Spi", "-Hos", "-Pra", "-Gem", "-Kir", "-Pfa", "-Sch", "-Gru", "-Gym",
                            "-Rea", "-Kit", "-Kin", "-Sti", "-KLI", "-KRA", "-SPI", "-HOS", "-PRA", "-SCH", "-GRU",
                            "-GYM", "-REA", "-KIT", "-KIN", "-STI")
# a trade union's local by its number ('ILA LOCAL 333', 'IBEW Local 98'; session 34)
UNION_LOCAL_RE = re.compile(r"(?<![\w])(?:[A-Z]{2,6}[ \t]+)?(?:LOCAL|Local)[ \t]+\d{1,4}"
                            r"(?![\w]|[.,]\d|[ \t]*(?i:mm|cm))")
# a guild, an inn or a pharmacy named 'zum/zur ...' ('Zunft zur Meisen', 'GASTHAUS ZUM LÖWEN', 'zunft zur schmiden';
# session 34), in any case
INN_NAME_RE = re.compile(r"(?<![\w])(?i:zunft|zunfthaus|gasthaus|gasthof|wirtshaus|gaststätte|weinstube|brauerei|"
                         r"apotheke|hotel|restaurant)[ \t]+(?i:zum|zur|zu[ \t]+den)[ \t]+[^\W\d_][\w'’\-]*"
                         rf"(?:[ \t]+[{UP}][{LOW}]+){{0,2}}")  # ('Brauerei zum Goldenen Ochsen'; session 35)
# a lower-case report's allotment society, day care or inn with its quoted name ('kgv "abendrot" e.v.', "kita
# 'sonnenschein'"; session 34)
LOWER_QUOTED_NAME_RE = re.compile(r"(?<![\w])(?:kgv|kleingartenverein|gartenverein|gartensparte|kita|kindergarten|"
                                  r"gasthaus|gasthof|verein|hort)[ \t]+[\"„“'‚»«][^\n\"„“”'‚‘»«]{2,40}[\"“”'‘«»]"
                                  r"(?:[ \t]+e\.[ \t]?v\.)?")
# a firm's legal form in a report typed in lower case ('achatschleiferei wild & söhne', 'kessler bros ltd'; session
# 34): the words before it back to a closed-class word are its name (checked in find)
LOWER_COMPANY_FORM_RE = re.compile(r"(?<![\w])(?:gmbh|ggmbh|mbh|&[ \t]*s(?:ö|oe)hne|&[ \t]*sons|bros\.?|ltd\.?|llc|"
                                   r"inc\.|pty[ \t]+ltd)(?![\w])")
LOWER_COMPANY_HINTS = ("gmbh", "mbh", "hne", "sons", "bros", "ltd", "llc", "inc.")
# a road by its number ('on Road 9', 'NO. 3 ROAD', 'Highway 97', 'Route 66'; session 34)
NUMBERED_ROAD_RE = re.compile(r"(?<![\w])(?:(?:Road|ROAD|Highway|HIGHWAY|Hwy\.?|HWY|Route|ROUTE)[ \t]+\d{1,4}[A-Z]?"
                              r"|(?i:no\.)[ \t]?\d{1,3}[ \t]+(?:Road|ROAD|Rd\.?|RD|Basin|BASIN|Dock|DOCK|Berth|BERTH|"
                              r"Quay|QUAY|Wharf|WHARF|Shed|SHED|Pier|PIER))(?![\w])")
# a lake named by a town's adjective ('am Faaker See', 'FAAKER SEE, DROBOLLACH', 'Zeller See'; session 34): the
# adjective no ordinary word ('ein großer See')
LAKE_ADJ_RE = re.compile(rf"(?<![\w\-])(?P<a>[{UP}][{LOW}]{{2,}}er|[{UP}]{{3,}}ER)[ \t]+(?:See|SEE)(?![\w\-])")
# a town before its state or province abbreviation ('(Chéticamp, N.S.)', 'Moose Jaw, Sask.'; session 27): the state
# is found first (speed), the town's words before its comma after; dotted forms need their dot, bare ones a field end
_TAIL_STATES = "|".join(st for st in US_STATES.split("|")  # not those that are credentials or words too
                        if st not in ("MD", "PA", "MA", "DC", "ME", "IN", "OR", "OK", "HI"))
STATE_TAIL_RE = re.compile(rf",[ \t]*(?:(?:{_TAIL_STATES}|NS|NB|PE|NL|QC|ON|MB|SK|AB|BC|YT|NT|NU|NWT|PEI)(?![\w.])|"
                           r"(?:N\.[ \t]?S|N\.[ \t]?B|P\.[ \t]?E\.[ \t]?I|B\.[ \t]?C|Ont|Que|Sask|Alta|Man|Nfld|Tex|"
                           r"Okla|Kans|Tenn|Calif|Mass|Penn|Wash|Minn|Wis|Mich|Ark|Ala|Miss)\.|"
                           # written out, also before a bracket or a slash ('in LaGrange, Georgia/USA'; session 34)
                           rf"{_STATE_NAMES}(?![\w])|(?P<county>{_COUNTY_NAMES})(?![\w]))"
                           r"(?=[ \t]*(?:\d|[,.;:)(/|\n]|$))")
TOWN_WORD_RE = re.compile(r"[^ \t\-]+")
TOWN_STATE_BEFORE_RE = re.compile(rf"(?:^|(?<=[\s(:/]))(?P<t>[{UP}][\w'’]+(?:[ \t\-][{UP}][\w'’]+){{0,2}})\Z")
# a state or province written out after a removed place and its comma ('[Yorkton], Saskatchewan'; session 18)
PROVINCE_AFTER_RE = re.compile(rf",[ \t]*(?:{_STATE_NAMES}|{_COUNTY_NAMES}|NSW|QLD|WA|SA|NT|VIC|TAS|ACT|BC|AB|SK|MB|"
                               r"ON|QC|NB|NS|PE|NL)(?![\w])(?=[ \t]*(?:\d|[,.;:)|\n]|$))")
# after a removed name only in a place's position (', [Bellmore] NY'), and never a credential or an English word
PLACE_BEFORE_RE = re.compile(r"(?<![\w])(?:from|in|near|aus|bei|of|wohnhaft)[ \t]+\Z")
STATE_NOT_AFTER_NAME = frozenset(("MD", "PA", "MA", "ND", "DC", "ME", "IN", "OR", "OK", "HI"))
TOWN_IN_AFTER_RE = re.compile(rf"[ \t]+(?:in|bei|near)[ \t]+(?P<w>{WORD}|{UPPER_WORD})(?=[ \t]*(?:[.,;:)(|\n]|$))")
TOWN_AFTER_RE = re.compile(rf",[ \t]*(?P<w>{WORD}|{UPPER_WORD})(?=[ \t]*(?:[.,;:)|\n]|$))")
GEO_TAILS = ("see", "berg", "alm", "alp", "kogel", "joch", "horn", "spitze", "gletscher", "kees", "klamm", "kopf",
             "wand", "stein", "bichl", "buehel", "moos",
             # and the endings of German settlement names ('in Oberndorf', 'bei Ottersberg'); 'heim' and 'stadt'
             # stay out ('im Altenheim', 'in der Innenstadt'), as does 'burg' ('Sandburg')
             "dorf", "hausen", "ingen", "stedt", "buettel", "hofen", "kirchen", "weiler", "brunn", "rode",
             "roda", "bach",
             # session 18: 'in Haibühl', 'FFW Eckersmühlen', 'Wunsiedel-Schönreuth' ('-mühle' alone is a mill)
             "buehl", "muehlen", "reuth", "stetten",
             # session 29: a Berlin quarter and a bridge ('Höhe Reuterkiez', 'auf der Hardbrücke')
             "kiez", "bruecke")  # folded, see above
# a named trail ('am Rennsteig', 'auf dem Goldsteig'; session 27), not a generic one ('Gehsteig', 'Wanderpfad')
TRAIL_TAILS = ("steig", "pfad")
GENERIC_TRAIL_HEADS = ("wander", "fuss", "geh", "rad", "kletter", "wald", "feld", "trampel", "hoch", "schleich",
                       "kuesten", "ufer", "lehr", "berg", "burger", "bahn")
# the rest of a number broken across a line after its hyphen ('48.10.09-' / '204.51'): digits, dots, hyphens
ID_CONTINUED_RE = re.compile(r"-[ \t]*\n[ \t]*\d[\d./\-]*\d(?![\w])")
# a capitalised name particle right before a removed name, not opening a sentence or a line
LEAD_PARTICLE_RE = re.compile(r"(?<=[a-zäöüß,)][ \t])(?:De|Van|Von|Di|Da|Du|Le|La|Del|Della|Ten|Ter|Van[ \t]+de[nr]?|"
                              r"Von[ \t]+de[mnr]|Op[ \t]+(?:de[n]?|ten|het))[ \t]\Z"  # 'Op den [Kamp]' (session 24)
                              # an Irish surname's particle, after an initial or a field's colon too ('Mr G. Ó
                              # [Briain]', 'Patient: Ó [Súilleabháin]'; session 34)
                              r"|(?<=[\w.,:)][ \t])(?:Ó|Ní|Nic|Uí|Mac|Mhic)[ \t]\Z")
# a person's leading particles after a field's colon, a pipe or a tab, in any case ('Nachname: von und zu [Guttenberg]',
# 'Surname: VAN DER [BERG]'), and in capitals before a name in capitals ('| AL [MANSOURI, KHALID]'; session 37)
PARTICLES_BEFORE_RE = re.compile(rf"(?<![\w'’\-])(?:{PARTICLE_WORDS}[ \t]+)+\Z")
# ... but in capitals a German preposition or article is one first ('STURZ VON [..]', 'ABSTIEG VON DER [..]')
GERMAN_PREPOSITION_LEAD_RE = re.compile(r"(?:VON|VOM|ZU|ZUR|ZUM|DER|DEN|DEM)[ \t](?!UND[ \t]+ZU[ \t])")
# between a person's name and the birth date or age that identifies them: 'Köhler, [Björn] ([AGE])',
# 'Håkonsen, [Ingvild] Marie, f. [DATE]', 'Jürgen [Frank], [AGE]' (session 23)
NAME_TUPLE_GAP_RE = re.compile(r"[ \t]*(?:[,(;/]|[ \t][-–—][ \t])?[ \t]*(?:(?:[mfwdMFWD]|f\.|geb\.|b\.|born|DOB:?|"
                               r"\*)[ \t,.]*)?\(?\*?[ \t]*")
NAME_LEFT_WORD_RE = re.compile(rf"(?:^|(?<=[\s:|(/]))(?P<w>{WORD}|{UPPER_WORD})(?P<sep>,?)[ \t]+\Z")
NAME_RIGHT_WORD_RE = re.compile(rf"[ \t]+(?P<w>{WORD}|{UPPER_WORD})(?![\w'’.\-])")
ADJ_NOT = frozenset(("arzt", "arztin", "physician", "surgeon", "read", "reading", "via", "without", "after",
                     "preliminary", "remote", "provider", "phys", "ref", "loc", "site", "number", "imaging", "medicine",
                     "cephalic", "bike", "ortho"))
# the generic head noun of a place, a works or a venue, written in lower case after its name in English ('Hengrove
# depot', 'Partwitz lake'; session 32): it joins the removed name before it (Anonymizer._adjacent_proper)
HEAD_NOUNS = frozenset((
    "depot", "garage", "camp", "lake", "loch", "lough", "harbour", "harbor", "marina", "quay", "pier", "dock",
    "wharf", "bay", "beach", "cove", "creek", "river", "falls", "glacier", "trail", "track", "park", "gardens",
    "farm", "ranch", "estate", "mine", "pit", "colliery", "quarry", "mill", "refinery", "yard", "hall",
    "centre", "center", "club", "school", "college", "academy", "church", "chapel", "mosque", "temple",
    "gurdwara", "parish", "arena", "stadium", "ground", "grounds", "pitch", "rink", "pool", "gym", "campsite",
    "hotel", "inn", "pub", "tavern", "lodge", "hut", "cabin", "hostel", "clinic", "practice", "infirmary",
    "hospice", "crag", "moor", "hill", "valley", "glen", "dale", "island", "village", "reserve", "marae",
    "canteen", "market", "factory", "warehouse",
    # session 33: a brigade's, an event's, a grove's or a terminal's generic head ('[Harcourt] brigade', '[Lukachukai]
    # community rodeo', '[Dunmore] groves')
    "brigade", "rodeo", "grove", "groves", "orchard", "orchards", "vineyard", "winery", "station", "terminal", "fair",
    "festival", "regatta", "races", "team", "squad", "band", "choir", "league", "plant", "works",
    # session 34: '[Obernau] reservoir', '[Frankfurt] airport'
    "reservoir", "dam", "airport", "airfield", "heliport"))
HEAD_NOUN_RIGHT_RE = re.compile(r"[ \t](?P<w>[a-z]+)(?![\w'’\-])")
# 'the Old' before a removed name names a venue ('at the Old [Mill]', 'in der Old [Mill]'; session 50: 'Old' is a stop
# word elsewhere, 'old fracture')
THE_OLD_RE = re.compile(r"(?<![\w])(?i:the|der|die|dem|den)[ \t]+\Z")
ADJ_LEFT_RE = re.compile(rf"(?:^|(?<=[\s(]))(?P<w>{WORD}|{UPPER_WORD})[ \t]\Z")
ADJ_RIGHT_RE = re.compile(rf"[ \t](?P<w>{WORD}|{UPPER_WORD})(?![\w'’\-.])")
NAME_SANDWICH_RE = re.compile(rf"[ \t]+(?P<w>{WORD}|{UPPER_WORD})[ \t]+\Z")
# both ends of a way between two places typed in lower case ('between westonzoyland and middlezoy'; session 44;
# checked in Anonymizer._lower_kind_names), and the other end of one typed in normal case when one end was removed
# ('auf dem Radweg zwischen Manebach und [Ilmenau]', 'walking between [Buckden] and Hubberholme'; see
# Anonymizer._between_places)
LOWER_BETWEEN_RE = re.compile(r"(?<![\w])(?:between|zwischen)[ \t]+(?P<a>[a-zäöüß][a-zäöüß'’\-]{3,})[ \t]+"
                              r"(?:and|und)[ \t]+(?P<b>[a-zäöüß][a-zäöüß'’\-]{3,})(?![\w])")
BETWEEN_BEFORE_RE = re.compile(rf"(?:zwischen|between)[ \t]+(?P<w>{WORD})[ \t]+(?:und|and)[ \t]+\Z")
BETWEEN_AFTER_RE = re.compile(rf"[ \t]+(?:und|and)[ \t]+(?P<w>{WORD})(?![\w\-])")
BETWEEN_WORD_RE = re.compile(r"(?:zwischen|between)[ \t]+\Z")
SANDWICH_GAP_RE = re.compile(rf"(?:[ \t]|[ \t]?-)(?P<w>{WORD}|{UPPER_WORD}|y|upon|auf der|an der|vor der|ob der|"
                             rf"unter|&)(?:[ \t]|-[ \t]?)")


def _lower_institution_tails(text: str, spans: list[Span]) -> list[Span]:
    """A removed name or place followed by an institution's head in lower case ('[glen innes] medical centre',
    '[murwillumbah] bowls club', '[tenterfield] hosp ED', a header zone's '[Brecon] mountain rescue'; session 46) was
    the institution's name: the head goes with it (capitalised heads: Anonymizer._extend_institutions)."""
    out = []
    for i, sp in enumerate(spans):
        if sp.kind in ("NAME", "ADDRESS", "INSTITUTION"):
            limit = spans[i + 1].start if i + 1 < len(spans) else len(text)
            if (lm := LOWER_INSTITUTION_TAIL_RE.match(text, sp.end, limit)) is not None and not (
                    lm.group().lstrip() == "surgery" and OPERATION_BEFORE_RE.search(text, max(0, sp.start - 16),
                                                                                   sp.start)):
                # (not an operation: 'recent [Whipple] surgery' on IU's reports)
                sp = Span(sp.start, lm.end(), "INSTITUTION", sp.strength, "institution-words")
        out.append(sp)
    return out


def _merge_clusters(kept: list[Span]) -> list[Span]:
    """Same-kind overlaps merge; overlapping spans of different kinds ('Jan 20, 2009' as DATE, '2009 Chest...'
    as ADDRESS) become one placeholder over their union, typed by the best of them (strength, then length):
    a partial replacement would leave PHI behind."""
    kept = sorted(kept, key=lambda c: (c.kind, c.start, -c.end))
    merged: list[Span] = []
    for c in kept:
        if merged and merged[-1].kind == c.kind and c.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Span(last.start, max(last.end, c.end), c.kind, max(last.strength, c.strength), last.rule)
        else:
            merged.append(c)
    merged.sort(key=lambda c: (c.start, -c.end))
    out: list[Span] = []
    cluster: list[Span] = []
    end = -1
    for c in [*merged, None]:
        if c is not None and cluster and c.start < end:
            cluster.append(c)
            end = max(end, c.end)
            continue
        if cluster:
            best = min(cluster, key=lambda x: (-x.strength, -(x.end - x.start), KIND_ORDER.get(x.kind, 9)))
            whole = [x for x in cluster if x.kind == "INSTITUTION" and x.start == cluster[0].start and x.end == end]
            if whole:  # 'Praxis für Radiologie Dr. [Sommer]': the institution holds the name, not the reverse
                best = whole[0]
            out.append(Span(cluster[0].start, end, best.kind, best.strength, best.rule))
        if c is not None:
            cluster, end = [c], c.end
    return out


# ---------------------------------------------------------------------------- the anonymizer


# ---------------------------------------------------------------------------- speed: scouted scans
# A pattern opening with a look-around ('(?<![\w])Centre|...') is tried at every position of the text: the regex
# engine (sre) takes a literal prefix or first-character set only from a consuming first item. Its scout, the same
# pattern with every look-around removed, matches wherever the pattern does (fewer constraints) and opens with a
# literal or class that sre scans for; the pattern itself is then tried only where its scout matches. The matches
# are the pattern's own, the same as its finditer/search (an exact equivalence, derived from whatever the pattern
# says: a rule's text can change freely). Used only for the whole-text scans it measurably speeds up
# (bench/anonymizer_speed.py docstring).
_LOOKAROUND_OPENERS = ("(?=", "(?!", "(?<=", "(?<!")


def _class_end(p: str, i: int) -> int:
    """The index after the character class opening at p[i] == '['."""
    j = i + 1
    if p[j:j + 1] == "^":
        j += 1
    if p[j:j + 1] == "]":
        j += 1
    while j < len(p) and p[j] != "]":
        j += 2 if p[j] == "\\" else 1
    return j + 1


def _strip_lookarounds(p: str) -> str:
    """Pattern source `p` without its look-ahead and look-behind groups (nested ones included)."""
    out, i, n = [], 0, len(p)
    while i < n:
        c = p[i]
        if c == "\\":
            out.append(p[i:i + 2])
            i += 2
        elif c == "[":
            j = _class_end(p, i)
            out.append(p[i:j])
            i = j
        elif c == "(" and p.startswith(_LOOKAROUND_OPENERS, i):
            depth, j = 0, i
            while j < n:
                if p[j] == "\\":
                    j += 2
                    continue
                if p[j] == "[":
                    j = _class_end(p, j)
                    continue
                depth += {"(": 1, ")": -1}.get(p[j], 0)
                j += 1
                if depth == 0:
                    break
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


# Speed: gates asking whether a report holds any of many literal hints. One alternation of the escaped hints finds
# an occurrence iff `any(h in text for h in HINTS)` does; sre skips ahead on the alternation's set of first
# characters, so it beats one substring search per hint where the hints open with capitals or rare characters (each
# of these measured faster on the IU reports and on the tune corpora; for hints opening with common lower-case
# letters the per-hint search stays faster and is kept; session 45).
def _hint_re(hints) -> re.Pattern:
    """One pattern matching wherever any of the literal `hints` occurs."""
    return re.compile("|".join(re.escape(h) for h in sorted(set(hints), key=len, reverse=True)))


TEAM_HINT_RX, VESSEL_HINT_RX, SCHOOL_KIND_HINT_RX, NAMED_VENUE_HINT_RX, HYPHEN_INSTITUTION_HINT_RX, CLUB_HINT_RX, \
    BUSINESS_HINT_RX, PEAK_HINT_RX, HISTORY_HEAD_HINT_RX = map(_hint_re, (
        TEAM_WORDS, VESSEL_HINTS, SCHOOL_KIND_HINTS, NAMED_VENUE_HINTS, HYPHEN_INSTITUTION_HINTS, CLUB_HINTS,
        BUSINESS_HINTS, PEAK_HINTS, HISTORY_HEAD_HINTS))


class _Scouted:
    """A compiled pattern whose finditer and search try it only where its scout matches (see above); every other
    method is the pattern's own."""

    def __init__(self, rx: re.Pattern):
        self.rx = rx
        src = _strip_lookarounds(rx.pattern)
        self.scout = re.compile(src, rx.flags)
        # the scout's shortest match is no longer than the pattern's: > 0 means no empty match (finditer steps on)
        if re._parser.parse(src, rx.flags).getwidth()[0] == 0:
            raise ValueError(f"a pattern that may match empty text is not scouted: {rx.pattern!r}")

    def __getattr__(self, name: str):
        return getattr(self.rx, name)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        scout, match = self.scout.search, self.rx.match
        endpos = min(endpos, len(string))
        while (c := scout(string, pos, endpos)) is not None:
            m = match(string, c.start(), endpos)
            if m is not None:
                return m
            pos = c.start() + 1
        return None

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        endpos = min(endpos, len(string))
        while (m := self.search(string, pos, endpos)) is not None:
            yield m
            pos = m.end()  # never empty (checked above): the next match starts at or after the end


for _name in ("INITIAL_NAME_RE", "INSTITUTION_END_RE", "LOCATION_FIELD_RE", "VIEW_WORD_RE",
              "CAMEL_RUN_RE", "URL_RE", "COUNTY_RE", "DRES_RE", "BG_RE", "SITE_RE", "BABY_NAME_RE2", "PATTERN_HIT_RE",
              # (session 45: each faster scouted on the IU reports, as used: on the text or on its lower case)
              "NAME_PLACE_COMPOUND_RE", "UPPER_PLACE_RE", "PLACE_ADJ_RE", "TEAM_SPORT_RE", "LANDFORM_HINT_RE",
              "BABY_OF_RE",
              # (session 48: their hints, 'st' and 'ff', are in most reports)
              "SAINT_NAME_LOWER_RE", "FIRE_BRIGADE_RE"):
    globals()[_name] = _Scouted(globals()[_name])


class Anonymizer:
    """Detects and replaces PHI in one report at a time; construct once, reuse for every row."""

    def __init__(self, data_dir: str | os.PathLike | None = None, token_model: bool = True,
                 model_threshold: float = MODEL_THRESHOLD):
        d = Path(data_dir) if data_dir else DATA_DIR
        problems = data_problems(d, token_model)
        if problems:
            raise AnonymizerDataError(f"the anonymizer's data in {d} is incomplete ({'; '.join(problems)}): {DATA_FIX}")
        # the learned recall layer (client/anon_model.py), on by default since session 6: on a held-out pair
        # nobody had seen (m,n: 1,358 identifiers) whole-string recall 99.19 -> 99.48%, word by word 97.13 ->
        # 97.79%, over-redaction 5.43 -> 5.55%; it halves the anonymizer's speed (docs/text-quality.md).
        # token_model=False: the rules alone
        self.token_model = TokenModel.load(d / MODEL_FILE) if token_model else None
        self.model_threshold = model_threshold
        self._report_memo: tuple[str | None, dict] = (None, {})  # see _memo_for
        self.site_terms: SiteTerms | None = None  # a site's own terms: with_site_terms()
        self.eponyms = {fold(e) for e in read_list("eponyms.txt", d)}
        self.acronyms = {fold(w) for line in read_list("acronyms.txt", d) for w in line.split()}
        self.name_words = {fold(w) for w in read_list("name_words.txt", d)}
        self.not_names = {fold(w) for w in read_list("not_names.txt", d)}
        self.first_names = {fold(w) for w in read_list("first_names.txt", d)} - self.not_names
        self.surnames = {fold(w) for w in read_list("surnames.txt", d)} - self.not_names
        eps = sorted(read_list("eponyms.txt", d), key=len, reverse=True)
        ep_alt = "|".join(re.escape(e) for e in eps)
        ep_low = "|".join(re.escape(e.lower()) for e in eps)
        heads = WORD_SPLIT_RE.findall(" ".join(e.lower().split("-")[0] for e in eps))
        self.eponym_heads = frozenset(heads) | {h + "s" for h in heads}  # 'Bennetts fracture': a possessive
        self.eponym_re = re.compile(rf"(?:{ep_low})(?:'s|’s|'|’|s)?(?![\w])")  # on lower-cased text
        ctx = sorted(read_list("eponym_context.txt", d), key=len, reverse=True)
        self.eponym_context = frozenset(fold(c) for c in ctx if " " not in c)
        ctx_alt = "|".join(re.escape(c) for c in ctx)
        self.eponym_right_re = re.compile(
            rf"^(?:sche[nrs]?|schen)?\)?[ \t]*[-–]?[ \t]*(?:(?:/|und|and|&|-)[ \t]*(?:{ep_alt})[ \t\-]*)?"
            rf"(?:(?i:(?:{ctx_alt}))|(?:(?i:type|typ|grade|grad|stage|stadium|class|klasse)[ \t]*)?(?P<grade>{GRADE}))")
        # countries and states: after a residence cue no identifier (RESIDENCE_RE)
        self.regions = frozenset(fold(w) for w in read_list("regions.txt", d))
        # ... its places alone: the file's part before its languages and nationalities ('(Arabisch)' names none)
        self.region_places = frozenset(fold(w) for w in read_list("regions.txt", d, stop_at="# languages"))
        self._lower_cand_memo: dict[str, bool] = {}  # a lower-case word -> whether a cased line's name rule reads it
        services = read_list("service_words.txt", d)
        self.service_words = frozenset(services)  # name no one alone, take a number, no words before them
        self.bare_institution_words = BARE_INSTITUTION_WORDS | self.service_words
        inst = sorted(read_list("institution_words.txt", d) + services, key=len, reverse=True)
        self.institution_heads = frozenset(WORD_SPLIT_RE.findall(w.lower())[0] for w in inst)
        inst_alt = "|".join(re.escape(w) for w in inst)
        conn = (r"(?:rechts der|links der|an der|am|im|in|der|des|für|of|for|at|de la|de|du|zu|vom|von|zum|zur|&|und|"
                r"and|di|del|della|dei|degli|da|do|dos|das|d'|y|e)")
        pname = rf"(?:St\.|Sankt|Saint|{WORD}|{UPPER_WORD})"
        self.institution_left_re = re.compile(rf"(?:(?:{pname})[ \t]+){{1,3}}$")
        self.institution_re = re.compile(
            rf"(?P<key>(?:{inst_alt})|[{UP}][{LOW}]*(?:klinikum|klinik|krankenhaus|spital|hospital|praxis|zentrum|"
            rf"institut)|[{UP}]{{2,}}(?:KLINIKUM|KLINIK|KRANKENHAUS|SPITAL|HOSPITAL|PRAXIS|ZENTRUM|INSTITUT))"
            # the name goes on over a comma in a list of its words ('für Diagnostische, Interventionelle und
            # Pädiatrische Radiologie', session 17)
            rf"(?![\w])(?P<right>(?:(?:[ \t\-]+(?:{conn}[ \t]+)?"
            rf"|,[ \t]*(?=(?:(?:{pname}),[ \t]*)*(?:{pname})[ \t]+(?:und|and|&)[ \t]))(?:{pname})(?![\w]))*)")
        self.saint_re = re.compile(rf"(?<![\w])(?:St\.|Sankt|Saint)[ \t\-]*{WORD}(?:[ \t\-]+{WORD})*")
        self.institution_cues = {fold(w) for line in read_list("institution_cues.txt", d) for w in line.split()}
        lex = Lexicon.load(d)
        # name_words ('Winter', 'May', 'Long') are words AND names: in a zone they go
        self.safe = (lex.safe | self.not_names) - self.name_words
        self.known_names = self.first_names | self.surnames
        # name-shaped words from outside our lists (Philter's name lists minus its English dictionary)
        self.other_names = lex.names - self.eponyms
        self.places = lex.places - self.eponyms - self.known_names
        self.context_places = lex.context_places - self.eponyms
        self.common = lex.common
        # common minus the words only names are ('Cuxhaven'): what a history rule keeps as ordinary (session 19)
        self.ordinary = lex.ordinary or lex.common
        self.proper = self.common - self.ordinary  # frequent words a dictionary knows only as names ('Cuxhaven')
        self.nouns = lex.nouns
        self.place_phrases = lex.place_phrases
        self.place_firsts = frozenset(p.split(" ", 1)[0] for p in self.place_phrases)
        # place-name parts that are ordinary words elsewhere: 'New Liskeard', 'Tuba City', 'Thalheim bei Wels'
        parts = {}
        for line in read_list("place_parts.txt", d):
            key, _, words = line.partition(":")
            parts[key.strip()] = frozenset(fold(w) for w in words.split())
        self.place_prefixes = parts.get("prefix", frozenset())
        self.place_suffixes = parts.get("suffix", frozenset())
        self.place_glue = parts.get("glue", frozenset())

    # -- helpers ------------------------------------------------------------

    def _memo_for(self, text: str) -> dict:
        """Values computed once per report and asked for by several rules and the token layer (its zones, its
        capitalised tokens, its words): kept for the last report only, by identity (a str never changes)."""
        memo = self._report_memo
        if memo[0] is not text:
            memo = self._report_memo = (text, {})
        return memo[1]

    def _function_words(self, text: str, low: str) -> tuple[int, int]:
        """How many English and German function words the report holds (counted once per report, on demand: most
        reports never ask)."""
        memo = self._memo_for(text)
        if "function_words" not in memo:
            memo["function_words"] = (len(EN_FUNCTION_RE.findall(low)), len(DE_FUNCTION_RE.findall(low)))
        return memo["function_words"]

    def _report_english(self, text: str, low: str) -> bool:
        """Whether the report is English: its English function words outnumber its German ones three times."""
        en, de = self._function_words(text, low)
        return en > 3 * de

    def _report_german(self, text: str, low: str) -> bool:
        """Whether the report is German: its German function words outnumber its English ones (a short report may
        be neither German nor, by _report_english's margin, English)."""
        en, de = self._function_words(text, low)
        return de > en

    def _cap_tokens(self, text: str) -> list[re.Match]:
        """CAP_TOKEN_RE's matches in `text` (three rules read them)."""
        memo = self._memo_for(text)
        if "cap" not in memo:
            memo["cap"] = list(CAP_TOKEN_RE.finditer(text))
        return memo["cap"]

    def _id_cue_matches(self, text: str, low: str) -> list[re.Match]:
        """ID_CUE_RE's matches in `low` = _lower(text) (two rules read them)."""
        memo = self._memo_for(text)
        if "id_cue" not in memo:
            memo["id_cue"] = self._digit_line_matches(ID_CUE_RE, text, low)
        return memo["id_cue"]

    def _digit_line_matches(self, rx: re.Pattern, text: str, s: str) -> list[re.Match]:
        """rx.finditer(s) for `s` = `text` or _lower(text), scanning only the lines of `text` that hold a digit: the
        same matches for a pattern whose every match holds a digit and stays on one line (no newline in it or in a
        look-ahead that must succeed; no '^', '$' or '\\Z'), as each pattern given here (speed: half of a tune
        report's text is on lines without a digit)."""
        memo = self._memo_for(text)
        lines = memo.get("digit_lines")
        if lines is None:
            lines = memo["digit_lines"] = [(ls, le) for ls, le in _line_spans(text)
                                           if DIGIT_HINT_RE.search(text, ls, le) is not None]
        return [m for ls, le in lines for m in rx.finditer(s, ls, le)]

    def _zone_words(self, text: str, zs: int, ze: int) -> list[tuple[re.Match, bool]]:
        """ZONE_TOKEN_RE's matches in text[zs:ze], each with its _zone_safe: _zone_tokens and _zone_institutions read
        the same zones (computed once per report; _zone_safe depends on the word, the text and the zone's end)."""
        memo = self._memo_for(text)
        key = ("zone_words", zs, ze)
        out = memo.get(key)
        if out is None:
            out = memo[key] = [(m, self._zone_safe(m.group(), text, m.end(), ze))
                               for m in ZONE_TOKEN_RE.finditer(text, zs, ze)]
        return out

    def _protected_flags(self, text: str, protected: list[tuple[int, int]]) -> bytearray:
        """flags[i] = 1 where i lies in one of the `protected` spans of `text` (the zone rules ask it of every word:
        one look-up instead of a walk over the spans; computed once per report and list of spans)."""
        memo = self._memo_for(text)
        got = memo.get("protected_flags")
        if got is None or got[0] is not protected:
            flags = bytearray(len(text) + 1)
            for ps, pe in protected:
                if pe > ps:
                    flags[ps:pe] = b"\x01" * (pe - ps)
            got = memo["protected_flags"] = (protected, flags)
        return got[1]

    def _words(self, text: str, low: str) -> set[str]:
        """The letter runs of the lower-cased report (`low` = _lower(text))."""
        memo = self._memo_for(text)
        if "words" not in memo:
            memo["words"] = set(WORD_SPLIT_RE.findall(low))
        return memo["words"]

    def _is_stop(self, word: str) -> bool:
        return fold(word.rstrip(".")) in self.not_names

    def _known_name(self, word: str, row: RowPatterns | None) -> bool:
        """In a name list or the row's identifiers; 'Hans-Jürgen' counts when every part does."""
        f = fold(word.rstrip(",."))
        if "-" in f and all(p in self.first_names or p in self.surnames for p in f.split("-") if p):
            return True
        return (f in self.first_names or f in self.surnames or f in self.eponyms
                or (row is not None and (f in row.name_tokens or strip_accents(word) in row.name_tokens)))

    def protected_spans(self, text: str, low: str | None = None) -> list[tuple[int, int]]:
        """Eponyms used as findings ('Bennett-Fraktur', 'Mason II', 'nach Jäger/Breitner'), and any word in an
        eponym's slot even when no list has it: 'Morbus X', '<technique> nach X' ('Suspensionsplastik nach X'); and a
        DICOM tag's group and element ('(0010,0010)': the field's address, no one's number; session 38)."""
        low = _lower(text) if low is None else low
        out = self._eponym_list_spans(text, low)
        if "(" in text and DICOM_TAG_RE.search(text):
            out = sorted(set(out) | {m.span() for m in DICOM_TAG_RE.finditer(text)})
        slots = []
        for vm in VIEW_WORD_RE.finditer(low):
            v = vm.start()  # 'Robert-Aufnahme', 'Lindqvist view' (not 'AP View': the view word lower-case)
            if v < 2 or not (text[v - 1] == "-" or (text[v - 1] in " \t" and text[v].islower())):
                if v >= 2 and text[v - 1] in " \t" and text[v:vm.end()].isupper():  # an all-caps line
                    m = VIEW_EPONYM_UPPER_RE.search(text, max(0, v - 41), v - 1)
                    if m:
                        slots.append(m.span("w"))
                continue
            m = VIEW_EPONYM_RE.search(text, max(0, v - 41), v - 1)
            if m is None and text[v - 2] == ")":
                m = VIEW_ASIDE_EPONYM_RE.search(text, max(0, v - 71), v - 1)
            if m:
                slots.append(m.span("w"))
        if "(" in text:
            slots += [m.span("w") if m.group("w") else m.span("v") for m in _bracket_eponym_matches(text)]
        if slots:
            out = sorted(set(out) | set(slots))
        if "-" in text:
            for hm in HYPHEN_TYPE_RE.finditer(low):
                m = VIEW_EPONYM_RE.search(text, max(0, hm.start() - 40), hm.start())
                if m and m.group("w")[1:2].islower():
                    out = sorted(set(out) | {m.span("w")})
        if "/" in text or "+" in text:  # 'ap/Zanca', 'a.p. + Robert': a view beside a standard projection
            out = sorted(set(out) | {m.span("w") for m in VIEW_PAIR_RE.finditer(text)})
            # ... or a listed eponym after the joint or side of the exam's views ('XR CLAVICLE RT + BILAT AC ZANCA';
            # session 49: the header zone took it)
            out = sorted(set(out) | {m.span("w") for m in VIEW_AFTER_JOINT_RE.finditer(text)
                                     if fold(m.group("w")) in self.eponyms})
        for jw in VIEW_AND_WORDS:
            j = low.find(jw)
            while j >= 0:
                if VIEW_BEFORE_AND_RE.search(low, max(0, j - 9), j) \
                        and (m := VIEW_AND_EPONYM_RE.match(text, j + len(jw))) and fold(m.group("w")) in self.eponyms:
                    out = sorted(set(out) | {m.span("w")})
                j = low.find(jw, j + 1)
        # (speed: only where a view word its look-ahead needs is)
        for m in (VIEW_LIST_EPONYM_RE.finditer(text) if any(w in low for w in VIEW_LIST_HINTS) else ()):
            if fold(m.group("w")) in self.eponyms:
                out = sorted(set(out) | {m.span("w")})
        for m in (CLASS_GRADE_RE.finditer(text) if GRADE_HINT_RE.search(text) else ()):  # 'Robinson 2B2', 'Mayo IIB'
            ls = text.rfind("\n", 0, m.start()) + 1  # a cue after it on the line ('... (Robinson 2B2). Referral')
            if ZONE_CUE_RE.search(_lower(text[ls:m.start()])) is None:  # says nothing about it
                out = sorted(set(out) | {m.span("w")})
        if "ao" in self._words(text, low) or "ota" in self._words(text, low):
            out = sorted(set(out) | {m.span() for m in AO_CODE_RE.finditer(text)})
        if "morbus" in low or "nach" in low or " per " in low or "according" in low:
            # speed: a match lies on one line holding one of these words (the pattern is slow at every position)
            slots = [(m.start("w"), m.end("w")) for ls, le in _lines_with(low, "morbus", "nach", "per", "according")
                     for m in EPONYM_SLOT_RE.finditer(text, ls, le)]
            if slots:
                out = sorted(set(out) | set(slots))
        return out

    def _eponym_list_spans(self, text: str, low: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        if self.eponym_heads.isdisjoint(self._words(text, low)):
            return out  # one set look-up instead of a 145-way alternation over the report (most have none)
        last_end = -10
        for m in self.eponym_re.finditer(low):
            s, e = m.start(), m.end()
            if not _at_word_start(text, s):
                continue
            right = text[e:e + 60]
            left = text[max(0, s - 40):s]
            rm = self.eponym_right_re.match(right)
            # a listed eponym of two words ('Thurston Holland', 'Little League') names the finding on its own
            if (rm or " " in m.group() or _left_cue(left)
                    or (last_end >= 0 and PAIR_GAP_RE.match(text[last_end:s]))
                    or (s > 0 and text[s - 1] == "-" and out and out[-1][1] == s - 1)
                    or (s > 0 and text[s - 1] == "(" and text[e:e + 1] == ")")):  # '(Zanca)': a listed eponym alone
                if rm and rm.group("grade") and rm.group("grade").isupper():
                    e += rm.end("grade")  # 'Mason I.': the Roman grade is part of it, not an initial
                out.append((s, e))
                last_end = e
        return out

    def _scan_name(self, text: str, pos: int, row: RowPatterns | None, after_title: bool,
                   from_title: bool = False) -> tuple[int, int] | None:
        """Name tokens from `pos` (after a title or cue): '[K.] Weber', 'Müller, Anna', 'MUELLER ANNA'."""
        start = end = None
        prev_initial = prev_given = False
        n = 0
        p = pos
        while n < 4:
            pm = PARTICLE_RE.match(text, p)
            q = pm.end() if pm else p
            gap_m = re.match(r"[ \t]*(,)?", text[q:q + 3])
            comma = bool(gap_m and gap_m.group(1))
            if comma and n == 0 and from_title:
                break  # 'LCpl, FOOSH during ...': a title before a comma has no name after it (session 21)
            m = NAME_TOKEN_RE.match(text, q + (gap_m.end() if comma else 0))
            if not m:
                break
            w = m.group("w")
            f = fold(w.rstrip("."))
            if "-" in f and (parts := f.split("-", 1))[0] in self.eponyms and parts[1] in self.eponym_context:
                break  # an eponym's view or fracture ('Visum, Zanca-Aufnahme gleicher Tag'): no name (session 38)
            is_initial = bool(re.fullmatch(INITIAL, w))
            own = row is not None and f in row.name_tokens  # the row's own name beats the stop list
            if not is_initial and not own and self._is_stop(w) and self._stop_word_is_name(
                    text, m.end(), n, prev_initial, prev_given, from_title, comma, m.start("w")):
                own = True  # 'Dr. A. Hand', 'Dr. med. Reto Hand' (line end), 'Pat: Arm, Dennis'
            if not is_initial and not own and (self._is_stop(w) or (w.isupper() and not after_title
                                                                   and f not in self.first_names
                                                                   and f not in self.surnames)):
                break
            nxt = text[m.end():m.end() + 1]
            if nxt == ":" and not is_initial and not from_title:
                break  # a section header ('Findings:'), not a name; but 'Dr. Weber: ...' is Weber
            if n > 0 and NEXT_FIELD_RE.match(text, q) and (FIELD_LABEL_AHEAD_RE.match(text, m.end())
                                                          or FIELD_VALUE_AHEAD_RE.match(text, m.end())):
                break  # 'Surname: Mokoena   First names: ...', '..., Cathal    DOB 03/11/2008': the next field's label,
                # set apart (session 37)
            if n > 0:
                known = self._known_name(w, row) and f not in self.eponyms
                eponym_given = comma and self._eponym_given(text, f, m.end(), n)
                if comma and not (is_initial or f in self.first_names or (row and f in row.given)
                                  or ("-" in f and self._known_name(w, row)) or eponym_given):
                    break
                # after a title or cue, 'Imogen Whitfield' is a name even when neither word is listed
                if not (prev_initial or prev_given or known or is_initial or eponym_given or (not comma and n < 3)):
                    break
            if start is None:
                start = (pm.start() + len(pm.group()) - len(pm.group().lstrip())) if pm else m.start("w")
            end = m.end("w")
            prev_initial = is_initial
            prev_given = f in self.first_names or (row is not None and f in row.given) or (
                "-" in f and all(p in self.first_names for p in f.split("-")))  # ('Hans-Peter'; session 38)
            n += 1
            p = end
        if start is None or end is None:
            return None
        if re.fullmatch(rf"(?:{INITIAL}[ \t]*)+", text[start:end]) and not (
                from_title and PERSON_TITLE_BEFORE_RE.search(text, max(0, start - 8), start)):
            return None  # initials alone ('Z.n.') are not enough; after a personal title they are ('Mrs B.')
        return start, end

    def _midsentence_proper(self, text: str, add) -> None:
        """In an English report, a capitalised word inside a sentence (after a lower-case word) that is no
        ordinary word of either language, no eponym and no clinical compound is a proper name: a hospital, a place,
        a venue ('follow-up at Ninewells arranged', 'outside films, Cobequid', 'visiting family in Gulberg';
        session 39). English capitalises little else inside a sentence; German capitalises every noun, so German
        reports are left to the other rules."""
        for m in MIDSENTENCE_CAP_RE.finditer(text):
            w = m.group("w")
            f = fold(w)
            if f in self.safe or f in self.eponyms or _clinical_compound(self, f):
                continue
            place = m.group("p") in PLACE_PREPOSITIONS  # 'crash near Glenbuchat'
            if (f in self.common or f in self.nouns or self._inflected_word(f)) and (
                    not (place or m.group("p") in VENUE_LEAD_WORDS) or f in self.regions or f in GENERIC_RUN_FIRST
                    or MONTH_WORD_RE.fullmatch(w) or WEEKDAY_RE.fullmatch(w) or NEXT_CAP_RE.match(text, m.end("w"))):
                continue  # an ordinary word capitalised inside a sentence is a name only where a place or a venue
                # stands: 'surfing at Pipeline', 'fixture at the Oval', 'shift at the Tesco depot' (session 40), not
                # 'in English', 'on Saturday', 'dedicated Robert view', 'pain in the City'; a run of capitalised
                # words is the title rules' ('at the Community Hall' stays)
            if f.endswith("ing") and not place:
                continue  # a symptom in a history's list ('history of Wheezing'), unless a place ('near Woking')
            kind = "ADDRESS" if place else "NAME"
            add(Span(m.start("w"), m.end("w"), kind, WEAK, "midsentence-proper"))

    def _the_names(self, text: str, add) -> None:
        """'The' capitalised inside a sentence opens a name that carries its article (a pub, a venue, a town: 'at
        The Gate on ...', 'in The Pas'); English and German prose write the article in lower case there. The
        name runs over its capitalised words (not over 'of'/'and' at its end); none of them may be a safe word
        ('full stop The AC joint' is dictation, not a name)."""
        if "The " not in text:
            return
        for m in MIDSENTENCE_THE_RE.finditer(text):
            words = list(re.finditer(r"[^\s]+", m.group("n")))
            while words and words[-1].group() in ("of", "and", "&"):
                words.pop()
            if not words or any(fold(w.group()) in self.safe for w in words if w.group()[:1].isupper()):
                continue
            add(Span(m.start(), m.start("n") + words[-1].end(), "NAME", WEAK, "the-name"))

    def _inflected_word(self, f: str) -> bool:
        """An ordinary word with an English ending the lists do not spell out ('wheezing', 'splinted')."""
        for suf in ("ing", "ed", "es", "s", "ly"):
            if f.endswith(suf) and len(f) - len(suf) >= 3:
                stem = f[:-len(suf)]
                if stem in self.common or stem + "e" in self.common or stem in self.safe:
                    return True
        return False

    def _caps_name_run(self, text: str, r: tuple[int, int], row: RowPatterns | None) -> tuple[int, int] | None:
        """A name after a social title in capitals ends at its first ordinary word: in capitals case does not
        say where ('MRS E. KERR REPORTS PREVIOUS ...' is 'E. KERR'); none when the first word is an ordinary
        noun ('MRS SCAN', spectroscopy) unless it is a listed name. (wordfreq's common words hold many surnames,
        'kerr': only the safe words and nouns stop it.)"""
        end = None
        for i, wm in enumerate(re.finditer(r"[^\s,]+", text[r[0]:r[1]])):
            w = wm.group()
            f = fold(w.rstrip("."))
            if not re.fullmatch(INITIAL, w) and not self._known_name(w, row) and (
                    f in self.safe or (i == 0 and f in self.nouns)):
                break
            end = r[0] + wm.end()
        return (r[0], end) if end is not None else None

    def _eponym_given(self, text: str, f: str, end: int, n: int) -> bool:
        """An eponym's word as the given name after a cued surname and its comma, closing the field ('PATIENT:
        Garcia, Rolando   DOB: ...'; session 38): the surname's comma says what it is."""
        return n == 1 and f in self.eponyms and (FIELD_END_RE.match(text, end) is not None
                                                 or FIELD_LABEL_AHEAD_RE.match(text, end) is not None)

    def _stop_word_is_name(self, text: str, end: int, n: int, prev_initial: bool, prev_given: bool,
                           from_title: bool, comma: bool, start: int = -1) -> bool:
        """An ordinary word ('Hand', 'Arm', 'Fuß', 'Wolf') after a title or cue is a surname when the shape
        says so, whatever the word: after an initial ('Dr. A. Hand'), before ', <given name>' ('Arm, Dennis'),
        closing a title's line or field ('Dr. med. Reto Hand', 'Dr. Koch & Kollegen', 'Dr. Arm, FA'), or right
        after a personal title in prose ('Frau Hand wird heute ...', 'Mrs Bone says'; session 38)."""
        if comma:
            return start > 0 and self._eponym_given(text, fold(text[start:end]), end, n)
        if prev_initial or from_title and prev_given and n == 1:
            return True  # 'Dr. A. Hand', 'DR. MED. HANS-PETER FUSS' (a listed given name before it; session 38)
        if from_title and n == 0 and start > 0 and PERSON_TITLE_BEFORE_RE.search(text, max(0, start - 8), start) \
                and PROSE_AFTER_NAME_RE.match(text, end):
            return True
        gm = SURNAME_GIVEN_RE.match(text, end)
        g = fold(gm.group("g")) if gm else ""
        if g in self.first_names or g in self.other_names and g not in self.safe and g not in self.places:
            return True  # 'Arm, Dennis'; 'PAIN, Desmond' (a given name only the wide lists hold; session 37)
        return from_title and n <= 2 and FIELD_END_RE.match(text, end) is not None

    # -- detectors ------------------------------------------------------------

    def find(self, text: str, identifiers: Mapping[str, str] | None = None) -> list[Span]:
        """Every PHI span found in `text` after overlap resolution, in text order."""
        row = _row_patterns(tuple(sorted((k, str(v)) for k, v in (identifiers or {}).items() if v))) \
            if identifiers else None
        cands: list[Span] = []
        add = cands.append
        low = _lower(text)
        # structured identifiers: exact values and variants
        if row is not None:
            for s, e in _find_literals(text, row.dates):
                add(Span(s, e, "DATE", STRONG, "identifier-date"))
            for s, e in _find_literals(text, row.ids, low):
                add(Span(s, e, "ID", STRONG, "identifier-id"))
            cands.extend(self._identifier_name_runs(text, row))
        if self.site_terms is not None:  # the site's own names, places and institutions (client/anon_site_terms.py)
            cands.extend(Span(s, e, kind, PATTERN, "site-term") for s, e, kind in self.site_terms.spans(text))
        if "@" in text:
            for m in EMAIL_RE.finditer(text):
                add(Span(m.start(), m.end(), "EMAIL", STRONG, "email"))
        if "http" in low or "www." in low:
            for m in URL_RE.finditer(text):
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "url"))
        if DOMAIN_HINT_RE.search(text):
            for m in BARE_DOMAIN_RE.finditer(text):
                labels = m.group().split("/")[0].lower().split(".")
                # 'ago.no', 'bzw.at': a two-label domain under a word-like TLD needs a label no dictionary knows
                if len(labels) > 2 or labels[-1] not in WORD_TLDS or fold(labels[0]) not in self.common:
                    add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "url"))
        digit = DIGIT_HINT_RE.search(text) is not None  # speed: most IU reports have none (see DIGIT_HINT_RE)
        for m in (self._digit_line_matches(PHONE_CUE_RE, text, low) if digit else ()):
            if _at_word_start(text, m.start()):
                # an extension or pager number ('Fax -19', 'ext 2214', 'pager 4471') is written with its cue word
                short = sum(c.isdigit() for c in m.group("v")) <= 5
                add(Span(m.start() if short else m.start("v"), _phone_end(text, m.end("v")), "PHONE", STRONG,
                         "phone-cue"))
        for m in (self._digit_line_matches(PHONE_RE, text, text) if digit else ()):
            add(Span(m.start(), _phone_end(text, m.end()), "PHONE", PATTERN, "phone"))
        for m in (self._id_cue_matches(text, low) if digit else ()):
            if _at_word_start(text, m.start()):
                add(Span(m.start("v"), m.end("v"), "ID", STRONG, "id-cue"))
        id_digits = ID_DIGITS_HINT_RE.search(text) is not None
        for m in (self._digit_line_matches(ID_RE, text, text) if id_digits else ()):
            if sum(c.isdigit() for c in m.group()) >= 6 and not YEAR_RANGE_RE.fullmatch(m.group()):
                add(Span(m.start(), m.end(), "ID", PATTERN, "id"))
        for m in (self._digit_line_matches(DATE_RE, text, text) if digit else ()):
            add(Span(m.start(), m.end(), "DATE", PATTERN, "date"))
        if any(h in text for h in HOLIDAY_HINTS) or any(h in low for h in HOLIDAY_LOWER_HINTS):
            for m in HOLIDAY_RE.finditer(text):
                add(Span(m.start(), m.end(), "DATE", PATTERN, "holiday"))
        if NAMED_COMPOUND_HINT_RE.search(text):
            for m in NAMED_COMPOUND_RE.finditer(text):
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "named-compound"))
        if SCHOOL_ABBR_HINT_RE.search(low):
            for m in SCHOOL_ABBR_LOWER_RE.finditer(text):
                if self._unknown_word(m.group("w")) or fold(m.group("w")) in self.places:
                    add(Span(m.start("n"), m.end("n"), "INSTITUTION", PATTERN, "school-abbr-lower"))
        if KIN_SAYS_HINT_RE.search(text):
            for m in KIN_SAYS_LOWER_RE.finditer(text):
                if (f := fold(m.group("n"))) not in NOT_NAME_WORDS and f not in self.safe:
                    add(Span(m.start("n"), m.end("n"), "NAME", PATTERN, "kin-says-lower"))
        self._fire_brigades(text, low, add)
        if "vlg." in low or "vulgo" in low:
            for m in VULGO_RE.finditer(text):
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "farm-vulgo"))
        if CIVIC_SQUARE_HINT_RE.search(text):
            for m in CIVIC_SQUARE_RE.finditer(text):
                add(Span(m.start("w"), m.end("w"), "ADDRESS", PATTERN, "civic-square"))
        if PLACE_EVENT_HINT_RE.search(text):
            for m in PLACE_EVENT_RE.finditer(text):
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "place-event"))
        if "st" in low:
            for m in SAINT_NAME_LOWER_RE.finditer(text):
                if self._saint_name(m.group("n"), m.group("dot") is not None):
                    add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "lower-saint"))
        if MACRON_HINT_RE.search(text):
            for m in MACRON_WORD_RE.finditer(text):
                w = m.group()
                e = m.end() - 2 if w[-2:] in ("'s", "’s") else m.end()  # 'Tāmati's mum'
                if fold(text[m.start():e]) not in self.safe:  # weak: a place or name rule's span types it
                    add(Span(m.start(), e, "NAME", WEAK, "macron-word"))
        if "Thị" in text or "Văn" in text or "THỊ" in text or "VĂN" in text:
            for m in VIET_NAME_RE.finditer(text):
                add(Span(m.start(), m.end(), "NAME", STRONG, "vietnamese-name"))
        for b in (BRACKET_WORD_RE.finditer(text) if " (" in text else ()):
            if not (m := TOWN_BEFORE_RE.search(text, max(0, b.start() - 40), b.start() + 1)):
                continue
            r, t = fold(b.group("r")), m.group("t")
            comma = text[max(0, m.start() - 2):m.start()] == ", "
            town = not _clinical_compound(self, t) and (fold(t) not in self.nouns and fold(t) not in self.safe or comma)
            if town and (r in TOWN_RIVERS or (r in self.places or r in self.proper) and r not in self.eponyms
                         and (fold(t) not in self.common or comma)):  # not a country's ('in der Türkei (Konya)')
                add(Span(m.start(), b.end(), "ADDRESS", PATTERN, "town-region"))
        for m in (TOWN_RIVER_RE.finditer(text) if " am " in text or " an der " in text or " ob der " in text else ()):
            t = m.group("t")
            if fold(m.group("r")) in TOWN_RIVERS and fold(t) not in self.safe and fold(t) not in self.nouns \
                    and not _clinical_compound(self, t):
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "town-river"))
        for st in (STATE_TAIL_RE.finditer(text) if ", " in text or ",\t" in text else ()):
            if not (m := TOWN_STATE_BEFORE_RE.search(text, max(0, st.start() - 40), st.start())):
                continue
            words = list(TOWN_WORD_RE.finditer(m.group("t")))
            if fold(" ".join(w.group() for w in words)) not in self.place_phrases:
                while len(words) > 1 and fold(words[0].group()) in self.ordinary:  # 'Skiing Aspen, CO': the verb
                    words.pop(0)  # stays; the word at the comma is the town even when a word too ('Vail, Colorado')
            if words and not any(fold(w.group()) in self.safe or fold(w.group()) in self.eponyms for w in words):
                add(Span(m.start("t") + words[0].start(), st.end() if st.group("county") else st.start(), "ADDRESS",
                         PATTERN, "town-state"))  # (a county goes with its town)
        for m in (TOWN_ADJ_RE.finditer(text) if TOWN_ADJ_HINT_RE.search(text) else ()):
            a = fold(m.group("a"))
            if any(t in self.places or t in self.proper or t in self.context_places
                   for t in (a[:-2], a[:-3] + "en", a[:-2] + "en")) \
                    and a not in self.safe and a not in self.eponyms and fold(m.group("n")) not in self.safe:
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "town-adjective"))
        for m in (LOWER_COMPANY_FORM_RE.finditer(text) if any(h in text for h in LOWER_COMPANY_HINTS) else ()):
            floor = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 60)
            if start := self._lower_name_before(text, m.start(), floor, proper=False):  # the form says it is a name
                add(Span(start, m.end(), "INSTITUTION", PATTERN, "company-lower"))
        for m in (NUMBERED_ROAD_RE.finditer(text) if digit else ()):
            add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "road-number"))
        for m in (INN_NAME_RE.finditer(text) if " zu" in low else ()):
            add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "inn-name"))
        for m in (LOWER_QUOTED_NAME_RE.finditer(text) if any(q in text for q in "\"„“'‚»«") else ()):
            add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "quoted-name"))
        for m in (HYPHEN_INSTITUTION_RE.finditer(text) if HYPHEN_INSTITUTION_HINT_RX.search(text) else ()):
            parts = (m.group("n") or m.group("c")).split("-")
            if any(self._proper_word(p) for p in parts) and not any(fold(p) in self.safe for p in parts):
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "hyphen-institution"))
        for m in (UNION_LOCAL_RE.finditer(text) if "ocal " in text or "OCAL " in text else ()):
            add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "union-local"))
        for m in (CAMEL_WORD_RE.finditer(text) if CAMEL_HINT_RE.search(text) else ()):
            if self._proper_word(m.group()):
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "camel-word"))
        for m in (LAKE_ADJ_RE.finditer(text) if " See" in text or " SEE" in text else ()):
            if fold(m.group("a")) not in self.ordinary and fold(m.group("a")) not in self.safe:
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "lake-adjective"))
        for m in (MT_PLACE_RE.finditer(text) if "Mt" in text else ()):
            add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "mountain"))
        if FRENCH_TOWN_HINT_RE.search(text):
            for m in FRENCH_TOWN_RE.finditer(text):
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "french-town"))
        if "/" in text:
            for m in self._digit_line_matches(SHORT_DATE_RE, text, text):
                add(Span(m.start("d"), m.end("d"), "DATE", PATTERN, "date-short"))
            for m in self._digit_line_matches(SHORT_DATE_TIME_RE, text, text):
                if not SCORE_BEFORE_RE.search(low, max(0, m.start() - 16), m.start()):
                    add(Span(m.start(), m.end(), "DATE", PATTERN, "date-short"))
        if digit and ("born" in low or "geb" in low):
            for m in self._digit_line_matches(BORN_SHORT_DATE_RE, text, text):
                add(Span(m.start("d"), m.end("d"), "DATE", PATTERN, "date-born"))
        for m in (self._digit_line_matches(AGE_RE, text, text) if digit else ()):
            g = "a" if m.group("a") else "b"
            if 89 < int(m.group(g)) < 130:
                add(Span(m.start(g), m.end(g), "AGE", PATTERN, "age"))
        # speed: every ADDRESS_RE match stays on one line and holds a digit or one of ADDRESS_WORDS (the street
        # words of its one alternative without a number): without those words only the digit lines are scanned
        for m in (ADDRESS_RE.finditer(text) if any(w in text for w in ADDRESS_WORDS)
                  else self._digit_line_matches(ADDRESS_RE, text, text) if digit else ()):
            add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "address"))
        for m in (self._digit_line_matches(CAPS_STREET_NUMBER_RE, text, text) if digit else ()):
            add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "street-caps"))
        for rx in ((TOWN_POSTCODE_RE, DUTCH_POSTCODE_TOWN_RE) if digit else ()):
            for m in self._digit_line_matches(rx, text, text):
                # (before a state and ZIP even a safe word is the town: 'Reading PA 19606')
                if rx is TOWN_POSTCODE_RE or not all(fold(w) in self.safe for w in m.group("t").split()):
                    add(Span(m.start("t") if rx is TOWN_POSTCODE_RE else m.start(), m.end(), "ADDRESS", PATTERN,
                             "town-postcode"))
        for m in (STREET_OVER_POSTCODE_RE.finditer(text) if digit and "\n" in text else ()):
            w0 = m.group("s").split()[0]
            if not _clinical_compound(self, w0) and not (fold(w0) in self.safe and fold(w0) in self.nouns):
                add(Span(m.start("s"), m.end("s"), "ADDRESS", PATTERN, "street-over-postcode"))
        for m in (self._digit_line_matches(MILE_ROAD_RE, text, text) if digit else ()):
            add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "mile-road"))
        if "Co." in text or "County" in text:  # speed: a literal every match starts with
            for m in COUNTY_RE.finditer(text):
                add(Span(m.start(), m.end(), "ADDRESS", STRONG, "county"))
        if "County" in text or "COUNTY" in text or "Parish" in text or "Borough" in text:
            for m in NAME_COUNTY_RE.finditer(text):
                s0, words = self._trim_safe_lead(m, "n")  # 'The', 'In' opening the run
                if words and not any(fold(w) in self.safe for w in words):
                    add(Span(s0, m.end(), "ADDRESS", PATTERN, "name-county"))
        if any(h in low for h in DIGITLESS_STREET_HINTS):
            for m in DIGITLESS_STREET_RE.finditer(text):
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "street-no-number"))
        if any(h in low for h in COMPOUND_STREET_TAILS):
            for m in COMPOUND_STREET_RE.finditer(text):
                f = fold(m.group("s"))
                if f not in self.nouns and f not in self.safe and f not in self.common and f not in self.eponyms:
                    add(Span(m.start("s"), m.end("s"), "ADDRESS", PATTERN, "street-compound"))
        for m in (self._digit_line_matches(CAPS_NUMBER_STREET_RE, text, text) if digit else ()):
            if any(fold(w) not in self.safe and fold(w) not in self.common for w in m.group("s").split()):
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "street-caps-number"))
        if "STREET" in text or " ST" in text or " RD" in text or " AVE" in text:
            for m in CAPS_STREET_RE.finditer(text):
                add(Span(m.start("s"), m.end(), "ADDRESS", PATTERN, "street-caps"))
        words = self._words(text, low)
        if not CHAIN_STORE_WORDS.isdisjoint(words):
            for m in CHAIN_STORE_RE.finditer(text):
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "chain-store"))
        if not self.institution_heads.isdisjoint(words) or any(k in low for k in INSTITUTION_SUFFIXES):
            cands.extend(self._institutions(text))
        elif "st" in words or "sankt" in words or "saint" in words:
            cands.extend(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "saint")
                         for m in self.saint_re.finditer(text))
        cands.extend(self._place_phrases(text))
        if CAPS_LINE_HINT_RE.search(text):
            cands.extend(self._caps_institutions(text))
        for m in LETTER_SPACED_RE.finditer(text):  # 'M ü l l e r': a word spelt out letter by letter (session 37)
            add(Span(m.start(), m.end(), "NAME", PATTERN, "letter-spaced"))
        # names after titles and cues (in capitals too: 'DR. MED. JÜRGEN KNOCHEN'; session 38)
        for m in itertools.chain(TITLE_SEQ_RE.finditer(text), CAPS_TITLE_SEQ_RE.finditer(text)
                                 if "DR." in text or "PROF." in text else (),
                                 CAPS_SOCIAL_TITLE_RE.finditer(text) if CAPS_SOCIAL_HINT_RE.search(text) else ()):
            r = self._scan_name(text, m.end(), row, after_title=True, from_title=True)
            if r and m.re is CAPS_SOCIAL_TITLE_RE:
                r = self._caps_name_run(text, r, row)
            if r:
                add(Span(r[0], r[1], "NAME", STRONG, "title"))
        if ":" in text:
            for m in LOWER_NAME_FIELD_RE.finditer(low):  # 'name: john smith' in a lower-case report
                if not _at_word_start(low, m.start()) or not text[m.start("n"):m.end("n")].islower():
                    continue
                words = list(re.finditer(r"\S+", m.group("n")))
                if not any(self._known_name(w.group(), row) or fold(w.group()) not in self.common
                           for w in words[:2]) or len(words[0].group()) < 2:
                    continue  # 'patient: seen in ED', 'Pat.: m, 67': no name in the field
                # (the given names after a comma too, each a name or no ordinary word: 'pt: ramírez ochoa, jesús
                # alberto'; session 34)
                comma = next((i for i, w in enumerate(words) if w.group().endswith(",")), len(words))
                keep = [w for i, w in enumerate(words) if i < min(2, comma + 1) or PARTICLE_RE.fullmatch(w.group())
                        or self._known_name(w.group(), row) or fold(w.group()) not in self.common]
                keep = words[:next((i for i, w in enumerate(words) if w not in keep), len(words))]
                add(Span(m.start("n"), m.start("n") + keep[-1].end(), "NAME", STRONG, "lower-name-field"))
        if "," in text and ("pat" in low or "pt." in low):
            for m in LOWER_PAT_COMMA_RE.finditer(low):
                if not _at_word_start(low, m.start()) or not text[m.start("s"):m.end("g")].islower():
                    continue
                if all(self._known_name(w, row) or fold(w) not in self.common for w in (m.group("s"), m.group("g"))):
                    add(Span(m.start("s"), m.end("g"), "NAME", STRONG, "lower-name-field"))
        for m in LOWER_TITLE_NAME_RE.finditer(low):
            if not text[m.start():m.end()].islower():
                continue  # capitalised names are the title rule's
            words = list(re.finditer(r"\S+", m.group("n")))
            keep = []
            named = False
            for w in words:
                if not named and re.fullmatch(r"[^\W\d_]\.", w.group()):
                    keep.append(w)  # an initial before the surname ('refer to mr d. mcallister'; session 49)
                    continue
                f = fold(w.group().rstrip(",.;:"))
                # (after an initial a word no ordinary one: 'mcallister', which the word lists hold; not 'mrs b. fell')
                after_initial = bool(keep) and not named and f not in self.ordinary and f not in self.safe
                if not (after_initial or self._known_name(f, row)
                        or (f not in self.common and f not in self.not_names)) or len(f) < 2:
                    break
                keep.append(w)
                named = True
            if keep and named:
                add(Span(m.start("n"), m.start("n") + len(keep[-1].group().rstrip(",.;:")) + keep[-1].start(),
                         "NAME", STRONG, "lower-title"))
        if TITLE_INITIALS_HINT_RE.search(low):  # speed: every match has a lower-case initial after a space
            for m in TITLE_INITIALS_RE.finditer(low):  # 'dr. m. haas', 'dr k. hope': any case, any surname
                if not _at_word_start(text, m.start()):
                    continue  # (checked here: a leading look-behind would make sre try every position)
                if text[m.start():m.start() + 2] == "DR" and text[m.start("n")].islower():
                    continue  # 'DR a.p.': digital radiography before lower-case text
                add(Span(m.start("n"), m.end("n"), "NAME", STRONG, "title-initials"))
        # after a strong cue any name-shaped run is a name; after a weak one ('Pat.', 'mother') only with a
        # title, a colon, or a known first word ('Pat. Schulter nicht miterfasst' is no name)
        for rx, heads, weak in ((CUE_RE, CUE_HEADS, False), (WEAK_CUE_RE, WEAK_CUE_HEADS, True)):
            for m in _cue_matches(rx, heads, low):
                if not _at_word_start(text, m.start()):
                    continue
                t = TITLE_SEQ_RE.match(text, m.end())
                r = self._scan_name(text, t.end() if t else m.end(), row, after_title=True)
                if r and weak and not (t or ":" in m.group() or self._known_name(text[r[0]:r[1]].split()[0], row)
                                       or ((im := INITIAL_SURNAME_RE.match(text, r[0]))
                                           and fold(im.group("s")) not in self.common)):
                    r = None
                if r:
                    add(Span(r[0], r[1], "NAME", STRONG, "weak-cue" if weak else "cue"))
        if ":" in text or "mployer" in text or "MPLOYER" in text or "rbeitgeber" in text or "RBEITGEBER" in text:
            for m in EMPLOYER_FIELD_RE.finditer(text):
                words = m.group("v").split()
                if len(words) <= 8 and all(EMPLOYER_WORD_RE.fullmatch(w) for w in words) \
                        and not all(fold(w) in self.safe for w in words):
                    add(Span(m.start("v"), m.end("v"), "INSTITUTION", STRONG, "employer-field"))
        if "(" in text:
            for m in EMPLOYER_PAREN_RE.finditer(text):  # '(EMPLOYER QMKB)': the bracket says what it names
                v = WORK_PAREN_LEAD_RE.match(m.group("v"))
                if v and self._employer_in_brackets(v.group("n"), named=True):
                    add(Span(m.start("v") + v.start("n"), m.start("v") + v.end("n"), "INSTITUTION", PATTERN,
                             "employer-bracket"))
            for m in WORK_PAREN_RE.finditer(text):
                # the name opens the bracket, after an 'agency'/'via' word, and ends at a comma or a lower-case
                # word ('(Greenmarsh Produce via agency, seasonal visa)', '(agency Brightstaff UK Ltd)'); session 26
                v = WORK_PAREN_LEAD_RE.match(m.group("v"))
                if v and self._employer_in_brackets(v.group("n")):
                    add(Span(m.start("v") + v.start("n"), m.start("v") + v.end("n"), "INSTITUTION", PATTERN,
                             "work-bracket"))
        if digit and "," in text:
            for m in NAME_SEX_AGE_RE.finditer(text):
                words = list(re.finditer(r"\S+", m.group("n")))
                while words and (self._is_stop(words[0].group()) or TITLE_SEQ_RE.fullmatch(words[0].group() + " ")):
                    words.pop(0)  # 'Frau Małgorzata Wiśniewska-Kowal, w, 29'
                if words and all(self._name_part(w.group()) for w in words):
                    add(Span(m.start("n") + words[0].start(), m.end("n"), "NAME", STRONG, "name-sex-age"))
                    add(Span(m.start("a"), m.end("a"), "AGE", STRONG, "name-sex-age"))
        # (found from its bracket back to the line's start: most lines have no such bracket)
        for m in (m for b in (AGE_ROLE_BRACKET_RE.finditer(text) if "," in text and "(" in text else ())
                  if (m := NAME_COMMA_AGE_RE.search(text, text.rfind("\n", 0, b.start()) + 1, b.end())) is not None
                  and m.end() == b.end()):
            given = m.group("g").split()
            if all(self._name_part(w, surname=i == 0) for i, w in enumerate(m.group("n", "g"))
                   for w in ([w] if i == 0 else w.split())) or m.group("role") and fold(
                    given[0]) in self.first_names and not TITLE_SEQ_RE.fullmatch(m.group("n") + " "):
                add(Span(m.start("n"), m.end("g"), "NAME", STRONG, "name-comma-age"))
        for m in (self._digit_line_matches(SPACED_DIGITS_RE, text, text) if digit else ()):
            add(Span(m.start(), m.end(), "ID", PATTERN, "id-spaced"))
        for m in (NAMED_HOUSE_RE.finditer(text) if "Haus" in text or "HAUS" in text or "Hof" in text
                  or "HOF" in text or "Villa" in text or "Stift" in text else ()):
            f = fold(m.group("n"))
            if f not in self.safe and f not in self.eponyms and not _clinical_compound(self, m.group("n")) \
                    and not MONTH_WORD_CASED_RE.fullmatch(m.group("n")):
                add(Span(m.start(), m.end(), "ADDRESS" if m.group().lower().startswith("hof") else "INSTITUTION",
                         PATTERN, "named-house"))
        for m in (WARD_NAME_RE.finditer(text) if "Station" in text or "Wohn" in text else ()):
            f = fold(m.group("n"))
            if f not in self.safe and f not in DEPARTMENT_WORDS and not _clinical_compound(self, m.group("n")) \
                    or f in self.eponyms:
                # (a ward named after a surgeon outranks the eponym's protection: 'Station Sauerbruch')
                add(Span(m.start(), m.end(), "INSTITUTION", STRONG if f in self.eponyms else PATTERN, "ward-name"))
        for m in (PLACE_EDGE_RE.finditer(text) if any(h in text for h in PLACE_EDGE_HINTS) else ()):
            if not self._is_stop(m.group("p")) and fold(m.group("p")) not in self.safe:
                add(Span(m.start("p"), m.end("p"), "ADDRESS", PATTERN, "place-edge"))
        for m in (DICOM_NAME_RE.finditer(text) if "^" in text else ()):
            if not HL7_SEGMENT_RE.match(text, text.rfind("\n", 0, m.start()) + 1):
                add(Span(m.start(), m.end(), "NAME", STRONG, "name-dicom"))
        for m in (HYPHEN_INITIALS_RE.finditer(text) if ".-" in text else ()):
            add(Span(m.start(), m.end(), "NAME", PATTERN, "initials-hyphen"))
        for m in (MD_GIVEN_RE.finditer(text) if "Md." in text else ()):
            add(Span(m.start(), m.end(), "NAME", STRONG, "md-given-name"))
        for m in (LOWER_INITIAL_MD_RE.finditer(text) if LOWER_INITIAL_HINT_RE.search(text) else ()):
            s0 = m.start("i") if m.group("i") else m.start()
            if fold(text[s0:m.end()].split(".", 1)[-1].strip().split()[-1]) not in self.safe:  # 'c. spine' stays
                add(Span(s0, m.end(), "NAME", STRONG, "initial-credential"))
        for m in (LOWER_SURNAME_GIVEN_MD_RE.finditer(text) if " md" in text or " frcr" in text or " mbbs" in text
                  else ()):
            ws = m.group("n").split(", ")
            if not any(fold(w) in self.safe for w in ws) and any(fold(w) not in self.common for w in ws):
                add(Span(m.start("n"), m.end("n"), "NAME", STRONG, "initial-credential"))  # 'okafor, adaeze md'

        if digit:
            for m in PT_NAME_AGE_RE.finditer(text):
                if self._name_part(m.group("n")) and fold(m.group("n")) not in self.safe \
                        and m.group("m").lower() not in PT_NAME_AGE_NOT and not _clinical_compound(self, m.group("m")):
                    add(Span(m.start("n"), m.end("m"), "NAME", STRONG, "pt-name-age"))
        for rm in ROLE_RE.finditer(text):
            ls = text.rfind("\n", 0, rm.start()) + 1
            if (cm := CAPS_SIGNATURE_RE.fullmatch(text, ls, rm.start())) \
                    and not any(self._is_stop(w) for w in cm.group("n").split()):
                add(Span(cm.start("n"), cm.end("n"), "NAME", STRONG, "caps-signature"))
                continue
            m = NAME_BEFORE_ROLE_RE.search(text, max(0, rm.start() - 80), rm.start())
            if not m:
                continue
            words = list(re.finditer(r"\S+", m.group()))
            while words and (self._is_stop(words[0].group()) or not _at_word_start(text, m.start() + words[0].start())):
                words.pop(0)
            if words:
                add(Span(m.start() + words[0].start(), m.start() + words[-1].end(), "NAME", STRONG, "role"))
        cands.extend(self._list_names(text, row))
        if "Dr" in text or "Doctors" in text:
            for m in DRES_RE.finditer(text):
                add(Span(m.start("n"), m.end("n"), "NAME", STRONG, "dres"))
            for m in PRACTICE_RE.finditer(text):
                t = TITLE_SEQ_RE.match(text, m.end())
                r = self._scan_name(text, t.end(), row, after_title=True, from_title=True) if t else None
                if r:
                    add(Span(m.start(), r[1], "INSTITUTION", STRONG, "practice"))
        if self._report_english(text, low):
            self._midsentence_proper(text, add)
        self._the_names(text, add)
        protected = self.protected_spans(text, low)
        self._recall_first(text, low, cands, protected)
        out = self._resolve(text, cands, low, protected)
        if self.token_model is not None:
            out = _join_particles(text, self._model_layer(text, low, out, protected))  # the layer's names join too
        out = self._name_repeats(text, self._adjacent_proper(text, self._name_structures(
            text, self._neighbour_words(text, out)), protected, low))
        return _with_marks(text, out) if COMBINING_RE.search(text) else out

    def model_rows(self, text: str, low: str, spans: list[Span],
                   protected: list[tuple[int, int]]) -> list[tuple[int, int, list[str]]]:
        """The words the rules' `spans` left standing, with their features for the token model."""
        covered = bytearray(len(text) + 1)
        for sp in spans:
            covered[sp.start:sp.end] = b"\x01" * (sp.end - sp.start)
        skip = bytearray(len(text) + 1)
        for ps, pe in protected:
            skip[ps:pe] = b"\x01" * (pe - ps)
        if "[" in text:
            for m in PLACEHOLDER_RE.finditer(text):
                skip[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        header_end, signoff = _header_signoff(text, low)
        return token_features(self, text, covered, self._zones(text, low), header_end, signoff, skip)

    def _model_layer(self, text: str, low: str, spans: list[Span], protected: list[tuple[int, int]]) -> list[Span]:
        """Words the token model scores above the threshold go as well (a recall layer after the rules)."""
        extra = []
        age_starts = {sp.start for sp in spans if sp.kind == "AGE"}
        for s, e, feats in self.model_rows(text, low, spans, protected):
            if TITLE_SEQ_RE.fullmatch(text, s, e + (text[e:e + 1] == ".")) or text[s:e] == "a" or \
                    fold(text[s:e]) in KIN_WORDS or (text[s:e] == "A" and e + 1 in age_starts):
                continue  # a title ('Frau', 'Dr.', 'Herr') names no one: the name after it goes, the title stays;
                # nor does the article 'a' ('a [AGE] boy', 'A [AGE] woman': the model took it for an initial) or a
                # kin word ('laut Ehemann Jürgen'; session 27)
            if self.token_model.prob(feats) >= self.model_threshold:
                kind = "ID" if any(c.isdigit() for c in text[s:e]) else "NAME"
                extra.append(Span(s, e, kind, PATTERN, "model"))
        return sorted(spans + extra, key=lambda c: c.start) if extra else spans

    # -- recall first (issue 11) ------------------------------------------------

    def _recall_first(self, text: str, low: str, cands: list[Span], protected: list[tuple[int, int]]) -> None:
        """Shapes the patterns above miss, then identifier zones where every unsafe token goes."""
        add = cands.append
        digit = DIGIT_HINT_RE.search(text) is not None  # speed: most IU reports have none (see DIGIT_HINT_RE)
        for m in (self._digit_line_matches(EXTRA_DATE_RE, text, text) if digit else ()):
            add(Span(m.start(), m.end(), "DATE", PATTERN, "date-extra"))
        # the day alone by its ordinal after its weekday ('on Sat 14th', 'Tuesday the 3rd'; session 49): the weekday
        # joins it (_widen); a bare ordinal is a ray or a rib ('5th metacarpal')
        for m in (ORDINAL_DAY_RE.finditer(text) if digit else ()):
            if WEEKDAY_BEFORE_RE.search(text, max(0, m.start() - 16), m.start()):
                add(Span(m.start(), m.end(), "DATE", PATTERN, "date-weekday-ordinal"))
        for m in (APOS_YEAR_RE.finditer(text) if digit and ("'" in text or "’" in text) else ()):
            g = "y" if m.group("y") else "z"
            add(Span(m.start(g), m.end(g), "DATE", PATTERN, "date-apostrophe"))
        if digit and MONTH_HINT_RE.search(low):  # speed: every match holds a digit (its day) on one line
            for m in self._digit_line_matches(MONTH_DAY_RE, text, text):
                add(Span(m.start(), m.end(), "DATE", PATTERN, "date-month-day"))
        if MONTH_HINT_RE.search(low):
            for m in MONTH_WORD_RE.finditer(text):
                if not _at_word_start(text, m.start()):
                    continue
                if om := ORDINAL_BEFORE_MONTH_RE.search(text, max(0, m.start() - 32), m.start()):
                    add(Span(om.start(), m.end(), "DATE", PATTERN, "date-ordinal-word"))
                elif om := ORDINAL_AFTER_MONTH_RE.match(text, m.end()):
                    add(Span(m.start(), om.end(), "DATE", PATTERN, "date-ordinal-word"))
                elif TIME_WORD_BEFORE_RE.search(text, max(0, m.start() - 14), m.start()):
                    add(Span(m.start(), m.end(), "DATE", PATTERN, "date-month-word"))
            # ... and a month abbreviated after a time word ('seit einem Sturz im Dez.', 'the film taken in Jan';
            # session 46; not 'Mar', 'May', ordinary words too)
            for m in MONTH_ABBR_WORD_RE.finditer(text):
                if TIME_WORD_BEFORE_RE.search(text, max(0, m.start() - 14), m.start()):
                    add(Span(m.start(), m.end(), "DATE", PATTERN, "date-month-word"))
            for m in MONTH_WORD_LOW_RE.finditer(low):  # (speed: a literal scan of the lower-cased text)
                if not _at_word_start(text, m.start()) or text[m.start()].isupper() and text[m.start() + 1].islower():
                    continue  # inside a word; 'March', 'Mai': the loop above
                if om := (ORDINAL_BEFORE_MONTH_RE.search(text, max(0, m.start() - 32), m.start())
                          or DATE_LEAD_RE.search(text, max(0, m.start() - 14), m.start())):
                    add(Span(om.start(), m.end(), "DATE", PATTERN, "date-ordinal-word"))
        for m in (SHORT_EVENT_DATE_RE.finditer(text) if digit and "/" in text else ()):
            ls = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start())) + 1
            if EVENT_VERB_RE.search(low, ls, m.start()) and not SCORE_BEFORE_RE.search(low, max(ls, m.start() - 16),
                                                                                         m.start()):
                add(Span(m.start(), m.end(), "DATE", PATTERN, "date-event"))
        for m in (self._digit_line_matches(MONTH_YEAR_RE, text, text) if digit else ()):
            if EVENT_WORD_BEFORE_RE.search(text, max(0, m.start() - 16), m.start()):
                add(Span(m.start(), m.end(), "DATE", PATTERN, "date-month-year"))
        for m in (self._digit_line_matches(AGE2_RE, text, text) if digit else ()):
            if int(LEADING_NUMBER_RE.match(m.group()).group()) > 125:
                continue  # no one's age: '310 W Front St' is a house number and a street's side (session 38)
            if not _is_duration(low, m.start(), m.end()) and not _is_height(low, m.start(), m.end()) \
                    and not ("old" in low[m.start():m.end()] and _is_thing_age(low, m.end())):
                add(Span(m.start(), m.end(), "AGE", PATTERN, "age-any"))
        for m in (AGE_OLD_RE.finditer(low) if "old" in low else ()):
            if (n := SPELLED_NUMBER_BEFORE_RE.search(low, max(0, m.start() - 32), m.start())) \
                    and not _is_thing_age(low, m.end()):
                add(Span(n.start(), m.end(), "AGE", PATTERN, "age-spelled"))
        for m in (SPELLED_AGE_DE_RE.finditer(low) if "jährig" in low else ()):
            add(Span(m.start(), m.end(), "AGE", PATTERN, "age-spelled"))
        if " St" in text or " Rd" in text or " Road" in text or " Street" in text or " Lane" in text:
            for m in STREET_PRACTICE_RE.finditer(text):  # 'Main St Surgery', 'Mill Road Medical Centre'
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "street-practice"))
        for m in (self._digit_line_matches(AGE_SEX_RE, text, text) if AGE_SEX_HINT_RE.search(text) else ()):
            add(Span(m.start(), m.end(), "AGE", PATTERN, "age-sex"))
        for c in [c for c in cands if c.kind == "NAME" and c.strength == STRONG]:
            am = AFTER_NAME_AGE_RE.match(text, c.end)
            if am:
                add(Span(am.start("a"), am.end("a"), "AGE", PATTERN, "age-after-name"))
        if digit:  # every match holds a digit, on one line
            for m in self._digit_line_matches(AGE_CUE_RE, text, low):
                g = "a" if m.group("a") else "c" if m.group("c") else "b"
                add(Span(m.start(g), m.end(g), "AGE", PATTERN, "age-cue"))
            for m in self._digit_line_matches(SEX_AGE_GLUED_RE, text, text):
                g = "a" if m.group("a") else "b" if m.group("b") else "c" if m.group("c") else "d"
                if g == "d" and not NAME_BEFORE_BRACKET_RE.search(text, max(0, m.start() - 40), m.start()):
                    continue  # a single year only after a name ('Emir (m7)'), not 'figure (f1)'
                add(Span(m.start(g), m.end(g), "AGE", PATTERN, "age-sex-glued"))
        if "(at)" in low or "[at]" in low or "{at}" in low or " dot " in low or "ät)" in low or "ät]" in low \
                or "ät}" in low or " punkt " in low:
            for m in EMAIL_OBF_RE.finditer(text):
                if re.search(r"[(\[{](?:at|ät)[)\]}]|[.\s](?:dot|punkt)[\s]|\.[a-z]{2,4}$", m.group(), re.I):
                    add(Span(m.start(), m.end(), "EMAIL", STRONG, "email-obfuscated"))
        id_digits = ID_DIGITS_HINT_RE.search(text) is not None
        for m in (self._digit_line_matches(ALNUM_ID_RE, text, text) if "*" in text or id_digits else ()):
            g = m.group()
            if ("*" in g or "XX" in g or _id_like_digits(g)) and not YEAR_RANGE_RE.fullmatch(g) \
                    and not DECIMAL_RE.fullmatch(g) and not _clock_time(text, m.start(), m.end()):
                add(Span(m.start(), m.end(), "ID", PATTERN, "id-alnum"))
        for m in (self._id_cue_matches(text, low) if digit else ()):
            if _at_word_start(text, m.start()):
                sm = SPLIT_ID_RE.match(text, m.end("v"))
                if sm and sm.end() > m.end("v"):
                    add(Span(m.start("v"), sm.end(), "ID", STRONG, "id-split"))
        if "*" in text:
            for m in MASKED_ID_RE.finditer(text):
                add(Span(m.start(), m.end(), "ID", PATTERN, "id-masked"))
            for m in SPACED_MASKED_ID_RE.finditer(text):
                digits, stars = re.findall(r"\d+", m.group()), re.findall(r"\*+", m.group())
                if stars and (len(digits) >= 2 or len(digits) == 1 and len(digits[0]) >= 3 and len(stars) >= 2):
                    add(Span(m.start(), m.end(), "ID", PATTERN, "id-masked"))
        for m in (self._digit_line_matches(POSTCODE_RE, text, text) if digit else ()):
            add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "postcode"))
        for m in (self._digit_line_matches(LOWER_POSTCODE_RE, text, text) if digit else ()):
            tm = LOWER_TOWN_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
            town = tm is not None and fold(tm.group("t")) not in self.safe and fold(tm.group("t")) not in self.common
            add(Span(tm.start("t") if town else m.start(), m.end(), "ADDRESS", PATTERN, "postcode-lower"))
        for m in (self._digit_line_matches(OUTWARD_AFTER_TOWN_RE, text, text) if digit else ()):
            ls = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 40)
            # not a trainee's grade after a doctor's name ('Dr Owain Pugh, ST2 Radiology', 'Dr X, CT1', 'FY2')
            if fold(m.group("t")) not in self.safe and not _clinical_compound(self, m.group("t")) and not (
                    m.group("pc")[:2] in ("ST", "CT", "FY") and (
                        TITLE_SEQ_RE.search(text, ls, m.start()) or INITIAL_END_RE.search(text, ls, m.start())
                        or TRAINEE_AFTER_RE.match(text, m.end()))):
                add(Span(m.start("pc"), m.end("pc"), "ADDRESS", PATTERN, "postcode-outward"))
        # speed: every match stays on one line and holds a digit or 's/n' (any case)
        for m in (FOREIGN_STREET_RE.finditer(text) if "s/n" in low
                  else self._digit_line_matches(FOREIGN_STREET_RE, text, text) if digit else ()):
            add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "street-foreign"))
        for m in (self._digit_line_matches(LOCATIVE_STREET_RE, text, text) if digit else ()):
            if (n := fold(m.group("n"))) not in self.safe or n.endswith(STREET_NOUN_TAILS):
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "street-locative"))
        self._address_lines(text, cands)
        for m in (COUNCIL_ID_RE.finditer(text) if "CR" in text and digit else ()):
            add(Span(m.start(), m.end(), "ID", PATTERN, "council-id"))
        for m in (LOWER_POSTAL_CITY_RE.finditer(text) if id_digits and FIVE_DIGITS_RE.search(text) else ()):
            f = fold(m.group("t"))  # '84416 taufkirchen' on a line typed in lower case (session 37)
            if (f in self.places or f not in self.common and f not in self.safe) \
                    and _mostly_lower(_line_at(text, m.start())):
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "postcode-town-lower"))
        for m in (ID_PREFIX_RE.finditer(text) if id_digits and FIVE_DIGITS_RE.search(text) else ()):
            add(Span(m.start(), m.end(), "ID", PATTERN, "id-prefix"))
        for m in (self._digit_line_matches(WARD_RE, text, low) if digit else ()):
            if _at_word_start(text, m.start()) and not UNIT_AFTER_RE.match(low, m.end()):
                add(Span(m.start("v"), m.end("v"), "ID", PATTERN, "ward-bed"))
        self._ward_and_dictation(text, low, add)
        self._staff_line_ends(text, low, add)
        self._closing_initials(text, add)
        self._name_place_compounds(text, add)
        self._locative_compounds(text, add)
        self._employers_bei(text, add)
        self._abbreviated_institutions(text, add)
        self._teams_played_for(text, low, add)
        self._relatives_and_institutions(text, low, add, protected)
        if "(" in text or "," in text:
            self._place_before_region(text, add)
        tm = TRAILING_INITIALS_RE.search(text, max(0, len(text) - 40))
        if tm:
            g = next(k for k in "vwxyzu" if tm.group(k))
            if g == "u" and not any(not re.search("[aeiouyAEIOUY]", p) for p in tm.group(g).split("-")):
                pass  # 'conservative / non-op', 're-do': words (initials have a part without a vowel: 'fb-ms')
            elif g in "xyzu" or fold(tm.group(g).split("/")[0]) not in self.safe:  # x-z: the shape says initials
                add(Span(tm.start(g), tm.end(g), "NAME", PATTERN, "trailing-initials"))
        if "- " in text or "—" in text or "–" in text:  # speed: a spaced dash or a long one opens every match
            for m in DOTTED_SIGN_RE.finditer(text):  # '... tuft fracture. - J.A.O. Queries: ...' (session 22)
                add(Span(m.start("v"), m.end("v"), "NAME", PATTERN, "dotted-initials"))
        for m in BABY_OF_RE.finditer(low):
            r = BABY_NAME_RE.match(text, m.end())  # whatever words follow: 'Baby of Mai TRAN'
            if r:
                end = len(text[:r.end()].rstrip(" \t,-"))  # the name, not the gap after it
                add(Span(m.start(), end, "NAME", STRONG, "baby-of"))
        for zs, ze, prose in self._zones(text, low):
            if not prose:
                # 'Pat: Hand, Dieter': a surname before ', <given name>' on a header line, whatever the word
                for m in SURNAME_COMMA_GIVEN_RE.finditer(text, zs, ze):
                    if fold(m.group("g")) in self.first_names and not m.group("s").isupper():
                        add(Span(m.start(), m.end(), "NAME", STRONG, "zone-surname-given"))
                for m in AGE_SPAN_RE.finditer(low, zs, ze):
                    if not _is_duration(low, m.start(), m.end()):
                        add(Span(m.start(), m.end(), "AGE", PATTERN, "age-zone"))
                for m in (SEX_AGE_FIELD_RE.finditer(low, zs, ze) if digit else ()):  # 'DOB [date] F 79 GP: ...'
                    add(Span(m.start("a"), m.end("a"), "AGE", PATTERN, "age-zone"))
            for m in (LOCATIVE_PRACTICE_RE.finditer(low, zs, ze) if " a" in low or " i" in low or " z" in low else ()):
                if fold(m.group("w")) not in LOCATIVE_STOP:  # 'Radiologie am See', 'Praxis am Wall'
                    add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "locative-practice"))
            self._zone_tokens(text, zs, ze, protected, cands, prose)
            self._zone_institutions(text, zs, ze, protected, cands, prose)
        # the report's last lines are its footer ('produced by Brantwick Teleradiology Ltd'): institution cue
        # words next to an unknown capitalised word make an institution there too, as in a prose zone
        lines = [m.span() for m in LINE_RE.finditer(text) if m.group().strip()]
        for ls, le in lines[max(1, len(lines) - 2):] if len(lines) >= 3 else ():
            if not SECTION_RE.match(text, ls):
                self._zone_institutions(text, ls, le, protected, cands, prose=True)
        # a name from the wider lists, capitalised, outside any zone: 'Nguyen reports pain'
        for m in self._cap_tokens(text):
            w = m.group()
            if w.endswith(".") or len(w) < 3 or (len(w) <= 4 and w.isupper()):
                continue  # outside a zone a short all-caps word is an acronym ('OTA', 'ORIF'), not a name
            f = fold(w)
            parts = f.split("-")
            if f in self.safe or f in self.known_names:
                continue
            if FIELD_LABEL_RE.match(text, m.end()) and ZONE_CUE_RE.fullmatch(w.lower()):
                continue  # 'Mutter: ...', 'Fellow: ...': a cue word labelling its field is no name
            if f in KIN_WORDS and not w.isupper():
                continue  # 'Laut Mutter (Fr. Sharma)': a kin word is who speaks, not a name (session 27)
            if f in self.nouns and ABBREV_HYPHEN_BEFORE_RE.search(text, max(0, m.start() - 7), m.start()):
                continue  # a German noun after an anatomical abbreviation's hyphen ('ACG-Spalt'), session 24
            if f in self.ordinary and f not in self.places and not w.isupper() and (
                    SUSPENDED_COMPOUND_RE.match(text, m.end()) or f in self.nouns and (
                        (ARTICLE_BEFORE_RE.search(text, max(0, m.start() - 8), m.start())
                         or ARTICLE_ADJ_BEFORE_RE.search(text, max(0, m.start() - 24), m.start()))
                        and not self._place_glue_before(text, m.start())
                        or _sentence_start(text, m.start(), "\n.!?|") and LOWER_AFTER_RE.match(text, m.end()))):
                continue  # a German noun after its article ('von der Leiter', 'den Zug des M. abductor'; 'im
                # Urlaub' since session 26, but not in a place's name: 'Fürth im Wald') or an
                # adjective opening a sentence ('Kleine schalenförmige Verkalkung'), session 20; a suspended
                # compound's first part ('Reit- und Fahrverein'), session 21: no name
            if f in self.ordinary and f not in self.places and not w.isupper() and \
                    CONTRACTED_ARTICLE_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()):
                continue  # an adjective or a verb made a noun by a contracted article ('beim Kurz', a Schwingen
                # hold; 'zum Laufen'): German writes no name after 'beim' without a title (session 29)
            # (also after a field label's colon: 'Befund: Kleine Exostose'; session 36)
            if f in self.ordinary and not w.isupper() and _sentence_start(text, m.start(), "\n.!?|:") and (
                    nm := NEXT_WORD_RE.match(text, m.end())) and fold(nm.group("w")) in self.safe \
                    and fold(nm.group("w")) not in self.known_names:
                continue  # an adjective opening a sentence before a clinical noun ('Kleine Sklerosezone'), session 24
            if f == "bord" and ABOARD_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()):
                continue  # 'an Bord der Fähre', 'von Bord': aboard, not the surname (session 50; 'Bord na Móna' goes)
            if f in SIDE_ADJECTIVES:
                continue  # 'Linker SC unauffällig', 'Befund: Rechter Humerus ...': the side, not a surname (session 36)
            if MONTH_WORD_RE.fullmatch(w) or WEEKDAY_RE.fullmatch(w):
                continue  # 'am Samstag', 'seit Juni': a weekday or month the wider lists also hold as a surname
                # ('Freitag', 'Sonntag') is the calendar's word outside a zone (session 36)
            if f in self.other_names or (len(parts) > 1 and any(p in self.other_names or p in self.known_names
                                                                for p in parts)
                                         and not any(p in self.safe for p in parts)):
                add(Span(m.start(), m.end(), "NAME", PATTERN, "name-wide"))
            elif f in self.places and not (w.isupper() and f in self.ordinary and ARTICLE_CAPS_BEFORE_RE.search(
                    text, max(0, m.start() - 5), m.start())):  # 'Skiunfall Laax': a town in prose; in an all-caps
                # report a town that is also a word is only a word after an article ('AT THE LEVEL OF')
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "place"))
        # a history sentence needs no cue word inside a history section ("Anamnese: ... in Wondreb vom Rind
        # getreten"; session 18)
        sections = self._history_sections(text, low)
        for m in (HISTORY_PLACE_RE.finditer(text) if sections or any(c in low for c in HISTORY_CUES) else ()):
            g = "p" if m.group("p") else "q" if m.group("q") else "c" if m.group("c") else "a"
            # English forms few closed compounds, so after an English preposition a word made of two ordinary
            # words is a place ('near Burtonport', 'at Glenshee'); German makes them all the time ('im Pausenhof')
            english = m.group("en") is not None or m.group("art") == "the" or \
                ENGLISH_CLAUSE_RE.search(low, max(0, m.start() - 40), m.start()) is not None
            if g == "c" and not (english and EN_FUNCTION_RE.search(low, max(0, m.start() - 40), m.start())
                                 and not DE_FUNCTION_RE.search(low, max(0, m.start() - 40), m.start())
                                 and not text.startswith(":", m.end() + 1)):
                continue  # a word after a comma only in an English clause: German capitalises every noun
            if not english and m.group("pp") in ("in", "bei", "nahe", "aus", "am", "im"):
                english = self._report_english(text, low)  # 'aboard boat in Newlyn harbour': the report decides
            # right after an accident noun: a compound of two words of four letters or more is a clinical word
            # ('Skisturz Daumenballen'), a shorter split says nothing ('Stubai')
            part = 4 if g == "a" else 3
            # ('near' names a place whatever its ending: 'near Ditzum'; session 22)
            shape = m.group("pp") not in ("near", "nahe")
            # in an English clause a capitalised word mid-sentence after a locative is a name whatever list holds it
            # as a word ('skiing in Klosters', 'lives near Reading'); a country or a state, a month, a clinical or a
            # safe word stays, and a line in title case says nothing by case (session 29)
            # ('at' too when the word is in no list at all: 'struck at Kilcar on Sunday'; session 36)
            first = m.group(g).split()[0]
            en_proper = (g == "p" and english and not m.group("art") and (
                m.group("pp") in ENGLISH_PLACE_PREPS or m.group("pp") == "at" and self._proper_word(first))
                or g == "c") and self._english_proper_place(text, m.start(g), first)
            # (the report's language too: German 'an der Schanze' reads like an English clause)
            en_proper = en_proper and self._report_english(text, low)
            if not en_proper and not any(self._history_place_word(w, compounds=not english, min_part=part,
                                                                  shape=shape) for w in m.group(g).split()) \
                    and not TOWN_SUFFIX_RE.search(m.group(g)) and not (
                        g == "p" and not m.group("art") and m.group("pp") in CONTEXT_PLACE_PREPS
                        and fold(m.group(g).split()[0]) in self.context_places):
                continue  # a town named like an ordinary word only right after 'in', 'near', 'aus' ('in Freiburg')
            ls = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start())) + 1
            le = text.find("\n", m.end())
            sentence = low[ls:len(text) if le < 0 else le]
            if any(c in sentence for c in HISTORY_CUES) or any(hs <= m.start() < he for hs, he, _ in sections):
                add(Span(m.start(g), m.end(g), "ADDRESS", PATTERN, "history-place"))
        self._history_section_words(text, low, add, protected)
        self._title_runs(text, low, add, protected)
        pos = 0
        cased: list[tuple[int, int]] = []
        for line in text.split("\n"):  # only a line typed in lower case: elsewhere case says what a name is
            if len(line) > 8 and (line == low[pos:pos + len(line)] or (
                    line.lstrip()[:1].islower() and _mostly_lower(line))):  # (speed: such a line opens in lower case)
                self._lower_line_names(text, low, pos, pos + len(line), add)
            elif len(line) > 8:
                # a sentence typed in lower case inside a line that is not: after a heading ('ELBOW Hx: tackled
                # playing for aber u16s at plascrug sat.'), after an age ('Hx: 29F. slipped on the cobbles in
                # cornhill', 'Clinical details: 34M cyclist, came off between westonzoyland and middlezoy'), beside
                # a sentence in normal case ('... in norseman. ?OA. Ref Dr Okonkwo-Bell'; session 44): such a
                # sentence is read as a line typed in lower case
                for sm in LOWER_SENTENCE_START_RE.finditer(line):
                    se = SENTENCE_END_RE.search(line, sm.end())
                    se = se.start() + 1 if se else len(line)
                    if _mostly_lower(line[sm.start("s"):se]):
                        self._lower_line_names(text, low, pos + sm.start("s"), pos + se, add)
                cased.append((pos, pos + len(line)))
            pos += len(line) + 1
        if cased:
            self._lower_names_in_cased_lines(text, low, cased, add)
        if any(h in low for h in RESIDENCE_HINTS):
            for m in RESIDENCE_RE.finditer(text):
                ws = m.group("p").split()
                while ws and fold(ws[-1]) in PLACE_GLUE_WORDS:
                    ws.pop()
                phrase = fold(" ".join(ws))
                f0 = fold(ws[0])
                if phrase in self.regions or f0 in self.regions or f0 in self.safe or f0 in self.eponyms \
                        or MONTH_WORD_RE.fullmatch(ws[0]) or _clinical_compound(self, ws[0]):
                    continue
                end = self._name_after_generic(m, "p")
                end = min(end, m.start("p") + _span_of_words(m.group("p"), len(ws))) if end else 0
                if end:
                    add(Span(m.start("p"), end, "ADDRESS", PATTERN, "residence-place"))
        for m in (RIVER_COMPOUND_RE.finditer(text) if RIVER_COMPOUND_HINT_RE.search(low) else ()):
            add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "river-compound"))
        if "kiez" in low:
            for m in KIEZ_RE.finditer(text):
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "kiez"))
        if SWISS_TOWN_HINT_RE.search(text):
            for m in SWISS_TOWN_RE.finditer(text):
                f = fold(m.group("t"))  # the canton's letters say it is a town, even an ordinary word ('Wil SG')
                if f in self.places or not (f in self.safe or f in self.ordinary or f in self.eponyms or f in self.nouns
                                            or _clinical_compound(self, m.group("t"))):
                    add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "swiss-town"))
        if any(e in low for e in BRITISH_PLACE_ENDS):
            for m in BRITISH_PLACE_END_RE.finditer(text):
                f = fold(m.group())
                if f in self.places or not (f in self.common or f in self.safe or f in self.ordinary
                                            or f in self.eponyms or f in self.nouns or f.endswith("audale")):
                    add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "british-place-end"))
        if any(h in low for h in TRANSIT_HINTS):
            for m in TRANSIT_STOP_RE.finditer(text):
                if end := self._name_after_generic(m, "p"):
                    add(Span(m.start("p"), end, "ADDRESS", PATTERN, "transit-stop"))
        if PLACE_HEAD_HINT_RE.search(text):
            for m in PLACE_HEAD_NAME_RE.finditer(text):
                w = m.group("w")
                f = fold(w)
                if f in self.places or not (f in self.common or f in self.safe or f in self.eponyms
                                            or f in self.known_names or f in self.nouns or _clinical_compound(self, w)):
                    add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "place-head"))
        if PEAK_HINT_RX.search(low):
            for m in PEAK_HEAD_RE.finditer(text):
                w = m.group("w").split()[0]
                f = fold(w)
                if f in self.common or f in self.safe or f in self.ordinary or f in self.eponyms \
                        or _clinical_compound(self, w):
                    continue
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "peak-head"))
        if "unfall" in low or "sturz" in low:
            for m in MOUNTAIN_ACCIDENT_RE.finditer(text):
                w = m.group("p")
                f = fold(w)
                if f in self.common or f in self.safe or f in self.eponyms or f in GENERIC_SLOPES or \
                        f.endswith(GENERIC_SLOPE_TAILS) or NOT_PLACE_END_RE.search(w.lower()) or \
                        _clinical_compound(self, w):
                    continue
                add(Span(m.start("p"), m.end("p"), "ADDRESS", PATTERN, "mountain-accident-place"))
        cued = any(c in low for c in HISTORY_CUES)
        history = self._history_sections(text, low)
        if cued or history:
            for m in UPPER_PLACE_RE.finditer(text):
                # without a cue word only inside a history section ('HX: CUT ON GLASS AT SCHUETZENFEST IN IMMENRODE';
                # session 44), and there a German section's compounds are tested as such ('IN AUTOTÜR' stays)
                section = None if cued else next((h for h in history if h[0] <= m.start() < h[1]), None)
                if not cued and section is None:
                    continue
                ws = m.group("p").split()
                f0 = fold(ws[0])
                if m.group("pp") not in UPPER_ANY_WORD_PREPS and not (
                        f0 in self.places or f0 in self.context_places or f0 in self.proper
                        or len(ws) == 2 and fold(ws[1]) in PLACE_HEADS
                        or len(f0) > 8 and f0.endswith(UPPER_PLACE_COMPOUND_TAILS) and f0 not in self.common):
                    continue  # after the session-19 prepositions only a listed place ('ON OUTSTRETCHED HAND' stays)
                if self._history_place_word(ws[0].title(), compounds=section is not None and not section[2]) and \
                        not any(fold(w) in self.institution_cues for w in ws):
                    end = m.end("p") if len(ws) == 1 or self._history_place_word(ws[1].title(), compounds=False) \
                        or fold(ws[1]) in PLACE_HEADS else m.start("p") + len(ws[0])
                    add(Span(m.start("p"), end, "ADDRESS", PATTERN, "history-place-caps"))
        if "Govt" in text or "GOVT" in text or "Government" in text or "GOVERNMENT" in text or "Municipal" in text \
                or "Zilla" in text or "Z.P" in text or "ZP " in text:
            for m in GOVT_SCHOOL_RE.finditer(text):
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "government-school"))
        if "illage" in text or "ILLAGE" in text or "Dorf" in text or "DORF" in text or "aon" in text:
            for m in VILLAGE_RE.finditer(text):
                s0, words = self._trim_safe_lead(m, "n")
                if words and all(self._history_place_word(w.title() if w.isupper() else w, compounds=False)
                                 or fold(w) in self.known_names for w in words):
                    add(Span(s0, m.end(), "ADDRESS", PATTERN,
                             "village"))
        if "Lady" in text or "Dame" in text or "Liebe" in text:
            for m in OUR_LADY_RE.finditer(text):
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "church"))
        if any(q in text for q in "„\"“‚»«"):
            for m in QUOTED_NAME_RE.finditer(text):
                add(Span(m.start("q"), m.end("q"), "INSTITUTION", PATTERN, "quoted-name"))
            for m in QUOTED_TITLE_RE.finditer(text):
                words = re.findall(r"[^\W\d_]+", m.group("q"))
                if not all(fold(w) in self.safe or w[:1].islower() for w in words):  # 'Sonnenwinkel' is a name
                    add(Span(m.start("q"), m.end("q"), "INSTITUTION", PATTERN, "quoted-title"))
        if "tte" in text or "alm" in text or "alpe" in text:
            for m in HUT_RE.finditer(text):
                if fold(m.group()) not in GENERIC_HUTS and not _clinical_compound(self, m.group()):
                    add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "hut"))
        for m in TEAM_SPORT_RE.finditer(text):
            n = m.group("n")
            f = fold(n)
            if f in self.safe or f[:-1] in self.safe or n in GENERIC_TEAMS or (
                    f in self.common and n not in TEAM_WORDS):
                continue
            add(Span(m.start("n"), m.end("n"), "INSTITUTION", PATTERN, "team-sport"))
        # a camel-case brand before institution words: 'BrightPath Medical', 'CityCare Urgent Care'
        for m in (CAMEL_RUN_RE.finditer(text) if CAMEL_HINT_RE.search(text) else ()):
            words = m.group().split()
            if any(fold(w) in self.institution_cues for w in words[1:]) and fold(words[0]) not in self.safe:
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "camel-institution"))
        # an initial before an unknown capitalised word: 'M. Ferreira-Lindner'
        for m in INITIAL_NAME_RE.finditer(text):
            if _left_cue(text[max(0, m.start() - 40):m.start()]):
                continue
            if text[m.start()] in "IVX" and NUMERAL_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
                continue  # 'MCP-Luxation D I. Fraglicher Ausriss': a ray's numeral ending a sentence, no initial
            if text[m.start()] in "IVX" and self._inflected_adjective(m.group("w")):
                continue  # 'Metakarpale I. Fragliche Subluxation': a numeral, no initial (session 24)
            if fold(m.group("w")) not in self.safe:
                add(Span(m.start(), m.end(), "NAME", PATTERN, "initial-name"))
            elif SIGNATURE_LINE_RE.fullmatch(_line_at(text, m.start())):  # 'H. Fuß' alone on its line
                add(Span(m.start(), m.end(), "NAME", STRONG, "initial-name-line"))
        # 'KOWALSKI, Anna' / 'WINTER, May': an upper-case surname, a comma, a given name
        for m in INVERTED_NAME_RE.finditer(text):
            sf, gf = fold(m.group("s")), fold(m.group("g"))
            if sf in self.safe or gf in self.not_names:
                continue
            # 'ARTICULAR STEP-OFF, MASON II.': a hyphenated pair of ordinary words, then a graded eponym
            if ("-" in sf and all(p in self.safe or p in self.common for p in sf.split("-"))) or (
                    gf in self.eponyms and GRADE_HINT_RE.match(text, m.end("g"))):
                continue
            ls = text.rfind("\n", 0, m.start()) + 1
            le = text.find("\n", m.end())
            if not any(c.islower() for c in text[ls:le if le >= 0 else len(text)]) and not (
                    any(x in self.known_names or x in self.other_names for x in (sf, gf))):
                continue  # an all-caps line ('CHILLS, NONPROD. COUGH'): a comma between words is no name
            add(Span(m.start(), m.end(), "NAME", STRONG, "inverted-name"))
        # 'Feldbach, 12.03.2026': a place before a date (German letter style), not a safe word
        for m in (PLACE_DATE_RE.finditer(text) if PLACE_DATE_HINT_RE.search(text) else ()):
            if fold(m.group("p")) not in self.safe and m.group("p").lower() not in ("den", "am", "vom") \
                    and not self._clinical_compound(fold(m.group("p"))):  # 'Spontangeburt am 02.01.' (session 49)
                add(Span(m.start("p"), m.end("p"), "ADDRESS", PATTERN, "place-date"))
        self._unknown_acronyms(text, add)
        for m in (LANDFORM_RE.finditer(text) if LANDFORM_HINT_RE.search(text) else ()):
            if self._landform_name(m.group("w"), m.group("s")):
                add(Span(m.start("w"), m.end("w"), "ADDRESS", PATTERN, "landform"))

    def _lower_kind_names(self, text: str, pos: int, end: int, add, cased: bool = False) -> None:
        """Names typed in lower case that their kind or their place in the clause marks, in text[pos:end]: a listed
        town after a comma, a German venue, school, home or society by its head, a club by its abbreviation, a place by
        its kind, a street by its kind (after a place preposition also when its name is a common word), a street
        corner, a German street, a hospital by its town. A line typed in lower case reads them (sessions 21-35); so
        does a line typed in normal case that holds a lower-case word no list knows (`cased`; session 43: the names in
        passing of the tuning rounds wp-ws, xi, xj, xm, xn and xo, xp)."""
        line = text[pos:end]
        # ... and one after a comma ('(little ducks nursery, brampton)', 'praxis am wall, oldenburg'): a
        # listed place that is no word of either language (session 21); in a line typed in normal case only after a
        # comma that follows a place ('on tannery lane, strathfieldsaye', 'am hof vlg. hinterramsau, allhartsberg'):
        # the gazetteer holds many a rare word there ('(okada)', ', sawmill hand')
        for m in LOWER_COMMA_PLACE_RE.finditer(text, pos, end):
            f = fold(m.group("p"))
            if f in self.places and f not in self.common and f not in self.safe and f not in self.eponyms \
                    and (not cased or self._after_lower_place(text, m.start(), pos)):
                add(Span(m.start("p"), m.end("p"), "ADDRESS", PATTERN, "place-lower"))
        k = pos
        while m := LOWER_HEAD_NAME_RE.search(text, k, end):
            f = fold(m.group("v") or m.group("s"))
            if f not in self.safe and f not in self.eponyms and (
                    f not in self.common or f in self.known_names or f in self.places):
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "venue-lower" if m.group("v")
                         else "society-lower"))
                k = m.end()
            else:  # the word after a head may open the name itself ('im pflegeheim haus sonnenhof')
                k = m.start("v") if m.group("v") else m.start("s")
        for m in LOWER_CLUB_ABBR_RE.finditer(text, pos, end):
            f = fold(m.group("n"))
            if f not in self.safe and (f not in self.common or f in self.places or f in self.proper):
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "club-lower"))
        for m in itertools.chain(LOWER_FEATURE_RE.finditer(text, pos, end), LOWER_LAKE_RE.finditer(text, pos, end)):
            f = fold(m.group("n"))
            if self._lower_place_word(f) and f not in FUNCTION_WORDS:
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "place-kind-lower"))
        for m in (LOWER_TEAM_GRADE_RE.finditer(text, pos, end) if TEAM_GRADE_HINT_RE.search(line) else ()):
            words = m.group("n").split()
            if words[0] == "the":
                words = words[1:]
            if words and not any(fold(w) in NOT_NAME_WORDS or fold(w) in self.safe for w in words):
                add(Span(m.end("n") - len(" ".join(words)), m.end(), "INSTITUTION", PATTERN, "team-grade-lower"))
        for m in (NAMED_GROUND_RE.finditer(text, pos, end) if NAMED_GROUND_HINT_RE.search(line) else ()):
            if not any(f in NOT_NAME_WORDS or f in GENERIC_GROUND_WORDS or f in self.safe or f in self.eponyms
                       for f in map(fold, m.group("n").split())):
                add(Span(m.start("n"), m.end(), "ADDRESS", PATTERN, "named-ground-lower"))
        if "between" in line or "zwischen" in line:
            for m in LOWER_BETWEEN_RE.finditer(text, pos, end):
                # both ends words no list holds ('between westonzoyland and middlezoy'; 'between palette and wagon'
                # pinches a thumb between things the lists know; session 44)
                if all(self._lower_place_word(fold(m.group(g))) and fold(m.group(g)) not in FUNCTION_WORDS
                       for g in ("a", "b")):
                    add(Span(m.start("a"), m.end("a"), "ADDRESS", PATTERN, "between-lower"))
                    add(Span(m.start("b"), m.end("b"), "ADDRESS", PATTERN, "between-lower"))
        # (in a line typed in normal case too: 'Sent in by quorn surgery', 'confirmed with lynton health centre';
        # session 44)
        for m in LOWER_TOWN_HEAD_RE.finditer(text, pos, end):
            f = fold(m.group("p"))
            if (f in self.places or f in self.place_phrases) and f not in self.common and f not in self.safe \
                    and f not in self.eponyms:
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "town-head-lower"))
        # ... and a clinic, practice or school by a place no list holds ('seen first at the <place> clinic', '(GP:
        # ..., <town> medical)', 'at <town> public today'; session 46, rounds af, aj, ak)
        for m in LOWER_PLACE_HEAD_RE.finditer(text, pos, end):
            f = fold(m.group("p"))
            if f not in NOT_NAME_WORDS and f not in self.eponyms and "-" not in f \
                    and not f.endswith(CLINIC_KIND_ENDINGS) and (
                        f in self.places and f not in self.common and f not in self.safe or self._lower_place_word(f)):
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "place-head-lower"))
                # (not 'walk-in clinic', 'rheumatology clinic', 'physio clinic': a kind of clinic)
        for m in LOWER_NAMED_HEAD_RE.finditer(text, pos, end):
            f = fold(m.group("p"))
            if f not in NOT_NAME_WORDS and f not in self.safe and f not in self.nouns \
                    and not _clinical_compound(self, m.group("p")) and (
                        not m.group().endswith("general") or HOSPITAL_LOCATIVE_BEFORE_RE.search(
                            text, max(pos, m.start() - 8), m.start())):  # ('in good general' stays)
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "named-head-lower"))
        for m in LOWER_PREP_STREET_RE.finditer(text, pos, end):
            words = [fold(w) for w in (m.group("n"), m.group("n2")) if w]
            if any(w in GENERIC_ROAD_WORDS or w in NOT_NAME_WORDS for w in words) \
                    or len(words) > 1 and m.group().endswith(" st"):  # ('from boulder with st john': a saint's)
                continue
            if m.group("the") and (len(words) > 1 or words[0] in self.ordinary or words[0] in self.safe):
                continue
            add(Span(m.start("s"), m.end("s"), "ADDRESS", PATTERN, "street-lower"))
        if "cnr" in line or "corner of" in line or "eck" in line:
            for m in LOWER_CORNER_RE.finditer(text, pos, end):
                if fold(m.group("a")) not in FUNCTION_WORDS and fold(m.group("a")) not in self.nouns:
                    add(Span(m.start("c"), m.end("c"), "ADDRESS", PATTERN, "corner-lower"))
        for m in LOWER_STREET_RE.finditer(text, pos, end):
            f = fold(m.group("n"))
            if f in ("high", "main"):  # a town's 'high st', 'main street' (safe words): the town's name before
                if start := self._lower_name_before(text, m.start("n"), max(pos, m.start() - 40)):
                    add(Span(start, m.end(), "ADDRESS", PATTERN, "street-lower"))
            elif f in self.safe or f in self.eponyms:
                continue
            elif f not in self.common or f in self.places:
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "street-lower"))
            elif start := self._lower_name_before(text, m.end("n"), max(pos, m.start() - 40)):
                add(Span(start, m.end(), "ADDRESS", PATTERN, "street-lower"))
        if any(h in line for h in LOWER_DE_STREET_HINTS):
            for m in LOWER_DE_ADJ_STREET_RE.finditer(text, pos, end):
                if fold(m.group("a")) not in NOT_STREET_ADJECTIVES:
                    add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "street-de-lower"))
            for m in LOWER_DE_STREET_RE.finditer(text, pos, end):
                whole = fold(m.group())
                if m.group("s").endswith("-") or (
                        whole not in self.nouns and whole not in self.common and whole not in self.safe
                        and m.group().endswith(("straße", "strasse", "str.", "gasse", "allee"))):
                    add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "street-de-lower"))
        for m in LOWER_HOSPITAL_TOWN_RE.finditer(text, pos, end):
            f = fold(m.group("p"))
            if (f in self.places or f in self.proper or f in self.context_places or f in self.place_phrases) \
                    and f not in self.safe:
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "hospital-town-lower"))

    def _after_lower_place(self, text: str, comma: int, pos: int) -> bool:
        """Whether the comma at `comma` follows a place typed in lower case: a street's or a place's kind word, or a
        word no list holds ('lower burton farm, kington')."""
        if not text.startswith(",", comma):
            return False
        m = PREV_LOWER_WORD_RE.search(text, max(pos, comma - 40), comma)
        if not m:
            return False
        f = fold(m.group(1))
        return f in LOWER_PLACE_KIND_WORDS or self._lower_place_word(f)

    def _lower_place_word(self, f: str) -> bool:
        """Folded lower-case word `f` may name a place: _unlisted_lower, and no listed noun or inflected word ('the
        clearwater river', 'burton farm, kington'; not 'the bone island', 'heifers')."""
        return self._unlisted_lower(f) and f not in self.nouns and not self._inflected_word(f)

    def _lower_line_names(self, text: str, low: str, pos: int, end: int, add) -> None:
        """Names in a line typed in lower case, text[pos:end], found by the words around them (closed-class heads,
        place prepositions, street kinds, listed towns no list holds as a word; sessions 19-40)."""
        line = text[pos:end]
        self._lower_kind_names(text, pos, end, add)
        for m in LOWER_PLACE_RE.finditer(text, pos, end):
            f = fold(m.group("p"))
            if (f in self.places or f in self.common) and f not in self.ordinary and f not in self.safe \
                    and f not in self.eponyms:
                add(Span(m.start("p"), m.end("p"), "ADDRESS", PATTERN, "place-lower"))
        # ... and a listed town anywhere in such a line that no list holds as a word of either language, a
        # name, a region or an inflected word ('tc rot-weiss schopfheim', 'the fair (regensburg)'; session
        # 40: 19 of tune's lower-case lines' leftover places, against 2 words)
        for m in LOWER_WORD_RE.finditer(text, pos, end):
            f = fold(m.group())
            if f in self.places and f not in self.context_places and f not in self.safe \
                    and f not in self.eponyms and f not in self.regions and f not in self.nouns \
                    and f not in self.known_names and not self._inflected_word(f) \
                    and (f not in self.ordinary or f.endswith(TOWN_SUFFIXES)):
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "place-lower-any"))
                # (an ordinary word too when shaped as a town: 'regensburg', 'oldenburg'; not 'hire')
        for m in (LOWER_PHRASE_PLACE_RE.finditer(text, pos, end)
                  if self.place_phrases else ()):
            ws = list(re.finditer(r"\S+", m.group("p")))
            for k in range(len(ws), 1, -1):
                if " ".join(fold(w.group()) for w in ws[:k]) in self.place_phrases:
                    add(Span(m.start("p"), m.start("p") + ws[k - 1].end(), "ADDRESS", PATTERN,
                             "place-phrase-lower"))
                    break
        # ... and any word no list knows after a residence cue ('family live in butetown') or a place
        # preposition ('skiing at thredbo', 'surfing at fistral', 'lives with wife in howdon'; session 38)
        for rx in ((LOWER_RESIDENCE_RE, LOWER_UNKNOWN_PLACE_RE) if self._report_english(text, low)
                   else (LOWER_RESIDENCE_RE,)):
            for m in rx.finditer(text, pos, end):
                f = fold(m.group("p"))
                if f.endswith(("'s", "’s")):
                    f = f[:-2]  # a possessive: the word before it decides ("at cousin's place" stays)
                # (shaped as no clinical or abstract word: 'in mehrfragmentärer', 'bei makrosomie' stay)
                if f not in self.common and f not in self.regions and f not in self.nouns \
                        and self._history_place_word(m.group("p").capitalize(), compounds=False) \
                        and not MONTH_WORD_CASED_RE.fullmatch(m.group("p")):
                    add(Span(m.start("p"), m.end("p"), "ADDRESS", PATTERN, "residence-lower"))
        if any(h in line for h in LOWER_VESSEL_HINTS):
            for m in LOWER_VESSEL_RE.finditer(text, pos, end):
                f = fold(m.group("n"))
                if f in self.common and f not in self.known_names or f in self.safe or f in self.eponyms \
                        or self._is_stop(m.group("n")):
                    continue
                g = m.group("m")
                end = m.end("n") if not g or fold(g) in self.safe or fold(g) in FUNCTION_WORDS or \
                    fold(g) in CLOSED_WORDS or self._is_stop(g) else m.end("m")
                add(Span(m.start("n"), end, "INSTITUTION", PATTERN, "vessel-lower"))
        for m in LOWER_PLACE_ADJ_RE.finditer(text, pos, end):
            f = fold(m.group("a"))
            if f[:-2] in self.places or not (f in self.common or f in self.safe or f[:-2] in self.common
                                             or f in self.eponyms):
                add(Span(m.start("a"), m.end(), "ADDRESS", PATTERN, "place-adjective-lower"))
        for m in LOWER_HOME_RE.finditer(text, pos, end):
            if start := self._lower_name_before(text, m.start(), max(pos, m.start() - 40)):
                add(Span(start, m.end(), "INSTITUTION", PATTERN, "home-lower"))
        for m in LOWER_COMPOUND_STREET_RE.finditer(text, pos, end):
            f = fold(m.group("s"))
            if f not in self.nouns and f not in self.safe and f not in self.common and f not in self.eponyms:
                add(Span(m.start("s"), m.end("s"), "ADDRESS", PATTERN, "street-compound-lower"))
        for m in LOWER_CLUB_HEAD_RE.finditer(text, pos, end):
            if start := self._lower_name_before(text, m.start(), max(pos, m.start() - 50)):
                add(Span(start, m.end(), "INSTITUTION", PATTERN, "club-lower"))
        for m in (LOWER_SAINT_RE.finditer(text, pos, end) if "st" in line else ()):
            if fold(m.group("n")) not in self.safe:
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "saint-lower"))
        # ... and a town's district joined by a hyphen ('(kgv ..., leipzig-gohlis)'; session 34): the town
        # a listed place, proper noun or place of a place context, even when also a common word
        for m in (LOWER_HYPHEN_PLACE_RE.finditer(text, pos, end) if "-" in line else ()):
            f = fold(m.group("t"))
            if (f in self.places or f in self.proper or f in self.context_places) and f not in self.safe \
                    and f not in self.eponyms:
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "place-lower"))

    def _lower_names_in_cased_lines(self, text: str, low: str, lines: list[tuple[int, int]], add) -> None:
        """A name typed in lower case inside a line typed in normal case ('fell off the bike on westsyde rd', 'Sturz
        beim Holzspalten in vesser'; session 42, from the tuning round wp-ws, whose authors named a quarter of their
        places so): a word in lower case after a place preposition that no list of either language holds and that is
        shaped like no clinical or abstract word, a German one after an article, and what _lower_kind_names reads in a
        line typed in lower case (a street by its kind, a town after a comma; session 43). Only the lines that hold a
        lower-case word no list knows as ordinary are read (speed)."""
        known = self._lower_cand_memo
        hits = []
        for m in LOWER_CAND_RE.finditer(text):
            w = m.group()
            hit = known.get(w)
            if hit is None:
                hit = known[w] = self._unlisted_lower(fold(w))
                if len(known) > 200_000:
                    known.clear()
            if hit:
                hits.append(m.start())
        if LOWER_CLUB_HINT_RE.search(text):
            # a club typed in lower case by its abbreviation, its town a word the lists hold ('vom sv <town>'): the
            # line is read though no word in it is unknown (session 47)
            hits.extend(m.start() for m in LOWER_CLUB_ABBR_RE.finditer(text))
            hits.sort()
        if not hits:
            return
        english = None
        for ls, le in lines:
            k = bisect.bisect_left(hits, ls)
            if k == len(hits) or hits[k] >= le:
                continue
            english = self._lower_names_in_cased_line(text, low, ls, le, add, english)


    def _lower_names_in_cased_line(self, text: str, low: str, ls: int, le: int, add,
                                   english: bool | None) -> bool | None:
        """One line of _lower_names_in_cased_lines; `english` the report's language once known."""
        for m in MIXED_LOWER_PLACE_RE.finditer(text, ls, le):
            w = m.group("p")
            f = fold(w)
            town = f in self.places and f.endswith(TOWN_SUFFIXES)  # ('in deggendorf': a word list holds it too)
            if (f in self.common or f in self.nouns) and not town or f in self.regions or f in self.safe \
                    or f in self.eponyms or MONTH_WORD_CASED_RE.fullmatch(w) \
                    or not self._history_place_word(w.capitalize(), compounds=False):
                continue
            if f not in self.places:
                # a word no list holds is a name only in German, where every noun is capitalised and a lower-case
                # word before no capitalised one is no adjective ('in vesser (Nebenerwerb', 'in egringen daumen');
                # English has more words than any list here ('a sawmill', 'the heifers'): there only a word shaped
                # as an English town ('at pembridge', 'out at brucedale'; session 43)
                english = self._report_english(text, low) if english is None else english
                if self._inflected_word(f) and not self._report_german(text, low):
                    continue  # ('in thongs', 'in wheezing'; a German town stays one: 'in kreuzing'; a listed one too)
                if english and (f.endswith(EN_TOWN_SUFFIXES) or m.group("pp") == "at" or m.group("pp") == "in"
                                and RESIDENCE_BEFORE_RE.search(text, max(ls, m.start() - 12), m.start())) \
                        and not w.endswith(("'s", "’s", "s'", "s’")):
                    # (session 46: any such word after 'at', or after 'in' where someone lives, as in a line typed
                    # in lower case: 'out at mingoola', 'lives in makarewa'; after 'in' tune had more things than
                    # places: 'caught in tugger winch', 'in backslab')
                    add(Span(m.start("p"), m.end("p"), "ADDRESS", PATTERN, "place-lower-cased-line"))
                    self._listed_place_after_and(text, m.end("p"), le, add)
                    continue
                nxt = NEXT_WORD_RE.match(text, m.end("p"))  # (a capitalised word: WORD)
                if english or m.group("pp") not in ("in", "bei", "nach", "aus", "unterhalb", "oberhalb") \
                        or (nxt and nxt.group("w")[:1].isupper()) \
                        or GERMAN_ADJECTIVE_END_RE.search(f) \
                        or self._compound(f, german=True) and not f.endswith(DE_TOWN_TAILS):
                    continue  # ('in unveränderter, regelrechter Lage', 'bei erhaltener dorsaler Kortikalis'; a
                    # compound shaped as a town is one: 'in fischerdorf', session 43)
            add(Span(m.start("p"), m.end("p"), "ADDRESS", PATTERN, "place-lower-cased-line"))
            self._listed_place_after_and(text, m.end("p"), le, add)
        if "der " in text or "dem " in text or "am " in text or "im " in text:
            for m in MIXED_LOWER_DE_ARTICLE_RE.finditer(text, ls, le):
                # 'Sturz auf der weinebene', 'im rosenfelspark', 'hinterm rebstock': in a German line typed in normal
                # case a lower-case word after an article is no noun of the language; an adjective has its noun after
                # it ('in der unveränderten Stellung'), a listed noun or word stays ('im rathaus' is a town hall), and
                # so does a verb used as a noun ('beim abladen')
                w = m.group("p")
                f = fold(w)
                nxt = NEXT_WORD_RE.match(text, m.end("p"))
                if nxt and nxt.group("w")[:1].isupper() or GERMAN_ADJECTIVE_END_RE.search(f) or f in self.common \
                        or f.endswith(("en", "ern", "eln")) and text[m.start():m.start("p")].strip() in ("beim",
                                                                                                     "zum") \
                        or f in self.nouns or f in self.safe or f in self.eponyms or f in self.regions \
                        or MONTH_WORD_CASED_RE.fullmatch(w):
                    continue
                english = self._report_english(text, low) if english is None else english
                if not english:
                    add(Span(m.start("p"), m.end("p"), "ADDRESS", PATTERN, "de-article-lower-cased-line"))
        self._lower_kind_names(text, ls, le, add, cased=True)
        return english

    def _listed_place_after_and(self, text: str, pos: int, end: int, add) -> None:
        """The second of two places joined by 'and' after a place preposition ('round walcha and uralla', 'zw. binau
        und neckargerach'; session 46): a listed place, no word of either language."""
        if (am := PLACE_AND_NEXT_RE.match(text, pos, end)) is not None:
            f = fold(am.group("q"))
            if f in self.places and f not in self.common and f not in self.nouns and f not in self.safe \
                    and f not in self.eponyms:
                add(Span(am.start("q"), am.end("q"), "ADDRESS", PATTERN, "place-lower-cased-line"))

    def _unlisted_lower(self, f: str) -> bool:
        """Folded word `f`, typed in lower case, may be a name: no safe word, no eponym, and no common word unless a
        listed place (the street rule's test, and the test of which lines _lower_names_in_cased_lines reads)."""
        return f not in self.safe and f not in self.eponyms and (f not in self.common or f in self.places)

    def _fire_brigades(self, text: str, low: str, add) -> None:
        """A fire brigade by its town ('FF <town>', '<place> rfs', 'the <place> brigade'; session 48): the town a
        listed place or no word the lists know as an ordinary one ('the visiting fire brigade' stays)."""
        def town(w: str) -> bool:
            f = fold(w)
            return f in self.places or f not in self.common and f not in self.nouns and f not in self.safe

        if "ff" in low or "feuerwehr" in low:
            for m in FIRE_BRIGADE_RE.finditer(text):
                if town(m.group("w")):
                    add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "fire-brigade"))
        if "brigade" in low or " rfs" in low or " ses" in low or " cfa" in low:
            for m in BRIGADE_AFTER_RE.finditer(text):
                if town(m.group("w")):
                    add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "brigade-place"))

    def _saint_name(self, w: str, dotted: bool) -> bool:
        """Whether lower-case `w` after 'st'/'st.' is a saint's name (see SAINT_NAME_LOWER_RE): a listed given name or
        surname, bare or with a genitive ending ('joeys', 'georgen', "joseph's"), no function or safe word; after
        'st.' also a word no list knows, not even as an ordinary word ('cäcilia'; not 'st. small')."""
        f = fold(w[:-2] if w[-2:] in ("'s", "’s") else w)
        if f in NOT_NAME_WORDS or f in self.safe:
            return False
        for stem in (f, f[:-1] if f.endswith("s") else "", f[:-2] if f.endswith("en") else ""):
            if stem and (stem in self.first_names or stem in self.other_names):
                return True
        return dotted and f not in self.common and f not in self.nouns and self._unknown_word(w)

    def _landform_name(self, w: str, suffix: str) -> bool:
        """Whether `w`, a capitalised word ending in the landform noun `suffix` after a German locative ('am
        Harschbichl', 'in der Nebelhöhle', 'unterhalb der Rossalm'), names one place (session 32): not a listed
        noun, safe word or eponym ('Skipiste'), not an anatomical part's tip or head ('an der Akromionspitze':
        the part before the landform is a clinical word), nor a compound of a longer listed noun ('im
        Zuweiserportal')."""
        f = fold(w)
        if f in self.nouns or f in self.safe or f in self.eponyms or fold(w[:len(w) - len(suffix)]) in self.safe:
            return False
        cut = len(f) - len(fold(suffix))  # where the landform noun starts in the folded word
        return not any(f[k:] in self.nouns for k in range(1, cut) if len(f) - k >= 5)

    def _unknown_acronyms(self, text: str, add) -> None:
        """An acronym no list knows, in a line written in mixed case, goes ('retrieved by QWRS from the camp',
        'Arbeitsunfall bei der ZMVB'; session 32). Employers, clubs, hospitals and services are named by acronyms that
        no gazetteer holds, and every new author brings new ones; clinical and administrative acronyms are
        few by comparison and listed (client/data/acronyms.txt, the safe words, the dictionary's words). Not in
        a line without lower case (there every word is in capitals) unless it is a hospital's letters after a locative
        ('TRANSFER TO LGH', 'XR AT RIH'; session 44), nor a roman numeral, a mask ('XXXX') or a field label ('CHI:
        ...'); three to six capitals, not joined to a word by a hyphen or a slash ('K-wire',
        'AP/LAT'). An unlisted clinical acronym is over-redaction, a word of text; an unlisted name is a leak."""
        for m in ACRONYM_WORD_RE.finditer(text):
            w = m.group()
            f = fold(w)
            if f in self.acronyms or f in self.safe or f in self.ordinary or f in self.eponyms \
                    or ROMAN_NUMERAL_RE.fullmatch(w) or "XXX" in w or len(set(w)) == 1 or text.startswith(":", m.end()):
                continue
            if not MIXED_CASE_RUN_RE.search(_line_at(text, m.start())) and not (
                    len(w) <= 4 and w.endswith("H") and CAPS_ACRONYM_PLACE_RE.search(text, max(0, m.start() - 12),
                                                                                   m.start())):
                continue  # in capitals only a hospital's letters after a locative ('TRANSFER TO LGH', 'XR AT RIH')
            add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "acronym-unknown"))

    def _address_lines(self, text: str, cands: list[Span]) -> None:
        """An address found in part makes its whole segment of the line an address (see ADDRESS_SEG_RE)."""
        seen = set()
        others = [(c.start, c.end) for c in cands if c.kind in ("PHONE", "EMAIL", "DATE")]
        for c in [c for c in cands if c.kind == "ADDRESS" and c.rule in ("address", "postcode", "street-foreign")]:
            ls = max((m.end() for m in ADDRESS_SEG_SEP_RE.finditer(text, max(0, c.start - 90), c.start)),
                     default=max(0, c.start - 90))
            me = ADDRESS_SEG_SEP_RE.search(text, c.end, c.end + 90)
            le = me.start() if me else min(len(text), c.end + 90)
            ls = max([ls] + [e for s, e in others if e <= c.start])  # a phone or date beside it is no part of it
            le = min([le] + [s for s, e in others if s >= c.end])
            if (ls, le) in seen or ls >= c.start and le <= c.end:
                continue
            seen.add((ls, le))
            if ADDRESS_SEG_RE.fullmatch(text, ls, le):
                seg = text[ls:le]
                s = ls + len(seg) - len(seg.lstrip())
                e = ls + len(seg.rstrip(" \t,."))
                if s < c.start or e > c.end:
                    cands.append(Span(s, e, "ADDRESS", PATTERN, "address-line"))
            elif any(ch.isdigit() for ch in text[c.start:c.end]) and (m := ADDRESS_TAIL_RE.match(text, c.end, le)):
                words = [w for w in re.split(r"[ \t,]+", m.group()) if w]
                if not any(fold(w) in self.safe and w[0].isupper() and fold(w) not in self.places for w in words):
                    start = m.start() + len(m.group()) - len(m.group().lstrip(" \t,"))
                    cands.append(Span(start, m.end(), "ADDRESS", PATTERN, "address-town"))

    def _place_before_region(self, text: str, add) -> None:
        """A word its country or state follows is a place ('auf einer Bootstour vor Kaikōura (Neuseeland)', 'fell off
        a horse near Tumbarumba, New South Wales'; session 45, round zi): a capitalised word that is no safe, ordinary
        or region word, before a country or state regions.txt holds (not one of its languages or nationalities), in
        brackets or after a comma."""
        for m in PLACE_REGION_AFTER_RE.finditer(text):
            r = fold(m.group("r").rstrip(". "))
            f = fold(m.group("p"))
            if r in self.region_places and f not in self.regions and f not in self.safe and f not in self.eponyms and (
                    f not in self.common or f in self.places):
                add(Span(m.start("p"), m.end("p"), "ADDRESS", PATTERN, "place-before-region"))

    def _relatives_and_institutions(self, text: str, low: str, add, protected: list[tuple[int, int]]) -> None:
        """Newborns filed under a family name, a neonate's day of life, a surname signing off the report, and
        institutions named by an acronym, by ordinary words before an institution noun, or after 'from'/'at'."""
        for m in self._digit_line_matches(NEONATE_AGE_RE, text, low):  # speed: each match holds a digit
            add(Span(m.start(), m.end(), "AGE", PATTERN, "age-neonate"))
        if "Baby" in text or "BABY" in text or "Twin" in text or "TWIN" in text:
            for m in BABY_NAME_RE2.finditer(text):
                if m.group("sex") or fold(m.group("n")) not in self.safe:
                    add(Span(m.start(), m.end(), "NAME", STRONG, "baby-name"))
        for m in KIN_RE.finditer(low):
            pos, end, n = m.end(), None, 0
            line = _line_at(text, m.start())
            caps = not any(c.islower() for c in line)
            # a title before lower-case words on a line typed in lower case: they are the name ('mum (ms le thi
            # nga)'; session 34)
            lower = line == line.lower()
            titled = lower and KIN_TITLE_END_RE.search(low, m.start(), m.end()) is not None
            # ... or lower-case words alone in a bracket after the kin word, none an ordinary word ('mutter (hadžić
            # senada)'; session 34)
            bracketed = lower and not titled and "(" in low[m.start():m.end()]
            if titled and not LOWER_TITLED_NAME_RE.match(text, pos) and (wm := KIN_WORD_RE.match(text, pos)) \
                    and fold(wm.group()) not in self.safe and fold(wm.group()) not in self.ordinary:
                add(Span(pos, wm.end(), "NAME", PATTERN, "kin-name"))  # 'der fam. pinterits von der leiter'
                continue
            if (titled or bracketed) and (tm := LOWER_TITLED_NAME_RE.match(text, pos)):
                # (a particle or short word the safe list knows may open it, 'le', 'van', when a later word is none)
                ws = [w for w in re.finditer(r"\S+", tm.group())]
                while ws and fold(ws[-1].group()) in self.safe:
                    ws.pop()
                if bracketed and (any(fold(w.group()) in self.ordinary and not self._known_name(w.group(), None)
                                      for w in ws) or all(fold(w.group()) in self.common for w in ws)):
                    ws = []
                if ws and not any(ps <= pos < pe for ps, pe in protected):
                    add(Span(pos, pos + ws[-1].end(), "NAME", PATTERN, "kin-name"))
                if titled or ws:
                    continue
            while n < 3 and (wm := KIN_WORD_RE.match(text, pos)) is not None:
                w = wm.group()
                poss = len(w) > 3 and w.endswith(("'s", "’s"))  # "his brother Tariq's narrowboat" (session 39)
                if not self._kin_name_word(w[:-2] if poss else w, caps) \
                        or any(ps <= wm.start() < pe for ps, pe in protected):
                    break
                end, n = wm.end() - (2 if poss else 0), n + 1
                if poss:
                    break
                gap = re.match(r"[ \t]+", text[wm.end():wm.end() + 3])
                if not gap:
                    break
                pos = wm.end() + gap.end()
            if end is not None:
                add(Span(m.end(), end, "NAME", PATTERN, "kin-name"))
        fm = FINAL_NAME_RE.search(text, max(0, len(text) - 60))
        if fm and not any(ps < fm.end("v") and fm.start("v") < pe for ps, pe in protected):
            words = [w for w in fm.group("v").split() if not re.fullmatch(NAME_PARTICLES, w)]
            # a reader's '/Surname' after the last sentence signs like a name on its own line ('... normal. /Haldorsen')
            own_line = fm.start() == 0 or text[fm.start() - 1] == "\n" or fm.group("slash") is not None
            # after a sentence on the same line only a listed name, a hyphenated one or one with a particle
            # ('o.B. Brenner', '... intakt. ter Horst'); 'Impression: 1. Cardiomegaly' is a finding
            shaped = len(words) < len(fm.group("v").split()) or any("-" in w for w in words) or all(
                fold(w) in self.known_names or fold(w) in self.other_names for w in words)
            # initials before the surname count with it ('-- jm okafor'; session 28)
            if words and (own_line or shaped) and self._signature_word(words[-1]) and all(
                    self._signature_word(w) or len(w) <= 2 and w.isalpha() and fold(w) not in self.safe
                    for w in words[:-1]):
                add(Span(fm.start("v"), fm.end("v"), "NAME", PATTERN, "final-name"))
        for m in ACRONYM_INST_RE.finditer(text):
            a = m.group("a")
            if len(a) < 3 or fold(a) in self.safe:
                continue
            end = None
            for wm in re.finditer(r"\S+", m.group("c")):
                f = fold(wm.group())
                if f in self.institution_cues or (end is not None and f in DEPARTMENT_WORDS):
                    end = m.start("c") + wm.end()
                else:
                    break
            if end is not None:
                add(Span(m.start(), end, "INSTITUTION", PATTERN, "acronym-institution"))
        for m in INSTITUTION_END_RE.finditer(text):
            lm = INSTITUTION_RUN_LEFT_RE.search(text, max(text.rfind("\n", 0, m.start()) + 1, m.start() - 70),
                                                m.start())
            if not lm:
                continue
            words = [w for w in re.findall(r"\S+", lm.group()) if fold(w) not in INSTITUTION_GLUE]
            while words and (self._is_stop(words[0]) or TITLE_SEQ_RE.fullmatch(words[0])):
                words.pop(0)
            if words and any(self._unknown_word(w) for w in words):
                s = lm.start() + lm.group().index(words[0])
                add(Span(s, m.end(), "INSTITUTION", PATTERN, "institution-run"))
        if any(k in low for k in INSTITUTION_SUFFIXES):
            for m in LOWER_INSTITUTION_RE.finditer(low):  # 'kv-notdienstpraxis harburg', 'cork university hospital'
                if not _at_word_start(low, m.start()) or not text[m.start():m.end()].islower():
                    continue  # lower case only: capitalised institutions are institution_re's
                left = m.group("left").split() if m.group("left") else []
                named = [self._history_place_word(w, compounds=False) for w in left]
                s = m.start() if any(named) and all(n or fold(w) in self.institution_cues
                                                    for n, w in zip(named, left, strict=True)) else m.start("key")
                place = m.group("place") and self._history_place_word(m.group("place"), compounds=False)
                if s < m.start("key") or place:
                    add(Span(s, m.end("place") if place else m.end("key"), "INSTITUTION", PATTERN,
                             "lower-institution"))
        if "BG " in text:
            for m in BG_RE.finditer(text):
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "bg-institution"))
        for m in (ROAD_RE.finditer(text) if ROAD_HINT_RE.search(text) else ()):
            words = re.findall(WORD, m.group())
            # (a road abbreviation names a street even after ordinary words: 'Main Rd', 'WESTERN AVE'; session 22)
            if m.group().startswith("Lake") or m.group().endswith("St") or any(c.isdigit() for c in m.group()) \
                    or any(fold(w) not in self.safe or fold(w) in self.places for w in words[:-1]) \
                    or (ROAD_ABBREV_END_RE.search(m.group()) and not any(fold(w) in FUNCTION_WORDS
                                                                         for w in words[:-1])):
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "road"))
        if SCHOOL_KIND_HINT_RX.search(text):
            for m in SCHOOL_KIND_RE.finditer(text):
                if m.group("en") and not m.group("den") and not any(self._history_place_word(w, compounds=False)
                                                                    for w in m.group("en").split()):
                    continue
                if m.group("dc") and any(fold(w) in FUNCTION_WORDS for w in m.group("dc").split()):
                    continue
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "school-kind"))
        site_fields = SITE_FIELD_RE.finditer(text) if (":" in text or "#" in text) and any(
            h in low for h in SITE_FIELD_HINTS) else ()
        insurer = INSURER_FIELD_RE.finditer(text) if "träger" in low else ()
        for m, short in itertools.chain(((m, False) for m in site_fields), ((m, True) for m in insurer)):
            end, pos, unsafe = m.end(), m.end(), False
            for _ in range(6):
                t = FIELD_TOKEN_RE.match(text, pos)
                if t is None or t.group().endswith((":", "#")) or text.startswith(":", t.end()):
                    break
                w = t.group().strip(".()'’")
                unsafe = unsafe or (bool(w) and fold(w) not in self.safe and not w.isdigit())
                end = t.end()
                if short and t.group().endswith((".", ",", ";")):
                    break  # an insurer without a colon ends at its sentence's end
                if len(FIELD_GAP_RE.match(text, end).group()) != 1:
                    break
                pos = end + 1
            if unsafe and end > m.end():
                add(Span(m.end(), end, "INSTITUTION", PATTERN, "site-field"))
        if any(h in text for h in LOWER_HEAD_HINTS):
            for m in LOWER_HEAD_INSTITUTION_RE.finditer(text):
                words = (m.group("n") or m.group("r")).replace("St. ", "").split()
                if any(self._unknown_word(w) or fold(w) in self.places for w in words):
                    add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "lower-head-institution"))
        for m in (VENUE_ENDING_RE.finditer(text) if any(h in text for h in VENUE_ENDING_HINTS) else ()):
            if self._proper_word(m.group()):
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "venue-ending"))
        for m in SCHOOL_COMPOUND_RE.finditer(text):
            w = m.group("w")
            if m.group("s") is not None:  # '<given name>stift' only: 'Gewindestift' (a pin) stays
                g = fold(m.group("s"))
                if not any(c in self.first_names for c in (g, g[:-1], g[:-2])):
                    continue
            elif w is not None:  # 'Bettinaschule': the head is no ordinary word ('Grundschule', 'Berufsschule')
                head = fold(w)
                for tail in ("schule", "gymnasium", "kita", "kindergarten"):
                    if head.endswith(tail):
                        head = head[: -len(tail)]
                        break
                if head in GENERIC_SCHOOL_HEADS or head.rstrip("s") in GENERIC_SCHOOL_HEADS or head in self.safe:
                    continue
            elif fold(m.group("v")) in self.common and not m.group("n"):
                continue
            add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "school-compound"))
        for m in (POSSESSIVE_KIN_RE.finditer(text) if "'s " in text or "’s " in text else ()):
            f = fold(m.group("n"))
            if f not in self.safe and (f not in self.common or f in self.known_names):
                add(Span(m.start("n"), m.end("n"), "NAME", PATTERN, "possessive-kin"))
        for m in (KIN_AFTER_RE.finditer(text) if " (" in text else ()):
            ws = m.group("n").split()
            lead = 0
            while len(ws) > 1 and fold(ws[0]) in KIN_LEAD_WORDS:  # 'Aunty Rosalind Jimmy (carer)'
                lead += len(ws.pop(0))
            if not any(fold(w) in self.safe or fold(w) in self.eponyms or _clinical_compound(self, w)
                       or (fold(w) in self.nouns and not self._known_name(w, None)) for w in ws) \
                    and all(w[:1].isupper() for w in ws):  # ('weint bei Berührung (Mutter, ...)': a noun)
                add(Span(text.index(ws[0], m.start("n") + lead), m.end("n"), "NAME", PATTERN, "kin-after"))
        for m in PLACE_ADJ_RE.finditer(text):
            # before a mountain word, a capitalised adjective inside a sentence is a name ('below Trockener Steg',
            # 'vom Grödner Joch'), whichever town it comes from (session 17)
            mountain = m.group("n") in MOUNTAIN_HEADS and not _sentence_start(text, m.start())
            if mountain or self._place_adjective(m.group("a")):
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "place-adjective"))
        for m in (BAD_TOWN_RE.finditer(text) if "Bad " in text or "BAD " in text else ()):
            if not BATHROOM_BEFORE_RE.search(text, max(0, m.start() - 8), m.start()) and (
                    fold(m.group("n")) not in self.safe or fold(m.group("n")) in self.places):
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "spa-town"))
        if any(h in text for h in STATION_HINTS):
            for m in STATION_PLACE_RE.finditer(text):
                if end := self._name_after_generic(m, "n"):  # 'Talstation Rinderberg Schmerzen'
                    add(Span(m.start(), end, "ADDRESS", PATTERN, "station-place"))
        for m in (COMPANY_RE.finditer(text) if COMPANY_HINT_RE.search(text) else ()):
            form = m.group().split()[-1]
            if form in AMBIGUOUS_FORMS and all(fold(w) in self.safe for w in m.group().split()[:-1]):
                continue
            start = m.start()
            if m.group().isupper():  # in capitals every word looks like a name's: the name ends at a safe word
                words = list(CAPS_COMPANY_WORD_RE.finditer(text, m.start(), m.start("form")))
                # (an eponym names a family firm here: 'BOUCHARD BROS'; session 34)
                safe = [i for i, wm in enumerate(words) if fold(wm.group()) in self.safe
                        and fold(wm.group()) not in self.eponyms]
                if safe and safe[-1] + 1 == len(words):
                    continue  # no word of a name before the form
                if safe:
                    start = words[safe[-1] + 1].start()
            add(Span(start, m.end(), "INSTITUTION", PATTERN, "company"))
        if CLUB_HINT_RX.search(text):  # speed: a club word every match holds
            for m in CLUB_RE.finditer(text):
                names = [w for w in re.findall(CLUB_NAME_WORD if m.group().isupper() else WORD, m.group())
                         if w not in CLUB_WORDS]
                # (a gymnastics club, 'TV', only before a name no ordinary word: 'des TV Stammheim'; session 51)
                if m.group().startswith("TV") and any(fold(w) in self.common and fold(w) not in self.places
                                                      for w in names):
                    continue
                if names and not any((fold(w) in self.safe or (w.isupper() and fold(w) in self.common))
                                     and fold(w) not in self.places for w in names):
                    # (a German club's letters outrank a grade's look after its name: '(SV Elversberg II)' is no
                    # eponym graded II; session 38)
                    add(Span(m.start(), m.end(), "INSTITUTION", STRONG if m.group().split()[0] in STRONG_CLUB_PREFIXES
                             else PATTERN, "sports-club"))
        for m in (PLACE_CLUB_RE.finditer(text) if PLACE_CLUB_HINT_RE.search(text) else ()):
            # (or an adjective no list knows at all: 'gegen Harzburger SC' names Bad Harzburg; 'Linker SC' stays)
            if self._place_adjective(m.group("a")) or self._proper_word(m.group("a")) \
                    and fold(m.group("a")) not in self.common:
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "sports-club"))
        for m in (VESSEL_RE.finditer(text) if VESSEL_HINT_RX.search(text) else ()):
            if not all(fold(w) in self.safe for w in m.group().split()[1:]):
                # (a slashed or naval prefix outranks an eponym's look in the name: 'F/V ELLEN ROSE II' is no
                # Rose grade II; session 38)
                add(Span(m.start(), m.end(), "INSTITUTION",
                         STRONG if m.group().split()[0] in STRONG_VESSEL_PREFIXES else PATTERN, "vessel"))
        for m in (VESSEL_NOUN_RE.finditer(text) if any(h in text for h in VESSEL_NOUN_HINTS) else ()):
            if not all(fold(w) in self.safe for w in m.group("n").split()):
                add(Span(m.start("n"), m.end("n"), "INSTITUTION", PATTERN, "vessel"))
        for m in (QUOTED_VESSEL_RE.finditer(text) if any(q in text for q in VESSEL_QUOTES) else ()):
            add(Span(m.start("n"), m.end(), "INSTITUTION", PATTERN, "vessel-quoted"))
        # speed: each pattern only where its own word is ('#' alone is the common '?# fracture' of English notes)
        for m in (JERSEY_RE.finditer(text) if any(h in low for h in JERSEY_HINTS) else ()):
            add(Span(m.start(), m.end("n"), "ID", PATTERN, "jersey-number"))  # with its label, as a ward with its bed
        for m in (JERSEY_HASH_RE.finditer(text) if "#" in text else ()):
            add(Span(m.start("n") - 1, m.end("n"), "ID", PATTERN, "jersey-number"))
        if any(h in low for h in ("zone", "sector", "sektor", "block", "village", "plot", "tent", "zelt", "shelter")):
            for m in CAMP_ADDRESS_RE.finditer(text):
                if any(c.isdigit() for c in m.group()):
                    add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "camp-address"))
        for m in (LINE_NUMBER_RE.finditer(text) if "inie" in text or "Line" in text else ()):
            add(Span(m.start(), m.end(), "ID", PATTERN, "line-number"))
        for m in (NUMBERED_UNIT_RE.finditer(text) if any(h in low for h in NUMBERED_UNIT_HINTS) else ()):
            add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "military-unit"))
        for m in (MILITARY_UNIT_RE.finditer(text) if ORDINAL_HINT_RE.search(text) else ()):
            add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "military-unit"))
        for m in (MILITARY_COMPOUND_RE.finditer(text) if any(h in low for h in MILITARY_COMPOUND_HINTS) else ()):
            add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "military-unit"))
        for m in (CLUB_COMPOUND_RE.finditer(text) if any(h in low for h in CLUB_COMPOUND_HINTS) else ()):
            if m.group("a"):
                a = fold(m.group("a"))
                # mid-sentence, a capitalised adjective before a club noun is part of its name ('des
                # Württembergischen Yacht-Club'); at a sentence's start, only a place's ('Heidelberger Ruderklub')
                if a not in self.safe and (a not in self.ordinary or not _sentence_start(text, m.start())
                                           or self._place_adjective(m.group("a"))):
                    add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "club-compound"))
                continue
            if end := self._name_after_generic(m, "n"):  # 'Turnverein Daumen': no club name follows
                add(Span(m.start(), end, "INSTITUTION", PATTERN, "club-compound"))
        if any(h in low for h in SCHOOL_HINTS):  # speed: every match holds one
            for m in SCHOOL_RE.finditer(text):
                e = m.end()
                if m.group("cy"):  # Welsh: the words up to the first ordinary English one
                    e = m.start("cy")
                    for wm in re.finditer(r"\S+", m.group("cy")):
                        if fold(wm.group()) in self.common and wm.group() not in ("y", "yr"):
                            break
                        e = m.start("cy") + wm.end()
                    if e == m.start("cy"):
                        continue
                elif not any(self._history_place_word(w, compounds=False) or fold(w) in self.places
                             for w in (m.group("dn") or m.group("en")).split()):
                    continue
                add(Span(m.start(), e, "INSTITUTION", PATTERN, "school"))
        for m in (TEAM_RE.finditer(text) if TEAM_HINT_RX.search(text) else ()):  # speed: the gate
            # a place or a name ('Pitt Panthers'; session 17), not an ordinary word ('the Under-12 Tigers')
            if all(self._history_place_word(w, compounds=False) or fold(w) in self.known_names
                   and fold(w) not in self.common and fold(w) not in self.safe for w in m.group("n").split()):
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "sports-team"))
        if any(h in low for h in SPORT_HINTS):
            for m in PLACE_TEAM_RE.finditer(text):
                t = fold(m.group("t"))
                p = m.group("p")
                if t in self.safe or t in self.institution_cues or t[:-1] in self.safe:
                    continue
                if fold(p) in self.places or " ".join(fold(w) for w in p.split()) in self.place_phrases or (
                        " " in p and fold(p.split()[-1]) in self.places):
                    add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "place-team"))  # no left walk
        for m in (TEAM_TAG_RE.finditer(text) if TEAM_TAG_HINT_RE.search(text) else ()):
            if any(self._history_place_word(w, compounds=False) for w in m.group("n").split()):
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "sports-team"))
        if NAMED_VENUE_HINT_RX.search(text):
            for m in NAMED_VENUE_RE.finditer(text):
                words = [w for w in re.findall(rf"{WORD}|{UPPER_WORD}", m.group("n"))]
                while words and fold(words[0]) in ("the", "at", "in", "from", "outside", "near", "behind", "of"):
                    words.pop(0)
                church = len(words) >= 2 and fold(words[-1]) in DENOMINATIONS and fold(words[0]) not in GENERIC_CHURCH
                if words and (church or any(self._venue_name_word(w) for w in words)):
                    s0 = m.start("n") + m.group("n").index(words[0])
                    add(Span(s0, m.end(), "INSTITUTION", PATTERN, "named-venue"))
        if any(h in text for h in VENUE_HINTS):  # speed: every match holds one of these
            for m in VENUE_RE.finditer(text):
                if m.group("dn"):  # after a German venue head: any capitalised words, not a clinical one
                    words = m.group("dn").split()
                    if not m.group("art") and all(fold(w) in self.safe and fold(w) not in self.common
                                                  or _clinical_compound(self, w) for w in words):
                        continue
                    add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "venue"))
                elif m.group("en"):
                    words = [w for w in re.findall(rf"{WORD}|{UPPER_WORD}", m.group("en"))]
                    while words and fold(words[0]) in ("the", "at", "in", "from", "outside", "near", "behind"):
                        words.pop(0)
                    if not words or text[m.start():m.end()].isupper() and not words:
                        continue
                    s0 = m.start("en") + m.group("en").index(words[0])
                    add(Span(s0, m.end(), "INSTITUTION", PATTERN, "venue"))
                else:  # "Moriarty's bar", 'Auchtermuir farm': a possessive or a word no list knows
                    w = m.group("pn")
                    if not (w.endswith(("'s", "’s")) or self._unknown_word(w) and fold(w) not in self.eponyms
                            and fold(w) not in self.common):
                        continue
                    add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "venue"))
        if any(h in text for h in GERMAN_FIRM_HINTS):
            for m in GERMAN_FIRM_RE.finditer(text):
                w = m.group("n") or m.group("un") or m.group("pn")
                f = fold(w)
                listed = f in self.known_names or f in self.places or f in self.other_names
                if f in self.safe or f in self.eponyms or (f in self.common and (m.group("pn") or not listed)):
                    continue  # 'im Betrieb Schmerzen', 'Gute Aufnahmetechnik': an ordinary word, no name
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "german-firm"))
        if any(h in text for h in LOWER_GERMAN_FIRM_HINTS):
            for rx, g in zip(LOWER_GERMAN_FIRM_RES, ("n", "pn"), strict=True):
                for m in rx.finditer(text):
                    f = fold(m.group(g))
                    listed = f in self.known_names or f in self.places
                    if f in FUNCTION_WORDS or f in self.safe or f in self.eponyms \
                            or not listed and (g == "n" or f in self.common or f in self.nouns):
                        continue  # 'die logistik', 'transporte in', 'spedition fahrer': no name beside the trade
                    add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "german-firm-lower"))
        if BUSINESS_HINT_RX.search(text):  # speed: every match holds one of these
            for m in BUSINESS_RE.finditer(text):
                if m.group("de"):
                    first = m.group("dn").split()[0]
                    f = fold(first)
                    if (f in self.safe or f in self.common or f in self.eponyms) and f not in self.known_names \
                            and f not in self.other_names and f not in self.places \
                            and not m.group("de").startswith("Gebr"):  # brothers: a surname follows ('Gebr. Pfau')
                        continue  # 'in der Schreinerei Schmerzen': an ordinary noun follows, no name
                    add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "business"))
                else:
                    g = "en" if m.group("en") else "hn"
                    s0, words = self._trim_safe_lead(m, g, hyphens=True)  # 'The', 'At' opening the run
                    if words and not all(fold(w) in self.safe for w in words):
                        add(Span(s0, m.end(), "INSTITUTION", PATTERN, "business"))
        if "Standort" in text or "Campus" in text or "Betriebsst" in text or "Klinikstandort" in text:
            for m in SITE_RE.finditer(text):
                words = m.group().split()
                if not self._unknown_word(words[1]) and fold(words[1]) not in self.places and \
                        fold(words[1]) not in self.known_names:
                    continue  # 'Standort Radiologie': the site of a department, no place
                add(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "site"))
        for m in LOCATIVE_RUN_RE.finditer(text):
            words = re.findall(rf"{WORD}|{UPPER_WORD}", m.group("r"))
            if text[m.start():m.end()].isupper() or any(TITLE_SEQ_RE.fullmatch(w) for w in words):
                continue  # an all-caps line says nothing by case; a title starts a person, which the cues take
            if self._unknown_word(words[0]) and not words[0].isupper() and len(words) >= 2:  # 'XXXX': a mask
                add(Span(m.start("r"), m.end("r"), "INSTITUTION", PATTERN, "locative-institution"))

    def _kin_name_word(self, w: str, caps: bool) -> bool:
        """A word after a kinship word that names the person: a listed name, or a capitalised word (an
        upper-case one on an all-caps line) that no list knows and that is not shaped like a verb or plural."""
        f = fold(w)
        if f in self.safe and not (f in self.known_names and w[:1].isupper()):
            return False
        if f in self.known_names or f in self.other_names:
            return True
        if len(f) < 3 or f.endswith(("ed", "ing", "ly", "s")):
            return False  # 'INTERPRETER USED', 'wife states', 'father works'
        return w.isupper() if caps else (w[:1].isupper() and not w.isupper())

    def _trim_safe_lead(self, m: re.Match, group: str, *, hyphens: bool = False) -> tuple[int, list[str]]:
        """A matched run of words without the safe words opening it ('The', 'In'): where the rest starts in the text,
        and its words (split at hyphens too with `hyphens`); no words when every one was safe."""
        run = m.group(group)
        words = (run.replace("-", " ") if hyphens else run).split()
        while words and fold(words[0]) in self.safe:
            words.pop(0)
        return (m.start(group) + run.index(words[0]) if words else m.end(group)), words

    def _place_phrases(self, text: str) -> list[Span]:
        """Places named by several words ('Des Moines', 'Grand Rapids', 'Frankfurt am Main', 'St. Paul';
        Lexicon.place_phrases), anywhere: the longest listed name from a capitalised word on, its later words
        capitalised too or short lower-case particles ('am', 'an der', 'on the'). Session 17: a signature
        line kept 'Des' of 'Des Moines' once 'Moines' was taken for a name."""
        out = []
        for m in PHRASE_START_RE.finditer(text):
            if fold(m.group()) not in self.place_firsts:
                continue
            words, ends, pos = [m.group()], [], m.end()
            while len(words) < 5 and (nm := PHRASE_NEXT_RE.match(text, pos)):
                w = nm.group(1)
                if not (w[0].isupper() or len(w) <= 3 or w in ("upon", "unter", "ober")):
                    break
                words.append(w)
                pos = nm.end()
                ends.append(pos)
            for k in range(len(words), 1, -1):
                if " ".join(fold(w) for w in words[:k]) in self.place_phrases:
                    out.append(Span(m.start(), ends[k - 2], "ADDRESS", PATTERN, "place-phrase"))
                    break
        return out

    def _history_sections(self, text: str, low: str) -> list[tuple[int, int, bool]]:
        """(start, end, english) of every clinical-history section: from its heading ('History:', 'Anamnese:',
        'Klinische Angaben:') to the next section heading, at most 800 characters. English when its English
        function words outnumber its German ones twice over (computed once per report)."""
        memo = self._memo_for(text)
        got = memo.get("history_sections")
        if got is None:
            got = memo["history_sections"] = []
            for hm in (HISTORY_HEAD_RE.finditer(low) if HISTORY_HEAD_HINT_RX.search(low) else ()):
                s = hm.end()
                nl = text.find("\n", s)
                nxt = SECTION_RE.search(text, nl + 1) if nl >= 0 else None
                e = min(nxt.start() if nxt else len(text), s + 800)
                seg = low[s:e]
                got.append((s, e, len(EN_FUNCTION_RE.findall(seg)) > 2 * len(DE_FUNCTION_RE.findall(seg))))
        return got

    def _history_section_words(self, text: str, low: str, add, protected: list[tuple[int, int]]) -> None:
        """In an English clinical-history section, every capitalised word inside a sentence that no list knows and
        that is not shaped like a clinical word (_history_place_word without the compound test: English forms few
        closed compounds): 'boat out of Eskasoni', 'lives at Saibai'. German histories are left to
        HISTORY_PLACE_RE: there every noun is capitalised and on tune the same test took 263 ordinary nouns
        ('Klettergerüst', 'Streckdefizit') for 41 places. English only, tune (3,544 reports): 23 places, 9 words
        wrongly (several possessives of names); IU +2 words. Session 18."""
        in_protected = self._protected_flags(text, protected)
        for s, e, english in self._history_sections(text, low):
            # German only when German function words are there ('Skateboard fall. Deformity.' has neither kind)
            german = not english and DE_FUNCTION_RE.search(low, s, e) is not None
            run_end = -1
            for m in HISTORY_WORD_RE.finditer(text, s, e):
                w = m.group()
                if w.endswith(("'s", "’s")):
                    w = w[:-2]  # 'Saturday's match', 'Heberden's nodes': the word before the possessive
                if in_protected[m.start()]:
                    continue
                if _sentence_start(text, m.start()) and (english or text[m.start() - 1] != "("):
                    continue  # an English sentence's first word, a German adjective ('Altersentsprechende ...')
                if english:
                    if run_end > m.start():
                        continue
                    if (rm := TITLE_RUN_RE.match(text, m.start())) and rm.end() <= e and self._proper_run(rm.group()):
                        add(Span(m.start(), rm.end(), "ADDRESS", PATTERN, "history-title-run"))
                        run_end = rm.end()
                        continue
                    if w.endswith("ing") and fold(w) not in self.places:
                        continue  # an English gerund ('History of Wheezing'); a listed 'Reading' still goes
                    if self._history_place_word(w, compounds=False):
                        add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "history-word"))
                elif german and text[max(s, m.start() - 5):m.start()].lower() not in ("beim ", " zum ") \
                        and self._german_history_word(w):  # 'beim Snowboarden': a verb as a noun
                    add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "history-word-de"))

    def _title_runs(self, text: str, low: str, add, protected: list[tuple[int, int]]) -> None:
        """Anywhere in a report, a title-case run right after an English preposition or article ('at the Red Rock
        Park rodeo', 'for Harbour View FC', 'off Lake of the Woods'): a name, as in a history section
        (_proper_run). German prose is not read so: there every noun is capitalised."""
        if not TITLE_LEAD_HINT_RE.search(text):
            return
        in_protected = self._protected_flags(text, protected)
        german = None
        for m in TITLE_LEAD_RE.finditer(text):
            r = m.start("r")
            if not in_protected[r] and self._proper_run(m.group("r")):
                if m.group().startswith("in"):  # German's 'in' too: 'Frakturausläufer in Richtung Fossa olecrani'
                    german = self._report_german(text, low) if german is None else german
                    if german:
                        continue  # (session 47)
                add(Span(r, m.end("r"), "ADDRESS", PATTERN, "title-run"))

    def _proper_run(self, run: str) -> bool:
        """Title-case words inside an English sentence name something ('the Red Rock Park rodeo', 'Platte Valley
        Feeders', 'Lake of the Woods') unless each is a safe, clinical or eponym word ('Emergency Department',
        'Salter Harris')."""
        words = re.findall(rf"[{UP}][\w'’-]*", run)
        first = fold(words[0])
        if first in RUN_TITLES:
            return False  # 'Dr Jones', 'Mrs Li Na Chen': a name after a title is the name rules' (the title stays)
        if (first in GENERIC_RUN_FIRST or first in DENOMINATIONS or first in GENERIC_CHURCH) and all(
                fold(w) in self.ordinary or fold(w) in self.safe or fold(w) in DENOMINATIONS for w in words):
            return False  # a generic venue: 'the Community Hall', 'First Methodist Church', 'the Town Hall'
        return len(words) >= 2 and not all(
            fold(w.rstrip("'’s")) in self.safe or fold(w) in self.eponyms or _clinical_compound(self, w)
            for w in words)

    def _german_history_word(self, w: str) -> bool:
        """A capitalised word of a German history that no list knows: no German noun of Wiktionary in any of its
        forms, nor a compound of such nouns ('Gartensparte', 'Überseehafen'), and no ordinary, safe, clinical or
        eponym word (_history_place_word). Session 19: with the noun lexicon, German histories get the English
        ones' test."""
        f = fold(w)
        if "-" in f:
            return any(self._german_history_word(p) for p in w.split("-") if len(p) >= 4)
        if f in self.places:
            return True
        if f in self.nouns or self._noun_compound(f) or any(
                f.endswith(x) and (f[:-len(x)] in self.nouns or f[:-len(x)] in self.safe) for x in INFLECTIONS_DE):
            return False  # a noun, a compound of nouns, an inflected noun or clinical word ('Osteolysen')
        # a clinical word before a noun or a suffix ('Radialispuls', 'Druckdolenz'); a verb's stem or a particle
        # before a noun ('Prellmarke', 'Anprall')
        for k in range(2, len(f) - 2):
            head, tail = f[:k], f[k:]
            if (head in self.safe and k >= 4) or (tail in self.nouns or tail in self.ordinary) and (
                    head + "en" in self.common or head + "n" in self.common or head in DE_PARTICLES):
                return False
        if f.endswith(("in", "innen")) and (f[:-2] in self.ordinary or f[:-2] in self.nouns or f[:-5] in self.nouns):
            return False  # a woman's job or role ('Bäuerin', 'Sportlerin')
        return self._history_place_word(w, compounds=False)

    def _noun_compound(self, f: str, depth: int = 0) -> bool:
        """Folded `f` is German nouns joined (two or three, with or without a linking s/n/e/en/es), each part of at
        least 3 letters, the last one a noun: 'gartensparte', 'kegelvereinsheim'."""
        nouns, ordinary = self.nouns, self.ordinary
        for k in range(3, len(f) - 2):
            tail = f[k:]
            if tail not in nouns and (len(tail) < 4 or tail not in ordinary):
                continue  # the noun list is Wiktionary's, which lacks some nouns ('Wagen'): a frequent word is one
            head = f[:k]
            for h in (head, head[:-1] if head[-1:] in "sne" else "", head[:-2] if head.endswith(("en", "es")) else ""):
                if len(h) >= 3 and (h in nouns or h in ordinary or depth < 1 and self._noun_compound(h, depth + 1)):
                    return True
        return False

    def _venue_name_word(self, w: str) -> bool:
        """A word that makes a venue's name someone's or somewhere's: a possessive, a listed place or name, or a
        word no list knows (NAMED_VENUE_RE)."""
        if w.endswith(("'s", "’s", "'S", "’S")):
            return True
        f = fold(w)
        if f.endswith("s") and (f[:-1] in self.common or f[:-1] in self.safe):
            return False  # a plural of an ordinary word ('Farmers Market')
        return f in self.places or (f in self.known_names and f not in self.common) or self._proper_word(w)

    def _place_adjective(self, w: str) -> bool:
        """A German adjective made from a listed place ('Heidelberger', 'Grödner', 'Württembergischen'): its stem,
        with the endings a town's name drops, is in the place list."""
        stem = PLACE_ADJ_END_RE.sub("", fold(w))
        return any(c in self.places for c in (stem, stem + "en", stem + "e", stem + "n", stem + "o"))

    def _unknown_word(self, w: str) -> bool:
        """A capitalised word no list knows as ordinary: the proper name in an institution's name."""
        f = fold(w.rstrip("."))
        return f not in self.safe and f not in DEPARTMENT_WORDS and f not in self.institution_cues and len(f) >= 3

    def _name_after_generic(self, m: re.Match, group: str) -> int:
        """Where the name after a generic word ('Talstation ...', 'Narrenzunft ...') ends: at its last word that is
        no safe word (a listed place counts as a name), or 0 when every word is safe."""
        words = m.group(group).split()
        keep = len(words)
        while keep and fold(words[keep - 1]) in self.safe and fold(words[keep - 1]) not in self.places:
            keep -= 1
        return m.start(group) + _span_of_words(m.group(group), keep) if keep else 0

    def _english_proper_place(self, text: str, pos: int, w: str) -> bool:
        """A capitalised word after an English locative that names a place though a word list holds it ('in Perl'):
        no safe, clinical, eponym, institution or department word, no country or state, month or weekday, not in
        capitals and not on a line in title case."""
        f = fold(w)
        return len(f) >= 3 and not w.isupper() and f not in self.safe and f not in self.eponyms \
            and f not in self.regions and f not in self.institution_cues and f not in DEPARTMENT_WORDS \
            and f not in KIN_WORDS and not MONTH_WORD_RE.fullmatch(w) and not WEEKDAY_RE.fullmatch(w) \
            and not _clinical_compound(self, w) and not _title_case_line(text, pos)

    def _history_place_word(self, w: str, compounds: bool = True, min_part: int = 3, shape: bool = True) -> bool:
        """A capitalised word that may name a place in a history sentence: a listed place, or a word of >= 4
        letters that is no ordinary or safe word, no eponym, not shaped like a clinical or abstract noun and
        (`compounds`: after a German or an ambiguous preposition) no compound of two ordinary words (see
        HISTORY_PLACE_RE)."""
        f = fold(w)
        if f in self.places or "-" in f and any(p in self.places for p in f.split("-")):
            return True  # a listed place, also in a hyphenated name ('Airolo-Pescium', session 17)
        if len(f) < 4 or f in self.safe or f in self.ordinary or f in self.eponyms or f in self.known_names \
                or "-" in f and f.split("-")[0] in self.eponyms \
                or f in GENERIC_SLOPES \
                or shape and NOT_PLACE_END_RE.search(w.lower()) and not f.endswith(("tal", "alm", "thal")) \
                or _clinical_compound(self, w):
            return False  # a valley or an alp ends like a clinical word ('-al'): 'im Schnalstal' (session 17)
        # a compound ending in a mountain or lake word names one ('am Weissensee', 'am Hochkogel', 'auf der
        # Schmittenhöhe' stays out: 'höhe' is no such word); a generic one ('am Badesee') goes with it
        return not (compounds and self._compound(f, min_part, german=True)) or f.endswith(GEO_TAILS) or (
            f.endswith(TRAIL_TAILS) and f not in self.nouns and not f.startswith(GENERIC_TRAIL_HEADS))

    def _between_places(self, text: str, spans: list[Span]) -> list[Span]:
        """The other end of a way between two places when one end was removed: 'zwischen Manebach und [Ilmenau]',
        'between [Tulln] and Zwentendorf'. Only a capitalised word that may name a place (_history_place_word, German
        compounds too: 'zwischen Stalltür und Rahmen', 'between Palette and ...' pinch a thumb between things, and
        neither end is removed there)."""
        if "zwischen" not in text and "between" not in text:
            return spans  # (runs for every report: most name no way between places)
        extra = []
        for sp in spans:
            if sp.kind != "ADDRESS":
                continue
            b = BETWEEN_BEFORE_RE.search(text, max(0, sp.start - 60), sp.start)
            if b and self._history_place_word(b.group("w")):
                extra.append(Span(b.start("w"), b.end("w"), "ADDRESS", PATTERN, "between-places"))
            a = BETWEEN_AFTER_RE.match(text, sp.end)
            if a and BETWEEN_WORD_RE.search(text, max(0, sp.start - 10), sp.start) \
                    and self._history_place_word(a.group("w")):
                extra.append(Span(a.start("w"), a.end("w"), "ADDRESS", PATTERN, "between-places"))
        extra = [e for e in extra if not any(sp.start < e.end and e.start < sp.end for sp in spans)]
        return sorted(spans + extra, key=lambda sp: sp.start) if extra else spans

    def _absorb_sandwiched(self, text: str, spans: list[Span]) -> list[Span]:
        """A word left between two removed names, places or institutions on one line is part of them when it is a
        place particle (Welsh 'y', 'upon', 'auf der', 'unter', 'ob der') or no ordinary, safe or clinical word:
        '[Pen]-y-[Bryn]', '[Kinderkrankenhaus] auf der [Bult]', '[Berwick]-upon-[Tweed]', '[Kirchheim] unter
        [Teck]' (session 32). An ordinary word stays ('[Name] Frau [Name]' is a false name beside a real one more
        often than one name)."""
        out: list[Span] = []
        for sp in spans:
            m = (SANDWICH_GAP_RE.fullmatch(text, out[-1].end, sp.start)
                 if out and out[-1].kind in PLACE_GAP_KINDS and sp.kind in PLACE_GAP_KINDS else None)
            if m and (m.group("w")[:1].islower() or m.group("w") == "&"
                      or self._history_place_word(m.group("w"), compounds=False)):
                last = out[-1]
                kinds = (last.kind, sp.kind)
                kind = "INSTITUTION" if "INSTITUTION" in kinds else "ADDRESS" if "ADDRESS" in kinds else "NAME"
                out[-1] = Span(last.start, sp.end, kind, max(last.strength, sp.strength), last.rule)
            else:
                out.append(sp)
        return out

    def _inflected_adjective(self, w: str) -> bool:
        """A German adjective with a case ending whose stem the lists know ('Fragliche', 'Deutlicher',
        'Geringgradige'): an ordinary word, though no list holds the inflected form. Only stems ending in
        -lich/-ig/-isch/-bar/-sam, which surnames rarely do ('Weber' is no 'web' + -er)."""
        m = INFLECTED_ADJ_RE.fullmatch(fold(w))
        return m is not None and (m.group("s") in self.safe or m.group("s") in self.common)

    def _name_part(self, w: str, *, surname: bool = False, between: bool = False) -> bool:
        """A word inside a person's name structure is part of the name unless it is a title, a cue or a clinical
        word: given names that are ordinary words ('Marie', 'Boy', 'Man', 'NUR') and surnames that are eponyms
        ('BOUCHARD, Rémi', 'Köhler, Björn') included. Outside such a structure neither would be removed."""
        f = fold(w.rstrip("."))
        if self._is_stop(w) or _clinical_compound(self, w) or TITLE_SEQ_RE.fullmatch(w + " "):
            return False
        return between or f in self.known_names or f in self.name_words or f not in self.safe \
            or surname and f in self.eponyms

    def _adjacent_proper(self, text: str, spans: list[Span], protected: list[tuple[int, int]],
                         low: str) -> list[Span]:
        """A capitalised word written right before or after a removed place, institution or name, in the same case
        style and not opening a sentence, is part of it: 'Three [Rivers]', 'Bankstown [Private]', 'SAO [PAULO]',
        'Kreuz [Eckbahn]'. Philter's recall-first idea on a name's edge: ordinary words there ('Three', 'Central',
        'Private') are the name's generic half, which held-out sets lose most word-by-word recall to (session 23;
        tuning set 99.35 -> 99.40% word by word, over-redaction +108 words of 388,277). Not: closed-class words, cue
        and title words, German nouns, eponyms, clinical words, and the report-header words in ADJ_NOT."""
        out = []
        english = self._report_english(text, low) if spans else False
        for i, sp in enumerate(spans):
            if sp.kind not in ("NAME", "ADDRESS", "INSTITUTION") or sp.rule == "acronym-unknown":
                out.append(sp)  # an unknown acronym is a word alone: its neighbours are not its name's half
                continue
            floor = out[-1].end if out else 0
            limit = spans[i + 1].start if i + 1 < len(spans) else len(text)
            start, end = sp.start, sp.end
            caps = text[sp.start:sp.end].isupper()
            lm = ADJ_LEFT_RE.search(text[max(floor, start - 30):start])
            if lm:
                w = lm.group("w")
                ws = start - (len(text[max(floor, start - 30):start]) - lm.start("w"))
                if w.isupper() == caps and (self._adjacent_ok(w, english) or w in ("Old", "OLD") and THE_OLD_RE.search(
                        text, max(0, ws - 5), ws)) \
                        and (not _sentence_start(text, ws) or self._bracket_lead_name(text, ws, w)) \
                        and not any(ps < start and ws < pe for ps, pe in protected):
                    start = ws
            rm = ADJ_RIGHT_RE.match(text, end, limit)
            if rm and rm.group("w").isupper() == caps and self._adjacent_ok(rm.group("w"), english) \
                    and not any(ps < rm.end() and end < pe for ps, pe in protected):
                end = rm.end()
            elif english and (hm := HEAD_NOUN_RIGHT_RE.match(text, end, limit)) and hm.group("w") in HEAD_NOUNS:
                end = hm.end()  # 'at [Hengrove] depot', 'on [Partwitz] lake': a place's or a venue's generic head
            out.append(sp if (start, end) == (sp.start, sp.end) else Span(start, end, sp.kind, sp.strength, sp.rule))
        return out

    def _bracket_lead_name(self, text: str, ws: int, w: str) -> bool:
        """A word opening a bracket that no list knows, not even as two ordinary words joined: capitalised there
        because it is a name, not because a sentence starts ('(Porthgwarra [Gig Club]', '(Ballyvale [Soft Fruit])';
        session 33). At a sentence's real start every word is capitalised and stays out."""
        f = fold(w)
        return ws > 0 and text[ws - 1] == "(" and len(f) >= 4 and f not in self.safe and f not in self.common \
            and f not in self.nouns and f not in self.eponyms and not self._compound(f)

    def _adjacent_ok(self, w: str, english: bool = False) -> bool:
        """The word beside a removed span may join it (see _adjacent_proper)."""
        f = fold(w)
        return not (len(f) < 2 or self._is_stop(w) or _clinical_compound(self, w) or TITLE_SEQ_RE.fullmatch(w + " ")
                    or _zone_cue_word(f) or f in self.eponyms or f in CLOSED_WORDS or f in ADJ_NOT
                    or f in self.nouns and f not in self.known_names and not english)

    def _name_structures(self, text: str, spans: list[Span]) -> list[Span]:
        """The shapes a person's name is written in take their remaining words: one word between two removed
        name parts ('SITI [NUR] AISYAH'), and the words beside a name that a birth date or an age follows
        ('[BOUCHARD], Rémi (45 J.)', 'Ingvild [Marie], f. 12.03.1980', '[Jürgen] Frank, 61 J.'). Held-out sets
        lose more name words to these shapes than to unknown names (session 23)."""
        if len(spans) < 2:
            return spans
        out: list[Span] = []
        n = len(spans)
        i = 0
        while i < n:
            sp = spans[i]
            if sp.kind != "NAME":
                out.append(sp)
                i += 1
                continue
            start, end = sp.start, sp.end
            # one word between two name parts on a line
            while i + 1 < n and spans[i + 1].kind == "NAME" and spans[i + 1].start - end <= 40 \
                    and (m := NAME_SANDWICH_RE.match(text[end:spans[i + 1].start])) \
                    and "\n" not in m.group() and self._name_part(m.group("w"), between=True):
                end = spans[i + 1].end
                i += 1
            nxt = spans[i + 1] if i + 1 < n else None
            floor = out[-1].end if out else 0
            if nxt is not None and nxt.kind in ("AGE", "DATE"):
                rm = NAME_RIGHT_WORD_RE.match(text, end, nxt.start)
                w_end = rm.end() if rm and self._name_part(rm.group("w")) else end
                if NAME_TUPLE_GAP_RE.fullmatch(text, w_end, nxt.start):
                    end = w_end
                    lm = NAME_LEFT_WORD_RE.search(text[max(floor, start - 40):start])
                    if lm and (self._name_part(lm.group("w"), surname=True) if lm.group("sep")
                               else fold(lm.group("w")) in self.known_names and self._name_part(lm.group("w"))):
                        start = start - (len(text[max(floor, start - 40):start]) - lm.start("w"))
            out.append(sp if (start, end) == (sp.start, sp.end) else Span(start, end, "NAME", sp.strength, sp.rule))
            i += 1
        return out

    def _name_repeats(self, text: str, spans: list[Span]) -> list[Span]:
        """A name found once is a name wherever else it stands in the same report, in any case: the header's
        "FA'ASALELE, Losaline Mele" and the findings' 'Losaline advised re removal' (session 15's held-out set;
        a given name alone in prose has no cue and no list to find it by). Only names a cue found (STRONG: a title,
        a field label, 'Surname, Given') spread: an unknown word a header zone removed is as often a clinical word
        ('Plattenosteosynthese': 65 of 67 such repeats on the tuning set were no identifier), unless a name list
        knows it or it follows a cued surname (a given name a header zone found, session 16). Only words that are no
        ordinary, safe or eponym word repeat ('KING, Rose': 'rose' stays), and only where nothing else was removed."""
        words, places, cued_end = set(), set(), -1
        # an ordinary word as a nickname repeats capitalised only ('Bill', not 'the bill'); one no list knows as a given
        # name not at a sentence's start either ("Lily's dad says", not 'Tiny radiodense speck')
        cased: set[str] = set()
        cased_mid: set[str] = set()
        # a place or an institution of several words repeats whole, in any case ('in alice springs' in the history,
        # '(alice springs, cd)' in the comparison; session 29): words alone would be ordinary ones
        phrases: dict[str, set[str]] = {"ADDRESS": set(), "INSTITUTION": set()}
        for sp in spans:
            if sp.kind in phrases and sp.end - sp.start >= 8 and MULTIWORD_RE.fullmatch(text, sp.start, sp.end) \
                    and " ".join(fold(w) for w in text[sp.start:sp.end].split()) in self.place_phrases:
                phrases[sp.kind].add(text[sp.start:sp.end])  # (a listed place: a zone's 'fracture clinic' stays)
            if sp.kind == "NAME":
                # the given names a zone rule found right after a cued surname ('Name: Ngata, [Tamati Wiremu]')
                after_cued = PAIR_COMMA_RE.fullmatch(text, cued_end, sp.start) is not None if cued_end >= 0 else False
                for m in NAME_WORD_RE.finditer(text, sp.start, sp.end):
                    f = fold(m.group())
                    eponym = f in self.eponyms or f.endswith("s") and f[:-1] in self.eponyms  # 'BENNETTS, Carys'
                    # (a listed given name that is no ordinary word repeats though frequent: 'KOCH, Leonie' in the
                    # header, 'Leonie ist vom Trampolin gestürzt' in the history; session 28)
                    if len(f) >= 3 and f not in self.safe and not eponym and (
                            f not in self.common or f in self.known_names and f not in self.ordinary) \
                            and (sp.strength >= STRONG or after_cued or f in self.known_names):
                        words.add(m.group())
                cued_end = sp.end if sp.strength >= STRONG else -1
                # the name a patient goes by, quoted or bracketed after the name (or between its parts): 'Master
                # Chidiebube ("Chidi") OKAFOR', 'LEUNG, Wai Man (Raymond)'; it stands alone later (session 34)
                # (quoted, an ordinary word too: 'HOPE, WILLIAM "BILL"', then 'Bill states he heard a pop';
                # session 38)
                if (nm := NICKNAME_AFTER_RE.match(text, sp.end)) and fold(nm.group("n")) not in self.safe \
                        and (nm.group("q") or nm.group("q2") or fold(nm.group("n")) in self.first_names
                             and fold(nm.group("n")) not in self.ordinary):
                    f = fold(nm.group("n"))
                    (words if f not in self.ordinary else cased if f in self.first_names else cased_mid).add(
                        nm.group("n"))
            else:
                cued_end = -1
                if sp.kind in ("ADDRESS", "INSTITUTION"):
                    for m in NAME_WORD_RE.finditer(text, sp.start, sp.end):
                        if self._repeatable_place_word(m.group()):
                            places.add(m.group())
        if not words and not cased and not cased_mid and not places and not phrases["ADDRESS"] \
                and not phrases["INSTITUTION"]:
            return spans

        def repeats(alts: set[str], flags: int, kind: str, rule: str) -> list[Span]:
            """Every other stand-alone occurrence of `alts` where nothing was removed yet."""
            if not alts:
                return []
            # (a possessive 's goes with the name's repeat: "Aroha's dad reports"; session 29)
            rx = re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, sorted(alts, key=len, reverse=True)))
                            + r")(?=['’]s(?![\w'’-])|(?![\w'’-]))", flags)
            return [Span(m.start(), m.end(), kind, PATTERN, rule) for m in rx.finditer(text)
                    if not any(sp.start < m.end() and m.start() < sp.end for sp in spans)]

        extra = repeats(words, re.IGNORECASE, "NAME", "name-repeat") + repeats(
            {v for w in cased - words for v in (w.capitalize(), w.upper())}, 0, "NAME", "name-repeat") + [
            sp for sp in repeats({v for w in cased_mid - words - cased for v in (w.capitalize(), w.upper())}, 0,
                                 "NAME", "name-repeat") if not _sentence_start(text, sp.start)] + repeats(
            {v for w in places - words for v in (w, w.upper())}, 0, "ADDRESS", "place-repeat")
        spans = sorted(spans + extra, key=lambda sp: sp.start) if extra else spans
        extra = repeats(phrases["ADDRESS"], re.IGNORECASE, "ADDRESS", "phrase-repeat") + repeats(
            phrases["INSTITUTION"] - phrases["ADDRESS"], re.IGNORECASE, "INSTITUTION", "phrase-repeat")
        return sorted(spans + extra, key=lambda sp: sp.start) if extra else spans

    def _repeatable_place_word(self, w: str) -> bool:
        """A word of a removed place or institution that repeats elsewhere in the report: no ordinary, safe,
        eponym, institution or clinical word ('Eskasoni Health Centre' in the header, 'out of Eskasoni' in the
        history; case as written or all caps). Session 18."""
        return len(fold(w)) >= 4 and w[0].isupper() and self._proper_word(w)

    def _proper_word(self, w: str) -> bool:
        """A word no list knows (_unknown_word) that is no ordinary word, eponym or clinical compound either: the
        test a place's or a venue's own name passes."""
        f = fold(w)
        return self._unknown_word(w) and f not in self.ordinary and f not in self.eponyms \
            and not _clinical_compound(self, w)

    def _neighbour_words(self, text: str, spans: list[Span]) -> list[Span]:
        """The words an identifier's rules leave beside it (session 12): first what lies between two removed parts
        (_absorb_sandwiched), then what stands right before or after one (_absorb_affixes), each span bounded by its
        neighbours."""
        out = self._absorb_sandwiched(text, self._between_places(text, spans))
        return [self._absorb_affixes(text, sp, out[i - 1].end if i else 0, out[i + 1].start if i + 1 < len(out)
                                     else len(text)) for i, sp in enumerate(out)]

    def _river_after_town(self, kind: str, rm: re.Match) -> bool:
        """RIVER_AFTER_TOWN_RE's river or region goes with the place before it: a river fedrad lists, a listed place,
        or a word no list knows after 'ob' ('[St. Michael] ob Bleiburg': towns follow it) or, short and no compound
        of known words, after 'an der' / 'a. d.' (a river's name; not 'an der Anlegestelle'). After a name only
        'an der', 'ob der', 'a. d.', 'ob' ('Huber am Montag' is no town); after an institution only 'ob'."""
        p, f = rm.group("p"), fold(rm.group("w"))
        lead = p.split()[0]
        if kind == "INSTITUTION" and p != "ob" or kind == "NAME" and lead not in ("an", "ob", "a."):
            return False
        if f in TOWN_RIVERS or f in self.places:
            return True
        if f in self.ordinary or f in self.safe or lead not in ("an", "ob", "a."):
            return False
        return lead == "ob" or len(f) <= 8 and not self._noun_compound(f) and not self._compound(f)

    def _absorb_affixes(self, text: str, sp: Span, floor: int, limit: int) -> Span:
        """A removed name, place or institution takes a capitalised name particle before it ('manege De [..]'); an
        institution the venue noun after it ('[..] care centre') and the town after its comma, when that is no
        safe, department or clinical word; a name or place the place words around it (PLACE_PREFIX_RE,
        PLACE_SUFFIX_RE, VENUE_SUFFIX_RE) and then a US state."""
        start, end, kind = sp.start, sp.end, sp.kind
        if kind in ("NAME", "ADDRESS", "INSTITUTION") and start > floor and text[start].isupper() \
                and text[start - 1].isalpha():
            k = start  # a capital inside a word opens no name: 'Mid[Central DHB]' is 'MidCentral DHB' (session 45)
            while k > floor and text[k - 1].isalpha():
                k -= 1
            start = k
        if kind in ("NAME", "ADDRESS", "INSTITUTION") and (pm := LEAD_PARTICLE_RE.search(text, max(floor, start - 9),
                                                                                      start)):
            start = pm.start()  # 'manege De [Hoefslag]', 'at Van [Dyke] farm': a name's capitalised particle
        if kind == "NAME" and start - floor > 2 and (pm := PARTICLES_BEFORE_RE.search(text, max(floor, start - 24),
                                                                                      start)):
            k = pm.start()
            while k > floor and text[k - 1] in " \t":
                k -= 1
            if k and text[k - 1] in ":|\t" or (pm.group().isupper() and text[start:end].isupper()
                                                 and not GERMAN_PREPOSITION_LEAD_RE.match(pm.group())):
                start = pm.start()  # 'Nachname: von und zu [Guttenberg]', 'Surname: VAN DER [BERG]'
        if kind == "INSTITUTION" and (xm := SUSPENDED_BEFORE_RE.search(text, max(floor, start - 24), start)):
            start = xm.start()  # 'Reit- und [Fahrverein Murnau e.V.]' (session 21)
        if kind == "INSTITUTION" and (vm := VENUE_SUFFIX_RE.match(text, end, limit)
                                      or INSTITUTION_NOUN_TAIL_RE.match(text, end, limit)):
            end = vm.end()  # 'the [Kilkenny Road] care centre', '[NAMBOUR GENERAL] HOSP', '[Bankstown] Private'
        if kind in ("NAME", "ADDRESS") and text[max(floor, start - 4):start] == "The " \
                and not _sentence_start(text, start - 4):
            start = start - 4  # 'bar work at The [Crown & Anchor]': a capital 'The' inside a sentence is the name's
        if kind == "NAME" and (wm := WARD_HEAD_BEFORE_RE.search(text, max(floor, start - 16), start)):
            start, kind = wm.start(), "INSTITUTION"  # 'Station [Hildegard]', 'Kita [Regenbogen]' (session 38)
        if kind == "NAME" and (xm := NAME_SUFFIX_RE.match(text, end, limit)):
            end = xm.end()
        if kind == "NAME" and (hm := NAME_HYPHEN_BREAK_RE.match(text, end - 1 if text[end - 1:end] == "-" else end,
                                                               limit)):
            end = hm.end()  # 'Fr. [Som]-\nmer': a name hyphenated at a line's end (session 37)
        if kind == "DATE" and end - start == 4 and (sm := SEASON_MONTH_BEFORE_YEAR_RE.search(
                text, max(floor, start - 12), start)):
            start = sm.start()
        if kind == "DATE" and (dm := DATE_LEAD_RE.search(text, max(floor, start - 12), start)):
            start = dm.start()  # 'Ende [Mai 2023]', 'early [March 2024]': the part of the month (session 37)
        if kind == "ADDRESS" and ROUTE_BEFORE_RE.search(text, max(start, end - 9), end + 1) and (
                rm := ROUTE_NUMBER_AFTER_RE.match(text, end, limit)):
            end = rm.end()  # '[2200 County Rd] 14': the road's number (session 38)
        elif kind == "ID" and text[start:end].isdigit() and ROUTE_BEFORE_RE.search(text, max(0, start - 10), start):
            kind = "ADDRESS"  # ... found as a number of its own: '[2200 County Rd] [14], Lot 17'
        if kind == "ADDRESS" and (um := ADDRESS_UNIT_AFTER_RE.match(text, end, limit)):
            end = um.end()  # '[2200 County Rd 14], Lot 17', '[1184 Old Mill Rd], Unit B' (session 38)
        if kind == "DATE" and (wm := WEEKDAY_BEFORE_RE.search(text, max(floor, start - 16), start)):
            start = wm.start()  # 'Dienstag, dem [dritten März]', 'Mo, [02.02.2026]' (session 38)
        if (kind == "DATE" and not text[start:end].isdigit() or kind == "ID" and DATE_SHAPED_ID_RE.fullmatch(
                text, start, end)) and (tm := DATE_TIME_AFTER_RE.match(text, end, limit)):
            end = tm.end()  # '[04/09/2026] 0814', '[03-14-2026] @ 1031': its clock time (session 38)
        if kind == "ID" and (im := ID_CONTINUED_RE.match(text, end, limit)):
            end = im.end()  # 'NISS [48.10.09]-\n204.51': a number broken after its hyphen (session 35)
        if kind == "NAME" and (tm := TYPIST_AFTER_NAME_RE.match(text, end, limit)):
            end = tm.end()  # 'dr. [w. thaler] / ak': the typist's initials after the signing name (session 27)
        if kind in ("NAME", "ADDRESS") and (am := AM_SEE_RE.match(text, end, limit)):
            end, kind = am.end(), "ADDRESS"  # '[Podersdorf] am See', '[WEIDEN] AM SEE' (session 34)
        if kind in ("NAME", "ADDRESS", "INSTITUTION") and (rm := RIVER_AFTER_TOWN_RE.match(text, end, limit)) \
                and self._river_after_town(kind, rm):
            end, kind = rm.end(), "ADDRESS"  # '[Neuberg] an der Mürz' (session 50)
        if kind in ("NAME", "ADDRESS") and (nm := NAD_POD_RE.match(text, end, limit)):
            end, kind = nm.end(), "ADDRESS"  # '[Hrádek] nad Nisou', '[Moravany] nad Váhom' (session 17)
        if kind in ("NAME", "ADDRESS"):
            pm = PLACE_PREFIX_RE.search(text, max(floor, start - 7), start)
            if pm and (text[pm.start()].isupper() or text[start].islower() and pm.group().lower().rstrip() in
                       LOWER_PLACE_PREFIXES and _mostly_lower(_line_at(text, start))):
                start, kind = pm.start(), "ADDRESS"  # (in a line typed in lower case: 'port [alberni]'; session 38)
            sm = PLACE_SUFFIX_RE.match(text, end, limit)
            if sm and text[sm.start() + 1].isupper():
                end, kind = sm.end(), "ADDRESS"
            elif vm := VENUE_SUFFIX_RE.match(text, end, limit):
                end, kind = vm.end(), "ADDRESS"
            if (kind == "ADDRESS" or text[max(floor, start - 2):start] in (", ", "(")
                    or PLACE_BEFORE_RE.search(text, max(floor, start - 6), start)) \
                    and (pv := PROVINCE_AFTER_RE.match(text, end, limit)):
                end, kind = pv.end(), "ADDRESS"  # '[Yorkton], Saskatchewan' (session 18)
            st = STATE_AFTER_RE.match(text, end, limit)
            if st and (kind == "ADDRESS" or text[max(floor, start - 2):start] in (", ", "(")
                       and st.group().strip(", \t") not in STATE_NOT_AFTER_NAME):
                end, kind = st.end(), "ADDRESS"
        elif kind == "INSTITUTION" and (tm := TOWN_AFTER_RE.match(text, end, limit)) \
                and all(self._history_place_word(p, compounds=False) or self._unknown_word(p) and fold(p) not in
                        self.eponyms and not NOT_PLACE_END_RE.search(p.lower()) for p in tm.group("w").split("-")):
            end = tm.end()  # an ordinary word may be a town here ('Appenzell'), not a safe or department word
        elif kind == "INSTITUTION" and (tm := TOWN_IN_AFTER_RE.match(text, end, limit)) \
                and all(self._history_place_word(p, compounds=False, shape=False)
                        for p in tm.group("w").split("-")):
            end = tm.end()  # 'vom [Reitstall Bussmann] in Satemin (Rundling)': no ordinary word (session 34)
        if kind == "ADDRESS" and (tm := TOWN_AFTER_RE.match(text, end, limit)) and all(
                (fold(p) in self.places or fold(p) in self.proper or fold(p) in self.context_places)
                and fold(p) not in self.safe and fold(p) not in self.eponyms for p in tm.group("w").split("-")):
            end = tm.end()  # 'auf der [Neptunwerft], Warnemünde:': a listed town after a removed place (session 34)
        if kind == "INSTITUTION" and (vm := VERSUS_TEAM_RE.match(text, end, limit)) and \
                not any(fold(w) in self.safe for w in vm.group("t").split()):
            end = vm.end()  # '[Kilbrittain GAA] v Barryroe': the other side of a match (session 18)
        if kind in ("ADDRESS", "INSTITUTION") and (hm := HYPHEN_TAIL_RE.match(text, end, limit)):
            end = hm.end()  # '[Mt Coot]-tha': the rest of a hyphenated place (session 18)
        if kind in ("ADDRESS", "INSTITUTION") or kind == "NAME" and fold(text[start:end]) in self.regions:
            for _ in range(2):  # '[Astoria], Oregon, USA', '([Montana], USA)'
                rm = REGION_TAIL_RE.match(text, end, limit)
                if not rm or (fold(rm.group("w").rstrip(".")) not in self.regions
                              and rm.group("w") not in REGION_ABBREVIATIONS):
                    break
                end = rm.end()
        return sp if (start, end) == (sp.start, sp.end) else Span(start, end, kind, sp.strength, sp.rule)

    def _compound(self, f: str, min_part: int = 3, german: bool = False) -> bool:
        """Folded word `f` is two ordinary words joined, with or without a German linking s/n/e/en
        ('klettergeruest', 'arbeitsweg', 'pausenhof'), each of at least `min_part` letters; `german`: its last part
        a German noun, as a German compound's head is ('Postbridge' is two English words, a place; session 40)."""
        common = self.common
        for k in range(min_part, len(f) - min_part + 1):
            head, tail = f[:k], f[k:]
            # (a German noun whole counts too: 'Schreinerei' splits as 'schreine' + 'rei', no noun's head)
            if tail in common and (not german or tail in self.nouns or f in self.nouns) and (
                    head in common or head[:-1] in common and head[-1] in "sne"
                    or head.endswith("en") and head[:-2] in common):
                return True
        return False

    def _signature_word(self, w: str) -> bool:
        """A word that may be the surname signing a report: a listed name, or a word no list knows."""
        f = fold(w)
        if f in self.eponyms or any(c.isdigit() for c in w):
            return False
        if f in self.known_names or f in self.other_names:
            return True
        return f not in self.safe and not _clinical_compound(self, w) and len(f) >= 3

    def _name_place_compounds(self, text: str, add) -> None:
        """A place named for a person in one word, a listed given name and a place noun ('in der Karlsaue', 'am
        Luisenplatz'; session 40: 145 such words in tune, every one an identifier); not a word the lists know
        ('Marienkäfer' has no place noun, 'Schlosspark' no given name)."""
        for m in NAME_PLACE_COMPOUND_RE.finditer(text):
            f = fold(m.group())
            if self._lists_know(f):
                continue
            head = f[:-len(fold(m.group("t")))]
            if any(h in self.first_names for h in (head, head[:-1] if head[-1:] in "se" else "",
                                                    head[:-2] if head.endswith("en") else "") if len(h) >= 3):
                add(Span(m.start(), m.end(), "ADDRESS", PATTERN, "name-place"))

    def _lists_know(self, f: str) -> bool:
        """A folded word some list knows as an ordinary, safe or eponym word: no name a compound rule may take."""
        return f in self.nouns or f in self.safe or f in self.eponyms or f in self.common

    def _locative_compounds(self, text: str, add) -> None:
        """A place or venue compound after a German place preposition that no list knows ('vom Steinbachhof', 'im
        Schwalbenkeller', 'beim Herbstfest'; session 41), in lower case too, also in a line that uses case ('Ausschank
        am obermarkt', 'vom wartbergturm'; session 47: in tune 6 such identifiers left, no other word matched)."""
        for m in LOCATIVE_COMPOUND_RE.finditer(text):
            w = m.group("w")
            f = fold(w)
            if self._lists_know(f) or f in self.places or f.endswith("turm") and f[:-4] in GENERIC_TOWER_HEADS:
                continue
            if w[0].islower() and not f.endswith(LOWER_LOCATIVE_TAILS) \
                    and not _mostly_lower(_line_at(text, m.start("w"))):
                continue  # in a line that uses case a lower-case venue word may be a kind ('im pfarrkindergarten')
            add(Span(m.start("w"), m.end("w"), "ADDRESS", PATTERN, "locative-compound"))

    def _teams_played_for(self, text: str, low: str, add) -> None:
        """The team someone plays for, named by its town or its own word in any case ('tackled playing for <town> 2nds',
        'plays for the <town> side', 'playing for <club> 2nd XV'; session 46: 7 of tune's 38 went through): the word
        no ordinary or safe word unless a listed place, with the team's grade after it."""
        if "play" not in low and "spiel" not in low:  # speed: every match holds one (most reports hold ' for ')
            return
        for m in PLAYS_FOR_RE.finditer(text):
            f = fold(m.group("n"))
            if f in self.safe or f in self.eponyms or (f in self.common and f not in self.places):
                continue
            add(Span(m.start("n"), m.end(), "INSTITUTION", PATTERN, "team-played-for"))

    def _employers_bei(self, text: str, add) -> None:
        """The employer after a German job clause ('arbeitet als Schweißer bei Magirus', 'als Buslenker bei den
        Wiener Linien'; session 40); one word the lists know names a kind of employer, not one ('bei der Post')."""
        if " bei " not in text:
            return
        for m in EMPLOYER_BEI_RE.finditer(text):
            words = m.group("n").split()
            if len(words) == 1 and ((f := fold(words[0])) in self.nouns or f in self.common or f in self.safe):
                continue
            add(Span(m.start("n"), m.end("n"), "INSTITUTION", PATTERN, "employer-bei"))

    def _abbreviated_institutions(self, text: str, add) -> None:
        """A health board after 'NHS' ('NHS Borders', 'NHS Lothian') and a hospital after 'KH' ('KH Kufstein'):
        the capitalised words after the abbreviation, up to a word the lists know as safe (a department: 'NHS
        BORDERS DIAGNOSTIC IMAGING'). After 'NHS' not its numbers or bodies ('NHS number', 'NHS Trust'); after 'KH'
        a listed place or a word no dictionary knows but as a name ('KH Aufnahme' stays)."""
        if "NHS" not in text and "KH" not in text:
            return
        for m in ABBR_INSTITUTION_RE.finditer(text):
            words = list(re.finditer(r"[^\s&]+", m.group("n")))
            f0 = fold(words[0].group())
            if m.group("a") == "NHS" and f0 in NHS_NOT_BOARD:
                continue
            if m.group("a") == "KH" and f0 not in self.places and (f0 in self.ordinary or f0 in self.safe):
                continue
            end = words[0].end()
            for w in words[1:]:
                f = fold(w.group())
                if f in self.safe and f not in self.places and f != "and":
                    break
                end = w.end()
            add(Span(m.start(), m.start("n") + end, "INSTITUTION", PATTERN, "abbreviated-institution"))

    def _closing_initials(self, text: str, add) -> None:
        """The report's last line made of initials alone, perhaps a typist's after a slash and a date ('ADS / KF',
        '-- rdb / 17-MAR-2026'; session 40): who dictated and typed it. Not a safe word or an abbreviation the
        lists know ('NAD.', 'o.B.')."""
        end = len(text.rstrip())
        m = CLOSING_INITIALS_RE.match(text, text.rfind("\n", 0, end) + 1, end)
        if m is None:
            m = BRACKET_INITIALS_RE.search(text, max(0, end - 16), end)
        if m is None:
            sm = SENTENCE_INITIALS_RE.search(text, max(0, end - 12), end)
            # two capitals are often a medical abbreviation ('... OA', 'cc: GP'): refuse the ones the lists hold
            if sm is not None and (f := fold(sm.group("i"))) not in self.acronyms and f not in NOT_NAME_WORDS:
                add(Span(sm.start("i"), sm.end("i"), "NAME", PATTERN, "closing-initials"))
            return
        for g in ("i", "j"):
            w = m.group(g)
            if w and (f := fold(w.replace(".", "").replace(" ", ""))) not in self.safe and f not in self.acronyms:
                add(Span(m.start(g), m.end(g), "NAME", PATTERN, "closing-initials"))

    def _staff_line_ends(self, text: str, low: str, add) -> None:
        """A staff role's field closing its line with one word or initials is who held the role ('Radiographer:
        stone', 'Radiographer J.K.', 'MTRA: weiß'; session 40): the name scanner wants a capital or a listed
        given name there. The word must be initials, a listed name, or no ordinary word ('Radiographer:
        present' and 'Typist: none' stay)."""
        if not STAFF_HINT_RE.search(low):
            return
        for m in STAFF_LINE_END_RE.finditer(text):
            w = m.group("n")
            f = fold(w)
            if "." in w or f in self.known_names or f in self.other_names or not (f in self.safe or f in self.common):
                add(Span(m.start("n"), m.end("n"), "NAME", PATTERN, "staff-line-end"))

    def _ward_and_dictation(self, text: str, low: str, add) -> None:
        """General shapes of kind 'other': ward/bed/room strings whole, and dictation/typing marks."""
        # a location field's whole value: 'Location: Ward 19 (Paediatrics), Side Room 2', 'Station: UCH 3B, Bett 7'
        for m in LOCATION_FIELD_RE.finditer(low):
            if not _at_word_start(text, m.start()):
                continue
            vm = FIELD_VALUE_RE.match(text, m.end())
            if vm and vm.group().strip() and (any(c.isdigit() for c in vm.group()) or WARD_WORD_RE.search(
                    low, vm.start(), vm.end())):
                add(Span(vm.start(), vm.end(), "ID", STRONG, "location-field"))
        for m in (self._digit_line_matches(WARD_CHAIN_RE, text, low) if DIGIT_HINT_RE.search(text) else ()):
            if UNIT_AFTER_RE.match(low, m.end()):
                continue  # 'nail bed 2 mm': a measure
            s = m.start()
            am = WARD_AREA_LEFT_RE.search(low, max(0, s - 40), s)
            if am and not UNIT_AFTER_RE.match(low, m.end()):
                add(Span(am.start(), m.end(), "ID", STRONG, "ward-area"))
            lm = WARD_LEFT_RE.search(text, max(0, s - 40), s)
            if lm and not any(fold(w) in self.safe and not w[0].isupper() for w in lm.group().split()):
                ws = lm.group().split()
                if not any(ZONE_CUE_RE.fullmatch(w.lower()) or TITLE_SEQ_RE.fullmatch(w) for w in ws):
                    s = lm.start()
            add(Span(s, m.end(), "ID", STRONG, "ward-chain"))
        if "/" in text:
            for m in DICT_PAIR_RE.finditer(text):
                if not (fold(m.group("a")) in self.safe and fold(m.group("b")) in self.safe):
                    add(Span(m.start(), m.end(), "NAME", PATTERN, "dictation-pair"))
        for m in DICT_MARK_RE.finditer(text):
            if fold(m.group("v")) not in self.safe:
                add(Span(m.start("v"), m.end("v"), "NAME", PATTERN, "dictation-mark"))
        for m in (TYPIST_RE.finditer(text) if TYPIST_HINT_RE.search(low) else ()):
            v = m.group("v")
            if TITLE_SEQ_RE.fullmatch(v + ".") or TITLE_SEQ_RE.fullmatch(v):
                continue  # 'Dictated by: Dr. ...': the cue rules take the name
            if fold(v.rstrip(".")) not in self.safe or "." in v or len(v) <= 3:
                add(Span(m.start("v"), m.end("v"), "NAME", PATTERN, "typist"))
        for m in LOWER_SIGN_LINE_RE.finditer(text):
            if any(fold(p) not in self.ordinary and fold(p) not in self.safe for p in m.group("n").split("-")):
                add(Span(m.start("i"), m.end("n"), "NAME", PATTERN, "sign-line-lower"))
        fm = FINAL_CODE_RE.search(text, max(0, len(text) - 12))
        if fm and fold(fm.group("v")) not in self.safe:
            add(Span(fm.start("v"), fm.end("v"), "NAME", PATTERN, "final-code"))

    def _zones(self, text: str, low: str) -> list[tuple[int, int, bool]]:
        """Identifier zones as (start, end, prose): header lines before the first section, lines with an
        identifier cue, pipe-separated lines, and the lines after a sign-off ('Mit freundlichen Grüßen').
        A short line without a sentence break is a header field: all of it is a zone. In prose (a long
        line, or one with a sentence break) a zone runs from the cue to the end of its clause, and is
        marked `prose` so that ordinary lower-case words there survive (see _zone_tokens).

        The rules and the token layer both ask for the same report's zones: computed once (_memo_for; never
        modify the list returned)."""
        memo = self._memo_for(text)
        if "zones" in memo:
            return memo["zones"]
        out: list[tuple[int, int, bool]] = []
        header_end, signoff = _header_signoff(text, low)
        # an addendum written below the sign-off is a report again, not the letter's footer ('Mit freundlichen Grüßen
        # / Dr. X // Nachtrag 20.11.: zusätzlich schollige Weichteilverkalkung ...'; session 49: its findings went)
        addendum = ADDENDUM_HEAD_RE.search(low, signoff) if signoff is not None else None
        signoff_end = addendum.start() if addendum else len(text)
        # a report without section headings has no header after its first paragraph of prose ('FINAL REPORT
        # (date): Agree with ... . AC joint normal.'): the header ends at the first long line of sentences
        pm = PROSE_LINE_RE.search(text, 0, header_end) if header_end > 200 else None
        if pm:
            header_end = pm.start()
        pos = 0
        for line in text.split("\n"):
            s, e = pos, pos + len(line)
            pos = e + 1
            if not line.strip():
                continue
            if e <= header_end and self._header_prose(line, low[s:e]):
                out.append((s, e, True))  # a sentence before the first heading: a prose zone (its names still go)
                continue
            if e <= header_end or (signoff is not None and signoff <= s < signoff_end) or line.count("|") >= 2 \
                    or line.count("·") >= 1:
                out.append((s, e, False))
                continue
            # a line that opens with a report section ('INDICATION: ...') or breaks into sentences is prose
            field = len(line) <= 100 and not PROSE_BREAK_RE.search(line) and not SECTION_RE.match(line) \
                and not INJURY_CLAUSE_RE.search(low, s, e) and not self._sentence_line(line)
            if field and PATTERN_HIT_RE.search(line):  # a date, long number, phone or e-mail on a header line
                out.append((s, e, False))
                continue
            for cm in ZONE_CUE_RE.finditer(low, s, e):
                if field:
                    out.append((s, e, False))
                    break
                if self._kin_before_verb(text, low, cm):
                    continue
                stop = CLAUSE_END_RE.search(text, cm.end(), e)
                out.append((cm.start(), min(stop.start() if stop else e, cm.end() + 80), True))
        memo["zones"] = out
        return out

    def _kin_before_verb(self, text: str, low: str, cm: re.Match) -> bool:
        """A relative named by kin alone who does something, in a German sentence typed in normal case ('Mutter
        bemerkt Schonhaltung des rechten Armes, Moro-Reflex asymmetrisch'): no name follows the cue, and the
        clause's capitalised words are the language's nouns, not names (session 49: a prose zone took them, and
        the eponym with them). A name after it still goes by the other rules ('Mutter Anna Huber bemerkt')."""
        if fold(cm.group()) not in KIN_WORDS or not text[cm.start()].isupper():
            return False
        nm = NEXT_LOWER_WORD_RE.match(text, cm.end())
        if nm is None or fold(nm.group(1)) not in self.common \
                or fold(nm.group(1)) in self.known_names:
            return False
        return self._report_german(text, low)

    def _sentence_line(self, line: str) -> bool:
        """A short line that is one sentence, not a header field ('The patient was injured on a farm last week.'):
        an article or a pronoun opens it, it ends with a full stop, no field label opens it, and five or more of its
        lower-case words are ordinary words of either language. Its cue opens a prose zone, where ordinary words
        stay, and a date or number in it makes no zone of the whole line (session 45: the whole line went as a
        field; a date there is still removed by its own pattern)."""
        t = line.rstrip()
        if not t.endswith(".") or ":" in t[:30] or not SENTENCE_OPENER_RE.match(t):
            return False  # (an article or a pronoun opens it: 'Pt john smith seen today ...' stays a field)
        common = self.common
        return sum(len(w) >= 3 and fold(w) in common for w in LINE_LOWER_WORD_RE.findall(t)) >= SENTENCE_LINE_WORDS

    def _header_prose(self, line: str, low_line: str) -> bool:
        """A line of the header that is a clinical sentence, not a header field ('- Oblique fracture at the base of
        the first metacarpal with a small fragment ...' before an 'Impression' heading): six or more lower-case
        words of four letters or more, a capital somewhere (in an all-lower-case report case says nothing), and
        no identifier cue or pattern. It is a prose zone: its capitalised unknown words still go, its ordinary
        lower-case words stay."""
        # a line opening with the state after an operation is the history, though a date closes it ('Z.n.
        # Zuggurtungsosteosynthese (2 Kirschnerdrähte, Drahtcerclage) bei Olecranonfraktur ..., OP 21.3.'; session 51:
        # as a header field its clinical words went, the keep string with them)
        if line != low_line and HISTORY_OPENER_RE.match(line) and ZONE_CUE_RE.search(low_line) is None:
            return True
        if line == low_line or PATTERN_HIT_RE.search(line) or ZONE_CUE_RE.search(low_line) is not None:
            return False
        if sum(len(w) >= 4 for w in LINE_LOWER_WORD_RE.findall(line)) >= HEADER_PROSE_WORDS:
            return True
        # German capitalises its nouns, so a findings sentence before the first heading has few lower-case words
        # ('Deutliche Gelenkspaltverschmälerung im Daumensattelgelenk mit subchondraler Sklerosierung ...'): a
        # long line made mostly of ordinary words is prose too (a header field is mostly names, ids and places)
        words = WORD_SPLIT_RE.findall(low_line)
        if len(words) < 10 or not line.rstrip().endswith(".") or any(fold(w) in self.institution_cues for w in words):
            return False  # a sentence ends it; an institution's words keep it a header line ('... Imaging Group')
        return sum(fold(w) in self.safe or fold(w) in self.common for w in words) >= 0.7 * len(words)

    def _zone_tokens(self, text: str, zs: int, ze: int, protected: list[tuple[int, int]],
                     cands: list[Span], prose: bool = False) -> None:
        """Philter's rule inside a zone: every token not known to be safe goes (runs become one span).

        In a prose clause ('Frau Sturz klagt über Schmerzen') a lower-case word goes only right after a
        cue or title, or continuing such a run ('pt john smith'); capitalised words and numbers go anywhere."""
        run_s = run_e = -1
        kind = "NAME"
        low_run = 0  # ordinary-case words removed in a row after a cue (prose only)
        after_title = after_cue = False
        # in an all-caps clause ('PT C/O INCREASED SHORTNESS OF BREATH') case says nothing: every word
        # is treated as a lower-case one
        shouting = prose and not any(c.islower() for c in text[zs:ze])
        in_protected = self._protected_flags(text, protected)
        for m, zone_safe in self._zone_words(text, zs, ze):
            s, e = m.start(), m.end()
            w = m.group()
            safe = zone_safe or in_protected[s]
            if safe and run_s >= 0 and not in_protected[s] and w.lower() in PARTICLE_SECOND \
                    and text[run_e:s] in (" ", "\t") and PARTICLE_FIRST_END_RE.search(text, run_s, run_e):
                safe = False  # a name's second particle ('ingrid van der hoeven', 'Maria de la Cruz'; session 40):
                # the article after 'van', 'von', 'de' is the name's, and the word after it goes with the run
            elif safe and len(w) >= 3 and w.isupper() and not in_protected[s] \
                    and (gm := SURNAME_GIVEN_RE.match(text, e)) and (g := fold(gm.group("g"))) in self.first_names \
                    and g not in self.ordinary:
                safe = False  # a surname in capitals that is also a word, before its given name ('FUSS, Frieda w,
                # 67 J.' opening a header; session 40)
            elif safe and not prose and w[:1].isupper() and not in_protected[s]:
                safe = not self._place_part(w, text, e, ze, run_s >= 0 and text[run_e:s].strip(" \t") == "")
            elif safe and not prose and run_s >= 0 and fold(w) in self.place_glue and text[run_e:s].strip(" \t") == "":
                safe = not self._place_part(w, text, e, ze, True, glue=True)
            ordinary = w.isupper() if shouting else (w.islower() or (w.isupper() and len(w) <= 4))  # 'CABG'
            if not safe and prose and not ordinary and not after_cue and _clinical_compound(self, w.rstrip(".")):
                safe = True  # a German clinical compound in a sentence ('Radialsubluxation'), not a name
            elif not safe and prose and ordinary and w.rstrip(".").isalpha():  # "eminence." ends a sentence
                # an ordinary word in prose goes only as a name: right after a title or 'cue:', or after
                # any cue when it is a known name ('pt john smith'), or continuing such a run
                f = fold(w)
                if after_title or 0 < low_run < 4 or (after_cue and (f in self.known_names
                                                                     or f in self.other_names)):
                    low_run += 1
                else:
                    safe = True
            elif safe:
                low_run = 0
            lw = w.lower()
            after_cue = prose and _zone_cue_word(lw.rstrip(":"))
            after_title = after_cue and (TITLE_SEQ_RE.fullmatch(w) is not None or text[e:e + 1] == ":")
            if safe:
                if run_s >= 0:
                    cands.append(Span(run_s, run_e, kind, PATTERN, "zone"))
                    run_s = -1
                continue
            if w.endswith(".") and not re.fullmatch(r"[^\W\d_]\.", w):
                e -= 1  # the sentence's full stop is not part of the token, an initial's dot is
            if run_s >= 0 and re.fullmatch(r"[ \t,'’\-^]*", text[run_e:s]):
                run_e = e
                if any(c.isdigit() for c in w):
                    kind = "ID"
                continue
            if run_s >= 0:
                cands.append(Span(run_s, run_e, kind, PATTERN, "zone"))
            run_s, run_e = s, e
            kind = "ID" if any(c.isdigit() for c in w) else "NAME"
        if run_s >= 0:
            cands.append(Span(run_s, run_e, kind, PATTERN, "zone"))

    def _place_part(self, w: str, text: str, end: int, zone_end: int, after_unsafe: bool, glue: bool = False) -> bool:
        """A safe word that is part of a place name here: a prefix before ('New Liskeard'), a suffix after
        ('Tuba City') a word the zone removes, or a connector between two ('Thalheim bei Wels')."""
        f = fold(w.rstrip("."))
        if f in self.place_suffixes and after_unsafe and not glue:
            return True
        if f not in self.place_prefixes and not glue:
            return False
        nm = ZONE_TOKEN_RE.search(text, end, zone_end)
        if nm is None or text[end:nm.start()].strip(" \t") or not nm.group()[:1].isupper():
            return False
        return not self._zone_safe(nm.group(), text, nm.end(), zone_end)

    def _zone_institutions(self, text: str, zs: int, ze: int, protected: list[tuple[int, int]],
                           cands: list[Span], prose: bool = False) -> None:
        """A span-level rule: institution cue words ('Radiology', 'Medical Center', 'Praxis', 'GmbH') next to
        words the zone removes make one institution, cue words and connectors included ('Praxis für Radiologie
        Dr. Sommer', 'Gold Coast Radiology'). A cue word alone, or only beside safe words, stays."""
        toks = []  # (start, end, class): C cue, K connector/title, U unsafe, S safe
        lower_zone = not prose and not any(c.isupper() for c in text[zs:ze])  # 'radiologie zentrum am markt'
        in_protected = self._protected_flags(text, protected)
        for m, zone_safe in self._zone_words(text, zs, ze):
            w = m.group()
            f = fold(w.rstrip("."))
            if f in self.institution_cues and (not w.islower() or lower_zone):
                c = "C"  # 'Surgery', 'GMBH'; in prose 'decompression surgery' is no institution
            elif f in INSTITUTION_GLUE or _title_word(w) or not any(ch.isalpha() for ch in w):
                c = "K"  # (a number or a date joins a name, it makes none: 'RADIOLOGY OVERREAD 1/18/26'; session 47)
            elif in_protected[m.start()]:
                c = "S"
            elif zone_safe:
                # on a header line a capitalised ordinary word inside a name joins it ('WAGGA WAGGA BASE HOSPITAL',
                # 'Valley View Urgent Care'); at the run's ends it stays
                c = "K" if not prose and w[:1].isupper() and f not in DEPARTMENT_WORDS else "S"
            else:
                c = "U"
            e = m.end() - 1 if w.endswith(".") and c != "K" else m.end()
            toks.append((m.start(), e, c))
        i = 0
        while i < len(toks):
            if toks[i][2] == "S":
                i += 1
                continue
            j = i
            while j + 1 < len(toks) and toks[j + 1][2] != "S" and \
                    INSTITUTION_GAP_RE.fullmatch(text, toks[j][1], toks[j + 1][0]):
                j += 1
            run = toks[i:j + 1]
            while run and run[0][2] == "K":
                run = run[1:]
            while run and run[-1][2] == "K":
                run = run[:-1]
            classes = {t[2] for t in run}
            if "C" in classes and "U" in classes:
                cands.append(Span(run[0][0], run[-1][1], "INSTITUTION", PATTERN, "zone-institution"))
            i = j + 1

    def _zone_safe(self, w: str, text: str, end: int, zone_end: int) -> bool:
        digits = 0 if w.isalpha() else sum(c.isdigit() for c in w)  # a letter is no digit (speed)
        if digits:
            if digits <= 2 and len(w) <= 3:
                return True  # small numbers (times, counts); dates and ages have their own patterns
            if digits == 4 and len(w) == 4 and _clock_time(text, end - 4, end):
                return True  # '0317 SST', 'AT 0331' (session 27)
            return digits <= 3 and len(w) <= 4 and UNIT_AFTER_RE.match(text, end, zone_end) is not None
        if len(w) == 1:
            return True
        if FIELD_LABEL_RE.match(text, end) and ((len(w) <= 14 and not any(c.isupper() for c in w[1:]))
                                                or (w.isupper() and len(w) <= 5)):
            # a field's label ('Req:', 'Zuw.:', 'DOB:', 'Mutter:') names no one, unless it is a known name
            f = fold(w.rstrip("."))
            cue = ZONE_CUE_RE.fullmatch(w.lower().rstrip(".")) is not None
            if cue or (f not in self.known_names and f not in self.other_names and f not in self.places):
                return True
        if (w.islower() and ZONE_CUE_RE.fullmatch(w.rstrip(".")) and not (w.startswith("fall") and len(w) > 4)) \
                or fold(w) in KIN_WORDS or (w[:1].isupper() and w[1:].islower() and fold(w) in self.common
                                            and fold(w) not in self.known_names
                                            and ZONE_CUE_RE.fullmatch(w.lower()) and not w.startswith("Fall")):
            return True  # the cue itself ('Mutter (Frau X) begleitet', 'mother informed'; session 27), but not a
            # longer word the cue's 'fall...' matches ('fallon' in a lower-case signature); a capitalised one when it
            # is a word of the language and no name ('Nach Rücksprache mit Dr. X'; session 49)
        core = w.rstrip(".")
        if core[-2:] in ("'s", "’s"):
            core = core[:-2]  # "patient's"
        f = fold(core)
        if f in self.safe:
            return True
        parts = [p for p in PART_SPLIT_RE.split(f) if p]
        if len(parts) > 1 and all(p in self.safe or len(p) == 1 for p in parts):
            return True
        return self._clinical_compound(f)

    def _lower_name_before(self, text: str, end: int, floor: int, proper: bool = True) -> int:
        """Where a lower-case name before a head word ('... gaels') or a firm's form ('... & söhne') starts: up to
        three lower-case words back to a closed-class, stop or safe word; with `proper`, one of them no common word
        or a listed place (a firm's form alone says its words are a name). 0 when there is none."""
        words = list(re.finditer(r"[^\W\d_][\w'’\-]*", text[floor:end]))
        name: list[re.Match] = []
        for wm in reversed(words[-3:]):
            w = wm.group()
            gap = text[floor + wm.end():floor + name[0].start() if name else end]
            f = fold(w[:-2] if w.endswith(("'s", "’s")) else w)
            if not w.islower() or not re.fullmatch(r"[ \t]+", gap) or self._is_stop(w) or f in FUNCTION_WORDS \
                    or f in CLOSED_WORDS or f in self.safe:
                break
            name.insert(0, wm)
        if name and (not proper or any(fold(w.group()) not in self.common or fold(w.group()) in self.places
                                       for w in name)):
            return floor + name[0].start()
        return 0

    def _employer_in_brackets(self, v: str, named: bool = False) -> bool:
        """A bracket after a work word names an employer when its 1-5 words are capitalised (or '&', 'und', 'of',
        ...), none is a clinical or safe word, a stop word or an eponym, and one is no common word, or two or more
        are ('SUNRISE FRESH PRODUCE'); a lone short acronym ('RTW', 'BG') is left to the other rules, unless the
        bracket says it names the employer (`named`: EMPLOYER_PAREN_RE, '(EMPLOYER QMKB)') and no list knows it
        as an acronym (session 32). In a report typed in lower case no capital tells a name: there one to four
        lower-case words of three letters or more, every one no word of either language ('at work (printenbäckerei
        kloubert, ...)'; session 34)."""
        words = v.split()
        lower = v.islower() and not named
        if not 1 <= len(words) <= (4 if lower else 5) or not all(
                w.isalpha() and len(w) >= 3 if lower else EMPLOYER_WORD_RE.fullmatch(w) for w in words):
            return False
        folded = [fold(w.strip(".,'’")) for w in words]
        if any(f in self.safe or f in WORK_PAREN_STOP or f in self.eponyms or f.isdigit() or _clinical_compound(self, f)
               for f in folded):  # 'Arbeitsunfall (Wegeunfall)' is the kind of accident
            return False
        if lower:
            return all(f not in self.common for f in folded)
        if named and len(words) == 1 and words[0].isupper() and folded[0] not in self.acronyms:
            return True
        if all(self._german_noun(f) for f, w in zip(folded, words, strict=True) if not w.isupper() or len(w) > 4):
            return False  # German nouns only: what the work was ('Mitarbeiterin Verpackung', 'BG-Fall')
        if len(words) == 1:
            return not (words[0].isupper() and len(words[0]) <= 4) and folded[0] not in self.common
        return sum(w[0].isupper() for w in words) >= 2

    def _german_noun(self, f: str) -> bool:
        """A German noun of the noun list, or hyphenated parts that are each one or a safe word ('BG-Fall')."""
        parts = [p for p in f.split("-") if p]
        return bool(parts) and (f in self.nouns or len(parts) > 1 and all(p in self.nouns or p in self.safe
                                                                            for p in parts))

    def _place_glue_before(self, text: str, i: int) -> bool:
        """'im' after a listed place: the noun that follows belongs to the place's name ('Fürth im Wald')."""
        g = PLACE_GLUE_BEFORE_RE.search(text, max(0, i - 40), i)
        return bool(g) and fold(g.group("p")) in self.places

    def _clinical_compound(self, f: str) -> bool:
        """A German compound of an ordinary word and an injury or examination noun ('Fahrradsturz',
        'Treppensturz', 'Skiunfall', 'Verlaufskontrolle'): safe in an identifier zone, where recall-first removal
        took it for a name (session 25: 'V.a. Fraktur nach Fahrradsturz' lost the fall that made it history)."""
        if len(f) < 8 or not f.isalpha():
            return False
        for tail in CLINICAL_COMPOUND_TAILS:
            if f.endswith(tail) and len(f) - len(tail) >= 3:
                head = f[:-len(tail)]
                if any(h in self.common or h in self.nouns for h in (head, head[:-1], head[:-2]) if len(h) >= 3
                       ) and head not in self.known_names:  # (f is folded already)
                    return True
        return False

    def _identifier_name_runs(self, text: str, row: RowPatterns) -> list[Span]:
        """Runs of the row's own name tokens: 'Müller, Anna', 'A. Mueller', 'MUELLER^ANNA', a lone 'Müller'."""
        out: list[Span] = []
        if not row.name_tokens:
            return out
        ms = []
        for m in self._cap_tokens(text):
            w = m.group()
            if w.endswith("."):
                if w[0] in row.initials and len(w) <= 4:
                    ms.append((m, True))
            elif fold(w) in row.name_tokens or strip_accents(w) in row.name_tokens:
                ms.append((m, False))
        i = 0
        while i < len(ms):
            j = i
            while j + 1 < len(ms) and _RUN_GAP_RE.fullmatch(text, ms[j][0].end(), ms[j + 1][0].start()):
                j += 1
            run = ms[i:j + 1]
            full = [m for m, ini in run if not ini]
            if full:
                s, e = run[0][0].start(), run[-1][0].end()
                if len(run) >= 2:
                    out.append(Span(s, e, "NAME", STRONG, "identifier-name"))
                else:
                    f = fold(full[0].group())
                    if f in self.not_names:
                        pass  # patient 'Sturz': a lone 'Sturz' is the fall, not her (titles/cues still catch her)
                    elif f in self.common and self.eponym_right_re.match(text[e:e + 40]):
                        pass  # referrer 'HOOK^DAVID' and a 'Hook plate': an ordinary word before a device or finding
                        # word is the device's (session 37; titles and cues still catch Mr Hook)
                    else:
                        out.append(Span(s, e, "NAME", WEAK if f in self.eponyms else PATTERN, "identifier-name"))
            i = j + 1
        return out

    def _institutions(self, text: str) -> list[Span]:
        out = []
        for m in self.institution_re.finditer(text):
            if text[m.end("key"):m.end("key") + 1] == ":":
                continue  # "Klinik:" is a section header
            if not _at_word_start(text, m.start("key")):
                continue
            right = m.group("right")
            s = m.start("key")
            # a service named after its word takes no words before it ('Kaderathlet Olympiastützpunkt Bayern'); one
            # named before it does ('Anchorage Fire Department')
            lm = self.institution_left_re.search(text, max(0, s - 60), s) \
                if m.group("key") not in self.service_words or not right.strip() else None
            if lm and _at_word_start(text, lm.start()):
                words = list(re.finditer(r"\S+", lm.group()))
                # keep the words nearest the key up to the first stop word ('Befund Klinikum' -> 'Klinikum')
                keep = None
                for wm in reversed(words):
                    w = wm.group()
                    if self._is_stop(w) or (w.isupper() and w.lower() in CAPS_GLUE):  # 'FILMS FROM GRAND RIVER ...'
                        break
                    keep = lm.start() + wm.start()
                if keep is not None:
                    s = keep
            e = m.end("key")
            if right.strip():
                rs = m.start("right")
                last_ok = None
                for wm in re.finditer(rf"{WORD}|{UPPER_WORD}|St\.", right):
                    if self._is_stop(wm.group()):
                        break
                    last_ok = rs + wm.end()
                if last_ok:
                    e = last_ok
            key = m.group("key")
            compound = key[0].isupper() and not any(key == w for w in ("Klinik", "Krankenhaus", "Hospital"))
            if s == m.start("key") and e == m.end("key") and not compound:
                continue  # a bare generic word ('the Hospital') names no one
            if s == m.start("key") and e == m.end("key") and key in self.service_words \
                    and (nm := SERVICE_NUMBER_RE.match(text, e)):
                e = nm.end()  # 'Rettungswache 4 (Hörde)', 'Feuerwache 2': a numbered station (session 21)
            elif s == m.start("key") and e == m.end("key") and key in self.bare_institution_words:
                continue
            if s == m.start("key") and key in DEPARTMENT_HEADS and DEPT_RE.match(m.group("right")):
                continue  # 'Institut für Diagnostische Radiologie', 'Klinik für Unfallchirurgie': a specialty, no one
            out.append(Span(s, e, "INSTITUTION", PATTERN, "institution"))
        for m in (self.saint_re.finditer(text) if "St." in text or "Sankt" in text or "Saint" in text else ()):
            out.append(Span(m.start(), m.end(), "INSTITUTION", PATTERN, "saint"))
        return out

    def _caps_institutions(self, text: str) -> list[Span]:
        """An institution or venue in an all-caps line ('FELL AT MIKISEW MIDDLE SCHOOL', 'AT KIM'S HAPKIDO ACADEMY'):
        the line read in title case by the institution, school, club and venue rules, kept where the found name holds
        a word no list knows. Tune and de-dl, session 18: 38 spans, none wrong."""
        out = []
        for m in CAPS_LINE_RE.finditer(text):
            line = m.group()
            # closed-class words lower-case, as in prose, so a name's run stops at them ('FROM REGIONAL WEST MEDICAL
            # CENTER DATED' -> 'from Regional West Medical Center dated'; session 22)
            titled = TITLE_WORD_RE.sub(lambda w: w.group().lower() if w.group().lower() in CAPS_GLUE
                                       else w.group()[0] + w.group()[1:].lower(), line)
            if len(titled) != len(line):
                continue
            found = self._institutions(titled)
            self._relatives_and_institutions(titled, _lower(titled), found.append, [])
            for sp in found:
                if sp.kind != "INSTITUTION":
                    continue
                words = [w for w in re.findall(rf"{WORD}", titled[sp.start:sp.end])]
                if any(self._unknown_word(w) and fold(w) not in self.common and fold(w) not in self.eponyms
                       for w in words) or self._named_caps_institution(words):
                    out.append(Span(m.start() + sp.start, m.start() + sp.end, "INSTITUTION", PATTERN,
                                    "caps-institution"))
        return out

    def _named_caps_institution(self, words: list[str]) -> bool:
        """'Regional West Medical Center', 'Grand River Hospital' in capitals: ordinary words before a hospital's
        head word name one hospital, unless every one of them is generic ('Outside Hospital', 'Regional Medical
        Center')."""
        for i, w in enumerate(words):
            if fold(w) in CAPS_INSTITUTION_HEADS:
                left = [fold(x) for x in words[:i]]
                return bool(left) and any(x not in GENERIC_INSTITUTION_LEFT and x not in self.not_names for x in left)
        return False

    def _list_names(self, text: str, row: RowPatterns | None) -> list[Span]:
        """Names from the lists: 'Anna Schulz', 'A. Schulz', 'Schulz, Anna', a lone 'Schulz'."""
        out: list[Span] = []
        toks = self._cap_tokens(text)
        first, sur, nw, ep = self.first_names, self.surnames, self.name_words, self.eponyms
        i = 0
        n = len(toks)
        while i < n:
            m = toks[i]
            w = m.group()
            f = fold(w.rstrip("."))
            is_init = w.endswith(".") and len(w) <= 4
            run_end = None
            if (f in first and f not in nw) or is_init:
                j = i
                while j + 1 < n and re.fullmatch(r"[ \t]+", text[toks[j].end():toks[j + 1].start()]):
                    g = fold(toks[j + 1].group().rstrip("."))
                    nxt_init = toks[j + 1].group().endswith(".") and len(toks[j + 1].group()) <= 4
                    if g in first and not is_init and not nxt_init:
                        j += 1
                        continue
                    if g in sur or (not is_init and not nxt_init and g not in self.not_names and g not in ep
                                    and not toks[j + 1].group().isupper()):
                        j += 1
                        run_end = j
                    break
                if run_end is not None:
                    out.append(Span(m.start(), toks[run_end].end(), "NAME", PATTERN, "list"))
                    i = run_end + 1
                    continue
            if f in sur and f not in nw and f not in ep and not is_init:
                e = m.end()
                if i + 1 < n and _RUN_GAP_RE.fullmatch(text, m.end(), toks[i + 1].start()) and \
                        fold(toks[i + 1].group().rstrip(".")) in first:
                    e = toks[i + 1].end()
                    i += 1
                out.append(Span(m.start(), e, "NAME", PATTERN, "list"))
            i += 1
        return out

    def _resolve(self, text: str, cands: list[Span], low: str,
                 protected: list[tuple[int, int]] | None = None) -> list[Span]:
        blocked = bytearray(len(text) + 1)  # 1 = protected eponym, 2 = existing placeholder
        for ps, pe in (self.protected_spans(text, low) if protected is None else protected):
            blocked[ps:pe] = b"\x01" * (pe - ps)
        if "[" in text:  # never touch placeholders already in the text (idempotence)
            for m in PLACEHOLDER_RE.finditer(text):
                blocked[m.start():m.end()] = b"\x02" * (m.end() - m.start())
        kept = []
        zone = []
        for c in cands:
            seg = blocked[c.start:c.end]
            if 2 in seg or (1 in seg and c.strength < STRONG):
                continue
            (zone if c.rule == "zone" else kept).append(c)
        out = self._trim_departments(text, self._extend_institutions(text, _merge_clusters(kept)))
        if zone:
            out = sorted(out + self._zone_rest(text, zone, out, blocked), key=lambda c: c.start)
        return _join_particles(text, _specialty_practices(text, _lower_institution_tails(text, out),
                                                          self.institution_cues))

    def _extend_institutions(self, text: str, spans: list[Span]) -> list[Span]:
        """A removed name followed by capitalised institution words ('[Maitland] Family Practice',
        '[KALINGA] INSTITUTE OF ORTHOPAEDICS & TRAUMA') was the institution's name: the words go with it."""
        if not self.institution_cues:
            return spans
        out: list[Span] = []
        for i, sp in enumerate(spans):
            if sp.kind in ("NAME", "INSTITUTION"):
                limit = spans[i + 1].start if i + 1 < len(spans) else len(text)
                pos, end, n = sp.end, sp.end, 0
                while n < 6:
                    if hp := HYPHEN_PARTICLE_RE.match(text, pos, limit):
                        pos = hp.end()  # '[Melton Road Walk]-in Centre', 'Drop-in Clinic' (session 29)
                    g = INSTITUTION_GAP_RE.match(text, pos, limit)
                    m = CAP_TOKEN_RE.match(text, g.end(), limit) or GLUE_TOKEN_RE.match(text, g.end(), limit)
                    if not m:
                        break
                    pos, n = m.end(), n + 1
                    if fold(m.group().rstrip(".")) in self.institution_cues and m.group()[0].isupper():
                        end = pos
                if sp.kind == "INSTITUTION" or end > sp.end:  # a place after it: '[Kantonsspital] Winterthur'
                    pm = PLACE_AFTER_RE.match(text, end, limit)
                    if pm and (f := fold(pm.group("w"))) not in self.safe and (
                            sp.rule != "named-compound" or f in self.places):  # '[X-Gymnasium], Prellung'
                        end = pm.end()
                    # 'Klinikum Frankfurt (Oder)', '..., Standort Gießen', 'Dr. Koch & Kollegen', '... AG'
                    while (tm := INSTITUTION_TAIL_RE.match(text, end, limit)) is not None:
                        end = tm.end()
                if end > sp.end:
                    sp = Span(sp.start, end, "INSTITUTION", sp.strength, "institution-words")
                if sp.kind == "INSTITUTION" and sp.rule not in WHOLE_NAME_RULES:
                    # 'Our [Lady of Lourdes Hospital]', 'KK Women's and [Hospital]'; a venue's or a firm's head
                    # starts or ends its name ('AUF [REITERHOF X]', 'ACCIDENT AT [STAHLBAU REDING]' all caps)
                    sp = self._extend_institution_left(text, sp, out[-1].end if out else 0)
                lead = THE_BEFORE_RE.search(text, max(0, sp.start - 5), sp.start)
                if sp.kind == "INSTITUTION" and lead and (not out or out[-1].end <= lead.start()):
                    sp = Span(lead.start(), sp.end, sp.kind, sp.strength, sp.rule)  # 'The [Limes Surgery]'
            out.append(sp)
        return out

    @staticmethod
    def _trim_departments(text: str, spans: list[Span]) -> list[Span]:
        """'Department of Radiology, [St. Thomas Hospital]': a leading or trailing segment of an institution span
        that only names a department or specialty is no identifier and stays."""
        out = []
        for sp in spans:
            if sp.kind != "INSTITUTION" or sp.strength == STRONG:
                out.append(sp)
                continue
            seps = [(sp.start, sp.start)] + [(m.start(), m.end()) for m in DEPT_SPLIT_RE.finditer(text, sp.start,
                                                                                                   sp.end)]
            seps.append((sp.end, sp.end))
            segs = [(seps[i][1], seps[i + 1][0]) for i in range(len(seps) - 1) if seps[i][1] < seps[i + 1][0]]

            def dept(seg: tuple[int, int]) -> bool:
                ws = [fold(w) for w in re.findall(r"[^\W\d_][\w\-]*", text[seg[0]:seg[1]])]
                return bool(ws) and all(w in DEPARTMENT_WORDS or w in INSTITUTION_GLUE for w in ws) and \
                    any(w in DEPARTMENT_WORDS for w in ws) and not any(w in LOCATIVE_GLUE for w in ws)

            while segs and dept(segs[0]):
                segs.pop(0)
            while segs and dept(segs[-1]):
                segs.pop()
            if segs:
                out.append(Span(segs[0][0], segs[-1][1], sp.kind, sp.strength, sp.rule))
        return out

    def _extend_institution_left(self, text: str, sp: Span, floor: int) -> Span:
        """Capitalised words on the same line right before an institution, joined by spaces or 'and'/'of',
        are part of its name; a header ('Referring:'), a title or an identifier cue word ends the walk."""
        line_start = max(text.rfind("\n", 0, sp.start) + 1, floor)
        m = INSTITUTION_LEFT_RE.search(text, max(line_start, sp.start - 80), sp.start)
        if not m:
            return sp
        start = sp.start
        for wm in reversed(list(re.finditer(r"\S+", m.group()))):
            w = wm.group()
            lw = w.lower().rstrip(".")
            if w.isupper() and lw in CAPS_GLUE and lw not in CAPS_NAME_GLUE:
                break  # 'FILMS FROM [GRAND RIVER HOSPITAL]', 'PRIOR AT [LAKEVIEW ...]': in capitals no case tells
            if lw in INSTITUTION_GLUE:
                continue
            if (w.endswith(":") or TITLE_SEQ_RE.fullmatch(w) or ZONE_CUE_RE.fullmatch(lw) is not None
                    or SECTION_RE.match(w)):
                break
            start = m.start() + wm.start()
        return Span(start, sp.end, sp.kind, sp.strength, sp.rule) if start < sp.start else sp

    @staticmethod
    def _zone_rest(text: str, zone: list[Span], found: list[Span], blocked: bytearray) -> list[Span]:
        """What the zone rule adds beyond the typed detectors: the zone spans minus every typed span,
        each remaining piece typed by its own content. 'Address: 55 Fruit Street, Boston, MA 02114'
        thus reads '[ADDRESS], [ADDRESS]', not one '[ID]' over both (a typed detector knows better)."""
        cover = bytearray(len(text) + 1)
        for c in zone:
            cover[c.start:c.end] = b"\x01" * (c.end - c.start)
        for c in found:
            cover[c.start:c.end] = b"\x00" * (c.end - c.start)
        out = []
        for m in re.finditer(b"\x01+", bytes(cover)):
            s, e = m.start(), m.end()
            while s < e and text[s] in " \t,;:-^/·|":
                s += 1
            while e > s and text[e - 1] in " \t,;:-^/·|":
                e -= 1
            piece = text[s:e]
            if not any(ch.isalnum() for ch in piece) or 1 in blocked[s:e]:
                continue
            out.append(Span(s, e, "ID" if any(ch.isdigit() for ch in piece) else "NAME", PATTERN, "zone"))
        return out

    # -- public -----------------------------------------------------------------

    def anonymize(self, text: str, identifiers: Mapping[str, str] | None = None) -> Anonymized:
        """Normalise (NFC, no invisible characters), find, replace. Spans refer to `result.source`."""
        text = normalize(text)
        if identifiers:
            identifiers = {k: normalize(str(v)) for k, v in identifiers.items() if v}
        spans = self.find(text, identifiers)
        parts: list[str] = []
        pos = 0
        counts: Counter = Counter()
        for sp in spans:
            parts.append(text[pos:sp.start])
            parts.append(f"[{sp.kind}]")
            counts[sp.kind] += 1
            pos = sp.end
        parts.append(text[pos:])
        return Anonymized("".join(parts), counts, spans, text)

    def __call__(self, text: str, identifiers: Mapping[str, str] | None = None) -> str:
        return self.anonymize(text, identifiers).text

    def with_site_terms(self, terms: SiteTerms | None) -> Anonymizer:
        """This anonymizer (its lists, shared) that also removes a site's own terms wherever they occur."""
        if terms is None or not terms.count:
            return self
        other = copy.copy(self)
        other._report_memo = (None, {})
        other.site_terms = terms
        return other


@functools.lru_cache(maxsize=1)
def default_anonymizer() -> Anonymizer:
    return Anonymizer()


def anonymize_text(text: str, identifiers: Mapping[str, str] | None = None) -> str:
    return default_anonymizer()(text, identifiers)


