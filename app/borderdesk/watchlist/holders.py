"""Screening a document's holder against the person lists.

The holder's name is prepared by the name rules (:mod:`.names`), its
candidate keys find the persons worth scoring in the index
(:meth:`.personindex.PersonList.candidates`), and :func:`.persons.score_person`
scores each of them with birth date, nationality and sex. Matches below the
``possible`` threshold of the configuration are not shown. Persons born in
another year than the holder are not scored when the scorer could not show
them anyway (:func:`_other_year_can_be_shown`).
"""

from __future__ import annotations

from functools import lru_cache

from ..mrz import Document
from ..mrz.dates import MrzDate
from .lists import Lists
from .match import Match
from .names import candidate_keys, prepare_name
from .persons import PersonQuery, prepare_person, score_person


@lru_cache(maxsize=16)
def _other_year_can_be_shown(hit: float, possible: float) -> bool:
    """Whether a person born in another year than the holder can score high enough to be shown.

    Asked of the scorer itself, with the best case: the same name, nationality
    and sex, and only the birth year different. When even that stays below the
    ``possible`` threshold, persons born in other years are not worth scoring.
    """
    class Thresholds:
        pass
    Thresholds.hit, Thresholds.possible = hit, possible
    name = prepare_name("HADDAD", "KARIM")
    query = PersonQuery(name, MrzDate("800101", 1980, 1, 1), "DZA", "M")
    record = prepare_person([name], "1981-01-01", "DZA", "M")  # the nearest other year
    return score_person(query, record, Thresholds)[1] is not None


def screen_holder(lists: Lists, doc: Document, thresholds, max_candidates: int) -> list[Match]:
    """The person records that name the document's holder, as matches."""
    query = PersonQuery.from_document(doc)
    if not query.name.words:
        return []
    keys = candidate_keys(query.name, query=True)
    year = query.birth.year if query.birth is not None else None
    others = _other_year_can_be_shown(thresholds.hit, thresholds.possible)
    found = []
    candidates = lists.persons.candidates(keys, max_candidates, year, others)
    for person in lists.persons.get_many(candidates):
        score, level, reasons = score_person(query, person.prepared, thresholds)
        if level is None:
            continue
        rec = person.record
        found.append(Match(kind="person", list=rec["list"], record_id=rec["id"], score=score,
                           level=level, reasons=reasons, list_version=lists.version,
                           action=rec.get("action", ""), category=rec.get("category", ""),
                           record=rec))
    return found
