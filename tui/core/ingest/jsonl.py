"""JSON Lines: one article per line, so other tools can pipe their articles into crosswire.

Each line is an object `{"url"?, "outlet"?, "title"?, "date"?, "text"?, "html"?}` with `text`
or `html` (the page, whose article is extracted; `text` is read as scraped text). Blank lines
are skipped; other keys are ignored. A line that cannot be used (not JSON, not an object, a
field of the wrong type, no text, a date that is no date, a URL that is not http(s), too long)
is one problem naming the input and its line number, and the other lines are still imported.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import orjson

from tui.core.ingest.html_page import MAX_PAGE_BYTES
from tui.core.ingest.page_source import PageSource
from tui.core.text.published import parse_published
from tui.core.text.safe_text import safe_name

JSONL_SUFFIXES = (".jsonl", ".ndjson")
"""File names read as JSON Lines."""

FIELDS = ("url", "outlet", "title", "date", "text", "html")


class BadLine(ValueError):
    """One line that cannot be used, with the reason in words."""


def is_jsonl_name(name: str) -> bool:
    return name.lower().endswith(JSONL_SUFFIXES)


def read_jsonl(
    lines: Iterable[bytes], *, name: str, stable_place: bool = True
) -> tuple[list[PageSource], list[str]]:
    """The articles of the lines, and one problem ('NAME:LINE: reason') per bad line.

    `name` names the input in messages ('stdin', a path). An article without a URL records
    'NAME:LINE' as its source when `stable_place` (a file: its line N is the same article when
    imported again), else 'NAME:' and a digest of its text (stdin, where line numbers say
    nothing about which article it is).
    """
    pages: list[PageSource] = []
    problems: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            pages.append(_record(line, f"{name}:{number}", name=name, stable_place=stable_place))
        except BadLine as exc:
            problems.append(f"{name}:{number}: {exc}")
    return pages, problems


def read_jsonl_file(path: Path) -> tuple[list[PageSource], list[str]]:
    """`read_jsonl` on a file; an unreadable file is one problem."""
    try:
        with path.open("rb") as handle:
            return read_jsonl(handle, name=str(path))
    except OSError as exc:
        return [], [f"{path}: cannot be read ({exc.strerror})"]


def _record(line: bytes, where: str, *, name: str, stable_place: bool) -> PageSource:
    if len(line) > MAX_PAGE_BYTES:
        raise BadLine(f"line longer than {MAX_PAGE_BYTES:,} bytes")
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        raise BadLine(f"not valid JSON ({str(exc).split(':')[0]})") from None
    if not isinstance(data, dict):
        raise BadLine(f"expected an object, found {type(data).__name__}")
    wrong = [key for key in FIELDS if key in data and not isinstance(data[key], str | None)]
    if wrong:
        raise BadLine(f"{wrong[0]!r} must be a string")
    fields: dict[str, str] = {key: data[key] for key in FIELDS if data.get(key)}
    if not (fields.get("text", "").strip() or fields.get("html", "").strip()):
        raise BadLine("no 'text' and no 'html'")
    url = safe_name(fields.get("url")) or None
    if url and not url.lower().startswith(("http://", "https://")):
        raise BadLine(f"'url' is not an http(s) URL ({url[:60]!r})")
    date = None
    if "date" in fields:
        try:
            date = parse_published(fields["date"])
        except ValueError as exc:
            raise BadLine(f"'date': {exc}") from None
    if url:
        source = url
    elif stable_place:
        source = where
    else:
        digest = hashlib.sha256(line).hexdigest()[:12]
        source = f"{name}:{digest}"
    return PageSource(
        source=source,
        html=fields.get("html"),
        text=fields.get("text"),
        url=url,
        outlet=fields.get("outlet"),
        title=fields.get("title"),
        date=date,
        label=where,
    )
