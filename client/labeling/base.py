"""The labeler interface shared by the rule labeler and the LLM labeler.

A labeler turns one anonymized report into one tri-state value per finding of its region's
template. Provenance (name, version, model, prompt version, text hash) is what the label
cache is keyed by, so a changed prompt/lexicon/model relabels and an unchanged one does not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from fedrad.common.fileio import sha256_text
from fedrad.common.labels import Label


@dataclass(frozen=True)
class LabelRequest:
    study_id: str
    region: str
    text: str  # anonymized report text; never raw PHI

    @property
    def text_sha256(self) -> str:
        return sha256_text(self.text)


@dataclass
class LabelResult:
    study_id: str
    region: str
    labels: dict[str, Label]  # every finding id of the region's template, parents already propagated
    repairs: list[str] = field(default_factory=list)  # parent-rule repairs and other fixes, for counting/logging
    error: str | None = None  # set when no valid answer could be obtained (labels then empty)
    usage: dict[str, int] = field(default_factory=dict)  # prompt_tokens / completion_tokens for LLMs
    stats: dict[str, int] = field(default_factory=dict)  # calls, retries, invalid answers... (LLM; for the summary)

    @property
    def ok(self) -> bool:
        return self.error is None


ProgressFn = Callable[[int], None]  # called with the number of newly finished requests
ResultFn = Callable[[int, LabelResult], None]  # (index into the request list, its result), as soon as it is done


@runtime_checkable
class Labeler(Protocol):
    name: str  # "rules" | "llm"
    version: str  # labeler code version
    model: str  # "" for the rule labeler
    prompt_version: str  # prompt or lexicon version (a hash of the lexicon files for rules)

    def label_batch(self, requests: Sequence[LabelRequest], progress: ProgressFn | None = None) -> list[LabelResult]:
        """Label every request; results in the same order. Never raises for one bad report."""
        ...


def provenance(labeler: Labeler, req: LabelRequest) -> dict[str, str]:
    """Provenance columns of a label file row (common.labels.PROVENANCE_COLUMNS)."""
    return {"labeler": labeler.name, "labeler_version": labeler.version, "model": labeler.model,
            "prompt_version": labeler.prompt_version, "text_sha256": req.text_sha256}


def label_each(labeler: Labeler, requests: Sequence[LabelRequest], on_result: ResultFn,
               progress: ProgressFn | None = None) -> list[LabelResult]:
    """Label and hand each result to `on_result` as soon as it exists.

    A labeler whose label_batch accepts `on_result` (the LLM labeler) reports every answer the
    moment it arrives, so the label cache can commit it and a killed run loses at most the calls
    in flight. Other labelers (fast, offline) report after their batch.
    """
    import inspect

    if "on_result" in inspect.signature(labeler.label_batch).parameters:
        return labeler.label_batch(requests, progress=progress, on_result=on_result)  # type: ignore[call-arg]
    results = labeler.label_batch(requests, progress=progress)
    for i, res in enumerate(results):
        on_result(i, res)
    return results
