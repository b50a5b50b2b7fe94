"""Where a desk keeps its state, and its configuration.

The data directory holds everything a desk owns (lists, hit log, users,
keys, its own log files). It is, in order of precedence: the global
``--data-dir`` option (which sets ``BORDERDESK_HOME``), the ``BORDERDESK_HOME``
environment variable, else the platform's user data directory.

Configuration is TOML, read from ``/etc/borderdesk/config.toml`` (or the file
``BORDERDESK_CONFIG`` names) and then ``<data dir>/config.toml``; a later file
overrides an earlier one key by key. Every key has a default, so a desk runs
with no file at all. Each part of borderdesk owns one section (a dataclass
below); unknown keys are an error that names the file and the key, because a
mistyped threshold must not pass silently.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

SYSTEM_CONFIG = Path("/etc/borderdesk/config.toml")


class ConfigError(ValueError):
    """A configuration file is unreadable or holds a wrong key or value."""


def data_dir() -> Path:
    """The desk's data directory (created if missing)."""
    home = os.environ.get("BORDERDESK_HOME")
    path = Path(home) if home else Path(platformdirs.user_data_dir("borderdesk", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass
class DeskSection:
    desk_id: str = "DESK-01"
    checkpoint: str = "CHECKPOINT"
    language: str = "en"  # en, fr, ar
    kiosk: bool = False
    idle_lock_minutes: int = 5  # 0: never lock on idle


@dataclass
class UsersSection:
    """Sign-in rules (:mod:`borderdesk.desk.users`)."""

    min_secret_length: int = 6
    max_failures: int = 5  # wrong secrets in a row before the badge locks
    lockout_minutes: int = 15
    hash_cost_log2: int = 17  # scrypt N = 2**this (OWASP: 17 with r=8, p=1)


@dataclass
class UiSection:
    """The desk's screens (:mod:`borderdesk.ui`)."""

    next_key: str = "F12"  # the single "next document" key (a foot pedal sends it)
    clear_seconds: float = 0.8  # how long CLEAR stays before the desk is ready again
    sound: bool = True  # the alert on a HIT, where the machine has sound
    # The locale dates and numbers are shown in, per language (Arabic: Maghreb by default,
    # Western digits; "ar_EG", "ar_SA" and the like write Arabic-Indic digits).
    locales: dict = field(default_factory=lambda: {"en": "en_GB", "fr": "fr_FR",
                                                   "ar": "ar_DZ"})


@dataclass
class CameraSection:
    """The camera, or the recording played instead of it, and how frames are judged."""

    device: str = "0"  # an index ("0"), a device path (/dev/video2) or a URL; "" for none
    width: int = 1280
    height: int = 720
    fourcc: str = ""  # e.g. "MJPG", for 30 frames a second at 1280x720 over USB 2
    fps: float = 30.0  # the most frames a second to grab
    reconnect_max_seconds: float = 5.0  # the longest wait between two tries to reopen it
    replay: str = ""  # a folder of images or a video file played instead of the camera
    replay_fps: float = 10.0
    replay_loop: bool = True
    replay_realtime: bool = True  # frames a slow reader misses are dropped, as with a camera
    scan_interval_ms: int = 100  # at most one frame read every this often (the throttle)
    min_sharpness: float = 0.3  # of the MRZ band (reader.agreement.Quality); below: blurred
    min_frame_sharpness: float = 0.05  # of a whole frame, before the band is found
    max_glare: float = 0.05  # share of the band washed out by glare; above: not read
    min_frames: int = 2  # readings that must agree before a document is reported
    min_margin: float = 1.0  # per character, summed confidence over the best rival
    min_unverified_confidence: float = 0.8  # names etc.: mean confidence of the frames agreeing
    window: int = 8  # readings voted over
    ocr_engine: str = "borderdesk"  # borderdesk (the default), passporteye or tesseract
    absent_seconds: float = 1.0  # unseen this long, a document has left


@dataclass
class ScannerSection:
    """Document scanners: one on a serial port, and keyboard-wedge readers."""

    serial_port: str = ""  # /dev/ttyUSB0, COM3, or a pyserial URL; "" for none
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"  # N, E, O, M, S
    stopbits: float = 1.0  # 1, 1.5 or 2
    prefix: str = ""  # taken off the start of each line, if the scanner is set to send one
    suffix: str = ""  # taken off the end of each line
    idle_ms: int = 300  # this long without a byte ends a document
    wedge: bool = True  # listen for keyboard-wedge scanners
    wedge_max_gap_ms: float = 50.0  # a longer pause between keys ends a burst
    wedge_max_median_gap_ms: float = 20.0  # a scanner's burst is at least this fast
    wedge_min_chars: int = 30  # and at least this long


@dataclass
class WatchlistSection:
    """The lists (borderdesk.watchlist): candidate search and bundles."""

    max_candidates: int = 100  # persons scored per holder, the best by shared name keys
    bundle_valid_hours: float = 168.0  # validity a publisher gives a bundle it builds


@dataclass
class ScreeningSection:
    """Person screening: the score at or above which a match is a HIT or a POSSIBLE MATCH.

    Scores come from :func:`borderdesk.watchlist.persons.score_person`; the
    defaults are set on the labelled set of tests/bench/screening_quality.py.
    """

    hit: float = 0.90
    possible: float = 0.74


@dataclass
class HitlogSection:
    """The hit log: where it lives, how long personal data stays, the national copy."""

    database: str = ""  # a file path or a URL; "" is hitlog.sqlite in the data directory
    retention_days: int = 730  # hits older than this lose their personal data
    auto_redact: bool = True  # redact at desk start
    central_url: str = ""  # postgresql://... of the national log (hits push, review screen)
    national_chain: str = "NATIONAL"  # the chain that reviews made on the national log go to


@dataclass
class Config:
    """The whole configuration; each part of borderdesk adds its section here."""

    desk: DeskSection = field(default_factory=DeskSection)
    users: UsersSection = field(default_factory=UsersSection)
    ui: UiSection = field(default_factory=UiSection)
    camera: CameraSection = field(default_factory=CameraSection)
    scanner: ScannerSection = field(default_factory=ScannerSection)
    watchlist: WatchlistSection = field(default_factory=WatchlistSection)
    screening: ScreeningSection = field(default_factory=ScreeningSection)
    hitlog: HitlogSection = field(default_factory=HitlogSection)
    data_dir: Path = field(default_factory=data_dir)

    @classmethod
    def load(cls, files: list[Path] | None = None) -> Config:
        """Defaults, overridden by the system file, then the data directory's file."""
        config = cls()
        if files is None:
            files = [Path(os.environ.get("BORDERDESK_CONFIG", SYSTEM_CONFIG)),
                     config.data_dir / "config.toml"]
        for path in files:
            if path.is_file():
                config._apply(path)
        return config

    def _apply(self, path: Path) -> None:
        try:
            with path.open("rb") as f:
                values = tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from exc
        sections = {f.name: f for f in dataclasses.fields(self) if f.name != "data_dir"}
        for name, table in values.items():
            if name not in sections or not isinstance(table, dict):
                raise ConfigError(f"{path}: unknown section [{name}]")
            section = getattr(self, name)
            known = {f.name: f for f in dataclasses.fields(section)}
            for key, value in table.items():
                if key not in known:
                    raise ConfigError(f"{path}: unknown key {key!r} in [{name}]")
                default = getattr(section, key)
                if default is not None and not isinstance(value, type(default)) and not (
                        isinstance(default, float) and isinstance(value, int)):
                    raise ConfigError(f"{path}: [{name}] {key} must be "
                                      f"{type(default).__name__}, not {value!r}")
                setattr(section, key, value)
