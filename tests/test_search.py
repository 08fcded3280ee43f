"""Search across the library (`core.search`, `crosswire search`): a real store in a tmp folder,
files imported for real, the FTS5 index kept in `cache/search.sqlite` and refreshed by story."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from tests.conftest import RunCli
from tui.core.search.index import INDEX_FILE, search_library
from tui.core.search.query import SearchQueryError, fts_query
from tui.core.store.importer import import_paths
from tui.core.store.library import Library


def _import(library: Library, folder: Path, name: str, text: str, *, story: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    import_paths(library, [path], story=story, outlet=name.removesuffix(".txt"))


@pytest.fixture
def library(tmp_path: Path) -> Library:
    library = Library(tmp_path / "library")
    _import(
        library,
        tmp_path / "quake",
        "Reuters.txt",
        "Quake hits the coast\n\nA strong earthquake struck the northern coast on Tuesday.\n"
        "Rescuers searched collapsed buildings overnight.",
        story="Coast quake",
    )
    _import(
        library,
        tmp_path / "summit",
        "AFP.txt",
        "Leaders meet at the summit\n\nThe summit opened in Geneva with talks on trade.\n"
        "An earthquake drill interrupted the morning session.",
        story="Geneva summit",
    )
    return library


def test_finds_sentences_ranked_with_numbers_and_marks(library: Library) -> None:
    results = search_library(library, "earthquake coast")
    assert results.note is None
    (hit,) = results.hits  # both words must appear: only the quake story's sentence has both
    assert (hit.story_title, hit.outlet) == ("Coast quake", "Reuters")
    article = library.get_article(hit.article_id)
    assert article.sentences[hit.number - 1].text == hit.text  # numbered from 1, as the app shows
    assert [hit.text[start:end] for start, end in hit.marks] == ["earthquake", "coast"]
    assert (library.home / INDEX_FILE).is_file()

    assert search_library(library, "earthquakes").hits == ()  # words as written, no stemming
    both = search_library(library, "EARTHQ*")  # a prefix, case aside
    assert {h.story_title for h in both.hits} == {"Coast quake", "Geneva summit"}
    summit = library.find_story("Geneva summit").id
    only = search_library(library, "earthquake", story_id=summit)
    assert [h.story_title for h in only.hits] == ["Geneva summit"]
    assert len(search_library(library, "earthquake", limit=1).hits) == 1


def test_phrases_and_prefixes(library: Library) -> None:
    assert len(search_library(library, '"collapsed buildings"').hits) == 1
    assert search_library(library, '"buildings collapsed"').hits == ()
    assert [h.outlet for h in search_library(library, "Gene*").hits] == ["AFP"]


def test_index_follows_imports_reimports_and_deletions(library: Library, tmp_path: Path) -> None:
    assert search_library(library, "volcano").hits == ()
    _import(library, tmp_path / "more", "AP.txt", "Volcano erupts\n\nAsh fell.", story="Volcano")
    told: list[int] = []
    (hit,) = search_library(library, "volcano", indexing=told.append).hits
    search_library(library, "volcano", indexing=told.append)
    assert told == [1]  # the new story alone was read, and nothing when nothing changed
    assert (hit.story_title, hit.outlet, hit.number) == ("Volcano", "AP", 1)

    time.sleep(0.01)  # a new import time even on a coarse clock
    _import(library, tmp_path / "more", "AP.txt", "Volcano quiet\n\nLava cooled.", story="Volcano")
    assert search_library(library, "erupts").hits == ()
    assert [h.text for h in search_library(library, "lava").hits] == ["Lava cooled."]

    library.rename_story(library.find_story("Volcano").id, "Mount Etna")
    assert search_library(library, "lava").hits[0].story_title == "Mount Etna"
    library.delete_story(library.find_story("Mount Etna").id)
    assert search_library(library, "lava").hits == ()
    assert len(search_library(library, "earthquake").hits) == 2  # the others were kept


@pytest.mark.parametrize(
    "query",
    ["AND OR (", '"unclosed phrase', "NEAR(a b)", "text:coast", "coast*)", "a -b ^c", '""coast""'],
)
def test_fts_syntax_in_a_query_never_raises(library: Library, query: str) -> None:
    search_library(library, query)  # FTS5 operators are plain words here


@pytest.mark.parametrize("query", ["", "   ", "--", '""', "*", "((  ))"])
def test_a_query_without_words_is_one_clear_error(query: str) -> None:
    with pytest.raises(SearchQueryError, match="nothing to search for"):
        fts_query(query)


def test_hostile_text_is_inert(tmp_path: Path, run_cli: RunCli, library_home: Path) -> None:
    library = Library(library_home)
    hostile = (
        "Storm \x1b]0;pwned\x07grew [bold red]fast[/] \u202eevil\u202c\ue000forged\ue001 mark.\n"
        "Second line about the storm."
    )
    _import(library, tmp_path / "h", "Evil\x1b[31m.txt", hostile, story="Storm \x1b[2J")
    results = search_library(library, "forged")
    (hit,) = results.hits
    assert "\x1b" not in hit.text and "\u202e" not in hit.text
    assert "\ue000" not in hit.text and [hit.text[a:b] for a, b in hit.marks] == ["forged"]
    for args in (("search", "storm"), ("search", "storm", "--json"), ("search", "\x1b[2J")):
        result = run_cli(*args)
        assert "\x1b" not in result.stdout + result.stderr, args
        assert "\u202e" not in result.stdout + result.stderr, args
    shown = run_cli("search", "fast").stdout
    assert "[bold red]**fast**[/]" in shown  # markup printed as the text it is


def test_cli_groups_by_story_and_outlet(run_cli: RunCli, library: Library) -> None:
    del library  # imported into library_home, where run_cli points
    result = run_cli("search", "earthquake")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("Coast quake (") for line in lines)
    assert any(line.startswith("Geneva summit (") for line in lines)
    assert "  Reuters" in lines and "  AFP" in lines
    assert any("**earthquake**" in line and line.strip().startswith("2 ") for line in lines)

    document = json.loads(
        run_cli("search", "earthquake", "--json", "--limit", "1", "--story", "Geneva").stdout
    )
    assert [(d["outlet"], d["sentence"], d["story_title"]) for d in document] == [
        ("AFP", 3, "Geneva summit")
    ]
    assert set(document[0]) == {
        "story", "story_title", "outlet", "article", "sentence", "text", "marks", "score",
    }  # fmt: skip

    bad = run_cli("search", "?!")
    assert bad.returncode == 2 and len(bad.stderr.splitlines()) == 1, bad.stderr
    assert "nothing to search for" in bad.stderr and "Traceback" not in bad.stderr
    none = run_cli("search", "zzzz")
    assert none.returncode == 1 and "no sentence matches 'zzzz'" in none.stdout


def test_an_index_that_cannot_be_written_still_searches(library: Library) -> None:
    index = library.home / INDEX_FILE
    index.parent.mkdir(exist_ok=True)
    index.mkdir()  # as root, chmod stops nothing: a folder in the index's place cannot be opened
    results = search_library(library, "earthquake")
    assert len(results.hits) == 2
    assert results.note is not None and "cannot be saved" in results.note
    assert "\n" not in results.note
    assert index.is_dir() and not any(index.iterdir())  # nothing written into the library


def test_cli_says_so_in_one_line_when_the_index_cannot_be_saved(
    run_cli: RunCli, library: Library
) -> None:
    (library.home / INDEX_FILE).parent.mkdir(exist_ok=True)
    (library.home / INDEX_FILE).mkdir()
    result = run_cli("search", "earthquake")
    assert result.returncode == 0
    (note,) = [line for line in result.stderr.splitlines() if "cannot be saved" in line]
    assert note.startswith("crosswire: ") and "search index.sqlite" not in note
    assert result.stderr.splitlines() == ["crosswire: indexing 2 stories for search", note]
    assert "**earthquake**" in result.stdout


def test_a_read_only_index_that_is_up_to_date_is_searched_as_it_is(library: Library) -> None:
    search_library(library, "earthquake")  # build it
    index = library.home / INDEX_FILE
    before = index.stat().st_mtime_ns
    if os.geteuid() != 0:
        index.chmod(0o444)
    assert search_library(library, "earthquake").note is None
    assert index.stat().st_mtime_ns == before  # a fresh index is read, never written


def test_a_damaged_index_is_rebuilt(library: Library) -> None:
    search_library(library, "earthquake")
    index = library.home / INDEX_FILE
    index.write_bytes(b"not a database at all" * 100)
    results = search_library(library, "earthquake")
    assert results.note is None and len(results.hits) == 2
    assert index.read_bytes()[:15] == b"SQLite format 3"
