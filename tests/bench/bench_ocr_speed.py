"""Speed of reading the MRZ: a 1280x720 frame to a parsed MRZ, on one core, against passporteye.

    .venv/bin/python tests/bench/bench_ocr_speed.py [--frames 40] [--peer-frames 10]

Renders documents (tools/mrzrender.py: TD1, TD2, TD3 and visas, rotated, tilted,
blurred, noisy, JPEG) in 1280x720 frames, then times ``read_frame`` and
``mrz.parse`` on each, with OpenCV held to one thread, and
``passporteye.read_mrz`` (given the same frame as an in-memory PNG, encoded
beforehand) on the first frames. Prints median and 95th percentile of each,
the ratio of the medians, the exact reads of both, and the machine's load.
Target: median under 60 ms, at least 30 times faster than passporteye.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import cv2  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import mrzrender  # noqa: E402

from borderdesk import mrz  # noqa: E402
from borderdesk.reader import read_frame  # noqa: E402


def frames(n: int, seed: int = 720):
    rng = random.Random(seed)
    return [mrzrender.random_shot(rng, rng.uniform(0.0, 0.8), frame=(1280, 720)) for _ in range(n)]


def figures(ms: list[float]) -> str:
    return f"median {np.median(ms):7.1f} ms   p95 {np.percentile(ms, 95):7.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=40)
    parser.add_argument("--peer-frames", type=int, default=10,
                        help="frames given to passporteye (about 2 s each)")
    args = parser.parse_args()
    cv2.setNumThreads(1)
    shots = frames(args.frames)
    read_frame(shots[0].image)  # load the model
    ours, exact = [], 0
    for shot in shots:
        began = time.perf_counter()
        reading = read_frame(shot.image)
        document = mrz.parse(reading.text) if reading is not None else None
        ours.append((time.perf_counter() - began) * 1000)
        exact += document is not None and list(document.lines) == shot.lines
    print(f"borderdesk   {figures(ours)}   exact {exact}/{len(shots)}")
    try:
        from passporteye import read_mrz
    except ImportError:
        print("passporteye  not installed (pip install passporteye)")
        return 1
    peer, peer_exact = [], 0
    for shot in shots[:args.peer_frames]:
        ok, png = cv2.imencode(".png", shot.image)
        data = io.BytesIO(png.tobytes())
        began = time.perf_counter()
        found = read_mrz(data)
        peer.append((time.perf_counter() - began) * 1000)
        text = found.aux.get("raw_text", "") if found is not None else ""
        peer_exact += [line.strip() for line in text.splitlines() if line.strip()] == shot.lines
    print(f"passporteye  {figures(peer)}   exact {peer_exact}/{len(peer)}")
    print(f"ratio of medians: borderdesk is {np.median(peer) / np.median(ours):.0f} times faster")
    print(f"load average: {' '.join(f'{v:.2f}' for v in os.getloadavg())} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
