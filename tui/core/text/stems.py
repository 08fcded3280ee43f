"""Content words reduced to one form, so that two outlets saying one fact in other words meet.

Matching copies compares words as written (`core.text.normalize`); joining rewrites of one fact
needs more: 'agreed' and 'agreement', 'killed' and 'deaths', 'homes' and 'houses'. A light
suffix stemmer folds inflections and a short table folds the synonyms news copy uses most for
the same thing. Both are deliberately small: a wrong fold joins different facts, which costs
more than a missed one.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["SYNONYMS", "stem"]


_SUFFIXES = (
    "ational",
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "ies",
    "ied",
    "ers",
    "er",
    "ed",
    "es",
    "ly",
    "s",
)
"""Longest first: the first that leaves three letters or more is taken off."""


def _strip(word: str) -> str:
    """The word without its inflection and a final 'e' or 'y' (agree/agreed/agreement,
    injury/injured)."""
    if not word.isalpha() or len(word) <= 3:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    return word[:-1] if word[-1] in "ey" and len(word) > 4 else word


def _groups(text: str) -> dict[str, str]:
    """Each line a group of words meaning one thing in news copy; all fold to the first."""
    table: dict[str, str] = {}
    for line in text.strip().splitlines():
        head, *rest = map(_strip, line.split())
        for word in rest:
            table[word] = head
    return table


SYNONYMS: dict[str, str] = _groups(
    """
    agreement accord deal pact
    killed dead death died fatalities toll
    injured wounded hurt
    houses homes dwellings
    earthquake quake tremor temblor
    attack strike
    missile rocket
    announced declared
    said says told
    rose climbed increased
    fell dropped declined
    large big major
    began started
    helped aided assisted
    bought acquired purchased
    resigned quit
    """
)
"""A stem -> the stem of its group's first word."""


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A normalised word (`core.text.normalize.words`) in its folded form; numbers unchanged."""
    stripped = _strip(word)
    return SYNONYMS.get(stripped, stripped)
