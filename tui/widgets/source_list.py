"""Sources: the story's outlets, one row each, with the story's overview figures above them.

The rows are built once per alignment; moving the selection only moves the list's highlight, so
stepping through a 51-outlet story repaints two rows, not the pane. The moved highlight is drawn
when the screen's cursor comes back down, together with the outlet's article (see PaneList).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList, Static
from textual.widgets.option_list import OptionDoesNotExist

from tui.core.models import Article, OutletShare, SentenceRef, Story, StoryAlignment
from tui.widgets import Option, PaneList, safe_text, spaced, status_bar
from tui.widgets.annotation_marks import MARK_STYLE, NO_MARKS, NOTE_MARK, AnnotationMarks

ORIGIN_MARK = "★"
"""Marks the outlet whose text covers most of what the others share (the likely origin)."""


class SourceList(Vertical):
    """The outlets of the open story; highlighting one selects it."""

    BORDER_TITLE = "Sources"
    HELP = """\
### Sources
One row per outlet: name, date when known, sentence count and a bar of its
**shared** / **reworded** / **unique** sentences. ★ marks the likely origin: the outlet
whose text covers most of what the others share. Moving the highlight selects the outlet;
`enter` moves to its article.
"""

    story: var[Story | None] = var(None)
    articles: var[dict[str, Article]] = var(dict)
    alignment: var[StoryAlignment | None] = var(None)
    cursor: var[SentenceRef | None] = var(None)
    marks: var[AnnotationMarks] = var(NO_MARKS)
    """How many annotations each outlet's article carries (shown as ✎ N)."""

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

    def watch_alignment(self) -> None:
        self._show_header()
        self._show_rows()

    def watch_cursor(self, cursor: SentenceRef | None) -> None:
        if cursor is None:
            return
        outlets = self.outlet_list
        try:
            index = outlets.get_option_index(cursor.article_id)
        except OptionDoesNotExist:
            return
        if outlets.highlighted != index:
            outlets.highlighted = index
        outlets.show_highlight()

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
        lines = [Content.styled(safe_text(self.story.title), "bold")]
        if self.alignment is not None:
            lines += [Content.styled(line, "$text-muted") for line in overview(self.alignment)]
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
        rows: list[Option | None] = []
        for aid in order:
            rows += [Option(self._row(aid, shares.get(aid), aid == alignment.origin), id=aid), None]
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
        if article and article.date:
            first = spaced(first, ("  " + safe_text(article.date), "$text-muted"))
        title = Content.styled("  " + safe_text(article.title if article else ""), "$text-muted")
        if share is None:
            counts = Content("  ? sentences")
        else:
            counts = spaced(
                f"{share.sentences:>4} ",
                status_bar(share.shared, share.reworded, share.unique, width=10),
                (f" {share.unique} own", "$text-muted"),
            )
        annotated = self.marks.per_article.get(article_id, 0)
        if annotated:
            counts = spaced(counts, (f"  {NOTE_MARK} {annotated}", MARK_STYLE))
        return Content("\n").join([first, title, counts])

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


def overview(alignment: StoryAlignment) -> list[str]:
    """The story in a few short lines of figures: outlets, sentences, how much is shared, drift."""
    sentences = sum(share.sentences for share in alignment.shares)
    shared = sum(share.shared for share in alignment.shares)
    reworded = sum(share.reworded for share in alignment.shares)
    unique = sum(share.unique for share in alignment.shares)
    percent = round(100 * (shared + reworded) / sentences) if sentences else 0
    return [
        f"{len(alignment.article_ids)} outlets · {sentences} sentences",
        f"{percent}% carried elsewhere · {len(alignment.drift)} drifts",
        f"{shared} shared · {reworded} reworded · {unique} unique",
    ]
