"""sim.rayhead: one Ray instance for every federated arm of `fedrad sim run` (issue 15), real Ray processes.

`fedrad sim run` itself is covered end to end by CI's README command; tests/test_federation_sim.py and
tests/test_fedharden_sim.py run arms that start Ray of their own (no shared instance), the fallback path."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from fedrad.common.flowerproc import process_tree
from fedrad.sim.rayhead import RayHead
from fedrad.sim.run import ray_env

pytestmark = pytest.mark.integration

# What an arm's simulation process does with Ray (Flower's RayBackend: ray.init with the job's runtime
# environment, one-CPU ClientApp actors): here two actors report where they run and with what.
DRIVER = """
import json, os, ray
ray.init(runtime_env={"env_vars": {"PYTHONPATH": os.environ.get("PYTHONPATH", "")}})

@ray.remote(num_cpus=1)
class Site:
    def where(self):
        return {"pid": os.getpid(), "threads": os.environ.get("FEDRAD_TORCH_THREADS"),
                "gcs": ray.get_runtime_context().gcs_address}

sites = [Site.remote() for _ in range(2)]
print(json.dumps(ray.get([s.where.remote() for s in sites])))
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def _gone(pids: list[int], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while any(_alive(p) for p in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def test_arms_join_the_one_instance_and_nothing_outlives_it(tmp_path, request):
    """A foreign cluster recorded where plain `ray.init()` looks for one (what `ray start` elsewhere on the
    machine leaves in <ray tmp>/ray_current_cluster) is not joined: the instance starts its own (RAY_ADDRESS=local).
    An arm's driver then joins the instance, its actors run there with the sites' thread count from the
    instance's environment, and they are gone when that driver ends; an arm wanting other CPUs gets no address
    (it starts Ray of its own); stopping the instance leaves no process of it."""
    # Ray's own folder (sockets: a short path), with the address file a `ray start` long gone left there
    ray_tmp = Path(tempfile.mkdtemp(prefix="fedrad-ray-", dir="/tmp"))
    request.addfinalizer(lambda: shutil.rmtree(ray_tmp, ignore_errors=True))
    (ray_tmp / "ray").mkdir()
    (ray_tmp / "ray" / "ray_current_cluster").write_text("127.0.0.1:9")
    env = {**ray_env(tmp_path / "home", threads=1), "RAY_TMPDIR": str(ray_tmp)}
    plain = subprocess.run([sys.executable, "-c", "import ray; ray.init(num_cpus=1)"], capture_output=True,
                           text=True, timeout=120, env={k: v for k, v in env.items() if k != "RAY_ADDRESS"})
    assert plain.returncode != 0 and "existing cluster" in plain.stderr  # what Flower's ray.init did before

    head = RayHead(tmp_path, num_cpus=2, threads=1, env=env)
    try:
        assert head.address_for(num_cpus=3, threads=1) is None and not head.failed
        address = head.address_for(num_cpus=2, threads=1, timeout=120)
        assert address, head.failed or head.child.log_tail()
        assert address.rsplit(":", 1)[1] != "9"
        done = subprocess.run([sys.executable, "-c", DRIVER], capture_output=True, text=True, timeout=120,
                              env={**env, "RAY_ADDRESS": address})
        assert done.returncode == 0, done.stderr[-2000:]
        sites = json.loads(done.stdout.strip().splitlines()[-1])
        assert [s["gcs"] for s in sites] == [address] * 2
        assert [s["threads"] for s in sites] == ["1", "1"]
        assert _gone([s["pid"] for s in sites], timeout=30), "an arm's actors outlived its driver"
        assert head.child.alive()
        tree = process_tree(head.child.pid)
        assert len(tree) > 2  # the instance's GCS, raylet and agents
    finally:
        head.stop()
    assert _gone(tree, timeout=30), [p for p in tree if _alive(p)]


def test_an_instance_that_dies_is_reported_and_not_used(tmp_path):
    """A shared instance that cannot start (here: an impossible CPU count) gives no address, says why, and the
    arm starts Ray of its own."""
    env = ray_env(tmp_path / "home", threads=1)
    head = RayHead(tmp_path, num_cpus=-1, threads=1, env=env)
    try:
        assert head.address_for(num_cpus=-1, threads=1, timeout=120) is None
        assert "exited" in head.failed and str(tmp_path) in head.failed
        assert head.address_for(num_cpus=-1, threads=1) is None
    finally:
        head.stop()
    assert not head.child.alive()
    assert os.path.exists(head.child.log_path)
