"""`fedrad server start`: the coordinator's Flower SuperLink, its fleet-only front door, and one run.

Process tree (all children in their own process groups, stopped on Ctrl-C/SIGTERM):

    fedrad server start
    ├── flower-superlink  (server.superlink_main) 127.0.0.1:<internal>, TLS, SuperNode auth, SQLite state
    │     └── flower-superexec -> flwr-serverapp (server.server_app via the FAB shim)
    └── python -m fedrad.server.fleet_proxy  on the public HOST:PORT, forwards only /v1/fleet/*

Flower 1.42 serves run submission and node registration (the Control API, unauthenticated in
open-source Flower) on the same port as the sites' Fleet API; binding the SuperLink to loopback
and exposing only the fleet routes through the proxy means nobody on the network can submit
code or enrol a node. Run submission and site registration go through the `flwr` CLI on the
loopback port, from this machine only.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

from fedrad.common import __version__
from fedrad.common.clikit import make_console
from fedrad.common.errors import FedradError
from fedrad.common.federation import DEFAULT_LISTEN, VERSION_PATH, dial_host, parse_host_port, write_run_status
from fedrad.common.fileio import strip_ansi_file, write_json, write_text
from fedrad.common.flowerproc import Child, ChildError, flower_env, free_port, run_flwr, wait_health, write_connection
from fedrad.common.runconfig import COORDINATOR_RUN_ENV, RunConfig
from fedrad.server.progress import Follower
from rich.console import Console

CONNECTION = "fedrad"  # the flwr CLI connection name written into our FLWR_HOME
# The run's end is signalled by its log stream (`flwr log --stream` exits with the run): `flwr list` is asked
# then, and only as a fallback while the stream is open (each `flwr list` is a new Python process importing
# Flower, ~2 CPU-s: at 30 s they were ~26 CPU-s of a 2-round deployment run). After the stream ended without
# the run being finished (a broken stream), it is asked every STATUS_RETRY_S, not at every 3 s loop turn.
STATUS_POLL_S = 120.0
STATUS_RETRY_S = 10.0


def status_due(since_last_s: float, stream_ended: bool, asked_after_end: bool) -> bool:
    """Should the coordinator ask `flwr list` for the run's status now? (see STATUS_POLL_S)"""
    if stream_ended and not asked_after_end:
        return True
    return since_last_s >= (STATUS_RETRY_S if stream_ended else STATUS_POLL_S)
# Flower settings of the coordinator's processes (SuperLink, its SuperExec, the ServerApp), from py-spy profiles
# of bench/deploy_round.py (README "Where a deployment round's seconds go"); an operator's own FLWR_* value wins:
# - the SuperExec asks the SuperLink for a task to launch every FLWR_SUPEREXEC_TASK_POLL_INTERVAL seconds (1 s by
#   default, flwr/supercore/superexec/run_superexec.py) for the whole run, though the coordinator's only task is
#   the run's one ServerApp; each ask is SQLite reads and writes in the SuperLink (~25 s of its busy wall time per
#   2-round run at 1 s). 5 s delays the ServerApp's start by at most 5 s, once per run.
# - the ServerApp cuts every Array it sends into FLWR_PRIVATE_MAX_ARRAY_CHUNK_SIZE pieces (5 MiB,
#   flwr/app/message/array.py), each one object: one upload to the SuperLink and one download by each site, each
#   with the SuperLink's per-request work (TLS, node signature, run-status and traffic rows in SQLite) and the fleet
#   proxy's. 16 MiB: ~7 objects instead of ~21 per 94 MB message. Only the coordinator's sends: the sites' replies
#   keep 5 MiB objects, which the fleet proxy's request cap is measured for (server.fleet_proxy MAX_REQUEST_BODY).
COORDINATOR_FLOWER = {"FLWR_SUPEREXEC_TASK_POLL_INTERVAL": "5", "FLWR_PRIVATE_MAX_ARRAY_CHUNK_SIZE": str(16 << 20)}


def coordinator_flower_settings() -> dict[str, str]:
    """COORDINATOR_FLOWER, except where the operator's environment sets the variable."""
    return {k: v for k, v in COORDINATOR_FLOWER.items() if k not in os.environ}


HOME_ENV = "FEDRAD_COORDINATOR_HOME"
DEFAULT_HOME = "fedrad-coordinator"
RUN_END_LINGER = 20.0  # seconds the fleet proxy stays up after a run, so connected sites see that it ended


class CoordinatorError(FedradError, RuntimeError):
    """Something the operator must fix before the coordinator can run (message says what)."""


@dataclass(frozen=True)
class CoordinatorHome:
    """The coordinator's folder (layout documented in README "Deploy across hospitals")."""

    root: Path

    @property
    def certs(self) -> Path:
        return self.root / "certs"

    @property
    def ca(self) -> Path:
        return self.certs / "ca.crt"

    @property
    def cert(self) -> Path:
        return self.certs / "server.pem"

    @property
    def key(self) -> Path:
        return self.certs / "server.key"

    @property
    def sites(self) -> Path:
        return self.root / "sites.toml"

    @property
    def db(self) -> Path:
        return self.root / "superlink.db"

    @property
    def flwr_home(self) -> Path:
        return self.root / "flwr-home"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def state(self) -> Path:
        return self.root / "server.json"

    @property
    def coordinator_run(self) -> Path:
        """The coordinator-only settings of the current run (server.server_app.coordinator_settings)."""
        return self.root / "run-coordinator.json"

    @property
    def run_status(self) -> Path:
        """The current run's id and status, which the fleet proxy tells the sites (common.federation)."""
        return self.root / "run-status.json"

    def env(self) -> dict[str, str]:
        return flower_env(self.flwr_home, extra={COORDINATOR_RUN_ENV: str(self.coordinator_run),
                                                 **coordinator_flower_settings()})

    def flwr(self):
        """A `flwr` CLI runner bound to this coordinator's FLWR_HOME (connection `fedrad`)."""
        env = self.env()
        return lambda args, timeout=120.0: run_flwr(args, env, timeout=timeout, cwd=self.root)

    def running(self) -> dict | None:
        """server.json of a live `fedrad server start`, else None (a stale file is ignored)."""
        if not self.state.is_file():
            return None
        info = json.loads(self.state.read_text())
        try:
            Path(f"/proc/{int(info['pid'])}").stat()
        except (OSError, KeyError, ValueError):
            return None
        return info


def home_path(home: str | os.PathLike | None = None) -> tuple[Path, str]:
    """The coordinator home every command uses, and where that came from: --home, else
    $FEDRAD_COORDINATOR_HOME, else ./fedrad-coordinator in the current folder."""
    if home:
        return Path(home).absolute(), "--home"
    if os.environ.get(HOME_ENV):
        return Path(os.environ[HOME_ENV]).absolute(), f"${HOME_ENV}"
    return Path(DEFAULT_HOME).absolute(), "./fedrad-coordinator in the current folder"


def missing_home_fix() -> str:
    return (f"run the command in the folder that holds {DEFAULT_HOME}/ (where `fedrad certs init-ca` ran), or name "
            f"the home: --home DIR, or export {HOME_ENV}=DIR; a new federation starts with `fedrad certs init-ca`")


def find_home(home: str | os.PathLike | None = None, *, create: bool = False) -> CoordinatorHome:
    """The coordinator home (see home_path). Only `certs init-ca` (and `server start --insecure`) create one:
    every other command refuses a missing home rather than start a second, empty federation."""
    root, source = home_path(home)
    if not root.is_dir():
        if not create:
            raise CoordinatorError(f"no coordinator home at {root} (from {source}); nothing was created. Fix: "
                                   f"{missing_home_fix()}")
        root.mkdir(parents=True, exist_ok=True)
    return CoordinatorHome(root)


def start_superlink(home: CoordinatorHome, port: int, *, insecure: bool) -> Child:
    """Flower's SuperLink with its LinkState (runs, nodes, message metadata) in HOME/superlink.db
    (SQLite) and the message payloads in memory (server.superlink_main). All in memory was tried and
    reverted: running SuperNodes exit instead of activating again after a coordinator restart
    (tests/test_deploy.py's restart test, issue 15); all in SQLite writes every message's model
    through SQLite (most of a deployment round's overhead, bench/deploy_round.py variant a0).
    FEDRAD_SUPERLINK_DATABASE (hidden, for bench/deploy_round.py) overrides the --database path, e.g.
    `:flwr-in-memory:`; FEDRAD_SUPERLINK_PAYLOADS=sqlite keeps the payloads in the database too."""
    database = os.environ.get("FEDRAD_SUPERLINK_DATABASE") or str(home.db)
    program = (["flower-superlink"] if os.environ.get("FEDRAD_SUPERLINK_PAYLOADS") == "sqlite"
               else [sys.executable, "-m", "fedrad.server.superlink_main"])
    cmd = [*program, "--host", "127.0.0.1", "--port", str(port), "--database", database,
           "--disable-runtime-dependency-installation", "--log-file", str(home.logs / "superlink.log")]
    if insecure:
        cmd.append("--insecure")  # SuperNode authentication needs TLS: without it any node may join
    else:
        cmd += ["--ssl-ca-certfile", str(home.ca), "--ssl-certfile", str(home.cert), "--ssl-keyfile", str(home.key),
                "--enable-supernode-auth"]
    child = Child("flower-superlink", cmd, home.env(), home.logs / "superlink.out", cwd=home.root)
    scheme = "http" if insecure else "https"
    wait_health(f"{scheme}://127.0.0.1:{port}/health", ca_file=None if insecure else home.ca, timeout=90,
                child=child)
    return child


def start_proxy(home: CoordinatorHome, listen: str, upstream_port: int, *, insecure: bool) -> Child:
    host, port = parse_host_port(listen)
    scheme = "http" if insecure else "https"
    cmd = [sys.executable, "-m", "fedrad.server.fleet_proxy", "--listen", listen,
           "--upstream", f"{scheme}://127.0.0.1:{upstream_port}", "--log-file", str(home.logs / "fleet-proxy.log"),
           "--status-file", str(home.run_status)]
    if not insecure:
        cmd += ["--certfile", str(home.cert), "--keyfile", str(home.key), "--ca-file", str(home.ca),
                "--sites", str(home.sites)]
    else:  # Flower lets any node join an --insecure SuperLink; the proxy still checks signatures and timestamps
        cmd.append("--open-enrolment")
    child = Child("fleet proxy", cmd, home.env(), home.logs / "fleet-proxy.out", cwd=home.root)
    wait_health(f"{scheme}://{dial_host(host)}:{port}{VERSION_PATH}", ca_file=None if insecure else home.ca, timeout=60,
                child=child)
    return child


def prepare_run(cfg: RunConfig, out: Path) -> RunConfig:
    """Absolute output folder, this fedrad's version, and resume from the last round if interrupted."""
    from fedrad.server.recorder import LAST, load_history

    out = out.resolve()
    cfg = replace(cfg, output_dir=str(out), fedrad_version=__version__)  # test sets: server.doctor.check_run_config
    done = len(load_history(out)["rounds"]) - 1 if (out / "history.json").is_file() else 0
    if (out / LAST).is_file():
        if (out / "report.md").is_file() and done >= cfg.num_server_rounds:
            raise CoordinatorError(f"{out} already holds a finished run ({done} rounds); choose another --out")
        cfg = replace(cfg, resume_from=str(out / LAST))
    return cfg


def submit(home: CoordinatorHome, cfg: RunConfig) -> int:
    from fedrad.server.flwr_app import write_app_dir

    app_dir = write_app_dir(home.root / "app")
    out = Path(cfg.output_dir)
    out.mkdir(parents=True, exist_ok=True)
    # What every site receives: no coordinator paths, no site names (RunConfig.COORDINATOR_ONLY);
    # those reach only this coordinator's ServerApp, through a file beside it.
    write_json(home.coordinator_run, cfg.coordinator_only())
    overrides = out / "submitted-run-config.toml"
    write_text(overrides, cfg.for_sites().to_toml())
    res = home.flwr()(["run", str(app_dir), CONNECTION, "--run-config", str(overrides), "--format", "json"])
    try:
        data = json.loads(res.stdout[res.stdout.find("{"):])
    except (json.JSONDecodeError, ValueError):
        data = {}
    if res.returncode != 0 or not data.get("success"):
        raise CoordinatorError(f"flwr run failed: {data.get('error-message') or (res.stderr or res.stdout)[-800:]}")
    return int(data["run-id"])


def run_status(home: CoordinatorHome, run_id: int) -> str:
    """Flower's status of the run, or "unknown" (asked again at the next poll) when `flwr list` did not answer
    within its timeout: a slow status query on a loaded machine, or one that spanned a pause of this process
    (tests/test_readme_deploy.py SIGSTOPs it during the boundary scenario), must not end the coordinator and
    with it the run."""
    try:
        res = home.flwr()(["list", CONNECTION, "--run-id", str(run_id), "--format", "json"], timeout=60)
    except subprocess.TimeoutExpired:
        return "unknown"
    try:
        runs = json.loads(res.stdout[res.stdout.find("{"):]).get("runs", [])
    except (json.JSONDecodeError, ValueError):
        return "unknown"
    return str(runs[0].get("status", "unknown")) if runs else "unknown"


def _follow_log(home: CoordinatorHome, run_id: int, log_path: Path) -> subprocess.Popen:
    """`flwr log --stream` into the run folder's flower.log: Flower's own chatter stays off the terminal
    (the per-round lines come from server.progress)."""
    log = open(log_path, "a")  # noqa: SIM115 - the child owns it until it exits
    try:
        return subprocess.Popen(["flwr", "log", str(run_id), CONNECTION, "--stream"], env=home.env(), stdout=log,
                                stderr=subprocess.STDOUT, text=True, start_new_session=True)
    finally:
        log.close()


REFUSED_KEY = re.compile(r"public key: b'(-----BEGIN PUBLIC KEY-----.*?-----END PUBLIC KEY-----)\\n', "
                         r"exception: No SuperNode found with the given public key")


PROXY_REFUSED_KEY = re.compile(r"key not enrolled \((SHA256:[A-Za-z0-9+/]+)\)")


def refused_keys(log_text: str) -> list[str]:
    """Fingerprints of site keys the SuperLink refused (unknown or removed), from its log.

    Flower logs the refused key as PEM; we print the same SHA256 fingerprint `fedrad certs site-key`
    showed the site operator, so a refusal can be matched to a hospital by phone.
    """
    from cryptography.hazmat.primitives import serialization
    from fedrad.common.sshkeys import ssh_fingerprint

    out = PROXY_REFUSED_KEY.findall(log_text)  # the fleet proxy refuses unknown keys before Flower sees them
    for pem in REFUSED_KEY.findall(log_text):
        try:
            key = serialization.load_pem_public_key(pem.replace("\\n", "\n").encode())
            out.append(ssh_fingerprint(key.public_bytes(serialization.Encoding.OpenSSH,
                                                        serialization.PublicFormat.OpenSSH)))
        except (ValueError, TypeError):
            out.append("(unparsable key)")
    return out


def print_summary(out: Path, console: Console) -> None:
    """Best round, test-set macro AUCs and the sites that were missing, from the written report."""
    from rich.table import Table

    rep = json.loads((out / "report.json").read_text())
    best = rep.get("best", {})
    t = Table("test set", "studies", "macro AUC", "range", title=f"best round {best.get('round')} "
              f"(sites' validation weighted AUC {best.get('metric', float('nan')):.3f})")
    for name, res in rep.get("test_sets", {}).items():
        s = res.get("summary", {})
        t.add_row(name, str(res.get("n_studies")), f"{s.get('macro_auc', float('nan')):.3f}",
                  f"{s.get('min_auc', float('nan')):.2f}-{s.get('max_auc', float('nan')):.2f}")
    console.print(t if rep.get("test_sets") else f"best round {best.get('round')}; no test sets configured "
                  f"(run config test-sets): the report has the sites' validation metrics only")
    for r in rep.get("rounds", []):
        missing = ([f"{s}: not connected" for s in r.get("offline_sites", [])] + r.get("train_failures", [])
                   + r.get("eval_failures", []))
        if missing:
            console.print(f"  round {r.get('round')}: missing {'; '.join(missing)}", highlight=False)


def serve(home: CoordinatorHome, cfg: RunConfig, out: Path, *, listen: str = DEFAULT_LISTEN,
          insecure: bool = False, console: Console | None = None) -> int:
    """Start everything, run one federated training to the end, stop everything. Returns an exit code.

    The caller has run the coordinator's checks (server.doctor.server_checks; `fedrad server start` does
    and stops on a failure): certificates, enrolled sites, the public port, the run config's test sets.
    When the run ends, the fleet proxy stays up RUN_END_LINGER seconds so the connected sites learn it.
    """
    from fedrad.server.sites import read_sites, reconcile

    console = console or make_console()
    home.root.mkdir(parents=True, exist_ok=True)
    home.logs.mkdir(parents=True, exist_ok=True)
    if home.running():
        raise CoordinatorError(f"another `fedrad server start` is running from {home.root} (see {home.state})")
    if insecure:
        console.print("[bold red]WARNING: --insecure: no TLS and no site authentication. Anyone who can reach "
                      f"{listen} can join and read the model. Use only for a local test.[/bold red]")
    cfg = prepare_run(cfg, out)
    internal = free_port()
    write_connection(home.flwr_home, CONNECTION, f"127.0.0.1:{internal}", ca_file=None if insecure else home.ca,
                     insecure=insecure)
    children: list[Child] = []
    stop = {"signal": None}

    def on_signal(signum, _frame):
        stop["signal"] = signum
        raise KeyboardInterrupt

    old = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
    run_id = None
    follower = None
    rounds_follower = None
    try:
        console.rule("fedrad coordinator")
        children.append(start_superlink(home, internal, insecure=insecure))
        console.print(f"SuperLink: 127.0.0.1:{internal} (loopback only), state {home.db}")
        if not insecure:
            for line in reconcile(home.sites, home.flwr()):
                console.print(f"  {line}")
        home.run_status.unlink(missing_ok=True)  # an earlier run's end is not this run's
        children.append(start_proxy(home, listen, internal, insecure=insecure))
        console.print(f"sites connect to: {listen} (fleet API only{'' if insecure else ', TLS'})")
        write_json(home.state, {"pid": __import__("os").getpid(), "public": listen, "internal-port": internal,
                                "started": time.time(), "output": str(out.resolve())})
        if cfg.resume_from:
            console.print(f"resuming from {cfg.resume_from}")
        cfg = replace(cfg, enrolled_sites=",".join(f"{s.name}={s.node_id}" for s in read_sites(home.sites).values()
                                                   if s.node_id))
        run_id = submit(home, cfg)
        write_run_status(home.run_status, run_id, "running")
        console.print(f"run {run_id} submitted: {cfg.num_server_rounds} rounds, {cfg.strategy}, policy {cfg.policy}, "
                      f"min {cfg.min_sites} site(s); output {cfg.output_dir}")
        follower = _follow_log(home, run_id, Path(cfg.output_dir) / "flower.log")
        rounds_follower = Follower(Path(cfg.output_dir), lambda t: console.print(f"  {t}", highlight=False,
                                                                                 markup=False, soft_wrap=True)).start()
        status, last_poll, asked_after_end = "unknown", time.monotonic(), False
        logs = {p: (p.stat().st_size if p.is_file() else 0)
                for p in (home.logs / "superlink.log", home.logs / "fleet-proxy.log")}
        while True:
            for c in children:
                c.check_alive()
            for log, pos in list(logs.items()):
                if not log.is_file():
                    continue
                with open(log, "rb") as fh:
                    fh.seek(pos)
                    chunk = fh.read().decode(errors="replace")
                    logs[log] = fh.tell()
                for fp in refused_keys(chunk):
                    console.print(f"[yellow]refused a site with an unknown or removed key {fp}[/yellow] "
                                  f"(enrolled keys: `fedrad server list-sites`)", highlight=False)
            ended = follower.poll() is not None  # the log stream ends with the run (STATUS_POLL_S)
            if status_due(time.monotonic() - last_poll, ended, asked_after_end):
                status, last_poll, asked_after_end = run_status(home, run_id), time.monotonic(), ended
                if status.startswith("finished"):
                    break
            time.sleep(3)
        write_run_status(home.run_status, run_id, status)
        console.print(f"run {run_id} {status}; telling the connected sites ({RUN_END_LINGER:.0f} s)")
        time.sleep(RUN_END_LINGER)  # also lets the log pump catch the last lines
        rounds_follower.stop()
        report = Path(cfg.output_dir) / "report.md"
        if status == "finished:completed" and report.is_file():
            print_summary(Path(cfg.output_dir), console)
            console.print(f"[green]run {run_id} finished[/green]; report: {report}")
            return 0
        console.print(f"[red]run {run_id} ended with status {status}[/red]; Flower log: "
                      f"{Path(cfg.output_dir) / 'flower.log'}")
        return 1
    except KeyboardInterrupt:
        console.print(f"[yellow]stopping ({signal.Signals(stop['signal']).name if stop['signal'] else 'interrupt'})"
                      f"; the next start with the same --out resumes from the last finished round[/yellow]")
        if run_id is not None and children and children[0].alive():
            home.flwr()(["stop", str(run_id), CONNECTION], timeout=30)
        return 130
    except ChildError as exc:
        raise CoordinatorError(str(exc)) from None
    finally:
        if rounds_follower is not None:
            rounds_follower.stop()
        if follower is not None:
            if follower.poll() is None:
                follower.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired, OSError):
                follower.wait(timeout=10)
                strip_ansi_file(Path(cfg.output_dir) / "flower.log")
        for c in reversed(children):
            c.stop()
        home.state.unlink(missing_ok=True)
        home.run_status.unlink(missing_ok=True)
        for s, h in old.items():
            signal.signal(s, h)
