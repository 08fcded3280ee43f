"""Render two versions of a sentence with their word changes marked, as rich Text.

Shared by the side-by-side screen and the main screen's diff pane, so a change looks the same
everywhere: deletions red on the left, insertions green on the right, replacements yellow (the
look of a side-by-side diff). The word diff itself comes from `tui.core.wordiff.word_diff`; this
module only maps its word ranges back onto the original strings. `render_pair` lays two such
sentences out as one two-column row (`PairVisual`) for lists of aligned sentences.

Article text is data, so the result is always the original sentence verbatim (markup-looking
brackets included) with styles applied by span, never parsed as markup; control characters are
swapped one for one for visible stand-ins (ESC shows as '␛') so they cannot drive the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import RenderOptions, Visual

from tui.core.wordiff import WordOp, word_diff

Side = Literal["a", "b", "inline"]
"""Which text to draw: `a` (left, deletions marked), `b` (right, insertions), or `inline` (a with
b's words interleaved after the words they replace)."""

DELETE_STYLE = Style(color="red", bold=True)
"""Words only the left sentence has."""
INSERT_STYLE = Style(color="green", bold=True)
"""Words only the right sentence has."""
REPLACE_STYLE = Style(color="yellow", bold=True)
"""Words both have at the same place, in different forms."""
INLINE_DELETE_STYLE = Style(color="red", strike=True)
"""In the inline view the old words are struck through so the new ones read as the sentence."""

GAP = Text("—", style="dim", end="")
"""What stands in a column where one side has no counterpart sentence."""
ONLY_LEFT_STYLE = Style(color="red")
"""A sentence only the left side has (a deleted line, in diff terms)."""
ONLY_RIGHT_STYLE = Style(color="green")
"""A sentence only the right side has (an added line)."""
SEPARATOR = " │ "

Span = tuple[int, int]

_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A)}
_CONTROL_PICTURES[0x7F] = "\u2421"
_CONTROL_PICTURES.update({code: "\ufffd" for code in range(0x80, 0xA0)})


def printable(text: str) -> str:
    """`text` with control characters swapped for visible stand-ins, one character for one.

    A scraped page may hold an escape sequence; written to the terminal raw it would recolour or
    move the cursor. ESC shows as '␛' and the rest of the sequence as the text it is, so the
    reader sees exactly what the page held. Offsets into the text stay valid.
    """
    return text.translate(_CONTROL_PICTURES)


def data_text(text: str, *, style: str | Style = "") -> Text:
    """Article data as a Text: never parsed as markup, control characters made visible."""
    return Text(printable(text), style=style, end="")


def locate_words(text: str, words: Sequence[str]) -> list[Span | None]:
    """Find each word of `words` in `text`, in order, as (start, end) character offsets.

    The diff may normalise words (case, spelling variants), so a word that is not found verbatim
    is looked for case-insensitively; one that still cannot be found gets None and is simply left
    unstyled. The search never moves backwards, so repeated words map to successive occurrences.
    """
    folded = text.lower()
    same_length = len(folded) == len(text)
    spans: list[Span | None] = []
    cursor = 0
    for word in words:
        if not word:
            spans.append(None)
            continue
        at = text.find(word, cursor)
        if at < 0 and same_length:
            at = folded.find(word.lower(), cursor)
        if at < 0:
            spans.append(None)
            continue
        spans.append((at, at + len(word)))
        cursor = at + len(word)
    return spans


def _range_span(spans: Sequence[Span | None], first: int, last: int) -> Span | None:
    """The character span covering words first..last-1, ignoring words that were not located."""
    found = [span for span in spans[first:last] if span is not None]
    if not found:
        return None
    return found[0][0], found[-1][1]


def _mark_one_side(
    text: str, spans: Sequence[Span | None], ranges: list[tuple[int, int, Style]]
) -> Text:
    """The whole of `text`, with each word range of `ranges` styled."""
    rendered = Text(text, end="")
    for first, last, style in ranges:
        span = _range_span(spans, first, last)
        if span is not None:
            rendered.stylize(style, span[0], span[1])
    return rendered


def render_word_diff(a: str, b: str, *, side: Side) -> Text:
    """Return sentence `a` or `b` (or both inline) as Text with the words that differ styled.

    `side="a"` marks deletions red and replacements yellow on a; `side="b"` marks insertions green
    and replacements yellow on b; `side="inline"` shows a with removed words struck red and b's
    new words inserted in green right after them.
    """
    diff = word_diff(a, b)
    # Control characters are swapped one for one, so word offsets found here hold for the output.
    a, b = printable(a), printable(b)
    a_spans = locate_words(a, [printable(word) for word in diff.a_words])
    b_spans = locate_words(b, [printable(word) for word in diff.b_words])
    if side == "a":
        ranges = [
            (op.a0, op.a1, DELETE_STYLE if op.tag == "delete" else REPLACE_STYLE)
            for op in diff.ops
            if op.tag in ("delete", "replace")
        ]
        return _mark_one_side(a, a_spans, ranges)
    if side == "b":
        ranges = [
            (op.b0, op.b1, INSERT_STYLE if op.tag == "insert" else REPLACE_STYLE)
            for op in diff.ops
            if op.tag in ("insert", "replace")
        ]
        return _mark_one_side(b, b_spans, ranges)
    if side == "inline":
        return _render_inline(a, b, a_spans, b_spans, diff.ops)
    raise ValueError(f"side must be 'a', 'b' or 'inline', got {side!r}")


def _render_inline(
    a: str,
    b: str,
    a_spans: Sequence[Span | None],
    b_spans: Sequence[Span | None],
    ops: Sequence[WordOp],
) -> Text:
    """Walk a's text in order, striking removed words and splicing in b's new ones."""
    rendered = Text(end="")
    cursor = 0
    for op in ops:
        tag = op.tag
        if tag in ("equal", "delete", "replace"):
            span = _range_span(a_spans, op.a0, op.a1)
            if span is not None and span[0] >= cursor:
                rendered.append(a[cursor : span[0]])
                style = None if tag == "equal" else INLINE_DELETE_STYLE
                rendered.append(a[span[0] : span[1]], style=style)
                cursor = span[1]
        if tag in ("insert", "replace"):
            span = _range_span(b_spans, op.b0, op.b1)
            if span is not None:
                if rendered.plain and not rendered.plain[-1].isspace():
                    rendered.append(" ")
                rendered.append(b[span[0] : span[1]], style=INSERT_STYLE)
                if tag == "insert" and cursor < len(a) and not a[cursor].isspace():
                    rendered.append(" ")
    rendered.append(a[cursor:])
    return rendered


class PairVisual(Visual):
    """Two wrapped columns with a rule between them, rendered from Textual Content.

    A rich Table per row made the list measure 300 rows at ~2 ms each on every outlet change;
    Content wraps and caches its own height, so a row costs two wraps.
    """

    def __init__(self, left: Text, right: Text) -> None:
        self.left = Content.from_rich_text(left)
        self.right = Content.from_rich_text(right)

    @staticmethod
    def _columns(width: int) -> tuple[int, int]:
        left = max(1, (width - len(SEPARATOR)) // 2)
        return left, max(1, width - len(SEPARATOR) - left)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        left, right = self._columns(width)
        return max(self.left.get_height(rules, left), self.right.get_height(rules, right), 1)

    def render_strips(
        self, width: int, height: int | None, style: VisualStyle, options: RenderOptions
    ) -> list[Strip]:
        left_width, right_width = self._columns(width)
        left = self.left.render_strips(left_width, None, style, options)
        right = self.right.render_strips(right_width, None, style, options)
        rows = max(len(left), len(right), 1) if height is None else height
        base = style.rich_style
        separator = Strip([Segment(SEPARATOR, base + Style(dim=True))], len(SEPARATOR))
        blank = Strip([])
        return [
            Strip.join(
                [
                    (left[i] if i < len(left) else blank).adjust_cell_length(left_width, base),
                    separator,
                    (right[i] if i < len(right) else blank).adjust_cell_length(right_width, base),
                ]
            )
            for i in range(rows)
        ]


def render_pair(left: str | None, right: str | None) -> PairVisual:
    """A side-by-side row of two sentences (None: that side has none), as in a diff tool.

    Both present: changed words marked on each side. One present: the whole sentence in the
    deleted (left) or added (right) colour, facing a gap.
    """
    if left is not None and right is not None:
        if left == right:
            return PairVisual(data_text(left), data_text(right))
        return PairVisual(
            render_word_diff(left, right, side="a"), render_word_diff(left, right, side="b")
        )
    if left is not None:
        return PairVisual(data_text(left, style=ONLY_LEFT_STYLE), GAP)
    if right is not None:
        return PairVisual(GAP, data_text(right, style=ONLY_RIGHT_STYLE))
    raise ValueError("a row needs at least one sentence")
