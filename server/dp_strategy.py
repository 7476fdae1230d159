"""Central differential privacy at the coordinator: Flower's own DP wrappers plus a privacy ledger.

`wrap_dp` puts Flower 1.42's `DifferentialPrivacyClientSideFixedClipping` (or `...AdaptiveClipping`)
around the recorded strategy. The sites clip their updates with Flower's clipping mods (client.mods);
the wrapper sends the clipping norm with every training message, averages the clipped updates and adds
Gaussian noise of std z*C/n to the average. What this module adds to Flower's wrapper:

- privacy accounting per round (common.privacy: RDP via dp-accounting), written into the round's
  history row (dp_epsilon at dp_delta, releases so far) and so into history.csv and the report.
  Flower's built-in accountant refuses any strategy whose `aggregate_train` is not FedAvg's own, and
  ours is subclassed to record replies, so the ledger lives here, composing one Gaussian event per
  aggregate actually released;
- noise calibrated to the replies actually averaged (n = sites that answered, not sites sampled:
  with fewer updates the mean's sensitivity C/n is larger);
- a round with a failed site releases nothing (Flower's rule) but its replies and failures are
  still recorded;
- uniform weights: the inner strategy averages by a constant key (DP_WEIGHT_KEY) injected here,
  because the noise is calibrated to an unweighted mean (a large site weighted by its examples would
  have a larger sensitivity than C/n).

What DP covers and what it does not: the released global models (every round's aggregate) are
(epsilon, delta)-DP with respect to adding or removing one whole site. The coordinator itself still sees
each site's clipped update in clear (no secure aggregation in Flower 1.42's Message API, see README),
and the evaluate replies (validation AUCs, thresholds) and training metrics are not noised.
"""

from __future__ import annotations

from collections.abc import Iterable
from logging import INFO

import numpy as np
from fedrad.common.privacy import epsilon_spent
from fedrad.common.runconfig import RunConfig
from fedrad.common.weights import Layout, is_packed, to_arrays, to_state
from flwr.app import Array, ArrayRecord, ConfigRecord, Message
from flwr.serverapp import Grid
from flwr.serverapp.strategy import (
    DifferentialPrivacyClientSideAdaptiveClipping,
    DifferentialPrivacyClientSideFixedClipping,
)
from flwr.supercore import log

DP_WEIGHT_KEY = "dp-weight"


def _unit_weights(replies: Iterable[Message]) -> list[Message]:
    replies = list(replies)
    for m in replies:
        if not m.has_error():
            for record in m.content.metric_records.values():
                record[DP_WEIGHT_KEY] = 1
    return replies


def valid_buffers(arrays: ArrayRecord, layout: Layout | None = None) -> ArrayRecord:
    """Flower's noise goes onto every array, BatchNorm's running variances and batch counters included: a
    variance pushed below zero makes every later forward pass NaN (seen in the first DP simulation: all sites'
    evaluations failed). Clamping them (variances >= 1e-5, counters >= 0 and whole) is post-processing of the
    released aggregate, so the DP guarantee is unchanged. Packed weights (common.weights) are cut into the
    model's tensors with `layout` for this, and packed again."""
    if is_packed(arrays):
        if layout is None:
            raise ValueError("valid_buffers: packed weights need the model's layout")
        state = dict(to_state(arrays, layout))
        for key, value in state.items():
            if key.endswith("running_var"):
                state[key] = value.clamp(min=1e-5)
            elif key.endswith("num_batches_tracked"):
                state[key] = value.clamp(min=0)  # to_state already rounded the aggregate back to whole counts
        return to_arrays(state)
    out = {}
    for key, value in zip(arrays.keys(), arrays.to_numpy_ndarrays(), strict=True):
        if key.endswith("running_var"):
            value = np.maximum(value, 1e-5).astype(value.dtype)
        elif key.endswith("num_batches_tracked"):
            value = np.maximum(np.round(value), 0).astype(value.dtype)
        out[key] = Array(np.asarray(value))
    return ArrayRecord(out)


def released_noise(history: list[dict]) -> list[float]:
    """Noise multipliers of the releases already made (a resumed run keeps spending from there)."""
    return [float(r["dp_noise_multiplier"]) for r in history if r.get("dp_released")]


def wrap_dp(cfg: RunConfig, strategy, recorder, layout: Layout | None = None):
    """`strategy` unchanged when dp is off; else wrapped in Flower's client-side-clipping DP wrapper."""
    if cfg.dp == "off":
        return strategy
    if cfg.dp == "fixed":
        base = DifferentialPrivacyClientSideFixedClipping
        args = dict(noise_multiplier=cfg.dp_noise_multiplier, clipping_norm=cfg.dp_clipping_norm,
                    num_sampled_clients=cfg.min_sites)
    else:
        base = DifferentialPrivacyClientSideAdaptiveClipping
        # Flower's default count noise (n/20) is too small for a few hospitals: it must exceed z/2.
        args = dict(noise_multiplier=cfg.dp_noise_multiplier, num_sampled_clients=cfg.min_sites,
                    initial_clipping_norm=cfg.dp_clipping_norm, target_clipped_quantile=cfg.dp_target_quantile,
                    clip_norm_lr=cfg.dp_clip_lr,
                    clipped_count_stddev=max(cfg.min_sites / 20, cfg.dp_noise_multiplier))
    spent = released_noise(recorder.history)

    class Accounted(base):  # type: ignore[misc, valid-type]
        def configure_train(self, server_round: int, arrays: ArrayRecord, config: ConfigRecord, grid: Grid):
            self.round_clip = float(self.clipping_norm)
            return super().configure_train(server_round, arrays, config, grid)

        def aggregate_train(self, server_round: int, replies: Iterable[Message]):
            replies = _unit_weights(replies)
            valid = [m for m in replies if not m.has_error()]
            arrays = metrics = None
            if valid and len(valid) == len(replies):
                self.num_sampled_clients = len(valid)  # noise std z*C/n for the mean actually formed
                arrays, metrics = super().aggregate_train(server_round, valid)
            else:  # Flower's DP wrappers release nothing when a site failed; record the round anyway
                self.strategy.aggregate_train(server_round, replies)
                log(INFO, "DP: %d of %d sites failed in round %d: no model released, no privacy spent",
                    len(replies) - len(valid), len(replies), server_round)
            if arrays is not None:
                arrays = valid_buffers(arrays, layout)
                spent.append(cfg.dp_noise_multiplier)
            row = epsilon_spent(spent, cfg.dp_delta).as_dict()
            row.update(dp_noise_multiplier=cfg.dp_noise_multiplier, dp_released=arrays is not None,
                       dp_clipping_norm=getattr(self, "round_clip", cfg.dp_clipping_norm), dp_mode=cfg.dp)
            recorder.record_privacy(server_round, row)
            log(INFO, "DP: epsilon %.4g at delta %g after %d release(s)", row["dp_epsilon"], cfg.dp_delta,
                row["dp_releases"])
            return arrays, metrics

        def aggregate_evaluate(self, server_round: int, replies: Iterable[Message]):
            return super().aggregate_evaluate(server_round, _unit_weights(replies))

    return Accounted(strategy, **args)
