"""The ``borderdesk`` command line: the desk's operations for admins, scripts and tests.

Each command group lives in a module of its own with a ``register(subparsers)``
function; the handlers return the process exit status.

The desk's screens are another face beside this one (the layers of DESIGN.md
keep ``cli`` and ``ui`` apart), so the commands that start them, ``desk`` and
``demo``, are given the function that starts the screens by the program's
entry point, :mod:`borderdesk.__main__`. A bare ``borderdesk`` starts the desk.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .. import __version__
from . import check as check_commands
from . import desk as desk_commands
from . import hits as hits_commands
from . import mrz as mrz_commands
from . import scan as scan_commands
from . import users as users_commands
from . import watchlist as watchlist_commands

GROUPS = (mrz_commands, scan_commands, watchlist_commands, check_commands, hits_commands,
          users_commands, desk_commands)

EXIT_OK = 0
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="borderdesk",
        description="borderdesk: read travel documents and screen them against offline watchlists.",
    )
    parser.add_argument("--version", action="version", version=f"borderdesk {__version__}")
    parser.add_argument(
        "--data-dir", metavar="DIR",
        help="keep all of this desk's state in DIR (default: $BORDERDESK_HOME, "
             "else the platform's data directory)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None, start_screens=None) -> int:
    """Run one command; ``start_screens`` starts the desk's screens (see the module doc)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir:
        os.environ["BORDERDESK_HOME"] = os.path.abspath(args.data_dir)
    args.start_screens = start_screens
    handler = getattr(args, "handler", None)
    if handler is None and start_screens is not None:
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), "desk"])
        args.start_screens = start_screens
        handler = args.handler
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`); nothing to say.
        sys.stderr.close()
        return EXIT_OK


def run() -> None:
    sys.exit(main())
