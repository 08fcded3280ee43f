"""Importing files and folders: grouping into stories, re-imports, and every kind of bad input."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import orjson
import pytest

from tui.core.store import storage as storage_module
from tui.core.store.importer import import_paths
from tui.core.store.library import Library
from tui.core.store.seeds import bundled_seeds_dir, ensure_bundled_story

SEED_TITLE = "Japan and US agree to expand cooperation on missiles, military drills"
SEED_OUTLETS = ["Ground News", "CRBC News", "Portugal Colonial", "TRT World", "SadaNews"]


def article_file(folder: Path, name: str, title: str, body: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    text = body or "Officials met on Friday in Tokyo. They agreed to expand joint drills."
    path.write_text(f"{title}\n{text}\n", encoding="utf-8")
    return path


@pytest.fixture
def library(library_home: Path) -> Library:
    return Library(library_home)


def test_seed_folder_is_one_story_named_by_its_manifest(library: Library) -> None:
    report = import_paths(library, [bundled_seeds_dir()])
    assert report.problems == [] and report.skipped == []
    (story,) = library.stories()
    assert story.title == SEED_TITLE and report.story_ids == [story.id]
    articles = library.articles(story.id)
    assert [a.outlet for a in articles] == SEED_OUTLETS
    assert articles[3].url == "https://www.trtworld.com/article/737a5743b3e8"
    assert articles[3].date == "2026-01-16"
    assert all(item.kept_sentences == len(item.article.sentences) > 0 for item in report.imported)
    assert report.imported[2].removed_lines > 50  # Portugal Colonial's list of other headlines


def test_loose_files_form_one_story_titled_by_the_most_common_title(
    library: Library, tmp_path: Path
) -> None:
    files = [
        article_file(tmp_path / "in", "a.txt", "Tokyo drills widen"),
        article_file(
            tmp_path / "in", "b.txt", "Japan and US agree on drills", "Other text here. More of it."
        ),
        article_file(
            tmp_path / "in", "c.txt", "Japan and US agree on drills", "Third text. Still more."
        ),
    ]
    report = import_paths(library, files)
    (story,) = library.stories()
    assert story.title == "Japan and US agree on drills"
    assert len(report.imported) == 3 and len(story.article_ids) == 3


def test_each_folder_is_its_own_story_and_subfolders_split(
    library: Library, tmp_path: Path
) -> None:
    article_file(tmp_path / "corpus" / "one", "a.txt", "First story headline")
    article_file(tmp_path / "corpus" / "two", "b.txt", "Second story headline")
    report = import_paths(library, [tmp_path / "corpus"])
    assert sorted(s.title for s in library.stories()) == [
        "First story headline",
        "Second story headline",
    ]
    assert len(report.story_ids) == 2


def test_story_option_adds_to_an_existing_story_by_id_or_fuzzy_title(
    library: Library, tmp_path: Path
) -> None:
    existing = library.create_story("Japan and US agree to expand cooperation on missiles")
    first = article_file(tmp_path, "a.txt", "Headline A")
    second = article_file(tmp_path, "b.txt", "Headline B", "Different body. Yes.")
    import_paths(library, [first], story=existing.id)
    import_paths(library, [second], story="japan and us agree to expand cooperation on misiles")
    assert len(library.stories()) == 1
    assert len(library.get_story(existing.id).article_ids) == 2
    import_paths(library, [first], story="Something else entirely")
    assert sorted(s.title for s in library.stories())[-1] == "Something else entirely"


def test_outlet_option_wins_over_the_manifest(library: Library) -> None:
    report = import_paths(library, [bundled_seeds_dir()], outlet="My Outlet")
    assert {item.article.outlet for item in report.imported} == {"My Outlet"}


def test_reimporting_the_same_files_skips_them(library: Library, seed_paths: list[Path]) -> None:
    import_paths(library, [bundled_seeds_dir()])
    again = import_paths(library, [bundled_seeds_dir()])
    assert again.imported == [] and len(again.skipped) == 5
    assert "already in story" in again.skipped[0] and seed_paths[0].name in again.skipped[0]
    (story,) = library.stories()
    assert len(story.article_ids) == 5


def test_a_changed_file_replaces_its_article_in_place(library: Library, tmp_path: Path) -> None:
    path = article_file(tmp_path, "a.txt", "Headline")
    other = article_file(tmp_path, "b.txt", "Other headline", "Unrelated body. Fine.")
    first = import_paths(library, [path, other], story="Story")
    article_file(tmp_path, "a.txt", "Headline", "Officials met on Saturday in Osaka. Corrected.")
    second = import_paths(library, [path], story="Story")
    (item,) = second.imported
    assert item.action == "replaced" and item.article.id == first.imported[0].article.id
    articles = library.articles(library.stories()[0].id)
    assert [a.id for a in articles] == [i.article.id for i in first.imported]
    assert "Osaka" in articles[0].text


def test_the_same_text_from_one_outlet_twice_in_one_batch_is_imported_once(
    library: Library, tmp_path: Path
) -> None:
    one = article_file(tmp_path, "one.txt", "Headline")
    two = tmp_path / "two.txt"
    shutil.copy(one, two)
    report = import_paths(library, [one, two], outlet="Same Outlet")
    assert len(report.imported) == 1 and len(report.skipped) == 1
    # Under two outlet names (here from the file names) the same text is two articles: see
    # tests/test_import_identity.py.


def test_every_bad_input_is_one_problem_line_and_the_rest_still_imports(
    library: Library, tmp_path: Path
) -> None:
    good = article_file(tmp_path / "files", "good.txt", "A good headline")
    empty = tmp_path / "files" / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "files" / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    huge = tmp_path / "files" / "huge.txt"
    with huge.open("wb") as handle:
        handle.write(b"word " * 10_000_000)  # 50 MB
    no_txt = tmp_path / "no-txt"
    no_txt.mkdir()
    (no_txt / "notes.md").write_text("not a txt")
    missing = tmp_path / "missing.txt"

    report = import_paths(library, [missing, no_txt, good, empty, binary, huge])

    assert [item.article.title for item in report.imported] == ["A good headline"]
    problems = {line.split(": ", 1)[0]: line.split(": ", 1)[1] for line in report.problems}
    assert set(problems) == {str(p) for p in (missing, no_txt, empty, binary, huge)}
    assert "no such file" in problems[str(missing)]
    assert "no .txt or .html files" in problems[str(no_txt)]
    assert "empty" in problems[str(empty)]
    assert "binary" in problems[str(binary)]
    assert "too large" in problems[str(huge)]
    assert all("\n" not in line for line in report.problems)


def test_cp1252_file_that_is_not_utf8_imports_with_its_characters(
    library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(
        "Caf\u00e9 talks \u201cend well\u201d in Tokyo.\nMinisters smiled.\n".encode("cp1252")
    )
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    report = import_paths(library, [path])
    assert report.problems == []
    assert "Caf\u00e9 talks \u201cend well\u201d" in report.imported[0].article.raw


def test_nothing_usable_creates_no_story(library: Library, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    report = import_paths(library, [empty], story="Never made")
    assert report.imported == [] and report.story_ids == [] and library.is_empty()


def test_a_broken_manifest_is_reported_and_ignored(library: Library, tmp_path: Path) -> None:
    article_file(tmp_path / "story", "a.txt", "Headline here")
    (tmp_path / "story" / "manifest.json").write_text("{not json")
    report = import_paths(library, [tmp_path / "story"])
    assert len(report.imported) == 1
    (problem,) = report.problems
    assert problem.startswith(str(tmp_path / "story" / "manifest.json") + ": ignored")


def test_progress_reports_every_file(library: Library) -> None:
    calls: list[tuple[int, int, str]] = []
    import_paths(library, [bundled_seeds_dir()], progress=lambda *call: calls.append(call))
    assert [(done, total) for done, total, _ in calls] == [(n, 5) for n in range(1, 6)]
    assert calls[0][2] == "000_436ac72399c15299.txt"


def test_one_write_per_story(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes: Counter[str] = Counter()
    real_write = storage_module.AtomicJSONStorage.write

    def counting_write(self: storage_module.AtomicJSONStorage, data: storage_module.Tables) -> None:
        writes[self.path.name] += 1
        real_write(self, data)

    monkeypatch.setattr(storage_module.AtomicJSONStorage, "write", counting_write)
    report = import_paths(library, [bundled_seeds_dir()])
    story_id = report.story_ids[0]
    assert writes[f"{story_id}.json"] == 1
    assert writes["library.json"] == 2  # the new story, then its five articles


def test_ensure_bundled_story_runs_once_on_an_empty_library(library: Library) -> None:
    story = ensure_bundled_story(library)
    assert story is not None and story.title == SEED_TITLE and len(story.article_ids) == 5
    assert ensure_bundled_story(library) is None
    assert len(library.stories()) == 1


def test_ensure_bundled_story_leaves_a_used_library_alone(library: Library) -> None:
    library.create_story("Mine")
    assert ensure_bundled_story(library) is None
    assert [s.title for s in library.stories()] == ["Mine"]


def test_bundled_seeds_dir_has_the_manifest_and_five_pages() -> None:
    folder = bundled_seeds_dir()
    manifest = orjson.loads((folder / "manifest.json").read_bytes())
    assert sorted(manifest["files"]) == sorted(p.name for p in folder.glob("*.txt"))
    assert [entry["outlet"] for entry in manifest["files"].values()] == SEED_OUTLETS


def test_unreadable_folder_is_one_problem_line(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same path as a chmod 000 folder, for runs as root (which reads through it)."""
    folder = tmp_path / "locked"
    article_file(folder, "a.txt", "Headline")

    def refuse(self: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refuse)
    report = import_paths(library, [folder])
    assert report.problems == [f"{folder}: folder cannot be read (Permission denied)"]


def test_a_folder_is_cleaned_as_one_story(library: Library, tmp_path: Path) -> None:
    """allen-mall-shooting-2023: the AP page's related-story card ('Texas' and a headline about
    a football rivalry) goes once the other outlet's page shows it is off-topic; the crawl date
    glued to the first line (taiwan-election-2024/01_trt.txt) is not part of the title."""
    dev = Path(__file__).resolve().parent / "fixtures" / "truth" / "dev"
    folder = tmp_path / "allen"
    folder.mkdir()
    for name in ("00_apnews.txt", "05_voz.txt"):
        shutil.copy(dev / "allen-mall-shooting-2023" / name, folder / name)
    (folder / "06_crawled.txt").write_text(
        " date 2023-05-07 A gunman killed eight people at an outlet mall in Allen, Texas, on "
        "Saturday before a police officer shot him dead.\n",
        encoding="utf-8",
    )
    report = import_paths(library, [folder])
    ap, voz, crawled = (item.article for item in report.imported)
    assert [(r.text, r.reason) for r in ap.removed if r.reason == "other story"] == [
        ("Texas", "other story"),
        (
            "Wake up the ghosts! Texas, Texas A&M rivalry that dates to 1894 is reborn",
            "other story",
        ),
    ]
    assert not any("Wake up" in s.text for s in ap.sentences)
    assert report.imported[0].removed_lines == len(ap.removed)
    assert crawled.title.startswith("A gunman killed eight people")
    assert crawled.date == "2023-05-07"


def test_an_article_added_to_a_story_is_judged_against_the_articles_it_holds(
    library: Library, tmp_path: Path
) -> None:
    dev = (
        Path(__file__).resolve().parent / "fixtures" / "truth" / "dev" / "allen-mall-shooting-2023"
    )
    import_paths(library, [dev / "05_voz.txt"], story="Allen mall shooting")
    report = import_paths(library, [dev / "00_apnews.txt"], story="Allen mall shooting")
    (item,) = report.imported
    assert [r.reason for r in item.article.removed].count("other story") == 2
