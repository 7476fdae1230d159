"""Labeler throughput: LLM labeler reports/s against a fixed-latency endpoint, and the rule labeler's.

The LLM labeler is I/O bound: with latency L per call and concurrency C the ideal is C/L reports/s.
We run the project's OpenAI-compatible test server (tests/llm_test_server.py) in its own process
(so it does not share the client's GIL) with a fixed latency, and print reports/s and the ratio to
the ideal at each concurrency. Target: ratio >= 0.9 at concurrency 32. The last LLM line runs the
whole `label_site` path (cache lookups and one SQLite commit per answer) at the highest concurrency.

    python bench/label_throughput.py [--latency 0.2] [--concurrency 1 8 32] [--per-slot 10]
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from fedrad.client.labeling.base import LabelRequest  # noqa: E402
from fedrad.client.labeling.llm import LLMConfig, LLMLabeler  # noqa: E402

SENTENCES = [
    "Findings: radial_head_fracture, Mason II. possible joint_dislocation.",
    "Befund: Kein Frakturnachweis. Regelrechte Gelenkstellung. fat_pad_sign positiv.",
    "Olecranon fracture, displaced. No dislocation. Impression: olecranon_fracture_displaced.",
    "Klinische Angaben: Sturz, V.a. Fraktur. Beurteilung: Kein Nachweis einer Fraktur.",
    "Degenerative changes of the elbow joint; joint_degeneration. possible ossicle.",
]


def reports(n: int, region: str = "elbow") -> list[LabelRequest]:
    return [LabelRequest(f"s{i:05d}", region, f"{SENTENCES[i % len(SENTENCES)]} Study {i}.") for i in range(n)]


def start_server(latency: float) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "tests.llm_test_server", "--latency", str(latency)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    port = int(proc.stdout.readline().split()[1])
    return proc, f"http://127.0.0.1:{port}/v1"


def bench_llm(url: str, latency: float, concurrency: int, n: int) -> tuple[float, float]:
    lab = LLMLabeler(LLMConfig(base_url=url, model="bench", concurrency=concurrency, timeout=30.0))
    reqs = reports(n)
    t0 = time.perf_counter()
    results = lab.label_batch(reqs)
    dt = time.perf_counter() - t0
    bad = sum(not r.ok for r in results)
    if bad or lab.stats.calls != n:
        raise SystemExit(f"bench run broken: {bad} errors, {lab.stats.calls} calls for {n} reports")
    rate = n / dt
    return rate, rate / (concurrency / latency)


def bench_label_site(url: str, latency: float, concurrency: int, n: int) -> tuple[float, float]:
    from fedrad.client.labeling.run import label_site

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / ".fedrad"
        work.mkdir()
        with open(work / "anonymized.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["study_id", "region", "report"])
            for r in reports(n):
                w.writerow([r.study_id, r.region, r.text])
        lab = LLMLabeler(LLMConfig(base_url=url, model="bench", concurrency=concurrency, timeout=30.0))
        s = label_site(tmp, labeler="llm", llm_labeler=lab, progress=False)
        if s.errors or s.new != n:
            raise SystemExit(f"label_site bench broken: {s.errors} errors, {s.new} new of {n}")
        rate = s.reports_per_s
    return rate, rate / (concurrency / latency)


def bench_rules(n: int) -> float | None:
    try:
        from fedrad.client.labeling.rules import RuleLabeler
    except ImportError:
        return None
    lab = RuleLabeler("elbow")
    reqs = reports(n)
    lab.label_batch(reqs[:50])  # warm-up (lexicon compile)
    t0 = time.perf_counter()
    results = lab.label_batch(reqs)
    dt = time.perf_counter() - t0
    assert all(r.ok for r in results)
    return n / dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--latency", type=float, default=0.2, help="seconds the test server waits per call")
    ap.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    ap.add_argument("--per-slot", type=int, default=10, help="reports per concurrency slot (n = max(20, C*this))")
    ap.add_argument("--rule-reports", type=int, default=5000)
    args = ap.parse_args()
    proc, url = start_server(args.latency)
    try:
        print(f"LLM labeler vs test server, latency {args.latency * 1000:.0f} ms per call")
        print(f"{'concurrency':>11} {'reports':>8} {'reports/s':>10} {'ideal':>8} {'ratio':>6}")
        for c in args.concurrency:
            n = max(20, c * args.per_slot)
            rate, ratio = bench_llm(url, args.latency, c, n)
            print(f"{c:>11} {n:>8} {rate:>10.1f} {c / args.latency:>8.1f} {ratio:>6.2f}", flush=True)
        c = max(args.concurrency)
        n = max(20, c * args.per_slot)
        rate, ratio = bench_label_site(url, args.latency, c, n)
        print(f"{c:>11} {n:>8} {rate:>10.1f} {c / args.latency:>8.1f} {ratio:>6.2f}  (label_site: cache + commits)")
        target = "met" if ratio >= 0.9 else "NOT met"
        print(f"target ratio >= 0.9 at concurrency {c}: {target}")
    finally:
        proc.kill()
        proc.wait()
    rules = bench_rules(args.rule_reports)
    if rules is None:
        print("rule labeler: client.labeling.rules not available")
    else:
        print(f"rule labeler: {rules:,.0f} reports/s ({args.rule_reports} elbow reports; target >= 1,000)")


if __name__ == "__main__":
    main()
