"""Names: primary and secondary identifiers, spaces, truncation, misread fillers."""

import pytest

from borderdesk.mrz import parse
from borderdesk.mrz.compose import compose, name_field
from borderdesk.mrz.names import clean_padding, split_name


@pytest.mark.parametrize("field, surname, given, truncated", [
    ("ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "ERIKSSON", "ANNA MARIA", False),
    ("EL<AMRANI<<FATIMA<ZAHRA<<<<<<<<<<<<<<<", "EL AMRANI", "FATIMA ZAHRA", False),
    ("MADONNA<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "MADONNA", "", False),
    ("<<OMAR<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "", "OMAR", False),
    ("SMITH<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "SMITH", "", False),
    ("VAN<DER<STEEN<<MARIANNE<LOUISE<AND<MOR", "VAN DER STEEN", "MARIANNE LOUISE AND MOR", True),
    ("OULDABDELLAHIOULDMOHAMEDVALLOULDSIDIAH", "OULDABDELLAHIOULDMOHAMEDVALLOULDSIDIAH", "", True),
])
def test_split_name(field, surname, given, truncated):
    assert split_name(field) == (surname, given, truncated)


def test_truncated_name_is_flagged_in_the_document(today):
    lines = compose("TD1", document_code="I", issuing_state="MRT",
                    surname="OULD MOHAMED EL MOUSTAPHA", given_names="ABDALLAHI SIDI",
                    document_number="123456789", nationality="MRT", birth_date="800101",
                    sex="M", expiry_date="300101")
    doc = parse("\n".join(lines), today=today)
    assert doc.name_truncated
    assert doc.has_warning("name-truncated")
    assert doc.surname == "OULD MOHAMED EL MOUSTAPHA"
    assert doc.given_names == "ABD"


@pytest.mark.parametrize("field, cleaned, where", [
    ("SMITH<<JOHN<<<<<K<<<<C<<", "SMITH<<JOHN<<<<<<<<<<<<<", [16, 21]),
    ("SMITH<<JOHN<<<KKKKKKKKKK", "SMITH<<JOHN<<<<<<<<<<<<<", list(range(14, 24))),
    ("ERIKSSON<<ANNA<MARIAKKKK", "ERIKSSON<<ANNA<MARIA<<<<", [20, 21, 22, 23]),
    ("ERIKSSON<<ANNA<MARIAKK<K", "ERIKSSON<<ANNA<MARIAKK<K", []),  # not proven
    ("SMITH<<ERIK<<<<<<<<<<<<<", "SMITH<<ERIK<<<<<<<<<<<<<", []),  # a real K stays
    ("SMITH<<JOHN<K<<<<<<<<<<<", "SMITH<<JOHN<K<<<<<<<<<<<", []),  # may be an initial
])
def test_misread_fillers_only_where_the_layout_proves_it(field, cleaned, where):
    new, changes, note = clean_padding(field)
    assert new == cleaned
    assert [i for i, _ in changes] == where
    assert note is None


def test_words_after_the_padding_are_left_and_reported():
    new, changes, note = clean_padding("SMITH<<JOHN<<<<<PAUL<<<<")
    assert new == "SMITH<<JOHN<<<<<PAUL<<<<" and changes == [] and "after the padding" in note


def test_misread_fillers_in_a_document_are_corrected_and_reported(today):
    text = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<K<<<<<<<C<<<<\n"
            "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
    doc = parse(text, today=today)
    assert doc.given_names == "ANNA MARIA" and doc.valid
    assert [(c.line, c.position, c.read, c.corrected) for c in doc.corrections] == [
        (1, 32, "K", "<"), (1, 40, "C", "<")]


def test_digits_in_names_are_letters_misread(today):
    text = ("P<UT0ER1KSS0N<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<\n"
            "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
    doc = parse(text, today=today)
    assert doc.surname == "ERIKSSON" and doc.given_names == "ANNA MARIA"
    assert doc.issuing_state == "UTO"
    line = text.split("\n")[0]
    assert {(c.line, c.position, c.read, c.corrected) for c in doc.corrections} == {
        (1, i + 1, ch, {"0": "O", "1": "I"}[ch]) for i, ch in enumerate(line) if ch in "01"}
    assert all(c.reason == "only letters stand in this field" for c in doc.corrections)


def test_digit_without_a_look_alike_stays_and_is_reported(today):
    text = ("P<UTOERIK7SON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
            "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
    doc = parse(text, today=today)
    assert doc.surname == "ERIK7SON"
    assert doc.has_warning("name-digits")


def test_name_field_composition():
    assert name_field("Eriksson", "Anna Maria", 20) == "ERIKSSON<<ANNA<MARIA"
    assert name_field("El-Amrani", "", 15) == "EL<AMRANI<<<<<<"
