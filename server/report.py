"""The evaluation report of a federated run: the study's table per test set, curves, per-site view.

`write_report(run_dir)` evaluates the best checkpoint (chosen on the sites' aggregated
validation AUC) on every test set of the run config, stores the scores
(`predictions-<test set>.npz`, so comparisons such as DeLong tests need no re-inference), and
writes report.md, report.json and ROC / PR curves as PNG. `fedrad report RUN_DIR` reruns it.
Operating points are the sites' aggregated validation Youden thresholds.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
from fedrad.common.fileio import write_json, write_text
from fedrad.common.metrics import fmt_metric, summarize_findings
from fedrad.server.recorder import BEST, LAST, load_history

RUN_CONFIG = "run-config.toml"


class ReportError(ValueError):
    pass


def evaluate_checkpoint(run_dir: Path, *, recompute: bool = False) -> dict[str, dict[str, Any]]:
    """{test set: {scores, truth, study_ids}} for the best checkpoint, cached as npz files."""
    from fedrad.common.model import load_checkpoint
    from fedrad.common.runconfig import RunConfig
    from fedrad.server.testsets import load_test_set, predict_test_set

    cfg = RunConfig.from_toml(run_dir / RUN_CONFIG)
    template = cfg.template()
    ckpt_path = run_dir / BEST if (run_dir / BEST).is_file() else run_dir / LAST
    out: dict[str, dict[str, Any]] = {}
    model = None
    for name, folder in cfg.test_set_paths().items():
        cache = run_dir / f"predictions-{name}.npz"
        if cache.is_file() and not recompute and cache.stat().st_mtime >= ckpt_path.stat().st_mtime:
            z = np.load(cache, allow_pickle=False)
            out[name] = {"scores": z["scores"], "truth": z["truth"], "study_ids": [str(s) for s in z["study_ids"]]}
            continue
        if model is None:
            model, _, _ = load_checkpoint(ckpt_path, template=template)
        ts = load_test_set(name, folder, template)
        scores = predict_test_set(model, ts, image_size=cfg.image_size, channels=cfg.channels,
                                  views=template.views, batch_size=max(cfg.batch_size, 16))
        np.savez(cache, scores=scores, truth=ts.truth, study_ids=np.array(ts.study_ids))
        out[name] = {"scores": scores, "truth": ts.truth, "study_ids": ts.study_ids, "skipped": ts.skipped}
    return out


def test_set_results(ids: list[str], truth: np.ndarray, scores: np.ndarray, thresholds: list[float | None],
                     *, ci: bool = True) -> dict[str, Any]:
    from fedrad.common.metrics import finding_table_at

    rows = finding_table_at(ids, truth, scores, thresholds, ci=ci, n_boot=500)
    return {"summary": summarize_findings(rows), "findings": rows}


def write_report(run_dir: str | Path, *, recompute: bool = False, ci: bool = True) -> Path:
    from fedrad.common.plots import ScoreSet, plot_pr_curves, plot_roc_curves
    from fedrad.common.runconfig import RunConfig

    run_dir = Path(run_dir)
    if not (run_dir / RUN_CONFIG).is_file():
        raise ReportError(f"{run_dir} is not a fedrad run folder ({RUN_CONFIG} missing)")
    cfg = RunConfig.from_toml(run_dir / RUN_CONFIG)
    template = cfg.template()
    history = load_history(run_dir)
    best = history.get("best", {})
    thresholds = [None if t is None or (isinstance(t, float) and math.isnan(t)) else t
                  for t in (best.get("val_threshold") or [None] * len(template))]
    results: dict[str, Any] = {}
    for name, pred in evaluate_checkpoint(run_dir, recompute=recompute).items():
        res = test_set_results(template.ids, pred["truth"], pred["scores"], thresholds, ci=ci)
        res["n_studies"] = len(pred["study_ids"])
        results[name] = res
        sets = [ScoreSet(name, pred["truth"], pred["scores"])]
        plot_roc_curves(run_dir / f"roc-{name}.png", sets, template.ids, title=f"ROC, {name} ({cfg.policy})")
        plot_pr_curves(run_dir / f"pr-{name}.png", sets, template.ids, title=f"Precision-recall, {name}")
    report = {"run_config": cfg.to_flower(), "best": best, "test_sets": results,
              "rounds": history.get("rounds", [])}
    write_json(run_dir / "report.json", report)
    write_text(run_dir / "report.md", render_markdown(cfg, template, history, results))
    return run_dir / "report.md"


def render_markdown(cfg, template, history: dict[str, Any], results: dict[str, Any]) -> str:
    rounds = history.get("rounds", [])
    best = history.get("best", {})
    lines = [f"# fedrad run report: {template.display_name}, policy `{cfg.policy}`", "",
             f"- strategy {cfg.strategy}, {len([r for r in rounds if r.get('round', 0) > 0])} rounds, "
             f"{cfg.local_epochs} local epoch(s) per round, image size {cfg.image_size} px, "
             f"views {', '.join(template.views)}",
             f"- best round (sites' aggregated validation weighted AUC): {best.get('round')} "
             f"({fmt_metric(best.get('metric'))})", privacy_line(cfg, rounds), ""]
    for name, res in results.items():
        s = res["summary"]
        lines += [f"## Test set `{name}` ({res['n_studies']} studies)", ""]
        if s["macro_auc"] is None:
            lines += ["macro AUC: n/a (no finding has both classes)", ""]
        else:
            lines += [f"**macro AUC {s['macro_auc']:.3f}** (per-finding range {s['min_auc']:.2f} "
                      f"{s['min_finding']} – {s['max_auc']:.2f} {s['max_finding']}; {s['n_findings']} findings)", ""]
        lines += ["| finding | positives/n | AUC (95% CI) | AP | threshold | sensitivity | specificity | accuracy |",
                  "|---|---|---|---|---|---|---|---|"]
        for r in res["findings"]:
            if r["skipped"]:
                continue
            ci = f" ({r['auc_low']:.2f}–{r['auc_high']:.2f})" if r.get("auc_low") is not None else ""
            lines.append(f"| {r['finding']} | {r['n_pos']}/{r['n']} | {r['auc']:.3f}{ci} | {fmt_metric(r['ap'])} | "
                         f"{r['threshold']:.3f} | {fmt_metric(r['sensitivity'])} | {fmt_metric(r['specificity'])} | "
                         f"{fmt_metric(r['accuracy'])} |")
        skipped = [r for r in res["findings"] if r["skipped"]]
        if skipped:
            lines += ["", "Skipped (no AUC can be computed; never reported as a number): "
                      + "; ".join(f"`{r['finding']}` ({r['skipped']})" for r in skipped)]
        lines += ["", f"![ROC](roc-{name}.png) ![PR](pr-{name}.png)", ""]
    lines += ["## Rounds", "", "| round | train loss | sites' val weighted AUC | val macro AUC | "
              + " | ".join(f"{n} macro AUC" for n in results) + " | missing sites |",
              "|---|---|---|---|" + "---|" * len(results) + "---|"]
    for r in rounds:
        missing = "; ".join([f"{s}: not connected" for s in r.get("offline_sites", [])]
                            + [f"train {f}" for f in r.get("train_failures", [])]
                            + [f"eval {f}" for f in r.get("eval_failures", [])]) or ""
        lines.append(f"| {r.get('round')} | {fmt_metric(r.get('train_loss'))} | "
                     f"{fmt_metric(r.get('val_weighted_auc'))} | {fmt_metric(r.get('val_macro_auc'))} | "
                     + " | ".join(fmt_metric(r.get(f"test_{n}_macro_auc")) for n in results) + f" | {missing} |")
    best_row = next((r for r in rounds if r.get("round") == best.get("round")), None)
    if best_row and best_row.get("sites"):
        lines += ["", "## Per-site validation (best round): which hospital the model serves worst", "",
                  "| site | studies | val macro AUC | val weighted AUC | val loss |", "|---|---|---|---|---|"]
        for site, m in sorted(best_row["sites"].items(), key=lambda kv: _num(kv[1].get("val_macro_auc"))):
            lines.append(f"| {site} | {m.get('n')} | {fmt_metric(_num(m.get('val_macro_auc')))} | "
                         f"{fmt_metric(_num(m.get('val_weighted_auc')))} | {fmt_metric(_num(m.get('val_loss')))} |")
    return "\n".join(lines) + "\n"


def privacy_line(cfg, rounds: list[dict[str, Any]]) -> str:
    """The privacy the released models cost: stated in every report, including "none" without DP."""
    if cfg.dp == "off":
        return "- differential privacy: off (the released models carry no formal privacy guarantee)"
    ledger = [r for r in rounds if "dp_epsilon" in r]
    last = ledger[-1] if ledger else {}
    from fedrad.common.privacy import ACCOUNTANT

    return (f"- differential privacy: {cfg.dp} clipping at the sites (norm {cfg.dp_clipping_norm:g}), Gaussian "
            f"noise multiplier {cfg.dp_noise_multiplier:g} at the coordinator; **epsilon "
            f"{fmt_metric(last.get('dp_epsilon', 0.0))} at delta {cfg.dp_delta:g}** after "
            f"{last.get('dp_releases', 0)} released round(s) ({ACCOUNTANT}; covers the released models, not the "
            f"sites' validation metrics)")


def _num(v) -> float:
    return math.nan if v is None else float(v)
