"""``borderdesk scan``: read the MRZ in image files.

Exit status: 0 every image gave an MRZ that can be trusted (every check digit
passes, no unsure character outside them), 1 at least one did not (no MRZ
found, an unreadable file, a failing check, unsure characters), 2 a usage
error or an engine that cannot run here.

With ``--json``, one JSON object per image, one per line, in the order given:
``image`` (the path as given), ``lines`` (the MRZ lines read, [] if none),
``mrz`` (the lines parsed, the same object as ``borderdesk mrz parse --json``
prints, or null when no MRZ was read), ``engine``, ``ms`` (milliseconds for
the image, loading included), and ``reason`` when the MRZ is missing or not
to be trusted.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..desk import scanning
from ..desk.config import Config, ConfigError
from .mrz import format_table

EXIT_ALL_READ, EXIT_SOME_NOT_READ, EXIT_USAGE = 0, 1, 2


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "scan", help="read the MRZ in images",
        description="Read the machine readable zone in each IMAGE (a photo, a camera frame or "
                    "a scan). Exit status: 0 every image read and every check passes, 1 some "
                    "image gave no MRZ to trust, 2 usage error or the engine cannot run.")
    p.add_argument("images", nargs="+", metavar="IMAGE", help="image files")
    p.add_argument("--json", action="store_true",
                   help="print one JSON object per image, one per line, in order")
    p.add_argument("--engine", choices=scanning.ENGINE_NAMES, default=None,
                   help="the OCR engine (default: [camera] ocr_engine, else borderdesk)")
    p.set_defaults(handler=_scan)


def as_json(path: str, result: scanning.ScanResult) -> dict:
    """The JSON object for one image."""
    out = {
        "image": path,
        "lines": list(result.lines),
        "mrz": result.parsed.as_json() if result.parsed is not None else None,
        "engine": result.engine,
        "ms": result.ms,
    }
    if result.reason:
        out["reason"] = result.reason
    return out


def _scan(args: argparse.Namespace) -> int:
    try:
        config = Config.load()
    except ConfigError as exc:
        print(f"borderdesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    name = args.engine or config.camera.ocr_engine
    try:
        scanning.check_engine(name)
    except scanning.EngineError as exc:
        print(f"borderdesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    status = EXIT_ALL_READ
    for path in args.images:
        result = scanning.scan(path, config=config, engine=name)
        if result.document is None:
            status = EXIT_SOME_NOT_READ
        if args.json:
            print(json.dumps(as_json(path, result), ensure_ascii=False), flush=True)
        else:
            print(_text(path, result), flush=True)
    return status


def _text(path: str, result: scanning.ScanResult) -> str:
    out = [f"{path}: {result.engine}, {result.ms:.0f} ms"]
    out += [f"  {line}" for line in result.lines]
    if result.parsed is not None:
        out += [f"  {row}" for row in format_table(result.parsed).splitlines()]
    if result.reason:
        out.append(f"  not trusted: {result.reason}" if result.parsed is not None
                   else f"  no MRZ: {result.reason}")
    return "\n".join(out)
