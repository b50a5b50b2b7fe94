"""The canonical encoding of log entries, and the hashes over it.

Every hash in the log is SHA-256 (FIPS 180-4) over a canonical JSON encoding:
keys sorted, no insignificant white space, UTF-8, non-ASCII kept as is —
the scheme of RFC 8785 (JSON Canonicalization Scheme) for the values the log
holds (strings, integers, booleans, null, lists, objects). Floats are not
allowed in hashed data: scores are kept as integers in parts per million, so
the bytes never depend on how a float prints.

>>> canonical({"b": 1, "a": ["é", None, True]})
b'{"a":["\\xc3\\xa9",null,true],"b":1}'
>>> len(sha256_hex(b""))
64
"""

from __future__ import annotations

import hashlib
import json
import secrets

GENESIS = "0" * 64  # the "previous hash" of the first entry of a chain


class NotCanonical(TypeError):
    """A value that has no canonical encoding here (a float, a set, an object)."""


def _check(value, path="$"):
    if value is None or isinstance(value, (bool, int, str)):
        return
    if isinstance(value, float):
        raise NotCanonical(f"{path}: floats are not hashed, use integers ({value!r})")
    if isinstance(value, list):
        for i, v in enumerate(value):
            _check(v, f"{path}[{i}]")
        return
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str):
                raise NotCanonical(f"{path}: keys must be strings ({k!r})")
            _check(v, f"{path}.{k}")
        return
    raise NotCanonical(f"{path}: {type(value).__name__} has no canonical encoding")


def canonical(value) -> bytes:
    """The canonical bytes of a JSON value."""
    _check(value)
    return json.dumps(value, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False, allow_nan=False).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def new_nonce() -> str:
    """128 random bits: the salt that keeps a commitment from being guessed."""
    return secrets.token_hex(16)


def commitment(personal: dict | None) -> str:
    """The hash that stands for the personal part in the chain.

    ``personal`` carries its own random ``nonce``, so a redacted entry's
    commitment cannot be tested against guesses (a known passport number, say).
    An entry with no personal data commits to the empty string's hash.
    """
    if personal is None:
        return sha256_hex(b"")
    if not personal.get("nonce"):
        raise NotCanonical("$.nonce: the personal part needs a random nonce")
    return sha256_hex(canonical(personal))


def entry_hash(public: dict, personal_commitment: str, prev_hash: str) -> str:
    """The chain hash of one entry: its public part, the commitment, the previous hash."""
    return sha256_hex(canonical({"public": public, "personal": personal_commitment,
                                 "prev": prev_hash}))
