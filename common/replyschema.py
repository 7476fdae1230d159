"""The closed schema of everything a site's ClientApp sends to the coordinator.

A reply is exactly one of:

* train:    {"arrays": ArrayRecord, "metrics": MetricRecord}; the arrays have exactly the keys,
            dtypes and shapes of the global model the coordinator sent in that message;
* evaluate: {"metrics": MetricRecord}, plus one MetricRecord under each `cross-site:<model>` key of an
            ArrayRecord the message carried (the last round's evaluate message also carries the cross-site
            models, server.crosssite: one message per site; the site policy counts every model);
* error:    Flower `Error(code, reason)` with a code from ERROR_CODES and a reason that is the
            code's fixed name, optionally followed by an exception *class* name (never its text).

Metric keys are the fixed sets below, values are numbers or lists of numbers (per finding, at most
MAX_LIST long; the validation score counts: SCORE_BINS non-negative integers per finding). `check_reply`
enforces this on every reply before it leaves (client.client_app and the ClientApp launcher call it); a
reply that does not fit is replaced by a `schema-violation` error and the violation is logged at the site.
Nothing else in a reply is a string, so no free text (a path, a study id, a patient name) can reach the coordinator.

It lives in common because the coordinator reads it too: it records an error reply only as
`describe_error` renders it (a fedrad code, or a Flower code's name), so even a site running
another ClientApp cannot get free text into the coordinator's history, report or logs.
No Flower import (replies are duck-typed).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from fedrad.common.errors import FedradError
from fedrad.common.metrics import SCORE_BINS

VALIDATION_METRICS = frozenset({"val-loss", "val-macro-auc", "val-weighted-auc", "val-auc", "val-threshold",
                                "val-npos", "val-score-pos", "val-score-neg"})
EVALUATE_METRICS = VALIDATION_METRICS | {"num-examples", "client-seconds", "site-index"}
# One message per round: a train reply also carries the validation of the model it received
# (client.task.local_round), with the validation study count and seconds under their own keys.
TRAIN_METRICS = VALIDATION_METRICS | {"num-examples", "train-loss", "train-seconds", "client-seconds", "site-index",
                                      "val-examples", "val-seconds",
                                      "share-local-model"}  # 1/0: the site's policy lets others evaluate its model
METRIC_KEYS = {"train": TRAIN_METRICS, "evaluate": EVALUATE_METRICS}
REPLY_RECORDS = {"train": {"arrays": "ArrayRecord", "metrics": "MetricRecord"},
                 "evaluate": {"metrics": "MetricRecord"}}
MAX_LIST = 64  # per-finding lists: templates have far fewer findings
# Per finding and score bin, how many positive / negative validation studies (common.metrics.score_counts,
# flattened finding by finding): counts, so non-negative integers, at most MAX_LIST findings' worth.
COUNT_METRICS = frozenset({"val-score-pos", "val-score-neg"})
MAX_COUNTS = MAX_LIST * SCORE_BINS
MODEL_PREFIX = "cross-site:"  # record key of an extra model in an evaluate message, and of its reply's metrics
# A site's own last local model is not sent back to it: the final evaluate message names it in its config
# (model name, and the common.replydigest sha256 of the arrays the coordinator received from that site), and the
# site adds the arrays it kept from its last train reply under MODEL_PREFIX + name when the digest matches
# (client.mods own_model_mod); from there on it is one of the message's models like any other.
OWN_MODEL_KEY, OWN_MODEL_SHA256_KEY = "cross-site-own", "cross-site-own-sha256"


def models_in(content: Any) -> list[str]:
    """Keys of the models an evaluate message carries: "arrays" (the global model) and every other
    ArrayRecord (duck-typed RecordDict). The handler answers only "arrays" and MODEL_PREFIX keys, and the
    site policy counts them all."""
    return list(content.array_records.keys())

# Flower's own codes are 0-8; fedrad's start at 100 so the coordinator can tell them apart.
ERROR_CODES = {
    101: "fedrad:refused-fab",  # the FAB is not this fedrad version's shim: nothing from it ran
    102: "fedrad:refused-run",  # a run this site will not take part in (other fedrad version, bad run config)
    103: "fedrad:site-error",  # an exception inside a handler (class name follows); full text in the site log
    104: "fedrad:schema-violation",  # a reply that does not fit this schema was stopped at the site
    105: "fedrad:unsupported-message",  # a message type fedrad does not answer (query, custom actions)
}
CODE_OF = {name.split(":", 1)[1]: code for code, name in ERROR_CODES.items()}

# A site's policy refusal (client.policy, client.mods) is an Error with one of these codes and NO
# reason text: the coordinator turns the code into the sentence below; the site log keeps the details.
POLICY_CODES: dict[int, tuple[str, str]] = {
    4100: ("policy-unreadable", "the site's policy file is invalid or the run could not be checked against it"),
    4101: ("min-batch-size", "the run's batch size is below the site's minimum"),
    4102: ("min-studies-per-update", "an update would use fewer studies than the site's minimum"),
    4103: ("max-rounds-per-run", "the run asks for more training rounds than the site allows per run"),
    4104: ("max-evaluations-per-run", "the run asks for more evaluations than the site allows per run"),
    4105: ("allowed-regions", "the run's body region is not allowed by the site"),
    4106: ("allowed-strategies", "the run's aggregation strategy is not allowed by the site"),
    4107: ("require-dp", "the site requires differential privacy and the run has none"),
    4108: ("max-epsilon", "the run's planned privacy loss (epsilon or delta) exceeds the site's ceiling"),
    4109: ("dp-clipping-norm", "the coordinator asked for a clipping norm other than the run's declared one"),
    4110: ("dp-clip-check", "the site's check of its clipped update failed; the update was not sent"),
}
CODE_OF_RULE = {rule: code for code, (rule, _) in POLICY_CODES.items()}

_CLASS_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,79}")
_REASON = re.compile(r"(fedrad:[a-z-]+)(?: ([A-Za-z_][A-Za-z0-9_]{0,79}))?")


class SchemaViolation(FedradError, RuntimeError):
    """A reply that must not leave the site (the message says which rule it broke)."""


def error_reason(code: int, exc: BaseException | None = None) -> str:
    """The whole text an error reply may carry: the code's name, plus the exception's class name."""
    name = ERROR_CODES[code]
    cls = type(exc).__name__ if exc is not None else ""
    return f"{name} {cls}" if cls and _CLASS_NAME.fullmatch(cls) else name


def parse_error(code: int, reason: str) -> tuple[str, str] | None:
    """(code name, class name or "") if (code, reason) is a valid fedrad error, else None."""
    m = _REASON.fullmatch(reason or "")
    if not m or ERROR_CODES.get(int(code)) != m.group(1):
        return None
    return m.group(1), m.group(2) or ""


def _numbers(value: Any, key: str) -> None:
    items = value if isinstance(value, list) else [value]
    limit = MAX_COUNTS if key in COUNT_METRICS else MAX_LIST
    if isinstance(value, list) and len(value) > limit:
        raise SchemaViolation(f"metric '{key}': list of {len(value)} values (at most {limit})")
    if key in COUNT_METRICS and (not isinstance(value, list) or len(value) % SCORE_BINS
                                 or not all(type(v) is int and v >= 0 for v in value)):
        raise SchemaViolation(f"metric '{key}': not a list of non-negative integer counts, {SCORE_BINS} per finding")
    for v in items:
        if isinstance(v, bool) or not isinstance(v, int | float):
            raise SchemaViolation(f"metric '{key}': {type(v).__name__} is not a number")
        if isinstance(v, float) and math.isinf(v):
            raise SchemaViolation(f"metric '{key}': infinite value")


def check_metrics(kind: str, metrics: Mapping[str, Any]) -> None:
    allowed = METRIC_KEYS[kind]
    extra = sorted(set(metrics) - allowed)
    if extra:
        raise SchemaViolation(f"{kind} reply: undeclared metric key(s) {extra}")
    if "num-examples" not in metrics:
        raise SchemaViolation(f"{kind} reply: 'num-examples' missing")
    for key, value in metrics.items():
        _numbers(value, key)


def array_spec(record: Any) -> dict[str, tuple[str, tuple[int, ...]]]:
    """{key: (dtype, shape)} of an ArrayRecord (duck-typed: anything with .items() of Arrays)."""
    return {str(k): (str(a.dtype), tuple(int(s) for s in a.shape)) for k, a in record.items()}


_NUMERIC = re.compile(r"(u?int|float|bfloat|bool)\d*")


def _same_arrays(spec: dict, want: dict) -> bool:
    """Same keys and shapes, numeric dtypes. The dtype may differ where aggregation changed it (FedAvg
    returns BatchNorm's int64 counters as floats, the site's model sends them back as int64); a
    numeric array of a fixed shape carries no more than its shape allows either way."""
    return spec.keys() == want.keys() and all(
        spec[k][1] == want[k][1] and _NUMERIC.fullmatch(spec[k][0]) and _NUMERIC.fullmatch(want[k][0]) for k in spec)


def check_reply(kind: str, reply: Any, sent_arrays: Any | None = None, models: list[str] | tuple = ()) -> None:
    """Raise SchemaViolation unless `reply` (a Flower Message) fits the schema for `kind`.

    `sent_arrays` is the ArrayRecord the coordinator sent: a train reply must return arrays with
    exactly its keys, dtypes and shapes (so no extra tensor can carry anything out). `models` are the
    message's model keys (models_in): an evaluate reply has a MetricRecord under each MODEL_PREFIX one.
    """
    if kind not in REPLY_RECORDS:
        raise SchemaViolation(f"message type '{kind}' has no declared reply")
    if reply.has_error():
        policy_refusal = int(reply.error.code) in POLICY_CODES and not reply.error.reason  # a bare code, no text
        if not policy_refusal and parse_error(reply.error.code, reply.error.reason) is None:
            raise SchemaViolation(f"error reply with undeclared code/reason (code {reply.error.code})")
        return
    content = reply.content
    expected = dict(REPLY_RECORDS[kind])
    if kind == "evaluate":
        expected.update({k: "MetricRecord" for k in models if k.startswith(MODEL_PREFIX)})
    got = {k: type(v).__name__ for k, v in content.items()}
    if got != expected:
        raise SchemaViolation(f"{kind} reply carries records {got}, declared {expected}")
    for key, typ in expected.items():
        if typ == "MetricRecord":
            check_metrics(kind, dict(content[key]))
    if kind == "train":
        spec = array_spec(content["arrays"])
        if sent_arrays is None:
            raise SchemaViolation("train reply checked without the arrays that were sent")
        want = array_spec(sent_arrays)
        if not _same_arrays(spec, want):
            diff = sorted(set(spec) ^ set(want)) or sorted(k for k in spec if spec[k] != want[k])
            raise SchemaViolation(f"train reply arrays differ from the global model's keys/shapes (e.g. {diff[:3]})")


FLOWER_CODES = {0: "UNKNOWN", 1: "LOAD_CLIENT_APP_EXCEPTION", 2: "CLIENT_APP_RAISED_EXCEPTION",
                3: "MESSAGE_UNAVAILABLE", 4: "REPLY_MESSAGE_UNAVAILABLE", 5: "NODE_UNAVAILABLE",
                6: "MOD_FAILED_PRECONDITION", 7: "INVALID_FAB", 8: "CLIENT_APP_CRASHED"}


def describe_error(code: int, reason: str | None) -> str:
    """What the coordinator records of an error reply: a valid fedrad error as sent, else only the
    code's name (a reason that is not fedrad's fixed text is never kept: it may be a site's
    exception text, paths and all)."""
    if int(code) in POLICY_CODES:
        rule, text = POLICY_CODES[int(code)]
        return f"refused by site policy ({rule}, code {int(code)}): {text}"
    parsed = parse_error(code, reason)
    if parsed:
        return " ".join(p for p in parsed if p)
    return f"flower:{FLOWER_CODES.get(int(code), f'code-{int(code)}')}"
