"""Changing a desk's settings from the desk itself: the data directory's ``config.toml``.

The supervisor's settings screen changes a few keys (the scanner's serial
port, the "next" key, the idle lock); they are written to
``<data dir>/config.toml`` (the system file is the administrator's and is
never touched). The new file is checked by loading it exactly as the desk
will, written beside the old one and switched in atomically, so a bad value
or a full disk leaves the old settings as they were.

>>> dumps({"desk": {"desk_id": "D-7", "kiosk": True}, "ui": {"locales": {"ar": "ar_MA"}}})
'[desk]\\ndesk_id = "D-7"\\nkiosk = true\\n\\n[ui]\\nlocales = { ar = "ar_MA" }\\n'
"""

from __future__ import annotations

import json
import os
import tempfile
import tomllib
from pathlib import Path

from .config import Config, ConfigError

FILE_NAME = "config.toml"


class SettingsError(ValueError):
    """The settings could not be saved (the message says why); nothing was changed."""


def _value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + " }"
    raise SettingsError(f"cannot write {value!r} as a setting")


def dumps(sections: dict[str, dict]) -> str:
    """TOML for sections of plain keys (what borderdesk's configuration holds)."""
    blocks = []
    for name, table in sections.items():
        lines = [f"[{name}]"] + [f"{key} = {_value(v)}" for key, v in table.items()]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def save(config: Config, changes: dict[str, dict]) -> Config:
    """Write ``changes`` (section -> key -> value) into the data directory's file.

    Returns the configuration as loaded afresh; raises :class:`SettingsError`.
    """
    path = config.data_dir / FILE_NAME
    try:
        current = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path} cannot be read: {exc}") from exc
    for section, values in changes.items():
        current.setdefault(section, {}).update(values)
    text = "# Written by the desk's settings screen.\n" + dumps(current)
    fd, tmp = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=config.data_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        try:
            Config.load([Path(tmp)])
        except ConfigError as exc:
            raise SettingsError(str(exc).replace(tmp, str(path))) from exc
        os.replace(tmp, path)
    except OSError as exc:
        raise SettingsError(f"{path} cannot be written: {exc}") from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return Config.load()
