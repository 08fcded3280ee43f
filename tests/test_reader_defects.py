"""Small defects a reader met: the sentence being read scrolled out of sight after a resize to
80x24, and the footer's 't Tag a Note' read as one phrase."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from tests.app_data import running_main
from tests.test_key_bursts import burst
from tui.core.store.library import Library
from tui.widgets import PaneList
from tui.widgets.article_view import ArticleView


def _highlight_in_view(pane: PaneList) -> bool:
    """Whether every line of the highlighted row is inside the list's visible window."""
    row = pane.highlighted
    assert row is not None
    lines = [n for n, (index, _) in enumerate(pane._lines) if index == row]
    top = round(pane.scroll_offset.y)
    return top <= lines[0] and lines[-1] < top + pane.scrollable_content_region.height


async def test_the_focused_sentence_stays_in_view_after_a_resize_to_80x24(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        await burst(app, pilot, "j", "j", "j", "l", *"j" * 12)
        sentences = main.query_one(ArticleView).sentence_list
        cursor = main.cursor
        assert _highlight_in_view(sentences)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert main.cursor == cursor
        assert _highlight_in_view(sentences), "the sentence being read is still on screen"
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        await pilot.pause()
        assert _highlight_in_view(sentences)


async def test_footer_keys_read_as_keycaps_not_words(seeded: tuple[Library, str]) -> None:
    """'t Tag a Note': the key letters are drawn reversed, so 'a' is a key, not a word."""
    library, story_id = seeded
    async with running_main(library, story_id, size=(80, 24)) as (app, pilot, main):
        keys = list(main.query(FooterKey))
        assert [key.key for key in keys[:2]] == ["t", "a"]
        for key in keys:
            style = key.get_component_rich_style("footer-key--key")
            assert style.reverse, key.key
            assert not key.get_component_rich_style("footer-key--description").reverse
