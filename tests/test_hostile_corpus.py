"""A hostile corpus, written by the test, through every command as a real process: Rich markup,
CSI/OSC/DCS sequences, C1 controls, bidi overrides and isolates, zero-width characters, NUL,
invalid UTF-8, UTF-16 with a BOM, a 5 MB line, 100,000 one-word lines, hostile outlet names,
story title and file names. Each file is imported or refused in one line; no command shows a
traceback; no output carries a control byte, a bidi control or live HTML; a default export name
stays in the folder it was asked for."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

LEDE = "Japan and the United States agreed on Friday to expand cooperation on missiles."
BODY = "The agreement followed talks in Washington between the two defence ministers."

HOSTILE_TEXTS = {
    "markup.txt": f"[bold red]{LEDE}[/] [link=file:///etc/passwd]click[/link]\n"
    f"[@click=app.quit]{BODY}[/]\n",
    "escapes.txt": f"\x1b]0;pwned\x07{LEDE}\x1b[2J\x1b[H\n"
    f"\x1b]8;;http://evil.example\x1b\\{BODY}\x1b]8;;\x1b\\ \x1b]52;c;cHduZWQ=\x07"
    "\x1bP1$r0m\x1b\\ \x1b[10A\x1b[31mred\x1b[0m\n",
    "c1.txt": f"\x9b2J{LEDE}\x85\n{BODY}\x9d0;title\x9c\n",
    "bidi.txt": f"\u202e{LEDE}\u202c \u2066{BODY}\u2069 \u061c\u200f\n",
    "zero_width.txt": f"Ja\u200bpan\u200d and\u2060 the\ufeff United{LEDE[10:]}\n{BODY}\u00ad\n",
    "script.txt": f'{LEDE}\n<script>alert(1)</script> {BODY}\n=HYPERLINK("http://x")\n',
    "ctrl\x07name.txt": f"{LEDE}\n{BODY} From a file with a bell in its name.\n",
    "-dash.txt": f"{LEDE}\n{BODY} From a file named like an option.\n",
}
OUTLETS = {
    "markup.txt": "[bold]Wire[/bold]",
    "escapes.txt": "Evil\x1b]0;x\x07 News",
    "bidi.txt": "\u202eswen\u202c Daily",
    "c1.txt": "Line\nBreak\tTimes",
}
STORY = "Missiles \x1b[2J\u202eagreement\u202c [red]../../etc[/red]"


def _write_corpus(folder: Path) -> None:
    folder.mkdir()
    for name, text in HOSTILE_TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "nul.txt").write_bytes(b"Japan\x00\x00\x00 and\x00 the US\x00" * 20)
    (folder / "invalid_utf8.txt").write_bytes(
        f"{LEDE}\n".encode() + b"\xff\xfe\x80 broken " + f"{BODY} caf\u00e9\n".encode()
    )
    (folder / "utf16.txt").write_bytes(f"{LEDE}\n{BODY} In UTF-16.\n".encode("utf-16"))
    rng = random.Random(7)
    words = ["Japan", "missile", "Tokyo", "agreement", "drills", "minister", "talks"]
    huge = " ".join(rng.choice(words) for _ in range(800_000))[:5_000_000]
    (folder / "huge_line.txt").write_text(f"{LEDE}\n{huge}.\n", encoding="utf-8")
    many = "\n".join(rng.choice(words) for _ in range(100_000))
    (folder / "many_lines.txt").write_text(f"{LEDE}\n{many}\n", encoding="utf-8")
    manifest = {
        "story": STORY,
        "files": {name: {"outlet": outlet} for name, outlet in OUTLETS.items()},
    }
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


_UNSAFE = {chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]} | set(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def _assert_clean(what: str, output: str) -> None:
    found = sorted({f"U+{ord(ch):04X}" for ch in output if ch in _UNSAFE})
    assert not found, f"{what}: control characters reached the output: {found}"
    assert "Traceback" not in output, f"{what}: a traceback"


@pytest.fixture(scope="module")
def corpus_library(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("hostile")
    folder = base / "corpus"
    _write_corpus(folder)
    return base / "library", folder


def _run(home: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "--library", str(home), *args],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "COLUMNS": "160"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
        check=False,
        cwd=cwd,
    )


def test_the_hostile_corpus_goes_through_every_command_safely(
    corpus_library: tuple[Path, Path], tmp_path: Path
) -> None:
    home, folder = corpus_library
    imported = _run(home, "import", str(folder))
    assert imported.returncode == 0, imported.stderr
    _assert_clean("import stdout", imported.stdout)
    _assert_clean("import stderr", imported.stderr)
    problems = imported.stderr.strip().splitlines()
    assert any("nul.txt" in line and "binary" in line for line in problems), problems
    assert any("invalid_utf8.txt" in line and "not UTF-8" in line for line in problems), problems
    assert len(problems) == 2, problems
    stories = json.loads(_run(home, "stories", "--json").stdout)["stories"]
    (story,) = stories
    assert "\x1b" not in story["title"] and "\u202e" not in story["title"]
    assert story["articles"] == len(HOSTILE_TEXTS) + 4  # all but the NUL file
    story_id = story["id"]
    runs = {
        "stories": _run(home, "stories"),
        "compare": _run(home, "compare", story_id),
        "compare --json": _run(home, "compare", story_id, "--json"),
        "notes": _run(home, "notes"),
        "doctor": _run(home, "doctor"),
    }
    for fmt in ("md", "csv", "json", "html"):
        runs[f"export {fmt}"] = _run(home, "export", story_id, "--format", fmt, "-o", "-")
    for what, done in runs.items():
        assert done.returncode == 0, (what, done.stderr[-500:])
        _assert_clean(f"{what} stdout", done.stdout)
        _assert_clean(f"{what} stderr", done.stderr)
    html = runs["export html"].stdout
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "=HYPERLINK" not in runs["export csv"].stdout.replace("'=HYPERLINK", "")

    out = tmp_path / "out"
    out.mkdir()
    named = _run(home, "export", story_id, "--format", "md", cwd=out)
    assert named.returncode == 0, named.stderr
    (written,) = list(out.iterdir())
    assert written.parent == out and ".." not in written.name
    assert not [p for p in tmp_path.iterdir() if p.name != "out"]


PWNED_MARKS = (b"pwned", b"cHduZWQ", b"evil.example", b"\x1b]52", b"\x1b]0;", b"\x1bP")
"""What the corpus hides in escape sequences: none of it may reach the terminal."""
UNSAFE_ENCODED = tuple(ch.encode() for ch in "\x85\x9b\x9c\x9d\u202e\u2066\u2069\u061c\u200f")
"""C1 controls and bidi controls as the app would write them (UTF-8)."""


def _app_bytes(home: Path) -> bytes:
    """Every byte the app writes on a 120x36 pseudo-terminal, from start until the story is
    drawn and `q` has quit it."""
    import fcntl
    import select
    import struct
    import termios
    import time

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
    app = subprocess.Popen(
        [sys.executable, "-m", "tui", "--library", str(home)],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "TERM": "xterm-256color"},
        stdin=slave,
        stdout=slave,
        stderr=slave,  # Textual draws on stderr
        start_new_session=True,
    )
    os.close(slave)
    written = bytearray()
    deadline = time.monotonic() + 90
    sent_quit = False
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the app closed the terminal
                    break
                if not chunk:
                    break
                written += chunk
            # The story is on screen once Sources shows its outlets: then quit.
            if not sent_quit and b"sentences" in written and b"outlets" in written:
                time.sleep(1.0)
                os.write(master, b"q")
                sent_quit = True
            if app.poll() is not None and not ready:
                break
    finally:
        if app.poll() is None:
            app.kill()
        app.wait(timeout=30)
        os.close(master)
    data = bytes(written)
    assert sent_quit, "the app showed the story"
    assert app.returncode == 0, data[-2000:]
    return data


def _assert_nothing_hidden_reached(data: bytes) -> None:
    for mark in (*PWNED_MARKS, *UNSAFE_ENCODED):
        assert mark not in data, f"{mark!r} reached the terminal"


def test_the_bytes_the_app_writes_carry_nothing_the_corpus_hid(
    corpus_library: tuple[Path, Path],
) -> None:
    """The app on a real pseudo-terminal, opened on the hostile story: none of the hidden
    payloads, C1 or bidi controls is among the bytes it writes."""
    home, folder = corpus_library
    if not (home / "library.json").exists():
        assert _run(home, "import", str(folder)).returncode == 0
    data = _app_bytes(home)
    assert b"Missiles" in data and b"[bold]Wire" in data, "the hostile story was drawn"
    _assert_nothing_hidden_reached(data)


def test_names_an_older_library_stored_raw_reach_the_terminal_drawn_not_acted_on(
    corpus_library: tuple[Path, Path], tmp_path: Path
) -> None:
    """A library written before names were cleaned (or edited by hand) may hold escapes and bidi
    controls in a story title and an outlet: the app draws them as visible marks."""
    import shutil

    home, folder = corpus_library
    if not (home / "library.json").exists():
        assert _run(home, "import", str(folder)).returncode == 0
    old = tmp_path / "older"
    shutil.copytree(home, old)
    index = json.loads((old / "library.json").read_text(encoding="utf-8"))
    story = next(iter(index["stories"].values()))
    story["title"] = "Missiles \x1b]0;pwned\x07 \u202egnilaed\u202c"
    story["articles"][0]["outlet"] = "Out\x1b]52;c;cHduZWQ=\x07let \u2066Wire\u2069"
    (old / "library.json").write_text(json.dumps(index), encoding="utf-8")
    data = _app_bytes(old)
    assert b"\x1b]0;" not in data and b"\x1b]52" not in data
    for mark in UNSAFE_ENCODED:
        assert mark not in data, f"{mark!r} reached the terminal"
