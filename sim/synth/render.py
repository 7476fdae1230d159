"""Radiograph-like renders: bones as cortical tubes, soft tissue, detector look, one sign per finding.

Rendering happens at a small working resolution (short side `WORK`, about the resolution the
model sees) with vectorised numpy on bounding boxes only, then is upscaled to the study's
native size where noise, exposure gradient, grid pattern, collimation and a burned-in side
marker are added. That keeps a study (two views) at a few milliseconds.

Each finding has its own visual sign (see `SIGNS` below and the issue): fracture = lucent line,
displaced = the distal half of the bone shifted, comminuted = extra lines and small fragments,
(sub)luxation = the distal bone group offset, degeneration = narrowed gap + osteophytes,
lesions = dark/bright focus in bone, calcification = bright specks, mass/swelling = soft-tissue
bulge, foreign body = sharp metal-bright shard, fat pad sign = lucent triangle (elbow lateral),
ossicle = small separate bone, exostosis = bony spur. Strength < 1 renders a subtle sign; a
mimic is the same sign at very low strength on an absent finding.
"""

from __future__ import annotations

import functools
import math

import numpy as np

WORK = 128  # working resolution (short side, px)

# -- anatomy: bone -> parts (x0, y0, x1, y1, r, k) in units of the image width (y scaled by height/width)
#    k = inner/outer radius of the cortical tube (thin cortex for epiphyses)
ANATOMY: dict[tuple[str, str], dict[str, list[tuple[float, ...]]]] = {
    ("elbow", "ap"): {
        "humerus": [(0.50, -0.15, 0.50, 0.44, 0.085, 0.7), (0.36, 0.50, 0.64, 0.50, 0.055, 0.88)],
        "radius": [(0.35, 0.58, 0.44, 0.58, 0.035, 0.88), (0.40, 0.60, 0.35, 1.15, 0.042, 0.7)],
        "ulna": [(0.56, 0.56, 0.62, 1.15, 0.05, 0.7)],
    },
    ("elbow", "lateral"): {
        "humerus": [(0.22, -0.15, 0.46, 0.46, 0.08, 0.7), (0.50, 0.52, 0.50, 0.53, 0.07, 0.9)],
        "ulna": [(0.40, 0.62, 0.52, 0.66, 0.045, 0.85), (0.52, 0.66, 1.15, 0.74, 0.048, 0.7),
                 (0.58, 0.60, 0.62, 0.60, 0.022, 0.9)],
        "radius": [(0.62, 0.50, 0.62, 0.54, 0.036, 0.88), (0.63, 0.55, 1.15, 0.62, 0.04, 0.7)],
    },
    ("thumb", "ap"): {
        "trapezium": [(0.45, 1.00, 0.50, 0.95, 0.07, 0.9)],
        "mc1": [(0.50, 0.86, 0.50, 0.58, 0.045, 0.7)],
        "pp": [(0.50, 0.53, 0.50, 0.33, 0.04, 0.7)],
        "dp": [(0.50, 0.29, 0.50, 0.16, 0.035, 0.8)],
    },
    ("thumb", "lateral"): {
        "trapezium": [(0.40, 1.00, 0.45, 0.95, 0.07, 0.9)],
        "mc1": [(0.46, 0.86, 0.52, 0.58, 0.045, 0.7)],
        "pp": [(0.53, 0.53, 0.57, 0.33, 0.038, 0.7)],
        "dp": [(0.58, 0.29, 0.60, 0.16, 0.032, 0.8)],
    },
    ("clavicle", "ap"): {
        "clavicle": [(0.12, 0.50, 0.40, 0.44, 0.05, 0.7), (0.40, 0.44, 0.62, 0.42, 0.045, 0.7),
                     (0.62, 0.42, 0.82, 0.34, 0.045, 0.75)],
        "acromion": [(0.88, 0.33, 1.10, 0.36, 0.05, 0.85)],
        "sternum": [(-0.10, 0.52, 0.06, 0.56, 0.06, 0.9)],
        "scapula": [(0.70, 0.55, 1.10, 0.70, 0.12, 0.9)],
    },
}
SOFT: dict[str, list[tuple[float, ...]]] = {
    "elbow:ap": [(0.50, -0.2, 0.50, 0.50, 0.30), (0.50, 0.50, 0.49, 1.2, 0.27)],
    "elbow:lateral": [(0.20, -0.2, 0.48, 0.52, 0.24), (0.48, 0.56, 1.2, 0.68, 0.21)],
    "thumb:ap": [(0.48, 1.2, 0.50, 0.12, 0.13)],
    "thumb:lateral": [(0.43, 1.2, 0.59, 0.12, 0.12)],
    "clavicle:ap": [(-0.2, 0.62, 1.2, 0.55, 0.42)],
}
# joints: name -> (x, y, group of bones distal to it that a (sub)luxation moves, direction)
JOINTS = {
    ("elbow", "ap"): {"elbow": (0.50, 0.545, ("radius", "ulna"), (1.0, 0.2))},
    ("elbow", "lateral"): {"elbow": (0.55, 0.58, ("radius", "ulna"), (-0.4, 1.0))},
    ("thumb", "ap"): {"cmc": (0.50, 0.90, ("mc1", "pp", "dp"), (1.0, -0.2)), "mcp": (0.50, 0.555, ("pp", "dp"),
                                                                                    (1.0, 0.0)),
                      "ip": (0.50, 0.31, ("dp",), (1.0, 0.0))},
    ("thumb", "lateral"): {"cmc": (0.45, 0.90, ("mc1", "pp", "dp"), (1.0, -0.3)),
                           "mcp": (0.52, 0.555, ("pp", "dp"), (1.0, 0.2)), "ip": (0.58, 0.31, ("dp",), (1.0, 0.0))},
    ("clavicle", "ap"): {"ac": (0.85, 0.34, ("clavicle",), (0.0, -1.0)),
                         "sc": (0.09, 0.52, ("clavicle",), (0.3, -1.0))},
}
# fracture locations: finding -> view -> (bone, part index, t along the part)
FRACTURE_AT: dict[str, dict[str, dict[str, tuple[str, int, float]]]] = {
    "elbow": {
        "distal_humerus_fracture": {"ap": ("humerus", 0, 0.88), "lateral": ("humerus", 0, 0.85)},
        "olecranon_fracture": {"ap": ("ulna", 0, 0.06), "lateral": ("ulna", 0, 0.45)},
        "coronoid_fracture": {"lateral": ("ulna", 2, 0.5)},
        "ulna_fracture": {"ap": ("ulna", 0, 0.35), "lateral": ("ulna", 1, 0.25)},
        "radial_head_fracture": {"ap": ("radius", 0, 0.5), "lateral": ("radius", 0, 0.5)},
        "radial_neck_fracture": {"ap": ("radius", 1, 0.1), "lateral": ("radius", 1, 0.06)},
        "radius_fracture": {"ap": ("radius", 1, 0.4), "lateral": ("radius", 1, 0.35)},
        "fracture": {"ap": ("ulna", 0, 0.6), "lateral": ("radius", 1, 0.6)},
    },
    "thumb": {
        "metacarpal1_fracture": {"ap": ("mc1", 0, 0.15), "lateral": ("mc1", 0, 0.15)},
        "proximal_phalanx_fracture": {"ap": ("pp", 0, 0.3), "lateral": ("pp", 0, 0.3)},
        "distal_phalanx_fracture": {"ap": ("dp", 0, 0.7), "lateral": ("dp", 0, 0.7)},
        "fracture": {"ap": ("trapezium", 0, 0.5), "lateral": ("trapezium", 0, 0.5)},
    },
    "clavicle": {
        "fracture_medial_third": {"ap": ("clavicle", 0, 0.45)},
        "fracture_middle_third": {"ap": ("clavicle", 1, 0.5)},
        "fracture_lateral_third": {"ap": ("clavicle", 2, 0.5)},
        "fracture": {"ap": ("clavicle", 1, 0.3)},
    },
}
MODIFIER_OF = {
    "distal_humerus_fracture_comminuted": "distal_humerus_fracture",
    "distal_humerus_fracture_displaced": "distal_humerus_fracture",
    "distal_humerus_fracture_intraarticular": "distal_humerus_fracture",
    "olecranon_fracture_displaced": "olecranon_fracture", "olecranon_fracture_comminuted": "olecranon_fracture",
    "coronoid_tip_avulsion": "coronoid_fracture",
    "radial_head_fracture_displaced": "radial_head_fracture", "radial_head_fracture_comminuted": "radial_head_fracture",
    "radial_neck_fracture_displaced": "radial_neck_fracture", "radial_neck_fracture_comminuted": "radial_neck_fracture",
    "fracture_comminuted": "fracture", "fracture_displaced": "fracture",
    "metacarpal1_fracture_comminuted": "metacarpal1_fracture",
    "proximal_phalanx_fracture_comminuted": "proximal_phalanx_fracture",
    "distal_phalanx_fracture_comminuted": "distal_phalanx_fracture",
}
CLAVICLE_THIRDS = ("fracture_medial_third", "fracture_middle_third", "fracture_lateral_third")


@functools.lru_cache(maxsize=4)
def _noise_tile(seed: int = 12345, n: int = 1024) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, n), dtype=np.float32)


def _bbox(h: int, w: int, xs: list[float], ys: list[float], pad: float):
    x0, x1 = max(0, int(min(xs) - pad)), min(w, int(max(xs) + pad) + 2)
    y0, y1 = max(0, int(min(ys) - pad)), min(h, int(max(ys) + pad) + 2)
    return x0, x1, y0, y1


def _capsule(buf: np.ndarray, p0, p1, r: float, k: float | None, value: float = 1.0) -> None:
    """Max-composite a capsule into buf: cortical tube profile if k is given, else a solid chord profile."""
    h, w = buf.shape
    x0, x1, y0, y1 = _bbox(h, w, [p0[0], p1[0]], [p0[1], p1[1]], r + 1)
    if x1 <= x0 or y1 <= y0:
        return
    xs = np.arange(x0, x1, dtype=np.float32)[None, :]
    ys = np.arange(y0, y1, dtype=np.float32)[:, None]
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    l2 = dx * dx + dy * dy or 1e-6
    t = np.clip(((xs - p0[0]) * dx + (ys - p0[1]) * dy) / l2, 0.0, 1.0)
    ex = p0[0] + t * dx - xs
    ey = p0[1] + t * dy - ys
    q2 = (ex * ex + ey * ey) / (r * r)
    outer = np.sqrt(np.clip(1.0 - q2, 0.0, None))
    if k is None:
        prof = outer
    else:
        inner = np.sqrt(np.clip(k * k - q2, 0.0, None))
        prof = (outer - inner) * 1.7 + inner * 0.35
    sub = buf[y0:y1, x0:x1]
    np.maximum(sub, prof * value, out=sub)


def _blob(buf: np.ndarray, cx: float, cy: float, sigma: float, amp: float, mode: str = "add",
          mask: np.ndarray | None = None) -> None:
    h, w = buf.shape
    x0, x1, y0, y1 = _bbox(h, w, [cx], [cy], 3 * sigma + 1)
    if x1 <= x0 or y1 <= y0:
        return
    xs = np.arange(x0, x1, dtype=np.float32)[None, :] - cx
    ys = np.arange(y0, y1, dtype=np.float32)[:, None] - cy
    g = np.exp(-(xs * xs + ys * ys) / (2 * sigma * sigma))
    sub = buf[y0:y1, x0:x1]
    if mode == "add":
        if mask is not None:
            g = g * (mask[y0:y1, x0:x1] > 0.05)
        sub += amp * g
    else:  # multiply (lucent)
        sub *= 1.0 - amp * g


def _line(buf: np.ndarray, cx: float, cy: float, ang: float, half_len: float, width: float, depth: float) -> None:
    """Lucent band through (cx, cy): multiply by (1 - depth * profile)."""
    h, w = buf.shape
    ca, sa = math.cos(ang), math.sin(ang)
    x0, x1, y0, y1 = _bbox(h, w, [cx - ca * half_len, cx + ca * half_len], [cy - sa * half_len, cy + sa * half_len],
                           width * 2 + 1)
    if x1 <= x0 or y1 <= y0:
        return
    xs = np.arange(x0, x1, dtype=np.float32)[None, :] - cx
    ys = np.arange(y0, y1, dtype=np.float32)[:, None] - cy
    along = xs * ca + ys * sa
    across = -xs * sa + ys * ca
    prof = np.exp(-(across / width) ** 2) * (np.abs(along) <= half_len)
    sub = buf[y0:y1, x0:x1]
    sub *= 1.0 - depth * prof


def _shift_half(buf: np.ndarray, cx: float, cy: float, ang: float, dx: int, dy: int) -> None:
    """Move the part of buf on the positive side of the line (cx, cy, ang) by (dx, dy): a displaced fragment."""
    if dx == 0 and dy == 0:
        return
    h, w = buf.shape
    src = buf.copy()
    shifted = np.zeros_like(buf)
    ys0, ys1 = max(0, dy), min(h, h + dy)
    xs0, xs1 = max(0, dx), min(w, w + dx)
    shifted[ys0:ys1, xs0:xs1] = src[ys0 - dy:ys1 - dy, xs0 - dx:xs1 - dx]
    yy = np.arange(h, dtype=np.float32)[:, None] - cy
    xx = np.arange(w, dtype=np.float32)[None, :] - cx
    side = (-xx * math.sin(ang) + yy * math.cos(ang)) > 0
    side_shift = np.zeros_like(side)
    side_shift[ys0:ys1, xs0:xs1] = side[ys0 - dy:ys1 - dy, xs0 - dx:xs1 - dx]
    buf[side] = 0.0
    np.maximum(buf, np.where(side_shift, shifted, 0.0), out=buf)


def _triangle(buf: np.ndarray, pts: list[tuple[float, float]], value: float, mode: str = "add") -> None:
    h, w = buf.shape
    xs_, ys_ = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, y0, y1 = _bbox(h, w, xs_, ys_, 1)
    if x1 <= x0 or y1 <= y0:
        return
    xs = np.arange(x0, x1, dtype=np.float32)[None, :]
    ys = np.arange(y0, y1, dtype=np.float32)[:, None]
    inside = np.ones((y1 - y0, x1 - x0), dtype=bool)
    area = (pts[1][0] - pts[0][0]) * (pts[2][1] - pts[0][1]) - (pts[1][1] - pts[0][1]) * (pts[2][0] - pts[0][0])
    sgn = 1.0 if area >= 0 else -1.0
    for i in range(3):
        (ax, ay), (bx, by) = pts[i], pts[(i + 1) % 3]
        inside &= sgn * ((bx - ax) * (ys - ay) - (by - ay) * (xs - ax)) >= 0
    sub = buf[y0:y1, x0:x1]
    if mode == "add":
        sub += value * inside
    elif mode == "max":
        np.maximum(sub, value * inside, out=sub)
    else:
        sub *= 1.0 - value * inside


def render_view(region: str, view: str, strengths: dict[str, float], rng: np.random.Generator,
                work_hw: tuple[int, int], extras: dict | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(attenuation image, metal layer) at working resolution with the signs of `strengths` (finding -> 0..1)."""
    extras = extras or {}
    h, w = work_hw
    sx, sy = w, h  # normalized -> pixel
    anat = ANATOMY.get((region, view)) or ANATOMY[(region, "ap")]
    joints = JOINTS.get((region, view), {})
    # global jitter: rotate/scale/translate all coordinates
    rot = rng.uniform(-0.12, 0.12)
    scale = rng.uniform(0.9, 1.1)
    tx, ty = rng.uniform(-0.05, 0.05), rng.uniform(-0.05, 0.05)
    cr, srot = math.cos(rot), math.sin(rot)

    def P(x: float, y: float) -> tuple[float, float]:
        x, y = (x - 0.5) * scale, (y - 0.5) * scale * (sx / sy)
        x, y = x * cr - y * srot, x * srot + y * cr
        return (0.5 + x + tx) * sx, (0.5 + y * (sy / sx) + ty) * sy

    rs = scale * sx  # radius scale
    offsets: dict[str, list[float]] = {b: [0.0, 0.0] for b in anat}
    st = strengths.get

    def joint_move(jname: str, amount: float, along: bool = False) -> None:
        if jname not in joints:
            return
        _, _, group, (dxn, dyn) = joints[jname]
        if along:  # move distal group towards the joint (narrowing)
            x, y, _, _ = joints[jname]
        for b in group:
            if b in offsets:
                offsets[b][0] += dxn * amount * rs
                offsets[b][1] += dyn * amount * rs

    # -- joint (sub)luxation / width changes as group offsets
    if region == "elbow":
        joint_move("elbow", 0.14 * st("joint_dislocation", 0) + 0.05 * st("joint_subluxation", 0))
        if st("joint_degeneration", 0):
            offsets["radius"][1] -= 0.012 * rs * st("joint_degeneration")
            offsets["ulna"][1] -= 0.012 * rs * st("joint_degeneration")
    elif region == "thumb":
        for j in ("cmc", "mcp", "ip"):
            joint_move(j, 0.12 * st(f"{j}_joint_dislocation", 0) + 0.045 * st(f"{j}_joint_subluxation", 0))
        for j in ("cmc", "mcp", "ip"):
            dg = st(f"{j}_joint_degeneration", 0)
            if dg:
                for bb in joints[j][2]:
                    offsets[bb][1] += 0.015 * rs * dg
    elif region == "clavicle":
        offsets["clavicle"][1] -= rs * (0.11 * st("ac_joint_dislocation", 0) + 0.04 * st("ac_joint_subluxation", 0))
        offsets["acromion"][0] += rs * (0.05 * st("ac_joint_space_widened", 0)
                                        - 0.03 * st("ac_joint_space_narrowed", 0))
        offsets["sternum"][0] -= rs * (0.05 * st("sc_joint_space_widened", 0) - 0.03 * st("sc_joint_space_narrowed", 0))
        offsets["clavicle"][0] += rs * (0.07 * st("sc_joint_dislocation", 0) + 0.03 * st("sc_joint_subluxation", 0))

    # -- soft tissue
    soft = np.zeros((h, w), dtype=np.float32)
    for (x0, y0, x1, y1, r) in SOFT.get(f"{region}:{view}", SOFT.get(f"{region}:ap", [])):
        _capsule(soft, P(x0, y0), P(x1, y1), r * rs * rng.uniform(0.92, 1.08), None)
    swell = max(st("swelling_hematoma", 0), st("swelling_dactylitis", 0))
    # a fresh fracture comes with soft-tissue swelling around it (not a finding of every template,
    # but what makes a trauma film look like one)
    trauma = max((v for k, v in strengths.items() if "fracture" in k), default=0.0)
    swell = max(swell, 0.6 * trauma)
    if swell:
        segs = SOFT.get(f"{region}:{view}", [])
        x0, y0, x1, y1, r = segs[len(segs) // 2]
        _capsule(soft, P(x0, y0), P(x1, y1), r * rs * (1.0 + 0.45 * swell), None, value=1.0)
    joint_pts = [P(x, y) for (x, y, _, _) in joints.values()] or [P(0.5, 0.5)]
    if st("soft_tissue_mass", 0):
        jx, jy = joint_pts[rng.integers(len(joint_pts))]
        side = 1 if rng.random() < 0.5 else -1
        cx = jx + side * rs * rng.uniform(0.18, 0.26)
        _capsule(soft, (cx, jy - 0.06 * rs), (cx, jy + 0.06 * rs), rs * 0.12 * (0.5 + 0.5 * st("soft_tissue_mass")),
                 None, value=1.0 + 0.4 * st("soft_tissue_mass"))
    if region == "elbow" and view == "lateral" and st("fat_pad_sign", 0):
        s = st("fat_pad_sign")
        hx, hy = P(0.50, 0.42)
        ax, ay = P(0.58, 0.44)
        _triangle(soft, [(ax, ay - 0.02 * rs), (ax + 0.10 * rs, ay - 0.16 * rs), (ax + 0.02 * rs, ay - 0.20 * rs)],
                  0.6 * s, mode="mul")
        if s > 0.5 and rng.random() < 0.6:  # posterior fat pad too
            _triangle(soft, [(hx - 0.09 * rs, hy), (hx - 0.2 * rs, hy - 0.14 * rs), (hx - 0.1 * rs, hy - 0.2 * rs)],
                      0.5 * s, mode="mul")

    # -- bones
    bone = np.zeros((h, w), dtype=np.float32)
    tmp = np.zeros((h, w), dtype=np.float32)
    frac_here = {}
    for fid, locs in FRACTURE_AT.get(region, {}).items():
        if st(fid, 0) and view in locs:
            frac_here.setdefault(locs[view][0], []).append((fid, locs[view]))
    bones = list(anat)
    lesion_bone = extras.get("lesion_bone") or bones[int(rng.integers(0, min(3, len(bones))))]
    for bname in bones:
        tmp.fill(0.0)
        ox, oy = offsets[bname]
        parts = []
        for (x0, y0, x1, y1, r, k) in anat[bname]:
            p0, p1 = P(x0, y0), P(x1, y1)
            p0, p1 = (p0[0] + ox, p0[1] + oy), (p1[0] + ox, p1[1] + oy)
            rr = r * rs * rng.uniform(0.93, 1.07)
            parts.append((p0, p1, rr))
            _capsule(tmp, p0, p1, rr, k)
        for fid, (_, pi, t) in frac_here.get(bname, []):
            _fracture(tmp, parts[pi], t + rng.uniform(-0.08, 0.08), fid, strengths, rng, region)
        if st("exostosis", 0) and bname == (extras.get("exostosis_bone") or bones[0]):
            p0, p1, rr = parts[0]
            t = rng.uniform(0.55, 0.8)
            cx, cy = p0[0] + t * (p1[0] - p0[0]), p0[1] + t * (p1[1] - p0[1])
            ang = math.atan2(p1[1] - p0[1], p1[0] - p0[0]) + (math.pi / 2) * (1 if rng.random() < .5 else -1)
            L = rr * (1.1 + 0.9 * st("exostosis"))
            ang2 = ang - 0.5 * (1 if rng.random() < .5 else -1)
            _capsule(tmp, (cx, cy), (cx + math.cos(ang2) * L * 1.6, cy + math.sin(ang2) * L * 1.6),
                     rr * 0.35, 0.5)
        if bname == lesion_bone:
            p0, p1, rr = parts[-1] if len(parts) == 1 else parts[0]
            for kind, amp in (("lytic_lesion", -0.75), ("sclerotic_lesion", 0.8)):
                s = st(kind, 0)
                if s:
                    t = rng.uniform(0.35, 0.75)
                    cx, cy = p0[0] + t * (p1[0] - p0[0]), p0[1] + t * (p1[1] - p0[1])
                    sig = rr * rng.uniform(0.3, 0.45)
                    if amp < 0:
                        _blob(tmp, cx, cy, sig, -amp * s, mode="mul")
                    else:
                        _blob(tmp, cx, cy, sig, amp * s, mode="add", mask=tmp)
        bone += tmp
    # degeneration: osteophytes + subchondral sclerosis at the joint(s)
    degen = {"elbow": [("elbow", "joint_degeneration")],
             "thumb": [(j, f"{j}_joint_degeneration") for j in ("cmc", "mcp", "ip")],
             "clavicle": [("ac", "ac_joint_degeneration"), ("sc", "sc_joint_degeneration")]}.get(region, [])
    for jname, fid in degen:
        s = st(fid, 0)
        if s and jname in joints:
            jx, jy = P(*joints[jname][:2])
            for side in (-1, 1):
                ox = jx + side * rs * rng.uniform(0.05, 0.09)
                _capsule(bone, (ox, jy), (ox + side * rs * 0.04 * s, jy - rs * 0.02), rs * 0.012 + 0.4, None,
                         value=1.1)
            _blob(bone, jx, jy, rs * 0.05, 0.5 * s, mode="add", mask=bone)
    if st("ossicle", 0):
        jx, jy = joint_pts[rng.integers(len(joint_pts))]
        ang = rng.uniform(0, 2 * math.pi)
        d = rs * rng.uniform(0.09, 0.14)
        cx, cy = jx + math.cos(ang) * d, jy + math.sin(ang) * d
        _capsule(bone, (cx, cy), (cx + 0.02 * rs, cy + 0.01 * rs), rs * 0.022 * (0.6 + 0.4 * st("ossicle")) + 0.5, 0.6,
                 value=0.9 * st("ossicle") + 0.1)
    calc = st("soft_tissue_calcification", 0)
    if calc:
        jx, jy = joint_pts[rng.integers(len(joint_pts))]
        ang = rng.uniform(0, 2 * math.pi)
        cx, cy = jx + math.cos(ang) * rs * 0.14, jy + math.sin(ang) * rs * 0.14
        for _ in range(int(rng.integers(3, 7))):
            _blob(bone, cx + rng.normal(0, rs * 0.03), cy + rng.normal(0, rs * 0.03), 0.7, 0.9 * calc)

    # -- metal (not blurred later): foreign body and hardware
    metal = np.zeros((h, w), dtype=np.float32)
    fb = st("foreign_body", 0)
    if fb:
        jx, jy = joint_pts[rng.integers(len(joint_pts))]
        ang = rng.uniform(0, 2 * math.pi)
        cx, cy = jx + math.cos(ang) * rs * 0.2, jy + math.sin(ang) * rs * 0.2
        size = rs * rng.uniform(0.025, 0.05) * (0.5 + 0.5 * fb)
        pts = [(cx + math.cos(a) * size * rng.uniform(0.5, 1.3), cy + math.sin(a) * size * rng.uniform(0.5, 1.3))
               for a in (ang, ang + 2.2, ang + 4.1)]
        _triangle(metal, pts, 1.4 * fb + 0.1, mode="max")
    if extras.get("hardware"):
        bname = next(iter(frac_here), None) or ("ulna" if region == "elbow" else bones[0] if region != "thumb"
                                                else "mc1")
        (x0, y0, x1, y1, r, _k) = anat[bname][-1 if region == "elbow" else 0]
        p0, p1 = P(x0, y0), P(x1, y1)
        ox, oy = offsets.get(bname, (0, 0))
        p0, p1 = (p0[0] + ox, p0[1] + oy), (p0[0] + ox + 0.45 * (p1[0] - p0[0]), p0[1] + oy + 0.45 * (p1[1] - p0[1]))
        nx, ny = -(p1[1] - p0[1]), p1[0] - p0[0]
        nl = math.hypot(nx, ny) or 1
        off = r * rs * 1.05
        a0 = (p0[0] + nx / nl * off, p0[1] + ny / nl * off)
        a1 = (p1[0] + nx / nl * off, p1[1] + ny / nl * off)
        _capsule(metal, a0, a1, rs * 0.014 + 0.4, None, value=1.3)
        for t in (0.15, 0.5, 0.85):
            sx0, sy0 = a0[0] + t * (a1[0] - a0[0]), a0[1] + t * (a1[1] - a0[1])
            _capsule(metal, (sx0, sy0), (sx0 - nx / nl * off * 2, sy0 - ny / nl * off * 2), rs * 0.008 + 0.4, None,
                     value=1.2)

    img = 0.22 * soft + 0.42 * bone
    return img, metal


def _fracture(tmp: np.ndarray, part, t: float, fid: str, strengths: dict[str, float], rng: np.random.Generator,
              region: str) -> None:
    p0, p1, rr = part
    s = strengths[fid]
    t = min(max(t, 0.05), 0.95)
    cx, cy = p0[0] + t * (p1[0] - p0[0]), p0[1] + t * (p1[1] - p0[1])
    axis = math.atan2(p1[1] - p0[1], p1[0] - p0[0]) if (p1[0] - p0[0]) or (p1[1] - p0[1]) else 0.0
    ang = axis + math.pi / 2 + rng.uniform(-0.45, 0.45)
    half = rr * 1.25
    width = 1.1 + 1.0 * s
    _line(tmp, cx, cy, ang, half, width, min(0.95, 0.1 + 0.85 * s))
    mods = {m: v for m, v in strengths.items() if MODIFIER_OF.get(m) == fid and v}
    if region == "clavicle":
        mods = {m: v for m, v in strengths.items() if m in ("fracture_displaced", "fracture_comminuted") and v}
    for m, v in mods.items():
        if m.endswith("_comminuted"):
            for _ in range(1 + int(v > 0.5)):
                a2 = ang + rng.uniform(0.6, 1.2) * (1 if rng.random() < .5 else -1)
                _line(tmp, cx + rng.normal(0, rr * 0.3), cy + rng.normal(0, rr * 0.3), a2, rr * 0.9, width,
                      0.3 + 0.55 * v)
            fx, fy = cx + rng.normal(0, rr * 0.6), cy + rng.normal(0, rr * 0.6)
            _capsule(tmp, (fx, fy), (fx + rr * 0.3, fy + rr * 0.2), rr * 0.3 * v + 0.4, None, value=0.9)
        elif m.endswith("_intraarticular"):
            _line(tmp, cx + math.cos(axis) * rr, cy + math.sin(axis) * rr, axis, rr * 1.2, width, 0.35 + 0.55 * v)
        elif m == "coronoid_tip_avulsion":
            _line(tmp, p1[0], p1[1], ang, rr * 1.2, width, 0.4 + 0.5 * v)
    disp = mods.get(next((m for m in mods if m.endswith("_displaced")), ""), 0)
    if disp:
        amount = rr * (0.25 + 0.55 * disp)
        px, py = -math.sin(axis), math.cos(axis)
        sign = 1 if rng.random() < 0.5 else -1
        _shift_half(tmp, cx, cy, ang, int(round(sign * px * amount + math.cos(axis) * rr * 0.2 * disp)),
                    int(round(sign * py * amount + math.sin(axis) * rr * 0.2 * disp)))


def _blur(a: np.ndarray, passes: int) -> np.ndarray:
    for _ in range(passes):
        b = a.copy()
        b[1:-1, :] = 0.5 * a[1:-1, :] + 0.25 * (a[:-2, :] + a[2:, :])
        a = b.copy()
        a[:, 1:-1] = 0.5 * b[:, 1:-1] + 0.25 * (b[:, :-2] + b[:, 2:])
    return a


def finish(img: np.ndarray, metal: np.ndarray, native_hw: tuple[int, int], app, rng: np.random.Generator,
           side_label: str | None) -> np.ndarray:
    """Detector look at native size: transfer curve, blur, upscale, exposure gradient, noise, marker. Returns 0..1."""
    from PIL import Image

    x = 1.0 - np.exp(-2.2 * (img * app.contrast))
    x = app.background + (1.0 - app.background) * np.clip(x, 0.0, 1.0)
    x = np.power(x, app.gamma, dtype=np.float32)
    x = _blur(x, app.blur)
    x = np.maximum(x, np.clip(metal, 0, 1.0) * 0.97)
    H, W = native_hw
    up = np.asarray(Image.fromarray(x.astype(np.float32), mode="F").resize((W, H), Image.BILINEAR))
    y = up.copy()
    if app.heel:
        y *= (1.0 + app.heel * np.linspace(-0.5, 0.5, W, dtype=np.float32))[None, :]
    if app.grid_lines:
        y += app.grid_lines * np.sin(np.arange(W, dtype=np.float32) * 2.1)[None, :]
    tile = _noise_tile()
    oy, ox = int(rng.integers(0, tile.shape[0] - H)), int(rng.integers(0, tile.shape[1] - W))
    y += app.noise * tile[oy:oy + H, ox:ox + W]
    if rng.random() < app.collimation:
        b = int(rng.integers(max(2, W // 40), max(3, W // 10)))
        edge = 0.85 + 0.1 * rng.random()
        y[:, :b] = edge
        if rng.random() < 0.5:
            y[:, W - b:] = edge
    if side_label:
        m = _marker(side_label, max(10, H // 18))
        mh, mw = m.shape
        if mh < H and mw < W:
            y0, x0 = 4 + int(rng.integers(0, 6)), (4 if rng.random() < 0.5 else W - mw - 4)
            sub = y[y0:y0 + mh, x0:x0 + mw]
            np.maximum(sub, m * 0.98, out=sub)
    return np.clip(y, 0.0, 1.0)


@functools.lru_cache(maxsize=64)
def _marker(text: str, size: int) -> np.ndarray:
    """Burned-in side marker as a 0..1 mask (cached: a site uses a handful of sizes)."""
    from PIL import Image, ImageDraw

    mask = Image.new("L", (size * len(text) + 4, size + 6), 0)
    ImageDraw.Draw(mask).text((2, 1), text, fill=255, font=_font(size))
    m = np.asarray(mask, dtype=np.float32) / 255.0
    m.flags.writeable = False
    return m


@functools.lru_cache(maxsize=16)
def _font(size: int):
    from PIL import ImageFont

    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # very old Pillow without FreeType default font
        return ImageFont.load_default()
