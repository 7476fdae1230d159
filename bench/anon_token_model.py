"""Train the anonymizer's token model (client/anon_model.py) and measure it leave-one-corpus-out.

    .venv/bin/python bench/anon_token_model.py bench/corpora/tune/* [--loco | --folds K] [--write] [--c 1.0]
        [--thresholds 0.3,0.5,0.7] [--shipped]

Each corpus folder is one author. --loco trains on all corpora but one and scores the one left out with
the full anonymizer scorer (client/anon_score.py), rules alone and rules + model at each threshold: that is
the honest figure for a learned component (a corpus scored after training on it says nothing). With 270
folders that is 270 fits; --folds K splits the corpora into K groups (a fixed shuffle) and leaves each group out
in turn, K fits, and prints the identifier-weighted totals (session 32: five folds over 277 folders take 5.5 min
here); --shipped adds the shipped weights (client/data) as a column, which is honest only for corpora they were
not trained on. --write
trains on every corpus given and writes client/data/anon_token_model.tsv.gz (features with |weight| >= 1e-3).

Training rows are the words the rules leave standing (eponyms and placeholders excepted); a row is positive
when the word lies inside one of the report's recorded identifiers. L2-regularised logistic regression,
fitted with L-BFGS (scipy; bench only, a site reads the weights with plain Python).
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

import numpy as np
from corpus import load_corpus
from fedrad.client.anon_engine import MODEL_THRESHOLD, Anonymizer, _lower
from fedrad.client.anon_lexicon import DATA_DIR, normalize
from fedrad.client.anon_model import MODEL_FILE, TokenModel
from fedrad.client.anon_score import score_texts
from scipy import sparse
from scipy.optimize import minimize


def rows_of(a: Anonymizer, reports) -> list[tuple[list[str], int]]:
    out = []
    for r in reports:
        text = normalize(r.report)
        ids = {k: normalize(str(v)) for k, v in {**r.columns, "study_id": r.study_id}.items() if v}
        spans = a.find(text, ids)
        low = _lower(text)
        guarded = bytearray(len(text) + 1)
        for _kind, v in r.identifiers:
            v = normalize(v)
            i = text.find(v)
            while i >= 0 and v:
                guarded[i:i + len(v)] = b"\x01" * len(v)
                i = text.find(v, i + 1)
        for s, e, feats in a.model_rows(text, low, spans, a.protected_spans(text, low)):
            out.append((feats, int(1 in guarded[s:e])))
    return out


def fit(rows, c: float, min_count: int = 2) -> dict[str, float]:
    counts: dict[str, int] = {}
    for feats, _y in rows:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    ind, ptr = [], [0]
    for feats, _y in rows:
        ind.extend(sorted({vocab[f] for f in feats if f in vocab}))
        ptr.append(len(ind))
    x = sparse.csr_matrix((np.ones(len(ind)), ind, ptr), shape=(len(rows), len(vocab)))
    y = np.array([yy for _f, yy in rows], dtype=float)
    lam = 1.0 / c

    def loss(wb):
        w, b = wb[:-1], wb[-1]
        z = x @ w + b
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        ll = np.sum(np.logaddexp(0, z) - y * z) + 0.5 * lam * w @ w
        g = p - y
        return ll, np.concatenate([x.T @ g + lam * w, [g.sum()]])

    res = minimize(loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 300})
    w = res.x
    out = {f: float(w[i]) for f, i in vocab.items() if abs(w[i]) >= 1e-3}
    out["bias"] = float(w[-1])
    return out


def score_counts(a: Anonymizer, reports) -> tuple[int, int, float, float, int, int, int, int]:
    """(reports, identifiers, removed whole, removed word by word, keep kept, keep total, other words removed,
    other words): the scorer's counts, which add up over folds (its percentages do not)."""
    s = score_texts(((r.study_id, r.report, {**r.columns, "study_id": r.study_id}, r.identifiers, r.keep)
                     for r in reports), anonymizer=a)
    return (len(reports), sum(s.planted.values()), sum(s.removed_whole.values()), sum(s.removed_words.values()),
            s.keep_kept, s.keep_total, s.other_removed, s.other_words)


def score(a: Anonymizer, reports):
    """(whole, word by word, keep kept, keep total, over-redaction) of `reports`: the scorer's ALL shares."""
    _n, ids, whole, word, kk, kt, orr, ow = score_counts(a, reports)
    nan = float("nan")
    return whole / ids if ids else nan, word / ids if ids else nan, kk, kt, orr / ow if ow else 0.0


def group_folds(corpora: dict, rows: dict, k: int, c: float, ths: list[float], shipped: bool) -> None:
    """Leave each of `k` groups of corpora out in turn; print the totals per column (see the module docstring)."""
    import random

    names = sorted(corpora)
    random.Random(32).shuffle(names)
    folds = [names[i::k] for i in range(k)]
    cols = ["rules"] + (["shipped"] if shipped else []) + [f"t={t}" for t in ths]
    tot = {col: [0] * 8 for col in cols}
    base = Anonymizer(token_model=False)
    ship = Anonymizer() if shipped else None
    for i, test in enumerate(folds):
        reps = [r for n in test for r in corpora[n]]
        model = TokenModel(fit([r for n in names if n not in test for r in rows[n]], c))
        runs = [("rules", base)] + ([("shipped", ship)] if shipped else [])
        for t in ths:
            a = Anonymizer(token_model=False, model_threshold=t)
            a.token_model = model
            runs.append((f"t={t}", a))
        for col, a in runs:
            tot[col] = [x + y for x, y in zip(tot[col], score_counts(a, reps), strict=True)]
        print(f"fold {i + 1}/{k}: {len(test)} corpora, {len(reps)} reports", file=sys.stderr, flush=True)
    print(f"{'column':10s} {'whole':>8s} {'word':>8s} {'keep':>11s} {'over':>7s}")
    for col, (_n, ids, whole, word, kk, kt, orr, ow) in tot.items():
        print(f"{col:10s} {whole / ids:8.3%} {word / ids:8.3%} {kk:5d}/{kt:<5d} {orr / max(1, ow):7.3%}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--loco", action="store_true")
    ap.add_argument("--folds", type=int, default=0, help="leave K groups of corpora out in turn (K fits)")
    ap.add_argument("--shipped", action="store_true", help="--folds: also score the shipped weights")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--thresholds", default=f"{MODEL_THRESHOLD}")
    args = ap.parse_args()
    ths = [float(t) for t in args.thresholds.split(",")]
    base = Anonymizer(token_model=False)  # rules only
    corpora = {Path(c).name: load_corpus(c) for c in args.corpus}
    rows = {name: rows_of(base, reps) for name, reps in corpora.items()}
    print(f"rows: {sum(map(len, rows.values()))}, positives: {sum(y for r in rows.values() for _f, y in r)}",
          file=sys.stderr)
    if args.folds:
        group_folds(corpora, rows, args.folds, args.c, ths, args.shipped)
    if args.loco:
        tot: dict = {}
        print("corpus  rules: whole  word   keep   over  | " + " | ".join(f"t={t}: whole  word   keep   over"
                                                                          for t in ths))
        for name, reps in corpora.items():
            train = [r for n, rr in rows.items() if n != name for r in rr]
            model = TokenModel(fit(train, args.c))
            cells = [score(base, reps)]
            for t in ths:
                a = Anonymizer(token_model=False, model_threshold=t)
                a.token_model = model
                cells.append(score(a, reps))
            for k, cell in enumerate(cells):
                tot.setdefault(k, []).append(cell)
            print(f"{name:6s}  " + " | ".join(f"{w:6.2%} {d:6.2%} {kk:3d}/{kt:<3d} {o:5.2%}"
                                             for w, d, kk, kt, o in cells), flush=True)
        print("mean    " + " | ".join(
            f"{np.mean([c[0] for c in v]):6.2%} {np.mean([c[1] for c in v]):6.2%} "
            f"{sum(c[2] for c in v):3d}/{sum(c[3] for c in v):<3d} {np.mean([c[4] for c in v]):5.2%}"
            for v in tot.values()))
    if args.write:
        w = fit([r for rr in rows.values() for r in rr], args.c)
        path = DATA_DIR / MODEL_FILE
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
            for f, v in sorted(w.items()):
                fh.write(f"{f}\t{v:.4f}\n")
        print(f"wrote {path}: {len(w)} weights", file=sys.stderr)


if __name__ == "__main__":
    main()
