"""Fixed codes a site answers with when its policy refuses a run: the only thing the coordinator learns.

A refusal crosses the site boundary as a Flower `Error(code, reason=None)`: a number from this closed
table and no text, so nothing a site writes (paths, counts, its policy's values) leaves it. The site
keeps the full explanation in its own log; the coordinator turns the code into the sentence below.
Codes sit above Flower's own ErrorCode values (0-5 in Flower 1.42), in a block of their own.
"""

from __future__ import annotations

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


def describe_error(code: int, reason: str | None) -> str:
    """What the coordinator shows for a failed reply: the policy sentence for a policy code, else Flower's reason."""
    if code in POLICY_CODES:
        rule, text = POLICY_CODES[code]
        return f"refused by site policy ({rule}, code {code}): {text}"
    return reason or f"error code {code}"
