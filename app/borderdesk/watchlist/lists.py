"""One imported version of the lists, opened: its manifest, document lists and person lists."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from . import bundle, hashindex
from .documents import DocumentList
from .exceptions import CorruptBundle
from .personindex import RULES_FILE, PersonList, reprepare, rules_version

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
    """The live lists: ``documents`` (:class:`DocumentList`), ``persons`` (:class:`PersonList`)."""

    def __init__(self, path: Path, manifest: dict, documents: DocumentList,
                 persons: PersonList) -> None:
        self.path = path
        self.manifest = manifest
        self.documents = documents
        self.persons = persons

    @property
    def version(self) -> int:
        return self.manifest["version"]

    @staticmethod
    def name_rules(path: Path, manifest: dict) -> str | None:
        """The name rules that prepared the names stored in ``path``."""
        local = path / RULES_FILE
        if local.is_file():
            return local.read_text().strip()
        return (manifest.get("persons") or {}).get("name_rules")

    def rules_differ(self) -> bool:
        """The desk's name rules are not the ones that prepared these lists' names."""
        rules = self.name_rules(self.path, self.manifest)
        return len(self.persons) > 0 and rules != rules_version()

    @staticmethod
    def prepare_names(path: Path, manifest: dict) -> bool:
        """Prepare the names again when the bundle's name rules are not the desk's."""
        if not _count(manifest, "persons") or Lists.name_rules(path, manifest) == rules_version():
            return False
        reprepare(path, _index_key(manifest))
        return True

    @classmethod
    def open(cls, path: Path) -> Lists:
        manifest = json.loads((path / bundle.MANIFEST).read_text())
        key = _index_key(manifest)
        try:
            documents = DocumentList(path, key)
            persons = PersonList(path, key, count=_count(manifest, "persons"))
        except (OSError, sqlite3.Error) as exc:
            raise CorruptBundle(f"the lists in {path} cannot be opened: {exc}") from None
        return cls(path, manifest, documents, persons)

    @staticmethod
    def verify(path: Path, manifest: dict, records: bool = True) -> None:
        """Check a version before it goes live; raises :class:`CorruptBundle`.

        ``records=False`` leaves out validating every person record (a delta's
        version: its base's were validated at their import, its own by the delta).
        """
        _index_key(manifest)
        missing = {p for p in PARTS if not (path / p).is_file()}
        if missing:
            raise CorruptBundle(f"the bundle lacks part(s) {', '.join(sorted(missing))}")
        n_docs, n_persons = _count(manifest, "documents"), _count(manifest, "persons")
        lists = Lists.open(path)
        try:
            lists.documents.index.check()
            lists.persons.index.check()
            # A delta's version: its rows were counted as the delta was applied.
            if len(lists.documents) != n_docs or (records and
                                                  lists.documents.row_count() != n_docs):
                raise CorruptBundle("the document lists do not hold the number of records "
                                    "the manifest declares")
            # A delta's version: its persons were counted, list by list, as it was applied.
            if records and lists.persons.check_records() != n_persons:
                raise CorruptBundle("the person lists do not hold the number of records "
                                    "the manifest declares")
            Lists._check_list_counts(manifest, lists, n_docs, n_persons, records)
        except sqlite3.Error as exc:
            raise CorruptBundle(f"a list database is damaged: {exc}") from None
        finally:
            lists.close()

    @staticmethod
    def _check_list_counts(manifest: dict, lists: Lists, n_docs: int, n_persons: int,
                           held: bool = True) -> None:
        """The manifest's per-list counts add up to its totals, and to what the files hold."""
        table = manifest.get("lists")
        if not isinstance(table, dict):
            raise CorruptBundle("the manifest's table of lists is missing or malformed")
        totals = {"document": 0, "person": 0}
        for name, info in table.items():
            ok = (isinstance(info, dict) and info.get("kind") in totals
                  and isinstance(info.get("records"), int) and info["records"] >= 0)
            if not ok:
                raise CorruptBundle(f"the manifest's entry for list {name!r} is malformed")
            totals[info["kind"]] += info["records"]
        if totals["document"] != n_docs or totals["person"] != n_persons:
            raise CorruptBundle("the manifest's lists do not add up to the number of records "
                                "it declares")
        if not held:
            return
        declared = {name: info["records"] for name, info in table.items()
                    if info["kind"] == "person" and info["records"]}
        if lists.persons.list_counts() != declared:
            raise CorruptBundle("the person lists do not hold the number of records the "
                                "manifest declares for each list")

    def close(self) -> None:
        self.documents.close()
        self.persons.close()
