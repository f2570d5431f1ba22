"""How the store's main queries scale: a synthetic store of a million events, timed.

    python benchmarks/store_scale.py [--events 1000000] [--db /tmp/dyad-scale.duckdb] [--rounds 3]

The store is synthetic but shaped like news: 200 countries with Zipf-skewed attention (a few
dyads get most events), six sectors, the 16 PLOVER types with their quad classes and Goldstein
values, ten years of dates, about eight events per document, a third of events reported by
more than one document (clusters). It is written straight into the real schema with SQL, then
read through the real Store API. Times are best-of-rounds, and each is also given as a ratio to
a full scan of the events table in the same run (machines here are noisy).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from dyad.ontology.plover import plover_type
from dyad.store import EventFilter, Store
from dyad.store.clustering import rebuild_summaries

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
SECTORS = ["", "GOV", "MIL", "OPP", "REB", "CVL"]


def build(path: Path, n_events: int) -> None:
    path.unlink(missing_ok=True)
    with Store(path) as store:
        con = store.con
        goldstein = {t: plover_type(t).quad_class for t in TYPES}
        con.execute("CREATE TEMP TABLE kinds (k INTEGER, type VARCHAR, quad INTEGER, goldstein DOUBLE)")
        con.executemany("INSERT INTO kinds VALUES (?, ?, ?, ?)",
                        [[i, t, q, {1: 2.0, 2: 5.0, 3: -3.0, 4: -8.0}[q]] for i, (t, q) in enumerate(goldstein.items())])
        # country codes C000..C199 with a few famous ones first, so queries read naturally
        famous = ["USA", "RUS", "CHN", "UKR", "ISR", "PSE", "IRN", "PRK", "KOR", "SYR"]
        con.execute("CREATE TEMP TABLE countries AS SELECT i AS n, CASE WHEN i < 10 THEN ? [i + 1]"
                    " ELSE 'C' || lpad(CAST(i AS VARCHAR), 2, '0') END AS code FROM range(200) t(i)", [famous])
        n_docs = max(1, n_events // 8)
        con.execute(f"""
            INSERT INTO documents (id, content_hash, title, outlet, published, published_source, text, record)
            SELECT 'd' || i, md5(CAST(i AS VARCHAR)), 'story ' || i, 'outlet' || (i % 40),
                   CAST(DATE '2014-01-01' + CAST(floor(random() * 3650) AS INTEGER) AS VARCHAR), 'given',
                   'Synthetic story text for the scale benchmark, long enough to hold a sentence.', '{{}}'
            FROM range({n_docs}) t(i)""")
        # Zipf-like skew: country index = floor(200 * u^3) puts most events on the first few countries
        con.execute(f"""
            CREATE TEMP TABLE draws AS
            SELECT i, 'd' || (i % {n_docs}) AS doc_id,
                   CAST(floor(200 * pow(random(), 3)) AS INTEGER) AS s, CAST(floor(200 * pow(random(), 3)) AS INTEGER) AS t,
                   CAST(floor(random() * 16) AS INTEGER) AS k, CAST(floor(random() * 6) AS INTEGER) AS sec,
                   DATE '2014-01-01' + CAST(floor(random() * 3650) AS INTEGER) AS day,
                   CASE WHEN random() < 0.33 THEN i - 1 ELSE i END AS cluster
            FROM range({n_events}) r(i)""")
        sectors = "['" + "','".join(SECTORS) + "']"
        con.execute(f"""
            INSERT INTO events (id, doc_id, type, mode, cameo, goldstein, quad_class, source_ids, target_ids,
                source_codes, target_codes, date, date_start, date_end, date_precision, date_source, modality,
                attributed_to, location, trigger_start, trigger_end, sentence_start, sentence_end, confidence,
                attributed_id, source_key, target_key, cluster_id, source_country, target_country)
            SELECT 'ev' || d.i, d.doc_id, k.type, NULL, NULL, k.goldstein, k.quad, ['a1'], ['a2'],
                   [cs.code || {sectors}[d.sec + 1]], [ct.code], CAST(d.day AS VARCHAR), d.day, d.day, 'day',
                   'text', 'asserted', 'outlet', NULL, 0, 9, 0, 40, 0.5, NULL,
                   cs.code || {sectors}[d.sec + 1], ct.code, 'c' || d.cluster, cs.code, ct.code
            FROM draws d JOIN kinds k ON k.k = d.k JOIN countries cs ON cs.n = d.s JOIN countries ct ON ct.n = d.t
            WHERE d.s <> d.t""")
        con.execute(f"""
            INSERT INTO actors SELECT 'd' || p.i, 'a' || p.j, 'Actor ' || p.j, c.code, c.code, NULL, 'country', NULL
            FROM (SELECT i, j, CAST(floor(200 * pow(random(), 3)) AS INTEGER) AS n
                  FROM range({n_docs}) r(i), range(1, 3) s(j)) p
            JOIN countries c ON c.n = p.n""")
        rebuild_summaries(con)  # what saving document by document keeps up to date


def timed(run, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/dyad-scale.duckdb"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="Time an existing store without rebuilding it.")
    args = parser.parse_args()
    if not args.reuse:
        start = time.perf_counter()
        build(args.db, args.events)
        print(f"built {args.db} in {time.perf_counter() - start:.1f} s")
    with Store(args.db, read_only=True) as store:
        count = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
        print(f"{count:,} events, {store.count('documents'):,} documents")
        queries = {
            "full scan of events (baseline)": lambda: store.con.execute(
                "SELECT count(*), avg(goldstein) FROM events").fetchone(),
            "dyad monthly series, USA-RUS, ten years": lambda: store.series("USA", "RUS"),
            "dyad weekly series, ISR-PSE, one year": lambda: store.series("ISR", "PSE", "week", "2020", "2020"),
            "event page: dyad + type + dates, 50 rows": lambda: store.events(EventFilter(
                dyad=("USA", "RUS"), type="ASSAULT", since="2019", until="2021", limit=50)),
            "event page: one actor, newest 50": lambda: store.events(EventFilter(actor="CHN", limit=50)),
            "event page: quad class + month, 50 rows": lambda: store.events(EventFilter(
                quad_class=4, since="2022-02", until="2022-02", limit=50)),
            "actor network (country level)": lambda: store.network(),
            "largest real-world events, 50": lambda: store.clusters(50),
        }
        baseline = None
        print(f"{'query':45} {'seconds':>8} {'× scan':>7}")
        for name, run in queries.items():
            seconds = timed(run, args.rounds)
            baseline = baseline or seconds
            print(f"{name:45} {seconds:8.3f} {seconds / baseline:7.1f}")


if __name__ == "__main__":
    main()
