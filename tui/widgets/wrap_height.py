"""How many lines a row of plain text wraps to, fast enough to measure 80,000 rows.

Textual measures a row by wrapping and formatting its whole Content (~100 us a sentence); a list
that must know the height of every row above the last (`G` in an article of 79,000 sentences)
spent seconds on it. The height alone needs only where the lines break: this module counts them
as Textual does (rich's `divide_line`: words with their trailing spaces, greedy, a word longer
than the line folded), with a quick loop for plain ASCII text and rich's own function otherwise.
tests/test_wrap_height.py checks it against `Content.get_height`.
"""

from __future__ import annotations

import re

from rich._wrap import divide_line
from rich.cells import cell_len

__all__ = ["wrapped_height"]

_WORD = re.compile(r"\s*\S+\s*")
_PLAIN = re.compile(r"[ -~]*")
"""Printable ASCII, one cell a character (no tab, newline or control)."""
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""Characters Textual renders its own way (rows never hold them: `safe_text`)."""


def _line_count(line: str, width: int) -> int:
    if len(line) <= width and (_PLAIN.fullmatch(line) or cell_len(line) <= width):
        return 1  # every word fits: no break (a wide character takes two cells)
    if not _PLAIN.fullmatch(line):
        return len(divide_line(line, width, fold=True)) + 1
    if "  " not in line and line[0] != " " and line[-1] != " ":
        # Words one space apart: each takes its length and the space after it.
        count, offset = 1, 0
        for length in map(len, line.split(" ")):
            if width - offset >= length:
                offset += length + 1
            elif length > width:
                return len(divide_line(line, width, fold=True)) + 1
            else:
                count += 1
                offset = length + 1
        return count
    count, offset = 1, 0
    for match in _WORD.finditer(line):
        word = match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # folded across lines: rich's own way
            return len(divide_line(line, width, fold=True)) + 1
        elif offset and match.start():
            count += 1
            offset = len(word)
    return count


def wrapped_height(text: str, width: int) -> int | None:
    """Lines `text` takes wrapped at `width` cells with words folded (Textual's default: wrap,
    fold, no line padding), one or more per line of the text; None for text with a tab or a
    control character, which only Textual's own measure gets right."""
    if _CONTROL.search(text):
        return None
    width = max(1, width)
    if "\n" not in text:
        return _line_count(text, width)
    return sum(_line_count(line, width) for line in text.split("\n"))
