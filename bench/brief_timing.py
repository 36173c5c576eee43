"""Time and memory of `brief`.

- the seed story: a cold process (`storyweave brief examples/seed-story`, model loads included)
  and warm (the same brief again in a process that has built one already);
- a full brief of 5, 10 and 25 articles of one real story (the largest LocalNews event);
- per article over the 500 DUC 2004 articles (50 briefs of 10 articles).

Usage: python bench/brief_timing.py [--quick]
Writes bench/results/brief_timing.json and prints a Markdown table.
"""

from __future__ import annotations

import json
import platform
import resource
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SEED = ROOT / "examples" / "seed-story"
COLD_RUNS = 3


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def jsonl_articles(path: Path) -> list:
    from storyweave.ingest import read_inputs
    from storyweave.models import Article

    return [a for a in read_inputs([path]) if isinstance(a, Article)]


def cold_seed() -> list[float]:
    times = []
    for _ in range(COLD_RUNS):
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "storyweave.cli", "brief", str(SEED), "--no-progress"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - t)
    return times


def timed_brief(articles: list) -> float:
    from storyweave.pipeline import build_brief

    t = time.perf_counter()
    build_brief(articles)
    return time.perf_counter() - t


def main(quick: bool) -> int:
    from storyweave.pipeline import read_story

    rows: list[tuple[str, str]] = []
    result: dict = {
        "machine": f"{platform.machine()}, {platform.python_version()}, "
        f"{__import__('os').cpu_count()} cores"
    }
    cold = cold_seed()
    result["seed_cold_s"] = cold
    rows.append(("seed story, cold process (median of 3)", f"{sorted(cold)[1]:.2f} s"))
    seed, _ = read_story([SEED])
    timed_brief(seed)  # load models
    warm = [timed_brief(seed) for _ in range(3)]
    result["seed_warm_s"] = warm
    rows.append(("seed story, warm (median of 3)", f"{sorted(warm)[1]:.2f} s"))

    local = DATA / "localnews"
    if local.exists():
        gold = [json.loads(x) for x in (local / "gold_clean.jsonl").open()]
        biggest = Counter(g["event_id"] for g in gold).most_common(1)[0][0]
        ids = {g["id"] for g in gold if g["event_id"] == biggest}
        story = sorted(
            (a for a in jsonl_articles(local / "articles.jsonl") if a.input in ids),
            key=lambda a: a.input,
        )
        for n in (5, 10, 25):
            secs = timed_brief(story[:n])
            result[f"brief_{n}_s"] = secs
            rows.append(
                (f"full brief of {n} articles (LocalNews event {biggest})", f"{secs:.2f} s")
            )

    duc = DATA / "duc2004"
    if duc.exists() and not quick:
        by_set: dict[str, list] = defaultdict(list)
        for a in jsonl_articles(duc / "articles.jsonl"):
            by_set[a.input.split("/")[0]].append(a)
        t = time.perf_counter()
        n = 0
        for docset in sorted(by_set):
            timed_brief(by_set[docset])
            n += len(by_set[docset])
        per = (time.perf_counter() - t) / n
        result["duc_per_article_s"] = per
        rows.append((f"DUC 2004, {len(by_set)} briefs of 10, per article", f"{per * 1000:.0f} ms"))
    result["peak_rss_mb"] = peak_mb()
    rows.append(("peak memory (RSS) of this process", f"{result['peak_rss_mb']:.0f} MB"))
    print(f"machine: {result['machine']}\n\n| measurement | value |\n|---|---|")
    for k, v in rows:
        print(f"| {k} | {v} |")
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "results" / "brief_timing.json").write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main("--quick" in sys.argv))
