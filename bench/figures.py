"""Figures stage (``storyweave.brief.figures.find_figures``) on real multi-source stories.

Usage:
    python bench/figures.py

Each story goes through the stages the figures stage needs and nothing else:
``read_inputs`` -> ``clean_articles`` (Source.published from the article where it has one) ->
``spacy_model.parse`` -> ``find_figures``. No duplicate marking, so a wire re-transmission
counts as a second source.

Sets (read from ../shared/data at run time, never copied):

1. LocalNews: articles grouped by ``gold_clean.jsonl`` event_id, events with >= 2 articles.
2. DUC 2004: the 50 clusters of ``clusters.jsonl`` (10 articles each).
3. T17 haiti: the first 120 articles by published date, in 10 groups of 12 consecutive ones.
4. The seed story (examples/seed-story): every figure's topic, status and values.

Counted per set: figures, multi-source figures (values from >= 2 sources), conflicts, and
rising/changed trends; overall and for people counts (killed, injured, detained, displaced...)
or for killed / injured / detained only. Every conflict is listed with the short value wording
("at least 12") and how many sources give it, so a reader can judge whether it is real.
Prints Markdown tables; writes bench/results/figures.json.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
RESULTS = ROOT / "bench" / "results" / "figures.json"
SEED = ROOT / "examples" / "seed-story"
sys.path.insert(0, str(ROOT))

from storyweave.brief.figures import find_figures  # noqa: E402
from storyweave.clean import clean_articles  # noqa: E402
from storyweave.ingest import read_inputs  # noqa: E402
from storyweave.models import Article, Figure, Source  # noqa: E402
from storyweave.nlp.counted import PERSON_PREDICATES  # noqa: E402
from storyweave.nlp.spacy_model import parse  # noqa: E402

# Predicates that end a people-count label ("civilians killed", "people killed or injured").
PEOPLE = frozenset(PERSON_PREDICATES.values())
# The tolls the brief asks about.
TOLLS = frozenset({"killed", "injured", "detained"})
T17_TOPIC = "haiti"
T17_ARTICLES = 120  # first articles by published date
T17_GROUP = 12  # consecutive articles per story
# Value wording kept in the results: the quantity as written, cut to this length so no
# article text beyond a short phrase ("at least 12") is stored.
MAX_VALUE_CHARS = 40
# A topic is its label plus scope suffixes: " of <place>", " since <period>", " in <place>",
# " (additional)". The label is what comes before the first suffix.
_SUFFIX = re.compile(r" (?:of|since|in) | \(")


def label_words(topic: str) -> list[str]:
    """Words of the topic's label, without its place, period and increment suffixes."""
    return _SUFFIX.split(topic, maxsplit=1)[0].split()


def is_people(topic: str) -> bool:
    """True for counts of people: the label ends in a person predicate ("killed")."""
    words = label_words(topic)
    return bool(words) and words[-1] in PEOPLE


def is_toll(topic: str) -> bool:
    """True for people killed, injured or detained (alone or jointly: "killed or injured")."""
    words = label_words(topic)
    return is_people(topic) and bool(TOLLS & set(words))


def load(path: Path) -> dict[str, Article]:
    """Every article of a JSONL file by its record id, read as the product reads it."""
    out = {}
    for item in read_inputs([path]):
        if isinstance(item, Article):
            out[item.input] = item
        else:
            print(f"rejected {item.input}: {item.detail}", file=sys.stderr)
    return out


def run_story(articles: list[Article]) -> tuple[list[Source], list[Figure]]:
    """Clean, parse and find the figures of one story."""
    sources = clean_articles(articles)
    sources = [
        replace(s, published=s.article.published, published_from="metadata")
        if s.article.published
        else s
        for s in sources
    ]
    docs = parse([s.text for s in sources])
    return sources, find_figures(sources, docs)


def n_sources(figure: Figure) -> int:
    """Distinct sources giving any value of the figure."""
    return len({s for v in figure.values for s in v.sources})


def counts(figures: list[Figure]) -> dict[str, int]:
    """Figures, multi-source figures, conflicts and trends."""
    return {
        "figures": len(figures),
        "multi_source": sum(n_sources(f) >= 2 for f in figures),
        "conflicts": sum(f.status == "conflict" for f in figures),
        "trends": sum(getattr(f, "trend", None) is not None for f in figures),
    }


def add(total: dict[str, int], part: dict[str, int]) -> None:
    for key, value in part.items():
        total[key] = total.get(key, 0) + value


def conflict_rows(story: str, figures: list[Figure]) -> list[dict]:
    """Each conflict's topic with its values' short wording and source counts."""
    rows = []
    for f in figures:
        if f.status != "conflict":
            continue
        values = [
            {
                "text": " ".join(v.text.split())[:MAX_VALUE_CHARS],
                "as_of": v.as_of,
                "sources": len(v.sources),
            }
            for v in f.values
        ]
        rows.append({"story": story, "topic": f.topic, "values": values})
    return rows


def run_set(name: str, stories: list[tuple[str, list[Article]]], subsets: dict) -> dict:
    """Figures of every story of a set, counted overall and for each topic subset."""
    began = time.perf_counter()
    totals: dict[str, dict[str, int]] = defaultdict(dict)
    conflicts: list[dict] = []
    per_story = []
    n_articles = 0
    for story, articles in stories:
        n_articles += len(articles)
        _, figures = run_story(articles)
        row = {"story": story, "articles": len(articles)}
        for subset, keep in subsets.items():
            part = counts([f for f in figures if keep(f.topic)])
            add(totals[subset], part)
            row[subset] = part
        per_story.append(row)
        conflicts += conflict_rows(story, figures)
    seconds = round(time.perf_counter() - began, 1)
    print(f"{name}: {len(stories)} stories, {n_articles} articles, {seconds}s", file=sys.stderr)
    return {
        "stories": len(stories),
        "articles": n_articles,
        "seconds": seconds,
        "totals": dict(totals),
        "conflicts": conflicts,
        "per_story": per_story,
    }


def localnews_stories() -> list[tuple[str, list[Article]]]:
    base = DATA / "localnews"
    articles = load(base / "articles.jsonl")
    groups: dict[str, list[str]] = defaultdict(list)
    with open(base / "gold_clean.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in articles:
                groups[rec["event_id"]].append(rec["id"])
    return [
        (f"event {e}", [articles[i] for i in ids])
        for e, ids in sorted(groups.items(), key=lambda kv: int(kv[0]))
        if len(ids) >= 2
    ]


def duc_stories() -> list[tuple[str, list[Article]]]:
    base = DATA / "duc2004"
    articles = load(base / "articles.jsonl")
    stories = []
    with open(base / "clusters.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            stories.append((rec["cluster_id"], [articles[i] for i in rec["article_ids"]]))
    return stories


def t17_stories() -> list[tuple[str, list[Article]]]:
    articles = list(load(DATA / "t17" / T17_TOPIC / "articles.jsonl").values())
    # Stable sort: articles of one day keep their file order.
    articles.sort(key=lambda a: a.published or "9999")
    first = articles[:T17_ARTICLES]
    stories = []
    for i in range(0, len(first), T17_GROUP):
        group = first[i : i + T17_GROUP]
        dates = f"{group[0].published}..{group[-1].published}"
        label = f"{T17_TOPIC} {i + 1}-{i + len(group)} ({dates})"
        stories.append((label, group))
    return stories


def seed_figures() -> list[dict]:
    articles = [a for a in read_inputs([SEED]) if isinstance(a, Article)]
    _, figures = run_story(articles)
    return [
        {
            "topic": f.topic,
            "status": f.status,
            "trend": getattr(f, "trend", None),
            "values": [
                {"text": v.text, "as_of": v.as_of, "sources": list(v.sources)} for v in f.values
            ],
        }
        for f in figures
    ]


# --- printing ------------------------------------------------------------------------------


def counts_table(title: str, result: dict) -> None:
    print(f"\n### {title}: {result['stories']} stories, {result['articles']} articles\n")
    print("| topics | figures | multi-source | conflicts | trends |")
    print("|---|---:|---:|---:|---:|")
    for subset, c in result["totals"].items():
        print(
            f"| {subset} | {c['figures']} | {c['multi_source']} | {c['conflicts']} "
            f"| {c['trends']} |"
        )


def value_list(values: list[dict]) -> str:
    parts = []
    for v in values:
        when = f" @{v['as_of']}" if v["as_of"] else ""
        parts.append(f"{v['text']!r}{when} ×{v['sources']}")
    return "; ".join(parts).replace("|", "/")


def conflicts_table(title: str, rows: list[dict]) -> None:
    print(f"\n#### {title} conflicts ({len(rows)}): value as written, @as-of, ×sources\n")
    if not rows:
        return
    print("| story | topic | values |")
    print("|---|---|---|")
    for r in rows:
        print(f"| {r['story']} | {r['topic']} | {value_list(r['values'])} |")


def seed_table(figures: list[dict]) -> None:
    print("\n### Seed story figures\n")
    print("| topic | status | trend | values (sources) |")
    print("|---|---|---|---|")
    for f in figures:
        vals = "; ".join(
            f"{v['text']!r}{' @' + v['as_of'] if v['as_of'] else ''} ({','.join(v['sources'])})"
            for v in f["values"]
        ).replace("|", "/")
        print(f"| {f['topic']} | {f['status']} | {f['trend'] or ''} | {vals} |")


def main() -> None:
    began = time.perf_counter()

    def overall(_: str) -> bool:
        return True

    results = {
        "localnews": run_set(
            "localnews", localnews_stories(), {"all": overall, "people": is_people}
        ),
        "duc2004": run_set(
            "duc2004",
            duc_stories(),
            {"all": overall, "people": is_people, "killed/injured/detained": is_toll},
        ),
        "t17_haiti": run_set("t17_haiti", t17_stories(), {"all": overall, "people": is_people}),
        "seed_story": seed_figures(),
    }
    results["seconds"] = round(time.perf_counter() - began, 1)

    print("## Figures stage benchmark\n")
    print("`python bench/figures.py` (read_inputs -> clean_articles -> parse -> find_figures)")
    for key, title in (
        ("localnews", "LocalNews (events with >= 2 articles)"),
        ("duc2004", "DUC 2004 (50 clusters)"),
        ("t17_haiti", f"T17 haiti (first {T17_ARTICLES} by date, groups of {T17_GROUP})"),
    ):
        counts_table(title, results[key])
        conflicts_table(title, results[key]["conflicts"])
    seed_table(results["seed_story"])
    print(f"\nTotal time: {results['seconds']}s")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
