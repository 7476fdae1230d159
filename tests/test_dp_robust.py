"""Differential privacy and robust aggregation, in-process with Flower's real strategy and mod objects on
real (tiny-arch) weights. The same pieces through Flower's simulation engine are in
tests/test_fedharden_sim.py.

- The accountant gives Flower's own RdpAccountant's epsilon.
- dp_clipping_mod (Flower's fixedclipping_mod underneath) bounds what leaves the site, BatchNorm's int
  buffers included, and refuses a clipping norm larger than the run declared.
- One poisoned site (random weights of large scale) wrecks FedAvg's global model; FedMedian,
  FedTrimmedAvg, Krum and MultiKrum, built by our factory with the recorder hooks, hold.
"""

from __future__ import annotations

import time

import numpy as np
import pytest
import torch
from fedrad.common.model import build_model
from fedrad.common.privacy import epsilon_spent
from fedrad.common.runconfig import RunConfig, RunConfigError
from fedrad.server.recorder import RunRecorder
from fedrad.server.strategy import make_strategy
from flwr.app import ArrayRecord, ConfigRecord, Context, Message, Metadata, MetricRecord, RecordDict
from sklearn.metrics import roc_auc_score


def _instruction(node: int, kind: str = "train", content: RecordDict | None = None) -> Message:
    return Message(content or RecordDict(), metadata=Metadata(
        run_id=1, message_id=f"m{node}-{time.monotonic_ns()}", src_node_id=0, dst_node_id=node,
        reply_to_message_id="", group_id="1", created_at=time.time(), ttl=600.0, message_type=kind))


def test_accountant_matches_flowers_rdp_accountant():
    from flwr.serverapp import (
        GaussianPrivacyEvent,
        NeighboringRelation,
        PrivacyConfig,
        RdpAccountant,
        SamplingMethod,
    )

    acc = RdpAccountant(PrivacyConfig(target_delta=1e-5, population_size=3, sampling_method=SamplingMethod.
                                      NO_AMPLIFICATION, neighboring_relation=NeighboringRelation.ADD_OR_REMOVE_ONE))
    acc.compose(GaussianPrivacyEvent(noise_multiplier=1.1, sample_size=3, population_size=3), 5)
    ours = epsilon_spent(1.1, 1e-5, 5)
    assert ours.epsilon == pytest.approx(acc.get_privacy_spent().epsilon, rel=1e-9)
    assert epsilon_spent(2.2, 1e-5, 5).epsilon < ours.epsilon < epsilon_spent(1.1, 1e-5, 10).epsilon
    assert epsilon_spent([1.1] * 5, 1e-5).epsilon == ours.epsilon
    assert epsilon_spent(1.1, 1e-5, 0).epsilon == 0.0
    assert RunConfig(dp="fixed", num_server_rounds=5, dp_noise_multiplier=1.1).planned_privacy().epsilon == \
        ours.epsilon


def _cfg(**kw) -> RunConfig:
    return RunConfig(arch="tiny", image_size=32, region="elbow", **kw)


def _state(cfg: RunConfig, seed: int = 0) -> dict[str, torch.Tensor]:
    torch.manual_seed(seed)
    return build_model(cfg.model_config()).state_dict()


def _dist(a: dict, b: dict) -> float:
    return float(np.sqrt(sum(float(((a[k].double() - b[k].double()) ** 2).sum()) for k in a)))


@pytest.mark.parametrize("packed", [False, True], ids=["per-tensor", "packed"])
def test_dp_clipping_mod_bounds_the_update_that_leaves_the_site(tmp_path, packed):
    """Per tensor (Flower's own ArrayRecord) and packed (common.weights: all integer buffers in one 1-d int64
    array, which Flower's in-place clip could not scale)."""
    from fedrad.client.mods import dp_clipping_mod
    from fedrad.common.weights import to_arrays

    def record(state):
        return to_arrays(state) if packed else ArrayRecord(state)

    def dist(rec, state) -> float:  # over the raw arrays as they travel, float64
        return float(np.sqrt(sum(float(np.sum((np.asarray(a, np.float64) - np.asarray(b, np.float64)) ** 2))
                                 for a, b in zip(rec.to_numpy_ndarrays(), record(state).to_numpy_ndarrays(),
                                                 strict=True))))

    cfg = _cfg(dp="fixed", dp_clipping_norm=0.5)
    glob = _state(cfg)
    assert any(not v.is_floating_point() for v in glob.values())  # BatchNorm's num_batches_tracked (int64)
    local = {k: (v + 3.0 * torch.randn_like(v) if v.is_floating_point() else v + 7) for k, v in glob.items()}
    assert _dist(local, glob) > 50

    def handler(msg, ctx):
        msg.content["arrays"].to_numpy_ndarrays()  # the ClientApp loads what it got (floats for int buffers)
        return Message(RecordDict({"arrays": record(local), "metrics": MetricRecord({"num-examples": 20})}),
                       reply_to=msg)

    def run(c: RunConfig, norm: float):
        ctx = Context(run_id=3, node_id=1, node_config={"site-dir": str(tmp_path)}, state=RecordDict(),
                      run_config=c.to_flower())
        msg = _instruction(1, content=RecordDict({"arrays": record(glob),
                                                  "config": ConfigRecord({"clipping_norm": norm, "server-round": 1})}))
        return dp_clipping_mod(msg, ctx, handler)

    reply = run(cfg, 0.5)
    assert not reply.has_error(), reply.error
    assert dist(reply.content["arrays"], glob) == pytest.approx(0.5, rel=1e-4)  # clipped to the norm
    assert (tmp_path / ".fedrad" / "site-policy.jsonl").read_text().count('"dp-update"') == 1
    # DP off: the update goes out untouched.
    plain = run(_cfg(), 0.5).content["arrays"]
    assert dist(plain, glob) == pytest.approx(_dist(local, glob), rel=1e-6)
    # A coordinator asking for a larger norm than the run declared is refused with a bare code.
    refused = run(cfg, 5.0)
    assert refused.has_error() and refused.error.code == 4109 and not refused.error.reason


def test_dp_needs_a_mean_and_trimmed_mean_must_trim():
    with pytest.raises(RunConfigError, match="needs a strategy that averages"):
        RunConfig(dp="fixed", strategy="krum")
    with pytest.raises(RunConfigError, match="trims int"):
        make_strategy(RunConfig(strategy="fedtrimmedavg", trim_beta=0.2, min_sites=3), None, None)


# ------------------------------------------------------------------------------ robust aggregation
def _data(n: int, cfg: RunConfig, rng: np.random.Generator):
    """A learnable multi-label task: every finding is 'bright ap view' (signal +-0.6 on unit noise)."""
    y = rng.integers(0, 2, n)
    x = rng.normal(size=(n, 2, 3, cfg.image_size, cfg.image_size)).astype(np.float32)
    x[:, 0] += (0.6 * (2 * y - 1))[:, None, None, None]
    k = len(cfg.template())
    return torch.from_numpy(x), torch.from_numpy(np.repeat(y[:, None], k, 1).astype(np.float32))


def _local(cfg, state, x, y, steps: int = 6):
    model = build_model(cfg.model_config())
    model.load_state_dict(state)
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    model.train()
    for i in range(steps):
        idx = slice((i * 16) % len(x), (i * 16) % len(x) + 16)
        opt.zero_grad()
        torch.nn.functional.binary_cross_entropy_with_logits(model(x[idx]), y[idx]).backward()
        opt.step()
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


def _score(cfg, state, x, y) -> tuple[float, float]:
    """(test BCE loss, AUC). The loss is the verdict: a random network is often monotone in brightness, so a
    wrecked model can still rank well; it cannot also be calibrated."""
    model = build_model(cfg.model_config())
    model.load_state_dict(state)
    model.eval()
    with torch.no_grad():
        logits = model(x)
    loss = float(torch.nn.functional.binary_cross_entropy_with_logits(logits, y))
    s = torch.sigmoid(logits)[:, 0].numpy()
    return (loss if np.isfinite(loss) else float("inf"),
            float(roc_auc_score(y[:, 0].numpy(), s)) if np.isfinite(s).all() else 0.5)


def _poison(state, rng) -> dict[str, torch.Tensor]:
    """Random weights of large scale (running variances kept positive so the model still computes)."""
    out = {}
    for k, v in state.items():
        if not v.is_floating_point():
            out[k] = v
        else:
            r = torch.from_numpy(rng.normal(scale=20.0, size=tuple(v.shape)).astype(np.float32))
            out[k] = r.abs() if k.endswith("running_var") else r
    return out


def _federate(strategy: str, tmp_path, poisoned: bool, first_round: dict, rounds: int = 2) -> tuple[float, float]:
    """`first_round`: the honest sites' round-1 updates, shared by the federations of one test (every one starts
    from the same global weights with the same shards, and local training is deterministic), computed once."""
    cfg = _cfg(strategy=strategy, min_sites=5, byzantine_sites=1, trim_beta=0.2, output_dir=str(tmp_path))
    rec = RunRecorder(cfg, tmp_path)
    strat = make_strategy(cfg, rec, None)  # the factory's strategy, recorder hooks included
    rng = np.random.default_rng(0)
    shards = [_data(48, cfg, rng) for _ in range(4)]
    xt, yt = _data(128, cfg, np.random.default_rng(99))
    glob = _state(cfg)
    for rnd in range(1, rounds + 1):
        if rnd == 1 and first_round:
            states = list(first_round["honest"])
        else:
            states = [_local(cfg, glob, x, y) for x, y in shards]
            if rnd == 1:
                first_round["honest"] = list(states)
        states.append(_poison(glob, rng) if poisoned else _local(cfg, glob, *shards[0]))
        replies = [Message(RecordDict({"arrays": ArrayRecord(s), "metrics": MetricRecord(
            {"num-examples": 48, "train-loss": 0.5})}), reply_to=_instruction(i + 1)) for i, s in enumerate(states)]
        arrays, _ = strat.aggregate_train(rnd, replies)
        glob = {k: torch.as_tensor(v).to(glob[k].dtype) for k, v in arrays.to_torch_state_dict().items()}
        assert len(rec._pending[rnd]["train_sites"]) == 5  # our reply hook saw every reply
    return _score(cfg, glob, xt, yt)


@pytest.fixture
def one_thread():
    n = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny tensors: more threads only contend with the other tests
    yield
    torch.set_num_threads(n)


def test_one_poisoned_site_breaks_fedavg_not_robust_strategies(tmp_path, one_thread):
    first: dict = {}
    clean = _federate("fedavg", tmp_path / "clean", poisoned=False, first_round=first)
    attacked = _federate("fedavg", tmp_path / "fedavg", poisoned=True, first_round=first)
    robust = {s: _federate(s, tmp_path / s, poisoned=True, first_round=first)
              for s in ("fedmedian", "fedtrimmedavg", "krum", "multikrum")}
    print(f"\n(test loss, AUC) after 2 rounds, 4 honest sites + 1 poisoned: clean FedAvg {clean}, "
          f"poisoned FedAvg {attacked}, " + ", ".join(f"poisoned {k} {v}" for k, v in robust.items()))
    assert clean[0] < 0.3 and clean[1] > 0.95, "the task must be learnable for the comparison to mean anything"
    assert attacked[0] > 10 * clean[0] and attacked[0] > 2.0, "FedAvg should be wrecked by one poisoned site"
    for name, (loss, auc) in robust.items():
        assert loss < max(2 * clean[0], 0.3) and auc > 0.95, (name, loss, auc)


def test_released_buffers_are_made_valid_in_packed_weights():
    """The DP wrapper's clamp of the noisy aggregate (variances >= 1e-5, whole non-negative counters) reads
    packed weights (common.weights) with the model's layout and packs them again."""
    from fedrad.common.weights import is_packed, state_layout, to_arrays, to_state
    from fedrad.server.dp_strategy import valid_buffers

    bn = torch.nn.BatchNorm2d(3).state_dict()
    noisy = {**bn, "running_var": torch.tensor([-0.5, 0.2, 1.0]), "running_mean": torch.tensor([-0.5, 0.2, 1.0]),
             "num_batches_tracked": torch.tensor(-2)}
    layout = state_layout(bn)
    out = valid_buffers(to_arrays(noisy), layout)
    assert is_packed(out)
    back = to_state(out, layout)
    assert torch.allclose(back["running_var"], torch.tensor([1e-5, 0.2, 1.0]))
    assert torch.equal(back["running_mean"], noisy["running_mean"])  # weights and means untouched
    assert int(back["num_batches_tracked"]) == 0 and back["num_batches_tracked"].dtype == torch.int64
    with pytest.raises(ValueError):
        valid_buffers(to_arrays(noisy))  # packed weights without the layout: refused, never guessed
