"""The rules for names: normalisation, variant folding, keys, name similarity.

A name in any script becomes a :class:`PreparedName` (:func:`prepare_name`):
a compact, picklable value a list publisher computes once, at bundle build
time, and a desk computes for the document in a few microseconds.

The API (persons in :mod:`borderdesk.watchlist.persons`):

* ``prepare_name(surname, given_names="", full_name="", *, truncated=False)``
  → :class:`PreparedName` (pickles; ``as_json`` / ``from_json`` for a payload);
* ``name_forms(surname, given_names, full_name)`` → the spellings a list's name
  is stored in (a Cyrillic name also in its German spelling); what the store
  prepares a record's names with (``prepare_person`` calls it);
* ``candidate_keys(name)`` for the index of a list's names,
  ``candidate_keys(name, query=True)`` for the document's name: the two sides
  differ (the document side adds the one-typo neighbours), so build with the
  first and look up with the second; a key is a short ``str``;
* ``compare_names(query, record)`` → :class:`NameComparison` (score in [0, 1],
  the words paired, ``describe()`` in words);
* ``persons.PersonQuery.from_document(doc)``, ``persons.prepare_person(names,
  birth_date, nationality, sex)`` → ``PreparedPerson`` (``as_json`` /
  ``from_json``), ``persons.score_person(query, person, config)`` →
  ``(score, Level.HIT | Level.POSSIBLE | None, reasons)``, with ``config`` the
  ``[screening]`` section (``hit``, ``possible``).

1. **Latin letters.** Latin with diacritics and Cyrillic through the ICAO
   Doc 9303 Part 3 section 6 tables, the way the issuer wrote the MRZ
   (``Müller`` → ``MUELLER``, ``Щербаков`` → ``SHCHERBAKOV``); Arabic script
   through :mod:`borderdesk.watchlist.translit` (usual spellings of common
   names, else a letter-by-letter reading compared by consonant skeleton).
   The MRZ form (``BENALI<<MOHAMED<AMINE``) is accepted as it is.
2. **Name elements.** ``ABD``/``ABDEL``/``ABDUL`` + (article) + name become
   one word (``ABD EL KADER`` = ``ABDELKADER`` = ``ABDUL QADIR``); ``ABOU``
   likewise (``ABOU BAKR`` = ``ABOUBAKR``). The article (``EL``, ``AL``, and
   its sun-letter forms ``ER``, ``ES``, ``ED`` … as in ``ABDERRAHMANE``,
   ``ESSAIDI``) and the filiation particles ``BEN``/``BIN``/``IBN``/``BENT``/
   ``OULD``/``AIT`` are not words of their own: they are kept for display and
   dropped from the comparison; when written together with the name
   (``BENALI``, ``AITOUBELLA``, ``ELHOUSSEINI``) the comparison also tries
   the word without them.
3. **Folding** (:func:`fold`) brings the spellings of one sound together:
   ``DJ``/``DZH``/``ZH`` → ``J``, ``SH``/``SCH``/``TCH``/``CH`` → one letter,
   ``KH`` → ``K``, ``GH`` → ``G``, ``PH`` → ``F``, ``TH`` → ``T``, ``DH`` → ``D``,
   ``Q``/``C``/``CK`` → ``K``, ``OU``/``OO``/``W``/``O`` → ``U``, ``Y`` → ``I``,
   ``X`` → ``KS``, doubled letters single, a final mute ``E`` after a consonant
   dropped: ``MOHAMMED`` and ``MUHAMED`` both fold to ``MUHAMED``.
4. **Skeleton** (:func:`skeleton`): the consonants of the folded word in
   classes (``B P``, ``F V``, ``K G``…), vowels dropped — written the same way
   from Arabic script, which has no short vowels; it is the phonetic key of a
   word.

Two names are compared (:func:`compare_names`) word by word, in any order:
each word of one name is paired with at most one word of the other, a pair
counts when the folded words are close (Damerau-Levenshtein, so one typo in a
long word is allowed) or, for a word read from Arabic script, when the
skeletons agree; a word the MRZ truncated matches the words it begins
(:attr:`PreparedName.truncated`), an initial the words it begins. Words the
shorter name lacks cost little (missing middle names); a word of the shorter
name with no counterpart costs more.

Candidate keys (:func:`candidate_keys`): pairs of word skeletons, in any
order; the document's side adds the skeletons one consonant edit away, so
that one typo still finds the name — an index of the names of a list by
these keys finds, for a document, the few names worth scoring.

>>> p = prepare_name('BEN ALI', 'Mohammed Abd el Kader')
>>> p.words
('BENALI', 'MUHAMED', 'ABDKADER')
>>> fold('ABDULQADIR'), fold('MOUHAMMAD'), fold('DJAMEL'), fold('CHERIF')
('ABDKADIR', 'MUHAMAD', 'JAMEL', 'xERIF')
>>> skeleton('MUHAMED'), skeleton(fold('ABDULQADIR'))
('MHMD', 'BDKDR')
>>> compare_names(prepare_name('BENALI', 'MOHAMED'), prepare_name('', '', 'محمد بن علي')).score
1.0
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from rapidfuzz.distance import OSA

from .arabic_names import ARABIC_NAMES, SHARED_SPELLINGS
from .reasons import Reason
from .translit import german_cyrillic, has_cyrillic, latin_words

# Filiation particles and articles: kept for display, never a word of their own.
PARTICLES = frozenset({
    "BEN", "BIN", "IBN", "BENT", "BINT", "OULD", "OULED", "ULD", "AIT", "AYT", "AITH",
    "EL", "AL", "UL", "OUL", "ER", "ES", "ED", "ET", "EZ", "EN", "ECH", "ESH", "AR", "AS",
    "AD", "AT", "AZ", "AN", "ASH", "ASS", "ADH", "ETH",
})
_ARTICLES = PARTICLES - {"BEN", "BIN", "IBN", "BENT", "BINT", "OULD", "OULED", "ULD", "AIT",
                         "AYT", "AITH"}
# Prefixes that form one name with the next word (ABD EL KADER, ABOU BAKR), the
# article between them dropped.
_JOINING = {"ABD": "ABD", "ABDEL": "ABD", "ABDUL": "ABD", "ABDOUL": "ABD", "ABDAL": "ABD",
            "ABDIL": "ABD", "ABDELL": "ABD", "ABOU": "ABU", "ABU": "ABU", "ABO": "ABU"}
# Filiation particles: written together with the next word (BEN ALI = BENALI), and
# that word is also tried alone (BENALI = ALI): see word_similarity.
_FILIATION = {"BEN": "BEN", "BIN": "BEN", "IBN": "BEN", "BENT": "BENT", "BINT": "BENT",
              "OULD": "ULD", "OULED": "ULD", "ULD": "ULD", "AIT": "AIT", "AYT": "AIT",
              "AITH": "AIT"}
_GLUED = ("BENT", "BEN", "ULD", "AIT")
# Second halves of compound names, joined to the word before (NOUR EDDINE,
# NASR ALLAH), in folded spelling: what they are joined as.
_COMPOUND = {"DIN": "EDIN", "EDIN": "EDIN", "UDIN": "EDIN", "ADIN": "EDIN", "ALA": "ALA",
             "ULA": "ALA", "ELA": "ALA"}

TOKEN_MATCH = 0.75  # least similarity at which two words count as the same name
EGYPTIAN_G = 0.95  # G written for ج (GAMAL for JAMAL): a spelling, not quite the same letters

_ABD = re.compile(r"^ABD[AEIOU]{1,2}(?:L|(?=([TDRZSN])\1))(?=[A-Z]{2})")
_BIN = re.compile(r"^(?:BIN|IBN)(?=[A-Z]{3})")
_GLUED_ARTICLE = re.compile(
    r"^(?:EL|AL|UL)(?=[B-DF-HJ-NP-TV-Z][A-Z]{3})|^[AE](?=([TDRZSN])\1[A-Z]{3})|^ECH(?=CH)")
_FOLDS = (
    ("X", "KS"), ("DZH", "J"), ("DJ", "J"), ("ZH", "J"), ("TCH", "x"), ("SCH", "x"),
    ("SH", "x"), ("CH", "x"), ("KH", "K"), ("GH", "G"), ("PH", "F"), ("TH", "T"),
    ("DH", "D"), ("CK", "K"), ("Q", "K"), ("CE", "SE"), ("CI", "SI"), ("CY", "SY"),
    ("C", "K"), ("UE", "U"), ("OE", "O"), ("AE", "A"), ("OU", "U"), ("OO", "U"),
    ("W", "U"), ("Y", "I"), ("O", "U"),
)
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = frozenset("AEIU")
_CLASSES = str.maketrans({"P": "B", "V": "F", "G": "K", "Z": "S", "A": None, "E": None,
                          "I": None, "U": None})


def fold(word: str) -> str:
    """One upper-case Latin word in the folded spelling (see the module's rule 3)."""
    word = _ABD.sub("ABD", word)
    word = _BIN.sub("BEN", word)
    word = _GLUED_ARTICLE.sub("", word)
    for old, new in _FOLDS:
        if old in word:
            word = word.replace(old, new)
    word = _DOUBLE.sub(r"\1", word)
    if len(word) > 3 and word[-1] == "E" and word[-2] not in _VOWELS:
        word = word[:-1]
    return word


def skeleton(folded: str) -> str:
    """The consonant classes of a folded word: its phonetic key (rule 4)."""
    return _DOUBLE.sub(r"\1", folded.translate(_CLASSES))


@dataclass(frozen=True, slots=True)
class PreparedName:
    """A name ready for comparison: what :func:`prepare_name` returns.

    ``words`` are the folded words that count (particles dropped), in the
    order given (surname first); ``roles`` says for each whether it came from
    the surname (``s``), the given names (``g``) or a full name (``f``);
    ``arabic`` whether it was read from Arabic script (``1``) or not (``0``).
    ``display`` is the name in Latin letters, particles included.
    """

    words: tuple[str, ...]
    skeletons: tuple[str, ...]
    roles: str
    arabic: str
    display: str
    truncated: bool = False
    spelt: tuple[str, ...] = ()  # each word as written (joined the same way), before folding

    def as_json(self) -> list:
        return [list(self.words), list(self.skeletons), self.roles, self.arabic,
                self.display, self.truncated, list(self.spelt)]

    @classmethod
    def from_json(cls, value: list) -> PreparedName:
        words, skels, roles, arabic, display, truncated, *spelt = value
        return cls(tuple(words), tuple(skels), roles, arabic, display, bool(truncated),
                   tuple(spelt[0]) if spelt else ())


def _split_mrz(surname: str, given: str, full: str) -> tuple[str, str, str]:
    """Accept the MRZ form ``SURNAME<<GIVEN<NAMES`` in any of the three fields."""
    for text in (full, surname):
        if "<<" in text:
            primary, _, secondary = text.strip("<").partition("<<")
            return primary, secondary, ""
    return surname, given, full


def _words(text: str, role: str) -> list[tuple[str, str, bool]]:
    return [(w, role, arabic) for w, arabic in latin_words(text)]


def prepare_name(surname: str = "", given_names: str = "", full_name: str = "", *,
                 truncated: bool = False) -> PreparedName:
    """A name in any script (or MRZ form) ready for :func:`compare_names`.

    ``truncated``: the MRZ cut the name (``Document.name_truncated``), so its
    last word may be the beginning of a longer one, and words may be missing.
    """
    surname, given_names, full_name = _split_mrz(surname, given_names, full_name)
    raw = (_words(surname, "s") + _words(given_names, "g") + _words(full_name, "f"))
    # First pass: joined prefixes (ABD, ABOU), articles, compounds; particles marked.
    items: list[list] = []  # [form, role, letters, particle, as written]
    i = 0
    while i < len(raw):
        word, role, letters = raw[i]
        i += 1
        has_next = i < len(raw) and raw[i][1] == role
        spelt = word
        if word in _JOINING and not has_next and truncated and i == len(raw):
            form = _JOINING[word]  # ABDUL cut off by the MRZ: ABDUL + the name that followed
        elif word in _JOINING and has_next:
            if raw[i][0] in _ARTICLES and i + 1 < len(raw) and raw[i + 1][1] == role:
                i += 1
            nxt, _, letters = raw[i]
            head = _JOINING[word]
            form = head + nxt if letters else fold(head + nxt)
            spelt = word + nxt
            i += 1
        elif word in _FILIATION:
            items.append([_FILIATION[word], role, False, True, word])
            continue
        elif word in _ARTICLES and has_next:
            continue
        else:
            form = word if letters else fold(word)
            if (form in _COMPOUND and items and items[-1][1] == role
                    and not items[-1][3]):
                items[-1][0] += _COMPOUND[form]
                items[-1][4] += word
                continue
        if form:
            items.append([form, role, letters, False, spelt])
    # Second pass: a filiation particle is written together with the next word.
    words: list[str] = []
    roles: list[str] = []
    arabic: list[str] = []
    spelling: list[str] = []
    for k, (form, role, letters, particle, spelt) in enumerate(items):
        if particle:
            continue
        if k and items[k - 1][3] and items[k - 1][1] == role:
            form = items[k - 1][0] + form
            spelt = items[k - 1][4] + spelt
        words.append(form)
        spelling.append(spelt)
        roles.append(role)
        arabic.append("1" if letters else "0")
    display = " ".join(w for w, _, _ in raw)
    return PreparedName(tuple(words), tuple(skeleton(w) for w in words), "".join(roles),
                        "".join(arabic), display, truncated, tuple(spelling))


def name_forms(surname: str = "", given_names: str = "", full_name: str = ""
               ) -> tuple[PreparedName, ...]:
    """The spellings worth comparing a list's name in: :func:`prepare_name`, and for a
    name in Cyrillic also its German (Duden) spelling when that folds differently
    (``Жуков``: ZHUKOV and SCHUKOW). A list's store prepares its names with this."""
    first = prepare_name(surname, given_names, full_name)
    if not has_cyrillic(surname + given_names + full_name):
        return (first,)
    german = prepare_name(german_cyrillic(surname), german_cyrillic(given_names),
                          german_cyrillic(full_name))
    return (first,) if german.words == first.words else (first, german)


# -- keys ---------------------------------------------------------------------------------

_MAX_KEY_WORDS = 6


_SKELETON_LETTERS = "BDFHJKLMNRSTx"


def _neighbours(skel: str) -> set[str]:
    """The skeleton and every skeleton one edit away (a consonant dropped, added,
    changed, or two swapped): what one typo in a consonant makes of it."""
    out = {skel}
    for i in range(len(skel)):
        out.add(skel[:i] + skel[i + 1:])
        for c in _SKELETON_LETTERS:
            out.add(skel[:i] + c + skel[i + 1:])
        if i + 1 < len(skel):
            out.add(skel[:i] + skel[i + 1] + skel[i] + skel[i + 2:])
    for i in range(len(skel) + 1):
        for c in _SKELETON_LETTERS:
            out.add(skel[:i] + c + skel[i:])
    out.discard("")
    return {_DOUBLE.sub(r"\1", n) for n in out}


def _key_entries(prepared: PreparedName) -> list[tuple[str, str, int, str]]:
    """(first letter, skeleton, word number, first letter as written) of the words that
    count for keys; a word written with a filiation particle (BENALI) also as the word
    without it (ALI)."""
    entries = []
    spelt = prepared.spelt if len(prepared.spelt) == len(prepared.words) else prepared.words
    for n, (w, s) in enumerate(zip(prepared.words, prepared.skeletons)):
        if not s:
            continue
        entries.append((w[0], s, n, spelt[n][:1]))
        prefix = _glued_prefix(w)
        rest = w[len(prefix):]
        if prefix and skeleton(rest):
            entries.append((rest[0], skeleton(rest), n, rest[0]))
        if len(entries) >= _MAX_KEY_WORDS:
            break
    return entries


def _pair(kind: str, x: str, y: str) -> str:
    return f"{kind}:{x}|{y}" if x <= y else f"{kind}:{y}|{x}"


def candidate_keys(prepared: PreparedName, *, query: bool = False) -> set[str]:
    """Keys for an inverted index of names: index a list's names with
    ``candidate_keys(name)``, look a document's name up with
    ``candidate_keys(name, query=True)``; a name the scorer flags shares a key.

    The keys of a list's name, for every pair of its words: their two
    skeletons (``p:``); the skeleton of one with the first two consonants of
    the other (``b:``, for a word the MRZ truncated); where one word has at most
    two consonants (ALI, AMINA), the skeleton of the other with the first letter
    of the short one (``i:``). A name of a single word: that word's skeleton
    (``w:``).

    The document's side asks for more: each pair also with either skeleton one
    consonant edit away (:func:`_neighbours`; a typo in a vowel leaves the
    skeleton as it is), and the skeleton of each word alone (to find a list
    name of a single word). So the index stays small, and a typo costs lookups
    rather than long candidate lists.
    """
    entries = _key_entries(prepared)
    key_set = set(key_words(prepared))
    keys: set[str] = set()
    # A word of vowels only (IUIA, a typo of IULIIA) has no skeleton: its first letter.
    spelt = prepared.spelt if len(prepared.spelt) == len(prepared.words) else prepared.words
    for n, skel in enumerate(prepared.skeletons):
        if not skel and spelt[n]:
            keys.update(f"f:{s}|{spelt[n][0]}" for _, s, m, _ in entries
                        if m != n and len(s) >= 3)
    if len(entries) <= 1 or query:
        keys.update("w:" + s for _, s, _, _ in entries)
    for (fa, sa, na, la), (fb, sb, nb, lb) in combinations(entries, 2):
        if na == nb:
            continue  # a word and itself without its particle
        if query:
            for x in _neighbours(sa):
                keys.add(_pair("p", x, sb))
            for y in _neighbours(sb):
                keys.add(_pair("p", sa, y))
        else:
            keys.add(_pair("p", sa, sb))
        keys.add(f"b:{sa}|{sb[:2]}")
        keys.add(f"b:{sb}|{sa[:2]}")
        # A word with a typo that broke a digraph (BSAHIR for BASHIR, KNAMARI for
        # KHAMARI) is two consonants off: the other word's skeleton with its first
        # letter as written still finds it (a long enough skeleton keeps these lists short).
        # Only between the key words (the surname, the first given name): few keys more.
        if na in key_set and nb in key_set:
            if len(sa) >= 3 and lb:
                keys.update(f"f:{x}|{lb}" for x in (_neighbours(sa) if query else (sa,))
                            if len(x) >= 3)
            if len(sb) >= 3 and la:
                keys.update(f"f:{y}|{la}" for y in (_neighbours(sb) if query else (sb,))
                            if len(y) >= 3)
        if len(sb) <= 2:
            keys.add(f"i:{sa}|{fb}")
        if len(sa) <= 2:
            keys.add(f"i:{sb}|{fa}")
    return keys


# -- comparison ---------------------------------------------------------------------------

# Which Latin vowels (folded) a long vowel of Arabic script is written with.
_LONG_VOWELS = {"A": "AE", "U": "U", "I": "IE"}


def _arabic_in_latin(letters: str, latin: str) -> bool:
    """Whether a letter-by-letter reading of Arabic script is ``latin`` with short
    vowels left out: its letters, in order, each found in ``latin`` (a long vowel
    as a vowel it is written with; a leading one may be left out, since a leading
    alif or ayn carries any vowel)."""
    pos = 0
    for n, char in enumerate(letters):
        allowed = _LONG_VOWELS.get(char, char)
        found = -1
        for k in range(pos, len(latin)):
            if latin[k] in allowed:
                found = k
                break
            if char not in _LONG_VOWELS and latin[k] not in "AEIU":
                return False  # a consonant of the Latin word the Arabic one lacks
        if found < 0:
            if n == 0 and char in _LONG_VOWELS:
                continue
            return False
        pos = found + 1
    return all(c in "AEIU" for c in latin[pos:])


@lru_cache(maxsize=1 << 16)
def word_similarity(a: str, b: str, letters: bool = False, depth: int = 0) -> float:
    """How alike two folded words are, in [0, 1].

    Damerau-Levenshtein (optimal string alignment) on the folded words; words
    with the same skeleton that differ only in vowels count as spelling
    variants (MASOUDI, MESSAOUDI). ``letters``: one of them is a
    letter-by-letter reading of Arabic script, whose short vowels are unknown:
    it matches a Latin word that is its letters with short vowels put in
    (عتيبي, read TIBI, matches OTAIBI), and nearly matches one with the same
    consonants. Names repeat, so the results are cached (64 k pairs, some 15 MB).
    """
    if a == b:
        return 1.0
    skel_a, skel_b = skeleton(a), skeleton(b)
    longest = max(len(a), len(b))
    edits = OSA.distance(a, b)
    sim = plain = 1.0 - edits / longest if longest else 0.0
    if edits == 1 and longest >= 4:
        sim = max(sim, 0.8)  # one typo
    elif sim < TOKEN_MATCH:
        # Vowels are what transliterations and typists vary most: average in the
        # likeness of the consonant frames (vowel runs as one mark).
        # Only frames alike in every consonant make a match of it (ENEZI, ANAZI).
        fa, fb = _frame(a), _frame(b)
        frame_edits = OSA.distance(fa, fb)
        average = (sim + 1.0 - frame_edits / max(len(fa), len(fb))) / 2
        sim = max(sim, average if frame_edits == 0 else min(average, TOKEN_MATCH - 0.01))
    if skel_a == skel_b and skel_a:
        if letters:
            if _arabic_in_latin(a, b) or _arabic_in_latin(b, a):
                sim = max(sim, 0.92)
            elif len(skel_a) >= 2:
                sim = max(sim, 0.8)
        elif len(skel_a) >= 3 and plain >= 0.6:
            sim = max(sim, 0.8)
    elif letters and len(skel_a) >= 4 and len(skel_b) >= 4 and OSA.distance(skel_a, skel_b) == 1:
        sim = max(sim, 0.76)
    elif (WEAK_MATCH <= sim < TOKEN_MATCH and a[0] == b[0] and len(skel_a) >= 2
          and len(skel_b) >= 2 and edits <= 2 and OSA.distance(skel_a, skel_b) <= 1):
        # A typo on top of a spelling variant (FHTEMA for FATEMA against FATIMA):
        # same first letter, two edits at most, the consonants one edit apart.
        # Counts, just.
        sim = TOKEN_MATCH
    if letters and depth == 0:
        # A Latin TH, KH, SH, DH may stand for two Arabic letters (FATHI: ف ت ح ي).
        fa, fb = fold(a), fold(b)
        if (fa, fb) != (a, b):
            sim = max(sim, word_similarity(fa, fb, True, 1))
    if depth == 0 and sim < TOKEN_MATCH and ("G" in a and "J" in b or "J" in a and "G" in b):
        # Egypt and Yemen write ج as G (GAMAL, NAGIB, RAGAB): JAMAL, DJAMEL elsewhere.
        # Then the same consonants, one vowel off at most: GAMAL is JAMEL, not JALAL
        # nor JAMILA.
        ja, jb = a.replace("G", "J"), b.replace("G", "J")
        if (skeleton(ja) == skeleton(jb) and OSA.distance(ja, jb) <= 1
                and not distinct_known_names(ja, jb)):
            sim = max(sim, EGYPTIAN_G * word_similarity(ja, jb, letters, 1))
    # BENALI against ALI; not BENAHMED against AITAHMED (two families).
    prefix_a = _glued_prefix(a)
    prefix_b = _glued_prefix(b)
    if prefix_a and not prefix_b:
        rest = a[len(prefix_a):]
        sim = max(sim, 0.95 * word_similarity(rest, b, letters, 1))
    elif prefix_b and not prefix_a:
        rest = b[len(prefix_b):]
        sim = max(sim, 0.95 * word_similarity(a, rest, letters, 1))
    return sim


_VOWEL_RUN = re.compile("[AEIU]+")
_FRAME_CLASSES = str.maketrans("PVGZD", "BFKTT")


def _frame(word: str) -> str:
    """The consonants in classes (D as T: AHMED, AHMET), each run of vowels one mark."""
    return _VOWEL_RUN.sub("*", word.translate(_FRAME_CLASSES))


def _glued_prefix(word: str) -> str:
    for prefix in _GLUED:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return prefix
    return ""


@dataclass(frozen=True, slots=True)
class NameComparison:
    """The outcome of :func:`compare_names`: a score and which words paired."""

    score: float
    pairs: tuple[tuple[int, int, float], ...]  # (query word, record word, similarity)
    query_words: int
    record_words: int
    query: PreparedName | None = None  # the names compared (two words may have been joined)
    record: PreparedName | None = None
    keys_missing: int = 0  # surname words and first given names, either side, with no match
    key_similarity: float = 1.0  # the least similarity of the document's key words' pairs

    @property
    def lacks_key_name(self) -> bool:
        """Whether a surname word or first given name of either name has no counterpart:
        the name then names a relative as well as it names the person (siblings share
        their family name and their father's name), and needs a birth date to back it."""
        return self.keys_missing > 0

    def describe(self) -> Reason:
        """The name part of the reasons (:mod:`.reasons`)."""
        query, record = self.query, self.record
        strong = [p for p in self.pairs if p[2] >= TOKEN_MATCH]
        if not strong:
            return Reason("names-differ")
        q_roles = {query.roles[i] for i, _, _ in strong}
        all_surname = all(query.roles[i] != "s" or any(i == p[0] for p in strong)
                          for i in range(self.query_words))
        has_given = "g" in query.roles
        given_hit = "g" in q_roles
        if "s" in query.roles and all_surname and (given_hit or not has_given):
            code = "name-full" if given_hit else "name-surname"
        elif "s" in query.roles and all_surname:
            code = "name-surname-not-given"
        elif given_hit and "s" in query.roles:
            code = "name-given-not-surname"
        else:
            code = "name-some"
        notes = []
        if any(query.roles[i] in "sg" and record.roles[j] in "sg" and
               query.roles[i] != record.roles[j] for i, j, _ in strong):
            notes.append(Reason("note-order"))
        if any(s < 1.0 for _, _, s in self.pairs):
            notes.append(Reason("note-spelling"))
        if len(strong) < len(self.pairs):
            notes.append(Reason("note-weak-word"))
        if self.record_words > len(self.pairs) or self.query_words > len(self.pairs):
            notes.append(Reason("note-missing" if not query.truncated else "note-truncated"))
        if any(i not in {p[1] for p in strong} for i in key_words(record)):
            notes.append(Reason("note-key-missing"))
        if notes:
            return Reason("name-notes", name=Reason(code), notes=tuple(notes))
        return Reason(code)



WEAK_MATCH = 0.5  # below TOKEN_MATCH, a pair still tells the words are not unrelated
WEAK_CREDIT = 0.5  # share of its similarity a weak pair is credited with
WEAK_PENALTY = 0.0  # what a weak pair costs besides
KEY_MISS = 0.1  # what a surname word or first given name (either side) without a match costs
UNMATCHED = 0.1  # what a word of the shorter name with no counterpart at all costs
MISSING = 0.02  # what each word of the longer name the shorter one lacks costs (at most 3)
ONE_WORD = 0.8  # a name of one word says little: its score is scaled by this


def key_words(name: PreparedName) -> tuple[int, ...]:
    """The words that name the person rather than the family line: the surname's words
    and the first given name; for a full name (roles ``f``, order unknown) of two words
    or more its first and last words, where the given and the family name stand."""
    if "f" in name.roles:
        n = len(name.words)
        return (0, n - 1) if n >= 2 else ()
    first_given = name.roles.find("g")
    return tuple(i for i, role in enumerate(name.roles) if role == "s" or i == first_given)


def compare_names(query: PreparedName, record: PreparedName) -> NameComparison:
    """How well ``record`` names the person ``query`` names, in [0, 1], any word order.

    Words are paired greedily, best first, each at most once. The score is the
    mean, over the words of the shorter name, of the similarity of its pair
    (:data:`WEAK_CREDIT` of it for a weak pair, 0 with no pair), less
    :data:`UNMATCHED` for each word of the shorter name with no pair at all,
    :data:`KEY_MISS` for each surname word or first given name of either name
    (:func:`key_words`) without a match (the record's not counted when the MRZ
    cut the document's given names off entirely), and :data:`MISSING` for each
    word of the longer name left
    over (none when the MRZ truncated the document's name). At least one pair
    must be a match. When a word is left without a match, two neighbouring
    words written as one on the other side are tried too (ABDEL RAHMAN typed
    ABDRL RAHMAN against ABDERRAHMANE).
    """
    result = _compare(query, record)
    if result.score >= RETRY_FROM and any(
            sim < TOKEN_MATCH for _, _, sim in result.pairs) or (
            result.score >= RETRY_FROM and len(result.pairs) < min(len(query.words),
                                                                   len(record.words))):
        for q in _merges(query):
            result = max(result, _compare(q, record), key=_by_score)
        for r in _merges(record):
            result = max(result, _compare(query, r), key=_by_score)
    return result


RETRY_FROM = 0.3


def _by_score(result: NameComparison) -> float:
    return result.score


def _merges(name: PreparedName) -> list[PreparedName]:
    """``name`` with two neighbouring words of the same part written as one, each way."""
    out = []
    w = name.words
    for i in range(len(w) - 1):
        if name.roles[i] != name.roles[i + 1]:
            continue
        joined = w[i] + w[i + 1]
        words = w[:i] + (joined,) + w[i + 2:]
        sp = name.spelt
        out.append(PreparedName(
            words, name.skeletons[:i] + (skeleton(joined),) + name.skeletons[i + 2:],
            name.roles[:i + 1] + name.roles[i + 2:],
            name.arabic[:i] + max(name.arabic[i], name.arabic[i + 1]) + name.arabic[i + 2:],
            name.display, name.truncated,
            sp[:i] + (sp[i] + sp[i + 1],) + sp[i + 2:] if len(sp) == len(w) else ()))
    return out


# The usual spellings of common Arabic names, folded: two of them with different consonants
# are two names (KHALED and KHALIL, KARIM and KACEM, SAID and SAMIR), however few
# letters apart; vowels alone (MALIK, MALEK) are how transliterations differ.
KNOWN_NAMES = frozenset(fold(latin) for latin in ARABIC_NAMES.values() if latin.isalpha())
DISTINCT_NAMES = 0.6  # what two different known names are at most: a weak pair
_SHARED = frozenset(frozenset((fold(a), fold(b))) for group in SHARED_SPELLINGS
                    for a, b in combinations(group, 2))


def distinct_known_names(a: str, b: str, written_a: str = "", written_b: str = "") -> bool:
    """Whether two folded words are the usual spellings of two different common Arabic
    names (:mod:`.arabic_names`), not one name misspelt: KHALED and KHALIL (other
    consonants); HASSAN and HOUSSEIN, OMAR and AMMAR, AHMED and HAMID (the same
    consonants in Latin letters, the vowels more than one typo apart as written). One
    typo apart with the same consonants (SALEM and SALIM, SAID and SAAD) may be a typo
    of either: not told apart. Nor are the spellings passports print for either name
    (MALIK and MALEK)."""
    if a == b or a not in KNOWN_NAMES or b not in KNOWN_NAMES or frozenset((a, b)) in _SHARED:
        return False
    return skeleton(a) != skeleton(b) or OSA.distance(written_a or a, written_b or b) > 1


@lru_cache(maxsize=1 << 14)
def _one_typo_as_written(a: str, b: str) -> bool:
    """Whether two words as written (before folding) are one typo apart, four letters or more."""
    return max(len(a), len(b)) >= 4 and OSA.distance(a, b) == 1


def _truncated_match(qw: str, rw: str) -> bool:
    """Whether ``rw`` begins with ``qw``, the word the MRZ cut (particles aside)."""
    if rw.startswith(qw):
        return True
    prefix = _glued_prefix(qw)
    rest = qw[len(prefix):]
    return bool(prefix) and len(rest) >= 1 and (
        rw.startswith(rest) or rw.startswith(prefix) and rw[len(prefix):].startswith(rest))


def _compare(query: PreparedName, record: PreparedName) -> NameComparison:
    q, r = query.words, record.words
    if not q or not r:
        return NameComparison(0.0, (), len(q), len(r), query, record)
    last = len(q) - 1
    candidates = []
    r_letters = [flag == "1" for flag in record.arabic]
    q_spelt = query.spelt if len(query.spelt) == len(q) else q
    r_spelt = record.spelt if len(record.spelt) == len(r) else r
    for i, qw in enumerate(q):
        qa = query.arabic[i] == "1"
        for j, rw in enumerate(r):
            sim = 1.0 if qw == rw else word_similarity(qw, rw, qa or r_letters[j])
            if sim < TOKEN_MATCH and _one_typo_as_written(q_spelt[i], r_spelt[j]):
                sim = 0.8  # the typo broke a digraph (RACIHD, CPERIF): fold made it two
            if sim < 1.0 and not (qa or r_letters[j]) and distinct_known_names(
                    qw, rw, q_spelt[i], r_spelt[j]):
                sim = min(sim, DISTINCT_NAMES)
            if sim < 1.0:
                if len(qw) == 1 and rw.startswith(qw):
                    sim = max(sim, 0.85)  # an initial
                elif query.truncated and i == last and len(qw) >= 2 and _truncated_match(qw, rw):
                    sim = max(sim, 0.97)
                elif len(rw) == 1 and qw.startswith(rw):
                    sim = max(sim, 0.85)
            if sim >= WEAK_MATCH:
                candidates.append((sim, i, j))
    candidates.sort(reverse=True)
    used_q: set[int] = set()
    used_r: set[int] = set()
    pairs = []
    for sim, i, j in candidates:
        if i not in used_q and j not in used_r:
            used_q.add(i)
            used_r.add(j)
            pairs.append((i, j, sim))
    if not any(sim >= TOKEN_MATCH for _, _, sim in pairs):
        return NameComparison(0.0, (), len(q), len(r), query, record)
    short = min(len(q), len(r))
    credit = sum(sim if sim >= TOKEN_MATCH else WEAK_CREDIT * sim for _, _, sim in pairs)
    weak = sum(sim < TOKEN_MATCH for _, _, sim in pairs)
    score = credit / short - UNMATCHED * (short - len(pairs)) - WEAK_PENALTY * weak
    # The surname and the first given name of the document are what name a person:
    # one of them with no close counterpart in the record weighs more.
    strong_q = {i for i, _, sim in pairs if sim >= TOKEN_MATCH}
    strong_r = {j for _, j, sim in pairs if sim >= TOKEN_MATCH}
    missing = sum(1 for i in key_words(query) if i not in strong_q)
    if not (query.truncated and "g" not in query.roles):
        missing += sum(1 for j in key_words(record) if j not in strong_r)
    score -= KEY_MISS * missing
    if short == 1:
        score *= ONE_WORD
    extra = max(len(q), len(r)) - len(pairs)
    if not (query.truncated and len(r) > len(q)):
        score -= MISSING * min(extra, 3)
    by_q = {i: sim for i, _, sim in pairs}
    key_sim = min((by_q.get(i, 0.0) for i in key_words(query)), default=1.0)
    return NameComparison(round(max(score, 0.0), 4), tuple(pairs), len(q), len(r), query, record,
                          missing, key_sim)
