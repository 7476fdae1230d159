"""Metrics: AUC family with masks and skips, curves, Youden thresholds, confusion stats, bootstrap, tables."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from fedrad.common.metrics import (
    auc,
    average_precision,
    binary_stats,
    bootstrap_ci,
    finding_table,
    fmt_metric,
    format_finding_table,
    format_summary,
    macro_auc,
    per_finding_auc,
    pr_points,
    roc_points,
    summarize_findings,
    weighted_auc,
    youden_threshold,
)
from sklearn.metrics import average_precision_score, roc_auc_score


def multilabel(seed: int, n: int, prev: list[float]) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    y = (rng.random((n, len(prev))) < prev).astype(int)
    s = 1 / (1 + np.exp(-(1.5 * y + rng.normal(size=y.shape))))
    return y, s


def test_auc_family_matches_sklearn():
    y, s = multilabel(0, 500, [0.4, 0.1, 0.03, 0.2])
    s = np.round(s, 2)  # ties
    for j in range(4):
        assert auc(y[:, j], s[:, j]) == pytest.approx(roc_auc_score(y[:, j], s[:, j]), abs=1e-12)
    macro, per, skipped = macro_auc(y, s, ids=["a", "b", "c", "d"])
    assert skipped == []
    assert macro == pytest.approx(roc_auc_score(y, s, average="macro"))
    assert list(per) == ["a", "b", "c", "d"]
    w = weighted_auc(y, s)
    assert w == pytest.approx(roc_auc_score(y, s, average="weighted"))
    assert w != pytest.approx(macro)  # prevalence weighting really changes the number here


def test_skipped_findings_are_listed_with_reasons_never_nan():
    y, s = multilabel(1, 200, [0.3, 0.0, 1.0, 0.2])
    macro, per, skipped = macro_auc(y, s, ids=["frac", "none", "all", "eff"])
    assert skipped == ["none", "all"]
    assert set(per) == {"frac", "eff"} and all(np.isfinite(list(per.values())))
    assert macro == pytest.approx(np.mean([per["frac"], per["eff"]]))
    _, reasons = per_finding_auc(y, s, ids=["frac", "none", "all", "eff"])
    assert reasons == {"none": "no positives", "all": "no negatives"}
    # every finding skipped: NaN macro, which the formatter refuses to print as a number
    macro, per, skipped = macro_auc(y[:, 1:3], s[:, 1:3])
    assert np.isnan(macro) and per == {} and skipped == ["0", "1"]
    assert fmt_metric(macro, "no positives") == "n/a (no positives)"
    assert fmt_metric(None) == "n/a"
    assert fmt_metric(0.81234) == "0.812"
    assert np.isnan(weighted_auc(y[:, 1:3], s[:, 1:3]))


def test_mask_removes_cells_from_one_finding_only():
    y, s = multilabel(2, 300, [0.3, 0.3])
    mask = np.ones_like(y)
    mask[:100, 0] = 0
    poisoned = y.copy()
    poisoned[:100, 0] = 1 - poisoned[:100, 0]  # masked cells carry wrong truth: must not matter
    _, per, _ = macro_auc(poisoned, s, mask=mask)
    assert per["0"] == pytest.approx(roc_auc_score(y[100:, 0], s[100:, 0]))
    assert per["1"] == pytest.approx(roc_auc_score(y[:, 1], s[:, 1]))
    # masking away every positive of a finding skips it with that reason
    mask2 = np.ones_like(y)
    mask2[y[:, 1] == 1, 1] = 0
    _, reasons = per_finding_auc(y, s, mask2)
    assert reasons == {"1": "no positives"}


def test_curves_and_average_precision():
    y, s = multilabel(3, 400, [0.15])
    fpr, tpr, thr = roc_points(y[:, 0], s[:, 0])
    assert fpr[0] == 0 and tpr[-1] == 1 and np.all(np.diff(fpr) >= 0) and np.all(np.diff(tpr) >= 0)
    assert np.trapezoid(tpr, fpr) == pytest.approx(auc(y[:, 0], s[:, 0]))
    prec, rec, _ = pr_points(y[:, 0], s[:, 0])
    assert rec[0] == 1 and rec[-1] == 0 and prec[-1] == 1
    assert prec[0] == pytest.approx(y[:, 0].mean())
    assert average_precision(y[:, 0], s[:, 0]) == pytest.approx(average_precision_score(y[:, 0], s[:, 0]))
    with pytest.raises(ValueError, match="no positives"):
        roc_points(np.zeros(5), np.arange(5.0))
    with pytest.raises(ValueError, match="no positives"):
        average_precision(np.zeros(5), np.arange(5.0))
    with pytest.raises(ValueError, match="0/1"):
        auc(np.array([0, 1, 2]), np.arange(3.0))
    with pytest.raises(ValueError, match="NaN"):
        auc(np.array([0, 1, 1]), np.array([0.1, np.nan, 0.3]))


def test_youden_threshold_by_hand_and_by_brute_force():
    # cut 0.8: sens .5 spec 1 (J .5); cut 0.35: sens 1 spec .5 (J .5): tie -> higher cut, midpoint to 0.4
    y = np.array([0, 0, 1, 1])
    s = np.array([0.1, 0.4, 0.35, 0.8])
    thr = youden_threshold(y, s)
    assert thr == pytest.approx(0.6)
    st = binary_stats(y, s, thr)
    assert (st["sensitivity"], st["specificity"]) == (0.5, 1.0)
    rng = np.random.default_rng(4)
    for _ in range(20):
        y = (rng.random(80) < 0.3).astype(int)
        y[:2] = [0, 1]
        s = np.round(y * 0.8 + rng.normal(size=80), 1)
        thr = youden_threshold(y, s)
        st = binary_stats(y, s, thr)
        best = max(((s >= c) & (y == 1)).sum() / y.sum() - ((s >= c) & (y == 0)).sum() / (y == 0).sum()
                   for c in np.unique(s))
        assert st["sensitivity"] + st["specificity"] - 1 == pytest.approx(best)
        assert thr not in set(s) or thr == s.min()  # a midpoint between observed scores
    with pytest.raises(ValueError, match="no negatives"):
        youden_threshold(np.ones(4), np.arange(4.0))


def test_binary_stats_counts_and_zero_divisions():
    y = np.array([1, 1, 1, 0, 0, 0, 0, 0])
    s = np.array([0.9, 0.7, 0.2, 0.8, 0.1, 0.3, 0.4, 0.05])
    st = binary_stats(y, s, 0.5)
    assert (st["tp"], st["fn"], st["fp"], st["tn"]) == (2, 1, 1, 4)
    assert st["sensitivity"] == pytest.approx(2 / 3) and st["specificity"] == pytest.approx(4 / 5)
    assert st["accuracy"] == pytest.approx(6 / 8) and st["ppv"] == pytest.approx(2 / 3)
    assert st["npv"] == pytest.approx(4 / 5) and st["undefined"] == {}
    none_pred = binary_stats(y, s, 2.0)
    assert none_pred["ppv"] is None and none_pred["undefined"]["ppv"] == "no predicted positives"
    assert none_pred["sensitivity"] == 0.0 and none_pred["specificity"] == 1.0
    all_neg = binary_stats(np.zeros(4, int), np.arange(4.0), 1.5)
    assert all_neg["sensitivity"] is None and all_neg["undefined"]["sensitivity"] == "no positives"
    assert all_neg["ppv"] == 0.0


def test_bootstrap_ci_stratified_and_unstratified():
    y, s = multilabel(5, 200, [0.3])
    y, s = y[:, 0], s[:, 0]
    a = bootstrap_ci(y, s, n_boot=500, seed=0)
    assert a == bootstrap_ci(y, s, n_boot=500, seed=0)  # seeded
    assert a.low < a.estimate < a.high and a.n_used == 500 and a.n_skipped == 0 and a.stratified
    assert a.estimate == pytest.approx(auc(y, s))
    # a rare finding: 2 positives in 40 cases; unstratified resamples lose them ~1/e^2 = 13% of the time
    yr = np.zeros(40, int)
    yr[[3, 17]] = 1
    sr = np.linspace(0, 1, 40)
    u = bootstrap_ci(yr, sr, n_boot=1000, seed=0, stratified=False)
    assert 70 <= u.n_skipped <= 200 and u.n_used + u.n_skipped == 1000
    st = bootstrap_ci(yr, sr, n_boot=1000, seed=0)
    assert st.n_skipped == 0
    ap = bootstrap_ci(y, s, metric=average_precision, n_boot=200)
    assert ap.estimate == pytest.approx(average_precision(y, s)) and ap.low <= ap.estimate <= ap.high


def test_stratified_auc_bootstrap_fast_path_gives_the_resampling_loops_interval():
    """bootstrap_ci's AUC resamples counted as c' W d (no ranking per resample) give the interval the
    resampling loop gives for the same seed: same draws, ties worth 1/2 (a wrapper of `auc` is not `auc`
    itself, so it takes the loop)."""
    rng = np.random.default_rng(3)
    y = rng.random(250) < 0.2
    s = np.round(rng.random(250) + 0.4 * y, 1)  # coarse scores: many ties between the classes
    for seed in (0, 7):
        fast = bootstrap_ci(y, s, n_boot=300, seed=seed)
        loop = bootstrap_ci(y, s, metric=lambda yy, ss: auc(yy, ss), n_boot=300, seed=seed)
        assert (fast.low, fast.high) == pytest.approx((loop.low, loop.high), abs=1e-12)
        assert fast.estimate == loop.estimate and fast.n_used == loop.n_used == 300 and fast.n_skipped == 0
    assert bootstrap_ci(y, s, n_boot=300, seed=0).low != bootstrap_ci(y, s, n_boot=300, seed=1).low


def test_finding_table_threshold_comes_from_validation():
    ids = ["fracture", "effusion", "rare", "gone_in_val"]
    yv, sv = multilabel(6, 300, [0.3, 0.2, 0.05, 0.2])
    yt, st = multilabel(7, 250, [0.3, 0.2, 0.05, 0.2])
    st[:, 0] += 0.2  # shifted test scores: the test set's own Youden cut would differ
    yv[:, 3] = 0
    rows = finding_table(ids, yv, sv, yt, st, ci=True, n_boot=200)
    assert [r["finding"] for r in rows] == ids
    r0 = rows[0]
    thr = youden_threshold(yv[:, 0], sv[:, 0])
    assert r0["threshold"] == thr != youden_threshold(yt[:, 0], st[:, 0])
    ref = binary_stats(yt[:, 0], st[:, 0], thr)
    assert (r0["sensitivity"], r0["specificity"], r0["accuracy"]) == (
        ref["sensitivity"], ref["specificity"], ref["accuracy"])
    assert r0["auc"] == pytest.approx(roc_auc_score(yt[:, 0], st[:, 0]))
    assert r0["ap"] == pytest.approx(average_precision_score(yt[:, 0], st[:, 0]))
    assert r0["auc_low"] < r0["auc"] < r0["auc_high"]
    assert (r0["n_pos"], r0["n"], r0["val_n"]) == (int(yt[:, 0].sum()), 250, 300)
    gone = rows[3]
    assert gone["skipped"] == "no positives in validation" and gone["auc"] is None
    assert gone["n_pos"] == int(yt[:, 3].sum()) > 0  # counts stay filled
    summ = summarize_findings(rows)
    scored = [r["auc"] for r in rows[:3]]
    assert summ["macro_auc"] == pytest.approx(np.mean(scored))
    assert (summ["min_auc"], summ["max_auc"]) == (min(scored), max(scored))
    assert summ["n_findings"] == 3 and summ["skipped"] == {"gone_in_val": "no positives in validation"}
    text = format_finding_table(rows) + "\n" + format_summary(summ)
    assert "n/a (no positives in validation)" in text and "nan" not in text.lower()
    assert f"macro AUC {np.mean(scored):.2f}" in text


def test_finding_table_masks_and_all_skipped_summary():
    ids = ["a", "b"]
    yv, sv = multilabel(8, 100, [0.3, 0.3])
    yt = np.zeros((50, 2), int)
    st = np.random.default_rng(9).random((50, 2))
    mask_val = np.ones_like(yv)
    mask_val[yv[:, 1] == 0, 1] = 0  # only positives left for b in validation
    rows = finding_table(ids, yv, sv, yt, st, mask_val=mask_val)
    assert rows[0]["skipped"] == "no positives in test"
    assert rows[1]["skipped"] == "no negatives in validation; no positives in test"
    assert rows[1]["val_n"] == int(yv[:, 1].sum())
    summ = summarize_findings(rows)
    assert summ["macro_auc"] is None
    assert format_summary(summ).startswith("macro AUC n/a")


@pytest.mark.parametrize(("a", "b"), list(itertools.combinations(range(3), 2)))
def test_macro_auc_signature_unchanged(a, b):
    # callers use macro_auc(y, s, mask, ids) positionally and read (macro, per, skipped)
    y, s = multilabel(10 + a + b, 80, [0.4, 0.4, 0.4])
    macro, per, skipped = macro_auc(y[:, [a, b]], s[:, [a, b]], np.ones((80, 2)), ["x", "y"])
    assert isinstance(macro, float) and isinstance(per, dict) and isinstance(skipped, list)
    assert set(per) == {"x", "y"}


def test_midrank_auc_matches_sklearn_with_ties():
    """auc() ranks with its own midranks (no scipy import at a site); it must equal sklearn's AUC, ties included."""
    from fedrad.common.metrics import auc as auc_of
    from sklearn.metrics import roc_auc_score

    rng = np.random.default_rng(3)
    for _ in range(20):
        y = rng.integers(0, 2, 60)
        y[:2] = [0, 1]
        s = rng.integers(0, 7, 60) / 7.0  # many ties
        assert auc_of(y, s) == pytest.approx(roc_auc_score(y, s), abs=1e-12)


def test_importing_metrics_leaves_scipy_stats_and_sklearn_out():
    """A site's validation (AUCs, Youden thresholds) runs in every (deployed: per-message) process; scipy.stats and
    sklearn would cost it ~1.1 s."""
    import subprocess
    import sys

    code = ("import sys, fedrad.common.metrics as m; m.auc([0, 1, 1], [0.1, 0.7, 0.7]); "
            "m.youden_thresholds([[0], [1], [1]], [[0.1], [0.7], [0.6]]); "
            "print(any(k in sys.modules for k in ('scipy.stats', 'sklearn.metrics')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_youden_threshold_matches_the_roc_curve_definition():
    """youden_threshold walks the cuts itself (no sklearn at a site); the cut must be the one sklearn's ROC curve gives:
    maximal J, the highest such cut, midpoint to the next lower score."""
    from fedrad.common.metrics import youden_threshold
    from sklearn.metrics import roc_curve

    rng = np.random.default_rng(5)
    for _ in range(30):
        y = rng.integers(0, 2, 50)
        y[:2] = [0, 1]
        s = np.round(rng.random(50) + 0.3 * y, 1)  # ties
        fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False)
        j = np.where(np.isfinite(thr), tpr - fpr, -np.inf)
        cut = thr[int(np.argmax(j))]
        lower = s[s < cut]
        want = cut if lower.size == 0 else (cut + lower.max()) / 2
        assert youden_threshold(y, s) == want


def test_seeding_sets_deterministic_mode_without_importing_inductor():
    """seed_everything runs at every ServerApp start and site message; torch.use_deterministic_algorithms imports
    torch._inductor (~1.8 s) even to set what is already set, so it is called only on a change."""
    import subprocess
    import sys

    code = ("import sys, torch; from fedrad.common.device import seed_everything; seed_everything(0); "
            "a = 'torch._inductor' in sys.modules; seed_everything(0, True); "
            "b = torch.are_deterministic_algorithms_enabled() and "
            "torch.is_deterministic_algorithms_warn_only_enabled(); "
            "seed_everything(0); print(a, b, torch.are_deterministic_algorithms_enabled())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True", "False"]


def test_score_counts_are_a_histogram_per_class_and_add_up_over_sites():
    from fedrad.common.metrics import SCORE_BINS, SCORE_EDGES, score_counts

    rng = np.random.default_rng(3)
    y = rng.random((50, 2)) < 0.4
    s = rng.random((50, 2))
    m = np.ones((50, 2))
    m[:5, 1] = 0  # masked cells are not counted
    pos, neg = score_counts(y, s, m)
    assert pos.shape == neg.shape == (2, SCORE_BINS)
    assert pos[0].sum() == y[:, 0].sum() and neg[0].sum() == (~y[:, 0]).sum()
    assert pos[1].sum() + neg[1].sum() == 45
    b = np.searchsorted(SCORE_EDGES, s[7, 0], side="right")
    assert (pos if y[7, 0] else neg)[0, b] >= 1
    p1, n1 = score_counts(y[:20], s[:20], m[:20])
    p2, n2 = score_counts(y[20:], s[20:], m[20:])
    assert (p1 + p2 == pos).all() and (n1 + n2 == neg).all()


def test_youden_from_counts_cuts_where_the_scores_cut():
    """Separable classes: the cut lies between the highest negative and the lowest positive (the middle of the
    empty bins, in logit); one class only: None. Random data: the quantised cut gives up little of Youden's J."""
    from fedrad.common.metrics import score_counts, youden_from_counts

    y = np.array([0, 0, 0, 1, 1])
    s = np.array([0.1, 0.2, 0.3, 0.7, 0.9])
    (t,) = youden_from_counts(*score_counts(y, s))
    assert 0.3 < t < 0.7 and abs(math.log(t / (1 - t))) < 0.1  # logits -0.85 and 0.85: the middle is 0
    assert youden_from_counts(*score_counts(np.ones(3), s[:3])) == [None]
    rng = np.random.default_rng(0)
    lost = []
    for _ in range(100):
        yy = rng.random(80) < 0.3
        ss = 1 / (1 + np.exp(-(rng.normal(0, 1.5, 80) + 2 * yy)))
        (tc,) = youden_from_counts(*score_counts(yy, ss))
        j_exact, j_counts = (binary_stats(yy, ss, th) for th in (youden_threshold(yy, ss), tc))
        lost.append(j_exact["sensitivity"] + j_exact["specificity"] - j_counts["sensitivity"] - j_counts["specificity"])
    assert min(lost) > -1e-9 and np.mean(lost) < 0.01  # never better than the exact cut, on average within 0.01


def test_union_threshold_is_not_led_by_a_small_site():
    """Issue 13's mechanism: a small site whose few negatives all score low puts its own Youden cut low; the
    positives-weighted mean of the sites' cuts follows it, the union's cut (summed counts) does not, and on the
    union's data the union's cut has the higher J."""
    from fedrad.common.metrics import score_counts, youden_from_counts

    rng = np.random.default_rng(1)
    big_y = np.r_[np.ones(40), np.zeros(120)].astype(bool)
    big_s = np.r_[rng.uniform(0.55, 0.95, 40), rng.uniform(0.05, 0.65, 120)]
    small_y = np.r_[np.ones(30), np.zeros(6)].astype(bool)
    small_s = np.r_[rng.uniform(0.25, 0.9, 30), rng.uniform(0.02, 0.2, 6)]
    cuts = [youden_threshold(big_y, big_s), youden_threshold(small_y, small_s)]
    mean_cut = float(np.average(cuts, weights=[40, 30]))
    p1, n1 = score_counts(big_y, big_s)
    p2, n2 = score_counts(small_y, small_s)
    (union_cut,) = youden_from_counts(p1 + p2, n1 + n2)
    y, s = np.r_[big_y, small_y], np.r_[big_s, small_s]

    def j(t):
        b = binary_stats(y, s, t)
        return b["sensitivity"] + b["specificity"] - 1

    assert cuts[1] < 0.3 < cuts[0] and mean_cut < union_cut
    assert j(union_cut) > j(mean_cut) + 0.05
