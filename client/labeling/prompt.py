"""The LLM labeler's prompt and output schema, built from a region template and the labeling rules.

The prompt is part of the label cache key (PROMPT_VERSION): any change to the wording below
must bump the version so that cached answers obtained with the old wording are not reused.
The rules are a faithful condensation of spec/labeling-rules.md; the study (GPT-4o, zero-shot)
put the template and instructions into one prompt per report, and so do we.
"""

from __future__ import annotations

from fedrad.common.labels import VALUES
from fedrad.common.templates import Template

PROMPT_VERSION = "llm-p1"

REPORT_START = "<report>"
REPORT_END = "</report>"

RULES = """\
Labeling rules (follow them exactly):
1. "true": the report states the finding as present, without hedging.
2. "uncertain": the report mentions the finding with hedging or doubt. Cues include
   English: possible, possibly, probable, probably, likely, most likely, suspected, suspicious for,
   questionable, equivocal, cannot be excluded / ruled out, not clearly delineated, may represent,
   differential diagnosis (DD) X, versus;
   German: möglicherweise, fraglich, am ehesten, wahrscheinlich, V.a. / Verdacht auf,
   nicht (sicher) auszuschließen / nicht ausgeschlossen, nicht sicher abgrenzbar, DD X / als DD käme X in Frage.
   "most likely" / "am ehesten" is still "uncertain": only an unhedged statement is "true".
3. "false": the report says the finding is absent ("no fracture", "kein Frakturnachweis",
   "regelrechte Gelenkstellung" = no dislocation and no subluxation), OR does not mention it at all.
4. Only this region counts: findings the report describes in other body parts are ignored.
5. Parents follow children: if a finding is "true", each of its parents is "true"; if a finding is
   "uncertain", each parent is at least "uncertain".
6. Negation and hedging apply to every finding in their scope: "no fracture or dislocation" negates both;
   "fracture of the radial head, dislocation cannot be excluded" = radial head fracture true, dislocation uncertain.
7. An old or healed fracture still described as visible is "true"; "status post ORIF" / hardware alone
   (no fracture line described) leaves fracture "false". Surgical hardware is never a foreign body
   (foreign body = foreign material from trauma: glass, metal splinters, ...).
8. When the findings and the impression (Beurteilung) disagree, the impression wins.
9. The clinical question / indication ("Indication: fall, suspected fracture", "Klinische Angaben: V.a. Fraktur",
   "rule out fracture", "Fragestellung") is NOT a finding: label only what the findings and impression report.
10. Eponyms are findings, not names: "Bennett fracture" = first metacarpal fracture, "Rolando fracture" =
   comminuted first metacarpal fracture, "Mason I-IV" grades a radial head fracture, "Rockwood" / "Tossy"
   grades an acromioclavicular joint dislocation."""


def finding_lines(template: Template) -> str:
    """One line per finding: the id the answer must use, the display name, and its parents."""
    lines = []
    for f in template.findings:
        parent = f" (parent: {', '.join(f.parents)})" if f.parents else ""
        lines.append(f"- {f.id}: {f.name}{parent}")
    return "\n".join(lines)


def system_prompt(template: Template) -> str:
    return (
        "You extract structured labels from radiology reports (English or German) for training an image "
        f"classifier. The region is: {template.display_name} ({template.region}).\n\n"
        f"{RULES}\n\n"
        f"Findings of the {template.region} template ({len(template)}), as `id: display name (parents)`:\n"
        f"{finding_lines(template)}\n\n"
        "Answer with ONE JSON object and nothing else: every finding id above as a key (no other keys), "
        'each value exactly one of "true", "false", "uncertain" (strings).'
    )


def user_prompt(template: Template, report: str) -> str:
    return (f"Label this {template.region} radiograph report.\n{REPORT_START}\n{report.strip()}\n{REPORT_END}")


def messages(template: Template, report: str) -> list[dict[str, str]]:
    return [{"role": "system", "content": system_prompt(template)},
            {"role": "user", "content": user_prompt(template, report)}]


def json_schema(template: Template) -> dict:
    """Strict JSON schema: all finding ids required, each an enum of the three values, nothing else."""
    return {
        "type": "object",
        "properties": {fid: {"type": "string", "enum": list(VALUES)} for fid in template.ids},
        "required": list(template.ids),
        "additionalProperties": False,
    }


def schema_name(template: Template) -> str:
    return f"{template.region}_labels"
