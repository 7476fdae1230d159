"""What each synthetic study really shows, and what its report will say about it.

The truth is drawn per region from a small generative model rather than independent coin
flips, because real findings come in clinically sensible combinations: a fracture has a
location, a displacement belongs to a fracture, a fat pad sign goes with elbow fractures.
Parent rules of the template hold by construction (the present set is closed under parents).

Two truths come out of one draw:

- image truth (0/1): the finding is present in the rendered image or not;
- report truth (false/uncertain/true): what the report expresses. A present finding is
  `uncertain` when it is rendered *subtle* (the radiologist hedges because the sign is faint);
  an absent finding is `uncertain` when a *mimic* is rendered (a faint look-alike such as a
  nutrient canal for a fissure). Parents carry at least their children's value (rule 5).

So "uncertain" never changes the image truth: a hedged finding is 1 when it is there and 0
when only its mimic is.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from fedrad.common.labels import Label, propagate
from fedrad.common.templates import Template

# -- per-region generative specs -------------------------------------------------------------
# free: drawn for every study with this base rate (scaled by the site's group factor);
#       parents are lifted afterwards.
# cond: drawn only when its first parent is present, with this probability.
# picks: parent -> (weights over children, None = unspecified location; p of a second pick).
# links: finding -> [(other finding, probability when `other` is present)]; an extra chance.

FREE: dict[str, dict[str, float]] = {
    "elbow": {
        "fracture": 0.34, "lytic_lesion": 0.012, "sclerotic_lesion": 0.015, "joint_subluxation": 0.02,
        "joint_dislocation": 0.025, "joint_degeneration": 0.08, "soft_tissue_calcification": 0.03,
        "soft_tissue_mass": 0.01, "fat_pad_sign": 0.03, "foreign_body": 0.012, "ossicle": 0.02, "exostosis": 0.01,
    },
    "clavicle": {
        "fracture": 0.38, "sclerotic_lesion": 0.01, "lytic_lesion": 0.01, "joint_degeneration": 0.005,
        "ac_joint_space_widened": 0.015, "ac_joint_space_narrowed": 0.02, "ac_joint_subluxation": 0.04,
        "ac_joint_dislocation": 0.05, "ac_joint_degeneration": 0.10, "sc_joint_space_widened": 0.006,
        "sc_joint_space_narrowed": 0.01, "sc_joint_subluxation": 0.006, "sc_joint_dislocation": 0.004,
        "sc_joint_degeneration": 0.03, "swelling_hematoma": 0.03, "soft_tissue_calcification": 0.02,
        "soft_tissue_mass": 0.008, "foreign_body": 0.008, "ossicle": 0.015,
    },
    "thumb": {
        "fracture": 0.33, "cmc_joint_subluxation": 0.02, "cmc_joint_dislocation": 0.008,
        "cmc_joint_degeneration": 0.12, "mcp_joint_subluxation": 0.015, "mcp_joint_dislocation": 0.015,
        "mcp_joint_degeneration": 0.03, "ip_joint_subluxation": 0.01, "ip_joint_dislocation": 0.01,
        "ip_joint_degeneration": 0.04, "swelling_dactylitis": 0.05, "soft_tissue_calcification": 0.02,
        "soft_tissue_mass": 0.01, "foreign_body": 0.02, "ossicle": 0.05,
    },
}

COND: dict[str, dict[str, float]] = {
    "elbow": {
        "distal_humerus_fracture_comminuted": 0.15, "distal_humerus_fracture_displaced": 0.35,
        "distal_humerus_fracture_intraarticular": 0.25, "olecranon_fracture_displaced": 0.35,
        "olecranon_fracture_comminuted": 0.15, "coronoid_tip_avulsion": 0.4, "radial_head_fracture_displaced": 0.28,
        "radial_head_fracture_comminuted": 0.12, "radial_neck_fracture_displaced": 0.3,
        "radial_neck_fracture_comminuted": 0.08,
    },
    "clavicle": {"fracture_comminuted": 0.2, "fracture_displaced": 0.45},
    "thumb": {"metacarpal1_fracture_comminuted": 0.14, "proximal_phalanx_fracture_comminuted": 0.08,
              "distal_phalanx_fracture_comminuted": 0.18},
}

PICKS: dict[str, dict[str, tuple[dict[str | None, float], float]]] = {
    "elbow": {
        "fracture": ({"radius_fracture": 0.45, "distal_humerus_fracture": 0.3, "ulna_fracture": 0.25}, 0.1),
        "radius_fracture": ({"radial_head_fracture": 0.7, "radial_neck_fracture": 0.22, None: 0.08}, 0.04),
        "ulna_fracture": ({"olecranon_fracture": 0.6, "coronoid_fracture": 0.28, None: 0.12}, 0.04),
    },
    "clavicle": {
        "fracture": ({"fracture_middle_third": 0.7, "fracture_lateral_third": 0.22, "fracture_medial_third": 0.05,
                      None: 0.03}, 0.03),
    },
    "thumb": {
        "fracture": ({"metacarpal1_fracture": 0.45, "proximal_phalanx_fracture": 0.33, "distal_phalanx_fracture": 0.2,
                      None: 0.02}, 0.05),
    },
}

LINKS: dict[str, dict[str, list[tuple[str, float]]]] = {
    "elbow": {
        "fat_pad_sign": [("fracture", 0.7)],
        "joint_dislocation": [("coronoid_fracture", 0.3), ("radial_head_fracture", 0.04)],
        "radial_head_fracture_displaced": [("radial_head_fracture_comminuted", 0.85)],
        "joint_degeneration": [("ossicle", 0.3)],
    },
    "clavicle": {
        "ac_joint_space_widened": [("ac_joint_subluxation", 0.6), ("ac_joint_dislocation", 0.7)],
        "ac_joint_space_narrowed": [("ac_joint_degeneration", 0.5)],
        "sc_joint_space_narrowed": [("sc_joint_degeneration", 0.4)],
        "swelling_hematoma": [("fracture", 0.15)],
        "fracture_displaced": [("fracture_comminuted", 0.8)],
    },
    "thumb": {
        "swelling_dactylitis": [("fracture", 0.25)],
        "cmc_joint_subluxation": [("metacarpal1_fracture", 0.2)],
        "cmc_joint_space_narrowed": [],
    },
}

# Site prevalence factors act on groups of related findings (so a trauma centre has more
# fractures, a hand clinic more rhizarthrosis, without breaking combinations).
GROUPS = ("fracture", "joint", "degeneration", "soft", "lesion", "other")


def group_of(fid: str) -> str:
    if "fracture" in fid or "avulsion" in fid:
        return "fracture"
    if "degeneration" in fid or "narrowed" in fid:
        return "degeneration"
    if "joint" in fid:
        return "joint"
    if "lesion" in fid or fid == "exostosis":
        return "lesion"
    if fid.startswith(("soft_tissue", "swelling", "fat_pad")):
        return "soft"
    return "other"


MODIFIER_SUFFIXES = ("_displaced", "_comminuted", "_intraarticular")


def is_modifier(fid: str) -> bool:
    """Modifiers describe a fracture (how), they are not a place; they are written as adjectives."""
    return fid.endswith(MODIFIER_SUFFIXES) or fid == "coronoid_tip_avulsion"


def primary_parent(tpl: Template, fid: str) -> str | None:
    parents = tpl.finding(fid).parents
    return parents[0] if parents else None


@dataclass
class StudyTruth:
    """One study's truth: present set, per-finding report value and render strength."""

    region: str
    present: set[str]
    report: dict[str, Label]          # propagated values the report expresses (the label truth)
    expressed: dict[str, Label]       # direct statements before propagation (units + modifiers + mimics)
    subtle: set[str] = field(default_factory=set)   # present findings rendered subtle
    mimics: set[str] = field(default_factory=set)   # absent findings with a rendered look-alike

    def image_row(self, tpl: Template) -> dict[str, int]:
        return {fid: int(fid in self.present) for fid in tpl.ids}


def _close(tpl: Template, present: set[str]) -> set[str]:
    out = set(present)
    for fid in list(present):
        out.update(tpl.ancestors(fid))
    return out


def _pick(rng: random.Random, weights: dict[str | None, float]) -> str | None:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys], k=1)[0]


def sample_present(tpl: Template, rng: random.Random, factors: dict[str, float] | None = None) -> set[str]:
    """Draw the present set of one study (closed under parents)."""
    region = tpl.region
    factors = factors or {}
    free = FREE.get(region, {fid: 0.02 for fid in tpl.ids if not tpl.finding(fid).parents})
    cond = COND.get(region, {fid: 0.3 for fid in tpl.ids if tpl.finding(fid).parents})
    picks = PICKS.get(region, {})
    links = LINKS.get(region, {})
    present: set[str] = set()
    for fid in tpl.ids:
        if fid in free:
            p = free[fid] * factors.get(group_of(fid), 1.0)
            if rng.random() < min(p, 0.6):
                present.add(fid)
    # picks walk down from the roots (template order lists parents before their picks here)
    for parent, (weights, p_second) in picks.items():
        if parent not in present:
            continue
        if any(c in present for c in weights if c):
            continue  # already placed by a free draw
        first = _pick(rng, weights)
        if first:
            present.add(first)
        if rng.random() < p_second:
            second = _pick(rng, {k: v for k, v in weights.items() if k != first and k})
            if second:
                present.add(second)
        # nested picks (radius -> radial head) run when their parent was just added
        for child in [c for c in (first,) if c in picks]:
            w2, _ = picks[child]
            c2 = _pick(rng, w2)
            if c2:
                present.add(c2)
    for parent in picks:  # a nested parent placed by a second pick still needs its location
        if parent in present and not any(c in present for c in picks[parent][0] if c):
            c2 = _pick(rng, picks[parent][0])
            if c2:
                present.add(c2)
    for fid in tpl.ids:
        if fid in cond and primary_parent(tpl, fid) in present and rng.random() < cond[fid]:
            present.add(fid)
    for fid, rules in links.items():
        if fid not in tpl.ids or fid in present:
            continue
        pp = primary_parent(tpl, fid)
        if pp is not None and pp not in present:
            continue
        for other, p in rules:
            if other in present and rng.random() < p:
                present.add(fid)
                break
    # a dislocation is not also a subluxation of the same joint
    for a, b in (("joint_dislocation", "joint_subluxation"), ("ac_joint_dislocation", "ac_joint_subluxation"),
                 ("sc_joint_dislocation", "sc_joint_subluxation"), ("cmc_joint_dislocation", "cmc_joint_subluxation"),
                 ("mcp_joint_dislocation", "mcp_joint_subluxation"), ("ip_joint_dislocation", "ip_joint_subluxation")):
        if a in present and b in present:
            present.discard(b)
    return _close(tpl, present)


def units(tpl: Template, present: set[str]) -> list[str]:
    """Present findings a report states as a place/thing (not a modifier, no present non-modifier child)."""
    out = []
    for fid in tpl.ids:
        if fid not in present or is_modifier(fid):
            continue
        kids = [f.id for f in tpl.findings if fid in f.parents and f.id in present]
        if all(is_modifier(k) and primary_parent(tpl, k) == fid for k in kids):
            out.append(fid)
    return out


def anchors(tpl: Template, mod: str, unit_ids: list[str]) -> list[str]:
    """Units a modifier is written with: its primary parent, or the stated units below that parent
    (clavicle: `fracture_displaced` belongs to `fracture`, which is stated as e.g. a middle-third fracture)."""
    pp = primary_parent(tpl, mod)
    if pp is None:
        return []
    if pp in unit_ids:
        return [pp]
    return [u for u in unit_ids if pp in tpl.ancestors(u)]


def direct_modifiers(tpl: Template, present: set[str]) -> list[str]:
    """Present modifiers without present children (thumb's fracture_comminuted is derived, not stated)."""
    return [fid for fid in tpl.ids if fid in present and is_modifier(fid)
            and not any(fid in f.parents and f.id in present for f in tpl.findings)]


MIMIC_WEIGHTS = {"fracture": 3.0, "lesion": 1.0, "soft": 1.0, "joint": 0.7, "degeneration": 0.7, "other": 1.0}


def draw_truth(tpl: Template, rng: random.Random, *, factors: dict[str, float] | None = None,
               p_subtle: float = 0.1, p_mimic: float = 0.1) -> StudyTruth:
    present = sample_present(tpl, rng, factors)
    unit_ids = units(tpl, present)
    mods = direct_modifiers(tpl, present)
    expressed: dict[str, Label] = {}
    subtle: set[str] = set()
    for u in unit_ids:
        if rng.random() < p_subtle:
            subtle.add(u)
        expressed[u] = Label.UNCERTAIN if u in subtle else Label.TRUE
    for m in mods:
        own = Label.UNCERTAIN if rng.random() < p_subtle * 0.8 else Label.TRUE
        # a modifier of a hedged fracture is hedged too (parent >= child)
        cap = min((expressed[a] for a in anchors(tpl, m, unit_ids)), default=Label.TRUE)
        expressed[m] = min(own, cap)
        if expressed[m] is Label.UNCERTAIN:
            subtle.add(m)
    mimics: set[str] = set()
    if rng.random() < p_mimic:
        candidates = [fid for fid in tpl.ids if fid not in present and not is_modifier(fid)
                      and all(p not in present or is_modifier(p) is False for p in tpl.ancestors(fid))]
        # a mimic of a fracture location whose fracture is present would read as a second fracture: skip those
        candidates = [c for c in candidates if not any(a in present for a in tpl.ancestors(c))]
        if candidates:
            w = [MIMIC_WEIGHTS[group_of(c)] for c in candidates]
            m = rng.choices(candidates, weights=w, k=1)[0]
            mimics.add(m)
            expressed[m] = Label.UNCERTAIN
    report, _ = propagate(tpl, expressed)
    return StudyTruth(region=tpl.region, present=present, report=report, expressed=expressed,
                      subtle=subtle, mimics=mimics)
