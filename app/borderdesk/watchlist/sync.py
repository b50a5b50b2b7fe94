"""Sync sources: a directory of bundles, or an HTTP(S) mirror with a signed index.

A desk may see the network once a day, a USB stick once a week, or a mirror every
few minutes. Either way it picks what it needs (:func:`plan`): the deltas that
continue the version it holds, or the newest full bundle and the deltas after it,
whichever reaches the newer version (with the fewer bytes on a tie), and imports
them in order through :meth:`.store.Store.import_bundle`, which verifies each one
whole before it touches the live lists.

**A directory** (a mounted USB stick, a shared folder): every ``*.bundle`` in it;
each manifest is read only to plan (:func:`.bundle.peek`), never trusted.

**A mirror** (``http://`` or ``https://``): ``index.json`` and ``index.sig`` (the
Ed25519 signature of the index's exact bytes, by a trusted publisher key) list
the bundles with their version, kind, base, size and SHA-256. The index is
verified before anything is downloaded; an index older than one already seen
(a lower ``sequence``: a mirror replaying an old state to hold desks back) is
refused. Each bundle is downloaded into ``<store>/downloads/NAME.part``, resumed
with an HTTP ``Range`` request after a cut or a stall (a read that waits longer
than the timeout is cut), retried with exponential back-off, checked against
the index's size and SHA-256, and only then imported (verified again, signature
and every part, by the import).

The standard library's ``urllib`` does the HTTP: resumption is a ``Range``
header and an append, the same whatever the client; a client library (httpx,
requests) would add a dependency for no part of that logic.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.client import HTTPException
from pathlib import Path

from . import bundle, keys
from .exceptions import BadSignature, BundleError, StaleVersion, UnknownPublisher, WatchlistError
from .store import Store, _time

INDEX, INDEX_SIG = "index.json", "index.sig"
INDEX_FORMAT = "borderdesk-index"
MAX_INDEX = 1 << 20
CHUNK = 1 << 16
DOWNLOADS = "downloads"
STATE = "sync.json"


class SyncError(WatchlistError):
    """A sync could not be done; the lists held are unchanged (or at a verified newer version)."""


@dataclass(frozen=True)
class Entry:
    """One bundle a source offers."""

    file: str  # its name (in the directory, or relative to the mirror's URL)
    kind: str  # full or delta
    version: int
    base: int | None  # a delta's base version
    series: int | None
    size: int
    sha256: str | None = None  # given by a signed index

    def as_json(self) -> dict:
        return {"file": self.file, "kind": self.kind, "version": self.version,
                "base": self.base, "series": self.series, "size": self.size,
                "sha256": self.sha256}


def plan(entries: list[Entry], held: int, series: int | None) -> list[Entry]:
    """The bundles to import, in order, to reach the newest version offered; [] when the
    lists held are as new. Deltas continue only the series held (their hash key)."""
    deltas: dict[int, list[Entry]] = {}
    for e in entries:
        if e.kind == "delta" and e.base is not None:
            deltas.setdefault(e.base, []).append(e)

    def chain(start: int, start_series: int | None) -> list[Entry]:
        steps, at = [], start
        while True:
            nexts = [e for e in deltas.get(at, ()) if e.series == start_series]
            if not nexts:
                return steps
            step = max(nexts, key=lambda e: e.version)
            steps.append(step)
            at = step.version

    options = []
    if held:
        steps = chain(held, series)
        if steps:
            options.append(steps)
    fulls = [e for e in entries if e.kind == "full" and e.version > held]
    if fulls:
        newest = max(fulls, key=lambda e: (e.version, -e.size))
        options.append([newest] + chain(newest.version, newest.series))
    if not options:
        return []
    return max(options, key=lambda steps: (steps[-1].version, -sum(e.size for e in steps)))


# -- a directory ---------------------------------------------------------------------------

def directory_entries(folder: Path) -> list[Entry]:
    """The bundles in ``folder`` (manifests read to plan only, not trusted)."""
    found = []
    for path in sorted(folder.glob("*.bundle")):
        try:
            m = bundle.peek(path)
        except (WatchlistError, OSError):
            continue  # not a bundle; nothing is imported from it
        if isinstance(m.get("version"), int) and m.get("kind") in ("full", "delta"):
            found.append(Entry(path.name, m["kind"], m["version"], m.get("base"),
                               m.get("series"), path.stat().st_size))
    return found


# -- a mirror --------------------------------------------------------------------------------

@dataclass
class Http:
    """How the mirror is fetched: timeouts, retries, back-off."""

    timeout: float = 30.0
    retries: int = 4
    backoff: float = 2.0
    ssl_context: ssl.SSLContext | None = None  # https: the CAs to trust (default: the system's)
    sleep: Callable[[float], None] = time.sleep
    attempts: list[str] = field(default_factory=list)  # what went wrong, for the report

    def get_small(self, url: str, limit: int = MAX_INDEX) -> bytes:
        """A small file (the index), whole, with retries."""
        last = None
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                with urllib.request.urlopen(_request(url), timeout=self.timeout,
                                            context=self.ssl_context) as resp:
                    data = resp.read(limit + 1)
                if len(data) > limit:
                    raise SyncError(f"{url} is larger than an index can be")
                return data
            except urllib.error.HTTPError as exc:
                if exc.code in (404, 410, 401, 403):
                    raise SyncError(f"{url}: {exc.code} {exc.reason}") from None
                last = f"{exc.code} {exc.reason}"
            except (urllib.error.URLError, OSError, HTTPException) as exc:
                last = _why(exc)
            self.attempts.append(f"{url}: {last}")
        raise SyncError(f"cannot fetch {url} after {self.retries + 1} tries: {last}")

    def download(self, url: str, dest: Path, size: int, sha256: str) -> Path:
        """Fetch ``url`` into ``dest`` (resuming ``dest.part``), checked against the index's
        size and SHA-256; returns ``dest``."""
        part = dest.with_name(dest.name + ".part")
        last = None
        restarted = False
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                self._fetch(url, part, size)
            except (urllib.error.URLError, OSError, HTTPException) as exc:
                if isinstance(exc, urllib.error.HTTPError) and exc.code in (404, 410):
                    raise SyncError(f"{url}: {exc.code} {exc.reason}") from None
                last = _why(exc)
                self.attempts.append(f"{url}: {last} (at byte {_size(part)} of {size})")
                continue
            if _size(part) == size and _sha256(part) == sha256:
                os.replace(part, dest)
                return dest
            part.unlink(missing_ok=True)  # damaged or tampered: start again, once
            last = "it does not match the size and SHA-256 of the signed index"
            self.attempts.append(f"{url}: {last}")
            if restarted:
                break
            restarted = True
        raise SyncError(f"cannot download {url}: {last}; nothing imported from it")

    def _fetch(self, url: str, part: Path, size: int) -> None:
        have = _size(part)
        if have > size:
            part.unlink()
            have = 0
        if have == size:
            return
        req = _request(url)
        if have:
            req.add_header("Range", f"bytes={have}-")
        try:
            resp = urllib.request.urlopen(req, timeout=self.timeout, context=self.ssl_context)
        except urllib.error.HTTPError as exc:
            if exc.code == 416:  # nothing past what we have: let the checks judge it
                return
            raise
        with resp:
            mode = "ab"
            if have and resp.status != 206:  # the server ignored the range: from the start
                mode, have = "wb", 0
            with part.open(mode) as out:
                while have < size:
                    chunk = resp.read1(min(CHUNK, size - have))  # what came, not a full chunk
                    if not chunk:
                        break
                    out.write(chunk)
                    have += len(chunk)
                out.flush()
                os.fsync(out.fileno())
        if have < size:
            raise ConnectionError("the connection ended early")


def _request(url: str) -> urllib.request.Request:
    return urllib.request.Request(url, headers={"User-Agent": "borderdesk-sync/1"})


def _why(exc: Exception) -> str:
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return "timed out (the server stalled)"
    if isinstance(getattr(exc, "reason", None), ssl.SSLCertVerificationError):
        return (f"the mirror's certificate is not trusted ({exc.reason.verify_message}); "
                "[sync] ca_file names the CA that signed it")
    reason = getattr(exc, "reason", None)
    return str(reason or exc) or type(exc).__name__


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _sha256(path: Path) -> str:
    return bundle._digest(path)[1]


def read_index(data: bytes, signature: bytes, trusted: dict) -> dict:
    """The verified index: its signature by a trusted key first, then its form."""
    try:
        index = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise SyncError("the mirror's index is not JSON") from None
    if not isinstance(index, dict) or index.get("format") != INDEX_FORMAT:
        raise SyncError("the mirror's index is not a borderdesk index")
    public = trusted.get(index.get("publisher"))
    if public is None:
        raise UnknownPublisher(f"the mirror's index is signed by key {index.get('publisher')!r}, "
                               "which this desk does not trust")
    try:
        keys.verify(public, signature, data)
    except BadSignature:
        raise BadSignature("the mirror's index signature does not verify: the index was "
                           "altered or signed with another key") from None
    if not isinstance(index.get("sequence"), int) or not isinstance(index.get("bundles"), list):
        raise SyncError("the mirror's index is malformed")
    return index


def index_entries(index: dict) -> list[Entry]:
    found = []
    for b in index["bundles"]:
        try:
            e = Entry(str(b["file"]), b["kind"], int(b["version"]), b.get("base"),
                      b.get("series"), int(b["size"]), str(b["sha256"]))
        except (KeyError, TypeError, ValueError):
            raise SyncError("the mirror's index lists a bundle malformed") from None
        if "/" in e.file or e.file.startswith(".") or e.kind not in ("full", "delta"):
            raise SyncError(f"the mirror's index lists a bundle named {e.file!r}; refused")
        found.append(e)
    return found


def write_index(folder: Path, key_path: Path, sequence: int | None = None,
                now: datetime | None = None) -> dict:
    """Write ``index.json`` and ``index.sig`` for the bundles in ``folder`` (the publisher's
    side of a mirror); returns the index."""
    key = keys.load_private(key_path)
    now = now or datetime.now(timezone.utc)
    folder = Path(folder)
    previous = 0
    try:
        previous = json.loads((folder / INDEX).read_text()).get("sequence", 0)
    except (OSError, ValueError, AttributeError):
        pass
    if sequence is None:
        sequence = max(int(now.timestamp()), previous + 1)
    entries = [dict(e.as_json(), sha256=_sha256(folder / e.file))
               for e in directory_entries(folder)]
    index = {"format": INDEX_FORMAT, "format_version": 1, "sequence": sequence,
             "created": now.astimezone(timezone.utc).isoformat(timespec="seconds"),
             "publisher": keys.fingerprint(key.public_key()), "bundles": entries}
    data = bundle.manifest_bytes(index)
    for name, payload in ((INDEX_SIG, key.sign(data)), (INDEX, data)):
        tmp = folder / f".{name}.{uuid.uuid4().hex}.tmp"
        tmp.write_bytes(payload)
        os.replace(tmp, folder / name)
    return index


# -- a sync ------------------------------------------------------------------------------------

@dataclass
class Report:
    """What one sync did."""

    source: str
    held_before: int
    held_after: int
    imported: list[int] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    attempts: list[str] = field(default_factory=list)  # retried downloads and why

    def as_json(self) -> dict:
        return {"source": self.source, "held_before": self.held_before,
                "held_after": self.held_after, "imported": self.imported,
                "skipped": self.skipped, "attempts": self.attempts}

    def describe(self) -> str:
        if not self.imported:
            return f"up to date at version {self.held_after} ({self.source})"
        return (f"imported version(s) {', '.join(map(str, self.imported))} from {self.source}: "
                f"version {self.held_before} to {self.held_after}")


def sync(store: Store, source: str, http: Http | None = None) -> Report:
    """Bring ``store`` to the newest version ``source`` offers. Raises :class:`SyncError`
    or a :class:`BundleError` (nothing past the last bundle verified is imported)."""
    http = http or Http()
    if not store.trusted():
        raise SyncError("this desk trusts no publisher yet (borderdesk watchlist trust "
                        "PUBLIC_KEY)")
    held = store.held_version()
    held_series = _series(store)
    report = Report(source, held, held)
    remote = urllib.parse.urlsplit(source).scheme in ("http", "https")
    if remote:
        base = source if source.endswith("/") else source + "/"
        data = http.get_small(base + INDEX)
        sig = http.get_small(base + INDEX_SIG, 64)
        index = read_index(data, sig, store.trusted())
        seen = load_state(store).get("index_sequence")
        if isinstance(seen, int) and index["sequence"] < seen:
            raise SyncError(f"the mirror's index is older (sequence {index['sequence']}) than "
                            f"one this desk has seen ({seen}): a replayed index; refused")
        store.note_seen(_time(index.get("created")))
        save_state(store, index_sequence=index["sequence"])
        steps = plan(index_entries(index), held, held_series)
    else:
        folder = Path(source)
        if not folder.is_dir():
            raise SyncError(f"the sync source {source} is not a directory or an http(s) URL")
        steps = plan(directory_entries(folder), held, held_series)
    downloads = store.root / DOWNLOADS
    if remote and downloads.is_dir():  # parts of downloads no longer needed
        wanted = {step.file + ".part" for step in steps}
        for leftover in downloads.iterdir():
            if leftover.name not in wanted:
                leftover.unlink(missing_ok=True)
    try:
        for step in steps:
            if remote:
                downloads.mkdir(parents=True, exist_ok=True)
                path = http.download(urllib.parse.urljoin(base, step.file),
                                     downloads / step.file, step.size, step.sha256)
            else:
                path = Path(source) / step.file
            try:
                store.import_bundle(path)
            except StaleVersion as exc:  # another import got there first
                report.skipped.append(f"{step.file}: {exc}")
            else:
                report.imported.append(step.version)
            if remote:
                path.unlink(missing_ok=True)
    finally:
        report.attempts = list(http.attempts)
        report.held_after = store.held_version()
    return report


def _series(store: Store) -> int | None:
    try:
        manifest = store.manifest()
    except BundleError:
        return None
    return manifest.get("series") if manifest else None


def load_state(store: Store) -> dict:
    try:
        state = json.loads((store.root / STATE).read_text())
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def save_state(store: Store, **changes) -> dict:
    """Update the sync state file (atomically): last attempt, success, error, sequence."""
    state = dict(load_state(store), **changes)
    store.root.mkdir(parents=True, exist_ok=True)
    tmp = store.root / f"{STATE}.{uuid.uuid4().hex}.tmp"
    tmp.write_text(json.dumps(state, ensure_ascii=False))
    os.replace(tmp, store.root / STATE)
    return state
