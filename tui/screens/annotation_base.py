"""What every annotation handler of the main screen needs: the store, the marks and the target.

`AnnotationBase` opens the library's annotations on first use, redraws the marks after each
write (`AnnotationsChanged`), and works out which item a request is about: in Sources the
selected outlet's article, elsewhere the focused sentence; palette commands name story, article
or sentence outright. The tag and note handlers build on it (`annotating`, `note_handlers`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from tui.core.models import SentenceRef
from tui.core.store.storage import LibraryError
from tui.messages import AnnotationKind, AnnotationsChanged
from tui.widgets.annotation_marks import NO_MARKS, AnnotationMarks
from tui.widgets.article_view import ArticleView
from tui.widgets.source_list import SourceList

if TYPE_CHECKING:
    from textual.widget import Widget

    from tui.app import CrosswireApp

    # The store (and rapidfuzz behind it) loads on first use, not at start-up: see annotations().
    from tui.core.notes.annotations import AnnotationContext, Annotations, Target
    from tui.core.models import Article, Story


class AnnotationBase(Screen[None]):
    """The store, the marks and the target of the main screen's annotation requests."""

    annotation_marks: AnnotationMarks = NO_MARKS
    """Marks of the open story, as last read from the store."""
    _annotations: Annotations | None = None

    if TYPE_CHECKING:
        # Provided by MainScreen (reactive vars and methods).
        story: Story | None
        articles: dict[str, Article]
        cursor: SentenceRef | None

        @property
        def crosswire(self) -> CrosswireApp: ...

        def focused_pane(self) -> Widget | None: ...

        def jump_to(self, ref: SentenceRef) -> None: ...

        def select_outlet(self, article_id: str) -> None: ...

        def open_story(self, story_id: str, *, focus: SentenceRef | None = None) -> None: ...

    # --- the store and the marks --------------------------------------------------------------

    def annotations(self) -> Annotations | None:
        """The library's annotations, opened on first use; None (and said why) when unusable."""
        if self._annotations is None:
            from tui.core.notes.annotations import Annotations

            try:
                self._annotations = Annotations(self.crosswire.library.home)
            except LibraryError as exc:
                self.notify(
                    f"Tags and notes are unavailable: {exc}", severity="error", markup=False
                )
                return None
        return self._annotations

    def refresh_marks(self) -> None:
        """Read the open story's annotations and hand their marks to Sources and Article.

        A library without an annotations file has no marks to read: the store is then left
        unopened (and unimported) until the reader first tags or notes something.
        """
        story, marks = self.story, NO_MARKS
        kept = self._annotations is not None or self.crosswire.library.has_annotations()
        store = self.annotations() if story is not None and kept else None
        if story is not None and store is not None:
            try:
                marks = AnnotationMarks.from_items(store.items(story_id=story.id))
            except LibraryError as exc:
                self.notify(str(exc), severity="error", markup=False)
        self.annotation_marks = marks
        self.query_one(ArticleView).marks = marks
        self.query_one(SourceList).marks = marks

    def on_annotations_changed(self, event: AnnotationsChanged) -> None:
        event.stop()
        if self.story is not None and self.story.id == event.story_id:
            self.refresh_marks()

    # --- what to annotate ---------------------------------------------------------------------

    def annotation_target(self, kind: AnnotationKind | None) -> Target | None:
        """The item a request is about; None (and said why) when there is none."""
        from tui.core.notes.annotations import Target

        story, cursor = self.story, self.cursor
        if story is None:
            self.notify("Open a story first (S lists the stories).", severity="warning")
            return None
        if kind is None:
            kind = "article" if isinstance(self.focused_pane(), SourceList) else "sentence"
        if kind == "story":
            return Target.story(story.id)
        if cursor is None or cursor.article_id not in self.articles:
            self.notify("No outlet is selected.", severity="warning")
            return None
        if kind == "article":
            return Target.article(story.id, cursor.article_id)
        if not self.articles[cursor.article_id].sentences:
            self.notify("This article has no sentences.", severity="warning")
            return None
        return Target.sentence(story.id, cursor.article_id, cursor.index)

    def annotation_request(
        self, kind: AnnotationKind | None
    ) -> tuple[Annotations, Target, AnnotationContext] | None:
        """The store, target and context a tag or note request needs; None (and said why) when
        any of them is missing."""
        target = self.annotation_target(kind)
        store = self.annotations()
        context = self._annotation_context(target) if target is not None else None
        if target is None or store is None or context is None:
            return None
        return store, target, context

    def _annotation_context(self, target: Target) -> AnnotationContext | None:
        from tui.core.notes.annotations import context_for

        try:
            return context_for(self.crosswire.library, target)
        except LibraryError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return None

    @staticmethod
    def heading(verb: str, target: Target, context: AnnotationContext) -> str:
        """A dialog's title: 'Tag sentence · TRT World'."""
        where = f" · {context.outlet}" if context.outlet else ""
        return f"{verb} {target.kind}{where}"

    def annotations_changed(self, target: Target) -> None:
        """Tell the screen (and so the marks) that `target`'s story has new annotations."""
        self.post_message(AnnotationsChanged(target.story_id))
