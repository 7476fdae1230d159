"""Tri-state labels, parent propagation (labeling-rules.md rule 5) and label files.

A label file is the contract between labelers and training: one row per study, `study_id`
then the template's finding ids in template order, each cell `true`/`false`/`uncertain`,
with provenance columns after them (never mixed into the values).
"""

from __future__ import annotations

import csv
import enum
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fedrad.common.errors import FedradError
from fedrad.common.fileio import atomic_open
from fedrad.common.templates import Template

PROVENANCE_COLUMNS = ("labeler", "labeler_version", "model", "prompt_version", "text_sha256")


class Label(enum.IntEnum):
    """Ordered so that max() implements 'true beats uncertain beats false'."""

    FALSE = 0
    UNCERTAIN = 1
    TRUE = 2

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: object) -> Label:
        if isinstance(value, Label):
            return value
        if isinstance(value, bool):
            return cls.TRUE if value else cls.FALSE
        text = str(value).strip().lower()
        try:
            return _PARSE[text]
        except KeyError:
            raise ValueError(f"{value!r} is not one of true, false, uncertain") from None


_PARSE = {"true": Label.TRUE, "false": Label.FALSE, "uncertain": Label.UNCERTAIN}
VALUES = ("true", "false", "uncertain")


class LabelFileError(FedradError, ValueError):
    """A label file is invalid; the message names file, row (1-based, header = row 1) and column."""

    def __init__(self, path: str | os.PathLike, row: int | None, column: str | None, problem: str):
        self.path, self.row, self.column, self.problem = str(path), row, column, problem
        where = str(path)
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: {problem}")


def propagate(template: Template, labels: Mapping[str, Label]) -> tuple[dict[str, Label], list[str]]:
    """Lift parents to at least their children's value.

    Returns the repaired labels and one message per lifted parent, so a labeler can count
    and log repairs instead of passing a violation on silently.
    """
    get = labels.get
    out = {fid: v if (v := get(fid, Label.FALSE)).__class__ is Label else Label.parse(v) for fid in template.ids}
    repairs: list[str] = []
    # Children before parents: iterate until stable (templates are small and acyclic).
    changed = True
    while changed:
        changed = False
        for f in template.findings:
            for p in f.parents:
                if out[f.id] > out[p]:
                    repairs.append(f"{p}: {out[p]} -> {out[f.id]} (child {f.id} is {out[f.id]})")
                    out[p] = out[f.id]
                    changed = True
    return out, repairs


def violations(template: Template, labels: Mapping[str, Label]) -> list[str]:
    """Parent-rule violations without repairing them."""
    return [f"{f.id}={labels[f.id]} but parent {p}={labels[p]}"
            for f in template.findings for p in f.parents if labels[f.id] > labels[p]]


@dataclass
class LabelTable:
    """Labels of one region: study ids, a study x finding matrix of Label, and provenance."""

    template: Template
    study_ids: list[str] = field(default_factory=list)
    rows: list[dict[str, Label]] = field(default_factory=list)
    provenance: list[dict[str, str]] = field(default_factory=list)

    def add(self, study_id: str, labels: Mapping[str, Label | str],
            provenance: Mapping[str, str] | None = None) -> None:
        self.study_ids.append(str(study_id))
        self.rows.append({fid: Label.parse(labels.get(fid, Label.FALSE)) for fid in self.template.ids})
        self.provenance.append({k: str((provenance or {}).get(k, "")) for k in PROVENANCE_COLUMNS})

    def __len__(self) -> int:
        return len(self.study_ids)

    def matrix(self):
        """numpy int8 array (n_studies, n_findings) of 0=false, 1=uncertain, 2=true."""
        import numpy as np

        return np.array([[int(r[fid]) for fid in self.template.ids] for r in self.rows], dtype=np.int8).reshape(
            len(self.rows), len(self.template))

    def by_study(self) -> dict[str, dict[str, Label]]:
        return dict(zip(self.study_ids, self.rows, strict=True))

    def subset(self, study_ids: Iterable[str]) -> LabelTable:
        idx = {s: i for i, s in enumerate(self.study_ids)}
        out = LabelTable(self.template)
        for s in study_ids:
            i = idx[s]
            out.study_ids.append(s)
            out.rows.append(self.rows[i])
            out.provenance.append(self.provenance[i])
        return out


def write_label_file(path: str | os.PathLike, table: LabelTable, *, with_provenance: bool = True) -> None:
    cols = ["study_id", *table.template.ids] + (list(PROVENANCE_COLUMNS) if with_provenance else [])
    with atomic_open(path, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(cols)
        for sid, row, prov in zip(table.study_ids, table.rows, table.provenance, strict=True):
            cells = [sid, *(str(row[f]) for f in table.template.ids)]
            if with_provenance:
                cells += [prov.get(k, "") for k in PROVENANCE_COLUMNS]
            w.writerow(cells)


def read_csv_text(path: str | os.PathLike) -> tuple[list[str], list[list[str]]]:
    """Read a CSV the way hospital exports come: UTF-8 with or without BOM, ',' or ';', CRLF."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LabelFileError(path, line, None, f"not UTF-8 text (byte {exc.start})") from None
    first = text.split("\n", 1)[0]
    delim = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    if not rows:
        raise LabelFileError(path, None, None, "file is empty (no header)")
    return [h.strip() for h in rows[0]], rows[1:]


def read_label_file(path: str | os.PathLike, template: Template, *, allow_uncertain: bool = True,
                    propagate_parents: bool = False) -> LabelTable:
    """Read and validate a label file against `template`.

    Every problem is reported with file, row and column. Parent violations are errors unless
    `propagate_parents` (a hand-edited review file may need repair, a labeler's output not).
    """
    header, body = read_csv_text(path)
    if not header or header[0] != "study_id":
        raise LabelFileError(path, 1, header[0] if header else None, "first column must be 'study_id'")
    missing = [f for f in template.ids if f not in header]
    if missing:
        raise LabelFileError(path, 1, missing[0], f"missing finding column(s) of region '{template.region}': "
                                                  + ", ".join(missing))
    known = {"study_id", "region", *template.ids, *PROVENANCE_COLUMNS}
    unknown = [h for h in header if h not in known]
    if unknown:
        raise LabelFileError(path, 1, unknown[0], f"unknown column (not a finding of region '{template.region}')")
    dup = [h for h in header if header.count(h) > 1]
    if dup:
        raise LabelFileError(path, 1, dup[0], "duplicate column")
    col = {h: i for i, h in enumerate(header)}
    table = LabelTable(template)
    seen: dict[str, int] = {}
    for r, cells in enumerate(body, start=2):
        if not cells or all(not c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise LabelFileError(path, r, None, f"has {len(cells)} cells, header has {len(header)}")
        sid = cells[0].strip()
        if not sid:
            raise LabelFileError(path, r, "study_id", "empty study_id")
        if sid in seen:
            raise LabelFileError(path, r, "study_id", f"duplicate study_id '{sid}' (first in row {seen[sid]})")
        seen[sid] = r
        if "region" in col and cells[col["region"]].strip() not in ("", template.region):
            raise LabelFileError(path, r, "region", f"region '{cells[col['region']]}' in a '{template.region}' file")
        values: dict[str, Label] = {}
        for fid in template.ids:
            cell = cells[col[fid]]
            try:
                v = Label.parse(cell)
            except ValueError:
                raise LabelFileError(path, r, fid, f"value {cell!r} is not one of true, false, uncertain") from None
            if v is Label.UNCERTAIN and not allow_uncertain:
                raise LabelFileError(path, r, fid, "'uncertain' is not allowed here (verified test labels)")
            values[fid] = v
        if propagate_parents:
            values, _ = propagate(template, values)
        else:
            bad = violations(template, values)
            if bad:
                child = bad[0].split("=", 1)[0]
                raise LabelFileError(path, r, child, "parent rule violated: " + bad[0])
        prov = {k: cells[col[k]] for k in PROVENANCE_COLUMNS if k in col}
        table.add(sid, values, prov)
    return table


def label_counts(table: LabelTable) -> dict[str, dict[str, int]]:
    """Per finding, how many studies are true/uncertain/false (for summaries and split checks)."""
    out = {fid: {"true": 0, "uncertain": 0, "false": 0} for fid in table.template.ids}
    for row in table.rows:
        for fid, v in row.items():
            out[fid][str(v)] += 1
    return out


def to_strings(labels: Mapping[str, Label], ids: Sequence[str]) -> list[str]:
    return [str(labels[f]) for f in ids]
