"""Desk core pieces behind the screens: the check flow, manual entry, record comparison."""

from datetime import date, datetime, timezone

import pytest

from borderdesk.desk.compare import compare
from borderdesk.desk.dispositions import Disposition, DispositionError, clean_note
from borderdesk.desk.documents import days_to_expiry, holder_age, read_mrz
from borderdesk.desk.flow import CheckFlow, FlowError, Phase
from borderdesk.desk.manual import ManualEntry, compose_mrz, field_checks, ready, typed_date
from borderdesk.desk.verdict import Verdict, WatchlistState
from borderdesk.mrz.compose import compose
from borderdesk.watchlist.match import Level

TD3 = "\n".join(compose("TD3", document_code="P", issuing_state="DZA", surname="Benali",
                        given_names="Karima", document_number="124578963", nationality="DZA",
                        birth_date="880317", sex="F", expiry_date="310922"))


def verdict(level, problems=()):
    return Verdict(level=level, document=read_mrz(TD3), document_checks=problems, matches=(),
                   watchlist=WatchlistState(None, None, "NONE"), source="scanner",
                   checked_at=datetime.now(timezone.utc))


def test_clear_fades_and_takes_the_next_document():
    flow = CheckFlow()
    flow.reading()
    flow.shown(verdict(Level.CLEAR))
    assert flow.phase is Phase.SHOWING and flow.can_take_document() and flow.fades()
    flow.reading()  # the next document at once
    assert flow.phase is Phase.READING


def test_a_clear_with_a_problem_stays_until_next():
    flow = CheckFlow()
    flow.reading()
    flow.shown(verdict(Level.CLEAR, problems=("expired",)))
    assert not flow.fades()
    flow.faded()
    assert flow.phase is Phase.SHOWING
    assert flow.next() and flow.phase is Phase.WAITING


def test_a_hit_blocks_until_disposed():
    flow = CheckFlow()
    flow.reading()
    flow.shown(verdict(Level.HIT))
    assert flow.blocking and not flow.can_take_document()
    with pytest.raises(FlowError):
        flow.reading()
    assert not flow.next()
    assert flow.phase is Phase.DISPOSING
    flow.disposed()
    assert flow.phase is Phase.WAITING


def test_a_possible_match_decided():
    flow = CheckFlow()
    flow.reading()
    flow.shown(verdict(Level.POSSIBLE))
    with pytest.raises(FlowError):
        flow.disposed()
    flow.possible_decided(same_person=True)
    assert flow.phase is Phase.DISPOSING
    flow.disposed()
    flow.reading()
    flow.shown(verdict(Level.POSSIBLE))
    flow.possible_decided(same_person=False)
    assert flow.phase is Phase.WAITING


def test_other_needs_a_note():
    with pytest.raises(DispositionError):
        clean_note(Disposition.OTHER, "   ")
    assert clean_note("other", "  traveller  left ") == "traveller left"
    assert clean_note(Disposition.NOT_SAME_PERSON, "") == ""
    with pytest.raises(DispositionError):
        clean_note("other", "x" * 501)


def test_age_and_days_to_expiry():
    doc = read_mrz(TD3)
    assert holder_age(doc, date(2026, 3, 16)) == 37
    assert holder_age(doc, date(2026, 3, 17)) == 38
    assert days_to_expiry(doc, date(2031, 9, 21)) == 1
    assert days_to_expiry(doc, date(2031, 9, 23)) == -1


FIELDS = {"issuing_state": "DZA", "document_number": "124578963",
          "document_number_check": "5", "surname": "Benali", "given_names": "Karima",
          "nationality": "DZA", "birth_date": "880317", "birth_date_check": "1", "sex": "F",
          "expiry_date": "310922", "expiry_date_check": "5", "document_code": "P"}


def test_manual_entry_composes_the_same_mrz():
    entry = ManualEntry("TD3", dict(FIELDS))
    assert ready(entry)
    assert compose_mrz(entry) == TD3
    assert typed_date(entry, "birth_date", date(2026, 1, 1)) == date(1988, 3, 17)
    assert typed_date(entry, "expiry_date", date(2026, 1, 1)) == date(2031, 9, 22)


def test_manual_entry_keeps_a_wrong_digit_for_the_check_to_report():
    entry = ManualEntry("TD3", {**FIELDS, "document_number_check": "9"})
    assert field_checks(entry)["document_number"].code == "check-digit"
    assert ready(entry)
    doc = read_mrz(compose_mrz(entry))
    assert doc.checks.document_number is False and doc.checks.composite is True


@pytest.mark.parametrize("field,value,code", [
    ("birth_date", "8803", "date-format"), ("birth_date", "881301", "date-month"),
    ("expiry_date", "310932", "date-day"), ("nationality", "QQQ", "unknown-state"),
    ("surname", "B3nali", "name-characters"), ("sex", "Q", "sex"),
    ("document_number", "12345678901", "number-length"), ("document_number", "12/4", "characters"),
])
def test_manual_entry_field_problems(field, value, code):
    entry = ManualEntry("TD3", {**FIELDS, field: value})
    assert field_checks(entry)[field].code == code
    assert not ready(entry)


def test_manual_td1_overflow_number():
    entry = ManualEntry("TD1", {**FIELDS, "document_code": "I", "document_number": "D23145890734",
                                "document_number_check": ""})
    assert ready(entry)
    doc = read_mrz(compose_mrz(entry))
    assert doc.document_number == "D23145890734" and doc.valid


def test_comparison_of_a_document_record():
    doc = read_mrz(TD3)
    rows = compare(doc, "document", {"issuing_state": "DZA", "document_number": "124578963",
                                     "document_type": "PO"})
    assert [(r.field, r.state) for r in rows] == [
        ("issuing_state", "same"), ("document_number", "same"), ("document_type", "partial")]


def test_comparison_across_scripts_is_not_called_different():
    doc = read_mrz(TD3)
    rows = compare(doc, "person", {"names": [{"full_name": "كريمة بن علي"}],
                                   "birth_date": "1988", "sex": "M"})
    states = {r.field: r.state for r in rows}
    assert states == {"full_name": "not-comparable", "birth_date": "partial",
                      "nationality": "missing", "sex": "differs"}


def test_a_disposition_goes_to_the_hit_log():
    import dataclasses

    from borderdesk.desk.config import Config
    from borderdesk.desk.service import Desk
    from borderdesk.watchlist.match import Match
    desk = Desk(Config.load())
    match = Match("document", "SLTD", "SLTD-1", 1.0, Level.HIT, ("document number matches",))
    hit = dataclasses.replace(verdict(Level.HIT), matches=(match,))
    hit = dataclasses.replace(hit, hit_id=desk.hits.record(hit, "O1001"))
    record = desk.dispose(hit, Disposition.OTHER, " traveller   left the hall ", "O1001")
    assert record.entry_id and record.note == "traveller left the hall"
    logged = desk.hits.hit(hit.hit_id)
    assert (logged.disposition, logged.disposition_note, logged.disposed_by) == (
        "other", "traveller left the hall", "O1001")
    with pytest.raises(DispositionError):
        desk.dispose(verdict(Level.CLEAR), Disposition.NOT_SAME_PERSON, "", "O1001")
    desk.close()
