"""Speed of the evaluation maths: DeLong (target: n = 10,000 well under 1 s), bootstrap, splitting.

Run: .venv/bin/python bench/bench_metrics.py   (prints figures; not a test)
"""

from __future__ import annotations

import time

import numpy as np
from fedrad.common.metrics import auc, bootstrap_ci, delong_auc_variance, delong_paired_test  # noqa: E402
from fedrad.common.splits import iterative_stratification  # noqa: E402


def best_of(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    rng = np.random.default_rng(0)
    target = 1.0
    for n in (1_000, 10_000, 100_000):
        y = (rng.random(n) < 0.2).astype(int)
        s1 = y + rng.normal(size=n)
        s2 = 0.8 * y + rng.normal(size=n)
        t_var = best_of(lambda y=y, s1=s1: delong_auc_variance(y, s1))
        t_pair = best_of(lambda y=y, s1=s1, s2=s2: delong_paired_test(y, s1, s2))
        note = f"  ({target / t_pair:.0f}x under the 1 s target)" if n == 10_000 else ""
        print(f"DeLong n={n:>7,}: variance {t_var * 1e3:7.1f} ms, paired test {t_pair * 1e3:7.1f} ms{note}")
    y = (rng.random(500) < 0.2).astype(int)
    s = y + rng.normal(size=500)
    t_auc = best_of(lambda: auc(y, s))
    t_boot = best_of(lambda: bootstrap_ci(y, s, n_boot=1000), repeat=2)
    print(f"AUC n=500: {t_auc * 1e6:.0f} us; bootstrap CI (1000 resamples): {t_boot:.2f} s")
    prev = np.concatenate([[0.25, 0.15, 0.1], np.geomspace(0.05, 0.002, 26)])
    Y = (rng.random((5000, 29)) < prev).astype(int)
    t_split = best_of(lambda: iterative_stratification(Y, seed=0), repeat=2)
    print(f"iterative stratification 5,000 x 29: {t_split:.2f} s")


if __name__ == "__main__":
    main()
