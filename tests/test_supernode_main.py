"""The stale-task race of Flower 1.42's SuperNode and client.supernode_main's fix, on Flower's own code.

Flower's real `_pull_and_store_message` and `_push_messages` (flwr/supernode/start_client_internal.py) run
against a real in-memory NodeState and ObjectStore; only the SuperLink's side of the Fleet API is played by
functions here: a message of run 1 whose confirmation meets the stopped run (what the SuperLink's 403 becomes
in Flower's HTTP retry: RunNotRunningException), then a message of the resumed run 2.
"""

from __future__ import annotations

import threading
import time

import flwr.supernode.start_client_internal as sci
import pytest
from fedrad.client import supernode_main
from flwr.app import ConfigRecord, Message, MetricRecord, RecordDict
from flwr.app.message.message import remove_content_from_message
from flwr.common.constant import Status
from flwr.supercore.inflatable.inflatable_object import get_all_nested_objects, get_object_tree
from flwr.supercore.object_store import ObjectStoreFactory
from flwr.supercore.run import RunNotRunningException
from flwr.supernode.nodestate import NodeStateFactory

NODE = 5


@pytest.fixture(autouse=True)
def _fresh_stopped_runs(monkeypatch):
    monkeypatch.setattr(supernode_main, "STOPPED_RUNS", set())


def _instruction(run_id: int, round_: int) -> Message:
    """A train message of `run_id` as the SuperLink hands it out (its id is its content address)."""
    from flwr.app import Metadata

    meta = Metadata(run_id=run_id, message_id="", src_node_id=1, dst_node_id=NODE, reply_to_message_id="",
                    group_id=str(round_), created_at=time.time(), ttl=3600.0, message_type="train")
    msg = Message(RecordDict({"config": ConfigRecord({"server-round": round_})}), metadata=meta)
    msg.metadata.__dict__["_message_id"] = msg.object_id
    return msg


class FakeLink:
    """The SuperLink's answers to one SuperNode: queued messages, their objects, and runs that are stopped."""

    def __init__(self, state):
        self.queue: list[Message] = []
        self.stopped: set[int] = set()
        self.sent: list[Message] = []
        self.state = state
        self.claimed: list[int] = []  # tasks a ClientApp claimed before the confirmation failed

    def receive(self):
        if not self.queue:
            return None
        msg = self.queue.pop(0)
        self.objects = {k: v.deflate() for k, v in get_all_nested_objects(msg).items()}
        return remove_content_from_message(msg), get_object_tree(msg)

    def pull_object(self, run_id: int, obj_id: str) -> bytes:
        return self.objects[obj_id]

    def confirm(self, run_id: int, message_id: str) -> None:
        if run_id in self.stopped:
            # The resident worker claims a task as soon as it exists: it may hold this one already.
            for task in self.state.get_tasks(run_ids=[run_id], statuses=[Status.PENDING]):
                self.state.claim_task(task.task_id)
                self.claimed.append(task.task_id)
            raise RunNotRunningException

    def send(self, message: Message, object_tree, runtime: float):
        self.sent.append(message)
        return set(), "session"

    def pull(self, pull_fn) -> int | None:
        return pull_fn(state=self.state, object_store=self.state.object_store, node_config={}, receive=self.receive,
                       get_run=_not_fetched, get_fab=_not_fetched,
                       pull_object=self.pull_object, confirm_message_received=self.confirm, trusted_entities=None)

    def push(self) -> None:
        sci._push_messages(state=self.state, object_store=self.state.object_store, send=self.send,
                           push_object=lambda *a: None)


def _state():
    """A SuperNode's state that already knows runs 1, 2 and 4 (their run info and FAB are fetched once per run,
    before the first message: not this story's subject)."""
    from flwr.supercore.run import Run

    state = NodeStateFactory(ObjectStoreFactory()).state()
    state.set_node_id(NODE)
    for run_id in (1, 2, 4):
        state.store_run(Run.create_empty(run_id))
    return state


def _not_fetched(*_args):
    raise AssertionError("the run is known to the SuperNode: nothing to fetch")


def _worker_reply(state, instruction: Message) -> bool:
    """What the ClientApp's Runtime `PushMessages` does with a reply (flwr/supernode/servicer/runtime/
    runtime_handlers.py push_messages): True if the SuperNode stored it for sending."""
    reply = Message(RecordDict({"metrics": MetricRecord({"num-examples": 1})}), reply_to=instruction)
    reply.metadata.__dict__["_message_id"] = reply.object_id
    stored, _ = state.store_message_and_object_tree(reply, get_object_tree(reply),
                                                    state.start_session(instruction.metadata.run_id))
    if stored:
        for obj_id, obj in get_all_nested_objects(reply).items():
            state.object_store.put(obj_id, obj.deflate())
    return stored


def _story(pull_fn) -> tuple[FakeLink, dict]:
    """Run 1's message arrives as the coordinator stops run 1; the worker answers it anyway; the resumed run 2's
    message arrives and the worker answers it. Returns the link and what the SuperNode did."""
    state = _state()
    link = FakeLink(state)
    stale, fresh = _instruction(1, 3), _instruction(2, 1)
    link.stopped.add(1)
    link.queue.append(stale)
    seen = {"stale_pull": link.pull(pull_fn)}
    seen["stale_kept"] = bool(state.get_messages_legacy(run_ids=[1], is_reply=False))
    seen["stale_tasks"] = {t.status.status for t in state.get_tasks(run_ids=[1])}
    seen["stale_reply_stored"] = _worker_reply(state, stale)
    link.queue.append(fresh)
    seen["fresh_pull"] = link.pull(pull_fn)
    # The SuperNode goes on to push replies at once; the worker answers the new message a moment later.
    pusher = threading.Thread(target=link.push, daemon=True)
    pusher.start()
    time.sleep(0.3)
    seen["fresh_reply_stored"] = _worker_reply(state, fresh)
    pusher.join(10)
    seen["push_done"] = not pusher.is_alive()
    seen["pushed"] = [m.metadata.reply_to_message_id for m in link.sent]
    seen["ids"] = (stale.metadata.message_id, fresh.metadata.message_id)
    return link, seen


def test_flower_alone_pushes_the_stale_reply_and_keeps_the_resumed_runs_reply():
    """The race as Flower 1.42 has it (the premise of the fix): the stopped run's message stays, its reply is
    stored, and the one push after the resumed run's message sends only that stale reply."""
    _, seen = _story(sci._pull_and_store_message)
    stale_id, fresh_id = seen["ids"]
    assert seen["stale_pull"] is None and seen["stale_kept"] is True  # "Ignoring message", yet it stays
    assert seen["stale_reply_stored"] is True
    assert seen["fresh_pull"] == 2 and seen["fresh_reply_stored"] is True and seen["push_done"]
    assert seen["pushed"] == [stale_id]  # the resumed run's reply waits in the SuperNode for the next message


def test_supernode_main_drops_the_stopped_runs_message_and_pushes_the_resumed_runs_reply():
    link, seen = _story(supernode_main.make_pull_and_store(sci._pull_and_store_message))
    stale_id, fresh_id = seen["ids"]
    assert seen["stale_pull"] is None
    assert 1 in supernode_main.STOPPED_RUNS and len(supernode_main.STOPPED_RUNS) == 1
    assert seen["stale_kept"] is False
    assert seen["stale_reply_stored"] is False  # the worker's late answer never enters the outbox
    assert link.claimed and seen["stale_tasks"] == {Status.STARTING}  # the claimed task keeps its token
    assert seen["fresh_pull"] == 2 and seen["fresh_reply_stored"] is True
    assert seen["push_done"] and seen["pushed"] == [fresh_id]


def test_an_unclaimed_task_of_a_stopped_run_is_finished():
    state = _state()
    link = FakeLink(state)
    link.confirm = lambda run_id, message_id: (_ for _ in ()).throw(RunNotRunningException())  # nobody claimed it
    link.queue.append(_instruction(1, 2))
    assert link.pull(supernode_main.make_pull_and_store(sci._pull_and_store_message)) is None
    assert {t.status.status for t in state.get_tasks(run_ids=[1])} == {Status.FINISHED}
    assert not state.get_messages_legacy(run_ids=[1])


def test_a_running_run_is_untouched():
    state = _state()
    link = FakeLink(state)
    link.queue.append(_instruction(4, 1))
    assert link.pull(supernode_main.make_pull_and_store(sci._pull_and_store_message)) == 4
    assert not supernode_main.STOPPED_RUNS
    assert len(state.get_messages_legacy(run_ids=[4], is_reply=False)) == 1
    assert {t.status.status for t in state.get_tasks(run_ids=[4])} == {Status.PENDING}
