"""One imported version of the lists, opened: its manifest, document lists and person lists."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from . import bundle, hashindex
from .documents import DocumentList
from .exceptions import CorruptBundle, WatchlistError
from .personindex import PersonList, rules_version

PARTS = frozenset({"documents.hash", "documents.dir", "documents.db", "persons.hash",
                   "persons.dir", "persons.pids", "persons.born", "persons.db"})


def _index_key(manifest: dict) -> bytes:
    try:
        key = bytes.fromhex(manifest["index_key"])
    except (KeyError, TypeError, ValueError):
        key = b""
    if len(key) != hashindex.KEY_BYTES:
        raise CorruptBundle("the manifest's index key is missing or malformed")
    return key


def _count(manifest: dict, name: str) -> int:
    value = manifest.get("counts", {}).get(name)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise CorruptBundle(f"the manifest's count of {name} is missing or malformed")
    return value


class Lists:
    """The live lists: ``documents`` (:class:`DocumentList`) and ``persons`` (:class:`PersonList`)."""

    def __init__(self, path: Path, manifest: dict, documents: DocumentList,
                 persons: PersonList) -> None:
        self.path = path
        self.manifest = manifest
        self.documents = documents
        self.persons = persons

    @property
    def version(self) -> int:
        return self.manifest["version"]

    @classmethod
    def open(cls, path: Path) -> Lists:
        manifest = json.loads((path / bundle.MANIFEST).read_text())
        key = _index_key(manifest)
        try:
            documents = DocumentList(path, key)
            persons = PersonList(path, key)
        except (OSError, sqlite3.Error) as exc:
            raise CorruptBundle(f"the lists in {path} cannot be opened: {exc}") from None
        return cls(path, manifest, documents, persons)

    @staticmethod
    def verify(path: Path, manifest: dict) -> None:
        """Check an unpacked version before it goes live; raises :class:`CorruptBundle`."""
        _index_key(manifest)
        missing = PARTS - set(manifest.get("parts", {}))
        if missing:
            raise CorruptBundle(f"the bundle lacks part(s) {', '.join(sorted(missing))}")
        n_docs, n_persons = _count(manifest, "documents"), _count(manifest, "persons")
        rules = (manifest.get("persons") or {}).get("name_rules")
        if n_persons and rules != rules_version():
            raise WatchlistError(f"the bundle's names were prepared by name rules {rules!r}; "
                                 f"this desk has rules {rules_version()!r}: rebuild the bundle "
                                 "with this release, or update the desk")
        lists = Lists.open(path)
        try:
            lists.documents.index.check()
            lists.persons.index.check()
            if len(lists.documents) != n_docs or lists.documents.row_count() != n_docs:
                raise CorruptBundle("the document lists do not hold the number of records "
                                    "the manifest declares")
            if len(lists.persons) != n_persons:
                raise CorruptBundle("the person lists do not hold the number of records "
                                    "the manifest declares")
            lists.persons.check_records()
        except sqlite3.Error as exc:
            raise CorruptBundle(f"a list database is damaged: {exc}") from None
        finally:
            lists.close()

    def close(self) -> None:
        self.documents.close()
        self.persons.close()
