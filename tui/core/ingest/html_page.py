"""A saved or fetched web page into article text and the page's own metadata.

Extraction is trafilatura's (the README gives the measurements that chose it): it drops navigation,
related lists, footers and captions, and reads title, site name, author, publication date and
canonical URL from the page's metadata (Open Graph, JSON-LD, `<meta>`, `<link rel=canonical>`).
Its text is one paragraph per line, which is what crosswire's cleaning and sentence splitting
expect; cleaning still runs on it, since extractors keep some credit lines inside `<article>`.

trafilatura costs ~265 ms to import, so it is imported on the first page, never at start-up.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core.text.safe_text import safe_name
from tui.core.text.textio import UnreadableFile

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
"""File names crosswire reads as saved web pages (gzipped ones too)."""

MAX_PAGE_BYTES = 20_000_000
"""A news page with its scripts and inline images is rarely over 5 MB; past this the file (or the
decompressed page, so a small gzip bomb cannot fill memory) is refused."""

MIN_ARTICLE_WORDS = 12
"""Fewer words than this is a menu or a stub the extractor fell back on, not an article."""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WORD = re.compile(r"\w+")
# OSC (title setting) and CSI (colours, cursor) sequences, then any other C0 control but tab and
# line ends. In UTF-8 these bytes never occur inside a multi-byte character.
_ESCAPE = r"\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)?|\x1b\[[0-?]{0,64}[ -/]{0,8}[@-~]?"
_CONTROLS = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
_ESCAPE_CHARS, _CONTROL_CHARS = re.compile(_ESCAPE), re.compile(_CONTROLS)
_ESCAPE_BYTES, _CONTROL_BYTES = re.compile(_ESCAPE.encode()), re.compile(_CONTROLS.encode())
_BLANK_RUNS = re.compile(r"\n{2,}")


class PageError(ValueError):
    """A page that holds no article crosswire can use, with the reason in words."""


@dataclass(frozen=True, slots=True)
class PageExtract:
    """What one page gives: its article text and whatever metadata it declares."""

    text: str
    """The article body, one paragraph per line (the headline is not in it)."""
    title: str | None = None
    site_name: str | None = None
    """The publication's name as the page gives it ('Al Jazeera'), for the outlet."""
    author: str | None = None
    date: str | None = None
    """Publication date, ISO (YYYY-MM-DD)."""
    url: str | None = None
    """The canonical URL the page declares, else the URL it was fetched from."""

    def raw_text(self) -> str:
        """The text crosswire stores as the article's raw text: the headline, then the body.

        The headline goes first on a line of its own so cleaning finds it as the title, as it
        does on a scraped text page."""
        return f"{self.title}\n\n{self.text}\n" if self.title else f"{self.text}\n"


def is_html_name(name: str) -> bool:
    """True for a file name crosswire reads as a saved web page."""
    return name.lower().endswith(HTML_SUFFIXES)


def read_html_file(path: Path, *, max_bytes: int = MAX_PAGE_BYTES) -> bytes:
    """The page's bytes, gunzipped when the name ends in `.gz`; UnreadableFile when it cannot be
    read, is empty, is not valid gzip, or is larger than `max_bytes` (decompressed)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise UnreadableFile(path, "no such file") from None
    except IsADirectoryError:
        raise UnreadableFile(path, "is a directory, not a page") from None
    except OSError as exc:
        raise UnreadableFile(path, f"cannot be read ({exc.strerror})") from None
    if path.name.lower().endswith(".gz"):
        data = _gunzip(path, data, max_bytes=max_bytes)
    if len(data) > max_bytes:
        raise UnreadableFile(path, f"page larger than {max_bytes:,} bytes")
    if not data.strip():
        raise UnreadableFile(path, "empty file")
    return data


def _gunzip(path: Path, data: bytes, *, max_bytes: int) -> bytes:
    """Decompress at most `max_bytes + 1` bytes, so a gzip bomb stops at the cap."""
    try:
        inflater = zlib.decompressobj(wbits=31)  # 31: gzip header and trailer
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error:
        raise UnreadableFile(path, "not a valid gzip file") from None
    if not inflater.eof and len(out) <= max_bytes:
        raise UnreadableFile(path, "gzip file cut short")
    return out


def extract_page(html: bytes | str, *, url: str | None = None) -> PageExtract:
    """The article and metadata of one page; PageError when no article text is found.

    `url` is where the page came from, when known: trafilatura resolves relative canonical links
    against it, and it stands in when the page declares no canonical URL.
    """
    html = _without_controls(html)
    document = _extract(html, url=url)
    if document is None:
        # libxml2 stops building the tree ~256 elements deep; a page nested deeper (machine-made
        # markup) is parsed again without that limit before giving up on it.
        document = _extract(_deep_tree(html), url=url)
    text = _tidy(document.text or "") if document is not None else ""
    title = _field(document.title) if document is not None else None
    if title and text.split("\n", 1)[0].strip() == title:
        text = text.split("\n", 1)[1] if "\n" in text else ""  # the headline goes in `title`
    if document is None or len(_WORD.findall(text)) < MIN_ARTICLE_WORDS:
        raise PageError("no article text found in the page")
    date = document.date if isinstance(document.date, str) else None
    match = _ISO_DATE.match(date or "")
    return PageExtract(
        text=text,
        title=title,
        site_name=_field(document.sitename),
        author=_field(document.author),
        date=match.group(0) if match else None,
        url=_url(document.url) or _url(url),
    )


def _without_controls(html: bytes | str) -> bytes | str:
    """The page without terminal escape sequences and C0 control characters, which lxml refuses
    in a tree (the page's text would be lost) and which must never reach a terminal anyway."""
    if isinstance(html, bytes):
        return _CONTROL_BYTES.sub(b"", _ESCAPE_BYTES.sub(b"", html))
    return _CONTROL_CHARS.sub("", _ESCAPE_CHARS.sub("", html))


def _extract(html: object, *, url: str | None) -> Any:
    """trafilatura's document for `html` (bytes, text or a parsed tree), or None."""
    import trafilatura  # lazily: ~265 ms

    if html is None:
        return None
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            favor_precision=True,
        )
    except (ValueError, TypeError, AttributeError, RecursionError, LookupError):
        # lxml and trafilatura raise these on markup they cannot build a tree from.
        return None
    if document is None or isinstance(document, dict) or not (document.text or "").strip():
        return None
    return document


def _deep_tree(html: bytes | str) -> object:
    """The page parsed by lxml with no depth limit, or None when it cannot be parsed."""
    import lxml.html  # type: ignore[import-untyped]  # trafilatura's own dependency

    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True)
    data = html.encode("utf-8") if isinstance(html, str) else html
    try:
        return lxml.html.document_fromstring(data, parser=parser)
    except (ValueError, TypeError, RecursionError, lxml.etree.ParserError):
        return None


def _tidy(text: str) -> str:
    """One paragraph per line: blank runs folded, trailing spaces gone."""
    lines = (line.rstrip() for line in text.replace("\r", "\n").split("\n"))
    return _BLANK_RUNS.sub("\n", "\n".join(lines)).strip("\n")


def _field(value: object) -> str | None:
    """A metadata string made safe to store and show (escapes, controls gone), or None."""
    return safe_name(value) or None if isinstance(value, str) else None


def _url(value: object) -> str | None:
    """An http(s) URL made safe, else None (a `javascript:` canonical link is no URL to keep)."""
    cleaned = _field(value)
    if cleaned and cleaned.lower().startswith(("http://", "https://")):
        return cleaned
    return None
