"""What one deployment message's payload costs in the SuperLink's ObjectStore: SQLite file vs memory.

    .venv/bin/python bench/objectstore.py

The model of bench/deploy_round.py (ResNet50, one shared backbone, 32 px: ~94 MB, 141 objects as
Flower chunks them) goes through Flower's own stores exactly as the SuperLink uses them for a message:
preregister the object tree, put every object, get every object (the receiver pulls them), delete the
message's objects. `SqlObjectStore` is what `--database FILE` gave until issue 15; `InMemoryObjectStore`
is what server/superlink_main.py gives the coordinator now (the LinkState stays in the file). Both
stores are measured alternately in one process, twice, so machine load hits both alike.
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import replace

import torch
from fedrad.common.model import build_model
from fedrad.common.weights import to_arrays
from fedrad.sim.run import DEFAULT_RUN
from flwr.supercore.inflatable.inflatable_object import get_all_nested_objects, get_object_tree
from flwr.supercore.object_store.in_memory_object_store import InMemoryObjectStore
from flwr.supercore.object_store.sql_object_store import SqlObjectStore


def main() -> None:
    torch.set_num_threads(1)
    cfg = replace(DEFAULT_RUN, region="elbow", share_backbone=True, image_size=32)
    rec = to_arrays(build_model(cfg.model_config()).state_dict())
    tree = get_object_tree(rec)
    contents = {oid: o.deflate() for oid, o in get_all_nested_objects(rec).items()}
    print(f"one message: {len(contents)} objects, {sum(map(len, contents.values())) / 1e6:.0f} MB")

    def cycle(store, run_id: int) -> tuple[float, float, float]:
        t0 = time.perf_counter()
        store.preregister(run_id, tree)
        for oid, c in contents.items():
            store.put(oid, c)
        t1 = time.perf_counter()
        for oid in contents:
            store.get(oid)
        t2 = time.perf_counter()
        store.delete(rec.object_id)
        return t1 - t0, t2 - t1, time.perf_counter() - t2

    with tempfile.TemporaryDirectory(prefix="fedrad-objectstore-") as d:
        sql = SqlObjectStore(os.path.join(d, "superlink.db"))
        sql.initialize()
        stores = {"sqlite": sql, "memory": InMemoryObjectStore()}
        total = dict.fromkeys(stores, 0.0)
        for rep in range(2):
            for name, store in stores.items():
                put, get, delete = cycle(store, rep + 1)
                total[name] += put + get + delete
                print(f"{name:>6}: put {put:6.2f} s  get {get:5.2f} s  delete {delete:5.2f} s")
        print(f"per message, mean of 2: sqlite {total['sqlite'] / 2:.1f} s, memory {total['memory'] / 2:.2f} s "
              f"({total['sqlite'] / max(total['memory'], 1e-9):.0f}x)")


if __name__ == "__main__":
    main()
