"""`fedrad doctor --role site`: is this site ready to join the federation, and if not, what to fix.

The site folder is checked with the same readers `fedrad client prepare` uses (reports.csv,
the image index, view pairing, the manifest), so the doctor and the pipeline never disagree
about what is wrong; nothing is written. The key checks mirror what Flower's SuperNode does
with `--auth-supernode-private-key` (an unencrypted OpenSSH EC key on a NIST curve), so a
key the doctor passes is a key Flower loads.
"""

from __future__ import annotations

import os
import stat
from collections import Counter
from pathlib import Path

from fedrad.common.doctor import Check, common_checks, fail, guarded, ok, warn
from fedrad.common.federation import DEFAULT_PORT, NIST_CURVES, parse_host_port
from fedrad.common.labels import LabelFileError
from fedrad.common.sitefiles import WORK_DIR_NAME, Quarantine, pair_views, read_image_index
from fedrad.common.sshkeys import ssh_fingerprint
from fedrad.common.templates import TemplateError, load_template
from fedrad.common.tlsprobe import check_ca_file, check_tls


def site_checks(site: str | os.PathLike | None = None, server: str | None = None, ca: str | os.PathLike | None = None,
                key: str | os.PathLike | None = None, *, timeout: float = 5.0) -> list[Check]:
    """Every site check; an option not given is reported as not checked (warn), not silently passed."""
    checks = common_checks(site or ".")
    checks += guarded("anonymizer data", check_anonymizer_data)
    if site:
        checks += guarded("site folder", check_site_folder, site)
        checks += guarded("site policy", check_site_policy, site)
        checks += guarded("anonymizer terms", check_site_terms, site)
    else:
        checks.append(warn("site folder", "not checked", "pass --site DIR"))
        checks.append(warn("site policy", "not checked", "pass --site DIR"))
    if ca:
        checks += guarded("CA certificate", check_ca_file, ca)
    else:
        checks.append(warn("CA certificate", "not checked", "pass --ca ca.crt (from the coordinator)"))
    if key:
        checks += guarded("site key", check_site_key, key)
    else:
        checks.append(warn("site key", "not checked", "pass --key keys/SITE (made with `fedrad certs site-key`)"))
    if server and ca:
        try:
            host, port = parse_host_port(server, DEFAULT_PORT)
        except ValueError as exc:
            checks.append(fail("connection", str(exc), "pass --server HOST:PORT"))
        else:
            checks += guarded("connection", check_tls, host, port, ca, timeout=timeout)
    else:
        checks.append(warn("connection", "not checked", "pass --server HOST:PORT and --ca ca.crt"))
    return checks


# --- site policy ---------------------------------------------------------------------------

def check_anonymizer_data(data_dir: str | os.PathLike | None = None) -> list[Check]:
    """The anonymizer's word lists and weights are all there (the check Anonymizer() refuses to start without)."""
    from fedrad.client.anon_lexicon import DATA_DIR, DATA_FILES, DATA_FIX, data_problems

    d = Path(data_dir) if data_dir else DATA_DIR
    problems = data_problems(d)
    if problems:
        return [fail("anonymizer data", f"{d}: {'; '.join(problems)}", DATA_FIX)]
    return [ok("anonymizer data", f"{len(DATA_FILES)} word lists and the token model's weights in {d}")]


def check_site_terms(site: str | os.PathLike) -> list[Check]:
    """The site's own anonymizer terms, read by the same loader the anonymize step uses (client.anonymize
    .site_anonymizer): how many, never which (the doctor's output may be shared when asking for help)."""
    from fedrad.client.anon_site_terms import SiteTermsError, load_site_terms

    try:
        terms = load_site_terms(site)
    except SiteTermsError as exc:
        return [fail("anonymizer terms", str(exc), "fix the [anonymizer] table: `fedrad anonymize` refuses to run "
                     "while it is invalid")]
    if terms is None:
        return [ok("anonymizer terms", "none listed (optional: the site's staff, institutions, places and employers "
                   "in the [anonymizer] table of fedrad-site.toml, removed wherever they occur)")]
    return [ok("anonymizer terms", f"{terms.count} term(s) from {Path(site) / 'fedrad-site.toml'}, removed wherever "
               "they occur")]


def check_site_policy(site: str | os.PathLike) -> list[Check]:
    """The policy every run is checked against, with the same loader the ClientApp's policy mod uses
    (client.policy.load_policy): one row per setting, what it protects, and where it comes from."""
    from fedrad.client.policy import POLICY_FILE, PolicyFileError, load_policy

    try:
        policy = load_policy(site)
    except PolicyFileError as exc:
        return [fail("site policy", str(exc), "fix the file: while it is invalid this site refuses every run")]
    origin = policy.source if policy.source != "built-in defaults" else \
        f"built-in defaults (no {Path(site) / POLICY_FILE}; write one to change them)"
    out = [ok("site policy", f"in force: {origin}")]
    out += [ok(f"policy: {name}", f"{value}: {protects}") for name, value, protects in policy.rows()]
    return out


# --- site folder ---------------------------------------------------------------------------

def check_site_folder(site: str | os.PathLike) -> list[Check]:
    """reports.csv and the images as `fedrad client prepare` will see them: a file-level error fails
    (nothing downstream can be trusted), row-level problems warn (those rows get quarantined)."""
    from fedrad.client.prepare import ManifestError, manifest_path, read_manifest
    from fedrad.client.reports import read_reports

    root = Path(site)
    if not root.is_dir():
        return [fail("site folder", f"{root} is not a folder", "pass the folder holding reports.csv and the images")]
    out: list[Check] = []
    try:
        reports = read_reports(root)
    except LabelFileError as exc:  # ReportsFileError: names file, row and column
        return [fail("reports.csv", str(exc), "fix reports.csv (see spec/site-data.md)")]
    if not reports.rows:
        return [fail("reports.csv", f"{reports.path}: no usable report rows"
                     + (f" ({_problem_summary(reports.problems)})" if reports.problems else ""),
                     "export the reports with study_id, region, report columns")]
    regions = Counter(r.region for r in reports.rows)
    detail = f"{len(reports.rows)} usable reports ({', '.join(f'{r}: {n}' for r, n in sorted(regions.items()))})"
    if reports.problems:
        out.append(warn("reports.csv", f"{detail}; {len(reports.problems)} row(s) will be quarantined: "
                                       f"{_problem_summary(reports.problems)}",
                        f"fix those rows if they matter, e.g. {reports.problems[0]}"))
    else:
        out.append(ok("reports.csv", detail))

    try:
        index, problems = read_image_index(root)
    except LabelFileError as exc:  # ImageIndexError
        return [*out, fail("images", str(exc), "fix images.csv: columns study_id, view, path")]
    by_region: dict[str, list[str]] = {}
    for r in reports.rows:
        by_region.setdefault(r.region, []).append(r.study_id)
    scratch = Quarantine(root / WORK_DIR_NAME, stage="doctor")  # collects records, never written
    usable = 0
    no_images = 0
    for region, ids in sorted(by_region.items()):
        try:
            views = load_template(region).views
        except TemplateError as exc:
            out.append(fail(f"template {region}", str(exc), "reinstall fedrad (templates ship with it)"))
            continue
        no_images += sum(1 for s in ids if s not in index)
        usable += len(pair_views({s: index[s] for s in ids if s in index}, views, scratch))
    issues = [*problems, *(f"{r['source']}: {r['reason']}" for r in scratch.records)]
    reasons = Counter([p.reason for p in problems] + [r["reason"] for r in scratch.records])
    if no_images:
        reasons["report without images"] += no_images
    detail = f"{usable} of {len(reports.rows)} reported studies have every view the model needs"
    if usable == 0:
        out.append(fail("images", detail + (f" ({_counts(reasons)})" if reasons else ""),
                        "export images as images.csv (study_id, view, path) or images/<study_id>/<view>.<ext>"))
    elif reasons:
        out.append(warn("images", f"{detail}; {_counts(reasons)}",
                        f"fix them if they matter, e.g. {issues[0]}" if issues else "check the image export"))
    else:
        out.append(ok("images", detail))

    for region in sorted(by_region):
        if not manifest_path(root, region).is_file():
            out.append(warn(f"prepared ({region})", "not prepared yet", f"fedrad client prepare {root}"))
            continue
        try:
            rows = read_manifest(root, region)
        except ManifestError as exc:
            out.append(fail(f"prepared ({region})", str(exc), f"fedrad client prepare {root}"))
            continue
        except TemplateError:
            continue  # reported above
        splits = Counter(r.split for r in rows)
        detail = f"{len(rows)} studies in the manifest ({', '.join(f'{k} {v}' for k, v in sorted(splits.items()))})"
        if not rows or not splits.get("train"):
            out.append(fail(f"prepared ({region})", detail + ": nothing to train on",
                            f"check the quarantine ({root / WORK_DIR_NAME / 'quarantine.csv'}) and re-run "
                            f"fedrad client prepare {root}"))
        else:
            out.append(ok(f"prepared ({region})", detail))
    return out


def _problem_summary(problems) -> str:
    return _counts(Counter(p.reason for p in problems))


def _counts(c: Counter) -> str:
    return ", ".join(f"{k}: {v}" for k, v in c.most_common())


# --- site key ------------------------------------------------------------------------------

def check_site_key(path: str | os.PathLike) -> list[Check]:
    """The key Flower's SuperNode signs with: loadable exactly as Flower loads it, private (0600),
    and the same pair as the `.pub` the coordinator registered."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    p = Path(path)
    make = f"create one at this site: fedrad certs site-key {p}"
    if not p.is_file():
        return [fail("site key", f"{p} not found", make)]
    try:
        key = serialization.load_ssh_private_key(p.read_bytes(), None)
    except TypeError:
        return [fail("site key", f"{p} is password-protected; Flower cannot use an encrypted key",
                     f"remove the passphrase (ssh-keygen -p -N '' -f {p}) or make a new key")]
    except (ValueError, OSError) as exc:
        hint = " (a PEM/PKCS8 key? Flower needs the OpenSSH format)" if b"BEGIN" in p.read_bytes()[:64] else ""
        return [fail("site key", f"{p}: not an OpenSSH private key{hint}: {exc}", make)]
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name not in NIST_CURVES:
        kind = f"EC {key.curve.name}" if isinstance(key, ec.EllipticCurvePrivateKey) else type(key).__name__
        return [fail("site key", f"{p} is a {kind} key; Flower's SuperNode authentication needs EC on a NIST curve "
                                 "(P-256/384/521)", make)]
    out = [ok("site key", f"{p}: OpenSSH EC {key.curve.name}, unencrypted")]

    mode = stat.S_IMODE(p.stat().st_mode)
    if mode & 0o077:
        out.append(fail("site key permissions", f"{p} has mode {mode:04o}: other users on this machine can read "
                                                "or change it", f"chmod 600 {p}"))
    else:
        out.append(ok("site key permissions", f"{mode:04o}"))

    mine = key.public_key().public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
    fp = ssh_fingerprint(mine)
    pub = p.with_name(p.name + ".pub")
    try:
        theirs = serialization.load_ssh_public_key(pub.read_bytes().strip())
    except FileNotFoundError:
        out.append(warn("site public key", f"{pub} not found; the key's fingerprint is {fp}",
                        "the coordinator registered a .pub: compare this fingerprint with `fedrad server list-sites`"))
        return out
    except (ValueError, OSError, IndexError) as exc:
        out.append(fail("site public key", f"{pub}: not an OpenSSH public key ({exc})",
                        f"rewrite it from the private key: ssh-keygen -y -f {p} > {pub}"))
        return out
    if theirs.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH) != mine:
        out.append(fail("site public key", f"{pub} does not belong to {p} (its fingerprint is "
                                           f"{ssh_fingerprint(pub.read_bytes().strip())}, the private key's is {fp})",
                        "send the coordinator the .pub of THIS key, or use the private key the .pub came from"))
    else:
        out.append(ok("site public key", f"{pub} matches; fingerprint {fp} (must equal the coordinator's "
                                         "`fedrad server list-sites`)"))
    return out
