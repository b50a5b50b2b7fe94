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
from ..watchlist.exceptions import (BundleError, NoStore, SourceError, StaleVersion,
                                    UnknownPublisher, WatchlistError)
from ..watchlist.store import Store, describe
from .config import Config
from .verdict import WatchlistState

__all__ = ["BundleError", "NoStore", "SourceError", "StaleVersion", "UnknownPublisher",
           "WatchlistError", "build", "import_bundle", "import_bundles", "keygen", "state_of", "status", "store",
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
          config: Config | None = None) -> dict:
    """A full bundle, or with ``base`` (a full bundle) or ``base_version`` (and its
    sources) a delta bundle; returns its manifest."""
    config = config or Config.load()
    hours = config.watchlist.bundle_valid_hours if valid_hours is None else valid_hours
    sources = [Path(s) for s in sources]
    full = Path(full_out) if full_out else None
    if base is not None:
        return _delta.build_delta(sources, Path(key), version, Path(out), Path(base),
                                  valid_hours=hours, full_out=full)
    if base_version is not None:
        return _delta.build_delta_from_source(
            sources, Path(key), version, Path(out), base_version,
            [Path(s) for s in base_sources or ()], series=series, valid_hours=hours,
            full_out=full)
    return _build.build(sources, Path(key), version, Path(out), valid_hours=hours,
                        series=series)


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


def status(config: Config | None = None, now: datetime | None = None) -> dict:
    return store(config).status(now)


def state_of(manifest: dict | None, now: datetime, rules_differ: bool = False) -> WatchlistState:
    """The :class:`WatchlistState` a verdict carries for the lists of ``manifest``."""
    if manifest is None:
        return WatchlistState(version=None, age_hours=None, state="NONE",
                              notes=("no watchlist is loaded: no hit is not reliable",))
    facts = describe(manifest, now)
    notes = ()
    if facts["state"] == "STALE":
        notes = (f"the lists expired on {facts['expires']}: no hit is not reliable",)
    if rules_differ:
        notes += ("the person lists were prepared by other name rules than this desk's: "
                  "import a newer bundle",)
    return WatchlistState(version=facts["version"], age_hours=facts["age_hours"],
                          state=facts["state"], lists=facts["lists"], notes=notes)

