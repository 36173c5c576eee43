"""Shared fixtures: the bundled example story and its brief (built once per test session)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-story"
GOLD = ROOT / "tests" / "fixtures" / "seed_gold.json"
SHARED_DATA = ROOT.parent / "shared" / "data"

sys.path.insert(0, str(ROOT / "bench"))


@pytest.fixture(scope="session")
def seed_brief_json() -> dict[str, Any]:
    """The JSON brief of the bundled example story."""
    from storyweave.pipeline import build_brief, read_story
    from storyweave.render.json_out import brief_json

    articles, rejected = read_story([SEED])
    return brief_json(build_brief(articles, rejected=rejected))
