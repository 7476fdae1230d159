"""Plan studies, render images in a worker pool, write site folders, DICOM files and truth files.

Planning (truth, identity, report text) runs in the main process with per-site seeded RNGs, so
the text outputs are deterministic; image rendering runs in workers with a per-study seed,
so the pixels do not depend on scheduling either.
"""

from __future__ import annotations

import csv
import io
import json
import random
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from fedrad.common.fileio import atomic_open, write_json
from fedrad.common.labels import Label, LabelTable, write_label_file
from fedrad.common.templates import load_template
from fedrad.sim.synth import render
from fedrad.sim.synth.findings import direct_modifiers, draw_truth, units
from fedrad.sim.synth.identities import EPONYM_SURNAMES, make_identity
from fedrad.sim.synth.profiles import SiteProfile
from fedrad.sim.synth.reports import write_report

REPORT_COLUMNS = ("study_id", "region", "report", "patient_name", "patient_id", "birth_date", "exam_date",
                  "accession_number", "referring_physician")
SIDE_MARKERS = {"L": {"L": "L", "LI": "LI", "SIN": "SIN"}, "R": {"L": "R", "LI": "RE", "SIN": "DEX"}}


@dataclass
class PlannedStudy:
    study_id: str
    region: str
    language: str
    side: str
    truth: object
    report: object
    identity: object
    hardware: bool
    fmt: str                                   # png8 / png16 / dcm
    views: list[str]
    sizes: list[tuple[int, int]]
    strengths: dict[str, float]
    seed: int
    dicom_phi: list[dict] = field(default_factory=list)
    dicom_header: dict = field(default_factory=dict)

    def paths(self) -> list[str]:
        ext = "dcm" if self.fmt == "dcm" else "png"
        return [f"images/{self.study_id}/{v}.{ext}" for v in self.views]


def _strengths(tpl, truth, rng: random.Random) -> dict[str, float]:
    """Render strength per sign: 1 normal, ~0.35 subtle (hedged), ~0.2 mimic. Derived parents have no own sign."""
    out: dict[str, float] = {}
    signed = set(units(tpl, truth.present)) | set(direct_modifiers(tpl, truth.present))
    for fid in sorted(signed):  # sorted: set order depends on PYTHONHASHSEED, the draws must not
        out[fid] = rng.uniform(0.3, 0.4) if fid in truth.subtle else rng.uniform(0.85, 1.0)
    for fid in sorted(truth.mimics):
        out[fid] = rng.uniform(0.15, 0.22)
    return out


def _dicom_header(p: SiteProfile, ident, region: str, study_id: str) -> tuple[dict, list[dict]]:
    name = f"{ident.last}^{ident.first}"
    ref = f"{ident.referrer_last}^{ident.referrer_first}^^Dr."
    hdr = {
        "PatientName": (name, "NAME"), "PatientID": (ident.patient_id, "ID"),
        "PatientBirthDate": (ident.birth.strftime("%Y%m%d"), "DATE"), "StudyDate": (ident.exam.strftime("%Y%m%d"),
                                                                                     "DATE"),
        "AccessionNumber": (ident.accession, "ID"), "InstitutionName": (p.institution, "INSTITUTION"),
        "InstitutionAddress": (p.address, "ADDRESS"), "ReferringPhysicianName": (ref, "NAME"),
        "OperatorsName": (f"{ident.colleague_last}^MTRA" if p.language != "en" else f"{ident.colleague_last}^RT",
                          "NAME"),
        "PatientAge": (f"{min(ident.age, 999):03d}Y", "AGE"), "StationName": (f"{p.name.upper()}-{ident.station}",
                                                                            "ID"),
    }
    phi = [{"tag": k, "type": t, "text": v} for k, (v, t) in hdr.items()]
    return {**{k: v for k, (v, _t) in hdr.items()}, "PatientSex": ident.sex}, phi


def plan_site(p: SiteProfile, *, seed: int, image_size: int, regions: list[str]) -> list[PlannedStudy]:
    rng = random.Random(f"{seed}:{p.name}:plan")
    out: list[PlannedStudy] = []
    eponym_all = set(sum(EPONYM_SURNAMES.values(), []))
    for i in range(p.n_studies):
        region = rng.choices(regions, weights=[p.region_weights[r] for r in regions], k=1)[0]
        tpl = load_template(region)
        lang = p.language if p.language != "mixed" else ("de" if rng.random() < 0.6 else "en")
        study_id = f"{p.id_prefix or 'S'}{p.index + 1:02d}{i + 1:05d}"
        truth = draw_truth(tpl, rng, factors=p.prevalence_factors, p_subtle=p.p_subtle, p_mimic=p.p_mimic)
        ident = make_identity(rng, lang, phone_prefix=p.phone_prefix, id_prefix=p.id_prefix, index=i, region=region,
                              eponym_surname=rng.random() < 0.04)
        side = rng.choice("LR")
        hardware = (rng.random() < p.style.hardware and "fracture" in truth.report
                    and truth.report["fracture"] is Label.FALSE)
        report = write_report(tpl, truth, ident, p, lang, rng, side, hardware=hardware)
        if ident.last in eponym_all and ident.last.lower() in _non_phi_text(report).lower():
            raise RuntimeError(f"{study_id}: eponym surname {ident.last!r} leaked into the report text")
        fmt = "dcm" if rng.random() < p.dicom_fraction else ("png16" if p.appearance.bit_depth == 16 else "png8")
        sizes = []
        for v in tpl.views:
            short = max(32, int(round(image_size * p.appearance.size_scale * rng.uniform(0.9, 1.1))))
            long = int(round(short * rng.uniform(*p.appearance.aspect)))
            sizes.append((short, long) if region == "clavicle" else (long, short))  # (H, W)
            del v
        pl = PlannedStudy(study_id=study_id, region=region, language=lang, side=side, truth=truth, report=report,
                          identity=ident, hardware=hardware, fmt=fmt, views=list(tpl.views), sizes=sizes,
                          strengths=_strengths(tpl, truth, rng), seed=rng.randrange(2**31))
        if fmt == "dcm":
            pl.dicom_header, pl.dicom_phi = _dicom_header(p, ident, region, study_id)
        out.append(pl)
    return out


def _non_phi_text(report) -> str:
    text = report.text
    for _typ, s in report.phi:
        text = text.replace(s, " ")
    return text


# ------------------------------------------------------------------ worker side

def render_study(task: tuple) -> str:
    """Render and write all views of one study (runs in a worker process)."""
    (site_dir, study_id, region, views, sizes, strengths, hardware, app, fmt, side, seed, header, site_index,
     paths) = task
    rng = np.random.default_rng([seed, site_index])
    marker = SIDE_MARKERS[side].get(app.marker) if app.marker else None
    for view, (H, W), rel in zip(views, sizes, paths, strict=True):
        short = min(H, W)
        work_hw = (max(16, round(render.WORK * H / short)), max(16, round(render.WORK * W / short)))
        img, metal = render.render_view(region, view, strengths, rng, work_hw, {"hardware": hardware})
        x = render.finish(img, metal, (H, W), app, rng, marker)
        path = Path(site_dir) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "dcm":
            write_dicom(path, x, header, app, rng, study_id=study_id, view=view, region=region, side=side)
        else:
            _write_png(path, x, 16 if fmt == "png16" else 8)
    return study_id


def png_bytes(a: np.ndarray) -> bytes:
    """Greyscale PNG (8 or 16 bit) written directly: Pillow's adaptive filtering + deflate cost ~4x more.

    Huffman-only deflate (with the 'Up' filter for 8-bit) keeps a study at a few milliseconds;
    files stay valid PNGs that any reader (Pillow, OpenCV) opens.
    """
    h, w = a.shape
    bits = 16 if a.dtype == np.uint16 else 8
    raw = (a.astype(">u2") if bits == 16 else a).view(np.uint8).reshape(h, -1)
    rows = np.empty((h, 1 + raw.shape[1]), dtype=np.uint8)
    if bits == 8:
        rows[:, 0] = 2  # Up filter
        rows[0, 1:] = raw[0]
        np.subtract(raw[1:], raw[:-1], out=rows[1:, 1:])
    else:
        rows[:, 0] = 0
        rows[:, 1:] = raw
    comp = zlib.compressobj(1, zlib.DEFLATED, 15, 8, zlib.Z_HUFFMAN_ONLY)
    idat = comp.compress(rows.tobytes()) + comp.flush()

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", w, h, bits, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _write_png(path: Path, x: np.ndarray, bits: int) -> None:
    a = (x * 65535.0 + 0.5).astype(np.uint16) if bits == 16 else (x * 255.0 + 0.5).astype(np.uint8)
    path.write_bytes(png_bytes(a))


def write_dicom(path: Path, x: np.ndarray, header: dict, app, rng: np.random.Generator, *, study_id: str, view: str,
                region: str, side: str) -> None:
    """A CR image as a PACS would export it: 12-bit stored values, rescale, window, PHI in the header."""
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian, generate_uid

    mono1 = rng.random() < app.monochrome1
    stored = np.round(x * 4095.0).astype(np.uint16)
    if mono1:
        stored = (4095 - stored).astype(np.uint16)
    slope, intercept = app.rescale
    lo, hi = np.percentile(stored[::4, ::4], [1, 99]) * slope + intercept  # a window, not a statistic
    sop_class = "1.2.840.10008.5.1.4.1.1.1"  # Computed Radiography Image Storage
    pid = str(header.get("PatientID", ""))
    study_uid = generate_uid(entropy_srcs=[study_id, pid, "study"])
    sop_uid = generate_uid(entropy_srcs=[study_id, pid, view, "sop"])
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = sop_uid
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = generate_uid(entropy_srcs=["fedrad-synth"])
    ds = Dataset()
    ds.file_meta = meta
    ds.SpecificCharacterSet = "ISO_IR 192"  # UTF-8: umlauts and Turkish names survive
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = sop_uid
    ds.StudyInstanceUID = study_uid
    ds.SeriesInstanceUID = generate_uid(entropy_srcs=[study_id, pid, view, "series"])
    ds.Modality = "CR"
    ds.Manufacturer = "SynthRay"
    ds.StudyDescription = f"XR {region.upper()}"
    ds.SeriesDescription = f"{region.upper()} {view.upper()}"
    ds.BodyPartExamined = region.upper()
    ds.ViewPosition = "AP" if view == "ap" else "LL"
    ds.ImageLaterality = side
    ds.Laterality = side
    ds.StudyTime = "101500"
    for tag, value in header.items():
        setattr(ds, tag, value)
    ds.StudyID = study_id[-8:]
    ds.SeriesNumber = 1
    ds.InstanceNumber = 1 if view == "ap" else 2
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME1" if mono1 else "MONOCHROME2"
    ds.Rows, ds.Columns = int(stored.shape[0]), int(stored.shape[1])
    ds.BitsAllocated = 16
    ds.BitsStored = 12
    ds.HighBit = 11
    ds.PixelRepresentation = 0
    ds.RescaleSlope = f"{slope:g}"
    ds.RescaleIntercept = f"{intercept:g}"
    ds.RescaleType = "US"
    ds.WindowCenter = f"{(lo + hi) / 2:.1f}"
    ds.WindowWidth = f"{max(1.0, hi - lo):.1f}"
    ds.PixelData = stored.tobytes()
    ds.save_as(path, enforce_file_format=True)


# ------------------------------------------------------------------ site files

def site_tasks(site_dir: Path, p: SiteProfile, studies: list[PlannedStudy]) -> list[tuple]:
    return [(str(site_dir), s.study_id, s.region, s.views, s.sizes, s.strengths, s.hardware, p.appearance, s.fmt,
             s.side, s.seed, s.dicom_header, p.index, s.paths()) for s in studies]


def _csv_text(rows: list[list[str]], delimiter: str, crlf: bool) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
    w.writerows(rows)
    return buf.getvalue()


def write_site_tables(site_dir: Path, p: SiteProfile, studies: list[PlannedStudy]) -> None:
    rows = [list(REPORT_COLUMNS)]
    for s in studies:
        i = s.identity
        ref = f"Dr. {i.referrer_first} {i.referrer_last}"
        rows.append([s.study_id, s.region, s.report.text, f"{i.last}, {i.first}", i.patient_id,
                     i.birth.strftime(p.date_format), i.exam.strftime(p.date_format), i.accession, ref])
    text = _csv_text(rows, p.csv_delimiter, p.csv_crlf)
    with atomic_open(site_dir / "reports.csv", "w", encoding="utf-8-sig" if p.csv_bom else "utf-8", newline="") as fh:
        fh.write(text)
    img_rows = [["study_id", "view", "path"]]
    for s in studies:
        img_rows += [[s.study_id, v, path] for v, path in zip(s.views, s.paths(), strict=True)]
    with atomic_open(site_dir / "images.csv", "w", encoding="utf-8-sig" if p.csv_bom else "utf-8", newline="") as fh:
        fh.write(_csv_text(img_rows, p.csv_delimiter, p.csv_crlf))


def write_truth(truth_dir: Path, p: SiteProfile, studies: list[PlannedStudy]) -> None:
    truth_dir.mkdir(parents=True, exist_ok=True)
    for region in sorted({s.region for s in studies}):
        tpl = load_template(region)
        sel = [s for s in studies if s.region == region]
        with atomic_open(truth_dir / f"image-labels-{region}.csv", "w", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["study_id", *tpl.ids])
            for s in sel:
                row = s.truth.image_row(tpl)
                w.writerow([s.study_id, *(row[f] for f in tpl.ids)])
        table = LabelTable(tpl)
        for s in sel:
            table.add(s.study_id, s.truth.report, {"labeler": "synth-truth", "labeler_version": "1"})
        write_label_file(truth_dir / f"report-labels-{region}.csv", table)
    with atomic_open(truth_dir / "phi.jsonl", "w") as fh:
        for s in studies:
            i = s.identity
            csv_phi = [{"column": "patient_name", "type": "NAME", "text": f"{i.last}, {i.first}"},
                       {"column": "patient_id", "type": "ID", "text": i.patient_id},
                       {"column": "birth_date", "type": "DATE", "text": i.birth.strftime(p.date_format)},
                       {"column": "exam_date", "type": "DATE", "text": i.exam.strftime(p.date_format)},
                       {"column": "accession_number", "type": "ID", "text": i.accession},
                       {"column": "referring_physician", "type": "NAME",
                        "text": f"Dr. {i.referrer_first} {i.referrer_last}"}]
            dicom = [dict(d, view=v) for v in (s.views if s.fmt == "dcm" else []) for d in s.dicom_phi]
            rec = {"study_id": s.study_id, "report": [{"type": t, "text": x} for t, x in s.report.phi],
                   "csv": csv_phi, "dicom": dicom}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with atomic_open(truth_dir / "statements.jsonl", "w") as fh:
        for s in studies:
            fh.write(json.dumps({"study_id": s.study_id, "region": s.region, "language": s.language,
                                 "statements": s.report.statements_json()}, ensure_ascii=False) + "\n")
    with atomic_open(truth_dir / "studies.jsonl", "w") as fh:
        for s in studies:
            fh.write(json.dumps({"study_id": s.study_id, "region": s.region, "language": s.language, "side": s.side,
                                 "format": s.fmt, "sizes": s.sizes, "hardware": s.hardware,
                                 "subtle": sorted(s.truth.subtle), "mimics": sorted(s.truth.mimics),
                                 "strengths": {k: round(v, 3) for k, v in sorted(s.strengths.items())}},
                                ensure_ascii=False) + "\n")
    write_json(truth_dir / "site.json", p.to_json())
