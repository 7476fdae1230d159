"""The rule labeler on each class of label error found on an independent hand-written corpus
(issue 11), with example sentences written for this test (EN and DE), not taken from any corpus.

Each case gives the cells it is about; every other cell of the template must be `false`, so a
case fails both when the finding is missed and when something spurious appears.
"""

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


def _cases(*cases):
    return pytest.mark.parametrize("region,text,expected", cases, ids=[f"{c[0]}-{i}" for i, c in enumerate(cases)])


# ---- anatomy outside the region (rule 4) -------------------------------------------------------
@_cases(
    ("elbow", "Findings: Elbow joint congruent, no fracture. Wrist: undisplaced fracture of the scaphoid waist.", {}),
    ("elbow", "Befund: Ellenbogen unauffällig. Handgelenk: distale Radiusfraktur loco typico mit Abkippung.", {}),
    ("clavicle", "Findings: Clavicle intact. Impacted fracture of the humeral head with a Hill-Sachs defect.", {}),
    ("clavicle", "Befund: Klavikula intakt. Schulter: Verkalkung im Verlauf der Supraspinatussehne.", {}),
    ("thumb", "Befund: Daumen regelrecht. Heberden-Arthrose der DIP-Gelenke II bis IV.", {}),
    ("thumb", "Findings: Thumb normal. Mild swelling on the ulnar side of the hand, no fracture.", {}),
    # session 16: Heberden's arthrosis named by another finger or ray is the hand's, not the thumb IP joint's
    ("thumb", "Befund: Daumen regelrecht. Nebenbefund: Heberden-Arthrose am Endgelenk des Mittelfingers.", {}),
    ("thumb", "Befund: Daumen o.B. Heberden-Arthrose D III und D IV mit Osteophyten.", {}),
    ("thumb", "Findings: Thumb joints preserved. Heberden nodes of the ring and little fingers.", {}),
)
def test_anatomy_outside_the_region_is_not_labelled(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- hedge scope bound to the finding it qualifies (rules 2 and 6) ----------------------------
@_cases(
    ("elbow", "Impression: Fracture of the radial neck; dislocation cannot be excluded.",
     {"radial_neck_fracture": "true", "joint_dislocation": "uncertain"}),
    ("elbow", "Beurteilung: Radiushalsfraktur. Eine Luxation ist nicht sicher auszuschließen.",
     {"radial_neck_fracture": "true", "joint_dislocation": "uncertain"}),
    ("elbow", "Findings: Well-defined lucent lesion in the proximal ulna, likely a non-ossifying fibroma versus "
              "a simple bone cyst.", {"lytic_lesion": "true"}),
    ("elbow", "Findings: Lucency at the radial neck, likely a fracture.", {"radial_neck_fracture": "uncertain"}),
    ("clavicle", "Beurteilung: Osteolyse im lateralen Klavikuladrittel, DD Metastase, DD Plasmozytom.",
     {"lytic_lesion": "true"}),
    ("elbow", "Findings: Small ossific density at the medial epicondyle, ossicle versus avulsion fracture.",
     {"ossicle": "uncertain", "distal_humerus_fracture": "uncertain"}),
    ("thumb", "Befund: Weichteilraumforderung am Daumengrundglied, DD Ganglion.", {"soft_tissue_mass": "true"}),
    ("clavicle", "Impression: Acute fracture of the mid clavicle. AC joint widening, possibly a sprain.",
     {"fracture_middle_third": "true", "ac_joint_space_widened": "true"}),
)
def test_hedge_is_bound_to_the_finding_it_qualifies(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- addenda and corrections supersede the report above ---------------------------------------
@_cases(
    ("clavicle", "Findings: Possible undisplaced fracture of the mid clavicle.\nImpression: Suspected fracture.\n"
                 "Signed: [NAME]\n\nADDENDUM [DATE]: On the additional tangential view the lucency is a skin "
                 "fold. No fracture.", {}),
    ("clavicle", "Befund: Fragliche Fissur der Klavikula im mittleren Drittel.\nBeurteilung: V.a. Fissur.\n\n"
                 "NACHTRAG vom [DATE], 14:10 Uhr:\nKorrigierte Beurteilung: Kein Frakturnachweis. Der Verdacht "
                 "auf eine Fissur wird nicht bestätigt.", {}),
    ("clavicle", "Findings: AC joint mildly widened.\nImpression: Possible AC sprain.\n\nAddendum: Stress views show "
                 "the coracoclavicular distance doubled: Rockwood type V AC joint dislocation.",
     {"ac_joint_space_widened": "true", "ac_joint_dislocation": "true"}),
)
def test_addendum_supersedes_the_report_above(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- classification systems mean template findings (rule 10) ----------------------------------
@_cases(
    ("elbow", "Impression: Mason II fracture.", {"radial_head_fracture_displaced": "true"}),
    ("elbow", "Beurteilung: Radiusköpfchenfraktur Mason III mit Beteiligung des Radiushalses.",
     {"radial_head_fracture_displaced": "true", "radial_head_fracture_comminuted": "true",
      "radial_neck_fracture": "true"}),
    ("elbow", "Impression: Monteggia fracture-dislocation.",
     {"ulna_fracture": "true", "joint_dislocation": "true"}),
    ("elbow", "Impression: Essex-Lopresti injury.", {"radial_head_fracture": "true"}),
    ("clavicle", "Beurteilung: Schultereckgelenksprengung Tossy III.", {"ac_joint_dislocation": "true"}),
    ("clavicle", "Impression: Rockwood type II AC joint injury.", {"ac_joint_subluxation": "true"}),
    ("clavicle", "Findings: The lateral clavicle is elevated by a full shaft width.\nImpression: Rockwood III "
                 "AC separation.", {"ac_joint_dislocation": "true"}),
    # Neer II is displaced by definition (session 16), Neer I is not; Neer V is comminuted
    ("clavicle", "Impression: Neer type II fracture.",
     {"fracture_lateral_third": "true", "fracture_displaced": "true"}),
    ("clavicle", "Impression: Neer type I fracture.", {"fracture_lateral_third": "true"}),
    ("thumb", "Beurteilung: Heberden-Arthrose des Daumenendgelenks.", {"ip_joint_degeneration": "true"}),
    ("clavicle", "Beurteilung: Laterale Klavikulafraktur Neer V.", {"fracture_lateral_third": "true",
                                                                  "fracture_comminuted": "true"}),
    ("thumb", "Impression: Bennett fracture.", {"metacarpal1_fracture": "true"}),
    ("thumb", "Beurteilung: Rolando-Fraktur.", {"metacarpal1_fracture_comminuted": "true"}),
    ("thumb", "Impression: Salter-Harris II fracture of the base of the proximal phalanx.",
     {"proximal_phalanx_fracture": "true"}),
    ("clavicle", "Beurteilung: Epiphysenlösung am medialen Klavikulaende nicht sicher auszuschließen.",
     {"fracture_medial_third": "uncertain"}),
)
def test_classification_systems_map_to_template_findings(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- old / healed versus acute (rule 7) --------------------------------------------------------
@_cases(
    ("clavicle", "Findings: Old healed midshaft clavicle fracture with callus. No acute fracture.",
     {"fracture_middle_third": "true"}),
    ("clavicle", "Findings: Status post plate fixation of the clavicle; the fracture line is no longer visible.\n"
                 "Impression: Healed clavicle fracture, hardware intact.", {}),
    ("elbow", "Befund: Z.n. Plattenosteosynthese am distalen Humerus. Fraktur knöchern konsolidiert, Frakturlinie "
              "nicht mehr abgrenzbar.", {}),
    ("elbow", "Befund: Alte, in Fehlstellung verheilte Olekranonfraktur, Frakturlinie noch abgrenzbar.",
     {"olecranon_fracture": "true"}),
    ("thumb", "Findings: Status post K-wire fixation of the first metacarpal.", {}),
)
def test_old_healed_versus_acute(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- hardware is never a foreign body ----------------------------------------------------------
@_cases(
    ("elbow", "Findings: Tension band wiring and two K-wires in the olecranon, metallic hardware intact.", {}),
    ("thumb", "Befund: Einliegende Schrauben und Platte am Os metacarpale I, Metall regelrecht.", {}),
    ("thumb", "Findings: Small radiopaque glass fragment in the soft tissues of the thumb tip.",
     {"foreign_body": "true"}),
)
def test_hardware_is_not_a_foreign_body(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- negation lists of any length --------------------------------------------------------------
@_cases(
    ("thumb", "Findings: No fracture, dislocation, lytic or sclerotic lesion, soft tissue swelling, calcification "
              "or radiopaque foreign body.", {}),
    ("clavicle", "Befund: Keine Fraktur, Luxation, Osteolyse, Sklerose, Weichteilschwellung, Verkalkung oder "
                 "Fremdkörper.", {}),
    ("elbow", "Findings: There is no evidence of fracture, joint effusion, dislocation, subluxation, "
              "degenerative change or soft tissue calcification.", {}),
)
def test_negation_lists_of_any_length(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- the clinical question is never labelled (rule 9); the impression wins (rule 8) -----------
@_cases(
    ("elbow", "Clinical: fall onto the elbow, ?radial head fracture\nFindings: Normal alignment. No fracture.\n"
              "Impression: Normal elbow.", {}),
    ("clavicle", "Klinik: Sturz, Fraktur? ACG-Sprengung?\nBefund: Klavikula intakt, AC-Gelenk regelrecht.", {}),
    ("clavicle", "Hx: fall, deformity of the clavicle, ?fracture\nThere is a displaced fracture of the middle third "
                 "of the clavicle.\nImpression: Displaced midshaft clavicle fracture.",
     {"fracture_middle_third": "true", "fracture_displaced": "true"}),
    ("elbow", "Findings: Possible fracture of the radial head.\nImpression: Radial head fracture.",
     {"radial_head_fracture": "true"}),
)
def test_question_not_labelled_and_impression_wins(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- laterality abbreviations end a sentence; a place carries to the next sentence -----------
@_cases(
    ("thumb", "Beurteilung: Rhizarthrose li. Fragliche beginnende Arthrose im Grundgelenk.",
     {"cmc_joint_degeneration": "true", "mcp_joint_degeneration": "uncertain"}),
    ("clavicle", "Findings: Lytic lesion of the medial third of the clavicle. A pathologic fracture cannot be "
                 "excluded.", {"lytic_lesion": "true", "fracture_medial_third": "uncertain"}),
    ("elbow", "Findings: A bony fragment anterior to the trochlea, likely an avulsion of the coronoid tip.",
     {"coronoid_tip_avulsion": "uncertain"}),
)
def test_sentence_and_reference_boundaries(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- session 4: classes seen on the second hand-written corpus (own examples) -----------------
@_cases(
    # a signature's rank ('OA' = Oberarzt) is not osteoarthritis
    ("elbow", "Befund: Kein Frakturnachweis. Gelenkstellung regelrecht.\n\nOA Dr. Berit Lindqvist", {}),
    ("thumb", "Beurteilung: Unauffälliger Daumen.\nOÄ Dr. med. Sanne de Vries", {}),
)
def test_signature_rank_is_not_a_finding(labelers, region, text, expected):
    _check(labelers, region, text, expected)


@_cases(
    # list items the lexicon does not know ('periosteal reaction') do not end the negation's scope
    ("elbow", "Findings: No fracture, effusion, periosteal reaction, erosion, soft tissue calcification or "
              "radiopaque foreign body.", {}),
    ("clavicle", "Findings: No fracture, dislocation, cortical irregularity, bone destruction, soft tissue swelling, "
                 "calcification or foreign body.", {}),
)
def test_negation_list_with_unknown_items(labelers, region, text, expected):
    _check(labelers, region, text, expected)


@_cases(
    # a hedge followed by its own words qualifies them, not the finding before the comma
    ("thumb", "Impression: Volar dislocation of the IP joint, probably chronic in view of the remodelling.",
     {"ip_joint_dislocation": "true"}),
    ("elbow", "Impression: Heterotopic ossification anterior to the joint, likely limiting flexion.",
     {"soft_tissue_calcification": "true"}),
    # ... also when what follows was an identifier the anonymizer replaced
    ("clavicle", "Impression: Displaced fracture of the middle third of the clavicle, likely [AGE].",
     {"fracture_middle_third": "true", "fracture_displaced": "true"}),
    # a query glued to its word hedges it
    ("elbow", "Findings: Supracondylar fracture, displaced, ?extension into the joint.",
     {"distal_humerus_fracture": "true", "distal_humerus_fracture_displaced": "true",
      "distal_humerus_fracture_intraarticular": "uncertain"}),
    ("elbow", "Impression: ?Radial head subluxation - repeat view advised.", {"joint_subluxation": "uncertain"}),
)
def test_hedge_scope_after_a_comma_and_glued_queries(labelers, region, text, expected):
    _check(labelers, region, text, expected)


@_cases(
    # a hedging impression caps the children the findings stated
    ("clavicle", "Findings: Fracture of the medial third of the clavicle.\n\nImpression: Possible fracture.",
     {"fracture_medial_third": "uncertain"}),
    ("elbow", "Befund: Fraktur des Radiusköpfchens.\n\nBeurteilung: Fragliche Fraktur.",
     {"radial_head_fracture": "uncertain"}),
)
def test_hedging_impression_caps_the_findings_children(labelers, region, text, expected):
    _check(labelers, region, text, expected)


@_cases(
    # a healed fracture whose line the report says is no longer there is not on the image (rule 7)
    ("thumb", "Findings: The base of the first metacarpal has united; no fracture line is visible any more.", {}),
    ("elbow", "Findings: Healed olecranon fracture, with no residual fracture line seen.", {}),
    ("elbow", "Befund: Alte Olekranonfraktur knöchern konsolidiert, keine Frakturlinie mehr.", {}),
)
def test_healed_fracture_without_visible_line(labelers, region, text, expected):
    _check(labelers, region, text, expected)


@_cases(
    # what the patient reports or the history line asks is not an image finding (rule 9)
    ("clavicle", "Findings: The patient reports swelling over the AC joint. No abnormality of the AC joint.", {}),
    ("thumb", "Findings: Hx ?Rolando after a fall on the outstretched hand. No fracture of the thumb.", {}),
    ("elbow", "Befund: Patient klagt über Schwellung am Ellenbogen. Kein Erguss, keine Fraktur.", {}),
)
def test_reported_symptoms_and_history_lines(labelers, region, text, expected):
    _check(labelers, region, text, expected)


@_cases(
    # an elevated fragment is the fracture's displacement, not a subluxed AC joint
    ("clavicle", "Befund: Fraktur der lateralen Klavikula mit Hochstand des medialen Fragments um 7 mm. "
                 "AC-Gelenk kongruent.",
     {"fracture_lateral_third": "true", "fracture_displaced": "true"}),
    ("clavicle", "Findings: Oblique fracture of the lateral third with elevation of the medial fragment.",
     {"fracture_lateral_third": "true", "fracture_displaced": "true"}),
)
def test_elevated_fragment_is_displacement_not_subluxation(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# -- round 5: an addendum dated in the German way, an overread, an addendum ruling out what it corrects ------

@pytest.mark.parametrize("region, text, expected", [
    ("elbow", "Befund: Kortikale Unregelmäßigkeit an der Olekranonspitze, V.a. Olekranonfraktur.\n"
              "Beurteilung: V.a. Olekranonfraktur.\n\n"
              "NACHTRAG 03.04.2026: Nach Vergleich mit der Gegenseite Apophysenfuge, keine Olekranonfraktur.", {}),
    ("elbow", "Prelim (ED): Likely radial head fracture.\n\n"
              "RADIOLOGY OVERREAD: The radial head is intact. No radial head fracture.", {}),
])
def test_addendum_supersedes_and_rules_out_the_parent_it_stood_for(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- round 3: hedge scope bound to the finding it qualifies, conditional advice, signature lines, ordinals,
# lists with unknown items, questions without a header. Most cases fail before round 3; the others pin what the
# new rules must not change (a lesion hedged as to its nature, a hedged grade, a fracture 'not displaced').
SCOPE_CASES = [
    # a sign followed by its hedged interpretation: the finding is uncertain
    ("elbow", "Findings: Subtle cortical step-off of the radial neck, suspicious for an undisplaced fracture.",
     {"radial_neck_fracture": "uncertain"}),
    ("thumb", "Findings: Slight narrowing of the IP joint, probably degenerative.",
     {"ip_joint_degeneration": "uncertain"}),
    # a lesion hedged as to its nature stays certain
    ("clavicle", "Findings: 5 mm dense sclerotic focus in the lateral third, most likely an enostosis.",
     {"sclerotic_lesion": "true"}),
    # a hedge on the cause leaves the fracture certain
    ("clavicle", "Impression: Healing, probably birth-related midshaft fracture of the right clavicle.",
     {"fracture_middle_third": "true"}),
    ("clavicle", "Beurteilung: Heilende, vermutlich geburtstraumatische Klavikulaschaftfraktur links.",
     {"fracture_middle_third": "true"}),
    # conditional advice and general statements are no findings
    ("thumb", "Findings: No fracture.\nImpression: Normal. Should symptoms persist, repeat views in 10 days, as "
              "scaphoid and thumb fractures can be occult at first.", {}),
    ("elbow", "Beurteilung: Kein Frakturnachweis. Bei persistierenden Beschwerden Kontrolle, da Frakturen "
              "initial okkult sein können.", {}),
    # 'rather than' negates what follows
    ("thumb", "Addendum: The ossific density is a sesamoid bone rather than an avulsion fracture.",
     {"ossicle": "true"}),
    # an ordinal does not end a sentence: 'alte Frakturen der 5. und 6. Rippe' are the ribs'
    ("clavicle", "Befund: Klavikula intakt. Nebenbefundlich alte Frakturen der 5. und 6. Rippe links.", {}),
    # 'frakturfrei' is a negation
    ("clavicle", "Befund: Klavikula frakturfrei. AC-Gelenk regelrecht.", {}),
    # a negation list with items the lexicon does not know
    ("thumb", "Findings: Bones well mineralised with no periosteal reaction, cortical irregularity or fracture.", {}),
    # a signature line with a rank abbreviation: 'OA' is the senior physician, not osteoarthritis
    ("thumb", "Befund: Keine Fraktur.\nDr. Vera Olm / Dr. med. Jan Pfister (OA)", {}),
    # a coracoclavicular distance is no AC joint space
    ("clavicle", "Befund: Laterale Klavikulafraktur mit Erweiterung des korakoklavikulären Abstands.",
     {"fracture_lateral_third": "true"}),
    # the medial epicondyle (Epicondylus ulnaris) is the distal humerus, not the ulna
    ("elbow", "Befund: Abrissfraktur des Epicondylus ulnaris humeri.", {"distal_humerus_fracture": "true"}),
    # a question before any finding, without a header, is the clinical question
    ("clavicle", "Klavikula li. 2 Eb.\nSturz vom Pferd, Fraktur? ACG-Sprengung?\nKeine Fraktur. AC-Gelenk kongruent.",
     {}),
    ("elbow", "Elbow 2 views\nFell off bike. ?fracture ?effusion\nNo fracture. Alignment normal.", {}),
    # normal fat pads ('not displaced' inside the phrase), while a fracture 'not displaced' stays a fracture
    ("elbow", "Findings: The anterior and posterior fat pads are not displaced. No fracture.", {}),
    ("elbow", "Findings: Fracture of the olecranon, not displaced. Fat pads are not elevated.",
     {"olecranon_fracture": "true"}),
    # a laterality inside an out-of-region place: 'distal left radius' is the wrist's
    ("elbow", "Impression: Buckle fracture of the distal left radius. Elbow normal.", {}),
    # a range of ordinals inside brackets ends no sentence, and rib fractures are the chest's
    ("clavicle", "Befund: Klavikula intakt. Nebenbefundlich Rippenserienfraktur rechts (4.-6. Rippe).", {}),
    # a non-union's sclerotic margins are no sclerotic lesion; soft tissue emphysema is no swelling
    ("clavicle", "Findings: Midshaft fracture with sclerotic fracture margins. Soft tissue emphysema.",
     {"fracture_middle_third": "true"}),
    # 'prob' is 'probable', 'imp:' the impression
    ("thumb", "findings: tiny fragment at the base of the proximal phalanx.\n"
              "imp: prob avulsion fx of the proximal phalanx base.",
     {"proximal_phalanx_fracture": "uncertain"}),
    # a dash between spaces bounds a segment like a comma: the hedge after it stays with the subluxation
    ("thumb", "Findings: Slight volar subluxation at the MCP joint - equivocal, may be positional.",
     {"mcp_joint_subluxation": "uncertain"}),
    # a grade after the hedge hedges the grade: the fracture stays certain
    ("elbow", "Findings: Fracture of the radial head, likely Mason II.",
     {"radial_head_fracture": "true", "radial_head_fracture_displaced": "uncertain"}),
]


@pytest.mark.parametrize("region,text,expected", SCOPE_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(SCOPE_CASES)])
def test_scope_round3(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- round 5: clavicle thirds that a second author phrases differently -------------------------
_FX = {"fracture": "true"}


@_cases(
    # a junction of two thirds sets both
    ("clavicle", "Findings: Oblique fracture through the clavicle at the junction of the mid and distal thirds.",
     {**_FX, "fracture_middle_third": "true", "fracture_lateral_third": "true"}),
    ("clavicle", "Findings: Undisplaced clavicular fracture, medial/middle third junction.",
     {**_FX, "fracture_medial_third": "true", "fracture_middle_third": "true"}),
    ("clavicle", "Befund: Schrägfraktur der Klavikula am Übergang vom lateralen zum mittleren Drittel.",
     {**_FX, "fracture_middle_third": "true", "fracture_lateral_third": "true"}),
    ("clavicle", "Befund: Fraktur der Clavicula zwischen mittlerem und lateralem Claviculadrittel.",
     {**_FX, "fracture_middle_third": "true", "fracture_lateral_third": "true"}),
    # "no acute fracture line" rules out a new fracture; the old one stays on the image (rule 7)
    ("clavicle", "Findings: Remote united fracture of the lateral third of the clavicle. No acute fracture line.",
     {**_FX, "fracture_lateral_third": "true"}),
    ("clavicle", "Befund: Ältere konsolidierte Fraktur im medialen Drittel der Klavikula, keine frische Frakturlinie.",
     {**_FX, "fracture_medial_third": "true"}),
    # "no acute fracture" in the impression rules out a new fracture, not the old one and its third
    ("clavicle", "Findings: United old fracture of the distal third of the clavicle.\nImpression: No acute fracture.",
     {**_FX, "fracture_lateral_third": "true"}),
    ("clavicle", "Befund: Alte, fest durchbaute Fraktur im medialen Drittel der Klavikula.\n"
     "Beurteilung: Keine frische Fraktur.", {**_FX, "fracture_medial_third": "true"}),
    ("elbow", "Findings: No acute fracture.", {}),
    # ... while a fracture line that is no longer there still means the old fracture is gone
    ("clavicle", "Findings: The old midshaft clavicle fracture has remodelled; no fracture line remains.", {}),
)
def test_clavicle_thirds_round5(labelers, region, text, expected):
    _check(labelers, region, text, expected)


@_cases(
    # the explicit word for displacement decides over the clause's other deformity words
    ("clavicle", "Findings: Greenstick fracture of the clavicular midshaft with slight angulation, "
     "no significant displacement.",
     {"fracture": "true", "fracture_middle_third": "true"}),
    ("clavicle", "Findings: Fracture of the distal clavicle. Minor angulation, no displacement.",
     {"fracture": "true", "fracture_lateral_third": "true"}),
    ("elbow", "Befund: Fraktur des Olekranons mit leichter Abkippung, keine relevante Dislokation.",
     {"fracture": "true", "ulna_fracture": "true", "olecranon_fracture": "true"}),
    # ... but a negated angulation does not undo a stated displacement, nor does angulation alone count as none
    ("clavicle", "Findings: Displaced fracture of the distal clavicle, no angulation.",
     {"fracture": "true", "fracture_lateral_third": "true", "fracture_displaced": "true"}),
    ("clavicle", "Findings: Fracture of the distal clavicle with marked angulation.",
     {"fracture": "true", "fracture_lateral_third": "true", "fracture_displaced": "true"}),
)
def test_explicit_displacement_word_decides(labelers, region, text, expected):
    _check(labelers, region, text, expected)


@_cases(
    # a hedge opening a second, coordinated finding governs that one, not the finding before the conjunction
    ("clavicle", "Findings: Swelling of the soft tissues and possible haematoma superficial to the clavicle.",
     {"swelling_hematoma": "true"}),
    ("clavicle", "Findings: Fracture of the distal third with possible AC subluxation.",
     {"fracture": "true", "fracture_lateral_third": "true", "ac_joint_subluxation": "uncertain"}),
    ("elbow", "Befund: Fraktur des Radiusköpfchens und fragliche Subluxation im Ellenbogengelenk.",
     {"fracture": "true", "radius_fracture": "true", "radial_head_fracture": "true",
      "joint_subluxation": "uncertain"}),
    # ... while a hedge after a finding with nothing of its own to govern still hedges it
    ("clavicle", "Findings: Lucency in the lateral third, fracture possible.",
     {"fracture": "uncertain", "fracture_lateral_third": "uncertain"}),
)
def test_hedge_opening_a_coordinated_finding(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- a body without a findings header above the impression (letterhead, then the findings) --------
@_cases(
    ("thumb", "Lakeside Hand Clinic\nXR RIGHT THUMB, TWO VIEWS\nNo fracture. Joints aligned. Moderate soft tissue "
              "swelling over the IP joint.\nImpression: No bony injury.", {"swelling_dactylitis": "true"}),
    ("clavicle", "Praxis am Markt\nRöntgen Schulter links mit Klavikula\nKeine Fraktur. AC-Gelenk kongruent. "
                 "Ausgeprägte Weichteilschwellung über der lateralen Klavikula.\nBeurteilung: Kein Nachweis einer "
                 "knöchernen Verletzung.", {"swelling_hematoma": "true"}),
    ("elbow", "XR LEFT ELBOW\nUndisplaced fracture of the radial head. Positive anterior and posterior fat pad signs.\n"
              "Opinion: Radial head fracture.", {"radial_head_fracture": "true", "fat_pad_sign": "true"}),
)
def test_findings_without_header_above_the_impression_are_labelled(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- the history line atop a body without headers is the clinical question (rule 9) --------------
@_cases(
    ("thumb", "Daumen links 2 Ebenen\nSturz beim Handball V.a. Bandausriss\nKein Frakturnachweis, kein knöcherner "
              "Bandausriss. Gelenke kongruent.", {}),
    ("thumb", "Hyperextension injury at netball, possible avulsion at the base of the proximal phalanx\nNo fracture. "
              "Joints congruent. No soft tissue swelling.", {}),
    # a finding stated as present stays one, whatever the sentence says of how it happened
    ("clavicle", "Displaced fracture of the middle third of the clavicle after a fall from a bicycle.\n"
                 "AC joint normal.",
     {"fracture_middle_third": "true", "fracture_displaced": "true"}),
)
def test_history_line_before_the_findings_is_not_a_finding(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- negation vocabulary; a place is not borrowed from a negated finding; casts are no arthrosis ----
@_cases(
    ("elbow", "Findings: Neg for fracture. Alignment normal. No effusion.", {}),
    ("thumb", "Findings: Neg for fx. Joints congruent.", {}),
    ("clavicle", "AC-Gelenk arthrotisch mit Osteophyten und Gelenkspaltverschmälerung keine Fraktur keine Osteolyse "
                 "SC-Gelenk unauffällig", {"ac_joint_degeneration": "true", "ac_joint_space_narrowed": "true"}),
    ("elbow", "Befund: Kontrolle im OA-Gips. Radiuskopffraktur in unveränderter Stellung, keine sekundäre Dislokation.",
     {"radial_head_fracture": "true"}),
)
def test_negation_place_and_cast_vocabulary(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- section headers after a sentence end and an unusual whitespace (the header scan's rare path) ----
@pytest.mark.parametrize("ws", ["\x0b", "\x0c", "\u2028", "\x85", " ", "\n", "\t"])
def test_header_after_sentence_end_and_any_whitespace(labelers, ws):
    text = f"Findings: Possible fracture of the radial head.{ws}Impression: No fracture. No effusion."
    kinds = [k for k, _ in labelers["elbow"].engine("elbow").sections(text)]
    assert kinds == ["findings", "impression"], (repr(ws), kinds)
    _check(labelers, "elbow", text, {})


# ---- where a fragment lies is not where it comes from ("anterior to the capitellum", "ventral des") ----
@_cases(
    ("elbow", "Findings: Fracture of the radial head with a displaced fragment of 6 mm lying anterior to the "
              "capitellum.",
     {"radial_head_fracture": "true", "radial_head_fracture_displaced": "true"}),
    ("elbow", "Befund: Radiusköpfchenfraktur mit einem 5 mm großen, dislozierten Fragment ventral des "
              "Capitulum humeri.",
     {"radial_head_fracture": "true", "radial_head_fracture_displaced": "true"}),
)
def test_position_of_a_fragment_is_not_a_fracture_site(labelers, region, text, expected):
    _check(labelers, region, text, expected)


@pytest.mark.parametrize("text", [
    "Befund: Ellenbogenluxation nach dorsal. Knochenschuppe ventral der Trochlea, am ehesten abgesprengt von der "
    "Koronoidspitze.",
    "Findings: Posterior elbow dislocation. Small bony flake anterior to the trochlea, likely from the coronoid tip.",
])
def test_fragment_in_front_of_the_humerus_is_no_humerus_fracture(labelers, text):
    pred = labelers["elbow"].label_text(text)
    assert pred["distal_humerus_fracture"] is Label.FALSE, text
    assert pred["joint_dislocation"] is Label.TRUE, text


# ---- a swelling after an operation is on this image (a 'status post' cue dates it, it does not negate it) ----
@_cases(
    ("thumb", "Findings: Two K-wires across the first CMC joint, unchanged. Joint congruent. Postoperative soft tissue "
              "swelling over the thenar eminence.", {"swelling_dactylitis": "true"}),
    ("clavicle", "Befund: Plattenosteosynthese der Klavikula, Material intakt. Postoperative Weichteilschwellung, "
                 "Hautklammern.", {"swelling_hematoma": "true"}),
    ("elbow", "Findings: Status post reduction. Joint congruent. No fracture.", {}),
)
def test_postoperative_swelling_is_present(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- the calcified matrix of a bone lesion is no soft tissue calcification ----------------------
@_cases(
    ("thumb", "Findings: Lucent lesion in the distal phalanx with stippled chondroid calcification, most in keeping "
              "with an enchondroma. No soft tissue abnormality.", {}),
    ("thumb", "Befund: Scharf begrenzte Osteolyse im Endglied D1 mit kleinen Matrixverkalkungen, am ehesten "
              "Enchondrom. Weichteile regelrecht.", {}),
    ("thumb", "Findings: Small calcification in the soft tissues volar to the IP joint.",
     {"soft_tissue_calcification": "true"}),
)
def test_matrix_calcification_is_not_soft_tissue(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- "X versus Y" for a density: the foreign body is as uncertain as the alternative it is weighed against ----
@_cases(
    ("thumb", "Impression: Punctate radiopaque density at the pulp of the thumb, foreign body versus skin debris.",
     {"foreign_body": "uncertain"}),
    ("thumb", "Beurteilung: Metalldichte Struktur palmar am Grundglied, am ehesten Rest eines Bohrdrahts, DD "
              "Metallsplitter.", {"foreign_body": "uncertain"}),
    # a density that nothing interprets stays a foreign body, whatever is negated beside it
    ("thumb", "Findings: Radiopaque density in the soft tissues of the pulp, no fracture.", {"foreign_body": "true"}),
)
def test_density_weighed_against_another_nature_is_uncertain(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- soft tissue swelling over the shoulder is the clavicle study's; the shoulder's bones and joint are not ----
@_cases(
    ("clavicle", "Findings: Clavicle intact, AC joint congruent. Soft tissue swelling over the right shoulder.",
     {"swelling_hematoma": "true"}),
    ("clavicle", "Befund: Klavikula intakt. Deutliche Weichteilschwellung über der linken Schulter.",
     {"swelling_hematoma": "true"}),
    ("clavicle", "Findings: Clavicle intact. Anterior dislocation of the shoulder.", {}),
    ("thumb", "Findings: Thumb normal. Swelling over the wrist.", {}),
)
def test_swelling_over_the_adjacent_shoulder_counts_for_the_clavicle(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- a hedged second finding of the same kind at another place (issue 11, round 8) -------------
# "X fracture, probable Y fracture": two fractures (or two degenerated joints) at different named places are two
# findings; the hedge of the second does not turn the first into an interpretation of it.
@_cases(
    ("elbow", "Impression: Olecranon fracture with displacement, probable fracture of the coronoid process.",
     {"olecranon_fracture": "true", "olecranon_fracture_displaced": "true", "coronoid_fracture": "uncertain"}),
    ("elbow", "Beurteilung: Dislozierte Radiuskopffraktur, fraglich Fraktur des Processus coronoideus.",
     {"radial_head_fracture": "true", "radial_head_fracture_displaced": "true", "coronoid_fracture": "uncertain"}),
    ("thumb", "Beurteilung: Arthrose im IP-Gelenk, möglicherweise auch beginnende Arthrose im Sattelgelenk.",
     {"ip_joint_degeneration": "true", "cmc_joint_degeneration": "uncertain"}),
)
def test_hedged_second_finding_at_another_place(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- a constellation term yields the part the sentence states hedged (issue 11, round 8) ----------
@_cases(
    ("elbow", "Impression: Terrible triad pattern with posterior elbow dislocation, radial head fracture and "
              "questionable coronoid fracture.",
     {"joint_dislocation": "true", "radial_head_fracture": "true", "coronoid_fracture": "uncertain"}),
    ("elbow", "Beurteilung: Terrible-Triad-Konstellation: Luxation nach dorsal, Radiuskopffraktur, "
              "wahrscheinlich knöcherner Ausriss der Koronoidspitze.",
     {"joint_dislocation": "true", "radial_head_fracture": "true", "coronoid_tip_avulsion": "uncertain"}),
)
def test_constellation_yields_a_part_stated_hedged(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- a hedge in a parenthetical aside stays in it (issue 11, round 9) ------------------------------
# "X (Y suspected)", "X (DD Y, DD Z)": a parenthesis that names a finding, grade or place of its own hedges that,
# not the finding stated before it; a parenthesis holding only the hedge still hedges the finding ("(questionable)").
@_cases(
    ("elbow", "Impression: Displaced fracture of the olecranon (Mayo type IIA suspected).",
     {"olecranon_fracture": "true", "olecranon_fracture_displaced": "true"}),
    ("elbow", "Impression: Displaced fracture of the olecranon (a pathological fracture is suspected).",
     {"olecranon_fracture": "true", "olecranon_fracture_displaced": "true"}),
    ("thumb", "Befund: Zwei kleine röntgendichte Fremdkörper in den Weichteilen des Endglieds (DD Glas, DD Steinchen).",
     {"foreign_body": "true"}),
    ("elbow", "Findings: Fracture of the radial head (questionable).", {"radial_head_fracture": "uncertain"}),
    # a differential in the aside does not turn the finding before it into an observation of a hedged one
    ("thumb", "Impression: Fracture at the base of the first metacarpal, possibly intra-articular "
              "(DD Bennett fracture).", {"metacarpal1_fracture": "true"}),
    ("thumb", "Beurteilung: Fraktur an der Basis des ersten Mittelhandknochens, fraglich mit Gelenkbeteiligung "
              "(DD Rolando-Fraktur).",
     {"metacarpal1_fracture": "true", "metacarpal1_fracture_comminuted": "uncertain"}),
)
def test_hedge_in_a_parenthetical_aside_stays_in_it(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- a hedge right after 'with' / 'mit' opens a second thing (issue 11, round 9) -------------------
# "X with likely Y": the hedge qualifies Y (a course, a cause, a complication the lexicon need not know), not X.
@_cases(
    ("elbow", "Impression: Nondisplaced radial neck fracture with probable delayed healing.",
     {"radial_neck_fracture": "true"}),
    ("clavicle", "Beurteilung: Fraktur des mittleren Klavikuladrittels mit vermutlich verzögerter Heilung.",
     {"fracture_middle_third": "true"}),
    ("thumb", "Impression: Soft tissue swelling of the thumb with possible underlying cellulitis.",
     {"swelling_dactylitis": "true"}),
    ("elbow", "Impression: Fracture of the radial head and possible dislocation.",
     {"radial_head_fracture": "true", "joint_dislocation": "uncertain"}),
)
def test_hedge_after_with_opens_a_second_thing(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- retained shot is a foreign body, in the plural too (issue 11, round 10) -------------------------
# "pellets", "birdshot", "metallic densities ... in keeping with pellets": the lexicon knew only 'pellet'
@_cases(
    ("elbow", "Findings: Several lead pellets in the soft tissues of the elbow.", {"foreign_body": "true"}),
    ("thumb", "Impression: Birdshot embedded in the soft tissues of the thumb.", {"foreign_body": "true"}),
    ("clavicle", "Findings: Three metallic densities above the clavicle, in keeping with air gun pellets.",
     {"foreign_body": "true"}),
    ("clavicle", "Findings: No retained pellets.", {}),
)
def test_retained_shot_is_a_foreign_body(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- a pathologic fracture is where its lesion is (issue 11, round 10) ---------------------------------
# the fracture names only the bone (or nothing); the place is the lesion's it runs through
@_cases(
    ("clavicle", "Findings: Permeative lytic focus in the lateral third of the right clavicle with a subtle pathologic "
                 "fracture through it.", {"lytic_lesion": "true", "fracture_lateral_third": "true"}),
    ("clavicle", "Befund: Expansive Osteolyse im medialen Drittel der Klavikula mit pathologischer Fraktur "
                 "der Klavikula.", {"lytic_lesion": "true", "fracture_medial_third": "true"}),
    ("clavicle", "Findings: Lytic lesion in the middle third of the clavicle, possible pathological fracture.",
     {"lytic_lesion": "true", "fracture_middle_third": "uncertain"}),
    # a fracture placed elsewhere, or ruled out, stays as it is
    ("clavicle", "Findings: Lytic lesion in the medial third of the clavicle, no fracture.", {"lytic_lesion": "true"}),
)
def test_pathologic_fracture_is_where_its_lesion_is(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- a hedged involvement of a further part is that part's, uncertain (issue 11, round 10b) -----------
# "possible involvement of the radial neck" after a stated fracture: the part is uncertain, the fracture is not;
# an involvement with no fracture stated before it in its section is no fracture
@_cases(
    ("elbow", "Findings: Undisplaced radial head fracture, possible involvement of the radial neck.",
     {"radial_head_fracture": "true", "radial_neck_fracture": "uncertain"}),
    ("elbow", "Beurteilung: Suprakondyläre Humerusfraktur. Fragliche Mitbeteiligung des Radiushalses.",
     {"distal_humerus_fracture": "true", "radial_neck_fracture": "uncertain"}),
    ("clavicle", "Beurteilung: Fraktur im medialen Drittel der Klavikula, fragliche Ausdehnung in das "
                 "mittlere Drittel.", {"fracture_medial_third": "true", "fracture_middle_third": "uncertain"}),
    ("elbow", "Findings: Well-defined lytic lesion of the olecranon with involvement of the cortex.",
     {"lytic_lesion": "true"}),
    ("thumb", "Befund: Rhizarthrose mit Osteophyten. Mitbeteiligung des MCP-Gelenks.",
     {"cmc_joint_degeneration": "true"}),
)
def test_hedged_involvement_is_the_parts(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- session 12: hedges the cue lists did not have (own examples) -----------------------------------
@_cases(
    ("elbow", "Impression: Difficult to exclude a radial head fracture.", {"radial_head_fracture": "uncertain"}),
    ("elbow", "Impression: A radial head fracture is a consideration.", {"radial_head_fracture": "uncertain"}),
    ("elbow", "Impression: Radial head fracture favoured.", {"radial_head_fracture": "uncertain"}),
    ("elbow", "Impression: Radial head fracture cannot be fully excluded.", {"radial_head_fracture": "uncertain"}),
    ("elbow", "Impression: Radial head fracture remains a possibility.", {"radial_head_fracture": "uncertain"}),
    ("thumb", "Impression: Fracture of the base of the proximal phalanx not confidently excluded.",
     {"proximal_phalanx_fracture": "uncertain"}),
    ("elbow", "Beurteilung: Eine Radiusköpfchenfraktur kommt in Betracht.", {"radial_head_fracture": "uncertain"}),
    ("elbow", "Beurteilung: Radiusköpfchenfraktur nicht gänzlich ausgeschlossen.",
     {"radial_head_fracture": "uncertain"}),
    ("clavicle", "Beurteilung: Laterale Klavikulafraktur zu vermuten.", {"fracture_lateral_third": "uncertain"}),
    ("clavicle", "Impression: Nondisplaced fracture of the lateral clavicle is considered.",
     {"fracture_lateral_third": "uncertain"}),
)
def test_more_hedge_phrasings_make_the_finding_uncertain(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# a relative 'which could represent' keeps the place named before it (a plain 'which' still ends a scope)
@_cases(
    ("elbow", "Impression: Subtle cortical irregularity of the radial head, which could represent a nondisplaced "
              "fracture.", {"radial_head_fracture": "uncertain"}),
    ("thumb", "Findings: Small step in the cortex of the first metacarpal base which may represent an undisplaced "
              "fracture.", {"metacarpal1_fracture": "uncertain"}),
    ("elbow", "Impression: No fracture, which is reassuring. Joint effusion with elevated fat pads.",
     {"fat_pad_sign": "true"}),
)
def test_which_could_represent_keeps_the_place(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- session 12: a leading query '? X' with a space after it opens a clause, it ends no sentence (own examples) --
@_cases(
    ("clavicle", "Impression: ? AC joint subluxation.", {"ac_joint_subluxation": "uncertain"}),
    ("clavicle", "Findings: Lateral clavicle fracture. ? AC joint subluxation.",
     {"fracture_lateral_third": "true", "ac_joint_subluxation": "uncertain"}),
    ("thumb", "Impression:\n1. ? undisplaced fracture at the base of the distal phalanx.",
     {"distal_phalanx_fracture": "uncertain"}),
    ("clavicle", "Clinical: fall ? fracture\nFindings: Lateral clavicle fracture.", {"fracture_lateral_third": "true"}),
)
def test_a_leading_query_hedges_its_clause(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- session 12: 'um Schaftbreite disloziert' names no shaft fracture; 'Fettpolster anliegend' is a normal fat pad --
@_cases(
    ("clavicle", "Befund: Fraktur im lateralen Klavikuladrittel, das mediale Fragment um ca. Schaftbreite nach "
                 "kranial disloziert.", {"fracture_lateral_third": "true", "fracture_displaced": "true"}),
    ("clavicle", "Befund: Schaftfraktur der Klavikula.", {"fracture_middle_third": "true"}),
    ("elbow", "Befund: Keine Fraktur. Fettpolster anliegend, kein Erguss.", {}),
    ("elbow", "Befund: Abgehobenes ventrales Fettpolster, dorsales Fettpolster anliegend.", {"fat_pad_sign": "true"}),
)
def test_shaft_width_and_lying_fat_pads(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- session 12: a fracture 'not yet consolidated' is a fracture still there (rule 7), not a negated one -----------
@_cases(
    ("clavicle", "Beurteilung: Zeitgerechter Verlauf, noch nicht konsolidierte Fraktur im mittleren Drittel.",
     {"fracture_middle_third": "true"}),
    ("clavicle", "Impression: Status post plating. Fracture of the middle third not yet united.",
     {"fracture_middle_third": "true"}),
    ("clavicle", "Beurteilung: Fraktur im mittleren Drittel konsolidiert, Frakturlinie nicht mehr abgrenzbar.", {}),
)
def test_a_fracture_not_yet_consolidated_is_there(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- session 12: 'no longer elevated' negates; 'noch nicht knöchern durchbaut' is a fracture still there -----------
@_cases(
    ("elbow", "Findings: Healing radial neck fracture. The posterior fat pad is no longer elevated.",
     {"radial_neck_fracture": "true"}),
    ("clavicle", "Beurteilung: Regelrechter Verlauf, Fraktur im mittleren Drittel noch nicht knöchern durchbaut.",
     {"fracture_middle_third": "true"}),
)
def test_no_longer_elevated_and_not_yet_bridged(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- session 16: a view named for a place, the ulna's trochlear notch, a wedge fragment, a fragment standing high --
@_cases(
    ("elbow", "Findings: A radial head-capitellum view was added. Subtle undisplaced fracture of the radial neck.",
     {"radial_neck_fracture": "true"}),
    ("elbow", "Befund: Fraktur des Olekranons, die Frakturlinie reicht in die Incisura trochlearis.",
     {"olecranon_fracture": "true"}),
    ("elbow", "Findings: Nondisplaced fracture of the olecranon extending to the trochlear notch.",
     {"olecranon_fracture": "true"}),
    ("clavicle", "Befund: Schaftfraktur im mittleren Drittel mit keilförmigem Biegungsfragment.",
     {"fracture_middle_third": "true", "fracture_comminuted": "true"}),
    ("clavicle", "Befund: Fraktur im lateralen Drittel, medialer Anteil um 7 mm nach kranial hochstehend. "
                 "AC-Gelenk kongruent.", {"fracture_lateral_third": "true", "fracture_displaced": "true"}),
)
def test_views_notches_and_fragments(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- session 16: a fracture 'with' its hardware, the hardware's state, a union still under way ---------------------
@_cases(
    ("elbow", "Beurteilung: Noch nicht vollständig durchbaute Olekranonfraktur bei regelrecht liegender Zuggurtung.",
     {"olecranon_fracture": "true"}),
    ("clavicle", "Beurteilung: Konsolidierende Klavikulaschaftfraktur nach Plattenosteosynthese, Material regelrecht.",
     {"fracture_middle_third": "true"}),
    ("clavicle", "Beurteilung: Noch nicht abgeschlossene knöcherne Konsolidierung der Klavikulaschaftfraktur bei "
                 "regelrechter Implantatlage.", {"fracture_middle_third": "true"}),
    ("clavicle", "Impression: Healing midshaft clavicle fracture with intact hardware; fracture line still visible.",
     {"fracture_middle_third": "true"}),
    ("elbow", "Findings: The lateral plate is fractured. No fracture of the bone.", {}),
    # a landmark a distance is measured from is no place of the fracture
    ("elbow", "Befund: Schrägfraktur der proximalen Ulnadiaphyse 5 cm distal der Olekranonspitze.",
     {"ulna_fracture": "true"}),
    ("elbow", "Findings: Oblique fracture of the proximal ulnar shaft 4 cm distal to the olecranon tip.",
     {"ulna_fracture": "true"}),
    ("clavicle", "Beurteilung: Fraktur knöchern konsolidiert, Frakturlinie nicht mehr abgrenzbar, Material regelrecht.",
     {}),
)
def test_fractures_beside_their_hardware(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- session 17: a comma between the adjectives of one hedged finding keeps the hedge --------------------------------
@_cases(
    ("elbow", "Beurteilung: V.a. diskrete, nicht dislozierte Radiuskopffraktur (Mason I).",
     {"radial_head_fracture": "uncertain"}),
    ("elbow", "Impression: Possible subtle, nondisplaced radial neck fracture.", {"radial_neck_fracture": "uncertain"}),
    # a list after a negation stays a list
    ("elbow", "Impression: No fracture, dislocation or effusion.", {}),
    ("elbow", "Impression: No acute, displaced fracture. Small effusion.", {"fat_pad_sign": "true"}),
)
def test_a_hedge_across_a_comma_between_adjectives(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- session 18: a negation list's last item may follow a four-word item the lexicon does not know ----------------
@_cases(
    ("thumb", "Findings: No fracture, subcutaneous air pocket or swelling.", {}),
    ("thumb", "Findings: No fracture, retained glass shard or soft tissue swelling.", {}),
    # a positive finding after the list is still positive
    ("thumb", "Findings: No fracture or dislocation. Marked soft tissue swelling.", {"swelling_dactylitis": "true"}),
)
def test_a_long_unknown_item_before_the_lists_or(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# ---- session 18: a laterality abbreviation after an article stands before its noun, no sentence ends there ---------
@_cases(
    ("clavicle", "Befund: Verschmälerung des li. AC-Gelenkspalts. Keine Fraktur.", {"ac_joint_space_narrowed": "true"}),
    ("elbow", "Befund: Fraktur des re. Radiuskopfes. Kein Erguss.", {"radial_head_fracture": "true"}),
    # after its noun the abbreviation still ends the sentence
    ("thumb", "Beurteilung: Rhizarthrose li. Fragliche Fraktur.",
     {"joint_degeneration": "true", "cmc_joint_degeneration": "true", "fracture": "uncertain",
      "metacarpal1_fracture": "uncertain"}),
)
def test_laterality_before_its_noun(labelers, region, text, expected):
    _check(labelers, region, text, expected)


# Session 19: the errors on session 18's set dm-dw, as general classes (own examples)
SESSION19_CASES = [
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
    # a generic place adds no bone to a lesion of a specific one ('Monteggia ... of the forearm' is the ulna's)
    ("elbow", "Impression: Monteggia lesion, Bado type I, of the right forearm.",
     {"ulna_fracture": "true", "joint_dislocation": "true"}),
    # a soft tissue component is a soft tissue mass
    ("clavicle", "Findings: Lytic lesion of the medial clavicle; a soft tissue component cannot be excluded.",
     {"lytic_lesion": "true", "soft_tissue_mass": "uncertain"}),
    ("clavicle", "Befund: Osteolyse lateral, eine Weichteilkomponente ist nicht sicher auszuschließen.",
     {"lytic_lesion": "true", "soft_tissue_mass": "uncertain"}),
    # a general statement about foreign bodies says nothing about this image
    ("thumb", "Findings: No fracture. Impression: Normal. Wooden foreign bodies are often radiolucent - consider "
              "ultrasound if clinical concern persists.", {}),
]


SESSION20_CASES = [
    # an instruction to manage a suspected fracture as one says nothing about the image
    ("elbow", "Findings: No fracture line is seen. Recommend treating as a fracture in a sling.",
     {}),
    ("elbow", "Impression: Possible occult supracondylar fracture. Manage as fracture, review in fracture clinic.",
     {"distal_humerus_fracture": "uncertain"}),
    # an old fracture of which nothing remains is gone (rule 7), like 'nicht mehr abgrenzbar'
    ("elbow", "Befund: Keine frische Fraktur. Von der früheren Olekranonfraktur sind keine Residuen mehr sichtbar.",
     {}),
    # a fat pad lying flat is in its normal place; a retained fishhook is a foreign body ('hook' alone is a plate's)
    ("elbow", "Findings: No effusion. The anterior fat pad lies flat against the humerus.", {}),
    ("thumb", "FINDINGS: BARBED FISHHOOK EMBEDDED IN THE PULP OF THE THUMB. NO FRACTURE.", {"foreign_body": "true"}),
    ("thumb", "Befund: Einliegender Angelhaken in der Daumenkuppe, keine Fraktur.", {"foreign_body": "true"}),
]


SESSION21_CASES = [
    # 'no displacement or fracture': one list under one negation, even when the negation is part of the morphology
    ("clavicle", "Findings: No displacement or fracture of the clavicle.", {}),
    ("clavicle", "Befund: Keine Fehlstellung oder Fraktur der Klavikula.", {}),
    # 'ohne' ends with its own noun: the fracture after the participle is stated
    ("clavicle", "Beurteilung: Alte, ohne relevante Achsabweichung verheilte Klavikulaschaftfraktur links.",
     {"fracture": "true", "fracture_middle_third": "true"}),
    ("clavicle", "Findings: The clavicle is intact without fracture, lytic or sclerotic lesion.", {}),
    # a fracture the hardware spans is the bone's ('Platte ... der Fraktur'); the hardware's own failure is not
    ("clavicle", "Befund: Superiore Platte mit je drei Schrauben medial und lateral der Fraktur im mittleren "
     "Klavikuladrittel, kein Materialbruch.", {"fracture": "true", "fracture_middle_third": "true"}),
    ("clavicle", "Findings: Plate in situ. The lateral screw is fractured. The clavicle has united.", {}),
    # a suspicion denied is a negation, not a hedge
    ("clavicle", "Befund: Keine Osteolyse, keine suspekte Sklerosierung der Klavikula.", {}),
    # 'Frage Fraktur' is the referrer's question
    ("elbow", "rö ellenbogen li, sturz beim dienstsport, frage fraktur\nkeine fraktur, kein erguss.", {}),
]


SESSION22_CASES = [
    # Heberden nodes ('Knoten') of the fingers are the hand's, and no soft-tissue mass; of the thumb they are its IP
    # joint's
    ("thumb", "Befund: Heberden-Knoten an den Fingern. Daumen regelrecht.", {}),
    ("thumb", "Befund: Heberden-Knoten DIP III und IV. Daumen o.B.", {}),
    ("thumb", "Befund: Heberden-Knoten am Daumenendgelenk.", {"ip_joint_degeneration": "true"}),
    # a projection named for the radial head is no fracture site ('-?' in a lexicon pattern no longer shadowed)
    ("elbow", "Befund: Radiuskopf-Zielaufnahme: feine Fissur am Radiushals.", {"radial_neck_fracture": "true"}),
    ("elbow", "Befund: Radiusköpfchen-Zielaufnahme: feine Fissur am Radiushals.", {"radial_neck_fracture": "true"}),
    # a place said to be intact in its own comma segment is not the fracture's
    ("elbow", "Findings: Olecranon fracture, coronoid intact.", {"olecranon_fracture": "true"}),
    ("elbow", "Befund: Radiushalsfraktur, Radiuskopf intakt.", {"radial_neck_fracture": "true"}),
    ("elbow", "Findings: Radial head intact, olecranon fracture.", {"olecranon_fracture": "true"}),
    # 'intact' after a comma with a subject of its own does not negate the fracture before
    ("elbow", "Findings: Fracture of the radial head, cortex of the neck intact.", {"radial_head_fracture": "true"}),
    ("elbow", "Findings: Fracture of the radial head, excluded.", {}),  # a guard: no subject, the finding's
    # the coracoclavicular distance is no AC joint space, whatever stands between it and 'widened'
    ("clavicle", "Befund: Der korakoklavikuläre Abstand ist links auf 16 mm erweitert.", {}),
    ("clavicle", "Findings: The coracoclavicular interval appears widened.", {}),
    # a measurement against another is a comparison, not a differential
    ("clavicle", "Befund: AC-Gelenkspalt auf 10 mm erweitert (10 mm vs. 4 mm links).",
     {"ac_joint_space_widened": "true"}),
    # a tilt of the head is the neck fracture's displacement; a projection's tilt is no fragment's
    ("elbow", "Findings: Fracture of the radial neck with tilt of the radial head.",
     {"radial_neck_fracture_displaced": "true"}),
    ("clavicle", "Impression: Possible undisplaced fracture of the lateral third. Recommend a cephalic tilt view.",
     {"fracture_lateral_third": "uncertain"}),
    # ' ?' in a lexicon pattern is an optional space: 'D2/D3' as well as 'D II'
    ("thumb", "Beurteilung: Daumen o.B. Nebenbefundlich Heberden-Arthrose D2/D3.", {}),
    # a finding in brackets restates the one before it, and is where that one is
    ("thumb", "Other: The included index finger shows DIP joint osteoarthritis (Heberden nodes).", {}),
    ("thumb", "Befund: Arthrose des Daumenendgelenks (Heberden).", {"ip_joint_degeneration": "true"}),
    # the fracture a plate fixed is no failure of the plate, and is where a later unplaced fracture line is
    ("clavicle", "Befund: Z.n. Plattenosteosynthese einer Schaftfraktur im mittleren Drittel mit superiorer Platte. "
                 "Frakturspalt noch abgrenzbar.", {"fracture_middle_third": "true"}),
    ("clavicle", "Befund: Z.n. Plattenosteosynthese einer Klavikulaschaftfraktur im mittleren Drittel. Stellung "
                 "unverändert. Frakturspalt noch deutlich abgrenzbar.", {"fracture_middle_third": "true"}),
    # normal fat pads in the words of a normal study; what they would suggest is no finding of its own
    ("elbow", "Findings: No elevation of the anterior or posterior fat pads to suggest an effusion.", {}),
    ("elbow", "Befund: Keine Fraktur. Fettpolster nicht eleviert.", {}),
    ("elbow", "Findings: No joint effusion; fat pads in normal position.", {}),
    ("elbow", "Fat pads: Normal anterior fat pad; posterior fat pad not visible.", {}),
    ("elbow", "Findings: Elevation of the anterior and posterior fat pads.", {"fat_pad_sign": "true"}),  # a guard
    # sclerosis along a healing fracture is no sclerotic lesion; a lesion noun beside a fracture still is
    ("elbow", "Findings: Healing undisplaced radial head fracture with sclerosis along the fracture line.",
     {"radial_head_fracture": "true"}),
    ("elbow", "Befund: Alte Radiusköpfchenfraktur, Frakturlinie als sklerotische Narbe noch erkennbar.",
     {"radial_head_fracture": "true"}),
    ("elbow", "Findings: Undisplaced radial head fracture. Incidental bone island in the olecranon.",
     {"radial_head_fracture": "true", "sclerotic_lesion": "true"}),
    # a former fracture whose line is no longer seen is gone, in the same sentence as in the impression
    ("clavicle", "Findings: The former fracture gap is bridged by callus and the fracture line is no longer "
                 "discernible. Impression: Solid union of the clavicle fracture.", {}),
    # a place denied in brackets is no site of the fracture before it
    ("clavicle", "Impression: Healing left 4th rib fracture (not clavicular).", {}),
    # a hedge with a contrast word inside it; an instruction after a semicolon leaves the finding before it
    ("elbow", "Befund: Keine Fraktur abgrenzbar, eine okkulte Radiuskopffraktur ist jedoch nicht auszuschließen.",
     {"radial_head_fracture": "uncertain"}),
    ("elbow", "Beurteilung: Eine okkulte Radiusköpfchenfraktur ist nicht auszuschließen; bei persistierenden "
              "Beschwerden Kontrolle in 10 Tagen.", {"radial_head_fracture": "uncertain"}),
    ("elbow", "Impression: No fracture seen. The effusion may indicate an occult radial head fracture; follow-up "
              "radiographs if pain persists.", {"radial_head_fracture": "uncertain", "fat_pad_sign": "true"}),
    ("elbow", "Findings: Fell on the elbow; rule out fracture. Normal study.", {}),  # a guard: the question stays one
    # a long negation list whose last item names its place
    ("clavicle", "FINDINGS: NO FRACTURE, DISLOCATION, LYTIC OR SCLEROTIC LESION, SOFT TISSUE SWELLING OR RADIOPAQUE "
                 "FOREIGN BODY OF THE LEFT CLAVICLE.", {}),
    # a window setting is no narrowing, a German 'OA' no osteoarthritis
    ("elbow", "Addendum: Torus fracture of the distal humeral metaphysis, best seen with narrow windowing.",
     {"distal_humerus_fracture": "true"}),
    ("elbow", "Befund: Keine Fraktur. Befund vorläufig, Freigabe durch diensthabenden OA ausstehend.", {}),
    # a joint space measured against the other side; a separation's grade decides over its word
    ("clavicle", "Befund: AC-Gelenkspalt rechts 10 mm (links 4 mm), keine Fraktur.",
     {"ac_joint_space_widened": "true"}),
    ("clavicle", "Befund: AC-Gelenkspalt rechts 5 mm (links 4 mm), keine Fraktur.", {}),  # a guard
    ("clavicle", "Beurteilung: ACG-Sprengung Rockwood II rechts.", {"ac_joint_subluxation": "true"}),
    ("clavicle", "Beurteilung: ACG-Sprengung Rockwood III rechts.", {"ac_joint_dislocation": "true"}),  # a guard
    ("clavicle", "Impression: AC separation, Rockwood II.", {"ac_joint_subluxation": "true"}),
    ("clavicle", "Beurteilung: AC-Gelenksprengung Tossy I.", {}),
    # a step under a millimetre or two is no displacement (Mason I)
    ("elbow", "Befund: Meißelfraktur am lateralen Radiusköpfchen mit Stufe < 1 mm, entsprechend Mason I.",
     {"radial_head_fracture": "true"}),
    ("elbow", "Findings: Radial head fracture with a 3 mm step-off.",
     {"radial_head_fracture_displaced": "true"}),  # a guard
    # a phalanx of another finger is the hand's, not the thumb's
    ("thumb", "Befund: Daumen regelrecht. Miterfasst: Fraktur der Basis der Grundphalanx D2.", {}),
    ("thumb", "Findings: Thumb intact. Fracture at the base of the proximal phalanx of the index finger.", {}),
    ("thumb", "Befund: Fraktur der Grundphalanx des Daumens.", {"proximal_phalanx_fracture": "true"}),  # a guard
    # the place of a fragment's displacement is no place for an unplaced fracture word of the clause to borrow
    ("elbow", "Befund: Alte, verheilte Radiushalsfraktur mit Abkippung des Radiuskopfes um 15°, Frakturzone noch "
              "als Sklerosesaum erkennbar.", {"radial_neck_fracture_displaced": "true"}),
    # a bridged fracture whose line is no longer seen is gone
    ("elbow", "Findings: The olecranon fracture has completely bridged; the fracture line is no longer visible.", {}),
    ("elbow", "Findings: Healing olecranon fracture with bridging callus, fracture line still seen.",
     {"olecranon_fracture": "true"}),  # a guard
    # another series' head and face findings are not the region's
    ("elbow", "Impression: Normal elbow. Note: the facial bones series shows a depressed nasal bone fracture.", {}),
    # the first metacarpal's shaft subluxed off its base fragment is the CMC joint's subluxation (Bennett)
    ("thumb", "Befund: Schräge intraartikuläre Fraktur der Basis des Os metacarpale I, der Schaft nach radial-dorsal "
              "subluxiert.", {"metacarpal1_fracture": "true", "cmc_joint_subluxation": "true"}),
    # a fracture the hardware was put on is the bone's, and gone once its line no longer shows
    ("elbow", "Impression: Satisfactory position after tension band wiring of a transverse olecranon fracture.",
     {"olecranon_fracture": "true"}),
    ("elbow", "Findings: Follow-up after tension band wiring of an olecranon fracture. The fracture has healed, no "
              "residual fracture line.", {}),
    ("elbow", "Findings: The proximal screw of the plate is fractured.", {}),  # a guard: the hardware's own failure
    # an outgrowth pointing away from the joint is an exostosis, no osteophyte
    ("elbow", "Befund: Breitbasig aufsitzende, vom Gelenk weg gerichtete knöcherne Ausziehung der distalen "
              "Humerusmetaphyse, 18 mm.", {}),
]


SESSION23_CASES = [
    # Neer's proximal humerus classification counts parts: a shoulder fracture in a clavicle report is no lateral
    # clavicle fracture (Neer's clavicle types stay the lateral third's)
    ("clavicle", "Beurteilung: Keine Klavikulafraktur. Eingestauchte subkapitale Humerusfraktur rechts (Neer "
                 "3-Segment).", {}),
    ("clavicle", "Impression: No clavicle fracture. Incidental Neer two-part fracture of the proximal humerus.",
     {}),  # a guard: the humerus named
    ("clavicle", "Impression: Distal clavicle fracture, Neer type III.",  # a guard: the clavicle's own type
     {"fracture": "true", "fracture_lateral_third": "true"}),
    # a look-alike explained away in an addendum or correction is no finding
    ("clavicle", "Impression: Possible fracture of the middle third.\nAddendum: The apparent cortical break is a "
                 "vascular channel. No fracture.", {}),
    ("elbow", "Befund: Die vermeintliche Frakturlinie am Radiushals entspricht einer Überlagerung mit der Ulna.", {}),
    ("clavicle", "Findings: There is an apparent fracture of the middle third.",  # a guard: 'apparent' = evident
     {"fracture": "true", "fracture_middle_third": "true"}),
]


SESSION24_CASES = [
    # a hedge set against the negation by a contrast word leaves the finding uncertain
    ("elbow", "Befund: Eine Radiuskopffraktur ist nicht abgrenzbar, jedoch nicht sicher auszuschließen.",
     {"fracture": "uncertain", "radial_head_fracture": "uncertain"}),
    ("elbow", "Befund: Eine Radiuskopffraktur ist nicht abgrenzbar. Gelenkspalt regelrecht.", {}),  # a guard
    # a fat pad back in place is no fat pad sign
    ("elbow", "Befund: Das ventrale Fettpolster ist nicht mehr abgehoben. Keine Fraktur.", {}),
    # 'Fragest.:' is the clinical question's header, abbreviated: what it asks is no finding
    ("elbow", "Befund:\nFragest.: V.a. Luxation nach Sturz.\nRegelrechte Artikulation. Keine Fraktur.", {}),
    # a heading covers its line: the second sentence's joint space is the AC joint's
    ("clavicle", "Befund:\nAC-Gelenk: regelrechte Stellung, kein Höhenversatz. Gelenkspalt verschmälert mit "
                 "Osteophyten.\nSC-Gelenk: unauffällig.",
     {"joint_degeneration": "true", "ac_joint_space_narrowed": "true", "ac_joint_degeneration": "true"}),
    # 'FB' is a foreign body, found or denied
    ("thumb", "Findings: Linear metallic FB in the pulp of the distal phalanx. No fracture.", {"foreign_body": "true"}),
    ("thumb", "Hx: splinter, ?FB.\nFindings: No FB. No fracture.", {}),  # a guard: asked, then denied
    # a clavicle's head behind the sternum: the SC joint's (posterior) dislocation
    ("clavicle", "Impression: Retrosternal dislocation of the right clavicular head.",
     {"joint_dislocation": "true", "sc_joint_dislocation": "true"}),
]


SESSION25_CASES = [
    # a calcium-dense spot that the report goes on to interpret with a hedge is a hedged calcification
    ("clavicle", "Befund: Kleine rundliche Kalkdichte kranial des AC-Gelenks, am ehesten ligamentäre Verkalkung, "
                 "DD kleines Ossikel.", {"soft_tissue_calcification": "uncertain", "ossicle": "uncertain"}),
    ("clavicle", "Findings: A tiny calcific density in the coracoclavicular interval may represent early "
                 "heterotopic calcification in the ligament.", {"soft_tissue_calcification": "uncertain"}),
    # guards: alone, or followed by a negation, it is a calcification
    ("thumb", "Findings: Small calcific density volar to the CMC joint. No fracture.",
     {"soft_tissue_calcification": "true"}),
    ("thumb", "Befund: Kalkherd radial des Trapeziums. Keine Fraktur.", {"soft_tissue_calcification": "true"}),
    # ... and a calcium-dense spot beside another finding is not interpreted by it
    ("clavicle", "Findings: Calcific density above the AC joint and a fracture of the midshaft.",
     {"soft_tissue_calcification": "true", "fracture": "true", "fracture_middle_third": "true"}),
    # soft tissue fullness the report goes on to interpret is what it is interpreted as; beside a fracture it swells
    ("clavicle", "Findings: Adjacent soft tissue fullness, possibly a soft tissue component.",
     {"soft_tissue_mass": "uncertain"}),
    ("clavicle", "Findings: Soft tissue fullness over the lateral clavicle and a displaced fracture of the midshaft.",
     {"swelling_hematoma": "true", "fracture": "true", "fracture_middle_third": "true", "fracture_displaced": "true"}),
    # a lucent seam around a prosthesis or screws, and a thin linear lucency, are no lytic lesion
    ("elbow", "Befund: Schmaler Aufhellungssaum um den Prothesenschaft in Zone 1, nicht progredient.", {}),
    ("clavicle", "Befund: Lysesaum um die beiden lateralen Schrauben.", {}),
    ("clavicle", "Befund: Im lateralen Drittel feine lineare Aufhellung ohne Stufenbildung, DD Gefäßkanal.", {}),
    # the STT joint is the wrist's, not the thumb's
    ("thumb", "Findings: Incidental mild STT joint space narrowing with small osteophytes. Thumb normal.", {}),
    ("thumb", "Befund: Miterfasst ausgeprägte STT-Arthrose. Daumen unauffällig.", {}),
    # a suspicion after the injury told on the same line atop a body without header is the referral's question
    ("clavicle", "Klavikula li. a.p. und tangential\nPat. 4 J., Sturz vom Klettergerüst. V.a. Fraktur.\n\n"
                 "Kein Frakturnachweis. AC- und SC-Gelenk regelrecht.", {}),
    ("elbow", "Ellenbogen re. 2 Eb.\nV.a. Fraktur nach Anprall an Bettgitter.\nKeine Fraktur, keine Luxation.", {}),
    # a guard: the injury told on an earlier line does not make the findings' hedges history
    ("thumb", "Daumen li. 2 Eb.\nHyperabduktionstrauma bei Sturz.\n\nBasis der Grundphalanx: kleines Knochenstück, "
              "am ehesten akzessorisches Sesambein, DD knöcherner Ausriss.",
     {"ossicle": "uncertain", "fracture": "uncertain", "proximal_phalanx_fracture": "uncertain"}),
    # an addendum sentence that says it adds raises findings, it does not hedge what the report stated
    ("thumb", "Befund: Frakturspalt an der Basis MC I noch abgrenzbar.\nBeurteilung: Konsolidierende Bennett-Fraktur, "
              "Frakturlinie noch sichtbar.\nNachtrag: Zusätzlich kleines Knochenelement radial des MCP-Gelenks, am "
              "ehesten Sesambein, DD alter Ausriss.",
     {"fracture": "true", "metacarpal1_fracture": "true", "metacarpal1_fracture_intraarticular": "true",
      "ossicle": "uncertain"}),
    # ... and a negation in it still revises
    ("elbow", "Findings: Possible nondisplaced radial head fracture.\nAddendum: In addition, no fracture is seen on "
              "the radial head view.", {}),
    # an impression that rules a finding out rules out what the findings hedged of its kinds, not what they stated
    ("clavicle", "FINDINGS: SMALL OSSIFIC DENSITY INFERIOR TO THE DISTAL CLAVICLE, POSSIBLY A SMALL AVULSION FRAGMENT "
                 "VERSUS OLD LIGAMENTOUS CALCIFICATION.\nIMPRESSION: NO FRACTURE OF THE CLAVICLE.",
     {"soft_tissue_calcification": "uncertain"}),
    ("clavicle", "Findings: Undisplaced fracture of the lateral third.\nImpression: No displaced fracture of the "
                 "clavicle.", {"fracture": "true", "fracture_lateral_third": "true"}),
    # a contusion is what the patient had, not what a radiograph shows: a swelling is
    ("clavicle", "Herr X, 34 J., Prellung der re. Schulter beim Sport.\n\nKlavikula re. a.p. und tangential\n\n"
                 "Kein Frakturnachweis. AC-Gelenk regelrecht.", {}),
    ("thumb", "History: fall, contusion of the thumb.\nFindings: No fracture. Mild soft tissue swelling.",
     {"swelling_dactylitis": "true"}),
    # lucent bone lesions by name are lytic lesions, hedged like any finding
    ("elbow", "Findings: Subtle lucency in the proximal ulnar metaphysis, possibly a small non-ossifying fibroma "
              "versus a vascular channel. No fracture.", {"lytic_lesion": "uncertain"}),
    ("elbow", "Findings: Well-defined lucency at the radial tuberosity, likely a pseudocyst versus a small "
              "intraosseous ganglion.", {"lytic_lesion": "uncertain"}),
    # a fragment besides the fracture's own makes it comminuted, hedged or not
    ("clavicle", "Impression: Displaced lateral third clavicle fracture, possibly with a small additional fragment.",
     {"fracture": "true", "fracture_lateral_third": "true", "fracture_displaced": "true",
      "fracture_comminuted": "uncertain"}),
    ("clavicle", "Beurteilung: Dislozierte laterale Claviculafraktur. Fragliches kleines Zusatzfragment kaudal.",
     {"fracture": "true", "fracture_lateral_third": "true", "fracture_displaced": "true",
      "fracture_comminuted": "uncertain"}),
]


# Session 26 (our own sentences): a step at the AC or SC joint is the joint's, not the displacement of a clavicle
# fracture a sentence before; a displacement stated relative to the joint still is the fracture's.
SESSION26_CASES = [
    ("clavicle", "Befund: Klavikulafraktur im mittleren Drittel, achsengerecht. AC-Gelenk: diskrete Stufe am "
                 "Unterrand, DD projektionsbedingt.", {"fracture": "true", "fracture_middle_third": "true"}),
    ("clavicle", "Befund: Schaftfraktur der Klavikula ohne Fehlstellung. Geringe Stufenbildung im AC-Gelenk.",
     {"fracture": "true", "fracture_middle_third": "true"}),
    # guards: a displacement word, and a step in the fracture's own sentence
    ("clavicle", "Findings: Lateral clavicle fracture. The medial fragment is displaced superiorly relative to the "
                 "AC joint.", {"fracture": "true", "fracture_lateral_third": "true", "fracture_displaced": "true"}),
    ("clavicle", "Befund: Laterale Klavikulafraktur mit Stufe von 4 mm.",
     {"fracture": "true", "fracture_lateral_third": "true", "fracture_displaced": "true"}),
]


# session 27 (issue 11): an unplaced subluxation after a finding at one joint in its sentence ('Mild AC joint
# widening; subluxation cannot be excluded') is that joint's; 'nicht fassbar' negates (a remark that a finding is
# usually not visible on radiographs states none), 'nicht sicher fassbar' hedges. Our own examples; the first, second
# and fourth fail on fa33040, as do the ossicle at the acromion, the findings below a comparison line, the two
# corrections, the two joint-surface scleroses and 'o.B.' (the hedge and the guards pass on both).
SESSION27_CASES = [
    ("clavicle", "Impression: Slight widening of the AC joint; subluxation not excluded.",
     {"ac_joint_space_widened": "true", "ac_joint_subluxation": "uncertain", "joint_subluxation": "uncertain"}),
    ("clavicle", "Findings: The acromioclavicular joint is widened. Subluxation is possible.",
     {"ac_joint_space_widened": "true", "ac_joint_subluxation": "uncertain", "joint_subluxation": "uncertain"}),
    # guard: a negated joint finding places nothing
    ("clavicle", "Findings: No AC joint widening; subluxation of the glenohumeral joint.", {}),
    ("elbow", "Beurteilung: Kein Frakturnachweis. Eine Pronatio dolorosa ist radiologisch meist nicht fassbar.", {}),
    ("elbow", "Befund: Eine Fraktur des Radiusköpfchens ist nicht sicher fassbar.",
     {"fracture": "uncertain", "radius_fracture": "uncertain", "radial_head_fracture": "uncertain"}),
    # an ossicle at the acromion is the clavicle study's, as an os acromiale is; an acromion fracture is not
    ("clavicle", "Findings: Small well-corticated ossicle at the tip of the acromion.", {"ossicle": "true"}),
    ("clavicle", "Findings: Undisplaced fracture of the acromion. Clavicle intact.", {}),
    # a comparison closing the exam's line heads no paragraph: the lines below are the findings
    ("clavicle", "Klavikula li. in 2 Ebenen, Vergleich mit der postop. Voraufnahme vom 02.02.2026:\nAC-Gelenk mit "
                 "Gelenkspaltverschmälerung und Osteophyten.\n\nBeurteilung:\nAC-Gelenksarthrose.",
     {"ac_joint_space_narrowed": "true", "ac_joint_degeneration": "true", "joint_degeneration": "true"}),
    # sclerosis of a joint's surfaces is its degeneration, no sclerotic lesion; a sclerotic focus still is one
    ("clavicle", "Findings: Sclerosis of the articular surfaces of the AC joint.",
     {"joint_degeneration": "true", "ac_joint_degeneration": "true"}),
    ("clavicle", "Befund: Sklerosierung der Gelenkflächen des SC-Gelenks.",
     {"joint_degeneration": "true", "sc_joint_degeneration": "true"}),
    ("clavicle", "Findings: Sclerotic focus in the lateral clavicle.", {"sclerotic_lesion": "true"}),
    # 'o.B.' (ohne Befund) says the joints before it are normal; 'sonst o.B.' leaves the finding before it
    ("thumb", "Befund: Rhizarthrose mit Osteophyten im CMC-Gelenk, MCP- und IP-Gelenk o.B.",
     {"joint_degeneration": "true", "cmc_joint_degeneration": "true"}),
    ("thumb", "Befund: Fraktur der Basis MC I, sonst o.B.", {"fracture": "true", "metacarpal1_fracture": "true"}),
    # a withdrawn statement in quotes is not made again; an addendum heading may carry a bracketed aside
    ("elbow", "Impression: The statement 'no fracture' is hereby corrected: there is a fracture of the radial head.",
     {"fracture": "true", "radius_fracture": "true", "radial_head_fracture": "true"}),
    ("elbow", "Befund: Kein Fremdkörper.\n\nNachtrag (Dr. Lenz telefonisch informiert): 2 mm metalldichter Splitter "
              "in den Weichteilen dorsal. Die Aussage „kein Fremdkörper“ wird hiermit korrigiert.",
     {"foreign_body": "true"}),
]


# Session 28 (our own examples; on 6f2e858 all but the four guards fail): a foreign body's splinters are no
# comminution; 'prox'/'dist' phalanx abbreviated; a statement withdrawn by naming it, unquoted; a hedge an addendum
# places at one part leaves the parts found elsewhere; 'ohne X' between a finding and its hedge; 'no acute fracture'
# leaves a hedged old avulsion; a bracket naming the fixation after a treated fracture; dictation's spoken
# punctuation and corrections; 'is preserved'.
SESSION28_CASES = [
    ("clavicle", "Befund: Verheilte Fraktur im mittleren Drittel. Zwei metalldichte Fremdkörper, vereinbar mit "
                 "Splittern.", {"fracture": "true", "fracture_middle_third": "true", "foreign_body": "true"}),
    # guards: a fracture with several splinters is comminuted; a foreign body in brackets stays one
    ("clavicle", "Befund: Fraktur im mittleren Drittel mit mehreren Splittern.",
     {"fracture": "true", "fracture_middle_third": "true", "fracture_comminuted": "true"}),
    ("clavicle", "Befund: Alte Fraktur im mittleren Drittel.\nBeurteilung: Fremdkörper supraklavikulär (Splitter).",
     {"fracture": "true", "fracture_middle_third": "true", "foreign_body": "true"}),
    ("thumb", "Findings: ? small avulsion at the base of the prox phalanx, cannot exclude.",
     {"fracture": "uncertain", "proximal_phalanx_fracture": "uncertain"}),
    ("thumb", "Findings: Mild soft tissue swelling.\n\nAddendum: The earlier impression of swelling is withdrawn.", {}),
    ("clavicle", "Befund: Fraktur im mittleren Drittel.\n\nNachtrag: Der Verdacht auf eine Fraktur wird "
                 "zurückgenommen.", {}),
    ("clavicle", "Findings: Old healed fracture of the middle third with callus.\n\nAddendum: A fracture of the "
                 "lateral third cannot be excluded.",
     {"fracture": "true", "fracture_middle_third": "true", "fracture_lateral_third": "uncertain"}),
    ("elbow", "Beurteilung: Eine Fraktur des Radiusköpfchens ist ohne Zusatzaufnahme nicht sicher auszuschließen.",
     {"fracture": "uncertain", "radius_fracture": "uncertain", "radial_head_fracture": "uncertain"}),
    ("thumb", "Findings: No acute fracture. Small old avulsion at the base of the proximal phalanx is not excluded.\n"
              "Impression: No acute fracture.", {"fracture": "uncertain", "proximal_phalanx_fracture": "uncertain"}),
    # a bracket after a treated fracture names its fixation: no hardware failure, the fracture keeps its place
    ("clavicle", "Befund: Z.n. Plattenosteosynthese einer Klavikulaschaftfraktur (6-Loch-Platte, 5 Schrauben). "
                 "Frakturspalt noch abgrenzbar.", {"fracture": "true", "fracture_middle_third": "true"}),
    # speech recognition's leftovers: spoken punctuation and a spoken correction ('scratch that', 'streichen
    # Korrektur') that withdraws what was said before it; a part 'is preserved' is normal
    ("clavicle", "findings there is an undisplaced fracture of the lateral third the sc joint is widened scratch that "
                 "the sc joint is normally aligned full stop new paragraph impression lateral third fracture full stop",
     {"fracture": "true", "fracture_lateral_third": "true"}),
    ("thumb", "Klinische Angaben Punkt Sturz Punkt neuer Absatz Befund Punkt Fraktur der Grundphalanx streichen "
              "Korrektur keine Fraktur Punkt Arthrose im Sattelgelenk mit Osteophyten Punkt",
     {"joint_degeneration": "true", "cmc_joint_degeneration": "true"}),
    ("thumb", "Findings: degenerative change at the IP joint, the MCP joint is preserved.",
     {"joint_degeneration": "true", "ip_joint_degeneration": "true"}),
    # an addendum that still sees a gap, with words between 'noch' and 'abgrenzbar', keeps the fracture
    ("clavicle", "Befund: Konsolidierte Fraktur, die ehemalige Frakturlinie ist nicht mehr abgrenzbar.\n\nNachtrag: "
                 "In der ehemaligen Frakturzone ist noch ein schmaler Frakturspalt abgrenzbar.", {"fracture": "true"}),
    # after the held-out score: a conditional recommendation names no finding; a denied non-union says nothing of
    # visibility; a report that still sees the line keeps its healed fracture
    ("elbow", "Findings: Posterior elbow dislocation. Radial head intact.\nImpression: Dislocation. CT IF CONCERN FOR "
              "TERRIBLE TRIAD.", {"joint_dislocation": "true"}),
    ("elbow", "Befund: Frakturspalt nicht mehr abgrenzbar.\nBeurteilung: Knöchern konsolidierte Olekranonfraktur, "
              "keine Pseudarthrose.", {}),
    ("clavicle", "Befund: Konsolidierte Fraktur im lateralen Drittel. Frakturlinie noch diskret als Saum erkennbar, "
                 "kein Frakturspalt.\nBeurteilung: Verheilte Klavikulafraktur im lateralen Drittel.",
     {"fracture": "true", "fracture_lateral_third": "true"}),
    # a referral's story under 'zuweisung:' is the history: a dislocation reduced on site is not on the image
    ("elbow", "befund roe ellenbogen li\npat.: x, 80 j.\nzuweisung: rtw nach sturz, ellenbogenluxation li, vor ort "
              "reponiert\n\ngelenk jetzt kongruent, keine luxation mehr.\n\nbeurteilung: regelrechte stellung.", {}),
    # a headless report that opens with its suspicion and then rules it out: the suspicion was the question; guard:
    # a suspicion nothing rules out stays
    ("clavicle", "klavikula li. ap — pat. x, kante eines wagens gegen li. schulter. v.a. fraktur.\n\nkein "
                 "frakturnachweis. ac-gelenk regelrecht.", {}),
    ("clavicle", "klavikula li. ap. v.a. fraktur im mittleren drittel. ac-gelenk regelrecht.",
     {"fracture": "uncertain", "fracture_middle_third": "uncertain"}),
    # guards: 'a period of', a fracture 'with preserved alignment'
    ("thumb", "Findings: fracture of the proximal phalanx with preserved alignment, immobilised for a period of "
              "six weeks", {"fracture": "true", "proximal_phalanx_fracture": "true"}),
]



# Session 29 (from examples of our own, none taken from an evaluation corpus): an addendum heading with a date and a
# bracketed aside, whose negation overrules the impression; a quoted word the correcting report re-reads; a title
# line ('Röntgenbefund') that heads nothing, so the findings below the history's paragraph are read, and an exam's
# own line that ends the history; the swelling's going down that a plan waits for; what plain film cannot show;
# a list item that states its own finding's course after a negation; a relative clause's differential; a side after
# its noun ('Kallusbildung ulnar'), which is no ulna.
SESSION29_CASES = [
    ("clavicle", "Findings: Small osteophyte at the AC joint.\nImpression: Mild ACJ OA.\n\nADDENDUM 02/03/2026 "
                 "(Dr A. B. Smith): Point 2 is withdrawn. The 'osteophyte' is the plate's hook; the AC joint shows no "
                 "degenerative change.", {}),
    ("thumb", "Röntgenbefund\n\nPatient: X, 50 J.\nKlinische Angaben: Sturz aufs Handgelenk. Schmerzen?\n\nRöntgen "
              "Daumen rechts in 2 Ebenen:\n\nAusgeprägte Weichteilschwellung thenar. Keine Fraktur.\n\n"
              "Beurteilung: Kein Frakturnachweis.", {"swelling_dactylitis": "true"}),
    ("thumb", "Röntgenbefund\n\nPatient: X, 68 J.\nBekannte Gicht. Schmerzhafte Schwellung Endgelenk.\n\nRöntgen "
              "Daumen re. 2 Ebenen:\nPunktförmige Verkalkungen periartikulär am IP-Gelenk.\n\nBeurteilung: Tophus.",
     {"soft_tissue_calcification": "true", "soft_tissue_mass": "true"}),
    ("thumb", "Befund: Weichteilschwellung ulnar über MCP I.\nBeurteilung: Fragliche Subluxation MCP I, ggf. "
              "Stressaufnahme nach Abschwellung.",
     {"swelling_dactylitis": "true", "joint_subluxation": "uncertain", "mcp_joint_subluxation": "uncertain"}),
    ("thumb", "Findings: No fracture.\nImpression: No fracture; repeat films once the swelling has settled.", {}),
    ("thumb", "Findings: No fracture. A non-metallic foreign body cannot be assessed on plain film; ultrasound if "
              "clinically suspected.", {}),
    # guard: a foreign body that cannot be excluded stays a hedge
    ("thumb", "Findings: No fracture. Radiolucent foreign body cannot be excluded.", {"foreign_body": "uncertain"}),
    ("elbow", "Befund: Kein Frakturnachweis, Erguss rückläufig.", {"fat_pad_sign": "true"}),
    ("elbow", "Findings: No fracture, effusion decreasing.", {"fat_pad_sign": "true"}),
    # guard: a plain list keeps its negation
    ("elbow", "Findings: No fracture, dislocation or effusion.", {}),
    # a relative clause's differential stays with its own noun; guard: a differential after a comma still binds back
    ("thumb", "Findings: Soft tissue swelling volar with a tiny dense focus, which may represent a glass fragment "
              "versus dressing artefact.", {"swelling_dactylitis": "true", "foreign_body": "uncertain"}),
    ("thumb", "Findings: Small ossicle, DD avulsion fragment.", {"ossicle": "uncertain", "fracture": "uncertain"}),
    # a side after its noun is a direction, not the ulna; a residual gap is a fracture still seen
    ("thumb", "Befund: Z.n. K-Draht-Osteosynthese einer Bennett-Fraktur des Os metacarpale I. Der Frakturspalt ist "
              "noch schmal abgrenzbar, beginnende Kallusbildung ulnar.",
     {"fracture": "true", "metacarpal1_fracture": "true"}),
]


# Session 29, third round (our own examples): a subluxation put back; an addendum's quoted word is what it takes
# back; the senior physician's 'OA' closing a signature; the hardware's breakage; 'STS' for soft tissue swelling;
# 'CMCJ'.
SESSION29B_CASES = [
    ("thumb", "Findings: The previously seen subluxation of the first CMC joint has been reduced; the joint is now "
              "congruent.", {}),
    # guard: a subluxation still there
    ("thumb", "Findings: Subluxation of the first CMC joint.", {"joint_subluxation": "true",
                                                               "cmc_joint_subluxation": "true"}),
    ("thumb", "Findings: Radiopaque glass fragment in the pulp.\n\nAddendum: the \"glass fragment\" is a skin fold "
              "artefact. No foreign body.", {}),
    ("clavicle", "Befund: Klavikula regelrecht, AC-Gelenk unauffällig.\nDr. A. Muster / B. Beispiel, OA", {}),
    # guard: OA of a joint stays degeneration
    ("clavicle", "Beurteilung: Mäßige AC-Gelenks-OA.", {"joint_degeneration": "true", "ac_joint_degeneration": "true"}),
    # (the hardware's breakage: 'Kein Materialbruch' is no fracture negation; no example of ours fails without it)
    ("elbow", "Befund: Fraktur des Olekranons in Konsolidierung. Kein Materialbruch, keine Lockerungssäume.",
     {"fracture": "true", "olecranon_fracture": "true", "ulna_fracture": "true"}),
    ("thumb", "Findings: Bennett fracture base 1st MC. STS thenar eminence.",
     {"fracture": "true", "metacarpal1_fracture": "true", "swelling_dactylitis": "true"}),
    # a visible-word after the gone-word is the later word: the line is still seen
    ("clavicle", "Befund: Die alte Fraktur im lateralen Drittel ist knöchern durchbaut, die Frakturlinie ist noch "
                 "diskret abgrenzbar.", {"fracture": "true", "fracture_lateral_third": "true"}),
    # guard: healed and no more
    ("clavicle", "Befund: Die alte Fraktur im lateralen Drittel ist knöchern durchbaut.", {}),
    ("thumb", "Findings: Moderate OA 1st CMCJ with joint space narrowing.",
     {"joint_degeneration": "true", "cmc_joint_degeneration": "true", "joint_space_narrowing": "true",
      "cmc_joint_space_narrowing": "true"}),
]


# Session 30: what a new round of tuning authors (kd-kk) showed the rules getting wrong, in our own words.
SESSION30_CASES = [
    # a side word between the part and the bone
    ("clavicle", "Impression: Questionable small avulsion fragment, distal left clavicle.",
     {"fracture": "uncertain", "fracture_lateral_third": "uncertain"}),
    ("clavicle", "Findings: Undisplaced fracture of the medial right clavicle.",
     {"fracture": "true", "fracture_medial_third": "true"}),
    # a dislocation put back: 'aufgehoben' after it is gone, not a joint space obliterated
    ("thumb", "Befund: Nach Reposition regelrechte Stellung im Sattelgelenk, die vorbestehende Subluxation ist "
              "aufgehoben.", {}),
    # guard: an obliterated joint space stays degeneration
    ("thumb", "Befund: Der Gelenkspalt des Sattelgelenks ist aufgehoben, kräftige Osteophyten.",
     {"joint_degeneration": "true", "cmc_joint_degeneration": "true"}),
    # a foreign-body sensation is a symptom
    ("thumb", "Beurteilung: Kein röntgendichter Fremdkörper. Bei anhaltendem Fremdkörpergefühl Sonographie.", {}),
    ("thumb", "Impression: No radiopaque foreign body. Ultrasound if the foreign body sensation persists.", {}),
    # guard: a foreign body is still one
    ("thumb", "Impression: 4 mm radiopaque foreign body in the pulp.", {"foreign_body": "true"}),
    # an addendum's last sentence on a finding is its verdict; its heading may carry a long aside after the date
    ("elbow", "Befund: Metalldichter Fremdkörper dorsal über dem Olekranon.\n\nNACHTRAG 03.02.2026 (nach telefonischer "
              "Rücksprache mit dem Operateur und Durchsicht der OP-Dokumentation):\nDer metalldichte Körper entspricht "
              "einem belassenen Drahtende. Es handelt sich um Osteosynthesematerial, nicht um einen Fremdkörper.", {}),
    ("thumb", "Findings: 3 mm radiopaque foreign body in the thenar soft tissues.\n\nADDENDUM: The metallic fragment "
              "represents a cut K-wire end left at surgery. This is hardware, not a foreign body.", {}),
    # guard: within one addendum sentence the strongest value stands ('..., DD ...' does not hedge what it states)
    ("thumb", "Findings: Fracture of the base of the first metacarpal.\n\nAddendum: Additional dorsal fragment at "
              "the base of the first metacarpal, so a multifragmentary fracture, DD Rolando fracture.",
     {"fracture": "true", "metacarpal1_fracture": "true", "fracture_comminuted": "true",
      "metacarpal1_fracture_comminuted": "true"}),
]


# Every session's cases, one test: each case is a parameter named by its session ('session24-3').
# Session 31: what a new round of tuning authors (kt-la) showed the rules getting wrong, in our own words.
SESSION31_CASES = [
    # 'not corticated' describes a fresh fracture's surface: no negation of the fracture
    ("elbow", "Findings: Fragment at the tip of the coronoid process, not corticated: avulsion fracture.",
     {"fracture": "true", "ulna_fracture": "true", "coronoid_fracture": "true", "coronoid_tip_avulsion": "true"}),
    ("elbow", "Nachtrag: Das Fragment am Processus coronoideus ist nicht kortikalisiert, knöcherner Ausriss der "
              "Koronoidspitze.",
     {"fracture": "true", "ulna_fracture": "true", "coronoid_fracture": "true", "coronoid_tip_avulsion": "true"}),
    # guard: a corticated ossicle stays one
    ("elbow", "Findings: Well corticated ossicle at the coronoid tip, no fracture.", {"ossicle": "true"}),
    # the German abbreviation for a foreign body, its material hedged
    ("thumb", "Beurteilung: FK in den Weichteilen des Daumenballens (a.e. Glas).", {"foreign_body": "true"}),
    # guards: asked, negated, a signature's initials
    ("thumb", "Klinik: Frage FK? Befund: Kein FK nachweisbar.", {}),
    ("thumb", "Befund: Regelrechte Stellung. Dr. FK Meier", {}),
]

# Session 33: advice after a spaced dash ends the sentence's findings there, as a question does; a sign-off line
# still goes whole, and a finding before a semicolon's advice keeps its hedge.
SESSION33_CASES = [
    ("elbow", "Impression: Likely occult undisplaced supracondylar fracture (Gartland I) - treat as such.",
     {"fracture": "uncertain", "distal_humerus_fracture": "uncertain"}),
    ("elbow", "Impression: Probable occult supracondylar fracture - treat as such; a radial neck fracture is not "
              "excluded.",
     {"fracture": "uncertain", "distal_humerus_fracture": "uncertain", "radius_fracture": "uncertain",
      "radial_neck_fracture": "uncertain"}),
    ("elbow", "Beurteilung: V.a. okkulte Radiusköpfchenfraktur - behandeln wie Fraktur.",
     {"fracture": "uncertain", "radius_fracture": "uncertain", "radial_head_fracture": "uncertain"}),
    # guards: advice alone says nothing; a sign-off after a dash still takes the line
    ("elbow", "Impression: Supracondylar fractures can be occult.", {}),
    ("thumb", "Dr. Jane Bennett - radiologist", {}),
]

# Session 34 (tuning round mp-mw, read; examples our own): O'Driscoll's coronoid classification by its type or name,
# not a reader called O'Driscoll signing off; 'is the alternative' hedging the finding before it; advice 'if ...
# suspected' after a spaced dash; 'kranial des Akromions' a position, not the finding's place; the first metacarpal's
# shaft subluxed with words between (the Bennett pattern), a negation there still negating
SESSION34_CASES = [
    ("elbow", "Impression: No fracture.\n\nsgd. dr k. o'driscoll, msk radiology", {}),
    ("elbow", "Findings: Small coronoid tip fragment, O'Driscoll type 1.",
     {"fracture": "true", "coronoid_fracture": "true", "coronoid_tip_avulsion": "true", "ulna_fracture": "true"}),
    ("clavicle", "Findings: A small ossific fleck below the lateral clavicle, probably an avulsion fragment; a "
                 "calcified coracoclavicular ligament is the alternative.",
     {"fracture": "uncertain", "fracture_lateral_third": "uncertain", "soft_tissue_calcification": "uncertain"}),
    ("elbow", "Impression: Possible coronoid tip avulsion - consider CT if terrible triad suspected clinically.",
     {"fracture": "uncertain", "coronoid_fracture": "uncertain", "coronoid_tip_avulsion": "uncertain",
      "ulna_fracture": "uncertain"}),
    ("clavicle", "Befund: Kranial des Akromions eine kleine Verdichtung, DD heterotope Ossifikation, DD Ossikel.",
     {"soft_tissue_calcification": "uncertain", "ossicle": "uncertain"}),
    ("thumb", "Befund: Basisfraktur des Os metacarpale I; der Schaft ist durch den Zug des APL nach radial-dorsal "
              "subluxiert.",
     {"fracture": "true", "metacarpal1_fracture": "true", "joint_subluxation": "true",
      "cmc_joint_subluxation": "true"}),
    # guard: a negation between still negates
    ("thumb", "Befund: Bennett-Fraktur. Der Schaft ist in dieser Ebene nicht subluxiert.",
     {"fracture": "true", "metacarpal1_fracture": "true"}),
    # (second tuning round ng-nn) a joint space measured against the other side with the sides abbreviated; a
    # fracture's possible extension into a further part
    ("clavicle", "Befund: Keine Fraktur. ACG-Spalt re. 8 mm (li. 3 mm).", {"ac_joint_space_widened": "true"}),
    ("elbow", "Impression: Radial neck fracture. Possible extension into the radial head - consider CT.",
     {"fracture": "true", "radius_fracture": "true", "radial_neck_fracture": "true",
      "radial_head_fracture": "uncertain"}),
    # (third tuning round no-nv) a plan conditional on the fracture it would show says nothing of this image
    ("clavicle", "Impression: Possible undisplaced mid-shaft clavicle fracture. A repeat film in 10 days will show "
                 "callus if a fracture is present.",
     {"fracture": "uncertain", "fracture_middle_third": "uncertain"}),
    # a bracket naming the hedged finding before it by its class takes its hedge, however far the hedge stands; a
    # stated finding's class stays stated
    ("elbow", "Impression: Probable occult undisplaced supracondylar fracture of the distal humerus (Gartland type "
              "I). Above-elbow backslab.",
     {"fracture": "uncertain", "distal_humerus_fracture": "uncertain"}),
    ("elbow", "Impression: Supracondylar fracture of the distal humerus (Gartland type I).",
     {"fracture": "true", "distal_humerus_fracture": "true"}),
    # (fourth tuning round nw-od) sclerosis beside a degenerated joint is the degeneration's, a sclerotic lesion
    # stays one; 'extension into the articular surface' is intra-articular; the TFCC is the wrist's
    ("clavicle", "Befund: AC-Gelenk mit kaudalen Osteophyten und Sklerosierung wie bei Arthrose.",
     {"joint_degeneration": "true", "ac_joint_degeneration": "true"}),
    ("clavicle", "Befund: Sklerotische Läsion der medialen Klavikula, DD reaktive Sklerose bei SC-Arthrose.",
     {"sclerotic_lesion": "true", "joint_degeneration": "uncertain", "sc_joint_degeneration": "uncertain"}),
    ("elbow", "Findings: Undisplaced fracture of the lateral humeral condyle; extension into the articular surface "
              "cannot be excluded.",
     {"fracture": "true", "distal_humerus_fracture": "true", "distal_humerus_fracture_intraarticular": "uncertain"}),
    ("thumb", "Befund: Mitabgebildet zarte Verkalkung im Bereich des TFCC.", {}),
]

# Session 35 (tuning round ou-pb, read): the lump a finding accounts for is the complaint, no mass; a welder's
# retained spatter is a foreign body
SESSION35_CASES = [
    ("clavicle", "Findings: Healed midshaft fracture with mature callus. No soft tissue mass.\n\nImpression: Old "
                 "healed fracture explains the lump.",
     {"fracture": "true", "fracture_middle_third": "true"}),
    # guard: a mass stated beside it stays
    ("clavicle", "Impression: Solid callus explains the lump. Separate soft tissue mass over the AC joint.",
     {"soft_tissue_mass": "true"}),
    ("thumb", "Impression: Probable metallic spatter in the thenar soft tissues.", {"foreign_body": "uncertain"}),
    # (second round pc-pj) the question under a further abbreviated heading; an 'Aussprengung' is a chip, no
    # dislocation
    ("thumb", "daumen re. 2 eb.: kein frakturnachweis, weichteile unauffällig.\nfrgst.: sturz, v.a. fx grundglied",
     {}),
    ("elbow", "Befund: Kleine Aussprengung am Olekranon, sonst regelrecht.",
     {"fracture": "true", "ulna_fracture": "true", "olecranon_fracture": "true"}),
    # (third round pk-pr) an addendum headed by its date between rules, and an addendum's own amended impression,
    # override the first impression; no step and no secondary displacement are no displacement; grit is a foreign
    # body; a dropped letter in 'Weichteilschwellung'; a CT conditional on a persisting swelling; a metal density
    # the report puts on the clothing
    ("elbow", "Impression: Possible undisplaced radial head fracture.\n\n======== ADDENDUM 04/11/2025 ========\n"
              "Dedicated view reviewed: no fracture. Normal study.", {}),
    ("elbow", "Impression: Possible radial neck fracture.\n\nADDENDUM 2026-01-15 09:10:\nNeck view obtained.\n"
              "Impression amended: No radial neck fracture.", {}),
    ("elbow", "Befund: Olekranonfraktur, Gelenkfläche stufenfrei, keine sekundäre Dislokation.",
     {"fracture": "true", "ulna_fracture": "true", "olecranon_fracture": "true"}),
    ("elbow", "Impression: Small dense focus in the subcutaneous tissues, likely retained grit.",
     {"foreign_body": "uncertain"}),
    ("thumb", "Befund: Deutliche Weichteilschwelung über dem Thenar.", {"swelling_dactylitis": "true"}),
    ("clavicle", "Beurteilung: Keine Fraktur. Ggf. Sonographie bei persistierender Schwellung.", {}),
    ("clavicle", "Findings: No fracture. Round metallic density projecting over the supraclavicular region "
                 "corresponds to a button on the patient's gown.", {}),
    # (fourth round ps-pz) a wrapped line continues its sentence in a report written with capitals; a side between
    # the separation and its grade
    ("thumb", "Findings:\nSmall avulsion fracture at the base of the proximal phalanx.\n\nConclusion:\nMCP "
              "subluxation cannot\nbe excluded without stress views.",
     {"fracture": "true", "proximal_phalanx_fracture": "true", "joint_subluxation": "uncertain",
      "mcp_joint_subluxation": "uncertain"}),
    ("clavicle", "Beurteilung: ACG-Sprengung links Tossy II.", {"joint_subluxation": "true",
                                                                 "ac_joint_subluxation": "true"}),
    # an addendum's morphology of 'the fracture' is the one placed fracture's
    ("thumb", "Findings: Fracture line at the base of the first metacarpal still visible.\n\nADDENDUM: On review "
              "the fracture is mildly comminuted.",
     {"fracture": "true", "fracture_comminuted": "true", "metacarpal1_fracture": "true",
      "metacarpal1_fracture_comminuted": "true"}),
]

# Session 36 (tuning round qi-qp, read): advice after a comma is only its clause's; a clavicle's narrowed joint space
# is its own finding, not an observation its hedged arthrosis interprets; the AC joint's compound with 'schmal'; a
# sign the projection explains is negated; a weak place is no second joint
SESSION36_CASES = [
    ("elbow", "Beurteilung: Fraglicher knöcherner Ausriss am Olekranon, ggf. CT zur Klärung.",
     {"fracture": "uncertain", "ulna_fracture": "uncertain", "olecranon_fracture": "uncertain"}),
    ("elbow", "Impression: Possible undisplaced radial neck fracture, consider CT to exclude it.",
     {"fracture": "uncertain", "radius_fracture": "uncertain", "radial_neck_fracture": "uncertain"}),
    # guard: the advice alone still asks, it states nothing
    ("elbow", "Beurteilung: Kein Frakturnachweis. Ggf. CT zur Klärung einer okkulten Radiuskopffraktur.", {}),
    ("clavicle", "Befund: Gelenkspalt des AC-Gelenks gering verschmälert, fraglich beginnende Arthrose.",
     {"ac_joint_space_narrowed": "true", "joint_degeneration": "uncertain", "ac_joint_degeneration": "uncertain"}),
    # guard: in the thumb the narrowing is the degeneration's sign, as uncertain as its interpretation
    ("thumb", "Findings: Mild narrowing of the MCP joint, possibly early osteoarthritis.",
     {"joint_degeneration": "uncertain", "mcp_joint_degeneration": "uncertain"}),
    ("clavicle", "Befund: Der AC-Gelenkspalt ist schmal.", {"ac_joint_space_narrowed": "true"}),
    ("elbow", "Impression: Apparent posterior fat pad elevation is due to rotation. No effusion.", {}),
    # (second round qr-qv) advice after the last comma is only its clause's, a spaced dash before it no longer takes
    # the sentence; 'should be considered' hedges; a splinter's material is no negation
    ("clavicle", "Findings: ACJ - mild widening of the joint space, subluxation cannot be excluded, stress views "
                 "could be obtained if clinically indicated.",
     {"ac_joint_space_widened": "true", "joint_subluxation": "uncertain", "ac_joint_subluxation": "uncertain"}),
    ("elbow", "Impression: ?Radial neck fracture - MRI if clinically indicated (terrible triad should be considered).",
     {"fracture": "uncertain", "radius_fracture": "uncertain", "radial_neck_fracture": "uncertain"}),
    ("elbow", "Impression: Comminuted radial head fracture; a terrible triad injury should be considered.",
     {"fracture": "true", "radius_fracture": "true", "radial_head_fracture": "true",
      "radial_head_fracture_comminuted": "true", "fracture_comminuted": "true", "coronoid_fracture": "uncertain",
      "ulna_fracture": "uncertain", "joint_dislocation": "uncertain"}),
    ("thumb", "Befund: Ein nicht schattengebender Holzsplitter ist nicht sicher auszuschließen.",
     {"foreign_body": "uncertain"}),
    ("thumb", "Findings: A non-radiopaque wood splinter cannot be excluded.", {"foreign_body": "uncertain"}),
    # (third round qu, qw) a relative clause's finding is at the place it opens after
    ("thumb", "Findings: Soft tissue swelling over the distal phalanx, which shows a transverse fracture.",
     {"fracture": "true", "distal_phalanx_fracture": "true", "swelling_dactylitis": "true"}),
    # sclerosis at a weak place before a hedged arthrosis of the joint beside it is that arthrosis, hedged
    ("thumb", "Befund: Diskrete subchondrale Sklerose am Os trapezium, möglicherweise beginnende Rhizarthrose.",
     {"joint_degeneration": "uncertain", "cmc_joint_degeneration": "uncertain"}),
]

# session 37 (from the adversarial tuning set rp; our own examples): a hedge after a comma that names its own subject,
# no finding of the template, hedges that subject only; a hedge with no subject of its own still hedges the finding
SESSION37_CASES = [
    ("thumb", "Beurteilung: Knöcherner Ausriss an der Grundphalanxbasis, Stener-Läsion nicht auszuschließen.",
     {"fracture": "true", "proximal_phalanx_fracture": "true"}),
    ("elbow", "Impression: Radial head fracture, ligament injury cannot be excluded.",
     {"fracture": "true", "radius_fracture": "true", "radial_head_fracture": "true"}),
    # guards: the hedge's subject is a finding; the hedge has only an adverb before it; or no word at all
    ("elbow", "Impression: Radial head fracture, dislocation cannot be excluded.",
     {"fracture": "true", "radius_fracture": "true", "radial_head_fracture": "true", "joint_dislocation": "uncertain"}),
    ("thumb", "Befund: Geringe Weichteilschwellung am Grundglied, radiologisch nicht sicher abgrenzbar.",
     {"swelling_dactylitis": "uncertain"}),
    ("elbow", "Beurteilung: Fraktur des Radiuskopfes, nicht sicher abgrenzbar.",
     {"fracture": "uncertain", "radius_fracture": "uncertain", "radial_head_fracture": "uncertain"}),
]

# session 38 (from the held-out set rf-ro and the adversarial pair rt, ru after their scoring; our own examples): an
# addendum that rules out a kind of fracture ('no comminuted fracture') leaves the fracture; a compound direction
# ('volar-ulnar fragment') is no forearm bone; the first metacarpal as '1st MC' / '1. MC'; Heberden's nodes of other
# fingers without a preposition ('index and middle DIPJs'); a foreign body in the soft tissue over the shoulder on a
# clavicle film
SESSION38_CASES = [
    ("clavicle", "Findings: Displaced fracture of the lateral third.\nAddendum: No comminuted fracture on review.",
     {"fracture": "true", "fracture_lateral_third": "true", "fracture_displaced": "true"}),
    ("clavicle", "Befund: Dislozierte Fraktur im lateralen Drittel.\nNachtrag: Keine Mehrfragmentfraktur.",
     {"fracture": "true", "fracture_lateral_third": "true", "fracture_displaced": "true"}),
    ("thumb", "Findings: Fracture at the base of the 1st MC with a small volar-ulnar fragment.",
     {"fracture": "true", "metacarpal1_fracture": "true"}),
    ("thumb", "Befund: Fraktur der Basis des 1. MC mit kleinem palmar-ulnarem Fragment.",
     {"fracture": "true", "metacarpal1_fracture": "true"}),
    ("thumb", "Findings: Possible early OA at the IP joint. Heberden nodes ring and little DIPJs.",
     {"joint_degeneration": "uncertain", "ip_joint_degeneration": "uncertain"}),
    ("clavicle", "Befund: Mehrere röntgendichte Fremdkörper in den Weichteilen über der Schulter.",
     {"foreign_body": "true"}),
    # guards: an addendum that rules out the fracture itself; a fracture of the distal ulna on a thumb film
    ("clavicle", "Findings: Possible fracture of the lateral third.\nAddendum: No fracture.", {}),
    ("thumb", "Findings: Fracture of the distal ulna. Thumb normal.", {}),
]

# session 39 (from session 38's sealed sets rv-sc, so, sp and this session's tuning sets, after their scoring; our own
# examples): an addendum header closed by its date and time or by rules ('ADDENDUM 14/03/2026 09:40', '--- NACHTRAG
# vom 02.03.2026 ---') opens the addendum; 'Previous conclusion revised:' marks no old finding; an HL7 message's '\.br\'
# breaks its lines; a measurement compared ('14 vs. 7 mm') hedges nothing; a typist's initials ('/ fb-ms') are no
# foreign body; 'bei persistierender Schwellung' is a plan, no swelling. On the rules before (40bb88b) the six fail, the
# three guards pass (the last one failed on a first draft that let any header close on a date)
SESSION39_CASES = [
    ("elbow", "Findings: Effusion. No fracture line seen.\nConclusion: Possible occult radial head fracture.\n\n"
     "ADDENDUM 14/03/2026 09:40\nRadial head view performed. Previous conclusion revised accordingly: undisplaced "
     "radial head fracture.",
     {"fracture": "true", "radius_fracture": "true", "radial_head_fracture": "true", "fat_pad_sign": "true"}),
    ("clavicle", "Beurteilung: Unklare Aufhellung, Osteolyse nicht ausgeschlossen.\n\n--- NACHTRAG vom 02.03.2026 ---\n"
     "Im CT Gefäßkanal. Keine Osteolyse.", {}),
    ("clavicle", "OBX|1|FT|^REPORT||XR CLAVICLE\\.br\\\\.br\\Clinical details: Fall from a horse. Deformity ?#\\.br\\"
     "\\.br\\Findings: Displaced fracture of the middle third of the clavicle.\\.br\\\\.br\\Impression: Displaced "
     "midshaft clavicle fracture.||||||F",
     {"fracture": "true", "fracture_middle_third": "true", "fracture_displaced": "true"}),
    ("clavicle", "Befund: AC-Gelenkspalt auf 10 mm erweitert, CC-Abstand vergrößert (17 vs. 8 mm re.).",
     {"ac_joint_space_widened": "true"}),
    ("clavicle", "Beurteilung: Regelrechter Befund, keine Fraktur.\nHamburg, 02.03.2026 / fb-kl", {}),
    ("clavicle", "Fragestellung: Schmerzen und Schwellung seit Wochen.\n\nBeurteilung: Altersentsprechender Befund, "
     "keine Fraktur. Bei persistierender Schwellung ergänzend Sonographie empfohlen.", {}),
    # guards: a hedge between findings ('fracture vs. overlap'); an old fracture stays what it is; an addendum's date
    # closing a line that is no addendum's ('Date 01-22-2026' opens no section)
    ("clavicle", "Findings: Lucency in the middle third, fracture vs. overlap.",
     {"fracture": "uncertain", "fracture_middle_third": "uncertain"}),
    ("clavicle", "Findings: Old healed fracture of the middle third, previous fracture visible.",
     {"fracture": "true", "fracture_middle_third": "true"}),
    ("thumb", "ED PROVIDER PRELIMINARY INTERPRETATION\nPatient: X   Age: 58 yo F\nDate 01-22-2026\nThumb R 3V: no "
     "acute fx. mild degenerative change at 1st CMC joint w/ small osteophytes.",
     {"joint_degeneration": "true", "cmc_joint_degeneration": "true"}),
]

# session 40 (from session 39's sealed sets su-th, ti, tj and this session's tuning sets, after their scoring; our own
# examples): an ossicle whose hedged name doubts that it is one ('ossicle ..., probably an accessory ossicle', 'Ossikel,
# am ehesten akzessorisch') is uncertain, also across a word the lexicon ignores ('radial aspect'); a loose body is the
# alternative a differential names ('Weichteilverkalkung, DD freier Gelenkkörper'); an avulsion that interprets a
# fragment lying beside a bone comes from that bone; a dislocation said to be reduced is no finding of the image; a
# chain of differentials reaches back to the finding they are alternatives of, past a hedge of the finding's nature
# ('am ehesten posttraumatische Weichteilverkalkung, DD Ossikel'); and, from the labeler round ub-ue, a copula's
# hedge after its finding, 'if any', a graded differential or query hedging the grade alone, a query glued to an
# eponym. On the rules before (e19a4d6) the fourteen fail; the eight guards pass
SESSION40_CASES = [
    ("elbow", "Findings: Small corticated ossicle beside the medial epicondyle, probably an accessory ossicle.",
     {"ossicle": "uncertain"}),
    ("thumb", "Findings: 2 mm ossicle adjacent to the ulnar aspect of the joint, probably an accessory ossicle.",
     {"ossicle": "uncertain"}),
    ("thumb", "Befund: Kleine Weichteilverkalkung ulnarseitig am MCP-Gelenk, DD freier Gelenkkörper.",
     {"soft_tissue_calcification": "uncertain"}),
    ("elbow", "Findings: Tiny flake anterior to the coronoid tip, likely a small avulsion.",
     {"fracture": "uncertain", "coronoid_fracture": "uncertain", "coronoid_tip_avulsion": "uncertain",
      "ulna_fracture": "uncertain"}),
    ("elbow", "Impression: Satisfactory reduction of posterior elbow dislocation; joint now congruent.", {}),
    ("elbow", "Beurteilung: Reponierte Ellenbogenluxation, kein Frakturnachweis.", {}),
    ("elbow", "Befund: Kleine Verkalkung am Epicondylus radialis, DD alte Bandverkalkung, DD akzessorisches Ossikel.",
     {"soft_tissue_calcification": "uncertain", "ossicle": "uncertain"}),
    ("elbow", "Befund: Kleine Verdichtung dorsal des Olekranons, am ehesten posttraumatische Weichteilverkalkung, DD "
     "akzessorisches Ossikel.", {"soft_tissue_calcification": "uncertain", "ossicle": "uncertain"}),
    # (from the labeler round ub-ue) a copula and its hedge after the finding; 'if any'; a differential or a query of a
    # grade or a severity hedges the grade, not the finding; a query glued to an eponym asks about it alone
    ("elbow", "Findings: The anterior fat pad is possibly elevated; no fracture line.", {"fat_pad_sign": "uncertain"}),
    ("clavicle", "Impression: Fracture of the lateral third, minimal if any displacement.",
     {"fracture": "true", "fracture_lateral_third": "true", "fracture_displaced": "uncertain"}),
    ("clavicle", "Impression: AC joint injury with subluxation (Rockwood II), DD Rockwood III - weight-bearing views "
     "advised.",
     {"joint_subluxation": "true", "ac_joint_subluxation": "true", "joint_dislocation": "uncertain",
      "ac_joint_dislocation": "uncertain"}),
    ("thumb", "Beurteilung: Rhizarthrose (Eaton/Littler II, DD III) mit radialer Subluxation der MC-I-Basis.",
     {"joint_degeneration": "true", "cmc_joint_degeneration": "true", "joint_subluxation": "true",
      "cmc_joint_subluxation": "true"}),
    ("thumb", "Impression: Moderate (?severe) first CMC OA.", {"joint_degeneration": "true",
                                                               "cmc_joint_degeneration": "true"}),
    ("thumb", "Conclusion: Bennett fracture-subluxation of the right thumb ?Rolando.",
     {"fracture": "true", "metacarpal1_fracture": "true", "joint_subluxation": "true",
      "fracture_comminuted": "uncertain", "metacarpal1_fracture_comminuted": "uncertain"}),
    # guards: a loose body denied denies nothing else; a dislocation not reduced; the films before the reduction show
    # it; an ossicle named as what it is; a differential of the calcification's own nature, or its cause hedged; a
    # query glued to a plain finding; a differential naming another finding, not a grade
    ("elbow", "Befund: Keine freien Gelenkkörper, keine Verkalkungen.", {}),
    ("elbow", "Findings: Posterior elbow dislocation.", {"joint_dislocation": "true"}),
    ("elbow", "Findings (pre-reduction): Posterior dislocation of the elbow.\nImpression: Successful reduction of "
     "posterior elbow dislocation.", {"joint_dislocation": "true"}),
    ("thumb", "Findings: Well-corticated ossicle at the IP joint, a sesamoid.", {"ossicle": "true"}),
    ("elbow", "Befund: Kleine Verkalkung am Epicondylus radialis, DD alte Bandverkalkung.",
     {"soft_tissue_calcification": "true"}),
    ("elbow", "Befund: Kleine Verkalkung am Epicondylus ulnaris, am ehesten posttraumatisch.",
     {"soft_tissue_calcification": "true"}),
    ("thumb", "Conclusion: ?Bennett fracture.", {"fracture": "uncertain", "metacarpal1_fracture": "uncertain"}),
    ("thumb", "Findings: ossicle, DD avulsion.", {"ossicle": "uncertain", "fracture": "uncertain"}),
]

# session 41: a hedged interpretation after its observation with the hedge behind it; the medial fragment standing
# high; an addendum that adds after a lead-in; a lesion's differentials of its nature; a child's buckle; a bitten-off
# tooth; a graded alternative that is a finding of its own
SESSION41_CASES = [
    ("thumb", "Befund: Im IP-Gelenk geringe Gelenkspaltverschmälerung, beginnende Arthrose nicht auszuschließen.",
     {"ip_joint_degeneration": "uncertain"}),
    ("elbow", "Findings: Mild narrowing of the ulnohumeral joint space, early osteoarthritis cannot be excluded.",
     {"joint_degeneration": "uncertain"}),
    ("thumb", "Findings: Narrowing of the IP joint space, CMC arthrosis cannot be excluded.",
     {"ip_joint_degeneration": "true", "cmc_joint_degeneration": "uncertain"}),
    ("clavicle", "Beurteilung: Laterale Klavikulafraktur mit Dislokation (Hochstand medial ca. 8 mm).",
     {"fracture_lateral_third": "true", "fracture_displaced": "true"}),
    ("clavicle", "Befund: Hochstand der lateralen Clavicula gegenüber dem Akromion.", {"ac_joint_subluxation": "true"}),
    ("elbow", "Findings: Displaced fracture of the ulnar shaft.\nImpression: Ulnar shaft fracture.\nAddendum 09:40: On "
     "the oblique view there is also a tiny flake at the coronoid tip, probably an avulsion.",
     {"ulna_fracture": "true", "coronoid_tip_avulsion": "uncertain"}),
    ("clavicle", "Findings: Sclerotic focus in the lateral clavicle, DD bone island, DD old fracture.",
     {"sclerotic_lesion": "true", "fracture_lateral_third": "uncertain"}),
    ("elbow", "Findings: Subtle buckle of the radial neck cortex.", {"radial_neck_fracture": "true"}),
    ("elbow", "Findings: Subtle buckling of the posterior cortex of the radial neck, probably an undisplaced "
     "radial neck fracture.", {"radial_neck_fracture": "uncertain"}),
    ("elbow", "Befund: Dorsal in den Weichteilen ein dichtes Partikel, am ehesten abgebrochenes Zahnfragment.",
     {"foreign_body": "uncertain"}),
    ("clavicle", "Beurteilung: AC-Gelenksubluxation links (Rockwood II, DD III).",
     {"ac_joint_subluxation": "true", "ac_joint_dislocation": "uncertain"}),
    ("clavicle", "Impression: AC joint subluxation (Rockwood II, DD Rockwood III).",
     {"ac_joint_subluxation": "true", "ac_joint_dislocation": "uncertain"}),
    # (second round: uv-uy)
    ("clavicle", "Findings: Fracture of the lateral third of the clavicle. Displacement is minimal, if any.",
     {"fracture_lateral_third": "true", "fracture_displaced": "uncertain"}),
    ("clavicle", "Impression: Lateral third clavicle fracture, minimally displaced at most.",
     {"fracture_lateral_third": "true", "fracture_displaced": "uncertain"}),
    ("clavicle", "Findings: Fracture of the lateral third with minimal if any displacement.",
     {"fracture_lateral_third": "true", "fracture_displaced": "uncertain"}),
    ("elbow", "Findings: Undisplaced radial head fracture.\nAddendum: On review the lucency is less convincing; regard "
     "as probable rather than definite fracture.", {"radial_head_fracture": "uncertain"}),
    ("elbow", "Findings: Small flake in front of the coronoid on the lateral view - ?tip avulsion.",
     {"coronoid_tip_avulsion": "uncertain"}),
    ("elbow", "Findings: Olecranon tip avulsion.", {"olecranon_fracture": "true"}),
    ("elbow", "Findings: Comminuted olecranon fracture with retraction of the tip fragment.",
     {"olecranon_fracture": "true", "olecranon_fracture_comminuted": "true"}),
    ("thumb", "Impression: Bennett fracture with CMC subluxation, DD Rolando fracture.",
     {"metacarpal1_fracture": "true", "metacarpal1_fracture_comminuted": "uncertain", "cmc_joint_subluxation": "true"}),
    ("clavicle", "Findings: Faint lucency across the mid clavicle, possibly a fracture.\nImpression: ?fracture.\n\n"
     "ADDENDUM (consultant review) 04.03.2026: The line is a rib margin. No fracture. Clavicle intact.", {}),
    ("elbow", "Findings: Effusion, probably from an occult radial head fracture.\nAddendum: A nondisplaced radial neck "
     "fracture is seen. The radial head articular surface is intact.", {"radial_neck_fracture": "true",
                                                                        "fat_pad_sign": "true"}),
    ("clavicle", "Befund: Diskrete Aufhellungslinie der Klavikula in Schaftmitte. Eine nicht dislozierte Fraktur ist "
     "hier nicht sicher auszuschließen.", {"fracture_middle_third": "uncertain"}),
    ("elbow", "Befund: Olekranonfraktur nach Zuggurtung. Stufe der Gelenkfläche < 1 mm.",
     {"olecranon_fracture": "true"}),
    # (third round: uz-vg)
    ("thumb", "Findings: Bennett fracture after K-wire fixation. CMC joint now congruent, previous subluxation "
     "reduced.",
     {"metacarpal1_fracture": "true"}),
    ("elbow", "Beurteilung: Radiusköpfchenfraktur, Mason I, allenfalls Mason II.",
     {"radial_head_fracture": "true", "radial_head_fracture_displaced": "uncertain"}),
    ("clavicle", "Befund: Im medialen Drittel eine 8 mm große, schmal sklerotisch berandete Aufhellung, am ehesten "
     "fibröser Kortikalisdefekt.", {"lytic_lesion": "true"}),
    ("elbow", "Findings: Small fragment beside the medial epicondyle: normal fragmented ossification versus small "
     "avulsion.", {"distal_humerus_fracture": "uncertain"}),
    ("clavicle", "Beurteilung: Verschmälerter SC-Gelenkspalt, DD beginnende Arthrose vs. altersentsprechend.",
     {"sc_joint_space_narrowed": "true", "sc_joint_degeneration": "uncertain"}),
    ("clavicle", "Impression: Lateral third clavicle fracture, angulated - ? displaced.",
     {"fracture_lateral_third": "true", "fracture_displaced": "uncertain"}),
    ("thumb", "Impression: Progressive narrowing of the first CMC joint - early rhizarthrosis?",
     {"cmc_joint_degeneration": "uncertain"}),
    ("thumb", "Findings: Lucency through the radial sesamoid - possible sesamoid fracture versus bipartite sesamoid.",
     {"ossicle": "true", "fracture": "uncertain"}),
    ("elbow", "Beurteilung: Gelenkerguss; am ehesten okkulte suprakondyläre Humerusfraktur (entspr. Gartland I).",
     {"distal_humerus_fracture": "uncertain", "fat_pad_sign": "true"}),
    ("thumb", "Befund: Knochenfragment an der Grundphalanxbasis.\nNachtrag: a.e. Sesambein; ein knöcherner Ausriss ist "
     "unwahrscheinlich, aber nicht sicher auszuschließen.", {"proximal_phalanx_fracture": "uncertain",
                                                            "ossicle": "uncertain"}),
    # (fourth round: vh-vo)
    ("thumb", "Beurteilung: Alte Bennett-Fraktur mit sekundärer Rhizarthrose (Grad II-III nach Eaton/Littler?) und "
     "leichter Subluxation im CMC-Gelenk.", {"metacarpal1_fracture": "true", "cmc_joint_degeneration": "true",
                                             "cmc_joint_subluxation": "true"}),
    ("thumb", "Impression: MCP subluxation?\n\nADDENDUM 03/15/2026 08:12 (final, attending): MCP alignment on "
     "the lateral is within normal limits, previous query withdrawn.", {}),
    ("elbow", "Findings: Elevated anterior and posterior fat pads.\nAddendum: On the true lateral the posterior fat "
     "pad is much less convincing; effusion possible but not definite.", {"fat_pad_sign": "uncertain"}),
    ("clavicle", "Impression: Widened AC joint ?subluxation.",
     {"ac_joint_space_widened": "true", "ac_joint_subluxation": "uncertain"}),
    # (fifth round: vp-vu)
    ("thumb", "Beurteilung: Rhizarthrose links, a.e. Eaton-Littler II, mit radialer Subluxation der MC-I-Basis.",
     {"cmc_joint_degeneration": "true", "cmc_joint_subluxation": "true"}),
    ("elbow", "Befund: Fraktur des Radiusköpfchens, Mason I, allenfalls II.",
     {"radial_head_fracture": "true", "radial_head_fracture_displaced": "uncertain"}),
    ("clavicle", "Findings: AC joint space widened to 9 mm.\nImpression: AC joint dislocation, Rockwood III, possibly "
     "grade V given the degree of CC widening.", {"ac_joint_space_widened": "true", "ac_joint_dislocation": "true"}),
    # (the labeler reads anonymized text: an addendum header whose date the anonymizer replaced)
    ("elbow", "Findings: possible lucency at the radial neck.\nImpression: Possible radial neck fracture.\n\n"
     "---------- ADDENDUM [DATE] ----------\nReviewed with the radial head view. No fracture.", {}),
    ("elbow", "Impression: Possible radial neck fracture.\n\nNACHTRAG vom [DATE]\nKeine Fraktur.", {}),
]

SESSION42_CASES = [
    # (session 42, from the labeler round wn, wo) a hedge after its finding: 'allenfalls noch ... vorhanden'
    ("clavicle", "Befund: Die Weichteilschwellung ist rückläufig, allenfalls noch diskret vorhanden.",
     {"swelling_hematoma": "uncertain"}),
    ("thumb", "Befund: Keine Fraktur. Weichteilschwellung allenfalls gering abgrenzbar.",
     {"swelling_dactylitis": "uncertain"}),
    ("elbow", "Beurteilung: Radiusköpfchenfraktur, Mason I, allenfalls Mason II.",
     {"radial_head_fracture": "true", "radial_head_fracture_displaced": "uncertain"}),
    # what the clinician is asked to correlate for is no finding
    ("elbow", "Impression: No fracture. Correlate clinically for occult fracture.", {}),
    ("elbow", "Impression: Possible coronoid tip avulsion - correlate clinically for terrible triad / instability; "
     "no dislocation on these images.", {"coronoid_tip_avulsion": "uncertain", "joint_dislocation": "false"}),
    ("elbow", "Impression: Radial head fracture, clinical correlation for terrible triad advised.",
     {"radial_head_fracture": "true", "joint_dislocation": "false", "coronoid_fracture": "false"}),
    # a bare grade after a hedge word or a grade word names the eponym again
    ("clavicle", "Findings: Appearances are of ACJ injury, Rockwood II, possibly III.",
     {"ac_joint_subluxation": "true", "ac_joint_dislocation": "uncertain"}),
    ("clavicle", "Impression: ACJ disruption, at least Rockwood II; grade III not excluded on this single view.",
     {"ac_joint_subluxation": "true", "ac_joint_dislocation": "uncertain"}),
    ("clavicle", "Beurteilung: AC-Gelenksprengung Tossy II, fraglich III.",
     {"ac_joint_subluxation": "true", "ac_joint_dislocation": "uncertain"}),
    # a doubted joint before a semicolon places the unplaced subluxation after it; a congruent one does not
    ("clavicle", "Impression: SC joint not assessable; subluxation or dislocation not excluded.",
     {"sc_joint_subluxation": "uncertain", "sc_joint_dislocation": "uncertain"}),
    ("thumb", "Findings: The first CMC joint is congruent; possible subluxation of the MCP joint.",
     {"joint_subluxation": "uncertain", "mcp_joint_subluxation": "uncertain"}),
    # a suspicion an addendum confirms is no hedge
    ("elbow", "Beurteilung: V.a. okkulte suprakondyläre Humerusfraktur.\n\nNACHTRAG:\nJetzt eindeutig abgrenzbare "
     "Frakturlinie suprakondylär dorsal. Der Verdacht auf eine okkulte Fraktur wird hiermit bestätigt.",
     {"fracture": "true", "distal_humerus_fracture": "true"}),
    ("elbow", "Beurteilung: V.a. okkulte suprakondyläre Humerusfraktur.\n\nNACHTRAG:\nDer Verdacht auf eine Fraktur "
     "wird nicht bestätigt.", {}),
]

SESSION43_CASES = [
    # (session 43, from the labeler round xk, xl) an addendum headed by a date written with its month's name
    ("elbow", "Conclusion: Undisplaced fracture of the radial neck.\n\nADDENDUM 3rd March 2026\nThe lucency is a Mach "
     "band; a radial neck fracture is now considered unlikely but cannot be entirely excluded.",
     {"fracture": "uncertain", "radius_fracture": "uncertain", "radial_neck_fracture": "uncertain"}),
    ("elbow", "Beurteilung: Radiushalsfraktur.\n\nNachtrag 3. März 2026\nEine Radiushalsfraktur ist nicht sicher "
     "auszuschließen.", {"fracture": "uncertain", "radius_fracture": "uncertain", "radial_neck_fracture": "uncertain"}),
    # a doubt of the prior study that this one settles is no hedge; a doubt of this one still is
    ("clavicle", "Befund: Schaftfraktur im mittleren Drittel. Das in der Voraufnahme nur fraglich abgrenzbare "
     "Biegungskeilfragment ist nun eindeutig als separates Fragment erkennbar.",
     {"fracture": "true", "fracture_middle_third": "true", "fracture_comminuted": "true"}),
    ("clavicle", "Findings: Midshaft fracture. A previously questionable butterfly fragment is now clearly seen.",
     {"fracture": "true", "fracture_middle_third": "true", "fracture_comminuted": "true"}),
    ("clavicle", "Findings: Midshaft fracture. Questionable butterfly fragment.",
     {"fracture": "true", "fracture_middle_third": "true", "fracture_comminuted": "uncertain"}),
]

SESSION44_CASES = [
    # (session 44, from the tuning round yc, yd) a German finding named first and negated by its verb after it: read
    # as present before ('Eine Luxation liegt nicht vor'); a hedge beside it keeps its own finding, and a finding
    # stated in the sentence before stays
    ("clavicle", "Befund: Eine Fraktur findet sich nicht. Eine Luxation liegt nicht vor.", {}),
    ("clavicle", "BEFUND: DER SC-GELENKSPALT IST ERWEITERT. EINE SUBLUXATION IST NICHT SICHER AUSZUSCHLIESSEN, EINE "
     "LUXATION LIEGT NICHT VOR.", {"sc_joint_space_widened": "true", "sc_joint_subluxation": "uncertain",
                                   "joint_subluxation": "uncertain"}),
    ("elbow", "Befund: Fraktur des Radiusköpfchens. Eine Luxation besteht nicht, Frakturen der Ulna zeigen sich nicht.",
     {"fracture": "true", "radius_fracture": "true", "radial_head_fracture": "true"}),
    ("thumb", "Befund: Ein Fremdkörper wird nicht gesehen. Eine Fraktur liegt nicht sicher vor.",
     {"fracture": "uncertain"}),
    ("elbow", "Befund: Eine Fraktur stellt sich nicht dar, eine Luxation kommt nicht zur Darstellung. Anhalt für einen "
     "Fremdkörper ergibt sich nicht.", {}),
    ("elbow", "Findings: Radial head fracture. A dislocation is not shown; evidence of a foreign body is lacking. An "
     "olecranon fracture cannot be demonstrated.",
     {"fracture": "true", "radius_fracture": "true", "radial_head_fracture": "true"}),
    # (from the negation rounds yi, yj) the first item of a list that a negation after it closes
    ("clavicle", "Befund: Fremdkörper, Verkalkungen oder eine Raumforderung sind nicht abzugrenzen.", {}),
    ("elbow", "Findings: Foreign body, calcification or mass is not seen. Radial head fracture.",
     {"fracture": "true", "radius_fracture": "true", "radial_head_fracture": "true"}),
    ("elbow", "Findings: Fracture, dislocation or effusion cannot be excluded.",
     {"fracture": "uncertain", "joint_dislocation": "uncertain", "fat_pad_sign": "uncertain"}),
    # a finding gone since the prior study: a swelling settled, a foreign body removed, a subluxation corrected, a
    # swelling 'zurückgebildet', a step 'no longer present'
    ("thumb", "Findings: Swelling of the tip has settled. The glass sliver on the prior film is gone.", {}),
    ("thumb", "Befund: Die beschriebene Weichteilschwellung hat sich vollständig zurückgebildet.", {}),
    ("thumb", "Findings: The dorsal subluxation at the CMC joint has been corrected and is no longer present. The "
     "lateral projection fails to show any subluxation of the MCP joint.", {}),
    ("clavicle", "Impression: Previous AC joint subluxation no longer present.", {}),
    # (from the negation rounds ym, yn, after their scoring) a list closed by a colon's negation, 'keiner' after a
    # colon, 'nein' after a dash, 'ist weder ... noch', 'is neither ... nor'
    ("clavicle", "Findings: Midshaft fracture. Lytic lesion, sclerotic lesion, foreign body: none seen.",
     {"fracture": "true", "fracture_middle_third": "true"}),
    ("thumb", "Befund: Metalldichter Fremdkörper: keiner. IP-Gelenk: Arthrose – nein. Eine Fraktur ist weder am "
     "Metakarpale I noch an den Phalangen nachweisbar.", {}),
    ("thumb", "Findings: A fracture is neither seen on the AP nor on the lateral view.", {}),
    # (from yq, yr) a German compound ending in '-frei', and 'lässt sich ... nicht nachweisen' with words between;
    # 'frei' alone before its noun negates nothing
    ("thumb", "Befund: Ein knöcherner Ausriss an der Basis der Grundphalanx lässt sich auch in Kenntnis der "
     "Voraufnahme nicht nachweisen. Fremdkörperfrei.", {}),
    ("thumb", "Befund: Ein frei im Weichteil liegender Fremdkörper.", {"foreign_body": "true"}),
    # a reduction described at length is the dislocation's history, not a dislocation on this image
    ("elbow", "Findings: Interval reduction of the previously demonstrated posterior ulnohumeral dislocation. Small "
     "joint effusion.", {"fat_pad_sign": "true"}),
]

SESSION45_CASES = [
    # (session 45, from the negation round zf) a German finding negated by its verb with words between ('liegt damit
    # nicht vor', 'zeigt sich in beiden Ebenen nicht'); 'nicht' before an adjective is the adjective's, and 'nicht
    # eindeutig' stays a hedge
    ("clavicle", "Befund: AC-Gelenk kongruent. Eine Sprengung oder Subluxation im AC-Gelenk liegt damit nicht vor.",
     {}),
    ("elbow", "Befund: Eine Frakturlinie zeigt sich in beiden Ebenen nicht, ebenso keine Kortikalisstufe und kein "
     "Wulst am distalen Humerus, Radiuskopf oder Olekranon.", {}),
    ("elbow", "Befund: Es zeigt sich eine nicht dislozierte Fraktur des Radiuskopfes.",
     {"fracture": "true", "radius_fracture": "true", "radial_head_fracture": "true"}),
    ("elbow", "Befund: Eine Fraktur zeigt sich in der seitlichen Aufnahme nicht eindeutig.", {"fracture": "uncertain"}),
    # a list closed by a spaced hyphen and its negation ('Fremdkörper, Weichteilverkalkungen - beides fehlt')
    ("clavicle", "Befund: Röntgendichter Fremdkörper, Weichteilverkalkungen - beides fehlt.", {}),
    ("clavicle", "Befund: Fraktur der Klavikula - keine Dislokation.", {"fracture": "true"}),
    # a fracture's gap closed by its fixation is no joint space obliterated; a joint space 'aufgehoben' still is
    ("elbow", "Befund: Die ursprüngliche Dehiszenz von 8 mm ist durch die Osteosynthese aufgehoben.", {}),
    ("thumb", "Befund: Der Gelenkspalt des Sattelgelenks ist weitgehend aufgehoben.",
     {"joint_degeneration": "true", "cmc_joint_degeneration": "true"}),
    # the findings hedge a finding through its part, the impression rules the part out: the finding goes too
    ("thumb", "Befund: Sattelgelenkspalt radial etwas schmal, fragliche beginnende Rhizarthrose.\n\nBeurteilung: "
     "Keine Rhizarthrose - die Verschmälerung ist projektionsbedingt. Keine Fraktur.", {}),
    # ... but an addendum that hedges the finding itself keeps it (guard)
    ("thumb", "Befund: Fragliche beginnende Rhizarthrose.\n\nBeurteilung: Keine Rhizarthrose.\n\nNachtrag: Fragliche "
     "degenerative Gelenkveränderungen.", {"joint_degeneration": "uncertain"}),
    # (from the adversarial round zc, zd) an addendum headed by a date without its year, a time and an aside
    # ('Nachtrag vom 4.2., 14:10 (nach CT):') supersedes the impression above it
    ("clavicle", "Beurteilung: V.a. diskrete SC-Subluxation rechts.\n\nNachtrag vom 9.3., 11:20 (nach CT): Beide "
     "SC-Gelenke kongruent, keine Subluxation.", {}),
    # an item of a list numbered inside its line ends the item before it: the hedge of a) is not b)'s
    ("clavicle", "Beurteilung: a) V.a. nicht dislozierte Fissur der lateralen Klavikula re. b) AC-Gelenksarthrose.",
     {"fracture": "uncertain", "fracture_lateral_third": "uncertain", "joint_degeneration": "true",
      "ac_joint_degeneration": "true"}),
    ("clavicle", "Impression: 1) possible fracture of the lateral clavicle 2) AC joint osteoarthritis.",
     {"fracture": "uncertain", "fracture_lateral_third": "uncertain", "joint_degeneration": "true",
      "ac_joint_degeneration": "true"}),
    # (from the rounds zg-zj, read after their unread scoring) fat pads lying against the bone, a sign positive
    # before and negative now, a swelling gone down completely, a subluxation the projection feigns: none present
    ("elbow", "Befund: Die Fettpolster liegen an, das Gelenk ist ergussfrei.", {}),
    ("elbow", "Beurteilung: Fettpolsterzeichen, in den Voraufnahmen noch positiv, jetzt negativ.", {}),
    ("thumb", "Beurteilung: Keine Fraktur. Schwellung vollständig rückläufig.", {}),
    ("thumb", "Beurteilung: IP-Gelenk regelrecht, die vermutete Subluxation ist durch die Projektion vorgetäuscht.",
     {}),
    # ... a repeat film's purpose is no finding; a view named by its parts places no fracture; a hook's fragment is a
    # foreign body (a hook plate stays hardware)
    ("clavicle", "Impression: Normal clavicle. Suggest repeat film in 10 days to look for an occult fracture.", {}),
    ("elbow", "Addendum: Radial head-capitellum (Coyle) view obtained today: a fine undisplaced fracture line through "
     "the margin of the radial head.",
     {"fracture": "true", "radius_fracture": "true", "radial_head_fracture": "true"}),
    ("thumb", "Findings: Barbed metallic hook fragment in the soft tissues of the pulp. No fracture.",
     {"foreign_body": "true"}),
    ("clavicle", "Findings: Hook plate in situ, no loosening. No fracture.", {}),
]

SESSION46_CASES = [
    # (session 46, from the negation round zx) a list closed by 'Fehlanzeige' (none to report) is negated
    ("elbow", "Befund: Gelenk kongruent. Ossäre Anbauten, Aufhellungen und Fremdkörper: Fehlanzeige.", {}),
    ("thumb", "Befund: Keine Fraktur. Fremdkörper: Fehlanzeige. Weichteile unauffällig.", {}),
    # a swelling that is gone now ('deutlich rückläufig, aktuell keine mehr'); one still there stays true
    ("thumb", "Befund: Weichteilschwellung am Daumenballen im Vergleich zur Voraufnahme rückläufig, jetzt keine mehr. "
     "Keine Fraktur.", {}),
    ("thumb", "Befund: Weichteilschwellung am Daumenballen, keine Fraktur.", {"swelling_dactylitis": "true"}),
    # a dislocation sign put back ('die präoperative Klavikulahochstellung ist aufgehoben') narrows no joint space; a
    # joint space that is 'aufgehoben' still is narrowed
    ("clavicle", "Befund: Hakenplatte regelrecht. Die präoperative Klavikulahochstellung ist jetzt aufgehoben, das "
     "AC-Gelenk steht kongruent.", {}),
    ("clavicle", "Befund: Der AC-Gelenkspalt ist aufgehoben, randständige Osteophyten.",
     {"ac_joint_space_narrowed": "true", "joint_degeneration": "true", "ac_joint_degeneration": "true"}),
    # (from session 45's held-out sets, read after their scoring) Heberden's nodes with what they show of the other
    # fingers after 'with' are the hand's, not the thumb IP joint's
    ("thumb", "Findings: No fracture. Incidental: Heberden's nodes with early joint space loss at the DIP joints of "
     "the included ring and little fingers.", {}),
    # the head a neck fracture's fragment is said not to tilt is no second site
    ("elbow", "Befund: Feine Kortikalisstufe am Radiushals ohne Abkippung des Radiuskopfes. Fettpolster angehoben.",
     {"fracture": "true", "radius_fracture": "true", "radial_neck_fracture": "true", "fat_pad_sign": "true"}),
    # a hedge before or after one finding does not cover the other finding 'with' joins to it; an arthrosis and its
    # own signs stay one hedged finding
    ("elbow", "Impression: Joint effusion with an occult radial head fracture not excluded.",
     {"fat_pad_sign": "true", "fracture": "uncertain", "radius_fracture": "uncertain",
      "radial_head_fracture": "uncertain"}),
    ("elbow", "Beurteilung: V.a. nicht dislozierte Radiuskopffraktur mit Gelenkerguss.",
     {"fat_pad_sign": "true", "fracture": "uncertain", "radius_fracture": "uncertain",
      "radial_head_fracture": "uncertain"}),
    ("thumb", "Befund: IP-Gelenk: fraglich beginnende Arthrose mit diskreter Gelenkspaltverschmälerung.",
     {"joint_degeneration": "uncertain", "ip_joint_degeneration": "uncertain"}),
    ("elbow", "Impression: Possible radial head fracture and effusion.",
     {"fat_pad_sign": "uncertain", "fracture": "uncertain", "radius_fracture": "uncertain",
      "radial_head_fracture": "uncertain"}),
    # (from the rounds aj, ap) a plan on a clinical concern names no finding; a subluxation 'behoben' is gone; a sign
    # that 'is not a feature' is absent; a swelling described clinically is not on the image; the medial clavicle end
    # standing high is the SC joint's
    ("clavicle", "Impression: Normal clavicle. If there is ongoing clinical concern for an occult fracture, repeat "
     "films in two weeks.", {}),
    ("thumb", "Beurteilung: Z.n. Reposition, die vorbestehende Luxation im Daumengrundgelenk ist jetzt behoben.", {}),
    ("thumb", "Findings: The CMC joint is normal; osteophytes and subchondral cysts are not a feature.", {}),
    ("clavicle", "Findings: Swelling at the lateral clavicle is reported clinically; no soft tissue swelling on the "
     "film. No fracture.", {}),
    ("clavicle", "Befund: Hochstand des medialen Klavikulaendes links gegenüber rechts, V.a. Subluxation.",
     {"joint_subluxation": "uncertain", "sc_joint_subluxation": "uncertain"}),
    # (round ep) a sign-off's words in brackets inside a sentence are an aside: the sentence's finding stays; a
    # signature line still names none
    ("clavicle", "Befund: Keine Fraktur.\nNACHTRAG: Nach Durchsicht der CT (angefordert von OÄ Dr. Brandl) korrigiere "
     "ich: nicht dislozierte Fraktur im medialen Drittel.",
     {"fracture": "true", "fracture_medial_third": "true"}),
    ("clavicle", "Befund: Keine Fraktur.\nOÄ Dr. Brandl, Fraktursprechstunde", {}),
]

SESSION47_CASES = [
    # (session 47, from session 46's held-out sets read after their scoring) an addendum's sentence about the statement
    # it withdraws names no finding; a bone an addendum shows intact takes back the fracture the report could not
    # exclude
    ("elbow", "Impression: Effusion without visible fracture.\nADDENDUM: The radial head view shows a nondisplaced "
     "radial head fracture. The earlier statement of no visible fracture is superseded.",
     {"fracture": "true", "radius_fracture": "true", "radial_head_fracture": "true", "fat_pad_sign": "true"}),
    ("elbow", "Findings: The radial head is obscured; a radial head fracture cannot be excluded.\nADDENDUM: On the "
     "radial head view the radial head is clearly profiled and intact.", {}),
    # an AC joint's heading names the joint its narrowing is at, though bones follow in the line
    ("clavicle", "Befund:\n2. AC-Gelenk: Gelenkspalt deutlich verschmälert, kleine Osteophyten an Akromion und "
     "lateraler Klavikula, Stellung regelrecht.",
     {"ac_joint_space_narrowed": "true", "joint_degeneration": "true", "ac_joint_degeneration": "true"}),
    # a terse 'sublux'
    ("thumb", "findings: mod cmc oa w mild radial sublux of mc1 base. imp: cmc oa w mild sublux",
     {"joint_subluxation": "true", "cmc_joint_subluxation": "true", "joint_degeneration": "true",
      "cmc_joint_degeneration": "true"}),
    # (from the negation round fw) 'lässt sich ausschließen' denies; 'lässt sich nicht ausschließen' still hedges
    ("clavicle", "Befund: Eine Fraktur der lateralen Klavikula lässt sich weiterhin ausschließen.", {}),
    ("clavicle", "Befund: Eine Fraktur der lateralen Klavikula lässt sich nicht ausschließen.",
     {"fracture": "uncertain", "fracture_lateral_third": "uncertain"}),
    # a joint free of effusion
    ("elbow", "Beurteilung: Kein Frakturnachweis. Ergussfreies Gelenk.", {}),
    # what a healed fracture shows instead of its line, and what a further view excludes
    ("elbow", "Befund: Anstelle des früher abgrenzbaren Frakturspalts zeigt sich eine durchgehende Trabekelstruktur.",
     {}),
    ("thumb", "Impression: Possible tuft fracture of the distal phalanx.\nADDENDUM: The oblique view shows the lucency "
     "to be a vascular channel; this excludes a fracture of the distal phalanx.", {}),
    # an addendum that revises the suspected diagnosis states its own
    ("clavicle", "Beurteilung: V.a. AC-Gelenksubluxation.\nNACHTRAG: Die Verdachtsdiagnose wird revidiert: "
     "AC-Gelenkluxation links.", {"joint_dislocation": "true", "ac_joint_dislocation": "true"}),
    # (from the rounds gc and jv) 'nil' before a finding denies it; a widening the hook plate has undone is gone
    ("thumb", "findings: small avulsion fragment off the base of the prox phalanx. nil fb.",
     {"fracture": "true", "proximal_phalanx_fracture": "true"}),
    ("clavicle", "Befund: Hakenplatte regelrecht. Die präoperativ gesehene AC-Gelenkserweiterung ist unter der "
     "Hakenplatte aufgehoben, keine Subluxation.", {}),
    # (from the rounds fo and jk) a joint involvement in doubt ('Fraglicher Gelenkbezug'); an intermediate fragment
    # makes three
    ("elbow", "Beurteilung: Dislozierte suprakondyläre Humerusfraktur li. mit Gelenkerguss. Fraglicher Gelenkbezug.",
     {"fracture": "true", "distal_humerus_fracture": "true", "distal_humerus_fracture_displaced": "true",
      "distal_humerus_fracture_intraarticular": "uncertain", "fat_pad_sign": "true"}),
    ("elbow", "Findings: Transverse olecranon fracture after tension band wiring, still visible. The small "
     "intermediate fragment at the articular margin is unchanged in position.",
     {"fracture": "true", "olecranon_fracture": "true", "olecranon_fracture_comminuted": "true",
      "ulna_fracture": "true"}),
    # (round jz) 'nothing to suggest' denies what follows ('No comminution - nothing to suggest a Rolando pattern')
    ("thumb", "Findings: Oblique intra-articular fracture of the base of the first metacarpal (Bennett fracture). No "
     "comminution - nothing to suggest a Rolando pattern.", {"fracture": "true", "metacarpal1_fracture": "true"}),
    # a list a colon closes, its later items words the lexicon does not know
    ("thumb", "Befund: Keine Fraktur. Fremdkörper, periartikuläre Verkalkungen, Chondrokalzinose: nicht vorhanden.",
     {}),
]

SESSION48_CASES = [
    # (session 48, from session 47's held-out sets read after their scoring and the round xqe-xqh) a fracture an
    # addendum sees and calls missed before: the negation is the earlier study's (the German form was read so before)
    ("elbow", "Findings: No fracture.\nADDENDUM: There is a subtle fracture of the radial neck with a buckle of its "
     "cortex, not appreciated on the first study.",
     {"fracture": "true", "radius_fracture": "true", "radial_neck_fracture": "true"}),
    ("elbow", "Befund: Kein Frakturnachweis.\nNachtrag: Feine Fissur des Radiushalses, auf den Voraufnahmen nicht "
     "erkennbar.", {"fracture": "true", "radius_fracture": "true", "radial_neck_fracture": "true"}),
    # a joint's space or wear told without its joint is the joint its line named last
    ("clavicle", "Findings: The right AC joint is disrupted. The joint is widened to 12 mm.",
     {"ac_joint_space_widened": "true"}),
    ("clavicle", "Findings: Left SC joint congruent. No dislocation. There is joint space narrowing with "
     "osteophytes.", {"joint_degeneration": "true", "sc_joint_space_narrowed": "true",
                      "sc_joint_degeneration": "true"}),
    # a hedge its contrast keeps
    ("elbow", "Impression: Supracondylar humeral fracture. Possible but unproven intra-articular extension.",
     {"fracture": "true", "distal_humerus_fracture": "true", "distal_humerus_fracture_intraarticular": "uncertain"}),
    # an addendum header closed by who wrote it, without a time: the addendum takes back the query
    ("elbow", "Findings: 2 mm density posterior to the olecranon: ossicle versus artefact.\n\nADDENDUM 03/04/2026 - "
     "Dr Q, Consultant Radiologist\nThe density is gone on the repeat view: artefact. No ossicle.", {}),
    # 'ebenso wenig' (nor) after a negation; an apparent elevation explained away
    ("clavicle", "Befund: Eine Erweiterung des Gelenkspaltes besteht nicht, ebenso wenig ein Klavikulahochstand.", {}),
    ("clavicle", "Beurteilung: Der scheinbare Hochstand der Klavikula ist projektionsbedingt.", {}),
    # a bracketed aside counts no words between a finding and its negation after it
    ("clavicle", "Findings: The AC joint subluxation seen on the injury films (about half the width of the clavicle) "
     "is no longer present; the joint is congruent.", {}),
    # a comparison inside brackets heads no section, though a removed place and date leave no full stop
    ("clavicle", "Befund:\nKorakoklavikulärer Abstand 18 mm (Gegenseite lt. Voraufnahme aus [ADDRESS] vom [DATE]: "
     "8 mm). ACG-Gelenkspalt erweitert.", {"ac_joint_space_widened": "true"}),
    # an addendum header closed by a dash before its own words, or by a bracketed date and a rule (read so before)
    ("elbow", "Findings: Elevated posterior fat pad.\nImpression: Effusion.\n\nADDENDUM [DATE] - reviewed at the "
     "meeting with Mr [NAME]: on the true lateral the posterior fat pad is normal. No effusion.", {}),
    ("elbow", "Findings: No fracture.\n\n=== ADDENDUM ([DATE]) ===\nThere is an undisplaced radial head fracture.",
     {"fracture": "true", "radius_fracture": "true", "radial_head_fracture": "true"}),
    # an addendum's negation of the other side takes back nothing it found
    ("clavicle", "Impression: No fracture.\nADDENDUM: On the follow-up film a fracture of the middle third of the "
     "right clavicle is visible. Findings in keeping with a birth fracture. No fracture on the left.",
     {"fracture": "true", "fracture_middle_third": "true"}),
    # guards: an unplaced widening that is not a joint's; a narrowing at a joint of the neighbouring region; an
    # unplaced narrowing after a line naming two joints; 'anterior fat pad in normal position' stays one phrase
    ("clavicle", "Findings: AC joint congruent. The coracoclavicular distance is widened.", {}),
    ("thumb", "Findings: MCP joint normal. Degenerative change at the DIP joints of the index finger.", {}),
    ("clavicle", "Findings: AC and SC joints normal. Joint space narrowing.", {}),
    ("elbow", "Findings: Anterior fat pad in normal position, no posterior fat pad.", {}),
]

SESSION49_CASES = [
    # (session 49, from session 48's held-out sets read after their scoring) a change with no joint of its own is the
    # joint of the compound in its own comma segment, not of one after the comma
    ("thumb", "Beurteilung: Fortgeschrittene Rhizarthrose mit Subluxation, IP-Arthrose.",
     {"cmc_joint_degeneration": "true", "cmc_joint_subluxation": "true", "ip_joint_degeneration": "true"}),
    ("thumb", "Impression: Rhizarthrosis with subluxation, IP joint arthrosis.",
     {"cmc_joint_degeneration": "true", "cmc_joint_subluxation": "true", "ip_joint_degeneration": "true"}),
    # guard: with no compound in its segment it still takes the place after it
    ("thumb", "Findings: Subluxation, IP joint.", {"ip_joint_subluxation": "true"}),
    # an old fracture said to have fully remodelled is gone (rule 7)
    ("clavicle", "Findings: Normal AC joint.\nImpression: No acute injury; the old lateral third fracture has fully "
     "remodelled.", {}),
    # a list, then its denial after a dash
    ("clavicle", "Findings: AC joint subluxation or dislocation - neither demonstrated. No fracture.", {}),
    # a ligament's ossification is a calcification, and the impression's hedge wins over the findings
    ("clavicle", "Findings: Linear ossification along the coracoclavicular ligament, post-traumatic.\nImpression: "
     "Probable coracoclavicular ligament ossification.", {"soft_tissue_calcification": "uncertain"}),
    # two readings offered, one of them the finding
    ("elbow", "Findings: Small ossific fragment at the olecranon tip, either an old avulsion or an enthesophyte.",
     {"fracture": "uncertain", "ulna_fracture": "uncertain", "olecranon_fracture": "uncertain",
      "exostosis": "uncertain"}),
    # what a denied sign would suggest is denied with it, however long the sign's words
    ("clavicle", "Findings: No inferior projection of the medial end of the clavicle to suggest posterior "
     "dislocation.", {}),
    # a fragment read two ways with no hedge word; a negated list stays a list
    ("elbow", "Impression: Tiny well-corticated fragment at the coronoid tip, old avulsion or accessory ossicle.",
     {"fracture": "uncertain", "ulna_fracture": "uncertain", "coronoid_fracture": "uncertain",
      "coronoid_tip_avulsion": "uncertain", "ossicle": "uncertain"}),
    ("elbow", "Impression: No fracture or accessory ossicle.", {}),
]

SESSION50_CASES = [
    # (session 50, from session 49's held-out sets and this session's rounds, read after their scoring) a healed
    # fracture said to leave nothing behind is gone (rule 7); a healed fracture alone is still seen
    ("thumb", "Beurteilung: Vollständig ausgeheilte Endgliedfraktur ohne residuale Veränderungen.", {}),
    ("thumb", "Beurteilung: Ausgeheilte Endgliedfraktur.", {"fracture": "true", "distal_phalanx_fracture": "true"}),
    ("elbow", "Findings: Plate fixation of the radial head.\nAddendum: The radial head fracture is fully united; the "
     "apparent gap was the plate's edge.", {}),
    # a negation's list typed without commas reaches its last item
    ("elbow", "findings no fracture dislocation lytic or sclerotic lesion joint effusion soft tissue swelling or "
     "foreign body. impression normal elbow", {}),
    ("elbow", "Findings: No fracture. Small joint effusion and a glass foreign body in the soft tissues.",
     {"fat_pad_sign": "true", "foreign_body": "true"}),
    # Heberden's nodes of the fingers' DIP joints named by ray after 'an' are the hand's, not the thumb's
    ("thumb", "Befund: Rhizarthrose. Nebenbefundlich Heberden-Knoten an DIP IV und V.",
     {"joint_degeneration": "true", "cmc_joint_degeneration": "true"}),
    ("thumb", "Befund: Heberden-Knoten an DIP I.", {"joint_degeneration": "true", "ip_joint_degeneration": "true"}),
    # where a fracture does not reach is no fracture of that part; a joint it does not reach stays the joint's
    ("elbow", "Findings: Oblique fracture of the proximal ulnar shaft. The fracture does not extend into the "
     "olecranon.", {"fracture": "true", "ulna_fracture": "true"}),
    ("elbow", "Befund: Fraktur der proximalen Ulnadiaphyse. Die Fraktur erreicht weder das Olekranon noch den "
     "Processus coronoideus.", {"fracture": "true", "ulna_fracture": "true"}),
    ("elbow", "Findings: Supracondylar fracture. It does not extend to the physis or into the joint.",
     {"fracture": "true", "distal_humerus_fracture": "true"}),
]

SESSION51_CASES = [
    # (session 51, from session 50's held-out sets and this session's rounds, read after their scoring) callus expected
    # on a condition, or a fracture that may only show later, is advice: no fracture seen
    ("clavicle", "Conclusion: No clavicle fracture. Early callus would be expected at 7-10 days if an occult fracture "
     "is present; repeat film only if clinically indicated.", {}),
    ("clavicle", "Impression: No fracture. An occult fracture may only become visible with callus formation.", {}),
    ("clavicle", "Impression: Undisplaced midshaft fracture. Callus would be expected at 10 days.",
     {"fracture": "true", "fracture_middle_third": "true"}),
    # a missing side comparison denies nothing beside it
    ("clavicle", "Befund: AC-Gelenkspalt fraglich erweitert (Seitenvergleich fehlt). Keine Fremdkörper.",
     {"ac_joint_space_widened": "uncertain"}),
    # a new fracture denied beside a healing one that is still seen
    ("elbow", "Befund: Der Frakturspalt im Olekranon ist noch schmal abgrenzbar.\n\nBeurteilung:\n1. Verzögerte "
     "Konsolidierung, Frakturspalt noch sichtbar.\n2. Kein Nachweis einer neuen Fraktur.",
     {"fracture": "true", "olecranon_fracture": "true", "ulna_fracture": "true"}),
    ("elbow", "Befund: Keine neue Fraktur. Keine Luxation.", {}),
    # a plan on a condition ('if terrible triad is a concern') names no finding
    ("elbow", "Findings: Small ossific density anterior to the coronoid, coronoid tip avulsion cannot be excluded. No "
     "dislocation.\nImpression: Displaced radial head fracture. ?coronoid tip fragment - if terrible triad is a "
     "concern CT recommended.",
     {"fracture": "true", "radial_head_fracture": "true", "radial_head_fracture_displaced": "true",
      "radius_fracture": "true", "coronoid_fracture": "uncertain", "coronoid_tip_avulsion": "uncertain",
      "ulna_fracture": "uncertain"}),
    # an impaction of the radial head's surface is a fracture, its hedge kept; the English section heading is none
    ("elbow", "Befund: Radiusköpfchen mit fraglicher Impression an der Zirkumferenz, DD Projektion.",
     {"fracture": "uncertain", "radial_head_fracture": "uncertain", "radius_fracture": "uncertain"}),
    ("elbow", "Findings: No fracture.\nImpression: Normal elbow.", {}),
    # where a fracture does not reach, two parts named
    ("elbow", "Findings: Undisplaced radial head fracture. The fracture does not extend to the olecranon or coronoid "
     "process.", {"fracture": "true", "radial_head_fracture": "true", "radius_fracture": "true"}),
    # a negation's list wrapped after 'od.' (oder)
    ("thumb", "Befund: Keine Fraktur, keine Luxation od.\nSubluxation in CMC-, MCP- oder IP-Gelenk.", {}),
    # what a material usually shows is no object seen
    ("thumb", "Findings: No radio-opaque foreign body.\nComment: Most glass is radio-opaque; ultrasound can be "
     "considered if symptoms persist.", {}),
    # "can't be excluded" hedges as 'cannot be excluded' does
    ("elbow", "Findings: Joint congruent. Radial head subluxation can't be excluded on this projection.",
     {"joint_subluxation": "uncertain"}),
    # a follow-up film named for the fracture it follows names no fracture
    ("elbow", "Impression: Questionable lucency proximal ulna, possibly a nutrient canal versus tiny fibroma; re-look "
     "at the fracture follow-up film.", {}),
    # a hedge on the type, not on the fracture
    ("thumb", "Beurteilung: Basisnahe intraartikuläre MC-I-Fraktur, wahrscheinlich vom Typ Bennett.",
     {"fracture": "true", "metacarpal1_fracture": "true"}),
    # 'ist weder A noch B' denies A and B when they follow; what it is said of stays ('Die Fraktur ist weder
    # disloziert noch verkürzt'); with a verdict of sight at its end it denies what it is said of
    ("clavicle", "Befund: Der SC-Gelenkspalt ist weder erweitert noch verschmälert.", {}),
    ("clavicle", "Befund: Die Klavikulafraktur ist weder disloziert noch verkürzt.", {"fracture": "true"}),
    ("clavicle", "Befund: Eine Fraktur ist weder an der Klavikula noch am Akromion nachweisbar.", {}),
    # a general caution and an object already taken out are no object seen
    ("thumb", "Beurteilung: o.B.; kleine Glassplitter können dem Nachweis entgehen, ggf. Sonographie.", {}),
    ("thumb", "Impression: No residual foreign body at the site of the removed glass fragment.", {}),
    # a negation's list typed without commas reaches the items before its 'or' too
    ("elbow", "findings: no fracture dislocation subluxation lytic or sclerotic lesion soft tissue swelling "
     "calcification or foreign body.", {}),
    # what a denied sign would have meant is no fracture
    ("elbow", "Befund: Kein Nachweis einer Fraktur, insbesondere keine Sklerosezone oder Periostreaktion am Radiushals "
     "als Zeichen einer okkulten Fraktur.", {}),
    # 'treat as a fracture' after a hedged fracture is advice, the hedge stays
    ("elbow", "Beurteilung: Radiuskopffraktur (Mason I) versus Projektionseffekt - bei Erguss klinisch wie Fraktur "
     "behandeln.", {"fracture": "uncertain", "radial_head_fracture": "uncertain", "radius_fracture": "uncertain"}),
]

SESSION_CASES = {
    "session19": SESSION19_CASES,
    "session20": SESSION20_CASES,
    "session21": SESSION21_CASES,
    "session22": SESSION22_CASES,
    "session23": SESSION23_CASES,
    "session24": SESSION24_CASES,
    "session25": SESSION25_CASES,
    "session26": SESSION26_CASES,
    "session27": SESSION27_CASES,
    "session28": SESSION28_CASES,
    "session29": SESSION29_CASES,
    "session29b": SESSION29B_CASES,
    "session30": SESSION30_CASES,
    "session31": SESSION31_CASES,
    "session33": SESSION33_CASES,
    "session34": SESSION34_CASES,
    "session35": SESSION35_CASES,
    "session36": SESSION36_CASES,
    "session37": SESSION37_CASES,
    "session38": SESSION38_CASES,
    "session39": SESSION39_CASES,
    "session40": SESSION40_CASES,
    "session41": SESSION41_CASES,
    "session42": SESSION42_CASES,
    "session43": SESSION43_CASES,
    "session44": SESSION44_CASES,
    "session45": SESSION45_CASES,
    "session46": SESSION46_CASES,
    "session47": SESSION47_CASES,
    "session48": SESSION48_CASES,
    "session49": SESSION49_CASES,
    "session50": SESSION50_CASES,
    "session51": SESSION51_CASES,
}


@pytest.mark.parametrize("region,text,expected", [
    pytest.param(*case, id=f"{tag}-{i}") for tag, cases in SESSION_CASES.items() for i, case in enumerate(cases)])
def test_session_label_classes(labelers, region, text, expected):
    _check(labelers, region, text, expected)
