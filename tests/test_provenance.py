"""Where each article comes from and when it ran: read on import, shown, opened, copied, cited.

Real parts throughout: the importer and store in a tmp folder, the CLI as a process, a browser
that is a real program (a script named by $BROWSER that writes down the address it was given).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import stat
import time
from pathlib import Path

import pytest

from tests.app_data import SEEDS_DIR, running_main
from tests.conftest import RunCli
from tests.test_key_bursts import burst
from tui.core.export.citation import citation_line
from tui.core.export.html import render_html
from tui.core.export.markdown import render_markdown
from tui.core.export.placement import gather
from tui.core.export.writer import CSV_COLUMNS, render_csv
from tui.core.models import SentenceRef
from tui.core.notes.annotations import Annotations, Target
from tui.core.reader.story import StoryReader
from tui.core.store.importer import import_paths
from tui.core.store.library import Library, LibraryError
from tui.core.text.published import parse_published, published_instant, published_label
from tui.core.text.web_address import host_of, web_link
from tui.widgets.article_view import ArticleView
from tui.widgets.source_list import SourceList

DATES = {
    "000_436ac72399c15299.txt": "2026-01-16T09:30+09:00",  # Ground News: 00:30 UTC, first
    "001_9fd815b9ea2c61de.txt": "2026-01-16T03:00Z",  # CRBC News: third
    "003_d7bb37f40b9910b9.txt": "2026-01-16T01:15",  # TRT World: second (no offset: UTC)
    "004_5b5dc9eb8f601fe5.txt": "2026-01-17",  # SadaNews: a day only, last of the dated
}
"""Publication times given in a manifest; Portugal Colonial has none and comes last."""


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("2026-01-16", "2026-01-16"),
        (" 2026-01-16T09:30 ", "2026-01-16T09:30"),
        ("2026-01-16T09:30:15", "2026-01-16T09:30:15"),
        ("2026-01-16T09:30Z", "2026-01-16T09:30+00:00"),
        ("2026-01-16T09:30+09:00", "2026-01-16T09:30+09:00"),
    ],
)
def test_publication_dates_are_read_as_values(given: str, stored: str) -> None:
    assert parse_published(given) == stored


@pytest.mark.parametrize("bad", ["yesterday", "16/01/2026", "", "2026-13-01", "[bold]x"])
def test_a_date_that_is_not_one_is_refused_in_words(bad: str) -> None:
    with pytest.raises(ValueError, match="is not a date: give YYYY-MM-DD"):
        parse_published(bad)


def test_dates_of_any_shape_sort_as_instants_unknown_last() -> None:
    dates = [None, "2026-01-17", "2026-01-16T03:00+00:00", "2026-01-16T09:30+09:00", "junk"]
    ordered = sorted(dates, key=published_instant)
    assert ordered[:3] == ["2026-01-16T09:30+09:00", "2026-01-16T03:00+00:00", "2026-01-17"]
    assert set(ordered[3:]) == {None, "junk"}
    assert published_label("2026-01-16T09:30+09:00") == "2026-01-16 09:30 +09:00"
    assert published_label("2026-01-16T03:00+00:00") == "2026-01-16 03:00 UTC"
    assert published_label("2026-01-16") == "2026-01-16"
    assert published_label(None) == ""


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://www.trtworld.com/article/1", "https://www.trtworld.com/article/1"),
        ("http://e.com/a (b)<c>", "http://e.com/a%20%28b%29%3Cc%3E"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("/home/me/page.txt", None),
        ("https://", None),
        (None, None),
    ],
)
def test_only_web_addresses_become_links_and_nothing_ends_a_link_early(
    url: str | None, link: str | None
) -> None:
    assert web_link(url) == link


def test_host_of_drops_www() -> None:
    assert host_of("https://www.trtworld.com/article/1") == "trtworld.com"
    assert host_of("seeds/003.txt") == ""


def dated_seeds(folder: Path) -> Path:
    """The bundled pages with a manifest that also gives publication times."""
    shutil.copytree(SEEDS_DIR, folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for name, when in DATES.items():
        manifest["files"][name]["date"] = when
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


@pytest.fixture
def dated(tmp_path: Path) -> tuple[Library, str]:
    library = Library(tmp_path / "library")
    report = import_paths(library, [dated_seeds(tmp_path / "seeds")])
    return library, report.story_ids[0]


def test_a_manifest_gives_each_page_its_publication_time(dated: tuple[Library, str]) -> None:
    library, story_id = dated
    by_outlet = {a.outlet: a for a in library.articles(story_id)}
    assert by_outlet["Ground News"].date == "2026-01-16T09:30+09:00"
    assert by_outlet["CRBC News"].date == "2026-01-16T03:00+00:00"
    assert by_outlet["TRT World"].date == "2026-01-16T01:15", "the manifest wins over the page"
    assert by_outlet["Portugal Colonial"].date is None
    assert by_outlet["TRT World"].url == "https://www.trtworld.com/article/737a5743b3e8"


def test_a_bad_date_in_a_manifest_names_the_file(tmp_path: Path) -> None:
    folder = dated_seeds(tmp_path / "seeds")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"]["001_9fd815b9ea2c61de.txt"]["date"] = "last Friday"
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    report = import_paths(Library(tmp_path / "library"), [folder])
    assert len(report.imported) == 4
    assert report.problems == [
        f"{folder / '001_9fd815b9ea2c61de.txt'}: manifest.json: 'last Friday' is not a date: "
        "give YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM]"
    ]


def test_import_url_and_date_for_one_file(run_cli: RunCli, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    shutil.copy(SEEDS_DIR / "003_d7bb37f40b9910b9.txt", page)
    done = run_cli(
        "import", page, "--outlet", "TRT World", "--url", "https://trt.example/a",
        "--date", "2026-01-16T08:15+03:00",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    stories = json.loads(run_cli("stories", "--json").stdout)["stories"]
    library = Library(Path(json.loads(run_cli("stories", "--json").stdout)["library"]))
    article = library.articles(stories[0]["id"])[0]
    assert (article.url, article.date) == ("https://trt.example/a", "2026-01-16T08:15+03:00")


def test_import_url_and_date_refuse_several_files_and_bad_dates(run_cli: RunCli) -> None:
    several = run_cli("import", SEEDS_DIR, "--date", "2026-01-16")
    assert several.returncode == 2
    assert "--url and --date describe one page: import a single file with them" in several.stderr
    assert "Traceback" not in several.stderr
    bad = run_cli("import", SEEDS_DIR / "003_d7bb37f40b9910b9.txt", "--date", "tomorrow")
    assert bad.returncode == 2
    assert "--date: 'tomorrow' is not a date" in bad.stderr


def _tag_first_sentence(library: Library, story_id: str, outlet: str) -> None:
    article = next(a for a in library.articles(story_id) if a.outlet == outlet)
    Annotations(library.home).add_tags(
        Target.sentence(story_id, article.id, 1),
        ["check"],
        quote=article.sentences[1].text,
        outlet=article.outlet,
        story_title=library.get_story(story_id).title,
    )


def test_exports_cite_every_quote_with_its_url_and_date(dated: tuple[Library, str]) -> None:
    library, story_id = dated
    _tag_first_sentence(library, story_id, "TRT World")
    _tag_first_sentence(library, story_id, "Portugal Colonial")
    data = gather(StoryReader(library).open(story_id), Annotations(library.home))
    memo = render_markdown(data)
    assert (
        "- Source: [TRT World](https://www.trtworld.com/article/737a5743b3e8), "
        "published 2026-01-16 01:15"
    ) in memo
    assert "- Source: [Portugal Colonial](https://www.portugalcolonial.pt/en/Politics/" in memo
    report = render_html(data)
    assert (
        '<a href="https://www.trtworld.com/article/737a5743b3e8" rel="noreferrer noopener">'
        "TRT World</a>, published 2026-01-16 01:15"
    ) in report
    rows = list(csv.reader(io.StringIO(render_csv(data))))
    assert tuple(rows[0]) == CSV_COLUMNS
    cited = {row[2]: dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]}
    assert cited["TRT World"]["url"] == "https://www.trtworld.com/article/737a5743b3e8"
    assert cited["TRT World"]["published"] == "2026-01-16T01:15"
    assert cited["Portugal Colonial"]["published"] == ""


def test_a_hostile_url_is_cited_as_text_never_as_a_link(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    shutil.copy(SEEDS_DIR / "003_d7bb37f40b9910b9.txt", page)
    library = Library(tmp_path / "library")
    report = import_paths(library, [page], url="javascript:alert('x')", outlet="TRT World")
    story_id = report.story_ids[0]
    _tag_first_sentence(library, story_id, "TRT World")
    data = gather(StoryReader(library).open(story_id), Annotations(library.home))
    assert "<a href" not in render_html(data)
    assert "](javascript" not in render_markdown(data)
    assert "javascript:alert(&#x27;x&#x27;)" in render_html(data)


def test_a_citation_names_outlet_date_url_and_story(dated: tuple[Library, str]) -> None:
    library, story_id = dated
    article = next(a for a in library.articles(story_id) if a.outlet == "Ground News")
    line = citation_line(article.sentences[0].text, article, story_title="Japan and US")
    assert line == (
        f"“{article.sentences[0].text}” — Ground News, 2026-01-16 09:30 +09:00, "
        f"{article.url} (story: “Japan and US”)"
    )


# --- in the app ---------------------------------------------------------------------------------


def _browser_script(folder: Path) -> tuple[str, Path]:
    """A program that records the address it is asked to open, as a browser opens one."""
    opened = folder / "opened.txt"
    script = folder / "browser.sh"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{opened}"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script), opened


async def test_o_opens_the_article_in_the_browser(
    dated: tuple[Library, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library, story_id = dated
    browser, opened = _browser_script(tmp_path)
    monkeypatch.setenv("BROWSER", browser)
    async with running_main(library, story_id) as (app, pilot, main):
        await burst(app, pilot, "j", "o")
        article = main.articles[main.cursor.article_id] if main.cursor else None
        assert article is not None and article.outlet == "CRBC News"
        deadline = time.monotonic() + 10
        while not opened.exists() and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert opened.read_text(encoding="utf-8") == f"{article.url}\n"
        assert any(f"Opened {article.url}" in n.message for n in app._notifications)


async def test_o_on_an_article_without_a_web_address_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "page.txt"
    shutil.copy(SEEDS_DIR / "003_d7bb37f40b9910b9.txt", page)
    library = Library(tmp_path / "library")
    story_id = import_paths(library, [page], outlet="TRT World").story_ids[0]
    browser, opened = _browser_script(tmp_path)
    monkeypatch.setenv("BROWSER", browser)
    async with running_main(library, story_id) as (app, pilot, main):
        await burst(app, pilot, "o")
        assert not opened.exists()
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("TRT World has no web address (imported from ") for m in messages)
        header = main.query_one("#article-header").render()
        assert "no web address: imported from a file" in str(header)


async def test_sources_and_article_show_when_and_where_each_ran(
    dated: tuple[Library, str],
) -> None:
    library, story_id = dated
    async with running_main(library, story_id) as (app, pilot, main):
        rows = [str(option.prompt) for option in main.query_one(SourceList).outlet_list.options]
        ground = next(row for row in rows if "Ground News" in row)
        assert "2026-01-16 09:30 +09:00" in ground and "ground.news · " in ground
        header = str(main.query_one("#article-header").render())
        assert "Ground News  2026-01-16 09:30 +09:00" in header
        assert "https://ground.news/article/japan-and-us" in header
        assert isinstance(main.query_one(ArticleView), ArticleView)


async def test_O_lists_outlets_by_publication_time_and_back(dated: tuple[Library, str]) -> None:
    library, story_id = dated
    async with running_main(library, story_id) as (app, pilot, main):
        sources = main.query_one(SourceList)

        def listed() -> list[str]:
            return [
                main.articles[option.id].outlet
                for option in sources.outlet_list.options
                if option.id is not None
            ]

        story_order = listed()
        cursor = main.cursor
        await burst(app, pilot, "O")
        assert listed() == [
            "Ground News", "TRT World", "CRBC News", "SadaNews", "Portugal Colonial",
        ]  # fmt: skip
        assert main.cursor == cursor, "sorting keeps the reader's place"
        await burst(app, pilot, "j")
        assert main.cursor is not None
        assert main.articles[main.cursor.article_id].outlet == "TRT World", "j follows the order"
        await burst(app, pilot, "O")
        assert listed() == story_order


async def test_y_copies_a_citation_with_date_and_url(dated: tuple[Library, str]) -> None:
    library, story_id = dated
    async with running_main(library, story_id) as (app, pilot, main):
        await burst(app, pilot, "l", "j", "y")
        article = main.articles[main.cursor.article_id] if main.cursor else None
        assert article is not None
        assert main.cursor == SentenceRef(article.id, 1)
        assert app.clipboard.endswith(
            f"— Ground News, 2026-01-16 09:30 +09:00, {article.url} "
            f"(story: “{library.get_story(story_id).title}”)"
        )
        assert any("with its date and URL" in n.message for n in app._notifications)


def test_import_rejects_url_for_several_files_in_the_core(tmp_path: Path) -> None:
    library = Library(tmp_path / "l")
    with pytest.raises(LibraryError, match="describe one page"):
        import_paths(library, [SEEDS_DIR], url="https://e.com/x")
    assert library.stories() == [], "nothing is written"
