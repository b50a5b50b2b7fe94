"""``borderdesk mrz parse``: read MRZ text, print its fields and checks."""

from __future__ import annotations

import argparse
import json
import sys

from ..desk import documents

EXIT_VALID, EXIT_INVALID, EXIT_NOT_MRZ = 0, 1, 2


def register(commands: argparse._SubParsersAction) -> None:
    group = commands.add_parser("mrz", help="machine readable zone tools")
    sub = group.add_subparsers(dest="mrz_command", metavar="COMMAND", required=True)
    parse = sub.add_parser(
        "parse", help="parse and check an MRZ",
        description="Parse the MRZ lines (newline-separated) given as TEXT or on standard "
                    "input. Exit status: 0 valid, 1 parsed but a check fails, 2 not an MRZ.")
    parse.add_argument("text", nargs="?", metavar="TEXT",
                       help="the MRZ lines; read from standard input when left out")
    parse.add_argument("--json", action="store_true", help="print one JSON object")
    parse.set_defaults(handler=_parse)


def _parse(args: argparse.Namespace) -> int:
    text = args.text if args.text is not None else sys.stdin.read()
    try:
        doc = documents.read_mrz(text)
    except documents.NotAnMRZ as exc:
        print(f"borderdesk: not an MRZ: {exc}", file=sys.stderr)
        return EXIT_NOT_MRZ
    if args.json:
        print(json.dumps(doc.as_json(), ensure_ascii=False))
    else:
        print(format_table(doc))
    return EXIT_VALID if doc.valid else EXIT_INVALID


def _mark(value: bool | None) -> str:
    return {True: "pass", False: "FAIL", None: "-"}[value]


def format_table(doc) -> str:
    """A readable table of a parsed document."""
    birth = doc.birth.iso or f"{doc.birth.partial or 'unknown'} ({doc.birth.raw})"
    expiry = (doc.expiry.iso or f"{doc.expiry.partial or 'unknown'} ({doc.expiry.raw})"
              if doc.expiry.raw else "not in this layout's MRZ (see the card)")
    rows = [
        ("Format", doc.format),
        ("Document code", doc.document_code),
        ("Issuing state", doc.issuing_state),
        ("Document number", doc.document_number),
        ("Surname", doc.surname),
        ("Given names", doc.given_names),
        ("Nationality", doc.nationality),
        ("Date of birth", birth),
        ("Sex", doc.sex),
        ("Date of expiry", expiry),
        ("Optional data", doc.optional_data),
    ]
    if doc.format == "TD1":
        rows.append(("Optional data 2", doc.optional_data_2))
    checks = doc.checks.as_json()
    rows.append(("Checks", ", ".join(f"{k.replace('_', ' ')} {_mark(v)}"
                                     for k, v in checks.items() if v is not None)))
    rows.append(("Valid", "yes" if doc.valid else "NO"))
    width = max(len(k) for k, _ in rows)
    out = [f"{k:<{width}}  {v}" for k, v in rows]
    for c in doc.corrections:
        out.append(f"{'Corrected':<{width}}  {c}")
    for w in doc.warnings:
        out.append(f"{'Warning':<{width}}  {w.message}")
    return "\n".join(out)
