"""The OCR test set: synthetic photographs and scans of documents, with their truth.

    .venv/bin/python tools/make_ocr_testset.py [OUT] [--count 600] [--seed 9303] [--jobs 2]

Writes ``OUT/NNNN-LEVEL-KIND.jpg`` (some scans as ``.png``) and
``OUT/truth.jsonl``, one JSON object an image, in order: ``image`` (file name),
``lines`` (the MRZ lines printed), ``kind`` (TD1, TD2, TD3, MRV-A, MRV-B),
``level`` (easy, medium, hard: the photograph's difficulty band; scan: a
flat scan), ``difficulty`` (0..1), ``frame`` ([width, height]), ``band`` (the
MRZ band's four corners in the image, clockwise from top left), ``pitch``
(character pitch in pixels) and ``conditions`` (what the generator did: the
MRZ's font, rotation, blur, glare on the band, noise, JPEG quality...). OUT defaults to tests/bench/data/ocr-testset
(not committed: made again in about a minute a hundred images).

Ten elevenths of the set are camera photographs split evenly over the three
levels, the rest flat scans; kinds come round in the proportions a desk sees
(TD3 most, then TD1). Image ``i`` depends only on ``--seed`` and ``i``, so
the set is the same on every machine, and any image can be made again alone.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import cv2

from borderdesk.reader.synth.identities import random_document
from borderdesk.reader.synth.scene import flat_scan, photograph

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "tests" / "bench" / "data" / "ocr-testset"
LEVELS = {"easy": (0.0, 1 / 3), "medium": (1 / 3, 2 / 3), "hard": (2 / 3, 1.0)}
# Ten kinds a round, three levels, a scan every eleventh: their periods are coprime, so every
# level meets every kind, and any twenty images in a row hold every kind.
KIND_ROUND = ("TD3", "TD1", "TD3", "TD2", "TD3", "MRV-A", "TD1", "TD3", "MRV-B", "TD1")
FRAMES = ((1280, 720),) * 7 + ((1920, 1080), (1920, 1080), (640, 480))
SCAN_EVERY = 11


def plan(count: int) -> list[tuple[int, str, str]]:
    """(index, level, kind) of every image of a set of ``count``."""
    out = []
    for i in range(count):
        level = "scan" if i % SCAN_EVERY == SCAN_EVERY - 1 else list(LEVELS)[i % 3]
        out.append((i, level, KIND_ROUND[i % len(KIND_ROUND)]))
    return out


def make(seed: str, i: int, level: str, kind: str, out: Path) -> dict:
    """Make image ``i`` and write it; its truth record."""
    rng = random.Random(f"ocr-testset:{seed}:{i}")
    doc = random_document(rng, kind)
    if level == "scan":
        shot = flat_scan(rng, doc, dpi=rng.choice([200, 300, 300, 400]))
        suffix = ".png" if i % 4 == 3 else ".jpg"
    else:
        low, high = LEVELS[level]
        frame = rng.choice(FRAMES)
        shot = photograph(rng, doc, rng.uniform(low, high), frame=frame)
        suffix = ".jpg"
    name = f"{i:04d}-{level}-{kind}{suffix}"
    params = [cv2.IMWRITE_JPEG_QUALITY, 92] if suffix == ".jpg" else [cv2.IMWRITE_PNG_COMPRESSION, 6]
    if not cv2.imwrite(str(out / name), shot.image, params):
        raise OSError(f"cannot write {out / name}")
    h, w = shot.image.shape[:2]
    return {"image": name, "lines": list(shot.lines), "kind": kind, "level": level,
            "difficulty": round(shot.difficulty, 3), "frame": [w, h],
            "band": [list(p) for p in shot.band], "pitch": shot.pitch,
            "conditions": shot.conditions}


def _make(args: tuple) -> dict:
    return make(*args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--count", type=int, default=600, help="images (default 600)")
    parser.add_argument("--seed", default="9303", help="the set's seed (default 9303)")
    parser.add_argument("--jobs", type=int, default=1, help="processes (default 1)")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"make_ocr_testset: cannot create {args.out}: {exc}", file=sys.stderr)
        return 2
    for old in [*args.out.glob("*.jpg"), *args.out.glob("*.png")]:
        old.unlink()
    started = time.monotonic()
    work = [(args.seed, i, level, kind, args.out) for i, level, kind in plan(args.count)]
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            records = list(pool.map(_make, work, chunksize=8))
    else:
        records = [_make(w) for w in work]
    with open(args.out / "truth.jsonl", "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record) + "\n")
    took = time.monotonic() - started
    size = sum(p.stat().st_size for p in args.out.iterdir()) / 1e6
    print(f"make_ocr_testset: {len(records)} images, {size:.1f} MB in {args.out} "
          f"({took:.0f} s, {1000 * took / len(records):.0f} ms an image)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
