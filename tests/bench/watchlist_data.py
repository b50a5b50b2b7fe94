"""Generated watchlist sources for the scale benchmark: documents and persons, deterministic.

Names are drawn from pools of Maghreb/Middle-East names in Latin spellings,
French and Russian names, and Arabic-script names, so that the name index
sees the skew of real lists (many MOHAMEDs, few rare surnames). Family names
are many (tens of thousands, in either script), as on a real list: not a
handful repeated across the crowd, which would put the very name of any
document on the list hundreds of times.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

STATES = ["DZA", "MAR", "TUN", "LBY", "EGY", "MRT", "MLI", "NER", "TCD", "SDN", "SYR", "IRQ",
          "JOR", "LBN", "SAU", "YEM", "FRA", "ESP", "ITA", "D", "GBR", "NLD", "BEL", "TUR",
          "RUS", "UKR", "NGA", "SEN", "USA", "CAN"]
STATUSES = ["stolen", "lost", "revoked", "invalidated"]
ALNUM = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
# Given names by sex (a person's sex agrees with the name, as on a real list).
MALE = ["MOHAMED", "MOHAMMED", "AHMED", "ALI", "OMAR", "YOUSSEF", "KARIM", "SAMIR", "NABIL",
        "RACHID", "HAMZA", "BILAL", "MUSTAPHA", "ABDELKADER", "ABDERRAHMANE", "SALAH", "NOUR",
        "PIERRE", "JEAN", "IVAN", "SERGEI", "DMITRI", "IBRAHIM", "ISMAIL", "HASSAN", "HOUSSEM",
        "WALID", "TAREK", "ADEL", "KHALED", "MOURAD", "FARID", "SAID", "HAKIM", "DJAMEL",
        "MEHDI", "AMINE", "REDA", "SOFIANE", "ISSAM", "HICHEM", "LOTFI", "FOUAD", "AZIZ"]
FEMALE = ["FATIMA", "AICHA", "KHADIJA", "LEILA", "SAMIA", "NADIA", "AMINA", "MERIEM", "SARA",
          "MARIE", "SOPHIE", "OLGA", "ANNA", "ZINEB", "IMANE", "YASMINE", "SOUAD", "HOURIA",
          "NAIMA", "KARIMA", "SAMIRA", "LATIFA", "HALIMA", "ZOHRA", "RACHIDA", "WAFA"]
GIVEN = MALE + FEMALE
SYLLABLES = ["BEN", "HAD", "DAD", "SAI", "DI", "MAN", "SOUR", "KAR", "ROU", "BOU", "ZID", "CHA",
             "RIF", "TA", "LEB", "MER", "ZOU", "GUI", "NA", "LA", "FI", "RA", "MI", "KHA", "LED",
             "HA", "MOU", "DJA", "BER", "TOU", "AZ", "IZ", "OV", "EN", "KO", "VAL", "LOV", "PET"]
ARABIC_MALE = ["محمد", "أحمد", "علي", "عمر", "يوسف", "كريم", "سمير", "حسن", "إبراهيم", "خالد",
               "سعيد", "نبيل", "رشيد", "حمزة", "بلال", "مصطفى", "عبد القادر", "صالح", "وليد",
               "طارق", "عادل", "مراد", "فريد", "حكيم", "جمال", "مهدي", "أمين", "رضا", "سفيان",
               "هشام", "لطفي", "فؤاد", "عزيز", "إسماعيل", "عثمان", "منير", "ناصر", "توفيق"]
ARABIC_FEMALE = ["فاطمة", "عائشة", "خديجة", "ليلى", "سامية", "نادية", "أمينة", "مريم", "سارة",
                 "زينب", "إيمان", "ياسمين", "سعاد", "حورية", "نعيمة", "كريمة", "سميرة", "لطيفة",
                 "حليمة", "زهرة", "رشيدة", "وفاء"]
# Family names in Arabic script: a particle or none, then two or three of these letter
# groups (some 20,000 names, skewed as real ones are: a few very common, most rare).
ARABIC_PARTICLES = ["", "", "", "", "بن ", "بو", "ال", "أبو "]
ARABIC_SYLLABLES = ["حد", "اد", "سع", "يد", "من", "صور", "قا", "سم", "شر", "يف", "طا", "لب",
                    "عم", "ري", "زي", "دي", "حس", "ني", "خل", "فا", "رح", "مو", "نا", "جا",
                    "بر", "كر", "مي", "تو", "لا", "هو"]


def surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def number(rng: random.Random) -> str:
    return "".join(rng.choice(ALNUM) for _ in range(9))


def document_lines(n: int, seed: int = 1):
    rng = random.Random(seed)
    for i in range(n):
        yield (f'{{"kind":"document","id":"D{i}","list":"SLTD","issuing_state":'
               f'"{rng.choice(STATES)}","document_number":"{number(rng)}","document_type":"P",'
               f'"status":"{rng.choice(STATUSES)}","reported":"2024-0{1 + i % 9}-1{i % 10}",'
               '"action":"Seize the document and call the supervisor"}\n')


_SKEW = [1 / (k + 1) ** 0.8 for k in range(len(ARABIC_SYLLABLES))]


def arabic_surname(rng: random.Random) -> str:
    """A family name in Arabic script, drawn with the skew of real names (Zipf-like)."""
    parts = rng.choices(ARABIC_SYLLABLES, weights=_SKEW, k=rng.randint(2, 3))
    return rng.choice(ARABIC_PARTICLES) + "".join(parts)


def person(i: int, rng: random.Random) -> dict:
    """A listed person: a Latin name and a spelling of it, and another name (an alias: a
    Latin one, or one in Arabic script), of the sex the given names say; the birth date
    in full most often, at times the year and month or the year only."""
    sex = "M" if rng.random() < 0.75 else "F"
    bank, arabic_bank = (MALE, ARABIC_MALE) if sex == "M" else (FEMALE, ARABIC_FEMALE)
    sur, given = surname(rng), rng.choice(bank)
    names = [{"surname": sur, "given_names": f"{given} {rng.choice(bank)}"}]
    names.append({"surname": sur.replace("OU", "U").replace("DJ", "J"), "given_names": given})
    if rng.random() < 0.5:
        names.append({"full_name": f"{rng.choice(arabic_bank)} {arabic_surname(rng)}"})
    else:
        names.append({"surname": surname(rng), "given_names": rng.choice(bank)})
    year = rng.randint(1950, 2002)
    roll = rng.random()
    birth = (f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if roll < 0.6 else
             f"{year}-{rng.randint(1, 12):02d}" if roll < 0.75 else str(year))
    return {"kind": "person", "id": f"P{i}", "list": rng.choice(["WANTED", "WATCH", "NATIONAL"]),
            "names": names, "birth_date": birth, "nationality": rng.choice(STATES),
            "sex": sex, "category": "wanted", "action": "Hold and call the duty officer"}


def person_lines(n: int, seed: int = 2):
    rng = random.Random(seed)
    for i in range(n):
        yield json.dumps(person(i, rng), ensure_ascii=False, separators=(",", ":")) + "\n"


def write(path: Path, lines) -> int:
    size = 0
    with path.open("w", encoding="utf-8", buffering=1 << 20) as f:
        for line in lines:
            f.write(line)
            size += len(line)
    return size
