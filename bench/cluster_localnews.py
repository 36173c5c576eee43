"""Story clustering quality: B-cubed P/R/F1 on LocalNews (held out) and DUC 2004 (pooled).

Runs the library function behind `storyweave cluster` (batch, and incremental one at a time
and in batches of 50) beside two baselines: TF-IDF and MiniLM sentence embeddings, each with
average-link agglomerative clustering at its best threshold on that data set (an oracle the
product does not get). Prints a Markdown table and writes bench/results/cluster_localnews.json.

    python bench/cluster_localnews.py               # everything (about 5 minutes on 2 cores)
    python bench/cluster_localnews.py --no-embeddings
    python bench/cluster_localnews.py --calibrate   # DUC sweeps: JOIN_THRESHOLD, COHESION_RATIO
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from storyweave.cluster import StoryClusterer, cluster_articles
from storyweave.cluster.clusterer import JOIN_THRESHOLD
from storyweave.cluster.features import prose_lines
from storyweave.models import Article

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
RESULTS = Path(__file__).resolve().parent / "results" / "cluster_localnews.json"
Gold = dict[str, set[str]]


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def articles_of(path: Path) -> list[Article]:
    """The articles of a JSON Lines file, read as `storyweave cluster` reads them."""
    from storyweave.ingest import read_inputs

    read = list(read_inputs([path]))
    rejected = [r for r in read if not isinstance(r, Article)]
    if rejected:  # scored as stories of their own (see ``bcubed``)
        print(f"{path.name}: {len(rejected)} records rejected, e.g. {rejected[0]}", file=sys.stderr)
    return [a for a in read if isinstance(a, Article)]


def localnews() -> tuple[list[Article], Gold, Gold]:
    folder = DATA / "localnews"
    articles = articles_of(folder / "articles.jsonl")
    clean: Gold = defaultdict(set)
    for row in read_jsonl(folder / "gold_clean.jsonl"):
        clean[row["id"]].add(row["event_id"])
    full: Gold = defaultdict(set)
    for row in read_jsonl(folder / "gold.jsonl"):
        full[row["id"]].add(row["event_id"])
    return articles, dict(clean), dict(full)


def duc2004() -> tuple[list[Article], Gold]:
    """The 500 DUC articles pooled; an exact copy carries the docsets of all its copies."""
    folder = DATA / "duc2004"
    articles = articles_of(folder / "articles.jsonl")
    gold: Gold = defaultdict(set)
    for row in read_jsonl(folder / "clusters.jsonl"):
        for article_id in row["article_ids"]:
            gold[article_id].add(row["cluster_id"])
    by_text: dict[str, set[str]] = defaultdict(set)
    for a in articles:
        by_text[a.id] |= gold[a.input]
    return articles, {a.input: set(by_text[a.id]) for a in articles}


def bcubed(predicted: dict[str, str], gold: Gold) -> dict[str, float]:
    """Extended B-cubed (Amigo et al. 2009) over the gold items; items may have 2+ labels.

    A gold item in no predicted story (a record the reader rejected) counts as alone.
    """
    predicted = {**{i: f"(in no story) {i}" for i in gold}, **predicted}
    items = list(gold)
    by_story: dict[str, list[str]] = defaultdict(list)
    by_label: dict[str, set[str]] = defaultdict(set)
    for i in items:
        by_story[predicted[i]].append(i)
        for label in gold[i]:
            by_label[label].add(i)
    precision = recall = 0.0
    for i in items:
        same = by_story[predicted[i]]
        precision += sum(min(1, len(gold[i] & gold[j])) for j in same) / len(same)
        related = set().union(*(by_label[label] for label in gold[i]))
        recall += sum(
            1.0 / len(gold[i] & gold[j]) for j in related if predicted[j] == predicted[i]
        ) / len(related)
    p, r = precision / len(items), recall / len(items)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def run_storyweave(articles: Sequence[Article], **options) -> tuple[dict[str, str], float]:
    """Story of each record id, and seconds taken, with the `cluster` command's function."""
    clusterer = StoryClusterer(seed=1, **options.pop("clusterer", {}))
    start = time.perf_counter()
    stories = cluster_articles(articles, clusterer, **options)
    seconds = time.perf_counter() - start
    return {a.input: story_id for story_id, members in stories for a in members}, seconds


def average_link_sweep(
    articles: Sequence[Article], similarity: np.ndarray, golds: dict[str, Gold]
) -> dict:
    """Average-link clustering at each cosine threshold; the best by F1 on the first gold."""
    from sklearn.cluster import AgglomerativeClustering

    first = next(iter(golds))
    best: dict | None = None
    for threshold in np.round(np.arange(0.05, 0.96, 0.05), 2):
        labels = AgglomerativeClustering(
            n_clusters=None,
            metric="precomputed",
            linkage="average",
            distance_threshold=1.0 - threshold,
        ).fit_predict(1.0 - similarity)
        predicted = {a.input: str(label) for a, label in zip(articles, labels, strict=True)}
        scores = {name: bcubed(predicted, gold) for name, gold in golds.items()}
        if best is None or scores[first]["f1"] > best["scores"][first]["f1"]:
            best = {"threshold": float(threshold), "scores": scores}
    assert best is not None
    return best


def tfidf_similarity(articles: Sequence[Article]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [(a.title or "") + "\n" + a.text for a in articles]
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(docs)
    return (matrix @ matrix.T).toarray()


def embedding_similarity(articles: Sequence[Article]) -> np.ndarray:
    from storyweave.nlp.embed import embed

    # MiniLM reads 256 word pieces: the title and the first prose lines carry the story.
    docs = [((a.title or "") + "\n" + "\n".join(prose_lines(a.text)))[:1500] for a in articles]
    vectors = embed(docs)
    return vectors @ vectors.T


def write_results(path: Path, payload: dict) -> None:
    """Write a bench result as sorted, indented JSON and say where."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nwrote {path}", file=sys.stderr)


def timed(label: str, task: Callable[[], dict]) -> dict:
    print(f"... {label}", file=sys.stderr, flush=True)
    return task()


def calibrate() -> None:
    """The DUC 2004 sweeps that chose JOIN_THRESHOLD and COHESION_RATIO (not LocalNews)."""
    from storyweave.cluster import clusterer as module

    articles, gold = duc2004()
    print("| join threshold | P | R | F1 |\n|---|---|---|---|")
    for threshold in (0.08, 0.10, 0.12, 0.15, 0.18, 0.20, 0.25):
        predicted, _ = run_storyweave(articles, clusterer={"threshold": threshold})
        s = bcubed(predicted, gold)
        print(f"| {threshold:.2f} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |")
    chosen = module.COHESION_RATIO
    print("\n| cohesion ratio | P | R | F1 |\n|---|---|---|---|")
    for ratio in (0.0, 0.4, 0.5, 0.6, 0.7):
        module.COHESION_RATIO = ratio
        predicted, _ = run_storyweave(articles)
        s = bcubed(predicted, gold)
        print(f"| {ratio:.1f} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |")
    module.COHESION_RATIO = chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-embeddings", action="store_true", help="skip the MiniLM baseline")
    parser.add_argument("--calibrate", action="store_true", help="DUC threshold sweep only")
    args = parser.parse_args()
    if args.calibrate:
        calibrate()
        return
    articles, clean, full = localnews()
    golds = {"gold_clean": clean, "gold": full}
    rows: dict[str, dict] = {}

    def ours(label: str, **options) -> None:
        print(f"... {label}", file=sys.stderr, flush=True)
        predicted, seconds = run_storyweave(articles, **options)
        rows[label] = {
            "scores": {name: bcubed(predicted, gold) for name, gold in golds.items()},
            "seconds": seconds,
            "seconds_per_1k": seconds * 1000 / len(articles),
            "stories": len(set(predicted.values())),
        }

    ours("storyweave batch (fit)")
    ours("storyweave incremental, 1 at a time", incremental=True, batch_size=1)
    ours("storyweave incremental, batches of 50", incremental=True, batch_size=50)
    rows["TF-IDF average-link, best threshold"] = timed(
        "tfidf baseline", lambda: average_link_sweep(articles, tfidf_similarity(articles), golds)
    )
    if not args.no_embeddings:
        rows["MiniLM average-link, best threshold"] = timed(
            "embedding baseline",
            lambda: average_link_sweep(articles, embedding_similarity(articles), golds),
        )
    duc_articles, duc_gold = duc2004()
    duc_predicted, duc_seconds = run_storyweave(duc_articles)
    duc = {
        "storyweave batch (fit)": bcubed(duc_predicted, duc_gold),
        "TF-IDF average-link, best threshold": average_link_sweep(
            duc_articles, tfidf_similarity(duc_articles), {"duc": duc_gold}
        ),
    }
    batch_f1 = rows["storyweave batch (fit)"]["scores"]["gold_clean"]["f1"]
    for label in ("storyweave incremental, 1 at a time", "storyweave incremental, batches of 50"):
        rows[label]["f1_gap_to_batch"] = rows[label]["scores"]["gold_clean"]["f1"] - batch_f1

    print(
        f"LocalNews: {len(articles)} articles clustered; scored on gold_clean "
        f"({len(clean)} articles) and gold ({len(full)}). JOIN_THRESHOLD={JOIN_THRESHOLD}\n"
    )
    print("| method | P clean | R clean | F1 clean | P gold | R gold | F1 gold | s / 1k |")
    print("|---|---|---|---|---|---|---|---|")
    for label, row in rows.items():
        c, g = row["scores"]["gold_clean"], row["scores"]["gold"]
        extra = f" (threshold {row['threshold']:.2f})" if "threshold" in row else ""
        speed = f"{row['seconds_per_1k']:.1f}" if "seconds_per_1k" in row else ""
        print(
            f"| {label}{extra} | {c['precision']:.3f} | {c['recall']:.3f} | {c['f1']:.3f} "
            f"| {g['precision']:.3f} | {g['recall']:.3f} | {g['f1']:.3f} | {speed} |"
        )
    print(f"\nDUC 2004, {len(duc_articles)} articles pooled (50 docsets):\n")
    print("| method | P | R | F1 |\n|---|---|---|---|")
    ours_duc = duc["storyweave batch (fit)"]
    base_duc = duc["TF-IDF average-link, best threshold"]
    print(
        f"| storyweave batch | {ours_duc['precision']:.3f} | {ours_duc['recall']:.3f} "
        f"| {ours_duc['f1']:.3f} |"
    )
    b = base_duc["scores"]["duc"]
    print(
        f"| TF-IDF average-link (threshold {base_duc['threshold']:.2f}) | {b['precision']:.3f} "
        f"| {b['recall']:.3f} | {b['f1']:.3f} |"
    )
    write_results(
        RESULTS,
        {
            "join_threshold": JOIN_THRESHOLD,
            "localnews": rows,
            "duc2004": duc,
            "duc2004_seconds": duc_seconds,
        },
    )


if __name__ == "__main__":
    main()
