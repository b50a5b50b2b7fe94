"""``borderdesk doctor``: check a desk end to end and say what is wrong and what to do.

Exit status: 0 when no check failed (warnings are printed but do not fail),
1 when at least one check failed, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json

from ..desk import doctor

EXIT_OK, EXIT_WRONG = 0, 1


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "doctor", help="check this desk: camera, scanner, data, hit log, keys, lists, clock",
        description="Check the desk end to end: configuration, data directory, disk space, "
                    "clock, hit-log schema, trusted keys, lists and their age, camera and "
                    "scanner. Exit status 0: nothing failed (warnings may be printed); "
                    "1: something is wrong (each FAIL line says what to do).")
    p.add_argument("--json", action="store_true",
                   help='print one object: {"ok", "checks": [{"check", "status", '
                        '"message", "action"}]}')
    p.add_argument("--camera-timeout", type=float, default=doctor.CAMERA_TIMEOUT,
                   metavar="SECONDS", help="how long to wait for the camera's first frame")
    p.set_defaults(handler=_doctor)


def _doctor(args: argparse.Namespace) -> int:
    report = doctor.run(camera_timeout=args.camera_timeout)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        width = max(len(f.check) for f in report.findings)
        for f in report.findings:
            print(f"{f.status:<4}  {f.check:<{width}}  {f.message}")
            if f.action:
                print(f"      {'':<{width}}  -> {f.action}")
        print("all checks passed" if report.ok and all(f.status == doctor.OK
                                                       for f in report.findings)
              else "no check failed (see the warnings)" if report.ok
              else f"{sum(f.status == doctor.FAIL for f in report.findings)} check(s) failed: "
                   "fix them in the order shown")
    return EXIT_OK if report.ok else EXIT_WRONG
