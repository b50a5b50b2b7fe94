"""100,000 random and near-MRZ strings: only clean results or clean errors."""

import random
import sys
from pathlib import Path

from borderdesk.mrz import Document, MRZError, parse

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
from mrzgen import corpus  # noqa: E402

NOISE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<<<KO0I1SZ \n\r\t-.,'«‹é\x00"


def mutate(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.choice([1, 1, 2, 3, 8, 30])):
        op = rng.random()
        i = rng.randrange(len(chars) + 1)
        if op < 0.5 and chars:
            chars[min(i, len(chars) - 1)] = rng.choice(NOISE)
        elif op < 0.75:
            chars.insert(i, rng.choice(NOISE))
        elif chars:
            del chars[min(i, len(chars) - 1)]
    return "".join(chars)


def random_text(rng: random.Random) -> str:
    n = rng.choice([0, 1, 5, 30, 36, 44, 72, 88, 90, 200])
    return "".join(rng.choice(NOISE) for _ in range(n))


def test_fuzz_only_documents_or_mrz_errors():
    rng = random.Random(2026)
    valid = corpus(2000, seed=1)
    outcomes = {"document": 0, "error": 0}
    for i in range(100_000):
        text = mutate(rng, rng.choice(valid)) if i % 4 else random_text(rng)
        try:
            doc = parse(text)
        except MRZError as exc:
            assert exc.message
            outcomes["error"] += 1
            continue
        assert isinstance(doc, Document)
        assert doc.format in ("TD1", "TD2", "TD3", "MRVA", "MRVB")
        assert doc.as_json()["valid"] is doc.valid
        outcomes["document"] += 1
    # Both paths were exercised in earnest.
    assert outcomes["document"] > 20_000 and outcomes["error"] > 20_000, outcomes
