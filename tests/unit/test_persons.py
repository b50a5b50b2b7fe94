"""Person scoring (borderdesk.watchlist.persons): the birth date rules, nationality, sex,
levels from the configured thresholds, reasons in words."""

import pytest

from borderdesk.desk.config import Config, ConfigError, ScreeningSection
from borderdesk.mrz import parse
from borderdesk.mrz.compose import compose
from borderdesk.mrz.dates import MrzDate
from borderdesk.watchlist.match import Level
from borderdesk.watchlist.names import prepare_name
from borderdesk.watchlist.persons import (
    PersonQuery, PreparedPerson, compare_birth, prepare_person, score_person,
)

CONFIG = ScreeningSection()


def mrz_date(yy_mm_dd: str) -> MrzDate:
    parts = [None if p == "<<" else int(p) for p in (yy_mm_dd[0:2], yy_mm_dd[2:4],
                                                      yy_mm_dd[4:6])]
    year = None if parts[0] is None else 1900 + parts[0]
    return MrzDate(yy_mm_dd, year, parts[1], parts[2])


# -- birth date rules ----------------------------------------------------------------------------

@pytest.mark.parametrize("mrz, record, outcome", [
    ("800315", "1980-03-15", "exact"),
    ("800503", "1980-03-05", "swapped"),
    ("800320", "1980-03-15", "month"),
    ("8003<<", "1980-03-15", "month"),
    ("800315", "1980-03", "month"),
    ("800720", "1980-03-15", "year"),
    ("800315", "1980", "year_only"),
    ("80<<<<", "1980-03-15", "year_only"),
    ("810315", "1980-03-15", "differs"),
    ("810315", "1980", "differs"),
    ("800315", "", "unknown"),
    ("<<<<<<", "1980-03-15", "unknown"),
])
def test_birth_date_rules(mrz, record, outcome):
    assert compare_birth(mrz_date(mrz), record)[0] == outcome


def test_same_day_and_month_is_not_a_swap():
    assert compare_birth(mrz_date("800303"), "1980-04-04")[0] == "year"


def test_no_birth_date_on_the_document():
    assert compare_birth(None, "1980-03-15") == ("unknown", "no birth date to compare")


# -- scores and levels ---------------------------------------------------------------------------

def person(birth="1980-03-15", nationality="DZA", sex="M", names=None) -> PreparedPerson:
    return prepare_person(names or [{"full_name": "محمد بن علي"}], birth, nationality, sex)


def query(birth="800315", nationality="DZA", sex="M", surname="BENALI", given="MOHAMED"):
    return PersonQuery(prepare_name(surname, given), mrz_date(birth), nationality, sex)


def test_exact_person_is_a_hit_with_reasons():
    score, level, reasons = score_person(query(), person(), CONFIG)
    assert level is Level.HIT and score == 1.0
    assert reasons == ("surname and given names match", "birth date matches",
                       "nationality matches")


def test_same_year_only_is_still_flagged():
    score, level, reasons = score_person(query(birth="800720"), person(), CONFIG)
    assert level is not None and "birth date same year" in reasons


def test_day_and_month_swapped_is_flagged():
    _, level, reasons = score_person(query(birth="800503"), person(birth="1980-03-05"), CONFIG)
    assert level is Level.HIT and "birth date with day and month swapped" in reasons


def test_namesake_born_another_year_is_not_flagged():
    score, level, reasons = score_person(query(birth="850315"), person(), CONFIG)
    assert level is None and "birth date differs" in reasons


def test_other_sex_is_not_flagged():
    _, level, reasons = score_person(query(sex="F", given="AMINA"),
                                     person(names=[{"surname": "BENALI", "given_names": "AMINE"}]),
                                     CONFIG)
    assert level is None and "sex differs" in reasons


def test_sex_x_or_unknown_says_nothing():
    assert score_person(query(sex="X"), person(), CONFIG)[0] == 1.0
    assert score_person(query(), person(sex=""), CONFIG)[0] == 1.0


def test_other_nationality_lowers_but_keeps_the_match():
    same = score_person(query(birth="800720"), person(), CONFIG)[0]
    score, level, reasons = score_person(query(birth="800720", nationality="FRA"), person(),
                                         CONFIG)
    assert level is not None and score < same
    assert "nationality differs (DZA on the list)" in reasons


def test_levels_follow_the_configured_thresholds():
    strict = ScreeningSection(hit=1.01, possible=0.995)
    assert score_person(query(), person(), strict)[1] is Level.POSSIBLE
    assert score_person(query(birth="800720"), person(), strict)[1] is None


def test_alias_is_named_in_the_reasons():
    record = person(names=[{"surname": "SMITH", "given_names": "JOHN"},
                           {"surname": "BENALI", "given_names": "MOHAMED"}])
    reasons = score_person(query(), record, CONFIG)[2]
    assert reasons[0].endswith("alias BENALI MOHAMED")


def test_names_differ():
    assert score_person(query(surname="BOUZID", given="KARIM"), person(), CONFIG) == (
        0.0, None, ("names differ",))
    assert score_person(query(), PreparedPerson(()), CONFIG)[1] is None


def test_query_from_a_parsed_document():
    lines = compose("TD3", document_code="P", issuing_state="DZA", surname="BENALI",
                    given_names="MOHAMED", document_number="X1234567", nationality="DZA",
                    birth_date="8003<<", sex="M", expiry_date="300101")
    q = PersonQuery.from_document(parse("\n".join(lines)))
    assert q.name.words == prepare_name("BENALI", "MOHAMED").words
    assert (q.birth.year, q.birth.month, q.birth.day) == (1980, 3, None)
    score, level, reasons = score_person(q, person(), CONFIG)
    assert level is Level.HIT and "birth date same year and month" in reasons


def test_prepared_person_serialises():
    p = person(names=[{"surname": "Жуков", "given_names": "Евгений"}])
    assert len(p.names) == 2 and p.origins == (0, 0)
    assert PreparedPerson.from_json(p.as_json()) == p


def test_screening_thresholds_come_from_the_config_file(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[screening]\nhit = 0.95\npossible = 0.8\n")
    config = Config.load([path])
    assert (config.screening.hit, config.screening.possible) == (0.95, 0.8)
    path.write_text("[screening]\npossible = 'high'\n")
    with pytest.raises(ConfigError, match="possible"):
        Config.load([path])


def test_birth_year_decides_with_the_default_thresholds():
    from borderdesk.watchlist.persons import birth_year_decides
    assert birth_year_decides(CONFIG)
    assert not birth_year_decides(ScreeningSection(hit=0.9, possible=0.6))
    # and it is true: the best name born another year stays below POSSIBLE
    assert score_person(query(birth="790315"), person(), CONFIG)[1] is None


def test_a_record_as_read_from_the_source_is_prepared_on_the_fly():
    from types import SimpleNamespace
    record = SimpleNamespace(names=[SimpleNamespace(surname="", given_names="",
                                                    full_name="محمد بن علي")],
                             birth_date="1980-03-15", nationality="DZA", sex="M")
    assert score_person(query(), record, CONFIG)[1] is Level.HIT


# -- a name lacking a key name needs a birth date to back it --------------------------------------

SIBLING = [{"surname": "DRIDI", "given_names": "SAMIR RACHID"}]


@pytest.mark.parametrize("record_birth, flagged", [
    ("1980-03-15", True),   # exact: backs it
    ("1980-03", True),      # same year and month
    ("1980", False),        # only years known, equal: one person in fifty shares the year
    ("", False),            # nothing to back it: a brother (RACHID's son) reads the same
    ("1980-11-02", False),  # same year only
])
def test_name_lacking_the_records_first_given_name_needs_a_birth_date(record_birth, flagged):
    q = query(surname="DRIDI", given="RACHID")
    score, level, reasons = score_person(q, person(birth=record_birth, names=SIBLING), CONFIG)
    assert (level is not None) is flagged
    unbacked = "no birth date backs a name that lacks a surname or first given name"
    assert (unbacked in reasons) is (not flagged)


def test_full_name_still_flagged_without_birth_date():
    # The same name, every key name there: no birth date on the list is no reason to stay quiet.
    _, level, reasons = score_person(query(), person(birth=""), CONFIG)
    assert level is not None
    assert not any("backs" in r for r in reasons)


def test_extra_given_name_on_the_document_needs_a_birth_date_when_first():
    # SOLTANI KARIM AYOUB against SOLTANI AYOUB: the document's first given name is not there.
    q = query(surname="SOLTANI", given="KARIM AYOUB")
    record = [{"surname": "SOLTANI", "given_names": "AYOUB"}]
    assert score_person(q, person(birth="", names=record), CONFIG)[1] is None
    assert score_person(q, person(names=record), CONFIG)[1] is not None


def test_a_name_alone_is_a_possible_match_at_most():
    score, level, reasons = score_person(query(), person(birth=""), CONFIG)
    assert score >= CONFIG.hit and level is Level.POSSIBLE
    assert "no birth date to confirm it: a possible match at most" in reasons
    assert score_person(query(birth="<<<<<<"), person(), CONFIG)[1] is Level.POSSIBLE


def test_key_name_matched_at_the_edge_needs_a_birth_date():
    # DJAMEL against DJALAL: a typo on top of a spelling variant, or another name.
    q = query(surname="MESSAOUDI", given="DJAMEL")
    record = [{"surname": "MESSAOUDI", "given_names": "DJALAL"}]
    unbacked = score_person(q, person(birth="", names=record), CONFIG)
    backed = score_person(q, person(names=record), CONFIG)
    assert any("spelt quite differently" in r for r in unbacked[2])
    assert not any("spelt quite differently" in r for r in backed[2][1:])
    assert unbacked[0] < backed[0] - 0.08


def test_another_nationality_weighs_more_with_no_birth_date_to_compare():
    # The name alone, and a nationality that says another person.
    dated = score_person(query(nationality="FRA"), person(), CONFIG)[0]
    undated = score_person(query(nationality="FRA"), person(birth=""), CONFIG)[0]
    assert dated == 1.0  # 1.0 + 0.08 (birth date) - 0.08 (nationality)
    assert undated == 0.88  # 1.0 - 0.12
