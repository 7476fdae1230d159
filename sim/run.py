"""`fedrad sim run`: the study's experiment across virtual hospitals on one machine.

Steps (each resumable: a finished step is not redone on a rerun with the same settings):
1. synthetic hospitals (sim.synth): N internal sites + one external hospital;
2. the site pipeline at every internal site (anonymize -> rule labels -> manifest with the
   64/16/20 split), exactly what `fedrad client prepare` does at a hospital;
3. test sets the coordinator holds, exported the way a site exports them (pixels-only PNG,
   verified labels = the synthetic image truth, as the study's hand-verified test labels):
   `internal` = every internal site's test split pooled, `external` = the whole external site;
4. one federated run per uncertainty policy through Flower's simulation engine (`flwr run`
   on a managed local SuperLink, one virtual SuperNode per site);
5. a pooled (centralized) baseline on the union of the sites' training splits;
6. the comparison report: macro AUCs, DeLong tests (inclusive vs exclusive paired on the same
   cases, internal vs external unpaired, federated vs pooled paired), curves.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from fedrad.common.clikit import make_console
from fedrad.common.fileio import read_toml, strip_ansi_file, write_json, write_text
from fedrad.common.flowerproc import free_port
from fedrad.common.runconfig import RunConfig, RunConfigError
from fedrad.sim.presets import PRESETS
from fedrad.sim.rayhead import RayHead
from fedrad.sim.raywarm import HOOK_ENV
from rich.console import Console


@dataclass(frozen=True)
class SimSettings:
    out: str = "runs/sim"  # everything goes below this folder
    sites: int = 3  # internal hospitals (one more, external, is test-only)
    studies_per_site: int = 300
    region: str = "elbow"
    image_size: int = 256  # native size of the synthetic radiographs
    non_iid_alpha: float = 1.0  # Dirichlet concentration of site sizes/prevalences (small = very non-IID)
    seed: int = 0
    policies: str = "inclusive,exclusive"  # one federated run per policy (the study's comparison)
    pooled: bool = True  # also train the centralized baseline on the union of training splits
    pooled_policy: str = "inclusive"
    # The pooled baseline's AdamW learning rate (0 = the federation's). Each arm gets the rate that
    # suits it: pooled training makes ~3x more optimizer steps per epoch than FedAvg progresses with
    # 3 sites, and on the default federation 3e-4 was best for pooled, 1e-3 for FedAvg (closing note).
    pooled_lr: float = 3e-4
    # Cores per virtual site. 0 (default, auto): on CPU every site trains at once, the cores split evenly
    # (at least one torch thread each: two cores and three sites run three one-thread sites that share the
    # cores); with a GPU one site at a time with every core (the GPU is what the sites would share). N > 0:
    # every site at once with N cores each. -1: one site at a time with every core (one Ray actor serves the
    # sites in turn; the default until session 17). Issue 15, session 17: two one-thread training processes
    # run ~1.4x the images/s of one two-thread process on two cores, and a federated round on 2 cores went
    # from 1.27x a pooled epoch (sequential) to 0.97x (docs/sim-results.md).
    cpus_per_site: int = 0
    seeds: int = 1  # repeat every arm with run seeds seed..seed+N-1 (init and data order; same hospitals)
    share_local_models: bool = True  # the synthetic sites' policy: allow cross-site evaluation of local models
    # One Ray instance for all federated arms, started while the site pipeline runs (sim.rayhead; issue 15,
    # session 31: each arm's own `ray.init` had cost 2.4-3.7 s of round 1). false: each arm starts its own.
    shared_ray: bool = True

    def policy_list(self) -> list[str]:
        return [p.strip() for p in self.policies.split(",") if p.strip()]


# CPU defaults (2 cores, <= 8 min for two federated runs and the pooled baseline, issue 15).
SYNTHETIC_PIXELS = "fedrad sim: synthetic images, rendered without text"  # the exports' --pixels-checked
RECIPE_FILE = "recipe.txt"  # beside run-config.toml in every arm's folder
ARM_TIME = "arm-time.json"  # wall-clock marks of an arm trained by this invocation (bench/arm_phases.py)
# bn-local (issue 13, session 6): the federated-averaged BatchNorm statistics fit no site's activations
# under the averaged weights; the same seed-0 FedAvg weights scored with statistics re-estimated on each
# evaluated set (sites' validation, test sets) went from internal macro AUC 0.58 to 0.71 and external
# fracture AUC 0.50 to 0.91 (README, "Results that transfer to a new scanner"). Training is unchanged.
# Session 7 (issues 13, 15): ResNet18 (a step costs ~1/3 of ResNet50's) and 4 rounds x 1 local epoch (4 passes
# per arm; pooled: 4 epochs) so the whole default run fits 8 minutes on 2 idle cores; FedBN's recalibrated global
# model reached internal macro AUC 0.71 at round 4 (0.74 at round 5) on seed 0 (docs/sim-results.md, session 7).
# select-round "last": the sites' validation (26-69 studies each) is too noisy to pick among 4 rounds.
# Session 9 (issue 15): not changed. Batch 32 with the learning rates scaled with it (2e-3 / pooled 6e-4) at 3 passes
# trained a weaker model on seed 0 (federated-inclusive fracture AUC 0.93 vs 0.97, supported macro AUC 0.75 vs 0.82);
# 3 passes at batch 16 still lacks its 3-seed check of every arm (docs/sim-results.md, session 9).
# The study's model (RunConfig's default, `--preset paper`) stays ResNet50.
# Session 17 (issue 15): cross-site evaluation is opt-in for `sim run` (`[run] cross_site = true`; the synthetic sites'
# policy then shares their local models, SimSettings.share_local_models): it made each site evaluate four models in
# the last message (~4-8 s an arm) for a matrix the study's comparison does not use; deployments keep it on.
# Session 17 (issues 13, 15): FedAvg's site learning rate 1e-3 -> 5e-4. With the sites at once (one torch thread each)
# the inclusive arm at 1e-3 swung with the rounding (internal macro AUC 0.641 / 0.717 / 0.719 over seeds 0-2); at 5e-4,
# three seeds of both federated arms: inclusive 0.722 +- 0.004 (supported 0.840), exclusive 0.752 +- 0.013 (0.836),
# against 0.693 +- 0.044 / 0.729 +- 0.023 at 1e-3 (docs/sim-results.md, session 17). Pooled keeps its 3e-4.
DEFAULT_RUN = RunConfig(arch="resnet18", image_size=64, num_server_rounds=4, local_epochs=1, batch_size=16, lr=5e-4,
                        lr_step=100, bn_local=True, select_round="last", cross_site=False)


def load_settings(config: Path | None, preset: str, sim_overrides: dict[str, Any],
                  run_overrides: dict[str, Any]) -> tuple[SimSettings, RunConfig]:
    """Defaults < preset < TOML file ([sim] and [run] tables) < command-line flags."""
    if preset not in PRESETS:
        raise RunConfigError(f"unknown preset '{preset}' (choose {', '.join(PRESETS)})")
    sim_kw = dict(PRESETS[preset]["sim"])
    run_kw = {k.replace("_", "-"): v for k, v in PRESETS[preset]["run"].items()}
    if config:
        data = read_toml(config, RunConfigError, "config file")
        unknown = set(data) - {"sim", "run"}
        if unknown:
            raise RunConfigError(f"{config}: unknown table(s) {sorted(unknown)}; use [sim] and [run]")
        names = {f.name for f in fields(SimSettings)}
        for k, v in data.get("sim", {}).items():
            if k.replace("-", "_") not in names:
                raise RunConfigError(f"{config}: [sim] unknown key '{k}' (known: {', '.join(sorted(names))})")
            sim_kw[k.replace("-", "_")] = v
        run_kw.update(data.get("run", {}))
    sim_kw.update({k: v for k, v in sim_overrides.items() if v is not None})
    run_kw.update({k.replace("_", "-"): v for k, v in run_overrides.items() if v is not None})
    settings = SimSettings(**sim_kw)
    base = DEFAULT_RUN.to_flower()
    base.update(run_kw)
    run = RunConfig.from_mapping(base, source=str(config or "flags"), strict=True)
    run = replace(run, region=settings.region, min_sites=settings.sites)
    return settings, run


# ------------------------------------------------------------------------------ steps
def make_hospitals(settings: SimSettings, console: Console) -> Path:
    from fedrad.sim.synth import synthesize

    root = Path(settings.out).resolve() / "hospitals"
    marker = root / "synth.json"
    want = {"sites": settings.sites, "studies_per_site": settings.studies_per_site, "region": settings.region,
            "image_size": settings.image_size, "seed": settings.seed, "alpha": settings.non_iid_alpha}
    stamp = root / "fedrad-sim.json"
    if marker.is_file() and stamp.is_file() and json.loads(stamp.read_text()) == want:
        console.print(f"[dim]1/6 synthetic hospitals: reusing {root}[/dim]")
        return root
    console.rule("1/6 synthetic hospitals")
    synthesize(root, sites=settings.sites, studies_per_site=settings.studies_per_site, regions=(settings.region,),
               external_site=True, seed=settings.seed, image_size=settings.image_size,
               non_iid_alpha=settings.non_iid_alpha, force=True)
    write_json(stamp, want)
    return root


def site_dirs(root: Path) -> tuple[list[Path], Path]:
    sites = sorted(p for p in (root / "sites").iterdir() if p.is_dir() and p.name.startswith("site-"))
    return sites, root / "sites" / "external"


def prepare_sites(sites: list[Path], external: Path, run: RunConfig, console: Console, *,
                  share_local_models: bool = True, workers: int = 0) -> None:
    """`fedrad client prepare` at every hospital. workers > 1: that many hospitals at once, each in its own
    process (the pipeline is single-threaded Python; the hospitals share no file), as separate hospitals do."""
    from fedrad.client.policy import SitePolicy, write_policy

    console.rule("2/6 site pipeline (anonymize -> rule labels -> manifest) at every hospital")
    for site in sites:  # what each hospital's operator decides in its own fedrad-site.toml
        write_policy(site, SitePolicy(share_local_model=share_local_models))
    todo = [*sites, external]
    lines = _per_hospital(_prepare_one, [(str(site), run.region, run.image_size, run.seed) for site in todo], workers)
    for site, line in zip(todo, lines, strict=True):
        console.print(f"  {site.name}: {line}")


def _per_hospital(fn, jobs: list[tuple], workers: int) -> list:
    """`fn(*job)` for every job, in `workers` spawned processes at once when workers > 1 (the hospitals share
    no file; `fn` is a top-level function), else one after another; results in job order."""
    if workers > 1 and len(jobs) > 1:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=mp.get_context("spawn")) as pool:
            return list(pool.map(fn, *zip(*jobs, strict=True)))
    return [fn(*job) for job in jobs]


def _prepare_one(site: str, region: str, image_size: int, seed: int) -> str:
    """One hospital's pipeline (a top-level function: it runs in a worker process); its summary line."""
    from fedrad.client.prepare import prepare_site

    s = prepare_site(Path(site), labeler="rules", regions=[region], image_size=image_size, seed=seed, progress=False)
    m = s.regions.get(region)
    return (f"{s.anonymized} reports, {s.labelled} labelled, {m.studies if m else 0} studies in the manifest "
            f"{dict(m.splits) if m else {}}, {sum(s.quarantine.values())} quarantined, {s.phi_suspects} PHI suspects")


def truth_labels(root: Path, site: Path, region: str):
    """The synthetic image truth as a verified true/false LabelTable (the study's verified test labels)."""
    from fedrad.common.labels import Label, LabelTable, read_csv_text
    from fedrad.common.templates import load_template

    template = load_template(region)
    path = root / "truth" / site.name / f"image-labels-{region}.csv"
    header, body = read_csv_text(path)
    col = {h: i for i, h in enumerate(header)}
    table = LabelTable(template)
    for cells in body:
        if cells:
            table.add(cells[0], {fid: Label.TRUE if cells[col[fid]].strip() in ("1", "true") else Label.FALSE
                                 for fid in template.ids})
    return table


def export_test_sets(root: Path, sites: list[Path], external: Path, run: RunConfig, out: Path,
                     console: Console) -> dict[str, Path]:
    console.rule("3/6 test sets held by the coordinator")
    sets = {"internal": out / "testsets" / "internal", "external": out / "testsets" / "external"}
    done = out / "testsets" / "exported.json"
    if done.is_file() and json.loads(done.read_text()) == {"region": run.region, "size": run.image_size}:
        console.print("[dim]  reusing exported test sets[/dim]")
        return sets
    for folder in sets.values():
        shutil.rmtree(folder, ignore_errors=True)
    # Every hospital exports its own set (as each would at home), two at a time on two cores or more: decoding
    # and re-encoding ~1,000 images was 19 s of the default run's 8-9 minutes in one process (issue 15).
    jobs = [(str(root), str(s), str(out / "testsets" / f"internal-{s.name}"), run.region, "test") for s in sites]
    jobs.append((str(root), str(external), str(sets["external"]), run.region, "all"))
    _per_hospital(_export_one, jobs, min(2, site_cores(0, 1)[0]))
    _merge_exports([Path(j[2]) for j in jobs[:-1]], sets["internal"], run.region)
    warm_test_caches(sets, run)
    write_json(done, {"region": run.region, "size": run.image_size})
    for name, folder in sets.items():
        n = len((folder / f"labels-{run.region}.csv").read_text().splitlines()) - 1
        console.print(f"  {name}: {n} studies -> {folder}")
    return sets


def warm_test_caches(sets: dict[str, Path], run: RunConfig) -> None:
    """Letterbox the coordinator's test sets into their image caches once, as a coordinator does when it receives
    a set: otherwise the first arm's report decodes them and every later arm (the pooled one included) reads the
    cache, which charged ~3 s of decoding to the first federated arm alone (issue 15, session 18)."""
    from fedrad.server.testsets import load_test_set, warm_test_set_cache

    template = run.template()
    for name, folder in sets.items():
        warm_test_set_cache(load_test_set(name, folder, template), image_size=run.image_size, channels=run.channels,
                            views=template.views, intensity=run.intensity, workers=min(2, site_cores(0, 1)[0]))


def _export_one(root: str, site: str, dest: str, region: str, split: str) -> None:
    """One hospital's test-set export with its image truth as the verified labels (a top-level function:
    it runs in a worker process)."""
    from fedrad.client.export import export_test_set

    export_test_set(site, dest, region, split=split, labels=truth_labels(Path(root), Path(site), region),
                    pixels_checked=SYNTHETIC_PIXELS, progress=False)


def _merge_exports(parts: list[Path], dest: Path, region: str) -> None:
    """Pool several exported folders into one (ids are random 64-bit tokens: unique across sites)."""
    import csv

    dest.mkdir(parents=True, exist_ok=True)
    images, labels_header, label_rows, manifests = [], None, [], []
    for src in parts:
        shutil.copytree(src / "images", dest / "images", dirs_exist_ok=True)
        with open(src / "images.csv", newline="") as fh:
            images += list(csv.reader(fh))[1:]
        with open(src / f"labels-{region}.csv", newline="") as fh:
            rows = list(csv.reader(fh))
        labels_header = rows[0]
        label_rows += rows[1:]
        manifests.append(json.loads((src / "export.json").read_text()))
        shutil.rmtree(src)
    if len({r[0] for r in label_rows}) != len(label_rows):
        raise RuntimeError("two exported test sets share an export id")  # 64 random bits: not expected
    write_text(dest / "images.csv", "study_id,view,path\n" + "".join(",".join(r) + "\n" for r in images))
    write_text(dest / f"labels-{region}.csv",
               ",".join(labels_header) + "\n" + "".join(",".join(r) + "\n" for r in label_rows))
    write_json(dest / "export.json", {"format": 1, "merged": manifests})


# ------------------------------------------------------------------------------ federation
def ray_env(home: Path, threads: int) -> dict[str, str]:
    """common.flowerproc's environment for the simulation's Ray processes (its workers are the virtual sites).

    RAY_worker_niceness: Ray renices its workers (the virtual sites) by +15 by default; on a machine shared
    with other jobs the sites then get a small fraction of the CPU the coordinator gets. OMP_NUM_THREADS = every
    core: the ServerApp scores the test sets after the last round, when the sites are idle (with the sites' one
    thread each it took 1.9x the pooled arm's scoring, session 17); a site's torch threads come from
    FEDRAD_TORCH_THREADS (client.task). RAY_ADDRESS=local: a new Ray instance, never the cluster some `ray start`
    on the machine recorded in /tmp/ray/ray_current_cluster (sim.rayhead); an arm that joins the simulation's
    shared instance gets its address instead."""
    from fedrad.common.flowerproc import flower_env as base_env

    return base_env(home, threads=threads, extra={"OMP_NUM_THREADS": str(site_cores(-1, 1)[0]), "RAY_DEDUP_LOGS": "0",
                                                  "RAY_worker_niceness": "0", "RAY_ADDRESS": "local"})


def flower_env(home: Path, port: int, threads: int) -> dict[str, str]:
    """ray_env plus the ports of the managed local (simulation) SuperLink, and RAY_RUNTIME_ENV_HOOK
    (sim.raywarm): the ClientApp actor imports what its first message needs while the ServerApp sets up."""
    return {**ray_env(home, threads), "FLWR_LOCAL_SUPERLINK_HTTP_API_PORT": str(port),
            "FLWR_LOCAL_CONTROL_API_PORT": str(free_port()), **HOOK_ENV}


def arm_cores(cpus_per_site: int, n_sites: int, device: str) -> tuple[int, int]:
    """site_cores for a federated arm on `device` (a GPU makes the sites take turns): what the shared Ray instance is
    started with and what each arm asks of it."""
    from fedrad.common.device import pick_device

    return site_cores(cpus_per_site, n_sites, gpu=pick_device(device).type != "cpu")


def start_ray_head(out: Path, cpus_per_site: int, n_sites: int, device: str) -> RayHead:
    """The simulation's one Ray instance (sim.rayhead), started now, joined by every federated arm."""
    per_site, ray_cpus = arm_cores(cpus_per_site, n_sites, device)
    folder = out / "runs" / ".ray"
    folder.mkdir(parents=True, exist_ok=True)
    return RayHead(folder, ray_cpus, per_site, ray_env(out / "runs" / ".flwr-home", per_site))


# Ray gives its node 30 s to start (hard-coded); a machine busy with other work can miss that. Nothing
# of the run has happened then, so the same run is simply submitted again.
RAY_START_FAILED = "The current node timed out during startup"
RAY_START_ATTEMPTS = 3


def start_simulation_superlink(home: Path, port: int, env: dict[str, str]):
    """The simulation's SuperLink, started by us rather than by `flwr run` (which finds it healthy and
    uses it): its state in memory (Flower's own local SuperLink keeps every 190 MB message in a SQLite
    file), no 15 s start-up limit (a busy machine misses it), and stopped by its process id."""
    from fedrad.common.flowerproc import Child, wait_health

    logs = home / "local-superlink"
    cmd = ["flower-superlink", "--insecure", "--simulation", "--host", "127.0.0.1", "--port", str(port),
           "--disable-runtime-dependency-installation", "--log-file", str(logs / "superlink.log")]
    child = Child("simulation SuperLink", cmd, env, logs / "superlink.out", cwd=home)
    try:
        wait_health(f"http://127.0.0.1:{port}/health", timeout=300, child=child)
    except Exception:
        child.stop()
        raise
    return child


def site_work(site: Path, run: RunConfig) -> int:
    """A site's share of a round's compute, in validation-study units: its training studies (at most
    `max-train-studies`) count three times (forward, backward, step), its validation studies once (a forward pass)."""
    from fedrad.client.prepare import read_manifest

    rows = read_manifest(site, run.region)
    train = sum(r.split == "train" for r in rows)
    return 3 * (min(train, run.max_train_studies) if run.max_train_studies else train) * run.local_epochs + sum(
        r.split == "val" for r in rows)


def site_cpu_plan(work: list[float], cpus: list[int]) -> list[int]:
    """The CPU each one-thread virtual site runs on (RunConfig.sim_site_cpus), or [] (the OS decides) when there
    are no more sites than CPUs.

    Why: a site's thread count is fixed (its arithmetic, and so the run's results, must not depend on timing), and
    the OS shares the cores evenly between runnable threads. On two cores with sites of 278, 193 and 106 training
    studies each gets 2/3 of a core until the smallest is done, and the largest then finishes on its own: the
    round lasts ~331 study-units. Placed longest first on the least-loaded CPU (the largest site on a core of its
    own, the other two sharing the second) it lasts ~299, with identical arithmetic (issue 15)."""
    if len(work) <= len(cpus) or len(cpus) < 2:
        return []
    load = dict.fromkeys(cpus, 0.0)
    plan = [cpus[0]] * len(work)
    for i in sorted(range(len(work)), key=lambda i: (-work[i], i)):
        cpu = min(cpus, key=lambda c: (load[c], c))
        plan[i] = cpu
        load[cpu] += work[i]
    return plan


def site_cores(cpus_per_site: int, n_sites: int, *, gpu: bool = False) -> tuple[int, int]:
    """(torch threads per virtual site, logical CPUs Ray hands out: one ClientApp actor per
    `threads` of them). See SimSettings.cpus_per_site: N > 0 = every site at once with N each; 0 = auto
    (CPU: every site at once, the cores split evenly; GPU: one site at a time); -1 = one site at a time
    with every core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cpus_per_site > 0:
        return cpus_per_site, cpus_per_site * n_sites
    if cpus_per_site == 0 and not gpu and n_sites > 1:
        per = max(1, cores // n_sites)
        return per, per * n_sites
    return cores, cores


def _wait_for_report(proc: subprocess.Popen, progress: Path, poll: float = 0.2) -> int | None:
    """`flwr run`'s exit code, or None as soon as the ServerApp's `report-done` event is in progress.jsonl.

    After that event the run's folder is complete (checkpoints, history, report.md/html/json); what
    follows is Flower's simulation shutting down (Ray's actors and daemons, the run's status) and `flwr
    run` noticing: ~4-5 s per arm here (issue 15), which the caller skips by stopping the SuperLink's
    process tree (sim.run's SuperLink keeps its state in memory: nothing is lost)."""
    from fedrad.server.progress import read_events

    offset = progress.stat().st_size if progress.is_file() else 0  # a resumed run's earlier events don't count
    while True:
        try:
            return proc.wait(poll)
        except subprocess.TimeoutExpired:
            pass
        events, offset = read_events(progress, offset)
        if any(ev.get("event") == "phase" and ev.get("name") == "report-done" for ev in events):
            return None


def run_federation(run: RunConfig, out_run: Path, sites: list[Path], test_sets: dict[str, Path], *,
                   cpus_per_site: int, console: Console, label: str = "", ray: RayHead | None = None) -> Path:
    """One federated run through Flower's simulation engine; returns the run folder. With `ray` (the
    simulation's shared Ray instance, sim.rayhead) the arm joins it instead of starting Ray of its own."""
    from fedrad.server.flwr_app import write_app_dir
    from fedrad.server.recorder import PROGRESS

    out_run = out_run.resolve()
    if _finished(out_run, _fed_config(run, out_run, sites, test_sets)):
        console.print(f"[dim]  {label}: reusing finished run {out_run}[/dim]")
        return out_run
    _start(out_run)
    per_site, ray_cpus = arm_cores(cpus_per_site, len(sites), run.device)
    cfg = _fed_config(run, out_run, sites, test_sets)
    # where each one-thread site runs (set here whatever a config file says: the placement is the simulation's)
    plan = site_cpu_plan([site_work(s, run) for s in sites], sorted(os.sched_getaffinity(0))) \
        if per_site == 1 and hasattr(os, "sched_getaffinity") else []
    cfg = replace(cfg, sim_site_cpus=",".join(map(str, plan)))
    last = out_run / "checkpoints" / "last.pt"
    if last.is_file():  # an interrupted run resumes from its last round
        cfg = replace(cfg, resume_from=str(last))
    app_dir = write_app_dir(out_run.parent / ".flwr-app")
    overrides = out_run / "flower-run-config.toml"
    write_text(overrides, cfg.to_toml())
    port = free_port()
    env = flower_env(out_run.parent / ".flwr-home", port, per_site)
    federation = f"num-supernodes={len(sites)} client-resources-num-cpus={per_site}"
    t0 = time.time()
    marks = {"start": t0}  # wall-clock marks of the arm (arm-time.json; bench/arm_phases.py)
    shared = ray.address_for(ray_cpus, per_site) if ray is not None else None
    marks["ray_ready"] = time.time()  # the shared instance (if any) ready: a wait here is the arm's time too
    if shared:  # the instance has its CPUs; Ray refuses num_cpus when joining one
        env["RAY_ADDRESS"] = shared
    else:
        federation += f" init-args-num-cpus={ray_cpus}"
        if ray is not None and ray.failed:
            console.print(f"  {label}: {ray.failed}; this arm starts Ray of its own", highlight=False, soft_wrap=True)
    cmd = ["flwr", "run", str(app_dir), "--run-config", str(overrides), "--federation-config", federation, "--stream"]
    log_path = out_run / "flower.log"
    from fedrad.server.progress import Follower

    def emit(text: str) -> None:
        console.print(f"  {text}", highlight=False, markup=False, soft_wrap=True)  # one line, any width

    # Flower's own output goes to flower.log only; the terminal gets fedrad's per-round lines.
    with console.status(f"{label}: federated training (Flower's log: {log_path})"), \
            Follower(out_run, emit, label=label), open(log_path, "w") as log:
        superlink = start_simulation_superlink(Path(env["FLWR_HOME"]), port, env)
        marks["superlink_up"] = time.time()
        try:
            for attempt in range(1, RAY_START_ATTEMPTS + 1):
                start = log.tell()
                proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, text=True, env=env, cwd=out_run)
                try:
                    rc = _wait_for_report(proc, out_run / PROGRESS)
                finally:
                    if proc.poll() is None:
                        proc.terminate()
                if rc is None:  # every result is written: Flower's and Ray's teardown is not waited for
                    marks["report_done"] = time.time()
                    rc = 0
                    break
                log.flush()
                with open(log_path, errors="replace") as fh:
                    fh.seek(start)
                    ray_failed = RAY_START_FAILED in fh.read()
                if not ray_failed or attempt == RAY_START_ATTEMPTS:
                    break
                emit(f"{label}: Ray did not start within its 30 s (busy machine?); retrying")
            marks["flwr_exited"] = time.time()
        finally:
            # After report-done nothing of the run is left to save: the SuperLink's tree (its SuperExec, the
            # simulation process, Ray's daemons and actor) goes at once; otherwise Flower stops gracefully.
            superlink.kill() if "report_done" in marks else superlink.stop()
    strip_ansi_file(log_path)
    if rc != 0 or not (out_run / "report.md").is_file():
        tail = "".join(log_path.read_text().splitlines(keepends=True)[-25:])
        raise RuntimeError(f"federated run failed (exit {rc}); Flower log: {log_path}\n{tail}")
    marks["end"] = time.time()
    write_json(out_run / ARM_TIME, {**marks, "wall_s": marks["end"] - t0})
    console.print(f"  {label}: finished in {time.time() - t0:.0f} s -> {out_run / 'report.md'}")
    return out_run


def _recipe() -> str:
    from fedrad.common import __version__
    from fedrad.common.preprocess import RECIPE

    return f"fedrad {__version__}, preprocessing recipe {RECIPE}\n"


def _start(out_run: Path) -> None:
    """A run folder about to train: it records the recipe it trains with (see _finished)."""
    out_run.mkdir(parents=True, exist_ok=True)
    write_text(out_run / RECIPE_FILE, _recipe())


def _finished(out_run: Path, cfg: RunConfig) -> bool:
    """A run folder whose report exists, whose saved config equals the wanted one and which was trained
    with this fedrad's preprocessing recipe (the config does not describe the code's augmentation)."""
    saved, recipe = out_run / "run-config.toml", out_run / RECIPE_FILE
    return ((out_run / "report.md").is_file() and saved.is_file() and recipe.is_file()
            and recipe.read_text() == _recipe()
            and replace(RunConfig.from_toml(saved), resume_from="", sim_site_cpus="") == replace(cfg, resume_from=""))


def _fed_config(run: RunConfig, out_run: Path, sites: list[Path], test_sets: dict[str, Path]) -> RunConfig:
    return replace(run, output_dir=str(out_run), sim_site_dirs=",".join(str(s.resolve()) for s in sites),
                   test_sets=",".join(f"{k}={v.resolve()}" for k, v in test_sets.items()), min_sites=len(sites),
                   resume_from="")


# ------------------------------------------------------------------------------ pooled baseline
def run_pooled(run: RunConfig, out_run: Path, sites: list[Path], test_sets: dict[str, Path],
               console: Console) -> Path:
    """Centralized training on the union of the sites' training splits (what federation is compared to)."""
    from fedrad.client.task import make_loader, site_dataset
    from fedrad.common.dataset import ConcatStudies
    from fedrad.common.device import pick_device, seed_everything
    from fedrad.common.metrics import weighted_auc, youden_thresholds
    from fedrad.common.model import build_model, load_checkpoint
    from fedrad.common.train import predict
    from fedrad.server.recorder import HISTORY_JSON
    from fedrad.server.report import write_report
    from fedrad.sim.fit import fit

    out_run = out_run.resolve()
    cfg = _fed_config(run, out_run, sites, test_sets)
    if _finished(out_run, cfg):
        console.print(f"[dim]  pooled: reusing finished run {out_run}[/dim]")
        return out_run
    _start(out_run)
    marks = {"start": time.time()}
    write_text(out_run / "run-config.toml", cfg.to_toml())
    seed_everything(cfg.seed)
    train = ConcatStudies([site_dataset(s, cfg, "train", train=True) for s in sites])
    val = ConcatStudies([site_dataset(s, cfg, "val", train=False) for s in sites])
    tl = make_loader(train, cfg.batch_size, train=True, seed=cfg.seed)
    vl = make_loader(val, max(cfg.batch_size, 16), train=False)
    template = cfg.template()
    mcfg = replace(cfg.model_config(), pretrained=cfg.pretrained or None)
    model = build_model(mcfg)
    tcfg = cfg.train_config(num_workers=0, progress=True)
    ckdir = out_run / "checkpoints"
    marks["setup_done"] = time.time()
    res = fit(model, tl, vl, tcfg, out_dir=ckdir, ids=template.ids, model_cfg=mcfg, console=console,
              resume=ckdir / "checkpoint.pt" if (ckdir / "checkpoint.pt").is_file() else None)
    marks["fit_done"] = time.time()
    best_model, _, _ = load_checkpoint(ckdir / "best.pt", template=template)
    device = pick_device(cfg.device)
    scores, y, m = predict(best_model.to(device), vl, device)
    thr = youden_thresholds(y, scores, m)[0]  # the one threshold rule, honouring the policy's mask
    rounds = [{"round": i + 1, "train_loss": h.get("train_loss"), "val_weighted_auc": h.get("weighted_auc"),
               "val_macro_auc": h.get("macro_auc")} for i, h in enumerate(res.history)]
    write_json(out_run / HISTORY_JSON, {"best": {"round": (res.best_epoch or 0) + 1, "metric": res.best_metric,
                                                 "val_threshold": thr, "val_threshold_rule": "pooled-validation",
                                                 "val_weighted_auc": float(weighted_auc(y, scores, m))},
                                        "rounds": rounds})
    marks["report_start"] = time.time()
    write_report(out_run)
    marks["end"] = time.time()
    write_json(out_run / ARM_TIME, {**marks, "wall_s": marks["end"] - marks["start"]})
    return out_run


# ------------------------------------------------------------------------------ the whole experiment
def seed_list(first: int, n: int) -> list[int]:
    """Run seeds of an N-seed experiment: first..first+N-1 (the first one is the single-seed run)."""
    if n < 1:
        raise RunConfigError(f"seeds: must be >= 1, got {n}")
    return [first + i for i in range(n)]


@dataclass
class SimResult:
    out: Path
    runs: dict[str, Path] = field(default_factory=dict)  # the first seed's arms (the single-seed run)
    seed_runs: dict[int, dict[str, Path]] = field(default_factory=dict)  # every seed's arms
    report: Path | None = None
    seconds: float = 0.0
    arm_seconds: dict[str, float] = field(default_factory=dict)  # the first seed's wall time per arm (reused: absent)
    seed_arm_seconds: dict[int, dict[str, float]] = field(default_factory=dict)  # every seed's, the same way


def _trained_since(out_run: Path, t0: float, fresh: bool = True) -> bool:
    """Did this invocation train the whole arm (its report written after t0, no checkpoint before it
    started: `fresh`), or reuse or resume one? A resumed arm's time is not the arm's (it printed
    '45 s for 10 passes' for a pooled arm resumed after its last epoch)."""
    report = out_run / "report.md"
    return fresh and report.is_file() and report.stat().st_mtime >= t0


def _no_checkpoint(out_run: Path) -> bool:
    """No checkpoint yet: this invocation trains the arm from its first round or epoch."""
    ckpt = out_run / "checkpoints"
    return not ckpt.is_dir() or not any(ckpt.iterdir())


def _pooled_seconds(seconds: dict[str, float]) -> float | None:
    return next((v for k, v in seconds.items() if k.startswith("pooled")), None)


def print_arm_times(seed_seconds: dict[int, dict[str, float]], run: RunConfig, console: Console) -> None:
    """Each arm's wall time at the same number of passes over the training data, against the same seed's
    pooled arm (the cost of federation), per seed, and with several seeds the mean over the seeds that timed
    the arm (and its pooled arm: the mean ratio). Arms reused or resumed from an earlier invocation are not timed."""
    passes = run.num_server_rounds * run.local_epochs
    many = len(seed_seconds) > 1
    for seed, seconds in seed_seconds.items():
        pooled = _pooled_seconds(seconds)
        for name, secs in seconds.items():
            ratio = f" = {secs / pooled:.2f}x pooled" if pooled and not name.startswith("pooled") else ""
            tag = f" (seed {seed})" if many else ""
            console.print(f"  wall time {name}{tag}: {secs:.0f} s for {passes} passes{ratio}", highlight=False)
    if not many:
        return
    names = list(dict.fromkeys(n for seconds in seed_seconds.values() for n in seconds))
    for name in names:
        secs = [s[name] for s in seed_seconds.values() if name in s]
        ratios = [s[name] / p for s in seed_seconds.values() if name in s and not name.startswith("pooled")
                  and (p := _pooled_seconds(s))]
        ratio = f", {sum(ratios) / len(ratios):.2f}x pooled" if ratios else ""
        console.print(f"  wall time {name}, mean over {len(secs)} seed(s): {sum(secs) / len(secs):.0f} s{ratio}",
                      highlight=False)


def simulate(settings: SimSettings, run: RunConfig, console: Console | None = None) -> SimResult:
    console = console or make_console()
    t0 = time.time()
    out = Path(settings.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    write_text(out / "sim-config.toml", "[sim]\n" + "".join(f"{k.replace('_', '-')} = {json.dumps(v)}\n"
                                                           for k, v in asdict(settings).items())
               + "\n[run]\n" + run.to_toml())
    root = make_hospitals(settings, console)
    sites, external = site_dirs(root)
    # One Ray instance for every federated arm, starting while the hospitals prepare (sim.rayhead).
    ray = (start_ray_head(out, settings.cpus_per_site, len(sites), run.device)
           if settings.shared_ray and settings.policy_list() else None)
    try:
        return _experiment(settings, run, console, out, root, (sites, external), ray, t0)
    finally:
        if ray is not None:
            ray.stop()


def _experiment(settings: SimSettings, run: RunConfig, console: Console, out: Path, root: Path,
                hospitals: tuple[list[Path], Path], ray: RayHead | None, t0: float) -> SimResult:
    """simulate()'s steps 2-6; `hospitals`: site_dirs(root), listed once by simulate()."""
    from fedrad.sim.compare import write_comparison

    sites, external = hospitals
    # Two hospitals at a time on two cores or more: the pipeline (41 s of session 8's idle default run) is
    # single-threaded Python (anonymizer, rule lexicon, image decoding).
    prepare_sites(sites, external, run, console, share_local_models=settings.share_local_models,
                  workers=min(2, site_cores(0, 1)[0]))
    test_sets = export_test_sets(root, sites, external, run, out, console)
    result = SimResult(out)
    for i, seed in enumerate(seed_list(run.seed, settings.seeds)):
        runs_dir = out / "runs" if i == 0 else out / "runs" / f"seed-{seed}"  # seed 0 = the single-seed run
        tag = "" if settings.seeds == 1 else f" (seed {seed}, {i + 1}/{settings.seeds})"
        arms = result.runs if i == 0 else {}
        timed = result.seed_arm_seconds.setdefault(seed, {})
        console.rule(f"4/6 federated training (Flower simulation engine){tag}")
        for policy in settings.policy_list():
            name = f"federated-{policy}"
            t1, fresh = time.time(), _no_checkpoint(runs_dir / name)
            arms[name] = run_federation(
                replace(run, policy=policy, seed=seed), runs_dir / name, sites, test_sets,
                cpus_per_site=settings.cpus_per_site, console=console, label=f"federated {policy}{tag}", ray=ray)
            if _trained_since(arms[name], t1, fresh):
                timed[name] = time.time() - t1
        if settings.pooled:
            console.rule(f"5/6 pooled (centralized) baseline{tag}")
            name = f"pooled-{settings.pooled_policy}"
            t1, fresh = time.time(), _no_checkpoint(runs_dir / name)
            arms[name] = run_pooled(
                # no sites, no site-local statistics: pooled keeps (and thresholds with) its own BatchNorm statistics
                # and picks its epoch by its pooled validation (sim.fit), 143 studies: select-round "best"
                replace(run, policy=settings.pooled_policy, lr=settings.pooled_lr or run.lr, seed=seed, bn_local=False,
                        select_round="best"),
                runs_dir / name, sites, test_sets, console)
            if _trained_since(arms[name], t1, fresh):
                timed[name] = time.time() - t1
                console.print(f"  pooled{tag}: finished in {timed[name]:.0f} s")
        result.seed_runs[seed] = dict(arms)
        if i == 0:
            result.arm_seconds = timed
    print_arm_times({s: t for s, t in result.seed_arm_seconds.items() if t}, run, console)
    console.rule("6/6 comparison")
    result.report = write_comparison(out, result.runs, console=console,
                                     seed_runs=result.seed_runs if settings.seeds > 1 else None)
    result.seconds = time.time() - t0
    console.print(f"\n[bold]done in {result.seconds / 60:.1f} min.[/bold] Report: {result.report}")
    return result
