"""Cleaning with the whole story in view: lines about other stories.

`core.ingest.clean` judges one page at a time, so a single related headline between two paragraphs
('Wake up the ghosts! Texas, Texas A&M rivalry that dates to 1894 is reborn') looks like a subhead
to it. The story's other articles tell them apart: a headline of this story, a subhead or a deck
shares words with them or with its own article, a headline of another story shares almost none.
`clean_story` runs after every article of a story is cleaned and removes such lines (with the
short kicker line above one, such as 'Texas'), each as a `RemovedLine` with the reason
'other story'.

Only headline-shaped lines are judged (no closing full stop, at least `MIN_CONTENT_WORDS` content
words): a sentence of the story may well use words no other outlet uses, and a short subhead
('Delayed Confirmation Amidst Excitement') has too few words to judge. The line that names an
article (its title, or its first line when it has none) always stays, and so does its last line,
which in a scraped page is as often a sentence cut off mid-word ('United Nations Secretary-General
Ban Ki-m') as a stray headline. Without another article to compare with, nothing is judged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process

from tui.core.ingest.clean_rules import content_words, is_short_unpunctuated
from tui.core.models import CleanResult, RemovedLine

MIN_CONTENT_WORDS = 5
"""A line needs this many different content words to be judged at all."""
MAX_KNOWN_SHARE = 0.4
"""A line whose share of words known to the story is below this is about another story."""
_MAX_HEADLINE_WORDS = 25
_MAX_KICKER_WORDS = 3
_FUZZY_CUTOFF = 85  # 'defence'/'defense', 'Kyiv'/'Kiev' count as the same word
REASON = "other story"


def clean_story(
    results: Sequence[CleanResult], *, context: Iterable[str] = ()
) -> list[CleanResult]:
    """Each article's cleaning, with the lines that belong to other stories also removed.

    `results` are the story's articles, cleaned one by one (`core.ingest.clean.clean_text`);
    `context` is more text of the same story (articles already in the library) that is compared
    with but not cleaned. The result does not depend on the order of `results`.
    """
    pages = [_Page.of(result) for result in results]
    extra = {w for text in context for w in content_words(text)}
    if len(pages) + bool(extra) < 2:
        return list(results)
    words = _StoryWords(pages, extra)
    return [
        _without(result, page.foreign_lines(words))
        for result, page in zip(results, pages, strict=True)
    ]


class _Page:
    """One article's kept lines and their content words."""

    def __init__(self, lines: dict[int, str], protected: int | None) -> None:
        self.lines = lines
        self.protected = protected
        self.words = {n: set(content_words(text)) for n, text in lines.items()}
        self.all_words = set().union(*self.words.values())
        self.line_count = Counter(w for words in self.words.values() for w in words)

    @classmethod
    def of(cls, result: CleanResult) -> _Page:
        texts = result.text.split("\n") if result.kept_lines else []
        lines = dict(zip(result.kept_lines, texts, strict=True))
        titles = [s.line for s in result.sentences if s.kind == "title"]
        protected = titles[0] if titles else next(iter(lines), None)
        return cls(lines, protected)

    def foreign_lines(self, story: _StoryWords) -> set[int]:
        """Kept lines about another story, and the kicker line right above each."""
        foreign: set[int] = set()
        order = list(self.lines)
        for position, n in enumerate(order[:-1]):
            text, words = self.lines[n], self.words[n]
            if n == self.protected or len(words) < MIN_CONTENT_WORDS:
                continue
            if not is_short_unpunctuated(text, max_words=_MAX_HEADLINE_WORDS):
                continue
            known = sum(story.knows(w, self, words) for w in words)
            if known >= MAX_KNOWN_SHARE * len(words):
                continue
            foreign.add(n)
            above = order[position - 1] if position else None
            if (
                above is not None
                and above != self.protected
                and is_short_unpunctuated(self.lines[above], max_words=_MAX_KICKER_WORDS)
            ):
                foreign.add(above)
        return foreign


class _StoryWords:
    """Which content words the story's articles use, and how many articles use each."""

    def __init__(self, pages: Sequence[_Page], extra: set[str]) -> None:
        self.articles = Counter(w for page in pages for w in page.all_words)
        self.articles.update(extra)
        self._choices = sorted(self.articles)

    def knows(self, word: str, page: _Page, line: set[str]) -> bool:
        """Whether the story uses `word` (or a close variant) outside this line: in another
        article or in another line of this one."""
        if self._available(word, page, line):
            return True
        matches = process.extract_iter(
            word, self._choices, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF
        )
        return any(match != word and self._available(match, page, line) for match, _, _ in matches)

    def _available(self, word: str, page: _Page, line: set[str]) -> bool:
        elsewhere = self.articles[word] - (word in page.all_words)
        return elsewhere > 0 or page.line_count[word] - (word in line) > 0


def _without(result: CleanResult, foreign: set[int]) -> CleanResult:
    """`result` with the lines `foreign` moved from the kept to the removed lines."""
    if not foreign:
        return result
    texts = dict(zip(result.kept_lines, result.text.split("\n"), strict=True))
    kept = tuple(n for n in result.kept_lines if n not in foreign)
    sentences = (s for s in result.sentences if s.line not in foreign)
    removed = [*result.removed, *(RemovedLine(n, texts[n], REASON) for n in foreign)]
    return result._replace(
        text="\n".join(texts[n] for n in kept),
        sentences=tuple(s._replace(index=i) for i, s in enumerate(sentences)),
        removed=tuple(sorted(removed, key=lambda line: line.line)),
        kept_lines=kept,
    )
