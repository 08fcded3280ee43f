"""Reading scraped files: every encoding we meet decodes, every bad file gets one clear line."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.text.textio import UnreadableFile, normalise_newlines, read_text_file

ARTICLE = "Tokyo and Washington agreed on Friday \u2014 \u201cvery tough\u201d, said Koizumi.\n"


def _write(tmp_path: Path, data: bytes, name: str = "page.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _reason(path: Path, **options: int) -> str:
    with pytest.raises(UnreadableFile) as caught:
        read_text_file(path, **options)
    error = caught.value
    assert str(error) == f"{path}: {error.reason}"
    assert "\n" not in str(error)
    assert error.path == path
    return error.reason


@pytest.mark.parametrize(
    "data",
    [
        ARTICLE.encode("utf-8"),
        codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
        ARTICLE.encode("utf-16"),  # with BOM, native order
        codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
        ARTICLE.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "cp1252"],
)
def test_known_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes) -> None:
    assert read_text_file(_write(tmp_path, data)) == ARTICLE


def test_latin1_fallback_when_cp1252_cannot_decode(tmp_path: Path) -> None:
    # 0x81 is undefined in cp1252; Latin-1 reads it as a rare C1 control inside real text.
    data = "Caf\u00e9 in S\u00e3o Paulo reopened on Monday after repairs.".encode("latin-1")
    text = read_text_file(_write(tmp_path, data + b"\x81" + b" More text follows here." * 5))
    assert text.startswith("Caf\u00e9 in S\u00e3o Paulo")


def test_newlines_are_normalised_and_escapes_kept(tmp_path: Path) -> None:
    data = b"One.\r\nTwo.\rThree \x1b[31mred\x1b[0m [bold]x[/]\n"
    assert (
        read_text_file(_write(tmp_path, data))
        == "One.\nTwo.\nThree \x1b[31mred\x1b[0m [bold]x[/]\n"
    )


def test_missing_file(tmp_path: Path) -> None:
    assert _reason(tmp_path / "nope.txt") == "no such file"


def test_directory(tmp_path: Path) -> None:
    assert _reason(tmp_path) == "is a directory, not a text file"


def test_empty_file(tmp_path: Path) -> None:
    assert _reason(_write(tmp_path, b"")) == "empty file (0 bytes)"


def test_whitespace_only_file(tmp_path: Path) -> None:
    assert _reason(_write(tmp_path, b" \r\n\t\n  ")) == "empty file (only whitespace)"


def test_binary_with_nul_bytes(tmp_path: Path) -> None:
    assert _reason(_write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")) == (
        "binary file (contains NUL bytes)"
    )


def test_binary_made_of_control_characters(tmp_path: Path) -> None:
    reason = _reason(_write(tmp_path, bytes(range(1, 32)) * 50 + b"some text"))
    assert reason.startswith("binary file (") and "control characters" in reason


def test_too_large_names_size_and_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: no 50 MB written to disk
        handle.truncate(50_000_000)
    assert _reason(path) == "too large (50.0 MB; the limit is 10 MB)"
    assert _reason(_write(tmp_path, b"x" * 2000, "small.txt"), max_bytes=1000) == (
        "too large (2.0 KB; the limit is 1 KB)"
    )


def test_too_many_lines_names_count_and_limit(tmp_path: Path) -> None:
    # Lines counted as `wc -l` and editors count them: a final newline ends the last line.
    path = _write(tmp_path, b"a\n" * 200_001, "lines.txt")
    assert _reason(path) == "too many lines (200,001; the limit is 200,000)"
    assert read_text_file(path, max_lines=200_001).count("\n") == 200_001
    unterminated = _write(tmp_path, b"a\n" * 200_000 + b"a", "unterminated.txt")
    assert _reason(unterminated) == "too many lines (200,001; the limit is 200,000)"
    at_limit = _write(tmp_path, b"a\n" * 200_000, "at_limit.txt")
    assert read_text_file(at_limit).count("\n") == 200_000
    assert _reason(_write(tmp_path, b"a\nb\nc", "three.txt"), max_lines=2) == (
        "too many lines (3; the limit is 2)"
    )


def test_undecodable_bytes(tmp_path: Path) -> None:
    data = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 400
    assert _reason(_write(tmp_path, data)).startswith("undecodable")


def test_bad_utf16_with_bom(tmp_path: Path) -> None:
    assert _reason(_write(tmp_path, codecs.BOM_UTF16_LE + b"a\x00b")).startswith("undecodable")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_permission_denied(tmp_path: Path) -> None:
    path = _write(tmp_path, b"text")
    path.chmod(0)
    assert _reason(path) == "permission denied"


@settings(max_examples=60)
@given(text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"))))
def test_any_utf8_text_reads_back_newline_normalised(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    folder = tmp_path_factory.mktemp("prop")
    path = _write(folder, ("Headline\r\n" + text).encode("utf-8"))
    assert read_text_file(path) == normalise_newlines("Headline\r\n" + text)


@pytest.mark.parametrize(
    "mark", ["\u061c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202e", "\u2066",
             "\u2067", "\u2068", "\u2069", "\u200b", "\u200d", "\u2060", "\u180e", "\ufeff"]
)
def test_bidi_and_invisible_marks_never_reach_the_screen(mark: str) -> None:
    """The 'Trojan Source' marks: shown text never holds them, the raw text keeps its bytes."""
    from tui.core.text.safe_text import display_text, mask_unsafe

    raw = f"Officials said{mark} 45 people died."
    assert mark not in display_text(raw)
    masked = mask_unsafe(raw)
    assert mark not in masked and len(masked) == len(raw)
