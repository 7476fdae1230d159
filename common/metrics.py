"""Evaluation metrics (placeholder API; extended by the metrics work)."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import roc_auc_score


def macro_auc(y_true: np.ndarray, y_score: np.ndarray, mask: np.ndarray | None = None,
              ids: list[str] | None = None) -> tuple[float, dict[str, float], list[str]]:
    """Macro ROC AUC over findings that have both classes; returns (macro, per_finding, skipped).

    Findings with a single class in the truth are skipped and listed, never NaN. macro is
    NaN only when every finding is skipped (callers must print it as 'n/a').
    """
    y_true = np.asarray(y_true)
    y_score = np.asarray(y_score)
    k = y_true.shape[1]
    ids = ids or [str(i) for i in range(k)]
    per: dict[str, float] = {}
    skipped: list[str] = []
    for j in range(k):
        keep = np.ones(len(y_true), bool) if mask is None else np.asarray(mask)[:, j] > 0
        t = y_true[keep, j] >= 0.5
        if t.all() or (~t).all():
            skipped.append(ids[j])
            continue
        per[ids[j]] = float(roc_auc_score(t, y_score[keep, j]))
    macro = float(np.mean(list(per.values()))) if per else float("nan")
    return macro, per, skipped
