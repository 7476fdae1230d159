"""Issue 11, session 19: the rule labeler's errors on session 18's set dm-dw, as general classes, with example
sentences written for this test (EN and DE), not taken from any corpus. Every other cell of the template must be
`false` (parents lifted), so a case fails on a miss and on anything spurious."""

from __future__ import annotations

import pytest
from fedrad.client.labeling.rules import RuleLabeler
from fedrad.common.labels import Label, propagate
from fedrad.common.templates import load_template


@pytest.fixture(scope="module")
def labelers() -> dict[str, RuleLabeler]:
    return {r: RuleLabeler(r) for r in ("elbow", "thumb", "clavicle")}


def _check(labelers, region: str, text: str, expected: dict[str, str]) -> None:
    tpl = load_template(region)
    gold = {f: Label.FALSE for f in tpl.ids}
    gold.update({f: Label.parse(v) for f, v in expected.items()})
    gold, _ = propagate(tpl, gold)
    pred = labelers[region].label_text(text)
    wrong = {f: f"expected {gold[f]}, got {pred[f]}" for f in tpl.ids if pred[f] != gold[f]}
    assert not wrong, f"{text!r}\n{wrong}"


CASES = [
    # a query naming another kind of thing asks about its own segment; among bone fragments it is a differential
    ("thumb", "Impression: Transverse fracture of the distal phalanx base, ? small glass foreign body.",
     {"distal_phalanx_fracture": "true", "foreign_body": "uncertain"}),
    ("thumb", "Impression: Small ossicle at the IP joint, ? avulsion fragment.",
     {"ossicle": "uncertain", "fracture": "uncertain"}),
    # a side letter after its finding ends the sentence: the next sentence's hedge stays there
    ("elbow", "Impression: Olecranon fracture L. Possible radial head fracture.",
     {"olecranon_fracture": "true", "radial_head_fracture": "uncertain"}),
    # a recommendation after a spaced dash is the tail's, the finding before it stands
    ("elbow", "Beurteilung: Fragliche Abscherfraktur der Koronoidspitze – CT zur Abklärung empfohlen.",
     {"coronoid_tip_avulsion": "uncertain"}),
    ("elbow", "Befund: Abscherfraktur am Capitulum humeri.",
     {"distal_humerus_fracture": "true", "distal_humerus_fracture_intraarticular": "true"}),
    # a third of a forearm bone is not the clavicle's third; the clavicle's stays
    ("elbow", "Findings: Oblique fracture of the middle third of the ulnar shaft.", {"ulna_fracture": "true"}),
    ("elbow", "Befund: Fraktur im proximalen Drittel der Elle.", {"ulna_fracture": "true"}),
    ("clavicle", "Findings: Fracture of the distal third of the clavicle.", {"fracture_lateral_third": "true"}),
    # a heading's place does not add a bone to a fracture that names its own
    ("elbow", "Forearm: Fracture of the ulnar shaft, apex volar. Elbow: no effusion.", {"ulna_fracture": "true"}),
    # a soft tissue component is a soft tissue mass
    ("clavicle", "Findings: Lytic lesion of the medial clavicle; a soft tissue component cannot be excluded.",
     {"lytic_lesion": "true", "soft_tissue_mass": "uncertain"}),
    ("clavicle", "Befund: Osteolyse lateral, eine Weichteilkomponente ist nicht sicher auszuschließen.",
     {"lytic_lesion": "true", "soft_tissue_mass": "uncertain"}),
    # a general statement about foreign bodies says nothing about this image
    ("thumb", "Findings: No fracture. Impression: Normal. Wooden foreign bodies are often radiolucent - consider "
              "ultrasound if clinical concern persists.", {}),
]


@pytest.mark.parametrize("region,text,expected", CASES)
def test_session19_label_classes(labelers, region, text, expected):
    _check(labelers, region, text, expected)
