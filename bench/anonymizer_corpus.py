"""Anonymizer on hand-written corpora: identifiers removed (whole string, word by word, per kind),
keep strings kept, over-redaction, misses.

    .venv/bin/python bench/anonymizer_corpus.py CORPUS_DIR [CORPUS_DIR ...] [--misses N] [--json]
    .venv/bin/python bench/anonymizer_corpus.py --sealed CORPUS_DIR [CORPUS_DIR ...]

The same counters as `fedrad anonymize-eval` (client/anon_score.py); here straight from the JSONL
corpora (bench/corpora/README.md). Never point it at a held-out corpus while tuning. `--sealed` is the
mode for one that must stay unread (bench/corpora/sealed/README.md): figures only, all folders together
and each folder alone, misses counted by kind; no identifier, miss context or replaced word is printed
(the default mode lists the most replaced ordinary words, which are the corpus's own words).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from corpus import load_corpora
from fedrad.client.anon_engine import default_anonymizer
from fedrad.client.anon_score import format_scores, score_texts


def _score(reports, anonymizer):
    return score_texts(((r.study_id, r.report, {**r.columns, "study_id": r.study_id}, r.identifiers, r.keep)
                        for r in reports), anonymizer=anonymizer)


def sealed_figures(folders: list[str], anonymizer) -> str:
    """Aggregate figures of unread corpus folders: the per-kind table without misses, then one line per folder
    and the misses counted by kind and by whole string / word. Nothing of the corpus's text."""
    s = _score(load_corpora(folders), anonymizer)
    lines = [format_scores(s, 0)]
    kinds = Counter((m.kind, m.how) for m in s.misses)
    lines.append("misses by kind: " + (", ".join(f"{k} {how} {n}" for (k, how), n in sorted(kinds.items())) or "none"))
    for folder in folders if len(folders) > 1 else []:
        f = _score(load_corpora([folder]), anonymizer)
        lines.append(f"{Path(folder).name}: {f.reports} reports, {sum(f.planted.values())} identifiers, whole "
                     f"{f.whole_recall()['ALL']:.2%}, word {f.word_recall()['ALL']:.2%}, keep {f.keep_kept}/"
                     f"{f.keep_total}, over-redaction {f.over_redaction:.2%}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--misses", type=int, default=60)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--sealed", action="store_true", help="figures only, for a held-out set nobody may read")
    args = ap.parse_args()
    a = default_anonymizer()
    if args.sealed:
        print(sealed_figures(args.corpus, a))
        return
    reports = load_corpora(args.corpus)
    t0 = time.process_time()
    scores = _score(reports, a)
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
