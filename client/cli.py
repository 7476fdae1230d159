"""Site commands. `app` is mounted as `fedrad client ...`; `tools` are top-level commands
(`fedrad anonymize`, `fedrad label ...`) that a site operator also runs on their own.

Commands import their heavy modules inside the function so `fedrad --help` stays fast.
"""

from __future__ import annotations

from pathlib import Path

import typer
from fedrad.client.labeling import LABELERS, RESPONSE_FORMATS
from fedrad.common.clikit import choices, make_console, make_typer
from fedrad.common.federation import AFTER_RUN
from fedrad.common.preprocess import DEFAULT_IMAGE_SIZE
from fedrad.common.splits import DEFAULT_NAMES as SPLITS

Labeler = choices("Labeler", LABELERS)
ResponseFormat = choices("ResponseFormat", RESPONSE_FORMATS)
AfterRun = choices("AfterRun", AFTER_RUN)
Split = choices("Split", SPLITS)
ExportSplit = choices("ExportSplit", (*SPLITS, "all"))

app = make_typer(help="Run a hospital site: prepare data, join a federation.", no_args_is_help=True)
certs = make_typer()  # the site's part of `fedrad certs` (the coordinator's PKI is server.cli's)
tools = make_typer()
label_app = make_typer(help="Label reports (rule labeler or an OpenAI-compatible LLM) and score labels.",
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
    from rich.table import Table

    console = make_console(stderr=json_out)
    try:
        s = anonymize_site(site, out, console=console)
    except _anonymize_input_errors() as exc:
        _input_error(exc)
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

def _anonymize_input_errors() -> tuple[type[Exception], ...]:
    """Bad site input for the anonymizer: a reports.csv problem, an identifier column neither known nor
    declared, an unreadable fedrad-site.toml or its [anonymizer] terms. Each message names file (row) and column."""
    from fedrad.client.anon_score import IdentifiersFileError
    from fedrad.client.anon_site_terms import SiteTermsError
    from fedrad.client.identifier_columns import SiteConfigError, UnknownColumnError
    from fedrad.client.reports import ReportsFileError

    return ReportsFileError, UnknownColumnError, SiteConfigError, IdentifiersFileError, SiteTermsError


def _input_error(exc: Exception) -> None:
    """The error on stderr (never a traceback), exit code 2."""
    from rich.markup import escape

    # escape: '[columns]' in the message is text, not rich markup
    make_console(stderr=True).print(f"[red]error:[/red] {escape(str(exc))}")
    raise typer.Exit(2) from None


@tools.command("anonymize-eval")
def anonymize_eval_cmd(
    site: str = typer.Argument(..., help="Site folder with reports.csv."),
    identifiers: str = typer.Option(..., "--identifiers", help="identifiers.csv (study_id, kind, text) of a "
                                    "hand-verified sample; kind 'keep' marks words that must survive."),
    misses_out: str = typer.Option(None, "--misses", help="Where to write every miss (default "
                                   "<site>/.fedrad/anonymize-misses.csv, 0600)."),
    json_out: bool = typer.Option(False, "--json", help="Print the figures as JSON (misses included)."),
    show: int = typer.Option(50, help="How many misses to print."),
) -> None:
    """Score the anonymizer on the site's own verified sample: identifiers removed per kind (whole string and
    word by word), keep strings kept, over-redaction; every miss listed. Runs in memory, writes only the
    miss list, and all of it stays at the site (the misses are identifiers)."""
    import json
    from pathlib import Path

    from fedrad.client.anon_score import evaluate_site, format_scores, write_misses
    from fedrad.common.sitefiles import work_dir

    try:
        scores = evaluate_site(site, identifiers)
    except _anonymize_input_errors() as exc:
        _input_error(exc)
    path = Path(misses_out) if misses_out else work_dir(site) / "anonymize-misses.csv"
    write_misses(path, scores)
    if json_out:
        typer.echo(json.dumps({**scores.as_dict(), "misses_file": str(path)}, indent=2, ensure_ascii=False))
        return
    typer.echo(format_scores(scores, show))
    typer.echo(f"every miss: {path} (site-local, 0600)")


# --- label (labeling work) ------------------------------------------------------------

@label_app.command("run")
def label_run(
    site: str = typer.Argument(..., help="Site folder (reads <site>/.fedrad/anonymized.csv)."),
    labeler: Labeler = typer.Option("rules", help="rules (offline) or llm (OpenAI-compatible endpoint)."),
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
    response_format: ResponseFormat = typer.Option("auto", help="Structured output to ask for (auto: the first "
                                                                "form the endpoint accepts)."),
    price_in: float = typer.Option(0.0, help="Price per 1M prompt tokens, for the cost estimate."),
    price_out: float = typer.Option(0.0, help="Price per 1M completion tokens."),
    allow_remote_endpoint: bool = typer.Option(False, help="Allow an endpoint that is neither loopback nor listed "
                                                            "with --local-endpoint-host (private networks included); "
                                                            "only studies that pass the PHI gate are sent."),
    local_endpoint_host: list[str] = typer.Option(None, "--local-endpoint-host",
                                                  help="A host name or IP address of the site's own LLM server that "
                                                       "counts as local (repeatable; TOML: local_endpoint_hosts)."),
    ca_bundle: str = typer.Option(None, "--ca-bundle", help="PEM file of the CA of an https endpoint's certificate "
                                                            "(e.g. the hospital's internal CA)."),
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
    json_out: str = typer.Option(None, "--json", help="Also write the full metrics (with every wrong cell) as "
                                                      "JSON here ('-' = stdout, the tables then go to stderr)."),
    cells: int = typer.Option(100, "--cells", help="List at most this many wrong cells (0: none, -1: all)."),
    worst: int = typer.Option(-1, "--worst", help="List at most this many findings (-1: every finding with "
                                                  "a wrong cell)."),
) -> None:
    """Score labels against gold: accuracy, P/R/F1 for true and uncertain, confusion, errors by kind and by
    finding, and the wrong cells (study, finding, predicted, gold), e.g. on a site's own verified sample."""
    import json

    from fedrad.client.labeling.evaluate import evaluate_files, print_evaluation
    from fedrad.common.clikit import make_console
    from fedrad.common.fileio import write_json
    console = make_console(stderr=json_out == "-", width=160)
    result = evaluate_files(pred, gold, region)  # LabelFileError / TemplateError: the one CLI error handler
    print_evaluation(result, console, worst=worst, cells=cells)
    if json_out == "-":
        typer.echo(json.dumps(result, indent=2))
    elif json_out:
        write_json(json_out, result)
        console.print(f"metrics -> {json_out}")


review_app = make_typer(help="Human review of labels (the study's manual verification step).", no_args_is_help=True)
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

    console = make_console()
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

    console = make_console()
    try:
        table = read_review_file(review, load_template(region), require_binary=require_binary)
    except (LabelFileError, TemplateError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    write_label_file(out, table)
    unc = sum(1 for r in table.rows for v in r.values() if v is Label.UNCERTAIN)
    console.print(f"{len(table)} verified studies ({unc} uncertain label(s)) -> {out}")

# --- client prepare / start -----------------------------------------------------------

@certs.command("site-key")
def certs_site_key(
    path: Path = typer.Argument(..., resolve_path=True,
                                help="Private key file to create at the site, e.g. keys/hospital-a "
                                     "(the public key goes to PATH.pub)."),
) -> None:
    """Create a site's key pair AT THE SITE (EC P-384, OpenSSH); send only PATH.pub to the coordinator."""
    from fedrad.client.sitekey import create_site_key

    fp = create_site_key(path)
    typer.echo(f"private key: {path} (0600, never leaves this machine)\npublic key:  {path}.pub\n"
               f"fingerprint: {fp}  (read it to the coordinator out of band)")


# The site pipeline's options, shared by `prepare` and `start` (which runs the same pipeline first).
def _labeler_option():
    return typer.Option("rules", help="rules (offline, default) or llm.")


def _llm_config_option(help: str):
    return typer.Option(None, "--llm-config", resolve_path=True, help=help)


def _regions_option():
    return typer.Option(None, "--region", help="Only these regions (repeatable); default: all.")


def _image_size_option(help: str):
    return typer.Option(DEFAULT_IMAGE_SIZE, "--image-size", help=help)


def _split_seed_option(help: str):
    return typer.Option(0, "--seed", help=help)


@app.command("prepare")
def prepare_cmd(
    site: Path = typer.Argument(..., resolve_path=True, help="Site folder (reports.csv, images.csv or images/)."),
    labeler: Labeler = _labeler_option(),
    llm_config: Path = _llm_config_option("TOML file with the LLM settings (base_url, model, api_key_env, ...); "
                                          "see `fedrad label run --help` for the keys."),
    region: list[str] = _regions_option(),
    image_size: int = _image_size_option("Check, decode and cache every image at this training size (default: the "
                                         "run config's image-size); 0 skips the check, and an unreadable image then "
                                         "fails a training round instead of being quarantined now."),
    seed: int = _split_seed_option("Seed of the 64/16/20 split."),
) -> None:
    """Anonymize -> label -> manifest (image-label pairs, 64/16/20 split, quarantine), with a summary."""
    if not _prepare(str(site), labeler, str(llm_config) if llm_config else None, region, image_size, seed):
        raise typer.Exit(1)


def _prepare(site: str, labeler: str, llm_config: str | None, region: list[str] | None, image_size: int,
             seed: int) -> bool:
    """The site pipeline with its summary table; False if some reports could not be labelled."""
    import tomllib

    from fedrad.client.labeling.llm import LLMConfig, LLMConfigError, LLMLabeler
    from fedrad.client.labeling.run import LabelRunError
    from fedrad.client.prepare import ManifestError, prepare_site
    from fedrad.client.reports import ReportsFileError
    from rich.table import Table

    console = make_console()
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
    site: Path = typer.Option(..., "--site", resolve_path=True, help="This hospital's site folder."),
    ca: Path = typer.Option(None, "--ca", resolve_path=True,
                            help="The federation's ca.crt (from the coordinator; check its fingerprint)."),
    key: Path = typer.Option(None, "--key", resolve_path=True,
                             help="This site's private key (`fedrad certs site-key`; stays here)."),
    insecure: bool = typer.Option(False, "--insecure", help="No TLS, no authentication: local tests only."),
    labeler: Labeler = _labeler_option(),
    llm_config: Path = _llm_config_option("LLM settings TOML for --labeler llm."),
    region: list[str] = _regions_option(),
    image_size: int = _image_size_option("Check and pre-decode every image at this size before joining (default: "
                                         "the run config's image-size); 0 skips the check (unreadable images then "
                                         "fail a round instead of being quarantined)."),
    seed: int = _split_seed_option("Seed of the 64/16/20 split (keep it fixed across runs)."),
    threads: int = typer.Option(0, "--threads", help="Torch threads for training (0 = torch's default)."),
    activation_patience: float = typer.Option(150.0, "--activation-patience",
                                              help="Seconds to keep retrying when the coordinator refuses to "
                                                   "activate this site (it may still see an earlier session) before "
                                                   "reporting a key problem."),
    after_run: AfterRun = typer.Option("exit", "--after-run",
                                  help="When a run this site took part in ends at the coordinator: exit (with 0) "
                                       "or wait (stay connected for the next run, e.g. as a service)."),
) -> None:
    """Join a federation: the doctor's site checks (stop on a failure), the site pipeline, Flower's SuperNode."""
    from fedrad.client.doctor import site_checks
    from fedrad.client.site_node import SiteStartError, run_supernode, site_credentials
    from fedrad.common.doctor import gate
    from fedrad.common.federation import normalize_host_port

    console = make_console()
    try:
        if insecure:
            console.print("[bold red]WARNING: --insecure: the model travels unencrypted and the coordinator cannot "
                          "tell this site from an impostor. Local tests only.[/bold red]")
        creds = site_credentials(ca, key, insecure=insecure)
        server = normalize_host_port(server)
    except (SiteStartError, ValueError) as exc:
        console.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None
    # The same checks as `fedrad doctor --role site`, so the doctor fails exactly when start would.
    checks = site_checks(site, server, None if insecure else ca, None if insecure else key)
    if insecure:
        checks = [c for c in checks if c.name not in ("CA certificate", "site key", "connection")]
    if gate(checks, console, doctor=f"fedrad doctor --role site --site {site} --server {server}"
                                  + ("" if insecure else f" --ca {ca} --key {key}")):
        raise typer.Exit(2)
    if creds.fingerprint:
        console.print(f"site key fingerprint: {creds.fingerprint}", highlight=False)
    if not _prepare(str(site), labeler, str(llm_config) if llm_config else None, region, image_size, seed):
        console.print("[yellow]joining anyway: the unlabelled reports are left out of training[/yellow]")
    raise typer.Exit(run_supernode(server, site, creds, insecure=insecure, threads=threads,
                                   activation_patience=activation_patience, after_run=after_run, console=console))


@app.command("export")
def export_cmd(
    site: Path = typer.Argument(..., resolve_path=True, help="A prepared site folder."),
    out: Path = typer.Argument(..., resolve_path=True,
                               help="Destination folder (leaves the site: pixels-only PNG, no report text)."),
    region: str = typer.Option(..., "--region"),
    split: ExportSplit = typer.Option("test", "--split", help="A split, or all (an external hospital: all)."),
    labels: Path = typer.Option(None, "--labels", resolve_path=True,
                                help="Verified labels (from `fedrad label review read`); default: the site's labels, "
                                     "which must have no uncertain."),
    pixels_checked: str = typer.Option(
        None, "--pixels-checked", metavar="WHO",
        help="Who checked the pixels of the images that may carry burned-in text (BurnedInAnnotation absent or "
             "YES, secondary captures, PNG/JPEG sources); without it such images refuse the export. Recorded "
             "with the time in the export's export.json (which leaves the site) and in "
             "<site>/.fedrad/exports/<name>-pixels-checked.csv."),
    name: str = typer.Option(None, "--name", help="Name of the export's id mapping "
                                                  "(<site>/.fedrad/exports/<name>-mapping.csv); default: OUT's "
                                                  "folder name. Re-exporting under a name keeps its ids."),
) -> None:
    """Export a test set for the coordinator: pixels-only PNGs, images.csv, verified true/false labels."""
    from fedrad.client.export import BurnedInTextError, ExportError, export_test_set
    from fedrad.client.prepare import ManifestError
    from fedrad.common.labels import LabelFileError, read_label_file
    from fedrad.common.templates import load_template

    try:
        table = read_label_file(labels, load_template(region), allow_uncertain=False) if labels else None
        s = export_test_set(site, out, region, split=split, labels=table, pixels_checked=pixels_checked, name=name)
    except BurnedInTextError as exc:
        typer.secho(f"error: export refused: {len(exc.problems)} image(s) may carry burned-in text "
                    "(nothing was written):", fg="red", err=True)
        for p in exc.problems:
            typer.echo(f"  {p.file}: {p.reason}", err=True)
        typer.echo("check these images' pixels for names, dates or ids, then export with --pixels-checked WHO",
                   err=True)
        raise typer.Exit(2) from None
    except (ExportError, ManifestError, LabelFileError) as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from None
    if s.pixels_checked:
        typer.echo(f"{len(s.pixels_checked)} image(s) exported on the pixel check of {pixels_checked!r} "
                   f"(recorded in {s.out / 'export.json'})")
    typer.echo(f"exported {s.studies} studies ({s.images} images) -> {s.out}")


@app.command("audit")
def audit_cmd(
    site: str = typer.Argument(..., help="A site folder (reads <site>/.fedrad/audit.jsonl)."),
    json_out: bool = typer.Option(False, "--json", help="Print the audit records as JSON (one array)."),
    verify: str = typer.Option(None, "--verify", help="A coordinator run folder (history.json): check that every "
                                                      "reply this site logged for that run is recorded there "
                                                      "identically (arrays sha256 and size, errors, counts)."),
) -> None:
    """What left this site: one line per reply sent (and per refused FAB), from the append-only audit log."""
    import json

    from fedrad.client.audit import AuditError, audit_path, plain_table, read, table
    from fedrad.client.audit import verify as verify_records

    try:
        records = read(site)
        if verify:
            v = verify_records(records, verify)
            typer.echo(plain_table(("result", "detail"), [("ok", m) for m in v.matched]
                                   + [("MISMATCH", p) for p in v.problems]), nl=False)
            typer.echo(f"{v.checked} audit line(s) checked against {verify}; {v.other_runs} from other runs; "
                       f"{len(v.problems)} mismatch(es)")
            if not v.checked:
                typer.secho(f"error: no line of {audit_path(site)} belongs to a run recorded in {verify}", fg="red",
                            err=True)
            raise typer.Exit(0 if v.ok else 1)
    except AuditError as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from None
    if json_out:
        typer.echo(json.dumps(records, indent=2))
    elif not records:
        typer.echo(f"{audit_path(site)}: nothing has left this site yet")
    else:
        typer.echo(table(records), nl=False)


@app.command("recalibrate")
def recalibrate_cmd(
    site: str = typer.Argument(..., help="A prepared site folder."),
    model: str = typer.Option(..., "--model", help="The federation's model checkpoint (e.g. best.pt) at this site."),
    region: str = typer.Option(..., "--region"),
    labels: str = typer.Option(None, "--labels", help="Verified true/false labels of a small local sample "
                                                      "(`fedrad label review read`); default: the site's labels "
                                                      "of --split, uncertain cells left out."),
    split: Split = typer.Option("val", "--split", help="Split used when --labels is not given."),
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
