"""Generated watchlist sources for the scale benchmark: documents and persons, deterministic.

Names are drawn from pools of Maghreb/Middle-East names in Latin spellings,
French and Russian names, and Arabic-script names, so that the name index
sees the skew of real lists (many MOHAMEDs, few rare surnames).
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
GIVEN = ["MOHAMED", "MOHAMMED", "AHMED", "ALI", "OMAR", "YOUSSEF", "KARIM", "SAMIR", "NABIL",
         "RACHID", "HAMZA", "BILAL", "MUSTAPHA", "ABDELKADER", "ABDERRAHMANE", "SALAH", "NOUR",
         "FATIMA", "AICHA", "KHADIJA", "LEILA", "SAMIA", "NADIA", "AMINA", "MERIEM", "SARA",
         "PIERRE", "JEAN", "MARIE", "SOPHIE", "IVAN", "SERGEI", "OLGA", "DMITRI", "ANNA", "IBRAHIM",
         "ISMAIL", "HASSAN", "HOUSSEM", "WALID", "TAREK", "ADEL", "ZINEB", "IMANE", "YASMINE"]
SYLLABLES = ["BEN", "HAD", "DAD", "SAI", "DI", "MAN", "SOUR", "KAR", "ROU", "BOU", "ZID", "CHA",
             "RIF", "TA", "LEB", "MER", "ZOU", "GUI", "NA", "LA", "FI", "RA", "MI", "KHA", "LED",
             "HA", "MOU", "DJA", "BER", "TOU", "AZ", "IZ", "OV", "EN", "KO", "VAL", "LOV", "PET"]
ARABIC_GIVEN = ["محمد", "أحمد", "علي", "عمر", "يوسف", "كريم", "سمير", "فاطمة", "عائشة", "ليلى",
                "حسن", "إبراهيم", "خالد", "سعيد", "نور"]
ARABIC_SURNAME = ["حداد", "بن علي", "السعيدي", "المنصوري", "بوزيد", "الشريف", "طالب", "العمري",
                  "الحسيني", "قاسم", "يعقوب", "بن يوسف"]


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


def person(i: int, rng: random.Random) -> dict:
    sur, given = surname(rng), rng.choice(GIVEN)
    names = [{"surname": sur, "given_names": f"{given} {rng.choice(GIVEN)}"}]
    names.append({"surname": sur.replace("OU", "U").replace("DJ", "J"), "given_names": given})
    if rng.random() < 0.5:
        names.append({"full_name": f"{rng.choice(ARABIC_GIVEN)} {rng.choice(ARABIC_SURNAME)}"})
    else:
        names.append({"surname": surname(rng), "given_names": rng.choice(GIVEN)})
    year = rng.randint(1950, 2002)
    birth = rng.choice([f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                        f"{year}-{rng.randint(1, 12):02d}", str(year)])
    return {"kind": "person", "id": f"P{i}", "list": rng.choice(["WANTED", "WATCH", "NATIONAL"]),
            "names": names, "birth_date": birth, "nationality": rng.choice(STATES),
            "sex": rng.choice("MF"), "category": "wanted", "action": "Hold and call the duty officer"}


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
