"""The desk's languages: English, French and Arabic.

Sources are Qt Linguist files, ``resources/translations/borderdesk_<lang>.ts``
(made and refreshed by ``tools/translations update``, which runs
``pyside6-lupdate`` over this package). They are compiled to ``.qm`` by the
build: ``tools/bootstrap`` runs :func:`compile_all`; and because a fresh
clone, an edited ``.ts`` or a read-only install must still show the right
words, :func:`install` compiles a missing or out-of-date ``.qm`` itself
(``pyside6-lrelease`` ships in PySide6), into the data directory when the
resources folder cannot be written.

The layout direction is set from the language, for the whole application, at
sign-in (as Anki does at start-up): Arabic mirrors the layout. Widgets that
show machine data (the camera image, MRZ text) set left-to-right on
themselves, because Qt's rule is to mirror the layout, never the content.

Dates and numbers a person reads are formatted with :class:`QLocale` for the
language (for Arabic, a Maghreb locale by default: Western digits, the month
names used there; ``[ui] locales`` in the configuration changes it); ICAO
data a machine reads (MRZ lines, ISO dates in logs and exports) never are.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTime, QTranslator
from PySide6.QtWidgets import QApplication

from ..desk.config import data_dir
from ..desk.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("en", "fr", "ar")
NATIVE_NAMES = {"en": "English", "fr": "Français", "ar": "العربية"}
RIGHT_TO_LEFT = frozenset({"ar"})
DEFAULT_LOCALES = {"en": "en_GB", "fr": "fr_FR", "ar": "ar_DZ"}
TRANSLATED = ("fr", "ar")  # English is the source language


class TranslationError(RuntimeError):
    """A translation could not be compiled or loaded."""


def ts_path(language: str) -> Path:
    return resource_path("translations", f"borderdesk_{language}.ts")


def _lrelease() -> str:
    here = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(here) if here.exists() else shutil.which("pyside6-lrelease")
    if not found:
        raise TranslationError("pyside6-lrelease is not installed (it comes with PySide6)")
    return found


def compile_ts(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([_lrelease(), str(source), "-qm", str(target)],
                            capture_output=True, text=True, timeout=60)
    if result.returncode != 0 or not target.exists():
        raise TranslationError(f"lrelease failed on {source.name}: {result.stderr.strip()}")
    return target


def compile_all() -> list[Path]:
    """Compile every ``.ts`` beside itself (the build step; ``tools/bootstrap`` runs it)."""
    return [compile_ts(ts_path(lang), ts_path(lang).with_suffix(".qm")) for lang in TRANSLATED]


def qm_path(language: str) -> Path:
    """A compiled translation no older than its source, compiled now if need be."""
    source = ts_path(language)
    if not source.exists():
        raise TranslationError(f"no translation source for {language!r} ({source})")
    mtime = source.stat().st_mtime
    for candidate in (source.with_suffix(".qm"),
                      data_dir() / "cache" / "translations" / source.with_suffix(".qm").name):
        if candidate.exists() and candidate.stat().st_mtime >= mtime:
            return candidate
    try:
        return compile_ts(source, source.with_suffix(".qm"))
    except (OSError, TranslationError):
        return compile_ts(source, data_dir() / "cache" / "translations"
                          / source.with_suffix(".qm").name)


class Languages:
    """Installs one language at a time in the application."""

    def __init__(self, app: QApplication, locales: dict[str, str] | None = None) -> None:
        self.app = app
        self.locales = {**DEFAULT_LOCALES, **(locales or {})}
        self.current = "en"
        self._translators: list[QTranslator] = []

    def install(self, language: str) -> None:
        if language not in LANGUAGES:
            raise TranslationError(f"unknown language {language!r}")
        for old in self._translators:
            self.app.removeTranslator(old)
        self._translators = []
        if language in TRANSLATED:
            ours = QTranslator(self.app)
            path = qm_path(language)
            if not ours.load(str(path)):
                raise TranslationError(f"cannot load {path}")
            self._translators.append(ours)
            qt_own = QTranslator(self.app)  # Qt's own words (dialog buttons, context menus)
            if qt_own.load(QLocale(self.locales[language]), "qtbase", "_", _qt_translations()):
                self._translators.append(qt_own)
        for t in self._translators:
            self.app.installTranslator(t)
        self.current = language
        QLocale.setDefault(self.locale)
        self.app.setLayoutDirection(
            Qt.RightToLeft if language in RIGHT_TO_LEFT else Qt.LeftToRight)
        log.info("language set to %s", language)

    @property
    def locale(self) -> QLocale:
        return QLocale(self.locales[self.current])


def _qt_translations() -> str:
    from PySide6.QtCore import QLibraryInfo
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


FSI, PDI = "\u2068", "\u2069"  # Unicode bidi isolates (UAX #9, 2.7)


class Words(str):
    """A translated string whose ``format`` isolates each value it puts in.

    A Latin name or badge put into an Arabic sentence ("(O1001)") would
    otherwise be reordered by the bidirectional algorithm; isolated, it
    reads as one unit in either direction.
    """

    def format(self, *args, **kwargs) -> str:
        return str.format(self, *(f"{FSI}{a}{PDI}" for a in args),
                          **{k: f"{FSI}{v}{PDI}" for k, v in kwargs.items()})


def t(context: str, text: str) -> Words:
    """``QCoreApplication.translate`` (lupdate is told ``t`` is its alias)."""
    return Words(QCoreApplication.translate(context, text))


def person_date(value: date | None, fallback: str = "", *, short: bool = False) -> str:
    """A date for a person to read, in the current language's locale (``short``: the
    month abbreviated, where the locale has an abbreviation)."""
    if value is None:
        return fallback
    return QLocale().toString(QDate(value.year, value.month, value.day),
                              "d MMM yyyy" if short else "d MMMM yyyy")


def person_partial_date(iso: str, *, short: bool = False) -> str:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (a list record's partial date) for a person."""
    parts = iso.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            return person_date(date(*numbers), short=short)
        if len(numbers) == 2:
            return QLocale().toString(QDate(numbers[0], numbers[1], 1),
                                      "MMM yyyy" if short else "MMMM yyyy")
    except ValueError:
        return iso
    return iso


def person_time(value: datetime) -> str:
    """A time of day (local time) for a person to read."""
    local = value.astimezone()
    return QLocale().toString(QTime(local.hour, local.minute), "HH:mm")


def person_number(value: int) -> str:
    return QLocale().toString(value)
