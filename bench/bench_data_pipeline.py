"""How much the image pipeline costs next to a ResNet50 training step.

Prints: cold decode+letterbox per image (16-bit PNG, CR DICOM uncompressed and JPEG 2000),
hot-path cost per batch (cached images, augmentation, normalization, collate) and its ratio to
a measured ResNet50 forward+backward step on the same batch. Target: hot path < 10% of the step.

    .venv/bin/python bench/bench_data_pipeline.py [--size 128] [--batch 16] [--no-model]
"""

from __future__ import annotations

import argparse
import contextlib
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]

from fedrad.common.dataset import StudyDataset  # noqa: E402
from fedrad.common.imageio import read_image  # noqa: E402
from fedrad.common.preprocess import Augment, Preprocess, TensorCache, letterbox  # noqa: E402

PNG_DIR = ROOT.parent / "shared" / "data" / "grazpedwri-dx-subset" / "images"


def _time(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=128)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--studies", type=int, default=256)
    ap.add_argument("--no-model", action="store_true", help="skip the ResNet50 step measurement")
    args = ap.parse_args()
    torch.set_num_threads(2)
    cfg = Preprocess(size=args.size)

    pngs = sorted(PNG_DIR.glob("*.png"))
    files = {"16-bit PNG (~600x900)": pngs[0]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pydicom import data

        for name in ("RG3_UNCR.dcm", "RG3_J2KR.dcm", "RG1_UNCR.dcm", "RG1_J2KR.dcm"):
            with contextlib.suppress(Exception):  # pydicom-data not installed: skip the DICOM rows
                files[f"DICOM {name}"] = Path(data.get_testdata_file(name))
    print(f"cold read_image + letterbox({args.size}) per image:")
    for label, f in files.items():
        t = _time(lambda f=f: letterbox(read_image(f), args.size), repeat=2)
        print(f"  {label:28s} {t * 1000:8.1f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        cache = TensorCache(Path(tmp))
        studies = [(f"S{i}", {"ap": pngs[i % 9], "lateral": pngs[(i + 1) % 9]}) for i in range(args.studies)]
        y = np.zeros((args.studies, 5), np.float32)
        ds = StudyDataset(studies, ["ap", "lateral"], y, np.ones_like(y), cfg, cache=cache, augment=Augment())
        ds.preload(progress=False)
        ds.set_epoch(0)
        loader = torch.utils.data.DataLoader(ds, batch_size=args.batch, shuffle=True, num_workers=0)
        next(iter(loader))
        t = time.perf_counter()
        batches = list(loader)
        n = len(batches)
        xb = batches[-1][0]
        per_batch = (time.perf_counter() - t) / n
        print(f"hot epoch over cached {args.size} px images, 2 views, batch {args.batch}, augment on, 0 workers:")
        print(f"  {per_batch * 1000:.1f} ms per batch ({per_batch / (args.batch * 2) * 1e6:.0f} us per image); "
              f"cache {cache.stats}")
        ds.augment = None
        t = time.perf_counter()
        for _ in loader:
            pass
        print(f"  without augmentation: {(time.perf_counter() - t) / n * 1000:.1f} ms per batch")

    if args.no_model:
        # machine notes: ResNet50 128 px training ~17-22 images/s on 2 cores
        step = args.batch * 2 / 20.0
        print(f"ResNet50 step (from machine notes, 20 img/s): {step * 1000:.0f} ms")
    else:
        from torchvision.models import resnet50

        model = resnet50(num_classes=5).train()
        opt = torch.optim.SGD(model.parameters(), lr=0.01)
        x = xb.reshape(-1, *xb.shape[2:])

        def step_fn() -> None:
            opt.zero_grad()
            model(x).sum().backward()
            opt.step()

        step_fn()
        step = _time(step_fn, repeat=2)
        print(f"ResNet50 forward+backward on {x.shape[0]} images of {args.size} px: {step * 1000:.0f} ms")
    print(f"data pipeline / model step = {per_batch / step * 100:.2f}% (target < 10%)")


if __name__ == "__main__":
    main()
