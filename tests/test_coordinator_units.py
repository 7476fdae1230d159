"""The coordinator's small parts that need no Flower process: the site registry, the
min-sites deadline, the version gate, and run preparation (resume, test-set checks)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fedrad.client.sitekey import create_site_key
from fedrad.client.task import VersionMismatchError, check_version
from fedrad.common import __version__
from fedrad.common.runconfig import RunConfig
from fedrad.server.coordinator import (
    HOME_ENV,
    STATUS_POLL_S,
    STATUS_RETRY_S,
    CoordinatorError,
    find_home,
    prepare_run,
    status_due,
)
from fedrad.server.sites import SiteRegistryError, drop, enrol, read_sites, set_node_id
from fedrad.server.strategy import SitesUnavailableError, wait_for_sites


def _key(tmp: Path, name: str) -> Path:
    create_site_key(tmp / name)
    return tmp / f"{name}.pub"


def test_registry_enrol_list_drop(tmp_path):
    reg = tmp_path / "sites.toml"
    a = enrol(reg, "hospital-a", _key(tmp_path, "a"))
    assert a.fingerprint.startswith("SHA256:") and a.node_id == 0
    enrol(reg, "hospital-b", _key(tmp_path, "b"))
    set_node_id(reg, "hospital-a", 42)
    sites = read_sites(reg)
    assert sorted(sites) == ["hospital-a", "hospital-b"] and sites["hospital-a"].node_id == 42
    assert "PRIVATE" not in reg.read_text()  # public keys only
    drop(reg, "hospital-a")
    assert sorted(read_sites(reg)) == ["hospital-b"]
    with pytest.raises(SiteRegistryError, match="no enrolled site 'hospital-a'"):
        drop(reg, "hospital-a")


@pytest.mark.parametrize("name", ["Hospital A", "../etc", "", "a" * 70, "UPPER"])
def test_registry_rejects_bad_names(tmp_path, name):
    with pytest.raises(SiteRegistryError, match="site name"):
        enrol(tmp_path / "sites.toml", name, _key(tmp_path, "k"))


def test_registry_rejects_duplicates_and_bad_keys(tmp_path):
    reg = tmp_path / "sites.toml"
    pub = _key(tmp_path, "a")
    enrol(reg, "a", pub)
    with pytest.raises(SiteRegistryError, match="already enrolled"):
        enrol(reg, "a", _key(tmp_path, "other"))
    with pytest.raises(SiteRegistryError, match="already enrolled as site 'a'"):
        enrol(reg, "b", pub)
    (tmp_path / "rsa.pub").write_text("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ== x\n")
    with pytest.raises(SiteRegistryError, match="rsa.pub"):
        enrol(reg, "c", tmp_path / "rsa.pub")
    with pytest.raises(SiteRegistryError, match="not found"):
        enrol(reg, "d", tmp_path / "missing.pub")
    (tmp_path / "broken.toml").write_text("[sites.x]\npublic-key = 1\n")
    with pytest.raises(SiteRegistryError, match="broken.toml"):
        read_sites(tmp_path / "broken.toml")


class _Grid:
    """Flower's Grid as the strategy sees it: the ids of the nodes online right now."""

    def __init__(self, schedule):
        self.schedule, self.t0 = schedule, time.monotonic()

    def get_node_ids(self):
        return self.schedule(time.monotonic() - self.t0)


def test_wait_for_sites_returns_when_enough_connect():
    grid = _Grid(lambda t: [1, 2] if t > 0.3 else [1])
    assert wait_for_sites(grid, 2, 5.0, dict, poll=0.05) == [1, 2]


def test_wait_for_sites_says_whom_it_has_by_enrolled_name_when_that_changes():
    grid = _Grid(lambda t: [] if t < 0.2 else [7] if t < 0.5 else [7, 9])
    seen: list[list[str]] = []
    wait_for_sites(grid, 2, 5.0, lambda: {7: "hospital-a", 9: "hospital-b"}, poll=0.05, on_wait=seen.append)
    assert seen == [[], ["hospital-a"]]  # once per change, not once per poll


class _Node:
    def __init__(self, node_id: int, last_heartbeat: float, interval: float = 30.0):
        self.node_id, self.heartbeat_interval = node_id, interval
        self.online_until = last_heartbeat + 2 * interval  # Flower 1.42: HEARTBEAT_PATIENCE = 2


class _HeartbeatGrid(_Grid):
    """Also Flower's node details: when each listed node last sent a heartbeat (wall clock)."""

    def __init__(self, schedule, heartbeats):
        super().__init__(schedule)
        self.heartbeats = heartbeats

    def get_nodes(self):
        now = time.monotonic() - self.t0
        return [_Node(nid, self.heartbeats(nid, now)) for nid in self.get_node_ids()]


def test_a_resumed_run_waits_for_a_site_still_listed_from_before_the_restart():
    """A coordinator restart: the SuperLink's table still lists site 2 online from its last heartbeat before
    the restart (it is in its reconnect back-off); the resumed run's first round waits until site 2 is heard
    from again, instead of sending it a message that comes back NODE_UNAVAILABLE."""
    start = time.time()
    grid = _HeartbeatGrid(lambda t: [1, 2], lambda nid, t: start + 1 if nid == 1 or t > 0.4 else start - 20)
    t0 = time.monotonic()
    assert wait_for_sites(grid, 2, 5.0, dict, poll=0.05, heard_since=start) == [1, 2]
    assert time.monotonic() - t0 >= 0.4  # it waited for site 2's heartbeat
    # Without `heard_since` (every round but a resumed run's first) the listing is taken as it is.
    t0 = time.monotonic()
    assert wait_for_sites(_HeartbeatGrid(lambda t: [1, 2], lambda nid, t: start - 20), 2, 5.0, dict,
                          poll=0.05) == [1, 2]
    assert time.monotonic() - t0 < 0.2


def test_a_resumed_run_counts_a_site_that_stays_silent_as_missing():
    start = time.time()
    grid = _HeartbeatGrid(lambda t: [1, 2, 3], lambda nid, t: start - 20 if nid == 3 else start + 1)
    seen: list[list[str]] = []
    assert wait_for_sites(grid, 2, 0.3, lambda: {1: "a", 2: "b", 3: "c"}, poll=0.05, on_wait=seen.append,
                          heard_since=start) == [1, 2]
    assert seen == [["a", "b"]]  # the silent site is not reported as connected
    # Nobody heard from since then: listed, but none counts as connected.
    with pytest.raises(SitesUnavailableError, match="only 0 of the 2 .* not connected: a, b, c"):
        wait_for_sites(grid, 2, 0.3, lambda: {1: "a", 2: "b", 3: "c"}, poll=0.05, heard_since=start + 5)


def test_wait_for_sites_gives_up_naming_the_missing_site():
    grid = _Grid(lambda t: [1])
    t0 = time.monotonic()
    with pytest.raises(SitesUnavailableError, match="not connected: hospital-b") as exc:
        wait_for_sites(grid, 2, 0.3, lambda: {1: "hospital-a", 2: "hospital-b"}, poll=0.05)
    assert time.monotonic() - t0 < 3
    assert "resume" in str(exc.value)


def test_version_gate():
    check_version(RunConfig(fedrad_version=__version__))
    check_version(RunConfig())  # simulation / older coordinators: no claim, no check
    with pytest.raises(VersionMismatchError, match="99.0"):
        check_version(RunConfig(fedrad_version="99.0"))


def test_prepare_run_resumes(tmp_path):
    out = tmp_path / "run"
    cfg = prepare_run(RunConfig(), out)
    assert cfg.output_dir == str(out.resolve()) and cfg.fedrad_version == __version__ and not cfg.resume_from
    (out / "checkpoints").mkdir(parents=True)
    (out / "checkpoints" / "last.pt").write_bytes(b"x")
    assert prepare_run(RunConfig(), out).resume_from.endswith("last.pt")


def test_home_is_found_one_way_and_never_created_by_enrolment(tmp_path, monkeypatch):
    """--home, else $FEDRAD_COORDINATOR_HOME, else ./fedrad-coordinator; only init-ca creates it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(HOME_ENV, raising=False)
    with pytest.raises(CoordinatorError, match="no coordinator home at .*fedrad-coordinator.*--home DIR"):
        find_home()
    assert not (tmp_path / "fedrad-coordinator").exists()
    assert find_home(create=True).root == tmp_path / "fedrad-coordinator"
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "elsewhere"))
    with pytest.raises(CoordinatorError, match=r"\$FEDRAD_COORDINATOR_HOME"):
        find_home()
    assert find_home(tmp_path / "fedrad-coordinator").root == tmp_path / "fedrad-coordinator"  # --home wins


def test_site_reports_the_end_of_a_run_it_took_part_in():
    """RunWatch: versions checked on the first answer; a run seen running (or in the SuperNode log)
    that then shows finished is reported once; runs the site never took part in are not."""
    from fedrad.client.site_node import RunWatch

    flwr = __import__("importlib.metadata").metadata.version("flwr")
    w = RunWatch()
    assert w.update(None) is None  # coordinator not reachable yet: nothing checked
    kind, msg = w.update({"fedrad": __version__, "flwr": flwr})
    assert kind == "info" and "coordinator reachable" in msg
    assert w.update({"fedrad": __version__, "flwr": flwr, "run": {"id": 3, "status": "finished:completed"}}) is None
    assert w.update({"fedrad": __version__, "flwr": flwr, "run": {"id": 4, "status": "running"}})[0] == "info"
    kind, msg = w.update({"fedrad": __version__, "flwr": flwr, "run": {"id": 4, "status": "finished:completed"}})
    assert kind == "finished" and "run 4 has ended at the coordinator (finished:completed)" in msg
    assert w.update({"fedrad": __version__, "flwr": flwr, "run": {"id": 4, "status": "finished:completed"}}) is None
    w.saw_log("INFO :      [RUN 5, ROUND 1]\n")  # joined while the run was on, between two polls
    assert w.update({"fedrad": __version__, "flwr": flwr, "run": {"id": 5, "status": "finished:failed"}})[0] == \
        "finished"
    late = RunWatch()  # a site that started first and meets a coordinator of another fedrad
    kind, msg = late.update({"fedrad": "9.9.9", "flwr": flwr})
    assert kind == "version" and "9.9.9" in msg


def test_fleet_proxy_tells_the_run_status_and_nothing_else(tmp_path):
    import asyncio

    import httpx
    from fedrad.common.federation import VERSION_PATH, write_run_status
    from fedrad.server.fleet_proxy import make_app

    status = tmp_path / "run-status.json"
    app = make_app("http://127.0.0.1:9", None, version_info={"fedrad": __version__, "flwr": "1.42.0"},
                   status_file=str(status))

    async def get() -> dict:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://proxy") as c:
            return (await c.get(VERSION_PATH)).json()

    assert asyncio.run(get()) == {"fedrad": __version__, "flwr": "1.42.0"}  # no run yet
    write_run_status(status, 7, "finished:completed")
    assert asyncio.run(get())["run"] == {"id": 7, "status": "finished:completed"}
    status.write_text('{"id": 7, "status": "running", "output": "/srv/secret/path"}')
    assert asyncio.run(get())["run"] == {"id": 7, "status": "running"}  # a closed schema
    status.write_text("not json")
    assert "run" not in asyncio.run(get())


def test_a_status_query_that_times_out_is_unknown_not_fatal(tmp_path, monkeypatch):
    """`flwr list` that does not answer in time (a loaded machine, or the coordinator paused mid-call, as
    the boundary scenario in tests/test_readme_deploy.py does) leaves the status unknown for the next poll instead
    of ending the run."""
    import subprocess

    from fedrad.server import coordinator

    def slow(args, env, *, timeout=120.0, cwd=None):
        raise subprocess.TimeoutExpired(["flwr", *args], timeout)

    monkeypatch.setattr(coordinator, "run_flwr", slow)
    assert coordinator.run_status(coordinator.CoordinatorHome(tmp_path), 7) == "unknown"


def test_run_status_is_asked_when_the_log_stream_ends_else_rarely():
    """`flwr list` (a new Python process, ~2 CPU-s) is asked at once when the run's log stream ends, every
    STATUS_RETRY_S if the run was not finished then (a broken stream), and only every STATUS_POLL_S while the
    stream is open."""
    assert STATUS_RETRY_S < STATUS_POLL_S
    assert not status_due(STATUS_POLL_S - 1, stream_ended=False, asked_after_end=False)
    assert status_due(STATUS_POLL_S, stream_ended=False, asked_after_end=False)
    assert status_due(0.0, stream_ended=True, asked_after_end=False)
    assert not status_due(STATUS_RETRY_S - 1, stream_ended=True, asked_after_end=True)
    assert status_due(STATUS_RETRY_S, stream_ended=True, asked_after_end=True)
