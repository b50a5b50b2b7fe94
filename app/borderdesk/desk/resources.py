"""Where the files that ship with borderdesk are: ``resources/`` at the top of the tree.

Icons, translations, sounds, demo data, models. An installed desk may keep them
elsewhere and name the folder in ``BORDERDESK_RESOURCES``. In the application
PyInstaller builds (``packaging/borderdesk.spec``) they are ``resources/`` in
the bundle's folder, which PyInstaller names in ``sys._MEIPASS``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_TREE = Path(__file__).resolve().parents[3] / "resources"


def _shipped() -> Path:
    bundle = getattr(sys, "_MEIPASS", None) if getattr(sys, "frozen", False) else None
    return Path(bundle) / "resources" if bundle else _TREE


def resources_dir() -> Path:
    return Path(os.environ.get("BORDERDESK_RESOURCES") or _shipped())


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
