"""Test sets the coordinator holds: exported folders (pixels-only PNGs, images.csv and verified
true/false `labels-<region>.csv`, see site-data.md), and evaluating a model on them.

No Flower import: used by the ServerApp after every round and by `fedrad report`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from fedrad.common.errors import FedradError
from fedrad.common.labels import Label, read_label_file
from fedrad.common.sitefiles import Quarantine, pair_views, read_image_index, work_dir
from fedrad.common.templates import Template


class TestSetError(FedradError, ValueError):
    """A test-set folder cannot be used; the message names the folder or file."""


@dataclass
class TestSet:
    name: str
    folder: Path
    study_ids: list[str]
    views: list[dict[str, Path]]
    truth: np.ndarray  # (N, K) 0/1, verified
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> count (quarantined in the folder's work dir)

    def __len__(self) -> int:
        return len(self.study_ids)


def load_test_set(name: str, folder: str | Path, template: Template) -> TestSet:
    folder = Path(folder)
    labels_file = folder / f"labels-{template.region}.csv"
    if not folder.is_dir():
        raise TestSetError(f"test set '{name}': folder {folder} does not exist")
    if not labels_file.is_file():
        raise TestSetError(f"test set '{name}': {labels_file} not found (export it with `fedrad client export`)")
    labels = read_label_file(labels_file, template, allow_uncertain=False)
    index, problems = read_image_index(folder)
    q = Quarantine(work_dir(folder), stage=f"testset:{template.region}")
    q.add_problems(problems)
    known = set(labels.study_ids)
    pairs = pair_views({s: v for s, v in index.items() if s in known}, template.views, q)
    for sid in labels.study_ids:
        if sid not in index:
            q.add(str(labels_file), None, "study_id", sid, "no images")
    q.write()
    ids = [s for s, _ in pairs]
    truth = (labels.subset(ids).matrix() == Label.TRUE).astype(np.int8)
    return TestSet(name, folder, ids, [v for _, v in pairs], truth.reshape(len(ids), len(template)), q.counts())


def content_fingerprint(folder: str | Path, region: str) -> str:
    """sha256 over the files that define a test set (images.csv, labels-<region>.csv).

    A re-export draws new random study ids (and may hold other studies), so anything cached
    about a test set (e.g. a run's predictions) is keyed by this, not by the folder's name.
    """
    import hashlib

    h = hashlib.sha256()
    for f in ("images.csv", f"labels-{region}.csv"):
        p = Path(folder) / f
        h.update(f.encode() + b"\0" + (p.read_bytes() if p.is_file() else b"") + b"\0")
    return h.hexdigest()


def test_set_dataset(ts: TestSet, *, image_size: int, channels: int, views: tuple[str, ...], intensity: str = "none"):
    """The test set's images as the model reads them, letterboxed once into the folder's work-dir cache."""
    from fedrad.common.dataset import StudyDataset
    from fedrad.common.preprocess import Preprocess, TensorCache

    k = ts.truth.shape[1]
    return StudyDataset(list(zip(ts.study_ids, ts.views, strict=True)), views, ts.truth.astype(np.float32),
                        np.ones((len(ts), k), np.float32),
                        Preprocess(size=image_size, channels=channels, intensity=intensity),
                        cache=TensorCache(work_dir(ts.folder) / "image-cache"))


def warm_test_set_cache(ts: TestSet, *, image_size: int, channels: int, views: tuple[str, ...],
                        intensity: str = "none", workers: int = 0) -> dict:
    """Decode and letterbox every image of the test set into its cache once, when the coordinator receives the
    set: the first scoring then reads cached tensors like every later one (the default sim run's first arm paid
    ~3 s of decoding that the arms after it did not; issue 15, session 18)."""
    ds = test_set_dataset(ts, image_size=image_size, channels=channels, views=views, intensity=intensity)
    return ds.preload(progress=False, workers=workers)  # {path: reason} of images that failed (scoring names them)


def predict_test_set(model, ts: TestSet, *, image_size: int, channels: int, views: tuple[str, ...],
                     batch_size: int = 32, device=None, intensity: str = "none",
                     recalibrate_bn: bool = False, timings: dict[str, float] | None = None) -> np.ndarray:
    """Sigmoid scores (N, K) of `model` on a test set (images cached in the folder's work dir).

    recalibrate_bn: score a copy whose BatchNorm statistics are the test set's own images' (labels unused;
    common.train.predict_set_bn): the recipe for a hospital that never trained when the federation kept
    site-local BatchNorm statistics (run config `bn-local`). `timings` (optional) receives the seconds
    of scoring, BatchNorm statistics included (`predict_s`)."""
    import time

    import torch
    from fedrad.common.device import pick_device
    from fedrad.common.train import predict

    device = device or pick_device("auto")
    ds = test_set_dataset(ts, image_size=image_size, channels=channels, views=views, intensity=intensity)
    loader = torch.utils.data.DataLoader(ds, batch_size=batch_size, shuffle=False)
    t0 = time.perf_counter()
    if recalibrate_bn:
        import copy

        from fedrad.common.train import predict_set_bn

        scores, _, _ = predict_set_bn(copy.deepcopy(model), loader, device, amp=device.type == "cuda")
    else:
        scores, _, _ = predict(model.to(device), loader, device, amp=device.type == "cuda")
    if timings is not None:
        timings.update(predict_s=time.perf_counter() - t0)
    return scores
