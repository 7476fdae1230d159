import json, sys
def emit(path, recs):
    out = []
    for r in recs:
        rep = r["report"].strip("\n")
        ids = [{"text": t, "kind": k} for t, k in r["ids"]]
        for i in ids:
            assert i["text"] in rep, (r["id"], i["text"])
        for k in r.get("keep", []):
            assert k in rep, (r["id"], k)
        o = {"study_id": r["id"], "region": r["region"], "language": r["lang"], "style": r["style"],
             "report": rep, "identifiers": ids, "keep": r.get("keep", []), "labels": r.get("labels", {})}
        o["columns"] = r.get("columns", {})
        out.append(json.dumps(o, ensure_ascii=False))
    open(path, "w").write("\n".join(out) + "\n")
    print(path, len(out))
