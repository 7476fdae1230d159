"""Synthetic hospitals: site folders as hospitals hand them over, plus the ground truth beside them.

`synthesize(out)` writes (others rely on this layout):

    OUT/
      synth.json                      parameters, seed, site list (written last: the completion marker)
      sites/<site>/                   exactly what a hospital hands over (spec/site-data.md)
        reports.csv                   study_id, region, report, patient_name, patient_id, birth_date,
                                      exam_date, accession_number, referring_physician
                                      (dialect varies per site: ',' or ';', BOM, CRLF, date format)
        images.csv                    study_id, view, path (relative to the site folder)
        images/<study_id>/<view>.png|.dcm   native sizes vary, PNG 8/16-bit, part DICOM (CR, 12-bit)
      truth/<site>/                   beside the site folder, never inside it
        image-labels-<region>.csv     what the image shows: 0/1 per finding id (template order)
        report-labels-<region>.csv    what the report expresses: true/false/uncertain (label-file format,
                                      readable with common.labels.read_label_file), parents propagated
        statements.jsonl              per study, every sentence that states/hedges/negates a finding
                                      (fid, value, section, exact text, final) -- the by-construction record
        phi.jsonl                     per study: {"study_id", "report": [{type, text}], "csv": [...],
                                      "dicom": [{view, tag, type, text}]}; every string verbatim
        studies.jsonl                 per study: language, side, format, sizes, subtle/mimic findings, strengths
        site.json                     the SiteProfile used

Sites are `site-01`, `site-02`, ... and `external`. Uncertain in the report and the image:
a present finding rendered *subtle* is hedged in the report (image truth 1); an absent
finding with a rendered *mimic* is hedged too (image truth 0). So image-labels are 0/1 and
never "uncertain"; report-labels carry the hedge.

A run writes into OUT/.partial and moves the finished result into place at the end, so a
killed run never leaves a site that looks complete (no synth.json = incomplete).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from fedrad.common.errors import FedradRuntimeError
from fedrad.common.fileio import write_json
from fedrad.common.labels import Label
from fedrad.common.templates import available_regions, load_template

DEFAULT_ALPHA = 1.0
MANAGED = ("sites", "truth", "synth.json", ".partial")


class SynthError(FedradRuntimeError):
    """Refused or failed synthesis (e.g. non-empty output folder without force)."""


@dataclass
class SiteSummary:
    name: str
    language: str
    studies: int
    regions: dict[str, int]
    dicom_share: float
    languages: dict[str, int]
    prevalence: dict[str, dict[str, float]]   # region -> finding -> share of studies with image truth 1
    uncertain_share: float                     # share of report cells that are uncertain
    external: bool = False


@dataclass
class SynthSummary:
    out: Path
    seed: int
    sites: list[SiteSummary] = field(default_factory=list)
    studies: int = 0
    seconds: float = 0.0

    @property
    def studies_per_second(self) -> float:
        return self.studies / self.seconds if self.seconds else 0.0

    def to_json(self) -> dict:
        d = asdict(self)
        d["out"] = str(self.out)
        return d


def _check_out(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise SynthError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()):
        if not force:
            raise SynthError(f"{out}: folder is not empty; use force=True (--force) to replace earlier output")
        foreign = [p.name for p in out.iterdir() if p.name not in MANAGED]
        if foreign:
            raise SynthError(f"{out}: holds files synth did not write ({', '.join(sorted(foreign)[:5])}); "
                             "refusing to replace it even with force")
        for name in MANAGED:
            p = out / name
            if p.is_dir():
                shutil.rmtree(p)
            elif p.exists():
                p.unlink()


def synthesize(out: Path, sites: int = 3, studies_per_site: int = 200, regions: Sequence[str] = ("elbow",),
               external_site: bool = True, seed: int = 0, image_size: int = 256, dicom_fraction: float = 0.2,
               non_iid_alpha: float = DEFAULT_ALPHA, progress: bool = True, *, force: bool = False,
               workers: int | None = None) -> SynthSummary:
    """Write `sites` internal hospitals (+ an external one) to `out`; deterministic for a seed.

    `non_iid_alpha`: Dirichlet concentration over sites for sizes and prevalence factors
    (small = very different sites; <= 0 or inf = IID). `workers`: render processes (default
    min(2, CPUs); 1 = in-process).
    """
    from fedrad.sim.synth.profiles import make_profiles
    from fedrad.sim.synth.writer import plan_site, site_tasks, write_site_tables, write_truth

    out = Path(out)
    regions = list(regions)
    known = available_regions()
    bad = [r for r in regions if r not in known]
    if bad or not regions:
        raise SynthError(f"unknown region(s) {bad or regions}; available: {', '.join(known)}")
    if sites < 0 or studies_per_site < 1 or image_size < 32 or not 0 <= dicom_fraction <= 1:
        raise SynthError("need sites >= 0, studies_per_site >= 1, image_size >= 32, 0 <= dicom_fraction <= 1")
    if sites == 0 and not external_site:
        raise SynthError("nothing to write: sites=0 and no external site")
    _check_out(out, force)
    t0 = time.perf_counter()
    partial = out / ".partial"
    partial.mkdir(parents=True)
    profiles = make_profiles(sites=sites, studies_per_site=studies_per_site, regions=regions,
                             external_site=external_site, seed=seed, dicom_fraction=dicom_fraction,
                             non_iid_alpha=non_iid_alpha)
    plans = {p.name: plan_site(p, seed=seed, image_size=image_size, regions=regions) for p in profiles}
    tasks = []
    for p in profiles:
        tasks += site_tasks(partial / "sites" / p.name, p, plans[p.name])
    n_workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    _run(tasks, n_workers, progress)
    summary = SynthSummary(out=out, seed=seed, studies=len(tasks))
    for p in profiles:
        write_site_tables(partial / "sites" / p.name, p, plans[p.name])
        write_truth(partial / "truth" / p.name, p, plans[p.name])
        summary.sites.append(_site_summary(p, plans[p.name]))
    for name in ("sites", "truth"):
        os.replace(partial / name, out / name)
    summary.seconds = time.perf_counter() - t0
    params = {"sites": sites, "studies_per_site": studies_per_site, "regions": regions,
              "external_site": external_site, "seed": seed, "image_size": image_size,
              "dicom_fraction": dicom_fraction, "non_iid_alpha": non_iid_alpha}
    write_json(out / "synth.json", {"generator": "fedrad sim synth", "version": 1, "params": params,
                                    "sites": [s.name for s in summary.sites],
                                    "internal_sites": [s.name for s in summary.sites if not s.external],
                                    "external_site": next((s.name for s in summary.sites if s.external), None),
                                    "layout": {"sites": "sites/<site>", "truth": "truth/<site>"},
                                    "summary": [asdict(s) for s in summary.sites]})
    shutil.rmtree(partial, ignore_errors=True)
    return summary


def _run(tasks: list[tuple], n_workers: int, progress: bool) -> None:
    from fedrad.sim.synth.writer import render_study

    bar = None
    if progress:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = Progress(TextColumn("synth"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        bar.start()
        job = bar.add_task("studies", total=len(tasks))
    try:
        if n_workers <= 1:
            for t in tasks:
                render_study(t)
                if bar:
                    bar.advance(job)
        else:
            ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
            with ctx.Pool(n_workers, initializer=_worker_signals) as pool:
                for _ in pool.imap_unordered(render_study, tasks, chunksize=8):
                    if bar:
                        bar.advance(job)
                # Done: let the workers exit on their own. The with-block's terminate() stays for an interrupted
                # run; after a finished one it once left `fedrad sim run` hanging in Pool._terminate_pool, a
                # worker blocked on the task queue's lock that SIGTERM did not end (session 9).
                pool.close()
                pool.join()
    finally:
        if bar:
            bar.stop()


def _worker_signals() -> None:
    """A forked worker inherits the parent's handlers: `fedrad sim run` turns SIGTERM into KeyboardInterrupt, so
    Pool.terminate()'s SIGTERM would unwind a worker instead of ending it. Workers die on SIGTERM and leave
    Ctrl-C to the parent, which stops the pool."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _site_summary(p, plans) -> SiteSummary:
    regions: dict[str, int] = {}
    langs: dict[str, int] = {}
    prev: dict[str, dict[str, float]] = {}
    unc = cells = 0
    for s in plans:
        regions[s.region] = regions.get(s.region, 0) + 1
        langs[s.language] = langs.get(s.language, 0) + 1
    for region, n in regions.items():
        tpl = load_template(region)
        sel = [s for s in plans if s.region == region]
        prev[region] = {f: round(sum(f in s.truth.present for s in sel) / n, 4) for f in tpl.ids}
        for s in sel:
            unc += sum(v is Label.UNCERTAIN for v in s.truth.report.values())
            cells += len(tpl.ids)
    dicom = sum(s.fmt == "dcm" for s in plans) / max(1, len(plans))
    return SiteSummary(name=p.name, language=p.language, studies=len(plans), regions=regions,
                       dicom_share=round(dicom, 3), languages=langs, prevalence=prev,
                       uncertain_share=round(unc / max(1, cells), 4), external=p.external)
