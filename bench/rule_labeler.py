"""Rule labeler: throughput (reports/s, target >= 5,000) and label quality, on hand-written
corpora (bench/corpora/README.md) or on a `fedrad sim synth` output.

    python bench/rule_labeler.py --corpus DIR [--corpus DIR2]   # accuracy, F1 true / uncertain, reports
                                       # with >= 1 wrong label, per-finding errors; raw and anonymized text
    python bench/rule_labeler.py --corpus DIR --errors 20       # + the wrong reports (text and cells)
    python bench/rule_labeler.py                       # throughput on the hand-written gold reports
    python bench/rule_labeler.py --synth /tmp/synth    # + accuracy / F1 on the synthetic hospitals

A corpus is scored twice: on the raw text, and on the text after `fedrad anonymize` (what a
site labels in production: identifiers replaced by typed placeholders).

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


def corpus_eval(dirs: list[Path], errors: int, anonymized: bool) -> dict:
    """Label a hand-written corpus (raw or anonymized text) and score it against its gold labels."""
    import sys
    import tempfile

    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import load_corpora, write_site

    corpus = load_corpora(dirs)
    texts = {c.study_id: c.report for c in corpus}
    if anonymized:
        from fedrad.client.anonymize import anonymize_site

        with tempfile.TemporaryDirectory() as tmp:
            site = write_site(corpus, Path(tmp) / "site")
            anonymize_site(site, Path(tmp) / "anon.csv", show_progress=False)
            header, body = read_csv_text(Path(tmp) / "anon.csv")
            col = {h: i for i, h in enumerate(header)}
            anon = {row[col["study_id"]]: row[col["report"]] for row in body}
        missing = [s for s in texts if s not in anon]
        if missing:
            print(f"anonymizer quarantined {len(missing)} reports (scored on nothing): {missing[:5]}")
        texts = {s: anon.get(s, "") for s in texts}
    results, shown, bad = [], 0, 0
    by_finding: dict[str, int] = defaultdict(int)
    for region in sorted({c.region for c in corpus}):
        tpl = load_template(region)
        items = [c for c in corpus if c.region == region]
        res = RuleLabeler(region).label_batch([LabelRequest(c.study_id, region, texts[c.study_id]) for c in items])
        pred, gold = LabelTable(tpl), LabelTable(tpl)
        for c, r in zip(items, res, strict=True):
            pred.add(c.study_id, r.labels)
            gold.add(c.study_id, c.labels)
        ev = evaluate_labels(pred, gold)
        results.append(ev)
        bad += ev["studies_with_errors"]
        for cell in ev["wrong_cells"]:
            by_finding[f"{region}:{cell['finding']} {cell['gold']}->{cell['predicted']}"] += 1
        if shown < errors:
            wrong: dict[str, list[str]] = defaultdict(list)
            for cell in ev["wrong_cells"]:
                wrong[cell["study_id"]].append(f"{cell['finding']} {cell['gold']}->{cell['predicted']}")
            for sid, cells in wrong.items():
                if shown < errors:
                    shown += 1
                    print(f"--- {sid} ({region}): {', '.join(cells)}\n{texts[sid]}\n")
    m = merge_evaluations(results)
    return {"reports": len(corpus), "reports_with_errors": bad, "merged": m, "per_finding_errors": dict(
        sorted(by_finding.items(), key=lambda kv: -kv[1])), "texts": [(c.region, texts[c.study_id]) for c in corpus]}


def print_corpus(name: str, r: dict) -> dict:
    m = r["merged"]
    pv = m["per_value"]
    print(f"{name}: {r['reports']} reports, {m['cells']} cells: accuracy {100 * m['accuracy']:.2f}%, "
          f"F1 true {_f(pv['true']['f1'])}, F1 uncertain {_f(pv['uncertain']['f1'])} "
          f"(P {_f(pv['uncertain']['precision'])} R {_f(pv['uncertain']['recall'])}), "
          f"reports with >= 1 wrong label: {r['reports_with_errors']}")
    print("  errors by kind: " + ", ".join(f"{k} {v['cells']}" for k, v in m["error_kinds"].items() if v["cells"]))
    for k, n in r["per_finding_errors"].items():
        print(f"  {n:3d}  {k}")
    return {"reports": r["reports"], "cells": m["cells"], "accuracy": m["accuracy"], "f1_true": pv["true"]["f1"],
            "f1_uncertain": pv["uncertain"]["f1"], "reports_with_errors": r["reports_with_errors"],
            "error_kinds": m["error_kinds"], "per_finding_errors": r["per_finding_errors"]}


def _f(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, action="append", help="a folder of hand-written *.jsonl reports "
                                                                 "(repeatable: scored together)")
    ap.add_argument("--raw-only", action="store_true", help="score the corpus on raw text only (no anonymizer)")
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
    if args.corpus:
        raw = corpus_eval(args.corpus, args.errors, anonymized=False)
        out["corpus_raw"] = print_corpus("raw text", raw)
        if not args.raw_only:
            anon = corpus_eval(args.corpus, args.errors, anonymized=True)
            out["corpus_anonymized"] = print_corpus("anonymized text", anon)
        texts = raw["texts"]
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
    print(f"rule labeler throughput: {rate:,.0f} reports/s on {len(texts)} reports (1 core; target >= 5,000; "
          f"ratio {rate / 5000:.2f}x)")
    out["throughput_reports_per_s"] = rate
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, default=str))


if __name__ == "__main__":
    main()
