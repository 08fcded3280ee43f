"""`crosswire completion bash|zsh|fish`, driven in the real shells against a real library.

Each test sources the printed script in a shell subprocess whose PATH finds this checkout's
`crosswire`, then runs the completion as the shell would on TAB.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO_ROOT

TITLE = "Taiwan hotel collapses after quake"


@pytest.fixture
def shell_env(tmp_path: Path, seeded: tuple[Any, str]) -> dict[str, str]:
    """PATH with a `crosswire` that runs this checkout; CROSSWIRE_HOME holding two stories."""
    library, _story_id = seeded
    library.create_story(TITLE)
    library.create_story("\x1b]0;pwned\x07Evil \u202e[bold]title")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "crosswire"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m tui "$@"\n')
    shim.chmod(0o755)
    return {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(REPO_ROOT),
        "CROSSWIRE_HOME": str(library.home),
    }


def bash_complete(env: dict[str, str], *words: str) -> list[str]:
    """COMPREPLY after TAB on `crosswire WORDS...` (the last word is the one being completed)."""
    array = " ".join(_bash_quote(word) for word in ("crosswire", *words))
    script = (
        "source <(crosswire completion bash) || exit 3\n"
        f"COMP_WORDS=({array}); COMP_CWORD={len(words)}\n"
        '_crosswire; printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(
        ["bash", "-c", script], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return [line for line in done.stdout.splitlines() if line]


def _bash_quote(word: str) -> str:
    return "'" + word.replace("'", "'\\''") + "'"


def test_bash_completes_commands_but_not_the_hidden_one(shell_env: dict[str, str]) -> None:
    assert bash_complete(shell_env, "st") == ["stories", "story"]
    everything = bash_complete(shell_env, "")
    assert {"import", "export", "help", "completion"} <= set(everything)
    assert not [name for name in everything if name.startswith("_")]
    assert bash_complete(shell_env, "feeds", "re") == ["refresh", "remove"]
    assert bash_complete(shell_env, "help", "comp") == ["compare", "completion"]


def test_bash_completes_options_and_their_choices(shell_env: dict[str, str]) -> None:
    assert bash_complete(shell_env, "export", "--a") == ["--all-drifts"]
    assert bash_complete(shell_env, "export", "-f", "h") == ["html"]
    assert bash_complete(shell_env, "completion", "") == ["bash", "fish", "zsh"]


def test_bash_completes_story_titles_as_one_word(shell_env: dict[str, str]) -> None:
    found = bash_complete(shell_env, "export", "Tai")
    assert found == ["Taiwan\\ hotel\\ collapses\\ after\\ quake"], "escaped: one shell word"
    assert bash_complete(shell_env, "export", "tai") == found, "any case"
    assert bash_complete(shell_env, "compare", "--json", '"Tai') == found
    everything = bash_complete(shell_env, "open", "")
    assert len(everything) == 3 and all("\x1b" not in title for title in everything)
    assert bash_complete(shell_env, "story", "rename", "Taiwan", "") == [], "TITLE is free text"


def test_bash_completes_outlets_of_the_story_on_the_line(shell_env: dict[str, str]) -> None:
    outlets = bash_complete(shell_env, "tag", "Japan", "--article", "")
    assert "TRT\\ World" in outlets and len(outlets) >= 3
    assert bash_complete(shell_env, "tag", "Japan", "--article", "TR") == ["TRT\\ World"]
    assert bash_complete(shell_env, "tag", TITLE, "--article", "") == [], "that story is empty"


def test_library_on_the_line_is_used_and_a_missing_one_is_not_created(
    shell_env: dict[str, str], tmp_path: Path
) -> None:
    library = shell_env["CROSSWIRE_HOME"]
    nowhere = tmp_path / "nowhere"
    env = {**shell_env, "CROSSWIRE_HOME": str(nowhere)}
    assert bash_complete(env, "export", "Tai") == []
    assert not nowhere.exists(), "a TAB never creates a library"
    assert bash_complete(env, "--library", library, "export", "Tai") != []
    assert bash_complete(env, "export", "--library", library, "Tai") != []
    assert bash_complete(env, "export", "--library", "=", library, "Tai") != [], "bash splits at ="


def test_fish_completes_through_its_own_machinery(shell_env: dict[str, str]) -> None:
    if shutil.which("fish") is None:
        pytest.skip("fish is not installed")
    script = "crosswire completion fish | source; complete -C 'crosswire export Tai'"
    done = subprocess.run(
        ["fish", "-c", script], env=shell_env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [TITLE]


def test_zsh_script_registers_its_completion_function(shell_env: dict[str, str]) -> None:
    if shutil.which("zsh") is None:
        pytest.skip("zsh is not installed")
    script = (
        "autoload -U compinit && compinit -u -D && source <(crosswire completion zsh) && "
        "print -r -- $_comps[crosswire]"
    )
    done = subprocess.run(
        ["zsh", "-f", "-c", script], env=shell_env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "_crosswire"


def test_an_unknown_shell_is_one_clear_line(shell_env: dict[str, str]) -> None:
    done = subprocess.run(
        ["crosswire", "completion", "tcsh"], env=shell_env, capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "invalid choice: 'tcsh'" in done.stderr and "Traceback" not in done.stderr
