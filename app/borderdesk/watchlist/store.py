"""The desk's store of lists: trusted publishers, the imported versions, the atomic switch.

Layout under ``<data dir>/watchlist/``::

    trusted/<fingerprint>.pub      publisher keys this desk accepts (PEM)
    versions/v000000000042/        one imported version: the bundle's parts, its manifest
    current -> versions/v...       the live version (a symbolic link)
    staging-<random>/              an import in progress (left over only if one was killed)
    import.lock                    held while an import runs

An import verifies the bundle while writing its parts into a fresh staging
directory beside the live version (:func:`.bundle.unpack`: signature first,
then every part's hash, size limits, names), checks the content (indexes
sorted, counts as the manifest says, person records valid), flushes it to disk,
renames it into ``versions/`` and swaps the ``current`` link with one
``rename`` (atomic on POSIX). Until that instant the desk runs on the old
version; after it, on the new one; a killed import leaves only a staging
directory, removed by the next import. A version is accepted only when it is
higher than the one held.

The lists are read through ``sqlite3`` and memory maps directly, not through
SQLAlchemy (the project's choice for the relational data a desk writes, such
as the hit log): a version is immutable once imported, built by the publisher
in exactly the form it is read in, and the hot path is a memory-mapped binary
search plus, on a hit, one primary-key read; an ORM would add a layer and no
migrations are ever run on a version (a new version replaces it whole).
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import sqlite3
import uuid
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from . import bundle, delta, keys
from .exceptions import (BundleError, CorruptBundle, KeyFileError, NeedsBase, NoStore,
                         StaleVersion)
from .lists import Lists

TRUSTED, VERSIONS, CURRENT, LOCK = "trusted", "versions", "current", "import.lock"
DELTA_MANIFEST, DELTA_SIGNATURE = "delta.json", "delta.sig"  # the last delta's, as signed


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Store:
    """The lists of one desk, under ``root`` (``<data dir>/watchlist``)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    # -- trust -----------------------------------------------------------------------
    def trust(self, public_key_path: Path) -> str:
        """Accept bundles signed by this public key from now on; returns its fingerprint."""
        public = keys.load_public(public_key_path)
        fp = keys.fingerprint(public)
        folder = self.root / TRUSTED
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{fp}.tmp"
        tmp.write_bytes(keys.public_pem(public))
        os.replace(tmp, folder / f"{fp}.pub")
        _fsync_dir(folder)
        return fp

    def trusted(self) -> dict:
        folder = self.root / TRUSTED
        found = {}
        if folder.is_dir():
            for path in sorted(folder.glob("*.pub")):
                try:
                    public = keys.load_public(path)
                except KeyFileError:
                    continue  # a damaged key file trusts no one
                found[keys.fingerprint(public)] = public
        return found

    # -- the live version ------------------------------------------------------------
    def current_dir(self) -> Path | None:
        link = self.root / CURRENT
        try:
            target = os.readlink(link)
        except (FileNotFoundError, OSError):
            return None
        path = self.root / target
        return path if (path / bundle.MANIFEST).is_file() else None

    def manifest(self) -> dict | None:
        """The live version's manifest; None when none was imported."""
        path = self.current_dir()
        if path is None:
            return None
        try:
            manifest = json.loads((path / bundle.MANIFEST).read_text())
        except (OSError, ValueError):
            raise CorruptBundle(f"the manifest of the live lists ({path}) is damaged; "
                                "import a newer bundle") from None
        if not isinstance(manifest, dict) or not isinstance(manifest.get("version"), int):
            raise CorruptBundle(f"the manifest of the live lists ({path}) is damaged")
        return manifest

    def held_version(self) -> int:
        """The live version (read off its directory's name if its manifest is damaged)."""
        try:
            manifest = self.manifest()
        except CorruptBundle:
            name = self.current_dir().name
            return int(name[1:]) if name[1:].isdigit() else 0
        return manifest["version"] if manifest else 0

    def open(self) -> Lists:
        """The live lists, opened for screening; raises :class:`NoStore` if none were imported."""
        path = self.current_dir()
        if path is None:
            raise NoStore("no watchlist has been imported on this desk "
                          "(borderdesk watchlist import BUNDLE)")
        return Lists.open(path)

    # -- import ----------------------------------------------------------------------
    @contextmanager
    def _locked(self):
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / LOCK).open("a") as f:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise BundleError("another import is running on this desk; try again when it "
                                  "has finished") from None
            try:
                yield
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)

    def _clean_leftovers(self) -> None:
        """Remove what an import killed part-way left: staging directories, a half-made link,
        versions that are not live (renamed into place, never switched to)."""
        for path in self.root.glob("staging-*"):
            shutil.rmtree(path, ignore_errors=True)
        for path in self.root.glob(f"{CURRENT}.*.tmp"):
            path.unlink(missing_ok=True)
        live = self.current_dir()
        versions = self.root / VERSIONS
        if live is not None and versions.is_dir():
            self._remove_old(live)

    def recover(self) -> bool:
        """At desk start: clean up after an import that was killed. Returns False (and
        leaves everything) when an import is running right now in another process."""
        if not self.root.is_dir():
            return True
        try:
            with self._locked():
                self._clean_leftovers()
        except BundleError:
            return False
        return True

    def import_bundle(self, path: Path) -> dict:
        """Verify the bundle at ``path`` and make it the live version; returns its manifest.

        A full bundle replaces the lists; a delta is applied on the live version, which
        must be its exact base (:class:`NeedsBase` says which version is needed).
        Raises a :class:`~.exceptions.BundleError` and leaves the live version as it
        was when anything is wrong.
        """
        with self._locked():
            self._clean_leftovers()
            trusted = self.trusted()
            if not trusted:
                raise BundleError("this desk trusts no publisher yet "
                                  "(borderdesk watchlist trust PUBLIC_KEY)")
            held_version = self.held_version()
            try:
                held = self.manifest()
            except CorruptBundle:
                held = None
            live = self.current_dir()
            staging = self.root / f"staging-{uuid.uuid4().hex}"
            staging.mkdir()
            try:
                unpacked = staging / "delta"
                unpacked.mkdir()
                verified = bundle.unpack(Path(path), trusted, unpacked,
                                         lambda m: _accept(m, held, held_version))
                manifest = verified.manifest
                if manifest["kind"] == "delta":
                    state = self._apply_delta(live, held, unpacked, staging, manifest)
                else:
                    for item in unpacked.iterdir():
                        os.rename(item, staging / item.name)
                    unpacked.rmdir()
                    state = manifest
                    Lists.verify(staging, manifest)
                    if Lists.prepare_names(staging, manifest):
                        Lists.verify(staging, manifest)
                self._accept_keys(manifest)
                _fsync_dir(staging)
                versions = self.root / VERSIONS
                versions.mkdir(exist_ok=True)
                final = versions / f"v{manifest['version']:012d}"
                if final.exists():  # left by an import killed after its rename
                    shutil.rmtree(final)
                os.rename(staging, final)
                _fsync_dir(versions)
                self._switch(final)
            except (OSError, sqlite3.Error) as exc:
                shutil.rmtree(staging, ignore_errors=True)
                raise BundleError(f"the import failed and was undone: {_reason(exc)}") from None
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
            self._remove_old(final)
            return state

    def _apply_delta(self, live: Path, held: dict, unpacked: Path, staging: Path,
                     manifest: dict) -> dict:
        """Apply the delta unpacked in ``unpacked`` to the live version, into ``staging``;
        returns the manifest of the version it makes (written as its manifest.json)."""
        result = delta.apply(live, unpacked, staging, manifest)
        for name, digest in (manifest.get("result") or {}).items():
            if name in result and result[name] != digest:
                raise CorruptBundle(f"the lists merged from the delta differ from the "
                                    f"publisher's ({name}): the delta does not fit this base")
        os.rename(unpacked / bundle.MANIFEST, staging / DELTA_MANIFEST)
        os.rename(unpacked / bundle.SIGNATURE, staging / DELTA_SIGNATURE)
        shutil.rmtree(unpacked)
        state = {k: v for k, v in manifest.items() if k not in ("parts", "result")}
        state["full_base"] = held.get("full_base", held["version"])
        state["parts"] = {}
        tmp = staging / (bundle.MANIFEST + ".tmp")
        tmp.write_bytes(bundle.manifest_bytes(state))
        os.rename(tmp, staging / bundle.MANIFEST)
        Lists.verify(staging, state, records=False)  # the added records were checked
        return state

    def _accept_keys(self, manifest: dict) -> None:
        """Key rotation; see priority 4 (placeholder: nothing announced yet)."""

    def _switch(self, final: Path) -> None:
        tmp = self.root / f"{CURRENT}.{uuid.uuid4().hex}.tmp"
        os.symlink(final.relative_to(self.root), tmp)
        os.replace(tmp, self.root / CURRENT)
        _fsync_dir(self.root)

    def _remove_old(self, keep: Path) -> None:
        for path in (self.root / VERSIONS).iterdir():
            if path != keep:
                shutil.rmtree(path, ignore_errors=True)  # a desk still reading it keeps its files

    # -- status ----------------------------------------------------------------------
    def status(self, now: datetime | None = None) -> dict:
        """Version, publisher, record counts and age of the live lists (``lists`` per list)."""
        manifest = self.manifest()
        now = now or datetime.now(timezone.utc)
        if manifest is None:
            return {"version": None, "publisher": None, "state": "NONE", "age_hours": None,
                    "trusted": sorted(self.trusted()), "lists": {}, "counts": {}}
        return dict(describe(manifest, now), trusted=sorted(self.trusted()))


def _reason(exc: Exception) -> str:
    if getattr(exc, "errno", None) == errno.ENOSPC or "database or disk is full" in str(exc):
        return "the disk is full"
    return getattr(exc, "strerror", None) or str(exc)


def _accept(manifest: dict, held: dict | None, held_version: int) -> None:
    """Refuse, before any part is read, a bundle that is not newer than the lists held, or a
    delta whose base is not the version held."""
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CorruptBundle("the manifest's version is not a positive whole number")
    kind = manifest.get("kind")
    if kind not in ("full", "delta"):
        raise BundleError(f"this desk imports full and delta bundles; this one is {kind!r}")
    if version <= held_version:
        raise StaleVersion(f"bundle version {version} is not newer than version {held_version} "
                           "held by this desk (a replay or a rollback); refused")
    if kind == "full":
        return
    base = manifest.get("base")
    if not isinstance(base, int) or isinstance(base, bool) or not 0 < base < version:
        raise CorruptBundle("the delta's base version is missing or malformed")
    if held is None:
        raise NeedsBase(base, f"this delta takes version {base} to {version}, and this desk "
                              f"holds no lists: import a full bundle first")
    if base != held_version:
        raise NeedsBase(base, f"this delta takes version {base} to {version}; this desk holds "
                              f"version {held_version}: version {base} is needed first (the "
                              "deltas up to it, or a full bundle)")
    if manifest.get("index_key") != held.get("index_key"):
        raise NeedsBase(base, f"this delta belongs to series {manifest.get('series')}, the lists "
                              f"held to series {held.get('series')}: import a full bundle")


def _time(text) -> datetime | None:
    try:
        t = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)


def describe(manifest: dict, now: datetime) -> dict:
    """The status of a version: its manifest's facts and how old it is at ``now``."""
    published, expires = _time(manifest.get("published")), _time(manifest.get("expires"))
    age = (now - published).total_seconds() / 3600 if published else None
    state = "STALE" if expires is None or now > expires else "OK"
    lists = {name: dict(info, version=manifest["version"],
                        age_hours=None if age is None else round(age, 2), state=state)
             for name, info in manifest.get("lists", {}).items()}
    return {"version": manifest["version"], "publisher": manifest.get("publisher"),
            "published": manifest.get("published"), "expires": manifest.get("expires"),
            "age_hours": None if age is None else round(age, 2), "state": state,
            "counts": manifest.get("counts", {}), "lists": lists}
