"""When an imported file is the same article again, replaces one, or is a new article.

Byte-identical text from different outlets is the core case of crosswire (outlets that ran the
wire verbatim) and must stay separate articles; the same text from the same outlet is skipped; an
edited copy of an outlet's page takes its article's place. Names from manifests, flags, folders
and file names reach the store without escape sequences or control characters.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from tui.core.store.importer import import_paths
from tui.core.store.library import Library

WIRE = (
    "Red panda escapes from Lindenfeld Zoo\n"
    "A red panda named Kiri escaped from Lindenfeld Zoo on Tuesday, the zoo said.\n"
    "Keepers found her two days later in a private garden near the zoo.\n"
)
OWN = (
    "Red panda escapes from Lindenfeld Zoo\n"
    "A red panda got out of the zoo this week and was found in an apple tree.\n"
)


@pytest.fixture
def library(library_home: Path) -> Library:
    return Library(library_home)


def _folder(root: Path, files: dict[str, str], manifest: dict[str, object] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    if manifest is not None:
        (root / "manifest.json").write_bytes(orjson.dumps(manifest))
    return root


def test_identical_text_from_different_outlets_is_one_article_each(
    library: Library, tmp_path: Path
) -> None:
    folder = _folder(
        tmp_path / "zoo",
        {"one.txt": WIRE, "two.txt": WIRE, "three.txt": WIRE, "four.txt": OWN},
        {"story": "Zoo item", "files": {n: {"outlet": f"Outlet {n[:-4].title()}"}
                                        for n in ("one.txt", "two.txt", "three.txt", "four.txt")}},
    )  # fmt: skip
    report = import_paths(library, [folder])
    assert report.skipped == [] and report.problems == []
    (story,) = library.stories()
    outlets = sorted(a.outlet for a in library.articles(story.id))
    assert outlets == ["Outlet Four", "Outlet One", "Outlet Three", "Outlet Two"]

    again = import_paths(library, [folder])
    assert again.imported == [] and len(again.skipped) == 4
    assert len(library.articles(story.id)) == 4


def test_identical_files_named_by_their_file_names_are_separate_outlets(
    library: Library, tmp_path: Path
) -> None:
    folder = _folder(tmp_path / "zoo", {"city_news.txt": WIRE, "daily_herald.txt": WIRE})
    report = import_paths(library, [folder])
    assert sorted(item.article.outlet for item in report.imported) == ["city_news", "daily_herald"]


def test_the_same_text_from_the_same_outlet_is_skipped_wherever_it_comes_from(
    library: Library, tmp_path: Path
) -> None:
    first = _folder(tmp_path / "a", {"page.txt": WIRE, "copy.txt": WIRE})
    report = import_paths(library, [first], outlet="Wire Press")
    assert len(report.imported) == 1 and len(report.skipped) == 1
    assert "already in story" in report.skipped[0] and "as Wire Press" in report.skipped[0]

    elsewhere = shutil.copytree(first, tmp_path / "b")
    again = import_paths(library, [elsewhere], outlet="wire press", story=report.story_ids[0])
    assert again.imported == [] and len(again.skipped) == 2


def test_an_edited_copy_of_an_outlets_file_replaces_its_article(
    library: Library, tmp_path: Path
) -> None:
    original = _folder(tmp_path / "story", {"daily_herald.txt": WIRE, "city_news.txt": OWN})
    first = import_paths(library, [original])
    story_id = first.story_ids[0]
    before = library.articles(story_id)

    edited = _folder(tmp_path / "story_b", {"daily_herald.txt": WIRE.replace("Tuesday", "Monday")})
    report = import_paths(library, [edited], story=story_id)
    (item,) = report.imported
    assert item.action == "replaced"
    assert item.replaced_source == str((original / "daily_herald.txt").resolve())
    after = library.articles(story_id)
    assert [a.id for a in after] == [a.id for a in before]  # same ids, same order
    assert [a.outlet for a in after] == ["city_news", "daily_herald"]
    herald = next(a for a in after if a.outlet == "daily_herald")
    assert "Monday" in herald.raw and herald.source == str((edited / "daily_herald.txt").resolve())

    same_again = import_paths(library, [edited], story=story_id)
    assert same_again.imported == [] and len(same_again.skipped) == 1


def test_another_file_of_an_outlet_already_in_the_story_is_added_and_counted(
    library: Library, tmp_path: Path
) -> None:
    folder = _folder(tmp_path / "story", {"morning.txt": WIRE, "evening.txt": OWN})
    report = import_paths(library, [folder], outlet="Daily Herald")
    assert [item.action for item in report.imported] == ["added", "added"]
    assert [item.outlet_articles for item in report.imported] == [1, 1]


def test_names_from_manifest_flags_and_files_are_stored_without_controls(
    library: Library, tmp_path: Path
) -> None:
    folder = _folder(
        tmp_path / "s4",
        {"upd.txt": WIRE, "plain.txt": OWN, "esc\x1b[31mred.txt": OWN.replace("week", "month")},
        {
            "story": "Manifest \u001b]0;PWNED\u0007 story [bold]x[/bold]",
            "files": {
                "upd.txt": {"outlet": "Evil \u001b[41mOutlet", "url": "http://e.example/\u001b[2J"},
                "plain.txt": {"outlet": "[blink]Plain[/blink]\u202e"},
            },
        },
    )
    import_paths(library, [folder])
    (story,) = library.stories()
    assert story.title == "Manifest story [bold]x[/bold]"
    articles = {a.outlet: a for a in library.articles(story.id)}
    assert set(articles) == {"Evil Outlet", "[blink]Plain[/blink]", "escred"}
    assert articles["Evil Outlet"].url == "http://e.example/"

    flagged = import_paths(
        library,
        [folder / "upd.txt"],
        story="Flag\x1b[2J story\x07",
        outlet="Esc\x1b[31mRed\u2066",
    )
    (item,) = flagged.imported
    assert item.article.outlet == "EscRed"
    assert library.get_story(flagged.story_ids[0]).title == "Flag story"


def test_a_folder_named_with_escapes_gives_a_clean_story_title(
    library: Library, tmp_path: Path
) -> None:
    folder = _folder(tmp_path / "zoo\x1b]0;x\x07 day", {"a.txt": "no title here at all.\n"})
    report = import_paths(library, [folder])
    assert library.get_story(report.story_ids[0]).title == "zoo day"


def test_a_story_name_of_only_controls_is_one_clear_error(library: Library, tmp_path: Path) -> None:
    from tui.core.store.library import LibraryError

    folder = _folder(tmp_path / "zoo", {"a.txt": WIRE})
    with pytest.raises(LibraryError, match="story name is empty"):
        import_paths(library, [folder], story="\x1b[2J")


def test_two_copies_of_one_outlets_page_in_one_import_keep_the_later(
    library: Library, tmp_path: Path
) -> None:
    first = _folder(tmp_path / "a", {"daily_herald.txt": WIRE})
    second = _folder(tmp_path / "b", {"daily_herald.txt": WIRE.replace("Tuesday", "Monday")})
    report = import_paths(library, [first, second], story="Zoo")
    (item,) = report.imported
    assert item.action == "added" and item.article.source.startswith(str(second.resolve()))
    (line,) = report.skipped
    assert line.startswith(str((first / "daily_herald.txt").resolve()) + ": left out, ")
    (article,) = library.articles(report.story_ids[0])
    assert "Monday" in article.raw

    # Into a story that held the page already: still one article, replacing the stored one.
    third = _folder(tmp_path / "c", {"daily_herald.txt": WIRE.replace("Tuesday", "Friday")})
    fourth = _folder(tmp_path / "d", {"daily_herald.txt": WIRE.replace("Tuesday", "Sunday")})
    again = import_paths(library, [third, fourth], story="Zoo")
    (item,) = again.imported
    assert item.action == "replaced" and item.article.id == article.id
    assert item.replaced_source == article.source
    assert "Sunday" in library.articles(again.story_ids[0])[0].raw
