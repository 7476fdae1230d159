"""How well the anonymizer works, measured two ways (bench/anonymizer_recall.py prints both).

1. Synthetic hospitals (`fedrad sim synth`): every planted PHI string is in
   `OUT/truth/<site>/phi.jsonl`. Recall = share of planted strings that no longer occur
   verbatim in the anonymized text. Also counted: eponym phrases ("Bennett-Fraktur",
   "Mason II") that the anonymizer destroyed.
2. Real text (IU chest X-ray reports, PHI masked as "XXXX" by the publisher): the masks whose
   type the context gives away are filled with realistic fakes ("dated XXXX" -> a date,
   "Dr. XXXX XXXX" -> a name, "XXXX-year-old" -> an age), then recall is measured on those.
   Names come from two pools, one drawn from our own name lists and one guaranteed absent from
   them, so the figure does not flatter the lists. Over-redaction = replacements that touch no
   planted string (the real text has no other PHI left). Every age is an identifier (the policy
   since issue 11: independent annotators mark ages of any value, and the labels need none).
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from fedrad.client.anon_engine import Anonymizer, default_anonymizer, fold
from fedrad.client.phi_check import phi_check

# Eponym phrases as a reader sees them; independent of the anonymizer's own protection rules.
EPONYM_PHRASE_RE = re.compile(
    r"(?<![\w])(?:Bennett|Rolando|Colles|Smith|Barton|Mason|Rockwood|Tossy|Jäger|Breitner|Monteggia|Galeazzi|"
    r"Essex-Lopresti|Hill-Sachs|Bankart|Stener|Salter-Harris|Kienböck|Weber|Neer|Garden|Gartland|Segond)"
    r"(?:'s|')?(?:[-\s/]+(?:und\s+)?(?:Breitner|Jäger))?"
    r"(?:[-\s]+(?:type\s+|Typ\s+|grade\s+|Grad\s+)?(?:[IV]{1,4}[a-c]?|[1-6]|[A-C])(?![\w])|[-\s]*(?:fracture|Fraktur|"
    r"Luxationsfraktur|lesion|Läsion|Delle|Verletzung|injury|dislocation|Luxation|disease|Erkrankung)\w*)")

# Fake names guaranteed absent from client/data (checked at run time): the honest half of the test.
UNLISTED_FIRST = ["Ilka", "Oskar", "Thea", "Vitus", "Edda", "Jorin", "Wiebke", "Quentin", "Marit", "Lorenzo",
                  "Imogen", "Casimir", "Rosalind", "Desmond", "Philippa", "Barnaby", "Ottilie", "Cosima", "Ansgar",
                  "Henrike"]
UNLISTED_LAST = ["Przybylski", "Okonkwo", "Lindqvist", "Castellanos", "Whitfield", "Dunleavy", "Feldkamp",
                 "Harrowgate", "Brösel", "Tiedemann", "Quast", "Wöhrle", "Ebbinghaus", "Kowalczyk", "Ruthven",
                 "Abernathy", "Szabo", "Van Buren", "Hollerith", "Mbeki"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@dataclass
class RecallTally:
    planted: Counter = field(default_factory=Counter)  # per type
    removed: Counter = field(default_factory=Counter)
    missed: dict = field(default_factory=lambda: defaultdict(list))  # type -> examples (kept in memory only)

    def add(self, typ: str, text: str, anonymized: str, context_id: str = "") -> None:
        self.planted[typ] += 1
        if typ == "NAME":
            # strict: a name counts as removed only if none of its words survives anywhere ("Y...z, [NAME]"
            # would pass the verbatim test for "Yilmaz, Ayse" although the surname leaked)
            self.planted["NAME (every word)"] += 1
            words = [w for w in re.findall(r"[^\W\d_][^\W\d_'’-]+(?:-[^\W\d_]+)*", text)
                     if len(w) >= 3 and w.lower() not in ("med", "prof", "univ")]
            if not any(re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", anonymized) for w in words):
                self.removed["NAME (every word)"] += 1
            elif len(self.missed["NAME (every word)"]) < 25:
                self.missed["NAME (every word)"].append((context_id, text))
        if text in anonymized:
            if len(self.missed[typ]) < 25:
                self.missed[typ].append((context_id, text))
        else:
            self.removed[typ] += 1

    def recall(self) -> dict[str, float]:
        out = {t: self.removed[t] / n for t, n in sorted(self.planted.items()) if n}
        strict = "NAME (every word)"
        total = sum(n for t, n in self.planted.items() if t != strict)
        out["ALL"] = (sum(n for t, n in self.removed.items() if t != strict) / total) if total else float("nan")
        return out


def eponym_damage(original: str, anonymized: str) -> int:
    """Eponym phrases of `original` missing from `anonymized` (phrases inside planted PHI excluded by caller)."""
    before = Counter(m.group() for m in EPONYM_PHRASE_RE.finditer(original))
    after = Counter(m.group() for m in EPONYM_PHRASE_RE.finditer(anonymized))
    return sum(max(0, n - after[p]) for p, n in before.items())


# ---------------------------------------------------------------------------- synthetic hospitals


def score_synth(out_dir: str | Path, anonymizer: Anonymizer | None = None) -> dict:
    """Recall of the planted report PHI and damaged eponyms over every site of a `fedrad sim synth` folder."""
    from fedrad.client.reports import read_reports

    a = anonymizer or default_anonymizer()
    out_dir = Path(out_dir)
    tally = RecallTally()
    damaged = eponyms = reports = 0
    damaged_examples: list[str] = []
    fp_spans = fp_chars = total_chars = flagged = raw_flagged = 0
    fp_examples: list[str] = []
    for site in sorted(p for p in (out_dir / "sites").iterdir() if p.is_dir()):
        truth_file = out_dir / "truth" / site.name / "phi.jsonl"
        truth = {}
        for line in truth_file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                truth[rec["study_id"]] = rec
        table = read_reports(site)
        for row in table.rows:
            res = a.anonymize(row.report, row.identifiers)
            reports += 1
            flagged += bool(phi_check(res.text, row.identifiers, anonymizer=a))
            raw_flagged += bool(phi_check(row.report, anonymizer=a))  # the gate's sensitivity on raw text
            rec = truth.get(row.study_id, {})
            for item in rec.get("report", []):
                typ, text = item["type"], item["text"]
                tally.add(typ, text, res.text, row.study_id)
            phi_free = row.report
            guarded = bytearray(len(row.report) + 1)
            for item in rec.get("report", []):
                phi_free = phi_free.replace(item["text"], " ")
                for m in re.finditer(re.escape(item["text"]), row.report):
                    guarded[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            total_chars += len(row.report)
            for sp in res.spans:  # a replacement that touches no planted PHI damaged ordinary text
                if 1 not in guarded[sp.start:sp.end]:
                    fp_spans += 1
                    fp_chars += sp.end - sp.start
                    if len(fp_examples) < 15:
                        fp_examples.append(f"{row.study_id} [{sp.kind}] {row.report[sp.start:sp.end]!r}")
            n_ep = len(EPONYM_PHRASE_RE.findall(phi_free))
            eponyms += n_ep
            d = eponym_damage(phi_free, res.text) if n_ep else 0
            if d and len(damaged_examples) < 10:
                damaged_examples.append(row.study_id)
            damaged += d
    return {"reports": reports, "recall": tally.recall(), "planted": dict(tally.planted),
            "removed": dict(tally.removed), "missed_examples": {k: v[:8] for k, v in tally.missed.items()},
            "eponym_phrases": eponyms, "eponyms_damaged": damaged, "damaged_studies": damaged_examples,
            "over_redaction_spans": fp_spans, "over_redaction_chars": fp_chars,
            "over_redaction_char_share": fp_chars / total_chars if total_chars else 0.0,
            "over_redaction_examples": fp_examples, "phi_check_flagged_reports": flagged,
            "phi_check_flagged_raw_reports": raw_flagged}


# ---------------------------------------------------------------------------- IU X-ray reports


def _name_pools(a: Anonymizer, rng: random.Random) -> dict[str, tuple[list[str], list[str]]]:
    from fedrad.client.anon_lexicon import DATA_DIR
    from fedrad.client.anon_lexicon import read_list as _read_list

    listed_first = [w for w in _read_list("first_names.txt", DATA_DIR) if fold(w) not in a.name_words]
    listed_last = [w for w in _read_list("surnames.txt", DATA_DIR)
                   if fold(w) not in a.name_words and fold(w) not in a.eponyms]
    known = a.first_names | a.surnames | a.eponyms | a.name_words
    clash = [w for w in UNLISTED_FIRST + UNLISTED_LAST if any(fold(p) in known for p in w.split())]
    if clash:
        raise AssertionError(f"'unlisted' evaluation names are in the lists: {clash}")
    return {"listed": (listed_first, listed_last), "unlisted": (UNLISTED_FIRST, UNLISTED_LAST)}


def _fake_date(rng: random.Random, style: str) -> str:
    y, m, d = rng.randint(2003, 2016), rng.randint(1, 12), rng.randint(1, 28)
    if style == "long":
        return rng.choice([f"{MONTHS[m - 1]} {d}, {y}", f"{MONTHS[m - 1][:3]} {d}, {y}", f"{d} {MONTHS[m - 1]} {y}"])
    return rng.choice([f"{m}/{d}/{y}", f"{m:02d}/{d:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{m}/{d}/{y % 100:02d}",
                       f"{m}-{d}-{y}"])


IU_SLOTS = [  # (regex on the text, type) in priority order; XXXX runs are filled by context
    (re.compile(r"(?<=Dr\. )XXXX XXXX|(?<=Dr )XXXX XXXX"), "NAME2"),
    (re.compile(r"(?<=Dr\. )XXXX(?![\w])"), "NAME1"),
    (re.compile(r"(?i:(?<=discussed with )|(?<=notified )|(?<=called to )|(?<=informed )|(?<=paged ))XXXX XXXX"),
     "NAME2"),
    (re.compile(r"XXXX, XXXX(?=[.\s]|$)"), "DATE_LONG"),
    (re.compile(r"(?<=dated )XXXX(?![\w,])|(?<=from )XXXX(?![\w,])|(?<=on )XXXX(?=\.|$)"), "DATE"),
    (re.compile(r"(?:(?<=p\.m\. )|(?<=a\.m\. )|(?<=hours )|(?<=on ))XXXX/XXXX"), "DATE_MD"),
    (re.compile(r"XXXX(?=-year-old)"), "AGE"),
]


def iu_fill(text: str, rng: random.Random, first: list[str], last: list[str]) -> tuple[str, list[tuple[str, str]]]:
    """Fill context-typed XXXX slots; returns (text, planted identifiers [(type, string)])."""
    planted: list[tuple[str, str]] = []
    for rx, kind in IU_SLOTS:
        def sub(m: re.Match, kind: str = kind) -> str:
            if kind == "NAME2":
                v = f"{rng.choice(first)} {rng.choice(last)}"
                planted.append(("NAME", v))
            elif kind == "NAME1":
                v = rng.choice(last)
                planted.append(("NAME", v))
            elif kind == "DATE_LONG":
                v = _fake_date(rng, "long")
                planted.append(("DATE", v))
            elif kind == "DATE":
                v = _fake_date(rng, "numeric")
                planted.append(("DATE", v))
            elif kind == "DATE_MD":
                v = f"{rng.randint(1, 12)}/{rng.randint(1, 28)}"
                planted.append(("DATE", v))
            else:  # AGE: every value is an identifier
                v = str(rng.randint(18, 104))
                planted.append(("AGE", v + "-year-old"))
            return v
        text = rx.sub(sub, text)
    return text, planted


def iu_texts(csv_path: str | Path) -> Iterable[tuple[str, str]]:
    import csv

    with open(csv_path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            parts = [f"{k.upper()}: {r[k].strip()}" for k in ("indication", "comparison", "findings", "impression")
                     if r.get(k, "").strip()]
            if parts:
                yield r["uid"], "\n".join(parts)


def score_iu(csv_path: str | Path, seed: int = 0, anonymizer: Anonymizer | None = None) -> dict:
    """Recall on context-filled XXXX slots (per name pool) and over-redaction on the real text."""
    a = anonymizer or default_anonymizer()
    rng = random.Random(seed)
    pools = _name_pools(a, rng)
    tallies = {k: RecallTally() for k in pools}
    fp_spans = 0
    fp_chars = 0
    total_chars = 0
    fp_reports = set()
    fp_examples: list[str] = []
    n = flagged = 0
    for i, (uid, text) in enumerate(iu_texts(csv_path)):
        n += 1
        pool = "listed" if i % 2 == 0 else "unlisted"
        filled, planted = iu_fill(text, rng, *pools[pool])
        res = a.anonymize(filled)
        flagged += bool(phi_check(res.text, anonymizer=a))  # what a site would send to an LLM
        for typ, s in planted:
            tallies[pool].add(typ, s, res.text, uid)
        # over-redaction: spans that overlap neither a planted string nor a publisher mask
        guarded = bytearray(len(filled) + 1)
        for _typ, s in planted:
            for m in re.finditer(re.escape(s), filled):
                guarded[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        for m in re.finditer(r"XXXX", filled):
            guarded[m.start():m.end()] = b"\x01" * 4
        total_chars += len(filled)
        for sp in res.spans:
            if 1 not in guarded[sp.start:sp.end]:
                fp_spans += 1
                fp_chars += sp.end - sp.start
                fp_reports.add(uid)
                if len(fp_examples) < 15:
                    fp_examples.append(f"{uid} [{sp.kind}] {filled[sp.start:sp.end]!r}")
    merged = RecallTally()
    for t in tallies.values():
        merged.planted.update(t.planted)
        merged.removed.update(t.removed)
    return {"reports": n, "recall": merged.recall(), "planted": dict(merged.planted),
            "recall_listed_names": tallies["listed"].recall(), "recall_unlisted_names": tallies["unlisted"].recall(),
            "missed_examples": {k: v[:8] for t in tallies.values() for k, v in t.missed.items()},
            "over_redaction_spans": fp_spans, "over_redaction_chars": fp_chars,
            "over_redaction_char_share": fp_chars / total_chars if total_chars else 0.0,
            "over_redacted_reports": len(fp_reports), "over_redaction_examples": fp_examples,
            "phi_check_flagged_reports": flagged}


def format_recall(title: str, result: Mapping) -> str:
    lines = [f"{title}: {result['reports']} reports"]
    for t, r in result["recall"].items():
        n = result["planted"].get(t, sum(result["planted"].values()) if t == "ALL" else 0)
        lines.append(f"  recall {t:<12} {r:6.1%}  (n={n})")
    return "\n".join(lines)
