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
import math
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


def body_values(a: np.ndarray, content: np.ndarray) -> np.ndarray:
    """Content pixels of the central part of the content's bounding box (all content if that is tiny)."""
    rows, cols = np.flatnonzero(content.any(axis=1)), np.flatnonzero(content.any(axis=0))
    r0, r1, c0, c1 = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    dr, dc = int(BODY_MARGIN * (r1 - r0)), int(BODY_MARGIN * (c1 - c0))
    sub = a[r0 + dr:r1 - dr, c0 + dc:c1 - dc]
    vals = sub[sub > 0]
    return vals if vals.size >= 16 else a[content]


def standardize(img: np.ndarray, mode: str) -> np.ndarray:
    """One letterboxed [0, 1] image (H, W) -> [0, 1], independent of the scanner's intensity window.

    Letterbox padding (exactly 0) is excluded from the statistics and stays 0, so an image's
    aspect ratio does not change its mapping. `percentile`: linear map of the content's 1st
    percentile (air) .. the body region's 99th percentile (bone; see body_values) to 0..1,
    clipped, so bright collimation bands and markers saturate instead of setting the window.
    `equalize`: each pixel becomes its rank among
    the content pixels (ties share their mean rank), scaled to (0, 1]: the same output for any
    monotone transfer curve, window or gamma.
    """
    if mode == "none":
        return img
    a = np.asarray(img, dtype=np.float32)
    content = a > 0
    vals = a[content]
    out = np.zeros_like(a)
    if vals.size < 2 or float(vals.max() - vals.min()) < 1e-6:
        out[content] = 0.5  # flat image: no contrast to standardize
        return out
    if mode == "percentile":
        lo = float(np.percentile(vals, PERCENTILES[0]))
        hi = float(np.percentile(body_values(a, content), PERCENTILES[1]))
        if hi - lo < 1e-6:
            lo, hi = float(vals.min()), float(vals.max())
        out[content] = np.clip((vals - lo) / (hi - lo), 0.0, 1.0)
        return out
    if mode == "equalize":
        # Quantize to 12 bits first: ties (flat air, clipped collimation) share one rank and
        # tiny float differences do not reorder them; then the mid-rank of each level.
        q = np.minimum((vals * 4095.0 + 0.5).astype(np.int64), 4095)
        hist = np.bincount(q, minlength=4096)
        cdf = np.cumsum(hist)
        mid = (cdf - hist / 2.0) / vals.size
        out[content] = mid[q].astype(np.float32)
        return out
    raise ValueError(f"unknown intensity mode {mode!r}")


def normalize(x: np.ndarray | torch.Tensor, cfg: Preprocess) -> torch.Tensor:
    """(..., 1, H, W) in [0, 1] -> float32 tensor (..., C, H, W); grey is copied to C channels.

    With `cfg.intensity` other than "none" every (H, W) image is standardized first.

    numpy, not torch, on purpose (also in Augment): per-sample work must stay single-threaded.
    torch's intra-op threads on tiny tensors cost 5-25 ms per call on a busy 2-core machine
    (measured), which would make the data pipeline rival the ResNet50 step.
    """
    import torch

    a = x.detach().cpu().numpy() if isinstance(x, torch.Tensor) else np.asarray(x)
    if cfg.intensity != "none":
        flat = np.asarray(a, dtype=np.float32).reshape(-1, *a.shape[-2:])
        a = np.stack([standardize(im, cfg.intensity) for im in flat]).reshape(a.shape)
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
        from PIL import Image

        a = x.detach().cpu().numpy() if isinstance(x, torch.Tensor) else np.asarray(x)
        if a.ndim != 4:
            raise ValueError(f"Augment expects (V, C, H, W), got shape {tuple(a.shape)}")
        v = a.shape[0]
        flips = (torch.rand(v, generator=generator) < self.flip_p).tolist()
        angles = ((torch.rand(v, generator=generator) * 2 - 1) * self.max_rotation_deg).tolist()
        # Photometric draws come after the geometric ones, so turning them on leaves the
        # geometric sequence of a seed unchanged.
        photo = torch.rand(v, 7, generator=generator).numpy() if self.photometric else None
        out = np.empty(a.shape, dtype=np.float32)
        for i in range(v):
            for c in range(a.shape[1]):
                img = a[i, c].astype(np.float32, copy=False)
                if flips[i]:
                    img = img[:, ::-1]
                if angles[i]:
                    rotated = Image.fromarray(np.ascontiguousarray(img)).rotate(
                        angles[i], resample=Image.Resampling.BILINEAR, fillcolor=0.0)
                    img = np.asarray(rotated)
                if photo is not None:
                    img = self._scanner_look(img, photo[i], i, generator)
                out[i, c] = img
        return torch.from_numpy(out)

    def _scanner_look(self, img: np.ndarray, u: np.ndarray, view: int, generator) -> np.ndarray:
        """Contrast, gamma, air level, heel gradient, blur, noise on one [0, 1] image; padding stays 0."""
        import torch

        content = img > 0
        if not content.any():
            return img
        x = img.astype(np.float32, copy=True)
        mean = float(x[content].mean())
        lerp = lambda r, t: r[0] + (r[1] - r[0]) * float(t)  # noqa: E731
        x = mean + (x - mean) * lerp(self.contrast, u[0])
        x = np.clip(x, 0.0, 1.0) ** lerp(self.gamma, u[1])
        b = self.level * float(u[2])
        x = b + (1.0 - b) * x
        x = x * (1.0 + self.heel * (2 * float(u[3]) - 1) * np.linspace(-0.5, 0.5, x.shape[1], dtype=np.float32))[None]
        if u[4] < self.blur_p:
            x = gaussian_blur(x, self.max_blur_sigma * self.detail_scale * float(u[5]))
        sigma_n = self.max_noise * min(1.0, self.detail_scale) * float(u[6])
        if sigma_n > 0:
            g = torch.randn(x.shape, generator=generator).numpy()
            x = x + sigma_n * g
        x = np.clip(x, 1e-3, 1.0)  # content never becomes padding (0)
        x[~content] = 0.0
        return x


def gaussian_blur(img: np.ndarray, sigma: float) -> np.ndarray:
    """Separable Gaussian blur of a float32 (H, W) image, edges replicated (PIL cannot blur float images)."""
    if sigma <= 0.05:
        return img
    r = max(1, int(math.ceil(2.5 * sigma)))
    k = np.exp(-0.5 * (np.arange(-r, r + 1, dtype=np.float32) / sigma) ** 2)
    k /= k.sum()
    p = np.pad(img, r, mode="edge")
    h = sum(k[i] * p[:, i:i + img.shape[1]] for i in range(2 * r + 1))
    return sum(k[i] * h[i:i + img.shape[0], :] for i in range(2 * r + 1)).astype(np.float32)


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
