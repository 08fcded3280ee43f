"""The lines the Diff pane is made of: a counterpart read against the focused sentence, the drift
between two versions, and the fixed-height header's sentence.

Kept apart from the pane so the pane module holds only its state and wiring. Everything here
builds Content from plain strings, styled by span (article text is data).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from tui.core.models import Drift, SentenceRef
from tui.widgets import safe_text, spaced
from tui.widgets.diff_text import Side, render_word_diff
from tui.widgets.palette import DRIFT_STYLE

QUIET_DRIFT_STYLE = "$crosswire-muted"
"""Spelling drift is usually transliteration: said, but quietly."""
HEADER_LINES = 5
"""Lines of the focused sentence in the header (fixed height; see `fit_lines`)."""


def counterpart_text(focused: str, other: str, *, score: float) -> Content:
    """How a counterpart reads against the focused sentence.

    A near-verbatim copy (score at or above the shared threshold) reads best inline: the focused
    sentence with the dropped words struck and the new ones spliced in. A rewrite would be all
    strike-through and insertion that way, so it shows as its own words, with the words that are
    not in the focused sentence highlighted (inserted, or replacing others).
    """
    from tui.core.align.similarity import SHARED_SCORE

    side: Side = "inline" if score >= SHARED_SCORE else "b"
    return render_word_diff(focused, other, side=side)


def alike_percent(score: float, *, identical: bool) -> int:
    """The score shown as '…% alike': rounded down, and 100 only for the very same text.

    Rounded, a sentence with one word changed in thirty scores 99.6 and would read '100% alike';
    a reader takes 100% to mean the same words, so only a text equal to the focused one may
    show it."""
    return 100 if identical else min(int(score), 99)


def pair_label(score: float) -> str:
    """What a counterpart is to the focused sentence, judged on the pair's own score.

    Each sentence's own status sums up all its matches, so it can say 'shared' of a pair that is
    a rewrite: the pair's label is what the reader is looking at.
    """
    from tui.core.align.similarity import SHARED_SCORE

    return "near-verbatim" if score >= SHARED_SCORE else "reworded"


def drift_callouts(drifts: Sequence[Drift], focused: SentenceRef, other: SentenceRef) -> Content:
    """'⚠ number 12 → 14 · name Hegseth → Hegsith': the drifts between these two sentences."""
    parts: list[Content] = []
    for drift in drifts:
        if focused in drift.refs_a and other in drift.refs_b:
            mine, theirs = drift.a, drift.b
        elif focused in drift.refs_b and other in drift.refs_a:
            mine, theirs = drift.b, drift.a
        else:
            continue
        style = QUIET_DRIFT_STYLE if drift.kind == "spelling" else DRIFT_STYLE
        parts.append(
            spaced(
                (f"{drift.kind} ", style),
                (safe_text(mine), "$crosswire-muted strike"),
                (" → ", "$crosswire-muted"),
                (safe_text(theirs), style),
            )
        )
    if not parts:
        return Content("")
    return Content.assemble(("⚠ ", DRIFT_STYLE), Content(" · ").join(parts))


def drift_line(drift: Drift) -> Content:
    """'⚠ number: "12" (AFP, TRT) vs "13" (Kyodo)'."""
    return spaced(
        (f"⚠ {drift.kind}: ", f"{DRIFT_STYLE}"),
        (f"“{safe_text(drift.a)}”", "bold"),
        (f" ({safe_text(', '.join(drift.outlets_a))}) vs ", "$crosswire-muted"),
        (f"“{safe_text(drift.b)}”", "bold"),
        (f" ({safe_text(', '.join(drift.outlets_b))})", "$crosswire-muted"),
    )


def fit_lines(content: Content, width: int, lines: int = HEADER_LINES) -> Content:
    """`content` cut at a word, with '…', so it wraps to at most `lines` lines at `width`.

    The header has a fixed height: one that followed the sentence's length would resize the list
    under it on every cursor move, and a resized OptionList re-measures all of its rows.
    """
    if width <= 0 or len(content.plain) <= width * lines // 2:
        return content
    rules: dict[str, object] = {}
    if content.get_height(rules, width) <= lines:  # type: ignore[arg-type]
        return content
    end = min(len(content.plain), width * lines)
    while end > 0:
        end = content.plain.rfind(" ", 0, end)
        if end <= 0:
            break
        cut = content[:end] + Content("…")
        if cut.get_height(rules, width) <= lines:  # type: ignore[arg-type]
            return cut
    return content[: max(0, width * lines - 1)] + Content("…")
