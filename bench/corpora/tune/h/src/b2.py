from mk import R, write
T, U = "true", "uncertain"
recs = []

recs.append(R("HH-021", "thumb", "de", "de-uniklinik-befund", """Universitätsklinikum Freiburg · Klinik für Diagnostische und Interventionelle Radiologie · Hugstetter Str. 55, 79106 Freiburg
Patientin: Szabó-Kovács, Eszter   geb. 19.10.1968   Auftrags-Nr. FR-RAD-2026-0117
Röntgen Daumen rechts in 2 Ebenen, 16.01.2026
Einsender: Unfallchirurgie, Dr. Matthias Armbruster

Klinische Angaben: Sturz auf die Faust bei Glatteis. Bennett-Fraktur?

Befund:
Mehrfragmentäre, intraartikuläre Fraktur der Basis des Os metacarpale I mit Y-förmigem Frakturverlauf und Impression der Gelenkfläche. Dorsoradiale Subluxation des Schaftes im Daumensattelgelenk. Grund- und Endglied intakt. MCP- und IP-Gelenk regelrecht. Weichteilschwellung thenar.

Beurteilung:
Rolando-Fraktur (Trümmerfraktur der MC-I-Basis) rechts mit Subluxation im CMC-I-Gelenk. Keine Bennett-Fraktur im engeren Sinne.

Dr. med. Jonas Weiß, Assistenzarzt / PD Dr. med. Ruth Winter, Oberärztin""",
  [("Universitätsklinikum Freiburg", "institution"), ("Hugstetter Str. 55, 79106 Freiburg", "address"),
   ("Szabó-Kovács, Eszter", "patient_name"), ("19.10.1968", "date"), ("FR-RAD-2026-0117", "id"),
   ("16.01.2026", "date"), ("Matthias Armbruster", "clinician_name"), ("Jonas Weiß", "clinician_name"),
   ("Ruth Winter", "clinician_name")],
  keep=["Rolando-Fraktur", "Bennett-Fraktur"],
  labels={"fracture": T, "fracture_comminuted": T, "metacarpal1_fracture": T,
          "metacarpal1_fracture_comminuted": T, "joint_subluxation": T, "cmc_joint_subluxation": T,
          "swelling_dactylitis": T},
  columns={"patient_name": "SZABO-KOVACS^ESZTER", "patient_id": "FR00399127", "birth_date": "1968-10-19",
           "exam_date": "2026-01-16", "accession_number": "FR-RAD-2026-0117",
           "referring_physician": "ARMBRUSTER^MATTHIAS"}))

recs.append(R("HH-022", "elbow", "en", "us-urgent-care-addendum", """CityMD Urgent Care — 31-09 Ditmars Blvd, Astoria, NY 11105
PATIENT: NGUYEN, THI HONG   DOB: 07/30/1983   MRN: CMD-5531-0978
EXAM: XR ELBOW 2 VIEWS LEFT   DOS: 03/11/2026
CLINICIAN: Brandon Feltz, PA-C
HX: FOOSH at gym, pain with supination
FINDINGS: No acute fracture identified. No elbow joint effusion. Alignment normal.
IMPRESSION: No acute osseous abnormality.
Prelim read: J. Castellano, MD

ADDENDUM 03/11/2026: On re-review with the lateral view windowed, there is a subtle cortical step-off at the radial neck, suspicious for a nondisplaced radial neck fracture. A small anterior fat pad elevation is also questioned. Recommend immobilization and repeat radiographs in 7-10 days. Discussed with Brandon Feltz PA-C by phone at 14:32 on 03/11/2026, who will call the patient back. -- J. Castellano, MD""",
  [("CityMD Urgent Care", "institution"), ("31-09 Ditmars Blvd, Astoria, NY 11105", "address"),
   ("NGUYEN, THI HONG", "patient_name"), ("07/30/1983", "date"), ("CMD-5531-0978", "id"),
   ("03/11/2026", "date"), ("Brandon Feltz", "clinician_name"), ("J. Castellano", "clinician_name")],
  labels={"fracture": U, "radius_fracture": U, "radial_neck_fracture": U, "fat_pad_sign": U}))

recs.append(R("HH-023", "clavicle", "de", "de-gemeinschaftspraxis-neer", """Radiologisches Zentrum Ruhr – Praxis Dr. Wolf, Dr. Koch, Dr. Arm
Kortumstraße 45, 44787 Bochum | Tel 0234 / 96 41 70 | Fax 0234 / 96 41 79 | praxis@rz-ruhr.de

Pat.: Frank May, geb. 01.05.1977
Röntgen linke Klavikula a.p. und 30° kranial gekippt, 27.01.2026
Überw.: Dr. Winter (HA)

Fragestellung: Sturz vom Fahrrad, Schmerz laterale Klavikula. Frakt.?

Befund:
Fraktur der lateralen Klavikula unmittelbar medial der korakoklavikulären Bandansätze, mit Hochstand des medialen Fragmentes um ca. 1 Schaftbreite und Erweiterung des korakoklavikulären Abstands. Kein weiteres Fragment. AC-Gelenk selbst kongruent. SC-Gelenk unauffällig.

Beurteilung:
Dislozierte laterale Klavikulafraktur links, Typ Neer II (Jäger/Breitner II).

Dr. Th. Koch""",
  [("Radiologisches Zentrum Ruhr – Praxis Dr. Wolf, Dr. Koch, Dr. Arm", "institution"),
   ("Kortumstraße 45, 44787 Bochum", "address"), ("0234 / 96 41 70", "phone"), ("0234 / 96 41 79", "phone"),
   ("praxis@rz-ruhr.de", "email"), ("Frank May", "patient_name"), ("01.05.1977", "date"),
   ("27.01.2026", "date"), ("Winter", "clinician_name"), ("Th. Koch", "clinician_name")],
  keep=["Neer II", "Jäger/Breitner II"],
  labels={"fracture": T, "fracture_lateral_third": T, "fracture_displaced": T}))

recs.append(R("HH-024", "thumb", "en", "pk-hospital-terse", """Aga Khan University Hospital, Karachi — Radiology
Stadium Road, Karachi 74800 | UAN 111-911-911
Pt: Zainab Bibi d/o Ghulam Rasool | MR No. 447-19-82 | 22Y F
X-ray L thumb AP/Lat, 02-03-2026
Ref: Dr Hamza Siddiqui (ER)
Indication: door injury, swelling?
Report: Bones are normally mineralised. No fracture or dislocation. Joint spaces maintained. No soft tissue swelling or radio-opaque foreign body.
Impression: Normal study.
Dr. Mahnoor Qureshi, Resident Radiology / Dr. Imran Ali Khan, Consultant""",
  [("Aga Khan University Hospital", "institution"), ("Stadium Road, Karachi 74800", "address"),
   ("111-911-911", "phone"), ("Zainab Bibi", "patient_name"), ("Ghulam Rasool", "other_name"),
   ("447-19-82", "id"), ("22Y", "age"), ("02-03-2026", "date"), ("Hamza Siddiqui", "clinician_name"),
   ("Mahnoor Qureshi", "clinician_name"), ("Imran Ali Khan", "clinician_name")],
  labels={}))

recs.append(R("HH-025", "elbow", "de", "it-suedtirol-paeds", """Krankenhaus Brixen – Radiologie / Ospedale di Bressanone – Radiologia
Dantestraße 51, 39042 Brixen
Patient: Mair am Tinkhof Lukas (7 J.) – Eltern: Verena und Florian Mair am Tinkhof
Datum: 15/02/2026   Rx Ellbogen rechts 2 Ebenen
Ordinierender Arzt: Dr. Giulia Bernardi, Pädiatrie

Anamnese: Sturz vom Klettergerüst. Ellbogen geschwollen.

Befund: Schräg verlaufende Frakturlinie durch den Condylus radialis humeri, die lateral der Trochlea in das Gelenk zieht (Milch II). Das Fragment erscheint um ca. 1–2 mm nach lateral versetzt, eine relevante Dislokation ist auf diesen Aufnahmen nicht sicher auszuschließen. Positives vorderes und hinteres Fettpolsterzeichen. Radiuskopf regelrecht zum Capitulum eingestellt. Epiphysenfugen altersentsprechend.

Beurteilung: Fraktur des Condylus radialis humeri rechts Typ Milch II mit Gelenkbeteiligung, fragliche Dislokation – ggf. Schrägaufnahmen bzw. MRT. Gelenkerguss.

Dr. Thomas Gasser""",
  [("Krankenhaus Brixen", "institution"), ("Ospedale di Bressanone", "institution"),
   ("Dantestraße 51, 39042 Brixen", "address"), ("Mair am Tinkhof Lukas", "patient_name"), ("7 J.", "age"),
   ("Verena", "other_name"), ("Florian Mair am Tinkhof", "other_name"), ("15/02/2026", "date"),
   ("Giulia Bernardi", "clinician_name"), ("Thomas Gasser", "clinician_name")],
  keep=["Milch II"],
  labels={"fracture": T, "distal_humerus_fracture": T, "distal_humerus_fracture_intraarticular": T,
          "distal_humerus_fracture_displaced": U, "fat_pad_sign": T}))

recs.append(R("HH-026", "clavicle", "en", "ca-hospital-prose", """Vancouver Coastal Health — Lions Gate Hospital, Medical Imaging
231 East 15th Street, North Vancouver, BC V7L 2L7
Name: KING, Rosalind May   PHN: 9876 543 210   DOB: 1949-Jun-02
Exam: XR CLAVICLE RIGHT   Date: 2026-Feb-09   Acc: LGH-XR-260209-0114
Ordered by: Dr. Harjit Sandhu

Clinical: 76F, anterior swelling over R sternoclavicular joint, no trauma. ?mass

Findings: Narrowing of the right sternoclavicular joint with subchondral sclerosis and small osteophytes at the medial clavicular head, in keeping with degenerative change. No lytic lesion or periosteal reaction. There is a 7 mm well-circumscribed sclerotic focus in the medial clavicular metaphysis, likely a bone island. No fracture. The AC joint is unremarkable. No soft tissue mass is identified radiographically, though radiographs are insensitive; ultrasound could be considered if clinically palpable.

Impression:
1. Degenerative right sternoclavicular joint, which likely accounts for the palpable prominence.
2. Small sclerotic focus medial clavicle, likely bone island.

Dr. Émilie Rousseau-Foot, FRCPC""",
  [("Vancouver Coastal Health", "institution"), ("Lions Gate Hospital", "institution"),
   ("231 East 15th Street, North Vancouver, BC V7L 2L7", "address"), ("KING, Rosalind May", "patient_name"),
   ("9876 543 210", "id"), ("1949-Jun-02", "date"), ("2026-Feb-09", "date"), ("LGH-XR-260209-0114", "id"),
   ("Harjit Sandhu", "clinician_name"), ("76F", "age"), ("Émilie Rousseau-Foot", "clinician_name")],
  labels={"joint_degeneration": T, "sc_joint_degeneration": T, "sc_joint_space_narrowed": T,
          "sclerotic_lesion": T},
  columns={"patient_name": "KING^ROSALIND^MAY", "patient_id": "9876543210", "birth_date": "1949-06-02",
           "exam_date": "2026-02-09", "accession_number": "LGH-XR-260209-0114",
           "referring_physician": "SANDHU^HARJIT"}))

recs.append(R("HH-027", "thumb", "de", "ch-institut-kurz", """Röntgeninstitut Oerlikon AG · Schaffhauserstrasse 355 · 8050 Zürich · 044 315 60 60
Pat.: Brun\u200bner Seraina, 14.7.1999, Vers.-Karte 80756 0001 2345 6789
Rx Daumen links dp/seitl., 03.03.2026
Zuw.: Praxis Dr. med. Urs Gerber, Wallisellen
Angaben: Snowboard-Sturz, Druckdolenz MCP I ulnar, Skidaumen?
Befund: Keine Fraktur, insbes. kein knöcherner Ausriss an der Basis der Grundphalanx ulnar. Gelenke kongruent. Keine Weichteilverkalkungen.
Beurteilung: Ossär unauffällig. Bei klinischem V.a. UCL-Läsion Sonographie empfohlen.
Dr. med. Reto Hand""",
  [("Röntgeninstitut Oerlikon AG", "institution"), ("Schaffhauserstrasse 355 · 8050 Zürich", "address"),
   ("044 315 60 60", "phone"), ("Brun\u200bner Seraina", "patient_name"), ("14.7.1999", "date"),
   ("80756 0001 2345 6789", "id"), ("03.03.2026", "date"), ("Urs Gerber", "clinician_name"),
   ("Wallisellen", "address"), ("Reto Hand", "clinician_name")],
  labels={},
  columns={"patient_name": "BRUNNER^SERAINA", "birth_date": "1999-07-14", "exam_date": "2026-03-03",
           "referring_physician": "GERBER^URS"}))

recs.append(R("HH-028", "elbow", "en", "in-imaging-centre-bullets", """KAMAL IMAGING & DIAGNOSTICS
S-12, Greater Kailash Part 1, New Delhi 110048 · Tel 011-4165 2290 · www.kamalimaging.in
Patient: Ms. Ananya Iyer   Age: 19 years   Sex: F   UHID: KID2600391
Referred by: Dr. Vikram Bose
Date of study: 28/01/2026

X-RAY LEFT ELBOW (AP AND LATERAL)

Findings:
- Old healed supracondylar fracture of the humerus is noted, with remodelling and near-anatomical alignment.
- A sessile bony outgrowth is seen arising from the medial aspect of the distal humeral metaphysis, pointing away from the joint, likely an osteochondroma (exostosis).
- Elbow joint space is maintained. No joint effusion.
- No evidence of acute fracture.

Impression:
1. Healed supracondylar fracture of humerus.
2. Sessile exostosis distal humerus - likely osteochondroma.

Dr. Ritu Malhotra, MD (Radiodiagnosis)""",
  [("KAMAL IMAGING & DIAGNOSTICS", "institution"), ("S-12, Greater Kailash Part 1, New Delhi 110048", "address"),
   ("011-4165 2290", "phone"), ("www.kamalimaging.in", "url"), ("Ananya Iyer", "patient_name"),
   ("19 years", "age"), ("KID2600391", "id"), ("Vikram Bose", "clinician_name"), ("28/01/2026", "date"),
   ("Ritu Malhotra", "clinician_name")],
  labels={"fracture": T, "distal_humerus_fracture": T, "exostosis": T}))

recs.append(R("HH-029", "clavicle", "de", "lu-chem-kurz", """Centre Hospitalier Emile Mayrisch – Service de Radiologie
rue Emile Mayrisch, L-4240 Esch-sur-Alzette
Patient: Mu\u0308ller-Weis, Romain   geb. 22/11/1963   Matricule: 196311224****
Rx Klavikula rechts 2 Ebenen vom 19.02.2026
Anfordernd: Dr. Nathalie Thill, Urgences
Klinik: Schlag auf die Schulter beim Fußball, Prellmarke.
Befund: Regelrechte Darstellung der rechten Klavikula. Keine Fraktur. AC-Gelenk und SC-Gelenk regelrecht artikulierend. Keine Weichteilverkalkung.
Beurteilung: Unauffälliger Befund.
Dr. Pol Reding""",
  [("Centre Hospitalier Emile Mayrisch", "institution"), ("rue Emile Mayrisch, L-4240 Esch-sur-Alzette", "address"),
   ("Mu\u0308ller-Weis, Romain", "patient_name"), ("22/11/1963", "date"), ("196311224****", "id"),
   ("19.02.2026", "date"), ("Nathalie Thill", "clinician_name"), ("Pol Reding", "clinician_name")],
  labels={}))

recs.append(R("HH-030", "thumb", "en", "ph-university-hospital", """PHILIPPINE GENERAL HOSPITAL – Department of Radiology
Taft Avenue, Ermita, Manila 1000
Name: REYES, JUAN MIGUEL JR. P.   Age/Sex: 24/M   Case No. 26-004417
Requested by: Dr. Angeline Dizon-Tan, Orthopedics Resident
Date of exam: 03/09/2026

RADIOGRAPH OF THE RIGHT THUMB, AP AND LATERAL

The distal phalanx is dislocated dorsally relative to the proximal phalanx at the interphalangeal joint. A tiny bony fleck at the volar base of the distal phalanx may represent a small avulsion fragment from the volar plate. MCP and CMC joints are intact. Soft tissue swelling about the IP joint.

IMPRESSION:
Dorsal dislocation of the IP joint of the right thumb.
Possible small volar plate avulsion fracture, base of distal phalanx.

JOSEPHINE C. LIM-MACARAEG, MD
Consultant Radiologist""",
  [("PHILIPPINE GENERAL HOSPITAL", "institution"), ("Taft Avenue, Ermita, Manila 1000", "address"),
   ("REYES, JUAN MIGUEL JR. P.", "patient_name"), ("24", "age"), ("26-004417", "id"),
   ("Angeline Dizon-Tan", "clinician_name"), ("03/09/2026", "date"),
   ("JOSEPHINE C. LIM-MACARAEG", "clinician_name")],
  labels={"joint_dislocation": T, "ip_joint_dislocation": T, "fracture": U, "distal_phalanx_fracture": U,
          "swelling_dactylitis": T}))

recs.append(R("HH-031", "elbow", "de", "de-kreisklinik-normal", """Kreisklinik Wolfratshausen – Röntgen
Pat. wolf, annegret (w, 67)  Geb.-Dat. 09.09.58
Aufn.-Nr. 26-01177
Rö. Ellbogen re. 2 Ebenen am 10.1.2026, 18:40
Klin.: häusl. Sturz, Fehlstellung? V.a. Luxation. Pat. gibt an, mit dem Ellbogen an die Kante der Badewanne geschlagen zu sein.
Befund: Regelrechte Gelenkstellung, keine Luxation. Kein Frakturnachweis. Kein Gelenkerguss. Weichteilkontusion ohne knöcherne Beteiligung. Gelenkspalten normal weit.
Beurteilung: Altersentsprechender Normalbefund, insbes. keine Luxation.
gez. Dr. Bärbel Schmid-Kopf (Oberärztin) / Dict. MS""",
  [("Kreisklinik Wolfratshausen", "institution"), ("wolf, annegret", "patient_name"), ("w, 67", "age"),
   ("09.09.58", "date"), ("26-01177", "id"), ("10.1.2026", "date"),
   ("Bärbel Schmid-Kopf", "clinician_name"), ("MS", "other_name")],
  labels={}))

recs.append(R("HH-032", "clavicle", "en", "uk-one-liner", """XR R CLAVICLE 06/02/26 — Royal Gwent Hospital
Hx: ?# after fall from horse.
No fracture. AC and SC joints normally aligned.
Dr Ffion Hughes""",
  [("06/02/26", "date"), ("Royal Gwent Hospital", "institution"), ("Ffion Hughes", "clinician_name")],
  labels={},
  columns={"patient_name": "PRITCHARD^CARWYN", "patient_id": "N3318842", "birth_date": "1958-12-01",
           "exam_date": "2026-02-06", "accession_number": "RGH2600218843"}))

recs.append(R("HH-033", "thumb", "de", "de-uniklinik-nummeriert", """Universitätsklinikum Hamburg-Eppendorf (UKE), Klinik und Poliklinik für Diagnostische und Interventionelle Radiologie
Martinistraße 52, 20246 Hamburg
Patientin: Jankowski, Grażyna   *1956-02-14   PID 100482271
Untersuchung: Röntgen Daumen links 2 Ebenen   Datum: 13.02.2026
Anforderung: Rheumatologie, Dr. Hendrik Voß
Fragestellung: Akute Schmerzen und Rötung Daumengrundgelenk, Gicht? Chondrokalzinose?

Befund:
Schollige, amorphe Verkalkung periartikulär radial des MCP-Gelenkes, ca. 6 mm, am ehesten Hydroxylapatit-Ablagerung (DD verkalkter Gichttophus). Geringe Gelenkspaltverschmälerung im MCP-Gelenk mit kleinen marginalen Osteophyten. Kein Hinweis auf Erosionen. Weichteilschwellung um das MCP-Gelenk. Miterfasste Langfinger mit Heberden-Arthrose der DIP-Gelenke D2 und D3.

Beurteilung:
1. Periartikuläre Weichteilverkalkung am MCP-Gelenk D1, am ehesten kalzifizierende Periarthritis (HADD).
2. Geringe Arthrose des Daumengrundgelenks.
3. Nebenbefundlich Heberden-Arthrose D2/D3.

Dr. Małgorzata Nowicka, Fachärztin für Radiologie""",
  [("Universitätsklinikum Hamburg-Eppendorf", "institution"), ("UKE", "institution"),
   ("Martinistraße 52, 20246 Hamburg", "address"), ("Jankowski, Grażyna", "patient_name"),
   ("1956-02-14", "date"), ("100482271", "id"), ("13.02.2026", "date"), ("Hendrik Voß", "clinician_name"),
   ("Małgorzata Nowicka", "clinician_name")],
  keep=["Heberden-Arthrose"],
  labels={"soft_tissue_calcification": T, "joint_degeneration": T, "mcp_joint_degeneration": T,
          "swelling_dactylitis": T},
  columns={"patient_name": "JANKOWSKI^GRAZYNA", "patient_id": "100482271", "birth_date": "1956-02-14",
           "exam_date": "2026-02-13", "referring_physician": "VOSS^HENDRIK"}))

recs.append(R("HH-034", "elbow", "en", "us-academic-attestation", """OHSU Department of Diagnostic Radiology
3181 SW Sam Jackson Park Rd, Portland, OR 97239
Name: HAND, Rebecca L. (Becky)   MRN 0092-4418-7   DOB 11/22/2004   Age 21
Accession 26XR0193377 | Exam date 02/14/2026 | Location: ED
Ordering: Amit Venkataraman, MD

EXAM: Elbow, right, 3 views
HISTORY: 21-year-old female, fall on outstretched hand playing hockey. Tender radial head.
COMPARISON: None available.

FINDINGS:
Nondisplaced vertically oriented fracture through the lateral aspect of the radial head, involving approximately 20% of the articular surface, without articular step-off. Questionable subtle elevation of the anterior fat pad; no posterior fat pad. Humeroulnar and radiocapitellar alignment normal. Coronoid and olecranon intact.

IMPRESSION:
Nondisplaced radial head fracture (Mason type I). Equivocal small joint effusion.

Attestation: I have reviewed the images and agree with the report as edited.
Resident: Tomasz Wiśniewski, MD
Attending: Olufunmilayo Adeyemi-Stone, MD
Signed 02/14/2026 19:03""",
  [("OHSU", "institution"), ("3181 SW Sam Jackson Park Rd, Portland, OR 97239", "address"),
   ("HAND, Rebecca L.", "patient_name"), ("Becky", "patient_name"), ("0092-4418-7", "id"),
   ("11/22/2004", "date"), ("Age 21", "age"), ("26XR0193377", "id"), ("02/14/2026", "date"),
   ("Amit Venkataraman", "clinician_name"), ("21-year-old", "age"), ("Tomasz Wiśniewski", "clinician_name"),
   ("Olufunmilayo Adeyemi-Stone", "clinician_name")],
  keep=["Mason type I"],
  labels={"fracture": T, "radius_fracture": T, "radial_head_fracture": T, "fat_pad_sign": U},
  columns={"patient_name": "HAND^REBECCA^L", "patient_id": "009244187", "birth_date": "2004-11-22",
           "exam_date": "2026-02-14", "accession_number": "26XR0193377",
           "referring_physician": "VENKATARAMAN^AMIT"}))

recs.append(R("HH-035", "clavicle", "de", "it-suedtirol-geriatrie", """Krankenhaus Meran – Ospedale di Merano, Radiologie
Rossinistraße 5, 39012 Meran · Tel. 0473 26 33 33
Pat.: Pircher Anna Maria, *08/04/1941, 84 J. – Begleitperson: Tochter Monika Pircher-Gruber
Rx Sternoklavikulargelenke / Klavikula li. 2 Eb. 03.02.2026
Überweiser: Dr. Alessandro De Rossi
Anamnese: Sturz in der Wohnung auf die linke Schulter, Schmerzen parasternal.

Befund: Nicht dislozierte Fraktur im medialen Drittel der linken Klavikula, etwa 2 cm lateral des SC-Gelenks. Das SC-Gelenk links erscheint gering asymmetrisch, eine Subluxation ist auf den Projektionsaufnahmen nicht sicher auszuschließen. Ausgeprägte degenerative Veränderungen beider SC-Gelenke mit Gelenkspaltverschmälerung. Osteopenie.

Beurteilung: Unverschobene mediale Klavikulafraktur links. V.a. Subluxation im SC-Gelenk li., CT empfohlen. SC-Arthrose bds.

Dr. Martina Oberrauch""",
  [("Krankenhaus Meran", "institution"), ("Ospedale di Merano", "institution"),
   ("Rossinistraße 5, 39012 Meran", "address"), ("0473 26 33 33", "phone"),
   ("Pircher Anna Maria", "patient_name"), ("08/04/1941", "date"), ("84 J.", "age"),
   ("Monika Pircher-Gruber", "other_name"), ("03.02.2026", "date"), ("Alessandro De Rossi", "clinician_name"),
   ("Martina Oberrauch", "clinician_name")],
  labels={"fracture": T, "fracture_medial_third": T, "joint_subluxation": U, "sc_joint_subluxation": U,
          "joint_degeneration": T, "sc_joint_degeneration": T, "sc_joint_space_narrowed": T}))

recs.append(R("HH-036", "thumb", "en", "ie-paeds-normal", """Children's Health Ireland at Temple Street, Dublin 1
Radiology Report
Patient: Saoirse Nic an tSionnaigh (age 11)   MRN: CHI-T-0774122
Exam: L thumb x2 views   18/01/2026
Hx: Caught thumb in car door. Attended with mum, Deirdre. ?#
Findings: No fracture. The physes are normal for age. Normal alignment. No radio-opaque FB.
Opinion: Normal.
Reported: Dr Conor Mac Suibhne, Paediatric Radiology SpR / verified Dr. Rosemary Legg""",
  [("Children's Health Ireland at Temple Street", "institution"), ("Dublin 1", "address"),
   ("Saoirse Nic an tSionnaigh", "patient_name"), ("age 11", "age"), ("CHI-T-0774122", "id"),
   ("18/01/2026", "date"), ("Deirdre", "other_name"), ("Conor Mac Suibhne", "clinician_name"),
   ("Rosemary Legg", "clinician_name")],
  labels={}))

recs.append(R("HH-037", "elbow", "de", "de-praxis-paeds", """Kinderorthopädie & Radiologie im Zentrum – Dr. med. Helga Fuß
Hauptstraße 12, 67433 Neustadt an der Weinstraße
Tel. 06321 / 48 77-0, Fax -20
Kind: Emir Kaya, 8 J. (geb. 2017-09-30), vertreten durch Vater Murat Kaya
Datum: 07.03.2026

Rö Ellenbogen rechts, a.p. + seitlich

Klinik: Sturz beim Inlinern auf die ausgestreckte Hand. Schonhaltung.

Befund: Fraktur durch die proximale Radiusepiphysenfuge mit metaphysärem Keil (Salter-Harris II), Abkippung des Radiuskopfes um ca. 20° nach lateral und geringe Seitverschiebung. Radiuskopf zum Capitulum noch zentriert. Vorderes und hinteres Fettpolster angehoben. Übrige Ossifikationszentren altersentsprechend, Epicondylus ulnaris regelrecht. Olecranon und Proc. coronoideus intakt.

Beurteilung: Radiushalsfraktur rechts, Salter-Harris II, Abkippung ca. 20°. Gelenkerguss.

H. Fuß""",
  [("Kinderorthopädie & Radiologie im Zentrum", "institution"), ("Helga Fuß", "clinician_name"),
   ("Hauptstraße 12, 67433 Neustadt an der Weinstraße", "address"), ("06321 / 48 77-0", "phone"),
   ("Fax -20", "phone"), ("Emir Kaya", "patient_name"), ("8 J.", "age"), ("2017-09-30", "date"),
   ("Murat Kaya", "other_name"), ("07.03.2026", "date"), ("H. Fuß", "clinician_name")],
  keep=["Salter-Harris II"],
  labels={"fracture": T, "radius_fracture": T, "radial_neck_fracture": T, "radial_neck_fracture_displaced": T,
          "fat_pad_sign": T}))

recs.append(R("HH-038", "clavicle", "de", "caps-teleradiology-de", """TELERAD NORD GMBH – BEFUNDBERICHT
EINSENDER: HELIOS KLINIKUM SCHWERIN, NOTAUFNAHME
PATIENT: KNOCHENHAUER, HEIKO | GEB: 30.01.1982 | AUFTRAG: TRN-26-077913
UNTERSUCHUNG: RÖ KLAVIKULA LINKS 1 EBENE, 22.02.2026 23:51
FRAGESTELLUNG: RASANZTRAUMA MOTORRAD, FRAKTUR? ACG?
BEFUND: KEIN NACHWEIS EINER FRAKTUR DER LINKEN KLAVIKULA. AC- UND SC-GELENK REGELRECHT ARTIKULIERT, KEIN HÖHENVERSATZ. KEINE WEICHTEILSCHWELLUNG. MITERFASSTE OBERE RIPPEN OHNE DISLOZIERTE FRAKTUR, KEIN PNEUMOTHORAX IM AUSSCHNITT.
BEURTEILUNG: UNAUFFÄLLIGE KLAVIKULA LINKS.
FACHARZT: DR. MED. JÖRG-PETER ARMBRUST
ÜBERMITTELT AN DIENSTHABENDEN ARZT DR. OKONKWO 00:07""",
  [("TELERAD NORD GMBH", "institution"), ("HELIOS KLINIKUM SCHWERIN", "institution"),
   ("KNOCHENHAUER, HEIKO", "patient_name"), ("30.01.1982", "date"), ("TRN-26-077913", "id"),
   ("22.02.2026", "date"), ("JÖRG-PETER ARMBRUST", "clinician_name"), ("OKONKWO", "clinician_name")],
  labels={},
  columns={"patient_name": "KNOCHENHAUER^HEIKO", "patient_id": "SN-4471920", "birth_date": "1982-01-30",
           "exam_date": "2026-02-22", "accession_number": "TRN-26-077913"}))

recs.append(R("HH-039", "thumb", "de", "de-kreiskrankenhaus-verlauf", """Kreiskrankenhaus St. Marienberg Helmstedt – Radiologie
Conringstraße 26, 38350 Helmstedt
Pat.: Adamczyk, Bogdan, geb. 5.3.71, Fall 2601-4477
Rö Daumen rechts 2 Eb., 29.01.2026
Klin.: Z.n. K-Draht-Osteosynthese Grundglied D1 re. 10/2025, Drähte 12/25 entfernt. Jetzt Schwellung dorsal, Fremdkörpergefühl. Pat. ist Schlosser.

Befund: Ehemalige Fraktur der Grundphalanx D1 konsolidiert, Frakturlinie noch angedeutet abgrenzbar, achsgerechte Stellung. In den dorsalen Weichteilen über dem Grundglied ein 3 mm langer metalldichter Splitter - am ehesten abgebrochenes Drahtfragment, DD eingesprengter Metallsplitter (Beruf). Gelenkstellungen regelrecht. Weichteilschwellung dorsal.

Beurteilung: Konsolidierte Grundgliedfraktur D1, Frakturlinie noch angedeutet sichtbar. Metalldichte Struktur dorsal, am ehesten Drahtrest, DD Metallsplitter als Fremdkörper.

Dr. med. Piotr Zieliński""",
  [("Kreiskrankenhaus St. Marienberg Helmstedt", "institution"), ("Conringstraße 26, 38350 Helmstedt", "address"),
   ("Adamczyk, Bogdan", "patient_name"), ("5.3.71", "date"), ("2601-4477", "id"), ("29.01.2026", "date"),
   ("10/2025", "date"), ("12/25", "date"), ("Piotr Zieliński", "clinician_name")],
  keep=["K-Draht"],
  labels={"fracture": T, "proximal_phalanx_fracture": T, "foreign_body": U, "swelling_dactylitis": T}))

recs.append(R("HH-040", "elbow", "en", "pk-hospital-out-of-region", """Shifa International Hospitals Ltd., H-8/4, Islamabad
Department of Radiology
Patient: Ayesha Malik | MRN 21-887-403 | 45 years F | 12/01/2026
Referred by: Dr. Bilal Ahmed Khan, Orthopaedics
Examination: X-ray right elbow AP & lateral

Clinical history: fall from stairs. Pain elbow and wrist.
Findings: No fracture or dislocation of the elbow. No joint effusion (fat pads normal). Joint space preserved. No periarticular calcification.
Note: Right wrist radiograph performed the same day shows a minimally displaced distal radius fracture with ulnar styloid avulsion - reported separately.
Impression: Normal right elbow.
Dr. Saima Rehman, FCPS (Radiology)""",
  [("Shifa International Hospitals Ltd.", "institution"), ("H-8/4, Islamabad", "address"),
   ("Ayesha Malik", "patient_name"), ("21-887-403", "id"), ("45 years", "age"), ("12/01/2026", "date"),
   ("Bilal Ahmed Khan", "clinician_name"), ("Saima Rehman", "clinician_name")],
  labels={}))

write("/work/corpora/heldout3/h/batch-02.jsonl", recs)
print("ok")
