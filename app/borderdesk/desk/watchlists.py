"""The watchlist operations of the desk, for both faces: keys, bundles, import, status.

The faces reach :mod:`borderdesk.watchlist` only through here. A publisher
uses :func:`keygen` and :func:`build`; a desk administrator :func:`trust`,
:func:`import_bundle` and :func:`status`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..watchlist import build as _build
from ..watchlist import bundle, keys
from ..watchlist import delta as _delta
from ..watchlist.sync import load_state as load_sync_state
from ..watchlist.exceptions import (BundleError, NoStore, SourceError, StaleVersion,
                                    UnknownPublisher, WatchlistError)
from ..watchlist.store import DEFAULT_WARNING_HOURS, Store, clock_set_back, describe
from .config import Config
from .verdict import WatchlistState

__all__ = ["BundleError", "NoStore", "SourceError", "StaleVersion", "UnknownPublisher",
           "WatchlistError", "build", "hit_log_newest", "import_bundle", "import_bundles", "keygen", "state_of", "write_index", "status", "store",
           "trust"]


def store(config: Config | None = None) -> Store:
    config = config or Config.load()
    return Store(config.data_dir / "watchlist")


def keygen(out_dir: Path) -> tuple[Path, Path, str]:
    """A new publisher key pair in ``out_dir``: (private key, public key, fingerprint)."""
    return keys.generate(Path(out_dir))


def build(sources: list[Path], key: Path, version: int, out: Path, *,
          valid_hours: float | None = None, series: int | None = None,
          base: Path | None = None, base_version: int | None = None,
          base_sources: list[Path] | None = None, full_out: Path | None = None,
          announce_keys: list[Path] = (), retire_keys: list[str] = (),
          config: Config | None = None) -> dict:
    """A full bundle, or with ``base`` (a full bundle) or ``base_version`` (and its
    sources) a delta bundle; returns its manifest."""
    config = config or Config.load()
    hours = config.watchlist.bundle_valid_hours if valid_hours is None else valid_hours
    sources = [Path(s) for s in sources]
    full = Path(full_out) if full_out else None
    changes = _build.key_changes([Path(p) for p in announce_keys], list(retire_keys))
    if base is not None:
        return _delta.build_delta(sources, Path(key), version, Path(out), Path(base),
                                  valid_hours=hours, full_out=full, key_changes=changes)
    if base_version is not None:
        return _delta.build_delta_from_source(
            sources, Path(key), version, Path(out), base_version,
            [Path(s) for s in base_sources or ()], series=series, valid_hours=hours,
            full_out=full, key_changes=changes)
    return _build.build(sources, Path(key), version, Path(out), valid_hours=hours,
                        series=series, key_changes=changes)


def write_index(folder: Path, key: Path, sequence: int | None = None) -> dict:
    """The publisher's side of a mirror: the signed index of the bundles in ``folder``."""
    from ..watchlist.sync import write_index as _write_index
    return _write_index(Path(folder), Path(key), sequence)


def trust(public_key: Path, config: Config | None = None) -> str:
    return store(config).trust(Path(public_key))


def import_bundle(path: Path, config: Config | None = None) -> dict:
    return store(config).import_bundle(Path(path))


def import_bundles(paths: list[Path], config: Config | None = None):
    """Import several bundles in version order (a full bundle and the deltas after it);
    yields (path, manifest) for each imported, (path, StaleVersion) for each skipped as
    not newer than the lists held. Raises on the first one refused otherwise; the ones
    imported before it stay (each import is whole)."""
    s = store(config)
    ordered = sorted((Path(p) for p in paths), key=_version_of)
    for path in ordered:
        try:
            yield path, s.import_bundle(path)
        except StaleVersion as exc:
            if len(ordered) == 1:
                raise
            yield path, exc


def _version_of(path: Path) -> int:
    try:
        return bundle.peek(path).get("version", 0)
    except (WatchlistError, OSError):
        return 0  # refused with its reason when imported


def hit_log_newest(config: Config | None = None) -> datetime | None:
    """When the desk's hit log last recorded an entry (None without a log or entries)."""
    from .hits import Hits, LogUnavailable
    config = config or Config.load()
    if not config.hitlog.database and not (config.data_dir / "hitlog.sqlite").exists():
        return None  # no log yet: nothing to create for a status
    try:
        hits = Hits.open_local(config)
    except LogUnavailable:
        return None
    try:
        return hits.newest()
    except LogUnavailable:
        return None
    finally:
        hits.close()


def status(config: Config | None = None, now: datetime | None = None,
           newest_seen: datetime | None = None) -> dict:
    """The live lists' facts and freshness (OK / WARNING / STALE / NONE) by the
    configuration's warning ages; ``newest_seen`` (the hit log's newest entry) joins the
    store's newest verified publication time for telling a clock set back."""
    config = config or Config.load()
    s = store(config)
    return dict(s.status(now, config.watchlist.warning_hours,
                         config.watchlist.list_warning_hours, newest_seen),
                sync=load_sync_state(s))


def state_of(manifest: dict | None, now: datetime, rules_differ: bool = False, *,
             config: Config | None = None, newest_seen: datetime | None = None
             ) -> WatchlistState:
    """The :class:`WatchlistState` a verdict carries for the lists of ``manifest``."""
    set_back = clock_set_back(now, newest_seen)
    clock_note = ((f"the clock is set back: it says {now.isoformat(timespec='minutes')}, "
                   f"earlier than {newest_seen.isoformat(timespec='minutes')} already seen; "
                   "the age of the lists cannot be told: no hit is not reliable",)
                  if set_back else ())
    if manifest is None:
        return WatchlistState(version=None, age_hours=None, state="NONE",
                              notes=("no watchlist is loaded: no hit is not reliable",)
                              + clock_note)
    section = config.watchlist if config is not None else None
    facts = describe(manifest, now,
                     section.warning_hours if section else DEFAULT_WARNING_HOURS,
                     section.list_warning_hours if section else None, newest_seen)
    notes = clock_note
    stale = [name for name, info in facts["lists"].items() if info["state"] == "STALE"]
    if facts["state"] == "STALE" and not set_back:
        which = f"list(s) {', '.join(stale)}" if stale else "the lists"
        notes += (f"{which} expired: no hit is not reliable",)
    elif facts["state"] == "WARNING":
        old = [name for name, info in facts["lists"].items() if info["state"] == "WARNING"]
        notes += (f"list(s) {', '.join(old)} older than their warning age: sync soon",)
    if rules_differ:
        notes += ("the person lists were prepared by other name rules than this desk's: "
                  "import a newer bundle",)
    return WatchlistState(version=facts["version"], age_hours=facts["age_hours"],
                          state=facts["state"], lists=facts["lists"], notes=notes)
