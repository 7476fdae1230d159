"""What a federated run remembers: per-site replies, aggregated validation metrics, server-side
test-set metrics, checkpoints (last and best) and the history files. No Flower import.

The best checkpoint is chosen by the sites' aggregated validation AUC, never by a test set's
AUC (a test set that picks the model is no longer a test set).

A round is one message per site (issue 15): in round r a site validates the global model it
receives (round r-1's) and then trains. Every history row still describes one global model: row
r's validation fields are filled in when round r+1's replies arrive (the final model's by one
evaluate-only message at the end), and the best checkpoint is chosen then, by linking the
checkpoint of round r (still `last.pt` at that moment) as `best.pt`. Server-side test-set metrics
per round are optional (`test-every`); the report evaluates the chosen checkpoint at the end.

Aggregation across sites is per finding, weighted by each site's positives, skipping sites where
the finding has no AUC; the Youden thresholds the sites send are aggregated the same way.
"""

from __future__ import annotations

import csv
import json
import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from fedrad.common.fileio import atomic_open, write_json
from fedrad.common.runconfig import RunConfig

HISTORY_JSON = "history.json"
PROGRESS = "progress.jsonl"  # one JSON event per line (server.progress formats them for terminals)
HISTORY_CSV = "history.csv"
LAST = "checkpoints/last.pt"
BEST = "checkpoints/best.pt"


@dataclass
class SiteReply:
    node_id: int
    site: str  # name if known (registration name or simulation partition), else node id
    metrics: dict[str, Any]
    arrays_sha256: str = ""  # common.replydigest of the reply's arrays (train), what the site's audit log holds
    arrays_bytes: int = 0


def short_reason(reason: str, limit: int = 200) -> str:
    """The last line of a remote traceback (the exception itself), for tables; the log keeps all."""
    lines = [ln.strip() for ln in str(reason).strip().splitlines() if ln.strip()]
    text = lines[-1] if lines else "unknown error"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def aggregate_site_metrics(replies: Sequence[SiteReply], k: int) -> dict[str, Any]:
    """Per-finding positives-weighted means of site AUCs; NaN-free where any site has a value.

    The threshold is Youden's cut on the union of the sites' validation sets: the sites' score counts
    (common.metrics.score_counts) added up, then common.metrics.youden_from_counts. Only where a reply lacks
    the counts (none of fedrad's do) it falls back to the positives-weighted mean of the sites' own cuts;
    `val_threshold_rule` says which.
    """
    from fedrad.common.metrics import SCORE_BINS, youden_from_counts

    auc = np.full(k, np.nan)
    thr = np.full(k, np.nan)
    npos = np.zeros(k)
    for j in range(k):
        vals, tvals, w = [], [], []
        for r in replies:
            a = r.metrics.get("val-auc", [math.nan] * k)[j]
            t = r.metrics.get("val-threshold", [math.nan] * k)[j]
            n = r.metrics.get("val-npos", [0] * k)[j]
            npos[j] += n
            if not math.isnan(a) and n > 0:
                vals.append(a)
                tvals.append(t)
                w.append(n)
        if w:
            auc[j] = float(np.average(vals, weights=w))
            thr[j] = float(np.average(tvals, weights=w))
    counted = [r for r in replies if int(r.metrics.get("num-examples", 0)) > 0]
    rule = "mean-of-sites"
    if counted and all(len(r.metrics.get(key, ())) == k * SCORE_BINS for r in counted
                       for key in ("val-score-pos", "val-score-neg")):
        pos = sum(np.asarray(r.metrics["val-score-pos"], np.int64).reshape(k, SCORE_BINS) for r in counted)
        neg = sum(np.asarray(r.metrics["val-score-neg"], np.int64).reshape(k, SCORE_BINS) for r in counted)
        thr = np.array([math.nan if t is None else t for t in youden_from_counts(pos, neg)])
        rule = "union-of-sites"
    defined = ~np.isnan(auc)
    n_examples = sum(int(r.metrics.get("num-examples", 0)) for r in replies)
    loss = (sum(float(r.metrics.get("val-loss", 0.0)) * int(r.metrics.get("num-examples", 0)) for r in replies)
            / n_examples) if n_examples else math.nan
    return {
        "val_macro_auc": float(auc[defined].mean()) if defined.any() else math.nan,
        "val_weighted_auc": float(np.average(auc[defined], weights=npos[defined])) if defined.any()
        and npos[defined].sum() > 0 else math.nan,
        "val_loss": loss,
        "val_auc": auc.tolist(),
        "val_threshold": thr.tolist(),
        "val_threshold_rule": rule,
        "val_npos": npos.astype(int).tolist(),
        "val_examples": n_examples,
    }


def validation_view(reply: SiteReply) -> SiteReply:
    """A train reply as the validation of the model it received: its study count is `val-examples`."""
    return SiteReply(reply.node_id, reply.site, {**reply.metrics, "num-examples": reply.metrics.get("val-examples", 0)},
                     reply.arrays_sha256, reply.arrays_bytes)


def aggregate_train(replies: Sequence[SiteReply]) -> dict[str, Any]:
    """Training loss of a round: the sites' losses weighted by their training examples."""
    n = sum(int(r.metrics.get("num-examples", 0)) for r in replies)
    loss = (sum(float(r.metrics["train-loss"]) * int(r.metrics["num-examples"]) for r in replies) / n
            if n else math.nan)
    return {"train_loss": loss, "train_examples": n}


def aggregate_round(replies: Sequence[SiteReply], *, train: bool) -> dict[str, Any]:
    """Everything a round's replies aggregate to, the one rule for the history, report.md and Flower's
    log (server.strategy hands Flower this): train replies give the training loss and, when they carry
    one, the validation of the model they received; evaluate replies give a validation."""
    out: dict[str, Any] = aggregate_train(replies) if train else {}
    if train:
        replies = [validation_view(r) for r in replies if "val-auc" in r.metrics]
    if replies and "val-auc" in replies[0].metrics:
        out.update(aggregate_site_metrics(replies, len(replies[0].metrics["val-auc"])))
    return out


@dataclass
class RunRecorder:
    cfg: RunConfig
    out: Path
    round_offset: int = 0  # rounds already done before this process (resume)
    run_id: int = 0  # Flower's run id (sites' audit logs name replies by run id and Flower round)
    history: list[dict[str, Any]] = field(default_factory=list)
    best: dict[str, Any] = field(default_factory=lambda: {"round": None, "metric": -math.inf})
    _pending: dict[int, dict[str, Any]] = field(default_factory=dict)
    _t0: float = field(default_factory=time.time)
    _last_global: float | None = None
    _round_seconds: list[float] = field(default_factory=list)
    _model: Any = None
    _tb: Any = None  # TensorBoard writer, when the tensorboard package is installed
    _saver: Any = None  # one background thread writing last.pt (on_global)
    _saving: Any = None  # its pending write (a Future)

    def __post_init__(self) -> None:
        self.out = Path(self.out)
        if not self.out.is_absolute():
            raise ValueError(f"output-dir must be an absolute path (the ServerApp's working directory is "
                             f"Flower's, not yours), got '{self.out}'")
        (self.out / "checkpoints").mkdir(parents=True, exist_ok=True)
        from fedrad.common.fileio import write_text

        write_text(self.out / "run-config.toml", self.cfg.to_toml())  # the effective config, saved with outputs
        self.template = self.cfg.template()
        self.model_cfg = self.cfg.model_config()
        self.test_sets = {}
        if self.cfg.test_sets:
            from fedrad.server.testsets import load_test_set

            self.test_sets = {name: load_test_set(name, path, self.template)
                              for name, path in self.cfg.test_set_paths().items()}

    # ----------------------------------------------------------------- resume
    @classmethod
    def resume(cls, cfg: RunConfig, out: Path) -> tuple[RunRecorder, dict | None]:
        """A recorder continuing from cfg.resume_from (its history and best-so-far come along)."""
        if not cfg.resume_from:
            return cls(cfg, out), None
        from fedrad.common.model import load_checkpoint

        _, _, ckpt = load_checkpoint(cfg.resume_from, template=cfg.template())
        extra = ckpt.get("extra", {})
        rec = cls(cfg, out, round_offset=int(extra.get("server_round", 0)))
        rec.history = list(extra.get("history", []))
        rec.best = dict(extra.get("best", rec.best))
        return rec, ckpt["model"]

    def actual_round(self, flower_round: int) -> int:
        return self.round_offset + flower_round

    def validates(self, flower_round: int) -> bool:
        """Do the sites validate the model they receive in this round? Not the untrained initial model
        (round 1 of a fresh run); always a resumed run's starting model (it may never have been)."""
        return self.actual_round(flower_round) > 1

    # ----------------------------------------------------------------- site replies
    def record_offline(self, flower_round: int, sites: Sequence[str]) -> None:
        """Registered sites that were not connected when the round started (they get no work)."""
        self._pending.setdefault(self.actual_round(flower_round), {})["offline_sites"] = list(sites)

    def event(self, kind: str, **data: Any) -> None:
        """Append one progress event (progress.jsonl) for the terminal that follows the run."""
        with open(self.out / PROGRESS, "a") as fh:
            fh.write(json.dumps({"event": kind, "time": time.time(), **data}, allow_nan=False,
                                default=lambda v: None) + "\n")

    def record_waiting(self, flower_round: int, have: Sequence[str], need: int) -> None:
        self.event("waiting", round=self.actual_round(flower_round), rounds=self.cfg.num_server_rounds,
                   have=list(have), need=need)

    def record_train(self, flower_round: int, replies: Sequence[SiteReply], failures: Sequence[tuple[str, str]]):
        """Train replies of round r; those that validated the global model they received (round
        r-1's) also fill row r-1's validation fields (see the module docstring)."""
        rnd = self.actual_round(flower_round)
        if self.validates(flower_round):
            self._record_validation(rnd - 1, [validation_view(r) for r in replies], failures)
        row = self._pending.setdefault(rnd, {})
        row.update(aggregate_train(replies))
        row["train_sites"] = [r.site for r in replies]
        row["train_site_seconds"] = {r.site: {"train": float(r.metrics.get("train-seconds", math.nan)),
                                              "val": float(r.metrics.get("val-seconds", 0.0)),
                                              "client": float(r.metrics.get("client-seconds", math.nan))}
                                     for r in replies}
        row["train_failures"] = [f"{s}: {short_reason(why)}" for s, why in failures]
        row["train_replies"] = {r.site: {"sha256": r.arrays_sha256, "bytes": r.arrays_bytes} for r in replies}
        row["flower_run_id"], row["flower_round"] = self.run_id, flower_round  # what site audit logs name

    def record_evaluate(self, flower_round: int, replies: Sequence[SiteReply], failures: Sequence[tuple[str, str]]):
        """Evaluate-only replies (the final global model, before on_global of the same round)."""
        self._record_validation(self.actual_round(flower_round), replies, failures, seconds_key="client-seconds")

    def _record_validation(self, rnd: int, replies: Sequence[SiteReply], failures: Sequence[tuple[str, str]], *,
                           seconds_key: str = "val-seconds") -> None:
        done = next((r for r in self.history if r.get("round") == rnd), None)
        row = done if done is not None else self._pending.setdefault(rnd, {})
        row.update(aggregate_site_metrics(replies, len(self.template)))
        row["eval_failures"] = [f"{s}: {short_reason(why)}" for s, why in failures]
        row["eval_site_seconds"] = {r.site: float(r.metrics.get(seconds_key, math.nan)) for r in replies}
        row["sites"] = {r.site: {"val_macro_auc": r.metrics.get("val-macro-auc"),
                                 "val_weighted_auc": r.metrics.get("val-weighted-auc"),
                                 "val_loss": r.metrics.get("val-loss"),
                                 "n": r.metrics.get("val-examples", r.metrics.get("num-examples"))}
                        for r in replies}
        self._scalars(rnd, {k: row.get(k) for k in ("val_weighted_auc", "val_macro_auc", "val_loss")})
        if done is not None and self._update_best(done):
            self.wait_saved()
            _link(self.out / LAST, self.out / BEST)  # last.pt still holds round rnd's model
        if done is not None:
            self.write_history()

    def _update_best(self, row: dict[str, Any]) -> bool:
        """Best = highest sites' aggregated validation weighted AUC over rounds >= 1 (select-round "best"),
        or the latest validated round (select-round "last": the final round once it is validated)."""
        rnd, metric = row["round"], row.get("val_weighted_auc", math.nan)
        if self.cfg.select_round == "last":
            improved = rnd > 0 and not math.isnan(metric) and rnd > (self.best["round"] or 0)
        else:
            improved = rnd > 0 and not math.isnan(metric) and metric > self.best["metric"]
        if improved:
            self.best = {"round": rnd, "metric": metric, "val_threshold": row.get("val_threshold"),
                         "val_threshold_rule": row.get("val_threshold_rule")}
        row["best_round"] = self.best["round"]
        return improved

    def record_timeline(self, flower_round: int, **marks: Any) -> None:
        """Wall-clock marks of a round's phases (server.strategy): when the messages were made, each
        site's handler span (from its reply's creation time and `client-seconds`), when the replies
        were collected and aggregated. bench/round_overhead.py turns them into a breakdown of the
        seconds that are not the sites' own work."""
        row = self._pending.setdefault(self.actual_round(flower_round), {})
        row.setdefault("timeline", {}).update(marks)

    def record_privacy(self, flower_round: int, spent: Mapping[str, Any]) -> None:
        """The DP ledger after this round's aggregation (server.dp_strategy): epsilon at delta so far."""
        self._pending.setdefault(self.actual_round(flower_round), {}).update(spent)

    # ----------------------------------------------------------------- after aggregation
    def on_global(self, flower_round: int, state: Mapping[str, Any]) -> dict[str, float]:
        """Server-side evaluation, checkpoints and history; returns the metrics Flower logs."""
        from fedrad.common.metrics import macro_auc
        from fedrad.common.model import build_model
        from fedrad.server.testsets import predict_test_set

        rnd = self.actual_round(flower_round)
        if flower_round == 0 and self.round_offset:
            self._last_global = time.time()
            return {}  # resumed: the starting model was evaluated in the earlier run
        t_in = time.time()
        row = {"round": rnd, **self._pending.pop(rnd, {}), "elapsed_s": round(t_in - self._t0, 1)}
        if self._last_global is not None:  # from the end of the previous server step to now
            row["round_wall_s"] = t_in - self._last_global
            row.setdefault("timeline", {})["start"] = self._last_global
        if self._model is None:  # built once per run; each round loads the new global state into it
            self._model = build_model(self.model_cfg)
        model = self._model
        model.load_state_dict(dict(state), strict=True)
        parts = {"load_s": time.time() - t_in}
        if self.test_due(rnd):
            for name, ts in self.test_sets.items():
                scores = predict_test_set(model, ts, image_size=self.cfg.image_size, channels=self.cfg.channels,
                                          views=self.template.views, batch_size=max(self.cfg.batch_size, 16),
                                          intensity=self.cfg.intensity, recalibrate_bn=self.cfg.bn_local)
                macro, _, skipped = macro_auc(ts.truth, scores, ids=self.template.ids)
                row[f"test_{name}_macro_auc"] = macro
                row[f"test_{name}_skipped"] = len(skipped)
        row["server_eval_s"] = time.time() - t_in - parts["load_s"]
        improved = self._update_best(row)  # the final round's row has its validation already
        self.history.append(row)
        extra = {"server_round": rnd, "history": self.history, "best": self.best, "run_config": self.cfg.to_flower()}
        t_ck = time.time()
        self._save_last(state, rnd, extra, improved)
        parts["checkpoint_s"] = time.time() - t_ck
        if "round_wall_s" in row:  # the whole round: sites, aggregation, server step (history, report included)
            row.setdefault("timeline", {})["server"] = parts
        t_rep = time.time()
        self.write_history()
        self.write_live_report()
        parts["report_s"] = time.time() - t_rep
        self._last_global = time.time()
        if "round_wall_s" in row:
            row["round_s"] = self._last_global - t_in + row["round_wall_s"]
            self._round_seconds.append(row["round_s"])
            self.write_history()  # with the round's own seconds (report.html shows them from the next round)
        if rnd > 0:
            self._round_event(row)
            self._scalars(rnd, {"train_loss": row.get("train_loss"), "round_s": row.get("round_s"),
                                **{k: v for k, v in row.items() if k.startswith("test_") and k.endswith("_auc")}})
        return {k: float(v) for k, v in row.items() if isinstance(v, int | float) and not isinstance(v, bool)}

    def _save_last(self, state: Mapping[str, Any], rnd: int, extra: dict[str, Any], improved: bool) -> None:
        """last.pt (and best.pt's link when this model is the best) written in a background thread while the
        next round's messages go out: ~0.3-0.7 s per round of a 189 MB model off the round's critical path
        (bench/round_overhead.py, issue 15). The dict is built here (history copied as it is now); `state`
        views the aggregated message's bytes, which nothing changes. One write at a time, in round order:
        whoever reads the files (a validation's best.pt link, best_state, the report) first waits for it
        (wait_saved), and a failed write raises there. Until it is on disk the previous last.pt stands, so
        a crash meanwhile resumes one round earlier, never from a half-written file (atomic rename)."""
        from concurrent.futures import ThreadPoolExecutor

        from fedrad.common.model import checkpoint_dict, write_checkpoint

        self.wait_saved()
        ckpt = checkpoint_dict(state, self.model_cfg, epoch=rnd, extra=extra)

        def write() -> None:
            write_checkpoint(self.out / LAST, ckpt)
            if improved:
                _link(self.out / LAST, self.out / BEST)

        if self._saver is None:
            self._saver = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fedrad-checkpoint")
        self._saving = self._saver.submit(write)

    def wait_saved(self) -> None:
        """Until the last on_global's checkpoint is on disk (re-raising its error, if any)."""
        pending, self._saving = self._saving, None
        if pending is not None:
            pending.result()

    def test_due(self, rnd: int) -> bool:
        """Server-side test-set metrics for this round's model? Every `test-every` rounds (and the last);
        0 = never per round: the report evaluates the chosen checkpoint once, at the end."""
        k = self.cfg.test_every
        return bool(self.test_sets) and k > 0 and (rnd % k == 0 or rnd == self.cfg.num_server_rounds)

    def _round_event(self, row: dict[str, Any]) -> None:
        rnd = row["round"]
        prev = next((r for r in self.history if r.get("round") == rnd - 1), {})
        left = self.cfg.num_server_rounds - rnd
        mean_s = float(np.mean(self._round_seconds)) if self._round_seconds else None
        missing = [f"{s}: not connected" for s in row.get("offline_sites", [])] + row.get("train_failures", [])
        self.event("round", round=rnd, rounds=self.cfg.num_server_rounds, replied=row.get("train_sites", []),
                   expected=len(row.get("train_sites", [])) + len(missing), missing=missing,
                   train_loss=_finite(row.get("train_loss")), val_round=rnd - 1,
                   val_weighted_auc=_finite(prev.get("val_weighted_auc")),
                   final_val_weighted_auc=_finite(row.get("val_weighted_auc")),
                   seconds=self._round_seconds[-1] if self._round_seconds else None,
                   eta_s=mean_s * left if mean_s is not None else None, best_round=self.best["round"])

    def _scalars(self, step: int, values: dict[str, Any]) -> None:
        """Per-round scalars as TensorBoard event files (RUN_DIR/tensorboard) when `tensorboard` is installed."""
        import importlib.util

        if self._tb is None:
            if importlib.util.find_spec("tensorboard") is None:
                self._tb = False
            else:
                from torch.utils.tensorboard import SummaryWriter

                self._tb = SummaryWriter(str(self.out / "tensorboard"))
        if self._tb:
            for k, v in values.items():
                if _finite(v) is not None:
                    self._tb.add_scalar(k, float(v), step)
            self._tb.flush()

    def write_live_report(self) -> None:
        """report.html from what is known now (no test-set inference); never fails the run."""
        try:
            from fedrad.server.report_html import write_html

            write_html(self.out)
        except Exception as exc:  # noqa: BLE001 - a broken page must not stop a federation
            self.event("note", text=f"report.html not updated: {exc}")

    def best_validation(self) -> dict[str, dict[str, Any]]:
        """Each site's validation of the best round's global model, as cross-site reply metrics
        (server.crosssite.known_cells): what the cross-site phase need not ask again. The same function
        (client.task.local_evaluate) of the same weights and validation images: deterministic, bn-local
        included (it re-estimates every BatchNorm statistic on the evaluated images, whatever the site stored)."""
        from fedrad.server.crosssite import known_cells

        row = next((r for r in self.history if r.get("round") == self.best.get("round")), None)
        return known_cells(row.get("sites", {})) if row is not None else {}

    def best_state(self) -> dict[str, Any]:
        """Weights of the best checkpoint (the model the report evaluates), else the last one."""
        from fedrad.common.model import read_checkpoint

        self.wait_saved()
        path = self.out / BEST if (self.out / BEST).is_file() else self.out / LAST
        return read_checkpoint(path)["model"]

    def write_history(self) -> None:
        write_json(self.out / HISTORY_JSON, {"best": self.best, "rounds": self.history})
        scalar_keys: list[str] = []
        for row in self.history:
            for k, v in row.items():
                if isinstance(v, int | float) and k not in scalar_keys:
                    scalar_keys.append(k)
        with atomic_open(self.out / HISTORY_CSV, "w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=scalar_keys, extrasaction="ignore", lineterminator="\n")
            w.writeheader()
            for row in self.history:
                w.writerow({k: row.get(k, "") for k in scalar_keys})


def _finite(v: Any) -> float | None:
    return float(v) if isinstance(v, int | float) and math.isfinite(v) else None


def _link(src: Path, dst: Path) -> None:
    """dst becomes the same file as src without writing the weights again. Checkpoints are replaced
    by rename (common.fileio.atomic_open), so a later save of src leaves dst's inode untouched."""
    import os
    import shutil

    tmp = dst.with_name(f".{dst.name}.link")
    tmp.unlink(missing_ok=True)
    try:
        os.link(src, tmp)
    except OSError:
        shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


def load_history(out: Path) -> dict[str, Any]:
    p = Path(out) / HISTORY_JSON
    return json.loads(p.read_text()) if p.is_file() else {"best": {}, "rounds": []}
