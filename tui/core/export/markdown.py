"""The Markdown memo of a story: outlets and shares, coverage in context, annotations, drift,
missing content.

Quotes and outlet names come from scraped pages, so they are escaped wherever Markdown would read
them as syntax (emphasis, links, HTML, table pipes, a list or heading marker at a line start).
Note text is the user's own Markdown and is kept as written.
"""

from __future__ import annotations

import re

from tui.core.export.bounds import MATRIX_COLUMNS, listed, missing_by_sentence
from tui.core.export.placement import PlacedAnnotation, StoryExport
from tui.core.models import Article
from tui.core.text.published import published_label
from tui.core.text.web_address import web_link

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")
_STATUS_WORDS = {
    "shared": "shared (near-verbatim in other outlets)",
    "reworded": "reworded (same content, other words)",
    "unique": "unique (no other outlet carries it)",
    "gone": "no longer in the library (quote as it read when annotated)",
    "article": "whole article",
    "story": "whole story",
}


def md_escape(text: str) -> str:
    """Escape scraped text for Markdown: one line, no syntax, safe inside a table cell."""
    folded = " ".join(text.split())
    escaped = _INLINE_SPECIAL.sub(r"\\\1", folded)
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", escaped)


def md_note(text: str) -> str:
    """A note as Markdown: its own Markdown kept, but never live HTML (a viewer renders inline
    HTML, so '<script>' in a note would run): angle brackets and ampersands become entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _code(text: str) -> str:
    """Inline code for a tag; a backtick inside would end the span, so it becomes a quote."""
    return "`" + text.replace("`", "'") + "`"


def _percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def _outlets_section(data: StoryExport) -> list[str]:
    alignment = data.alignment
    lines = ["## Outlets", ""]
    if alignment.origin:
        lines += [f"Likely origin: **{md_escape(data.outlet_of(alignment.origin))}**", ""]
    lines += [
        "| Outlet | Sentences | Shared | Reworded | Unique | Wire share | Unique share |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for share in alignment.shares:
        lines.append(
            f"| {md_escape(share.outlet)} | {share.sentences} | {share.shared} | "
            f"{share.reworded} | {share.unique} | {_percent(share.wire_share)} | "
            f"{_percent(share.unique_share)} |"
        )
    return [*lines, ""]


def _cited(article: Article) -> str:
    """'[Outlet](https://...), published 2026-01-16': a link only to an http(s) address."""
    outlet = md_escape(article.outlet)
    link = web_link(article.url)
    cited = f"[{outlet}]({link})" if link else outlet
    if article.url and not link:
        cited += f" ({md_escape(article.url)})"
    if article.date:
        cited += f", published {md_escape(published_label(article.date))}"
    return cited


def _item_heading(number: int, placed: PlacedAnnotation) -> str:
    item = placed.annotation
    if item.target.kind == "story":
        return f"### {number}. The story"
    where = md_escape(item.outlet or "unknown outlet")
    label = "article" if item.target.kind == "article" else placed.status
    return f"### {number}. {where} ({label})"


def _annotations_section(data: StoryExport) -> list[str]:
    title = "## Notes and tags" + (f" tagged '{md_escape(data.tag)}'" if data.tag else "")
    lines = [title, ""]
    if not data.items:
        return [*lines, "No annotations" + (" with this tag." if data.tag else "."), ""]
    for number, placed in enumerate(data.items, start=1):
        item = placed.annotation
        lines += [_item_heading(number, placed), "", f"> {md_escape(item.quote)}", ""]
        facts = [f"- Status: {_STATUS_WORDS.get(placed.status, placed.status)}"]
        source = data.source_of(placed)
        if source is not None:
            facts.append(f"- Source: {_cited(source)}")
        if item.target.kind == "sentence" and placed.present:
            others = listed(placed.also_in, escape=md_escape) or "no other outlet"
            facts.append(f"- Also carried by: {others}")
        if item.tags:
            facts.append("- Tags: " + ", ".join(_code(tag) for tag in item.tags))
        lines += [*facts, ""]
        for note in item.notes:
            lines += [md_note(note.text), ""]
    return lines


def _drift_section(data: StoryExport) -> list[str]:
    lines = ["## Drift" if data.all_drifts else "## Drift (confirmed)", ""]
    if not data.alignment.drift:
        return [*lines, "No names, numbers, dates or quotes differ between outlets.", ""]
    drifts, left_out = data.reported_drifts()
    if not drifts:
        lines.append("No drift confirmed yet.")
    for drift in drifts:
        side_a = listed(drift.outlets_a, escape=md_escape)
        side_b = listed(drift.outlets_b, escape=md_escape)
        judged = f" ({data.decision_of(drift)})" if data.all_drifts else ""
        lines.append(
            f"- **{drift.kind}**: \u201c{md_escape(drift.a)}\u201d ({side_a}) vs "
            f"\u201c{md_escape(drift.b)}\u201d ({side_b}){judged}"
        )
    if left_out:
        lines += ["", f"{left_out_line(left_out)}"]
    return [*lines, ""]


def left_out_line(count: int) -> str:
    """What a memo of confirmed drift says about the rest."""
    what = "drift is" if count == 1 else "drifts are"
    return (
        f"{count} more {what} not confirmed (dismissed or not reviewed) and left out; "
        "export with --all-drifts to list every drift."
    )


def _missing_section(data: StoryExport) -> list[str]:
    lines = ["## Missing content", ""]
    rows = [
        (data.outlet_of(article_id), missing)
        for article_id in data.alignment.article_ids
        for missing in data.alignment.missing.get(article_id, ())
    ]
    if not rows:
        return [*lines, "Every outlet carries everything the others do.", ""]
    if len(data.alignment.article_ids) > MATRIX_COLUMNS:  # once per sentence, not per outlet
        lines += ["| Left out | Left out by | Carried by |", "| --- | --- | --- |"]
        for item, lacking in missing_by_sentence(data.alignment):
            outlets = [data.outlet_of(article_id) for article_id in lacking]
            lines.append(
                f"| {md_escape(item.text)} | {len(outlets):,}: {listed(outlets, escape=md_escape)}"
                f" | {len(item.outlets):,}: {listed(item.outlets, escape=md_escape)} |"
            )
        return [*lines, ""]
    lines += ["| Outlet | Leaves out | Carried by |", "| --- | --- | --- |"]
    for outlet, missing in rows:
        carried = listed(missing.outlets, escape=md_escape)
        lines.append(f"| {md_escape(outlet)} | {md_escape(missing.text)} | {carried} |")
    return [*lines, ""]


def _coverage_section(data: StoryExport) -> list[str]:
    """Who covered the story, with the evidence for each claim: outlets by lean, country and
    type (leans from the user's profiles), the blindspot rule's figures, each wire family's
    sentences in common and each copy's changes, and the publication dates as recorded."""
    coverage = data.coverage_in_context()
    spread = coverage.spread
    lines = ["## Coverage in context", ""]
    unrated = len(spread.outlets) - spread.rated
    lines += [
        f"{len(spread.outlets)} outlets, {spread.rated} with a lean in your outlet profiles, "
        f"{unrated} unrated (crosswire ships no ratings).",
        "",
        "| Lean | Outlets | Count |",
        "| --- | --- | ---: |",
    ]
    for count in spread.by_lean:
        names = ", ".join(md_escape(name) for name in count.outlets) or "-"
        lines.append(f"| {count.label} | {names} | {count.count} |")
    lines.append("")
    if spread.blindspot is not None:
        side = spread.blindspot.side
        lines.append(f"**Blindspot**: covered mostly from the {side}: {spread.blindspot.evidence}.")
    else:
        lines.append(spread.no_blindspot_reason() + ".")
    lines.append("")
    for title, counts in (("By country", spread.by_country), ("By type", spread.by_type)):
        items = "; ".join(
            f"{md_escape(c.label)} {c.count} ({', '.join(md_escape(o) for o in c.outlets)})"
            for c in counts
        )
        lines += [f"- {title}: {items}"]
    lines += ["", "### Wire families", ""]
    if not coverage.families:
        lines += ["None: no two outlets share a text near-verbatim (independent reports).", ""]
    for family in coverage.families:
        origin = next(c for c in family.copies if c.is_origin)
        lines.append(
            f"- **{md_escape(origin.outlet)}** is closest to the source: {family.evidence}."
        )
        for copy in family.copies:
            if not copy.is_origin:
                lines.append(
                    f"  - {md_escape(copy.outlet)}: {copy.changed:.0%} changed against "
                    f"{md_escape(origin.outlet)} ({copy.summary()} sentences)"
                )
    lines += ["", "### Timeline", "", coverage.timeline.summary() + ".", ""]
    lines += ["| Published | After the first | Outlet |", "| --- | --- | --- |"]
    for entry in coverage.timeline.entries:
        published = md_escape(entry.recorded) if entry.recorded else "unknown (no date)"
        if entry.recorded and entry.when is None:
            published += " (unreadable: unknown)"
        lines.append(f"| {published} | {entry.after_first} | {md_escape(entry.outlet)} |")
    return [*lines, ""]


def render_markdown(data: StoryExport) -> str:
    """The memo: title, outlets with shares, annotations, drift, missing-content table."""
    outlets = ", ".join(md_escape(a.outlet) for a in data.articles)
    lines = [
        f"# {md_escape(data.story.title)}",
        "",
        f"{len(data.articles)} articles: {outlets}",
        "",
        *_outlets_section(data),
        *_coverage_section(data),
        *_annotations_section(data),
        *_drift_section(data),
        *_missing_section(data),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"
