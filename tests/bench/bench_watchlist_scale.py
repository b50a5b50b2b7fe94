"""Scale benchmark of the watchlist: build, import, document checks, person screening, memory.

    .venv/bin/pip install -e '.[dev,bench]'
    .venv/bin/python tests/bench/bench_watchlist_scale.py                 # 10M documents, 1M persons
    .venv/bin/python tests/bench/bench_watchlist_scale.py --documents 1000000 --persons 100000
    .venv/bin/python tests/bench/bench_watchlist_scale.py --index-only 100000000

Targets (issue 4): a document check under 1 ms at the 99th percentile; a full
person screening under 50 ms at the 95th; build and import in minutes; the
desk process under 1.5 GB while serving. Beside each figure, the naive way:
one indexed SQLite query per document, and rapidfuzz over every name.

The sources, bundle and store go to tests/bench/out/ (git-ignored; --work to
move them). The checks run in a separate process, so that its memory is the
desk's alone. Runs niced; the load average is printed before each phase.
``--index-only N`` measures the document index alone at N documents (disk,
memory, lookups), for sizes whose full build this machine cannot hold.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import watchlist_data as data  # noqa: E402

from borderdesk.mrz.compose import compose  # noqa: E402


def load() -> str:
    return "load %.2f %.2f %.2f" % os.getloadavg()


def pct(values, p: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=float), p))


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file()) if \
        Path(path).is_dir() else Path(path).stat().st_size


def rss_mb() -> tuple[float, float]:
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def mb(n: int) -> str:
    return f"{n / 1e6:,.0f} MB"


def td3(number: str, state: str, surname: str, given: str, birth: str, sex: str = "M") -> str:
    return "\n".join(compose("TD3", document_code="P", issuing_state=state, surname=surname,
                             given_names=given, document_number=number, nationality=state,
                             birth_date=birth, sex=sex, expiry_date="301231"))


def _mrz_name(text: str) -> str:
    return "".join(c if c.isascii() and c.isalpha() else " " for c in text.upper())


def make_queries(n: int) -> dict:
    """MRZs of listed documents, of unlisted ones, of listed persons (variants) and of others."""
    rng = random.Random(7)
    docs = [json.loads(line) for _, line in zip(range(n), data.document_lines(n))]
    doc_hits = [td3(d["document_number"], d["issuing_state"], "DOE", "JOHN", "800101")
                for d in docs[: n // 2]]
    doc_misses = [td3(data.number(rng), rng.choice(data.STATES), "DOE", "JOHN", "800101")
                  for _ in range(n - n // 2)]
    prng = random.Random(2)
    listed = [data.person(i, prng) for i in range(n // 2)]
    person_hits = []
    for p in listed:
        name = p["names"][rng.choice([0, 1])]
        born = p["birth_date"]
        yymmdd = born[2:4] + (born[5:7] or "01") + (born[8:10] or "01")
        person_hits.append(td3(data.number(rng), p["nationality"], _mrz_name(name["surname"]),
                               _mrz_name(name["given_names"]), yymmdd, p["sex"]))
    person_misses = [td3(data.number(rng), rng.choice(data.STATES), data.surname(rng),
                         rng.choice(data.GIVEN), f"{rng.randint(50, 99)}0101")
                     for _ in range(n - n // 2)]
    return {"doc_hits": doc_hits, "doc_misses": doc_misses, "person_hits": person_hits,
            "person_misses": person_misses}


# -- the desk process ----------------------------------------------------------------------

def serve(desk_dir: Path, queries_path: Path) -> None:
    """Run in a process of its own: open the desk, time the checks, report memory (JSON)."""
    os.environ["BORDERDESK_HOME"] = str(desk_dir)
    from borderdesk.desk.service import Desk
    from borderdesk.mrz import parse
    from borderdesk.watchlist.holders import screen_holder
    from borderdesk.watchlist.screen import screen_document

    queries = json.loads(queries_path.read_text())
    t0 = time.perf_counter()
    desk = Desk()
    lists = desk.lists()
    opened = time.perf_counter() - t0
    rss_open = rss_mb()[0]
    out = {"open_s": opened, "rss_open_mb": rss_open}
    docs = [parse(q) for q in queries["doc_hits"] + queries["doc_misses"]]
    for doc in docs[:200]:
        screen_document(lists, doc)  # warm-up
    times, cpu = [], []
    hits = 0
    for doc in docs:
        t, c = time.perf_counter_ns(), time.process_time_ns()
        found = screen_document(lists, doc)
        cpu.append((time.process_time_ns() - c) / 1e6)
        times.append((time.perf_counter_ns() - t) / 1e6)
        hits += bool(found)
    out["doc_lookup_ms"], out["doc_lookup_cpu_ms"] = times, cpu
    out["doc_listed"] = len(queries["doc_hits"])
    out["doc_hits_found"] = hits
    numbers = [doc.document_number for doc in docs]
    times = []
    for number in numbers:
        t = time.perf_counter_ns()
        lists.documents.find(number)
        times.append((time.perf_counter_ns() - t) / 1e6)
    out["doc_find_ms"] = times
    cfg = desk.config
    people = [parse(q) for q in queries["person_hits"] + queries["person_misses"]]
    times, cpu, flagged = [], [], 0
    for i, doc in enumerate(people):
        t, c = time.perf_counter_ns(), time.process_time_ns()
        found = screen_holder(lists, doc, cfg.screening, cfg.watchlist.max_candidates)
        cpu.append((time.process_time_ns() - c) / 1e6)
        times.append((time.perf_counter_ns() - t) / 1e6)
        if i < len(queries["person_hits"]):
            flagged += bool(found)
    out["person_ms"], out["person_cpu_ms"] = times, cpu
    out["person_hits_flagged"] = flagged
    times = []
    for text in queries["doc_hits"][:500] + queries["person_hits"][:500] + \
            queries["person_misses"][:500]:
        t = time.perf_counter_ns()
        desk.check(text)
        times.append((time.perf_counter_ns() - t) / 1e6)
    out["check_ms"] = times
    out["rss_mb"], out["peak_rss_mb"] = rss_mb()
    print(json.dumps(out))


# -- the naive ways ------------------------------------------------------------------------

def naive_documents(source: Path, db_path: Path, queries: list[str]) -> dict:
    from borderdesk.mrz import parse
    db_path.unlink(missing_ok=True)
    t = time.perf_counter()
    db = sqlite3.connect(db_path)
    db.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                     "CREATE TABLE documents(id TEXT, list TEXT, issuing_state TEXT, "
                     "document_number TEXT, status TEXT, reported TEXT, action TEXT)")
    with source.open() as f:
        batch = []
        for line in f:
            r = json.loads(line)
            batch.append((r["id"], r["list"], r["issuing_state"], r["document_number"],
                          r["status"], r["reported"], r["action"]))
            if len(batch) == 100_000:
                db.executemany("INSERT INTO documents VALUES (?,?,?,?,?,?,?)", batch)
                batch.clear()
        db.executemany("INSERT INTO documents VALUES (?,?,?,?,?,?,?)", batch)
    db.execute("CREATE INDEX by_number ON documents(document_number)")
    db.commit()
    build_s = time.perf_counter() - t
    docs = [parse(q) for q in queries]
    times = []
    for doc in docs:
        t = time.perf_counter_ns()
        db.execute("SELECT * FROM documents WHERE document_number = ?",
                   (doc.document_number,)).fetchall()
        times.append((time.perf_counter_ns() - t) / 1e6)
    db.close()
    return {"build_s": build_s, "ms": times, "disk": du(db_path)}


def naive_persons(source: Path, queries: list[str], n: int) -> dict:
    from rapidfuzz import fuzz, process
    from borderdesk.mrz import parse
    names = []
    with source.open() as f:
        for line in f:
            for name in json.loads(line)["names"]:
                names.append(name.get("full_name") or f"{name.get('given_names', '')} "
                                                      f"{name['surname']}")
    times = []
    for q in queries[:n]:
        doc = parse(q)
        t = time.perf_counter_ns()
        process.extract(f"{doc.given_names} {doc.surname}", names, scorer=fuzz.token_sort_ratio,
                        score_cutoff=80, limit=20)
        times.append((time.perf_counter_ns() - t) / 1e6)
    return {"names": len(names), "ms": times}


# -- the 100M index alone ------------------------------------------------------------------

def index_only(n: int, work: Path) -> None:
    from borderdesk.watchlist import hashindex
    work.mkdir(parents=True, exist_ok=True)
    print(f"document index alone, {n:,} documents ({load()})")
    t = time.perf_counter()
    rng = np.random.default_rng(3)
    hashes = rng.integers(0, 2**64 - 1, size=n, dtype=np.uint64, endpoint=True)
    hashes.sort()
    sort_s = time.perf_counter() - t
    t = time.perf_counter()
    hashindex.write(work / "documents", hashes)
    write_s = time.perf_counter() - t
    probes = [int(h) for h in hashes[rng.integers(0, n, size=50_000)]]
    probes += [int(h) for h in rng.integers(0, 2**63, size=50_000, dtype=np.uint64)]
    del hashes
    disk = du(work / "documents.hash") + du(work / "documents.dir")
    code = f"""
import json, sys, time
sys.path.insert(0, {str(HERE)!r})
from bench_watchlist_scale import rss_mb
from borderdesk.watchlist import hashindex
from pathlib import Path
probes = json.load(open({str(work / 'probes.json')!r}))
ix = hashindex.HashIndex(Path({str(work / 'documents')!r}))
times = []
for h in probes:
    t = time.perf_counter_ns(); h in ix; times.append((time.perf_counter_ns() - t) / 1e3)
print(json.dumps({{"us": times, "rss": rss_mb()}}))
"""
    (work / "probes.json").write_text(json.dumps(probes))
    result = json.loads(subprocess.run([sys.executable, "-c", code], check=True,
                                       capture_output=True, text=True).stdout)
    us = result["us"]
    print(f"  sort {sort_s:.1f} s, write {write_s:.1f} s, disk {mb(disk)}")
    print(f"  lookup (100,000, half hits, cold start): p50 {pct(us, 50):.1f} us, "
          f"p99 {pct(us, 99):.1f} us, max {max(us):.0f} us")
    print(f"  lookup process RSS {result['rss'][0]:.0f} MB (peak {result['rss'][1]:.0f} MB; "
          "mapped pages touched, reclaimable)")
    shutil.rmtree(work)


# -- the run -------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=10_000_000)
    ap.add_argument("--persons", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=4000, help="per kind (documents, persons)")
    ap.add_argument("--naive-person-queries", type=int, default=20)
    ap.add_argument("--work", type=Path, default=HERE / "out" / "scale")
    ap.add_argument("--index-only", type=int, metavar="N")
    ap.add_argument("--reuse", action="store_true",
                    help="check against the store a previous run left in --work (no build, import)")
    ap.add_argument("--serve", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(*args.serve)
        return
    os.nice(10)
    if args.index_only:
        index_only(args.index_only, args.work / "index-only")
        return
    from borderdesk.watchlist import build, keys
    from borderdesk.watchlist.store import Store

    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    print(f"watchlist scale benchmark: {args.documents:,} documents, {args.persons:,} persons "
          f"({os.cpu_count()} cores; {load()})")
    docs_src = work / f"documents-{args.documents}.ndjson"
    persons_src = work / f"persons-{args.persons}.ndjson"
    t = time.perf_counter()
    if not docs_src.exists():
        data.write(docs_src.with_suffix(".tmp"), data.document_lines(args.documents))
        docs_src.with_suffix(".tmp").rename(docs_src)
    if not persons_src.exists():
        data.write(persons_src.with_suffix(".tmp"), data.person_lines(args.persons))
        persons_src.with_suffix(".tmp").rename(persons_src)
    print(f"sources: {mb(du(docs_src))} + {mb(du(persons_src))} "
          f"(made in {time.perf_counter() - t:.0f} s)")

    bundle = work / "scale.bundle"
    desk_dir = work / "desk"
    build_s = import_s = float("nan")
    if not args.reuse:
        key_dir = work / "keys"
        shutil.rmtree(key_dir, ignore_errors=True)
        private, public, _ = keys.generate(key_dir)
        print(f"build ({load()})")
        t = time.perf_counter()
        manifest = build.build([docs_src, persons_src], private, 1, bundle)
        build_s = time.perf_counter() - t
        counts = manifest["counts"]
        print(f"  {build_s:.0f} s for {counts['documents']:,} documents, {counts['persons']:,} "
              f"persons, {counts['names']:,} names, {manifest['persons']['keys']:,} name keys; "
              f"bundle {mb(du(bundle))}")
        shutil.rmtree(desk_dir, ignore_errors=True)
        store = Store(desk_dir / "watchlist")
        store.trust(public)
        print(f"import ({load()})")
        t = time.perf_counter()
        store.import_bundle(bundle)
        import_s = time.perf_counter() - t
    store = Store(desk_dir / "watchlist")
    live = store.current_dir()
    parts = {p.name: p.stat().st_size for p in live.iterdir()}
    print(f"  {'' if args.reuse else f'{import_s:.0f} s; '}store {mb(du(live))}: "
          + ", ".join(f"{k} {mb(v)}" for k, v in sorted(parts.items()) if v > 1e6))

    queries = make_queries(args.queries)
    qfile = work / "queries.json"
    qfile.write_text(json.dumps(queries))
    print(f"checks in a desk process of their own ({load()})")
    proc = subprocess.run([sys.executable, __file__, "--serve", str(desk_dir), str(qfile)],
                          check=True, capture_output=True, text=True)
    r = json.loads(proc.stdout)
    print(f"  lists opened in {r['open_s'] * 1000:.0f} ms, RSS {r['rss_open_mb']:.0f} MB")

    n_docs = len(queries["doc_hits"]) + len(queries["doc_misses"])
    print(f"naive documents: one indexed SQLite query per document ({load()})")
    naive_d = naive_documents(docs_src, work / "naive.db", queries["doc_hits"] +
                              queries["doc_misses"])
    print(f"naive persons: rapidfuzz token_sort_ratio over every name ({load()})")
    naive_p = naive_persons(persons_src, queries["person_hits"], args.naive_person_queries)

    print()
    print(f"{'':34}{'borderdesk':>24}{'naive':>26}")
    d, nd = r["doc_lookup_ms"], naive_d["ms"]
    listed = r["doc_listed"]
    print(f"{'document screening p50 / p99':34}{pct(d, 50):>12.3f} / {pct(d, 99):.3f} ms"
          f"{pct(nd, 50):>14.3f} / {pct(nd, 99):.3f} ms   (target p99 < 1 ms; {n_docs} docs,"
          f" {r['doc_hits_found']}/{listed} listed flagged)")
    dc = r["doc_lookup_cpu_ms"]
    print(f"{'  CPU time p50 / p99':34}{pct(dc, 50):>12.3f} / {pct(dc, 99):.3f} ms"
          "   (what the check itself costs, whatever the machine's load)")
    print(f"{'  not listed / listed, p99':34}{pct(d[listed:], 99):>12.3f} / "
          f"{pct(d[:listed], 99):.3f} ms   (a listed one reads its details from documents.db)")
    f = r["doc_find_ms"]
    print(f"{'  of which the list lookup':34}{pct(f, 50):>12.3f} / {pct(f, 99):.3f} ms"
          "   (hash, index, and on a hit the details decrypted)")
    p, np_ = r["person_ms"], naive_p["ms"]
    print(f"{'person screening p50 / p95':34}{pct(p, 50):>12.2f} / {pct(p, 95):.2f} ms"
          f"{pct(np_, 50):>14.0f} / {pct(np_, 95):.0f} ms   (target p95 < 50 ms; naive over "
          f"{naive_p['names']:,} names, {len(np_)} queries)")
    pc = r["person_cpu_ms"]
    print(f"{'  CPU time p50 / p95':34}{pct(pc, 50):>12.2f} / {pct(pc, 95):.2f} ms")
    c = r["check_ms"]
    print(f"{'whole Desk.check p50 / p95 / p99':34}{pct(c, 50):>8.2f} / {pct(c, 95):.2f} / "
          f"{pct(c, 99):.2f} ms   (parse, document checks, lists)")
    print(f"{'listed persons flagged':34}{r['person_hits_flagged']:>12} / "
          f"{len(queries['person_hits'])}   (variants from the generator; not a quality measure)")
    print(f"{'build':34}{build_s:>12.0f} s   {'':>13}{naive_d['build_s']:.0f} s (naive SQLite "
          "load + index, documents only)")
    print(f"{'import':34}{import_s:>12.0f} s")
    print(f"{'disk: bundle / store':34}{mb(du(bundle)):>12} / {mb(du(live))}"
          f"{mb(naive_d['disk']):>17} (naive SQLite)")
    print(f"{'desk process RSS serving / peak':34}{r['rss_mb']:>9.0f} MB / {r['peak_rss_mb']:.0f} MB"
          "   (target < 1,500 MB)")
    print(f"({load()})")


if __name__ == "__main__":
    main()
