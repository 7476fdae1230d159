from emit import emit
T="true"; U="uncertain"
R=[]
R.append(dict(id="HG-041", region="thumb", lang="en", style="us-private-dictated",
report="""RIDGEVIEW IMAGING CENTER · 4410 Lakeside Pkwy, Suite 110, Flower Mound, TX 75028
Ph 972-555-0187 | results@ridgeviewimaging.com

Patient Name: Gutiérrez Salazar, María José
DOB: 08/30/1957        Patient ID: RVI-2026-55817
Exam: XR THUMB LEFT MIN 2 VIEWS; XR HANDS BILAT BALL-CATCHER (NORGAARD)
Date: 3/12/26
Ordering Provider: Dennis O. Hartwell, DO

Indication: L thumb base pain, stiffness. Hx hypothyroidism. Eval OA vs inflammatory arthritis.

Findings:
Left thumb: Moderate first carpometacarpal joint space narrowing with subchondral sclerosis and marginal osteophytes. The first metacarpal base is normally aligned. Mild narrowing of the MCP joint, probably degenerative. IP joint preserved. No fracture. No erosions or periostitis.
Norgaard view: no marginal erosions in the bilateral hands. Chondrocalcinosis in the triangular fibrocartilage bilaterally.

Impression:
1. Moderate first CMC osteoarthritis, left.
2. Mild MCP joint narrowing, probably degenerative.
3. No erosive arthropathy. Chondrocalcinosis at the wrists, which can be seen with CPPD.

Electronically signed by Anjali Raghunathan, MD on 3/12/26 at 4:51 PM
Job 77120 / tr: LWB""",
ids=[("RIDGEVIEW IMAGING CENTER","institution"),("4410 Lakeside Pkwy, Suite 110, Flower Mound, TX 75028","address"),("972-555-0187","phone"),("results@ridgeviewimaging.com","email"),("Gutiérrez Salazar, María José","patient_name"),("08/30/1957","date"),("RVI-2026-55817","id"),("3/12/26","date"),("Dennis O. Hartwell","clinician_name"),("Anjali Raghunathan","clinician_name"),("77120","id"),("LWB","other_name")],
keep=["NORGAARD","Norgaard"],
labels=dict(cmc_joint_degeneration=T,joint_degeneration=T,mcp_joint_degeneration=U),
columns=dict(patient_name="GUTIERREZ SALAZAR^MARIA JOSE",patient_id="RVI-2026-55817",birth_date="1957-08-30",exam_date="2026-03-12",referring_physician="HARTWELL^DENNIS^O")))

R.append(dict(id="HG-042", region="clavicle", lang="de", style="de-paeds-kinderklinik",
report="""Kliniken der Stadt Köln – Kinderkrankenhaus Amsterdamer Straße
Pädiatrische Radiologie
Amsterdamer Str. 59, 50735 Köln

Patient: Schneider, Noah         geb.: 20.02.2026 (4 Wochen)
Fallnr.: 0026 4471 5532
Datum: 20.03.2026
Anforderung: Kinderarztpraxis Dres. Hoffmann & Yıldız, Köln-Nippes

Fragestellung: Mutter tastet Knoten über der rechten Clavicula seit einer Woche. Raumforderung? Lymphknoten?

Befund:
Clavicula rechts: Spindelförmige, glatt begrenzte periostale Kallusformation in Schaftmitte um eine noch schemenhaft erkennbare Frakturlinie, achsengerecht. Kein Hinweis auf eine Weichteilraumforderung. Keine Osteolyse. Mitabgebildete proximale Humeri unauffällig.

Beurteilung:
Heilende, wahrscheinlich geburtstraumatische Claviculafraktur rechts mit Kallusbildung als Ursache der tastbaren Schwellung. Kein Anhalt für Tumor.

OÄ Dr. med. Sarah Lindqvist""",
ids=[("Kliniken der Stadt Köln","institution"),("Kinderkrankenhaus Amsterdamer Straße","institution"),("Amsterdamer Str. 59","address"),("50735 Köln","address"),("Schneider, Noah","patient_name"),("20.02.2026","date"),("4 Wochen","age"),("0026 4471 5532","id"),("20.03.2026","date"),("Kinderarztpraxis Dres. Hoffmann & Yıldız","institution"),("Köln-Nippes","address"),("Sarah Lindqvist","clinician_name")],
labels=dict(fracture=T,fracture_middle_third=T),
columns=dict(patient_name="SCHNEIDER^NOAH",patient_id="002644715532",birth_date="2026-02-20",exam_date="2026-03-20",referring_physician="HOFFMANN")))

R.append(dict(id="HG-043", region="elbow", lang="en", style="uk-dgh",
report="""Department of Radiology, Darlington Memorial Hospital
Hollyhurst Road, Darlington DL3 6HX   Tel 01325 380100

Name: BAKER, Marcus   Hosp No: D447182K   NHS: 634 221 7719
DOB: 14/10/1977 (48y)
XR L elbow + L wrist   Exam date: 20/03/2026   Acc: DMH/26/44718
Requested by: Mr Olamide Fashola, ST4 Orthopaedics

Clinical: Fall from height ~3m onto outstretched L hand. Pain elbow and wrist.

Findings:
Elbow: Comminuted fracture of the radial head with depression of the anterolateral fragment and approximately 3 mm articular step. Joint effusion with elevated anterior and posterior fat pads. Ulnohumeral joint congruent. No coronoid or olecranon fracture.
Wrist: The distal radioulnar joint appears widened on the PA view with ulnar positive variance of 4 mm. No distal radius fracture.

Impression:
Comminuted, displaced radial head fracture. Widening of the DRUJ raises the question of an Essex-Lopresti injury (interosseous membrane disruption) - clinical correlation and comparison views of the contralateral wrist suggested.

Reported by: Dr Siobhán Ní Bhriain FRCR, 20/03/2026 21:14
cc: Fracture Clinic, Mr R. Stone""",
ids=[("Darlington Memorial Hospital","institution"),("Hollyhurst Road, Darlington DL3 6HX","address"),("01325 380100","phone"),("BAKER, Marcus","patient_name"),("D447182K","id"),("634 221 7719","id"),("14/10/1977","date"),("48y","age"),("20/03/2026","date"),("DMH/26/44718","id"),("Olamide Fashola","clinician_name"),("Siobhán Ní Bhriain","clinician_name"),("R. Stone","clinician_name")],
keep=["Essex-Lopresti"],
labels=dict(fracture=T,radius_fracture=T,radial_head_fracture=T,radial_head_fracture_comminuted=T,radial_head_fracture_displaced=T,fat_pad_sign=T)))

R.append(dict(id="HG-044", region="thumb", lang="de", style="caps-teleradiology",
report="""TELERADIOLOGIE-NACHTDIENST / RADIOLOGIE NETZWERK OBERFRANKEN
ANFORDERNDE KLINIK: KLINIKUM KULMBACH, ZNA (DR. SCHULZ)
PATIENTIN: SOMMER, KLARA, 34 J.  -  EINGANG 23.03.2026 03:10
DAUMEN RE. 2 EBENEN

FRAGESTELLUNG: STURZ MIT DEM FAHRRAD, SKIDAUMEN?

BEFUND: KEIN NACHWEIS EINER FRAKTUR, INSBESONDERE KEIN KNOECHERNER AUSRISS AN DER ULNAREN GRUNDGLIEDBASIS. GELENKSTELLUNG REGELRECHT. KEINE FREMDKOERPER.

BEURTEILUNG: KEIN FRAKTURNACHWEIS. BEI KLINISCHEM V.A. LAESION DES ULNAREN SEITENBANDES GGF. SONOGRAFIE.

jk/ms""",
ids=[("RADIOLOGIE NETZWERK OBERFRANKEN","institution"),("KLINIKUM KULMBACH","institution"),("SCHULZ","clinician_name"),("SOMMER, KLARA","patient_name"),("34 J.","age"),("23.03.2026","date"),("jk/ms","other")],
labels={},
columns=dict(patient_name="SOMMER^KLARA",patient_id="KU-88140223",exam_date="2026-03-23")))

R.append(dict(id="HG-045", region="clavicle", lang="en", style="ng-federal-medical-centre",
report="""FEDERAL MEDICAL CENTRE, ABEOKUTA
Idi-Aba, Abeokuta, Ogun State
RADIOLOGY DEPARTMENT

Patient: Alhaji Musa Abdullahi Garba    Age: 57yrs   Sex: M
Hosp No: FMCA/0447/26     Ward: Male Surgical Ward, Bed 9
Date of Examination: 19-03-2026
Clinician: Dr. Tunde Oyelaran-Smith (Ortho)

Clinical Details: RTA, motorcycle passenger. Pain and swelling over medial end of left clavicle.

Report:
Chest-inclusive AP view of the left clavicle shows a fracture of the medial third of the left clavicle with slight superior displacement of the lateral fragment. There is associated soft tissue swelling, likely haematoma. The sternoclavicular joint appears intact. The acromioclavicular joint is normal. An old healed fracture of the left third rib laterally is also noted. No pneumothorax.

Conclusion:
1. Displaced medial third fracture of the left clavicle with surrounding soft tissue haematoma.
2. Old left 3rd rib fracture.

Dr. Adaeze Nwosu-Uche
Consultant Radiologist, FWACS""",
ids=[("FEDERAL MEDICAL CENTRE","institution"),("ABEOKUTA","address"),("Idi-Aba, Abeokuta, Ogun State","address"),("Musa Abdullahi Garba","patient_name"),("57yrs","age"),("FMCA/0447/26","id"),("Male Surgical Ward, Bed 9","other"),("19-03-2026","date"),("Tunde Oyelaran-Smith","clinician_name"),("Adaeze Nwosu-Uche","clinician_name")],
labels=dict(fracture=T,fracture_medial_third=T,fracture_displaced=T,swelling_hematoma=T)))

R.append(dict(id="HG-046", region="elbow", lang="de", style="de-bg-postop",
report="""BG Unfallklinik Murnau – Institut für Radiologie
Prof.-Küntscher-Str. 8, 82418 Murnau am Staffelsee
www.bgu-murnau.de

Pat.: Weber, Dieter   geb. 11.06.1964   Pat.-Nr. 1044718
Untersuchung: Ellenbogen links 2 Ebenen, 24.03.2026
Anforderung: Sprechstunde Obere Extremität, Dr. Ioannis Papadopoulos
Vorbefund: 12.09.2025

Klinische Angaben: Z.n. Radiuskopfprothese li. 09/2025 nach Trümmerfraktur (BG-Fall). Zunehmende Bewegungseinschränkung.

Befund:
Zementfreie Radiuskopfprothese links in regelrechter Position, keine Lockerungssäume, kein Hinweis auf Überlänge („Overstuffing“). Im Vergleich zur Voraufnahme neu aufgetretene, schollige periartikuläre Weichteilverkalkungen ventral des Gelenks und am Epicondylus ulnaris, am ehesten heterotope Ossifikationen. Beginnende Arthrose humeroulnar mit kleinen Osteophyten am Processus coronoideus. Kein Gelenkerguss.

Beurteilung:
1. Regelrechter Sitz der Radiuskopfprothese.
2. Neue periartikuläre Verkalkungen, am ehesten heterotope Ossifikationen, als mögliche Ursache der Bewegungseinschränkung.
3. Beginnende humeroulnare Arthrose.

Prof. Dr. med. habil. Konstantin Wendl, Chefarzt / Dr. med. Eva-Maria Kraus""",
ids=[("BG Unfallklinik Murnau","institution"),("Prof.-Küntscher-Str. 8","address"),("82418 Murnau am Staffelsee","address"),("www.bgu-murnau.de","url"),("Weber, Dieter","patient_name"),("11.06.1964","date"),("1044718","id"),("24.03.2026","date"),("Ioannis Papadopoulos","clinician_name"),("12.09.2025","date"),("09/2025","date"),("Konstantin Wendl","clinician_name"),("Eva-Maria Kraus","clinician_name")],
labels=dict(soft_tissue_calcification=T,joint_degeneration=T)))

R.append(dict(id="HG-047", region="thumb", lang="en", style="nz-private",
report="""Mercy Radiology Group | 72 Newington Ave, Maori Hill, Dunedin 9010
Patient: Finn O'Connell-Harris   DOB 02/09/2009   NHI LMN4518
Referrer: Dr Aigerim Sadykova, Mosgiel Health Centre
Exam: XR R thumb, 24/03/2026

History: Netball, jammed thumb. ?avulsion

Findings: No fracture or avulsion fragment. Physes normal for age, partially fused. Joints congruent. No soft tissue abnormality.

Conclusion: No bony injury.

Dr R. Harataunga FRANZCR""",
ids=[("Mercy Radiology Group","institution"),("72 Newington Ave, Maori Hill, Dunedin 9010","address"),("Finn O'Connell-Harris","patient_name"),("02/09/2009","date"),("LMN4518","id"),("Aigerim Sadykova","clinician_name"),("Mosgiel Health Centre","institution"),("24/03/2026","date"),("R. Harataunga","clinician_name")],
labels={}))

R.append(dict(id="HG-048", region="clavicle", lang="de", style="at-spital-tourist",
report="""Klinik Diakonissen Schladming – Radiologie
Salzburger Straße 777, 8970 Schladming

Patientin: van den Heuvel, Sanne
Geb.: 07.12.1992    Wohnort: Dorpsstraat 14, 7491 AB Delden (NL)
EHIC: 80528300001234****
Aufnahmezahl: S-26-004471
Untersuchung: Clavicula links ap + 30° kranial, 15.02.2026

Unfallhergang: Skisturz auf der Planai, Sturz auf die linke Schulter.

Befund:
Mehrfragmentäre Fraktur der Clavicula links in Schaftmitte mit einem dislozierten Biegungskeil, Verkürzung um ca. 2 cm und Kaudalverschiebung des lateralen Hauptfragments um Schaftbreite. Ausgedehnte Weichteilschwellung/Hämatom supraclaviculär. AC- und SC-Gelenk regelrecht. Mitabgebildet fragliche Frakturlinie am Skapulahals, V.a. Skapulahalsfraktur – CT empfohlen. Kein Pneumothorax.

Beurteilung:
1. Dislozierte Mehrfragmentfraktur der linken Clavicula (Schaftmitte), Robinson 2B2.
2. V.a. Skapulahalsfraktur links (floating shoulder?) – CT.

Dr. Gernot Pölzl, FA f. Radiologie""",
ids=[("Klinik Diakonissen Schladming","institution"),("Salzburger Straße 777","address"),("8970 Schladming","address"),("van den Heuvel, Sanne","patient_name"),("07.12.1992","date"),("Dorpsstraat 14, 7491 AB Delden","address"),("80528300001234****","id"),("S-26-004471","id"),("15.02.2026","date"),("Planai","address"),("Gernot Pölzl","clinician_name")],
keep=["Robinson 2B2"],
labels=dict(fracture=T,fracture_middle_third=T,fracture_comminuted=T,fracture_displaced=T,swelling_hematoma=T),
columns=dict(patient_name="VAN DEN HEUVEL^SANNE",patient_id="S-26-004471",birth_date="1992-12-07",exam_date="2026-02-15")))

R.append(dict(id="HG-049", region="elbow", lang="en", style="scot-paeds",
report="""Royal Hospital for Children and Young People, Edinburgh
50 Little France Crescent, Edinburgh EH16 4TJ

Name: Ruaridh Fergusson-Kaur   CHI 0308190***
DOB 03/08/2019 (6 yrs)   Location: Emergency Department, Bay 4
XR Elbow Left  25/03/2026
Req: Dr Nkechi Eze (ED)

Clin: Fell off trampoline, reluctant to move L arm, tender lateral elbow. ?supracondylar #

Report: Capitellum, radial head and medial epicondylar ossification centres present, appropriate for age. The anterior humeral line intersects the middle third of the capitellum. Radiocapitellar alignment is normal. No fat pad elevation. No fracture seen.

Conclusion: No radiographic evidence of fracture. If symptoms persist, clinical review in fracture clinic.

Dr Morag Lindsay, Consultant Paediatric Radiologist""",
ids=[("Royal Hospital for Children and Young People","institution"),("Edinburgh","address"),("50 Little France Crescent, Edinburgh EH16 4TJ","address"),("Ruaridh Fergusson-Kaur","patient_name"),("0308190***","id"),("03/08/2019","date"),("6 yrs","age"),("Emergency Department, Bay 4","other"),("25/03/2026","date"),("Nkechi Eze","clinician_name"),("Morag Lindsay","clinician_name")],
labels={},
columns=dict(patient_name="FERGUSSON-KAUR^RUARIDH",patient_id="0308190***",birth_date="2019-08-03",exam_date="2026-03-25",referring_physician="EZE^NKECHI")))

R.append(dict(id="HG-050", region="thumb", lang="de", style="de-bg-darzt",
report="""Unfallchirurgische Gemeinschaftspraxis Dres. Wolf, Bauer und Partner – D-Arzt-Praxis
Mainzer Landstraße 210, 60326 Frankfurt am Main
Tel.: 069 / 73 44 71-0, E-Mail: praxis(at)unfallchirurgie-wolf.de

Pat.: Petrović, Dragan, geb. 30.04.1988  |  BG ETEM  |  Unfall 24.03.2026 14:10
Daumen rechts in 2 Ebenen, 24.03.2026

Befund:
Luxation im Daumengrundgelenk rechts mit Verschiebung der Grundphalanx nach dorsal und bajonettförmiger Stellung zum Metakarpalköpfchen. Das radiale Sesambein projiziert sich in den Gelenkspalt, V.a. Interposition mit der palmaren Platte. Keine Fraktur abgrenzbar. Weichteilschwellung.

Beurteilung:
Dorsale MCP-Luxation Daumen rechts, V.a. komplexe (irreponible) Luxation bei interponiertem Sesambein.

Dr. med. Jörg Wolf, D-Arzt""",
ids=[("Unfallchirurgische Gemeinschaftspraxis Dres. Wolf, Bauer und Partner","institution"),("Mainzer Landstraße 210","address"),("60326 Frankfurt am Main","address"),("069 / 73 44 71-0","phone"),("praxis(at)unfallchirurgie-wolf.de","email"),("Petrović, Dragan","patient_name"),("30.04.1988","date"),("24.03.2026","date"),("Jörg Wolf","clinician_name")],
labels=dict(mcp_joint_dislocation=T,joint_dislocation=T,swelling_dactylitis=T,ossicle=T)))

R.append(dict(id="HG-051", region="clavicle", lang="en", style="hk-public-hospital",
report="""Queen Mary Hospital, 102 Pok Fu Lam Road, Hong Kong
Dept of Diagnostic Radiology
Patient: LI, Wai Man Kelvin  (M, 31Y)   HKID: C66****(0)
Case No.: HN26077710   Exam: XR Clavicle L   27-03-2026
Ref. Dr.: Dr. TSANG Hoi Yan (AED)

Findings: No fracture. Acromioclavicular and sternoclavicular joints congruent. No soft tissue swelling.
Impression: Normal radiograph of the left clavicle.

Reported by: Dr. Ophelia KWOK, MBBS (HK), FRCR  27/03/2026 11:02""",
ids=[("Queen Mary Hospital","institution"),("102 Pok Fu Lam Road, Hong Kong","address"),("LI, Wai Man Kelvin","patient_name"),("31Y","age"),("C66****(0)","id"),("HN26077710","id"),("27-03-2026","date"),("TSANG Hoi Yan","clinician_name"),("Ophelia KWOK","clinician_name"),("27/03/2026","date")],
labels={},
columns=dict(patient_name="LI^WAI MAN KELVIN",patient_id="HN26077710",exam_date="2026-03-27",referring_physician="TSANG^HOI YAN")))

R.append(dict(id="HG-052", region="elbow", lang="de", style="ch-kinderspital",
report="""Ostschweizer Kinderspital, Claudiusstrasse 6, 9006 St. Gallen
Kinderradiologie

Patient: Şahin, İlkay   geb. 19.05.2013   12 J., m
PID 771 044 718   Fall 2603 4417
Ellbogen rechts ap/seitlich, 25.03.2026
Zuweisung: Kinderchirurgische Notfallstation, Dr. med. Gian-Reto Caduff

Klinische Angaben: Sturz beim Handball, mediale Schwellung, Valgusinstabilität?

Befund:
Ausriss der Apophyse des Epicondylus ulnaris humeri mit Distraktion des Fragments um ca. 6 mm nach distal. Fragment nicht im Gelenk eingeklemmt. Humeroulnares und humeroradiales Gelenk kongruent. Positives dorsales Fettpolster. Übrige Ossifikationszentren altersentsprechend.

Beurteilung:
Um 6 mm dislozierte Epicondylus-ulnaris-Abrissfraktur rechts. Keine Inkarzeration.

Dr. med. Seraina Casutt, Leitende Ärztin Kinderradiologie""",
ids=[("Ostschweizer Kinderspital","institution"),("Claudiusstrasse 6","address"),("9006 St. Gallen","address"),("Şahin, İlkay","patient_name"),("19.05.2013","date"),("12 J.","age"),("771 044 718","id"),("2603 4417","id"),("25.03.2026","date"),("Gian-Reto Caduff","clinician_name"),("Seraina Casutt","clinician_name")],
labels=dict(fracture=T,distal_humerus_fracture=T,distal_humerus_fracture_displaced=T,fat_pad_sign=T),
columns=dict(patient_name="SAHIN^ILKAY",patient_id="771044718",birth_date="2013-05-19",exam_date="2026-03-25",referring_physician="CADUFF^GIAN-RETO")))

R.append(dict(id="HG-053", region="thumb", lang="en", style="ke-national-hospital",
report="""KENYATTA NATIONAL HOSPITAL
Department of Diagnostic Imaging & Radiation Medicine
Hospital Road, Upper Hill, Nairobi | radiology [at] knh dot or dot ke

IP No: 2026-004471   Name: Otieno Odhiambo, Kevin   Age: 27 yrs M
Date: 26/03/2026   Ref: Casualty, Dr. Wairimu
Ward: Casualty Obs Bay 3

Clinical: Crush injury R thumb in a posho mill. Nail bed laceration.

XR RIGHT THUMB AP/LAT:
Comminuted fracture of the tuft of the distal phalanx with several small fragments, minimal displacement. Marked soft tissue swelling of the pulp with a soft tissue defect. No radio-opaque foreign body. IP and MCP joints congruent.

Impression: Comminuted distal phalanx tuft fracture, right thumb (open fracture given the nail bed laceration).

Dr. Peter Kimani Njoroge, Consultant Radiologist""",
ids=[("KENYATTA NATIONAL HOSPITAL","institution"),("Hospital Road, Upper Hill, Nairobi","address"),("radiology [at] knh dot or dot ke","email"),("2026-004471","id"),("Otieno Odhiambo, Kevin","patient_name"),("27 yrs","age"),("26/03/2026","date"),("Wairimu","clinician_name"),("Casualty Obs Bay 3","other"),("Peter Kimani Njoroge","clinician_name")],
labels=dict(fracture=T,fracture_comminuted=T,distal_phalanx_fracture=T,distal_phalanx_fracture_comminuted=T,swelling_dactylitis=T)))

R.append(dict(id="HG-054", region="clavicle", lang="de", style="de-teleradiology",
report="""Teleradiologischer Befund – Nachtdienst
Auftraggeber: Krankenhaus Sankt Barbara Attendorn, Notaufnahme
Patientin: Krämer, Waltraud, w, 74 J., ID 40-447182
Untersuchung: Clavicula li. + SC-Gelenke, 26.03.2026 22:47
Rückfragen: Dr. Nikolaos Georgiou, Tel. 02722 60-0

Rechtfertigende Indikation: Seit 2 Tagen schmerzhafte Schwellung über linkem SC-Gelenk, Fieber? DD Arthritis, Luxation?

Befund:
Linkes Sternoklavikulargelenk mit deutlicher Gelenkspaltverschmälerung, subchondraler Sklerose und Osteophyten, rechts geringer ausgeprägt. Keine Luxation oder Subluxation. Keine Osteolysen, keine Arrosionen. Clavicula frakturfrei. Leichte Weichteilschwellung über dem linken SC-Gelenk.

Beurteilung:
Deutliche Arthrose des linken SC-Gelenks mit Weichteilschwellung. Eine begleitende Arthritis ist nativradiologisch nicht auszuschließen; ggf. Sonografie/Punktion.

Dr. med. Raphael Adeyemi, FA für Radiologie""",
ids=[("Krankenhaus Sankt Barbara Attendorn","institution"),("Krämer, Waltraud","patient_name"),("74 J.","age"),("40-447182","id"),("26.03.2026","date"),("Nikolaos Georgiou","clinician_name"),("02722 60-0","phone"),("Raphael Adeyemi","clinician_name")],
labels=dict(sc_joint_degeneration=T,joint_degeneration=T,sc_joint_space_narrowed=T,swelling_hematoma=T),
columns=dict(patient_name="KRAEMER^WALTRAUD",patient_id="40-447182",exam_date="2026-03-26",referring_physician="GEORGIOU^NIKOLAOS")))

R.append(dict(id="HG-055", region="elbow", lang="en", style="us-va-vista",
report="""VA Ann Arbor Healthcare System
2215 Fuller Rd, Ann Arbor, MI 48105

NAME: NGUYEN, VAN THANH   ICN: 1012448893V556302   AGE: 71
EXAM: ELBOW 2 VIEWS RIGHT   DATE: 03/27/2026   CASE: 2204
ORDERING: ROSE, KATHERINE P, MD (RHEUMATOLOGY)

HX: Known gout, R elbow swelling posteriorly x 3 wks. Eval tophus vs bursitis.

FINDINGS:
Soft tissue swelling overlying the olecranon, in the region of the olecranon bursa, containing a few amorphous calcific densities. A lobulated soft tissue density component measuring 2.5 cm could represent a gouty tophus versus chronic calcified bursitis. Mild ulnohumeral joint space narrowing with small osteophytes. No fracture. No effusion.

IMPRESSION:
1. Olecranon bursal soft tissue swelling with calcifications; lobulated component possibly tophus.
2. Mild ulnohumeral osteoarthritis.

Dictated: PHAM, LINH T, MD   Verified: PHAM, LINH T, MD 03/27/2026""",
ids=[("VA Ann Arbor Healthcare System","institution"),("2215 Fuller Rd, Ann Arbor, MI 48105","address"),("NGUYEN, VAN THANH","patient_name"),("1012448893V556302","id"),("71","age"),("03/27/2026","date"),("2204","id"),("ROSE, KATHERINE P","clinician_name"),("PHAM, LINH T","clinician_name")],
labels=dict(soft_tissue_calcification=T,soft_tissue_mass=U,joint_degeneration=T)))

R.append(dict(id="HG-056", region="thumb", lang="de", style="de-paeds-kinderklinik",
report="""Kath. Kinderkrankenhaus Wilhelmstift, Liliencronstraße 130, 22149 Hamburg
Kinderradiologie
Pat.: Hansen, Ole   * 11.11.2011 (14 J.)   Aufnahme-Nr. W-26-04471
Röntgen Daumen li. in 2 Ebenen am 27.03.2026
Einsender: Dr. med. Birte Petersen-Ahmadi, Kinderchirurgie

Klin.: Ball auf ausgestreckten Daumen (Basketball), Streckdefizit IP-Gelenk.

Befund:
Intraartikuläre Fraktur durch die dorsale Epiphyse der Endgliedbasis mit Beteiligung von ca. 40 % der Gelenkfläche (Salter-Harris III), Fragment um 2 mm nach proximal disloziert. IP-Gelenk nicht subluxiert. Grundglied und Metakarpale intakt.

Beurteilung:
Knöcherner Strecksehnenausriss am Endglied (Mallet-Äquivalent), Salter-Harris III.

Dr. Fenja Thomsen / OA Dr. Malte Brodersen""",
ids=[("Kath. Kinderkrankenhaus Wilhelmstift","institution"),("Liliencronstraße 130, 22149 Hamburg","address"),("Hansen, Ole","patient_name"),("11.11.2011","date"),("14 J.","age"),("W-26-04471","id"),("27.03.2026","date"),("Birte Petersen-Ahmadi","clinician_name"),("Fenja Thomsen","clinician_name"),("Malte Brodersen","clinician_name")],
keep=["Salter-Harris III"],
labels=dict(fracture=T,distal_phalanx_fracture=T)))

R.append(dict(id="HG-057", region="clavicle", lang="en", style="us-ortho-postop",
report="""BLUE RIDGE ORTHOPAEDIC & SPORTS MEDICINE - Imaging
112 Professional Park Dr, Winchester, VA 22601  |  (540) 555-0121

PT: Koch, Gabriel R.       MRN 00447182       DOB 1/5/1996
STUDY: XR CLAVICLE LT 2V        DOS 03/26/2026     ACC# BR26-0042117
ORDERING: T. Abernathy-Mwale, PA-C
cc: Dr. Sean O'Rourke

History: ORIF L clavicle 6 months ago, persistent pain and clicking.

Comparison: 12/17/2025, 10/01/2025.

Findings:
Superior precontoured plate with 7 screws along the left midshaft clavicle. The most medial screw is fractured at the plate-bone interface, new since 12/17/2025, with a 2 mm lucent halo around the adjacent screw. The fracture line at the midclavicle remains clearly visible without bridging bone. Alignment unchanged and anatomic. AC and SC joints unremarkable.

Impression:
1. Persistent midshaft left clavicle fracture line at 6 months post ORIF, consistent with nonunion.
2. Broken medial screw and periscrew lucency, concerning for hardware failure/loosening.

Dictated by: Lars-Erik Nyström, MD  (Radiology)
D: 03/26/2026 15:02   T: 03/26/2026 15:40   /mh""",
ids=[("BLUE RIDGE ORTHOPAEDIC & SPORTS MEDICINE","institution"),("112 Professional Park Dr, Winchester, VA 22601","address"),("(540) 555-0121","phone"),("Koch, Gabriel R.","patient_name"),("00447182","id"),("1/5/1996","date"),("03/26/2026","date"),("BR26-0042117","id"),("T. Abernathy-Mwale","clinician_name"),("Sean O'Rourke","clinician_name"),("12/17/2025","date"),("10/01/2025","date"),("Lars-Erik Nyström","clinician_name"),("mh","other_name")],
labels=dict(fracture=T,fracture_middle_third=T),
columns=dict(patient_name="KOCH^GABRIEL^R",patient_id="00447182",birth_date="1996-01-05",exam_date="2026-03-26",accession_number="BR26-0042117",referring_physician="ABERNATHY-MWALE^T")))

R.append(dict(id="HG-058", region="elbow", lang="de", style="at-ukh-befund",
report="""AUVA-Traumazentrum Wien, Standort Meidling
Kundratstraße 37, 1120 Wien
Röntgenbefund

Name: Novak, Jan     geb.: 03.03.1999     Aufn.-Zahl: 2026/M/044718
Untersuchung: Ellbogen rechts in zwei Ebenen   Datum: 28.03.2026
Zuweiser: Dr. Aleksandra Wiśniewska, Ambulanz
Befundkopie: radiologie.meidling(at)auva.at

Anamnese: Sturz beim Fußballspiel auf den rechten Ellbogen.

Befund:
Knöcherne Strukturen des distalen Humerus, des Radiuskopfes und -halses sowie der proximalen Ulna einschließlich Olecranon und Processus coronoideus ohne Frakturnachweis. Kein Anhalt für Luxation oder Subluxation, regelrechte Gelenkstellung. Gelenkspalte altersentsprechend weit, keine degenerativen Veränderungen. Keine Osteolysen, keine sklerotischen Herde. Kein Gelenkerguss, Fettpolster nicht abgehoben. Keine Weichteilverkalkungen, keine röntgendichten Fremdkörper.

Beurteilung:
Unauffälliger Röntgenbefund des rechten Ellbogens.

Dr. Ferdinand Pichlmayr-Esterházy, FA für Radiologie""",
ids=[("AUVA-Traumazentrum Wien","institution"),("Meidling","address"),("Kundratstraße 37, 1120 Wien","address"),("Novak, Jan","patient_name"),("03.03.1999","date"),("2026/M/044718","id"),("28.03.2026","date"),("Aleksandra Wiśniewska","clinician_name"),("radiologie.meidling(at)auva.at","email"),("Ferdinand Pichlmayr-Esterházy","clinician_name")],
labels={},
columns=dict(patient_name="NOVAK^JAN",patient_id="2026/M/044718",birth_date="1999-03-03",exam_date="2026-03-28")))

R.append(dict(id="HG-059", region="thumb", lang="en", style="uk-dgh-terse",
report="""Ysbyty Gwynedd, Bangor LL57 2PW
XR R THUMB + R WRIST
Pt: Llewellyn-Jones, Rhian   DOB 09.02.1984   MRN H447182   Date 28/03/26
Ref: Dr Gethin Price (GP)

Thumb: no fracture or dislocation. Joint spaces maintained. No foreign body.
Wrist: sclerosis and mild flattening of the lunate with preserved carpal height - features of Kienböck disease (Lichtman II).

Conclusion: Normal thumb. Lunate appearances in keeping with Kienböck disease; MRI wrist suggested.

Dr K. Wójcik-Evans, Consultant Radiologist""",
ids=[("Ysbyty Gwynedd","institution"),("Bangor LL57 2PW","address"),("Llewellyn-Jones, Rhian","patient_name"),("09.02.1984","date"),("H447182","id"),("28/03/26","date"),("Gethin Price","clinician_name"),("K. Wójcik-Evans","clinician_name")],
keep=["Kienböck","Lichtman II"],
labels={}))

R.append(dict(id="HG-060", region="clavicle", lang="de", style="ch-kantonsspital-pipe",
report="""Luzerner Kantonsspital, Spitalstrasse, 6000 Luzern 16
Radiologie und Nuklearmedizin

Pat.: Frei-Tschopp, Martina (1988) | PID 447 1822 | Auftr. 26-RX-77310 | 29.03.2026
Zuw.: Hausarzt Dr. P. Kälin, Sursee

Indikation: Velosturz auf re. Schulter. Clavicula-/ACG-Verletzung?

Clavicula re. ap und tangential, AC-Gelenke bds. im Seitenvergleich:
Clavicula intakt, keine Fraktur. AC-Gelenke symmetrisch, Gelenkspaltweite bds. 3 mm, korakoklavikulärer Abstand seitengleich. Kein Anhalt für eine AC-Gelenkverletzung Typ Tossy II/III. SC-Gelenke unauffällig.

Beurteilung: Normalbefund.

Dr. med. Nadia Ben Salah / Prof. Dr. med. Urs Schwyzer""",
ids=[("Luzerner Kantonsspital","institution"),("Spitalstrasse, 6000 Luzern 16","address"),("Frei-Tschopp, Martina","patient_name"),("1988","date"),("447 1822","id"),("26-RX-77310","id"),("29.03.2026","date"),("P. Kälin","clinician_name"),("Sursee","address"),("Nadia Ben Salah","clinician_name"),("Urs Schwyzer","clinician_name")],
keep=["Tossy II/III"],
labels={}))

emit("/work/corpora/heldout3/g/batch-03.jsonl", R)
