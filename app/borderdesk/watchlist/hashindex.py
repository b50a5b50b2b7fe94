"""A sorted array of keyed 64-bit hashes, memory-mapped, with a bucket directory.

The document list is held as the sorted keyed hashes of its document numbers;
the names index as the sorted keyed hashes of its candidate keys (with the
person numbers beside them). Looking a value up is hashing it, reading the
directory entry of its top bits, and a binary search of the few hashes in that
bucket: two or three pages touched, a few microseconds, whatever the size.

The hashes are BLAKE2b (RFC 7693) keyed with a secret of the bundle's series
(a full bundle and the deltas after it; :func:`.build.index_key`), so the file
alone does not give the list away: a number can be confirmed by someone who
knows it, not read off in bulk, and a table precomputed for one series is
useless for the next.

Files (little-endian, no header): ``NAME.hash``, the sorted ``uint64`` hashes;
``NAME.dir``, ``2**bits + 1`` ``uint64`` offsets, entry ``b`` the first index
whose hash has top bits ``>= b``.
"""

from __future__ import annotations

import hashlib
import mmap
import sys
from bisect import bisect_left, bisect_right
from pathlib import Path

import numpy as np

from .exceptions import CorruptBundle

HASH_BYTES = 8
KEY_BYTES = 32
DTYPE = np.dtype("<u8")
BUCKET_TARGET = 32  # hashes per bucket, on average: a directory of 2 bits a hash


def keyed_hash(key: bytes, value: str, person: bytes) -> int:
    """The keyed 64-bit BLAKE2b hash of ``value`` (``person`` separates the uses)."""
    digest = hashlib.blake2b(value.encode(), key=key, digest_size=HASH_BYTES, person=person)
    return int.from_bytes(digest.digest(), "little")


def directory_bits(count: int) -> int:
    """Directory size for ``count`` hashes: about BUCKET_TARGET a bucket, at least 2**8."""
    return max(8, (max(count, 1) // BUCKET_TARGET).bit_length())


def build_directory(hashes: np.ndarray, bits: int) -> np.ndarray:
    starts = np.arange(1 << bits, dtype=np.uint64) << np.uint64(64 - bits)
    directory = np.empty((1 << bits) + 1, dtype=DTYPE)
    directory[:-1] = np.searchsorted(hashes, starts, side="left")
    directory[-1] = len(hashes)
    return directory


def write(prefix: Path, hashes: np.ndarray) -> int:
    """Write sorted ``hashes`` as ``prefix.hash`` and ``prefix.dir``; returns the directory bits."""
    hashes = np.asarray(hashes, dtype=DTYPE)
    bits = directory_bits(len(hashes))
    hashes.tofile(prefix.with_suffix(".hash"))
    build_directory(hashes, bits).tofile(prefix.with_suffix(".dir"))
    return bits


def prefetch(mm: mmap.mmap) -> None:
    """Ask the kernel to read the whole map into memory in the background.

    A check then finds the index in memory instead of waiting on the disk for
    the pages its binary search touches; nothing waits for the read-ahead.
    """
    if hasattr(mmap, "MADV_WILLNEED"):
        mm.madvise(mmap.MADV_WILLNEED)


def _map(path: Path) -> memoryview:
    with path.open("rb") as f:
        size = f.seek(0, 2)
        if size == 0:
            return memoryview(b"").cast("Q")
        mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    prefetch(mm)
    if size % HASH_BYTES:
        raise CorruptBundle(f"{path.name} is not a whole number of 64-bit entries")
    return memoryview(mm).cast("Q")


class HashIndex:
    """Read access to ``prefix.hash`` / ``prefix.dir``, memory-mapped."""

    def __init__(self, prefix: Path) -> None:
        if sys.byteorder != "little":  # the files are little-endian; so is every desk we build for
            raise RuntimeError("the hash index needs a little-endian machine")
        self.hashes = _map(prefix.with_suffix(".hash"))
        self.directory = _map(prefix.with_suffix(".dir"))
        n = len(self.directory) - 1
        self.bits = n.bit_length() - 1
        if n < 1 or 1 << self.bits != n:
            raise CorruptBundle(f"{prefix.name}.dir does not have 2**bits + 1 entries")
        self._shift = 64 - self.bits

    def __len__(self) -> int:
        return len(self.hashes)

    def range(self, h: int) -> tuple[int, int]:
        """The positions ``[lo, hi)`` holding hash ``h`` (empty when absent)."""
        b = h >> self._shift
        lo, hi = self.directory[b], self.directory[b + 1]
        start = bisect_left(self.hashes, h, lo, hi)
        if start == hi or self.hashes[start] != h:
            return start, start
        return start, bisect_right(self.hashes, h, start, hi)

    def __contains__(self, h: int) -> bool:
        lo, hi = self.range(h)
        return hi > lo

    def check(self) -> None:
        """Raise :class:`CorruptBundle` unless sorted and the directory agrees (reads all)."""
        arr = np.frombuffer(self.hashes, dtype=DTYPE)
        directory = np.frombuffer(self.directory, dtype=DTYPE)
        ordered = len(arr) < 2 or bool(np.all(arr[1:] >= arr[:-1]))
        agrees = ordered and np.array_equal(directory, build_directory(arr, self.bits))
        del arr, directory  # no view may outlive the check, or the maps cannot close
        if not ordered:
            raise CorruptBundle("a hash index is not sorted")
        if not agrees:
            raise CorruptBundle("a hash index's directory does not match its hashes")

    def close(self) -> None:
        for view in (self.hashes, self.directory):
            obj = view.obj
            view.release()
            if isinstance(obj, mmap.mmap):
                try:
                    obj.close()
                except BufferError:
                    pass  # a view is still held somewhere; unmapped when it goes
