"""A first run in the CLI adds the bundled story, as the app does, except for `import`.

`crosswire import` into a brand-new library brings the user's own story: the example is not added
then (and not later either, since the library is no longer empty).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, RunCli


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


def test_import_into_a_new_library_adds_only_the_users_story(
    run_cli: RunCli, tmp_path: Path
) -> None:
    page = tmp_path / "mine.txt"
    page.write_text(
        "Harbour reopens after storm\n"
        "Officials in Brightwater said on Monday that the harbour would reopen after repairs.\n",
        encoding="utf-8",
    )
    result = run_cli("import", page, "--story", "My harbour story")
    assert result.returncode == 0, result.stderr
    assert "first run" not in result.stderr
    later = run_cli("stories", "--json")
    assert "first run" not in later.stderr
    assert [s["title"] for s in json.loads(later.stdout)["stories"]] == ["My harbour story"]


def test_first_run_note_comes_before_the_commands_output(library_home: Path) -> None:
    """On a terminal both streams interleave: the note must lead, not trail the output."""
    result = subprocess.run(
        [sys.executable, "-m", "tui", "stories"],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "CROSSWIRE_HOME": str(library_home)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("crosswire: first run, added the example story")
