"""Marks for annotated sentences and outlets, shared by every view that shows sentences.

The main screen reads a story's annotations once per story load and after each write, turns them
into an `AnnotationMarks` and hands it down; the views only look marks up. A sentence with a note
shows ✎, one with tags only shows #, in a two-cell gutter so the text does not shift.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.text import Text
from textual.content import Content

from tui.core.models import SentenceRef
from tui.widgets.diff_text import PairVisual

if TYPE_CHECKING:
    from tui.core.notes.types import Annotation

NOTE_MARK = "✎"
"""The sentence has at least one note."""
TAG_MARK = "#"
"""The sentence has tags but no note."""
MARK_STYLE = "$accent bold"
RICH_MARK_STYLE = "bold magenta"
"""For the views drawn with rich Text (side by side, matrix), which cannot use theme variables."""


def mark_of(item: Annotation) -> str:
    """✎ when the annotation holds a note, # when it holds tags only."""
    return NOTE_MARK if item.notes else TAG_MARK


@dataclass(frozen=True)
class AnnotationMarks:
    """One story's annotation marks: per sentence, and how many annotations each article has."""

    sentences: Mapping[SentenceRef, str] = field(default_factory=dict)
    """Sentence -> its mark (NOTE_MARK or TAG_MARK)."""
    per_article: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    """Article id -> how many of its annotations (its sentences', and its own) carry each mark:
    {NOTE_MARK: with a note, TAG_MARK: tags only}."""

    @classmethod
    def from_items(cls, items: Iterable[Annotation]) -> AnnotationMarks:
        sentences: dict[SentenceRef, str] = {}
        per_article: dict[str, dict[str, int]] = {}
        for item in items:
            article_id = item.target.article_id
            if article_id is None:
                continue
            counts = per_article.setdefault(article_id, {})
            counts[mark_of(item)] = counts.get(mark_of(item), 0) + 1
            ref = item.target.ref
            if ref is not None:
                sentences[ref] = mark_of(item)
        return cls(sentences, per_article)

    def mark(self, ref: SentenceRef | None) -> str:
        """The sentence's mark, or '' when it carries no annotation."""
        return self.sentences.get(ref, "") if ref is not None else ""

    def gutter(self, ref: SentenceRef | None) -> Content:
        """Two cells: the mark and a space, or two spaces."""
        mark = self.mark(ref)
        return Content.styled(f"{mark} ", MARK_STYLE) if mark else Content("  ")

    def rich_gutter(self, ref: SentenceRef | None) -> Text:
        """The same gutter as rich Text."""
        mark = self.mark(ref)
        return Text(f"{mark} " if mark else "  ", style=RICH_MARK_STYLE if mark else "", end="")

    def mark_pair(
        self, visual: PairVisual, left: SentenceRef | None, right: SentenceRef | None
    ) -> PairVisual:
        """A side-by-side row with a gutter on each column, when the story has any marks
        (a story without annotations keeps its full width)."""
        if self.sentences:
            visual.left = Content.assemble(self.gutter(left), visual.left)
            visual.right = Content.assemble(self.gutter(right), visual.right)
        return visual


NO_MARKS = AnnotationMarks()
