"""Paragraphs about other stories (``storyweave.brief.focus``) against LocalNews labels.

LocalNews labels every paragraph of its articles relevant (1) or not (0) to the article's
event (../shared/data/localnews/paragraphs.jsonl, the authors' paragraph split). Not relevant
covers two things: items about other stories (a digest's other news, a pasted story) and
background the annotators judged off the event. The brief should drop the first and keep the
second, so what matters is precision (of the paragraphs dropped, how many are labelled not
relevant); recall is bounded well below 1 by the background.

Each event of ``gold_clean.jsonl`` with 3+ articles goes the brief's way (read, clean,
near-copies, ``paragraph_likeness``, ``off_topic_marks``); a paragraph the brief would drop is
matched to the labelled paragraph of its article that holds its text. Shown beside the plain
rule "a paragraph alone under the cut", at several cuts (OFF_TOPIC_BELOW). Prints a Markdown
table; writes bench/results/offtopic.json.

    python bench/offtopic.py        # about 15 minutes on 2 cores
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from storyweave.brief import focus
from storyweave.clean import PARAGRAPH_SEPARATOR, clean_articles
from storyweave.dedup import mark_duplicates
from storyweave.pipeline import read_story

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "localnews"
RESULTS = Path(__file__).resolve().parent / "results" / "offtopic.json"
CUTS = (0.30, 0.35, 0.40)
RULES = ("storyweave (neighbours, runs, item)", "paragraph alone under the cut")


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).casefold().strip()


def events() -> list[tuple[str, list[str]]]:
    """(event id, article lines of articles.jsonl) per gold_clean event with 3+ articles."""
    members: dict[str, set[str]] = defaultdict(set)
    for line in (DATA / "gold_clean.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        members[row["event_id"]].add(row["id"])
    lines = {}
    for line in (DATA / "articles.jsonl").open(encoding="utf-8"):
        lines[json.loads(line)["id"]] = line
    return [
        (event, [lines[i] for i in sorted(ids) if i in lines])
        for event, ids in sorted(members.items())
        if len(ids) >= focus.MIN_SOURCES
    ]


def labels() -> dict[str, list[tuple[str, int]]]:
    """(normalised text, relevant) of each article's labelled paragraphs, by article id."""
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for line in (DATA / "paragraphs.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        out[row["id"]].append((_norm(row["text"]), row["relevant"]))
    return out


def label_of(text: str, labelled: list[tuple[str, int]]) -> int | None:
    """The label of the labelled paragraph holding ``text`` (None when none does)."""
    key = _norm(text)
    found = [relevant for para, relevant in labelled if key and (key in para or para in key)]
    return found[0] if found else None


def score(marks: list[list[bool]], labels: list[list[int]]) -> dict[str, float]:
    flagged = [
        label
        for m, ls in zip(marks, labels, strict=True)
        for k, label in zip(m, ls, strict=True)
        if k
    ]
    not_relevant = sum(label == 0 for ls in labels for label in ls)
    hits = sum(label == 0 for label in flagged)
    return {
        "flagged": len(flagged),
        "precision": hits / len(flagged) if flagged else 1.0,
        "recall": hits / not_relevant if not_relevant else 0.0,
    }


def main() -> None:
    labelled = labels()
    stories = events()
    start = time.perf_counter()
    cases = []  # (paragraphs, alone, read, vectors, article ids) per source
    for _, lines in stories:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "story.jsonl"
            path.write_text("".join(lines), encoding="utf-8")
            articles, _ = read_story([path])
        sources = mark_duplicates(clean_articles(articles))
        paragraphs = [s.text.split(PARAGRAPH_SEPARATOR) for s in sources]
        likeness = focus.paragraph_likeness(paragraphs, [s.duplicate_of or s.sid for s in sources])
        for n, source in enumerate(sources):
            own = [likeness.vectors.get((n, k)) for k in range(len(paragraphs[n]))]
            cases.append(
                (paragraphs[n], likeness.alone[n], likeness.read[n], own, source.article.input)
            )
        print(".", end="", file=sys.stderr, flush=True)
    n_paragraphs = sum(len(c[0]) for c in cases)
    chosen = focus.OFF_TOPIC_BELOW
    rows = []
    for rule in RULES:
        for cut in CUTS:
            focus.OFF_TOPIC_BELOW = cut
            found = {"flagged": 0, "not_relevant": 0, "relevant": 0, "unmatched": 0}
            for paras, alone, read, own, article_id in cases:
                if rule == RULES[0]:
                    marks = focus.off_topic_marks(read, alone, own)
                else:
                    marks = [a is not None and a < cut for a in alone]
                for text, mark in zip(paras, marks, strict=True):
                    if not mark:
                        continue
                    found["flagged"] += 1
                    label = label_of(text, labelled.get(article_id, []))
                    key = {None: "unmatched", 0: "not_relevant", 1: "relevant"}[label]
                    found[key] += 1
            judged = found["not_relevant"] + found["relevant"]
            precision = found["not_relevant"] / judged if judged else 1.0
            rows.append(
                {"rule": rule, "cut": cut, **found, "precision": precision,
                 "chosen": rule == RULES[0] and cut == chosen}
            )  # fmt: skip
    focus.OFF_TOPIC_BELOW = chosen
    seconds = round(time.perf_counter() - start, 1)
    print(
        f"\n{len(stories)} events with 3+ articles, {len(cases)} sources, {n_paragraphs} paragraphs"
    )
    print("\n| rule | cut | dropped | not relevant | relevant | unmatched | precision |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        mark = " (chosen)" if r["chosen"] else ""
        print(
            f"| {r['rule']} | {r['cut']:.2f}{mark} | {r['flagged']} | {r['not_relevant']} "
            f"| {r['relevant']} | {r['unmatched']} | {r['precision']:.3f} |"
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "events": len(stories),
        "sources": len(cases),
        "paragraphs": n_paragraphs,
        "seconds": seconds,
        "rows": rows,
    }
    RESULTS.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"\n{seconds} s; wrote {RESULTS}")


if __name__ == "__main__":
    main()
