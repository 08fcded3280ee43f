"""The main screen: Sources, Article and Diff, linked both ways.

The screen owns the shared state as reactive vars and binds it down to the panes; the panes report
what the reader did in past-tense messages and never talk to each other or to the store. `cursor`
holds the selected outlet and the focused sentence together, so switching outlet at a sentence is
one change, not two half-changes the panes would draw in between.

A key that moves a pane's highlight moves the cursor in the same call (`_outlet_moved`,
`_sentence_moved` watch the lists), not by a message that reaches the screen a few queue hops
later: keys that come in one burst (paste, key repeat, scripts) are each handled before the
messages the previous one posted, so a `j a` would otherwise annotate the sentence before the
highlight. Focus moves made by keys are synchronous too (`set_focus`, not `Widget.focus`, which
defers it), so the key after `l` already goes to the pane `l` went to.

Base classes hold the rest: keys t/a/A/T/e/y (`annotating`), / n N (`searching`), tab h l ] [ ?
and the toggles (`pane_actions`), and rendering ahead while the cursor rests (`preparing`).
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from tui.core.models import Article, SentenceRef, Story, StoryAlignment
from tui.keymap import MAIN_BINDINGS
from tui.messages import ImportFinished, JumpToSentence, OpenStory, OpenView, ShowOutlet
from tui.screens.annotating import AnnotationActions
from tui.screens.pane_actions import PaneActions
from tui.screens.preparing import PrepareAhead
from tui.screens.searching import PaneSearch
from tui.widgets import PaneList
from tui.widgets.article_view import ArticleView
from tui.widgets.diff_view import DiffView
from tui.widgets.footer import StableFooter
from tui.widgets.source_list import SourceList

if TYPE_CHECKING:
    from tui.app import CrosswireApp


class MainScreen(AnnotationActions, PaneSearch, PaneActions, PrepareAhead):
    """Read one story as every outlet tells it."""

    BINDINGS: ClassVar[list[BindingType]] = [*MAIN_BINDINGS]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    story: var[Story | None] = var(None)
    articles: var[dict[str, Article]] = var(dict)
    alignment: var[StoryAlignment | None] = var(None)
    cursor: var[SentenceRef | None] = var(None)
    """The selected outlet's article id and the focused sentence's index in it."""
    show_removed: var[bool] = var(False)
    only_additions: var[bool] = var(False)

    def __init__(self) -> None:
        super().__init__()
        self._last_index: dict[str, int] = {}
        self._handing_down = False
        """True while watch_cursor hands the cursor to the panes (see `_sentence_moved`)."""

    @property
    def crosswire(self) -> CrosswireApp:
        from tui.app import CrosswireApp

        assert isinstance(self.app, CrosswireApp)
        return self.app

    def compose(self) -> ComposeResult:
        with Container(id="panes"):
            # `cursor` is handed down by watch_cursor, not data_bind (see there).
            yield SourceList(id="sources").data_bind(
                MainScreen.story, MainScreen.articles, MainScreen.alignment
            )
            yield ArticleView(id="article").data_bind(
                MainScreen.articles,
                MainScreen.alignment,
                MainScreen.show_removed,
                MainScreen.only_additions,
            )
            yield DiffView(id="diff").data_bind(MainScreen.alignment)
        yield Input(id="search", placeholder="search this pane (enter: find, escape: cancel)")
        # Compact by CSS (app.tcss), so the main keys fit in 80 columns; `?` lists them all.
        # Footer(compact=True) would restyle every key one by one as it mounts (~50 ms at start).
        # StableFooter: focus moves that keep the same keys do not rebuild it.
        yield StableFooter(classes="-compact-keys")

    def on_mount(self) -> None:
        app = self.crosswire
        self.show_removed = app.config.show_removed
        self.only_additions = app.config.only_additions
        self.watch(self.query_one("#outlets", PaneList), "highlighted", self._outlet_moved, False)
        self.watch(
            self.query_one("#sentences", PaneList), "highlighted", self._sentence_moved, False
        )
        self.set_focus(self.query_one("#outlets", PaneList))
        if app.start_story_id is not None:
            self.open_story(app.start_story_id)
        else:
            self.notify("The library has no story yet: press i to import articles.")
        self.call_after_refresh(self.collect_after_frame)  # paused since `CrosswireApp.run`

    # --- opening a story ----------------------------------------------------------------------

    def get_loading_widget(self) -> Widget:
        """A still note over the panes while a story loads, not Textual's LoadingIndicator: its
        animation repaints the whole pane area many times a second, which at start-up costs more
        than the first frame itself and competes with the alignment worker for the interpreter."""
        return Static("Aligning the story…", id="story-loading", markup=False)

    def open_story(self, story_id: str, *, focus: SentenceRef | None = None) -> None:
        """Show a story: at once when it is small and aligned before (`story_at_hand`), else
        loaded and aligned off the UI thread, the panes showing a loading state meanwhile."""
        gc.unfreeze()  # the story on screen until now may be collected once it is let go
        self.workers.cancel_group(self, "story")  # a story asked for earlier must not land later
        at_hand = self.crosswire.story_at_hand(story_id)
        if at_hand is not None:
            self._show_story(*at_hand, focus)
            return
        self.query_one("#panes").loading = True
        self._load_story(story_id, focus)

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def _load_story(self, story_id: str, focus: SentenceRef | None) -> None:
        try:
            story, articles, alignment = self.crosswire.load_story(story_id)
        except Exception as error:  # noqa: BLE001 - any failure is shown, the app stays usable
            self.app.call_from_thread(self._load_failed, f"{type(error).__name__}: {error}")
            return
        if get_current_worker().is_cancelled:
            return
        self.app.call_from_thread(self._show_story, story, articles, alignment, focus)
        self.crosswire.file_alignment()

    def _load_failed(self, reason: str) -> None:
        self.query_one("#panes").loading = False
        self.notify(f"Cannot open the story: {reason}", severity="error", markup=False)

    def _show_story(
        self,
        story: Story,
        articles: list[Article],
        alignment: StoryAlignment,
        focus: SentenceRef | None,
    ) -> None:
        self.cursor = None
        self._last_index = {}
        self.story = story
        # Marks first: handed to the panes after the rows, they would make them build twice.
        self.refresh_marks()
        self.articles = {article.id: article for article in articles}
        self.alignment = alignment
        if focus is None or focus.article_id not in self.articles:
            first = next(iter(self.articles), None)
            focus = SentenceRef(first, 0) if first is not None else None
        self.cursor = focus
        self.query_one("#panes").loading = False
        if self.focused is None:
            self.set_focus(self.query_one("#outlets", PaneList))
        self.crosswire.remember_story(story.id)
        self.call_after_refresh(self.collect_after_frame)

    def collect_after_frame(self) -> None:
        """Once a frame is drawn, freeze what exists and let the collector run (paused from
        `CrosswireApp.run` to the first frame). Imports, widgets and the story's objects (~200k
        in a 51-outlet story) live until another story opens (`open_story` unfreezes); frozen,
        full collections stop walking them, which cost held keys pauses of 100-450 ms."""
        gc.freeze()
        gc.enable()

    # --- moving the cursor --------------------------------------------------------------------

    def watch_cursor(self, cursor: SentenceRef | None) -> None:
        # Handed down here rather than by data_bind, to know when it is being handed down: a
        # pane that follows it can move its highlight elsewhere (Article, to the nearest shown
        # sentence), and that move must not set the cursor again while the panes after it are
        # still to be handed this one (they would get the stale one last). Such a move reaches
        # the screen as the pane's message instead (`_sentence_focused`).
        self._handing_down = True
        try:
            for pane in self._cursor_panes():
                pane.cursor = cursor
        finally:
            self._handing_down = False
        if cursor is not None:
            self._last_index[cursor.article_id] = cursor.index
        self._prepare_when_rested()

    def _cursor_panes(self) -> tuple[SourceList, ArticleView, DiffView]:
        return self.query_one(SourceList), self.query_one(ArticleView), self.query_one(DiffView)

    def _outlet_moved(self, row: int | None) -> None:
        """Sources' highlight moved (a key, a click): select that outlet now (module doc)."""
        article_id = self.query_one(SourceList).article_id_at(row)
        cursor = self.cursor
        if self._handing_down or article_id is None or cursor is None:
            return
        if article_id != cursor.article_id:
            self.select_outlet(article_id)

    def _sentence_moved(self, row: int | None) -> None:
        """Article's highlight moved (a key, a click): that sentence is the cursor now."""
        ref = self.query_one(ArticleView).ref_at(row)
        if not self._handing_down and ref is not None and ref.article_id in self.articles:
            self.cursor = ref

    def select_outlet(self, article_id: str) -> None:
        """Show another outlet, at its version of the sentence being read when it has one."""
        if article_id not in self.articles:
            return
        self.cursor = SentenceRef(article_id, self._index_in(article_id))

    def _index_in(self, article_id: str) -> int:
        cursor, alignment = self.cursor, self.alignment
        if cursor is not None and alignment is not None:
            infos = alignment.sentences.get(cursor.article_id, ())
            if 0 <= cursor.index < len(infos):
                for counterpart in infos[cursor.index].counterparts:
                    if counterpart.article_id == article_id:
                        return counterpart.index
        return self._last_index.get(article_id, 0)

    def jump_to(self, ref: SentenceRef) -> None:
        """Show a sentence: its outlet in Sources, the sentence in Article, its Diff."""
        if ref.article_id not in self.articles:
            self.notify("That sentence is not in the open story.", severity="warning")
            return
        self.cursor = ref
        self.set_focus(self.query_one("#sentences", PaneList))

    # The panes' reports of a move. Moves reach the cursor at once through `_outlet_moved` and
    # `_sentence_moved`; a report still matters for a move made while the cursor was handed down
    # (see watch_cursor). One the list has moved on from since is stale: acting on it would take
    # the cursor back.

    @on(SourceList.OutletSelected)
    def _outlet_selected(self, event: SourceList.OutletSelected) -> None:
        sources = self.query_one(SourceList)
        if event.article_id == sources.article_id_at(sources.outlet_list.highlighted):
            self.select_outlet(event.article_id)

    @on(SourceList.OutletOpened)
    def _outlet_opened(self, event: SourceList.OutletOpened) -> None:
        self.select_outlet(event.article_id)
        self.set_focus(self.query_one("#sentences", PaneList))

    @on(ArticleView.SentenceFocused)
    def _sentence_focused(self, event: ArticleView.SentenceFocused) -> None:
        article = self.query_one(ArticleView)
        if event.ref.article_id in self.articles and event.ref == article.ref_at(
            article.sentence_list.highlighted
        ):
            self.cursor = event.ref

    @on(ArticleView.SentenceOpened)
    def _sentence_opened(self, event: ArticleView.SentenceOpened) -> None:
        self.cursor = event.ref
        self.set_focus(self.query_one("#diff-rows", PaneList))

    @on(DiffView.CounterpartChosen)
    def _counterpart_chosen(self, event: DiffView.CounterpartChosen) -> None:
        self.jump_to(event.ref)

    @on(JumpToSentence)
    def _jump_requested(self, event: JumpToSentence) -> None:
        event.stop()
        self.jump_to(event.ref)

    @on(ShowOutlet)
    def _show_outlet(self, event: ShowOutlet) -> None:
        event.stop()
        self.select_outlet(event.article_id)

    @on(OpenStory)
    def _open_story_requested(self, event: OpenStory) -> None:
        event.stop()
        self.open_story(event.story_id)

    @on(ImportFinished)
    def _import_finished(self, event: ImportFinished) -> None:
        event.stop()
        if event.story_id is not None:
            self.crosswire.forget_alignment(event.story_id)
            self.open_story(event.story_id)

    @on(OpenView)
    def _open_view(self, event: OpenView) -> None:
        event.stop()
        from tui.screens import view_screen

        screen = view_screen(event.view, self)
        if screen is None:
            self.notify("Open a story first (S lists the stories, i imports).", severity="warning")
        else:
            self.app.push_screen(screen)
