"""common.weights: the same ArrayRecord bytes as Flower's own conversion, fewer copies."""

from __future__ import annotations

import numpy as np
import torch
from fedrad.common.replydigest import arrays_digest
from fedrad.common.weights import to_arrays, to_state
from flwr.app import Array, ArrayRecord


def _state() -> dict[str, torch.Tensor]:
    torch.manual_seed(0)
    conv = torch.nn.Conv2d(3, 4, 3).to(memory_format=torch.channels_last)  # a tensor not in C order
    bn = torch.nn.BatchNorm2d(4)
    return {"conv.weight": conv.weight.detach(), "conv.bias": conv.bias.detach(), **{f"bn.{k}": v for k, v in
                                                                                   bn.state_dict().items()},
            "half": torch.arange(6, dtype=torch.float16).reshape(2, 3), "empty": torch.zeros(0, 5)}


def test_records_are_byte_for_byte_flowers_own():
    state = _state()
    assert not state["conv.weight"].is_contiguous()
    ours, flowers = to_arrays(state), ArrayRecord({k: v.clone() for k, v in state.items()})
    assert arrays_digest(ours) == arrays_digest(flowers)
    assert [(a.dtype, a.shape, a.stype) for a in ours.values()] == [(a.dtype, a.shape, a.stype)
                                                                   for a in flowers.values()]


def test_reading_back_gives_the_same_tensors_and_loads_into_a_model():
    state = _state()
    back = to_state(to_arrays(state))
    for k, v in state.items():
        assert back[k].dtype == v.dtype and back[k].shape == v.shape and torch.equal(back[k], v), k
    assert back["bn.num_batches_tracked"].shape == ()
    model = torch.nn.Sequential()
    model.add_module("conv", torch.nn.Conv2d(3, 4, 3))
    model.load_state_dict({k: v for k, v in back.items() if k.startswith("conv.")})
    assert torch.equal(model.conv.weight, state["conv.weight"])


def test_the_bytes_are_a_copy_of_the_tensors():
    t = torch.ones(3)
    rec = to_arrays({"t": t})
    t += 1  # training goes on after the reply was made
    assert torch.equal(to_state(rec)["t"], torch.ones(3))


def test_records_made_elsewhere_are_read_too():
    rec = ArrayRecord({"f": Array(np.asfortranarray(np.arange(6.0).reshape(2, 3))), "c": Array(np.arange(4))})
    back = to_state(rec)
    assert torch.equal(back["f"], torch.arange(6.0, dtype=torch.float64).reshape(2, 3))
    assert torch.equal(back["c"], torch.arange(4))
