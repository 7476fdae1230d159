"""English phrase bank for synthetic reports.

Wide on purpose: several noun phrases per finding, several sentence frames per value
(present / hedged / negated), abbreviations and the odd sloppy phrasing. Keys `region:id`
override the plain `id` entry. Placeholders in {braces} are filled by reports.py, which
records every identifier it inserts (see `reports.fill`).
"""

from __future__ import annotations

LANG = "en"

TITLES = [
    {"indication": "CLINICAL HISTORY:", "technique": "TECHNIQUE:", "comparison": "COMPARISON:",
     "findings": "FINDINGS:", "impression": "IMPRESSION:", "combined": "FINDINGS/IMPRESSION:"},
    {"indication": "Indication:", "technique": "Views:", "comparison": "Comparison:", "findings": "Findings:",
     "impression": "Impression:", "combined": "Report:"},
    {"indication": "History:", "technique": "Exam:", "comparison": "Prior:", "findings": "Description:",
     "impression": "Conclusion:", "combined": "Findings and conclusion:"},
]

SIDES = {"L": ["left", "left", "LEFT", "lt"], "R": ["right", "right", "RIGHT", "rt"]}
REGION_WORD = {"elbow": ["elbow"], "thumb": ["thumb", "first ray"], "clavicle": ["clavicle", "collarbone"]}

TECHNIQUE = {
    "elbow": ["AP and lateral views of the {side} elbow.", "{side} elbow, 2 views.", "XR ELBOW {SIDE} 2V",
              "Two views of the {side} elbow were obtained.", "Frontal and lateral radiographs, {side} elbow."],
    "thumb": ["AP and lateral views of the {side} thumb.", "{side} thumb, 2 views.", "XR THUMB {SIDE} 2V",
              "Two projections of the {side} thumb.", "PA and lateral radiographs of the {side} first ray."],
    "clavicle": ["AP view of the {side} clavicle.", "XR CLAVICLE {SIDE} 1V", "Single AP radiograph, {side} clavicle.",
                 "{side} clavicle, frontal projection with cephalad tilt."],
}

INDICATIONS = {
    "*": ["Fall onto outstretched hand, pain. Rule out fracture.", "Trauma, r/o fx.", "Pain and swelling after fall.",
          "Suspected fracture.", "Evaluate for dislocation.", "Sports injury, point tenderness.",
          "Chronic pain, ? arthritis.", "Follow-up.", "MVA, pain.", "Swelling, ? foreign body.",
          "Patient fell from a ladder. Fracture?", "Pain for 3 weeks, no trauma.", "Assess alignment."],
    "elbow": ["Fall on elbow, unable to extend. ? radial head fracture.",
              "Elbow pain after fall, r/o supracondylar fx.",
              "Child fell off trampoline, elbow swollen.", "Locked elbow. Loose body?"],
    "thumb": ["Skiing injury, thumb pain. Gamekeeper's?", "Hyperextension of the thumb, pain at MCP.",
              "Punched a wall. Bennett fracture?", "Pain at base of thumb, ? rhizarthrosis."],
    "clavicle": ["Fall from bike onto shoulder. Clavicle fracture?", "AC joint pain after fall. Separation?",
                 "Deformity over collarbone.", "Rugby tackle, shoulder pain."],
}

# noun phrases (present form); region-specific keys win
NP = {
    "fracture": ["fracture", "fracture", "fracture line", "fx", "cortical fracture"],
    "elbow:fracture": ["fracture about the elbow", "fracture", "elbow fracture", "fracture line"],
    "thumb:fracture": ["fracture of the thumb", "fracture", "fracture of the first ray"],
    "clavicle:fracture": ["clavicle fracture", "fracture of the clavicle", "clavicular fracture", "fracture"],
    "lytic_lesion": ["lytic lesion", "osteolytic lesion", "lucent bone lesion", "area of osteolysis",
                     "well-defined lucent lesion"],
    "sclerotic_lesion": ["sclerotic lesion", "sclerotic focus", "bone island", "dense sclerotic area",
                         "blastic lesion"],
    "distal_humerus_fracture": ["distal humerus fracture", "fracture of the distal humerus",
                                "supracondylar humerus fracture", "fracture of the distal humeral metaphysis",
                                "distal humeral fx", "transcondylar fracture of the humerus"],
    "olecranon_fracture": ["olecranon fracture", "fracture of the olecranon", "fracture through the olecranon",
                           "olecranon fx"],
    "coronoid_fracture": ["coronoid process fracture", "fracture of the coronoid process", "coronoid fracture"],
    "ulna_fracture": ["proximal ulnar shaft fracture", "fracture of the proximal ulna", "ulnar fracture",
                      "fracture of the ulnar shaft"],
    "radial_head_fracture": ["radial head fracture", "fracture of the radial head", "radial head fx",
                             "fracture of the radial head articular surface"],
    "radial_neck_fracture": ["radial neck fracture", "fracture of the radial neck", "radial neck fx"],
    "radius_fracture": ["proximal radial shaft fracture", "fracture of the proximal radius", "radial fracture",
                        "fracture of the radial shaft"],
    "joint_subluxation": ["subluxation", "joint subluxation", "malalignment with subluxation"],
    "elbow:joint_subluxation": ["subluxation of the elbow", "radiocapitellar subluxation",
                                "subluxation of the radial head", "elbow subluxation"],
    "joint_dislocation": ["dislocation", "joint dislocation", "luxation"],
    "elbow:joint_dislocation": ["elbow dislocation", "posterior dislocation of the elbow",
                                "dislocation of the elbow joint", "posterolateral elbow dislocation"],
    "joint_degeneration": ["degenerative joint disease", "osteoarthritis", "degenerative changes",
                           "arthrosis", "DJD"],
    "elbow:joint_degeneration": ["osteoarthritis of the elbow", "degenerative change of the elbow joint with "
                                 "osteophytes", "elbow arthrosis", "degenerative changes of the ulnohumeral joint"],
    "soft_tissue_calcification": ["soft tissue calcification", "soft-tissue calcifications",
                                  "calcific deposits in the soft tissues", "small soft tissue calcifications"],
    "soft_tissue_mass": ["soft tissue mass", "soft-tissue mass", "mass-like soft tissue swelling",
                         "soft tissue density mass"],
    "fat_pad_sign": ["positive fat pad sign", "elevated anterior fat pad (sail sign)", "joint effusion with "
                     "elevated fat pads", "posterior fat pad sign", "effusion"],
    "foreign_body": ["radiopaque foreign body", "metallic foreign body", "foreign body",
                     "small metallic density in the soft tissues consistent with a foreign body", "glass fragment"],
    "ossicle": ["ossicle", "accessory ossicle", "small well-corticated ossicle", "os supratrochleare dorsale"],
    "thumb:ossicle": ["sesamoid bone", "accessory ossicle", "small corticated ossicle", "sesamoid"],
    "exostosis": ["exostosis", "osteochondroma", "bony exostosis", "small exostosis"],
    "fracture_medial_third": ["medial third clavicle fracture", "fracture of the medial clavicle",
                              "fracture of the sternal end of the clavicle", "medial clavicular fracture"],
    "fracture_middle_third": ["midshaft clavicle fracture", "fracture of the middle third of the clavicle",
                              "mid-clavicular fracture", "midshaft clavicular fx"],
    "fracture_lateral_third": ["lateral third clavicle fracture", "distal clavicle fracture",
                               "fracture of the lateral end of the clavicle", "fracture of the acromial end of the "
                               "clavicle"],
    "joint_dislocation_generic": ["dislocation"],
    "ac_joint_space_widened": ["widening of the AC joint", "widened acromioclavicular joint space",
                               "AC joint widening", "increased AC interval"],
    "ac_joint_space_narrowed": ["narrowing of the AC joint space", "narrowed acromioclavicular joint",
                                "AC joint space narrowing"],
    "ac_joint_subluxation": ["AC joint subluxation", "subluxation of the acromioclavicular joint",
                             "slight superior subluxation of the distal clavicle at the AC joint"],
    "ac_joint_dislocation": ["AC joint dislocation", "acromioclavicular dislocation", "AC separation with "
                             "complete dislocation", "dislocation of the acromioclavicular joint"],
    "ac_joint_degeneration": ["AC joint osteoarthritis", "degenerative change of the AC joint",
                              "acromioclavicular arthrosis", "AC joint DJD with osteophytes"],
    "sc_joint_space_widened": ["widening of the SC joint", "widened sternoclavicular joint space"],
    "sc_joint_space_narrowed": ["narrowing of the SC joint", "narrowed sternoclavicular joint space"],
    "sc_joint_subluxation": ["SC joint subluxation", "subluxation of the sternoclavicular joint"],
    "sc_joint_dislocation": ["SC joint dislocation", "sternoclavicular dislocation",
                             "anterior dislocation of the sternoclavicular joint"],
    "sc_joint_degeneration": ["SC joint osteoarthritis", "degenerative change of the sternoclavicular joint",
                              "sternoclavicular arthrosis"],
    "clavicle:joint_subluxation": ["subluxation", "joint subluxation"],
    "clavicle:joint_dislocation": ["dislocation", "joint dislocation"],
    "clavicle:joint_degeneration": ["degenerative joint changes", "osteoarthritis"],
    "swelling_hematoma": ["soft tissue swelling", "hematoma", "soft-tissue swelling over the clavicle",
                          "swelling consistent with hematoma"],
    "metacarpal1_fracture": ["first metacarpal fracture", "fracture of the first metacarpal", "MC1 fracture",
                             "fracture at the base of the first metacarpal", "thumb metacarpal fracture"],
    "proximal_phalanx_fracture": ["proximal phalanx fracture of the thumb", "fracture of the proximal phalanx",
                                  "thumb proximal phalanx fx", "fracture of the base of the proximal phalanx"],
    "distal_phalanx_fracture": ["distal phalanx fracture", "fracture of the distal phalanx of the thumb",
                                "tuft fracture", "thumb distal phalanx fx"],
    "fracture_comminuted": ["comminuted fracture", "multifragmentary fracture"],
    "cmc_joint_subluxation": ["CMC joint subluxation", "subluxation of the first carpometacarpal joint",
                              "CMC I subluxation"],
    "cmc_joint_dislocation": ["CMC joint dislocation", "dislocation of the first CMC joint",
                              "carpometacarpal dislocation of the thumb"],
    "cmc_joint_degeneration": ["CMC joint osteoarthritis", "rhizarthrosis", "first CMC arthrosis",
                               "degenerative change of the trapeziometacarpal joint", "basal joint arthritis"],
    "mcp_joint_subluxation": ["MCP joint subluxation", "subluxation of the thumb MCP joint",
                              "subluxation at the metacarpophalangeal joint"],
    "mcp_joint_dislocation": ["MCP joint dislocation", "dislocation of the thumb MCP joint",
                              "metacarpophalangeal dislocation"],
    "mcp_joint_degeneration": ["MCP joint osteoarthritis", "degenerative change of the MCP joint",
                               "MCP arthrosis"],
    "ip_joint_subluxation": ["IP joint subluxation", "subluxation of the interphalangeal joint"],
    "ip_joint_dislocation": ["IP joint dislocation", "dislocation of the thumb IP joint",
                             "interphalangeal dislocation"],
    "ip_joint_degeneration": ["IP joint osteoarthritis", "degenerative change of the IP joint", "IP arthrosis",
                              "Heberden-type changes at the IP joint"],
    "swelling_dactylitis": ["soft tissue swelling of the thumb", "dactylitis", "diffuse swelling of the thumb",
                            "soft-tissue swelling"],
}

MOD_POS = {
    "displaced": [", displaced", " with displacement", " with displacement of the fragments", ", with 3 mm step-off",
                  " with dorsal angulation and displacement", ", displaced by approximately half a shaft width"],
    "comminuted": [", comminuted", " with comminution", ", multifragmentary", " with several fragments"],
    "intraarticular": [" extending into the joint", " with intra-articular extension", ", intra-articular",
                       " involving the articular surface"],
    "avulsion": [" with avulsion of the tip", ", tip avulsion", " (small avulsed fragment from the tip)"],
}
MOD_HEDGE = {
    "displaced": [", possibly minimally displaced", ", questionable slight displacement",
                  "; displacement cannot be excluded", ", probably displaced"],
    "comminuted": [", possibly comminuted", "; a small additional fragment cannot be excluded",
                   ", questionably multifragmentary"],
    "intraarticular": [", possible intra-articular extension", "; extension into the joint cannot be ruled out",
                       ", likely reaching the articular surface"],
    "avulsion": [", questionable tip avulsion", "; possible small avulsed fragment from the tip"],
}
MOD_NEG = {
    "displaced": [", non-displaced", ", undisplaced", " without displacement", ", nondisplaced"],
    "comminuted": [", simple two-part", " without comminution"],
    "intraarticular": [", extra-articular", " without joint involvement", ", not reaching the joint"],
    "avulsion": [],
}
ADJ_POS = {"displaced": ["displaced", "displaced"], "comminuted": ["comminuted", "multifragmentary"]}
ADJ_NEG = {"displaced": ["non-displaced", "undisplaced", "nondisplaced", "hairline"]}

PRESENT = ["{np}.", "There is {a}{np}.", "{a}{np} is seen.", "{a}{np} is noted.", "{np} is present.",
           "Demonstrated is {a}{np}.", "Findings consistent with {a}{np}.", "{np} identified.",
           "{np} as described.", "Evidence of {a}{np}."]
HEDGE = ["Possible {np}.", "{np} cannot be excluded.", "Suspected {np}.", "Questionable {np}.",
         "Findings may represent {a}{np}.", "F|Subtle lucency, likely {a}{np}.", "Equivocal {np}.",
         "Probable {np}.", "{np} is not entirely ruled out.", "Cannot rule out {a}{np}.",
         "Suspicious for {a}{np}.", "Subtle finding, DD {np}.", "Possibly {a}{np}.",
         "{np} not clearly delineated, but suspected.", "Most likely {a}{np}."]
# impression-only frames; the impression restates what the findings said
IMP_PRESENT = ["{np}.", "{np}.", "{np} as above.", "F|Acute {np}.", "{np}, see above."]
IMP_HEDGE = ["Possible {np}.", "Questionable {np}; follow-up recommended.", "{np} cannot be excluded.",
             "Suspected {np}, consider CT.", "Equivocal {np}."]

NEG = {
    "*": [
        ("No fracture or dislocation.", ["fracture", "joint_dislocation"]),
        ("No acute fracture.", ["fracture"]),
        ("No fracture is identified.", ["fracture"]),
        ("No evidence of fracture.", ["fracture"]),
        ("No displaced fracture or dislocation.", ["fracture", "joint_dislocation"]),
        ("Negative for fracture.", ["fracture"]),
        ("Bony structures are intact without fracture.", ["fracture"]),
        ("Normal alignment.", ["joint_dislocation", "joint_subluxation"]),
        ("Alignment is anatomic.", ["joint_dislocation", "joint_subluxation"]),
        ("No subluxation or dislocation.", ["joint_dislocation", "joint_subluxation"]),
        ("Joint spaces are preserved.", ["joint_degeneration"]),
        ("No significant degenerative change.", ["joint_degeneration"]),
        ("No lytic or sclerotic lesion.", ["lytic_lesion", "sclerotic_lesion"]),
        ("No focal osseous lesion.", ["lytic_lesion", "sclerotic_lesion"]),
        ("Bone texture is normal.", ["lytic_lesion", "sclerotic_lesion"]),
        ("No radiopaque foreign body.", ["foreign_body"]),
        ("No foreign body.", ["foreign_body"]),
        ("No soft tissue calcification.", ["soft_tissue_calcification"]),
        ("No soft tissue mass.", ["soft_tissue_mass"]),
        ("Soft tissues are unremarkable.", ["soft_tissue_mass", "soft_tissue_calcification", "swelling_hematoma",
                                            "swelling_dactylitis", "foreign_body"]),
    ],
    "elbow": [
        ("No joint effusion.", ["fat_pad_sign"]),
        ("Fat pads are normal.", ["fat_pad_sign"]),
        ("No elevation of the fat pads.", ["fat_pad_sign"]),
        ("No effusion; no posterior fat pad.", ["fat_pad_sign"]),
        ("Radial head is intact.", ["radial_head_fracture"]),
        ("Radiocapitellar line is normal.", ["joint_dislocation", "joint_subluxation"]),
        ("The olecranon is intact.", ["olecranon_fracture"]),
        ("Anterior humeral line intersects the capitellum normally.", ["distal_humerus_fracture"]),
        ("No supracondylar fracture.", ["distal_humerus_fracture"]),
        ("No exostosis.", ["exostosis"]),
        ("No loose body or ossicle.", ["ossicle"]),
    ],
    "thumb": [
        ("CMC joint is congruent.", ["cmc_joint_subluxation", "cmc_joint_dislocation"]),
        ("No rhizarthrosis.", ["cmc_joint_degeneration"]),
        ("MCP and IP joints are normally aligned.", ["mcp_joint_subluxation", "mcp_joint_dislocation",
                                                     "ip_joint_subluxation", "ip_joint_dislocation"]),
        ("No soft tissue swelling.", ["swelling_dactylitis"]),
        ("Base of the first metacarpal is intact.", ["metacarpal1_fracture"]),
        ("No Bennett or Rolando fracture.", ["metacarpal1_fracture"]),
    ],
    "clavicle": [
        ("AC joint is normal.", ["ac_joint_space_widened", "ac_joint_space_narrowed", "ac_joint_subluxation",
                                 "ac_joint_dislocation", "ac_joint_degeneration"]),
        ("Acromioclavicular joint is congruent.", ["ac_joint_subluxation", "ac_joint_dislocation"]),
        ("Normal coracoclavicular distance.", ["ac_joint_dislocation"]),
        ("SC joints are symmetric.", ["sc_joint_subluxation", "sc_joint_dislocation", "sc_joint_space_widened"]),
        ("No soft tissue swelling.", ["swelling_hematoma"]),
        ("No AC joint separation.", ["ac_joint_dislocation", "ac_joint_subluxation"]),
    ],
}

NORMAL_IMPRESSION = ["No acute osseous abnormality.", "Normal study.", "Unremarkable {region}.",
                     "No fracture, dislocation or other abnormality.", "Negative {region} series.",
                     "Normal radiographs of the {region}."]

OTHER_REGION = {
    "elbow": ["Incidentally, the partially imaged wrist shows a known distal radius fracture (see separate report).",
              "Shoulder not included.", "Separate wrist series reported elsewhere.",
              "Forearm shaft beyond the field of view not assessed.",
              "Known scaphoid fracture of the same side, see separate wrist report."],
    "thumb": ["Wrist assessed separately; suspected scaphoid fracture there.", "Remaining fingers not assessed.",
              "The distal radius is partially imaged and unremarkable.",
              "Known fifth metacarpal fracture of the same hand, reported separately."],
    "clavicle": ["Shoulder series reported separately.", "Glenohumeral joint partly imaged.",
                 "Visualized upper ribs: old healed rib fracture, not part of this exam.",
                 "Lung apex clear."],
}
HARDWARE = {
    "elbow": ["Status post plate fixation of the olecranon, hardware intact.", "Post ORIF, no loosening of the screws.",
              "Tension band wiring of the olecranon in place."],
    "thumb": ["Status post K-wire fixation of the first metacarpal.", "Post-operative screw in the first metacarpal, "
              "no hardware complication."],
    "clavicle": ["Status post plate osteosynthesis of the clavicle, hardware intact.",
                 "Post ORIF of the clavicle, no loosening."],
}
FILLER = ["Bone mineralization is normal.", "No periosteal reaction.", "Growth plates are open.",
          "Mild osteopenia.", "Cast material obscures fine bony detail.", "Positioning is suboptimal.",
          "Image quality is adequate."]

COMPARISON = ["None.", "No prior studies.", "{prior}.", "Prior study of {prior}.", "XR of {prior}."]
COMPARE_TEXT = ["Compared with prior study of {prior}, no interval change of the remaining findings.",
                "Compared to the study from {prior}.", "Unchanged from {prior} except as noted."]
CALLBACK = ["Findings discussed with Dr. {colleague} by phone ({phone}) on {date}.",
            "Result called to Dr. {colleague}, ext. {phone}.",
            "Discussed with the referring physician Dr. {ref_last}."]
AGE_TEXT = ["{age}-year-old {sexword}.", "Patient is {age} years old.", "{age} y/o {sexword}."]
CORRECTION_NEG = ["On second review, no {np}.", "F|Correction: no {np}; the lucency is a nutrient canal.",
                  "After review: no {np}."]
CORRECTION_POS = ["Addendum: on review, definite {np}.", "On second look there is {a}{np}.",
                  "Correction: {np} is definite."]
SIGNATURE = ["Electronically signed by {rad}, MD, {date}.", "{rad}, radiologist", "Dictated by: {rad}",
             "Reported by Dr. {rad}", ""]
SEXWORD = {"F": ["female", "woman"], "M": ["male", "man"], "Fc": ["girl", "female"], "Mc": ["boy", "male"]}
EMAIL_TEXT = ["Questions: {email}.", "Contact reading room: {email}"]


def header(variant: int) -> list[str]:
    """Header lines; placeholders are identifiers (recorded as PHI)."""
    if variant == 0:
        return ["{inst}", "Department of Radiology", "Patient: {name}   DOB: {dob}   MRN: {pid}",
                "Exam date: {date}   Accession: {acc}", "Referring: {ref}"]
    if variant == 1:
        return ["RADIOLOGY REPORT", "Name: {name_last_first}", "MRN: {pid}  Acc#: {acc}",
                "DOB: {dob}  Exam: {date}", "Ordering physician: {ref}"]
    return ["{inst}, {addr}", "Pt: {name} ({dob}), ID {pid}", "Study {acc} of {date}, ref. {ref}"]

# eponyms: each implies exact values (see reports.EPONYM_RULES)
EPONYM = {
    "mason1": ["Mason type I radial head fracture", "radial head fracture (Mason I)", "Mason I fracture of the radial "
               "head"],
    "mason2": ["Mason type II radial head fracture", "radial head fracture, Mason II", "Mason II fracture"],
    "mason3": ["Mason type III radial head fracture", "radial head fracture (Mason III)"],
    "bennett": ["Bennett fracture", "Bennett's fracture", "Bennett fracture of the first metacarpal base"],
    "rolando": ["Rolando fracture", "Rolando fracture of the first metacarpal base", "Rolando-type fracture"],
    "tossy2": ["AC joint injury Tossy II", "Rockwood type II AC joint injury", "Rockwood II acromioclavicular injury"],
    "tossy3": ["AC joint separation Tossy III", "Rockwood type III acromioclavicular separation",
               "Rockwood III AC joint injury", "Tossy III AC separation"],
}
ADJ_POS = {"displaced": ["displaced"], "comminuted": ["comminuted", "multifragmentary"],
           "intraarticular": ["intra-articular"]}
