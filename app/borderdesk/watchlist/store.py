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
from datetime import datetime, timedelta, timezone
from pathlib import Path

from . import bundle, delta, keys
from .exceptions import (BundleError, CorruptBundle, KeyFileError, NeedsBase, NoStore,
                         StaleVersion)
from .lists import Lists

TRUSTED, VERSIONS, CURRENT, LOCK = "trusted", "versions", "current", "import.lock"
DELTA_MANIFEST, DELTA_SIGNATURE = "delta.json", "delta.sig"
SEEN = "seen.json"  # the newest publication time verified
RETIRED = "retired"  # fingerprints of keys a bundle retired, with which bundle
DEFAULT_WARNING_HOURS = 24.0
CLOCK_TOLERANCE = timedelta(minutes=5)  # the last delta's, as signed


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
        return self._trust(keys.load_public(public_key_path))

    def _trust(self, public) -> str:
        fp = keys.fingerprint(public)
        (self.root / RETIRED / fp).unlink(missing_ok=True)
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
        for path in self.root.glob("*.tmp"):
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
                unpacked = staging / "incoming"  # the bundle as verified
                unpacked.mkdir()
                verified = bundle.unpack(Path(path), trusted, unpacked,
                                         lambda m: _accept(m, held, held_version), self.retired)
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
                reason = _reason(exc, self.root)  # before the staging's space is given back
                shutil.rmtree(staging, ignore_errors=True)
                raise BundleError(f"the import failed and was undone: {reason}") from None
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
            self._retire_keys(manifest)
            self._remove_old(final)
            self.note_seen(max((t for t in (_time(manifest.get("created")),
                                            _time(manifest.get("published"))) if t),
                               default=None))
            return state

    def _apply_delta(self, live: Path, held: dict, unpacked: Path, staging: Path,
                     manifest: dict) -> dict:
        """Apply the delta unpacked in ``unpacked`` to the live version, into ``staging``;
        returns the manifest of the version it makes (written as its manifest.json)."""
        need = sum(_size(live / name) for name in delta.REWRITTEN) + sum(
            _size(p) for p in unpacked.iterdir())
        free = shutil.disk_usage(staging).free
        if need + bundle.DISK_MARGIN > free:
            raise BundleError(f"not enough disk space to apply the delta: it needs "
                              f"{need / 1e6:.0f} MB, {free / 1e6:.0f} MB are free")
        persons = delta.person_changes(unpacked)
        counts = dict(held.get("lists") or {})
        for name, change in persons.items():
            info = counts.get(name) or {"kind": "person", "records": 0}
            counts[name] = dict(info, records=info.get("records", 0) + change)
        after = {n: i.get("records") for n, i in counts.items()
                 if i.get("kind") == "person" and i.get("records")}
        declared = {n: i.get("records") for n, i in (manifest.get("lists") or {}).items()
                    if isinstance(i, dict) and i.get("kind") == "person" and i.get("records")}
        if after != declared:
            raise CorruptBundle("the delta's person changes do not take the lists held to the "
                                "numbers of records its manifest declares")
        result = delta.apply(live, unpacked, staging, manifest, held["counts"]["documents"])
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
        """Trust the keys a verified bundle announces (key rotation: the new key announced
        in a bundle signed by the old one). Done before the switch, so that a bundle whose
        import is cut can be imported again."""
        for public in announced_keys(manifest):
            self._trust(public)

    def _retire_keys(self, manifest: dict) -> None:
        """Stop trusting the keys a verified bundle retires (after the switch)."""
        retire = (manifest.get("keys") or {}).get("retire") or []
        folder = self.root / RETIRED
        for fp in retire:
            (self.root / TRUSTED / f"{fp}.pub").unlink(missing_ok=True)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / fp).write_text(f"retired by bundle version {manifest['version']}\n")
        if retire:
            _fsync_dir(self.root / TRUSTED)

    def retired(self, fp: str) -> str | None:
        """Why key ``fp`` is no longer trusted, if a bundle retired it."""
        try:
            return (self.root / RETIRED / fp).read_text().strip()
        except (OSError, ValueError):
            return None

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
    def status(self, now: datetime | None = None, warning_hours: float = DEFAULT_WARNING_HOURS,
               list_warning_hours: dict | None = None,
               newest_seen: datetime | None = None) -> dict:
        """Version, publisher, record counts, age and state of the live lists (``lists``
        per list); see :func:`describe`."""
        manifest = self.manifest()
        now = now or datetime.now(timezone.utc)
        seen = max((t for t in (newest_seen, self.newest_seen()) if t), default=None)
        if manifest is None:
            return {"version": None, "publisher": None, "state": "NONE", "age_hours": None,
                    "clock_set_back": clock_set_back(now, seen), "trusted": sorted(self.trusted()),
                    "lists": {}, "counts": {}}
        return dict(describe(manifest, now, warning_hours, list_warning_hours, seen),
                    trusted=sorted(self.trusted()))

    # -- the newest time seen (clock set back) ---------------------------------------------
    def newest_seen(self) -> datetime | None:
        """The latest publication time of any bundle or index this desk has verified."""
        try:
            return _time(json.loads((self.root / SEEN).read_text()).get("newest"))
        except (OSError, ValueError, AttributeError):
            return None

    def note_seen(self, when: datetime | None) -> None:
        """Remember ``when`` (a verified publication time) if it is the latest seen."""
        if when is None:
            return
        held = self.newest_seen()
        if held is not None and held >= when:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f"{SEEN}.{uuid.uuid4().hex}.tmp"
        tmp.write_text(json.dumps({"newest": when.isoformat(timespec="seconds")}))
        os.replace(tmp, self.root / SEEN)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _reason(exc: Exception, where: Path) -> str:
    """Why a write failed, a full disk said as such (numpy's short writes carry no errno)."""
    full = getattr(exc, "errno", None) == errno.ENOSPC or "database or disk is full" in str(exc)
    try:
        full = full or shutil.disk_usage(where).free < (1 << 20)
    except OSError:
        pass
    if full:
        return "the disk is full"
    return getattr(exc, "strerror", None) or str(exc)


def announced_keys(manifest: dict) -> list:
    """The public keys a manifest announces (``keys.announce``: PEM texts); raises
    :class:`CorruptBundle` for a malformed entry."""
    changes = manifest.get("keys") or {}
    if not isinstance(changes, dict):
        raise CorruptBundle("the manifest's key changes are malformed")
    announce, retire = changes.get("announce") or [], changes.get("retire") or []
    if not isinstance(announce, list) or not isinstance(retire, list) or not all(
            isinstance(fp, str) and len(fp) == 16 for fp in retire):
        raise CorruptBundle("the manifest's key changes are malformed")
    found = []
    for pem in announce:
        try:
            found.append(keys.parse_public(pem.encode() if isinstance(pem, str) else b""))
        except KeyFileError:
            raise CorruptBundle("the manifest announces a key that is not an Ed25519 "
                                "public key") from None
    return found


def _accept(manifest: dict, held: dict | None, held_version: int) -> None:
    """Refuse, before any part is read, a bundle that is not newer than the lists held, or a
    delta whose base is not the version held."""
    announced_keys(manifest)
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


_RANK = {"OK": 0, "WARNING": 1, "STALE": 2}


def _freshness(published: datetime | None, expires: datetime | None, now: datetime,
               warning_hours: float) -> tuple[float | None, str]:
    age = (now - published).total_seconds() / 3600 if published else None
    if expires is None or now > expires:
        return age, "STALE"
    if age is None or age > warning_hours:
        return age, "WARNING"
    return age, "OK"


def clock_set_back(now: datetime, newest_seen: datetime | None) -> bool:
    """The clock says an earlier time than something this desk has seen happen (a bundle
    published, a hit logged): set back, it would make old lists look fresh."""
    return newest_seen is not None and now < newest_seen - CLOCK_TOLERANCE


def describe(manifest: dict, now: datetime, warning_hours: float = DEFAULT_WARNING_HOURS,
             list_warning_hours: dict | None = None,
             newest_seen: datetime | None = None) -> dict:
    """The status of a version at ``now``: its manifest's facts, and how fresh each list is.

    Each list has its publication time and expiry (the bundle's when it names none):
    STALE past its expiry, WARNING older than its warning age (``list_warning_hours``
    by list name, else ``warning_hours``), else OK; the lists' worst is the state. A
    clock set back (:func:`clock_set_back`) makes every list STALE: their age cannot be
    told.
    """
    published, expires = _time(manifest.get("published")), _time(manifest.get("expires"))
    set_back = clock_set_back(now, newest_seen)
    lists = {}
    worst = "OK"
    for name, info in manifest.get("lists", {}).items():
        info = info if isinstance(info, dict) else {}
        p = _time(info.get("published")) or published
        e = _time(info.get("expires")) or expires
        limit = (list_warning_hours or {}).get(name, warning_hours)
        age, state = _freshness(p, e, now, limit)
        if set_back:
            state = "STALE"
        worst = max(worst, state, key=_RANK.get)
        lists[name] = dict(info, version=manifest["version"],
                           published=p.isoformat() if p else None,
                           expires=e.isoformat() if e else None,
                           age_hours=None if age is None else round(age, 2),
                           warning_hours=limit, state=state)
    age, state = _freshness(published, expires, now, warning_hours)
    if lists:
        state = worst
    if set_back:
        state = "STALE"
    return {"version": manifest["version"], "kind": manifest.get("kind", "full"),
            "publisher": manifest.get("publisher"), "series": manifest.get("series"),
            "published": manifest.get("published"), "expires": manifest.get("expires"),
            "age_hours": None if age is None else round(age, 2), "state": state,
            "clock_set_back": set_back,
            "newest_seen": newest_seen.isoformat(timespec="seconds") if newest_seen else None,
            "counts": manifest.get("counts", {}), "lists": lists}
