"""What can go wrong with lists: bad source lines, refused bundles, a missing store.

Every exception carries a message written for the person at the keyboard (a
publisher building a bundle, an administrator importing one). All derive from
:class:`WatchlistError`, a ``ValueError``.
"""

from __future__ import annotations


class WatchlistError(ValueError):
    """Base of the watchlist errors."""


class InvalidRecord(WatchlistError):
    """One source record breaks the format of docs/watchlist-format.md."""


class SourceError(WatchlistError):
    """A source file holds records that do not validate; names the file and the lines."""

    def __init__(self, problems: list[tuple[str, int, str]], more: int = 0) -> None:
        self.problems = problems  # (file, line, message)
        self.more = more  # further problems not listed
        lines = [f"{path}:{line}: {message}" for path, line, message in problems]
        if more:
            lines.append(f"... and {more} more problem(s)")
        super().__init__("\n".join(lines))


class BundleError(WatchlistError):
    """A bundle is refused; nothing stored was changed."""


class BadSignature(BundleError):
    """The manifest's signature does not verify."""


class UnknownPublisher(BundleError):
    """The bundle is signed by a key this desk does not trust."""


class CorruptBundle(BundleError):
    """The file is truncated, altered, or not a bundle."""


class UnsafeBundle(BundleError):
    """The bundle tries something hostile: paths outside the store, a decompression bomb."""


class StaleVersion(BundleError):
    """The bundle's version is not newer than the one held (a replay or a rollback)."""


class NeedsBase(BundleError):
    """A delta does not apply to the lists held: ``needed`` is the version it applies to."""

    def __init__(self, needed: int, message: str) -> None:
        self.needed = needed
        super().__init__(message)


class KeyFileError(WatchlistError):
    """A key file is missing, unreadable or of the wrong kind."""


class NoStore(WatchlistError):
    """No list has been imported on this desk."""
