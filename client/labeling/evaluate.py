"""Scoring labels against gold labels (labeling-rules.md, "How labelers are scored").

Label-level accuracy (correct cells / all cells) is the study's headline metric (98.6%), but
most cells are `false`, so a labeler that answers `false` everywhere would score ~95%: the
per-value precision/recall/F1 for `true` and `uncertain`, the confusion table and the
per-finding accuracy are what tell labelers apart. Studies present on only one side are
reported by id, never silently dropped; only the common studies are scored.
"""

from __future__ import annotations

import os
from pathlib import Path

from fedrad.common.labels import Label, LabelFileError, LabelTable, read_csv_text, read_label_file
from fedrad.common.templates import Template, available_regions, load_template

VALUE_NAMES = ("false", "uncertain", "true")

# The six ways a cell can be wrong, named for what a reviewer has to fix (gold -> predicted).
ERROR_KINDS = {
    ("true", "false"): "missed finding",
    ("uncertain", "false"): "missed hedged finding",
    ("false", "true"): "spurious finding",
    ("false", "uncertain"): "spurious hedged finding",
    ("true", "uncertain"): "hedge added",
    ("uncertain", "true"): "hedge lost",
}


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int | None]:
    """Precision/recall/F1; None (JSON null) where undefined, never NaN."""
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r > 0 else (0.0 if p == 0 or r == 0 else None)
    return {"precision": p, "recall": r, "f1": f, "support": tp + fn, "predicted": tp + fp, "tp": tp}


def evaluate_labels(pred: LabelTable, gold: LabelTable) -> dict:
    """Compare two label tables of the same region; JSON-serialisable result."""
    if pred.template.region != gold.template.region:
        raise LabelFileError("predictions", None, None, f"region mismatch: predictions are "
                             f"'{pred.template.region}', gold is '{gold.template.region}'")
    ids = gold.template.ids
    p_by, g_by = pred.by_study(), gold.by_study()
    common = [s for s in gold.study_ids if s in p_by]
    missing_in_pred = [s for s in gold.study_ids if s not in p_by]
    missing_in_gold = [s for s in pred.study_ids if s not in g_by]
    confusion = [[0, 0, 0] for _ in range(3)]  # [gold][pred], index = int(Label)
    per_finding: dict[str, dict] = {}
    wrong_cells: list[dict[str, str]] = []
    for fid in ids:
        conf = [[0, 0, 0] for _ in range(3)]
        for s in common:
            g, p = int(g_by[s][fid]), int(p_by[s][fid])
            conf[g][p] += 1
            if g != p:
                gv, pv = VALUE_NAMES[g], VALUE_NAMES[p]
                wrong_cells.append({"study_id": s, "finding": fid, "predicted": pv, "gold": gv,
                                    "kind": ERROR_KINDS[(gv, pv)]})
        n = len(common)
        correct = sum(conf[i][i] for i in range(3))
        per_finding[fid] = {
            "accuracy": correct / n if n else None, "correct": correct, "cells": n,
            "gold": {VALUE_NAMES[i]: sum(conf[i]) for i in range(3)},
            "pred": {VALUE_NAMES[j]: sum(conf[i][j] for i in range(3)) for j in range(3)},
            "true": _prf(conf[2][2], conf[0][2] + conf[1][2], conf[2][0] + conf[2][1]),
            "uncertain": _prf(conf[1][1], conf[0][1] + conf[2][1], conf[1][0] + conf[1][2]),
            "errors": n - correct,
            "confusion": conf,
        }
        for i in range(3):
            for j in range(3):
                confusion[i][j] += conf[i][j]
    cells = len(common) * len(ids)
    correct = sum(confusion[i][i] for i in range(3))
    per_value = {}
    for v in range(3):
        tp = confusion[v][v]
        fp = sum(confusion[i][v] for i in range(3)) - tp
        fn = sum(confusion[v]) - tp
        per_value[VALUE_NAMES[v]] = _prf(tp, fp, fn)
    # "any finding" view: true and uncertain both count as positive (what the inclusive policy trains on)
    pos_tp = sum(confusion[i][j] for i in (1, 2) for j in (1, 2))
    pos_fp = confusion[0][1] + confusion[0][2]
    pos_fn = confusion[1][0] + confusion[2][0]
    study_exact = sum(1 for s in common if all(g_by[s][f] == p_by[s][f] for f in ids))
    order = {s: i for i, s in enumerate(common)}
    wrong_cells.sort(key=lambda c: (order[c["study_id"]], ids.index(c["finding"])))
    return {
        "region": gold.template.region,
        "studies": {"scored": len(common), "gold": len(gold), "pred": len(pred),
                    "missing_in_pred": missing_in_pred, "missing_in_gold": missing_in_gold},
        "cells": cells,
        "correct": correct,
        "accuracy": correct / cells if cells else None,
        "study_exact_match": study_exact / len(common) if common else None,
        "studies_with_errors": len({c["study_id"] for c in wrong_cells}),
        "error_kinds": _error_kinds(confusion),
        "per_value": per_value,
        "macro_f1_true_uncertain": _mean([per_value["true"]["f1"], per_value["uncertain"]["f1"]]),
        "positive_any": _prf(pos_tp, pos_fp, pos_fn),
        "confusion": {"rows_gold_cols_pred": list(VALUE_NAMES),
                      "matrix": confusion,
                      "table": {VALUE_NAMES[i]: {VALUE_NAMES[j]: confusion[i][j] for j in range(3)} for i in range(3)}},
        "per_finding": per_finding,
        "wrong_cells": wrong_cells,
    }


def _error_kinds(confusion: list[list[int]]) -> dict[str, dict]:
    """{kind: {"gold", "predicted", "cells"}} for the six kinds of wrong cell, most frequent first."""
    out = []
    for (gv, pv), name in ERROR_KINDS.items():
        n = confusion[VALUE_NAMES.index(gv)][VALUE_NAMES.index(pv)]
        out.append((name, {"gold": gv, "predicted": pv, "cells": n}))
    out.sort(key=lambda kv: -kv[1]["cells"])
    return dict(out)


def _mean(xs: list[float | None]) -> float | None:
    xs = [x for x in xs if x is not None]
    return sum(xs) / len(xs) if xs else None


def merge_evaluations(results: list[dict]) -> dict:
    """Pool several evaluations (e.g. one per site or per region) into overall figures."""
    confusion = [[0, 0, 0] for _ in range(3)]
    for r in results:
        for i in range(3):
            for j in range(3):
                confusion[i][j] += r["confusion"]["matrix"][i][j]
    cells = sum(sum(row) for row in confusion)
    correct = sum(confusion[i][i] for i in range(3))
    per_value = {}
    for v in range(3):
        tp = confusion[v][v]
        per_value[VALUE_NAMES[v]] = _prf(tp, sum(confusion[i][v] for i in range(3)) - tp, sum(confusion[v]) - tp)
    return {"cells": cells, "correct": correct, "accuracy": correct / cells if cells else None,
            "per_value": per_value, "confusion": {"rows_gold_cols_pred": list(VALUE_NAMES), "matrix": confusion},
            "error_kinds": _error_kinds(confusion)}


def infer_region(path: str | os.PathLike) -> Template:
    """The template whose finding ids match the file's header (for `fedrad label eval` without --region)."""
    header, _ = read_csv_text(path)
    cols = set(header) - {"study_id", "region"}
    best: tuple[int, Template] | None = None
    for region in available_regions():
        tpl = load_template(region)
        if set(tpl.ids) <= cols:
            score = len(set(tpl.ids))
            if best is None or score > best[0]:
                best = (score, tpl)
    if best is None:
        raise LabelFileError(path, 1, None, "the columns match no region template; pass --region "
                             f"(available: {', '.join(available_regions())})")
    return best[1]


def evaluate_files(pred_path: str | os.PathLike, gold_path: str | os.PathLike, region: str | None = None) -> dict:
    tpl = load_template(region) if region else infer_region(gold_path)
    # Gold from a reviewer may carry parent violations the labeler would have repaired: lift them.
    gold = read_label_file(gold_path, tpl, propagate_parents=True)
    pred = read_label_file(pred_path, tpl, propagate_parents=True)
    out = evaluate_labels(pred, gold)
    out["pred_file"], out["gold_file"] = str(Path(pred_path)), str(Path(gold_path))
    return out


def _fmt(x: float | None, pct: bool = True) -> str:
    if x is None:
        return "n/a"
    return f"{100 * x:.1f}%" if pct else f"{x:.3f}"


def _cnt(x: int) -> str:
    return str(x) if x else "."


def print_evaluation(result: dict, console=None, *, worst: int | None = None, cells: int = 100) -> None:
    """Headline, per-value P/R/F1, confusion, errors by kind, per-finding metrics (worst first)
    and the wrong cells (study, finding, predicted, gold): what a site needs to check its own
    verified sample. `worst` caps the findings listed (None: every finding with a wrong cell),
    `cells` the wrong cells listed (0: none, -1: all)."""
    from fedrad.common.clikit import make_console
    from rich.table import Table

    console = console or make_console(width=160)
    st = result["studies"]
    console.print(f"[bold]{result['region']}[/]: {st['scored']} studies scored, {result['cells']} cells; "
                  f"label-level accuracy [bold]{_fmt(result['accuracy'])}[/] ({result['correct']}/{result['cells']}); "
                  f"studies fully correct {_fmt(result['study_exact_match'])}; "
                  f"studies with >= 1 wrong label: {result['studies_with_errors']}")
    for key, label in (("missing_in_pred", "in gold but not in predictions"),
                       ("missing_in_gold", "in predictions but not in gold")):
        if st[key]:
            more = f" (+{len(st[key]) - 5} more)" if len(st[key]) > 5 else ""
            console.print(f"[yellow]{len(st[key])} studies {label}[/]: {', '.join(st[key][:5])}{more}")
    t = Table(title="per value")
    for c in ("value", "precision", "recall", "F1", "gold", "predicted"):
        t.add_column(c, justify="right" if c != "value" else "left")
    for v in ("true", "uncertain", "false"):
        m = result["per_value"][v]
        t.add_row(v, _fmt(m["precision"]), _fmt(m["recall"]), _fmt(m["f1"], pct=False), str(m["support"]),
                  str(m["predicted"]))
    console.print(t)
    c = Table(title="confusion (rows: gold, columns: predicted)")
    c.add_column("gold \\ pred")
    for v in VALUE_NAMES:
        c.add_column(v, justify="right")
    for i, v in enumerate(VALUE_NAMES):
        c.add_row(v, *(str(x) for x in result["confusion"]["matrix"][i]))
    console.print(c)
    k = Table(title="wrong cells by kind")
    for col in ("kind", "gold", "predicted", "cells"):
        k.add_column(col, justify="right" if col == "cells" else "left")
    for name, m in result["error_kinds"].items():
        k.add_row(name, m["gold"], m["predicted"], str(m["cells"]))
    console.print(k)
    pf = result["per_finding"]
    rows = sorted(pf.items(), key=lambda kv: (kv[1]["accuracy"] or 0,
                                              -kv[1]["gold"]["true"] - kv[1]["gold"]["uncertain"], kv[0]))
    bad = [(fid, m) for fid, m in rows if m["errors"]]
    w = Table(title=f"per finding, worst first ({len(bad)} of {len(pf)} findings have wrong cells; "
                    "confusion: gold->predicted, t/u/f)")
    for col in ("finding", "accuracy", "gold t/u/f", "pred t/u/f", "P/R/F1 true", "P/R/F1 uncertain",
                "t->f", "t->u", "u->f", "u->t", "f->t", "f->u"):
        w.add_column(col, justify="left" if col == "finding" else "right")
    for fid, m in (bad if worst is None or worst < 0 else bad[:worst]):
        g, p, cf = m["gold"], m["pred"], m["confusion"]
        t_, u_ = m["true"], m["uncertain"]
        w.add_row(fid, _fmt(m["accuracy"]), f"{g['true']}/{g['uncertain']}/{g['false']}",
                  f"{p['true']}/{p['uncertain']}/{p['false']}",
                  "/".join(_fmt(t_[x], pct=False) for x in ("precision", "recall", "f1")),
                  "/".join(_fmt(u_[x], pct=False) for x in ("precision", "recall", "f1")),
                  _cnt(cf[2][0]), _cnt(cf[2][1]), _cnt(cf[1][0]), _cnt(cf[1][2]), _cnt(cf[0][2]), _cnt(cf[0][1]))
    console.print(w)
    wrong = result["wrong_cells"]
    if wrong and cells:
        shown = wrong if cells < 0 else wrong[:cells]
        x = Table(title=f"wrong cells ({len(shown)} of {len(wrong)})")
        for col in ("study", "finding", "predicted", "gold", "kind"):
            x.add_column(col)
        for cell in shown:
            x.add_row(cell["study_id"], cell["finding"], cell["predicted"], cell["gold"], cell["kind"])
        console.print(x)


__all__ = ["evaluate_labels", "evaluate_files", "merge_evaluations", "infer_region", "print_evaluation", "Label"]
