"""Flower ClientApp (Message API): a thin shell around client.task, behind the site's closed schema.

The ML lives in client.task (no Flower import); this file only translates Flower messages. Every
handler runs inside `_guarded`: an exception is logged in full in the site's own log
(client.sitelog) and answered with a fixed error code plus the exception's class name only; a
reply that does not fit common.replyschema (undeclared metric key, arrays of another shape, ...) is
stopped and answered with `schema-violation`. So whatever fails, the coordinator learns a code,
never a path, a study id or the site folder's name.
"""

from __future__ import annotations

import functools
import time
import traceback

from fedrad.client.mods import MODS
from fedrad.client.task import (
    VersionMismatchError,
    check_version,
    describe_reply,
    local_evaluate,
    local_round,
    model_layout,
    on_planned_cpu,
    say,
    site_dir_from,
)
from fedrad.common.replyschema import (
    CODE_OF,
    COUNT_METRICS,
    MODEL_PREFIX,
    SchemaViolation,
    check_reply,
    error_reason,
    models_in,
)
from fedrad.common.runconfig import RunConfig, RunConfigError
from fedrad.common.weights import is_packed, to_arrays, to_state
from flwr.app import Context, Error, Message, MetricRecord, RecordDict
from flwr.clientapp import ClientApp

app = ClientApp(mods=MODS)  # site policy first, then DP clipping (client.mods)

REFUSED_RUN = (VersionMismatchError, RunConfigError)


def _site_log(context: Context):
    from fedrad.client.sitelog import site_logger

    try:
        return site_logger(site_dir_from(context.node_config, context.run_config))
    except Exception:  # no usable site folder: Flower's own log (stderr, at the site) is all there is
        import logging

        return logging.getLogger("fedrad.site")


def error_message(msg: Message, code: int, exc: BaseException | None = None) -> Message:
    return Message(Error(code=code, reason=error_reason(code, exc)), reply_to=msg)


def _guarded(kind: str):
    def wrap(handler):
        @functools.wraps(handler)
        def run(msg: Message, context: Context) -> Message:
            try:
                with on_planned_cpu(context.node_config, context.run_config):  # simulation: sim.run.site_cpu_plan
                    reply = handler(msg, context)
                check_reply(kind, reply, msg.content.array_records.get("arrays") if kind == "train" else None,
                            models_in(msg.content))
                return reply
            except SchemaViolation as exc:
                _site_log(context).error("run %s %s: reply stopped at the site: %s", context.run_id, kind, exc)
                return error_message(msg, CODE_OF["schema-violation"])
            except Exception as exc:
                code = CODE_OF["refused-run" if isinstance(exc, REFUSED_RUN) else "site-error"]
                _site_log(context).error("run %s %s failed; the coordinator gets only '%s':\n%s", context.run_id,
                                         kind, error_reason(code, exc), traceback.format_exc())
                return error_message(msg, code, exc)
        return run
    return wrap


def _setup(msg: Message, context: Context):
    cfg = RunConfig.from_mapping(context.run_config)
    check_version(cfg)
    site = site_dir_from(context.node_config, context.run_config)
    # Read-only views of the message's bytes, cut into this model's tensors (common.weights: weights travel packed).
    state = to_state(msg.content["arrays"], model_layout(cfg))
    return cfg, site, state


def _site_index(context: Context) -> int:
    # Lets the coordinator name simulated sites in its per-site table; -1 at a real site,
    # whose name the coordinator knows from its registration.
    return int(context.node_config.get("partition-id", -1))


@app.train()
@_guarded("train")
def train(msg: Message, context: Context) -> Message:
    t0 = time.perf_counter()
    cfg, site, state = _setup(msg, context)
    config = msg.content["config"]
    # One message per round: validate the received global model, then train it (client.task.local_round).
    # The study's round (a resumed run continues its count; Flower's server-round restarts at 1): what the
    # site prints and what seeds its data order. The audit log keeps Flower's run id and round.
    study_round = int(config.get("study-round", config.get("server-round", 1)))
    new_state, metrics = local_round(site, cfg, state, server_round=study_round,
                                     lr=float(config["lr"]) if "lr" in config else None,
                                     proximal_mu=float(config.get("proximal-mu", 0.0)),
                                     validate=bool(config.get("validate", True)))
    metrics["site-index"] = _site_index(context)
    metrics["client-seconds"] = time.perf_counter() - t0  # whole handler: the coordinator derives overhead
    # The reply's arrays in the layout the coordinator sent (the schema check compares the two).
    content = RecordDict({"arrays": to_arrays(new_state, packed=is_packed(msg.content["arrays"])),
                          "metrics": MetricRecord(metrics)})
    say(describe_reply(metrics, new_state))
    return Message(content, reply_to=msg)


@app.evaluate()
@_guarded("evaluate")
def evaluate(msg: Message, context: Context) -> Message:
    t0 = time.perf_counter()
    cfg, site, state = _setup(msg, context)
    metrics = local_evaluate(site, cfg, state)
    metrics["site-index"] = _site_index(context)
    say(describe_reply(metrics, None))
    content = RecordDict()
    # The last round's message also carries the cross-site models (server.crosssite, one message per site):
    # each evaluated the same way, its metrics under the model's own key (common.replyschema). Any other
    # model key is refused: the site policy counted it (client.mods), nothing evaluates it.
    for key in models_in(msg.content):
        if key == "arrays":
            continue
        if not key.startswith(MODEL_PREFIX):
            raise ValueError("evaluate message carries an undeclared model record")
        t1 = time.perf_counter()
        m = local_evaluate(site, cfg, to_state(msg.content[key], model_layout(cfg)))
        for count_key in COUNT_METRICS:  # only the global model's threshold is chosen from them
            m.pop(count_key, None)
        m["site-index"], m["client-seconds"] = _site_index(context), time.perf_counter() - t1
        say(f"cross-site model {key.removeprefix(MODEL_PREFIX)}: " + describe_reply(m, None))
        content[key] = MetricRecord(m)
    metrics["client-seconds"] = time.perf_counter() - t0  # the whole handler, cross-site models included
    content["metrics"] = MetricRecord(metrics)
    return Message(content, reply_to=msg)
