"""Helpers for the watchlist tests: a publisher's keys, source files, bundles, MRZs."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from borderdesk.mrz.compose import compose
from borderdesk.watchlist import build, bundle, keys
from borderdesk.watchlist.store import Store


def doc_record(i: int = 1, **over) -> dict:
    rec = {"kind": "document", "id": f"D{i}", "list": "SLTD", "issuing_state": "DZA",
           "document_number": f"AB{i:07d}", "document_type": "P", "status": "stolen",
           "reported": "2024-05-01", "action": "Seize the document, call the supervisor"}
    rec.update(over)
    return rec


def write_ndjson(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    return path


def td3(number: str = "AB0000001", state: str = "DZA", surname: str = "BENALI",
        given: str = "KARIM", birth: str = "800315", sex: str = "M",
        expiry: str = "320101", nationality: str | None = None) -> str:
    return "\n".join(compose("TD3", document_code="P", issuing_state=state, surname=surname,
                             given_names=given, document_number=number,
                             nationality=nationality or state, birth_date=birth, sex=sex,
                             expiry_date=expiry))


class Publisher:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.private, self.public, self.fingerprint = keys.generate(folder / "keys")
        self.key = keys.load_private(self.private)

    def build(self, records: list[dict], version: int = 1, name: str | None = None,
              **kw) -> Path:
        src = write_ndjson(self.folder / f"src-{version}.ndjson", records)
        out = self.folder / (name or f"v{version}.bundle")
        build.build([src], self.private, version, out, **kw)
        return out


@pytest.fixture
def publisher(tmp_path) -> Publisher:
    return Publisher(tmp_path / "publisher")


@pytest.fixture
def store(data_dir, publisher) -> Store:
    s = Store(data_dir / "watchlist")
    s.trust(publisher.public)
    return s


def members(path: Path) -> list[tuple[tarfile.TarInfo, bytes]]:
    with tarfile.open(path) as tar:
        return [(m, tar.extractfile(m).read()) for m in tar.getmembers()]


def write_tar(path: Path, items: list[tuple[tarfile.TarInfo, bytes]]) -> Path:
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as tar:
        for info, data in items:
            info = tarfile.TarInfo(info.name) if isinstance(info, tarfile.TarInfo) and \
                info.isreg() else info
            if info.isreg():
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
            else:
                tar.addfile(info)
    return path


def resign(path: Path, out: Path, key, edit_manifest=None, edit_parts=None) -> Path:
    """Rewrite a bundle: change its manifest and/or parts, and sign it again with ``key``."""
    items = members(path)
    manifest = json.loads(items[0][1])
    parts = {m.name: data for m, data in items[2:]}
    if edit_parts:
        edit_parts(parts, manifest)
    if edit_manifest:
        edit_manifest(manifest)
    data = bundle.manifest_bytes(manifest)
    return write_tar(out, [(tarfile.TarInfo(bundle.MANIFEST), data),
                           (tarfile.TarInfo(bundle.SIGNATURE), key.sign(data))]
                     + [(tarfile.TarInfo(n), d) for n, d in parts.items()])
