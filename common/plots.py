"""ROC and precision-recall figures for reports (PNG, written atomically).

Figures are drawn on matplotlib's Agg canvas without pyplot: no display is needed and no
global figure state leaks between calls (servers and test workers draw concurrently).
Findings without both classes are not drawn; the figure says which and why.
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fedrad.common.fileio import write_bytes
from fedrad.common.metrics import as_matrices, auc, average_precision, class_problem, pr_points, roc_points
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

LINESTYLES = ("-", "--", ":", "-.")
PlotResult = tuple[dict[str, dict[str, float]], dict[str, dict[str, str]]]
OVERLAY_MAX_CURVES = 12
TICKS = (0.0, 0.25, 0.5, 0.75, 1.0)  # beyond this, one panel per finding reads better than one crowded axes


@dataclass(frozen=True)
class ScoreSet:
    """One model's scores on one test set, e.g. name='inclusive, external'."""

    name: str
    y_true: Any          # (n, k) 0/1
    y_score: Any         # (n, k)
    mask: Any | None = None


def _curves(kind: str, sets: Sequence[ScoreSet], ids: Sequence[str], findings: Sequence[str] | None
            ) -> tuple[list[str], dict[str, dict[str, tuple]], dict[str, dict[str, str]]]:
    """Curve points and summary value per set and finding, plus {set: {finding: reason}} for skips."""
    ids = [str(i) for i in ids]
    chosen = ids if findings is None else [str(f) for f in findings]
    unknown = [f for f in chosen if f not in ids]
    if unknown:
        raise ValueError(f"unknown finding(s) {unknown}; known: {ids}")
    curves: dict[str, dict[str, tuple]] = {}
    skipped: dict[str, dict[str, str]] = {}
    for ss in sets:
        y, s, m, _ = as_matrices(ss.y_true, ss.y_score, ss.mask, ids)
        curves[ss.name], skipped[ss.name] = {}, {}
        for fid in chosen:
            j = ids.index(fid)
            t, sc = y[m[:, j], j] >= 0.5, s[m[:, j], j]
            problem = class_problem(t)
            if problem:
                skipped[ss.name][fid] = problem
                continue
            if kind == "roc":
                fpr, tpr, _ = roc_points(t, sc)
                curves[ss.name][fid] = (fpr, tpr, auc(t, sc), None)
            else:
                prec, rec, _ = pr_points(t, sc)
                curves[ss.name][fid] = (rec, prec, average_precision(t, sc), float(t.mean()))
    return chosen, curves, skipped


def _plot(kind: str, path: str | os.PathLike, sets: ScoreSet | Sequence[ScoreSet], ids: Sequence[str],
          findings: Sequence[str] | None, title: str | None, layout: str, dpi: int) -> PlotResult:
    sets = [sets] if isinstance(sets, ScoreSet) else list(sets)
    if not sets:
        raise ValueError("nothing to plot: no score sets")
    names = [s.name for s in sets]
    if len(set(names)) != len(names):
        raise ValueError(f"score set names must be distinct, got {names}")
    if layout not in ("auto", "overlay", "grid"):
        raise ValueError(f"layout must be auto, overlay or grid, got {layout!r}")
    chosen, curves, skipped = _curves(kind, sets, ids, findings)
    metric = "AUC" if kind == "roc" else "AP"
    xlabel, ylabel = ("1 - specificity", "sensitivity") if kind == "roc" else ("recall", "precision")
    n_curves = sum(len(c) for c in curves.values())
    if layout == "auto":
        layout = "overlay" if (len(sets) == 1 and n_curves <= OVERLAY_MAX_CURVES) or len(chosen) == 1 else "grid"
    drawn = [f for f in chosen if any(f in curves[s.name] for s in sets)]

    def draw(ax, rec: tuple, label: str, color, ls: str) -> None:
        x, y, _, _ = rec
        if kind == "roc":
            ax.plot(x, y, color=color, ls=ls, lw=1.6, label=label)
        else:
            ax.plot(x, y, color=color, ls=ls, lw=1.6, label=label, drawstyle="steps-post")

    def frame(ax, ttl: str | None) -> None:
        if kind == "roc":
            ax.plot([0, 1], [0, 1], color="0.7", lw=0.8, ls="--")
        ax.set_xlim(-0.01, 1.01)
        ax.set_ylim(-0.01, 1.01)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.set_aspect("equal")
        ax.set_xticks(TICKS)  # fixed ticks: matplotlib's automatic locator was most of a 26-panel figure's time
        ax.set_yticks(TICKS)
        ax.grid(alpha=0.3)
        if ttl:
            ax.set_title(ttl)

    if layout == "overlay":
        fig = Figure(figsize=(9.5, 6.0), dpi=dpi)
        ax = fig.add_subplot(1, 1, 1)
        cmap = _colors(len(drawn))
        for si, ss in enumerate(sets):
            for fi, fid in enumerate(drawn):
                if fid not in curves[ss.name]:
                    continue
                rec = curves[ss.name][fid]
                label = f"{fid}{'' if len(sets) == 1 else f' · {ss.name}'}  {metric} {rec[2]:.3f}"
                draw(ax, rec, label, cmap[fi], LINESTYLES[si % len(LINESTYLES)])
        frame(ax, title)
        if n_curves:
            ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=8, frameon=False)
    else:
        ncols = min(4, max(1, len(drawn)))
        nrows = max(1, math.ceil(len(drawn) / ncols))
        fig = Figure(figsize=(3.3 * ncols, 3.3 * nrows + 0.8), dpi=dpi)
        cmap = _colors(len(sets))
        for pi, fid in enumerate(drawn):
            ax = fig.add_subplot(nrows, ncols, pi + 1)
            for si, ss in enumerate(sets):
                rec = curves[ss.name].get(fid)
                if rec is None:
                    continue
                draw(ax, rec, f"{ss.name}  {metric} {rec[2]:.3f}".strip(), cmap[si], "-")
                if kind == "pr":
                    ax.axhline(rec[3], color=cmap[si], lw=0.8, ls=":")
            frame(ax, fid)
            ax.legend(loc="lower right" if kind == "roc" else "upper right", fontsize=7)
            ax.xaxis.label.set_fontsize(8)
            ax.yaxis.label.set_fontsize(8)
            ax.title.set_fontsize(9)
            # Every panel spans [0, 1] x [0, 1]: tick labels and axis names on the outer panels only (a panel
            # with none below it keeps its x labels), which halves the text a 26-panel figure lays out and draws.
            if pi % ncols:
                ax.tick_params(labelleft=False)
                ax.set_ylabel("")
            if pi + ncols < len(drawn):
                ax.tick_params(labelbottom=False)
                ax.set_xlabel("")
        if title:
            fig.suptitle(title)
    notes = [f"{f} ({why}{'' if len(sets) == 1 else f' in {s}'})" for s, d in skipped.items() for f, why in d.items()]
    if notes:
        fig.text(0.01, 0.005, "not drawn: " + "; ".join(notes), fontsize=7, wrap=True, va="bottom")
    if layout == "overlay":
        fig.tight_layout(rect=(0, 0.04 if notes else 0, 1, 1))
    else:  # fixed margins in inches: tight_layout measured every tick label of every panel (half the figure's time)
        w, h = fig.get_size_inches()
        fig.subplots_adjust(left=0.55 / w, right=1 - 0.15 / w, top=1 - (0.75 if title else 0.35) / h,
                            bottom=(0.45 + (0.3 if notes else 0)) / h, wspace=0.12, hspace=0.3)
    buf = io.BytesIO()
    FigureCanvasAgg(fig).print_png(buf)
    write_bytes(path, buf.getvalue())
    values = {s: {f: rec[2] for f, rec in c.items()} for s, c in curves.items()}
    return values, skipped


def _colors(n: int) -> list:
    from matplotlib import colormaps

    cmap = colormaps["tab10" if n <= 10 else "tab20"]
    return [cmap(i % cmap.N) for i in range(max(n, 1))]


def plot_roc_curves(path: str | os.PathLike | Path, sets: ScoreSet | Sequence[ScoreSet], ids: Sequence[str], *,
                    findings: Sequence[str] | None = None, title: str | None = "ROC curves", layout: str = "auto",
                    dpi: int = 110) -> PlotResult:
    """ROC curves per finding with the AUC in the legend; several sets (models/test sets) overlay.

    layout: 'overlay' (one axes, colour per finding, line style per set), 'grid' (one panel
    per finding, colour per set) or 'auto' (overlay for one set with few findings).
    Returns ({set: {finding: AUC}}, {set: {finding: reason not drawn}}).
    """
    return _plot("roc", path, sets, ids, findings, title, layout, dpi)


def plot_pr_curves(path: str | os.PathLike | Path, sets: ScoreSet | Sequence[ScoreSet], ids: Sequence[str], *,
                   findings: Sequence[str] | None = None, title: str | None = "Precision-recall curves",
                   layout: str = "auto", dpi: int = 110) -> PlotResult:
    """Precision-recall curves with the average precision in the legend (grid panels also show
    the prevalence, the AP of a random scorer, as a dotted line). Same layouts and return as ROC."""
    return _plot("pr", path, sets, ids, findings, title, layout, dpi)



def plot_heatmap(path: str | os.PathLike | Path, rows: Sequence[str], cols: Sequence[str],
                 values: Sequence[Sequence[float | None]], *, title: str = "", xlabel: str = "", ylabel: str = "",
                 vmin: float = 0.5, vmax: float = 1.0, dpi: int = 110) -> None:
    """A labelled matrix (e.g. cross-site validation AUCs: model x evaluating site); missing
    cells (None / NaN: not allowed or not computed) are grey and printed as 'n/a'."""
    import numpy as np

    data = np.array([[np.nan if v is None else float(v) for v in r] for r in values], dtype=float).reshape(
        len(rows), len(cols))
    fig = Figure(figsize=(1.6 + 1.3 * max(1, len(cols)), 1.2 + 0.6 * max(1, len(rows))), dpi=dpi)
    ax = fig.add_subplot(1, 1, 1)
    from matplotlib import colormaps

    cmap = colormaps["viridis"].with_extremes(bad="0.85")
    im = ax.imshow(np.ma.masked_invalid(data), cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto")
    ax.set_xticks(range(len(cols)), [str(c) for c in cols], rotation=30, ha="right", fontsize=8)
    ax.set_yticks(range(len(rows)), [str(r) for r in rows], fontsize=8)
    for i in range(len(rows)):
        for j in range(len(cols)):
            v = data[i, j]
            ax.text(j, i, "n/a" if math.isnan(v) else f"{v:.3f}", ha="center", va="center", fontsize=8,
                    color="black" if math.isnan(v) or v > (vmin + vmax) / 2 else "white")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title, fontsize=10)
    fig.colorbar(im, ax=ax, fraction=0.05)
    fig.tight_layout()
    buf = io.BytesIO()
    FigureCanvasAgg(fig).print_png(buf)
    write_bytes(path, buf.getvalue())
