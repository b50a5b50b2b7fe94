"""The bundle file: a signed manifest and the payload parts, in one tar archive.

Layout (docs/watchlist-format.md): a POSIX tar whose first member is
``manifest.json``, the second ``manifest.sig`` (the 64-byte Ed25519 signature,
RFC 8032, of the manifest's exact bytes), then the payload parts, each a plain
file at the top level, stored raw or gzip-compressed (RFC 1952). The manifest
names every part with its size, its SHA-256 (FIPS 180-4) and its encoding, so
the signature covers every byte of the payload.

Reading trusts nothing before it is proven: the manifest is read (with a size
limit) and its signature checked against the trusted keys before any part is
looked at; then each part is streamed to its place in a staging directory
under a fixed name, hashed as it comes, and cut off the moment it outgrows the
size the manifest declares (a decompression bomb). Member names that are not
the manifest's part names (paths, ``..``, links, devices) are refused.
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import tarfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from . import keys
from .exceptions import BundleError, CorruptBundle, UnknownPublisher, UnsafeBundle

FORMAT = "borderdesk-bundle"
FORMAT_VERSION = 1
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
MAX_MANIFEST = 1 << 20
MAX_TOTAL = 1 << 40  # no desk list comes near a terabyte; a manifest that says so lies
DISK_MARGIN = 64 << 20
CHUNK = 1 << 20
ENCODINGS = ("raw", "gzip")
_PART_NAME = re.compile(r"[a-z][a-z0-9_-]{0,40}\.[a-z0-9]{1,8}")
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Part:
    name: str
    size: int  # bytes once decoded
    sha256: str  # of the decoded bytes
    encoding: str  # raw or gzip
    stored_size: int  # bytes in the archive

    def as_json(self) -> dict:
        return {"size": self.size, "sha256": self.sha256, "encoding": self.encoding,
                "stored_size": self.stored_size}


def _digest(path: Path) -> tuple[int, str]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
            size += len(chunk)
    return size, h.hexdigest()


def manifest_bytes(manifest: dict) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode()


def write(out: Path, manifest: dict, parts: dict[str, tuple[Path, str]],
          key: Ed25519PrivateKey, mtime: int) -> dict:
    """Write the bundle ``out`` (atomically): ``parts`` maps a part name to (file, encoding).

    Fills in ``manifest["parts"]`` and ``manifest["publisher"]``, signs, and returns the manifest.
    """
    tmp_dir = out.parent / f".{out.name}.parts"
    shutil.rmtree(tmp_dir, ignore_errors=True)
    tmp_dir.mkdir(parents=True)
    try:
        stored: dict[str, Path] = {}
        table = {}
        for name, (path, encoding) in parts.items():
            if not _PART_NAME.fullmatch(name) or encoding not in ENCODINGS:
                raise ValueError(f"bad part {name!r} ({encoding})")
            size, sha = _digest(path)
            if encoding == "gzip":
                packed = tmp_dir / name
                with path.open("rb") as src, gzip.GzipFile(packed, "wb", compresslevel=6,
                                                           mtime=0) as dst:
                    shutil.copyfileobj(src, dst, CHUNK)
                stored[name] = packed
            else:
                stored[name] = path
            table[name] = Part(name, size, sha, encoding, stored[name].stat().st_size).as_json()
        manifest = dict(manifest, format=FORMAT, format_version=FORMAT_VERSION, parts=table,
                        publisher=keys.fingerprint(key.public_key()))
        data = manifest_bytes(manifest)
        signature = key.sign(data)
        tmp = out.parent / f".{out.name}.tmp"
        try:
            with tarfile.open(tmp, "w", format=tarfile.PAX_FORMAT) as tar:
                _add_bytes(tar, MANIFEST, data, mtime)
                _add_bytes(tar, SIGNATURE, signature, mtime)
                for name, path in stored.items():
                    info = _info(name, path.stat().st_size, mtime)
                    with path.open("rb") as f:
                        tar.addfile(info, f)
            with tmp.open("rb+") as f:
                os.fsync(f.fileno())
            os.replace(tmp, out)
        finally:
            tmp.unlink(missing_ok=True)
        return manifest
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)


def _info(name: str, size: int, mtime: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, mtime, 0o644
    return info


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes, mtime: int) -> None:
    tar.addfile(_info(name, len(data), mtime), io.BytesIO(data))


# -- reading -----------------------------------------------------------------------------

def _member_name_ok(member: tarfile.TarInfo) -> bool:
    return bool(_PART_NAME.fullmatch(member.name)) or member.name in (MANIFEST, SIGNATURE)


def _next(tar: tarfile.TarFile) -> tarfile.TarInfo | None:
    try:
        return tar.next()
    except (tarfile.TarError, EOFError, OSError, zlib.error) as exc:
        raise CorruptBundle(f"the bundle is truncated or damaged ({exc})") from None


def _read_member(tar: tarfile.TarFile, member: tarfile.TarInfo | None, name: str,
                 limit: int) -> bytes:
    if member is None or member.name != name:
        raise CorruptBundle(f"not a borderdesk bundle: it does not begin with {name}")
    if not member.isreg() or member.size > limit:
        raise CorruptBundle(f"not a borderdesk bundle: {name} is not a small plain file")
    try:
        data = tar.extractfile(member).read()
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise CorruptBundle(f"the bundle is truncated or damaged ({exc})") from None
    if len(data) != member.size:
        raise CorruptBundle(f"the bundle is truncated: {name} is cut short")
    return data


def _parse_manifest(data: bytes) -> dict:
    try:
        manifest = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise CorruptBundle("the bundle's manifest is not JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise CorruptBundle("not a borderdesk bundle (the manifest names no bundle format)")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise CorruptBundle(f"bundle format version {manifest.get('format_version')!r} is not "
                            f"the {FORMAT_VERSION} this desk reads; update the desk")
    if not isinstance(manifest.get("publisher"), str):
        raise CorruptBundle("the manifest names no publisher key")
    return manifest


def _parts(manifest: dict) -> dict[str, Part]:
    table = manifest.get("parts")
    if not isinstance(table, dict) or not table:
        raise CorruptBundle("the manifest lists no parts")
    parts = {}
    for name, p in table.items():
        ok = (isinstance(name, str) and _PART_NAME.fullmatch(name) and isinstance(p, dict)
              and all(isinstance(p.get(k), int) and not isinstance(p.get(k), bool)
                      and p[k] >= 0 for k in ("size", "stored_size"))
              and isinstance(p.get("sha256"), str) and _SHA256.fullmatch(p["sha256"])
              and p.get("encoding") in ENCODINGS)
        if not ok:
            raise UnsafeBundle(f"the manifest's entry for part {name!r} is malformed")
        parts[name] = Part(name, p["size"], p["sha256"], p["encoding"], p["stored_size"])
    return parts


def peek(path: Path) -> dict:
    """The manifest of the bundle at ``path``, NOT verified: for ordering bundles and
    choosing which to fetch, never for trusting one (:func:`unpack` verifies)."""
    try:
        with tarfile.open(path, "r|") as tar:
            data = _read_member(tar, _next(tar), MANIFEST, MAX_MANIFEST)
    except (tarfile.TarError, EOFError, zlib.error):
        raise CorruptBundle(f"{path} is not a borderdesk bundle") from None
    manifest = _parse_manifest(data)
    return manifest


@dataclass(frozen=True)
class Verified:
    manifest: dict
    manifest_bytes: bytes
    signature: bytes


def unpack(path: Path, trusted: dict[str, Ed25519PublicKey], into: Path,
           accept: Callable[[dict], None], retired: Callable[[str], str | None] = None
           ) -> Verified:
    """Verify the bundle at ``path`` and write its parts into the empty directory ``into``.

    ``trusted`` maps key fingerprints to public keys; ``accept(manifest)`` is
    called once the signature is proven, before any part is read, and raises
    to refuse (an old version, say). Raises a :class:`BundleError`; on error,
    ``into`` may hold partial files, which the caller throws away.
    """
    try:
        tar = tarfile.open(path, "r|")
    except FileNotFoundError:
        raise BundleError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise BundleError(f"{path} is a directory, not a bundle file") from None
    except PermissionError:
        raise BundleError(f"cannot read {path}: permission denied") from None
    except (tarfile.TarError, EOFError, OSError, zlib.error):
        raise CorruptBundle(f"{path} is not a borderdesk bundle (not a tar archive), "
                            "or it is truncated") from None
    with tar:
        data = _read_member(tar, _next(tar), MANIFEST, MAX_MANIFEST)
        signature = _read_member(tar, _next(tar), SIGNATURE, 64)
        manifest = _parse_manifest(data)
        public = trusted.get(manifest["publisher"])
        why = retired(manifest["publisher"]) if public is None and retired else None
        if why:
            raise UnknownPublisher(f"the bundle is signed by publisher key "
                                   f"{manifest['publisher']}, which was {why}; refused")
        if public is None:
            raise UnknownPublisher(
                f"the bundle is signed by publisher key {manifest['publisher']}, which this desk "
                "does not trust (borderdesk watchlist trust PUBLIC_KEY adds a publisher)")
        keys.verify(public, signature, data)
        parts = _parts(manifest)
        accept(manifest)
        need = sum(p.size for p in parts.values())
        if need > MAX_TOTAL:
            raise UnsafeBundle("the manifest declares more than a terabyte of payload")
        free = shutil.disk_usage(into).free
        if need + DISK_MARGIN > free:
            raise BundleError(f"not enough disk space to import: the lists need "
                              f"{need / 1e6:.0f} MB, {free / 1e6:.0f} MB are free")
        seen = set()
        while (member := _next(tar)) is not None:
            name = member.name
            if not _member_name_ok(member) or name in (MANIFEST, SIGNATURE):
                raise UnsafeBundle(f"the bundle holds a member named {name!r}, which is not a "
                                   "part name (a path outside the store?); refused")
            if name not in parts:
                raise UnsafeBundle(f"the bundle holds a member {name!r} its manifest does not list")
            if name in seen:
                raise UnsafeBundle(f"the bundle holds part {name!r} twice")
            if not member.isreg() or getattr(member, "sparse", None):
                raise UnsafeBundle(f"part {name!r} is not a plain file (a link or device?)")
            part = parts[name]
            if member.size != part.stored_size:
                raise CorruptBundle(f"part {name!r} is {member.size} bytes in the archive, the "
                                    f"manifest says {part.stored_size}")
            _copy_part(tar, member, part, into / name)
            seen.add(name)
        missing = sorted(set(parts) - seen)
        if missing:
            raise CorruptBundle(f"the bundle is truncated: part(s) {', '.join(missing)} missing")
    (into / MANIFEST).write_bytes(data)
    (into / SIGNATURE).write_bytes(signature)
    return Verified(manifest, data, signature)


def _copy_part(tar: tarfile.TarFile, member: tarfile.TarInfo, part: Part, dest: Path) -> None:
    h = hashlib.sha256()
    written = 0
    inflate = zlib.decompressobj(wbits=31) if part.encoding == "gzip" else None
    try:
        src = tar.extractfile(member)
        with dest.open("xb") as out:
            while chunk := src.read(CHUNK):
                pieces = [chunk] if inflate is None else _inflate(inflate, chunk, part, written)
                for piece in pieces:
                    written += len(piece)
                    if written > part.size:
                        raise UnsafeBundle(f"part {part.name!r} expands beyond the {part.size} "
                                           "bytes its manifest declares (a decompression bomb); "
                                           "refused")
                    h.update(piece)
                    out.write(piece)
            out.flush()
            os.fsync(out.fileno())
    except zlib.error:
        raise CorruptBundle(f"part {part.name!r} is not valid gzip data (damaged)") from None
    except (tarfile.TarError, EOFError) as exc:
        raise CorruptBundle(f"the bundle is truncated or damaged in part {part.name!r} "
                            f"({exc})") from None
    except OSError as exc:
        raise BundleError(write_failed(dest, exc)) from None
    if inflate is not None and (not inflate.eof or inflate.unused_data):
        raise CorruptBundle(f"part {part.name!r} is truncated (its gzip stream does not end "
                            "where it should)")
    if written != part.size:
        raise CorruptBundle(f"part {part.name!r} is {written} bytes, the manifest says {part.size}")
    if h.hexdigest() != part.sha256:
        raise CorruptBundle(f"part {part.name!r} does not match the SHA-256 in the signed "
                            "manifest: the bundle was altered or damaged")


def write_failed(dest: Path, exc: OSError) -> str:
    """The message for a write that failed: a full disk said as such."""
    if exc.errno == errno.ENOSPC:
        return f"the disk is full (writing {dest.name} in {dest.parent.parent})"
    return f"cannot write {dest}: {exc.strerror or exc}"


def _inflate(inflate, chunk: bytes, part: Part, written: int) -> list[bytes]:
    """Decompress ``chunk`` in pieces, never more than one piece past the declared size."""
    out = []
    data = chunk
    while data:
        piece = inflate.decompress(data, CHUNK)
        out.append(piece)
        written += len(piece)
        if written > part.size:
            break
        data = inflate.unconsumed_tail
    return out
