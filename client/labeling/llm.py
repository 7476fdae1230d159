"""LLM labeler: one chat-completion call per report against any OpenAI-compatible endpoint.

Design choices (and why):
- The openai client's own retries are off (max_retries=0): we retry ourselves so that 429s honour
  Retry-After for *all* concurrent calls (a shared pause), backoff has jitter, and every retry is
  counted in the run summary.
- Structured output differs by server: OpenAI/vLLM/llama-server take `json_schema` (strict),
  llama-cpp-python's server rejects it but takes `{"type": "json_object", "schema": ...}`, some only
  plain JSON mode. We try them in that order, fall back when the endpoint rejects the form, and keep
  the working form for the rest of the run.
- Every answer is validated (client.labeling.answer); invalid answers and refusals are asked again,
  then reported as errors (never guessed, never cached).
- Privacy (client.labeling.egress): only loopback or a host the site lists (`local_endpoint_hosts`)
  is local; anything else, private networks included, needs `allow_remote_endpoint`, and then only
  reports that pass the PHI gate are sent (client.labeling.phi_gate: the site's identifiers and
  phi-suspects.csv when run through `label_site`). The host is resolved once and the connection
  pinned to the checked address; redirects are never followed. The API key is read from an
  environment variable, kept in a `_Secret`, and scrubbed from every error message; never logged.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import os
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from fedrad.client.labeling import FORMS, RESPONSE_FORMATS
from fedrad.client.labeling.answer import InvalidAnswer, parse_answer, repair_kind
from fedrad.client.labeling.base import LabelRequest, LabelResult, ProgressFn, ResultFn
from fedrad.client.labeling.egress import Endpoint, EndpointError, resolve_endpoint
from fedrad.client.labeling.phi_gate import PHIGate, describe_suspects
from fedrad.client.labeling.prompt import PROMPT_VERSION, messages, schema_name
from fedrad.client.labeling.prompt import json_schema as build_schema
from fedrad.common.errors import FedradError
from fedrad.common.templates import Template, load_template

log = logging.getLogger("fedrad.labeling.llm")

DEFAULT_OPENAI_URL = "https://api.openai.com/v1"
RETRY_STATUS = {408, 409, 425, 429, 500, 502, 503, 504}
LOCAL_PLACEHOLDER_KEY = "sk-local-no-key"  # local servers (llama.cpp, vLLM) accept any key


class LLMConfigError(FedradError, ValueError):
    """The LLM labeler cannot start with this configuration (message is safe to show: no secrets)."""


class RemoteEndpointError(LLMConfigError):
    """A non-local endpoint was configured without the explicit opt-in."""


@dataclass
class LLMConfig:
    """Settings of the LLM labeler; defaults suit a local llama.cpp/vLLM server."""

    model: str = "default"
    base_url: str | None = None  # None: OpenAI's public API (a remote endpoint)
    api_key_env: str = "OPENAI_API_KEY"  # name of the environment variable holding the key
    azure_endpoint: str | None = None  # set for Azure OpenAI; `model` is then the deployment name
    azure_api_version: str = "2024-10-21"
    concurrency: int = 8
    temperature: float = 0.0  # the study used 0.2; 0 makes reruns reproducible where the server allows
    seed: int | None = None
    max_tokens: int | None = 1024  # bounds a looping small model; None to omit
    timeout: float = 120.0  # seconds per HTTP call
    max_attempts: int = 6  # HTTP attempts per call (429/5xx/timeouts/connection errors)
    max_answer_attempts: int = 3  # answers per report (invalid JSON/values, refusals)
    backoff_base: float = 0.5  # seconds; doubles per attempt, with jitter
    backoff_max: float = 30.0
    retry_after_max: float = 300.0  # cap on a server's Retry-After
    response_format: str = "auto"  # auto | json_schema | json_object_schema | json_object | none
    price_prompt_per_1m: float = 0.0  # currency per 1M prompt tokens (0 for local)
    price_completion_per_1m: float = 0.0
    allow_remote_endpoint: bool = False
    local_endpoint_hosts: list[str] = field(default_factory=list)  # the site's own LLM servers (names or IPs)
    ca_bundle: str | None = None  # PEM file of the CA that signed an https endpoint's certificate (e.g. the site's)

    def endpoint(self) -> str:
        return self.azure_endpoint or self.base_url or DEFAULT_OPENAI_URL


class _Secret:
    """Holds the API key so that repr(), vars() dumps and tracebacks show '***'."""

    __slots__ = ("_value",)

    def __init__(self, value: str):
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "_Secret('***')"

    __str__ = __repr__


def is_local_endpoint(url: str, local_hosts: Sequence[str] = ()) -> bool:
    """True when `url` is loopback or listed by the site (client.labeling.egress); unresolvable: False."""
    try:
        return resolve_endpoint(url, local_hosts).local
    except EndpointError:
        return False


def retry_after_seconds(headers, now: float | None = None) -> float | None:
    """Retry-After as seconds: delta-seconds, an HTTP date, or OpenAI's retry-after-ms."""
    if headers is None:
        return None
    ms = headers.get("retry-after-ms")
    if ms:
        try:
            return max(0.0, float(ms) / 1000.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class CallFailed(Exception):
    """No HTTP answer could be obtained for one report (after retries, or a non-retryable status)."""


@dataclass
class LLMStats:
    """Run totals, for the summary."""

    calls: int = 0
    retries: int = 0
    format_fallbacks: int = 0
    invalid_answers: Counter = field(default_factory=Counter)
    repairs: Counter = field(default_factory=Counter)
    errors: int = 0
    phi_blocked: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0


class LLMLabeler:
    """Labeler protocol implementation (name "llm"); one instance serves any region."""

    name = "llm"
    version = "1"

    def __init__(self, config: LLMConfig, *, phi_check: Callable[[str], list] | None = None,
                 rng: random.Random | None = None):
        self.config = config
        self.model = config.model
        self.prompt_version = PROMPT_VERSION
        if config.response_format not in RESPONSE_FORMATS:
            raise LLMConfigError(f"response_format must be auto or one of {', '.join(FORMS)}, "
                                 f"got {config.response_format!r}")
        if config.concurrency < 1:
            raise LLMConfigError("concurrency must be >= 1")
        try:
            self.endpoint: Endpoint = resolve_endpoint(config.endpoint(), config.local_endpoint_hosts)
        except EndpointError as exc:
            raise LLMConfigError(str(exc)) from None
        self.remote = not self.endpoint.local
        if self.remote and not config.allow_remote_endpoint:
            ep = self.endpoint
            raise RemoteEndpointError(
                f"endpoint host '{ep.host}' ({ep.address}) is {ep.why}; report text would leave the site. "
                "If it is the site's own server, list it with --local-endpoint-host (local_endpoint_hosts); "
                "if sending there is intended, pass --allow-remote-endpoint (allow_remote_endpoint=True): only "
                "reports that pass the PHI gate are then sent.")
        self._phi_check = phi_check
        self._site_gate: PHIGate | None = None
        if self.remote and self._phi_check is None:
            try:
                from fedrad.client.phi_check import phi_check as default_phi_check
            except ImportError:
                raise LLMConfigError("a remote endpoint needs the PHI check (client.phi_check), which is not "
                                     "installed; refusing to send report text") from None
            self._phi_check = default_phi_check
        key = os.environ.get(config.api_key_env, "")
        if not key:
            if self.remote:
                raise LLMConfigError(f"environment variable {config.api_key_env} (the API key) is not set")
            key = LOCAL_PLACEHOLDER_KEY
        self._key = _Secret(key)
        self._form = FORMS.index(config.response_format) if config.response_format != "auto" else 0
        self._rng = rng or random.Random()
        self._pause_until = 0.0
        self._templates: dict[str, Template] = {}
        self._schemas: dict[str, dict] = {}
        self._max_tokens_key = "max_tokens"  # OpenAI's reasoning models want max_completion_tokens
        self.stats = LLMStats()

    def use_site_gate(self, gate: PHIGate) -> None:
        """Gate a non-local endpoint with the site's identifiers and phi-suspects.csv (label_site does this)."""
        self._site_gate = gate

    def _blocked(self, req: LabelRequest) -> str | None:
        """Why `req` must not go to this (non-local) endpoint; None: it may."""
        if self._site_gate is not None:
            return self._site_gate.reason(req.study_id, req.text)
        suspects = self._phi_check(req.text)
        return describe_suspects(suspects) if suspects else None

    def __repr__(self) -> str:
        host = urlsplit(self.config.endpoint()).hostname
        return (f"LLMLabeler(model={self.model!r}, endpoint_host={host!r}, remote={self.remote}, "
                f"response_format={self.response_format!r}, api_key_env={self.config.api_key_env!r})")

    @property
    def response_format(self) -> str:
        """The structured-output form in use (after any fallback)."""
        return FORMS[self._form]

    def cost(self) -> float:
        c = self.config
        return (self.stats.prompt_tokens * c.price_prompt_per_1m
                + self.stats.completion_tokens * c.price_completion_per_1m) / 1e6

    # ---- public API -------------------------------------------------------------------

    def label_batch(self, requests: Sequence[LabelRequest], progress: ProgressFn | None = None,
                    on_result: ResultFn | None = None) -> list[LabelResult]:
        """Label every request (results in order). Runs its own event loop: from async code use alabel_batch."""
        return asyncio.run(self.alabel_batch(requests, progress=progress, on_result=on_result))

    async def alabel_batch(self, requests: Sequence[LabelRequest], progress: ProgressFn | None = None,
                           on_result: ResultFn | None = None) -> list[LabelResult]:
        results: list[LabelResult | None] = [None] * len(requests)
        if not requests:
            return []
        client = self._make_client()
        sem = asyncio.Semaphore(self.config.concurrency)

        async def one(i: int, req: LabelRequest) -> None:
            async with sem:
                res = await self._label_one(client, req)
            results[i] = res
            self._account(res)
            if on_result is not None:
                on_result(i, res)
            if progress is not None:
                progress(1)

        try:
            await asyncio.gather(*(one(i, r) for i, r in enumerate(requests)))
        finally:
            await client.close()
        return [r for r in results if r is not None]

    # ---- internals --------------------------------------------------------------------

    def _make_client(self):
        import ssl

        import openai
        from fedrad.client.labeling.egress import pinned_async_client

        c = self.config
        verify: bool | ssl.SSLContext = ssl.create_default_context(cafile=c.ca_bundle) if c.ca_bundle else True
        http = pinned_async_client(self.endpoint, verify=verify, max_connections=c.concurrency + 4)
        common = {"api_key": self._key.reveal(), "timeout": c.timeout, "max_retries": 0, "http_client": http}
        if c.azure_endpoint:
            return openai.AsyncAzureOpenAI(azure_endpoint=c.azure_endpoint, api_version=c.azure_api_version,
                                           azure_deployment=c.model, **common)
        return openai.AsyncOpenAI(base_url=c.base_url or DEFAULT_OPENAI_URL, **common)

    def _scrub(self, text: str) -> str:
        key = self._key.reveal()
        return text.replace(key, "***") if len(key) >= 4 else text

    def _template(self, region: str) -> Template:
        if region not in self._templates:
            self._templates[region] = load_template(region)
        return self._templates[region]

    def _account(self, res: LabelResult) -> None:
        s = self.stats
        s.prompt_tokens += res.usage.get("prompt_tokens", 0)
        s.completion_tokens += res.usage.get("completion_tokens", 0)
        s.calls += res.stats.get("calls", 0)
        s.retries += res.stats.get("retries", 0)
        s.format_fallbacks += res.stats.get("format_fallbacks", 0)
        s.phi_blocked += res.stats.get("phi_blocked", 0)
        for k, v in res.stats.items():
            if k.startswith("invalid_"):
                s.invalid_answers[k.removeprefix("invalid_")] += v
        s.repairs.update(repair_kind(r) for r in res.repairs)
        if not res.ok:
            s.errors += 1
            log.warning("study %s (%s): %s", res.study_id, res.region, res.error)

    def _request(self, template: Template, msgs: list[dict], form: str) -> dict:
        c = self.config
        kw: dict = {"model": c.model, "messages": msgs, "temperature": c.temperature}
        if c.seed is not None:
            kw["seed"] = c.seed
        if c.max_tokens:
            kw[self._max_tokens_key] = c.max_tokens
        schema = self._schemas.setdefault(template.region, build_schema(template))
        if form == "json_schema":
            rf = {"type": "json_schema", "json_schema": {"name": schema_name(template), "strict": True,
                                                         "schema": schema}}
        elif form == "json_object_schema":
            rf = {"type": "json_object", "schema": schema}
        elif form == "json_object":
            rf = {"type": "json_object"}
        else:
            return kw
        # Sent as extra_body, not response_format=: the client's typed transform walks the whole schema on
        # every call (~1.5 ms CPU, a third of the client's per-call cost at high concurrency) and does not
        # know llama.cpp's "schema" extension anyway. The JSON on the wire is the same.
        kw["extra_body"] = {"response_format": rf}
        return kw

    def _backoff(self, attempt: int) -> float:
        d = min(self.config.backoff_max, self.config.backoff_base * 2 ** (attempt - 1))
        return d / 2 + self._rng.uniform(0, d / 2)

    async def _wait_pause(self) -> None:
        loop = asyncio.get_running_loop()
        while (delay := self._pause_until - loop.time()) > 0:
            await asyncio.sleep(delay)

    @staticmethod
    def _is_format_rejection(status: int, message: str) -> bool:
        m = message.lower()
        return status in (400, 422, 500) and any(w in m for w in ("response_format", "json_schema", "schema",
                                                                   "json_object", "grammar"))

    async def _call(self, client, template: Template, msgs: list[dict], stats: Counter):
        import openai

        c = self.config
        attempt = 0
        last = ""
        while attempt < c.max_attempts:
            attempt += 1
            await self._wait_pause()
            form_index = self._form
            stats["calls"] += 1
            try:
                return await client.chat.completions.create(**self._request(template, msgs, FORMS[form_index]))
            except openai.APIStatusError as exc:
                status = exc.status_code
                if 300 <= status < 400:
                    raise CallFailed(f"HTTP {status}: the endpoint answered with a redirect; redirects are never "
                                     "followed, so the report was not sent on") from None
                message = self._scrub(str(exc.message))
                last = f"HTTP {status}: {message[:300]}"
                if (c.response_format == "auto" and form_index < len(FORMS) - 1
                        and self._is_format_rejection(status, message)):
                    if self._form == form_index:  # concurrent calls may have advanced it already
                        self._form = form_index + 1
                        log.info("endpoint rejected response_format %s; using %s from now on",
                                 FORMS[form_index], FORMS[self._form])
                    stats["format_fallbacks"] += 1
                    attempt -= 1  # a form probe is not a failed attempt
                    continue
                if (status == 400 and self._max_tokens_key == "max_tokens" and "max_tokens" in message
                        and "max_completion_tokens" in message):
                    self._max_tokens_key = "max_completion_tokens"
                    attempt -= 1
                    continue
                if status not in RETRY_STATUS:
                    raise CallFailed(last) from None
                delay = retry_after_seconds(exc.response.headers)
                if delay is not None:
                    delay = min(delay, c.retry_after_max)
                    loop = asyncio.get_running_loop()
                    self._pause_until = max(self._pause_until, loop.time() + delay)
                else:
                    delay = self._backoff(attempt)
            except openai.APIConnectionError as exc:  # includes APITimeoutError
                kind = "timeout" if isinstance(exc, openai.APITimeoutError) else "connection error"
                last = f"{kind}: {self._scrub(str(exc))[:200]}"
                delay = self._backoff(attempt)
            if attempt < c.max_attempts:
                stats["retries"] += 1
                await asyncio.sleep(delay)
        raise CallFailed(f"gave up after {c.max_attempts} attempts; last: {last}")

    async def _label_one(self, client, req: LabelRequest) -> LabelResult:
        stats: Counter = Counter()
        usage: Counter = Counter()

        def fail(msg: str) -> LabelResult:
            return LabelResult(req.study_id, req.region, {}, error=msg, usage=dict(usage), stats=dict(stats))

        try:
            template = self._template(req.region)
            if self.remote:
                reason = self._blocked(req)
                if reason:
                    stats["phi_blocked"] += 1
                    return fail(f"{reason}; not sent to the remote endpoint")
            base = messages(template, req.text)
            msgs = base
            last: InvalidAnswer | None = None
            for _ in range(self.config.max_answer_attempts):
                completion = await self._call(client, template, msgs, stats)
                u = getattr(completion, "usage", None)
                if u is not None:
                    usage["prompt_tokens"] += getattr(u, "prompt_tokens", 0) or 0
                    usage["completion_tokens"] += getattr(u, "completion_tokens", 0) or 0
                if not completion.choices:
                    last = InvalidAnswer("parse", "reply has no choices")
                    stats["invalid_parse"] += 1
                    continue
                msg = completion.choices[0].message
                content = msg.content or ""
                try:
                    ans = parse_answer(template, content, getattr(msg, "refusal", None))
                except InvalidAnswer as exc:
                    last = exc
                    stats[f"invalid_{exc.kind}"] += 1
                    if exc.kind == "refusal":
                        msgs = base  # ask afresh; arguing with a refusal rarely helps
                    else:
                        msgs = [*base, {"role": "assistant", "content": content[:4000]},
                                {"role": "user", "content": f"That reply was not usable ({exc}). Reply with only "
                                 "the JSON object: every finding id as a key, each value \"true\", \"false\" or "
                                 "\"uncertain\"."}]
                    continue
                if ans.extracted:
                    stats["extracted_json"] += 1
                return LabelResult(req.study_id, req.region, ans.labels, repairs=ans.repairs,
                                   usage=dict(usage), stats=dict(stats))
            assert last is not None
            return fail(f"no valid answer after {self.config.max_answer_attempts} attempts; last: {last}")
        except CallFailed as exc:
            return fail(str(exc))
        except Exception as exc:  # one bad report must not end the run; the message is scrubbed
            return fail(self._scrub(f"{type(exc).__name__}: {exc}")[:300])
