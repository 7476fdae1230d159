"""From a decoded radiograph to the model's input: letterbox, standardize, normalize, augment, cache.

The cache holds the letterboxed [0, 1] image (before standardization, normalization and
augmentation), so channel count, intensity mode, mean/std and augmentation can change without
invalidating it, and epochs after the first neither decode nor touch the disk.

Why per-image intensity standardization: a scanner's window, detector curve and processing
(contrast, gamma, air level) move every pixel of every image of a hospital the same way. A
network trained elsewhere then sees shifted inputs, its BatchNorm statistics no longer fit and
all its scores drift, so the operating points chosen on the training hospitals' validation data
flag nearly every study at a new hospital (issue 13). `percentile` (the run default: a robust
window of the image's own content, from the 1st percentile of all of it to the 99th percentile
of its central body region) removes contrast, window and air level; gamma, noise, blur and
exposure gradients are what the photometric training augmentation covers. The upper end comes
from the body region because a radiograph's brightest pixels are often not anatomy: unexposed
collimation bands at the borders and burned-in side markers are near-white. When they set the
window (the synthetic external hospital collimates 80% of its images), the bones of that
hospital land at 0.7 instead of 1.0 and every score shifts; measured on the default simulation,
the median of the standardized centre was 0.51 external vs 0.69-0.75 internal with the window
over all content, 0.73 vs 0.71-0.75 with the body window.
`equalize` (each pixel -> its intensity rank) is invariant to any monotone transfer curve,
gamma included, but it stretches flat noisy air over a wide range: on a small synthetic
shift (tests/test_transfer.py) it cost most of the signal, so it is an option, not the default.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from fedrad.common.fileio import atomic_open, sha256_file, write_json
from fedrad.common.imageio import IMAGEIO_VERSION, ImageReadError, read_image

if TYPE_CHECKING:
    import torch
# torch is imported inside the functions that need it, so that decode worker processes
# (preload) start without loading torch: several seconds saved per worker on a small machine.

LETTERBOX_VERSION = 1  # bump when letterbox() changes its output: part of the cache key
IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)
# One channel: the mean of the ImageNet statistics, which matches a pretrained first layer
# whose RGB kernels were summed into one grey kernel.
GREY_MEAN = (0.449,)
GREY_STD = (0.226,)
INTENSITY_MODES = ("none", "percentile", "equalize")
# The one default input side (px): the run config's image-size, `client prepare`'s cache and `client start`'s
# pre-decode all use it, so a default run reads what a default prepare cached (the study used 512).
DEFAULT_IMAGE_SIZE = 128
# What a run trains on beyond its run config: bump when preprocessing or augmentation changes meaning
# (e.g. 2: photometric blur/noise scale with the input side). `fedrad sim run` reuses a finished arm only
# when its recipe matches as well as its config, so an upgrade never mixes arms trained the old way in.
RECIPE = "2"


@dataclass(frozen=True)
class Preprocess:
    """Model input settings. Defaults: DEFAULT_IMAGE_SIZE px, grey copied to 3 channels, ImageNet statistics."""

    size: int = DEFAULT_IMAGE_SIZE
    channels: int = 3
    mean: tuple[float, ...] | None = None  # None: ImageNet (3 channels) or its average (1 channel)
    std: tuple[float, ...] | None = None
    intensity: str = "none"  # per-image standardization before mean/std: none | percentile | equalize

    def __post_init__(self) -> None:
        if self.intensity not in INTENSITY_MODES:
            raise ValueError(f"intensity must be one of {', '.join(INTENSITY_MODES)}, got {self.intensity!r}")
        if self.channels not in (1, 3):
            raise ValueError(f"channels must be 1 or 3, got {self.channels}")
        if not isinstance(self.size, int) or self.size < 8:
            raise ValueError(f"size must be an integer >= 8, got {self.size!r}")
        mean = tuple(float(v) for v in self.mean) if self.mean is not None else \
            (IMAGENET_MEAN if self.channels == 3 else GREY_MEAN)
        std = tuple(float(v) for v in self.std) if self.std is not None else \
            (IMAGENET_STD if self.channels == 3 else GREY_STD)
        if len(mean) != self.channels or len(std) != self.channels:
            raise ValueError(f"mean/std need {self.channels} values each, got {len(mean)} and {len(std)}")
        if any(s <= 0 for s in std):
            raise ValueError(f"std values must be > 0, got {std}")
        object.__setattr__(self, "mean", mean)
        object.__setattr__(self, "std", std)

    def key(self) -> str:
        """Cache key: only what changes the cached (letterboxed, unnormalized) array.

        Channels and mean/std are applied after the cache, so changing them reuses it.
        """
        return f"s{self.size}-io{IMAGEIO_VERSION}-lb{LETTERBOX_VERSION}"


def letterbox(img: np.ndarray, size: int) -> np.ndarray:
    """Fit the longer side to `size` keeping the aspect ratio; pad with zeros, centred.

    Antialiased bilinear (PIL's resize widens the filter when shrinking), so thin cortical
    lines and fracture gaps are averaged rather than aliased, and unlike Lanczos it never
    overshoots outside [0, 1].
    """
    from PIL import Image

    img = np.asarray(img, dtype=np.float32)
    if img.ndim != 2 or img.size == 0:
        raise ValueError(f"letterbox needs a non-empty 2-D image, got shape {img.shape}")
    h, w = img.shape
    scale = size / max(h, w)
    nh, nw = max(1, min(size, round(h * scale))), max(1, min(size, round(w * scale)))
    if (nh, nw) != (h, w):
        resized = Image.fromarray(img).resize((nw, nh), Image.Resampling.BILINEAR)
        img = np.asarray(resized, dtype=np.float32)
    out = np.zeros((size, size), dtype=np.float32)
    top, left = (size - nh) // 2, (size - nw) // 2
    out[top:top + nh, left:left + nw] = np.clip(img, 0.0, 1.0)
    return out


# The input side at which Augment's blur and noise ranges hold (the synthetic hospitals' native size).
DETAIL_REFERENCE_SIZE = 256
PERCENTILES = (1.0, 99.0)  # robust window of `percentile` standardization: low over the content, high over the body
# Share of the content's bounding box left out on each side for the upper percentile: collimation
# bands (up to a tenth of the width) and side markers (top corners) lie outside, the anatomy inside.
BODY_MARGIN = 0.2


def body_mask(content: np.ndarray) -> np.ndarray:
    """(N, H, W) content masks -> masks of each image's body region: the content pixels of the central
    part of the content's bounding box, or all its content when that part holds fewer than 16 pixels."""
    n, h, w = content.shape
    rows, cols = content.any(axis=2), content.any(axis=1)
    r0, c0 = rows.argmax(axis=1), cols.argmax(axis=1)
    r1, c1 = h - rows[:, ::-1].argmax(axis=1), w - cols[:, ::-1].argmax(axis=1)
    dr = (BODY_MARGIN * (r1 - r0)).astype(np.int64)  # int() of a positive float: truncation
    dc = (BODY_MARGIN * (c1 - c0)).astype(np.int64)
    ri, ci = np.arange(h), np.arange(w)
    in_rows = (ri >= (r0 + dr)[:, None]) & (ri < (r1 - dr)[:, None])
    in_cols = (ci >= (c0 + dc)[:, None]) & (ci < (c1 - dc)[:, None])
    body = content & in_rows[:, :, None] & in_cols[:, None, :]
    small = body.sum(axis=(1, 2)) < 16
    body[small] = content[small]
    return body


def masked_percentile(a: np.ndarray, mask: np.ndarray, q: float) -> np.ndarray:
    """Per image of (N, H, W): np.percentile(a[i][mask[i]], q) (linear interpolation), vectorised;
    NaN for an image whose mask is empty."""
    n = a.shape[0]
    flat = np.where(mask, a, np.inf).reshape(n, -1)
    s = np.sort(flat, axis=1).astype(np.float64)
    count = mask.reshape(n, -1).sum(axis=1)
    pos = q / 100.0 * np.maximum(count - 1, 0)
    lo_i = np.floor(pos).astype(np.int64)
    hi_i = np.minimum(lo_i + 1, np.maximum(count - 1, 0))
    rows = np.arange(n)
    below, above, t = s[rows, lo_i], s[rows, hi_i], pos - lo_i
    with np.errstate(invalid="ignore"):  # inf - inf of an empty mask: NaN, as documented
        out = np.where(t >= 0.5, above - (above - below) * (1 - t), below + (above - below) * t)  # numpy's _lerp
    return np.where(count > 0, out, np.nan)


def standardize_batch(a: np.ndarray, mode: str) -> np.ndarray:
    """Letterboxed [0, 1] images (N, H, W) -> [0, 1], each independent of its scanner's intensity window.

    Letterbox padding (exactly 0) is excluded from the statistics and stays 0, so an image's
    aspect ratio does not change its mapping. `percentile`: linear map of the content's 1st
    percentile (air) .. the body region's 99th percentile (bone; see body_mask) to 0..1,
    clipped, so bright collimation bands and markers saturate instead of setting the window.
    `equalize`: each pixel becomes its rank among the content pixels (ties share their mean
    rank), scaled to (0, 1]: the same output for any monotone transfer curve, window or gamma.
    Each image's result is the same whatever else is in the batch; `percentile` is vectorised
    over the batch (numpy: one sort per batch instead of two np.percentile calls per image).
    """
    if mode == "none":
        return a
    a = np.asarray(a, dtype=np.float32)
    if a.ndim != 3:
        raise ValueError(f"standardize_batch needs (N, H, W) images, got shape {a.shape}")
    content = a > 0
    count = content.sum(axis=(1, 2))
    vmax = np.where(content, a, -np.inf).max(axis=(1, 2), initial=-np.inf)
    vmin = np.where(content, a, np.inf).min(axis=(1, 2), initial=np.inf)
    flat = (count < 2) | ~(vmax - vmin >= 1e-6)  # no contrast to standardize
    if mode == "percentile":
        lo = masked_percentile(a, content, PERCENTILES[0])
        hi = masked_percentile(a, body_mask(content), PERCENTILES[1])
        narrow = ~(hi - lo >= 1e-6)
        lo, hi = np.where(narrow, vmin, lo), np.where(narrow, vmax, hi)
        with np.errstate(invalid="ignore", divide="ignore"):  # flat images are overwritten below
            lo32, scale = lo.astype(np.float32), (hi - lo).astype(np.float32)
            out = np.clip((a - lo32[:, None, None]) / scale[:, None, None], 0.0, 1.0)
    elif mode == "equalize":
        out = np.zeros_like(a)
        for i in np.flatnonzero(~flat):
            out[i][content[i]] = _equalize(a[i][content[i]])
    else:
        raise ValueError(f"unknown intensity mode {mode!r}")
    out = np.where(flat[:, None, None], np.float32(0.5), out)
    return np.where(content, out, np.float32(0.0)).astype(np.float32, copy=False)


def _equalize(vals: np.ndarray) -> np.ndarray:
    # Quantize to 12 bits first: ties (flat air, clipped collimation) share one rank and
    # tiny float differences do not reorder them; then the mid-rank of each level.
    q = np.minimum((vals * 4095.0 + 0.5).astype(np.int64), 4095)
    hist = np.bincount(q, minlength=4096)
    cdf = np.cumsum(hist)
    mid = (cdf - hist / 2.0) / vals.size
    return mid[q].astype(np.float32)


def standardize(img: np.ndarray, mode: str) -> np.ndarray:
    """One letterboxed [0, 1] image (H, W) -> [0, 1] (standardize_batch of one image)."""
    if mode == "none":
        return img
    return standardize_batch(np.asarray(img, dtype=np.float32)[None], mode)[0]


def normalize(x: np.ndarray | torch.Tensor, cfg: Preprocess) -> torch.Tensor:
    """(..., 1, H, W) in [0, 1] -> float32 tensor (..., C, H, W); grey is copied to C channels.

    With `cfg.intensity` other than "none" every (H, W) image is standardized first (the whole
    batch at once: a DataLoader batch arrives here through StudyDataset.__getitems__).

    numpy, not torch, on purpose (also in Augment): the pipeline's work must stay single-threaded.
    torch's intra-op threads on tiny tensors cost 5-25 ms per call on a busy 2-core machine
    (measured), which would make the data pipeline rival the ResNet50 step.
    """
    import torch

    a = x.detach().cpu().numpy() if isinstance(x, torch.Tensor) else np.asarray(x)
    if cfg.intensity != "none":
        flat = np.asarray(a, dtype=np.float32).reshape(-1, *a.shape[-2:])
        a = standardize_batch(flat, cfg.intensity).reshape(a.shape)
    mean = np.asarray(cfg.mean, dtype=np.float32).reshape(-1, 1, 1)
    inv_std = (1.0 / np.asarray(cfg.std, dtype=np.float32)).reshape(-1, 1, 1)
    # Broadcasting the single grey channel against (C, 1, 1) does the copy to C channels.
    return torch.from_numpy((a.astype(np.float32, copy=False) - mean) * inv_std)


def to_tensor(img_letterboxed: np.ndarray | torch.Tensor, cfg: Preprocess) -> torch.Tensor:
    """(H, W) letterboxed [0, 1] image -> normalized float32 (C, H, W)."""
    import torch

    a = img_letterboxed.detach().cpu().numpy() if isinstance(img_letterboxed, torch.Tensor) else \
        np.asarray(img_letterboxed, dtype=np.float32)
    if a.ndim != 2:
        raise ValueError(f"to_tensor needs a 2-D image, got shape {tuple(a.shape)}")
    return normalize(a[None], cfg)


@dataclass(frozen=True)
class Augment:
    """Training augmentation: the study's horizontal flip and rotation in +-max_rotation_deg,
    plus (photometric=True) a scanner's look: contrast, gamma, air level, exposure gradient,
    blur and noise, each drawn per view, so the network cannot tie a finding to one
    hospital's detector (issue 13). Ranges cover and exceed the spread between hospitals.

    Blur and noise are a detector's and happen at its resolution; the letterbox's antialiased
    downsampling shrinks both with the input side. Their ranges are set for a DETAIL_REFERENCE_SIZE
    input and scaled by `detail_scale` (input side / that size; RunConfig.augmentation sets it):
    blur sigma by detail_scale, noise by min(1, detail_scale). Unscaled at 64 px they were 3-5x the
    external hospital's high-frequency noise (median |image - 3x3 mean| after standardisation 0.026
    augmented vs 0.0088 external, 0.005 internal; scaled: 0.0077).

    Each view gets its own flip and angle: AP and lateral are different projections, not
    registered to each other, so tying them would only reduce augmentation variety.
    Apply it to *unnormalized* images (0 = black = padding): rotation fills with 0.
    Random draws use the torch generator (reproducible per seed); the pixel work is PIL's
    bilinear rotation, single-threaded (see normalize()).
    """

    flip_p: float = 0.5
    max_rotation_deg: float = 30.0
    photometric: bool = False
    contrast: tuple[float, float] = (0.65, 1.35)  # multiplies deviations from the image's content mean
    gamma: tuple[float, float] = (0.7, 1.6)
    level: float = 0.12  # max added air level (x -> b + (1 - b) x)
    heel: float = 0.15  # max left-right exposure gradient
    blur_p: float = 0.5  # share of views blurred
    max_blur_sigma: float = 1.2  # px of a DETAIL_REFERENCE_SIZE input (x detail_scale at the model's size)
    max_noise: float = 0.04  # sigma of additive Gaussian noise at DETAIL_REFERENCE_SIZE, drawn uniformly in [0, max]
    detail_scale: float = 1.0  # model input side / DETAIL_REFERENCE_SIZE

    def __call__(self, x: np.ndarray | torch.Tensor, generator: torch.Generator | None = None) -> torch.Tensor:
        """x: (V, C, H, W) -> float32 tensor of the same shape; deterministic for a seeded generator."""
        import torch

        a = x.detach().cpu().numpy() if isinstance(x, torch.Tensor) else np.asarray(x)
        if a.ndim != 4:
            raise ValueError(f"Augment expects (V, C, H, W), got shape {tuple(a.shape)}")
        return torch.from_numpy(self.batch(a[None], [generator])[0])

    def batch(self, x: np.ndarray, generators: list[torch.Generator | None]) -> np.ndarray:
        """x: (N, V, C, H, W) float32, one generator per sample -> augmented float32 array of that shape.

        Sample i's output depends on x[i] and generators[i] alone (not on the rest of the batch), and
        its random draws come in the order a one-sample call makes them: flips (V), angles (V), the
        photometric parameters (V x 7), then one noise field per view and channel that gets noise.
        The per-image work is the flip and PIL's rotation; the photometric pixel work runs once over
        the whole batch (numpy, single-threaded: see normalize()).
        """
        import torch
        from PIL import Image

        a = np.asarray(x, dtype=np.float32)
        if a.ndim != 5 or len(generators) != a.shape[0]:
            raise ValueError(f"Augment.batch expects (N, V, C, H, W) and N generators, got shape {tuple(a.shape)} "
                             f"and {len(generators)} generator(s)")
        n, v, c, h, w = a.shape
        out = np.empty(a.shape, dtype=np.float32)
        photo = np.zeros((n, v, 7), dtype=np.float32)
        noise = np.zeros(a.shape, dtype=np.float32)
        for s, generator in enumerate(generators):
            flips = (torch.rand(v, generator=generator) < self.flip_p).tolist()
            angles = ((torch.rand(v, generator=generator) * 2 - 1) * self.max_rotation_deg).tolist()
            # Photometric draws come after the geometric ones, so turning them on leaves the
            # geometric sequence of a seed unchanged.
            if self.photometric:
                photo[s] = torch.rand(v, 7, generator=generator).numpy()
            for i in range(v):
                for ch in range(c):
                    img = a[s, i, ch]
                    if flips[i]:
                        img = img[:, ::-1]
                    if angles[i]:
                        img = np.asarray(Image.fromarray(np.ascontiguousarray(img)).rotate(
                            angles[i], resample=Image.Resampling.BILINEAR, fillcolor=0.0))
                    out[s, i, ch] = img
                    if self.photometric and self._noise_sigma(photo[s, i]) > 0 and (img > 0).any():
                        noise[s, i, ch] = torch.randn((h, w), generator=generator).numpy()
        if not self.photometric:
            return out
        u = np.broadcast_to(photo[:, :, None], (n, v, c, 7)).reshape(-1, 7)
        flat = self._scanner_look(out.reshape(-1, h, w), u, noise.reshape(-1, h, w))
        return flat.reshape(a.shape)

    def _noise_sigma(self, u: np.ndarray) -> np.ndarray:
        """Noise std from the 7th photometric draw: one (u of shape (7,)) or per image (u of shape (M, 7))."""
        return self.max_noise * min(1.0, self.detail_scale) * np.asarray(u[..., 6], dtype=np.float64)

    def _scanner_look(self, x: np.ndarray, u: np.ndarray, noise: np.ndarray) -> np.ndarray:
        """Contrast, gamma, air level, heel gradient, blur, noise on [0, 1] images (M, H, W) with their
        parameters u (M, 7) and unit noise fields (M, H, W); padding stays 0, empty images stay as they are."""
        content = x > 0
        count = content.sum(axis=(1, 2))
        col = lambda t: np.asarray(t, dtype=np.float32)[:, None, None]  # noqa: E731  per image -> broadcastable
        lerp = lambda r, t: r[0] + (r[1] - r[0]) * t.astype(np.float64)  # noqa: E731
        mean = (np.where(content, x, 0).sum(axis=(1, 2), dtype=np.float64) / np.maximum(count, 1))
        y = col(mean) + (x - col(mean)) * col(lerp(self.contrast, u[:, 0]))
        y = np.clip(y, 0.0, 1.0) ** col(lerp(self.gamma, u[:, 1]))
        b = col(self.level * u[:, 2].astype(np.float64))
        y = b + (1.0 - b) * y
        ramp = np.linspace(-0.5, 0.5, x.shape[2], dtype=np.float32)[None, None, :]
        y = y * (1.0 + col(self.heel * (2 * u[:, 3].astype(np.float64) - 1)) * ramp)
        sigma = np.where(u[:, 4] < self.blur_p, self.max_blur_sigma * self.detail_scale * u[:, 5].astype(np.float64), 0)
        y = gaussian_blur_batch(y, sigma)
        y = y + col(self._noise_sigma(u)) * noise
        y = np.clip(y, 1e-3, 1.0)  # content never becomes padding (0)
        y = np.where(content, y, np.float32(0.0))
        return np.where((count > 0)[:, None, None], y, x).astype(np.float32, copy=False)


def gaussian_blur_batch(img: np.ndarray, sigma: np.ndarray) -> np.ndarray:
    """Separable Gaussian blur of float32 images (M, H, W), each with its own sigma (M,), edges replicated.

    Image i is convolved with exp(-t^2 / 2 sigma_i^2) over t in [-r_i, r_i], r_i = ceil(2.5 sigma_i)
    (at least 1), normalized; sigma_i <= 0.05 leaves it unchanged. The kernels are zero-padded to the
    batch's widest, so one pass of shifted sums serves the whole batch.
    """
    img = np.asarray(img, dtype=np.float32)
    sigma = np.asarray(sigma, dtype=np.float64).reshape(-1)
    blur = sigma > 0.05
    if not blur.any():
        return img
    m, h, w = img.shape
    radius = np.where(blur, np.maximum(1, np.ceil(2.5 * np.where(blur, sigma, 1.0))), 0).astype(np.int64)
    r = int(radius.max())
    t = np.arange(-r, r + 1, dtype=np.float32)[None, :]
    with np.errstate(divide="ignore"):
        k = np.exp(-0.5 * (t / np.where(blur, sigma, 1.0).astype(np.float32)[:, None]) ** 2)
    k = np.where(np.abs(t) <= radius[:, None], k, 0).astype(np.float32)
    k[~blur] = 0
    k[~blur, r] = 1
    k /= k.sum(axis=1, keepdims=True)
    p = np.pad(img, ((0, 0), (r, r), (r, r)), mode="edge")
    hor = sum(k[:, i, None, None] * p[:, :, i:i + w] for i in range(2 * r + 1))
    return sum(k[:, i, None, None] * hor[:, i:i + h, :] for i in range(2 * r + 1)).astype(np.float32)


def gaussian_blur(img: np.ndarray, sigma: float) -> np.ndarray:
    """Separable Gaussian blur of a float32 (H, W) image, edges replicated (PIL cannot blur float images)."""
    return gaussian_blur_batch(np.asarray(img, dtype=np.float32)[None], np.array([sigma]))[0]


# --- tensor cache ----------------------------------------------------------------------------

_U16 = np.float32(65535.0)


@dataclass
class CacheStats:
    memory_hits: int = 0
    disk_hits: int = 0
    misses: int = 0  # decoded from the original file
    hashed: int = 0  # files whose content was hashed (first sight or changed)

    @property
    def hits(self) -> int:
        return self.memory_hits + self.disk_hits


@dataclass
class TensorCache:
    """Letterboxed images on disk under `root`, keyed by sha256(file content) + cfg.key().

    - Content keys: an edited file never hits a stale entry, a renamed or copied file hits.
    - Hashing costs a full read, so (path, size, mtime_ns, ctime_ns, inode) -> hash is
      remembered in memory and in `root/hash-index.json` (saved by save_index()); ctime and
      inode catch a replaced file even when a copy tool preserved size and mtime.
    - Entries are uint16 .npy (65536 levels: lossless for 16-bit sources at half of float32),
      written atomically: concurrent DataLoader workers may write the same entry, the last
      rename wins and both wrote identical bytes.
    - An in-memory layer (up to `memory_limit_mb`) makes later epochs free of decode and IO.
      With DataLoader workers each process has its own copy; fill it (preload) before the
      loader forks and the workers inherit it.
    """

    root: Path
    memory_limit_mb: float = 4096.0
    stats: CacheStats = field(default_factory=CacheStats)

    def __post_init__(self) -> None:
        self.root = Path(self.root)
        self._memory: dict[tuple[str, str], np.ndarray] = {}
        self._memory_bytes = 0
        self._hashes: dict[tuple[str, int, int, int, int], str] = {}
        self._lock = threading.Lock()
        self._index_dirty = False
        self._load_index()

    # public API

    def get(self, path: str | os.PathLike, cfg: Preprocess) -> np.ndarray:
        """Letterboxed float32 (size, size) in [0, 1]; raises ImageReadError for a bad image."""
        return self.get_u16(path, cfg).astype(np.float32) / _U16

    def get_u16(self, path: str | os.PathLike, cfg: Preprocess) -> np.ndarray:
        """As get() but the stored uint16 array (shared with the memory layer: do not modify)."""
        digest = self.content_hash(path)
        key = (digest, cfg.key())
        arr = self._memory.get(key)
        if arr is not None:
            self.stats.memory_hits += 1
            return arr
        file = self.entry_path(digest, cfg)
        arr = self._load_entry(file, cfg.size)
        if arr is not None:
            self.stats.disk_hits += 1
        else:
            self.stats.misses += 1
            arr = encode_u16(letterbox(read_image(path), cfg.size))
            self.root.mkdir(parents=True, exist_ok=True)
            with atomic_open(file, "wb") as fh:
                np.save(fh, arr, allow_pickle=False)
        self._remember(key, arr)
        return arr

    def content_hash(self, path: str | os.PathLike) -> str:
        path = os.fspath(path)
        try:
            st = os.stat(path)
        except FileNotFoundError:
            raise ImageReadError(path, "file not found") from None
        except OSError as exc:
            raise ImageReadError(path, f"cannot stat ({exc.strerror or exc})") from None
        sig = file_signature(path, st)
        digest = self._hashes.get(sig)
        if digest is None:
            try:
                digest = sha256_file(path)
            except OSError as exc:
                raise ImageReadError(path, f"cannot read ({exc.strerror or exc})") from None
            with self._lock:
                self._hashes[sig] = digest
                self._index_dirty = True
            self.stats.hashed += 1
        return digest

    def entry_path(self, digest: str, cfg: Preprocess) -> Path:
        return self.root / cfg.key() / digest[:2] / f"{digest}.npy"

    def contains(self, path: str | os.PathLike, cfg: Preprocess) -> bool:
        digest = self.content_hash(path)
        return (digest, cfg.key()) in self._memory or self.entry_path(digest, cfg).is_file()

    def put(self, digest: str, cfg: Preprocess, arr_u16: np.ndarray, *, sig: tuple | None = None) -> None:
        """Adopt an entry computed elsewhere (preload worker processes)."""
        if sig is not None:
            with self._lock:
                self._hashes[tuple(sig)] = digest
                self._index_dirty = True
        self._remember((digest, cfg.key()), arr_u16)

    def clear_memory(self) -> None:
        self._memory.clear()
        self._memory_bytes = 0

    @property
    def index_file(self) -> Path:
        return self.root / "hash-index.json"

    def save_index(self) -> None:
        """Persist path -> content-hash memory so the next run does not re-hash every file."""
        if not self._index_dirty:
            return
        with self._lock:
            latest = {sig[0]: [*sig, digest] for sig, digest in self._hashes.items()}  # newest per path
            rows = list(latest.values())
            self._index_dirty = False
        write_json(self.index_file, {"version": 1, "entries": rows})

    # internals

    def _remember(self, key: tuple[str, str], arr: np.ndarray) -> None:
        if key in self._memory or self._memory_bytes + arr.nbytes > self.memory_limit_mb * 2**20:
            return
        with self._lock:
            self._memory[key] = arr
            self._memory_bytes += arr.nbytes

    @staticmethod
    def _load_entry(file: Path, size: int) -> np.ndarray | None:
        try:
            arr = np.load(file, allow_pickle=False)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, EOFError):
            return None  # a damaged entry (disk full, foreign file) is recomputed and overwritten
        if arr.shape != (size, size) or arr.dtype != np.uint16:
            return None
        return arr

    def _load_index(self) -> None:
        with contextlib.suppress(FileNotFoundError, ValueError, OSError, TypeError, KeyError):
            data = json.loads(self.index_file.read_text(encoding="utf-8"))
            if data.get("version") == 1:
                for row in data["entries"]:
                    path, size, mtime, ctime, ino, digest = row
                    self._hashes[(str(path), int(size), int(mtime), int(ctime), int(ino))] = str(digest)

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state.pop("_lock", None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()


def encode_u16(img: np.ndarray) -> np.ndarray:
    return np.rint(np.clip(img, 0.0, 1.0) * _U16).astype(np.uint16)


def decode_u16(arr: np.ndarray) -> np.ndarray:
    return arr.astype(np.float32) / _U16


def file_signature(path: str | os.PathLike, st: os.stat_result | None = None) -> tuple[str, int, int, int, int]:
    """What must stay equal for a remembered content hash to be trusted."""
    st = st or os.stat(path)
    return os.path.abspath(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


_WORKER_CACHES: dict[str, TensorCache] = {}


def decode_into_cache(path: str, root: str, cfg: Preprocess):
    """Process-pool task of preload: lives here, not in common.dataset, so workers never import torch.

    Returns (path, signature, digest, uint16 array, None) or (path, None, None, None, reason).
    """
    cache = _WORKER_CACHES.get(root)
    if cache is None:  # one per worker process: the hash index is loaded once, not per image
        cache = _WORKER_CACHES[root] = TensorCache(Path(root), memory_limit_mb=0)
    try:
        arr = cache.get_u16(path, cfg)
        return path, file_signature(path), cache.content_hash(path), arr, None
    except ImageReadError as exc:
        return path, None, None, None, exc.reason
    except OSError as exc:  # e.g. the file vanished between decode and stat
        return path, None, None, None, f"cannot read ({exc.strerror or exc})"
