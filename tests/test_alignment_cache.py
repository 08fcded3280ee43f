"""Alignments kept on disk between sessions (tui/core/reader/cache.py), on a real library."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.align.engine import align_story
from tui.core.reader import cache as alignment_cache
from tui.core.reader.cache import AlignmentCache, story_key
from tui.core.reader.story import StoryReader
from tui.core.store.library import Library

REPO_ROOT = Path(__file__).resolve().parent.parent


def _entries(cache: AlignmentCache) -> list[Path]:
    return sorted(cache.folder.glob("*.json"))


def test_an_alignment_filed_is_read_back_equal_and_counterparts_and_all(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    articles = library.articles(story_id)
    cache = StoryReader(library).cache
    assert cache.get(articles) is None, "nothing filed yet"
    alignment = align_story(articles)
    cache.put(articles, alignment)
    assert len(_entries(cache)) == 1
    again = cache.get(articles)
    assert again is not None and again is not alignment
    assert again == alignment
    some = next(info for infos in again.sentences.values() for info in infos if info.counterparts)
    original = alignment.sentences[some.ref.article_id][some.ref.index]
    assert tuple(some.counterparts) == tuple(original.counterparts)
    assert again.drift == alignment.drift and again.origin == alignment.origin


def test_the_key_ignores_article_order_but_not_a_changed_sentence(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    articles = library.articles(story_id)
    assert story_key(articles) == story_key(list(reversed(articles)))
    first = articles[0]
    edited = first._replace(
        sentences=(first.sentences[0]._replace(text="Thursday, not Friday."), *first.sentences[1:]),
    )
    assert story_key([edited, *articles[1:]]) != story_key(articles)
    cache = StoryReader(library).cache
    cache.put(articles, align_story(articles))
    assert cache.get([edited, *articles[1:]]) is None, "another text is another alignment"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"crosswire-alignment-2\n",  # the header alone: a write cut short
        b'crosswire-alignment-2\n{"ids": ["a", "b"], "names": [',
        b"something else entirely",
        b"crosswire-alignment-2\n" + pickle.dumps({"not": "an alignment"}),
        b'crosswire-alignment-2\n{"not": "an alignment"}',
        b"crosswire-alignment-2\n[1, 2, 3]",
    ],
    ids=["empty", "header-only", "truncated", "foreign", "pickle", "wrong-keys", "wrong-type"],
)
def test_an_unreadable_entry_is_a_miss_and_is_removed(
    seeded: tuple[Library, str], content: bytes
) -> None:
    library, story_id = seeded
    articles = library.articles(story_id)
    cache = StoryReader(library).cache
    cache.put(articles, align_story(articles))
    (entry,) = _entries(cache)
    entry.write_bytes(content)
    assert cache.get(articles) is None
    assert not entry.exists(), "a bad entry is not read twice"
    reopened = StoryReader(library).open(story_id).alignment
    assert reopened == align_story(articles), "aligned afresh, and filed again"
    assert _entries(cache) == [entry]


def test_a_folder_that_cannot_be_written_is_skipped_quietly(
    seeded: tuple[Library, str], tmp_path: Path
) -> None:
    library, story_id = seeded
    articles = library.articles(story_id)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    cache = AlignmentCache(blocker / "alignments")
    cache.put(articles, align_story(articles))  # no exception
    assert cache.get(articles) is None
    reader = StoryReader(library)
    reader.cache = cache
    assert reader.open(story_id).alignment == align_story(articles)


def test_old_entries_beyond_the_limit_are_pruned_least_recently_used_first(
    seeded: tuple[Library, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    library, story_id = seeded
    monkeypatch.setattr(alignment_cache, "MAX_ENTRIES", 2)
    articles = library.articles(story_id)
    alignment = align_story(articles)
    cache = StoryReader(library).cache
    stories = [articles[:2], articles[1:3], articles[2:4]]
    for n, subset in enumerate(stories):
        cache.put(subset, alignment)
        os.utime(cache.folder / f"{story_key(subset)}.json", ns=(n * 10**9, n * 10**9))
    assert cache.get(stories[0]) is None, "the oldest went when the third came"
    assert cache.get(stories[1]) is not None
    assert cache.get(stories[2]) is not None


def test_a_change_to_the_engine_gives_new_keys(
    seeded: tuple[Library, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library, story_id = seeded
    articles = library.articles(story_id)
    core = tmp_path / "core"
    (core / "align" / "rules").mkdir(parents=True)
    (core / "align" / "engine.py").write_text("THRESHOLD = 60\n")
    monkeypatch.setattr(alignment_cache, "_CORE", core)
    monkeypatch.setattr(alignment_cache, "_fingerprint", None)
    before = story_key(articles)
    (core / "align" / "engine.py").write_text("THRESHOLD = 61\n")
    monkeypatch.setattr(alignment_cache, "_fingerprint", None)
    assert story_key(articles) != before
    nested = story_key(articles)
    (core / "align" / "rules" / "titles.py").write_text("TITLES_FIRST = True\n")
    monkeypatch.setattr(alignment_cache, "_fingerprint", None)
    assert story_key(articles) != nested, "a module in a nested folder is part of the key"


def test_the_key_covers_exactly_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = {p.relative_to(alignment_cache._CORE).parts[0] for p in alignment_cache._engine_sources()}
    assert sources == {"models.py", "text", "align", "drift"}
    assert not any("store" in p.parts or "export" in p.parts for p in alignment_cache._engine_sources())


def test_compare_in_a_second_process_reads_the_first_ones_alignment(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    command = [sys.executable, "-m", "tui", "--library", str(library.home), "compare", "--json"]
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    first = subprocess.run(command, capture_output=True, env=env, check=True, timeout=120)
    (entry,) = _entries(StoryReader(library).cache)
    filed = entry.stat().st_mtime_ns
    probe = (
        "import sys, runpy; sys.argv = ['tui'] + sys.argv[1:]; "
        "runpy.run_module('tui', run_name='__main__')"
    )
    second = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", probe, *command[3:]],
        capture_output=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert second.returncode == 0, second.stderr.decode()[-500:]
    assert second.stdout == first.stdout, "the same document"
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in second.stderr.decode().splitlines()
        if line.startswith("import time:")
    }
    assert "tui.core.reader.cache" in imported
    assert "tui.core.align.engine" not in imported, "the engine was not needed"
    assert entry.stat().st_mtime_ns >= filed


def test_filing_keeps_counterparts_unbuilt_on_both_sides(seeded: tuple[Library, str]) -> None:
    """Counterparts are built when first read (tui/core/counterparts.py); filing an alignment
    must not build them all, in the alignment on screen or in the one read back."""
    from tui.core.align.counterparts import Counterparts

    library, story_id = seeded
    articles = library.articles(story_id)
    alignment = align_story(articles)
    cache = StoryReader(library).cache
    cache.put(articles, alignment)
    again = cache.get(articles)
    assert again is not None
    for filed in (alignment, again):
        lazy = [
            info.counterparts
            for infos in filed.sentences.values()
            for info in infos
            if isinstance(info.counterparts, Counterparts)
        ]
        assert lazy and all(c._items is None for c in lazy)
    assert again == alignment


class _RunsACommand:
    """What an attacker plants: unpickling it calls os.system."""

    def __init__(self, command: str) -> None:
        self.command = command

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (self.command,)


def test_a_planted_pickle_in_the_cache_never_runs(
    seeded: tuple[Library, str], tmp_path: Path
) -> None:
    """A library folder may be synced or shared: a crafted file in cache/alignments/, named as
    the entry `compare` will look for (old and new names, old and new headers), must not run."""
    library, story_id = seeded
    articles = library.articles(story_id)
    key = story_key(articles)
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_RunsACommand(f"touch {marker}"))
    folder = StoryReader(library).cache.folder
    folder.mkdir(parents=True, exist_ok=True)
    planted = {
        folder / f"{key}.json": b"crosswire-alignment-2\n" + payload,
        folder / f"{key}.pickle": b"crosswire-alignment-1" + payload,
        folder / f"{key}.pickle.json": payload,
    }
    for path, content in planted.items():
        path.write_bytes(content)
    command = [sys.executable, "-m", "tui", "--library", str(library.home), "compare", "--json"]
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    done = subprocess.run(command, capture_output=True, env=env, check=False, timeout=120)
    assert done.returncode == 0, done.stderr.decode()[-500:]
    assert not marker.exists(), "the planted pickle ran a command"
    assert b'"schema"' in done.stdout
    assert not (folder / f"{key}.pickle").exists(), "an old-format entry is removed, never read"
    assert (folder / f"{key}.json").read_bytes().startswith(b"crosswire-alignment-2\n{")


def test_an_entry_that_does_not_fit_its_story_is_a_miss(seeded: tuple[Library, str]) -> None:
    """Well-formed data about other articles (a file copied in from elsewhere) is not used."""
    library, story_id = seeded
    articles = library.articles(story_id)
    cache = StoryReader(library).cache
    cache.put(articles[:2], align_story(articles[:2]))
    (entry,) = _entries(cache)
    entry.rename(cache.folder / f"{story_key(articles)}.json")
    reader = StoryReader(library)
    assert reader.aligned_before(story_id) is None
    assert reader.open(story_id).alignment == align_story(articles)


def test_materialised_counterparts_and_explicit_outlets_round_trip(
    seeded: tuple[Library, str],
) -> None:
    """Counterparts already built, and sentences whose outlets are not their cluster's less
    their own, are written out in full and read back equal."""
    from tui.core.reader.alignment_codec import decode, encode

    library, story_id = seeded
    alignment = align_story(library.articles(story_id))
    for infos in alignment.sentences.values():
        for info in infos:
            tuple(info.counterparts)
    first = next(iter(alignment.sentences))
    odd = alignment.sentences[first][0]._replace(outlets=("Somewhere Else",))
    changed = dict(alignment.sentences)
    changed[first] = (odd, *alignment.sentences[first][1:])
    from dataclasses import replace

    edited = replace(alignment, sentences=changed)
    again = decode(encode(edited))
    assert again == edited
    assert again.sentences[first][0].outlets == ("Somewhere Else",)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d["ids"].append(7),
        lambda d: d["sentences"][0][1][0].__setitem__(2, 9),  # a status out of range
        lambda d: d["sentences"][0][1][0].__setitem__(1, ["not", "text"]),
        lambda d: d["clusters"][0].__setitem__(1, [0, 10_000]),  # a sentence that does not exist
        lambda d: d["scores"][0][3][0].__setitem__(0, "100"),
        lambda d: d.__setitem__("extra", {"x": {"nested": 1}}),
        lambda d: d.__setitem__("articles", -1),
    ],
    ids=["id-number", "status", "text", "ref", "score", "extra", "count"],
)
def test_an_entry_of_the_wrong_shape_is_refused(
    seeded: tuple[Library, str], mutate: object
) -> None:
    import orjson

    from tui.core.reader.alignment_codec import decode, encode

    library, story_id = seeded
    document = orjson.loads(encode(align_story(library.articles(story_id))))
    mutate(document)  # type: ignore[operator]
    with pytest.raises(ValueError):
        decode(orjson.dumps(document))
