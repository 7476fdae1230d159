"""`flower-superlink` with the SQLite state file for what must survive a restart, and the message
payloads in memory.

Flower 1.42 keeps two stores behind `--database`: the LinkState (runs, nodes and their activation,
message metadata: what lets a restarted coordinator resume and its enrolled SuperNodes reconnect,
tests/test_deploy.py's restart test) and the ObjectStore (the content-addressed chunks of every
message: the model, ~94-190 MB per message, both ways, for every site and round). With a database
file both are SQLite tables; the payloads are written, read back and deleted through SQLite for
every message, which bench/deploy_round.py put at most of a deployment round's overhead. The
payloads are worth nothing after a restart (a run in flight is resumed by fedrad from its own
checkpoint as a new run), so this entry point runs Flower's own SuperLink unchanged except that its
ObjectStore is Flower's in-memory one, and that the log stream `fedrad server start` follows (`flwr log
--stream`, server.coordinator) is served every LOG_STREAM_S seconds instead of Flower's 0.5 s
(flwr/common/constant.py LOG_STREAM_INTERVAL, used by superlink/servicer/control/control_handlers.py
`_stream_logs`): each turn of that loop reads the task log and the run's status through SQLite, and the
status read also runs `_cleanup_expired_task_tokens`'s UPDATE statements. py-spy put that loop at ~55 s of
the SuperLink's 363 s of busy wall time in a 2-round bench/deploy_round.py run (load 15-25), competing with
the fleet requests that carry the model. The stream only feeds the run folder's flower.log and tells the
coordinator that the run ended, so it may lag a few seconds. Everything else is
`flwr.superlink.cli.flower_superlink`.

    python -m fedrad.server.superlink_main  <flower-superlink arguments>
"""

from __future__ import annotations

import sys

LOG_STREAM_S = 3.0


def main() -> None:
    import flwr.superlink.config_loader as config_loader
    import flwr.superlink.servicer.control.control_handlers as control_handlers
    from flwr.supercore.constant import FLWR_IN_MEMORY_DB_NAME
    from flwr.supercore.object_store import ObjectStoreFactory
    from flwr.superlink.cli import flower_superlink

    flower_object_store = config_loader.ObjectStoreFactory
    if flower_object_store is not ObjectStoreFactory:  # pragma: no cover - Flower moved it: fail loudly
        raise RuntimeError("flwr.superlink.config_loader.ObjectStoreFactory is not Flower's ObjectStoreFactory; "
                           "this entry point was written for flwr 1.42")
    config_loader.ObjectStoreFactory = lambda database=FLWR_IN_MEMORY_DB_NAME: ObjectStoreFactory(
        FLWR_IN_MEMORY_DB_NAME)
    if not hasattr(control_handlers, "LOG_STREAM_INTERVAL"):  # pragma: no cover - Flower moved it: fail loudly
        raise RuntimeError("flwr.superlink.servicer.control.control_handlers.LOG_STREAM_INTERVAL is gone; "
                           "this entry point was written for flwr 1.42")
    control_handlers.LOG_STREAM_INTERVAL = LOG_STREAM_S
    sys.argv[0] = "flower-superlink"
    sys.exit(flower_superlink())


if __name__ == "__main__":
    main()
