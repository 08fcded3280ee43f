"""Finding the story a user means from what they typed: an id, the start of one, or a title.

Every command (and `crosswire open`) goes through `Library.find_story`, so `crosswire compare 5178`,
`crosswire export 'missiles japan'` and `crosswire open panda` agree on what a query names; the
app's story list and palette filter with the same `title_score`, so a title the CLI finds is one
the app lists. Every typed word must match a word of the title: as its beginning ('pan' finds
'panda'), or, for words of four letters or more, the beginning with a slip ('pnada' finds
'panda'). A loose fuzzy score does not do: partial_ratio gives 'jap' 67 against a red-panda
headline and Textual's subsequence matcher finds 'n…o…r…d' in most long titles, so nothing ever
narrowed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tui.core.models import Story
from tui.core.store.storage import LibraryError

MIN_ID_PREFIX = 4
"""The shortest start of a story id that `Library.find_story` accepts for the whole id."""
class AmbiguousStory(LibraryError):
    """A query that names several stories: the message lists them."""


MIN_TITLE_QUERY = 3
"""The fewest characters a title query must have: 'a' would match any title with an a-word."""
FIND_SCORE_CUTOFF = 80.0
"""Below this fuzzy score a query names no story (0-100, see `title_score`)."""


def pick_story(
    stories: Sequence[Story], query: str, *, score_cutoff: float = FIND_SCORE_CUTOFF, home: Path
) -> Story:
    """The story `query` names among `stories`: exact id, exact title (case aside), the one id
    the query starts (`MIN_ID_PREFIX` characters or more; ids are lowercase hex), then the one
    title matching at or above `score_cutoff`. Never a guess: LibraryError, naming `home`, when
    none does, and listing the candidates when a prefix or a title query names several."""
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
            raise AmbiguousStory(f"{query!r} is the start of several story ids ({ids})")
    if len(wanted) < MIN_TITLE_QUERY:
        raise LibraryError(
            f"{query!r} is too short to name a story; give {MIN_TITLE_QUERY} or more letters "
            "of its title, or its id (crosswire stories)"
        )
    matching = [story for story in stories if title_score(wanted, story.title) >= score_cutoff]
    if not matching:
        raise LibraryError(f"no story matches {query!r} in {home}")
    if len(matching) > 1:
        listed = "; ".join(f"{story.id} {story.title!r}" for story in matching[:8])
        more = f" and {len(matching) - 8} more" if len(matching) > 8 else ""
        raise AmbiguousStory(
            f"{query!r} matches {len(matching)} stories: {listed}{more}; name one by its id "
            "or more of its title"
        )
    return matching[0]


TYPO_MIN_LENGTH = 4
"""Shorter typed words must be the start of a title word exactly."""
TYPO_CUTOFF = 80.0
"""Lowest ratio (0-100) for a typed word with a slip to count: two letters swapped or one
wrong in five ('pnada', 'lindenfled', 'electon'); 'panda' scores 73 against 'expand'."""


def title_words(text: str) -> list[str]:
    """Lower-case alphanumeric words (rapidfuzz's default processing, split). rapidfuzz is
    imported here, not with the module: the library (and so the app's first frame) loads this
    module, and names are looked up only when a command is given one."""
    from rapidfuzz import utils

    return utils.default_process(text).split()


def word_score(typed: str, candidates: list[str]) -> float:
    """How well one typed word matches its best title word, 0 when it matches none."""
    from rapidfuzz import fuzz

    best = 0.0
    for word in candidates:
        if word.startswith(typed):
            return 100.0
        if len(typed) >= TYPO_MIN_LENGTH and not any(ch.isdigit() for ch in typed):
            # A word with digits is a number or a name with one ('synth510', '2024'): a digit
            # more or less is another story, never a slip.
            # Against the word's start, and one letter more in case the slip dropped one.
            start, longer = word[: len(typed)], word[: len(typed) + 1]
            best = max(best, fuzz.ratio(typed, start), fuzz.ratio(typed, longer))
    return best if best >= TYPO_CUTOFF else 0.0


def title_score(query: str, title: str) -> float:
    """0-100: the mean of every typed word's score, 0 when any typed word matches nothing;
    100 for a blank query."""
    typed = title_words(query)
    if not typed:
        return 100.0
    in_title = title_words(title)
    scores = [word_score(word, in_title) for word in typed]
    return 0.0 if min(scores) == 0 else sum(scores) / len(scores)
