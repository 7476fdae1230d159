"""Model weights <-> Flower ArrayRecord: one array per dtype, each tensor copied once.

Why packed: Flower 1.42 moves a message's payload as content-addressed objects, one HTTP request
per object (`flwr.supercore.inflatable.inflatable_utils.push_objects` / `pull_objects`, at most
`os.cpu_count()` at a time), and every `Array` of an ArrayRecord is one object plus one per 5 MiB
chunk (`flwr/app/message/array.py`). A ResNet50 state dict as one Array per tensor is 541 objects
per message; in deployment each is a request through TLS, the fleet proxy, the SuperNode's request
signature and the SuperLink's checks, twice per hop (bench/deploy_round.py measured ~45 s each way
per round for 94 MB on loopback). `to_arrays` therefore packs the state dict into one flat array per
dtype (`packed:float32`, `packed:int64`: ~21 objects for the same 94 MB), in state-dict order;
`to_state` needs the model's layout (`state_layout` of a state dict of the same model: names,
shapes, dtypes) to cut it back into named tensors. Every number stays where it was: Flower's
aggregations (FedAvg's weighted mean, FedAdam, the median/trimmed mean, Krum's distances, the DP
wrappers' clipping norm and noise) are elementwise or over all numbers, so they give the same
result on the packed arrays; a reply is checked against the arrays it answers (same keys, shapes).

The bytes are numpy's .npy format with Flower's "numpy.ndarray" serialisation type, so Flower's
own `Array.numpy()`, its aggregation and the reply digest read them as they read its own; the
tensors `to_state` returns are read-only views of the message's bytes (where the dtype already
fits), which `load_state_dict` copies into a model. Records that are not packed (one Array per
tensor, e.g. made by Flower's `ArrayRecord(state_dict)`) are read as before, without a layout.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Mapping

import numpy as np
import torch
from fedrad.common.errors import FedradError
from flwr.app import Array, ArrayRecord

NUMPY_STYPE = "numpy.ndarray"  # flwr.common.constant.SType.NUMPY
PACKED = "packed:"  # key prefix of a packed record's arrays: PACKED + dtype name

Layout = tuple[tuple[str, tuple[int, ...], torch.dtype], ...]


class WeightsLayoutError(FedradError, ValueError):
    """Packed weights that do not fit the model they are read for (another architecture or config)."""


def state_layout(state: Mapping[str, torch.Tensor]) -> Layout:
    """(name, shape, dtype) of every tensor of a state dict, in order: what `to_state` needs."""
    return tuple((k, tuple(int(n) for n in v.shape), v.dtype) for k, v in state.items())


def _dtype_name(dtype: torch.dtype) -> str:
    return str(dtype).removeprefix("torch.")


def _npy(tensor: torch.Tensor) -> Array:
    return npy_array(tensor.detach().cpu().contiguous().numpy())  # contiguous(): no copy unless not in C order


def npy_array(a: np.ndarray) -> Array:
    """An Array of a C-ordered numpy array: the bytes `Array(ndarray)` (np.save) makes, copied once."""
    a = np.ascontiguousarray(a)
    head = io.BytesIO()
    np.lib.format.write_array_header_1_0(head, np.lib.format.header_data_from_array_1_0(a))
    data = b"".join([head.getvalue(), memoryview(a.reshape(-1)).cast("B")]) if a.size else head.getvalue()
    return Array(dtype=str(a.dtype), shape=tuple(int(n) for n in a.shape), stype=NUMPY_STYPE, data=data)


def to_arrays(state: Mapping[str, torch.Tensor], *, packed: bool = True) -> ArrayRecord:
    """A packed ArrayRecord of a state dict: one flat array per dtype, tensors in state-dict order,
    each flattened in its logical (C) order. The bytes are a copy: later training does not change them.
    packed=False: one Array per tensor under its own name (Flower's layout; a site answers in the layout
    it received, bench/deploy_round.py variant u measures what packing saves)."""
    if not packed:
        return ArrayRecord({k: _npy(v) for k, v in state.items()})
    groups: dict[torch.dtype, list[torch.Tensor]] = {}
    for v in state.values():
        groups.setdefault(v.dtype, []).append(v.detach().cpu())
    out = {}
    for dtype, tensors in groups.items():
        flat = torch.empty(sum(t.numel() for t in tensors), dtype=dtype)
        at = 0
        for t in tensors:
            flat[at:at + t.numel()].view(t.shape).copy_(t)
            at += t.numel()
        out[PACKED + _dtype_name(dtype)] = _npy(flat)
    return ArrayRecord(out)


def _unpacked(flats: dict[str, torch.Tensor], layout: Layout) -> dict[str, torch.Tensor]:
    want: dict[str, int] = {}
    for _, shape, dtype in layout:
        want[_dtype_name(dtype)] = want.get(_dtype_name(dtype), 0) + math.prod(shape)
    have = {k: int(v.numel()) for k, v in flats.items()}
    if have != want:
        raise WeightsLayoutError(f"the weights do not fit this model: {have} numbers per dtype, the model has {want}")
    state, at = {}, dict.fromkeys(want, 0)
    for name, shape, dtype in layout:
        group, n = _dtype_name(dtype), math.prod(shape)
        t = flats[group][at[group]:at[group] + n].view(shape)
        at[group] += n
        if t.dtype != dtype:  # aggregation made floats of integer buffers (FedAvg: int64 -> float64)
            t = (t.round() if not dtype.is_floating_point else t).to(dtype)
        state[name] = t
    return state


_HEADER_MAX = 1 << 16  # .npy headers numpy writes are far shorter (np.lib.format: 64-byte aligned, a few dozen)


def numpy_view(arr: Array) -> np.ndarray:
    """`arr.numpy()` without its copy: a read-only view of the Array's .npy bytes (Flower's own reader for
    anything that is not a plain C-ordered .npy of version 1 or 2). `arr.data` is bytes, or in the
    simulation a read-only memoryview of Ray's object store (sim.raywarm)."""
    data = arr.data
    if arr.stype != NUMPY_STYPE or data[6:8] not in (b"\x01\x00", b"\x02\x00"):
        return arr.numpy()
    fh = io.BytesIO(data if isinstance(data, bytes) else bytes(data[:_HEADER_MAX]))  # the header only, no copy
    major, _ = np.lib.format.read_magic(fh)
    shape, fortran, dtype = (np.lib.format.read_array_header_1_0(fh) if major == 1
                             else np.lib.format.read_array_header_2_0(fh))
    if fortran or dtype.hasobject:
        return arr.numpy()
    return np.frombuffer(data, dtype=dtype, count=math.prod(shape), offset=fh.tell()).reshape(shape)


def _view(arr: Array) -> torch.Tensor:
    view = numpy_view(arr)
    with warnings.catch_warnings():  # read-only by design: callers copy (load_state_dict) and never write
        warnings.simplefilter("ignore", UserWarning)
        return torch.from_numpy(view)


def record_copy(record: ArrayRecord) -> ArrayRecord:
    """A new ArrayRecord holding the same Array objects. `ArrayRecord(dict)` would build new Arrays (Flower's
    from_array_dict), which its constructor allows only over `bytes`, not over the views of Ray's object
    store a simulated reply carries (sim.raywarm)."""
    out = ArrayRecord()
    for key, arr in record.items():
        out[key] = arr
    return out


def is_packed(record: ArrayRecord) -> bool:
    return any(str(k).startswith(PACKED) for k in record)


def to_state(record: ArrayRecord, layout: Layout | None = None) -> dict[str, torch.Tensor]:
    """The state dict of an ArrayRecord, as read-only tensors viewing the record's bytes where the dtype
    fits. A packed record (to_arrays) needs the model's `layout` (state_layout) to be cut into tensors."""
    if not is_packed(record):
        return {k: _view(v) for k, v in record.items()}
    if layout is None:
        raise WeightsLayoutError("packed weights need the model's layout (common.weights.state_layout)")
    return _unpacked({k.removeprefix(PACKED): _view(v) for k, v in record.items()}, layout)
