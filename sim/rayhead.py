"""One Ray instance for every federated arm of a simulation (issue 15).

Flower's simulation process calls `ray.init()` for each `flwr run`, so every federated arm started a
Ray instance of its own (GCS, raylet, agents: 2.4-3.7 s of two busy cores here) on round 1's critical
path, before the first site's actor could start. `fedrad sim run` now starts one instance as soon as
the hospitals exist, while the site pipeline runs, and every arm's simulation joins it through
RAY_ADDRESS; each arm still gets actors of its own (a Ray job's workers belong to that job), which Ray
removes when the arm's simulation process ends.

The instance lives in a process of ours, `python -m fedrad.sim.rayhead N ADDRESS_FILE`: `ray.init` with
N CPUs, the address written to ADDRESS_FILE, then it sleeps until it is stopped (common.flowerproc.Child:
its own session, SIGTERM to the group, and it dies with the fedrad process that started it). Not
`ray start --head`: that also serves Ray Client (remote code execution) on port 10001 and records
itself in /tmp/ray/ray_current_cluster, which any later plain `ray.init()` on the machine would join.

The workers inherit this process's environment, so it is started with the environment the arms'
Flower processes get (the sites' torch threads, Ray's worker niceness); an arm whose cores per site
differ from the instance's starts its own Ray as before (`address_for`). Without a shared instance an
arm's simulation gets RAY_ADDRESS=local (sim.run.flower_env): a plain `ray.init()` would otherwise
join whatever cluster a `ray start` elsewhere on the machine left in /tmp/ray/ray_current_cluster (and
fail there: Flower passes num_cpus, which joining forbids).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping
from pathlib import Path

from fedrad.common.flowerproc import Child


class RayHead:
    """The simulation's Ray instance: started at once, waited for only when an arm needs its address."""

    def __init__(self, folder: Path, num_cpus: int, threads: int, env: Mapping[str, str]):
        self.num_cpus, self.threads = num_cpus, threads
        self.address_file = folder / "address"
        self.address_file.unlink(missing_ok=True)
        self.failed = ""
        self.child = Child("Ray head", [sys.executable, "-m", "fedrad.sim.rayhead", str(num_cpus),
                                        str(self.address_file)], env, folder / "ray-head.log", cwd=folder)

    def address_for(self, num_cpus: int, threads: int, timeout: float = 120.0) -> str | None:
        """The instance's address if it suits an arm that wants `num_cpus` Ray CPUs and `threads` torch
        threads per site and is (or within `timeout` s becomes) ready; None otherwise (the arm starts its
        own Ray; a failed instance is stopped and `failed` says why)."""
        if self.failed or (num_cpus, threads) != (self.num_cpus, self.threads):
            return None
        deadline = time.monotonic() + timeout
        while not self.address_file.is_file():
            if not self.child.alive() or time.monotonic() > deadline:
                why = "exited" if not self.child.alive() else f"not ready after {timeout:.0f} s"
                self.failed = f"the shared Ray instance {why} (log {self.child.log_path})"
                self.stop()
                return None
            time.sleep(0.05)
        return self.address_file.read_text(encoding="utf-8").strip()

    def stop(self) -> None:
        if self.child.alive():
            self.child.stop(grace=10)


def main(argv: list[str]) -> None:
    """The instance's process: `ray.init` with N CPUs, its address into the file (atomically), then sleep."""
    import ray
    from fedrad.common.fileio import write_text

    num_cpus, address_file = int(argv[0]), Path(argv[1])
    ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False)
    write_text(address_file, ray.get_runtime_context().gcs_address)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main(sys.argv[1:])
