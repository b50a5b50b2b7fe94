"""Sync from a directory and from an HTTP mirror (a real server on loopback): the plan,
resumption after cuts and stalls, tampered files and indexes, a replayed index."""

import http.server
import json
import threading
import time
from pathlib import Path

import pytest

from borderdesk.watchlist import delta, sync
from borderdesk.watchlist.exceptions import BadSignature
from borderdesk.watchlist.store import Store

from .conftest import doc_record, write_ndjson


def records(v: int) -> list[dict]:
    return [doc_record(i) for i in range(1, 300) if i % (v + 1)] + \
        [doc_record(1000 + i) for i in range(v * 10)]


@pytest.fixture
def mirror(publisher, tmp_path):
    """A publisher's folder: full bundles of 1 and 3, deltas 1 to 2 and 2 to 3."""
    folder = tmp_path / "mirror"
    folder.mkdir()
    publisher.build(records(1), version=1, name="../mirror/full1.bundle")
    prev = folder / "full1.bundle"
    for v in (2, 3):
        src = write_ndjson(publisher.folder / f"r{v}.ndjson", records(v))
        full = folder / f"full{v}.bundle" if v == 3 else tmp_path / f"full{v}.bundle"
        delta.build_delta([src], publisher.private, v, folder / f"d{v}.bundle", prev,
                          valid_hours=24, full_out=full)
        prev = full
    return folder


def test_plan_prefers_the_shorter_way_to_the_newest():
    E = sync.Entry
    entries = [E("f1", "full", 1, None, 1, 1000), E("d2", "delta", 2, 1, 1, 10),
               E("d3", "delta", 3, 2, 1, 10), E("f3", "full", 3, None, 1, 1000),
               E("d4x", "delta", 4, 3, 9, 10)]  # another series: not for these desks
    assert [e.file for e in sync.plan(entries, 0, None)] == ["f3"]
    assert [e.file for e in sync.plan(entries, 1, 1)] == ["d2", "d3"]
    assert [e.file for e in sync.plan(entries, 2, 1)] == ["d3"]
    assert sync.plan(entries, 3, 1) == []
    # A gap in the deltas: the full bundle, then what follows it.
    gap = [e for e in entries if e.file != "d2"] + [E("d4", "delta", 4, 3, 1, 10)]
    assert [e.file for e in sync.plan(gap, 1, 1)] == ["f3", "d4"]


def test_sync_from_a_directory(store, mirror):
    report = sync.sync(store, str(mirror))
    assert report.imported == [3] and store.held_version() == 3  # the newest full, at once
    other = Store(store.root.parent / "other")
    other.trust(next((store.root / "trusted").iterdir()))
    other.import_bundle(mirror / "full1.bundle")
    assert sync.sync(other, str(mirror)).imported == [2, 3]  # the deltas from 1
    assert sync.sync(other, str(mirror)).imported == []
    (mirror / "junk.bundle").write_bytes(b"not a bundle")
    assert sync.sync(other, str(mirror)).describe().startswith("up to date at version 3")


# -- a mirror on loopback ----------------------------------------------------------------

class Mirror(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, folder: Path):
        super().__init__(("127.0.0.1", 0), Handler)
        self.folder = folder
        self.requests: list[tuple[str, str | None]] = []
        self.cut: set[str] = set()  # send half, then close (once per file)
        self.stall: set[str] = set()  # send half, then stall (once per file)
        self.override: dict[str, bytes] = {}  # serve these bytes for a name instead

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        name = self.path.lstrip("/")
        srv = self.server
        srv.requests.append((name, self.headers.get("Range")))
        data = srv.override.get(name)
        if data is None:
            path = srv.folder / name
            if "/" in name or not path.is_file():
                self.send_error(404)
                return
            data = path.read_bytes()
        start = 0
        rng = self.headers.get("Range")
        if rng and rng.startswith("bytes="):
            start = int(rng[6:].split("-")[0])
            if start >= len(data):
                self.send_response(416)
                self.end_headers()
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            self.send_response(200)
        body = data[start:]
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if name in srv.cut or name in srv.stall:
            half = len(body) // 2
            self.wfile.write(body[:half])
            self.wfile.flush()
            if name in srv.stall:
                srv.stall.discard(name)
                time.sleep(1.5)  # longer than the desk's timeout
            else:
                srv.cut.discard(name)
            self.close_connection = True
            return
        self.wfile.write(body)


@pytest.fixture
def server(mirror, publisher):
    sync.write_index(mirror, publisher.private, sequence=10)
    srv = Mirror(mirror)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def fast_http(**kw):
    return sync.Http(timeout=0.5, retries=3, backoff=0.0, **kw)


def test_mirror_resumes_after_a_cut_and_a_stall(store, server, mirror):
    store.import_bundle(mirror / "full1.bundle")
    server.cut.add("d2.bundle")
    server.stall.add("d3.bundle")
    report = sync.sync(store, server.url, fast_http())
    assert report.imported == [2, 3] and store.held_version() == 3
    ranges = [(name, r) for name, r in server.requests if r]
    assert {name for name, _ in ranges} == {"d2.bundle", "d3.bundle"}  # resumed, not restarted
    assert all(int(r[6:].split("-")[0]) > 0 for _, r in ranges)
    assert any("stalled" in a for a in report.attempts)
    assert any("ended early" in a or "d2.bundle" in a for a in report.attempts)
    assert list((store.root / "downloads").iterdir()) == []  # imported, then removed


def test_mirror_serving_a_tampered_bundle(store, server, mirror):
    store.import_bundle(mirror / "full1.bundle")
    data = bytearray((mirror / "d2.bundle").read_bytes())
    data[-2000] ^= 1
    server.override["d2.bundle"] = bytes(data)
    before = store.manifest()
    with pytest.raises(sync.SyncError, match="does not match the size and SHA-256 of the "
                                             "signed index"):
        sync.sync(store, server.url, fast_http())
    assert store.manifest() == before
    assert list((store.root / "downloads").iterdir()) == []


def test_mirror_with_a_tampered_or_replayed_index(store, server, mirror, publisher):
    index = json.loads((mirror / "index.json").read_text())
    index["bundles"][0]["sha256"] = "0" * 64
    server.override["index.json"] = json.dumps(index).encode()
    with pytest.raises(BadSignature, match="index signature does not verify"):
        sync.sync(store, server.url, fast_http())
    del server.override["index.json"]
    assert sync.sync(store, server.url, fast_http()).imported == [3]
    # The mirror goes back to an older index (sequence 5 < 10 seen): refused.
    sync.write_index(mirror, publisher.private, sequence=5)
    with pytest.raises(sync.SyncError, match="replayed index; refused"):
        sync.sync(store, server.url, fast_http())


def test_mirror_unreachable(store, tmp_path):
    slept = []
    http = sync.Http(timeout=0.5, retries=2, backoff=1.0, sleep=slept.append)
    with pytest.raises(sync.SyncError, match="cannot fetch .* after 3 tries"):
        sync.sync(store, "http://127.0.0.1:9/", http)
    assert slept == [1.0, 2.0]  # back-off doubles


def test_partial_download_resumes_on_the_next_sync(store, server, mirror):
    """A download cut short by the end of a sync (retries used up) goes on from where it
    stopped at the next sync."""
    store.import_bundle(mirror / "full1.bundle")
    server.cut.add("d2.bundle")
    with pytest.raises(sync.SyncError, match="ended early"):
        sync.sync(store, server.url, sync.Http(timeout=0.5, retries=0, backoff=0))
    part = store.root / "downloads" / "d2.bundle.part"
    assert 0 < part.stat().st_size < (mirror / "d2.bundle").stat().st_size
    assert store.held_version() == 1
    assert sync.sync(store, server.url, fast_http()).imported == [2, 3]
    assert any(name == "d2.bundle" and r for name, r in server.requests)


# -- the desk and the command line -----------------------------------------------------

def test_desk_sync_state_status_and_background(store, mirror, data_dir, capsys):
    from borderdesk.cli import main
    from borderdesk.desk import sync as desk_sync
    from borderdesk.desk.config import Config
    from borderdesk.desk.service import Desk
    assert main(["watchlist", "sync"]) == 1
    assert "no sync source" in capsys.readouterr().err
    assert main(["watchlist", "sync", "--source", str(mirror / "nowhere")]) == 1
    assert "not a directory or an http(s) URL" in capsys.readouterr().err
    assert Desk().status().sync_error is not None
    assert main(["watchlist", "sync", "--source", str(mirror)]) == 0
    assert "imported version(s) 3" in capsys.readouterr().out
    status = Desk().status()
    assert status.sync_error is None and status.last_sync is not None
    assert status.watchlist.version == 3
    main(["watchlist", "status", "--json"])
    assert json.loads(capsys.readouterr().out)["sync"]["source"] == str(mirror)

    config = Config.load()
    config.sync.source, config.sync.interval_minutes = str(mirror), 0.001
    results = []
    done = threading.Event()

    def on_result(report, error):
        results.append((report, error))
        if len(results) >= 2:
            done.set()
    background = desk_sync.BackgroundSync(config, on_result)
    assert background.start()
    assert done.wait(10)
    background.stop()
    assert all(error is None for _, error in results)
    assert results[0][0].describe().startswith("up to date at version 3")


def test_index_command(mirror, publisher, capsys):
    from borderdesk.cli import main
    assert main(["watchlist", "index", str(mirror), "--key", str(publisher.private)]) == 0
    out = capsys.readouterr().out
    assert "index of 4 bundle(s)" in out and "d3.bundle: delta version 3 from 2" in out


def test_background_sync_needs_a_source_and_an_interval(data_dir):
    from borderdesk.desk import sync as desk_sync
    from borderdesk.desk.config import Config
    config = Config.load()
    assert not desk_sync.BackgroundSync(config).start()  # no source
    config.sync.source, config.sync.interval_minutes = str(data_dir), 0
    assert not desk_sync.BackgroundSync(config).start()  # never on its own


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A CA-less certificate for 127.0.0.1 (its own issuer), and its key."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "mirror.test")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(hours=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "mirror.pem", folder / "mirror.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def test_https_mirror_with_the_desk_s_ca(store, mirror, publisher, tmp_path, data_dir):
    import ssl
    from borderdesk.desk import sync as desk_sync
    from borderdesk.desk.config import Config
    sync.write_index(mirror, publisher.private, sequence=1)
    cert, key = _self_signed(tmp_path)
    srv = Mirror(mirror)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    srv.socket = context.wrap_socket(srv.socket, server_side=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        url = srv.url.replace("http://", "https://")
        config = Config.load()
        config.sync.retries, config.sync.timeout_seconds = 0, 2.0
        with pytest.raises(sync.SyncError, match="certificate is not trusted"):
            desk_sync.sync_now(config, url)
        config.sync.ca_file = str(cert)
        assert desk_sync.sync_now(config, url).imported == [3]
    finally:
        srv.shutdown()
        srv.server_close()
