"""Flower settings fedrad's own entry points change (from bench/deploy_round.py's py-spy profiles; README
"Where a deployment round's seconds go"): each checked on the process-level object Flower reads."""

from __future__ import annotations

import sys
import time

import pytest


def test_coordinator_processes_get_the_superexec_poll_and_chunk_size_unless_the_operator_set_them(monkeypatch,
                                                                                                 tmp_path):
    from fedrad.server.coordinator import COORDINATOR_FLOWER, CoordinatorHome

    for k in COORDINATOR_FLOWER:
        monkeypatch.delenv(k, raising=False)
    env = CoordinatorHome(tmp_path).env()
    assert env["FLWR_SUPEREXEC_TASK_POLL_INTERVAL"] == "5"
    assert env["FLWR_PRIVATE_MAX_ARRAY_CHUNK_SIZE"] == str(16 * 1024 * 1024)
    monkeypatch.setenv("FLWR_PRIVATE_MAX_ARRAY_CHUNK_SIZE", "1048576")
    assert CoordinatorHome(tmp_path).env()["FLWR_PRIVATE_MAX_ARRAY_CHUNK_SIZE"] == "1048576"


def test_superlink_main_serves_the_log_stream_every_few_seconds_and_keeps_payloads_in_memory(monkeypatch):
    import flwr.superlink.cli as superlink_cli
    import flwr.superlink.config_loader as config_loader
    import flwr.superlink.servicer.control.control_handlers as control_handlers
    from fedrad.server import superlink_main
    from flwr.supercore.object_store import ObjectStoreFactory

    seen = {}

    def fake_superlink():
        seen["interval"] = control_handlers.LOG_STREAM_INTERVAL
        seen["store"] = type(config_loader.ObjectStoreFactory("/tmp/x.db").store()).__name__
        return 0

    monkeypatch.setattr(superlink_cli, "flower_superlink", fake_superlink)
    monkeypatch.setattr(control_handlers, "LOG_STREAM_INTERVAL", control_handlers.LOG_STREAM_INTERVAL)
    monkeypatch.setattr(config_loader, "ObjectStoreFactory", ObjectStoreFactory)
    monkeypatch.setattr(sys, "argv", ["x"])
    with pytest.raises(SystemExit):
        superlink_main.main()
    assert seen == {"interval": superlink_main.LOG_STREAM_S, "store": "InMemoryObjectStore"}
    assert superlink_main.LOG_STREAM_S > 0.5


def test_supernode_sleeps_are_capped_at_the_idle_poll():
    from fedrad.client.supernode_main import IDLE_POLL_S, _ShortSleeps

    t0 = time.monotonic()
    _ShortSleeps().sleep(3)  # the SuperNode's idle wait
    assert IDLE_POLL_S - 0.05 <= time.monotonic() - t0 < 2.5
    assert _ShortSleeps().monotonic() > 0  # everything else is the time module's


def test_the_deployment_grid_polls_every_half_second():
    from fedrad.server.grid import POLL_SECONDS, PromptGrid, prompt

    class SlowGrid:
        pull_interval = 3.0

    class FastGrid:
        pull_interval = 0.1

    wrapped = prompt(SlowGrid())
    assert isinstance(wrapped, PromptGrid) and wrapped.poll == POLL_SECONDS == 0.5
    fast = FastGrid()
    assert prompt(fast) is fast
