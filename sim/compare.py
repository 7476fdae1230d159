"""The simulation's comparison report: the study's table across runs, with DeLong tests.

- inclusive vs exclusive: paired DeLong on the same test cases, per finding (the study: no
  significant difference, p >= 0.15);
- internal vs external: DeLong's unpaired form, per finding, for each run;
- federated vs pooled: paired DeLong per finding (what federation costs).
Findings that lack two positives and two negatives in a test set get no test (listed).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from fedrad.common.fileio import write_json, write_text
from fedrad.common.metrics import class_problem, delong_paired_test, delong_unpaired_test, fmt_metric
from rich.console import Console
from rich.table import Table


def _load(run: Path) -> dict[str, Any]:
    return json.loads((run / "report.json").read_text())


def _preds(run: Path, test_set: str) -> dict[str, np.ndarray]:
    z = np.load(run / f"predictions-{test_set}.npz", allow_pickle=False)
    return {"scores": z["scores"], "truth": z["truth"], "ids": z["study_ids"]}


def _testable(y: np.ndarray) -> bool:
    return class_problem(y) is None and y.sum() >= 2 and (1 - y).sum() >= 2


def paired_tests(a: dict, b: dict, ids: list[str]) -> list[dict[str, Any]]:
    if list(a["ids"]) != list(b["ids"]):
        raise ValueError("paired comparison needs the same test cases in the same order")
    out = []
    for j, fid in enumerate(ids):
        y = a["truth"][:, j]
        if not _testable(y):
            out.append({"finding": fid, "p": None, "skipped": "fewer than 2 positives or negatives"})
            continue
        r = delong_paired_test(y, a["scores"][:, j], b["scores"][:, j])
        out.append({"finding": fid, "auc1": r.auc1, "auc2": r.auc2, "diff": r.diff, "z": r.z, "p": r.p})
    return out


def unpaired_tests(a: dict, b: dict, ids: list[str]) -> list[dict[str, Any]]:
    out = []
    for j, fid in enumerate(ids):
        y1, y2 = a["truth"][:, j], b["truth"][:, j]
        if not (_testable(y1) and _testable(y2)):
            out.append({"finding": fid, "p": None, "skipped": "fewer than 2 positives or negatives"})
            continue
        r = delong_unpaired_test(y1, a["scores"][:, j], y2, b["scores"][:, j])
        out.append({"finding": fid, "auc1": r.auc1, "auc2": r.auc2, "diff": r.diff, "z": r.z, "p": r.p})
    return out


def _p_summary(tests: list[dict[str, Any]]) -> dict[str, Any]:
    ps = [t["p"] for t in tests if t.get("p") is not None]
    return {"tested": len(ps), "significant_0.05": sum(p < 0.05 for p in ps), "min_p": min(ps) if ps else None,
            "median_p": float(np.median(ps)) if ps else None}


def write_comparison(out: Path, runs: dict[str, Path], *, console: Console | None = None) -> Path:
    from fedrad.common.plots import ScoreSet, plot_roc_curves
    from fedrad.common.templates import load_template

    console = console or Console()
    reports = {name: _load(path) for name, path in runs.items()}
    first = next(iter(reports.values()))
    template = load_template(first["run_config"]["region"])
    ids = template.ids
    test_sets = list(first["test_sets"])
    summary: dict[str, Any] = {"runs": {}, "tests": {}}
    table = Table("run", *[f"{t} macro AUC (range)" for t in test_sets], title="Macro AUC per test set")
    for name, rep in reports.items():
        row = {}
        cells = []
        for t in test_sets:
            s = rep["test_sets"][t]["summary"]
            row[t] = s
            cells.append("n/a" if s["macro_auc"] is None else
                         f"{s['macro_auc']:.3f} ({s['min_auc']:.2f}–{s['max_auc']:.2f})")
        summary["runs"][name] = {"macro": row, "best_round": rep["best"].get("round"), "path": str(runs[name])}
        table.add_row(name, *cells)
    console.print(table)

    preds = {(name, t): _preds(runs[name], t) for name in runs for t in test_sets}
    fed = sorted(n for n in runs if n.startswith("federated-"))
    comparisons: list[tuple[str, str, str, str]] = []  # (title, kind, a, b)
    if "federated-inclusive" in runs and "federated-exclusive" in runs:
        comparisons.append(("inclusive vs exclusive (federated)", "paired", "federated-inclusive",
                            "federated-exclusive"))
    pooled = [n for n in runs if n.startswith("pooled-")]
    for p in pooled:
        twin = "federated-" + p.split("-", 1)[1]
        if twin in runs:
            comparisons.append((f"federated vs pooled ({p.split('-', 1)[1]})", "paired", twin, p))
    for title, _, a, b in comparisons:
        for t in test_sets:
            tests = paired_tests(preds[(a, t)], preds[(b, t)], ids)
            summary["tests"][f"{title} | {t}"] = {"kind": "paired DeLong", "a": a, "b": b, "test_set": t,
                                                 "per_finding": tests, **_p_summary(tests)}
    if "internal" in test_sets and "external" in test_sets:
        for name in [*fed, *pooled]:
            tests = unpaired_tests(preds[(name, "internal")], preds[(name, "external")], ids)
            summary["tests"][f"internal vs external | {name}"] = {
                "kind": "unpaired DeLong", "a": "internal", "b": "external", "run": name,
                "per_finding": tests, **_p_summary(tests)}
    ptable = Table("comparison", "findings tested", "p < 0.05", "min p", "median p", title="DeLong tests per finding")
    for key, res in summary["tests"].items():
        ptable.add_row(key, str(res["tested"]), str(res["significant_0.05"]), fmt_metric(res["min_p"]),
                       fmt_metric(res["median_p"]))
    console.print(ptable)

    for t in test_sets:
        sets = [ScoreSet(n, preds[(n, t)]["truth"], preds[(n, t)]["scores"]) for n in runs]
        show = [f for f in ("fracture", ids[0]) if f in ids][:1]
        plot_roc_curves(out / f"roc-{t}-runs.png", sets, ids, findings=show, layout="overlay",
                        title=f"ROC of '{show[0]}' on {t}: all runs")
    write_json(out / "report.json", summary)
    write_text(out / "report.md", _markdown(summary, test_sets, reports))
    return out / "report.md"


def _training(name: str, cfg: dict[str, Any]) -> str:
    """Same sample budget for every arm (rounds x local epochs = pooled epochs); each arm's own rate."""
    passes = cfg["num-server-rounds"] * cfg["local-epochs"]
    if name.startswith("pooled"):
        return f"{passes} epochs, lr {cfg['lr']:g}"
    return f"{cfg['num-server-rounds']} x {cfg['local-epochs']} epochs, lr {cfg['lr']:g}"


def _markdown(summary: dict[str, Any], test_sets: list[str], reports: dict[str, Any]) -> str:
    cfg = next(iter(reports.values()))["run_config"]
    lines = ["# fedrad simulation: the study's experiment across virtual hospitals", "",
             f"Region `{cfg['region']}`, image size {cfg['image-size']} px, {cfg['num-server-rounds']} rounds x "
             f"{cfg['local-epochs']} local epoch(s), strategy {cfg['strategy']}.", "",
             "## Macro AUC (per-finding range)", "",
             "| run | " + " | ".join(test_sets) + " | training | best round | run report |",
             "|---|" + "---|" * len(test_sets) + "---|---|---|"]
    for name, r in summary["runs"].items():
        cells = []
        for t in test_sets:
            s = r["macro"][t]
            cells.append("n/a" if s["macro_auc"] is None else
                         f"{s['macro_auc']:.3f} ({s['min_auc']:.2f}–{s['max_auc']:.2f})")
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {_training(name, reports[name]['run_config'])} | "
                     f"{r['best_round']} | [{name}](runs/{name}/report.md) |")
    lines += ["", "## DeLong tests (per finding)", "",
              "| comparison | on | test | findings tested | p < 0.05 | min p | median p |",
              "|---|---|---|---|---|---|---|"]
    for key, res in summary["tests"].items():
        what, on = (part.strip() for part in key.split("|", 1))
        lines.append(f"| {what} | {on} | {res['kind']} | {res['tested']} | {res['significant_0.05']} | "
                     f"{fmt_metric(res['min_p'])} | {fmt_metric(res['median_p'])} |")
    lines += ["", "Per-finding p-values are in report.json. A finding with fewer than two positives or negatives "
              "in a test set is not tested.", ""]
    lines += [f"![ROC on {t}](roc-{t}-runs.png)" for t in test_sets]
    return "\n".join(lines) + "\n"

