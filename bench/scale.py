"""Time and peak memory of `storyweave ingest` (store + near-copies + clustering) at scale.

Corpora of 1k, 10k and 100k articles are made at run time from the 1,850 real articles of
LocalNews and DUC 2004 (../shared/data): copy 0 of each article is the original; copy k > 0
renames the capitalised words (names, places) consistently for the whole copy, shifts every
number and the publication date, and drops about a fifth of the sentences, so copies are not
exact duplicates and each copy of an event reads like a similar event elsewhere. Nothing of
the data is written into the repository; the corpora live in a temporary folder.

Each size runs in its own process (peak RSS is per process), through the same library call
as `storyweave ingest PATH --db FILE --no-briefs` (briefs are built lazily, not timed here).
Reported: wall and CPU seconds, articles per second, peak RSS, where the wall time went
(reading inputs, near-copy checks, clustering, saving the clusterer state, the rest: SQLite),
and the median time of a full-text search over the result. On a shared machine wall time
includes waiting for the CPU: compare sizes by CPU seconds.

Usage: python bench/scale.py [--sizes 1000,10000,100000] [--detect-language]
Writes bench/results/scale.json and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SOURCES = (DATA / "localnews" / "articles.jsonl", DATA / "duc2004" / "articles.jsonl")
RESULTS = ROOT / "bench" / "results" / "scale.json"
SIZES = (1_000, 10_000, 100_000)
# Records per JSON Lines file: the readers cap a file at 25 MB; 2,000 articles is ~6 MB.
RECORDS_PER_FILE = 2_000
# Share of sentences a copy drops (per mille), and of capitalised words it renames.
DROP_PER_MILLE = 200
RENAME_PER_MILLE = 700

# Everyday news words for timing full-text search (not taken from the data).
SEARCHES = ("police", "flight cancelled", '"prime minister"', "flood warning", "election results")
CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")
NUMBER = re.compile(r"\d+")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# The records' language field. Detecting it costs ~10 ms per article (lingua, measured with
# --detect-language at 1k), more than storing, deduplicating and clustering together, and
# it is the ingest readers' cost, not the store's: left out of the scaling runs by default.
LANGUAGE = "en"
SYLLABLES = ("ka", "lo", "mer", "tan", "vi", "dor", "sel", "ru", "bek", "an", "ol", "zi", "ther")


def stable_hash(*parts: object) -> int:
    """A hash that is the same in every process (Python's hash() of str is salted)."""
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def invented_name(word: str, copy: int) -> str:
    """A made-up proper noun standing for ``word`` in copy ``copy``."""
    h = stable_hash("name", word, copy)
    parts = [SYLLABLES[(h >> (4 * i)) % len(SYLLABLES)] for i in range(2 + h % 2)]
    return "".join(parts).capitalize()


def perturb_text(text: str, copy: int) -> str:
    """Copy ``copy`` of a text: renamed, renumbered, about a fifth of its sentences gone."""

    def rename(match: re.Match[str]) -> str:
        word = match.group(0)
        if stable_hash("rename", word, copy) % 1000 < RENAME_PER_MILLE:
            return invented_name(word, copy)
        return word

    def renumber(match: re.Match[str]) -> str:
        return str(int(match.group(0)) + 1 + copy % 9)

    lines = []
    for line in text.split("\n"):
        sentences = SENTENCE_END.split(line)
        kept = [
            s
            for s in sentences
            if len(sentences) == 1 or stable_hash("drop", s, copy) % 1000 >= DROP_PER_MILLE
        ]
        lines.append(" ".join(kept or sentences[:1]))
    return NUMBER.sub(renumber, CAPITALISED.sub(rename, "\n".join(lines)))


def shifted_date(published: str | None, copy: int) -> str | None:
    if not published:
        return published
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return published
    return (day + timedelta(days=11 * copy)).isoformat()


def base_records() -> list[dict]:
    records = []
    for path in SOURCES:
        with path.open(encoding="utf-8") as lines:
            records += [json.loads(line) for line in lines if line.strip()]
    return records


def corpus(size: int, language: str | None = LANGUAGE) -> Iterator[dict]:
    """``size`` records: the real ones first, then perturbed copies 1, 2, ...

    With ``language``, every record carries it (as feeds usually do), so the reader does
    not detect it; None leaves detection on.
    """
    base = base_records()
    if language:
        base = [{**r, "language": language} for r in base]
    for i in range(size):
        record, copy = base[i % len(base)], i // len(base)
        if copy == 0:
            yield record
            continue
        yield {
            **record,
            "id": f"{record['id']}~{copy}",
            "title": perturb_text(record["title"], copy) if record.get("title") else None,
            "published": shifted_date(record.get("published"), copy),
            "text": perturb_text(record["text"], copy),
        }


def write_corpus(size: int, folder: Path, language: str | None) -> list[Path]:
    files: list[Path] = []
    out = None
    for i, record in enumerate(corpus(size, language)):
        if i % RECORDS_PER_FILE == 0:
            if out:
                out.close()
            files.append(folder / f"part-{len(files):04d}.jsonl")
            out = files[-1].open("w", encoding="utf-8")
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if out:
        out.close()
    return files


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class Stopwatch:
    """Seconds spent inside wrapped functions, by name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, name: str, function):  # noqa: ANN001, ANN201 - any callable
        def timed(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

        return timed


def timed_reader(watch: Stopwatch, items: Iterator) -> Iterator:
    """Yield from ``items``, counting the time spent producing them as reading."""
    while True:
        start = time.perf_counter()
        try:
            item = next(items)
        except StopIteration:
            watch.seconds["read"] = watch.seconds.get("read", 0.0) + time.perf_counter() - start
            return
        watch.seconds["read"] = watch.seconds.get("read", 0.0) + time.perf_counter() - start
        yield item


def measure_one(size: int, detect_language: bool) -> dict:
    """Ingest a corpus of ``size`` articles into a fresh database; return the figures."""
    from storyweave.store import ingest as ingest_module
    from storyweave.store import open_store
    from storyweave.store.nearcopy import NearCopies

    # Load the clusterer, near-copy and reader modules before the clock starts: their
    # import (spaCy's tokenizer data among others) is a one-off cost, not a per-article one.
    importlib.import_module("storyweave.cluster")
    importlib.import_module("storyweave.dedup")
    importlib.import_module("storyweave.ingest")
    watch = Stopwatch()
    read_all = ingest_module.read_all
    ingest_module.read_all = lambda *args: timed_reader(watch, read_all(*args))
    NearCopies.check = watch.wrap("near_copies", NearCopies.check)
    save = ingest_module.save_clusterer
    ingest_module.save_clusterer = watch.wrap("save_state", save)
    load = ingest_module.load_clusterer

    def load_timed(conn):  # noqa: ANN001, ANN202
        clusterer = load(conn)
        clusterer.partial_fit = watch.wrap("cluster", clusterer.partial_fit)
        return clusterer

    ingest_module.load_clusterer = load_timed

    with tempfile.TemporaryDirectory(prefix="storyweave-scale-") as tmp:
        folder = Path(tmp)
        files = write_corpus(size, folder, None if detect_language else LANGUAGE)
        db = folder / "scale.db"
        conn = open_store(db)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        wall, cpu = time.perf_counter(), cpu_seconds()
        summary = ingest_module.ingest(conn, files)
        wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
        state_bytes = conn.execute(  # the clusterer's tables, by their pages on disk
            "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'cluster\\_%' ESCAPE '\\'"
        ).fetchone()[0]
        search_ms = search_latency_ms(conn)
        conn.close()
        db_mb = sum(p.stat().st_size for p in folder.glob("scale.db*")) / 1e6
    parts = {k: round(v, 2) for k, v in sorted(watch.seconds.items())}
    parts["sqlite_and_rest"] = round(wall - sum(watch.seconds.values()), 2)
    return {
        "articles": size,
        "language_detected": detect_language,
        "read": summary.read,
        "added": summary.added,
        "near_copies": summary.near_copies,
        "already_stored": summary.already_stored,
        "rejected": len(summary.rejected),
        "stories": summary.stories_new,
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "articles_per_s": round(size / wall, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_before_ingest_mb": round(rss_before, 1),
        "db_mb": round(db_mb, 1),
        "clusterer_state_mb": round((state_bytes or 0) / 1e6, 2),
        "search_median_ms": search_ms,
        "seconds_by_part": parts,
    }


def search_latency_ms(conn: object) -> float:
    """Median milliseconds of a full-text search (top 20) over the ingested store."""
    from storyweave.store.search import search

    times = []
    for query in SEARCHES:
        start = time.perf_counter()
        search(conn, query, limit=20)  # type: ignore[arg-type]
        times.append((time.perf_counter() - start) * 1000)
    return round(sorted(times)[len(times) // 2], 1)


def run_in_subprocess(size: int, detect_language: bool) -> dict:
    """One size in a fresh process, so that its peak memory is its own."""
    command = [sys.executable, str(Path(__file__).resolve()), "--one", str(size)]
    done = subprocess.run(
        command + (["--detect-language"] if detect_language else []),
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def markdown(rows: list[dict]) -> str:
    header = (
        "| articles | language detected | wall s | CPU s | articles/s | peak RSS MB | stories "
        "| near-copies | read s | near-copy s | cluster s | save state s | SQLite+rest s | DB MB "
        "| search ms |"
    )
    lines = [header, "|" + "---:|" * 15]
    for r in rows:
        p = r["seconds_by_part"]
        cells = [
            f"{r['articles']:,}",
            "yes" if r.get("language_detected") else "no",
            r["wall_s"],
            r["cpu_s"],
            r["articles_per_s"],
            r["peak_rss_mb"],
            f"{r['stories']:,}",
            f"{r['near_copies']:,}",
            *(p.get(k, 0) for k in ("read", "near_copies", "cluster", "save_state")),
            p["sqlite_and_rest"],
            r["db_mb"],
            r.get("search_median_ms", "n/a"),
        ]
        lines.append("| " + " | ".join(map(str, cells)) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument(
        "--detect-language", action="store_true", help="let the reader detect each language"
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one, args.detect_language)))
        return
    missing = [str(p) for p in SOURCES if not p.exists()]
    if missing:
        sys.exit(f"data not found: {', '.join(missing)}")
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        rows.append(run_in_subprocess(size, args.detect_language))
        print(f"{size:,} articles: {rows[-1]['wall_s']} s", file=sys.stderr, flush=True)
    rows = merged_with_earlier(rows)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "machine": {
                    "cpus": os.cpu_count(),
                    "python": platform.python_version(),
                    "platform": platform.platform(),
                },
                "command": "python bench/scale.py --sizes <sizes>",
                "runs": rows,
            },
            indent=2,
        )
        + "\n"
    )
    print(markdown(rows))


def merged_with_earlier(rows: list[dict]) -> list[dict]:
    """These runs plus the earlier ones of other sizes (a big size is often run alone)."""
    earlier = json.loads(RESULTS.read_text())["runs"] if RESULTS.exists() else []

    def key(run: dict) -> tuple[int, bool]:
        return run["articles"], run.get("language_detected", False)

    by_key = {key(r): r for r in earlier} | {key(r): r for r in rows}
    return [by_key[k] for k in sorted(by_key)]


if __name__ == "__main__":
    main()
