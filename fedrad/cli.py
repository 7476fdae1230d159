"""Root CLI: only mounts each part's commands (each part owns its own typer app).

Parts are imported lazily through `_mount` so `fedrad templates list` does not pay for
torch, and a site install works even if it lacks the simulation extra.
"""

from __future__ import annotations

import importlib

import typer

from common import __version__

app = typer.Typer(help="fedrad: federated radiograph classifiers from radiology reports.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)

# (module, attribute, name or None to merge the commands at top level)
PARTS: list[tuple[str, str, str | None]] = [
    ("common.cli", "app", None),      # templates, report, ...
    ("client.cli", "app", "client"),  # client start/prepare
    ("client.cli", "tools", None),    # anonymize, label
    ("server.cli", "app", "server"),
    ("server.cli", "certs", "certs"),
    ("server.cli", "tools", None),    # report
    ("sim.cli", "app", "sim"),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"fedrad {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """fedrad: federated radiograph classifiers from radiology reports."""


def _mount() -> None:
    for module, attr, name in PARTS:
        try:
            sub = getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError):
            continue  # part not built yet, or not installed at this role
        if not (sub.registered_commands or sub.registered_groups):
            continue  # nothing to offer yet at this role
        if name is None:
            app.registered_commands.extend(sub.registered_commands)
            app.registered_groups.extend(sub.registered_groups)
        else:
            app.add_typer(sub, name=name)


_mount()


def main() -> None:
    app()
