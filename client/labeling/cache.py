"""Label cache: every validated answer, keyed by (labeler, model, prompt version, text hash, region).

Why SQLite in WAL mode with one commit per answer: a run killed with SIGKILL loses at most the
calls that were in flight, and a rerun with nothing changed costs zero LLM calls. With
synchronous=NORMAL a commit survives a process crash (not necessarily a power cut, which at worst
repeats a few calls). Errors are never stored here: they are retried on the next run.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

from fedrad.client.labeling.base import Labeler, LabelRequest, LabelResult
from fedrad.common.labels import Label

CACHE_NAME = "label-cache.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    labeler TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    region TEXT NOT NULL,
    labeler_version TEXT NOT NULL,
    labels TEXT NOT NULL,      -- JSON {finding_id: "true"|"false"|"uncertain"}
    repairs TEXT NOT NULL,     -- JSON list of repair strings
    usage TEXT NOT NULL,       -- JSON {prompt_tokens, completion_tokens}
    created REAL NOT NULL,
    PRIMARY KEY (labeler, model, prompt_version, text_sha256, region)
)
"""


class LabelCache:
    """Open with `with LabelCache(path) as cache:`; safe against kill -9 between answers."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise RuntimeError(f"{self.path}: label cache unusable ({exc}); delete it to start afresh") from None
        self.hits = 0
        self.stored = 0

    def __enter__(self) -> LabelCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def lookup(self, labeler: Labeler, requests: Sequence[LabelRequest],
               template_ids: Sequence[str]) -> dict[int, LabelResult]:
        """Cached results by request index. Entries whose finding ids no longer match the template miss."""
        out: dict[int, LabelResult] = {}
        by_region: dict[str, list[int]] = {}
        for i, r in enumerate(requests):
            by_region.setdefault(r.region, []).append(i)
        ids = list(template_ids)
        for region, idx in by_region.items():
            rows = self._db.execute(
                "SELECT text_sha256, labels, repairs, usage FROM answers "
                "WHERE labeler=? AND model=? AND prompt_version=? AND region=?",
                (labeler.name, labeler.model, labeler.prompt_version, region)).fetchall()
            found = {sha: (labels, repairs, usage) for sha, labels, repairs, usage in rows}
            for i in idx:
                req = requests[i]
                hit = found.get(req.text_sha256)
                if hit is None:
                    continue
                labels = json.loads(hit[0])
                if list(labels) != ids:
                    continue
                out[i] = LabelResult(req.study_id, region, {k: Label.parse(v) for k, v in labels.items()},
                                     repairs=json.loads(hit[1]), usage=json.loads(hit[2]))
        self.hits += len(out)
        return out

    def put(self, labeler: Labeler, request: LabelRequest, result: LabelResult) -> None:
        """Store one validated answer and commit it (errors are not answers and are refused)."""
        if not result.ok:
            raise ValueError(f"study {result.study_id}: errors are not cached ({result.error})")
        self._db.execute(
            "INSERT OR REPLACE INTO answers VALUES (?,?,?,?,?,?,?,?,?,?)",
            (labeler.name, labeler.model, labeler.prompt_version, request.text_sha256, request.region,
             labeler.version, json.dumps({k: str(v) for k, v in result.labels.items()}),
             json.dumps(result.repairs), json.dumps(result.usage), time.time()))
        self.stored += 1

    def count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]

    def hashes(self) -> set[str]:
        """All cached text hashes (tests use it to prove a resume repeats no finished call)."""
        return {r[0] for r in self._db.execute("SELECT text_sha256 FROM answers")}
