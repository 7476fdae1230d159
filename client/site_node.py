"""`fedrad client start`: a site's Flower SuperNode as a managed child, after checks that fail early.

The SuperNode executes the ClientApp of whatever run the coordinator submits, importing it from
the shipped FAB. fedrad's FAB is a shim that imports the *installed* `client` package, and the
ClientApp refuses runs made for another fedrad version (client.task.check_version): the site
runs the code its operator installed. The private key is read here and by the SuperNode only;
it is never copied, logged or sent (Flower signs requests with it).
"""

from __future__ import annotations

import json
import re
import signal
import ssl
import stat
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from fedrad.common import __version__
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


class SiteStartError(RuntimeError):
    """A problem the site operator must fix; the message says what and how."""


@dataclass(frozen=True)
class SiteCredentials:
    ca: Path | None  # None only with --insecure
    key: Path | None
    fingerprint: str = ""


def check_site_credentials(ca: str | None, key: str | None, *, insecure: bool) -> SiteCredentials:
    """CA and key usable by the SuperNode (and the key private to this account), or a clear error."""
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import load_ssh_private_key

    if insecure:
        if key:
            raise SiteStartError("--insecure cannot be combined with --key: Flower refuses site authentication "
                                 "without TLS")
        return SiteCredentials(None, None)
    if not ca or not key:
        raise SiteStartError("--ca (the federation's ca.crt from the coordinator) and --key (this site's private "
                             "key, made here with `fedrad certs site-key`) are required; --insecure only for a "
                             "local test")
    ca_path, key_path = Path(ca), Path(key)
    for p, what in ((ca_path, "CA certificate"), (key_path, "site private key")):
        if not p.is_file():
            raise SiteStartError(f"{what} {p} does not exist")
    try:
        cert = x509.load_pem_x509_certificate(ca_path.read_bytes())
        bc = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
        if not bc.ca:
            raise SiteStartError(f"{ca_path} is not a CA certificate (it is {cert.subject.rfc4514_string()}): "
                                 f"use the federation's ca.crt")
    except (ValueError, x509.ExtensionNotFound) as exc:
        raise SiteStartError(f"{ca_path} is not a PEM CA certificate ({exc})") from None
    mode = key_path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise SiteStartError(f"{key_path} is readable by other users (mode {stat.filemode(mode)}): "
                             f"run `chmod 600 {key_path}`")
    try:
        k = load_ssh_private_key(key_path.read_bytes(), None)
    except (ValueError, TypeError) as exc:
        raise SiteStartError(f"{key_path} is not an unencrypted OpenSSH private key ({exc}); create one with "
                             f"`fedrad certs site-key {key_path}`") from None
    if not isinstance(k, ec.EllipticCurvePrivateKey):
        raise SiteStartError(f"{key_path} is not an EC key (Flower accepts NIST EC keys only; P-384 via "
                             f"`fedrad certs site-key`)")
    return SiteCredentials(ca_path, key_path, private_key_fingerprint(key_path))


def server_version(server: str, ca: Path | None, *, timeout: float = 10.0) -> dict | None:
    """The coordinator's fedrad/flwr versions from its fleet proxy; None if it cannot be reached now."""
    scheme = "http" if ca is None else "https"
    ctx = None if ca is None else tls_context(ca)
    try:
        with urllib.request.urlopen(f"{scheme}://{server}/fedrad/version", timeout=timeout,  # noqa: S310
                                    context=ctx) as resp:
            return json.loads(resp.read().decode())
    except (urllib.error.URLError, OSError, ValueError) as exc:
        cause = getattr(exc, "reason", exc)
        if isinstance(cause, ssl.SSLCertVerificationError):
            raise SiteStartError(f"the coordinator at {server} presented a certificate the CA {ca} does not "
                                 f"vouch for ({cause.verify_message}); check --ca and the --server name") from None
        return None


def check_versions(remote: dict) -> None:
    import flwr

    theirs, ours = remote.get("fedrad"), __version__
    if theirs != ours:
        raise SiteStartError(f"the coordinator runs fedrad {theirs}, this site fedrad {ours}: install the same "
                             f"version on both sides")
    f_theirs, f_ours = str(remote.get("flwr", "")), flwr.__version__
    if f_theirs.split(".")[:2] != f_ours.split(".")[:2]:
        raise SiteStartError(f"the coordinator runs Flower {f_theirs}, this site Flower {f_ours}: they must share "
                             f"major.minor")


def supernode_command(server: str, site: Path, creds: SiteCredentials, port: int, *, insecure: bool,
                      max_wait: float | None = None) -> list[str]:
    cmd = ["flower-supernode", "--superlink", server, "--port", str(port),
           "--node-config", f'site-dir="{site.resolve()}"']
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
                  activation_patience: float = 150.0, console: Console | None = None) -> int:
    """Run the SuperNode until it exits, a fatal problem shows in its log, or we get SIGTERM/SIGINT.

    Network loss is Flower's to handle: the SuperNode reconnects on its own (unlimited retries)
    and, with a registered key, comes back under the same node id. One refusal is ours to handle:
    Flower refuses to activate a node it still believes online (a site that crashed, or stopped
    while the coordinator was down, stays "online" for up to 2 heartbeats = 60 s) with the same
    message as an unknown key. So an activation refusal is retried for `activation_patience`
    seconds before it is reported as a key problem.
    """
    console = console or Console()
    work = site / ".fedrad"
    env = flower_env(work / "flwr-home", threads=threads)
    log_path = work / "logs" / "supernode.log"
    stop = {"signal": None}

    def on_signal(signum, _frame):
        stop["signal"] = signum

    old = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
    first_refusal = None
    try:
        while True:
            outcome, text = _supervise(server, site, creds, insecure, env, log_path, stop, console)
            if outcome == "stopped":
                console.print(f"stopping ({signal.Signals(stop['signal']).name})")
                return 0
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


def _supervise(server: str, site: Path, creds: SiteCredentials, insecure: bool, env: dict, log_path: Path,
               stop: dict, console: Console) -> tuple[str, str]:
    """One SuperNode process: returns ("stopped" | "refused" | "fatal" | "exit N", this start's log text)."""
    start = log_path.stat().st_size if log_path.is_file() else 0  # the log is appended to: read only this start's part
    child = Child("flower-supernode", supernode_command(server, site, creds, free_port(), insecure=insecure), env,
                  log_path, cwd=site / ".fedrad")
    console.print(f"SuperNode started (pid {child.pid}), connecting to {server}; log {log_path}")

    def this_start() -> str:
        with open(log_path, "rb") as fh:
            fh.seek(start)
            return fh.read().decode(errors="replace")

    seen = 0
    try:
        while child.alive() and stop["signal"] is None:
            time.sleep(1)
            text = this_start()
            new, seen = text[seen:], len(text)
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
        child.stop()
