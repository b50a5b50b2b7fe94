#!/usr/bin/env python3
"""Train the MRZ character classifier and write resources/ocr/mrz-chars.onnx.

Deterministic (fixed seeds, PyTorch's deterministic algorithms, a set number
of threads): renders random, valid MRZs in OCR-B and other monospace fonts
(tools/mrzrender.py and borderdesk.reader.synth) on documents in camera frames
with the degradations of a camera or a scanner, finds and cuts them with the
reader's own code (borderdesk.reader.segment), trains a small convolutional
network on the cells with PyTorch on the CPU, scales its logits by the
temperature that fits held-out cells best, and exports it as ONNX, which the
reader runs with OpenCV's dnn module (borderdesk.reader.classifier).

    pip install -e '.[train]'
    nice -n 10 .venv/bin/python tools/train_ocr.py [--shots 2400] [--synth-shots 9600] [--epochs 12]

About forty minutes on two cores. Prints the error rate on held-out
shots, the most confused pairs, and how many readings of held-out frames each
MIN_UNVERIFIED_CONFIDENCE would trust, right and wrong.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import time
import multiprocessing
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import cv2  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mrzrender  # noqa: E402

from borderdesk import mrz  # noqa: E402
from borderdesk.reader import classifier, ocr, segment  # noqa: E402
from borderdesk.reader.synth.identities import random_document  # noqa: E402
from borderdesk.reader.synth.scene import flat_scan, photograph  # noqa: E402

FRAMES = ((640, 480), (960, 640), (960, 640), (1280, 720))
SYNTH_FRAMES = ((1280, 720),) * 3 + ((1920, 1080), (640, 480))
# shots numbered from here come from borderdesk.reader.synth (its own seeds: "ocr-train:N",
# never the test set's "ocr-testset:SEED:N"), the rest from tools/mrzrender.py
SYNTH_BASE = 10**7
HELD_OUT = 10**6  # held-out shots are numbered from here (in both ranges)
CALIBRATION = 2 * 10**6  # and the frames that MIN_UNVERIFIED_CONFIDENCE is chosen on from here
INDEX = {c: i for i, c in enumerate(classifier.ALPHABET)}
THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995)


# -- the data: cells cut by the reader's own code from rendered frames -----------

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


def shot_cells(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The cells and labels of one rendered shot (empty when the cut misses the MRZ)."""
    try:
        return _shot_cells(seed)
    except Exception as exc:  # report, and carry on with the other shots
        print(f"shot {seed}: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        return np.zeros((0, segment.CELL_H, segment.CELL_W), np.float32), np.zeros(0, np.int64)


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


def _pool(workers: int, **kwargs):
    # fresh processes: a fork of a process whose PyTorch (OpenMP) threads run can hang
    return multiprocessing.get_context("spawn").Pool(workers, **kwargs)


def _fingerprint(seeds: list[int]) -> str:
    """What the cells of ``seeds`` depend on: the seeds and the renderers' and cutter's code."""
    h = hashlib.sha256(repr(seeds).encode())
    here = Path(__file__).resolve().parent
    reader = Path(segment.__file__).resolve().parent
    sources = [here / "mrzrender.py", reader / "segment.py", *sorted((reader / "synth").glob("*.py"))]
    for path in sources:
        h.update(path.read_bytes())
    return h.hexdigest()


def dataset(seeds: list[int], workers: int,
            cache: Path | None = None) -> tuple[np.ndarray, np.ndarray, int]:
    """(cells (n, H, W), labels, shots cut) of ``seeds``, from ``cache`` if it holds the same."""
    key = _fingerprint(seeds)
    if cache is not None and cache.exists():
        with np.load(cache) as data:
            if str(data["key"]) == key:
                return data["x"].astype(np.float32), data["y"], int(data["cut"])
    with _pool(workers) as pool:
        parts = pool.map(shot_cells, seeds, chunksize=8)
    cut = sum(1 for c, _ in parts if len(c))
    x = np.concatenate([c for c, _ in parts]).astype(np.float16)  # as the cache keeps them
    y = np.concatenate([lab for _, lab in parts])
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, key=key, x=x, y=y, cut=cut)
    return x.astype(np.float32), y, cut


# -- the network -------------------------------------------------------------------

def network(widths: tuple[int, ...], hidden: int):
    """Convolutions (3x3, batch norm, ReLU, 2x2 max pooling) and two dense layers."""
    from torch import nn
    layers: list = []
    channels, h, w = 1, segment.CELL_H, segment.CELL_W
    for width in widths:
        layers += [nn.Conv2d(channels, width, 3, padding=1, bias=False), nn.BatchNorm2d(width),
                   nn.ReLU(), nn.MaxPool2d(2)]
        channels, h, w = width, h // 2, w // 2
    layers += [nn.Flatten(), nn.Linear(channels * h * w, hidden), nn.ReLU(), nn.Dropout(0.2),
               nn.Linear(hidden, len(classifier.ALPHABET))]
    return nn.Sequential(*layers)


def _augment(xb, gen):
    """Each cell shifted and scaled a little, its contrast changed and noise added."""
    import torch
    import torch.nn.functional as F
    n = len(xb)
    scale = 1 + (torch.rand(n, generator=gen) - 0.5) * 0.12
    shift = (torch.rand(n, 2, generator=gen) - 0.5) * 0.16  # of the half cell: about ±0.6 px
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0] = scale
    theta[:, 1, 1] = scale * (1 + (torch.rand(n, generator=gen) - 0.5) * 0.08)
    theta[:, :, 2] = shift
    grid = F.affine_grid(theta, list(xb.shape), align_corners=False)
    xb = F.grid_sample(xb, grid, align_corners=False, padding_mode="zeros")
    gain = 0.7 + 0.6 * torch.rand(n, 1, 1, 1, generator=gen)
    return (xb * gain + 0.05 * torch.randn(xb.shape, generator=gen)).clamp_(0, 1.2)


def train(x: np.ndarray, y: np.ndarray, epochs: int, widths: tuple[int, ...], hidden: int,
          seed: int = 9303):
    import torch
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed)
    net = network(widths, hidden)
    xs = torch.from_numpy(x).unsqueeze(1)
    ys = torch.from_numpy(y)
    batch = 256
    steps = epochs * ((len(xs) + batch - 1) // batch)
    opt = torch.optim.AdamW(net.parameters(), lr=3e-3, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps, pct_start=0.15)
    loss_fn = torch.nn.CrossEntropyLoss()
    for epoch in range(epochs):
        began = time.time()
        net.train()
        order = torch.randperm(len(xs), generator=gen)
        loss_sum = 0.0
        for start in range(0, len(order), batch):
            idx = order[start:start + batch]
            xb = _augment(xs[idx], gen)
            loss = loss_fn(net(xb), ys[idx])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            loss_sum += loss.item() * len(idx)
        print(f"epoch {epoch + 1}/{epochs}: loss {loss_sum / len(xs):.4f} "
              f"({time.time() - began:.0f} s)", flush=True)
    net.eval()
    return net


def logits(net, x: np.ndarray) -> np.ndarray:
    import torch
    with torch.no_grad():
        return np.concatenate([net(torch.from_numpy(x[i:i + 4096]).unsqueeze(1)).numpy()
                               for i in range(0, len(x), 4096)])


def temperature(z: np.ndarray, y: np.ndarray) -> float:
    """The temperature that gives held-out cells the least cross-entropy (a calibration)."""
    def nll(t: float) -> float:
        s = z / t
        s = s - s.max(1, keepdims=True)
        return float(-(s[np.arange(len(y)), y] - np.log(np.exp(s).sum(1))).mean())
    grid = np.exp(np.linspace(np.log(0.3), np.log(5.0), 141))
    return float(grid[int(np.argmin([nll(t) for t in grid]))])


def export(net, t: float, path: Path) -> None:
    """The network, its logits divided by ``t`` and a softmax, as ONNX at ``path``."""
    import torch

    class Calibrated(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.net = net

        def forward(self, cells):
            return torch.softmax(self.net(cells) / t, dim=1)

    path.parent.mkdir(parents=True, exist_ok=True)
    example = torch.zeros(1, 1, segment.CELL_H, segment.CELL_W)
    torch.onnx.export(Calibrated().eval(), (example,), str(path), input_names=["cells"],
                      output_names=["probabilities"], opset_version=17, dynamo=False,
                      dynamic_axes={"cells": {0: "n"}, "probabilities": {0: "n"}})


# -- choosing MIN_UNVERIFIED_CONFIDENCE on held-out frames ---------------------------

def _worker(model: str) -> None:
    cv2.setNumThreads(1)
    classifier.use_model_file(Path(model))


def frame_verdicts(seed: int) -> tuple[bool, bool, list[bool]]:
    """(read valid, read right, trusted at each of THRESHOLDS) of held-out frame ``seed``."""
    image, _, lines = _render(seed)
    reading = ocr.read_frame(image, source="image")
    if reading is None:
        return False, False, [False] * len(THRESHOLDS)
    try:
        document = mrz.parse(reading.text)
    except mrz.MRZError:
        return False, False, [False] * len(THRESHOLDS)
    right = list(reading.lines) == lines
    trusted = [document.valid and not ocr.distrust(reading, document, t) for t in THRESHOLDS]
    return document.valid, right, trusted


def calibrate(seeds: list[int], model: Path, workers: int) -> None:
    with _pool(workers, initializer=_worker, initargs=(str(model),)) as pool:
        verdicts = pool.map(frame_verdicts, seeds, chunksize=4)
    valid = sum(v for v, _, _ in verdicts)
    right = sum(r for _, r, _ in verdicts)
    print(f"held-out frames: {len(seeds)}; read with every check passing {valid}, exactly {right}")
    print("MIN_UNVERIFIED_CONFIDENCE  trusted right  trusted wrong")
    for k, t in enumerate(THRESHOLDS):
        good = sum(1 for _, r, tr in verdicts if tr[k] and r)
        bad = sum(1 for _, r, tr in verdicts if tr[k] and not r)
        print(f"{t:25.3f}  {good:13d}  {bad:13d}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--shots", type=int, default=2400, help="rendered frames to train on")
    parser.add_argument("--synth-shots", type=int, default=9600,
                        help="more frames from borderdesk.reader.synth (seeds of their own)")
    parser.add_argument("--test-shots", type=int, default=300,
                        help="held-out frames (a third of them from borderdesk.reader.synth)")
    parser.add_argument("--calibration-shots", type=int, default=600,
                        help="more held-out frames, read whole, to choose "
                        "MIN_UNVERIFIED_CONFIDENCE on (half of them from borderdesk.reader.synth)")
    parser.add_argument("--widths", default="12,24,48", help="the convolutions' channels")
    parser.add_argument("--hidden", type=int, default=128, help="the dense hidden layer's size")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--workers", type=int, default=2, help="processes rendering frames")
    parser.add_argument("--threads", type=int, default=1,
                        help="PyTorch's threads (more than the idle cores is much slower)")
    parser.add_argument("--cache", type=Path, help="keep the cut cells in this file (.npz) and take "
                        "them from it while the seeds and the code that cuts them are the same")
    parser.add_argument("--out", type=Path, default=classifier.MODEL_FILE)
    args = parser.parse_args()
    try:
        import torch
    except ImportError:
        print("training needs PyTorch: pip install -e '.[train]'", file=sys.stderr)
        return 2
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)
    torch.utils.deterministic.fill_uninitialized_memory = False  # costly, and not needed here
    began = time.time()
    widths = tuple(int(n) for n in args.widths.split(","))
    seeds = [*range(args.shots), *range(SYNTH_BASE, SYNTH_BASE + args.synth_shots)]
    test_seeds = [*range(HELD_OUT, HELD_OUT + args.test_shots * 2 // 3),
                  *range(SYNTH_BASE + HELD_OUT, SYNTH_BASE + HELD_OUT + args.test_shots // 3)]
    cache = args.cache
    x, y, cut = dataset(seeds, args.workers, cache)
    print(f"training cells: {len(y)} from {cut}/{len(seeds)} shots ({time.time() - began:.0f} s)",
          flush=True)
    xt, yt, cut_t = dataset(test_seeds, args.workers,
                            cache.with_name(cache.stem + "-held-out.npz") if cache else None)
    net = train(x, y, args.epochs, widths, args.hidden)
    z = logits(net, xt)
    t = temperature(z, yt)
    export(net, t, args.out)
    model = classifier.load(args.out)
    probs = model.probabilities(xt)
    reference = np.exp(z / t - (z / t).max(1, keepdims=True))
    reference /= reference.sum(1, keepdims=True)
    pred = probs.argmax(1)
    errors = int((pred != yt).sum())
    sure = probs.max(1)
    print(f"held-out cells: {len(yt)} from {cut_t}/{len(test_seeds)} shots; "
          f"{errors} wrong ({100 * errors / max(len(yt), 1):.3f}%); temperature {t:.2f}; "
          f"OpenCV against PyTorch: largest difference {np.abs(probs - reference).max():.2e}")
    wrong = pred != yt
    print("wrong with confidence at least 0.9 / 0.97 / 0.99: "
          f"{int((wrong & (sure >= 0.9)).sum())} / {int((wrong & (sure >= 0.97)).sum())}"
          f" / {int((wrong & (sure >= 0.99)).sum())}; right under 0.97: "
          f"{int(((pred == yt) & (sure < 0.97)).sum())}")
    confusions: dict[tuple[str, str], int] = {}
    for truth, read in zip(yt[pred != yt], pred[pred != yt]):
        key = (classifier.ALPHABET[truth], classifier.ALPHABET[read])
        confusions[key] = confusions.get(key, 0) + 1
    top = sorted(confusions.items(), key=lambda kv: -kv[1])[:12]
    print("most confused (truth->read):", ", ".join(f"{a}->{b} {n}" for (a, b), n in top))
    params = sum(p.numel() for p in net.parameters())
    print(f"wrote {args.out} ({params} parameters, {args.out.stat().st_size // 1024} KiB) "
          f"in {time.time() - began:.0f} s", flush=True)
    half = args.calibration_shots // 2
    calibrate([*range(CALIBRATION, CALIBRATION + half),
               *range(SYNTH_BASE + CALIBRATION, SYNTH_BASE + CALIBRATION + half)],
              args.out, args.workers)
    print(f"done in {time.time() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
