"""Rebuild client/data/common_words.txt.gz: the ordinary English and German words (wordfreq Zipf >= --zipf).

    pip install wordfreq==3.1.1   # build time only; the anonymizer reads just the list
    .venv/bin/python bench/build_common_words.py [--zipf 3.0]

Why: a place named in a report's history ('Skisturz am Patscherkofel', 'fell at the Sakhir stables') is
on no list we ship when it is a village, a slope or a venue; what marks it is that it is no word of the
language. The anonymizer's history-place rule (client/anon_engine.py, HISTORY_PLACE_RE) removes a capitalised
word after a place preposition in a sentence about an accident or an activity when it is not on this list
and not a German compound of two words on it ('Klettergerüst', 'Hochbett'). Stored folded (fold(): lower
case, umlauts as ae/oe/ue, accents stripped), one per line, alphabetic words of >= 2 letters only.
"""

from __future__ import annotations

import argparse
import gzip

from fedrad.client.anon_lexicon import DATA_DIR, fold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--zipf", type=float, default=3.0)
    args = ap.parse_args()
    from wordfreq import iter_wordlist, zipf_frequency

    out: set[str] = set()
    for lang in ("en", "de"):
        for w in iter_wordlist(lang):
            if zipf_frequency(w, lang) < args.zipf:
                break  # the list is by falling frequency
            if w.isalpha() and len(w) >= 2:
                out.add(fold(w))
    path = DATA_DIR / "common_words.txt.gz"
    data = ("\n".join(sorted(out)) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))  # mtime 0: the same bytes on every rebuild
    print(f"{len(out):,} words -> {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
