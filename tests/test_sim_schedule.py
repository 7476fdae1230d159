"""`fedrad sim run`'s scheduling of the virtual sites (issue 15, session 17): on CPU every site trains at once with
the cores split evenly; with a GPU the sites take turns; cross-site evaluation is opt-in for the simulation."""

from __future__ import annotations

import os

import pytest
from fedrad.sim.run import DEFAULT_RUN, load_settings, site_cores


@pytest.fixture
def two_cores(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)


def test_auto_splits_the_cores_among_the_sites_on_cpu(two_cores):
    assert site_cores(0, 3) == (1, 3)  # three one-thread actors share two cores
    assert site_cores(0, 2) == (1, 2)
    assert site_cores(0, 1) == (2, 2)  # one site: every core


def test_gpu_and_minus_one_take_turns_with_every_core(two_cores):
    assert site_cores(0, 3, gpu=True) == (2, 2)
    assert site_cores(-1, 3) == (2, 2)


def test_an_explicit_count_is_per_site(two_cores):
    assert site_cores(2, 3) == (2, 6)


def test_cross_site_is_opt_in_for_the_simulation():
    assert DEFAULT_RUN.cross_site is False
    _, run = load_settings(None, "default", {}, {"cross_site": True})
    assert run.cross_site is True
