"""The user's own editor, for a note written with `A`: which program, and running it safely.

The editor is the one the terminal convention names: $VISUAL, else $EDITOR. Whatever goes wrong
with it (unset, no such program, a non-zero exit, a failed run) is said in one line, for the
caller to fall back on the in-app editor with the text as it stands; and the terminal is always
handed back to the app first: a program that cannot start must never leave the screen blank.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import App, SuspendNotSupported

EDITOR_VARIABLES = ("VISUAL", "EDITOR")
"""Consulted in this order, as git, crontab and less do."""


@dataclass(frozen=True, slots=True)
class EditorCommand:
    """The user's editor as a command line, and where it came from (for messages)."""

    variable: str
    """'VISUAL' or 'EDITOR'."""
    argv: tuple[str, ...]
    """The program and its options; the file to edit goes last."""

    @property
    def label(self) -> str:
        """'$EDITOR (vim -u NONE)', for one-line messages."""
        return f"${self.variable} ({shlex.join(self.argv)})"


class EditorProblem(Exception):
    """The editor could not run (not found, not executable, interrupted)."""


def editor_command(environ: Mapping[str, str]) -> EditorCommand | str:
    """The editor $VISUAL or $EDITOR names, or one line saying why there is none to run."""
    for variable in EDITOR_VARIABLES:
        value = environ.get(variable, "").strip()
        if not value:
            continue
        try:
            argv = tuple(shlex.split(value))
        except ValueError as exc:
            return f"${variable} ({value}) cannot be read: {exc}"
        if not argv:
            continue
        if shutil.which(argv[0], path=environ.get("PATH", os.defpath)) is None:
            return f"${variable} names {argv[0]!r}, which is not an executable program"
        return EditorCommand(variable, argv)
    return "Neither $VISUAL nor $EDITOR is set"


def edit_text(
    app: App[Any], command: EditorCommand, original: str
) -> tuple[str | None, str | None]:
    """Run the editor on a temporary file holding `original`.

    Returns (the file's text afterwards, None) when the editor exited 0, else (whatever text
    there is, or None, and one line saying what went wrong). The file is always removed.
    """
    fd, name = tempfile.mkstemp(prefix="crosswire-note-", suffix=".md")
    path = Path(name)
    text: str | None = None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(original)
        status = _run_editor(app, [*command.argv, name])
        text = path.read_text(encoding="utf-8", errors="replace")
    except (OSError, EditorProblem, SuspendNotSupported) as exc:
        return text, f"Cannot run {command.label}: {exc}; writing the note here instead."
    finally:
        path.unlink(missing_ok=True)
    if status != 0:
        return text, f"{command.label} exited with status {status}; the text is in the app."
    return text, None


def _run_editor(app: App[Any], argv: list[str]) -> int:
    """Hand the terminal to the editor, wait for it, and take the terminal back.

    Whatever happens to the editor is caught inside the suspended block and raised only after
    the app has resumed: Textual's `suspend` resumes only when its block ends normally, and an
    exception escaping it leaves a blank screen that ignores every key. A headless app (tests,
    scripts) has no terminal to hand over and runs the command as is; anywhere else that cannot
    suspend (Textual Web) raises SuspendNotSupported.
    """
    try:
        with app.suspend():
            status, problem = _run_quietly(argv, headless=False)
    except SuspendNotSupported:
        if not app.is_headless:
            raise
        status, problem = _run_quietly(argv, headless=True)
    if problem is not None:
        raise EditorProblem(problem)
    return status


def _run_quietly(argv: list[str], *, headless: bool) -> tuple[int, str | None]:
    """Run `argv` to the end: (exit status, None), or (-1, why it could not run) without raising,
    even on ctrl+c, so the caller's suspended terminal is always resumed."""
    try:
        if headless:
            done = subprocess.run(argv, check=False, stdin=subprocess.DEVNULL, capture_output=True)
        else:
            done = subprocess.run(argv, check=False)
    except OSError as exc:
        return -1, exc.strerror or str(exc)
    except KeyboardInterrupt:
        return -1, "interrupted"
    return done.returncode, None
