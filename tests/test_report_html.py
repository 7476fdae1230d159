"""report.html: self-contained (no network fetch, figures inline), live while a run goes on,
final with the test sets; rendered by headless Chromium (Debian's `chromium` package), whose
page text and screenshot are checked."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from fedrad.common.runconfig import RunConfig
from fedrad.server.report_html import render_html, write_html

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser")) if p), None)


@pytest.fixture
def run_dir(tmp_path):
    from fedrad.common.plots import ScoreSet, plot_roc_curves

    d = tmp_path / "federated-inclusive"
    d.mkdir()
    cfg = RunConfig(arch="tiny", num_server_rounds=2, output_dir=str(d), test_sets="internal=/nowhere")
    (d / "run-config.toml").write_text(cfg.to_toml())
    ids = cfg.template().ids
    rounds = [{"round": 0, "elapsed_s": 0.0},
              {"round": 1, "train_loss": 0.61, "val_weighted_auc": 0.64, "val_macro_auc": 0.62, "round_wall_s": 30.0,
               "train_sites": ["hospital-a", "hospital-b"], "train_failures": [],
               "sites": {"hospital-a": {"val_macro_auc": 0.6, "val_weighted_auc": 0.61, "val_loss": 0.5, "n": 12}}},
              {"round": 2, "train_loss": 0.52, "round_wall_s": 28.0, "train_sites": ["hospital-a"],
               "train_failures": ["hospital-b: RuntimeError: out of memory"]}]
    (d / "history.json").write_text(json.dumps({"best": {"round": 1, "metric": 0.64}, "rounds": rounds}))
    rng = np.random.default_rng(0)
    truth = rng.integers(0, 2, size=(60, len(ids)))
    plot_roc_curves(d / "roc-internal.png", [ScoreSet("internal", truth, truth * 0.5 + rng.random(truth.shape))], ids)
    return d, cfg, ids


def _final_report(d: Path, ids: list[str]) -> None:
    findings = [{"finding": f, "n_pos": 20, "n": 60, "auc": 0.81, "auc_low": 0.7, "auc_high": 0.9, "ap": 0.7,
                 "threshold": 0.42, "sensitivity": 0.8, "specificity": 0.75, "skipped": ""} for f in ids]
    (d / "report.json").write_text(json.dumps({"best": {"round": 1}, "test_sets": {"internal": {
        "n_studies": 60, "summary": {"macro_auc": 0.81}, "findings": findings}}}))


def test_final_page_marks_findings_too_rare_for_an_auc(run_dir):
    """As report.md: a finding with < 5 test positives is marked and the macro AUC is given over all and over
    the supported findings (the HTML page showed a 1/180 finding's AUC like any other)."""
    d, _, ids = run_dir
    _final_report(d, ids)
    rep = json.loads((d / "report.json").read_text())
    t = rep["test_sets"]["internal"]
    t["findings"][0].update(n_pos=2, supported=False)
    for r in t["findings"][1:]:
        r["supported"] = True
    t["summary"].update(n_findings=len(ids), macro_auc_supported=0.83, n_supported=len(ids) - 1,
                        unsupported=[ids[0]], min_support=5)
    (d / "report.json").write_text(json.dumps(rep))
    page = render_html(d)
    assert f"<td>{ids[0]} †</td><td>2/60</td>" in page
    assert f"<td>{ids[1]}</td>" in page and f"{ids[1]} †" not in page
    assert f"<b>0.830</b> over the {len(ids) - 1} supported" in page
    assert "too few test positives or negatives (&lt; 5)" in page


def test_live_page_is_self_contained_and_reloads(run_dir):
    d, cfg, _ = run_dir
    page = render_html(d)
    assert 'http-equiv="refresh"' in page and "round 2 of 2 done" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page), "the page must not fetch anything"
    assert "<script" not in page
    assert "hospital-b: RuntimeError: out of memory" in page
    assert "Test-set results appear when the run has finished" in page


def test_final_page_has_test_sets_and_inline_figures(run_dir):
    d, _, ids = run_dir
    _final_report(d, ids)
    page = write_html(d).read_text()
    assert "refresh" not in page and "finished: 2 of 2 rounds" in page
    assert "macro AUC <b>0.810</b>" in page
    assert page.count("data:image/png;base64,") == 2  # curves + ROC (no PR file in the fixture)
    assert not list(d.glob(".report.html*"))  # written atomically, no temp file left


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (Debian: apt-get install -y chromium)")
def test_chromium_renders_the_report(run_dir, tmp_path):
    d, _, ids = run_dir
    _final_report(d, ids)
    page = write_html(d)
    # A proxy that does not exist: any network fetch the page tried would fail (and there is none).
    args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--proxy-server=127.0.0.1:9", "--user-data-dir=" + str(tmp_path / "profile")]
    env = dict(os.environ, HOME=str(tmp_path))
    dom = subprocess.run([*args, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120, env=env)
    assert dom.returncode == 0, dom.stderr[-2000:]
    text = re.sub(r"<[^>]+>", " ", dom.stdout)
    for expected in ("fedrad federated run", "finished: 2 of 2 rounds", "hospital-a", "0.810", ids[0]):
        assert expected in text, expected
    shot = Path(os.environ.get("FEDRAD_SCREENSHOT_DIR", tmp_path)) / "report-html.png"
    res = subprocess.run([*args, f"--screenshot={shot}", "--window-size=1280,1600", "--hide-scrollbars",
                          page.as_uri()], capture_output=True, text=True, timeout=120, env=env)
    assert res.returncode == 0 and shot.is_file(), res.stderr[-2000:]
    from matplotlib.image import imread

    img = imread(shot)
    assert img.shape[0] >= 1000 and img.shape[1] >= 1200
    assert float(img[..., :3].std()) > 0.05, "the screenshot is blank"
