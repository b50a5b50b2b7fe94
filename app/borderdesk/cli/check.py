"""``borderdesk check``: screen a document (or a batch of them) against the lists.

Exit status (one document): 0 CLEAR, 1 POSSIBLE MATCH, 3 HIT, 2 not an MRZ or a
usage error, 4 CLEAR but no list is loaded or the lists are past their expiry (a
clear that is not reliable). With
``--batch``: 3 if any document is a HIT, else 1 if any is POSSIBLE, else 2 if
any is not an MRZ, else 4 if any clear is not reliable, else 0. Like ``mrz parse``,
0 is the all-clear and 2 means the input is not an MRZ.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

from ..desk import documents
from ..desk.service import Desk
from .mrz import format_table

EXIT_CLEAR, EXIT_POSSIBLE, EXIT_NOT_MRZ, EXIT_HIT, EXIT_NO_LISTS = 0, 1, 2, 3, 4
_EXIT = {"CLEAR": EXIT_CLEAR, "POSSIBLE": EXIT_POSSIBLE, "HIT": EXIT_HIT}


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "check", help="check a document and screen it against the watchlists",
        description="Check a document (its MRZ, or an image of it) and screen the document and "
                    "its holder against the lists. Exit status: 0 CLEAR, 1 POSSIBLE MATCH, "
                    "3 HIT, 2 not an MRZ or usage error, 4 CLEAR but no list loaded or the lists "
                    "expired. With "
                    "--batch: the most serious of the documents' (3, 1, 2, 4, 0 in that order).")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--mrz", metavar="TEXT", help="the MRZ lines ('-' reads standard input)")
    what.add_argument("--image", metavar="FILE", help="an image of the document's MRZ")
    what.add_argument("--batch", metavar="FILE",
                      help="MRZs separated by blank lines ('-' for standard input); prints one "
                           "JSON object per document, one per line, in order")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_check)


def _check(args: argparse.Namespace) -> int:
    desk = Desk()
    if args.batch is not None:
        return _batch(desk, args.batch)
    if args.image is not None:
        doc = _read_image(desk, args.image)
        if doc is None:
            return EXIT_NOT_MRZ
        verdict = desk.check(doc, source="image")
    else:
        text = sys.stdin.read() if args.mrz == "-" else args.mrz
        try:
            verdict = desk.check(text, source="manual")
        except documents.NotAnMRZ as exc:
            print(f"borderdesk: not an MRZ: {exc}", file=sys.stderr)
            return EXIT_NOT_MRZ
    if args.json:
        print(json.dumps(verdict.as_json(), ensure_ascii=False))
    else:
        print(format_verdict(verdict))
    return _exit_of(verdict)


def _read_image(desk: Desk, path: str):
    """The document read from the picture at ``path`` by the reader, or None (reason printed)."""
    try:
        from ..desk import scanning
    except ImportError:
        print("borderdesk: reading an image needs the document reader, which this build "
              "does not include; give the MRZ text with --mrz", file=sys.stderr)
        return None
    try:
        result = scanning.scan(path, config=desk.config)
    except (ValueError, RuntimeError, OSError) as exc:  # the reader's errors, a missing model
        print(f"borderdesk: cannot read {path}: {exc}", file=sys.stderr)
        return None
    if result.document is None:
        read = " / ".join(result.lines)
        print(f"borderdesk: no MRZ to trust in {path}: {result.reason or 'no MRZ read'}"
              + (f" (read: {read}; check it and give it with --mrz)" if read else ""),
              file=sys.stderr)
        return None
    return result.document


def _exit_of(verdict) -> int:
    code = _EXIT[str(verdict.level)]
    if code == EXIT_CLEAR and verdict.watchlist.state in ("NONE", "STALE"):
        return EXIT_NO_LISTS
    return code


def split_batch(text: str) -> Iterator[tuple[int, str]]:
    """The MRZs of a batch, separated by blank lines, with the line each begins on."""
    block: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            if not block:
                start = number
            block.append(line)
        elif block:
            yield start, "\n".join(block)
            block = []
    if block:
        yield start, "\n".join(block)


def _batch(desk: Desk, path: str) -> int:
    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
    except OSError as exc:
        print(f"borderdesk: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_NOT_MRZ
    seen = set()
    for index, (line, mrz) in enumerate(split_batch(text), 1):
        try:
            verdict = desk.check(mrz, source="batch")
        except documents.NotAnMRZ as exc:
            out = {"index": index, "line": line, "verdict": None, "error": f"not an MRZ: {exc}"}
            seen.add(EXIT_NOT_MRZ)
        else:
            out = dict(verdict.as_json(), index=index, line=line)
            seen.add(_exit_of(verdict))
        print(json.dumps(out, ensure_ascii=False), flush=True)
    for code in (EXIT_HIT, EXIT_POSSIBLE, EXIT_NOT_MRZ, EXIT_NO_LISTS):
        if code in seen:
            return code
    return EXIT_CLEAR


def format_verdict(verdict) -> str:
    """The verdict for a terminal: the level first, then the matches, the document, the lists."""
    level = {"CLEAR": "CLEAR", "POSSIBLE": "POSSIBLE MATCH", "HIT": "HIT"}[str(verdict.level)]
    out = [f"Verdict    {level}"]
    for m in verdict.matches:
        out.append(f"Match      {m.level} {m.kind} {m.list}/{m.record_id} score {m.score:.2f}"
                   + (f" — action: {m.action}" if m.action else ""))
        out.extend(f"             {r}" for r in m.reasons)
    for p in verdict.document_checks:
        out.append(f"Document   {p.message}")
    wl = verdict.watchlist
    if wl.version is None:
        out.append("Lists      none loaded")
    else:
        out.append(f"Lists      version {wl.version}, {wl.age_hours:.1f} hours old ({wl.state})")
    out.extend(f"Lists      {note}" for note in wl.notes)
    out.append("")
    out.append(format_table(verdict.document))
    return "\n".join(out)
