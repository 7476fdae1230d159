"""Studies (one image per view) as training samples: x (V, C, H, W), targets y (K,), mask m (K,).

The batch layout (B, V, C, H, W), views in the order the caller gives (the region template's
`views`), is the contract with common.model. Decoding is by far the slowest step, so
`preload()` fills the tensor cache once (optionally with a process pool) and every epoch
after that is a memory lookup plus augmentation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import numpy as np
import torch
from fedrad.common.imageio import ImageReadError, read_image
from fedrad.common.preprocess import (
    Augment,
    Preprocess,
    TensorCache,
    decode_into_cache,
    decode_u16,
    letterbox,
    normalize,
)

_SEED_MIX = 0x9E3779B97F4A7C15


class StudyDataset(torch.utils.data.Dataset):
    """One sample per study.

    Augmentation randomness: after set_epoch(e) it comes from (seed, epoch, index) alone, so a
    run is reproducible whatever the number of DataLoader workers (call it before every epoch;
    with persistent_workers=True the workers keep the epoch they were started with). Without
    set_epoch it comes from torch's global RNG as usual in PyTorch (reproducible when the
    trainer seeds torch and the loader's generator each epoch, for a fixed worker count).
    """

    def __init__(self, studies: Sequence[tuple[str, Mapping[str, str | Path]]], views: Sequence[str],
                 targets: np.ndarray, mask: np.ndarray, cfg: Preprocess, cache: TensorCache | None = None,
                 augment: Augment | None = None, seed: int = 0):
        self.views = tuple(views)
        if not self.views:
            raise ValueError("StudyDataset needs at least one view")
        self.study_ids: list[str] = []
        self.paths: list[tuple[Path, ...]] = []
        seen: set[str] = set()
        for sid, by_view in studies:
            sid = str(sid)
            if sid in seen:
                raise ValueError(f"study '{sid}' is listed twice")
            seen.add(sid)
            missing = [v for v in self.views if v not in by_view or by_view[v] in (None, "")]
            if missing:
                raise ValueError(f"study '{sid}' has no image for view '{missing[0]}' (needs {', '.join(self.views)}); "
                                 "quarantine it before building the dataset")
            self.study_ids.append(sid)
            self.paths.append(tuple(Path(by_view[v]) for v in self.views))
        n = len(self.study_ids)
        self.targets = np.ascontiguousarray(targets, dtype=np.float32)
        self.mask = np.ascontiguousarray(mask, dtype=np.float32)
        if self.targets.ndim != 2 or self.targets.shape[0] != n:
            raise ValueError(f"targets must have shape ({n}, K) for {n} studies, got {self.targets.shape}")
        if self.mask.shape != self.targets.shape:
            raise ValueError(f"mask shape {self.mask.shape} differs from targets shape {self.targets.shape}")
        self.cfg, self.cache, self.augment, self.seed = cfg, cache, augment, int(seed)
        self.epoch: int | None = None
        self._y = torch.from_numpy(self.targets)
        self._m = torch.from_numpy(self.mask)

    def __len__(self) -> int:
        return len(self.study_ids)

    def set_epoch(self, epoch: int) -> None:
        self.epoch = int(epoch)

    def image(self, path: Path) -> np.ndarray:
        """Letterboxed [0, 1] float32 image of one file (through the cache when there is one)."""
        if self.cache is not None:
            return decode_u16(self.cache.get_u16(path, self.cfg))
        return letterbox(read_image(path), self.cfg.size)

    def __getitem__(self, index: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        return self.__getitems__([index])[0]

    def __getitems__(self, indices: Sequence[int]) -> list[tuple[torch.Tensor, torch.Tensor, torch.Tensor]]:
        """A DataLoader batch in one call (torch's batched fetch): augmentation's photometric work and
        the intensity standardization run once over the batch's images instead of per image. A
        sample is the same whichever batch it is fetched in (its randomness is its own, see the class)."""
        indices = [int(i) for i in indices]
        x = np.stack([np.stack([self.image(p) for p in self.paths[i]]) for i in indices])[:, :, None]  # (N, V, 1, H, W)
        if self.augment is not None:
            x = self.augment.batch(x, [self._generator(i) for i in indices])
        x = normalize(x, self.cfg)
        return [(x[j], self._y[i], self._m[i]) for j, i in enumerate(indices)]

    def _generator(self, index: int) -> torch.Generator | None:
        if self.epoch is None:
            return None
        mixed = (self.seed * _SEED_MIX + self.epoch * 1_000_003 + index) % (2**63 - 1)
        return torch.Generator().manual_seed(mixed)

    def preload(self, progress: bool = True, workers: int = 0) -> dict[Path, str]:
        """Fill the cache for every image; returns {path: reason} for images that failed.

        The caller quarantines those studies (their study ids: `studies_with(paths)`). Without
        a cache there is nothing to fill and nothing is returned.
        """
        if self.cache is None:
            return {}
        paths = list(dict.fromkeys(p for ps in self.paths for p in ps))
        return preload_images(paths, self.cfg, self.cache, progress=progress, workers=workers)

    def studies_with(self, paths) -> list[str]:
        """Study ids that use any of `paths` (to quarantine studies whose image failed)."""
        bad = {Path(p) for p in paths}
        return [sid for sid, ps in zip(self.study_ids, self.paths, strict=True) if bad.intersection(ps)]


class ConcatStudies(torch.utils.data.ConcatDataset):
    """ConcatDataset of StudyDatasets (e.g. the pooled arm's union of sites) that keeps torch's batched
    fetch: a batch's indices are grouped per part and each part fetches its share in one call
    (StudyDataset.__getitems__), then the samples are put back in the batch's order. A sample is the
    one its part gives for its own index, as with ConcatDataset."""

    def __getitems__(self, indices: Sequence[int]) -> list:
        import bisect

        parts: dict[int, list[tuple[int, int]]] = {}
        for pos, idx in enumerate(int(i) for i in indices):
            if idx < 0:
                idx += len(self)
            if not 0 <= idx < len(self):
                raise IndexError(f"index {idx} out of range for {len(self)} samples")
            d = bisect.bisect_right(self.cumulative_sizes, idx)
            parts.setdefault(d, []).append((pos, idx - (self.cumulative_sizes[d - 1] if d else 0)))
        out: list = [None] * len(indices)
        for d, items in parts.items():
            ds = self.datasets[d]
            local = [i for _, i in items]
            got = ds.__getitems__(local) if callable(getattr(ds, "__getitems__", None)) else [ds[i] for i in local]
            for (pos, _), sample in zip(items, got, strict=True):
                out[pos] = sample
        return out


def preload_images(paths: Sequence[str | Path], cfg: Preprocess, cache: TensorCache, *, progress: bool = True,
                   workers: int = 0) -> dict[Path, str]:
    """Decode and cache `paths`; returns {path: reason} for unreadable ones (never raises for them).

    workers > 0 decodes in that many processes (spawned: safe with torch threads); entries
    land on disk from the workers and in this process's memory layer.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    paths = [Path(p) for p in paths]
    failed: dict[Path, str] = {}
    todo: list[Path] = []
    for p in paths:  # hash first: already-cached images only need a memory/disk load
        try:
            if cache.contains(p, cfg):
                cache.get_u16(p, cfg)
            else:
                todo.append(p)
        except ImageReadError as exc:
            failed[p] = exc.reason
    columns = (TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeRemainingColumn())
    with Progress(*columns, disable=not progress, transient=False) as bar:
        task = bar.add_task(f"decoding images ({cfg.size} px)", total=len(todo))
        if workers <= 0 or len(todo) < 8:
            for p in todo:
                try:
                    cache.get_u16(p, cfg)
                except ImageReadError as exc:
                    failed[p] = exc.reason
                bar.advance(task)
        else:
            import multiprocessing as mp
            from concurrent.futures.process import BrokenProcessPool

            pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"))
            try:
                futures = {pool.submit(decode_into_cache, str(p), str(cache.root), cfg): p for p in todo}
                for fut in as_completed(futures):
                    try:
                        path, sig, digest, arr, reason = fut.result()
                    except BrokenProcessPool:
                        raise RuntimeError(f"a decode worker died (out of memory or a decoder crash) around "
                                           f"{futures[fut]}; rerun with workers=0 to pin down the file") from None
                    if reason is not None:
                        failed[Path(path)] = reason
                    else:
                        cache.stats.misses += 1
                        cache.put(digest, cfg, arr, sig=sig)
                    bar.advance(task)
            finally:
                cache.save_index()  # keep the hashes learnt so far, also on Ctrl-C
                pool.shutdown(wait=True, cancel_futures=True)
    cache.save_index()
    if progress:
        ok = len(paths) - len(failed)
        from fedrad.common.clikit import make_console

        make_console(stderr=True).print(f"images: {ok} ready, {len(failed)} unreadable; {len(todo)} needed decoding, "
                                   f"{len(paths) - len(todo)} were already cached")
    return failed
