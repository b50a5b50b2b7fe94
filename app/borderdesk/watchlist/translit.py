"""Names in any script to Latin tokens, for screening.

Latin with diacritics and Cyrillic go through the ICAO Doc 9303 Part 3
section 6 tables (:mod:`borderdesk.mrz.transliterate`), the way an issuer
writes the name into the MRZ.

Arabic script writes no short vowels, so no table can give back the spelling
a passport carries (محمد is MOHAMED, MOHAMMED or MUHAMMAD; the ICAO table 6.C
gives MXHMD). Each Arabic word is therefore read two ways:

* the usual Latin spelling of the name, when :mod:`.arabic_names` knows it
  (the common given names and name elements, where short vowels decide between
  names: محمد MOHAMED, محمود MAHMOUD, حامد HAMID, أحمد AHMED);
* otherwise a letter-by-letter reading with the long vowels (ا و ي) as
  A, U, I and no short vowels, straight in the folded spelling; such a word
  is compared by its consonant skeleton as well
  (:func:`borderdesk.watchlist.names.skeleton`), which is written the same
  way from either script.

Prefixes written together with the next word in Arabic script are split off:
the article ال (EL), عبد (ABD) and أبو (ABOU).

>>> latin_words('Jürgen Müller')
[('JUERGEN', False), ('MUELLER', False)]
>>> latin_words('Юсуф Джамалов')
[('IUSUF', False), ('DZHAMALOV', False)]
>>> latin_words('محمد عبد القادر')
[('MOHAMED', False), ('ABD', False), ('KADER', False)]
>>> latin_words('عبدالله بن سالم')
[('ABDALLAH', False), ('BEN', False), ('SALEM', False)]
>>> latin_words('بوتفليقة سهام')
[('BUTFLIKA', True), ('SHAM', True)]
"""

from __future__ import annotations

import re
import unicodedata

from ..mrz.transliterate import script_of, to_mrz
from .arabic_names import ARABIC_NAMES

# Letter-by-letter reading of Arabic script, straight into the folded spelling of
# borderdesk.watchlist.names.fold (one letter for one letter: ش is "x" as CH/SH
# fold to, so that س followed by ه never reads as SH).
_LETTERS = {
    "ا": "A", "أ": "A", "إ": "I", "آ": "A", "ٱ": "A", "ء": "", "ؤ": "U", "ئ": "I",
    "ب": "B", "ت": "T", "ث": "T", "ج": "J", "ح": "H", "خ": "K", "د": "D", "ذ": "D",
    "ر": "R", "ز": "Z", "س": "S", "ش": "x", "ص": "S", "ض": "D", "ط": "T", "ظ": "Z",
    "ع": "", "غ": "G", "ف": "F", "ق": "K", "ك": "K", "ل": "L", "م": "M", "ن": "N",
    "ه": "H", "و": "U", "ي": "I", "ى": "A", "ة": "A", "پ": "B", "چ": "x", "ژ": "J",
    "ڤ": "V", "ڨ": "G", "گ": "G", "ک": "K", "ی": "I",
}
# Cyrillic as German-speaking countries write it (Duden): lists and older
# documents from there spell Жуков SCHUKOW, Евгений JEWGENIJ.
_GERMAN_CYRILLIC = {
    "А": "A", "Б": "B", "В": "W", "Г": "G", "Д": "D", "Е": "E", "Ё": "JO", "Ж": "SCH",
    "З": "S", "И": "I", "Й": "J", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P",
    "Р": "R", "С": "S", "Т": "T", "У": "U", "Ф": "F", "Х": "CH", "Ц": "Z", "Ч": "TSCH",
    "Ш": "SCH", "Щ": "SCHTSCH", "Ъ": "", "Ы": "Y", "Ь": "", "Э": "E", "Ю": "JU", "Я": "JA",
    "І": "I", "Ї": "JI", "Є": "JE", "Ґ": "G", "Ў": "U",
}
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def german_cyrillic(text: str) -> str:
    """Cyrillic letters of ``text`` in the German (Duden) spelling, the rest as it is.

    >>> german_cyrillic('Евгений Жуков')
    'JEWGENIJ SCHUKOW'
    """
    out = []
    previous = " "
    for char in text.upper():
        latin = _GERMAN_CYRILLIC.get(char, char)
        if char == "Е" and not previous.isalpha():
            latin = "JE"
        out.append(latin)
        previous = char
    return "".join(out)


_HARAKAT = re.compile("[\u064b-\u0652\u0670\u0640]")
_SPLIT = re.compile(r"[\s\-\u2010-\u2015,./;_<()]+")
_ARABIC_WORD = re.compile("[\u0600-\u06ff]+")

# Prefixes Arabic writes together with the next word: (prefix, Latin), longest first.
_ARABIC_PREFIXES = (("عبدال", ("ABD", "EL")), ("عبد", ("ABD",)), ("ابو", ("ABOU",)),
                    ("أبو", ("ABOU",)), ("ال", ("EL",)))
_ARABIC_SEPARATE = {"بن": "BEN", "ابن": "BEN", "إبن": "BEN", "بنت": "BENT", "ولد": "OULD",
                    "آيت": "AIT", "ايت": "AIT", "عبد": "ABD", "أبو": "ABOU", "ابو": "ABOU",
                    "ال": "EL", "الله": "ALLAH"}


def arabic_reading(word: str) -> str:
    """The letter-by-letter reading of an Arabic word, already folded (see above)."""
    word = _HARAKAT.sub("", word)
    out = [_LETTERS.get(char, "") for char in word]
    if word[:1] == "ي":
        out[0] = "I"  # a leading ya is a consonant, written Y (folded I): YOUSSEF
    return "".join(out)


def _arabic_words(word: str) -> list[tuple[str, bool]]:
    """One Arabic word as (Latin, read letter by letter), prefixes written with it split off."""
    word = _HARAKAT.sub("", word)
    if word in _ARABIC_SEPARATE:
        return [(_ARABIC_SEPARATE[word], False)]
    if word in ARABIC_NAMES:
        return [(ARABIC_NAMES[word], False)]
    for prefix, latin in _ARABIC_PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= 2:
            if rest in ("له", "لله"):  # عبدالله: the article of Allah
                return [(latin[0], False), ("ALLAH", False)]
            return [*((w, False) for w in latin), *_arabic_words(rest)]
    return [(arabic_reading(word), True)]


def latin_words(text: str) -> list[tuple[str, bool]]:
    """``text`` as upper-case Latin words, each with whether it is a letter-by-letter
    reading of Arabic script (already folded, its short vowels unknown)."""
    words: list[tuple[str, bool]] = []
    text = unicodedata.normalize("NFC", text)
    for chunk in _SPLIT.split(text):
        if not chunk:
            continue
        if script_of(chunk) == "Arabic" or _ARABIC_WORD.search(chunk):
            for piece in _ARABIC_WORD.findall(chunk):
                words.extend(w for w in _arabic_words(piece) if w[0])
            rest = _ARABIC_WORD.sub(" ", chunk)
            words.extend((w, False) for w in to_mrz(rest).split("<") if w)
        else:
            words.extend((w, False) for w in to_mrz(chunk).split("<") if w)
    return words
