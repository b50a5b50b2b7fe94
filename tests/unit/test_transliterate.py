"""ICAO Doc 9303 Part 3 section 6 transliteration into the MRZ letters."""

import pytest

from borderdesk.mrz.transliterate import script_of, to_mrz, transliterate_char


@pytest.mark.parametrize("text, mrz", [
    ("Ärger", "AERGER"), ("Øster", "OESTER"), ("Strauß", "STRAUSS"), ("Åse", "AASE"),
    ("Œuvre", "OEUVRE"), ("Þór", "THOR"), ("Łódź", "LODZ"), ("Çelik", "CELIK"),
    ("Ñúñez", "NUNEZ"), ("Ğül", "GUEL"), ("İsmail", "ISMAIL"), ("Şahin", "SAHIN"),
    ("Dvořák", "DVORAK"), ("Ĳssel", "IJSSEL"),
])
def test_latin_table_a(text, mrz):
    assert to_mrz(text) == mrz


@pytest.mark.parametrize("text, mrz", [
    ("Жуков", "ZHUKOV"), ("Хрущёв", "KHRUSHCHEV"), ("Щукин", "SHCHUKIN"),
    ("Юлия", "IULIIA"), ("Цой", "TSOI"), ("Ольга", "OLGA"), ("Объедков", "OBIEEDKOV"),
    ("Ґонта", "GONTA"), ("Їжак", "IZHAK"), ("Љубица", "LJUBITSA"), ("Џаја", "DZAJA"),
])
def test_cyrillic_table_b(text, mrz):
    assert to_mrz(text) == mrz


@pytest.mark.parametrize("char, mrz", [
    ("ح", "XH"), ("خ", "XKH"), ("ش", "XSH"), ("ص", "XSS"), ("ع", "E"), ("ق", "Q"),
    ("ب", "B"), ("ى", "XAY"),
])
def test_arabic_table_c(char, mrz):
    assert transliterate_char(char) == mrz


def test_separators_and_apostrophes():
    assert to_mrz("Jean-Pierre  d'Arc") == "JEAN<PIERRE<DARC"
    assert to_mrz("  ") == ""


def test_unknown_characters_are_dropped():
    assert to_mrz("李 Lee") == "LEE"


def test_script_of():
    assert script_of("Ёж") == "Cyrillic"
    assert script_of("- علي") == "Arabic"
    assert script_of("Émile") == "Latin"
