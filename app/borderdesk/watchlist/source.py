"""Reading the publisher's source files: NDJSON or CSV, validated line by line.

The format is docs/watchlist-format.md. A source is read whole before anything
is built from it; every problem is reported with the file and line it is on
(the first :data:`MAX_PROBLEMS`, then a count), so a publisher fixes a file in
one pass instead of one error at a time.

NDJSON (``.ndjson``, ``.jsonl``, ``.json``): one JSON object a line, blank lines
ignored. CSV (``.csv``): a header row naming the columns (the record keys, with
``surname``, ``given_names`` and ``full_name`` in place of ``names``); a person
with several names takes one row per name, on consecutive rows with the same
``kind``, ``list`` and ``id``. Any other extension is read as NDJSON when its
first character is ``{``, else as CSV. Files are UTF-8 (a byte order mark is
allowed).
"""

from __future__ import annotations

import csv
import hashlib
import json
from array import array
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from .exceptions import InvalidRecord, SourceError
from .records import DocumentRecord, PersonRecord, record

MAX_PROBLEMS = 20
MAX_LINE = 64 * 1024  # bytes; a longer line is refused, not parsed
NAME_COLUMNS = ("surname", "given_names", "full_name")


class Sources:
    """The records of some source files, read in order, with the problems found.

    Iterate to get ``(path, line, record)``; after the iteration, :meth:`raise_problems`
    raises :class:`SourceError` if any line was bad or a record id repeats.
    """

    def __init__(self, paths: list[str | Path], max_problems: int = MAX_PROBLEMS) -> None:
        self.paths = [Path(p) for p in paths]
        self.max_problems = max_problems
        self.problems: list[tuple[str, int, str]] = []
        self.more = 0
        self._ids = array("Q")
        self._where = array("Q")  # file index << 40 | line

    def problem(self, path: Path | str, line: int, message: str) -> None:
        if len(self.problems) < self.max_problems:
            self.problems.append((str(path), line, message))
        else:
            self.more += 1

    def __iter__(self) -> Iterator[tuple[Path, int, DocumentRecord | PersonRecord]]:
        for index, path in enumerate(self.paths):
            try:
                f = path.open("rb")
            except OSError as exc:
                self.problem(path, 0, f"cannot read the file: {exc.strerror or exc}")
                continue
            with f:
                reader = _read_csv if _is_csv(path, f) else _read_ndjson
                for line, rec in reader(self, path, f):
                    self._note_id(rec, index, line)
                    yield path, line, rec
        self._check_ids()

    def raise_problems(self) -> None:
        if self.problems:
            raise SourceError(self.problems, self.more)

    def _note_id(self, rec, index: int, line: int) -> None:
        key = f"{type(rec).__name__}\x00{rec.list}\x00{rec.id}".encode()
        self._ids.append(int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "little"))
        self._where.append(index << 40 | line)

    def _check_ids(self) -> None:
        if not self._ids:
            return
        ids = np.frombuffer(self._ids, dtype=np.uint64)
        order = np.argsort(ids, kind="stable")
        ranked = ids[order]
        repeats = np.nonzero(ranked[1:] == ranked[:-1])[0]
        where = np.frombuffer(self._where, dtype=np.uint64)
        for r in repeats[: self.max_problems + 1]:
            first, again = (int(where[order[r]]), int(where[order[r + 1]]))
            self.problem(self.paths[again >> 40], again & (1 << 40) - 1,
                         f"record id repeats the one at {self.paths[first >> 40]}:"
                         f"{first & (1 << 40) - 1} (same kind, list and id)")
        self.more += max(0, len(repeats) - self.max_problems - 1)


def _is_csv(path: Path, f) -> bool:
    suffix = path.suffix.lower()
    if suffix in (".ndjson", ".jsonl", ".json"):
        return False
    if suffix == ".csv":
        return True
    head = f.peek(64)[:64] if hasattr(f, "peek") else b""
    return not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def _raw_lines(f) -> Iterator[bytes | None]:
    """The lines of ``f``; None for a line longer than MAX_LINE (never held in memory whole)."""
    while raw := f.readline(MAX_LINE + 1):
        if len(raw) > MAX_LINE and not raw.endswith(b"\n"):
            while (rest := f.readline(MAX_LINE + 1)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield raw


def _decoded_lines(sources: Sources, path: Path, f) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(_raw_lines(f), 1):
        if raw is None:
            sources.problem(path, number, f"the line is longer than {MAX_LINE} bytes")
            continue
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            sources.problem(path, number, f"not UTF-8 text (byte {exc.start + 1} of the line)")


def _read_ndjson(sources: Sources, path: Path, f) -> Iterator[tuple[int, object]]:
    for number, text in _decoded_lines(sources, path, f):
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            sources.problem(path, number, f"not a JSON object: {exc.msg} at column {exc.colno}")
            continue
        except RecursionError:
            sources.problem(path, number, "not a JSON object: nested too deeply")
            continue
        try:
            yield number, record(obj)
        except InvalidRecord as exc:
            sources.problem(path, number, str(exc))


def _cell_rows(sources: Sources, path: Path, f) -> Iterator[tuple[int, dict]]:
    lines = _decoded_lines(sources, path, f)
    numbers: list[int] = []

    def text_lines():
        for number, text in lines:
            numbers.append(number)
            yield text

    reader = csv.reader(text_lines(), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        sources.problem(path, numbers[-1] if numbers else 1, f"not CSV: {exc}")
        return
    header = [h.strip() for h in header]
    if "kind" not in header:
        sources.problem(path, numbers[0], "the CSV header has no 'kind' column")
        return
    if len(set(header)) != len(header):
        sources.problem(path, numbers[0], "the CSV header repeats a column")
        return
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            sources.problem(path, numbers[-1], f"not CSV: {exc}")
            continue
        number = numbers[-1]
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            sources.problem(path, number, f"{len(cells)} cells where the header has {len(header)}")
            continue
        yield number, {k: v for k, v in zip(header, cells) if v.strip()}


def _read_csv(sources: Sources, path: Path, f) -> Iterator[tuple[int, object]]:
    pending: tuple[int, dict, list] | None = None  # a person whose names are being gathered

    def finish():
        number, row, names = pending
        row = dict(row, names=names)
        try:
            return number, record(row)
        except InvalidRecord as exc:
            sources.problem(path, number, str(exc))
            return None

    for number, row in _cell_rows(sources, path, f):
        if row.get("kind") == "person":
            key = (row.get("list"), row.get("id"))
            name = {k: row.pop(k) for k in NAME_COLUMNS if k in row}
            if pending and (pending[1].get("list"), pending[1].get("id")) == key:
                extra = {k: v for k, v in row.items() if pending[1].get(k) != v}
                if extra:
                    sources.problem(path, number, "a further name row of a person differs in "
                                    f"{', '.join(sorted(extra))}; leave those cells empty")
                pending[2].append(name)
                continue
            if pending and (done := finish()):
                yield done
            pending = (number, row, [name])
            continue
        if pending and (done := finish()):
            yield done
        pending = None
        for k in NAME_COLUMNS:
            if row.pop(k, None) is not None:
                sources.problem(path, number, f"a document record has no {k!r}")
        try:
            yield number, record(row)
        except InvalidRecord as exc:
            sources.problem(path, number, str(exc))
    if pending and (done := finish()):
        yield done


def read_all(paths: list[str | Path]) -> list[DocumentRecord | PersonRecord]:
    """Every record of the sources; raises :class:`SourceError` if any is bad."""
    sources = Sources(paths)
    records = [rec for _, _, rec in sources]
    sources.raise_problems()
    return records

