"""What the coordinator and its sites agree on over the network, defined once.

The version endpoint the fleet proxy answers (and what it may say about the current run), the
HOST:PORT syntax every command accepts, the default public port, and the key curves Flower's
SuperNode authentication accepts. Both roles import these; neither keeps its own copy, so a
site's check and the coordinator's answer cannot drift apart.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

VERSION_PATH = "/fedrad/version"  # GET on the fleet proxy: {"fedrad", "flwr"[, "run": {"id", "status"}]}
DEFAULT_PORT = 8443
DEFAULT_LISTEN = f"0.0.0.0:{DEFAULT_PORT}"
NIST_CURVES = ("secp256r1", "secp384r1", "secp521r1")  # Flower's SuperNode auth: EC keys on these only
WILDCARD_HOSTS = ("0.0.0.0", "::", "")
# What `client start` does when the coordinator reports the end of a run the site took part in:
# exit (with 0) or wait (stay connected for the next run).
AFTER_RUN = ("exit", "wait")


def parse_host_port(text: str, default_port: int | None = None) -> tuple[str, int]:
    """'host:port', '[v6]:port' (or 'host' with a default port) -> (host, port); ValueError names the input."""
    s = str(text).strip()
    if s.startswith("["):
        host, _, rest = s[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else ""
    elif s.count(":") == 1:
        host, _, port = s.partition(":")
    else:
        host, port = s, ""
    if not port and default_port is not None:
        port = str(default_port)
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"'{text}' is not HOST:PORT (e.g. coordinator.example.org:{DEFAULT_PORT})")
    return host, int(port)


def normalize_host_port(text: str) -> str:
    """HOST:PORT as every fedrad command and Flower program gets it (the default port added, IPv6 bracketed)."""
    host, port = parse_host_port(text, DEFAULT_PORT)
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def dial_host(host: str) -> str:
    """Where to reach a server bound to `host` from the same machine (a wildcard bind: loopback)."""
    return "127.0.0.1" if host in WILDCARD_HOSTS else host


# --- the run status the coordinator publishes to its sites ---------------------------------------
# A closed schema: a run id and Flower's status string, nothing else (no paths, no site names),
# because anyone who can reach the public port can read it.

def write_run_status(path: str | os.PathLike, run_id: int, status: str) -> None:
    from fedrad.common.fileio import write_json

    write_json(path, {"id": int(run_id), "status": str(status)[:64]})


def read_run_status(path: str | os.PathLike | None) -> dict:
    """{"run": {"id": int, "status": str}} from the coordinator's status file, or {} if absent or malformed."""
    if not path:
        return {}
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        run = {"id": int(data["id"]), "status": str(data["status"])[:64]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return {"run": run}
