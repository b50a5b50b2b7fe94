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


# -- PostgreSQL: a real server on loopback, one for the whole run ---------------

import itertools  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
import pgserver  # noqa: E402

_databases = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL cluster (see tests/pgserver.py), or a loud skip."""
    try:
        server = pgserver.Server().start()
    except (pgserver.Unavailable, OSError, pgserver.subprocess.SubprocessError) as exc:
        message = f"POSTGRESQL UNAVAILABLE, national-log tests skipped: {exc}"
        print(f"\n{'!' * 78}\n{message}\n{'!' * 78}", file=sys.__stderr__)
        pytest.skip(message)
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server):
    """A fresh, empty database on the test server; dropped afterwards."""
    name = f"test_{os.getpid()}_{next(_databases)}"
    postgres_server.sql(f"CREATE DATABASE {name}")
    yield postgres_server.url(name)
    postgres_server.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
