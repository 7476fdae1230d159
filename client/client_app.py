"""Flower ClientApp (Message API): a thin shell around client.task.

The ML lives in client.task (no Flower import); this file only translates Flower messages.
"""

from __future__ import annotations

import time

from fedrad.client.task import check_version, describe_reply, local_evaluate, local_round, say, site_dir_from
from fedrad.common.runconfig import RunConfig
from flwr.app import ArrayRecord, Context, Message, MetricRecord, RecordDict
from flwr.clientapp import ClientApp

app = ClientApp()


def _setup(msg: Message, context: Context):
    cfg = RunConfig.from_mapping(context.run_config)
    check_version(cfg)
    site = site_dir_from(context.node_config, context.run_config)
    state = msg.content["arrays"].to_torch_state_dict()
    return cfg, site, state


def _site_index(context: Context) -> int:
    # Lets the coordinator name simulated sites in its per-site table; -1 at a real site,
    # whose name the coordinator knows from its registration.
    return int(context.node_config.get("partition-id", -1))


@app.train()
def train(msg: Message, context: Context) -> Message:
    t0 = time.perf_counter()
    cfg, site, state = _setup(msg, context)
    config = msg.content["config"]
    # One message per round: validate the received global model, then train it (client.task.local_round).
    new_state, metrics = local_round(site, cfg, state, server_round=int(config.get("server-round", 1)),
                                     lr=float(config["lr"]) if "lr" in config else None,
                                     proximal_mu=float(config.get("proximal-mu", 0.0)),
                                     validate=bool(config.get("validate", True)))
    metrics["site-index"] = _site_index(context)
    metrics["client-seconds"] = time.perf_counter() - t0  # whole handler: the coordinator derives overhead
    content = RecordDict({"arrays": ArrayRecord(new_state), "metrics": MetricRecord(metrics)})
    say(describe_reply(metrics, new_state))
    return Message(content, reply_to=msg)


@app.evaluate()
def evaluate(msg: Message, context: Context) -> Message:
    t0 = time.perf_counter()
    cfg, site, state = _setup(msg, context)
    metrics = local_evaluate(site, cfg, state)
    metrics["site-index"] = _site_index(context)
    metrics["client-seconds"] = time.perf_counter() - t0
    say(describe_reply(metrics, None))
    return Message(RecordDict({"metrics": MetricRecord(metrics)}), reply_to=msg)
