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
