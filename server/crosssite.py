"""Cross-site evaluation (NVFlare's cross-site validation): after the last round every site
evaluates the global model and the other sites' last local models on its own validation split.

Only aggregates come back (the same reply as a round's evaluation: AUCs, counts; no study id,
no score). A site's local model goes to another site only if that site's own policy allows it
(`share-local-model` in its fedrad-site.toml, sent with each training reply); without consent
the matrix shows the global row and, per site, its own local model on its own data (nothing
crosses to another hospital for that). The plain parts (which model goes where, the matrix)
have no Flower import; `run_cross_site` is the ServerApp's extra final phase.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fedrad.common.fileio import write_json
from fedrad.common.replyschema import MODEL_PREFIX, OWN_MODEL_KEY, OWN_MODEL_SHA256_KEY

CROSS_SITE_JSON = "cross-site.json"
GLOBAL = "global"
GROUP_PREFIX = "cross-site:"


@dataclass
class LocalModels:
    """Each site's last local model (from its last training reply) and whether it may be shared."""

    arrays: dict[int, Any] = field(default_factory=dict)  # node id -> ArrayRecord (or any weights object)
    site: dict[int, str] = field(default_factory=dict)  # node id -> site name
    shareable: dict[int, bool] = field(default_factory=dict)
    digest: dict[int, str] = field(default_factory=dict)  # node id -> common.replydigest sha256 of its arrays

    def update(self, node_id: int, site: str, arrays: Any, metrics: Mapping[str, Any], digest: str = "") -> None:
        self.arrays[node_id] = arrays
        self.site[node_id] = site
        self.shareable[node_id] = int(metrics.get("share-local-model", 0)) == 1
        self.digest[node_id] = digest


def assignments(nodes: list[int], local: LocalModels) -> dict[int, list[tuple[str, int | None]]]:
    """For each evaluating node: [(model name, owner node or None for the global model)].

    Every node gets the global model and its own local model; another site's local model only
    when its owner consented.
    """
    out: dict[int, list[tuple[str, int | None]]] = {}
    for n in nodes:
        todo: list[tuple[str, int | None]] = [(GLOBAL, None)]
        for owner in sorted(local.arrays):
            if owner == n or local.shareable.get(owner, False):
                todo.append((f"local:{local.site[owner]}", owner))
        out[n] = todo
    return out


def with_cross_site_models(messages: list, local: LocalModels, *, own_at_site: bool = False) -> list:
    """The final evaluate messages (one per site, the final global model under "arrays") with each site's
    cross-site models added under `cross-site:<model>` (common.replyschema MODEL_PREFIX): its own last local
    model and the consenting sites' (assignments). The global row needs nothing more: it is the chosen
    round's validation (RunRecorder.best_validation). The site evaluates every model in that one message and
    its policy counts each one against max-evaluations-per-run (client.mods).

    own_at_site (deployment): a site's own last local model is not sent back to it; the message names it and
    the digest of the arrays received from it (OWN_MODEL_KEY, OWN_MODEL_SHA256_KEY), and the site evaluates the
    copy it kept (client.mods own_model_mod). If it has none, its reply lacks that model's metrics and
    run_cross_site sends the model then. Every model object is shared between messages, never copied: Flower
    serialises and hashes each Array once (its object id and chunks are cached) and the SuperLink stores each
    chunk once (content addressing)."""
    from flwr.app import ConfigRecord, Message, RecordDict

    plan = assignments(sorted(m.metadata.dst_node_id for m in messages), local)
    out = []
    for m in messages:
        node = m.metadata.dst_node_id
        extra = {f"{MODEL_PREFIX}{name}": local.arrays[owner] for name, owner in plan[node]
                 if owner is not None and not (own_at_site and owner == node and local.digest.get(owner))}
        own = [name for name, owner in plan[node] if own_at_site and owner == node and local.digest.get(owner)]
        if own:
            config = dict(m.content["config"]) if "config" in m.content.config_records else {}
            extra["config"] = ConfigRecord({**config, OWN_MODEL_KEY: own[0], OWN_MODEL_SHA256_KEY: local.digest[node]})
        if extra:  # Flower's configure_evaluate shares one RecordDict between its messages: a new one per site
            m = Message(RecordDict({**dict(m.content.items()), **extra}), dst_node_id=node,
                        message_type=m.metadata.message_type, group_id=m.metadata.group_id)
        out.append(m)
    return out


def take_cross_site_metrics(replies: list, site_of) -> list[tuple[str, str, dict[str, Any]]]:
    """[(model, site, metrics)] of the cross-site models in final evaluate replies, removed from the replies
    (Flower's evaluate aggregation expects exactly one MetricRecord per reply)."""
    out = []
    for reply in replies:
        if reply.has_error():
            continue
        for key in [k for k in reply.content.metric_records if k.startswith(MODEL_PREFIX)]:
            out.append((key.removeprefix(MODEL_PREFIX), site_of(reply), dict(reply.content[key])))
            del reply.content[key]
    return out


def build_matrix(results: list[tuple[str, str, Mapping[str, Any]]], local: LocalModels,
                 failures: list[str]) -> dict[str, Any]:
    """{models, sites, cells: {model: {site: {val_macro_auc, val_weighted_auc, n}}}, withheld, failures}."""
    cells: dict[str, dict[str, dict[str, Any]]] = {}
    sites: list[str] = []
    for model, site, m in results:
        if site not in sites:
            sites.append(site)
        cells.setdefault(model, {})[site] = {
            "val_macro_auc": _num(m.get("val-macro-auc")), "val_weighted_auc": _num(m.get("val-weighted-auc")),
            "n": int(m.get("num-examples", 0))}
    models = [GLOBAL] + sorted(k for k in cells if k != GLOBAL)
    withheld = sorted(local.site[n] for n, ok in local.shareable.items() if not ok)
    return {"models": [k for k in models if k in cells], "sites": sorted(sites), "cells": cells,
            "withheld": withheld, "failures": failures}


def _num(v: Any) -> float | None:
    if v is None:
        return None
    v = float(v)
    return None if math.isnan(v) else v


def known_cells(cells: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """A history row's per-site validation (`sites`: val_macro_auc, val_weighted_auc, n) as the metrics of a
    cross-site reply: the global row's cells for sites that already validated the chosen model."""
    return {site: {"val-macro-auc": c.get("val_macro_auc"), "val-weighted-auc": c.get("val_weighted_auc"),
                   "num-examples": c.get("n") or 0} for site, c in cells.items() if c.get("n")}


def run_cross_site(grid, cfg, global_arrays, local: LocalModels, site_of, out_dir,
                   known_global: Mapping[str, Mapping[str, Any]] | None = None,
                   evaluated: list[tuple[str, str, Mapping[str, Any]]] = ()) -> dict[str, Any]:
    """Send the evaluation messages, collect the aggregates, write cross-site.json; returns the matrix.

    `known_global` ({site: metrics}, known_cells) are the chosen global model's validation metrics the
    sites already sent: in round r+1 every site validates round r's global model on the same split with
    the same code (client.task.local_round) before training it, so the global row's cell of such a site
    is that reply and the site gets no message with the global model (one ~94 MB message per site less,
    and one evaluation fewer counted against its policy). cross-site.json lists those sites under
    `global_from_validation` and the phase's wall seconds under `seconds`. `evaluated` ([(model, site,
    metrics)]) are the cells the final evaluate messages already answered (with_cross_site_models): only
    what is still missing (a site that failed that message) is sent here; cross-site.json counts them under
    `from_final_evaluation`."""
    import time

    from flwr.app import ConfigRecord, Message, MessageType, RecordDict

    t0 = time.time()
    known_global = dict(known_global or {})
    nodes = sorted(grid.get_node_ids())
    plan = assignments(nodes, local)
    messages, results, reused = [], list(evaluated), []
    done = {(name, site) for name, site, _ in evaluated}
    for node, todo in plan.items():
        site = local.site.get(node)
        if site in known_global:
            results.append((GLOBAL, site, known_global[site]))
            reused.append(site)
            todo = [(name, owner) for name, owner in todo if owner is not None]
        for name, owner in todo:
            if (name, site) in done:
                continue
            arrays = global_arrays if owner is None else local.arrays[owner]
            # The SuperLink assigns message ids on push; a reply carries its instruction's group id.
            messages.append(Message(RecordDict({"arrays": arrays, "config": ConfigRecord({"cross-site-model": name})}),
                                    dst_node_id=node, message_type=MessageType.EVALUATE,
                                    group_id=f"{GROUP_PREFIX}{name}"))
    failures = []
    for reply in grid.send_and_receive(messages, timeout=cfg.round_timeout) if messages else []:
        name = reply.metadata.group_id.removeprefix(GROUP_PREFIX) or "?"
        if reply.has_error():
            failures.append(f"{name}: {reply.error.reason.strip().splitlines()[-1] if reply.error.reason else '?'}")
            continue
        metrics = dict(next(iter(reply.content.metric_records.values())))
        results.append((name, site_of(reply), metrics))
    matrix = build_matrix(results, local, failures)
    matrix["global_from_validation"] = sorted(reused)
    matrix["from_final_evaluation"] = len(done)
    matrix["seconds"] = time.time() - t0
    write_json(out_dir / CROSS_SITE_JSON, matrix)
    return matrix
