"""Cleaning scraped article text: keep the article whole, take out the page around it.

Scrapers hand over the article together with its page: lists of other stories, 'Related' links,
share buttons, cookie notices, paywall prompts, aggregator widgets, read-time and date lines,
section labels, credit lines, photo captions, comment forms, 'breaking news, check back' notices
and embedded posts. `clean_text` removes those line by line, each
with a short reason a reader understands (`REASONS`), and keeps everything that is the story:
title, lede, every body sentence, subheads and quotes. When a rule is unsure, the line stays: a
missing sentence would be a false 'left out' in the comparison, a stray one only a 'unique' line.

Rules look at the shape of a line and its relation to the article, not at known strings of one
site: a headline list is a run of at least three short, unpunctuated lines that share few words
with the article's prose (or that a list label such as 'Explore' introduces, or that alternate
with bare '-' bullets); a consent notice is a short line nearly all of consent vocabulary
('This website uses cookies.') in an article whose own prose never speaks of cookies; a teaser is
a line cut off with '...' whose text another line gives in full. Words are
compared with rapidfuzz so 'defence'/'defense' and plurals still count as shared. Markup-looking
tags ('[bold]') are left out when a line is judged, never from the text kept. Blank lines (also
lines that are blank once terminal escapes are removed) are neither kept nor reported: they are
only spacing.

A crawl date glued in front of the first line ('date 2024-05-01 Officials said ...') dates the
article and is left out of the line, which is then judged (and kept) on its own. Lines that only
the story's other articles show to be off-topic go in a second pass (`core.ingest.story_clean`).

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
    consent_anchors,
    content_words,
    is_post_signature,
    is_prose,
    is_short_unpunctuated,
    line_reason,
    stated_date,
)
from tui.core.ingest.segment import sentences_for_lines
from tui.core.models import CleanResult, RemovedLine, SentenceKind
from tui.core.text.safe_text import display_text

# Rich-style tags: '[b]', '[bold red]', '[/]', '[/bold]', '[link=http://...]', '[@click=...]'.
_MARKUP_TAG = re.compile(r"\[/?[a-z@#][^\[\]\n]{0,80}\]|\[/\]")
# The date a crawler glued in front of a page's first line: 'date 2024-05-01 Officials said ...'.
_CRAWL_DATE = re.compile(r"^\s*date (\d{4}(?:-\d{2}){0,2})\s+(?=\S)")
_ELLIPSES = ("...", "\u2026")
_TEASER_MIN_CHARS = 40
_SHORT_LIST_ITEM_WORDS = 6
_POST_MAX_WORDS = 70
_POST_MARK = re.compile(r"[#@]\w|https?://")
_LEADING_BULLET = re.compile(r"^\s*[-\u2013\u2022*\u00b7\u25aa\u25cf]\s+\S")
_MENU_MIN_WORDS = 5
_MENU_MIN_VOCABULARY = 20

REASONS = (
    "headline list", "navigation", "related link", "page widget", "promotion", "coverage widget",
    "paywall", "read time", "date line", "section label", "byline", "credit line", "photo caption",
    "repeated title", "bullet marker", "cookie notice", "comment form", "site notice",
    "update notice", "social post", "teaser", "other story", "hashtags",
)  # fmt: skip
"""Every reason `clean_text` gives, so a face can group or explain them."""


def clean_text(raw: str, *, extracted: bool = False) -> CleanResult:
    """Split `raw` into the article (kept lines, title, date, sentences) and removed junk lines.

    `extracted`: `raw` is an extractor's article text (`core.ingest.html_page`), whose lists are
    the article's own (steps of a recipe, a product's features, a results table), since the
    extractor already dropped the page's menus and lists of other stories. Then only the line
    rules run (credit lines, captions, sign-offs, notices), never the list and menu rules.
    """
    raw_lines = raw.split("\n")
    lines = [display_text(piece) for piece in raw_lines]
    shapes = [_shape(text) for text in lines]  # what the rules judge; `lines` is what is kept
    filled = [n for n, text in enumerate(lines) if text]
    removed: dict[int, str] = {}
    found_date: str | None = None
    skips: dict[int, int] = {}  # line -> raw characters of a crawl date before its text
    for n in filled:
        reason, stated = line_reason(shapes[n])
        glued = _CRAWL_DATE.match(raw_lines[n]) if not reason and n == filled[0] else None
        if glued:
            # 'date 2024-05-01 Officials said ...': the date is the crawl's, the rest is judged
            # (and kept) on its own.
            rest = display_text(raw_lines[n][glued.end() :])
            reason, stated = line_reason(_shape(rest)) if rest else ("date line", None)
            found_date = stated_date(glued.group(1))
            if not reason:
                skips[n], lines[n], shapes[n] = glued.end(), rest, _shape(rest)
        if reason:
            removed[n] = reason
            found_date = found_date or stated  # only a date line dates the article
    _remove_signed_posts(shapes, filled, removed)
    _remove_caption_titles(shapes, filled, removed)
    consent = {n: consent_anchors(shapes[n]) for n in filled if n not in removed}
    consent = {n: anchors for n, anchors in consent.items() if anchors}
    prose = [n for n in filled if is_prose(shapes[n])]
    vocabulary = _Vocabulary(shapes[n] for n in prose if n not in consent)
    for n, anchors in consent.items():
        if not vocabulary.mentions(anchors):  # an article about cookie rules keeps its words
            removed[n] = "cookie notice"
    _remove_teasers(shapes, filled, removed)
    if not extracted:
        _remove_headline_lists(shapes, filled, removed, vocabulary, prose[-1] if prose else -1)
        _remove_header_menus(shapes, filled, removed, vocabulary, prose[0] if prose else len(lines))
    kept = [n for n in filled if n not in removed]
    title_line = _find_title(shapes, kept)
    _remove_header_junk(shapes, kept, removed, title_line, vocabulary)
    _remove_shouted_links(shapes, kept, removed, title_line)
    kept = [n for n in kept if n not in removed]
    kinds: dict[int, SentenceKind] = {n: "heading" for n in kept if _is_heading(shapes[n])}
    if title_line is not None:
        kinds[title_line] = "title"
    return CleanResult(
        text="\n".join(lines[n] for n in kept),
        title=lines[title_line] if title_line is not None else None,
        date=found_date,
        sentences=sentences_for_lines(raw, kept, kinds, skips=skips),
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


class _Vocabulary:
    """The content words of the article's prose, to tell its own lines from other stories'."""

    def __init__(self, prose: Iterable[str]) -> None:
        self.words = {w for text in prose for w in content_words(text)}
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
        words = content_words(text)
        return sum(1 for w in words if self.knows(w)) / len(words) if words else 0.0

    def knows(self, word: str) -> bool:
        """Whether the prose uses this word or a close variant of it."""
        if word in self.words:
            return True
        if word not in self._fuzzy:
            match = process.extractOne(word, self._choices, scorer=fuzz.ratio, score_cutoff=85)
            self._fuzzy[word] = match is not None
        return self._fuzzy[word]


_SHOUTED_MIN_WORDS = 8


def _remove_shouted_links(
    lines: list[str], kept: list[int], removed: dict[int, str], title_line: int | None
) -> None:
    """A line of eight words or more in capitals, below the title and not a sentence, is a link
    to another story ('JJ WATT BLITZES MEDIA OVER SHOHEI OHTANI FREE AGENCY COVERAGE'): pages
    set promoted headlines that way, while an article's own subheads in capitals are shorter
    ('HOW TO USE A WATER BATH CANNER')."""
    for n in kept:
        text = lines[n].strip()
        if (
            (title_line is None or n > title_line)
            and len(text.split()) >= _SHOUTED_MIN_WORDS
            and not any(ch.islower() for ch in text)
            and sum(ch.isalpha() for ch in text) >= 12
            and text.rstrip(CLOSING)[-1:] not in ".!?"
        ):
            removed[n] = "related link"


_CAPTION_TITLE_MAX_WORDS = 10
_CAPTION_TITLE_SHARE = 0.6


def _remove_caption_titles(lines: list[str], filled: list[int], removed: dict[int, str]) -> None:
    """A short line without a full stop just above a photo caption, saying what the caption
    says ('Shohei Ohtani congratulated in dugout' above 'Los Angeles Angels' Shohei Ohtani is
    congratulated by teammates in the dugout ...'), is the picture's title."""
    for before, n in zip(filled, filled[1:], strict=False):
        text = lines[before].strip()
        if (
            removed.get(n) != "photo caption"
            or before in removed
            or len(text.split()) > _CAPTION_TITLE_MAX_WORDS
            or text.rstrip(CLOSING)[-1:] in ".!?"
        ):
            continue
        words = content_words(text)
        caption = lines[n].casefold()
        if words and sum(w[:5] in caption for w in words) >= _CAPTION_TITLE_SHARE * len(words):
            removed[before] = "photo caption"


def _remove_signed_posts(lines: list[str], filled: list[int], removed: dict[int, str]) -> None:
    """An embedded post whose signature ('\u2014 Jane Doe (@janedoe) June 19, 2024') stands on a
    line of its own: the post's text is the line above it, when that reads like a post (a
    '#tag', an '@name', a link, or no closing full stop) rather than a sentence of the story."""
    for before, n in zip(filled, filled[1:], strict=False):
        text = lines[before]
        if (
            removed.get(n) == "social post"
            and before not in removed
            and len(text.split()) <= _POST_MAX_WORDS
            and is_post_signature(lines[n])
            and (_POST_MARK.search(text) or text.rstrip(CLOSING)[-1:] not in ".!?")
        ):
            removed[before] = "social post"


def _remove_teasers(lines: list[str], filled: list[int], removed: dict[int, str]) -> None:
    """A line cut off with an ellipsis whose text another line of the page gives in full (the
    page's summary of its own lede: 'Doha: Advisor to the Prime Minister ... said that the sta...').
    """
    for n in filled:
        text = lines[n].rstrip(CLOSING)
        if n in removed or not text.endswith(_ELLIPSES):
            continue
        end = len(text.removesuffix("\u2026").removesuffix("..."))
        if end < _TEASER_MIN_CHARS:
            continue
        head = utils.default_process(text[:end])
        fuller = (m for m in filled if m != n and m not in removed and len(lines[m]) > end)
        if any(
            fuzz.ratio(head, utils.default_process(lines[m])[: len(head)]) >= 90 for m in fuller
        ):
            removed[n] = "teaser"


def _remove_headline_lists(
    lines: list[str],
    filled: list[int],
    removed: dict[int, str],
    vocabulary: _Vocabulary,
    last_prose: int,
) -> None:
    """Find runs of list-like lines and remove those that are lists of other stories.
    `last_prose` is the story's last prose line (-1 for none)."""
    protected = _head_block(lines, filled, removed)
    run: list[int] = []
    for n in [*filled, -1]:
        listish = (
            n >= 0
            and n not in protected
            and (
                removed.get(n) == "bullet marker"
                or (n not in removed and is_short_unpunctuated(lines[n], max_words=22))
            )
        )
        if listish:
            run.append(n)
            continue
        if run:
            _judge_run(lines, filled, run, removed, vocabulary, last_prose)
        run = []


def _remove_header_menus(
    lines: list[str],
    filled: list[int],
    removed: dict[int, str],
    vocab: _Vocabulary,
    first_prose: int,
) -> None:
    """Above the first prose line, a menu in one line ('Edition: English Asia Pacific Africa |
    Espa\u00f1ol Fran\u00e7ais | ...'): parts split by '|' that share no word with the article's
    prose. A title with its site ('Lai wins | Taiwan | DW') always shares some."""
    if len(vocab.words) < _MENU_MIN_VOCABULARY:
        return
    for n in filled:
        text = lines[n]
        if n >= first_prose:
            return
        if n in removed or text.count("|") < 2 or not is_short_unpunctuated(text, max_words=30):
            continue
        words = set(content_words(text))
        if len(words) >= _MENU_MIN_WORDS and not any(vocab.knows(w) for w in words):
            removed[n] = "navigation"


def _head_block(lines: list[str], filled: list[int], removed: dict[int, str]) -> set[int]:
    """Title (and standfirst) just above the first prose line: never part of a list.

    Walking up from the first prose line past junk and short lines (labels, bylines), the first
    one or two long title-like lines are the article's head, unless a bullet introduces them.
    """
    first_prose = next((i for i, n in enumerate(filled) if is_prose(lines[n])), None)
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
    lines: list[str],
    filled: list[int],
    run: list[int],
    removed: dict[int, str],
    vocab: _Vocabulary,
    last_prose: int,
) -> None:
    markers = [n for n in run if removed.get(n) == "bullet marker"]
    items = [n for n in run if n not in markers]
    before = filled.index(run[0]) - 1
    label = filled[before] if before >= 0 else None
    # A list label says what follows is a list ('Related stories:' and two headlines), and so
    # do three or more bulleted tags after the story's last sentence. A labelled list shorter
    # than three needs a label that ends in ':' or items as long as headlines: a lone widget
    # word ('Latest') above a subhead of the story does not make the subhead a list.
    label_text = lines[label] if label is not None else ""
    introduced = label is not None and _is_list_label(label_text)
    labelled = introduced or _is_tag_list(lines, items, label, last_prose)
    if len(items) < 3 and not (
        introduced
        and items
        and (
            label_text.rstrip().endswith(":")
            or all(len(lines[n].split()) >= _SHORT_LIST_ITEM_WORDS for n in items)
        )
    ):
        return
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
    if label is not None and (
        introduced or label not in removed and _is_label(lines[label], vocab)
    ):
        removed[label] = reason


def _is_tag_list(lines: list[str], items: list[int], label: int | None, last_prose: int) -> bool:
    """Three or more bulleted one-to-three-word lines ('- Iran', '- Qatar') after the last
    sentence, not introduced by a line ending in ':' (that would be the story's own list).
    Only tags: longer unpunctuated lines after the last sentence may be a subhead and its
    paragraph cut off mid-word, as scraped pages often end."""
    return (
        len(items) >= 3
        and items[0] > last_prose
        and (label is None or not lines[label].endswith(":"))
        and all(_LEADING_BULLET.match(lines[n]) and len(lines[n].split()) <= 4 for n in items)
    )


def _is_list_label(text: str) -> bool:
    """'Explore', 'More on this story', 'Explore more on these topics', 'Most viewed'."""
    folded = _folded(text)
    return len(folded.split()) <= 6 and any(
        folded == label or folded.startswith(label + " ") for label in LIST_LABELS
    )


def _is_label(text: str, vocab: _Vocabulary) -> bool:
    return is_short_unpunctuated(text, max_words=4) and vocab.relatedness(text) < 0.5


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
        is_short_unpunctuated(text, max_words=25)
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
        if is_prose(text):
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
        is_short_unpunctuated(text, max_words=20) and bare[:1].isupper() and bare[-1:] not in "?!"
    )
