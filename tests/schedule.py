"""The order pytest-xdist hands out test modules (`--dist loadfile`, pyproject's addopts).

xdist's own loadfile scheduler hands out the modules with the most tests first, so the real-process
modules (few tests, minutes each, mostly waiting on Flower's timers and process start-ups) used to
start only after the unit tests and ran last, one after the other. This scheduler keeps loadfile's
contract (a module's tests on one worker, its module fixtures built once) and changes only the order:

- the real-process modules first, longest first (REAL_PROCESS_MODULES), so each starts at once on a
  worker of its own when there are enough workers;
- then the unit-test modules, most tests first (xdist's order);
- the two Flower-simulation modules form one unit (one worker, one after the other): each starts a Ray
  cluster, and two Ray start-ups at once on a loaded 2-core machine time out ("The current node timed
  out during startup", measured with five real-process modules side by side);
- a worker busy with a real-process module is given the smallest remaining module when it needs one
  more (an xdist worker runs a test only once it knows the next one, so a one-test module always has
  a follower), so the big unit-test modules go to the workers that are free.
"""

from __future__ import annotations

from collections import OrderedDict

from xdist.scheduler import LoadFileScheduling

# Seconds each real-process module took in session 4's run (-n 2, old order, load 5-8); only the order matters.
# Session 5, new order: -n 4 at load 5-15 took deploy 1147 s, README 903 s, boundary 424 s (failed, see
# README, Tests), the simulation unit 1190 s; -n 5 without the simulation unit: Ray start-up timeouts.
# Session 6, -n 3 at load 6-28 (median 16): deploy 1513 s, README 1285 s, boundary 505 s, the simulation unit
# ~1965 s; with three workers all three start on real-process units and the unit tests mostly wait for one to end.
# Issue 14: tests/test_boundary.py's federation folded into tests/test_readme_deploy.py (its figure above
# includes the README part only; the merged module took 575 s of fixture alone, -n 0, load 10-14).
# Issue 14, session 8 (steps side by side within a chain, README, Tests): deploy 1236 s of fixture with README
# beside it (-n 2, load 12-20). At -n 3 the three units start at once, one on each worker; at -n 2 (the default)
# the order decides which two start and the third waits for the first to end.
REAL_PROCESS_MODULES = {
    "tests/test_deploy.py": 760,
    "tests/test_readme_deploy.py": 394,
    "tests/test_federation_sim.py": 380,
    "tests/test_fedharden_sim.py": 256,
}
SIMULATION_UNIT = "tests/test_*_sim.py"  # one scope for the Ray modules below
RAY_MODULES = ("tests/test_federation_sim.py", "tests/test_fedharden_sim.py")
COST = {**{m: s for m, s in REAL_PROCESS_MODULES.items() if m not in RAY_MODULES},
        SIMULATION_UNIT: sum(REAL_PROCESS_MODULES[m] for m in RAY_MODULES)}


class LongFirstScheduling(LoadFileScheduling):
    def __init__(self, config, log=None):
        super().__init__(config, log)
        self._ordered = False

    def _split_scope(self, nodeid: str) -> str:
        module = super()._split_scope(nodeid)
        return SIMULATION_UNIT if module in RAY_MODULES else module

    def _order_queue(self) -> None:
        """Real-process units first (longest first), then xdist's order (most tests first)."""
        scopes = list(self.workqueue)
        first = sorted((s for s in scopes if s in COST), key=lambda s: -COST[s])
        self.workqueue = OrderedDict((s, self.workqueue[s]) for s in first + [s for s in scopes if s not in first])
        self._ordered = True

    def _busy_with_real_processes(self, node) -> bool:
        return any(scope in COST and not all(unit.values())
                   for scope, unit in self.assigned_work.get(node, {}).items())

    def _assign_work_unit(self, node) -> None:
        assert self.workqueue
        if not self._ordered:
            self._order_queue()
        # A worker still on a real-process module gets the smallest unit (the queue's last), others the next one.
        scope = next(reversed(self.workqueue)) if self._busy_with_real_processes(node) else next(iter(self.workqueue))
        work_unit = self.workqueue.pop(scope)
        self.assigned_work.setdefault(node, {})[scope] = work_unit
        collection = self.registered_collections[node]
        node.send_runtest_some([collection.index(nodeid) for nodeid, done in work_unit.items() if not done])
