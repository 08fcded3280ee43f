"""The app notices another process's writes: an import or a tag in another terminal shows on
screen within a poll, the reader keeps their place, and nothing the app writes afterwards undoes
what the other process wrote (two real processes, the app driven by a Pilot)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from textual.pilot import Pilot

from tests.app_data import running_main
from tests.conftest import REPO_ROOT
from tui.core.models import SentenceRef
from tui.core.notes.annotations import Target
from tui.core.store.library import Library
from tui.screens.main import STORE_POLL_SECONDS


def _other_process(home: Path, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--library", str(home), *args],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr


async def _until(pilot: Pilot[None], ready: object, seconds: float = 20.0) -> None:
    waited = 0.0
    while not ready():  # type: ignore[operator]
        assert waited < seconds, "the app did not show the other process's write"
        await pilot.pause(0.1)
        waited += 0.1


async def test_an_import_and_a_tag_in_another_terminal_show_without_losing_the_place(
    seeded: tuple[Library, str], seed_paths: list[Path], tmp_path: Path
) -> None:
    library, story_id = seeded
    extra = tmp_path / "wire.txt"
    extra.write_text(
        seed_paths[2].read_text(encoding="utf-8") + "\nA late paragraph only this wire carries.\n",
        encoding="utf-8",
    )
    async with running_main(library, story_id) as (_, pilot, main):
        second = library.articles(story_id)[1]
        main.jump_to(SentenceRef(second.id, 2))
        await pilot.pause()
        place = main.cursor
        assert place == SentenceRef(second.id, 2)

        _other_process(
            library.home, "import", str(extra), "--story", story_id, "--outlet", "Late Wire"
        )
        await _until(
            pilot, lambda: len(main.articles) == 6 and not main.query_one("#panes").loading
        )
        assert "Late Wire" in {a.outlet for a in main.articles.values()}
        assert main.cursor == place, "the reader's place is kept"

        before = main.annotation_marks
        # --sentence takes the number shown in the app: 3 is the sentence of index 2.
        _other_process(
            library.home, "tag", story_id, "--article", second.id, "--sentence", "3", "theirs"
        )
        await _until(pilot, lambda: main.annotation_marks != before)

        # The app's own write, after theirs, keeps theirs.
        store = main.annotator.store()
        assert store is not None
        store.add_tags(
            Target.sentence(story_id, second.id, 2),
            ["mine"],
            quote=second.sentences[2].text,
            outlet=second.outlet,
            story_title=library.get_story(story_id).title,
        )
        await pilot.pause(STORE_POLL_SECONDS)
    saved = json.loads((library.home / "annotations.json").read_text(encoding="utf-8"))
    (annotation,) = saved["annotations"].values()
    assert sorted(annotation["tags"]) == ["mine", "theirs"]
