"""An article's versions: every text of it imported, and word by word what changed to the latest.

Opened with V on the main screen for the selected outlet's article. Text from the web is drawn
as plain text with styles by span (removed words struck, added words highlighted), never markup.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.core.models import Article
from tui.core.store.versions import ArticleVersion
from tui.core.stories.version_changes import text_changes
from tui.core.text.safe_text import display_text
from tui.core.text.wording import plural
from tui.keys.registry import VERSIONS_BINDINGS


def versions_text(article: Article, earlier: list[ArticleVersion]) -> Text:
    """The list of versions, then what changed from the one before the latest to the latest."""
    texts = [(v.imported_at, v.title, v.text) for v in earlier]
    texts.append((article.imported_at, article.title, article.text))
    shown = Text()
    shown.append(f"{display_text(article.outlet)}: {plural(len(texts), 'version')}\n\n", "bold")
    for number, (when, title, text) in enumerate(texts, 1):
        shown.append(f"{number}  {when[:19]}  ", "dim")
        shown.append(display_text(title))
        shown.append(f"  {plural(len(text.split()), 'word')}", "dim")
        shown.append("  (shown)\n" if number == len(texts) else "\n", "dim")
    if len(texts) < 2:
        return shown
    changes = text_changes(texts[-2][2], texts[-1][2])
    last = len(texts)
    shown.append(
        f"\nFrom version {last - 1} to {last}: {plural(len(changes), 'change')}\n\n", "bold"
    )
    for change in changes:
        shown.append("… " + display_text(change.before) + " ")
        if change.removed:
            shown.append(display_text(change.removed), "red strike")
            shown.append(" ")
        if change.added:
            shown.append(display_text(change.added), "green bold")
        shown.append(" " + display_text(change.after) + " …\n\n")
    return shown


class VersionsScreen(Screen[None]):
    """One article's versions and the words changed; q/escape close it."""

    HELP = "The texts of this article imported so far, and what changed to the latest one."
    BINDINGS: ClassVar[list[BindingType]] = list(VERSIONS_BINDINGS)
    DEFAULT_CSS = """
    VersionsScreen #versions-body { padding: 0 1; }
    """

    def __init__(self, article: Article, earlier: list[ArticleVersion]) -> None:
        super().__init__()
        self.article = article
        self.earlier = earlier

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="versions-scroll"):
            yield Static(versions_text(self.article, self.earlier), id="versions-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#versions-scroll").focus()

    def action_back(self) -> None:
        self.dismiss(None)
