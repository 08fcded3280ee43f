"""Render two versions of a sentence with their word changes marked, as Textual Content.

Shared by the side-by-side screen and the main screen's diff pane, so a change looks the same
everywhere, in crosswire's one colour language (`tui.widgets.palette`): words only the focused
(left) sentence has in the 'only here' colour, words only the other (right) has in the 'only
there' colour, changed words in the 'changed' colour. The styles are theme variables in a
`DiffStyles`, so a caller can pass others. The word diff itself comes from
`tui.core.drift.wordiff.word_diff`; this module only maps its word ranges back onto the original
strings. `render_pair` lays two such sentences out as one two-column row (`PairVisual`).

Article text is data, so the result is always the original sentence verbatim (markup-looking
brackets included) with styles applied by span, never parsed as markup; control characters are
swapped one for one for visible stand-ins by `tui.widgets.safe_text`, the one sanitiser.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import RenderOptions, Visual

from tui.widgets import safe_text
from tui.widgets.palette import ONLY_HERE, ONLY_THERE, REWORDED

if TYPE_CHECKING:
    from tui.core.drift.wordiff import WordOp

Side = Literal["a", "b", "inline"]
"""Which text to draw: `a` (left, deletions marked), `b` (right, insertions), or `inline` (a with
b's words interleaved after the words they replace)."""


@dataclass(frozen=True, slots=True)
class DiffStyles:
    """Textual style strings for the parts of a word diff (theme variables by default)."""

    delete: str = f"{ONLY_HERE} bold"
    """Words only the left (focused) sentence has."""
    insert: str = f"{ONLY_THERE} bold"
    """Words only the right sentence (the counterpart) has."""
    replace: str = f"{REWORDED} bold"
    """Words both have at the same place, in different forms."""
    inline_delete: str = f"{ONLY_HERE} strike"
    """In the inline view the old words are struck through so the new ones read as the sentence."""


THEME_DIFF_STYLES = DiffStyles()
DELETE_STYLE = THEME_DIFF_STYLES.delete
INSERT_STYLE = THEME_DIFF_STYLES.insert
REPLACE_STYLE = THEME_DIFF_STYLES.replace
INLINE_DELETE_STYLE = THEME_DIFF_STYLES.inline_delete

GAP = Content.styled("—", "$text-muted")
"""What stands in a column where one side has no counterpart sentence."""
ONLY_LEFT_STYLE = ONLY_HERE
"""A sentence only the left side has (a deleted line, in diff terms)."""
ONLY_RIGHT_STYLE = ONLY_THERE
"""A sentence only the right side has (an added line)."""
SEPARATOR = " │ "

Span = tuple[int, int]


def data_text(text: str, *, style: str | Style = "") -> Text:
    """Article data as a rich Text (for DataTable cells): never markup, controls made visible."""
    return Text(safe_text(text), style=style, end="")


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
    text: str, spans: Sequence[Span | None], ranges: list[tuple[int, int, str]]
) -> Content:
    """The whole of `text`, with each word range of `ranges` styled."""
    rendered = Content(text)
    for first, last, style in ranges:
        span = _range_span(spans, first, last)
        if span is not None:
            rendered = rendered.stylize(style, span[0], _past_space(text, span[1]))
    return rendered


def _past_space(text: str, end: int) -> int:
    """`end`, moved past one following space: a styled run then ends in the gap instead of the
    next plain run starting with it (SVG renderers drop a run's leading space, gluing words)."""
    return end + 1 if text[end : end + 1] == " " else end


def render_word_diff(
    a: str, b: str, *, side: Side, styles: DiffStyles = THEME_DIFF_STYLES
) -> Content:
    """Return sentence `a` or `b` (or both inline) as Content with the words that differ styled.

    `side="a"` marks deletions and replacements on a; `side="b"` marks insertions and
    replacements on b (the counterpart's own words, changed ones standing out); `side="inline"`
    shows a with removed words struck and b's new words inserted right after them, which reads
    well only when the two are nearly the same.
    """
    # rapidfuzz: imported on first use, not at start-up
    from tui.core.drift.wordiff import word_diff

    diff = word_diff(a, b)
    # Control characters are swapped one for one, so word offsets found here hold for the output.
    a, b = safe_text(a), safe_text(b)
    a_spans = locate_words(a, [safe_text(word) for word in diff.a_words])
    b_spans = locate_words(b, [safe_text(word) for word in diff.b_words])
    if side == "a":
        ranges = [
            (op.a0, op.a1, styles.delete if op.tag == "delete" else styles.replace)
            for op in diff.ops
            if op.tag in ("delete", "replace")
        ]
        return _mark_one_side(a, a_spans, ranges)
    if side == "b":
        ranges = [
            (op.b0, op.b1, styles.insert if op.tag == "insert" else styles.replace)
            for op in diff.ops
            if op.tag in ("insert", "replace")
        ]
        return _mark_one_side(b, b_spans, ranges)
    if side == "inline":
        return _render_inline(a, b, a_spans, b_spans, diff.ops, styles)
    raise ValueError(f"side must be 'a', 'b' or 'inline', got {side!r}")


def _render_inline(
    a: str,
    b: str,
    a_spans: Sequence[Span | None],
    b_spans: Sequence[Span | None],
    ops: Sequence[WordOp],
    styles: DiffStyles,
) -> Content:
    """Walk a's text in order, striking removed words and splicing in b's new ones."""
    parts: list[tuple[str, str]] = []
    written = ""
    cursor = 0

    def add(text: str, style: str = "") -> None:
        nonlocal written
        if text:
            parts.append((text, style))
            written += text

    for op in ops:
        tag = op.tag
        if tag in ("equal", "delete", "replace"):
            span = _range_span(a_spans, op.a0, op.a1)
            if span is not None and span[0] >= cursor:
                add(a[cursor : span[0]])
                end = span[1] if tag == "equal" else _past_space(a, span[1])
                add(a[span[0] : end], "" if tag == "equal" else styles.inline_delete)
                cursor = end
        if tag in ("insert", "replace"):
            span = _range_span(b_spans, op.b0, op.b1)
            if span is not None:
                if written and not written[-1].isspace():
                    add(" ")
                inserted = b[span[0] : span[1]]
                if cursor < len(a):
                    # The gap after the new words belongs to their run (a's own, if it has one).
                    inserted += " "
                    cursor += a[cursor] == " "
                add(inserted, styles.insert if tag == "insert" else styles.replace)
    add(a[cursor:])
    return Content.assemble(*parts)


class PairVisual(Visual):
    """Two wrapped columns with a rule between them, rendered from Textual Content.

    Content wraps and caches its own height, so a row costs two wraps; a rich Table per row
    would be measured anew, row by row, on every outlet change.
    """

    def __init__(self, left: Content, right: Content) -> None:
        self.left = left
        self.right = right

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
            return PairVisual(Content(safe_text(left)), Content(safe_text(right)))
        return PairVisual(
            render_word_diff(left, right, side="a"), render_word_diff(left, right, side="b")
        )
    if left is not None:
        return PairVisual(Content.styled(safe_text(left), ONLY_LEFT_STYLE), GAP)
    if right is not None:
        return PairVisual(GAP, Content.styled(safe_text(right), ONLY_RIGHT_STYLE))
    raise ValueError("a row needs at least one sentence")
