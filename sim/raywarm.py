"""Warm the simulation's Ray actor while the ServerApp sets up (issue 15).

Flower's simulation engine creates its ClientApp actor when the run starts, but the actor imports the
ClientApp (torch, Flower, fedrad) only when the first message reaches it, and the first local round then
pays torch's lazy imports (constructing any optimizer imports `torch._dynamo`: ~2.4 s here) and the
site-side modules the task imports inside functions. All of that sat on round 1's critical path
(the first site's handler started ~6.7 s after round 1's messages were sent, and its first round cost
~3.4 s more than its training). Ray runs a worker's `worker_process_setup_hook` when the worker
process starts, i.e. while the ServerApp still builds the initial model and writes its round-0
checkpoint, so the same imports happen there instead. Measured (session 15): the first handler no longer spends
2-3.4 s on imports; the wait before it (Ray's worker process start, ~9-10 s after the ServerApp starts) remains.

`RAY_RUNTIME_ENV_HOOK` (set by sim.run in the simulation's environment only) names `runtime_env_hook`;
Ray calls it on the runtime environment Flower passes to `ray.init` and we add the setup hook. Nothing
here changes what the actor computes: it imports modules the first message would import anyway.
A deployed site never sees this module (its worker is client.launcher's, not Ray's).
"""

from __future__ import annotations

import pickle
from typing import Any

HOOK_ENV = {"RAY_RUNTIME_ENV_HOOK": "fedrad.sim.raywarm.runtime_env_hook"}


def runtime_env_hook(runtime_env: dict[str, Any] | None) -> dict[str, Any]:
    """Ray's runtime-env hook: the environment Flower asked for, plus the worker's setup hook."""
    out_of_band_arrays()  # Ray calls this hook in the driver: the process that runs the ServerApp
    env = dict(runtime_env or {})
    env.setdefault("worker_process_setup_hook", "fedrad.sim.raywarm.warm")
    return env


def _array(state: dict[str, Any], data: pickle.PickleBuffer | memoryview) -> Any:
    """An Array back from Ray: its attributes, and its bytes as a read-only view of Ray's object store
    (Ray keeps the object while the view lives). fedrad reads an Array's bytes through buffer-protocol
    readers only (common.weights.numpy_view, common.replydigest, Flower's Array.numpy)."""
    from flwr.app import Array

    array = Array.__new__(Array)
    array.__dict__.update(state)
    array.__dict__["data"] = memoryview(data).cast("B")
    return array


def _array_reduce_ex(self: Any, protocol: int) -> Any:
    if protocol < 5:  # copy.deepcopy (protocol 4) and older picklers: Python's default
        return object.__reduce_ex__(self, protocol)
    state = {k: v for k, v in self.__dict__.items() if k not in ("data", "_chunks")}
    return _array, (state, pickle.PickleBuffer(self.data))


def out_of_band_arrays() -> None:
    """Let a Flower `Array`'s bytes cross Ray's process boundary out of band (issue 15).

    Ray pickles every message to and from the ClientApp actor with protocol 5 and keeps the buffers a
    pickler hands it out of band in its shared-memory object store, without copying them through the
    pickle stream; a `bytes` attribute is always in band, so a 189 MB model was copied into the pickle,
    into the store and out again for every message both ways (~0.3 s each under load, measured with
    py-spy in session 25). With this reduction the bytes are one buffer, written into the store once and
    read where they are; the Array that comes out is equal to the one that went in, attribute by attribute
    (tests/test_raywarm.py). Installed only in the simulation's processes: the driver, by
    `runtime_env_hook`, and the actor, by `warm`; other picklers (protocol < 5, copy.deepcopy) are
    untouched."""
    from flwr.app import Array

    if Array.__dict__.get("__reduce_ex__") is not _array_reduce_ex:
        Array.__reduce_ex__ = _array_reduce_ex  # type: ignore[method-assign]


def warm() -> None:
    """Import what the first message would: the ClientApp, the task's function-level imports, and
    `torch._dynamo` (which torch.optim imports on the first optimizer it constructs); and the actor's
    half of `out_of_band_arrays`."""
    out_of_band_arrays()
    import fedrad.client.client_app  # noqa: F401  (torch, Flower, the site's mods)
    import fedrad.client.policy  # noqa: F401
    import fedrad.client.prepare  # noqa: F401
    import fedrad.common.dataset  # noqa: F401
    import fedrad.common.device  # noqa: F401
    import fedrad.common.metrics  # noqa: F401
    import fedrad.common.preprocess  # noqa: F401
    import fedrad.common.sitefiles  # noqa: F401
    import fedrad.common.train  # noqa: F401
    import torch._dynamo  # noqa: F401
