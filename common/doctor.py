"""`fedrad doctor`: checks that say what is wrong with a machine's setup and how to fix it.

Role-independent checks live here (versions, Flower's executables, accelerator, disk, TLS to
the coordinator); the site and coordinator checks live in client.doctor and server.doctor and
return the same `Check` records, so one renderer and one exit-code rule serve both roles.
Checks never raise for a broken setup: a broken setup is exactly what they report. Nothing
here writes a file.
"""

from __future__ import annotations

import datetime as dt
import http.client
import importlib.metadata
import json
import os
import platform
import shutil
import socket
import ssl
import sys
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from fedrad.common import __version__
from fedrad.common.federation import VERSION_PATH, parse_host_port  # noqa: F401 - parse_host_port: re-exported

Status = Literal["ok", "warn", "fail"]
FLOWER_EXECUTABLES = ("flower-superlink", "flower-supernode", "flower-superexec", "flwr")
DISK_WARN_GB = 20.0
DISK_FAIL_GB = 2.0
EXPIRY_WARNING_DAYS = 30
MIN_PYTHON = (3, 11)

# OpenSSL X509_V_ERR_* codes that ssl.SSLCertVerificationError.verify_code carries.
_NOT_YET_VALID, _EXPIRED = 9, 10
_NAME_MISMATCH = {62, 64}  # hostname, IP address
_UNTRUSTED = {2, 18, 19, 20, 21, 27}


@dataclass(frozen=True)
class Check:
    """One finding. `fix` says what to do; empty when there is nothing to do."""

    name: str
    status: Status
    detail: str
    fix: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def ok(name: str, detail: str) -> Check:
    return Check(name, "ok", detail)


def warn(name: str, detail: str, fix: str = "") -> Check:
    return Check(name, "warn", detail, fix)


def fail(name: str, detail: str, fix: str = "") -> Check:
    return Check(name, "fail", detail, fix)


def guarded(name: str, fn: Callable[..., list[Check]], *args, **kwargs) -> list[Check]:
    """Run a group of checks; an unexpected exception becomes a failed check instead of a traceback,
    so one odd file does not hide every other finding."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - the doctor must report, not crash
        return [fail(name, f"check crashed: {type(exc).__name__}: {exc}",
                     "unexpected state; please report this together with the detail")]


def exit_code(checks: Iterable[Check]) -> int:
    """0 unless something failed: warnings are advice, not errors."""
    return 1 if any(c.status == "fail" for c in checks) else 0


def render(checks: list[Check], console=None, *, title: str = "fedrad doctor") -> None:
    """A table (status, check, detail, fix) and a one-line summary; fingerprints and paths stay whole
    (people compare them), never markup or emoji, plain tab-separated text to a pipe or file."""
    from fedrad.common.clikit import make_console, print_table

    console = console or make_console()
    print_table(("status", "check", "detail", "fix"), [(c.status.upper(), c.name, c.detail, c.fix) for c in checks],
                title=title, con=console)
    n = {s: sum(1 for c in checks if c.status == s) for s in ("ok", "warn", "fail")}
    console.print(f"{n['ok']} ok, {n['warn']} warning(s), {n['fail']} failure(s)", markup=False)


def gate(checks: list[Check], console, *, doctor: str) -> bool:
    """A role's start runs its doctor's checks: prints every warning and failure (never truncated)
    and returns True if start must stop. `doctor` is the command that shows the full table."""
    bad = [c for c in checks if c.status != "ok"]
    for c in bad:
        color = "red" if c.status == "fail" else "yellow"
        console.print(f"[{color}]{c.status.upper()}[/{color}] {c.name}: {c.detail}", highlight=False, soft_wrap=True)
        if c.fix:
            console.print(f"      fix: {c.fix}", highlight=False, markup=False, soft_wrap=True)
    failed = exit_code(checks) != 0
    if failed:
        console.print(f"[red]error:[/red] {sum(c.status == 'fail' for c in checks)} check(s) failed; nothing "
                      f"started (the same checks with details: {doctor})", highlight=False, soft_wrap=True)
    return failed


# --- installation ------------------------------------------------------------------------

def installed_version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def check_versions() -> list[Check]:
    out = []
    py = ".".join(map(str, sys.version_info[:3]))
    if sys.version_info[:2] < MIN_PYTHON:
        need = ".".join(map(str, MIN_PYTHON))
        out.append(fail("python", f"{py} ({sys.executable})", f"fedrad needs Python >= {need}"))
    else:
        out.append(ok("python", f"{py} ({sys.executable})"))
    out.append(ok("fedrad", __version__))
    flwr = installed_version("flwr")
    if flwr is None:
        out.append(fail("flwr", "not installed", "pip install 'flwr==1.42.*' (fedrad is built for Flower 1.42)"))
    elif not flwr.startswith("1.42."):
        out.append(fail("flwr", f"{flwr}; fedrad is built for 1.42", "pip install 'flwr==1.42.*'"))
    else:
        out.append(ok("flwr", flwr))
    torch = installed_version("torch")
    out.append(ok("torch", torch) if torch else fail("torch", "not installed", "pip install torch (see PyTorch's "
                                                                               "install page for your GPU)"))
    return out


def check_flower_executables(names: Iterable[str] = FLOWER_EXECUTABLES) -> list[Check]:
    """Flower's SuperLink and SuperNode start `flower-superexec` by bare name: fedrad puts this
    Python's bin folder first on PATH for them, so the executables must be there (else
    FileNotFoundError 'flower-superexec', or another Flower install runs)."""
    name = "flower executables"
    names = list(names)
    bindir = Path(sys.executable).parent
    missing = [n for n in names if not (bindir / n).is_file()]
    if missing:
        return [fail(name, f"{', '.join(missing)} not found in {bindir}",
                     f"reinstall flwr into this environment: {sys.executable} -m pip install 'flwr==1.42.*'")]
    where = f"{', '.join(names)} in {bindir}"
    found = {n: shutil.which(n) for n in names}
    elsewhere = [f"{n} -> {f}" for n, f in found.items()
                 if f is not None and Path(f).resolve() != (bindir / n).resolve()]
    # fedrad puts bindir first on PATH for the Flower processes it starts; PATH only matters when
    # an operator runs Flower's commands by hand, so this is a note, not a warning.
    if elsewhere:
        return [ok(name, f"{where}; note: in this shell PATH finds another Flower first ({'; '.join(elsewhere)})")]
    if any(f is None for f in found.values()):
        return [ok(name, f"{where}; note: that folder is not on this shell's PATH (fedrad adds it for Flower)")]
    return [ok(name, where)]


def check_accelerator() -> list[Check]:
    import torch

    if torch.cuda.is_available():
        names = [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())]
        return [ok("accelerator", f"CUDA {torch.version.cuda}: {', '.join(names)}")]
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return [ok("accelerator", f"Apple MPS ({platform.machine()})")]
    return [warn("accelerator", f"no CUDA GPU or Apple MPS: CPU only ({os.cpu_count()} cores, "
                                f"torch {torch.__version__})",
                 "training ResNet50 on the CPU is slow: expect hours per round at full image size; "
                 "use a GPU machine or a smaller image-size")]


def check_disk(path: str | os.PathLike, *, name: str = "disk space", warn_gb: float = DISK_WARN_GB,
               fail_gb: float = DISK_FAIL_GB) -> list[Check]:
    """Free space where fedrad will write (image cache, checkpoints); a path that does not exist yet
    is measured at its nearest existing parent."""
    p = Path(path).absolute()
    while not p.exists() and p != p.parent:
        p = p.parent
    free = shutil.disk_usage(p).free / 1e9
    detail = f"{free:,.1f} GB free at {p}"
    if free < fail_gb:
        return [fail(name, detail, f"free space: fedrad needs at least {fail_gb:g} GB (image cache, checkpoints)")]
    if free < warn_gb:
        return [warn(name, detail, f"less than {warn_gb:g} GB free: the image cache and checkpoints may fill it")]
    return [ok(name, detail)]


# --- certificates -------------------------------------------------------------------------

def check_ca_file(path: str | os.PathLike, *, name: str = "CA certificate",
                  warn_days: int = EXPIRY_WARNING_DAYS) -> list[Check]:
    """The federation CA file: a PEM certificate that is a CA and valid for a while yet."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    p = Path(path)
    fix = "get ca.crt from the coordinator (made by `fedrad certs init-ca`) and compare its fingerprint"
    try:
        cert = x509.load_pem_x509_certificate(p.read_bytes())
    except FileNotFoundError:
        return [fail(name, f"{p} not found", fix)]
    except (OSError, ValueError) as exc:
        return [fail(name, f"{p}: not a PEM certificate ({exc})", fix)]
    try:
        is_ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_ca = False
    fp = "SHA256:" + cert.fingerprint(hashes.SHA256()).hex(":").upper()
    if not is_ca:
        return [fail(name, f"{p} is a certificate but not a CA ({cert.subject.rfc4514_string()})",
                     "use the federation's ca.crt, not the server certificate")]
    return [_expiry_check(name, p, cert.not_valid_before_utc, cert.not_valid_after_utc, warn_days,
                          f"{cert.subject.rfc4514_string()}; {fp}",
                          "the coordinator must make a new CA and every site needs the new ca.crt")]


def _expiry_check(name: str, path: Path, not_before: dt.datetime, not_after: dt.datetime, warn_days: int,
                  what: str, renew: str) -> Check:
    now = dt.datetime.now(dt.UTC)
    days = (not_after - now).total_seconds() / 86400
    if now < not_before:
        return fail(name, f"{path} is not valid before {not_before:%Y-%m-%d %H:%M} UTC", "check this machine's clock")
    if days < 0:
        return fail(name, f"{path} EXPIRED on {not_after:%Y-%m-%d}", renew)
    if days < warn_days:
        return warn(name, f"{path} expires in {days:.0f} days ({not_after:%Y-%m-%d}); {what}", renew)
    return ok(name, f"{path}: {what}; valid until {not_after:%Y-%m-%d}")


# --- connectivity -------------------------------------------------------------------------

def check_tls(host: str, port: int, ca_file: str | os.PathLike, *, timeout: float = 5.0) -> list[Check]:
    """A real TLS handshake to the coordinator, verified against the federation CA and the name
    dialled (what the SuperNode does), then `GET /fedrad/version` on the same connection.

    Each way this fails points to a different fix (firewall, wrong CA file, certificate issued
    for another name, expired certificate, a server that is not fedrad's fleet proxy), so the
    failures are told apart.
    """
    where = f"{host}:{port}"
    name = f"TLS {where}"
    try:
        ctx = ssl.create_default_context(cafile=str(ca_file))
    except (OSError, ssl.SSLError) as exc:
        return [fail(name, f"cannot load CA file {ca_file}: {exc}", "pass the federation's ca.crt with --ca")]
    try:
        raw = socket.create_connection((host, port), timeout=timeout)
    # Not reachable *now* is a warning: a site may start before the coordinator (its SuperNode keeps
    # trying, and checks the versions once the coordinator answers). A name that does not resolve is
    # a typo until proven otherwise: that fails.
    except ConnectionRefusedError:
        return [warn(name, f"connection refused: nothing listens on {where} now",
                     "is `fedrad server start` running there, on this port? (a site may start first: "
                     "`fedrad client start` keeps trying)")]
    except socket.gaierror as exc:
        return [fail(name, f"cannot resolve '{host}': {exc.strerror or exc}", "check the host name in --server")]
    except TimeoutError:
        return [warn(name, f"no answer from {where} within {timeout:g} s",
                     "if the coordinator runs, a firewall is probably dropping the connection: ask IT to allow "
                     "outgoing TCP to this host and port (and the coordinator to open it)")]
    except OSError as exc:
        return [warn(name, f"cannot connect to {where} now: {exc.strerror or exc}", "check the network route / VPN")]
    try:
        tls = ctx.wrap_socket(raw, server_hostname=host)
    except ssl.SSLCertVerificationError as exc:
        raw.close()
        return [_verify_failure(name, host, port, exc, timeout)]
    except TimeoutError:
        raw.close()
        return [fail(name, f"{where} accepted the connection but did not complete a TLS handshake within "
                           f"{timeout:g} s", "is this the fleet proxy's port? something else listens there")]
    except (ssl.SSLError, OSError) as exc:
        raw.close()
        return [fail(name, f"TLS handshake with {where} failed: {exc}",
                     "is this the fleet proxy's port? it does not speak TLS as expected")]
    with tls:
        checks = [_handshake_ok(name, tls)]
        checks.append(_version_check(tls, host, port, timeout))
    return checks


def _handshake_ok(name: str, tls: ssl.SSLSocket) -> Check:
    peer = tls.getpeercert() or {}
    not_after = dt.datetime.fromtimestamp(ssl.cert_time_to_seconds(peer["notAfter"]), dt.UTC) \
        if "notAfter" in peer else None
    detail = f"{tls.version()}, certificate verified by the CA and valid for the name"
    if not_after is not None:
        days = (not_after - dt.datetime.now(dt.UTC)).total_seconds() / 86400
        if days < EXPIRY_WARNING_DAYS:
            return warn(name, f"{detail}; but it expires in {days:.0f} days ({not_after:%Y-%m-%d})",
                        "the coordinator must renew it: fedrad certs server --name ...")
        detail += f"; valid until {not_after:%Y-%m-%d}"
    return ok(name, detail)


def _verify_failure(name: str, host: str, port: int, exc: ssl.SSLCertVerificationError, timeout: float) -> Check:
    code, msg = exc.verify_code, exc.verify_message
    names, not_after = _peek_certificate(host, port, timeout)
    if code in _NAME_MISMATCH:
        return fail(name, f"name mismatch: the certificate is for {', '.join(names) or '(no names)'}, "
                          f"not '{host}'",
                    f"dial one of those names, or the coordinator reissues it: fedrad certs server --name {host}")
    if code == _EXPIRED:
        when = f" on {not_after:%Y-%m-%d}" if not_after else ""
        return fail(name, f"the server certificate EXPIRED{when}",
                    "the coordinator must renew it: fedrad certs server --name ...")
    if code == _NOT_YET_VALID:
        return fail(name, "the server certificate is not valid yet", "check the clock of this machine and the "
                                                                     "coordinator's")
    if code in _UNTRUSTED:
        return fail(name, f"untrusted certificate: not signed by the CA in --ca ({msg})",
                    "use the ca.crt of THIS federation (compare fingerprints with the coordinator); "
                    "or something intercepts TLS on the way (proxy)")
    return fail(name, f"certificate verification failed: {msg} (code {code})", "compare ca.crt with the coordinator")


def _peek_certificate(host: str, port: int, timeout: float) -> tuple[list[str], dt.datetime | None]:
    """Names and expiry of a certificate that failed verification, to say what it IS for.
    Read without verification, only for the message."""
    from cryptography import x509

    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    try:
        with socket.create_connection((host, port), timeout=timeout) as raw, \
                ctx.wrap_socket(raw, server_hostname=host) as tls:
            der = tls.getpeercert(binary_form=True)
        cert = x509.load_der_x509_certificate(der)
    except (OSError, ValueError):
        return [], None
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names = [*map(str, san.get_values_for_type(x509.DNSName)), *map(str, san.get_values_for_type(x509.IPAddress))]
    except x509.ExtensionNotFound:
        names = []
    return names, cert.not_valid_after_utc


def _version_check(tls: ssl.SSLSocket, host: str, port: int, timeout: float) -> Check:
    name = "fleet proxy version"
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    conn.sock = tls  # reuse the verified connection: what answers is what we just authenticated
    try:
        conn.request("GET", VERSION_PATH, headers={"Accept": "application/json"})
        resp = conn.getresponse()
        body = resp.read(65536)
    except (OSError, http.client.HTTPException) as exc:
        return fail(name, f"GET {VERSION_PATH} failed: {exc}", "the server on this port is not a fedrad fleet proxy")
    if resp.status == 404:
        return fail(name, f"GET {VERSION_PATH} answered 404: the server is not a fedrad fleet proxy "
                          "(a bare Flower SuperLink or another service)",
                    "ask the coordinator to run `fedrad server start` and give you its public HOST:PORT")
    if resp.status != 200:
        return fail(name, f"GET {VERSION_PATH} answered HTTP {resp.status}", "the server on this port is not a "
                                                                              "working fedrad fleet proxy")
    try:
        theirs = json.loads(body)
        remote_fedrad, remote_flwr = str(theirs["fedrad"]), str(theirs["flwr"])
    except (ValueError, KeyError, TypeError):
        return fail(name, f"GET {VERSION_PATH} did not answer {{\"fedrad\": ..., \"flwr\": ...}}",
                    "the server on this port is not a fedrad fleet proxy")
    return compare_versions(remote_fedrad, remote_flwr)


def compare_versions(remote_fedrad: str, remote_flwr: str) -> Check:
    """fedrad must match exactly (the run config carries it and the ClientApp refuses a mismatch);
    Flower must match in major.minor (its wire protocol), a different patch release only warns."""
    name = "fleet proxy version"
    local_flwr = installed_version("flwr") or "not installed"
    both = f"coordinator fedrad {remote_fedrad} / flwr {remote_flwr}, here fedrad {__version__} / flwr {local_flwr}"
    if remote_fedrad != __version__:
        return fail(name, f"fedrad version mismatch: {both}", f"install fedrad {remote_fedrad} here "
                                                              "(or the coordinator upgrades)")
    if remote_flwr.split(".")[:2] != local_flwr.split(".")[:2]:
        return fail(name, f"Flower version mismatch: {both}", f"pip install 'flwr=={remote_flwr}'")
    if remote_flwr != local_flwr:
        return warn(name, f"Flower patch releases differ: {both}", f"pip install 'flwr=={remote_flwr}'")
    return ok(name, both)


def common_checks(disk_path: str | os.PathLike) -> list[Check]:
    """What every role needs: versions, Flower's executables, an accelerator, disk space."""
    return [*guarded("versions", check_versions), *guarded("flower executables", check_flower_executables),
            *guarded("accelerator", check_accelerator), *guarded("disk space", check_disk, disk_path)]
