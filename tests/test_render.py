"""Markdown and HTML show every part of a brief; HTML is self-contained; JSON keeps the contract."""

import dataclasses
import json
import re

import pytest

from storyweave.models import (
    Article,
    Brief,
    Claim,
    Dispute,
    Entity,
    Evidence,
    Fact,
    Figure,
    FigureValue,
    Flag,
    Quote,
    Removed,
    Source,
    StoryInfo,
    SummaryItem,
    TimelineEntry,
)
from storyweave.render import render
from storyweave.render.json_out import brief_json
from storyweave.render.view import range_text

TEXT_A = "Floods killed at least 12 people in Riverton on Monday. The mayor said <help> was coming."
TEXT_B = "Officials said 30 people died in the Riverton floods. Rescue teams arrived on Tuesday."


def ev(sid: str, text: str, needle: str, phrase: str | None = None) -> Evidence:
    at = text.index(needle)
    return Evidence(sid, at, at + len(needle), needle, phrase)


@pytest.fixture()
def brief() -> Brief:
    a = Source(
        "S1",
        Article("a1", "a.txt", TEXT_A, outlet="River Post", url="https://example.org/a"),
        TEXT_A,
        "Floods hit Riverton",
        "2024-03-05",
        "dateline",
        removed=(Removed("Advertisement", "boilerplate"),),
        flags=(Flag("dropped_words", "The mayor said"),),
    )
    b = Source("S2", Article("b1", "b.txt", TEXT_B), TEXT_B, None, "2024-03-06", "metadata")
    killed = "at least 12"
    return Brief(
        story=StoryInfo("st-1", "Floods hit Riverton", "2024-03-05", "2024-03-06"),
        sources=(a, b),
        summary=(SummaryItem(TEXT_A[:54], ("S1", "S2"), (ev("S1", TEXT_A, TEXT_A[:54]),)),),
        facts=(Fact("Floods in Riverton", "agreed", ("S1", "S2"), ()),),
        figures=(
            Figure(
                "people killed",
                "conflict",
                (
                    FigureValue(
                        killed, 12, None, "2024-03-04", ("S1",), (ev("S1", TEXT_A, killed),)
                    ),
                    FigureValue("30", 30, 30, None, ("S2",), (ev("S2", TEXT_B, "30"),)),
                ),
            ),
        ),
        disputes=(Dispute("where", (Claim("in Riverton", ("S1",), ()),)),),
        timeline=(
            TimelineEntry(
                "2024-03-04",
                "day",
                "Floods killed people",
                ("S1",),
                (ev("S1", TEXT_A, "Floods killed", "on Monday"),),
            ),
        ),
        entities=(Entity("Riverton", "PLACE", ("Riverton", "Riverton City"), ("S1", "S2"), 3),),
        quotes=(Quote("The mayor", "help was coming", False, ("S1",), ()),),
    )


def test_markdown_shows_every_part(brief: Brief) -> None:
    md = render(brief, "md")
    for part in (
        "# Floods hit Riverton",
        "## What happened",
        "## Contradictions",
        "## Timeline",
        "## Who reports what",
        "## Quotes",
        "## People, organisations and places",
        "## Sources",
    ):
        assert part in md
    assert "[1][2]" in md  # numbered source markers on the summary sentence
    assert "| people killed | at least 12 | ≥ 12 | 1 | 2024-03-04 |" in md
    assert "on Monday" in md and "Riverton City" in md
    assert "(boilerplate) Advertisement" in md and "dropped words" in md


def test_html_is_self_contained_and_escaped(brief: Brief) -> None:
    html = render(brief, "html")
    assert html.startswith("<!DOCTYPE html>")
    # no external resource of any kind: scripts, styles, images, fonts
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert "url(" not in html and "@import" not in html
    assert "&lt;help&gt;" in html and "<help>" not in html
    assert 'href="#source-1"' in html and "@media print" in html
    assert "people killed" in html and "2024-03-04" in html


def test_json_keeps_contract_fields(brief: Brief) -> None:
    data = json.loads(render(brief, "json"))
    assert data == brief_json(brief)
    src = data["sources"][0]
    for key in (
        "id",
        "input",
        "outlet",
        "url",
        "title",
        "published",
        "published_from",
        "language",
        "text",
        "removed",
        "flags",
        "duplicate_of",
    ):
        assert key in src
    value = data["figures"][0]["values"][0]
    assert value["high"] is None and value["low"] == 12
    for item in data["summary"] + data["timeline"]:
        for e in item["evidence"]:
            text = {s["id"]: s["text"] for s in data["sources"]}[e["source"]]
            assert text[e["start"] : e["end"]] == e["text"]


@pytest.mark.parametrize(
    ("low", "high", "shown"),
    [
        (164, 164, "164"),
        (164, None, "≥ 164"),
        (24, 99, "24–99"),
        (None, 5, "≤ 5"),
        (None, None, "?"),
        (3.43, 3.43, "3.43"),
        (1.05, 1.05, "1.05"),
        (2.5, None, "≥ 2.5"),
    ],
)
def test_range_text(low: float | None, high: float | None, shown: str) -> None:
    assert range_text(FigureValue("x", low, high, None, (), ())) == shown


@pytest.mark.parametrize(
    ("low", "high", "shown"),
    [
        (0, 3 * 365, "0–3 years"),
        (0, 10, "0–10 days"),  # not "0–1.43 weeks": the largest unit the ends are round in
        (67.5, 75, "67.5–75 days"),
        (0.9 / 24, 1.1 / 24, "0.9–1.1 hours"),
        (1 / 24, 1 / 24, "1 hour"),
        (0.0833, 0.0833, "2 hours"),  # two hours as the JSON rounds it
        (30 / 1440, 30 / 1440, "30 minutes"),
        (14, 14, "2 weeks"),
        (2, None, "≥ 2 days"),
    ],
)
def test_durations_are_shown_in_a_unit_that_suits_them(
    low: float | None, high: float | None, shown: str
) -> None:
    value = FigureValue("x", low, high, None, (), ())
    assert range_text(value, "sentence duration") == shown
    assert range_text(value, "amount stolen") != shown  # other figures stay plain numbers


def test_timeline_dates_show_only_the_precision_the_sources_give(brief: Brief) -> None:
    entries = (
        TimelineEntry("1996-01-01", "month", "Reports were withdrawn", ("S1",), ()),
        TimelineEntry("1975-01-01", "year", "The ban was imposed", ("S1",), ()),
        TimelineEntry("2024-03-04", "week", "Rain began", ("S1",), ()),
    )
    longer = dataclasses.replace(brief, timeline=brief.timeline + entries)
    md = render(longer, "md")
    html = render(longer, "html")
    for shown in ("**1996-01**", "**1975**", "**week of 2024-03-04**", "**2024-03-04**"):
        assert shown in md
    assert "1996-01-01" not in md and "1975-01-01" not in md
    assert ">1975<" in html and "1975-01-01" not in html
