"""The coordinator's small parts that need no Flower process: the site registry, the
min-sites deadline, the version gate, and run preparation (resume, test-set checks)."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest
from fedrad.client.task import VersionMismatchError, check_version
from fedrad.common import __version__
from fedrad.common.runconfig import RunConfig, RunConfigError
from fedrad.server.coordinator import CoordinatorError, CoordinatorHome, check_certs, prepare_run
from fedrad.server.pki import create_ca, create_site_key, issue_server_cert
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


def test_prepare_run_resumes_and_checks_test_sets(tmp_path):
    out = tmp_path / "run"
    cfg = prepare_run(RunConfig(), out)
    assert cfg.output_dir == str(out.resolve()) and cfg.fedrad_version == __version__ and not cfg.resume_from
    (out / "checkpoints").mkdir(parents=True)
    (out / "checkpoints" / "last.pt").write_bytes(b"x")
    assert prepare_run(RunConfig(), out).resume_from.endswith("last.pt")
    with pytest.raises(RunConfigError, match="labels-elbow.csv"):
        prepare_run(replace(RunConfig(), test_sets=f"ext={tmp_path / 'nope'}"), out)


def test_check_certs_says_how_to_make_them(tmp_path):
    home = CoordinatorHome(tmp_path)
    with pytest.raises(CoordinatorError, match="fedrad certs init-ca"):
        check_certs(home)
    create_ca(home.certs)
    issue_server_cert(home.certs, home.certs, ["fl.example.org"])
    assert check_certs(home) == []
    other = tmp_path / "other"
    create_ca(other)
    (home.certs / "ca.crt").write_bytes((other / "ca.crt").read_bytes())  # a certificate from another CA
    with pytest.raises(CoordinatorError):
        check_certs(home)
