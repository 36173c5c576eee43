"""The bundled example story meets every required check of its hand-made gold."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import GOLD
from seed_gold import check, evidence_problems

PARTS = [
    "published",
    "must_remove",
    "must_keep",
    "flags",
    "figures",
    "timeline",
    "entities",
    "quotes",
    "summary",
    "facts",
]


@pytest.fixture(scope="module")
def checks(seed_brief_json: dict[str, Any]) -> list:
    return check(seed_brief_json, json.loads(GOLD.read_text()))


@pytest.mark.parametrize("part", PARTS)
def test_required_checks_hold(checks: list, part: str) -> None:
    failed = [c.name for c in checks if c.part == part and c.level == "required" and not c.passed]
    assert not failed, f"{part}: failed required checks: {failed}"


def test_every_evidence_span_is_in_its_source(seed_brief_json: dict[str, Any]) -> None:
    assert evidence_problems(seed_brief_json) == []
