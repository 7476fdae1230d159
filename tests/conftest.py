"""Shared test fixtures. Real data lives in ../shared/data (read-only)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FEDRAD_SHARED", ROOT.parent / "shared"))
SHARED_DATA = SHARED / "data"

# Tests share 2 cores with each other's subprocesses; keep torch from oversubscribing.
os.environ.setdefault("OMP_NUM_THREADS", "2")


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true", default=False,
                     help="also run the slow tier (minute-long learnability checks; see README, Tests)")


def pytest_collection_modifyitems(config, items):
    """MONAI-style tiers: `slow` tests are opt-in (--slow or FEDRAD_SLOW_TESTS=1) so the default
    suite stays within minutes; real-process `integration` tests always run.

    Moved out of the default run (the slow tier): tests/test_synth_learn.py only. Nothing else may be
    marked slow or skipped to save time; a real-process scenario is consolidated into a federation that
    already runs, never dropped (README, Tests).

    Every `integration` module must be listed in tests/schedule.py's REAL_PROCESS_MODULES: under
    pytest-xdist (pyproject's addopts, `-n 2`) that list makes them start first, longest first, each on a
    worker of its own (see pytest_xdist_make_scheduler below and tests/schedule.py for the critical path;
    `-n 4` was slower on the idle machine, docs/test-suite.md). There are two deployment federations
    (tests/test_deploy.py: the faults; tests/test_readme_deploy.py: README's walk-through, which also shows the
    site boundary) and the Ray simulation unit. Their cost is CPU (each site's resident ClientApp worker
    imports torch once, every `flwr` call one importing Flower, a SuperLink polls while it runs) and the waits of a
    story told in order; a step that does not need the one before runs beside it (tests/procs.py
    Background: the refusals while Flower waits out a killed site, the attacker's runs while README's
    sites join), and a wait polls a log or history file every 0.2 s (tests/procs.py wait_for), never a
    fixed sleep. `bench/suite_cpu.py -- <pytest command>` shows where a run's CPU went (README, Tests)."""
    from tests.schedule import REAL_PROCESS_MODULES

    unlisted = sorted({item.nodeid.split("::", 1)[0] for item in items if item.get_closest_marker("integration")}
                      - set(REAL_PROCESS_MODULES))
    if unlisted:
        raise pytest.UsageError(f"integration modules missing from tests/schedule.py REAL_PROCESS_MODULES: {unlisted}")
    if config.getoption("--slow") or os.environ.get("FEDRAD_SLOW_TESTS") == "1":
        return
    skip = pytest.mark.skip(reason="slow tier: run with --slow (or FEDRAD_SLOW_TESTS=1)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadfile` with the real-process modules handed out first (tests/schedule.py)."""
    if config.getvalue("dist") != "loadfile":
        return None
    from tests.schedule import LongFirstScheduling

    return LongFirstScheduling(config, log)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data folder not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="module")
def one_torch_thread():
    """One intra-op thread: on a 2-core machine shared with other jobs, two OpenMP threads spin-wait
    on each other and run torch-heavy tests 5-7x slower (measured: 34 s vs 233 s); idle, it costs little."""
    import torch

    n = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(n)


@pytest.fixture
def procs():
    """Real processes a test starts (tests/procs.py Proc): each killed with its whole tree at teardown."""
    started: list = []
    yield started
    for p in started:
        p.kill()
