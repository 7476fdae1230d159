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
    from server.report import ReportError, write_report

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
    from server.pki import PKIError, create_ca

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
    from server.pki import PKIError, issue_server_cert

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
    from server.pki import PKIError, create_site_key

    try:
        fp = create_site_key(path)
    except PKIError as exc:
        _fail(exc)
    typer.echo(f"private key: {path} (0600, never leaves this machine)\npublic key:  {path}.pub\n"
               f"fingerprint: {fp}  (read it to the coordinator out of band)")


@certs.command("show")
def certs_show(paths: list[str] = typer.Argument(..., help="Certificates (.crt/.pem) or site public keys (.pub).")):
    """Fingerprints, names and expiry; warns about certificates that expire within 30 days."""
    from server.pki import PKIError, cert_info, expiry_warnings, read_site_public_key

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
