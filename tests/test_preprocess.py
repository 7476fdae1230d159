"""Letterbox, normalization, augmentation and the tensor cache on real radiographs."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import numpy as np
import pytest
import torch
from fedrad.common.imageio import ImageReadError, read_image
from fedrad.common.preprocess import (
    DEFAULT_IMAGE_SIZE,
    IMAGENET_MEAN,
    IMAGENET_STD,
    Augment,
    Preprocess,
    TensorCache,
    gaussian_blur,
    gaussian_blur_batch,
    letterbox,
    standardize,
    standardize_batch,
    to_tensor,
)
from PIL import Image


@pytest.fixture(scope="module")
def pngs(shared_data) -> list[Path]:
    return sorted((shared_data / "grazpedwri-dx-subset" / "images").glob("*.png"))


def test_preprocess_defaults_and_validation():
    cfg = Preprocess()
    assert (cfg.size, cfg.channels, cfg.mean, cfg.std) == (DEFAULT_IMAGE_SIZE, 3, IMAGENET_MEAN, IMAGENET_STD)
    grey = Preprocess(channels=1)
    assert len(grey.mean) == len(grey.std) == 1
    with pytest.raises(ValueError, match="channels"):
        Preprocess(channels=2)
    with pytest.raises(ValueError, match="mean/std"):
        Preprocess(channels=1, mean=(0.5, 0.5, 0.5))
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.size = 128  # type: ignore[misc]


def test_key_changes_with_cached_settings_only():
    assert Preprocess(size=128).key() != Preprocess(size=224).key()
    # channels and mean/std are applied after the cache: the cached array is the same
    assert Preprocess(size=128, channels=1).key() == Preprocess(size=128, channels=3).key()


def test_letterbox_keeps_aspect_and_pads_with_zeros(pngs):
    img = read_image(pngs[0])  # 614 x 444, portrait
    h, w = img.shape
    out = letterbox(img, 128)
    assert out.shape == (128, 128) and out.dtype == np.float32
    nw = round(w * 128 / h)
    left = (128 - nw) // 2
    assert abs(nw / 128 - w / h) < 1 / 128
    assert np.all(out[:, :left] == 0) and np.all(out[:, left + nw:] == 0)
    assert out[:, left:left + nw].mean() == pytest.approx(img.mean(), abs=0.02)  # content fills the rest
    wide = letterbox(img.T, 128)  # landscape: padding moves to top and bottom
    assert np.all(wide[:left] == 0) and np.all(wide[left + nw:] == 0)
    np.testing.assert_allclose(wide, out.T, atol=1e-6)


def test_letterbox_antialiases():
    stripes = np.tile(np.array([0.0, 1.0], dtype=np.float32), (512, 256))  # 1-px vertical stripes
    out = letterbox(stripes, 64)
    # Nearest/point sampling would alias to all-0 or all-1 columns; an antialiased resize averages.
    assert np.abs(out - 0.5).max() < 0.05


def test_letterbox_upsamples_small_images():
    small = np.linspace(0, 1, 20 * 10, dtype=np.float32).reshape(20, 10)
    out = letterbox(small, 64)
    assert out.shape == (64, 64) and out.min() >= 0 and out.max() <= 1
    assert np.all(out[:, :16] == 0) and out[:, 16:48].max() > 0.9


def test_to_tensor_normalizes_and_copies_grey():
    img = np.zeros((32, 32), dtype=np.float32)
    img[8:24, 8:24] = 0.75
    t = to_tensor(img, Preprocess(size=32))
    assert t.shape == (3, 32, 32) and t.dtype == torch.float32
    mean, std = torch.tensor(IMAGENET_MEAN).view(3, 1, 1), torch.tensor(IMAGENET_STD).view(3, 1, 1)
    back = t * std + mean
    torch.testing.assert_close(back, torch.from_numpy(img).expand(3, 32, 32), atol=1e-6, rtol=0)
    one = to_tensor(img, Preprocess(size=32, channels=1))
    assert one.shape == (1, 32, 32)


def test_augment_shape_determinism_and_independent_views(pngs):
    views = torch.from_numpy(np.stack([letterbox(read_image(p), 64) for p in pngs[:2]]))[:, None]
    aug = Augment()
    a = aug(views, torch.Generator().manual_seed(7))
    b = aug(views, torch.Generator().manual_seed(7))
    c = aug(views, torch.Generator().manual_seed(8))
    assert a.shape == views.shape and a.dtype == torch.float32
    torch.testing.assert_close(a, b, atol=0, rtol=0)
    assert not torch.allclose(a, c)
    same = views[:1].expand(6, -1, -1, -1)
    out = aug(same, torch.Generator().manual_seed(3))
    assert len({round(float(o.sum()), 3) for o in out}) > 1  # each view draws its own flip/angle


def test_augment_flip_only_is_an_exact_mirror(pngs):
    x = torch.from_numpy(letterbox(read_image(pngs[3]), 64))[None, None]
    out = Augment(flip_p=1.0, max_rotation_deg=0.0)(x, torch.Generator().manual_seed(0))
    torch.testing.assert_close(out, x.flip(-1), atol=1e-5, rtol=0)
    same = Augment(flip_p=0.0, max_rotation_deg=0.0)(x, torch.Generator().manual_seed(0))
    torch.testing.assert_close(same, x)


def test_augment_rotation_stays_within_bounds():
    x = torch.zeros(1, 1, 65, 65)
    x[..., 32, 40:] = 1.0  # a ray from the centre to the right
    out = Augment(flip_p=0.0, max_rotation_deg=30.0)(x.expand(40, -1, -1, -1), torch.Generator().manual_seed(1))
    yy, xx = np.mgrid[0:65, 0:65] - 32
    far = np.hypot(yy, xx) > 12  # centroid of the ray's outer part: sub-degree angle estimate per view
    angles = []
    for view in out[:, 0].numpy():
        w = view * far
        angles.append(np.degrees(np.arctan2((w * yy).sum(), (w * xx).sum())))
    angles = np.abs(angles)
    assert angles.max() <= 30.5 and angles.max() > 20  # rotated, but never beyond +-30


# --- cache ------------------------------------------------------------------------------------

def test_cache_hits_misses_and_matches_direct_path(pngs, tmp_path):
    cfg = Preprocess(size=96)
    root = tmp_path / "cache"
    cache = TensorCache(root)
    first = cache.get(pngs[0], cfg)
    assert (cache.stats.misses, cache.stats.hits) == (1, 0)
    np.testing.assert_allclose(first, letterbox(read_image(pngs[0]), 96), atol=1 / 65535 + 1e-7)
    again = cache.get(pngs[0], cfg)
    assert (cache.stats.misses, cache.stats.memory_hits, cache.stats.hashed) == (1, 1, 1)  # hashed once
    np.testing.assert_array_equal(first, again)
    entries = list(root.rglob("*.npy"))
    assert len(entries) == 1 and np.load(entries[0]).dtype == np.uint16
    assert not list(root.rglob("*.tmp"))
    cache.save_index()

    fresh = TensorCache(root)  # a new process: the disk layer and the saved hash index answer
    np.testing.assert_array_equal(fresh.get(pngs[0], cfg), first)
    assert (fresh.stats.misses, fresh.stats.disk_hits, fresh.stats.hashed) == (0, 1, 0)


def test_cache_is_keyed_by_content_and_settings(pngs, tmp_path):
    cfg = Preprocess(size=64)
    cache = TensorCache(tmp_path / "cache")
    f = tmp_path / "ap.png"
    shutil.copy(pngs[0], f)
    a = cache.get(f, cfg)
    renamed = tmp_path / "renamed.png"
    shutil.copy(f, renamed)
    np.testing.assert_array_equal(cache.get(renamed, cfg), a)
    assert cache.stats.misses == 1  # same content under another name: a hit

    Image.open(pngs[1]).save(f)  # the hospital re-exported the file with other content
    b = cache.get(f, cfg)
    assert cache.stats.misses == 2 and not np.array_equal(a, b)
    np.testing.assert_allclose(b, letterbox(read_image(pngs[1]), 64), atol=1e-4)

    cache.get(f, Preprocess(size=80))  # other settings: another entry
    assert cache.stats.misses == 3
    cache.get(f, Preprocess(size=64, channels=1))  # channels do not change the cached array
    assert cache.stats.misses == 3


def test_cache_does_not_store_unreadable_images(tmp_path):
    bad = tmp_path / "bad.png"
    bad.write_text("not an image")
    cache = TensorCache(tmp_path / "cache")
    with pytest.raises(ImageReadError, match="bad.png"):
        cache.get(bad, Preprocess(size=32))
    assert not list((tmp_path / "cache").rglob("*.npy"))
    with pytest.raises(ImageReadError, match="not found"):
        cache.get(tmp_path / "gone.png", Preprocess(size=32))


def test_cache_memory_limit(pngs, tmp_path):
    cache = TensorCache(tmp_path / "cache", memory_limit_mb=0)
    cfg = Preprocess(size=32)
    cache.get(pngs[0], cfg)
    cache.get(pngs[0], cfg)
    assert (cache.stats.memory_hits, cache.stats.disk_hits) == (0, 1)


# --- batched pipeline: the same rule per image, whatever the batch ----------------------------

def _radiograph_like(rng: np.random.Generator, n: int, size: int = 40, degenerate: bool = True) -> np.ndarray:
    """Letterboxed-looking images: zero padding of varying width, an anatomy-like body, a bright
    collimation band on some, and (degenerate) three odd ones first: empty, flat, a single pixel."""
    out = np.zeros((n, size, size), dtype=np.float32)
    for i in range(n):
        pad = int(rng.integers(0, size // 4))
        body = rng.random((size, size - 2 * pad)).astype(np.float32) ** rng.uniform(0.5, 2.0)
        out[i, :, pad:size - pad] = 0.05 + 0.9 * body
        if i % 3 == 0:
            out[i, :, pad:pad + 3] = 0.99  # collimation band: must not set the window
    if not degenerate:
        return out
    out[0] = 0.0  # empty
    out[1, :, :] = 0.0
    out[1, 5:9, 5:9] = 0.4  # flat content
    out[2, :, :] = 0.0
    out[2, 7, 7] = 0.6  # a single content pixel
    return out


def _reference_percentile(img: np.ndarray) -> np.ndarray:
    """The percentile rule spelled out per image with np.percentile and slices (the definition)."""
    content = img > 0
    vals = img[content]
    out = np.zeros_like(img)
    if vals.size < 2 or vals.max() - vals.min() < 1e-6:
        out[content] = 0.5
        return out
    rows, cols = np.flatnonzero(content.any(axis=1)), np.flatnonzero(content.any(axis=0))
    r0, r1, c0, c1 = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    dr, dc = int(0.2 * (r1 - r0)), int(0.2 * (c1 - c0))
    sub = img[r0 + dr:r1 - dr, c0 + dc:c1 - dc]
    body = sub[sub > 0] if (sub > 0).sum() >= 16 else vals
    lo, hi = float(np.percentile(vals, 1.0)), float(np.percentile(body, 99.0))
    out[content] = np.clip((vals - lo) / (hi - lo), 0.0, 1.0)
    return out


def test_standardize_batch_is_the_per_image_percentile_rule():
    imgs = _radiograph_like(np.random.default_rng(0), 12)
    got = standardize_batch(imgs, "percentile")
    for i, img in enumerate(imgs):
        np.testing.assert_allclose(got[i], _reference_percentile(img), atol=2e-6, rtol=0, err_msg=f"image {i}")
        np.testing.assert_array_equal(got[i], standardize(img, "percentile"))  # alone = in a batch
    assert got.dtype == np.float32 and np.all(got[0] == 0) and np.all(got[1][imgs[1] > 0] == 0.5)
    np.testing.assert_array_equal(standardize_batch(imgs[::-1], "percentile"), got[::-1])  # order-free
    eq = standardize_batch(imgs, "equalize")
    for i, img in enumerate(imgs):
        np.testing.assert_array_equal(eq[i], standardize(img, "equalize"))
    assert standardize_batch(imgs, "none") is imgs


def test_gaussian_blur_batch_uses_each_images_own_sigma():
    rng = np.random.default_rng(1)
    imgs = rng.random((5, 20, 24)).astype(np.float32)
    sigmas = np.array([0.0, 0.3, 0.9, 0.04, 1.7])

    def reference(img: np.ndarray, sigma: float) -> np.ndarray:  # explicit separable convolution
        if sigma <= 0.05:
            return img
        r = max(1, int(np.ceil(2.5 * sigma)))
        k = np.exp(-0.5 * (np.arange(-r, r + 1) / sigma) ** 2)
        k /= k.sum()
        p = np.pad(img.astype(np.float64), r, mode="edge")
        rows = np.stack([np.convolve(row, k, mode="valid") for row in p])
        return np.stack([np.convolve(col, k, mode="valid") for col in rows.T]).T

    out = gaussian_blur_batch(imgs, sigmas)
    for i in range(len(imgs)):
        np.testing.assert_allclose(out[i], reference(imgs[i], sigmas[i]), atol=1e-5, rtol=0)
        np.testing.assert_array_equal(gaussian_blur(imgs[i], sigmas[i]), out[i])
    np.testing.assert_array_equal(out[0], imgs[0])  # no blur: untouched
    assert out[4].std() < out[1].std() < imgs[1].std()


def test_augment_batch_gives_each_sample_its_one_sample_result():
    rng = np.random.default_rng(2)
    x = np.stack([_radiograph_like(rng, 2, 48, degenerate=False) for _ in range(5)])[:, :, None]  # (5, V, 1, H, W)
    for aug in (Augment(), Augment(photometric=True, detail_scale=0.25), Augment(photometric=True)):
        seeds = [11, 12, 13, 14, 15]
        batch = aug.batch(x, [torch.Generator().manual_seed(s) for s in seeds])
        for i, s in enumerate(seeds):
            alone = aug(torch.from_numpy(x[i]), torch.Generator().manual_seed(s)).numpy()
            np.testing.assert_array_equal(batch[i], alone)
        rev = aug.batch(x[::-1].copy(), [torch.Generator().manual_seed(s) for s in seeds[::-1]])
        np.testing.assert_array_equal(rev[::-1], batch)
        assert not np.array_equal(batch[0], batch[1])
    with pytest.raises(ValueError, match="N generators"):
        Augment().batch(x, [None])


def test_augment_draws_in_the_one_sample_order():
    """The random stream is consumed as before batching: flips (V), angles (V), photometric (V x 7),
    then one noise field per view with content; so a seed gives the augmentation it always gave."""
    aug = Augment(photometric=True, detail_scale=0.25)
    x = np.full((1, 2, 1, 16, 16), 0.5, dtype=np.float32)
    g = torch.Generator().manual_seed(4)
    aug.batch(x, [g])
    ref = torch.Generator().manual_seed(4)
    flips, angles, photo = torch.rand(2, generator=ref), torch.rand(2, generator=ref), torch.rand(2, 7, generator=ref)
    assert flips.shape == angles.shape == (2,)
    n_noise = int((photo[:, 6] > 0).sum())
    for _ in range(n_noise):
        torch.randn((16, 16), generator=ref)
    torch.testing.assert_close(torch.rand(3, generator=g), torch.rand(3, generator=ref), atol=0, rtol=0)
