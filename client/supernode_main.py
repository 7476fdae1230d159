"""`flower-supernode` that drops a message whose run the coordinator stopped while it arrived.

Flower 1.42's SuperNode (flwr/supernode/start_client_internal.py) pulls one message at a time in
`_pull_and_store_message`: it stores the message (`state.store_message`, content-less), creates its
ClientApp task, then pulls the message's objects and confirms the message to the SuperLink. When the run
stops in between (`flwr stop`, which `fedrad server start` sends on SIGTERM), the SuperLink answers the
object pull or the confirmation with 403, Flower's HTTP retry turns that into RunNotRunningException
(flwr/supercore/retry/http_retry.py `_should_giveup`), and the function logs "Run ID N is not in `RUNNING`
status. Ignoring message" and returns None, but the message, its task and its objects stay in the
SuperNode's state. The site's ClientApp (the resident worker, client.launcher) then claims that task and
answers the message. `_push_messages`, which runs only after the next *pulled* message, pushes whatever
replies exist at that moment, so it pushes the stale reply (the SuperLink refuses it: run stopped) and
returns; the resumed run's reply made a moment later waits in the SuperNode until another message arrives,
i.e. until the resumed round's round-timeout (README "Deploy across hospitals", known limits before
session 9). Flower 1.42 offers no way around it: the SuperNode fetches a run's status once
(`get_run` on its first message), so a ClientApp's `PullTaskInput` run shows it running; the SuperNode
loop's `time.sleep(3)` and `_push_messages` are not configurable; a task token is revoked only when its
task finishes (flwr/supercore/corestate/in_memory_corestate.py `finish_task`).

This entry point runs Flower's SuperNode unchanged except for two things. It finishes what Flower's "Ignoring
message" means: a run whose message met RunNotRunningException is remembered as stopped; the message is
deleted from the SuperNode's state and object store, its unclaimed task is finished (so no ClientApp
claims it), and the state refuses any later message of that run, so a reply the worker still makes for it
(it may have pulled the message before the confirmation failed) never enters the SuperNode's outbox
(the worker's push then stores nothing: Flower's Runtime `PushMessages` returns no message id). Nothing
else changes: TLS, SuperNode authentication, the FAB gate, the site policy and the reply schema are the
worker's and Flower's as before.

And its loop sleeps IDLE_POLL_S instead of 3 s when the SuperLink had no message for it (`time.sleep(3)` in
`start_client_internal`, not a setting): a message waits for the site 0.5 s on average instead of 1.5 s, at the
cost of one small signed request per second while the site idles (between rounds: during a round the loop waits
for the worker's reply, and polls nothing).

    python -m fedrad.client.supernode_main  <flower-supernode arguments>
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from logging import INFO
from typing import Any

IDLE_POLL_S = 1.0
STOPPED_RUNS: set[int] = set()  # runs whose messages met RunNotRunningException in this SuperNode process


def _remember_stopped(run_of: Callable[[], int | None], fn: Callable) -> Callable:
    """`fn` (a call to the SuperLink about the message being received); a RunNotRunningException from it adds
    the message's run to STOPPED_RUNS before it goes on to Flower's handler."""
    from flwr.supercore.run import RunNotRunningException

    def call(*args: Any) -> Any:
        try:
            return fn(*args)
        except RunNotRunningException:
            if (run_id := run_of()) is not None:
                STOPPED_RUNS.add(run_id)
            raise
    return call


def discard(state, object_store, message) -> int:
    """Delete a stopped run's message, its objects and its unclaimed tasks from the SuperNode; returns how many
    tasks were finished. A task a ClientApp already claimed keeps its token (finishing it would revoke the token,
    and Flower's HTTP retry answers a 401 by SIGINT to the ClientApp process): that ClientApp finds no message,
    or its reply is refused by the state (guard_state)."""
    from flwr.common.constant import Status, SubStatus

    run_id, message_id = int(message.metadata.run_id), message.metadata.message_id
    state.delete_messages(message_ids=[message_id])
    object_store.delete(message_id)
    finished = 0
    for task in state.get_tasks(run_ids=[run_id], statuses=[Status.PENDING]):
        finished += bool(state.finish_task(task.task_id, SubStatus.FAILED, "run stopped while its message arrived"))
    return finished


def guard_state(state) -> None:
    """Make `state.store_message` refuse messages of the runs in STOPPED_RUNS (None: "not stored", as Flower's
    own NodeState answers a message without id)."""
    if getattr(state, "_fedrad_guarded", False):
        return
    store_message = state.store_message

    def guarded(message):
        if int(message.metadata.run_id) in STOPPED_RUNS:
            return None
        return store_message(message)

    state.store_message = guarded
    state._fedrad_guarded = True


def make_pull_and_store(flower_fn: Callable[..., int | None]) -> Callable[..., int | None]:
    """Flower's `_pull_and_store_message` (called with keyword arguments by its SuperNode loop), plus the clean-up
    of a message whose run stopped while it arrived (module docstring)."""
    def pull_and_store(**kw: Any) -> int | None:
        from flwr.common.logger import log

        state, store = kw["state"], kw["object_store"]
        guard_state(state)
        seen: dict[str, Any] = {}
        receive = kw["receive"]

        def received():
            got = receive()
            if got is not None:
                seen["message"] = got[0]
            return got

        def run_of() -> int | None:
            return int(seen["message"].metadata.run_id) if "message" in seen else None

        kw.update(receive=received, **{name: _remember_stopped(run_of, kw[name]) for name in
                                       ("get_run", "get_fab", "pull_object", "confirm_message_received")})
        run_id = flower_fn(**kw)
        message = seen.get("message")
        if run_id is None and message is not None and int(message.metadata.run_id) in STOPPED_RUNS:
            tasks = discard(state, store, message)
            log(INFO, "fedrad: run %s was stopped while its message arrived: message and %d unclaimed task(s) "
                      "dropped; replies of that run are not stored", message.metadata.run_id, tasks)
        return run_id

    return pull_and_store


class _ShortSleeps:
    """The `time` module as `start_client_internal` sees it, with sleeps capped at IDLE_POLL_S."""

    def __getattr__(self, name: str) -> Any:
        import time

        return getattr(time, name)

    @staticmethod
    def sleep(seconds: float) -> None:
        import time

        time.sleep(min(seconds, IDLE_POLL_S))


def main() -> None:
    import flwr.supernode.start_client_internal as sci
    from flwr.supernode.cli import flower_supernode

    flower_fn = sci._pull_and_store_message
    if getattr(flower_fn, "__name__", "") != "_pull_and_store_message":  # pragma: no cover - Flower moved it
        raise RuntimeError("flwr.supernode.start_client_internal._pull_and_store_message is not Flower's; "
                           "this entry point was written for flwr 1.42")
    sci._pull_and_store_message = make_pull_and_store(flower_fn)
    sci.time = _ShortSleeps()  # its only sleeps: 3 s when idle, 0.5 s while waiting for a reply
    sys.argv[0] = "flower-supernode"
    sys.exit(flower_supernode())


if __name__ == "__main__":
    main()
