"""The append-only, hash-chained log of hits and dispositions.

Stands alone (it imports nothing else of borderdesk): documents and matches
arrive as plain JSON-ready dicts. The pieces:

* :mod:`.entries`: what a hit, a disposition, an outcome, a review and a
  redaction hold, split into a public and a personal part;
* :mod:`.canonical`: the canonical encoding and the hashes of the chain;
* :mod:`.store`: :class:`HitLog`, appending and reading (SQLite or PostgreSQL),
  with the schema from :mod:`.models` and the Alembic migrations;
* :mod:`.verify`, :mod:`.redaction`, :mod:`.push`: integrity, retention and
  the national copy;
* :mod:`.views`: hits with their history, filters, statistics;
  :mod:`.export_csv` and :mod:`.report_pdf`: the exports.
"""

from .entries import DISPOSITIONS, OUTCOMES, REVIEWS, EntryError
from .schema import LogUnavailable
from .store import HitLog, Written

__all__ = ["DISPOSITIONS", "OUTCOMES", "REVIEWS", "EntryError", "HitLog", "LogUnavailable",
           "Written"]
