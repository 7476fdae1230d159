"""ROC / PR figures: real PNGs, the legend numbers are the metrics, skipped findings are said."""

from __future__ import annotations

import numpy as np
import pytest
from fedrad.common.metrics import auc, average_precision
from fedrad.common.plots import ScoreSet, plot_pr_curves, plot_roc_curves
from PIL import Image

IDS = ["fracture", "joint_effusion", "soft_tissue_swelling", "foreign_body", "ossicle"]


def scores(seed: int, n: int, prev: list[float]) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    y = (rng.random((n, len(prev))) < prev).astype(int)
    return y, y * 1.2 + rng.normal(size=y.shape)


def test_roc_overlay_png(tmp_path):
    y, s = scores(0, 300, [0.3, 0.2, 0.1, 0.05, 0.0])  # ossicle has no positives
    out = tmp_path / "fig" / "roc.png"
    values, skipped = plot_roc_curves(out, ScoreSet("inclusive", y, s), IDS, dpi=100)
    with Image.open(out) as im:
        im.verify()
    with Image.open(out) as im:
        assert im.format == "PNG" and im.size == (950, 600)  # 9.5 x 6 inches at 100 dpi
        assert len(set(np.asarray(im.convert("L")).ravel().tolist())) > 20  # something was drawn
    assert values["inclusive"]["fracture"] == pytest.approx(auc(y[:, 0], s[:, 0]))
    assert set(values["inclusive"]) == set(IDS[:4])
    assert skipped == {"inclusive": {"ossicle": "no positives"}}
    assert [p.name for p in out.parent.iterdir()] == ["roc.png"]  # atomic write, no temp left


def test_pr_grid_with_two_test_sets(tmp_path):
    yi, si = scores(1, 300, [0.3, 0.2, 0.1, 0.05, 0.0])
    ye, se = scores(2, 200, [0.3, 0.2, 0.1, 0.05, 0.03])
    mask = np.ones_like(ye)
    mask[:50, 1] = 0
    sets = [ScoreSet("internal", yi, si), ScoreSet("external", ye, se, mask)]
    out = tmp_path / "pr.png"
    values, skipped = plot_pr_curves(out, sets, IDS, dpi=80)
    with Image.open(out) as im:
        assert im.format == "PNG"
        w, h = im.size
    # grid: 4 columns x 2 rows of 3.3-inch panels (+0.8 inch for the title)
    assert (w, h) == (round(4 * 3.3 * 80), round((2 * 3.3 + 0.8) * 80))
    assert values["external"]["joint_effusion"] == pytest.approx(average_precision(ye[50:, 1], se[50:, 1]))
    assert "ossicle" in values["external"] and skipped["internal"] == {"ossicle": "no positives"}


def test_overlay_of_several_models_and_finding_subset(tmp_path):
    y, s = scores(3, 250, [0.3, 0.2, 0.1, 0.05, 0.1])
    s2 = s + np.random.default_rng(4).normal(size=s.shape)
    out = tmp_path / "roc2.png"
    values, _ = plot_roc_curves(out, [ScoreSet("inclusive", y, s), ScoreSet("exclusive", y, s2)], IDS,
                                findings=["fracture", "foreign_body"], layout="overlay", dpi=60)
    with Image.open(out) as im:
        assert im.size == (570, 360)
    assert set(values["exclusive"]) == {"fracture", "foreign_body"}
    assert values["inclusive"]["fracture"] > values["exclusive"]["fracture"]


def test_bad_requests_write_nothing(tmp_path):
    y, s = scores(5, 50, [0.3, 0.3, 0.3, 0.3, 0.3])
    out = tmp_path / "x.png"
    with pytest.raises(ValueError, match="unknown finding"):
        plot_roc_curves(out, ScoreSet("a", y, s), IDS, findings=["femur"])
    with pytest.raises(ValueError, match="distinct"):
        plot_roc_curves(out, [ScoreSet("a", y, s), ScoreSet("a", y, s)], IDS)
    with pytest.raises(ValueError, match="layout"):
        plot_pr_curves(out, ScoreSet("a", y, s), IDS, layout="mosaic")
    assert list(tmp_path.iterdir()) == []
