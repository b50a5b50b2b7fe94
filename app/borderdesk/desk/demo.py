"""The demo desk: a data directory a person on a fresh machine can try everything with.

:func:`prepare` fills a data directory (once; again with ``reset``) with:

* two users whose badges and PINs the sign-in screen shows: an officer and a
  supervisor;
* a configuration naming the desk ``DEMO-01``;
* the demo publisher's public key (``resources/demo/publisher/``), trusted,
  and a demo watchlist bundle built from ``resources/demo/watchlist.ndjson``
  with that publisher's key and imported; built afresh whenever the held one
  has gone stale, so the demo's lists are always current;
* a replayed camera playing ``resources/demo/camera/`` in a loop, in real time
  (a slow reader misses frames, as with a camera): sample documents, some of
  them on the demo lists (made by ``tools/demo_camera.py``). A demo directory
  made before the recording was there gets it on the next start.

A directory is reset only if it carries the demo marker, so ``--reset`` with a
real desk's ``--data-dir`` refuses instead of wiping it.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from . import watchlists
from .config import Config
from .resources import resource_path
from .users import Role, UserStore

MARKER = ".borderdesk-demo"
USERS = (
    # badge, PIN, role, name
    ("O1001", "111111", Role.OFFICER, "Demo Officer"),
    ("S2001", "222222", Role.SUPERVISOR, "Demo Supervisor"),
)
CONFIG = """\
# The demo desk (made by `borderdesk demo`; `borderdesk demo --reset` makes it afresh).
[desk]
desk_id = "DEMO-01"
checkpoint = "Demo crossing"
idle_lock_minutes = 10
"""
# The recording at 4 frames a second: each document lies still about a second, long
# enough for the OCR to read it on a busy machine.
CAMERA = """
[camera]
replay = {folder}
replay_fps = 4.0
replay_loop = true
replay_realtime = true
"""


class DemoError(RuntimeError):
    """The demo data cannot be prepared (the message says why)."""


@dataclass(frozen=True, slots=True)
class DemoInfo:
    data_dir: Path
    users: tuple[tuple[str, str, str], ...]  # badge, PIN, role

    def describe(self) -> str:
        who = "; ".join(f"{role} {badge} PIN {pin}" for badge, pin, role in self.users)
        return f"borderdesk demo: data in {self.data_dir}; sign in as {who}"


def samples() -> dict[str, str]:
    """The demo's sample documents by name (``resources/demo/documents.json``): MRZ text.

    ``clear``, ``clear-card`` and ``expired`` are on no list; ``hit`` (a stolen
    passport), ``hit-person`` (a wanted person) and ``possible`` (a name close
    to a listed person's) are on the demo lists.
    """
    entries = json.loads(resource_path("demo", "documents.json").read_text(encoding="utf-8"))
    return {e["name"]: "\n".join(e["mrz"]) for e in entries}


def camera_section() -> str:
    """The [camera] section of the demo's configuration; empty without the recording."""
    folder = resource_path("demo", "camera")
    if not folder.is_dir():
        return ""
    return CAMERA.format(folder=json.dumps(str(folder)))


def _add_camera(data_dir: Path) -> None:
    """Give a demo directory made before the recording was there the recording."""
    path = data_dir / "config.toml"
    text = path.read_text(encoding="utf-8")
    section = camera_section()
    if section and section not in text and "[camera]" not in text:
        path.write_text(text + section, encoding="utf-8")


def _config(data_dir: Path) -> Config:
    config = Config.load([data_dir / "config.toml"])
    config.data_dir = data_dir
    return config


def default_dir() -> Path:
    """The demo's own data directory, apart from a real desk's."""
    return Path(platformdirs.user_data_dir("borderdesk-demo", appauthor=False))


def info(data_dir: Path) -> DemoInfo:
    return DemoInfo(data_dir, tuple((b, pin, role.value) for b, pin, role, _ in USERS))


def is_demo(data_dir: Path) -> bool:
    return (data_dir / MARKER).exists()


def refresh_lists(config: Config) -> dict:
    """Build the demo bundle now (the next version after the one held) and import it."""
    publisher = resource_path("demo", "publisher")
    watchlists.trust(publisher / "publisher.pub", config)
    with tempfile.TemporaryDirectory(dir=config.data_dir) as work:
        bundle = Path(work) / "demo.bundle"
        version = (watchlists.status(config)["version"] or 0) + 1
        watchlists.build([resource_path("demo", "watchlist.ndjson")],
                         publisher / "publisher.key", version, bundle, config=config)
        return watchlists.import_bundle(bundle, config)


def prepare(data_dir: Path, *, reset: bool = False) -> DemoInfo:
    """Make ``data_dir`` a demo desk (only the lists are redone when it already is one)."""
    if reset and data_dir.exists() and any(data_dir.iterdir()):
        if not is_demo(data_dir):
            raise DemoError(f"{data_dir} is not a demo data directory; not resetting it")
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    if is_demo(data_dir):
        _add_camera(data_dir)
        config = _config(data_dir)
        if watchlists.status(config)["state"] != "OK":
            refresh_lists(config)
        return info(data_dir)
    if any(p.name != "config.toml" for p in data_dir.iterdir()):
        raise DemoError(f"{data_dir} already holds a desk's data; choose an empty directory")
    if not resource_path("demo").is_dir():
        raise DemoError(f"the demo resources are missing ({resource_path('demo')})")
    (data_dir / "config.toml").write_text(CONFIG + camera_section(), encoding="utf-8")
    config = _config(data_dir)
    users = UserStore(config)
    for badge, pin, role, name in USERS:
        users.add(badge, pin, role, name)
    refresh_lists(config)
    (data_dir / MARKER).write_text("made by borderdesk demo\n", encoding="utf-8")
    return info(data_dir)
