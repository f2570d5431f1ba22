"""Load test of the HTTP API: event pages per second and latency with concurrent clients.

    python benchmarks/api_load.py [--events 100000] [--clients 8] [--requests 1600] [--seconds 60]

Builds a synthetic store (benchmarks/store_scale.py's `build`), starts `python -m dyad.serve` on
a free loopback port in a second process, and sends GET /api/events from CLIENTS threads until
REQUESTS answers or SECONDS have passed, whichever comes first. Requests mix the pages a reader
asks for: the newest events at a random page (offsets up to 2,000), one actor's events, and a
dyad + type + years query, each with its total count. Prints requests per second and latency
percentiles, overall and per kind.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_scale import build  # noqa: E402

from dyad.serve.running import free_port  # noqa: E402

ACTORS = ["USA", "RUS", "CHN", "UKR", "ISR", "IRN", "PRK", "SYR"]
TYPES = ["ASSAULT", "CONSULT", "ACCUSE", "AGREE"]


def request_for(rng: random.Random) -> tuple[str, dict]:
    roll = rng.random()
    if roll < 0.5:
        return "newest page", {"limit": 50, "offset": 50 * rng.randrange(40)}
    if roll < 0.75:
        return "one actor", {"actor": rng.choice(ACTORS), "limit": 50}
    a, b = rng.sample(ACTORS, 2)
    return "dyad+type+years", {"dyad": [a, b], "type": rng.choice(TYPES), "since": "2018", "until": "2021",
                               "limit": 50}


def client(base: str, seed: int, stop_at: float, budget: list[int], lock: threading.Lock, out: list) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=30) as http:
        while time.perf_counter() < stop_at:
            with lock:
                if budget[0] <= 0:
                    return
                budget[0] -= 1
            kind, params = request_for(rng)
            start = time.perf_counter()
            response = http.get("/api/events", params=params)
            out.append((kind, time.perf_counter() - start, response.status_code))


def wait_until_up(base: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}")
        try:
            if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(results: list, seconds: float) -> None:
    print(f"{len(results)} requests in {seconds:.1f} s: {len(results) / seconds:.1f} requests/s;"
          f" {sum(1 for *_, status in results if status != 200)} not 200")
    print(f"{'kind':18} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    kinds = {"all": results} | {k: [r for r in results if r[0] == k] for k in sorted({r[0] for r in results})}
    for kind, rows in kinds.items():
        times = [t * 1000 for _, t, _ in rows]
        print(f"{kind:18} {len(times):5d} {statistics.median(times):8.1f} {percentile(times, 0.95):8.1f}"
              f" {percentile(times, 0.99):8.1f} {max(times):8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/dyad-load.duckdb"))
    parser.add_argument("--reuse", action="store_true", help="Use an existing store without rebuilding it.")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=1600, help="Stop after this many requests.")
    parser.add_argument("--seconds", type=float, default=60, help="Stop after this long.")
    args = parser.parse_args()
    if not args.reuse:
        build(args.db, args.events)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "dyad.serve", "--db", str(args.db), "--port", str(port)],
                              stderr=subprocess.DEVNULL)
    try:
        wait_until_up(base, server)
        print(httpx.get(base + "/api/events", params={"limit": 1}).json()["total"], "events in the store;",
              f"{args.clients} clients, at most {args.requests} requests or {args.seconds:.0f} s")
        for warm in range(args.clients):  # one round to load the file into memory
            httpx.get(base + "/api/events", params={"limit": 50, "offset": 50 * warm}, timeout=30)
        results: list = []
        lock, budget = threading.Lock(), [args.requests]
        start = time.perf_counter()
        threads = [threading.Thread(target=client, args=(base, seed, start + args.seconds, budget, lock, results))
                   for seed in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        report(results, time.perf_counter() - start)
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
