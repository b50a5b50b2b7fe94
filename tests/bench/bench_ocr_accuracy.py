"""OCR accuracy: the borderdesk engine against passporteye.read_mrz, image by image, same set.

    .venv/bin/pip install -e '.[dev,bench]'    # passporteye (it needs Debian's tesseract-ocr)
    .venv/bin/python tools/make_ocr_testset.py  # once: tests/bench/data/ocr-testset
    .venv/bin/python tests/bench/bench_ocr_accuracy.py [--limit N] [--engines borderdesk,passporteye]

Every engine reads every image of the set (``--limit`` takes N spread evenly
over it, so every level and kind stays represented). What an engine read
goes through :func:`borderdesk.mrz.parse`, as the desk would put it (the
check-digit repair applied alike to every engine), and is judged against
the truth the generator printed:

* exact: every line, so every field, right;
* wrong-valid: a wrong read that passes every check digit, the one a desk
  cannot tell from a right one (the target is none);
* wrong: a wrong read whose checks fail (the desk asks to read again);
* no read: nothing found, or text that is not an MRZ.

Prints the rates by level (easy, medium, hard, scan), kind and character
pitch in the image (p0-10: print under 10 pixels a character), median and
95th-percentile milliseconds per image (one thread; with the load beside
them), and the failures of the first engine with the characters it got
wrong; writes every result to tests/bench/out/ocr-accuracy-ENGINE.jsonl.
Target: at least 99% exact overall, no wrong-valid, far ahead of passporteye.
"""

from __future__ import annotations

import os

# One core, as the target says: set before numpy, OpenCV or ONNX Runtime start their pools.
for _var in ("OMP_NUM_THREADS", "OMP_THREAD_LIMIT", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import inspect  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

import cv2  # noqa: E402

from borderdesk.mrz import MRZError, parse  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SET = ROOT / "tests" / "bench" / "data" / "ocr-testset"
OUT = ROOT / "tests" / "bench" / "out"
LEVELS = ("easy", "medium", "hard", "scan")
KINDS = ("TD3", "TD1", "TD2", "MRV-A", "MRV-B")
PITCHES = ((0, 10), (10, 14), (14, 20), (20, 999))  # character pitch in the image, pixels

cv2.setNumThreads(1)

# Conditions of the truth records (tools/make_ocr_testset.py) to break failures down by.
CONDITIONS = {
    "font OCR-B": lambda c: c.get("font", "").startswith("OCRB"),
    "font DejaVu Sans Mono": lambda c: c.get("font") == "DejaVuSansMono",
    "font DejaVu Sans Mono Bold": lambda c: c.get("font") == "DejaVuSansMono-Bold",
    "open booklet": lambda c: c.get("booklet") is True,
    "guilloche under the MRZ": lambda c: c.get("guilloche_under_mrz") is True,
    "glare on the band > 40": lambda c: c.get("glare_on_band", 0) > 40,
    "motion blur": lambda c: "motion_blur" in c,
    "defocus > 1 px": lambda c: c.get("defocus", 0) > 1,
    "low resolution": lambda c: "low_resolution" in c,
    "noise > 5": lambda c: c.get("noise", 0) > 5,
    "JPEG quality < 60": lambda c: c.get("jpeg", 100) < 60,
    "grey": lambda c: c.get("grey") is True,
    "rotated > 10 degrees": lambda c: abs(c.get("angle", 0)) > 10,
    "document > 0.9 of the frame": lambda c: c.get("coverage", 0) > 0.9,
    "document < 0.5 of the frame": lambda c: 0 < c.get("coverage", 1) < 0.5,
}


# -- the engines: each takes an image path and gives MRZ lines, or None ---------------

def borderdesk_engine(name: str = "borderdesk"):
    from borderdesk import reader
    if not hasattr(reader, "read_image"):
        raise ImportError("borderdesk.reader.read_image is not here (the OCR engine is missing)")
    params = inspect.signature(reader.read_image).parameters
    keyword = next((k for k in ("engine_name", "engine") if k in params), None)
    if keyword is None and name != "borderdesk":
        raise ImportError(f"borderdesk.reader.read_image cannot be given the engine {name}")
    if hasattr(reader, "engine"):
        reader.engine(name)  # raises now if the engine cannot run here (no model, say)

    def run(path: Path):
        reading = reader.read_image(path, **({keyword: name} if keyword else {}))
        return None if reading is None else tuple(reading.lines)
    return run


def passporteye_engine():
    from passporteye import read_mrz

    def run(path: Path):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            mrz = read_mrz(str(path))
        if mrz is None:
            return None
        text = mrz.aux.get("text") or mrz.to_dict().get("raw_text") or ""
        return tuple(line for line in text.split("\n") if line.strip())
    return run


ENGINES = {
    "borderdesk": lambda: borderdesk_engine("borderdesk"),
    "tesseract": lambda: borderdesk_engine("tesseract"),
    "passporteye": passporteye_engine,
}


# -- judging -----------------------------------------------------------------------------

def judge(lines, truth: list[str]) -> tuple[str, tuple[str, ...] | None]:
    """(outcome, the lines as the desk would have them) for what an engine read."""
    if not lines:
        return "no read", None
    try:
        doc = parse("\n".join(lines))
    except MRZError:
        return "no read", tuple(lines)
    if doc.lines == tuple(truth):
        return "exact", doc.lines
    return ("wrong-valid" if doc.valid else "wrong"), doc.lines


def differences(got: tuple[str, ...] | None, truth: list[str]) -> str:
    if got is None:
        return "-"
    if len(got) != len(truth) or any(len(a) != len(b) for a, b in zip(got, truth)):
        return "layout " + "/".join(str(len(g)) for g in got)
    out = []
    for row, (a, b) in enumerate(zip(got, truth)):
        out += [f"L{row + 1}:{col + 1} {t}>{g}" for col, (g, t) in enumerate(zip(a, b)) if g != t]
    return " ".join(out[:8]) + (" ..." if len(out) > 8 else "")


def load(folder: Path, limit: int | None) -> list[dict]:
    truth_file = folder / "truth.jsonl"
    if not truth_file.exists():
        print(f"no test set at {folder}; making it (tools/make_ocr_testset.py)")
        subprocess.run([sys.executable, str(ROOT / "tools" / "make_ocr_testset.py"), str(folder)],
                       check=True)
    records = [json.loads(line) for line in truth_file.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    if limit and limit < len(records):  # a fixed sample, every level and kind in it
        keep = sorted(random.Random(limit).sample(range(len(records)), limit))
        records = [records[i] for i in keep]
    return records


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run_engine(name: str, run, records: list[dict], folder: Path) -> list[dict]:
    results = []
    started = time.monotonic()
    for n, record in enumerate(records, 1):
        path = folder / record["image"]
        t0 = time.perf_counter()
        try:
            lines = run(path)
            error = None
        except Exception as exc:  # an engine that crashes on an image: counted, not fatal
            lines, error = None, f"{type(exc).__name__}: {exc}"
        ms = (time.perf_counter() - t0) * 1000
        outcome, got = judge(lines, record["lines"])
        results.append({**record, "engine": name, "outcome": outcome, "ms": round(ms, 1),
                        "read": list(got) if got else None, "error": error})
        if n % 50 == 0:
            print(f"  {name}: {n}/{len(records)} ({time.monotonic() - started:.0f} s)",
                  file=sys.stderr)
    return results


def table(by_engine: dict[str, list[dict]]) -> None:
    head = f"{'engine':<12} {'set':<8} {'n':>4} {'exact':>7} {'wrong-valid':>11} {'wrong':>6} " \
           f"{'no read':>7} {'ms med':>7} {'ms p95':>7}"
    print(head)
    print("-" * len(head))
    for name, results in by_engine.items():
        groups = [("all", results)]
        groups += [(lv, [r for r in results if r["level"] == lv]) for lv in LEVELS]
        groups += [(k, [r for r in results if r["kind"] == k]) for k in KINDS]
        groups += [(f"p{low}-{high}" if high < 999 else f"p{low}+",
                    [r for r in results if low <= r["pitch"] < high]) for low, high in PITCHES]
        for label, group in groups:
            if not group:
                continue
            count = Counter(r["outcome"] for r in group)
            ms = [r["ms"] for r in group]
            print(f"{name:<12} {label:<8} {len(group):>4} "
                  f"{100 * count['exact'] / len(group):>6.1f}% {count['wrong-valid']:>11} "
                  f"{count['wrong']:>6} {count['no read']:>7} {statistics.median(ms):>7.0f} "
                  f"{percentile(ms, 0.95):>7.0f}")
        print()


def failures(name: str, results: list[dict], show: int) -> None:
    bad = [r for r in results if r["outcome"] != "exact"]
    if not bad:
        return
    print(f"{name}: {len(bad)} not exact")
    where = Counter((r["level"], r["kind"]) for r in bad)
    print("  by level and kind: " + ", ".join(f"{lv}/{k} {n}" for (lv, k), n in where.most_common()))
    confusions = Counter()
    for r in bad:
        if r["read"] and len(r["read"]) == len(r["lines"]):
            for got, truth in zip(r["read"], r["lines"]):
                if len(got) == len(truth):
                    confusions.update(f"{t}>{g}" for g, t in zip(got, truth) if g != t)
    if confusions:
        print("  characters (truth>read): " + ", ".join(f"{c} {n}" for c, n in confusions.most_common(15)))
    print("  not exact, by what the generator did (failed/images):")
    for label, test in CONDITIONS.items():
        having = [r for r in results if test(r.get("conditions") or {})]
        if having:
            failed = sum(r["outcome"] != "exact" for r in having)
            print(f"    {label:<28} {failed:>3}/{len(having):<4} {100 * failed / len(having):5.1f}%")
    for r in bad[:show]:
        print(f"  {r['image']:<26} {r['outcome']:<11} d={r['difficulty']:.2f} "
              f"pitch={r['pitch']:.1f} {r['frame'][0]}x{r['frame'][1]}  "
              f"{r['error'] or differences(tuple(r['read']) if r['read'] else None, r['lines'])}")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="test set folder")
    parser.add_argument("--limit", type=int, default=None, help="images, spread over the set")
    parser.add_argument("--engines", default="borderdesk,passporteye",
                        help=f"comma-separated, from {', '.join(ENGINES)}")
    parser.add_argument("--show", type=int, default=25, help="failures listed per engine")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.engines.split(",") if n.strip()]
    unknown = [n for n in names if n not in ENGINES]
    if unknown:
        parser.error(f"unknown engine {', '.join(unknown)}; known: {', '.join(ENGINES)}")
    records = load(args.set, args.limit)
    engines = {}
    for name in names:
        try:
            engines[name] = ENGINES[name]()
        except Exception as exc:  # not installed, no model: said, and the others run
            print(f"  {name}: not available ({exc}); skipped")
    load_before = os.getloadavg()[0]
    print(f"{len(records)} images of {args.set}; load {load_before:.2f}; one thread")
    by_engine = {}
    OUT.mkdir(parents=True, exist_ok=True)
    for name, run in engines.items():
        run(args.set / records[0]["image"])  # warm-up: model loading is not per-image time
        by_engine[name] = results = run_engine(name, run, records, args.set)
        with open(OUT / f"ocr-accuracy-{name}.jsonl", "w", encoding="utf-8") as f:
            for r in results:
                f.write(json.dumps(r) + "\n")
    print(f"load after: {os.getloadavg()[0]:.2f}\n")
    table(by_engine)
    for name, results in by_engine.items():
        failures(name, results, args.show)
    summary = defaultdict(dict)
    for name, results in by_engine.items():
        count = Counter(r["outcome"] for r in results)
        summary[name] = (100 * count["exact"] / len(results), count["wrong-valid"],
                         statistics.median(r["ms"] for r in results))
    for name, (exact, wrong_valid, ms) in summary.items():
        print(f"{name}: {exact:.1f}% exact, {wrong_valid} wrong-valid, {ms:.0f} ms median")
    if "borderdesk" in summary and "passporteye" in summary:
        ours, peer = summary["borderdesk"], summary["passporteye"]
        print(f"borderdesk against passporteye: {ours[0] - peer[0]:+.1f} points exact, "
              f"{peer[2] / max(ours[2], 1e-9):.0f} times faster (median)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
