"""Input in any reasonable shape parses; anything that is not an MRZ is a clean error."""

import pytest

from borderdesk.mrz import InvalidCharacter, InvalidFormat, InvalidLength, MRZError, parse

TD3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
       "L898902C36UTO7408122F1204159ZE184226B<<<<<10")


@pytest.mark.parametrize("text", [
    TD3,
    TD3.lower(),
    TD3.replace("\n", "\r\n") + "\r\n",
    "  " + TD3.replace("\n", "  \n\t ") + "   \n\n",
    TD3.replace("<<<<<<<<<<", "<<<<< <<<<<"),  # stray spaces inside a line
    TD3.replace("\n", ""),  # both lines run together
    "\n\n" + TD3 + "\n\n\n",
    TD3.replace("<", "\u2039"),  # a typographic look-alike of the filler
])
def test_reasonable_shapes_parse_to_the_same_document(text, today):
    doc = parse(text, today=today)
    assert doc.valid
    assert doc.lines == tuple(TD3.split("\n"))
    assert doc.document_number == "L898902C3"


def test_one_line_input_is_reported():
    doc = parse(TD3.replace("\n", ""))
    assert doc.has_warning("one-line")


def test_scanner_that_strips_trailing_fillers(today):
    text = "P<UTOERIKSSON<<ANNA<MARIA\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
    doc = parse(text, today=today)
    assert doc.valid and doc.given_names == "ANNA MARIA"
    assert doc.has_warning("padded")


def test_extra_fillers_at_the_end_are_trimmed(today):
    doc = parse(TD3.replace("\nL", "<<<\nL"), today=today)
    assert doc.valid and doc.has_warning("trimmed")


@pytest.mark.parametrize("text, error, words", [
    ("", InvalidFormat, "empty"),
    ("   \n \r\n", InvalidFormat, "empty"),
    ("hello world", InvalidFormat, "2 or 3 lines"),
    ("A\nB\nC\nD", InvalidFormat, "2 or 3 lines"),
    ("HELLO\nWORLD", InvalidLength, "no line has"),
    (TD3.replace("ERIKSSON", "ÉRIKSSON"), InvalidCharacter, "line 1 position 6"),
    (TD3.replace("ZE184226B", "ZE18-226B"), InvalidCharacter, "'-'"),
    (TD3 + "XYZ", InvalidLength, "47 characters"),
    ("1" * 44 + "\n" + "2" * 44, InvalidFormat, "out of place"),
    ("<" * 44 + "\n" + "<" * 44, InvalidFormat, "document code"),
    ("\x00\x01\x02", InvalidFormat, ""),
])
def test_not_an_mrz_is_a_clear_error(text, error, words):
    with pytest.raises(error) as info:
        parse(text)
    assert words in str(info.value)
    assert isinstance(info.value, MRZError) and isinstance(info.value, ValueError)


def test_invalid_character_says_where():
    with pytest.raises(InvalidCharacter) as info:
        parse(TD3.replace("7408122", "74*8122"))
    assert (info.value.line, info.value.position) == (2, 16)


def test_non_text_is_a_clear_error():
    with pytest.raises(InvalidFormat):
        parse(b"P<UTO")  # type: ignore[arg-type]
