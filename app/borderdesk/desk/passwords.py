"""PINs and passwords, stored only as a salted, slow, memory-hard hash.

The hash is scrypt (RFC 7914) from the standard library's ``hashlib``, which
OpenSSL provides: no compiled dependency to ship to a desk, and a memory-hard
function as Argon2id is. The cost follows OWASP's Password Storage Cheat
Sheet (N = 2^17, r = 8, p = 1: 128 MiB and about half a second a try on a
desk), set in ``[users] hash_cost_log2``. Each stored value carries its own
parameters and a 16-byte random salt, so the cost can be raised later and old
hashes still verify::

    scrypt$17$8$1$<salt, base64>$<hash, base64>

>>> stored = hash_secret("4711-2024", cost_log2=10)
>>> verify_secret("4711-2024", stored), verify_secret("4711-2025", stored)
(True, False)
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

SCHEME = "scrypt"
BLOCK_SIZE = 8
PARALLELISM = 1
SALT_BYTES = 16
HASH_BYTES = 32


class MalformedHash(ValueError):
    """A stored hash that is not in the scheme above (a damaged users file)."""


def _scrypt(secret: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    n = 1 << log2_n
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * n * r + (1 << 20), dklen=HASH_BYTES)


def hash_secret(secret: str, *, cost_log2: int = 17) -> str:
    """The stored form of ``secret``: scheme, parameters, salt and hash."""
    salt = os.urandom(SALT_BYTES)
    digest = _scrypt(secret, salt, cost_log2, BLOCK_SIZE, PARALLELISM)
    b64 = base64.b64encode
    return (f"{SCHEME}${cost_log2}${BLOCK_SIZE}${PARALLELISM}$"
            f"{b64(salt).decode()}${b64(digest).decode()}")


def verify_secret(secret: str, stored: str) -> bool:
    """True when ``secret`` hashes to ``stored``; compared in constant time."""
    try:
        scheme, log2_n, r, p, salt, digest = stored.split("$")
        if scheme != SCHEME:
            raise ValueError(scheme)
        params = int(log2_n), int(r), int(p)
        salt_bytes = base64.b64decode(salt, validate=True)
        expected = base64.b64decode(digest, validate=True)
    except ValueError as exc:
        raise MalformedHash(f"a stored secret is not a {SCHEME} hash") from exc
    return hmac.compare_digest(_scrypt(secret, salt_bytes, *params), expected)
