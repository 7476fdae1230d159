"""Commands every role has: templates (and, once built, report regeneration)."""

from __future__ import annotations

import typer
from fedrad.common.templates import TemplateError, available_regions, load_template
from rich.console import Console
from rich.table import Table

app = typer.Typer(no_args_is_help=True)
templates_app = typer.Typer(help="List and show the region templates (finding ids are a contract).",
                            no_args_is_help=True)
app.add_typer(templates_app, name="templates")


@templates_app.command("list")
def templates_list() -> None:
    """One line per region: findings, views, source file."""
    table = Table("region", "findings", "views", "file")
    for region in available_regions():
        try:
            t = load_template(region)
        except TemplateError as exc:
            table.add_row(region, "[red]invalid[/red]", "", str(exc))
            continue
        table.add_row(t.region, str(len(t)), ", ".join(t.views), t.source)
    Console().print(table)


@templates_app.command("show")
def templates_show(region: str = typer.Argument(..., help="Region name, e.g. elbow.")) -> None:
    """Every finding of a region with its id, display name and parents."""
    try:
        t = load_template(region)
    except TemplateError as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from None
    table = Table("#", "id", "display name", "parents",
                  title=f"{t.display_name} ({len(t)} findings, views: {', '.join(t.views)})")
    for i, f in enumerate(t.findings, 1):
        table.add_row(str(i), f.id, f.name, ", ".join(f.parents))
    Console().print(table)


def fixed_console(stderr: bool = False, width: int = 160):
    """A rich Console whose output does not depend on the terminal: a fixed width for tables and
    no wrapping of printed text (an error message naming a file, row and column stays one line
    whether it goes to an 80-column terminal, a CI log or a pipe)."""
    return Console(stderr=stderr, width=width, soft_wrap=True, highlight=False)
