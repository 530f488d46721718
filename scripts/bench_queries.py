#!/usr/bin/env python3
"""Latency of `claimgraph entity` and `claimgraph search` on a store, as a user runs them.

    python3 scripts/bench_queries.py DB [BINARY] [N] [--api http://HOST:PORT] [--slowest]

Picks the N most mentioned entities of the store (the slowest profiles to build) and N
search queries made of their names and of common news words, runs each through the
binary (process start included) and prints p50/p95/max per command. DB is a SQLite file
or a postgres:// URL (then `psql` must be on the PATH). With --api, the same queries go
to a running `claimgraph serve` over that store instead (`GET /api/v1/entities/NAME`
and `/api/v1/search?q=...`, on one kept-alive connection), so what is timed is the
server's answer without process start. --slowest lists the eight slowest queries of each
command. Standard library only.
"""
import http.client
import urllib.parse
import sqlite3
import statistics
import subprocess
import sys
import time


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    args = sys.argv[1:]
    api = None
    slowest = "--slowest" in args
    if slowest:
        args.remove("--slowest")
    if "--api" in args:
        at = args.index("--api")
        api = urllib.parse.urlparse(args[at + 1])
        del args[at:at + 2]
    db = args[0]
    binary = args[1] if len(args) > 1 else "target/release/claimgraph"
    n = int(args[2]) if len(args) > 2 else 50
    connection = http.client.HTTPConnection(api.hostname, api.port or 80) if api else None
    most_mentioned = ("SELECT e.name FROM entities e JOIN entity_occurrences o "
                      "ON o.entity_id = e.id GROUP BY e.id ORDER BY SUM(o.n_mentions) DESC "
                      "LIMIT {}")
    if db.startswith(("postgres://", "postgresql://")):
        out = subprocess.run(["psql", db, "-AtXc", most_mentioned.format(n)],
                             check=True, capture_output=True, text=True).stdout
        names = out.splitlines()
    else:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        names = [row[0] for row in conn.execute(most_mentioned.format("?"), (n,))]
    words = ["oil prices", "interest rates", "said", "government", "trade deficit",
             "election", "strike", "police", "minister said", "profits rose"]
    queries = (names[: n - len(words)] + words)[:n]
    for command, items in (("entity", names), ("search", queries)):
        times = []
        timed = []
        for item in items:
            start = time.perf_counter()
            if connection:
                path = (f"/api/v1/entities/{urllib.parse.quote(item, safe='')}"
                        if command == "entity"
                        else f"/api/v1/search?q={urllib.parse.quote(item)}")
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
                times.append((time.perf_counter() - start) * 1000)
                timed.append((times[-1], item))
                if response.status != 200:
                    print(f"{command} {item!r} failed: {response.status} {body[:200]!r}")
                continue
            done = subprocess.run([binary, command, item, "--db", db],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            times.append((time.perf_counter() - start) * 1000)
            timed.append((times[-1], item))
            if done.returncode != 0:
                print(f"{command} {item!r} failed: {done.stderr.decode().strip()}")
        print(f"{command}: {len(times)} runs, p50 {statistics.median(times):.0f} ms, "
              f"p95 {percentile(times, 95):.0f} ms, max {max(times):.0f} ms")
        if slowest:
            for took, item in sorted(timed, reverse=True)[:8]:
                print(f"    {took:6.1f} ms  {item}")


if __name__ == "__main__":
    main()
