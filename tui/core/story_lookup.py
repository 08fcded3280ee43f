"""Finding the story a user means from what they typed: an id, the start of one, or a title.

Every command (and `crosswire open`) goes through `Library.find_story`, so `crosswire compare 5178`,
`crosswire export 'missiles japan'` and `crosswire open panda` agree on what a query names.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rapidfuzz import fuzz, utils

from tui.core.models import Story
from tui.core.storage import LibraryError

MIN_ID_PREFIX = 4
"""The shortest start of a story id that `Library.find_story` accepts for the whole id."""
FIND_SCORE_CUTOFF = 80.0
"""Below this fuzzy score a query names no story (0-100, see `title_score`)."""


def pick_story(
    stories: Sequence[Story], query: str, *, score_cutoff: float = FIND_SCORE_CUTOFF, home: Path
) -> Story:
    """The story `query` names among `stories`: exact id, exact title (case aside), the one id
    the query starts (`MIN_ID_PREFIX` characters or more; ids are lowercase hex), then the best
    fuzzy title match at or above `score_cutoff`. LibraryError, naming `home`, when none does;
    LibraryError naming the ids when a prefix starts several."""
    wanted = query.strip()
    for story in stories:
        if story.id == wanted:
            return story
    for story in stories:
        if story.title.casefold() == wanted.casefold():
            return story
    if len(wanted) >= MIN_ID_PREFIX:
        prefixed = [story for story in stories if story.id.startswith(wanted.lower())]
        if len(prefixed) == 1:
            return prefixed[0]
        if prefixed:
            ids = ", ".join(story.id for story in prefixed)
            raise LibraryError(f"{query!r} is the start of several story ids ({ids})")
    scored = [(title_score(wanted, story.title), -n, story) for n, story in enumerate(stories)]
    best = max(scored, default=None, key=lambda item: item[:2])
    if best is None or best[0] < score_cutoff:
        raise LibraryError(f"no story matches {query!r} in {home}")
    return best[2]


def title_score(query: str, title: str) -> float:
    """How well a typed query names a title (0-100): its words are in the title, or nearly.

    token_set_ratio scores 100 when every query word is in the title; the word-by-word score
    forgives a typo in any order ('misiles japan'). WRatio alone gives ~85 to unrelated titles
    that share one short word ('weather in paris' vs 'Brexit talks stall in Brussels').
    """
    words = utils.default_process(query).split()
    title_words = utils.default_process(title).split()
    if not words or not title_words:
        return 0.0
    whole = fuzz.token_set_ratio(query, title, processor=utils.default_process)
    per_word = sum(max(fuzz.ratio(word, other) for other in title_words) for word in words)
    return max(whole, per_word / len(words))
