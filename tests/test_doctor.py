"""`fedrad doctor`: real certificates and keys (server.pki), a real TLS server on loopback, a real
synthetic site folder; each test breaks one thing and checks the doctor names it."""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from fedrad.client.doctor import check_site_folder, check_site_key, site_checks
from fedrad.client.sitekey import create_site_key
from fedrad.common import __version__
from fedrad.common.doctor import (
    Check,
    check_disk,
    check_flower_executables,
    compare_versions,
    exit_code,
    installed_version,
    render,
)
from fedrad.common.federation import parse_host_port
from fedrad.common.flowerproc import free_port
from fedrad.common.tlsprobe import check_ca_file, check_tls
from fedrad.server.doctor import check_certs, check_public_port, check_run_config, check_sites, server_checks
from fedrad.server.pki import create_ca, issue_server_cert, read_site_public_key
from fedrad.sim.synth import synthesize
from typer.testing import CliRunner

from fedrad.cli import app

FLWR = installed_version("flwr")
GOOD_ANSWER = {"fedrad": __version__, "flwr": FLWR}


# --- fixtures -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """A coordinator home as `fedrad server start` expects it (certs + one enrolled site)."""
    h = tmp_path_factory.mktemp("coord") / "home"
    create_ca(h / "certs")
    issue_server_cert(h / "certs", h / "certs", ["coord.example.org"])
    keys = h.parent / "keys"
    create_site_key(keys / "hosp-a")
    _write_sites(h / "sites.toml", {"hosp-a": keys / "hosp-a.pub"})
    return h


@pytest.fixture(scope="module")
def other_ca(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("other-ca")
    create_ca(d)
    return d / "ca.crt"


@pytest.fixture
def home_copy(home, tmp_path) -> Path:
    dst = tmp_path / "home"
    shutil.copytree(home, dst)
    return dst


@pytest.fixture(scope="module")
def synth_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("doc-synth")
    synthesize(root / "h", sites=1, studies_per_site=12, regions=("elbow",), external_site=False, seed=5,
               image_size=48, progress=False, workers=1)
    return root / "h" / "sites" / "site-01"


@pytest.fixture
def site(synth_site, tmp_path) -> Path:
    dst = tmp_path / "site"
    shutil.copytree(synth_site, dst)
    return dst


def _write_sites(path: Path, pubs: dict[str, Path]) -> None:
    lines = []
    for name, pub in pubs.items():
        line, fp = read_site_public_key(pub)
        lines += [f"[sites.{name}]", f'public-key = "{line.decode()}"', f'fingerprint = "{fp}"',
                  'added = "2026-11-29T00:00:00+00:00"', "node-id = 0", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def _handler(answer):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            if self.path == "/fedrad/version" and answer is not None:
                code, body = 200, json.dumps(answer).encode()
            else:
                code, body = 404, b'{"detail": "not found"}'
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


@contextlib.contextmanager
def tls_server(cert: Path, key: Path, *, host: str = "127.0.0.1", port: int = 0, answer=GOOD_ANSWER):
    """A stand-in for the fleet proxy: TLS with the given certificate, answering /fedrad/version."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    httpd = ThreadingHTTPServer((host, port), _handler(answer))
    httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    t = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    try:
        yield httpd.server_address[1]
    finally:
        httpd.shutdown()
        httpd.server_close()
        t.join(5)


def _by_name(checks: list[Check]) -> dict[str, Check]:
    return {c.name: c for c in checks}


def _statuses(checks: list[Check]) -> list[str]:
    return [c.status for c in checks]


# --- TLS to the coordinator -------------------------------------------------------------------

def test_tls_ok_verifies_chain_and_name_and_compares_versions(home):
    certs = home / "certs"
    with tls_server(certs / "server.pem", certs / "server.key") as port:
        for host in ("127.0.0.1", "localhost"):
            checks = check_tls(host, port, certs / "ca.crt")
            assert _statuses(checks) == ["ok", "ok"], checks
    assert "verified" in checks[0].detail and __version__ in checks[1].detail


def test_tls_untrusted_certificate(home, other_ca):
    certs = home / "certs"
    with tls_server(certs / "server.pem", certs / "server.key") as port:
        (c,) = check_tls("127.0.0.1", port, other_ca)
    assert c.status == "fail" and "untrusted certificate" in c.detail and "ca.crt" in c.fix


def test_tls_name_mismatch_names_what_the_certificate_is_for(home):
    certs = home / "certs"
    try:
        port = free_port("127.0.0.2")
    except OSError:
        pytest.skip("127.0.0.2 is not a loopback address here")
    with tls_server(certs / "server.pem", certs / "server.key", host="127.0.0.2", port=port):
        (c,) = check_tls("127.0.0.2", port, certs / "ca.crt")
    assert c.status == "fail" and "name mismatch" in c.detail
    assert "coord.example.org" in c.detail and "127.0.0.2" in c.detail and "--name 127.0.0.2" in c.fix


def _ca_signed(certs: Path, cn: str, days: tuple[int, int], san: x509.GeneralName):
    """A server certificate signed by the home's CA, valid from now+days[0] to now+days[1], with one SAN.
    The doctor must judge certificates `fedrad certs server` would never issue (expired, wrong names)."""
    ca_key = serialization.load_pem_private_key((certs / "ca.key").read_bytes(), None)
    ca_cert = x509.load_pem_x509_certificate((certs / "ca.crt").read_bytes())
    key = ec.generate_private_key(ec.SECP384R1())
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, cn)]))
            .issuer_name(ca_cert.subject).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now + dt.timedelta(days=days[0])).not_valid_after(now + dt.timedelta(days=days[1]))
            .add_extension(x509.SubjectAlternativeName([san]), critical=False)
            .sign(ca_key, hashes.SHA384()))
    return cert, key, now


def test_tls_expired_certificate(home, tmp_path):
    certs = home / "certs"
    cert, key, now = _ca_signed(certs, "old", (-30, -1), x509.IPAddress(ipaddress.ip_address("127.0.0.1")))
    (tmp_path / "old.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "old.key").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption()))
    with tls_server(tmp_path / "old.pem", tmp_path / "old.key") as port:
        (c,) = check_tls("127.0.0.1", port, certs / "ca.crt")
    assert c.status == "fail" and "EXPIRED" in c.detail and f"{now - dt.timedelta(days=1):%Y-%m-%d}" in c.detail


def test_tls_connection_refused_warns(home):
    """Not reachable now is a warning: a site may start before the coordinator (client start keeps trying)."""
    (c,) = check_tls("127.0.0.1", free_port(), home / "certs" / "ca.crt")
    assert c.status == "warn" and "connection refused" in c.detail


def test_tls_listener_that_never_handshakes_times_out(home):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        (c,) = check_tls("127.0.0.1", s.getsockname()[1], home / "certs" / "ca.crt", timeout=0.5)
    assert c.status == "fail" and "did not complete a TLS handshake" in c.detail


def test_server_without_version_endpoint_is_not_a_fleet_proxy(home):
    certs = home / "certs"
    with tls_server(certs / "server.pem", certs / "server.key", answer=None) as port:
        tls, version = check_tls("127.0.0.1", port, certs / "ca.crt")
    assert tls.status == "ok"
    assert version.status == "fail" and "not a fedrad fleet proxy" in version.detail and "404" in version.detail


def test_version_mismatch_fails(home):
    certs = home / "certs"
    with tls_server(certs / "server.pem", certs / "server.key", answer={"fedrad": "9.9.9", "flwr": FLWR}) as port:
        _, version = check_tls("127.0.0.1", port, certs / "ca.crt")
    assert version.status == "fail" and "fedrad version mismatch" in version.detail and "9.9.9" in version.detail


def test_compare_versions_flower_minor_fails_patch_warns():
    major, minor, *_ = FLWR.split(".")
    assert compare_versions(__version__, FLWR).status == "ok"
    assert compare_versions(__version__, f"{major}.{int(minor) + 1}.0").status == "fail"
    assert compare_versions(__version__, f"{major}.{minor}.999").status == "warn"


def test_parse_host_port():
    assert parse_host_port("coord.example.org:8443") == ("coord.example.org", 8443)
    assert parse_host_port("[::1]:9000") == ("::1", 9000)
    assert parse_host_port("coord", 8443) == ("coord", 8443)
    with pytest.raises(ValueError, match="HOST:PORT"):
        parse_host_port("coord:http")


# --- certificates and keys ------------------------------------------------------------------

def test_ca_file_checks(home, tmp_path):
    certs = home / "certs"
    assert _statuses(check_ca_file(certs / "ca.crt")) == ["ok"]
    (c,) = check_ca_file(certs / "server.pem")
    assert c.status == "fail" and "not a CA" in c.detail
    (c,) = check_ca_file(tmp_path / "nope.crt")
    assert c.status == "fail" and "nope.crt not found" in c.detail
    (tmp_path / "junk.crt").write_text("hello")
    (c,) = check_ca_file(tmp_path / "junk.crt")
    assert c.status == "fail" and "not a PEM certificate" in c.detail


def test_site_key_ok_prints_the_fingerprint_the_coordinator_sees(tmp_path):
    fp = create_site_key(tmp_path / "keys" / "hosp-b")
    checks = check_site_key(tmp_path / "keys" / "hosp-b")
    assert _statuses(checks) == ["ok", "ok", "ok"], checks
    assert fp in _by_name(checks)["site public key"].detail


def test_site_key_readable_by_others_fails(tmp_path):
    key = tmp_path / "hosp-c"
    create_site_key(key)
    os.chmod(key, 0o644)
    c = _by_name(check_site_key(key))["site key permissions"]
    assert c.status == "fail" and "0644" in c.detail and c.fix == f"chmod 600 {key}"


def test_site_key_with_foreign_pub_fails(tmp_path):
    create_site_key(tmp_path / "a")
    create_site_key(tmp_path / "b")
    shutil.copy(tmp_path / "b.pub", tmp_path / "a.pub")
    c = _by_name(check_site_key(tmp_path / "a"))["site public key"]
    assert c.status == "fail" and "does not belong to" in c.detail


@pytest.mark.parametrize("kind", ["ed25519", "pkcs8", "p256-ok"])
def test_site_key_formats_flower_rejects(tmp_path, kind):
    path = tmp_path / "k"
    if kind == "ed25519":
        data = ed25519.Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, serialization.NoEncryption())
    else:
        fmt = serialization.PrivateFormat.PKCS8 if kind == "pkcs8" else serialization.PrivateFormat.OpenSSH
        data = ec.generate_private_key(ec.SECP256R1()).private_bytes(serialization.Encoding.PEM, fmt,
                                                                       serialization.NoEncryption())
    path.write_bytes(data)
    path.chmod(0o600)
    first = check_site_key(path)[0]
    if kind == "p256-ok":
        assert first.status == "ok" and "secp256r1" in first.detail
    else:
        assert first.status == "fail"
        assert ("NIST" in first.detail) if kind == "ed25519" else ("OpenSSH" in first.detail)


def test_site_key_with_passphrase_fails(tmp_path):
    path = tmp_path / "k"
    key = ec.generate_private_key(ec.SECP384R1())
    try:
        path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH,
                                           serialization.BestAvailableEncryption(b"secret")))
    except Exception:  # noqa: BLE001 - cryptography needs bcrypt to encrypt OpenSSH keys; ssh-keygen does not
        if not shutil.which("ssh-keygen"):
            pytest.skip("neither bcrypt nor ssh-keygen to write an encrypted OpenSSH key")
        subprocess.run(["ssh-keygen", "-q", "-t", "ecdsa", "-b", "384", "-N", "secret", "-f", str(path)], check=True)
    (c,) = check_site_key(path)
    assert c.status == "fail" and "password-protected" in c.detail


# --- site folder ------------------------------------------------------------------------------

def test_synthetic_site_passes_the_folder_check(site):
    checks = check_site_folder(site)
    assert "fail" not in _statuses(checks), checks
    by = _by_name(checks)
    assert by["reports.csv"].status == "ok" and "elbow" in by["reports.csv"].detail
    assert by["prepared (elbow)"].status == "warn" and "fedrad client prepare" in by["prepared (elbow)"].fix
    assert not (site / ".fedrad").exists(), "the doctor must not write into the site folder"


def _rewrite_header(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8-sig")
    head, _, rest = text.partition("\n")
    delim = ";" if head.count(";") > head.count(",") else ","
    cells = [new if c.strip() == old else c for c in head.split(delim)]
    path.write_text(delim.join(cells) + "\n" + rest, encoding="utf-8")


def test_site_without_report_column_fails_naming_the_file(site):
    _rewrite_header(site / "reports.csv", "report", "befund")
    (c,) = check_site_folder(site)
    assert c.status == "fail" and str(site / "reports.csv") in c.detail and "report" in c.detail


def test_broken_images_csv_fails_naming_the_file(site):
    _rewrite_header(site / "images.csv", "path", "file")
    c = _by_name(check_site_folder(site))["images"]
    assert c.status == "fail" and str(site / "images.csv") in c.detail and "path" in c.detail


def test_missing_image_warns_with_an_example(site):
    text = (site / "images.csv").read_text(encoding="utf-8-sig")
    rel = re.findall(r"images/[^,;\s]+", text)[0]
    (site / rel).unlink()
    c = _by_name(check_site_folder(site))["images"]
    assert c.status == "warn" and "missing file" in c.detail


# --- coordinator ------------------------------------------------------------------------------

def test_coordinator_home_passes(home):
    port = free_port()
    checks = server_checks(home, listen=f"127.0.0.1:{port}", names=["coord.example.org"])
    assert exit_code(checks) == 0, [c for c in checks if c.status == "fail"]
    by = _by_name(checks)
    assert by["site hosp-a"].status == "ok" and "node-id 0" in by["site hosp-a"].detail
    assert by["public port"].detail.endswith("is free")


def test_certificate_must_carry_the_names_sites_dial(home):
    c = _by_name(check_certs(home / "certs", names=["other.example"]))["certificate names"]
    assert c.status == "fail" and "missing other.example" in c.detail and "--name other.example" in c.fix


def test_certificate_without_loopback_fails(home_copy, tmp_path):
    """A certificate without 127.0.0.1 breaks Flower's internal SuperExec connection."""
    certs = home_copy / "certs"
    cert, _, _ = _ca_signed(certs, "c", (-1, 10), x509.DNSName("coord.example.org"))
    (certs / "server.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    by = _by_name(check_certs(certs, names=["coord.example.org"]))
    assert by["certificate names"].status == "fail" and "127.0.0.1" in by["certificate names"].detail
    assert by["server certificate"].status == "warn" and "expires in" in by["server certificate"].detail
    assert by["server.key"].status == "fail" and "is not the key of" in by["server.key"].detail


def test_readable_server_key_and_missing_certs_fail(home_copy):
    os.chmod(home_copy / "certs" / "server.key", 0o640)
    c = _by_name(check_certs(home_copy / "certs"))["server.key permissions"]
    assert c.status == "fail" and "0640" in c.detail
    (home_copy / "certs" / "ca.key").unlink()
    (c,) = check_certs(home_copy / "certs")
    assert c.status == "fail" and "ca.key" in c.detail


def test_sites_toml_bad_key_and_wrong_fingerprint_fail(home_copy, tmp_path):
    path = home_copy / "sites.toml"
    text = path.read_text()
    rsa_line = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC7 x"
    path.write_text(text + f'\n[sites.broken]\npublic-key = "{rsa_line}"\nfingerprint = "SHA256:x"\nnode-id = 0\n'
                    + "\n[sites.moved]\n" + text.split("\n", 1)[1].replace("fingerprint = \"SHA256:",
                                                                           "fingerprint = \"SHA256:X"))
    by = _by_name(check_sites(path))
    assert by["site hosp-a"].status == "ok"
    assert by["site broken"].status == "fail" and "[sites.broken]" in by["site broken"].detail
    assert by["site moved"].status == "fail" and "does not match" in by["site moved"].detail
    path.write_text(text + '\n[sites.half]\npublic-key = "x"\n')
    (c,) = check_sites(path)
    assert c.status == "fail" and "[sites.half] is incomplete" in c.detail
    path.write_text("[sites.x\n")
    (c,) = check_sites(path)
    assert c.status == "fail" and "not valid TOML" in c.detail and str(path) in c.detail


def test_public_port_in_use_fails(home):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        (c,) = check_public_port(home, f"127.0.0.1:{s.getsockname()[1]}")
    assert c.status == "fail" and "in use by another program" in c.detail


def test_public_port_served_by_our_running_server_is_checked_end_to_end(home_copy):
    certs = home_copy / "certs"
    with tls_server(certs / "server.pem", certs / "server.key") as port:
        (home_copy / "server.json").write_text(json.dumps({"pid": os.getpid(), "public": f"0.0.0.0:{port}",
                                                           "internal-port": 9091, "started": "now"}))
        checks = check_public_port(home_copy, f"0.0.0.0:{port}")
    assert _statuses(checks) == ["ok", "ok", "ok"], checks
    assert f"pid {os.getpid()}" in checks[0].detail and checks[2].name == "fleet proxy version"


def test_stale_server_json_warns(home_copy):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (home_copy / "server.json").write_text(json.dumps({"pid": int(dead.stdout), "public": "0.0.0.0:8443"}))
    checks = check_public_port(home_copy, f"127.0.0.1:{free_port()}")
    assert checks[0].status == "warn" and "stale" in checks[0].detail and checks[-1].status == "ok"


def test_run_config_test_sets_must_exist(tmp_path, synth_site):
    cfg = tmp_path / "run.toml"
    cfg.write_text(f'region = "elbow"\ntest-sets = "gone={tmp_path / "gone"},nolabels={synth_site}"\n')
    by = _by_name(check_run_config(cfg))
    assert by["run config"].status == "ok"
    assert by["test set gone"].status == "fail" and "does not exist" in by["test set gone"].detail
    assert by["test set nolabels"].status == "fail" and "labels-elbow.csv not found" in by["test set nolabels"].detail
    cfg.write_text('region = "elbow"\nrounds = 3\n')
    (c,) = check_run_config(cfg)
    assert c.status == "fail" and "unknown key 'rounds'" in c.detail


def test_flower_executables_next_to_python(tmp_path, monkeypatch):
    (c,) = check_flower_executables()
    assert c.status == "ok", c  # this venv has them
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "flwr").write_text("")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python"))
    (c,) = check_flower_executables()
    assert c.status == "fail" and "flower-superexec" in c.detail and "flwr," not in c.detail


def test_disk_thresholds(tmp_path):
    assert check_disk(tmp_path / "not" / "yet")[0].status in ("ok", "warn")
    assert check_disk(tmp_path, fail_gb=1e9)[0].status == "fail"
    assert check_disk(tmp_path, warn_gb=1e9, fail_gb=0)[0].status == "warn"


# --- the command ------------------------------------------------------------------------------

def test_cli_both_roles_exit_codes(home_copy, synth_site, tmp_path):
    runner = CliRunner()
    certs = home_copy / "certs"
    keys = tmp_path / "keys"
    create_site_key(keys / "hosp-a")
    with tls_server(certs / "server.pem", certs / "server.key") as port:
        res = runner.invoke(app, ["doctor", "--role", "site", "--site", str(synth_site), "--server",
                                  f"localhost:{port}", "--ca", str(certs / "ca.crt"), "--key", str(keys / "hosp-a")])
    assert res.exit_code == 0, res.output
    assert "fleet proxy version" in res.output and "failure(s)" in res.output

    args = ["doctor", "--role", "server", "--home", str(home_copy), "--listen", f"127.0.0.1:{free_port()}",
            "--name", "coord.example.org"]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    os.chmod(certs / "ca.key", 0o644)
    res = runner.invoke(app, args)
    assert res.exit_code == 1 and "chmod 600" in res.output

    res = runner.invoke(app, ["doctor", "--role", "hub"])
    assert res.exit_code == 2


def test_site_checks_report_options_not_given(synth_site):
    by = _by_name(site_checks(synth_site))
    assert by["connection"].status == "warn" and "--server" in by["connection"].fix
    assert by["site key"].status == "warn"


def test_render_prints_fix_and_summary():
    from rich.console import Console

    console = Console(record=True, width=200)
    render([Check("a", "ok", "fine"), Check("b", "fail", "broken", "do X")], console)
    out = console.export_text()
    assert "do X" in out and "1 ok, 0 warning(s), 1 failure(s)" in out


def test_prepared_site_and_a_corrupt_manifest(site):
    from fedrad.client.prepare import manifest_path, prepare_site

    prepare_site(site, image_size=32, progress=False)
    c = _by_name(check_site_folder(site))["prepared (elbow)"]
    assert c.status == "ok" and "train" in c.detail
    path = manifest_path(site, "elbow")
    path.write_text(path.read_text().replace(",train,", ",training,", 1))
    c = _by_name(check_site_folder(site))["prepared (elbow)"]
    assert c.status == "fail" and str(path) in c.detail and "split" in c.detail


# --- one rule: `client start` / `server start` run these checks and stop where the doctor fails -----------

def _site_setup(tmp_path: Path, home: Path) -> Path:
    """A site operator's folder: ca.crt and keys/hosp-x made here (paths are given relative to it)."""
    ops = tmp_path / "ops"
    (ops / "keys").mkdir(parents=True)
    shutil.copy(home / "certs" / "ca.crt", ops / "ca.crt")
    create_site_key(ops / "keys" / "hosp-x")
    return ops


def _break_key_mode(ops: Path) -> str:
    (ops / "keys" / "hosp-x").chmod(0o644)
    return "site key permissions"


def _break_pub(ops: Path) -> str:
    create_site_key(ops / "keys" / "other")
    shutil.copy(ops / "keys" / "other.pub", ops / "keys" / "hosp-x.pub")
    return "site public key"


def _break_ca_not_a_ca(ops: Path) -> str:
    certs = ops.parent / "server-certs"
    create_ca(certs)
    issue_server_cert(certs, certs, ["x.example"])
    shutil.copy(certs / "server.pem", ops / "ca.crt")
    return "CA certificate"


def _break_ca_missing(ops: Path) -> str:
    (ops / "ca.crt").unlink()
    return "CA certificate"


@pytest.mark.parametrize("breaks", [_break_key_mode, _break_pub, _break_ca_not_a_ca, _break_ca_missing])
def test_doctor_fails_exactly_where_client_start_would(breaks, home, site, tmp_path, monkeypatch):
    """Relative --ca/--key from the operator's folder, one thing broken: doctor exits 1 naming it,
    client start exits 2 with the same finding and starts nothing (before this, client start had its
    own key check that accepted what the doctor refused, and the reverse)."""
    ops = _site_setup(tmp_path, home)
    name = breaks(ops)
    monkeypatch.chdir(ops)
    failed = [c for c in site_checks(site, None, ops / "ca.crt", ops / "keys" / "hosp-x") if c.status == "fail"]
    assert [c.name for c in failed] == [name], failed
    runner = CliRunner()
    doc = runner.invoke(app, ["doctor", "--role", "site", "--site", str(site), "--ca", "ca.crt",
                              "--key", "keys/hosp-x"])
    assert doc.exit_code == 1, doc.output
    start = runner.invoke(app, ["client", "start", "--server", f"127.0.0.1:{free_port()}", "--site", str(site),
                                "--ca", "ca.crt", "--key", "keys/hosp-x"])
    assert start.exit_code == 2, start.output
    assert f"FAIL {name}: {failed[0].detail}" in start.output  # absolute paths: resolved where parsed
    assert str(ops) in failed[0].detail + failed[0].fix
    assert "nothing started" in start.output and "SuperNode" not in start.output


def test_client_start_hands_absolute_ca_and_key_to_the_supernode(home, site, tmp_path, monkeypatch):
    """The bug of README's step 5: relative --ca/--key reached flower-supernode, which runs in
    <site>/.fedrad. Options are resolved where they are parsed, against the folder typed in."""
    import fedrad.client.cli as client_cli
    import fedrad.client.site_node as site_node

    ops = _site_setup(tmp_path, home)
    seen = {}

    def fake_run(server, site_dir, creds, **kw):
        seen["cmd"] = site_node.supernode_command(server, site_dir, creds, 9999, insecure=False)
        seen["after_run"] = kw["after_run"]
        return 0

    monkeypatch.setattr(site_node, "run_supernode", fake_run)
    monkeypatch.setattr(client_cli, "_prepare", lambda *a, **k: True)
    monkeypatch.chdir(ops)
    r = CliRunner().invoke(app, ["client", "start", "--server", f"127.0.0.1:{free_port()}", "--site",
                                 os.path.relpath(site, ops), "--ca", "ca.crt", "--key", "keys/hosp-x"])
    assert r.exit_code == 0, r.output
    cmd = seen["cmd"]
    assert cmd[cmd.index("--root-certificates") + 1] == str(ops / "ca.crt")
    assert cmd[cmd.index("--auth-supernode-private-key") + 1] == str(ops / "keys" / "hosp-x")
    assert f'site-dir="{site}"' in cmd and seen["after_run"] == "exit"


def test_enrolment_without_a_home_refuses_with_the_fix(tmp_path, monkeypatch):
    """`add-site` typed in a folder with no ./fedrad-coordinator used to create a second, empty home."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FEDRAD_COORDINATOR_HOME", raising=False)
    create_site_key(tmp_path / "hosp-a")
    runner = CliRunner()
    for args in (["server", "add-site", "hosp-a", "hosp-a.pub"], ["server", "list-sites"],
                 ["server", "remove-site", "hosp-a"], ["certs", "server", "--name", "x.example"]):
        r = runner.invoke(app, args)
        assert r.exit_code == 2, (args, r.output)
        assert "no coordinator home at" in r.output and "--home DIR" in r.output and "certs init-ca" in r.output
    assert not (tmp_path / "fedrad-coordinator").exists()
    r = runner.invoke(app, ["certs", "init-ca"])  # the one command that makes a home
    assert r.exit_code == 0, r.output
    assert (tmp_path / "fedrad-coordinator" / "certs" / "ca.crt").is_file()
    r = runner.invoke(app, ["server", "add-site", "hosp-a", "hosp-a.pub"])
    assert r.exit_code == 0 and str(tmp_path / "fedrad-coordinator" / "sites.toml") in r.output.replace("\n", "")


def test_server_start_stops_where_the_server_doctor_fails(home_copy, tmp_path):
    """min-sites above the enrolled sites: doctor --role server --config fails, server start exits 2
    with the same finding before starting anything."""
    cfg = tmp_path / "run.toml"
    cfg.write_text('region = "elbow"\nmin-sites = 3\n')
    port = free_port()
    runner = CliRunner()
    doc = runner.invoke(app, ["doctor", "--role", "server", "--home", str(home_copy), "--config", str(cfg),
                              "--listen", f"127.0.0.1:{port}"])
    assert doc.exit_code == 1, doc.output
    r = runner.invoke(app, ["server", "start", "--home", str(home_copy), "--config", str(cfg), "--out",
                            str(tmp_path / "run"), "--listen", f"127.0.0.1:{port}"])
    assert r.exit_code == 2, r.output
    assert "FAIL enrolled sites: 1 site(s) enrolled" in r.output and "min-sites is 3" in r.output
    assert not (tmp_path / "run").exists() and not (home_copy / "server.json").exists()


# ---- session 11: the anonymizer's data, one check for doctor and for Anonymizer() ---------------------------------
def test_anonymizer_data_missing_is_refused_by_both(tmp_path):
    """A lost word list would make the anonymizer read it as empty and leak; doctor fails it and Anonymizer()
    refuses to start, through the same function (anon_lexicon.data_problems)."""
    from fedrad.client.anon_engine import Anonymizer
    from fedrad.client.anon_lexicon import DATA_DIR, AnonymizerDataError
    from fedrad.client.doctor import check_anonymizer_data

    [good] = check_anonymizer_data()
    assert good.status == "ok"
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / "places.txt.gz").unlink()
    (data / "surnames.txt").write_text("")
    [bad] = check_anonymizer_data(data)
    assert bad.status == "fail" and "places.txt.gz is missing" in bad.detail and "surnames.txt is empty" in bad.detail
    with pytest.raises(AnonymizerDataError, match="places.txt.gz is missing"):
        Anonymizer(data_dir=data)
    assert any(c.name == "anonymizer data" and c.status == "ok" for c in site_checks())
