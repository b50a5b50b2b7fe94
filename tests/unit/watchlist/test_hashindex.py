"""The sorted keyed-hash index: ranges, duplicates, empty files, damaged files."""

import numpy as np
import pytest

from borderdesk.watchlist import hashindex
from borderdesk.watchlist.exceptions import CorruptBundle


def make(tmp_path, values):
    hashindex.write(tmp_path / "x", np.sort(np.asarray(values, dtype=np.uint64)))
    return hashindex.HashIndex(tmp_path / "x")


def test_ranges_with_duplicates_and_misses(tmp_path):
    rng = np.random.default_rng(1)
    values = rng.integers(0, 2**64 - 1, size=5000, dtype=np.uint64, endpoint=True)
    values = np.concatenate([values, values[:10]])  # ten hashes twice
    ix = make(tmp_path, values)
    ix.check()
    ordered = np.sort(values)
    for v in values[:10]:
        lo, hi = ix.range(int(v))
        assert hi - lo == 2 and all(ordered[lo:hi] == v)
    for v in values[20:200]:
        assert ix.range(int(v))[1] - ix.range(int(v))[0] == 1
    assert (2**64 - 1) not in ix or (2**64 - 1) in values
    assert 0 not in ix or 0 in values
    missing = [int(v) + 1 for v in values[:500] if int(v) + 1 not in set(map(int, values))]
    assert not any(m in ix for m in missing[:100])


def test_empty_index(tmp_path):
    ix = make(tmp_path, [])
    assert len(ix) == 0 and 12345 not in ix
    ix.check()


def test_keyed_hash_depends_on_key_and_use():
    a = hashindex.keyed_hash(b"k" * 32, "AB123", b"one")
    assert a == hashindex.keyed_hash(b"k" * 32, "AB123", b"one")
    assert a != hashindex.keyed_hash(b"j" * 32, "AB123", b"one")
    assert a != hashindex.keyed_hash(b"k" * 32, "AB123", b"two")
    assert 0 <= a < 2**64


def test_damaged_files(tmp_path):
    make(tmp_path, [1, 2, 3])
    (tmp_path / "x.hash").write_bytes(b"1234567")
    with pytest.raises(CorruptBundle, match="whole number"):
        hashindex.HashIndex(tmp_path / "x")
    make(tmp_path, [1, 2, 3])
    (tmp_path / "x.dir").write_bytes(b"\0" * 8 * 4)
    with pytest.raises(CorruptBundle, match="2\\*\\*bits"):
        hashindex.HashIndex(tmp_path / "x")
