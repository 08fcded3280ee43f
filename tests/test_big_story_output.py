"""Output of big stories grows with their sentences, not with their outlets squared.

`compare --json`, the HTML report and the other exports list at most LIST_LIMIT names inside a
per-sentence, per-missing-item or per-drift record (with the count and a cut flag), are written
piece by piece, and are byte for byte what they were on a small story.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from conftest import REPO_ROOT, RunCli

from tui.core.export.bounds import LIST_LIMIT, MATRIX_COLUMNS, listed
from tui.core.export.compare_doc import compare_document, write_compare_json
from tui.core.export.writer import ExportError, export_chunks, export_story, write_export
from tui.core.models import Article, Sentence
from tui.core.notes.annotations import Annotations
from tui.core.reader.story import StoryReader
from tui.core.store.library import Library, now_iso

SHARED = [
    "The council approved the new railway bridge budget on Tuesday after a long debate.",
    "Work on the bridge will start in March and is expected to take two years.",
    "The mayor said the crossing would cut traffic in the old town by a third.",
]


def _wide_story(home: Path, outlets: int) -> str:
    """A story where every outlet carries the same three sentences plus one of its own."""
    library = Library(home)
    story = library.create_story(f"Bridge story {outlets}")
    articles = []
    for n in range(outlets):
        texts = [*SHARED, f"Kx{n}q told Vb{n}w that Zr{n}t would visit Pm{n}d soon."]
        sentences = tuple(Sentence(k, t, 0, len(t), k) for k, t in enumerate(texts))
        raw = "\n".join(texts)
        articles.append(
            Article(
                f"{story.id}-{n:04d}",
                story.id,
                f"Outlet {n:04d}",
                texts[0],
                f"f{n}.txt",
                None,
                None,
                now_iso(),
                raw,
                raw,
                sentences,
                (),
            )  # fmt: skip
        )
    library.add_articles(story.id, articles)
    return story.id


def _streamed(home: Path, story_id: str) -> bytes:
    story, articles, alignment = StoryReader(Library(home)).open(story_id)
    sink = io.BytesIO()
    write_compare_json(sink, story, articles, alignment)
    return sink.getvalue()


def test_bundled_story_compare_json_is_unchanged(run_cli: RunCli, seed_paths, library_home) -> None:  # type: ignore[no-untyped-def]
    """On the bundled story no list is cut, every outlet list is the alignment's in full, and the
    streamed bytes are exactly orjson's indented dump of the whole document, as before."""
    assert run_cli("import", *seed_paths).returncode == 0
    printed = run_cli("compare", "--json")
    assert printed.returncode == 0, printed.stderr
    library = Library(library_home)
    (story,) = library.stories()
    story, articles, alignment = StoryReader(library).open(story.id)
    document = compare_document(story, articles, alignment)
    assert printed.stdout.encode() == orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"
    assert b"_cut" not in printed.stdout.encode()
    for article in document["articles"]:
        infos = alignment.sentences[article["id"]]
        assert [s["outlets"] for s in article["sentences"]] == [list(i.outlets) for i in infos]
        missing = alignment.missing[article["id"]]
        assert [m["outlets"] for m in article["missing"]] == [list(m.outlets) for m in missing]
    for doc, drift in zip(document["drift"], alignment.drift, strict=True):
        assert (doc["outlets_a"], doc["outlets_b"]) == (
            list(drift.outlets_a),
            list(drift.outlets_b),
        )
        assert len(doc["refs_a"]) == len(drift.refs_a) and len(doc["refs_b"]) == len(drift.refs_b)


def test_long_outlet_lists_are_cut_with_count_and_flag(library_home: Path) -> None:
    outlets = LIST_LIMIT + 10
    story_id = _wide_story(library_home, outlets)
    data = _streamed(library_home, story_id)
    document = json.loads(data)
    sentence = document["articles"][0]["sentences"][0]
    assert list(sentence) == [
        "index", "text", "status", "cluster", "outlets", "outlets_count", "outlets_cut",
    ]  # fmt: skip
    assert len(sentence["outlets"]) == LIST_LIMIT
    assert sentence["outlets_count"] == outlets - 1 and sentence["outlets_cut"] is True
    # The complete membership is still in the clusters.
    cluster = next(c for c in document["clusters"] if c["id"] == sentence["cluster"])
    assert len(cluster["members"]) == outlets and len(cluster["outlets"]) == outlets
    # Streamed is the whole document, dumped at once.
    story, articles, alignment = StoryReader(Library(library_home)).open(story_id)
    whole = compare_document(story, articles, alignment)
    assert data == orjson.dumps(whole, option=orjson.OPT_INDENT_2) + b"\n"


def test_output_grows_linearly_with_outlets(tmp_path: Path) -> None:
    """Doubling the outlets about doubles the document; unbounded lists would quadruple it."""
    small = _streamed(tmp_path / "a", _wide_story(tmp_path / "a", 60))
    large = _streamed(tmp_path / "b", _wide_story(tmp_path / "b", 120))
    assert len(large) / len(small) < 2.3
    html_small = export_story(
        StoryReader(Library(tmp_path / "a")).open(Library(tmp_path / "a").stories()[0].id),
        Annotations(tmp_path / "a"), fmt="html",
    )  # fmt: skip
    html_large = export_story(
        StoryReader(Library(tmp_path / "b")).open(Library(tmp_path / "b").stories()[0].id),
        Annotations(tmp_path / "b"), fmt="html",
    )  # fmt: skip
    assert len(html_large) / len(html_small) < 2.3


def test_html_report_of_many_outlets_cuts_matrix_and_lists(library_home: Path) -> None:
    outlets = MATRIX_COLUMNS + 6
    story_id = _wide_story(library_home, outlets)
    library = Library(library_home)
    page = export_story(StoryReader(library).open(story_id), Annotations(library_home), fmt="html")
    assert f"The first {MATRIX_COLUMNS} of {outlets} outlets" in page
    matrix = page[page.index('<table class="matrix">') :]
    header = matrix[: matrix.index("</tr>")]
    assert header.count("<th>") == 2 + MATRIX_COLUMNS + 1  # #, Sentence, outlets, All
    assert f"<td class=num>{outlets}</td>" in matrix  # the shared sentences' carriers, counted
    assert f"and {outlets - 1 - LIST_LIMIT} more" in page  # a sentence's other outlets, cut


def test_listed_names_and_counts() -> None:
    assert listed(["a", "b"]) == "a, b"
    names = [f"o{n}" for n in range(LIST_LIMIT + 1234)]
    assert listed(names).endswith(", o19 and 1,234 more")
    assert listed(["<b>"], escape=lambda s: s.replace("<", "&lt;")) == "&lt;b>"


def test_failed_export_leaves_no_file(tmp_path: Path) -> None:
    """An export whose pieces fail half way leaves neither the target nor a temp file."""

    def pieces():  # type: ignore[no-untyped-def]
        yield "first part\n"
        raise OSError(28, "No space left on device")

    target = tmp_path / "report.html"
    with pytest.raises(ExportError, match="cannot write"):
        write_export(pieces(), target, force=False)
    assert list(tmp_path.iterdir()) == []
    write_export(iter(["a", "b"]), target, force=False)
    assert target.read_text() == "ab"
    with pytest.raises(ExportError, match="already exists"):
        write_export(iter(["c"]), target, force=False)
    write_export(iter(["c"]), target, force=True)
    assert target.read_text() == "c" and [p.name for p in tmp_path.iterdir()] == ["report.html"]


@pytest.mark.parametrize("fmt", ["md", "json", "csv", "html"])
def test_chunks_join_to_the_export(library_home: Path, fmt: str) -> None:
    story_id = _wide_story(library_home, 8)
    opened = StoryReader(Library(library_home)).open(story_id)
    notes = Annotations(library_home)
    assert "".join(export_chunks(opened, notes, fmt=fmt)) == export_story(opened, notes, fmt=fmt)  # type: ignore[arg-type]


def test_cli_export_to_stdout_streams_the_report(library_home: Path) -> None:
    _wide_story(library_home, LIST_LIMIT + 3)
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--library", str(library_home), "export", "-f", "html",
         "-o", "-"],
        capture_output=True, text=True, check=False, env={"PYTHONPATH": str(REPO_ROOT)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("<!DOCTYPE html>") and done.stdout.endswith("</html>\n")
    assert "and 2 more" in done.stdout
