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
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container
from textual.reactive import var
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.core.models import Article, SentenceRef, Story, StoryAlignment
from tui.keymap import MAIN_BINDINGS
from tui.messages import (
    ImportFinished,
    JumpToSentence,
    OpenStory,
    OpenView,
    ShowOutlet,
    ToggleSetting,
    ViewName,
)
from tui.screens.annotating import AnnotationActions
from tui.screens.searching import PaneSearch
from tui.widgets import PaneList
from tui.widgets.article_view import ArticleView
from tui.widgets.diff_view import DiffView
from tui.widgets.footer import StableFooter
from tui.widgets.source_list import SourceList

if TYPE_CHECKING:
    from tui.app import CrosswireApp

PREPARE_AFTER_S = 0.075
"""How long the cursor rests before the panes prepare its likely next moves: over twice a held
key's repeat interval (repeats arrive unevenly), so a held key does not pay for it."""


class MainScreen(AnnotationActions, PaneSearch):  # keys t/a/A/T/e/y, and / n N
    """Read one story as every outlet tells it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *MAIN_BINDINGS,
    ]
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (110, "-wide"),
    ]

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
        self._prepare_timer: Timer | None = None
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

    # --- opening a story ----------------------------------------------------------------------

    def get_loading_widget(self) -> Widget:
        """A still note over the panes while a story loads, not Textual's LoadingIndicator: its
        animation repaints the whole pane area many times a second, which at start-up costs more
        than the first frame itself and competes with the alignment worker for the interpreter."""
        return Static("Aligning the story…", id="story-loading", markup=False)

    def open_story(self, story_id: str, *, focus: SentenceRef | None = None) -> None:
        """Load and align a story off the UI thread; the panes show a loading state meanwhile."""
        self.query_one("#panes").loading = True
        self._load_story(story_id, focus)

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def _load_story(self, story_id: str, focus: SentenceRef | None) -> None:
        try:
            story, articles, alignment = self.crosswire.load_story(story_id)
        except Exception as error:  # noqa: BLE001 - any failure is shown, the app stays usable
            self.app.call_from_thread(self._load_failed, f"{type(error).__name__}: {error}")
            return
        self.app.call_from_thread(self._show_story, story, articles, alignment, focus)

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
        if self._prepare_timer is None:
            self._prepare_timer = self.set_timer(PREPARE_AFTER_S, self._prepare_next_moves)
        else:
            self._prepare_timer.reset()

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

    def _prepare_next_moves(self) -> None:
        """The cursor rests: have the panes build and render what `j` or `k` would show next
        (the outlets either side in Sources, the sentences either side in Article), one piece
        per turn of the message queue, so a key that comes meanwhile waits for one piece at most.
        A first visit to an outlet then costs a key no more than a revisit."""
        self._prepare_timer = None
        cursor = self.cursor
        if cursor is None or self.alignment is None:
            return
        article, diff = self.query_one(ArticleView), self.query_one(DiffView)
        steps: list[Callable[[], None]] = []
        for article_id in self.query_one(SourceList).neighbours(cursor.article_id):
            ref = SentenceRef(article_id, self._index_in(article_id))
            steps += [partial(article.prepare, ref), partial(diff.prepare, ref)]
        for index in (cursor.index + 1, cursor.index - 1):
            steps.append(partial(diff.prepare, SentenceRef(cursor.article_id, index)))
        self._run_prepare_steps(cursor, steps)

    def _run_prepare_steps(self, cursor: SentenceRef, steps: list[Callable[[], None]]) -> None:
        if steps and self.cursor == cursor and self.is_attached:
            steps.pop(0)()
            self.call_later(self._run_prepare_steps, cursor, steps)

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

    @on(ToggleSetting)
    def _toggle(self, event: ToggleSetting) -> None:
        event.stop()
        if event.setting == "show_removed":
            self.show_removed = not self.show_removed
        else:
            self.only_additions = not self.only_additions

    @on(OpenView)
    def _open_view(self, event: OpenView) -> None:
        event.stop()
        from tui.screens import view_screen

        screen = view_screen(event.view, self)
        if screen is None:
            self.notify("Open a story first (S lists the stories, i imports).", severity="warning")
        else:
            self.app.push_screen(screen)

    # --- actions (keys and palette) -----------------------------------------------------------

    def _panes(self) -> list[PaneList]:
        return [
            self.query_one(f"#{name}", PaneList) for name in ("outlets", "sentences", "diff-rows")
        ]

    def focused_pane(self) -> Widget | None:
        """The pane (Sources, Article or Diff) holding the focus, if any."""
        node = self.focused
        while node is not None and not isinstance(node, SourceList | ArticleView | DiffView):
            node = node.parent if isinstance(node.parent, Widget) else None
        return node

    def action_focus_pane(self, step: int) -> None:
        """tab/shift+tab: the next or previous pane, round from Diff to Sources and back, as
        focus cycling goes everywhere."""
        panes, position = self._pane_position()
        self.set_focus(panes[(position + step) % len(panes)])

    def action_pane_beside(self, step: int) -> None:
        """h/l: the pane to the left or right, staying put at the edge: `h` in Sources going
        to the Diff, the pane furthest right, would not be left."""
        panes, position = self._pane_position()
        self.set_focus(panes[min(max(position + step, 0), len(panes) - 1)])

    def _pane_position(self) -> tuple[list[PaneList], int]:
        """The shown panes' lists and where the focus is among them. With no pane focused (focus
        lost or elsewhere), count from Sources, the pane that has the focus at start-up, so `l`
        always lands on Article."""
        panes = [pane for pane in self._panes() if pane.display]
        pane = self.focused_pane()
        current = pane.query_one(PaneList) if pane is not None else None
        return panes, panes.index(current) if current in panes else 0

    def action_toggle_removed(self) -> None:
        self.post_message(ToggleSetting("show_removed"))

    def action_toggle_additions(self) -> None:
        self.post_message(ToggleSetting("only_additions"))

    def action_open_view(self, view: ViewName) -> None:
        self.post_message(OpenView(view))

    def action_jump_notable(self, direction: int) -> None:
        """Next/previous unique sentence of this outlet; in Diff, next/previous missing one."""
        if isinstance(self.focused_pane(), DiffView):
            if not self.query_one(DiffView).step_missing(direction):
                self.notify("Nothing is missing here.")
            return
        cursor, alignment = self.cursor, self.alignment
        if cursor is None or alignment is None:
            return
        infos = alignment.sentences.get(cursor.article_id, ())
        order = (
            range(cursor.index + 1, len(infos))
            if direction > 0
            else range(cursor.index - 1, -1, -1)
        )
        for index in order:
            if infos[index].status == "unique":
                self.cursor = SentenceRef(cursor.article_id, index)
                return
        self.notify(f"No {'later' if direction > 0 else 'earlier'} unique sentence in this outlet.")

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        pane = self.focused_pane()
        self.app.push_screen(HelpScreen(pane_help=getattr(pane, "HELP", "")))
