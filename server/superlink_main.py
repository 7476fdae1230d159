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
ObjectStore is Flower's in-memory one. Everything else is `flwr.superlink.cli.flower_superlink`.

    python -m fedrad.server.superlink_main  <flower-superlink arguments>
"""

from __future__ import annotations

import sys


def main() -> None:
    import flwr.superlink.config_loader as config_loader
    from flwr.supercore.constant import FLWR_IN_MEMORY_DB_NAME
    from flwr.supercore.object_store import ObjectStoreFactory
    from flwr.superlink.cli import flower_superlink

    flower_object_store = config_loader.ObjectStoreFactory
    if flower_object_store is not ObjectStoreFactory:  # pragma: no cover - Flower moved it: fail loudly
        raise RuntimeError("flwr.superlink.config_loader.ObjectStoreFactory is not Flower's ObjectStoreFactory; "
                           "this entry point was written for flwr 1.42")
    config_loader.ObjectStoreFactory = lambda database=FLWR_IN_MEMORY_DB_NAME: ObjectStoreFactory(
        FLWR_IN_MEMORY_DB_NAME)
    sys.argv[0] = "flower-superlink"
    sys.exit(flower_superlink())


if __name__ == "__main__":
    main()
