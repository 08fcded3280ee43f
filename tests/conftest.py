"""Fixtures every test module may use: a fresh library folder, the seed pages, a real CLI run."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

pytest_plugins = ["tests.web_server"]  # the `web` fixture: a local HTTP server

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO_ROOT / "seeds"

RunCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def library_home(tmp_path: Path) -> Path:
    """A library folder that does not exist yet (crosswire creates it)."""
    return tmp_path / "library"


@pytest.fixture
def seed_paths() -> list[Path]:
    """The five bundled seed pages, in file-name order."""
    return sorted(SEEDS_DIR.glob("*.txt"))


@pytest.fixture
def run_cli(library_home: Path) -> RunCli:
    """Run `python -m tui ARGS...` as a real process with CROSSWIRE_HOME=library_home.

    `env=` adds or overrides variables; the result is the CompletedProcess with text output.
    """

    def run(
        *args: str | Path, env: Mapping[str, str] | None = None, timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        full_env = {
            **os.environ,
            "PYTHONPATH": str(REPO_ROOT),
            "CROSSWIRE_HOME": str(library_home),
            "COLUMNS": "200",
            "NO_COLOR": "1",
            **(env or {}),
        }
        return subprocess.run(
            [sys.executable, "-m", "tui", *map(str, args)],
            env=full_env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    return run


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[Any, str]:
    """A library holding the bundled story, imported for real: (library, story id)."""
    from tests.app_data import seeded_library

    library, story = seeded_library(tmp_path / "library")
    return library, story.id
