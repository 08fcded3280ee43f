"""UTF-8 with a stray bad byte stays UTF-8 (the byte replaced and the file named in one line),
another encoding is still read as itself, and invisible characters leave the cleaned text while
the raw text keeps every one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tui.core.ingest.clean import clean_text
from tui.core.text.textio import read_text_file, read_text_file_noted

BODY = (
    "Japan’s defence minister met his US counterpart in Washington on Friday.\n"
    "The two sides agreed to expand cooperation on missiles — and on drills in the Pacific.\n"
)


def test_one_stray_byte_leaves_utf8_text_as_utf8_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    data = BODY.encode("utf-8")
    path.write_bytes(data[:40] + b"\xff" + data[40:])
    text, note = read_text_file_noted(path)
    assert "Japan’s" in text and "—" in text and "Japanâ" not in text
    assert text.count("\ufffd") == 1
    assert note == f"{path}: 1 byte that is not UTF-8 replaced with \ufffd"


def test_a_cp1252_file_is_read_as_cp1252_without_a_note(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(BODY.encode("cp1252"))
    text, note = read_text_file_noted(path)
    assert text == BODY and note is None


def test_clean_utf8_has_no_note(tmp_path: Path) -> None:
    path = tmp_path / "fine.txt"
    path.write_text(BODY, encoding="utf-8")
    assert read_text_file_noted(path) == (BODY, None)


def test_import_prints_one_line_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    data = BODY.encode("utf-8")
    path.write_bytes(data[:40] + b"\xfe\xff" + data[40:])
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--library", str(tmp_path / "lib"), "import", str(path)],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"{path}: 2 bytes that are not UTF-8 replaced with \ufffd"
    ]


@pytest.mark.parametrize(
    "invisible",
    ["\u2060", "\u00ad", "\u180e", "\u034f", "\U000e0041\U000e0042\U000e007f"],
    ids=["word-joiner", "soft-hyphen", "mongolian-vowel-separator", "grapheme-joiner", "tags"],
)
def test_invisible_characters_leave_the_cleaned_text_and_stay_in_the_raw(
    tmp_path: Path, invisible: str
) -> None:
    raw = BODY.replace("cooperation", f"coop{invisible}eration").replace(
        "Washington", f"Washing{invisible}ton"
    )
    path = tmp_path / "hidden.txt"
    path.write_text(raw, encoding="utf-8")
    stored = read_text_file(path)
    assert stored == raw, "the raw text keeps its bytes"
    cleaned = clean_text(stored)
    texts = " ".join(s.text for s in cleaned.sentences)
    assert invisible[0] not in texts and invisible[0] not in cleaned.text
    assert "cooperation" in texts and "Washington" in texts
    for sentence in cleaned.sentences:
        assert invisible[0] not in sentence.text
        assert stored[sentence.start : sentence.end].replace(invisible, "") == sentence.text
