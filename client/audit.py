"""The site's audit log, `<site>/.fedrad/audit.jsonl`: one line per message that left the site.

Written by the ClientApp launcher right after a reply was handed to Flower (and for every FAB
or run it refused), opened append-only, one `write` per line, fsynced. Each line holds exactly
what left: time, run id, round, kind (train/evaluate), the sha256 and byte size of the arrays
(common.replydigest, the same digest the coordinator records on arrival), the metric keys and
values, the error code; refusals add the refused FAB's sha256. A privacy officer reads it with
`fedrad client audit SITE` (a plain table), `--json`, or checks it against the coordinator's
run folder with `--verify RUN_DIR` (the coordinator's history.json records the digest of every
reply it received, per site and round).
"""

from __future__ import annotations

import json
import math
import os
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fedrad.common.errors import FedradError
from fedrad.common.sitefiles import WORK_DIR_NAME, work_dir

AUDIT_FILE = "audit.jsonl"
COLUMNS = ("time", "run", "round", "kind", "bytes", "arrays_sha256", "error", "metrics")


class AuditError(FedradError, ValueError):
    """The audit log or the run folder cannot be read (message names file and line)."""


def audit_path(site: str | Path) -> Path:
    return Path(site) / WORK_DIR_NAME / AUDIT_FILE


def append(site: str | Path, record: Mapping[str, Any]) -> dict[str, Any]:
    """Append one line (a `time` field is added); O_APPEND so concurrent ClientApps never interleave."""
    line = {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), **record}
    data = (json.dumps(line, sort_keys=False, default=_plain, allow_nan=True) + "\n").encode("utf-8")
    fd = os.open(work_dir(site) / AUDIT_FILE, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    return line


def _plain(obj: Any) -> Any:
    if hasattr(obj, "tolist"):
        return obj.tolist()
    raise TypeError(type(obj).__name__)


def read(site: str | Path) -> list[dict[str, Any]]:
    if not Path(site).is_dir():
        raise AuditError(f"site folder {site} does not exist")
    path = audit_path(site)
    if not path.is_file():
        return []
    out = []
    for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not text.strip():
            continue
        try:
            out.append(json.loads(text))
        except json.JSONDecodeError as exc:
            raise AuditError(f"{path}, line {n}: not JSON ({exc.msg})") from None
    return out


def _fmt_value(v: Any) -> str:
    if isinstance(v, list):
        return "[" + ",".join(_fmt_value(x) for x in v) + "]"
    if isinstance(v, float):
        return "nan" if math.isnan(v) else f"{v:.6g}"
    return str(v)


def row_cells(rec: Mapping[str, Any]) -> list[str]:
    metrics = rec.get("metrics") or {}
    kind = rec.get("kind", "")
    sha = rec.get("arrays_sha256") or (f"fab {rec['fab_sha256']}" if rec.get("fab_sha256") else "")
    return [str(rec.get("time", "")), str(rec.get("run", "")), str(rec.get("round", "")), str(kind),
            str(rec.get("arrays_bytes", "")), sha,
            f"{rec.get('error_code')} {rec['error']}" if rec.get("error") else "",
            "; ".join(f"{k}={_fmt_value(v)}" for k, v in metrics.items())]


def plain_table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """Columns padded to their widest cell; nothing is cut, nothing depends on the terminal."""
    header = list(header)
    rows = [list(r) for r in rows]
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def table(records: list[Mapping[str, Any]]) -> str:
    return plain_table(COLUMNS, (row_cells(r) for r in records))


@dataclass
class Verification:
    checked: int = 0  # audit lines of this run folder's runs compared
    other_runs: int = 0  # audit lines of runs this folder did not record
    problems: list[str] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and self.checked > 0


def verify(records: list[Mapping[str, Any]], run_dir: str | Path) -> Verification:
    """Every train reply this site logged for a run recorded in `run_dir` must be recorded there with
    the same arrays digest and byte size, and every evaluate reply with the same example count."""
    hist_path = Path(run_dir) / "history.json"
    try:
        rounds = json.loads(hist_path.read_text())["rounds"]
    except (OSError, ValueError, KeyError) as exc:
        raise AuditError(f"{hist_path}: not a coordinator run folder's history ({exc})") from None
    by_key = {(r.get("flower_run_id"), r.get("flower_round")): r for r in rounds if "flower_run_id" in r}
    runs = {k[0] for k in by_key}
    v = Verification()
    for rec in records:
        if rec.get("kind") not in ("train", "evaluate"):
            continue
        run, rnd = rec.get("run"), rec.get("round")
        if run not in runs or rnd is None:  # rnd None: the final or cross-site evaluation (no round of its own)
            v.other_runs += 1
            continue
        v.checked += 1
        row = by_key.get((run, rnd))
        where = f"run {run} round {rnd} {rec['kind']}"
        if row is None:
            v.problems.append(f"{where}: the coordinator has no record of this round")
            continue
        # A site error travels as its fixed text; a policy refusal as a bare code (no text), which the
        # coordinator records as "... code NNNN)".
        sent = rec.get("error") or (f"code {rec['error_code']})" if rec.get("error_code") else "")
        if sent:
            failures = row.get("train_failures" if rec["kind"] == "train" else "eval_failures", [])
            if any(sent in f for f in failures):
                v.matched.append(f"{where}: error {sent.rstrip(')')} recorded")
            else:
                v.problems.append(f"{where}: error {sent.rstrip(')')} sent but not recorded")
            continue
        if rec["kind"] == "train":
            got = {site: d for site, d in row.get("train_replies", {}).items()
                   if d.get("sha256") == rec.get("arrays_sha256")}
            if not got:
                v.problems.append(f"{where}: arrays {rec.get('arrays_sha256')} not among those the coordinator "
                                  f"recorded")
                continue
            site, d = next(iter(got.items()))
            if d.get("bytes") != rec.get("arrays_bytes"):
                v.problems.append(f"{where}: {rec.get('arrays_bytes')} bytes sent, {d.get('bytes')} recorded")
                continue
            v.matched.append(f"{where}: arrays {rec['arrays_sha256']} recorded as site {site}")
        else:
            n = (rec.get("metrics") or {}).get("num-examples")
            sites = [s for s, m in row.get("sites", {}).items() if m.get("n") == n]
            if sites:
                v.matched.append(f"{where}: num-examples {n} recorded (site {sites[0]})")
            else:
                v.problems.append(f"{where}: num-examples {n} not recorded")
    return v
