"""``borderdesk watchlist``: publisher keys, bundles, trust, import, status.

Exit status: 0 done; 1 refused (a bad source line, a refused bundle, a bad
key: the reason on standard error); 2 usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone

from ..desk import watchlists

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def register(commands: argparse._SubParsersAction) -> None:
    group = commands.add_parser(
        "watchlist", help="watchlist bundles: keys, build, trust, import, status",
        description="Publish and load the watchlists. Exit status: 0 done, 1 refused "
                    "(reason on standard error), 2 usage.")
    sub = group.add_subparsers(dest="watchlist_command", metavar="COMMAND", required=True)

    p = sub.add_parser("keygen", help="write a new publisher key pair (Ed25519)",
                       description="Write publisher.key (private, mode 0600) and publisher.pub "
                                   "into DIR. An existing key is never overwritten.")
    p.add_argument("--out", required=True, metavar="DIR")
    p.set_defaults(handler=_keygen)

    p = sub.add_parser("build", help="build a signed bundle from source files",
                       description="Validate the SOURCE files (NDJSON or CSV, see "
                                   "docs/watchlist-format.md) and write one signed bundle.")
    p.add_argument("sources", nargs="+", metavar="SOURCE")
    p.add_argument("--key", required=True, metavar="PRIVATE_KEY")
    p.add_argument("--version", required=True, type=int, metavar="N")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--valid-hours", type=float, metavar="H",
                   help="hours until the bundle expires (default from config: 168)")
    p.add_argument("--series", type=int, metavar="S",
                   help="the series of the hash key (default: the version; with "
                        "--base-version: the base's version)")
    base = p.add_mutually_exclusive_group()
    base.add_argument("--base", metavar="OLD_BUNDLE",
                      help="build a delta from this full bundle (of an older version) instead "
                           "of a full bundle")
    base.add_argument("--base-version", type=int, metavar="N",
                      help="build a delta from version N, rebuilt from --base-source")
    p.add_argument("--base-source", nargs="+", metavar="OLD_SOURCE",
                   help="the sources of version N (with --base-version)")
    p.add_argument("--announce-key", action="append", default=[], metavar="PUBLIC_KEY",
                   help="key rotation: desks that verify this bundle trust this key too "
                        "(repeatable)")
    p.add_argument("--retire-key", action="append", default=[], metavar="FINGERPRINT",
                   help="key rotation: desks that verify this bundle stop trusting this key "
                        "(repeatable)")
    p.add_argument("--full-out", metavar="FILE",
                   help="with a delta: also write the full bundle of the new version, in the "
                        "same series (the base of the next delta)")
    p.set_defaults(handler=_build)

    p = sub.add_parser("trust", help="accept bundles signed by a publisher's public key")
    p.add_argument("public_key", metavar="PUBLIC_KEY")
    p.set_defaults(handler=_trust)

    p = sub.add_parser("import", help="verify a bundle and make it the live lists",
                       description="Verify the signature and every part, then replace the "
                                   "lists atomically. A version not newer than the one held "
                                   "is refused; a delta applies only to the version it names "
                                   "as its base.")
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="a full bundle, deltas, or a full bundle and the deltas after it "
                        "(applied in version order)")
    p.set_defaults(handler=_import)

    p = sub.add_parser("sync", help="bring the lists to the newest version a source offers",
                       description="From a directory (a USB stick, a shared folder) or an "
                                   "http(s) mirror with a signed index: the deltas that "
                                   "continue the version held, or the newest full bundle and "
                                   "the deltas after it; each verified before it is applied. "
                                   "Default source: [sync] source in the configuration.")
    p.add_argument("--source", metavar="URL_OR_DIR")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_sync)

    p = sub.add_parser("index", help="write the signed index of a mirror's bundles",
                       description="Write index.json and index.sig (signed with the key) "
                                   "listing the bundles in DIR, for desks syncing from it "
                                   "over http(s). Run it after adding bundles.")
    p.add_argument("folder", metavar="DIR")
    p.add_argument("--key", required=True, metavar="PRIVATE_KEY")
    p.add_argument("--sequence", type=int, metavar="N",
                   help="the index's sequence number (default: the time, and above the "
                        "previous index's)")
    p.set_defaults(handler=_index)

    p = sub.add_parser("status", help="version, publisher, record counts and age of the lists")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_status)


def _refused(exc: Exception) -> int:
    print(f"borderdesk: {exc}", file=sys.stderr)
    return EXIT_REFUSED


def _keygen(args: argparse.Namespace) -> int:
    try:
        private, public, fp = watchlists.keygen(args.out)
    except (watchlists.WatchlistError, OSError) as exc:
        return _refused(exc)
    print(f"private key {private} (keep it secret; mode 0600)")
    print(f"public key  {public} (give it to the desks: borderdesk watchlist trust)")
    print(f"fingerprint {fp}")
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    if args.base_version is not None and not args.base_source:
        print("borderdesk: --base-version needs --base-source (the sources of that version)",
              file=sys.stderr)
        return EXIT_USAGE
    if (args.base_source or args.full_out) and args.base is None and args.base_version is None:
        print("borderdesk: --base-source and --full-out go with --base or --base-version",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        manifest = watchlists.build(args.sources, args.key, args.version, args.out,
                                    valid_hours=args.valid_hours, series=args.series,
                                    base=args.base, base_version=args.base_version,
                                    base_sources=args.base_source, full_out=args.full_out,
                                    announce_keys=args.announce_key,
                                    retire_keys=args.retire_key)
    except watchlists.SourceError as exc:
        print(f"borderdesk: the sources do not validate; no bundle written:\n{exc}",
              file=sys.stderr)
        return EXIT_REFUSED
    except (watchlists.WatchlistError, OSError) as exc:
        return _refused(exc)
    counts = manifest["counts"]
    if manifest["kind"] == "delta":
        changes = "; ".join(f"{kind}: {c['added']} added, {c['changed']} changed, "
                            f"{c['removed']} removed" for kind, c in manifest["changes"].items())
        print(f"delta bundle {args.out}: version {manifest['base']} to {manifest['version']} "
              f"({changes}), expires {manifest['expires']}")
        if args.full_out:
            print(f"full bundle {args.full_out}: version {manifest['version']}")
        return EXIT_OK
    print(f"bundle {args.out}: version {manifest['version']}, {counts['documents']} documents, "
          f"{counts['persons']} persons ({counts['names']} names), expires {manifest['expires']}")
    return EXIT_OK


def _trust(args: argparse.Namespace) -> int:
    try:
        fp = watchlists.trust(args.public_key)
    except (watchlists.WatchlistError, OSError) as exc:
        return _refused(exc)
    print(f"trusted publisher key {fp}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    held = None
    try:
        for path, outcome in watchlists.import_bundles(args.files):
            if isinstance(outcome, Exception):
                print(f"borderdesk: {path}: skipped: {outcome}", file=sys.stderr)
                continue
            counts = outcome["counts"]
            how = (f"delta from version {outcome['base']}" if outcome["kind"] == "delta"
                   else "full")
            print(f"imported version {outcome['version']} ({how}) from publisher "
                  f"{outcome['publisher']}: {counts['documents']} documents, "
                  f"{counts['persons']} persons")
            held = outcome["version"]
    except watchlists.WatchlistError as exc:
        kept = "the lists are unchanged" if held is None else \
            f"the lists stay at version {held}, imported above"
        print(f"borderdesk: bundle refused, {kept}: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    return EXIT_OK


def _sync(args: argparse.Namespace) -> int:
    from ..desk import sync
    try:
        report = sync.sync_now(source=args.source)
    except watchlists.WatchlistError as exc:
        print(f"borderdesk: sync failed: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
        return EXIT_OK
    for attempt in report.attempts:
        print(f"retried: {attempt}")
    for skipped in report.skipped:
        print(f"skipped: {skipped}")
    print(report.describe())
    return EXIT_OK


def _index(args: argparse.Namespace) -> int:
    try:
        index = watchlists.write_index(args.folder, args.key, args.sequence)
    except (watchlists.WatchlistError, OSError) as exc:
        return _refused(exc)
    print(f"index of {len(index['bundles'])} bundle(s) written to {args.folder} "
          f"(sequence {index['sequence']})")
    for b in index["bundles"]:
        base = f" from {b['base']}" if b["kind"] == "delta" else ""
        print(f"  {b['file']}: {b['kind']} version {b['version']}{base}, {b['size']} bytes")
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    try:
        status = watchlists.status(now=datetime.now(timezone.utc),
                                   newest_seen=watchlists.hit_log_newest())
    except watchlists.WatchlistError as exc:
        return _refused(exc)
    if args.json:
        print(json.dumps(status, ensure_ascii=False))
        return EXIT_OK
    if status["clock_set_back"]:
        print(f"CLOCK SET BACK: this desk has seen {status.get('newest_seen')} already; the age "
              "of the lists cannot be told (no hit is not reliable)")
    if status["version"] is None:
        print("no watchlist loaded (borderdesk watchlist import BUNDLE)")
        print(f"trusted publishers: {', '.join(status['trusted']) or 'none'}")
        return EXIT_OK
    kind = f", {status['kind']} from the full version {status.get('full_base')}" \
        if status.get("kind") == "delta" else ""
    print(f"version    {status['version']}  ({status['state']}{kind})")
    print(f"publisher  {status['publisher']}")
    print(f"published  {status['published']}  ({status['age_hours']:.1f} hours ago)")
    print(f"expires    {status['expires']}")
    for name, info in status["lists"].items():
        extra = f", {info['names']} names" if "names" in info else ""
        age = "" if info["age_hours"] is None else f", {info['age_hours']:.1f} h old"
        print(f"list       {name}: {info['state']}{age} (warning at {info['warning_hours']:g} h, "
              f"expires {info['expires']}): {info['records']} {info['kind']} records{extra}")
    sync = status.get("sync") or {}
    if sync:
        print(f"last sync  {sync.get('last_success') or 'never'}"
              + (f" (last try {sync['last_attempt']}: {sync['error']})" if sync.get("error")
                 else ""))
    return EXIT_OK
