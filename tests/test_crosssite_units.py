"""The last round's one message per site (issue 15): the final evaluate messages carry the cross-site models
(server.crosssite with_cross_site_models) and the replies' cross-site metrics are taken out before Flower
aggregates them (take_cross_site_metrics). The whole path in a real Flower simulation: tests/test_federation_sim.py."""

from __future__ import annotations

import numpy as np
import pytest
from fedrad.common.replyschema import MODEL_PREFIX
from fedrad.server.crosssite import LocalModels, take_cross_site_metrics, with_cross_site_models
from flwr.app import ArrayRecord, ConfigRecord, Message, MessageType, MetricRecord, RecordDict


@pytest.fixture(autouse=True)
def _in_a_run(monkeypatch):
    """Flower builds a Message for a node only inside a run (the ServerApp's task identity)."""
    from flwr.supercore.task_identity import TaskIdentity

    monkeypatch.setattr(TaskIdentity, "_run_id", 7)
    monkeypatch.setattr(TaskIdentity, "_node_id", 0)
    monkeypatch.setattr(TaskIdentity, "_task_id", 1)


def _arrays(v: float) -> ArrayRecord:
    return ArrayRecord([np.full(2, v, np.float32)])


def test_each_site_gets_its_own_and_the_consenting_sites_models_in_its_final_message():
    local = LocalModels()
    local.update(1, "site-01", _arrays(1), {"share-local-model": 0})
    local.update(2, "site-02", _arrays(2), {"share-local-model": 1})
    shared = RecordDict({"arrays": _arrays(0), "config": ConfigRecord({"server-round": 2})})  # as Flower builds them
    sent = [Message(shared, dst_node_id=n, message_type=MessageType.EVALUATE, group_id="2") for n in (1, 2)]
    out = {m.metadata.dst_node_id: m for m in with_cross_site_models(sent, local)}
    assert set(out[1].content.array_records) == {"arrays", f"{MODEL_PREFIX}local:site-01",
                                                 f"{MODEL_PREFIX}local:site-02"}
    assert set(out[2].content.array_records) == {"arrays", f"{MODEL_PREFIX}local:site-02"}  # site-01 withheld
    assert set(shared.array_records) == {"arrays"}, "Flower's shared RecordDict must stay as it was"
    assert out[1].metadata.group_id == "2" and out[1].metadata.message_type == MessageType.EVALUATE


def test_cross_site_metrics_leave_the_replies_before_flower_aggregates_them():
    msg = Message(RecordDict({"arrays": _arrays(0)}), dst_node_id=1, message_type=MessageType.EVALUATE)
    metrics = {"num-examples": 5, "val-macro-auc": 0.6}
    reply = Message(RecordDict({"metrics": MetricRecord(metrics),
                                f"{MODEL_PREFIX}local:site-02": MetricRecord({**metrics, "val-macro-auc": 0.7})}),
                    reply_to=msg)
    got = take_cross_site_metrics([reply], lambda _m: "site-01")
    assert got == [("local:site-02", "site-01", {**metrics, "val-macro-auc": 0.7})]
    assert list(reply.content.metric_records) == ["metrics"]  # Flower: exactly one MetricRecord per reply


def test_a_deployed_site_is_named_its_own_model_instead_of_receiving_it_back():
    """own_at_site (deployment): the site's own last local model stays out of its message; the config names it
    with the digest of the arrays the coordinator received (client.mods own_model_mod puts the kept copy back).
    A model without a digest (nothing to check the site's copy against) is sent as before."""
    from fedrad.common.replyschema import OWN_MODEL_KEY, OWN_MODEL_SHA256_KEY

    local = LocalModels()
    local.update(1, "site-01", _arrays(1), {"share-local-model": 1}, "d1")
    local.update(2, "site-02", _arrays(2), {"share-local-model": 1}, "d2")
    local.update(3, "site-03", _arrays(3), {"share-local-model": 0})  # no digest
    shared = RecordDict({"arrays": _arrays(0), "config": ConfigRecord({"server-round": 2})})
    sent = [Message(shared, dst_node_id=n, message_type=MessageType.EVALUATE, group_id="2") for n in (1, 2, 3)]
    out = {m.metadata.dst_node_id: m for m in with_cross_site_models(sent, local, own_at_site=True)}
    assert set(out[1].content.array_records) == {"arrays", f"{MODEL_PREFIX}local:site-02"}
    assert dict(out[1].content["config"]) == {"server-round": 2, OWN_MODEL_KEY: "local:site-01",
                                              OWN_MODEL_SHA256_KEY: "d1"}
    assert set(out[2].content.array_records) == {"arrays", f"{MODEL_PREFIX}local:site-01"}
    assert out[2].content["config"][OWN_MODEL_SHA256_KEY] == "d2"
    assert set(out[3].content.array_records) == {"arrays", f"{MODEL_PREFIX}local:site-01",
                                                 f"{MODEL_PREFIX}local:site-02", f"{MODEL_PREFIX}local:site-03"}
    assert OWN_MODEL_KEY not in out[3].content["config"]
    assert out[1].content[f"{MODEL_PREFIX}local:site-02"] is local.arrays[2]  # shared, not copied
    assert dict(shared["config"]) == {"server-round": 2}, "Flower's shared config must stay as it was"
