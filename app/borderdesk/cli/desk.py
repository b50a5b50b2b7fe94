"""``borderdesk desk`` and ``borderdesk demo``: start the desk's screens.

``demo`` first fills a data directory of its own (unless ``--data-dir`` names
one) with demo users, lists and a replayed camera, so the whole flow can be
seen on a fresh machine; see :mod:`borderdesk.desk.demo`.
"""

from __future__ import annotations

import argparse
import os
import sys

from ..desk import demo
from ..desk.config import ConfigError, data_dir
from ..desk.watchlists import WatchlistError
from ..desk.start import StartOptions

EXIT_CANNOT_START = 2
LANGUAGES = ("en", "fr", "ar")


def register(commands: argparse._SubParsersAction) -> None:
    desk = commands.add_parser("desk", help="start the desk (the default command)")
    _screen_options(desk)
    desk.set_defaults(handler=_desk)
    show = commands.add_parser(
        "demo", help="start the desk with demo data: users, lists, a replayed camera",
        description="Start the desk on a demo data directory (made on first use; the "
                    "platform's data directory for 'borderdesk-demo' unless --data-dir is "
                    "given). The sign-in screen shows the demo badges and PINs.")
    _screen_options(show)
    show.add_argument("--reset", action="store_true", help="make the demo data afresh")
    show.set_defaults(handler=_demo)


def _screen_options(parser: argparse.ArgumentParser) -> None:
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--kiosk", dest="kiosk", action="store_true", default=None,
                      help="full screen, no window decorations; leaving needs a supervisor")
    mode.add_argument("--windowed", dest="kiosk", action="store_false",
                      help="an ordinary window (for development)")
    parser.add_argument("--language", choices=LANGUAGES,
                        help="the language of the sign-in screen (default: from the config)")


def _start(args: argparse.Namespace, *, is_demo: bool) -> int:
    if args.start_screens is None:
        print("borderdesk: the desk's screens are not part of this entry point; "
              "run the 'borderdesk' program", file=sys.stderr)
        return EXIT_CANNOT_START
    return args.start_screens(StartOptions(kiosk=args.kiosk, language=args.language,
                                           demo=is_demo))


def _desk(args: argparse.Namespace) -> int:
    return _start(args, is_demo=False)


def _demo(args: argparse.Namespace) -> int:
    if not args.data_dir:
        os.environ["BORDERDESK_HOME"] = str(demo.default_dir())
    try:
        info = demo.prepare(data_dir(), reset=args.reset)
    except (OSError, ConfigError, demo.DemoError, WatchlistError) as exc:
        print(f"borderdesk: cannot prepare the demo data: {exc}", file=sys.stderr)
        return EXIT_CANNOT_START
    print(info.describe())
    return _start(args, is_demo=True)
