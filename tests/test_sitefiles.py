"""Site folder image index (images.csv or images/<study>/<view>.<ext>), pairing and quarantine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fedrad.common.sitefiles import ImageIndexError, Quarantine, pair_views, read_image_index, work_dir


@pytest.fixture()
def site(shared_data, tmp_path) -> Path:
    """A small site folder built from the real PNGs (copied into tmp, never committed)."""
    files = sorted((shared_data / "grazpedwri-dx-subset" / "images").glob("*.png"))
    site = tmp_path / "site"
    for i, sid in enumerate(("S1", "S2", "S3")):
        d = site / "images" / sid
        d.mkdir(parents=True)
        shutil.copy(files[2 * i], d / "ap.png")
        shutil.copy(files[2 * i + 1], d / "lateral.png")
    return site


def _write_csv(site: Path, text: str, *, bom: bool = False, crlf: bool = False) -> None:
    if crlf:
        text = text.replace("\n", "\r\n")
    (site / "images.csv").write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))


def test_images_csv_tolerates_bom_semicolon_crlf_and_backslashes(site):
    _write_csv(site, "study_id;view;path\nS1;AP;images/S1/ap.png\nS1;lateral;images\\S1\\lateral.png\n"
                     "S2; ap ;./images/S2/ap.png\n\n", bom=True, crlf=True)
    index, problems = read_image_index(site)
    assert problems == []
    assert index == {"S1": {"ap": site / "images/S1/ap.png", "lateral": site / "images/S1/lateral.png"},
                     "S2": {"ap": site / "images/S2/ap.png"}}


def test_images_csv_problems_carry_row_and_column(site):
    _write_csv(site, "study_id,view,path,comment\n"
                     "S1,ap,images/S1/ap.png,ok\n"            # row 2 fine
                     "S1,ap,images/S1/lateral.png,dup\n"      # row 3 duplicate (study, view)
                     "S2,ap,../outside.png,\n"                # row 4 escapes
                     "S2,lateral,/etc/passwd,\n"              # row 5 absolute
                     "S3,,images/S3/ap.png,\n"                # row 6 empty view
                     "S3,ap,images/S3/nothere.png,\n"         # row 7 missing file
                     "S3,lateral,images/S3/lateral.png\n")    # row 8 short row
    index, problems = read_image_index(site)
    assert index == {"S1": {"ap": site / "images/S1/ap.png"}}
    got = {(p.row, p.column, p.reason) for p in problems}
    assert got == {(1, "comment", "unknown column"), (3, "view", "duplicate study/view"),
                   (4, "path", "path outside site folder"), (5, "path", "path outside site folder"),
                   (6, "view", "empty cell"), (7, "path", "missing file"), (8, None, "wrong number of cells")}
    by_row = {p.row: p for p in problems}
    assert by_row[3].study_id == "S1" and "row 2" in by_row[3].detail
    text = str(by_row[7])
    assert str(site / "images.csv") in text and "row 7" in text and "column 'path'" in text and "S3" in text


def test_images_csv_without_required_column_is_an_error(site):
    _write_csv(site, "study,view,path\nS1,ap,images/S1/ap.png\n")
    with pytest.raises(ImageIndexError) as info:
        read_image_index(site)
    msg = str(info.value)
    assert "images.csv" in msg and "row 1" in msg and "column 'study_id'" in msg


def test_folder_convention(site):
    s2 = site / "images" / "S2"
    (s2 / "lateral.png").rename(s2 / "LATERAL.PNG")
    shutil.copy(s2 / "ap.png", s2 / "ap.jpg")  # two files for one view
    dcm = site / "images" / "S4"
    dcm.mkdir()
    (dcm / "ap").write_bytes(b"x")  # DICOM without extension (content is not checked here)
    (dcm / "notes.txt").write_text("hello")
    (dcm / ".DS_Store").write_bytes(b"")
    (site / "images" / "stray.png").write_bytes(b"x")
    index, problems = read_image_index(site)
    assert set(index) == {"S1", "S2", "S3", "S4"}
    assert index["S2"]["lateral"] == s2 / "LATERAL.PNG" and index["S4"] == {"ap": dcm / "ap"}
    reasons = sorted((Path(p.file).name, p.reason) for p in problems)
    assert reasons == [("ap.png", "duplicate study/view"), ("notes.txt", "unsupported extension"),
                       ("stray.png", "unexpected file")]


def test_no_images_at_all(tmp_path):
    index, problems = read_image_index(tmp_path)
    assert index == {} and len(problems) == 1 and problems[0].reason == "no images"


def test_pair_views_quarantines_missing_and_unused_views(site, tmp_path):
    (site / "images" / "S2" / "lateral.png").unlink()
    shutil.copy(site / "images" / "S3" / "ap.png", site / "images" / "S3" / "oblique.png")
    index, problems = read_image_index(site)
    q = Quarantine(work_dir(site))
    q.add_problems(problems)
    pairs = pair_views(index, ["ap", "lateral"], q)
    assert [sid for sid, _ in pairs] == ["S1", "S3"]
    assert list(pairs[1][1]) == ["ap", "lateral"]
    assert q.counts() == {"missing view lateral": 1, "unused view oblique": 1}
    missing = next(r for r in q.records if r["reason"] == "missing view lateral")
    assert missing["study_id"] == "S2" and missing["column"] == "view"


def test_quarantine_file_is_written_and_merged_by_stage(site):
    work = work_dir(site)
    assert work == site / ".fedrad" and work.is_dir()
    images = Quarantine(work, stage="images")
    images.add("images.csv", 3, "path", "S1", "missing file", "'x.png' does not exist")
    images.add("images/S2/ap.png", None, None, "S2", "unreadable image", "truncated PNG")
    path = images.write()
    reports = Quarantine(work, stage="reports")
    reports.add("reports.csv", 5, "report", "S9", "empty report")
    reports.write()
    rows = Quarantine(work).read()
    assert [(r["stage"], r["study_id"], r["row"]) for r in rows] == [("images", "S1", "3"), ("images", "S2", ""),
                                                                      ("reports", "S9", "5")]
    rerun = Quarantine(work, stage="images")  # the operator fixed S1; the rerun replaces only its own stage
    rerun.add("images/S2/ap.png", None, None, "S2", "unreadable image", "truncated PNG")
    rerun.write()
    rows = Quarantine(work).read()
    assert sorted((r["stage"], r["study_id"]) for r in rows) == [("images", "S2"), ("reports", "S9")]
    assert not [p for p in work.iterdir() if p.name.endswith(".tmp")] and path.name == "quarantine.csv"
    assert path.read_text().splitlines()[0] == "stage,source,row,column,study_id,reason,detail"
