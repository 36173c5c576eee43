"""Which title names a story: the earliest report's, or the most typical one's.

For every LocalNews event with a description, the event's reports (on-topic and the ones
the data set's authors excluded as off-topic or unusable, as a clusterer may let some in)
are cleaned as `storyweave brief` cleans them, and a story title is chosen two ways:

- earliest: the earliest titled report (ties: input order), the rule before titles were
  compared;
- typical: `storyweave.brief.headline.choose_title`, the title whose words the other reports
  use most (the earliest of those within a margin of the best).

Scores: ROUGE-1 and ROUGE-L F1 of the title against the event description, and how often
the title comes from an excluded (off-topic) report, over events that hold one.

With ``--untitled`` a third rule is scored: every report's title is hidden (as in wire
archives or plain text files), a whole brief is built, and the headline is
``headline_from`` its first summary sentence, what a brief shows when no report has a title
(here most bodies open with their headline, which a brief would take instead; the rule is
scored on every event all the same). About 15 minutes on 2 cores.

    python bench/headline.py [--untitled]

Prints a Markdown table and writes bench/results/headline.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import defaultdict
from pathlib import Path

from rouge_score import rouge_scorer

from storyweave.brief.headline import Titled, choose_title
from storyweave.clean import clean_articles
from storyweave.ingest import read_inputs
from storyweave.models import Article

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "localnews"
RESULTS = REPO / "bench" / "results" / "headline.json"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def earliest(reports: list[Titled]) -> str:
    return min(reports, key=lambda r: (r.published or "9999", r.position)).title


def untitled_headline(articles: list[Article]) -> tuple[str, bool]:
    """``headline_from`` the first summary sentence of a brief of these reports with their
    titles hidden, and whether the brief itself shows it (no body opened with a headline)."""
    from storyweave.brief.headline import headline_from
    from storyweave.pipeline import build_brief

    hidden = [dataclasses.replace(a, title=None) for a in articles]
    brief = build_brief(hidden)
    made = headline_from(brief.summary[0].text) if brief.summary else ""
    return made, brief.story.headline == made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--untitled", action="store_true", help="also score titles hidden")
    args = parser.parse_args()
    rules = ("earliest", "typical", "untitled") if args.untitled else ("earliest", "typical")
    descriptions = {
        e["event_id"]: e["description"]
        for e in read_jsonl(DATA / "events.jsonl")
        if e.get("description")
    }
    members: dict[int, list[tuple[str, bool]]] = defaultdict(list)
    for row in read_jsonl(DATA / "gold.jsonl"):
        if row["event_id"] in descriptions:
            members[row["event_id"]].append((row["id"], bool(row["valid"])))
    articles = {
        a.input: a for a in read_inputs([DATA / "articles.jsonl"]) if isinstance(a, Article)
    }
    scorer = rouge_scorer.RougeScorer(["rouge1", "rougeL"], use_stemmer=True)
    totals: dict[str, dict[str, float]] = {
        rule: {"rouge1": 0.0, "rougeL": 0.0, "off_topic": 0} for rule in rules
    }
    events = with_excluded = changed = from_summary = 0
    for event_id, rows in sorted(members.items()):
        read = [(articles[i], valid) for i, valid in rows if i in articles]
        sources = clean_articles([a for a, _ in read])
        reports, valid_title = [], {}
        for k, (source, (_, valid)) in enumerate(zip(sources, read, strict=True)):
            if source.title:
                reports.append(Titled(source.title, source.published, k, source.text))
                valid_title.setdefault(source.title, valid)
        if not reports:
            continue
        events += 1
        with_excluded += not all(valid_title.values())
        picks = {"earliest": earliest(reports), "typical": choose_title(reports)}
        changed += picks["earliest"] != picks["typical"]
        if args.untitled:
            picks["untitled"], made = untitled_headline([a for a, _ in read])
            from_summary += made
        for rule, title in picks.items():
            score = scorer.score(descriptions[event_id], title)
            totals[rule]["rouge1"] += score["rouge1"].fmeasure
            totals[rule]["rougeL"] += score["rougeL"].fmeasure
            totals[rule]["off_topic"] += not valid_title.get(title, True)
    table = {
        rule: {
            "rouge1_f": round(t["rouge1"] / events, 4),
            "rougeL_f": round(t["rougeL"] / events, 4),
            "off_topic_titles": int(t["off_topic"]),
        }
        for rule, t in totals.items()
    }
    print(f"{events} events ({with_excluded} with excluded reports); {changed} titles differ")
    if args.untitled:
        print(f"titles hidden: the brief shows the summary's headline for {from_summary} events")
    print()
    print("| rule | ROUGE-1 F | ROUGE-L F | titles from excluded reports |")
    print("|---|---:|---:|---:|")
    for rule, row in table.items():
        print(f"| {rule} | {row['rouge1_f']} | {row['rougeL_f']} | {row['off_topic_titles']} |")
    payload = {
        "events": events,
        "events_with_excluded_reports": with_excluded,
        "titles_differ": changed,
        "untitled_from_summary": from_summary if args.untitled else None,
        "rules": table,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nwrote {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
