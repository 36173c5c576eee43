"""Inputs that are not articles: how the reader's furniture check sorts LocalNews.

Reads ``localnews/articles.jsonl`` with the product's reader (as `storyweave ingest` and
`storyweave cluster` do) and counts the records rejected as page furniture only
(``storyweave.ingest.usable``) among the articles the data set's authors kept (``valid``
true: every rejection there is a loss) and those they excluded (cookie walls, script notices,
menus, but also full off-topic reports, which no reader can tell). Also times the check.

    python bench/unusable.py

Prints a Markdown table and writes bench/results/unusable.json.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
RESULTS = REPO / "bench" / "results" / "unusable.json"
sys.path.insert(0, str(REPO))

from storyweave.errors import Reason  # noqa: E402
from storyweave.ingest import read_inputs, usable  # noqa: E402
from storyweave.models import Rejected  # noqa: E402


def main() -> None:
    folder = DATA / "localnews"
    valid: dict[str, bool] = {}
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        valid[row["id"]] = valid.get(row["id"], False) or bool(row["valid"])
    seconds = 0.0
    check = usable.furniture_only

    def timed(article):  # noqa: ANN001, ANN202
        nonlocal seconds
        start = time.perf_counter()
        try:
            return check(article)
        finally:
            seconds += time.perf_counter() - start

    usable_module = sys.modules["storyweave.ingest"]
    usable_module.furniture_only = timed  # type: ignore[attr-defined]
    items = list(read_inputs([folder / "articles.jsonl"]))
    rejected = {i.input for i in items if isinstance(i, Rejected) and i.reason is Reason.NO_ARTICLE}
    counts: Counter[str] = Counter()
    for record_id, kept in valid.items():
        group = "kept by the authors (valid)" if kept else "excluded by the authors"
        counts[group] += 1
        counts[group + " rejected"] += record_id in rejected
    rows = [
        (group, counts[group], counts[group + " rejected"])
        for group in ("kept by the authors (valid)", "excluded by the authors")
    ]
    print("| LocalNews records | records | rejected as no article |")
    print("|---|---:|---:|")
    for group, total, hit in rows:
        print(f"| {group} | {total:,} | {hit} ({hit / total:.1%}) |")
    per_article = 1000 * seconds / max(1, len(items))
    print(f"\ncheck: {per_article:.1f} ms per record ({len(items):,} records)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "groups": {g: {"records": t, "rejected": h} for g, t, h in rows},
        "ms_per_record": round(per_article, 2),
        "min_kept_chars": usable.MIN_KEPT_CHARS,
        "min_removed_share": usable.MIN_REMOVED_SHARE,
    }
    RESULTS.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nwrote {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
