"""Screening a document's holder against the person lists.

The holder's name is prepared by the name rules (:mod:`.names`), its
candidate keys find the persons worth scoring in the index
(:meth:`.personindex.PersonList.candidates`), and :func:`.persons.score_person`
scores each of them with birth date, nationality and sex. Matches below the
``possible`` threshold of the configuration are not shown.
"""

from __future__ import annotations

from ..mrz import Document
from .lists import Lists
from .match import Match
from .names import candidate_keys
from .persons import PersonQuery, score_person


def screen_holder(lists: Lists, doc: Document, thresholds, max_candidates: int) -> list[Match]:
    """The person records that name the document's holder, as matches."""
    query = PersonQuery.from_document(doc)
    if not query.name.words:
        return []
    keys = candidate_keys(query.name, query=True)
    year = query.birth.year if query.birth is not None else None
    found = []
    for pid in lists.persons.candidates(keys, max_candidates, year):
        person = lists.persons.get(pid)
        score, level, reasons = score_person(query, person.prepared, thresholds)
        if level is None:
            continue
        rec = person.record
        found.append(Match(kind="person", list=rec["list"], record_id=rec["id"], score=score,
                           level=level, reasons=reasons, list_version=lists.version,
                           action=rec.get("action", ""), category=rec.get("category", ""),
                           record=rec))
    return found
