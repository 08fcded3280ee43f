"""Sources: the story's outlets, one row each, with the story's overview figures above them.

The rows are built once per alignment; moving the selection only moves the list's highlight, so
stepping through a 51-outlet story repaints two rows, not the pane. The moved highlight is drawn
when the screen's cursor comes back down, together with the outlet's article (see PaneList).
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList, Static
from textual.widgets.option_list import OptionDoesNotExist

from tui.core.coverage.copies import FamilyCopies, family_copies
from tui.core.coverage.spread import Spread
from tui.core.models import Article, OutletShare, SentenceRef, Story, StoryAlignment
from tui.core.profiles.types import LEFT_SIDE, RIGHT_SIDE
from tui.core.notes.review import ReviewCounts
from tui.core.text.published import published_instant, published_label
from tui.core.text.web_address import host_of
from tui.core.text.wording import plural
from tui.widgets import Option, PaneList, safe_text, spaced, status_bar
from tui.widgets.annotation_marks import MARK_STYLE, NO_MARKS, NOTE_MARK, TAG_MARK, AnnotationMarks
from tui.widgets.diff_lines import fit_lines
from tui.widgets.family_rows import SourceRow, hidden_by_fold, source_rows

REVIEWED_MARK = "✓"
"""Marks an article the reader marked reviewed (R)."""
ORIGIN_MARK = "★"
"""Marks the origin of the story's largest wire family: the copy the others carry most of."""
HEADER_TEXT_LINES = 6
"""Lines of the story header (its fixed height in app.tcss, less its rule): the figures take the
lines they need at the pane's width, the story's title the rest (none if they need them all)."""
BAR_WIDTH = 10
"""Cells of an outlet's status bar where the row has room; narrower panes get a shorter bar
(down to `MIN_BAR_WIDTH`), so the row's figures are never cut."""
MIN_BAR_WIDTH = 3


class SourceList(Vertical):
    """The outlets of the open story; highlighting one selects it."""

    BORDER_TITLE = "Sources"
    HELP = """\
### Sources
One row per outlet: name, publication date (and time) when known, the site it was
read from, sentence count and a bar of its
**shared** / **reworded** / **unique** sentences. ★ marks the likely origin: in the
largest wire family (outlets sharing sentences near-verbatim), the copy the others carry
most of. A story of independent reports has no ★, and its header says so. Each wire
family's outlets are listed together, closest to the source first, each copy with how
much of the text it changed against its family's origin; `z` folds a family to one row
(and unfolds it). Once outlets have a lean (`p`, `P`), the header counts them by side:
'3/5 rated: 1L 2R' is one outlet left of center and two right of it. Moving the
highlight selects the outlet; `enter` moves to its article; `O` lists the outlets by
publication time (who ran it first; families are not grouped then), `O` again in story
order; `o` opens the article's page in your browser. `R` marks the article reviewed (✓);
the pane's bottom edge counts the outlets and drifts left to review ('left: 3 outlets ·
5 drifts'); drifts are confirmed or dismissed in the drift list, `d`.
"""

    story: var[Story | None] = var(None)
    articles: var[dict[str, Article]] = var(dict)
    alignment: var[StoryAlignment | None] = var(None)
    cursor: var[SentenceRef | None] = var(None)
    marks: var[AnnotationMarks] = var(NO_MARKS)
    """How many annotations each outlet's article carries (✎ N with notes, # N tags only)."""
    review: var[ReviewCounts | None] = var(None)
    """What is left to review in the story (its header says), None when unknown."""
    reviewed: var[frozenset[str]] = var(frozenset())
    """Articles the reader marked reviewed (✓ on their row)."""
    by_published: var[bool] = var(False)
    """List the outlets by publication time, first published first (undated last), instead of
    in story order."""
    spread: var[Spread | None] = var(None)
    """The story's outlets by lean, from the user's profiles (the header counts the sides)."""

    class OutletSelected(Message):
        """The reader highlighted another outlet."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, SourceList.OutletSelected)

    class OutletOpened(Message):
        """The reader pressed enter (or clicked) on an outlet: they want to read it."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text_width = 0
        """The width the header and rows were fitted to (see `on_resize`)."""
        self._families: tuple[FamilyCopies, ...] = ()
        self.folded: set[str] = set()
        """Origins of the wire families shown as one row."""

    def compose(self) -> ComposeResult:
        yield Static(id="story-header", markup=False)
        yield PaneList(id="outlets", deferred_highlight=True)

    @property
    def outlet_list(self) -> PaneList:
        return self.query_one("#outlets", PaneList)

    def watch_story(self) -> None:
        self._show_header()

    def watch_marks(self) -> None:
        self._show_rows()

    def watch_spread(self) -> None:
        self._show_header()

    def watch_alignment(self, alignment: StoryAlignment | None) -> None:
        self._families = family_copies(alignment) if alignment is not None else ()
        origins = {family.family.origin for family in self._families}
        self.folded &= origins  # a fold outlives a re-alignment, not a story
        self._show_header()
        self._show_rows()

    def family_origin(self, article_id: str) -> str | None:
        """The origin of the wire family `article_id` belongs to, if any."""
        for family in self._families:
            if article_id in family.family.members:
                return family.family.origin
        return None

    def _shown_families(self) -> tuple[FamilyCopies, ...]:
        """The families Sources groups: none while it lists outlets by publication time."""
        return () if self.by_published else self._families

    def is_folded(self, origin: str) -> bool:
        return origin in self.folded

    def toggle_fold(self, origin: str) -> None:
        """Fold the family of `origin` to its origin's row, or unfold it."""
        self.folded ^= {origin}
        self._show_rows()

    def watch_by_published(self) -> None:
        self._show_rows()

    def watch_review(self, review: ReviewCounts | None) -> None:
        """What is left to review, on the pane's bottom edge (the header's lines are full)."""
        self.border_subtitle = review_item(review) if review is not None else ""

    def watch_reviewed(self) -> None:
        self._show_rows()

    def on_resize(self, event: events.Resize) -> None:
        """Fit the header's figures and the rows' bars to the new width."""
        width = self._fit_width()
        if width != self._text_width:
            self._text_width = width
            self._show_header()
            self._show_rows()

    def _fit_width(self) -> int:
        """Cells of text in a row (and, give or take one, in the header): the pane's, less
        the list's scrollbar and the rows' padding."""
        outlets = self.outlet_list
        return max(0, self.content_region.width - outlets.styles.scrollbar_size_vertical - 2)

    def watch_cursor(self, cursor: SentenceRef | None) -> None:
        if cursor is None:
            return
        hidden = hidden_by_fold(self._shown_families(), self.folded)
        if cursor.article_id in hidden:  # going to a folded copy opens its family
            self.folded.discard(hidden[cursor.article_id])
            self._show_rows()
            return
        outlets = self.outlet_list
        try:
            index = outlets.get_option_index(cursor.article_id)
        except OptionDoesNotExist:
            return
        if outlets.highlighted != index:
            outlets.highlighted = index
        outlets.show_highlight()

    def article_id_at(self, row: int | None) -> str | None:
        """The article on the list's row `row` (None for no row)."""
        options = self.outlet_list.options
        return options[row].id if row is not None and 0 <= row < len(options) else None

    def neighbours(self, article_id: str) -> list[str]:
        """The outlets listed just below and above `article_id` (where `j` and `k` lead)."""
        outlets = self.outlet_list
        try:
            index = outlets.get_option_index(article_id)
        except OptionDoesNotExist:
            return []
        near = [index + 1, index - 1]
        return [
            option_id
            for i in near
            if 0 <= i < outlets.option_count and (option_id := outlets.options[i].id) is not None
        ]

    def _show_header(self) -> None:
        header = self.query_one("#story-header", Static)
        if self.story is None:
            header.update(Content.styled("No story open", "$text-muted"))
            return
        width = max(1, header.content_region.width or self._fit_width())
        figures = (
            pack(overview(self.alignment) + spread_figures(self.spread), width)
            if self.alignment is not None
            else []
        )
        lines = [Content.styled(line, "$text-muted") for line in figures]
        room = HEADER_TEXT_LINES - len(figures)
        if room > 0 or not figures:  # the figures come first: they are what the header is for
            title = Content.styled(safe_text(self.story.title), "bold")
            lines.insert(0, fit_lines(title, width, max(1, room)))
        header.update(Content("\n").join(lines))

    def _show_rows(self) -> None:
        alignment = self.alignment
        outlets = self.outlet_list
        if alignment is None:
            outlets.set_options([])
            return
        shares = {share.article_id: share for share in alignment.shares}
        order = [aid for aid in self.articles if aid in alignment.sentences]
        order += [aid for aid in alignment.article_ids if aid not in order]
        if self.by_published:
            dates = {aid: article.date for aid, article in self.articles.items()}
            order.sort(key=lambda aid: published_instant(dates.get(aid)))  # stable: ties keep order
        rows: list[Option | None] = []
        for row in source_rows(order, self._shown_families(), self.folded):
            aid = row.article_id
            content = self._row(aid, shares.get(aid), aid == alignment.origin)
            family_line = self._family_line(row)
            if family_line is not None:
                content = Content("\n").join([content, family_line])
            rows += [Option(content, id=aid), None]
        outlets.set_options(rows[:-1])
        self.watch_cursor(self.cursor)

    def _row(self, article_id: str, share: OutletShare | None, is_origin: bool) -> Content:
        article = self.articles.get(article_id)
        outlet = (
            article.outlet
            if article
            else (self.alignment.outlets.get(article_id, "?") if self.alignment else "?")
        )
        mark = (f"{ORIGIN_MARK} ", "$accent bold") if is_origin else ("  ", "")
        first = spaced(mark, (safe_text(outlet), "bold"))
        if article_id in self.reviewed:
            first = spaced(first, (f" {REVIEWED_MARK}", "$success bold"))
        if article and article.date:
            first = spaced(first, ("  " + safe_text(published_label(article.date)), "$text-muted"))
        host = host_of(article.url) if article else ""
        title = spaced(
            ("  " + safe_text(host), "$text-muted") if host else "",
            (" · " if host else "  ", "$text-muted"),
            (safe_text(article.title if article else ""), "$text-muted"),
        )
        marks = self.marks.per_article.get(article_id, {})
        # ✎ for notes, # for tags only, as Article's gutter marks them ('✎2 #1': fits 80 columns).
        marked = " ".join(
            f"{mark}{marks[mark]}" for mark in (NOTE_MARK, TAG_MARK) if marks.get(mark)
        )
        if share is None:
            counts = Content("  ? sentences")
        else:
            number, own = f"{share.sentences:>3} ", f" {share.unique} own"
            room = self._text_width or BAR_WIDTH + 20
            room -= len(number) + len(own) + (len(marked) + 1 if marked else 0)
            counts = spaced(
                number,
                status_bar(
                    share.shared,
                    share.reworded,
                    share.unique,
                    width=min(BAR_WIDTH, max(MIN_BAR_WIDTH, room)),
                ),
                (own, "$text-muted"),
            )
        if marked:
            counts = spaced(counts, (f" {marked}", MARK_STYLE))
        return Content("\n").join([first, title, counts])

    @staticmethod
    def _family_line(row: SourceRow) -> Content | None:
        """Under a wire family's row: the family (origin) or how much this copy changed."""
        copy = row.copy
        if copy is None:
            return None
        if copy.is_origin:
            if row.folded:
                hidden = plural(row.folded, "copy", "copies")
                return Content.styled(f"  ▸ +{hidden} folded (z)", "$accent")
            return Content.styled("  ┬ wire family origin", "$text-muted")
        branch = "└" if row.last_in_family else "├"
        return Content.styled(f"  {branch} copy, {copy.changed:.0%} changed", "$text-muted")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        article_id = event.option.id
        if article_id is not None and (self.cursor is None or self.cursor.article_id != article_id):
            # The highlight is drawn when the screen's cursor comes back (watch_cursor), in the
            # same frame as the article it opens.
            self.post_message(self.OutletSelected(article_id))
        else:
            self.outlet_list.show_highlight()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.OutletOpened(event.option.id))


def review_item(counts: ReviewCounts) -> str:
    """The header's review figure: what is left, or that nothing is."""
    if counts.done:
        return f"{REVIEWED_MARK} all reviewed"
    left = [plural(counts.articles, "outlet")]
    if counts.drifts:
        left.append(plural(counts.drifts, "drift"))
    return "left: " + " · ".join(left)


def pack(items: list[str], width: int) -> list[str]:
    """`items` joined by ' · ' into lines of at most `width` cells, never splitting an item (an
    item longer than a line gets a line of its own)."""
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + 3 + len(item) <= width:
            lines[-1] += f" · {item}"
        else:
            lines.append(item)
    return lines


def spread_figures(spread: Spread | None) -> list[str]:
    """The header's figures of the story's outlets by lean, once any outlet has one: how many
    are rated and how many on each side ('3/5 rated: 1L 2R'), and the blindspot if any."""
    if spread is None or spread.rated == 0:
        return []
    counts = {count.key: count.count for count in spread.by_lean}
    sides = [
        (sum(counts.get(lean, 0) for lean in LEFT_SIDE), "left"),
        (counts.get("center", 0), "center"),
        (sum(counts.get(lean, 0) for lean in RIGHT_SIDE), "right"),
    ]
    shown = " ".join(f"{count}{side[0].upper()}" for count, side in sides if count)
    figures = [f"{spread.rated}/{len(spread.outlets)} rated: {shown}"]
    if spread.blindspot is not None:
        figures.append(f"blindspot: {spread.blindspot.side}")
    return figures


def overview(alignment: StoryAlignment) -> list[str]:
    """The story's figures, each a few words: outlets, sentences, how much is shared, drift."""
    sentences = sum(share.sentences for share in alignment.shares)
    shared = sum(share.shared for share in alignment.shares)
    reworded = sum(share.reworded for share in alignment.shares)
    unique = sum(share.unique for share in alignment.shares)
    percent = round(100 * (shared + reworded) / sentences) if sentences else 0
    # In this order they pack into four lines of 24 cells (Sources at 80 columns) for a story of
    # two-digit figures, leaving the title two.
    return [
        f"{len(alignment.article_ids)} outlets",
        f"{sentences} sentences",
        f"{percent}% carried elsewhere",
        f"{shared} shared",
        f"{reworded} reworded",
        f"{unique} unique",
        f"{len(alignment.drift)} drifts",
        plural(len(alignment.families), "wire family", "wire families")
        if alignment.families
        else "independent reports",
    ]
