"""Cleaning scraped article text: keep the article whole, take out the page around it.

Scrapers hand over the article together with its page: lists of other stories, 'Related' links,
share buttons, cookie notices, paywall prompts, aggregator widgets, read-time and date lines,
section labels, credit lines and photo captions. `clean_text` removes those line by line, each
with a short reason a reader understands (`REASONS`), and keeps everything that is the story:
title, lede, every body sentence, subheads and quotes. When a rule is unsure, the line stays: a
missing sentence would be a false 'left out' in the comparison, a stray one only a 'unique' line.

Rules look at the shape of a line and its relation to the article, not at known strings of one
site: a headline list is a run of at least three short, unpunctuated lines that share few words
with the article's prose (or that a list label such as 'Explore' introduces, or that alternate
with bare '-' bullets); a consent notice is a short line nearly all of consent vocabulary
('This website uses cookies.') in an article whose own prose never speaks of cookies. Words are
compared with rapidfuzz so 'defence'/'defense' and plurals still count as shared. Markup-looking
tags ('[bold]') are left out when a line is judged, never from the text kept. Blank lines (also
lines that are blank once terminal escapes are removed) are neither kept nor reported: they are
only spacing.

Kept lines become sentences (`core.ingest.segment`) whose spans index `raw`; `CleanResult.text` and
`RemovedLine.text` hold the display-safe line (escapes removed, whitespace folded).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process, utils

from tui.core.ingest.clean_rules import (
    CLOSING,
    HEADER_BYLINE,
    LIST_LABELS,
    OPENING,
    STOPWORDS,
    consent_anchors,
    line_reason,
)
from tui.core.ingest.segment import sentences_for_lines
from tui.core.models import CleanResult, RemovedLine, SentenceKind
from tui.core.text.safe_text import display_text

# Rich-style tags: '[b]', '[bold red]', '[/]', '[/bold]', '[link=http://...]', '[@click=...]'.
_MARKUP_TAG = re.compile(r"\[/?[a-z@#][^\[\]\n]{0,80}\]|\[/\]")

REASONS = (
    "headline list", "navigation", "related link", "page widget", "promotion", "coverage widget",
    "paywall", "read time", "date line", "section label", "byline", "credit line", "photo caption",
    "repeated title", "bullet marker", "cookie notice",
)  # fmt: skip
"""Every reason `clean_text` gives, so a face can group or explain them."""


def clean_text(raw: str) -> CleanResult:
    """Split `raw` into the article (kept lines, title, date, sentences) and removed junk lines."""
    lines = [display_text(piece) for piece in raw.split("\n")]
    shapes = [_shape(text) for text in lines]  # what the rules judge; `lines` is what is kept
    filled = [n for n, text in enumerate(lines) if text]
    removed: dict[int, str] = {}
    found_date: str | None = None
    for n in filled:
        reason, stated = line_reason(shapes[n])
        if reason:
            removed[n] = reason
            found_date = found_date or stated  # only a date line dates the article
    consent = {n: consent_anchors(shapes[n]) for n in filled if n not in removed}
    consent = {n: anchors for n, anchors in consent.items() if anchors}
    vocabulary = _Vocabulary(shapes[n] for n in filled if n not in consent and _is_prose(shapes[n]))
    for n, anchors in consent.items():
        if not vocabulary.mentions(anchors):  # an article about cookie rules keeps its words
            removed[n] = "cookie notice"
    _remove_headline_lists(shapes, filled, removed, vocabulary)
    kept = [n for n in filled if n not in removed]
    title_line = _find_title(shapes, kept)
    _remove_header_junk(shapes, kept, removed, title_line, vocabulary)
    kept = [n for n in kept if n not in removed]
    kinds: dict[int, SentenceKind] = {n: "heading" for n in kept if _is_heading(shapes[n])}
    if title_line is not None:
        kinds[title_line] = "title"
    return CleanResult(
        text="\n".join(lines[n] for n in kept),
        title=lines[title_line] if title_line is not None else None,
        date=found_date,
        sentences=sentences_for_lines(raw, kept, kinds),
        removed=tuple(RemovedLine(n, lines[n], removed[n]) for n in sorted(removed)),
        kept_lines=tuple(kept),
    )


def _shape(text: str) -> str:
    """The line the rules judge: markup-looking tags ('[bold red]', '[/]', '[link=...]') left
    out, so '[bold]Harbour[/] reopens' reads as the title it is. The kept text keeps them."""
    if "[" not in text:
        return text
    bare = " ".join(_MARKUP_TAG.sub(" ", text).split())
    return bare or text


def _is_prose(text: str) -> bool:
    """Running text: a long line that ends a sentence (possibly inside closing quotes)."""
    return len(text.split()) >= 12 and text.rstrip(CLOSING)[-1:] in ".!?:"


def _is_short_unpunctuated(text: str, *, max_words: int) -> bool:
    bare = text.strip(OPENING + CLOSING + " ")
    return 0 < len(bare.split()) <= max_words and bare[-1:] not in ".:;,\u2026"


def _content_words(text: str) -> list[str]:
    words = utils.default_process(text).split()
    return [w for w in words if len(w) >= 3 and w not in STOPWORDS]


class _Vocabulary:
    """The content words of the article's prose, to tell its own lines from other stories'."""

    def __init__(self, prose: Iterable[str]) -> None:
        self.words = {w for text in prose for w in _content_words(text)}
        self._choices = sorted(self.words)
        self._fuzzy: dict[str, bool] = {}

    def __bool__(self) -> bool:
        return bool(self.words)

    def mentions(self, words: Iterable[str]) -> bool:
        """Whether the prose uses any of these words, singular or plural ('cookie', 'cookies')."""
        stems = {word.removesuffix("s") for word in words}
        return any(word.removesuffix("s") in stems for word in self.words)

    def relatedness(self, text: str) -> float:
        """Share of a line's content words the prose also uses; rapidfuzz forgives 'defense'."""
        words = _content_words(text)
        return sum(1 for w in words if self._knows(w)) / len(words) if words else 0.0

    def _knows(self, word: str) -> bool:
        if word in self.words:
            return True
        if word not in self._fuzzy:
            match = process.extractOne(word, self._choices, scorer=fuzz.ratio, score_cutoff=85)
            self._fuzzy[word] = match is not None
        return self._fuzzy[word]


def _remove_headline_lists(
    lines: list[str], filled: list[int], removed: dict[int, str], vocabulary: _Vocabulary
) -> None:
    """Find runs of list-like lines and remove those that are lists of other stories."""
    protected = _head_block(lines, filled, removed)
    run: list[int] = []
    for n in [*filled, -1]:
        listish = (
            n >= 0
            and n not in protected
            and (
                removed.get(n) == "bullet marker"
                or (n not in removed and _is_short_unpunctuated(lines[n], max_words=22))
            )
        )
        if listish:
            run.append(n)
            continue
        if run:
            _judge_run(lines, filled, run, removed, vocabulary)
        run = []


def _head_block(lines: list[str], filled: list[int], removed: dict[int, str]) -> set[int]:
    """Title (and standfirst) just above the first prose line: never part of a list.

    Walking up from the first prose line past junk and short lines (labels, bylines), the first
    one or two long title-like lines are the article's head, unless a bullet introduces them.
    """
    first_prose = next((i for i, n in enumerate(filled) if _is_prose(lines[n])), None)
    block: set[int] = set()
    for i in range(first_prose or 0, 0, -1):
        n, above = filled[i - 1], filled[i - 2] if i >= 2 else None
        if n in removed or (not block and len(lines[n].split()) <= 4):
            continue
        if len(block) == 2 or not _is_title_like(lines[n]) or len(lines[n].split()) < 5:
            break
        if above is not None and removed.get(above) == "bullet marker":
            break
        block.add(n)
    return block


def _judge_run(
    lines: list[str], filled: list[int], run: list[int], removed: dict[int, str], vocab: _Vocabulary
) -> None:
    markers = [n for n in run if removed.get(n) == "bullet marker"]
    items = [n for n in run if n not in markers]
    if len(items) < 3:
        return
    before = filled.index(run[0]) - 1
    label = filled[before] if before >= 0 else None
    labelled = label is not None and _is_list_label(lines[label])
    related = {n: vocab.relatedness(lines[n]) >= 0.5 for n in items} if vocab else {}
    unrelated = len(items) - sum(related.values())
    if not labelled and (not vocab or unrelated < 3 or 2 * unrelated <= len(items)):
        return
    after_marker = {run[i + 1] for i, n in enumerate(run[:-1]) if n in markers}
    members = list(run)
    # Without a label, related lines at the edges that no bullet introduces are the article's.
    while not labelled and members and related.get(members[-1]) and members[-1] not in after_marker:
        members.pop()
    while not labelled and members and related.get(members[0]) and members[0] not in after_marker:
        members.pop(0)
    # Menus ('News', 'Sport', 'Asia') are lists too, of sections rather than stories.
    short = all(len(lines[n].split()) <= 3 for n in members if n not in markers)
    reason = "navigation" if short else "headline list"
    for n in members:
        removed[n] = reason
    if label is not None and (labelled or label not in removed and _is_label(lines[label], vocab)):
        removed[label] = reason


def _is_list_label(text: str) -> bool:
    """'Explore', 'More on this story', 'Explore more on these topics', 'Most viewed'."""
    folded = _folded(text)
    return len(folded.split()) <= 6 and any(
        folded == label or folded.startswith(label + " ") for label in LIST_LABELS
    )


def _is_label(text: str, vocab: _Vocabulary) -> bool:
    return _is_short_unpunctuated(text, max_words=4) and vocab.relatedness(text) < 0.5


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w ]+", "", text.lower())).strip()


def _similar(a: str, b: str) -> bool:
    return fuzz.ratio(a, b, processor=utils.default_process) >= 90


def _find_title(lines: list[str], kept: list[int]) -> int | None:
    """The headline: a title-like line near the top, preferring one the page repeats."""
    head = kept[:6]
    candidates = [n for n in head if _is_title_like(lines[n])]
    for position, n in enumerate(candidates):
        if any(_similar(lines[n], lines[m]) for m in candidates[position + 1 :]):
            return n
    for n in head[:3]:
        if n in candidates and len(lines[n].split()) >= 4:
            return n
    return candidates[0] if candidates else None


def _is_title_like(text: str) -> bool:
    bare = text.strip(OPENING + CLOSING + " ")
    return (
        _is_short_unpunctuated(text, max_words=25)
        and len(bare.split()) >= 2
        and not bare[:1].islower()
        and bare[-1:] != "."
    )


def _remove_header_junk(
    lines: list[str],
    kept: list[int],
    removed: dict[int, str],
    title: int | None,
    vocab: _Vocabulary,
) -> None:
    """Before the body starts: a repeated title and section labels ('WORLD', 'Arab & ...')."""
    prose_seen = 0
    for n in kept:
        if n == title:
            continue
        text = lines[n]
        if _is_prose(text):
            prose_seen += 1
            if prose_seen >= 2:
                return
            continue
        if title is not None and n > title and _similar(text, lines[title]):
            removed[n] = "repeated title"
        elif prose_seen == 0 and len(text.split()) <= 7 and HEADER_BYLINE.match(text):
            removed[n] = "byline"
        elif prose_seen == 0 and (vocab or text.isupper()) and _is_label(text, vocab):
            # Without prose to compare with, only an all-capitals label ('WORLD') is sure.
            removed[n] = "section label"


def _is_heading(text: str) -> bool:
    """A subhead: short, capitalised, no final punctuation ('What Was Agreed')."""
    bare = text.strip(OPENING + CLOSING + " ")
    return (
        _is_short_unpunctuated(text, max_words=20) and bare[:1].isupper() and bare[-1:] not in "?!"
    )
