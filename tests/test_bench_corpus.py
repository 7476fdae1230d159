"""The benches score several hand-written corpus folders together and key texts and labels by study id, so a study
id met in two folders would score one report's labels against the other's text. Session 28 met one ('HA-010' in
tune/c and in a new author's folder): `bench/corpus.load_corpora` now refuses it, naming both folders, and the
shipped tuning set must have every study id once."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from corpus import load_corpora  # noqa: E402


def _write(folder: Path, study_id: str) -> Path:
    folder.mkdir(parents=True)
    rec = {"study_id": study_id, "region": "thumb", "language": "en", "report": "Findings: normal.",
           "identifiers": [], "labels": {}}
    (folder / "batch-01.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    return folder


def test_a_study_id_in_two_folders_is_refused(tmp_path):
    a, b = _write(tmp_path / "a", "ZZ-001"), _write(tmp_path / "b", "ZZ-001")
    with pytest.raises(ValueError, match="ZZ-001") as exc:
        load_corpora([a, b])
    assert str(a) in str(exc.value) and str(b) in str(exc.value)
    assert len(load_corpora([a, _write(tmp_path / "c", "ZZ-002")])) == 2


def test_tuning_set_study_ids_are_unique():
    folders = sorted(p for p in (ROOT / "bench" / "corpora" / "tune").iterdir() if p.is_dir())
    reports = load_corpora(folders)
    assert len(reports) == len({r.study_id for r in reports}) > 4000


def test_the_token_model_s_group_folds_add_the_scorer_s_counts(capsys):
    """bench/anon_token_model.py --folds K (session 32): K fits instead of one per folder; the totals are sums of the
    scorer's counts over the folds, so the rules-only column equals scoring all the corpora at once."""
    import anon_token_model as atm
    from corpus import load_corpus
    from fedrad.client.anon_engine import Anonymizer

    names = ["a", "b"]
    corpora = {n: load_corpus(ROOT / "bench" / "corpora" / "tune" / n) for n in names}
    base = Anonymizer(token_model=False)
    rows = {n: atm.rows_of(base, corpora[n]) for n in names}
    atm.group_folds(corpora, rows, 2, 1.0, [0.4], shipped=False)
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out] == ["column", "rules", "t=0.4"]
    every = atm.score_counts(base, [r for n in names for r in corpora[n]])
    assert out[1].split()[1] == f"{every[2] / every[1]:.3%}"


def test_sealed_mode_prints_figures_and_no_text(tmp_path):
    """`bench/anonymizer_corpus.py --sealed` scores a held-out set nobody may read: the figures, per folder and per
    kind, and not one word of the corpus (the default mode prints misses in context and the most replaced words)."""
    import subprocess

    folder = tmp_path / "zz"
    folder.mkdir()
    rec = {"study_id": "ZZ-001", "region": "elbow", "language": "en", "style": "t",
           "report": "History: glassed behind the bar at the quokka, works there.\nFindings: No fracture.",
           "identifiers": [{"text": "quokka", "kind": "other"}], "keep": [], "labels": {}}
    (folder / "batch-01.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    run = [sys.executable, str(ROOT / "bench" / "anonymizer_corpus.py")]
    loud = subprocess.run([*run, str(folder), "--misses", "5"], capture_output=True, text=True, check=True).stdout
    assert "quokka" in loud  # the leak is real, and the default mode shows it
    out = subprocess.run([*run, "--sealed", str(folder)], capture_output=True, text=True, check=True).stdout
    assert "misses by kind: other whole 1" in out and "1 reports, 1 identifiers" in out
    for word in ("quokka", "glassed", "bar", "works", "History"):
        assert word not in out, word
