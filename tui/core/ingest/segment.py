"""Splitting raw article text into sentences whose spans point back into the raw text.

Scraped text is split on newlines first, then each line into sentences with syntok: headlines and
list items carry no full stop, and every splitter glues them onto the next sentence otherwise.
syntok was measured best on the seeds (15/15 tricky cases such as 'U.S.', 'Japan-U.S.', 'Jan. 15',
quotes and 'P.Serra--PC'; see FIELD-NOTES) and it is linear in the length of a line. Where it
reads a sentence end as an abbreviation ('at 9 a.m. Two more', 'King Charles III. Two more'),
its sentences are cut once more (`_MISSED_END`).

Spans index the stored raw text (`core.text.textio`), which may still hold terminal escape
sequences and control characters. Before splitting, those are masked with spaces of the same length, so offsets
stay exact while syntok never sees them and sentence *text* never carries them (text from the web
must be safe to put on a terminal). A leading list bullet ('- ', '• ') is masked the same way: it is
layout, not part of the sentence.

Hostile input must not freeze an import (files up to 10 MB are accepted). syntok costs ~2 s per MB
of prose, and bracket runs ('( ( ( ...') ~40 s per MB, because it looks up to 50 tokens ahead from
each opening bracket. So each line is first cut into pieces where syntok would surely split anyway:
a plain lowercase word (not one of syntok's abbreviations), a terminal, a space, a capital, with no
bracket earlier in the piece. A piece with no other place syntok could end a sentence is one
sentence without asking it; syntok sees only the rest, never more than `CHUNK_CHARS` at once (a
longer stretch is cut at whitespace), with a crowd of brackets masked, and at most
`SYNTOK_BUDGET_CHARS` per text. Up to those limits the spans are syntok's, trimmed (tests compare
them), and only text far larger than any article meets the limits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from syntok import segmenter
from syntok._segmentation_states import State
from syntok.tokenizer import Tokenizer

from tui.core.models import Sentence, SentenceKind
from tui.core.text.safe_text import display_text, mask_unsafe

_LEADING_BULLET = re.compile(r"^(\s*)([-\u2013\u2022*\u00b7\u25aa\u25cf])\s+(?=\S)")

_TOKENIZER = Tokenizer(replace_not_contraction=False)

CHUNK_CHARS = 2_000
"""The most characters syntok is given at once; longer pieces are cut at whitespace."""
MAX_OPEN_BRACKETS = 24
"""More opening brackets than this in one piece is a bracket run, not prose: they are masked."""
SYNTOK_BUDGET_CHARS = 500_000
"""The most characters syntok sees while splitting one text (~1-1.5 s; about 1.5 MB of prose, as
only pieces with an inner full stop need it). Past it, which no article reaches (the seeds are
2-6 KB), such a piece stays one sentence."""
# A sentence surely ends after a plain lowercase word (not an abbreviation such as 'approx.'), a
# terminal, at most one closing quote (syntok keeps '.\'" Next' together), whitespace, then a
# capital, possibly after an opening quote. The word before is checked in `_plain_word_before`: a
# look-behind tried at every position would be ~10x slower.
_TERMINAL_THEN_CAPITAL = re.compile(r"[.!?][\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018]?[A-Z])")
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_ABBREVIATIONS = frozenset(word.lower() for word in State.abbreviations | State.months)
_OPENING_BRACKETS = "".join(sorted(State.opening_brackets))
_OPEN_BRACKET = re.compile(f"[{re.escape(_OPENING_BRACKETS)}]")
_ANY_BRACKET = re.compile(f"[{re.escape(_OPENING_BRACKETS + ''.join(State.closing_brackets))}]")
_NEUTRAL = "#"  # not a terminal, bracket, quote or inner punctuation to syntok
# Where syntok may end a sentence: its terminals, '(' (which it treats as one) and the ellipsis.
# A piece without any of them, apart from its own final punctuation, is a single sentence.
_MAY_END = re.compile(
    f"[{re.escape(''.join(t for t in State.terminals if len(t) == 1) + _OPENING_BRACKETS)}\u2026]"
)
_CLOSING = "\"'\u201d\u2019\u00bb)]}"
# syntok reads 'a.m.', 'p.m.' and Roman numerals ('III.') as abbreviations and splits after them
# only before a word it knows as a sentence starter ('The'), so 'at 9 a.m. Two more died' and
# 'King Charles III. Two more' stay one sentence. They end one when a capitalised word follows
# that cannot carry it on (`_ends_sentence`): not a weekday, month or time zone ('9 a.m. Monday',
# '6 p.m. ET', '4 p.m. Beijing time').
_MISSED_END = re.compile(
    r"(?:\b[ap]\.m\.|\b[AP]\.M\.|(?<=[a-z] )(?P<roman>[IVXL]{2,6})\.)[\"'\u201d\u2019)]?\s+"
    r"(?=[\"'\u201c\u2018]?(?P<next>[A-Z][\w'\u2019-]*)(?:\s+(?P<after>\w+))?)"
)
_INNER_STOP = re.compile(r"\.[\"'\u201d\u2019)]?\s")
_ROMAN = re.compile(r"^(?:L?X{0,3})(?:IX|IV|V?I{0,3})$")
_TIME_FOLLOWERS = frozenset(
    (
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
        "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "eastern", "pacific", "central", "mountain", "atlantic", "local", "standard", "daylight",
        "universal", "greenwich",
    )
)  # fmt: skip


def line_spans(raw: str) -> list[tuple[int, int]]:
    """(start, end) of every line of `raw`, newline excluded; line n is the n-th element."""
    spans: list[tuple[int, int]] = []
    start = 0
    for piece in raw.split("\n"):
        spans.append((start, start + len(piece)))
        start += len(piece) + 1
    return spans


def split_sentences(raw: str) -> list[tuple[int, int]]:
    """Sentence spans over every non-blank line of `raw`, in order."""
    spans: list[tuple[int, int]] = []
    budget = _SyntokBudget()
    for start, end in line_spans(raw):
        spans.extend(_split_line(raw, start, end, budget))
    return spans


def sentences_for_lines(
    raw: str,
    lines: Sequence[int],
    kinds: Mapping[int, SentenceKind],
    *,
    skips: Mapping[int, int] | None = None,
) -> tuple[Sentence, ...]:
    """Sentences of the given 0-based raw lines, numbered from 0 in the order given.

    `kinds` names the kind of each line (title, heading); lines not in it are body text. `skips`
    gives, for some lines, how many characters at their start are not part of the article (a
    crawl date glued to the text). A line number past the end of `raw` is ignored.
    """
    all_lines = line_spans(raw)
    sentences: list[Sentence] = []
    budget = _SyntokBudget()
    skips = skips or {}
    for line in lines:
        if not 0 <= line < len(all_lines):
            continue
        kind = kinds.get(line, "body")
        line_start, line_end = all_lines[line]
        if line in skips:
            line_start = min(line_end, line_start + skips[line])
        for start, end in _split_line(raw, line_start, line_end, budget):
            text = display_text(raw[start:end])
            sentences.append(Sentence(len(sentences), text, start, end, line, kind))
    return tuple(sentences)


class _SyntokBudget:
    """What is left of `SYNTOK_BUDGET_CHARS` while one text is split."""

    __slots__ = ("left",)

    def __init__(self) -> None:
        self.left = SYNTOK_BUDGET_CHARS


def _split_line(raw: str, start: int, end: int, budget: _SyntokBudget) -> Iterator[tuple[int, int]]:
    masked = mask_unsafe(raw[start:end])
    masked = _LEADING_BULLET.sub(lambda m: m.group(1) + " " * (m.end() - m.end(1)), masked)
    if not masked.strip():
        return
    for piece_start, piece_end in piece_bounds(masked):
        for first, last in _piece_spans(masked[piece_start:piece_end], budget):
            yield start + piece_start + first, start + piece_start + last


def piece_bounds(text: str) -> list[tuple[int, int]]:
    """Cut one line into consecutive pieces that cover it, none longer than `CHUNK_CHARS`.

    Cuts fall on sure sentence boundaries, but not where a bracket precedes the boundary within
    the piece: syntok skips over bracketed text as a whole. A stretch that would grow too long is
    cut at the last sure boundary in it anyway, else after its last whitespace, else at the limit.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    held: int | None = None  # a sure boundary passed over because of a bracket
    for match in _TERMINAL_THEN_CAPITAL.finditer(text):
        if not _plain_word_before(text, match.start()):
            continue
        cut = match.end()
        while cut - start > CHUNK_CHARS:
            start, held = _forced_cut(text, start, held, bounds), None
        if _ANY_BRACKET.search(text, start, cut):
            held = cut
        else:
            bounds.append((start, cut))
            start, held = cut, None
    while len(text) - start > CHUNK_CHARS:
        start, held = _forced_cut(text, start, held, bounds), None
    bounds.append((start, len(text)))
    return bounds


def _plain_word_before(text: str, end: int) -> bool:
    """A whole lowercase ASCII word of 3+ letters ends at `end`, and it is no abbreviation."""
    start = end
    while start > 0 and text[start - 1] in _ASCII_LOWER:
        start -= 1
    if end - start < 3 or (start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")):
        return False
    return text[start:end] not in _ABBREVIATIONS


def _forced_cut(text: str, start: int, held: int | None, bounds: list[tuple[int, int]]) -> int:
    """End the piece from `start` that would otherwise pass `CHUNK_CHARS`; return the cut."""
    cut = held
    if cut is None:
        limit = start + CHUNK_CHARS
        space = max(text.rfind(" ", start + 1, limit), text.rfind("\t", start + 1, limit))
        cut = space + 1 if space > start else limit
    bounds.append((start, cut))
    return cut


def _piece_spans(piece: str, budget: _SyntokBudget) -> Iterator[tuple[int, int]]:
    """Sentence spans of one piece, trimmed of surrounding whitespace."""
    stripped = piece.strip()
    if not stripped:
        return
    if len(_OPEN_BRACKET.findall(piece)) > MAX_OPEN_BRACKETS:
        piece = _ANY_BRACKET.sub(_NEUTRAL, piece)
    body = piece.strip().rstrip(_CLOSING).rstrip(".!?")
    # Without a place syntok could end a sentence, it would see one: spare its cost.
    if not _MAY_END.search(body) or budget.left < len(piece):
        lead = len(piece) - len(piece.lstrip())
        yield lead, lead + len(stripped)
        return
    budget.left -= len(piece)
    for tokens in segmenter.segment(_TOKENIZER.tokenize(piece)):
        if not tokens:
            continue
        first, last = tokens[0], tokens[-1]
        span_start, span_end = first.offset, last.offset + len(last.value)
        text = piece[span_start:span_end]
        cuts = (
            [m.end() for m in _MISSED_END.finditer(text) if _ends_sentence(text, m)]
            if _INNER_STOP.search(text)  # a cheap test first: _MISSED_END costs ~8 us a sentence
            else []
        )
        for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
            part = text[start:end]
            stripped = part.strip()
            if stripped:
                lead = len(part) - len(part.lstrip())
                yield span_start + start + lead, span_start + start + lead + len(stripped)


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether a `_MISSED_END` match ends a sentence: see there."""
    following, after = match["next"], match["after"] or ""
    roman = match["roman"]
    if roman is not None:
        # 'King Charles III.', 'World War II.': a name before it; 'Sections II. And' is no name.
        name = text[: match.start("roman")].split()[-1:]
        return bool(_ROMAN.match(roman)) and bool(name) and name[0][:1].isupper()
    if following.lower().rstrip("'\u2019s") in _TIME_FOLLOWERS or after.lower() == "time":
        return False
    return not (following.isupper() and len(following) >= 2)  # a time zone: 'ET', 'GMT'
