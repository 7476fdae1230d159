"""Evaluation metrics for multi-label radiograph classifiers, as the study reported them.

Everything takes (n, k) truth/score arrays with an optional 0/1 mask per cell (a masked-out
cell, e.g. an uncertain label under the `ignore` policy, is left out of that finding only).
A finding whose truth has one class cannot have an AUC: it is skipped with a reason, never
turned into NaN inside a table (`fmt_metric` prints "n/a (no positives)").

AUCs use midranks (ties count 1/2), so `auc`, `macro_auc` and the DeLong functions agree
exactly with each other and with sklearn's `roc_auc_score`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import numpy as np

# scipy.stats and sklearn.metrics are imported where used: together ~1.1 s of a cold process, which a site's
# validation AUCs (midranks, no scipy) no longer pay; a deployed site starts a process per message.
# --------------------------------------------------------------------------------------------
# input checks and per-finding columns


def _binary_1d(y: Any, s: Any, what: str = "y") -> tuple[np.ndarray, np.ndarray]:
    """Validate one finding's truth/score vectors; truth must be 0/1 (bool allowed)."""
    y = np.asarray(y)
    s = np.asarray(s, dtype=float)
    if y.ndim != 1 or s.ndim != 1:
        raise ValueError(f"{what}: expected 1-D truth and scores, got shapes {y.shape} and {s.shape}")
    if y.shape != s.shape:
        raise ValueError(f"{what}: truth has {y.shape[0]} cases but scores have {s.shape[0]}")
    if y.dtype != bool and not np.isin(y, (0, 1)).all():
        bad = np.unique(y[~np.isin(y, (0, 1))])[:5]
        raise ValueError(f"{what}: truth must be 0/1, found {bad.tolist()}")
    if not np.isfinite(s).all():
        raise ValueError(f"{what}: scores contain NaN or infinity at case(s) {np.flatnonzero(~np.isfinite(s))[:5]}")
    return y.astype(bool), s


def as_matrices(y_true: Any, y_score: Any, mask: Any | None, ids: Sequence[str] | None
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """(truth, float scores, bool keep-mask, ids) as (n, k) arrays; a 1-D input is one finding."""
    y_true = np.asarray(y_true)
    y_score = np.asarray(y_score, dtype=float)
    if y_true.ndim == 1:
        y_true, y_score = y_true[:, None], y_score.reshape(-1, 1)
        mask = None if mask is None else np.asarray(mask).reshape(-1, 1)
    if y_true.ndim != 2 or y_true.shape != y_score.shape:
        raise ValueError(f"truth {y_true.shape} and scores {y_score.shape} must both be (n, k)")
    k = y_true.shape[1]
    m = np.ones(y_true.shape, bool) if mask is None else np.asarray(mask) > 0
    if m.shape != y_true.shape:
        raise ValueError(f"mask {m.shape} must have the shape of the truth {y_true.shape}")
    ids = [str(i) for i in ids] if ids is not None and len(ids) else [str(i) for i in range(k)]
    if len(ids) != k:
        raise ValueError(f"{len(ids)} finding ids for {k} columns")
    return y_true, y_score, m, ids


def column(y_true: Any, y_score: Any, j: int, mask: Any | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Truth (bool) and scores of finding j, masked-out cells removed; truth >= 0.5 is positive."""
    y_true, y_score, m, _ = as_matrices(y_true, y_score, mask, None)
    keep = m[:, j]
    return y_true[keep, j] >= 0.5, y_score[keep, j]


def class_problem(t: np.ndarray) -> str | None:
    """Why a truth vector has no AUC ('no positives', 'no negatives', 'no cases'), or None if it has one."""
    t = np.asarray(t, dtype=bool)
    if t.size == 0:
        return "no cases"
    if not t.any():
        return "no positives"
    if t.all():
        return "no negatives"
    return None


# --------------------------------------------------------------------------------------------
# AUC (single finding, per finding, macro, prevalence-weighted)


def auc(y: Any, s: Any) -> float:
    """ROC AUC by midranks (Mann-Whitney, ties 1/2); raises ValueError when y has one class."""
    y, s = _binary_1d(y, s)
    problem = class_problem(y)
    if problem:
        raise ValueError(f"AUC undefined: {problem}")
    m = int(y.sum())
    n = y.size - m
    r = _midranks(s)
    return float((r[y].sum() - m * (m + 1) / 2) / (m * n))


def _midranks(s: np.ndarray) -> np.ndarray:
    """1-based ranks of a 1-D array, ties sharing their mean rank (scipy.stats.rankdata's default)."""
    order = np.argsort(s, kind="mergesort")
    change = np.flatnonzero(np.diff(s[order])) + 1
    starts, ends = np.r_[0, change], np.r_[change, s.size]
    ranks = np.empty(s.size, dtype=float)
    ranks[order] = np.repeat((starts + ends + 1) / 2.0, ends - starts)
    return ranks


def per_finding_auc(y_true: Any, y_score: Any, mask: Any | None = None, ids: Sequence[str] | None = None
                    ) -> tuple[dict[str, float], dict[str, str]]:
    """AUC per finding plus {id: reason} for findings that have none (one class after masking)."""
    y_true, y_score, m, ids = as_matrices(y_true, y_score, mask, ids)
    per: dict[str, float] = {}
    skipped: dict[str, str] = {}
    for j, fid in enumerate(ids):
        t = y_true[m[:, j], j] >= 0.5
        problem = class_problem(t)
        if problem:
            skipped[fid] = problem
            continue
        per[fid] = auc(t, y_score[m[:, j], j])
    return per, skipped


def macro_auc(y_true: np.ndarray, y_score: np.ndarray, mask: np.ndarray | None = None,
              ids: list[str] | None = None) -> tuple[float, dict[str, float], list[str]]:
    """Macro ROC AUC over findings that have both classes; returns (macro, per_finding, skipped).

    Findings with a single class in the truth are skipped and listed, never NaN. macro is
    NaN only when every finding is skipped (callers must print it as 'n/a', see fmt_metric).
    """
    per, skipped = per_finding_auc(y_true, y_score, mask, ids)
    macro = float(np.mean(list(per.values()))) if per else float("nan")
    return macro, per, list(skipped)


def weighted_auc(y_true: Any, y_score: Any, mask: Any | None = None, ids: Sequence[str] | None = None) -> float:
    """Prevalence-weighted AUC: per-finding AUCs weighted by their number of positives.

    The study kept the checkpoint with the best weighted validation AUC, which follows the
    frequent (more reliably measured) findings rather than a rare finding with 3 positives.
    Same weighting as sklearn's `average="weighted"`; skipped findings carry no weight.
    NaN only when every finding is skipped.
    """
    y_true, y_score, m, ids = as_matrices(y_true, y_score, mask, ids)
    per, _ = per_finding_auc(y_true, y_score, m, ids)
    if not per:
        return float("nan")
    n_pos = {fid: float((y_true[m[:, j], j] >= 0.5).sum()) for j, fid in enumerate(ids)}
    w = np.array([n_pos[f] for f in per])
    return float(np.dot(w, list(per.values())) / w.sum())


# --------------------------------------------------------------------------------------------
# curves


def roc_points(y: Any, s: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(fpr, tpr, thresholds) of the ROC curve; predicted positive means score >= threshold."""
    from sklearn.metrics import roc_curve
    y, s = _binary_1d(y, s)
    problem = class_problem(y)
    if problem:
        raise ValueError(f"ROC curve undefined: {problem}")
    fpr, tpr, thr = roc_curve(y, s)
    return fpr, tpr, thr


def pr_points(y: Any, s: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(precision, recall, thresholds) of the precision-recall curve (recall decreasing, sklearn order)."""
    from sklearn.metrics import precision_recall_curve
    y, s = _binary_1d(y, s)
    if not y.any():
        raise ValueError("precision-recall curve undefined: no positives")
    return precision_recall_curve(y, s)


def average_precision(y: Any, s: Any) -> float:
    """Average precision (step-wise sum over recall increments, no interpolation), as sklearn."""
    from sklearn.metrics import average_precision_score
    y, s = _binary_1d(y, s)
    if not y.any():
        raise ValueError("average precision undefined: no positives")
    return float(average_precision_score(y, s))


# --------------------------------------------------------------------------------------------
# thresholds and confusion-matrix statistics


def youden_threshold(y: Any, s: Any) -> float:
    """Score cut-off maximising Youden's J = sensitivity + specificity - 1 on (validation) data.

    Returned as the midpoint between the best cut score and the next lower distinct score
    (as pROC does), so the validation classification is unchanged while a test score that
    falls between two validation scores is not decided by floating-point luck. Apply with
    `score >= threshold`. On a tie in J the higher cut (fewer false positives) wins.
    """
    y, s = _binary_1d(y, s)
    problem = class_problem(y)
    if problem:
        raise ValueError(f"Youden threshold undefined: {problem}")
    # every distinct score as a cut, highest first (sklearn's roc_curve without its +inf point, same arithmetic)
    order = np.argsort(s, kind="mergesort")[::-1]
    ss = s[order]
    last = np.r_[np.flatnonzero(np.diff(ss)), ss.size - 1]  # the last study of each distinct score
    tps = np.cumsum(y[order], dtype=np.float64)[last]
    fps = 1 + last - tps
    j = tps / tps[-1] - fps / fps[-1]
    best = int(np.argmax(j))  # cuts are decreasing: first maximum = highest cut
    cut = float(ss[last[best]])
    lower = s[s < cut]
    return cut if lower.size == 0 else float((cut + lower.max()) / 2)


def youden_thresholds(y_true: Any, y_score: Any, mask: Any | None = None
                      ) -> tuple[list[float | None], list[str | None]]:
    """Per-finding Youden thresholds of (n, k) truth/scores, honouring the label mask.

    The one threshold rule of fedrad (sites' validation, the pooled baseline, a site's
    recalibration): cells with mask 0 (e.g. uncertain labels under policy `ignore`) are left
    out before the cut is chosen, truth >= 0.5 is positive. Returns (thresholds, problems):
    a finding without both classes among its kept cells gets None and the reason.
    """
    y, s, m, _ = as_matrices(y_true, y_score, mask, None)
    thresholds: list[float | None] = []
    problems: list[str | None] = []
    for j in range(y.shape[1]):
        t, sc = y[m[:, j], j] >= 0.5, s[m[:, j], j]
        p = class_problem(t)
        problems.append(p)
        thresholds.append(None if p else youden_threshold(t, sc))
    return thresholds, problems


# The federated form of the same rule: a threshold chosen on the union of the sites' validation sets, where no
# score may leave a site. Each site counts its validation studies per finding, class and score bin (SCORE_EDGES:
# SCORE_BINS bins of 1/16 logit between logits -8 and 8, the outermost open-ended), the coordinator adds the counts
# and takes Youden's cut on the sum (youden_from_counts). Averaging the sites' own cuts instead (weighted by
# positives, fedrad until session 13) followed the noisiest small site: on the default simulation's three seeds
# the union's cut transferred to the external hospital where the average did not (README, issue 13).
SCORE_BINS = 256
SCORE_EDGES = 1.0 / (1.0 + np.exp(-np.linspace(-8.0, 8.0, SCORE_BINS + 1)[1:-1]))  # inner edges, increasing


def score_counts(y_true: Any, y_score: Any, mask: Any | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Per finding, how many kept positive and negative cells fall in each score bin: two (k, SCORE_BINS) int
    arrays. Only counts: no score, no order of studies. Same mask and truth rule as youden_thresholds."""
    y, s, m, _ = as_matrices(y_true, y_score, mask, None)
    k = y.shape[1]
    pos = np.zeros((k, SCORE_BINS), np.int64)
    neg = np.zeros((k, SCORE_BINS), np.int64)
    bins = np.searchsorted(SCORE_EDGES, s, side="right")  # bin b holds edges[b-1] <= s < edges[b]
    for j in range(k):
        keep = m[:, j]
        t = y[keep, j] >= 0.5
        pos[j] = np.bincount(bins[keep, j][t], minlength=SCORE_BINS)
        neg[j] = np.bincount(bins[keep, j][~t], minlength=SCORE_BINS)
    return pos, neg


def youden_from_counts(pos: Any, neg: Any) -> list[float | None]:
    """Youden's cut per finding from (summed) score_counts: the bin edge maximising J = sensitivity +
    specificity - 1 of `score >= cut`; of the edges that reach the maximum, the highest run of adjacent ones
    (fewer false positives on a tie, as youden_threshold), and its middle in logit (no study lies between them,
    as youden_threshold takes the midpoint between two scores). None without both classes."""
    pos, neg = np.atleast_2d(np.asarray(pos, np.int64)), np.atleast_2d(np.asarray(neg, np.int64))
    logit_edges = np.log(SCORE_EDGES / (1.0 - SCORE_EDGES))
    out: list[float | None] = []
    for p, n in zip(pos, neg, strict=True):
        if p.sum() == 0 or n.sum() == 0:
            out.append(None)
            continue
        # cut at inner edge e (index i): positives in bins > i pass, negatives in bins <= i are below
        sens = p[::-1].cumsum()[::-1][1:] / p.sum()
        spec = n.cumsum()[:-1] / n.sum()
        j = sens + spec
        best = np.flatnonzero(j >= j.max() - 1e-12)
        run = best[np.flatnonzero(np.diff(np.r_[best[0] - 2, best]) > 1)[-1]:]  # the highest run of maximal edges
        mid = (logit_edges[run[0]] + logit_edges[run[-1]]) / 2
        out.append(float(1.0 / (1.0 + np.exp(-mid))))
    return out


def _ratio(num: int, den: int, why: str, undefined: dict[str, str], name: str) -> float | None:
    if den == 0:
        undefined[name] = why
        return None
    return num / den


def binary_stats(y: Any, s: Any, threshold: float) -> dict[str, Any]:
    """Sensitivity, specificity, accuracy, PPV, NPV and counts at `score >= threshold`.

    A ratio with a zero denominator is None (JSON null), never 0 or NaN, and its reason is in
    `undefined` (e.g. ppv: "no predicted positives"), so a table can say why it is missing.
    """
    y, s = _binary_1d(y, s)
    pred = s >= threshold
    tp = int((pred & y).sum())
    fp = int((pred & ~y).sum())
    tn = int((~pred & ~y).sum())
    fn = int((~pred & y).sum())
    und: dict[str, str] = {}
    return {
        "threshold": float(threshold),
        "n": int(y.size), "n_pos": tp + fn, "n_neg": tn + fp,
        "tp": tp, "fp": fp, "tn": tn, "fn": fn,
        "sensitivity": _ratio(tp, tp + fn, "no positives", und, "sensitivity"),
        "specificity": _ratio(tn, tn + fp, "no negatives", und, "specificity"),
        "accuracy": _ratio(tp + tn, y.size, "no cases", und, "accuracy"),
        "ppv": _ratio(tp, tp + fp, "no predicted positives", und, "ppv"),
        "npv": _ratio(tn, tn + fn, "no predicted negatives", und, "npv"),
        "undefined": und,
    }


# --------------------------------------------------------------------------------------------
# bootstrap


class BootstrapCI(NamedTuple):
    estimate: float
    low: float
    high: float
    n_used: int      # resamples that gave a value
    n_skipped: int   # degenerate resamples (one class, or the metric raised / gave non-finite)
    stratified: bool
    alpha: float


def bootstrap_ci(y: Any, s: Any, metric: Callable[[np.ndarray, np.ndarray], float] = auc, n_boot: int = 1000,
                 alpha: float = 0.05, seed: int = 0, stratified: bool = True) -> BootstrapCI:
    """Percentile bootstrap CI of `metric(y, s)`.

    Stratified by default: positives and negatives are resampled separately, keeping their
    counts. That is the sampling model DeLong's variance assumes (fixed class sizes), and a
    resample can never lose a class, which matters for rare findings (with 3 positives, an
    unstratified resample has no positive 5% of the time and those skipped resamples would
    bias the interval). With `stratified=False`, resamples that lose a class or make the
    metric fail are skipped and counted in `n_skipped`.
    """
    y, s = _binary_1d(y, s)
    if n_boot < 1:
        raise ValueError(f"n_boot must be >= 1, got {n_boot}")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie in (0, 1), got {alpha}")
    estimate = float(metric(y, s))
    rng = np.random.default_rng(seed)
    pos, neg = np.flatnonzero(y), np.flatnonzero(~y)
    if metric is auc and stratified:
        values = _stratified_auc_resamples(s[pos], s[neg], n_boot, rng)
        low, high = np.quantile(values, [alpha / 2, 1 - alpha / 2])
        return BootstrapCI(estimate, float(low), float(high), n_boot, 0, stratified, alpha)
    values: list[float] = []
    skipped = 0
    for _ in range(n_boot):
        if stratified:
            idx = np.concatenate([rng.choice(pos, pos.size), rng.choice(neg, neg.size)])
        else:
            idx = rng.integers(0, y.size, y.size)
        yb = y[idx]
        if class_problem(yb):
            skipped += 1
            continue
        try:
            v = float(metric(yb, s[idx]))
        except ValueError:
            skipped += 1
            continue
        if not math.isfinite(v):
            skipped += 1
            continue
        values.append(v)
    if not values:
        raise ValueError(f"bootstrap: all {n_boot} resamples were degenerate")
    low, high = np.quantile(values, [alpha / 2, 1 - alpha / 2])
    return BootstrapCI(estimate, float(low), float(high), len(values), skipped, stratified, alpha)


def _stratified_auc_resamples(s_pos: np.ndarray, s_neg: np.ndarray, n_boot: int, rng: np.random.Generator
                              ) -> np.ndarray:
    """The AUCs of `n_boot` stratified resamples without ranking each one: a resample's AUC is
    c' W d / (m n), with c and d how often it drew each positive and negative and W[i, j] = 1 if positive
    i outscores negative j, 1/2 on a tie (Mann-Whitney, what `auc`'s midranks compute). The draws are
    bootstrap_ci's own, in the same order, so the interval is the same (to rounding) at a fraction of
    the cost (a report's per-finding CIs: ~6 CPU-s per test set before)."""
    m, n = s_pos.size, s_neg.size
    w = (s_pos[:, None] > s_neg[None, :]) + 0.5 * (s_pos[:, None] == s_neg[None, :])
    c, d = np.zeros((n_boot, m)), np.zeros((n_boot, n))
    for b in range(n_boot):
        np.add.at(c[b], rng.choice(m, m), 1.0)
        np.add.at(d[b], rng.choice(n, n), 1.0)
    return ((c @ w) * d).sum(axis=1) / (m * n)


# --------------------------------------------------------------------------------------------
# DeLong


def delong_covariance(y: Any, scores: Any) -> tuple[np.ndarray, np.ndarray]:
    """AUCs and their DeLong covariance matrix for k scorers on the same cases.

    Fast midrank algorithm of Sun & Xu (IEEE Signal Process Lett 2014): the structural
    components V10 (per positive) and V01 (per negative) come from three rankings instead
    of the m*n pairwise comparisons, so it is O(k n log n). scores: (k, n) or (n,).
    Needs at least 2 positives and 2 negatives (the component variances use ddof=1).
    """
    from scipy.stats import rankdata
    scores = np.atleast_2d(np.asarray(scores, dtype=float))
    y = np.asarray(y)
    for row in scores:
        _binary_1d(y, row)
    yb = y.astype(bool)
    m, n = int(yb.sum()), int((~yb).sum())
    if m < 2 or n < 2:
        raise ValueError(f"DeLong variance needs at least 2 positives and 2 negatives, got {m} and {n}")
    x, z = scores[:, yb], scores[:, ~yb]
    tx = rankdata(x, axis=1)
    tz = rankdata(z, axis=1)
    txz = rankdata(np.concatenate([x, z], axis=1), axis=1)
    aucs = (txz[:, :m].sum(axis=1) - m * (m + 1) / 2) / (m * n)
    v10 = (txz[:, :m] - tx) / n          # share of negatives each positive beats (ties 1/2)
    v01 = 1.0 - (txz[:, m:] - tz) / m    # share of positives that beat each negative
    cov = np.atleast_2d(np.cov(v10)) / m + np.atleast_2d(np.cov(v01)) / n
    return aucs, cov


def delong_auc_variance(y: Any, s: Any) -> tuple[float, float]:
    """(AUC, DeLong variance of the AUC) for one scorer."""
    aucs, cov = delong_covariance(y, s)
    return float(aucs[0]), float(cov[0, 0])


class DeLongResult(NamedTuple):
    auc1: float
    auc2: float
    diff: float   # auc1 - auc2
    z: float
    p: float      # two-sided


def _z_test(a1: float, a2: float, var: float) -> DeLongResult:
    from scipy.stats import norm
    diff = a1 - a2
    if var <= 0 or not math.isfinite(var):
        # Zero variance: identical scorers (diff 0 -> no evidence, p = 1) or both degenerate
        # (e.g. perfect vs constant): any difference is then certain.
        z = 0.0 if diff == 0 else math.copysign(math.inf, diff)
    else:
        z = diff / math.sqrt(var)
    p = float(2 * norm.sf(abs(z)))
    return DeLongResult(float(a1), float(a2), float(diff), float(z), min(p, 1.0))


def delong_paired_test(y: Any, s1: Any, s2: Any) -> DeLongResult:
    """DeLong test of two correlated AUCs on the same cases (e.g. inclusive vs exclusive model)."""
    aucs, cov = delong_covariance(y, np.vstack([np.asarray(s1, float), np.asarray(s2, float)]))
    var = cov[0, 0] + cov[1, 1] - 2 * cov[0, 1]
    return _z_test(aucs[0], aucs[1], float(var))


def delong_unpaired_test(y1: Any, s1: Any, y2: Any, s2: Any) -> DeLongResult:
    """DeLong test of two AUCs from independent case sets (e.g. internal vs external test set)."""
    a1, v1 = delong_auc_variance(y1, s1)
    a2, v2 = delong_auc_variance(y2, s2)
    return _z_test(a1, a2, v1 + v2)


# --------------------------------------------------------------------------------------------
# per-finding report table


def finding_table(ids: Sequence[str], y_val: Any, s_val: Any, y_test: Any, s_test: Any,
                  mask_val: Any | None = None, mask_test: Any | None = None, *, ci: bool = False,
                  n_boot: int = 1000, alpha: float = 0.05, seed: int = 0) -> list[dict[str, Any]]:
    """One row per finding: test AUC (optionally with bootstrap CI), AP, and sensitivity /
    specificity / accuracy / PPV / NPV at the Youden threshold chosen on VALIDATION.

    A finding without both classes in validation (no threshold) or in test (no AUC) gets
    `skipped` = the reason and None metrics, so it is left out of `summarize_findings` the
    same way the study dropped labels with no positives in a split. Counts are always filled.
    """
    yv, sv, mv, ids = as_matrices(y_val, s_val, mask_val, ids)
    thresholds, val_problems = youden_thresholds(yv, sv, mv)
    problems = [f"{p} in validation" if p else None for p in val_problems]
    rows = finding_table_at(ids, y_test, s_test, thresholds, mask_test, ci=ci, n_boot=n_boot, alpha=alpha,
                            seed=seed, threshold_problems=problems)
    for j, row in enumerate(rows):
        row["val_n_pos"] = int((yv[mv[:, j], j] >= 0.5).sum())
        row["val_n"] = int(mv[:, j].sum())
    return rows


def finding_table_at(ids: Sequence[str], y_test: Any, s_test: Any, thresholds: Sequence[float | None],
                     mask_test: Any | None = None, *, ci: bool = False, n_boot: int = 1000, alpha: float = 0.05,
                     seed: int = 0, threshold_problems: Sequence[str | None] | None = None) -> list[dict[str, Any]]:
    """Like finding_table, with the operating thresholds given (e.g. aggregated from the sites'
    validation splits in a federation, where no validation score leaves a site). A None or NaN
    threshold skips the finding with the reason from `threshold_problems` (default: "no
    validation threshold")."""
    yt, st, mt, ids = as_matrices(y_test, s_test, mask_test, ids)
    rows: list[dict[str, Any]] = []
    for j, fid in enumerate(ids):
        tt, sct = yt[mt[:, j], j] >= 0.5, st[mt[:, j], j]
        row: dict[str, Any] = {
            "finding": fid, "n_pos": int(tt.sum()), "n": int(tt.size),
            "auc": None, "auc_low": None, "auc_high": None, "ap": None, "threshold": None,
            "sensitivity": None, "specificity": None, "accuracy": None, "ppv": None, "npv": None,
            "skipped": None,
        }
        thr = thresholds[j]
        reasons = []
        if thr is None or (isinstance(thr, float) and math.isnan(thr)):
            reasons.append(threshold_problems[j] if threshold_problems and threshold_problems[j]
                            else "no validation threshold")
        if p := class_problem(tt):
            reasons.append(f"{p} in test")
        if reasons:
            row["skipped"] = "; ".join(reasons)
            rows.append(row)
            continue
        stats = binary_stats(tt, sct, float(thr))
        row.update(auc=auc(tt, sct), ap=average_precision(tt, sct), threshold=float(thr),
                   **{k: stats[k] for k in ("sensitivity", "specificity", "accuracy", "ppv", "npv")},
                   tp=stats["tp"], fp=stats["fp"], tn=stats["tn"], fn=stats["fn"])
        if stats["undefined"]:
            row["undefined"] = stats["undefined"]
        if ci:
            b = bootstrap_ci(tt, sct, auc, n_boot=n_boot, alpha=alpha, seed=seed)
            row.update(auc_low=b.low, auc_high=b.high)
        rows.append(row)
    return rows


MIN_SUPPORT = 5  # test positives (and negatives) below which a finding's AUC is too unstable to interpret


def is_supported(row: dict[str, Any], min_support: int = MIN_SUPPORT) -> bool:
    """A scored finding whose test set has at least `min_support` positives and negatives."""
    return (row.get("auc") is not None and int(row.get("n_pos", 0)) >= min_support
            and int(row.get("n", 0)) - int(row.get("n_pos", 0)) >= min_support)


def summarize_findings(rows: Sequence[dict[str, Any]], min_support: int = MIN_SUPPORT) -> dict[str, Any]:
    """Macro AUC with the per-finding min-max range (how the study reported results), over all
    scored findings and over the supported ones (>= min_support test positives and negatives);
    `unsupported` lists the findings whose AUC is computed but not meaningful."""
    scored = [r for r in rows if r.get("auc") is not None]
    supported = [r for r in scored if is_supported(r, min_support)]
    out: dict[str, Any] = {
        "macro_auc": None, "min_auc": None, "max_auc": None, "min_finding": None, "max_finding": None,
        "n_findings": len(scored), "skipped": {r["finding"]: r["skipped"] for r in rows if r.get("auc") is None},
        "macro_auc_supported": float(np.mean([r["auc"] for r in supported])) if supported else None,
        "n_supported": len(supported), "min_support": min_support,
        "unsupported": [r["finding"] for r in scored if not is_supported(r, min_support)],
    }
    if scored:
        lo = min(scored, key=lambda r: r["auc"])
        hi = max(scored, key=lambda r: r["auc"])
        out.update(macro_auc=float(np.mean([r["auc"] for r in scored])), min_auc=lo["auc"], max_auc=hi["auc"],
                   min_finding=lo["finding"], max_finding=hi["finding"])
    return out


# --------------------------------------------------------------------------------------------
# operating points at a new hospital: transferred vs recalibrated thresholds


def calibration_split(truth: Any, fraction: float = 0.25, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(calibration, evaluation) row indices: a small verified sample a hospital would label to
    recalibrate thresholds, and the rest, on which both operating points are compared (so the
    recalibrated thresholds are never judged on the cases that chose them). Studies are drawn
    within strata of their label pattern's first positive finding, so rare findings land in both parts."""
    y = np.asarray(truth) >= 0.5
    n = y.shape[0]
    rng = np.random.default_rng(seed)
    strata = np.where(y.any(axis=1), y.argmax(axis=1), -1)
    cal: list[int] = []
    for s in np.unique(strata):
        idx = np.flatnonzero(strata == s)
        rng.shuffle(idx)
        cal += idx[: int(round(len(idx) * fraction))].tolist()
    cal_idx = np.array(sorted(cal), dtype=int)
    return cal_idx, np.setdiff1d(np.arange(n), cal_idx)


def operating_points(ids: Sequence[str], truth: Any, scores: Any, transferred: Sequence[float | None], *,
                     fraction: float = 0.25, seed: int = 0) -> dict[str, Any]:
    """Sensitivity/specificity on a test set's evaluation part at the transferred thresholds and
    at thresholds recalibrated (the one Youden rule) on its calibration sample."""
    y, s, _, ids = as_matrices(truth, scores, None, ids)
    cal, ev = calibration_split(y, fraction, seed)
    recal, problems = youden_thresholds(y[cal], s[cal])
    rows = []
    for j, fid in enumerate(ids):
        t_ev, s_ev = y[ev, j] >= 0.5, s[ev, j]
        row: dict[str, Any] = {"finding": fid, "n_cal": int(cal.size), "n_pos_cal": int((y[cal, j] >= 0.5).sum()),
                               "n_eval": int(ev.size), "n_pos_eval": int(t_ev.sum())}
        for name, thr in (("transferred", transferred[j]), ("recalibrated", recal[j])):
            ok = thr is not None and not (isinstance(thr, float) and math.isnan(thr))
            st = binary_stats(t_ev, s_ev, float(thr)) if ok and t_ev.size else None
            row[name] = {"threshold": float(thr) if ok else None,
                         "sensitivity": st["sensitivity"] if st else None,
                         "specificity": st["specificity"] if st else None}
        if problems[j]:
            row["recalibrated"]["why_none"] = f"{problems[j]} in the calibration sample"
        rows.append(row)
    return {"fraction": fraction, "seed": seed, "n_cal": int(cal.size), "n_eval": int(ev.size), "findings": rows}


# --------------------------------------------------------------------------------------------
# formatting: tables never show NaN


def fmt_metric(value: float | None, reason: str | None = None, digits: int = 3) -> str:
    """'0.812', or 'n/a (reason)' for None/NaN so a missing value is never printed as a number."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return f"n/a ({reason})" if reason else "n/a"
    return f"{value:.{digits}f}"


def format_summary(summary: dict[str, Any], digits: int = 2) -> str:
    if summary["macro_auc"] is None:
        text = "macro AUC n/a (no finding has both classes)"
    else:
        text = (f"macro AUC {summary['macro_auc']:.{digits}f} (range {summary['min_auc']:.{digits}f} "
                f"{summary['min_finding']} – {summary['max_auc']:.{digits}f} {summary['max_finding']}, "
                f"{summary['n_findings']} findings)")
    if summary["skipped"]:
        text += "; skipped: " + ", ".join(f"{f} ({why})" for f, why in summary["skipped"].items())
    return text


def format_finding_table(rows: Sequence[dict[str, Any]], digits: int = 3) -> str:
    """Plain-text table for logs and reports (fixed-width columns)."""
    cols = ["finding", "n_pos/n", "AUC", "95% CI", "AP", "thr", "sens", "spec", "acc"]
    lines = []
    for r in rows:
        why = r.get("skipped")
        und = r.get("undefined", {})
        ci = (f"{r['auc_low']:.{digits}f}–{r['auc_high']:.{digits}f}" if r.get("auc_low") is not None else "")
        if why:
            lines.append([r["finding"], f"{r['n_pos']}/{r['n']}", fmt_metric(None, why)] + ["-"] * (len(cols) - 3))
            continue
        lines.append([
            r["finding"], f"{r['n_pos']}/{r['n']}", fmt_metric(r["auc"], None, digits), ci,
            fmt_metric(r["ap"], None, digits), fmt_metric(r["threshold"], None, digits),
            fmt_metric(r["sensitivity"], und.get("sensitivity"), digits),
            fmt_metric(r["specificity"], und.get("specificity"), digits),
            fmt_metric(r["accuracy"], und.get("accuracy"), digits),
        ])
    widths = [max(len(c), *(len(line[i]) for line in lines)) if lines else len(c) for i, c in enumerate(cols)]
    out = ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True))]
    out += ["  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)) for line in lines]
    return "\n".join(line.rstrip() for line in out)
