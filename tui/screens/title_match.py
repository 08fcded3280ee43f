"""Matching what a reader types against titles, word by word, so typing more narrows the list.

Every typed word must match a word of the title: as its beginning ('pan' finds 'panda'), or, for
words of four letters or more, the beginning with a slip ('pnada' finds 'panda'). A loose
fuzzy score does not do: partial_ratio gives 'jap' 67 against a red-panda headline and
Textual's subsequence matcher finds 'n…o…r…d' in most long titles, so nothing ever narrowed.
"""

from __future__ import annotations

from rapidfuzz import fuzz, utils

TYPO_MIN_LENGTH = 4
"""Shorter typed words must be the start of a title word exactly."""
TYPO_CUTOFF = 80.0
"""Lowest ratio (0-100) for a typed word with a slip to count: two letters swapped or one
wrong in five ('pnada', 'lindenfled', 'electon'); 'panda' scores 73 against 'expand'."""


def words(text: str) -> list[str]:
    """Lower-case alphanumeric words (rapidfuzz's default processing, split)."""
    return utils.default_process(text).split()


def word_score(typed: str, title_words: list[str]) -> float:
    """How well one typed word matches its best title word, 0 when it matches none."""
    best = 0.0
    for word in title_words:
        if word.startswith(typed):
            return 100.0
        if len(typed) >= TYPO_MIN_LENGTH:
            # Against the word's start, and one letter more in case the slip dropped one.
            start, longer = word[: len(typed)], word[: len(typed) + 1]
            best = max(best, fuzz.ratio(typed, start), fuzz.ratio(typed, longer))
    return best if best >= TYPO_CUTOFF else 0.0


def title_score(query: str, title: str) -> float:
    """0-100: the mean of every typed word's score, 0 when any typed word matches nothing;
    100 for a blank query."""
    typed = words(query)
    if not typed:
        return 100.0
    title_words = words(title)
    scores = [word_score(word, title_words) for word in typed]
    return 0.0 if min(scores) == 0 else sum(scores) / len(scores)
