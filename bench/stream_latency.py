"""How soon a record fed to `storyweave ingest -` is stored, clustered and searchable.

Starts `storyweave ingest - --flush-after F` on a fresh database, waits until it is ready,
then writes LocalNews records to its standard input one at a time at a steady rate (a slow
feed) and in bursts (a busy one), and polls the database for each record's article row. The
latency of a record is the time from writing its line to its row being committed, which
includes clustering its batch (MiniLM embeddings) and saving the clusterer state.

    python bench/stream_latency.py                      # 60 records: 30 at 1/s, 30 in bursts
    python bench/stream_latency.py --records 20 --flush-after 1

Prints a Markdown table and writes bench/results/stream_latency.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
RESULTS = REPO / "bench" / "results" / "stream_latency.json"
# Seconds between two records of the slow feed, and records per burst of the busy one.
SLOW_INTERVAL = 1.0
BURST = 10
BURST_PAUSE = 5.0
# A record not stored this many seconds after the last one was written counts as lost.
GIVE_UP = 120.0


def stored(db: Path) -> set[str]:
    """Input ids of the committed articles and rejected records (empty before the database)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            rows = conn.execute("SELECT input FROM articles UNION SELECT input FROM rejected")
            return {r[0] for r in rows}
        finally:
            conn.close()
    except sqlite3.Error:
        return set()


def feed(records: list[dict], flush_after: float) -> dict[str, dict]:
    """Write the records as planned; return each record's write time and commit time."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "stream.db"
        command = [sys.executable, "-m", "storyweave", "ingest", "-", "--db", str(db)]
        command += ["--flush-after", str(flush_after), "--no-progress"]
        env = dict(os.environ, PYTHONPATH=str(REPO))
        process = subprocess.Popen(
            command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert process.stdin is not None
        # Warm up: one record loads the models; timing starts once it is committed.
        warm, rest = records[0], records[1:]
        process.stdin.write(json.dumps(warm) + "\n")
        process.stdin.flush()
        while warm["id"] not in stored(db):
            time.sleep(0.05)
        half = len(rest) // 2
        plan: list[tuple[float, dict]] = []
        start = time.monotonic() + 0.5
        for k, record in enumerate(rest[:half]):
            plan.append((start + k * SLOW_INTERVAL, record))
        start = plan[-1][0] + BURST_PAUSE if plan else start
        for k, record in enumerate(rest[half:]):
            plan.append((start + (k // BURST) * BURST_PAUSE, record))
        written: dict[str, float] = {}
        committed: dict[str, float] = {}
        mode: dict[str, str] = {}
        pending = list(plan)
        deadline = plan[-1][0] + GIVE_UP if plan else time.monotonic()
        while pending or len(committed) < len(written):
            now = time.monotonic()
            if not pending and now > deadline:
                break  # the rest count as lost, reported below
            while pending and pending[0][0] <= now:
                _, record = pending.pop(0)
                process.stdin.write(json.dumps(record) + "\n")
                process.stdin.flush()
                written[record["id"]] = time.monotonic()
                mode[record["id"]] = "slow" if len(written) <= half else "bursts"
            seen = stored(db)
            for record_id in written.keys() - committed.keys():
                if record_id in seen:
                    committed[record_id] = time.monotonic()
            time.sleep(0.02)
        process.stdin.close()
        process.wait(timeout=300)
        return {
            rid: {
                "mode": mode[rid],
                "latency": committed[rid] - written[rid] if rid in committed else None,
            }
            for rid in written
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=60)
    parser.add_argument("--flush-after", type=float, default=2.0)
    args = parser.parse_args()
    rows = [json.loads(line) for line in (DATA / "localnews" / "articles.jsonl").open()]
    # Distinct texts: a second record with a stored text adds no article row to wait for.
    texts: set[str] = set()
    records = []
    for row in rows:
        text = row.get("text") or ""
        if len(text) > 1500 and text not in texts and len(records) <= args.records:
            texts.add(text)
            records.append(row)
    timings = feed(records, args.flush_after)
    table = {}
    print(
        f"| feed (flush-after {args.flush_after} s) | records | median s | 90th pct s | max s "
        "| lost |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for mode in ("slow", "bursts"):
        values = sorted(
            t["latency"] for t in timings.values() if t["mode"] == mode and t["latency"] is not None
        )
        lost = sum(1 for t in timings.values() if t["mode"] == mode and t["latency"] is None)
        if not values:
            continue
        p90 = values[min(len(values) - 1, int(0.9 * len(values)))]
        table[mode] = {
            "records": len(values),
            "median": round(statistics.median(values), 2),
            "p90": round(p90, 2),
            "max": round(values[-1], 2),
            "lost": lost,
        }
        label = f"1 record every {SLOW_INTERVAL:g} s" if mode == "slow" else f"bursts of {BURST}"
        print(
            f"| {label} | {len(values)} | {table[mode]['median']} | {table[mode]['p90']} "
            f"| {table[mode]['max']} | {lost} |"
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    payload = {"flush_after": args.flush_after, "slow_interval": SLOW_INTERVAL, "burst": BURST}
    payload["latency_seconds"] = table
    RESULTS.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nwrote {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
