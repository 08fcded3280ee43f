"""The rows of the Diff pane for one focused sentence: its counterparts, the outlets that lack it,
its drift, then the sentences this outlet leaves out, and where each selectable row leads.

Kept apart from the pane (`diff_view`) so the pane module holds only its state, cache, timing and
wiring; the lines inside a row are built in `diff_lines`. Everything here builds Content from
plain strings, styled by span (article text is data).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.content import Content

from tui.core.models import (
    Counterpart,
    Drift,
    MissingItem,
    SentenceInfo,
    SentenceRef,
    StoryAlignment,
)
from tui.widgets import Option, safe_text, spaced
from tui.widgets.diff_lines import (
    alike_percent,
    counterpart_text,
    drift_callouts,
    drift_line,
    pair_label,
)
from tui.widgets.palette import MISSING_STYLE

FULL_DIFFS = 10
"""Counterparts drawn with their words; the rest get their title line (and drift) only. In a
51-outlet story a focused sentence can have 50 versions: fifty diffs are neither readable nor
cheap to lay out on every cursor move, and enter on any row still opens it."""

DiffRows = tuple[list[Option], dict[str, SentenceRef]]
"""The rows for one focused sentence, and the sentence each selectable row's id leads to."""


def diff_rows(
    alignment: StoryAlignment,
    info: SentenceInfo,
    *,
    infos: Mapping[SentenceRef, SentenceInfo],
) -> DiffRows:
    """The rows for one focused sentence, and where each selectable row leads (`infos`: every
    sentence of the story by its ref)."""
    targets: dict[str, SentenceRef] = {}
    rows: list[Option] = []
    first_outlet: dict[str, str] = {info.text: "this outlet"}
    drifts = [drift for drift in alignment.drift if drift.cluster == info.cluster]
    for number, counterpart in enumerate(info.counterparts):
        option_id = f"c{number}"
        ref = SentenceRef(counterpart.article_id, counterpart.index)
        targets[option_id] = ref
        other = infos.get(ref)
        text = other.text if other is not None else ""
        if text in first_outlet:
            # Wire copies repeat one text many times: one line each, no repeated diff.
            identical = text == info.text
            rows.append(_same_row(counterpart, first_outlet[text], option_id, identical))
            continue
        first_outlet[text] = counterpart.outlet
        full = len(first_outlet) <= FULL_DIFFS + 1
        rows.append(_counterpart_row(info, counterpart, option_id, drifts, infos=infos, full=full))
    carriers = {counterpart.article_id for counterpart in info.counterparts}
    absent = [
        alignment.outlets.get(aid, aid)
        for aid in alignment.article_ids
        if aid != info.ref.article_id and aid not in carriers
    ]
    if absent:
        rows.append(_note(f"not in: {', '.join(absent)}"))
    rows.extend(_note_content(drift_line(drift)) for drift in drifts)
    missing = alignment.missing.get(info.ref.article_id, ())
    rows.append(
        _heading(
            f"Missing here: {len(missing)} sentence{'s' if len(missing) != 1 else ''}"
            " other outlets carry"
            if missing
            else "Nothing missing: this outlet carries all that others agree on"
        )
    )
    for number, item in enumerate(missing):
        targets[f"m{number}"] = item.example
        rows.append(_missing_row(item, f"m{number}"))
    return rows, targets


def with_dividers(rows: list[Option]) -> list[Option | None]:
    """A rule after each counterpart and missing sentence, so multi-line rows stay apart."""
    spaced: list[Option | None] = []
    for row in rows:
        spaced.append(row)
        prompt = row.prompt
        if not row.disabled and isinstance(prompt, Content) and "\n" in prompt.plain:
            spaced.append(None)
    return spaced


def _counterpart_row(
    info: SentenceInfo,
    counterpart: Counterpart,
    option_id: str,
    drifts: Sequence[Drift],
    *,
    infos: Mapping[SentenceRef, SentenceInfo],
    full: bool = True,
) -> Option:
    ref = SentenceRef(counterpart.article_id, counterpart.index)
    other = infos.get(ref)
    text = other.text if other is not None else ""
    percent = alike_percent(counterpart.score, identical=text == info.text)
    title = spaced(
        (safe_text(counterpart.outlet), "bold"),
        (f"  {percent}% alike · {pair_label(counterpart.score)}", "$crosswire-muted"),
    )
    lines = [title]
    if full:
        lines.append(counterpart_text(info.text, text, score=counterpart.score))
    callouts = drift_callouts(drifts, info.ref, ref)
    if callouts.plain:
        lines.append(callouts)
    return Option(Content("\n").join(lines), id=option_id)


def _missing_row(item: MissingItem, option_id: str) -> Option:
    outlets = ", ".join(item.outlets)
    return Option(
        Content.assemble(
            (safe_text(item.text), MISSING_STYLE),
            (f"\nin: {safe_text(outlets)}", "$crosswire-muted"),
        ),
        id=option_id,
    )


def _same_row(counterpart: Counterpart, same_as: str, option_id: str, identical: bool) -> Option:
    """A counterpart whose words equal an earlier row's (or, `identical`, the focused one's)."""
    percent = alike_percent(counterpart.score, identical=identical)
    return Option(
        spaced(
            (safe_text(counterpart.outlet), "bold"),
            (
                f"  {percent}% alike · same words as {safe_text(same_as)}",
                "$crosswire-muted",
            ),
        ),
        id=option_id,
    )


def _note(text: str) -> Option:
    return _note_content(Content.styled(safe_text(text), "$crosswire-muted italic"))


def _note_content(content: Content) -> Option:
    return Option(content, disabled=True)


def _heading(text: str) -> Option:
    return Option(Content.styled(f"── {text}", "bold $text-primary"), disabled=True)
