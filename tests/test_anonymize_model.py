"""The anonymizer's learned recall layer (client/anon_model.py): what it adds over the rules, and what it
may never take. Examples are our own, not from any evaluation corpus."""

from __future__ import annotations

import gzip

from fedrad.client.anon_engine import Anonymizer
from fedrad.client.anon_model import TokenModel, shape

RULES = Anonymizer(token_model=False)  # the rules alone
FULL = Anonymizer()  # the default: rules + the token layer


def test_the_shipped_model_loads():
    assert FULL.token_model is not None and "bias" in FULL.token_model.weights
    assert len(FULL.token_model.weights) > 100


def test_a_town_beside_a_removed_address_goes():
    # the learned layer closed this gap first (the rules left the town); since session 10 the rules take the town
    # after a street address themselves (ADDRESS_TAIL_RE), and the layer must not undo it
    text = ("Findings: Normal elbow.\nThis report was issued by a teleradiology company (registered in Wales), "
            "7 Quayside Court, Dunmore Lane, Penhelig.")
    for out in (RULES(text), FULL(text)):
        assert "Penhelig" not in out and "Normal elbow" in out


def test_the_layer_stays_out_of_body_prose():
    text = "Morbus Panner, Panner disease, Hoffa-Fraktur. Weber B Sprunggelenksfraktur. Garden III."
    assert FULL(text) == text


def test_all_caps_particle_between_removed_name_parts_goes():
    # the layer closed this gap first; since branch anon7 the rules join a particle between two removed names too
    text = "Patient: VAN DEN HOEK, Marit   MRN 5512334\nFindings: No fracture."
    for out in (RULES(text), FULL(text)):
        assert "DEN" not in out and "HOEK" not in out and "No fracture" in out


def test_eponyms_and_findings_survive_the_layer():
    text = ("Kestrel Vale Hospital, Radiology\nPatient: Jaroslav Kubica\n"
            "Findings: Mason I radial head fracture. Bennett fracture of the thumb. Monteggia lesion excluded.")
    out = FULL(text)
    for keep in ("Mason I", "Bennett fracture", "Monteggia lesion", "radial head fracture"):
        assert keep in out


def test_lower_case_clinical_words_on_a_cased_line_are_never_scored():
    text = "INDICATION: Preop bariatric surgery.\nCOMPARISON: None.\nFINDINGS: Lungs clear."
    out = FULL(text)
    assert "bariatric surgery" in out and "Lungs clear" in out


def test_model_probability_and_missing_file(tmp_path):
    m = TokenModel({"bias": -2.0, "sh=Xx": 3.0})
    assert m.prob(["sh=Xx"]) > 0.5 > m.prob(["sh=x"])  # unknown features weigh nothing
    assert TokenModel.load(tmp_path / "none.tsv.gz") is None
    p = tmp_path / "m.tsv.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write("bias\t-1.5\nw=a\tb\t0.5\n")  # a feature name may hold a tab: the weight is the last field
    loaded = TokenModel.load(p)
    assert loaded.bias == -1.5 and loaded.weights["w=a\tb"] == 0.5


def test_shape_classes():
    assert shape("Müller") == "Xx" and shape("KUTRRH") == "X" and shape("ab12") == "xd"
    assert shape("O'Neil") == "X'Xx"
