"""`fedrad client export`: a test set that may leave the site (site-data.md, "External test sets").

Pixels only (16-bit PNG re-encoded from the decoded image: no DICOM header, no PNG text chunk),
`images.csv`, and `labels-<region>.csv` whose values are verified true/false. Study ids are
replaced by opaque ones (the mapping stays at the site) and no report text leaves.
Uncertain labels must be resolved by a reviewer first (`fedrad label review`); the export
refuses them rather than guessing a policy for a test set.
"""

from __future__ import annotations

import csv
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from fedrad.common.errors import FedradError
from fedrad.common.fileio import atomic_open
from fedrad.common.labels import Label, LabelTable, read_label_file, write_label_file
from fedrad.common.templates import load_template


class ExportError(FedradError, ValueError):
    pass


@dataclass
class ExportSummary:
    out: Path
    studies: int
    images: int


def export_test_set(site_dir: str | os.PathLike, out: str | os.PathLike, region: str, *, split: str = "test",
                    labels: LabelTable | None = None, salt: str = "", progress: bool = True) -> ExportSummary:
    """Export one region's studies of `split` ("test", "val", "train" or "all") to `out`.

    `labels` overrides the site's labels file (e.g. a reviewer's verified labels); every value
    must be true or false. Study ids become `sha256(salt + site + id)[:16]`.
    """
    from fedrad.client.dicom_deid import export_pixels_png
    from fedrad.client.prepare import read_manifest
    from rich.progress import track

    site = Path(site_dir)
    out = Path(out)
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
    out.mkdir(parents=True, exist_ok=True)
    exported = LabelTable(template)
    n_images = 0
    with atomic_open(out / "images.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["study_id", "view", "path"])
        for r in track(rows, description=f"exporting {region} test set", disable=not progress):
            new_id = hashlib.sha256(f"{salt}|{site.resolve()}|{r.study_id}".encode()).hexdigest()[:16]
            for view, path in r.views.items():
                rel = f"images/{new_id}/{view}.png"
                export_pixels_png(path, out / rel)
                w.writerow([new_id, view, rel])
                n_images += 1
            exported.add(new_id, by_study[r.study_id])
    write_label_file(out / f"labels-{region}.csv", exported, with_provenance=False)
    return ExportSummary(out, len(exported), n_images)
