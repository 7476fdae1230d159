"""Site commands. `app` is mounted as `fedrad client ...`; `tools` are top-level commands
(`fedrad anonymize`, `fedrad label ...`) that a site operator also runs on their own.

Commands import their heavy modules inside the function so `fedrad --help` stays fast.
"""

from __future__ import annotations

import typer

app = typer.Typer(help="Run a hospital site: prepare data, join a federation.", no_args_is_help=True)
tools = typer.Typer()
label_app = typer.Typer(help="Label reports (rule labeler or an OpenAI-compatible LLM) and score labels.",
                        no_args_is_help=True)
tools.add_typer(label_app, name="label")

# --- anonymize (anonymization work) ---------------------------------------------------

@tools.command("anonymize")
def anonymize_cmd(
    site: str = typer.Argument(..., help="Site folder with reports.csv."),
    out: str = typer.Option(None, help="Output CSV (default <site>/.fedrad/anonymized.csv)."),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Anonymize reports.csv: typed placeholders, no identifier columns, then a PHI check of the output."""
    import json

    from fedrad.client.anonymize import anonymize_site
    from fedrad.client.reports import ReportsFileError
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=json_out)
    try:
        s = anonymize_site(site, out, console=console)
    except ReportsFileError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    if json_out:
        typer.echo(json.dumps(s.as_dict(), indent=2))
        return
    t = Table("placeholder", "replacements", title=f"{s.reports} reports anonymized "
                                                    f"({s.reports_per_second:,.0f}/s) -> {s.output}")
    for kind, n in sorted(s.replacements.items(), key=lambda kv: -kv[1]):
        t.add_row(f"[{kind}]", str(n))
    console.print(t)
    reasons = ", ".join(f"{k}: {v}" for k, v in s.quarantine_reasons.items())
    console.print(f"quarantined rows: {s.quarantined}" + (f" ({reasons})" if s.quarantined else ""))
    color = "yellow" if s.suspects else "green"
    console.print(f"[{color}]PHI check: {s.suspects} residual suspect(s)[/{color}]"
                  + (f" ({', '.join(f'{k}: {v}' for k, v in s.suspects_by_type.items())}) -> {s.suspects_file}"
                     if s.suspects else ""))

# --- label (labeling work) ------------------------------------------------------------

@label_app.command("run")
def label_run(
    site: str = typer.Argument(..., help="Site folder (reads <site>/.fedrad/anonymized.csv)."),
    labeler: str = typer.Option("rules", help="rules (offline) or llm (OpenAI-compatible endpoint)."),
    region: list[str] = typer.Option(None, "--region", help="Only these regions (repeatable); default: all."),
    base_url: str = typer.Option(None, help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1."),
    model: str = typer.Option("default", help="Model name (the deployment name for Azure)."),
    api_key_env: str = typer.Option("OPENAI_API_KEY", help="Environment variable holding the API key."),
    azure_endpoint: str = typer.Option(None, help="Azure OpenAI endpoint (then --model is the deployment)."),
    azure_api_version: str = typer.Option("2024-10-21", help="Azure OpenAI api-version."),
    concurrency: int = typer.Option(8, help="Concurrent LLM calls."),
    temperature: float = typer.Option(0.0, help="Sampling temperature (the study used 0.2)."),
    seed: int = typer.Option(None, help="Sampling seed, where the endpoint supports it."),
    timeout: float = typer.Option(120.0, help="Seconds per HTTP call before it is retried."),
    max_attempts: int = typer.Option(6, help="HTTP attempts per call (429/5xx/timeouts)."),
    response_format: str = typer.Option("auto", help="auto, json_schema, json_object_schema, json_object, none."),
    price_in: float = typer.Option(0.0, help="Price per 1M prompt tokens, for the cost estimate."),
    price_out: float = typer.Option(0.0, help="Price per 1M completion tokens."),
    allow_remote_endpoint: bool = typer.Option(False, help="Allow an endpoint outside loopback/private networks "
                                                            "(only PHI-check-clean text is sent)."),
) -> None:
    """Label a site's anonymized reports into <site>/.fedrad/labels-<region>.csv (cached, resumable)."""
    opts = dict(locals())
    from fedrad.client.labeling.run import cli_label_run

    raise typer.Exit(cli_label_run(**opts))


@label_app.command("eval")
def label_eval(
    pred: str = typer.Argument(..., help="Predicted label file (labels-<region>.csv)."),
    gold: str = typer.Argument(..., help="Gold label file (same format; verified labels)."),
    region: str = typer.Option(None, help="Region template; default: inferred from the columns."),
    json_out: str = typer.Option(None, "--json", help="Also write the full metrics as JSON here ('-' = stdout)."),
) -> None:
    """Score labels against gold: label-level accuracy, P/R/F1 for true and uncertain, confusion."""
    import json

    from fedrad.client.labeling.evaluate import evaluate_files, print_evaluation
    from fedrad.common.fileio import write_json
    from fedrad.common.labels import LabelFileError
    from fedrad.common.templates import TemplateError
    from rich.console import Console

    console = Console(stderr=json_out == "-")
    try:
        result = evaluate_files(pred, gold, region)
    except (LabelFileError, TemplateError, ValueError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    print_evaluation(result, console)
    if json_out == "-":
        typer.echo(json.dumps(result, indent=2))
    elif json_out:
        write_json(json_out, result)
        console.print(f"metrics -> {json_out}")


review_app = typer.Typer(help="Human review of labels (the study's manual verification step).", no_args_is_help=True)
label_app.add_typer(review_app, name="review")


@review_app.command("write")
def review_write(
    labels: str = typer.Argument(..., help="Label file to review (labels-<region>.csv)."),
    texts: str = typer.Option(..., help="Anonymized reports CSV (study_id + report/text column), e.g. "
                                        "<site>/.fedrad/anonymized.csv. Never the raw reports."),
    out: str = typer.Option(..., help="Review CSV to write (UTF-8 with BOM; opens in Excel)."),
    region: str = typer.Option(None, help="Region template; default: inferred from the columns."),
) -> None:
    """Write a review file: one row per true/uncertain label (and one per all-false study).

    The reviewer fills the `verified` column: blank accepts the labeler's value, otherwise true / false /
    uncertain (t/f/u, yes/no, ja/nein). A missed finding: add a row with study_id, finding id, verified.
    Then `fedrad label review read` turns the file into verified labels.
    """
    from fedrad.client.labeling.evaluate import infer_region
    from fedrad.client.labeling.review import review_counts, write_review_file
    from fedrad.common.labels import LabelFileError, read_csv_text, read_label_file
    from fedrad.common.templates import TemplateError, load_template
    from rich.console import Console

    console = Console()
    try:
        tpl = load_template(region) if region else infer_region(labels)
        table = read_label_file(labels, tpl)
        header, body = read_csv_text(texts)
        col = next((c for c in ("report", "text", "anonymized_report") if c in header), None)
        if "study_id" not in header or col is None:
            raise LabelFileError(texts, 1, None, "needs columns study_id and report (or text)")
        i, j = header.index("study_id"), header.index(col)
        text_by = {row[i].strip(): row[j] for row in body if len(row) > max(i, j)}
    except (LabelFileError, TemplateError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    rows = write_review_file(out, table, text_by)
    c = review_counts(table)
    no_text = sum(1 for s in table.study_ids if s not in text_by)
    console.print(f"{c['studies']} studies, {rows} rows to check, {c['uncertain']} uncertain label(s) -> {out}"
                  + (f"; [yellow]{no_text} studies have no report text[/]" if no_text else ""))


@review_app.command("read")
def review_read(
    review: str = typer.Argument(..., help="The edited review CSV."),
    region: str = typer.Option(..., help="Region template of the reviewed labels."),
    out: str = typer.Option(..., help="Verified label file to write."),
    require_binary: bool = typer.Option(False, help="Test sets: every uncertain must be resolved to true/false."),
) -> None:
    """Read a reviewed file back as verified labels (blank = accept the labeler's value)."""
    from fedrad.client.labeling.review import read_review_file
    from fedrad.common.labels import Label, LabelFileError, write_label_file
    from fedrad.common.templates import TemplateError, load_template
    from rich.console import Console

    console = Console()
    try:
        table = read_review_file(review, load_template(region), require_binary=require_binary)
    except (LabelFileError, TemplateError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    write_label_file(out, table)
    unc = sum(1 for r in table.rows for v in r.values() if v is Label.UNCERTAIN)
    console.print(f"{len(table)} verified studies ({unc} uncertain label(s)) -> {out}")

# --- client prepare / start -----------------------------------------------------------

@app.command("prepare")
def prepare_cmd(
    site: str = typer.Argument(..., help="Site folder (reports.csv, images.csv or images/)."),
    labeler: str = typer.Option("rules", help="rules (offline, default) or llm."),
    llm_config: str = typer.Option(None, "--llm-config",
                                   help="TOML file with the LLM settings (base_url, model, api_key_env, ...); "
                                        "see `fedrad label run --help` for the keys."),
    region: list[str] = typer.Option(None, "--region", help="Only these regions (repeatable); default: all."),
    image_size: int = typer.Option(224, "--image-size", help="Decode and cache every image at this training size "
                                                             "(0 = skip the image check)."),
    seed: int = typer.Option(0, "--seed", help="Seed of the 64/16/20 split."),
) -> None:
    """Anonymize -> label -> manifest (image-label pairs, 64/16/20 split, quarantine), with a summary."""
    if not _prepare(site, labeler, llm_config, region, image_size, seed):
        raise typer.Exit(1)


def _prepare(site: str, labeler: str, llm_config: str | None, region: list[str] | None, image_size: int,
             seed: int) -> bool:
    """The site pipeline with its summary table; False if some reports could not be labelled."""
    import tomllib

    from fedrad.client.labeling.llm import LLMConfig, LLMConfigError, LLMLabeler
    from fedrad.client.labeling.run import LabelRunError
    from fedrad.client.prepare import ManifestError, prepare_site
    from fedrad.client.reports import ReportsFileError
    from rich.console import Console
    from rich.table import Table

    console = Console()
    llm = None
    try:
        if labeler == "llm":
            if not llm_config:
                raise LLMConfigError("--labeler llm needs --llm-config FILE.toml (base_url, model, ...)")
            with open(llm_config, "rb") as fh:
                llm = LLMLabeler(LLMConfig(**tomllib.load(fh)))
        s = prepare_site(site, labeler=labeler, llm_labeler=llm, regions=region or None,
                         image_size=image_size or None, seed=seed, console=console)
    except (LLMConfigError, LabelRunError, ManifestError, ReportsFileError, OSError, TypeError,
            tomllib.TOMLDecodeError) as exc:
        console.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None
    t = Table("region", "studies", "train", "val", "test", "findings with positives",
              title=f"{s.site}: {s.anonymized} reports anonymized, {s.labelled} labelled")
    for r, m in s.regions.items():
        t.add_row(r, str(m.studies), str(m.splits.get("train", 0)), str(m.splits.get("val", 0)),
                  str(m.splits.get("test", 0)), f"{sum(1 for v in m.positives.values() if v)}/{len(m.positives)}")
    console.print(t)
    if s.quarantine:
        console.print(f"[yellow]quarantined: {sum(s.quarantine.values())}[/yellow] "
                      f"({', '.join(f'{k}: {v}' for k, v in s.quarantine.most_common())}) -> {s.quarantine_file}")
    if s.phi_suspects:
        console.print(f"[yellow]PHI check: {s.phi_suspects} residual suspect(s)[/yellow] "
                      "(see .fedrad/phi-suspects.csv)")
    if s.label_errors:
        console.print(f"[red]{s.label_errors} report(s) could not be labelled[/red]; rerun to retry them")
        return False
    return True


@app.command("start")
def start_cmd(
    server: str = typer.Option(..., "--server", help="The coordinator's HOST:PORT (its fleet proxy)."),
    site: str = typer.Option(..., "--site", help="This hospital's site folder."),
    ca: str = typer.Option(None, "--ca", help="The federation's ca.crt (from the coordinator; check its fingerprint)."),
    key: str = typer.Option(None, "--key", help="This site's private key (`fedrad certs site-key`; stays here)."),
    insecure: bool = typer.Option(False, "--insecure", help="No TLS, no authentication: local tests only."),
    labeler: str = typer.Option("rules", help="rules (offline, default) or llm."),
    llm_config: str = typer.Option(None, "--llm-config", help="LLM settings TOML for --labeler llm."),
    region: list[str] = typer.Option(None, "--region", help="Only these regions (repeatable); default: all."),
    image_size: int = typer.Option(0, "--image-size", help="Pre-decode images at this size (0 = at first round)."),
    seed: int = typer.Option(0, "--seed", help="Seed of the 64/16/20 split (keep it fixed across runs)."),
    threads: int = typer.Option(0, "--threads", help="Torch threads for training (0 = torch's default)."),
    activation_patience: float = typer.Option(150.0, "--activation-patience",
                                              help="Seconds to keep retrying when the coordinator refuses to "
                                                   "activate this site (it may still see an earlier session) before "
                                                   "reporting a key problem."),
) -> None:
    """Join a federation: check keys and site folder, run the site pipeline, run Flower's SuperNode."""
    from pathlib import Path

    from fedrad.client.site_node import (
        SiteStartError,
        check_site_credentials,
        check_versions,
        run_supernode,
        server_version,
    )
    from rich.console import Console

    console = Console()
    try:
        if insecure:
            console.print("[bold red]WARNING: --insecure: the model travels unencrypted and the coordinator cannot "
                          "tell this site from an impostor. Local tests only.[/bold red]")
        creds = check_site_credentials(ca, key, insecure=insecure)
        if not Path(site).is_dir():
            raise SiteStartError(f"site folder {site} does not exist")
        remote = server_version(server, creds.ca)
        if remote is None:
            console.print(f"[yellow]the coordinator at {server} is not reachable yet; the SuperNode will keep "
                          f"trying[/yellow]")
        else:
            check_versions(remote)
            console.print(f"coordinator {server}: fedrad {remote.get('fedrad')}, Flower {remote.get('flwr')}")
        if creds.fingerprint:
            console.print(f"site key fingerprint: {creds.fingerprint}")
    except SiteStartError as exc:
        console.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None
    if not _prepare(site, labeler, llm_config, region, image_size, seed):
        console.print("[yellow]joining anyway: the unlabelled reports are left out of training[/yellow]")
    raise typer.Exit(run_supernode(server, Path(site), creds, insecure=insecure, threads=threads,
                                   activation_patience=activation_patience, console=console))


@app.command("export")
def export_cmd(
    site: str = typer.Argument(..., help="A prepared site folder."),
    out: str = typer.Argument(..., help="Destination folder (leaves the site: pixels-only PNG, no report text)."),
    region: str = typer.Option(..., "--region"),
    split: str = typer.Option("test", "--split", help="test, val, train or all (an external hospital: all)."),
    labels: str = typer.Option(None, "--labels", help="Verified labels (from `fedrad label review read`); "
                                                      "default: the site's labels, which must have no uncertain."),
) -> None:
    """Export a test set for the coordinator: de-identified pixels, images.csv, verified true/false labels."""
    from fedrad.client.export import ExportError, export_test_set
    from fedrad.client.prepare import ManifestError
    from fedrad.common.labels import LabelFileError, read_label_file
    from fedrad.common.templates import load_template

    try:
        table = read_label_file(labels, load_template(region), allow_uncertain=False) if labels else None
        s = export_test_set(site, out, region, split=split, labels=table)
    except (ExportError, ManifestError, LabelFileError) as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"exported {s.studies} studies ({s.images} images) -> {s.out}")


@app.command("recalibrate")
def recalibrate_cmd(
    site: str = typer.Argument(..., help="A prepared site folder."),
    model: str = typer.Option(..., "--model", help="The federation's model checkpoint (e.g. best.pt) at this site."),
    region: str = typer.Option(..., "--region"),
    labels: str = typer.Option(None, "--labels", help="Verified true/false labels of a small local sample "
                                                      "(`fedrad label review read`); default: the site's labels "
                                                      "of --split, uncertain cells left out."),
    split: str = typer.Option("val", "--split", help="Split used when --labels is not given."),
    bn: bool = typer.Option(False, "--bn/--no-bn", help="First re-estimate BatchNorm statistics on all of the "
                                                        "site's images (unlabeled); writes <model>.bn-<site>.pt."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Pick this hospital's thresholds on a small verified sample; record them beside the model."""
    import json

    from fedrad.client.prepare import ManifestError
    from fedrad.client.recalibrate import RecalibrationError, describe, recalibrate_site

    try:
        res = recalibrate_site(site, model, region, labels=labels, split=split, bn=bn)
    except (RecalibrationError, ManifestError) as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from None
    if json_out:
        typer.echo(json.dumps(describe(res), indent=2))
        return
    typer.echo(f"thresholds from {res.n_sample} verified studies -> {res.thresholds_file}")
    if res.bn_checkpoint:
        typer.echo(f"BatchNorm statistics recalibrated -> {res.bn_checkpoint}")
    for fid, thr in res.thresholds.items():
        typer.echo(f"  {fid}: {'n/a' if thr is None else f'{thr:.4f}'} ({res.n_pos[fid]} positives)")
    for w in res.warnings:
        typer.secho(f"warning: {w}", fg="yellow", err=True)
