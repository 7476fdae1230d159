"""A deployed site's own last local model stays at the site (client.mods own_model_mod): through Flower's
real ClientApp with the site's mods, the final evaluate message that names the model (common.replyschema
OWN_MODEL_KEY) gets the kept arrays back when, and only when, they are exactly what the coordinator
received; the site policy counts it like any model the message carries."""

from __future__ import annotations

import numpy as np
import pytest
from fedrad.client import mods
from fedrad.client.policy import count_message
from fedrad.common.replydigest import arrays_digest
from fedrad.common.replyschema import MODEL_PREFIX, OWN_MODEL_KEY, OWN_MODEL_SHA256_KEY, models_in
from fedrad.common.runconfig import RunConfig
from flwr.app import ArrayRecord, ConfigRecord, Context, Message, Metadata, MetricRecord, RecordDict
from flwr.clientapp import ClientApp

OWN = f"{MODEL_PREFIX}local:site-a"


@pytest.fixture(autouse=True)
def _nothing_kept(monkeypatch):
    monkeypatch.setattr(mods, "_KEPT", {})


def _ctx(site, run: int = 42, *, cross_site: bool = True, site_dir: bool = True) -> Context:
    return Context(run_id=run, node_id=1, node_config={"site-dir": str(site)} if site_dir else {"partition-id": 0},
                   state=RecordDict(), run_config=RunConfig(cross_site=cross_site, sim_site_dirs=str(site)).to_flower())


def _msg(kind: str, content: dict, run: int = 42) -> Message:
    return Message(RecordDict(content), metadata=Metadata(
        run_id=run, message_id=f"m-{kind}", src_node_id=0, dst_node_id=1, reply_to_message_id="", group_id="1",
        created_at=0.0, ttl=60.0, message_type=kind))


def _app(seen: list):
    app = ClientApp(mods=mods.MODS)

    @app.train()
    def train(msg, ctx):
        return Message(RecordDict({"arrays": ArrayRecord([np.full(3, 7.0, np.float32)]),
                                   "metrics": MetricRecord({"num-examples": 1})}), reply_to=msg)

    @app.evaluate()
    def evaluate(msg, ctx):
        seen.append({k: msg.content[k] for k in models_in(msg.content)})
        return Message(RecordDict({"metrics": MetricRecord({"num-examples": 1})}), reply_to=msg)

    return app


def _final(digest: str, run: int = 42) -> Message:
    return _msg("evaluate", {"arrays": ArrayRecord([np.zeros(3, np.float32)]),
                             "config": ConfigRecord({OWN_MODEL_KEY: "local:site-a", OWN_MODEL_SHA256_KEY: digest})},
                run)


def test_the_kept_model_is_evaluated_when_it_is_what_the_coordinator_received(tmp_path):
    seen: list = []
    app, ctx = _app(seen), _ctx(tmp_path)
    reply = app(message=_msg("train", {"arrays": ArrayRecord([np.zeros(3, np.float32)]),
                                       "config": ConfigRecord({"server-round": 1})}), context=ctx)
    digest = arrays_digest(reply.content["arrays"])[0]  # what the coordinator computes of the reply it received
    app(message=_final("0" * 64), context=ctx)  # another model: not this site's last reply
    assert set(seen[-1]) == {"arrays"}
    app(message=_final(digest, run=43), context=_ctx(tmp_path, run=43))  # another run
    assert set(seen[-1]) == {"arrays"}
    app(message=_final(digest), context=ctx)
    assert set(seen[-1]) == {"arrays", OWN}
    assert np.array_equal(seen[-1][OWN].to_numpy_ndarrays()[0], np.full(3, 7.0, np.float32))
    # the site policy counted each model: 1 + 2 evaluations in run 42, 1 in run 43
    assert count_message(tmp_path, 42, "evaluate", 0) == 3 and count_message(tmp_path, 43, "evaluate", 0) == 1


def test_nothing_is_kept_without_cross_site_evaluation_or_outside_deployment(tmp_path):
    for ctx in (_ctx(tmp_path, cross_site=False), _ctx(tmp_path, site_dir=False)):
        seen: list = []
        app = _app(seen)
        reply = app(message=_msg("train", {"arrays": ArrayRecord([np.zeros(3, np.float32)]),
                                           "config": ConfigRecord({"server-round": 1})}), context=ctx)
        assert not reply.has_error() and mods._KEPT == {}
