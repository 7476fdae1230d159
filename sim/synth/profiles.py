"""Per-site settings: how synthetic hospitals differ (size, case mix, language, style, detector).

A federation is only interesting when sites are not copies of each other. Site sizes and
prevalence factors are drawn from a Dirichlet over sites (small `alpha` = strongly non-IID,
`alpha <= 0` or infinite = IID); the external site gets an appearance deliberately outside the
internal sites' range so that evaluating on it is a real domain shift.
"""

from __future__ import annotations

import math
import random
from dataclasses import asdict, dataclass, field

import numpy as np
from fedrad.sim.synth.findings import GROUPS

INSTITUTIONS_DE = [
    ("Klinikum Nordstadt", "Pauwelsstraße 30, 52074 Aachen", "0241 80-", "klinikum-nordstadt.de"),
    ("St. Marien-Hospital Lindenau", "Marienplatz 4, 04177 Leipzig", "0341 4423-", "marien-lindenau.de"),
    ("Kreiskrankenhaus Oberwald", "Am Kurpark 12, 79856 Hinterzarten", "07652 91-", "kkh-oberwald.de"),
    ("Universitätsklinikum Rheinblick", "Sigmund-Freud-Str. 25, 53127 Bonn", "0228 287-", "ukrb.de"),
    ("Evangelisches Krankenhaus Am Deich", "Deichstraße 8, 26122 Oldenburg", "0441 236-", "ek-am-deich.de"),
]
INSTITUTIONS_EN = [
    ("Riverside General Hospital", "1200 Harbor Blvd, Springfield, IL 62704", "(217) 555-", "riversidegeneral.org"),
    ("St. Agnes Medical Center", "45 Elm Street, Burlington, VT 05401", "(802) 555-", "stagnesmc.org"),
    ("Northgate Orthopaedic Clinic", "7 Northgate Road, Leeds LS7 4SA", "0113 496 ", "northgate-ortho.nhs.uk"),
    ("Lakeside University Hospital", "300 Lakeshore Drive, Madison, WI 53706", "(608) 555-", "lakeside-uh.edu"),
]


@dataclass
class Appearance:
    """Detector and processing look; applied after rendering the anatomy."""

    contrast: float = 1.0          # multiplies the bone/soft signal
    gamma: float = 1.0
    background: float = 0.06       # air level (0..1)
    noise: float = 0.02            # sigma of additive noise
    blur: int = 1                  # passes of a [1,2,1] blur at working resolution
    heel: float = 0.05             # left-right exposure gradient
    grid_lines: float = 0.0        # amplitude of an anti-scatter grid pattern
    size_scale: float = 1.25       # native short side = image_size * size_scale (jittered)
    aspect: tuple[float, float] = (1.15, 1.45)
    bit_depth: int = 8             # PNG 8 or 16
    marker: str | None = "L"       # burned-in side marker text (None = none)
    collimation: float = 0.3       # share of images with visible collimation edges
    monochrome1: float = 0.0       # share of DICOM stored as MONOCHROME1
    rescale: tuple[float, float] = (1.0, 0.0)  # DICOM RescaleSlope, RescaleIntercept


@dataclass
class ReportStyle:
    header: int = 0                # header layout variant
    sections: int = 0              # section-title vocabulary variant
    telegraphic: float = 0.5       # share of terse noun-phrase sentences
    numbered_impression: float = 0.3
    typo_rate: float = 0.01        # chance per sentence of one typo
    abbreviation: float = 0.3
    self_correction: float = 0.03
    other_region: float = 0.12
    hardware: float = 0.04
    prior: float = 0.35
    callback: float = 0.1          # "discussed with Dr. X, phone ..." in the text
    age_in_text: float = 0.3
    combined_sections: float = 0.15  # "Befund und Beurteilung" in one block


@dataclass
class SiteProfile:
    name: str
    index: int
    external: bool
    language: str                  # "de", "en" or "mixed"
    n_studies: int
    region_weights: dict[str, float]
    prevalence_factors: dict[str, float]
    p_subtle: float
    p_mimic: float
    dicom_fraction: float
    institution: str
    address: str
    phone_prefix: str
    email_domain: str
    csv_delimiter: str = ","
    csv_bom: bool = False
    csv_crlf: bool = False
    date_format: str = "%d.%m.%Y"
    id_prefix: str = ""
    appearance: Appearance = field(default_factory=Appearance)
    style: ReportStyle = field(default_factory=ReportStyle)

    def to_json(self) -> dict:
        return asdict(self)


def _dirichlet(rng: np.random.Generator, n: int, alpha: float) -> np.ndarray:
    if n == 1 or alpha <= 0 or math.isinf(alpha):
        return np.full(n, 1.0 / n)
    return rng.dirichlet(np.full(n, alpha))


def site_sizes(total: int, n: int, alpha: float, rng: np.random.Generator) -> list[int]:
    """Sizes that sum to `total`; non-IID sizes vary but no site gets fewer than 40% of its fair share."""
    w = _dirichlet(rng, n, alpha)
    shares = 0.4 / n + 0.6 * w
    raw = shares * total
    sizes = np.floor(raw).astype(int)
    for i in np.argsort(-(raw - sizes))[: total - sizes.sum()]:
        sizes[i] += 1
    return [max(1, int(s)) for s in sizes]


def make_profiles(*, sites: int, studies_per_site: int, regions: list[str], external_site: bool,
                  seed: int, dicom_fraction: float, non_iid_alpha: float) -> list[SiteProfile]:
    rng = np.random.default_rng([seed, 7001])
    prng = random.Random(seed * 7919 + 17)
    sizes = site_sizes(sites * studies_per_site, sites, non_iid_alpha, rng)
    # prevalence factor per group and site: n * Dirichlet share, kept within a sensible band
    factors = {g: np.clip(sites * _dirichlet(rng, sites, non_iid_alpha), 0.4, 2.2) for g in GROUPS}
    region_mix = [(_dirichlet(rng, len(regions), non_iid_alpha * 2) if len(regions) > 1 else np.ones(1))
                  for _ in range(sites)]
    out: list[SiteProfile] = []
    de_i = en_i = 0
    for i in range(sites):
        lang = "de" if i % 2 == 0 else "en"
        if lang == "de":
            inst = INSTITUTIONS_DE[de_i % len(INSTITUTIONS_DE)]
            de_i += 1
        else:
            inst = INSTITUTIONS_EN[en_i % len(INSTITUTIONS_EN)]
            en_i += 1
        mix = 0.25 / len(regions) + 0.75 * region_mix[i]
        app = Appearance(
            contrast=prng.uniform(0.85, 1.15), gamma=prng.uniform(0.85, 1.2), background=prng.uniform(0.03, 0.1),
            noise=prng.uniform(0.012, 0.03), blur=prng.choice([0, 1, 1, 2]), heel=prng.uniform(0.0, 0.08),
            grid_lines=prng.choice([0.0, 0.0, 0.015]), size_scale=prng.uniform(1.0, 1.3),
            bit_depth=16 if i % 3 == 0 else 8, marker=prng.choice(["L", "R", "LI", "RE", None]),
            collimation=prng.uniform(0.1, 0.5), monochrome1=prng.choice([0.0, 0.5, 1.0]),
            rescale=prng.choice([(1.0, 0.0), (1.0, 0.0), (0.5, 0.0), (1.0, -1024.0)]))
        style = ReportStyle(header=i % 3, sections=prng.randrange(3), telegraphic=prng.uniform(0.2, 0.8),
                            numbered_impression=prng.uniform(0.0, 0.6), typo_rate=prng.uniform(0.0, 0.03),
                            abbreviation=prng.uniform(0.1, 0.6), self_correction=prng.uniform(0.02, 0.05),
                            other_region=prng.uniform(0.05, 0.2), hardware=prng.uniform(0.02, 0.06),
                            prior=prng.uniform(0.2, 0.5), callback=prng.uniform(0.05, 0.2),
                            age_in_text=prng.uniform(0.1, 0.5), combined_sections=prng.uniform(0.0, 0.3))
        odd_csv = i == 0 or (i == 2 and sites > 3)
        out.append(SiteProfile(
            name=f"site-{i + 1:02d}", index=i, external=False, language=lang, n_studies=sizes[i],
            region_weights={r: float(m) for r, m in zip(regions, mix / mix.sum(), strict=True)},
            prevalence_factors={g: float(factors[g][i]) for g in GROUPS},
            p_subtle=prng.uniform(0.07, 0.14), p_mimic=prng.uniform(0.06, 0.14), dicom_fraction=dicom_fraction,
            institution=inst[0], address=inst[1], phone_prefix=inst[2], email_domain=inst[3],
            csv_delimiter=";" if odd_csv else ",", csv_bom=odd_csv, csv_crlf=odd_csv or i % 2 == 1,
            date_format="%d.%m.%Y" if lang == "de" else prng.choice(["%m/%d/%Y", "%Y-%m-%d"]),
            id_prefix=prng.choice(["", "P", "MRN", "0"]), appearance=app, style=style))
    if external_site:
        app = Appearance(contrast=0.75, gamma=1.45, background=0.16, noise=0.045, blur=2, heel=0.14,
                         grid_lines=0.03, size_scale=1.5, aspect=(1.0, 1.25), bit_depth=16, marker="SIN",
                         collimation=0.8, monochrome1=1.0, rescale=(0.25, 0.0))
        style = ReportStyle(header=2, sections=2, telegraphic=0.85, numbered_impression=0.7, typo_rate=0.04,
                            abbreviation=0.7, self_correction=0.05, other_region=0.2, hardware=0.05, prior=0.3,
                            callback=0.15, age_in_text=0.4, combined_sections=0.3)
        inst = ("MVZ Radiologie am Schlossgarten", "Schlossgartenweg 3, 34117 Kassel", "0561 70 99-",
                "radiologie-schlossgarten.de")
        out.append(SiteProfile(
            name="external", index=sites, external=True, language="mixed", n_studies=studies_per_site,
            region_weights={r: 1.0 / len(regions) for r in regions},
            prevalence_factors={g: 1.0 for g in GROUPS}, p_subtle=0.12, p_mimic=0.12,
            dicom_fraction=min(1.0, dicom_fraction * 1.5), institution=inst[0], address=inst[1],
            phone_prefix=inst[2], email_domain=inst[3], csv_delimiter=";", csv_bom=True, csv_crlf=True,
            date_format="%d.%m.%Y", id_prefix="EXT", appearance=app, style=style))
    return out
