"""False alarms of the damage flags on clean newswire, hits on the seed story, cleaning rates.

Runs ``clean_articles`` then ``detect_flags`` on the 500 DUC 2004 articles (clean AP/NYT
newswire: every flag there is a false alarm, except true cuts and typos in the feed), and on
the five seed reports (which carry known damage). Also reports how much of the scraped
LocalNews bodies cleaning removes, by reason (no parsing needed).

    python bench/flags_false_alarms.py            # DUC + seed + LocalNews cleaning rates
    python bench/flags_false_alarms.py --wild     # also flag rates on LocalNews (slower)

Prints Markdown tables and writes bench/results/flags_false_alarms.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
sys.path.insert(0, str(REPO))

from storyweave.clean import clean_articles  # noqa: E402
from storyweave.clean.flags import (  # noqa: E402
    DROPPED_WORDS,
    MACHINE_TRANSLATED,
    TRUNCATED,
    detect_flags,
    sentences,
)
from storyweave.clean.lines import paragraphs  # noqa: E402
from storyweave.models import Article  # noqa: E402
from storyweave.nlp.spacy_model import parse  # noqa: E402

KINDS = (DROPPED_WORDS, MACHINE_TRANSLATED, TRUNCATED)
SEED = REPO / "examples" / "seed-story"
RESULTS = REPO / "bench" / "results" / "flags_false_alarms.json"


def read_jsonl(path: Path) -> list[Article]:
    """Articles of a common-format JSONL data set."""
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        articles.append(
            Article(
                id=row["id"],
                input=row["id"],
                text=row.get("text") or "",
                outlet=row.get("outlet"),
                title=row.get("title"),
                published=row.get("published"),
                published_from="metadata" if row.get("published") else None,
            )
        )
    return articles


def read_seed() -> list[Article]:
    """The seed story's five reports."""
    return [
        Article(id=hashlib.sha1(p.read_bytes()).hexdigest(), input=p.name, text=p.read_text())
        for p in sorted(SEED.glob("*.txt"))
    ]


def flag_rates(articles: list[Article], quote: bool = False) -> tuple[dict, list[dict]]:
    """Share of articles and sentences flagged, per kind, and every hit.

    Evidence text is kept only with ``quote`` (the seed story): data-set text never goes
    into the results file, which is committed.
    """
    sources = clean_articles(articles)
    docs = parse([s.text for s in sources])
    n_sentences = 0
    by_article: Counter[str] = Counter()
    by_sentence: Counter[str] = Counter()
    hits = []
    for source, doc in zip(sources, docs, strict=True):
        n_sentences += len(sentences(doc))
        flags = detect_flags(source, doc)
        for kind in {f.kind for f in flags}:
            by_article[kind] += 1
        for flag in flags:
            by_sentence[flag.kind] += 1
            hit = {"input": source.article.input, "kind": flag.kind}
            if quote:
                hit["evidence"] = flag.evidence
            hits.append(hit)
    rates = {
        "articles": len(sources),
        "sentences": n_sentences,
        "per_kind": {
            kind: {
                "articles_flagged": by_article[kind],
                "article_rate": round(by_article[kind] / max(1, len(sources)), 4),
                "sentences_flagged": by_sentence[kind],
                "sentence_rate": round(by_sentence[kind] / max(1, n_sentences), 5),
            }
            for kind in KINDS
        },
    }
    return rates, hits


def cleaning_rates(articles: list[Article]) -> dict:
    """Share of paragraphs cleaning removes, by reason."""
    sources = clean_articles(articles)
    total = sum(len(paragraphs(a.text)) for a in articles)
    reasons = Counter(r.reason for s in sources for r in s.removed)
    removed = sum(reasons.values())
    return {
        "articles": len(articles),
        "paragraphs": total,
        "removed": removed,
        "removed_rate": round(removed / max(1, total), 4),
        "by_reason": dict(sorted(reasons.items())),
        "published_from": dict(Counter(str(s.published_from) for s in sources)),
    }


def dateline_agreement(articles: list[Article]) -> dict:
    """Dates read from the text (metadata withheld) against the data set's listing dates.

    LocalNews dates are the day Google News listed the story, so a day's difference is
    expected; "off" means more than one day apart.
    """
    listed_on = {a.id: a.published for a in articles if a.published}
    blind = [replace(a, published=None, published_from=None) for a in articles if a.published]
    sources = clean_articles(blind)
    counts: Counter[str] = Counter()
    for article, source in zip(blind, sources, strict=True):
        listed = listed_on[article.id]
        if source.published is None:
            counts["none"] += 1
            continue
        gap = abs((date.fromisoformat(source.published) - date.fromisoformat(listed)).days)
        label = "exact" if gap == 0 else "one_day" if gap == 1 else "off"
        counts[f"{source.published_from}_{label}"] += 1
    return {"articles": len(blind), **dict(sorted(counts.items()))}


def table(name: str, rates: dict) -> str:
    """Markdown rows of one flag-rate result."""
    rows = [
        f"\n### {name}: {rates['articles']} articles, {rates['sentences']} sentences\n",
        "| kind | articles flagged | article rate | sentences flagged | sentence rate |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind, r in rates["per_kind"].items():
        rows.append(
            f"| {kind} | {r['articles_flagged']} | {r['article_rate']:.2%} "
            f"| {r['sentences_flagged']} | {r['sentence_rate']:.3%} |"
        )
    return "\n".join(rows)


def main() -> None:
    """Run the benchmark and write its JSON result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wild", action="store_true", help="also flag LocalNews (slower)")
    args = parser.parse_args()

    result: dict = {}
    duc, duc_hits = flag_rates(read_jsonl(DATA / "duc2004" / "articles.jsonl"))
    result["duc2004"] = duc | {"hits": duc_hits}
    print(table("DUC 2004 (clean newswire: hits are false alarms or true feed damage)", duc))

    seed, seed_hits = flag_rates(read_seed(), quote=True)
    result["seed"] = seed | {"hits": seed_hits}
    print(table("Seed story (known damage)", seed))
    print("\n| seed report | kind | evidence |\n|---|---|---|")
    for hit in seed_hits:
        print(f"| {hit['input']} | {hit['kind']} | {(hit['evidence'] or '')[:70]} |")

    localnews = read_jsonl(DATA / "localnews" / "articles.jsonl")
    clean = cleaning_rates(localnews)
    result["localnews_cleaning"] = clean
    print(f"\n### LocalNews cleaning: {clean['articles']} scraped articles")
    print("\n| paragraphs | removed | rate | by reason |\n|---:|---:|---:|---|")
    reasons = ", ".join(f"{k} {v}" for k, v in clean["by_reason"].items())
    print(
        f"| {clean['paragraphs']} | {clean['removed']} | {clean['removed_rate']:.1%} | {reasons} |"
    )
    agreement = dateline_agreement(localnews)
    result["localnews_dates"] = agreement
    print("\n### LocalNews publication dates from the text (metadata withheld)\n")
    print("| " + " | ".join(agreement) + " |")
    print("|" + "---:|" * len(agreement))
    print("| " + " | ".join(str(v) for v in agreement.values()) + " |")
    if args.wild:
        wild, wild_hits = flag_rates(localnews)
        result["localnews_flags"] = wild | {"hits": wild_hits}
        print(table("LocalNews (scraped, unlabelled)", wild))

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
