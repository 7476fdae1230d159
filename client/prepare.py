"""`fedrad client prepare`: a site's reports and images -> training-ready manifests.

anonymize -> label -> manifest. The manifest pairs each labelled study with all the views its
region's model needs, assigns the deterministic 64/16/20 split (iterative stratification on the
labels, so rare findings reach every split), and decodes every image once into the tensor
cache at the training size (so an unreadable image is quarantined now, not mid-training, and
the first epoch does not pay for decoding). Nothing is dropped without a quarantine line.
"""

from __future__ import annotations

import csv
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from fedrad.common.errors import FedradError
from fedrad.common.fileio import atomic_open
from fedrad.common.labels import Label, LabelTable, read_csv_text, read_label_file
from fedrad.common.preprocess import DEFAULT_IMAGE_SIZE
from fedrad.common.sitefiles import Quarantine, pair_views, read_image_index, work_dir
from fedrad.common.splits import DEFAULT_NAMES
from fedrad.common.templates import load_template

SPLIT_NAMES = DEFAULT_NAMES
SPLIT_FRACTIONS = (0.64, 0.16, 0.20)


class ManifestError(FedradError, ValueError):
    """A manifest file is missing or malformed; the message names the file (and row/column)."""


@dataclass
class RegionManifest:
    region: str
    path: Path
    studies: int = 0
    splits: Counter = field(default_factory=Counter)
    positives: dict[str, int] = field(default_factory=dict)  # true or uncertain, per finding


@dataclass
class PrepareSummary:
    site: str
    anonymized: int = 0
    phi_suspects: int = 0
    labelled: int = 0
    label_errors: int = 0
    regions: dict[str, RegionManifest] = field(default_factory=dict)
    quarantine: Counter = field(default_factory=Counter)
    quarantine_file: str = ""


def manifest_path(site_dir: str | os.PathLike, region: str) -> Path:
    return Path(site_dir) / ".fedrad" / f"manifest-{region}.csv"


def labels_path(site_dir: str | os.PathLike, region: str) -> Path:
    return Path(site_dir) / ".fedrad" / f"labels-{region}.csv"


def build_manifest(site_dir: str | os.PathLike, region: str, *, seed: int = 0,
                   image_size: int | None = DEFAULT_IMAGE_SIZE, progress: bool = True) -> RegionManifest:
    """Pair labels with images for one region and write `<work>/manifest-<region>.csv`.

    Columns: study_id, split, then one column per view with the image path relative to the
    site folder. Studies without images, without labels, missing a view or with an unreadable
    image go to the quarantine (stage `manifest:<region>`).
    """
    from fedrad.common.splits import split_studies

    site = Path(site_dir)
    work = work_dir(site)
    template = load_template(region)
    labels_file = labels_path(site, region)
    if not labels_file.is_file():
        raise ManifestError(f"{labels_file} not found: run `fedrad label run {site}` first")
    labels = read_label_file(labels_file, template)
    q = Quarantine(work, stage=f"manifest:{region}")
    index, problems = read_image_index(site)
    q.add_problems(problems)
    labelled = set(labels.study_ids)
    region_index = {sid: views for sid, views in index.items() if sid in labelled}
    for sid in labels.study_ids:
        if sid not in index:
            q.add(str(labels_file), None, "study_id", sid, "no images", "a labelled study has no image files")
    pairs = pair_views(region_index, template.views, q)
    if image_size:
        pairs = _drop_unreadable(pairs, image_size, work, q, progress)
    kept = [sid for sid, _ in pairs]
    table = labels.subset(kept)
    states = table.matrix()
    positive = (states >= Label.UNCERTAIN).astype(np.int8) if len(kept) else np.zeros((0, len(template)), np.int8)
    split = split_studies(kept, positive, fractions=SPLIT_FRACTIONS, seed=seed, names=SPLIT_NAMES) if kept else {}
    out = manifest_path(site, region)
    with atomic_open(out, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["study_id", "split", *template.views])
        for sid, views in pairs:
            w.writerow([sid, split[sid], *(Path(os.path.relpath(views[v], site)).as_posix() for v in template.views)])
    q.write()
    return RegionManifest(region=region, path=out, studies=len(kept), splits=Counter(split.values()),
                          positives={fid: int(positive[:, j].sum()) for j, fid in enumerate(template.ids)})


def _drop_unreadable(pairs, image_size: int, work: Path, q: Quarantine, progress: bool):
    from fedrad.common.dataset import preload_images
    from fedrad.common.preprocess import Preprocess, TensorCache

    cache = TensorCache(work / "image-cache")
    failed = preload_images([p for _, views in pairs for p in views.values()], Preprocess(size=image_size), cache,
                            progress=progress)
    cache.save_index()
    if not failed:
        return pairs
    keep = []
    for sid, views in pairs:
        bad = [p for p in views.values() if Path(p) in failed]
        for p in bad:
            q.add(str(p), None, None, sid, "unreadable image", failed[Path(p)])
        if not bad:
            keep.append((sid, views))
    return keep


@dataclass(frozen=True)
class ManifestRow:
    study_id: str
    split: str
    views: dict[str, Path]  # absolute paths


def read_manifest(site_dir: str | os.PathLike, region: str) -> list[ManifestRow]:
    """The manifest written by `build_manifest`, validated (file, row and column in errors)."""
    site = Path(site_dir)
    path = manifest_path(site, region)
    if not path.is_file():
        raise ManifestError(f"{path} not found: run `fedrad client prepare {site}` first")
    template = load_template(region)
    header, body = read_csv_text(path)
    expected = ["study_id", "split", *template.views]
    if header != expected:
        raise ManifestError(f"{path}, row 1: header {header} != {expected} (re-run `fedrad client prepare`)")
    rows = []
    for r, cells in enumerate(body, start=2):
        if not cells:
            continue
        if len(cells) != len(header):
            raise ManifestError(f"{path}, row {r}: {len(cells)} cells, header has {len(header)}")
        if cells[1] not in SPLIT_NAMES:
            raise ManifestError(f"{path}, row {r}, column 'split': {cells[1]!r} is not one of {SPLIT_NAMES}")
        rows.append(ManifestRow(cells[0], cells[1], {v: site / cells[2 + i] for i, v in enumerate(template.views)}))
    return rows


def load_split(site_dir: str | os.PathLike, region: str, split: str) -> tuple[list[ManifestRow], LabelTable]:
    """Manifest rows of one split with their labels (in the same order)."""
    rows = [r for r in read_manifest(site_dir, region) if r.split == split]
    labels = read_label_file(labels_path(site_dir, region), load_template(region))
    known = set(labels.study_ids)
    missing = [r.study_id for r in rows if r.study_id not in known]
    if missing:
        raise ManifestError(f"{manifest_path(site_dir, region)}: study {missing[0]} has no labels in "
                            f"{labels_path(site_dir, region)} (re-run `fedrad client prepare`)")
    return rows, labels.subset([r.study_id for r in rows])


def prepare_site(site_dir: str | os.PathLike, *, labeler: str = "rules", llm_labeler=None,
                 regions: list[str] | None = None, image_size: int | None = DEFAULT_IMAGE_SIZE, seed: int = 0,
                 progress: bool = True, console=None) -> PrepareSummary:
    """Run the whole site pipeline; every step is resumable and a rerun costs no LLM calls."""
    from fedrad.client.anonymize import anonymize_site
    from fedrad.client.labeling.run import label_site

    site = Path(site_dir)
    if not site.is_dir():
        raise ManifestError(f"site folder {site} does not exist")
    summary = PrepareSummary(site=str(site))
    anon = anonymize_site(site, show_progress=progress, console=console)
    summary.anonymized, summary.phi_suspects = anon.reports, anon.suspects
    lab = label_site(site, labeler=labeler, llm_labeler=llm_labeler, regions=regions, console=console,
                     progress=progress)
    summary.labelled, summary.label_errors = lab.labelled, lab.errors
    for region in sorted(lab.files):
        summary.regions[region] = build_manifest(site, region, seed=seed, image_size=image_size, progress=progress)
    q = Quarantine(work_dir(site))
    summary.quarantine = Counter(r["reason"] for r in q.read())
    summary.quarantine_file = str(q.path)
    return summary
