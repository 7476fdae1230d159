"""`fedrad doctor --role server`: is this coordinator home ready for `fedrad server start`, and if
not, what to fix. The home layout is the one `fedrad server start` uses (deploy design):
certs/, sites.toml, server.json while running. Nothing is written.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import socket
import stat
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from fedrad.common.doctor import Check, common_checks, fail, guarded, ok, warn
from fedrad.common.federation import DEFAULT_LISTEN, NIST_CURVES, WILDCARD_HOSTS, dial_host, parse_host_port
from fedrad.common.tlsprobe import EXPIRY_WARNING_DAYS, check_ca_file, check_tls
from fedrad.server.coordinator import home_path, missing_home_fix
from fedrad.server.pki import PKIError, cert_info, load_cert, ssh_fingerprint, verify_chain

LOOPBACK = "127.0.0.1"  # Flower's SuperExec dials the SuperLink here and checks the name


def server_checks(home: str | os.PathLike | None = None, *, config: str | os.PathLike | None = None,
                  listen: str = DEFAULT_LISTEN, names: list[str] | None = None, timeout: float = 5.0,
                  insecure: bool = False) -> list[Check]:
    """Every coordinator check; `fedrad server start` runs exactly these and stops on a failure.
    `insecure` (a local test without TLS): certificates and site keys are not needed, so not checked."""
    home, source = home_path(home)
    checks = common_checks(home)
    if not home.is_dir():
        return [*checks, fail("coordinator home", f"no coordinator home at {home} (from {source})",
                              missing_home_fix())]
    checks.append(ok("coordinator home", f"{home} (from {source})"))
    if not insecure:
        checks += guarded("certificates", check_certs, home / "certs", names=_names(names, listen))
        checks += guarded("sites.toml", check_sites, home / "sites.toml")
    checks += guarded("public port", check_public_port, home, listen, timeout=timeout)
    if config:
        checks += guarded("run config", check_run_config, config)
        if not insecure:
            checks += guarded("enrolled sites", check_enrolment, home / "sites.toml", config)
    return checks


def _names(names: list[str] | None, listen: str) -> list[str]:
    """Names the certificate must carry: those given, plus the listen host unless it is a wildcard."""
    out = list(names or [])
    try:
        host, _ = parse_host_port(listen)
    except ValueError:
        return out
    if host not in WILDCARD_HOSTS and host not in out:
        out.append(host)
    return out


# --- certificates ----------------------------------------------------------------------------

def check_certs(certs: Path, *, names: list[str] = ()) -> list[Check]:
    files = {n: certs / n for n in ("ca.crt", "ca.key", "server.pem", "server.key")}
    missing = [str(p) for p in files.values() if not p.is_file()]
    if missing:
        return [fail("certificates", f"missing: {', '.join(missing)}",
                     f"fedrad certs init-ca --out {certs} ; fedrad certs server --ca {certs} --out {certs} "
                     "--name HOST")]
    out = check_ca_file(files["ca.crt"])
    try:
        verify_chain(files["ca.crt"], files["server.pem"])
        info = cert_info(files["server.pem"])
    except PKIError as exc:
        return [*out, fail("server certificate", str(exc), f"reissue: fedrad certs server --ca {certs} --out {certs} "
                                                           "--name HOST")]
    reissue = f"fedrad certs server --ca {certs} --out {certs} " + " ".join(f"--name {n}" for n in names or ["HOST"])
    days = info.days_left
    if days < EXPIRY_WARNING_DAYS:
        out.append(warn("server certificate", f"{info.path} expires in {days:.0f} days ({info.not_after:%Y-%m-%d})",
                        f"reissue it now: {reissue}"))
    else:
        out.append(ok("server certificate", f"signed by the CA; valid until {info.not_after:%Y-%m-%d}; "
                                            f"{info.fingerprint}"))
    have = {_norm(n) for n in info.sans}
    lacking = [n for n in [LOOPBACK, *names] if _norm(n) not in have]
    if lacking:
        why = " (127.0.0.1: Flower's SuperExec dials the SuperLink there and checks the name)" \
            if LOOPBACK in lacking else " (sites dial it: their TLS check fails on the name)"
        out.append(fail("certificate names", f"{info.path} names {', '.join(info.sans) or 'nothing'}; missing "
                                             f"{', '.join(lacking)}{why}", f"reissue: {reissue}"))
    else:
        out.append(ok("certificate names", ", ".join(info.sans)))
    out.append(_key_matches(files["server.key"], files["server.pem"]))
    for k in ("ca.key", "server.key"):
        mode = stat.S_IMODE(files[k].stat().st_mode)
        if mode & 0o077:
            out.append(fail(f"{k} permissions", f"{files[k]} has mode {mode:04o}: other users can read it",
                            f"chmod 600 {files[k]}"))
        else:
            out.append(ok(f"{k} permissions", f"{mode:04o}"))
    return out


def _norm(name: str) -> str:
    try:
        return str(ipaddress.ip_address(name))
    except ValueError:
        return name.lower().rstrip(".")


def _key_matches(key_path: Path, cert_path: Path) -> Check:
    """TLS cannot start with a key from another certificate; say so before uvicorn does, cryptically."""
    from cryptography.hazmat.primitives import serialization

    try:
        key = serialization.load_pem_private_key(key_path.read_bytes(), None)
    except (ValueError, TypeError) as exc:
        return fail("server.key", f"{key_path}: not an unencrypted PEM private key ({exc})",
                    "reissue the certificate with fedrad certs server")
    pub = serialization.PublicFormat.SubjectPublicKeyInfo
    enc = serialization.Encoding.DER
    if key.public_key().public_bytes(enc, pub) != load_cert(cert_path).public_key().public_bytes(enc, pub):
        return fail("server.key", f"{key_path} is not the key of {cert_path}",
                    "reissue both with fedrad certs server (they are written together)")
    return ok("server.key", f"matches {cert_path.name}")


# --- enrolled sites ------------------------------------------------------------------------

def check_sites(path: Path) -> list[Check]:
    """Every enrolled site's public key must load the way `flwr supernode register` loads it, and
    match the fingerprint the coordinator read out to the site."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from fedrad.server.sites import SiteRegistryError, read_sites

    if not path.is_file():
        return [warn("sites", f"{path} not found: no site enrolled yet",
                     "fedrad server add-site NAME keys/NAME.pub (the .pub each site sends you)")]
    try:
        sites = read_sites(path)
    except (SiteRegistryError, AttributeError, UnicodeDecodeError) as exc:  # AttributeError: `sites` not tables
        return [fail("sites.toml", str(exc) if str(path) in str(exc) else f"{path}: {exc}",
                     "fix the file, or remove the entry and enrol the site again")]
    if not sites:
        return [warn("sites", f"{path}: no site enrolled", "fedrad server add-site NAME keys/NAME.pub")]
    out: list[Check] = []
    seen: dict[str, str] = {}
    for name, site in sites.items():
        label = f"site {name}"
        reenrol = f"fedrad server remove-site {name}; fedrad server add-site {name} keys/{name}.pub"
        try:
            key = serialization.load_ssh_public_key(site.public_key.encode())
        except (ValueError, IndexError, TypeError, UnsupportedAlgorithm) as exc:
            out.append(fail(label, f"{path} [sites.{name}] public-key does not parse ({exc or 'empty'})", reenrol))
            continue
        if not isinstance(key, ec.EllipticCurvePublicKey) or key.curve.name not in NIST_CURVES:
            out.append(fail(label, f"{path} [sites.{name}] public-key is not EC on a NIST curve (Flower refuses it)",
                            f"the site makes a new key with `fedrad certs site-key`; then {reenrol}"))
            continue
        fp = ssh_fingerprint(site.public_key.encode())
        if site.fingerprint != fp:
            out.append(fail(label, f"{path} [sites.{name}] fingerprint {site.fingerprint} does not match its "
                                   f"public-key ({fp})", reenrol))
            continue
        if fp in seen:
            out.append(fail(label, f"same public key as site {seen[fp]}", "each site needs its own key"))
            continue
        seen[fp] = name
        state = f"node-id {site.node_id}" if site.node_id else "not registered with the SuperLink yet (node-id 0)"
        out.append(ok(label, f"{fp}; {state}"))
    return out


def check_enrolment(sites_path: Path, config: str | os.PathLike) -> list[Check]:
    """A TLS run needs at least min-sites enrolled site keys: no other site can ever join."""
    from fedrad.common.runconfig import RunConfig, RunConfigError
    from fedrad.server.sites import SiteRegistryError, read_sites

    try:
        min_sites = RunConfig.from_toml(config).min_sites
        n = len(read_sites(sites_path))
    except (RunConfigError, SiteRegistryError):
        return []  # reported by the run config and sites.toml checks
    if n < min_sites:
        return [fail("enrolled sites", f"{n} site(s) enrolled in {sites_path} but the run config's min-sites is "
                                       f"{min_sites}", "enrol each site's public key first: fedrad server add-site "
                                                       "NAME NAME.pub")]
    return [ok("enrolled sites", f"{n} enrolled, min-sites {min_sites}")]


# --- public port ----------------------------------------------------------------------------

def check_public_port(home: Path, listen: str, *, timeout: float = 5.0) -> list[Check]:
    """The port the fleet proxy will listen on: free, or already served by our own running server
    (then it is checked end to end with a TLS handshake, as a site would)."""
    name = "public port"
    try:
        host, port = parse_host_port(listen)
    except ValueError as exc:
        return [fail(name, str(exc), "pass --listen HOST:PORT, e.g. 0.0.0.0:8443")]
    running = _running_server(home)
    if isinstance(running, Check):
        stale = [running]
        running = None
    else:
        stale = []
    if running is not None:
        pid, public = running
        try:
            r_host, r_port = parse_host_port(str(public))
        except ValueError:
            r_host, r_port = "", -1
        if r_port == port:
            return [ok(name, f"{public} is served by `fedrad server start` (pid {pid})"),
                    *check_tls(dial_host(r_host), port, home / "certs" / "ca.crt", timeout=timeout)]
        stale.append(warn(name, f"`fedrad server start` (pid {pid}) serves {public}, not {listen}",
                          "pass the --listen it was started with"))
    bind_host = "" if host in ("0.0.0.0", "::") else host
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        # As the fleet proxy's server binds (uvicorn sets SO_REUSEADDR): connections of a coordinator that
        # just stopped linger in TIME_WAIT for a minute and must not make its restart look refused.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((bind_host, port))
        except PermissionError:
            return [*stale, fail(name, f"{listen}: binding port {port} needs privileges",
                                 "use a port >= 1024 (e.g. 8443) or grant the capability")]
        except OSError as exc:
            return [*stale, fail(name, f"{listen} is in use by another program ({exc.strerror or exc})",
                                 f"stop it (see `ss -ltnp | grep :{port}`) or choose another --listen port")]
    return [*stale, ok(name, f"{listen} is free")]


def _running_server(home: Path) -> tuple[int, str] | Check | None:
    """(pid, public) from server.json if that process is alive; a warn Check if the file is stale."""
    path = home / "server.json"
    if not path.is_file():
        return None
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
        pid, public = int(info["pid"]), str(info["public"])
    except (ValueError, KeyError, TypeError) as exc:
        return warn("server.json", f"{path} unreadable ({exc})", "if no server runs, delete it")
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        started = info.get("started", "?")
        if isinstance(started, int | float):
            started = dt.datetime.fromtimestamp(started, dt.UTC).isoformat(timespec="seconds")
        return warn("server.json", f"{path} is stale: pid {pid} (started {started}) is not running",
                    "the server did not shut down cleanly; delete the file")
    except PermissionError:
        pass  # exists, owned by another user
    return pid, public


# --- run config -----------------------------------------------------------------------------

def check_run_config(path: str | os.PathLike) -> list[Check]:
    """The run config parses and the test sets it names exist and are usable as test sets."""
    from fedrad.common.labels import LabelFileError, read_label_file
    from fedrad.common.runconfig import RunConfig, RunConfigError
    from fedrad.common.sitefiles import read_image_index
    from fedrad.common.templates import TemplateError

    try:
        cfg = RunConfig.from_toml(path)
        template = cfg.template()
        sets = cfg.test_set_paths()
    except (RunConfigError, TemplateError) as exc:
        return [fail("run config", str(exc), "fix the run config: README, \"Deploy across hospitals\", has a "
                                             "minimal run.toml; every key with its default: `fedrad server "
                                             "start --help` and common/runconfig.py")]
    out = [ok("run config", f"{path}: region {cfg.region}, {cfg.num_server_rounds} rounds, {cfg.strategy}, "
                            f"min-sites {cfg.min_sites}")]
    if not sets:
        out.append(warn("test sets", "the run config names no test-sets: only the sites' validation metrics "
                                     "will be reported", "add test-sets = \"name=/abs/folder\" (exports from "
                                                         "`fedrad client export`)"))
    for name, folder in sets.items():
        label = f"test set {name}"
        labels = folder / f"labels-{template.region}.csv"
        export = f"export it at the hospital: fedrad client export SITE {folder} --region {template.region}"
        if not folder.is_absolute():
            out.append(fail(label, f"{folder} is not an absolute path", "test-sets needs name=/absolute/folder"))
        elif not folder.is_dir():
            out.append(fail(label, f"{folder} does not exist", export))
        elif not labels.is_file():
            out.append(fail(label, f"{labels} not found", export))
        else:
            try:
                table = read_label_file(labels, template, allow_uncertain=False)
                index, problems = read_image_index(folder)
            except LabelFileError as exc:
                out.append(fail(label, str(exc), export))
                continue
            with_images = sum(1 for s in table.study_ids if s in index)
            detail = f"{folder}: {len(table)} verified studies, {with_images} with images"
            if with_images == 0:
                out.append(fail(label, detail, export))
            elif problems or with_images < len(table):
                out.append(warn(label, f"{detail}; {len(problems)} image problem(s)"
                                       + (f", e.g. {problems[0]}" if problems else ""), "re-export the test set"))
            else:
                out.append(ok(label, detail))
    return out
