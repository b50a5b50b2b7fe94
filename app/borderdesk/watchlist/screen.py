"""Screening a parsed document, and its holder, against the lists.

Documents are looked up by number after normalisation (upper case, no
fillers); the issuing state then tells the kinds of match apart:

* the number under the same issuing state: a HIT;
* the same number under another state: a POSSIBLE MATCH (a list keyed by the
  wrong state, or a misread state code);
* where the document number check digit fails, every number one OCR
  look-alike away (:func:`borderdesk.mrz.repair.single_substitutions`), and
  the number as read before a check-digit repair: a POSSIBLE MATCH.

Never silence: a near miss is shown for the officer to judge.

Holders are screened through the name rules of :mod:`.names`: the candidate
keys of the holder's name find the persons worth scoring (:mod:`.personindex`),
and :func:`~.names.score_person` scores each of them.
"""

from __future__ import annotations

from ..mrz import Document, checkdigit, repair
from ..mrz.formats import layout_named
from .documents import ListedDocument
from .holders import screen_holder
from .lists import Lists
from .match import Level, Match
from .reasons import Reason, status_reason
from .records import normalise_number, normalise_state

SCORE_EXACT = 1.0
SCORE_OTHER_STATE = 0.75
SCORE_NEAR_SAME_STATE = 0.65
SCORE_NEAR_OTHER_STATE = 0.5


def _listed(listed: ListedDocument) -> Reason:
    status = status_reason(listed.status)
    if listed.reported:
        return Reason("listed-reported", status=status, reported=listed.reported)
    return Reason("listed", status=status)


def _match(listed: ListedDocument, score: float, level: Level, reasons: list[Reason],
           version: int) -> Match:
    return Match(kind="document", list=listed.list, record_id=listed.id, score=score,
                 level=level, reasons=tuple(reasons), list_version=version,
                 action=listed.action, category=listed.status, record=listed.as_json())


def read_numbers(doc: Document) -> list[tuple[str, bool, Reason]]:
    """The numbers the document may really carry beside the one parsed: (number, whether
    it is the number as read, why).

    One OCR look-alike away from the parsed number when its check digit fails,
    and, when it passes, the look-alikes it cannot tell apart (``6`` and ``G``);
    the number as read when the parser corrected it (a look-alike repaired under
    the check digit, trailing ``K`` taken for fillers).
    """
    number = normalise_number(doc.document_number)
    near: dict[str, tuple[bool, Reason]] = {}
    failed = doc.checks.document_number is False
    digit = checkdigit.compute(number)
    for candidate, (i, read, alt) in repair.single_substitutions(number):
        candidate = normalise_number(candidate)
        if not candidate or candidate == number:
            continue
        change = {"read": read, "position": str(i + 1), "alt": alt}
        if failed:
            near.setdefault(candidate, (False, Reason("look-alike-check-fails", **change)))
        elif checkdigit.compute(candidate) == digit:
            # G and 6 (16 and 6) weigh alike in the 7-3-1 check: it cannot tell them apart.
            near.setdefault(candidate, (False, Reason("look-alike-check-blind", **change)))
    as_read = _number_as_read(doc)
    if as_read and as_read != number:
        near.setdefault(as_read, (True, Reason(
            "number-corrected", read=as_read, number=number,
            corrections="; ".join(sorted({c.reason for c in doc.corrections
                                          if c.field == "document_number"})))))
    return [(n, what, why) for n, (what, why) in near.items()]


def _number_as_read(doc: Document) -> str:
    """The document number field as read, the parser's corrections undone (fillers dropped)."""
    layout = layout_named(doc.layout_name)
    if not any(c.field == "document_number" for c in doc.corrections):
        return ""
    span = layout.span("document_number")
    chars = list(doc.lines[span.line][span.start:span.end])
    for c in doc.corrections:
        i = c.position - 1 - span.start
        if c.field == "document_number" and c.line - 1 == span.line and 0 <= i < len(chars):
            chars[i:i + len(c.read)] = c.read
    return normalise_number("".join(chars))


def screen_document(lists: Lists, doc: Document) -> list[Match]:
    """The document list records that match the document, exactly or nearly."""
    state = normalise_state(doc.issuing_state)
    number = normalise_number(doc.document_number)
    version = lists.version
    found = []
    for listed in lists.documents.find(number):
        if listed.issuing_state == state:
            found.append(_match(listed, SCORE_EXACT, Level.HIT, [Reason(
                "document", number=number, state=state, listed=_listed(listed))], version))
        else:
            other = dict(number=number, listed=_listed(listed), listed_state=listed.issuing_state)
            found.append(_match(listed, SCORE_OTHER_STATE, Level.POSSIBLE, [
                Reason("document-other-state", state=state, **other) if state
                else Reason("document-other-state-unread", **other)], version))
    for candidate, as_read, why in read_numbers(doc):
        for listed in lists.documents.find(candidate):
            same = listed.issuing_state == state
            code = "number-as-read" if as_read else "near-number"
            where = {} if same else {"listed_state": listed.issuing_state}
            found.append(_match(
                listed, SCORE_NEAR_SAME_STATE if same else SCORE_NEAR_OTHER_STATE,
                Level.POSSIBLE,
                [Reason(code if same else code + "-other-state", number=candidate,
                        listed=_listed(listed), **where), why], version))
    return found


def screen(lists: Lists, doc: Document, thresholds, max_candidates: int) -> tuple[Match, ...]:
    """Every match of the document and its holder, the strongest first.

    ``thresholds`` has the ``hit`` and ``possible`` scores of person matches
    (the ``[screening]`` configuration); ``max_candidates`` bounds the persons scored.
    """
    found = screen_document(lists, doc)
    if len(lists.persons):
        found += screen_holder(lists, doc, thresholds, max_candidates)
    best: dict[tuple, Match] = {}
    for m in found:  # one match per record: the strongest reading of it
        key = (m.kind, m.list, m.record_id)
        if key not in best or (m.level.rank, m.score) > (best[key].level.rank, best[key].score):
            best[key] = m
    return tuple(sorted(best.values(), key=lambda m: (-m.level.rank, -m.score, m.list,
                                                      m.record_id)))
