"""The federated strategy: Flower's FedAvg / FedProx / FedAdam, or one of its robust aggregators
(FedMedian, FedTrimmedAvg, Krum, MultiKrum), unchanged, with hooks that hand every round's replies to
the RunRecorder and set the round's learning rate; wrapped in Flower's central-DP wrapper when the
run config turns DP on (server.dp_strategy).

No copy of Flower's strategy loop: `Strategy.start` runs as shipped; we only subclass the
aggregate/configure steps to observe them. One replacement: FedAvg's and FedProx's weighted mean of the
arrays is server.fedavg.weighted_mean, bitwise Flower's arithmetic without its copies of the replies.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fedrad.common.errors import FedradRuntimeError
from fedrad.common.replydigest import arrays_digest
from fedrad.common.replyschema import describe_error
from fedrad.common.runconfig import RunConfig, RunConfigError
from fedrad.common.weights import Layout, record_copy
from fedrad.server.crosssite import LocalModels, take_cross_site_metrics, with_cross_site_models
from fedrad.server.dp_strategy import DP_WEIGHT_KEY, wrap_dp
from fedrad.server.fedavg import weighted_mean
from fedrad.server.recorder import RunRecorder, SiteReply, aggregate_round
from flwr.app import ArrayRecord, ConfigRecord, Message, MetricRecord, RecordDict
from flwr.common.constant import HEARTBEAT_PATIENCE
from flwr.serverapp import Grid
from flwr.serverapp.strategy import FedAdam, FedAvg, FedMedian, FedProx, FedTrimmedAvg, Krum, MultiKrum

BASES = {"fedavg": FedAvg, "fedprox": FedProx, "fedadam": FedAdam, "fedmedian": FedMedian,
         "fedtrimmedavg": FedTrimmedAvg, "krum": Krum, "multikrum": MultiKrum}


def aggregate_metrics(records: list[RecordDict], _weight_key: str = "") -> MetricRecord:
    """Flower's train/evaluate metrics aggregation (what Flower logs each round): the recorder's own rule
    (server.recorder.aggregate_round), so Flower's log, the history and report.md never disagree. Flower's
    weighting key (examples, or the DP wrapper's uniform key) weights the arrays only."""
    replies = [SiteReply(0, "", dict(next(iter(r.metric_records.values())))) for r in records]
    train = bool(replies) and "train-loss" in replies[0].metrics
    agg = aggregate_round(replies, train=train)
    return MetricRecord({k.replace("_", "-"): v for k, v in agg.items() if not isinstance(v, str)})  # numbers only


class SitesUnavailableError(FedradRuntimeError):
    """Fewer than min-sites sites were connected when the deadline passed (the run is resumable)."""


def stale_nodes(grid: Grid, since: float) -> set[int]:
    """Nodes the SuperLink lists as online but has not heard a heartbeat from since `since` (wall clock).

    The SuperLink keeps its node table across a coordinator restart (superlink.db), and a node stays
    listed online until HEARTBEAT_PATIENCE x its heartbeat interval after its last heartbeat (Flower's
    `acknowledge_node_heartbeat`: online_until = heartbeat + patience x interval). A site still in its
    reconnect back-off then looks online to a resumed run, whose first message to it comes back
    NODE_UNAVAILABLE when the listing expires (tests/test_deploy.py's restart, seen under load). Empty
    where the grid keeps no heartbeat times (the simulation's in-memory grid)."""
    try:
        nodes = list(grid.get_nodes())
    except Exception:  # noqa: BLE001 - a grid without node details: nothing to tell
        return set()
    stale = set()
    for n in nodes:
        until, interval = getattr(n, "online_until", None), getattr(n, "heartbeat_interval", None)
        known = isinstance(until, int | float) and isinstance(interval, int | float) and until > 0 and interval > 0
        if known and until - HEARTBEAT_PATIENCE * interval < since:
            stale.add(int(n.node_id))
    return stale


def wait_for_sites(grid: Grid, need: int, deadline_s: float, names: Callable[[], dict[int, str]],
                   *, poll: float = 2.0, on_wait: Callable[[list[str]], None] | None = None,
                   heard_since: float | None = None) -> list[int]:
    """Flower's sampler waits forever for `min_available_nodes`; a federation must not hang on a
    hospital that went away, so wait at most `deadline_s` and then say which sites are missing.
    `on_wait(names of the connected sites)` is called whenever that set changes while waiting.

    `heard_since` (a resumed run's first round): also wait while a listed site has not sent a heartbeat
    since then (`stale_nodes`): it either heartbeats (it is back) or its listing expires within two
    heartbeat intervals (it is gone, and counts as missing), instead of being sent a message it cannot get."""
    t0 = time.monotonic()
    seen: list[str] | None = None
    while True:
        online = list(grid.get_node_ids())
        stale = stale_nodes(grid, heard_since) & set(online) if heard_since is not None else set()
        if len(online) >= need and not stale:
            return online
        online = [nid for nid in online if nid not in stale]
        if on_wait is not None:
            known = names()
            have = sorted(known.get(nid, f"node-{nid}") for nid in online)
            if have != seen:
                on_wait(have)
                seen = have
        if time.monotonic() - t0 >= deadline_s:
            if len(online) >= need:  # enough sites heard from; the silent ones count as missing this round
                return online
            known = names()
            missing = sorted(n for nid, n in known.items() if nid not in online) or ["(unknown)"]
            raise SitesUnavailableError(
                f"only {len(online)} of the {need} required sites connected within {deadline_s:.0f} s "
                f"(site-wait); not connected: {', '.join(missing)}. The last round's checkpoint is kept: "
                f"restart `fedrad server start` with the same output folder to resume.")
        time.sleep(poll)


def digests(replies: list[Message]) -> list[tuple[str, int]]:
    """common.replydigest of every reply's arrays, in threads: hashlib lets go of the GIL on large
    buffers, so the replies of a round (a model each) are hashed side by side on the cores."""
    def one(m: Message) -> tuple[str, int]:
        return arrays_digest(m.content["arrays"]) if "arrays" in m.content.array_records else ("", 0)

    if len(replies) < 2:
        return [one(m) for m in replies]
    with ThreadPoolExecutor(max_workers=min(len(replies), os.cpu_count() or 1)) as pool:
        return list(pool.map(one, replies))


def make_strategy(cfg: RunConfig, recorder: RunRecorder, grid: Grid, layout: Layout | None = None):
    """The run's strategy; `layout` (common.weights.state_layout of the model) reads packed weights where
    a hook needs named tensors (the DP wrapper's buffer clamp)."""
    base = BASES[cfg.strategy]
    robust = robust_kwargs(cfg)  # refuse a robust setting that would do nothing before anything starts
    seen: dict[int, str] = cfg.enrolled_site_names()  # + every site met during the run (Flower lists online ones)
    sampled: dict[str, set[int]] = {"train": set(), "evaluate": set()}

    def names() -> dict[int, str]:
        seen.update(_site_names(cfg, grid))
        return seen

    def name_of(node_id: int) -> str:
        return seen.get(node_id) or names().get(node_id, f"node-{node_id}")

    def site_of(msg: Message) -> str:
        idx = -1
        if not msg.has_error():
            m = next(iter(msg.content.metric_records.values()), {})
            idx = int(m.get("site-index", -1)) if m else -1
        sim_dirs = [d for d in cfg.sim_site_dirs.split(",") if d]
        if 0 <= idx < len(sim_dirs):
            return Path(sim_dirs[idx]).name
        return name_of(msg.metadata.src_node_id)

    def split(phase: str, replies: Iterable[Message]):
        """Successful replies, and (site, reason) for every sampled site without one. An error reply
        made by the SuperLink for a dead node does not carry that node's id, so the missing sites are
        the sampled ones that did not answer, each with the error text Flower gave.

        The replies come back sorted by site (then node id), not in the order they arrived: every aggregation
        after this (FedAvg's weighted sum, the robust strategies, the metrics) adds floating-point numbers in
        that order, and the arrival order is the order in which the sites happened to finish, so a busy machine
        or another placement of the sites would change the global model in its last bits and, rounds later, the
        run's results. Sorted, a run's numbers depend on its inputs only."""
        replies = sorted(replies, key=lambda m: (m.has_error(), "" if m.has_error() else site_of(m),
                                                 m.metadata.src_node_id))
        good = [m for m in replies if not m.has_error()]
        ok = [SiteReply(m.metadata.src_node_id, site_of(m), dict(next(iter(m.content.metric_records.values()))),
                        *digest) for m, digest in zip(good, digests(good), strict=True)]
        # Only a fixed code (and an exception class name) is kept of an error: never a site's text.
        reasons = [describe_error(m.error.code, m.error.reason) for m in replies if m.has_error()]
        answered = {r.node_id for r in ok}
        missing = sorted(sampled[phase] - answered)
        failed = [(name_of(nid), reasons[i] if i < len(reasons) else (reasons[-1] if reasons else "no reply before "
                   f"round-timeout ({cfg.round_timeout:.0f} s)")) for i, nid in enumerate(missing)]
        return replies, ok, failed

    sent_at: dict[str, dict[int, float]] = {"train": {}, "evaluate": {}}

    def remember(phase: str, messages) -> list[Message]:
        messages = list(messages)
        sampled[phase] = {m.metadata.dst_node_id for m in messages}
        sent_at[phase] = {m.metadata.dst_node_id: m.metadata.created_at for m in messages}
        names()
        return messages

    def transfer(replies: list[Message]) -> dict:
        """When the grid (server.grid.PromptGrid, deployment) had pushed the messages and pulled each
        site's reply: {"push_start", "pushed", "pulled": {site: time}}; {} where the grid keeps no marks."""
        marks = dict(getattr(grid, "transfer", None) or {})
        if marks:
            by_node = marks.get("pulled", {})
            marks["pulled"] = {site_of(m): by_node[m.metadata.src_node_id] for m in replies
                               if not m.has_error() and m.metadata.src_node_id in by_node}
        return marks

    def spans(phase: str, replies: list[Message]) -> dict[str, list[float]]:
        """Per site [message made, handler start, handler end] (wall clock; the reply is made at the
        handler's end and carries its `client-seconds`), for the round's timeline."""
        out = {}
        for m in replies:
            if m.has_error():
                continue
            metrics = next(iter(m.content.metric_records.values()), {})
            end = float(m.metadata.created_at)
            out[site_of(m)] = [sent_at[phase].get(m.metadata.src_node_id, math.nan),
                               end - float(metrics.get("client-seconds", 0.0)), end]
        return out

    last_round = cfg.num_server_rounds - recorder.round_offset  # Flower counts this process's rounds from 1
    started = time.time()  # this ServerApp's start: a resumed run's sites must be heard from after it

    def waiting(server_round: int):
        return lambda have: recorder.record_waiting(server_round, have, cfg.min_sites)

    class Recorded(base):  # type: ignore[misc, valid-type]
        """One message per site per round: the train message also validates the model it carries
        (config "validate"); only the last round sends an evaluate-only message, for the final model."""

        # Each site's last local model, for the cross-site phase (server.crosssite); kept in memory only.
        local_models = LocalModels()
        site_name = staticmethod(site_of)
        cross_site_results: list = []  # noqa: RUF012 - (model, site, metrics) from the final evaluate replies

        def configure_train(self, server_round: int, arrays: ArrayRecord, config: ConfigRecord, grid: Grid):
            # A resumed deployed run (a coordinator restart) first hears from every site the SuperLink still lists
            # (simulated sites send no heartbeats: their listing is the simulation's own).
            since = started if server_round == 1 and recorder.round_offset > 0 and not cfg.sim_site_dirs else None
            online = wait_for_sites(grid, cfg.min_sites, cfg.site_wait, names, on_wait=waiting(server_round),
                                    heard_since=since)
            recorder.record_offline(server_round, sorted(n for nid, n in names().items() if nid not in online))
            config["lr"] = cfg.lr_for_round(recorder.actual_round(server_round))
            config["validate"] = recorder.validates(server_round)
            config["study-round"] = recorder.actual_round(server_round)  # a resumed run continues its count
            return remember("train", super().configure_train(server_round, arrays, config, grid))

        def aggregate_train(self, server_round: int, replies: Iterable[Message]):
            received = time.time()
            replies, ok, failed = split("train", replies)
            recorder.record_train(server_round, ok, failed)
            for m, r in zip([m for m in replies if not m.has_error()], ok, strict=True):
                # A copy of the record (the same Array objects): Flower's FedMedian/Krum/trimmed-mean aggregation
                # pops the arrays out of the replies' records, which would leave the kept local model empty.
                self.local_models.update(r.node_id, r.site, record_copy(m.content["arrays"]),
                                         r.metrics, r.arrays_sha256)
            out = self._fedavg_train(replies) if base in (FedAvg, FedProx) else \
                super().aggregate_train(server_round, replies)
            recorder.record_timeline(server_round, train=spans("train", replies), received=received,
                                     aggregated=time.time(), train_transfer=transfer(replies))
            return out

        def _fedavg_train(self, replies: list[Message]) -> tuple[ArrayRecord | None, MetricRecord | None]:
            """FedAvg.aggregate_train (FedProx's too) with server.fedavg.weighted_mean for Flower's
            aggregate_arrayrecords: the same checks, numbers and metrics, without its copies of the replies."""
            valid, _ = self._check_and_log_replies(replies, is_train=True)
            if not valid:
                return None, None
            contents = [m.content for m in valid]
            return (weighted_mean(contents, self.weighted_by_key),
                    self.train_metrics_aggr_fn(contents, self.weighted_by_key))

        def configure_evaluate(self, server_round: int, arrays: ArrayRecord, config: ConfigRecord, grid: Grid):
            if server_round < last_round:
                return []  # the next round's train message validates this model
            wait_for_sites(grid, cfg.min_sites, cfg.site_wait, names, on_wait=waiting(server_round))
            messages = super().configure_evaluate(server_round, arrays, config, grid)
            if cfg.cross_site:  # the cross-site models ride along: one message per site (server.crosssite)
                # A deployed site evaluates its own last local model from the copy it kept (client.mods): not
                # sent back. A simulated site's ClientApp may run in another process than its training did.
                messages = with_cross_site_models(messages, self.local_models, own_at_site=not cfg.sim_site_dirs)
            return remember("evaluate", messages)

        def aggregate_evaluate(self, server_round: int, replies: Iterable[Message]):
            replies = list(replies)
            if server_round < last_round and not replies:
                return None
            self.cross_site_results += take_cross_site_metrics(replies, site_of)
            received = time.time()
            replies, ok, failed = split("evaluate", replies)
            recorder.record_evaluate(server_round, ok, failed)
            recorder.record_timeline(server_round, evaluate=spans("evaluate", replies), eval_received=received,
                                     evaluate_transfer=transfer(replies))
            return super().aggregate_evaluate(server_round, replies)

    kwargs = dict(fraction_train=cfg.fraction_train, fraction_evaluate=1.0, min_train_nodes=cfg.min_sites,
                  min_evaluate_nodes=cfg.min_sites, min_available_nodes=cfg.min_sites,
                  train_metrics_aggr_fn=aggregate_metrics, evaluate_metrics_aggr_fn=aggregate_metrics)
    if cfg.strategy == "fedprox":
        kwargs["proximal_mu"] = cfg.proximal_mu
    if cfg.strategy == "fedadam":
        kwargs["eta"] = cfg.server_lr
    kwargs.update(robust)
    if cfg.dp != "off":  # Flower's DP noise is calibrated to an unweighted mean of the clipped updates
        kwargs["weighted_by_key"] = DP_WEIGHT_KEY
    inner = Recorded(**kwargs)
    outer = wrap_dp(cfg, inner, recorder, layout)
    if outer is not inner:  # the cross-site phase reads these from whatever strategy the ServerApp holds
        outer.local_models, outer.site_name, outer.cross_site_results = (inner.local_models, inner.site_name,
                                                                          inner.cross_site_results)
    return outer


def robust_kwargs(cfg: RunConfig) -> dict:
    """Settings of the robust aggregators; a trimmed mean that would trim nothing is refused, not run."""
    if cfg.strategy == "fedtrimmedavg":
        if int(cfg.trim_beta * cfg.min_sites) < 1:
            fix = (f"set trim-beta >= {1 / cfg.min_sites:.2f} (and < 0.5)" if cfg.min_sites >= 3 else
                   "a trimmed mean needs min-sites >= 3")
            raise RunConfigError(f"trim-beta {cfg.trim_beta} trims int({cfg.trim_beta} x {cfg.min_sites}) = 0 sites "
                                 f"per side with min-sites {cfg.min_sites}: that is a plain unweighted mean; {fix}")
        return {"beta": cfg.trim_beta}
    if cfg.strategy in ("krum", "multikrum"):
        out = {"num_malicious_nodes": cfg.byzantine_sites}
        if cfg.strategy == "multikrum":
            out["num_nodes_to_select"] = max(1, cfg.min_sites - cfg.byzantine_sites)
        return out
    return {}


def _site_names(cfg: RunConfig, grid: Grid) -> dict[int, str]:
    try:
        return {n.node_id: n.name for n in grid.get_nodes() if getattr(n, "name", "")}
    except Exception:  # simulation grids may not implement it; names then come from site-index
        return {}
