"""Over-redaction on real report text: the share of words of the IU X-ray reports (identifiers already masked
by the publisher as XXXX) that the anonymizer replaces, and the most replaced words.

    .venv/bin/python bench/iu_over_redaction.py [--iu PATH] [--top 40]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from anonymize_eval import iu_texts
from fedrad.client.anon_engine import default_anonymizer
from fedrad.client.anon_score import WORD_RE

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iu", type=Path,
                    default=ROOT.parent / "shared" / "data" / "iu-xray-reports" / "indiana_reports.csv")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args()
    a = default_anonymizer()
    words = removed = reports = touched = 0
    counts: Counter = Counter()
    for _uid, text in iu_texts(args.iu):
        res = a.anonymize(text)
        src = res.source
        covered = bytearray(len(src) + 1)
        for sp in res.spans:
            covered[sp.start:sp.end] = b"\x01" * (sp.end - sp.start)
        reports += 1
        hit = False
        for m in WORD_RE.finditer(src):
            if re.fullmatch(r"X{2,}", m.group()):
                continue  # the publisher's mask
            words += 1
            if 1 in covered[m.start():m.end()]:
                removed += 1
                hit = True
                counts[m.group()] += 1
        touched += hit
    print(f"IU X-ray: {reports} reports, {words} words, {removed} replaced ({100 * removed / words:.2f}%), "
          f"{touched} reports with >= 1 replaced word")
    print("most replaced:", ", ".join(f"{w} {n}" for w, n in counts.most_common(args.top)))


if __name__ == "__main__":
    main()
