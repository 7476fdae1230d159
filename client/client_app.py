"""Flower ClientApp (Message API): a thin shell around client.task.

The ML lives in client.task (no Flower import); this file only translates Flower messages.
"""

from __future__ import annotations

import time

from fedrad.client.mods import MODS
from fedrad.client.task import check_version, local_evaluate, local_train, site_dir_from
from fedrad.common.runconfig import RunConfig
from flwr.app import ArrayRecord, Context, Message, MetricRecord, RecordDict
from flwr.clientapp import ClientApp

app = ClientApp(mods=MODS)  # site policy first, then DP clipping (client.mods)


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
    new_state, metrics = local_train(site, cfg, state, server_round=int(config.get("server-round", 1)),
                                     lr=float(config["lr"]) if "lr" in config else None,
                                     proximal_mu=float(config.get("proximal-mu", 0.0)))
    metrics["site-index"] = _site_index(context)
    metrics["client-seconds"] = time.perf_counter() - t0  # whole handler: the coordinator derives overhead
    content = RecordDict({"arrays": ArrayRecord(new_state), "metrics": MetricRecord(metrics)})
    return Message(content, reply_to=msg)


@app.evaluate()
def evaluate(msg: Message, context: Context) -> Message:
    t0 = time.perf_counter()
    cfg, site, state = _setup(msg, context)
    metrics = local_evaluate(site, cfg, state)
    metrics["site-index"] = _site_index(context)
    metrics["client-seconds"] = time.perf_counter() - t0
    return Message(RecordDict({"metrics": MetricRecord(metrics)}), reply_to=msg)
