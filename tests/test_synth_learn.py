"""Learnability of the synthetic images (issue 3): a ResNet50 trained for a few minutes on CPU at 128 px
on one synthetic elbow site must find real signal on a held-out split (fracture AUC >= 0.85).

Trains on the report labels (inclusive policy: what a labeler would hand over) and scores
against the image truth of held-out studies (what the image really shows).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from fedrad.common.labels import read_csv_text, read_label_file  # noqa: E402
from fedrad.common.templates import load_template  # noqa: E402
from fedrad.sim.synth import synthesize  # noqa: E402

N_STUDIES = int(os.environ.get("FEDRAD_SYNTH_LEARN_STUDIES", "560"))
EPOCHS = int(os.environ.get("FEDRAD_SYNTH_LEARN_EPOCHS", "6"))


def _image_truth(path: Path, ids: list[str]) -> dict[str, np.ndarray]:
    header, rows = read_csv_text(path)
    col = {h: i for i, h in enumerate(header)}
    return {r[0]: np.array([int(r[col[f]]) for f in ids], dtype=np.float32) for r in rows}


@pytest.mark.slow
def test_resnet50_learns_fractures_from_synthetic_elbows(tmp_path: Path) -> None:
    from fedrad.common.dataset import StudyDataset
    from fedrad.common.device import seed_everything
    from fedrad.common.metrics import auc, macro_auc
    from fedrad.common.model import ModelConfig, build_model
    from fedrad.common.preprocess import Preprocess, TensorCache
    from fedrad.common.train import TrainConfig, predict
    from fedrad.sim.fit import fit
    from torch.utils.data import DataLoader

    t0 = time.perf_counter()
    out = tmp_path / "synth"
    synthesize(out, sites=1, studies_per_site=N_STUDIES, regions=("elbow",), external_site=False, seed=42,
               image_size=128, dicom_fraction=0.2, progress=False)
    site, truth = out / "sites" / "site-01", out / "truth" / "site-01"
    tpl = load_template("elbow")
    ids = tpl.ids
    reports = read_label_file(truth / "report-labels-elbow.csv", tpl)
    image = _image_truth(truth / "image-labels-elbow.csv", ids)
    _, irows = read_csv_text(site / "images.csv")
    paths: dict[str, dict[str, Path]] = {}
    for sid, view, rel in irows:
        paths.setdefault(sid, {})[view] = site / rel
    sids = reports.study_ids
    n_test, n_val = len(sids) // 5, len(sids) // 10
    test, val, train = sids[:n_test], sids[n_test:n_test + n_val], sids[n_test + n_val:]
    by = reports.by_study()

    def targets(ss: list[str]) -> np.ndarray:  # inclusive policy: uncertain -> 1
        return np.array([[float(int(by[s][f]) > 0) for f in ids] for s in ss], dtype=np.float32)

    pre = Preprocess(size=128)
    cache = TensorCache(tmp_path / "cache")

    def ds(ss: list[str], y: np.ndarray) -> StudyDataset:
        d = StudyDataset([(s, paths[s]) for s in ss], tpl.views, y, np.ones_like(y), pre, cache=cache)
        assert not d.preload(progress=False)
        return d

    seed_everything(0)
    mcfg = ModelConfig.from_template(tpl, image_size=128)
    model = build_model(mcfg)
    train_dl = DataLoader(ds(train, targets(train)), batch_size=16, shuffle=True, num_workers=0)
    val_dl = DataLoader(ds(val, targets(val)), batch_size=32)
    y_test = np.stack([image[s] for s in test])
    test_dl = DataLoader(ds(test, y_test), batch_size=32)
    cfg = TrainConfig(epochs=EPOCHS, batch_size=16, lr=1e-3, lr_step=4, device="cpu", progress=False,
                      num_workers=0, select_metric="macro_auc")
    fit(model, train_dl, val_dl, cfg, ids=ids)
    scores, y, _ = predict(model, test_dl, torch.device("cpu"))
    macro, per, skipped = macro_auc(y, scores, ids=ids)
    frac = auc(y[:, ids.index("fracture")], scores[:, ids.index("fracture")])
    minutes = (time.perf_counter() - t0) / 60
    print(f"\nsynthetic elbow, {len(train)} train / {len(val)} val / {len(test)} test studies, {EPOCHS} epochs, "
          f"{minutes:.1f} min: macro AUC {macro:.3f} over {len(per)} findings, fracture AUC {frac:.3f}")
    print("per finding:", {k: round(v, 3) for k, v in sorted(per.items(), key=lambda kv: -kv[1])})
    assert frac >= 0.85
    assert macro >= 0.65
