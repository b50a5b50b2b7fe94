"""The publisher's source format: every bad line is refused with its file and line."""

import json

import pytest

from borderdesk.watchlist.exceptions import SourceError
from borderdesk.watchlist.records import DocumentRecord, PersonRecord
from borderdesk.watchlist.source import read_all

from .conftest import doc_record

PERSON = {"kind": "person", "id": "P1", "list": "WANTED",
          "names": [{"surname": "Ben Ali", "given_names": "Mohamed"}, {"full_name": "محمد بن علي"}],
          "birth_date": "1980-03", "nationality": "TUN", "sex": "M", "category": "wanted",
          "action": "Hold and call the duty officer"}


def problems_of(tmp_path, lines: list[str], suffix=".ndjson"):
    path = tmp_path / f"src{suffix}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        read_all([path])
    return path, info.value.problems


def test_good_records_of_both_kinds(tmp_path):
    path = tmp_path / "src.ndjson"
    path.write_text(json.dumps(doc_record(1, document_number="ab 000-0001<",
                                          issuing_state="deu")) + "\n\n"
                    + json.dumps(PERSON, ensure_ascii=False) + "\n", encoding="utf-8")
    doc, person = read_all([path])
    assert isinstance(doc, DocumentRecord) and doc.document_number == "AB0000001"
    assert doc.issuing_state == "D"
    assert isinstance(person, PersonRecord) and len(person.names) == 2
    assert person.names[1].full_name == "محمد بن علي" and person.birth_date == "1980-03"


BAD_LINES = [
    ("not json", "not a JSON object"),
    ("[1, 2]", "must be a JSON object"),
    (json.dumps({**doc_record(), "kind": "vehicle"}), "'kind' must be"),
    (json.dumps({k: v for k, v in doc_record().items() if k != "id"}), "'id' is missing"),
    (json.dumps(doc_record(id="")), "'id' is empty"),
    (json.dumps(doc_record(id=12)), "'id' must be a string"),
    (json.dumps(doc_record(list="--")), "list name"),
    (json.dumps(doc_record(list="A" * 65)), "'list' is longer than 64"),
    (json.dumps(doc_record(issuing_state="Algeria")), "not a state code"),
    (json.dumps(doc_record(document_number="AB#123")), "'document_number'"),
    (json.dumps(doc_record(document_number="<<<")), "'document_number'"),
    (json.dumps(doc_record(document_number="A" * 30)), "'document_number'"),
    (json.dumps(doc_record(document_type="7")), "'document_type'"),
    (json.dumps(doc_record(status="found")), "'status'"),
    (json.dumps(doc_record(reported="2024-13-01")), "'reported'"),
    (json.dumps(doc_record(reported="01/05/2024")), "'reported'"),
    (json.dumps(doc_record(colour="red")), "unknown key"),
    (json.dumps(doc_record(action="a\nb")), "control character"),
    (json.dumps(doc_record(id="a\x1fb")), "control character"),
    (json.dumps({**PERSON, "names": []}), "'names' must be a non-empty list"),
    (json.dumps({**PERSON, "names": "Mohamed"}), "'names' must be a non-empty list"),
    (json.dumps({**PERSON, "names": [{"given_names": "Mohamed"}]}), "needs a surname"),
    (json.dumps({**PERSON, "names": [{"surname": "1234"}]}), "holds no letter"),
    (json.dumps({**PERSON, "names": [{"surname": "A", "nick": "B"}]}), "unknown key"),
    (json.dumps({**PERSON, "names": ["Mohamed"]}), "names[0] must be an object"),
    (json.dumps({**PERSON, "birth_date": "15/03/1980"}), "'birth_date'"),
    (json.dumps({**PERSON, "birth_date": "1980-02-30"}), "not a day of the calendar"),
    (json.dumps({**PERSON, "birth_date": "1980-13"}), "month 13"),
    (json.dumps({**PERSON, "birth_date": "1066"}), "out of range"),
    (json.dumps({**PERSON, "sex": "Q"}), "'sex'"),
    (json.dumps({**PERSON, "nationality": "Tunisia"}), "'nationality'"),
]


@pytest.mark.parametrize("line, message", BAD_LINES, ids=[m for _, m in BAD_LINES])
def test_each_bad_line_is_named(tmp_path, line, message):
    good = json.dumps(doc_record(9))
    path, problems = problems_of(tmp_path, [good, line, good.replace("D9", "D10")])
    assert len(problems) == 1
    where, number, text = problems[0]
    assert where == str(path) and number == 2
    assert message in text


def test_bytes_that_are_not_utf8(tmp_path):
    path = tmp_path / "src.ndjson"
    path.write_bytes(json.dumps(doc_record(1)).encode() + b"\n" + b'{"kind": "\xff"}\n')
    with pytest.raises(SourceError) as info:
        read_all([path])
    assert info.value.problems[0][1:] == (2, "not UTF-8 text (byte 11 of the line)")


def test_repeated_id_names_both_lines(tmp_path):
    path, problems = problems_of(tmp_path, [json.dumps(doc_record(1)), json.dumps(doc_record(2)),
                                            json.dumps(doc_record(1))])
    assert problems == [(str(path), 3, f"record id repeats the one at {path}:1 "
                                       "(same kind, list and id)")]


def test_all_problems_reported_at_once_with_a_cap(tmp_path):
    path = tmp_path / "src.ndjson"
    path.write_text("garbage\n" * 30)
    with pytest.raises(SourceError) as info:
        read_all([path])
    assert len(info.value.problems) == 20 and info.value.more == 10
    assert "and 10 more problem(s)" in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(SourceError, match="cannot read the file"):
        read_all([tmp_path / "nope.ndjson"])


CSV_HEADER = ("kind,id,list,issuing_state,document_number,document_type,status,reported,action,"
              "surname,given_names,full_name,birth_date,nationality,sex,category")


def test_csv_documents_and_persons_with_aliases(tmp_path):
    path = tmp_path / "src.csv"
    path.write_text("\n".join([
        CSV_HEADER,
        "document,D1,SLTD,DZA,AB0000001,P,stolen,2024-05-01,Seize,,,,,,,",
        "person,P1,WANTED,,,,,,Hold,Ben Ali,Mohamed,,1980,TUN,M,wanted",
        "person,P1,WANTED,,,,,,,,,محمد بن علي,,,,",
        "person,P2,WANTED,,,,,,,Haddad,Leila,,,,F,",
    ]) + "\n", encoding="utf-8")
    doc, p1, p2 = read_all([path])
    assert doc.document_number == "AB0000001" and doc.action == "Seize"
    assert [str(n) for n in p1.names] == ["Mohamed Ben Ali", "محمد بن علي"]
    assert p1.birth_date == "1980" and p1.category == "wanted"
    assert p2.names[0].surname == "Haddad" and p2.sex == "F"


@pytest.mark.parametrize("row, message", [
    ("document,D1,SLTD,DZA,AB0000001,P,stolen,2024-05-01,Seize,,,,,,,,extra", "17 cells"),
    ("document,D1,SLTD,DZA,AB0000001,P,stolen,2024-05-01,Seize,Smith,,,,,,", "no 'surname'"),
    ("document,D1,SLTD,D-Z,AB0000001,P,stolen,2024-05-01,Seize,,,,,,,", "not a state code"),
    ("person,P1,WANTED,,,,,,,,,,,,,", "needs a surname"),
])
def test_csv_bad_rows_are_named(tmp_path, row, message):
    path, problems = problems_of(tmp_path, [CSV_HEADER, row], suffix=".csv")
    assert problems[0][1] == 2 and message in problems[0][2]


def test_csv_alias_row_that_differs(tmp_path):
    path, problems = problems_of(tmp_path, [
        CSV_HEADER,
        "person,P1,WANTED,,,,,,Hold,Ben Ali,Mohamed,,1980,TUN,M,wanted",
        "person,P1,WANTED,,,,,,,,,Other,1981,,,",
    ], suffix=".csv")
    assert problems == [(str(path), 3, "a further name row of a person differs in birth_date; "
                                       "leave those cells empty")]


def test_csv_without_kind_column(tmp_path):
    path, problems = problems_of(tmp_path, ["id,list", "D1,SLTD"], suffix=".csv")
    assert problems == [(str(path), 1, "the CSV header has no 'kind' column")]


def test_overlong_line(tmp_path):
    path = tmp_path / "src.ndjson"
    path.write_text(json.dumps(doc_record(1)) + "\n" + "x" * 200_000 + "\n"
                    + json.dumps(doc_record(2)) + "\n" + "y" * 70_000)
    with pytest.raises(SourceError) as info:
        read_all([path])
    assert [(p[1], p[2]) for p in info.value.problems] == [
        (2, "the line is longer than 65536 bytes"), (4, "the line is longer than 65536 bytes")]


def test_a_name_in_parts_and_in_full_gives_two_forms(tmp_path):
    path = tmp_path / "src.ndjson"
    path.write_text(json.dumps({**PERSON, "names": [
        {"surname": "Haddad", "given_names": "Leila", "full_name": "ليلى حداد"}]}) + "\n")
    (person,) = read_all([path])
    assert [str(n) for n in person.names] == ["Leila Haddad", "ليلى حداد"]
