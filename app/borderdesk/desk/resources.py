"""Where the files that ship with borderdesk are: ``resources/`` at the top of the tree.

Icons, translations, sounds, demo data, models. An installed desk may keep them
elsewhere and name the folder in ``BORDERDESK_RESOURCES``.
"""

from __future__ import annotations

import os
from pathlib import Path

_TREE = Path(__file__).resolve().parents[3] / "resources"


def resources_dir() -> Path:
    return Path(os.environ.get("BORDERDESK_RESOURCES") or _TREE)


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
