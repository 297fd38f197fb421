"""The command line's parsing: --data-dir counts wherever it is given."""

from __future__ import annotations

from pathlib import Path

import pytest

from tooddoc_desk.cli import parser

COMMANDS = [
    ["export", "--from", "2025-03-01", "--to", "2025-03-31", "--out", "log.csv"],
    ["backup"],
    ["audit", "verify"],
    ["retention", "--manager", "Marc"],
    ["invite", "--to", "+32470123456"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: " ".join(command[:2]))
def test_the_data_folder_given_before_or_after_a_sub_command_is_used(command: list[str]) -> None:
    before = parser().parse_args(["--data-dir", "/srv/practice", *command])
    after = parser().parse_args([*command, "--data-dir", "/srv/practice"])
    assert before.data_dir == after.data_dir == Path("/srv/practice")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: " ".join(command[:2]))
def test_without_a_data_folder_the_default_is_used(command: list[str]) -> None:
    assert parser().parse_args(command).data_dir is None


def test_the_app_itself_takes_a_data_folder() -> None:
    assert parser().parse_args(["--data-dir", "/srv/practice"]).data_dir == Path("/srv/practice")
