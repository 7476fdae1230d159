"""Site policy (client.policy, client.mods.site_policy_mod, doctor): loading, each rule, the refusal's
wire form (a fixed code, no text) and the site's own log. The same policy in a real Flower simulation is
in tests/test_fedharden_sim.py."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from fedrad.client.doctor import check_site_policy
from fedrad.client.policy import (
    POLICY_FILE,
    PolicyFileError,
    SitePolicy,
    check_message,
    check_run,
    count_message,
    load_policy,
)
from fedrad.common.replyschema import POLICY_CODES, describe_error
from fedrad.common.runconfig import RunConfig


def _write(site: Path, text: str) -> Path:
    site.mkdir(parents=True, exist_ok=True)
    (site / POLICY_FILE).write_text(text, encoding="utf-8")
    return site


def test_defaults_without_a_file_refuse_the_issues_inversion_config(tmp_path):
    policy = load_policy(tmp_path)
    assert policy == SitePolicy() and policy.source == "built-in defaults"
    assert check_run(RunConfig(), policy) == []  # the shipped run defaults pass the shipped site defaults
    # The issue's example: batch-size 1 and one study per update is a single-image gradient.
    rules = {v.rule for v in check_run(RunConfig(batch_size=1, max_train_studies=1), policy)}
    assert rules == {"min-batch-size", "min-studies-per-update"}


def test_every_rule_refuses_and_names_its_code(tmp_path):
    site = _write(tmp_path / "s", '[policy]\nmin-batch-size = 16\nmax-rounds-per-run = 4\nmax-evaluations-per-run = 3\n'
                                  'allowed-regions = ["knee"]\nallowed-strategies = ["fedavg", "fedmedian"]\n'
                                  'require-dp = true\nmax-epsilon = 5.0\n')
    policy = load_policy(site)
    assert policy.source == str(site / POLICY_FILE)
    bad = RunConfig(batch_size=8, num_server_rounds=5, region="elbow", strategy="fedprox", max_train_studies=4)
    got = {v.rule: v for v in check_run(bad, policy)}
    assert set(got) == {"min-batch-size", "min-studies-per-update", "max-rounds-per-run", "max-evaluations-per-run",
                        "allowed-regions", "allowed-strategies", "require-dp"}
    assert "batch-size 8 < the site's minimum 16" in got["min-batch-size"].message
    assert {v.code for v in got.values()} <= set(POLICY_CODES)
    good = RunConfig(batch_size=16, num_server_rounds=3, region="knee", strategy="fedavg", dp="fixed",
                     dp_noise_multiplier=2.0)
    assert check_run(good, policy) == []
    # Epsilon ceiling: the same run with little noise plans far more than 5.
    eps = [v for v in check_run(replace(good, dp_noise_multiplier=0.3), policy)]
    assert [v.rule for v in eps] == ["max-epsilon"] and "planned epsilon" in eps[0].message
    assert [v.rule for v in check_run(replace(good, dp_delta=1e-3), policy)] == ["max-epsilon"]


def test_site_counts_messages_itself(tmp_path):
    policy = SitePolicy(max_rounds_per_run=2, max_evaluations_per_run=1)
    counts = [count_message(tmp_path, 7, "train") for _ in range(3)]
    assert counts == [1, 2, 3]
    assert [bool(check_message("train", c, policy)) for c in counts] == [False, False, True]
    assert count_message(tmp_path, 8, "train") == 1  # another run starts from zero
    assert check_message("evaluate", count_message(tmp_path, 7, "evaluate"), policy) == []
    assert check_message("evaluate", count_message(tmp_path, 7, "evaluate"), policy)[0].rule == \
        "max-evaluations-per-run"


@pytest.mark.parametrize("text, words", [
    ("[policy]\nmin-batch-sise = 8\n", ["unknown key 'min-batch-sise'"]),
    ("[policy]\nmin-batch-size = \"8\"\n", ["min-batch-size", "not a valid int"]),
    ("[policy]\nmin-batch-size = 0\n", ["min-batch-size must be >= 1"]),
    ("[policy]\nallowed-strategies = [\"fedavg\", \"fedsgd\"]\n", ["unknown 'fedsgd'"]),
    ("[policy\n", ["not valid TOML", "line 1"]),
])
def test_bad_policy_file_is_an_error_naming_file_and_key(tmp_path, text, words):
    site = _write(tmp_path / "s", text)
    with pytest.raises(PolicyFileError) as exc:
        load_policy(site)
    assert str(site / POLICY_FILE) in str(exc.value)
    for w in words:
        assert w in str(exc.value)


def test_named_policy_file_must_exist(tmp_path):
    with pytest.raises(PolicyFileError, match="does not exist"):
        load_policy(tmp_path, {"policy-file": str(tmp_path / "nope.toml")})


def test_doctor_shows_the_policy_in_force(tmp_path):
    checks = check_site_policy(tmp_path)
    assert checks[0].status == "ok" and "built-in defaults" in checks[0].detail
    rows = {c.name: c.detail for c in checks[1:]}
    assert rows["policy: min-batch-size"].startswith("8: ") and "inversion" in rows["policy: min-batch-size"]
    _write(tmp_path, "[policy]\nmin-batch-size = 32\nrequire-dp = true\n")
    rows = {c.name: c.detail for c in check_site_policy(tmp_path)}
    assert rows["policy: min-batch-size"].startswith("32: ") and rows["policy: require-dp"].startswith("yes: ")
    _write(tmp_path, "[policy]\nmax-epsilon = -1\n")
    assert check_site_policy(tmp_path)[0].status == "fail"


def test_policy_mod_refuses_with_a_bare_code_and_logs_the_reason_locally(tmp_path):
    from fedrad.client.mods import site_policy_mod
    from flwr.app import ArrayRecord, ConfigRecord, Context, Message, Metadata, RecordDict

    site = _write(tmp_path / "site-a", "[policy]\nmin-batch-size = 64\n")
    ctx = Context(run_id=42, node_id=1, node_config={"site-dir": str(site)},
                  state=RecordDict(), run_config=RunConfig(batch_size=8).to_flower())
    msg = Message(RecordDict({"arrays": ArrayRecord(), "config": ConfigRecord({"server-round": 1})}),
                  metadata=Metadata(run_id=42, message_id="m1", src_node_id=0, dst_node_id=1, reply_to_message_id="",
                                    group_id="1", created_at=0.0, ttl=60.0, message_type="train"))
    called = []
    reply = site_policy_mod(msg, ctx, lambda m, c: called.append(1))
    assert not called, "a refused run must not reach the handler"
    assert reply.has_error() and reply.error.code == 4101 and not reply.error.reason
    assert describe_error(reply.error.code, reply.error.reason).startswith("refused by site policy (min-batch-size")
    lines = [json.loads(ln) for ln in (site / ".fedrad" / "site-policy.jsonl").read_text().splitlines()]
    assert lines[-1]["event"] == "refused" and lines[-1]["run"] == 42
    assert "batch-size 8 < the site's minimum 64" in lines[-1]["reason"]


def test_max_evaluations_counts_models_not_messages(tmp_path):
    """The final evaluate message carries the cross-site models too (server.crosssite): each model counts
    against max-evaluations-per-run, so packing models into one message bypasses nothing."""
    import numpy as np
    from fedrad.client.mods import site_policy_mod
    from fedrad.common.replyschema import MODEL_PREFIX
    from flwr.app import ArrayRecord, ConfigRecord, Context, Message, Metadata, RecordDict

    site = _write(tmp_path / "site-a", "[policy]\nmax-evaluations-per-run = 4\n")
    ctx = Context(run_id=43, node_id=1, node_config={"site-dir": str(site)}, state=RecordDict(),
                  run_config=RunConfig(num_server_rounds=2).to_flower())

    def evaluate(models: int) -> Message:
        content = {"arrays": ArrayRecord([np.zeros(2, np.float32)]), "config": ConfigRecord({"server-round": 1})}
        content.update({f"{MODEL_PREFIX}local:m{i}": ArrayRecord([np.zeros(2, np.float32)])
                        for i in range(models - 1)})
        return Message(RecordDict(content), metadata=Metadata(
            run_id=43, message_id="m", src_node_id=0, dst_node_id=1, reply_to_message_id="", group_id="1",
            created_at=0.0, ttl=60.0, message_type="evaluate"))

    called = []
    assert site_policy_mod(evaluate(3), ctx, lambda m, c: called.append(m)) is None  # 3 models: within 4
    reply = site_policy_mod(evaluate(2), ctx, lambda m, c: called.append(m))  # 5 > 4: refused, one message
    assert len(called) == 1 and reply.has_error() and not reply.error.reason
    assert describe_error(reply.error.code, reply.error.reason).startswith(
        "refused by site policy (max-evaluations-per-run")
    assert count_message(site, 43, "evaluate", 0) == 5
