"""`fedrad label run SITE`: anonymized reports -> labels-<region>.csv, through the label cache.

Reads `<site>/.fedrad/anonymized.csv` (written by `fedrad anonymize SITE`; never the raw
reports), asks the cache first, labels only the misses, commits each answer as it arrives,
writes one label file per region (atomic, with provenance), and quarantines every study that
could not be labelled (stage "label"; a later successful run removes the stale lines).
"""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from fedrad.client.labeling import LABELERS
from fedrad.client.labeling.answer import repair_kind
from fedrad.client.labeling.base import Labeler, LabelRequest, LabelResult, label_each, provenance
from fedrad.client.labeling.cache import CACHE_NAME, LabelCache
from fedrad.common.errors import FedradRuntimeError
from fedrad.common.labels import LabelTable, write_label_file
from fedrad.common.templates import load_template

ANONYMIZED = "anonymized.csv"
QUARANTINE_STAGE = "label"
PHI_BLOCKED = "not sent: PHI gate"  # quarantine reason of a study the gate kept from a non-local endpoint


class LabelRunError(FedradRuntimeError):
    """The run cannot start (missing input, unavailable labeler); the message says what to do."""


@dataclass
class LabelRunSummary:
    labeler: str
    model: str
    prompt_version: str
    studies: int = 0
    labelled: int = 0  # rows written to label files (cache + new)
    from_cache: int = 0
    new: int = 0  # labelled by this run's labeler calls
    errors: int = 0
    quarantined_input: int = 0  # rows of anonymized.csv that could not be labelled at all
    llm_calls: int = 0
    retries: int = 0
    format_fallbacks: int = 0
    phi_blocked: int = 0
    repairs: Counter = field(default_factory=Counter)  # of this run's new answers, by kind
    invalid_answers: Counter = field(default_factory=Counter)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost: float = 0.0
    seconds: float = 0.0  # wall time spent labelling misses
    response_format: str = ""
    files: dict[str, Path] = field(default_factory=dict)
    quarantine: Path | None = None  # set when studies or input rows were quarantined
    error_messages: list[tuple[str, str, str]] = field(default_factory=list)  # (region, study_id, error)

    @property
    def reports_per_s(self) -> float:
        return self.new / self.seconds if self.seconds > 0 else 0.0


def make_labeler(name: str, region: str, llm_labeler: Labeler | None = None) -> Labeler:
    if name == "llm":
        if llm_labeler is None:
            raise LabelRunError("the llm labeler needs an LLM configuration")
        return llm_labeler
    if name == "rules":
        try:
            from fedrad.client.labeling.rules import RuleLabeler
        except ImportError as exc:
            raise LabelRunError(f"the rule labeler is not available ({exc}); use --labeler llm") from None
        return RuleLabeler(region)
    raise LabelRunError(f"unknown labeler '{name}' (choose {' or '.join(LABELERS)})")


def label_site(site_dir: str | os.PathLike, *, labeler: str = "rules", llm_labeler: Labeler | None = None,
               regions: list[str] | None = None, work_dir: str | os.PathLike | None = None,
               console=None, progress: bool = True) -> LabelRunSummary:
    """Label every anonymized report of a site; see the module docstring."""
    from fedrad.client.reports import ReportsFileError, read_reports
    from fedrad.common.sitefiles import Quarantine
    from fedrad.common.sitefiles import work_dir as site_work_dir

    site = Path(site_dir)
    work = Path(work_dir) if work_dir is not None else site_work_dir(site)
    anon = work / ANONYMIZED
    if not anon.is_file():
        raise LabelRunError(f"{anon} not found: run `fedrad anonymize {site}` first (labels are made from "
                            "anonymized text only)")
    try:
        table = read_reports(anon)
    except ReportsFileError as exc:
        raise LabelRunError(str(exc)) from None
    wanted = sorted({r.region for r in table.rows}) if not regions else list(regions)
    for region in wanted:
        try:
            load_template(region)
        except ValueError as exc:
            raise LabelRunError(str(exc)) from None
    input_q = Quarantine(work, stage=QUARANTINE_STAGE)
    input_q.add_problems(table.problems)
    if labeler == "llm" and getattr(llm_labeler, "remote", False):
        from fedrad.client.labeling.phi_gate import PHIGate, PHIGateError

        try:  # before the first call: without the site's identifiers nothing is sent
            llm_labeler.use_site_gate(PHIGate.for_site(site, work))  # type: ignore[union-attr]
        except PHIGateError as exc:
            raise LabelRunError(str(exc)) from None

    first = make_labeler(labeler, wanted[0], llm_labeler) if wanted else None
    summary = LabelRunSummary(labeler=labeler, model=getattr(first, "model", ""),
                              prompt_version=getattr(first, "prompt_version", ""),
                              quarantined_input=len(table.problems))
    with LabelCache(work / CACHE_NAME) as cache:
        for region in wanted:
            rows = [r for r in table.rows if r.region == region]
            lab = first if region == wanted[0] else make_labeler(labeler, region, llm_labeler)
            q = Quarantine(work, stage=f"{QUARANTINE_STAGE}:{region}")
            _label_region(region, rows, lab, cache, work, q, summary, console, progress)
            q.write()
    input_q.write()
    if summary.errors or summary.quarantined_input:
        summary.quarantine = input_q.path
    if llm_labeler is not None and labeler == "llm":
        st = llm_labeler.stats  # type: ignore[attr-defined]
        summary.llm_calls, summary.retries, summary.format_fallbacks = st.calls, st.retries, st.format_fallbacks
        summary.phi_blocked, summary.invalid_answers = st.phi_blocked, Counter(st.invalid_answers)
        summary.prompt_tokens, summary.completion_tokens = st.prompt_tokens, st.completion_tokens
        summary.cost = llm_labeler.cost()  # type: ignore[attr-defined]
        summary.response_format = llm_labeler.response_format  # type: ignore[attr-defined]
    return summary


def _label_region(region, rows, lab: Labeler, cache: LabelCache, work: Path, q, summary: LabelRunSummary,
                  console, show_progress: bool) -> None:
    template = load_template(region)
    requests = [LabelRequest(r.study_id, region, r.report) for r in rows]
    results: list[LabelResult | None] = [None] * len(requests)
    cached = cache.lookup(lab, requests, template.ids)
    for i, res in cached.items():
        results[i] = res
    misses = [i for i in range(len(requests)) if i not in cached]
    summary.studies += len(requests)
    summary.from_cache += len(cached)

    def on_result(j: int, res: LabelResult) -> None:
        i = misses[j]
        results[i] = res
        if res.ok:
            cache.put(lab, requests[i], res)  # commit now: a kill after this line repeats nothing

    t0 = time.perf_counter()
    if misses:
        sub = [requests[i] for i in misses]
        if show_progress:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            with Progress(TextColumn(f"labelling {region} ({lab.name})"), BarColumn(), MofNCompleteColumn(),
                          TimeElapsedColumn(), TimeRemainingColumn(), console=console, transient=False) as bar:
                task = bar.add_task(region, total=len(sub))
                label_each(lab, sub, on_result, progress=lambda n: bar.advance(task, n))
        else:
            label_each(lab, sub, on_result)
    summary.seconds += time.perf_counter() - t0

    out = LabelTable(template)
    for i, (req, res) in enumerate(zip(requests, results, strict=True)):
        if res is None:  # a labeler broke its contract; do not drop the study silently
            res = LabelResult(req.study_id, region, {}, error="labeler returned no result")
        if res.ok:
            out.add(req.study_id, res.labels, provenance(lab, req))
            if i not in cached:
                summary.new += 1
                summary.repairs.update(repair_kind(r) for r in res.repairs)
        else:
            summary.errors += 1
            summary.error_messages.append((region, req.study_id, res.error or ""))
            reason = PHI_BLOCKED if res.stats.get("phi_blocked") else "labeling failed"
            q.add(str(work / ANONYMIZED), None, None, req.study_id, reason, res.error or "")
    path = work / f"labels-{region}.csv"
    write_label_file(path, out)
    summary.labelled += len(out)
    summary.files[region] = path


def format_summary(s: LabelRunSummary) -> list[str]:
    """Human summary lines (the CLI prints them; tests read the numbers from the dataclass)."""
    lines = [f"labeler {s.labeler}" + (f", model {s.model}" if s.model else "") + f", prompt {s.prompt_version}",
             f"studies {s.studies}: labelled {s.labelled} (from cache {s.from_cache}, new {s.new}), "
             f"errors {s.errors}, unusable input rows {s.quarantined_input}"]
    if s.labeler == "llm":
        lines.append(f"LLM calls {s.llm_calls}, retries {s.retries}, format fallbacks {s.format_fallbacks} "
                     f"(response_format now {s.response_format}), PHI-blocked {s.phi_blocked}"
                     + (" (not sent; reasons in quarantine.csv)" if s.phi_blocked else ""))
        if s.invalid_answers:
            lines.append("invalid answers (asked again): " + ", ".join(f"{k} {v}" for k, v in
                                                                       s.invalid_answers.most_common()))
        lines.append(f"tokens: prompt {s.prompt_tokens}, completion {s.completion_tokens}; "
                     f"estimated cost {s.cost:.4f}")
    lines.append("repairs: " + (", ".join(f"{k} {v}" for k, v in s.repairs.most_common()) or "none"))
    lines.append(f"{s.reports_per_s:.1f} reports/s over {s.seconds:.1f} s")
    for path in s.files.values():
        lines.append(f"wrote {path}")
    if s.quarantine is not None:
        lines.append(f"quarantined studies/rows (with reasons): {s.quarantine}")
    for region, sid, err in s.error_messages[:10]:
        lines.append(f"  error {region}/{sid}: {err}")
    if len(s.error_messages) > 10:
        lines.append(f"  ... {len(s.error_messages) - 10} more errors (see quarantine.csv); rerun to retry them")
    return lines


def cli_label_run(*, site: str, labeler: str, region: list[str] | None, base_url: str | None, model: str,
                  api_key_env: str, azure_endpoint: str | None, azure_api_version: str, concurrency: int,
                  temperature: float, seed: int | None, timeout: float, max_attempts: int, response_format: str,
                  price_in: float, price_out: float, allow_remote_endpoint: bool,
                  local_endpoint_host: list[str] | None = None, ca_bundle: str | None = None) -> int:
    """The `fedrad label run` command body. Exit codes: 0 all labelled, 1 some studies failed
    (labels of the others written; rerun retries the failures), 2 the run could not start."""
    from fedrad.client.labeling.llm import LLMConfig, LLMConfigError, LLMLabeler
    from fedrad.common.clikit import make_console

    console = make_console(stderr=True)
    llm = None
    try:
        if labeler == "llm":
            llm = LLMLabeler(LLMConfig(
                model=model, base_url=base_url, api_key_env=api_key_env, azure_endpoint=azure_endpoint,
                azure_api_version=azure_api_version, concurrency=concurrency, temperature=temperature, seed=seed,
                timeout=timeout, max_attempts=max_attempts, response_format=response_format,
                price_prompt_per_1m=price_in, price_completion_per_1m=price_out,
                allow_remote_endpoint=allow_remote_endpoint, local_endpoint_hosts=list(local_endpoint_host or []),
                ca_bundle=ca_bundle))
        summary = label_site(site, labeler=labeler, llm_labeler=llm, regions=region or None, console=console)
    except (LabelRunError, LLMConfigError) as exc:
        console.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
        return 2
    for line in format_summary(summary):
        console.print(line, markup=False, highlight=False)
    return 1 if summary.errors else 0
