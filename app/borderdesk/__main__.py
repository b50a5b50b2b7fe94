"""The ``borderdesk`` program: the command line, with the desk's screens behind ``desk``.

The only module that knows both faces; it hands the command line the function
that starts the screens, and Qt is imported only when they start.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def start_screens(options) -> int:
    from .ui.app import run_desk
    return run_desk(options)


def main(argv: Sequence[str] | None = None) -> int:
    from .cli import main as cli_main
    return cli_main(argv, start_screens=start_screens)


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
