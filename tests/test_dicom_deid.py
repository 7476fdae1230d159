"""DICOM header de-identification on real test files with fake identifiers (deid-data, pydicom-data)."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

import numpy as np
import pydicom
import pytest
from fedrad.client.dicom_deid import (
    ACTIONS,
    STANDARD_UID_PREFIX,
    deidentify_file,
    export_pixels_png,
    map_uid,
    walk_values,
)
from pydicom.tag import Tag

SALT = b"test-salt-not-secret"
# Two deid-data inputs carry over-long LO/SH values; pydicom warns when it decodes them (input, not our output).
pytestmark = pytest.mark.filterwarnings("ignore:The value length:UserWarning")
IDENTIFYING_VR = {"PN", "DA", "DT", "TM", "UI", "AE"}


def deid_files() -> list[Path]:
    deid_data = pytest.importorskip("deid_data", reason="pip install deid-data (DICOM files with fake PHI)")
    files = sorted(Path(deid_data.__file__).parent.glob("data/**/*.dcm"))
    if not files:
        pytest.skip("deid-data has no DICOM files")
    return files


def original_phi(ds) -> set[str]:
    """Every value the profile must not let through: acted-on attributes, private tags, names/dates/UIDs/AEs."""
    out: set[str] = set()

    def visit(d):
        for e in d:
            if e.tag == Tag(0x7FE0, 0x0010):
                continue
            if e.VR == "SQ":
                for item in e.value or []:
                    visit(item)
                continue
            if e.tag in ACTIONS or e.tag.is_private or e.VR in IDENTIFYING_VR:
                v = str(e.value).strip()
                if len(v) >= 4 and not v.startswith(STANDARD_UID_PREFIX):
                    out.add(v)
    visit(ds)
    return out


def test_no_original_phi_survives_and_pixels_are_unchanged(tmp_path):
    files = deid_files()
    checked = 0
    for src in files:
        before = src.read_bytes()
        orig = pydicom.dcmread(src)
        phi = original_phi(orig)
        dst = tmp_path / src.name
        rep = deidentify_file(src, dst, SALT)
        assert src.read_bytes() == before  # the original is never modified
        new = pydicom.dcmread(dst)
        values = [v for _k, v in walk_values(new)] + [str(e.value) for e in new.file_meta]
        blob = "\x00".join(values)
        leaked = sorted(v for v in phi if v in blob)
        assert leaked == [], f"{src.name}: {leaked}"
        assert not any(e.tag.is_private for e in new.iterall())
        assert "PixelData" not in orig or new.PixelData == orig.PixelData
        assert new.PatientIdentityRemoved == "YES"
        codes = [(i.CodeValue, i.CodingSchemeDesignator) for i in new.DeidentificationMethodCodeSequence]
        assert ("113100", "DCM") in codes
        assert any("Basic Application Level Confidentiality Profile" in m for m in new.DeidentificationMethod)
        assert new.file_meta.MediaStorageSOPInstanceUID == new.SOPInstanceUID
        assert new.SOPClassUID == orig.SOPClassUID  # standard UIDs are kept
        assert "InstitutionName" not in new and "PatientName" in new and str(new.PatientName) == ""
        assert sum(rep.actions.values()) > 0
        checked += 1
    assert checked >= 10


def test_uid_mapping_is_consistent_across_files(tmp_path):
    """The same UID maps to the same new UID in every file of a site (references stay valid), salted."""
    src = next(f for f in deid_files() if f.parent.name == "dicom-cookies")
    orig = pydicom.dcmread(src)
    ref = copy.deepcopy(orig)
    ref.SOPInstanceUID = "1.2.3.4.5.6.7.8.9.1"
    item = pydicom.Dataset()
    item.ReferencedSOPClassUID = orig.SOPClassUID
    item.ReferencedSOPInstanceUID = orig.SOPInstanceUID
    ref.ReferencedImageSequence = pydicom.Sequence([item])
    ref.save_as(tmp_path / "ref.dcm")
    deidentify_file(src, tmp_path / "a.dcm", SALT)
    deidentify_file(tmp_path / "ref.dcm", tmp_path / "b.dcm", SALT)
    na, nb = pydicom.dcmread(tmp_path / "a.dcm"), pydicom.dcmread(tmp_path / "b.dcm")
    assert na.StudyInstanceUID == nb.StudyInstanceUID != orig.StudyInstanceUID
    assert nb.ReferencedImageSequence[0].ReferencedSOPInstanceUID == na.SOPInstanceUID != orig.SOPInstanceUID
    assert nb.ReferencedImageSequence[0].ReferencedSOPClassUID == orig.SOPClassUID
    assert na.StudyInstanceUID == map_uid(orig.StudyInstanceUID, SALT)
    assert map_uid(orig.StudyInstanceUID, b"other salt") != na.StudyInstanceUID
    assert len(na.SOPInstanceUID) <= 64 and na.SOPInstanceUID.startswith("2.25.")


def test_patient_characteristics_option(tmp_path):
    src = deid_files()[0]
    deidentify_file(src, tmp_path / "x.dcm", SALT, retain_patient_characteristics=True)
    ds = pydicom.dcmread(tmp_path / "x.dcm")
    codes = [i.CodeValue for i in ds.DeidentificationMethodCodeSequence]
    assert codes == ["113100", "113108"]


def test_refuses_to_overwrite_the_original(tmp_path):
    src = tmp_path / "a.dcm"
    src.write_bytes(deid_files()[0].read_bytes())
    with pytest.raises(ValueError, match="refusing"):
        deidentify_file(src, src, SALT)


def test_pydicom_radiograph_and_pixels_only_png(tmp_path):
    from fedrad.common.imageio import read_image
    from PIL import Image

    path = pydicom.data.get_testdata_file("RG3_UNCR.dcm")
    if path is None:
        pytest.skip("pydicom-data not installed")
    orig = pydicom.dcmread(path)
    deidentify_file(path, tmp_path / "rg3.dcm", SALT)
    new = pydicom.dcmread(tmp_path / "rg3.dcm")
    assert hashlib.sha256(new.PixelData).digest() == hashlib.sha256(orig.PixelData).digest()
    blob = "\x00".join(v for _k, v in walk_values(new))
    assert not [v for v in original_phi(orig) if v in blob]

    h, w = export_pixels_png(path, tmp_path / "rg3.png")
    im = Image.open(tmp_path / "rg3.png")
    assert (im.height, im.width) == (h, w) == (orig.Rows, orig.Columns)
    assert im.mode.startswith("I") and not im.text  # 16-bit, no text chunks: pixels only
    a, b = read_image(path), read_image(tmp_path / "rg3.png")
    assert np.abs(a - b).max() <= 1.0 / 65535 + 1e-6
    data = (tmp_path / "rg3.png").read_bytes()
    idat = data[data.index(b"IDAT") + 4:]
    assert idat[0] & 0x0F == 8 and idat[1] >> 6 == 0  # a zlib stream written at the fastest level (FLEVEL 0: stored)


def test_site_salt_is_private_and_stable(tmp_path):
    from fedrad.client.dicom_deid import site_salt

    a = site_salt(tmp_path)
    assert len(a) == 32 and site_salt(tmp_path) == a
    assert (tmp_path / "deid-salt").stat().st_mode & 0o777 == 0o600
