#!/usr/bin/env python3
"""Train the MRZ character classifier and write resources/ocr/mrz-chars.npz.

Deterministic (fixed seeds): renders random, valid MRZs in OCR-B and other
monospace fonts (tools/mrzrender.py) on documents in camera frames with the
degradations of a camera or a scanner, finds and cuts them with the reader's
own code (borderdesk.reader.segment), and trains a small network
(borderdesk.reader.classifier) on the cells with numpy (Adam, cross-entropy).

    nice -n 10 .venv/bin/python tools/train_ocr.py [--shots 2400] [--synth-shots 2400] [--epochs 12]

A few minutes on two cores. Prints the accuracy on held-out shots.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from multiprocessing import Pool
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import cv2  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mrzrender  # noqa: E402

from borderdesk.reader import classifier, segment  # noqa: E402
from borderdesk.reader.synth.identities import random_document  # noqa: E402
from borderdesk.reader.synth.scene import flat_scan, photograph  # noqa: E402

FRAMES = ((640, 480), (960, 640), (960, 640), (1280, 720))
SYNTH_FRAMES = ((1280, 720),) * 3 + ((1920, 1080), (640, 480))
# shots numbered from here come from borderdesk.reader.synth (its own seeds: "ocr-train:N",
# never the test set's "ocr-testset:SEED:N"), the rest from tools/mrzrender.py
SYNTH_BASE = 10**7
INDEX = {c: i for i, c in enumerate(classifier.ALPHABET)}


def shot_cells(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The cells and labels of one rendered shot (empty when the cut misses the MRZ)."""
    try:
        return _shot_cells(seed)
    except Exception as exc:  # report, and carry on with the other shots
        print(f"shot {seed}: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        return np.zeros((0, segment.CELL_H, segment.CELL_W), np.float32), np.zeros(0, np.int64)


def _render(seed: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(image, band corners, lines) of training shot ``seed``."""
    if seed >= SYNTH_BASE:
        rng = random.Random(f"ocr-train:{seed - SYNTH_BASE}")
        doc = random_document(rng)
        if rng.random() < 0.08:
            shot = flat_scan(rng, doc, dpi=rng.choice([200, 300, 400]))
        else:
            shot = photograph(rng, doc, rng.uniform(0.0, 1.0), frame=rng.choice(SYNTH_FRAMES))
        image = shot.image
        if rng.random() < 0.5:  # the file's own compression, as a camera or a scanner saves it
            ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(40, 95)])
            image = cv2.imdecode(buf, cv2.IMREAD_COLOR)
        return image, np.asarray(shot.band, np.float64), list(shot.lines)
    rng = random.Random(seed)
    lines = mrzrender.random_mrz(rng)
    page = mrzrender.render_page(rng, lines, px_per_mm=rng.uniform(5.0, 12.0))
    frame = rng.choice(FRAMES)
    shot = mrzrender.photograph(rng, page, rng.uniform(0.0, 1.0), frame, grey=rng.random() < 0.1)
    return shot.image, shot.band, lines


def _shot_cells(seed: int) -> tuple[np.ndarray, np.ndarray]:
    cv2.setNumThreads(1)
    image, band, lines = _render(seed)
    g = segment.grey(image)
    centre = tuple(float(v) for v in band.mean(0))
    want = tuple(len(line) for line in lines)
    for cand in segment.candidates(g):
        for cut in segment.cut(g, cand):
            if cut.lengths != want:
                continue
            if cv2.pointPolygonTest(np.array(cut.band, np.float32), centre, False) < 0:
                continue
            cells = np.concatenate(cut.cells)
            labels = np.array([INDEX[c] for c in "".join(lines)], np.int64)
            return cells, labels
    return np.zeros((0, segment.CELL_H, segment.CELL_W), np.float32), np.zeros(0, np.int64)


def dataset(seeds, workers: int) -> tuple[np.ndarray, np.ndarray, int]:
    with Pool(workers) as pool:
        parts = pool.map(shot_cells, seeds, chunksize=8)
    cut = sum(1 for c, _ in parts if len(c))
    x = np.concatenate([c for c, _ in parts]).reshape(-1, segment.CELL_W * segment.CELL_H)
    y = np.concatenate([lab for _, lab in parts])
    return x, y, cut


def train(x, y, epochs: int, hidden: tuple[int, int] = (256, 128),
          seed: int = 9303) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    mean = x.mean(0)
    scale = 1.0 / (x.std(0) + 0.05)
    xs = ((x - mean) * scale).astype(np.float32)
    sizes = [xs.shape[1], *hidden, len(classifier.ALPHABET)]
    params = {}
    for n, (a, b) in enumerate(zip(sizes[:-1], sizes[1:]), 1):
        params[f"w{n}"] = (rng.normal(0, np.sqrt(2 / a), (a, b))).astype(np.float32)
        params[f"b{n}"] = np.zeros(b, np.float32)
    m = {k: np.zeros_like(v) for k, v in params.items()}
    v = {k: np.zeros_like(v) for k, v in params.items()}
    step, batch = 0, 256
    for epoch in range(epochs):
        lr = 2e-3 * (0.5 ** max(0, epoch - epochs // 2))
        order = rng.permutation(len(xs))
        loss_sum = 0.0
        for start in range(0, len(order), batch):
            idx = order[start:start + batch]
            xb, yb = xs[idx], y[idx]
            # a little noise on the inputs, like one more camera
            xb = xb + rng.normal(0, 0.1, xb.shape).astype(np.float32)
            h1 = np.maximum(xb @ params["w1"] + params["b1"], 0)
            h2 = np.maximum(h1 @ params["w2"] + params["b2"], 0)
            z = h2 @ params["w3"] + params["b3"]
            z -= z.max(1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(1, keepdims=True)
            loss_sum += float(-np.log(p[np.arange(len(yb)), yb] + 1e-9).sum())
            dz = p
            dz[np.arange(len(yb)), yb] -= 1
            dz /= len(yb)
            grads = {"w3": h2.T @ dz, "b3": dz.sum(0)}
            d2 = (dz @ params["w3"].T) * (h2 > 0)
            grads["w2"], grads["b2"] = h1.T @ d2, d2.sum(0)
            d1 = (d2 @ params["w2"].T) * (h1 > 0)
            grads["w1"], grads["b1"] = xb.T @ d1, d1.sum(0)
            step += 1
            for k, g in grads.items():
                if k.startswith("w"):
                    g = g + 1e-5 * params[k]
                m[k] = 0.9 * m[k] + 0.1 * g
                v[k] = 0.999 * v[k] + 0.001 * g * g
                mh = m[k] / (1 - 0.9 ** step)
                vh = v[k] / (1 - 0.999 ** step)
                params[k] -= (lr * mh / (np.sqrt(vh) + 1e-8)).astype(np.float32)
        print(f"epoch {epoch + 1}/{epochs}: loss {loss_sum / len(xs):.4f}", flush=True)
    params["mean"], params["scale"] = mean.astype(np.float32), scale.astype(np.float32)
    return params


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--shots", type=int, default=2400, help="rendered frames to train on")
    parser.add_argument("--synth-shots", type=int, default=2400,
                        help="more frames from borderdesk.reader.synth (seeds of their own)")
    parser.add_argument("--test-shots", type=int, default=200)
    parser.add_argument("--hidden", default="256,128", help="the two hidden layers' sizes")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=classifier.MODEL_FILE)
    args = parser.parse_args()
    began = time.time()
    hidden = tuple(int(n) for n in args.hidden.split(","))
    seeds = [*range(args.shots), *range(SYNTH_BASE, SYNTH_BASE + args.synth_shots)]
    x, y, cut = dataset(seeds, args.workers)
    print(f"training cells: {len(y)} from {cut}/{len(seeds)} shots ({time.time() - began:.0f} s)")
    test_seeds = [*range(10**6, 10**6 + args.test_shots),
                  *range(SYNTH_BASE + 10**6, SYNTH_BASE + 10**6 + args.test_shots // 2)]
    xt, yt, cut_t = dataset(test_seeds, args.workers)
    params = train(x, y, args.epochs, hidden)
    classifier.save(args.out, params)
    model = classifier.load(args.out)
    pred = model.probabilities(xt.reshape(-1, segment.CELL_H, segment.CELL_W)).argmax(1)
    errors = int((pred != yt).sum())
    print(f"held-out cells: {len(yt)} from {cut_t}/{len(test_seeds)} shots; "
          f"{errors} wrong ({100 * errors / max(len(yt), 1):.3f}%)")
    confusions: dict[tuple[str, str], int] = {}
    for t, p in zip(yt[pred != yt], pred[pred != yt]):
        key = (classifier.ALPHABET[t], classifier.ALPHABET[p])
        confusions[key] = confusions.get(key, 0) + 1
    top = sorted(confusions.items(), key=lambda kv: -kv[1])[:12]
    print("most confused (truth->read):", ", ".join(f"{a}->{b} {n}" for (a, b), n in top))
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB) in {time.time() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
