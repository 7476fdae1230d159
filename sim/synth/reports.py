"""Write one free-text report from a study's truth, recording what was said and which PHI was planted.

The report is correct by construction: every sentence that states, hedges or negates a
finding is recorded as a `Statement` (finding id, value, section, exact sentence text, and
whether it is final, i.e. not superseded by a correction in the impression). Propagating the
final statements' values through the template's parent rules gives the report-label truth;
tests re-derive it from the recorded sentences. Every identifier inserted into the text goes
through `fill`, which records (type, exact string), so the anonymizer can be scored exactly.

Variation is deliberate (frames, word order, section titles, abbreviations, typos, eponyms,
mentions of other regions, hardware, corrections) so a labeler tuned on these phrase banks
still has to generalise; the banks live in reports_en.py / reports_de.py.
"""

from __future__ import annotations

import random
import re
from dataclasses import asdict, dataclass, field
from types import ModuleType

from fedrad.common.labels import Label
from fedrad.common.templates import Template
from fedrad.sim.synth import reports_de, reports_en
from fedrad.sim.synth.findings import StudyTruth, anchors, is_modifier, primary_parent, units
from fedrad.sim.synth.identities import EPONYM_SURNAMES, Identity

BANKS: dict[str, ModuleType] = {"en": reports_en, "de": reports_de}


@dataclass
class Statement:
    fid: str
    value: str          # "true" / "uncertain" / "false"
    section: str        # "findings" / "impression"
    text: str           # the sentence exactly as it appears in the report
    final: bool = True  # False when a later correction supersedes it


@dataclass
class Report:
    text: str
    language: str
    statements: list[Statement] = field(default_factory=list)
    phi: list[tuple[str, str]] = field(default_factory=list)

    def statements_json(self) -> list[dict]:
        return [asdict(s) for s in self.statements]


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(template: str, plain: dict[str, str], phi: dict[str, tuple[str, str]], record: list[tuple[str, str]]) -> str:
    """Fill {placeholders}; PHI placeholders are recorded as (type, exact text)."""

    def rep(m: re.Match) -> str:
        key = m.group(1)
        if key in phi:
            typ, val = phi[key]
            if (typ, val) not in record:
                record.append((typ, val))
            return val
        return plain[key]

    return _PLACEHOLDER.sub(rep, template)


def _cap(s: str) -> str:
    s = s.lstrip()
    return s[:1].upper() + s[1:] if s else s


EN_MASS = ("arthritis", "arthrosis", "changes", "change ", "DJD", "calcifications", "deposits", "swelling",
           "dactylitis", "disease", "widening", "narrowing", "malalignment", "hematoma")


def _split_np(entry: str, lang: str) -> tuple[str, str]:
    """(gender, text); English: 'p' for mass/plural nouns (no article)."""
    if len(entry) > 2 and entry[1] == ":" and entry[0] in "fmnp":
        return entry[0], entry[2:]
    if lang == "en" and any(w in entry for w in EN_MASS):
        return "p", entry
    return "s", entry


def _article(lang: str, gender: str, text: str) -> str:
    if lang == "de":
        return {"f": "eine ", "m": "ein ", "n": "ein ", "p": ""}[gender]
    if gender == "p":
        return ""
    return "an " if text[:1].lower() in "aeiou" and not text.startswith(("u", "one")) else "a "


def _np_choices(bank: ModuleType, region: str, fid: str) -> list[str]:
    return bank.NP.get(f"{region}:{fid}") or bank.NP.get(fid) or [fid.replace("_", " ")]


def _mod_kind(fid: str) -> str:
    if fid == "coronoid_tip_avulsion":
        return "avulsion"
    for k in ("displaced", "comminuted", "intraarticular"):
        if fid.endswith(k):
            return k
    return "displaced"


def _typo(rng: random.Random, s: str) -> str:
    words = s.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if not idx:
        return s
    i = rng.choice(idx)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


ABBREV = {"en": [("fracture", "fx"), ("without", "w/o"), (" with ", " w/ "), ("dislocation", "disloc")],
          "de": [("Verdacht auf ", "V.a. "), ("Fraktur ", "Fx "), (" links", " li."), (" rechts", " re.")]}


class _Writer:
    def __init__(self, tpl: Template, truth: StudyTruth, ident: Identity, lang: str, style, rng: random.Random,
                 side: str, avoid: str | None, phi: dict[str, tuple[str, str]]):
        self.tpl, self.truth, self.ident, self.lang, self.style, self.rng = tpl, truth, ident, lang, style, rng
        self.bank = BANKS[lang]
        self.side = side
        self.avoid = avoid  # a patient surname that must not appear as an eponym in the text
        self.phi = phi
        self.record: list[tuple[str, str]] = []
        self.statements: list[Statement] = []

    # ---- helpers
    def ok(self, text: str) -> bool:
        return not (self.avoid and self.avoid.lower() in text.lower())

    def choice(self, items: list[str], fracture: bool = True) -> str:
        pool = [t for t in items if self.ok(t) and (fracture or not t.startswith("F|"))]
        t = self.rng.choice(pool or items)
        return t[2:] if t.startswith("F|") else t

    def fill(self, template: str, **plain: str) -> str:
        return fill(template, plain, self.phi, self.record)

    def frame(self, frames: list[str], np_text: str, gender: str, fracture: bool) -> str:
        b = self.bank
        t = self.choice(frames, fracture)
        plain = {"np": np_text, "a": _article(self.lang, gender, np_text), "art": _article(self.lang, gender, np_text)}
        if self.lang == "de":
            plain["fragl"] = b.FRAGL[gender if gender in "fmnp" else "f"]
            plain["kein"] = b.KEIN[gender if gender in "fmnp" else "f"]
        return _cap(self.fill(t, **plain))

    def polish(self, s: str) -> str:
        if self.rng.random() < self.style.abbreviation * 0.3:
            for a, b in ABBREV[self.lang]:
                if a in s and self.rng.random() < 0.5:
                    s = s.replace(a, b, 1)
        if self.rng.random() < self.style.typo_rate:
            s = _typo(self.rng, s)
        return s

    # ---- findings
    def unit_phrase(self, u: str, value: Label, impression: bool = False) -> tuple[str, str, dict[str, Label]]:
        """Noun phrase for a stated unit with its modifiers; returns (gender, text, implied values)."""
        tpl, rng, b = self.tpl, self.rng, self.bank
        ex = self.truth.expressed
        stated_units = units(tpl, self.truth.present)
        mods = [f.id for f in tpl.findings if is_modifier(f.id) and (primary_parent(tpl, f.id) == u or (
            u in anchors(tpl, f.id, stated_units + [u]) and primary_parent(tpl, f.id) not in stated_units))
            and not any(f.id in c.parents for c in tpl.findings)]
        mvals = {m: ex.get(m, Label.FALSE) for m in mods}
        implied = {u: value}
        ep = self._eponym(u, value, mvals) if rng.random() < 0.4 and not self.avoid else None
        if ep:
            key, covered = ep
            gender, text = _split_np(self.choice(b.EPONYM[key]), self.lang)
            implied.update(covered)
            mods = [m for m in mods if m not in covered]
        else:
            gender, text = _split_np(self.choice(_np_choices(b, tpl.region, u)), self.lang)
        prefix, suffix = [], ""
        for m in mods:
            kind, mv = _mod_kind(m), mvals[m]
            if mv is Label.FALSE:
                if b.MOD_NEG.get(kind) and rng.random() < (0.35 if not impression else 0.15):
                    suffix += self.choice(b.MOD_NEG[kind])
                    implied[m] = Label.FALSE
                continue
            implied[m] = mv
            if value is Label.UNCERTAIN or (mv is Label.TRUE and rng.random() < 0.3):
                # inside the hedge's scope (or a plain adjective): "possible displaced radial head fracture"
                adj = b.ADJ_POS.get(kind)
                if adj and not ep:
                    prefix.append(rng.choice(adj))
                else:
                    suffix += self.choice(b.MOD_POS[kind])
            elif mv is Label.TRUE:
                suffix += self.choice(b.MOD_POS[kind])
            else:
                suffix += self.choice(b.MOD_HEDGE[kind])
        if prefix:
            text = " ".join(prefix) + " " + text
            if self.lang == "en":
                gender = "s" if gender == "s" else gender
        return gender, text + suffix, implied

    def _eponym(self, u: str, value: Label, mv: dict[str, Label]) -> tuple[str, dict[str, Label]] | None:
        if value is not Label.TRUE:
            return None
        T, F = Label.TRUE, Label.FALSE
        if u == "radial_head_fracture":
            d, c = mv.get("radial_head_fracture_displaced"), mv.get("radial_head_fracture_comminuted")
            if d is F and c is F:
                return "mason1", {"radial_head_fracture_displaced": F, "radial_head_fracture_comminuted": F}
            if d is T and c is F:
                return "mason2", {"radial_head_fracture_displaced": T, "radial_head_fracture_comminuted": F}
            if d is T and c is T:
                return "mason3", {"radial_head_fracture_displaced": T, "radial_head_fracture_comminuted": T}
        if u == "metacarpal1_fracture":
            c = mv.get("metacarpal1_fracture_comminuted")
            if c is Label.UNCERTAIN:
                return None
            return ("rolando" if c is T else "bennett"), {"metacarpal1_fracture_comminuted": c}
        if u == "ac_joint_dislocation":
            return "tossy3", {}
        if u == "ac_joint_subluxation":
            return "tossy2", {}
        return None

    def unit_sentence(self, u: str, value: Label, section: str, final: bool = True) -> str:
        b = self.bank
        gender, text, implied = self.unit_phrase(u, value, impression=section == "impression")
        fracture = "fracture" in u
        if section == "impression":
            frames = b.IMP_PRESENT if value is Label.TRUE else b.IMP_HEDGE
        elif self.rng.random() < self.style.telegraphic:
            frames = ["{np}."] if value is Label.TRUE else b.HEDGE[:6]
        else:
            frames = b.PRESENT if value is Label.TRUE else b.HEDGE
        s = self.polish(self.frame(frames, text, gender, fracture))
        for fid, v in implied.items():
            self.statements.append(Statement(fid, str(v), section, s, final))
        return s

    def negations(self, k: int, section: str) -> list[str]:
        region = self.tpl.region
        bank = self.bank.NEG["*"] + self.bank.NEG.get(region, [])
        ids = set(self.tpl.ids)
        report = self.truth.report
        usable = [(t, [f for f in fids if f in ids]) for t, fids in bank]
        usable = [(t, fids) for t, fids in usable
                  if fids and all(report[f] is Label.FALSE for f in fids) and self.ok(t)]
        self.rng.shuffle(usable)
        # prefer a fracture negation first: real reports almost always say it
        usable.sort(key=lambda x: 0 if "fracture" in x[1] else 1)
        out, covered = [], set()
        for t, fids in usable:
            if len(out) >= k:
                break
            if set(fids) <= covered:
                continue
            s = self.polish(t)
            covered.update(fids)
            for f in fids:
                self.statements.append(Statement(f, "false", section, s, True))
            out.append(s)
        return out


def _fmt_date(d, fmt: str) -> str:
    return d.strftime(fmt)


def write_report(tpl: Template, truth: StudyTruth, ident: Identity, profile, lang: str, rng: random.Random,
                 side: str, *, hardware: bool) -> Report:
    style = profile.style
    b = BANKS[lang]
    fmt = profile.date_format if lang == "de" or "%m" in profile.date_format or "%Y-" in profile.date_format \
        else "%m/%d/%Y"
    if lang == "de" and profile.date_format != "%d.%m.%Y":
        fmt = "%d.%m.%Y"
    ref = (f"Dr. med. {ident.referrer_first} {ident.referrer_last}" if lang == "de"
           else f"Dr. {ident.referrer_first} {ident.referrer_last}")
    rad = f"{ident.radiologist_first} {ident.radiologist_last}"
    phi = {
        "name": ("NAME", f"{ident.first} {ident.last}"), "name_last_first": ("NAME", f"{ident.last}, {ident.first}"),
        "last": ("NAME", ident.last), "dob": ("DATE", _fmt_date(ident.birth, fmt)),
        "date": ("DATE", _fmt_date(ident.exam, fmt)), "prior": ("DATE", _fmt_date(ident.prior, fmt)),
        "pid": ("ID", ident.patient_id), "acc": ("ID", ident.accession), "ref": ("NAME", ref),
        "ref_last": ("NAME", ident.referrer_last), "rad": ("NAME", rad), "colleague": ("NAME", ident.colleague_last),
        "phone": ("PHONE", ident.phone), "inst": ("INSTITUTION", profile.institution),
        "addr": ("ADDRESS", profile.address), "email": ("EMAIL", f"radiologie@{profile.email_domain}"),
        "age": ("AGE", str(ident.age)),
    }
    avoid = ident.last if ident.last in sum(EPONYM_SURNAMES.values(), []) else None
    w = _Writer(tpl, truth, ident, lang, style, rng, side, avoid, phi)
    region = tpl.region
    side_word = rng.choice(b.SIDES[side])
    titles = b.TITLES[style.sections % len(b.TITLES)]
    rw = rng.choice(b.REGION_WORD[region]) if region in b.REGION_WORD else region

    # -- findings content
    stated = units(tpl, truth.present) + sorted(truth.mimics)
    rng.shuffle(stated)
    stated.sort(key=lambda u: 0 if "fracture" in u else 1)  # fractures usually lead
    correction = None
    if rng.random() < style.self_correction:
        absent = [f for f in tpl.ids if truth.report[f] is Label.FALSE and not is_modifier(f)
                  and all(truth.report[a] is Label.FALSE for a in tpl.ancestors(f))]
        unit_ids = units(tpl, truth.present)
        certain = [u for u in stated if truth.expressed.get(u) is Label.TRUE
                   and not any(is_modifier(c.id) and c.id in truth.present and u in anchors(tpl, c.id, unit_ids)
                               for c in tpl.findings)]
        if certain and rng.random() < 0.4:
            correction = ("pos", rng.choice(certain))
        elif absent:
            correction = ("neg", "fracture" if "fracture" in absent else rng.choice(absent))
    findings: list[str] = []
    for u in stated:
        if correction and correction[1] == u:
            findings.append(w.unit_sentence(u, Label.UNCERTAIN, "findings", final=False))
        else:
            findings.append(w.unit_sentence(u, truth.expressed[u], "findings"))
    if correction and correction[0] == "neg":
        findings.insert(0, w.unit_sentence(correction[1], Label.UNCERTAIN, "findings", final=False))
    findings += w.negations(rng.randint(1, 4), "findings")
    extras: list[str] = []
    if hardware:
        extras.append(w.choice(b.HARDWARE.get(region, ["Hardware in place."])))
    if rng.random() < style.other_region:
        extras.append(w.choice(b.OTHER_REGION.get(region, [])))
    if rng.random() < 0.5:
        fillers = [f for f in b.FILLER if ident.age < 16 or ("Growth" not in f and "Wachstum" not in f)]
        extras.append(w.polish(w.choice(fillers)))
    if rng.random() < style.prior * 0.5:
        extras.append(w.fill(w.choice(b.COMPARE_TEXT)))
    if rng.random() < style.age_in_text:
        plain = {"sexword": rng.choice(b.SEXWORD[ident.sex + ("c" if ident.age < 16 else "")])}
        if lang == "de":
            plain["sexend"] = b.SEXEND[ident.sex]
        extras.insert(0, w.fill(w.choice(b.AGE_TEXT), **plain))
    for e in extras:
        findings.insert(rng.randrange(len(findings) + 1), e)

    # -- impression
    impression: list[str] = []
    non_false = [f for f in tpl.ids if truth.report[f] is not Label.FALSE]
    if correction:
        kind, fid = correction
        if kind == "neg":
            gender, text = _split_np(w.choice(_np_choices(b, region, fid)), lang)
            s = w.frame(b.CORRECTION_NEG, text, gender, "fracture" in fid)
            w.statements.append(Statement(fid, "false", "impression", s, True))
        else:
            gender, text = _split_np(w.choice(_np_choices(b, region, fid)), lang)
            s = w.frame(b.CORRECTION_POS, text, gender, "fracture" in fid)
            w.statements.append(Statement(fid, "true", "impression", s, True))
        impression.append(s)
    for u in stated:
        if correction and correction[1] == u:
            continue
        impression.append(w.unit_sentence(u, truth.expressed[u], "impression"))
    if not non_false:
        if correction is None and rng.random() < 0.6:
            s = w.polish(w.fill(w.choice(b.NORMAL_IMPRESSION), region=rw))
            for f in tpl.ids:
                w.statements.append(Statement(f, "false", "impression", s, True))
            impression.append(s)
        else:
            impression += w.negations(rng.randint(1, 2), "impression")
    elif rng.random() < 0.5:
        impression += w.negations(1, "impression")
    if rng.random() < style.callback:
        impression.append(w.fill(w.choice(b.CALLBACK)))
    if rng.random() < 0.08:
        impression.append(w.fill(w.choice(b.EMAIL_TEXT)))

    # -- assemble
    lines = [w.fill(h) for h in b.header(style.header)]
    lines.append("")
    indication = w.choice(b.INDICATIONS["*"] + b.INDICATIONS.get(region, []))
    lines.append(f"{titles['indication']} {indication}")
    tech = w.choice(b.TECHNIQUE.get(region, ["{side} " + region]))
    lines.append(f"{titles['technique']} " + fill(tech, {"side": side_word, "SIDE": side_word.upper()}, {}, []))
    if rng.random() < style.prior:
        lines.append(f"{titles['comparison']} " + w.fill(w.choice(b.COMPARISON)))
    lines.append("")
    numbered = rng.random() < style.numbered_impression and len(impression) > 1
    imp_text = "\n".join(f"{i}. {s}" for i, s in enumerate(impression, 1)) if numbered else " ".join(impression)
    if rng.random() < style.combined_sections and not correction:
        lines.append(titles["combined"])
        lines.append(" ".join(findings))
        lines.append(imp_text)
    else:
        lines.append(titles["findings"])
        para = " ".join(findings) if rng.random() < 0.6 else "\n".join(findings)
        lines.append(para)
        lines.append("")
        lines.append(titles["impression"])
        lines.append(imp_text)
    sig = w.choice(b.SIGNATURE)
    if sig:
        lines.append("")
        lines.append(w.fill(sig))
    text = "\n".join(lines).strip() + "\n"
    # names can appear in frames ("Dr. {colleague}") only via fill, so the record is complete
    return Report(text=text, language=lang, statements=w.statements, phi=w.record)
