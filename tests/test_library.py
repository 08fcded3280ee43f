"""The library on disk: layout, round trips, finding stories, schema, bad folders, two processes."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import orjson
import platformdirs
import pytest

from tui.core.store.library import (
    LAST_STORY_STATE_KEY,
    SCHEMA_VERSION,
    Library,
    LibraryError,
    article_id_for,
    default_home,
)
from tui.core.models import Article, RemovedLine, Sentence

REPO_ROOT = Path(__file__).resolve().parent.parent


def make_article(story_id: str, source: str, *, outlet: str = "Wire", text: str = "") -> Article:
    body = text or f"{outlet} reports from {source}. A second sentence."
    first = body.split(". ")[0] + "."
    return Article(
        id=article_id_for(story_id, source),
        story_id=story_id,
        outlet=outlet,
        title=f"{outlet} title",
        source=source,
        url=f"https://example.com/{source}",
        date="2026-01-16",
        imported_at="2026-01-16T10:00:00+00:00",
        raw="junk line\n" + body,
        text=body,
        sentences=(
            Sentence(index=0, text=first, start=10, end=10 + len(first), line=1, kind="title"),
            Sentence(
                index=1,
                text="A second sentence.",
                start=10 + len(first) + 1,
                end=len(body) + 10,
                line=1,
            ),
        ),
        removed=(RemovedLine(line=0, text="junk line", reason="navigation"),),
    )


def test_new_library_writes_its_schema_version(library_home: Path) -> None:
    library = Library(library_home)
    document = orjson.loads((library_home / "library.json").read_bytes())
    assert document["_meta"]["1"]["schema"] == SCHEMA_VERSION
    assert library.is_empty() and library.stories() == []


def test_articles_round_trip_in_import_order(library_home: Path) -> None:
    library = Library(library_home)
    story = library.create_story("  Japan and   US agree ")
    articles = [make_article(story.id, f"{n}.txt", outlet=f"Outlet {n}") for n in (3, 1, 2)]
    library.add_articles(story.id, articles)
    reopened = Library(library_home)
    assert reopened.articles(story.id) == articles
    assert reopened.get_story(story.id).title == "Japan and US agree"
    assert reopened.get_story(story.id).article_ids == tuple(a.id for a in articles)
    assert reopened.get_article(articles[1].id) == articles[1]
    assert [e.outlet for e in reopened.article_entries(story.id)] == [
        "Outlet 3",
        "Outlet 1",
        "Outlet 2",
    ]
    assert not reopened.is_empty()


def test_replacing_an_article_keeps_its_place(library_home: Path) -> None:
    library = Library(library_home)
    story = library.create_story("Story")
    first, second = make_article(story.id, "a.txt"), make_article(story.id, "b.txt")
    library.add_articles(story.id, [first, second])
    changed = first._replace(text="Changed text.", outlet="Renamed")
    library.add_articles(story.id, [changed])
    assert library.articles(story.id) == [changed, second]


def test_bodies_live_per_story_and_other_stories_are_not_rewritten(library_home: Path) -> None:
    library = Library(library_home)
    one, two = library.create_story("One"), library.create_story("Two")
    library.add_articles(one.id, [make_article(one.id, "a.txt")])
    one_file = library_home / "articles" / f"{one.id}.json"
    before = one_file.stat()
    library.add_articles(two.id, [make_article(two.id, "b.txt")])
    after = one_file.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert (library_home / "articles" / f"{two.id}.json").is_file()
    index = (library_home / "library.json").read_text()
    assert "A second sentence" not in index and "junk line" not in index


def test_find_story_by_id_title_words_and_typo(library_home: Path) -> None:
    library = Library(library_home)
    japan = library.create_story(
        "Japan and US agree to expand cooperation on missiles, military drills"
    )
    brexit = library.create_story("Brexit talks stall in Brussels")
    assert library.find_story(brexit.id) == brexit
    assert library.find_story("brexit talks stall in brussels") == brexit
    assert library.find_story("missiles") == japan
    assert library.find_story("misiles japan") == japan
    assert library.find_story("brexitt") == brexit
    with pytest.raises(LibraryError, match="weather in paris"):
        library.find_story("weather in paris")


def test_ambiguous_query_returns_the_best_match(library_home: Path) -> None:
    library = Library(library_home)
    library.create_story("Election results in the UK")
    france = library.create_story("Election results in France")
    assert library.find_story("election france") == france


def test_missing_story_and_article_are_library_errors(library_home: Path) -> None:
    library = Library(library_home)
    with pytest.raises(LibraryError, match="nope"):
        library.get_story("nope")
    with pytest.raises(LibraryError, match="nope"):
        library.get_article("nope")
    with pytest.raises(LibraryError):
        library.create_story("   ")


def test_add_articles_refuses_strays_and_id_clashes(library_home: Path) -> None:
    library = Library(library_home)
    one, two = library.create_story("One"), library.create_story("Two")
    article = make_article(one.id, "a.txt")
    with pytest.raises(LibraryError, match="do not belong"):
        library.add_articles(two.id, [article])
    library.add_articles(one.id, [article])
    with pytest.raises(LibraryError, match="another story"):
        library.add_articles(two.id, [article._replace(story_id=two.id)])


def test_state_persists_in_its_own_file(library_home: Path) -> None:
    library = Library(library_home)
    index_before = (library_home / "library.json").read_bytes()
    assert library.get_state("theme", "nord") == "nord"
    library.set_state("theme", "gruvbox")
    library.set_state("last_story", "abc12345")
    reopened = Library(library_home)
    assert reopened.get_state("theme") == "gruvbox"
    assert reopened.get_state("last_story") == "abc12345"
    assert (library_home / "library.json").read_bytes() == index_before


def test_newer_schema_is_refused_and_left_alone(library_home: Path) -> None:
    Library(library_home)
    path = library_home / "library.json"
    document = orjson.loads(path.read_bytes())
    document["_meta"]["1"]["schema"] = SCHEMA_VERSION + 1
    path.write_bytes(orjson.dumps(document))
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="newer crosswire"):
        Library(library_home)
    assert path.read_bytes() == before


def test_json_without_schema_is_not_taken_for_a_library(library_home: Path) -> None:
    library_home.mkdir()
    (library_home / "library.json").write_bytes(b'{"stuff": {}}')
    with pytest.raises(LibraryError, match="no schema version"):
        Library(library_home)


@pytest.mark.parametrize("name", ["library.json", "state.json"])
def test_corrupt_store_file_blocks_opening_and_stays_byte_identical(
    library_home: Path, name: str
) -> None:
    Library(library_home).set_state("theme", "nord")
    path = library_home / name
    corrupt = path.read_bytes()[:-3]
    path.write_bytes(corrupt)
    with pytest.raises(LibraryError) as caught:
        Library(library_home)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == corrupt


def test_library_path_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "library"
    target.write_text("I am a file")
    with pytest.raises(LibraryError, match="is a file"):
        Library(target)
    with pytest.raises(LibraryError, match="cannot be written"):
        Library(target / "inside")


UNWRITABLE_CHILD = textwrap.dedent(
    """
    import sys
    from tui.core.store.library import Library, LibraryError
    try:
        Library(sys.argv[1])
    except LibraryError as exc:
        print(exc)
        sys.exit(3)
    """
)


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes through permission bits"
)
def test_read_only_folder_is_a_library_error(tmp_path: Path) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)  # chmod 500
    child = subprocess.run(
        [sys.executable, "-c", UNWRITABLE_CHILD, str(folder)],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    folder.chmod(stat.S_IRWXU)
    assert child.returncode == 3, child.stderr
    assert "cannot be written" in child.stdout and str(folder) in child.stdout
    assert list(folder.iterdir()) == []


def test_default_home_honours_crosswire_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CROSSWIRE_HOME", str(tmp_path / "mine"))
    assert default_home() == tmp_path / "mine"
    monkeypatch.delenv("CROSSWIRE_HOME")
    assert default_home() == Path(platformdirs.user_data_dir("crosswire"))


WRITER_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[4])
    from tests.test_library import make_article
    from tui.core.store.library import Library

    home, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    go = Path(home).parent / "go"
    while not go.exists():
        time.sleep(0.005)
    library = Library(home)
    for n in range(count):
        story = library.create_story(f"{name} story {n}")
        library.add_articles(story.id, [make_article(story.id, f"{name}-{n}.txt", outlet=name)])
    """
)


def test_two_processes_adding_stories_at_once_both_land(library_home: Path) -> None:
    Library(library_home)
    count = 15
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                WRITER_CHILD,
                str(library_home),
                name,
                str(count),
                str(REPO_ROOT),
            ],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("alpha", "beta")
    ]
    (library_home.parent / "go").touch()
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    library = Library(library_home)
    titles = sorted(story.title for story in library.stories())
    assert titles == sorted(f"{name} story {n}" for name in ("alpha", "beta") for n in range(count))
    for story in library.stories():
        (article,) = library.articles(story.id)
        assert story.title.startswith(article.outlet)


def test_folder_refusing_new_files_is_a_library_error(
    library_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same check as chmod 500, for runs as root (which writes through permission bits)."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tui.core.store.library.tempfile.mkstemp", refuse)
    with pytest.raises(LibraryError, match=r"cannot be written \(Permission denied\)"):
        Library(library_home)


def test_last_story_is_remembered_and_forgotten_when_gone(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    assert library.last_story_id() is None
    story = library.create_story("Flooding in Valencia")
    library.remember_story(story.id)
    assert Library(tmp_path / "lib").last_story_id() == story.id
    library.set_state(LAST_STORY_STATE_KEY, "no-such-story")
    assert library.last_story_id() is None


def test_find_story_takes_a_unique_start_of_an_id(library_home: Path) -> None:
    library = Library(library_home)
    stories = [library.create_story("Harbour story") for _ in range(40)]  # no digits to match
    by_prefix: dict[str, list[str]] = {}
    for story in stories:
        by_prefix.setdefault(story.id[:4], []).append(story.id)
    unique = next(s for s in stories if len(by_prefix[s.id[:4]]) == 1)
    assert library.find_story(unique.id[:4]) == unique
    assert library.find_story(unique.id[:6].upper()) == unique  # ids are hex: case aside
    with pytest.raises(LibraryError, match="no story matches"):
        library.find_story(unique.id[:3])  # shorter than MIN_ID_PREFIX: only a title query


def test_find_story_names_every_id_a_shared_prefix_could_mean(library_home: Path) -> None:
    library = Library(library_home)
    library.create_story("Harbour closes")
    library.create_story("Zoo escape")
    index = orjson.loads((library_home / "library.json").read_bytes())
    for doc, new_id in zip(index["stories"].values(), ("abcd1111", "abcd2222"), strict=True):
        doc["id"] = new_id
    (library_home / "library.json").write_bytes(orjson.dumps(index))
    assert library.find_story("abcd1").title == "Harbour closes"
    with pytest.raises(LibraryError, match=r"abcd1111, abcd2222"):
        library.find_story("abcd")


def test_story_titles_are_stored_without_escapes_or_controls(library_home: Path) -> None:
    library = Library(library_home)
    story = library.create_story("Storm \x1b]0;PWNED\x07 hits \u202ecoast\x1b[2J [bold]x[/bold]")
    assert story.title == "Storm hits coast [bold]x[/bold]"
    with pytest.raises(LibraryError, match="needs a title"):
        library.create_story("\x1b[2J\x07")


def test_a_query_naming_several_stories_lists_them_and_a_short_one_names_none(
    library_home: Path,
) -> None:
    library = Library(library_home)
    quake = library.create_story("Japan earthquake kills dozens")
    vote = library.create_story("Japan election turnout record")
    with pytest.raises(LibraryError) as several:
        library.find_story("japan")
    assert quake.id in str(several.value) and vote.id in str(several.value)
    assert library.find_story("japan earth") == quake
    with pytest.raises(LibraryError, match="too short"):
        library.find_story("a")


def test_a_digit_more_or_less_is_another_story(library_home: Path) -> None:
    library = Library(library_home)
    library.create_story("synth51")
    with pytest.raises(LibraryError, match="no story matches"):
        library.find_story("synth510")
    library.create_story("Harbour wall vote")
    assert library.find_story("harbuor").title == "Harbour wall vote", "a letter slip still finds"
