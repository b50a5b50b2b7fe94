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
  A, OU, I and no short vowels; such a token is compared by its consonant
  skeleton (:func:`borderdesk.watchlist.names.skeleton`), which is written
  the same way from either script.

Prefixes written together with the next word in Arabic script are split off:
the article ال (EL), عبد (ABD) and أبو (ABOU).

>>> latin_words('Jürgen Müller')
[('JUERGEN', False), ('MUELLER', False)]
>>> latin_words('Юсуф Джамалов')
[('IUSUF', False), ('DZHAMALOV', False)]
>>> latin_words('محمد عبد القادر')
[('MOHAMED', True), ('ABD', True), ('KADER', True)]
>>> latin_words('عبدالله بن سالم')
[('ABDALLAH', True), ('BEN', True), ('SALEM', True)]
>>> arabic_reading('بوتفليقة')
'BOUTFLIKA'
"""

from __future__ import annotations

import re
import unicodedata

from ..mrz.transliterate import script_of, to_mrz
from .arabic_names import ARABIC_NAMES

# Letter-by-letter reading of Arabic script, in the French-leaning spelling of
# North African documents (ش CH, ج DJ read back as J by the folding rules).
_LETTERS = {
    "ا": "A", "أ": "A", "إ": "I", "آ": "A", "ٱ": "A", "ء": "", "ؤ": "OU", "ئ": "I",
    "ب": "B", "ت": "T", "ث": "TH", "ج": "DJ", "ح": "H", "خ": "KH", "د": "D", "ذ": "DH",
    "ر": "R", "ز": "Z", "س": "S", "ش": "CH", "ص": "S", "ض": "D", "ط": "T", "ظ": "Z",
    "ع": "", "غ": "GH", "ف": "F", "ق": "K", "ك": "K", "ل": "L", "م": "M", "ن": "N",
    "ه": "H", "و": "OU", "ي": "I", "ى": "A", "ة": "A", "پ": "P", "چ": "CH", "ژ": "J",
    "ڤ": "V", "ڨ": "G", "گ": "G", "ک": "K", "ی": "I",
}
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
    """The usual Latin spelling of an Arabic word, or its letter-by-letter reading."""
    word = _HARAKAT.sub("", word)
    known = ARABIC_NAMES.get(word)
    if known:
        return known
    out = []
    for i, char in enumerate(word):
        latin = _LETTERS.get(char, "")
        if char == "و" and i == 0:
            latin = "W"
        elif char == "ي" and i == 0:
            latin = "Y"
        out.append(latin)
    return "".join(out)


def _arabic_words(word: str) -> list[str]:
    """One Arabic word, with the prefixes written together with it split off."""
    word = _HARAKAT.sub("", word)
    if word in _ARABIC_SEPARATE:
        return [_ARABIC_SEPARATE[word]]
    if word in ARABIC_NAMES:
        return [ARABIC_NAMES[word]]
    for prefix, latin in _ARABIC_PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= 2:
            if rest in ("له", "لله"):  # عبدالله: the article of Allah
                return [*latin[:1], "ALLAH"]
            return [*latin, *_arabic_words(rest)]
    return [arabic_reading(word)]


def latin_words(text: str) -> list[tuple[str, bool]]:
    """``text`` as upper-case Latin words, each with whether it was written in Arabic script."""
    words: list[tuple[str, bool]] = []
    text = unicodedata.normalize("NFC", text)
    for chunk in _SPLIT.split(text):
        if not chunk:
            continue
        if script_of(chunk) == "Arabic" or _ARABIC_WORD.search(chunk):
            for piece in _ARABIC_WORD.findall(chunk):
                words.extend((w, True) for w in _arabic_words(piece) if w)
            rest = _ARABIC_WORD.sub(" ", chunk)
            words.extend((w, False) for w in to_mrz(rest).split("<") if w)
        else:
            words.extend((w, False) for w in to_mrz(chunk).split("<") if w)
    return words
