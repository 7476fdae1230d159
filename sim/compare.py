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
from fedrad.common.clikit import make_console
from fedrad.common.doctor import environment, environment_line
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


SEED_METRICS = ("macro_auc", "macro_auc_supported", "fracture_sensitivity", "fracture_specificity")


def seed_summary(seed_runs: dict[int, dict[str, Path]]) -> dict[str, Any]:
    """Macro AUC per arm and test set over seeds: mean, SD, min-max (all findings and supported
    ones), fracture sensitivity/specificity at the sites' validation thresholds, and federated
    vs pooled across seeds: the per-seed difference of macro AUC, its mean with a 95% t-interval
    and a paired t-test (seeds pair the arms: same seed, same data order)."""
    from scipy import stats

    seeds = sorted(seed_runs)
    arms = [a for a in seed_runs[seeds[0]] if all(a in seed_runs[s] for s in seeds)]
    values: dict[str, dict[str, dict[str, list[float | None]]]] = {}
    for arm in arms:
        for s in seeds:
            rep = _load(seed_runs[s][arm])
            for t, res in rep["test_sets"].items():
                cell = values.setdefault(arm, {}).setdefault(t, {k: [] for k in SEED_METRICS})
                cell["macro_auc"].append(res["summary"]["macro_auc"])
                cell["macro_auc_supported"].append(res["summary"].get("macro_auc_supported"))
                op = transfer_rows(rep, [t])[t]  # fracture at the sites' validation thresholds
                cell["fracture_sensitivity"].append(op["sensitivity"])
                cell["fracture_specificity"].append(op["specificity"])

    def describe(xs: list[float | None]) -> dict[str, Any]:
        v = np.array([x for x in xs if x is not None], dtype=float)
        if not v.size:
            return {"n": 0, "mean": None, "sd": None, "min": None, "max": None, "values": xs}
        return {"n": int(v.size), "mean": float(v.mean()), "sd": float(v.std(ddof=1)) if v.size > 1 else None,
                "min": float(v.min()), "max": float(v.max()), "values": xs}

    out: dict[str, Any] = {"seeds": seeds, "arms": {}, "tests": {}, "transfer_gap": {}}
    for arm, by_t in values.items():
        out["arms"][arm] = {t: {k: describe(v) for k, v in d.items()} for t, d in by_t.items()}
        out["transfer_gap"][arm] = transfer_gap(by_t)
    for pooled in [a for a in arms if a.startswith("pooled-")]:
        fed = "federated-" + pooled.split("-", 1)[1]
        if fed not in values:
            continue
        for t in values[fed]:
            a = values[fed][t]["macro_auc"]
            b = values[pooled][t]["macro_auc"]
            d = np.array([x - y for x, y in zip(a, b, strict=True) if x is not None and y is not None], dtype=float)
            res: dict[str, Any] = {"a": fed, "b": pooled, "test_set": t, "n_seeds": int(d.size),
                                   "diff_values": d.tolist(), "mean_diff": float(d.mean()) if d.size else None}
            if d.size >= 2:
                sd = float(d.std(ddof=1))
                half = float(stats.t.ppf(0.975, d.size - 1) * sd / np.sqrt(d.size))
                res.update(sd_diff=sd, ci_low=res["mean_diff"] - half, ci_high=res["mean_diff"] + half,
                           p=float(stats.ttest_rel(a, b).pvalue) if sd > 0 else None, test="paired t-test over seeds")
            out["tests"][f"{fed} vs {pooled} | {t}"] = res
    return out


TRANSFER_TOLERANCE = 0.15  # issue 13: a test set's fracture sensitivity/specificity within this of internal's


def transfer_gap(by_test_set: dict[str, dict[str, list[float | None]]]) -> dict[str, Any]:
    """How far each test set's fracture operating point lies from the first test set's (internal), seed by seed:
    |sensitivity difference| and |specificity difference| at the same transferred thresholds, and the largest
    of them over seeds: the figure a 'does the operating point transfer?' claim must hold for every seed."""
    names = list(by_test_set)
    if len(names) < 2:
        return {}
    ref = by_test_set[names[0]]
    out: dict[str, Any] = {}
    for t in names[1:]:
        gaps: dict[str, list[float | None]] = {}
        for k in ("fracture_sensitivity", "fracture_specificity"):
            gaps[k] = [abs(a - b) if a is not None and b is not None else None
                       for a, b in zip(by_test_set[t][k], ref[k], strict=True)]
        worst = [g for v in gaps.values() for g in v if g is not None]
        out[t] = {"reference": names[0], **gaps, "max": max(worst) if worst else None,
                  "within_tolerance": bool(worst) and max(worst) <= TRANSFER_TOLERANCE}
    return out


def transfer_rows(rep: dict[str, Any], test_sets: list[str], finding: str = "fracture") -> dict[str, Any]:
    """Sensitivity/specificity of one finding on each test set at the sites' validation
    thresholds (transferred) and at thresholds recalibrated on a verified sample (report.json)."""
    out: dict[str, Any] = {}
    for t in test_sets:
        res = rep["test_sets"][t]
        row = next((r for r in res["findings"] if r["finding"] == finding), None)
        op = next((r for r in (res.get("operating_points") or {}).get("findings", []) if r["finding"] == finding),
                  None)
        out[t] = {"sensitivity": row and row.get("sensitivity"), "specificity": row and row.get("specificity"),
                  "recalibrated": op and op["recalibrated"], "transferred_eval": op and op["transferred"]}
    return out


def _transfer_lines(reports: dict[str, Any], test_sets: list[str], finding: str = "fracture") -> list[str]:
    if not any(finding in [r["finding"] for r in rep["test_sets"][test_sets[0]]["findings"]]
               for rep in reports.values()):
        return []
    lines = ["", f"## Do operating points transfer? `{finding}` at the sites' validation thresholds", "",
             "Sensitivity / specificity on each whole test set at the transferred threshold; in brackets, on the "
             "test set minus a 25% verified sample, at the transferred threshold and at one recalibrated on that "
             "sample (the run reports have every finding).", "",
             "| run | " + " | ".join(test_sets) + " |", "|---|" + "---|" * len(test_sets)]
    for name, rep in reports.items():
        cells = []
        for r in transfer_rows(rep, test_sets, finding).values():
            c, e = r["recalibrated"] or {}, r["transferred_eval"] or {}
            cells.append(f"{fmt_metric(r['sensitivity'])} / {fmt_metric(r['specificity'])} "
                         f"[transferred {fmt_metric(e.get('sensitivity'))} / {fmt_metric(e.get('specificity'))}; "
                         f"recalibrated {fmt_metric(c.get('sensitivity'))} / {fmt_metric(c.get('specificity'))}]")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def _seed_markdown(ss: dict[str, Any]) -> list[str]:
    def ms(d: dict[str, Any]) -> str:
        if d["mean"] is None:
            return "n/a"
        sd = f" ± {d['sd']:.3f}" if d["sd"] is not None else ""
        return f"{d['mean']:.3f}{sd} ({d['min']:.3f}–{d['max']:.3f})"

    def pm(d: dict[str, Any] | None) -> str:
        if not d or d["mean"] is None:
            return "n/a"
        return f"{d['mean']:.2f}" + (f" ± {d['sd']:.2f}" if d["sd"] is not None else "")

    test_sets = list(next(iter(ss["arms"].values()))) if ss["arms"] else []
    lines = ["", f"## Over {len(ss['seeds'])} seeds (run seeds {', '.join(map(str, ss['seeds']))}; same hospitals)", "",
             "Macro AUC mean ± SD (min–max over seeds); all findings / supported findings.", "",
             "| arm | " + " | ".join(f"{t} (all) | {t} (supported)" for t in test_sets) + " |",
             "|---|" + "---|---|" * len(test_sets)]
    for arm, by_t in ss["arms"].items():
        lines.append(f"| {arm} | " + " | ".join(f"{ms(by_t[t]['macro_auc'])} | {ms(by_t[t]['macro_auc_supported'])}"
                                                 for t in test_sets) + " |")
    lines += ["", "Fracture at the sites' validation thresholds (transferred to each test set): sensitivity / "
              "specificity, mean ± SD over seeds.", "",
              "| arm | " + " | ".join(test_sets) + " |", "|---|" + "---|" * len(test_sets)]
    for arm, by_t in ss["arms"].items():
        cells = [f"{pm(by_t[t].get('fracture_sensitivity'))} / {pm(by_t[t].get('fracture_specificity'))}"
                 for t in test_sets]
        lines.append(f"| {arm} | " + " | ".join(cells) + " |")
    gaps = ss.get("transfer_gap") or {}
    if any(gaps.values()):
        lines += ["", f"Distance of each test set's fracture operating point from the internal one, seed by seed "
                  f"(|sensitivity difference| / |specificity difference|; issue 13's tolerance {TRANSFER_TOLERANCE}).",
                  ""]
        for arm, by_t in gaps.items():
            for t, g in by_t.items():
                per_seed = ", ".join(f"{fmt_metric(a)} / {fmt_metric(b)}" for a, b in
                                     zip(g["fracture_sensitivity"], g["fracture_specificity"], strict=True))
                verdict = "within" if g["within_tolerance"] else "NOT within"
                lines.append(f"- {arm}, {t} vs {g['reference']}: {per_seed}; largest {fmt_metric(g['max'])} "
                             f"({verdict} {TRANSFER_TOLERANCE} on every seed)")
    if ss["tests"]:
        lines += ["", "| federated vs pooled | test set | seeds | mean difference (95% CI) | paired t-test p |",
                  "|---|---|---|---|---|"]
        for r in ss["tests"].values():
            ci = (f" ({r['ci_low']:+.3f} to {r['ci_high']:+.3f})" if r.get("ci_low") is not None else "")
            lines.append(f"| {r['a']} − {r['b']} | {r['test_set']} | {r['n_seeds']} | "
                         f"{fmt_metric(r['mean_diff'])}{ci} | {fmt_metric(r.get('p'))} |")
    return lines


def write_comparison(out: Path, runs: dict[str, Path], *, console: Console | None = None,
                     seed_runs: dict[int, dict[str, Path]] | None = None) -> Path:
    from fedrad.common.plots import ScoreSet, plot_roc_curves
    from fedrad.common.templates import load_template

    console = console or make_console()
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
    if seed_runs and len(seed_runs) > 1:
        summary["seeds"] = seed_summary(seed_runs)
    summary["environment"] = environment()  # every arm of a simulation ran on this machine
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
    from fedrad.server.report import cross_site_lines

    cfg = next(iter(reports.values()))["run_config"]
    lines = ["# fedrad simulation: the study's experiment across virtual hospitals", "",
             f"Region `{cfg['region']}`, image size {cfg['image-size']} px, {cfg['num-server-rounds']} rounds x "
             f"{cfg['local-epochs']} local epoch(s), strategy {cfg['strategy']}.", "",
             *(["- " + environment_line(summary["environment"]), ""] if summary.get("environment") else []),
             "## Macro AUC (per-finding range; supported findings)", "",
             "Supported: findings with >= 5 test positives and negatives (the others' AUC is not meaningful).", "",
             "| run | " + " | ".join(test_sets) + " | training | evaluated round | run report |",
             "|---|" + "---|" * len(test_sets) + "---|---|---|"]
    for name, r in summary["runs"].items():
        cells = []
        for t in test_sets:
            s = r["macro"][t]
            cells.append("n/a" if s["macro_auc"] is None else
                         f"{s['macro_auc']:.3f} ({s['min_auc']:.2f}–{s['max_auc']:.2f}); supported "
                         f"{fmt_metric(s.get('macro_auc_supported'))} ({s.get('n_supported', 0)})")
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {_training(name, reports[name]['run_config'])} | "
                     f"{r['best_round']} | [{name}](runs/{name}/report.md) |")
    lines += _transfer_lines(reports, test_sets)
    for name, rep in reports.items():  # the federated runs' cross-site matrices (pooled has none)
        lines += cross_site_lines(rep.get("cross_site"), title=f"## Cross-site evaluation, {name}",
                                  folder=f"runs/{name}/")
    if not any(rep.get("cross_site") for rep in reports.values()):
        lines += ["", "Cross-site evaluation (every site scoring the other sites' local models) was not run: it is "
                  "opt-in for `fedrad sim run` (`[run] cross-site = true` in a `--config` file)."]
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
    if summary.get("seeds"):
        lines += _seed_markdown(summary["seeds"])
    return "\n".join(lines) + "\n"

