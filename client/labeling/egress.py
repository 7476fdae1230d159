"""Where the LLM labeler's report text may go, and an HTTP client that goes exactly there.

Rules (issue 10, "LLM egress"):
- Local means loopback (127.0.0.0/8, ::1), or a host the site lists explicitly
  (`local_endpoint_hosts` in the LLM config TOML, `--local-endpoint-host` on the command line;
  a name matches the URL's host, an IP address matches the address connected to). A private
  network address (10/8, 172.16/12, 192.168/16, fc00::/7, link-local) is *not* local by
  itself: a hospital network is shared with many machines, and whichever answers there was
  never vetted. Everything not local needs the explicit opt-in and passes the PHI gate.
- The host is resolved once, that address is checked, and every connection goes to exactly
  that address (`PinnedTransport`): a DNS answer that changes after the check (rebinding)
  cannot move the traffic. The request keeps the host *name* in its Host header, its TLS SNI
  and certificate check, because httpcore takes those from the URL, not from the socket; only
  the TCP connect is redirected to the pinned address. A connection to any other host or port
  is refused in the transport itself.
- Redirects are never followed (follow_redirects=False); a 3xx is an error naming the status.
- Proxies from the environment (HTTP(S)_PROXY, ALL_PROXY) and .netrc are ignored
  (trust_env=False): a proxy is an unchecked hop.

The HTTP library is the one the installed openai client speaks: httpx2/httpcore2 (openai >= 3)
or httpx/httpcore (openai 1.x); their transport APIs are the same.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from fedrad.common.errors import FedradError

LOOPBACK_NETS = [ipaddress.ip_network(n) for n in ("127.0.0.0/8", "::1/128")]


class EndpointError(FedradError, ValueError):
    """The endpoint URL cannot be used (no host, cannot be resolved); the message names the host."""


@dataclass(frozen=True)
class Endpoint:
    """An endpoint resolved once: every connection goes to `address`, named `host` on the wire."""

    url: str
    scheme: str
    host: str  # as in the URL (lower case, no brackets, no trailing dot)
    port: int
    address: str  # the IP address that was checked and is connected to
    local: bool
    why: str  # "loopback", "listed by the site", or why it is not local


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        ip = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        return ip.ipv4_mapped
    return ip


def is_loopback(address: str) -> bool:
    ip = _ip(address)
    return ip is not None and any(ip in net for net in LOOPBACK_NETS if net.version == ip.version)


def _norm_host(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()


def resolve_endpoint(url: str, local_hosts: Iterable[str] = ()) -> Endpoint:
    """Resolve `url`'s host once (an IP literal is taken as is) and decide whether it is local."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise EndpointError(f"endpoint {url!r}: the scheme must be http or https")
    host = _norm_host(parts.hostname or "")
    if not host:
        raise EndpointError(f"endpoint {url!r} has no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise EndpointError(f"endpoint {url!r}: the port is not a number in 1-65535") from None
    literal = _ip(host)
    if literal is not None:
        address = str(literal)
    else:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise EndpointError(f"endpoint host '{host}' cannot be resolved ({exc.strerror or exc})") from None
        if not infos:
            raise EndpointError(f"endpoint host '{host}' resolves to no address")
        address = str(_ip(infos[0][4][0]) or infos[0][4][0])
    listed = {_norm_host(h) for h in local_hosts if h and h.strip()}
    listed_ips = {str(ip) for h in listed if (ip := _ip(h)) is not None}
    if is_loopback(address):
        local, why = True, "loopback"
    elif host in listed or address in listed_ips:
        local, why = True, "listed by the site as local"
    else:
        ip = _ip(address)
        kind = "a private-network address" if ip is not None and ip.is_private else "a public address"
        local, why = False, f"{kind} not listed by the site as local"
    return Endpoint(url, parts.scheme, host, port, address, local, why)


def http_modules():
    """(httpx-like module, httpcore-like module) matching the installed openai client."""
    import openai._base_client as base

    if getattr(base, "httpx2", None) is not None:
        import httpcore2
        import httpx2

        return httpx2, httpcore2
    import httpcore
    import httpx

    return httpx, httpcore


def pinned_async_client(endpoint: Endpoint, *, verify=True, max_connections: int = 100):
    """An async HTTP client (for openai's `http_client=`) that connects only to `endpoint.address`,
    follows no redirect and ignores proxy environment variables. `verify`: True (system/certifi
    trust), False, a CA bundle path, or an ssl.SSLContext."""
    httpx, httpcore = http_modules()

    class PinnedBackend(httpcore.AsyncNetworkBackend):
        def __init__(self) -> None:
            self._inner = httpcore.AnyIOBackend()

        async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
            if _norm_host(host) != endpoint.host or int(port) != endpoint.port:
                raise httpcore.ConnectError(f"refusing to connect to {host}:{port}: this client may only reach "
                                            f"{endpoint.host}:{endpoint.port}")
            return await self._inner.connect_tcp(endpoint.address, port, timeout=timeout,
                                                 local_address=local_address, socket_options=socket_options)

        async def connect_unix_socket(self, path, timeout=None, socket_options=None):
            raise httpcore.ConnectError("unix sockets are not an LLM endpoint")

        async def sleep(self, seconds: float) -> None:
            await self._inner.sleep(seconds)

    limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)

    class PinnedTransport(httpx.AsyncHTTPTransport):
        """httpx's own transport (request/response mapping, errors) over a pool whose TCP connects
        go to the pinned address; TLS still runs against the host name."""

        def __init__(self) -> None:
            super().__init__(verify=verify, trust_env=False, limits=limits)
            if not isinstance(getattr(self, "_pool", None), httpcore.AsyncConnectionPool):
                raise RuntimeError(f"{httpx.__name__} {httpx.__version__}: unknown transport layout; refusing to "
                                   "send report text over a connection that is not pinned")
            self._pool = httpcore.AsyncConnectionPool(
                ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
                max_connections=limits.max_connections, max_keepalive_connections=limits.max_keepalive_connections,
                keepalive_expiry=limits.keepalive_expiry, network_backend=PinnedBackend())

    return httpx.AsyncClient(transport=PinnedTransport(), follow_redirects=False, trust_env=False)
