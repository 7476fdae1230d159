"""Integration: the real deployment path on 127.0.0.1, every role a separate process.

`fedrad server start` (SuperLink on loopback with TLS + SuperNode auth, fleet-only proxy) and
`fedrad client start` per site (SuperNode with the site's private key and the federation CA). The
plain two-site TLS federation is README's own walk-through, run as written by
tests/test_readme_deploy.py; these are the fault scenarios around it, all in ONE federation (each
real federation costs minutes: Flower declares a dead SuperNode offline only after 2 x its 30 s
heartbeat interval, `flwr.common.constant`, not configurable in 1.42), told in this order:

1. a coordinator starts a 3-round run (min-sites 2, so round 1 starts only once both sites are
   connected: with min-sites 1 it could start with whichever site connected first and the other
   would never train in it); site-01 joins with `--after-run wait`, site-02 with the default
   `--after-run exit`;
2. site-02's whole process tree is SIGKILLed while it trains in round 1 (a power cut); round 1
   completes with site-01 and names site-02's failure; meanwhile an unenrolled key, plain HTTP, a
   site trusting another CA and Control API / docs requests are refused by the running coordinator;
3. the hospital restarts site-02 (same key); round 2 waits for it (min-sites 2);
4. after round 2 the coordinator gets SIGTERM (it stops with its children) and the same command
   again resumes with round 3, both sites (never restarted for this) reconnecting on their own;
5. at the run's end site-02 says so and exits 0; site-01 says so and stays for the next run until
   SIGTERM stops it, its SuperNode with it.

The fixture runs the story and keeps what each role showed; each test reads one part of it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest
from fedrad.client.sitekey import create_site_key
from fedrad.common.flowerproc import free_port
from fedrad.server.pki import create_ca, issue_server_cert
from fedrad.sim.run import export_test_sets, load_settings, make_hospitals, prepare_sites, site_dirs
from rich.console import Console

from tests.procs import FEDRAD, Background, Proc, wait_for

# The story's fixture runs inside the first test's time limit: ~700 s at load 10, over pyproject's 900 s at
# load 13-18 (the three federations it replaces had 900 s each).
pytestmark = [pytest.mark.integration, pytest.mark.timeout(2700)]


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
    certs = out / "certs"  # one federation PKI
    create_ca(certs)
    issue_server_cert(certs, certs, ["localhost"])
    keys = {}
    for s in sites:
        keys[s.name] = out / "keys" / s.name  # made "at the site": only the .pub goes to the coordinator
        create_site_key(keys[s.name])
    # The tiny arch: kilobytes per message instead of ~90 MB (Flower stores every chunk in SQLite); same code path.
    # No cross-site evaluation after the last round: none of this story's subjects, and it is one ClientApp
    # process per site and model (a fresh Python importing torch each). The README federation runs it in
    # deployment (README's run config, tests/test_readme_deploy.py); tests/test_federation_sim.py checks the matrix.
    run = replace(run, num_server_rounds=3, local_epochs=1, min_sites=2, site_wait=240, round_timeout=900,
                  arch="tiny", cross_site=False,
                  test_sets=",".join(f"{k}={v}" for k, v in test_sets.items()))
    return {"out": out, "sites": sites, "external": external, "certs": certs, "keys": keys, "run": run,
            "ca": certs / "ca.crt"}


def _enrol(world, name: str) -> Path:
    """A coordinator home with the federation's certificates and both sites enrolled."""
    home = world["out"] / f"coordinator-{name}"
    if not (home / "sites.toml").is_file():
        shutil.copytree(world["certs"], home / "certs")
        for s in world["sites"]:
            r = subprocess.run([FEDRAD, "server", "add-site", s.name, f"{world['keys'][s.name]}.pub", "--home",
                                str(home)], capture_output=True, text=True)
            assert r.returncode == 0, r.stdout + r.stderr
            assert "SHA256:" in r.stdout
    return home


def _server(world, name: str, procs: list[Proc], port: int, log: str) -> Proc:
    cmd = ["server", "start", "--home", str(_enrol(world, name)), "--config", str(world["out"] / f"{name}.toml"),
           "--out", str(world["out"] / name), "--listen", f"127.0.0.1:{port}"]
    procs.append(Proc(cmd, world["out"] / log, world["out"]))
    return procs[-1]


def _start_site(world, site: Path, port: int, procs: list[Proc], *, key: Path | None = None,
                ca: Path | None = None, tag: str = "", extra: tuple[str, ...] = ()) -> Proc:
    key = key or world["keys"][site.name]
    # --image-size: the run's (the fixture prepared the sites at it), so a start checks the cache instead of
    # decoding every image again at the 128 px default (the README federation starts its sites with the default).
    p = Proc(["client", "start", "--server", f"127.0.0.1:{port}", "--site", str(site), "--ca", str(ca or world["ca"]),
              "--key", str(key), "--threads", "1", "--image-size", str(world["run"].image_size), *extra],
             world["out"] / f"{tag or site.name}-{port}.log", world["out"])
    procs.append(p)
    return p


def _supernode_log(site: Path) -> str:
    p = site / ".fedrad" / "logs" / "supernode.log"
    return p.read_text(errors="replace") if p.is_file() else ""


def _worker_pids(site: Path) -> list[int]:
    """Pids of the resident ClientApp workers this site started (client.launcher run_worker), in order."""
    log = site / ".fedrad" / "logs" / "site.log"
    text = log.read_text(errors="replace") if log.is_file() else ""
    return [int(p) for p in re.findall(r"resident ClientApp worker started \(pid (\d+)\)", text)]


def _rounds(run_dir: Path) -> list[dict]:
    history = run_dir / "history.json"
    try:
        return json.loads(history.read_text())["rounds"] if history.is_file() else []
    except json.JSONDecodeError:  # caught mid-write
        return []


def _fetch(url: str, ca: Path | None = None, method: str = "GET") -> BaseException | None:
    """What a client gets from `url`: None on success, else the exception (HTTPError carries the code)."""
    ctx = ssl.create_default_context(cafile=str(ca)) if ca else None
    req = urllib.request.Request(url, method=method, data=b"" if method == "POST" else None)
    try:
        with urllib.request.urlopen(req, timeout=5, context=ctx):
            return None
    except (urllib.error.URLError, ConnectionError, OSError) as exc:
        return exc


def _refusals(world, port: int, procs: list[Proc], tmp: Path) -> dict:
    """Connections the running coordinator must refuse (run while it waits out the dead site)."""
    seen: dict = {}
    # 1. A key the coordinator never enrolled (the external hospital's folder, its own SuperNode).
    stranger = tmp / "keys" / "stranger"
    seen["stranger_fp"] = create_site_key(stranger)
    p = _start_site(world, world["external"], port, procs, key=stranger, tag="stranger",
                    extra=("--activation-patience", "5"))
    seen["stranger"] = (p.wait(180), p.text())
    # 2. Plain HTTP to the TLS port.
    seen["plain_http"] = _fetch(f"http://127.0.0.1:{port}/fedrad/version")
    # 3. A site that trusts another CA: Python's TLS and `client start` (the doctor's checks) both refuse.
    other = tmp / "other-ca"
    create_ca(other)
    seen["other_ca"] = _fetch(f"https://127.0.0.1:{port}/fedrad/version", other / "ca.crt")
    q = _start_site(world, world["external"], port, procs, key=world["keys"]["site-01"], ca=other / "ca.crt",
                    tag="untrusted")
    seen["untrusted"] = (q.wait(180), q.text())
    # 4. The fleet port serves neither run submission (Control API) nor the API docs.
    seen["not_served"] = {path: _fetch(f"https://127.0.0.1:{port}{path}", world["ca"], method)
                          for method, path in (("POST", "/v1/control/list-runs"), ("GET", "/docs"))}
    return seen


@pytest.fixture(scope="module")
def story(world, tmp_path_factory):
    """Runs the module docstring's story once; returns what each role showed (logs, codes, files)."""
    out, (site1, site2) = world["out"], world["sites"]
    (out / "fed.toml").write_text(world["run"].to_toml())
    port, run_dir, procs = free_port(), out / "fed", []
    seen: dict = {"run_dir": run_dir, "port": port}
    try:
        srv = _server(world, "fed", procs, port, "fed-server.log")
        wait_for(lambda: "submitted" in srv.text() or srv.p.poll() is not None, 300, srv)  # load 20: ~20 s a flwr call
        assert srv.p.poll() is None, srv.text()
        stays = _start_site(world, site1, port, procs, extra=("--after-run", "wait"))
        before = len(_supernode_log(site2))
        victim = _start_site(world, site2, port, procs)
        # 2. Site-02 dies (process tree SIGKILLed, like a power cut) while it trains in round 1.
        t0 = time.time()
        while "Receiving: train message" not in _supernode_log(site2)[before:]:
            assert time.time() - t0 < 180 and victim.p.poll() is None, victim.text()[-3000:]
            time.sleep(0.2)
        victim.crash()
        refusals = Background(_refusals, world, port, procs, tmp_path_factory.mktemp("refusals"))  # meanwhile
        wait_for(lambda: len(_rounds(run_dir)) >= 2, 600, srv)  # round 1 ended without it
        # Site-01's resident ClientApp worker dies while the site idles (round 2 waits for site-02): its
        # `client start` restarts it, and the worker serves the rest of the run.
        os.kill(_worker_pids(site1)[-1], signal.SIGKILL)
        wait_for(lambda: len(_worker_pids(site1)) == 2, 60, stays)
        # 3. The hospital restarts it while the run goes on.
        rejoined = _start_site(world, site2, port, procs, tag="site-02-rejoined")
        # The refusals ran while Flower waited out the dead site and while the rejoined one started: all before the
        # coordinator's restart, so its first log has them.
        seen["refusals"] = refusals.result(600)
        # 4. SIGTERM to the coordinator as soon as round 2 is recorded, whatever the sites are doing with round 3's
        # message (not timed around it any more): a site may be between pulling that message and confirming it,
        # which Flower 1.42's SuperNode alone turned into a stale reply blocking the resumed round until its
        # round-timeout; client/supernode_main.py drops such a message (tests/test_supernode_main.py), and the
        # resumed run must finish within this test's wait, far below the 900 s round-timeout.
        t0 = time.time()
        while len(_rounds(run_dir)) < 3:
            assert time.time() - t0 < 600 and srv.p.poll() is None, srv.text()[-3000:]
            time.sleep(0.2)
        srv.signal(signal.SIGTERM)
        seen["sigterm_rc"], seen["first_server"] = srv.wait(60), srv.text()
        seen["health_after_sigterm"] = _fetch(f"https://127.0.0.1:{port}/health", world["ca"])
        again = _server(world, "fed", procs, port, "fed-server-2.log")
        seen["restart_rc"], seen["second_server"] = again.wait(600), again.text()  # < round-timeout 900
        # 5. The run's end, as each site sees it.
        seen["rejoined_rc"], seen["rejoined"] = rejoined.wait(60), rejoined.text()
        wait_for(lambda: "waiting for the next run" in stays.text(), 60, stays)
        seen["stays_alive_after_end"] = stays.p.poll() is None
        stays.signal(signal.SIGTERM)
        seen["stays_rc"], seen["stays"] = stays.wait(60), stays.text()
        seen["health_at_end"] = _fetch(f"https://127.0.0.1:{port}/health", world["ca"])
        yield seen
    finally:
        for p in procs:
            p.kill()


def test_site_killed_mid_round_run_completes_with_the_other_and_it_rejoins(story):
    rounds = _rounds(story["run_dir"])
    assert [r["round"] for r in rounds] == [0, 1, 2, 3]
    assert rounds[1]["train_sites"] == ["site-01"]
    assert any(f.startswith("site-02: ") for f in rounds[1]["train_failures"]), rounds[1]  # named, with Flower's reason
    assert all("site-01" in r["train_sites"] for r in rounds[1:])  # it stayed through the other's crash
    assert "site-02" in rounds[3]["train_sites"], rounds[2:]  # the restarted site is back in a later round
    assert "train site-02: " in (story["run_dir"] / "report.md").read_text()
    # the rejoined site (--after-run exit) saw the run end and exited 0
    assert story["rejoined_rc"] == 0, story["rejoined"][-3000:]
    assert "has ended at the coordinator (finished:completed)" in story["rejoined"]


def test_unregistered_site_and_untrusted_connections_are_refused(story):
    seen = story["refusals"]
    # 1. An unenrolled key: refused, the site says what to do, the coordinator logs whom it refused.
    rc, text = seen["stranger"]
    assert rc == 3, text
    assert "does not know this site's key" in text and "add-site" in text
    assert seen["stranger_fp"] in story["first_server"]
    assert "refused a site with an unknown or removed key" in story["first_server"]
    # 2. Plain HTTP to the TLS port fails.
    assert isinstance(seen["plain_http"], (urllib.error.URLError, ConnectionError, OSError)), seen["plain_http"]
    # 3. A site that trusts another CA refuses the coordinator's certificate.
    assert isinstance(seen["other_ca"], urllib.error.URLError), seen["other_ca"]
    assert isinstance(seen["other_ca"].reason, ssl.SSLCertVerificationError)
    rc, text = seen["untrusted"]
    assert rc == 2 and "certificate" in text, text  # start runs the doctor's checks
    # 4. The fleet port does not serve run submission (Control API) or the API docs.
    for path, exc in seen["not_served"].items():
        assert isinstance(exc, urllib.error.HTTPError) and exc.code == 404, (path, exc)


def test_coordinator_restart_resumes_from_last_round(story):
    """SIGTERM stops the coordinator with its children; the same command again continues with the next
    round, and the sites (left running) reconnect on their own under their registered identities."""
    assert story["sigterm_rc"] == 130, story["first_server"][-3000:]
    assert "stopping" in story["first_server"]
    assert isinstance(story["health_after_sigterm"], OSError)  # nothing of it left listening
    assert story["restart_rc"] == 0, story["second_server"][-4000:]
    assert "resuming from" in story["second_server"]
    rounds = _rounds(story["run_dir"])
    assert [r["round"] for r in rounds] == [0, 1, 2, 3]  # round 3 only after the restart, no restart at 1
    assert sorted(rounds[3]["train_sites"]) == ["site-01", "site-02"]
    # no site's reply waited for the round-timeout (900 s): a stale reply of the stopped run blocks none
    assert rounds[3]["round_s"] < 450, rounds[3]["round_s"]
    assert "round 3: local epoch 1/1" in story["stays"], story["stays"][-3000:]  # the study's round, not Flower's 1
    assert "Test set `internal`" in (story["run_dir"] / "report.md").read_text()


def test_a_waiting_site_outlives_the_run_and_stops_on_sigterm(story):
    """--after-run wait: site-01 (never restarted) says the run ended and stays for the next one, then
    stops cleanly on SIGTERM, its SuperNode with it."""
    text = story["stays"]
    assert re.search(r"run \d+ has ended at the coordinator \(finished:completed\)", text), text[-2000:]
    assert story["stays_alive_after_end"], "the site should have survived the coordinator restart and the run's end"
    assert story["stays_rc"] == 0, text[-2000:]
    assert "stopping (SIGTERM)" in text
    assert isinstance(story["health_at_end"], OSError)


def test_one_resident_worker_per_site_start_serves_message_after_message_and_is_restarted(story, world):
    """The site's ClientApp is a resident worker (client.launcher run_worker), not a process per message:
    site-01 (never restarted) served the run's train messages (3, or 4 when round 3 had started before the
    coordinator's SIGTERM: the resumed run trains round 3 again) and the final evaluation with 2 worker
    processes, the second started by `client start` after the story SIGKILLed the first."""
    site1 = world["sites"][0]
    assert len(_worker_pids(site1)) == 2
    assert "the ClientApp worker exited (-9); restarting it" in story["stays"]
    log = (site1 / ".fedrad" / "logs" / "site.log").read_text()
    served = re.findall(r"timing run \d+ (train|evaluate) round \d+:", log)
    assert served.count("train") in (3, 4) and served.count("evaluate") == 1, served
    assert "resident ClientApp worker stopped after" in log  # SIGTERM at the end stopped it cleanly
    rounds = _rounds(story["run_dir"])
    assert all("site-01" in r.get("train_replies", {}) for r in rounds if r["round"] >= 2), rounds
