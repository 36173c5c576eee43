"""The store's commands through the CLI: JSON shapes, exit codes, errors, help."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from test_store import (  # the invented articles and the minimal clusterer
    engines_available,  # noqa: F401  (autouse fixture)
    flat,
    invent_stories,
    write_jsonl,
)

from storyweave.cli import main

STORE_COMMANDS = ("ingest", "stories", "search")


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "news.jsonl", flat(invent_stories(6, seed=4)))


@pytest.fixture()
def db(tmp_path: Path, corpus: Path) -> Path:
    path = tmp_path / "news.db"
    code, _, err = invoke("ingest", str(corpus), "--db", str(path))
    assert code == 0, err
    return path


def test_ingest_prints_a_summary_and_is_idempotent(tmp_path: Path, corpus: Path) -> None:
    path = tmp_path / "news.db"
    code, out, _ = invoke("ingest", str(corpus), str(tmp_path / "gone.txt"), "--db", str(path))
    assert code == 0
    first = json.loads(out)
    n = len(corpus.read_text().splitlines())
    assert first["read"] == n and first["added"] + first["near_copies"] == n
    assert first["duplicates"] == first["already_stored"] + first["near_copies"]
    assert first["rejected"] == 1
    assert first["rejected_inputs"][0]["reason"] == "missing"
    assert first["stories_touched"] == len(first["touched_story_ids"]) >= 1
    assert first["stories_new"] == first["stories_touched"]

    code, out, _ = invoke("ingest", str(corpus), "--db", str(path), "--reread")
    second = json.loads(out)
    assert code == 0
    assert (second["added"], second["already_stored"], second["stories_touched"]) == (0, n, 0)
    code, out, _ = invoke("ingest", str(corpus), "--db", str(path))  # the file is unchanged
    third = json.loads(out)
    assert code == 0
    assert (third["read"], third["files_unchanged"], third["stories_touched"]) == (0, 1, 0)


def test_ingest_without_any_usable_article_exits_1(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    code, out, err = invoke("ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "x.db"))
    assert code == 1
    assert json.loads(out)["rejected"] == 1
    assert json.loads(err.strip().splitlines()[-1])["error"] == "E001"


def test_stories_lists_every_story_in_json_and_markdown(db: Path, corpus: Path) -> None:
    code, out, _ = invoke("stories", "--db", str(db))
    assert code == 0
    stories = json.loads(out)["stories"]
    assert sum(s["articles"] for s in stories) == len(corpus.read_text().splitlines())
    for story in stories:
        assert set(story) == {
            "id",
            "headline",
            "articles",
            "independent_sources",
            "first_published",
            "last_published",
            "version",
        }
        assert story["headline"] and story["version"] == 1
        assert story["first_published"] <= story["last_published"]

    code, out, _ = invoke("stories", "--db", str(db), "--format", "md", "--limit", "2")
    lines = out.strip().splitlines()
    assert code == 0 and lines[0].startswith("| id | headline |") and len(lines) == 4
    assert stories[0]["id"] in lines[2]


def test_stories_between_two_dates_are_those_with_a_report_in_between(db: Path) -> None:
    everything = json.loads(invoke("stories", "--db", str(db))[1])["stories"]
    since, until = "2031-03-06", "2031-03-12"
    code, out, _ = invoke("stories", "--db", str(db), "--since", since, "--until", until)
    assert code == 0
    listed = {s["id"] for s in json.loads(out)["stories"]}
    expected = {
        s["id"]
        for s in everything
        if s["last_published"][:10] >= since and s["first_published"][:10] <= until
    }
    assert listed == expected and 0 < len(listed) < len(everything)
    code, _, err = invoke("stories", "--db", str(db), "--since", "March 6")
    assert code == 2 and "YYYY-MM-DD" in invoke("stories", "--help")[1]


def test_search_returns_hits_with_their_story(db: Path) -> None:
    code, out, _ = invoke("search", "bus", "drivers", "--db", str(db))
    assert code == 0
    result = json.loads(out)
    assert result["query"] == "bus drivers" and result["hits"]
    hit = result["hits"][0]
    assert set(hit) == {"article_id", "title", "outlet", "story_id", "snippet", "score"}
    assert "bus" in hit["snippet"].lower() and hit["story_id"]
    _, stories, _ = invoke("stories", "--db", str(db))
    assert hit["story_id"] in {s["id"] for s in json.loads(stories)["stories"]}

    code, _, err = invoke("search", "bus AND (", "--raw", "--db", str(db))
    assert code == 2 and json.loads(err)["error"] == "E103"


def test_search_by_story_gives_each_story_once_with_its_matches(db: Path) -> None:
    code, out, _ = invoke("search", "bus", "drivers", "--db", str(db))
    article_hits = json.loads(out)["hits"]
    code, out, _ = invoke("search", "bus", "drivers", "--stories", "--db", str(db))
    assert code == 0
    stories = json.loads(out)["stories"]
    ids = [s["story_id"] for s in stories]
    assert len(ids) == len(set(ids)) and ids[0] == article_hits[0]["story_id"]
    assert all(1 <= s["matching_articles"] <= s["articles"] for s in stories)
    assert [s["score"] for s in stories] == sorted(s["score"] for s in stories)
    per_story: dict[str, int] = {}
    for hit in json.loads(invoke("search", "bus drivers", "--limit", "500", "--db", str(db))[1])[
        "hits"
    ]:
        per_story[hit["story_id"]] = per_story.get(hit["story_id"], 0) + 1
    assert {s["story_id"]: s["matching_articles"] for s in stories} == per_story
    code, out, _ = invoke("search", "bus", "--stories", "--format", "md", "--db", str(db))
    assert code == 0 and out.startswith("| story | headline |")


def test_brief_of_a_stored_story(db: Path) -> None:
    _, out, _ = invoke("stories", "--db", str(db))
    story = min(json.loads(out)["stories"], key=lambda s: (s["articles"], s["id"]))
    code, out, err = invoke("brief", "--story", story["id"], "--db", str(db), "--format", "json")
    assert code == 0, err
    brief = json.loads(out)
    assert brief["story"]["id"] == story["id"]
    assert len(brief["sources"]) == story["articles"]
    again = invoke("brief", "--story", story["id"], "--db", str(db), "--format", "json")
    assert again[1] == out, "a stored brief is served byte for byte"


def test_errors_have_one_json_shape_and_exit_codes(tmp_path: Path, db: Path) -> None:
    missing = str(tmp_path / "absent.db")
    for command in (["stories"], ["search", "flood"]):
        code, out, err = invoke(*command, "--db", missing)
        assert code == 1 and out == ""
        assert json.loads(err) == {"error": "E101", "message": json.loads(err)["message"]}
        assert "storyweave ingest" in json.loads(err)["message"]
    code, _, err = invoke("brief", "--story", "st-nonexistent", "--db", str(db))
    assert code == 2 and json.loads(err)["error"] == "E102"
    assert invoke("stories", "--db", str(db), "--format", "xml")[0] == 2


def test_default_database_comes_from_the_environment(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STORYWEAVE_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert invoke("ingest", str(corpus))[0] == 0
    assert (tmp_path / "data" / "storyweave" / "storyweave.db").exists()
    monkeypatch.setenv("STORYWEAVE_DB", str(tmp_path / "chosen.db"))
    assert invoke("stories")[0] == 1, "the chosen database does not exist yet"


@pytest.mark.parametrize("name", STORE_COMMANDS)
def test_every_store_command_has_help(name: str) -> None:
    command = main.commands[name]
    assert isinstance(command, click.Command) and command.help and len(command.help) > 40
    code, out, _ = invoke(name, "--help")
    assert code == 0 and "--db" in out
    for param in command.params:
        if isinstance(param, click.Option) and param.name != "help":
            assert param.help, f"{name} --{param.name} has no help"
