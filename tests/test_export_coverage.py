"""The Markdown memo and the HTML report carry a coverage section: the spread by lean with the
unrated counted, the blindspot with its figures, each wire family with its evidence and each
copy's changes, and the timeline with undated articles as unknown; the CLI reads the profiles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.app_data import seeded_library
from tui.cli.main import main
from tui.core.export.writer import export_story
from tui.core.notes.annotations import Annotations
from tui.core.profiles.book import ProfileBook
from tui.core.reader.story import StoryReader


@pytest.fixture
def profiled(tmp_path: Path) -> tuple[Path, str]:
    library, story = seeded_library(tmp_path / "lib")
    book = ProfileBook(library.home)
    book.set_fields("CRBC News", {"lean": "left", "country": "China"})
    book.set_fields("SadaNews", {"lean": "lean-left"})
    book.set_fields("Ground <b>News</b>", {"aliases": "Ground News", "lean": "far-left"})
    return library.home, story.id


def _export(home: Path, story_id: str, fmt: str) -> str:
    from tui.core.store.library import Library

    library = Library(home)
    opened = StoryReader(library).open(story_id)
    return export_story(
        opened,
        Annotations(home),
        fmt=fmt,  # type: ignore[arg-type]
        profiles=ProfileBook(home).index(),
    )


def test_the_memo_states_each_coverage_claim_with_its_evidence(profiled: tuple[Path, str]) -> None:
    memo = _export(*profiled, "md")
    section = memo[memo.index("## Coverage in context") : memo.index("## Notes and tags")]
    assert "5 outlets, 3 with a lean in your outlet profiles, 2 unrated" in section
    assert "| Left | CRBC News | 1 |" in section
    assert "| Far left | Ground \\<b\\>News\\</b\\> | 1 |" in section  # a name is never markup
    assert "| Unrated | TRT World, Portugal Colonial | 2 |" in section
    assert (
        "**Blindspot**: covered mostly from the left: 3 of 3 rated outlets (100%) are left of "
        "center; threshold 80%." in section
    )
    assert "- By country: China 1 (CRBC News); Unknown 4" in section
    assert (
        "- **TRT World** is closest to the source: 14 of 17 sentences near-verbatim in 1 other "
        "outlet." in section
    )
    assert (
        "  - Portugal Colonial: 35% changed against TRT World (11 same, 4 edited, 2 dropped "
        "sentences)" in section
    )
    assert "| 2026-01-16 | first | TRT World |" in section
    assert section.count("| unknown (no date) | unknown |") == 4


def test_the_html_report_has_the_lean_bar_and_escapes_names(profiled: tuple[Path, str]) -> None:
    report = _export(*profiled, "html")
    section = report[report.index("<h2>Coverage in context</h2>") : report.index("<h2>Articles")]
    assert '<div class="leanbar">' in section and 'class="lean-unrated" style="flex:2"' in section
    assert "Ground &lt;b&gt;News&lt;/b&gt;" in section and "<b>News" not in section
    assert "3 of 3 rated outlets (100%) are left of center" in section
    assert "<td>2026-01-16</td><td>first</td><td>TRT World</td>" in section
    assert section.count('<span class="muted">unknown</span>') == 4


def test_the_export_command_uses_the_librarys_profiles(
    profiled: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    home, _ = profiled
    assert main(["--library", str(home), "export", "--format", "json", "-o", "-"]) == 0
    document = json.loads(capsys.readouterr().out)
    coverage = document["compare"]["coverage"]
    assert coverage["rated"] == 3 and coverage["blindspot"]["side"] == "left"
    assert main(["--library", str(home), "export", "--format", "md", "-o", "-"]) == 0
    assert "**Blindspot**" in capsys.readouterr().out
