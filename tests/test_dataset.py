"""StudyDataset over real radiographs: batch contract (B, V, C, H, W), cache use, preload, errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from fedrad.common.dataset import StudyDataset, preload_images
from fedrad.common.imageio import read_image
from fedrad.common.preprocess import Augment, Preprocess, TensorCache, letterbox, to_tensor

VIEWS = ("ap", "lateral")


@pytest.fixture(scope="module")
def studies(shared_data) -> list[tuple[str, dict[str, Path]]]:
    files = sorted((shared_data / "grazpedwri-dx-subset" / "images").glob("*.png"))
    # Four two-view studies from eight real images (the views come from different children:
    # fine for plumbing, which is all this tests).
    return [(f"S{i}", {"ap": files[2 * i], "lateral": files[2 * i + 1]}) for i in range(4)]


def _targets(n: int, k: int = 3) -> tuple[np.ndarray, np.ndarray]:
    y = (np.arange(n * k).reshape(n, k) % 2).astype(np.float32)
    m = np.ones((n, k), dtype=np.float32)
    m[0, 1] = 0
    return y, m


def test_item_contract_and_view_order(studies, tmp_path):
    cfg = Preprocess(size=64)
    y, m = _targets(len(studies))
    ds = StudyDataset(studies, VIEWS, y, m, cfg, cache=TensorCache(tmp_path / "c"))
    assert len(ds) == 4
    x, yi, mi = ds[0]
    assert x.shape == (2, 3, 64, 64) and x.dtype == torch.float32
    assert yi.dtype == mi.dtype == torch.float32 and yi.shape == mi.shape == (3,)
    torch.testing.assert_close(yi, torch.from_numpy(y[0]))
    assert mi[1] == 0
    for v, view in enumerate(VIEWS):  # views come in the order given, each exactly the reference pipeline
        ref = to_tensor(letterbox(read_image(studies[0][1][view]), 64), cfg)
        torch.testing.assert_close(x[v], ref, atol=1e-4, rtol=0)


def test_dataloader_batches_b_v_c_h_w(studies):
    y, m = _targets(len(studies))
    ds = StudyDataset(studies, VIEWS, y, m, Preprocess(size=32, channels=1))  # no cache: decodes directly
    xb, yb, mb = next(iter(torch.utils.data.DataLoader(ds, batch_size=3)))
    assert xb.shape == (3, 2, 1, 32, 32) and yb.shape == mb.shape == (3, 3)


def test_augmentation_is_reproducible_across_workers_and_varies_by_epoch(studies, tmp_path):
    cfg = Preprocess(size=48)
    y, m = _targets(len(studies))
    cache = TensorCache(tmp_path / "c")
    ds = StudyDataset(studies, VIEWS, y, m, cfg, cache=cache, augment=Augment(), seed=5)
    assert ds.preload(progress=False) == {}

    def epoch(workers: int, e: int) -> torch.Tensor:
        ds.set_epoch(e)
        loader = torch.utils.data.DataLoader(ds, batch_size=2, num_workers=workers)
        return torch.cat([b[0] for b in loader])

    e0 = epoch(0, 0)
    torch.testing.assert_close(epoch(0, 0), e0, atol=0, rtol=0)
    torch.testing.assert_close(epoch(2, 0), e0, atol=0, rtol=0)  # same with worker processes
    assert not torch.allclose(epoch(0, 1), e0)  # a new epoch draws new flips/angles
    plain = StudyDataset(studies, VIEWS, y, m, cfg, cache=cache)
    assert not torch.allclose(plain[0][0], e0[0])

    # without set_epoch: torch's global RNG, as a trainer that seeds torch per epoch expects
    free = StudyDataset(studies, VIEWS, y, m, cfg, cache=cache, augment=Augment(), seed=5)
    torch.manual_seed(11)
    a = free[0][0]
    b = free[0][0]
    torch.manual_seed(11)
    torch.testing.assert_close(free[0][0], a, atol=0, rtol=0)
    assert not torch.allclose(a, b)


def test_preload_fills_cache_then_epochs_do_not_decode(studies, tmp_path):
    cfg = Preprocess(size=40)
    y, m = _targets(len(studies))
    cache = TensorCache(tmp_path / "c")
    ds = StudyDataset(studies, VIEWS, y, m, cfg, cache=cache)
    assert ds.preload(progress=False) == {}
    assert cache.stats.misses == 8
    for _ in range(2):
        for i in range(len(ds)):
            ds[i]
    assert cache.stats.misses == 8 and cache.stats.memory_hits == 16
    assert cache.stats.hashed == 8  # each file's content hashed once, not per epoch

    again = TensorCache(tmp_path / "c")  # next run: index + disk entries, nothing decoded or hashed
    StudyDataset(studies, VIEWS, y, m, cfg, cache=again).preload(progress=False)
    assert (again.stats.misses, again.stats.hashed, again.stats.disk_hits) == (0, 0, 8)


def test_preload_reports_unreadable_images(studies, tmp_path):
    broken = tmp_path / "broken.png"
    broken.write_bytes(Path(studies[1][1]["ap"]).read_bytes()[:5000])
    bad_studies = [studies[0], ("S_bad", {"ap": broken, "lateral": studies[1][1]["lateral"]})]
    y, m = _targets(2)
    ds = StudyDataset(bad_studies, VIEWS, y, m, Preprocess(size=32), cache=TensorCache(tmp_path / "c"))
    failed = ds.preload(progress=False)
    assert list(failed) == [broken] and "truncated" in failed[broken]
    assert ds.studies_with(failed) == ["S_bad"]


def test_preload_with_worker_processes(studies, tmp_path):
    cfg = Preprocess(size=40)
    paths = [p for _, v in studies for p in v.values()]
    paths.append(tmp_path / "missing.png")
    cache = TensorCache(tmp_path / "c")
    failed = preload_images(paths, cfg, cache, progress=False, workers=2)
    assert list(failed) == [tmp_path / "missing.png"] and "not found" in failed[tmp_path / "missing.png"]
    assert len(list((tmp_path / "c").rglob("*.npy"))) == 8
    before = cache.stats.misses
    got = cache.get(paths[0], cfg)  # the parent adopted the workers' results into memory
    assert cache.stats.misses == before and cache.stats.memory_hits == 1
    np.testing.assert_allclose(got, letterbox(read_image(paths[0]), 40), atol=1e-4)


def test_construction_errors_name_study_and_view(studies):
    y, m = _targets(2)
    two = [studies[0], ("S_half", {"ap": studies[1][1]["ap"]})]
    with pytest.raises(ValueError, match=r"S_half.*'lateral'"):
        StudyDataset(two, VIEWS, y, m, Preprocess(size=32))
    with pytest.raises(ValueError, match="targets must have shape"):
        StudyDataset(studies, VIEWS, y, m, Preprocess(size=32))
    with pytest.raises(ValueError, match="mask shape"):
        StudyDataset(studies[:2], VIEWS, y, m[:, :2], Preprocess(size=32))
    with pytest.raises(ValueError, match="listed twice"):
        StudyDataset([studies[0], studies[0]], VIEWS, y, m, Preprocess(size=32))


def test_batched_fetch_gives_every_sample_its_own_result(studies, tmp_path):
    """A DataLoader batch goes through __getitems__ (one photometric and one standardization pass over
    the batch); each sample is still what it is alone, whatever batch or position it lands in."""
    from fedrad.common.dataset import ConcatStudies

    cfg = Preprocess(size=48, intensity="percentile")
    y, m = _targets(len(studies))
    cache = TensorCache(tmp_path / "c")
    aug = Augment(photometric=True, detail_scale=48 / 256)
    ds = StudyDataset(studies, VIEWS, y, m, cfg, cache=cache, augment=aug, seed=3)
    ds.set_epoch(2)
    alone = [ds[i] for i in range(len(ds))]
    got = ds.__getitems__([3, 0, 2])
    for (x, yi, mi), i in zip(got, [3, 0, 2], strict=True):
        torch.testing.assert_close(x, alone[i][0], atol=0, rtol=0)
        torch.testing.assert_close(yi, alone[i][1], atol=0, rtol=0)
        torch.testing.assert_close(mi, alone[i][2], atol=0, rtol=0)
    xb = next(iter(torch.utils.data.DataLoader(ds, batch_size=4)))[0]
    torch.testing.assert_close(xb, torch.stack([a[0] for a in alone]), atol=0, rtol=0)

    other = StudyDataset(studies[:3], VIEWS, y[:3], m[:3], cfg, cache=cache, augment=aug, seed=9)
    other.set_epoch(2)
    both = ConcatStudies([ds, other])
    mixed = both.__getitems__([5, 1, 4, -1, 0])  # 5 -> other[1], 4 -> other[0], -1 -> other[2]
    expect = [other[1], ds[1], other[0], other[2], ds[0]]
    for (x, yi, _), (ex, ey, _) in zip(mixed, expect, strict=True):
        torch.testing.assert_close(x, ex, atol=0, rtol=0)
        torch.testing.assert_close(yi, ey, atol=0, rtol=0)
    assert not torch.equal(mixed[2][0], ds[0][0])  # other part, other seed: other augmentation
    with pytest.raises(IndexError):
        both.__getitems__([len(both)])
