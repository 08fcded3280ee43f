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
