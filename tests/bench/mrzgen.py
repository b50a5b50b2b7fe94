"""Random, valid MRZs of every format, for benchmarks and property tests."""

from __future__ import annotations

import random
from datetime import date, timedelta

from borderdesk.mrz.compose import compose

STATES = ["DZA", "MAR", "TUN", "EGY", "LBY", "JOR", "LBN", "SAU", "FRA", "D", "GBR", "UTO", "XXA"]
SURNAMES = ["BENALI", "EL AMRANI", "HADDAD", "MANSOUR", "ERIKSSON", "MUELLER", "BOUAZIZ",
            "ABDELKADER", "OULD AHMED", "BEN YOUSSEF", "SMITH", "VAN DER BERG"]
GIVEN = ["MOHAMED", "FATIMA ZAHRA", "YOUSSEF", "AMINA", "ANNA MARIA", "KARIM", "LEILA", "OMAR",
         "SAMIR", "NOUR EL HOUDA", "PETER JOHN", ""]
FORMATS = {"TD1": "I", "TD2": "I", "TD3": "P", "MRVA": "V", "MRVB": "V"}


def random_number(rng: random.Random, length: int) -> str:
    head = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(rng.randint(0, 2)))
    return head + "".join(rng.choice("0123456789") for _ in range(length - len(head)))


def random_mrz(rng: random.Random, fmt: str | None = None) -> str:
    fmt = fmt or rng.choice(list(FORMATS))
    birth = date(1940, 1, 1) + timedelta(days=rng.randint(0, 30000))
    expiry = date(2020, 1, 1) + timedelta(days=rng.randint(0, 5000))
    state = rng.choice(STATES)
    long_number = fmt in ("TD1", "TD2") and rng.random() < 0.1
    return "\n".join(compose(
        fmt, document_code=FORMATS[fmt] + rng.choice("<<<D"), issuing_state=state,
        surname=rng.choice(SURNAMES), given_names=rng.choice(GIVEN),
        document_number=random_number(rng, rng.randint(10, 12) if long_number else rng.randint(7, 9)),
        nationality=rng.choice(STATES), birth_date=birth, sex=rng.choice("MF<"),
        expiry_date=expiry,
        optional_data="" if long_number or rng.random() < 0.5 else random_number(rng, rng.randint(1, 7)),
    ))


def corpus(n: int, seed: int = 9303) -> list[str]:
    rng = random.Random(seed)
    return [random_mrz(rng) for _ in range(n)]
