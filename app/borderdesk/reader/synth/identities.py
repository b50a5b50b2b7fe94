"""Random travel documents with valid MRZs: the truth behind every synthetic image.

Names are drawn from North Africa, the Middle East and Europe, the travellers
a desk at this border sees: compound Arabic names (``ABD EL``, ``BEN``,
``OULD``), European names with diacritics that the MRZ transliterates
(``MÜLLER`` -> ``MUELLER``), and long names that do not fit the name field
and are cut. States come from the ICAO list; document numbers include the
TD1 and TD2 long numbers that overflow into the optional data.

Everything is drawn from the ``random.Random`` given, so a seed gives the
same documents on every machine.

>>> import random
>>> doc = random_document(random.Random(1))
>>> doc.kind in KINDS, parse(doc.text).valid
(True, True)
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from borderdesk.mrz import Document, parse
from borderdesk.mrz.compose import compose
from borderdesk.mrz.countries import ICAO_CODES, ISO_3166_ALPHA3
from borderdesk.mrz.transliterate import to_mrz

#: The kinds of document, as named in Doc 9303, and the format name of borderdesk.mrz.
KINDS = {"TD1": "TD1", "TD2": "TD2", "TD3": "TD3", "MRV-A": "MRVA", "MRV-B": "MRVB"}
KIND_OF_FORMAT = {fmt: kind for kind, fmt in KINDS.items()}

# How often each kind comes up at a desk: mostly passports, then ID cards.
_KIND_WEIGHTS = {"TD3": 50, "TD1": 25, "TD2": 10, "MRV-A": 10, "MRV-B": 5}

_CODES = {
    "TD3": ["P<"] * 8 + ["PD", "PO", "PS"],
    "TD1": ["I<"] * 4 + ["ID", "IR", "AC", "C<"],
    "TD2": ["I<", "I<", "ID", "IR", "AC"],
    "MRV-A": ["V<", "V<", "VS"],
    "MRV-B": ["V<", "V<", "VS"],
}

# Issuing states, weighted to the region; the rest of the ICAO list comes up now and then.
_REGION = ("DZA MAR TUN LBY EGY MRT SDN JOR LBN SYR IRQ SAU ARE QAT KWT OMN YEM PSE TUR IRN "
           "FRA ESP ITA DEU D BEL NLD PRT GBR CHE AUT SWE NOR POL ROU GRC MLT").split()
_ALL_STATES = sorted(ISO_3166_ALPHA3 | {"D"} | set(ICAO_CODES))
_REGION_NAMES = {
    "arabic": "DZA MAR TUN LBY EGY MRT SDN JOR LBN SYR IRQ SAU ARE QAT KWT OMN YEM PSE".split(),
    "turkish": ["TUR"], "persian": ["IRN"],
}

# (surnames, male given names, female given names) by name culture, as printed in the
# visual zone (Latin script, with the diacritics the issuer prints).
_ARABIC = (
    ["Benali", "El Amrani", "Haddad", "Mansour", "Bouaziz", "Abdelkader", "Ould Ahmed",
     "Ben Youssef", "Belkacem", "Saadoun", "Hamidi", "Chaabane", "Boumediene", "Zerrouki",
     "Al Hashimi", "Abd El Rahman", "El Khatib", "Bensalah", "Kaddour", "Ait Ouali",
     "Ben Abdallah El Idrissi", "Al Qahtani", "Al Zahrani", "Nasrallah", "Haddadi",
     "Abou Zeid", "Ould Mohamed Salem", "Bin Saleh Al Mansouri", "Djebbar", "Lahlou",
     "Ouedghiri", "Fassi Fihri", "Ben Mohamed Ben Ahmed", "Abdel Fattah", "Al Saadi"],
    ["Mohamed", "Mohammed", "Ahmed", "Youssef", "Karim", "Omar", "Samir", "Abdelaziz",
     "Mohamed Amine", "Abd El Kader", "Hamza", "Bilal", "Rachid", "Mustapha", "Ali",
     "Abdallah", "Nour Eddine", "Salah Eddine", "Hocine", "Khaled", "Walid", "Tarek",
     "Mohamed El Amine Abdelkrim"],
    ["Fatima", "Fatima Zahra", "Amina", "Leila", "Nour El Houda", "Karima", "Nadia",
     "Meriem", "Samira", "Khadija", "Aicha", "Yasmina", "Salma", "Hind", "Zineb",
     "Rania", "Imane", "Soumaya", "Oum Kalthoum", "Nour El Imane Fatima Zohra"],
)
_TURKISH = (
    ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Doğan", "Güneş"],
    ["Mehmet", "Mustafa", "Ahmet", "Emre", "Ömer Faruk", "Hüseyin", "Çağlar"],
    ["Ayşe", "Fatma", "Zeynep", "Elif", "Gülşen", "Şükran", "Özlem"],
)
_PERSIAN = (
    ["Hosseini", "Mohammadi", "Rezaei", "Ahmadi", "Karimi", "Ghorbani", "Tehrani Moghaddam"],
    ["Ali Reza", "Mohammad Hossein", "Reza", "Mehdi", "Amir Hossein", "Dariush"],
    ["Maryam", "Zahra", "Fatemeh", "Narges", "Shirin", "Parisa"],
)
_EUROPEAN = (
    ["Martin", "Bernard", "Dubois", "Lefèvre", "Müller", "Schmidt", "Schröder", "García",
     "Fernández", "Rossi", "Esposito", "Eriksson", "Nováková", "Kowalski", "Wiśniewski",
     "Popescu", "Papadopoulos", "O'Brien", "Van der Berg", "De la Fuente", "Dubois-Lefèvre",
     "Søndergaard", "Strauß", "Müller-Lüdenscheidt", "Østergård", "Nuñez", "Ibáñez",
     "Çelebi", "Borg", "Camilleri", "Gonçalves", "Mac Gillycuddy", "Ferreira Dos Santos",
     "Von Hohenzollern-Sigmaringen", "Zapatero Fernández De Córdoba"],
    ["Jean", "Pierre", "Luca", "Marco", "Hans Peter", "Jürgen", "José María", "Lars",
     "Jean-Baptiste", "Karl Heinz", "François", "Tomasz", "João", "Sébastien",
     "Jean-Philippe Marie Emmanuel"],
    ["Anna Maria", "Sophie", "Claire", "Marie-Claire", "Élodie", "Chloé", "Ingrid",
     "Björk", "María José", "Agnieszka", "Zoë", "Giulia", "Inês", "Małgorzata",
     "Anne-Sophie Marie Thérèse"],
)
_CULTURES = {"arabic": _ARABIC, "turkish": _TURKISH, "persian": _PERSIAN, "european": _EUROPEAN}

_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"
_DIGITS = "0123456789"


@dataclass(frozen=True)
class SynthDocument:
    """One travel document: its MRZ lines and the fields printed in its visual zone."""

    kind: str  # TD1, TD2, TD3, MRV-A, MRV-B
    lines: tuple[str, ...]
    document_code: str
    issuing_state: str
    surname: str  # as printed in the visual zone (may hold diacritics)
    given_names: str
    document_number: str
    nationality: str
    birth_date: date | None
    sex: str  # M, F or <
    expiry_date: date | None
    optional_data: str = ""

    @property
    def format(self) -> str:
        """The format name of :mod:`borderdesk.mrz` (MRVA, not MRV-A)."""
        return KINDS[self.kind]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _state(rng: random.Random) -> str:
    return rng.choice(_REGION) if rng.random() < 0.85 else rng.choice(_ALL_STATES)


def _culture_of(state: str, rng: random.Random) -> str:
    for culture, states in _REGION_NAMES.items():
        if state in states:
            return culture if rng.random() < 0.9 else rng.choice(list(_CULTURES))
    return "european" if rng.random() < 0.7 else rng.choice(list(_CULTURES))


def _number(rng: random.Random, length: int) -> str:
    """A document number: a letter prefix or none, then digits, sometimes a trailing letter."""
    style = rng.random()
    if style < 0.4:
        head = "".join(rng.choice(_LETTERS) for _ in range(rng.randint(1, 2)))
    else:
        head = ""
    tail = rng.choice(_LETTERS) if rng.random() < 0.1 else ""
    body = "".join(rng.choice(_DIGITS) for _ in range(max(1, length - len(head) - len(tail))))
    return head + body + tail


def random_document(rng: random.Random, kind: str | None = None) -> SynthDocument:
    """A random document of ``kind`` (TD1, TD2, TD3, MRV-A, MRV-B; random if None)."""
    if kind is None:
        kind = rng.choices(list(_KIND_WEIGHTS), weights=list(_KIND_WEIGHTS.values()))[0]
    if kind not in KINDS:
        raise ValueError(f"unknown kind of document {kind!r}; one of {', '.join(KINDS)}")
    issuing = _state(rng)
    nationality = issuing if rng.random() < 0.85 else _state(rng)
    surnames, male, female = _CULTURES[_culture_of(nationality, rng)]
    sex = rng.choices("MF<", weights=[48, 48, 4])[0]
    given_pool = female if sex == "F" or (sex == "<" and rng.random() < 0.5) else male
    surname = rng.choice(surnames)
    if rng.random() < 0.15:  # a double surname
        surname += " " + rng.choice(surnames)
    given = rng.choice(given_pool)
    if rng.random() < 0.2:
        given += " " + rng.choice(given_pool)
    if rng.random() < 0.03:  # a person with one name only
        surname, given = surname, ""
    today = date(2026, 1, 1)
    birth: date | None = today - timedelta(days=rng.randint(365, 95 * 365))
    expiry: date | None = today + timedelta(days=rng.randint(-3 * 365, 10 * 365))
    birth_text: str | date | None = birth
    if rng.random() < 0.02:  # an unknown day (and sometimes month) of birth
        birth_text = birth.strftime("%y%m") + "<<" if rng.random() < 0.6 else birth.strftime("%y") + "<<<<"
    long_number = kind in ("TD1", "TD2") and rng.random() < 0.12
    number = _number(rng, rng.randint(10, 14) if long_number else rng.randint(6, 9))
    optional = ""
    if not long_number and rng.random() < 0.35:
        room = {"TD3": 14, "TD1": 15, "TD2": 7, "MRV-A": 16, "MRV-B": 8}[kind]
        optional = _number(rng, rng.randint(1, room))
        if rng.random() < 0.3 and len(optional) > 3:
            cut = rng.randint(1, len(optional) - 1)
            optional = optional[:cut] + "<" + optional[cut + 1:]
    optional_2 = ""
    if kind == "TD1" and rng.random() < 0.25:
        optional_2 = _number(rng, rng.randint(1, 11))
    lines = compose(KINDS[kind], document_code=rng.choice(_CODES[kind]), issuing_state=issuing,
                    surname=to_mrz(surname), given_names=to_mrz(given),
                    document_number=number, nationality=nationality, birth_date=birth_text,
                    sex=sex, expiry_date=expiry, optional_data=optional,
                    optional_data_2=optional_2)
    if isinstance(birth_text, str):
        birth = None
    return SynthDocument(kind=kind, lines=tuple(lines), document_code=lines[0][:2].rstrip("<"),
                         issuing_state=issuing, surname=surname, given_names=given,
                         document_number=number, nationality=nationality, birth_date=birth,
                         sex=sex, expiry_date=expiry, optional_data=optional)


def document_from_mrz(lines: list[str] | tuple[str, ...]) -> SynthDocument:
    """The document behind given MRZ lines (a demo document, say), to be photographed.

    The visual zone prints what the MRZ says (names in capitals, without diacritics).
    """
    doc: Document = parse("\n".join(lines))
    return SynthDocument(
        kind=KIND_OF_FORMAT[doc.format], lines=tuple(lines), document_code=doc.document_code,
        issuing_state=doc.issuing_state, surname=doc.surname, given_names=doc.given_names,
        document_number=doc.document_number, nationality=doc.nationality,
        birth_date=_iso(doc.birth_date), sex=doc.sex if doc.sex in ("M", "F") else "<",
        expiry_date=_iso(doc.expiry_date), optional_data=doc.optional_data)


def _iso(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
