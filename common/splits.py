"""Train / validation / test split by multi-label iterative stratification.

The study split 64/16/20 with iterative stratification (Sechidis, Tsoumakas & Vlahavas,
ECML PKDD 2011) so that rare findings appear in every split where possible. We implement
the algorithm here (no extra dependency) with three documented changes:

1. Desired per-label counts are whole numbers (largest-remainder rounding of count x
   fraction), and a label with at least as many positives as there are splits wants at
   least one positive in every split. Plain Sechidis sends a label with 3 positives to
   train, train, test (desired 1.92 / 0.48 / 0.60) and validation never sees it.
2. Split sizes are whole numbers the same way, and a split that is already full is only
   chosen when every split is full (never, since the sizes add up to n). Sizes are exact.
3. Ties (label to process, split to receive) are broken with a seeded RNG, and the examples
   of a label are visited in seeded random order, so the split depends only on the matrix
   and the seed. `split_studies` sorts by study id first, so input order does not matter.

A split file `splits.csv` has columns study_id, split; one row per study.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
from fedrad.common.fileio import atomic_open
from fedrad.common.labels import LabelFileError, read_csv_text

DEFAULT_FRACTIONS = (0.64, 0.16, 0.20)
DEFAULT_NAMES = ("train", "val", "test")
SPLIT_COLUMNS = ("study_id", "split")


class SplitFileError(LabelFileError):
    """A splits file is invalid; the message names file, row (1-based, header = row 1) and column."""


def _check_fractions(fractions: Sequence[float]) -> np.ndarray:
    r = np.asarray(fractions, dtype=float)
    if r.ndim != 1 or r.size < 1:
        raise ValueError(f"fractions must be a non-empty list, got {fractions!r}")
    if (r < 0).any() or not np.isfinite(r).all():
        raise ValueError(f"fractions must be finite and >= 0, got {list(fractions)}")
    if abs(r.sum() - 1.0) > 1e-6:
        raise ValueError(f"fractions must add up to 1, got {list(fractions)} (sum {r.sum():.6g})")
    return r


def apportion(total: int, fractions: Sequence[float], min_one: bool = True) -> np.ndarray:
    """Whole counts adding up to `total`, close to total x fractions (largest remainder).

    With `min_one`, every split with a positive fraction gets at least one when `total`
    allows it (total >= number of such splits); the extra ones are taken from the splits
    that are furthest above their exact share.
    """
    r = _check_fractions(fractions)
    exact = total * r
    counts = np.floor(exact).astype(int)
    live = r > 0
    if min_one and total >= int(live.sum()):
        counts[live & (counts == 0)] = 1
        while counts.sum() > total:
            j = int(np.argmax(np.where(counts > 1, counts - exact, -np.inf)))
            counts[j] -= 1
    left = total - int(counts.sum())
    if left > 0:
        # stable order: largest remainder first, then larger fraction, then earlier split
        order = sorted(range(r.size), key=lambda j: (-(exact[j] - counts[j]), -r[j], j))
        for j in order[:left]:
            counts[j] += 1
    return counts


def iterative_stratification(Y: np.ndarray, fractions: Sequence[float] = DEFAULT_FRACTIONS,
                             seed: int = 0) -> np.ndarray:
    """Split index (0..len(fractions)-1) per row of the (n, k) 0/1 label matrix Y.

    Rows are examples (studies), columns labels (findings; use the training-policy truth,
    e.g. TRUE or UNCERTAIN counted positive, so uncertain cases are spread too).
    Rows without any positive label fill the remaining room of each split.
    """
    Y = np.asarray(Y)
    if Y.ndim != 2:
        raise ValueError(f"label matrix must be 2-D (n, k), got shape {Y.shape}")
    if Y.size and not np.isin(Y, (0, 1)).all():
        raise ValueError("label matrix must hold only 0/1 (or bool) values")
    Y = Y.astype(bool)
    r = _check_fractions(fractions)
    n, k = Y.shape
    s = r.size
    rng = np.random.default_rng(seed)
    out = np.full(n, -1, dtype=int)
    if n == 0:
        return out
    room = apportion(n, r).astype(float)                       # c_j: rows each split still wants
    want = np.zeros((k, s))                                    # c_j^l: positives of label l split j wants
    for label in range(k):
        want[label] = apportion(int(Y[:, label].sum()), r)
    remaining = np.ones(n, bool)
    left_per_label = Y.sum(axis=0).astype(int)

    def choose(label: int | None) -> int:
        open_ = room > 0
        cand = np.flatnonzero(open_) if open_.any() else np.arange(s)
        if label is not None:
            w = want[label, cand]
            cand = cand[w == w.max()]
        c = room[cand]
        cand = cand[c == c.max()]
        return int(cand[0] if cand.size == 1 else rng.choice(cand))

    def assign(i: int, j: int) -> None:
        out[i] = j
        remaining[i] = False
        room[j] -= 1
        want[Y[i], j] -= 1
        left_per_label[Y[i]] -= 1

    while True:
        live = left_per_label > 0
        if not live.any():
            break
        fewest = left_per_label[live].min()
        labels = np.flatnonzero(live & (left_per_label == fewest))
        label = int(labels[0] if labels.size == 1 else rng.choice(labels))
        rows = np.flatnonzero(remaining & Y[:, label])
        for i in rng.permutation(rows):
            assign(int(i), choose(label))
    for i in rng.permutation(np.flatnonzero(remaining)):
        assign(int(i), choose(None))
    return out


def split_studies(study_ids: Sequence[str], Y: np.ndarray, fractions: Sequence[float] = DEFAULT_FRACTIONS,
                  seed: int = 0, names: Sequence[str] = DEFAULT_NAMES) -> dict[str, str]:
    """{study_id: split name}; the same ids, labels and seed give the same split in any input order."""
    ids = [str(x) for x in study_ids]
    Y = np.asarray(Y)
    if Y.ndim != 2 or Y.shape[0] != len(ids):
        raise ValueError(f"{len(ids)} study ids but label matrix of shape {Y.shape}")
    if len(names) != len(fractions):
        raise ValueError(f"{len(names)} split names for {len(fractions)} fractions")
    if len(set(names)) != len(names):
        raise ValueError(f"split names must be distinct, got {list(names)}")
    seen: dict[str, int] = {}
    for pos, sid in enumerate(ids):
        if not sid.strip():
            raise ValueError(f"study id at position {pos} is empty")
        if sid in seen:
            raise ValueError(f"study id '{sid}' appears twice (positions {seen[sid]} and {pos})")
        seen[sid] = pos
    order = sorted(range(len(ids)), key=lambda i: ids[i])
    idx = iterative_stratification(Y[order], fractions, seed)
    return {ids[i]: names[j] for i, j in zip(order, idx, strict=True)}


def split_summary(assignment: Mapping[str, str], study_ids: Sequence[str], Y: np.ndarray,
                  ids: Sequence[str] | None = None, names: Sequence[str] = DEFAULT_NAMES) -> dict[str, dict[str, int]]:
    """Positives per finding per split ({finding: {split: count}}), plus '_rows' with split sizes.

    For the run report: a finding with 0 in some split must be masked or dropped, and said so.
    """
    Y = np.asarray(Y).astype(bool)
    ids = [str(i) for i in range(Y.shape[1])] if ids is None else list(ids)
    split_of = np.array([assignment[str(s)] for s in study_ids])
    out: dict[str, dict[str, int]] = {"_rows": {nm: int((split_of == nm).sum()) for nm in names}}
    for j, fid in enumerate(ids):
        out[fid] = {nm: int(Y[split_of == nm, j].sum()) for nm in names}
    return out


def absent_findings(summary: dict[str, dict[str, int]]) -> dict[str, list[str]]:
    """{finding: [splits with no positive]} from `split_summary`: the findings the study dropped."""
    return {f: [s for s, c in per.items() if c == 0] for f, per in summary.items()
            if f != "_rows" and any(c == 0 for c in per.values())}


def write_splits(path: str | os.PathLike, assignment: Mapping[str, str]) -> None:
    """Write splits.csv atomically, rows sorted by study id (stable diffs between runs)."""
    with atomic_open(path, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(SPLIT_COLUMNS)
        for sid in sorted(assignment):
            w.writerow([sid, assignment[sid]])


def read_splits(path: str | os.PathLike, names: Sequence[str] | None = DEFAULT_NAMES) -> dict[str, str]:
    """Read and validate splits.csv; `names=None` accepts any non-empty split name."""
    path = Path(path)
    try:
        header, rows = read_csv_text(path)
    except LabelFileError as exc:
        raise SplitFileError(exc.path, exc.row, exc.column, exc.problem) from None
    except OSError as exc:
        raise SplitFileError(path, None, None, f"cannot read: {exc.strerror or exc}") from None
    missing = [c for c in SPLIT_COLUMNS if c not in header]
    if missing:
        raise SplitFileError(path, 1, missing[0], f"missing column (header is {header}; need {list(SPLIT_COLUMNS)})")
    extra = [c for c in header if c not in SPLIT_COLUMNS]
    if extra:
        raise SplitFileError(path, 1, extra[0], f"unexpected column (need exactly {list(SPLIT_COLUMNS)})")
    ci, cs = header.index("study_id"), header.index("split")
    out: dict[str, str] = {}
    first_row: dict[str, int] = {}
    for rowno, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue  # blank line (e.g. trailing newline in a hand-edited file)
        if len(row) != len(header):
            raise SplitFileError(path, rowno, None, f"{len(row)} cells, header has {len(header)}")
        sid, split = row[ci].strip(), row[cs].strip()
        if not sid:
            raise SplitFileError(path, rowno, "study_id", "empty study id")
        if sid in out:
            raise SplitFileError(path, rowno, "study_id", f"duplicate study id '{sid}' (first on row {first_row[sid]})")
        if not split:
            raise SplitFileError(path, rowno, "split", "empty split name")
        if names is not None and split not in names:
            raise SplitFileError(path, rowno, "split", f"unknown split '{split}' (expected one of {', '.join(names)})")
        out[sid] = split
        first_row[sid] = rowno
    return out


def split_fraction_error(assignment: Mapping[str, str], fractions: Sequence[float] = DEFAULT_FRACTIONS,
                         names: Sequence[str] = DEFAULT_NAMES) -> dict[str, float]:
    """Rows per split minus the desired rows (n x fraction): a quick check for reports and tests."""
    n = len(assignment)
    counts = {nm: 0 for nm in names}
    for v in assignment.values():
        counts[v] = counts.get(v, 0) + 1
    return {nm: counts[nm] - n * f for nm, f in zip(names, fractions, strict=True)}
