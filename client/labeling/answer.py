"""Turning one LLM reply into template labels: parse, validate, normalise, repair, and say what was fixed.

Models (small local ones especially) wrap JSON in prose or code fences, invent keys, skip
findings, answer `true`/"yes" instead of "true", or nest the object. What we accept and how:

- JSON: the whole reply, else the first JSON object found in it (fences/prose around it).
- A single wrapper object ({"labels": {...}}) whose inner object holds the finding ids: unwrapped.
- Keys written as the display name or in another case/spacing ("Radial head fracture",
  "Radial_Head_Fracture"): mapped to the id (repair "renamed_key").
- Unknown keys: dropped (repair "unknown_key").
- Missing keys: set to "false" (repair "missing_key"). Rule 3 says an unmentioned finding is
  false, and JSON-mode models do omit findings they see no evidence for. An object with no
  finding id at all is not an answer (InvalidAnswer, retried).
- Values: "true"/"false"/"uncertain" in any case; booleans and the obvious synonyms in SYNONYMS
  (yes/present/positive -> true, no/absent/negative/null/"" -> false, possible/suspected/unclear/
  equivocal -> uncertain) are normalised (repair "value"). Anything else (e.g. "unknown", a
  sentence) makes the answer invalid and it is retried, never guessed.
- Parent violations: lifted with common.labels.propagate (repair "parent").
- Refusals (the API's `refusal` field, or "I cannot ..." text with no JSON): InvalidAnswer(kind="refusal").

Every repair is a string "<kind>: <detail>" so the run summary can count them by kind.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field

from fedrad.common.labels import Label, propagate
from fedrad.common.templates import Template

SYNONYMS: dict[str, Label] = {
    **{s: Label.TRUE for s in ("yes", "y", "present", "positive", "pos", "1", "wahr", "ja", "vorhanden")},
    **{s: Label.FALSE for s in ("no", "n", "absent", "negative", "neg", "0", "", "none", "null", "not mentioned",
                                "not present", "nein", "falsch")},
    **{s: Label.UNCERTAIN for s in ("possible", "possibly", "maybe", "probable", "probably", "likely", "suspected",
                                    "suspicious", "unclear", "equivocal", "questionable", "unsure", "?",
                                    "fraglich", "unsicher", "uncertain/possible")},
}
WRAPPER_KEYS = ("labels", "findings", "result", "results", "answer", "output", "data")
REFUSAL_RE = re.compile(r"\b(I\s+(?:cannot|can't|can not|am unable|'m unable|won't|will not)|"
                        r"I'm sorry|I am sorry|as an AI)\b", re.IGNORECASE)
FENCE_RE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL | re.IGNORECASE)


REPAIR_KINDS = ("parent", "missing_key", "unknown_key", "renamed_key", "value", "unwrapped")


def repair_kind(repair: str) -> str:
    """The kind of a repair string; bare propagate() messages (the rule labeler's) are parent repairs."""
    kind = repair.split(":", 1)[0]
    return kind if kind in REPAIR_KINDS else "parent"


class InvalidAnswer(ValueError):
    """The reply cannot be turned into labels; `kind` is parse | refusal | no_findings | value."""

    def __init__(self, kind: str, message: str):
        self.kind = kind
        super().__init__(message)


@dataclass
class Answer:
    labels: dict[str, Label]
    repairs: list[str] = field(default_factory=list)
    extracted: bool = False  # JSON had to be dug out of prose / fences

    def counts(self) -> Counter:
        return Counter(repair_kind(r) for r in self.repairs)


def extract_json_object(text: str) -> tuple[dict, bool]:
    """The reply as a JSON object; (obj, True) when it had to be found inside other text."""
    stripped = text.strip()
    try:
        obj = json.loads(stripped)
        if isinstance(obj, dict):
            return obj, False
    except json.JSONDecodeError:
        pass
    candidates = [m.group(1) for m in FENCE_RE.finditer(text)] + [text]
    decoder = json.JSONDecoder()
    for cand in candidates:
        start = cand.find("{")
        while start != -1:
            try:
                obj, _ = decoder.raw_decode(cand, start)
                if isinstance(obj, dict):
                    return obj, True
            except json.JSONDecodeError:
                pass
            start = cand.find("{", start + 1)
    raise InvalidAnswer("parse", "no JSON object in the reply")


def _key_map(template: Template) -> dict[str, str]:
    """Loose spellings of each finding (id or display name, any case, spaces/hyphens for '_') -> id."""
    out: dict[str, str] = {}
    for f in template.findings:
        for name in (f.name, f.id):
            out[_loose(name)] = f.id
    return out


def _loose(key: str) -> str:
    return re.sub(r"[\s\-_]+", "_", str(key).strip().lower())


def _rename_keys(template: Template, obj: dict) -> tuple[dict, list[str]]:
    ids = set(template.ids)
    loose = _key_map(template)
    out: dict = {}
    repairs: list[str] = []
    for k, v in obj.items():
        fid = k if k in ids else loose.get(_loose(k))
        if fid is not None and fid != k and fid not in obj and fid not in out:
            repairs.append(f"renamed_key: {str(k)[:60]!r} -> {fid}")
            out[fid] = v
        else:
            out[k] = v
    return out, repairs


def _has_findings(template: Template, obj: dict) -> bool:
    loose = _key_map(template)
    return any(k in loose.values() or _loose(k) in loose for k in obj)


def _unwrap(template: Template, obj: dict) -> tuple[dict, bool]:
    if _has_findings(template, obj):
        return obj, False
    inner = [v for k, v in obj.items() if isinstance(v, dict) and (k in WRAPPER_KEYS or len(obj) == 1)]
    for v in inner:
        if _has_findings(template, v):
            return v, True
    return obj, False


def normalise_value(value: object) -> tuple[Label, bool]:
    """(label, was_synonym). Raises InvalidAnswer for values that are not clearly one of the three."""
    if isinstance(value, str) and value in ("true", "false", "uncertain"):
        return Label.parse(value), False
    if isinstance(value, bool):
        return (Label.TRUE if value else Label.FALSE), True
    if value is None:
        return Label.FALSE, True
    if isinstance(value, int | float) and value in (0, 1):
        return (Label.TRUE if value == 1 else Label.FALSE), True
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("true", "false", "uncertain"):
            return Label.parse(text), True
        if text in SYNONYMS:
            return SYNONYMS[text], True
    raise InvalidAnswer("value", f"value {str(value)[:40]!r} is not one of true, false, uncertain")


def parse_answer(template: Template, content: str | None, refusal: str | None = None) -> Answer:
    """Validate one reply against the template; raises InvalidAnswer when it must be asked again."""
    if refusal:
        raise InvalidAnswer("refusal", f"model refused: {refusal[:120]}")
    if not content or not content.strip():
        raise InvalidAnswer("parse", "empty reply")
    try:
        obj, extracted = extract_json_object(content)
    except InvalidAnswer:
        if REFUSAL_RE.search(content):
            raise InvalidAnswer("refusal", f"model refused: {content.strip()[:120]}") from None
        raise
    obj, unwrapped = _unwrap(template, obj)
    repairs: list[str] = []
    if unwrapped:
        repairs.append("unwrapped: answer object was nested in a wrapper key")
    obj, renamed = _rename_keys(template, obj)
    repairs += renamed
    ids = template.ids
    present = [k for k in obj if k in set(ids)]
    if not present:
        raise InvalidAnswer("no_findings", f"JSON object has none of the {len(ids)} finding ids")
    repairs += [f"unknown_key: {str(k)[:60]!r} dropped" for k in obj if k not in set(ids)]
    raw: dict[str, Label] = {}
    bad: list[str] = []
    for fid in ids:
        if fid not in obj:
            raw[fid] = Label.FALSE
            repairs.append(f"missing_key: {fid} -> false")
            continue
        try:
            raw[fid], synonym = normalise_value(obj[fid])
        except InvalidAnswer as exc:
            bad.append(f"{fid}: {exc}")
            continue
        if synonym:
            repairs.append(f"value: {fid} {str(obj[fid])[:30]!r} -> {raw[fid]}")
    if bad:
        raise InvalidAnswer("value", "; ".join(bad[:3]) + (f" (+{len(bad) - 3} more)" if len(bad) > 3 else ""))
    labels, parent_repairs = propagate(template, raw)
    repairs += [f"parent: {r}" for r in parent_repairs]
    return Answer(labels=labels, repairs=repairs, extracted=extracted)
