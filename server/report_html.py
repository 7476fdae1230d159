"""report.html: one self-contained page a clinician or coordinator opens in a browser.

Everything is inline (CSS, figures as base64 PNG), nothing is fetched from a network, so the
page can be mailed or opened on an air-gapped machine. It is rewritten atomically after every
round while the run is live (server.recorder), reloading itself every 30 s until the run is
finished; the final write (server.report.write_report) adds the test-set results of the chosen
checkpoint. Built only from files in the run folder: history.json, run-config.toml, report.json
and the ROC / PR PNGs.
"""

from __future__ import annotations

import base64
import html
import io
import json
import math
import time
from pathlib import Path
from typing import Any

from fedrad.common.fileio import write_text
from fedrad.server.recorder import load_history

REPORT_HTML = "report.html"
REFRESH_S = 30

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:70rem;
color:#1b1f24;padding:0 1rem;line-height:1.4}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
.status{display:inline-block;padding:.15rem .6rem;border-radius:1rem;font-weight:600}
.live{background:#fff3cd;color:#664d03}.done{background:#d1e7dd;color:#0f5132}
table{border-collapse:collapse;margin:.5rem 0;font-size:.92rem}
th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:right}
th{background:#f6f8fa}td:first-child,th:first-child{text-align:left}
tr:nth-child(even) td{background:#fafbfc}.best td{font-weight:600;background:#eef6ff}
.kv td{text-align:left}.muted{color:#57606a;font-size:.9rem}img{max-width:100%;height:auto}
.figs{display:flex;flex-wrap:wrap;gap:1rem}.figs img{max-width:34rem}
"""


def _e(v: Any) -> str:
    return html.escape(str(v))


def _f(v: Any, fmt: str = ".3f") -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return format(float(v), fmt) if isinstance(v, int | float) else _e(v)


def _img(png: bytes, alt: str) -> str:
    return f'<img alt="{_e(alt)}" src="data:image/png;base64,{base64.b64encode(png).decode()}">'


def _curves_png(rounds: list[dict[str, Any]]) -> bytes | None:
    """Train loss and the sites' aggregated validation AUC per round (Agg canvas, no pyplot)."""
    xs = [r["round"] for r in rounds if r.get("round", 0) >= 1]
    if not xs:  # the page before round 1 (written while the sites start): no figure, no matplotlib import
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, 3.2), dpi=100)
    FigureCanvasAgg(fig)
    ax1, ax2 = fig.subplots(1, 2)

    def series(key):
        return [r.get(key) if isinstance(r.get(key), int | float) else math.nan for r in rounds if r["round"] >= 1]

    ax1.plot(xs, series("train_loss"), marker="o")
    ax1.set(title="mean train loss (sites)", xlabel="round")
    ax2.plot(xs, series("val_weighted_auc"), marker="o", label="weighted")
    ax2.plot(xs, series("val_macro_auc"), marker="s", linestyle="--", label="macro")
    ax2.set(title="sites' validation AUC of the round's model", xlabel="round")
    ax2.legend(loc="lower right")
    for ax in (ax1, ax2):
        ax.grid(alpha=.3)
        ax.xaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def render_html(run_dir: Path) -> str:
    from fedrad.common.runconfig import RunConfig

    run_dir = Path(run_dir)
    cfg = RunConfig.from_toml(run_dir / "run-config.toml")
    history = load_history(run_dir)
    rounds = history.get("rounds", [])
    best = history.get("best", {}) or {}
    report = json.loads((run_dir / "report.json").read_text()) if (run_dir / "report.json").is_file() else {}
    done_rounds = max([r.get("round", 0) for r in rounds] or [0])
    # test results belong to the checkpoint they were computed for: only if it is still the chosen one
    results = report.get("test_sets", {}) if (report.get("best") or {}).get("round") == best.get("round") else {}
    finished = bool(report) and done_rounds >= cfg.num_server_rounds
    now = time.strftime("%Y-%m-%d %H:%M:%S")
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>fedrad run {_e(run_dir.name)}</title>"]
    if not finished:
        out.append(f'<meta http-equiv="refresh" content="{REFRESH_S}">')
    out += [f"<style>{CSS}</style></head><body>", f"<h1>fedrad federated run <code>{_e(run_dir.name)}</code></h1>"]
    status = (f'<span class="status done">finished: {done_rounds} of {cfg.num_server_rounds} rounds</span>'
              if finished else f'<span class="status live">running: round {done_rounds} of '
              f'{cfg.num_server_rounds} done</span> <span class="muted">(page reloads every {REFRESH_S} s)</span>')
    out.append(f"<p>{status} <span class='muted'>updated {now}</span></p>")
    out += ["<h2>Set-up</h2>", '<table class="kv">']
    for k, v in (("region", cfg.region), ("strategy", cfg.strategy), ("uncertainty policy", cfg.policy),
                 ("rounds x local epochs", f"{cfg.num_server_rounds} x {cfg.local_epochs}"),
                 ("model", f"{cfg.arch}, {cfg.image_size} px, {cfg.channels} channel(s)"),
                 ("learning rate", f"{cfg.lr:g}"), ("minimum sites", cfg.min_sites)):
        out.append(f"<tr><td>{_e(k)}</td><td>{_e(v)}</td></tr>")
    out.append("</table>")
    out.append(f"<p>Best round so far (chosen on the sites' aggregated validation weighted AUC, never on a test "
               f"set): <b>{_e(best.get('round'))}</b> ({_f(best.get('metric'))})</p>")

    if results:
        out.append("<h2>Test sets (the chosen checkpoint)</h2>")
        for name, res in results.items():
            s = res.get("summary", {})
            out.append(f"<h3>{_e(name)}: {_e(res.get('n_studies'))} studies, macro AUC "
                       f"<b>{_f(s.get('macro_auc'))}</b> over {_e(s.get('n_findings'))} findings, "
                       f"<b>{_f(s.get('macro_auc_supported'))}</b> over the {_e(s.get('n_supported', 0))} "
                       "supported</h3>")
            out.append("<table><tr><th>finding</th><th>positives/n</th><th>AUC (95% CI)</th><th>AP</th>"
                       "<th>threshold</th><th>sensitivity</th><th>specificity</th></tr>")
            for r in res.get("findings", []):
                if r.get("skipped"):
                    out.append(f"<tr><td>{_e(r['finding'])}</td><td colspan=6>not computable: "
                               f"{_e(r['skipped'])}</td></tr>")
                    continue
                ci = f" ({_f(r.get('auc_low'), '.2f')}–{_f(r.get('auc_high'), '.2f')})" if r.get("auc_low") else ""
                mark = "" if r.get("supported", True) else " †"
                out.append(f"<tr><td>{_e(r['finding'])}{mark}</td><td>{r['n_pos']}/{r['n']}</td><td>{_f(r['auc'])}{ci}"
                           f"</td><td>{_f(r.get('ap'))}</td><td>{_f(r.get('threshold'))}</td>"
                           f"<td>{_f(r.get('sensitivity'))}</td><td>{_f(r.get('specificity'))}</td></tr>")
            out.append("</table>")
            if s.get("unsupported"):
                out.append("<p class='muted'>† too few test positives or negatives "
                           f"(&lt; {_e(s.get('min_support', 5))}) for a meaningful AUC; left out of the supported "
                           "macro AUC.</p>")
            out.append("<div class='figs'>")
            for kind in ("roc", "pr"):
                png = run_dir / f"{kind}-{name}.png"
                if png.is_file():
                    out.append(_img(png.read_bytes(), f"{kind.upper()} curves, {name}"))
            out.append("</div>")
        if report.get("environment"):
            from fedrad.common.doctor import environment_line

            line = environment_line(report["environment"], "Test sets scored with")
            out.append(f"<p class='muted'>{_e(line)}</p>")
    elif cfg.test_sets:
        out.append("<p class='muted'>Test-set results appear when the run has finished (the chosen checkpoint "
                   "is evaluated once).</p>")

    out.append("<h2>Rounds</h2>")
    curves = _curves_png(rounds)
    if curves:
        out.append(_img(curves, "train loss and validation AUC per round"))
    test_keys = sorted({k for r in rounds for k in r if k.startswith("test_") and k.endswith("_macro_auc")})
    out.append("<table><tr><th>round</th><th>train loss</th><th>val weighted AUC</th><th>val macro AUC</th>"
               + "".join(f"<th>{_e(k[5:-10])} test macro AUC</th>" for k in test_keys)
               + "<th>seconds</th><th>sites</th><th>missing</th></tr>")
    for r in rounds:
        missing = ([f"{s}: not connected" for s in r.get("offline_sites", [])] + r.get("train_failures", [])
                   + [f"validation: {f}" for f in r.get("eval_failures", [])])
        cls = ' class="best"' if r.get("round") == best.get("round") else ""
        secs = r.get("round_wall_s")
        out.append(f"<tr{cls}><td>{_e(r.get('round'))}</td><td>{_f(r.get('train_loss'), '.4f')}</td>"
                   f"<td>{_f(r.get('val_weighted_auc'))}</td><td>{_f(r.get('val_macro_auc'))}</td>"
                   + "".join(f"<td>{_f(r.get(k))}</td>" for k in test_keys)
                   + f"<td>{_f(secs, '.0f')}</td><td>{_e(', '.join(r.get('train_sites', [])))}</td>"
                   f"<td>{_e('; '.join(missing))}</td></tr>")
    out.append("</table><p class='muted'>Each row describes the global model after that round: its validation "
               "AUCs come from the sites' next message (the final model's from one last evaluation), so the "
               "newest row fills in one round later.</p>")

    best_row = next((r for r in rounds if r.get("round") == best.get("round")), None)
    if best_row and best_row.get("sites"):
        out.append("<h2>Per-site validation (best round)</h2><table><tr><th>site</th><th>studies</th>"
                   "<th>val macro AUC</th><th>val weighted AUC</th><th>val loss</th></tr>")
        for site, m in sorted(best_row["sites"].items()):
            out.append(f"<tr><td>{_e(site)}</td><td>{_e(m.get('n'))}</td><td>{_f(m.get('val_macro_auc'))}</td>"
                       f"<td>{_f(m.get('val_weighted_auc'))}</td><td>{_f(m.get('val_loss'), '.4f')}</td></tr>")
        out.append("</table>")
    out.append("<p class='muted'>Only aggregate numbers reach the coordinator: no study, score or image of a "
               "site appears here.</p></body></html>")
    return "\n".join(out) + "\n"


def write_html(run_dir: str | Path) -> Path:
    run_dir = Path(run_dir)
    write_text(run_dir / REPORT_HTML, render_html(run_dir))
    return run_dir / REPORT_HTML
