"""Does a FAB carry exactly this site's fedrad shim? (the launcher's gate; nothing runs before it)

The expected FAB is built here, at the site, by Flower's own FAB builder from
common.fabshim.shim_files(), the same files the coordinator submits; then the received FAB's
member list and the sha256 of every member must match it exactly: an extra file (a shadowing
`fedrad/` package), a missing one or a single changed byte is a refusal. The FAB is only read
as a zip in memory, never extracted or imported.
"""

from __future__ import annotations

import functools
import hashlib
import io
import zipfile
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FabVerdict:
    ok: bool
    sha256: str  # of the whole FAB as received (what the site log and audit log name)
    problems: list[str] = field(default_factory=list)


@functools.lru_cache(maxsize=1)
def expected_members() -> dict[str, str]:
    """{member name: sha256} of the shim FAB of the installed fedrad version."""
    from fedrad.common.fabshim import shim_files
    from flwr.cli.build import build_fab_from_files

    fab, _ = build_fab_from_files({k: v.encode("utf-8") for k, v in shim_files().items()})
    return _members(fab)


def _members(content: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        out = {}
        if sum(i.file_size for i in z.infolist()) > 8 << 20:
            raise zipfile.BadZipFile("members would unpack to more than 8 MiB")
        for info in z.infolist():
            if info.filename in out:
                raise zipfile.BadZipFile(f"duplicate member {info.filename}")
            out[info.filename] = hashlib.sha256(z.read(info)).hexdigest()
        return out


def check_fab(content: bytes, *, max_bytes: int = 1 << 20) -> FabVerdict:
    sha = hashlib.sha256(content).hexdigest()
    if len(content) > max_bytes:  # the shim is a few kB; do not even unzip a large FAB
        return FabVerdict(False, sha, [f"{len(content)} bytes (the shim is a few kB)"])
    try:
        got = _members(content)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        return FabVerdict(False, sha, [f"not a readable zip ({type(exc).__name__})"])
    want = expected_members()
    problems = [f"unexpected file {n}" for n in sorted(set(got) - set(want))]
    problems += [f"missing file {n}" for n in sorted(set(want) - set(got))]
    problems += [f"changed file {n}" for n in sorted(set(got) & set(want)) if got[n] != want[n]]
    return FabVerdict(not problems, sha, problems)
