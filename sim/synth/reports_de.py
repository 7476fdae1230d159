"""German phrase bank for synthetic reports (the study's reports were German).

Noun phrases carry their grammatical gender as a prefix (`f:`, `m:`, `n:`, `p:` plural) so the
composer can pick "eine/ein", "keine/kein" and "fragliche/fraglicher" without a grammar engine.
Note the traps real German reports hold: "disloziert" means *displaced* (a fracture modifier),
not a joint dislocation; "regelrechte Gelenkstellung" negates (sub)luxation; "Z.n." is history.
"""

from __future__ import annotations

LANG = "de"

TITLES = [
    {"indication": "Klinische Angaben:", "technique": "Technik:", "comparison": "Voraufnahmen:",
     "findings": "Befund:", "impression": "Beurteilung:", "combined": "Befund und Beurteilung:"},
    {"indication": "Fragestellung:", "technique": "Untersuchung:", "comparison": "Vergleich:",
     "findings": "BEFUND", "impression": "BEURTEILUNG", "combined": "BEFUND/BEURTEILUNG"},
    {"indication": "Indikation/Fragestellung:", "technique": "Aufnahmetechnik:", "comparison": "Vorbefunde:",
     "findings": "Befund:", "impression": "Zusammenfassung:", "combined": "Befund:"},
]

SIDES = {"L": ["links", "li.", "LINKS", "li"], "R": ["rechts", "re.", "RECHTS", "re"]}
REGION_WORD = {"elbow": ["Ellenbogen", "Ellenbogengelenk"], "thumb": ["Daumen", "Daumenstrahl"],
               "clavicle": ["Klavikula", "Clavicula", "Schlüsselbein"]}

TECHNIQUE = {
    "elbow": ["Ellenbogen {side} in 2 Ebenen.", "Rö. Ellenbogen {side} a.p. und seitlich.",
              "Röntgen des Ellenbogengelenks {side} in zwei Ebenen.", "ELLENBOGEN {SIDE} 2 EBENEN"],
    "thumb": ["Daumen {side} in 2 Ebenen.", "Rö. Daumen {side} d.p. und seitlich.", "DAUMEN {SIDE} 2 EBENEN",
              "Röntgen Daumenstrahl {side} in zwei Ebenen."],
    "clavicle": ["Klavikula {side} a.p.", "Rö. Clavicula {side} in einer Ebene (a.p., kranial gekippt).",
                 "CLAVICULA {SIDE} 1 EBENE"],
}

INDICATIONS = {
    "*": ["Sturz auf den ausgestreckten Arm. Fraktur?", "V.a. Fraktur.", "Z.n. Sturz, Schmerzen. Frakturausschluss.",
          "Trauma, Frakturausschluss erbeten.", "Luxation?", "Schwellung und Druckschmerz nach Sturz.",
          "Chronische Schmerzen, Arthrose?", "Verlaufskontrolle.", "Verkehrsunfall, Schmerzen.",
          "Schnittverletzung, Fremdkörper?", "Sturz von der Leiter. Knöcherne Verletzung?",
          "Schmerzen seit 3 Wochen, kein Trauma.", "Stellungskontrolle.", "Fx?"],
    "elbow": ["Sturz auf den Ellenbogen, Streckhemmung. V.a. Radiusköpfchenfraktur.",
              "Kind vom Trampolin gefallen, Ellenbogen geschwollen. Suprakondyläre Fraktur?",
              "Blockade des Ellenbogens, freier Gelenkkörper?"],
    "thumb": ["Skiunfall, Schmerzen am Daumen. Skidaumen?", "Hyperextensionstrauma Daumen, Schmerz MCP.",
              "Faustschlag gegen Wand. Bennett-Fraktur?", "Schmerzen Daumensattelgelenk, Rhizarthrose?"],
    "clavicle": ["Fahrradsturz auf die Schulter. Klavikulafraktur?", "Schmerzen AC-Gelenk nach Sturz. Sprengung?",
                 "Stufe über dem Schlüsselbein tastbar.", "Sturz beim Fußball auf die Schulter."],
}

NP = {
    "fracture": ["f:Fraktur", "f:Fraktur", "f:Frakturlinie", "f:Fissur", "f:kortikale Unterbrechung"],
    "elbow:fracture": ["f:Fraktur im Ellenbogenbereich", "f:Fraktur", "f:ellenbogennahe Fraktur"],
    "thumb:fracture": ["f:Fraktur des Daumens", "f:Fraktur", "f:Fraktur im Daumenstrahl"],
    "clavicle:fracture": ["f:Klavikulafraktur", "f:Fraktur der Klavikula", "f:Claviculafraktur", "f:Fraktur"],
    "lytic_lesion": ["f:osteolytische Läsion", "f:Osteolyse", "f:lytische Läsion", "m:osteolytischer Herd",
                     "f:umschriebene Aufhellung im Knochen"],
    "sclerotic_lesion": ["f:sklerotische Läsion", "m:Skleroseherd", "f:Kompaktainsel", "m:sklerosierter Herd",
                         "f:osteoblastische Läsion"],
    "distal_humerus_fracture": ["f:distale Humerusfraktur", "f:suprakondyläre Humerusfraktur",
                                "f:Fraktur des distalen Humerus", "f:transkondyläre Humerusfraktur",
                                "f:distale Humerusfx"],
    "olecranon_fracture": ["f:Olekranonfraktur", "f:Fraktur des Olekranons", "f:Olecranonfraktur",
                           "f:Olekranonfx"],
    "coronoid_fracture": ["f:Fraktur des Processus coronoideus", "f:Koronoidfraktur",
                          "f:Fraktur des Proc. coronoideus ulnae"],
    "ulna_fracture": ["f:proximale Ulnaschaftfraktur", "f:Fraktur der proximalen Ulna", "f:Ulnafraktur",
                      "f:Ellenfraktur"],
    "radial_head_fracture": ["f:Radiusköpfchenfraktur", "f:Fraktur des Radiusköpfchens", "f:Radiuskopffraktur",
                             "f:Caput-radii-Fraktur", "f:Radiusköpfchenfx"],
    "radial_neck_fracture": ["f:Radiushalsfraktur", "f:Fraktur des Collum radii", "f:Fraktur des Radiushalses"],
    "radius_fracture": ["f:proximale Radiusschaftfraktur", "f:Fraktur des proximalen Radius", "f:Radiusfraktur"],
    "joint_subluxation": ["f:Subluxation", "f:Subluxationsstellung", "f:Gelenkfehlstellung im Sinne einer "
                          "Subluxation"],
    "elbow:joint_subluxation": ["f:Subluxation im Ellenbogengelenk", "f:Subluxation des Radiusköpfchens",
                                "f:radiokapitellare Subluxation"],
    "joint_dislocation": ["f:Luxation", "f:Gelenkluxation", "f:Verrenkung"],
    "elbow:joint_dislocation": ["f:Ellenbogenluxation", "f:Luxation im Ellenbogengelenk",
                                "f:dorsale Ellenbogenluxation", "f:posterolaterale Luxation des Ellenbogens"],
    "joint_degeneration": ["f:Arthrose", "p:degenerative Veränderungen", "f:degenerative Gelenkveränderung",
                           "f:Gelenkdegeneration"],
    "elbow:joint_degeneration": ["f:Cubitalarthrose", "f:Arthrose des Ellenbogengelenks",
                                 "p:degenerative Veränderungen des Ellenbogengelenks mit Osteophyten",
                                 "f:Ellenbogenarthrose"],
    "soft_tissue_calcification": ["p:Weichteilverkalkungen", "f:Weichteilverkalkung", "p:Kalkeinlagerungen in "
                                  "den Weichteilen", "p:kleine periartikuläre Verkalkungen"],
    "soft_tissue_mass": ["f:Weichteilraumforderung", "f:Raumforderung der Weichteile",
                         "f:raumfordernde Weichteilverdichtung", "m:Weichteiltumor"],
    "fat_pad_sign": ["n:positives Fettpolsterzeichen", "m:Gelenkerguss mit angehobenem Fettpolster",
                     "n:Segelzeichen", "n:dorsales Fettpolsterzeichen", "m:Gelenkerguss"],
    "foreign_body": ["m:röntgendichter Fremdkörper", "m:metallischer Fremdkörper", "m:Fremdkörper",
                     "m:metalldichter Splitter", "m:Glassplitter"],
    "ossicle": ["n:Ossikel", "m:akzessorischer Knochenkern", "n:kleines gut kortikalisiertes Ossikel",
                "n:Os supratrochleare"],
    "thumb:ossicle": ["n:Sesambein", "n:akzessorisches Ossikel", "n:Ossikel"],
    "exostosis": ["f:Exostose", "n:Osteochondrom", "f:knöcherne Exostose", "f:kleine Exostose"],
    "fracture_medial_third": ["f:mediale Klavikulafraktur", "f:Fraktur des sternalen Klavikuladrittels",
                              "f:Fraktur im medialen Drittel der Klavikula"],
    "fracture_middle_third": ["f:Klavikulaschaftfraktur", "f:Fraktur im mittleren Klavikuladrittel",
                              "f:mediale Schaftfraktur der Klavikula im mittleren Drittel", "f:Klavikulafraktur "
                              "im mittleren Drittel"],
    "fracture_lateral_third": ["f:laterale Klavikulafraktur", "f:Fraktur des lateralen Klavikuladrittels",
                               "f:Fraktur der akromialen Klavikula"],
    "ac_joint_space_widened": ["f:Erweiterung des AC-Gelenkspalts", "m:erweiterter AC-Gelenkspalt",
                               "f:Aufweitung des Akromioklavikulargelenks"],
    "ac_joint_space_narrowed": ["f:Verschmälerung des AC-Gelenkspalts", "m:verschmälerter AC-Gelenkspalt",
                                "f:AC-Gelenkspaltverschmälerung"],
    "ac_joint_subluxation": ["f:AC-Gelenk-Subluxation", "f:Subluxation im Akromioklavikulargelenk",
                             "m:leichter Klavikulahochstand im AC-Gelenk im Sinne einer Subluxation"],
    "ac_joint_dislocation": ["f:AC-Gelenksprengung", "f:Luxation im Akromioklavikulargelenk",
                             "f:Schultereckgelenksprengung", "f:AC-Luxation"],
    "ac_joint_degeneration": ["f:AC-Gelenkarthrose", "f:Arthrose des Akromioklavikulargelenks",
                              "f:ACG-Arthrose mit Osteophyten"],
    "sc_joint_space_widened": ["f:Erweiterung des SC-Gelenkspalts", "m:erweiterter Sternoklavikulargelenkspalt"],
    "sc_joint_space_narrowed": ["f:Verschmälerung des SC-Gelenkspalts", "m:verschmälerter SC-Gelenkspalt"],
    "sc_joint_subluxation": ["f:SC-Gelenk-Subluxation", "f:Subluxation im Sternoklavikulargelenk"],
    "sc_joint_dislocation": ["f:SC-Gelenkluxation", "f:Luxation im Sternoklavikulargelenk",
                             "f:sternoklavikuläre Luxation"],
    "sc_joint_degeneration": ["f:SC-Gelenkarthrose", "f:Arthrose des Sternoklavikulargelenks"],
    "clavicle:joint_subluxation": ["f:Subluxation"],
    "clavicle:joint_dislocation": ["f:Luxation"],
    "clavicle:joint_degeneration": ["p:degenerative Gelenkveränderungen", "f:Arthrose"],
    "swelling_hematoma": ["f:Weichteilschwellung", "n:Hämatom", "f:Weichteilschwellung über der Klavikula",
                          "f:hämatomverdächtige Schwellung"],
    "metacarpal1_fracture": ["f:Metakarpale-I-Fraktur", "f:Fraktur des Os metacarpale I", "f:MHK-I-Fraktur",
                             "f:Basisfraktur des ersten Mittelhandknochens", "f:Mittelhandfraktur I"],
    "proximal_phalanx_fracture": ["f:Grundgliedfraktur des Daumens", "f:Fraktur der Daumengrundphalanx",
                                  "f:Fraktur des Daumengrundglieds", "f:Grundgliedbasisfraktur D1"],
    "distal_phalanx_fracture": ["f:Endgliedfraktur des Daumens", "f:Fraktur der Daumenendphalanx",
                                "f:Tuberositasfraktur des Endglieds", "f:Endgliedfx D1"],
    "fracture_comminuted": ["f:Mehrfragmentfraktur", "f:Trümmerfraktur"],
    "cmc_joint_subluxation": ["f:Subluxation im Daumensattelgelenk", "f:CMC-I-Subluxation",
                              "f:Subluxation im Karpometakarpalgelenk I"],
    "cmc_joint_dislocation": ["f:Luxation im Daumensattelgelenk", "f:CMC-I-Luxation",
                              "f:Luxation im Karpometakarpalgelenk I"],
    "cmc_joint_degeneration": ["f:Rhizarthrose", "f:Daumensattelgelenksarthrose", "f:CMC-I-Arthrose",
                               "f:Arthrose im Daumensattelgelenk"],
    "mcp_joint_subluxation": ["f:Subluxation im Daumengrundgelenk", "f:MCP-Subluxation",
                              "f:Subluxationsstellung im MCP-Gelenk I"],
    "mcp_joint_dislocation": ["f:Daumengrundgelenksluxation", "f:Luxation im MCP-Gelenk I",
                              "f:Luxation im Grundgelenk"],
    "mcp_joint_degeneration": ["f:Arthrose des Daumengrundgelenks", "f:MCP-Arthrose",
                               "p:degenerative Veränderungen im Daumengrundgelenk"],
    "ip_joint_subluxation": ["f:Subluxation im Daumenendgelenk", "f:IP-Subluxation"],
    "ip_joint_dislocation": ["f:Luxation im Daumenendgelenk", "f:IP-Gelenksluxation"],
    "ip_joint_degeneration": ["f:Arthrose des Daumenendgelenks", "f:IP-Arthrose", "f:Heberden-Arthrose D1"],
    "swelling_dactylitis": ["f:Weichteilschwellung des Daumens", "f:Daktylitis", "f:diffuse Schwellung des "
                            "Daumens", "f:Weichteilschwellung"],
}

MOD_POS = {
    "displaced": [", disloziert", " mit Dislokation", ", mit Fragmentdislokation", " mit Stufenbildung von 2 mm",
                  ", verschoben", " mit Achsabknickung und Dislokation"],
    "comminuted": [", mehrfragmentär", " mit Trümmerzone", ", Mehrfragmentfraktur", " mit mehreren Fragmenten"],
    "intraarticular": [" mit Gelenkbeteiligung", ", intraartikulär", " mit Ausläufer ins Gelenk",
                       " bis in die Gelenkfläche reichend"],
    "avulsion": [" mit Abriss der Spitze", ", Spitzenabriss", " (kleines ausgerissenes Fragment der Spitze)"],
}
MOD_HEDGE = {
    "displaced": [", fraglich gering disloziert", "; eine Dislokation ist nicht sicher auszuschließen",
                  ", möglicherweise diskret verschoben", ", am ehesten gering disloziert"],
    "comminuted": [", fraglich mehrfragmentär", "; ein zusätzliches kleines Fragment ist nicht auszuschließen",
                   ", V.a. Mehrfragmentfraktur"],
    "intraarticular": [", V.a. Gelenkbeteiligung", "; eine Gelenkbeteiligung ist nicht sicher auszuschließen",
                       ", wahrscheinlich bis an die Gelenkfläche reichend"],
    "avulsion": [", fraglicher Spitzenabriss", "; möglicherweise kleines ausgerissenes Fragment der Spitze"],
}
MOD_NEG = {
    "displaced": [", nicht disloziert", ", undisloziert", " ohne Dislokation", ", achsengerecht",
                  " ohne wesentliche Fragmentverschiebung"],
    "comminuted": [", einfache Zweifragmentfraktur", " ohne Trümmerzone"],
    "intraarticular": [", extraartikulär", " ohne Gelenkbeteiligung", ", das Gelenk nicht erreichend"],
    "avulsion": [],
}

ART = {"f": "eine", "m": "ein", "n": "ein", "p": ""}
KEIN = {"f": "keine", "m": "kein", "n": "kein", "p": "keine"}
FRAGL = {"f": "fragliche", "m": "fraglicher", "n": "fragliches", "p": "fragliche"}

PRESENT = ["{np}.", "Es zeigt sich {art}{np}.", "Nachweisbar ist {art}{np}.", "{np} erkennbar.",
           "Abgrenzbar ist {art}{np}.", "{np} nachweisbar.", "Hier {art}{np}.", "{np} (s.o.).",
           "Es findet sich {art}{np}.", "Zudem {art}{np}."]
HEDGE = ["V.a. {np}.", "Verdacht auf {np}.", "{np} nicht sicher auszuschließen.",
         "{art}{np} ist nicht sicher auszuschließen.", "{fragl} {np}.", "Am ehesten {art}{np}.",
         "Möglicherweise {art}{np}.", "F|Diskrete Aufhellungslinie, DD {np}.", "Wahrscheinlich {art}{np}.",
         "{np}, nicht sicher abgrenzbar.", "Nicht ausgeschlossen ist {art}{np}.",
         "Als DD käme {art}{np} in Frage.", "Fraglich {np}.", "Dezent, aber {np} nicht auszuschließen."]
IMP_PRESENT = ["{np}.", "{np}.", "{np} wie beschrieben.", "F|Frische {np}.", "{np}, s.o."]
IMP_HEDGE = ["V.a. {np}.", "{fragl} {np}, ggf. CT-Kontrolle.", "{np} nicht sicher auszuschließen.",
             "V.a. {np}, Verlaufskontrolle empfohlen.", "DD {np}."]

NEG = {
    "*": [
        ("Kein Frakturnachweis.", ["fracture"]),
        ("Kein Nachweis einer Fraktur.", ["fracture"]),
        ("Keine Fraktur, keine Luxation.", ["fracture", "joint_dislocation"]),
        ("Keine frische knöcherne Verletzung.", ["fracture"]),
        ("Kein Anhalt für eine Fraktur oder Luxation.", ["fracture", "joint_dislocation"]),
        ("Fraktur ausgeschlossen.", ["fracture"]),
        ("Ossär intakt.", ["fracture"]),
        ("Regelrechte Gelenkstellung.", ["joint_dislocation", "joint_subluxation"]),
        ("Regelrechte Artikulation.", ["joint_dislocation", "joint_subluxation"]),
        ("Gelenkstellung regelrecht.", ["joint_dislocation", "joint_subluxation"]),
        ("Keine Luxation oder Subluxation.", ["joint_dislocation", "joint_subluxation"]),
        ("Gelenkspalt normal weit.", ["joint_degeneration"]),
        ("Keine wesentlichen degenerativen Veränderungen.", ["joint_degeneration"]),
        ("Keine osteolytischen oder sklerotischen Herde.", ["lytic_lesion", "sclerotic_lesion"]),
        ("Regelrechte Knochenstruktur.", ["lytic_lesion", "sclerotic_lesion"]),
        ("Kein Nachweis fokaler ossärer Läsionen.", ["lytic_lesion", "sclerotic_lesion"]),
        ("Kein röntgendichter Fremdkörper.", ["foreign_body"]),
        ("Kein Fremdkörpernachweis.", ["foreign_body"]),
        ("Keine Weichteilverkalkungen.", ["soft_tissue_calcification"]),
        ("Keine Weichteilraumforderung.", ["soft_tissue_mass"]),
        ("Weichteile unauffällig.", ["soft_tissue_mass", "soft_tissue_calcification", "swelling_hematoma",
                                     "swelling_dactylitis", "foreign_body"]),
    ],
    "elbow": [
        ("Kein Gelenkerguss.", ["fat_pad_sign"]),
        ("Fettpolster nicht angehoben.", ["fat_pad_sign"]),
        ("Kein positives Fettpolsterzeichen.", ["fat_pad_sign"]),
        ("Radiusköpfchen intakt.", ["radial_head_fracture"]),
        ("Radiusköpfchen regelrecht artikulierend.", ["joint_dislocation", "joint_subluxation"]),
        ("Olekranon unauffällig.", ["olecranon_fracture"]),
        ("Keine suprakondyläre Fraktur.", ["distal_humerus_fracture"]),
        ("Keine Exostose.", ["exostosis"]),
        ("Kein freier Gelenkkörper, kein Ossikel.", ["ossicle"]),
    ],
    "thumb": [
        ("Daumensattelgelenk regelrecht artikulierend.", ["cmc_joint_subluxation", "cmc_joint_dislocation"]),
        ("Keine Rhizarthrose.", ["cmc_joint_degeneration"]),
        ("Grund- und Endgelenk regelrecht.", ["mcp_joint_subluxation", "mcp_joint_dislocation",
                                              "ip_joint_subluxation", "ip_joint_dislocation"]),
        ("Keine Weichteilschwellung.", ["swelling_dactylitis"]),
        ("MHK-I-Basis intakt.", ["metacarpal1_fracture"]),
        ("Keine Bennett- oder Rolando-Fraktur.", ["metacarpal1_fracture"]),
    ],
    "clavicle": [
        ("AC-Gelenk unauffällig.", ["ac_joint_space_widened", "ac_joint_space_narrowed", "ac_joint_subluxation",
                                    "ac_joint_dislocation", "ac_joint_degeneration"]),
        ("Kein Klavikulahochstand.", ["ac_joint_subluxation", "ac_joint_dislocation"]),
        ("Korakoklavikulärer Abstand normal.", ["ac_joint_dislocation"]),
        ("SC-Gelenke symmetrisch.", ["sc_joint_subluxation", "sc_joint_dislocation", "sc_joint_space_widened"]),
        ("Keine Weichteilschwellung.", ["swelling_hematoma"]),
        ("Keine AC-Gelenksprengung.", ["ac_joint_dislocation", "ac_joint_subluxation"]),
    ],
}

NORMAL_IMPRESSION = ["Kein Frakturnachweis, regelrechte Gelenkstellung.", "Unauffälliger Befund.",
                     "Altersentsprechend unauffälliger {region}.", "Unauffälliges Röntgen des {region}s.",
                     "Keine knöcherne Verletzung.", "Normalbefund."]

OTHER_REGION = {
    "elbow": ["Am miterfassten Handgelenk bekannte distale Radiusfraktur (siehe separater Befund).",
              "Schulter nicht miterfasst.", "Handgelenk separat befundet.",
              "Der Unterarmschaft ist nur teilweise abgebildet und nicht beurteilbar.",
              "Bekannte Skaphoidfraktur derselben Seite, siehe Handgelenksbefund."],
    "thumb": ["Handgelenk separat befundet; dort V.a. Skaphoidfraktur.", "Übrige Finger nicht beurteilt.",
              "Distaler Radius angeschnitten, unauffällig.",
              "Bekannte Fraktur des MHK V derselben Hand, separat befundet."],
    "clavicle": ["Schulter separat befundet.", "Glenohumeralgelenk angeschnitten.",
                 "Alte verheilte Rippenfraktur rechts, nicht Teil dieser Untersuchung.", "Lungenspitze frei."],
}
HARDWARE = {
    "elbow": ["Z.n. Plattenosteosynthese des Olekranons, Material intakt.", "Z.n. ORIF, keine Lockerungszeichen.",
              "Einliegende Zuggurtung am Olekranon."],
    "thumb": ["Z.n. K-Draht-Osteosynthese des MHK I.", "Einliegende Schraube im MHK I, regelrechte Lage."],
    "clavicle": ["Z.n. Plattenosteosynthese der Klavikula, Material intakt.",
                 "Einliegende Platte an der Klavikula ohne Lockerungszeichen."],
}
FILLER = ["Altersentsprechende Knochendichte.", "Keine Periostreaktion.", "Offene Wachstumsfugen.",
          "Leichte Osteopenie.", "Gipsüberlagerung, Detailbeurteilung eingeschränkt.",
          "Eingeschränkte Beurteilbarkeit bei Rotation.", "Gute Bildqualität."]

COMPARISON = ["Keine.", "Keine Voraufnahmen.", "{prior}.", "Voraufnahme vom {prior}.", "Rö. vom {prior}."]
COMPARE_TEXT = ["Im Vergleich zur Voraufnahme vom {prior} sonst unverändert.", "Zum Vergleich VA vom {prior}.",
                "Gegenüber {prior} unverändert bis auf das Genannte."]
CALLBACK = ["Rücksprache mit Dr. {colleague}, Tel. {phone}.", "Befund telefonisch an Dr. {colleague} "
            "übermittelt am {date}.", "Mit dem Zuweiser Dr. {ref_last} besprochen."]
AGE_TEXT = ["{age}-jährige{sexend} Pat.", "Pat. {age} J.", "{age} J., {sexword}."]
CORRECTION_NEG = ["Nach nochmaliger Durchsicht kein Nachweis: {np} nicht bestätigt.",
                  "F|Korrektur: {kein} {np}, die Aufhellung entspricht einem Gefäßkanal.",
                  "Nachtrag: {kein} {np}."]
CORRECTION_POS = ["Nachtrag: bei nochmaliger Durchsicht eindeutig {art}{np}.", "Korrektur: {np} sicher.",
                  "Nach Durchsicht der 2. Ebene eindeutig {art}{np}."]
SIGNATURE = ["Mit freundlichen Grüßen\n{rad}", "Dr. med. {rad}, Oberarzt", "gez. {rad}",
             "Elektronisch freigegeben: {rad}, {date}", ""]
SEXWORD = {"F": ["weiblich", "Patientin"], "M": ["männlich", "Patient"], "Fc": ["Mädchen", "weiblich"],
           "Mc": ["Junge", "männlich"]}
SEXEND = {"F": "", "M": "r"}
EMAIL_TEXT = ["Rückfragen an {email}.", "Kontakt Befundung: {email}"]


def header(variant: int) -> list[str]:
    if variant == 0:
        return ["{inst}", "Institut für Diagnostische und Interventionelle Radiologie",
                "Patient: {name_last_first}, geb. {dob}, PID {pid}",
                "Untersuchung vom {date}, Auftragsnr. {acc}", "Zuweiser: {ref}"]
    if variant == 1:
        return ["RADIOLOGISCHER BEFUND", "Name: {name}  Geb.-Dat.: {dob}", "Pat.-Nr.: {pid}  Auftrag: {acc}",
                "Datum: {date}  Überweiser: {ref}"]
    return ["{inst} – {addr}", "Pat.: {name} (*{dob}), ID {pid}", "Unters.-Nr. {acc} vom {date}, Zuw.: {ref}"]

EPONYM = {
    "mason1": ["f:Radiusköpfchenfraktur Typ Mason I", "f:Mason-I-Fraktur des Radiusköpfchens",
               "f:Radiuskopffraktur (Mason I)"],
    "mason2": ["f:Radiusköpfchenfraktur Typ Mason II", "f:Mason-II-Fraktur", "f:Radiuskopffraktur Mason II"],
    "mason3": ["f:Radiusköpfchenfraktur Typ Mason III", "f:Mason-III-Fraktur des Radiusköpfchens"],
    "bennett": ["f:Bennett-Fraktur", "f:Bennett-Fraktur der MHK-I-Basis", "f:Fraktur Typ Bennett"],
    "rolando": ["f:Rolando-Fraktur", "f:Rolando-Fraktur der Metakarpale-I-Basis"],
    "tossy2": ["f:AC-Gelenkverletzung Tossy II", "f:Rockwood-II-Verletzung des AC-Gelenks",
               "f:Schultereckgelenkverletzung Typ Tossy II"],
    "tossy3": ["f:AC-Gelenksprengung Tossy III", "f:Schultereckgelenksprengung Typ Rockwood III",
               "f:Rockwood-III-Verletzung", "f:ACG-Sprengung Tossy III"],
}
ADJ_POS = {"displaced": ["dislozierte"], "comminuted": ["mehrfragmentäre"], "intraarticular": ["intraartikuläre"]}
