"""Model weights <-> Flower ArrayRecord, each tensor copied once.

Flower's `ArrayRecord(state_dict)` goes tensor -> numpy -> `np.save` into a BytesIO -> `getvalue()`
(two copies of the model, and numpy's slow buffered path for tensors not in C order, such as
channels_last convolution weights), and `ArrayRecord.to_torch_state_dict()` `np.load`s a copy of
every array. These two functions make and read exactly the same records (numpy's .npy bytes, Flower's
"numpy.ndarray" serialisation type, so Flower's own `Array.numpy()`, its aggregation and the reply
digest see no difference) with one copy on the way out and none on the way in: the tensors returned
by `to_state` are read-only views of the message's bytes, which `load_state_dict` copies into a model.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Mapping

import numpy as np
import torch
from flwr.app import Array, ArrayRecord

NUMPY_STYPE = "numpy.ndarray"  # flwr.common.constant.SType.NUMPY


def _npy(tensor: torch.Tensor) -> Array:
    a = tensor.detach().cpu().contiguous().numpy()  # contiguous(): no copy unless not in C order
    head = io.BytesIO()
    np.lib.format.write_array_header_1_0(head, np.lib.format.header_data_from_array_1_0(a))
    data = b"".join([head.getvalue(), memoryview(a).cast("B")]) if a.size else head.getvalue()
    return Array(dtype=str(a.dtype), shape=tuple(int(n) for n in a.shape), stype=NUMPY_STYPE, data=data)


def to_arrays(state: Mapping[str, torch.Tensor]) -> ArrayRecord:
    """An ArrayRecord of a state dict (the bytes are a copy: later training does not change them)."""
    return ArrayRecord({k: _npy(v) for k, v in state.items()})


def _view(arr: Array) -> torch.Tensor:
    data = arr.data
    if arr.stype != NUMPY_STYPE or data[6:8] not in (b"\x01\x00", b"\x02\x00"):
        return torch.from_numpy(arr.numpy())  # anything else: Flower's own reader
    fh = io.BytesIO(data)
    major, _ = np.lib.format.read_magic(fh)
    shape, fortran, dtype = (np.lib.format.read_array_header_1_0(fh) if major == 1
                             else np.lib.format.read_array_header_2_0(fh))
    if fortran or dtype.hasobject:
        return torch.from_numpy(arr.numpy())
    view = np.frombuffer(data, dtype=dtype, count=math.prod(shape), offset=fh.tell()).reshape(shape)
    with warnings.catch_warnings():  # read-only by design: callers copy (load_state_dict) and never write
        warnings.simplefilter("ignore", UserWarning)
        return torch.from_numpy(view)


def to_state(record: ArrayRecord) -> dict[str, torch.Tensor]:
    """The state dict of an ArrayRecord, as read-only tensors viewing the record's bytes."""
    return {k: _view(v) for k, v in record.items()}
