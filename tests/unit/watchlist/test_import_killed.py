"""An import killed at any moment leaves the desk on the old version or the new one, whole;
the next start cleans up what the killed import left. A full disk is reported and the old
version keeps working."""

import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from borderdesk.watchlist import bundle
from borderdesk.watchlist.exceptions import BundleError
from borderdesk.watchlist.lists import Lists
from borderdesk.watchlist.store import Store

from .conftest import doc_record

KILLS = 55


def persons(n: int, start: int = 0) -> list[dict]:
    return [{"kind": "person", "id": f"P{i}", "list": "WANTED",
             "names": [{"surname": f"Name{i}", "given_names": "Karim"}], "birth_date": "1980"}
            for i in range(start, start + n)]


def forked(target) -> int:
    """Run ``target()`` in a forked child (no interpreter start-up: the kill lands in the
    import, not in loading Python); returns the child's pid."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            target()
            code = 0
        finally:
            os._exit(code)
    return pid


def wait(pid: int) -> int:
    return os.waitpid(pid, 0)[1]


def whole_and_clean(root: Path, versions: set[int]) -> int:
    """The store opens on one of ``versions``, complete and verifiable; after a start's
    recovery nothing but the live version is left. Returns the live version."""
    store = Store(root)
    manifest = store.manifest()
    assert manifest["version"] in versions
    Lists.verify(store.current_dir(), manifest)
    lists = Lists.open(store.current_dir())
    try:
        assert lists.documents.find("AB0000001")  # listed in every version here
    finally:
        lists.close()
    assert store.recover()
    assert list(root.glob("staging-*")) == [] and list(root.glob("current.*")) == []
    assert [p.name for p in (root / "versions").iterdir()] == [store.current_dir().name]
    return manifest["version"]


@pytest.mark.slow
def test_kill_nine_at_many_points_of_an_import(store, publisher, tmp_path):
    store.import_bundle(publisher.build([doc_record(i) for i in range(1, 1000)] + persons(50),
                                        version=1))
    new = publisher.build([doc_record(i) for i in range(1, 20_000)] + persons(1500), version=2)
    pristine = tmp_path / "pristine"
    shutil.copytree(store.root, pristine, symlinks=True)

    timing = tmp_path / "timing"
    shutil.copytree(pristine, timing, symlinks=True)
    started = time.perf_counter()
    assert wait(forked(lambda: Store(timing).import_bundle(new))) == 0
    whole = time.perf_counter() - started

    rng = random.Random(5)
    outcomes = {1: 0, 2: 0}
    for _ in range(KILLS):
        pid = forked(lambda: Store(store.root).import_bundle(new))
        time.sleep(rng.uniform(0, whole * 1.15))  # anywhere from the start to past the end
        os.kill(pid, signal.SIGKILL)
        wait(pid)
        version = whole_and_clean(store.root, {1, 2})
        outcomes[version] += 1
        if version == 2:  # start again from the old version
            shutil.rmtree(store.root)
            shutil.copytree(pristine, store.root, symlinks=True)
    print("outcomes of the kills (version held after):", outcomes)
    assert sum(outcomes.values()) >= 50
    assert outcomes[1] >= 10 and outcomes[2] >= 1, outcomes  # killed before and after the switch
    # After all that, an import goes through.
    Store(store.root).import_bundle(publisher.build([doc_record(1)], version=3))
    assert whole_and_clean(store.root, {3}) == 3


# -- a full disk -----------------------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path):
    """A 100 MB file system of its own (tmpfs), for filling up; skipped where the tests
    may not mount one (they run as root in the project's set-up)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=100m", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """Fill ``disk`` but for ``leave`` bytes."""
    filler = disk / "filler"
    free = shutil.disk_usage(disk).free
    with filler.open("wb") as f:
        f.truncate(0)
        remaining = free - leave
        chunk = b"\xff" * (1 << 20)
        while remaining > 0:
            remaining -= f.write(chunk[:min(len(chunk), remaining)])
    return filler


def test_full_disk_during_import(small_disk, publisher, monkeypatch):
    root = small_disk / "watchlist"
    store = Store(root)
    store.trust(publisher.public)
    store.import_bundle(publisher.build([doc_record(i) for i in range(1, 100)], version=1))
    new = publisher.build([doc_record(i) for i in range(1, 40_000)] + persons(500), version=2)
    need = sum(p["size"] for p in _manifest_of(new)["parts"].values())

    # Told up front: the parts the manifest declares do not fit.
    filler = fill(small_disk, need // 2)
    with pytest.raises(BundleError, match="not enough disk space to import"):
        store.import_bundle(new)
    assert store.manifest()["version"] == 1

    # The disk fills while the parts are written (the margin set aside defeated).
    monkeypatch.setattr(bundle, "DISK_MARGIN", -need)
    with pytest.raises(BundleError, match="the disk is full"):
        store.import_bundle(new)
    assert store.manifest()["version"] == 1
    assert list(root.glob("staging-*")) == []  # its half-written parts are gone
    whole_and_clean(root, {1})

    filler.unlink()
    monkeypatch.undo()
    store.import_bundle(new)
    assert whole_and_clean(root, {2}) == 2


def _manifest_of(path: Path) -> dict:
    import json
    import tarfile
    with tarfile.open(path) as tar:
        return json.loads(tar.extractfile(bundle.MANIFEST).read())


@pytest.mark.slow
def test_kill_nine_at_many_points_of_a_delta(store, publisher, tmp_path):
    from borderdesk.watchlist import delta

    from .conftest import write_ndjson
    base = publisher.build([doc_record(i) for i in range(1, 20_000)] + persons(1500), version=1)
    store.import_bundle(base)
    new = [doc_record(i) for i in range(1, 20_000) if i % 7] + \
        [doc_record(i) for i in range(30_000, 33_000)] + persons(1400) + persons(300, 5000)
    src = write_ndjson(publisher.folder / "v2.ndjson", new)
    step = publisher.folder / "d2.bundle"
    delta.build_delta([src], publisher.private, 2, step, base, valid_hours=24)
    pristine = tmp_path / "pristine"
    shutil.copytree(store.root, pristine, symlinks=True)
    timing = tmp_path / "timing"
    shutil.copytree(pristine, timing, symlinks=True)
    started = time.perf_counter()
    assert wait(forked(lambda: Store(timing).import_bundle(step))) == 0
    whole = time.perf_counter() - started

    rng = random.Random(7)
    outcomes = {1: 0, 2: 0}
    for _ in range(30):
        pid = forked(lambda: Store(store.root).import_bundle(step))
        time.sleep(rng.uniform(0, whole * 1.15))
        os.kill(pid, signal.SIGKILL)
        wait(pid)
        version = whole_and_clean(store.root, {1, 2})
        outcomes[version] += 1
        if version == 2:
            assert not Lists.open(store.current_dir()).documents.find("AB0000007")
            shutil.rmtree(store.root)
            shutil.copytree(pristine, store.root, symlinks=True)
    print("outcomes of the kills during a delta (version held after):", outcomes)
    assert outcomes[1] >= 5 and outcomes[2] >= 1, outcomes


def test_full_disk_during_a_delta(small_disk, publisher, monkeypatch):
    from borderdesk.watchlist import delta

    from .conftest import write_ndjson
    root = small_disk / "watchlist"
    store = Store(root)
    store.trust(publisher.public)
    base = publisher.build([doc_record(i) for i in range(1, 60_000)], version=1)
    store.import_bundle(base)
    src = write_ndjson(publisher.folder / "v2.ndjson",
                       [doc_record(i) for i in range(1, 61_000) if i != 5] + persons(200))
    step = publisher.folder / "d2.bundle"
    delta.build_delta([src], publisher.private, 2, step, base, valid_hours=24)
    live = store.current_dir()
    rewritten = sum((live / n).stat().st_size for n in delta.REWRITTEN if (live / n).exists())
    parts = sum(p["size"] for p in _manifest_of(step)["parts"].values())
    # Room for the delta's parts (the import's first check), not for the indexes it rewrites.
    filler = fill(small_disk, bundle.DISK_MARGIN + parts + rewritten // 2)
    with pytest.raises(BundleError, match="not enough disk space to apply the delta"):
        store.import_bundle(step)
    filler.unlink()
    filler = fill(small_disk, parts + 64 * 1024 + rewritten // 4)
    monkeypatch.setattr(bundle, "DISK_MARGIN", -(1 << 30))  # the checks defeated: it fills up
    with pytest.raises(BundleError, match="the disk is full"):
        store.import_bundle(step)
    assert whole_and_clean(root, {1}) == 1
    filler.unlink()
    monkeypatch.undo()
    store.import_bundle(step)
    assert whole_and_clean(root, {2}) == 2
