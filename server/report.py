"""The evaluation report of a federated run: the study's table per test set, curves, per-site view.

`write_report(run_dir)` evaluates the best checkpoint (chosen on the sites' aggregated
validation AUC) on every test set of the run config, stores the scores
(`predictions-<test set>.npz`, so comparisons such as DeLong tests need no re-inference), and
writes report.md, report.json, ROC / PR curves as PNG and the self-contained report.html.
`fedrad report RUN_DIR` reruns it.
Operating points are Youden's cuts on the union of the sites' validation sets (the sites' score counts
summed, server.recorder.aggregate_site_metrics), transferred unchanged to every test set.
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

import numpy as np
from fedrad.common.errors import FedradError
from fedrad.common.fileio import write_json, write_text
from fedrad.common.metrics import fmt_metric, summarize_findings
from fedrad.server.recorder import BEST, LAST, load_history

RUN_CONFIG = "run-config.toml"


class ReportError(FedradError, ValueError):
    pass


def evaluate_checkpoint(run_dir: Path, *, recompute: bool = False,
                        timings: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """{test set: {scores, truth, study_ids}} for the best checkpoint, cached as npz files; `timings`
    (optional) gets {test set: {predict_s}} of the sets scored now."""
    from fedrad.common.model import load_checkpoint
    from fedrad.common.runconfig import RunConfig
    from fedrad.server.testsets import content_fingerprint, load_test_set, predict_test_set

    cfg = RunConfig.from_toml(run_dir / RUN_CONFIG)
    template = cfg.template()
    ckpt_path = run_dir / BEST if (run_dir / BEST).is_file() else run_dir / LAST
    out: dict[str, dict[str, Any]] = {}
    model = None
    for name, folder in cfg.test_set_paths().items():
        cache = run_dir / f"predictions-{name}.npz"
        fingerprint = content_fingerprint(folder, template.region)  # a re-export invalidates the cache
        if cache.is_file() and not recompute and cache.stat().st_mtime >= ckpt_path.stat().st_mtime:
            z = np.load(cache, allow_pickle=False)
            if "testset" in z.files and str(z["testset"]) == fingerprint:
                out[name] = {"scores": z["scores"], "truth": z["truth"],
                             "study_ids": [str(s) for s in z["study_ids"]]}
                continue
        if model is None:
            model, _, _ = load_checkpoint(ckpt_path, template=template)
        ts = load_test_set(name, folder, template)
        spent: dict[str, float] = {}
        scores = predict_test_set(model, ts, image_size=cfg.image_size, channels=cfg.channels,
                                  views=template.views, batch_size=max(cfg.batch_size, 16), intensity=cfg.intensity,
                                  recalibrate_bn=cfg.bn_local, timings=spent)
        if timings is not None:
            timings[name] = spent
        np.savez(cache, scores=scores, truth=ts.truth, study_ids=np.array(ts.study_ids),
                 testset=np.array(fingerprint))
        out[name] = {"scores": scores, "truth": ts.truth, "study_ids": ts.study_ids, "skipped": ts.skipped}
    return out


def test_set_results(ids: list[str], truth: np.ndarray, scores: np.ndarray, thresholds: list[float | None],
                     *, ci: bool = True) -> dict[str, Any]:
    """The study's per-finding table at the transferred (validation) thresholds, each row marked
    `supported` (enough test positives and negatives for a meaningful AUC), plus the operating
    points at thresholds recalibrated on a small sample of the test set (common.metrics)."""
    from fedrad.common.metrics import finding_table_at, is_supported, operating_points

    rows = finding_table_at(ids, truth, scores, thresholds, ci=ci, n_boot=500)
    for r in rows:
        r["supported"] = is_supported(r)
    return {"summary": summarize_findings(rows), "findings": rows,
            "operating_points": operating_points(ids, truth, scores, thresholds)}


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
    t0 = time.perf_counter()
    seconds: dict[str, Any] = {"test_sets": {}}  # where the report's time goes (bench/arm_phases.py)
    preds = evaluate_checkpoint(run_dir, recompute=recompute, timings=seconds["test_sets"])
    seconds["evaluate_s"] = time.perf_counter() - t0
    seconds["plots_s"] = 0.0
    for name, pred in preds.items():
        res = test_set_results(template.ids, pred["truth"], pred["scores"], thresholds, ci=ci)
        res["n_studies"] = len(pred["study_ids"])
        results[name] = res
        sets = [ScoreSet(name, pred["truth"], pred["scores"])]
        t1 = time.perf_counter()
        plot_roc_curves(run_dir / f"roc-{name}.png", sets, template.ids, title=f"ROC, {name} ({cfg.policy})")
        plot_pr_curves(run_dir / f"pr-{name}.png", sets, template.ids, title=f"Precision-recall, {name}")
        seconds["plots_s"] += time.perf_counter() - t1
    cross = cross_site_section(run_dir)
    seconds["report_s"] = time.perf_counter() - t0  # up to report.html, which embeds report.json
    from fedrad.common.doctor import environment

    # The coordinator's machine, where the test sets were just scored (the sites' machines stay theirs).
    report = {"run_config": cfg.to_flower(), "best": best, "test_sets": results,
              "rounds": history.get("rounds", []), "cross_site": cross, "seconds": seconds,
              "environment": environment()}
    write_json(run_dir / "report.json", report)
    write_text(run_dir / "report.md",
               render_markdown(cfg, template, history, results, cross, env=report["environment"]))
    from fedrad.server.report_html import write_html

    write_html(run_dir)
    return run_dir / "report.md"


def cross_site_section(run_dir: Path) -> dict[str, Any] | None:
    """The cross-site matrix (server.crosssite) with its heatmap PNG, or None when the run has none."""
    import json

    from fedrad.common.plots import plot_heatmap
    from fedrad.server.crosssite import CROSS_SITE_JSON

    path = run_dir / CROSS_SITE_JSON
    if not path.is_file():
        return None
    m = json.loads(path.read_text())
    values = [[m["cells"].get(model, {}).get(site, {}).get("val_macro_auc") for site in m["sites"]]
              for model in m["models"]]
    if m["models"] and m["sites"]:
        plot_heatmap(run_dir / "cross-site.png", m["models"], m["sites"], values,
                     title="Cross-site validation macro AUC (model x evaluating site)",
                     xlabel="evaluated at (validation split)", ylabel="model")
        m["heatmap"] = "cross-site.png"
    return m


def render_markdown(cfg, template, history: dict[str, Any], results: dict[str, Any],
                    cross: dict[str, Any] | None = None, env: dict[str, Any] | None = None) -> str:
    rounds = history.get("rounds", [])
    best = history.get("best", {})
    lines = [f"# fedrad run report: {template.display_name}, policy `{cfg.policy}`", "",
             f"- strategy {cfg.strategy}, {len([r for r in rounds if r.get('round', 0) > 0])} rounds, "
             f"{cfg.local_epochs} local epoch(s) per round, image size {cfg.image_size} px, "
             f"views {', '.join(template.views)}",
             f"- evaluated round (select-round last: the final round): {best.get('round')} (sites' aggregated "
             f"validation weighted AUC {fmt_metric(best.get('metric'))})" if cfg.select_round == "last" else
             f"- best round (sites' aggregated validation weighted AUC): {best.get('round')} "
             f"({fmt_metric(best.get('metric'))})", privacy_line(cfg, rounds), threshold_line(best),
             f"- input standardization `{cfg.intensity}`, photometric augmentation "
             f"{'on' if cfg.augment and cfg.photometric_augment else 'off'}"
             + ("; site-local BatchNorm statistics (FedBN): each site's validation (which chose the thresholds) "
                "and each test set are scored after re-estimating BatchNorm statistics on their own unlabeled "
                "images" if cfg.bn_local else "")]
    if env:
        from fedrad.common.doctor import environment_line

        lines.append("- " + environment_line(env, "test sets scored with"))
    lines.append("")
    for name, res in results.items():
        s = res["summary"]
        lines += [f"## Test set `{name}` ({res['n_studies']} studies)", ""]
        if s["macro_auc"] is None:
            lines += ["macro AUC: n/a (no finding has both classes)", ""]
        else:
            lines += [f"**macro AUC {s['macro_auc']:.3f}** over all {s['n_findings']} findings (per-finding range "
                      f"{s['min_auc']:.2f} {s['min_finding']} – {s['max_auc']:.2f} {s['max_finding']}); "
                      f"**{fmt_metric(s.get('macro_auc_supported'))}** over the {s.get('n_supported', 0)} supported "
                      f"findings (>= {s.get('min_support', 5)} test positives and negatives)", ""]
        lines += ["| finding | positives/n | AUC (95% CI) | AP | threshold | sensitivity | specificity | accuracy |",
                  "|---|---|---|---|---|---|---|---|"]
        for r in res["findings"]:
            if r["skipped"]:
                continue
            ci = f" ({r['auc_low']:.2f}–{r['auc_high']:.2f})" if r.get("auc_low") is not None else ""
            mark = "" if r.get("supported", True) else " †"
            lines.append(f"| {r['finding']}{mark} | {r['n_pos']}/{r['n']} | {r['auc']:.3f}{ci}{mark} | "
                         f"{fmt_metric(r['ap'])} | "
                         f"{r['threshold']:.3f} | {fmt_metric(r['sensitivity'])} | {fmt_metric(r['specificity'])} | "
                         f"{fmt_metric(r['accuracy'])} |")
        if s.get("unsupported"):
            lines += ["", f"† too few test positives or negatives (< {s.get('min_support', 5)}) for a meaningful AUC: "
                      + ", ".join(f"`{f}`" for f in s["unsupported"]) + "; left out of the supported macro AUC."]
        skipped = [r for r in res["findings"] if r["skipped"]]
        if skipped:
            lines += ["", "Skipped (no AUC can be computed; never reported as a number): "
                      + "; ".join(f"`{r['finding']}` ({r['skipped']})" for r in skipped)]
        lines += ["", f"![ROC](roc-{name}.png) ![PR](pr-{name}.png)", ""]
        lines += _operating_lines(name, res.get("operating_points"))
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
    lines += cross_site_lines(cross)
    return "\n".join(lines) + "\n"


def _operating_lines(name: str, op: dict[str, Any] | None) -> list[str]:
    """Sensitivity/specificity at the transferred thresholds vs thresholds recalibrated on a small
    verified sample of the same test set (as `fedrad client recalibrate` does at a hospital)."""
    if not op:
        return []
    lines = [f"### Operating points on `{name}`: transferred vs recalibrated thresholds", "",
             f"Recalibrated thresholds are chosen (Youden) on a verified sample of {op['n_cal']} studies "
             f"({op['fraction']:.0%}); both are evaluated on the other {op['n_eval']} studies.", "",
             "| finding | positives (sample/eval) | transferred thr | sens | spec | recalibrated thr | sens | spec |",
             "|---|---|---|---|---|---|---|---|"]
    for r in op["findings"]:
        t, c = r["transferred"], r["recalibrated"]
        lines.append(f"| {r['finding']} | {r['n_pos_cal']}/{r['n_pos_eval']} | {fmt_metric(t['threshold'])} | "
                     f"{fmt_metric(t['sensitivity'])} | {fmt_metric(t['specificity'])} | "
                     f"{fmt_metric(c['threshold'], c.get('why_none'))} | {fmt_metric(c['sensitivity'])} | "
                     f"{fmt_metric(c['specificity'])} |")
    return [*lines, ""]


def cross_site_lines(cross: dict[str, Any] | None, *, title: str = "## Cross-site evaluation",
                     folder: str = "") -> list[str]:
    """The matrix as a Markdown table plus its heatmap; `folder` is the run folder relative to the
    Markdown file (empty: the run's own report)."""
    if cross is None:
        return []
    lines = ["", f"{title} (validation macro AUC, model x evaluating site)", "",
             "Every site evaluated the global model (the round the report evaluates) and the last local models it was "
             "allowed to see on its own validation split; only aggregates left the sites.", ""]
    if not cross["models"]:
        return [*lines, "No site replied: " + ("; ".join(cross.get("failures", [])) or "no sites online") + "."]
    lines += ["| model | " + " | ".join(cross["sites"]) + " |", "|---|" + "---|" * len(cross["sites"])]
    for model in cross["models"]:
        row = cross["cells"].get(model, {})
        lines.append(f"| {model} | " + " | ".join(
            fmt_metric(row[s]["val_macro_auc"]) if s in row else "not shared" for s in cross["sites"]) + " |")
    if cross.get("withheld"):
        lines += ["", "Sites whose policy keeps their local model from other sites (fedrad-site.toml "
                  "`share-local-model`): " + ", ".join(cross["withheld"]) + "."]
    if cross.get("failures"):
        lines += ["", "Failed evaluations: " + "; ".join(cross["failures"])]
    if cross.get("heatmap"):
        lines += ["", f"![cross-site]({folder}{cross['heatmap']})"]
    return lines


def threshold_line(best: dict[str, Any]) -> str:
    """Where the operating points come from (the report's tables apply them to every test set)."""
    if best.get("val_threshold_rule") == "pooled-validation":
        return "- thresholds: Youden's cut per finding on the pooled validation split, transferred unchanged"
    if best.get("val_threshold_rule") == "mean-of-sites":
        return ("- thresholds: the positives-weighted mean of the sites' own validation Youden cuts (a site sent no "
                "score counts)")
    return ("- thresholds: Youden's cut per finding on the union of the sites' validation sets (their score counts "
            "summed; no score leaves a site), transferred unchanged to every test set")


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
