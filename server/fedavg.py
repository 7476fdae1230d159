"""FedAvg's weighted mean of the sites' arrays: the same numbers as Flower's, without its copies (issue 15).

Flower 1.42's `aggregate_arrayrecords` (flwr/serverapp/strategy/strategy_utils.py, what FedAvg and FedProx
call) reads every reply's arrays with `Array.numpy()` (np.load: a copy of each 189 MB reply), adds
`value * weight` into the first reply's product, and writes the result with `Array(ndarray)` (np.save into
a BytesIO, then `getvalue()`: two more copies). On this 2-core host that was ~0.5 s of a round's ~3 s of
non-training time at 64 px (bench/round_overhead.py). `weighted_mean` does the same arithmetic in the same
order (weights as Flower computes them, `w / sum(w)`; products and in-place sums in the arrays' own
dtypes, so float32 stays float32 and int64 buffers become float64 as in Flower) on read-only views of the
replies' bytes, and writes the .npy bytes once: the result is bitwise Flower's (tests/test_fedavg.py).
"""

from __future__ import annotations

import numpy as np
from fedrad.common.weights import npy_array, numpy_view
from flwr.app import ArrayRecord, RecordDict


def weighted_mean(records: list[RecordDict], weight_key: str) -> ArrayRecord:
    """The weighted mean of every array of the records, weighted by each record's (only) MetricRecord's
    `weight_key`; arrays by key across all of a record's ArrayRecords, as Flower's aggregation does."""
    weights = [next(iter(r.metric_records.values()))[weight_key] for r in records]
    total = sum(weights)
    factors = [w / total for w in weights]
    acc: dict[str, np.ndarray] = {}
    for record, factor in zip(records, factors, strict=True):
        for arrays in record.array_records.values():
            for key, value in arrays.items():
                if key not in acc:
                    acc[key] = numpy_view(value) * factor
                else:
                    acc[key] += numpy_view(value) * factor
    return ArrayRecord({k: npy_array(v) for k, v in acc.items()})
