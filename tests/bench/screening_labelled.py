"""The labelled set for person screening: how it is generated (deterministic).

    .venv/bin/python tests/bench/screening_labelled.py      # rewrites tests/bench/data/

writes two files, both committed:

* ``screening_records.ndjson`` — person records in the publisher's source format
  (docs/watchlist-format.md), names in Arabic script, Latin (French-style and
  English-style spellings), Latin with diacritics and Cyrillic;
* ``screening_cases.jsonl`` — one document a line: its MRZ (composed with
  borderdesk.mrz.compose, so long names are truncated as a real MRZ truncates
  them), the record it is about and its label: ``variant`` (the same person: a
  hit or possible match with that record is right) or ``negative`` (another
  person, close to that record: any flag is wrong).

How a **variant** is made from a record: each name element is written in one
of its passport spellings (namebank.py: MOHAMED/MOHAMMED/MUHAMMAD,
ABDELKADER/ABD EL KADER/ABDUL QADIR …), European names through the ICAO
table or with the accents merely dropped, Cyrillic ones through one of four
transliteration systems (ICAO 2013, the 1997 Russian passport system, French
and German usage); then, each with its own probability: surname and given
names swapped, the father's name or a middle name left out, one or two typos
(a letter replaced, dropped, doubled or two letters swapped), a TD1 card (30
characters of name, so more truncation). The birth date is the same, or the
same year and month, the same year, day and month swapped, or the day unknown
in the MRZ; lists give full dates, ``YYYY-MM``, ``YYYY`` or none. The
nationality differs in one case in ten (dual nationals).

How a **hard negative** is made: another person whose name is close to the
record's — the same given names with another family name (same birth date),
a brother or sister (same family name, another given name; a twin in one case
in three), a namesake (the same name, born another year), a confusable given
name (MOHAMED/MAHMOUD/AHMED/HAMID …, same family name and birth date), the
same name given to the other sex (AMINE/AMINA, same birth date).

A hard negative is a person who is not on the list: the generator keeps
every record of the list from naming the negative's person (the same family
name and first given name, in its own script) other than the record the
negative is made for (its namesake born another year is that record's own), and
draws no record for a person already used as a negative. Otherwise the list
would hold, by chance, the very person a case calls a negative — with no birth
date to tell them apart — and the end-to-end count (a negative flagged when any
record is) would count right answers as errors. The list keeps its crowd:
records may be namesakes of each other.

``--seed`` and ``--out`` make another set the same way (the committed one is
seed 9303; tuning is done on it, and a set of a fresh seed reports).

Hand-written hard cases are in ``screening_hard_cases.txt``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from namebank import CYRILLIC, EUROPEAN, FAMILY, FEMALE, MALE, parse  # noqa: E402

from borderdesk.mrz.compose import compose  # noqa: E402
from borderdesk.mrz.transliterate import to_mrz  # noqa: E402

DATA = Path(__file__).parent / "data"
SEED = 9303
NATIONALITIES = ("DZA", "MAR", "TUN", "LBY", "EGY", "SYR", "IRQ", "JOR", "LBN", "SAU", "YEM",
                 "SDN", "MRT", "FRA", "BEL")

CONFUSABLE = [
    ("محمد", "MOHAMED"), ("محمود", "MAHMOUD"), ("أحمد", "AHMED"), ("حامد", "HAMED"),
    ("حميد", "HAMID"), ("حمدي", "HAMDI"), ("سالم", "SALEM"), ("سليم", "SLIM"),
    ("سليمان", "SLIMANE"), ("كريم", "KARIM"), ("كمال", "KAMEL"), ("جمال", "DJAMEL"),
    ("جلال", "DJALAL"), ("سمير", "SAMIR"), ("منير", "MOUNIR"), ("نبيل", "NABIL"),
    ("نصر", "NASR"), ("ناصر", "NACER"), ("منصور", "MANSOUR"), ("مسعود", "MESSAOUD"),
    ("سعيد", "SAID"), ("سعد", "SAAD"), ("رشيد", "RACHID"), ("راشد", "RACHED"),
    ("يوسف", "YOUSSEF"), ("يونس", "YOUNES"), ("عمر", "OMAR"), ("عمار", "AMMAR"),
    ("عامر", "AMER"), ("حسن", "HASSAN"), ("حسين", "HOUSSEIN"), ("حسان", "HASSANE"),
]
CONFUSABLE_FEMALE = [
    ("فاطمة", "FATIMA"), ("فتيحة", "FATIHA"), ("فاطنة", "FATNA"), ("أمينة", "AMINA"),
    ("آمنة", "AMNA"), ("سميرة", "SAMIRA"), ("منيرة", "MOUNIRA"), ("نادية", "NADIA"),
    ("نديرة", "NADIRA"), ("سعاد", "SOUAD"), ("سعيدة", "SAIDA"), ("حليمة", "HALIMA"),
    ("حكيمة", "HAKIMA"), ("كريمة", "KARIMA"), ("زهرة", "ZAHRA"), ("زهيرة", "ZOHIRA"),
    ("ليلى", "LEILA"), ("لبنى", "LOUBNA"), ("سلمى", "SALMA"), ("سلوى", "SALOUA"),
]
TO_OTHER_SEX = {"AMINE": "AMINA", "KARIM": "KARIMA", "SAMIR": "SAMIRA", "NABIL": "NABILA",
                "RACHID": "RACHIDA", "MALIK": "MALIKA", "FARID": "FARIDA", "DJAMEL": "DJAMILA",
                "SAID": "SAIDA", "HALIM": "HALIMA", "KHALED": "KHALIDA", "AZIZ": "AZIZA"}
OTHER_SEX_ARABIC = {"AMINA": "أمينة", "KARIMA": "كريمة", "SAMIRA": "سميرة", "NABILA": "نبيلة",
                    "RACHIDA": "رشيدة", "MALIKA": "مليكة", "FARIDA": "فريدة", "DJAMILA": "جميلة",
                    "SAIDA": "سعيدة", "HALIMA": "حليمة", "KHALIDA": "خالدة", "AZIZA": "عزيزة"}

# Cyrillic: four ways passports and lists have written it.
_RU_COMMON = dict(zip("АБВГДЕЁЗИКЛМНОПРСТУФЫЭ", "ABVGDEEZIKLMNOPRSTUFYE"))
CYRILLIC_SYSTEMS = {
    "icao": None,  # borderdesk.mrz.transliterate
    "ru1997": {**_RU_COMMON, "Й": "Y", "Ж": "ZH", "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH",
               "Щ": "SHCH", "Ъ": "", "Ь": "", "Ю": "YU", "Я": "YA", "І": "I", "Ї": "YI",
               "Є": "YE", "Ґ": "G"},
    "french": {**_RU_COMMON, "У": "OU", "Й": "I", "Ж": "J", "Х": "KH", "Ц": "TS", "Ч": "TCH",
               "Ш": "CH", "Щ": "CHTCH", "Ъ": "", "Ь": "", "Ю": "IOU", "Я": "IA", "Е": "E",
               "І": "I", "Ї": "I", "Є": "IE", "Ґ": "G"},
    "german": {**_RU_COMMON, "В": "W", "Й": "J", "Ж": "SH", "З": "S", "Х": "CH", "Ц": "Z",
               "Ч": "TSCH", "Ш": "SCH", "Щ": "SCHTSCH", "Ъ": "", "Ь": "", "Ю": "JU", "Я": "JA",
               "І": "I", "Ї": "JI", "Є": "JE", "Ґ": "G"},
}
PLAIN_LATIN = str.maketrans({"Ä": "A", "Ö": "O", "Ü": "U", "Å": "A", "Ø": "O", "Æ": "AE",
                             "Ñ": "N", "ß": "SS"})


def cyrillic_latin(text: str, system: str) -> str:
    if system == "icao":
        return to_mrz(text).replace("<", " ")
    table = CYRILLIC_SYSTEMS[system]
    return "".join(table.get(c, c) for c in text.upper())


def european_latin(text: str, plain: bool) -> str:
    if plain:
        text = text.upper().translate(PLAIN_LATIN)
    return to_mrz(text).replace("<", " ")


def typo(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word))
    kind = rng.choice(("replace", "drop", "double", "swap"))
    if kind == "replace":
        return word[:i] + rng.choice("ABCDEFGHIJKLMNOPRSTUYZ") + word[i + 1:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


class Generator:
    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.male = parse(MALE)
        self.female = parse(FEMALE)
        self.family = parse(FAMILY)
        self.european = parse(EUROPEAN)
        self.cyrillic = parse(CYRILLIC)
        self.records: list[dict] = []
        self.cases: list[dict] = []
        self.used: set[tuple] = set()
        self.listed: dict[tuple, int] = {}  # person name key -> records naming that person
        self.negatives: set[tuple] = set()  # name keys of the persons made negatives

    @staticmethod
    def name_key(ident: dict) -> tuple:
        """Who a person is by name: the family name and first given name in own script."""
        own = (lambda x: x[0]) if ident["style"] == "arab" else (lambda x: x)
        return own(ident["family"]), own(ident["given"][0])

    # -- identities: lists of (own script, [Latin spellings]) per element --------------

    def birth(self) -> tuple[int, int, int]:
        rng = self.rng
        return rng.randint(1945, 2005), rng.randint(1, 12), rng.randint(1, 28)

    def arab_identity(self, sex: str) -> dict:
        rng = self.rng
        given_bank = self.male if sex == "M" else self.female
        given = [rng.choice(given_bank)]
        if rng.random() < 0.25:
            second = rng.choice(given_bank)
            if second[0] != given[0][0]:
                given.append(second)
        father = rng.choice(self.male) if rng.random() < 0.3 else None
        family = rng.choice(self.family)
        return {"style": "arab", "given": given, "father": father, "family": family,
                "sex": sex, "birth": self.birth(),
                "nationality": rng.choice(NATIONALITIES[:13])}

    def other_identity(self, style: str) -> dict:
        rng = self.rng
        surname, given_names = rng.choice(self.european if style == "european" else
                                          self.cyrillic)
        given = [rng.choice(given_names)]
        if rng.random() < 0.2:
            other = rng.choice(given_names)
            if other != given[0]:
                given.append(other)
        female = surname.endswith(("ова", "ева", "ина")) or given[0] in (
            "Юлия", "Наталья", "Ольга", "Татьяна", "Hélène", "María", "Małgorzata", "Růžena",
            "Gülşen", "Guðrún", "Ioana", "Åsa")
        nat = {"european": rng.choice(("DEU", "DNK", "SWE", "ESP", "FRA", "POL", "CZE", "TUR",
                                       "ISL", "ROU")),
               "cyrillic": rng.choice(("RUS", "UKR", "KAZ", "UZB"))}[style]
        return {"style": style, "given": given, "family": surname, "sex": "F" if female else "M",
                "birth": self.birth(), "nationality": nat, "father": None}

    # -- records --------------------------------------------------------------------------

    def record(self, ident: dict, need_birth: bool = False, need_sex: bool = False) -> dict:
        rng = self.rng
        names = []
        if ident["style"] == "arab":
            given = [g[0] for g in ident["given"]]
            father = [ident["father"][0]] if ident["father"] else []
            own = " ".join(given + father + [ident["family"][0]])
            latin_given = " ".join(rng.choice(g[1]) for g in ident["given"])
            if ident["father"]:
                latin_given += " " + rng.choice(("BEN ", "")) + rng.choice(ident["father"][1])
            latin = {"surname": rng.choice(ident["family"][1]), "given_names": latin_given}
            roll = rng.random()
            if roll < 0.4:
                names.append({"full_name": own})
            elif roll < 0.8:
                names.append(latin)
            else:
                names += [{"full_name": own}, latin]
        else:
            names.append({"surname": ident["family"], "given_names": " ".join(ident["given"])})
        y, m, d = ident["birth"]
        roll = rng.random()
        birth = (f"{y:04d}-{m:02d}-{d:02d}" if roll < 0.7 else f"{y:04d}-{m:02d}" if roll < 0.8
                 else f"{y:04d}" if roll < 0.9 else None)
        if need_birth and birth is None:
            birth = f"{y:04d}-{m:02d}-{d:02d}"
        rec = {"kind": "person", "id": f"P{len(self.records) + 1:05d}", "list": "NATIONAL-WANTED",
               "names": names, "birth_date": birth,
               "nationality": ident["nationality"] if rng.random() < 0.95 else None,
               "sex": ident["sex"] if need_sex or rng.random() < 0.9 else None,
               "category": "wanted", "action": "hold and call the duty officer"}
        self.records.append(rec)
        key = self.name_key(ident)
        self.listed[key] = self.listed.get(key, 0) + 1
        return rec

    # -- documents ------------------------------------------------------------------------

    def latin_of(self, ident: dict) -> tuple[list[str], list[str]]:
        """(surname, given name elements) in one passport spelling; an element
        may be of several words (ABD EL KADER, BEN AHMED)."""
        rng = self.rng
        if ident["style"] == "arab":
            surname = [rng.choice(ident["family"][1])]
            given = [rng.choice(g[1]) for g in ident["given"]]
            if ident["father"] and rng.random() < 0.7:
                given.append(rng.choice(("BEN ", "")) + rng.choice(ident["father"][1]))
            return surname, given
        if ident["style"] == "european":
            plain = rng.random() < 0.3
            return ([european_latin(ident["family"], plain)],
                    [european_latin(g, plain) for g in ident["given"]])
        system = rng.choice(tuple(CYRILLIC_SYSTEMS))
        return ([cyrillic_latin(ident["family"], system)],
                [cyrillic_latin(g, system) for g in ident["given"]])

    def document(self, surname: list[str], given: list[str], birth: str, nationality: str,
                 sex: str, fmt: str) -> str:
        lines = compose(fmt, document_code="P" if fmt == "TD3" else "ID",
                        issuing_state=nationality, surname=" ".join(surname),
                        given_names=" ".join(given), document_number="X1234567",
                        nationality=nationality, birth_date=birth, sex=sex,
                        expiry_date="300101")
        return "\n".join(lines)

    def variant(self, ident: dict, rec: dict) -> None:
        rng = self.rng
        rules = []
        surname, given = self.latin_of(ident)
        if len(given) > 1 and rng.random() < 0.25:
            del given[rng.randrange(1, len(given))]
            rules.append("middle name left out")
        surname = " ".join(surname).split()
        given = " ".join(given).split()
        if rng.random() < 0.3:
            words = surname + given
            k = rng.randrange(len(words))
            words[k] = typo(rng, words[k])
            if rng.random() < 0.15:
                k = rng.randrange(len(words))
                words[k] = typo(rng, words[k])
                rules.append("two typos")
            else:
                rules.append("typo")
            surname, given = words[:len(surname)], words[len(surname):]
        if rng.random() < 0.08 and given:
            surname, given = given, surname
            rules.append("surname and given names swapped")
        y, m, d = ident["birth"]
        roll = rng.random()
        if roll < 0.55:
            birth = f"{y % 100:02d}{m:02d}{d:02d}"
        elif roll < 0.67:
            birth = f"{y % 100:02d}{m:02d}{(d % 28) + 1:02d}"
            rules.append("birth date same year and month")
        elif roll < 0.79:
            birth = f"{y % 100:02d}{(m % 12) + 1:02d}{d:02d}"
            rules.append("birth date same year")
        elif roll < 0.91 and d <= 12 and d != m:
            birth = f"{y % 100:02d}{d:02d}{m:02d}"
            rules.append("birth day and month swapped")
        else:
            birth = f"{y % 100:02d}{m:02d}<<"
            rules.append("birth day unknown in the MRZ")
        nationality = ident["nationality"]
        if rng.random() < 0.1:
            nationality = rng.choice([n for n in NATIONALITIES if n != nationality])
            rules.append("another nationality")
        fmt = "TD1" if rng.random() < 0.3 else "TD3"
        self.add_case("variant", rec, self.document(surname, given, birth, nationality,
                                                    ident["sex"], fmt), rules, ident)

    def add_case(self, label: str, rec: dict, mrz: str, rules: list[str], ident: dict) -> None:
        self.cases.append({"id": f"C{len(self.cases) + 1:05d}", "label": label,
                           "record_id": rec["id"], "style": ident["style"],
                           "rules": rules, "mrz": mrz})

    def negative(self, ident: dict) -> bool:
        """A hard negative made from ``ident`` (and its record); False, and nothing made,
        when the list already names the other person (see the module's docstring)."""
        rng = self.rng
        other = dict(ident)
        kind = rng.choice(("family", "sibling", "namesake", "confusable", "sex"))
        if ident["style"] != "arab" and kind in ("confusable", "sex"):
            kind = "family"
        if kind == "sex" and not (ident["sex"] == "M" and any(
                v in TO_OTHER_SEX for g in ident["given"] for v in g[1])):
            kind = "confusable"
        if kind == "family":
            bank = (self.family if ident["style"] == "arab" else
                    self.european if ident["style"] == "european" else self.cyrillic)
            choices = [f for f in bank if f[0] != (ident["family"][0] if ident["style"] == "arab"
                                                   else ident["family"])]
            pick = rng.choice(choices)
            other["family"] = pick if ident["style"] == "arab" else pick[0]
            rules = ["same given names, another family name, same birth date"]
        elif kind == "sibling":
            if ident["style"] == "arab":
                bank = self.male if ident["sex"] == "M" else self.female
                first = rng.choice([g for g in bank if g[0] != ident["given"][0][0]])
                other["given"] = [first]
            else:
                bank = self.european if ident["style"] == "european" else self.cyrillic
                names = next(g for s, g in bank if s == ident["family"])
                rest = [g for g in names if g not in ident["given"]]
                other["given"] = [rng.choice(rest)] if rest else ["Иван"]
            y, m, d = ident["birth"]
            if rng.random() < 0.33:
                rules = ["brother or sister, same birth date (twin)"]
            else:
                other["birth"] = (y + rng.choice((-6, -4, -3, -2, 2, 3, 5)), rng.randint(1, 12),
                                  rng.randint(1, 28))
                rules = ["brother or sister"]
        elif kind == "namesake":
            y, m, d = ident["birth"]
            other["birth"] = (y + rng.choice((-15, -9, -5, -3, -2, 2, 4, 7, 12)),
                              rng.randint(1, 12), rng.randint(1, 28))
            rules = ["namesake born another year"]
        elif kind == "confusable":
            first = ident["given"][0][0]
            pool = [c for c in (CONFUSABLE if ident["sex"] == "M" else CONFUSABLE_FEMALE)
                    if c[0] != first and c[1] not in ident["given"][0][1]]
            own, latin = rng.choice(pool)
            other["given"] = [(own, [latin])] + list(ident["given"][1:])
            rules = ["confusable given name, same family name and birth date"]
        else:
            given = [g for g in ident["given"] if any(v in TO_OTHER_SEX for v in g[1])]
            latin = next(TO_OTHER_SEX[v] for v in given[0][1] if v in TO_OTHER_SEX)
            other["given"] = [(OTHER_SEX_ARABIC[latin], [latin])]
            other["sex"] = "F"
            rules = ["the name given to the other sex, same birth date"]
        key = self.name_key(other)
        if key in self.listed or (key != self.name_key(ident) and key in self.negatives):
            return False  # the list names that person already: not a negative
        self.negatives.add(key)
        # A record that does not give what tells the two apart is no hard negative.
        rec = self.record(ident, need_birth=kind in ("sibling", "namesake"),
                          need_sex=kind == "sex")
        surname, given = (" ".join(x).split() for x in self.latin_of(other))
        y, m, d = other["birth"]
        fmt = "TD1" if rng.random() < 0.3 else "TD3"
        self.add_case("negative", rec, self.document(surname, given, f"{y % 100:02d}{m:02d}{d:02d}",
                                                     other["nationality"], other["sex"], fmt),
                      rules, ident)
        return True

    def identity(self) -> dict:
        while True:
            roll = self.rng.random()
            if roll < 0.7:
                ident = self.arab_identity("M" if self.rng.random() < 0.7 else "F")
                key = (ident["given"][0][0], ident["family"][0],
                       ident["father"][0] if ident["father"] else "")
            else:
                ident = self.other_identity("european" if roll < 0.85 else "cyrillic")
                key = (ident["given"][0], ident["family"], ident["birth"])
            if key not in self.used and self.name_key(ident) not in self.negatives:
                self.used.add(key)
                return ident

    def run(self, pairs: int) -> None:
        for _ in range(pairs):
            ident = self.identity()
            rec = self.record(ident)
            self.variant(ident, rec)
            while not self.negative(self.identity()):
                pass


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, default=DATA)
    ap.add_argument("--pairs", type=int, default=2500)
    args = ap.parse_args()
    gen = Generator(args.seed)
    gen.run(args.pairs)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    with (out / "screening_records.ndjson").open("w", encoding="utf-8") as f:
        for rec in gen.records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with (out / "screening_cases.jsonl").open("w", encoding="utf-8") as f:
        for case in gen.cases:
            f.write(json.dumps(case, ensure_ascii=False) + "\n")
    labels = [c["label"] for c in gen.cases]
    print(f"{len(gen.records)} records, {labels.count('variant')} variants, "
          f"{labels.count('negative')} hard negatives written to {out}")


if __name__ == "__main__":
    main()
