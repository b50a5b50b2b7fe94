"""The demo's camera recording: sample documents laid under the camera, one after the other.

    .venv/bin/python tools/demo_camera.py [--out resources/demo/camera] [--names clear hit ...]

Each document of ``resources/demo/documents.json`` named (by default four of
them, two on the demo lists) is photographed by :mod:`borderdesk.reader.synth`
on one desk and played as a camera would see it: the empty desk, the
document sliding into view, blurred by the hand's motion, then held still,
each frame with its own sensor noise. The frames are written as JPEG
(1280x720, quality 85) named in play order, for the replay source to play
the folder. Deterministic: the same documents give the same frames.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import cv2
import numpy as np

from borderdesk.reader.synth.identities import document_from_mrz
from borderdesk.reader.synth.scene import background, photograph

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ROOT / "resources" / "demo" / "documents.json"
FRAME = (1280, 720)
NAMES = ("clear", "hit", "clear-card", "possible")
EMPTY, STILL = 2, 4  # frames of the empty desk before each document; frames held still
SLIDE = ((0.55, 23), (0.18, 11))  # (how far off its place, as a share of the frame; blur px)


def sequence(rng: random.Random, lines: list[str], desk: np.ndarray,
             noise: np.random.Generator) -> list[np.ndarray]:
    """The frames of one document: empty desk, sliding in, held still."""
    doc = document_from_mrz(lines)
    state = rng.getstate()
    direction = rng.choice([(1, 0.2), (-1, 0.1), (0.3, 1)])

    def grain(image: np.ndarray, sigma: float = 0.6) -> np.ndarray:
        return np.clip(image + noise.normal(0, sigma, image.shape), 0, 255).astype(np.uint8)

    frames = [grain(desk) for _ in range(EMPTY)]
    for share, blur in SLIDE:
        rng.setstate(state)
        offset = (direction[0] * share * FRAME[0], direction[1] * share * FRAME[1])
        shot = photograph(rng, doc, 0.1, frame=FRAME, backdrop=desk, offset=offset,
                          open_booklet=False)
        kernel = np.full((1, blur), 1 / blur, np.float32)
        frames.append(grain(cv2.filter2D(shot.image, -1, kernel)))
    rng.setstate(state)
    still = photograph(rng, doc, 0.1, frame=FRAME, backdrop=desk, open_booklet=False)
    frames += [grain(still.image) for _ in range(STILL)]
    return frames


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "demo" / "camera")
    parser.add_argument("--names", nargs="+", default=list(NAMES),
                        help="documents of documents.json to show, in order")
    parser.add_argument("--quality", type=int, default=85, help="JPEG quality")
    args = parser.parse_args(argv)
    documents = {d["name"]: d for d in json.loads(DOCUMENTS.read_text(encoding="utf-8"))}
    unknown = [n for n in args.names if n not in documents]
    if unknown:
        print(f"demo_camera: no document named {', '.join(unknown)} in {DOCUMENTS} "
              f"(there are {', '.join(documents)})", file=sys.stderr)
        return 2
    rng = random.Random("borderdesk demo camera")
    noise = np.random.default_rng(9303)
    # the desk a little soft, as a desk webcam sees it (and lighter to store)
    desk = cv2.GaussianBlur(background(rng, FRAME[1], FRAME[0]), (0, 0), 1.5)
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.jpg"):
        old.unlink()
    total = 0
    for n, name in enumerate(args.names):
        for k, frame in enumerate(sequence(rng, documents[name]["mrz"], desk, noise)):
            path = args.out / f"{n + 1:02d}-{k:02d}-{name}.jpg"
            cv2.imwrite(str(path), frame, [cv2.IMWRITE_JPEG_QUALITY, args.quality])
            total += path.stat().st_size
    # the desk empty again at the end, so the last document is taken away
    for k in range(EMPTY):
        path = args.out / f"{len(args.names) + 1:02d}-{k:02d}-empty.jpg"
        cv2.imwrite(str(path), np.clip(desk + noise.normal(0, 0.6, desk.shape), 0, 255)
                    .astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, args.quality])
        total += path.stat().st_size
    count = len(list(args.out.glob("*.jpg")))
    print(f"demo_camera: {count} frames, {total / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
