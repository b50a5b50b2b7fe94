"""The Alembic migrations build exactly the schema the models describe, on both engines."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from borderdesk.hitlog import HitLog
from borderdesk.hitlog.models import Base
from borderdesk.hitlog.schema import head_revision


def _diff(log: HitLog):
    with log.engine.connect() as conn:
        context = MigrationContext.configure(conn)
        assert context.get_current_revision() == head_revision()
        return compare_metadata(context, Base.metadata)


def test_sqlite_schema_matches_the_models(tmp_path):
    log = HitLog(str(tmp_path / "h.sqlite"), desk_id="D")
    assert _diff(log) == []
    with log.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    log.close()
    HitLog(str(tmp_path / "h.sqlite"), desk_id="D").close()  # opening again changes nothing


def test_postgresql_schema_matches_the_models(postgres_url):
    log = HitLog(postgres_url, desk_id="D")
    assert _diff(log) == []
    log.close()


@pytest.mark.parametrize("url", ["nosuchdriver://x", "postgresql://u@127.0.0.1:1/db"])
def test_an_unopenable_log_is_a_clear_error(url):
    from borderdesk.hitlog import LogUnavailable
    with pytest.raises(LogUnavailable, match="cannot open the hit log"):
        HitLog(url, desk_id="D")
