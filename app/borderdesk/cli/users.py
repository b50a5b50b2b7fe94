"""``borderdesk users add|disable|reset|list``: who may sign in at this desk.

The PIN or password is asked twice on a terminal (never on the command line,
where other users and the shell history would see it); from a pipe, the first
line of standard input is taken, for installers and scripts.

The first supervisor is made at set-up::

    borderdesk users add S0001 --role supervisor --name "Chief Inspector"
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from ..desk.config import Config, ConfigError
from ..desk.users import Role, UserError, UserStore

EXIT_OK, EXIT_REFUSED = 0, 1


def register(commands: argparse._SubParsersAction) -> None:
    group = commands.add_parser("users", help="desk users: officers and supervisors")
    sub = group.add_subparsers(dest="users_command", metavar="COMMAND", required=True)

    add = sub.add_parser("add", help="add a user (asks for the PIN or password)")
    add.add_argument("badge", metavar="BADGE", help="the badge id the user signs in with")
    add.add_argument("--role", choices=[r.value for r in Role], default=Role.OFFICER.value)
    add.add_argument("--name", default="", help="the user's name, shown on the desk")
    add.set_defaults(handler=_add)

    disable = sub.add_parser("disable", help="stop a badge from signing in")
    disable.add_argument("badge", metavar="BADGE")
    disable.set_defaults(handler=_disable)

    reset = sub.add_parser("reset", help="set a new PIN or password; lifts a lockout and "
                                         "re-enables the badge")
    reset.add_argument("badge", metavar="BADGE")
    reset.set_defaults(handler=_reset)

    listing = sub.add_parser("list", help="list the users (no secrets)")
    listing.add_argument("--json", action="store_true", help="one JSON object per user")
    listing.set_defaults(handler=_list)


def _store() -> UserStore:
    return UserStore(Config.load())


def _read_secret() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("PIN or password: ")
        if getpass.getpass("Again: ") != first:
            raise UserError("the two entries differ")
        return first
    line = sys.stdin.readline()
    return line.rstrip("\r\n")


def _run(action) -> int:
    try:
        message = action()
    except (UserError, ConfigError) as exc:
        print(f"borderdesk: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except OSError as exc:
        print(f"borderdesk: cannot open the users file: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    if message:
        print(message)
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    def action():
        store = _store()
        user = store.add(args.badge, _read_secret(), args.role, args.name)
        return f"added {user.role.value} {user.badge}"
    return _run(action)


def _disable(args: argparse.Namespace) -> int:
    return _run(lambda: f"disabled {_store().disable(args.badge).badge}")


def _reset(args: argparse.Namespace) -> int:
    def action():
        store = _store()
        store.get(args.badge)  # an unknown badge is told before the secret is asked
        return f"reset {store.reset(args.badge, _read_secret()).badge}"
    return _run(action)


def _list(args: argparse.Namespace) -> int:
    def action():
        users = _store().all()
        if args.json:
            return "\n".join(json.dumps({
                "badge": u.badge, "name": u.name, "role": u.role.value,
                "disabled": u.disabled,
                "locked_until": u.locked_until.isoformat() if u.locked_until else None,
            }, ensure_ascii=False) for u in users)
        return "\n".join(
            f"{u.badge:<12} {u.role.value:<10} {'disabled' if u.disabled else 'active':<8} "
            f"{u.name}" for u in users)
    return _run(action)
