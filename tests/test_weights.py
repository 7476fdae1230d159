"""common.weights: packed ArrayRecords (one array per dtype), read back into named tensors with the model's layout."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from fedrad.common.weights import PACKED, WeightsLayoutError, state_layout, to_arrays, to_state
from flwr.app import Array, ArrayRecord, MetricRecord, RecordDict
from flwr.serverapp.strategy.strategy_utils import aggregate_arrayrecords
from flwr.supercore.inflatable.inflatable_object import get_all_nested_objects


def _state() -> dict[str, torch.Tensor]:
    torch.manual_seed(0)
    conv = torch.nn.Conv2d(3, 4, 3).to(memory_format=torch.channels_last)  # a tensor not in C order
    bn = torch.nn.BatchNorm2d(4)
    return {"conv.weight": conv.weight.detach(), "conv.bias": conv.bias.detach(), **{f"bn.{k}": v for k, v in
                                                                                   bn.state_dict().items()},
            "half": torch.arange(6, dtype=torch.float16).reshape(2, 3), "empty": torch.zeros(0, 5)}


def test_a_state_dict_travels_as_one_array_per_dtype():
    state = _state()
    assert not state["conv.weight"].is_contiguous()
    rec = to_arrays(state)
    assert list(rec.keys()) == [f"{PACKED}float32", f"{PACKED}int64", f"{PACKED}float16"]
    # Flower reads the bytes as its own numpy arrays: the float32 tensors, flattened in logical order, in order
    floats = [v for v in state.values() if v.dtype == torch.float32]
    assert np.array_equal(rec[f"{PACKED}float32"].numpy(), torch.cat([v.reshape(-1) for v in floats]).numpy())
    # Flower moves a message as one object per Array and per 5 MiB chunk: per tensor, this state would be 9+
    many = ArrayRecord({k: v.clone() for k, v in state.items()})
    assert len(get_all_nested_objects(rec)) < len(get_all_nested_objects(many))


def test_reading_back_with_the_layout_gives_the_same_tensors_and_loads_into_a_model():
    state = _state()
    back = to_state(to_arrays(state), state_layout(state))
    assert list(back) == list(state)
    for k, v in state.items():
        assert back[k].dtype == v.dtype and back[k].shape == v.shape and torch.equal(back[k], v), k
    assert back["bn.num_batches_tracked"].shape == ()
    model = torch.nn.Sequential()
    model.add_module("conv", torch.nn.Conv2d(3, 4, 3))
    model.load_state_dict({k: v for k, v in back.items() if k.startswith("conv.")})
    assert torch.equal(model.conv.weight, state["conv.weight"])


def test_packed_weights_need_the_layout_of_the_same_model():
    state = _state()
    rec = to_arrays(state)
    with pytest.raises(WeightsLayoutError):
        to_state(rec)
    other = dict(state, **{"conv.bias": torch.zeros(5)})  # another model: one more number
    with pytest.raises(WeightsLayoutError, match="do not fit"):
        to_state(rec, state_layout(other))


def test_the_bytes_are_a_copy_of_the_tensors():
    t = torch.ones(3)
    rec = to_arrays({"t": t})
    t += 1  # training goes on after the reply was made
    assert torch.equal(to_state(rec, state_layout({"t": t}))["t"], torch.ones(3))


def test_flowers_aggregation_of_packed_weights_is_the_per_tensor_aggregation():
    """FedAvg's weighted mean over the packed arrays, read back, equals it tensor by tensor; the integer
    buffers (averaged to float64 by Flower) come back as whole counts in their own dtype."""
    a, b = _state(), {k: (v * 3 if v.is_floating_point() else v + 4) for k, v in _state().items()}
    layout = state_layout(a)

    def reply(state, n):
        return RecordDict({"arrays": to_arrays(state), "metrics": MetricRecord({"num-examples": n})})

    agg = to_state(aggregate_arrayrecords([reply(a, 1), reply(b, 3)], "num-examples"), layout)
    for k, v in a.items():
        want = (v.double() * 0.25 + b[k].double() * 0.75)
        want = want.to(v.dtype) if v.is_floating_point() else want.round().to(v.dtype)
        assert agg[k].dtype == v.dtype and torch.allclose(agg[k].double(), want.double(), atol=1e-3), k
    assert int(agg["bn.num_batches_tracked"]) == 3  # 0 * 1/4 + 4 * 3/4


def test_records_made_elsewhere_are_read_too():
    rec = ArrayRecord({"f": Array(np.asfortranarray(np.arange(6.0).reshape(2, 3))), "c": Array(np.arange(4))})
    back = to_state(rec)
    assert torch.equal(back["f"], torch.arange(6.0, dtype=torch.float64).reshape(2, 3))
    assert torch.equal(back["c"], torch.arange(4))
