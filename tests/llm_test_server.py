"""A small OpenAI-compatible chat-completions server for testing the LLM labeler without a model.

It answers `/v1/chat/completions` and `/v1/models` on 127.0.0.1 (ephemeral port), in a
background thread (`FakeLLM(...).start()`) or as its own process
(`python -m tests.llm_test_server --latency 0.1`, prints `PORT <n>`), with `GET /stats` for the
call counts. It is concurrent (one thread per connection, deep listen backlog), so it is never
the bottleneck in the throughput benchmark.

Behaviour per call: the next entry of `script` if any, else `mode`:
  ok            correct answer (from `answers`, else the keyword rule below)
  malformed     truncated JSON
  prose         the correct JSON wrapped in prose and a code fence
  refusal       the API's `refusal` field set, no content
  refusal_text  "I'm sorry, I cannot ..." as content
  429           HTTP 429 with Retry-After: `retry_after`
  500           HTTP 500
  stall         sleep `stall_seconds`, then answer (a client with a shorter timeout gives up)
  307           HTTP 307 Temporary Redirect to `redirect_to` (a re-post there would leak the report)
  callable      fn(request_json) -> content string (odd answers: synonyms, unknown keys, ...)
`reject_max_tokens=True` answers 400 to `max_tokens` as OpenAI's reasoning models do.
`reject_json_schema=True` answers HTTP 500 mentioning response_format to a `json_schema`
request, as llama-cpp-python's server does. `require_key` answers 401 and echoes the received
key in the message (a hostile server) unless the right key is sent.
`host` picks the loopback address to listen on (e.g. 127.0.0.2); `ssl_context` serves https;
`hosts` records each call's Host header, `sni` each TLS client's server name.

Keyword rule for "ok": a finding id written in the report text (as a word, e.g.
`radial_head_fracture`) is "true", `possible <id>` is "uncertain", everything else "false".
Parents are deliberately NOT propagated, so the labeler's parent repair is exercised.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ID_LINE = re.compile(r"^- ([a-z0-9_]+): ", re.MULTILINE)
REPORT = re.compile(r"<report>\n(.*?)\n</report>", re.DOTALL)


def keyword_answer(report: str, ids: list[str]) -> dict[str, str]:
    out = {}
    text = report.lower()
    for fid in ids:
        if re.search(rf"possible (?<![a-z_]){fid}(?![a-z_])", text):
            out[fid] = "uncertain"
        elif re.search(rf"(?<![a-z_]){fid}(?![a-z_])", text):
            out[fid] = "true"
        else:
            out[fid] = "false"
    return out


def request_ids(req: dict) -> list[str]:
    """Finding ids the client asked for: from the schema if sent, else from the system prompt."""
    rf = req.get("response_format") or {}
    schema = rf.get("schema") or (rf.get("json_schema") or {}).get("schema")
    if schema:
        return list(schema["properties"])
    system = next((m["content"] for m in req["messages"] if m["role"] == "system"), "")
    return ID_LINE.findall(system)


def request_report(req: dict) -> str:
    for m in req["messages"]:
        if m["role"] == "user" and (hit := REPORT.search(m["content"])):
            return hit.group(1)
    return ""


class FakeLLM:
    def __init__(self, *, mode="ok", latency: float = 0.0, answers: dict[str, dict[str, str]] | None = None,
                 reject_json_schema: bool = False, retry_after: str = "1", stall_seconds: float = 5.0,
                 require_key: str | None = None, reject_max_tokens: bool = False, record: bool = True,
                 host: str = "127.0.0.1", redirect_to: str = "", ssl_context=None):
        self.mode = mode
        self.latency = latency
        self.answers = answers or {}
        self.reject_json_schema = reject_json_schema
        self.retry_after = retry_after
        self.stall_seconds = stall_seconds
        self.require_key = require_key
        self.reject_max_tokens = reject_max_tokens
        self.record = record
        self.host = host
        self.redirect_to = redirect_to
        self.ssl_context = ssl_context
        self.hosts: list[str] = []  # Host header of every call
        self.sni: list[str | None] = []  # TLS server name sent by every https client
        self.script: collections.deque = collections.deque()
        self.calls = 0
        self.completions = 0  # answers delivered with HTTP 200
        self.inflight = 0
        self.max_inflight = 0  # the most calls served at once (checks the client's concurrency bound)
        self.requests: list[dict] = []
        self.log: list[tuple[float, str]] = []  # (monotonic arrival time, behaviour) per call
        self.lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ---- lifecycle ------------------------------------------------------------------
    def start(self, port: int = 0) -> FakeLLM:
        fake = self

        class Handler(_Handler):
            server_state = fake

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 256  # a burst of 32+ connects must not overflow the backlog

            def handle_error(self, request, client_address):  # clients that time out close early
                pass

        self._server = Server((self.host, port), Handler)
        if self.ssl_context is not None:
            self.ssl_context.sni_callback = lambda sock, name, ctx: self.sni.append(name)
            self._server.socket = self.ssl_context.wrap_socket(self._server.socket, server_side=True,
                                                               do_handshake_on_connect=False)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    @property
    def port(self) -> int:
        assert self._server is not None
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        return f"{'https' if self.ssl_context else 'http'}://{self.host}:{self.port}/v1"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeLLM:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # ---- behaviour -------------------------------------------------------------------
    def next_behaviour(self):
        with self.lock:
            self.calls += 1
            return self.script.popleft() if self.script else self.mode

    def answer_content(self, req: dict) -> str:
        report = request_report(req)
        ids = request_ids(req)
        ans = self.answers.get(report.strip()) or keyword_answer(report, ids)
        return json.dumps(ans)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_state: FakeLLM

    def log_message(self, *args) -> None:
        pass

    def setup(self) -> None:
        if hasattr(self.request, "do_handshake"):  # https: the handshake runs here, in this connection's thread
            self.request.do_handshake()
        super().setup()
        # Without TCP_NODELAY, small writes meet the client's delayed ACK: ~40 ms extra per call.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _send(self, status: int, body: dict, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        # Headers and body in one write (end_headers() would flush the headers on their own).
        self._headers_buffer.append(b"\r\n")
        head = b"".join(self._headers_buffer)
        self._headers_buffer = []
        self.wfile.write(head + data)

    def do_GET(self) -> None:
        st = self.server_state
        if self.path.rstrip("/") == "/v1/models":
            self._send(200, {"object": "list", "data": [{"id": "fake-llm", "object": "model", "owned_by": "test"}]})
        elif self.path == "/stats":
            self._send(200, {"calls": st.calls, "completions": st.completions})
        else:
            self._send(404, {"error": {"message": "not found"}})

    def do_POST(self) -> None:
        st = self.server_state
        length = int(self.headers.get("Content-Length", 0))
        req = json.loads(self.rfile.read(length) or b"{}")
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._send(404, {"error": {"message": f"no route {self.path}"}})
            return
        behaviour = st.next_behaviour()
        with st.lock:
            st.hosts.append(self.headers.get("Host", ""))
            if st.record:
                st.requests.append(req)
            st.inflight += 1
            st.log.append((time.monotonic(), behaviour if isinstance(behaviour, str) else "callable"))
            st.max_inflight = max(st.max_inflight, st.inflight)
        try:
            self._complete(st, req, behaviour)
        finally:
            with st.lock:
                st.inflight -= 1

    def _complete(self, st: FakeLLM, req: dict, behaviour) -> None:
        if st.latency:
            time.sleep(st.latency)
        if st.require_key is not None:
            got = self.headers.get("Authorization", "").removeprefix("Bearer ")
            if got != st.require_key:
                self._send(401, {"error": {"message": f"Incorrect API key provided: {got}", "type": "auth"}})
                return
        if st.reject_max_tokens and "max_tokens" in req:
            self._send(400, {"error": {"message": "Unsupported parameter: 'max_tokens' is not supported with this "
                                                  "model. Use 'max_completion_tokens' instead.",
                                       "type": "invalid_request_error", "param": "max_tokens"}})
            return
        rf = req.get("response_format") or {}
        if st.reject_json_schema and rf.get("type") == "json_schema":
            self._send(500, {"error": {"message": "1 validation error for CreateChatCompletionRequest "
                                                  "response_format: Input should be 'text' or 'json_object'"}})
            return
        if behaviour == "429":
            self._send(429, {"error": {"message": "rate limited", "type": "rate_limit"}},
                       {"Retry-After": st.retry_after})
            return
        if behaviour == "307":
            self._send(307, {"error": {"message": "moved"}}, {"Location": st.redirect_to})
            return
        if behaviour == "500":
            self._send(500, {"error": {"message": "internal error"}})
            return
        if behaviour == "stall":
            time.sleep(st.stall_seconds)
        refusal = None
        content: str | None
        if callable(behaviour):
            content = behaviour(req)
        elif behaviour == "malformed":
            content = st.answer_content(req)[:25]
        elif behaviour == "prose":
            content = f"Sure! Here are the labels:\n```json\n{st.answer_content(req)}\n```\nHope this helps."
        elif behaviour == "refusal":
            content, refusal = None, "I can't help with that request."
        elif behaviour == "refusal_text":
            content = "I'm sorry, but I cannot provide medical interpretations."
        else:
            content = st.answer_content(req)
        prompt_chars = sum(len(m.get("content") or "") for m in req.get("messages", []))
        body = {
            "id": f"chatcmpl-{st.calls}", "object": "chat.completion", "created": int(time.time()),
            "model": req.get("model", "fake-llm"),
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": content, "refusal": refusal}}],
            "usage": {"prompt_tokens": prompt_chars // 4, "completion_tokens": len(content or "") // 4,
                      "total_tokens": prompt_chars // 4 + len(content or "") // 4},
        }
        self._send(200, body)
        with st.lock:
            st.completions += 1


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--latency", type=float, default=0.0, help="seconds per call")
    ap.add_argument("--mode", default="ok")
    ap.add_argument("--reject-json-schema", action="store_true")
    args = ap.parse_args(argv)
    fake = FakeLLM(mode=args.mode, latency=args.latency, reject_json_schema=args.reject_json_schema,
                   record=False).start(args.port)
    print(f"PORT {fake.port}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        fake.stop()
        sys.exit(0)


if __name__ == "__main__":
    main()
