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

from typing import Any

HOOK_ENV = {"RAY_RUNTIME_ENV_HOOK": "fedrad.sim.raywarm.runtime_env_hook"}


def runtime_env_hook(runtime_env: dict[str, Any] | None) -> dict[str, Any]:
    """Ray's runtime-env hook: the environment Flower asked for, plus the worker's setup hook."""
    env = dict(runtime_env or {})
    env.setdefault("worker_process_setup_hook", "fedrad.sim.raywarm.warm")
    return env


def warm() -> None:
    """Import what the first message would: the ClientApp, the task's function-level imports, and
    `torch._dynamo` (which torch.optim imports on the first optimizer it constructs)."""
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
