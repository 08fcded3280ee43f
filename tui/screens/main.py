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

Requests reach the screen as messages (`tui.messages`), whether a key, a pane, the command palette
or a view asked, and each has one handler here. The screen holds three collaborators: the
`Annotator` (tags, notes, exports and quoting), `PaneSearch` (the search box) and `PrepareAhead`
(rendering ahead while the cursor rests). The views it opens over itself close on the reader's
choice, which comes back through their `push_screen` callback as one of those requests
(`tui.screens.choice`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from tui.core.models import Article, SentenceRef, Story, StoryAlignment
from tui.core.reader.queries import counterpart_in, next_with_status
from tui.core.store.changes import StoryWatch
from tui.core.store.storage import LibraryError
from tui.interpreter import collection_paused, freeze_after_frame, thaw_for_next_story
from tui.keys.registry import MAIN_SCREEN_BINDINGS
from tui.messages import (
    AnnotationsChanged,
    CopySentence,
    ExportNotes,
    JumpToSentence,
    NoteItem,
    OpenAnnotation,
    OpenStory,
    OpenView,
    ShowNotes,
    ShowOutlet,
    TagItem,
    ToggleSetting,
    ViewName,
)
from tui.screens.annotator import Annotator, Focus
from tui.screens.choice import ChoiceScreen, choice_callback
from tui.screens.pane_search import SEARCH_BOX_ID, PaneSearch
from tui.screens.prepare_ahead import PrepareAhead
from tui.screens.profile_keeper import ProfileKeeper
from tui.widgets import PaneList, safe_text
from tui.widgets.annotation_marks import AnnotationMarks
from tui.widgets.article_view import ArticleView
from tui.widgets.diff_view import DiffView
from tui.widgets.footer import StableFooter
from tui.widgets.source_list import SourceList

if TYPE_CHECKING:
    from tui.core.notes.review import ReviewState
    from tui.core.reader.story import OpenedStory, StoryReader
    from tui.core.store.config import Config
    from tui.core.store.library import Library

QUICK_OPEN_ARTICLES = 12
"""Stories of up to this many articles, already aligned, open without a worker (see
`MainScreen.open_story`); larger ones read their cached alignment off the UI thread."""
STORE_POLL_SECONDS = 1.0
"""How often the files of the story on screen are checked for other processes' writes."""


class MainScreen(Screen[None]):
    """Read one story as every outlet tells it."""

    BINDINGS: ClassVar[list[BindingType]] = list(MAIN_SCREEN_BINDINGS)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    story: var[Story | None] = var(None)
    articles: var[dict[str, Article]] = var(dict)
    alignment: var[StoryAlignment | None] = var(None)
    cursor: var[SentenceRef | None] = var(None)
    """The selected outlet's article id and the focused sentence's index in it."""
    show_removed: var[bool] = var(False)
    only_additions: var[bool] = var(False)

    def __init__(self, reader: StoryReader, config: Config, *, story_id: str | None) -> None:
        """Show `story_id` (None: say the library is empty), opened through `reader`; the
        reading toggles start as `config` sets them."""
        super().__init__()
        self.library: Library = reader.library
        self._reader = reader
        self._config = config
        self._start_story_id = story_id
        self._last_index: dict[str, int] = {}
        """The sentence last read in each outlet, for an outlet the cursor's sentence is not in."""
        self._handing_down = False
        """True while watch_cursor hands the cursor to the panes (see `_sentence_moved`)."""
        self.annotator = Annotator(self, self.library)
        self._review: ReviewState | None = None
        """The library's review state, opened on first use."""
        self._search = PaneSearch(self)
        self._ahead = PrepareAhead(self, index_in=self.index_in)
        self.profiles = ProfileKeeper(self, self.library, blindspot_share=config.blindspot_share)
        self._store_watch: StoryWatch | None = None
        """The files the story on screen was read from, polled for other processes' writes."""

    @property
    def annotation_marks(self) -> AnnotationMarks:
        """Marks of the open story's tags and notes, as last read from the store."""
        return self.annotator.marks

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
        yield Input(id=SEARCH_BOX_ID, placeholder="search this pane (enter: find, escape: cancel)")
        # Compact by CSS (app.tcss), so the main keys fit in 80 columns; `?` lists them all.
        # Footer(compact=True) would restyle every key one by one as it mounts.
        # StableFooter: focus moves that keep the same keys do not rebuild it.
        yield StableFooter(classes="-compact-keys")

    def on_mount(self) -> None:
        self.show_removed = self._config.show_removed
        self.only_additions = self._config.only_additions
        self.watch(self.query_one("#outlets", PaneList), "highlighted", self._outlet_moved, False)
        self.watch(
            self.query_one("#sentences", PaneList), "highlighted", self._sentence_moved, False
        )
        self.set_focus(self.query_one("#outlets", PaneList))
        self.set_interval(STORE_POLL_SECONDS, self._reload_what_others_wrote)
        if self._start_story_id is not None:
            self.open_story(self._start_story_id)
        else:
            self.notify("The library has no story yet: press i to import articles.")
        self.call_after_refresh(freeze_after_frame)  # held since `CrosswireApp.run`

    # --- opening a story ----------------------------------------------------------------------

    def get_loading_widget(self) -> Widget:
        """A still note over the panes while a story loads, not Textual's LoadingIndicator: its
        animation repaints the whole pane area many times a second, which at start-up costs more
        than the first frame itself and competes with the alignment worker for the interpreter."""
        return Static("Aligning the story…", id="story-loading", markup=False)

    def open_story(self, story_id: str, *, focus: SentenceRef | None = None) -> None:
        """Show a story: at once when it is small and aligned before (`_story_at_hand`), else
        loaded and aligned off the UI thread, the panes showing a loading state meanwhile."""
        thaw_for_next_story()
        self.workers.cancel_group(self, "story")  # a story asked for earlier must not land later
        at_hand = self._story_at_hand(story_id)
        if at_hand is not None:
            self._show_story(*at_hand, focus)
            return
        self.query_one("#panes").loading = True
        self._load_story(story_id, focus)

    def _story_at_hand(self, story_id: str) -> OpenedStory | None:
        """The story when it is small (at most QUICK_OPEN_ARTICLES articles) and aligned before,
        this session or an earlier one: reading it then takes less than a frame. None otherwise,
        or on any trouble: `_load_story`, in a worker, will meet it again and report it."""
        try:
            story = self.library.get_story(story_id)
            if len(story.article_ids) > QUICK_OPEN_ARTICLES:
                return None
            return self._reader.aligned_before(story_id)
        except Exception:  # noqa: BLE001 - the worker path reports it
            return None

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def _load_story(self, story_id: str, focus: SentenceRef | None) -> None:
        """Read and align the story (unless aligned before), show it, then file a new alignment
        on disk, all off the UI thread."""
        try:
            with collection_paused():
                story, articles, alignment = self._reader.open(story_id, file_now=False)
        except Exception as error:  # noqa: BLE001 - any failure is shown, the app stays usable
            # A library problem is already one line a user can act on (which file, which
            # command repairs it); anything else is named by its kind.
            kind = "" if isinstance(error, LibraryError) else f"{type(error).__name__}: "
            said = f"{kind}{error}"
            self.app.call_from_thread(self._load_failed, said)
            return
        if get_current_worker().is_cancelled:
            return
        self.app.call_from_thread(self._show_story, story, articles, alignment, focus)
        self._reader.file_new()

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
        self.refresh_coverage()
        if focus is None or focus.article_id not in self.articles:
            first = next(iter(self.articles), None)
            focus = SentenceRef(first, 0) if first is not None else None
        self.cursor = focus
        self.refresh_review()
        self.query_one("#panes").loading = False
        if self.focused is None:
            self.set_focus(self.query_one("#outlets", PaneList))
        self.library.remember_story(story.id)
        self._store_watch = StoryWatch(self.library, story.id)
        self.call_after_refresh(freeze_after_frame)

    def _reload_what_others_wrote(self) -> None:
        """Another crosswire (an import, a tag or a note in another terminal) changed what is on
        screen: show it, keeping the reader's place. Nothing is written back: every write here
        re-reads the file under its lock first, so no stale copy can overwrite theirs."""
        watch, story = self._store_watch, self.story
        if watch is None or story is None or watch.story_id != story.id:
            return
        changes = watch.poll()
        if changes.notes:
            self.refresh_marks()
        if changes.story:
            self._store_watch = None  # made again once the story is shown afresh
            self._reader.forget(story.id)
            self.open_story(story.id, focus=self.cursor)

    def refresh_marks(self) -> None:
        """Read the open story's annotation marks and hand them to Sources and Article."""
        marks = self.annotator.read_marks(self.story)
        self.query_one(ArticleView).marks = marks
        self.query_one(SourceList).marks = marks

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
        self._ahead.cursor_moved(cursor)

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
        self.cursor = SentenceRef(article_id, self.index_in(article_id))

    def index_in(self, article_id: str) -> int:
        """Where the cursor goes in the outlet `article_id`: its version of the sentence being
        read, else the sentence last read there, else the first."""
        cursor, alignment = self.cursor, self.alignment
        if cursor is not None and alignment is not None:
            index = counterpart_in(alignment, cursor, article_id)
            if index is not None:
                return index
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

    # --- the panes: focus, jumps, toggles, help -----------------------------------------------

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

    def action_jump_notable(self, direction: int) -> None:
        """Next/previous unique sentence of this outlet; in Diff, next/previous missing one."""
        if isinstance(self.focused_pane(), DiffView):
            if not self.query_one(DiffView).step_missing(direction):
                self.notify("Nothing is missing here.")
            return
        cursor, alignment = self.cursor, self.alignment
        if cursor is None or alignment is None:
            return
        index = next_with_status(alignment, cursor, "unique", direction=direction)
        if index is not None:
            self.cursor = SentenceRef(cursor.article_id, index)
            return
        self.notify(f"No {'later' if direction > 0 else 'earlier'} unique sentence in this outlet.")

    def action_toggle_removed(self) -> None:
        self.post_message(ToggleSetting("show_removed"))

    def action_toggle_additions(self) -> None:
        self.post_message(ToggleSetting("only_additions"))

    @on(ToggleSetting)
    def _toggle(self, event: ToggleSetting) -> None:
        event.stop()
        if event.setting == "show_removed":
            self.show_removed = not self.show_removed
        else:
            self.only_additions = not self.only_additions

    def action_open_url(self) -> None:
        """o: the selected outlet's article in the web browser; says so when it has no URL."""
        from tui.core.text.web_address import web_link

        cursor = self.cursor
        article = self.articles.get(cursor.article_id) if cursor is not None else None
        if article is None:
            self.notify("No outlet is selected.", severity="warning")
            return
        link = web_link(article.url)
        if link is None:
            where = f" (imported from {safe_text(article.source)})" if article.source else ""
            self.notify(f"{safe_text(article.outlet)} has no web address{where}.", markup=False)
            return
        from tui.browser import open_in_browser

        problem = open_in_browser(self.app, link)
        if problem is None:
            self.notify(f"Opened {link} in your browser.", markup=False)
        else:
            self.notify(f"{problem}: {link}", severity="warning", markup=False)

    def _review_state(self) -> ReviewState:
        from tui.core.notes.review import ReviewState

        if self._review is None:
            self._review = ReviewState(self.library.home)
        return self._review

    def refresh_review(self) -> None:
        """Read what is reviewed in the open story and hand it to Sources."""
        sources = self.query_one(SourceList)
        if self.story is None or self.alignment is None:
            sources.review, sources.reviewed = None, frozenset()
            return
        try:
            state = self._review_state()
            sources.reviewed = state.reviewed_articles(self.story.id)
            sources.review = state.left(self.story.id, self.articles, self.alignment.drift)
        except LibraryError as exc:
            self.notify(f"Review state unavailable: {exc}", severity="error", markup=False)

    def on_screen_resume(self) -> None:
        """Back from a view (the drift list records decisions): recount what is left."""
        self.refresh_review()

    def action_toggle_reviewed(self) -> None:
        """R: mark the selected outlet's article reviewed, or not reviewed again."""
        cursor, story = self.cursor, self.story
        article = self.articles.get(cursor.article_id) if cursor is not None else None
        if story is None or article is None:
            self.notify("No outlet is selected.", severity="warning")
            return
        state = self._review_state()
        try:
            now = article.id not in state.reviewed_articles(story.id)
            state.set_reviewed(story.id, article.id, now)
        except LibraryError as exc:
            self.notify(f"Not saved: {exc}", severity="error", markup=False)
            return
        self.refresh_review()
        said = "reviewed" if now else "not reviewed"
        self.notify(f"{safe_text(article.outlet)} marked {said}.", markup=False)

    def action_sort_outlets(self) -> None:
        """O: outlets by publication time (who ran it first), or back in story order."""
        sources = self.query_one(SourceList)
        sources.by_published = not sources.by_published
        if sources.by_published:
            self.notify("Outlets by publication time, first published first (undated last).")
        else:
            self.notify("Outlets in story order.")

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        pane = self.focused_pane()
        self.app.push_screen(HelpScreen(pane_help=getattr(pane, "HELP", "")))

    # --- the search box -----------------------------------------------------------------------

    def action_start_search(self) -> None:
        self._search.start()

    def action_search_step(self, direction: int) -> None:
        self._search.step(direction)

    def action_cancel_search(self) -> None:
        self._search.cancel()

    @on(Input.Submitted, f"#{SEARCH_BOX_ID}")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._search.submit(event.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape (cancel search) acts only while the search box is open; everything else
        always."""
        if action == "cancel_search":
            return self._search.is_open
        return True

    # --- the views over this screen, and the requests their choices make ----------------------

    def action_open_view(self, view: ViewName) -> None:
        self.post_message(OpenView(view))

    @on(OpenView)
    def _open_view(self, event: OpenView) -> None:
        event.stop()
        from tui.screens.views import view_screen

        if event.view in ("coverage", "profiles") and self.alignment and self.story:
            self._open_profile_view(event.view, self.story, self.alignment)
            return

        screen = view_screen(
            event.view,
            library=self.library,
            articles=list(self.articles.values()),
            alignment=self.alignment,
            cursor=self.cursor,
            marks=self.annotation_marks,
        )
        if screen is None:
            self.notify("Open a story first (S lists the stories, i imports).", severity="warning")
        else:
            self._push_view(screen)

    # --- outlet profiles, coverage and wire families (the `ProfileKeeper` reads the profiles) ----

    def refresh_coverage(self) -> None:
        """Hand Sources the story's spread by lean as the profiles now say."""
        if self.alignment is not None:
            coverage = self.profiles.coverage(list(self.articles.values()), self.alignment)
            self.query_one(SourceList).spread = coverage.spread

    def _open_profile_view(self, view: ViewName, story: Story, alignment: StoryAlignment) -> None:
        articles = list(self.articles.values())
        if view == "profiles":
            self.profiles.open_profiles(articles, self.refresh_coverage)
            return
        from tui.screens.coverage_view import CoverageScreen

        coverage = self.profiles.coverage(articles, alignment)
        self._push_view(CoverageScreen(coverage, title=story.title))

    def action_edit_profile(self) -> None:
        article = self.articles.get(self.cursor.article_id) if self.cursor else None
        if article is None:
            self.notify("Open a story first (S lists the stories, i imports).", severity="warning")
            return
        self.profiles.edit(article, self.refresh_coverage)

    def action_fold_family(self) -> None:
        """Fold the selected outlet's wire family to one row in Sources, or unfold it."""
        sources = self.query_one(SourceList)
        cursor = self.cursor
        origin = sources.family_origin(cursor.article_id) if cursor else None
        if origin is None:
            self.notify("This outlet is in no wire family: it shares no text near-verbatim.")
            return
        if not sources.is_folded(origin) and cursor and cursor.article_id != origin:
            self.select_outlet(origin)  # the fold's one row is the origin's
        sources.toggle_fold(origin)

    def action_move_article(self) -> None:
        """Pick another story for the selected outlet's article; the story reopens without it."""
        if self.story is None or self.cursor is None:
            self.notify("Open a story first (S lists the stories, i imports).", severity="warning")
            return
        if len(self.articles) < 2:
            self.notify(
                "This is the story's only article: merge the story into another instead "
                "(crosswire story merge).",
                severity="warning",
            )
            return
        from tui.screens.stories import MoveArticleScreen

        article = self.articles[self.cursor.article_id]
        self._push_view(MoveArticleScreen(self.library, article, self.story.id))

    def action_article_versions(self) -> None:
        """Show the selected outlet's article as imported each time (`VersionsScreen`)."""
        article = self.articles.get(self.cursor.article_id) if self.cursor else None
        if article is None:
            self.notify("Open a story first (S lists the stories, i imports).", severity="warning")
            return
        from tui.core.store.versions import versions_of
        from tui.screens.versions_view import VersionsScreen

        self._push_view(VersionsScreen(article, versions_of(self.library, article.id)))

    def _push_view(self, screen: Screen[Any]) -> None:
        """Open a view over this screen; a choice it closes on comes back as a request."""
        if isinstance(screen, ChoiceScreen):
            self.app.push_screen(screen, choice_callback(self, screen))
        else:
            self.app.push_screen(screen)

    def _to_front(self) -> None:
        """Close whatever is open over this screen, to show what a request asks for."""
        while self.app.screen is not self:
            self.app.pop_screen()

    @on(JumpToSentence)
    def _jump_requested(self, event: JumpToSentence) -> None:
        event.stop()
        self._to_front()
        self.jump_to(event.ref)

    @on(ShowOutlet)
    def _show_outlet(self, event: ShowOutlet) -> None:
        event.stop()
        self.select_outlet(event.article_id)

    @on(OpenStory)
    def _open_story_requested(self, event: OpenStory) -> None:
        event.stop()
        self._to_front()
        self.open_story(event.story_id)

    @on(OpenAnnotation)
    def _open_annotation(self, event: OpenAnnotation) -> None:
        """Show an annotation's sentence or outlet, opening its story first when needed."""
        event.stop()
        self._to_front()
        target = event.target
        ref = target.ref or (
            SentenceRef(target.article_id, 0) if target.article_id is not None else None
        )
        if self.story is None or self.story.id != target.story_id:
            self.open_story(target.story_id, focus=ref)
        elif target.kind == "sentence" and ref is not None:
            self.jump_to(ref)
        elif target.article_id is not None:
            if target.article_id not in self.articles:
                self.notify("That article is no longer in the story.", severity="warning")
                return
            self.select_outlet(target.article_id)
            self.query_one("#outlets").focus()

    # --- tags, notes, exports and quoting (the `Annotator` does them) -------------------------

    def _focus(self) -> Focus:
        in_sources = isinstance(self.focused_pane(), SourceList)
        return Focus(self.story, self.articles, self.cursor, in_sources)

    def action_tag(self) -> None:
        self.post_message(TagItem())

    def action_note(self) -> None:
        self.post_message(NoteItem())

    def action_note_in_editor(self) -> None:
        self.post_message(NoteItem(external=True))

    def action_view_notes(self) -> None:
        self.post_message(ShowNotes())

    def action_export(self) -> None:
        self.post_message(ExportNotes())

    def action_copy_sentence(self) -> None:
        self.post_message(CopySentence())

    @on(TagItem)
    def _tag_item(self, event: TagItem) -> None:
        event.stop()
        self.annotator.tag(self._focus(), event.kind)

    @on(NoteItem)
    def _note_item(self, event: NoteItem) -> None:
        event.stop()
        self.annotator.note(self._focus(), event.kind, external=event.external)

    @on(ExportNotes)
    def _export_notes(self, event: ExportNotes) -> None:
        event.stop()
        self.annotator.export(self.story, self._reader, fmt=event.fmt)

    @on(CopySentence)
    def _copy_sentence(self, event: CopySentence) -> None:
        event.stop()
        self.annotator.copy_sentence(self._focus())

    @on(ShowNotes)
    def _show_notes(self, event: ShowNotes) -> None:
        event.stop()
        from tui.screens.notes_view import NotesScreen

        store = self.annotator.store()
        if store is not None:
            self._push_view(NotesScreen(store))

    @on(AnnotationsChanged)
    def _annotations_changed(self, event: AnnotationsChanged) -> None:
        event.stop()
        if self.story is not None and self.story.id == event.story_id:
            self.refresh_marks()
