"""The hit log: entries, chain heads, CLEAR counts.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "entries",
        sa.Column("id", _id, primary_key=True, autoincrement=True),
        sa.Column("entry_id", sa.String(36), nullable=False),
        sa.Column("desk_id", sa.String(64), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("refers_to", sa.String(36), nullable=True),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("officer", sa.String(64), nullable=False),
        sa.Column("public", sa.Text(), nullable=False),
        sa.Column("personal", sa.Text(), nullable=True),
        sa.Column("commitment", sa.String(64), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.Column("redacted_at", sa.String(32), nullable=True),
        sa.UniqueConstraint("entry_id", name="uq_entries_entry_id"),
        sa.UniqueConstraint("desk_id", "seq", name="uq_entries_desk_seq"),
    )
    op.create_index("ix_entries_recorded_at", "entries", ["recorded_at"])
    op.create_index("ix_entries_refers_to", "entries", ["refers_to"])
    op.create_table(
        "heads",
        sa.Column("desk_id", sa.String(64), primary_key=True),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "clear_counts",
        sa.Column("desk_id", sa.String(64), primary_key=True),
        sa.Column("hour", sa.String(13), primary_key=True),
        sa.Column("count", sa.BigInteger(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("clear_counts")
    op.drop_table("heads")
    op.drop_index("ix_entries_refers_to", "entries")
    op.drop_index("ix_entries_recorded_at", "entries")
    op.drop_table("entries")
