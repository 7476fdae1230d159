"""Coordinator commands: `fedrad server ...`, `fedrad certs ...`, and `fedrad report RUN_DIR`."""

from __future__ import annotations

import typer

app = typer.Typer(help="Run the coordinator of a federation.", no_args_is_help=True)
certs = typer.Typer(help="Federation PKI: CA, coordinator certificate, site keys.", no_args_is_help=True)
tools = typer.Typer()


@tools.command("report")
def report_cmd(
    run_dir: str = typer.Argument(..., help="A run folder (has run-config.toml, history.json, checkpoints/)."),
    recompute: bool = typer.Option(False, "--recompute", help="Re-run inference on the test sets."),
    no_ci: bool = typer.Option(False, "--no-ci", help="Skip bootstrap confidence intervals (faster)."),
) -> None:
    """Regenerate a run's report (report.md, report.json, ROC/PR curves) from its checkpoint and history."""
    from fedrad.server.report import ReportError, write_report

    try:
        path = write_report(run_dir, recompute=recompute, ci=not no_ci)
    except (ReportError, ValueError) as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"report: {path}")


def _fail(exc: Exception) -> None:
    typer.secho(f"error: {exc}", fg="red", err=True)
    raise typer.Exit(2)


@certs.command("init-ca")
def certs_init_ca(
    out: str = typer.Option("certs", "--out", help="Folder for ca.crt and ca.key (the key stays here, 0600)."),
    days: int = typer.Option(3650, "--days"),
) -> None:
    """Create the federation CA (coordinator). Share ca.crt with every site; never ca.key."""
    from fedrad.server.pki import PKIError, create_ca

    try:
        info = create_ca(out, days=days)
    except PKIError as exc:
        _fail(exc)
    typer.echo(f"CA certificate: {info.path}\nfingerprint:    {info.fingerprint}\nvalid until:    "
               f"{info.not_after:%Y-%m-%d}\nGive ca.crt to each site and read them the fingerprint out of band.")


@certs.command("server")
def certs_server(
    name: list[str] = typer.Option(..., "--name", help="DNS name or IP the sites dial (repeatable); "
                                                       "127.0.0.1 and localhost are always added."),
    ca: str = typer.Option("certs", "--ca", help="Folder with ca.crt and ca.key."),
    out: str = typer.Option("certs", "--out"),
    days: int = typer.Option(825, "--days"),
) -> None:
    """Issue the coordinator's TLS certificate (server.pem, server.key) from the federation CA."""
    from fedrad.server.pki import PKIError, issue_server_cert

    try:
        info = issue_server_cert(ca, out, list(name), days=days)
    except PKIError as exc:
        _fail(exc)
    typer.echo(f"server certificate: {info.path}\nnames: {', '.join(info.sans)}\nfingerprint: {info.fingerprint}\n"
               f"valid until: {info.not_after:%Y-%m-%d}")


@certs.command("site-key")
def certs_site_key(
    path: str = typer.Argument(..., help="Private key file to create at the site, e.g. keys/hospital-a "
                                         "(the public key goes to PATH.pub)."),
) -> None:
    """Create a site's key pair AT THE SITE (EC P-384, OpenSSH); send only PATH.pub to the coordinator."""
    from fedrad.server.pki import PKIError, create_site_key

    try:
        fp = create_site_key(path)
    except PKIError as exc:
        _fail(exc)
    typer.echo(f"private key: {path} (0600, never leaves this machine)\npublic key:  {path}.pub\n"
               f"fingerprint: {fp}  (read it to the coordinator out of band)")


@certs.command("show")
def certs_show(paths: list[str] = typer.Argument(..., help="Certificates (.crt/.pem) or site public keys (.pub).")):
    """Fingerprints, names and expiry; warns about certificates that expire within 30 days."""
    from fedrad.server.pki import PKIError, cert_info, expiry_warnings, read_site_public_key

    try:
        for p in paths:
            if p.endswith(".pub"):
                _, fp = read_site_public_key(p)
                typer.echo(f"{p}: site public key {fp}")
                continue
            info = cert_info(p)
            typer.echo(f"{p}: {info.subject}; names {', '.join(info.sans) or '-'}; {info.fingerprint}; "
                       f"valid until {info.not_after:%Y-%m-%d} ({info.days_left:.0f} days)")
        for w in expiry_warnings([p for p in paths if not p.endswith(".pub")]):
            typer.secho(f"warning: {w}", fg="yellow", err=True)
    except PKIError as exc:
        _fail(exc)


# --- coordinator: server start / add-site / list-sites / remove-site ----------------------
HOME_HELP = "Coordinator folder (certs/, sites.toml, superlink.db, logs/); env FEDRAD_COORDINATOR_HOME."


def _home(home: str | None):
    import os
    from pathlib import Path

    from fedrad.server.coordinator import CoordinatorHome

    return CoordinatorHome(Path(home or os.environ.get("FEDRAD_COORDINATOR_HOME", "fedrad-coordinator")).resolve())


@app.command("start")
def server_start(
    config: str = typer.Option(None, "--config", help="Run config TOML (keys as in `fedrad sim run`'s [run] table: "
                                                      "num-server-rounds, local-epochs, policy, test-sets, ...)."),
    out: str = typer.Option(None, "--out", help="Output folder (checkpoints, history, report); default: the "
                                               "config's output-dir. Starting again with the same --out resumes."),
    home: str = typer.Option(None, "--home", help=HOME_HELP),
    listen: str = typer.Option("0.0.0.0:8443", "--listen", help="Where sites connect (fleet API only, TLS)."),
    insecure: bool = typer.Option(False, "--insecure", help="No TLS, no site authentication: local tests only."),
) -> None:
    """Start the coordinator (SuperLink + fleet-only TLS proxy), run one federated training, write the report."""
    from pathlib import Path

    from fedrad.common.runconfig import RunConfig, RunConfigError
    from fedrad.server.coordinator import CoordinatorError, serve
    from fedrad.server.sites import SiteRegistryError

    try:
        cfg = RunConfig.from_toml(config) if config else RunConfig()
        target = out or cfg.output_dir
        if not target:
            raise RunConfigError("no output folder: pass --out DIR (or output-dir in the config)")
        rc = serve(_home(home), cfg, Path(target), listen=listen, insecure=insecure)
    except (CoordinatorError, RunConfigError, SiteRegistryError, OSError) as exc:
        _fail(exc)
    raise typer.Exit(rc)


@app.command("add-site")
def server_add_site(
    name: str = typer.Argument(..., help="Site name used in reports and logs (lowercase, digits, - or _)."),
    key: str = typer.Argument(..., help="The site's public key file (KEY.pub from `fedrad certs site-key`)."),
    home: str = typer.Option(None, "--home", help=HOME_HELP),
) -> None:
    """Enrol a site's public key; registered with the SuperLink now if it runs, else at the next start."""
    from fedrad.server.sites import SiteRegistryError, enrol

    h = _home(home)
    try:
        h.root.mkdir(parents=True, exist_ok=True)
        site = enrol(h.sites, name, key)
        typer.echo(f"enrolled site '{site.name}' {site.fingerprint}\ncheck this fingerprint with the site "
                   f"operator out of band (they see it in `fedrad certs site-key` / `fedrad doctor`).")
        _apply_now(h)
    except SiteRegistryError as exc:
        _fail(exc)


def _apply_now(h) -> None:
    """A running coordinator applies a registry change at once (else its next start does)."""
    from fedrad.server.sites import reconcile

    if h.running():
        for line in reconcile(h.sites, h.flwr()):
            typer.echo(line)


@app.command("remove-site")
def server_remove_site(
    name: str = typer.Argument(...),
    home: str = typer.Option(None, "--home", help=HOME_HELP),
) -> None:
    """Remove a site: its key is unregistered now if the SuperLink runs, else at the next start."""
    from fedrad.server.sites import SiteRegistryError, drop

    h = _home(home)
    try:
        site = drop(h.sites, name)
        typer.echo(f"removed site '{site.name}' {site.fingerprint}")
        _apply_now(h)
    except SiteRegistryError as exc:
        _fail(exc)


@app.command("list-sites")
def server_list_sites(home: str = typer.Option(None, "--home", help=HOME_HELP)) -> None:
    """Enrolled sites, their key fingerprints and (while the coordinator runs) whether they are connected."""
    from fedrad.server.sites import SiteRegistryError, read_sites, registered_nodes
    from rich.console import Console
    from rich.table import Table

    h = _home(home)
    try:
        sites = read_sites(h.sites)
        live = registered_nodes(h.flwr()) if h.running() else {}
    except SiteRegistryError as exc:
        _fail(exc)
    t = Table("site", "key fingerprint", "node id", "status", "enrolled", title=f"sites of {h.root}")
    for s in sites.values():
        status = live.get(s.node_id, "not registered" if h.running() else "(coordinator not running)")
        t.add_row(s.name, s.fingerprint, str(s.node_id or "-"), status, s.added)
    Console().print(t)
