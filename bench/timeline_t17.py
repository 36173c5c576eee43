"""Timeline dates (and what is said on them) on Timeline17, scored as news-tls/tilse do.

Usage:
    python bench/timeline_t17.py [--embeddings] [--topics egypt,h1n1]

Protocol (Ghalandari & Ifrim 2020, news-tls, T17 settings): every reference timeline is one task.
The system gets the topic's articles published between the reference's first and last date
(time-span extension 0, as news-tls uses for T17), and must return l dates (l = the reference's
number of dates) with k sentences each (k = its rounded mean sentences per date). Dates are
chosen as storyweave's timeline would rank them: the day-precision dates its entries resolve
(relative phrases against each article's publication date), ranked by how many articles mention
them, kept within the time span. Each date's summary is the text of its k entries most sources
share. Scores, averaged over tasks:

* Date F1: predicted date set against the reference's date set.
* AR-1 / AR-2 F: tilse's "align+ m:1" ROUGE. Each date of one timeline is aligned to the date of
  the other minimising (1 - 1/(|days|+1)) * (1 - approximate ROUGE-1); matched n-gram counts
  are weighted by 1/(|days|+1). ROUGE counts follow ROUGE-1.5.5 with stemming and stop words
  removed (Porter stemmer; scikit-learn's English stop-word list stands in for ROUGE's own).

Phrase finding is storyweave's regex finder (no spaCy parse: sentence bounds come from the line
breaks of the PTB-tokenised text), so the run takes minutes, not hours.
Reads ../shared/data/t17 at run time; prints a Markdown table; writes
bench/results/timeline_t17.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "t17"
RESULTS = ROOT / "bench" / "results" / "timeline_t17.json"
sys.path.insert(0, str(ROOT))

from storyweave.brief.timeline import build_timeline, independent_count  # noqa: E402
from storyweave.models import Article, Source, TimelineEntry  # noqa: E402

# Ghalandari & Ifrim 2020, Table 4, DATEWISE on full T17 (9 topics, 19 timelines).
DATEWISE = {"date_f1": 0.544, "ar1_f": 0.120, "ar2_f": 0.035}
TOPICS = ("egypt", "finan", "h1n1", "haiti", "iraq", "mj", "syria")


def load_topic(topic: str) -> tuple[list[Source], list[list[dict]]]:
    """The topic's articles as dated sources, and its reference timelines."""
    sources = []
    with open(DATA / topic / "articles.jsonl", encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            rec = json.loads(line)
            text = rec["text"]
            article = Article(id=rec["id"], input=rec["id"], text=text, published=rec["published"])
            sources.append(
                Source(
                    sid=f"S{i}",
                    article=article,
                    text=text,
                    title=None,
                    published=rec["published"],
                    published_from="metadata",
                )
            )
    timelines = json.loads((DATA / topic / "timelines.json").read_text(encoding="utf-8"))
    return sources, timelines


def predict(
    entries: list[TimelineEntry],
    sources: dict[str, Source],
    start: str,
    end: str,
    n_dates: int,
    k: int,
) -> dict[str, list[str]]:
    """The n_dates best-supported days within [start, end], each with its k best entries' texts."""
    support: dict[str, set[str]] = {}
    per_day: dict[str, list[TimelineEntry]] = {}
    for e in entries:
        if e.precision != "day" or not start <= e.date <= end:
            continue
        support.setdefault(e.date, set()).update(sources[s].duplicate_of or s for s in e.sources)
        per_day.setdefault(e.date, []).append(e)
    ranked = sorted(support, key=lambda d: (-len(support[d]), d))[:n_dates]
    out = {}
    for d in sorted(ranked):
        best = sorted(per_day[d], key=lambda e: -independent_count(e, sources))
        out[d] = [e.text for e in best[:k]]
    return out


# --- tilse-style scoring -------------------------------------------------------------------


def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


_STOP = _stop_words()
_STEM_CACHE: dict[str, str] = {}


def _tokens(sentences: list[str]) -> list[str]:
    from nltk.stem.porter import PorterStemmer

    stemmer = PorterStemmer()
    out = []
    for s in sentences:
        for w in re.sub(r"[^a-z0-9]+", " ", s.lower()).split():
            if w in _STOP:
                continue
            if w not in _STEM_CACHE:
                _STEM_CACHE[w] = stemmer.stem(w)
            out.append(_STEM_CACHE[w])
    return out


def _ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _approx_rouge1(pred: list[str], ref: list[str]) -> float:
    """tilse's content-cost ROUGE-1 approximation: whitespace tokens, no stemming."""
    p = Counter(w for s in pred for w in s.split())
    r = Counter(w for s in ref for w in s.split())
    match = sum(min(c, r[w]) for w, c in p.items())
    if not match:
        return 0.0
    prec, rec = match / sum(p.values()), match / sum(r.values())
    return 2 * prec * rec / (prec + rec)


def align_rouge(pred: dict[str, list[str]], ref: dict[str, list[str]], n: int) -> float:
    """tilse align+ m:1 ROUGE-n F1 of a predicted timeline against one reference timeline."""
    if not pred or not ref:
        return 0.0
    pd_, rd = sorted(pred), sorted(ref)
    ords = {d: date.fromisoformat(d).toordinal() for d in pd_ + rd}
    grams = {("p", d): _ngrams(_tokens(pred[d]), n) for d in pd_}
    grams.update({("r", d): _ngrams(_tokens(ref[d]), n) for d in rd})
    content = {(a, b): _approx_rouge1(pred[a], ref[b]) for a in pd_ for b in rd}

    def cost(a: str, b: str) -> float:
        return (1 - 1 / (abs(ords[a] - ords[b]) + 1)) * (1 - content[(a, b)])

    def hits(a: str, b: str) -> float:
        p, r = grams[("p", a)], grams[("r", b)]
        return sum(min(c, r[g]) for g, c in p.items()) / (abs(ords[a] - ords[b]) + 1)

    p_num = p_den = r_num = r_den = 0.0
    for a in pd_:
        b = min(rd, key=lambda b: (cost(a, b), rd.index(b)))
        p_num += hits(a, b)
        p_den += sum(grams[("p", a)].values())
    for b in rd:
        a = min(pd_, key=lambda a: (cost(a, b), pd_.index(a)))
        r_num += hits(a, b)
        r_den += sum(grams[("r", b)].values())
    prec = p_num / p_den if p_den else 0.0
    rec = r_num / r_den if r_den else 0.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def date_f1(pred: set[str], ref: set[str]) -> float:
    """F1 of the predicted date set against the reference date set."""
    shared = len(pred & ref)
    if not shared:
        return 0.0
    p, r = shared / len(pred), shared / len(ref)
    return 2 * p * r / (p + r)


def run(topics: list[str], use_embeddings: bool) -> dict:
    """Score every reference timeline of the topics; per-task rows and their means."""
    rows = []
    for topic in topics:
        t0 = time.perf_counter()
        sources, timelines = load_topic(topic)
        by_sid = {s.sid: s for s in sources}
        for j, tl in enumerate(timelines):
            ref = {e["date"]: e["sentences"] for e in tl}
            start, end = min(ref), max(ref)
            pool = [s for s in sources if start <= (s.published or "") <= end]
            entries = build_timeline(pool, None, use_embeddings=use_embeddings)
            n_dates = len(ref)
            k = max(1, round(sum(len(v) for v in ref.values()) / n_dates))
            pred = predict(entries, by_sid, start, end, n_dates, k)
            # Baselines on the same task: days ranked by how many articles were published on
            # them; and our ranking without the reference's time span (all the topic's articles).
            published = Counter(s.published for s in pool)
            by_pub = sorted(published, key=lambda d: (-published[d], d))[:n_dates]
            open_entries = build_timeline(sources, None, use_embeddings=False)
            open_pred = predict(open_entries, by_sid, "0000", "9999", n_dates, k)
            rows.append(
                {
                    "topic": topic,
                    "timeline": j,
                    "articles": len(pool),
                    "l": n_dates,
                    "k": k,
                    "entries": len(entries),
                    "date_f1": round(date_f1(set(pred), set(ref)), 4),
                    "ar1_f": round(align_rouge(pred, ref, 1), 4),
                    "ar2_f": round(align_rouge(pred, ref, 2), 4),
                    "date_f1_pub_baseline": round(date_f1(set(by_pub), set(ref)), 4),
                    "date_f1_open_span": round(date_f1(set(open_pred), set(ref)), 4),
                }
            )
        print(
            f"{topic}: {len(timelines)} timeline(s), {time.perf_counter() - t0:.0f}s",
            file=sys.stderr,
        )
    mean = {
        m: round(sum(r[m] for r in rows) / len(rows), 4)
        for m in ("date_f1", "ar1_f", "ar2_f", "date_f1_pub_baseline", "date_f1_open_span")
    }
    return {"tasks": rows, "mean": mean}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # Off by default: merging only changes which texts summarise a date (AR), never which dates
    # are chosen, and MiniLM over ~30,000 event clauses takes far longer than the rest.
    parser.add_argument(
        "--embeddings", action="store_true", help="also merge events by MiniLM cosine"
    )
    parser.add_argument("--topics", default=",".join(TOPICS))
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"T17 data not found at {DATA}")
    t0 = time.perf_counter()
    result = run(args.topics.split(","), use_embeddings=args.embeddings)
    seconds = round(time.perf_counter() - t0, 1)
    mean = result["mean"]
    print(
        "| task | articles | l | k | Date-F1 | AR-1 F | AR-2 F | F1 pub-date baseline "
        "| F1 open span |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in result["tasks"]:
        print(
            f"| {r['topic']}#{r['timeline']} | {r['articles']} | {r['l']} | {r['k']} "
            f"| {r['date_f1']:.3f} | {r['ar1_f']:.3f} | {r['ar2_f']:.3f} "
            f"| {r['date_f1_pub_baseline']:.3f} | {r['date_f1_open_span']:.3f} |"
        )
    print(
        f"| **storyweave, mean of {len(result['tasks'])} tasks** | | | "
        f"| **{mean['date_f1']:.3f}** | **{mean['ar1_f']:.3f}** | **{mean['ar2_f']:.3f}** "
        f"| {mean['date_f1_pub_baseline']:.3f} | {mean['date_f1_open_span']:.3f} |"
    )
    print(
        f"| DATEWISE (news-tls, full T17, 19 tasks) | | | | {DATEWISE['date_f1']:.3f} "
        f"| {DATEWISE['ar1_f']:.3f} | {DATEWISE['ar2_f']:.3f} | | |"
    )
    print(f"\n{seconds}s; phrase finding: regex only; embeddings: {args.embeddings}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    out = {
        "benchmark": "timeline_t17",
        "protocol": "news-tls T17: per reference timeline, l dates x k sentences, extension 0",
        "phrase_finding": "regex (storyweave.nlp.dates), no spaCy parse",
        "embeddings": args.embeddings,
        "anchor_datewise": DATEWISE,
        "seconds": seconds,
        **result,
    }
    RESULTS.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
