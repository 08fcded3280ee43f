"""Turning what a user typed into an FTS5 query that can never be a syntax error.

FTS5 has its own query language (AND, OR, NOT, NEAR, column filters, parentheses); a user typing
`U.S.-Japan` or `"missile` would hit its syntax errors. Every word is passed as a quoted FTS5
string, so the language is never reached: all words must appear (in any order), `"a phrase"` in
double quotes must appear as written, and a word ending in `*` matches every word it begins.
"""

from __future__ import annotations

import re

from tui.core.store.library import LibraryError
from tui.core.text.safe_text import display_text

__all__ = ["SearchQueryError", "fts_query"]

_TOKEN = re.compile(r'"([^"]*)"|([^\s"]+)')
_WORD = re.compile(r"\w")


class SearchQueryError(LibraryError):
    """A query that holds nothing to search for; its message is one line for the user."""


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fts_query(query: str) -> str:
    """The FTS5 MATCH expression for `query`: each word or "phrase" quoted, all required.

    Raises SearchQueryError when `query` holds no word (only spaces or punctuation).
    """
    if query.count('"') % 2:
        query = query[: query.rfind('"')] + query[query.rfind('"') + 1 :]  # an unclosed quote
    parts: list[str] = []
    for phrase, bare in _TOKEN.findall(query):
        token = phrase or bare
        if not _WORD.search(token):
            continue  # punctuation alone matches nothing; FTS5 would reject an empty phrase
        if bare and bare.endswith("*") and _WORD.search(bare.rstrip("*")):
            parts.append(_quoted(bare.rstrip("*")) + "*")
        else:
            parts.append(_quoted(token))
    if not parts:
        shown = display_text(query)[:60]
        raise SearchQueryError(f"nothing to search for in {shown!r}: give at least one word")
    return " ".join(parts)
