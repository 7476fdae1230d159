"""Iterative stratification (64/16/20) and splits.csv."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from fedrad.common.splits import (
    SplitFileError,
    absent_findings,
    apportion,
    iterative_stratification,
    read_splits,
    split_studies,
    split_summary,
    write_splits,
)

FRACTIONS = (0.64, 0.16, 0.20)
RARE_COUNTS = (3, 4, 5, 6, 8, 10)


def long_tailed(seed: int, n: int = 3000, k: int = 29) -> np.ndarray:
    """Radiograph-like labels: a few common findings, a long tail, co-occurrence, many normal studies."""
    rng = np.random.default_rng(seed)
    prev = np.concatenate([[0.25, 0.15, 0.10, 0.08], np.geomspace(0.05, 0.002, k - 4)])
    severity = rng.normal(size=(n, 1))  # sicker patients have more findings at once
    Y = (rng.random((n, k)) < prev * np.exp(0.5 * severity) / 1.2).astype(int)
    for j, c in zip(range(k - len(RARE_COUNTS), k), RARE_COUNTS, strict=True):
        Y[:, j] = 0
        Y[rng.choice(n, c, replace=False), j] = 1
    return Y


def prevalence_deviation(Y: np.ndarray, split: np.ndarray) -> float:
    whole = Y.mean(axis=0)
    return float(np.mean([np.abs(Y[split == j].mean(axis=0) - whole).mean() for j in range(3)]))


def random_split(n: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).permutation(np.repeat([0, 1, 2], apportion(n, FRACTIONS)))


def check_split(Y: np.ndarray, seeds=range(4)) -> None:
    n = len(Y)
    strat, rand = [], []
    for seed in seeds:
        split = iterative_stratification(Y, FRACTIONS, seed=seed)
        assert set(np.unique(split)) == {0, 1, 2}
        sizes = np.bincount(split, minlength=3)
        assert np.all(np.abs(sizes - n * np.array(FRACTIONS)) <= 2), sizes
        for j in np.flatnonzero(Y.sum(axis=0) >= 3):
            per_split = [int(Y[split == s, j].sum()) for s in range(3)]
            assert min(per_split) >= 1, f"label {j} ({Y[:, j].sum()} positives) split {per_split}"
        strat.append(prevalence_deviation(Y, split))
        rand.append(prevalence_deviation(Y, random_split(n, seed)))
    # iterative stratification keeps prevalences far closer to the whole than a random split
    assert np.mean(strat) < 0.5 * np.mean(rand), (np.mean(strat), np.mean(rand))


def test_long_tailed_matrix_is_stratified():
    Y = long_tailed(1)
    assert Y.shape == (3000, 29) and Y.sum(axis=0)[-6:].tolist() == list(RARE_COUNTS)
    assert (Y.sum(axis=1) == 0).mean() > 0.3  # plenty of normal studies
    check_split(Y)


def test_real_openi_labels_are_stratified(shared_data):
    # 3,851 real chest reports with 14 manually coded findings (Hernia has 0 positives, Mass 15).
    path = shared_data / "iu-xray-reports" / "negbio_openi_labels" / "openi_gld_std14.csv"
    with open(path, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1:]
    Y = np.array([[int(v) for v in r[1:15]] for r in body])
    assert header[14] == "Hernia" and Y[:, 13].sum() == 0
    check_split(Y, seeds=range(2))
    split = split_studies([r[0] for r in body], Y, seed=0)
    summary = split_summary(split, [r[0] for r in body], Y, ids=header[1:15])
    assert summary["Hernia"] == {"train": 0, "val": 0, "test": 0}
    assert absent_findings(summary) == {"Hernia": ["train", "val", "test"]}  # Mass (15) is everywhere
    assert summary["_rows"] == {"train": 2465, "val": 616, "test": 770}


def test_deterministic_and_independent_of_input_order():
    Y = long_tailed(2, n=600)
    ids = [f"S{i:05d}" for i in range(600)]
    a = split_studies(ids, Y, seed=7)
    perm = np.random.default_rng(0).permutation(600)
    b = split_studies([ids[i] for i in perm], Y[perm], seed=7)
    assert a == b
    assert split_studies(ids, Y, seed=8) != a
    assert np.array_equal(iterative_stratification(Y, seed=3), iterative_stratification(Y, seed=3))
    assert set(a.values()) == {"train", "val", "test"}


@pytest.mark.parametrize("n", [0, 1, 2, 3, 4, 7, 10])
def test_tiny_and_label_free_inputs(n):
    for Y in (np.zeros((n, 3), int), np.ones((n, 3), int), np.eye(n, 3, dtype=int)):
        split = iterative_stratification(Y, seed=0)
        assert split.shape == (n,) and (split >= 0).all()
        sizes = np.bincount(split, minlength=3)
        assert sizes.tolist() == apportion(n, FRACTIONS).tolist()
        if n >= 3:
            assert (sizes >= 1).all()  # a validation split is never empty when there are rows for it


def test_rows_without_labels_fill_remaining_room():
    Y = np.zeros((1000, 2), int)
    Y[:50, 0] = 1
    split = iterative_stratification(Y, seed=0)
    assert np.bincount(split, minlength=3).tolist() == [640, 160, 200]
    assert [int(Y[split == s, 0].sum()) for s in range(3)] == [32, 8, 10]


def test_apportion():
    assert apportion(100, FRACTIONS).tolist() == [64, 16, 20]
    assert apportion(3, FRACTIONS).tolist() == [1, 1, 1]
    assert apportion(3, FRACTIONS, min_one=False).tolist() == [2, 0, 1]
    assert apportion(5, (0.98, 0.01, 0.01)).tolist() == [3, 1, 1]
    assert apportion(2, FRACTIONS).tolist() == [1, 0, 1]  # fewer rows than splits: no minimum of one
    assert apportion(7, (0.5, 0.5, 0.0)).tolist()[2] == 0
    for n in range(60):
        assert apportion(n, FRACTIONS).sum() == n


def test_bad_inputs_are_refused():
    with pytest.raises(ValueError, match="add up to 1"):
        iterative_stratification(np.zeros((5, 2)), (0.5, 0.4))
    with pytest.raises(ValueError, match="0/1"):
        iterative_stratification(np.full((5, 2), 2))
    with pytest.raises(ValueError, match="appears twice"):
        split_studies(["a", "b", "a"], np.zeros((3, 1)))
    with pytest.raises(ValueError, match="3 study ids"):
        split_studies(["a", "b", "c"], np.zeros((4, 1)))


def test_splits_csv_roundtrip_and_errors(tmp_path):
    Y = long_tailed(3, n=200, k=10)
    ids = [f"study-{i}" for i in range(200)]
    split = split_studies(ids, Y)
    path = tmp_path / "splits.csv"
    write_splits(path, split)
    assert read_splits(path) == split
    lines = path.read_text().splitlines()
    assert lines[0] == "study_id,split" and len(lines) == 201 and lines[1:] == sorted(lines[1:])

    def bad(text: str, **kw) -> SplitFileError:
        p = tmp_path / "bad.csv"
        p.write_text(text)
        with pytest.raises(SplitFileError) as err:
            read_splits(p, **kw)
        assert str(p) in str(err.value)
        return err.value

    e = bad("study_id,part\na,train\n")
    assert (e.row, e.column) == (1, "split")
    e = bad("study_id,split\na,train\nb,val\na,test\n")
    assert (e.row, e.column) == (4, "study_id") and "first on row 2" in str(e)
    e = bad("study_id,split\na,train\nb,holdout\n")
    assert (e.row, e.column) == (3, "split") and "holdout" in str(e)
    free = read_splits_ok(tmp_path, "study_id,split\na,train\nb,holdout\n", names=None)
    assert free == {"a": "train", "b": "holdout"}
    e = bad("study_id,split\n,train\n")
    assert (e.row, e.column) == (2, "study_id")
    # hospital exports: BOM, ';' and CRLF are accepted
    assert read_splits_ok(tmp_path, "\ufeffstudy_id;split\r\na;val\r\n") == {"a": "val"}


def read_splits_ok(tmp_path, text: str, **kw) -> dict[str, str]:
    p = tmp_path / "ok.csv"
    p.write_bytes(text.encode("utf-8"))
    return read_splits(p, **kw)


def test_failed_write_leaves_previous_file_intact(tmp_path):
    path = tmp_path / "splits.csv"
    write_splits(path, {"a": "train", "b": "test"})
    before = path.read_bytes()

    class Exploding(dict):
        def __getitem__(self, key):
            if key == "c":
                raise RuntimeError("disk on fire")
            return super().__getitem__(key)

    with pytest.raises(RuntimeError):
        write_splits(path, Exploding({"a": "val", "b": "val", "c": "val"}))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["splits.csv"]  # no temp file left behind
