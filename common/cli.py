"""Commands every role has: templates (and, once built, report regeneration)."""

from __future__ import annotations

import typer
from fedrad.common.clikit import make_typer, print_table
from fedrad.common.templates import TemplateError, available_regions, load_template

app = make_typer(no_args_is_help=True)
templates_app = make_typer(help="List and show the region templates (finding ids are a contract).",
                            no_args_is_help=True)
app.add_typer(templates_app, name="templates")


@templates_app.command("list")
def templates_list() -> None:
    """One line per region: findings, views, source file."""
    rows = []
    for region in available_regions():
        try:
            t = load_template(region)
        except TemplateError as exc:
            rows.append((region, "invalid", "", str(exc)))
            continue
        rows.append((t.region, len(t), ", ".join(t.views), t.source))
    print_table(("region", "findings", "views", "file"), rows)


@templates_app.command("show")
def templates_show(region: str = typer.Argument(..., help="Region name, e.g. elbow.")) -> None:
    """Every finding of a region with its id, display name and parents."""
    t = load_template(region)  # a TemplateError reaches the one CLI error handler
    print_table(("#", "id", "display name", "parents"),
                [(i, f.id, f.name, ", ".join(f.parents)) for i, f in enumerate(t.findings, 1)],
                title=f"{t.display_name} ({len(t)} findings, views: {', '.join(t.views)})")
