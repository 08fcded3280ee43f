"""Cleaning scraped article text: keep the article whole, take out the page around it.

Scrapers hand over the article together with its page: lists of other stories, 'Related' links,
share buttons, paywall prompts, aggregator widgets, read-time and date lines, section labels,
credit lines and photo captions. `clean_text` removes those line by line, each with a short reason
a reader understands (`REASONS`), and keeps everything that is the story: title, lede, every body
sentence, subheads and quotes. When a rule is unsure, the line stays: a missing sentence would be
a false 'left out' in the comparison, a stray one only a 'unique' line.

Rules look at the shape of a line and its relation to the article, not at known strings of one
site: a headline list is a run of at least three short, unpunctuated lines that share few words
with the article's prose (or that a list label such as 'Explore' introduces, or that alternate
with bare '-' bullets). Words are compared with rapidfuzz so 'defence'/'defense' and plurals
still count as shared. Blank lines (also lines that are blank once terminal escapes are removed)
are neither kept nor reported: they are only spacing.

Kept lines become sentences (`core.segment`) whose spans index `raw`; `CleanResult.text` and
`RemovedLine.text` hold the display-safe line (escapes removed, whitespace folded).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from rapidfuzz import fuzz, process, utils

from tui.core.models import CleanResult, RemovedLine, SentenceKind
from tui.core.segment import display_text, sentences_for_lines

REASONS = (
    "headline list", "navigation", "related link", "page widget", "promotion", "coverage widget",
    "paywall", "read time", "date line", "section label", "byline", "credit line", "photo caption",
    "repeated title", "bullet marker",
)  # fmt: skip
"""Every reason `clean_text` gives, so a face can group or explain them."""

_AGENCY = (
    r"(?:AFP|AP|Reuters|EFE|EPA(?:-EFE)?|dpa|ANSA|Xinhua|Kyodo(?: News)?|Jiji(?: Press)?|Yonhap"
    r"|TASS|Anadolu(?: Agency)?|AA|PA(?: Media)?|UPI|Bloomberg|IANS|PTI|WAFA|Getty Images"
    r"|Shutterstock|Associated Press|Agence France-Presse)"
)
_CREDIT = re.compile(
    rf"^(?:[/©|]\s*)?{_AGENCY}(?:\s*[/|,]\s*{_AGENCY})*$"
    r"|^(?:source|sources|photo|photos|image source|image|credit|picture|copyright)\s*[:,]\s*"
    r"\S.{0,60}$"
    r"|^[A-Z][\w.'-]*(?: [\w.'-]+){0,3}--[A-Z][A-Za-z]{1,5}$"  # AFP-style signature 'P.Serra--PC'
    r"|^[a-z]{2,4}(?:[-/][a-z]{2,5})+$"  # agency desk initials 'kaf-ami/pbt'
    r"|^(?:additional reporting by .{2,60}"
    r"|.{2,60} contributed (?:to )?(?:this )?report(?:ing)?\.?)$",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^(?:image caption|caption|photo|photograph|picture)\s*[:,]"
    r"|\S\s+[/|]\s*(?:[A-Z][\w.&-]*)(?:\s+[A-Z][\w.&-]*){0,2}$"
    r"|\((?:photo|image|picture|credit)\b[^)]*\)\s*$"
    r"|Photograph:\s*\S.*$",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^Related(?=[A-Z:|\-\u2013\u2014]|\s*$)"  # 'Related', 'Related:', 'RelatedTRT World - ...'
    r"|^Related\s+(?i:articles?|stories|news|content|coverage|topics|links|reading|posts)\b"
    r"|^(?i:read more|read also|also read|see also|more on this story)\s*[:\-\u2013\u2014]"
)
_READ_TIME = re.compile(
    r"^(?:reading time:?\s*)?\d+\s*(?:-\s*)?(?:min|mins|minutes?)(?:\s+(?:read|listen))?$", re.I
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?P<month>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)"
_DATE_FORMS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})\b", re.I),
)
_STAMP = re.compile(
    r"^(?:published|updated|posted|last updated|first published)\b"
    r"|^\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$",
    re.I,
)
_COVERAGE = re.compile(
    r"^\d[\d,.]*\s*k?\s+(?:articles|sources|outlets|stories)$"
    r"|^\W*\d+%\s+of\s+(?:the\s+)?(?:sources|outlets|coverage)\b",
    re.I,
)
_COUNTER = re.compile(r"^\d[\d,.]*\s*[km]?\s+(?:comments?|shares?|views?|likes?|reactions?)$", re.I)
_PAYWALL = re.compile(
    r"\b(?:upgrade to (?:premium|pro|plus|unlimited|a (?:paid|premium|digital)\b)"
    r"|subscribe (?:now|today|to (?:read|continue|unlock|keep))|subscribers? only"
    r"|already a subscriber|(?:article|content) is (?:for|available to|reserved for) (?:paying )?"
    r"(?:subscribers|members)|to (?:view|read|continue|unlock)\b.{0,60}"
    r"\b(?:please (?:upgrade|subscribe|sign in|log in)|premium|membership))",
    re.I,
)
_PROMOTION = re.compile(
    r"^(?:sign up|subscribe|register|download|get|follow us|join)\b.{0,120}"
    r"\b(?:newsletters?|our app|the app|briefing|whatsapp channel|on (?:x|twitter|facebook"
    r"|instagram|telegram|youtube))\b",
    re.I,
)
# Only in the page header, before the story starts: 'Maria López in Santiago', 'BBC News, Osaka'.
_HEADER_BYLINE = re.compile(
    r"^[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){1,3} in [A-Z][\w'. -]+$"
    r"|^[A-Z][\w&'.-]*(?: [A-Z][\w&'.-]*){0,3}, [A-Z][\w'. -]+$"
)
_BYLINE = re.compile(r"^By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,4}(?:\s*(?:,|and|&|in)\s.*)?$")


def _phrases(joined: str) -> frozenset[str]:
    return frozenset(joined.split("|"))


_BULLET_ONLY = re.compile(r"^[-\u2013\u2014\u2022*\u00b7\u25aa\u25cf>]+$")
_LIST_LABELS = _phrases(
    "explore|related|related stories|related articles|more on this story|more stories|read more"
    "|most read|most viewed|most popular|popular|trending|top stories|latest|latest news"
    "|you may also like|you might also like|also read|see also|recommended|editors picks"
    "|more from|further reading|in other news|more news|what to read next"
)
_WIDGETS = _LIST_LABELS | _phrases(
    "share|share this|share this article|share on facebook|share on x|save|saved|copy link|print"
    "|email|comments|comment|advertisement|advert|sponsored|sponsored content|help us improve"
    "|was this article helpful|give feedback|feedback|follow us|listen|listen to this article"
    "|watch|play video|skip to content|skip advert|close|menu|home|newsletter|sign up|subscribe"
    "|log in|sign in|back to top|tags|topics|facebook|twitter|x|whatsapp|linkedin|telegram"
    "|reddit|cookie settings|accept all cookies|coverage details|bias distribution|factuality"
    "|blindspot|similar news topics|ownership|media bias"
)
_COVERAGE_WORDS = _phrases("coverage details|bias distribution|factuality|blindspot")
_STOPWORDS = _phrases(
    "the|and|for|with|from|that|this|have|has|had|was|were|are|will|would|into|over|after|about"
    "|their|they|them|then|than|also|been|its|his|her|our|out|not|but|who|what|when|where|which"
    "|while|amid|said|says|can|could|may|might|more|most|new|one|two"
)
_SENTENCE_END = ".!?:;,\u2026"
_CLOSING = "\"'\u201d\u2019)]\u00bb"
_OPENING = "\"'\u201c\u2018([\u00ab"


def clean_text(raw: str) -> CleanResult:
    """Split `raw` into the article (kept lines, title, date, sentences) and removed junk lines."""
    lines = [display_text(piece) for piece in raw.split("\n")]
    filled = [n for n, text in enumerate(lines) if text]
    removed: dict[int, str] = {}
    found_date: str | None = None
    for n in filled:
        reason, stated = _line_reason(lines[n])
        if reason:
            removed[n] = reason
            found_date = found_date or stated  # only a date line dates the article
    vocabulary = _Vocabulary(lines[n] for n in filled if _is_prose(lines[n]))
    _remove_headline_lists(lines, filled, removed, vocabulary)
    kept = [n for n in filled if n not in removed]
    title_line = _find_title(lines, kept)
    _remove_header_junk(lines, kept, removed, title_line, vocabulary)
    kept = [n for n in kept if n not in removed]
    kinds: dict[int, SentenceKind] = {n: "heading" for n in kept if _is_heading(lines[n])}
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


def _line_reason(text: str) -> tuple[str | None, str | None]:
    """The junk reason a line has on its own (or None), and the ISO date it states, if any."""
    plain = text.strip()
    folded = re.sub(r"[^\w%&' ]+", " ", plain.lower()).strip()
    folded = re.sub(r"\s+", " ", folded.replace("'", ""))
    words = len(plain.split())
    if _BULLET_ONLY.match(plain):
        return "bullet marker", None
    if words <= 8 and _CREDIT.match(plain):
        return "credit line", None
    if words >= 4 and _CAPTION.search(plain) and not _ends_sentence_inside_quote(plain):
        return "photo caption", None
    if _RELATED.match(plain) and (words <= 25):
        return "related link", None
    stated = _stated_date(plain)
    if _STAMP.match(plain) and words <= 10 or stated and words <= 7 and _leftover_words(plain) <= 4:
        return "date line", stated
    if _READ_TIME.match(plain):
        return "read time", None
    if _COVERAGE.match(plain) or folded in _COVERAGE_WORDS:
        return "coverage widget", None
    if _PAYWALL.search(plain) and words <= 25:
        return "paywall", None
    if _PROMOTION.match(plain) and words <= 30:
        return "promotion", None
    if folded in _WIDGETS or _COUNTER.match(plain):
        return "page widget", None
    if words <= 10 and _BYLINE.match(plain) and plain[-1] not in _SENTENCE_END:
        return "byline", None
    return None, None


def _ends_sentence_inside_quote(text: str) -> bool:
    """A quoted sentence such as '"... alliance.'"' is text, never a caption."""
    return text[-1] in _CLOSING and len(text) > 1 and text[-2] in ".!?"


def _stated_date(text: str) -> str | None:
    for form in _DATE_FORMS:
        match = form.search(text)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else None
        if month is None:
            month = _MONTHS.index(parts["month"].lower()[:3]) + 1
        try:
            return date(int(parts["year"]), month, int(parts["day"])).isoformat()
        except ValueError:
            continue
    return None


def _leftover_words(text: str) -> int:
    for form in _DATE_FORMS:
        text = form.sub(" ", text)
    return len(re.findall(r"[A-Za-z]{2,}", text))


def _is_prose(text: str) -> bool:
    """Running text: a long line that ends a sentence (possibly inside closing quotes)."""
    return len(text.split()) >= 12 and text.rstrip(_CLOSING)[-1:] in ".!?:"


def _is_short_unpunctuated(text: str, *, max_words: int) -> bool:
    bare = text.strip(_OPENING + _CLOSING + " ")
    return 0 < len(bare.split()) <= max_words and bare[-1:] not in ".:;,\u2026"


def _content_words(text: str) -> list[str]:
    words = utils.default_process(text).split()
    return [w for w in words if len(w) >= 3 and w not in _STOPWORDS]


class _Vocabulary:
    """The content words of the article's prose, to tell its own lines from other stories'."""

    def __init__(self, prose: Iterable[str]) -> None:
        self.words = {w for text in prose for w in _content_words(text)}
        self._choices = sorted(self.words)
        self._fuzzy: dict[str, bool] = {}

    def __bool__(self) -> bool:
        return bool(self.words)

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
        folded == label or folded.startswith(label + " ") for label in _LIST_LABELS
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
    bare = text.strip(_OPENING + _CLOSING + " ")
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
        elif prose_seen == 0 and len(text.split()) <= 7 and _HEADER_BYLINE.match(text):
            removed[n] = "byline"
        elif prose_seen == 0 and (vocab or text.isupper()) and _is_label(text, vocab):
            # Without prose to compare with, only an all-capitals label ('WORLD') is sure.
            removed[n] = "section label"


def _is_heading(text: str) -> bool:
    """A subhead: short, capitalised, no final punctuation ('What Was Agreed')."""
    bare = text.strip(_OPENING + _CLOSING + " ")
    return (
        _is_short_unpunctuated(text, max_words=20) and bare[:1].isupper() and bare[-1:] not in "?!"
    )
