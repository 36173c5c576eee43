"""Direct quotations and their speakers on PolNeAR (dev split), against textacy alone.

Usage:
    python bench/quotes_polnear.py

Protocol (ours; PolNeAR annotates all attributions, direct and indirect):

* Gold: the primary annotator's attributions whose content holds a quotation mark
  (" “ ” or the doubled apostrophes '' some outlets print), i.e. the direct quotations.
  Each article is a one-source story.
* A predicted quotation matches a gold one when its characters overlap one of the gold
  content fragments. Precision = predictions that match some gold quotation / predictions
  (a quotation split around "he said" is one gold attribution with two fragments, and two
  correct predictions); recall = gold quotations matched by some prediction / gold.
* Speaker accuracy, on matched pairs whose gold source is a name ("Mr. Obama", "the White
  House", "His former business partner at Lenox, Lawrence B. Cummings"): the predicted speaker
  shares a content word with the gold source ("Clinton" / "Hillary Clinton"). Pronoun sources
  ("he") and descriptions ("the president", "The Republican nominee": last word in lower
  case) cannot be judged without the corpus's coreference, so they are counted apart
  (storyweave resolves pronouns, and descriptions whose bearer the text names with that title,
  to a name); for descriptions the table gives how many predictions keep the words as written.
* Baseline: textacy 0.13 ``direct_quotations`` alone (speaker = its speaker tokens).

Reads ../shared/data/polnear-dev at run time; prints a Markdown table; writes
bench/results/quotes_polnear.json.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear-dev"
RESULTS = ROOT / "bench" / "results" / "quotes_polnear.json"
sys.path.insert(0, str(ROOT))

from storyweave.models import Article, Source  # noqa: E402
from storyweave.nlp.entities import find_entities  # noqa: E402
from storyweave.nlp.quotes import source_quotes  # noqa: E402
from storyweave.nlp.spacy_model import parse  # noqa: E402

PRONOUNS = frozenset("he she they it i we you him her them his its their".split())
STOP = frozenset("the a an of and to in for on at by with from said says mr mrs ms".split())
MARKS = re.compile("[\"“”]|''")


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"\w+", (text or "").casefold()) if w not in STOP}


def load() -> list[tuple[Source, list[dict]]]:
    """Each article as a source, with its gold direct quotations."""
    texts = {}
    with open(DATA / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts[rec["id"]] = rec["text"]
    out = []
    with open(DATA / "quotes.jsonl", encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            rec = json.loads(line)
            text = texts[rec["id"]]
            gold = [
                a
                for a in rec["attributions"]
                if a.get("content") and MARKS.search(a["content"]["text"] or "")
            ]
            article = Article(id=rec["id"], input=rec["id"], text=text)
            out.append((Source(f"S{i}", article, text, None, None, None), gold))
    return out


def score(predictions: list[tuple[int, int, str | None]], gold: list[dict]) -> dict[str, int]:
    """Counts for one article: predictions, gold, matches, speaker judgements."""
    counts = {"pred": len(predictions), "gold": len(gold), "pred_match": 0, "gold_match": 0}
    counts.update({"spk_judged": 0, "spk_right": 0, "spk_pronoun": 0, "spk_none": 0})
    counts.update({"spk_description": 0, "spk_description_as_written": 0})

    def overlaps(start: int, end: int, attribution: dict) -> bool:
        return any(start < e and s < end for s, e in attribution["content"]["spans"])

    counts["gold_match"] = sum(any(overlaps(s, e, a) for s, e, _ in predictions) for a in gold)
    for start, end, speaker in predictions:
        matched = [a for a in gold if overlaps(start, end, a)]
        if not matched:
            continue
        counts["pred_match"] += 1
        source = (matched[0].get("source") or {}).get("text")
        if not source:
            continue
        if _words(source) <= PRONOUNS:
            counts["spk_pronoun"] += 1
            continue
        if _description(source):
            # "the president", "The Republican nominee": like a pronoun, the corpus gives the
            # words as written, not whom they stand for (storyweave names some: "Obama").
            counts["spk_description"] += 1
            if speaker is not None and _words(speaker) & _words(source):
                counts["spk_description_as_written"] += 1
            continue
        counts["spk_judged"] += 1
        if speaker is None:
            counts["spk_none"] += 1
        elif _words(speaker) & _words(source):
            counts["spk_right"] += 1
    return counts


def _description(source: str) -> bool:
    """A speaker given by a common noun, not a name: its last word is in lower case ("the
    president", "a senior aide", "The Republican nominee"; not "Mr. Obama", "the White House")."""
    words = re.findall(r"[A-Za-z][\w'’.-]*", source.split(",")[0])
    return bool(words) and words[-1][0].islower()


def textacy_predictions(doc) -> list[tuple[int, int, str | None]]:
    """textacy's direct quotations with its raw speaker tokens."""
    from textacy.extract.triples import direct_quotations

    try:
        quotes = list(direct_quotations(doc))
    except ValueError:  # an odd number of quotation marks: textacy gives up on the text
        return []
    return [
        (q.content.start_char, q.content.end_char, " ".join(t.text for t in q.speaker) or None)
        for q in quotes
    ]


def run() -> dict:
    """Score both systems over every dev article."""
    items = load()
    t0 = time.perf_counter()
    docs = parse([s.text for s, _ in items])
    totals: dict[str, dict[str, int]] = {"storyweave": {}, "textacy": {}}
    for (source, gold), doc in zip(items, docs, strict=True):
        entities = find_entities([source], [doc])
        ours = [(f.start, f.end, f.speaker) for f in source_quotes(source, doc, entities)]
        for name, preds in (("storyweave", ours), ("textacy", textacy_predictions(doc))):
            for key, value in score(preds, gold).items():
                totals[name][key] = totals[name].get(key, 0) + value
    seconds = time.perf_counter() - t0
    rows = {}
    for name, c in totals.items():
        p = c["pred_match"] / c["pred"] if c["pred"] else 0.0
        r = c["gold_match"] / c["gold"] if c["gold"] else 0.0
        rows[name] = {
            **c,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "speaker_accuracy": round(c["spk_right"] / c["spk_judged"], 4)
            if c["spk_judged"]
            else 0.0,
        }
    return {"articles": len(items), "seconds": round(seconds, 1), "systems": rows}


def main() -> None:
    """Run, print the table, write the JSON result."""
    result = run()
    print(
        f"PolNeAR dev, {result['articles']} articles, direct quotations ({result['seconds']} s)\n"
    )
    print(
        "| system | gold | predicted | P | R | F1 | speaker acc. (judged) | pronoun gold "
        "| description gold (as written) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, r in result["systems"].items():
        print(
            f"| {name} | {r['gold']} | {r['pred']} | {r['precision']:.3f} | {r['recall']:.3f} "
            f"| {r['f1']:.3f} | {r['speaker_accuracy']:.3f} ({r['spk_judged']}) "
            f"| {r['spk_pronoun']} | {r['spk_description']} "
            f"({r['spk_description_as_written']}) |"
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
