"""Fake identities (PHI) for synthetic studies: names, dates, ids, phones, physicians.

Everything is invented from small name pools; the point is that the anonymizer meets the
same kinds of strings as in real exports (umlauts, double names, titles, several date and
id formats), and that each planted string is recorded exactly (see reports.py).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

FIRST_DE_F = ["Anna", "Maria", "Ursula", "Sabine", "Jana", "Lea", "Monika", "Renate", "Katharina", "Jürgen",
              "Birgit", "Hannelore", "Sophie", "Mia", "Gisela", "Ilse", "Petra", "Anneliese"]
FIRST_DE_M = ["Hans", "Peter", "Klaus", "Jürgen", "Stefan", "Lukas", "Jonas", "Wolfgang", "Dieter", "Uwe",
              "Karl-Heinz", "Matthias", "Felix", "Günter", "Thomas", "Horst", "Bernd", "Ömer"]
LAST_DE = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
           "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
           "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner",
           "Krause", "Meier-Lüdenscheidt", "Yılmaz", "Nowak", "Kowalski", "Groß", "Vogel", "Friedrich"]
FIRST_EN_F = ["Emily", "Sarah", "Jessica", "Linda", "Patricia", "Olivia", "Grace", "Margaret", "Chloe",
              "Hannah", "Aisha", "Mary-Kate", "Nancy", "Rebecca"]
FIRST_EN_M = ["James", "John", "Robert", "Michael", "William", "David", "Daniel", "Thomas", "Kevin",
              "Liam", "Noah", "Raj", "Oliver", "George"]
LAST_EN = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
           "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker",
           "O'Brien", "Nguyen", "Patel", "McAllister", "Young", "King", "Wright", "Hughes", "Evans"]
# surnames that are also eponyms of findings: a report about a patient "Anna Bennett" without
# a Bennett fracture is exactly the case where an anonymizer and a labeler must disagree.
EPONYM_SURNAMES = {"thumb": ["Bennett", "Rolando"], "elbow": ["Mason", "Monteggia", "Essex"],
                   "clavicle": ["Rockwood", "Tossy", "Neer"]}
DOCTORS_DE = ["Weber", "Hartmann", "Albrecht", "Brandt", "Seidel", "Kühn", "Lorenz", "Engel", "Dietrich", "Vogt"]
DOCTORS_EN = ["Carter", "Reynolds", "Hughes", "Bennet-Shaw", "Foster", "Greene", "Sullivan", "Price", "Ortiz"]


@dataclass
class Identity:
    first: str
    last: str
    sex: str
    birth: dt.date
    exam: dt.date
    prior: dt.date
    patient_id: str
    accession: str
    referrer_first: str
    referrer_last: str
    radiologist_first: str
    radiologist_last: str
    colleague_last: str          # someone called in the text
    phone: str                   # extension phone of the callback
    station: str

    @property
    def age(self) -> int:
        e, b = self.exam, self.birth
        return e.year - b.year - ((e.month, e.day) < (b.month, b.day))


def _date_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def make_identity(rng: random.Random, lang: str, *, phone_prefix: str, id_prefix: str, index: int,
                  region: str, eponym_surname: bool) -> Identity:
    de = lang == "de"
    sex = rng.choice("FM")
    if de:
        first = rng.choice(FIRST_DE_F if sex == "F" else FIRST_DE_M)
        last = rng.choice(LAST_DE)
    else:
        first = rng.choice(FIRST_EN_F if sex == "F" else FIRST_EN_M)
        last = rng.choice(LAST_EN)
    if eponym_surname:
        last = rng.choice(EPONYM_SURNAMES.get(region, ["Bennett"]))
    exam = _date_between(rng, dt.date(2019, 1, 1), dt.date(2025, 12, 31))
    age = int(min(95, max(2, rng.gauss(48, 22))))
    birth = exam - dt.timedelta(days=int(age * 365.25 + rng.randrange(365)))
    prior = exam - dt.timedelta(days=rng.randrange(20, 1500))
    pid = f"{id_prefix}{rng.randrange(10**6, 10**8)}"
    acc = rng.choice([f"A{exam.year}{rng.randrange(10**5, 10**6)}", f"{rng.randrange(10**7, 10**8)}",
                      f"RX-{rng.randrange(10**5, 10**6)}"])
    docs = DOCTORS_DE if de else DOCTORS_EN
    firsts = (FIRST_DE_F + FIRST_DE_M) if de else (FIRST_EN_F + FIRST_EN_M)
    ref_last, rad_last, col_last = rng.sample(docs, 3)
    phone = f"{phone_prefix}{rng.randrange(1000, 99999)}"
    return Identity(first=first, last=last, sex=sex, birth=birth, exam=exam, prior=prior, patient_id=pid,
                    accession=acc, referrer_first=rng.choice(firsts), referrer_last=ref_last,
                    radiologist_first=rng.choice(firsts), radiologist_last=rad_last, colleague_last=col_last,
                    phone=phone, station=f"CR{rng.randrange(1, 9)}")
