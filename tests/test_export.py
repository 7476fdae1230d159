"""`fedrad client export` on real DICOM: burned-in text refused unless a person vouched for the pixels,
random export ids whose mapping stays at the site (0600), an all-or-nothing folder, and a re-export
that the coordinator's test-set reader (server/testsets.py) takes as it takes the first."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import stat
from pathlib import Path

import numpy as np
import pytest
from fedrad.client.export import BurnedInTextError, burned_in_text_reasons, export_test_set, mapping_path
from fedrad.client.prepare import build_manifest, read_manifest
from fedrad.common.labels import Label, LabelTable, propagate, read_label_file, write_label_file
from fedrad.common.templates import load_template
from fedrad.server.testsets import content_fingerprint, load_test_set
from PIL import Image
from pydicom.data import get_testdata_file
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid
from typer.testing import CliRunner

from fedrad.cli import app

ELBOW = load_template("elbow")
DX_SOP = "1.2.840.10008.5.1.4.1.1.1.1"  # Digital X-Ray Image Storage - For Presentation
SC_SOP = "1.2.840.10008.5.1.4.1.1.7"


def write_dx(path: Path, *, burned_in: str | None, seed: int = 0, sop: str = DX_SOP,
             image_type: tuple[str, ...] = ("ORIGINAL", "PRIMARY")) -> Path:
    """A small radiograph as a modality writes it; `burned_in` None leaves BurnedInAnnotation out."""
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(str(path), {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SOPClassUID, ds.SOPInstanceUID = sop, meta.MediaStorageSOPInstanceUID
    ds.Modality, ds.PatientName, ds.PatientID = "DX", "Doe^Jane", "4711"
    ds.ImageType = list(image_type)
    if burned_in is not None:
        ds.BurnedInAnnotation = burned_in
    rng = np.random.default_rng(seed)
    px = rng.integers(0, 4096, (48, 40), dtype=np.uint16)
    ds.Rows, ds.Columns = px.shape
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    ds.PixelData = px.tobytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    ds.save_as(path, enforce_file_format=True)
    return path


def make_site(root: Path, images: dict[str, dict[str, Path | None]]) -> Path:
    """A prepared site: images.csv, labels (true/false only) and the manifest, for {study: {view: file}}.

    A view given as None gets a clean DICOM radiograph (BurnedInAnnotation NO)."""
    site = root / "site"
    rows = []
    table = LabelTable(ELBOW)
    for i, (sid, views) in enumerate(images.items()):
        for view in ELBOW.views:
            src = views.get(view)
            suffix = ".png" if src is not None and src.suffix == ".png" else ".dcm"
            dst = site / "images" / sid / f"{view}{suffix}"
            if src is None:
                write_dx(dst, burned_in="NO", seed=i)
            else:
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dst)
            rows.append([sid, view, dst.relative_to(site).as_posix()])
        raw = {f: Label.TRUE if (j + i) % 7 == 0 else Label.FALSE for j, f in enumerate(ELBOW.ids)}
        table.add(sid, propagate(ELBOW, raw)[0],
                  {"labeler": "review", "labeler_version": "", "model": "", "prompt_version": "", "text_sha256": ""})
    with open(site / "images.csv", "w", newline="") as fh:
        csv.writer(fh).writerows([["study_id", "view", "path"], *rows])
    write_label_file(site / ".fedrad" / "labels-elbow.csv", table)
    build_manifest(site, "elbow", image_size=None, progress=False)
    return site


@pytest.fixture
def dicoms(tmp_path) -> dict[str, Path]:
    d = tmp_path / "src"
    png = d / "photo.png"
    png.parent.mkdir(parents=True)
    Image.fromarray(np.full((32, 32), 128, np.uint8)).save(png)
    return {
        "yes": write_dx(d / "yes.dcm", burned_in="YES"),
        "absent": write_dx(d / "absent.dcm", burned_in=None),
        "sc_says_no": write_dx(d / "sc.dcm", burned_in="NO", sop=SC_SOP),
        "derived_secondary": write_dx(d / "ds.dcm", burned_in="NO", image_type=("DERIVED", "SECONDARY")),
        "ct_small": Path(get_testdata_file("CT_small.dcm")),  # a real CT: BurnedInAnnotation not given
        "mr_small": Path(get_testdata_file("MR_small.dcm")),  # a real MR: ImageType DERIVED\SECONDARY
        "png": png,
    }


def test_burned_in_status_of_real_files(dicoms, tmp_path):
    assert burned_in_text_reasons(write_dx(tmp_path / "ok.dcm", burned_in="NO")) == []
    assert burned_in_text_reasons(dicoms["yes"]) == ["BurnedInAnnotation YES"]
    assert burned_in_text_reasons(dicoms["absent"]) == ["BurnedInAnnotation absent"]
    assert burned_in_text_reasons(dicoms["sc_says_no"]) == [f"secondary capture (SOP class {SC_SOP})"]
    assert burned_in_text_reasons(dicoms["derived_secondary"]) == ["ImageType DERIVED\\SECONDARY"]
    assert burned_in_text_reasons(dicoms["ct_small"]) == ["BurnedInAnnotation absent"]
    assert "ImageType DERIVED\\SECONDARY" in burned_in_text_reasons(dicoms["mr_small"])
    sc = burned_in_text_reasons(get_testdata_file("SC_rgb.dcm"))  # pydicom-data's secondary capture
    assert sc[0].startswith("secondary capture") and "BurnedInAnnotation absent" in sc
    assert burned_in_text_reasons(dicoms["png"])[0].startswith("not DICOM (PNG)")
    renamed = tmp_path / "renamed.dcm"  # judged by content, not by name
    shutil.copyfile(dicoms["png"], renamed)
    assert burned_in_text_reasons(renamed)[0].startswith("not DICOM (PNG)")


def test_cli_refuses_each_unvouched_image_and_writes_nothing(dicoms, tmp_path):
    site = make_site(tmp_path, {"ACC1001": {}, "ACC1002": {"ap": dicoms["yes"]},
                                "ACC1003": {"lateral": dicoms["absent"]}, "ACC1004": {"ap": dicoms["sc_says_no"]},
                                "ACC1005": {"ap": dicoms["derived_secondary"]}, "ACC1006": {"ap": dicoms["png"]},
                                "ACC1007": {"ap": dicoms["ct_small"]}})
    out = tmp_path / "outbox" / "testset"
    res = CliRunner().invoke(app, ["client", "export", str(site), str(out), "--region", "elbow", "--split", "all"])
    assert res.exit_code == 2
    err = res.stderr
    expected = {"images/ACC1002/ap.dcm": "BurnedInAnnotation YES",
                "images/ACC1003/lateral.dcm": "BurnedInAnnotation absent",
                "images/ACC1004/ap.dcm": "secondary capture",
                "images/ACC1005/ap.dcm": "ImageType DERIVED\\SECONDARY",
                "images/ACC1006/ap.png": "not DICOM (PNG)",
                "images/ACC1007/ap.dcm": "BurnedInAnnotation absent"}
    for file, reason in expected.items():
        line = next((ln for ln in err.splitlines() if file in ln), "")
        assert reason in line, (file, err)
    assert "ACC1001" not in err and str(site) not in err  # clean files are not listed; paths are site-relative
    assert not res.stdout.strip()
    assert not (tmp_path / "outbox").exists()  # nothing half-written, not even the parent folder
    assert not mapping_path(site, "testset").exists()

    who = "R. Tech (radiographer), ticket 42"
    ok = CliRunner().invoke(app, ["client", "export", str(site), str(out), "--region", "elbow", "--split", "all",
                                  "--pixels-checked", who])
    assert ok.exit_code == 0, ok.output
    manifest = json.loads((out / "export.json").read_text())
    checked = manifest["pixels_checked"]
    assert checked["by"] == who and checked["images"] == 6 and checked["at"] == manifest["created"]
    assert checked["reasons"]["BurnedInAnnotation absent"] == 2
    assert "ACC100" not in json.dumps(manifest)  # counts only: file names carry study ids
    waiver = (site / ".fedrad" / "exports" / "testset-pixels-checked.csv").read_text()
    assert all(f in waiver for f in expected) and who in waiver
    assert stat.S_IMODE((site / ".fedrad" / "exports" / "testset-pixels-checked.csv").stat().st_mode) == 0o600


def test_clean_dicom_exports_without_flag_and_nothing_derives_from_study_ids(tmp_path):
    ids = [f"ACC{n}" for n in range(20240001, 20240011)]  # sequential accession numbers
    site = make_site(tmp_path, {sid: {} for sid in ids})
    out = tmp_path / "export"
    s = export_test_set(site, out, "elbow", split="all", progress=False)
    assert s.studies == 10 and s.images == 20 and not s.pixels_checked
    assert json.loads((out / "export.json").read_text())["pixels_checked"] is None

    # the mapping stays at the site, 0600, and is the only link back
    mapping = mapping_path(site, "export")
    assert mapping == site / ".fedrad" / "exports" / "export-mapping.csv"
    assert stat.S_IMODE(mapping.stat().st_mode) == 0o600
    with open(mapping, newline="") as fh:
        rows = list(csv.DictReader(fh))
    to_export = {r["study_id"]: r["export_id"] for r in rows}
    assert set(to_export) == set(ids)

    # nothing in the exported folder derives from a study id or the site path
    old_scheme = {hashlib.sha256(f"|{site.resolve()}|{sid}".encode()).hexdigest()[:16] for sid in ids}
    blob = "\n".join(str(p.relative_to(out)) for p in out.rglob("*"))
    blob += "".join(p.read_text() for p in out.iterdir() if p.is_file())
    for sid in ids:
        assert sid not in blob and sid[3:] not in blob
        assert hashlib.sha256(sid.encode()).hexdigest()[:16] not in blob
    assert not any(h in blob for h in old_scheme) and str(site) not in blob
    with open(out / "labels-elbow.csv", newline="") as fh:
        exported_ids = [r["study_id"] for r in csv.DictReader(fh)]
    assert sorted(exported_ids) == sorted(to_export.values())
    assert exported_ids == sorted(exported_ids)  # row order follows the random ids, not the accession order
    assert all(len(e) == 16 and int(e, 16) >= 0 for e in exported_ids)

    # the labels travel with their study
    truth = {r.study_id: r for r in read_manifest(site, "elbow")}
    assert set(truth) == set(ids)
    ts = load_test_set("ext", out, ELBOW)
    assert len(ts) == 10 and not ts.skipped
    site_labels = read_label_file(site / ".fedrad" / "labels-elbow.csv", ELBOW).by_study()
    back = {v: k for k, v in to_export.items()}
    for j, eid in enumerate(ts.study_ids):
        want = [site_labels[back[eid]][f] is Label.TRUE for f in ELBOW.ids]
        assert ts.truth[j].tolist() == [int(w) for w in want]

    # another export name draws other ids (exports cannot be linked by id)
    other = export_test_set(site, tmp_path / "export-b", "elbow", split="all", progress=False)
    with open(other.mapping, newline="") as fh:
        assert not {r["export_id"] for r in csv.DictReader(fh)} & set(to_export.values())


def test_reexport_replaces_the_folder_whole_and_the_server_reads_it(tmp_path):
    site = make_site(tmp_path, {f"S{n}": {} for n in range(6)})
    out = tmp_path / "ext"
    export_test_set(site, out, "elbow", split="all", progress=False)
    first = load_test_set("ext", out, ELBOW)
    fp1 = content_fingerprint(out, "elbow")
    (out / ".fedrad").mkdir(exist_ok=True)  # the coordinator's cache inside the folder
    (out / ".fedrad" / "stale").write_text("x")
    before = mapping_path(site, "ext").read_text()

    export_test_set(site, out, "elbow", split="all", progress=False)  # same name: same ids
    second = load_test_set("ext", out, ELBOW)
    assert mapping_path(site, "ext").read_text() == before
    assert second.study_ids == first.study_ids and np.array_equal(second.truth, first.truth)
    assert not (out / ".fedrad" / "stale").exists()  # the old folder went as a whole
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".ext.")] == []

    # a changed test set (a reviewer corrected a label) changes the fingerprint the report's prediction
    # cache is keyed by
    export_test_set(site, tmp_path / "ext", "elbow", split="all", progress=False,
                    labels=_labels_cleared(site, "S0"))
    assert content_fingerprint(out, "elbow") != fp1

    # a failure mid-export leaves the previous export untouched
    third_before = sorted(p.relative_to(out) for p in out.rglob("*"))
    (site / "images" / "S3" / "ap.dcm").write_bytes(b"\0" * 128 + b"DICM" + b"garbage")
    with pytest.raises(Exception):  # noqa: B017 - whichever error the broken file raises
        export_test_set(site, out, "elbow", split="all", progress=False, pixels_checked="me")
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == third_before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".ext.")] == []

    # a folder that is not an earlier export is never replaced
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(Exception, match="not an earlier export"):
        export_test_set(site, tmp_path / "mine", "elbow", split="all", progress=False)
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"


def test_refusal_is_raised_before_anything_is_written(dicoms, tmp_path):
    site = make_site(tmp_path, {"A": {"ap": dicoms["yes"]}, "B": {}})
    with pytest.raises(BurnedInTextError) as exc:
        export_test_set(site, tmp_path / "x", "elbow", split="all", progress=False)
    assert [(p.file, p.reason) for p in exc.value.problems] == [("images/A/ap.dcm", "BurnedInAnnotation YES")]
    assert not (tmp_path / "x").exists() and not (site / ".fedrad" / "exports").exists()


def _labels_cleared(site: Path, study: str) -> LabelTable:
    """The site's labels with every finding of `study` set to false."""
    table = read_label_file(site / ".fedrad" / "labels-elbow.csv", ELBOW)
    out = LabelTable(ELBOW)
    for sid, row in table.by_study().items():
        out.add(sid, {f: Label.FALSE for f in row} if sid == study else row)
    return out
