"""`fedrad anonymize SITE`: a site's reports.csv -> <work>/anonymized.csv, phi-suspects.csv, quarantine.csv.

The site pipeline only: the engine is client/anon_engine.py, its data client/anon_lexicon.py,
the residual check client/phi_check.py (which imports the engine, never this module).
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from fedrad.client.anon_engine import Anonymizer, default_anonymizer


def read_site_reports(site_dir: str | os.PathLike):
    """reports.csv with every column accounted for: an identifier column under a name neither
    known nor declared in fedrad-site.toml stops here (UnknownColumnError) instead of leaking."""
    from fedrad.client.identifier_columns import check_columns, load_site_columns
    from fedrad.client.reports import read_reports

    table = read_reports(site_dir)
    if table.unknown_columns:
        check_columns(table.path, table.unknown_columns, load_site_columns(table.path.parent))
    return table


def site_columns(table) -> dict[str, str]:
    """The site's declared column kinds (fedrad-site.toml beside reports.csv)."""
    from fedrad.client.identifier_columns import load_site_columns

    return load_site_columns(table.path.parent)


def site_anonymizer(site_dir: str | os.PathLike, anonymizer: Anonymizer | None = None) -> Anonymizer:
    """The anonymizer for one site: `anonymizer` (default: the shipped lists) plus the site's own terms, the
    `[anonymizer]` table of fedrad-site.toml (client/anon_site_terms.py). Every site-side use goes through here:
    the anonymize step, the site's own evaluation, the PHI gate before an LLM call."""
    from fedrad.client.anon_site_terms import load_site_terms

    return (anonymizer or default_anonymizer()).with_site_terms(load_site_terms(site_dir))


def row_identifiers(row, declared: dict[str, str] | None = None) -> dict[str, str]:
    """A row's identifier cells plus its study_id (an accession-like value that must not stay in the text).

    A column the site declared in fedrad-site.toml as a name or date ('pat_person = "name"') is passed
    under a key the engine reads as that kind ('pat_person_name'), so its values get the name/date
    matching (spelling variants, single words, date formats), not only the verbatim one."""
    from fedrad.client.identifier_columns import column_kind, identifier_kind

    ids = dict(row.identifiers)
    for col in list(ids):
        kind = column_kind(col, declared) if declared else None
        if kind in ("name", "date") and identifier_kind(col) != kind:
            ids[f"{col}_{kind}"] = ids.pop(col)
    return {**ids, "study_id": row.study_id}


def anonymize_rows(rows: Iterable, *, anonymizer: Anonymizer | None = None,
                   declared: dict[str, str] | None = None) -> Iterator[tuple]:
    """(row, Anonymized) for each ReportRow: the one loop the site command and its evaluation share."""
    a = anonymizer or default_anonymizer()
    for r in rows:
        yield r, a.anonymize(r.report, row_identifiers(r, declared))


@dataclass
class AnonymizeSummary:
    site: str
    output: str
    reports: int = 0
    quarantined: int = 0
    quarantine_reasons: dict = field(default_factory=dict)
    replacements: Counter = field(default_factory=Counter)
    suspects: int = 0
    suspects_by_type: Counter = field(default_factory=Counter)
    suspects_file: str = ""
    seconds: float = 0.0

    @property
    def reports_per_second(self) -> float:
        return self.reports / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict:
        return {"site": self.site, "output": self.output, "reports": self.reports, "quarantined": self.quarantined,
                "quarantine_reasons": self.quarantine_reasons,
                "replacements": dict(self.replacements), "suspects": self.suspects,
                "suspects_by_type": dict(self.suspects_by_type), "suspects_file": self.suspects_file,
                "seconds": round(self.seconds, 3), "reports_per_second": round(self.reports_per_second, 1)}


def anonymize_site(site_dir: str | os.PathLike, out: str | os.PathLike | None = None, *,
                   anonymizer: Anonymizer | None = None, show_progress: bool = True, console=None) -> AnonymizeSummary:
    """reports.csv -> <work>/anonymized.csv (study_id, region, report), phi-suspects.csv, quarantine.csv.

    The output never carries the identifier columns. Rows that cannot be used are quarantined
    (common.sitefiles.Quarantine), never dropped silently.
    """
    import csv

    from fedrad.client.phi_check import phi_check, write_suspects
    from fedrad.common.fileio import atomic_open
    from fedrad.common.sitefiles import Quarantine, work_dir
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    site_dir = Path(site_dir)
    table = read_site_reports(site_dir)  # before work_dir(): a wrong path must not leave a .fedrad folder behind
    declared = site_columns(table)
    wd = work_dir(site_dir)
    out_path = Path(out) if out else wd / "anonymized.csv"
    quarantine = Quarantine(wd, stage="reports")
    quarantine.add_problems(table.problems)
    a = site_anonymizer(site_dir, anonymizer)
    summary = AnonymizeSummary(str(site_dir), str(out_path))
    suspects_rows = []
    suspect_texts: dict[str, str] = {}
    t0 = time.perf_counter()
    with atomic_open(out_path, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["study_id", "region", "report"])
        with Progress(TextColumn("anonymizing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=console, disable=not show_progress, transient=True) as prog:
            task = prog.add_task("anonymize", total=len(table.rows))
            for r, res in anonymize_rows(table.rows, anonymizer=a, declared=declared):
                summary.replacements.update(res.counts)
                w.writerow([r.study_id, r.region, res.text])
                for s in phi_check(res.text, row_identifiers(r, declared), anonymizer=a):
                    suspects_rows.append((r.study_id, s))
                    suspect_texts[r.study_id] = res.text
                    summary.suspects_by_type[s.type] += 1
                prog.advance(task)
    summary.seconds = time.perf_counter() - t0
    summary.reports = len(table.rows)
    summary.quarantined = len(table.problems)
    summary.quarantine_reasons = quarantine.counts()
    summary.suspects = len(suspects_rows)
    summary.suspects_file = str(wd / "phi-suspects.csv")
    write_suspects(summary.suspects_file, suspects_rows, suspect_texts)
    quarantine.write()
    return summary

