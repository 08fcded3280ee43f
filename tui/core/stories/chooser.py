"""The story chooser the importer asks when no story is named (`core.store.importer`).

It holds the evidence of every article in the library (`core.stories.index`), read once on its
first choice, and learns each article the import writes, so the articles of one import group with
each other as well as with those already held. Each choice comes with the line the faces show:
`joined "Quake hits off Northern California": 9 of 12 sentences shared`, or `new story`.
"""

from __future__ import annotations

from tui.core.models import Article
from tui.core.store.library import Library
from tui.core.stories.evidence import article_evidence
from tui.core.stories.evidence_cache import load_index
from tui.core.stories.grouping import Decision, place
from tui.core.stories.index import EvidenceIndex
from tui.core.text.safe_text import display_text

__all__ = ["EvidenceChooser", "describe"]


def describe(decision: Decision, title_of: dict[str, str]) -> str:
    """The one line that says where an article went and why."""
    if decision.story_id is not None:
        title = display_text(title_of.get(decision.story_id, decision.story_id))
        if decision.shared_sentences:
            why = f"{decision.shared_sentences} of {decision.sentences} sentences shared"
        else:
            why = f"evidence {decision.score:.2f}"
        if decision.specifics:
            why += "; shares " + ", ".join(display_text(s) for s in decision.specifics)
        return f'joined "{title}": {why}'
    if decision.nearest_story is not None:
        title = display_text(title_of.get(decision.nearest_story, decision.nearest_story))
        return f'new story: not "{title}", {decision.apart_because}'
    return "new story: no story close enough"


class EvidenceChooser:
    """Chooses stories by evidence; one per import (it reads the library once)."""

    def __init__(self) -> None:
        self._index: EvidenceIndex | None = None

    def index(self, library: Library) -> EvidenceIndex:
        """The evidence of every article the library holds, read on first use (from
        `cache/evidence/` where it is current, `core.stories.evidence_cache`)."""
        if self._index is None:
            self._index = load_index(library)
        return self._index

    def choose(self, library: Library, article: Article) -> tuple[str | None, str]:
        decision = place(article_evidence(article), self.index(library))
        titles = {story.id: story.title for story in library.stories()}
        return decision.story_id, describe(decision, titles)

    def placed(self, article: Article) -> None:
        if self._index is not None:
            self._index.add(article.id, article.story_id, article_evidence(article))
