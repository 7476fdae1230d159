"""README's "Deploy across hospitals" block, run as written on 127.0.0.1: if README and the product
drift apart, this fails. The same federation shows what leaves a hospital (the site boundary, issue 10).

The commands come from README.md between `<!-- deploy:begin -->` and `<!-- deploy:end -->`. Only the
host name, the port and the data folders are substituted (fl.hospital-net.org and 0.0.0.0 ->
127.0.0.1, 8443 -> a free port, /srv/fedrad, /opt/fedrad and /data/hospital-X -> folders under
tmp_path holding `fedrad sim synth` hospitals), and the run config the block writes gets the
test-sized model (`arch = "tiny"`, 32 px, one round) and min-sites 3 (README's two hospitals and the
boundary's third site below). What a person does by hand is done here the way README says: `# CARRY
SRC -> DEST` copies, `# EDIT` resolves the review file's uncertain rows. A section whose header says
"hospital-b: the same with its own names" runs for hospital-a, then again with hospital-b's names.
`server start` / `client start` run in the background; the test waits for the coordinator's fleet
proxy before the next command, and for every background process before a section that starts none
(the report).

Everything is one real federation: TLS, site keys enrolled from the .pub files, relative --ca/--key
from the site's folder, an external test set exported with --split all after a label review.

The site boundary, in the same federation (it was tests/test_boundary.py's own insecure federation; one
federation instead of two saves a coordinator, two sites and their ClientApp messages, issue 14):

- a third site, enrolled as hospital-d, lives in a folder named like a patient and its images are
  unreadable; it starts with --image-size 0, so its site pipeline does not look and the failure happens
  inside training (a site that skipped the check). The coordinator records a fixed code only, the
  folder's name appears nowhere at the coordinator, in full in the site's own log;
- once the genuine run is running, two more runs are submitted to the same SuperLink with `flwr run`: a
  shadowing FAB (the genuine shim plus its own `fedrad/` package) and a modified shim. Their ServerApps
  record what came back from the three sites: refused with a fixed code and no site text, their code
  never ran (no marker), the refusals logged and audited at each site with the FAB's hash;
- OPENAI_API_KEY is in every site's environment and never reaches a ClientApp; the sites' audit logs
  verify against the coordinator's record; every file under a site's .fedrad/ is owner-only.

The fixture runs all of it once; each test reads one part.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import torch
from fedrad.client.audit import read as read_audit
from fedrad.client.sitekey import create_site_key
from fedrad.common import __version__
from fedrad.common.device import seed_everything
from fedrad.common.fabshim import PACKAGE, write_app_dir
from fedrad.common.flowerproc import free_port, run_flwr
from fedrad.common.model import build_model, load_checkpoint
from fedrad.common.runconfig import RunConfig
from fedrad.server.coordinator import CONNECTION, DEFAULT_HOME, CoordinatorHome
from fedrad.sim.synth import synthesize

from tests.procs import Background, Proc, wait_for

# The walk-through's fixture runs inside the first test's time limit: README's part alone took 870 s at load 21.
pytestmark = [pytest.mark.integration, pytest.mark.timeout(2700)]
ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LONG_RUNNING = ("fedrad server start", "fedrad client start")
# The only changes to README's run.toml: a test-sized model and run, a lost reply fails in minutes, not in an hour,
# and min-sites 3 so that round 1 waits for the boundary's third site too.
TEST_RUN = {"arch": "tiny", "image-size": 32, "num-server-rounds": 1, "round-timeout": 300, "min-sites": 3}
SAME_FOR_B = "hospital-b: the same with its own names"

# The site boundary's third site (module docstring).
PATIENT = "Mueller_Hans_1957-03-12"
BOUNDARY_SITE = "hospital-d"  # its enrolled name; the folder's name is PATIENT
SECRET = "sk-boundary-test-secret-0123456789"
N_SITES = 3

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
    while len(nodes) < N_SITES and time.time() - t0 < 900:  # README's sites start after their doctor checks
        nodes = list(grid.get_node_ids())
        time.sleep(1)
    got = {}
    # A SuperNode runs one ClientApp message at a time: at load 15 a refusal came back 100 s after it was sent,
    # behind the genuine run's training, and a reply later than the timeout is lost to this loop. The
    # coordinator is paused meanwhile (walkthrough fixture), so there is time.
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
    head = f"N_SITES = {N_SITES}\nREPORT = {{report!r}}\n"
    shadow = write_app_dir(root / "shadow")  # genuine shim + pyproject, plus a `fedrad/` package
    for pkg in ("fedrad", "fedrad/client", "fedrad/server"):
        (shadow / pkg).mkdir(parents=True, exist_ok=True)
        (shadow / pkg / "__init__.py").write_text("")
    (shadow / "fedrad/client/client_app.py").write_text(
        MARKER_CODE.format(marker=str(marker)) + "from flwr.clientapp import ClientApp\napp = ClientApp()\n")
    (shadow / "fedrad/server/server_app.py").write_text(head.format(report=str(root / "shadow.json")) + EVIL_SERVER)
    modified = write_app_dir(root / "modified")  # the shim's own files changed
    shim = modified / PACKAGE / "client_app.py"
    shim.write_text(MARKER_CODE.format(marker=str(marker)) + shim.read_text())
    (modified / PACKAGE / "server_app.py").write_text(head.format(report=str(root / "modified.json")) + EVIL_SERVER)
    return {"shadow": shadow, "modified": modified}


def _wait_running(run_id: int, home: CoordinatorHome, server: Proc, timeout: float = 300) -> None:
    """Until the run's ServerApp has checked in: the SuperLink logs "Started task T of run R" when it moves the
    task to running (Flower 1.42, runtime_handlers.pull_task_input), what `flwr list` would then show as
    running. Reading the coordinator's SuperLink log costs nothing; each `flwr list` was a Python process
    importing Flower (~2.5 s of CPU), asked every 5 s."""
    log, started = home.logs / "superlink.log", re.compile(rf"Started task \d+ of run {run_id}\b")
    wait_for(lambda: log.is_file() and started.search(log.read_text(errors="replace")), timeout, server)


def _corrupt_images(site: Path) -> int:
    """Make every image unreadable; the site starts with --image-size 0, so prepare does not look
    and the failure happens inside training (the situation of a site that skipped the check)."""
    n = 0
    for p in site.rglob("*"):
        if p.is_file() and p.suffix.lower() in (".png", ".dcm", ".jpg", ".jpeg") and ".fedrad" not in p.parts:
            p.write_bytes(b"not an image")
            n += 1
    return n


@dataclass
class Section:
    header: str
    lines: list[str] = field(default_factory=list)


def deploy_block(readme: Path = ROOT / "README.md") -> list[Section]:
    """README's deployment block as sections (`# == ...` headers), heredocs kept as one command."""
    text = readme.read_text(encoding="utf-8")
    m = re.search(r"<!-- deploy:begin -->\s*```bash\n(.*?)```\s*<!-- deploy:end -->", text, re.S)
    assert m, "README.md has no <!-- deploy:begin --> ```bash ... ``` <!-- deploy:end --> block"
    sections: list[Section] = []
    lines = iter(m.group(1).splitlines())
    for line in lines:
        if line.startswith("# =="):
            sections.append(Section(line))
            continue
        if not line.strip():
            continue
        assert sections, f"README deploy block: a command before the first '# ==' section header: {line}"
        if (here := re.search(r"<<'?(\w+)'?", line)) and not line.lstrip().startswith("#"):
            body = [line]
            for more in lines:
                body.append(more)
                if more.strip() == here.group(1):
                    break
            line = "\n".join(body)
        sections[-1].lines.append(line)
    return sections


def resolve_review(path: Path) -> int:
    """What the radiologist does in README's `# EDIT` step: decide every uncertain row (here: false)."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    val, ver = header.index("labeler_value"), header.index("verified")
    n = 0
    for r in rows[1:]:
        if r and r[val] == "uncertain":
            r[ver] = "false"
            n += 1
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)
    return n


def _attack(server: Proc, home: Path, evil: Path, marker: Path) -> None:
    """The attacker's two runs, submitted to the coordinator's SuperLink once the genuine run is running, one
    ServerApp start at a time (Flower gives a launched process 30 s to check in, which a loaded machine can miss).

    The coordinator's own process is paused (SIGSTOP) as soon as it has submitted the genuine run, before anything
    else: it stops its SuperLink (and the attacker's ServerApps with it) ~20 s after the genuine one-round run
    ends, which on a loaded machine came before an attacker's ServerApp had its replies. The SuperLink, fleet proxy
    and ServerApps run in sessions of their own and go on; only its watch loop (run end, linger, shutdown) waits,
    and the sites (which learn the run's end from it) stay connected meanwhile. The walkthrough fixture resumes
    it (SIGCONT) once both attacker results are written."""
    wait_for(lambda: "submitted" in server.text() or server.p.poll() is not None, 120, server)
    assert server.p.poll() is None, server.text()[-4000:]
    server.signal(signal.SIGSTOP)
    coordinator = CoordinatorHome(home)
    env = coordinator.env()
    genuine = int(re.search(r"run (\d+) submitted", server.text()).group(1))
    _wait_running(genuine, coordinator, server)
    for app in _evil_apps(evil, marker).values():
        res = run_flwr(["run", str(app), CONNECTION, "--format", "json"], env, timeout=120)
        assert res.returncode == 0, (app.name, res.stdout, res.stderr)
        _wait_running(int(json.loads(res.stdout[res.stdout.find("{"):])["run-id"]), coordinator, server)


@pytest.fixture(scope="module")
def walkthrough(tmp_path_factory):
    """README's block as written, with the boundary's third site and attacker runs (module docstring)."""
    t0 = time.monotonic()
    tmp_path = tmp_path_factory.mktemp("readme_deploy")
    sections = deploy_block()
    synth = tmp_path / "synth"
    r = subprocess.run([str(BIN / "fedrad"), "sim", "synth", str(synth), "--sites", "2", "--studies-per-site", "24",
                        "--image-size", "64", "--dicom-fraction", "0.1", "--regions", "elbow"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    # The boundary's third site: a folder named like a patient, every image unreadable, its own key.
    synthesize(tmp_path / "d", sites=1, studies_per_site=30, regions=("elbow",), external_site=False, seed=5,
               image_size=32, progress=False, workers=1)
    patient = (tmp_path / "d" / "sites" / "site-01").rename(tmp_path / "d" / "sites" / PATIENT)
    assert _corrupt_images(patient) > 0
    d_key = tmp_path / "opt-d" / "keys" / BOUNDARY_SITE
    create_site_key(d_key)
    port = free_port()
    folders = {"/srv/fedrad": tmp_path / "srv", "/opt/fedrad": tmp_path / "opt",
               "/data/hospital-a": synth / "sites" / "site-01", "/data/hospital-b": synth / "sites" / "site-02",
               "/data/hospital-c": synth / "sites" / "external"}

    def substitute(text: str) -> str:
        text = text.replace("fl.hospital-net.org", "127.0.0.1").replace("0.0.0.0", "127.0.0.1")
        text = re.sub(r"(?<=:)8443\b", str(port), text)
        for readme_path, here in folders.items():
            text = re.sub(re.escape(readme_path) + r"(?=[/\s'\"]|$)", str(here), text)
        return text

    env = {k: v for k, v in os.environ.items() if k != "FEDRAD_COORDINATOR_HOME"}
    env.update(PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}", FEDRAD_TORCH_THREADS="1", COLUMNS="200",
               # SuperLink state in memory: this federation is never restarted (persistence is tests/test_deploy.py's)
               FEDRAD_SUPERLINK_DATABASE=":flwr-in-memory:")
    site_env = {**env, "OPENAI_API_KEY": SECRET}  # in the sites' environment, as in an operator's shell
    cwd = tmp_path
    outputs: list[str] = []
    procs: list[Proc] = []
    server: Proc | None = None
    sites: list[Proc] = []
    evil = tmp_path / "evil"
    marker = tmp_path / "MARKER"
    paused = False
    attacker: Background | None = None
    started_in_previous = False
    try:
        for section in sections:
            runs = [section.lines]
            if SAME_FOR_B in section.header:
                runs.append([line.replace("hospital-a", "hospital-b") for line in section.lines])
            starts_here = any(line.startswith(LONG_RUNNING) for line in section.lines)
            if started_in_previous and not starts_here:
                assert server is not None and attacker is not None
                try:  # the attacker runs end before the coordinator may shut its SuperLink down
                    attacker.result(600)
                    for name in ("shadow", "modified"):
                        wait_for(lambda n=name: (evil / f"{n}.json").is_file(), 1200, server)
                finally:
                    server.signal(signal.SIGCONT)
                    paused = False
                assert server.wait(1200) == 0, server.text()[-4000:]  # 600 s ran out at load 20 (round 4.9 min)
                for s in sites:
                    assert s.wait(120) == 0, s.text()[-4000:]
            started_in_previous = starts_here
            for lines in runs:
                for raw in lines:
                    line = substitute(raw)
                    if line.startswith("# CARRY"):
                        src, arrow, dest = line.split()[2:5]
                        assert arrow == "->", line
                        src_p, dest_p = Path(src), Path(dest)
                        assert src_p.exists(), f"README: {raw}: nothing at {src_p}"
                        dest_p.parent.mkdir(parents=True, exist_ok=True)
                        (shutil.copytree if src_p.is_dir() else shutil.copy2)(src_p, dest_p)
                        continue
                    if line.startswith("# EDIT"):
                        review = cwd / line.split()[2].rstrip(":")
                        assert review.is_file(), f"README: {raw}: no {review}"
                        resolve_review(review)
                        continue
                    if line.startswith("#"):
                        continue
                    if line.startswith("cd "):
                        cwd = Path(shlex.split(line)[1])
                        assert cwd.is_dir(), line
                        continue
                    if line.startswith(LONG_RUNNING):
                        name = "server" if line.startswith("fedrad server") else f"site-{len(sites)}"
                        # README's line, run by bash
                        proc = Proc(line, tmp_path / f"{name}.log", cwd, env=env if name == "server" else site_env)
                        procs.append(proc)
                        if name != "server":
                            sites.append(proc)
                            continue
                        server = proc
                        t_wait = time.monotonic()
                        while "sites connect to" not in proc.text():
                            assert proc.p.poll() is None, f"`{line}` exited:\n{proc.text()[-4000:]}"
                            assert time.monotonic() - t_wait < 180, proc.text()[-4000:]
                            time.sleep(0.2)
                        # The attacker (pausing the coordinator first, see _attack) works in the background while
                        # README's sites run their checks and join: its Flower calls and ServerApp start-ups
                        # would otherwise hold up the sites for a minute (issue 14, the suite's wall time).
                        paused = True
                        attacker = Background(_attack, server, folders["/srv/fedrad"] / DEFAULT_HOME, evil, marker)
                        procs.append(Proc(["client", "start", "--site", str(patient), "--server", f"127.0.0.1:{port}",
                                           "--ca", str(folders["/opt/fedrad"] / "ca.crt"), "--key", str(d_key),
                                           "--image-size", "0", "--threads", "1"],
                                          tmp_path / f"{BOUNDARY_SITE}.log", tmp_path, env=site_env))
                        continue
                    res = subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True,
                                         timeout=600)
                    assert res.returncode == 0, f"README command failed ({res.returncode}): {raw}\n" \
                                                f"{res.stdout[-3000:]}\n{res.stderr[-3000:]}"
                    outputs.append(res.stdout)
                    if "run.toml <<" in line:  # the test-sized run: the one change to README's run config
                        cfg_path = cwd / "run.toml"
                        cfg = {**tomllib.loads(cfg_path.read_text()), **TEST_RUN}
                        cfg_path.write_text("".join(f"{k} = {json.dumps(v)}\n" for k, v in cfg.items()))
                        # the boundary's third site is enrolled like the others (before the coordinator's checks)
                        shutil.copy2(f"{d_key}.pub", cwd / f"{BOUNDARY_SITE}.pub")
                        res = subprocess.run(["bash", "-c", f"fedrad server add-site {BOUNDARY_SITE} "
                                              f"{BOUNDARY_SITE}.pub"], cwd=cwd, env=env, capture_output=True,
                                             text=True, timeout=120)
                        assert res.returncode == 0, res.stdout + res.stderr
        print(f"README deployment block with the boundary's site and attackers: {time.monotonic() - t0:.0f} s")  # noqa: T201
        yield {"tmp": tmp_path, "folders": folders, "outputs": outputs, "server": server, "sites": sites,
               "run_dir": folders["/srv/fedrad"] / "runs" / "elbow-1", "ok": folders["/data/hospital-a"],
               "b": folders["/data/hospital-b"], "patient": patient, "evil": evil, "marker": marker}
    finally:
        if paused and server is not None:
            server.signal(signal.SIGCONT)
        for p in procs:
            p.kill()
        if attacker is not None:
            attacker.thread.join(60)  # its Flower calls end with the SuperLink


def test_readme_deploy_block_runs_as_written(walkthrough):
    """What README says each role sees at the end."""
    w = walkthrough
    server, sites, run_dir = w["server"], w["sites"], w["run_dir"]
    assert server is not None and len(sites) == 2, "README must start one coordinator and two sites"
    report = (run_dir / "report.md").read_text()
    assert "Test set `hospital-c`" in report and report in w["outputs"][-1]
    assert f"report: {run_dir / 'report.md'}" in server.text().replace("\n", "")
    history = json.loads((run_dir / "history.json").read_text())
    assert [r["round"] for r in history["rounds"]] == [0, 1]
    assert sorted(history["rounds"][1]["train_sites"]) == ["hospital-a", "hospital-b"]  # names from add-site
    model, _, ckpt = load_checkpoint(run_dir / "checkpoints" / "last.pt")
    assert ckpt["extra"]["server_round"] == 1 and ckpt["extra"]["run_config"]["fedrad-version"] == __version__
    cfg = RunConfig.from_toml(w["folders"]["/srv/fedrad"] / "run.toml")
    assert cfg.arch == "tiny"
    seed_everything(cfg.seed)
    initial = build_model(cfg.model_config()).state_dict()
    changed = [k for k, v in model.state_dict().items() if v.is_floating_point() and not torch.equal(v, initial[k])]
    assert changed, "FedAvg over the two sites should have changed the global weights"
    for s in sites:
        text = s.text()
        assert re.search(r"run \d+ has ended at the coordinator \(finished:completed\)", text), text[-3000:]
        assert "exiting" in text
    # The relative --ca/--key reached the SuperNode as absolute paths (the bug: relative to <site>/.fedrad).
    assert (w["folders"]["/opt/fedrad"] / "keys" / "hospital-a").is_file()


# The site boundary (was tests/test_boundary.py, its own --insecure federation of two sites).

def test_shadowing_and_modified_fabs_are_refused_and_run_nothing(walkthrough):
    w = walkthrough
    for name in ("shadow", "modified"):
        replies = json.loads((w["evil"] / f"{name}.json").read_text())
        assert replies == [{"code": 101, "reason": "fedrad:refused-fab"}] * N_SITES, (name, replies)
    assert not w["marker"].exists(), "code shipped in a FAB ran"
    for site in (w["ok"], w["b"], w["patient"]):
        refused = [r for r in read_audit(site) if r["kind"] == "refused-fab"]
        # one line per refused message: both attacker runs, each at least once (a loaded machine can
        # make the attacker's ServerApp send its message again)
        assert len({r["run"] for r in refused}) == 2 and all(len(r["fab_sha256"]) == 64 for r in refused), refused
        log = (site / ".fedrad" / "logs" / "site.log").read_text()
        for r in refused:
            assert f"REFUSED FAB sha256={r['fab_sha256']}" in log
        assert "unexpected file fedrad/client/client_app.py" in log
        assert f"changed file {PACKAGE}/client_app.py" in log


def test_genuine_run_trains_and_the_audit_log_matches_the_coordinator(walkthrough):
    w = walkthrough
    rounds = json.loads((w["run_dir"] / "history.json").read_text())["rounds"]
    assert len(rounds[1]["train_sites"]) == 2 and rounds[1]["train_examples"] > 0, rounds[1]
    assert rounds[1]["train_failures"] == [f"{BOUNDARY_SITE}: fedrad:site-error ImageReadError"], rounds[1]
    for site in (w["ok"], w["patient"]):
        res = subprocess.run([str(BIN / "fedrad"), "client", "audit", str(site), "--verify", str(w["run_dir"])],
                             capture_output=True, text=True)
        assert res.returncode == 0, res.stdout + res.stderr
    kinds = [(r["kind"], r["error"]) for r in read_audit(w["patient"]) if r["kind"] in ("train", "evaluate")]
    assert ("train", "fedrad:site-error ImageReadError") in kinds, kinds
    train = [r for r in read_audit(w["ok"]) if r["kind"] == "train"]
    assert len(train) == 1 and train[0]["arrays_bytes"] > 0 and set(train[0]["metrics"]) >= {"num-examples"}
    # The weights travel packed, one array per dtype (common.weights): what the site audited and the coordinator
    # recorded is that record; the launcher wrote where the message's seconds went (timing only, site log).
    assert rounds[1]["train_replies"]["hospital-a"]["bytes"] == train[0]["arrays_bytes"], rounds[1]["train_replies"]
    timing = re.findall(r"timing run \d+ train round 1: process start [\d.]+, imports [\d.]+ s, pull [\d.]+ s, "
                        r"answer [\d.]+ s, push [\d.]+ s, ML import wait [\d.]+ s",
                        (w["ok"] / ".fedrad" / "logs" / "site.log").read_text())
    assert len(timing) == 1, timing


def test_openai_key_and_coordinator_paths_never_reach_a_clientapp(walkthrough):
    w = walkthrough
    log = (w["ok"] / ".fedrad" / "logs" / "site.log").read_text()
    env_lines = [ln for ln in log.splitlines() if "environment variables:" in ln]
    assert env_lines and all("PATH" in ln and "FEDRAD_SITE_DIR" in ln for ln in env_lines)
    assert not any("OPENAI_API_KEY" in ln for ln in env_lines)
    assert SECRET not in log and SECRET not in (w["ok"] / ".fedrad" / "logs" / "supernode.log").read_text()
    assert "'output-dir': ''" in env_lines[0] and str(w["run_dir"]) not in log


def _texts(root: Path):
    for p in root.rglob("*"):
        if p.is_file():
            yield p, p.read_bytes()


def test_patient_folder_name_stays_at_the_site(walkthrough):
    w = walkthrough
    needle = PATIENT.encode()
    # the whole coordinator side: its home, the run folder, the test sets, the enrolled keys, run.toml
    at_coordinator = [p for p, data in _texts(w["folders"]["/srv/fedrad"]) if needle in data]
    assert not at_coordinator, at_coordinator
    assert needle not in w["server"].log.read_bytes()
    site_log = (w["patient"] / ".fedrad" / "logs" / "site.log").read_text()
    assert PATIENT in site_log and "ImageReadError" in site_log


def test_site_files_are_owner_only(walkthrough):
    w = walkthrough
    for site in (w["ok"], w["patient"]):
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
