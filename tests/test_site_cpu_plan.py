"""Virtual sites placed on CPUs (issue 15): on two cores the three default sites train one thread each; placed
longest first (sim.run.site_cpu_plan) a round ends when the busier core is done instead of when the largest site,
slowed by sharing, finishes alone. Only `fedrad sim run` plans; a deployed site ignores the key.
The real Flower run with the plan applied is tests/test_fedharden_sim.py (its sites log their CPU)."""

from __future__ import annotations

import os
import threading

import pytest
from fedrad.client.task import on_planned_cpu, planned_cpu
from fedrad.common.runconfig import RunConfig
from fedrad.sim.run import site_cpu_plan


def _makespan(work: list[float], plan: list[int]) -> float:
    return max(sum(w for w, c in zip(work, plan, strict=True) if c == cpu) for cpu in set(plan))


def test_the_largest_site_gets_a_core_of_its_own_and_the_others_share():
    work = [3 * 193 + 48, 3 * 106 + 26, 3 * 278 + 69]  # the default simulation's site-01..03 (train, val)
    plan = site_cpu_plan(work, [0, 1])
    assert plan == [1, 1, 0]
    assert _makespan(work, plan) < (sum(work) / 2) * 1.05  # within 5% of a perfect split of the work


def test_longest_first_beats_a_fixed_order_and_uses_the_cpus_given():
    work = [2, 9, 1, 8, 3]
    plan = site_cpu_plan(work, [2, 5])
    assert set(plan) == {2, 5}
    assert _makespan(work, plan) == 12  # 9+2+1 / 8+3: the best any split of 23 units can do
    assert _makespan(work, [[2, 5][i % 2] for i in range(len(work))]) == 17  # round robin


@pytest.mark.parametrize("n_sites, cpus", [(2, [0, 1]), (3, [0, 1, 2]), (3, [0]), (3, [])])
def test_no_plan_when_every_site_has_a_core_or_there_is_one_core(n_sites, cpus):
    assert site_cpu_plan([10.0] * n_sites, cpus) == []


def test_only_a_simulated_site_reads_its_cpu_from_the_run_config():
    run = RunConfig(sim_site_cpus="0,1,1").to_flower()
    assert run["sim-site-cpus"] == "0,1,1"
    assert planned_cpu({"partition-id": 2}, run) == 1
    assert planned_cpu({"partition-id": 0}, run) == 0
    assert planned_cpu({"partition-id": 3}, run) is None  # more sites than the plan names: the OS decides
    assert planned_cpu({"partition-id": 1}, RunConfig().to_flower()) is None  # no plan
    # a deployed site (its folder from --node-config) never lets the coordinator decide where its work runs
    assert planned_cpu({"site-dir": "/srv/site", "partition-id": 1}, run) is None


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity") or len(os.sched_getaffinity(0)) < 2,
                    reason="needs thread affinity and two CPUs")
def test_the_handler_thread_runs_on_its_cpu_and_gets_its_cpus_back():
    cpus = sorted(os.sched_getaffinity(0))
    run = RunConfig(sim_site_cpus=f"{cpus[0]},{cpus[1]}").to_flower()
    seen: dict[str, set[int]] = {}

    def handler():
        with on_planned_cpu({"partition-id": 1}, run):
            seen["inside"] = os.sched_getaffinity(0)
        seen["after"] = os.sched_getaffinity(0)

    t = threading.Thread(target=handler)
    t.start()
    t.join()
    assert seen == {"inside": {cpus[1]}, "after": set(cpus)}
    assert os.sched_getaffinity(0) == set(cpus)  # another thread's (this one's) CPUs are untouched
    with on_planned_cpu({"partition-id": 0}, {"sim-site-cpus": "99999"}):  # a CPU this process may not use
        assert os.sched_getaffinity(0) == set(cpus)


def test_the_global_model_does_not_depend_on_the_order_the_sites_finished(tmp_path):
    """Where the sites run changes which finishes first; the strategy aggregates sorted by site, so the global
    model is bitwise the same for every arrival order, where a sum in arrival order is not."""
    import numpy as np
    from fedrad.server.fedavg import weighted_mean
    from fedrad.server.recorder import RunRecorder
    from fedrad.server.strategy import make_strategy
    from flwr.app import Array, ArrayRecord, Message, Metadata, MetricRecord, RecordDict

    cfg = RunConfig(output_dir=str(tmp_path), min_sites=3, sim_site_dirs="/s/site-01,/s/site-02,/s/site-03")
    rng = np.random.default_rng(1)
    arrays = [rng.standard_normal(4096).astype(np.float32) * 10.0 ** e for e in (0, 3, 6)]

    def replies(order):
        return [Message(RecordDict({"arrays": ArrayRecord({"w": Array(arrays[i])}), "metrics": MetricRecord(
            {"num-examples": 10 + 7 * i, "train-loss": 0.5, "site-index": i})}), reply_to=Message(
            RecordDict(), metadata=Metadata(run_id=1, message_id=f"m{i}", src_node_id=0, dst_node_id=100 + i,
                                            reply_to_message_id="", group_id="1", created_at=0.0, ttl=60.0,
                                            message_type="train"))) for i in order]

    orders = [(0, 1, 2), (2, 0, 1), (1, 2, 0)]
    raw = {o: weighted_mean([m.content for m in replies(o)], "num-examples")["w"].numpy().tobytes() for o in orders}
    assert len(set(raw.values())) > 1  # summed in arrival order, the order shows in the last bits
    strategy = make_strategy(cfg, RunRecorder(cfg, tmp_path), None)
    got = {o: strategy.aggregate_train(1, replies(o))[0]["w"].numpy().tobytes() for o in orders}
    assert len(set(got.values())) == 1
    assert got[orders[0]] == raw[(0, 1, 2)]  # site order
