"""``doctor``: a desk checked end to end, each finding in words a technician can act on.

Every check returns one :class:`Finding`: OK, WARN (the desk works, but look
at it) or FAIL (the desk cannot do its job until this is fixed), with what was
found and, when it is not OK, what to do. The checks only look: nothing is
created or migrated, except a probe file written to (and removed from) the
data directory to prove it is writable.

The checks, in the order a technician fixes things: configuration, data
directory, disk space, clock, hit-log schema, trusted keys, lists, camera,
scanner.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from .capture import CameraError, NoCameraFound, PortNotFound, frame_source, serial_scanner
from .config import Config, ConfigError, data_dir_path
from .hits import LogUnavailable, local_url, schema_revisions
from .watchlists import WatchlistError, store

OK, WARN, FAIL = "OK", "WARN", "FAIL"

#: Free space on the data directory's disk below which the desk is at risk (a list import
#: needs room for a second copy of the lists beside the live one).
DISK_FAIL_BYTES = 200 * 1024 * 1024
DISK_WARN_BYTES = 1024 * 1024 * 1024
#: A clock before this year has never been set (a flat CMOS battery, no network time).
EARLIEST_YEAR = 2025
LATEST_YEAR = 2100
#: Lists older than this (hours) are worth a word even before they expire.
LIST_AGE_WARN_HOURS = 48.0
CAMERA_TIMEOUT = 5.0  # seconds to wait for a first frame


@dataclass(frozen=True, slots=True)
class Finding:
    """The result of one check."""

    check: str  # a short name: "camera", "scanner", "data directory" ...
    status: str  # OK, WARN or FAIL
    message: str  # what was found
    action: str = ""  # what to do about it (empty when OK)

    def as_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Report:
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        """True when nothing FAILed (warnings allowed)."""
        return all(f.status != FAIL for f in self.findings)

    def as_json(self) -> dict:
        return {"ok": self.ok, "checks": [f.as_json() for f in self.findings]}


def run(config: Config | None = None, *, now: datetime | None = None,
        camera_timeout: float = CAMERA_TIMEOUT) -> Report:
    """Every check; ``config`` None loads it (a broken configuration is itself a finding)."""
    now = now or datetime.now(timezone.utc)
    if config is None:
        try:
            config = Config.load()
        except ConfigError as exc:
            return Report((Finding("configuration", FAIL, str(exc),
                                   "correct the file and key named, or remove the key to "
                                   "use its default"),))
        except OSError as exc:
            where = data_dir_path()
            return Report((Finding("data directory", FAIL,
                                   f"the data directory {where} cannot be made: {exc}",
                                   f"create {where} and give it to the user the desk runs "
                                   f"as (the package's user is 'borderdesk')"),))
    findings = [Finding("configuration", OK, "read without error")]
    checks: list[Callable[[], Finding]] = [
        lambda: check_data_dir(config.data_dir),
        lambda: check_disk(config.data_dir),
        lambda: check_clock(config, now),
        lambda: check_hitlog(config),
        lambda: check_keys(config),
        lambda: check_lists(config, now),
        lambda: check_camera(config, camera_timeout),
        lambda: check_scanner(config),
    ]
    for check in checks:
        findings.append(check())
    return Report(tuple(findings))


# -- the checks --------------------------------------------------------------------

def check_data_dir(path: Path) -> Finding:
    name = "data directory"
    probe = path / f".doctor-{os.getpid()}"
    try:
        with open(probe, "wb") as f:
            f.write(b"borderdesk doctor\n")
            f.flush()
            os.fsync(f.fileno())
        probe.unlink()
    except OSError as exc:
        return Finding(name, FAIL, f"{path} is not writable: {exc.strerror or exc}",
                       f"give {path} to the user the desk runs as "
                       f"(chown -R borderdesk:borderdesk {path}), and check the disk is not "
                       f"mounted read-only")
    return Finding(name, OK, f"{path} is writable")


def _size(n: int) -> str:
    return f"{n / 1024 ** 3:.1f} GB" if n >= 1024 ** 3 else f"{n / 1024 ** 2:.0f} MB"


def check_disk(path: Path) -> Finding:
    name = "disk space"
    try:
        free = shutil.disk_usage(path).free
    except OSError as exc:
        return Finding(name, FAIL, f"cannot tell the free space of {path}: {exc}",
                       "check that the disk is mounted")
    text = f"{_size(free)} free on the disk of {path}"
    if free < DISK_FAIL_BYTES:
        return Finding(name, FAIL, text,
                       f"free at least {_size(DISK_WARN_BYTES)}: remove old files from the "
                       f"disk (never the hit log); a list import needs room for a second copy")
    if free < DISK_WARN_BYTES:
        return Finding(name, WARN, text, f"free some space soon (below {_size(DISK_FAIL_BYTES)} "
                                         f"list imports fail)")
    return Finding(name, OK, text)


def _parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def check_clock(config: Config, now: datetime) -> Finding:
    """A clock that was never set, or that is behind what the desk has already recorded."""
    name = "clock"
    stamp = now.strftime("%Y-%m-%d %H:%M UTC")
    action = ("set the date and time (timedatectl set-time 'YYYY-MM-DD HH:MM:SS', or "
              "timedatectl set-ntp true where there is a network); a wrong clock misjudges "
              "the lists' age and documents' expiry")
    if not EARLIEST_YEAR <= now.year <= LATEST_YEAR:
        return Finding(name, FAIL, f"the clock says {stamp}: it has not been set", action)
    later: list[tuple[datetime, str]] = []
    try:
        manifest = store(config).manifest()
    except (WatchlistError, OSError, ValueError):
        manifest = None
    published = _parse_time((manifest or {}).get("published"))
    if published is not None:
        later.append((published, "the lists were published"))
    try:
        newest = _newest_hit(config)
    except (LogUnavailable, OSError):
        newest = None
    if newest is not None:
        later.append((newest, "the newest hit-log entry was recorded"))
    # A few minutes of slack: a publisher's clock may run a little ahead of the desk's.
    for when, what in sorted(later, reverse=True):
        if (when - now).total_seconds() > 600:
            return Finding(name, FAIL, f"the clock says {stamp}, but {what} at "
                                       f"{when.strftime('%Y-%m-%d %H:%M UTC')}: it is behind",
                           action)
    return Finding(name, OK, f"{stamp}")


def _newest_hit(config: Config) -> datetime | None:
    from ..hitlog.schema import make_engine, newest_entry_time
    url = local_url(config)
    if "://" not in url and not Path(url).expanduser().exists():
        return None
    revision, _ = schema_revisions(config)
    if revision is None:
        return None
    engine = make_engine(url)
    try:
        return _parse_time(newest_entry_time(engine))
    finally:
        engine.dispose()


def check_hitlog(config: Config) -> Finding:
    name = "hit log"
    where = local_url(config)
    try:
        current, head = schema_revisions(config)
    except LogUnavailable as exc:
        return Finding(name, FAIL, str(exc),
                       "check the file's owner and the disk; do not delete the log (it is "
                       "evidence): call the support with the output of 'borderdesk hits verify'")
    if current is None:
        return Finding(name, OK, f"{where}: not made yet; the desk makes it on first use")
    if current == head:
        return Finding(name, OK, f"{where}: schema current ({head})")
    from ..hitlog.schema import MIGRATIONS  # the revisions this borderdesk knows
    known = {p.stem.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("*.py")}
    if current not in known:
        return Finding(name, FAIL, f"{where}: schema {current} is newer than this borderdesk "
                                   f"knows (newest {head})",
                       "a newer borderdesk wrote this log: install that version again")
    return Finding(name, FAIL, f"{where}: schema {current} is behind the newest ({head})",
                   "run 'borderdesk hits migrate' (the package upgrade does it)")


def check_keys(config: Config) -> Finding:
    name = "trusted keys"
    try:
        trusted = store(config).trusted()
    except OSError as exc:
        return Finding(name, FAIL, f"cannot read the trusted keys: {exc}",
                       "check the owner of the data directory")
    if not trusted:
        return Finding(name, FAIL, "no publisher's key is trusted: no list can be imported",
                       "run 'borderdesk watchlist trust PUBLISHER.pub' with the key file "
                       "the list publisher gave you")
    names = ", ".join(fp[:16] for fp in trusted)
    return Finding(name, OK, f"{len(trusted)} publisher key(s) trusted: {names}")


def check_lists(config: Config, now: datetime) -> Finding:
    name = "lists"
    try:
        facts = store(config).status(now)
    except (WatchlistError, OSError, ValueError) as exc:
        return Finding(name, FAIL, f"the lists cannot be read: {exc}",
                       "import the newest bundle again: 'borderdesk watchlist import FILE'")
    if not facts or facts.get("version") is None:
        return Finding(name, FAIL, "no lists are loaded: every check would be CLEAR, unreliably",
                       "import a bundle: 'borderdesk watchlist import FILE' (from the USB "
                       "stick), or 'borderdesk watchlist sync' where there is a network")
    lists = facts.get("lists") or {}
    counts = ", ".join(f"{n} {info.get('records', info.get('count', ''))}".strip()
                       for n, info in sorted(lists.items())) or "no lists in the bundle"
    age = facts.get("age_hours")
    age_text = "age unknown" if age is None else f"{age:.0f} h old"
    text = f"version {facts['version']} ({counts}), {age_text}, valid until {facts['expires']}"
    if facts.get("state") == "STALE":
        return Finding(name, FAIL, f"the lists have expired: {text}",
                       "import a newer bundle: 'borderdesk watchlist import FILE', or "
                       "'borderdesk watchlist sync'")
    if age is not None and age > LIST_AGE_WARN_HOURS:
        return Finding(name, WARN, text, "import a newer bundle soon")
    return Finding(name, OK, text)


def check_camera(config: Config, timeout: float = CAMERA_TIMEOUT) -> Finding:
    """The camera (or the configured replay) opens and delivers a frame."""
    name = "camera"
    camera = config.camera
    what = f"replay {camera.replay}" if camera.replay else f"camera {camera.device!r}"
    if not camera.replay and not camera.device:
        return Finding(name, WARN, "no camera is configured ([camera] device is empty)",
                       "documents can only be read by a scanner or typed in; set [camera] "
                       "device in /etc/borderdesk/config.toml to use a camera")
    # OpenCV's own warnings about a missing device say nothing more than the finding.
    import cv2
    cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
    try:
        source = frame_source(camera)
        source.start()
    except NoCameraFound:
        hint = ("plug the camera in (ls /dev/video* lists the cameras the system sees), "
                "close any other program using it, and check the desk's user is in the "
                "'video' group; or set [camera] device to the right one")
        return Finding(name, FAIL, f"no {what}: it cannot be opened", hint)
    except CameraError as exc:
        return Finding(name, FAIL, f"{what}: {exc}",
                       "check [camera] replay names a folder of images or a video file")
    try:
        frame = source.read(timeout)
    except CameraError as exc:
        return Finding(name, FAIL, f"{what} opened but failed: {exc}",
                       "unplug and replug the camera; try another USB port")
    finally:
        source.stop()
    if frame is None:
        return Finding(name, FAIL, f"{what} opened but gave no picture in {timeout:g} s",
                       "unplug and replug the camera; try another USB port or a lower "
                       "resolution ([camera] width, height)")
    height, width = frame.image.shape[:2]
    return Finding(name, OK, f"{what} delivers frames ({width}x{height})")


def check_scanner(config: Config) -> Finding:
    name = "scanner"
    port = config.scanner.serial_port
    wedge = " (keyboard-wedge readers need no set-up)" if config.scanner.wedge else ""
    if not port:
        return Finding(name, OK, f"no serial scanner configured{wedge}")
    if port.startswith("/dev/") and not os.path.exists(port):
        return Finding(name, FAIL, f"serial port {port} is not present",
                       "plug the scanner in (ls /dev/ttyUSB* /dev/ttyACM* lists the ports), "
                       "or set [scanner] serial_port to the port it is on")
    try:
        with serial_scanner(config.scanner):
            pass  # opened, then closed and released
    except PortNotFound as exc:
        hint = ("check the desk's user is in the 'dialout' group, and that no other "
                "program holds the port")
        return Finding(name, FAIL, str(exc), hint)
    return Finding(name, OK, f"serial port {port} opens ({config.scanner.baudrate} baud)")
