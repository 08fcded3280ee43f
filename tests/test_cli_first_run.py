"""A first run in the CLI adds the bundled story whatever the command, as the app does."""

from __future__ import annotations

import json

import pytest

from tests.conftest import RunCli


@pytest.mark.parametrize(
    "args",
    [("stories", "--json"), ("compare", "--json"), ("notes", "--json"), ("export", "-o", "-")],
)
def test_first_command_on_empty_library_sees_bundled_story(
    run_cli: RunCli, args: tuple[str, ...]
) -> None:
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    assert "first run, added the example story" in result.stderr
    assert result.stdout.strip()
    if "--json" in args:
        json.loads(result.stdout)


def test_first_run_happens_once(run_cli: RunCli) -> None:
    run_cli("stories", "--json")
    again = run_cli("stories", "--json")
    assert "first run" not in again.stderr
    assert len(json.loads(again.stdout)["stories"]) == 1
