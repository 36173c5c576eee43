"""Shared fixtures: the bundled example story and its brief (built once per test session)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from storyweave.models import Article, Source

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-story"
GOLD = ROOT / "tests" / "fixtures" / "seed_gold.json"
SHARED_DATA = ROOT.parent / "shared" / "data"

sys.path.insert(0, str(ROOT / "bench"))


def bare_sources(
    texts: Sequence[str], id_format: str = "a{i}", input_format: str = "r{i}.txt"
) -> list[Source]:
    """Sources S1, S2, ... whose cleaned text is exactly the given text (no stage run)."""
    out = []
    for i, text in enumerate(texts, 1):
        article = Article(id=id_format.format(i=i), input=input_format.format(i=i), text=text)
        out.append(Source(f"S{i}", article, text, None, None, None))
    return out


@pytest.fixture(scope="session")
def seed_brief_json() -> dict[str, Any]:
    """The JSON brief of the bundled example story."""
    from storyweave.pipeline import build_brief, read_story
    from storyweave.render.json_out import brief_json

    articles, rejected = read_story([SEED])
    return brief_json(build_brief(articles, rejected=rejected))
