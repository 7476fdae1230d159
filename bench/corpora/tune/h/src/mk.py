import json, sys
def R(sid, region, lang, style, report, ids, keep=(), labels=None, columns=None):
    rec = {"study_id": sid, "region": region, "language": lang, "style": style,
           "report": report,
           "identifiers": [{"text": t, "kind": k} for (t, k) in ids],
           "keep": list(keep), "labels": labels or {}}
    rec["columns"] = columns or {}
    for t, k in ids:
        assert t in report, (sid, t)
    for t in keep:
        assert t in report, (sid, t)
    return rec
def write(path, recs):
    assert len(recs) == 20, len(recs)
    with open(path, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
