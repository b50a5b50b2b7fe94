"""The tables of the hit log (SQLAlchemy 2), the same on a desk's SQLite and on PostgreSQL.

One table of entries holds every desk's chain: an entry is identified by
``(desk_id, seq)`` and by its ``entry_id``. The ``public`` and ``personal``
columns hold the canonical JSON the hashes cover (see :mod:`.canonical`); the
other columns repeat public facts for indexes and filters. ``heads`` keeps
each chain's last entry (the in-database checkpoint, and the row that
serialises writers), ``clear_counts`` the CLEAR checks per desk and hour. Times are UTC ISO 8601
strings (``2026-11-23T09:30:00.123456Z``): they sort as text and read the same
on both engines.
The schema is created and upgraded by the Alembic migrations in
``migrations/``; change both together.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Entry(Base):
    """One entry of a desk's chain: a hit, a disposition, an outcome, a review, a redaction."""

    __tablename__ = "entries"
    __table_args__ = (
        UniqueConstraint("entry_id", name="uq_entries_entry_id"),
        UniqueConstraint("desk_id", "seq", name="uq_entries_desk_seq"),
        Index("ix_entries_recorded_at", "recorded_at"),
        Index("ix_entries_refers_to", "refers_to"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(String(36))
    desk_id: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))
    refers_to: Mapped[str | None] = mapped_column(String(36))
    recorded_at: Mapped[str] = mapped_column(String(32))  # UTC, ISO 8601, ends in Z
    officer: Mapped[str] = mapped_column(String(64))
    public: Mapped[str] = mapped_column(Text)
    personal: Mapped[str | None] = mapped_column(Text)
    commitment: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))
    redacted_at: Mapped[str | None] = mapped_column(String(32))


class Head(Base):
    """The last entry of one desk's chain, updated in the same transaction as the append."""

    __tablename__ = "heads"

    desk_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    entry_hash: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[str] = mapped_column(String(32))


class ClearCount(Base):
    """CLEAR checks of one desk in one UTC hour: a number, no personal data."""

    __tablename__ = "clear_counts"

    desk_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    hour: Mapped[str] = mapped_column(String(13), primary_key=True)  # UTC, 2026-11-23T09
    count: Mapped[int] = mapped_column(BigInteger)
