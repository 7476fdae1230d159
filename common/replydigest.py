"""One fingerprint of the arrays in a Flower reply, computed the same way at both ends.

A site's audit log records it for every reply that left; the coordinator records it for every
reply that arrived; `fedrad client audit --verify` compares the two. The bytes hashed are the
serialized tensors exactly as they travel (Flower's `Array.data`), in key order, each preceded
by its key, so the digest changes if any tensor, key or order changes. Duck-typed (anything
with `.items()` of objects with `.data` bytes): no Flower import.
"""

from __future__ import annotations

import hashlib
from typing import Any


def arrays_digest(record: Any) -> tuple[str, int]:
    """(sha256 hex, total bytes of tensor data) of an ArrayRecord."""
    h = hashlib.sha256()
    size = 0
    for key, arr in record.items():
        data = memoryview(arr.data).cast("B")  # bytes, or a view of Ray's object store: no copy either way
        h.update(str(key).encode("utf-8") + b"\0" + len(data).to_bytes(8, "big"))
        h.update(data)
        size += len(data)
    return h.hexdigest(), size
