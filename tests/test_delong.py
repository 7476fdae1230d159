"""DeLong: the fast midrank algorithm against the textbook definition, the bootstrap, and its null behaviour."""

from __future__ import annotations

import numpy as np
import pytest
from fedrad.common.metrics import (
    auc,
    bootstrap_ci,
    delong_auc_variance,
    delong_covariance,
    delong_paired_test,
    delong_unpaired_test,
)
from scipy.stats import rankdata


def textbook_components(y: np.ndarray, s: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    """DeLong, DeLong & Clarke-Pearson (1988): psi kernel over all positive/negative pairs, ties 1/2."""
    x, z = s[y == 1], s[y == 0]
    psi = (x[:, None] > z[None, :]).astype(float) + 0.5 * (x[:, None] == z[None, :])
    return psi.mean(), psi.mean(axis=1), psi.mean(axis=0)  # AUC, V10 (per positive), V01 (per negative)


def textbook_covariance(y: np.ndarray, scores: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    comps = [textbook_components(y, s) for s in scores]
    m, n = int((y == 1).sum()), int((y == 0).sum())
    v10 = np.array([c[1] for c in comps])
    v01 = np.array([c[2] for c in comps])
    return np.array([c[0] for c in comps]), np.atleast_2d(np.cov(v10)) / m + np.atleast_2d(np.cov(v01)) / n


def tied_data(seed: int, n: int, prev: float, effect: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < prev).astype(int)
    y[:2], y[2:4] = 1, 0
    shared = rng.normal(size=n)
    # rounding to one decimal makes many ties, within and across classes
    s1 = np.round(effect * y + shared + 0.5 * rng.normal(size=n), 1)
    s2 = np.round(0.6 * effect * y + shared + 0.8 * rng.normal(size=n), 1)
    return y, s1, s2


@pytest.mark.parametrize(("seed", "n", "prev"), [(0, 60, 0.5), (1, 200, 0.2), (2, 333, 0.05), (3, 25, 0.3)])
def test_fast_variance_equals_textbook_structural_components(seed, n, prev):
    y, s1, s2 = tied_data(seed, n, prev, 1.0)
    assert np.intersect1d(s1[y == 1], s1[y == 0]).size > 0  # positive-negative ties exist (psi = 1/2)
    a_fast, v_fast = delong_auc_variance(y, s1)
    a_slow, cov_slow = textbook_covariance(y, [s1])
    assert a_fast == pytest.approx(a_slow, abs=1e-12)
    assert v_fast == pytest.approx(cov_slow[0, 0], rel=1e-10)
    aucs, cov = delong_covariance(y, np.vstack([s1, s2]))
    aucs_slow, cov_slow2 = textbook_covariance(y, [s1, s2])
    np.testing.assert_allclose(aucs, aucs_slow, atol=1e-12)
    np.testing.assert_allclose(cov, cov_slow2, rtol=1e-10, atol=1e-15)
    assert cov[0, 1] > 0  # the shared component makes the two AUCs correlated


def test_auc_equals_sklearn_with_ties():
    from sklearn.metrics import roc_auc_score

    y, s1, _ = tied_data(5, 400, 0.3, 0.7)
    assert auc(y, s1) == pytest.approx(roc_auc_score(y, s1), abs=1e-12)


def test_variance_agrees_with_stratified_bootstrap():
    # DeLong's variance conditions on the class sizes, so compare with a bootstrap that keeps them.
    # Monte-Carlo error of a variance from B resamples is about sqrt(2/B) = 2.2% for B = 4000, and the
    # two estimators differ by O(1/m) (< 1% here): a 10% tolerance is > 4 Monte-Carlo SEs.
    rng = np.random.default_rng(42)
    m, n, B = 150, 250, 4000
    y = np.r_[np.ones(m), np.zeros(n)].astype(int)
    s = np.round(0.9 * y + rng.normal(size=m + n), 1)
    _, v = delong_auc_variance(y, s)
    pos, neg = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    idx = np.concatenate([rng.choice(pos, (B, m)), rng.choice(neg, (B, n))], axis=1)
    ranks = rankdata(s[idx], axis=1)
    boot = (ranks[:, :m].sum(axis=1) - m * (m + 1) / 2) / (m * n)
    assert boot.var(ddof=1) == pytest.approx(v, rel=0.10)
    # and the percentile CI of bootstrap_ci has the width of a normal CI with the DeLong SE
    ci = bootstrap_ci(y, s, n_boot=2000, seed=1)
    assert ci.high - ci.low == pytest.approx(2 * 1.96 * np.sqrt(v), rel=0.15)
    assert ci.low < auc(y, s) < ci.high


def test_paired_identical_scores_give_p_one():
    y, s1, _ = tied_data(7, 300, 0.3, 1.0)
    r = delong_paired_test(y, s1, s1.copy())
    assert r.diff == 0 and r.z == 0 and r.p == pytest.approx(1.0)
    assert r.auc1 == r.auc2 == pytest.approx(auc(y, s1))


def test_paired_clearly_better_scorer_is_significant_and_symmetric():
    rng = np.random.default_rng(3)
    n = 400
    y = (rng.random(n) < 0.4).astype(int)
    good = 2.0 * y + rng.normal(size=n)
    weak = 0.3 * y + rng.normal(size=n)
    r = delong_paired_test(y, good, weak)
    assert r.auc1 > 0.85 and r.auc2 < 0.7
    assert r.diff == pytest.approx(r.auc1 - r.auc2)
    assert r.z > 5 and r.p < 1e-6
    back = delong_paired_test(y, weak, good)
    assert back.p == pytest.approx(r.p, rel=1e-12)
    assert back.z == pytest.approx(-r.z) and back.diff == pytest.approx(-r.diff)
    assert (back.auc1, back.auc2) == (r.auc2, r.auc1)


def test_paired_accounts_for_correlation():
    # Same small AUC difference: significant when the scorers share most of their noise (paired
    # test removes it), not significant when treated as independent sets.
    rng = np.random.default_rng(11)
    n = 600
    y = (rng.random(n) < 0.5).astype(int)
    shared = rng.normal(size=n)
    s1 = 1.0 * y + shared + 0.15 * rng.normal(size=n)
    s2 = 0.85 * y + shared + 0.15 * rng.normal(size=n)
    paired = delong_paired_test(y, s1, s2)
    unpaired = delong_unpaired_test(y, s1, y, s2)
    assert paired.p < 0.01 < unpaired.p


def test_unpaired_test_matches_formula_and_is_symmetric():
    y1, s1, _ = tied_data(20, 300, 0.3, 1.2)
    y2, s2, _ = tied_data(21, 200, 0.2, 0.5)
    a1, v1 = delong_auc_variance(y1, s1)
    a2, v2 = delong_auc_variance(y2, s2)
    r = delong_unpaired_test(y1, s1, y2, s2)
    assert r.z == pytest.approx((a1 - a2) / np.sqrt(v1 + v2))
    back = delong_unpaired_test(y2, s2, y1, s1)
    assert back.p == pytest.approx(r.p) and back.z == pytest.approx(-r.z)
    assert delong_unpaired_test(y1, s1, y1, s1).p == pytest.approx(1.0)


def test_false_positive_rate_under_the_null_is_near_alpha():
    # Internal vs external test sets drawn from the same population: ~5% of tests reject at 0.05.
    rng = np.random.default_rng(2024)
    reject_unpaired = reject_paired = 0
    runs = 400
    for _ in range(runs):
        ya = (rng.random(150) < 0.3).astype(int)
        yb = (rng.random(150) < 0.3).astype(int)
        reject_unpaired += delong_unpaired_test(ya, ya + rng.normal(size=150), yb, yb + rng.normal(size=150)).p < 0.05
        shared = rng.normal(size=150)
        s1 = ya + shared + rng.normal(size=150)
        s2 = ya + shared + rng.normal(size=150)  # same expected AUC, correlated with s1
        reject_paired += delong_paired_test(ya, s1, s2).p < 0.05
    # binomial(400, 0.05): mean 20, sd 4.4; accept 6..38 (about +-3 sd, slightly wider on top)
    assert 6 <= reject_unpaired <= 38
    assert 6 <= reject_paired <= 38


def test_degenerate_inputs_are_refused_or_explicit():
    y = np.array([1, 0, 0, 0, 0])
    with pytest.raises(ValueError, match="at least 2 positives"):
        delong_auc_variance(y, np.arange(5.0))
    with pytest.raises(ValueError, match="0/1"):
        delong_auc_variance(np.array([0, 1, 2, 1]), np.arange(4.0))
    with pytest.raises(ValueError, match="NaN"):
        delong_auc_variance(np.array([0, 1, 0, 1]), np.array([0.1, np.nan, 0.2, 0.3]))
    # perfect scorer vs constant scorer: both variances are 0, the difference is certain
    y = np.array([0, 0, 0, 1, 1, 1])
    r = delong_paired_test(y, np.arange(6.0), np.zeros(6))
    assert (r.auc1, r.auc2) == (1.0, 0.5)
    assert r.z == np.inf and r.p == 0.0
