from emit import emit
T="true"; U="uncertain"
R=[]
R.append(dict(id="HG-001", region="clavicle", lang="en", style="us-private-dictated",
report="""ASHFORD VALLEY RADIOLOGY ASSOCIATES, P.C.
1180 Orchard Hill Rd, Suite 204, Three Rivers, MI 49093
Phone (269) 555-0143  Fax (269) 555-0198

PATIENT: STONE, HOPE A.        DOB: 07/19/1994
MRN: AVR-0093317               ACC#: 26-XR-041877
EXAM DATE: 04/02/2026
REFERRING: Frank Baker, PA-C

EXAM: RIGHT CLAVICLE, 2 VIEWS (AP AND 15 DEGREE CEPHALIC TILT), PLUS ZANCA VIEW

CLINICAL HISTORY: 31-year-old female, thrown from horse, r/o fracture.

COMPARISON: None.

FINDINGS: There is an acute fracture of the midshaft of the right clavicle with a separate butterfly fragment measuring approximately 1.8 cm. The lateral fragment is displaced inferiorly by approximately one shaft width with 1 cm of overriding. The Zanca view shows the acromioclavicular joint to be congruent with normal joint width. The sternoclavicular joint is unremarkable as visualized. No radiopaque foreign body. The visualized upper lung zone is clear.

IMPRESSION:
1. Comminuted, displaced midshaft right clavicle fracture with butterfly fragment, one shaft width inferior displacement and 1 cm shortening.
2. AC joint intact.

Dictated by: Richard Kessler, DO
Electronically signed: 04/02/2026 14:22
RK/tlm""",
ids=[("ASHFORD VALLEY RADIOLOGY ASSOCIATES, P.C.","institution"),("1180 Orchard Hill Rd, Suite 204","address"),("Three Rivers","address"),("MI 49093","address"),("(269) 555-0143","phone"),("(269) 555-0198","phone"),("STONE, HOPE A.","patient_name"),("07/19/1994","date"),("AVR-0093317","id"),("26-XR-041877","id"),("04/02/2026","date"),("Frank Baker","clinician_name"),("31-year-old","age"),("Richard Kessler","clinician_name"),("RK/tlm","other")],
keep=["ZANCA","Zanca"],
labels=dict(fracture=T,fracture_middle_third=T,fracture_comminuted=T,fracture_displaced=T),
columns=dict(patient_name="STONE^HOPE^A",patient_id="AVR-0093317",birth_date="1994-07-19",exam_date="2026-04-02",accession_number="26-XR-041877",referring_physician="BAKER^FRANK")))

R.append(dict(id="HG-002", region="elbow", lang="de", style="de-bg-darzt",
report="""Berufsgenossenschaftliches Heilverfahren – D-Arzt-Verfahren
Chirurgische Gemeinschaftspraxis Dres. Koch & Kollegen
Bahnhofstraße 17, 61348 Bad Homburg vor der Höhe
Tel. 06172 / 94 81-0

Röntgen linker Ellenbogen in 2 Ebenen vom 11.03.2026
Patient: Yılmaz, Emre, geb. 02.09.1988
Unfallversicherungsträger: BG BAU, Az. 4 26 0318 771
Unfalltag: 10.03.2026, Sturz vom Gerüst auf den ausgestreckten Arm (Arbeitsunfall)

Befund:
Intraartikuläre Fraktur des Radiusköpfchens mit ca. 3 mm Stufe in der Gelenkfläche und leichter Dislokation des lateralen Fragments nach distal. Radiushals intakt. Deutlich positives ventrales und dorsales Fettpolsterzeichen. Humeroulnares und humeroradiales Gelenk regelrecht artikulierend. Olecranon und Processus coronoideus ohne Frakturnachweis. Keine Weichteilverkalkungen.

Beurteilung:
Radiusköpfchenfraktur links Typ Mason II mit Gelenkerguss.

Dr. med. Stefan Koch
Facharzt für Orthopädie und Unfallchirurgie, D-Arzt""",
ids=[("Chirurgische Gemeinschaftspraxis Dres. Koch & Kollegen","institution"),("Bahnhofstraße 17","address"),("61348","address"),("Bad Homburg vor der Höhe","address"),("06172 / 94 81-0","phone"),("11.03.2026","date"),("Yılmaz, Emre","patient_name"),("02.09.1988","date"),("4 26 0318 771","id"),("10.03.2026","date"),("Stefan Koch","clinician_name")],
keep=["Mason II"],
labels=dict(fracture=T,radius_fracture=T,radial_head_fracture=T,radial_head_fracture_displaced=T,fat_pad_sign=T)))

R.append(dict(id="HG-003", region="thumb", lang="en", style="uk-terse",
report="""XR THUMB LEFT
Queen Elizabeth Hospital, King's Lynn    Req: GP (Dr A. Winter, Gaywood Surgery)
Hx: shut in car door yesterday ?#

No fracture. Joints congruent. No soft tissue swelling of note.

Dr P. Hargreaves, Consultant Radiologist, FRCR   12/03/26""",
ids=[("Queen Elizabeth Hospital","institution"),("King's Lynn","address"),("A. Winter","clinician_name"),("Gaywood Surgery","institution"),("P. Hargreaves","clinician_name"),("12/03/26","date")],
labels={},
columns=dict(patient_name="FAIRWEATHER^MAY",patient_id="4857773456",birth_date="1961-05-30",exam_date="2026-03-12",referring_physician="WINTER^A")))

R.append(dict(id="HG-004", region="thumb", lang="de", style="de-paeds-kinderklinik",
report="""Klinik für Kinder- und Jugendmedizin, St. Marien-Krankenhaus Siegen
Kinderradiologie

Säugling Özdemir, Elif
Geb.: 14.02.2026   Alter: 6 Wochen   Station K3, Zi. 12 Bett 2
Untersuchung: Röntgen Daumen rechts a.p. und seitlich, 30.03.2026
Anforderung: Dr. med. Lena Fuchs, Kinderchirurgie

Klinische Angaben: Klinisch Daumendoppelung rechts. Präoperative Klassifikation erbeten.

Befund:
Radiale Polydaktylie rechts: gemeinsames, distal verbreitertes Grundglied, dem zwei getrennte, jeweils vollständig angelegte Endglieder gelenkig aufsitzen. Das radiale Duplikat etwas hypoplastisch. Metakarpale I regelrecht. Epiphysenkerne altersentsprechend noch nicht angelegt. Keine weiteren Skelettauffälligkeiten im abgebildeten Bereich.

Beurteilung:
Präaxiale Daumendoppelung rechts Typ Wassel II mit hypoplastischem radialem Anteil.

Dr. med. Ju\u0308rgen Weiß, Oberarzt Kinderradiologie""",
ids=[("St. Marien-Krankenhaus Siegen","institution"),("Özdemir, Elif","patient_name"),("14.02.2026","date"),("6 Wochen","age"),("Station K3, Zi. 12 Bett 2","other"),("30.03.2026","date"),("Lena Fuchs","clinician_name"),("Ju\u0308rgen Weiß","clinician_name")],
keep=["Wassel II"],
labels={}))

R.append(dict(id="HG-005", region="elbow", lang="en", style="us-va-vista",
report="""DEPARTMENT OF VETERANS AFFAIRS
Tomah VA Medical Center - Imaging Service
500 E. Veterans St., Tomah, WI 54660

Pt: KING, RAYMOND L     SSN: ***-**-4417    Age: 78
Exam: ELBOW 2 VIEWS LEFT     Case #: 1407   Exam Dt: MAR 18, 2026@09:41
Req Phys: OKONKWO,CHIDI A   Req Loc: PRIMARY CARE BLUE TEAM

Clinical History:
78 yo veteran w/ chronic L elbow pain, remote fall ~2009 with surgery. eval for arthritis

Report Status: Verified

Findings: Two views of the left elbow. Tension band wire construct (2 parallel K-wires and figure-of-eight cerclage) in the olecranon, without loosening or breakage. The old olecranon fracture line is still faintly visible with mild residual articular step-off. Moderate degenerative change of the ulnohumeral joint with joint space narrowing and marginal osteophytes, coronoid osteophyte. No effusion. No acute fracture. Small well-corticated ossific density anterior to the radial head, likely a loose body versus ossicle.

Impression:
1. Healed olecranon fracture with intact tension band wiring; fracture line still faintly seen.
2. Moderate ulnohumeral osteoarthritis.
3. Small ossific density anterior joint, likely intra-articular body vs accessory ossicle.

Primary Diagnostic Code: ABNORMALITY, ATTN. NEEDED
/JKT
Interpreting Radiologist: THACKERAY, JAMES K  MD
Verified by: THACKERAY, JAMES K  on 03/18/2026""",
ids=[("Tomah VA Medical Center","institution"),("500 E. Veterans St.","address"),("Tomah, WI 54660","address"),("KING, RAYMOND L","patient_name"),("***-**-4417","id"),("78","age"),("1407","id"),("MAR 18, 2026","date"),("OKONKWO,CHIDI A","clinician_name"),("2009","date"),("JKT","other"),("THACKERAY, JAMES K","clinician_name"),("03/18/2026","date")],
keep=["K-wires"],
labels=dict(fracture=T,ulna_fracture=T,olecranon_fracture=T,joint_degeneration=T,ossicle=U),
columns=dict(patient_name="KING^RAYMOND^L",patient_id="7004417",birth_date="1947-10-02",exam_date="2026-03-18",accession_number="031826-1407",referring_physician="OKONKWO^CHIDI^A")))

R.append(dict(id="HG-006", region="clavicle", lang="de", style="ch-kantonsspital",
report="""Kantonsspital St. Gallen
Klinik für Radiologie und Nuklearmedizin
Rorschacher Strasse 95, CH-9007 St. Gallen

Patient: Brändli Urs, 1971, m
Fall-Nr.: 5 512 084 3
Untersuchung: Clavicula rechts ap und tangential, 22.01.2026 16:05
Zuweiser: Dr. med. R. Zogg, Notfallzentrum

Klinische Angaben: Velosturz, Druckdolenz laterale Clavicula. Fraktur?

Befund:
Fraktur der lateralen Clavicula unmittelbar medial der Ligg. coracoclavicularia, Verschiebung des medialen Fragments um knapp Schaftbreite nach kranial. Erweiterter korakoklavikulärer Abstand (14 mm, Gegenseite nicht abgebildet). AC-Gelenk selbst kongruent. Kein Fremdkörper.

Beurteilung:
Dislozierte laterale Claviculafraktur, Typ Neer IIB (Allman II), wahrscheinlich mit Ruptur des Lig. conoideum.

Vidiert: PD Dr. med. Andrea Lüthi-Kälin, Leitende Ärztin
Schreibkraft: mk""",
ids=[("Kantonsspital St. Gallen","institution"),("Rorschacher Strasse 95","address"),("CH-9007 St. Gallen","address"),("Brändli Urs","patient_name"),("1971","date"),("5 512 084 3","id"),("22.01.2026","date"),("R. Zogg","clinician_name"),("Andrea Lüthi-Kälin","clinician_name"),("mk","other_name")],
keep=["Neer IIB","Allman II"],
labels=dict(fracture=T,fracture_lateral_third=T,fracture_displaced=T),
columns=dict(patient_name="BRAENDLI^URS",patient_id="55120843",birth_date="1971-06-03",exam_date="2026-01-22",referring_physician="ZOGG^R")))

R.append(dict(id="HG-007", region="thumb", lang="en", style="hk-public-hospital",
report="""Department of Radiology & Imaging, Queen Elizabeth Hospital
30 Gascoigne Road, Kowloon, Hong Kong

Patient: CHAN Ka Wing   Sex/Age: M/24Y   HKID: Y12****(4)
Hospital No.: HN26014573(2)   Ward: A&E
Exam: XR Thumb (L) AP/Lat + Robert view   Date: 05-Feb-2026
Ref. Dr: Dr. LEUNG Wai Kit (A&E)

Clinical: punched wall. Swollen thumb base.

Report:
There is an intra-articular fracture at the base of the first metacarpal with a small volar-ulnar fragment retained in position, while the metacarpal shaft is subluxed radially and dorsally at the carpometacarpal joint. Soft tissue swelling around the thumb base. MCP and IP joints normal.

Conclusion: Bennett fracture with CMC joint subluxation, left thumb. Suggest orthopaedic referral.

Reported by: Dr. HO Siu Fung Ivan, FRCR, FHKCR, FHKAM (Radiology)""",
ids=[("Queen Elizabeth Hospital","institution"),("30 Gascoigne Road, Kowloon, Hong Kong","address"),("CHAN Ka Wing","patient_name"),("24Y","age"),("Y12****(4)","id"),("HN26014573(2)","id"),("05-Feb-2026","date"),("LEUNG Wai Kit","clinician_name"),("HO Siu Fung Ivan","clinician_name")],
keep=["Robert view","Bennett"],
labels=dict(fracture=T,metacarpal1_fracture=T,cmc_joint_subluxation=T,joint_subluxation=T,swelling_dactylitis=T)))

R.append(dict(id="HG-008", region="elbow", lang="de", style="caps-teleradiology",
report="""TELERADIOLOGIE NACHTDIENST – RADIOLOGIE-VERBUND RHEIN-MAIN
BEFUNDUNG FÜR: KREISKLINIK GROSS-GERAU, ZNA
PAT.: SCHMIDT, LUCA   GEB.: 19.07.2019 (6 J.)
UNTERSUCHUNG: ELLENBOGEN LI. IN 2 EBENEN   DATUM: 14.03.2026 02:47   ACC: TR-26-118402

RECHTFERTIGENDE INDIKATION: STURZ VOM KLETTERGERUEST, V.A. SUPRAKONDYLAERE FRAKTUR.

BEFUND:
SUPRAKONDYLAERE HUMERUSFRAKTUR LINKS MIT ABKIPPUNG DES DISTALEN FRAGMENTS NACH DORSAL, DORSALE KORTIKALIS ERHALTEN. DIE ANTERIORE HUMERUSLINIE VERLAEUFT VOR DEM CAPITULUM. POSITIVES VENTRALES UND DORSALES FETTPOLSTERZEICHEN. RADIUSKOEPFCHEN REGELRECHT ZUM CAPITULUM EINGESTELLT. KEIN HINWEIS AUF GELENKBETEILIGUNG.

BEURTEILUNG:
DISLOZIERTE SUPRAKONDYLAERE HUMERUSFRAKTUR LINKS, GARTLAND TYP II.
BEFUND TELEFONISCH AN DIENSTHABENDEN ARZT DR. WINTER UM 02:55 UEBERMITTELT.

TELERADIOLOGE: DR. MED. M. AKSOY, FA FUER RADIOLOGIE""",
ids=[("RADIOLOGIE-VERBUND RHEIN-MAIN","institution"),("KREISKLINIK GROSS-GERAU","institution"),("SCHMIDT, LUCA","patient_name"),("19.07.2019","date"),("6 J.","age"),("14.03.2026","date"),("TR-26-118402","id"),("WINTER","clinician_name"),("M. AKSOY","clinician_name")],
keep=["GARTLAND TYP II"],
labels=dict(fracture=T,distal_humerus_fracture=T,distal_humerus_fracture_displaced=T,fat_pad_sign=T),
columns=dict(patient_name="SCHMIDT^LUCA",birth_date="2019-07-19",exam_date="2026-03-14",accession_number="TR-26-118402")))

R.append(dict(id="HG-009", region="clavicle", lang="en", style="nz-private",
report="""Pacific Radiology Manawatū
Patient: Ngata, Aroha   NHI: ZKC4471   DOB: 3/11/1998
Referrer: Dr Sione Tupou, Massey Medical Centre

XR LEFT CLAVICLE 17/02/2026

Clinical details: Rugby tackle. Pain over mid clavicle. ?fracture

Report:
No fracture is identified. The acromioclavicular and sternoclavicular joints are normally aligned. Coracoclavicular distance is preserved. No soft tissue abnormality.

Conclusion: No bony injury. If pain persists, repeat films in 10-14 days may be considered as undisplaced fractures can be occult initially.

Dr Claire McAllister FRANZCR""",
ids=[("Pacific Radiology Manawatū","institution"),("Ngata, Aroha","patient_name"),("ZKC4471","id"),("3/11/1998","date"),("Sione Tupou","clinician_name"),("Massey Medical Centre","institution"),("17/02/2026","date"),("Claire McAllister","clinician_name")],
labels={}))

R.append(dict(id="HG-010", region="thumb", lang="de", style="at-ukh-befund",
report="""AUVA-Unfallkrankenhaus Steiermark, Standort Graz
Göstinger Straße 24, 8020 Graz
Radiologie – Befund

Pat.: Gruber Maria, w, 67 J.    SV-Nr.: 3187
150358
Untersuchung: Daumen rechts in 2 Ebenen, 09.02.2026
Zuw.: OA Dr. Wolfgang Mayr, Handambulanz

Anamnese: Seit Monaten zunehmende Schmerzen Daumensattelgelenk, kein Trauma.

Befund:
Deutliche Verschmälerung des Gelenkspaltes im Daumensattelgelenk mit subchondraler Sklerosierung, Osteophyten und leichter radialer Subluxation der MC-I-Basis. Geringe degenerative Veränderungen auch im IP-Gelenk. MCP-Gelenk unauffällig. Keine Fraktur. Nebenbefundlich Chondrokalzinose im Discus triangularis des Handgelenks.

Beurteilung:
Fortgeschrittene Rhizarthrose rechts (Eaton/Littler Stadium III) mit Subluxationsstellung. Beginnende Arthrose des Daumen-IP-Gelenks (Heberden-Äquivalent).

Dr. Sabine Hofer-Wimmer, FÄ für Radiologie""",
ids=[("AUVA-Unfallkrankenhaus Steiermark","institution"),("Graz","address"),("Göstinger Straße 24","address"),("8020","address"),("Gruber Maria","patient_name"),("67 J.","age"),("3187","id"),("150358","id"),("09.02.2026","date"),("Wolfgang Mayr","clinician_name"),("Sabine Hofer-Wimmer","clinician_name")],
keep=["Eaton/Littler","Heberden"],
labels=dict(cmc_joint_degeneration=T,joint_degeneration=T,cmc_joint_subluxation=T,joint_subluxation=T,ip_joint_degeneration=T),
columns=dict(patient_name="GRUBER^MARIA",patient_id="UKH-G-0448127",birth_date="1958-03-15",exam_date="2026-02-09")))

R.append(dict(id="HG-011", region="elbow", lang="en", style="ng-teaching-hospital",
report="""LAGOS UNIVERSITY TEACHING HOSPITAL, IDI-ARABA
DEPARTMENT OF RADIOLOGY
X-RAY REPORT

Name: Master Chukwuemeka Adebayo-Eze   Age: 8yrs   Sex: M
Hosp. No: LUTH/26/04471   X-ray No: 2186/26
Ward: Children Emergency Room (CHER)
Date: 21st January 2026
Referring Doctor: Dr. (Mrs.) F. O. Bello

Examination: Right elbow and forearm, AP and lateral views

Clinical Information: Fall from a mango tree. Painful swollen right elbow. ?Supracondylar fracture

Findings:
There is a fracture of the proximal third of the ulna shaft with anterior angulation. The radial head is dislocated anteriorly; the radiocapitellar line does not pass through the capitellum on either view. The distal humerus is intact; no supracondylar fracture is seen. Ossification centres for the capitellum, radial head and medial epicondyle are present and appropriate for age. Surrounding soft tissue swelling.

Conclusion:
Monteggia fracture-dislocation (Bado type I), right.

Dr. Ngozi Okafor
MBBS, FMCR (Consultant Radiologist)""",
ids=[("LAGOS UNIVERSITY TEACHING HOSPITAL","institution"),("IDI-ARABA","address"),("Chukwuemeka Adebayo-Eze","patient_name"),("8yrs","age"),("LUTH/26/04471","id"),("2186/26","id"),("21st January 2026","date"),("F. O. Bello","clinician_name"),("Ngozi Okafor","clinician_name")],
keep=["Monteggia","Bado type I"],
labels=dict(fracture=T,ulna_fracture=T,joint_dislocation=T)))

R.append(dict(id="HG-012", region="clavicle", lang="de", style="de-bg-unfallklinik",
report="""Berufsgenossenschaftliche Unfallklinik Frankfurt am Main
Institut für Radiologie
Friedberger Landstraße 430, 60389 Frankfurt am Main

Name: Becker, Jonas   geb. 23.11.1990   Pat.-Nr. 0004471822
Auftragsnr.: 26031503118
D-Arzt-Fall, Unfall vom 14.03.2026 (Sturz mit dem Mountainbike)

Untersuchung: 15.03.2026, Clavicula li. a.p. + AC-Gelenke beidseits mit Belastung (10 kg)

Befund:
Deutlicher Hochstand der lateralen Clavicula links gegenüber dem Akromion um etwa eine Schaftbreite. AC-Gelenkspalt links auf 11 mm erweitert (rechts 4 mm). Korakoklavikulärer Abstand links 19 mm, rechts 9 mm. Keine Fraktur der Clavicula, kein knöcherner Bandausriss am Processus coracoideus abgrenzbar. Rechts regelrechte Verhältnisse.

Beurteilung:
AC-Gelenkssprengung links, Tossy III / Rockwood III.

Prof. Dr. med. habil. Thomas Hahn
Chefarzt
TH/dre""",
ids=[("Berufsgenossenschaftliche Unfallklinik Frankfurt am Main","institution"),("Friedberger Landstraße 430","address"),("60389 Frankfurt am Main","address"),("Becker, Jonas","patient_name"),("23.11.1990","date"),("0004471822","id"),("26031503118","id"),("14.03.2026","date"),("15.03.2026","date"),("Thomas Hahn","clinician_name"),("TH/dre","other")],
keep=["Tossy III","Rockwood III"],
labels=dict(ac_joint_dislocation=T,joint_dislocation=T,ac_joint_space_widened=T),
columns=dict(patient_name="BECKER^JONAS",patient_id="0004471822",birth_date="1990-11-23",exam_date="2026-03-15",accession_number="26031503118")))

R.append(dict(id="HG-013", region="thumb", lang="en", style="ke-private-hospital",
report="""THE NAIROBI HOSPITAL – IMAGING DEPARTMENT
P.O. Box 30026-00100, Nairobi
Tel: +254 20 284 5000

Patient: Wanjiru Kamau   IP/OP No: OP-2026-118734   Age: 34 yrs F
Date of exam: 08/03/2026
Referred by: Dr. Otieno, Casualty

Examination: X-ray left thumb AP & lateral

History: Cut by broken glass while washing dishes. ?retained glass

Findings:
A 4 mm radio-opaque foreign body is seen in the soft tissues on the volar aspect of the proximal phalanx, most likely a glass fragment. Associated soft tissue swelling. The underlying bones are intact with no fracture. Joint spaces are preserved.

Impression: Retained radio-opaque foreign body, volar soft tissues of the proximal phalanx left thumb, probably glass.

Dr. Amina Hassan Mwangi, MBChB, MMed (Rad)""",
ids=[("THE NAIROBI HOSPITAL","institution"),("P.O. Box 30026-00100, Nairobi","address"),("+254 20 284 5000","phone"),("Wanjiru Kamau","patient_name"),("OP-2026-118734","id"),("34 yrs","age"),("08/03/2026","date"),("Otieno","clinician_name"),("Amina Hassan Mwangi","clinician_name")],
labels=dict(foreign_body=T,swelling_dactylitis=T)))

R.append(dict(id="HG-014", region="elbow", lang="de", style="de-paeds-kinderklinik",
report="""Kinderklinik Sankt Hedwig, Regensburg – Pädiatrische Radiologie
Steinmetzstr. 1-3, 93049 Regensburg

Patientin: Lea Sophie Hoffmann, 3 J., Station 2B, Zimmer 214
Röntgen Ellenbogen rechts a.p./seitl. vom 28.02.2026
Anf. Arzt: Dr. Mehmet Kaya

Fragestellung: Kind wurde an der Hand hochgezogen, seitdem Schonhaltung. Pronatio dolorosa? Fraktur?

Befund: Knochenkern des Capitulum humeri altersentsprechend angelegt, übrige Knochenkerne noch nicht angelegt. Regelrechte Stellung im Ellenbogengelenk, die Radiuslängsachse zielt in beiden Ebenen auf das Capitulum. Keine Fraktur. Kein Fettpolsterzeichen, kein Erguss.

Beurteilung: Altersgerechter Normalbefund. Kein Frakturnachweis.

i.A. Dr. Katharina Frank, Assistenzärztin / OA Dr. Peter Koller""",
ids=[("Kinderklinik Sankt Hedwig","institution"),("Regensburg","address"),("Steinmetzstr. 1-3","address"),("93049","address"),("Lea Sophie Hoffmann","patient_name"),("3 J.","age"),("Station 2B, Zimmer 214","other"),("28.02.2026","date"),("Mehmet Kaya","clinician_name"),("Katharina Frank","clinician_name"),("Peter Koller","clinician_name")],
labels={}))

R.append(dict(id="HG-015", region="clavicle", lang="en", style="scot-nhs",
report="""NHS Lanarkshire – University Hospital Wishaw
Radiology Department

CHI: 120385 4471
Name: Iain MacLeod   DOB 12/03/1985
Hosp No: W0447182
Exam: XR Clavicle Rt   Date: 02/04/2026
Referrer: Mr K. Fraser, Trauma & Orthopaedics (Fracture Clinic)

Clinical: # R clavicle 14/52 ago, ongoing pain, ?union

Comparison made with previous radiographs of 03/01/2026.

Report: The midshaft fracture remains clearly visible with smooth sclerotic margins to the fracture ends and no bridging callus. The position is unchanged with the lateral fragment displaced inferiorly by approximately half a bone width. Appearances are in keeping with established atrophic non-union. The AC joint shows some inferior osteophyte formation, possibly early degenerative change. SC joint unremarkable.

Conclusion: Non-union of the right midshaft clavicle fracture. ?Early ACJ OA.

Dr Fiona Drummond, Consultant Radiologist
Typed: jm 02/04/26""",
ids=[("NHS Lanarkshire","institution"),("University Hospital Wishaw","institution"),("120385 4471","id"),("Iain MacLeod","patient_name"),("12/03/1985","date"),("W0447182","id"),("02/04/2026","date"),("K. Fraser","clinician_name"),("03/01/2026","date"),("Fiona Drummond","clinician_name"),("jm","other_name"),("02/04/26","date")],
labels=dict(fracture=T,fracture_middle_third=T,fracture_displaced=T,ac_joint_degeneration=U,joint_degeneration=U),
columns=dict(patient_name="MACLEOD^IAIN",patient_id="W0447182",birth_date="1985-03-12",exam_date="2026-04-02",referring_physician="FRASER^K")))

R.append(dict(id="HG-016", region="thumb", lang="de", style="de-teleradiology-pipe",
report="""Teleradiologischer Befund (Nachtdienst) – Auftraggeber: Klinikum Bad Hersfeld, ZNA
Pat.: Rose, Marlene * 05.05.1957  |  Daumen li. 2 Eb.  |  21.02.2026 23:18  |  Acc. 7744013

Fragestellung: Sturz auf Eis, Fraktur?

Daumen links in 2 Ebenen: Kein Frakturnachweis. Gelenkstellungen regelrecht. Keine relevanten degenerativen Veränderungen. Weichteile unauffällig.

Dr. med. Holger Brandt (Teleradiologie), elektronisch freigegeben""",
ids=[("Klinikum Bad Hersfeld","institution"),("Rose, Marlene","patient_name"),("05.05.1957","date"),("21.02.2026","date"),("7744013","id"),("Holger Brandt","clinician_name")],
labels={},
columns=dict(patient_name="ROSE^MARLENE",birth_date="1957-05-05",exam_date="2026-02-21",accession_number="7744013")))

R.append(dict(id="HG-017", region="elbow", lang="en", style="uk-addendum",
report="""Royal Cornwall Hospital, Treliske, Truro TR1 3LJ
XR Elbow Left   Accession RCH26X004471   Date of exam 09/01/2026
Patient: Penhaligon, Tamsin   DOB 30/06/2001   MRN 2048871
Referrer: ED – Dr S. Ramachandran

Clinical: FOOSH, tender radial head, unable to fully extend.

Report:
No fracture or dislocation is demonstrated. Elevated anterior fat pad; no posterior fat pad. Radiocapitellar alignment normal.

Dr T. Nowak, Consultant Radiologist  09/01/2026 11:40

ADDENDUM 10/01/2026 08:15:
Images reviewed at the trauma meeting. On the lateral view there is a subtle cortical buckle at the radial neck, in keeping with an undisplaced radial neck fracture. This accounts for the joint effusion. Please treat as fracture. ED informed (Dr Ramachandran).
Dr T. Nowak""",
ids=[("Royal Cornwall Hospital","institution"),("Treliske, Truro TR1 3LJ","address"),("RCH26X004471","id"),("09/01/2026","date"),("Penhaligon, Tamsin","patient_name"),("30/06/2001","date"),("2048871","id"),("S. Ramachandran","clinician_name"),("Ramachandran","clinician_name"),("T. Nowak","clinician_name"),("10/01/2026","date")],
labels=dict(fracture=T,radius_fracture=T,radial_neck_fracture=T,fat_pad_sign=T),
columns=dict(patient_name="PENHALIGON^TAMSIN",patient_id="2048871",birth_date="2001-06-30",exam_date="2026-01-09",accession_number="RCH26X004471",referring_physician="RAMACHANDRAN^S")))

R.append(dict(id="HG-018", region="clavicle", lang="de", style="at-ukh-postop",
report="""AUVA Unfallkrankenhaus Linz, Garnisonstraße 7, 4010 Linz
Röntgenbefund

Patient: Pichler, Florian  (geb. 1987)
Zahl: 26/003417
Untersuchungsdatum: 03.02.2026
Zuweisung: Unfallambulanz, Dr. Eder

Untersuchung: Clavicula links a.p., Kontrolle 12 Wochen postoperativ

Befund: Z.n. Plattenosteosynthese der linken Clavicula (superior liegende 8-Loch-Platte). Implantatlage unverändert, kein Schraubenbruch, keine Lockerungssäume. Ehemaliger Frakturspalt nicht mehr abgrenzbar, knöchern durchbaut. AC- und SC-Gelenk regelrecht.

Beurteilung: Konsolidiert, Osteosynthesematerial regelrecht.

OA Dr. Christoph Leitner""",
ids=[("AUVA Unfallkrankenhaus Linz","institution"),("Garnisonstraße 7","address"),("4010 Linz","address"),("Pichler, Florian","patient_name"),("1987","date"),("26/003417","id"),("03.02.2026","date"),("Eder","clinician_name"),("Christoph Leitner","clinician_name")],
labels={}))

R.append(dict(id="HG-019", region="thumb", lang="en", style="us-va-vista",
report="""VA Puget Sound Health Care System - Radiology
Pt: WHITEFEATHER, DANIEL J   last4: 8812   DOB: 11-NOV-1969
Exam: HAND THUMB 2+ VIEWS RT (incl. stress)   Case: 0223   Date/Time: FEB 26, 2026 15:10
Requesting: MAY, ELIZABETH R  NP

Hx: Fell skiing Sunday, pain ulnar MCP thumb, r/o gamekeeper's

Findings:
Small avulsion fracture fragment, 3 mm, arising from the ulnar aspect of the base of the proximal phalanx at the insertion of the ulnar collateral ligament, minimally displaced. On the stress view there is mild radial angulation of the proximal phalanx at the MCP joint, questionable subluxation. A Stener lesion cannot be assessed radiographically. No other fracture. CMC and IP joints unremarkable.

IMPRESSION:
1. Ulnar base proximal phalanx avulsion fracture (skier's / gamekeeper's thumb pattern).
2. Possible MCP joint subluxation on stress view. MRI or US recommended to evaluate for Stener lesion.

-DLH""",
ids=[("VA Puget Sound Health Care System","institution"),("WHITEFEATHER, DANIEL J","patient_name"),("8812","id"),("11-NOV-1969","date"),("0223","id"),("FEB 26, 2026","date"),("MAY, ELIZABETH R","clinician_name"),("DLH","clinician_name")],
keep=["Stener"],
labels=dict(fracture=T,proximal_phalanx_fracture=T,mcp_joint_subluxation=U,joint_subluxation=U)))

R.append(dict(id="HG-020", region="elbow", lang="de", style="ch-kantonsspital",
report="""Kantonsspital Baden AG, Institut für Radiologie, Im Ergel 1, 5404 Baden
Pat. Nr. 0-447-1893-2 / Ellbogen re. 2 Ebenen / 19.02.2026
Zuweiser: Hausarztpraxis Wettingen, Dres. Meier und Sutter

Fragestellung: Schmerzen seit Tennismatch, Epicondylitis? Verkalkung?

Befund und Beurteilung:
Regelrechte Artikulation im Ellbogengelenk. Keine Fraktur, keine Osteolyse oder Sklerose. Keine Weichteilverkalkungen am Epicondylus lateralis oder medialis. Kein Erguss, Fettpolster nicht angehoben. Kein Fremdkörper. Keine Exostose.

Dr. med. Reto Hürli\u200bmann, Oberarzt""",
ids=[("Kantonsspital Baden AG","institution"),("Im Ergel 1","address"),("5404 Baden","address"),("0-447-1893-2","id"),("19.02.2026","date"),("Hausarztpraxis Wettingen","institution"),("Meier","clinician_name"),("Sutter","clinician_name"),("Reto Hürli\u200bmann","clinician_name")],
labels={},
columns=dict(patient_name="KELLER^NADJA",patient_id="044718932",birth_date="1979-08-14",exam_date="2026-02-19",referring_physician="MEIER^ANDREAS")))

emit("/work/corpora/heldout3/g/batch-01.jsonl", R)
