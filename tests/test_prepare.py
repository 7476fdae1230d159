"""`fedrad client prepare` and `fedrad client export` on a real synthetic site folder."""

from __future__ import annotations

import csv
import shutil

import pytest
from fedrad.client.export import BurnedInTextError, ExportError, export_test_set
from fedrad.client.prepare import build_manifest, load_split, read_manifest
from fedrad.common.labels import Label, LabelTable, read_label_file
from fedrad.common.sitefiles import Quarantine
from fedrad.common.templates import load_template
from fedrad.sim.synth import synthesize
from PIL import Image
from typer.testing import CliRunner

from fedrad.cli import app


@pytest.fixture(scope="module")
def synth_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("prep")
    synthesize(root / "h", sites=1, studies_per_site=40, regions=("elbow",), external_site=False, seed=3,
               image_size=128, progress=False, workers=1)
    return root / "h"


@pytest.fixture
def site(synth_root, tmp_path):
    dst = tmp_path / "site"
    shutil.copytree(synth_root / "sites" / "site-01", dst)
    return dst


def _images(site):
    with open(site / "images.csv", newline="", encoding="utf-8-sig") as fh:
        text = fh.read()
    delim = ";" if text.splitlines()[0].count(";") else ","
    return list(csv.DictReader(text.splitlines(), delimiter=delim))


def test_prepare_cli_quarantines_bad_images_and_missing_views(site):
    rows = _images(site)
    broken, gone = rows[0], next(r for r in rows if r["study_id"] != rows[0]["study_id"])
    (site / broken["path"]).write_bytes(b"not an image at all")
    (site / gone["path"]).unlink()
    res = CliRunner().invoke(app, ["client", "prepare", str(site), "--image-size", "48"])
    assert res.exit_code == 0, res.output
    manifest = read_manifest(site, "elbow")
    ids = {r.study_id for r in manifest}
    assert broken["study_id"] not in ids and gone["study_id"] not in ids
    n_studies = len({r["study_id"] for r in rows})
    assert len(ids) == n_studies - 2
    reasons = {(r["study_id"], r["reason"]) for r in Quarantine(site / ".fedrad").read()}
    assert (broken["study_id"], "unreadable image") in reasons
    assert any(s == gone["study_id"] for s, _ in reasons)
    splits = {r.split for r in manifest}
    assert splits == {"train", "val", "test"}
    rows_train, labels = load_split(site, "elbow", "train")
    assert labels.study_ids == [r.study_id for r in rows_train]
    # deterministic: rebuilding gives the same split
    before = [(r.study_id, r.split) for r in manifest]
    build_manifest(site, "elbow", image_size=48, progress=False)
    assert [(r.study_id, r.split) for r in read_manifest(site, "elbow")] == before


def test_export_is_pixels_only_with_binary_labels(site, tmp_path):
    assert CliRunner().invoke(app, ["client", "prepare", str(site), "--image-size", "0"]).exit_code == 0
    template = load_template("elbow")
    labels = read_label_file(site / ".fedrad" / "labels-elbow.csv", template)
    verified = LabelTable(template)
    for sid, row in labels.by_study().items():  # a reviewer resolved every uncertain to false
        verified.add(sid, {k: (Label.FALSE if v is Label.UNCERTAIN else v) for k, v in row.items()})
    out = tmp_path / "export"
    with pytest.raises(BurnedInTextError) as refused:  # synthetic PNGs: nobody has vouched for their pixels
        export_test_set(site, out, "elbow", split="test", labels=verified, progress=False)
    reasons = {p.reason.split(":")[0] for p in refused.value.problems}
    assert refused.value.problems and reasons <= {"not DICOM (PNG)", "BurnedInAnnotation absent"}
    assert not out.exists()
    s = export_test_set(site, out, "elbow", split="test", labels=verified, pixels_checked="test suite",
                        progress=False)
    assert s.studies == sum(1 for r in read_manifest(site, "elbow") if r.split == "test") and s.images == 2 * s.studies
    files = list((out / "images").rglob("*"))
    assert files and all(f.suffix == ".png" for f in files if f.is_file())
    for f in [f for f in files if f.is_file()][:6]:
        with Image.open(f) as im:
            assert not im.info.get("text") and not getattr(im, "text", {})
    exported = read_label_file(out / "labels-elbow.csv", template, allow_uncertain=False)
    original_ids = set(labels.study_ids)
    assert not original_ids & set(exported.study_ids)  # study ids do not leave the site
    if any(v is Label.UNCERTAIN for row in labels.rows for v in row.values()):
        with pytest.raises(ExportError, match="uncertain"):
            export_test_set(site, tmp_path / "refused", "elbow", split="all", progress=False)


def test_prepare_leaves_every_site_file_owner_only(site):
    """Issue 10 item 7: after a real `fedrad client prepare` (own process, the usual umask 022, and a
    .fedrad/ an older fedrad left world-readable) the folder is 0700 and every file in it 0600."""
    import os
    import stat
    import subprocess
    import sys
    from pathlib import Path

    work = site / ".fedrad"
    work.mkdir()
    os.chmod(work, 0o755)
    (work / "old-notes.csv").write_text("left by an older fedrad\n")
    os.chmod(work / "old-notes.csv", 0o644)
    res = subprocess.run([str(Path(sys.executable).parent / "fedrad"), "client", "prepare", str(site),
                          "--image-size", "32"], capture_output=True, text=True, preexec_fn=lambda: os.umask(0o022))
    assert res.returncode == 0, res.stdout + res.stderr
    names = set()
    for p in [work, *work.rglob("*")]:
        names.add(p.name)
        mode = stat.S_IMODE(p.stat().st_mode)
        assert mode == (0o700 if p.is_dir() else 0o600), f"{p}: {oct(mode)}"
    assert {"anonymized.csv", "labels-elbow.csv", "manifest-elbow.csv", "image-cache", "old-notes.csv"} <= names, names


def test_default_prepare_caches_what_a_default_run_reads(site):
    """One default image size: `client prepare` without --image-size decodes every image at the size a
    default run config trains at, so the run's first round reads the cache instead of decoding again."""
    from fedrad.common.preprocess import TensorCache
    from fedrad.common.runconfig import RunConfig
    from fedrad.common.sitefiles import work_dir

    res = CliRunner().invoke(app, ["client", "prepare", str(site)])
    assert res.exit_code == 0, res.output
    run = RunConfig(region="elbow")
    cache = TensorCache(work_dir(site) / "image-cache")
    rows = [r for split in ("train", "val", "test") for r in load_split(site, run.region, split)[0]]
    paths = [p for r in rows for p in r.views.values()]
    assert paths and all(cache.contains(p, run.preprocess()) for p in paths)
