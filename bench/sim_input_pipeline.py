"""The default simulation's input pipeline against its model step, measured in the same run.

What `fedrad sim run`'s arms feed the network: synthetic radiographs (sim.synth, two views per
study), the default run config's preprocessing (64 px, `percentile` standardization) and training
augmentation (flip, rotation, photometric scanner look scaled to 64 px), fetched through
client.task.make_loader with the sim's 0 workers. Timed per batch:

- data, batched: the DataLoader's batched fetch (StudyDataset.__getitems__: one photometric and one
  standardization pass over the batch), as the arms train;
- data, one by one: the same samples fetched one at a time (what a dataset without batched fetch,
  e.g. a plain ConcatDataset, pays);
- model step: forward + backward + AdamW of the default two-view ResNet50 (channels_last, torch's
  threads) on those batches.

Rounds alternate (data, data one by one, model) so drifting load hits all alike; medians are
reported, wall and process-CPU time, with the load average. Target: data / model step < 5%.

    .venv/bin/python bench/sim_input_pipeline.py [--studies 96] [--rounds 3] [--steps 3]
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import torch
from fedrad.client.task import make_loader
from fedrad.common.dataset import StudyDataset
from fedrad.common.model import build_model
from fedrad.common.preprocess import TensorCache
from fedrad.common.train import make_optimizer, masked_bce_with_logits
from fedrad.sim.run import DEFAULT_RUN
from fedrad.sim.synth import synthesize


class OneByOne(torch.utils.data.Dataset):
    """The same samples without batched fetch: the DataLoader calls __getitem__ per sample."""

    def __init__(self, ds: StudyDataset):
        self.ds = ds

    def __len__(self) -> int:
        return len(self.ds)

    def __getitem__(self, i: int):
        return self.ds[i]


def studies_of(site: Path) -> list[tuple[str, dict[str, Path]]]:
    by_study: dict[str, dict[str, Path]] = {}
    with open(site / "images.csv", newline="", encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            by_study.setdefault(row["study_id"], {})[row["view"]] = site / row["path"]
    return sorted(by_study.items())


def timed(fn) -> tuple[float, float]:
    w, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--studies", type=int, default=96, help="synthetic studies (two views each)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--steps", type=int, default=3, help="model steps timed per round")
    args = ap.parse_args()
    run = DEFAULT_RUN
    cfg, augment = run.preprocess(), run.augmentation()
    template = run.template()
    print(f"default sim input: {cfg.size} px, intensity {cfg.intensity}, augmentation {augment}")
    print(f"torch threads {torch.get_num_threads()}, load average before: {os.getloadavg()[0]:.2f}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        synthesize(Path(tmp) / "h", sites=1, studies_per_site=args.studies, regions=(run.region,),
                   external_site=False, seed=0, progress=False, workers=1)
        site = next(p for p in (Path(tmp) / "h" / "sites").iterdir() if p.name.startswith("site-"))
        studies = [(sid, v) for sid, v in studies_of(site) if all(k in v for k in template.views)]
        k = len(template)
        y = (np.random.default_rng(0).random((len(studies), k)) < 0.3).astype(np.float32)
        ds = StudyDataset(studies, template.views, y, np.ones_like(y), cfg, cache=TensorCache(Path(tmp) / "c"),
                          augment=augment, seed=0)
        ds.preload(progress=False)
        ds.set_epoch(0)
        batched = make_loader(ds, run.batch_size, train=True, num_workers=0)
        single = make_loader(OneByOne(ds), run.batch_size, train=True, num_workers=0)
        model = build_model(replace(run.model_config(), pretrained=None)).to(memory_format=torch.channels_last)
        model.train()
        opt = make_optimizer(model, run.train_config())
        batches = list(batched)

        def step(i: int) -> None:
            x, yb, m = batches[i % len(batches)]
            opt.zero_grad(set_to_none=True)
            masked_bce_with_logits(model(x), yb, m).backward()
            opt.step()

        step(0)  # warm-up (allocations, oneDNN primitives)
        rates: dict[str, list[tuple[float, float]]] = {"data, batched": [], "data, one by one": [], "model step": []}
        for r in range(args.rounds):
            w, c = timed(lambda: list(batched))
            rates["data, batched"].append((w / len(batches), c / len(batches)))
            w, c = timed(lambda: list(single))
            rates["data, one by one"].append((w / len(batches), c / len(batches)))
            w, c = timed(lambda: [step(i) for i in range(args.steps)])
            rates["model step"].append((w / args.steps, c / args.steps))
            print(f"round {r + 1}: " + "   ".join(f"{name} {v[-1][0] * 1000:.0f} ms" for name, v in rates.items())
                  + f"   (load {os.getloadavg()[0]:.1f})", flush=True)
    med = {name: (statistics.median(v[0] for v in vals), statistics.median(v[1] for v in vals))
           for name, vals in rates.items()}
    for name, (w, c) in med.items():
        print(f"{name:>17}: {w * 1000:8.1f} ms wall, {c * 1000:8.1f} ms CPU per batch of {run.batch_size} studies")
    step_w, step_c = med["model step"]
    for name in ("data, batched", "data, one by one"):
        print(f"{name} / model step: {med[name][0] / step_w * 100:.1f}% wall, {med[name][1] / step_c * 100:.1f}% CPU")
    print(f"batched fetch speed-up over one by one: {med['data, one by one'][0] / med['data, batched'][0]:.1f}x wall")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print("PASS" if med["data, batched"][0] / step_w < 0.05 else "OVER TARGET (5%)")


if __name__ == "__main__":
    main()
