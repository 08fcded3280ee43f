"""Safe output file names made from story titles and tags.

Story titles come from scraped web pages and tags are typed by the user, so either may hold path
separators, '..', control characters, characters Windows forbids, or a few hundred characters. An
export's default file name must land in the chosen folder under a readable name and nowhere else.
"""

from __future__ import annotations

import re
import unicodedata

MAX_STEM_LENGTH = 80
"""Characters kept from the title; leaves room for a suffix and stays far below NAME_MAX (255)."""

_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f]')
"""Path separators, Windows-reserved punctuation and C0/C1 control characters."""
_SEPARATOR_RUN = re.compile(r"[-\s_.]*[-\s_][-\s_.]*")
"""A run of spaces, dashes, underscores and dots holding at least one non-dot: one dash."""
_DOT_RUN = re.compile(r"\.{2,}")
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{n}" for n in range(1, 10)}
    | {f"lpt{n}" for n in range(1, 10)}
)
_EXTENSION = re.compile(r"[a-z0-9]{1,10}")


def safe_filename(title: str, ext: str, *, max_length: int = MAX_STEM_LENGTH) -> str:
    """Return a file name for `title` with extension `ext` that is safe in any folder.

    The result has no path separator, no '..', no control or format characters, does not start
    with '.' or '-' (hidden files, option look-alikes), is not a Windows device name, and its stem
    is at most `max_length` characters. Letters of any script are kept: a Japanese title stays
    readable. An empty result falls back to 'story'.
    """
    if not _EXTENSION.fullmatch(ext):
        raise ValueError(f"extension must be 1-10 lowercase letters or digits, got {ext!r}")
    if max_length < 1:
        raise ValueError("max_length must be at least 1")
    text = unicodedata.normalize("NFKC", title)
    # Control characters and odd spaces separate words (a newline in a title). Format characters
    # (bidi overrides, zero-width joiners), surrogates, private-use and unassigned code points can
    # disguise a name or show as nothing: dropped.
    text = "".join(
        " " if category == "Cc" or category[0] == "Z" else ch
        for ch in text
        if (category := unicodedata.category(ch)) not in {"Cf", "Cs", "Co", "Cn"}
    )
    text = _FORBIDDEN.sub(" ", text)
    text = _SEPARATOR_RUN.sub("-", text.strip())
    text = _DOT_RUN.sub(".", text)
    stem = _trim(text[:max_length])
    if not stem or stem.lower() in _WINDOWS_RESERVED:
        stem = "story" if not stem else f"{stem}-story"
    return f"{stem}.{ext}"


def _trim(stem: str) -> str:
    """Strip the characters that make a name hidden, option-like or awkward at either end."""
    return stem.strip(" .-")
