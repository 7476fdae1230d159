"""Root CLI: only mounts each part's commands (each part owns its own typer app).

Parts are imported lazily through `_mount` so `fedrad templates list` does not pay for
torch, and a site install works even if it lacks the simulation extra.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import typer

from fedrad.common import __version__
from fedrad.common.clikit import choices, make_typer
from fedrad.common.federation import DEFAULT_LISTEN

app = make_typer(help="fedrad: federated radiograph classifiers from radiology reports.",
                 no_args_is_help=True, add_completion=False)

# (module, attribute, name or None to merge the commands at top level)
Role = choices("Role", ("site", "server"))  # `fedrad doctor --role`: dispatched below

PARTS: list[tuple[str, str, str | None]] = [
    ("fedrad.common.cli", "app", None),      # templates, report, ...
    ("fedrad.client.cli", "app", "client"),  # client start/prepare
    ("fedrad.client.cli", "tools", None),    # anonymize, label
    ("fedrad.server.cli", "app", "server"),
    ("fedrad.server.cli", "certs", "certs"),
    ("fedrad.client.cli", "certs", "certs"),  # site-key: made at the site
    ("fedrad.server.cli", "tools", None),    # report
    ("fedrad.sim.cli", "app", "sim"),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"fedrad {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """fedrad: federated radiograph classifiers from radiology reports."""


@app.command("doctor")
def doctor(
    role: Role = typer.Option(..., "--role", help="Whose setup to check."),
    site: Path = typer.Option(None, "--site", resolve_path=True, help="site: the site folder."),
    server: str = typer.Option(None, "--server", help="site: the coordinator's public HOST:PORT."),
    ca: Path = typer.Option(None, "--ca", resolve_path=True, help="site: the federation's ca.crt."),
    key: Path = typer.Option(None, "--key", resolve_path=True, help="site: this site's private key (keys/SITE)."),
    home: Path = typer.Option(None, "--home", resolve_path=True,
                              help="server: coordinator home (default $FEDRAD_COORDINATOR_HOME, else "
                                   "./fedrad-coordinator in the current folder)."),
    config: Path = typer.Option(None, "--config", resolve_path=True,
                                help="server: the run config TOML (test sets, min-sites against enrolled sites)."),
    listen: str = typer.Option(DEFAULT_LISTEN, "--listen", help="server: the public HOST:PORT."),
    name: list[str] = typer.Option(None, "--name", help="server: a name sites dial (repeatable); "
                                                        "the certificate must carry it."),
    timeout: float = typer.Option(5.0, "--timeout", help="Seconds for network checks."),
) -> None:
    """Check this machine's setup for a role and say what to fix (exit 1 if anything fails)."""
    from fedrad.common.doctor import exit_code, render

    if role == "site":  # the root CLI may import any part; it dispatches by role here
        checks = importlib.import_module("fedrad.client.doctor").site_checks(site, server, ca, key, timeout=timeout)
    elif role == "server":
        checks = importlib.import_module("fedrad.server.doctor").server_checks(home, config=config, listen=listen,
                                                                        names=name or [], timeout=timeout)
    else:  # pragma: no cover - typer accepts only the Role members
        raise AssertionError(role)
    render(checks, title=f"fedrad doctor --role {role}")
    raise typer.Exit(exit_code(checks))


def _mount() -> None:
    # Every part is installed at every role (a site lacks only Ray, which no part imports at
    # module level), so a part that fails to import is broken: say so, never hide its commands.
    mounted: dict[str, typer.Typer] = {}
    for module, attr, name in PARTS:
        sub = getattr(importlib.import_module(module), attr)
        if not (sub.registered_commands or sub.registered_groups):
            continue  # nothing to offer yet at this role
        if name is None:
            app.registered_commands.extend(sub.registered_commands)
            app.registered_groups.extend(sub.registered_groups)
        elif name in mounted:  # a group two roles fill (certs: the coordinator's PKI, the site's key)
            mounted[name].registered_commands.extend(sub.registered_commands)
        else:
            app.add_typer(sub, name=name)
            mounted[name] = sub


_mount()


def main() -> None:
    import os

    from fedrad.common.flowerproc import omp_wait_policy

    # Before any command imports torch: OpenMP reads its wait policy once (the pooled arm trains here).
    os.environ["OMP_WAIT_POLICY"] = omp_wait_policy()
    app()
