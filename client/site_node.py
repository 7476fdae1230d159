"""`fedrad client start`: a site's Flower SuperNode as a managed child, after checks that fail early.

Flower's SuperNode would import the ClientApp from whatever FAB the coordinator ships; here it
runs in `--isolation process` and a resident worker started and supervised here (client.launcher
run_worker: restarted when it dies, stopped with the site) serves its messages, accepting only the
installed fedrad's shim and running the installed ClientApp: the site runs the code its operator
installed, and imports it once per start instead of once per message.
The SuperNode's environment is an allowlist (common.flowerproc).
The private key is read here and by the SuperNode only;
it is never copied, logged or sent (Flower signs requests with it).
"""

from __future__ import annotations

import json
import os
import re
import signal
import ssl
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from fedrad.common.doctor import compare_versions
from fedrad.common.errors import FedradError
from fedrad.common.federation import AFTER_RUN, VERSION_PATH
from fedrad.common.flowerproc import Child, flower_env, free_port, tls_context
from fedrad.common.sshkeys import private_key_fingerprint
from rich.console import Console

# SuperNode log lines that mean "this will never work without the operator" (not a network blip).
FATAL_PATTERNS = {
    r"No SuperNode found with the given public key|Failed to activate SuperNode|(?i:not registered)"
    r"|PERMISSION_DENIED|(?i:unauthenticated)":
        "the coordinator refused this site's key (not enrolled, or removed): the coordinator does not know "
        "this site's key: send {pub} (fingerprint {fp}) to the coordinator, who runs "
        "`fedrad server add-site <name> {pubname}`; then start again",
    r"CERTIFICATE_VERIFY_FAILED|certificate verify failed":
        "the coordinator's certificate is not signed by {ca} (or does not name the host you dial): "
        "check the CA file and the --server name with `fedrad doctor --role site`",
    r"Unable to parse the private key": "{key} is not an unencrypted OpenSSH EC key: create one with "
                                        "`fedrad certs site-key {key}`",
}


class SiteStartError(FedradError, RuntimeError):
    """A problem the site operator must fix; the message says what and how."""


@dataclass(frozen=True)
class SiteCredentials:
    ca: Path | None  # None only with --insecure
    key: Path | None
    fingerprint: str = ""


def site_credentials(ca: Path | None, key: Path | None, *, insecure: bool) -> SiteCredentials:
    """The CA and key the SuperNode gets (absolute: the SuperNode runs in <site>/.fedrad). Whether they
    are usable is `fedrad doctor`'s check (client.doctor.site_checks), which `client start` runs first."""
    if insecure:
        if key:
            raise SiteStartError("--insecure cannot be combined with --key: Flower refuses site authentication "
                                 "without TLS")
        return SiteCredentials(None, None)
    if not ca or not key:
        raise SiteStartError("--ca (the federation's ca.crt from the coordinator) and --key (this site's private "
                             "key, made here with `fedrad certs site-key`) are required; --insecure only for a "
                             "local test")
    ca, key = Path(ca).absolute(), Path(key).absolute()
    fingerprint = private_key_fingerprint(key) if key.is_file() else ""
    return SiteCredentials(ca, key, fingerprint)


def server_version(server: str, ca: Path | None, *, timeout: float = 10.0) -> dict | None:
    """The coordinator's fleet proxy answer ({"fedrad", "flwr"[, "run"]}); None if it cannot be reached now."""
    scheme = "http" if ca is None else "https"
    ctx = None if ca is None else tls_context(ca)
    try:
        with urllib.request.urlopen(f"{scheme}://{server}{VERSION_PATH}", timeout=timeout,  # noqa: S310
                                    context=ctx) as resp:
            return json.loads(resp.read().decode())
    except (urllib.error.URLError, OSError, ValueError) as exc:
        cause = getattr(exc, "reason", exc)
        if isinstance(cause, ssl.SSLCertVerificationError):
            raise SiteStartError(f"the coordinator at {server} presented a certificate the CA {ca} does not "
                                 f"vouch for ({cause.verify_message}); check --ca and the --server name") from None
        return None


def version_problem(remote: dict) -> str | None:
    """The one version rule (common.doctor.compare_versions) applied to the proxy's answer; None if compatible."""
    check = compare_versions(str(remote.get("fedrad")), str(remote.get("flwr", "")))
    return f"{check.detail}: {check.fix}" if check.status == "fail" else None




class RunWatch:
    """What the site has seen of the coordinator: versions checked once it answers, and the runs this
    site took part in, so the end of such a run is told to the operator (and, with --after-run exit,
    ends `client start` with 0). Fed with the fleet proxy's answers and the SuperNode's log."""

    RUN_LINE = re.compile(r"\[RUN (\d+)")

    def __init__(self) -> None:
        self.versions_checked = False
        self.runs: set[int] = set()
        self.reported: set[int] = set()

    def saw_log(self, text: str) -> None:
        self.runs.update(int(m) for m in self.RUN_LINE.findall(text))

    def update(self, answer: dict | None) -> tuple[str, str] | None:
        """("version", message) on a mismatch; ("info", message) to print; ("finished", message) when a run
        this site took part in has ended at the coordinator; None otherwise."""
        if answer is None:
            return None
        if not self.versions_checked:
            self.versions_checked = True
            problem = version_problem(answer)
            if problem:
                return "version", problem
            return "info", f"coordinator reachable: fedrad {answer.get('fedrad')}, Flower {answer.get('flwr')}"
        run = answer.get("run") or {}
        try:
            run_id, status = int(run["id"]), str(run["status"])
        except (KeyError, TypeError, ValueError):
            return None
        if not status.startswith("finished"):
            if run_id not in self.runs:
                self.runs.add(run_id)
                return "info", f"run {run_id} is in progress at the coordinator ({status})"
            return None
        if run_id in self.runs and run_id not in self.reported:
            self.reported.add(run_id)
            return "finished", f"run {run_id} has ended at the coordinator ({status}); the coordinator holds the report"
        return None


def supernode_command(server: str, site: Path, creds: SiteCredentials, port: int, *, insecure: bool,
                      max_wait: float | None = None, worker_secret: Path | None = None) -> list[str]:
    """flower-supernode's command line. With `worker_secret` (a file only this site's start wrote) the SuperNode
    runs in `--isolation process`: it starts nothing itself, and ClientApp tasks on its local Runtime API are
    claimed, with that secret, by the resident worker `fedrad client start` supervises (client.launcher
    run_worker); without it, Flower's SuperExec starts one ClientApp process (client.launcher) per message."""
    # Flower's flower-supernode, dropping a message whose run stopped while it arrived (client.supernode_main);
    # -I: the site's installed fedrad and Flower only, nothing from the working folder or PYTHON* variables.
    cmd = [sys.executable, "-I", "-m", "fedrad.client.supernode_main", "--superlink", server, "--port", str(port),
           "--node-config", f'site-dir="{site.resolve()}"']
    if worker_secret is not None:
        cmd += ["--isolation", "process", "--superexec-auth-secret-file", str(worker_secret)]
    if insecure:
        cmd.append("--insecure")
    else:
        cmd += ["--root-certificates", str(creds.ca), "--auth-supernode-private-key", str(creds.key)]
    if max_wait:
        cmd += ["--max-wait-time", str(max_wait)]
    return cmd


def fatal_reason(log_text: str, creds: SiteCredentials) -> str | None:
    for pattern, message in FATAL_PATTERNS.items():
        if re.search(pattern, log_text):
            pub = f"{creds.key}.pub" if creds.key else "the .pub file"
            return message.format(pub=pub, pubname=Path(pub).name, fp=creds.fingerprint or "?", ca=creds.ca,
                                  key=creds.key)
    return None


ACTIVATION_REFUSED = "Failed to activate SuperNode"
SITE_LINE = "fedrad site:"  # prefix of client.task.say lines


def run_supernode(server: str, site: Path, creds: SiteCredentials, *, insecure: bool, threads: int = 0,
                  activation_patience: float = 150.0, after_run: str = "exit", console: Console | None = None) -> int:
    """Run the SuperNode until it exits, a fatal problem shows in its log, or we get SIGTERM/SIGINT.

    Network loss is Flower's to handle: the SuperNode reconnects on its own (unlimited retries)
    and, with a registered key, comes back under the same node id. One refusal is ours to handle:
    Flower refuses to activate a node it still believes online (a site that crashed, or stopped
    while the coordinator was down, stays "online" for up to 2 heartbeats = 60 s) with the same
    message as an unknown key. So an activation refusal is retried for `activation_patience`
    seconds before it is reported as a key problem.

    While it runs, the coordinator's fleet proxy is asked every few seconds what it runs: the first
    answer is checked for versions (also when this site started before the coordinator), and when
    a run this site took part in has ended, the site says so and exits 0 (`after_run="exit"`) or
    waits for the next run (`"wait"`).
    """
    if after_run not in AFTER_RUN:
        raise SiteStartError(f"--after-run must be one of {', '.join(AFTER_RUN)}, not '{after_run}'")
    watch = RunWatch()
    if console is None:
        from fedrad.common.clikit import make_console

        console = make_console()
    from fedrad.client.launcher import install_launcher
    from fedrad.common.sitefiles import work_dir

    work = work_dir(site)
    env = flower_env(work / "flwr-home", threads=threads, bin_dirs=[install_launcher(work)],
                     extra={"FEDRAD_SITE_DIR": str(site.resolve())})
    log_path = work / "logs" / "supernode.log"
    stop = {"signal": None}

    def on_signal(signum, _frame):
        stop["signal"] = signum

    old = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
    first_refusal = None
    try:
        while True:
            outcome, text = _supervise(server, site, creds, insecure, env, log_path, stop, console, watch,
                                       after_run)
            if outcome == "stopped":
                console.print(f"stopping ({signal.Signals(stop['signal']).name})")
                return 0
            if outcome == "run-finished":
                console.print("[green]the run has ended: this site's part is done; exiting[/green] (start again "
                              "for the next run, or use --after-run wait to stay connected)")
                return 0
            if outcome.startswith("version:"):
                console.print(f"[red]error:[/red] {outcome.removeprefix('version:')}", highlight=False)
                return 2
            if outcome == "exit 0" and not RunWatch.RUN_LINE.search(text):  # it never received a message
                # The fleet proxy answers an unenrolled key with 401 before Flower sees it, and the
                # SuperNode then ends "gracefully" (exit 0): for us that is an activation refusal.
                outcome = "refused"
                text += "\n" + ACTIVATION_REFUSED
            if outcome == "refused":
                first_refusal = first_refusal or time.monotonic()
                waited = time.monotonic() - first_refusal
                if waited < activation_patience:
                    console.print(f"[yellow]the coordinator refused to activate this site ({waited:.0f} s): its "
                                  f"key is not enrolled, or it still sees this site connected from an earlier "
                                  f"session (clears within about a minute); retrying[/yellow]", highlight=False)
                    for _ in range(10):
                        if stop["signal"] is not None:
                            return 0
                        time.sleep(1)
                    continue
            reason = fatal_reason(text, creds)
            if reason:
                console.print(f"[red]error:[/red] {reason}", highlight=False)
                return 3
            console.print(f"[red]SuperNode exited ({outcome})[/red]; see {log_path}")
            return 1
    finally:
        for s, h in old.items():
            signal.signal(s, h)


POLL_SECONDS = 2.0  # how often a running site asks the fleet proxy for versions and run status
# How a site runs its ClientApp: "resident" (default: one long-running worker process per site start, imports
# paid once) or "per-message" (Flower's SuperExec starts a fresh ClientApp process per message, as before
# issue 15's resident worker). Hidden setting for bench/deploy_round.py (variant s) to measure the difference.
CLIENTAPP_MODE_ENV = "FEDRAD_CLIENTAPP"
WORKER_RESTARTS = 5  # a worker that dies this many times within WORKER_RESTART_WINDOW s ends the site's start
WORKER_RESTART_WINDOW = 120.0


class Worker:
    """The site's resident ClientApp worker (client.launcher run_worker) as a supervised child: started
    after the SuperNode, restarted when it dies (a crash loses at most the message it was serving, which
    the coordinator sees as that site failing the round), stopped with the site. Its output goes to the
    SuperNode's log; what it serves goes to the site log, as a per-message ClientApp's did."""

    def __init__(self, work: Path, env: dict, runtime_port: int, log_path: Path, console: Console):
        import secrets

        from fedrad.client.launcher import SECRET_ENV, WORKER_FLAG
        from fedrad.common.fileio import write_bytes

        self.secret = work / "worker.secret"
        write_bytes(self.secret, secrets.token_bytes(32), perms=0o600)  # new per start: only this start's worker
        self.cmd = [sys.executable, "-I", "-m", "fedrad.client.launcher", WORKER_FLAG, f"127.0.0.1:{runtime_port}"]
        self.env = {**env, SECRET_ENV: str(self.secret)}
        self.log_path, self.cwd, self.console = log_path, work, console
        self.child: Child | None = None
        self.deaths: list[float] = []

    def start(self) -> None:
        self.child = Child("fedrad-clientapp-worker", self.cmd, self.env, self.log_path, cwd=self.cwd)

    def check(self) -> str | None:
        """Restart a dead worker; returns an error text when it keeps dying."""
        if self.child is None or self.child.alive():
            return None
        now = time.monotonic()
        self.deaths = [t for t in self.deaths if now - t < WORKER_RESTART_WINDOW] + [now]
        code = self.child.proc.returncode
        self.child.stop()
        if len(self.deaths) >= WORKER_RESTARTS:
            return (f"the ClientApp worker died {len(self.deaths)} times within {WORKER_RESTART_WINDOW:.0f} s "
                    f"(last exit {code}); see {self.log_path}")
        self.console.print(f"[yellow]the ClientApp worker exited ({code}); restarting it[/yellow]", highlight=False)
        self.start()
        return None

    def stop(self) -> None:
        if self.child is not None:
            self.child.stop()
        self.secret.unlink(missing_ok=True)


def _supervise(server: str, site: Path, creds: SiteCredentials, insecure: bool, env: dict, log_path: Path,
               stop: dict, console: Console, watch: RunWatch, after_run: str) -> tuple[str, str]:
    """One SuperNode process: returns ("stopped" | "refused" | "fatal" | "run-finished" | "version:MSG" |
    "exit N", this start's log text)."""
    start = log_path.stat().st_size if log_path.is_file() else 0  # the log is appended to: read only this start's part
    port = free_port()
    worker = None
    if os.environ.get(CLIENTAPP_MODE_ENV, "resident") != "per-message":
        worker = Worker(site / ".fedrad", env, port, log_path, console)
    child = Child("flower-supernode", supernode_command(server, site, creds, port, insecure=insecure,
                                                        worker_secret=worker and worker.secret), env,
                  log_path, cwd=site / ".fedrad")
    console.print(f"SuperNode started (pid {child.pid}), connecting to {server}; log {log_path}")
    if worker is not None:
        worker.start()

    def this_start() -> str:
        with open(log_path, "rb") as fh:
            fh.seek(start)
            return fh.read().decode(errors="replace")

    seen = 0
    last_poll = 0.0
    try:
        while child.alive() and stop["signal"] is None:
            time.sleep(1)
            if worker is not None and (problem := worker.check()):
                console.print(f"[red]error:[/red] {problem}", highlight=False)
                return "exit worker", this_start()
            text = this_start()
            new, seen = text[seen:], len(text)
            watch.saw_log(new)
            if time.monotonic() - last_poll >= POLL_SECONDS:
                last_poll = time.monotonic()
                try:
                    event = watch.update(server_version(server, creds.ca, timeout=3.0))
                except SiteStartError as exc:  # the certificate changed under us: the SuperNode reports it too
                    event = ("info", str(exc))
                if event is not None:
                    kind, message = event
                    if kind == "version":
                        return f"version:{message}", text
                    console.print(message, highlight=False, markup=False, emoji=False)
                    if kind == "finished":
                        if after_run == "exit":
                            return "run-finished", text
                        console.print("waiting for the next run (Ctrl-C to stop)")
            for line in new.splitlines():
                if SITE_LINE in line:  # client.task.say: local epochs and what was sent
                    console.print(f"  {line[line.index(SITE_LINE) + len(SITE_LINE):].strip()}", highlight=False,
                                  markup=False)
                elif any(k in line for k in ("ERROR", "WARNING", "Received", "Connected", "Starting", "activated")):
                    console.print(f"  {line.strip()}", highlight=False, markup=False)
            if ACTIVATION_REFUSED in new:
                return "refused", text
            if fatal_reason(new, creds):
                return "fatal", text
        if stop["signal"] is not None:
            return "stopped", this_start()
        text = this_start()
        return ("refused" if ACTIVATION_REFUSED in text else f"exit {child.proc.returncode}"), text
    finally:
        if worker is not None:
            worker.stop()
        child.stop()
