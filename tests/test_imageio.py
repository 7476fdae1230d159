"""read_image on real radiographs: 16-bit PNGs (GRAZPEDWRI-DX) and CR DICOMs (pydicom-data)."""

from __future__ import annotations

import io
import shutil
import struct
import warnings
import zlib
from pathlib import Path

import numpy as np
import pytest
from fedrad.common.imageio import ImageReadError, read_image
from PIL import Image

pydicom = pytest.importorskip("pydicom")


def _testdata(name: str) -> Path:
    from pydicom import data

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pydicom warns about its (offline) download cache
        try:
            return Path(data.get_testdata_file(name))
        except Exception as exc:  # noqa: BLE001 - any failure means the test data is absent
            pytest.skip(f"pydicom-data file {name} not available ({exc})")


@pytest.fixture(scope="module")
def pngs(shared_data) -> list[Path]:
    files = sorted((shared_data / "grazpedwri-dx-subset" / "images").glob("*.png"))
    assert len(files) == 9
    return files


def _manual_window_mono1(path: Path) -> np.ndarray:
    """DICOM PS3.3 C.11.2.1.2 LINEAR window, by hand, then MONOCHROME1 inversion."""
    ds = pydicom.dcmread(path)
    raw = ds.pixel_array.astype(np.float64)
    c, w = float(ds.WindowCenter), float(ds.WindowWidth)
    shown = np.clip((raw - (c - 0.5)) / (w - 1) + 0.5, 0, 1)
    return 1.0 - shown


# --- PNG / JPEG -------------------------------------------------------------------------------

def test_real_16bit_pngs(pngs):
    for f in pngs:
        img = read_image(f)
        raw = np.asarray(Image.open(f))
        assert raw.dtype == np.uint16 and raw.max() == 65535
        assert img.dtype == np.float32 and img.shape == raw.shape
        assert img.min() >= 0.0 and img.max() == 1.0
        np.testing.assert_allclose(img, raw / 65535.0, atol=1e-6)


def test_12bit_data_in_16bit_png_uses_the_bit_range(pngs, tmp_path):
    raw = np.asarray(Image.open(pngs[0])).astype(np.uint16)
    twelve = (raw >> 4).astype(np.uint16)  # what a 12-bit detector export looks like: 0..4095
    f = tmp_path / "twelve.png"
    Image.fromarray(twelve).save(f)
    img = read_image(f)
    np.testing.assert_allclose(img, twelve / 4095.0, atol=1e-6)
    assert img.max() == 1.0  # not 4095/65535 = 0.06, an almost black image


def _insert_sbit(png: bytes, bits: int) -> bytes:
    """Insert an sBIT chunk right after IHDR (8-byte signature + 25-byte IHDR chunk)."""
    data = bytes([bits])
    chunk = struct.pack(">I", 1) + b"sBIT" + data + struct.pack(">I", zlib.crc32(b"sBIT" + data))
    return png[:33] + chunk + png[33:]


def test_png_sbit_chunk_overrides_inference(tmp_path):
    arr = (np.arange(64 * 64, dtype=np.uint16).reshape(64, 64) % 1000)  # max 999 -> inference says 10 bits
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, format="PNG")
    f = tmp_path / "sbit.png"
    f.write_bytes(_insert_sbit(buf.getvalue(), 12))
    np.testing.assert_allclose(read_image(f), arr / 4095.0, atol=1e-6)
    f2 = tmp_path / "nosbit.png"
    f2.write_bytes(buf.getvalue())
    np.testing.assert_allclose(read_image(f2), arr / 1023.0, atol=1e-6)


def test_8bit_rgb_rgba_and_jpeg_match_the_grey_original(pngs, tmp_path):
    ref = read_image(pngs[1])
    grey8 = np.rint(ref * 255).astype(np.uint8)
    Image.fromarray(grey8).save(tmp_path / "g8.png")
    Image.fromarray(np.stack([grey8] * 3, -1)).save(tmp_path / "rgb.png")
    Image.fromarray(np.dstack([grey8] * 3 + [np.full_like(grey8, 255)])).save(tmp_path / "rgba.png")
    Image.fromarray(grey8).save(tmp_path / "g.jpg", quality=95)
    for name, tol in (("g8.png", 0.5 / 255 + 1e-6), ("rgb.png", 1 / 255 + 1e-6), ("rgba.png", 1 / 255 + 1e-6)):
        np.testing.assert_allclose(read_image(tmp_path / name), ref, atol=tol, err_msg=name)
    jpg = read_image(tmp_path / "g.jpg")
    assert jpg.shape == ref.shape and np.abs(jpg - ref).mean() < 0.01


def test_format_is_chosen_by_content_not_extension(pngs, tmp_path):
    f = tmp_path / "really_a_png.jpg"
    shutil.copy(pngs[2], f)
    np.testing.assert_array_equal(read_image(f), read_image(pngs[2]))


# --- DICOM ------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["RG1_UNCR.dcm", "RG3_UNCR.dcm"])
def test_dicom_window_and_monochrome1_match_manual(name):
    path = _testdata(name)
    img = read_image(path)
    assert img.dtype == np.float32 and img.ndim == 2
    np.testing.assert_allclose(img, _manual_window_mono1(path), atol=1e-5)


def test_dicom_bone_bright_air_dark():
    chest = read_image(_testdata("RG1_UNCR.dcm"))
    h, w = chest.shape
    assert chest[h // 3: 2 * h // 3, w // 3: 2 * w // 3].mean() > chest[: h // 10, : w // 10].mean() + 0.3
    leg = read_image(_testdata("RG3_UNCR.dcm"))  # distal tibia: an air strip beside the leg, then bone
    air, bone = leg[700:1000, 520:680].mean(), leg[700:1000, 820:960].mean()
    assert air < 0.2 < 0.5 < bone


def test_jpeg2000_equals_uncompressed():
    for stem in ("RG1", "RG3"):
        np.testing.assert_array_equal(read_image(_testdata(f"{stem}_J2KR.dcm")),
                                      read_image(_testdata(f"{stem}_UNCR.dcm")))
    # the irreversible J2K file is distributed with its own decoded uncompressed twin
    np.testing.assert_array_equal(read_image(_testdata("RG3_J2KI.dcm")), read_image(_testdata("RG3_UNCI.dcm")))


def _small_rg3(**changes) -> pydicom.Dataset:
    ds = pydicom.dcmread(_testdata("RG3_UNCR.dcm"))
    arr = ds.pixel_array[600:1100:2, 400:1100:2].copy()  # 250 x 350 crop through air and bone
    ds.Rows, ds.Columns = arr.shape
    ds.PixelData = arr.tobytes()
    for k, v in changes.items():
        setattr(ds, k, v)
    return ds


def _save(ds, path: Path, **kw) -> Path:
    ds.save_as(path, **kw)
    return path


def test_monochrome2_is_not_inverted(tmp_path):
    m1 = read_image(_save(_small_rg3(), tmp_path / "m1.dcm"))
    m2 = read_image(_save(_small_rg3(PhotometricInterpretation="MONOCHROME2"), tmp_path / "m2.dcm"))
    np.testing.assert_allclose(m2, 1.0 - m1, atol=1e-6)


def test_modality_lut_is_applied_before_the_window(tmp_path):
    ref = read_image(_save(_small_rg3(), tmp_path / "ref.dcm"))
    # Same image expressed with a rescale: stored = raw, real = 2*raw - 100; window moved accordingly.
    ds = _small_rg3(RescaleSlope=2, RescaleIntercept=-100, WindowCenter=2 * 550 - 100 - 0.5, WindowWidth=2 * 1023 + 1)
    img = read_image(_save(ds, tmp_path / "rescaled.dcm"))
    assert np.abs(img - ref).max() < 2e-3


def test_voi_lut_sequence_is_used(tmp_path):
    from pydicom.dataset import Dataset
    from pydicom.sequence import Sequence

    ds = _small_rg3()
    item = Dataset()
    item.LUTDescriptor = [1024, 0, 12]
    lut = np.clip((np.arange(1024) - 200) * 8, 0, 4095).astype(np.uint16)  # a steep LUT unlike the window
    item.add_new("LUTData", "US", lut.tolist())
    ds.VOILUTSequence = Sequence([item])
    img = read_image(_save(ds, tmp_path / "lut.dcm"))
    raw = ds.pixel_array.astype(np.int64)
    np.testing.assert_allclose(img, 1.0 - lut[np.clip(raw, 0, 1023)] / 4095.0, atol=1e-6)


def test_no_window_falls_back_to_robust_range(tmp_path):
    ds = _small_rg3()
    del ds.WindowCenter, ds.WindowWidth
    img = read_image(_save(ds, tmp_path / "nowin.dcm"))
    assert img.min() == 0.0 and img.max() == 1.0
    raw = ds.pixel_array.astype(np.float64)
    lo, hi = np.percentile(raw, [0.5, 99.5])
    np.testing.assert_allclose(img, 1.0 - np.clip((raw - lo) / (hi - lo), 0, 1), atol=1e-5)
    assert img[50:200, 60:140].mean() < 0.2 < 0.5 < img[50:200, 210:280].mean()  # still inverted: bone bright


def test_dicom_without_extension_and_without_preamble(tmp_path):
    f = tmp_path / "ap"  # convention images/<study>/<view> with no extension
    shutil.copy(_testdata("RG3_UNCR.dcm"), f)
    np.testing.assert_array_equal(read_image(f), read_image(_testdata("RG3_UNCR.dcm")))
    ds = _small_rg3()
    ref = read_image(_save(ds, tmp_path / "ref.dcm"))
    raw = tmp_path / "raw.dcm"
    ds.preamble = None
    ds.save_as(raw, enforce_file_format=False)
    assert raw.read_bytes()[128:132] != b"DICM"
    np.testing.assert_array_equal(read_image(raw), ref)
    # bare implicit-VR dataset: no preamble and no file meta at all (old PACS exports)
    from pydicom.dataset import FileMetaDataset

    ds.file_meta = FileMetaDataset()
    bare = tmp_path / "bare"
    ds.save_as(bare, implicit_vr=True, little_endian=True, enforce_file_format=False)
    assert bare.read_bytes()[:2] == b"\x08\x00"
    np.testing.assert_array_equal(read_image(bare), ref)


# --- errors -----------------------------------------------------------------------------------

def _raises(path: Path, *words: str) -> ImageReadError:
    with pytest.raises(ImageReadError) as info:
        read_image(path)
    msg = str(info.value)
    assert str(path) in msg, msg
    for w in words:
        assert w in msg.lower(), msg
    return info.value


def test_errors_name_the_file_and_reason(pngs, tmp_path):
    _raises(tmp_path / "nope.png", "not found")
    (tmp_path / "empty.png").write_bytes(b"")
    _raises(tmp_path / "empty.png", "empty")
    (tmp_path / "text.png").write_text("study_id,view,path\nS1,ap,x.png\n")
    _raises(tmp_path / "text.png", "unsupported format", ".png")
    data = pngs[0].read_bytes()
    (tmp_path / "truncated.png").write_bytes(data[: len(data) // 2])
    _raises(tmp_path / "truncated.png", "truncated")
    dcm = _testdata("RG3_UNCR.dcm").read_bytes()
    (tmp_path / "truncated.dcm").write_bytes(dcm[: len(dcm) * 6 // 10])
    _raises(tmp_path / "truncated.dcm", "truncated")
    (tmp_path / "header_only.dcm").write_bytes(dcm[:300])
    _raises(tmp_path / "header_only.dcm", "dicom")
    (tmp_path / "text.dcm").write_text("this is not DICOM at all, just a note\n" * 10)
    _raises(tmp_path / "text.dcm", "dicom")
    _raises(tmp_path, "folder")


def test_dicom_structural_errors(tmp_path):
    ds = _small_rg3()
    del ds.PixelData
    _raises(_save(ds, tmp_path / "nopixels.dcm"), "without pixel data")
    ds = _small_rg3()
    arr = ds.pixel_array
    ds.NumberOfFrames = 2
    ds.PixelData = np.concatenate([arr, arr]).tobytes()
    _raises(_save(ds, tmp_path / "multi.dcm"), "multi-frame", "2 frames")
