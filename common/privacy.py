"""Differential-privacy accounting: the one function that turns (noise, releases, delta) into epsilon.

fedrad's DP is central DP with client-side clipping (Flower's DifferentialPrivacyClientSide*Clipping
wrappers at the coordinator, fixedclipping_mod / adaptiveclipping_mod at every site): each site clips
its update to norm C, the coordinator averages the clipped updates uniformly and adds Gaussian noise of
std z*C/n. One round is then one Gaussian mechanism with noise multiplier z on each participating
site's data; the unit of privacy is a whole site (site-level DP, "add or remove one site").

Accounting is Renyi-DP from Google's `dp-accounting` package, the backend Flower's own RdpAccountant
wraps (flwr.supercore.privacy_accounting.rdp_accountant; the `flwr[dp]` extra). No sampling
amplification is claimed: Flower samples sites without Poisson sampling, and with a handful of
hospitals amplification would be negligible anyway. Every number is therefore an upper bound that
holds whether or not a site was sampled in a round it is counted for.

The coordinator (per round, in history and report), each site (planned epsilon against its policy
ceiling, and spent epsilon in its own log) and the doctor all call `epsilon_spent`, so they agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from fedrad.common.errors import FedradError

ACCOUNTANT = "RDP (dp-accounting), site-level add/remove-one, no sampling amplification"


class PrivacyAccountingUnavailable(FedradError, RuntimeError):
    """dp-accounting is not installed (it is a fedrad dependency; reinstall fedrad)."""


@dataclass(frozen=True)
class PrivacySpent:
    epsilon: float
    delta: float
    releases: int
    noise_multiplier: float

    def as_dict(self) -> dict[str, float | int | str]:
        return {"dp_epsilon": self.epsilon, "dp_delta": self.delta, "dp_releases": self.releases,
                "dp_noise_multiplier": self.noise_multiplier, "dp_accountant": ACCOUNTANT}


def epsilon_spent(noise_multipliers: list[float] | float, delta: float, releases: int | None = None) -> PrivacySpent:
    """Epsilon at `delta` after Gaussian releases with the given noise multipliers.

    `noise_multipliers` is one value per release, or one value and `releases` for identical ones.
    Zero releases spend nothing (epsilon 0.0).
    """
    if isinstance(noise_multipliers, int | float):
        zs = [float(noise_multipliers)] * int(releases or 0)
    else:
        zs = [float(z) for z in noise_multipliers]
    if not 0 < delta < 1:
        raise ValueError(f"delta must be in (0, 1), got {delta}")
    if any(z <= 0 for z in zs):
        raise ValueError("every noise multiplier must be > 0 for a finite epsilon")
    if not zs:
        return PrivacySpent(0.0, delta, 0, float(noise_multipliers) if isinstance(noise_multipliers, float) else 0.0)
    try:
        from dp_accounting import dp_event
        from dp_accounting.rdp import rdp_privacy_accountant as rdp
    except ImportError as exc:  # pragma: no cover - dependency of fedrad
        raise PrivacyAccountingUnavailable("dp-accounting is not installed: pip install dp-accounting") from exc
    acc = rdp.RdpAccountant(neighboring_relation=rdp.NeighborRel.ADD_OR_REMOVE_ONE)
    for z in sorted(set(zs)):
        acc.compose(dp_event.GaussianDpEvent(z), zs.count(z))
    return PrivacySpent(float(acc.get_epsilon(delta)), delta, len(zs), zs[-1])
