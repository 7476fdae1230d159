from emit import emit
T="true"; U="uncertain"
R=[]
R.append(dict(id="HG-061", region="elbow", lang="en", style="us-private-dictated",
report="""MIDWEST SPORTS IMAGING, LLC
4600 S Louise Ave, Sioux Falls, SD 57106

Patient: Hope-Ramírez, Isabella | DOB 2/14/2004 | MRN MSI-448812 | Acc 2026032900117
Exam date: March 29, 2026 | Ordering: Kevin J. Lindgren, MD

XR ELBOW RIGHT COMPLETE WITH RADIAL HEAD-CAPITELLUM (GREENSPAN) VIEW

INDICATION: Fell during volleyball, lateral elbow pain, limited supination.

TECHNIQUE: AP, lateral, oblique and Greenspan views.

FINDINGS: Both the anterior and posterior fat pads are elevated, consistent with joint effusion. On the Greenspan view there is a faint linear lucency through the lateral margin of the radial head without step-off; this may represent a nondisplaced radial head fracture versus a nutrient channel/Mach effect. Radial neck cortex intact. Alignment normal. Capitellum and olecranon intact.

IMPRESSION:
1. Joint effusion.
2. Questionable nondisplaced radial head fracture. In the setting of effusion, treat as occult radial head fracture; consider follow-up radiographs in 10-14 days.

Signed: Dr. Olumide A. Fagbemi, MD, MS  03/29/2026 18:03""",
ids=[("MIDWEST SPORTS IMAGING, LLC","institution"),("4600 S Louise Ave, Sioux Falls, SD 57106","address"),("Hope-Ramírez, Isabella","patient_name"),("2/14/2004","date"),("MSI-448812","id"),("2026032900117","id"),("March 29, 2026","date"),("Kevin J. Lindgren","clinician_name"),("Olumide A. Fagbemi","clinician_name"),("03/29/2026","date")],
keep=["GREENSPAN","Greenspan"],
labels=dict(fat_pad_sign=T,radial_head_fracture=U,radius_fracture=U,fracture=U),
columns=dict(patient_name="HOPE-RAMIREZ^ISABELLA",patient_id="MSI-448812",birth_date="2004-02-14",exam_date="2026-03-29",accession_number="2026032900117",referring_physician="LINDGREN^KEVIN^J")))

R.append(dict(id="HG-062", region="clavicle", lang="de", style="de-teleradiology",
report="""Radiologie Teleservice Süd – Nachtbefund
Klinik: Kreisklinik Bad Reichenhall (ZNA)
Pat.: Bauer, Sebastian, 27 J. | Clavicula li. | 30.03.2026 00:41
Frage: Sturz mit Snowboard, Klaviculafraktur?
Befund: Regelrechte Darstellung der linken Clavicula ohne Frakturnachweis. AC-Gelenk und SC-Gelenk kongruent. Keine Weichteilschwellung.
Beurteilung: Kein Nachweis einer knöchernen Verletzung.
gez. Dr. C. Yilmaz-Hofbauer (Teleradiologe)""",
ids=[("Radiologie Teleservice Süd","institution"),("Kreisklinik Bad Reichenhall","institution"),("Bauer, Sebastian","patient_name"),("27 J.","age"),("30.03.2026","date"),("C. Yilmaz-Hofbauer","clinician_name")],
labels={}))

R.append(dict(id="HG-063", region="thumb", lang="en", style="ng-paeds-baby-of",
report="""NNAMDI AZIKIWE UNIVERSITY TEACHING HOSPITAL, NNEWI
Department of Radiology

Name: Baby of Mrs. Chiamaka Obi-Nwankwo     Age: 3 days    Sex: F
Hosp. No: NAUTH/SCBU/26/118    Ward: SCBU, Cot 7
Date: 30-03-2026
Requesting Doctor: Dr. Emeka Uzodinma (Paediatrics)

Clinical information: Swollen left thumb noticed by nurse; ?fracture ?osteomyelitis. Delivered by SVD.

Findings:
Left hand/thumb AP and oblique. There is fusiform soft tissue swelling of the left thumb. The phalanges and first metacarpal are normally mineralised with no periosteal reaction, bony destruction or fracture. Joints are normally aligned. No radio-opaque foreign body.

Impression: Soft tissue swelling of the left thumb with no radiographic bone abnormality. Early osteomyelitis cannot be excluded on plain film; ultrasound suggested.

Dr. Ifeoma Chukwu-Adeleke, FMCR""",
ids=[("NNAMDI AZIKIWE UNIVERSITY TEACHING HOSPITAL","institution"),("NNEWI","address"),("Chiamaka Obi-Nwankwo","patient_name"),("3 days","age"),("NAUTH/SCBU/26/118","id"),("SCBU, Cot 7","other"),("30-03-2026","date"),("Emeka Uzodinma","clinician_name"),("Ifeoma Chukwu-Adeleke","clinician_name")],
labels=dict(swelling_dactylitis=T)))

R.append(dict(id="HG-064", region="elbow", lang="de", style="de-bg-unfallklinik",
report="""BG Klinik Ludwigshafen – Institut für Radiologie
Ludwig-Guttmann-Str. 13, 67071 Ludwigshafen

Pat.: Szabó, Ferenc   geb. 02.08.1971   Fall-Nr. 260330-0447
Unfall: 29.03.2026, Sturz von Hebebühne (Arbeitsunfall)
Untersuchung: Ellenbogen rechts 2 Ebenen, 30.03.2026; CT folgt
Anf.: Dr. med. Lukas Mayer-Ost, Schockraum

Befund:
Komplexe distale Humerusfraktur rechts mit interkondylärem Frakturverlauf in die Trochlea-Gelenkfläche und metaphysärer Trümmerzone. Das Capitulum-Fragment ist nach ventral-proximal disloziert, Gelenkstufe ca. 5 mm. Olecranon, Radiuskopf und Processus coronoideus ohne sicheren Frakturnachweis. Ausgeprägtes Fettpolsterzeichen. Ventral im Weichteilmantel ein 3 mm großer Metallsplitter (anamnestisch Schleifarbeiten), kein Bezug zur Fraktur.

Beurteilung:
1. Dislozierte, intraartikuläre Mehrfragmentfraktur des distalen Humerus rechts (AO/OTA 13-C3).
2. Metallischer Weichteilfremdkörper ventral.
3. Ergänzende CT zur OP-Planung angemeldet.

PD Dr. med. Charlotte Vogelsang-Ebert, Oberärztin""",
ids=[("BG Klinik Ludwigshafen","institution"),("Ludwig-Guttmann-Str. 13, 67071 Ludwigshafen","address"),("Szabó, Ferenc","patient_name"),("02.08.1971","date"),("260330-0447","id"),("29.03.2026","date"),("30.03.2026","date"),("Lukas Mayer-Ost","clinician_name"),("Charlotte Vogelsang-Ebert","clinician_name")],
keep=["AO/OTA 13-C3"],
labels=dict(fracture=T,distal_humerus_fracture=T,distal_humerus_fracture_comminuted=T,distal_humerus_fracture_displaced=T,distal_humerus_fracture_intraarticular=T,fat_pad_sign=T,foreign_body=T),
columns=dict(patient_name="SZABO^FERENC",patient_id="260330-0447",birth_date="1971-08-02",exam_date="2026-03-30",referring_physician="MAYER-OST^LUKAS")))

R.append(dict(id="HG-065", region="clavicle", lang="en", style="uk-dgh",
report="""Royal Lancaster Infirmary, Ashton Road, Lancaster LA1 4RP
XR L SHOULDER + CLAVICLE     Exam: 29/03/2026 19:22
Name: Winter, Holly May    DOB: 16.04.1996   RLI No: L0447182
Referred by ED: Dr Abdul-Rahman Qureshi

Hx: Fall from horse. Deformity L shoulder.

Report:
Shoulder: Anterior (subcoracoid) glenohumeral dislocation with a Hill-Sachs impaction defect of the posterolateral humeral head. No bony Bankart lesion seen.
Clavicle: No clavicular fracture. The acromioclavicular joint shows slight superior displacement of the distal clavicle by less than half of its width, with mildly widened AC joint space (9 mm) - in keeping with AC joint subluxation (Rockwood II). SC joint normal.

Conclusion:
1. Anterior shoulder dislocation with Hill-Sachs lesion - for reduction; post-reduction film to follow.
2. Rockwood II AC joint injury.

Dr J. A. Mahoney-Lee, Consultant Radiologist
cc Orthopaedic on-call; Dr Ruth King (GP), Bentham Surgery""",
ids=[("Royal Lancaster Infirmary","institution"),("Ashton Road, Lancaster LA1 4RP","address"),("29/03/2026","date"),("Winter, Holly May","patient_name"),("16.04.1996","date"),("L0447182","id"),("Abdul-Rahman Qureshi","clinician_name"),("J. A. Mahoney-Lee","clinician_name"),("Ruth King","clinician_name"),("Bentham Surgery","institution")],
keep=["Hill-Sachs","Bankart","Rockwood II"],
labels=dict(ac_joint_subluxation=T,joint_subluxation=T,ac_joint_space_widened=T)))

R.append(dict(id="HG-066", region="thumb", lang="de", style="ch-kantonsspital",
report="""Kantonsspital Graubünden, Loëstrasse 170, 7000 Chur
Institut für Radiologie
Patient: Cadruvi, Flurin, 1994, m   PID 0044 7182   Fall 31-0326-771
Daumen re. ap/seitlich + Skaphoidserie inkl. Stecher-Aufnahme, 31.03.2026
Zuweiser: Handchirurgie, Dr. med. Mirjam Weiss

Frage: Sturz mit dem Mountainbike auf die Faust, Deformität Daumenbasis.

Befund:
Luxation im Daumensattelgelenk rechts: Basis des Os metacarpale I vollständig nach dorsoradial aus dem Gelenk mit dem Trapezium disloziert, keine begleitende Fraktur der MC-I-Basis (keine Bennett-Konstellation). Trapezium intakt. Skaphoid in der Stecher-Aufnahme intakt, übrige Handwurzel regelrecht. MCP- und IP-Gelenk kongruent. Weichteilschwellung Daumenballen.

Beurteilung:
Reine dorsoradiale Luxation des Daumensattelgelenks rechts ohne Frakturnachweis.

Dr. med. Laura Bundi, Assistenzärztin / Dr. med. Thomas Hug, Leitender Arzt""",
ids=[("Kantonsspital Graubünden","institution"),("Loëstrasse 170, 7000 Chur","address"),("Cadruvi, Flurin","patient_name"),("1994","date"),("0044 7182","id"),("31-0326-771","id"),("31.03.2026","date"),("Mirjam Weiss","clinician_name"),("Laura Bundi","clinician_name"),("Thomas Hug","clinician_name")],
keep=["Stecher","Bennett"],
labels=dict(cmc_joint_dislocation=T,joint_dislocation=T,swelling_dactylitis=T)))

R.append(dict(id="HG-067", region="elbow", lang="en", style="ke-paeds-private",
report="""GERTRUDE'S CHILDREN'S HOSPITAL, Muthaiga, Nairobi
Radiology Department | Tel: 0709 529 000

Patient: Njeri Wambui Mwangi    Age: 11 yrs   Sex: F
File No: GCH/26/3318-0    Date: 31/03/2026
Referred by: Dr. S. Mutua, Paediatric Orthopaedics

Clinical notes: Painless hard swelling above the R elbow for 6 months. Mother and brother have "bony lumps".

Findings:
Right elbow AP and lateral: A pedunculated bony outgrowth arises from the medial aspect of the distal humeral metaphysis, directed away from the joint, with corticomedullary continuity with the parent bone. No cortical destruction or periosteal reaction. A smaller sessile exostosis arises from the proximal ulnar metaphysis. Joints congruent. Physes open and normal. No fracture.

Impression:
Osteochondromas of the distal humerus and proximal ulna. Given the family history, features are suggestive of hereditary multiple exostoses. No radiographic features of malignant transformation.

Dr. Wanjiku Gathoni, MBChB, MMed (Radiology)""",
ids=[("GERTRUDE'S CHILDREN'S HOSPITAL","institution"),("Muthaiga, Nairobi","address"),("0709 529 000","phone"),("Njeri Wambui Mwangi","patient_name"),("11 yrs","age"),("GCH/26/3318-0","id"),("31/03/2026","date"),("S. Mutua","clinician_name"),("Wanjiku Gathoni","clinician_name")],
labels=dict(exostosis=T)))

R.append(dict(id="HG-068", region="clavicle", lang="de", style="de-paeds-neonatal",
report="""Klinikum Frankfurt (Oder) – Klinik für Kinder- und Jugendmedizin, Neonatologie
Müllroser Chaussee 7, 15236 Frankfurt (Oder)

Pat.: Winter, Knabe (Mutter: Lisa-Marie Winter)   geb. 29.03.2026, Alter 2 Tage
Station NEO 1, Bett 5   Pat.-Nr. 3700447182
Röntgen: Clavicula bds. a.p. am 31.03.2026
Anf.: Dr. Małgorzata Lewandowska, Neonatologie

Klinik: Makrosomes Neugeborenes (4.620 g), schwierige Schulterentwicklung. Krepitation? Claviculafraktur?

Befund: Beide Claviculae durchgehend glatt konturiert, kein Frakturnachweis, keine Stufenbildung, keine Kallusbildung. Proximale Humeri unauffällig, Humeruskopfkerne noch nicht angelegt (altersgerecht).

Beurteilung: Kein Nachweis einer geburtstraumatischen Claviculafraktur.

Dr. med. Uwe Specht""",
ids=[("Klinikum Frankfurt (Oder)","institution"),("Müllroser Chaussee 7, 15236 Frankfurt (Oder)","address"),("Winter, Knabe","patient_name"),("Lisa-Marie Winter","other_name"),("29.03.2026","date"),("2 Tage","age"),("Station NEO 1, Bett 5","other"),("3700447182","id"),("31.03.2026","date"),("Małgorzata Lewandowska","clinician_name"),("Uwe Specht","clinician_name")],
labels={},
columns=dict(patient_name="WINTER^KNABE",patient_id="3700447182",birth_date="2026-03-29",exam_date="2026-03-31",referring_physician="LEWANDOWSKA^MALGORZATA")))

R.append(dict(id="HG-069", region="thumb", lang="en", style="us-va-vista",
report="""CENTRAL TEXAS VETERANS HEALTH CARE SYSTEM - TEMPLE
Patient: FRANK, ROBERT E   SSN: xxx-xx-6612
Exam: THUMB 2+ VIEWS LT   Case 5517   Date: MAR 31, 2026
Requesting: STONE-ABIOLA, GRACE   Loc: ORTHO CLINIC
Hx: 64 y/o M, jammed thumb moving furniture

FINDINGS: No fracture or dislocation. Joint spaces maintained. Soft tissues unremarkable.
IMPRESSION: NEGATIVE LEFT THUMB.

Primary Dx: NORMAL
-bjs/ORTIZ-DELGADO, BENJAMIN J""",
ids=[("CENTRAL TEXAS VETERANS HEALTH CARE SYSTEM","institution"),("TEMPLE","address"),("FRANK, ROBERT E","patient_name"),("xxx-xx-6612","id"),("Case 5517","id"),("MAR 31, 2026","date"),("STONE-ABIOLA, GRACE","clinician_name"),("64 y/o","age"),("bjs","other"),("ORTIZ-DELGADO, BENJAMIN J","clinician_name")],
labels={},
columns=dict(patient_name="FRANK^ROBERT^E",patient_id="6612",exam_date="2026-03-31",accession_number="033126-5517",referring_physician="STONE-ABIOLA^GRACE")))

R.append(dict(id="HG-070", region="elbow", lang="de", style="de-teleradiology-addendum",
report="""TELERADIOLOGISCHER BEFUND – NACHTDIENST
Auftraggeber: Kreiskrankenhaus St. Ingbert, Notaufnahme
Pat.: Koch, Andreas, 52 J. | Acc. 26-44718-TR | 31.03.2026 03:20
Ellenbogen links in 2 Ebenen

Frage: Sturz auf den Ellenbogen, Fraktur?

Befund: Kein Frakturnachweis. Gelenkstellung regelrecht. Kein Erguss.
Beurteilung: Keine knöcherne Verletzung nachweisbar.
Dr. med. Tobias Reinhardt, Teleradiologe

NACHTRAG 31.03.2026 08:45 (Tagdienst, Zweitbefundung):
In der seitlichen Aufnahme zarter, ca. 3 mm großer knöcherner Schatten ventral des Processus coronoideus, V.a. Abriss der Koronoidspitze (Regan-Morrey I). Ventrales Fettpolster diskret abgehoben, ein Gelenkerguss ist nicht sicher auszuschließen. Die Beurteilung wird entsprechend korrigiert. Ggf. CT. Befund an ZNA (Dr. Fatma Keskin) telefonisch übermittelt.
Prof. Dr. med. habil. Reinhold Baumann""",
ids=[("Kreiskrankenhaus St. Ingbert","institution"),("Koch, Andreas","patient_name"),("52 J.","age"),("26-44718-TR","id"),("31.03.2026","date"),("Tobias Reinhardt","clinician_name"),("Fatma Keskin","clinician_name"),("Reinhold Baumann","clinician_name")],
keep=["Regan-Morrey I"],
labels=dict(coronoid_tip_avulsion=U,coronoid_fracture=U,ulna_fracture=U,fracture=U,fat_pad_sign=U)))

R.append(dict(id="HG-071", region="clavicle", lang="en", style="scot-nhs",
report="""NHS Dumfries & Galloway - Dumfries and Galloway Royal Infirmary
Cargenbridge, Dumfries DG2 8RX

Name: Stewart, Alexander "Sandy"   CHI: 1105 62 ****   DOB 11/05/1962
Exam: XR Clavicle L   01/04/2026   Acc DGRI 26 004471
GP: Dr Heather Baird, Castle Douglas Medical Group

Clinical: Gamekeeper. L shoulder girdle ache. Old shotgun injury 1990s. Old # L clavicle.

Report: Multiple rounded metallic densities (shotgun pellets) lie within the soft tissues of the left supraclavicular fossa and over the lateral clavicle, unchanged in distribution compared with 14/08/2015. Old healed fracture of the lateral third of the left clavicle, with well-remodelled callus and near-anatomical alignment. No acute fracture. AC joint maintained, no significant degenerative change. SC joint normal.

Conclusion: Retained shotgun pellets, stable. Old healed lateral clavicle fracture. No acute abnormality.

Dr Euan McCracken FRCR
dict. EMcC / typed: lr""",
ids=[("NHS Dumfries & Galloway","institution"),("Dumfries and Galloway Royal Infirmary","institution"),("Cargenbridge, Dumfries DG2 8RX","address"),("Stewart, Alexander","patient_name"),("Sandy","patient_name"),("1105 62 ****","id"),("11/05/1962","date"),("01/04/2026","date"),("DGRI 26 004471","id"),("Heather Baird","clinician_name"),("Castle Douglas Medical Group","institution"),("1990s","date"),("14/08/2015","date"),("Euan McCracken","clinician_name"),("EMcC","clinician_name"),("lr","other_name")],
labels=dict(foreign_body=T,fracture=T,fracture_lateral_third=T),
columns=dict(patient_name="STEWART^ALEXANDER",patient_id="110562****",birth_date="1962-05-11",exam_date="2026-04-01",accession_number="DGRI26004471",referring_physician="BAIRD^HEATHER")))

R.append(dict(id="HG-072", region="thumb", lang="de", style="at-ukh-postop",
report="""AUVA-Unfallkrankenhaus Klagenfurt am Wörthersee
Waidmannsdorfer Straße 35, 9020 Klagenfurt am Wörthersee
Radiologie

Pat.: Kogler, Stefanie, w, 29 J.      Aufn.-Zahl 26-K-04471
Untersuchung: Daumen links 2 Ebenen postoperativ, 01.04.2026
Zuweisung: OP, OA Dr. Herwig Mössler

Klinik: Z.n. offener Reposition und Bohrdrahtosteosynthese einer Trümmerfraktur des Daumengrundglieds (Kreissäge).

Befund:
Zwei gekreuzte Kirschnerdrähte und ein longitudinaler K-Draht im Grundglied. Die mehrfragmentäre Schaftfraktur des Grundglieds ist in nahezu anatomischer Stellung fixiert, die Frakturspalten sind noch abgrenzbar. Kleines kortikales Zusatzfragment radial nicht vollständig reponiert (1 mm). Grund- und Endgelenk kongruent. Postoperative Weichteilschwellung, Hautklammern. Kein röntgendichter Fremdkörper.

Beurteilung:
Regelrechte Stellung nach K-Draht-Osteosynthese der Grundgliedtrümmerfraktur links.

Dr. Magdalena Ogris""",
ids=[("AUVA-Unfallkrankenhaus Klagenfurt am Wörthersee","institution"),("Waidmannsdorfer Straße 35, 9020 Klagenfurt am Wörthersee","address"),("Kogler, Stefanie","patient_name"),("29 J.","age"),("26-K-04471","id"),("01.04.2026","date"),("Herwig Mössler","clinician_name"),("Magdalena Ogris","clinician_name")],
keep=["Kirschnerdrähte","K-Draht"],
labels=dict(fracture=T,fracture_comminuted=T,proximal_phalanx_fracture=T,proximal_phalanx_fracture_comminuted=T,swelling_dactylitis=T)))

R.append(dict(id="HG-073", region="elbow", lang="en", style="us-private-dictated",
report="""Tri-County Radiology Partners
Hawthorne, Patel and Associates
22830 Harper Ave, St. Clair Shores, MI 48080

Patient: Ahmed, Fatima Zahra    DOB: 09/09/1949    Age: 76 yo
MRN: TCR-77-004471    Acc: TCR2604010088
Date: 04/01/2026
Ref: Gregory Marsh, DO
cc: Eastpointe Family Medicine

XR ELBOW LEFT 2 VIEWS
Indication: Fall at home onto L elbow. Swelling, unable to extend.

Findings: There is a comminuted fracture of the olecranon with three main fragments and 8 mm distraction of the proximal fragment. Large joint effusion. The radial head and coronoid are intact. Within the distal humeral metadiaphysis there is a 1.5 cm well-circumscribed sclerotic lesion with punctate "rings and arcs" matrix, likely a benign enchondroma. Moderate osteopenia.

Impression:
1. Comminuted, displaced olecranon fracture (Mayo IIB).
2. Incidental sclerotic chondroid lesion distal humerus, likely enchondroma; follow-up radiographs in 6 months suggested.

Marcus T. Oyelaran-Hale, MD
Dictated 04/01/2026 / jk""",
ids=[("Tri-County Radiology Partners","institution"),("Hawthorne, Patel and Associates","institution"),("22830 Harper Ave, St. Clair Shores, MI 48080","address"),("Ahmed, Fatima Zahra","patient_name"),("09/09/1949","date"),("76 yo","age"),("TCR-77-004471","id"),("TCR2604010088","id"),("04/01/2026","date"),("Gregory Marsh","clinician_name"),("Eastpointe Family Medicine","institution"),("Marcus T. Oyelaran-Hale","clinician_name"),("jk","other_name")],
keep=["Mayo IIB"],
labels=dict(fracture=T,ulna_fracture=T,olecranon_fracture=T,olecranon_fracture_comminuted=T,olecranon_fracture_displaced=T,fat_pad_sign=T,sclerotic_lesion=T)))

R.append(dict(id="HG-074", region="clavicle", lang="de", style="ch-kantonsspital-pipe",
report="""Kantonsspital Aarau AG, Radiologie, Tellstrasse 25, 5001 Aarau
Pat.: König, Werner Ernst, 1958 | PID 0 447 182 63 | 02.04.2026
Zuweiser: Praxis am Bahnhof Lenzburg, Dres. Egli & Gashi

Klinik: Chronische Schmerzen Schultereckgelenk re., Z.n. Velosturz vor ca. 20 Jahren, damals AC-Verletzung konservativ behandelt.

Befund Clavicula re. ap/Zanca:
Kräftige, längliche Verkalkung im Verlauf der korakoklavikulären Bänder, vereinbar mit posttraumatischer Bandverkalkung. AC-Gelenk mit Gelenkspaltverschmälerung, Osteophyten und subchondralen Zysten; laterales Claviculaende leicht nach kranial stehend, am ehesten Subluxationsstellung bei altem Bandschaden. Clavicula ohne Fraktur.

Beurteilung:
1. Fortgeschrittene AC-Gelenksarthrose rechts.
2. Verkalkung der Ligg. coracoclavicularia nach altem Trauma.
3. Leichter Clavicula-Hochstand, am ehesten residuelle AC-Subluxation.

Dr. med. Lea Vonlanthen, Oberärztin""",
ids=[("Kantonsspital Aarau AG","institution"),("Tellstrasse 25, 5001 Aarau","address"),("König, Werner Ernst","patient_name"),("1958","date"),("0 447 182 63","id"),("02.04.2026","date"),("Praxis am Bahnhof Lenzburg","institution"),("Egli","clinician_name"),("Gashi","clinician_name"),("Lea Vonlanthen","clinician_name")],
keep=["Zanca"],
labels=dict(ac_joint_degeneration=T,joint_degeneration=T,ac_joint_space_narrowed=T,soft_tissue_calcification=T,ac_joint_subluxation=U,joint_subluxation=U)))

R.append(dict(id="HG-075", region="thumb", lang="en", style="scot-lowercase-terse",
report="""ninewells hospital dundee - xr thumb rt
pt: campbell, ewan   chi 2304881***   02/04/2026
ref: dr a. balfour (minor injuries, perth royal infirmary)
?# after punch

no fracture. no dislocation. normal soft tissues.
no bony injury seen.

dr s. ahmed-mcleod""",
ids=[("ninewells hospital","institution"),("dundee","address"),("campbell, ewan","patient_name"),("2304881***","id"),("02/04/2026","date"),("a. balfour","clinician_name"),("perth royal infirmary","institution"),("s. ahmed-mcleod","clinician_name")],
labels={}))

R.append(dict(id="HG-076", region="elbow", lang="de", style="de-paeds-kinderklinik",
report="""Kinder- und Jugendklinik, Klinikum Sankt Georg gGmbH
Delitzscher Str. 141, 04129 Leipzig
Pat.: Lindner, Emma, 8 J. (geb. 17.06.2017)   Station K2, Zi. 4
Fall: 8120447182
Untersuchung 02.04.2026: Ellenbogen li. a.p. und seitlich
Anford.: Dr. Duc Anh Tran, Kinderchirurgie

Fragestellung: Sturz vom Fahrrad, Druckschmerz medial. Fraktur? Epicondylus-Abriss?

Befund:
Knochenkerne von Capitulum, Radiuskopf, Epicondylus ulnaris und Trochlea angelegt; der Trochlea-Kern erscheint mehrkernig/fragmentiert, typische Normvariante in diesem Alter. Epicondylus ulnaris in regelrechter Position, Fuge nicht erweitert. Regelrechte Gelenkstellung, anteriore Humeruslinie trifft das Capitulum. Kein Fettpolsterzeichen. Keine Fraktur.

Beurteilung:
Altersentsprechender Befund, kein Frakturnachweis. Mehrkerniger Trochlea-Kern (Normvariante).

Dr. Greta Fuchs-Wendland""",
ids=[("Klinikum Sankt Georg gGmbH","institution"),("Delitzscher Str. 141, 04129 Leipzig","address"),("Lindner, Emma","patient_name"),("8 J.","age"),("17.06.2017","date"),("Station K2, Zi. 4","other"),("8120447182","id"),("02.04.2026","date"),("Duc Anh Tran","clinician_name"),("Greta Fuchs-Wendland","clinician_name")],
labels={},
columns=dict(patient_name="LINDNER^EMMA",patient_id="8120447182",birth_date="2017-06-17",exam_date="2026-04-02",referring_physician="TRAN^DUC ANH")))

R.append(dict(id="HG-077", region="clavicle", lang="en", style="nz-public",
report="""Christchurch Hospital - Te Whatu Ora Waitaha Canterbury
Radiology Department, 2 Riccarton Avenue, Christchurch 8011

Patient: Sutherland-Fa'amausili, Tavita   NHI: DRT9043   DOB 28/02/1988
Exam: XR R clavicle   03/04/2026   Acc CHC-26-118442
Referrer: Dr Priyanka Naidoo (ED)

Clinical: Cycling accident, R clavicle tender.

Findings: No fracture. AC and SC joints normally aligned. There is a possible ill-defined area of sclerosis in the medial third of the clavicle, which may simply represent overlap of the first rib. No lytic lesion. No soft tissue swelling.

Conclusion: No fracture. Equivocal sclerotic focus medial clavicle, probably overlap - if clinically relevant, a repeat view with different angulation could clarify.

Dr Lachlan Fitzgerald-Wong, Radiology Registrar
Checked: Dr Anahera Rēweti FRANZCR""",
ids=[("Christchurch Hospital","institution"),("Te Whatu Ora Waitaha Canterbury","institution"),("2 Riccarton Avenue, Christchurch 8011","address"),("Sutherland-Fa'amausili, Tavita","patient_name"),("DRT9043","id"),("28/02/1988","date"),("03/04/2026","date"),("CHC-26-118442","id"),("Priyanka Naidoo","clinician_name"),("Lachlan Fitzgerald-Wong","clinician_name"),("Anahera Rēweti","clinician_name")],
labels=dict(sclerotic_lesion=U)))

R.append(dict(id="HG-078", region="thumb", lang="de", style="de-teleradiology-typos",
report="""Teleradiologie-Nachtdienst für Klinikum Bad Salzungen, ZNA
Pat.: Zimmermann, Petra, w, 58J, Acc 0447-1829
Daumen re 2Eb, 03.04.2026 02:14

Fragestelung: Sturz vom Fahhrad, Druckschmerz Daumensattel, Fx?

Befund: Im Vgl. zur Voraufnahme vom 12.3. unveränderter Befund. Keine Fraktur, keine Luxation. Gelenkspalten erhalten. kein Fremdkörper
Beurteilung: Kein Frakturnachweis, o.B.

Dr. A. Wojciechowski-Lang""",
ids=[("Klinikum Bad Salzungen","institution"),("Zimmermann, Petra","patient_name"),("58J","age"),("0447-1829","id"),("03.04.2026","date"),("12.3.","date"),("A. Wojciechowski-Lang","clinician_name")],
labels={}))

R.append(dict(id="HG-079", region="elbow", lang="en", style="ng-teaching-hospital",
report="""AMINU KANO TEACHING HOSPITAL, KANO
Department of Radiology  |  Zaria Road, Kano

Name: Hajiya Zainab Bello-Idris   Age: 63 years   Sex: F
Hosp No: AKTH/447182   X-ray No: 1190/26
Ward: A&E, Trolley 3
Date: 03/04/2026
Requesting Physician: Dr. Yusuf Abubakar Lawal

Examination: Left elbow and wrist (AP/lateral)
Clinical: Slipped in bathroom, fell on outstretched left hand. Pain wrist and elbow.

Findings:
Elbow: Normal alignment. No fracture or dislocation. The fat pads are not elevated. No lytic or sclerotic lesion. Osteopenia.
Wrist: Extra-articular fracture of the distal radius about 2 cm from the articular surface, with dorsal angulation and dorsal displacement of the distal fragment and radial shortening - Colles fracture. Fracture of the ulnar styloid.

Conclusion:
1. Normal left elbow.
2. Left Colles fracture with ulnar styloid fracture.

Dr. Hauwa Sani-Mohammed, FWACS (Radiology)""",
ids=[("AMINU KANO TEACHING HOSPITAL","institution"),("KANO","address"),("Zaria Road, Kano","address"),("Zainab Bello-Idris","patient_name"),("63 years","age"),("AKTH/447182","id"),("1190/26","id"),("A&E, Trolley 3","other"),("03/04/2026","date"),("Yusuf Abubakar Lawal","clinician_name"),("Hauwa Sani-Mohammed","clinician_name")],
keep=["Colles"],
labels={}))

R.append(dict(id="HG-080", region="clavicle", lang="de", style="de-bg-postop",
report="""BG Klinikum Hamburg – Radiologie
Bergedorfer Straße 10, 21033 Hamburg

Pat.: Dąbrowski, Tomasz   geb. 14.01.1983   Pat.-Nr. 5004471823
Unfall 10.01.2026 (BG-Fall), OP 14.01.2026: Hakenplatte re. bei AC-Gelenksprengung Rockwood V
Untersuchung: 04.04.2026, Clavicula/AC-Gelenk re. ap (12 Wo. postop.)
Anf.: Sprechstunde Schulter/Ellenbogen, Dr. Helge Johannsen

Befund:
Hakenplatte re. in unveränderter Lage, Haken subakromial. Keine Lockerungszeichen, kein Implantatbruch. AC-Gelenk reponiert und kongruent, Gelenkspalt normal weit. Keine subakromiale Osteolyse durch den Haken. Keine Verkalkungen.

Beurteilung:
Regelrechter Befund 12 Wochen nach Hakenplattenosteosynthese. Implantatentfernung wie geplant möglich.

Dr. med. Britta Ohlsen, FÄ Radiologie""",
ids=[("BG Klinikum Hamburg","institution"),("Bergedorfer Straße 10, 21033 Hamburg","address"),("Dąbrowski, Tomasz","patient_name"),("14.01.1983","date"),("5004471823","id"),("10.01.2026","date"),("14.01.2026","date"),("04.04.2026","date"),("Helge Johannsen","clinician_name"),("Britta Ohlsen","clinician_name")],
keep=["Rockwood V"],
labels={},
columns=dict(patient_name="DABROWSKI^TOMASZ",patient_id="5004471823",birth_date="1983-01-14",exam_date="2026-04-04",referring_physician="JOHANNSEN^HELGE")))

emit("/work/corpora/heldout3/g/batch-04.jsonl", R)
