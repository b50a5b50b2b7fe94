"""``borderdesk hits list|export|verify|redact|push|migrate`` and the decisions on a hit.

Exit status: 0 done; 1 ``verify`` found the chain broken (or ``push`` found the
national copy diverged); 2 bad input or a log that cannot be opened.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from ..desk.config import Config, ConfigError
from ..desk.hits import (DISPOSITIONS, NO_DISPOSITION, OUTCOMES, REVIEWS, Diverged, EntryError,
                         Filter, Hits, LogUnavailable, migrate, select)

EXIT_OK, EXIT_BROKEN, EXIT_BAD = 0, 1, 2


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _filters(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filters (all must hold)")
    g.add_argument("--from", dest="date_from", type=_date, metavar="DATE",
                   help="hits on or after this desk-local date (YYYY-MM-DD)")
    g.add_argument("--to", dest="date_to", type=_date, metavar="DATE",
                   help="hits on or before this desk-local date")
    g.add_argument("--desk", default="", help="this desk id")
    g.add_argument("--officer", default="", help="this officer's id")
    g.add_argument("--list", dest="list_name", default="", metavar="NAME", help="this list")
    g.add_argument("--level", default="", choices=["HIT", "POSSIBLE"])
    g.add_argument("--disposition", default="", choices=[*DISPOSITIONS, NO_DISPOSITION],
                   help="the disposition that stands ('none': not yet disposed)")
    r = g.add_mutually_exclusive_group()
    r.add_argument("--reviewed", dest="reviewed", action="store_const", const=True)
    r.add_argument("--not-reviewed", dest="reviewed", action="store_const", const=False)
    g.add_argument("--text", default="", help="free text: every word must appear")


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL",
                   help="another hit log (a file, or postgresql://... for the national one); "
                        "default: this desk's")


def register(commands: argparse._SubParsersAction) -> None:
    group = commands.add_parser("hits", help="the hit log: list, export, verify, redact, push")
    sub = group.add_subparsers(dest="hits_command", metavar="COMMAND", required=True)

    p = sub.add_parser("list", help="list hits with their dispositions")
    _db(p)
    _filters(p)
    p.add_argument("--json", action="store_true",
                   help="one JSON object per hit entry (with its history), one per line")
    p.add_argument("--entries", action="store_true",
                   help="with --json: every log entry of the hits kept (the hit, then its "
                        "dispositions, outcomes, reviews), as stored, one per line")
    p.set_defaults(handler=_list)

    p = sub.add_parser("export", help="export hits to CSV or a PDF report")
    _db(p)
    _filters(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="the file to write ('-': CSV to standard output)")
    p.add_argument("--format", choices=["csv", "pdf"],
                   help="default: from the file's extension")
    p.set_defaults(handler=_export)

    p = sub.add_parser("verify", help="check the hash chains; exit 1 when broken")
    _db(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_verify)

    p = sub.add_parser("redact", help="remove personal data of hits older than the retention")
    p.add_argument("--older-than", type=int, metavar="DAYS",
                   help="retention in days (default: [hitlog] retention_days)")
    p.add_argument("--by", default="retention", help="who runs the redaction")
    p.set_defaults(handler=_redact)

    p = sub.add_parser("migrate", help="bring this desk's log to the newest schema "
                                       "(the package's upgrade runs it)")
    p.set_defaults(handler=_migrate)

    p = sub.add_parser("push", help="send this desk's new entries to the national log")
    p.add_argument("--to", required=True, metavar="URL", help="postgresql://user@host/db")
    p.set_defaults(handler=_push)

    for name, values, helptext in (("dispose", DISPOSITIONS, "record an officer's disposition"),
                                   ("outcome", OUTCOMES, "record a later outcome"),
                                   ("review", REVIEWS, "record a supervisor's review")):
        p = sub.add_parser(name, help=helptext)
        _db(p)
        p.add_argument("hit_id")
        p.add_argument("value", choices=list(values))
        p.add_argument("--by", required=True, metavar="ID", help="the officer or supervisor")
        p.add_argument("--note", default="", help="a note (a comment for reviews)")
        if name == "review":
            p.add_argument("--corrected", choices=list(DISPOSITIONS),
                           help="the disposition that should have been given")
        p.set_defaults(handler=_decide, decision=name)


def _open(args) -> Hits:
    config = Config.load()
    url = getattr(args, "db", None)
    if url and url.startswith(("postgresql:", "postgres:")):
        return Hits.open_central(config, url)
    if url:
        config.hitlog.database = url
    return Hits.open_local(config)


def _filter(args) -> Filter:
    return Filter(date_from=args.date_from, date_to=args.date_to, desk=args.desk,
                  officer=args.officer, list_name=args.list_name, level=args.level,
                  disposition=args.disposition, reviewed=args.reviewed, text=args.text)


def _fail(message: str) -> int:
    print(f"borderdesk: {message}", file=sys.stderr)
    return EXIT_BAD


def _guard(handler):
    def run(args):
        try:
            return handler(args)
        except (LogUnavailable, ConfigError, EntryError, OSError, ValueError) as exc:
            return _fail(str(exc))
    return run


@_guard
def _list(args) -> int:
    hits = _open(args)
    try:
        loaded = hits.load()
        records = [loaded.records[i] for i in select(loaded.records, _filter(args))]
        if args.entries:
            for rec in records:
                for entry in hits.log.rows_of_hit(rec.hit_id):
                    sys.stdout.write(json.dumps(entry, ensure_ascii=False) + "\n")
            return EXIT_OK
    finally:
        hits.close()
    out = sys.stdout
    for rec in records:
        if args.json:
            out.write(json.dumps(rec.as_json(), ensure_ascii=False) + "\n")
        else:
            out.write("  ".join([
                rec.local_time[:16].replace("T", " "), rec.desk_id, rec.officer,
                f"{rec.level:<8}", ",".join(rec.lists) or "-", f"{rec.score:.2f}",
                "(redacted)" if rec.redacted else (rec.name or "-"),
                rec.effective_disposition or "no-disposition",
                f"review:{rec.review}" if rec.review else "not-reviewed",
                (f"settled-after:{rec.wait_seconds / 3600:.1f}h" if rec.wait_seconds is not None
                 else f"waiting:{rec.waited() / 3600:.1f}h"),
                rec.hit_id]) + "\n")
    if not args.json:
        print(f"{len(records)} hit(s)", file=sys.stderr)
    return EXIT_OK


@_guard
def _export(args) -> int:
    fmt = args.format or ("pdf" if args.output.lower().endswith(".pdf") else "csv")
    if fmt == "pdf" and args.output == "-":
        return _fail("a PDF report needs a file name (-o report.pdf)")
    hits = _open(args)
    try:
        loaded = hits.load()
        flt = _filter(args)
        records = [loaded.records[i] for i in select(loaded.records, flt)]
        if fmt == "csv":
            if args.output == "-":
                n = hits.export_csv(records, sys.stdout)
            else:
                with open(args.output, "w", newline="", encoding="utf-8") as f:
                    n = hits.export_csv(records, f)
            print(f"{n} hit(s) exported", file=sys.stderr)
        else:
            pages = hits.export_pdf(records, Path(args.output), flt=flt,
                                    clear_counts=loaded.clear_counts)
            print(f"{len(records)} hit(s), {pages} page(s): {args.output}", file=sys.stderr)
    finally:
        hits.close()
    return EXIT_OK


@_guard
def _verify(args) -> int:
    hits = _open(args)
    try:
        report = hits.verify()
    finally:
        hits.close()
    if args.json:
        print(json.dumps({"ok": report.ok, "checked": report.checked, "heads": report.heads,
                          "problems": [p.as_json() for p in report.problems]}))
    else:
        for desk, n in report.checked.items():
            print(f"desk {desk}: {n} entries checked")
        for problem in report.problems:
            print(f"BROKEN {problem}")
        print("the chain verifies" if report.ok else
              f"the chain is broken: {len(report.problems)} problem(s)")
    return EXIT_OK if report.ok else EXIT_BROKEN


@_guard
def _migrate(args) -> int:
    before, now = migrate(Config.load())
    if before == now:
        print(f"the hit log's schema is current ({now})")
    else:
        print(f"the hit log's schema was brought from {before or 'nothing'} to {now}")
    return EXIT_OK


@_guard
def _redact(args) -> int:
    hits = _open(args)
    try:
        ids = hits.redact(retention_days=args.older_than, officer=args.by)
    finally:
        hits.close()
    print(f"{len(ids)} entr{'y' if len(ids) == 1 else 'ies'} redacted")
    return EXIT_OK


@_guard
def _push(args) -> int:
    hits = _open(args)

    def progress(desk, seq, last):
        print(f"desk {desk}: {seq} of {last}", file=sys.stderr)

    try:
        report = hits.push(args.to, progress=progress)
    except Diverged as exc:
        print(f"borderdesk: the national log disagrees with this desk: {exc}", file=sys.stderr)
        return EXIT_BROKEN
    finally:
        hits.close()
    for desk, n in report.sent.items():
        print(f"desk {desk}: {n} entries sent, national head at {report.head.get(desk, 0)}")
    return EXIT_OK


@_guard
def _decide(args) -> int:
    hits = _open(args)
    try:
        if args.decision == "dispose":
            entry = hits.dispose(args.hit_id, args.value, args.by, args.note)
        elif args.decision == "outcome":
            entry = hits.outcome(args.hit_id, args.value, args.by, args.note)
        else:
            entry = hits.review(args.hit_id, args.value, args.by, args.note, args.corrected)
    finally:
        hits.close()
    print(entry)
    return EXIT_OK
