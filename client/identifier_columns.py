"""Which columns of a site's reports.csv hold identifiers, and of which kind (issue 10, item 6).

RIS/PACS exports name identifier columns in many ways (`first_name`, `PatientName`, `Vorname`,
`Geburtsdatum`, `MRN`...). A column the anonymizer does not know would be silently ignored,
and the text would keep its values: so every column of reports.csv must be either a required
column, a known identifier column (COLUMN_KINDS), or declared by the site in
`<site>/fedrad-site.toml`:

    [columns]
    station = "ignore"          # not an identifier, never copied anywhere
    pat_vorname = "name"        # an identifier of that kind
    kostenstelle = "id"

Otherwise `fedrad anonymize` stops with an error naming the file and the column.

Kinds: name (a person), date, id, phone, email, address, institution, age, text (any other
identifying value, matched verbatim), ignore.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from fedrad.common.errors import FedradError
from fedrad.common.fileio import read_toml
from fedrad.common.sitefiles import SITE_CONFIG

KINDS = ("name", "date", "id", "phone", "email", "address", "institution", "age", "text", "ignore")


def _key(column: str) -> str:
    """'Patient Name', 'patient-name', 'PatientName', 'PATIENT_NAME' -> 'patientname'."""
    return re.sub(r"[^0-9a-zäöüß]", "", column.lower())


_NAMES = {
    "name": """patientname patname patient_name name fullname full_name vorname nachname firstname first_name
        lastname last_name givenname given_name familyname family_name surname middlename middle_name
        patientfirstname patientlastname patientgivenname patientfamilyname patvorname patnachname
        patientenname patientenvorname patientennachname geburtsname maidenname mothersmaidenname
        referringphysician referring_physician referringphysicianname referrer referringdoctor referring
        requestingphysician orderingphysician orderingprovider attendingphysician performingphysician
        performingphysicianname physicianofrecord physiciansofrecord readingphysician radiologist
        nameofphysiciansreadingstudy operatorsname operator technologist überweiser ueberweiser zuweiser
        einsender anforderer befunder befundender arzt hausarzt signedby dictatedby author
        otherpatientnames responsibleperson nextofkin angehöriger angehoeriger kontaktperson""",
    "date": """birth_date birthdate dob dateofbirth patientbirthdate geburtsdatum gebdatum geboren gebdat
        exam_date examdate studydate study_date studydatetime acquisitiondate seriesdate contentdate
        untersuchungsdatum datum date befunddatum auftragsdatum admissiondate aufnahmedatum
        dischargedate entlassdatum reportdate orderdate scheduleddate termin""",
    "id": """patient_id patientid pid mrn medicalrecordnumber medical_record_number recordnumber
        accession_number accessionnumber accession acc accno studyid study_instance_uid studyinstanceuid
        seriesinstanceuid sopinstanceuid otherpatientids issuerofpatientid fallnummer fallnr fall_nr
        patientennummer patientennr patnr aufnahmenummer auftragsnummer auftragsnr befundnummer
        versichertennummer versicherungsnummer krankenversichertennummer kvnr svnr ssn socialsecuritynumber
        insurancenumber insuranceid nhsnumber nhsno chinumber ahvnummer ahv encounterid visitid
        admissionid caseid casenumber orderid ordernumber requestid requestedprocedureid""",
    "phone": "phone telephone tel telefon telefonnummer mobile mobil handy fax patienttelephonenumbers",
    "email": "email e_mail mail emailaddress",
    "address": """address adresse anschrift street strasse straße postcode postalcode zip zipcode plz city
        town ort wohnort stadt patientaddress country land""",
    "institution": """institution institutionname institution_name hospital klinik krankenhaus praxis
        station ward department abteilung referringinstitution einsenderklinik""",
    "age": "age patientage alter",
}
COLUMN_KINDS: dict[str, str] = {_key(c): kind for kind, cols in _NAMES.items() for c in cols.split()}


class SiteConfigError(FedradError, ValueError):
    """fedrad-site.toml is unreadable or declares an unknown kind; the message names file and key."""


class UnknownColumnError(FedradError, ValueError):
    """reports.csv has a column that is neither known nor declared: anonymizing would leak it."""


def load_site_columns(site: str | os.PathLike) -> dict[str, str]:
    """`[columns]` of <site>/fedrad-site.toml as {normalised column: kind} ({} when absent)."""
    path = Path(site) / SITE_CONFIG
    if not path.is_file():
        return {}
    data = read_toml(path, SiteConfigError, "site config")
    cols = data.get("columns", {})
    if not isinstance(cols, dict):
        raise SiteConfigError(f"{path}: [columns] must be a table of column = kind")
    out = {}
    for col, kind in cols.items():
        if kind not in KINDS:
            raise SiteConfigError(f"{path}, [columns] {col} = {kind!r}: kind must be one of {', '.join(KINDS)}")
        out[_key(col)] = kind
    return out


def column_kind(column: str, declared: dict[str, str] | None = None) -> str | None:
    """The identifier kind of a column, the site's declaration first; None when unknown."""
    k = _key(column)
    if declared and k in declared:
        return declared[k]
    return COLUMN_KINDS.get(k)


def check_columns(path: str | os.PathLike, columns: list[str], declared: dict[str, str]) -> None:
    """Raise UnknownColumnError for the first column neither known nor declared."""
    for col in columns:
        if column_kind(col, declared) is None:
            raise UnknownColumnError(
                f"{path}, row 1, column {col}: not a known identifier column and not declared in "
                f"{Path(path).parent / SITE_CONFIG}; add it under [columns] as one of "
                f"{', '.join(KINDS)} (\"ignore\" if it identifies no one)")


def identifier_kind(column: str) -> str:
    """How the anonymizer matches a column's values: known kind, else by its name's ending
    ('…_name' a person, '…_date' a date), else verbatim like an id."""
    kind = column_kind(column)
    if kind is not None:
        return kind
    c = column.lower()
    if c.endswith("name") or c.endswith("physician"):
        return "name"
    if c.endswith("date") or c.endswith("_dt"):
        return "date"
    return "id"
