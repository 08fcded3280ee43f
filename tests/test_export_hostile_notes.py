"""What a user types is as hostile as web text: no escape sequence, control, bidi or
zero-width character leaves crosswire in an export or on the terminal, and no note becomes live
HTML in the Markdown memo."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT
from tui.core.export.writer import export_story
from tui.core.notes.annotations import Annotations
from tui.core.notes.types import Target
from tui.core.reader.story import StoryReader
from tui.core.store.library import Library

HOSTILE_NOTE = (
    "Title set \x1b]0;pwned\x07 and clipboard \x1b]52;c;ZXZpbA==\x07 and cursor \x1b[2J\x1b[H.\n"
    "Second paragraph <script>alert(1)</script> with \u202eevil\u202c and zero\u200bwidth."
)
HOSTILE_TAG = "<b>tag</b>"  # tags with control characters are refused when written
FORBIDDEN = ("\x1b", "\x07", "\u202e", "\u202c", "\u200b", "\u2066", "\u2069", "\x9b")


@pytest.fixture
def annotated(seeded: tuple[Library, str]) -> tuple[Library, str]:
    library, story_id = seeded
    article = library.articles(story_id)[0]
    store = Annotations(library.home)
    target = Target.sentence(story_id, article.id, 0)
    context = dict(
        quote=article.sentences[0].text,
        outlet=article.outlet,
        story_title=library.get_story(story_id).title,
    )
    store.add_tags(target, [HOSTILE_TAG], **context)
    store.add_note(target, HOSTILE_NOTE, **context)
    return library, story_id


@pytest.mark.parametrize("fmt", ["md", "json", "csv", "html"])
def test_no_control_character_reaches_an_export(
    annotated: tuple[Library, str], fmt: str
) -> None:
    library, story_id = annotated
    text = export_story(
        StoryReader(library).open(story_id), Annotations(library.home), fmt=fmt  # type: ignore[arg-type]
    )
    assert not any(bad in text for bad in FORBIDDEN), fmt
    assert "\\u001b" not in text and "\\u202e" not in text, "not even escaped in JSON"
    if fmt == "md":
        assert "<script>" not in text and "&lt;script&gt;" in text
        assert "Second paragraph" in text, "the note's paragraphs are kept"
    if fmt == "html":
        assert "<script>alert" not in text
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert any("Second paragraph" in cell for row in rows for cell in row)
    if fmt == "json":
        json.loads(text)


def test_export_to_the_terminal_sends_no_escape(annotated: tuple[Library, str]) -> None:
    library, _ = annotated
    out = subprocess.run(
        [sys.executable, "-m", "tui", "--library", str(library.home), "export", "--format", "md",
         "-o", "-"],
        capture_output=True,
        env={"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin"},
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert b"\x1b" not in out.stdout and b"\x07" not in out.stdout
    assert "\u202e".encode() not in out.stdout
