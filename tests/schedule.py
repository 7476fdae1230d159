"""The order pytest-xdist hands out test modules (`--dist loadfile`, pyproject's addopts).

xdist's own loadfile scheduler hands out the modules with the most tests first, so the real-process
modules (few tests, minutes each, mostly waiting on Flower's timers and process start-ups) used to
start only after the unit tests and ran last, one after the other. This scheduler keeps loadfile's
contract (a module's tests on one worker, its module fixtures built once) and changes only the order:

- the real-process modules first, longest first (REAL_PROCESS_MODULES), so each starts at once on a
  worker of its own when there are enough workers;
- then the unit-test modules, most tests first (xdist's order);
- the Ray modules (the two Flower-simulation modules and sim.rayhead's) form one unit (one worker, one after
  the other): each starts a Ray cluster, and two Ray start-ups at once on a loaded 2-core machine time
  out ("The current node timed out during startup", measured with five real-process modules side by side);
- a worker busy with a real-process module is given the smallest remaining module when it needs one
  more (an xdist worker runs a test only once it knows the next one, so a one-test module always has
  a follower), so the big unit-test modules go to the workers that are free.
"""

from __future__ import annotations

from collections import OrderedDict

from xdist.scheduler import LoadFileScheduling

# Seconds of each real-process unit in the session-9 baseline (main 1954733, -n 2, load 10-22; suite 33 min);
# only the order matters. Earlier sessions' figures: docs/test-suite.md.
#
# The baseline's critical path, from its workers' tmp folders (each test's folder is made when it starts):
#   gw1: the simulation unit (test_federation_sim.py 0-268 s: Ray runs `fed` 138 s + resumed; then
#        test_fedharden_sim.py 268-590 s: `dp` 136 s, `median` 162 s), then test_readme_deploy.py 590-1109 s
#        (it waited 590 s for a free worker: at -n 2 the third unit starts only when one of the first two ends),
#        then unit modules to 1553 s;
#   gw0: test_deploy.py 0-1133 s (the story to the coordinator's restart ~230 s, then the resumed run stuck for
#        its 900 s wait: the stale-task race, README known limits), then unit modules to ~1900 s.
# So at -n 2 (pyproject's addopts) two of the three units run one after the other on one worker, and no unit test
# runs on that worker meanwhile. -n 4 (each unit at once on a worker of its own, the fourth on the unit tests) was
# measured against it on the same code, both fresh-clone CI runs on the idle machine (session 9): -n 4 669 s,
# -n 2 578 s: on two cores the overlapped waits did not pay for two more workers' collection and contention.
REAL_PROCESS_MODULES = {
    "tests/test_deploy.py": 1133,
    "tests/test_readme_deploy.py": 519,
    "tests/test_federation_sim.py": 268,
    "tests/test_fedharden_sim.py": 322,
    "tests/test_rayhead.py": 30,  # session 31, idle host: ~15 s
}
SIMULATION_UNIT = "tests/test_*_sim.py"  # one scope for the Ray modules below
RAY_MODULES = ("tests/test_federation_sim.py", "tests/test_fedharden_sim.py", "tests/test_rayhead.py")
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
