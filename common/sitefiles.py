"""The image side of a site folder (spec/site-data.md): which file is which study's view.

Nothing here reads pixels; it only decides which files exist and belong together, and
records every file or row it cannot use (quarantine) instead of skipping it silently.
"""

from __future__ import annotations

import csv
import os
import posixpath
import stat
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from fedrad.common.fileio import atomic_open, make_private, private_umask
from fedrad.common.imageio import IMAGE_EXTENSIONS
from fedrad.common.labels import LabelFileError, read_csv_text

WORK_DIR_NAME = ".fedrad"
SITE_CONFIG = "fedrad-site.toml"  # the site operator's own settings: [policy] (client.policy), [columns] (anonymizer)
IMAGES_CSV = "images.csv"
IMAGES_DIR = "images"
INDEX_COLUMNS = ("study_id", "view", "path")
QUARANTINE_FILE = "quarantine.csv"
QUARANTINE_COLUMNS = ("stage", "source", "row", "column", "study_id", "reason", "detail")


class ImageIndexError(LabelFileError):
    """images.csv cannot be used at all (e.g. a required column is missing); names file, row, column."""


@dataclass(frozen=True)
class Problem:
    """One unusable row or file. `reason` is a short category (counted in summaries), `detail` the specifics."""

    file: str
    row: int | None
    column: str | None
    study_id: str
    reason: str
    detail: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        study = f" (study {self.study_id})" if self.study_id else ""
        return f"{where}{study}: {self.reason}" + (f": {self.detail}" if self.detail else "")


def work_dir(site_dir: str | os.PathLike) -> Path:
    """`<site>/.fedrad/`, created on demand: everything fedrad derives goes here.

    The one place that makes a site's files private: the folder is 0700, this process's umask
    becomes 077 (so every file it or its children create later, logs and SQLite files included,
    is 0600), and a folder left more open by an older fedrad is tightened once, file by file.
    """
    private_umask()
    path = Path(site_dir) / WORK_DIR_NAME
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if stat.S_IMODE(path.stat().st_mode) != 0o700:
        make_private(path)
    return path


def read_image_index(site_dir: str | os.PathLike) -> tuple[dict[str, dict[str, Path]], list[Problem]]:
    """{study_id: {view: absolute-ish path}} plus the problems found.

    From images.csv when present, else by the `images/<study_id>/<view>.<ext>` convention.
    View names are stripped and lower-cased (templates use lower case; exports often say "AP").
    """
    site = Path(site_dir)
    if (site / IMAGES_CSV).is_file():
        return _index_from_csv(site)
    if (site / IMAGES_DIR).is_dir():
        return _index_from_folders(site)
    return {}, [Problem(str(site), None, None, "", "no images",
                        f"neither {IMAGES_CSV} nor an {IMAGES_DIR}/ folder in the site folder")]


def _index_from_csv(site: Path) -> tuple[dict[str, dict[str, Path]], list[Problem]]:
    file = site / IMAGES_CSV
    header, body = read_csv_text(file)
    missing = [c for c in INDEX_COLUMNS if c not in header]
    if missing:
        raise ImageIndexError(file, 1, missing[0], f"missing required column(s) {', '.join(missing)} "
                                                   f"(expected {', '.join(INDEX_COLUMNS)})")
    dup = [h for h in header if header.count(h) > 1]
    if dup:
        raise ImageIndexError(file, 1, dup[0], "duplicate column")
    problems = [Problem(str(file), 1, h or f"#{i + 1}", "", "unknown column",
                        f"ignored; expected only {', '.join(INDEX_COLUMNS)}")
                for i, h in enumerate(header) if h not in INDEX_COLUMNS]
    col = {h: i for i, h in enumerate(header)}
    index: dict[str, dict[str, Path]] = {}
    first_row: dict[tuple[str, str], int] = {}
    for r, cells in enumerate(body, start=2):
        if not cells or all(not c.strip() for c in cells):
            continue
        sid = cells[col["study_id"]].strip() if col["study_id"] < len(cells) else ""
        if len(cells) != len(header):
            problems.append(Problem(str(file), r, None, sid, "wrong number of cells",
                                    f"{len(cells)} cells, header has {len(header)}"))
            continue
        view, rel = cells[col["view"]].strip().lower(), cells[col["path"]].strip()
        empty = next((c for c, v in (("study_id", sid), ("view", view), ("path", rel)) if not v), None)
        if empty:
            problems.append(Problem(str(file), r, empty, sid, "empty cell", f"'{empty}' must not be empty"))
            continue
        path, why = _safe_relative(site, rel)
        if path is None:
            problems.append(Problem(str(file), r, "path", sid, "path outside site folder", why))
            continue
        if (sid, view) in first_row:
            problems.append(Problem(str(file), r, "view", sid, "duplicate study/view",
                                    f"view '{view}' of study '{sid}' already given in row {first_row[(sid, view)]}"))
            continue
        if not path.is_file():
            problems.append(Problem(str(file), r, "path", sid, "missing file",
                                    f"'{rel}' does not exist" if not path.exists() else f"'{rel}' is not a file"))
            continue
        first_row[(sid, view)] = r
        index.setdefault(sid, {})[view] = path
    return index, problems


def _safe_relative(site: Path, rel: str) -> tuple[Path | None, str]:
    """Resolve `rel` inside the site folder, lexically.

    Lexical on purpose: a site operator may symlink images/ to a PACS mount, which is their
    deliberate choice, whereas `..` or an absolute path in an export points somewhere unplanned.
    Backslashes are accepted as separators (Windows exports).
    """
    text = rel.replace("\\", "/")
    if text.startswith("/") or (len(text) > 1 and text[1] == ":"):
        return None, f"'{rel}' is absolute; paths must be relative to the site folder"
    norm = posixpath.normpath(text)
    if norm == ".." or norm.startswith("../"):
        return None, f"'{rel}' leaves the site folder via '..'"
    if norm in (".", ""):
        return None, f"'{rel}' names the site folder itself, not a file"
    return site / norm, ""


def _index_from_folders(site: Path) -> tuple[dict[str, dict[str, Path]], list[Problem]]:
    root = site / IMAGES_DIR
    index: dict[str, dict[str, Path]] = {}
    problems: list[Problem] = []
    for entry in sorted(root.iterdir()):
        if entry.name.startswith("."):
            continue  # hidden files (.DS_Store, editor droppings) are not exports
        if not entry.is_dir():
            problems.append(Problem(str(entry), None, None, "", "unexpected file",
                                    f"files belong in {IMAGES_DIR}/<study_id>/<view>.<ext>"))
            continue
        sid = entry.name
        for f in sorted(entry.iterdir()):
            if f.name.startswith("."):
                continue
            if f.is_dir():
                problems.append(Problem(str(f), None, None, sid, "unexpected folder",
                                        f"expected files named <view>.<ext> in {IMAGES_DIR}/{sid}/"))
                continue
            ext = f.suffix.lower()
            if ext not in IMAGE_EXTENSIONS:
                problems.append(Problem(str(f), None, None, sid, "unsupported extension",
                                        f"'{ext}' is not one of png, jpg, jpeg, dcm or none"))
                continue
            view = (f.stem if ext else f.name).strip().lower()
            if view in index.get(sid, {}):
                problems.append(Problem(str(f), None, None, sid, "duplicate study/view",
                                        f"view '{view}' of study '{sid}' is also {index[sid][view].name}"))
                continue
            index.setdefault(sid, {})[view] = f
    return index, problems


def pair_views(index: Mapping[str, Mapping[str, Path]], views: Sequence[str],
               quarantine: Quarantine) -> list[tuple[str, dict[str, Path]]]:
    """Studies that have every required view, as (study_id, {view: path}) in index order.

    A study missing a view is quarantined ("missing view <v>", one record per missing view);
    a view not required is recorded as "unused view <v>" so no file is dropped silently.
    """
    views = [v.strip().lower() for v in views]
    out: list[tuple[str, dict[str, Path]]] = []
    for sid, by_view in index.items():
        source = str(next(iter(by_view.values()))) if by_view else sid
        for v in sorted(set(by_view) - set(views)):
            quarantine.add(str(by_view[v]), None, "view", sid, f"unused view {v}",
                           f"the model uses views {', '.join(views)}")
        missing = [v for v in views if v not in by_view]
        for v in missing:
            quarantine.add(source, None, "view", sid, f"missing view {v}",
                           "study skipped: the model needs every view")
        if not missing:
            out.append((sid, {v: Path(by_view[v]) for v in views}))
    return out


class Quarantine:
    """Every row or file a command could not use, written to `<work>/quarantine.csv`.

    Merge semantics: each record carries the `stage` that produced it (e.g. "images",
    "reports"). write() keeps the file's records of *other* stages and replaces this stage's
    records with the current ones, so a rerun after the operator fixed something drops the
    stale lines, while commands that quarantine different things share one file.
    """

    def __init__(self, work: str | os.PathLike, stage: str = "images"):
        self.path = Path(work) / QUARANTINE_FILE
        self.stage = stage
        self.records: list[dict[str, str]] = []

    def add(self, source: str | os.PathLike, row: int | None, column: str | None, study_id: str | None,
            reason: str, detail: str = "") -> None:
        self.records.append({"stage": self.stage, "source": str(source), "row": "" if row is None else str(row),
                             "column": column or "", "study_id": study_id or "", "reason": reason,
                             "detail": detail})

    def add_problems(self, problems: Iterable[Problem]) -> None:
        for p in problems:
            self.add(p.file, p.row, p.column, p.study_id, p.reason, p.detail)

    def add_failed_images(self, failed: Mapping[Path, str], study_of: Mapping[Path, str] | None = None) -> None:
        """Images that could not be decoded (dataset preload results)."""
        for path, reason in failed.items():
            self.add(str(path), None, None, (study_of or {}).get(Path(path), ""), "unreadable image", reason)

    def counts(self) -> dict[str, int]:
        """Records of this stage by reason, most frequent first (for the command summary)."""
        return dict(Counter(r["reason"] for r in self.records).most_common())

    def __len__(self) -> int:
        return len(self.records)

    def read(self) -> list[dict[str, str]]:
        """All records currently in the file (every stage)."""
        if not self.path.is_file():
            return []
        header, body = read_csv_text(self.path)
        return [dict(zip(header, cells, strict=False)) for cells in body if cells]

    def write(self) -> Path:
        kept = [r for r in self.read() if r.get("stage") != self.stage]
        with atomic_open(self.path, "w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=QUARANTINE_COLUMNS, extrasaction="ignore", lineterminator="\n")
            w.writeheader()
            for r in [*kept, *self.records]:
                w.writerow({k: r.get(k, "") for k in QUARANTINE_COLUMNS})
        return self.path
