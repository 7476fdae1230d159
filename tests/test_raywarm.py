"""sim.raywarm: a Flower Array's bytes cross Ray's process boundary out of band, and read the same on the far side.

Ray pickles with protocol 5 and a buffer callback; these tests do the same with the standard pickler (what
Ray's serializer calls), so they need no Ray cluster. The simulations in the suite exercise the real path.
"""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest
import torch
from fedrad.common.replydigest import arrays_digest
from fedrad.common.weights import record_copy, state_layout, to_arrays, to_state
from fedrad.server.fedavg import weighted_mean
from fedrad.sim.raywarm import out_of_band_arrays
from flwr.app import Array, ArrayRecord, MetricRecord, RecordDict


@pytest.fixture
def oob():
    """Install the reduction for one test and restore Python's default afterwards."""
    before = Array.__dict__.get("__reduce_ex__")
    out_of_band_arrays()
    yield
    if before is None:
        del Array.__reduce_ex__
    else:
        Array.__reduce_ex__ = before


def _ray_like_round_trip(obj):
    buffers: list[pickle.PickleBuffer] = []
    stream = pickle.dumps(obj, protocol=5, buffer_callback=buffers.append)
    # Ray hands the reader read-only views of its object store
    return stream, buffers, pickle.loads(stream, buffers=[memoryview(b).toreadonly() for b in buffers])


def _state() -> dict[str, torch.Tensor]:
    torch.manual_seed(1)
    model = torch.nn.Sequential(torch.nn.Conv2d(3, 8, 3), torch.nn.BatchNorm2d(8), torch.nn.Flatten(),
                                torch.nn.LazyLinear(2))
    model(torch.zeros(1, 3, 8, 8))
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


def test_without_the_reduction_the_bytes_travel_inside_the_pickle():
    rec = to_arrays(_state())
    stream, buffers, _ = _ray_like_round_trip(rec)
    assert buffers == [] and len(stream) > sum(len(a.data) for a in rec.values())


def test_with_it_every_arrays_bytes_are_one_out_of_band_buffer_and_read_the_same(oob):
    state = _state()
    rec = to_arrays(state)
    stream, buffers, back = _ray_like_round_trip(RecordDict({"arrays": rec}))
    assert len(buffers) == len(rec) and len(stream) < 4096
    back_rec = back["arrays"]
    assert list(back_rec.keys()) == list(rec.keys())
    for key, arr in rec.items():
        got = back_rec[key]
        assert isinstance(got, Array) and (got.dtype, got.shape, got.stype) == (arr.dtype, arr.shape, arr.stype)
        assert isinstance(got.data, memoryview) and got.data.readonly and bytes(got.data) == arr.data
        assert np.array_equal(got.numpy(), arr.numpy())  # Flower's own reader
    assert arrays_digest(back_rec) == arrays_digest(rec)
    assert back_rec.object_id == rec.object_id  # Flower's content address is unchanged
    layout = state_layout(state)
    for name, tensor in to_state(back_rec, layout).items():
        assert torch.equal(tensor, state[name])
    # the server's aggregation and its copy of a reply take the views as they take bytes
    replies = [RecordDict({"arrays": r, "m": MetricRecord({"n": n})}) for r, n in ((rec, 3), (back_rec, 1))]
    assert weighted_mean(replies, "n").object_id == weighted_mean([replies[0], replies[0]], "n").object_id
    kept = record_copy(back_rec)
    assert all(kept[k] is back_rec[k] for k in back_rec)
    # and a view goes back out of band again (the cross-site models of the final round)
    _, buffers2, again = _ray_like_round_trip(kept)
    assert len(buffers2) == len(rec) and arrays_digest(again) == arrays_digest(rec)


def test_other_picklers_and_deepcopy_are_untouched(oob):
    rec = ArrayRecord({"w": Array(np.arange(5, dtype=np.float32))})
    for protocol in (2, 4):
        back = pickle.loads(pickle.dumps(rec, protocol=protocol))
        assert isinstance(back["w"].data, bytes) and back["w"].data == rec["w"].data
    assert copy.deepcopy(rec)["w"].data == rec["w"].data
