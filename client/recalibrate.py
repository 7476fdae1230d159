"""`fedrad client recalibrate`: operating points for this hospital, chosen at this hospital.

A model trained elsewhere ranks a new hospital's studies well long before its thresholds fit
them (issue 13): a new scanner moves every score. Two site-side remedies, no Flower import:

- BatchNorm recalibration (`--bn`): re-estimate the network's BatchNorm statistics on this
  hospital's own *unlabeled* images (the recipe for an unseen hospital when the federation ran
  with site-local statistics, FedBN-style, and useful after any scanner change). Writes a
  recalibrated checkpoint beside the model. The statistics are those the coordinator's test sets and
  the sites' validation use (common.train.predict_set_bn: the whole set's own mean and variance, one
  recipe), so a hospital's recalibrated model scores its images as the report scored an external set.
- Threshold recalibration: per finding, the Youden threshold (common.metrics.youden_thresholds,
  the one threshold rule) on a small *verified* local sample, recorded beside the model as
  `<model>.thresholds-<site>.json` with the sample's counts, so nobody uses a threshold without
  knowing how many positives chose it.

Nothing leaves the site: the outputs are files in the model's folder at the site.
"""

from __future__ import annotations

import hashlib
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
from fedrad.common.errors import FedradError
from fedrad.common.train import predict_set_bn

__all__ = ["recalibrate_site", "read_thresholds", "RecalibrationError"]


class RecalibrationError(FedradError, ValueError):
    """Bad inputs for recalibration (named with file and reason)."""


@dataclass
class RecalibrationResult:
    thresholds_file: Path
    bn_checkpoint: Path | None
    n_sample: int
    thresholds: dict[str, float | None]
    n_pos: dict[str, int]
    warnings: list[str] = field(default_factory=list)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def recalibrate_site(site: str | os.PathLike, model_path: str | os.PathLike, region: str, *,
                     labels: str | os.PathLike | None = None, split: str = "val", bn: bool = False,
                     batch_size: int = 16, device: str = "auto", min_support: int | None = None
                     ) -> RecalibrationResult:
    """Recalibrate `model_path` for the prepared site `site`.

    The verified sample is `labels` (a true/false label file from `fedrad label review read`;
    every study must be in the site's manifest), or else the site's own labels of `split`, with
    uncertain cells left out (masked) rather than guessed. With `bn`, BatchNorm statistics are
    first re-estimated on every image of the region at the site (no labels used).
    """
    from fedrad.client.prepare import read_manifest
    from fedrad.common.dataset import StudyDataset
    from fedrad.common.device import pick_device
    from fedrad.common.fileio import write_json
    from fedrad.common.labels import Label, LabelFileError, read_label_file
    from fedrad.common.metrics import MIN_SUPPORT, youden_thresholds
    from fedrad.common.model import CheckpointError, load_checkpoint, save_checkpoint
    from fedrad.common.preprocess import Preprocess, TensorCache
    from fedrad.common.templates import load_template
    from fedrad.common.train import predict

    site, model_path = Path(site), Path(model_path)
    min_support = MIN_SUPPORT if min_support is None else min_support
    template = load_template(region)
    try:
        model, mcfg, ckpt = load_checkpoint(model_path, template=template)
    except (CheckpointError, FileNotFoundError) as exc:
        raise RecalibrationError(f"{model_path}: {exc}") from None
    dev = pick_device(device)
    rows = read_manifest(site, region)
    if not rows:
        raise RecalibrationError(f"{site}: no studies of region '{region}' in the manifest "
                                 "(run `fedrad client prepare`)")
    pre = Preprocess(size=mcfg.image_size, channels=mcfg.channels, intensity=mcfg.intensity)
    cache = TensorCache(site / ".fedrad" / "image-cache")
    k = len(template)

    def dataset(rs, y=None, m=None) -> StudyDataset:
        n = len(rs)
        return StudyDataset([(r.study_id, r.views) for r in rs], template.views,
                            np.zeros((n, k), np.float32) if y is None else y,
                            np.ones((n, k), np.float32) if m is None else m, pre, cache=cache)

    bn_path = None
    if bn:
        loader = torch.utils.data.DataLoader(dataset(rows), batch_size=batch_size, shuffle=False)
        predict_set_bn(model, loader, dev)  # sets the statistics (the scores are not needed here)
        bn_path = model_path.with_name(f"{model_path.stem}.bn-{site.name}.pt")
        save_checkpoint(bn_path, model, mcfg, epoch=ckpt.get("epoch"),
                        extra={"bn_recalibrated_on": site.name, "bn_images": len(rows),
                               "source_sha256": _sha256(model_path)})
    if labels:
        try:
            table = read_label_file(labels, template, allow_uncertain=False)
        except LabelFileError as exc:
            raise RecalibrationError(str(exc)) from None
        by_id = {r.study_id: r for r in rows}
        unknown = [s for s in table.study_ids if s not in by_id]
        if unknown:
            raise RecalibrationError(f"{labels}: study '{unknown[0]}' is not in the site's {region} manifest "
                                     f"({len(unknown)} unknown)")
        sample = [by_id[s] for s in table.study_ids]
        states = table.matrix()
        source = str(Path(labels).resolve())
    else:
        sample = [r for r in rows if r.split == split]
        if not sample:
            raise RecalibrationError(f"{site}: the {region} manifest has no '{split}' studies")
        table = read_label_file(site / ".fedrad" / f"labels-{region}.csv", template).subset(
            [r.study_id for r in sample])
        states = table.matrix()
        source = f"site labels, split '{split}'"
    y = (states == Label.TRUE).astype(np.float32)
    m = (states != Label.UNCERTAIN).astype(np.float32)  # uncertain cells are left out, never guessed
    loader = torch.utils.data.DataLoader(dataset(sample, y, m), batch_size=batch_size, shuffle=False)
    scores, yy, mm = predict(model.to(dev), loader, dev)
    thr, problems = youden_thresholds(yy, scores, mm)
    truth = (yy >= 0.5) & (mm > 0)
    n_pos = {fid: int(truth[:, j].sum()) for j, fid in enumerate(template.ids)}
    n_neg = {fid: int(((yy < 0.5) & (mm > 0))[:, j].sum()) for j, fid in enumerate(template.ids)}
    warnings = []
    findings = {}
    for j, fid in enumerate(template.ids):
        note = None
        if problems[j]:
            note = f"no threshold: {problems[j]} in the sample"
        elif min(n_pos[fid], n_neg[fid]) < min_support:
            note = (f"chosen on {n_pos[fid]} positives and {n_neg[fid]} negatives (< {min_support}): "
                    "verify more studies before relying on it")
        if note:
            warnings.append(f"{fid}: {note}")
        findings[fid] = {"threshold": thr[j], "n_pos": n_pos[fid], "n_neg": n_neg[fid], "note": note}
    out = model_path.with_name(f"{model_path.stem}.thresholds-{site.name}.json")
    write_json(out, {"format": "fedrad-thresholds", "version": 1, "site": site.name, "region": region,
                     "model": model_path.name, "model_sha256": _sha256(model_path),
                     "bn_checkpoint": bn_path.name if bn_path else None, "rule": "youden",
                     "sample": {"source": source, "studies": len(sample)}, "findings": findings})
    return RecalibrationResult(out, bn_path, len(sample), {f: v["threshold"] for f, v in findings.items()}, n_pos,
                               warnings)


def read_thresholds(path: str | os.PathLike) -> dict[str, float | None]:
    """{finding: threshold} from a thresholds file written by recalibrate_site."""
    import json

    data = json.loads(Path(path).read_text())
    if data.get("format") != "fedrad-thresholds":
        raise RecalibrationError(f"{path}: not a fedrad thresholds file")
    return {f: (None if v["threshold"] is None or math.isnan(v["threshold"]) else float(v["threshold"]))
            for f, v in data["findings"].items()}


def describe(res: RecalibrationResult) -> dict[str, Any]:
    return {"thresholds_file": str(res.thresholds_file), "bn_checkpoint": str(res.bn_checkpoint or ""),
            "sample_studies": res.n_sample, "thresholds": res.thresholds, "positives": res.n_pos,
            "warnings": res.warnings}
