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
