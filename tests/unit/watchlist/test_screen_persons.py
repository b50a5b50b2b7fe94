"""Screening holders: the name rules scored over candidates from the key index only."""

import pytest

from borderdesk.desk.service import Desk
from borderdesk.watchlist.match import Level
from borderdesk.watchlist.names import candidate_keys, prepare_name

from .conftest import doc_record, td3

WANTED = [
    {"kind": "person", "id": "P1", "list": "WANTED",
     "names": [{"surname": "Haddad", "given_names": "Leila"}, {"full_name": "ليلى حداد"}],
     "birth_date": "1975-06-02", "nationality": "DZA", "sex": "F", "category": "wanted",
     "action": "Hold and call the duty officer"},
    {"kind": "person", "id": "P2", "list": "WATCH",
     "names": [{"surname": "Scherbakov", "given_names": "Ivan"}],
     "birth_date": "1969", "sex": "M", "category": "watch", "action": "Report"},
]
# Unrelated people, so that the index has something to leave out.
FILLER = [{"kind": "person", "id": f"F{i}", "list": "WATCH",
           "names": [{"surname": f"Surname{chr(65 + i % 26)}{chr(65 + i // 26)}x",
                      "given_names": "Pierre"}],
           "birth_date": "1990", "category": "watch"} for i in range(300)]


@pytest.fixture
def desk(store, publisher):
    store.import_bundle(publisher.build([doc_record(1)] + WANTED + FILLER))
    return Desk()


def test_spelling_variant_with_matching_birth_date_is_a_hit(desk):
    verdict = desk.check(td3("ZZ1234567", "DZA", "HADAD", "LAILA", "750602", sex="F"))
    assert verdict.level is Level.HIT
    (m,) = verdict.matches
    assert (m.kind, m.list, m.record_id, m.level) == ("person", "WANTED", "P1", Level.HIT)
    assert 0.9 <= m.score <= 1 and "birth date matches" in m.reasons
    assert m.action == "Hold and call the duty officer" and m.category == "wanted"
    assert m.record["names"][1] == {"full_name": "ليلى حداد"}


def test_cyrillic_transliteration_variant(desk):
    verdict = desk.check(td3("ZZ1234567", "RUS", "SHCHERBAKOV", "IVAN", "690101"))
    assert [m.record_id for m in verdict.matches] == ["P2"]


def test_other_birth_year_is_not_shown(desk):
    assert desk.check(td3("ZZ1234567", "DZA", "HADDAD", "LEILA", "880602", sex="F")).matches == ()


def test_document_and_person_matches_together(desk):
    verdict = desk.check(td3("AB0000001", "DZA", "HADDAD", "LEILA", "750602", sex="F"))
    assert {(m.kind, m.record_id) for m in verdict.matches} == {("document", "D1"),
                                                                 ("person", "P1")}


def test_only_candidates_are_scored(desk):
    lists = desk.lists()
    query = prepare_name("HADDAD", "LEILA")
    found = lists.persons.candidates(candidate_keys(query, query=True), 200, 1975)
    assert 0 in found and len(found) < 10  # not the 302 persons of the list
    assert lists.persons.candidates({"no-such-key"}, 200) == []


def test_candidate_limit_and_year_first(desk):
    lists = desk.lists()
    keys = set()
    for i in range(3):
        keys |= candidate_keys(prepare_name(f"Surname{chr(65 + i)}Ax", "Pierre"), query=True)
    assert len(lists.persons.candidates(keys, 2, 1990)) == 2


def test_names_prepared_by_other_rules_are_prepared_again_on_import(store, publisher,
                                                                    monkeypatch):
    from borderdesk.watchlist import personindex
    monkeypatch.setattr(personindex, "_rules_version", "older-rules")
    bundle = publisher.build(WANTED + FILLER)
    monkeypatch.setattr(personindex, "_rules_version", None)  # the desk's own rules
    store.import_bundle(bundle)
    live = store.current_dir()
    assert (live / "name-rules").read_text() == personindex.rules_version()
    desk = Desk()
    verdict = desk.check(td3("ZZ1234567", "DZA", "HADAD", "LAILA", "750602", sex="F"))
    assert [m.record_id for m in verdict.matches] == ["P1"]
    assert verdict.watchlist.notes == ()


def test_persons_of_other_years_are_left_out_when_they_cannot_be_shown(desk):
    lists = desk.lists()
    keys = candidate_keys(prepare_name("HADDAD", "LEILA"), query=True)
    assert 0 in lists.persons.candidates(keys, 100, 1975, other_years=False)
    assert 0 not in lists.persons.candidates(keys, 100, 1988, other_years=False)
    assert 0 in lists.persons.candidates(keys, 100, 1988, other_years=True)
