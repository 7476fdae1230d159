"""fedrad's ClientApp launcher: what a site's SuperNode runs instead of Flower's `flwr-clientapp`.

Why: Flower's `flwr-clientapp` installs the FAB that `flwr run` shipped and imports the ClientApp
from it, FAB folder first on `sys.path`. Whoever can submit a run (the coordinator, or anyone
with the coordinator's loopback) could then execute any code at every site: a FAB with the
genuine shim plus its own `fedrad/` package shadows the installed fedrad.

How (default, issue 15): `fedrad client start` runs the SuperNode with `--isolation process`, so Flower
starts nothing at the site (flwr/supernode/start_client_internal.py starts its SuperExec only in
`subprocess` isolation), and supervises one resident worker, `python -I -m fedrad.client.launcher --worker
127.0.0.1:<runtime port>` (run_worker). Flower 1.42 has no long-running ClientApp of its own:
`flwr-clientapp` (flwr/supernode/runtime/run_clientapp.py, run_clientapp) serves one task and ends with
flwr_exit, and its SuperExec (flwr/supercore/superexec/run_superexec.py) starts a new one per task; the
"warm executors" (flwr/supercore/superexec/executor/warm_executor*.py) are Kubernetes-only, for AgentApp/
model/connector tasks, and still one task per pod. The worker plays both parts in one process with the
same Runtime API calls: `Runtime/AcquireTask` (signed with a secret that `client start` writes anew for
each start, 0600, and hands to the SuperNode's `--superexec-auth-secret-file`: no other local process can
claim the site's tasks), then, with that task's token, the steps below, then the next task.
Alternatively (FEDRAD_CLIENTAPP=per-message, a hidden setting for bench/deploy_round.py), the SuperNode's
SuperExec starts `flwr-clientapp` by bare name per message (Flower 1.42 `TASK_TYPE_TO_COMMAND`,
`subprocess.Popen` with the inherited PATH): `fedrad client start` writes
`<site>/.fedrad/bin/flwr-clientapp` (0700), which execs this module with the site's Python in isolated
mode (`-I`: no PYTHONPATH, no current folder on sys.path), and puts that folder first on the SuperNode's
PATH. For every message (serve_task, both ways) this module then

1. pulls the message, the run and the FAB from the local SuperNode (Flower's Runtime API);
2. accepts the FAB only if its file list and every file's sha256 are exactly the shim of the
   installed fedrad version (client.fabcheck, built from common.fabshim, the coordinator's
   source of the shim); otherwise nothing is extracted, imported or run: the refusal goes to
   the site log with the FAB's sha256, to the audit log, and the coordinator gets the fixed
   error code `fedrad:refused-fab` (no text from the site);
3. runs the ClientApp imported from the *installed* package (`fedrad.client.client_app`), never
   the FAB (which is not even extracted);
4. checks the reply against the closed schema (common.replyschema) before it leaves, and appends
   one audit line (client.audit) per reply sent.

The environment of the SuperNode (and so of this process) is an allowlist
(common.flowerproc.flower_env): API keys and other secrets of the operator's shell never reach it.

What a malicious coordinator can still do (README "What leaves a hospital"):
- choose the run config values (rounds, learning rate, image size, policy ...) and the global
  weights it sends: it can make training useless or slow, or send weights crafted so that the
  returned update reveals something about the training images (gradient-inversion attacks on
  model updates are published; fedrad has no secure aggregation or differential privacy yet),
- see everything the schema allows: weights, the fixed metric set (example counts, losses,
  per-finding AUCs/thresholds/positive counts), error codes with exception class names, timing,
- stop runs, or start as many as it likes (each costs the site compute; each is audited).
It cannot: run code of its choice at the site, read files, receive free text (paths, study
ids, report text, exception messages), receive the site's environment, or make the site send
metric keys or arrays outside the schema.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

BIN_DIR = "bin"
ENTRY = "flwr-clientapp"


def install_launcher(work: Path) -> Path:
    """Write `<work>/bin/flwr-clientapp` for this Python; returns the bin folder (put it first on PATH)."""
    from fedrad.common.fileio import write_text

    bin_dir = Path(work) / BIN_DIR
    bin_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    script = (f"#!/bin/sh\n# fedrad: the site's own ClientApp launcher (fedrad.client.launcher); see its docstring\n"
              f"exec '{sys.executable}' -I -m fedrad.client.launcher \"$@\"\n")
    write_text(bin_dir / ENTRY, script, perms=0o700)
    return bin_dir


def _site() -> Path:
    site = os.environ.get("FEDRAD_SITE_DIR", "")
    if not site:
        raise SystemExit("fedrad ClientApp launcher: FEDRAD_SITE_DIR is not set (start the site with "
                         "`fedrad client start`)")
    return Path(site)


def _audit_reply(site: Path, msg, context, reply, kind: str) -> None:
    from fedrad.client import audit
    from fedrad.common.replydigest import arrays_digest

    rec: dict = {"run": context.run_id, "round": _round(msg), "kind": kind, "arrays_sha256": "", "arrays_bytes": 0,
                 "metrics": {}, "error": "", "error_code": None}
    if reply.has_error():
        rec["error"], rec["error_code"] = reply.error.reason, reply.error.code
    else:
        arrays = reply.content.array_records.get("arrays")
        if arrays is not None:
            rec["arrays_sha256"], rec["arrays_bytes"] = arrays_digest(arrays)
        metrics = reply.content.metric_records.get("metrics")
        rec["metrics"] = dict(metrics) if metrics is not None else {}
    audit.append(site, rec)


def _round(msg) -> int | None:
    try:
        cfg = msg.content.config_records.get("config")
        return int(cfg["server-round"]) if cfg is not None and "server-round" in cfg else None
    except Exception:
        return None


def answer(site: Path, msg, context, fab_content: bytes):
    """The reply to one message: refused FAB, unsupported type, or the installed ClientApp's reply."""
    from fedrad.client import audit
    from fedrad.client.fabcheck import check_fab
    from fedrad.client.sitelog import site_logger
    from fedrad.common.replyschema import CODE_OF, SchemaViolation, check_reply, error_reason, models_in
    from flwr.app import Error, Message

    log = site_logger(site)
    kind = msg.metadata.message_type
    verdict = check_fab(fab_content)
    if not verdict.ok:
        log.error("REFUSED FAB sha256=%s (run %s, %s message): not the shim of this site's fedrad: %s; "
                  "nothing from it was extracted or run", verdict.sha256, context.run_id, kind,
                  "; ".join(verdict.problems))
        audit.append(site, {"run": context.run_id, "round": _round(msg), "kind": "refused-fab",
                            "fab_sha256": verdict.sha256, "error": error_reason(CODE_OF["refused-fab"]),
                            "error_code": CODE_OF["refused-fab"], "problems": verdict.problems})
        return Message(Error(code=CODE_OF["refused-fab"], reason=error_reason(CODE_OF["refused-fab"])),
                       reply_to=msg), "refused-fab"
    log.info("run %s %s: FAB sha256=%s is this fedrad's shim; environment variables: %s; run config: %s",
             context.run_id, kind, verdict.sha256, ", ".join(sorted(os.environ)), dict(context.run_config))
    if kind not in ("train", "evaluate"):
        log.error("run %s: message type '%s' refused (fedrad answers train and evaluate only)", context.run_id, kind)
        return Message(Error(code=CODE_OF["unsupported-message"], reason=error_reason(CODE_OF["unsupported-message"])),
                       reply_to=msg), kind
    from fedrad.client.client_app import app, error_message  # the installed package, never the FAB

    try:
        reply = app(message=msg, context=context)
        check_reply(kind, reply, msg.content.array_records.get("arrays") if kind == "train" else None,
                    models_in(msg.content))
    except SchemaViolation as exc:
        log.error("run %s %s: reply stopped at the site: %s", context.run_id, kind, exc)
        reply = error_message(msg, CODE_OF["schema-violation"])
    except Exception as exc:  # the handlers are guarded; this is Flower's dispatch or a mod failing
        import traceback

        log.error("run %s %s failed outside the handler:\n%s", context.run_id, kind, traceback.format_exc())
        reply = error_message(msg, CODE_OF["site-error"], exc)
    return reply, kind


def process_started() -> float:
    """Wall-clock time this process started (Linux /proc; else now)."""
    try:
        stat = Path("/proc/self/stat").read_text()
        ticks = int(stat[stat.rindex(")") + 2:].split()[19])
        boot = next(float(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines()
                    if line.startswith("btime "))
        return boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return time.time()


def _preload_client_app():
    """Import the installed ClientApp (torch, fedrad's ML code: the largest part of a ClientApp process's
    start-up) in a background thread while the main thread talks to the SuperNode (pulling a ~94 MB message
    is mostly waiting on the socket). `answer` imports the same module and so waits for this import if it
    has not finished; a failure here is raised again there, where it is handled as before. Nothing from
    the FAB is involved: it is the package the site installed."""
    import contextlib
    import threading

    def run() -> None:
        with contextlib.suppress(Exception):  # `answer` imports it again and meets the error there
            import fedrad.client.client_app  # noqa: F401

    thread = threading.Thread(target=run, name="fedrad-preload", daemon=True)
    thread.start()
    return thread


TIMING = "timing"  # site.log line per message: where a ClientApp process's seconds went (bench/deploy_round.py)


def serve_task(client, site: Path, t_start: float, preload=None) -> int:
    """One ClientApp task on `client` (a Runtime API client carrying the task's token): pull the message,
    the run and the FAB, `answer` it, push the reply, report the task's status; Flower's run_clientapp
    (1.42) with the FAB gate instead of FAB installation, same Runtime API calls. Returns Flower's exit code
    for the task (ExitCode.SUCCESS or TASK_PROC_EXCEPTION); never raises for a failed task.

    Writes one `timing` line to the site log: the task's start (wall clock: the process start for a
    per-message process, the task's acquisition for the resident worker), then seconds spent starting and
    importing, pulling the message from the SuperNode, answering it (the handler and the checks), and
    pushing the reply to the SuperNode. Timing only: it stays at the site like the whole log."""
    from fedrad.client.sitelog import site_logger
    from flwr.common.constant import SubStatus
    from flwr.supercore.exit import ExitCode
    from flwr.supercore.heartbeat import HeartbeatSender, make_task_heartbeat_fn_http
    from flwr.supernode.runtime.run_clientapp import pull_task_input, push_message, push_task_output

    t = {"start": t_start}
    log = site_logger(site)
    context, status, heartbeat = None, SubStatus.FAILED, None
    exit_code = ExitCode.SUCCESS
    try:
        heartbeat = HeartbeatSender(make_task_heartbeat_fn_http(client))
        heartbeat.start()
        t["imported"] = time.time()
        message, context, _run, fab = pull_task_input(client)
        t["pulled"] = time.time()
        if preload is not None:
            preload.join()  # the ClientApp's imports, started in the background (_preload_client_app)
        t["preloaded"] = time.time()
        reply, kind = answer(site, message, context, fab.content)
        t["answered"] = time.time()
        push_message(client, reply, context)
        t["pushed"] = time.time()
        log.info("%s run %s %s round %s: process start %.3f, imports %.2f s, pull %.2f s, answer %.2f s, "
                 "push %.2f s, ML import wait %.2f s", TIMING, context.run_id, kind, _round(message), t["start"],
                 t["imported"] - t["start"], t["pulled"] - t["imported"], t["answered"] - t["preloaded"],
                 t["pushed"] - t["answered"], t["preloaded"] - t["pulled"])
        if kind in ("train", "evaluate"):
            _audit_reply(site, message, context, reply, kind)
        status = SubStatus.COMPLETED
    except Exception:
        import traceback

        log.error("ClientApp launcher failed (no reply was sent):\n%s", traceback.format_exc())
        exit_code = ExitCode.TASK_PROC_EXCEPTION
    finally:
        # `details` stays at the SuperNode, but is fixed text anyway: nothing site-specific in Flower's state.
        with _quietly():
            push_task_output(client=client, context=context, sub_status=status, details="")
        if heartbeat is not None and heartbeat.is_running:
            heartbeat.stop()
    return exit_code


def _quietly():
    import contextlib

    return contextlib.suppress(Exception)


def _runtime_client(address: str, insecure: bool, certificates: bytes | None, interceptors: list):
    from flwr.supercore.retry import make_simple_http_retry_invoker
    from flwr.supercore.runtime import RuntimeHttpClient

    retry = make_simple_http_retry_invoker()
    return RuntimeHttpClient.from_server_address(server_address=address, insecure=insecure,
                                                 root_certificates=certificates, interceptors=interceptors,
                                                 retry_invoker=retry), retry


def _task_client(address: str, token: str, insecure: bool, certificates: bytes | None):
    from flwr.supercore.interceptors import RuntimeTokenHttpInterceptor, RuntimeVersionHttpInterceptor

    return _runtime_client(address, insecure, certificates,
                           [RuntimeVersionHttpInterceptor(component_name="flwr-clientapp"),
                            RuntimeTokenHttpInterceptor(token)])


def run_launcher(runtime_api_address: str, token: str, insecure: bool, certificates: bytes | None,
                 parent_pid: int | None) -> None:
    """One message in a fresh process (what Flower's SuperExec starts as `flwr-clientapp` in
    `--isolation subprocess`): serve_task once, then exit with Flower's exit code."""
    t_start = process_started()
    preload = _preload_client_app()
    from flwr.supercore.app_utils import start_parent_process_monitor
    from flwr.supercore.exit import flwr_exit, register_signal_handlers
    from flwr.supercore.telemetry import EventType

    site = _site()
    if parent_pid is not None:
        start_parent_process_monitor(parent_pid)
    client, retry_invoker = _task_client(runtime_api_address, token, insecure, certificates)

    def on_exit() -> None:  # then Flower's sys.exit unwinds serve_task, which reports the task as failed
        retry_invoker.max_tries = 1

    register_signal_handlers(event_type=EventType.FLWR_CLIENTAPP_RUN_LEAVE, exit_message="Task stopped.",
                             exit_handlers=[on_exit])
    exit_code = serve_task(client, site, t_start, preload)
    client.close()
    flwr_exit(code=exit_code, event_type=EventType.FLWR_CLIENTAPP_RUN_LEAVE)


WORKER_FLAG = "--worker"
WORKER_POLL_S = 0.5  # AcquireTask interval when idle: one small local HTTP call (Flower's SuperExec: 1 s)
SECRET_ENV = "FEDRAD_SUPEREXEC_SECRET_FILE"  # noqa: S105 - the name of a variable holding a file path


def run_worker(runtime_api_address: str, secret: bytes, poll_s: float = WORKER_POLL_S) -> None:
    """The site's resident ClientApp worker (`fedrad client start` runs the SuperNode with
    `--isolation process` and supervises this process): it takes the SuperNode's place of Flower's
    SuperExec and of the per-message `flwr-clientapp` at once. It claims ClientApp tasks from the
    SuperNode's local Runtime API (Flower 1.42 `Runtime/AcquireTask`, signed with the SuperExec secret
    only this site's start knows: flwr/supercore/interceptors, SuperExecAuthHttpInterceptor) and serves
    each one in this process with the task's own token (serve_task: the same FAB gate, installed
    ClientApp, policy mods, reply schema and audit as a per-message process). So Python, Flower, torch
    and fedrad are imported once per site start, not once per message. Tasks run one after another."""
    import signal

    from flwr.proto.runtime_pb2 import AcquireTaskRequest
    from flwr.supercore.constant import TaskType
    from flwr.supercore.interceptors import RuntimeVersionHttpInterceptor, SuperExecAuthHttpInterceptor

    preload = _preload_client_app()
    site = _site()
    from fedrad.client.sitelog import site_logger

    log = site_logger(site)
    acquirer, _ = _runtime_client(runtime_api_address, True, None, [
        RuntimeVersionHttpInterceptor(component_name="SuperExec"),
        SuperExecAuthHttpInterceptor(master_secret=secret, protected_methods=frozenset(
            {"/flwr.proto.Runtime/AcquireTask"}))])
    stop = {"now": False, "task": None}

    def on_signal(_signum, _frame) -> None:
        stop["now"] = True
        if stop["task"] is not None:  # as Flower's ClientApp process: unwinding serve_task reports the task failed
            stop["task"].max_tries = 1
            raise SystemExit(0)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    log.info("resident ClientApp worker started (pid %d), claiming tasks from the SuperNode at %s", os.getpid(),
             runtime_api_address)
    served = 0
    try:
        while not stop["now"]:
            res = acquirer.AcquireTask(AcquireTaskRequest(supported_task_types=[TaskType.CLIENT_APP]))
            if not (res.HasField("task") and res.token):
                time.sleep(poll_s)
                continue
            t_start = time.time()
            client, stop["task"] = _task_client(runtime_api_address, res.token, True, None)
            try:
                serve_task(client, site, t_start, preload)
            finally:
                stop["task"] = None
                client.close()
            preload, served = None, served + 1
    finally:
        acquirer.close()
        log.info("resident ClientApp worker stopped after %d task(s)", served)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == WORKER_FLAG:
        secret_file = os.environ.get(SECRET_ENV, "")
        secret = Path(secret_file).read_bytes() if secret_file else b""
        if not secret:
            raise SystemExit(f"fedrad ClientApp worker: {SECRET_ENV} names no secret (start the site with "
                             "`fedrad client start`)")
        run_worker(sys.argv[2], secret)
        return
    from flwr.common.args import try_obtain_flwr_app_token
    from flwr.supercore.tls import validate_and_resolve_root_certificates
    from flwr.supernode.cli.flwr_clientapp import _parse_args_run_flwr_clientapp

    args = _parse_args_run_flwr_clientapp().parse_args()
    token = try_obtain_flwr_app_token(args)
    run_launcher(args.runtime_api_address, token, args.insecure,
                 validate_and_resolve_root_certificates(args.root_certificates, args.insecure), args.parent_pid)


if __name__ == "__main__":
    main()
