"""Anonymizer speed on the real IU X-ray reports, against a baseline engine measured in the same run.

    .venv/bin/python bench/anonymizer_speed.py [--iu PATH] [--baseline-rev main] [--repeat 3]

The baseline is the engine as it was at a git revision (default `main`: before the recall-first
rework), loaded from `git show REV:client/anonymize.py` (or client/anon_engine.py when that
revision has it) into a temporary module, with the word lists of the working tree. Both are timed
on the same reports in alternation (best of --repeat, CPU time), so machine load cancels out of
the ratio. Target (issue 11): >= 1,000 reports/s.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from anonymize_eval import iu_texts
from fedrad.client.anon_engine import Anonymizer

ROOT = Path(__file__).resolve().parents[1]


def baseline_anonymizer(rev: str):
    """The Anonymizer class of `rev`, or None (with the reason on stderr) when it cannot be loaded."""
    for rel in ("client/anon_engine.py", "client/anonymize.py"):
        r = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{rel}"], capture_output=True, text=True)
        if r.returncode == 0 and "class Anonymizer" in r.stdout:
            break
    else:
        print(f"baseline {rev}: no Anonymizer found ({r.stderr.strip()[:200]})", file=sys.stderr)
        return None
    tmp = Path(tempfile.mkdtemp(prefix="anon-baseline-")) / "baseline_anonymizer.py"
    tmp.write_text(r.stdout, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("baseline_anonymizer", tmp)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["baseline_anonymizer"] = mod
    try:
        spec.loader.exec_module(mod)
        return mod.Anonymizer(data_dir=ROOT / "client" / "data")
    except Exception as exc:  # a baseline that no longer imports: report, do not fail the bench
        print(f"baseline {rev}: cannot load ({type(exc).__name__}: {exc})", file=sys.stderr)
        return None


def rate(a, texts: list[str]) -> float:
    t0 = time.process_time()
    for t in texts:
        a.anonymize(t)
    return len(texts) / (time.process_time() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iu", type=Path,
                    default=ROOT.parent / "shared" / "data" / "iu-xray-reports" / "indiana_reports.csv")
    ap.add_argument("--baseline-rev", default="main")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not args.iu.is_file():
        sys.exit(f"IU reports not found: {args.iu}")
    texts = [t for _u, t in iu_texts(args.iu)]
    new = Anonymizer()
    old = baseline_anonymizer(args.baseline_rev)
    new.anonymize(texts[0])
    best_new = best_old = 0.0
    for _ in range(args.repeat):
        best_new = max(best_new, rate(new, texts))
        if old is not None:
            best_old = max(best_old, rate(old, texts))
    print(f"IU reports: {len(texts)} (mean {sum(map(len, texts)) / len(texts):.0f} chars)")
    print(f"anonymizer (this tree): {best_new:,.0f} reports/s  (target >= 1,000: "
          f"{'met' if best_new >= 1000 else 'NOT met'})")
    if old is not None:
        print(f"baseline ({args.baseline_rev}): {best_old:,.0f} reports/s; ratio new/baseline = "
              f"{best_new / best_old:.2f}")


if __name__ == "__main__":
    main()
