"""Desks with a small real screen: document numbers starting with H hit, with P possibly match."""

from __future__ import annotations

import zlib
from datetime import datetime, timedelta, timezone

import pytest

from borderdesk.desk.config import Config
from borderdesk.desk.service import Desk
from borderdesk.desk.verdict import WatchlistState
from borderdesk.mrz import compose, parse
from borderdesk.watchlist.match import Level, Match

LISTS = WatchlistState(version=7, age_hours=1.0, state="OK")


def screen(doc):
    """A stand-in for the watchlist part (not yet merged): a rule on the document number."""
    number = doc.document_number
    if number.startswith("H"):
        record_id = f"SLTD-{zlib.crc32(number.encode()):010d}"
        return (Match("document", "SLTD", record_id, 1.0, Level.HIT,
                      ("document number and issuing state agree",), list_version=7,
                      action="retain the document", category="stolen",
                      record={"document_number": number, "reported": "2025-01-02"}),), LISTS
    if number.startswith("P"):
        return (Match("person", "WANTED", f"W-{number[1:4]}", 0.83, Level.POSSIBLE,
                      ("name similar", "year of birth agrees"), list_version=3,
                      action="refer to secondary", category="wanted",
                      record={"surname": doc.surname, "given_names": "OTHER"}),), LISTS
    return (), LISTS


def mrz(number="L898902C3", surname="ERIKSSON", given="ANNA MARIA", nationality="UTO"):
    return "\n".join(compose.compose(
        "TD3", document_code="P", issuing_state="UTO", surname=surname, given_names=given,
        document_number=number, nationality=nationality, birth_date="740812", sex="F",
        expiry_date="340415"))


class ClockDesk(Desk):
    """A desk whose clock a test can set (hits in the past, for retention)."""

    clock: datetime | None = None

    def now(self):
        return self.clock or super().now()


@pytest.fixture
def config(data_dir):
    """The desk's configuration, also in its data directory for the commands."""
    (data_dir / "config.toml").write_text(
        '[desk]\ndesk_id = "DESK-07"\ncheckpoint = "RAS-AJDIR"\n')
    return Config.load()


@pytest.fixture
def desk(config):
    d = ClockDesk(config, screen=screen)
    d.officer = "OFF-1"
    yield d
    d.close()


@pytest.fixture
def make_hits(desk):
    """Log ``n`` hits through Desk.check, spread back over days; their verdicts."""
    def make(n=3, *, start=None, step=timedelta(days=1), prefix="H", officer="OFF-1"):
        start = start or datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)
        out = []
        for i in range(n):
            desk.clock = start + i * step
            out.append(desk.check(mrz(f"{prefix}{i:07d}"), source="scanner", officer=officer))
        desk.clock = None
        return out
    return make


__all__ = ["mrz", "parse", "screen"]
