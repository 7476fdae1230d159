"""A site's `reports.csv` (spec/site-data.md): read, validate, and separate usable rows from problems.

File-level problems (not UTF-8, no header, a required column missing) stop everything with a
ReportsFileError naming the file, row and column: nothing downstream could be trusted. Row-level
problems (empty report, unknown region, duplicate study_id, missing cells) do not stop the
site: the row goes to the quarantine with its reason, and every other row is used.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from fedrad.client.identifier_columns import column_kind, load_site_columns
from fedrad.common.labels import LabelFileError, read_csv_text
from fedrad.common.sitefiles import Problem
from fedrad.common.templates import available_regions

REQUIRED_COLUMNS = ("study_id", "region", "report")
# The spec's identifier columns (spec/site-data.md); any other known RIS/PACS name or a column
# declared in <site>/fedrad-site.toml counts too (client/identifier_columns.py).
IDENTIFIER_COLUMNS = ("patient_name", "patient_id", "birth_date", "exam_date", "accession_number",
                      "referring_physician")


class ReportsFileError(LabelFileError):
    """reports.csv cannot be used at all; the message names file, row and column."""


@dataclass(frozen=True)
class ReportRow:
    study_id: str
    region: str
    report: str
    row: int  # 1-based line of the CSV record (header = row 1), for messages
    identifiers: dict[str, str] = field(default_factory=dict)  # non-empty identifier cells only


# One quarantined row: the same record as the image side (file, row, column, study_id, reason, detail).
RowProblem = Problem


@dataclass
class ReportsTable:
    path: Path
    rows: list[ReportRow]
    problems: list[RowProblem]
    identifier_columns: list[str]  # which optional identifier columns the file has
    ignored_columns: list[str]  # neither required nor identifiers: never copied to any output
    unknown_columns: list[str] = field(default_factory=list)  # neither known nor declared (see identifier_columns)


def find_reports_csv(site_dir: str | os.PathLike) -> Path:
    p = Path(site_dir) / "reports.csv"
    if not p.is_file():
        raise ReportsFileError(p, None, None, "no reports.csv in the site folder")
    return p


def read_reports(path: str | os.PathLike, regions: list[str] | None = None) -> ReportsTable:
    """Read reports.csv (a file or a site folder). `regions` defaults to every region with a template.

    Duplicate study_ids quarantine every occurrence: which report belongs to the images is
    unknowable, and guessing would pair labels with the wrong images.
    """
    path = Path(path)
    if path.is_dir():
        path = find_reports_csv(path)
    if not path.exists():
        raise ReportsFileError(path, None, None, "does not exist (expected a site folder with reports.csv, "
                                                 "or the reports.csv file itself)")
    if not path.is_file():
        raise ReportsFileError(path, None, None, "not a file")
    try:
        header, body = read_csv_text(path)
    except LabelFileError as exc:
        raise ReportsFileError(exc.path, exc.row, exc.column, exc.problem) from None
    header = [h.strip().lower() for h in header]
    for col in REQUIRED_COLUMNS:
        if col not in header:
            raise ReportsFileError(path, 1, col, f"required column missing (header has: {', '.join(header)})")
    dup = sorted({h for h in header if header.count(h) > 1 and h})
    if dup:
        raise ReportsFileError(path, 1, dup[0], "duplicate column")
    known_regions = set(regions if regions is not None else available_regions())
    idx = {h: i for i, h in enumerate(header)}
    declared = load_site_columns(path.parent)
    kinds = {h: column_kind(h, declared) for h in header if h not in REQUIRED_COLUMNS}
    id_cols = [h for h, k in kinds.items() if k is not None and k != "ignore"]
    ignored = [h for h, k in kinds.items() if k is None or k == "ignore"]
    unknown = [h for h, k in kinds.items() if k is None]
    src = str(path)

    problems: list[RowProblem] = []
    candidates: list[ReportRow] = []
    first_row: dict[str, list[int]] = {}
    for r, cells in enumerate(body, start=2):
        if not cells or all(not c.strip() for c in cells):
            continue  # a blank line is not a record
        sid = cells[idx["study_id"]].strip() if len(cells) > idx["study_id"] else ""
        if len(cells) < len(header):
            missing = header[len(cells)]
            problems.append(RowProblem(src, r, missing, sid, "missing cells", f"row has {len(cells)} cells, "
                                                                               f"header has {len(header)}"))
            continue
        if len(cells) > len(header):
            problems.append(RowProblem(src, r, None, sid, "too many cells", f"row has {len(cells)} cells, header has "
                                                                            f"{len(header)} (unquoted separator?)"))
            continue
        if not sid:
            problems.append(RowProblem(src, r, "study_id", "", "empty study_id"))
            continue
        region = cells[idx["region"]].strip().lower()
        report = cells[idx["report"]].strip()
        if not region:
            problems.append(RowProblem(src, r, "region", sid, "empty region"))
            continue
        if region not in known_regions:
            known = ", ".join(sorted(known_regions))
            problems.append(RowProblem(src, r, "region", sid, "unknown region",
                                       f"'{region}' has no template (known: {known})"))
            continue
        if not report:
            problems.append(RowProblem(src, r, "report", sid, "empty report"))
            continue
        ids = {c: cells[idx[c]].strip() for c in id_cols if cells[idx[c]].strip()}
        first_row.setdefault(sid, []).append(r)
        candidates.append(ReportRow(sid, region, report, r, ids))

    rows: list[ReportRow] = []
    for row in candidates:
        where = first_row[row.study_id]
        if len(where) > 1:
            others = ", ".join(str(x) for x in where if x != row.row)
            problems.append(RowProblem(src, row.row, "study_id", row.study_id, "duplicate study_id",
                                       f"also in row {others}; every copy quarantined"))
        else:
            rows.append(row)
    problems.sort(key=lambda p: (p.row or 0))
    return ReportsTable(path, rows, problems, id_cols, ignored, unknown)
