"""What every fedrad command shares: one error handler, plain output, tables that never truncate.

- `make_typer(...)`: a typer app whose group class catches FedradError once for the whole CLI
  (message to stderr, exit code by kind: common.errors), with help text shown literally
  (`[run]` stays `[run]`: rich_markup_mode=None).
- `make_console()`: a rich Console that never turns `:ab:` into an emoji, never highlights numbers,
  never wraps a printed line, and prints plain text (no colour codes) to a pipe or a file.
- `print_table(...)`: on a terminal a rich table whose cells fold instead of being cut; to a pipe
  or file, plain tab-separated lines, so `fedrad templates show elbow | grep intraarticular` works
  and ids, paths and fingerprints are always printed whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any

import click
import typer
from fedrad.common.errors import FedradError
from typer.core import TyperGroup

# typer 0.20 escapes an option's "[default: x]" for rich's HTML export whenever rich is installed,
# even with rich_markup_mode=None, where click's plain formatter then prints "\[default: x]". The flag
# only decides that escape and rich help/error panels, which rich_markup_mode=None declines anyway.
typer.core.HAS_RICH = False


def error_line(exc: BaseException) -> str:
    return f"error: {exc}"


def report_error(exc: FedradError) -> None:
    """The one place an error reaches the user: stderr, plain, whole (click.echo never wraps)."""
    click.echo(error_line(exc), err=True)


class FedradGroup(TyperGroup):
    """Typer's group with the single FedradError handler around every command it runs."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FedradError as exc:
            report_error(exc)
            ctx.exit(exc.exit_code)


def choices(name: str, values: Iterable[str]) -> type[StrEnum]:
    """A fixed choice for a typer option, over the values defined where the rule lives (e.g.
    runconfig.STRATEGIES): typer refuses anything else and lists the values in --help. Members are
    strings, so a command hands them on as they are."""
    return StrEnum(name, [(v, v) for v in values])


def make_typer(**kwargs: Any) -> typer.Typer:
    """A typer app with fedrad's conventions (see the module docstring)."""
    kwargs.setdefault("cls", FedradGroup)
    kwargs.setdefault("rich_markup_mode", None)
    kwargs.setdefault("pretty_exceptions_enable", False)
    return typer.Typer(**kwargs)


def make_console(*, stderr: bool = False, **kwargs: Any):
    """A rich Console for people: colour on a terminal, plain text elsewhere; no emoji, no wrapping."""
    from rich.console import Console

    kwargs.setdefault("emoji", False)
    kwargs.setdefault("highlight", False)
    kwargs.setdefault("soft_wrap", True)
    return Console(stderr=stderr, **kwargs)


def _cell(v: Any) -> str:
    return "" if v is None else str(v)


def print_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, title: str | None = None,
                con=None, file=None) -> None:
    """A table people read on a terminal and programs read from a pipe; never truncated.

    Cells are data, never markup. On a terminal: a rich table, long cells folded onto more lines.
    Elsewhere: the title as a `# ` line, then tab-separated header and rows.
    """
    rows = [[_cell(c) for c in r] for r in rows]
    con = con or make_console()
    if file is None and con.is_terminal:
        from rich.table import Table
        from rich.text import Text

        t = Table(*headers, title=title)
        for col in t.columns:
            col.overflow = "fold"
        for r in rows:
            t.add_row(*(Text(c) for c in r))
        con.print(t)
        return
    lines = ([f"# {title}"] if title else []) + ["\t".join(headers)]
    lines += ["\t".join(c.replace("\t", " ").replace("\n", " ") for c in r) for r in rows]
    if file is not None:
        file.write("".join(line + "\n" for line in lines))
        return
    from rich.text import Text

    for line in lines:  # Text: never markup or emoji; soft_wrap: never wrapped at the console's width
        con.print(Text(line), soft_wrap=True)
