from emit import emit
T="true"; U="uncertain"
R=[]
R.append(dict(id="HG-021", region="elbow", lang="en", style="us-private-dictated",
report="""CASCADE ORTHOPEDIC IMAGING
Bellingham, WA
-----------------------------------------------------
Name: Van der Berg, Pieter     DOB: 1983-06-28     Sex: M
MRN: K7X-99812     Accession: CO-2026-0042
Date of Service: 03/14/2026
Ordering: Rosalind Chu-Whitaker, MD (Urgent Care North)
cc: Dr. Marc-André Tremblay, 1200 Burrard St, Vancouver, BC V6Z 2C7
-----------------------------------------------------
EXAMINATION: XR ELBOW RIGHT 3 VIEWS

HISTORY: 42M mountain biking crash, deformity right elbow. Pre-reduction.

FINDINGS:
Posterior dislocation of the ulnohumeral joint with the radial head displaced posteriorly as well. There is a comminuted fracture of the radial head with at least three fragments, the largest displaced posteriorly by 4 mm. A small osseous fragment anterior to the trochlea is compatible with a coronoid tip avulsion fracture. Large joint effusion. No distal humeral fracture. Olecranon intact.

IMPRESSION:
Posterior elbow dislocation with comminuted, displaced radial head fracture and coronoid tip fracture ("terrible triad" injury). Post-reduction films recommended.

Kwame Mensah-Bonsu, MD
Transcribed by: ekb  D: 03/14/2026 T: 03/14/2026""",
ids=[("CASCADE ORTHOPEDIC IMAGING","institution"),("Bellingham, WA","address"),("Van der Berg, Pieter","patient_name"),("1983-06-28","date"),("K7X-99812","id"),("CO-2026-0042","id"),("03/14/2026","date"),("Rosalind Chu-Whitaker","clinician_name"),("Urgent Care North","institution"),("Marc-André Tremblay","clinician_name"),("1200 Burrard St, Vancouver, BC V6Z 2C7","address"),("42M","age"),("Kwame Mensah-Bonsu","clinician_name"),("ekb","other_name")],
labels=dict(fracture=T,radius_fracture=T,radial_head_fracture=T,radial_head_fracture_comminuted=T,radial_head_fracture_displaced=T,ulna_fracture=T,coronoid_fracture=T,coronoid_tip_avulsion=T,joint_dislocation=T,fat_pad_sign=T),
columns=dict(patient_name="VAN DER BERG^PIETER",patient_id="K7X-99812",birth_date="1983-06-28",exam_date="2026-03-14",accession_number="CO-2026-0042",referring_physician="CHU-WHITAKER^ROSALIND")))

R.append(dict(id="HG-022", region="clavicle", lang="de", style="de-teleradiology-lowercase",
report="""teleradiologie nachtdienst / befund an: kh sankt elisabeth, bad kissingen
pat: wagner, tim  geb 03.04.2003  acc 55-19082
clavicula re ap + tangential 09.03.2026

indikation: sturz vom e-scooter, prellmarke re schulter

clavicula ohne frakturnachweis. ac- und sc-gelenk regelrecht artikulierend. keine weichteilschwellung. mitabgebildete rippen ohne dislozierte fraktur.

beurteilung: unauffaelliger befund der rechten clavicula.
dr. f. neumann""",
ids=[("kh sankt elisabeth","institution"),("bad kissingen","address"),("wagner, tim","patient_name"),("03.04.2003","date"),("55-19082","id"),("09.03.2026","date"),("f. neumann","clinician_name")],
labels={},
columns=dict(patient_name="WAGNER^TIM",birth_date="2003-04-03",exam_date="2026-03-09",accession_number="55-19082")))

R.append(dict(id="HG-023", region="thumb", lang="en", style="uk-dgh",
report="""Worthing Hospital - Radiology
Name: HOPE, Jack   NHS No: 463 *** 8810   DOB: 02-Dec-1958
XR Thumb Rt 2V  18.03.2026
Clinician: Dr Rebecca O'Sullivan (MIU)
Indication: Fall onto outstretched hand 2/7 ago. Tender over 1st MCPJ. Exclude fracture.

Findings: Normal bony alignment. No fracture or dislocation. No significant degenerative change at the CMCJ, MCPJ or IPJ. No foreign body. Soft tissues unremarkable.

Conclusion: Normal study.

Dr M. Okoye, Specialty Registrar / Dr H. Baker, Consultant Radiologist""",
ids=[("Worthing Hospital","institution"),("HOPE, Jack","patient_name"),("463 *** 8810","id"),("02-Dec-1958","date"),("18.03.2026","date"),("Rebecca O'Sullivan","clinician_name"),("M. Okoye","clinician_name"),("H. Baker","clinician_name")],
labels={}))

R.append(dict(id="HG-024", region="elbow", lang="de", style="de-bg-darzt",
report="""Durchgangsarzt-Bericht – Röntgenbefund
Orthopädie am Dom, Dres. Schäfer, Nguyen & Kollegen
Domplatz 4, 06618 Naumburg (Saale)  ·  Fax 03445 / 77 21 99

Verletzter: Lehmann, Kevin, geb. 17.08.1996
UV-Träger: BG Verkehr, Unfall-Az. 2026/0318-LK
Unfalltag: 16.03.2026 – Fahrradsturz auf dem Arbeitsweg
Untersuchung: Ellenbogen rechts in 2 Ebenen, 16.03.2026

Befund:
Quere Fraktur des Olecranons ca. 1,5 cm distal der Spitze mit Diastase des proximalen Fragments von 7 mm durch Trizepszug. Keine Trümmerzone. Radiusköpfchen und Processus coronoideus intakt. Humeroradiales Gelenk regelrecht. Mehrere punktförmige, schattengebende Fremdkörper (Splitt) in den dorsalen Weichteilen über dem Olecranon bei Schürfwunde.

Beurteilung:
1. Dislozierte Olecranonfraktur rechts (Mayo IIA).
2. Röntgendichte Fremdkörper in den Weichteilen dorsal.

Dr. med. Thi Hoa Nguyen, D-Ärztin""",
ids=[("Orthopädie am Dom, Dres. Schäfer, Nguyen & Kollegen","institution"),("Domplatz 4","address"),("06618 Naumburg (Saale)","address"),("03445 / 77 21 99","phone"),("Lehmann, Kevin","patient_name"),("17.08.1996","date"),("2026/0318-LK","id"),("16.03.2026","date"),("Thi Hoa Nguyen","clinician_name")],
keep=["Mayo IIA"],
labels=dict(fracture=T,ulna_fracture=T,olecranon_fracture=T,olecranon_fracture_displaced=T,foreign_body=T)))

R.append(dict(id="HG-025", region="clavicle", lang="en", style="ke-teaching-hospital",
report="""AGA KHAN UNIVERSITY HOSPITAL, NAIROBI
Department of Imaging and Diagnostic Radiology
3rd Parklands Avenue, Nairobi  |  Tel 020 366 2000

Name: Brian Kiprono Cheruiyot    Age/Sex: 19 Y / M
Reg No: 2026 4471 09    Date: 11-03-2026    Ward: 5B Bed 14
Ref: Dr. M. Achieng (Orthopaedics)

CLINICAL NOTES: Rugby injury, tackled onto left shoulder. Pain over medial clavicle.

TECHNIQUE: AP and 40 degree cephalic tilt (serendipity) views of both clavicles.

FINDINGS:
The left medial clavicular head projects slightly lower than the right on the serendipity view, raising the possibility of posterior sternoclavicular dislocation. Plain films are limited in assessment of this joint. No clavicular fracture is seen. The acromioclavicular joints are normal. Lung apices clear.

IMPRESSION:
Possible posterior dislocation of the left sternoclavicular joint. Urgent CT with contrast recommended to confirm and to assess the mediastinal vessels.

Reported by Dr. Fatuma Abdi Osman, MBChB (UoN), MMed Radiology
Verified 11/03/2026 17:52""",
ids=[("AGA KHAN UNIVERSITY HOSPITAL, NAIROBI","institution"),("3rd Parklands Avenue, Nairobi","address"),("020 366 2000","phone"),("Brian Kiprono Cheruiyot","patient_name"),("19 Y","age"),("2026 4471 09","id"),("11-03-2026","date"),("5B Bed 14","other"),("M. Achieng","clinician_name"),("Fatuma Abdi Osman","clinician_name"),("11/03/2026","date")],
labels=dict(sc_joint_dislocation=U,joint_dislocation=U),
columns=dict(patient_name="CHERUIYOT^BRIAN^KIPRONO",patient_id="2026447109",exam_date="2026-03-11",referring_physician="ACHIENG^M")))

R.append(dict(id="HG-026", region="thumb", lang="de", style="de-paeds-kinderklinik",
report="""Kinderklinik Dritter Orden Passau · Abteilung Kinderradiologie
Bischof-Altmann-Str. 9, 94032 Passau

Name: Nowakowski, Maja    geb. 02.05.2014 (11 J.)
Aufn.-Nr.: 26-004471-K
Untersuchung vom 07.03.2026: Daumen links in 2 Ebenen
Überweisung: Kinder- und Jugendarztpraxis Dr. Anja Sommer, Vilshofen an der Donau

Klinische Angaben: Ball gegen Daumen beim Volleyball.

Befund:
Fraktur der Grundgliedbasis des Daumens links mit Verlauf durch die Epiphysenfuge und kleinem metaphysärem Keil ulnarseitig (Salter-Harris II). Geringe Achsabweichung nach radial, ca. 10°. Grundgelenk kongruent. Mittelhand und Endglied intakt. Weichteilschwellung über dem Grundgelenk.

Beurteilung:
Salter-Harris-II-Fraktur der Grundphalanx Daumen links mit geringer Fehlstellung.

Dr. Julia Horváth / Dr. med. Tobias Engel (OA)""",
ids=[("Kinderklinik Dritter Orden Passau","institution"),("Bischof-Altmann-Str. 9","address"),("94032 Passau","address"),("Nowakowski, Maja","patient_name"),("02.05.2014","date"),("11 J.","age"),("26-004471-K","id"),("07.03.2026","date"),("Anja Sommer","clinician_name"),("Vilshofen an der Donau","address"),("Julia Horváth","clinician_name"),("Tobias Engel","clinician_name")],
keep=["Salter-Harris II","Salter-Harris-II"],
labels=dict(fracture=T,proximal_phalanx_fracture=T,swelling_dactylitis=T)))

R.append(dict(id="HG-027", region="elbow", lang="en", style="nz-public",
report="""Auckland City Hospital | Radiology | 2 Park Road, Grafton, Auckland 1023
Patient: TE WHATU, Mereana    NHI: PQR 7731    DOB 14/07/1979
XR ELBOW L   Acc: ACH-26-338190   16/03/2026 10:02
Referrer: Dr Hemi Walker (GP, Ponsonby Family Health)

Indication: Elbow pain after lifting, ?loose body ?OA

Findings:
Joint alignment is normal. Joint spaces preserved, no osteophytes. No fracture. No effusion.
A small, well-corticated ossicle is noted in the olecranon fossa posteriorly, consistent with an os supratrochleare dorsale, a normal variant. No other loose body.

Comment: Os supratrochleare dorsale. Otherwise normal elbow.

Reported by Dr Mei Lin Tan, FRANZCR""",
ids=[("Auckland City Hospital","institution"),("2 Park Road, Grafton, Auckland 1023","address"),("TE WHATU, Mereana","patient_name"),("PQR 7731","id"),("14/07/1979","date"),("ACH-26-338190","id"),("16/03/2026","date"),("Hemi Walker","clinician_name"),("Ponsonby Family Health","institution"),("Mei Lin Tan","clinician_name")],
labels=dict(ossicle=T),
columns=dict(patient_name="TE WHATU^MEREANA",patient_id="PQR7731",birth_date="1979-07-14",exam_date="2026-03-16",accession_number="ACH-26-338190",referring_physician="WALKER^HEMI")))

R.append(dict(id="HG-028", region="clavicle", lang="de", style="ch-kantonsspital-comparison",
report="""Spital Thurgau AG – Kantonsspital Frauenfeld
Institut für Radiologie
Pfaffenholzstrasse 4, 8501 Frauenfeld

Patientin: Zwahlen-Baumgartner Heidi, 1949 (76 J.)
PID 00 447 182 9 / Auftrag R-26-0318-55
Clavicula links ap, 18.03.2026

Fragestellung: Schmerzen Clavicula li. seit einigen Wochen, kein Trauma erinnerlich. Z.n. Mammakarzinom li. 2019. Metastase?

Befund:
Im Vergleich zur Voruntersuchung vom 04.11.2021: Bekannte, knöchern konsolidierte Fraktur der mittleren Clavicula mit kräftigem Kallus, achsengerecht, unverändert. Im lateralen Drittel unscharf begrenzte Aufhellung von ca. 8 mm, auf der Voraufnahme nicht sicher abgrenzbar; eine Osteolyse ist nicht sicher auszuschliessen. Keine Sklerose. AC-Gelenk mit mässigen degenerativen Veränderungen.

Beurteilung:
1. Alte, knöchern konsolidierte Claviculaschaftfraktur links.
2. Fragliche kleine Osteolyse im lateralen Claviculadrittel. Bei der Anamnese Ergänzung mittels CT bzw. Skelettszintigrafie empfohlen.
3. AC-Gelenksarthrose.

Dr. med. Beat Ammann, Leitender Arzt
cc: Dr. med. S. Frei, Hausarzt, Weinfelden; Brustzentrum Thurgau""",
ids=[("Spital Thurgau AG","institution"),("Kantonsspital Frauenfeld","institution"),("Pfaffenholzstrasse 4","address"),("8501 Frauenfeld","address"),("Zwahlen-Baumgartner Heidi","patient_name"),("1949","date"),("76 J.","age"),("00 447 182 9","id"),("R-26-0318-55","id"),("18.03.2026","date"),("2019","date"),("04.11.2021","date"),("Beat Ammann","clinician_name"),("S. Frei","clinician_name"),("Weinfelden","address"),("Brustzentrum Thurgau","institution")],
labels=dict(fracture=T,fracture_middle_third=T,lytic_lesion=U,ac_joint_degeneration=T,joint_degeneration=T)))

R.append(dict(id="HG-029", region="thumb", lang="en", style="hk-terse",
report="""Prince of Wales Hospital, Shatin - Dept of Imaging & Interventional Radiology
WONG, Mei Ling Cherry  F/52Y  HN25110087(X)  XR thumb R AP/lat  13/03/2026
Ref: Dr CHEUNG (O&T SOPD)

No fracture or dislocation. No bony erosion. Joint spaces preserved. Soft tissues unremarkable.

Dr LAM Chi Keung, FHKCR""",
ids=[("Prince of Wales Hospital","institution"),("Shatin","address"),("WONG, Mei Ling Cherry","patient_name"),("52Y","age"),("HN25110087(X)","id"),("13/03/2026","date"),("CHEUNG","clinician_name"),("LAM Chi Keung","clinician_name")],
labels={}))

R.append(dict(id="HG-030", region="elbow", lang="de", style="at-ukh-paeds",
report="""Unfallkrankenhaus Salzburg – Röntgeninstitut
Dr.-Franz-Rehrl-Platz 5, A-5010 Salzburg
Tel. +43 5 93 93-44000

Pat.: Mühlbacher Leonie, 9 J., w        Aufn.-Zl. 2026/11847
Geb.-Dat.: 30.10.2016
Unters.: Ellbogen links, 2 Ebenen – 02.03.2026, 18:40
Zuw.: Dr. Stöger, Ambulanz

Anamnese: Sturz beim Schifahren auf den gestreckten Arm.

Befund:
Fraktur des Radiushalses links mit Abkippung des Radiuskopfes nach lateral um ca. 20°, keine Translation. Radiuskopfepiphyse selbst intakt. Positives dorsales Fettpolsterzeichen. Humeroulnares Gelenk kongruent. Übrige Knochenkerne altersentsprechend.

Beurteilung:
Gering abgekippte, dislozierte Radiushalsfraktur links (Judet II). Konservative Therapie möglich.

OA Dr. Elisabeth Huber-Rainer / Befund geschrieben: swk""",
ids=[("Unfallkrankenhaus Salzburg","institution"),("Dr.-Franz-Rehrl-Platz 5","address"),("A-5010 Salzburg","address"),("+43 5 93 93-44000","phone"),("Mühlbacher Leonie","patient_name"),("9 J.","age"),("2026/11847","id"),("30.10.2016","date"),("02.03.2026","date"),("Stöger","clinician_name"),("Elisabeth Huber-Rainer","clinician_name"),("swk","other_name")],
keep=["Judet II"],
labels=dict(fracture=T,radius_fracture=T,radial_neck_fracture=T,radial_neck_fracture_displaced=T,fat_pad_sign=T),
columns=dict(patient_name="MUEHLBACHER^LEONIE",patient_id="2026/11847",birth_date="2016-10-30",exam_date="2026-03-02",referring_physician="STOEGER")))

R.append(dict(id="HG-031", region="clavicle", lang="en", style="uk-dgh",
report="""Royal Shrewsbury Hospital - Department of Radiology
Mytton Oak Road, Shrewsbury SY3 8XQ

PATIENT  : ASHWORTH, Gerald William
HOSP NO  : RSH 0447 182
DOB      : 21.09.1951
EXAM     : XR Clavicle Left - 19/03/2026
REFERRER : Dr Priya Venkataraman, Severn Fields Health Village

CLINICAL : Chronic pain lateral end L clavicle, worse overhead. ACJ OA?

REPORT:
Degenerative changes of the left acromioclavicular joint with joint space narrowing, subchondral sclerosis and inferiorly directed osteophytes which may contribute to impingement. No AC joint widening or step. There is a small, well-defined sclerotic focus in the medial third of the clavicle measuring 6 mm, likely a bone island. No fracture or lytic lesion. Incidental note is made of calcific density over the greater tuberosity of the humerus, in keeping with calcific supraspinatus tendinopathy.

CONCLUSION:
1. Left ACJ osteoarthritis.
2. Small sclerotic focus medial clavicle, likely bone island - no further action.
3. Incidental calcific tendinopathy (shoulder).

Dr Eleanor Winter FRCR
Consultant Musculoskeletal Radiologist
cc GP""",
ids=[("Royal Shrewsbury Hospital","institution"),("Mytton Oak Road, Shrewsbury SY3 8XQ","address"),("ASHWORTH, Gerald William","patient_name"),("RSH 0447 182","id"),("21.09.1951","date"),("19/03/2026","date"),("Priya Venkataraman","clinician_name"),("Severn Fields Health Village","institution"),("Eleanor Winter","clinician_name")],
labels=dict(ac_joint_degeneration=T,joint_degeneration=T,ac_joint_space_narrowed=T,sclerotic_lesion=T),
columns=dict(patient_name="ASHWORTH^GERALD^WILLIAM",patient_id="RSH0447182",birth_date="1951-09-21",exam_date="2026-03-19",referring_physician="VENKATARAMAN^PRIYA")))

R.append(dict(id="HG-032", region="thumb", lang="de", style="de-bg-darzt",
report="""Röntgenbefund – D-Arzt-Verfahren
Praxis für Unfallchirurgie Dr. Alois Fischer & Partner, Sankt Wendel
Tholeyer Str. 2a, 66606 St. Wendel

Pat.: Kowalczyk, Grzegorz   * 12.07.1979
Arbeitgeber: Dachdeckerei Becker GmbH, Unfall am 20.03.2026 (Sturz von Leiter)
Az. BG: 3 1 22 4471/26

Daumen rechts 2 Ebenen + Robert-Aufnahme (20.03.2026):
Y-förmige, intraartikuläre Trümmerfraktur der Basis des Os metacarpale I mit drei Hauptfragmenten und Stufenbildung in der Gelenkfläche des Sattelgelenks. Verkürzung und Subluxation des Schaftfragments nach radial-dorsal. Grund- und Endglied regelrecht. Deutliche Weichteilschwellung.

Beurteilung:
Rolando-Fraktur rechts. Operative Versorgung empfohlen.

Dr. med. Alois Fischer""",
ids=[("Praxis für Unfallchirurgie Dr. Alois Fischer & Partner","institution"),("Sankt Wendel","address"),("Tholeyer Str. 2a","address"),("66606 St. Wendel","address"),("Kowalczyk, Grzegorz","patient_name"),("12.07.1979","date"),("Dachdeckerei Becker GmbH","other"),("20.03.2026","date"),("3 1 22 4471/26","id"),("Alois Fischer","clinician_name")],
keep=["Rolando","Robert"],
labels=dict(fracture=T,fracture_comminuted=T,metacarpal1_fracture=T,metacarpal1_fracture_comminuted=T,cmc_joint_subluxation=T,joint_subluxation=T,swelling_dactylitis=T)))

R.append(dict(id="HG-033", region="elbow", lang="en", style="ng-teaching-hospital",
report="""UNIVERSITY COLLEGE HOSPITAL, IBADAN
Department of Radiology
Radiology No: XR/2026/03318
Name: Mrs. Folasade Adeyemi-Ogunleye     Age: 46 years    Sex: F
Clinic/Ward: Orthopaedic Clinic (SOP)
Date: 12/03/2026
Requesting Physician: Dr. Ibrahim Musa Danjuma

Clinical Summary: Road traffic accident (okada) 3 weeks ago, persistent left elbow pain. ?fracture ?dislocation

Findings:
Left elbow, AP and lateral projections. The bony alignment is normal. There is no evidence of fracture, dislocation, lytic or sclerotic lesion. The joint space is preserved. No soft tissue calcification, swelling or radio-opaque foreign body. The anterior and posterior fat pads are not displaced.

Impression: Normal left elbow radiograph.

Dr. Oluwaseun Bakare
Senior Registrar
For: Prof. A. A. Adeniran, FWACS, FMCR""",
ids=[("UNIVERSITY COLLEGE HOSPITAL","institution"),("IBADAN","address"),("XR/2026/03318","id"),("Folasade Adeyemi-Ogunleye","patient_name"),("46 years","age"),("12/03/2026","date"),("Ibrahim Musa Danjuma","clinician_name"),("Oluwaseun Bakare","clinician_name"),("A. A. Adeniran","clinician_name")],
labels={}))

R.append(dict(id="HG-034", region="clavicle", lang="de", style="de-paeds-neonatal",
report="""Kreiskliniken Mühldorf am Inn – Kinderradiologie (Konsil Neonatologie)
Station Wochenbett 3, Zi. 308
Patient: NG Pawlak (Mutter: Pawlak, Agnieszka)   Geb.: 16.03.2026   Alter: 3 Tage
Pat.-ID: 9004471823

Untersuchung: Thorax/Clavicula re. a.p., 19.03.2026
Klin. Angaben: Schulterdystokie unter Geburt, Schonung rechter Arm, Krepitation über Clavicula. Plexusparese?

Befund:
Fraktur der rechten Clavicula in Schaftmitte mit geringer Dislokation des lateralen Fragments nach kaudal. Noch keine Kallusbildung. Humerus proximal und Schultergelenk soweit beurteilbar regelrecht. Mitabgebildeter Thorax: Herz und Lunge altersentsprechend unauffällig.

Beurteilung:
Geburtstraumatische, gering dislozierte Claviculaschaftfraktur rechts. Kein Anhalt für proximale Humerusfraktur.

Dr. med. Hannah Schulze-Vonderbank, Fachärztin für Kinderradiologie""",
ids=[("Kreiskliniken Mühldorf am Inn","institution"),("Station Wochenbett 3, Zi. 308","other"),("Pawlak","patient_name"),("Pawlak, Agnieszka","other_name"),("16.03.2026","date"),("3 Tage","age"),("9004471823","id"),("19.03.2026","date"),("Hannah Schulze-Vonderbank","clinician_name")],
labels=dict(fracture=T,fracture_middle_third=T,fracture_displaced=T),
columns=dict(patient_name="PAWLAK^NEUGEBORENES",patient_id="9004471823",birth_date="2026-03-16",exam_date="2026-03-19")))

R.append(dict(id="HG-035", region="thumb", lang="en", style="scot-nhs",
report="""NHS Highland - Raigmore Hospital, Old Perth Road, Inverness IV2 3UJ
Radiology report

Pt: Catriona Munro-Baird   CHI 250790****   DOB 25/07/1990
XR Thumb L    Exam date 21 Mar 2026    Acc: RAI/XR/2026/118842
Referrer: ED (Dr J. McIntyre)

Clinical: Hyperextension injury at shinty. Obvious deformity IPJ.

Findings: There is dorsal dislocation of the thumb interphalangeal joint. A small bony flake lies volar to the joint, arising from the base of the distal phalanx - volar plate avulsion fracture. MCPJ and CMCJ congruent.

Impression: Dorsal IPJ dislocation left thumb with volar plate avulsion fracture of the distal phalanx base. Please re-image post reduction.

Dr Alasdair Grant FRCR
AG/ks""",
ids=[("NHS Highland","institution"),("Raigmore Hospital","institution"),("Old Perth Road, Inverness IV2 3UJ","address"),("Catriona Munro-Baird","patient_name"),("250790****","id"),("25/07/1990","date"),("21 Mar 2026","date"),("RAI/XR/2026/118842","id"),("J. McIntyre","clinician_name"),("Alasdair Grant","clinician_name"),("AG/ks","other")],
labels=dict(ip_joint_dislocation=T,joint_dislocation=T,distal_phalanx_fracture=T,fracture=T),
columns=dict(patient_name="MUNRO-BAIRD^CATRIONA",patient_id="250790****",birth_date="1990-07-25",exam_date="2026-03-21",accession_number="RAI/XR/2026/118842")))

R.append(dict(id="HG-036", region="elbow", lang="de", style="de-teleradiology-numbered",
report="""Befund Teleradiologie (Bereitschaftsdienst)
Anford. Klinik: Kreisklinik Neustadt an der Aisch, Notaufnahme, Dr. Ayşe Demir
Patient: Albrecht, Horst, 81 J.
Untersuchung: Ellenbogen re. 2 Eb., 22.03.2026 01:12

Fragestellung: Sturz im Pflegeheim, Hämatom Ellenbogen, Fraktur? Luxation?

Befund:
1. Kein Frakturnachweis.
2. Regelrechte Gelenkstellung humeroulnar und humeroradial.
3. Kein Gelenkerguss, Fettpolster regelrecht.
4. Weichteilschwellung dorsal über dem Olecranon, kein Fremdkörper.
5. Demineralisierte Knochenstruktur.

Beurteilung: Keine frische knöcherne Verletzung.

Dr. K.-H. Lange, Teleradiologe (Kennung 0447)""",
ids=[("Kreisklinik Neustadt an der Aisch","institution"),("Ayşe Demir","clinician_name"),("Albrecht, Horst","patient_name"),("81 J.","age"),("22.03.2026","date"),("K.-H. Lange","clinician_name"),("0447","id")],
labels={},
columns=dict(patient_name="ALBRECHT^HORST",birth_date="1944-12-01",exam_date="2026-03-22",referring_physician="DEMIR^AYSE")))

R.append(dict(id="HG-037", region="clavicle", lang="en", style="us-va-vista",
report="""Hines VA Hospital, 5000 S. 5th Ave, Hines, IL 60141
RADIOLOGY REPORT
Patient: ROBERTS-McCALL, TERRENCE    SSN: XXX-XX-9031    DOB: 04/56
Exam: CLAVICLE RIGHT   Date: MAR 10, 2026   Case 88
Requesting: FISCHER, ANNE M (PACT)

Reason: fall from ladder, R shoulder/clavicle pain

FINDINGS: No acute fracture or dislocation of the right clavicle. AC and SC joints maintained. Incidental 1.4 cm rounded opacity projecting over the right upper lung zone, not seen on chest radiograph of 08/2024.

IMPRESSION:
1. No acute osseous abnormality of the right clavicle.
2. New 1.4 cm right upper lung opacity; dedicated chest CT recommended. Results communicated to ordering provider via CPRS alert 03/10/2026.

/QXT
Interpreting: ESCOBAR-RUIZ, MARIA DEL PILAR, MD""",
ids=[("Hines VA Hospital","institution"),("5000 S. 5th Ave, Hines, IL 60141","address"),("ROBERTS-McCALL, TERRENCE","patient_name"),("XXX-XX-9031","id"),("04/56","date"),("MAR 10, 2026","date"),("Case 88","id"),("FISCHER, ANNE M","clinician_name"),("08/2024","date"),("03/10/2026","date"),("QXT","other"),("ESCOBAR-RUIZ, MARIA DEL PILAR","clinician_name")],
labels={}))

R.append(dict(id="HG-038", region="thumb", lang="de", style="ch-regionalspital",
report="""Spital Emmental, Burgdorf – Radiologie
Oberburgstrasse 54, 3400 Burgdorf

Name: Rüegsegger, Hansjörg, 58-jährig
Fall 4471 9921 03
Daumen links dv/seitlich vom 23.03.2026
Zuweisung: Notfallstation, Dr. med. Lukas Vogel

Frage: Verletzung mit Druckluftnagler an der Daumenkuppe, Fremdkörper?

Befund:
Keine Fraktur, insbesondere Endglied und Processus unguicularis intakt. Gelenke kongruent. Weichteilschwellung der Daumenkuppe. In den palmaren Weichteilen des Endgliedes punktförmige, 1 mm grosse Verdichtung, fraglich metallischer Fremdkörper, DD Projektion/Hautverunreinigung.

Beurteilung:
Kein Frakturnachweis. Fraglicher punktförmiger Fremdkörper palmar am Endglied, Ultraschall empfohlen.

Dr. med. Andrea Bühler / Dr. med. Marco Pfister, Chefarzt-Stv.""",
ids=[("Spital Emmental","institution"),("Burgdorf","address"),("Oberburgstrasse 54","address"),("3400","address"),("Rüegsegger, Hansjörg","patient_name"),("58-jährig","age"),("4471 9921 03","id"),("23.03.2026","date"),("Lukas Vogel","clinician_name"),("Andrea Bühler","clinician_name"),("Marco Pfister","clinician_name")],
labels=dict(swelling_dactylitis=T,foreign_body=U)))

R.append(dict(id="HG-039", region="elbow", lang="en", style="hk-public-hospital",
report="""Tuen Mun Hospital, Department of Radiology
23 Tsing Chung Koon Road, Tuen Mun, N.T.
Name: NG Ho Yin   M/14Y   HKID Z6**1**(7)   HN 25098871
Exam Date: 2026-03-06   Ward: 8B Bed 21 (Paed)
Ref: Dr. CHOW K. M.

Clinical: Fell playing basketball. Elbow pain.

X-ray R elbow AP/Lat:
No fracture. Joint alignment normal; no effusion. Incidental note of a 1.2 cm eccentric, well-defined lucent lesion with a thin sclerotic rim in the proximal ulna metaphysis, cortically based, without periosteal reaction or matrix. Likely non-ossifying fibroma versus fibrous cortical defect. No pathological fracture.

Impression:
1. No fracture.
2. Benign-appearing lucent lesion proximal ulna, likely NOF. No follow-up required.

Dr. YEUNG Wing Sze, FRCR, FHKCR""",
ids=[("Tuen Mun Hospital","institution"),("23 Tsing Chung Koon Road, Tuen Mun, N.T.","address"),("NG Ho Yin","patient_name"),("14Y","age"),("Z6**1**(7)","id"),("25098871","id"),("2026-03-06","date"),("8B Bed 21","other"),("CHOW K. M.","clinician_name"),("YEUNG Wing Sze","clinician_name")],
labels=dict(lytic_lesion=T)))

R.append(dict(id="HG-040", region="clavicle", lang="de", style="de-bg-pipe-header",
report="""BG Klinikum Duisburg – Radiologie
Großenbaumer Allee 250, 47249 Duisburg
Pat: Aydın, Serkan | * 29.01.1985 | PID 70044718 | Fall 26-D-3318
Unfalltag 21.03.2026 (Arbeitsunfall Lager, Sturz auf Schulter)
Clavicula re ap/30° kranial, AC-Gelenk re – 21.03.2026

Befund: Undislozierte, schräg verlaufende Fraktur des lateralen Claviculadrittels lateral der korakoklavikulären Bänder (Jäger/Breitner Typ I). Geringe Stufe im AC-Gelenk von ca. 3 mm, eine Subluxation ist nicht sicher auszuschließen, DD lagerungsbedingt. Korakoklavikulärer Abstand regelrecht. Keine Trümmerzone.

Beurteilung: Nicht dislozierte laterale Claviculafraktur rechts (Jäger/Breitner I). Fragliche AC-Subluxation, ggf. Vergleichsaufnahme.

OA PD Dr. med. Martin Sommerfeld""",
ids=[("BG Klinikum Duisburg","institution"),("Großenbaumer Allee 250","address"),("47249 Duisburg","address"),("Aydın, Serkan","patient_name"),("29.01.1985","date"),("70044718","id"),("26-D-3318","id"),("21.03.2026","date"),("Martin Sommerfeld","clinician_name")],
keep=["Jäger/Breitner Typ I","Jäger/Breitner I"],
labels=dict(fracture=T,fracture_lateral_third=T,ac_joint_subluxation=U,joint_subluxation=U),
columns=dict(patient_name="AYDIN^SERKAN",patient_id="70044718",birth_date="1985-01-29",exam_date="2026-03-21",accession_number="26-D-3318")))

emit("/work/corpora/heldout3/g/batch-02.jsonl", R)
