"""Certificate checks and the network probe of a coordinator, for `fedrad doctor` and `client start`:
the federation CA file, and a real TLS handshake verified as the SuperNode verifies it, then
`GET /fedrad/version` on the same connection. Each failure says which fix it needs (firewall, CA
file, certificate names, clock). Returns common.doctor `Check` records; never raises for a broken setup.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import socket
import ssl
from pathlib import Path

from fedrad.common.doctor import Check, compare_versions, fail, ok, warn
from fedrad.common.federation import VERSION_PATH, parse_host_port  # noqa: F401 - parse_host_port: re-exported

EXPIRY_WARNING_DAYS = 30  # a certificate that expires sooner is a warning (coordinator and sites)

# OpenSSL X509_V_ERR_* codes that ssl.SSLCertVerificationError.verify_code carries.
_NOT_YET_VALID, _EXPIRED = 9, 10
_NAME_MISMATCH = {62, 64}  # hostname, IP address
_UNTRUSTED = {2, 18, 19, 20, 21, 27}


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
