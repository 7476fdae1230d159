"""Issue 11, session 34: shapes a tuning round by eight new authors (mp-mw, read) showed leaking, each a class with
a closed trigger: a town before a state, province or county written out ('in Sugarbush, Vermont (USA)'), a county
joined to its town ('wohnhaft Kirkwhelpington, Merseyside'), a German kin word in the genitive ('ihres Ehemanns Ernst
Wolf'), a family firm ('BAKER & SONS'; an eponym's name too: 'HEBERDEN BROS'), an Austrian age in brackets or after
a birth date ('(4 a)'), a lake named by a town's adjective ('OSSIACHER SEE'), a '-kai' street ('am Holzkai'), the
generic head of a reservoir or an airport, a word with a capital inside that no list knows ('CargoVille'), and a
lower-case signature line ('r. okonjo-hale / reg'); then a second to fifth round by eight more authors each (ng-nn,
no-nv, nw-od, oe-ol, read) showed the cases marked below. Every example is our own (none taken from an evaluation
corpus); on the rules before each change (7f74e1e, e74c602, 8b04e06, f8b9a8b, 3ea737f) every removal fails, the guards
pass."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    # a town before a state or a province written out, before a bracket or a slash too
    ("Klinische Angaben: Skiunfall in Sugarbush, Vermont (USA), dort erstversorgt.", ["Sugarbush"],
     ["Skiunfall", "dort erstversorgt"]),
    ("Anamnese: Montageeinsatz in LaPorteville, Georgia/USA, dort ORIF.", ["LaPorteville"], ["dort ORIF"]),
    # a county of Britain or Ireland goes with its town
    ("Angaben: Tourist (wohnhaft Kirkwhelpington, Merseyside), Sturz auf die Schulter.",
     ["Kirkwhelpington", "Merseyside"], ["Sturz auf die Schulter"]),
    # a German kin word in the genitive names the relative after it
    ("Anamnese: Schnitt am Daumen in der Gaststätte ihres Ehemanns Ernst Wolf, Wunde gespült.", ["Ernst", "Wolf"],
     ["Wunde gespült"]),
    ("Anamnese: beim Holzspalten auf dem Hof des Vaters Gerd Koch verletzt.", ["Gerd", "Koch"], ["verletzt"]),
    # a family firm, also when its name is an eponym's
    ("HX: FELL FROM A HAY WAGON AT THE FAMILY FARM (HEBERDEN BROS, ORLEANS COUNTY).", ["HEBERDEN"],
     ["FELL FROM A HAY WAGON"]),
    ("HX: CRUSHED THUMB IN A PRESS (BAKER & SONS), NIGHT SHIFT.", ["BAKER"], ["NIGHT SHIFT"]),
    # an Austrian age: alone in brackets, or after a birth date and its comma
    ("Name: Petek, Jaka   geb. 03.05.2021 (4 a)   Pat.-Nr. 00381920", ["(4 a)"], ["Pat.-Nr."]),
    ("Patient: Lenz Maria (w), geb. 11.09.2009, 16 a\nAnamnese: Sturz beim Turnen.", ["16 a"], ["Sturz beim Turnen"]),
    # a lake named by a town's adjective, in capitals too
    ("HISTORY: FELL FROM A JETTY AT THE CAMPSITE (OSSIACHER SEE). PAIN L ELBOW.", ["OSSIACHER"], ["PAIN L ELBOW"]),
    # a street ending in '-kai'
    ("Klinik: Wegeunfall mit dem Fahrrad am Holzkai. Frage: Fraktur?", ["Holzkai"], ["Wegeunfall"]),
    # the generic head of a reservoir or an airport after its removed name
    ("Hx: tripped on the dam path at the Obersorpe reservoir, FOOSH.", ["Obersorpe", "reservoir"], ["FOOSH"]),
    # a word with a capital inside that no list knows
    ("Hx: ramp agent, slipped off a belt loader at CargoVille Nord. FOOSH.", ["CargoVille"], ["belt loader"]),
    # a lower-case signature alone on its line
    ("no radio-opaque foreign body.\n\nr. okonjo-hale / reg\n", ["okonjo-hale"], ["foreign body"]),
    # (second tuning round ng-nn) an employer field in the feminine; a lower-case initial and surname before a
    # trainee's grade; the name a child goes by, quoted after the name, standing alone later (not an ordinary word);
    # a town after an institution and 'in'; a hyphenated institution of its own name; a union's local
    ("Anamnese: Sturz im Lager (Arbeitgeberin: Lindenhof-Gastronomie), Schwellung.", ["Lindenhof"], ["Schwellung"]),
    ("impression: effusion, repeat films if still tender\nj. mcaleavey, ST4 radiology", ["mcaleavey"],
     ["repeat films"]),
    ("Patient: Master Chukwunonso (\"Zubby\") OKONKWO-BELL   DOB 03/05/2017\n\nTechnique: AP partly oblique as "
     "Zubby could not extend the arm.", ["Zubby"], ["could not extend"]),
    ("Anamnese: Sturz vom Pferd beim Ausritt vom Reiterhof Brammeier in Gistenbeck, Schmerz.", ["Gistenbeck"],
     ["Schmerz"]),
    ("Beurteilung: OP-Indikation, Vorstellung Wümme-Oste-Klinik vereinbart.", ["Wümme"], ["Vorstellung", "vereinbart"]),
    ("HISTORY: DOCKWORKER (ILWU LOCAL 142), FELL INTO THE HOLD.", ["LOCAL 142"], ["FELL INTO THE HOLD"]),
    # (third tuning round no-nv, with reports typed in lower case) a lower-case day and month; the given names after
    # the comma of a lower-case name field, which then repeat; an id whose prefix holds an umlaut; a Swiss school
    # building; a guild or an inn named 'zum/zur ...'; a quoted allotment society; a town's district joined by a
    # hyphen; an employer in brackets after a work word, a firm's legal form and a reader's initial, surname and
    # date, all in lower case
    ("hx: slipped on the church steps sunday 8 feb, fell onto l shoulder.", ["8 feb"], ["fell onto"]),
    ("pt: quispe mamani, jesús ángel   dob 07/22/2011\n\nimpression: normal. jesús may return to sport.",
     ["jesús may"], ["return to sport"]),
    ("Befund Nr. RÖ-2025/447120\nBefund: keine Fraktur.", ["447120"], ["keine Fraktur"]),
    ("Anamnese: Sturz vom Reck im Schulhaus Buchwiesen (Turnhalle), Schmerz.", ["Buchwiesen"], ["Schmerz"]),
    ("anamnese: sturz beim umzug der zunft zur meisen, aufprall re. schulter.", ["meisen"], ["aufprall"]),
    ("hx: cut on glass at gasthaus zum hirschen during a wedding.", ["hirschen"], ["during a wedding"]),
    ("anamnese: sturz von der leiter im kgv \"abendfrieden\" e.v., schmerz li. schulter.", ["abendfrieden"],
     ["schmerz"]),
    ("hx: fell in the allotment (kgv 'am teich', leipzig-lindenau) yesterday.", ["lindenau"], ["yesterday"]),
    ("hx: thumb caught in a press at work (brotmanufaktur heuvelmann), nail bed injury.", ["heuvelmann"],
     ["nail bed"]),
    ("anamnese: seit jahren in der schleiferei kranz & söhne tätig, schmerz am daumen.", ["kranz"], ["schmerz"]),
    ("comminuted fracture of the tuft.\n\nimpression: retained fb. rep'd t. okonkwo-brandt 03.03.2026\n",
     ["okonkwo-brandt"], ["retained fb"]),
    # ... and, on a line typed in lower case, a club by its team word, a German club or fire brigade by its
    # abbreviation, a saint's parish league, a relative's name after a title even when it opens with a safe word
    ("hx: wing-forward for ballyfermot gaels, tackled in the u16 final.", ["ballyfermot"], ["tackled"]),
    ("hx: plays for dunmanway harps camogie club, hyperabduction of thumb.", ["dunmanway"], ["hyperabduction"]),
    ("anamnese: sturz beim feuerwehrfest der ff dreisbach am samstag, schmerz.", ["dreisbach"], ["schmerz"]),
    ("anamnese: trainingslager wasserball sc zürilöwen, ellbogen an den beckenrand.", ["zürilöwen"], ["beckenrand"]),
    ("hx: fell at st. casimir parish league volleyball.", ["casimir"], ["volleyball"]),
    ("hx: fell at school. mum (ms le thi thuy) reports swelling.", ["thi thuy"], ["reports swelling"]),
    ("hx: plays for the local rugby club, fell on shoulder.", [], ["local rugby club"]),
    ("findings: ac and sc jts normal.", [], ["sc jts"]),
    # (fourth tuning round nw-od) 'am See' after a removed town; an Irish surname's particle; a firm's camel-case name
    # with a country's letters; in lower case, a relative's name alone in a bracket or after 'fam.', a street by its
    # kind, a listed place after 'the' or after 'in from'; a road by its number
    ("Anamnese: Sturz bei der Weinlese in Illmitz am See, Schmerz.", ["am See"], ["Schmerz"]),
    ("HISTORY: FELL ON THE CYCLE PATH NEAR PURBACH AM SEE. PAIN.", ["AM SEE"], ["PAIN"]),
    ("Referrer: Mr G. Ó Briain, upper limb clinic", [" Ó "], ["upper limb"]),
    ("Patient: Ó Súilleabháin, Aoife   DOB 03/04/1990", ["Ó"], ["DOB"]),
    ("Clinical: camera operator at StudioCityUK, fell from a rostrum.", ["StudioCityUK"], ["rostrum"]),
    ("anamnese: gestürzt, laut vater (kovačević dragan) seither schonhaltung.", ["dragan"], ["schonhaltung"]),
    ("anamnese: bei der weinlese im weingarten der fam. pinterits von der leiter gestürzt.", ["pinterits"],
     ["leiter"]),
    ("hx: fell off the music truck on wrightson avenue, landed on l shoulder.", ["wrightson"], ["landed"]),
    ("hx: slipped working the lock on the rochdale canal, fell onto l shoulder.", ["rochdale"], ["fell onto"]),
    ("clinical: dad drove him in from avondale. he points to the back of the elbow.", ["avondale"], ["points"]),
    ("History: fell from a picking ladder in the orchard on Road 14. Pain over the elbow.", ["Road 14"], ["Pain"]),
    ("CLINICAL: SLIPPED AT A RESTAURANT ON NO. 5 ROAD, FOOSH.", ["NO. 5 ROAD"], ["FOOSH"]),
    ("anamnese: mutter (sehr besorgt) berichtet sturz.", [], ["sehr besorgt"]),
    ("Befund: Teleradiologie gemäß § 14 StrlSchG.", [], ["StrlSchG"]),
    ("hx: fell on main street yesterday, pain in the thumb.", [], ["main street"]),
    # (fifth tuning round oe-ol) a lower-case 'surname, given' before a credential; a listed town after a removed
    # place's comma; a numbered dock; in lower case, a hospital by its listed town and a compound street
    ("impression: no fracture. read by: nwachukwu, ifeoma md - county hospital radiology", ["nwachukwu", "ifeoma"],
     ["county hospital"]),
    ("Anamnese: Arbeitsunfall auf der Neptunwerft, Warnemünde: Sturz von einem Gerüst.", ["Warnemünde"], ["Gerüst"]),
    ("History: fell approx 2 m from staging in No. 4 Dock this morning, FOOSH.", ["No. 4"], ["FOOSH"]),
    ("anamnese: am fest gestürzt. pat. wird ans kantonsspital st. gallen verlegt.", ["gallen"], ["verlegt"]),
    ("anamnese: beim aufbau des standes auf dem wenigemarkt von der ladefläche gestürzt.", ["wenigemarkt"],
     ["ladefläche"]),
    ("anamnese: sturz auf dem arbeitsplatz im lager, schmerz.", [], ["arbeitsplatz"]),
    ("befund: verlegung ins krankenhaus zur op, schmerz.", [], ["krankenhaus zur op"]),
    # guards: Latin anatomy a German report writes; 'may' after a number
    ("Befund: die Linea humeri anterior schneidet das Capitulum.", [], ["Linea humeri anterior"]),
    ("impression: the fracture 8 may be old.", [], ["8 may be"]),
    # guards: an ordinary nickname's word in the findings, a noun after 'in', a clinical compound, a step in mm
    ("Pt: Jaden \"Tiny\" Okoro-Baptiste   Age 7\nFindings: tiny cortical irregularity.", [], ["tiny cortical"]),
    ("Anamnese: arbeitet bei Fa. Hollweg Stanztechnik GmbH in Vollzeit, Sturz von der Leiter.", [], ["in Vollzeit"]),
    ("Beurteilung: Vorstellung in der Unfall-Klinik vereinbart.", [], ["Unfall-Klinik"]),
    ("FINDINGS: LOCAL 2 MM STEP AT THE AC JOINT.", [], ["LOCAL 2 MM STEP"]),
    # guards: an ordinary adjective before 'See', an implant's name, an ordinary lower-case line, an ordinary
    # word before a county name that is an ordinary word too
    ("Anamnese: Sturz in einen großer See? Nein: Sturz beim Baden am See.", [], ["großer See", "am See"]),
    ("Befund: Z.n. TightRope-Versorgung des AC-Gelenks, regelrechte Lage.", [], ["TightRope"]),
    ("Findings:\ns. above\nNo fracture.", [], ["s. above"]),
    ("Impression: no fracture. Follow-up, Down syndrome clinic.", [], ["Follow-up", "Down syndrome"]),
])
def test_a_session34_shape_goes(text, leaks, kept):
    check_rules(text, leaks, kept)
