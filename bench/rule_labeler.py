"""Rule labeler: throughput (reports/s, target >= 1,000) and, given a `fedrad sim synth` output,
label quality against the generator's report truth, per region and language.

    python bench/rule_labeler.py                       # throughput on the hand-written gold reports
    python bench/rule_labeler.py --synth /tmp/synth    # + accuracy / F1 on the synthetic hospitals
    python bench/rule_labeler.py --synth /tmp/synth --errors 20   # show some wrong reports

By default the raw synthetic reports are scored; with --anonymized the anonymizer's output
(typed placeholders such as [NAME]) is, which is what a site actually labels.
"""

from __future__ import annotations

import argparse
import json
import time
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from fedrad.client.labeling.base import LabelRequest  # noqa: E402
from fedrad.client.labeling.evaluate import evaluate_labels, merge_evaluations  # noqa: E402
from fedrad.client.labeling.rules import RuleLabeler  # noqa: E402
from fedrad.common.labels import LabelTable, read_csv_text, read_label_file  # noqa: E402
from fedrad.common.templates import load_template  # noqa: E402

GOLD = ROOT / "tests" / "fixtures" / "rules_gold" / "cases.toml"


def throughput(texts: list[tuple[str, str]], seconds: float = 3.0) -> float:
    labelers = {r: RuleLabeler(r) for r in {r for r, _ in texts}}
    reqs = {r: [LabelRequest(str(i), r, t) for i, (rr, t) in enumerate(texts) if rr == r] for r in labelers}
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for r, lab in labelers.items():
            lab.label_batch(reqs[r])
            n += len(reqs[r])
    return n / (time.perf_counter() - t0)


def synth_eval(root: Path, errors: int, anonymized: str | None = None) -> dict:
    sites = json.loads((root / "synth.json").read_text())["sites"]
    results: dict[tuple[str, str, str], dict] = {}
    texts_all: list[tuple[str, str]] = []
    shown = 0
    for site in sites:
        lang = json.loads((root / "truth" / site / "site.json").read_text()).get("language", "?")
        src = root / "sites" / site / (anonymized or "reports.csv")
        header, body = read_csv_text(src)
        col = {h: i for i, h in enumerate(header)}
        by_region: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for row in body:
            if len(row) == len(header):
                by_region[row[col["region"]]].append((row[col["study_id"]], row[col["report"]]))
        for region, items in by_region.items():
            truth_file = root / "truth" / site / f"report-labels-{region}.csv"
            if not truth_file.exists():
                continue
            tpl = load_template(region)
            gold = read_label_file(truth_file, tpl)
            lab = RuleLabeler(region)
            res = lab.label_batch([LabelRequest(s, region, t) for s, t in items])
            pred = LabelTable(tpl)
            for r in res:
                pred.add(r.study_id, r.labels)
            results[(site, region, lang)] = evaluate_labels(pred, gold)
            texts_all += [(region, t) for _, t in items]
            if shown < errors:
                g = gold.by_study()
                for (sid, text), r in zip(items, res, strict=True):
                    if sid in g and shown < errors:
                        diff = {f: f"{g[sid][f]}->{r.labels[f]}" for f in tpl.ids if g[sid][f] != r.labels[f]}
                        if diff:
                            shown += 1
                            print(f"--- {site} {sid} {region}: {diff}\n{text}\n")
    return {"results": results, "texts": texts_all}


def _f(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--synth", type=Path, help="a `fedrad sim synth` output folder")
    ap.add_argument("--errors", type=int, default=0, help="print this many wrongly labelled synthetic reports")
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--anonymized", help="label <site>/<this file> (e.g. the output of `fedrad anonymize SITE "
                                         "--out SITE/anon.csv`) instead of the raw reports.csv")
    args = ap.parse_args()
    cases = tomllib.loads(GOLD.read_text(encoding="utf-8"))["case"]
    texts = [(c["region"], c["text"]) for c in cases]
    out: dict = {}
    if args.synth:
        ev = synth_eval(args.synth, args.errors, args.anonymized)
        groups: dict[str, list[dict]] = defaultdict(list)
        for (site, region, lang), r in ev["results"].items():
            groups["all"].append(r)
            groups[f"region={region}"].append(r)
            groups[f"lang={lang}"].append(r)
            groups[f"region={region},lang={lang}"].append(r)
            groups[f"site={site}"].append(r)
        print(f"{'group':32} {'cells':>8} {'accuracy':>9} {'F1 true':>8} {'F1 unc':>8} {'P unc':>6} {'R unc':>6}")
        table = {}
        for name in sorted(groups, key=lambda k: (k != "all", k)):
            m = merge_evaluations(groups[name])
            pv = m["per_value"]
            table[name] = {"cells": m["cells"], "accuracy": m["accuracy"], "f1_true": pv["true"]["f1"],
                           "f1_uncertain": pv["uncertain"]["f1"], "precision_uncertain": pv["uncertain"]["precision"],
                           "recall_uncertain": pv["uncertain"]["recall"], "confusion": m["confusion"]["matrix"]}
            print(f"{name:32} {m['cells']:>8} {100 * m['accuracy']:>8.2f}% {_f(pv['true']['f1']):>8} "
                  f"{_f(pv['uncertain']['f1']):>8} {_f(pv['uncertain']['precision']):>6} "
                  f"{_f(pv['uncertain']['recall']):>6}")
        print("confusion (all; rows gold false/uncertain/true, cols predicted):", table["all"]["confusion"])
        out["synth"] = table
        texts = ev["texts"] or texts
    rate = throughput(texts, args.seconds)
    print(f"rule labeler throughput: {rate:,.0f} reports/s on {len(texts)} reports (1 core; target >= 1,000; "
          f"ratio {rate / 1000:.1f}x)")
    out["throughput_reports_per_s"] = rate
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, default=str))


if __name__ == "__main__":
    main()
