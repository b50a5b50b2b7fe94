"""Rendered documents in camera frames (tools/mrzrender.py), for the reader's tests."""

import random

import mrzrender


def shot(seed: str, *, length: int | None = None, difficulty: float = 0.4,
         frame=(1280, 720), grey: bool = False) -> "mrzrender.Shot":
    """One document, with a known MRZ, photographed in a frame."""
    rng = random.Random(seed)
    lines = mrzrender.random_mrz(rng, length)
    page = mrzrender.render_page(rng, lines)
    return mrzrender.photograph(rng, page, difficulty, frame, grey=grey)
