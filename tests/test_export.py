"""Exports: Markdown, JSON, CSV and HTML of a real aligned story in a real library; safe files."""

from __future__ import annotations

import csv
import io
import json
import re
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.export.markdown import md_escape
from tui.core.export.writer import (
    CSV_COLUMNS,
    ExportError,
    default_export_name,
    export_story,
    spreadsheet_safe,
    write_export,
)
from tui.core.models import Article, Sentence
from tui.core.notes.annotations import Annotations, Target, context_for
from tui.core.reader.story import StoryReader
from tui.core.store.library import Library
from tui.core.text.filenames import safe_filename

WIRE = [
    "Japan and US agree on missile production deal",
    "Japan and the United States agreed on Tuesday to jointly produce 500 air-defence missiles, "
    "officials said.",
    "The deal was signed in Tokyo by Defence Minister Shinjiro Koizumi and Pentagon chief Pete "
    "Hegseth.",
    "Production is expected to start in 2027 at a plant near Nagoya.",
]
COPY = [
    "Japan, US strike missile deal",
    "Japan and the United States agreed on Tuesday to jointly produce 600 air-defence missiles, "
    "officials said.",
    "The deal was signed in Tokyo by Defense Minister Shinjiro Koizumi and Pentagon chief Pete "
    "Hegseth.",
    "Critics say <script>alert('x')</script> | the *plan* is costly.",
]
REWRITE = [
    "Missile pact for Tokyo and Washington",
    "Tokyo and Washington will build air-defence missiles together, under an agreement reached "
    "Tuesday, officials said.",
    "Production is expected to start in 2027 at a plant near Nagoya.",
    "Weather in Tokyo was mild.",
]
TITLE = "Japan/US missile deal: ../../etc"


def make_article(story_id: str, article_id: str, outlet: str, texts: list[str]) -> Article:
    sentences = tuple(
        Sentence(i, t, 0, len(t), i, "title" if i == 0 else "body") for i, t in enumerate(texts)
    )
    body = "\n".join(texts)
    return Article(
        article_id, story_id, outlet, texts[0], f"{outlet}.txt", None, None,
        "2026-01-01T00:00:00+00:00", body, body, sentences, (),
    )  # fmt: skip


def build_story_library(home: Path) -> tuple[Library, Annotations, str]:
    """A three-outlet story (wire, near copy, rewrite) with tags and notes on it."""
    library = Library(home)
    story = library.create_story(TITLE)
    library.add_articles(
        story.id,
        [
            make_article(story.id, "wire", "Wire Service", WIRE),
            make_article(story.id, "copy", "Daily Copy", COPY),
            make_article(story.id, "rewrite", "Rewrite Times", REWRITE),
        ],
    )
    notes = Annotations(home)

    def annotate(target: Target, tags: list[str], note: str | None) -> None:
        ctx = context_for(library, target)
        kw = {"quote": ctx.quote, "outlet": ctx.outlet, "story_title": ctx.story_title}
        if tags:
            notes.add_tags(target, tags, **kw)
        if note:
            notes.add_note(target, note, **kw)

    annotate(Target.sentence(story.id, "copy", 1), ["drift"], "Says 600, the wire says 500.")
    annotate(Target.sentence(story.id, "copy", 3), ["opinion", "@home"], "=1+2 unsourced")
    annotate(Target.sentence(story.id, "wire", 3), [], "Only the rewrite keeps this.")
    annotate(Target.story(story.id), ["memo"], "Overall: one wire, two copies.")
    return library, notes, story.id


@pytest.fixture
def story(tmp_path: Path) -> tuple[Library, Annotations, str]:
    return build_story_library(tmp_path / "lib")


def test_markdown_memo_has_outlets_quotes_status_notes_drift_missing(story) -> None:  # type: ignore[no-untyped-def]
    library, notes, story_id = story
    memo = export_story(StoryReader(library).open(story_id), notes, fmt="md")
    assert memo.startswith("# Japan/US missile deal: ../../etc\n")
    for outlet in ("Wire Service", "Daily Copy", "Rewrite Times"):
        assert f"| {outlet} |" in memo
    assert "> Japan and the United States agreed on Tuesday to jointly produce 600" in memo
    assert "Says 600, the wire says 500." in memo
    assert "- Status: shared" in memo and "- Status: unique" in memo
    assert "- Also carried by: Rewrite Times, Wire Service" in memo
    assert "- Tags: `drift`" in memo
    # Drift the reader has not confirmed stays out of the memo unless asked for.
    assert "\u201c500\u201d (Wire Service) vs \u201c600\u201d (Daily Copy)" not in memo
    assert "more drifts are not confirmed" in memo or "more drift is not confirmed" in memo
    every = export_story(StoryReader(library).open(story_id), notes, fmt="md", all_drifts=True)
    assert "\u201c500\u201d (Wire Service) vs \u201c600\u201d (Daily Copy) (not reviewed)" in every
    assert "## Missing content" in memo and "Production is expected to start in 2027" in memo
    # Scraped text cannot inject HTML or break the table/emphasis.
    assert r"Critics say \<script\>alert('x')\</script\> \| the \*plan\* is costly." in memo
    assert "<script>" not in memo


def test_markdown_tables_keep_their_columns(story) -> None:  # type: ignore[no-untyped-def]
    library, notes, story_id = story
    memo = export_story(StoryReader(library).open(story_id), notes, fmt="md")
    tables: dict[str, list[int]] = {}
    header = ""
    for line in memo.splitlines():
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line)
            header = header or line
            tables.setdefault(header, []).append(len(cells))
        else:
            header = ""
    assert len(tables) == 4  # outlets, coverage by lean, timeline, missing content
    for counts in tables.values():
        assert len(set(counts)) == 1


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a | b", r"a \| b"),
        ("# not a heading", r"\# not a heading"),
        ("- not a list", r"\- not a list"),
        ("1. not a list", r"\1. not a list"),
        ("[link](x) *em* _u_ `c`", r"\[link\](x) \*em\* \_u\_ \`c\`"),
        ("two\nlines", "two lines"),
    ],
)
def test_md_escape(raw: str, escaped: str) -> None:
    assert md_escape(raw) == escaped


def test_tag_filter_keeps_only_tagged_items(story) -> None:  # type: ignore[no-untyped-def]
    library, notes, story_id = story
    memo = export_story(StoryReader(library).open(story_id), notes, fmt="md", tag="DRIFT")
    assert "Says 600" in memo and "unsourced" not in memo and "Overall" not in memo
    rows = list(
        csv.reader(io.StringIO(export_story(StoryReader(library).open(story_id), notes, fmt="csv", tag="memo")))
    )
    assert [row[1] for row in rows[1:]] == ["story"]
    empty = export_story(StoryReader(library).open(story_id), notes, fmt="md", tag="nonesuch")
    assert "No annotations with this tag." in empty


def test_csv_round_trips_and_guards_formulas(story) -> None:  # type: ignore[no-untyped-def]
    library, notes, story_id = story
    rows = list(
        csv.reader(io.StringIO(export_story(StoryReader(library).open(story_id), notes, fmt="csv"), newline=""))
    )
    assert tuple(rows[0]) == CSV_COLUMNS
    by_quote = {row[5]: dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]}
    assert len(rows) == 5
    opinion = by_quote["Critics say <script>alert('x')</script> | the *plan* is costly."]
    assert opinion["status"] == "unique" and opinion["outlet"] == "Daily Copy"
    assert opinion["tags"] == "opinion; @home"
    assert opinion["notes"] == "'=1+2 unsourced"
    drift = next(row for row in by_quote.values() if row["tags"] == "drift")
    assert (drift["status"], drift["also_in"], drift["sentence_index"]) == (
        "shared",
        "Rewrite Times; Wire Service",
        "1",
    )


@pytest.mark.parametrize("cell", ["=cmd", "+1", "-2", "@sum", "\tx"])
def test_spreadsheet_safe_prefixes_formula_starts(cell: str) -> None:
    assert spreadsheet_safe(cell) == "'" + cell
    assert spreadsheet_safe("plain =") == "plain ="


def test_json_is_complete_and_versioned(story) -> None:  # type: ignore[no-untyped-def]
    library, notes, story_id = story
    document = json.loads(export_story(StoryReader(library).open(story_id), notes, fmt="json"))
    assert document["schema"] == 1 and document["kind"] == "crosswire-story-export"
    assert document["story"]["title"] == TITLE
    assert [a["outlet"] for a in document["articles"]] == [
        "Wire Service",
        "Daily Copy",
        "Rewrite Times",
    ]
    statuses = sorted(a["status"] for a in document["annotations"])
    assert statuses == ["shared", "shared", "story", "unique"]
    drift = next(a for a in document["annotations"] if a["tags"] == ["drift"])
    assert drift["located"] == {"article_id": "copy", "index": 1}
    assert drift["notes"][0]["text"] == "Says 600, the wire says 500."
    assert isinstance(document["compare"], dict) and document["compare"]


def test_html_is_self_contained_and_escapes_article_text(story) -> None:  # type: ignore[no-untyped-def]
    library, notes, story_id = story
    page = export_story(StoryReader(library).open(story_id), notes, fmt="html")
    assert page.startswith("<!DOCTYPE html>")
    for external in ("src=", "href=", "url(", "@import", "http://", "https://", "<link", "<script"):
        assert external not in page.lower()
    assert "Critics say &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; | the *plan*" in page
    assert 'class="s shared annotated"' in page and 'class="s unique annotated"' in page
    assert 'class="s reworded"' in page
    assert page.count('<section class="article">') == 3
    assert '<table class="matrix">' in page and "Says 600, the wire says 500." in page
    assert "Defence" in page and "Defense" in page  # the drift table


def test_annotation_on_reimported_or_deleted_article_keeps_its_quote(story) -> None:  # type: ignore[no-untyped-def]
    library, notes, story_id = story
    moved = Target.sentence(story_id, "old-copy-id", 7)  # re-imported: same words, new id and place
    notes.add_note(moved, "moved", quote=COPY[2], outlet="daily copy", story_title=TITLE)
    gone = Target.sentence(story_id, "deleted", 0)
    notes.add_note(
        gone,
        "its outlet is gone",
        quote="A sentence nobody has now.",
        outlet="Gone Daily",
        story_title=TITLE,
    )
    document = json.loads(export_story(StoryReader(library).open(story_id), notes, fmt="json"))
    by_note = {a["notes"][0]["text"]: a for a in document["annotations"]}
    assert by_note["moved"]["located"] == {"article_id": "copy", "index": 2}
    assert by_note["moved"]["status"] == "shared"
    assert by_note["its outlet is gone"]["status"] == "gone"
    assert by_note["its outlet is gone"]["located"] is None
    memo = export_story(StoryReader(library).open(story_id), notes, fmt="md")
    assert "> A sentence nobody has now." in memo and "no longer in the library" in memo


def test_unknown_format_is_refused(story) -> None:  # type: ignore[no-untyped-def]
    library, notes, story_id = story
    with pytest.raises(ValueError, match="md, json, csv, html"):
        export_story(StoryReader(library).open(story_id), notes, fmt="pdf")  # type: ignore[arg-type]


def test_write_export_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    path = tmp_path / "memo.md"
    assert write_export("first", path, force=False) == path
    with pytest.raises(ExportError, match="already exists; use --force"):
        write_export("second", path, force=False)
    assert path.read_text() == "first"
    write_export("second", path, force=True)
    assert path.read_text() == "second"
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("where", ["missing/dir/out.md", "afile/out.md", "."])
def test_write_export_bad_places_give_one_line(tmp_path: Path, where: str) -> None:
    (tmp_path / "afile").write_text("x")
    with pytest.raises(ExportError) as caught:
        write_export("x", tmp_path / where, force=True)
    message = str(caught.value)
    assert "\n" not in message and str(tmp_path) in message


def test_write_export_keeps_csv_line_endings(tmp_path: Path) -> None:
    path = write_export("a,b\r\n1,2\r\n", tmp_path / "x.csv", force=False)
    assert path.read_bytes() == b"a,b\r\n1,2\r\n"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Japan/US missile deal: ../../etc", "Japan-US-missile-deal-etc.md"),
        ("v1.2 _ draft", "v1.2-draft.md"),
        ("../../../etc/passwd", "etc-passwd.md"),
        ("   ", "story.md"),
        ("CON", "CON-story.md"),
        ("日本と米国 ミサイル", "日本と米国-ミサイル.md"),
        (".hidden\x00name\u202e", "hidden-name.md"),
    ],
)
def test_safe_filename_examples(title: str, expected: str) -> None:
    assert safe_filename(title, "md") == expected


def test_default_export_name_includes_the_tag() -> None:
    assert default_export_name("Deal", "csv", tag="to/check") == "Deal-to-check.csv"


@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=400),
    st.sampled_from(["md", "json", "csv", "html"]),
)
def test_safe_filename_never_escapes_the_folder(title: str, ext: str) -> None:
    name = safe_filename(title, ext)
    assert "/" not in name and "\\" not in name and ".." not in name
    assert not any(ch in name for ch in map(chr, [*range(32), 127]))
    assert name.isprintable()
    assert not name.startswith((".", "-"))
    assert name.endswith("." + ext) and len(name) <= 80 + len("-story.") + len(ext)


@given(st.text(alphabet=string.printable, max_size=60))
def test_safe_filename_stays_put_when_joined(title: str) -> None:
    folder = Path("/exports")
    assert (folder / safe_filename(title, "md")).parent == folder
