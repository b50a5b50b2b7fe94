"""Scoring a document's holder against a person record of a list.

:func:`score_person` gives a score in [0, 1], a level (HIT, POSSIBLE or None)
and the reasons in words an officer can act on. The design follows the
``logic-v2`` scorer of OpenSanctions' yente: the best name match among the
record's names (aliases included) is the base, then qualifiers move it:

* birth date (:func:`compare_birth`), compared as far as both sides know it
  (the MRZ writes unknown parts as fillers, lists give ``1980``, ``1980-03``):
  exact, day and month swapped, same year and month, same year — or different,
  which pushes a namesake below the level shown;
* nationality: different nationalities lower the score a little (people hold
  several passports), the same one raises it a little;
* sex: M against F lowers it (X or unknown says nothing).

The thresholds (``hit``, ``possible``) come from the ``[screening]`` section
of the configuration (:class:`borderdesk.desk.config.ScreeningSection`);
any object with those two attributes will do.

>>> from borderdesk.mrz.dates import MrzDate
>>> class Thresholds: hit, possible = 0.9, 0.75
>>> q = PersonQuery(prepare_name('BENALI', 'MOHAMED'), MrzDate('800315', 1980, 3, 15), 'DZA', 'M')
>>> r = prepare_person([{'full_name': 'محمد بن علي'}], '1980-03-15', 'DZA', 'M')
>>> score_person(q, r, Thresholds)
(1.0, <Level.HIT: 'HIT'>, ('surname and given names match', 'birth date matches', 'nationality matches'))
>>> compare_birth(MrzDate('801503', 1980, 3, 15), '1980-03-15')
('exact', 'birth date matches')
>>> compare_birth(MrzDate('800320', 1980, 3, 20), '1980-07-01')
('year', 'birth date same year')
>>> compare_birth(MrzDate('80<<<<', 1980, None, None), '1980-07-01')
('year_only', 'birth year matches')
>>> compare_birth(MrzDate('800503', 1980, 5, 3), '1980-03-05')
('swapped', 'birth date with day and month swapped')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..mrz.dates import MrzDate
from ..mrz.document import Document
from .match import Level
from .names import NameComparison, PreparedName, compare_names, name_forms, prepare_name
from .reasons import Reason

# How each birth date outcome moves the score.
BIRTH_ADJUST = {
    "exact": 0.08, "swapped": 0.03, "month": 0.02, "year": -0.03, "year_only": 0.02,
    "differs": -0.35, "unknown": 0.0,
}
# Birth date outcomes that back a name lacking a surname or first given name of either
# side (NameComparison.lacks_key_name): without one of them such a name costs UNBACKED.
BACKING = frozenset({"exact", "swapped", "month"})
UNBACKED = 0.2
# A surname or first given name of the document matched only at the edge of what counts
# (a typo on top of a spelling variant: KARIM and KASSEM, DJAMEL and DJALAL) is a guess:
# without a birth date to back it, it costs EDGE_UNBACKED.
EDGE = 0.78
EDGE_UNBACKED = 0.06
NATIONALITY_SAME = 0.02
NATIONALITY_DIFFERS = -0.08
# With no birth date to compare (none on the list or the document), a nationality that
# differs is the one piece of evidence beside the name, and it says another person: it
# weighs more (logic-v2 takes 0.2 off for it, birth date or not).
NATIONALITY_DIFFERS_UNDATED = -0.12
SEX_DIFFERS = -0.35


@dataclass(frozen=True, slots=True)
class PersonQuery:
    """The holder of a document as screening sees it."""

    name: PreparedName
    birth: MrzDate | None = None
    nationality: str = ""
    sex: str = ""

    @classmethod
    def from_document(cls, doc: Document) -> PersonQuery:
        name = prepare_name(doc.surname, doc.given_names, truncated=doc.name_truncated)
        birth = doc.birth if doc.birth.problem is None else None
        return cls(name, birth, doc.nationality.replace("<", ""), doc.sex)


@dataclass(frozen=True, slots=True)
class PreparedPerson:
    """A person record's names, prepared, with what else identifies the person."""

    names: tuple[PreparedName, ...]
    birth_date: str = ""  # 1980-03-15, 1980-03, 1980 or ""
    nationality: str = ""
    sex: str = ""
    origins: tuple[int, ...] = ()  # for each name, which of the record's names it spells

    def as_json(self) -> list:
        return [[n.as_json() for n in self.names], self.birth_date, self.nationality,
                self.sex, list(self.origins)]

    @classmethod
    def from_json(cls, value: list) -> PreparedPerson:
        names, birth, nationality, sex, origins = value
        return cls(tuple(PreparedName.from_json(n) for n in names), birth, nationality, sex,
                   tuple(origins))


def _forms(name) -> tuple[PreparedName, ...]:
    if isinstance(name, PreparedName):
        return (name,)
    if isinstance(name, dict):
        return name_forms(name.get("surname") or "", name.get("given_names") or "",
                          name.get("full_name") or "")
    return name_forms(getattr(name, "surname", "") or "", getattr(name, "given_names", "") or "",
                      getattr(name, "full_name", "") or "")


def prepare_person(names: Iterable, birth_date: str | None = "", nationality: str | None = "",
                   sex: str | None = "") -> PreparedPerson:
    """A :class:`PreparedPerson` from names given as dicts (``surname``, ``given_names``,
    ``full_name``), objects with those attributes, or :class:`PreparedName` values;
    each name in every spelling :func:`~borderdesk.watchlist.names.name_forms` gives."""
    prepared: list[PreparedName] = []
    origins: list[int] = []
    for k, name in enumerate(names):
        for form in _forms(name):
            prepared.append(form)
            origins.append(k)
    return PreparedPerson(tuple(prepared), birth_date or "", (nationality or "").upper(),
                          (sex or "").upper(), tuple(origins))


def _parts(birth_date: str) -> tuple[int | None, int | None, int | None]:
    pieces = [int(p) for p in birth_date.split("-") if p.isdigit()] if birth_date else []
    pieces += [None] * (3 - len(pieces))
    return pieces[0], pieces[1], pieces[2]


def compare_birth(birth: MrzDate | None, record_date: str) -> tuple[str, Reason]:
    """(outcome, reason) for the document's birth date against the record's.

    Outcomes: ``exact``; ``swapped`` (day and month swapped, a common error in
    lists); ``month`` (same year and month); ``year`` (same year, the rest
    differs or is unknown on one side); ``year_only`` (only years known, same);
    ``differs``; ``unknown`` (a side has no year).
    """
    year, month, day = _parts(record_date)
    if birth is None or birth.year is None or year is None:
        return "unknown", Reason("birth-unknown")
    if birth.year != year:
        return "differs", Reason("birth-differs")
    if birth.month is None or month is None:
        return "year_only", Reason("birth-year-only")
    if birth.month == month:
        if birth.day is not None and birth.day == day:
            return "exact", Reason("birth-exact")
        return "month", Reason("birth-month")
    if (birth.day is not None and day is not None and birth.day == month and birth.month == day):
        return "swapped", Reason("birth-swapped")
    return "year", Reason("birth-year")


def birth_year_decides(config) -> bool:
    """Whether a record born in another year than the document's holder can never be
    flagged, whatever the names: then a store may drop such candidates before
    scoring them (a vectorised filter on the birth years of its persons), which
    keeps common names (the namesakes of MOHAMED BENALI) fast to screen."""
    best = 1.0 + BIRTH_ADJUST["differs"] + NATIONALITY_SAME
    return best < config.possible


def _best_name(query: PreparedName, names: tuple[PreparedName, ...]
               ) -> tuple[NameComparison, int]:
    best, index = compare_names(query, names[0]), 0
    for i, name in enumerate(names[1:], 1):
        result = compare_names(query, name)
        if result.score > best.score:
            best, index = result, i
    return best, index


def score_person(query: PersonQuery, record: PreparedPerson, config
                 ) -> tuple[float, Level | None, tuple[Reason, ...]]:
    """(score in [0, 1], HIT / POSSIBLE / None, reasons) for a document's holder and a record.

    The reasons are :class:`~.reasons.Reason` values: English words with their codes.

    ``record`` is a :class:`PreparedPerson` (what a store keeps), or any object
    with ``names``, ``birth_date``, ``nationality`` and ``sex`` (a list's person
    record as read from its source), prepared here.
    """
    if not isinstance(record, PreparedPerson):
        record = prepare_person(record.names, record.birth_date, record.nationality, record.sex)
    if not record.names or not query.name.words:
        return 0.0, None, (Reason("no-name"),)
    best, index = _best_name(query.name, record.names)
    if best.score <= 0.0:
        return 0.0, None, (Reason("names-differ"),)
    reasons = [best.describe()]
    origin = record.origins[index] if record.origins else index
    if origin > 0:
        reasons[0] = Reason("alias", name=reasons[0], alias=record.names[index].display)
    score = best.score
    outcome, why = compare_birth(query.birth, record.birth_date)
    score += BIRTH_ADJUST[outcome]
    reasons.append(why)
    if best.lacks_key_name and outcome not in BACKING:
        # A relative's name (the family name and a father's name shared) reads the same.
        score -= UNBACKED
        reasons.append(Reason("unbacked-key-missing"))
    elif best.key_similarity < EDGE and outcome not in BACKING:
        score -= EDGE_UNBACKED
        reasons.append(Reason("unbacked-edge"))
    if query.nationality and record.nationality:
        if query.nationality == record.nationality:
            score += NATIONALITY_SAME
            reasons.append(Reason("nationality-same"))
        else:
            score += NATIONALITY_DIFFERS_UNDATED if outcome == "unknown" else NATIONALITY_DIFFERS
            reasons.append(Reason("nationality-differs", nationality=record.nationality))
    if query.sex in ("M", "F") and record.sex in ("M", "F") and query.sex != record.sex:
        score += SEX_DIFFERS
        reasons.append(Reason("sex-differs"))
    score = round(min(max(score, 0.0), 1.0), 4)
    if score >= config.hit and outcome == "unknown":
        level = Level.POSSIBLE  # a name alone, however close, is for the officer to judge
        reasons.append(Reason("name-alone"))
    elif score >= config.hit:
        level = Level.HIT
    elif score >= config.possible:
        level = Level.POSSIBLE
    else:
        level = None
    return score, level, tuple(reasons)
