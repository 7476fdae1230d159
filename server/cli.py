"""Coordinator commands: `fedrad server ...`, `fedrad certs ...`, and `fedrad report RUN_DIR`."""

from __future__ import annotations

from pathlib import Path

import typer
from fedrad.common.clikit import make_console, make_typer
from fedrad.common.federation import DEFAULT_LISTEN

app = make_typer(help="Run the coordinator of a federation.", no_args_is_help=True)
certs = make_typer(help="Federation PKI: CA, coordinator certificate, site keys.", no_args_is_help=True)
# `fedrad certs site-key` is the site's (client.cli certs), mounted into the same group by fedrad.cli.
tools = make_typer()


@tools.command("report")
def report_cmd(
    run_dir: Path = typer.Argument(..., resolve_path=True,
                                   help="A run folder (has run-config.toml, history.json, checkpoints/)."),
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


HOME_HELP = ("Coordinator home (certs/, sites.toml, superlink.db, logs/). Default: $FEDRAD_COORDINATOR_HOME, "
             "else ./fedrad-coordinator in the current folder.")


@certs.command("init-ca")
def certs_init_ca(
    home: Path = typer.Option(None, "--home", resolve_path=True, help=HOME_HELP + " Created if missing."),
    out: Path = typer.Option(None, "--out", resolve_path=True, help="Folder for ca.crt and ca.key instead of "
                                                                    "HOME/certs (the key stays there, 0600)."),
    days: int = typer.Option(3650, "--days"),
) -> None:
    """Create the federation CA and the coordinator home (coordinator). Share ca.crt with every site; never ca.key."""
    from fedrad.server.coordinator import CoordinatorError, find_home
    from fedrad.server.pki import PKIError, create_ca

    try:
        out = out or find_home(home, create=True).certs
        info = create_ca(out, days=days)
    except (PKIError, CoordinatorError) as exc:
        _fail(exc)
    typer.echo(f"CA certificate: {info.path}\nfingerprint:    {info.fingerprint}\nvalid until:    "
               f"{info.not_after:%Y-%m-%d}\nGive ca.crt to each site and read them the fingerprint out of band.")


@certs.command("server")
def certs_server(
    name: list[str] = typer.Option(..., "--name", help="DNS name or IP the sites dial (repeatable); "
                                                       "127.0.0.1 and localhost are always added."),
    home: Path = typer.Option(None, "--home", resolve_path=True, help=HOME_HELP),
    ca: Path = typer.Option(None, "--ca", resolve_path=True,
                            help="Folder with ca.crt and ca.key (default HOME/certs)."),
    out: Path = typer.Option(None, "--out", resolve_path=True, help="Folder for server.pem/server.key "
                                                                    "(default HOME/certs)."),
    days: int = typer.Option(825, "--days"),
) -> None:
    """Issue the coordinator's TLS certificate (server.pem, server.key) from the federation CA."""
    from fedrad.server.coordinator import CoordinatorError, find_home
    from fedrad.server.pki import PKIError, issue_server_cert

    try:
        certs_dir = find_home(home).certs if not (ca and out) else None
        info = issue_server_cert(ca or certs_dir, out or certs_dir, list(name), days=days)
    except (PKIError, CoordinatorError) as exc:
        _fail(exc)
    typer.echo(f"server certificate: {info.path}\nnames: {', '.join(info.sans)}\nfingerprint: {info.fingerprint}\n"
               f"valid until: {info.not_after:%Y-%m-%d}")


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

def _home(home: Path | None):
    """The coordinator home, found the same way by every command (coordinator.home_path); an error, never a
    new home, when it is missing."""
    from fedrad.server.coordinator import CoordinatorError, find_home

    try:
        return find_home(home)
    except CoordinatorError as exc:
        _fail(exc)


@app.command("start")
def server_start(
    config: Path = typer.Option(None, "--config", resolve_path=True,
                                help="Run config TOML (top-level keys as in `fedrad sim run`'s [run] table: "
                                     "region, num-server-rounds, local-epochs, policy, test-sets, ...)."),
    out: Path = typer.Option(None, "--out", resolve_path=True,
                             help="Output folder (checkpoints, history, report); default: the config's output-dir. "
                                  "Starting again with the same --out resumes."),
    home: Path = typer.Option(None, "--home", resolve_path=True, help=HOME_HELP),
    listen: str = typer.Option(DEFAULT_LISTEN, "--listen", help="Where sites connect (fleet API only, TLS)."),
    insecure: bool = typer.Option(False, "--insecure", help="No TLS, no site authentication: local tests only."),
) -> None:
    """Start the coordinator (SuperLink + fleet-only TLS proxy), run one federated training, write the report.

    Runs `fedrad doctor --role server`'s checks first and stops on a failure.
    """
    from fedrad.common.doctor import gate
    from fedrad.common.runconfig import RunConfig, RunConfigError
    from fedrad.server.coordinator import CoordinatorError, find_home, serve
    from fedrad.server.doctor import server_checks
    from fedrad.server.sites import SiteRegistryError

    console = make_console()
    try:
        h = find_home(home, create=insecure)  # a TLS coordinator needs the home `certs init-ca` made
        if gate(server_checks(h.root, config=config, listen=listen, insecure=insecure), console,
                doctor=f"fedrad doctor --role server --home {h.root} --listen {listen}"
                       + (f" --config {config}" if config else "")):
            raise typer.Exit(2)
        cfg = RunConfig.from_toml(config) if config else RunConfig()
        target = out or cfg.output_dir
        if not target:
            raise RunConfigError("no output folder: pass --out DIR (or output-dir in the config)")
        rc = serve(h, cfg, Path(target), listen=listen, insecure=insecure, console=console)
    except (CoordinatorError, RunConfigError, SiteRegistryError, OSError) as exc:
        _fail(exc)
    raise typer.Exit(rc)


@app.command("add-site")
def server_add_site(
    name: str = typer.Argument(..., help="Site name used in reports and logs (lowercase, digits, - or _)."),
    key: Path = typer.Argument(..., resolve_path=True,
                               help="The site's public key file (KEY.pub from `fedrad certs site-key`)."),
    home: Path = typer.Option(None, "--home", resolve_path=True, help=HOME_HELP),
) -> None:
    """Enrol a site's public key; registered with the SuperLink now if it runs, else at the next start."""
    from fedrad.server.sites import SiteRegistryError, enrol

    h = _home(home)
    try:
        site = enrol(h.sites, name, key)
        typer.echo(f"enrolled site '{site.name}' {site.fingerprint} in {h.sites}\ncheck this fingerprint with the "
                   f"site operator out of band (they see it in `fedrad certs site-key` / `fedrad doctor`).")
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
    home: Path = typer.Option(None, "--home", resolve_path=True, help=HOME_HELP),
) -> None:
    """Remove a site: its key is unregistered now if the SuperLink runs, else at the next start."""
    from fedrad.server.sites import SiteRegistryError, drop

    h = _home(home)
    try:
        site = drop(h.sites, name)
        typer.echo(f"removed site '{site.name}' {site.fingerprint} from {h.sites}")
        _apply_now(h)
    except SiteRegistryError as exc:
        _fail(exc)


@app.command("list-sites")
def server_list_sites(home: Path = typer.Option(None, "--home", resolve_path=True, help=HOME_HELP)) -> None:
    """Enrolled sites, their key fingerprints and (while the coordinator runs) whether they are connected."""
    from fedrad.common.clikit import print_table
    from fedrad.server.sites import SiteRegistryError, read_sites, registered_nodes

    h = _home(home)
    try:
        sites = read_sites(h.sites)
        live = registered_nodes(h.flwr()) if h.running() else {}
    except SiteRegistryError as exc:
        _fail(exc)
    rows = [(s.name, s.fingerprint, s.node_id or "-",
             live.get(s.node_id, "not registered" if h.running() else "(coordinator not running)"), s.added)
            for s in sites.values()]
    print_table(("site", "key fingerprint", "node id", "status", "enrolled"), rows, title=f"sites of {h.root}")
