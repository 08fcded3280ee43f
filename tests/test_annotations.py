"""Tags and notes: round trips, filters, search, context, durability against a killed process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tui.core.notes.annotations import (
    Annotations,
    Target,
    context_for,
    normalise_tag,
)
from tui.core.store.library import Library
from tui.core.models import Article, Sentence, SentenceRef
from tui.core.store.storage import LibraryError

ROOT = Path(__file__).resolve().parent.parent
S1 = Target.sentence("story1", "art1", 2)
S2 = Target.sentence("story1", "art2", 0)
A1 = Target.article("story1", "art1")
ST = Target.story("story1")
OTHER = Target.sentence("story2", "art9", 1)
CTX = {
    "quote": "Japan and the U.S. agreed on missiles.",
    "outlet": "AFP",
    "story_title": "Missiles",
}


def test_tags_round_trip_through_a_new_instance(tmp_path: Path) -> None:
    notes = Annotations(tmp_path)
    assert notes.add_tags(S1, ["drift", "  numbers   check "], **CTX) == ("drift", "numbers check")
    assert notes.add_tags(S1, ["Drift", "wire"], **CTX) == ("drift", "numbers check", "wire")
    reopened = Annotations(tmp_path)
    assert reopened.tags_for(S1) == ("drift", "numbers check", "wire")
    assert reopened.get(S1) is not None and reopened.get(S1).quote == CTX["quote"]  # type: ignore[union-attr]
    assert reopened.tags_for(S2) == ()


def test_annotations_have_their_own_file_beside_the_library(tmp_path: Path) -> None:
    Library(tmp_path)
    Annotations(tmp_path).add_tags(ST, ["x"], **CTX)
    assert (tmp_path / "annotations.json").exists()
    assert "annotations" not in (tmp_path / "library.json").read_text()
    doc = json.loads((tmp_path / "annotations.json").read_text())
    assert doc["meta"]["1"]["schema"] == 1


def test_remove_tag_any_case_and_empty_annotation_disappears(tmp_path: Path) -> None:
    notes = Annotations(tmp_path)
    notes.add_tags(S1, ["Drift", "wire"], **CTX)
    assert notes.remove_tag(S1, "DRIFT") is True
    assert notes.tags_for(S1) == ("wire",)
    assert notes.remove_tag(S1, "drift") is False
    assert notes.remove_tag(S2, "wire") is False
    assert notes.remove_tag(S1, "wire") is True
    assert notes.get(S1) is None
    assert Annotations(tmp_path).items() == []


def test_removing_last_tag_keeps_notes(tmp_path: Path) -> None:
    notes = Annotations(tmp_path)
    notes.add_tags(S1, ["wire"], **CTX)
    notes.add_note(S1, "check this", **CTX)
    notes.remove_tag(S1, "wire")
    assert [n.text for n in Annotations(tmp_path).notes_for(S1)] == ["check this"]


@pytest.mark.parametrize("bad", ["", "   ", "a\x00b", "x" * 65])
def test_bad_tags_are_refused_with_a_reason(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValueError, match="tag"):
        Annotations(tmp_path).add_tags(S1, [bad], **CTX)
    assert not (tmp_path / "annotations.json").exists()


def test_notes_add_update_delete(tmp_path: Path) -> None:
    notes = Annotations(tmp_path)
    first = notes.add_note(S1, "  AFP says **two** missiles  ", **CTX)
    second = notes.add_note(S1, "Kyodo says three", **CTX)
    assert first.text == "AFP says **two** missiles"
    assert first.id != second.id
    assert first.quote == CTX["quote"] and first.outlet == "AFP" and first.story_title == "Missiles"
    edited = notes.update_note(first.id, "AFP says two; Reuters three")
    assert edited.created_at == first.created_at
    reopened = Annotations(tmp_path)
    assert [n.text for n in reopened.notes_for(S1)] == [
        "AFP says two; Reuters three",
        "Kyodo says three",
    ]
    reopened.delete_note(second.id)
    reopened.delete_note(first.id)
    assert Annotations(tmp_path).get(S1) is None
    with pytest.raises(KeyError):
        reopened.update_note(first.id, "gone")
    with pytest.raises(KeyError):
        reopened.delete_note("nonesuch")
    with pytest.raises(ValueError, match="empty"):
        reopened.add_note(S1, " \n ", **CTX)


def test_filters_by_story_tag_and_outlet(tmp_path: Path) -> None:
    notes = Annotations(tmp_path)
    notes.add_note(S1, "one", **CTX)
    notes.add_tags(S1, ["Drift"], **CTX)
    notes.add_note(S2, "two", quote="Other line.", outlet="Kyodo", story_title="Missiles")
    notes.add_note(OTHER, "three", quote="Elsewhere.", outlet="AFP", story_title="Other story")
    notes.add_tags(ST, ["memo"], quote="Missiles", outlet=None, story_title="Missiles")
    assert [n.text for n in notes.notes()] == ["one", "two", "three"]
    assert [n.text for n in notes.notes(story_id="story1")] == ["one", "two"]
    assert [n.text for n in notes.notes(tag="drift")] == ["one"]
    assert [n.text for n in notes.notes(outlet="afp")] == ["one", "three"]
    assert [n.text for n in notes.notes(story_id="story2", outlet="AFP")] == ["three"]
    assert [i.target for i in notes.items(tag="memo")] == [ST]
    assert notes.notes(tag="nonesuch") == []


def test_all_tags_most_used_first(tmp_path: Path) -> None:
    notes = Annotations(tmp_path)
    notes.add_tags(S1, ["wire", "drift"], **CTX)
    notes.add_tags(S2, ["Drift"], **CTX)
    notes.add_tags(A1, ["drift", "afp", "wire"], **CTX)
    notes.add_tags(ST, ["memo"], **CTX)
    assert notes.all_tags() == ["drift", "wire", "afp", "memo"]


def test_annotated_sentences_marks_only_sentences_of_the_story(tmp_path: Path) -> None:
    notes = Annotations(tmp_path)
    notes.add_tags(S1, ["x"], **CTX)
    notes.add_note(S2, "y", **CTX)
    notes.add_tags(A1, ["z"], **CTX)
    notes.add_tags(OTHER, ["w"], **CTX)
    marks = notes.annotated_sentences("story1")
    assert set(marks) == {SentenceRef("art1", 2), SentenceRef("art2", 0)}
    assert marks[SentenceRef("art1", 2)].tags == ("x",)


def test_fuzzy_search_over_notes_quotes_and_tags(tmp_path: Path) -> None:
    notes = Annotations(tmp_path)
    notes.add_note(S1, "The Pentagon chief is misnamed in this copy.", **CTX)
    notes.add_tags(
        S2, ["casualty figures"], quote="Three people died.", outlet="X", story_title="T"
    )
    notes.add_note(OTHER, "Nothing to see.", quote="Weather was fine.", outlet="Y", story_title="U")
    hit = notes.search("pentagon cheif")  # typo
    assert [h.annotation.target for h in hit][:1] == [S1] and hit[0].field == "note"
    assert [h.annotation.target for h in notes.search("casualty")] == [S2]
    assert notes.search("casualty")[0].field == "tag"
    assert [h.annotation.target for h in notes.search("missiles")] == [S1]
    assert notes.search("submarine") == []
    assert notes.search("   ") == []


def test_target_validation() -> None:
    with pytest.raises(ValueError):
        Target("sentence", "s", "a", None)
    with pytest.raises(ValueError):
        Target("story", "s", "a")
    with pytest.raises(ValueError):
        Target("article", "s", None)
    with pytest.raises(ValueError):
        Target.sentence("s", "a", -1)
    assert normalise_tag(" a \t b ") == "a b"


def _article(story_id: str, article_id: str, outlet: str, texts: list[str]) -> Article:
    sentences = tuple(Sentence(i, t, 0, len(t), i) for i, t in enumerate(texts))
    return Article(
        article_id, story_id, outlet, f"{outlet} headline", f"{outlet}.txt", None, None,
        "2026-01-01T00:00:00+00:00", "\n".join(texts), "\n".join(texts), sentences, (),
    )  # fmt: skip


def test_context_for_reads_quote_outlet_and_title_from_the_library(tmp_path: Path) -> None:
    library = Library(tmp_path)
    story = library.create_story("Missile deal")
    library.add_articles(story.id, [_article(story.id, "a1", "AFP", ["First.", "Second one."])])
    ctx = context_for(library, Target.sentence(story.id, "a1", 1))
    assert (ctx.quote, ctx.outlet, ctx.story_title) == ("Second one.", "AFP", "Missile deal")
    assert context_for(library, Target.article(story.id, "a1")).quote == "AFP headline"
    assert context_for(library, Target.story(story.id)).outlet is None
    with pytest.raises(LibraryError, match="sentence 5"):
        context_for(library, Target.sentence(story.id, "a1", 5))
    with pytest.raises(LibraryError, match="no article"):
        context_for(library, Target.article(story.id, "zz"))


def test_note_keeps_its_quote_when_the_article_is_reimported(tmp_path: Path) -> None:
    library = Library(tmp_path)
    story = library.create_story("Missile deal")
    library.add_articles(story.id, [_article(story.id, "a1", "AFP", ["Old wording here."])])
    target = Target.sentence(story.id, "a1", 0)
    ctx = context_for(library, target)
    Annotations(tmp_path).add_note(
        target, "worth checking", quote=ctx.quote, outlet=ctx.outlet, story_title=ctx.story_title
    )
    library.add_articles(story.id, [_article(story.id, "a1", "AFP", ["New wording now."])])
    (note,) = Annotations(tmp_path).notes_for(target)
    assert (note.quote, note.outlet, note.story_title) == (
        "Old wording here.",
        "AFP",
        "Missile deal",
    )


def test_corrupt_file_is_reported_in_one_line_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    path.write_bytes(b'{"annotations": {"1": {"target"')
    with pytest.raises(LibraryError, match="annotations.json") as caught:
        Annotations(tmp_path)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == b'{"annotations": {"1": {"target"'


def test_malformed_document_and_newer_schema_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps({"annotations": {"1": {"quote": "x"}}}))
    with pytest.raises(LibraryError, match="malformed"):
        Annotations(tmp_path)
    path.write_text(json.dumps({"annotations": {}, "meta": {"1": {"schema": 99}}}))
    with pytest.raises(LibraryError, match="newer crosswire"):
        Annotations(tmp_path)


def test_two_instances_see_each_others_writes(tmp_path: Path) -> None:
    one, two = Annotations(tmp_path), Annotations(tmp_path)
    one.add_tags(S1, ["a"], **CTX)
    two.add_tags(S2, ["b"], **CTX)
    one.add_tags(S1, ["c"], **CTX)
    assert two.tags_for(S1) == ("a", "c")
    assert {i.target for i in one.items()} == {S1, S2}


_WRITER = textwrap.dedent(
    """
    import sys, time
    from tui.core.notes.annotations import Annotations, Target
    notes = Annotations(sys.argv[1])
    target = Target.sentence("s", "a", int(sys.argv[2]))
    notes.add_tags(target, ["killed"], quote="q", outlet="o", story_title="t")
    notes.add_note(target, "written before the kill", quote="q", outlet="o", story_title="t")
    print("written", flush=True)
    time.sleep(60)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_write_survives_sigkill_right_after_it_returns(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for index in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(tmp_path), str(index)],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "written"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL
    reopened = Annotations(tmp_path)
    for index in range(3):
        target = Target.sentence("s", "a", index)
        assert reopened.tags_for(target) == ("killed",)
        assert [n.text for n in reopened.notes_for(target)] == ["written before the kill"]
    assert not list(tmp_path.glob(".annotations.json.*.tmp"))


def test_unwritable_folder_gives_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LibraryError, match="cannot create"):
        Annotations(blocker / "lib")
