"""TLS reverse proxy that shows hospitals only the Fleet API of a loopback-bound Flower 1.42 SuperLink.

Why it exists: Flower 1.42 serves Fleet (`/v1/fleet/*`, SuperNodes), Control (`/v1/control/*`: run submission,
node registration; no authentication in Flower OSS) and Runtime (`/v1/runtime/*`) plus FastAPI's `/docs` on ONE
port. The coordinator binds the SuperLink to 127.0.0.1 and puts this proxy on the public address, so a hospital
(or anyone else on the network) can reach nothing but what a SuperNode needs.

What a Flower 1.42 SuperNode sends (flwr/supernode/fleet_http_client.py, supercore/protobuf/client.py): HTTP/1.1
(httpx without HTTP/2) `POST /v1/fleet/<rpc>` with `content-type: application/protobuf`, `accept:
application/protobuf`; node-auth headers `flwr-public-key`, `flwr-timestamp`, `flwr-signature` (ECDSA over the
timestamp, checked by the SuperLink, superlink/routers/fleet/node_auth.py) and version headers
`flwr-package-name`, `flwr-package-version`, `flwr-component-name`. The SuperLink may answer with
`flwr-version-incompatibility-message`. So the proxy forwards every end-to-end header both ways and drops only
hop-by-hop ones; it never logs headers or bodies (they carry signatures and model weights).

Paths are matched strictly (`/v1/fleet/<one kebab-case segment>`, no percent-encoding): a lenient prefix match
would let `/v1/fleet/../control/start-run` reach the Control API once the upstream client normalises the path.

Before a byte is forwarded, every Fleet request must carry the node-auth headers of an ENROLLED site (its
public key in the coordinator's sites.toml), a valid ECDSA signature over the timestamp with that key, and a
timestamp inside Flower's window: the SuperLink's own check (superlink/routers/fleet/node_auth.py), done at the
edge, so a stranger gets 401 before the SuperLink buffers a body or the proxy spends an upstream connection.
Around it: a body cap at the largest legitimate request (a 5 MiB array chunk, measured below), a deadline for
the request headers, an idle timeout while a body arrives, a per-address connection limit, and query strings
dropped (Flower sends none).

Errors map onto what Flower's HTTP retry loop treats as transient (502/503/504, supercore/retry/http_retry.py),
so a SuperNode keeps retrying while the SuperLink restarts.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import binascii
import contextlib
import datetime as dt
import logging
import logging.handlers
import re
import signal
import ssl
import sys
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fedrad.common.federation import VERSION_PATH, parse_host_port, read_run_status
from starlette.background import BackgroundTask
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.types import Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = logging.getLogger("fedrad.fleet_proxy")

FLEET_PATH = re.compile(r"/v1/fleet/[a-z0-9][a-z0-9-]{0,63}")
NOT_EXPOSED = {"error": "not exposed by the fedrad fleet proxy"}
# Largest legitimate request body. A SuperNode sends model weights as PushObject requests of at most one 5 MiB
# ArrayChunk (FLWR_PRIVATE_MAX_ARRAY_CHUNK_SIZE) plus protobuf framing; measured for a two-view ResNet50 train reply
# by bench/fleet_request_sizes.py: largest push-object body 5,243,061 bytes, push-messages 17,535 bytes. The FAB
# travels the other way (get-fab is a response). 6 MiB leaves room for framing changes, not for a second chunk.
MAX_REQUEST_BODY = 6 * 1024 * 1024
HEADER_TIMEOUT = 10.0  # s from connection (or from the first byte of a keep-alive request) to complete headers
IDLE_TIMEOUT = 30.0  # s without a byte while a request body is arriving
MAX_CONNS_PER_IP = 16  # a SuperNode uses a handful (2 concurrent object pushes, heartbeats, polling)
# Flower's window for signed timestamps (flwr/common/constant.py TIMESTAMP_TOLERANCE, SYSTEM_TIME_TOLERANCE).
TIMESTAMP_TOLERANCE, CLOCK_SKEW = 300.0, 5.0
PUBLIC_KEY_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER = "flwr-public-key", "flwr-timestamp", "flwr-signature"
UNAUTHENTICATED = {"error": "unauthenticated: not an enrolled site, or a bad signature or timestamp"}
# Flower's client uses 30 s for every call (5 s heartbeats); the upstream read must outlast that so the client,
# not the proxy, decides when to give up. keepalive < uvicorn's 5 s server keep-alive avoids reusing a socket
# the SuperLink is closing.
UPSTREAM_TIMEOUT = httpx.Timeout(connect=5.0, read=60.0, write=60.0, pool=10.0)
UPSTREAM_CONNECTIONS = 100
HEALTH_TIMEOUT = 5.0
RELAY_CHUNK = 256 * 1024  # bytes per write to the client: memory per in-flight response stays ~this size

HOP_BY_HOP = frozenset({"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection",
                        "te", "trailer", "trailers", "transfer-encoding", "upgrade"})
# Request headers we replace (forwarding info must come from us, not from the client) or must not pass on.
REQUEST_DROP = HOP_BY_HOP | {"host", "expect", "forwarded", "x-forwarded-for", "x-forwarded-proto",
                             "x-forwarded-host", "x-forwarded-port", "x-real-ip"}
# uvicorn writes its own date; `server` would advertise the SuperLink's stack.
RESPONSE_DROP = HOP_BY_HOP | {"date", "server"}


class BodyTooLarge(Exception):
    pass


def _printable(text: str, limit: int = 200) -> str:
    """A path as it may be logged: no control characters (log injection), bounded length."""
    out = "".join(c if c.isprintable() else "?" for c in text[:limit])
    return out + ("..." if len(text) > limit else "")


def _filter_headers(raw: list[tuple[bytes, bytes]], drop: frozenset[str]) -> list[tuple[str, str]]:
    """Headers minus `drop` and minus any header the Connection header names (also hop-by-hop, RFC 9110 7.6.1)."""
    named = set()
    for k, v in raw:
        if k.lower() == b"connection":
            named |= {t.strip().lower() for t in v.decode("latin-1").split(",")}
    return [(k.decode("latin-1"), v.decode("latin-1")) for k, v in raw
            if (n := k.decode("latin-1").lower()) not in drop and n not in named]


class EnrolledKeys:
    """The public keys of the enrolled sites (sites.toml, OpenSSH lines), as DER SubjectPublicKeyInfo bytes.

    Re-read when the file changes (checked at most every `recheck` s), so `fedrad server add-site` and
    `remove-site` take effect without restarting the proxy. `path=None` accepts any key whose signature and
    timestamp are valid: only for an --insecure one-machine smoke test, where Flower itself lets any node join.
    """

    def __init__(self, path: str | Path | None, *, recheck: float = 2.0) -> None:
        self.path = Path(path) if path is not None else None
        self.recheck = recheck
        self._stamp: tuple[float, int] | None = None
        self._checked = 0.0
        self._keys: dict[bytes, str] = {}
        if self.path is not None:
            if self.path.is_file():
                self._load()
            else:  # no site enrolled yet: every request is refused until `fedrad server add-site` writes it
                log.warning("site registry %s does not exist yet: no site can connect", self.path)

    def _load(self) -> None:
        from cryptography.hazmat.primitives import serialization
        from fedrad.server.sites import read_sites

        keys = {}
        for site in read_sites(self.path).values():
            key = serialization.load_ssh_public_key(site.public_key.encode())
            keys[key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)] = \
                site.name
        st = self.path.stat()
        self._keys, self._stamp = keys, (st.st_mtime, st.st_size)

    def site_of(self, der: bytes) -> str | None:
        if self.path is None:
            return "(any)"
        now = time.monotonic()
        if now - self._checked >= self.recheck:
            self._checked = now
            try:
                st = self.path.stat() if self.path.is_file() else None
                if st is None:
                    self._keys, self._stamp = {}, None
                elif (st.st_mtime, st.st_size) != self._stamp:
                    self._load()
            except (OSError, ValueError) as exc:  # keep the last good list; say so
                log.warning("site registry %s unreadable, keeping the previous list: %s", self.path, exc)
        return self._keys.get(der)


def verify_node(headers, keys: EnrolledKeys, *, now: dt.datetime | None = None) -> tuple[str | None, str]:
    """(site name, "") if the request is signed by an enrolled site's key within Flower's timestamp window,
    else (None, why). The same three checks as Flower 1.42's SuperLink (authenticate_node in
    superlink/routers/fleet/node_auth.py): base64 PEM public key, ECDSA-SHA256 signature over the ASCII
    timestamp, timestamp age in (-5 s, 305 s); plus membership of the key in the enrolled sites."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    try:
        pem = base64.b64decode(headers[PUBLIC_KEY_HEADER], validate=True)
        signature = base64.b64decode(headers[SIGNATURE_HEADER], validate=True)
        stamp = headers[TIMESTAMP_HEADER]
        key = serialization.load_pem_public_key(pem)
        if not isinstance(key, ec.EllipticCurvePublicKey):
            return None, "not an EC key"
        der = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    except KeyError:
        return None, "no node-auth headers"
    except (ValueError, TypeError, binascii.Error, UnicodeError):
        return None, "malformed node-auth headers"
    site = keys.site_of(der)
    if site is None:  # the fingerprint is public (what `fedrad certs site-key` showed the site's operator)
        from fedrad.common.sshkeys import ssh_fingerprint

        line = key.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
        return None, f"key not enrolled ({ssh_fingerprint(line)})"
    try:
        age = ((now or dt.datetime.now(dt.UTC)) - dt.datetime.fromisoformat(stamp)).total_seconds()
    except (ValueError, TypeError):
        return None, "bad timestamp"
    if not -CLOCK_SKEW < age < TIMESTAMP_TOLERANCE + CLOCK_SKEW:
        return None, f"timestamp outside the window (age {age:.0f} s)"
    try:
        key.verify(signature, stamp.encode("ascii"), ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, UnicodeError, ValueError):
        return None, "bad signature"
    return site, ""


class FleetProxy:
    """The ASGI app: a hand-written dispatcher, so nothing (no framework route, /docs, 405) is served by accident."""

    def __init__(self, upstream: str, ca_file: str | None, *, version_info: dict,
                 max_request_body: int = MAX_REQUEST_BODY, status_file: str | None = None,
                 keys: EnrolledKeys | None = None, upstream_connections: int = UPSTREAM_CONNECTIONS) -> None:
        self.upstream = upstream.rstrip("/")
        if not self.upstream.startswith(("https://", "http://")):
            raise ValueError(f"upstream must be an https:// (or, for tests, http://) URL, got {upstream!r}")
        self.version_info = dict(version_info)
        self.status_file = status_file  # the coordinator's run-status.json: sites learn that their run ended
        self.max_request_body = max_request_body
        self.keys = keys  # None: no node verification (in-process tests only; the CLI always verifies)
        limits = httpx.Limits(max_connections=upstream_connections, max_keepalive_connections=20, keepalive_expiry=2.0)
        verify: ssl.SSLContext | bool = ssl.create_default_context(cafile=ca_file) if ca_file else True
        self.client = httpx.AsyncClient(verify=verify, timeout=UPSTREAM_TIMEOUT, limits=limits,
                                        follow_redirects=False, trust_env=False)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":  # websockets are disabled in serve(); refuse them anyway
            await send({"type": "websocket.close", "code": 1008})
            return
        request = Request(scope, receive)
        response = await self.dispatch(request)
        await response(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.client.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def dispatch(self, request: Request) -> Response:
        method, path = request.method, request.url.path
        raw_path = request.scope.get("raw_path", path.encode()).decode("latin-1")
        if method == "POST" and raw_path == path and FLEET_PATH.fullmatch(path):
            if self.keys is not None:
                site, why = verify_node(request.headers, self.keys)
                if site is None:
                    log.warning("refused %s from %s: %s", path, _client_ip(request), why)
                    return JSONResponse(UNAUTHENTICATED, status_code=401, headers={"connection": "close"})
            return await self._forward(request, path)
        if path == "/health" and method in ("GET", "HEAD"):
            return await self._health()
        if path == VERSION_PATH and method in ("GET", "HEAD"):
            return JSONResponse({**self.version_info, **read_run_status(self.status_file)})
        log.warning("blocked %s %s from %s", _printable(method, 16), _printable(raw_path), _client_ip(request))
        return JSONResponse(NOT_EXPOSED, status_code=404)

    async def _health(self) -> Response:
        try:
            r = await self.client.get(f"{self.upstream}/health", timeout=HEALTH_TIMEOUT)
        except httpx.HTTPError as exc:
            log.warning("health: SuperLink unreachable (%s)", type(exc).__name__)
            return JSONResponse({"status": "unavailable", "error": "SuperLink unreachable"}, status_code=503)
        if r.status_code != 200:
            return JSONResponse({"status": "unavailable", "error": f"SuperLink answered {r.status_code}"},
                                status_code=503)
        return JSONResponse({"status": "ok"})

    async def _forward(self, request: Request, path: str) -> Response:
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_request_body:
            return self._too_large(request, path)
        headers = _filter_headers(request.scope["headers"], REQUEST_DROP)
        headers += [("x-forwarded-for", _client_ip(request)), ("x-forwarded-proto", request.url.scheme)]
        url = self.upstream + path  # the query string is dropped: Flower's Fleet calls carry none
        upstream_req = self.client.build_request("POST", url, headers=headers, content=self._body(request))
        try:
            upstream = await self.client.send(upstream_req, stream=True)
        except BodyTooLarge:
            return self._too_large(request, path)
        except ClientDisconnect:
            return Response(status_code=499)  # nobody reads it; keeps the log clean
        except httpx.TimeoutException as exc:
            log.warning("upstream %s timed out for %s (%s)", path, _client_ip(request), type(exc).__name__)
            return JSONResponse({"error": "fleet upstream timed out"}, status_code=504)
        except httpx.HTTPError as exc:
            log.warning("upstream unreachable for %s %s (%s)", path, _client_ip(request), type(exc).__name__)
            return JSONResponse({"error": "fleet upstream unreachable"}, status_code=502)
        response = StreamingResponse(_relay(upstream), status_code=upstream.status_code,
                                     background=BackgroundTask(upstream.aclose))
        # Set raw so repeated headers survive and nothing is added (content-length comes from the SuperLink).
        response.raw_headers = [(k.encode("latin-1"), v.encode("latin-1"))
                                for k, v in _filter_headers(upstream.headers.raw, RESPONSE_DROP)]
        return response

    async def _body(self, request: Request) -> AsyncIterator[bytes]:
        """The client's body as it arrives, capped, re-chunked to RELAY_CHUNK (fewer async TLS writes: push went
        from 0.53 to ~0.73 of direct throughput in bench/fleet_proxy.py)."""
        async def capped() -> AsyncIterator[bytes]:
            seen = 0
            async for chunk in request.stream():
                seen += len(chunk)
                if seen > self.max_request_body:
                    raise BodyTooLarge
                yield chunk

        async for block in _coalesce(capped()):
            yield block

    def _too_large(self, request: Request, path: str) -> Response:
        log.warning("refused %s from %s: body over %d bytes", path, _client_ip(request), self.max_request_body)
        return JSONResponse({"error": "request body too large"}, status_code=413)


async def _relay(upstream: httpx.Response) -> AsyncIterator[bytes]:
    """Raw bytes (no decoding: content-encoding, if any, goes through untouched); always frees the connection.

    httpx's async TLS reads return one 16 KiB TLS record at a time; re-sending each through starlette and uvicorn
    cut pull throughput to a third of direct (measured), so records are coalesced up to RELAY_CHUNK first.
    """
    try:
        async for block in _coalesce(upstream.aiter_raw()):
            yield block
    finally:
        await upstream.aclose()


async def _coalesce(chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """Small pieces gathered into blocks of at least RELAY_CHUNK bytes (the last one may be shorter)."""
    buf = bytearray()
    async for chunk in chunks:
        buf += chunk
        if len(buf) >= RELAY_CHUNK:
            yield bytes(buf)
            buf.clear()
    if buf:
        yield bytes(buf)


def _client_ip(request: Request) -> str:
    return request.client.host if request.client else "?"


def make_app(upstream: str, ca_file: str | None, *, version_info: dict,
             max_request_body: int = MAX_REQUEST_BODY, status_file: str | None = None,
             keys: EnrolledKeys | None = None, upstream_connections: int = UPSTREAM_CONNECTIONS) -> FleetProxy:
    """The proxy as an ASGI app; `upstream` is the SuperLink's base URL, `ca_file` the CA that signed its cert,
    `keys` the enrolled sites whose signed requests pass (None: no verification, for in-process tests)."""
    return FleetProxy(upstream, ca_file, version_info=version_info, max_request_body=max_request_body,
                      status_file=status_file, keys=keys, upstream_connections=upstream_connections)


def hardened_protocol(header_timeout: float = HEADER_TIMEOUT, idle_timeout: float = IDLE_TIMEOUT,
                      max_per_ip: int = MAX_CONNS_PER_IP) -> type[asyncio.Protocol]:
    """uvicorn's httptools protocol with what it lacks at a public edge: a deadline for request headers (uvicorn
    has none, and no timeout before a first request: a silent or byte-a-second client would hold a socket
    forever), an idle timeout while a body arrives, and a cap on concurrent connections per client address
    (refused connections are closed before anything is read)."""
    per_ip: Counter[str] = Counter()

    class Hardened(HttpToolsProtocol):
        _deadline: asyncio.TimerHandle | None = None
        _idle: asyncio.TimerHandle | None = None
        _counted: str | None = None
        _in_body = False

        def connection_made(self, transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            ip = self.client[0] if self.client else "?"
            if per_ip[ip] >= max_per_ip:
                log.warning("closed connection from %s: over %d concurrent connections", ip, max_per_ip)
                transport.abort()
                return
            per_ip[ip] += 1
            self._counted = ip
            self._arm_deadline()

        def connection_lost(self, exc) -> None:
            self._cancel()
            if self._counted is not None:
                per_ip[self._counted] -= 1
                if per_ip[self._counted] <= 0:
                    del per_ip[self._counted]
                self._counted = None
            super().connection_lost(exc)

        def data_received(self, data: bytes) -> None:
            if self._in_body:
                self._arm_idle()
            super().data_received(data)

        def on_message_begin(self) -> None:
            super().on_message_begin()
            if self._deadline is None:
                self._arm_deadline()

        def on_headers_complete(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None
            self._in_body = True
            self._arm_idle()
            super().on_headers_complete()

        def on_message_complete(self) -> None:
            self._in_body = False
            if self._idle is not None:
                self._idle.cancel()
                self._idle = None
            super().on_message_complete()

        def on_response_complete(self) -> None:
            super().on_response_complete()  # arms uvicorn's keep-alive timer for the idle gap between requests

        def _arm_deadline(self) -> None:
            self._deadline = self.loop.call_later(header_timeout, self._expire, "request headers not complete within "
                                                  f"{header_timeout:g} s")

        def _arm_idle(self) -> None:
            if self._idle is not None:
                self._idle.cancel()
            self._idle = self.loop.call_later(idle_timeout, self._idle_expired)

        def _idle_expired(self) -> None:
            if self.flow is not None and self.flow.read_paused:  # we stopped reading (upstream slow): not idle
                self._arm_idle()
                return
            self._expire(f"no body bytes for {idle_timeout:g} s")

        def _expire(self, why: str) -> None:
            if self.transport is not None and not self.transport.is_closing():
                log.warning("closed connection from %s: %s", self.client[0] if self.client else "?", why)
                self.transport.close()

        def _cancel(self) -> None:
            for t in (self._deadline, self._idle):
                if t is not None:
                    t.cancel()
            self._deadline = self._idle = None

    return Hardened


def default_version_info() -> dict:
    """What `GET /fedrad/version` answers, so a site can check compatibility before joining."""
    from importlib.metadata import version

    from fedrad import common

    return {"fedrad": common.__version__, "flwr": version("flwr")}


def _setup_logging(log_file: str | None) -> None:
    if log_file:
        Path(log_file).parent.mkdir(parents=True, exist_ok=True)
        # Rotating: a port scanner hitting blocked paths must not fill the coordinator's disk.
        handler: logging.Handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=10 * 2**20,
                                                                        backupCount=3, encoding="utf-8")
    else:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one INFO line per forwarded call (every 3 s per site)


class _Server(uvicorn.Server):
    """Ends with exit code 0 on SIGTERM/SIGINT: stock uvicorn re-raises the signal after a graceful shutdown."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return

        def stop(sig: int, _frame: Any) -> None:
            if self.should_exit and sig == signal.SIGINT:
                self.force_exit = True
            self.should_exit = True

        old = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for s, h in old.items():
                signal.signal(s, h)


def serve(listen_host: str, listen_port: int, upstream: str, certfile: str | None, keyfile: str | None,
          ca_file: str | None, log_file: str | None = None, *, status_file: str | None = None,
          sites: str | None = None, open_enrolment: bool = False,
          header_timeout: float = HEADER_TIMEOUT, idle_timeout: float = IDLE_TIMEOUT,
          max_conns_per_ip: int = MAX_CONNS_PER_IP, upstream_connections: int = UPSTREAM_CONNECTIONS) -> None:
    """Serve the proxy with TLS until SIGTERM/SIGINT (the coordinator's server.pem/server.key, EC P-384).

    certfile=keyfile=None serves plain HTTP: only for a one-machine smoke test against an `--insecure` SuperLink.
    """
    if (sites is None) == (not open_enrolment):
        raise ValueError("fleet proxy: give --sites FILE (the enrolled sites' keys) or, for an --insecure smoke test "
                         "only, --open-enrolment")
    if (certfile is None) != (keyfile is None):
        raise ValueError("fleet proxy: give both a certificate and a key file, or neither (plain HTTP, tests only)")
    for label, f in (("certificate", certfile), ("key", keyfile), ("CA", ca_file)):
        if f is not None and not Path(f).is_file():
            raise FileNotFoundError(f"fleet proxy: {label} file not found: {f}")
    _setup_logging(log_file)
    scheme = "https" if certfile else "http"
    if not certfile:
        log.warning("fleet proxy WITHOUT TLS: site traffic (model weights, signatures) travels in clear text")
    app = make_app(upstream, ca_file, version_info=default_version_info(), status_file=status_file,
                   keys=EnrolledKeys(sites), upstream_connections=upstream_connections)
    config = uvicorn.Config(
        app, host=listen_host, port=listen_port, ssl_certfile=certfile, ssl_keyfile=keyfile,
        log_config=None, access_log=False,  # our own log: blocked requests only, never headers or bodies
        proxy_headers=False,  # we are the edge: a client's X-Forwarded-For is not trusted
        server_header=False, ws="none", lifespan="on",
        http=hardened_protocol(header_timeout, idle_timeout, max_conns_per_ip),
        timeout_keep_alive=30,  # longer than httpx's 5 s keep-alive on the SuperNode: the client closes first
        limit_concurrency=512, timeout_graceful_shutdown=5,
    )
    log.info("fleet proxy on %s://%s:%d -> %s (only POST /v1/fleet/*, /health, /fedrad/version)",
             scheme, listen_host, listen_port, upstream)
    _Server(config).run()
    log.info("fleet proxy stopped")


def _host_port(text: str) -> tuple[str, int]:
    try:
        return parse_host_port(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m fedrad.server.fleet_proxy", description=__doc__.splitlines()[0])
    ap.add_argument("--listen", type=_host_port, required=True, help="public HOST:PORT, e.g. 0.0.0.0:8443")
    ap.add_argument("--upstream", required=True, help="SuperLink base URL, e.g. https://127.0.0.1:9443")
    ap.add_argument("--certfile", default=None, help="coordinator TLS certificate (server.pem); "
                                                     "omit with --keyfile for plain HTTP (local tests only)")
    ap.add_argument("--keyfile", default=None, help="its private key (server.key)")
    ap.add_argument("--ca-file", default=None, help="CA that signed the SuperLink certificate (ca.crt)")
    ap.add_argument("--log-file", default=None)
    ap.add_argument("--status-file", default=None, help="the coordinator's run-status.json, told to sites")
    ap.add_argument("--sites", default=None, help="the coordinator's sites.toml: only requests signed by an enrolled "
                                                  "site's key are forwarded (re-read when it changes)")
    ap.add_argument("--open-enrolment", action="store_true",
                    help="accept any validly signed node instead (only with an --insecure SuperLink, for tests)")
    ap.add_argument("--header-timeout", type=float, default=HEADER_TIMEOUT)
    ap.add_argument("--idle-timeout", type=float, default=IDLE_TIMEOUT)
    ap.add_argument("--max-conns-per-ip", type=int, default=MAX_CONNS_PER_IP)
    ap.add_argument("--upstream-connections", type=int, default=UPSTREAM_CONNECTIONS)
    args = ap.parse_args(argv)
    host, port = args.listen
    try:
        serve(host, port, args.upstream, args.certfile, args.keyfile, args.ca_file, args.log_file,
              status_file=args.status_file, sites=args.sites, open_enrolment=args.open_enrolment,
              header_timeout=args.header_timeout, idle_timeout=args.idle_timeout,
              max_conns_per_ip=args.max_conns_per_ip, upstream_connections=args.upstream_connections)
    except (FileNotFoundError, ValueError, ssl.SSLError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
