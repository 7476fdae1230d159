"""server.fedavg.weighted_mean gives Flower 1.42's FedAvg arrays bit for bit (issue 15: it only drops copies)."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from fedrad.common.weights import numpy_view, to_arrays
from fedrad.server.fedavg import weighted_mean
from flwr.app import Array, ArrayRecord, MetricRecord, RecordDict
from flwr.serverapp.strategy.strategy_utils import aggregate_arrayrecords


def _state(seed: int) -> dict[str, torch.Tensor]:
    g = torch.Generator().manual_seed(seed)
    return {"conv.weight": torch.randn(8, 3, 3, 3, generator=g),
            "bn.running_mean": torch.randn(8, generator=g),
            "bn.num_batches_tracked": torch.tensor(17 + seed, dtype=torch.int64),
            "fc.bias": torch.randn(5, generator=g).to(torch.float64)}


def _same(a: ArrayRecord, b: ArrayRecord) -> None:
    assert list(a.keys()) == list(b.keys())
    for k in a:
        assert (a[k].dtype, tuple(a[k].shape), a[k].stype) == (b[k].dtype, tuple(b[k].shape), b[k].stype), k
        assert a[k].data == b[k].data, k


@pytest.mark.parametrize("packed", [True, False])
@pytest.mark.parametrize("weights", [(40, 41, 7), (1.0, 1.0, 1.0), (3, 0.5, 1e6)])
def test_weighted_mean_is_flowers_bit_for_bit(packed, weights):
    records = [RecordDict({"arrays": to_arrays(_state(i), packed=packed), "m": MetricRecord({"n": w})})
               for i, w in enumerate(weights)]
    ours, flowers = weighted_mean(records, "n"), aggregate_arrayrecords(records, "n")
    _same(ours, flowers)
    if packed:  # int64 buffers come out as float64, as Flower's do (common.weights rounds them back)
        assert ours["packed:int64"].dtype == "float64"


def test_flower_made_arrays_and_two_array_records():
    """Arrays Flower itself wrote (np.save), and a record with two ArrayRecords (keys summed across them)."""
    rng = np.random.default_rng(0)
    records = []
    for i in range(2):
        a = ArrayRecord({"x": Array(rng.standard_normal((4, 5)).astype(np.float32))})
        b = ArrayRecord({"y": Array(rng.integers(0, 9, size=(3,)))})
        records.append(RecordDict({"a": a, "b": b, "m": MetricRecord({"n": 10 * (i + 1)})}))
    _same(weighted_mean(records, "n"), aggregate_arrayrecords(records, "n"))


def test_numpy_view_reads_without_copying():
    arr = to_arrays({"w": torch.arange(6, dtype=torch.float32)})["packed:float32"]
    view = numpy_view(arr)
    assert np.array_equal(view, np.arange(6, dtype=np.float32)) and not view.flags.writeable
    assert not view.flags.owndata  # a view of the message's bytes, not np.load's copy
