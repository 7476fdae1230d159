"""The fleet proxy with real processes on 127.0.0.1: a TLS SuperLink (Flower 1.42) on loopback, the proxy in front.

Checks that the proxy is what hides the Control API (the same request straight to the SuperLink works), that a
real SuperNode with a registered key comes online THROUGH the proxy (signatures survive, and pass the proxy's own
check against sites.toml), that bodies and Flower's headers pass byte-exact while hop-by-hop and spoofed forwarding
headers and query strings do not, and that plain HTTP, path tricks and a dead SuperLink get the answers a
SuperNode's retry loop expects. Hardening (issue 12): unsigned, foreign, stale or forged requests and bodies over
the cap never reach the upstream; slow clients from one address cannot starve an enrolled site.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from importlib.metadata import version
from pathlib import Path

import httpx
import pytest
import uvicorn
from fedrad.client.sitekey import create_site_key
from fedrad.common.flowerproc import free_port
from fedrad.server.fleet_proxy import make_app
from fedrad.server.pki import create_ca, issue_server_cert
from fedrad.server.sites import enrol
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse

from fedrad import common
from tests.conftest import ROOT

BIN = Path(sys.executable).parent
NOT_EXPOSED = {"error": "not exposed by the fedrad fleet proxy"}
SEEN: list[str] = []  # paths the echo upstream received (to prove what never got past the proxy)


def _signed(key_file: Path, *, age: float = 0.0, forge: bool = False) -> dict[str, str]:
    """The node-auth headers Flower 1.42's SuperNode sends (supernode/node_auth_http_interceptor.py)."""
    import base64
    import datetime as dt

    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = serialization.load_ssh_private_key(key_file.read_bytes(), None)
    stamp = (dt.datetime.now(dt.UTC) - dt.timedelta(seconds=age)).isoformat()
    sig = key.sign((stamp + ("x" if forge else "")).encode("ascii"), ec.ECDSA(hashes.SHA256()))
    pem = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return {"flwr-public-key": base64.b64encode(pem).decode(), "flwr-timestamp": stamp,
            "flwr-signature": base64.b64encode(sig).decode()}


def _tls(ca: Path) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(ca))


def _env(flwr_home: Path) -> dict:
    return {**os.environ, "FLWR_HOME": str(flwr_home), "FLWR_TELEMETRY_ENABLED": "0",
            "FLWR_DISABLE_UPDATE_CHECK": "1", "FLWR_DISABLE_RUNTIME_DEPENDENCY_INSTALLATION": "1",
            "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}


def _start(cmd: list[str], log: Path, env: dict) -> subprocess.Popen:
    # Own session: teardown can signal the process group (Flower's SuperExec children included) by its id.
    with open(log, "wb") as fh:
        return subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, env=env, cwd=ROOT, start_new_session=True)


def _stop(proc: subprocess.Popen) -> int | None:
    if proc.poll() is None:
        with _suppress_lookup():
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            with _suppress_lookup():
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)
    return proc.returncode


class _suppress_lookup:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, *_):
        return exc_type is ProcessLookupError


def _wait_http(url: str, ca: Path, proc: subprocess.Popen, log: Path, timeout: float = 40) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            pytest.fail(f"{proc.args[0]} exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            if httpx.get(url, verify=_tls(ca), timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    pytest.fail(f"{url} did not answer within {timeout} s:\n{log.read_text(errors='replace')[-3000:]}")


def _raw_https(port: int, ca: Path, request: bytes) -> bytes:
    """One request exactly as written (no client-side path normalisation), over TLS."""
    ctx = ssl.create_default_context(cafile=str(ca))
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw, \
            ctx.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
        tls.sendall(request)
        data = b""
        while chunk := tls.recv(65536):
            data += chunk
    return data


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """CA + server cert, a TLS SuperLink on loopback with node auth, the proxy in front, site-a registered."""
    tmp = tmp_path_factory.mktemp("fleet-proxy")
    certs = tmp / "certs"
    create_ca(certs)
    issue_server_cert(certs, certs, ["localhost"])
    create_site_key(tmp / "site-a")
    create_site_key(tmp / "stranger")  # a valid key pair nobody enrolled
    enrol(tmp / "sites.toml", "site-a", tmp / "site-a.pub")
    flwr_home = tmp / "flwr-home"
    flwr_home.mkdir()
    internal, public = free_port(), free_port()
    (flwr_home / "config.toml").write_text(
        f'[superlink]\ndefault = "fedrad"\n\n[superlink.fedrad]\naddress = "127.0.0.1:{internal}"\n'
        f'root-certificates = "{certs / "ca.crt"}"\n', encoding="utf-8")
    env = _env(flwr_home)
    procs: list[subprocess.Popen] = []
    try:
        procs.append(_start([str(BIN / "flower-superlink"), "--host", "127.0.0.1", "--port", str(internal),
                             "--ssl-ca-certfile", str(certs / "ca.crt"), "--ssl-certfile", str(certs / "server.pem"),
                             "--ssl-keyfile", str(certs / "server.key"), "--enable-supernode-auth",
                             "--database", ":flwr-in-memory:", "--disable-runtime-dependency-installation"],
                            tmp / "superlink.log", env))
        procs.append(_start([sys.executable, "-m", "fedrad.server.fleet_proxy", "--listen", f"127.0.0.1:{public}",
                             "--upstream", f"https://127.0.0.1:{internal}", "--certfile", str(certs / "server.pem"),
                             "--keyfile", str(certs / "server.key"), "--ca-file", str(certs / "ca.crt"),
                             "--log-file", str(tmp / "fleet-proxy.log"), "--sites", str(tmp / "sites.toml")],
                            tmp / "proxy.out", env))
        _wait_http(f"https://127.0.0.1:{internal}/health", certs / "ca.crt", procs[0], tmp / "superlink.log")
        _wait_http(f"https://127.0.0.1:{public}/fedrad/version", certs / "ca.crt", procs[1], tmp / "proxy.out")
        reg = subprocess.run([str(BIN / "flwr"), "supernode", "register", str(tmp / "site-a.pub"), "fedrad",
                              "--name", "site-a"], env=env, capture_output=True, text=True, timeout=60)
        assert reg.returncode == 0 and "registered successfully" in reg.stdout, reg.stdout + reg.stderr
        yield {"tmp": tmp, "ca": certs / "ca.crt", "internal": internal, "public": public, "env": env,
               "superlink": procs[0], "proxy": procs[1]}
    finally:
        for p in reversed(procs):
            _stop(p)


def _post(url: str, ca: Path, body: bytes = b"", **headers) -> httpx.Response:
    return httpx.post(url, content=body, headers={"content-type": "application/protobuf", **headers},
                      verify=_tls(ca), timeout=30)


def test_control_api_and_docs_hidden_by_proxy_but_live_on_loopback(stack):
    ca, pub, internal = stack["ca"], stack["public"], stack["internal"]
    # Straight to the loopback SuperLink: the Control API answers without any credential (Flower OSS) ...
    direct = _post(f"https://127.0.0.1:{internal}/v1/control/list-runs", ca)
    assert direct.status_code == 200
    assert httpx.get(f"https://127.0.0.1:{internal}/docs", verify=_tls(ca)).status_code == 200
    # ... through the proxy, the same requests and everything else that is not Fleet get the proxy's 404.
    for method, path in [("POST", "/v1/control/list-runs"), ("POST", "/v1/control/start-run"),
                         ("POST", "/v1/control/register-node"), ("POST", "/v1/runtime/pull-messages"),
                         ("GET", "/docs"), ("GET", "/openapi.json"), ("GET", "/v1/fleet/pull-messages"),
                         ("POST", "/v1/fleet"), ("POST", "/v1/fleet/a/b"), ("DELETE", "/health")]:
        r = httpx.request(method, f"https://127.0.0.1:{pub}{path}", verify=_tls(ca), timeout=10,
                          headers={"content-type": "application/protobuf", "flwr-signature": "SECRET-SIG-VALUE"})
        assert (r.status_code, r.json()) == (404, NOT_EXPOSED), (method, path, r.text)
    # Dot segments would reach /v1/control once httpx normalises the upstream URL; they must stop at the proxy.
    for path in (b"/v1/fleet/../control/list-runs", b"/v1/fleet/%2e%2e/control/list-runs",
                 b"/v1/fleet/%2E%2E%2Fcontrol%2Flist-runs", b"/v1/fleet//../../v1/control/list-runs"):
        reply = _raw_https(pub, ca, b"POST " + path + b" HTTP/1.1\r\nHost: x\r\nContent-Type: application/protobuf"
                           b"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        assert reply.startswith(b"HTTP/1.1 404") and b"not exposed by the fedrad fleet proxy" in reply, (path, reply)
    time.sleep(0.2)
    log = (stack["tmp"] / "fleet-proxy.log").read_text()
    assert "blocked POST /v1/control/list-runs from 127.0.0.1" in log
    assert "blocked GET /docs from 127.0.0.1" in log
    assert "SECRET-SIG-VALUE" not in log and "application/protobuf" not in log


def test_registered_supernode_comes_online_through_proxy(stack):
    tmp, env = stack["tmp"], stack["env"]
    node = _start([str(BIN / "flower-supernode"), "--superlink", f"127.0.0.1:{stack['public']}",
                   "--root-certificates", str(stack["ca"]), "--auth-supernode-private-key", str(tmp / "site-a"),
                   "--port", str(free_port()), "--node-config", f'site-dir="{tmp / "site-a-dir"}"'],
                  tmp / "supernode.log", env)
    try:
        nodes, end = [], time.monotonic() + 40
        while time.monotonic() < end:
            assert node.poll() is None, (tmp / "supernode.log").read_text(errors="replace")[-3000:]
            out = subprocess.run([str(BIN / "flwr"), "supernode", "list", "fedrad", "--format", "json"], env=env,
                                 capture_output=True, text=True, timeout=60)
            nodes = json.loads(out.stdout)["nodes"]
            if [n["status"] for n in nodes] == ["online"]:
                break
            time.sleep(1)
        assert [n["status"] for n in nodes] == ["online"], (nodes, (tmp / "supernode.log").read_text()[-3000:])
    finally:
        _stop(node)


def test_plain_http_and_foreign_ca_refused(stack, tmp_path):
    pub = stack["public"]
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"http://127.0.0.1:{pub}/fedrad/version", timeout=5)
    with socket.create_connection(("127.0.0.1", pub), timeout=5) as s:
        s.sendall(b"GET /fedrad/version HTTP/1.1\r\nHost: x\r\n\r\n")
        try:
            reply = s.recv(4096)
        except ConnectionResetError:
            reply = b""
    assert not reply.startswith(b"HTTP/")
    create_ca(tmp_path / "other")
    with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
        httpx.get(f"https://127.0.0.1:{pub}/fedrad/version", verify=_tls(tmp_path / "other" / "ca.crt"))


def test_version_and_health(stack):
    ca, pub = stack["ca"], stack["public"]
    r = httpx.get(f"https://127.0.0.1:{pub}/fedrad/version", verify=_tls(ca))
    assert r.json() == {"fedrad": common.__version__, "flwr": version("flwr")}
    assert httpx.get(f"https://127.0.0.1:{pub}/health", verify=_tls(ca)).json() == {"status": "ok"}


# ---- byte/header fidelity against a TLS echo upstream (the SuperLink would reject unsigned junk) -----------------

async def _echo(scope, receive, send):
    """Reports what reached it: body hash and size, headers; answers with headers a SuperLink might set."""
    if scope["type"] != "http":
        return
    request = Request(scope, receive)
    try:
        body = await request.body()
    except ClientDisconnect:  # the proxy aborted an over-cap upload, as it should
        return
    SEEN.append(request.url.path)
    payload = {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body), "path": request.url.path,
               "query": request.url.query, "headers": [[k, v] for k, v in request.headers.items()]}
    size = int(request.headers.get("x-reply-size", "0"))
    if size:
        blob = hashlib.sha256(body).digest() * (size // 32)
        from starlette.responses import Response
        await Response(blob, status_code=200, media_type="application/protobuf",
                       headers={"flwr-version-incompatibility-message": "peer is old",
                                "x-body-sha256": hashlib.sha256(blob).hexdigest()})(scope, receive, send)
        return
    await JSONResponse(payload, status_code=201, headers={"flwr-version-incompatibility-message": "peer is old",
                                                           "keep-alive": "timeout=99"})(scope, receive, send)


@pytest.fixture(scope="module")
def echo_proxy(stack):
    tmp = stack["tmp"]
    certs = tmp / "certs"
    up_port, proxy_port = free_port(), free_port()
    upstream = uvicorn.Server(uvicorn.Config(_echo, host="127.0.0.1", port=up_port, log_level="warning",
                                             ssl_certfile=str(certs / "server.pem"),
                                             ssl_keyfile=str(certs / "server.key"), lifespan="off", ws="none",
                                             timeout_graceful_shutdown=1))
    thread = threading.Thread(target=upstream.run, daemon=True)
    thread.start()
    proxy = _start([sys.executable, "-m", "fedrad.server.fleet_proxy", "--listen", f"127.0.0.1:{proxy_port}",
                    "--upstream", f"https://127.0.0.1:{up_port}", "--certfile", str(certs / "server.pem"),
                    "--keyfile", str(certs / "server.key"), "--ca-file", str(certs / "ca.crt"),
                    "--sites", str(tmp / "sites.toml"), "--log-file", str(tmp / "echo-proxy.log")],
                   tmp / "echo-proxy.out", stack["env"])
    try:
        _wait_http(f"https://127.0.0.1:{proxy_port}/fedrad/version", certs / "ca.crt", proxy, tmp / "echo-proxy.out")
        yield {"port": proxy_port, "proc": proxy, "ca": certs / "ca.crt", "upstream": up_port, "tmp": tmp}
    finally:
        _stop(proxy)
        upstream.should_exit = True
        thread.join(10)


def test_large_bodies_and_flower_headers_pass_exactly(echo_proxy):
    ca, port = echo_proxy["ca"], echo_proxy["port"]
    body = os.urandom(5 * 2**20 + 13)  # one 5 MiB ArrayChunk plus framing: the largest legitimate request
    flower = {**_signed(echo_proxy["tmp"] / "site-a"), "flwr-package-name": "flwr", "flwr-package-version": "1.42.0",
              "flwr-component-name": "SuperNode", "accept": "application/protobuf"}
    r = _post(f"https://127.0.0.1:{port}/v1/fleet/push-object?x=1", ca, body, **flower,
              **{"x-forwarded-for": "6.6.6.6", "keep-alive": "timeout=1", "connection": "keep-alive, x-hop",
                 "x-hop": "drop-me"})
    assert r.status_code == 201
    seen = r.json()
    got = dict(seen["headers"])
    assert (seen["sha256"], seen["size"], seen["path"], seen["query"]) == \
        (hashlib.sha256(body).hexdigest(), len(body), "/v1/fleet/push-object", "")  # query string dropped
    assert {k: got.get(k) for k in flower} == flower
    assert got["content-type"] == "application/protobuf"
    assert got["content-length"] == str(len(body))
    assert got["x-forwarded-for"] == "127.0.0.1"  # the TCP peer, not the client's claim
    assert "x-hop" not in got and "keep-alive" not in got and "transfer-encoding" not in got
    assert r.headers["flwr-version-incompatibility-message"] == "peer is old"
    assert "keep-alive" not in r.headers

    big = _post(f"https://127.0.0.1:{port}/v1/fleet/pull-object", ca, b"abc", **_signed(echo_proxy["tmp"] / "site-a"),
                **{"x-reply-size": str(8 * 2**20)})
    assert big.status_code == 200 and len(big.content) == 8 * 2**20
    assert hashlib.sha256(big.content).hexdigest() == big.headers["x-body-sha256"]
    assert big.headers["content-type"] == "application/protobuf"


def test_upstream_down_gives_retryable_errors_and_sigterm_exits_zero(stack):
    tmp, ca = stack["tmp"], stack["ca"]
    port = free_port()
    certs = tmp / "certs"
    proxy = _start([sys.executable, "-m", "fedrad.server.fleet_proxy", "--listen", f"127.0.0.1:{port}",
                    "--upstream", f"https://127.0.0.1:{free_port()}", "--certfile", str(certs / "server.pem"),
                    "--keyfile", str(certs / "server.key"), "--ca-file", str(ca), "--sites", str(tmp / "sites.toml")],
                   tmp / "dead.out", stack["env"])
    try:
        _wait_http(f"https://127.0.0.1:{port}/fedrad/version", ca, proxy, tmp / "dead.out")
        r = _post(f"https://127.0.0.1:{port}/v1/fleet/pull-messages", ca, b"\x00", **_signed(tmp / "site-a"))
        assert (r.status_code, r.json()) == (502, {"error": "fleet upstream unreachable"})
        h = httpx.get(f"https://127.0.0.1:{port}/health", verify=_tls(ca))
        assert h.status_code == 503 and h.json()["status"] == "unavailable"
        proxy.send_signal(signal.SIGTERM)
        assert proxy.wait(10) == 0, (tmp / "dead.out").read_text()
    finally:
        _stop(proxy)


def test_oversized_body_refused(echo_proxy):
    """In-process against the live echo upstream: 413 for a declared or a streamed (chunked) body over the cap
    (64 bytes here; 128 MiB in service), while a body under it still goes through."""
    import asyncio

    app = make_app(f"https://127.0.0.1:{echo_proxy['upstream']}", str(echo_proxy["ca"]), version_info={},
                   max_request_body=64)

    async def go():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="https://proxy") as c:
            declared = await c.post("/v1/fleet/push-object", content=b"x" * 65)

            async def chunks():
                for _ in range(3):
                    yield b"y" * 40

            streamed = await c.post("/v1/fleet/push-object", content=chunks())
            small = await c.post("/v1/fleet/push-object", content=b"z" * 64)
        await app.client.aclose()
        return declared, streamed, small

    declared, streamed, small = asyncio.run(go())
    assert declared.status_code == 413 and streamed.status_code == 413
    assert small.status_code == 201 and small.json()["size"] == 64


# ---- hardening (issue 12): verify before forwarding, caps, timeouts, per-address limits ---------------------------

def test_unsigned_foreign_stale_or_forged_requests_never_reach_upstream(echo_proxy):
    ca, port, tmp = echo_proxy["ca"], echo_proxy["port"], echo_proxy["tmp"]
    url = f"https://127.0.0.1:{port}/v1/fleet/push-object"
    before = len(SEEN)
    site = tmp / "site-a"
    cases = {"unsigned": {}, "stranger's valid signature": _signed(tmp / "stranger"),
             "stale timestamp": _signed(site, age=400), "forged signature": _signed(site, forge=True),
             "future timestamp": _signed(site, age=-60), "garbage key": {**_signed(site), "flwr-public-key": "!!"}}
    for name, headers in cases.items():
        r = _post(url, ca, os.urandom(4096), **headers)
        assert r.status_code == 401, (name, r.status_code, r.text)
        assert r.json()["error"].startswith("unauthenticated")
    assert len(SEEN) == before, "a refused request reached the upstream"
    ok = _post(url, ca, b"x" * 100, **_signed(tmp / "site-a"))
    assert ok.status_code == 201 and len(SEEN) == before + 1
    # Over the cap (6 MiB): refused over the wire too, even when signed, and the upstream never completes it.
    big = _post(url, ca, b"y" * (6 * 2**20 + 1), **_signed(tmp / "site-a"))
    assert big.status_code == 413 and len(SEEN) == before + 1
    time.sleep(0.2)
    log = (tmp / "echo-proxy.log").read_text()
    assert "refused /v1/fleet/push-object from 127.0.0.1: key not enrolled" in log
    assert "bad signature" in log and "timestamp outside the window" in log


def _tls_conn(port: int, ca: Path, source: str) -> ssl.SSLSocket:
    raw = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    raw.bind((source, 0))
    raw.settimeout(5)
    raw.connect(("127.0.0.1", port))
    return ssl.create_default_context(cafile=str(ca)).wrap_socket(raw, server_hostname="127.0.0.1")


def _closed_within(conn: ssl.SSLSocket, seconds: float) -> bool:
    """True if the server closes (EOF or reset) within `seconds`; any bytes it sends first are read and ignored."""
    conn.settimeout(seconds)
    end = time.monotonic() + seconds
    try:
        while time.monotonic() < end:
            if not conn.recv(65536):
                return True
    except (ConnectionError, ssl.SSLError, OSError) as exc:
        return not isinstance(exc, TimeoutError)
    return False


def test_slow_clients_cannot_starve_an_enrolled_site(echo_proxy, stack):
    """24 hostile connections from 127.0.0.2 (slow headers, unsigned slow bodies, over the per-address limit) and
    an enrolled site's stalled body from 127.0.0.3, against a proxy with 2 upstream connections; a legitimate
    signed request from 127.0.0.1 is still answered within a second, and every hostile socket is closed."""
    tmp, ca, certs = echo_proxy["tmp"], echo_proxy["ca"], echo_proxy["tmp"] / "certs"
    port = free_port()
    upstream = f"https://127.0.0.1:{echo_proxy['upstream']}"
    proxy = _start([sys.executable, "-m", "fedrad.server.fleet_proxy", "--listen", f"127.0.0.1:{port}",
                    "--upstream", upstream, "--certfile", str(certs / "server.pem"),
                    "--keyfile", str(certs / "server.key"), "--ca-file", str(ca), "--sites", str(tmp / "sites.toml"),
                    "--header-timeout", "2", "--idle-timeout", "2", "--max-conns-per-ip", "8",
                    "--upstream-connections", "2", "--log-file", str(tmp / "slow-proxy.log")],
                   tmp / "slow-proxy.out", stack["env"])
    hostile: list[ssl.SSLSocket] = []
    try:
        _wait_http(f"https://127.0.0.1:{port}/fedrad/version", ca, proxy, tmp / "slow-proxy.out")
        head = b"POST /v1/fleet/push-object HTTP/1.1\r\nHost: x\r\nContent-Type: application/protobuf\r\n"
        for _ in range(6):  # slowloris: headers never finish
            c = _tls_conn(port, ca, "127.0.0.2")
            c.sendall(head)
            hostile.append(c)
        unsigned = []
        for _ in range(2):  # full headers, no signature, a huge declared body trickling in
            c = _tls_conn(port, ca, "127.0.0.2")
            c.sendall(head + b"Content-Length: 5000000\r\n\r\n" + b"z" * 100)
            unsigned.append(c)
        over = [_tls_conn(port, ca, "127.0.0.2") for _ in range(16)]  # beyond the per-address limit of 8
        insider = _tls_conn(port, ca, "127.0.0.3")  # an enrolled site whose body stalls
        signed = "".join(f"{k}: {v}\r\n" for k, v in _signed(tmp / "site-a").items()).encode()
        insider.sendall(head + signed + b"Content-Length: 1000000\r\n\r\n" + b"w" * 1000)

        t0 = time.monotonic()
        r = _post(f"https://127.0.0.1:{port}/v1/fleet/pull-messages", ca, b"legit", **_signed(tmp / "site-a"))
        elapsed = time.monotonic() - t0
        assert r.status_code == 201 and r.json()["size"] == 5, r.text
        assert elapsed < 1.0, f"a legitimate site waited {elapsed:.2f} s"

        for c in unsigned:  # answered 401 at once, never forwarded
            c.settimeout(5)
            assert c.recv(4096).startswith(b"HTTP/1.1 401"), "unsigned slow body was not refused at once"
        assert all(_closed_within(c, 1.0) for c in over), "connections over the per-address limit stayed open"
        t1 = time.monotonic()
        assert all(_closed_within(c, 4.0) for c in hostile), "slow headers were not cut at the header timeout"
        assert _closed_within(insider, 4.0), "a stalled body was not cut at the idle timeout"
        assert time.monotonic() - t1 < 5.0
        time.sleep(0.2)
        log = (tmp / "slow-proxy.log").read_text()
        assert "request headers not complete within 2 s" in log and "no body bytes for 2 s" in log
        assert "over 8 concurrent connections" in log
        hostile += unsigned + over + [insider]
    finally:
        for c in hostile:
            with contextlib.suppress(OSError):
                c.close()
        _stop(proxy)
