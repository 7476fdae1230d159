"""What may leave a site, unit by unit (issue 10): the FAB gate, the closed reply schema, guarded
handlers, the environment allowlist, the run config sites receive, the audit log. The real
processes (SuperNode, `flwr run`) are in tests/test_readme_deploy.py (the README federation also shows the
boundary)."""

from __future__ import annotations

import json
import math
import time

import pytest
from fedrad.client import audit
from fedrad.client.fabcheck import check_fab
from fedrad.common.fabshim import PACKAGE, write_app_dir
from fedrad.common.replydigest import arrays_digest
from fedrad.common.replyschema import SchemaViolation, check_reply, describe_error, error_reason
from fedrad.common.runconfig import COORDINATOR_ONLY, RunConfig
from flwr.app import ArrayRecord, ConfigRecord, Context, Message, Metadata, MetricRecord, RecordDict
from flwr.cli.build import build_fab_from_disk

PATIENT = "Mueller_Hans_1957-03-12"


def _fab(app_dir) -> bytes:
    return build_fab_from_disk(app_dir)  # what `flwr run APP_DIR` ships


def test_fab_gate_accepts_the_shim_only(tmp_path):
    app = write_app_dir(tmp_path / "app")
    assert check_fab(_fab(app)).ok
    shadow = write_app_dir(tmp_path / "shadow")
    (shadow / "fedrad" / "client").mkdir(parents=True)
    (shadow / "fedrad" / "__init__.py").write_text("")
    (shadow / "fedrad" / "client" / "__init__.py").write_text("")
    (shadow / "fedrad" / "client" / "client_app.py").write_text("open('/tmp/pwned', 'w')\n")
    v = check_fab(_fab(shadow))
    assert not v.ok and "unexpected file fedrad/client/client_app.py" in v.problems, v.problems
    modified = write_app_dir(tmp_path / "modified")
    shim = modified / PACKAGE / "client_app.py"
    shim.write_text("import os  # one more line\n" + shim.read_text())
    v = check_fab(_fab(modified))
    assert sorted(v.problems) == ["changed file .info/CONTENT", f"changed file {PACKAGE}/client_app.py"]
    assert len(v.sha256) == 64
    # defaults travel as run-config overrides, never in the FAB
    other = write_app_dir(tmp_path / "other", RunConfig(lr=0.5))
    assert "changed file pyproject.toml" in check_fab(_fab(other)).problems
    assert not check_fab(b"PK\x03\x04 not a zip").ok


def test_write_app_dir_removes_files_that_would_travel(tmp_path):
    app = write_app_dir(tmp_path / "app")
    (app / "notes.md").write_text("x")
    (app / "extra").mkdir()
    (app / "extra" / "x.py").write_text("")
    write_app_dir(app)
    assert check_fab(_fab(app)).ok and not (app / "extra").exists()


def _msg(kind: str, content: RecordDict) -> Message:
    meta = Metadata(run_id=7, message_id="m", src_node_id=1, dst_node_id=2, reply_to_message_id="", group_id="",
                    created_at=time.time(), ttl=3600, message_type=kind)
    return Message(content, metadata=meta)


def _arrays(n: int = 3) -> ArrayRecord:
    import numpy as np

    return ArrayRecord([np.zeros((n, 2), dtype=np.float32)])


def test_schema_passes_declared_replies_and_stops_everything_else():
    sent = _arrays()
    msg = _msg("train", RecordDict({"arrays": sent, "config": ConfigRecord({"server-round": 1})}))
    good = Message(RecordDict({"arrays": _arrays(), "metrics": MetricRecord({"num-examples": 3, "train-loss": 0.5})}),
                   reply_to=msg)
    check_reply("train", good, sent)
    bad = {
        "undeclared metric": RecordDict({"arrays": _arrays(), "metrics": MetricRecord({"num-examples": 3,
                                                                                        "study-42": 1.0})}),
        "extra array": RecordDict({"arrays": ArrayRecord(_arrays().to_numpy_ndarrays() * 2),
                                   "metrics": MetricRecord({"num-examples": 3})}),
        "other shape": RecordDict({"arrays": _arrays(4), "metrics": MetricRecord({"num-examples": 3})}),
        "config record": RecordDict({"arrays": _arrays(), "metrics": MetricRecord({"num-examples": 3}),
                                     "config": ConfigRecord({"path": "/data/" + PATIENT})}),
        "long list": RecordDict({"arrays": _arrays(), "metrics": MetricRecord({"num-examples": 3,
                                                                                "train-loss": [0.1] * 1000})}),
    }
    for what, content in bad.items():
        with pytest.raises(SchemaViolation):
            check_reply("train", Message(content, reply_to=msg), sent)
            pytest.fail(what)
    from flwr.app import Error

    check_reply("train", Message(Error(103, "fedrad:site-error ImageReadError"), reply_to=msg), sent)
    with pytest.raises(SchemaViolation):
        check_reply("train", Message(Error(103, f"fedrad:site-error cannot read /data/{PATIENT}/x.png"),
                                     reply_to=msg), sent)
    with pytest.raises(SchemaViolation):
        check_reply("train", Message(Error(2, "ValueError"), reply_to=msg), sent)


def test_coordinator_keeps_only_codes_of_errors():
    assert describe_error(103, "fedrad:site-error ImageReadError") == "fedrad:site-error ImageReadError"
    assert describe_error(101, "fedrad:refused-fab") == "fedrad:refused-fab"
    leaked = f"<class 'ValueError'>:<'cannot read /data/{PATIENT}/img.png'>"
    assert describe_error(2, leaked) == "flower:CLIENT_APP_RAISED_EXCEPTION"
    assert describe_error(103, leaked) == "flower:code-103"
    assert error_reason(103, ValueError(PATIENT)) == "fedrad:site-error ValueError"


def test_failing_handler_answers_a_code_and_logs_the_path_at_the_site(tmp_path):
    from fedrad.client.client_app import train
    from fedrad.client.sitelog import site_log_path

    site = tmp_path / PATIENT
    site.mkdir()
    ctx = Context(run_id=7, node_id=2, node_config={"site-dir": str(site)}, state=RecordDict(),
                  run_config=RunConfig(image_size=32).to_flower())
    # No manifest at the site: the task raises (before any model is built) with the site folder in its message.
    msg = _msg("train", RecordDict({"arrays": _arrays(), "config": ConfigRecord({"server-round": 1})}))
    reply = train(msg, ctx)
    assert reply.has_error() and reply.error.code == 103
    assert reply.error.reason == "fedrad:site-error ManifestError" and PATIENT not in reply.error.reason
    log = site_log_path(site).read_text()
    assert PATIENT in log and "Traceback" in log


def test_flower_env_is_an_allowlist(monkeypatch, tmp_path):
    from fedrad.common.flowerproc import flower_env

    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "x")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    env = flower_env(tmp_path / "home", bin_dirs=[tmp_path / "bin"], extra={"FEDRAD_SITE_DIR": "/s"})
    assert "OPENAI_API_KEY" not in env and "AWS_SECRET_ACCESS_KEY" not in env
    assert env["LC_ALL"] == "C.UTF-8" and env["FEDRAD_SITE_DIR"] == "/s"
    assert env["PATH"].split(":")[0] == str(tmp_path / "bin") and env["FLWR_TELEMETRY_ENABLED"] == "0"


def test_training_processes_get_a_passive_openmp_wait_policy(monkeypatch, tmp_path):
    """Spinning OpenMP threads starve each other on a shared 2-core machine (common.flowerproc): Flower's
    processes and the fedrad CLI run with OMP_WAIT_POLICY=PASSIVE unless the operator set a policy."""
    import os
    import subprocess
    import sys

    from fedrad.common.flowerproc import flower_env

    monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    assert flower_env(tmp_path / "home")["OMP_WAIT_POLICY"] == "PASSIVE"
    monkeypatch.setenv("OMP_WAIT_POLICY", "ACTIVE")
    assert flower_env(tmp_path / "home")["OMP_WAIT_POLICY"] == "ACTIVE"
    code = ("import os, sys, typer; from fedrad import cli; "
            "cli.app = lambda: print(os.environ.get('OMP_WAIT_POLICY'), 'torch' in sys.modules); cli.main()")
    for preset, want in ((None, "PASSIVE False"), ("ACTIVE", "ACTIVE False")):
        env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
        if preset:
            env["OMP_WAIT_POLICY"] = preset
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
        assert out.stdout.strip() == want, out.stderr  # set before any command imports torch


def test_sites_receive_no_coordinator_paths_or_site_names(tmp_path, monkeypatch):
    from fedrad.server import coordinator
    from fedrad.server.server_app import coordinator_settings

    home = coordinator.CoordinatorHome(tmp_path / "coord")
    out = tmp_path / "coord-out"
    cfg = RunConfig(output_dir=str(out), test_sets=f"internal={tmp_path}/ts", resume_from=str(out / "last.pt"),
                    enrolled_sites="hospital-a=11,hospital-b=12")
    seen = {}

    def fake_flwr(args, timeout=120.0):
        seen["overrides"] = (out / "submitted-run-config.toml").read_text()
        return type("R", (), {"returncode": 0, "stdout": '{"success": true, "run-id": 5}', "stderr": ""})()

    monkeypatch.setattr(coordinator.CoordinatorHome, "flwr", lambda self: fake_flwr)
    assert coordinator.submit(home, cfg) == 5
    sent = seen["overrides"]
    for needle in (str(out), str(tmp_path), "hospital-a", "hospital-b"):
        assert needle not in sent
    assert 'output-dir = ""' in sent
    monkeypatch.setenv("FEDRAD_COORDINATOR_RUN", str(home.coordinator_run))
    back = coordinator_settings(RunConfig.from_mapping(RunConfig().for_sites().to_flower()))
    assert {f: getattr(back, f) for f in COORDINATOR_ONLY} == {f: getattr(cfg, f) for f in COORDINATOR_ONLY}
    assert home.env()["FEDRAD_COORDINATOR_RUN"] == str(home.coordinator_run)


def test_audit_log_table_json_and_verify(tmp_path):
    from typer.testing import CliRunner

    from fedrad.cli import app

    site = tmp_path / "site"
    site.mkdir()
    arrays = _arrays()
    sha, size = arrays_digest(arrays)
    audit.append(site, {"run": 5, "round": 1, "kind": "train", "arrays_sha256": sha, "arrays_bytes": size,
                        "metrics": {"num-examples": 12, "train-loss": 0.25}, "error": ""})
    audit.append(site, {"run": 5, "round": 1, "kind": "evaluate", "arrays_sha256": "", "arrays_bytes": 0,
                        "metrics": {"num-examples": 4, "val-auc": [0.5, math.nan]}, "error": ""})
    audit.append(site, {"run": 9, "round": 1, "kind": "refused-fab", "fab_sha256": "f" * 64,
                        "error": "fedrad:refused-fab", "error_code": 101})
    runner = CliRunner()
    res = runner.invoke(app, ["client", "audit", str(site)], env={"COLUMNS": "30"})
    assert res.exit_code == 0, res.output
    assert sha in res.output and "f" * 64 in res.output and "val-auc=[0.5,nan]" in res.output
    assert len(res.output.splitlines()) == 5  # header, rule, 3 lines: nothing wrapped at 30 columns
    assert json.loads(runner.invoke(app, ["client", "audit", str(site), "--json"]).output)[0]["arrays_sha256"] == sha
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    row = {"round": 1, "flower_run_id": 5, "flower_round": 1, "train_failures": [], "eval_failures": [],
           "train_replies": {"hospital-a": {"sha256": sha, "bytes": size}},
           "sites": {"hospital-a": {"n": 4}}}
    (run_dir / "history.json").write_text(json.dumps({"rounds": [row]}))
    res = runner.invoke(app, ["client", "audit", str(site), "--verify", str(run_dir)])
    assert res.exit_code == 0 and "recorded as site hospital-a" in res.output, res.output
    row["train_replies"]["hospital-a"]["sha256"] = "0" * 64  # the coordinator recorded other arrays
    (run_dir / "history.json").write_text(json.dumps({"rounds": [row]}))
    res = runner.invoke(app, ["client", "audit", str(site), "--verify", str(run_dir)])
    assert res.exit_code == 1 and "MISMATCH" in res.output
    assert (site / ".fedrad" / "audit.jsonl").stat().st_mode & 0o777 == 0o600


def test_audit_verify_matches_a_policy_refusal_by_its_bare_code(tmp_path):
    """A policy refusal is audited as a train line with no arrays and only `error_code`; the coordinator
    records it as "refused by site policy (rule, code NNNN): ..." and verification must match the two."""
    from fedrad.common.replyschema import describe_error

    site = tmp_path / "site"
    site.mkdir()
    audit.append(site, {"run": 7, "round": 1, "kind": "train", "arrays_sha256": "", "arrays_bytes": 0,
                        "metrics": {}, "error": None, "error_code": 4102})
    row = {"round": 1, "flower_run_id": 7, "flower_round": 1, "eval_failures": [], "train_replies": {},
           "train_failures": [f"node-1: {describe_error(4102, None)}"]}
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    (run_dir / "history.json").write_text(json.dumps({"rounds": [row]}))
    v = audit.verify(audit.read(site), run_dir)
    assert v.ok and v.checked == 1 and "code 4102 recorded" in v.matched[0], (v.problems, v.matched)
    row["train_failures"] = [f"node-1: {describe_error(4103, None)}"]
    (run_dir / "history.json").write_text(json.dumps({"rounds": [row]}))
    v = audit.verify(audit.read(site), run_dir)
    assert not v.ok and "code 4102 sent but not recorded" in v.problems[0], v.problems


def test_an_evaluate_reply_answers_each_cross_site_model_it_was_sent_and_nothing_more():
    from fedrad.common.replyschema import MODEL_PREFIX, models_in

    sent = RecordDict({"arrays": _arrays(), f"{MODEL_PREFIX}local:site-02": _arrays(),
                       "config": ConfigRecord({"server-round": 2})})
    msg = _msg("evaluate", sent)
    assert models_in(msg.content) == ["arrays", f"{MODEL_PREFIX}local:site-02"]
    metrics = {"num-examples": 3, "val-macro-auc": 0.5}
    good = RecordDict({"metrics": MetricRecord(metrics), f"{MODEL_PREFIX}local:site-02": MetricRecord(metrics)})
    check_reply("evaluate", Message(good, reply_to=msg), None, models_in(msg.content))
    bad = {
        "a model it was not sent": RecordDict({"metrics": MetricRecord(metrics),
                                               f"{MODEL_PREFIX}local:site-03": MetricRecord(metrics)}),
        "a sent model unanswered": RecordDict({"metrics": MetricRecord(metrics)}),
        "undeclared metric in a model's record": RecordDict({"metrics": MetricRecord(metrics), f"{MODEL_PREFIX}"
                                                             "local:site-02": MetricRecord({**metrics, "study": 1})}),
    }
    for what, content in bad.items():
        with pytest.raises(SchemaViolation):
            check_reply("evaluate", Message(content, reply_to=msg), None, models_in(msg.content))
            pytest.fail(what)
    with pytest.raises(SchemaViolation):  # without the message's models, only the global model's record
        check_reply("evaluate", Message(good, reply_to=msg), None)


def test_schema_takes_validation_score_counts_only_as_non_negative_integers_per_bin():
    """The score counts (issue 13: the union's threshold) are the one long list a reply may carry: integers >= 0,
    SCORE_BINS per finding, at most MAX_LIST findings; a score, a fraction or a negative never passes."""
    from fedrad.common.metrics import SCORE_BINS
    from fedrad.common.replyschema import MAX_LIST

    sent = _arrays()
    msg = _msg("train", RecordDict({"arrays": sent, "config": ConfigRecord({"server-round": 1})}))

    def reply(**metrics):
        return Message(RecordDict({"arrays": _arrays(), "metrics": MetricRecord({"num-examples": 3, **metrics})}),
                       reply_to=msg)

    counts = [0] * (2 * SCORE_BINS)
    counts[5] = 2
    check_reply("train", reply(**{"val-score-pos": counts, "val-score-neg": counts}), sent)
    for bad in ([0.25] * SCORE_BINS, [0] * (SCORE_BINS - 1), [-1] + [0] * (SCORE_BINS - 1),
                [0] * (SCORE_BINS * (MAX_LIST + 1))):
        with pytest.raises(SchemaViolation):
            check_reply("train", reply(**{"val-score-pos": bad}), sent)
    with pytest.raises(SchemaViolation):  # a per-finding list stays short
        check_reply("train", reply(**{"val-auc": [0.5] * SCORE_BINS}), sent)
