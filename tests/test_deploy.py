"""Integration: the real deployment path on 127.0.0.1, every role a separate process.

`fedrad server start` (SuperLink on loopback with TLS + SuperNode auth, fleet-only proxy) and
`fedrad client start` per site (SuperNode with the site's private key and the federation CA). The
plain two-site TLS federation is README's own walk-through, run as written by
tests/test_readme_deploy.py; these are the fault scenarios around it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest
from fedrad.common.flowerproc import free_port
from fedrad.common.runconfig import RunConfig
from fedrad.server.pki import create_ca, create_site_key, issue_server_cert
from fedrad.sim.run import export_test_sets, load_settings, make_hospitals, prepare_sites, site_dirs
from rich.console import Console

pytestmark = pytest.mark.integration
FEDRAD = str(Path(sys.executable).parent / "fedrad")


class Proc:
    """A CLI process in its own session, output in a file; killed (whole group) at teardown."""

    def __init__(self, args: list[str], log: Path, cwd: Path):
        self.log = log
        self._fh = open(log, "wb")  # noqa: SIM115
        env = dict(os.environ, COLUMNS="200", FEDRAD_TORCH_THREADS="1")
        self.p = subprocess.Popen([FEDRAD, *args], stdout=self._fh, stderr=subprocess.STDOUT, cwd=cwd, env=env,
                                  start_new_session=True)

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def wait(self, timeout: float) -> int:
        try:
            return self.p.wait(timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"{self.log.name} still running after {timeout} s:\n{self.text()[-3000:]}") from None

    def signal(self, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.p.pid, sig)

    def crash(self) -> None:
        """SIGKILL this process and everything below it at once, like a site machine losing power."""
        pids = [self.p.pid]
        for pid in pids:  # grows while walking: breadth-first over /proc
            with contextlib.suppress(OSError):
                pids += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def kill(self) -> None:
        self.crash()  # descendants too: Flower's SuperNode and its clientapp processes live in other sessions
        self.signal(signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.p.wait(10)
        self._fh.close()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Two tiny synthetic hospitals (prepared), test sets, a CA, the coordinator cert, site keys."""
    out = tmp_path_factory.mktemp("deploy")
    settings, run = load_settings(None, "tiny", {"out": str(out / "sim"), "sites": 2, "studies_per_site": 30}, {})
    console = Console(quiet=True)
    root = make_hospitals(settings, console)
    sites, external = site_dirs(root)
    prepare_sites(sites, external, run, console)
    test_sets = export_test_sets(root, sites, external, run, out / "sim", console)
    certs = out / "certs"  # one federation PKI; each test runs its own coordinator home (own SuperLink state)
    create_ca(certs)
    issue_server_cert(certs, certs, ["localhost"])
    keys = {}
    for s in sites:
        keys[s.name] = out / "keys" / s.name  # made "at the site": only the .pub goes to the coordinator
        create_site_key(keys[s.name])
    # The tiny arch: kilobytes per message instead of ~90 MB (Flower stores every chunk in SQLite); same code path.
    run = replace(run, num_server_rounds=2, local_epochs=1, min_sites=2, site_wait=240, round_timeout=900,
                  arch="tiny",
                  test_sets=",".join(f"{k}={v}" for k, v in test_sets.items()))
    return {"out": out, "sites": sites, "certs": certs, "keys": keys, "run": run, "ca": certs / "ca.crt"}


def _start_server(world, name: str, run: RunConfig, procs: list[Proc]) -> tuple[Proc, int, Path]:
    out, home = world["out"], _enrol(world, name)
    cfg_file = out / f"{name}.toml"
    cfg_file.write_text(run.to_toml())
    port = free_port()
    run_dir = out / name
    srv = Proc(["server", "start", "--home", str(home), "--config", str(cfg_file), "--out", str(run_dir),
                "--listen", f"127.0.0.1:{port}"], out / f"{name}-server.log", out)
    procs.append(srv)
    _wait_for(lambda: "submitted" in srv.text() or srv.p.poll() is not None, 120, srv)
    assert srv.p.poll() is None, srv.text()
    return srv, port, run_dir


def _start_site(world, site: Path, port: int, procs: list[Proc], *, key: Path | None = None,
                ca: Path | None = None, tag: str = "", extra: tuple[str, ...] = ()) -> Proc:
    key = key or world["keys"][site.name]
    p = Proc(["client", "start", "--server", f"127.0.0.1:{port}", "--site", str(site), "--ca", str(ca or world["ca"]),
              "--key", str(key), "--threads", "1", *extra], world["out"] / f"{tag or site.name}-{port}.log",
             world["out"])
    procs.append(p)
    return p


def _wait_for(cond, timeout: float, proc: Proc) -> None:
    t0 = time.time()
    while time.time() - t0 < timeout:
        if cond():
            return
        time.sleep(1)
    raise AssertionError(f"timed out after {timeout} s; {proc.log.name}:\n{proc.text()[-3000:]}")


@pytest.fixture
def procs():
    started: list[Proc] = []
    yield started
    for p in started:
        p.kill()


def _enrol(world, name: str) -> Path:
    """A coordinator home with the federation's certificates and both sites enrolled (once per test: a
    fresh SuperLink database, so no test inherits another's connected nodes)."""
    home = world["out"] / f"coordinator-{name}"
    if not (home / "sites.toml").is_file():
        shutil.copytree(world["certs"], home / "certs")
        for s in world["sites"]:
            r = subprocess.run([FEDRAD, "server", "add-site", s.name, f"{world['keys'][s.name]}.pub", "--home",
                                str(home)], capture_output=True, text=True)
            assert r.returncode == 0, r.stdout + r.stderr
            assert "SHA256:" in r.stdout
    return home


def test_site_killed_mid_round_run_completes_with_the_other_and_it_rejoins(world, procs):
    run = replace(world["run"], min_sites=1, num_server_rounds=3)
    srv, port, run_dir = _start_server(world, "fedkill", run, procs)
    a = _start_site(world, world["sites"][0], port, procs)
    victim_site = world["sites"][1]
    before = len(_supernode_log(victim_site))
    victim = _start_site(world, victim_site, port, procs)
    # Dies (process tree SIGKILLed, like a power cut) while it trains in round 1.
    _wait_for(lambda: "Receiving: train message" in _supernode_log(victim_site)[before:], 180, victim)
    victim.crash()
    history = run_dir / "history.json"
    _wait_for(lambda: history.is_file() and len(json.loads(history.read_text())["rounds"]) >= 2, 600, srv)
    _start_site(world, victim_site, port, procs, tag="site-02-rejoined")  # the hospital restarts it
    rc = srv.wait(900)
    assert rc == 0, srv.text()[-4000:]
    assert a.wait(60) == 0, a.text()[-3000:]  # it stayed through the others' crash, then saw the run end
    assert "has ended at the coordinator (finished:completed)" in a.text()
    rounds = json.loads(history.read_text())["rounds"]
    assert [r["round"] for r in rounds] == [0, 1, 2, 3]
    assert rounds[1]["train_sites"] == ["site-01"]
    assert any(f.startswith("site-02: ") for f in rounds[1]["train_failures"]), rounds[1]  # named, with Flower's reason
    assert all("site-01" in r["train_sites"] for r in rounds[1:])
    assert "site-02" in rounds[3]["train_sites"], rounds[2:]  # back in a later round
    report = (run_dir / "report.md").read_text()
    assert "train site-02: " in report


def _supernode_log(site: Path) -> str:
    p = site / ".fedrad" / "logs" / "supernode.log"
    return p.read_text(errors="replace") if p.is_file() else ""


def test_unregistered_site_and_untrusted_connections_are_refused(world, procs, tmp_path):
    run = replace(world["run"], min_sites=2, site_wait=600)  # no enrolled site joins: it waits, up for the checks
    srv, port, _ = _start_server(world, "fedrefuse", run, procs)
    # 1. A key the coordinator never enrolled: the SuperLink refuses it and the site says what to do.
    stranger = tmp_path / "keys" / "stranger"
    stranger_fp = create_site_key(stranger)
    p = _start_site(world, world["sites"][0], port, procs, key=stranger, tag="stranger",
                    extra=("--activation-patience", "5"))
    rc = p.wait(180)
    assert rc == 3, p.text()
    assert "does not know this site's key" in p.text() and "add-site" in p.text()
    _wait_for(lambda: stranger_fp in srv.text(), 30, srv)  # the coordinator logs whom it refused
    assert "refused a site with an unknown or removed key" in srv.text()
    # 2. Plain HTTP to the TLS port fails.
    with pytest.raises((urllib.error.URLError, ConnectionError, OSError)):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/fedrad/version", timeout=5)
    # 3. A site that trusts another CA refuses the coordinator's certificate.
    other = tmp_path / "other-ca"
    create_ca(other)
    with pytest.raises(urllib.error.URLError) as refused:
        ctx = ssl.create_default_context(cafile=str(other / "ca.crt"))
        urllib.request.urlopen(f"https://127.0.0.1:{port}/fedrad/version", timeout=5, context=ctx)
    assert isinstance(refused.value.reason, ssl.SSLCertVerificationError)
    q = _start_site(world, world["sites"][0], port, procs, ca=other / "ca.crt", tag="untrusted")
    assert q.wait(180) == 2 and "certificate" in q.text()  # start runs the doctor's checks (imports torch)
    # 4. The fleet port does not serve run submission (Control API) or the API docs.
    ctx = ssl.create_default_context(cafile=str(world["ca"]))
    for method, path in (("POST", "/v1/control/list-runs"), ("GET", "/docs")):
        req = urllib.request.Request(f"https://127.0.0.1:{port}{path}", method=method, data=b"" if method == "POST"
                                     else None)
        with pytest.raises(urllib.error.HTTPError) as exc:
            urllib.request.urlopen(req, timeout=5, context=ctx)
        assert exc.value.code == 404
    # 5. The coordinator stops cleanly on SIGTERM, children included.
    srv.signal(signal.SIGTERM)
    assert srv.wait(60) == 130
    with pytest.raises(OSError):
        urllib.request.urlopen(f"https://127.0.0.1:{port}/health", timeout=3, context=ctx)
    assert "stopping" in srv.text()


def test_coordinator_restart_resumes_from_last_round(world, procs):
    """SIGTERM the coordinator after round 1; the same command again continues with round 2, and the
    sites (left running) reconnect on their own under their registered identities."""
    run = replace(world["run"], num_server_rounds=2)
    srv, port, run_dir = _start_server(world, "fedrestart", run, procs)
    clients = [_start_site(world, s, port, procs, extra=("--after-run", "wait")) for s in world["sites"]]
    history = run_dir / "history.json"
    _wait_for(lambda: history.is_file() and len(json.loads(history.read_text())["rounds"]) >= 2, 600, srv)
    srv.signal(signal.SIGTERM)
    assert srv.wait(60) == 130, srv.text()[-3000:]
    cfg_file = world["out"] / "fedrestart.toml"
    again = Proc(["server", "start", "--home", str(_enrol(world, "fedrestart")), "--config", str(cfg_file),
                  "--out", str(run_dir), "--listen", f"127.0.0.1:{port}"], world["out"] / "fedrestart-server-2.log",
                 world["out"])
    procs.append(again)
    assert again.wait(900) == 0, again.text()[-4000:]
    assert "resuming from" in again.text()
    rounds = json.loads(history.read_text())["rounds"]
    assert [r["round"] for r in rounds] == [0, 1, 2]
    assert sorted(rounds[2]["train_sites"]) == ["site-01", "site-02"]
    assert "Test set `internal`" in (run_dir / "report.md").read_text()
    # --after-run wait: the sites (never restarted) say the run ended and stay for the next one ...
    for c in clients:
        _wait_for(lambda c=c: "waiting for the next run" in c.text(), 30, c)
        assert re.search(r"run \d+ has ended at the coordinator \(finished:completed\)", c.text()), c.text()[-2000:]
        assert c.p.poll() is None, "sites should have survived the coordinator restart and the run's end"
    # ... and stop cleanly on SIGTERM, their SuperNode children with them.
    for c in clients:
        c.signal(signal.SIGTERM)
    for c in clients:
        assert c.wait(60) == 0, c.text()[-2000:]
        assert "stopping (SIGTERM)" in c.text()
    with pytest.raises(OSError):  # nothing of the coordinator is left listening
        urllib.request.urlopen(f"https://127.0.0.1:{port}/health", timeout=3,
                               context=ssl.create_default_context(cafile=str(world["ca"])))
