"""Counts in words, for every face of crosswire: the CLI's lines and the app's headers and hints
say '1 line' and '2 lines' the same way."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 line', '2 lines', '1,204 sentences': a count with its noun in the right number."""
    noun = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count:,} {noun}"
