"""Where the LLM labeler may send report text (client/labeling/egress.py, phi_gate.py), on real sockets.

Every server here listens on loopback (127.0.0.1, once 127.0.0.2). Private and public addresses
appear only in configurations that must be refused, and a socket-level recorder checks that no
connection was attempted for them.
"""

from __future__ import annotations

import asyncio
import csv
import json
import socket
import ssl
from pathlib import Path

import pytest
from fedrad.client.labeling.base import LabelRequest
from fedrad.client.labeling.egress import pinned_async_client, resolve_endpoint
from fedrad.client.labeling.llm import LLMConfig, LLMLabeler, RemoteEndpointError
from fedrad.client.labeling.run import PHI_BLOCKED, LabelRunError, label_site
from fedrad.client.phi_check import phi_check
from typer.testing import CliRunner

from fedrad.cli import app
from tests.llm_test_server import FakeLLM, request_report

PINNED = "llm.pinned.test"


def _labeler(url: str, **kw) -> LLMLabeler:
    return LLMLabeler(LLMConfig(**{"base_url": url, "model": "fake", "concurrency": 2, "timeout": 5.0,
                                   "max_attempts": 2, "backoff_base": 0.01, "backoff_max": 0.02, **kw}))


def _req(sid: str = "e1", text: str = "Findings: radial_head_fracture.") -> list[LabelRequest]:
    return [LabelRequest(sid, "elbow", text)]


@pytest.fixture
def hosts(monkeypatch):
    """A hosts-file override: {name: address}; every lookup of an overridden name is counted."""
    table: dict[str, str] = {}
    lookups: list[str] = []
    real = socket.getaddrinfo

    def fake(host, port, *args, **kw):
        name = host.decode() if isinstance(host, bytes) else host
        if name in table:
            lookups.append(name)
            return real(table[name], port, *args, **kw)
        return real(host, port, *args, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    table_lookups = (table, lookups)
    return table_lookups


@pytest.fixture
def connects(monkeypatch):
    """Every TCP connect attempted in this process (address tuples), blocking or asyncio."""
    seen: list = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def connect(self, address):
        seen.append(address)
        return real_connect(self, address)

    def connect_ex(self, address):
        seen.append(address)
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    return seen


# ---- what counts as local -----------------------------------------------------------------

def test_only_loopback_or_hosts_the_site_lists_are_local(hosts):
    table, _ = hosts
    table["llm.radiology.test"] = "10.20.30.40"
    assert resolve_endpoint("http://127.0.0.1:8080/v1").why == "loopback"
    assert resolve_endpoint("http://[::1]:8000/v1").local
    for url in ("http://10.1.2.3/v1", "http://172.16.5.5", "http://192.168.0.7:8000", "http://[fd12::1]/v1",
                "http://169.254.169.254/latest", "http://llm.radiology.test:8000/v1"):
        ep = resolve_endpoint(url)
        assert not ep.local and "private-network address not listed" in ep.why, url
    assert not resolve_endpoint("https://8.8.8.8/v1").local
    ep = resolve_endpoint("http://llm.radiology.test:8000/v1", ["llm.radiology.test"])
    assert ep.local and ep.address == "10.20.30.40" and ep.why == "listed by the site as local"
    assert resolve_endpoint("http://llm.radiology.test:8000/v1", ["10.20.30.40"]).local  # the address connected to
    assert resolve_endpoint("http://10.1.2.3/v1", ["LLM.other.test", "10.1.2.3"]).local
    assert not resolve_endpoint("http://llm.radiology.test:8000/v1", ["other.test", "10.20.30.41"]).local


def test_private_address_is_refused_without_opt_in_before_any_connection(hosts, connects, monkeypatch, tmp_path):
    table, _ = hosts
    table["llm.radiology.test"] = "10.20.30.40"
    for url in ("http://10.1.2.3:8080/v1", "http://llm.radiology.test:8000/v1", "http://192.168.1.10/v1"):
        with pytest.raises(RemoteEndpointError, match="--allow-remote-endpoint") as exc:
            _labeler(url)
        assert "--local-endpoint-host" in str(exc.value) and "private-network" in str(exc.value)
    site = tmp_path / "site"
    (site / ".fedrad").mkdir(parents=True)
    (site / ".fedrad" / "anonymized.csv").write_text("study_id,region,report\ne1,elbow,radial_head_fracture.\n")
    res = CliRunner().invoke(app, ["label", "run", str(site), "--labeler", "llm", "--base-url",
                                   "http://llm.radiology.test:8000/v1"])
    assert res.exit_code == 2 and "--allow-remote-endpoint" in res.output
    assert connects == []  # refused before any socket was connected
    # with the opt-in it is accepted as a remote endpoint: key required, PHI gate on (no call is made here)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    lab = _labeler("http://10.1.2.3:8080/v1", allow_remote_endpoint=True)
    assert lab.remote and lab.endpoint.address == "10.1.2.3"
    listed = _labeler("http://llm.radiology.test:8000/v1", local_endpoint_hosts=["llm.radiology.test"])
    assert not listed.remote
    assert connects == []


# ---- redirects ----------------------------------------------------------------------------

def test_redirect_from_loopback_endpoint_is_never_followed(tmp_path):
    with FakeLLM() as elsewhere, FakeLLM(mode="307") as endpoint:
        endpoint.redirect_to = elsewhere.url + "/chat/completions"
        lab = _labeler(endpoint.url)
        res = lab.label_batch(_req())[0]
        assert not res.ok and "HTTP 307" in res.error and "never followed" in res.error
        assert endpoint.calls == 1  # not retried, not re-posted
        assert elsewhere.calls == 0 and elsewhere.requests == []
        # the same through a site run: quarantined with the status, nothing reached the other server
        site = tmp_path / "site"
        (site / ".fedrad").mkdir(parents=True)
        (site / ".fedrad" / "anonymized.csv").write_text("study_id,region,report\ne1,elbow,radial_head_fracture.\n")
        s = label_site(site, labeler="llm", llm_labeler=_labeler(endpoint.url), progress=False)
        assert s.errors == 1 and "HTTP 307" in (site / ".fedrad" / "quarantine.csv").read_text()
        assert elsewhere.calls == 0


# ---- the connection goes to the checked address ---------------------------------------------

def test_connection_is_pinned_to_the_address_that_was_checked(hosts):
    table, lookups = hosts
    with FakeLLM() as checked:
        try:
            decoy = FakeLLM(host="127.0.0.2").start(checked.port)  # same port, another loopback address
        except OSError as exc:
            pytest.skip(f"cannot listen on 127.0.0.2 here: {exc}")
        try:
            table[PINNED] = "127.0.0.1"
            lab = _labeler(f"http://{PINNED}:{checked.port}/v1")
            assert lab.endpoint.address == "127.0.0.1" and not lab.remote
            table[PINNED] = "127.0.0.2"  # DNS changes after the check (rebinding)
            results = lab.label_batch(_req("e1") + _req("e2"))
            assert all(r.ok for r in results)
            assert checked.calls == 2 and decoy.calls == 0
            assert checked.hosts == [f"{PINNED}:{checked.port}"] * 2  # the name stays in the Host header
            assert lookups == [PINNED]  # resolved exactly once, at the check

            # the pinned client reaches nothing but the checked host and port
            async def other_host():
                async with pinned_async_client(lab.endpoint) as client:
                    with pytest.raises(Exception, match="refusing to connect"):
                        await client.post(f"http://127.0.0.2:{checked.port}/v1/chat/completions", json={})

            asyncio.run(other_host())
            assert decoy.calls == 0
        finally:
            decoy.stop()


def _tls_files(tmp_path: Path, name: str) -> tuple[Path, Path, Path]:
    """A CA and a server certificate valid for DNS:`name` only (no IP address)."""
    from fedrad.server.pki import create_ca, issue_server_cert

    create_ca(tmp_path)
    issue_server_cert(tmp_path, tmp_path, [name], loopback=False)
    return tmp_path / "ca.crt", tmp_path / "server.pem", tmp_path / "server.key"


def test_https_pinned_connection_keeps_the_name_for_sni_and_certificate(hosts, tmp_path):
    table, _ = hosts
    ca, cert, key = _tls_files(tmp_path, PINNED)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    with FakeLLM(ssl_context=ctx) as srv:
        table[PINNED] = "127.0.0.1"
        lab = _labeler(f"https://{PINNED}:{srv.port}/v1", ca_bundle=str(ca))
        table[PINNED] = "127.0.0.2"
        res = lab.label_batch(_req())[0]
        assert res.ok, res.error
        assert srv.sni == [PINNED] and srv.hosts == [f"{PINNED}:{srv.port}"]
        # the certificate is checked against the name, not the address: by IP it does not verify
        by_ip = _labeler(f"https://127.0.0.1:{srv.port}/v1", ca_bundle=str(ca)).label_batch(_req())[0]
        assert not by_ip.ok and "connection error" in by_ip.error
        assert srv.calls == 1


# ---- the PHI gate -----------------------------------------------------------------------------

CLEAN = "Elbow, two views: radial_head_fracture. No joint effusion."
NAMED = "Elbow of Krummbeinova, two views: radial_head_fracture."  # the patient's surname, left in by mistake
LISTED = "Elbow, two views: olecranon_fracture_displaced."
UNKNOWN = "Elbow, one view: coronoid_fracture."


def _gate_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / ".fedrad").mkdir(parents=True)
    with open(site / "reports.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["study_id", "region", "report", "patient_name", "patient_id", "birth_date"])
        w.writerow(["s1", "elbow", "raw report 1", "Anna Schmid", "P-77121", "1960-02-03"])
        w.writerow(["s2", "elbow", "raw report 2", "Zdenka Krummbeinova", "P-77122", "1971-05-06"])
        w.writerow(["s3", "elbow", "raw report 3", "Otto Lenz", "P-77123", "1950-07-08"])
    with open(site / ".fedrad" / "anonymized.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["study_id", "region", "report"])
        for sid, text in (("s1", CLEAN), ("s2", NAMED), ("s3", LISTED), ("s4", UNKNOWN)):  # s4: not in reports.csv
            w.writerow([sid, "elbow", text])
    (site / ".fedrad" / "phi-suspects.csv").write_text("study_id,type,rule,start,end,snippet\n"
                                                       "s3,NAME,name-list,7,12,x <L***> y\n")
    return site


def test_phi_gate_uses_site_identifiers_and_phi_suspects(tmp_path, monkeypatch):
    import fedrad.client.labeling.egress as egress

    # preconditions that make this test mean something: only the site's identifiers catch s2's text
    assert phi_check(NAMED) == [] and phi_check(CLEAN) == [] and phi_check(LISTED) == [] and phi_check(UNKNOWN) == []
    assert phi_check(NAMED, {"patient_name": "Zdenka Krummbeinova"})
    monkeypatch.setattr(egress, "is_loopback", lambda address: False)  # the loopback server plays a remote one
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    site = _gate_site(tmp_path)
    with FakeLLM() as srv:
        with pytest.raises(RemoteEndpointError):
            _labeler(srv.url)
        s = label_site(site, labeler="llm", llm_labeler=_labeler(srv.url, allow_remote_endpoint=True),
                       progress=False)
        assert srv.calls == 1
        assert [request_report(r) for r in srv.requests] == [CLEAN]  # s1 only
        assert "Krummbeinova" not in json.dumps(srv.requests)
        assert s.phi_blocked == 3 and s.errors == 3 and s.new == 1
        with open(site / ".fedrad" / "quarantine.csv", newline="") as fh:
            q = {r["study_id"]: r for r in csv.DictReader(fh)}
        assert {sid for sid, r in q.items() if r["reason"] == PHI_BLOCKED} == {"s2", "s3", "s4"}
        assert "IDENTIFIER" in q["s2"]["detail"] and "phi-suspects.csv" in q["s3"]["detail"]
        assert "reports.csv" in q["s4"]["detail"]
        text = (site / ".fedrad" / "quarantine.csv").read_text()
        assert "Krummbein" not in text and "P-7712" not in text  # the reason is not itself PHI

        # the CLI shows the count; without phi-suspects.csv nothing is sent at all
        res = CliRunner().invoke(app, ["label", "run", str(site), "--labeler", "llm", "--base-url", srv.url,
                                       "--model", "fake", "--allow-remote-endpoint"])
        assert res.exit_code == 1 and "PHI-blocked 3" in " ".join(res.output.split())
        assert srv.calls == 1  # s1 came from the cache
        (site / ".fedrad" / "phi-suspects.csv").unlink()
        (site / ".fedrad" / "label-cache.sqlite").unlink()
        with pytest.raises(LabelRunError, match="phi-suspects.csv"):
            label_site(site, labeler="llm", llm_labeler=_labeler(srv.url, allow_remote_endpoint=True),
                       progress=False)
        assert srv.calls == 1


def test_loopback_endpoint_is_not_gated(tmp_path):
    """The gate is for text that leaves the machine: a loopback server gets every study (no reports.csv needed)."""
    site = _gate_site(tmp_path)
    (site / "reports.csv").unlink()
    with FakeLLM() as srv:
        s = label_site(site, labeler="llm", llm_labeler=_labeler(srv.url), progress=False)
    assert srv.calls == 4 and s.phi_blocked == 0 and s.errors == 0
