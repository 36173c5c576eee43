"""Every command has help text and is documented in the README."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import ROOT

from storyweave.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_has_help_and_docs(name: str) -> None:
    command = main.commands[name]
    assert command.help and len(command.help.split()) >= 5, f"{name} needs a help text"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output
    assert f"storyweave {name}" in README, f"README does not document `storyweave {name}`"


def test_readme_has_exactly_two_setup_commands_and_ci_runs_the_test_one() -> None:
    setup = README.split("## Set up and run")[1].split("\n## ")[0]
    blocks = [b.split("```")[0].strip() for b in setup.split("```sh\n")[1:]]
    assert len(blocks) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1] in ci
    assert "storyweave brief examples/seed-story" in blocks[0]
