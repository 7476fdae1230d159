"""What a federated run remembers: per-site replies, aggregated validation metrics, server-side
test-set metrics, checkpoints (last and best) and the history files. No Flower import.

The best checkpoint is chosen by the sites' aggregated validation AUC, never by a test set's
AUC (a test set that picks the model is no longer a test set). Aggregation across sites is
per finding, weighted by each site's positives, skipping sites where the finding has no AUC;
the Youden thresholds the sites send are aggregated the same way.
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
HISTORY_CSV = "history.csv"
LAST = "checkpoints/last.pt"
BEST = "checkpoints/best.pt"


@dataclass
class SiteReply:
    node_id: int
    site: str  # name if known (registration name or simulation partition), else node id
    metrics: dict[str, Any]


def short_reason(reason: str, limit: int = 200) -> str:
    """The last line of a remote traceback (the exception itself), for tables; the log keeps all."""
    lines = [ln.strip() for ln in str(reason).strip().splitlines() if ln.strip()]
    text = lines[-1] if lines else "unknown error"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def aggregate_site_metrics(replies: Sequence[SiteReply], k: int) -> dict[str, Any]:
    """Per-finding positives-weighted means of site AUCs and thresholds; NaN-free where any site has a value."""
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
        "val_npos": npos.astype(int).tolist(),
        "val_examples": n_examples,
    }


@dataclass
class RunRecorder:
    cfg: RunConfig
    out: Path
    round_offset: int = 0  # rounds already done before this process (resume)
    history: list[dict[str, Any]] = field(default_factory=list)
    best: dict[str, Any] = field(default_factory=lambda: {"round": None, "metric": -math.inf})
    _pending: dict[int, dict[str, Any]] = field(default_factory=dict)
    _t0: float = field(default_factory=time.time)
    _last_global: float | None = None

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

    # ----------------------------------------------------------------- site replies
    def record_offline(self, flower_round: int, sites: Sequence[str]) -> None:
        """Registered sites that were not connected when the round started (they get no work)."""
        self._pending.setdefault(self.actual_round(flower_round), {})["offline_sites"] = list(sites)

    def record_train(self, flower_round: int, replies: Sequence[SiteReply], failures: Sequence[tuple[str, str]]):
        row = self._pending.setdefault(self.actual_round(flower_round), {})
        n = sum(int(r.metrics.get("num-examples", 0)) for r in replies)
        row["train_loss"] = (sum(float(r.metrics["train-loss"]) * int(r.metrics["num-examples"]) for r in replies) / n
                             if n else math.nan)
        row["train_examples"] = n
        row["train_sites"] = [r.site for r in replies]
        row["train_site_seconds"] = {r.site: {"train": float(r.metrics.get("train-seconds", math.nan)),
                                              "client": float(r.metrics.get("client-seconds", math.nan))}
                                     for r in replies}
        row["train_failures"] = [f"{s}: {short_reason(why)}" for s, why in failures]

    def record_evaluate(self, flower_round: int, replies: Sequence[SiteReply], failures: Sequence[tuple[str, str]]):
        row = self._pending.setdefault(self.actual_round(flower_round), {})
        row.update(aggregate_site_metrics(replies, len(self.template)))
        row["eval_failures"] = [f"{s}: {short_reason(why)}" for s, why in failures]
        row["eval_site_seconds"] = {r.site: float(r.metrics.get("client-seconds", math.nan)) for r in replies}
        row["sites"] = {r.site: {"val_macro_auc": r.metrics.get("val-macro-auc"),
                                 "val_weighted_auc": r.metrics.get("val-weighted-auc"),
                                 "val_loss": r.metrics.get("val-loss"), "n": r.metrics.get("num-examples")}
                        for r in replies}

    def record_privacy(self, flower_round: int, spent: Mapping[str, Any]) -> None:
        """The DP ledger after this round's aggregation (server.dp_strategy): epsilon at delta so far."""
        self._pending.setdefault(self.actual_round(flower_round), {}).update(spent)

    # ----------------------------------------------------------------- after aggregation
    def on_global(self, flower_round: int, state: Mapping[str, Any]) -> dict[str, float]:
        """Server-side evaluation, checkpoints and history; returns the metrics Flower logs."""
        from fedrad.common.metrics import macro_auc
        from fedrad.common.model import build_model, save_checkpoint
        from fedrad.server.testsets import predict_test_set

        rnd = self.actual_round(flower_round)
        if flower_round == 0 and self.round_offset:
            self._last_global = time.time()
            return {}  # resumed: the starting model was evaluated in the earlier run
        t_in = time.time()
        row = {"round": rnd, **self._pending.pop(rnd, {}), "elapsed_s": round(t_in - self._t0, 1)}
        if self._last_global is not None:  # from the end of the previous server evaluation to now
            row["round_wall_s"] = t_in - self._last_global
        model = build_model(self.model_cfg)
        model.load_state_dict(dict(state), strict=True)
        for name, ts in self.test_sets.items():
            scores = predict_test_set(model, ts, image_size=self.cfg.image_size, channels=self.cfg.channels,
                                      views=self.template.views, batch_size=max(self.cfg.batch_size, 16))
            macro, _, skipped = macro_auc(ts.truth, scores, ids=self.template.ids)
            row[f"test_{name}_macro_auc"] = macro
            row[f"test_{name}_skipped"] = len(skipped)
        row["server_eval_s"] = time.time() - t_in
        metric = row.get("val_weighted_auc", math.nan)
        improved = rnd > 0 and not math.isnan(metric) and metric > self.best["metric"]
        if improved:
            self.best = {"round": rnd, "metric": metric, "val_threshold": row.get("val_threshold")}
        row["best_round"] = self.best["round"]
        self.history.append(row)
        extra = {"server_round": rnd, "history": self.history, "best": self.best, "run_config": self.cfg.to_flower()}
        save_checkpoint(self.out / LAST, model, self.model_cfg, epoch=rnd, extra=extra)
        if improved:
            save_checkpoint(self.out / BEST, model, self.model_cfg, epoch=rnd, extra=extra)
        self.write_history()
        self._last_global = time.time()
        return {k: float(v) for k, v in row.items() if isinstance(v, int | float) and not isinstance(v, bool)}

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


def load_history(out: Path) -> dict[str, Any]:
    p = Path(out) / HISTORY_JSON
    return json.loads(p.read_text()) if p.is_file() else {"best": {}, "rounds": []}
