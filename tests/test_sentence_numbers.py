"""Sentences are numbered as the CLI's `--sentence N` counts them, and the Article pane says where
the reader is: 'sentence 5/14', and during a search 'match 2/4'."""

from __future__ import annotations

from textual.content import Content
from textual.style import Style
from textual.visual import RenderOptions

from tests.app_data import running_main
from tests.conftest import RunCli
from tests.test_key_bursts import burst
from tui.core.models import SentenceRef
from tui.core.notes.annotations import Annotations, Target
from tui.core.store.library import Library
from tui.widgets.article_view import ArticleView
from tui.widgets.gutter import GutterRow


def test_a_numbered_row_keeps_its_number_beside_the_first_line_only() -> None:
    row = GutterRow(Content("one two three four five six"), bar_style="red", number=" 7")
    options = RenderOptions(lambda style: Style(), {})
    lines = [strip.text for strip in row.render_strips(14, None, Style(), options)]
    assert lines[0].startswith("▍ 7   one"), lines
    assert all(line.startswith("▍     ") for line in lines[1:]), "wrapped lines indent past it"
    assert row.plain == "one two three four five six", "search reads the sentence alone"


async def test_article_rows_are_numbered_from_one_and_aligned(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        rows = main.query_one(ArticleView).sentence_list.options
        numbers = [row.prompt.number for row in rows if isinstance(row.prompt, GutterRow)]
        article = main.articles[main.cursor.article_id] if main.cursor else None
        assert article is not None and len(article.sentences) >= 10
        width = len(str(len(article.sentences)))
        assert numbers == [f"{n:>{width}}" for n in range(1, len(article.sentences) + 1)]


async def test_the_article_pane_says_which_sentence_and_which_match(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        article_view = main.query_one(ArticleView)
        total = len(main.articles[main.cursor.article_id].sentences) if main.cursor else 0
        assert article_view.border_subtitle == f"sentence 1/{total}"
        await burst(app, pilot, "l", "j", "j")
        assert article_view.border_subtitle == f"sentence 3/{total}"
        await burst(app, pilot, "g", "slash", *"japan", "enter")
        matches = article_view.sentence_list.match_indexes
        assert len(matches) >= 2
        assert article_view.border_subtitle.endswith(f" · match 1/{len(matches)}")
        await burst(app, pilot, "n")
        assert main.cursor is not None
        assert article_view.border_subtitle == (
            f"sentence {main.cursor.index + 1}/{total} · match 2/{len(matches)}"
        )
        assert any(n.message == f"match 2/{len(matches)} for “japan”" for n in app._notifications)


def test_cli_sentence_numbers_are_the_ones_shown(
    run_cli: RunCli, seeded: tuple[Library, str]
) -> None:
    library, story_id = seeded
    article = library.articles(story_id)[0]
    done = run_cli(
        "--library", library.home, "tag", story_id, "--article", article.id,
        "--sentence", "1", "headline",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert Annotations(library.home).tags_for(Target.sentence(story_id, article.id, 0)) == (
        "headline",
    )
    assert SentenceRef(article.id, 0) == Target.sentence(story_id, article.id, 0).ref
