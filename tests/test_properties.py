"""Properties of a whole brief on a story no rule was written from (tests/fixtures/story-quake).

Three invented reports of one earthquake: two agree on the toll (41, "at least 41"), one says
"dozens"; two say more than 300 injured, one says about 120.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest
from conftest import ROOT
from seed_gold import evidence_problems

QUAKE = ROOT / "tests" / "fixtures" / "story-quake"


@pytest.fixture(scope="module")
def quake() -> dict[str, Any]:
    from storyweave.pipeline import build_brief, read_story
    from storyweave.render.json_out import brief_json

    articles, rejected = read_story([QUAKE])
    return brief_json(build_brief(articles, rejected=rejected))


def _spans(brief: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for part in ("summary", "facts", "timeline", "quotes", "disputes", "figures"):
        for item in brief[part]:
            for holder in item.get("values", item.get("claims", [item])):
                out += holder.get("evidence", [])
    return out


def test_every_evidence_span_slices_back_to_its_source(quake: dict[str, Any]) -> None:
    texts = {s["id"]: s["text"] for s in quake["sources"]}
    spans = _spans(quake)
    assert spans, "a brief of three agreeing reports must carry evidence"
    for ev in spans:
        assert texts[ev["source"]][ev["start"] : ev["end"]] == ev["text"]
    assert evidence_problems(quake) == []


def test_same_input_gives_the_same_brief_byte_for_byte_in_another_process(
    quake: dict[str, Any],
) -> None:
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run(
        [sys.executable, "-m", "storyweave.cli", "brief", str(QUAKE), "--no-progress"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    again = json.dumps(quake, ensure_ascii=False, indent=2) + "\n"
    assert out == again


def test_brief_of_an_unseen_story_reads_right(quake: dict[str, Any]) -> None:
    for s in quake["sources"]:
        for junk in (
            "Skip to navigation",
            "Advertisement",
            "3 min read",
            "Share this article",
            "Sign up for our newsletter",
            "Recommended Stories",
        ):
            assert junk not in s["text"]
        assert s["published"] == "2023-03-14"
    killed = [f for f in quake["figures"] if "killed" in f["topic"] or "dead" in f["topic"]]
    assert killed and all(f["status"] == "consistent" for f in killed)
    injured = [f for f in quake["figures"] if "injur" in f["topic"]]
    assert any(f["status"] == "conflict" for f in injured)
    first = quake["summary"][0]
    assert "earthquake" in first["text"].lower() and len(first["sources"]) >= 2
    names = {a.lower() for e in quake["entities"] for a in [e["name"], *e["aliases"]]}
    assert {"tomas halvorsen", "irena vasko"} <= names
    halvorsen = [e for e in quake["entities"] if e["name"] == "Tomas Halvorsen"]
    assert halvorsen and "Halvorsen" in halvorsen[0]["aliases"]
    quote = [q for q in quake["quotes"] if "every building" in q["text"]]
    assert quote and quote[0]["speaker"] == "Tomas Halvorsen" and len(quote[0]["sources"]) == 2
    monday = [t for t in quake["timeline"] if t["date"] == "2023-03-13"]
    assert monday and max(len(t["sources"]) for t in monday) >= 2
