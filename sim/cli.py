"""Simulation commands, mounted as `fedrad sim ...`."""

from __future__ import annotations

import typer

app = typer.Typer(help="Synthetic hospitals and the federated simulation.", no_args_is_help=True)
