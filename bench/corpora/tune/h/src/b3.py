from mk import R, write
T, U = "true", "uncertain"
recs = []

recs.append(R("HH-041", "clavicle", "de", "de-uniklinik-befund", """Universitätsklinikum Essen (AöR) – Institut für Diagnostische und Interventionelle Radiologie und Neuroradiologie
Hufelandstraße 55, 45147 Essen
Patientin: İNCE, Gülşen   geb. 02.02.1995   Pat.-Nr. 40091277   Fall 260114882
Untersuchung: Rö Klavikula rechts, 2 Ebenen (a.p., 25° kranial)   04.01.2026
Anf. Arzt: Dr. Thorsten Bonekamp, Unfallchirurgie

Klinische Angaben / Fragestellung: Sturz beim Reiten auf die rechte Schulter, Fehlstellung sichtbar. Fraktur, Dislokation?

Befund:
Mehrfragmentäre Fraktur der rechten Klavikula im mittleren Drittel (Allman I) mit einem ca. 2 cm großen, vertikal stehenden Biegungskeil. Verkürzung um etwa 15 mm, Dislokation des lateralen Hauptfragments nach kaudal um Schaftbreite. AC- und SC-Gelenk regelrecht. Kein Weichteilemphysem. Miterfasste Lungenspitze ohne Pneumothorax.

Beurteilung:
Dislozierte, verkürzte Mehrfragmentfraktur der Klavikulamitte rechts (Allman I).

Dr. med. Sophie Lindemann, Assistenzärztin
Prof. Dr. med. Cem Aydın, Oberarzt""",
  [("Universitätsklinikum Essen (AöR)", "institution"), ("Hufelandstraße 55, 45147 Essen", "address"),
   ("İNCE, Gülşen", "patient_name"), ("02.02.1995", "date"), ("40091277", "id"), ("260114882", "id"),
   ("04.01.2026", "date"), ("Thorsten Bonekamp", "clinician_name"), ("Sophie Lindemann", "clinician_name"),
   ("Cem Aydın", "clinician_name")],
  keep=["Allman I"],
  labels={"fracture": T, "fracture_middle_third": T, "fracture_comminuted": T, "fracture_displaced": T},
  columns={"patient_name": "INCE^GULSEN", "patient_id": "40091277", "birth_date": "1995-02-02",
           "exam_date": "2026-01-04", "accession_number": "260114882",
           "referring_physician": "BONEKAMP^THORSTEN"}))

recs.append(R("HH-042", "elbow", "en", "us-academic-paeds-critical", """DEPARTMENT OF RADIOLOGY — CHILDREN'S HOSPITAL COLORADO, AURORA
PATIENT NAME: LEGG, MASON    MRN: 003318842    DOB: 2020-08-17    AGE: 5Y    SEX: M
ACC#: CHC26-114402    EXAM DATE: 2026-02-28 01:52
REFERRING: Erin McAllister, MD

EXAM: XR ELBOW RIGHT, 2 VIEWS
CLINICAL INDICATION: 5 y/o M fell from trampoline, gross deformity, pulses present.

FINDINGS: Completely displaced extension-type supracondylar fracture of the right humerus with posterior and medial translation of the distal fragment and no cortical contact. Medial comminution. An intercondylar fracture line extending into the articular surface cannot be excluded on these views. Large joint effusion. Radius and ulna are intact. Ossification centers: capitellum present, others not yet ossified.

IMPRESSION:
1. Gartland type III supracondylar humerus fracture, completely displaced, with medial comminution.
2. Possible intra-articular extension; consider CT if it will change management.

Critical result communicated to Dr. Erin McAllister by telephone at 02:15 on 2026-02-28, read-back confirmed.

Resident: Jun Takahashi, MD
I have personally reviewed the images and agree with the findings as documented. Attending: Siobhan Armstrong-Bone, MD""",
  [("CHILDREN'S HOSPITAL COLORADO", "institution"), ("AURORA", "address"), ("LEGG, MASON", "patient_name"),
   ("003318842", "id"), ("2020-08-17", "date"), ("5Y", "age"), ("CHC26-114402", "id"), ("2026-02-28", "date"),
   ("Erin McAllister", "clinician_name"), ("5 y/o", "age"), ("Jun Takahashi", "clinician_name"),
   ("Siobhan Armstrong-Bone", "clinician_name")],
  keep=["Gartland type III"],
  labels={"fracture": T, "distal_humerus_fracture": T, "distal_humerus_fracture_displaced": T,
          "distal_humerus_fracture_comminuted": T, "distal_humerus_fracture_intraarticular": U,
          "fat_pad_sign": T},
  columns={"patient_name": "LEGG^MASON", "patient_id": "003318842", "birth_date": "2020-08-17",
           "exam_date": "2026-02-28", "accession_number": "CHC26-114402",
           "referring_physician": "MCALLISTER^ERIN"}))

recs.append(R("HH-043", "thumb", "de", "de-mvz-brief", """MVZ Radiologie Oberland – Dres. Kopf & Hand (Gemeinschaftspraxis)
Am Stadtgraben 7, 88400 Biberach an der Riß · Tel. 07351 1855-0 · www.mvz-oberland.de

Patient: Hr. Gerhard Fuchs, *12.12.1962
Rö Daumen links 2 Eb. am 20.01.26
Überw.: Dr. med. Leni Haberbosch, Ochsenhausen

Fragestellung: V.a. Fraktur Grundglied nach Quetschung an der Werkbank

Befund: Keine Fraktur, keine Luxation. Regelrechte Gelenkspalten. Keine Weichteilverkalkungen, kein metalldichter Fremdkörper.

Beurteilung: Regelrechter Befund. Kein Nachweis der klinisch vermuteten Grundgliedfraktur.

Mit freundlichen kollegialen Grüßen
Dr. med. Martin Kopf""",
  [("MVZ Radiologie Oberland – Dres. Kopf & Hand", "institution"),
   ("Am Stadtgraben 7, 88400 Biberach an der Riß", "address"), ("07351 1855-0", "phone"),
   ("www.mvz-oberland.de", "url"), ("Gerhard Fuchs", "patient_name"), ("12.12.1962", "date"),
   ("20.01.26", "date"), ("Leni Haberbosch", "clinician_name"), ("Ochsenhausen", "address"),
   ("Martin Kopf", "clinician_name")],
  labels={}))

recs.append(R("HH-044", "clavicle", "en", "ie-caps-header", """St. James's Hospital, James's Street, Dublin 8, D08 NHY1
Department of Radiology — Tel. +353 1 410 3000
PATIENT: O'BRIEN-ARMSTRONG, DECLAN   MRN: SJH 0982217   DOB: 14-MAR-1986
EXAM: XR SHOULDER/ACJ LEFT incl. clavicle   DATE: 21-JAN-2026
REFERRER: Mr. Fionn Brennan, Orthopaedic Registrar

CLINICAL: RTC cyclist vs car. Step deformity lateral clavicle.

COMPARISON: None.

REPORT: There is complete dislocation of the left acromioclavicular joint with marked superior displacement of the clavicle; the coracoclavicular distance measures approx. 32 mm, more than three times the contralateral side on the bilateral view. No clavicular fracture. No fracture of the coracoid or acromion. Soft tissue swelling over the ACJ. Glenohumeral joint is congruent.

IMPRESSION: Left ACJ dislocation, Rockwood type V.

Dr. Mairéad Kavanagh, Consultant Radiologist. Reported 21-JAN-2026 11:42.""",
  [("St. James's Hospital", "institution"), ("James's Street, Dublin 8, D08 NHY1", "address"),
   ("+353 1 410 3000", "phone"), ("O'BRIEN-ARMSTRONG, DECLAN", "patient_name"), ("SJH 0982217", "id"),
   ("14-MAR-1986", "date"), ("21-JAN-2026", "date"), ("Fionn Brennan", "clinician_name"),
   ("Mairéad Kavanagh", "clinician_name")],
  keep=["Rockwood type V"],
  labels={"joint_dislocation": T, "ac_joint_dislocation": T, "swelling_hematoma": T}))

recs.append(R("HH-045", "elbow", "de", "de-kreiskrankenhaus-nachtrag", """Kreiskrankenhaus Grünstadt – Abt. Radiologie
Pat: Bone, Karl-Heinz  geb 3.7.1959
Unters.: Ellenbogen re 2 E, 16.02.2026
Klinik: Sturz mit dem Rad, Radiusköpfchen druckdolent, Streckdefizit.
Befund: Keine sichere Fraktur abgrenzbar. Vorderes Fettpolster fraglich angehoben, hinteres nicht sichtbar. Gelenkstellung regelrecht. Geringe degen. Veränderungen humeroulnar.
Beurteilung: Kein Frakturnachweis. Fraglicher Gelenkerguss. Bei pers. Beschwerden Radiusköpfchen-Zielaufnahme.
Dr. Vogel

NACHTRAG 16.02.2026, 15:10: Die angefertigte Radiusköpfchen-Zielaufnahme (Greenspan) zeigt eine nicht dislozierte Fraktur des Radiuskopfes radialseitig, Typ Mason I. Die Beurteilung wird entsprechend korrigiert. Telefonische Mitteilung an Fr. Dr. Schwarz-Weißhaupt, ZNA. Dr. Vogel""",
  [("Kreiskrankenhaus Grünstadt", "institution"), ("Bone, Karl-Heinz", "patient_name"), ("3.7.1959", "date"),
   ("16.02.2026", "date"), ("Vogel", "clinician_name"), ("Schwarz-Weißhaupt", "clinician_name")],
  keep=["Greenspan", "Mason I"],
  labels={"fracture": T, "radius_fracture": T, "radial_head_fracture": T, "fat_pad_sign": U,
          "joint_degeneration": T}))

recs.append(R("HH-046", "thumb", "en", "us-occ-health-urgent-care", """Concentra Urgent Care — Occupational Health
4400 W Sam Houston Pkwy N, Suite 150, Houston, TX 77041 | Ph 713-555-0188 | Fax 713-555-0189
PATIENT: Olumide Adebayo-Fox   DOB 10/05/1990   MRN 7712093
EMPLOYER: Hendricks Steel Fabrication   WC CLAIM #: TX-WC-26-0038812
DOI: 03/04/2026   DOS: 03/04/2026
PROVIDER: Lisa Tran, FNP

XR RIGHT THUMB 3 VIEWS
HX: metal grinding, something went into thumb
FINDINGS: 2 mm linear metallic density in the soft tissues of the volar distal thumb at the level of the distal phalanx, compatible with metallic foreign body. No fracture. No dislocation. Mild soft tissue swelling.
IMPRESSION: Retained metallic foreign body, volar distal thumb.
Read by: R. Mukherjee, MD — Virtual Radiologic""",
  [("Concentra Urgent Care", "institution"),
   ("4400 W Sam Houston Pkwy N, Suite 150, Houston, TX 77041", "address"), ("713-555-0188", "phone"),
   ("713-555-0189", "phone"), ("Olumide Adebayo-Fox", "patient_name"), ("10/05/1990", "date"),
   ("7712093", "id"), ("Hendricks Steel Fabrication", "other"), ("TX-WC-26-0038812", "id"),
   ("03/04/2026", "date"), ("Lisa Tran", "clinician_name"), ("R. Mukherjee", "clinician_name"),
   ("Virtual Radiologic", "institution")],
  labels={"foreign_body": T, "swelling_dactylitis": T},
  columns={"patient_name": "ADEBAYO-FOX^OLUMIDE", "patient_id": "7712093", "birth_date": "1990-10-05",
           "exam_date": "2026-03-04", "referring_physician": "TRAN^LISA"}))

recs.append(R("HH-047", "clavicle", "de", "it-suedtirol-paeds-normal", """Sanitätsbetrieb Südtirol – Gesundheitsbezirk Bruneck
Krankenhaus Bruneck, Radiologie – Spitalstraße 11, 39031 Bruneck
Paziente/Patient: Niederkofler Johanna, geb. 11.06.2012 (13 J.)
St.-Nr. NDRJNN12H51B220W
Begleitung: Mutter Sabine Niederkofler
Rx Schlüsselbein li. 1 Ebene, 09.01.2026
Zuweiser: Dr. Peter Hofer, Pädiatrie
Klinische Angaben: Skisturz, Druckschmerz Klavikula Mitte, Frakturverdacht.
Befund/Referto: Kein Frakturnachweis. Wachstumsfuge medial offen. AC- und SC-Gelenk unauffällig.
Beurteilung: Regelrechter Befund.
Dr. Andreas Steger""",
  [("Sanitätsbetrieb Südtirol", "institution"), ("Gesundheitsbezirk Bruneck", "institution"),
   ("Krankenhaus Bruneck", "institution"), ("Spitalstraße 11, 39031 Bruneck", "address"),
   ("Niederkofler Johanna", "patient_name"), ("11.06.2012", "date"), ("13 J.", "age"),
   ("NDRJNN12H51B220W", "id"), ("Sabine Niederkofler", "other_name"), ("09.01.2026", "date"),
   ("Peter Hofer", "clinician_name"), ("Andreas Steger", "clinician_name")],
  labels={}))

recs.append(R("HH-048", "elbow", "en", "uk-welsh-msk", """Prince Charles Hospital, Merthyr Tydfil – Cwm Taf Morgannwg UHB
Radiology Report
Patient: ARM, Eleri Wyn   Hosp. No: M1172044   Age: 69
Exam: Left elbow AP/lat   Date: 5 Feb 2026
Referrer: Dr Owain Prys-Jones, A&E

Clinical indication: Fall onto point of elbow. Unable to extend. ?olecranon #

Findings: There is a transverse, comminuted fracture of the olecranon with a separate intermediate fragment and 8 mm distraction of the proximal fragment by triceps pull. Joint effusion with elevated fat pads. Radial head and coronoid intact. Radiocapitellar alignment is maintained. A small well-corticated ossicle posterior to the distal humerus is noted, likely an os supratrochleare dorsale - incidental. Background mild osteoarthritic change.

Conclusion: Displaced comminuted olecranon fracture (Mayo IIB). Orthopaedic referral.

Dr Catrin Ellis-Head, Consultant MSK Radiologist. Verified 05/02/2026.""",
  [("Prince Charles Hospital", "institution"), ("Merthyr Tydfil", "address"),
   ("Cwm Taf Morgannwg UHB", "institution"), ("ARM, Eleri Wyn", "patient_name"), ("M1172044", "id"),
   ("69", "age"), ("5 Feb 2026", "date"), ("Owain Prys-Jones", "clinician_name"),
   ("Catrin Ellis-Head", "clinician_name"), ("05/02/2026", "date")],
  keep=["Mayo IIB"],
  labels={"fracture": T, "ulna_fracture": T, "olecranon_fracture": T, "olecranon_fracture_displaced": T,
          "olecranon_fracture_comminuted": T, "fat_pad_sign": T, "ossicle": T, "joint_degeneration": T}))

recs.append(R("HH-049", "thumb", "de", "lu-chdn-kurz", """Centre Hospitalier du Nord – Site Ettelbruck, Radiologie
120, avenue Salentiny, L-9080 Ettelbruck · Tél. 8166-1
Patient: KAYSER Tom, né le 14/04/2009   Matricule 20090414123
Examen / Untersuchung: Rx Daumen rechts F+P, 25.02.2026
Médecin demandeur: Dr. Anne Hansen-Welter
Klinik: Ballverletzung beim Basketball.
Befund: Kein Frakturnachweis. Die Epiphysenfugen der Phalangen sind altersentsprechend offen. Regelrechte Artikulation. Weichteile unauffällig.
Beurteilung: Unauffälliger Befund.
Dr. Jeff Schroeder""",
  [("Centre Hospitalier du Nord", "institution"), ("120, avenue Salentiny, L-9080 Ettelbruck", "address"),
   ("8166-1", "phone"), ("KAYSER Tom", "patient_name"), ("14/04/2009", "date"), ("20090414123", "id"),
   ("25.02.2026", "date"), ("Anne Hansen-Welter", "clinician_name"), ("Jeff Schroeder", "clinician_name")],
  labels={},
  columns={"patient_name": "KAYSER^TOM", "patient_id": "20090414123", "birth_date": "2009-04-14",
           "exam_date": "2026-02-25", "referring_physician": "HANSEN-WELTER^ANNE"}))

recs.append(R("HH-050", "clavicle", "en", "in-paeds-baby-of", """RAINBOW CHILDREN'S HOSPITAL, Banjara Hills, Hyderabad – 500034
Dept. of Radiology & Imaging
Name: Baby of Lakshmi Narayanan   UHID: RCH-HYD-2600871   Age: 1 day   Sex: M
Ref: Dr. P. Venkata Ramana (NICU)   Date: 06.03.2026
X-RAY BOTH CLAVICLES (AP)
Clinical: LGA baby, difficult delivery, decreased movement right arm. ? clavicle fracture ?Erb's palsy
Both clavicles are intact. No fracture or periosteal reaction seen. Both proximal humeri are normal. Visualised lungs clear.
IMPRESSION: No evidence of clavicle fracture. Clinical correlation for brachial plexus injury.
Dr. Sravani Reddy Kondapalli, DNB (Radiodiagnosis)""",
  [("RAINBOW CHILDREN'S HOSPITAL", "institution"), ("Banjara Hills, Hyderabad – 500034", "address"),
   ("Baby of Lakshmi Narayanan", "patient_name"), ("RCH-HYD-2600871", "id"), ("1 day", "age"),
   ("P. Venkata Ramana", "clinician_name"), ("06.03.2026", "date"),
   ("Sravani Reddy Kondapalli", "clinician_name")],
  keep=["Erb's palsy"],
  labels={}))

recs.append(R("HH-051", "elbow", "de", "ch-kantonsspital", """Kantonsspital Baselland, Standort Liestal – Radiologie
Rheinstrasse 26, 4410 Liestal
Hr. Marco Bernasconi-Kopp, 23.08.1969, PID 00551207
Rx Ellbogen links ap/seitl. vom 12.02.2026
Zuw.: Dr. med. Fabienne Vogt, Praxis am Bahnhof Sissach
Angaben: Seit 3 Mt. Schmerzen lat. Ellbogen, Tennisellbogen? Tennisspieler.
Befund: Schollige Verkalkung ca. 5 mm am Epicondylus lateralis humeri, im Ansatzbereich der Extensorensehnen gelegen, vereinbar mit Tendinosis calcarea. Geringe Arthrose humeroradial mit diskreten Osteophyten. Keine Fraktur. Kein Erguss. Gelenkstellung regelrecht.
Beurteilung: Verkalkung am Extensorenursprung lateral bei Epicondylopathia humeri radialis. Leichtgradige Arthrose humeroradial.
Dr. med. Nicole Bein-Stucki""",
  [("Kantonsspital Baselland, Standort Liestal", "institution"), ("Rheinstrasse 26, 4410 Liestal", "address"),
   ("Marco Bernasconi-Kopp", "patient_name"), ("23.08.1969", "date"), ("00551207", "id"),
   ("12.02.2026", "date"), ("Fabienne Vogt", "clinician_name"), ("Praxis am Bahnhof Sissach", "institution"),
   ("Nicole Bein-Stucki", "clinician_name")],
  labels={"soft_tissue_calcification": T, "joint_degeneration": T}))

recs.append(R("HH-052", "thumb", "en", "ph-private-hospital-normal", """MAKATI MEDICAL CENTER
No. 2 Amorsolo Street, Legaspi Village, Makati City 1229
Patient: SANTOS, Rizalina "Liza" B.   Age: 52   PIN: MMC-0419972
Date: 01/16/2026   Requesting: Dr. Ramon Ocampo
RIGHT THUMB RADIOGRAPH
Findings: The bones are intact. No fracture or dislocation is seen. The joint spaces are preserved. No soft tissue calcification. No radiopaque foreign body.
Impression: Negative study of the right thumb.
Ma. Theresa P. Gonzales-Uy, MD, DPBR""",
  [("MAKATI MEDICAL CENTER", "institution"), ("No. 2 Amorsolo Street, Legaspi Village, Makati City 1229", "address"),
   ("SANTOS, Rizalina \"Liza\" B.", "patient_name"), ("52", "age"), ("MMC-0419972", "id"),
   ("01/16/2026", "date"), ("Ramon Ocampo", "clinician_name"), ("Ma. Theresa P. Gonzales-Uy", "clinician_name")],
  labels={}))

recs.append(R("HH-053", "elbow", "de", "de-uniklinik-postop-prothese", """Universitätsklinikum Würzburg – Institut für Diagnostische und Interventionelle Radiologie
Oberdürrbacher Straße 6, 97080 Würzburg
Pat.: Dimitriou, Konstantinos   *30.04.1975   Fall-Nr. 0026117409
Röntgen Ellenbogen links 2 Ebenen vom 03.03.2026
Voraufnahme: 14.11.2025 (postop.)

Klinische Angaben: Z.n. Radiuskopfprothese bei Radiuskopftrümmerfraktur Mason III (11/2025). Kontrolle 4 Monate postop.

Befund: Im Vergleich zur Voraufnahme vom 14.11.2025 unveränderter Sitz der zementfreien Radiuskopfprothese, kein Lockerungssaum, kein Anhalt für Schaftmigration. Humeroradiale und humeroulnare Artikulation regelrecht. Keine heterotopen Ossifikationen. Kein Gelenkerguss.

Beurteilung: Regelrechter postoperativer Befund ohne Komplikationszeichen.

Prof. Dr. med. Alexander Rieß""",
  [("Universitätsklinikum Würzburg", "institution"), ("Oberdürrbacher Straße 6, 97080 Würzburg", "address"),
   ("Dimitriou, Konstantinos", "patient_name"), ("30.04.1975", "date"), ("0026117409", "id"),
   ("03.03.2026", "date"), ("14.11.2025", "date"), ("11/2025", "date"), ("Alexander Rieß", "clinician_name")],
  keep=["Mason III"],
  labels={}))

recs.append(R("HH-054", "clavicle", "en", "us-urgent-care-masked-ssn", """PATIENT FIRST — Glen Allen
10400 W Broad St, Glen Allen, VA 23060 · (804) 555-0126
Name: ROSE, Dakota J     DOB: 09/12/2001     SSN: ***-**-
4417   Acct: PF-3381904
Visit date: 1/29/2026
Provider: Michael Obi, MD

XR CLAVICLE LEFT COMPLETE
Indication: skateboard fall, clavicle pain, eval fracture
Findings: No acute fracture. AC and SC joints intact. Soft tissues normal.
Impression: No acute fracture. If pain persists, repeat in 10-14 days as occult fractures may become apparent.
Teleradiology read: Hannah Goldberg-Frank, MD""",
  [("PATIENT FIRST", "institution"), ("10400 W Broad St, Glen Allen, VA 23060", "address"),
   ("(804) 555-0126", "phone"), ("ROSE, Dakota J", "patient_name"), ("09/12/2001", "date"),
   ("***-**-\n4417", "id"), ("PF-3381904", "id"), ("1/29/2026", "date"), ("Michael Obi", "clinician_name"),
   ("Hannah Goldberg-Frank", "clinician_name")],
  labels={},
  columns={"patient_name": "ROSE^DAKOTA^J", "patient_id": "PF-3381904", "birth_date": "2001-09-12",
           "exam_date": "2026-01-29", "referring_physician": "OBI^MICHAEL"}))

recs.append(R("HH-055", "thumb", "de", "de-kreiskrankenhaus-paeds", """Kreiskrankenhaus Dormagen – Radiologie
Pat.: Hoffmann, Leonie  geb. 18.05.2015 (10 J.)
Mutter: Frau Jacqueline Hoffmann, Tel. 0172 / 448 19 03
Rö Daumen li 2 Eb. 11.02.2026
Fragestellung: Ballverletzung Handball, Schmerz Grundgelenk.
Befund: Fraktur an der Basis der Grundphalanx D1 ulnarseitig mit Beteiligung der Epiphysenfuge und Ausläufer in die Metaphyse, Salter-Harris II. Keine wesentliche Dislokation oder Achsabweichung. MCP-Gelenk kongruent. Weichteilschwellung.
Beurteilung: Salter-Harris-II-Fraktur der Grundphalanxbasis D1 links, nicht disloziert.
Dr. med. Ümit Kocaman""",
  [("Kreiskrankenhaus Dormagen", "institution"), ("Hoffmann, Leonie", "patient_name"), ("18.05.2015", "date"),
   ("10 J.", "age"), ("Jacqueline Hoffmann", "other_name"), ("0172 / 448 19 03", "phone"),
   ("11.02.2026", "date"), ("Ümit Kocaman", "clinician_name")],
  keep=["Salter-Harris II", "Salter-Harris-II-Fraktur"],
  labels={"fracture": T, "proximal_phalanx_fracture": T, "swelling_dactylitis": T}))

recs.append(R("HH-056", "elbow", "en", "ca-caps-terse", """NORTHERN HEALTH — UNIVERSITY HOSPITAL OF NORTHERN BC, PRINCE GEORGE
PT: PAQUETTE-WOLF, JEAN-LUC   PHN 9123 456 789   DOB 1990-MAR-17
EXAM: XR ELBOW LT 2V   DATE 2026-JAN-30   ACC UHNBC-0098817
ORDERING: DR. C. BIGCANOE
HISTORY: HOCKEY CHECK INTO BOARDS, ? FRACTURE
FINDINGS: NO FRACTURE OR DISLOCATION. FAT PADS NORMAL. NO OSSEOUS LESION.
IMPRESSION: NORMAL LEFT ELBOW.
DICTATED BY DR. P. SINGH-GREWAL""",
  [("NORTHERN HEALTH", "institution"), ("UNIVERSITY HOSPITAL OF NORTHERN BC", "institution"),
   ("PRINCE GEORGE", "address"), ("PAQUETTE-WOLF, JEAN-LUC", "patient_name"), ("9123 456 789", "id"),
   ("1990-MAR-17", "date"), ("2026-JAN-30", "date"), ("UHNBC-0098817", "id"), ("C. BIGCANOE", "clinician_name"),
   ("P. SINGH-GREWAL", "clinician_name")],
  labels={}))

recs.append(R("HH-057", "clavicle", "de", "de-gemeinschaftspraxis-acg", """Praxis für Radiologie Dr. Ludwig Armbruster & Partner · Gemeinschaftspraxis
Königstraße 68 · 70173 Stuttgart · T 0711 / 2 26 40-0 · F 0711 / 2 26 40-99
praxis(at)radiologie-koenigstrasse.de

Patient: Nguyen, Van Thang, geb. 27.9.1988
Untersuchung: Rö ACG bds. a.p. (mit/ohne Belastung), 13.01.2026
Zuweisender Arzt: Dr. Regina Hummel, Orthopädie
Fragestellung: Sturz beim Eishockey auf re. Schulter. ACG-Verletzung? Tossy?

Befund: Rechtes AC-Gelenk unter Belastung auf 9 mm erweitert (links 3 mm), Klavikula-Unterrand gegenüber Akromion-Unterrand um ca. halbe Schaftbreite nach kranial versetzt. CC-Abstand nur gering vergrößert (12 vs. 9 mm). Weichteilschwellung über dem rechten ACG. Keine Fraktur der Klavikula.

Beurteilung: AC-Gelenkverletzung rechts Typ Tossy II (Subluxation).

Dr. L. Armbruster""",
  [("Praxis für Radiologie Dr. Ludwig Armbruster & Partner", "institution"),
   ("Königstraße 68 · 70173 Stuttgart", "address"), ("0711 / 2 26 40-0", "phone"), ("0711 / 2 26 40-99", "phone"),
   ("praxis(at)radiologie-koenigstrasse.de", "email"), ("Nguyen, Van Thang", "patient_name"),
   ("27.9.1988", "date"), ("13.01.2026", "date"), ("Regina Hummel", "clinician_name"),
   ("L. Armbruster", "clinician_name")],
  keep=["Tossy II"],
  labels={"joint_subluxation": T, "ac_joint_subluxation": T, "ac_joint_space_widened": T,
          "swelling_hematoma": T}))

recs.append(R("HH-058", "thumb", "en", "pk-govt-hospital-hedged", """Services Hospital, Jail Road, Lahore — Department of Radiology
Patient name: Muhammad Usman s/o Abdul Ghafoor   Age: 61Y   MR No: SHL-26-118430
Date: 05/02/2026
Referred by: Dr. Faisal Mehmood (Ortho OPD)
X-ray Right Thumb AP/Lateral
Findings:
Mild narrowing of the first carpometacarpal joint with small marginal osteophytes - early osteoarthritis.
A tiny 2 mm radio-opaque density is seen in the thenar soft tissues; this may represent a small foreign body or a soft tissue calcification. Patient denies injury; correlate clinically.
No fracture. MCP and IP joints are unremarkable.
Impression: Early first CMC osteoarthritis. Tiny radio-opaque density thenar region - ?foreign body ?calcification.
Dr. Rabia Anwar, Senior Registrar""",
  [("Services Hospital", "institution"), ("Jail Road, Lahore", "address"), ("Muhammad Usman", "patient_name"),
   ("Abdul Ghafoor", "other_name"), ("61Y", "age"), ("SHL-26-118430", "id"), ("05/02/2026", "date"),
   ("Faisal Mehmood", "clinician_name"), ("Rabia Anwar", "clinician_name")],
  labels={"joint_degeneration": T, "cmc_joint_degeneration": T, "foreign_body": U,
          "soft_tissue_calcification": U}))

recs.append(R("HH-059", "elbow", "de", "it-suedtirol-paeds-normal", """Krankenhaus Schlanders – Radiologie / Ospedale di Silandro
Pat.: Gurschler Elias, 3 J., geb. 04.10.2022
Rx Ellbogen re 2 Ebenen, 26.01.2026
Ordinierende Ärztin: Dr. Chiara Rizzi, Erste Hilfe / Pronto Soccorso
Anamnese: Kind wurde von der Oma (Frau Rosa Gurschler) an der Hand hochgezogen, seither Schonhaltung. Klinisch V.a. Pronatio dolorosa (Chassaignac).
Befund: Regelrechte Stellung des Radiuskopfes zum Capitulum humeri in beiden Ebenen. Keine Fraktur. Fettpolster nicht angehoben. Altersentsprechende Ossifikationskerne.
Beurteilung: Unauffälliger Befund. Kein Hinweis auf knöcherne Verletzung.
Dr. Manfred Tappeiner""",
  [("Krankenhaus Schlanders", "institution"), ("Ospedale di Silandro", "institution"),
   ("Gurschler Elias", "patient_name"), ("3 J.", "age"), ("04.10.2022", "date"), ("26.01.2026", "date"),
   ("Chiara Rizzi", "clinician_name"), ("Rosa Gurschler", "other_name"), ("Manfred Tappeiner", "clinician_name")],
  keep=["Chassaignac"],
  labels={}))

recs.append(R("HH-060", "clavicle", "de", "de-kreiskrankenhaus-alt", """Kreiskrankenhaus Schrobenhausen – Radiologie
Pat: KOPF, ERWIN  71 J.  geb. 15.01.1954
Aufnahmedatum: 07.01.2026
Rö Klavikula links
Klin.: Z.n. Sturz vor Jahren, jetzt tastbare Vorwölbung, Tumor?
Befund: Alte, achsgerecht konsolidierte Fraktur im mittleren Klavikuladrittel mit kräftigem, glatt begrenztem Kallus, der die tastbare Vorwölbung erklärt. Keine Osteolyse, keine tumorverdächtige Läsion. Kein Weichteiltumor abgrenzbar. Gering degenerative Veränderungen im ACG.
Beurteilung: Konsolidierte alte Klavikulaschaftfraktur li. mit hypertrophem Kallus. Kein Tumornachweis. Leichte ACG-Arthrose.
Dr. med. Ines Walcher""",
  [("Kreiskrankenhaus Schrobenhausen", "institution"), ("KOPF, ERWIN", "patient_name"), ("71 J.", "age"),
   ("15.01.1954", "date"), ("07.01.2026", "date"), ("Ines Walcher", "clinician_name")],
  labels={"fracture": T, "fracture_middle_third": T, "joint_degeneration": T, "ac_joint_degeneration": T}))

write("/work/corpora/heldout3/h/batch-03.jsonl", recs)
print("ok")
