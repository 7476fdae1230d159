"""Does a change to the anonymizer change its output? Dump every output, then diff two dumps.

    .venv/bin/python bench/anonymizer_identity.py dump OUT.jsonl [--rev REV] [--corpora bench/corpora/tune/*]
        [--iu PATH]
    .venv/bin/python bench/anonymizer_identity.py diff A.jsonl B.jsonl

`dump` anonymizes every report of the tune corpora (with their identifier columns, as bench/anonymizer_corpus.py
does) and every IU X-ray report, and writes one line per report: the output text, every span (start, end, kind,
strength, rule) and every word the token layer scored (start, end, its sorted features, its probability). With
--rev the engine is the one at that git revision (loaded as bench/anonymizer_speed.py loads its baseline), with
the working tree's lists and weights. `diff` counts reports whose text, spans or scored words differ (a
probability counts as different beyond 1e-9) and prints the first few; exit status 1 when any differ.

For structural changes only (speed, refactoring): a change of the rules or the weights is meant to differ.
The dumps hold the corpora's identifiers: keep them in /tmp, never in the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from anonymize_eval import iu_texts
from anonymizer_speed import baseline_anonymizer
from corpus import load_corpus
from fedrad.client.anon_lexicon import normalize

ROOT = Path(__file__).resolve().parents[1]
IU = ROOT.parent / "shared" / "data" / "iu-xray-reports" / "indiana_reports.csv"


def _items(corpora: list[str], iu: Path):
    for c in corpora:
        for r in load_corpus(c):
            yield f"{c}:{r.study_id}", r.report, {**r.columns, "study_id": r.study_id}
    if iu.is_file():
        for uid, text in iu_texts(iu):
            yield f"iu:{uid}", text, None


def _record(a, key: str, text: str, ids) -> dict:
    res = a.anonymize(text, ids)
    rec = {"key": key, "text": res.text,
           "spans": [[s.start, s.end, s.kind, s.strength, s.rule] for s in res.spans]}
    if getattr(a, "token_model", None) is not None:  # what the layer saw: the rules' spans, its features, scores
        src = res.source
        ids_n = {k: normalize(str(v)) for k, v in ids.items() if v} if ids else None
        rows = _model_rows(a, src, ids_n, sys.modules[type(a).__module__]._lower(src))
        rec["scored"] = [[s, e, sorted(f), a.token_model.prob(f)] for s, e, f in rows]
    return rec


def _model_rows(a, text: str, ids, low: str):
    """The token layer's rows for one report, as the engine computes them before its layer adds spans."""
    model, a.token_model = a.token_model, None
    try:
        rule_spans = a.find(text, ids)
    finally:
        a.token_model = model
    return a.model_rows(text, low, rule_spans, a.protected_spans(text, low))


def dump(args) -> None:
    a = baseline_anonymizer(args.rev) if args.rev else None
    if a is None:
        if args.rev:
            sys.exit(f"cannot load the engine of {args.rev}")
        from fedrad.client.anon_engine import Anonymizer

        a = Anonymizer()
    n = 0
    with open(args.out, "w", encoding="utf-8") as fh:
        for key, text, ids in _items(args.corpora, args.iu):
            fh.write(json.dumps(_record(a, key, text, ids), ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} reports -> {args.out}")


def _differs(x: dict, y: dict) -> str | None:
    if x["text"] != y["text"]:
        return "text"
    if x["spans"] != y["spans"]:
        return "spans"
    sx, sy = x.get("scored", []), y.get("scored", [])
    if len(sx) != len(sy):
        return "scored words"
    for u, v in zip(sx, sy, strict=True):
        if u[:3] != v[:3]:
            return "features"
        if abs(u[3] - v[3]) > 1e-9:
            return "score"
    return None


def _load(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def diff(args) -> None:
    a, b = _load(args.a), _load(args.b)
    if [r["key"] for r in a] != [r["key"] for r in b]:
        sys.exit("the dumps hold different reports")
    bad = [(x["key"], why) for x, y in zip(a, b, strict=True) if (why := _differs(x, y))]
    words = sum(len(r.get("scored", [])) for r in a)
    spans = sum(len(r["spans"]) for r in a)
    print(f"{len(a)} reports, {spans} spans, {words} scored words: {len(bad)} reports differ")
    for key, why in bad[:20]:
        print(f"  {key}: {why}")
    sys.exit(1 if bad else 0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out")
    d.add_argument("--rev", default="")
    d.add_argument("--corpora", nargs="*", default=sorted(str(p) for p in (ROOT / "bench/corpora/tune").iterdir()
                                                          if p.is_dir()))
    d.add_argument("--iu", type=Path, default=IU)
    c = sub.add_parser("diff")
    c.add_argument("a")
    c.add_argument("b")
    args = ap.parse_args()
    dump(args) if args.cmd == "dump" else diff(args)


if __name__ == "__main__":
    main()
