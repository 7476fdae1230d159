"""Synthetic hospitals (issue 3): folder contract, determinism, truth by construction, PHI record."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pydicom
import pytest
from fedrad.common.imageio import read_image
from fedrad.common.labels import Label, propagate, read_csv_text, read_label_file
from fedrad.common.templates import load_template
from fedrad.sim.synth import SynthError, synthesize
from fedrad.sim.synth.findings import draw_truth
from fedrad.sim.synth.profiles import make_profiles
from fedrad.sim.synth.writer import REPORT_COLUMNS, plan_site

REGIONS = ("elbow", "thumb", "clavicle")


@pytest.fixture(scope="module")
def synth(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "out"
    synthesize(out, sites=2, studies_per_site=40, regions=REGIONS, seed=5, image_size=64, dicom_fraction=0.3,
               progress=False, workers=1)
    return out


def _sites(out: Path) -> list[str]:
    return json.loads((out / "synth.json").read_text())["sites"]


def _jsonl(path: Path) -> dict[str, dict]:
    return {r["study_id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def test_layout_and_csv_contract(synth: Path) -> None:
    assert _sites(synth) == ["site-01", "site-02", "external"]
    assert not (synth / ".partial").exists()
    for site in _sites(synth):
        sdir = synth / "sites" / site
        assert sorted(p.name for p in sdir.iterdir()) == ["images", "images.csv", "reports.csv"]
        header, rows = read_csv_text(sdir / "reports.csv")
        assert header == list(REPORT_COLUMNS)
        assert rows and all(len(r) == len(header) and r[2].strip() and r[1] in REGIONS for r in rows)
        ids = [r[0] for r in rows]
        assert len(set(ids)) == len(ids)
        ih, irows = read_csv_text(sdir / "images.csv")
        assert ih == ["study_id", "view", "path"]
        region = {r[0]: r[1] for r in rows}
        views: dict[str, set[str]] = {}
        for sid, view, rel in irows:
            assert (sdir / rel).is_file(), rel
            assert rel == f"images/{sid}/{Path(rel).name}" and Path(rel).stem == view
            views.setdefault(sid, set()).add(view)
        assert all(views[s] == set(load_template(region[s]).views) for s in ids)
        tdir = synth / "truth" / site
        assert (tdir / "site.json").is_file() and (tdir / "phi.jsonl").is_file()
    # one site exports like a German RIS: BOM, ';' and CRLF
    raw = (synth / "sites" / "site-01" / "reports.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and raw.split(b"\r\n", 1)[0].count(b";") == 8
    assert not (synth / "sites" / "site-02" / "reports.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_images_readable_and_sizes_vary(synth: Path) -> None:
    shapes, kinds = set(), set()
    for site in _sites(synth):
        sdir = synth / "sites" / site
        _, irows = read_csv_text(sdir / "images.csv")
        for _sid, _view, rel in irows[::3]:
            img = read_image(sdir / rel)
            assert img.ndim == 2 and img.dtype == np.float32 and 0.0 <= img.min() < img.max() <= 1.0
            shapes.add(img.shape)
            if rel.endswith(".png"):
                from PIL import Image

                with Image.open(sdir / rel) as im:
                    kinds.add(im.mode)
    assert len(shapes) > 10 and any(h != w for h, w in shapes)
    assert {"L", "I;16"} <= kinds


def test_dicom_valid_and_carries_recorded_phi(synth: Path) -> None:
    n = 0
    photometric = set()
    for site in _sites(synth):
        phi = _jsonl(synth / "truth" / site / "phi.jsonl")
        for path in sorted((synth / "sites" / site / "images").glob("*/*.dcm")):
            ds = pydicom.dcmread(path)  # strict read: needs the preamble and file meta
            assert ds.file_meta.TransferSyntaxUID == "1.2.840.10008.1.2.1"
            assert ds.file_meta.MediaStorageSOPInstanceUID == ds.SOPInstanceUID
            assert ds.Modality == "CR" and ds.BitsStored == 12 and ds.pixel_array.max() <= 4095
            assert "RescaleSlope" in ds and "WindowCenter" in ds
            photometric.add(ds.PhotometricInterpretation)
            recs = [d for d in phi[path.parent.name]["dicom"] if d["view"] == path.stem]
            assert {d["tag"] for d in recs} >= {"PatientName", "PatientID", "PatientBirthDate", "StudyDate",
                                                 "AccessionNumber", "InstitutionName", "ReferringPhysicianName"}
            for d in recs:
                assert str(ds.data_element(d["tag"]).value) == d["text"], (path, d)
            n += 1
    assert n > 10
    assert photometric == {"MONOCHROME1", "MONOCHROME2"}


def test_phi_strings_recorded_exactly(synth: Path) -> None:
    names = 0
    for site in _sites(synth):
        header, rows = read_csv_text(synth / "sites" / site / "reports.csv")
        phi = _jsonl(synth / "truth" / site / "phi.jsonl")
        for row in rows:
            rec = phi[row[0]]
            text = row[2]
            assert rec["report"], row[0]
            for item in rec["report"]:
                assert item["text"] and item["text"] in text, (row[0], item)
                names += item["type"] == "NAME"
            types = {i["type"] for i in rec["report"]}
            assert {"NAME", "DATE", "ID"} <= types
            cols = dict(zip(header, row, strict=True))
            for item in rec["csv"]:
                assert cols[item["column"]] == item["text"]
    assert names > 100


def _check_construction(tpl, text: str, statements: list[dict], truth: dict[str, Label]) -> None:
    direct: dict[str, Label] = {}
    for s in statements:
        assert s["text"] in text, s
        if not s["final"]:
            continue
        v = Label.parse(s["value"])
        if v is Label.FALSE:  # a negation may only negate what is really false
            assert truth[s["fid"]] is Label.FALSE, s
        direct[s["fid"]] = max(direct.get(s["fid"], Label.FALSE), v)
    derived, _ = propagate(tpl, direct)
    assert derived == truth


def test_report_labels_equal_truth_by_construction_files(synth: Path) -> None:
    n = 0
    for site in _sites(synth):
        _, rows = read_csv_text(synth / "sites" / site / "reports.csv")
        text = {r[0]: r[2] for r in rows}
        stm = _jsonl(synth / "truth" / site / "statements.jsonl")
        for region in REGIONS:
            tpl = load_template(region)
            path = synth / "truth" / site / f"report-labels-{region}.csv"
            if not path.exists():
                continue
            table = read_label_file(path, tpl)  # raises on any parent-rule violation
            for sid, row in table.by_study().items():
                _check_construction(tpl, text[sid], stm[sid]["statements"], row)
                n += 1
    assert n == sum(len(read_csv_text(synth / "sites" / s / "reports.csv")[1]) for s in _sites(synth))


def test_report_truth_by_construction_many_reports() -> None:
    """A few hundred reports per language, without rendering: every hedge/negation is recorded and true."""
    profiles = make_profiles(sites=2, studies_per_site=200, regions=list(REGIONS), external_site=True, seed=11,
                             dicom_fraction=0.0, non_iid_alpha=1.0)
    langs = {"de": 0, "en": 0}
    hedged = corrected = 0
    for p in profiles:
        for s in plan_site(p, seed=11, image_size=64, regions=list(REGIONS)):
            tpl = load_template(s.region)
            _check_construction(tpl, s.report.text, s.report.statements_json(), s.truth.report)
            langs[s.language] += 1
            hedged += any(v is Label.UNCERTAIN for v in s.truth.report.values())
            corrected += any(not st.final for st in s.report.statements)
    assert langs["de"] > 150 and langs["en"] > 150
    assert hedged > 30 and corrected > 3


def test_truth_parent_consistency_and_long_tail() -> None:
    tpl = load_template("elbow")
    rng = random.Random(3)
    rows = [draw_truth(tpl, rng, p_subtle=0.1, p_mimic=0.1) for _ in range(3000)]
    for t in rows:
        for fid in t.present:
            assert set(tpl.ancestors(fid)) <= t.present, fid
        _, repairs = propagate(tpl, t.report)
        assert not repairs
        for fid in t.subtle:
            assert fid in t.present and t.report[fid] is Label.UNCERTAIN
        for fid in t.mimics:
            assert fid not in t.present and t.report[fid] is Label.UNCERTAIN
    prev = {f: sum(f in t.present for t in rows) / len(rows) for f in tpl.ids}
    assert 0.28 <= prev["fracture"] <= 0.42
    assert sum(0 < p <= 0.03 for p in prev.values()) >= 8  # long tail of rare findings
    assert all(p > 0 for p in prev.values())


def test_languages_and_report_structure(synth: Path) -> None:
    seen = set()
    for site in _sites(synth):
        _, rows = read_csv_text(synth / "sites" / site / "reports.csv")
        meta = _jsonl(synth / "truth" / site / "studies.jsonl")
        for r in rows:
            lang = meta[r[0]]["language"]
            seen.add(lang)
            text = r[2]
            if lang == "de":
                assert any(w in text for w in ("Befund", "BEFUND")), text
            else:
                assert any(w in text for w in ("Findings", "FINDINGS", "Description", "Report:")), text
    assert seen == {"de", "en"}


def test_deterministic_for_a_seed(tmp_path: Path) -> None:
    kw = dict(sites=1, studies_per_site=12, regions=("elbow",), external_site=False, image_size=48, progress=False)
    a = synthesize(tmp_path / "a", seed=9, workers=1, **kw)
    b = synthesize(tmp_path / "b", seed=9, workers=2, **kw)
    c = synthesize(tmp_path / "c", seed=10, workers=1, **kw)
    ra, rb, rc = ((d / "sites" / "site-01" / "reports.csv").read_bytes() for d in (tmp_path / "a", tmp_path / "b",
                                                                                    tmp_path / "c"))
    assert ra == rb and ra != rc
    for rel in ("truth/site-01/phi.jsonl", "truth/site-01/report-labels-elbow.csv"):
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()
    imgs = sorted((tmp_path / "a" / "sites" / "site-01" / "images").glob("*/*"))
    for p in imgs[:6]:
        assert p.read_bytes() == (tmp_path / "b" / p.relative_to(tmp_path / "a")).read_bytes()
    assert a.studies == b.studies == c.studies == 12


def test_refuses_non_empty_output(tmp_path: Path) -> None:
    out = tmp_path / "o"
    kw = dict(sites=1, studies_per_site=3, regions=("thumb",), external_site=False, image_size=48, progress=False,
              workers=1)
    synthesize(out, **kw)
    with pytest.raises(SynthError, match="not empty"):
        synthesize(out, **kw)
    synthesize(out, force=True, **kw)  # replaces its own earlier output
    (out / "notes.txt").write_text("mine")
    with pytest.raises(SynthError, match="did not write"):
        synthesize(out, force=True, **kw)
    with pytest.raises(SynthError, match="unknown region"):
        synthesize(tmp_path / "x", regions=("knee",), progress=False)


def test_non_iid_sites_differ() -> None:
    profiles = make_profiles(sites=4, studies_per_site=100, regions=["elbow", "thumb"], external_site=True, seed=1,
                             dicom_fraction=0.2, non_iid_alpha=0.5)
    internal = [p for p in profiles if not p.external]
    assert sum(p.n_studies for p in internal) == 400
    assert len({p.n_studies for p in internal}) > 1 and min(p.n_studies for p in internal) >= 40
    assert len({round(p.prevalence_factors["fracture"], 3) for p in internal}) > 1
    assert {p.language for p in internal} == {"de", "en"} and profiles[-1].name == "external"
    iid = make_profiles(sites=4, studies_per_site=100, regions=["elbow"], external_site=False, seed=1,
                        dicom_fraction=0.2, non_iid_alpha=0)
    assert {p.n_studies for p in iid} == {100} and {p.prevalence_factors["fracture"] for p in iid} == {1.0}


def test_cli_synth(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from fedrad.cli import app

    out = tmp_path / "cli"
    args = ["sim", "synth", str(out), "--sites", "1", "--studies-per-site", "4", "--regions", "elbow,clavicle",
            "--no-external-site", "--image-size", "48", "--workers", "1"]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    assert "site-01" in res.output and (out / "synth.json").is_file()
    res2 = CliRunner().invoke(app, args)
    assert res2.exit_code == 2 and "not empty" in res2.output


def test_plans_independent_of_hash_seed() -> None:
    """Text and render parameters must not depend on set iteration order (PYTHONHASHSEED)."""
    import os
    import subprocess
    import sys

    code = ("import hashlib, json\n"
            "from fedrad.sim.synth.profiles import make_profiles\n"
            "from fedrad.sim.synth.writer import plan_site\n"
            "R = ['elbow', 'thumb', 'clavicle']\n"
            "h = hashlib.sha256()\n"
            "for p in make_profiles(sites=1, studies_per_site=60, regions=R, external_site=True, seed=3,\n"
            "                       dicom_fraction=0.5, non_iid_alpha=1.0):\n"
            "    for s in plan_site(p, seed=3, image_size=64, regions=R):\n"
            "        h.update(json.dumps([s.report.text, s.strengths, s.seed, s.sizes, s.fmt]).encode())\n"
            "print(h.hexdigest())\n")
    root = Path(__file__).resolve().parents[1]
    digests = set()
    for hs in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hs, PYTHONPATH=str(root))
        res = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=root,
                             check=True)
        digests.add(res.stdout.strip())
    assert len(digests) == 1


def _signals_in_worker(_: int) -> tuple:
    import signal

    return signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)


def test_render_workers_end_on_sigterm_whatever_the_parent_handles() -> None:
    """`fedrad sim run` turns SIGTERM into KeyboardInterrupt; a forked render worker inheriting that handler
    survived Pool.terminate() once and hung a finished synthesis. The pool's initializer restores SIGTERM and
    leaves Ctrl-C to the parent."""
    import multiprocessing as mp
    import signal

    from fedrad.sim.synth import _worker_signals

    def on_term(signum, frame):
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGTERM, on_term)
    try:
        with mp.get_context("fork").Pool(1, initializer=_worker_signals) as pool:
            term, intr = pool.map(_signals_in_worker, [0])[0]
            pool.close()
            pool.join()
    finally:
        signal.signal(signal.SIGTERM, old)
    assert term == signal.SIG_DFL and intr == signal.SIG_IGN
