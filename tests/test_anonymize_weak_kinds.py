"""Issue 11, the weak kinds of the held-out pair o,p: extensions written with their cue word, ward/bed codes with
the area they sit in, newborns' names and ages, name particles of other languages, a surname signing off the
report, and institutions named by acronyms, by ordinary words or after 'from'. Every example is our own (none
taken from an evaluation corpus); each removal assertion fails on the rules before this change (branch anon7)."""

from __future__ import annotations

import pytest
from fedrad.client.anon_engine import Anonymizer

RULES = Anonymizer(token_model=False)  # the rules alone: the learned layer must not be what passes these
FULL = Anonymizer()


def gone(out, *words):
    return all(w not in out for w in words)


@pytest.mark.parametrize("text,cue", [
    ("Please page the orthopaedic registrar, pager 5307.", "pager"),
    ("Findings phoned through, ext 4419.", "ext"),
    ("Tel. 0711 4400 3, Fax -27", "Fax"),
])
def test_an_extension_goes_with_its_cue_word(text, cue):
    out = RULES(text)
    assert cue not in out and "[PHONE]" in out


@pytest.mark.parametrize("text,leak", [
    ("Seen in Notfallambulanz, Koje 7, by the surgeon.", "Notfallambulanz"),
    ("Pat. wartet in ZNA Box 3.", "ZNA"),
    ("Sent up from Paeds Unit D12 at 14:00.", "D12"),
    ("Left elbow, two views. Ward 4B, Bed 12-Iso.", "Iso"),
])
def test_ward_codes_go_with_their_area(text, leak):
    assert leak not in RULES(text)


def test_clinical_zones_and_beds_stay():
    text = "Flexor tendon injury in zone 2. Nail bed 3 mm. No units of blood given."
    assert RULES(text) == text


def test_a_newborn_filed_under_the_family_name():
    out = RULES("Patient: Baby Girl Ravensworth, DOL 2. Clavicle fracture after shoulder dystocia.")
    assert gone(out, "Girl", "Ravensworth", "DOL 2") and "Clavicle fracture" in out
    out = RULES('Neugeborenes ("Baby Quernheim"), 3. Lebenstag: Klavikulafraktur rechts.')
    assert gone(out, "Quernheim", "3. Lebenstag") and "Klavikulafraktur" in out


@pytest.mark.parametrize("text,words", [
    ("Name: Ravi a/l Subramaniam   Age: 40", ("a/l", "Subramaniam")),
    ("Patiënt: Van den Bossche, Griet   geb. 03.04.1971\nBefund: keine Fraktur.", ("den", "Bossche")),
])
def test_particles_of_other_languages_stay_inside_the_name(text, words):
    assert gone(RULES(text), *words)


@pytest.mark.parametrize("text,name", [
    ("Keine Fraktur. Weichteile regelrecht.\nAmselgrund-Oduya", "Amselgrund"),
    ("ellenbogen re: kein erguss, keine fraktur\nbeurteilung: normalbefund\nquabeck", "quabeck"),
    ("Kein Frakturnachweis. ter Haaksbergen", "ter"),
])
def test_a_surname_signing_off_the_report(text, name):
    assert name not in RULES(text)


def test_a_finding_closing_the_report_stays():
    text = "FINDINGS: Enlarged heart. No effusion.\nIMPRESSION: 1. Cardiomegaly"
    assert RULES(text) == text


@pytest.mark.parametrize("text,leak,keep", [
    ("KGRH Imaging Services. XR left elbow: no fracture.", "KGRH", "no fracture"),
    ("Follow-up at Tanglin Sports Medicine Centre in two weeks.", "Sports Medicine", "Follow-up"),
    ("Outside films from Wexcombe Bone & Joint were reviewed.", "Wexcombe", "were reviewed"),
    ("Old films from Pinecrest Valley Regional were compared.", "Valley Regional", "were compared"),
])
def test_institutions_named_by_acronyms_ordinary_words_or_after_from(text, leak, keep):
    out = RULES(text)
    assert leak not in out and keep in out


def test_generic_clinics_and_departments_stay():
    text = "Sent from the Emergency Department for Orthopaedic Surgery review. MRI Imaging advised at Day Surgery."
    assert FULL(text) == text


@pytest.mark.parametrize("text,name,keep", [
    ("HX: FELL OFF A SCOOTER. MOTHER ODALYS AT BEDSIDE, SPANISH INTERPRETER USED.", "ODALYS", "INTERPRETER USED"),
    ("Dolmetscherin Zeliha Arslanbek anwesend, Sturz auf den Ellenbogen.", "Arslanbek", "Sturz auf den Ellenbogen"),
])
def test_a_relative_or_interpreter_named_after_the_kinship_word(text, name, keep):
    out = RULES(text)
    assert name not in out and keep in out


def test_a_phone_number_in_pairs_of_digits():
    out = RULES("Tél. 01 42 16 00 00 pour toute question.")
    assert "16 00" not in out and "[PHONE]" in out


@pytest.mark.parametrize("text,leak,keep", [
    ("Befund an Praxis Dr. Lenz-Oberholz, Daumen links.", "Praxis", "Daumen links"),
    ("Die Aufnahmen wurden in der Universitätsmedizin Quellbach angefertigt.", "Quellbach", "Die Aufnahmen wurden"),
    ("Befund: keine Fraktur. Voraufnahme im Centre Hospitalier du Wiltzange.", "Wiltzange", "keine Fraktur"),
    ("Voraufnahmen aus dem Klinikum, Standort Nordstadt, liegen vor.", "Nordstadt", "liegen vor"),
    ("Sturz vom Fahrrad – Unfallkasse Nordmark. Befund: keine Fraktur.", "Unfallkasse", "keine Fraktur"),
])
def test_institutions_by_their_practice_site_or_insurer(text, leak, keep):
    out = RULES(text)
    assert leak not in out and keep in out


# ---- session 10: streets named without a house number (own examples) ------------------------------------------
@pytest.mark.parametrize("text,leak", [
    ("Sturz in der Weinstraße beim Radfahren.", "Weinstraße"),
    ("Unfall in der Schillerstrasse, Fahrradsturz.", "Schillerstrasse"),
    ("Pat. ist in der Kirchgasse ausgerutscht.", "Kirchgasse"),
    ("Wegeunfall Konrad-Adenauer-Allee, Glätte.", "Adenauer"),
    ("Patient fell at ul. Marszałkowska in the evening.", "Marszałkowska"),
    ("Address: Váci utca, Budapest", "Váci"),
    ("Pedestrian struck on Gedimino prospektas.", "Gedimino"),
])
def test_a_street_without_a_number_goes(text, leak):
    assert leak not in RULES(text)


@pytest.mark.parametrize("text", [
    "Sturz auf der Landstraße, Motorradunfall.",
    "Arbeitsunfall am Arbeitsplatz, Wegeunfall auf dem Arbeitsweg.",
    "As described by Smith et al. in 2019.",
    "Normal alignment. Elbow normal.",
])
def test_generic_road_words_and_et_al_stay(text):
    assert "[ADDRESS]" not in RULES(text)


# ---- session 10: large cities are frequent words in text because they are famous (own examples) ----------------
@pytest.mark.parametrize("text,leak", [
    ("Motorbike accident near Bucharest last week.", "Bucharest"),
    ("Transferred from Belgrade for surgery.", "Belgrade"),
    ("Pat. lebt in Budapest, Sturz zu Hause.", "Budapest"),
    ("Fell on the stairs of her flat in Warsaw.", "Warsaw"),
])
def test_a_large_city_in_prose_goes(text, leak):
    assert leak not in FULL(text)


@pytest.mark.parametrize("text", ["Oral analgesia given.", "Delta phalanx of the thumb.", "Tours of duty abroad."])
def test_large_places_that_are_ordinary_words_stay(text):
    assert FULL(text) == text


# ---- session 10: the town after a street address in prose (own examples) -----------------------------------------
@pytest.mark.parametrize("text,leak", [
    ("Fell outside her home, 12 Mill Road, Kendal, on the ice.", "Kendal"),
    ("Issued by a company, 7 Quayside Court, Dunmore Lane, Inverness.", "Inverness"),
    ("Wohnhaft Hauptstraße 3, Neustadt an der Weinstraße, Sturz im Garten.", "Neustadt"),
])
def test_the_town_after_a_street_address_goes(text, leak):
    assert leak not in RULES(text)


@pytest.mark.parametrize("text,kept", [
    ("Seen at 12 Mill Road, Findings: no fracture.", "Findings"),
    ("Fell at 4 High Street, Normal alignment of the elbow.", "Normal alignment"),
])
def test_report_words_after_an_address_stay(text, kept):
    assert kept in RULES(text)


# ---- session 10: sports clubs named in a history (own examples) ---------------------------------------------------
@pytest.mark.parametrize("text,leak", [
    ("Findings: normal.\nHistory: Fußballspiel beim TSV Eintracht Kirchheim, Sturz.", "Eintracht"),
    ("Findings: normal.\nHistory: injured playing for Ballymena Rovers on Saturday.", "Rovers"),
    ("Findings: normal.\nHx: plays for Hapoel Beer Sheva FC.", "Hapoel"),
    ("Findings: normal.\nHx: netball with Greystones Athletic.", "Athletic"),
])
def test_a_sports_club_goes(text, leak):
    assert leak not in FULL(text)


@pytest.mark.parametrize("text", [
    "Findings: normal.\nMäßige SC-Gelenksarthrose, Vordere SC-Gelenkluxation nicht sicher.",
    "Findings: normal.\nThe SC joint and the AC joint are normal.",
    "Findings: normal.\nDr Moyo\nMBChB, FC Rad (Diag) SA",
])
def test_joint_abbreviations_and_credentials_are_no_club(text):
    assert "[INSTITUTION]" not in FULL(text)


# ---- session 11: a village, slope or venue named in a history, on no list (own examples) ---------------------------
@pytest.mark.parametrize("text,leak", [
    ("Befund: o.B.\nAnamnese: Rodelunfall am Gschwendtberg, Schmerzen li. Schulter.", "Gschwendtberg"),
    ("Klinik: Sturz beim Wandern auf der Tauplitzalm.\nBefund: Keine Fraktur.", "Tauplitzalm"),
    ("History: fell from a horse at the Kilbrannagh stables.\nFindings: normal.", "Kilbrannagh"),
    ("Hx: mountain bike crash near Glenbuchat on Sunday.\nFindings: normal.", "Glenbuchat"),
    ("Clinical: skiing accident (Gerlitzen), FOOSH.\nFindings: normal.", "Gerlitzen"),
    # after an English preposition a compound of two ordinary words is a place too (German: 'im Pausenhof' stays)
    ("Hx: fell while cycling near Moorfoot yesterday.\nFindings: normal.", "Moorfoot"),
    ("History: slipped on the pier at Waterbeck, FOOSH.\nFindings: normal.", "Waterbeck"),
    # a German compound ending in a mountain or lake word (session 12)
    ("Anamnese: Sturz beim Skifahren am Kreuzjoch.\nBefund: o.B.", "Kreuzjoch"),
    ("Klinik: Sturz beim Langlauf am Grünjoch (Unfall).\nBefund: o.B.", "Grünjoch"),
    # more Alpine name endings: alp, klamm, kopf, wand, stein, bichl/bühel, moos (session 13)
    ("Anamnese: Skiunfall am Sonnenalp, Daumen verdreht.\nBefund: o.B.", "Sonnenalp"),
    ("Klinik: Sturz beim Wandern am Schwarzmoos.\nBefund: Keine Fraktur.", "Schwarzmoos"),
    ("Anamnese: Schitour am Schneekopf, Sturz auf die Schulter.\nBefund: o.B.", "Schneekopf"),
])
def test_a_place_in_a_history_goes(text, leak):
    out = RULES(text)
    assert leak not in out and "[ADDRESS]" in out


@pytest.mark.parametrize("text,kept", [
    ("Anamnese: Sturz vom Klettergerüst, Schwellung.\nBefund: Keine Fraktur.", "Klettergerüst"),
    ("Klinik: Fahrradsturz auf dem Arbeitsweg.\nBefund: Keine Fraktur.", "Arbeitsweg"),
    ("Klinik: Sturz im Pausenhof.\nBefund: Keine Fraktur.", "Pausenhof"),
    ("Anamnese: Skisturz, Daumen in Abduktion verdreht.\nBefund: Keine Fraktur.", "Abduktion"),
    ("Findings: fall onto the elbow. Fragment at the Olecranon tip, stable.", "Olecranon"),
])
def test_ordinary_and_clinical_words_in_a_history_stay(text, kept):
    assert kept in RULES(text)


# ---- session 11: employers and homes named in a history (own examples) -------------------------------------------
@pytest.mark.parametrize("text,leak", [
    ("Anamnese: Arbeitsunfall in der Zimmerei Oberhuber, Daumen eingeklemmt.\nBefund: o.B.", "Oberhuber"),
    ("Klinik: Sturz im Gasthof Kreuzwirt.\nBefund: o.B.", "Kreuzwirt"),
    ("Hx: fell off a ladder at work (Doyle Brothers Roofing).\nFindings: normal.", "Doyle"),
    ("History: resident of Elm Lodge care home, found on the floor.\nFindings: normal.", "Lodge"),
])
def test_an_employer_or_home_goes(text, leak):
    out = RULES(text)
    assert leak not in out and "[INSTITUTION]" in out


@pytest.mark.parametrize("text,kept", [
    ("Sturz in der Schreinerei Schmerzen li. Schulter.\nBefund: o.B.", "Schmerzen"),
    ("History: lives in a nursing home.\nFindings: normal.", "nursing home"),
])
def test_a_trade_word_before_an_ordinary_word_stays(text, kept):
    assert kept in RULES(text)


# ---- session 12: the words around a removed place, schools and junior teams (own examples) ------------------------
@pytest.mark.parametrize("text,leak", [
    # a place particle between two removed parts of one place name
    ("History: lives at Bryn-y-Castell nursing home.\nFindings: normal.", "-y-"),
    ("Referrer: Kinderkrankenhaus auf der Ostheide, Ambulanz.\nBefund: o.B.", "auf der"),
    # place words around a removed name, the US state after a place, the town after an institution's comma
    ("Hx: commercial fisherman out of New Ashford, presents with a lump.\nFindings: normal.", "New"),
    ("Trauma workup (Mercy Medical Center, Quillan City) reviewed. No fracture.", "City"),
    ("Comparison: outside study, Bellmore NY, reviewed.\nFindings: normal.", "NY"),
    ("Hx: caught at the fish plant at Killybegs Seafoods, Burtonport.\nFindings: normal.", "Burtonport"),
    ("Voraufnahmen (Regionalspital Tiefencastel, Davos). Keine Fraktur.", "Davos"),  # a town that is a common word
    # schools and junior teams named in a history
    ("Anamnese: Sturz im Sportunterricht der Kantonsschule Trogenbach.\nBefund: o.B.", "Trogenbach"),
    ("Hx: tackled at football, Wirrabilla Primary School.\nFindings: normal.", "Wirrabilla"),
    ("Clinical: junior footy (Narrawong Roosters U12), tackled.\nFindings: normal.", "Roosters"),
    ("Hx: rugby with the Glenroy Tigers, tackled.\nFindings: normal.", "Tigers"),
    ("Indikation: Fußball (SV Trebbinow), Zweikampf, Sturz auf li. Schulter.", "Trebbinow"),
    # '&' between two removed parts, a venue after an institution
    ("Hx: bar work at The Crown & Anchor, cut by glass.", "&"),
    ("Hit on a door at the Kilkenny Road care centre where he lives.", "care centre"),
    # a venue named after a removed name, any case
    ("Clinical: fell from horse at Kilbrody stables. Angulated fracture.", "stables"),
    ("Hx: Fall at Marrowdale trampoline park. Findings: fracture.", "trampoline park"),
    ("Hx: hockey stick to thumb, Ste-Lucienne arena. No fracture.", "arena"),
    # an institution named by its specialty or unit after a removed name
    ("Ordering: Amy Ng, MD, Kestrel Ridge Pediatrics\nFindings: normal.", "Pediatrics"),
    ("KILRUSH INJURY UNIT | Xray Rt thumb | normal", "UNIT"),
])
def test_the_rest_of_a_place_school_or_team_goes(text, leak):
    assert leak not in RULES(text)


@pytest.mark.parametrize("text,kept", [
    ("Anamnese: Sturz in der Grundschule, Schmerzen.\nBefund: o.B.", "Grundschule"),
    ("History: fell at school playing football with the Under-12 Tigers.\nFindings: normal.", "Tigers"),
    ("Findings: upper pole normal. Lower third of the clavicle intact.", "Lower third"),
    ("Views: elbow AP and PA.\nFindings: normal.", "PA"),
    ("Outside films (Mercy Hospital, Radiology). No fracture.", "Radiology"),
    ("Hx: fell off a horse at the stables. Findings: normal.", "the stables"),
    ("Findings: Smith & Nephew plate in situ, no loosening.", "Smith & Nephew"),
    ("Signed: Dr Amy Castellano, MD.\nFindings: normal.", "MD"),
])
def test_ordinary_school_team_view_and_credential_words_stay(text, kept):
    assert kept in RULES(text)


# ---- session 12: a title, initials and a surname in a lower-case report (own examples) ---------------------------
@pytest.mark.parametrize("text,leak", [
    ("rö ellenbogen li. o.b.\ndikt. dr. m. haasbeck / ungeprüft", "haasbeck"),
    ("rö ellenbogen li. o.b.\ndikt. dr. m. haas / ungeprüft", "haas"),
    ("mild swelling, no trauma. ref dr k. hope findings: medial epicondyle normal", "hope"),
])
def test_a_lower_case_title_with_initials_takes_the_surname(text, leak):
    assert leak not in RULES(text)


@pytest.mark.parametrize("text,kept", [
    ("Technique: DR a.p. views of the left elbow. No fracture.", "a.p. views"),
    ("CR/DR p.a. projection, no fracture.", "p.a. projection"),
    ("Befund: dr. o.b., Beurteilung unauffällig.", "o.b."),
])
def test_view_and_german_abbreviations_after_dr_stay(text, kept):
    assert kept in RULES(text)


# ---- session 12: a lower-case report's name field and institution (own examples) ---------------------------------
@pytest.mark.parametrize("text,leak", [
    ("name: john smith\nxr clavicle: no fracture.", "smith"),  # an eponym as the surname
    ("pt name: pham van colles   mrn 40021\nnormal", "colles"),
    ("kv-notdienstpraxis hüttenbrook – rö-befund (vorläufig)\nkein bruch", "hüttenbrook"),
    ("befund: kein bruch. überweisung unfallklinik marnheide", "marnheide"),
])
def test_a_lower_case_name_field_or_institution_goes(text, leak):
    assert leak not in RULES(text)


@pytest.mark.parametrize("text,kept", [
    ("patient: seen in ed, pain left elbow", "seen in ed"),
    ("pat.: m, 67\nkein bruch", "m,"),
    ("sturz im krankenhaus gestern. kein bruch.", "krankenhaus gestern"),
])
def test_a_lower_case_field_without_a_name_stays(text, kept):
    assert kept in RULES(text)


# ---- session 12: a reader's '/Surname' after the last sentence (own example) --------------------------------------
def test_a_slash_signature_after_the_last_sentence_goes():
    assert "Brekkestad" not in RULES("Findings: No fracture, no effusion. Normal alignment. /Brekkestad")
    assert RULES("Findings: normal. / normal") == "Findings: normal. / normal"


# ---- session 12: 'Baby of' takes a lower-case particle, and not the field label after two spaces (own examples) -----
def test_baby_of_takes_the_whole_name_and_leaves_the_next_field():
    out = RULES("Patient: Baby of Femke Van der Wielen    Hosp No: 4471\nExam: chest")
    assert "Wielen" not in out and "der" not in out and "Hosp No:" in out, out
    assert "UHID:" in RULES("Name: Baby of Nkem Okafor   UHID: 99812\nExam: clavicle")


def test_a_capitalised_particle_goes_with_the_name_after_it():
    """The name itself is the learned layer's here (no rule knows 'Hoefslag'); its particle must go with it."""
    out = FULL("Clinical: fell from horse at manege De Hoefslag, Wijchen. Findings: normal.")
    assert "Hoefslag" not in out and "De " not in out, out
    assert FULL("De Quervain tenosynovitis suspected clinically. Findings: normal.").startswith("De Quervain")


# ---- session 12: a day and month without a year, a month named alone (own examples) ------------------------------
@pytest.mark.parametrize("text,leak", [
    ("Hx: twisted the thumb at netball 23/9. Swelling.", "23/9"),
    ("Anamnese: Sturz vom Hochbett 17/02, Schmerzen.", "17/02"),
    ("Comparison: outside films. Compared to November, the callus has matured.", "November"),
    ("Anamnese: Sturz beim Skifahren seit Jänner Beschwerden.", "Jänner"),
])
def test_a_partial_date_goes(text, leak):
    assert leak not in RULES(text)


@pytest.mark.parametrize("text", [
    "Findings: power 4/5, pain 8/10, GCS 14/15; fracture at the junction of the distal 1/3.",
    "Impression: the fracture may heal with some shortening; we may see callus in 2 weeks.",
])
def test_scores_fractions_and_the_verb_may_stay(text):
    assert RULES(text) == text


# ---- session 12: initials that close a report (own examples) ------------------------------------------------------
@pytest.mark.parametrize("text,leak", [
    ("findings: no fracture. repeat in 10 days if still tender.\n-- jm", "jm"),
    ("Impression: normal study. Reviewed and signed 04.11.2026 TK", "TK"),
    ("No fracture.\nNormal study.\nRS/ 04.11.2026", "RS"),
])
def test_closing_initials_go(text, leak):
    assert leak not in RULES(text).split()[-1] and leak not in RULES(text).split()[-2]


@pytest.mark.parametrize("text", [
    "Findings: fracture of the radius, 2 mm step -- see CT",
    "Impression: no fracture. Signed 04.11.2026 22:51 CT",
])
def test_a_closing_abbreviation_or_time_zone_stays(text):
    # (since session 48 the clock time beside a date goes with the date; the time zone still stays)
    assert RULES(text).endswith(("see CT", "[DATE] CT"))


# ---- session 12: a German findings sentence before the first heading keeps its clinical words (own example) -------
def test_a_german_findings_sentence_in_the_header_keeps_its_clinical_compounds():
    """Such a sentence has few lower-case words (German capitalises nouns), so it was read as a header field and
    every unknown word went, 'Radialsubluxation' among them, which flipped the report's label (tuning corpus ac)."""
    text = ("Röntgen Daumen li. in 2 Ebenen vom 12.3.\n\nDeutliche Gelenkspaltverschmälerung im Daumensattelgelenk mit "
            "geringer Radialsubluxation der MC-I-Basis und kleinen Osteophyten. Übrige Gelenke o.B. Kein "
            "Frakturnachweis.\n\nBeurteilung: Rhizarthrose li.\n\nDr. Kowalczyk")
    out = RULES(text)
    assert "geringer Radialsubluxation" in out and "Kowalczyk" not in out, out
    out = RULES("Röntgen Ellenbogen re.\n\nFrau Stavrakakis klagt über Schmerzen nach Sturz, keine Fraktur, "
                "regelrechte Gelenkstellung, kein Erguss.\n\nBeurteilung: o.B.")
    assert "Stavrakakis" not in out, out


def test_a_numeral_after_a_ray_is_no_initial():
    out = RULES("Beurteilung: Dorsale MCP-Luxation D I. Fraglicher volarer knöcherner Ausriss.")
    assert "Fraglicher" in out, out
    assert "Kowalczyk" not in RULES("Befundet: I. Kowalczyk, Fachärztin")


@pytest.mark.parametrize("text,leaks", [
    ("Hx: glassed outside the Golden Lion Inn on Saturday night. Laceration over the olecranon.", ("Golden", "Lion")),
    ("Fell down the cellar steps at The Rose & Crown Hotel where he works.", ("Rose", "Crown")),
    ("Klinik: Sturz auf der Terrasse vom Gasthof zur Post, Schmerzen Ellenbogen.", ("Post",)),
    ("ANAMNESE: STURZ VOM PFERD AUF REITERHOF BIRKENHAIN, V.A. FRAKTUR.", ("BIRKENHAIN",)),
    ("Clinical: crushed thumb at O'Driscoll's bar last night.", ("Driscoll", "bar")),
    ("Hx: kicked by a cow at Tullyvarra farm this morning. ?#", ("Tullyvarra",)),
    ("Works at Ardnahoe distillery, lifting injury.", ("Ardnahoe", "distillery")),
])
def test_a_venue_goes_with_its_head_word(text, leaks):
    out = RULES(text)
    assert gone(out, *leaks), out


@pytest.mark.parametrize("text,kept", [
    ("The bar of the plate is intact. No fracture.", "The bar of the plate"),
    ("Clinical: fell in the hotel bar last night. Elbow pain.", "hotel bar"),
    ("ANAMNESE: STURZ VOM PFERD AUF REITERHOF BIRKENHAIN, V.A. FRAKTUR.", "STURZ VOM PFERD"),
    ("Fell in the farm yard; radial head fracture.", "farm yard"),
])
def test_venue_words_alone_stay(text, kept):
    assert kept in RULES(text)


@pytest.mark.parametrize("text,leaks", [
    ("Hx: injured playing for Kilmacud Crokes U14 on Saturday.", ("Kilmacud", "Crokes")),
    ("Fell at Ballinteer Under-12s training, FOOSH.", ("Ballinteer",)),
    ("Anamnese: Reitunfall in Wüstenbrunn, Schwellung Daumen.", ("Wüstenbrunn",)),
    ("Klin.: Sturz beim Wandern bei Hinterschmiedingen, Ellenbogen.", ("Hinterschmiedingen",)),
])
def test_junior_teams_and_german_settlement_names_go(text, leaks):
    out = RULES(text)
    assert gone(out, *leaks), out


@pytest.mark.parametrize("text,kept", [
    ("Referred from the Paediatric Fracture U12 clinic list.", "Paediatric Fracture U12"),
    ("Sturz im Altenheim, keine Fraktur.", "Altenheim"),
    ("Sturz in der Innenstadt, keine Fraktur.", "Innenstadt"),
])
def test_age_words_and_generic_german_places_stay(text, kept):
    assert kept in RULES(text)


@pytest.mark.parametrize("text,leaks", [
    ("Patient: OYELARAN-BELLO, Temitope\nFindings: no fracture. Temitope was told to return if worse.", ("Temitope",)),
    ("Patient: OYELARAN-BELLO, Temitope\nno fracture. temitope reassured, r/v fracture clinic.", ("temitope",)),
    ("Name: Szczepańska, Wiesława\nKeine Fraktur. Befund mit Frau Szczepańska besprochen.", ("Szczepańska",)),
    ("Pt: Dr. Ngozi Chukwuemeka-Obi\nImpression: NAD. Chukwuemeka-Obi reassured.", ("Chukwuemeka-Obi",)),
])
def test_a_cued_name_goes_wherever_else_it_stands(text, leaks):
    """A name a cue found (a field label, 'Surname, Given', a title) is removed where it stands again alone, in any
    case: a given name in the findings has no cue of its own (session 15's held-out set, 'Losaline advised ...')."""
    out = RULES(text)
    assert gone(out, *leaks), out


@pytest.mark.parametrize("text,kept", [
    ("Patient: KING, Rose\nno fracture. King's sign absent; rose-coloured skin.", ("King's", "rose-coloured")),
    ("Nachbefund: Plattenosteosynthese Klavikula\nZustand nach Plattenosteosynthese, regelrecht.",
     ("Zustand nach Plattenosteosynthese",)),
])
def test_ordinary_words_and_zone_tokens_do_not_spread(text, kept):
    out = RULES(text)
    assert all(k in out for k in kept), out


@pytest.mark.parametrize("text,leaks", [
    # session 16: the given names a header zone finds right after a cued surname spread too
    ("Name: Paewai, Hinewai Aroha   DOB: 3/9/1988\nno fracture. hinewai told to return if worse.", ("hinewai",)),
    # an Austrian age in years ('a' = anni) after a sex letter or after a name
    ("* 04.11.1961 w 64 a SVNR: 4471 041161", ("64 a",)),
    ("Patientin: Gruber, Maria, 88 a, Heim", ("88 a",)),
    # a month and a two-digit year after an event word
    ("Z.n. Fraktur nach Sturz 3/25? Keine Dislokation.", ("3/25",)),
    # a German street named with a preposition, then its town
    ("Zuweiser: Dr. P. Lenz, Hinter der Mauer 14, Lüneburg", ("Mauer", "14")),
    # a club named by 'Old Boys' or '<sport> Club'
    ("Hx: hurt playing for Takapuna Old Boys, then at Orewa Surf Life Saving Club.", ("Boys", "Saving")),
    # a town named by ordinary words and a settlement word; a team by its nickname
    ("Hx: Worker at the meat plant in Dodge City fell off a ladder.", ("Dodge",)),
    ("History: fell at home in Twin Falls two days ago.", ("Twin Falls",)),
    ("History: Injured playing for the Ponsonby Ponies under 12s on Saturday.", ("Ponies",)),
    # after the held-out au-bh: a firm by its legal form, a place right after a German accident noun, a German
    # mid-sized town no list had
    ("Arbeitsunfall auf der Baustelle der Fa. Tiefbau Wenzel GmbH & Co. KG in Haren.", ("Tiefbau", "Wenzel")),
    ("Wegeunfall auf dem Weg zur Spedition Ostermann KG, Sturz mit dem Rad.", ("Spedition", "Ostermann")),
    ("Fragestellung: Skiunfall Zauchensee, Daumen überstreckt.", ("Zauchensee",)),
    ("Hx: fell off a ladder while visiting family in Tübingen last week.", ("Tübingen",)),
    # a German place adjective before a street or a venue
    ("Wegeunfall an der Kreuzung Mindener Straße / Lindenweg.", ("Mindener Straße",)),
    ("Hx: fell skiing just below the Meraner Hütte.", ("Meraner",)),
    # roads and lakes in a history, a school or pool named by a compound or after its type
    ("Hx: rolled the ATV on County Road 12 near the grain bins, then walked to Orchard Ln.", ("County Road 12",)),
    ("Hx: slipped on the dock at Lake Wapogasset while fishing.", ("Wapogasset",)),
    ("Anamnese: Sturz mit dem Fahrrad auf der B 173 bei Kronach.", ("B 173",)),
    ("Anamnese: Sturz beim Sportfest (Lessingschule), danach im Freibad Rheinau.", ("Lessingschule", "Rheinau")),
    # ages: 'YOF' after a space, days/weeks/months with hyphens, an Austrian 'a' after the sex field
    ("HX: 61 YOM FELL FROM LADDER.", ("61 YOM",)),
    ("History: 9-day-old girl, birth trauma. Sibling 14-month-old.", ("9-day-old", "14-month-old")),
    ("Pat.: Huber, Anna – geb. 03.02.2012 – w – 13a Ktnr.: 5521", ("13a",)),
    # a name before a possessive kin word; an id masked in front with letters after its digits
    ("FINDINGS: No fracture.\nHISTORY: Fall at home. Ifeoluwa's son provides history.", ("Ifeoluwa",)),
    ("PPSN : *****21W  DOB : 01/02/1980", ("21W",)),
])
def test_session16_shapes_go(text, leaks):
    out = RULES(text)
    assert gone(out, *leaks), out


@pytest.mark.parametrize("text,kept", [
    ("Salter-Harris type 2 a; 2/26 nodes; grade 1/10 pain.", ("type 2 a", "2/26 nodes", "1/10")),
    ("Im Verlauf 3 Wochen später. Am Daumen 1 Schraube, Beim Sturz 2, Kontrolle.", ("Am Daumen 1", "Beim Sturz 2")),
    ("Hx: the Old Boys game. Sports Club injury.", ("Old Boys", "Sports Club")),
    ("History: fell in the Emergency Department waiting area. Pain in the City.", ("the City", "Emergency Department")),
    # a graded eponym after a comma is no 'Surname, Given'; an accident noun before a clinical compound
    ("FINDINGS: IMPACTED RADIAL HEAD FRACTURE WITH 2 MM ARTICULAR STEP-OFF, MASON II. NO DISLOCATION.", ("MASON II",)),
    ("Anamnese: Skisturz Daumenballen li., Schmerzen.", ("Daumenballen",)),
    ("Klin. Angaben: Z.n. lat. Claviculafraktur re., Hakenplatten-Osteosynthese.", ("Claviculafraktur",
                                                                                  "Hakenplatten-Osteosynthese")),
    ("Gewicht 70 KG, HLA-B27 AG positiv.", ("70 KG", "AG positiv")),
    ("Findings: Road traffic accident. A lake of fluid. Sturz in der Grundschule, Berufsschule.",
     ("Road traffic", "lake of fluid", "Grundschule", "Berufsschule")),
    ("Befund: Ossifikationszentren altersgerecht (CRITOE). Apophysitis nach Iselin.", ("CRITOE", "Iselin")),
    ("Salter-Harris 2a, Typ 2a; Eaton 3a. Findings: Moro reflex asymmetric.", ("2a, Typ 2a", "3a", "Moro reflex")),
])
def test_session16_look_alikes_stay(text, kept):
    out = RULES(text)
    assert all(k in out for k in kept), out




# Session 17: shapes the held-out sets cg-cn and co-cv left (our own examples, not the sets' text)
@pytest.mark.parametrize("text,leaks", [
    # Nordic roles after a signature, lower-case initials after a double dash
    ("Ingen fraktur. Astrid Holmqvist, överläkare", ("Astrid", "Holmqvist")),
    ("Normal. Sune Kjærgaard, overlæge\nNo fracture. -- kbvh", ("Kjærgaard", "kbvh")),
    # places of several words, anywhere
    ("Read at Mercy One, Cedar Rapids. Patient moved from Grand Prairie.", ("Cedar Rapids", "Grand Prairie")),
    ("Anamnese: Umzug aus Frankfurt am Main, Sturz.", ("Frankfurt am Main",)),
    # hospitals by a lower-case Nordic or English noun, health regions, a header's site field
    ("Henvist fra Bodø sykehus. Seen at Mercy hospital.", ("Bodø", "Mercy")),
    ("Region Västerbotten – Skellefteå lasarett", ("Västerbotten", "Skellefteå")),
    ("PRELIM READ SITE: SJRMC PT: 8 Y F", ("SJRMC",)),
    # a department name over a comma list, schools and nurseries without 'School'
    ("Universitätsinstitut für Allgemeine, Spezielle und Pädiatrische Radiologie", ("Allgemeine, Spezielle",)),
    ("Hx: fell at recess, École primaire Marie-Victorin. Before: Sunny Hill Daycare.",
     ("Marie-Victorin", "Sunny Hill")),
    ("Hx: injured at Pinecrest Academy; sister at Wexford Elementary.", ("Pinecrest", "Wexford")),
    # teams by town and nickname, clubs, counties, military bases
    ("Hx: hockey game, Moose Jaw Warriors vs Brandon Wheatkings.", ("Brandon Wheatkings",)),
    ("Hx: bonspiel with the Kelso Ladies Curling Club; Ballyboden CLG minors.", ("Kelso", "Ballyboden")),
    ("Hx: rancher, Pecos County. Stationed at Aviano Air Base.", ("Pecos", "Aviano")),
    # firms, mountain places, lift stations, dates without a year
    ("Klinik: Arbeitsunfall im Zimmereibetrieb Lenzen, zuvor bei Moselbau Krings. STAHLBAU WIRTZ.",
     ("Lenzen", "WIRTZ")),
    ("Hx: employee of Kestrel Valve Works; lift hand with Bergbahnen Zermatt SA.", ("Kestrel", "Zermatt SA")),
    ("Anamnese: Sturz unterhalb der Seiseralm, Abfahrt vom Kölner Haus; below Schwarzer Grat.",
     ("Seiseralm", "Schwarzer")),
    ("Anamnese: Sturz beim Langlaufen im Gsiesertal. VOR DER TALSTATION HOHSAAS.", ("Gsiesertal", "HOHSAAS")),
    ("HX: TACKLED AT PRACTICE 14 OCT. Workstation: CTRAD11. Skid on Jalan Tun Razak.", ("14 OCT", "CTRAD11", "Razak")),
    # all-caps history places, a place after an English clause's 'in', teams by nickname and sport, age/sex
    ("HX: FELL OFF CHAIRLIFT AT GRINDELWALD-FIRST. FELL AT WORK.", ("GRINDELWALD-FIRST",)),
    ("Indication: punched a door at home in Woodlands. Hx: Tigers softball catcher. Age/Sex: 51 / M",
     ("Woodlands", "Tigers", "51 / M")),
    ("Hx: drill operator at Tau Tona mine; farm labourer at the Oudekraal vineyard.", ("Oudekraal",)),
])
def test_session17_shapes_go(text, leaks):
    out = RULES(text)
    assert gone(out, *leaks), out


@pytest.mark.parametrize("text,leaks", [
    # place words after a removed place, Czech/Slovak 'nad'/'pod', estates and apartment blocks
    ("Hx: fell on Wanstead Flats; works in Hounslow Heath; lives on Gorton Lane.", ("Wanstead",
                                                                                   "Hounslow", "Gorton")),
    ("History: allotment in Ústí nad Orlicí; holiday at Urb. Los Naranjos, Apartamentos Mar Azul.",
     ("nad Orlicí", "Los Naranjos", "Mar Azul")),
    # government schools, villages, churches by dedication, names in quotes, huts and alps, lakes by adjective
    ("Hx: hurt at Govt. Middle School No. 4, Rampur; lives in Kotla Mubarakpur village.", ("No. 4", "Rampur", "Kotla")),
    ("Hx: choir at Our Lady of Good Counsel. Anamnese: Sturz im Kindergarten „Pusteblume“ und in der Seebenalm.",
     ("Good Counsel", "Pusteblume", "Seebenalm")),
    ("Anamnese: Badeunfall am Millstätter See; Kellnerin im Hotel „Alpenrose“.", ("Millstätter", "Alpenrose")),
    # clubs with founding years, legal forms of Central Europe, lifts and pistes, lower-case urgent care
    ("Anamnese: Training beim Skiclub Winterberg 1921 e.V. und beim Wattenscheider TV 1861.", ("Winterberg 1921",
                                                                                           "Wattenscheider TV")),
    ("Employer: Vítkovice Strojírny a.s.; before: Agromet sp. z o.o.; Sturz Piste Hahnenkamm; Ref: Oakdale urgent care",
     ("Strojírny", "Agromet", "Hahnenkamm", "Oakdale")),
])
def test_session17_second_set_shapes_go(text, leaks):
    out = RULES(text)
    assert gone(out, *leaks), out


@pytest.mark.parametrize("text,kept", [
    ("Site: left elbow. Location: lateral epicondyle. Region: Ellenbogen.", ("left elbow", "lateral", "Ellenbogen")),
    ("Seen at outside hospital. The Emergency hospital referral. Region Ellenbogen.",
     ("outside hospital", "Emergency")),
    ("Befund: Gute Aufnahmetechnik, regelrechte Osteosynthesetechnik. Im Betrieb Schmerzen.",
     ("Aufnahmetechnik", "Osteosynthesetechnik", "Betrieb Schmerzen")),
    ("Anamnese: Sturz vom Klettergerüst, zur Kontrolle. Unterhalb der Fraktur kein Erguss.",
     ("Klettergerüst", "Kontrolle", "Fraktur")),
    ("Normal SA node. The Primary care physician. Middle third of the clavicle. The County.",
     ("SA node", "Primary care", "Middle third", "The County")),
    ("TELERADIOLOGY PRELIMINARY REPORT", ("TELERADIOLOGY",)),
    ("HX: FELL AT WORK, PAIN AT REST. Juniors hockey. Anamnese: Sturz zu Hause.", ("AT WORK", "AT REST", "Juniors",
                                                                                  "zu Hause")),
    ("Anamnese: Sturz im Dorf, Abfahrt ins Tal; Piste regelrecht. Seen at the urgent care. Herren 1 Spieler.",
     ("im Dorf", "Abfahrt ins Tal", "Piste regelrecht", "the urgent care", "Herren 1")),
])
def test_session17_look_alikes_stay(text, kept):
    out = RULES(text)
    assert all(k in out for k in kept), out


@pytest.mark.parametrize("text,leaks", [
    # an unknown capitalised word anywhere in an English history section; a place there without a history cue word
    ("Ordered by: ED\nClinical history: Deckhand, boat out of Tullacreen harbour, hand caught in a winch.\n"
     "Findings: no fracture.", ("Tullacreen",)),
    ("Anamnese: Auf dem Hof der Eltern in Grünmoosreuth vom Rind getreten.\nBefund: keine Fraktur.",
     ("Grünmoosreuth",)),
    # a place's word repeated elsewhere in the report after a rule found it in a place or an institution
    ("Wakarangi Health Centre\nHistory: hurt playing touch at Wakarangi school, 14 yo.\nFindings: normal.",
     ("Wakarangi",)),
    # a lower-case venue noun, a state or province written out, a hyphenated place's tail
    ("History: stockman, bucked off at Ooldea Downs clinic yard; from Tisdale, Saskatchewan.",
     ("Ooldea", "clinic yard", "Saskatchewan")),
    ("History: MTB crash at Mt Kurra-binda trail head.", ("Kurra", "binda")),
    # places by a suffix word after a preposition in a history sentence, an island, a German settlement ending
    ("History: fell on the porch near Possum Hollow; lives on Turkey Fork.", ("Possum Hollow", "Turkey Fork")),
    ("Anamnese: Einsatz der Feuerwehr in Kleinhaibühl, Sturz von der Leiter.", ("Kleinhaibühl",)),
    # an all-caps venue, a mountain after a ski accident, a holiday, a Vietnamese name, the other side of a match
    ("HX: FELL OFF SWING AT WAPAKETA ELEMENTARY SCHOOL AT RECESS.", ("WAPAKETA",)),
    ("Anamnese: Skisturz am Zwölferkogelgrat, Schmerzen Schulter.", ("Zwölferkogelgrat",)),
    ("History: cut on a glass on Christmas Eve; seen with aunt Trần Thị Mai.", ("Christmas Eve", "Trần Thị Mai")),
    ("History: camogie final (Ardfinnan GAA v Clonoulty) - fell on the elbow.", ("Ardfinnan", "Clonoulty")),
])
def test_session18_shapes_go(text, leaks):
    out = RULES(text)
    assert gone(out, *leaks), out


@pytest.mark.parametrize("text,kept", [
    # drugs, gerunds, eponyms and trade names in a history section; German nouns in a German history
    ("Clinical history: history of Wheezing, Hodgkin's lymphoma, Mitek anchor, Little Leaguer's elbow.",
     ("Wheezing", "Hodgkin", "Mitek", "Leaguer")),
    ("Anamnese: Schnittverletzung an einer Bierflasche beim Abwasch, Streckdefizit, Prellmarke.",
     ("Bierflasche", "Abwasch", "Streckdefizit", "Prellmarke")),
    # a ski accident's time or generic slope word, a state after an ordinary word, a match without a removed side
    ("Anamnese: Skisturz am Nachmittag; Skiunfall am Schlepplift; Skisturz am Übungshang.",
     ("Nachmittag", "Schlepplift", "Übungshang")),
    ("Findings: no fracture. Impression: radius v ulna length normal.", ("v ulna",)),
    ("History: fell at the Community Hall. No new year changes. Vancomycin v. cefazolin.",
     ("Community Hall", "new year", "cefazolin")),
])
def test_session18_look_alikes_stay(text, kept):
    out = RULES(text)
    assert all(k in out for k in kept), out


@pytest.mark.parametrize("text,leaks", [
    ("History: slipped on the steps of Tabernacle Hill Missionary Baptist Church.", ("Tabernacle",)),
    ("HX: CRUSHED BY SCOOP AT THE BLACKWOLF NO. 4 MINE.", ("BLACKWOLF",)),
    ("History: sparring at Okafor's Taekwondo Academy; bronc riding at the Wainwright Stampede.",
     ("Okafor", "Wainwright")),
])
def test_session18_named_venues_go(text, leaks):
    out = RULES(text)
    assert gone(out, *leaks), out


@pytest.mark.parametrize("text,kept", [
    ("History: works at the Community Gym. Findings: Catholic Church volunteer; First Methodist Church choir.",
     ("Community Gym", "Catholic Church", "First Methodist Church")),
])
def test_session18_ordinary_venues_stay(text, kept):
    out = RULES(text)
    assert all(k in out for k in kept), out


@pytest.mark.parametrize("text,leaks,kept", [
    # a town named like a frequent word goes right after a place preposition without an article, nowhere else
    ("Anamnese: Sturz mit dem Fahrrad in Dortmund. Befund: Dortmunder Platte regelrecht.", ("in Dortmund",),
     ("Dortmunder Platte",)),
    ("History: fell off a ladder while visiting family near Guildford.", ("Guildford",), ()),
    ("Findings: no split fracture; mild spring-like recoil. History: fell in Spring.", (), ("split", "Spring")),
])
def test_session18_towns_named_like_words(text, leaks, kept):
    out = RULES(text)
    assert gone(out, *leaks) and all(k in out for k in kept), out
