from mk import R, write
T, U = "true", "uncertain"
recs = []

recs.append(R("HH-001", "elbow", "de", "de-gemeinschaftspraxis-befund", """Gemeinschaftspraxis für Radiologie Dr. Hand & Kollegen
Bahnhofstraße 14, 72764 Reutlingen
Tel. 07121 / 34 88 0 – Fax 07121 / 34 88 29
www.radiologie-reutlingen-bahnhof.de

Patientin: Kopf, Stefanie, geb. 03.11.1984
Überweiser: Dr. med. Jürgen Bein, Allgemeinmedizin
Untersuchung vom 14.02.2026

Röntgen Ellenbogen links in 2 Ebenen

Klinische Angaben: Sturz beim Skifahren auf den ausgestreckten Arm, Druckschmerz über dem Radiusköpfchen. Fragestellung: Fraktur?

Befund:
Intraartikuläre Fraktur des Radiuskopfes mit Stufenbildung von ca. 3 mm, entsprechend Mason II. Positives vorderes und hinteres Fettpolsterzeichen. Keine Luxation. Proc. coronoideus und Olecranon intakt. Distaler Humerus ohne Frakturnachweis.

Beurteilung:
Dislozierte Radiuskopffraktur links, Typ Mason II, mit Gelenkerguss.

Dr. med. A. Hand
Fachärztin für Radiologie""",
  [("Gemeinschaftspraxis für Radiologie Dr. Hand & Kollegen", "institution"),
   ("Bahnhofstraße 14, 72764 Reutlingen", "address"),
   ("07121 / 34 88 0", "phone"), ("07121 / 34 88 29", "phone"),
   ("www.radiologie-reutlingen-bahnhof.de", "url"),
   ("Kopf, Stefanie", "patient_name"), ("03.11.1984", "date"),
   ("Jürgen Bein", "clinician_name"), ("14.02.2026", "date"), ("A. Hand", "clinician_name")],
  keep=["Mason II"],
  labels={"fracture": T, "radius_fracture": T, "radial_head_fracture": T,
          "radial_head_fracture_displaced": T, "fat_pad_sign": T},
  columns={"patient_name": "KOPF^STEFANIE", "birth_date": "1984-11-03", "exam_date": "2026-02-14",
           "referring_physician": "BEIN^JUERGEN^^DR. MED."}))

recs.append(R("HH-002", "clavicle", "en", "ie-hospital-prose", """OUR LADY OF LOURDES HOSPITAL DROGHEDA – DEPARTMENT OF RADIOLOGY
Patient: Ó SÚILLEABHÁIN, Ciarán   MRN: 0481127   DOB: 22/07/2009
Exam: XR Clavicle Right   Date: 09/03/2026
Referrer: Dr Aoife McGonigle (ED)

Clinical details: Hurling injury, tender mid clavicle. ?#

Report:
There is a fracture of the midshaft of the right clavicle with approximately one shaft width inferior displacement of the distal fragment and 1 cm of overriding. A small butterfly fragment is noted superiorly. AC and SC joints are congruent. Visualised ribs and right upper zone unremarkable.

Conclusion: Displaced, comminuted midshaft right clavicle fracture. Orthopaedic referral.

Reported by: Dr. Niamh Fitzgerald, Consultant Radiologist""",
  [("OUR LADY OF LOURDES HOSPITAL DROGHEDA", "institution"),
   ("Ó SÚILLEABHÁIN, Ciarán", "patient_name"), ("0481127", "id"), ("22/07/2009", "date"),
   ("09/03/2026", "date"), ("Aoife McGonigle", "clinician_name"), ("Niamh Fitzgerald", "clinician_name")],
  labels={"fracture": T, "fracture_middle_third": T, "fracture_comminuted": T, "fracture_displaced": T}))

recs.append(R("HH-003", "thumb", "de", "de-uniklinik-kurz", """Klinik für Diagnostische und Interventionelle Radiologie, Universitätsklinikum Gießen und Marburg GmbH, Standort Gießen
Röntgen Daumen rechts in 2 Ebenen vom 02.01.2026
Klin. Angaben: Distorsion beim Handball, Skidaumen? Ausschluss knöcherne Verletzung.
Befund: Keine Fraktur. Kein knöcherner Bandausriss am ulnaren MCP-Gelenk. Regelrechte Artikulation in allen Gelenken. Keine Weichteilverkalkungen. Kein röntgendichter Fremdkörper.
Beurteilung: Kein Nachweis einer knöchernen Verletzung.
OA Dr. med. Tobias Wolf / AÄ Lena Fuß""",
  [("Universitätsklinikum Gießen und Marburg GmbH, Standort Gießen", "institution"),
   ("02.01.2026", "date"), ("Tobias Wolf", "clinician_name"), ("Lena Fuß", "clinician_name")],
  labels={},
  columns={"patient_name": "ARSLAN^İLKNUR", "patient_id": "0017739204", "birth_date": "2001-06-19",
           "exam_date": "2026-01-02", "accession_number": "GI26R0001482"}))

recs.append(R("HH-004", "elbow", "en", "us-academic-attestation-paeds", """EXAM: XR ELBOW LEFT 2 VIEWS
ACCESSION: RAD-2026-0042117
PATIENT: Armstrong, Tyler J   MRN: K7X-99812   DOB: 05/14/2019 (6 yo M)
DATE OF SERVICE: 03/02/2026 21:47
ORDERING: Priya Raghunathan, MD (Pediatric Emergency)

HISTORY: 6 year old male fell off monkey bars, refuses to move arm. Eval for supracondylar fx.

TECHNIQUE: AP and lateral views of the left elbow.

COMPARISON: None.

FINDINGS:
Elevated anterior and posterior fat pads. The anterior humeral line passes through the anterior third of the capitellum. Transverse lucency through the distal humeral metaphysis on the lateral view with posterior angulation of the distal fragment; the posterior cortex appears intact. No comminution. Radiocapitellar alignment is maintained. Ossification centers (capitellum, radial head, medial epicondyle) are age appropriate. Soft tissue swelling.

IMPRESSION:
1. Gartland type II supracondylar humerus fracture with posterior angulation.
2. Joint effusion.

I have personally reviewed the images and agree with the resident's findings as above.
Resident: Kevin O'Donoghue, MD
Attending: Marisol Head, MD
Electronically signed 03/03/2026 07:12""",
  [("RAD-2026-0042117", "id"), ("Armstrong, Tyler J", "patient_name"), ("K7X-99812", "id"),
   ("05/14/2019", "date"), ("6 yo", "age"), ("03/02/2026", "date"),
   ("Priya Raghunathan", "clinician_name"), ("6 year old", "age"),
   ("Kevin O'Donoghue", "clinician_name"), ("Marisol Head", "clinician_name"), ("03/03/2026", "date")],
  keep=["Gartland type II"],
  labels={"fracture": T, "distal_humerus_fracture": T, "distal_humerus_fracture_displaced": T, "fat_pad_sign": T},
  columns={"patient_name": "ARMSTRONG^TYLER^J", "patient_id": "K7X-99812", "birth_date": "2019-05-14",
           "exam_date": "2026-03-02", "accession_number": "RAD-2026-0042117",
           "referring_physician": "RAGHUNATHAN^PRIYA"}))

recs.append(R("HH-005", "clavicle", "de", "de-suedtirol-zweisprachig", """Südtiroler Sanitätsbetrieb – Azienda Sanitaria dell'Alto Adige
Krankenhaus Bozen / Ospedale di Bolzano – Radiologie / Radiologia
Lorenz-Böhler-Straße 5, 39100 Bozen

Pat.: Oberhofer Matthias   St.-Nr.: BRHMTH71C12A952K
Rx AC-Gelenke / Klavikula beidseits, Panorama mit Belastung (je 10 kg)
Datum: 21.01.2026

Anamnese: Sturz vom Mountainbike auf die rechte Schulter. Fragestellung: ACG-Sprengung?

Befund: Hochstand der lateralen Klavikula rechts um etwa Schaftbreite gegenüber dem Akromion, korakoklavikulärer Abstand rechts 19 mm (links 9 mm). AC-Gelenkspalt rechts erweitert. Keine Fraktur der Klavikula, Akromion und Processus coracoideus intakt. SC-Gelenke symmetrisch. Nebenbefundlich alte, konsolidierte Frakturen der 3. und 4. Rippe rechts lateral.

Beurteilung: ACG-Sprengung rechts Typ Tossy III / Rockwood III.

Dr. Elisabeth Pichler – Fachärztin für Radiologie
Vidimiert: Primar Dr. Hannes Unterkircher""",
  [("Südtiroler Sanitätsbetrieb", "institution"), ("Azienda Sanitaria dell'Alto Adige", "institution"),
   ("Krankenhaus Bozen", "institution"), ("Ospedale di Bolzano", "institution"),
   ("Lorenz-Böhler-Straße 5, 39100 Bozen", "address"),
   ("Oberhofer Matthias", "patient_name"), ("BRHMTH71C12A952K", "id"), ("21.01.2026", "date"),
   ("Elisabeth Pichler", "clinician_name"), ("Hannes Unterkircher", "clinician_name")],
  keep=["Tossy III", "Rockwood III"],
  labels={"joint_dislocation": T, "ac_joint_dislocation": T, "ac_joint_space_widened": T}))

recs.append(R("HH-006", "thumb", "en", "in-diagnostic-centre", """SHREE BALAJI DIAGNOSTIC CENTRE
Plot No. 17, Sector 21, Kharghar, Navi Mumbai - 410210 | Ph: 022-2774 5531 | sbdc.kharghar@gmail.com

Name: Mr. Rajesh Kumar Yadav        Age/Sex: 34Y/M
Ref. By: Dr. S. K. Deshmukh (Ortho)    Date: 11-Feb-2026
Reg. No.: SBDC/26/01884

X-RAY RIGHT THUMB AP & LATERAL VIEW

Oblique intra-articular fracture is seen at the base of the 1st metacarpal with small volar-ulnar fragment remaining in place and the metacarpal shaft subluxated dorsoradially at the CMC joint - suggestive of Bennett's fracture.
MCP and IP joints are normal.
Soft tissue swelling is seen around the thenar region.
No radio-opaque foreign body.

IMPRESSION:
Bennett's fracture-subluxation of right thumb.
Adv: Clinical correlation / CT if required.

Dr. Farzana Shaikh
MBBS, DMRD (Consultant Radiologist)
This report is not valid for medico-legal purposes.""",
  [("SHREE BALAJI DIAGNOSTIC CENTRE", "institution"),
   ("Plot No. 17, Sector 21, Kharghar, Navi Mumbai - 410210", "address"),
   ("022-2774 5531", "phone"), ("sbdc.kharghar@gmail.com", "email"),
   ("Rajesh Kumar Yadav", "patient_name"), ("34Y", "age"), ("S. K. Deshmukh", "clinician_name"),
   ("11-Feb-2026", "date"), ("SBDC/26/01884", "id"), ("Farzana Shaikh", "clinician_name")],
  keep=["Bennett's fracture", "Bennett's fracture-subluxation"],
  labels={"fracture": T, "metacarpal1_fracture": T, "joint_subluxation": T, "cmc_joint_subluxation": T,
          "swelling_dactylitis": T}))

recs.append(R("HH-007", "elbow", "de", "de-kreiskrankenhaus-diktat", """Kreiskrankenhaus Mechernich GmbH - Radiologische Abteilung
Pat: Hand, Dieter  *17.6.48
Rö Ellenbogen li 2 Eb. 05.03.26

Fragestellung: V.a. Olekranonfraktur nach Sturz im Pflegeheim.

Befund: Kein Nachweis einer frischen knöchernen Verletzung insbesondere kein Anhalt für eine Olecranonfraktur. Fett Polster nicht angehoben. Gelenkstellung regelrecht. Mässige degenerative Veränderungen mit Osteophyten am Processus corono ideus und an der Olecranonspitze, Gelenkspalt humeroulnar verschmälert. Diskrete Weichteilschwellung dorsal.

Beurteilung: Keine Fraktur. Mäßige Arthrose des Ellenbogen Gelenks.

Diktiert: Dr. Kemal Öztürk, gez. nach Diktat nicht korrigiert""",
  [("Kreiskrankenhaus Mechernich GmbH", "institution"), ("Hand, Dieter", "patient_name"),
   ("17.6.48", "date"), ("05.03.26", "date"), ("Kemal Öztürk", "clinician_name")],
  labels={"joint_degeneration": T}))

recs.append(R("HH-008", "clavicle", "en", "uk-welsh-nhs", """Ysbyty Gwynedd, Bangor — Radiology Department
Name: LLEWELLYN-BONE, Gethin   Hospital No: G2284571   NHS No: 612 448 9053
D.O.B. 30.09.1961 (64)
Examination: XR L Clavicle   Date of exam: 17/02/2026
Requested by: Dr Rhys ap Dafydd, GP, Meddygfa Teilo, Llandeilo

Clinical: Fell off ladder, tender L clavicle, ?fracture ?ACJ

Report: No fracture is demonstrated. The acromioclavicular and sternoclavicular joints are normally aligned. Mild degenerative change at the ACJ with a small inferior osteophyte.

Dr S. Morgan-Pritchard, Consultant Radiologist
Adroddiad / Report verified 17/02/2026 16:05""",
  [("Ysbyty Gwynedd", "institution"), ("Bangor", "address"), ("LLEWELLYN-BONE, Gethin", "patient_name"),
   ("G2284571", "id"), ("612 448 9053", "id"), ("30.09.1961", "date"), ("64", "age"),
   ("17/02/2026", "date"), ("Rhys ap Dafydd", "clinician_name"), ("Meddygfa Teilo", "institution"),
   ("Llandeilo", "address"), ("S. Morgan-Pritchard", "clinician_name")],
  labels={"joint_degeneration": T, "ac_joint_degeneration": T},
  columns={"patient_name": "LLEWELLYN-BONE^GETHIN", "patient_id": "G2284571", "birth_date": "1961-09-30",
           "exam_date": "2026-02-17", "referring_physician": "AP DAFYDD^RHYS"}))

recs.append(R("HH-009", "thumb", "de", "ch-spital-befund", """Spital Bülach AG, Institut für Radiologie
Spitalstrasse 24, 8180 Bülach, Tel. 044 863 22 11

Frau Verena Zwahlen-Fuss, 03.04.1952, AHV 756.4417.2290.36
Zuweiser: Dr. med. Beat Hürlimann, Hausarztpraxis Eglisau

Rx Daumen rechts d.p./seitl. vom 26.01.2026

Angaben: Seit Monaten zunehmende Schmerzen Daumenbasis, Rhizarthrose?

Befund: Deutliche Verschmälerung des Gelenkspalts im Daumensattelgelenk mit subchondraler Sklerose und Osteophyten, geringe radiale Subluxation der MC-I-Basis. MCP- und IP-Gelenk unauffällig. Kein Frakturnachweis. Keine Weichteilverkalkungen.

Beurteilung: Fortgeschrittene Rhizarthrose (Eaton-Littler III) mit Subluxation der MC-I-Basis.

Dr. med. Andrea Frei, Leitende Ärztin""",
  [("Spital Bülach AG", "institution"), ("Spitalstrasse 24, 8180 Bülach", "address"),
   ("044 863 22 11", "phone"), ("Verena Zwahlen-Fuss", "patient_name"), ("03.04.1952", "date"),
   ("756.4417.2290.36", "id"), ("Beat Hürlimann", "clinician_name"),
   ("Hausarztpraxis Eglisau", "institution"), ("26.01.2026", "date"), ("Andrea Frei", "clinician_name")],
  keep=["Eaton-Littler III"],
  labels={"joint_degeneration": T, "cmc_joint_degeneration": T, "joint_subluxation": T,
          "cmc_joint_subluxation": T}))

recs.append(R("HH-010", "elbow", "en", "ph-hospital-paeds", """ST. LUKE'S MEDICAL CENTER – GLOBAL CITY
Department of Radiology
32nd St. cor. 5th Ave., Bonifacio Global City, Taguig 1634
Tel. (02) 8789-7700

Name: DELA CRUZ, Ma. Angelica R.   Age: 9 yrs   Sex: F
Hosp. No.: 2026-118407   Room: ER
Requesting Physician: Dr. Jose Emmanuel Bautista
Date: February 20, 2026

ELBOW, RIGHT, AP/LATERAL

There is a fracture of the proximal third of the ulnar shaft with anterior angulation. The radial head is dislocated anteriorly; the radiocapitellar line does not pass through the capitellum. Findings are consistent with a Monteggia fracture-dislocation (Bado type I). Physes are open. No other fracture seen.

IMPRESSION:
Monteggia fracture-dislocation, Bado I, right.

Marivic S. Villanueva-Santos, MD, FPCR
Radiologist""",
  [("ST. LUKE'S MEDICAL CENTER – GLOBAL CITY", "institution"),
   ("32nd St. cor. 5th Ave., Bonifacio Global City, Taguig 1634", "address"),
   ("(02) 8789-7700", "phone"), ("DELA CRUZ, Ma. Angelica R.", "patient_name"), ("9 yrs", "age"),
   ("2026-118407", "id"), ("Jose Emmanuel Bautista", "clinician_name"), ("February 20, 2026", "date"),
   ("Marivic S. Villanueva-Santos", "clinician_name")],
  keep=["Monteggia", "Bado type I", "Bado I"],
  labels={"fracture": T, "ulna_fracture": T, "joint_dislocation": T}))

recs.append(R("HH-011", "clavicle", "de", "lu-hopital-de", """Hôpitaux Robert Schuman – Hôpital Kirchberg, Service d'Imagerie Médicale
9, rue Edward Steichen, L-2540 Luxembourg
Tél. +352 2468-1

Patient(in): SCHMIT, Claude   Matricule: 1975081212345
Untersuchungsdatum: 08.03.2026
Anfordernder Arzt: Dr. Marie-Paule Wagner-Reuter

Röntgen Klavikula links a.p. und tangential

Klinik: Fahrradsturz am 07.03., Schmerzen über der Klavikula. Frakturausschluss.

Befund: Kortikal glatt begrenzte Klavikula ohne Frakturlinie. Regelrechte Stellung im AC- und SC-Gelenk. Keine Weichteilschwellung. Kein Fremdkörper.

Beurteilung: Kein Frakturnachweis der linken Klavikula.

Dr. Luc Hoffmann, Radiologe""",
  [("Hôpitaux Robert Schuman", "institution"), ("Hôpital Kirchberg", "institution"),
   ("9, rue Edward Steichen, L-2540 Luxembourg", "address"), ("+352 2468-1", "phone"),
   ("SCHMIT, Claude", "patient_name"), ("1975081212345", "id"), ("08.03.2026", "date"),
   ("Marie-Paule Wagner-Reuter", "clinician_name"), ("07.03.", "date"), ("Luc Hoffmann", "clinician_name")],
  labels={},
  columns={"patient_name": "SCHMIT^CLAUDE", "patient_id": "1975081212345", "birth_date": "1975-08-12",
           "exam_date": "2026-03-08"}))

recs.append(R("HH-012", "thumb", "en", "us-urgent-care-terse", """AFC Urgent Care Marietta | 1280 Johnson Ferry Rd, Marietta, GA 30068 | (770) 555-0143
Pt: winter, hope   DOB 4/2/1997   Acct# 00931-4471
XR THUMB RT 3V  2/27/26
Hx: jammed thumb volleyball r/o fx
Findings: No acute fracture or dislocation. Joint spaces preserved. Soft tissues unremarkable.
Impression: Negative right thumb.
Overread: Darnell K. Washington MD, vRad""",
  [("AFC Urgent Care Marietta", "institution"), ("1280 Johnson Ferry Rd, Marietta, GA 30068", "address"),
   ("(770) 555-0143", "phone"), ("winter, hope", "patient_name"), ("4/2/1997", "date"),
   ("00931-4471", "id"), ("2/27/26", "date"), ("Darnell K. Washington", "clinician_name"),
   ("vRad", "institution")],
  labels={},
  columns={"patient_name": "WINTER^HOPE", "birth_date": "1997-04-02", "exam_date": "2026-02-27",
           "accession_number": "AFC0227-0193"}))

recs.append(R("HH-013", "elbow", "de", "de-uniklinik-postop", """Universitätsklinikum Schleswig-Holstein, Campus Kiel
Klinik für Radiologie und Neuroradiologie

Name: Petersen-Arm, Ole   geb. 12.08.1990   Fall-Nr. 4002871133
Untersuchung: Röntgen Ellenbogen rechts 2 Ebenen, 19.02.2026
Voruntersuchung: 05.01.2026 (postoperativ)

Klinische Angaben: Z.n. Zuggurtungsosteosynthese bei Olecranonfraktur 01/2026. Verlaufskontrolle, Materiallockerung?

Befund:
Im Vergleich zur Voraufnahme vom 05.01.2026 unveränderte Lage der zwei Kirschner-Drähte und der Drahtcerclage. Kein Anhalt für Materiallockerung oder -bruch. Frakturspalt des Olecranons noch abgrenzbar, beginnende Kallusbildung, Stellung unverändert anatomisch. Keine Gelenkfehlstellung. Kleine ossäre Struktur ventral des distalen Humerus – am ehesten persistierendes Ossikel, DD kleines knöchernes Fragment.

Beurteilung:
Regelrechte Materiallage nach Zuggurtung. Olecranonfraktur in Konsolidierung, noch nicht durchbaut. Fragliches akzessorisches Ossikel ventral.

Dr. Sönke Carstensen / Prof. Dr. Maren Iversen""",
  [("Universitätsklinikum Schleswig-Holstein, Campus Kiel", "institution"),
   ("Petersen-Arm, Ole", "patient_name"), ("12.08.1990", "date"), ("4002871133", "id"),
   ("19.02.2026", "date"), ("05.01.2026", "date"), ("01/2026", "date"),
   ("Sönke Carstensen", "clinician_name"), ("Maren Iversen", "clinician_name")],
  keep=["Kirschner-Drähte"],
  labels={"fracture": T, "ulna_fracture": T, "olecranon_fracture": T, "ossicle": U}))

recs.append(R("HH-014", "clavicle", "en", "pk-oncology-hospital", """SHAUKAT KHANUM MEMORIAL CANCER HOSPITAL & RESEARCH CENTRE
7-A Block R-3, M.A. Johar Town, Lahore
Department of Radiology

MR#: 0621-884-13    Patient: Mrs. Nusrat Parveen w/o Muhammad Aslam    Age: 58 yrs
Study: X-Ray Clavicle Left    Date: 14-01-2026
Referring: Dr. Sana Iqbal (Medical Oncology)

Clinical: Known Ca breast, left shoulder pain. ?mets

Findings:
There is an ill-defined lytic lesion in the middle third of the left clavicle with cortical thinning. A subtle lucent line traversing the lesion is suspicious for an undisplaced pathological fracture. No periosteal reaction. AC and SC joints are normal. A few sclerotic foci are noted in the visualised left proximal humerus, likely sclerotic metastases.

Impression:
1. Lytic lesion left mid clavicle, consistent with metastasis in this clinical context.
2. Possible undisplaced pathological fracture through the lesion. CT correlation suggested.
3. Sclerotic foci in the proximal humerus, probably metastatic.

Dr. Ahmed Raza Chaudhry, FCPS
Consultant Radiologist""",
  [("SHAUKAT KHANUM MEMORIAL CANCER HOSPITAL & RESEARCH CENTRE", "institution"),
   ("7-A Block R-3, M.A. Johar Town, Lahore", "address"), ("0621-884-13", "id"),
   ("Nusrat Parveen", "patient_name"), ("Muhammad Aslam", "other_name"), ("58 yrs", "age"),
   ("14-01-2026", "date"), ("Sana Iqbal", "clinician_name"), ("Ahmed Raza Chaudhry", "clinician_name")],
  labels={"lytic_lesion": T, "fracture": U, "fracture_middle_third": U}))

recs.append(R("HH-015", "thumb", "de", "de-gemeinschaftspraxis-nummeriert", """Radiologie am Marktplatz – Gemeinschaftspraxis Dres. Legg, Sarıkaya & Nowak
Marktplatz 3 · 31134 Hildesheim · Tel. 05121 9988-0 · info(at)radiologie-marktplatz.de

Patientin: Jessica Baumann-Legg, 27 J.
Untersuchung: Röntgen Daumen links in zwei Ebenen, 23.02.26
Überweisung: Notfallpraxis am St. Bernward Krankenhaus

Indikation: Schnittverletzung an Glasscheibe, Fremdkörper?

Befund:
In den Weichteilen palmar der Endphalanx ein 4 mm großer, röntgendichter, scharf begrenzter Fremdkörper, vereinbar mit Glassplitter. Diskrete Weichteilschwellung. Kortikalis der Endphalanx palmar fraglich unterbrochen, eine kleine Fissur ist nicht sicher auszuschließen. Gelenke regelrecht artikuliert.

Beurteilung:
1. Röntgendichter Fremdkörper (Glas) palmar der Endphalanx D1.
2. Fragliche Fissur der Endphalanx, ggf. Verlaufskontrolle.

Dr. med. Okan Sarıkaya""",
  [("Radiologie am Marktplatz – Gemeinschaftspraxis Dres. Legg, Sarıkaya & Nowak", "institution"),
   ("Marktplatz 3 · 31134 Hildesheim", "address"), ("05121 9988-0", "phone"),
   ("info(at)radiologie-marktplatz.de", "email"), ("Jessica Baumann-Legg", "patient_name"),
   ("27 J.", "age"), ("23.02.26", "date"), ("Notfallpraxis am St. Bernward Krankenhaus", "institution"),
   ("Okan Sarıkaya", "clinician_name")],
  labels={"foreign_body": T, "swelling_dactylitis": T, "distal_phalanx_fracture": U, "fracture": U}))

recs.append(R("HH-016", "elbow", "en", "ca-hospital-normal", """Hamilton Health Sciences – Juravinski Hospital
Diagnostic Imaging
Patient: Tremblay, Marc-André   HCN: 4471-882-913-KT   DOB: 1979-12-03
Accession: JH26-0031877   Exam date: 2026-03-06
Ordering: Dr. N. Okafor

XR ELBOW RIGHT
Indication: fall on ice, pain lateral elbow. ? radial head #
Comparison: none
Findings: No fracture. No joint effusion. Alignment normal. No soft tissue calcification or foreign body.
Impression: Normal right elbow radiographs.

Dictated by: Dr. Geneviève Lapointe-Hand, Radiologist
Transcribed: 2026-03-06  km""",
  [("Hamilton Health Sciences", "institution"), ("Juravinski Hospital", "institution"),
   ("Tremblay, Marc-André", "patient_name"), ("4471-882-913-KT", "id"), ("1979-12-03", "date"),
   ("JH26-0031877", "id"), ("2026-03-06", "date"), ("N. Okafor", "clinician_name"),
   ("Geneviève Lapointe-Hand", "clinician_name"), ("km", "other_name")],
  labels={},
  columns={"patient_name": "TREMBLAY^MARC-ANDRE", "patient_id": "4471882913KT", "birth_date": "1979-12-03",
           "exam_date": "2026-03-06", "accession_number": "JH26-0031877", "referring_physician": "OKAFOR^N"}))

recs.append(R("HH-017", "clavicle", "de", "de-kinderradiologie-neonatal", """Klinikum Kassel – Kinderradiologie
Neugeborenes Yılmaz, männlich, geb. 10.03.2026, 2 Tage
Mutter: Ayşe Yılmaz, Fall-Nr. 88012339
Station: Neonatologie K3, Anfordernd: Dr. Friederike Kopf

Rö Klavikula rechts (Ausschnitt Thorax/Babygramm) 12.03.2026

Klinik: Schulterdystokie bei Spontangeburt, Krepitation re. Klavikula, Moro-Reflex re. abgeschwächt.

Befund: Fraktur der rechten Klavikula in Schaftmitte mit Verschiebung um halbe Schaftbreite nach kranial. Noch keine Kallusbildung. Lungen, soweit miterfasst, frei. Proximaler Humerus re. intakt.

Beurteilung: Geburtstraumatische, gering dislozierte Klavikulaschaftfraktur rechts.

Dr. med. Anja Bein, Kinderradiologie""",
  [("Klinikum Kassel", "institution"), ("Yılmaz", "patient_name"), ("10.03.2026", "date"),
   ("2 Tage", "age"), ("Ayşe Yılmaz", "other_name"), ("88012339", "id"),
   ("Friederike Kopf", "clinician_name"), ("12.03.2026", "date"), ("Anja Bein", "clinician_name")],
  keep=["Moro-Reflex"],
  labels={"fracture": T, "fracture_middle_third": T, "fracture_displaced": T},
  columns={"patient_name": "YILMAZ^NEUGEBORENES", "patient_id": "88012339", "birth_date": "2026-03-10",
           "exam_date": "2026-03-12", "referring_physician": "KOPF^FRIEDERIKE"}))

recs.append(R("HH-018", "thumb", "en", "ie-terse", """Mayo University Hospital, Castlebar, Co. Mayo F23 H529
Radiology Dept. Tel 094 902 1733

Pt: Padraig Foot  DOB 11/11/1972  MRN 3390124
Referred by: Dr. Orla Mac Giolla Phádraig, Westport Medical Centre
Exam: R thumb 2 views   Date 04/03/2026

Hx: fell skiing in Andorra 1/52 ago, pain ulnar side MCPJ, ?gamekeeper's

Small avulsion fragment at the ulnar base of the proximal phalanx, displaced by approx 2mm, in keeping with UCL avulsion. MCPJ congruent on these views, no subluxation. Remaining bones and joints normal. Mild soft tissue swelling about the MCPJ.

Conclusion: Bony gamekeeper's/skier's thumb injury – ulnar collateral ligament avulsion fracture base of proximal phalanx. Stress views / US at clinical discretion.

Dr T. Ní Bhriain, Consultant Radiologist""",
  [("Mayo University Hospital", "institution"), ("Castlebar, Co. Mayo F23 H529", "address"),
   ("094 902 1733", "phone"), ("Padraig Foot", "patient_name"), ("11/11/1972", "date"),
   ("3390124", "id"), ("Orla Mac Giolla Phádraig", "clinician_name"),
   ("Westport Medical Centre", "institution"), ("04/03/2026", "date"), ("T. Ní Bhriain", "clinician_name")],
  labels={"fracture": T, "proximal_phalanx_fracture": T, "swelling_dactylitis": T}))

recs.append(R("HH-019", "elbow", "de", "de-teleradiologie-pipe", """TELERADIOLOGIE – Nachtdienst
Anfordernde Klinik: Kreiskrankenhaus Rotenburg an der Fulda, ZNA
Befundende Radiologin: Dr. med. Svetlana Kuznetsova (Teleradiologie-Verbund Nordhessen)
Pat.-ID 200448817 | HEINRICH, Wilfried | *24.12.1955 | m

Rö Ellenbogen li. 2 Eb. nach Reposition, 28.02.2026 02:14

Fragestellung: Z.n. geschlossener Reposition bei Ellenbogenluxation nach Sturz von der Leiter, Stellung? Knöcherne Begleitverletzung?

Befund: Nach Reposition kongruente Stellung im Humeroulnar- und Humeroradialgelenk. Kleines, ca. 4 mm messendes knöchernes Fragment ventral der Spitze des Proc. coronoideus, vereinbar mit Ausriss der Koronoidspitze (Regan-Morrey I). Radiuskopf ohne Frakturnachweis. Ausgeprägter Gelenkerguss mit angehobenem ventralem und dorsalem Fettkörper. Gips Schiene liegt an.

Beurteilung: Regelrechte Stellung nach Reposition. Knöcherner Ausriss der Koronoidspitze Regan-Morrey Typ I. Gelenkerguss.

Telefonische Befundmitteilung an den Dienstarzt Hr. Fischer um 02:41 Uhr am 28.02.2026.""",
  [("Kreiskrankenhaus Rotenburg an der Fulda", "institution"), ("Svetlana Kuznetsova", "clinician_name"),
   ("Teleradiologie-Verbund Nordhessen", "institution"), ("200448817", "id"),
   ("HEINRICH, Wilfried", "patient_name"), ("24.12.1955", "date"), ("28.02.2026", "date"),
   ("Fischer", "clinician_name")],
  keep=["Regan-Morrey I", "Regan-Morrey Typ I"],
  labels={"fracture": T, "ulna_fracture": T, "coronoid_fracture": T, "coronoid_tip_avulsion": T,
          "fat_pad_sign": T}))

recs.append(R("HH-020", "clavicle", "en", "us-academic-attestation-postop", """UNIVERSITY OF MICHIGAN HEALTH – DEPARTMENT OF RADIOLOGY
Patient: BAKER, Stone R.   MRN: 104-77-3012   DOB: 08/09/1988 (37 y/o M)
Exam: XR CLAVICLE LEFT 2 VIEWS   Acc#: E44918273   Date: 01/23/2026
Ordering provider: Mehmet Ali Demirci, MD (Orthopaedic Surgery)

CLINICAL HISTORY: 37M, 4 months s/p ORIF left clavicle fracture. Hardware removal planning.

COMPARISON: 10/02/2025, 09/18/2025

FINDINGS: Superior plate with seven screws along the left clavicular midshaft, unchanged in position compared to 10/02/2025. No periprosthetic lucency, hardware fracture, or backout. The previously seen fracture line is no longer visible, with bridging bone across the former fracture site. AC and SC joints are aligned. No soft tissue abnormality.

IMPRESSION: Status post ORIF of left midshaft clavicle fracture, now healed with no residual fracture line. No hardware complication.

I have reviewed the images and the resident's report and agree with the findings.
Resident: Hyun-woo Park, MD  PGY-3
Attending: Caroline Legge, MD
Final report signed 01/23/2026 15:58 EST""",
  [("UNIVERSITY OF MICHIGAN HEALTH", "institution"), ("BAKER, Stone R.", "patient_name"),
   ("104-77-3012", "id"), ("08/09/1988", "date"), ("37 y/o", "age"), ("E44918273", "id"),
   ("01/23/2026", "date"), ("Mehmet Ali Demirci", "clinician_name"), ("37M", "age"),
   ("10/02/2025", "date"), ("09/18/2025", "date"), ("Hyun-woo Park", "clinician_name"),
   ("Caroline Legge", "clinician_name")],
  labels={},
  columns={"patient_name": "BAKER^STONE^R", "patient_id": "104773012", "birth_date": "1988-08-09",
           "exam_date": "2026-01-23", "accession_number": "E44918273",
           "referring_physician": "DEMIRCI^MEHMET ALI"}))

write("/work/corpora/heldout3/h/batch-01.jsonl", recs)
print("ok")
