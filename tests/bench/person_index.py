"""Candidate search at scale: 1 million generated persons, 3 million names.

    nice .venv/bin/python tests/bench/person_index.py [--persons 1000000] [--queries 2000]

Builds, in memory, the inverted index the desk's store keeps: every name of
every person prepared (prepare_name / name_forms) and posted under each of its
candidate_keys (as a sorted array of 64-bit key hashes beside name numbers, the
layout a memory-mapped store would use) — twice: keyed by the key alone, and
by the key with the person's birth year (``key#1980``, ``key#?`` when unknown).
With the default thresholds nobody born in another year can be flagged
(persons.birth_year_decides), so a document with a birth year reads only the
keys of its year and of persons of unknown year: the namesakes of common names
are never read. Then screens documents: variants of
listed persons (other spellings, typos, swapped or missing names — as the
labelled set makes them) and persons not on the list. Prints:

* the build figures (µs to prepare a name and to key it, postings per name);
* candidates per document (names, and persons after grouping), mean/p50/p95/p99;
* time per document: keys and lookups, then score_person on the candidates
  (µs per scored pair), p50/p95; posting lists are read shortest first, at
  most ``--cap`` postings, and, as the desk does (``PersonList.candidates``),
  only the ``--limit`` persons (``max_candidates``, 100) sharing the most and
  rarest keys are scored — what keeps a common name's crowd from being scored
  whole (the flags all this loses are counted on every tenth document,
  screened again with every list read and every candidate scored);
* the same screening done the naive way, rapidfuzz over every name
  (``process.cdist``-free ``extract`` with token_sort_ratio), for a few documents.

Names: the namebank's given and family names, and 40,000 family names made of
North African syllables (so that, as in a real list, most family names are
rare and a few very common), each person with two or three names: its own
script, and Latin spellings as aliases.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import random
import resource
import statistics
import sys
import time
from array import array
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from namebank import FAMILY, FEMALE, MALE, parse  # noqa: E402
from screening_labelled import typo  # noqa: E402

from borderdesk.desk.config import ScreeningSection, WatchlistSection  # noqa: E402
from borderdesk.mrz.dates import MrzDate  # noqa: E402
from borderdesk.watchlist.names import candidate_keys, name_forms, prepare_name  # noqa: E402
from borderdesk.watchlist.persons import (  # noqa: E402
    PersonQuery, PreparedPerson, birth_year_decides, score_person,
)

ONSETS = ["B", "D", "F", "G", "H", "J", "K", "L", "M", "N", "R", "S", "T", "Z", "CH", "KH",
          "DJ", "GH", "SL", "TR", "BR", "KR", "ZR", "MZ"]
VOWELS = ["A", "E", "I", "OU", "A", "A", "I"]
CODAS = ["", "", "L", "N", "R", "D", "M", "S", "T", "F", "K"]
PREFIXES = ["", "", "", "", "BEN", "BOU", "AIT", "EL ", "BEL", "OULD "]
SUFFIXES = ["", "I", "A", "AOUI", "ANI", "INE", "OUNI", "ANE", "ICHE", "OUCHE"]


def synthetic_families(rng: random.Random, n: int) -> list[str]:
    out = set()
    while len(out) < n:
        root = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                       for _ in range(rng.choice((1, 2, 2, 3))))
        out.add(rng.choice(PREFIXES) + root + rng.choice(SUFFIXES))
    return sorted(out)


class Zipf:
    """Rank-frequency sampling: weight 1 / rank ** s (a few common, most rare)."""

    def __init__(self, items: list, s: float):
        self.items = items
        weights = [1 / (r + 1) ** s for r in range(len(items))]
        self.cum = list(itertools.accumulate(weights))

    def __call__(self, rng: random.Random):
        return rng.choices(self.items, cum_weights=self.cum)[0]


def generate(n_persons: int, seed: int = 9303):
    rng = random.Random(seed)
    male, female, family = parse(MALE), parse(FEMALE), parse(FAMILY)
    given_of = {"M": Zipf(male, 1.0), "F": Zipf(female, 1.0)}
    father = Zipf(male, 1.0)
    synth = synthetic_families(rng, 40_000)
    rng.shuffle(synth)
    synth_family = Zipf(synth, 0.7)
    for pid in range(n_persons):
        sex = "M" if rng.random() < 0.75 else "F"
        given = [given_of[sex](rng)]
        if rng.random() < 0.4:
            given.append(given_of[sex](rng))
        if rng.random() < 0.3:
            given.append(("", ["BEN " + rng.choice(father(rng)[1])]))
        if rng.random() < 0.15:
            own_family, fam_latin = rng.choice(family)
        else:
            own_family, fam_latin = None, [synth_family(rng)]
        names: list[dict] = []
        if own_family and all(g[0] for g in given):
            names.append({"full_name": " ".join(g[0] for g in given) + " " + own_family})
        latin = []
        for _ in range(6):
            if len(names) >= 3:
                break
            surname = rng.choice(fam_latin)
            given_names = " ".join(rng.choice(g[1]) for g in given)
            latin.append((surname, given_names))
            for name in ({"surname": surname, "given_names": given_names},
                         {"full_name": f"{given_names} {surname}"}):
                if name not in names and len(names) < 3:
                    names.append(name)
        y, m, d = rng.randint(1945, 2005), rng.randint(1, 12), rng.randint(1, 28)
        birth = f"{y:04d}-{m:02d}-{d:02d}" if rng.random() < 0.8 else f"{y:04d}"
        yield pid, names, birth, sex, latin, (y, m, d)


def key_hash(key: str) -> int:
    return hash(key)  # the bench runs with a fixed PYTHONHASHSEED; a store uses a stable hash


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    if os.environ.get("PYTHONHASHSEED") != "9303":
        os.environ["PYTHONHASHSEED"] = "9303"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    ap = argparse.ArgumentParser()
    ap.add_argument("--persons", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--naive", type=int, default=5, help="documents screened the naive way")
    ap.add_argument("--no-year-filter", action="store_true")
    ap.add_argument("--cap", type=int, default=None,
                    help="postings read at most (shortest lists first)")
    ap.add_argument("--limit", type=int, default=WatchlistSection().max_candidates,
                    help="persons scored at most, the best by shared keys (as the desk's "
                         "PersonList.candidates ranks them; 0: every candidate)")
    args = ap.parse_args()
    print(f"load at start: {os.getloadavg()}")

    rng = random.Random(1)
    hashes = array("q")
    year_hashes = array("q")  # the same keys, each with the person's birth year
    owners = array("i")
    names_of: list = []  # name number -> PreparedName
    person_of = array("i")  # name number -> person number
    persons: list = []  # person number -> (birth, sex)
    sources = []
    t_prep = t_keys = 0.0
    t0 = time.perf_counter()
    for pid, names, birth, sex, latin, ymd in generate(args.persons):
        prepared = []
        year = birth[:4] if birth else "?"
        for name in names:
            t = time.perf_counter()
            forms = name_forms(name.get("surname", ""), name.get("given_names", ""),
                               name.get("full_name", ""))
            t_prep += time.perf_counter() - t
            for form in forms:
                n = len(names_of)
                names_of.append(form)
                person_of.append(pid)
                prepared.append(form)
                t = time.perf_counter()
                keys = candidate_keys(form)
                t_keys += time.perf_counter() - t
                for key in keys:
                    hashes.append(key_hash(key))
                    year_hashes.append(key_hash(f"{key}#{year}"))
                    owners.append(n)
        persons.append((birth, sex, len(prepared)))
        if rng.random() < args.queries / args.persons:
            sources.append((pid, latin, ymd, sex))
    n_names = len(names_of)
    build = time.perf_counter() - t0
    print(f"{len(persons):,} persons, {n_names:,} names, {len(hashes):,} postings "
          f"({len(hashes) / n_names:.1f} keys a name) in {build:.0f} s")
    print(f"  prepare a name {t_prep / n_names * 1e6:.1f} µs, its keys "
          f"{t_keys / n_names * 1e6:.1f} µs")
    t = time.perf_counter()
    o = np.frombuffer(owners, dtype=np.int32)
    h = np.frombuffer(hashes, dtype=np.int64)
    order = np.argsort(h, kind="stable")
    h_sorted, o_sorted = h[order], o[order]
    hy = np.frombuffer(year_hashes, dtype=np.int64)
    order = np.argsort(hy, kind="stable")
    hy_sorted, oy_sorted = hy[order], o[order]
    del order, h, hy, o
    hashes = year_hashes = owners = None
    gc.collect()
    print(f"  index sorted in {time.perf_counter() - t:.1f} s: "
          f"{(h_sorted.nbytes + o_sorted.nbytes) / 2**20:.0f} MiB of postings (each index); "
          f"process peak RSS {rss_mb():.0f} MiB (names held as Python objects)")
    uniq, counts = np.unique(h_sorted, return_counts=True)
    print(f"  {len(uniq):,} distinct keys; longest posting lists "
          f"{sorted(counts.tolist())[-5:]}")
    del uniq, counts
    person_arr = np.frombuffer(person_of, dtype=np.int32)

    config = ScreeningSection()
    year_filter = birth_year_decides(config) and not args.no_year_filter
    print(f"  candidates born in another year dropped before scoring: {year_filter}")
    queries = []
    for pid, latin, (y, m, d), sex in sources:
        surname, given = rng.choice(latin)
        words_s, words_g = surname.split(), given.split()
        if rng.random() < 0.3:
            words = words_s + words_g
            k = rng.randrange(len(words))
            words[k] = typo(rng, words[k])
            words_s, words_g = words[:len(words_s)], words[len(words_s):]
        if rng.random() < 0.2 and len(words_g) > 1:
            words_g.pop()
        if rng.random() < 0.1:
            words_s, words_g = words_g, words_s
        q = PersonQuery(prepare_name(" ".join(words_s), " ".join(words_g)),
                        MrzDate("", y, m, d), "DZA", sex)
        queries.append(("listed", pid, q))
    male, family = parse(MALE), synthetic_families(random.Random(77), 5000)
    for _ in range(len(sources)):
        q = PersonQuery(prepare_name(rng.choice(family), rng.choice(rng.choice(male)[1])),
                        MrzDate("", 1970, 1, 1), "DZA", "M")
        queries.append(("not listed", -1, q))

    def lookup(q, cap, by_year=True, limit=None):
        """Candidate name numbers. ``by_year``: from the index keyed by birth year too,
        reading the keys of the document's birth year and of persons of unknown
        birth year only (birth_year_decides: no one born another year can be
        flagged). Otherwise from the plain index. Posting lists are read shortest
        first, until the next would take the candidates past ``cap`` names."""
        keys = candidate_keys(q.name, query=True)
        year = q.birth.year if q.birth is not None else None
        if by_year and year_filter and year:
            hs, os_ = hy_sorted, oy_sorted
            wanted = {key_hash(f"{k}#{y}") for k in keys for y in (year, "?")}
        else:
            hs, os_ = h_sorted, o_sorted
            wanted = {key_hash(k) for k in keys}
        wanted = np.array(sorted(wanted), dtype=np.int64)
        lo = np.searchsorted(hs, wanted, "left")
        hi = np.searchsorted(hs, wanted, "right")
        spans = sorted((b - a, a, b) for a, b in zip(lo.tolist(), hi.tolist()) if b > a)
        chosen, weights, total = [], [], 0
        for n, a, b in spans:
            if cap is not None and chosen and total + n > cap:
                break
            chosen.append(os_[a:b])
            weights.append(np.full(n, np.log1p(n_names / n), dtype=np.float32))
            total += n
        if not chosen:
            return np.zeros(0, np.int32)
        ids = np.concatenate(chosen)
        if limit:
            # The desk's ranking: persons by the summed rarity of the keys they share,
            # the best ``limit`` scored (PersonList.candidates, max_candidates).
            owners_of = person_arr[ids]
            uniq, inverse = np.unique(owners_of, return_inverse=True)
            if len(uniq) > limit:
                totals = np.bincount(inverse, weights=np.concatenate(weights))
                best = uniq[np.argpartition(-totals, limit)[:limit]]
                ids = ids[np.isin(owners_of, best)]
        return np.unique(ids)

    def screen(q, name_ids):
        by_person: dict[int, list] = {}
        for n in name_ids.tolist():
            by_person.setdefault(person_of[n], []).append(names_of[n])
        flagged = set()
        for p, forms in by_person.items():
            birth, sex, _ = persons[p]
            t2 = time.perf_counter()
            score, level, _ = score_person(q, PreparedPerson(tuple(forms), birth, "DZA", sex),
                                           config)
            pair_times.append(time.perf_counter() - t2)
            if level is not None:
                flagged.add(p)
        return flagged, len(by_person)

    cand_names, cand_persons, t_lookup, t_score, t_total, found = [], [], [], [], [], 0
    pair_times = []
    lost = checked = 0
    for n_query, (kind, pid, q) in enumerate(queries):
        t = time.perf_counter()
        name_ids = lookup(q, args.cap, limit=args.limit)
        t1 = time.perf_counter()
        flagged, n_persons = screen(q, name_ids)
        t3 = time.perf_counter()
        if kind == "listed":
            found += pid in flagged
        cand_names.append(len(name_ids))
        cand_persons.append(n_persons)
        t_lookup.append(t1 - t)
        t_score.append(t3 - t1)
        t_total.append(t3 - t)
        if n_query % 10 == 0:  # what leaving out the long lists costs
            everything, _ = screen(q, lookup(q, None, by_year=False))
            checked += len(everything)
            lost += len(everything - flagged)

    def pct(values, p):
        return sorted(values)[min(int(len(values) * p), len(values) - 1)]

    print(f"\nscreening {len(queries)} documents ({len(sources)} of listed persons, "
          f"{len(sources)} not listed); load {os.getloadavg()}")
    print(f"  candidate names per document    mean {statistics.mean(cand_names):.0f}, "
          f"p50 {pct(cand_names, .5)}, p95 {pct(cand_names, .95)}, p99 {pct(cand_names, .99)}")
    print(f"  candidate persons per document  mean {statistics.mean(cand_persons):.0f}, "
          f"p50 {pct(cand_persons, .5)}, p95 {pct(cand_persons, .95)}, "
          f"p99 {pct(cand_persons, .99)}")
    print(f"  keys and lookups                p50 {pct(t_lookup, .5) * 1e3:.2f} ms, "
          f"p95 {pct(t_lookup, .95) * 1e3:.2f} ms")
    print(f"  scoring the candidates          p50 {pct(t_score, .5) * 1e3:.2f} ms, "
          f"p95 {pct(t_score, .95) * 1e3:.2f} ms "
          f"({statistics.mean(pair_times) * 1e6:.1f} µs a scored person)")
    print(f"  whole person screening          p50 {pct(t_total, .5) * 1e3:.2f} ms, "
          f"p95 {pct(t_total, .95) * 1e3:.2f} ms, p99 {pct(t_total, .99) * 1e3:.2f} ms")
    print(f"  listed persons flagged          {found}/{len(sources)}")
    print(f"  flags lost to the year filter, the cap ({args.cap}) and the limit of "
          f"{args.limit} persons: {lost} of {checked} "
          f"(every tenth document screened again: all lists, every year)")

    if args.naive:
        from rapidfuzz import fuzz, process
        texts = [" ".join(n.words) for n in names_of]
        times = []
        for _, _, q in queries[:args.naive]:
            t = time.perf_counter()
            process.extract(" ".join(q.name.words), texts, scorer=fuzz.token_sort_ratio,
                            score_cutoff=85, limit=None)
            times.append(time.perf_counter() - t)
        print(f"\nnaive: rapidfuzz token_sort_ratio over all {n_names:,} names: "
              f"{statistics.median(times) * 1e3:.0f} ms a document (median of {len(times)})")


if __name__ == "__main__":
    main()
