"""Splitting raw article text into sentences whose spans point back into the raw text.

Scraped text is split on newlines first, then each line into sentences with syntok: headlines and
list items carry no full stop, and every splitter glues them onto the next sentence otherwise.
syntok was measured best on the seeds (15/15 tricky cases such as 'U.S.', 'Japan-U.S.', 'Jan. 15',
quotes and 'P.Serra--PC'; see FIELD-NOTES) and it is linear in the length of a line.

Spans index the stored raw text (`core.textio`), which may still hold terminal escape sequences and
control characters. Before splitting, those are masked with spaces of the same length, so offsets
stay exact while syntok never sees them and sentence *text* never carries them (text from the web
must be safe to put on a terminal). A leading list bullet ('- ', '• ') is masked the same way: it is
layout, not part of the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from syntok import segmenter  # type: ignore[import-untyped]
from syntok.tokenizer import Tokenizer  # type: ignore[import-untyped]

from tui.core.models import Sentence, SentenceKind

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), other two-byte ESC sequences, and the 8-bit
# CSI/OSC introducers. OSC first: its payload may contain '[' and would otherwise half-match CSI.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c)?"
    r"|\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 and C1 controls, DEL, and invisible format characters that would move the terminal cursor
# or reorder text (bidi overrides); tab and newline are handled as whitespace.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACING_CONTROL = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]")
_LEADING_BULLET = re.compile(r"^(\s*)([-\u2013\u2022*\u00b7\u25aa\u25cf])\s+(?=\S)")
_WHITESPACE = re.compile(r"\s+")

_TOKENIZER = Tokenizer(replace_not_contraction=False)


def mask_unsafe(text: str) -> str:
    """Replace escape sequences and control characters with spaces of the same total length."""

    def blank(match: re.Match[str]) -> str:
        return " " * len(match.group(0))

    return _CONTROL.sub(blank, _ESCAPE_SEQUENCE.sub(blank, text))


def display_text(text: str) -> str:
    """Text safe to show on a terminal: escapes and controls removed, whitespace folded.

    Escapes are deleted rather than blanked, so 'storm \\x1b[31mgrew\\x1b[0m,' reads 'storm grew,'.
    """
    text = _ESCAPE_SEQUENCE.sub("", _SPACING_CONTROL.sub(" ", text))
    return _WHITESPACE.sub(" ", _CONTROL.sub("", text)).strip()


def line_spans(raw: str) -> list[tuple[int, int]]:
    """(start, end) of every line of `raw`, newline excluded; line n is the n-th element."""
    spans: list[tuple[int, int]] = []
    start = 0
    for piece in raw.split("\n"):
        spans.append((start, start + len(piece)))
        start += len(piece) + 1
    return spans


def split_sentences(raw: str) -> list[tuple[int, int]]:
    """Sentence spans over every non-blank line of `raw`, in order."""
    spans: list[tuple[int, int]] = []
    for start, end in line_spans(raw):
        spans.extend(_split_line(raw, start, end))
    return spans


def sentences_for_lines(
    raw: str, lines: Sequence[int], kinds: Mapping[int, SentenceKind]
) -> tuple[Sentence, ...]:
    """Sentences of the given 0-based raw lines, numbered from 0 in the order given.

    `kinds` names the kind of each line (title, heading); lines not in it are body text. A line
    number past the end of `raw` is ignored.
    """
    all_lines = line_spans(raw)
    sentences: list[Sentence] = []
    for line in lines:
        if not 0 <= line < len(all_lines):
            continue
        kind = kinds.get(line, "body")
        line_start, line_end = all_lines[line]
        for start, end in _split_line(raw, line_start, line_end):
            text = display_text(raw[start:end])
            sentences.append(Sentence(len(sentences), text, start, end, line, kind))
    return tuple(sentences)


def _split_line(raw: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    masked = mask_unsafe(raw[start:end])
    masked = _LEADING_BULLET.sub(lambda m: m.group(1) + " " * (m.end() - m.end(1)), masked)
    if not masked.strip():
        return
    for tokens in segmenter.segment(_TOKENIZER.tokenize(masked)):
        if not tokens:
            continue
        first, last = tokens[0], tokens[-1]
        span_start = start + first.offset
        span_end = start + last.offset + len(last.value)
        if masked[first.offset : last.offset + len(last.value)].strip():
            yield span_start, span_end
