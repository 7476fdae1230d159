"""Cost of the fleet proxy: ~5 MiB pushes/pulls and small calls, straight to a TLS upstream vs through the proxy.

The upstream is a minimal TLS uvicorn app standing in for the SuperLink (a real SuperLink wants signed requests
for a live run); the client is a synchronous HTTP/1.1 httpx.Client with keep-alive, as Flower's SuperNode uses.
Every process (client, proxy, upstream) is separate, as in service. Prints MiB/s, the median latency of a small
call, the ratio proxied/direct, and the proxy's peak RSS (streaming keeps it far below the bytes moved).
Usage: python bench/fleet_proxy.py [--mib 5] [--n 20]
"""

from __future__ import annotations

import argparse
import os
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]

from fedrad.common.flowerproc import free_port  # noqa: E402
from fedrad.server.pki import create_ca, issue_server_cert  # noqa: E402

UPSTREAM = r'''
import sys, uvicorn
size = int(sys.argv[2])
blob = bytes(range(256)) * (size // 256)
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    n = 0
    while True:
        m = await receive()
        n += len(m.get("body", b""))
        if not m.get("more_body"):
            break
    body = blob if scope["path"] == "/v1/fleet/pull-object" else str(n).encode()
    await send({"type": "http.response.start", "status": 200, "headers": [
        (b"content-type", b"application/protobuf"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), ssl_certfile=sys.argv[3], ssl_keyfile=sys.argv[4],
            log_level="warning", lifespan="off", timeout_graceful_shutdown=1)
'''


def _wait(url: str, ctx: ssl.SSLContext) -> None:
    for _ in range(100):
        try:
            httpx.post(url, verify=ctx, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit(f"{url} never answered")


def _peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _measure(base: str, ctx: ssl.SSLContext, body: bytes, n: int) -> dict[str, float]:
    headers = {"content-type": "application/protobuf", "accept": "application/protobuf"}
    out = {}
    with httpx.Client(verify=ctx, timeout=30) as c:
        c.post(f"{base}/v1/fleet/push-object", content=body[:100], headers=headers)  # warm the connection
        t = time.perf_counter()
        for _ in range(n):
            r = c.post(f"{base}/v1/fleet/push-object", content=body, headers=headers)
            assert r.status_code == 200 and int(r.text) == len(body), r.text[:200]
        out["push"] = len(body) * n / 2**20 / (time.perf_counter() - t)
        t = time.perf_counter()
        for _ in range(n):
            r = c.post(f"{base}/v1/fleet/pull-object", content=b"x" * 60, headers=headers)
            assert r.status_code == 200 and len(r.content) == len(body)
        out["pull"] = len(body) * n / 2**20 / (time.perf_counter() - t)
        times = []
        for _ in range(n * 10):
            t = time.perf_counter()
            c.post(f"{base}/v1/fleet/send-node-heartbeat", content=b"x" * 40, headers=headers)
            times.append(time.perf_counter() - t)
        out["small_ms"] = statistics.median(times) * 1000
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mib", type=float, default=5.0, help="body size in MiB (Flower's array chunks are <= 5 MiB)")
    ap.add_argument("--n", type=int, default=20, help="transfers per direction")
    args = ap.parse_args()
    size = int(args.mib * 2**20)
    body = os.urandom(size)
    procs = []
    with tempfile.TemporaryDirectory() as tmp:
        certs = Path(tmp)
        create_ca(certs)
        issue_server_cert(certs, certs, ["localhost"])
        ctx = ssl.create_default_context(cafile=str(certs / "ca.crt"))
        up, px = free_port(), free_port()
        try:
            procs.append(subprocess.Popen([sys.executable, "-c", UPSTREAM, str(up), str(size),
                                           str(certs / "server.pem"), str(certs / "server.key")]))
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "fedrad.server.fleet_proxy", "--listen", f"127.0.0.1:{px}", "--upstream",
                 f"https://127.0.0.1:{up}", "--certfile", str(certs / "server.pem"), "--keyfile",
                 str(certs / "server.key"), "--ca-file", str(certs / "ca.crt"), "--log-file", str(certs / "p.log")],
                cwd=ROOT))
            _wait(f"https://127.0.0.1:{up}/v1/fleet/x", ctx)
            _wait(f"https://127.0.0.1:{px}/v1/fleet/x", ctx)
            direct = _measure(f"https://127.0.0.1:{up}", ctx, body, args.n)
            proxied = _measure(f"https://127.0.0.1:{px}", ctx, body, args.n)
            rss = _peak_rss_mib(procs[1].pid)
        finally:
            for p in reversed(procs):
                p.terminate()
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait(5)
    print(f"fleet proxy bench: {args.n} x {args.mib:g} MiB each way, TLS, HTTP/1.1 keep-alive, 127.0.0.1, "
          f"{os.cpu_count()} CPUs")
    print(f"{'':10}{'direct':>12}{'proxied':>12}{'proxied/direct':>16}")
    for key, unit in (("push", "MiB/s"), ("pull", "MiB/s")):
        print(f"{key + ' ' + unit:10}{direct[key]:12.1f}{proxied[key]:12.1f}{proxied[key] / direct[key]:16.2f}")
    print(f"{'small ms':10}{direct['small_ms']:12.2f}{proxied['small_ms']:12.2f}"
          f"{proxied['small_ms'] / direct['small_ms']:16.2f}")
    print(f"proxy peak RSS: {rss:.0f} MiB (body size {args.mib:g} MiB)")


if __name__ == "__main__":
    main()
