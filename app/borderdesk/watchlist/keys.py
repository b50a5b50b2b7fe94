"""Publisher keys: Ed25519 key pairs, as PEM files, and their fingerprints.

A publisher signs each bundle's manifest with its private key (RFC 8032
Ed25519, through the ``cryptography`` package); a desk accepts a bundle only
when the key that signed it is one it was told to trust. A key is named by its
fingerprint: the first 16 hexadecimal digits of the SHA-256 of the raw 32-byte
public key.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .exceptions import BadSignature, KeyFileError

PRIVATE_NAME = "publisher.key"
PUBLIC_NAME = "publisher.pub"


def fingerprint(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def public_pem(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.PEM,
                               serialization.PublicFormat.SubjectPublicKeyInfo)


def _write_new(path: Path, data: bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(path, mode)  # whatever the umask said


def generate(out_dir: Path) -> tuple[Path, Path, str]:
    """Write a new key pair into ``out_dir``; never overwrites a key.

    Returns the private key's path (mode 0600), the public key's path, and
    the fingerprint.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    private_path, public_path = out_dir / PRIVATE_NAME, out_dir / PUBLIC_NAME
    for p in (private_path, public_path):
        if p.exists():
            raise KeyFileError(f"{p} exists already; a key is never overwritten")
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    _write_new(private_path, pem, 0o600)
    _write_new(public_path, public_pem(key.public_key()), 0o644)
    return private_path, public_path, fingerprint(key.public_key())


def _read(path: Path, what: str) -> bytes:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise KeyFileError(f"cannot read the {what} {path}: {exc.strerror or exc}") from None
    if len(data) > 64 * 1024:
        raise KeyFileError(f"{path} is too large to be a {what}")
    return data


def load_private(path: Path) -> Ed25519PrivateKey:
    data = _read(path, "private key")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise KeyFileError(f"{path} is not an unencrypted Ed25519 private key (PEM)") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{path} is a private key, but not an Ed25519 one")
    return key


def load_public(path: Path) -> Ed25519PublicKey:
    return parse_public(_read(path, "public key"), str(path))


def parse_public(data: bytes, where: str = "the key") -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        if b"PRIVATE KEY" in data:
            raise KeyFileError(f"{where} is a private key: give the publisher's public key "
                               f"({PUBLIC_NAME})") from None
        raise KeyFileError(f"{where} is not an Ed25519 public key (PEM)") from None
    if not isinstance(key, Ed25519PublicKey):
        raise KeyFileError(f"{where} is a public key, but not an Ed25519 one")
    return key


def verify(public: Ed25519PublicKey, signature: bytes, data: bytes) -> None:
    try:
        public.verify(signature, data)
    except InvalidSignature:
        raise BadSignature("the bundle's signature does not verify: the manifest was altered "
                           "or signed with another key") from None
