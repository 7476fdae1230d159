"""Anonymizer speed on the real IU X-ray reports, against a baseline engine measured in the same run.

    .venv/bin/python bench/anonymizer_speed.py [--iu PATH] [--baseline-rev main] [--repeat 3] [--tune]

The baseline is the engine as it was at a git revision (default `main`), loaded from `git show
REV:client/anon_engine.py` and the modules it runs on (anon_lexicon.py, anon_model.py; or
client/anonymize.py for a revision before the engine had its own module) into temporary modules, with
the word lists and weights of the working tree. Both are timed on the same reports in alternation (best
of --repeat, CPU time), so machine load cancels out of the ratio. --tune also times the hand-written tune
corpora (bench/corpora/tune/*: longer reports, header blocks, sign-offs, each with its identifier columns),
which are slower per report than IU's four short sections. Target (issue 11): >= 1,000 reports/s.
bench/anonymizer_identity.py proves that a speed change changed no output.

Where the time goes (session 7, branch anonspeed; py-spy sampling, share of anonymize() time, token layer on;
machine shared, load 6-12 on 2 cores, so only ratios within one run mean anything). This bench, one run at
load ~6-9 (09:46 UTC): IU 1,874 reports/s vs 1,209 for main at 595ff5d (ratio 1.55); tune 286 vs 226 (1.27).

    IU (3,826 reports, 357 chars)         main                         anonspeed
      token layer (_model_layer)          20% (token_features 12%)  ->  5% (4%)
      zones (_zones, asked twice)         10% + _header_signoff 4%  ->  9% (asked once) + 2%
      cue regexes (strong and weak)       ~9%                       ->  ~6% (tried at head occurrences only)
      date/age/phone/ID/postcode/ward     ~15%                      ->  run only on the 32% of reports with a digit
      left: _recall_first 49% of the new whole (ward/dictation marks 9%, CAP_TOKEN scan shared by three rules,
      ADDRESS_RE, INVERTED_NAME_RE, MONTH_HINT_RE ...), eponym protection 5%, list names 6%
    tune a-p (1,280 reports, 694 chars)   main                         anonspeed
      token layer                         18% (token_features 13%)  ->  15% (12%) of a smaller whole
      protected_spans                     16% (bracketed views 10%) ->  10%
      zone rules (_zone_tokens, _zone_institutions, _zone_safe) ~18% -> ~21%; _resolve 4%; the rest a flat
      tail of regex scans (ADDRESS_RE, ID_RE/ALNUM_ID_RE, institution_re, dates: 1-3% each)

What made the difference: the token layer tokenises and scores only the lines it can score (a zone, the
header, the sign-off or a removed word on the line; every feature is of the word's own line) and caches a
word's shape and list membership; the zones, header/sign-off, capitalised tokens and letter runs of a report
are computed once (Anonymizer._memo_for); the bracketed-view and eponym-slot patterns scan only the lines
that hold their key character or words; the cue regexes are tried only where a cue's literal start occurs;
the date/age/phone/ID/postcode/ward patterns (every match holds a digit) run only on a report with a digit
(68% of IU reports have none). What is left is many regex scans, each 1-5%: the next step would be combining
them or giving each a literal first character so the regex engine can skip (a pattern that starts with a
look-behind or look-ahead is tried at every position), and sharing the zone rules' per-token safety test
between _zone_tokens and _zone_institutions (both ask it for the same tokens).
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


BASELINE_MODULES = ("anon_lexicon", "anon_model", "anon_engine")  # the engine and the modules it runs on


def _git_show(rev: str, rel: str) -> str | None:
    r = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{rel}"], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else None


def baseline_anonymizer(rev: str):
    """The Anonymizer class of `rev`, or None (with the reason on stderr) when it cannot be loaded.

    The engine's own modules (client/anon_lexicon.py, anon_model.py, anon_engine.py) are all taken from `rev`,
    each imported under a temporary name, so the baseline runs none of the working tree's engine code (a
    speed-up of the token layer must not speed up the baseline too)."""
    sources = {m: _git_show(rev, f"client/{m}.py") for m in BASELINE_MODULES}
    if not sources["anon_engine"] or "class Anonymizer" not in sources["anon_engine"]:
        old = _git_show(rev, "client/anonymize.py")  # before the engine had a module of its own
        if not old or "class Anonymizer" not in old:
            print(f"baseline {rev}: no Anonymizer found", file=sys.stderr)
            return None
        sources = {"anon_engine": old}
    tmp = Path(tempfile.mkdtemp(prefix="anon-baseline-"))
    mod = None
    try:
        for name, src in sources.items():
            if src is None:
                continue
            for other in BASELINE_MODULES:
                src = src.replace(f"fedrad.client.{other} ", f"baseline_{other} ")
            path = tmp / f"baseline_{name}.py"
            path.write_text(src, encoding="utf-8")
            spec = importlib.util.spec_from_file_location(f"baseline_{name}", path)
            mod = importlib.util.module_from_spec(spec)
            sys.modules[f"baseline_{name}"] = mod
            spec.loader.exec_module(mod)
        return mod.Anonymizer(data_dir=ROOT / "client" / "data")
    except Exception as exc:  # a baseline that no longer imports: report, do not fail the bench
        print(f"baseline {rev}: cannot load ({type(exc).__name__}: {exc})", file=sys.stderr)
        return None


def rate(a, items: list[tuple[str, dict | None]]) -> float:
    t0 = time.process_time()
    for t, ids in items:
        a.anonymize(t, ids)
    return len(items) / (time.process_time() - t0)


def tune_items() -> list[tuple[str, dict | None]]:
    """The hand-written tune corpora (realistic lengths and header layouts), each with its identifier columns."""
    from corpus import load_corpus

    return [(r.report, {**r.columns, "study_id": r.study_id})
            for c in sorted((ROOT / "bench" / "corpora" / "tune").iterdir()) if c.is_dir() for r in load_corpus(c)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iu", type=Path,
                    default=ROOT.parent / "shared" / "data" / "iu-xray-reports" / "indiana_reports.csv")
    ap.add_argument("--baseline-rev", default="main")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--tune", action="store_true",
                    help="also time the tune corpora (bench/corpora/tune/*, with their identifier columns)")
    args = ap.parse_args()
    if not args.iu.is_file():
        sys.exit(f"IU reports not found: {args.iu}")
    sets = {"IU reports": [(t, None) for _u, t in iu_texts(args.iu)]}
    if args.tune:
        sets["tune corpora"] = tune_items()
    new = Anonymizer()
    old = baseline_anonymizer(args.baseline_rev)
    for name, items in sets.items():
        new.anonymize(items[0][0])
        best_new = best_old = 0.0
        for _ in range(args.repeat):
            best_new = max(best_new, rate(new, items))
            if old is not None:
                best_old = max(best_old, rate(old, items))
        print(f"{name}: {len(items)} (mean {sum(len(t) for t, _ in items) / len(items):.0f} chars)")
        print(f"  anonymizer (this tree): {best_new:,.0f} reports/s  (target >= 1,000: "
              f"{'met' if best_new >= 1000 else 'NOT met'})")
        if old is not None:
            print(f"  baseline ({args.baseline_rev}): {best_old:,.0f} reports/s; ratio new/baseline = "
                  f"{best_new / best_old:.2f}")


if __name__ == "__main__":
    main()
