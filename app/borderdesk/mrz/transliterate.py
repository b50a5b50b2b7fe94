"""Transliteration of names into the MRZ character set (A-Z and the filler).

ICAO Doc 9303 Part 3, section 6 ("Transliterations recommended for use by
States"): the MRZ holds only the letters A to Z, so an issuer writes a name
from the visual zone into the MRZ through these tables:

* Table A (6.A), multinational Latin-based characters: ``Ä`` → ``AE``,
  ``Ø`` → ``OE``, ``ß`` → ``SS``, ``Þ`` → ``TH``, other diacritics dropped.
  Doc 9303 allows ``A``, ``O``, ``U`` for ``Ä``, ``Ö``, ``Ü`` and ``N`` or
  ``NXX`` for ``Ñ`` as well; :data:`LATIN_ALTERNATIVES` lists those, since a
  screening must accept either spelling.
* Table B (6.B), Cyrillic: ``Ж`` → ``ZH``, ``Х`` → ``KH``, ``Щ`` → ``SHCH``,
  ``Ю`` → ``IU``, ``Я`` → ``IA``, ``Ь`` dropped, with the Ukrainian,
  Belarusian, Serbian and Macedonian letters.
* Table C (6.C), Arabic: a reversible table in which letters with no single
  Latin equivalent are written with a leading ``X`` (``ح`` → ``XH``,
  ``ش`` → ``XSH``). Few issuers use it; national spellings (``MOHAMED``,
  ``MUHAMMAD``) are the rule in practice, which is why screening compares
  names through :mod:`borderdesk.watchlist.names` rather than through this
  table alone.

Space, hyphen and apostrophe separate name parts; the MRZ writes a space or
hyphen as one filler ``<`` and drops the apostrophe (Part 3, 4.6.2).

>>> to_mrz('Müller-Lüdenscheidt')
'MUELLER<LUEDENSCHEIDT'
>>> to_mrz('Øyvind Strauß')
'OEYVIND<STRAUSS'
>>> to_mrz('Юлия Щербакова')
'IULIIA<SHCHERBAKOVA'
>>> to_mrz('محمد')
'MXHMD'
>>> to_mrz("O'Brien")
'OBRIEN'
>>> script_of('Юсуф'), script_of('يوسف'), script_of('Yusuf'), script_of('123')
('Cyrillic', 'Arabic', 'Latin', None)
"""

from __future__ import annotations

import unicodedata

# Doc 9303 Part 3, 6.A: Latin-based characters with diacritics.
LATIN = {
    "À": "A", "Á": "A", "Â": "A", "Ã": "A", "Ä": "AE", "Å": "AA", "Æ": "AE", "Ā": "A",
    "Ă": "A", "Ą": "A", "Ç": "C", "Ć": "C", "Ĉ": "C", "Ċ": "C", "Č": "C", "Ď": "D",
    "Đ": "D", "Ð": "D", "È": "E", "É": "E", "Ê": "E", "Ë": "E", "Ē": "E", "Ĕ": "E",
    "Ė": "E", "Ę": "E", "Ě": "E", "Ĝ": "G", "Ğ": "G", "Ġ": "G", "Ģ": "G", "Ĥ": "H",
    "Ħ": "H", "Ì": "I", "Í": "I", "Î": "I", "Ï": "I", "Ĩ": "I", "Ī": "I", "Ĭ": "I",
    "Į": "I", "İ": "I", "Ĳ": "IJ", "Ĵ": "J", "Ķ": "K", "Ĺ": "L", "Ļ": "L",
    "Ľ": "L", "Ŀ": "L", "Ł": "L", "Ñ": "N", "Ń": "N", "Ņ": "N", "Ň": "N", "Ŋ": "N",
    "Ò": "O", "Ó": "O", "Ô": "O", "Õ": "O", "Ö": "OE", "Ø": "OE", "Ō": "O", "Ŏ": "O",
    "Ő": "O", "Œ": "OE", "Ŕ": "R", "Ŗ": "R", "Ř": "R", "Ś": "S", "Ŝ": "S", "Ş": "S",
    "Š": "S", "Ș": "S", "ẞ": "SS", "Ţ": "T", "Ț": "T", "Ť": "T", "Ŧ": "T", "Þ": "TH",
    "Ù": "U", "Ú": "U", "Û": "U", "Ü": "UE", "Ũ": "U", "Ū": "U", "Ŭ": "U", "Ů": "U",
    "Ű": "U", "Ų": "U", "Ŵ": "W", "Ý": "Y", "Ŷ": "Y", "Ÿ": "Y", "Ź": "Z", "Ż": "Z",
    "Ž": "Z",
}
# Lower case letters with no upper case of their own in the table.
LATIN_LOWER_ONLY = {"ß": "SS", "ı": "I", "ĸ": "K"}

# The other spellings Doc 9303 6.A allows for the same letter.
LATIN_ALTERNATIVES = {"Ä": ("A",), "Å": ("A",), "Ö": ("O",), "Ü": ("U", "UXX"),
                      "Ñ": ("NXX",)}

# Doc 9303 Part 3, 6.B: Cyrillic (Russian, with the Ukrainian, Belarusian,
# Serbian, Macedonian and Bulgarian letters).
CYRILLIC = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Ґ": "G", "Ѓ": "G", "Д": "D", "Ђ": "D",
    "Е": "E", "Ё": "E", "Є": "IE", "Ж": "ZH", "З": "Z", "Ѕ": "DZ", "И": "I", "І": "I",
    "Ї": "I", "Й": "I", "Ј": "J", "К": "K", "Ќ": "K", "Л": "L", "Љ": "LJ", "М": "M",
    "Н": "N", "Њ": "NJ", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "Ћ": "C",
    "У": "U", "Ў": "U", "Ф": "F", "Х": "KH", "Ц": "TS", "Ч": "CH", "Џ": "DZ", "Ш": "SH",
    "Щ": "SHCH", "Ъ": "IE", "Ы": "Y", "Ь": "", "Э": "E", "Ю": "IU", "Я": "IA",
    "Ѫ": "U", "Һ": "C",
}

# Doc 9303 Part 3, 6.C: Arabic.
ARABIC = {
    "ء": "XE", "آ": "XAA", "أ": "XAE", "ؤ": "U", "إ": "I", "ئ": "XI", "ا": "A", "ب": "B",
    "ت": "T", "ث": "XTH", "ج": "J", "ح": "XH", "خ": "XKH", "د": "D", "ذ": "XDH", "ر": "R",
    "ز": "Z", "س": "S", "ش": "XSH", "ص": "XSS", "ض": "XDZ", "ط": "XTT", "ظ": "XZZ",
    "ع": "E", "غ": "G", "ف": "F", "ق": "Q", "ك": "K", "ل": "L", "م": "M", "ن": "N",
    "ه": "H", "و": "W", "ى": "XAY", "ي": "Y", "ٱ": "XXA", "پ": "P", "چ": "XC", "ژ": "XJ",
    "ک": "XKK", "گ": "XGG", "ی": "XYA",
}

SEPARATORS = " -\u2010\u2011\u2012\u2013\u2014\u00a0\t,.;/_<"
DROPPED = "'\u2019\u2018`\u02bc\u02bf\u02be\u0640"  # apostrophes, ayn/hamza marks, tatweel

_TABLE: dict[str, str] = {}
for _upper, _latin in (*LATIN.items(), *CYRILLIC.items()):
    _TABLE[_upper] = _latin
    _lower = _upper.lower()
    if len(_lower) == 1 and _lower != _upper:
        _TABLE[_lower] = _latin
_TABLE.update(LATIN_LOWER_ONLY)
_TABLE.update(ARABIC)


def script_of(text: str) -> str | None:
    """The script of the first letter of ``text``: ``Latin``, ``Cyrillic``, ``Arabic`` or other."""
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            return name.split(" ", 1)[0].capitalize() if name else None
    return None


def transliterate_char(char: str) -> str:
    """One character in the MRZ letters; ``''`` for marks and what no table covers."""
    if "A" <= char <= "Z":
        return char
    if "a" <= char <= "z":
        return char.upper()
    if char in _TABLE:
        return _TABLE[char]
    # Letters the tables do not list: drop the combining marks and try again
    # (Doc 9303 6.A maps every accented Latin letter to its base letter).
    base = unicodedata.normalize("NFD", char)[0]
    if base != char:
        return transliterate_char(base)
    return ""


def to_mrz(text: str) -> str:
    """``text`` in the MRZ letters, parts separated by one filler ``<``."""
    parts: list[str] = []
    current: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char in SEPARATORS or char.isspace():
            if current:
                parts.append("".join(current))
                current = []
        elif char not in DROPPED:
            current.append(transliterate_char(char))
    if current:
        parts.append("".join(current))
    return "<".join(p for p in parts if p)
