"""A config.toml with escape sequences in keymap keys, binding ids or setting names: every notice
and every error line that quotes them reaches the terminal without a single control byte."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT
from tui.core.store.config import load_config
from tui.core.store.library import Library

TITLE_SET = "\\u001b]0;pwned\\u0007"
CLIPBOARD = "\\u001b]52;c;cHduZWQ=\\u0007"
CLEAR = "\\u001b[2J\\u001b[H"


async def test_keymap_notices_quote_hostile_keys_and_ids_safely(
    seeded: tuple[Library, str],
) -> None:
    from tui.app import CrosswireApp

    library, story_id = seeded
    (library.home / "config.toml").write_text(
        "[keymap]\n"
        f'"cursor.down" = "{TITLE_SET}j"\n'
        f'"view.matrix{CLIPBOARD}" = "x"\n'
        f'"{CLEAR}nothing" = "y"\n',
        encoding="utf-8",
    )
    config = load_config(library.home)
    app = CrosswireApp(library, story_id=story_id, config=config)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause(0.2)
        messages = [(str(n.title), str(n.message)) for n in app._notifications]
    assert messages, "the bad keymap entries are reported"
    for title, message in messages:
        assert not any(
            ord(ch) < 32 and ch != "\n" or 0x7F <= ord(ch) <= 0x9F for ch in title + message
        )
    assert any("nothing" in message for _, message in messages)


def test_a_hostile_setting_name_is_one_clean_line_on_stderr(tmp_path: Path) -> None:
    home = tmp_path / "library"
    Library(home)
    (home / "config.toml").write_text(f'[settings]\n"{TITLE_SET}theme" = 1\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--library", str(home)],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert b"\x1b" not in done.stderr and b"\x07" not in done.stderr
    assert b"is not a setting" in done.stderr
