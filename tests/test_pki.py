"""Federation PKI: a CA, the coordinator's TLS certificate and site keys, checked with real TLS."""

from __future__ import annotations

import shutil
import socket
import ssl
import stat
import subprocess
import threading

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from fedrad.client.sitekey import SiteKeyError, create_site_key
from fedrad.server.pki import (
    PKIError,
    cert_info,
    create_ca,
    expiry_warnings,
    issue_server_cert,
    read_site_public_key,
    verify_chain,
)
from typer.testing import CliRunner

from fedrad.cli import app


def _serve_once(cert, key) -> tuple[int, threading.Thread]:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    sock.settimeout(10)

    def run():
        try:
            conn, _ = sock.accept()
            with ctx.wrap_socket(conn, server_side=True) as tls:
                tls.sendall(b"ok")
        except (ssl.SSLError, OSError):
            pass
        finally:
            sock.close()

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return sock.getsockname()[1], t


def _connect(port: int, cafile, host: str) -> bytes:
    ctx = ssl.create_default_context(cafile=str(cafile))
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw, \
            ctx.wrap_socket(raw, server_hostname=host) as tls:
        return tls.recv(2)


def test_ca_server_cert_real_tls_handshake_and_untrusted_ca(tmp_path):
    ca = create_ca(tmp_path / "ca")
    info = issue_server_cert(tmp_path / "ca", tmp_path / "srv", ["fl.hospital.example", "10.0.0.5"])
    assert {"127.0.0.1", "localhost", "fl.hospital.example", "10.0.0.5"} <= set(info.sans)
    for key in (tmp_path / "ca" / "ca.key", tmp_path / "srv" / "server.key"):
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    verify_chain(ca.path, info.path)
    for host in ("127.0.0.1", "localhost"):
        port, t = _serve_once(tmp_path / "srv" / "server.pem", tmp_path / "srv" / "server.key")
        assert _connect(port, ca.path, host) == b"ok"
        t.join(5)
    other = create_ca(tmp_path / "other")
    port, t = _serve_once(tmp_path / "srv" / "server.pem", tmp_path / "srv" / "server.key")
    with pytest.raises(ssl.SSLCertVerificationError):
        _connect(port, other.path, "127.0.0.1")
    t.join(5)
    with pytest.raises(PKIError, match="not signed by"):
        verify_chain(other.path, info.path)
    with pytest.raises(PKIError, match="refusing to replace"):
        create_ca(tmp_path / "ca")


def test_site_key_is_what_flower_accepts(tmp_path):
    key_path = tmp_path / "keys" / "hospital-a"
    fp = create_site_key(key_path)
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    key = serialization.load_ssh_private_key(key_path.read_bytes(), None)  # how flower-supernode loads it
    assert isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.name == "secp384r1"
    line, fp2 = read_site_public_key(key_path.with_name("hospital-a.pub"))
    assert fp == fp2 and line.startswith(b"ecdsa-sha2-nistp384 ")
    if shutil.which("ssh-keygen"):
        out = subprocess.run(["ssh-keygen", "-lf", str(key_path) + ".pub"], capture_output=True, text=True)
        assert fp in out.stdout
    with pytest.raises(SiteKeyError, match="refusing to replace"):
        create_site_key(key_path)
    bad = tmp_path / "ed25519.pub"
    bad.write_text("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl x\n")
    with pytest.raises(PKIError, match="NIST curve"):
        read_site_public_key(bad)


def test_expiry_warning_and_cli(tmp_path):
    create_ca(tmp_path / "ca")
    issue_server_cert(tmp_path / "ca", tmp_path / "srv", ["coord"], days=10)
    warnings = expiry_warnings([tmp_path / "srv" / "server.pem"])
    assert warnings and "expires in" in warnings[0]
    assert cert_info(tmp_path / "ca" / "ca.crt").days_left > 3000
    runner = CliRunner()
    res = runner.invoke(app, ["certs", "site-key", str(tmp_path / "k" / "site")])
    assert res.exit_code == 0 and "SHA256:" in res.output
    res = runner.invoke(app, ["certs", "show", str(tmp_path / "srv" / "server.pem"), str(tmp_path / "k" / "site.pub")])
    assert res.exit_code == 0 and "coord" in res.output and "expires in" in res.output
    res = runner.invoke(app, ["certs", "show", str(tmp_path / "missing.pem")])
    assert res.exit_code == 2 and "not found" in res.output
