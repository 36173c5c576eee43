"""The brief command runs end to end on the bundled example."""

import json
from pathlib import Path

from click.testing import CliRunner

from storyweave.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-story"


def test_brief_json_on_seed_story_has_every_source() -> None:
    result = CliRunner().invoke(main, ["brief", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    assert brief["schema"] == "storyweave/brief@1"
    assert [s["input"] for s in brief["sources"]] == sorted(p.name for p in SEED.glob("*.txt"))


def test_brief_without_usable_input_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["brief", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1


def test_brief_of_unrelated_reports_warns_that_they_may_be_several_stories(
    tmp_path: Path,
) -> None:
    reports = {
        "bridge.txt": "The council of Kessel voted on Monday to rebuild the old river bridge. "
        "Work will start in May and cost 4 million, the mayor said.",
        "prize.txt": "The poet Anna Voss won the Harbour Prize for her third collection on "
        "Tuesday. The judges praised its clarity and wit.",
        "storm.txt": "A storm cut power to 20,000 homes in the north on Wednesday. Crews "
        "expect to restore supply by Friday, the grid operator said.",
        "market.txt": "Shares in shipping firms rose on Thursday after freight rates climbed "
        "for a third week. Analysts expect the rise to slow.",
    }
    for name, text in reports.items():
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["brief", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "4 of 4 reports share no fact with any other" in result.stderr
    assert json.loads(result.stdout)["sources"]  # the brief is still made
    seed = CliRunner().invoke(main, ["brief", str(SEED), "--format", "json"])
    assert "share no fact" not in seed.stderr
