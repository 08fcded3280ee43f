"""Quotations two versions print differently: a word of a quote changed, or a quote replaced.

Outlets quote one statement in many ways: they cut it short, quote a few words of it, translate
it again, or change a word of it. Only the last is drift a reader can trust at a glance, so a
pair of quotes is compared only when it is one quote (enough of its content words stand in the
same order in both), and reported only when it differs in exactly one place, by a few words
that are not function words, spelling ('Southwest' / 'southwestern', 'U.S.' / 'US') or a
plain cut (words one side has and the other leaves out). A quote that differs in several
places was translated or paraphrased again, and its differences are mostly synonyms.

Two short quotes that stand in the same place of one statement ('As the "security environment
is rapidly growing severe" in Asia, "the two ministers confirmed ..."' / 'said, "With the rapid
deterioration of the security situation" in Asia, "the two ministers confirmed ..."') are one
quote replaced as a whole: the sentence's other quotes pair one to one, this one with nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import cast

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from tui.core.drift.slots import stem
from tui.core.drift.wordiff import split_words, word_key
from tui.core.text.normalize import STOPWORDS
from tui.core.text.wordfacts import PUNCTUATION, surface

FRAME = 2
"""Content words two quotes must share, in order, to be one quote (one for a quote of up to
three content words: 'blatant violation')."""
SHARE = 0.4
"""...and at least this share of the shorter quote's content words."""
CHANGE_WORDS = 6
"""Words a changed place may span on either side."""
WHOLE_QUOTE_WORDS = 12
"""Words a quote replaced as a whole may have."""

Stretch = tuple[int, int, int, int]
_PARTICLES = frozenset(("down", "up", "out", "off"))
"""Function words that end a phrasal verb ('shot down'): kept when a change is shown."""


class _ContentTable(dict[str, bool]):
    """Display word -> whether it is a content word (not a function word or punctuation): a
    dict lookup instead of reading the word again each time a quote is compared."""

    def __missing__(self, word: str) -> bool:
        if len(self) >= 65536:  # a long session reads many stories: stay bounded
            self.clear()
        letters = surface(word)
        found = self[word] = (
            bool(letters) and letters not in STOPWORDS and any(ch.isalpha() for ch in letters)
        )
        return found


_CONTENT = _ContentTable()
_content = _CONTENT.__getitem__


@lru_cache(maxsize=4096)
def _steps(
    a_words: tuple[str, ...], b_words: tuple[str, ...]
) -> list[tuple[str, int, int, int, int]]:
    """The longest common word sequence of two quotes, as difflib-style steps (words compared by
    `wordiff.word_key`: case, punctuation and British/American spelling aside)."""
    ids: dict[str, int] = {}
    a_ids = [ids.setdefault(word_key(w), len(ids)) for w in a_words]
    b_ids = [ids.setdefault(word_key(w), len(ids)) for w in b_words]
    return cast("list[tuple[str, int, int, int, int]]", Indel.opcodes(a_ids, b_ids).as_list())


def clear_caches() -> None:
    """Forget cached alignments of quotes (benchmarks time cold runs)."""
    _steps.cache_clear()
    _CONTENT.clear()


def _frame(a_words: Sequence[str], steps: Sequence[tuple[str, int, int, int, int]]) -> int:
    """Content words the two quotes share in order."""
    return sum(_content(w) for tag, a0, a1, _, _ in steps if tag == "equal" for w in a_words[a0:a1])


def _needed(a_words: Sequence[str], b_words: Sequence[str]) -> float:
    shorter = min(sum(map(_content, a_words)), sum(map(_content, b_words)))
    return 1 if shorter <= 3 else max(FRAME, SHARE * shorter)


def _same_words(a_part: Sequence[str], b_part: Sequence[str]) -> bool:
    """The content words of both sides are one another's spellings or forms
    ('Southwest' / 'southwestern', 'deaths' / 'death')."""
    a_stems = {stem(surface(w)) for w in a_part if _content(w)}
    b_stems = {stem(surface(w)) for w in b_part if _content(w)}
    return a_stems == b_stems


def _trimmed(a_words: Sequence[str], b_words: Sequence[str], place: Stretch) -> Stretch:
    """A place at either end of the quotes, cut to what stands next to the shared words: one
    quote may start or stop anywhere in the other ('This is a clear violation of ...' / 'We
    express ... and consider it a flagrant violation of ...' differ by 'clear' / 'flagrant')."""
    a0, a1, b0, b1 = place
    if a0 == 0 or b0 == 0:  # leading: keep the words after each side's last function word
        a0 = _after_last_function_word(a_words, a0, a1)
        b0 = _after_last_function_word(b_words, b0, b1)
    if a1 == len(a_words) or b1 == len(b_words):  # trailing: before the first one
        a1 = _before_first_function_word(a_words, a0, a1)
        b1 = _before_first_function_word(b_words, b0, b1)
    return a0, a1, b0, b1


def _after_last_function_word(words: Sequence[str], start: int, end: int) -> int:
    for n in range(end - 1, start - 1, -1):
        if not _content(words[n]):
            return n + 1
    return start


def _before_first_function_word(words: Sequence[str], start: int, end: int) -> int:
    for n in range(start, end):
        if not _content(words[n]):
            return n
    return end


def _places(
    a_words: Sequence[str],
    b_words: Sequence[str],
    steps: Sequence[tuple[str, int, int, int, int]],
) -> list[Stretch]:
    """Places where the quotes differ in content words, places at most one word apart merged
    into one ('more sophisticated and practical joint drills' / 'more advanced joint
    exercises'). Words one side has at either end are a cut, not a change (`_trimmed`)."""
    stretches: list[Stretch] = []
    for tag, a0, a1, b0, b1 in steps:
        if tag == "equal":
            continue
        if stretches and stretches[-1][1] == a0 and stretches[-1][3] == b0:
            last = stretches[-1]
            stretches[-1] = (last[0], a1, last[2], b1)
        else:
            stretches.append((a0, a1, b0, b1))
    stretches = [_trimmed(a_words, b_words, place) for place in stretches]
    # A word of the other quote that only moved is no change ('successfully thwarted' /
    # 'thwarted ... successfully'); words added inside a quote count when they say
    # something new (two new content words or more), not when they repeat or reorder it.
    in_b = {word_key(w) for w in b_words}
    in_a = {word_key(w) for w in a_words}
    changed = []
    for a0, a1, b0, b1 in stretches:
        at_edge = a0 == 0 or b0 == 0 or a1 == len(a_words) or b1 == len(b_words)
        if at_edge and (a1 == a0 or b1 == b0):
            continue  # one quote goes on where the other stops: a cut
        new_a = sum(_content(w) and word_key(w) not in in_b for w in a_words[a0:a1])
        new_b = sum(_content(w) and word_key(w) not in in_a for w in b_words[b0:b1])
        if _same_words(a_words[a0:a1], b_words[b0:b1]) or not new_a + new_b:
            continue
        if a1 > a0 and b1 > b0 or new_a + new_b >= 2:
            changed.append((a0, a1, b0, b1))
    merged: list[Stretch] = []
    for place in changed:
        if merged and place[0] - merged[-1][1] <= 1 and place[2] - merged[-1][3] <= 1:
            merged[-1] = (merged[-1][0], place[1], merged[-1][2], place[3])
        else:
            merged.append(place)
    return merged


def _shown(words: Sequence[str], start: int, end: int, other: Sequence[str]) -> str:
    """A changed place as printed, with the content word before it when there is one
    ('remains absolutely unwavering' / 'remains strong'); function words at its edges and words
    the other quote has elsewhere are left out ('successfully intercepted' / 'shot down' shows
    'intercepted' when the other quote says 'successfully thwarted')."""
    elsewhere = {word_key(w) for w in other}
    part = list(words[start:end])
    while part and (not _content(part[0]) or word_key(part[0]) in elsewhere):
        part.pop(0)
    while part and not _content(part[-1]) and surface(part[-1]) not in _PARTICLES:
        part.pop()
    if start > 0 and _content(words[start - 1]) and part:
        part.insert(0, words[start - 1])
    return " ".join(part).strip(PUNCTUATION + " ")


def _partner(quote: tuple[str, ...], others: Sequence[tuple[str, ...]]) -> int | None:
    """The other version's quote that is this one, if any: most content words in order, then
    most alike."""
    best: tuple[int, bool, float, int] | None = None
    for n, other in enumerate(others):
        steps = _steps(quote, other)
        shared = _frame(quote, steps)
        if shared < _needed(quote, other):
            continue
        # Ties go to the quote that shares the last word, the head of a short quote ('blatant
        # violation' is 'a flagrant violation', not 'this blatant aggression').
        last = word_key(quote[-1]) in {word_key(w) for w in other}
        score = (shared, last, fuzz.partial_ratio(" ".join(quote), " ".join(other)), -n)
        if best is None or score > best:
            best = score
    return None if best is None else -best[3]


def _surroundings(text: str, quote: str) -> tuple[list[str], list[str]]:
    """The two words before a quote and the two after it, as letters."""
    at = text.find(quote)
    if at < 0:
        return [], []
    before = [surface(w) for w in text[:at].split()]
    after = [surface(w) for w in text[at + len(quote) :].split()]
    return [w for w in before if w][-2:], [w for w in after if w][:2]


def quote_changes(
    quotes_x: Sequence[str], quotes_y: Sequence[str], text_x: str = "", text_y: str = ""
) -> Iterable[tuple[str, str]]:
    """(x's words, y's words) of each quote of x that y prints changed in one place, and of
    a short quote replaced as a whole in one statement (`text_x`, `text_y`: the folded
    sentences, whose words around the quote must agree)."""
    words_x = [tuple(split_words(q)) for q in quotes_x]
    words_y = [tuple(split_words(q)) for q in quotes_y]
    partners = [_partner(q, words_y) for q in words_x]
    for qx, partner in zip(words_x, partners, strict=True):
        if partner is None:
            continue
        qy = words_y[partner]
        places = _places(qx, qy, _steps(qx, qy))
        if len(places) != 1:
            continue  # none, or a quote translated or paraphrased again
        a0, a1, b0, b1 = places[0]
        if a1 - a0 > CHANGE_WORDS or b1 - b0 > CHANGE_WORDS:
            continue
        if not any(map(_content, qx[a0:a1])) or not any(map(_content, qy[b0:b1])):
            continue  # words added or left out inside the quote: a cut, shown by neither side
        a, b = _shown(qx, a0, a1, qy), _shown(qy, b0, b1, qx)
        if a and b:
            yield a, b
    if len(words_x) == len(words_y) >= 2 and partners.count(None) == 1:
        k = partners.index(None)
        others_paired = all(partners[n] == n for n in range(len(partners)) if n != k)
        short = max(len(words_x[k]), len(words_y[k])) <= WHOLE_QUOTE_WORDS
        before_x, after_x = _surroundings(text_x, quotes_x[k])
        before_y, after_y = _surroundings(text_y, quotes_y[k])
        placed = (before_x and before_x == before_y) or (after_x and after_x == after_y)
        if others_paired and short and placed and _partner(words_y[k], words_x) is None:
            yield quotes_x[k].strip(PUNCTUATION + " "), quotes_y[k].strip(PUNCTUATION + " ")
