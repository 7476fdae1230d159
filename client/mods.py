"""Flower client mods the site installs: its policy, and differential-privacy clipping.

Mods wrap every message before the ClientApp's handlers see it (Flower 1.42 `ClientApp(mods=[...])`),
so they hold without any change to the handlers and run whatever the coordinator sends:

- `site_policy_mod` refuses a run that breaks the site's policy (client.policy) with a fixed error code
  (common.replyschema) and no text; the reason goes to the site's own log.
- `own_model_mod` keeps the arrays of the site's last train reply (deployment, cross-site runs) and puts
  them back into the final evaluate message when the coordinator names that model instead of sending it
  back (common.replyschema OWN_MODEL_KEY): ~94 MB less per site in the run's last message.
- `dp_clipping_mod` applies Flower's own `fixedclipping_mod` / `adaptiveclipping_mod` when the run
  config turns DP on: the site's update (new weights minus the weights it received) is clipped to the
  clipping norm HERE, before it leaves; the coordinator's Flower DP wrapper adds the noise.
"""

from __future__ import annotations

import contextlib
import math
import re

import numpy as np
from fedrad.client.policy import (
    PolicyFileError,
    Violation,
    check_message,
    check_run,
    check_update_size,
    count_message,
    load_policy,
    site_log,
    site_privacy_spent,
    train_studies,
)
from fedrad.client.task import site_dir_from
from fedrad.common.replydigest import arrays_digest
from fedrad.common.replyschema import CODE_OF_RULE, MODEL_PREFIX, OWN_MODEL_KEY, OWN_MODEL_SHA256_KEY, models_in
from fedrad.common.runconfig import RunConfig, RunConfigError
from flwr.app import Array, ArrayRecord, Context, Error, Message
from flwr.clientapp.mod import adaptiveclipping_mod, fixedclipping_mod
from flwr.clientapp.typing import ClientAppCallable

CLIPPING_NORM_KEY = "clipping_norm"  # flwr.supercore.differential_privacy.KEY_CLIPPING_NORM


def _kind(msg: Message) -> str:
    return str(msg.metadata.message_type).split(".", 1)[0]


def refuse(msg: Message, code: int) -> Message:
    """The only thing a refusal sends: a fixed code, no reason text."""
    return Message(Error(code=code, reason=None), reply_to=msg)


def site_policy_mod(msg: Message, ctxt: Context, call_next: ClientAppCallable) -> Message:
    kind = _kind(msg)
    if kind not in ("train", "evaluate"):
        return call_next(msg, ctxt)
    try:
        site = site_dir_from(ctxt.node_config, ctxt.run_config)
    except ValueError:
        return call_next(msg, ctxt)  # no site folder: the handler fails with its own (fixed) error
    run = int(ctxt.run_id)
    try:
        policy = load_policy(site, ctxt.node_config)
        cfg = RunConfig.from_mapping(ctxt.run_config)
    except (PolicyFileError, RunConfigError) as exc:
        site_log(site, "refused", run=run, message=kind, rule="policy-unreadable", reason=str(exc))
        return refuse(msg, CODE_OF_RULE["policy-unreadable"])
    # An evaluate message counts each model it carries (common.replyschema models_in): one message with many
    # models can not get more evaluations than the site allows.
    n = len(models_in(msg.content)) if kind == "evaluate" else 1
    violations = check_run(cfg, policy) + check_message(kind, count_message(site, run, kind, n), policy)
    if kind == "train" and not violations:
        with contextlib.suppress(OSError, ValueError):  # an unprepared site: local_train raises its own error
            violations = check_update_size(train_studies(site, cfg), policy)
    if violations:
        return _refused(msg, site, run, kind, policy.source, violations)
    return call_next(msg, ctxt)


def _refused(msg: Message, site, run: int, kind: str, source: str, violations: list[Violation]) -> Message:
    for v in violations:
        site_log(site, "refused", run=run, message=kind, rule=v.rule, code=v.code, reason=v.message, policy=source)
    return refuse(msg, violations[0].code)


def dp_clipping_mod(msg: Message, ctxt: Context, call_next: ClientAppCallable) -> Message:
    """Flower's clipping mod for the run's DP mode; a no-op when dp = "off" or for evaluate messages."""
    if _kind(msg) != "train":
        return call_next(msg, ctxt)
    cfg = RunConfig.from_mapping(ctxt.run_config)
    if cfg.dp == "off":
        return call_next(msg, ctxt)
    site = site_dir_from(ctxt.node_config, ctxt.run_config)
    config = next(iter(msg.content.config_records.values()), {})
    asked = float(config.get(CLIPPING_NORM_KEY, math.nan)) if config else math.nan
    # Fixed clipping: the norm is part of what the site agreed to (the run config it checked against
    # its epsilon ceiling); a larger one from the coordinator would make the declared noise too small.
    if cfg.dp == "fixed" and not asked <= cfg.dp_clipping_norm * (1 + 1e-9):
        return _refused(msg, site, int(ctxt.run_id), "train", "run config", [Violation(
            "dp-clipping-norm", f"clipping norm {asked:g} asked, the run declares dp-clipping-norm "
                                f"{cfg.dp_clipping_norm:g}")])
    _float_arrays(msg)
    received = next(iter(msg.content.array_records.values())).to_numpy_ndarrays()
    scalars = {k for k, a in next(iter(msg.content.array_records.values())).items() if not a.shape}

    def handler(m: Message, c: Context) -> Message:
        reply = call_next(m, c)
        if not reply.has_error():
            _reshape(reply, scalars, (1,))
        return reply

    mod = fixedclipping_mod if cfg.dp == "fixed" else adaptiveclipping_mod
    reply = mod(msg, ctxt, handler)
    if not reply.has_error():
        _reshape(reply, scalars, ())
        norm = _update_norm(reply, received)
        if not norm <= float(asked) * (1 + 1e-4) + 1e-6:  # never send an update the clip did not bound
            site_log(site, "refused", run=int(ctxt.run_id), message="train", rule="dp-clip-check",
                     reason=f"update norm {norm:.6g} > clipping norm {asked:g} after clipping: not sent")
            return refuse(msg, CODE_OF_RULE["dp-clip-check"])
        count_message(site, int(ctxt.run_id), "dp-updates")
        site_log(site, "dp-update", run=int(ctxt.run_id), clipping_norm=asked, **(site_privacy_spent(
            site, int(ctxt.run_id), cfg) or {}))
    return reply


def _reshape(reply: Message, keys: set[str], shape: tuple[int, ...]) -> None:
    """0-d arrays (num_batches_tracked) as shape (1,) while Flower's clip runs, and back afterwards: Flower
    1.42 clips each update array with `array *= factor`, and numpy's subtraction of two 0-d arrays gives a
    scalar, not an array, so the in-place scaling silently misses every 0-d array (measured: an update of
    +7 on eight BatchNorm counters kept norm 19.8 under a clipping norm of 0.5)."""
    for rkey, record in list(reply.content.array_records.items()):
        nds = record.to_numpy_ndarrays()
        reply.content[rkey] = ArrayRecord({k: Array(np.asarray(v, dtype=np.float64).reshape(shape) if k in keys
                                                    else _floats(v)) for k, v in zip(record.keys(), nds, strict=True)})


def _floats(v: np.ndarray) -> np.ndarray:
    """Integer arrays as float64 (packed weights, common.weights, carry all integer buffers in one 1-d
    array): Flower's in-place `array *= factor` refuses int64."""
    return v.astype(np.float64) if np.issubdtype(v.dtype, np.integer) else v


def _update_norm(reply: Message, received: list[np.ndarray]) -> float:
    sent = next(iter(reply.content.array_records.values())).to_numpy_ndarrays()
    return float(np.sqrt(sum(float(np.sum((np.asarray(a, np.float64) - np.asarray(b, np.float64)) ** 2))
                             for a, b in zip(sent, received, strict=True))))


def _float_arrays(msg: Message) -> None:
    """Integer arrays (BatchNorm's num_batches_tracked) as float64 in the incoming weights: Flower's clip
    scales the update in place, which numpy refuses for int64. The handler loads them back into the long
    buffers unchanged; the update is computed against these float copies."""
    for key, record in list(msg.content.array_records.items()):
        if any(np.issubdtype(np.dtype(a.dtype), np.integer) for a in record.values()):
            nds = record.to_numpy_ndarrays()
            msg.content[key] = ArrayRecord({k: Array(v.astype(np.float64) if np.issubdtype(v.dtype, np.integer)
                                                     else v) for k, v in zip(record.keys(), nds, strict=True)})


# node id -> (run id, the arrays of the last train reply this process sent for that node); one model per site
_KEPT: dict[int, tuple[int, ArrayRecord]] = {}
_MODEL_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9:._-]{0,127}")


def own_model_mod(msg: Message, ctxt: Context, call_next: ClientAppCallable) -> Message:
    """The site's own last local model, kept here instead of sent back (common.replyschema OWN_MODEL_KEY).

    Train: the reply as it leaves the ClientApp (after the policy and DP clipping) is kept, in memory, for a
    deployed site (node config `site-dir`) in a run with cross-site evaluation: the resident worker
    (client.launcher) serves the run's messages in one process. Evaluate: a message that names the site's own
    model gets the kept arrays under `cross-site:<name>` only if they are of this run and their digest is the
    one the coordinator names, i.e. exactly the model the coordinator received from this site. Otherwise (a
    restarted worker, a process per message, a reply the coordinator did not get) the message is left as it
    is: the site evaluates what it carries, and the coordinator sends the missing model in its cross-site
    phase (server.crosssite run_cross_site). Runs first (MODS): the site policy then counts the model like
    any other the message carries, and the reply schema expects its metrics."""
    kind, run, node = _kind(msg), int(ctxt.run_id), int(ctxt.node_id)
    if kind == "evaluate":
        config = msg.content.config_records.get("config")
        name = str(config.get(OWN_MODEL_KEY, "")) if config is not None else ""
        kept = _KEPT.get(node)
        if (name and _MODEL_NAME.fullmatch(name) and kept is not None and kept[0] == run
                and f"{MODEL_PREFIX}{name}" not in msg.content
                and arrays_digest(kept[1])[0] == str(config.get(OWN_MODEL_SHA256_KEY, ""))):
            msg.content[f"{MODEL_PREFIX}{name}"] = kept[1]
    reply = call_next(msg, ctxt)
    if kind == "train":
        _KEPT.pop(node, None)
        if (not reply.has_error() and "arrays" in reply.content.array_records
                and ctxt.node_config.get("site-dir") and _cross_site(ctxt)):
            _KEPT[node] = (run, reply.content["arrays"])
    return reply


def _cross_site(ctxt: Context) -> bool:
    try:
        return RunConfig.from_mapping(ctxt.run_config).cross_site
    except RunConfigError:
        return False


# Order: the own model goes into the message before the policy counts the message's models; the policy decides
# first of the rest; clipping is the last to touch weights.
MODS = [own_model_mod, site_policy_mod, dp_clipping_mod]
