"""Shared test set-up: Qt offscreen, a private data directory for every test."""

import os

import pytest

# GUI tests render offscreen unless a display is chosen on purpose (screenshots).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Each test gets its own desk state; nothing touches the real data directory."""
    home = tmp_path / "desk"
    home.mkdir()
    monkeypatch.setenv("BORDERDESK_HOME", str(home))
    monkeypatch.setenv("BORDERDESK_CONFIG", str(tmp_path / "no-system-config.toml"))
    return home
