"""Article: the selected outlet's article sentence by sentence, each marked by its status.

The rows are rebuilt only when the outlet or a toggle changes; moving between sentences moves the
list's highlight and nothing else. Lines that cleaning removed can be shown dimmed where they stood
in the raw text, and shared sentences can be hidden to read only what this outlet adds.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList, Static
from textual.widgets.option_list import OptionDoesNotExist

from tui.core.models import Article, RemovedLine, SentenceInfo, SentenceRef, StoryAlignment
from tui.core.text.published import published_label
from tui.core.text.wording import plural
from tui.widgets import (
    STATUS_MARK_STYLE,
    STATUS_STYLE,
    GutterRow,
    Option,
    PaneList,
    legend,
    safe_text,
    spaced,
)
from tui.widgets.annotation_marks import NO_MARKS, AnnotationMarks
from tui.widgets.list_search import SearchableList

REMOVED_STYLE = "$text-disabled italic"
"""Removed lines are dimmed: there for context, clearly not part of the article."""


def sentence_number(index: int) -> int:
    """The number a reader sees beside sentence `index` (0-based), and gives the CLI's
    `--sentence`: the headline is 1."""
    return index + 1


def sentence_option_id(index: int) -> str:
    return f"s{index}"


def _sentence_index(option_id: str | None) -> int | None:
    if option_id is None or not option_id.startswith("s"):
        return None
    return int(option_id[1:])


class ArticleView(Vertical):
    """One outlet's article; the highlighted sentence is the one the Diff pane explains."""

    BORDER_TITLE = "Article"
    HELP = """\
### Article
The selected outlet's article under its publication date and web address (`o` opens it
in your browser), one sentence per row; the bar at its left edge (and a faint
tint) gives its status:
**shared** (near-verbatim in other outlets), **reworded** (same content, other words),
**unique** (only this outlet). `r` shows the lines cleaning removed, dimmed, where they
stood; `u` hides shared sentences so only what this outlet adds is left. `]`/`[` jump
to the next/previous unique sentence; `enter` moves to the Diff pane.
"""

    articles: var[dict[str, Article]] = var(dict)
    alignment: var[StoryAlignment | None] = var(None)
    cursor: var[SentenceRef | None] = var(None)
    show_removed: var[bool] = var(False)
    only_additions: var[bool] = var(False)
    marks: var[AnnotationMarks] = var(NO_MARKS)
    """Annotated sentences of the story (✎ note, # tags), drawn in a gutter."""

    class SentenceFocused(Message):
        """The reader moved to another sentence of this article."""

        def __init__(self, ref: SentenceRef) -> None:
            super().__init__()
            self.ref = ref

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ArticleView.SentenceFocused)

    class SentenceOpened(Message):
        """The reader pressed enter (or clicked) on a sentence: they want its comparison."""

        def __init__(self, ref: SentenceRef) -> None:
            super().__init__()
            self.ref = ref

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[object, ...] | None = None
        self._row_cache: dict[tuple[object, ...], list[Option]] = {}
        """Built rows per (outlet, toggles, marks, alignment): revisiting an outlet reuses its
        Option objects, whose visuals and wrapped heights Textual keeps on them."""

    def compose(self) -> ComposeResult:
        yield Static(id="article-header", markup=False)
        yield Static(id="article-legend", markup=False)
        yield PaneList(id="sentences", deferred_highlight=True)

    @property
    def sentence_list(self) -> PaneList:
        return self.query_one("#sentences", PaneList)

    def watch_alignment(self) -> None:
        self._shown = None
        self._row_cache.clear()
        self._refresh_rows()

    def watch_cursor(self) -> None:
        self._refresh_rows()

    def watch_show_removed(self) -> None:
        self._refresh_rows()

    def watch_only_additions(self) -> None:
        self._refresh_rows()

    def watch_marks(self) -> None:
        self._shown = None
        self._row_cache.clear()
        self._refresh_rows()

    def _refresh_rows(self) -> None:
        """Rebuild the rows if what they show changed; otherwise just move the highlight."""
        cursor = self.cursor
        article_id = cursor.article_id if cursor else None
        key = (article_id, self.show_removed, self.only_additions, id(self.alignment))
        if key != self._shown:
            self._shown = key
            self._rebuild(article_id)
        if cursor is not None:
            self._highlight(cursor.index)
        self._show_position()

    def _show_position(self) -> None:
        """Where the reader is, on the pane's bottom edge: 'sentence 5/14', and with a search
        of this pane, 'match 2/4' (or how many matches when the cursor is on none)."""
        cursor = self.cursor
        article = self.articles.get(cursor.article_id) if cursor is not None else None
        parts = []
        if cursor is not None and article is not None and article.sentences:
            total = len(article.sentences)
            parts.append(f"sentence {sentence_number(cursor.index)}/{total}")
        sentences = self.sentence_list
        if sentences.search_query:
            matches = sentences.match_indexes
            if sentences.highlighted in matches:
                parts.append(f"match {matches.index(sentences.highlighted) + 1}/{len(matches)}")
            else:
                parts.append(plural(len(matches), "match", "matches"))
        subtitle = " · ".join(parts)
        if self.border_subtitle != subtitle:
            self.border_subtitle = subtitle

    def _rebuild(self, article_id: str | None) -> None:
        article = self.articles.get(article_id) if article_id else None
        infos = (
            self.alignment.sentences.get(article_id, ()) if self.alignment and article_id else ()
        )
        self._show_header(article, infos)
        if article is None:
            self.sentence_list.set_options([])
            return
        self.sentence_list.set_options(self._cached_rows(article, infos))

    def _cached_rows(self, article: Article, infos: tuple[SentenceInfo, ...]) -> list[Option]:
        key = (article.id, self.show_removed, self.only_additions, id(self.alignment))
        rows = self._row_cache.get(key)
        if rows is None:
            rows = self._row_cache[key] = self._rows(article, infos)
        return rows

    def prepare(self, ref: SentenceRef) -> None:
        """Build and render ahead the rows of `ref`'s outlet around sentence `ref`, so a cursor
        that moves there next finds them ready (the screen calls this while the reader rests)."""
        article = self.articles.get(ref.article_id)
        if article is None or self.alignment is None:
            return
        rows = self._cached_rows(article, self.alignment.sentences.get(ref.article_id, ()))
        wanted = sentence_option_id(ref.index)
        around = next((i for i, row in enumerate(rows) if row.id == wanted), 0)
        self.sentence_list.prepare(rows, around=around)

    def _show_header(self, article: Article | None, infos: tuple[SentenceInfo, ...]) -> None:
        header = self.query_one("#article-header", Static)
        if article is None:
            header.update(Content.styled("No outlet selected", "$text-muted"), layout=False)
            self.query_one("#article-legend", Static).update("", layout=False)
            return
        # Two one-line headers of fixed height: a header that grew or shrank with the outlet's
        # name would resize the list below, which makes Textual re-measure all its rows.
        counts = {status: 0 for status in STATUS_STYLE}
        for info in infos:
            counts[info.status] += 1
        parts: list[str | tuple[str, str]] = [(safe_text(article.outlet), "bold")]
        if article.date:
            parts.append((f"  {safe_text(published_label(article.date))}", "$text-muted"))
        # The toggles matter more than the count (the legend's figures add up to it anyway).
        toggles = []
        if self.show_removed:
            toggles.append(f"✂ {len(article.removed)} shown")
        if self.only_additions:
            toggles.append("shared hidden")
        summary = " · ".join(toggles) or f"{len(article.sentences)} sentences"
        parts.append((f"  {summary}", "$text-muted"))
        address = (
            Content.styled(safe_text(article.url), "$text-muted italic")
            if article.url
            else Content.styled("no web address: imported from a file", "$text-disabled")
        )
        header.update(Content("\n").join([spaced(*parts), address]), layout=False)
        self.query_one("#article-legend", Static).update(legend(counts), layout=False)

    def _rows(self, article: Article, infos: tuple[SentenceInfo, ...]) -> list[Option]:
        status_of = {info.ref.index: info.status for info in infos}
        removed = sorted(article.removed, key=lambda line: line.line) if self.show_removed else []
        rows: list[Option] = []
        next_removed = 0
        digits = len(str(len(article.sentences)))
        for sentence in article.sentences:
            while next_removed < len(removed) and removed[next_removed].line < sentence.line:
                rows.append(_removed_row(removed[next_removed]))
                next_removed += 1
            status = status_of.get(sentence.index, "unique")
            if self.only_additions and status == "shared":
                continue
            style = STATUS_STYLE[status]
            if sentence.kind != "body":
                style += " bold"
            rows.append(
                Option(
                    GutterRow(
                        Content.styled(safe_text(sentence.text), style),
                        bar_style=STATUS_MARK_STYLE[status],
                        note=self.marks.gutter(SentenceRef(article.id, sentence.index)),
                        number=f"{sentence_number(sentence.index):>{digits}}",
                    ),
                    id=sentence_option_id(sentence.index),
                )
            )
        rows.extend(_removed_row(line) for line in removed[next_removed:])
        if self.only_additions and not any(row.id for row in rows):
            rows.insert(0, _all_shared_row(article))
        return rows

    def _highlight(self, index: int) -> None:
        """Put the list's highlight on sentence `index`, or the nearest shown one after it."""
        sentences = self.sentence_list
        target: int | None = None
        try:
            target = sentences.get_option_index(sentence_option_id(index))
        except OptionDoesNotExist:
            target = None
        for position, option in enumerate(sentences.options if target is None else ()):
            shown = _sentence_index(option.id)
            if shown is None:
                continue
            target = position
            if shown >= index:
                break
        if target is not None and sentences.highlighted != target:
            sentences.highlighted = target
        sentences.show_highlight()

    def ref_at(self, row: int | None) -> SentenceRef | None:
        """The sentence on the list's row `row` (None for no row or a removed line)."""
        cursor, options = self.cursor, self.sentence_list.options
        if cursor is None or row is None or not 0 <= row < len(options):
            return None
        index = _sentence_index(options[row].id)
        return SentenceRef(cursor.article_id, index) if index is not None else None

    def on_searchable_list_searched(self, event: SearchableList.Searched) -> None:
        event.stop()
        self._show_position()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        index = _sentence_index(event.option.id)
        cursor = self.cursor
        if index is None or cursor is None or cursor.index == index:
            self.sentence_list.show_highlight()
            return
        # Drawn when the cursor comes back (watch_cursor), in the same frame as its Diff.
        self.post_message(self.SentenceFocused(SentenceRef(cursor.article_id, index)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = _sentence_index(event.option.id)
        if index is not None and self.cursor is not None:
            self.post_message(self.SentenceOpened(SentenceRef(self.cursor.article_id, index)))


def _all_shared_row(article: Article) -> Option:
    """What the pane says instead of going blank when `u` hides every sentence of an outlet."""
    text = (
        f"Every sentence of {safe_text(article.outlet)} is carried near-verbatim by another "
        "outlet: it adds nothing of its own. Press u to show them again."
    )
    return Option(Content.styled(text, "$text-muted italic"), disabled=True)


def _removed_row(line: RemovedLine) -> Option:
    """A removed raw line, dimmed and labelled with why cleaning took it out; not selectable."""
    text = f"✂ {safe_text(line.text)}"
    return Option(
        Content.assemble(
            (text, REMOVED_STYLE), (f"  [{safe_text(line.reason)}]", "$text-disabled")
        ),
        disabled=True,
    )
