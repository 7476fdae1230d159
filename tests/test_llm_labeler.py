"""The LLM labeler against a real HTTP server that behaves like the endpoints we meet (tests/llm_test_server.py):
correct answers, malformed/prose/odd JSON, refusals, 429 with Retry-After, 5xx, stalls, servers that
reject json_schema; plus the label cache, the CLI, the privacy guards and a kill -9 resume.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from fedrad.client.labeling.answer import InvalidAnswer, parse_answer
from fedrad.client.labeling.base import LabelRequest
from fedrad.client.labeling.cache import LabelCache
from fedrad.client.labeling.llm import (
    LLMConfig,
    LLMConfigError,
    LLMLabeler,
    RemoteEndpointError,
    is_local_endpoint,
    retry_after_seconds,
)
from fedrad.client.labeling.prompt import PROMPT_VERSION, json_schema, system_prompt
from fedrad.client.labeling.run import label_site
from fedrad.common.labels import Label, read_label_file
from fedrad.common.templates import load_template

from tests.llm_test_server import FakeLLM, keyword_answer

ROOT = Path(__file__).resolve().parents[1]
ELBOW = load_template("elbow")
THUMB = load_template("thumb")
SECRET = "sk-test-Zq8vN3-very-secret-key"


def elbow_reports(n: int, tag: str = "") -> list[LabelRequest]:
    texts = ["Findings: radial_head_fracture. possible joint_dislocation.",
             "No fracture. fat_pad_sign present.",
             "olecranon_fracture_displaced, possible coronoid_fracture.",
             "Normal elbow."]
    return [LabelRequest(f"e{i:03d}", "elbow", f"{texts[i % len(texts)]} Case {i}{tag}.") for i in range(n)]


def expected(req: LabelRequest) -> dict[str, Label]:
    """What a correct answer means after parent propagation (the server answers without propagation)."""
    from fedrad.common.labels import propagate

    raw = {k: Label.parse(v) for k, v in keyword_answer(req.text, ELBOW.ids).items()}
    return propagate(ELBOW, raw)[0]


def labeler(srv: FakeLLM, **kw) -> LLMLabeler:
    cfg = {"base_url": srv.url, "model": "fake", "concurrency": 4, "timeout": 5.0, "backoff_base": 0.01,
           "backoff_max": 0.05, **kw}
    return LLMLabeler(LLMConfig(**cfg))


def write_site(tmp_path: Path, requests: list[LabelRequest]) -> Path:
    """A site folder whose .fedrad/anonymized.csv (the anonymizer's output contract) holds `requests`."""
    site = tmp_path / "site"
    (site / ".fedrad").mkdir(parents=True, exist_ok=True)
    with open(site / ".fedrad" / "anonymized.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["study_id", "region", "report"])
        for r in requests:
            w.writerow([r.study_id, r.region, r.text])
    return site


# ---- prompt and schema --------------------------------------------------------------------

def test_schema_and_prompt_cover_the_template():
    schema = json_schema(ELBOW)
    assert schema["required"] == ELBOW.ids and schema["additionalProperties"] is False
    assert all(schema["properties"][f]["enum"] == ["true", "false", "uncertain"] for f in ELBOW.ids)
    text = system_prompt(ELBOW)
    for f in ELBOW.findings:
        assert f"- {f.id}: {f.name}" in text
    assert "(parent: radius_fracture)" in text  # radial_head_fracture's parent
    for cue in ("am ehesten", "Verdacht auf", "cannot be excluded", "Klinische Angaben", "Bennett"):
        assert cue in text
    assert PROMPT_VERSION


# ---- answer validation (no server needed) -------------------------------------------------

def test_parse_answer_normalises_repairs_and_rejects():
    ids = THUMB.ids
    obj = {f: "false" for f in ids}
    obj.update({"metacarpal1_fracture_comminuted": True, "cmc_joint_degeneration": "Possible",
                "ossicle": None, "made_up": "true"})
    del obj["foreign_body"]
    ans = parse_answer(THUMB, json.dumps({"labels": obj}))
    counts = ans.counts()
    assert counts == {"unwrapped": 1, "unknown_key": 1, "missing_key": 1, "value": 3, "parent": 4}
    assert ans.labels["metacarpal1_fracture"] is Label.TRUE and ans.labels["fracture_comminuted"] is Label.TRUE
    assert ans.labels["fracture"] is Label.TRUE and ans.labels["joint_degeneration"] is Label.UNCERTAIN
    assert ans.labels["foreign_body"] is Label.FALSE
    renamed = parse_answer(THUMB, json.dumps({"First metacarpal fracture": "true", "Foreign-Body": "false"}))
    assert renamed.counts()["renamed_key"] == 2 and renamed.labels["metacarpal1_fracture"] is Label.TRUE
    with pytest.raises(InvalidAnswer) as exc:
        parse_answer(THUMB, json.dumps({"fracture": "a fracture of the thumb"}))
    assert exc.value.kind == "value"
    with pytest.raises(InvalidAnswer) as exc:
        parse_answer(THUMB, '{"foo": "true"}')
    assert exc.value.kind == "no_findings"
    with pytest.raises(InvalidAnswer) as exc:
        parse_answer(THUMB, "I cannot help with this.")
    assert exc.value.kind == "refusal"


# ---- server modes ---------------------------------------------------------------------------

def test_correct_answers_one_call_each_and_what_was_sent():
    reqs = elbow_reports(12)
    with FakeLLM() as srv:
        lab = labeler(srv, seed=7, temperature=0.2)
        results = lab.label_batch(reqs)
    assert srv.calls == len(reqs) and lab.stats.calls == len(reqs)
    for req, res in zip(reqs, results, strict=True):
        assert res.ok and res.study_id == req.study_id
        assert res.labels == expected(req)
    assert results[0].labels["fracture"] is Label.TRUE  # lifted from radial_head_fracture
    assert any(r.startswith("parent: radius_fracture") for r in results[0].repairs)
    sent = srv.requests[0]
    assert sent["temperature"] == 0.2 and sent["seed"] == 7
    assert sent["response_format"]["type"] == "json_schema"
    assert sent["response_format"]["json_schema"]["strict"] is True
    assert sent["response_format"]["json_schema"]["schema"] == json_schema(ELBOW)
    assert lab.stats.prompt_tokens > 0 and lab.stats.completion_tokens > 0


def test_json_schema_rejected_falls_back_and_remembers():
    reqs = elbow_reports(8)
    with FakeLLM(reject_json_schema=True) as srv:
        lab = labeler(srv, concurrency=1)
        results = lab.label_batch(reqs)
        later = lab.label_batch(elbow_reports(3, tag="b"))
    assert all(r.ok for r in results + later)
    assert lab.response_format == "json_object_schema"
    assert srv.calls == 8 + 3 + 1  # one rejected probe, then the working form for the rest of the run
    assert [r["response_format"]["type"] for r in srv.requests[1:]] == ["json_object"] * 11
    assert srv.requests[1]["response_format"]["schema"] == json_schema(ELBOW)


def test_max_tokens_rejected_switches_to_max_completion_tokens():
    with FakeLLM(reject_max_tokens=True) as srv:
        lab = labeler(srv, concurrency=1)
        results = lab.label_batch(elbow_reports(3))
    assert all(r.ok for r in results) and srv.calls == 4
    assert [("max_tokens" in r, r.get("max_completion_tokens")) for r in srv.requests[1:]] == [(False, 1024)] * 3


def test_malformed_json_is_asked_again_then_errors():
    req = elbow_reports(1)
    with FakeLLM() as srv:
        srv.script.extend(["malformed"])
        lab = labeler(srv)
        ok = lab.label_batch(req)[0]
        assert ok.ok and ok.labels == expected(req[0]) and ok.stats["invalid_parse"] == 1
        assert srv.requests[1]["messages"][-1]["role"] == "user"  # the corrective follow-up
        assert "not usable" in srv.requests[1]["messages"][-1]["content"]
        srv.mode = "malformed"
        bad = labeler(srv, max_answer_attempts=2).label_batch(req)[0]
    assert not bad.ok and bad.labels == {} and "no valid answer after 2 attempts" in bad.error


def test_prose_and_code_fence_wrapped_json_is_extracted():
    reqs = elbow_reports(4)
    with FakeLLM(mode="prose") as srv:
        results = labeler(srv).label_batch(reqs)
    assert srv.calls == 4
    for q, r in zip(reqs, results, strict=True):
        assert r.ok and r.labels == expected(q) and r.stats["extracted_json"] == 1


def test_refusals_are_retried_then_reported():
    req = elbow_reports(1)
    with FakeLLM() as srv:
        srv.script.extend(["refusal"])
        first = labeler(srv).label_batch(req)[0]
        assert first.ok and first.stats["invalid_refusal"] == 1 and srv.calls == 2
        srv.mode = "refusal_text"
        lab = labeler(srv, max_answer_attempts=3)
        res = lab.label_batch(req)[0]
    assert not res.ok and "refused" in res.error and lab.stats.invalid_answers["refusal"] == 3


def test_odd_values_unknown_and_missing_keys_are_normalised_and_counted():
    def odd(req):
        ans = {f: False for f in ELBOW.ids[:20]}  # booleans; ids 21-29 missing (joint_dislocation is #22)
        ans.update({"radial_head_fracture": "yes", "joint_dislocation": "possible", "comment": "n/a"})
        return "```json\n" + json.dumps(ans) + "\n```"

    with FakeLLM(mode=odd) as srv:
        lab = labeler(srv)
        res = lab.label_batch(elbow_reports(1))[0]
    assert res.ok
    kinds = [r.split(":", 1)[0] for r in res.repairs]
    assert kinds.count("missing_key") == 8 and kinds.count("unknown_key") == 1
    assert kinds.count("value") == 21 and kinds.count("parent") == 2
    assert res.labels["joint_dislocation"] is Label.UNCERTAIN and res.labels["fracture"] is Label.TRUE
    assert lab.stats.repairs["missing_key"] == 8


def test_429_honours_retry_after_for_all_calls():
    reqs = elbow_reports(12)
    with FakeLLM(retry_after="1", latency=0.05) as srv:
        srv.script.extend(["ok", "429"])
        lab = labeler(srv, concurrency=4)
        results = lab.label_batch(reqs)
    assert all(r.ok for r in results)
    assert lab.stats.retries == 1 and srv.calls == 13
    t429 = next(t for t, b in srv.log if b == "429")
    answered = t429 + 0.05  # the 429 is sent after the server's latency
    # Calls already on their way before the client read the 429 may still arrive (0.3 s slack for a busy
    # machine); after that nobody calls again until Retry-After has run out, and then calls resume.
    assert not [t for t, _ in srv.log if answered + 0.3 < t < answered + 0.95]
    assert [t for t, _ in srv.log if t >= answered + 0.95]


def test_retry_after_forms():
    assert retry_after_seconds({"retry-after": "2.5"}) == 2.5
    assert retry_after_seconds({"retry-after-ms": "1500"}) == 1.5
    date = "Wed, 21 Oct 2015 07:28:10 GMT"
    assert retry_after_seconds({"retry-after": date}, now=1445412480.0) == pytest.approx(10.0)
    assert retry_after_seconds({"retry-after": "soon"}) is None and retry_after_seconds({}) is None


def test_server_errors_retry_with_backoff_then_give_up():
    req = elbow_reports(1)
    with FakeLLM() as srv:
        srv.script.extend(["500", "500"])
        lab = labeler(srv)
        assert lab.label_batch(req)[0].ok and lab.stats.retries == 2 and srv.calls == 3
        srv.mode = "500"
        res = labeler(srv, max_attempts=3).label_batch(req)[0]
    assert not res.ok and "gave up after 3 attempts" in res.error and "HTTP 500" in res.error


def test_stalled_call_times_out_and_is_retried():
    req = elbow_reports(1)
    with FakeLLM(stall_seconds=3.0) as srv:
        srv.script.extend(["stall"])
        lab = labeler(srv, timeout=0.5)
        t0 = time.perf_counter()
        res = lab.label_batch(req)[0]
        elapsed = time.perf_counter() - t0
    assert res.ok and res.stats["retries"] == 1 and elapsed < 2.5


def test_concurrency_is_bounded_and_used():
    """4 calls in flight at most, and they overlap: against one call at a time on the same server in the
    same test (a ratio, so a loaded machine slows both), 16 calls take well under half as long. The server's
    0.4 s latency dominates the client's own CPU per call (~0.14 s at load 15, where a 0.2 s latency failed
    the ratio: the calls' CPU does not overlap, their waits do)."""
    reqs = elbow_reports(16)
    elapsed = {}
    for n in (1, 4):
        with FakeLLM(latency=0.4) as srv:
            t0 = time.perf_counter()
            results = labeler(srv, concurrency=n).label_batch(reqs)
            elapsed[n] = time.perf_counter() - t0
        assert all(r.ok for r in results)
        assert srv.max_inflight == n
    assert elapsed[4] < elapsed[1] / 2, elapsed  # ideal: a quarter


# ---- secrets and privacy ------------------------------------------------------------------

def test_api_key_is_sent_but_never_logged_or_shown(monkeypatch, caplog):
    monkeypatch.setenv("SITE_LLM_KEY", SECRET)
    caplog.set_level(logging.DEBUG)
    with FakeLLM(require_key=SECRET) as srv:
        lab = labeler(srv, api_key_env="SITE_LLM_KEY")
        assert lab.label_batch(elbow_reports(1))[0].ok  # the right key reached the server
        srv.require_key = "another-key"  # now the server rejects it and echoes what it got
        res = lab.label_batch(elbow_reports(1))[0]
    assert not res.ok and "HTTP 401" in res.error and "***" in res.error
    shown = [res.error, repr(lab), str(lab.__dict__), str(lab.config), caplog.text]
    assert not any(SECRET in s for s in shown)


def test_endpoint_locality():
    """Only loopback is local by itself; private networks are not (tests/test_llm_egress.py has the rest)."""
    for url in ("http://127.0.0.1:8080/v1", "http://localhost:1234", "http://[::1]:8000/v1", "http://127.8.9.10"):
        assert is_local_endpoint(url), url
    for url in ("http://10.1.2.3/v1", "http://172.20.0.1", "http://192.168.1.10", "http://[fd00::1]/v1",
                "http://169.254.1.1", "http://8.8.8.8/v1", "http://172.32.0.1", "http://[2001:db8::1]/v1",
                "https://no-such-host.invalid"):
        assert not is_local_endpoint(url), url
    assert is_local_endpoint("http://10.1.2.3/v1", ["10.1.2.3"])


def test_remote_endpoint_needs_opt_in_and_key():
    with pytest.raises(RemoteEndpointError, match="--allow-remote-endpoint"):
        LLMLabeler(LLMConfig(base_url="http://8.8.8.8/v1"))
    with pytest.raises(RemoteEndpointError):
        LLMLabeler(LLMConfig(azure_endpoint="https://8.8.4.4", model="gpt-4o"))
    with pytest.raises(LLMConfigError, match="NO_SUCH_KEY_VAR"):
        LLMLabeler(LLMConfig(base_url="http://8.8.8.8/v1", allow_remote_endpoint=True, api_key_env="NO_SUCH_KEY_VAR"),
                   phi_check=lambda text: [])


def test_remote_endpoint_only_gets_phi_clean_text(monkeypatch):
    """A remote endpoint (loopback is declared non-local so we can watch the traffic) sees only text
    that passed the PHI check (client.phi_check); the other report is an error, never sent."""
    import fedrad.client.labeling.egress as egress

    monkeypatch.setattr(egress, "is_loopback", lambda address: False)  # traffic still goes to 127.0.0.1 only
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    clean = LabelRequest("c1", "elbow", "[NAME], [DATE]: radial_head_fracture. Bennett fracture not applicable.")
    dirty = LabelRequest("d1", "elbow", "Patient Anna Müller, geb. 12.03.1950: radial_head_fracture.")
    with FakeLLM() as srv:
        with pytest.raises(RemoteEndpointError):
            labeler(srv)
        lab = labeler(srv, allow_remote_endpoint=True)
        assert lab.remote
        results = lab.label_batch([clean, dirty])
    assert results[0].ok and not results[1].ok
    assert "PHI check found" in results[1].error and "not sent" in results[1].error
    assert "Müller" not in results[1].error and "1950" not in results[1].error  # the error names kinds, not values
    assert srv.calls == 1 and "Müller" not in json.dumps(srv.requests, ensure_ascii=False)
    assert lab.stats.phi_blocked == 1


# ---- cache, run, CLI ----------------------------------------------------------------------

def test_cache_rerun_makes_zero_calls_and_changed_text_one(tmp_path):
    reqs = elbow_reports(10)
    site = write_site(tmp_path, reqs)
    with FakeLLM() as srv:
        s1 = label_site(site, labeler="llm", llm_labeler=labeler(srv), progress=False)
        assert srv.calls == 10 and s1.new == 10 and s1.from_cache == 0
        s2 = label_site(site, labeler="llm", llm_labeler=labeler(srv), progress=False)
        assert srv.calls == 10 and s2.from_cache == 10 and s2.new == 0 and s2.llm_calls == 0
        reqs[3] = LabelRequest(reqs[3].study_id, "elbow", reqs[3].text + " Addendum: ossicle.")
        write_site(tmp_path, reqs)
        s3 = label_site(site, labeler="llm", llm_labeler=labeler(srv), progress=False)
        assert srv.calls == 11 and s3.new == 1 and s3.from_cache == 9
    table = read_label_file(site / ".fedrad" / "labels-elbow.csv", ELBOW)
    assert table.study_ids == [r.study_id for r in reqs]
    assert table.by_study()["e003"]["ossicle"] is Label.TRUE
    assert table.provenance[0]["labeler"] == "llm" and table.provenance[0]["prompt_version"] == PROMPT_VERSION
    assert table.provenance[3]["text_sha256"] == reqs[3].text_sha256


def test_failures_are_quarantined_not_cached_and_retried(tmp_path):
    reqs = elbow_reports(5)
    reqs[2] = LabelRequest("bad1", "elbow", "BAD report the model cannot answer.")
    site = write_site(tmp_path, reqs)

    def picky(req):
        return "not json at all" if "BAD" in req["messages"][1]["content"] else FakeLLM().answer_content(req)

    with FakeLLM(mode=picky) as srv:
        s1 = label_site(site, labeler="llm", llm_labeler=labeler(srv, max_answer_attempts=2), progress=False)
        assert s1.errors == 1 and s1.labelled == 4 and srv.calls == 4 + 2
        quarantine = (site / ".fedrad" / "quarantine.csv").read_text()
        assert "bad1" in quarantine and "labeling failed" in quarantine
        with LabelCache(site / ".fedrad" / "label-cache.sqlite") as cache:
            assert cache.count() == 4
        srv.mode = "ok"
        s2 = label_site(site, labeler="llm", llm_labeler=labeler(srv), progress=False)
        assert s2.errors == 0 and s2.new == 1 and s2.from_cache == 4 and srv.calls == 7
    assert "bad1" not in (site / ".fedrad" / "quarantine.csv").read_text()
    assert len(read_label_file(site / ".fedrad" / "labels-elbow.csv", ELBOW)) == 5


def test_cli_label_run(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from fedrad.cli import app

    reqs = elbow_reports(6) + [LabelRequest("t1", "thumb", "cmc_joint_degeneration.")]
    site = write_site(tmp_path, reqs)
    monkeypatch.setenv("SITE_KEY", SECRET)
    runner = CliRunner()
    with FakeLLM() as srv:
        args = ["label", "run", str(site), "--labeler", "llm", "--base-url", srv.url, "--model", "fake",
                "--api-key-env", "SITE_KEY", "--concurrency", "3", "--price-in", "2.5", "--price-out", "10"]
        first = runner.invoke(app, args)
        assert first.exit_code == 0, first.output
        second = runner.invoke(app, args)
        assert second.exit_code == 0, second.output
        assert srv.calls == 7
    assert "LLM calls 7" in first.output and "estimated cost 0.0" in first.output
    assert "from cache 7, new 0" in second.output and "LLM calls 0" in second.output
    assert SECRET not in first.output + second.output
    assert read_label_file(site / ".fedrad" / "labels-thumb.csv", THUMB).by_study()["t1"]["joint_degeneration"] \
        is Label.TRUE
    missing = runner.invoke(app, ["label", "run", str(tmp_path / "nosite"), "--labeler", "llm",
                                  "--base-url", "http://127.0.0.1:9/v1"])
    assert missing.exit_code == 2 and "fedrad anonymize" in missing.output
    remote = runner.invoke(app, ["label", "run", str(site), "--labeler", "llm", "--base-url", "http://8.8.8.8/v1"])
    assert remote.exit_code == 2 and "--allow-remote-endpoint" in remote.output


def test_kill_9_mid_run_resumes_without_repeating_finished_calls(tmp_path):
    n = 40
    reqs = elbow_reports(n)
    site = write_site(tmp_path, reqs)
    server = subprocess.Popen([sys.executable, "-m", "tests.llm_test_server", "--latency", "0.1"], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        port = int(server.stdout.readline().split()[1])

        def stats() -> dict:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/stats", timeout=5) as r:
                return json.load(r)

        cmd = [sys.executable, "-c", "from fedrad.cli import main; main()", "label", "run", str(site),
               "--labeler", "llm", "--base-url", f"http://127.0.0.1:{port}/v1", "--concurrency", "2"]
        env = {**os.environ, "OPENAI_API_KEY": SECRET}
        run1 = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        deadline = time.time() + 30
        while stats()["completions"] < n // 3 and time.time() < deadline:
            time.sleep(0.02)
        run1.send_signal(signal.SIGKILL)
        run1.wait(10)
        assert run1.returncode == -signal.SIGKILL
        calls_first = stats()["calls"]
        with LabelCache(site / ".fedrad" / "label-cache.sqlite") as cache:
            done = cache.count()
            done_hashes = cache.hashes()
        assert 0 < done < n, "the kill must land mid-run"
        assert not (site / ".fedrad" / "labels-elbow.csv").exists()

        run2 = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
        assert run2.returncode == 0, run2.stdout + run2.stderr
        calls_second = stats()["calls"] - calls_first
    finally:
        server.kill()
        server.wait()
    assert calls_second == n - done  # nothing that was committed is asked again
    assert calls_first + calls_second <= n + 2  # at most the calls in flight at the kill (concurrency 2)
    assert f"from cache {done}, new {n - done}" in run2.stderr
    assert SECRET not in run2.stdout + run2.stderr
    table = read_label_file(site / ".fedrad" / "labels-elbow.csv", ELBOW)
    assert table.study_ids == [r.study_id for r in reqs]
    assert all(table.by_study()[r.study_id] == expected(r) for r in reqs)
    assert {r.text_sha256 for r in reqs} >= done_hashes


def test_rule_labeler_plugs_into_the_same_run(tmp_path):
    """The default labeler (rules) goes through the same cache and files; skipped until it exists."""
    pytest.importorskip("fedrad.client.labeling.rules", reason="client.labeling.rules not built yet")
    from typer.testing import CliRunner

    from fedrad.cli import app

    reqs = [LabelRequest("r1", "elbow", "Findings: Radial head fracture. Impression: radial head fracture."),
            LabelRequest("r2", "elbow", "No fracture, no dislocation."),
            LabelRequest("r3", "thumb", "Bennett fracture.")]
    site = write_site(tmp_path, reqs)
    first = CliRunner().invoke(app, ["label", "run", str(site)])
    assert first.exit_code == 0, first.output
    second = CliRunner().invoke(app, ["label", "run", str(site)])
    assert "from cache 3, new 0" in second.output
    elbow = read_label_file(site / ".fedrad" / "labels-elbow.csv", ELBOW)
    assert elbow.provenance[0]["labeler"] == "rules" and elbow.study_ids == ["r1", "r2"]
    assert elbow.by_study()["r1"]["radial_head_fracture"] is Label.TRUE
    assert all(v is Label.FALSE for v in elbow.by_study()["r2"].values())
    assert read_label_file(site / ".fedrad" / "labels-thumb.csv", THUMB).by_study()["r3"]["metacarpal1_fracture"] \
        is Label.TRUE
