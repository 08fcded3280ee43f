"""Making text from files safe to put on a terminal: one definition for article text and names.

Scraped pages, manifests, file names and command-line flags can all carry terminal escape
sequences (colour codes, 'set the window title', 'clear the screen'), C0/C1 control characters and
bidi overrides that reorder what a reader sees. Article text (`core.ingest.segment`, `core.ingest.clean`) and
the names stored beside it (outlet, story title, URL; `core.store.importer`) are cleaned with the same
rules, and the CLI cleans every stored name again when printing it, so a library written before
names were cleaned is still printed safely. Markup-looking text ('[bold]') is left alone: it is
data, and the faces print it literally.

Kept free of syntok and the rest of the pipeline so that the CLI can import it cheaply.
"""

from __future__ import annotations

import re

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), other two-byte ESC sequences, and the 8-bit
# CSI/OSC introducers. OSC first: its payload may contain '[' and would otherwise half-match CSI.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c)?"
    r"|\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 and C1 controls, DEL, and invisible format characters that would move the terminal cursor,
# reorder text or hide in a word: bidi marks, embeddings, overrides and isolates (U+061C,
# U+200E-F, U+202A-E, U+2066-9), zero-width ones (U+180E, U+200B-D, U+2060-4, U+FEFF), the soft
# hyphen (U+00AD), the combining grapheme joiner (U+034F) and tag characters (U+E0000-E007F,
# which can spell hidden text); tab and newline are handled as whitespace.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e"
    r"\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f]"
)
_SPACING_CONTROL = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]")


def may_hold_escape(text: str) -> bool:
    """Whether any escape introducer occurs: the common case skips the escape regex."""
    return "\x1b" in text or "\x9b" in text or "\x9d" in text


def mask_unsafe(text: str) -> str:
    """Replace escape sequences and control characters with spaces of the same total length."""

    def blank(match: re.Match[str]) -> str:
        return " " * len(match.group(0))

    if may_hold_escape(text):
        text = _ESCAPE_SEQUENCE.sub(blank, text)
    return _CONTROL.sub(blank, text)


def display_text(text: str) -> str:
    """Text safe to show on a terminal: escapes and controls removed, whitespace folded.

    Escapes are deleted rather than blanked, so 'storm \\x1b[31mgrew\\x1b[0m,' reads 'storm grew,'.
    """
    text = _SPACING_CONTROL.sub(" ", text)
    if may_hold_escape(text):
        text = _ESCAPE_SEQUENCE.sub("", text)
    return " ".join(_CONTROL.sub("", text).split())  # str.split() and re's \s agree on spaces


def display_lines(text: str) -> str:
    """`display_text` line by line: a note's paragraphs keep their breaks, nothing else is kept
    of what a terminal or a file reader would act on."""
    return "\n".join(display_text(line) for line in text.replace("\r\n", "\n").split("\n"))


def safe_name(text: str | None) -> str:
    """A stored name (outlet, story title, URL) as it may be kept and printed: `display_text`."""
    return display_text(text) if text else ""
