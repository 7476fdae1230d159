"""Simulation commands, mounted as `fedrad sim ...`."""

from __future__ import annotations

import typer
from fedrad.common.clikit import choices, make_console, make_typer
from fedrad.common.runconfig import STRATEGIES
from fedrad.sim.presets import PRESETS

Preset = choices("Preset", PRESETS)
Strategy = choices("Strategy", STRATEGIES)

app = make_typer(help="Synthetic hospitals and the federated simulation.", no_args_is_help=True)


@app.command("synth")
def synth_cmd(
    out: str = typer.Argument(..., help="Output folder (sites/, truth/, synth.json)."),
    sites: int = typer.Option(3, "--sites", help="Number of internal hospitals."),
    studies_per_site: int = typer.Option(200, "--studies-per-site", help="Mean studies per internal site."),
    regions: str = typer.Option("elbow", "--regions", help="Comma-separated regions, e.g. elbow,thumb,clavicle."),
    external_site: bool = typer.Option(True, "--external-site/--no-external-site",
                                       help="Also write an 'external' hospital with shifted appearance."),
    seed: int = typer.Option(0, "--seed", help="Random seed (same seed = same output)."),
    image_size: int = typer.Option(256, "--image-size", help="Base image size in px (native sizes vary above it)."),
    dicom_fraction: float = typer.Option(0.2, "--dicom-fraction", help="Share of studies written as DICOM."),
    non_iid_alpha: float = typer.Option(1.0, "--non-iid-alpha",
                                        help="Dirichlet alpha over sites (small = very different; 0 = IID)."),
    workers: int = typer.Option(0, "--workers", help="Render processes (0 = min(2, CPUs))."),
    force: bool = typer.Option(False, "--force", help="Replace an earlier synth output in OUT."),
) -> None:
    """Generate synthetic hospitals: site folders as hospitals hand them over, plus ground truth beside them."""
    from pathlib import Path

    from fedrad.sim.synth import SynthError, synthesize
    from rich.table import Table

    console = make_console()
    try:
        summary = synthesize(Path(out), sites=sites, studies_per_site=studies_per_site,
                             regions=[r.strip() for r in regions.split(",") if r.strip()],
                             external_site=external_site, seed=seed, image_size=image_size,
                             dicom_fraction=dicom_fraction, non_iid_alpha=non_iid_alpha, progress=True,
                             force=force, workers=workers or None)
    except SynthError as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from None
    table = Table("site", "language", "studies", "regions", "DICOM", "uncertain cells", "top prevalences (image truth)",
                  title=f"Synthetic hospitals (seed {seed})")
    for s in summary.sites:
        langs = s.language if s.language != "mixed" else "mixed " + "/".join(
            f"{k} {v}" for k, v in sorted(s.languages.items()))
        regs = ", ".join(f"{r} {n}" for r, n in sorted(s.regions.items()))
        tops = []
        for r, prev in sorted(s.prevalence.items()):
            best = sorted(prev.items(), key=lambda kv: -kv[1])[:3]
            tops.append(f"{r}: " + ", ".join(f"{k} {v:.0%}" for k, v in best))
        table.add_row(s.name, langs, str(s.studies), regs, f"{s.dicom_share:.0%}", f"{s.uncertain_share:.1%}",
                      "\n".join(tops))
    console.print(table)
    root = Path(out)
    console.print(f"{summary.studies} studies in {summary.seconds:.1f} s ({summary.studies_per_second:.0f} studies/s)")
    console.print(f"site folders: {root / 'sites'}/<site>   (reports.csv, images.csv, images/)")
    console.print(f"ground truth: {root / 'truth'}/<site>   (image-labels-*, report-labels-*, phi.jsonl, "
                  "statements.jsonl, site.json)")
    console.print(f"parameters:   {root / 'synth.json'}")


@app.command("run")
def run_cmd(
    out: str = typer.Option(None, "--out", help="Output folder (default runs/sim)."),
    config: str = typer.Option(None, "--config", help="TOML file with a sim table and a run table (see README)."),
    preset: Preset = typer.Option("default", "--preset",
                               help="default (CPU, <= 8 min), paper (the study's sizes, for a GPU), tiny (smoke)."),
    sites: int = typer.Option(None, "--sites", help="Internal hospitals."),
    studies_per_site: int = typer.Option(None, "--studies-per-site"),
    region: str = typer.Option(None, "--region", help="Region template (elbow, thumb, clavicle)."),
    rounds: int = typer.Option(None, "--rounds", help="Federated rounds (pooled: rounds x local epochs epochs)."),
    local_epochs: int = typer.Option(None, "--local-epochs"),
    image_size: int = typer.Option(None, "--image-size", help="Model input size in px."),
    strategy: Strategy = typer.Option(None, "--strategy", help="The aggregation strategy (default: fedavg)."),
    policies: str = typer.Option(None, "--policies", help="Comma-separated uncertainty policies to compare."),
    pooled: bool = typer.Option(None, "--pooled/--no-pooled", help="Train the pooled baseline too."),
    seed: int = typer.Option(None, "--seed"),
    seeds: int = typer.Option(None, "--seeds", help="Run every arm N times (run seeds seed..seed+N-1: init and "
                                                     "data order; same hospitals); mean ± SD per arm."),
    device: str = typer.Option(None, "--device", help="auto, cpu, cuda, cuda:N."),
) -> None:
    """Reproduce the study across virtual hospitals: synth -> site pipeline -> federated runs -> report."""
    from pathlib import Path

    from fedrad.common.runconfig import RunConfigError
    from fedrad.sim.run import load_settings, simulate

    try:
        settings, run = load_settings(
            Path(config) if config else None, preset,
            {"out": out, "sites": sites, "studies_per_site": studies_per_site, "region": region,
             "policies": policies, "pooled": pooled, "seed": seed, "seeds": seeds},
            {"num_server_rounds": rounds, "local_epochs": local_epochs, "image_size": image_size,
             "strategy": strategy, "seed": seed, "device": device})
    except RunConfigError as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from None
    import signal

    def on_term(signum, _frame):  # SIGTERM unwinds like Ctrl-C, so the Flower children are stopped too
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    try:
        simulate(settings, run, make_console())
    except KeyboardInterrupt:
        typer.secho("interrupted; run the same command again to resume (finished steps are reused)", fg="yellow",
                    err=True)
        raise typer.Exit(130) from None
