"""Paragraphs about other stories leave a source; details of the story stay."""

from __future__ import annotations

from dataclasses import replace

from conftest import bare_sources

from storyweave.brief.focus import OFF_TOPIC, drop_off_topic, off_topic_marks
from storyweave.clean import PARAGRAPH_SEPARATOR

# Invented reports of one story: a footbridge over the Aller river collapsed in Dunmere.
BRIDGE = [
    "A footbridge over the Aller river in Dunmere collapsed on Monday morning, sending two "
    "cyclists into the water, the town council said.",
    "Rescue crews pulled both cyclists from the river within minutes; one was taken to "
    "Dunmere General Hospital with a broken arm.",
    "The council closed both banks of the river and said engineers would inspect the other "
    "two bridges in the town this week.",
]
BRIDGE_2 = [
    "Two cyclists fell into the Aller river when a footbridge in Dunmere gave way on Monday, "
    "officials said.",
    "One of them was treated in hospital for a broken arm, and the other went home.",
    "Engineers will check the town's remaining bridges over the river, the council said.",
]
BRIDGE_3 = [
    "The Dunmere footbridge that collapsed into the Aller river on Monday had been inspected "
    "in March, council records show.",
    "Two cyclists on the bridge were rescued from the water by fire crews.",
    "“It is a miracle no one was killed,” said councillor Maren Holt, who asked for an "
    "independent review of the inspection.",
]
# A digest's other items: a football final and a bakery's prize.
OTHER_ITEMS = [
    "In football, Harlow Rovers won the county cup final 3-1 on Saturday, with a hat-trick "
    "from their captain in the second half.",
    "The club will parade the trophy through the town centre on an open-top bus next weekend, "
    "and fans are asked to arrive early.",
    "A family bakery on Mill Lane won the national prize for the best sourdough loaf, beating "
    "four hundred entries from across the country.",
]


def _text(paragraphs: list[str]) -> str:
    return PARAGRAPH_SEPARATOR.join(paragraphs)


def test_the_items_of_a_digest_leave_it_and_the_story_stays() -> None:
    digest = [BRIDGE_3[0], *OTHER_ITEMS, BRIDGE_3[2]]
    sources = bare_sources([_text(BRIDGE), _text(BRIDGE_2), _text(digest)])
    out = drop_off_topic(sources)
    assert [s.text for s in out[:2]] == [s.text for s in sources[:2]]
    assert out[2].text == _text([BRIDGE_3[0], BRIDGE_3[2]])
    assert [(r.reason, r.text) for r in out[2].removed] == [(OFF_TOPIC, p) for p in OTHER_ITEMS]


def test_a_detail_only_one_source_gives_stays() -> None:
    sources = bare_sources([_text(BRIDGE), _text(BRIDGE_2), _text(BRIDGE_3)])
    assert drop_off_topic(sources) == sources


def test_two_sources_are_too_few_to_judge_and_reprints_count_once() -> None:
    digest = [BRIDGE_3[0], *OTHER_ITEMS]
    two = bare_sources([_text(BRIDGE), _text(digest)])
    assert drop_off_topic(two) == two
    reprint = bare_sources([_text(BRIDGE), _text(BRIDGE), _text(digest)])
    reprint[1] = replace(reprint[1], duplicate_of="S1")
    assert drop_off_topic(reprint) == reprint


def test_a_report_of_another_story_is_kept_whole_and_flagged() -> None:
    sources = bare_sources([_text(BRIDGE), _text(BRIDGE_2), _text(OTHER_ITEMS)])
    out = drop_off_topic(sources)
    assert out[2].text == sources[2].text
    assert [f.kind for f in out[2].flags] == [OFF_TOPIC]


def test_one_low_paragraph_is_no_item_and_a_heading_inside_an_item_goes_with_it() -> None:
    assert off_topic_marks([0.6, 0.2, 0.7, 0.5]) == [False, False, False, False]
    assert off_topic_marks([0.6, 0.2, None, 0.1, 0.7]) == [False, True, True, True, False]
    assert off_topic_marks([None, 0.3, 0.2]) == [False, True, True]


def test_a_brief_drops_the_items_unless_asked_to_keep_them() -> None:
    from storyweave.models import Article
    from storyweave.pipeline import BriefOptions, build_brief

    digest = [BRIDGE_3[0], *OTHER_ITEMS, BRIDGE_3[2]]
    texts = [_text(BRIDGE), _text(BRIDGE_2), _text(digest)]
    articles = [
        Article(id=f"a{n}", input=f"r{n}.txt", text=t + "\n", published="2024-05-06")
        for n, t in enumerate(texts, start=1)
    ]
    dropped = build_brief(articles)
    assert [r.text for r in dropped.sources[2].removed if r.reason == OFF_TOPIC] == OTHER_ITEMS
    assert "Harlow Rovers" not in dropped.sources[2].text
    assert not any("Harlow Rovers" in e.name for e in dropped.entities)
    kept = build_brief(articles, BriefOptions(keep_off_topic=True))
    assert "Harlow Rovers" in kept.sources[2].text
    assert not [r for r in kept.sources[2].removed if r.reason == OFF_TOPIC]
