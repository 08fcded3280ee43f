"""A self-contained HTML comparison report of one story, readable offline.

Articles side by side with each sentence coloured by status, annotated sentences marked with their
tags and notes, the coverage matrix, drift and missing content. One file: inline CSS, no scripts,
no fonts, images or links to fetch. Every piece of text from a page or a user goes through
`html.escape`, so a '<script>' in an article is shown, never run.

The page is made piece by piece (`html_chunks`), so it can be written as it is made, and its size
follows the story's sentences, not its outlets squared (`core.export.bounds`): lists of outlets
name the first few and count the rest, the matrix shows the first MATRIX_COLUMNS outlets, and a
story of more outlets lists missing content once per sentence, not once per outlet lacking it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator

from tui.core.align.overview import coverage_matrix
from tui.core.export.bounds import MATRIX_COLUMNS, listed, missing_by_sentence
from tui.core.export.placement import PlacedAnnotation, StoryExport
from tui.core.models import Article, SentenceRef
from tui.core.text.published import published_label
from tui.core.text.web_address import web_link

_CSS = """
:root { color-scheme: light dark; --shared: #cfe8cf; --reworded: #fbe6b0; --unique: #f6c9c9;
  --ink: #1d1d1d; --paper: #fdfdfb; --rule: #d0d0d0; --mark: #3b5bdb; }
@media (prefers-color-scheme: dark) { :root { --shared: #2c4a2c; --reworded: #5a4a1c;
  --unique: #5a2a2a; --ink: #e8e8e8; --paper: #161616; --rule: #444; --mark: #8ea2ff; } }
body { font: 15px/1.5 system-ui, sans-serif; color: var(--ink); background: var(--paper);
  margin: 1.5rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
th, td { border: 1px solid var(--rule); padding: .25rem .5rem; vertical-align: top;
  text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.legend span, .matrix td.st { padding: 0 .4rem; }
.shared { background: var(--shared); } .reworded { background: var(--reworded); }
.unique { background: var(--unique); }
.columns { display: flex; gap: 1rem; overflow-x: auto; align-items: flex-start; }
.article { flex: 0 0 24rem; border: 1px solid var(--rule); padding: .5rem .8rem; }
.article h2 { font-size: 1.1rem; margin: .2rem 0; }
.article h3 { font-size: .95rem; margin: 0 0 .6rem; }
.article p { margin: 0 0 .6rem; } .s { border-radius: 3px; padding: 0 1px; }
.annotated { outline: 2px solid var(--mark); }
.tag { font-size: .8em; border: 1px solid var(--mark); border-radius: 8px; padding: 0 .35rem;
  margin-left: .2rem; }
.note { display: block; border-left: 3px solid var(--mark); margin: .3rem 0 .6rem;
  padding: .1rem .6rem; white-space: pre-wrap; }
.matrix td.text { max-width: 40rem; } .muted { opacity: .7; }
.leanbar { display: flex; height: 1.4rem; margin: .5rem 0; border: 1px solid var(--rule); }
.leanbar span { text-align: center; font-size: .8rem; color: #fff; }
.lean-far-left { background: #1d4f9e; } .lean-left { background: #3b78d0; }
.lean-lean-left { background: #86acea; color: #000 !important; }
.lean-center { background: #a8a8a8; color: #000 !important; }
.lean-lean-right { background: #e59494; color: #000 !important; }
.lean-right { background: #cf4646; } .lean-far-right { background: #8e1b1b; }
.lean-unrated { background: repeating-linear-gradient(45deg, #bbb 0 4px, transparent 4px 8px);
  color: var(--ink) !important; }
"""
_SYMBOL = {"shared": "\u25cf shared", "reworded": "\u25d0 reworded", "unique": "\u25cb unique"}


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _sentence_id(ref: SentenceRef) -> str:
    return _e(f"s-{ref.article_id}-{ref.index}")


def _tags(tags: Iterable[str]) -> str:
    return "".join(f'<span class="tag">{_e(tag)}</span>' for tag in tags)


def _cited(article: Article) -> str:
    """The outlet, linked to its page when it has an http(s) address, and its publication date."""
    link = web_link(article.url)
    outlet = _e(article.outlet)
    cited = f'<a href="{_e(link)}" rel="noreferrer noopener">{outlet}</a>' if link else outlet
    if article.url and not link:
        cited += f" ({_e(article.url)})"
    if article.date:
        cited += f", published {_e(published_label(article.date))}"
    return cited


def _notes(placed: PlacedAnnotation) -> str:
    # Spans styled as blocks: a <div> may not sit inside the <p> of an article paragraph.
    return "".join(f'<span class="note">{_e(note.text)}</span>' for note in placed.annotation.notes)


def _article_column(
    data: StoryExport, article: Article, marks: dict[SentenceRef, PlacedAnnotation]
) -> str:
    infos = data.alignment.sentences.get(article.id, ())
    parts = ['<section class="article">', f"<h2>{_e(article.outlet)}</h2>"]
    if article.url or article.date:
        parts.append(f'<p class="muted">{_cited(article)}</p>')
    if not any(sentence.kind == "title" for sentence in article.sentences):
        parts.append(f"<h3>{_e(article.title)}</h3>")  # else the headline leads the sentences
    paragraph: list[str] = []
    line: int | None = None
    for sentence in article.sentences:
        if paragraph and sentence.line != line:
            parts.append("<p>" + " ".join(paragraph) + "</p>")
            paragraph = []
        line = sentence.line
        ref = SentenceRef(article.id, sentence.index)
        info = infos[sentence.index] if sentence.index < len(infos) else None
        status = info.status if info else "unique"
        also = listed(info.outlets) if info and info.outlets else "no other outlet"
        placed = marks.get(ref)
        classes = f"s {status}" + (" annotated" if placed else "")
        text = (
            f"<strong>{_e(sentence.text)}</strong>"
            if sentence.kind != "body"
            else _e(sentence.text)
        )
        span = (
            f'<span class="{classes}" id="{_sentence_id(ref)}" '
            f'title="{_e(status)}; also in: {_e(also)}">{text}</span>'
        )
        if placed:
            span += _tags(placed.annotation.tags) + _notes(placed)
        paragraph.append(span)
    if paragraph:
        parts.append("<p>" + " ".join(paragraph) + "</p>")
    return "\n".join([*parts, "</section>"])


def _shares_table(data: StoryExport) -> str:
    rows = [
        "<table><tr><th>Outlet</th><th>Sentences</th><th>Shared</th><th>Reworded</th>"
        "<th>Unique</th><th>Wire share</th></tr>"
    ]
    for share in data.alignment.shares:
        rows.append(
            f"<tr><td>{_e(share.outlet)}</td><td class=num>{share.sentences}</td>"
            f"<td class=num>{share.shared}</td><td class=num>{share.reworded}</td>"
            f"<td class=num>{share.unique}</td>"
            f"<td class=num>{share.wire_share * 100:.0f}%</td></tr>"
        )
    return "\n".join([*rows, "</table>"])


def _matrix(data: StoryExport) -> Iterator[str]:
    """Clusters down, articles across: `core.align.overview.coverage_matrix`, coloured by status;
    beyond MATRIX_COLUMNS articles, the first of them and a column counting every carrier."""
    alignment = data.alignment
    shown = alignment.article_ids[:MATRIX_COLUMNS]
    cut = len(alignment.article_ids) > MATRIX_COLUMNS
    if cut:
        yield (
            f'<p class="muted">The first {len(shown)} of {len(alignment.article_ids):,} outlets, '
            "origin first; <em>All</em> counts every outlet carrying the sentence.</p>\n"
        )
    head = "".join(f"<th>{_e(data.outlet_of(a))}</th>" for a in shown)
    yield f'<table class="matrix"><tr><th>#</th><th>Sentence</th>{head}'
    yield "<th>All</th></tr>" if cut else "</tr>"
    for row in coverage_matrix(alignment):
        cells = "".join(
            f'<td class="st {status}">{_SYMBOL[status]}</td>' if status else '<td class="st"></td>'
            for status in row.cells[:MATRIX_COLUMNS]
        )
        if cut:
            cells += f"<td class=num>{sum(1 for status in row.cells if status):,}</td>"
        yield (
            f"\n<tr><td class=num>{row.cluster}</td><td class=text>{_e(row.text)}</td>{cells}</tr>"
        )
    yield "\n</table>"


def _drift(data: StoryExport) -> str:
    if not data.alignment.drift:
        return '<p class="muted">No names, numbers, dates or quotes differ between outlets.</p>'
    rows = ["<table><tr><th>Kind</th><th>One version</th><th>Outlets</th><th>Other version</th>"
            "<th>Outlets</th><th>Review</th></tr>"]  # fmt: skip
    for d in data.alignment.drift:
        rows.append(
            f"<tr><td>{_e(d.kind)}</td><td>{_e(d.a)}</td><td>{_e(listed(d.outlets_a))}</td>"
            f"<td>{_e(d.b)}</td><td>{_e(listed(d.outlets_b))}</td>"
            f"<td>{_e(data.decision_of(d))}</td></tr>"
        )
    return "\n".join([*rows, "</table>"])


def _missing(data: StoryExport) -> Iterator[str]:
    alignment = data.alignment
    if not any(alignment.missing.get(a) for a in alignment.article_ids):
        yield '<p class="muted">Every outlet carries everything the others do.</p>'
        return
    if len(alignment.article_ids) > MATRIX_COLUMNS:
        yield from _missing_by_sentence(data)
        return
    yield "<table><tr><th>Outlet</th><th>Leaves out</th><th>Carried by</th></tr>"
    for article_id in alignment.article_ids:
        for item in alignment.missing.get(article_id, ()):
            yield (
                f"\n<tr><td>{_e(data.outlet_of(article_id))}</td><td>{_e(item.text)}</td>"
                f"<td>{_e(listed(item.outlets))}</td></tr>"
            )
    yield "\n</table>"


def _missing_by_sentence(data: StoryExport) -> Iterator[str]:
    """Missing content of a story of many outlets: one row per sentence, most widely carried
    first, with who leaves it out and who carries it (first names and counts)."""
    yield "<table><tr><th>Left out</th><th>Left out by</th><th>Carried by</th></tr>"
    for item, lacking in missing_by_sentence(data.alignment):
        outlets = [data.outlet_of(article_id) for article_id in lacking]
        yield (
            f"\n<tr><td>{_e(item.text)}</td><td>{len(outlets):,}: {_e(listed(outlets))}</td>"
            f"<td>{len(item.outlets):,}: {_e(listed(item.outlets))}</td></tr>"
        )
    yield "\n</table>"


def _annotation_list(data: StoryExport) -> str:
    if not data.items:
        return '<p class="muted">No annotations.</p>'
    parts = []
    for placed in data.items:
        item = placed.annotation
        source = data.source_of(placed)
        where = _cited(source) if source is not None else _e(item.outlet or "the story")
        parts.append(
            f"<li><blockquote>{_e(item.quote)}</blockquote><p>{where}, "
            f'<span class="{_e(placed.status)}">{_e(placed.status)}</span>'
            f"{_tags(item.tags)}</p>{_notes(placed)}</li>"
        )
    return "<ol>" + "\n".join(parts) + "</ol>"


def _coverage_in_context(data: StoryExport) -> str:
    """Who covered the story: the lean bar and counts (the unrated shown), the blindspot with
    its figures, each wire family's evidence and copies' changes, and the timeline."""
    coverage = data.coverage_in_context()
    spread = coverage.spread
    total = len(spread.outlets) or 1
    bar = "".join(
        f'<span class="lean-{_e(c.key)}" style="flex:{c.count}" title="{_e(c.label)}: '
        f'{c.count}">{c.count}</span>'
        for c in spread.by_lean
        if c.count
    )
    rows = ["<table><tr><th>Lean</th><th>Outlets</th><th>Count</th><th>Share</th></tr>"]
    for c in spread.by_lean:
        rows.append(
            f"<tr><td>{_e(c.label)}</td><td>{_e(', '.join(c.outlets)) or '-'}</td>"
            f"<td class=num>{c.count}</td><td class=num>{c.count / total:.0%}</td></tr>"
        )
    rows.append("</table>")
    if spread.blindspot is not None:
        verdict = (
            f"<p><strong>Blindspot</strong>: covered mostly from the {_e(spread.blindspot.side)}: "
            f"{_e(spread.blindspot.evidence)}.</p>"
        )
    else:
        verdict = f'<p class="muted">{_e(spread.no_blindspot_reason())}.</p>'
    counts = "".join(
        f"<li>{title}: "
        + "; ".join(f"{_e(c.label)} {c.count} ({_e(', '.join(c.outlets))})" for c in items)
        + "</li>"
        for title, items in (("By country", spread.by_country), ("By type", spread.by_type))
    )
    families = []
    for family in coverage.families:
        origin = next(c for c in family.copies if c.is_origin)
        copies = "".join(
            f"<li>{_e(c.outlet)}: {c.changed:.0%} changed ({_e(c.summary())})</li>"
            for c in family.copies
            if not c.is_origin
        )
        families.append(
            f"<li><strong>{_e(origin.outlet)}</strong> is closest to the source: "
            f"{_e(family.evidence)}<ul>{copies}</ul></li>"
        )
    family_html = (
        f"<ul>{''.join(families)}</ul>"
        if families
        else '<p class="muted">No wire family: independent reports.</p>'
    )
    timeline = ["<table><tr><th>Published</th><th>After the first</th><th>Outlet</th></tr>"]
    for entry in coverage.timeline.entries:
        published = _e(entry.recorded) if entry.recorded else '<span class="muted">unknown</span>'
        timeline.append(
            f"<tr><td>{published}</td><td>{_e(entry.after_first)}</td>"
            f"<td>{_e(entry.outlet)}</td></tr>"
        )
    timeline.append("</table>")
    return "\n".join(
        [
            f"<p>{len(spread.outlets)} outlets, {spread.rated} with a lean in your outlet "
            "profiles (crosswire ships no ratings).</p>",
            f'<div class="leanbar">{bar}</div>',
            *rows,
            verdict,
            f"<ul>{counts}</ul>",
            "<h3>Wire families</h3>",
            family_html,
            "<h3>Timeline</h3>",
            f"<p>{_e(coverage.timeline.summary())}.</p>",
            *timeline,
        ]
    )


def render_html(data: StoryExport) -> str:
    """The whole report as one HTML document (a string), with no external resources."""
    return "".join(html_chunks(data))


def html_chunks(data: StoryExport) -> Iterator[str]:
    """The report in pieces, in order: one article column, or one matrix row, at a time."""
    marks = {placed.ref: placed for placed in data.items if placed.ref is not None}
    title = _e(data.story.title)
    origin = data.alignment.origin
    origin_line = (
        f"<p>Likely origin: <strong>{_e(data.outlet_of(origin))}</strong></p>" if origin else ""
    )
    tag_line = (
        f"<p>Annotations tagged <span class=tag>{_e(data.tag)}</span> only.</p>" if data.tag else ""
    )
    yield f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} \u2014 crosswire report</title>
<style>{_CSS}</style>
</head>
<body>
<h1>{title}</h1>
<p>{len(data.articles)} articles. <span class="legend"><span class="shared">shared</span>
<span class="reworded">reworded</span> <span class="unique">unique</span></span></p>
{origin_line}
{tag_line}
<h2>Outlets</h2>
{_shares_table(data)}
<h2>Coverage in context</h2>
{_coverage_in_context(data)}
<h2>Articles side by side</h2>
<div class="columns">
"""
    for n, article in enumerate(data.articles):
        yield ("\n" if n else "") + _article_column(data, article, marks)
    yield f"""
</div>
<h2>Notes and tags</h2>
{_annotation_list(data)}
<h2>Coverage</h2>
"""
    yield from _matrix(data)
    yield "\n<h2>Drift</h2>\n" + _drift(data) + "\n<h2>Missing content</h2>\n"
    yield from _missing(data)
    yield "\n</body>\n</html>\n"
