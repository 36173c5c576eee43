"""The ordered stages that turn the articles of one story into a Brief.

Each stage names what it needs and what it adds:

1. ``clean.clean_articles``      Article          -> Source (text, removed, captions, title)
2. ``dedup.mark_duplicates``     Source           -> Source.duplicate_of
3. ``brief.focus.drop_off_topic`` Sources         -> paragraphs about other stories removed
4. ``nlp.spacy_model.parse``     Source.text      -> spaCy Doc (sentences, tags, entities)
5. ``clean.flags.detect_flags``  Source + Doc     -> Source.flags
6. ``nlp.dates.infer_published`` Sources + Docs   -> Source.published (inferred)
7. entities, quotes, figures, timeline, support   -> the parts of the Brief
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from storyweave.brief.figures import find_figures
from storyweave.brief.focus import drop_off_topic
from storyweave.brief.headline import Titled, choose_title, headline_from
from storyweave.brief.support import weave
from storyweave.brief.timeline import build_timeline
from storyweave.clean import clean_articles
from storyweave.clean.flags import detect_flags
from storyweave.dedup import mark_duplicates
from storyweave.errors import UsageError
from storyweave.ingest import read_inputs
from storyweave.models import Article, Brief, Rejected, Source, StoryInfo, SummaryItem
from storyweave.nlp.dates import infer_published
from storyweave.nlp.entities import find_entities
from storyweave.nlp.quote_merge import speaker_disputes
from storyweave.nlp.quotes import find_quotes
from storyweave.nlp.spacy_model import parse

Progress = Callable[[str], None]

# Stage names, in order, for progress reporting.
STAGES = (
    "clean",
    "duplicates",
    "focus",
    "parse",
    "flags",
    "dates",
    "entities",
    "quotes",
    "figures",
    "timeline",
    "summary",
)


@dataclass(frozen=True)
class BriefOptions:
    """Settings of one brief.

    Args:
        summary_sentences: how many sentences the summary holds at most.
        keep_off_topic: keep paragraphs about other stories (``brief.focus``) in the sources.
    """

    summary_sentences: int = 5
    keep_off_topic: bool = False

    def __post_init__(self) -> None:
        if self.summary_sentences < 1:
            raise UsageError(
                "E002", f"summary_sentences must be 1 or more, got {self.summary_sentences}"
            )


def read_story(paths: Iterable[str | Path]) -> tuple[list[Article], list[Rejected]]:
    """Read every input into articles, keeping the rejected inputs apart.

    Articles with the same content id are read once.
    """
    articles: list[Article] = []
    rejected: list[Rejected] = []
    seen: set[str] = set()
    for item in read_inputs(paths):
        if isinstance(item, Rejected):
            rejected.append(item)
        elif item.id not in seen:
            seen.add(item.id)
            articles.append(item)
    return articles, rejected


def story_info(sources: Sequence[Source], summary: Sequence[SummaryItem] = ()) -> StoryInfo:
    """Story id (hash of its article ids), headline, and publication range.

    When no report has a title (wire archives, plain text files), the headline is made from
    the summary's first sentence (``headline_from``).
    """
    ids = sorted(s.article.id for s in sources)
    story_id = "st-" + hashlib.sha1("\n".join(ids).encode()).hexdigest()[:12]
    independent = [s for s in sources if s.duplicate_of is None] or list(sources)
    # The earliest of the most typical titles names the story (storyweave.brief.headline).
    headline = choose_title(
        [Titled(s.title, s.published, int(s.sid[1:]), s.text) for s in independent if s.title]
    )
    if not headline and summary:
        headline = headline_from(summary[0].text)
    dates = sorted(s.published for s in sources if s.published)
    return StoryInfo(
        id=story_id,
        headline=headline or "",
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
    )


def build_brief(
    articles: Sequence[Article],
    options: BriefOptions | None = None,
    rejected: Sequence[Rejected] = (),
    progress: Progress | None = None,
) -> Brief:
    """Weave the articles of one story into a Brief.

    Args:
        articles: the reports, in the order their sources are numbered.
        options: brief settings; defaults when None.
        rejected: inputs that could not be read, carried into the brief for the reader.
        progress: called with each stage name as it starts.

    Example:
        >>> articles, rejected = read_story(["examples/seed-story"])
        >>> brief = build_brief(articles, rejected=rejected)
    """
    options = options or BriefOptions()
    if not articles:
        raise UsageError("E001", "no usable article among the inputs; see the rejected list")

    def step(name: str) -> None:
        if progress is not None:
            progress(name)

    step("clean")
    sources = clean_articles(articles)
    step("duplicates")
    sources = mark_duplicates(sources)
    step("focus")
    if not options.keep_off_topic:
        sources = drop_off_topic(sources)
    step("parse")
    docs = parse([s.text for s in sources])
    step("flags")
    sources = [
        replace(s, flags=(*s.flags, *detect_flags(s, d)))
        for s, d in zip(sources, docs, strict=True)
    ]
    step("dates")
    sources = infer_published(sources, docs)
    step("entities")
    entities = find_entities(sources, docs)
    step("quotes")
    quotes = find_quotes(sources, docs, entities)
    step("figures")
    figures = find_figures(sources, docs, entities)
    step("timeline")
    timeline = build_timeline(sources, docs)
    step("summary")
    summary, facts, disputes = weave(sources, docs, figures, options.summary_sentences)
    disputes = [*disputes, *speaker_disputes(quotes, entities, disputes)]
    return Brief(
        story=story_info(sources, summary),
        sources=tuple(sources),
        summary=tuple(summary),
        facts=tuple(facts),
        figures=tuple(figures),
        disputes=tuple(disputes),
        timeline=tuple(timeline),
        entities=tuple(entities),
        quotes=tuple(quotes),
        rejected=tuple(rejected),
    )


def loose_sources(brief: Brief) -> tuple[int, int]:
    """(independent reports sharing no agreed fact with another, independent reports).

    When most reports of a brief share nothing, its inputs are likely several stories.
    """
    independent = {s.sid for s in brief.sources if s.duplicate_of is None}
    joined = {sid for f in brief.facts if f.status == "agreed" for sid in f.sources}
    return len(independent - joined), len(independent)
