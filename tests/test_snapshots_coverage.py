"""SVG snapshots of the coverage views on the bundled story, with outlet profiles a user typed
(fixed data: four of the five outlets rated, so the bar, the unrated share and the blindspot all
show), at fixed sizes. Each docstring says what the picture must show."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_data import seeded_library
from tests.test_snapshots import SIZE, SnapCompare, settle_then_press
from tui.app import CrosswireApp
from tui.core.profiles.book import ProfileBook
from tui.core.store.config import Config

PROFILES = {
    "Ground News": {"type": "aggregator", "country": "US", "lean": "center"},
    "CRBC News": {"type": "national", "country": "China", "lean": "left"},
    "SadaNews": {"type": "local", "country": "Palestine", "lean": "lean-left"},
    "TRT World": {"type": "national", "country": "Turkey", "lean": "far-left"},
    "AFP": {"type": "wire", "country": "France", "domains": "afp.com"},
}
"""Made-up leans for the picture only: crosswire ships no ratings."""


@pytest.fixture
def profiled_app(tmp_path: Path) -> CrosswireApp:
    library, story = seeded_library(tmp_path / "library")
    book = ProfileBook(library.home)
    for outlet, values in PROFILES.items():
        book.set_fields(outlet, dict(values))
    return CrosswireApp(library, story_id=story.id, config=Config())


def test_coverage_view(snap_compare: SnapCompare, profiled_app: CrosswireApp) -> None:
    """After 'c': the story title; the lean bar far left to far right in blue to red with the
    one unrated outlet hatched at its end, the legend with each step's count; the blindspot verdict
    (3 of 4 rated outlets left of center is 75%, under the 80% rule: no blindspot, said as such);
    counts by country and type; the AFP family (TRT World its origin, Portugal Colonial a copy, 35%
    changed with the counts behind it); the timeline with TRT World first on 2026-01-16 and the
    four undated articles as unknown, the first row highlighted.
    """
    assert snap_compare(profiled_app, terminal_size=SIZE, run_before=settle_then_press("c"))


def test_profiles_view_80x24(snap_compare: SnapCompare, profiled_app: CrosswireApp) -> None:
    """After 'P' at 80x24: the story's five outlets first (Portugal Colonial unrated, its cells
    '-'), then the library's other profile (AFP, a wire in France with its domain); the status line
    counts the outlets of the story, the rated ones and the profiles in the library; the footer
    shows enter (edit) and m (merge).
    """
    assert snap_compare(profiled_app, terminal_size=(80, 24), run_before=settle_then_press("P"))


def test_profile_editor_80x24(snap_compare: SnapCompare, profiled_app: CrosswireApp) -> None:
    """After 'j' and 'p' at 80x24: the editor over the main screen on CRBC News's profile, every
    field on one line with its label (name, aliases, domains, country, language, owner, type,
    lean), empty ones showing what they take; the lean field has the focus; the hint says tab,
    enter or ctrl+s and escape.
    """
    assert snap_compare(
        profiled_app, terminal_size=(80, 24), run_before=settle_then_press("j", "p")
    )


def test_sources_with_a_folded_family(
    snap_compare: SnapCompare, profiled_app: CrosswireApp
) -> None:
    """After 'j', 'j', 'z': Sources lists four rows, the AFP family folded to TRT World's row
    ('▸ +1 copy folded (z)') and selected; the header counts the rated outlets by side ('4/5
    rated: 3L 1C').
    """
    assert snap_compare(
        profiled_app, terminal_size=SIZE, run_before=settle_then_press("j", "j", "z")
    )
