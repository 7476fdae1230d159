"""Hand-written evaluation corpora (JSON Lines) as site folders, for the text-quality benches.

A corpus is a folder of `*.jsonl` files, one report per line, written by people who never saw
fedrad's code or generator (bench/corpora/README.md has the format). `fedrad anonymize` and
`fedrad label run` read site folders, so `write_site` turns a corpus into one: `reports.csv` with
the structured identifier columns, gold `labels-<region>.csv` (findings not listed are `false`),
and `identifiers.csv` (study_id, kind, text) for the anonymizer's scorer.

    .venv/bin/python bench/corpus.py CORPUS_DIR OUT_SITE_DIR
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from fedrad.common.templates import load_template

SPEC_COLUMNS = ("patient_name", "patient_id", "birth_date", "exam_date", "accession_number", "referring_physician")


@dataclass
class CorpusReport:
    study_id: str
    region: str
    language: str
    style: str
    report: str
    identifiers: list[tuple[str, str]]  # (kind, text as it occurs in report)
    keep: list[str]
    labels: dict[str, str]  # finding id -> value, for every finding of the region's template
    columns: dict[str, str] = field(default_factory=dict)


def load_corpus(folder: str | Path) -> list[CorpusReport]:
    """Every record of every *.jsonl below `folder`, sorted by study_id; errors name file and line."""
    out: list[CorpusReport] = []
    files = sorted(Path(folder).rglob("*.jsonl"))
    if not files:
        raise FileNotFoundError(f"{folder}: no *.jsonl corpus files")
    for path in files:
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                ids = load_template(r["region"]).ids
                unknown = set(r["labels"]) - set(ids)
                if unknown:
                    raise ValueError(f"findings not in the {r['region']} template: {sorted(unknown)}")
                out.append(CorpusReport(
                    study_id=r["study_id"], region=r["region"], language=r["language"], style=r.get("style", ""),
                    report=r["report"], identifiers=[(i["kind"], i["text"]) for i in r["identifiers"]],
                    keep=list(r.get("keep", [])), labels={f: r["labels"].get(f, "false") for f in ids},
                    columns=dict(r.get("columns", {}))))
            except (KeyError, ValueError, TypeError) as exc:
                raise ValueError(f"{path}, line {lineno}: {exc!r}") from exc
    return sorted(out, key=lambda c: c.study_id)


def load_corpora(folders) -> list[CorpusReport]:
    """The reports of several corpus folders together. A study id met twice is an error naming both folders: the
    benches key texts and labels by study id, so a second 'HA-010' would silently score the other report's text."""
    seen: dict[str, Path] = {}
    out: list[CorpusReport] = []
    for folder in folders:
        for r in load_corpus(folder):
            if r.study_id in seen:
                raise ValueError(f"{folder}: study id {r.study_id} is also in {seen[r.study_id]}; study ids must be "
                                 "unique across the folders scored together")
            seen[r.study_id] = Path(folder)
            out.append(r)
    return out


def write_site(corpus: list[CorpusReport], site: str | Path) -> Path:
    """A site folder (no images) holding the corpus: reports.csv, gold labels, identifiers.csv."""
    site = Path(site)
    (site / "gold").mkdir(parents=True, exist_ok=True)
    with open(site / "reports.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["study_id", "region", "report", *SPEC_COLUMNS])
        for c in corpus:
            w.writerow([c.study_id, c.region, c.report, *(c.columns.get(k, "") for k in SPEC_COLUMNS)])
    for region in sorted({c.region for c in corpus}):
        ids = load_template(region).ids
        with open(site / "gold" / f"labels-{region}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["study_id", *ids])
            for c in corpus:
                if c.region == region:
                    w.writerow([c.study_id, *(c.labels[i] for i in ids)])
    with open(site / "gold" / "identifiers.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["study_id", "kind", "text"])
        for c in corpus:
            for kind, text in c.identifiers:
                w.writerow([c.study_id, kind, text])
            for text in c.keep:  # clinical words that look like names (eponyms): the scorer checks they survive
                w.writerow([c.study_id, "keep", text])
    return site


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    n = load_corpus(sys.argv[1])
    print(f"{len(n)} reports -> {write_site(n, sys.argv[2])}")
