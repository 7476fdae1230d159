"""`fedrad client export`: a test set that may leave the site (site-data.md, "External test sets").

Pixels only (16-bit PNG re-encoded from the decoded image: no DICOM header, no PNG text chunk),
`images.csv`, `labels-<region>.csv` whose values are verified true/false, and `export.json`
(what was exported, when, and whether a person vouched for the pixels). No report text leaves.

What is refused, and why:
- Burned-in text. Removing the header does not remove a name written into the pixels. An
  image is exported without a human check only when its DICOM header says
  BurnedInAnnotation = NO and it is not a secondary capture (SOP class 1.2.840.10008.5.1.4.1.1.7*
  or ImageType DERIVED\\SECONDARY: screenshots, scanned films, reformats, which carry text
  whatever the flag says). Everything else (flag absent or YES, secondary captures, every
  PNG/JPEG source, whose pixels nobody has vouched for) needs `pixels_checked` (the CLI's
  `--pixels-checked WHO`), which is recorded with who and when.
- Uncertain labels: a reviewer resolves them first (`fedrad label review`); the export does not
  guess a policy for a test set.

Export ids are random (`secrets`), never derived from the site path or the study id (a hash of
sequential accession numbers is reversed by trying them all). The mapping export id -> study id
stays at the site, in `<site>/.fedrad/exports/<name>-mapping.csv` (0600); a re-export under the
same name keeps the ids of studies already exported, so the coordinator's results stay comparable.
Rows are written in export-id order, so not even the order of the rows follows the study ids.

The folder appears whole or not at all: it is built beside `out` and renamed into place; a
refused or failed export leaves neither a partial folder nor a changed mapping.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
import re
import secrets
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from fedrad.common.errors import FedradError
from fedrad.common.fileio import atomic_open, write_json
from fedrad.common.labels import Label, LabelTable, read_label_file, write_label_file
from fedrad.common.templates import load_template

EXPORT_MANIFEST = "export.json"
MAPPING_DIR = "exports"
MAPPING_COLUMNS = ("export_id", "study_id")
SECONDARY_CAPTURE_PREFIX = "1.2.840.10008.5.1.4.1.1.7"  # SC, and the multi-frame SC classes .7.1-.7.4
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


class ExportError(FedradError, ValueError):
    pass


@dataclass(frozen=True)
class PixelProblem:
    """One image whose pixels may carry burned-in text; `file` is relative to the site folder."""

    file: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.reason}"


class BurnedInTextError(ExportError):
    """Images whose burned-in-text status is not "NO"; each is named (site-relative) with its reason."""

    def __init__(self, problems: list[PixelProblem]):
        self.problems = problems
        super().__init__(f"{len(problems)} image(s) may carry burned-in text; check their pixels and pass "
                         "--pixels-checked WHO to export them anyway:\n" + "\n".join(f"  {p}" for p in problems))


@dataclass
class ExportSummary:
    out: Path
    studies: int
    images: int
    mapping: Path | None = None
    pixels_checked: list[PixelProblem] = field(default_factory=list)  # waived by the `pixels_checked` person


def burned_in_text_reasons(path: str | os.PathLike) -> list[str]:
    """Why an image's pixels may carry text; [] only for DICOM that says BurnedInAnnotation NO.

    Reads the header only (never the pixels). The format is decided by content, as
    common.imageio.read_image does, so a renamed file is judged by what it is.
    """
    import pydicom
    from fedrad.common.imageio import DICOM_EXTENSIONS, JPEG_MAGIC, PNG_MAGIC

    p = Path(path)
    with open(p, "rb") as fh:
        head = fh.read(132)
    if head.startswith(PNG_MAGIC):
        return ["not DICOM (PNG): no BurnedInAnnotation to vouch for the pixels"]
    if head.startswith(JPEG_MAGIC):
        return ["not DICOM (JPEG): no BurnedInAnnotation to vouch for the pixels"]
    is_dicom = head[128:132] == b"DICM"
    if not is_dicom and p.suffix.lower() not in DICOM_EXTENSIONS:
        return ["not DICOM (unknown format)"]
    try:
        ds = pydicom.dcmread(p, stop_before_pixels=True, force=not is_dicom)
    except Exception as exc:  # noqa: BLE001 - any unreadable header is a refusal with its reason
        return [f"DICOM header unreadable ({type(exc).__name__})"]
    reasons = []
    sop = str(ds.get("SOPClassUID", "") or getattr(getattr(ds, "file_meta", None), "MediaStorageSOPClassUID", ""))
    if sop.startswith(SECONDARY_CAPTURE_PREFIX):
        reasons.append(f"secondary capture (SOP class {sop})")
    image_type = [str(v).strip().upper() for v in (ds.get("ImageType") or [])]
    if image_type[:2] == ["DERIVED", "SECONDARY"]:
        reasons.append("ImageType DERIVED\\SECONDARY")
    bia = ds.get("BurnedInAnnotation")
    if bia is None or not str(bia).strip():
        reasons.append("BurnedInAnnotation absent")
    elif str(bia).strip().upper() != "NO":
        reasons.append(f"BurnedInAnnotation {str(bia).strip().upper()[:8]}")
    return reasons


def check_pixels(site_dir: str | os.PathLike, paths: list[Path]) -> list[PixelProblem]:
    """Every image of `paths` whose burned-in-text status is not "NO", named relative to the site."""
    site = Path(site_dir)
    out = []
    for p in paths:
        reasons = burned_in_text_reasons(p)
        if reasons:
            out.append(PixelProblem(_site_relative(site, p), "; ".join(reasons)))
    return out


def mapping_path(site_dir: str | os.PathLike, name: str) -> Path:
    return Path(site_dir) / ".fedrad" / MAPPING_DIR / f"{name}-mapping.csv"


def read_mapping(path: str | os.PathLike) -> dict[str, str]:
    """{study_id: export_id} of a previous export (empty if there was none)."""
    p = Path(path)
    if not p.is_file():
        return {}
    with open(p, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    if not rows or tuple(rows[0]) != MAPPING_COLUMNS:
        raise ExportError(f"{p}, row 1: header {rows[0] if rows else []} != {list(MAPPING_COLUMNS)}")
    return {r[1]: r[0] for r in rows[1:] if len(r) == 2}


def export_test_set(site_dir: str | os.PathLike, out: str | os.PathLike, region: str, *, split: str = "test",
                    labels: LabelTable | None = None, pixels_checked: str | None = None, name: str | None = None,
                    progress: bool = True) -> ExportSummary:
    """Export one region's studies of `split` ("test", "val", "train" or "all") to `out`.

    `labels` overrides the site's labels file (e.g. a reviewer's verified labels); every value
    must be true or false. `pixels_checked`: who checked the pixels of the images whose
    burned-in-text status is not "NO" (None: such images refuse the export, BurnedInTextError).
    `name` names the export's id mapping at the site (default: the folder name of `out`).
    """
    from fedrad.client.dicom_deid import export_pixels_png
    from fedrad.client.prepare import read_manifest
    from fedrad.common import __version__
    from rich.progress import track

    site = Path(site_dir)
    out = Path(out)
    name = name or out.name
    if not NAME_RE.match(name):
        raise ExportError(f"export name {name!r}: use letters, digits, '.', '_' or '-' (it names the id mapping)")
    if pixels_checked is not None and not pixels_checked.strip():
        raise ExportError("--pixels-checked needs who checked the pixels (a name or role), not an empty value")
    if out.resolve() == site.resolve() or site.resolve() in out.resolve().parents:
        raise ExportError(f"{out}: the export folder must be outside the site folder (it is what leaves the site)")
    if out.exists() and not _replaceable(out):
        raise ExportError(f"{out} exists and is not an earlier export (no {EXPORT_MANIFEST}); choose a new folder")
    template = load_template(region)
    rows = [r for r in read_manifest(site, region) if split == "all" or r.split == split]
    if labels is None:
        labels = read_label_file(site / ".fedrad" / f"labels-{region}.csv", template)
    by_study = labels.by_study()
    missing = [r.study_id for r in rows if r.study_id not in by_study]
    if missing:
        raise ExportError(f"study {missing[0]} has no label (and {len(missing) - 1} more)")
    unresolved = [r.study_id for r in rows if any(v is Label.UNCERTAIN for v in by_study[r.study_id].values())]
    if unresolved:
        raise ExportError(f"{len(unresolved)} studies still have 'uncertain' labels (first: {unresolved[0]}); "
                          "resolve them in a review file (`fedrad label review`) before exporting a test set")
    flagged = check_pixels(site, [p for r in rows for p in r.views.values()])
    if flagged and pixels_checked is None:
        raise BurnedInTextError(flagged)

    map_file = mapping_path(site, name)
    previous = read_mapping(map_file)
    ids = _assign_ids([r.study_id for r in rows], previous)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    tmp = out.parent / f".{out.name}.partial-{secrets.token_hex(4)}"
    try:
        tmp.mkdir(parents=True)
        exported = LabelTable(template)
        n_images = 0
        with atomic_open(tmp / "images.csv", "w", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["study_id", "view", "path"])
            for r in track(sorted(rows, key=lambda r: ids[r.study_id]), description=f"exporting {region} test set",
                           disable=not progress):
                new_id = ids[r.study_id]
                for view, path in r.views.items():
                    rel = f"images/{new_id}/{view}.png"
                    export_pixels_png(path, tmp / rel)
                    w.writerow([new_id, view, rel])
                    n_images += 1
                exported.add(new_id, by_study[r.study_id])
        write_label_file(tmp / f"labels-{region}.csv", exported, with_provenance=False)
        write_json(tmp / EXPORT_MANIFEST, {
            "format": 1, "fedrad": __version__, "region": region, "split": split, "created": now,
            "studies": len(exported), "images": n_images,
            "ids": "random (secrets.token_hex(8)); the mapping stays at the site",
            "pixels": "16-bit PNG re-encoded from the decoded image; no header, no text chunks",
            "pixels_checked": None if not flagged else {
                "by": pixels_checked, "at": now, "images": len(flagged),
                "reasons": dict(Counter(reason for p in flagged for reason in p.reason.split("; ")))}})
        _write_mapping(map_file, ids)
        _swap_into_place(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if flagged:
        _log_waiver(site, name, flagged, pixels_checked or "", now)
    return ExportSummary(out, len(exported), n_images, map_file, flagged)


def _assign_ids(study_ids: list[str], previous: dict[str, str]) -> dict[str, str]:
    """Random export ids (64 bits from `secrets`), reusing an earlier export's id for the same study."""
    ids: dict[str, str] = {}
    taken = set(previous.values())
    for sid in study_ids:
        new = previous.get(sid)
        while new is None or (sid not in previous and new in taken):
            new = secrets.token_hex(8)
        taken.add(new)
        ids[sid] = new
    return ids


def _write_mapping(path: Path, ids: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with atomic_open(path, "w", newline="", perms=0o600) as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(MAPPING_COLUMNS)
        for sid, eid in ids.items():
            w.writerow([eid, sid])


def _log_waiver(site: Path, name: str, flagged: list[PixelProblem], who: str, when: str) -> None:
    """At the site: which files were exported on a person's word, and whose (0600, appended)."""
    path = site / ".fedrad" / MAPPING_DIR / f"{name}-pixels-checked.csv"
    new = not path.is_file()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        if new:
            w.writerow(["at", "by", "file", "reason"])
        for p in flagged:
            w.writerow([when, who, p.file, p.reason])


def _replaceable(out: Path) -> bool:
    """An earlier export (or an empty folder) may be replaced; anything else is not ours to delete."""
    return out.is_dir() and ((out / EXPORT_MANIFEST).is_file() or not any(out.iterdir()))


def _swap_into_place(tmp: Path, out: Path) -> None:
    """Rename the finished folder to `out`; an earlier export there is moved aside first, then deleted."""
    old = None
    if out.exists():
        old = out.parent / f".{out.name}.old-{secrets.token_hex(4)}"
        os.replace(out, old)
    try:
        os.replace(tmp, out)
    except BaseException:
        if old is not None:
            with contextlib.suppress(OSError):
                os.replace(old, out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _site_relative(site: Path, path: Path) -> str:
    try:
        return Path(os.path.relpath(path, site)).as_posix()
    except ValueError:  # another drive (Windows)
        return Path(path).name
