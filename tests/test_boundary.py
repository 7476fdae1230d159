"""Integration (issue 10): what leaves a hospital, with real processes on 127.0.0.1.

One coordinator (`fedrad server start --insecure`: the real SuperLink, fleet proxy, ServerApp) and
two sites (`fedrad client start --insecure`: the real SuperNode with fedrad's ClientApp launcher),
one of them in a folder named like a patient and with an image that fails inside training. While
the genuine run trains, two more runs are submitted to the same SuperLink with `flwr run`: a
shadowing FAB (the genuine shim plus its own `fedrad/` package) and a modified shim. Their
ServerApps record what came back. Shows: both refused with a fixed code and no site text, their
code never ran (no marker), the refusals logged and audited at the sites with the FAB's hash,
the genuine run trained, OPENAI_API_KEY never reached a ClientApp, the patient-like folder name
appears nowhere at the coordinator but in full in the site's log, the audit log verifies against
the coordinator's record, and every file under each site's .fedrad/ is owner-only.
"""

from __future__ import annotations

import json
import os
import re
import signal
import stat
import sys
from pathlib import Path

import pytest
from fedrad.client.audit import read as read_audit
from fedrad.common.fabshim import PACKAGE, write_app_dir
from fedrad.common.flowerproc import free_port, run_flwr
from fedrad.common.runconfig import RunConfig
from fedrad.server.coordinator import CONNECTION, CoordinatorHome
from fedrad.sim.synth import synthesize

from tests.test_deploy import Proc, _wait_for

# The world fixture runs inside the first test's limit: 9 min alone at load 3-10, longer at load 15-20.
pytestmark = [pytest.mark.integration, pytest.mark.timeout(1800)]
FEDRAD = str(Path(sys.executable).parent / "fedrad")
PATIENT = "Mueller_Hans_1957-03-12"
SECRET = "sk-boundary-test-secret-0123456789"

# A ServerApp of the attacker's FABs: send one train message to every node, write what came back.
EVIL_SERVER = '''
import json, time
from pathlib import Path
from flwr.app import ConfigRecord, Message, RecordDict
from flwr.serverapp import ServerApp

app = ServerApp()


@app.main()
def main(grid, context):
    nodes, t0 = [], time.time()
    while len(nodes) < 2 and time.time() - t0 < 300:
        nodes = list(grid.get_node_ids())
        time.sleep(1)
    got = {}
    # A SuperNode runs one ClientApp message at a time: at load 15 a refusal came back 100 s after it was sent,
    # behind the genuine run's training, and a reply later than the timeout is lost to this loop. The
    # coordinator is paused meanwhile (world fixture), so there is time.
    for _attempt in range(3):  # a message lost in transit on a loaded machine is sent again
        msgs = [Message(RecordDict({"config": ConfigRecord({"server-round": 1})}), dst_node_id=n,
                        message_type="train") for n in nodes if n not in got]
        for r in grid.send_and_receive(msgs, timeout=300) if msgs else []:
            got[r.metadata.src_node_id] = r
    out = [{"code": r.error.code, "reason": r.error.reason} if r.has_error() else {"content": list(r.content.keys())}
           for r in got.values()]
    Path(REPORT).write_text(json.dumps(out))
'''
MARKER_CODE = "from pathlib import Path\nPath({marker!r}).write_text('the shipped code ran')\n"


def _evil_apps(root: Path, marker: Path) -> dict[str, Path]:
    shadow = write_app_dir(root / "shadow")  # genuine shim + pyproject, plus a `fedrad/` package
    for pkg in ("fedrad", "fedrad/client", "fedrad/server"):
        (shadow / pkg).mkdir(parents=True, exist_ok=True)
        (shadow / pkg / "__init__.py").write_text("")
    (shadow / "fedrad/client/client_app.py").write_text(
        MARKER_CODE.format(marker=str(marker)) + "from flwr.clientapp import ClientApp\napp = ClientApp()\n")
    (shadow / "fedrad/server/server_app.py").write_text(f"REPORT = {str(root / 'shadow.json')!r}\n" + EVIL_SERVER)
    modified = write_app_dir(root / "modified")  # the shim's own files changed
    shim = modified / PACKAGE / "client_app.py"
    shim.write_text(MARKER_CODE.format(marker=str(marker)) + shim.read_text())
    (modified / PACKAGE / "server_app.py").write_text(f"REPORT = {str(root / 'modified.json')!r}\n" + EVIL_SERVER)
    return {"shadow": shadow, "modified": modified}


def _wait_running(run_id: int, env: dict, server: Proc, timeout: float = 300) -> None:
    def running() -> bool:
        res = run_flwr(["list", CONNECTION, "--run-id", str(run_id), "--format", "json"], env, timeout=60)
        runs = json.loads(res.stdout[res.stdout.find("{"):] or "{}").get("runs", [])
        status = str(runs[0].get("status", "")) if runs else ""
        return status == "running" or status.startswith("finished")
    # each `flwr list` is a Python process importing Flower (~2.5 s of CPU): ask every 5 s, not every second
    _wait_for(running, timeout, server, every=5)


def _corrupt_images(site: Path) -> int:
    """Make every image unreadable; the site starts with --image-size 0, so prepare does not look
    and the failure happens inside training (the situation of a site that skipped the check)."""
    n = 0
    for p in site.rglob("*"):
        if p.is_file() and p.suffix.lower() in (".png", ".dcm", ".jpg", ".jpeg") and ".fedrad" not in p.parts:
            p.write_bytes(b"not an image")
            n += 1
    return n


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    out = tmp_path_factory.mktemp("boundary")
    synthesize(out / "h", sites=2, studies_per_site=60, regions=("elbow",), external_site=False, seed=5,
               image_size=64, progress=False, workers=1)
    ok, patient = out / "h" / "sites" / "site-01", out / "h" / "sites" / PATIENT
    (out / "h" / "sites" / "site-02").rename(patient)
    assert _corrupt_images(patient) > 0
    run = RunConfig(image_size=32, batch_size=8, num_server_rounds=1, min_sites=2, site_wait=600,
                    round_timeout=300, arch="tiny", augment=False, max_train_studies=8)
    (out / "run.toml").write_text(run.to_toml())
    home, run_dir, port = out / "coordinator", out / "run", free_port()
    # In-memory SuperLink state: three runs writing a 95 MB model into SQLite at once lock it on a loaded
    # machine, and persistence is test_deploy's subject, not this one's.
    os.environ["FEDRAD_SUPERLINK_DATABASE"] = ":flwr-in-memory:"
    try:
        procs = [Proc(["server", "start", "--insecure", "--home", str(home), "--config", str(out / "run.toml"),
                       "--out", str(run_dir), "--listen", f"127.0.0.1:{port}"], out / "server.log", out)]
    finally:
        del os.environ["FEDRAD_SUPERLINK_DATABASE"]
    try:
        _wait_for(lambda: "submitted" in procs[0].text() or procs[0].p.poll() is not None, 120, procs[0])
        env = CoordinatorHome(home).env()
        genuine = int(re.search(r"run (\d+) submitted", procs[0].text()).group(1))
        # The attacker's runs go to the same SuperLink, one ServerApp start at a time (Flower gives a
        # launched process 30 s to check in, which a loaded machine can miss), before the sites join.
        marker = out / "MARKER"
        _wait_running(genuine, env, procs[0])
        for app in _evil_apps(out / "evil", marker).values():
            res = run_flwr(["run", str(app), CONNECTION, "--format", "json"], env, timeout=120)
            assert res.returncode == 0, (app.name, res.stdout, res.stderr)
            _wait_running(int(json.loads(res.stdout[res.stdout.find("{"):])["run-id"]), env, procs[0])
        # The coordinator stops its SuperLink (and with it the attacker's ServerApps) ~20 s after the genuine
        # one-round run ends, which on a loaded machine came before an attacker's ServerApp had its replies
        # (a lost message is only sent again after 90 s). Its own process is paused until both attacker
        # results are written: the SuperLink, fleet proxy and ServerApps are children in sessions of their own
        # and keep running; only its watch loop (run end, linger, shutdown) waits, and the sites (which learn
        # the run's end from it) stay connected meanwhile.
        coordinator = procs[0].p.pid
        os.kill(coordinator, signal.SIGSTOP)
        os.environ["OPENAI_API_KEY"] = SECRET  # in the sites' environment (Proc copies os.environ)
        try:
            for site, extra in ((ok, ["--image-size", "32"]), (patient, ["--image-size", "0"])):
                procs.append(Proc(["client", "start", "--insecure", "--server", f"127.0.0.1:{port}", "--site",
                                   str(site), "--threads", "1", *extra], out / f"{site.name}.log", out))
        finally:
            del os.environ["OPENAI_API_KEY"]
        try:
            for name in ("shadow", "modified"):
                _wait_for(lambda n=name: (out / "evil" / f"{n}.json").is_file(), 1200, procs[0])
        finally:
            os.kill(coordinator, signal.SIGCONT)
        rc = procs[0].wait(400)
        yield {"out": out, "ok": ok, "patient": patient, "home": home, "run_dir": run_dir, "rc": rc, "marker": marker,
               "server": procs[0], "sites": procs[1:]}
    finally:
        for p in procs:
            p.kill()


def test_shadowing_and_modified_fabs_are_refused_and_run_nothing(world):
    for name in ("shadow", "modified"):
        replies = json.loads((world["out"] / "evil" / f"{name}.json").read_text())
        assert replies == [{"code": 101, "reason": "fedrad:refused-fab"}] * 2, (name, replies)
    assert not world["marker"].exists(), "code shipped in a FAB ran"
    for site in (world["ok"], world["patient"]):
        refused = [r for r in read_audit(site) if r["kind"] == "refused-fab"]
        # one line per refused message: both attacker runs, each at least once (a loaded machine can
        # make the attacker's ServerApp send its message again)
        assert len({r["run"] for r in refused}) == 2 and all(len(r["fab_sha256"]) == 64 for r in refused), refused
        log = (site / ".fedrad" / "logs" / "site.log").read_text()
        for r in refused:
            assert f"REFUSED FAB sha256={r['fab_sha256']}" in log
        assert "unexpected file fedrad/client/client_app.py" in log
        assert f"changed file {PACKAGE}/client_app.py" in log


def test_genuine_run_trains_and_the_audit_log_matches_the_coordinator(world):
    assert world["rc"] == 0, world["server"].text()[-3000:]
    rounds = json.loads((world["run_dir"] / "history.json").read_text())["rounds"]
    assert len(rounds[1]["train_sites"]) == 1 and rounds[1]["train_examples"] > 0, rounds[1]
    assert [f.split(": ", 1)[1] for f in rounds[1]["train_failures"]] == ["fedrad:site-error ImageReadError"]
    import subprocess

    for site in (world["ok"], world["patient"]):
        res = subprocess.run([FEDRAD, "client", "audit", str(site), "--verify", str(world["run_dir"])],
                             capture_output=True, text=True)
        assert res.returncode == 0, res.stdout + res.stderr
    kinds = [(r["kind"], r["error"]) for r in read_audit(world["patient"]) if r["kind"] in ("train", "evaluate")]
    assert ("train", "fedrad:site-error ImageReadError") in kinds, kinds
    train = [r for r in read_audit(world["ok"]) if r["kind"] == "train"]
    assert len(train) == 1 and train[0]["arrays_bytes"] > 0 and set(train[0]["metrics"]) >= {"num-examples"}
    # The weights travel packed, one array per dtype (common.weights): what the site audited and the coordinator
    # recorded is that record; the launcher wrote where the message's seconds went (timing only, site log).
    history = json.loads((world["run_dir"] / "history.json").read_text())["rounds"][1]
    assert list(history["train_replies"].values())[0]["bytes"] == train[0]["arrays_bytes"]
    timing = re.findall(r"timing run \d+ train round 1: process start [\d.]+, imports [\d.]+ s, pull [\d.]+ s, "
                        r"answer [\d.]+ s, push [\d.]+ s, ML import wait [\d.]+ s",
                        (world["ok"] / ".fedrad" / "logs" / "site.log").read_text())
    assert len(timing) == 1, timing


def test_openai_key_and_coordinator_paths_never_reach_a_clientapp(world):
    log = (world["ok"] / ".fedrad" / "logs" / "site.log").read_text()
    env_lines = [ln for ln in log.splitlines() if "environment variables:" in ln]
    assert env_lines and all("PATH" in ln and "FEDRAD_SITE_DIR" in ln for ln in env_lines)
    assert not any("OPENAI_API_KEY" in ln for ln in env_lines)
    assert SECRET not in log and SECRET not in (world["ok"] / ".fedrad" / "logs" / "supernode.log").read_text()
    assert "'output-dir': ''" in env_lines[0] and str(world["run_dir"]) not in log


def _texts(root: Path):
    for p in root.rglob("*"):
        if p.is_file():
            yield p, p.read_bytes()


def test_patient_folder_name_stays_at_the_site(world):
    needle = PATIENT.encode()
    at_coordinator = [p for root in (world["home"], world["run_dir"]) for p, data in _texts(root) if needle in data]
    assert not at_coordinator, at_coordinator
    assert needle not in world["server"].log.read_bytes()
    site_log = (world["patient"] / ".fedrad" / "logs" / "site.log").read_text()
    assert PATIENT in site_log and "ImageReadError" in site_log


def test_site_files_are_owner_only(world):
    for site in (world["ok"], world["patient"]):
        work = site / ".fedrad"
        seen = set()
        for p in [work, *work.rglob("*")]:
            if p.is_symlink():
                continue
            mode = stat.S_IMODE(p.stat().st_mode)
            seen.add(p.name)
            want = 0o700 if p.is_dir() or p.parent.name == "bin" else 0o600
            assert mode == want, f"{p}: {oct(mode)}"
        assert {"supernode.log", "site.log", "audit.jsonl", "label-cache.sqlite", "flwr-clientapp"} <= seen, seen
