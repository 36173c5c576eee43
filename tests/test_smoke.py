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
