"""The human review file: the study's manual verification step, as a CSV a reviewer can work through.

Format (long, one row per thing to check), UTF-8 with BOM so Excel opens umlauts correctly:

    study_id, finding, finding_name, labeler_value, verified, report

- one row per finding the labeler called `true` or `uncertain` (parents included, so a reviewer
  who rejects a child sees the parent it lifted), in template order;
- one row with finding `(none)` for a study the labeler left all `false`, so every study
  appears and can be checked against its report;
- the anonymized report text is on the first row of each study only (less to scroll);
- `verified`: blank = accept the labeler's value; otherwise true / false / uncertain (also
  t/f/u, yes/no, ja/nein, 1/0). A finding the labeler missed: add a row with the study_id,
  the finding id and `verified` (labeler_value empty).

Why long rather than wide: with 25-29 findings a wide sheet needs ~60 columns, while a typical
study has 0-4 non-false findings, so the long file is what a person can actually read; and
every `uncertain` has its own row and cell to resolve (`require_binary` for test sets).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Mapping

from fedrad.common.fileio import atomic_open
from fedrad.common.labels import Label, LabelFileError, LabelTable, read_csv_text, violations
from fedrad.common.templates import Template

COLUMNS = ("study_id", "finding", "finding_name", "labeler_value", "verified", "report")
NONE_ROW = "(none)"
_ANSWERS = {"true": Label.TRUE, "t": Label.TRUE, "yes": Label.TRUE, "y": Label.TRUE, "ja": Label.TRUE, "j": Label.TRUE,
            "1": Label.TRUE, "wahr": Label.TRUE,
            "false": Label.FALSE, "f": Label.FALSE, "no": Label.FALSE, "n": Label.FALSE, "nein": Label.FALSE,
            "0": Label.FALSE, "falsch": Label.FALSE,
            "uncertain": Label.UNCERTAIN, "u": Label.UNCERTAIN, "?": Label.UNCERTAIN, "unsicher": Label.UNCERTAIN,
            "fraglich": Label.UNCERTAIN}
_ACCEPT = {"", "ok", "accept", "ja ok"}


def write_review_file(path: str | os.PathLike, table: LabelTable, texts: Mapping[str, str]) -> int:
    """Write the review CSV for `table`; returns the number of rows. Text may be missing for a study
    (the cell stays empty); it must be the anonymized text, never the raw report."""
    tpl = table.template
    n = 0
    with atomic_open(path, "w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(COLUMNS)
        for sid, row in zip(table.study_ids, table.rows, strict=True):
            text = texts.get(sid, "")
            items = [(f.id, f.name, row[f.id]) for f in tpl.findings if row[f.id] is not Label.FALSE]
            if not items:
                items = [(NONE_ROW, "labeler found nothing (all false)", Label.FALSE)]
            for k, (fid, name, val) in enumerate(items):
                w.writerow([sid, fid, name, str(val), "", text if k == 0 else ""])
                n += 1
    return n


def read_review_file(path: str | os.PathLike, template: Template, *, require_binary: bool = False) -> LabelTable:
    """Verified labels from a (possibly edited) review file.

    Reviewer entries override the labeler; blank accepts it; findings not listed are false.
    Errors name file, row and column. With `require_binary` (test sets) every final value must be
    true or false: an unresolved `uncertain` is an error at its row.
    """
    header, body = read_csv_text(path)
    missing = [c for c in ("study_id", "finding", "labeler_value", "verified") if c not in header]
    if missing:
        raise LabelFileError(path, 1, missing[0], "missing column(s) of a review file: " + ", ".join(missing))
    col = {h: i for i, h in enumerate(header)}
    ids = set(template.ids)
    order: list[str] = []
    values: dict[str, dict[str, Label]] = {}
    where: dict[tuple[str, str], int] = {}
    for r, cells in enumerate(body, start=2):
        if not cells or all(not c.strip() for c in cells):
            continue
        cells = cells + [""] * (len(header) - len(cells))

        def cell(name: str, cells: list[str] = cells) -> str:
            return cells[col[name]].strip()

        sid, fid = cell("study_id"), cell("finding")
        if not sid:
            raise LabelFileError(path, r, "study_id", "empty study_id")
        if sid not in values:
            values[sid] = {}
            order.append(sid)
        if fid in ("", NONE_ROW):
            v = cell("verified").lower()
            if v not in _ACCEPT and _ANSWERS.get(v) is not Label.FALSE:
                raise LabelFileError(path, r, "verified", f"{v!r} on a '{NONE_ROW}' row: to add a finding the labeler "
                                     "missed, add a row with its finding id")
            continue
        if fid not in ids:
            raise LabelFileError(path, r, "finding", f"'{fid}' is not a finding of region '{template.region}'")
        if (sid, fid) in where:
            raise LabelFileError(path, r, "finding", f"'{fid}' of study '{sid}' already in row {where[sid, fid]}")
        where[sid, fid] = r
        lv = cell("labeler_value").lower()
        base: Label | None = None
        if lv:
            try:
                base = Label.parse(lv)
            except ValueError:
                raise LabelFileError(path, r, "labeler_value", f"{lv!r} is not one of true, false, uncertain") from None
        v = cell("verified").lower()
        if v in _ACCEPT:
            if base is None:
                raise LabelFileError(path, r, "verified", f"added row for '{fid}' needs a value (true/false/uncertain)")
            final = base
        elif v in _ANSWERS:
            final = _ANSWERS[v]
        else:
            raise LabelFileError(path, r, "verified", f"{v!r} is not true, false or uncertain (blank accepts "
                                 f"the labeler's '{lv}')")
        if require_binary and final is Label.UNCERTAIN:
            raise LabelFileError(path, r, "verified", f"'{fid}' of study '{sid}' is uncertain: a test label must be "
                                 "resolved to true or false")
        values[sid][fid] = final
    table = LabelTable(template)
    for sid in order:
        labels = {fid: values[sid].get(fid, Label.FALSE) for fid in template.ids}
        bad = violations(template, labels)
        if bad:
            child = bad[0].split("=", 1)[0]
            row = where.get((sid, child))
            raise LabelFileError(path, row, "verified", f"study '{sid}': parent rule violated after review: {bad[0]} "
                                 "(correct the parent too)")
        table.add(sid, labels, {"labeler": "review"})
    return table


def review_counts(table: LabelTable) -> dict[str, int]:
    """How much work a review file is: studies, rows, uncertain cells to resolve."""
    rows = sum(max(1, sum(1 for v in r.values() if v is not Label.FALSE)) for r in table.rows)
    unc = sum(1 for r in table.rows for v in r.values() if v is Label.UNCERTAIN)
    return {"studies": len(table), "rows": rows, "uncertain": unc}


__all__ = ["write_review_file", "read_review_file", "review_counts", "COLUMNS", "NONE_ROW"]
