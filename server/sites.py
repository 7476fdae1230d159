"""The coordinator's list of enrolled sites (HOME/sites.toml) and its reconciliation with the SuperLink.

sites.toml is the desired state, kept by `fedrad server add-site/remove-site`; the SuperLink's
database holds the registrations Flower enforces. They can drift (a site removed while the
SuperLink was down, a database deleted), so every `fedrad server start` reconciles: enrolled
sites without a live registration are registered, registrations nobody enrolled are removed.
Only public keys are stored here: a site's private key never leaves the site.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from fedrad.common.errors import FedradError
from fedrad.common.fileio import read_toml, write_text
from fedrad.server.pki import PKIError, read_site_public_key, ssh_fingerprint

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")


class SiteRegistryError(FedradError, ValueError):
    """Bad site name, unreadable key, duplicate enrolment, or a SuperLink refusal."""


@dataclass(frozen=True)
class EnrolledSite:
    name: str
    public_key: str  # the OpenSSH line, "ecdsa-sha2-nistp384 AAAA..."
    fingerprint: str
    added: str
    node_id: int = 0  # Flower's node id once registered with the SuperLink; 0 = not (yet) registered


def read_sites(path: str | Path) -> dict[str, EnrolledSite]:
    path = Path(path)
    if not path.is_file():
        return {}
    data = read_toml(path, SiteRegistryError, "site registry").get("sites", {})
    out = {}
    for name, entry in data.items():
        try:
            out[name] = EnrolledSite(name=name, public_key=str(entry["public-key"]),
                                     fingerprint=str(entry["fingerprint"]), added=str(entry.get("added", "")),
                                     node_id=int(entry.get("node-id", 0)))
        except (KeyError, TypeError, ValueError) as exc:
            raise SiteRegistryError(f"{path}: [sites.{name}] is incomplete ({exc}); "
                                    f"remove it and enrol the site again") from None
    return out


def write_sites(path: str | Path, sites: Mapping[str, EnrolledSite]) -> None:
    lines = ["# Sites enrolled in this federation (fedrad server add-site / remove-site). Public keys only.\n"]
    for s in sorted(sites.values(), key=lambda s: s.name):
        lines.append(f'\n[sites.{s.name}]\npublic-key = {json.dumps(s.public_key)}\n'
                     f'fingerprint = {json.dumps(s.fingerprint)}\nadded = {json.dumps(s.added)}\n'
                     f'node-id = {s.node_id}\n')
    write_text(path, "".join(lines), perms=0o644)


def enrol(path: str | Path, name: str, key_file: str | Path) -> EnrolledSite:
    """Add a site's public key to the registry (validated: a P-384/NIST EC OpenSSH key, unique)."""
    if not NAME_RE.match(name):
        raise SiteRegistryError(f"site name '{name}': use 1-63 lowercase letters, digits, '-' or '_' "
                                f"(it names the site in reports and logs)")
    try:
        line, fp = read_site_public_key(key_file)
    except PKIError as exc:
        raise SiteRegistryError(str(exc)) from None
    sites = read_sites(path)
    if name in sites:
        raise SiteRegistryError(f"site '{name}' is already enrolled ({sites[name].fingerprint}); "
                                f"remove-site it first to change its key")
    for other in sites.values():
        if other.fingerprint == fp:
            raise SiteRegistryError(f"{key_file}: this key is already enrolled as site '{other.name}'")
    site = EnrolledSite(name=name, public_key=line.decode().strip(), fingerprint=fp,
                        added=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    sites[name] = site
    write_sites(path, sites)
    return site


def drop(path: str | Path, name: str) -> EnrolledSite:
    sites = read_sites(path)
    if name not in sites:
        raise SiteRegistryError(f"no enrolled site '{name}' (enrolled: {', '.join(sorted(sites)) or 'none'})")
    site = sites.pop(name)
    write_sites(path, sites)
    return site


def set_node_id(path: str | Path, name: str, node_id: int) -> None:
    sites = read_sites(path)
    if name in sites:
        s = sites[name]
        sites[name] = EnrolledSite(s.name, s.public_key, s.fingerprint, s.added, node_id)
        write_sites(path, sites)


# ------------------------------------------------------------------ the SuperLink side (flwr CLI)
def registered_nodes(flwr) -> dict[int, str]:
    """Node id -> status of the SuperLink's live (not deleted) registrations. `flwr` runs the CLI."""
    res = flwr(["supernode", "list", "fedrad", "--format", "json"])
    data = _json_out(res, "flwr supernode list")
    return {int(n["node-id"]): str(n.get("status", "")) for n in data.get("nodes", [])
            if n.get("status") != "deleted"}


def register(flwr, site: EnrolledSite) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        key = Path(tmp) / f"{site.name}.pub"
        key.write_text(site.public_key + "\n")
        if ssh_fingerprint(site.public_key.encode()) != site.fingerprint:
            raise SiteRegistryError(f"site '{site.name}': the stored key does not match its fingerprint "
                                    f"(sites.toml edited by hand?); remove-site and add-site it again")
        res = flwr(["supernode", "register", str(key), "fedrad", "--name", site.name, "--format", "json"])
    return int(_json_out(res, f"registering site '{site.name}'")["node-id"])


def unregister(flwr, node_id: int) -> None:
    res = flwr(["supernode", "unregister", str(node_id), "fedrad", "--format", "json"])
    _json_out(res, f"unregistering node {node_id}")


def reconcile(path: str | Path, flwr) -> list[str]:
    """Make the SuperLink's registrations equal the registry; returns what was done, for the log."""
    sites = read_sites(path)
    live = registered_nodes(flwr)
    done = []
    for s in sites.values():
        if s.node_id and s.node_id in live:
            continue
        node_id = register(flwr, s)
        set_node_id(path, s.name, node_id)
        done.append(f"registered site '{s.name}' ({s.fingerprint}) as node {node_id}")
    wanted = {s.node_id for s in read_sites(path).values()}
    for node_id in sorted(set(live) - wanted):
        unregister(flwr, node_id)
        done.append(f"unregistered node {node_id} (not in {Path(path).name})")
    return done


def _json_out(res, what: str) -> dict:
    """The JSON the flwr CLI printed, or an error with its message (never its environment)."""
    text = (res.stdout or "").strip()
    start = text.find("{")
    try:
        data = json.loads(text[start:]) if start >= 0 else {}
    except json.JSONDecodeError:
        data = {}
    if res.returncode != 0 or not data.get("success", False):
        msg = data.get("error-message") or (res.stderr or text or "no output").strip().splitlines()[-1:]
        raise SiteRegistryError(f"{what} failed: {msg}")
    return data
