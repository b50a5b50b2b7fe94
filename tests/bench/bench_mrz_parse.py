"""Parsing speed: borderdesk.mrz against passporteye's and the `mrz` package's parsers.

Parses the same 100,000 valid MRZs (all five formats, about a tenth of the TD1/TD2
ones with long document numbers) with each, and prints the rate. Also times
borderdesk on MRZs with OCR errors to repair. Run on demand:

    .venv/bin/pip install -e '.[dev,bench]'
    .venv/bin/python tests/bench/bench_mrz_parse.py [N [ROUNDS]]
"""

from __future__ import annotations

import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))

from mrzgen import corpus  # noqa: E402

from borderdesk.mrz import parse  # noqa: E402


def timed(fn, items) -> float:
    t0 = time.perf_counter()
    for item in items:
        fn(item)
    return time.perf_counter() - t0


def peers() -> dict:
    """The peers' parsers, each taking the same MRZ text."""
    found = {}
    try:
        from passporteye.mrz.text import MRZ
        found["passporteye.mrz.text.MRZ"] = lambda text: MRZ(text.split("\n"))
    except ImportError:
        print("  passporteye not installed (pip install -e '.[bench]')")
    try:
        from mrz.checker.mrva import MRVACodeChecker
        from mrz.checker.mrvb import MRVBCodeChecker
        from mrz.checker.td1 import TD1CodeChecker
        from mrz.checker.td2 import TD2CodeChecker
        from mrz.checker.td3 import TD3CodeChecker

        def mrz_checker(text: str):
            lines = text.split("\n")
            if len(lines) == 3:
                return TD1CodeChecker(text)
            if len(lines[0]) == 44:
                return (MRVACodeChecker if text[0] == "V" else TD3CodeChecker)(text)
            return (MRVBCodeChecker if text[0] == "V" else TD2CodeChecker)(text)
        found["mrz (package) CodeChecker"] = mrz_checker
    except ImportError:
        print("  mrz not installed (pip install -e '.[bench]')")
    return found


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    texts = corpus(n)
    # The same strings with OCR look-alikes in digit and letter fields, to be repaired.
    rng = random.Random(7)
    damaged = [t.replace("0", "O", 1).replace("S", "5", 1) if rng.random() < 0.5 else t
               for t in texts]
    ours = "borderdesk.mrz.parse"
    contenders = {ours: parse, **peers()}
    print(f"{n:,} MRZs, best of {rounds} interleaved rounds, load {os.getloadavg()[0]:.2f}")
    best = {name: float("inf") for name in contenders}
    best_damaged = float("inf")
    for _ in range(rounds):
        for name, fn in contenders.items():
            best[name] = min(best[name], timed(fn, texts))
        best_damaged = min(best_damaged, timed(parse, damaged))
    for name, seconds in best.items():
        print(f"  {name:<32} {n / seconds:>10,.0f} MRZ/s  {seconds / n * 1e6:6.1f} µs each")
    print(f"  {'borderdesk, half with OCR errors':<32} {n / best_damaged:>10,.0f} MRZ/s  "
          f"{best_damaged / n * 1e6:6.1f} µs each")
    others = {k: v for k, v in best.items() if k != ours}
    if others:
        fastest = min(others, key=others.get)
        ratio = others[fastest] / best[ours]
        verdict = "meets" if ratio >= 1 else "MISSES"
        print(f"borderdesk is {ratio:.2f}x the rate of the fastest peer ({fastest}): "
              f"{verdict} the target")
    print(f"load after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
