"""Dates: the century inferred, unknown parts kept unknown, never invented."""

from datetime import date

import pytest

from borderdesk.mrz.compose import compose
from borderdesk.mrz import parse
from borderdesk.mrz.dates import EXPIRY_HORIZON_YEARS, parse_date

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize("raw, iso", [
    ("740812", "1974-08-12"),
    ("000101", "2000-01-01"),
    ("261123", "2026-11-23"),  # born today
    ("261124", "1926-11-24"),  # tomorrow in 2026 would be the future
    ("991231", "1999-12-31"),
    ("250229", None),  # 2025 is no leap year, nor is 1925
    ("240229", "2024-02-29"),
])
def test_birth_dates_are_never_in_the_future(raw, iso):
    assert parse_date(raw, "birth", TODAY).iso == iso


@pytest.mark.parametrize("raw, iso", [
    ("120415", "2012-04-15"),  # expired long ago
    ("361231", "2036-12-31"),
    (f"{(TODAY.year + EXPIRY_HORIZON_YEARS) % 100:02d}0101",
     f"{TODAY.year + EXPIRY_HORIZON_YEARS}-01-01"),
    (f"{(TODAY.year + EXPIRY_HORIZON_YEARS + 1) % 100:02d}0101",
     f"{TODAY.year + EXPIRY_HORIZON_YEARS + 1 - 100}-01-01"),
    ("950712", "1995-07-12"),
])
def test_expiry_dates_up_to_the_horizon(raw, iso):
    assert parse_date(raw, "expiry", TODAY).iso == iso


@pytest.mark.parametrize("raw, partial, note", [
    ("8204<<", "1982-04", None),
    ("82<<<<", "1982", None),
    ("<<<<<<", None, None),
    ("820400", "1982-04", "day written 00"),
    ("820000", "1982", "month written 00"),
    ("82XXXX", "1982", "XX"),
])
def test_unknown_parts_stay_unknown(raw, partial, note):
    d = parse_date(raw, "birth", TODAY)
    assert d.iso is None
    assert d.partial == partial
    assert d.problem is None
    assert (note is None and d.note is None) or note in d.note


@pytest.mark.parametrize("raw, words", [
    ("821301", "no month 13"),
    ("820231", "no day 31"),
    ("82AB01", "not a date"),
    ("8<0101", "not a date"),
])
def test_impossible_dates_are_problems_not_crashes(raw, words):
    d = parse_date(raw, "birth", TODAY)
    assert d.iso is None and words in d.problem


def test_unknown_birth_day_in_a_document(today):
    lines = compose("TD3", document_code="P", issuing_state="DZA", surname="BENALI",
                    given_names="OMAR", document_number="123456789", nationality="DZA",
                    birth_date="8204<<", sex="M", expiry_date="300101")
    doc = parse("\n".join(lines), today=today)
    assert doc.valid
    assert doc.birth_date is None
    assert doc.as_json()["birth_date_partial"] == "1982-04"
    assert doc.as_json()["birth_date_raw"] == "8204<<"


def test_impossible_date_is_a_warning_in_a_document(today):
    lines = compose("TD3", document_code="P", issuing_state="DZA", surname="BENALI",
                    given_names="OMAR", document_number="123456789", nationality="DZA",
                    birth_date="821399", sex="M", expiry_date="300101")
    doc = parse("\n".join(lines), today=today)
    assert doc.checks.birth_date is True  # the check digit is right; the date is not
    assert doc.birth_date is None
    assert doc.has_warning("bad-date")


def test_document_without_expiry_date(today):
    line2 = "L898902C36UTO7408122F<<<<<<<ZE184226B<<<<<1"
    from borderdesk.mrz.checkdigit import compute
    line2 += compute(line2[0:10] + line2[13:20] + line2[21:43])
    doc = parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" + line2, today=today)
    assert doc.expiry_date is None
    assert doc.valid
    assert doc.has_warning("no-date")
