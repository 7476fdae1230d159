"""Anonymizer on hand-written corpora: identifiers removed (whole string, word by word, per kind),
keep strings kept, over-redaction, misses.

    .venv/bin/python bench/anonymizer_corpus.py CORPUS_DIR [CORPUS_DIR ...] [--misses N] [--json]

The same counters as `fedrad anonymize-eval` (client/anon_score.py); here straight from the JSONL
corpora (bench/corpora/README.md). Never point it at a held-out corpus while tuning.
"""

from __future__ import annotations

import argparse
import json
import time

from corpus import load_corpora
from fedrad.client.anon_engine import default_anonymizer
from fedrad.client.anon_score import format_scores, score_texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--misses", type=int, default=60)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    reports = load_corpora(args.corpus)
    a = default_anonymizer()
    t0 = time.process_time()
    scores = score_texts(((r.study_id, r.report, {**r.columns, "study_id": r.study_id}, r.identifiers, r.keep)
                          for r in reports), anonymizer=a)
    secs = time.process_time() - t0
    if args.json:
        print(json.dumps({**scores.as_dict(), "reports_per_second": len(reports) / secs}, indent=2,
                         ensure_ascii=False))
        return
    print(format_scores(scores, args.misses))
    print(f"speed: {len(reports) / secs:,.0f} reports/s (scoring included)")
    print("most replaced ordinary words:", ", ".join(f"{w} {n}" for w, n in scores.removed_word_counts.most_common(40)))


if __name__ == "__main__":
    main()
