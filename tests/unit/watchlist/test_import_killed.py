"""An import killed at any moment leaves the desk on the old version or the new one, whole."""

import os
import signal
import subprocess
import sys
import time

import pytest

from borderdesk.watchlist.lists import Lists
from borderdesk.watchlist.store import Store

from .conftest import doc_record

IMPORT = "import sys; from borderdesk.watchlist.store import Store; " \
         "Store(sys.argv[1]).import_bundle(sys.argv[2])"


@pytest.mark.slow
def test_kill_during_import(store, publisher):
    persons = [{"kind": "person", "id": f"P{i}", "list": "WANTED",
                "names": [{"surname": f"Name{i}", "given_names": "Karim"}]} for i in range(3000)]
    store.import_bundle(publisher.build([doc_record(i) for i in range(1, 1000)], version=1))
    new = publisher.build([doc_record(i) for i in range(1, 30_000)] + persons, version=2)
    timing = Store(store.root.parent / "timing")
    timing.trust(publisher.public)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", IMPORT, str(timing.root), str(new)], check=True)
    whole = time.perf_counter() - started  # a whole import in a process of its own
    seen = set()
    for i in range(12):
        proc = subprocess.Popen([sys.executable, "-c", IMPORT, str(store.root), str(new)],
                                stderr=subprocess.DEVNULL)
        time.sleep(whole * (0.2 + i / 10))  # from early on to after the end
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        manifest = Store(store.root).manifest()
        seen.add(manifest["version"])
        Lists.verify(Store(store.root).current_dir(), manifest)  # whole and verifiable
        if manifest["version"] == 2:
            break
    assert 1 in seen  # at least one kill came before the switch
    # The next import cleans up what the killed ones left, and goes through.
    Store(store.root).import_bundle(publisher.build([doc_record(1)], version=3))
    assert Store(store.root).manifest()["version"] == 3
    assert list(store.root.glob("staging-*")) == []
    assert os.listdir(store.root / "versions") == ["v000000000003"]
