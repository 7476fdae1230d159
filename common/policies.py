"""Uncertainty policies: how tri-state labels become training targets and a loss mask.

Only training and validation labels go through a policy; test labels are verified
true/false (labeling-rules.md). The study compared `inclusive` with `exclusive`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from fedrad.common.labels import Label

POLICIES = ("inclusive", "exclusive", "ignore", "soft")


@dataclass(frozen=True)
class Policy:
    name: str
    soft_value: float = 0.5

    def __post_init__(self) -> None:
        if self.name not in POLICIES:
            raise ValueError(f"unknown uncertainty policy '{self.name}'; choose one of {', '.join(POLICIES)}")
        if not 0.0 <= self.soft_value <= 1.0:
            raise ValueError(f"soft value must lie in [0, 1], got {self.soft_value}")

    def apply(self, states: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """states: int array of Label values -> (float32 targets, float32 mask of 0/1)."""
        states = np.asarray(states)
        targets = (states == Label.TRUE).astype(np.float32)
        mask = np.ones(states.shape, dtype=np.float32)
        unc = states == Label.UNCERTAIN
        if self.name == "inclusive":
            targets[unc] = 1.0
        elif self.name == "soft":
            targets[unc] = self.soft_value
        elif self.name == "ignore":
            mask[unc] = 0.0
        return targets, mask

    def binary_truth(self, states: np.ndarray) -> np.ndarray:
        """Hard 0/1 truth for validation metrics (AUC needs two classes; soft counts as positive).

        `ignore` keeps uncertain cells out of validation metrics via `mask` from `apply`.
        """
        states = np.asarray(states)
        pos = states == Label.TRUE
        if self.name in ("inclusive", "soft"):
            pos = pos | (states == Label.UNCERTAIN)
        return pos.astype(np.int8)


def get_policy(name: str, soft_value: float = 0.5) -> Policy:
    return Policy(name, soft_value)
