"""No string of the desk's screens is untranslated, and no translation breaks a placeholder.

The strings are found in the code itself (not by trusting lupdate): every
``QCoreApplication.translate``/``t``/``QT_TRANSLATE_NOOP`` call with literal
arguments. Each must be in every ``.ts`` with a finished translation whose
``{placeholders}`` (and Qt's ``%1``/``%n``) are the source's, as Electrum
refuses a translation whose placeholders differ.
"""

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import borderdesk.ui
import pytest

UI = Path(borderdesk.ui.__file__).parent
# Words the ui shows that are written below it (the match reasons, one table for English
# and the screens): their templates are the source strings.
BELOW = [UI.parent / "watchlist" / "reasons.py"]
TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = ("fr", "ar")
CALLS = {"t", "translate", "QT_TRANSLATE_NOOP"}
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|%\d")


def _self_tr(tree):
    """``self.tr("text")`` inside a class: context is the class's name."""
    for cls in ast.walk(tree):
        if isinstance(cls, ast.ClassDef):
            for node in ast.walk(cls):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "tr" and node.args
                        and isinstance(node.args[0], ast.Constant)
                        and isinstance(node.args[0].value, str)):
                    yield cls.name, node.args[0].value


def strings_in_code():
    found = set()
    for path in sorted(UI.rglob("*.py")) + BELOW:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found.update(_self_tr(tree))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(
                node.func, "id", None)
            context, text = node.args[:2]
            if (name in CALLS and isinstance(context, ast.Constant)
                    and isinstance(text, ast.Constant) and isinstance(text.value, str)):
                found.add((context.value, text.value))
    return found


def translations(language):
    tree = ET.parse(TRANSLATIONS / f"borderdesk_{language}.ts")
    out = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            element = message.find("translation")
            out[(name, message.findtext("source"))] = (element.text or "", element.get("type"))
    return out


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def test_the_code_has_strings_to_translate():
    found = strings_in_code()
    assert ("Verdict", "HIT") in found and ("Check", "Waiting for a document") in found
    assert ("Reason", "birth date same year") in found
    assert len(found) > 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language):
    table = translations(language)
    missing = sorted(s for s in strings_in_code() if s not in table)
    assert missing == [], f"not in borderdesk_{language}.ts (run tools/translations update)"
    unfinished = sorted(key for key in strings_in_code()
                        if not table[key][0].strip() or table[key][1] in ("unfinished",
                                                                           "obsolete", "vanished"))
    assert unfinished == [], f"untranslated in borderdesk_{language}.ts"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_match(language):
    wrong = [(key, text) for key, (text, _) in translations(language).items()
             if text and placeholders(text) != placeholders(key[1])]
    assert wrong == []


def test_the_check_catches_a_broken_placeholder():
    assert placeholders("EXPIRED on {date}") != placeholders("Expiré le {data}")
