"""Building a full bundle from the publisher's source files.

The payload is what the desk loads fastest: the parts are the very files the
desk maps and opens (hash indexes, SQLite files), so an import is a verified
copy and a rename, with no parsing or sorting on the desk.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from . import bundle, hashindex, keys
from .documents import DocumentWriter
from .exceptions import WatchlistError
from .records import DocumentRecord
from .source import Sources

DEFAULT_VALID_HOURS = 7 * 24


def _iso(t: datetime) -> str:
    return t.astimezone(timezone.utc).isoformat(timespec="seconds")


def index_key(key: Ed25519PrivateKey, series: int) -> bytes:
    """The secret key of the hash indexes of a series of bundles.

    A full bundle starts a series (by default numbered by its version); the deltas
    after it keep its key, since a desk cannot hash its lists again (it does not
    hold the numbers). Derived from the publisher's private key, so that a delta
    can be built from the old source alone, and secret like it.
    """
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                            serialization.NoEncryption())
    return hashlib.blake2b(f"series {series}".encode(), key=raw, person=b"bd-index-key",
                           digest_size=hashindex.KEY_BYTES).digest()


def key_changes(announce: list[Path] = (), retire: list[str] = ()) -> dict | None:
    """The ``keys`` entry of a manifest: public keys to announce (files), fingerprints to
    retire. Desks trust an announced key once the bundle is verified (signed by a key they
    trust already) and stop trusting a retired one."""
    if not announce and not retire:
        return None
    pems = [keys.public_pem(keys.load_public(Path(p))).decode() for p in announce]
    for fp in retire:
        if len(fp) != 16 or any(c not in "0123456789abcdef" for c in fp):
            raise WatchlistError(f"{fp!r} is not a key fingerprint (16 hexadecimal digits)")
    return {"announce": pems, "retire": list(retire)}


def build(sources: list[Path], key_path: Path, version: int, out: Path, *,
          valid_hours: float = DEFAULT_VALID_HOURS, now: datetime | None = None,
          progress=None, series: int | None = None, key_changes: dict | None = None) -> dict:
    """Build the signed full bundle ``out``; returns its manifest.

    ``series`` (the version by default) chooses the hash key (:func:`index_key`).

    Raises :class:`~.exceptions.SourceError` (every bad line) before anything is
    written, :class:`~.exceptions.KeyFileError` for a bad key.
    """
    if version < 1:
        raise WatchlistError("the version must be a positive whole number")
    if valid_hours <= 0:
        raise WatchlistError("the validity must be a positive number of hours")
    series = version if series is None else series
    if series < 1:
        raise WatchlistError("the series must be a positive whole number")
    key = keys.load_private(key_path)
    now = now or datetime.now(timezone.utc)
    out = Path(out).absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".build-", dir=out.parent))
    try:
        hash_key = index_key(key, series)
        documents = DocumentWriter(work, hash_key)
        persons = _person_writer(work, hash_key)
        reader = Sources(sources)
        for n, (_, _, rec) in enumerate(reader, 1):
            if reader.problems:  # keep reading to report them all, but build nothing more
                continue
            if isinstance(rec, DocumentRecord):
                documents.add(rec)
            else:
                persons.add(rec)
            if progress and n % 1_000_000 == 0:
                progress(n)
        reader.raise_problems()
        doc_hash, doc_dir, doc_db = documents.finish()
        person_parts = persons.finish()
        lists = {name: {"kind": "document", "records": n} for name, n in documents.lists.items()}
        for name, counts in persons.lists.items():
            if name in lists:
                raise WatchlistError(f"list {name!r} holds both documents and persons; "
                                     "give each kind its own list name")
            lists[name] = {"kind": "person", **counts}
        stamp = {"published": _iso(now), "expires": _iso(now + timedelta(hours=valid_hours))}
        lists = {name: dict(info, **stamp) for name, info in lists.items()}
        manifest = {
            "kind": "full",
            "version": version,
            "created": _iso(now),
            "published": _iso(now),
            "expires": _iso(now + timedelta(hours=valid_hours)),
            "lists": dict(sorted(lists.items())),
            "counts": {"documents": len(documents.hashes), "persons": persons.count,
                       "names": persons.name_count},
            "series": series,
            "index_key": hash_key.hex(),
            "documents": {"hash": "blake2b-64", "bits": hashindex.directory_bits(
                len(documents.hashes))},
            "persons": persons.describe(),
        }
        if key_changes:
            manifest["keys"] = key_changes
        parts = {"documents.hash": (doc_hash, "raw"), "documents.dir": (doc_dir, "raw"),
                 "documents.db": (doc_db, "raw"), **person_parts}
        return bundle.write(out, manifest, parts, key, int(now.timestamp()))
    except sqlite3.Error as exc:  # the disk filled up, most likely
        raise WatchlistError(f"building the bundle failed: {exc}") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _person_writer(work: Path, index_key: bytes):
    from .personindex import PersonWriter
    return PersonWriter(work, index_key)

