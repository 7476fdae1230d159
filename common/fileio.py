"""Atomic writes: a crash or Ctrl-C never leaves a half-written output behind.

Every derived file fedrad writes goes through here (temp file in the same folder, fsync,
rename), so a reader sees either the old complete file or the new complete file. Files written
here are 0600 unless a caller asks otherwise: what fedrad derives (labels, manifests, logs,
caches) is for the account that runs it only (issue 10, "files at rest").
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "w", *, encoding: str | None = "utf-8",
                newline: str | None = None, perms: int | None = None) -> Iterator[IO[Any]]:
    """Open a temp file beside `path`; rename it over `path` only if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    binary = "b" in mode
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o600 if perms is None else perms)
        with os.fdopen(fd, mode, encoding=None if binary else encoding,
                       newline=None if binary else newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def private_umask() -> None:
    """From now on this process (and every child it starts: SuperNode, ClientApps, SQLite's -wal
    files, log files opened with open()) creates files 0600 and folders 0700."""
    os.umask(os.umask(0) | 0o077)


def make_private(root: str | os.PathLike) -> None:
    """chmod a folder tree to owner-only: folders 0700, files 0600 (executables 0700)."""
    for dirpath, _dirnames, filenames in os.walk(root):
        os.chmod(dirpath, 0o700)
        for name in filenames:
            p = os.path.join(dirpath, name)
            if not os.path.islink(p):
                mode = os.stat(p).st_mode
                os.chmod(p, 0o700 if mode & stat.S_IXUSR else 0o600)


def write_text(path: str | os.PathLike, text: str, *, perms: int | None = None) -> None:
    with atomic_open(path, "w", perms=perms) as fh:
        fh.write(text)


def write_bytes(path: str | os.PathLike, data: bytes, *, perms: int | None = None) -> None:
    with atomic_open(path, "wb", perms=perms) as fh:
        fh.write(data)


def write_json(path: str | os.PathLike, obj: Any) -> None:
    write_text(path, json.dumps(obj, indent=2, sort_keys=False, default=_json_default) + "\n")


def _json_default(obj: Any) -> Any:
    # numpy scalars/arrays and paths show up in metrics dicts; keep JSON output plain.
    if hasattr(obj, "tolist"):
        return obj.tolist()
    if isinstance(obj, os.PathLike):
        return os.fspath(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def sha256_file(path: str | os.PathLike, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_toml(path: str | os.PathLike, error: type[Exception], what: str = "file") -> dict[str, Any]:
    """Parse a TOML file; a missing or malformed file raises `error` naming the file (and TOML's line)."""
    import tomllib

    p = Path(path)
    try:
        return tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"{p}: {what} not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{p}: not valid TOML: {exc}") from None


ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


def strip_ansi_file(path: str | os.PathLike) -> None:
    """Rewrite a finished log file without ANSI colour codes (Flower's console handler colours its lines
    whatever its output is, and `flwr run/log --stream` is piped into the run folder's flower.log):
    a log file is plain text for grep and editors (issue 14). Call it once the writer has exited."""
    p = Path(path)
    if not p.is_file():
        return
    text = p.read_text(encoding="utf-8", errors="replace")
    if "\x1b[" in text:
        write_text(p, ANSI_RE.sub("", text))
