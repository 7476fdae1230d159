from mk import R, write
T, U = "true", "uncertain"
recs = []

recs.append(R("HH-061", "thumb", "de", "de-praxis-einzeiler", """Radiologie Fuchs · Bein · Kaiser – Gemeinschaftspraxis, Schillerplatz 2, 99084 Erfurt
Daumen re. 2 Eb., 12.03.2026, Pat. Lindner, Kevin (*1998)
Bennett-Fraktur re. Ansonsten o.B.
Dr. S. Kaiser""",
  [("Radiologie Fuchs · Bein · Kaiser – Gemeinschaftspraxis", "institution"),
   ("Schillerplatz 2, 99084 Erfurt", "address"), ("12.03.2026", "date"), ("Lindner, Kevin", "patient_name"),
   ("1998", "date"), ("S. Kaiser", "clinician_name")],
  keep=["Bennett-Fraktur"],
  labels={"fracture": T, "metacarpal1_fracture": T},
  columns={"patient_name": "LINDNER^KEVIN", "patient_id": "PX-0048812", "birth_date": "1998-04-23",
           "exam_date": "2026-03-12"}))

recs.append(R("HH-062", "elbow", "en", "us-academic-long-oncology", """THE JOHNS HOPKINS HOSPITAL — DEPARTMENT OF RADIOLOGY AND RADIOLOGICAL SCIENCE
600 N. Wolfe Street, Baltimore, MD 21287

Patient: FOOT, Desmond A.
MRN: JH-4471-0093
DOB: 02/11/1967 (58 y.o. male)
Accession: 88120447
Exam: XR ELBOW RIGHT, 3 VIEWS
Exam date/time: 02/03/2026 10:22
Ordering provider: Naledi Mokoena-Smith, MD (Orthopaedic Oncology)
cc: Dr. Jacob Kessler (PCP), Hope Medical Associates, Towson

CLINICAL HISTORY: 58-year-old man with 2 months of progressive posterior elbow pain and a palpable firm swelling. History of renal cell carcinoma (nephrectomy 2023). Evaluate for metastasis.

COMPARISON: None.

TECHNIQUE: AP, lateral and oblique views of the right elbow.

FINDINGS:
Bones: There is an expansile, geographic lytic lesion in the proximal ulnar metaphysis extending into the olecranon, measuring approximately 3.4 x 2.1 cm, with a narrow zone of transition but a poorly defined posterior margin. The dorsal cortex appears thinned and possibly breached. No definite pathologic fracture. No periosteal reaction.
Joints: Humeroulnar and radiocapitellar alignment is normal. Joint spaces are preserved. No joint effusion.
Soft tissues: Fullness of the posterior soft tissues adjacent to the lesion may represent an associated soft tissue mass. No soft tissue calcification. No radiopaque foreign body.

IMPRESSION:
1. Expansile lytic lesion of the proximal ulna/olecranon. In this patient with renal cell carcinoma, a metastasis is the leading consideration; plasmacytoma is a differential consideration.
2. Possible cortical breach with associated posterior soft tissue mass. MRI with and without contrast recommended.
3. No pathologic fracture.

RESIDENT: Anh Thu Pham, MD
ATTENDING ATTESTATION: I have personally reviewed the images and agree with the resident's interpretation. Arash Tehrani, MD
Final: 02/03/2026 14:50""",
  [("THE JOHNS HOPKINS HOSPITAL", "institution"), ("600 N. Wolfe Street, Baltimore, MD 21287", "address"),
   ("FOOT, Desmond A.", "patient_name"), ("JH-4471-0093", "id"), ("02/11/1967", "date"), ("58 y.o.", "age"),
   ("88120447", "id"), ("02/03/2026", "date"), ("Naledi Mokoena-Smith", "clinician_name"),
   ("Jacob Kessler", "clinician_name"), ("Hope Medical Associates", "institution"), ("Towson", "address"),
   ("58-year-old", "age"), ("2023", "date"), ("Anh Thu Pham", "clinician_name"), ("Arash Tehrani", "clinician_name")],
  labels={"lytic_lesion": T, "soft_tissue_mass": U},
  columns={"patient_name": "FOOT^DESMOND^A", "patient_id": "JH-4471-0093", "birth_date": "1967-02-11",
           "exam_date": "2026-02-03", "accession_number": "88120447",
           "referring_physician": "MOKOENA-SMITH^NALEDI"}))

recs.append(R("HH-063", "clavicle", "de", "de-uniklinik-nummeriert", """Universitätsklinikum Carl Gustav Carus Dresden · Institut und Poliklinik für Diagnostische und Interventionelle Radiologie
Fetscherstraße 74, 01307 Dresden
Patient: Hering, Maximilian · geb. 19.02.2003 · PID 2004718830
Untersuchung: Röntgen Klavikula rechts in 2 Ebenen · 24.02.2026 · Acc. DD-26-0194471

Klinische Angaben: Rugby-Tackle, Schmerz laterale Klavikula, V.a. ACG-Sprengung.

Befund: Nicht dislozierte Querfraktur der lateralen Klavikula lateral der korakoklavikulären Bänder (Neer I). AC-Gelenk gering inkongruent mit diskretem Höhenversatz; eine begleitende Subluxation im AC-Gelenk ist nicht sicher auszuschließen, DD lagerungsbedingt. Korakoklavikulärer Abstand normal. SC-Gelenk regelrecht.

Beurteilung:
1. Nicht dislozierte laterale Klavikulafraktur rechts (Neer Typ I).
2. V.a. geringe AC-Gelenk-Subluxation, ggf. Belastungsaufnahmen. Keine ACG-Sprengung.

Dr. med. Friederike Bein / Dr. med. Yusuf Çelik""",
  [("Universitätsklinikum Carl Gustav Carus Dresden", "institution"), ("Fetscherstraße 74, 01307 Dresden", "address"),
   ("Hering, Maximilian", "patient_name"), ("19.02.2003", "date"), ("2004718830", "id"), ("24.02.2026", "date"),
   ("DD-26-0194471", "id"), ("Friederike Bein", "clinician_name"), ("Yusuf Çelik", "clinician_name")],
  keep=["Neer I", "Neer Typ I"],
  labels={"fracture": T, "fracture_lateral_third": T, "joint_subluxation": U, "ac_joint_subluxation": U},
  columns={"patient_name": "HERING^MAXIMILIAN", "patient_id": "2004718830", "birth_date": "2003-02-19",
           "exam_date": "2026-02-24", "accession_number": "DD-26-0194471"}))

recs.append(R("HH-064", "elbow", "de", "ch-privatklinik-terse", """Hirslanden Klinik Aarau – Radiologie · Schänisweg 1 · 5001 Aarau
Pat.: Hr. Beat Kopp, 1.2.1957 / Fall 22-88104
Rx Ellbogen re. ap/seitl. 19.01.2026
Zuw.: Dr. Sandro Wyss
Fragestellung: St.n. Sturz, Olecranon-Fx?
Befund: Ossär intakt, keine Fx. Gelenk kongruent, kein Erguss (Fettpolster nicht abgehoben). Weichteile o.B.
Beurteilung: Keine Fx, o.B.
Dr. med. Corinne Hand-Lüthi""",
  [("Hirslanden Klinik Aarau", "institution"), ("Schänisweg 1 · 5001 Aarau", "address"),
   ("Beat Kopp", "patient_name"), ("1.2.1957", "date"), ("22-88104", "id"), ("19.01.2026", "date"),
   ("Sandro Wyss", "clinician_name"), ("Corinne Hand-Lüthi", "clinician_name")],
  labels={}))

recs.append(R("HH-065", "thumb", "de", "it-suedtirol-reposition", """Krankenhaus Sterzing – Ospedale di Vipiteno, Radiologie
Margarethenstraße 24, 39049 Sterzing
Pat.: Kofler Stefan, 41 J.
Rx Daumen li. 2 Eb. 14.01.2026 16:20 / Kontrolle nach Reposition 14.01.2026 17:05
Ordinierender Arzt: Dr. Lorenzo Gallo, Unfallchirurgie
Anamnese: Sturz beim Skifahren am Kronplatz, Fehlstellung Daumen.
Befund 1. Aufnahme: Dorsale Luxation im Daumengrundgelenk, die Grundphalanx steht bajonettförmig dorsal des MC-I-Köpfchens. Kein Frakturnachweis. Weichteilschwellung.
Befund Kontrolle nach Reposition: Regelrechte Stellung im MCP-Gelenk. Weiterhin kein Frakturnachweis.
Beurteilung: Dorsale MCP-Luxation D1 links, nach Reposition regelrechte Stellung ohne knöcherne Begleitverletzung.
Dr. Veronika Plattner""",
  [("Krankenhaus Sterzing", "institution"), ("Ospedale di Vipiteno", "institution"),
   ("Margarethenstraße 24, 39049 Sterzing", "address"), ("Kofler Stefan", "patient_name"), ("41 J.", "age"),
   ("14.01.2026", "date"), ("Lorenzo Gallo", "clinician_name"), ("Veronika Plattner", "clinician_name")],
  labels={"joint_dislocation": T, "mcp_joint_dislocation": T, "swelling_dactylitis": T}))

recs.append(R("HH-066", "clavicle", "en", "in-corporate-hospital-bullets", """Apollo Hospitals, Greams Road, Chennai 600006 — Department of Radiology
Patient Name: Mrs. S. Meenakshi Sundaram   Age/Gender: 67/F   UHID: APC.0098176
Referring Doctor: Dr. R. Balasubramanian   Date: 18-02-2026
X-RAY LEFT CLAVICLE
OBSERVATIONS:
- Subtle cortical irregularity is seen in the medial third of the left clavicle; an undisplaced fracture cannot be ruled out.
- Diffuse osteopenia.
- Left SC joint and AC joint appear normal.
- Degenerative changes noted in the visualised left glenohumeral joint.
IMPRESSION:
Equivocal undisplaced fracture of the medial third of left clavicle. Suggest CT correlation.
Dr. Karthik Subramaniam, MD, DNB""",
  [("Apollo Hospitals", "institution"), ("Greams Road, Chennai 600006", "address"),
   ("S. Meenakshi Sundaram", "patient_name"), ("67", "age"), ("APC.0098176", "id"),
   ("R. Balasubramanian", "clinician_name"), ("18-02-2026", "date"), ("Karthik Subramaniam", "clinician_name")],
  labels={"fracture": U, "fracture_medial_third": U}))

recs.append(R("HH-067", "clavicle", "de", "lu-chl-befund", """Centre Hospitalier de Luxembourg (CHL) – Service de Radiologie
4, rue Ernest Barblé, L-1210 Luxembourg · www.chl.lu
Patient: Da Silva Ferreira, João   Date de naissance: 03.09.1979
Matricule: 1979 0903 458 12
Rx Klavikula + AC-Gelenk rechts, 2 Ebenen – 05.03.2026
Demandeur: Dr. Yves Kieffer
Indication: Schmerzen AC-Gelenk seit Sturz vom Gerüst vor 4 Wochen (Arbeitsunfall, AAA-Nr. 2026/114477).
Befund: Keine frische Fraktur. Os acromiale (Meso-/Metaakromion) rechts als Normvariante. Geringe AC-Gelenkarthrose mit Gelenkspaltverschmälerung und kaudalem Osteophyten. Regelrechte Stellung im AC-Gelenk. Kein Anhalt für Osteolyse.
Beurteilung: Kein Frakturnachweis. Os acromiale. Leichte ACG-Arthrose.
Dr. Sven Wolff""",
  [("Centre Hospitalier de Luxembourg", "institution"), ("CHL", "institution"),
   ("4, rue Ernest Barblé, L-1210 Luxembourg", "address"), ("www.chl.lu", "url"),
   ("Da Silva Ferreira, João", "patient_name"), ("03.09.1979", "date"), ("1979 0903 458 12", "id"),
   ("05.03.2026", "date"), ("Yves Kieffer", "clinician_name"), ("2026/114477", "id"), ("Sven Wolff", "clinician_name")],
  labels={"ossicle": T, "joint_degeneration": T, "ac_joint_degeneration": T, "ac_joint_space_narrowed": T}))

recs.append(R("HH-068", "thumb", "en", "us-urgent-care-lowercase", """fastmed urgent care - durham nc
pt: tiago da costa   dob 12/3/88   mrn fm-220917
xr r thumb 2 views 3/1/26
hx thumb hyperext playing football
findings: no fracture or dislocation seen. joint spaces normal. no soft tissue swelling
impression: normal right thumb
- a. mcbride-king md""",
  [("fastmed urgent care", "institution"), ("durham nc", "address"), ("tiago da costa", "patient_name"),
   ("12/3/88", "date"), ("fm-220917", "id"), ("3/1/26", "date"), ("a. mcbride-king", "clinician_name")],
  labels={},
  columns={"patient_name": "DA COSTA^TIAGO", "patient_id": "FM-220917", "birth_date": "1988-12-03",
           "exam_date": "2026-03-01"}))

recs.append(R("HH-069", "elbow", "de", "de-kreiskrankenhaus-diktatfehler", """Kreiskrankenhaus Waldbröl / Radiologie
Pat.: Schäfer-Hand, Monika, 58 J.
geb.: 21.4.67
Rö Ellbogen li a.p./seitl. 02.03.2026
Fragestellung: Sturz auf die ausgestreckte Hand, Bewegungseinschränkung Pronation/Supination. Radiusköpfchen Fraktur?
Befund: Am Radius Hals lateral fragliche diskrete Kortikalis Unterbrechung, DD Überlagerung bzw Gefäßkanal, eine nicht dislozierte Fissur ist nicht sicher auszuschließen. Fettpolster nicht abgehoben. Radiuskopf selbst glatt konturiert. Stellung regelrecht. Keine Arthrose zeichen.
Beurteilung: Fragliche Fissur am Radiushals links ohne Dislokation. Kein Erguss. Ggf. Kontrolle in 10 Tagen bzw. CT.
Diktat: Dr. Henrik Pohl, geschrieben: i.A. Schulte""",
  [("Kreiskrankenhaus Waldbröl", "institution"), ("Schäfer-Hand, Monika", "patient_name"), ("58 J.", "age"),
   ("21.4.67", "date"), ("02.03.2026", "date"), ("Henrik Pohl", "clinician_name"), ("Schulte", "other_name")],
  labels={"fracture": U, "radius_fracture": U, "radial_neck_fracture": U}))

recs.append(R("HH-070", "thumb", "de", "de-uniklinik-trauma", """Klinikum rechts der Isar der Technischen Universität München – Institut für Radiologie
Ismaninger Str. 22, 81675 München
Name: Brandstätter, Xaver   geb. 08.08.1972   Pat.-ID 5600193771
Rö Daumen rechts 2 Eb.   Datum: 27.02.2026
Einweiser: Notaufnahme, Dr. Katharina Fußeder
Klin. Angaben: Quetschverletzung durch Hammer, subunguales Hämatom.

Befund:
Mehrfragmentäre Fraktur der Tuberositas der Endphalanx D1 (Nagelkranzfraktur) mit geringer Fragmentdiastase. Die Frakturlinien reichen nicht bis in das IP-Gelenk. Deutliche Weichteilschwellung der Daumenkuppe. IP-, MCP- und CMC-Gelenk regelrecht.

Beurteilung:
Nagelkranz-Trümmerfraktur des Daumenendglieds rechts ohne Gelenkbeteiligung.

Dr. med. Quirin Huber / OA Dr. med. Ana-Maria Popescu""",
  [("Klinikum rechts der Isar der Technischen Universität München", "institution"),
   ("Ismaninger Str. 22, 81675 München", "address"), ("Brandstätter, Xaver", "patient_name"),
   ("08.08.1972", "date"), ("5600193771", "id"), ("27.02.2026", "date"), ("Katharina Fußeder", "clinician_name"),
   ("Quirin Huber", "clinician_name"), ("Ana-Maria Popescu", "clinician_name")],
  labels={"fracture": T, "fracture_comminuted": T, "distal_phalanx_fracture": T,
          "distal_phalanx_fracture_comminuted": T, "swelling_dactylitis": T}))

recs.append(R("HH-071", "clavicle", "de", "de-praxis-einzeiler", """Klavikula li. 2 Eb. (10.02.26, Pat. Fr. Leyla Demir-Arm): Kein Frakturnachweis. ACG/SCG o.B. – Dr. Fuchs, Radiologie am Dom, Fulda""",
  [("10.02.26", "date"), ("Leyla Demir-Arm", "patient_name"), ("Fuchs", "clinician_name"),
   ("Radiologie am Dom", "institution"), ("Fulda", "address")],
  labels={}))

recs.append(R("HH-072", "elbow", "en", "ph-caps-private-hospital", """THE MEDICAL CITY – ORTIGAS
Ortigas Avenue, Pasig City 1605 | Trunkline (02) 8988-1000
PATIENT: VILLANUEVA, ROMMEL JR. T.   AGE: 38   SEX: M   HRN: TMC-26-0552418
REQUESTING PHYSICIAN: DR. CARLO MIGUEL LEGASPI
EXAMINATION DATE: 12 FEBRUARY 2026
EXAMINATION: RIGHT ELBOW AP/LATERAL
History: fell from motorcycle; pain at the elbow and wrist.

Findings:
The radial head is comminuted with at least three fragments and depression of the lateral articular fragment by about 4 mm. The anterior and posterior fat pads are elevated. The ulna including the coronoid and olecranon is intact. The humeroulnar joint is congruent.

Impression:
Comminuted, displaced radial head fracture (Mason III) with joint effusion.
Recommend wrist radiographs to evaluate the distal radioulnar joint (Essex-Lopresti injury).

JOSE ANTONIO R. DE GUZMAN, MD, FPCR""",
  [("THE MEDICAL CITY", "institution"), ("Ortigas Avenue, Pasig City 1605", "address"),
   ("(02) 8988-1000", "phone"), ("VILLANUEVA, ROMMEL JR. T.", "patient_name"), ("AGE: 38", "age"),
   ("TMC-26-0552418", "id"), ("CARLO MIGUEL LEGASPI", "clinician_name"), ("12 FEBRUARY 2026", "date"),
   ("JOSE ANTONIO R. DE GUZMAN", "clinician_name")],
  keep=["Mason III", "Essex-Lopresti"],
  labels={"fracture": T, "radius_fracture": T, "radial_head_fracture": T, "radial_head_fracture_comminuted": T,
          "radial_head_fracture_displaced": T, "fat_pad_sign": T}))

recs.append(R("HH-073", "clavicle", "de", "de-kreiskrankenhaus-nacht", """Kreiskrankenhaus Demmin – Radiologie
Pat. Arm, Dennis (m, 24)
Aufn.-Nr. 2602-00188, Unters. 01.02.2026 03:12 Uhr
Rö Klavikula bds. (40° kranial gekippte Aufnahme)
Klin: Motorradsturz, Schmerz über SC-Gelenk re., Dysphagie?
Befund: Der mediale Klavikulakopf rechts projiziert sich in der kranial gekippten Aufnahme tiefer als links, V.a. retrosternale (posteriore) Luxation im SC-Gelenk rechts. Keine Klavikulafraktur nachweisbar. Mediastinum nicht verbreitert.
Beurteilung: V.a. posteriore SC-Luxation rechts. Dringend CT-Thorax mit KM empfohlen (Gefäße!). Telefonisch an Dienstarzt Dr. Ahlers um 03:25 übermittelt.
Dr. Grażyna Wójcik-Stone""",
  [("Kreiskrankenhaus Demmin", "institution"), ("Arm, Dennis", "patient_name"), ("m, 24", "age"),
   ("2602-00188", "id"), ("01.02.2026", "date"), ("Ahlers", "clinician_name"),
   ("Grażyna Wójcik-Stone", "clinician_name")],
  labels={"joint_dislocation": U, "sc_joint_dislocation": U}))

recs.append(R("HH-074", "elbow", "de", "de-uniklinik-negationsliste", """Universitätsmedizin Greifswald – Institut für Diagnostische Radiologie und Neuroradiologie
Ferdinand-Sauerbruch-Straße, 17475 Greifswald
Pat.: Wolff, Johanna-Sophie   *13.06.1989   Fall-Nr. 30118772
Röntgen Ellenbogen rechts in zwei Ebenen vom 06.02.2026
Überweisung: Sportmedizin, Dr. Erik Lundqvist

Klinische Angaben: Volleyball, Hyperextensionstrauma. Fraktur? Erguss?

Befund: Regelrechte Artikulation im Humeroulnar-, Humeroradial- und proximalen Radioulnargelenk. Kein Nachweis einer Fraktur, Luxation, Osteolyse oder Sklerose. Kein Gelenkerguss, Fettpolster regelrecht anliegend. Keine Weichteilverkalkungen, kein Fremdkörper, keine Exostose, keine akzessorischen Ossikel. Gelenkspalten normal weit.

Beurteilung: Regelrechter Befund des rechten Ellenbogens.

Dr. med. Till Schwanke, Arzt in Weiterbildung / PD Dr. med. Anke Vogelsang""",
  [("Universitätsmedizin Greifswald", "institution"), ("Ferdinand-Sauerbruch-Straße, 17475 Greifswald", "address"),
   ("Wolff, Johanna-Sophie", "patient_name"), ("13.06.1989", "date"), ("30118772", "id"), ("06.02.2026", "date"),
   ("Erik Lundqvist", "clinician_name"), ("Till Schwanke", "clinician_name"), ("Anke Vogelsang", "clinician_name")],
  labels={},
  columns={"patient_name": "WOLFF^JOHANNA-SOPHIE", "patient_id": "30118772", "birth_date": "1989-06-13",
           "exam_date": "2026-02-06", "referring_physician": "LUNDQVIST^ERIK"}))

recs.append(R("HH-075", "thumb", "de", "ch-kantonsspital-arthrose", """Luzerner Kantonsspital LUKS, Radiologie und Nuklearmedizin, Spitalstrasse, 6000 Luzern 16
Frau Margrit Achermann, 08.01.1948, PID 7741092 / Fall 2026-008812
Rx Daumen li dp/seitl, 21.01.2026
Zuw.: Hausarztpraxis Dr. med. Kurt Zimmermann, Sursee
Angaben: Chron. Schmerzen Daumenbasis li., bekannte Polyarthrose.
Befund: Mässige Rhizarthrose mit Gelenkspaltverschmälerung, subchondraler Sklerose und Osteophyten, Stellung der MC-I-Basis regelrecht. Leichte Arthrose des IP-Gelenks D1. Kleines rundliches, gut kortikalisiertes Ossikel radial des Trapeziums, vereinbar mit akzessorischem Knochen (Os praetrapezium). Keine Fraktur.
Beurteilung: Mässige Rhizarthrose li. Leichte IP-Arthrose D1. Akzessorisches Ossikel als Normvariante.
Dr. med. Urs Bachmann-Frei""",
  [("Luzerner Kantonsspital", "institution"), ("LUKS", "institution"), ("Spitalstrasse, 6000 Luzern 16", "address"),
   ("Margrit Achermann", "patient_name"), ("08.01.1948", "date"), ("7741092", "id"), ("2026-008812", "id"),
   ("21.01.2026", "date"), ("Kurt Zimmermann", "clinician_name"), ("Sursee", "address"),
   ("Urs Bachmann-Frei", "clinician_name")],
  labels={"joint_degeneration": T, "cmc_joint_degeneration": T, "ip_joint_degeneration": T, "ossicle": T}))

recs.append(R("HH-076", "clavicle", "en", "ca-paeds-hospital", """IWK Health — Halifax, Nova Scotia
Diagnostic Imaging Report
Patient: MacNeil, Ava-Grace   HCN 0021 447 891   DOB 2019-11-05 (6 yrs)
Accession IWK26-XR-04417   Date 2026-03-10
Ordering: Dr. Tamsin Armstrong-Legge (Emergency)
History: fell off bunk bed, tender R clavicle
Findings: Incomplete (greenstick) fracture of the right clavicular midshaft with buckling of the superior cortex. No significant angulation or displacement. AC and SC joints normal for age. No pneumothorax.
Impression: Non-displaced greenstick fracture, right midshaft clavicle.
Read by: Dr. Kwame Mensah, Pediatric Radiologist""",
  [("IWK Health", "institution"), ("Halifax, Nova Scotia", "address"), ("MacNeil, Ava-Grace", "patient_name"),
   ("0021 447 891", "id"), ("2019-11-05", "date"), ("6 yrs", "age"), ("IWK26-XR-04417", "id"),
   ("2026-03-10", "date"), ("Tamsin Armstrong-Legge", "clinician_name"), ("Kwame Mensah", "clinician_name")],
  labels={"fracture": T, "fracture_middle_third": T}))

recs.append(R("HH-077", "thumb", "de", "de-kreiskrankenhaus-fremdkoerper", """Kreiskrankenhaus Frankenberg (Eder) – Röntgenabteilung
Pat.: Koch, Annelie, geb. 30.11.1950
Rö Daumen re. 2 Eb. 17.02.2026
Fragestellung: Holzsplitter beim Holzhacken eingezogen, Fremdkörper?
Befund: Kein röntgendichter Fremdkörper nachweisbar. Ein nicht röntgendichter Fremdkörper (Holz) kann radiologisch nicht ausgeschlossen werden, ggf. Sonographie. Keine Fraktur. Diskrete Weichteilschwellung palmar am Grundglied. Beginnende Rhizarthrose.
Beurteilung: Kein Nachweis eines röntgendichten Fremdkörpers; Holzfremdkörper nicht ausgeschlossen – Sonographie empfohlen. Beginnende Rhizarthrose.
Dr. med. Oleksandr Marchenko""",
  [("Kreiskrankenhaus Frankenberg (Eder)", "institution"), ("Koch, Annelie", "patient_name"),
   ("30.11.1950", "date"), ("17.02.2026", "date"), ("Oleksandr Marchenko", "clinician_name")],
  labels={"foreign_body": U, "swelling_dactylitis": T, "joint_degeneration": T, "cmc_joint_degeneration": T}))

recs.append(R("HH-078", "elbow", "en", "ie-terse-normal", """Tallaght University Hospital, Dublin 24 — Radiology
Name: Brigid Head   MRN 1104428   DOB 02/02/1944
XR L elbow 07/03/2026, referred by Dr. Eoin Kinsella (GP, Rathfarnham)
Clinical: fall at nursing home, ?#
No fracture or dislocation. No effusion. Mild osteopenia.
Dr. Aisling Moran""",
  [("Tallaght University Hospital", "institution"), ("Dublin 24", "address"), ("Brigid Head", "patient_name"),
   ("1104428", "id"), ("02/02/1944", "date"), ("07/03/2026", "date"), ("Eoin Kinsella", "clinician_name"),
   ("Rathfarnham", "address"), ("Aisling Moran", "clinician_name")],
  labels={}))

recs.append(R("HH-079", "clavicle", "de", "it-suedtirol-diktat", """Krankenhaus Bozen – Ospedale di Bolzano / Radiologie
Patient: Egger Kathrin  *17.3.1983
Rx Klavikula rechts 2 Ebenen 24.02.2026
Zuw: Dr. Stefano Moser, Notaufnahme/Pronto Soccorso
Anamn.: Rodelunfall, Prellung Schulter re. Klavikulafraktur?
Befund: Klavikula in ganzer Länge intakt kein Frakturnachweis. AC Gelenk und SC Gelenk regel recht artikuliert. Keine Verkalkung en in den Weichteilen.
Beurteilung: Kein Nachweis einer Klavikula Fraktur.
Dr. Lukas Kaserer""",
  [("Krankenhaus Bozen", "institution"), ("Ospedale di Bolzano", "institution"), ("Egger Kathrin", "patient_name"),
   ("17.3.1983", "date"), ("24.02.2026", "date"), ("Stefano Moser", "clinician_name"),
   ("Lukas Kaserer", "clinician_name")],
  labels={}))

recs.append(R("HH-080", "thumb", "en", "us-academic-addendum", """YALE NEW HAVEN HOSPITAL — DEPARTMENT OF RADIOLOGY & BIOMEDICAL IMAGING
20 York Street, New Haven, CT 06510
Patient: O'MALLEY, Grace Hope   MRN: YNHH-5571209   DOB: 06/30/1979   Acc: 70044821
Exam: XR THUMB LEFT 3 VIEWS   Date: 01/12/2026
Ordering: Devorah Klein, MD
History: 46F fell skiing, volar MCP pain.
Comparison: Outside radiographs from CareMount Medical dated 11/04/2024 (not initially available).

Findings: Small ossific fragment at the volar aspect of the thumb MCP joint, adjacent to the base of the proximal phalanx, possibly representing a volar plate avulsion fracture. Alignment normal. No other fracture. Joint spaces preserved.

Impression: Possible small volar plate avulsion fracture at the base of the proximal phalanx.

Resident: Chukwuemeka Obi, MD
Attending: Lars Eriksson-Hand, MD — I have reviewed the images and agree.

ADDENDUM (01/13/2026 09:12, Lars Eriksson-Hand, MD): The outside comparison from 11/04/2024 has now been uploaded. The volar ossific density is unchanged, well corticated and rounded, consistent with a sesamoid bone rather than an avulsion fracture. Impression revised: no fracture; normal sesamoid. Discussed with Dr. Klein by phone at 09:20 on 01/13/2026.""",
  [("YALE NEW HAVEN HOSPITAL", "institution"), ("20 York Street, New Haven, CT 06510", "address"),
   ("O'MALLEY, Grace Hope", "patient_name"), ("YNHH-5571209", "id"), ("06/30/1979", "date"), ("70044821", "id"),
   ("01/12/2026", "date"), ("Devorah Klein", "clinician_name"), ("46F", "age"), ("CareMount Medical", "institution"),
   ("11/04/2024", "date"), ("Chukwuemeka Obi", "clinician_name"), ("Lars Eriksson-Hand", "clinician_name"),
   ("01/13/2026", "date"), ("Klein", "clinician_name")],
  labels={"ossicle": T},
  columns={"patient_name": "O'MALLEY^GRACE^HOPE", "patient_id": "YNHH-5571209", "birth_date": "1979-06-30",
           "exam_date": "2026-01-12", "accession_number": "70044821", "referring_physician": "KLEIN^DEVORAH"}))

write("/work/corpora/heldout3/h/batch-04.jsonl", recs)
print("ok")
