"""Flower's Grid with replies collected promptly.

Flower 1.42's deployment Grid (`flwr.superlink.grid.http_grid.HttpGrid.send_and_receive`) pushes
the messages and then polls the SuperLink for replies with `time.sleep(3)` between polls, so every
send_and_receive (each round, the final evaluation, each cross-site message) waits on average
1.5 s and up to 3 s after its last reply has arrived. `PromptGrid` hands everything to Flower's
own Grid and only polls more often; pushing and pulling stay Flower's (`push_messages`,
`pull_messages`). The simulation's InMemoryGrid already polls every 0.1 s and is used as is.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from flwr.app import Message, RecordDict
from flwr.serverapp import Grid

# A pull is one small request to the SuperLink (loopback at the coordinator), but not free there: TLS, the task
# token's check and the message lookup go through SQLite (py-spy, bench/deploy_round.py: at 0.2 s ~23 s of the
# SuperLink's busy wall time in a 2-round run, while the same SuperLink serves the model's chunks). 0.5 s: a
# reply waits 0.25 s on average.
POLL_SECONDS = 0.5


class PromptGrid(Grid):
    def __init__(self, inner: Grid, poll: float = POLL_SECONDS):
        self.inner, self.poll = inner, poll
        self.transfer: dict = {}  # marks of the last send_and_receive (see there)

    def set_run(self, run) -> None:
        self.inner.set_run(run)

    @property
    def run(self):
        return self.inner.run

    def create_message(self, content: RecordDict, message_type: str, dst_node_id: int, group_id: str,
                       ttl: float | None = None) -> Message:
        return self.inner.create_message(content, message_type, dst_node_id, group_id, ttl)

    def get_node_ids(self) -> Iterable[int]:
        return self.inner.get_node_ids()

    def get_nodes(self):
        return self.inner.get_nodes()

    def push_messages(self, messages: Iterable[Message]) -> Iterable[str]:
        return self.inner.push_messages(messages)

    def pull_messages(self, message_ids: Iterable[str]) -> Iterable[Message]:
        return self.inner.pull_messages(message_ids)

    def send_and_receive(self, messages: Iterable[Message], *, timeout: float | None = None) -> Iterable[Message]:
        """Flower's contract (push, then pull until every reply is in or `timeout` passed), polled every
        `poll` seconds instead of 3."""
        messages = list(messages)
        t0 = time.time()
        pending = set(self.inner.push_messages(messages))
        # Wall-clock marks for the round's timeline (server.strategy): the messages' payloads are in the
        # SuperLink once push_messages returns; a reply is in this process once a pull returned it.
        self.transfer = {"push_start": t0, "pushed": time.time(), "pulled": {}}
        end = time.time() + (timeout if timeout is not None else 0.0)
        replies: list[Message] = []
        while timeout is None or time.time() < end:
            got = list(self.inner.pull_messages(pending))
            replies += got
            for m in got:
                self.transfer["pulled"][m.metadata.src_node_id] = time.time()
            pending -= {m.metadata.reply_to_message_id for m in got}
            if not pending:
                break
            time.sleep(self.poll)
        return replies


def prompt(grid: Grid) -> Grid:
    """Flower's grid, polled promptly where Flower polls slowly (deployment); the simulation's as is."""
    return grid if getattr(grid, "pull_interval", 3.0) <= POLL_SECONDS else PromptGrid(grid)
