#!/usr/bin/env python3
"""Paths for an API load test with scripts/wrk_paths.lua: the N most mentioned entities
of a store (the heaviest profiles) and N searches made of their names and common words.

    python3 scripts/api_paths.py DB [N] [entities|search|both] > paths.txt

Standard library only.
"""
import sqlite3
import sys
import urllib.parse


def main():
    db = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    kind = sys.argv[3] if len(sys.argv) > 3 else "both"
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    names = [row[0] for row in conn.execute(
        "SELECT e.name FROM entities e JOIN entity_occurrences o ON o.entity_id = e.id "
        "GROUP BY e.id ORDER BY SUM(o.n_mentions) DESC LIMIT ?", (n,))]
    words = ["oil prices", "interest rates", "said", "government", "trade deficit",
             "election", "strike", "police", "minister said", "profits rose"]
    if kind in ("entities", "both"):
        for name in names:
            print("/api/v1/entities/" + urllib.parse.quote(name, safe=""))
    if kind in ("search", "both"):
        for query in (names[: n - len(words)] + words)[:n]:
            print("/api/v1/search?limit=20&q=" + urllib.parse.quote(query, safe=""))


if __name__ == "__main__":
    main()
