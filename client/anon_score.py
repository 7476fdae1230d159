"""Score the anonymizer against identifiers a site verified by hand: `fedrad anonymize-eval`.

A site that wants to know how well the anonymizer does on *its* reports writes down, for a
sample, every identifying string as it occurs in the text (`identifiers.csv`: study_id, kind,
text; kind `keep` marks clinical words that look like names and must survive, e.g. eponyms).
This module runs the anonymizer on those reports, in memory, and counts:

- identifiers removed as whole strings (the string no longer occurs verbatim) and word by word
  (no word of it, >= 3 characters, survives anywhere in the output: "Nguyen, [NAME]" removed the
  string but leaked the surname), per identifier kind;
- `keep` strings that survived;
- over-redaction: the share of the other words (not inside an identifier) that were replaced.

Everything it writes or prints stays at the site: the misses list the identifiers themselves.
Both the site command and bench/anonymize_eval.py use these counters (one home for the rule).
"""

from __future__ import annotations

import csv
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from fedrad.client.anon_lexicon import normalize
from fedrad.common.errors import FedradError

WORD_RE = re.compile(r"[^\W_](?:[^\W_]|['’])*")
# titles name no one (the engine keeps them and removes the name after them): 'Dr.', and the same in other languages
IGNORED_WORDS = {"med", "prof", "univ", "dr", "mr", "mrs", "ms", "dott", "ssa", "dra", "sra", "mudr", "mvdr", "phdr",
                 "mgr"}


def identifier_words(text: str) -> list[str]:
    """The words of an identifier that must each be gone (>= 3 characters, titles aside)."""
    return [w for w in WORD_RE.findall(text) if len(w) >= 3 and w.lower() not in IGNORED_WORDS]


def _outside(original: str, value: str, identifiers) -> str:
    """The report without any identifier string: a word of an identifier that the report also uses
    as ordinary text ('Radiology' of 'Gold Coast Radiology', 'der' of 'van der Velde' in German
    prose) says nothing when it survives, so the word-by-word test skips it."""
    for _k, v in sorted(identifiers, key=lambda kv: -len(kv[1])):
        original = original.replace(normalize(v), " ")
    return original


def _survives(word: str, text: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text) is not None


@dataclass
class Miss:
    study_id: str
    kind: str
    text: str
    how: str  # "whole" (the string survived) or "word" (a word of it survived)
    context: str  # anonymized text around the leak


@dataclass
class Scores:
    reports: int = 0
    planted: Counter = field(default_factory=Counter)  # per kind
    removed_whole: Counter = field(default_factory=Counter)
    removed_words: Counter = field(default_factory=Counter)
    keep_total: int = 0
    keep_kept: int = 0
    other_words: int = 0  # words of the input not inside any identifier
    other_removed: int = 0
    removed_word_counts: Counter = field(default_factory=Counter)  # which ordinary words were replaced
    misses: list[Miss] = field(default_factory=list)
    keep_lost: list[tuple[str, str]] = field(default_factory=list)

    def add(self, study_id: str, original: str, anonymized: str, spans: Iterable[tuple[int, int]],
            identifiers: Iterable[tuple[str, str]], keep: Iterable[str] = ()) -> None:
        """One report: `original` and `spans` in the anonymizer's (normalised) coordinates."""
        self.reports += 1
        guarded = bytearray(len(original) + 1)
        identifiers = list(identifiers)
        for kind, value in identifiers:
            value = normalize(value)
            self.planted[kind] += 1
            for m in re.finditer(re.escape(value), original):
                guarded[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            # a word-bounded search: a typist's 'ak' inside 'Fraktur' is no leak (session 27)
            whole = not _survives(value, anonymized)
            words = [w for w in identifier_words(value) if _survives(w, anonymized)
                     and not _survives(w, _outside(original, value, identifiers))]
            self.removed_whole[kind] += whole
            self.removed_words[kind] += not words
            if not whole or words:
                leak = value if not whole else words[0]
                i = anonymized.find(leak)
                ctx = " ".join(anonymized[max(0, i - 30):i + len(leak) + 30].split()) if i >= 0 else ""
                self.misses.append(Miss(study_id, kind, value, "whole" if not whole else "word", ctx))
        for k in keep:
            k = normalize(k)
            n = original.count(k)
            if not n:
                continue
            self.keep_total += n
            got = min(n, anonymized.count(k))
            self.keep_kept += got
            if got < n:
                self.keep_lost.append((study_id, k))
        covered = bytearray(len(original) + 1)
        for s, e in spans:
            covered[s:e] = b"\x01" * (e - s)
        for m in WORD_RE.finditer(original):
            if 1 in guarded[m.start():m.end()]:
                continue
            self.other_words += 1
            if 1 in covered[m.start():m.end()]:
                self.other_removed += 1
                self.removed_word_counts[m.group()] += 1

    # -- figures ------------------------------------------------------------

    @staticmethod
    def _share(num: Counter, den: Counter) -> dict[str, float]:
        out = {k: num[k] / n for k, n in sorted(den.items()) if n}
        total = sum(den.values())
        out["ALL"] = sum(num.values()) / total if total else float("nan")
        return out

    def whole_recall(self) -> dict[str, float]:
        return self._share(self.removed_whole, self.planted)

    def word_recall(self) -> dict[str, float]:
        return self._share(self.removed_words, self.planted)

    @property
    def over_redaction(self) -> float:
        return self.other_removed / self.other_words if self.other_words else 0.0

    def as_dict(self) -> dict:
        return {"reports": self.reports, "identifiers": sum(self.planted.values()), "planted": dict(self.planted),
                "removed_whole_string": self.whole_recall(), "removed_word_by_word": self.word_recall(),
                "keep_total": self.keep_total, "keep_kept": self.keep_kept,
                "over_redaction": self.over_redaction, "other_words": self.other_words,
                "other_words_removed": self.other_removed,
                "most_removed_words": self.removed_word_counts.most_common(30),
                "misses": [m.__dict__ for m in self.misses],
                "keep_lost": [{"study_id": s, "text": t} for s, t in self.keep_lost]}


class IdentifiersFileError(FedradError, ValueError):
    """identifiers.csv cannot be read; the message names file, row and column."""


def read_identifiers(path: str | os.PathLike) -> dict[str, list[tuple[str, str]]]:
    """identifiers.csv -> {study_id: [(kind, text), ...]} (kind `keep`: must survive)."""
    path = Path(path)
    if not path.is_file():
        raise IdentifiersFileError(f"{path}: no such file")
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        header = [h.strip().lower() for h in next(rows, [])]
        for col in ("study_id", "kind", "text"):
            if col not in header:
                raise IdentifiersFileError(f"{path}, row 1, column {col}: required column missing "
                                           f"(header has: {', '.join(header)})")
        i_sid, i_kind, i_text = header.index("study_id"), header.index("kind"), header.index("text")
        for r, cells in enumerate(rows, start=2):
            if not cells or all(not c.strip() for c in cells):
                continue
            if len(cells) < len(header):
                raise IdentifiersFileError(f"{path}, row {r}: {len(cells)} cells, header has {len(header)}")
            if not cells[i_text]:
                raise IdentifiersFileError(f"{path}, row {r}, column text: empty")
            out[cells[i_sid].strip()].append((cells[i_kind].strip() or "other", cells[i_text]))
    return dict(out)


def evaluate_site(site: str | os.PathLike, identifiers_csv: str | os.PathLike, *,
                  anonymizer=None) -> Scores:
    """Anonymize the site's reports in memory and score them against the verified identifiers.

    Only studies listed in `identifiers_csv` are scored (a verified sample); a listed study
    missing from reports.csv is an error, so a typo cannot shrink the sample silently.
    """
    from fedrad.client.anonymize import anonymize_rows, read_site_reports, site_anonymizer, site_columns

    gold = read_identifiers(identifiers_csv)
    table = read_site_reports(site)
    rows = [r for r in table.rows if r.study_id in gold]
    missing = sorted(set(gold) - {r.study_id for r in rows})
    if missing:
        raise IdentifiersFileError(f"{identifiers_csv}: study_id {missing[0]} is not a usable row of "
                                   f"{table.path} ({len(missing)} such)")
    scores = Scores()
    for row, res in anonymize_rows(rows, anonymizer=site_anonymizer(site, anonymizer), declared=site_columns(table)):
        items = gold[row.study_id]
        scores.add(row.study_id, res.source, res.text, [(s.start, s.end) for s in res.spans],
                   [(k, t) for k, t in items if k != "keep"], [t for k, t in items if k == "keep"])
    return scores


def write_misses(path: str | os.PathLike, scores: Scores) -> None:
    """The site-local list of every miss (it holds identifiers: 0600, never sent anywhere)."""
    from fedrad.common.fileio import atomic_open

    with atomic_open(path, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["study_id", "kind", "text", "how", "context"])
        for m in scores.misses:
            w.writerow([m.study_id, m.kind, m.text, m.how, m.context])
        for sid, t in scores.keep_lost:
            w.writerow([sid, "keep", t, "lost", ""])
    os.chmod(path, 0o600)


def format_scores(scores: Scores, max_misses: int = 50) -> str:
    """Plain-text table (no terminal-width dependence)."""
    whole, words = scores.whole_recall(), scores.word_recall()
    lines = [f"{scores.reports} reports, {sum(scores.planted.values())} identifiers",
             f"{'kind':<16}{'n':>6}{'whole string':>15}{'word by word':>15}"]
    for k in [*sorted(scores.planted), "ALL"]:
        n = scores.planted[k] if k != "ALL" else sum(scores.planted.values())
        lines.append(f"{k:<16}{n:>6}{whole.get(k, float('nan')):>15.2%}{words.get(k, float('nan')):>15.2%}")
    lines.append(f"kept (eponyms and other keep strings): {scores.keep_kept}/{scores.keep_total}")
    lines.append(f"over-redaction: {scores.other_removed}/{scores.other_words} other words replaced "
                 f"({scores.over_redaction:.2%})")
    for m in scores.misses[:max_misses]:
        lines.append(f"  miss {m.study_id} {m.kind} ({m.how}): {m.text!r} ... {m.context!r}")
    for sid, t in scores.keep_lost[:max_misses]:
        lines.append(f"  lost keep {sid}: {t!r}")
    return "\n".join(lines)


def score_texts(items: Iterable[tuple[str, str, Mapping[str, str] | None, list[tuple[str, str]], list[str]]],
                anonymizer=None) -> Scores:
    """Score (study_id, text, identifier columns, gold identifiers, keep) tuples: for benches."""
    from fedrad.client.anon_engine import default_anonymizer

    a = anonymizer or default_anonymizer()
    scores = Scores()
    for sid, text, cols, ids, keep in items:
        res = a.anonymize(text, cols)
        scores.add(sid, res.source, res.text, [(s.start, s.end) for s in res.spans], ids, keep)
    return scores
