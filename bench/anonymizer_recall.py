"""Anonymizer PHI recall, damaged eponyms, over-redaction and speed.

    .venv/bin/python bench/anonymizer_recall.py [--synth OUT] [--iu PATH] [--json]

--synth OUT: a `fedrad sim synth` output folder (made in a temp folder with 2 sites x 300
studies when omitted). --iu: the IU X-ray reports CSV (../shared/data/iu-xray-reports).
See client/anonymize_eval.py for what each figure means.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from anonymize_eval import iu_texts, score_iu, score_synth  # noqa: E402
from anonymizer_speed import rate  # noqa: E402
from fedrad.client.anon_engine import default_anonymizer  # noqa: E402


def speed(texts: list[str]) -> float:
    return rate(default_anonymizer(), texts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--synth", type=Path, help="fedrad sim synth output folder")
    ap.add_argument("--iu", type=Path,
                    default=ROOT.parent / "shared" / "data" / "iu-xray-reports" / "indiana_reports.csv")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    results: dict = {}
    tmp = None
    synth = args.synth
    if synth is None:
        tmp = tempfile.TemporaryDirectory(prefix="anon-bench-")
        synth = Path(tmp.name) / "synth"
        cmd = [str(ROOT / ".venv" / "bin" / "fedrad"), "sim", "synth", str(synth), "--sites", "2",
               "--studies-per-site", "300", "--seed", str(args.seed)]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            print(f"could not make synthetic hospitals ({' '.join(cmd)}):\n{r.stderr[-2000:]}", file=sys.stderr)
            synth = None
    if synth is not None:
        results["synthetic"] = score_synth(synth)
    if args.iu.is_file():
        results["iu"] = score_iu(args.iu, seed=args.seed)
        texts = [t for _u, t in iu_texts(args.iu)]
        results["iu"]["reports_per_second"] = round(speed(texts), 1)
        results["iu"]["mean_chars"] = round(sum(map(len, texts)) / len(texts), 1)
    if synth is not None:
        import csv

        texts = []
        for f in sorted((synth / "sites").glob("*/reports.csv")):
            from fedrad.common.labels import read_csv_text

            header, body = read_csv_text(f)
            i = header.index("report")
            texts += [row[i] for row in body if len(row) > i]
        del csv
        results["synthetic"]["reports_per_second"] = round(speed(texts), 1)
        results["synthetic"]["mean_chars"] = round(sum(map(len, texts)) / max(1, len(texts)), 1)
    if tmp is not None:
        tmp.cleanup()

    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return
    for name, r in results.items():
        print(f"== {name}: {r['reports']} reports, {r['reports_per_second']:,.0f} reports/s "
              f"(mean {r['mean_chars']:.0f} chars)")
        for t, v in r["recall"].items():
            n = (sum(v for k, v in r["planted"].items() if k != "NAME (every word)") if t == "ALL"
                 else r["planted"].get(t, 0))
            print(f"   recall {t:<12} {v:7.2%}   planted {n}")
        if name == "synthetic":
            print(f"   eponym phrases {r['eponym_phrases']}, damaged {r['eponyms_damaged']}")
            print(f"   over-redaction: {r['over_redaction_spans']} spans touching no planted PHI "
                  f"({r['over_redaction_char_share']:.4%} of characters)")
            print(f"   PHI check on the RAW reports (no identifiers): {r['phi_check_flagged_raw_reports']} of "
                  f"{r['reports']} flagged")
            for ex in r["over_redaction_examples"][:8]:
                print(f"      {ex}")
        else:
            print(f"   names from our lists: recall {r['recall_listed_names'].get('NAME', float('nan')):.2%}; "
                  f"names absent from our lists: {r['recall_unlisted_names'].get('NAME', float('nan')):.2%}")
            print(f"   over-redaction: {r['over_redaction_spans']} spans, {r['over_redaction_char_share']:.4%} of "
                  f"characters, {r['over_redacted_reports']} reports")
        print(f"   PHI check after anonymization: {r['phi_check_flagged_reports']} of {r['reports']} reports "
              "have a residual suspect (would not be sent to an LLM)")
        for t, ex in r["missed_examples"].items():
            if ex:
                print(f"   missed {t}: " + "; ".join(f"{sid}: {s!r}" for sid, s in ex[:5]))


if __name__ == "__main__":
    main()
