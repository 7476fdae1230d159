#!/usr/bin/env python3
"""Validate a hand-written corpus folder (JSON Lines) against BRIEF.md: keys, identifier and keep strings verbatim in
the report, finding ids of the region's template, parents at least their children (every parent of the spec).

Standalone (no fedrad import): authors must not open the repository, so a session copies this file and BRIEF.md
outside it (e.g. /work/helpers/) before commissioning a set. It reads only the spec's label-templates.md.

    python3 validate_corpus.py FOLDER [--spec /work/shared/spec/label-templates.md]
"""
import json
import re
import sys
from pathlib import Path

SPEC_PATH = Path("/work/shared/spec/label-templates.md")
KINDS = {"patient_name", "clinician_name", "other_name", "date", "id", "phone", "email", "address",
         "institution", "age", "url", "other"}
COLS = {"patient_name", "patient_id", "birth_date", "exam_date", "accession_number", "referring_physician"}
RANK = {"true": 2, "uncertain": 1, "false": 0}


def templates(spec: Path = SPEC_PATH) -> dict[str, dict[str, list[str]]]:
    """{region: {finding id: [parent ids]}} from the spec's tables."""
    out, region = {}, None
    for line in spec.read_text(encoding="utf-8").splitlines():
        m = re.match(r"## (\w+) \(\d+\)", line)
        if m:
            region = m.group(1).lower()
            out[region] = {}
            continue
        m = re.match(r"\|\s*\d+\s*\|\s*(\w+)\s*\|[^|]*\|\s*([\w, ]*?)\s*\|", line)
        if m and region:
            out[region][m.group(1)] = [p.strip() for p in m.group(2).split(",") if p.strip()]
    return out


def main(folder: str, spec: Path = SPEC_PATH) -> int:
    tpl = templates(spec)
    files = sorted(Path(folder).glob("*.jsonl"))
    problems, seen, n = [], set(), 0
    if not files:
        print(f"{folder}: no *.jsonl files")
        return 1
    for path in files:
        for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{ln}"
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{where}: not JSON: {e}")
                continue
            n += 1
            for k in ("study_id", "region", "language", "style", "report", "identifiers", "keep", "labels"):
                if k not in r:
                    problems.append(f"{where}: missing key {k}")
            sid = r.get("study_id", "?")
            where = f"{where} {sid}"
            if sid in seen:
                problems.append(f"{where}: duplicate study_id")
            seen.add(sid)
            region = r.get("region")
            if region not in tpl:
                problems.append(f"{where}: region {region!r} not clavicle/elbow/thumb")
                continue
            if r.get("language") not in ("en", "de"):
                problems.append(f"{where}: language must be en or de")
            text = r.get("report", "")
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{where}: empty report")
            for i in r.get("identifiers", []):
                if not isinstance(i, dict) or set(i) != {"text", "kind"}:
                    problems.append(f"{where}: identifier must be {{text, kind}}: {i!r}")
                    continue
                if i["kind"] not in KINDS:
                    problems.append(f"{where}: unknown identifier kind {i['kind']!r}")
                if not i["text"] or i["text"] not in text:
                    problems.append(f"{where}: identifier text not verbatim in report: {i['text']!r}")
            for k in r.get("keep", []):
                if not isinstance(k, str) or k not in text:
                    problems.append(f"{where}: keep string not verbatim in report: {k!r}")
            labels = r.get("labels", {})
            if not isinstance(labels, dict):
                problems.append(f"{where}: labels must be an object")
                continue
            ids = tpl[region]
            for f, v in labels.items():
                if f not in ids:
                    problems.append(f"{where}: finding {f!r} not in the {region} template")
                if v not in ("true", "uncertain"):
                    problems.append(f"{where}: label {f}={v!r}: only 'true' or 'uncertain' are listed")
            for f, v in labels.items():
                todo = list(ids.get(f) or [])
                while todo:
                    p = todo.pop()
                    if RANK.get(labels.get(p, "false"), 0) < RANK.get(v, 0):
                        problems.append(f"{where}: {f}={v} but its parent {p}={labels.get(p, 'false')}")
                    todo.extend(ids.get(p) or [])
            for k in r.get("columns", {}) or {}:
                if k not in COLS:
                    problems.append(f"{where}: unknown column {k!r}")
    for p in problems:
        print(p)
    print(f"{n} reports in {len(files)} files; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    spec = Path(args[args.index("--spec") + 1]) if "--spec" in args else SPEC_PATH
    sys.exit(main(args[0], spec))
