"""Opening a hit-log database: the engine, its settings, and the Alembic migrations.

A desk's log is one SQLite file in WAL mode with ``synchronous=FULL``: a
transaction is on disk when its commit returns, and a process killed at any
point loses nothing that was committed (https://sqlite.org/wal.html,
https://sqlite.org/pragma.html#pragma_synchronous). Writers open their
transactions with ``BEGIN IMMEDIATE`` so that two writers never deadlock on
upgrading a read lock, and with ``secure_delete`` so that redacted personal
data is overwritten in the file rather than left in free pages. The national
log is PostgreSQL through the same models.
The schema is always brought to the newest revision by the migrations shipped
in this package, never by ``create_all``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

MIGRATIONS = Path(__file__).with_name("migrations")


class LogUnavailable(OSError):
    """The log's database cannot be opened or written (a broken file, a full disk, no server)."""


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str) -> Engine:
    """An engine for a log: a ``sqlite:///path`` or ``postgresql://`` URL, or a plain path."""
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    elif url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    try:
        engine = create_engine(url, pool_pre_ping=not url.startswith("sqlite"))
    except Exception as exc:  # a malformed URL or an unknown driver
        raise LogUnavailable(f"cannot open the hit log at {safe_url(url)}: {exc}") from exc
    if is_sqlite(engine):
        _sqlite_settings(engine)
    return engine


def _sqlite_settings(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we say when transactions begin
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA busy_timeout = 15000")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA secure_delete = ON")  # redacted data is overwritten, not freed
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        immediate = conn.get_execution_options().get("immediate")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    if "://" in url and "@" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url


def _alembic_config(engine: Engine, connection) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it is there)."""
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
        if current == head_revision():
            return
        with engine.begin() as conn:
            command.upgrade(_alembic_config(engine, conn), "head")
    except DBAPIError as exc:
        raise LogUnavailable(f"cannot open the hit log at {safe_url(str(engine.url))}: "
                             f"{exc.orig}") from exc


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None: no schema yet), without changing anything."""
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except DBAPIError as exc:
        raise LogUnavailable(f"cannot open the hit log at {safe_url(str(engine.url))}: "
                             f"{exc.orig}") from exc


def newest_entry_time(engine: Engine) -> str | None:
    """The ``recorded_at`` of the log's newest entry (UTC ISO 8601), None when it has none."""
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql("SELECT max(recorded_at) FROM entries").scalar()
    except DBAPIError as exc:
        raise LogUnavailable(f"cannot read the hit log at {safe_url(str(engine.url))}: "
                             f"{exc.orig}") from exc
