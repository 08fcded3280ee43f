"""An article's web address, as crosswire shows, opens and cites it.

A URL comes from a manifest, a feed, a page or the user, so it is hostile text like any other:
only `http` and `https` addresses are ever opened or made into links (a `javascript:` or `file:`
address in a manifest stays inert text), and a link target is percent-encoded so no character
in it can end the link early in Markdown or HTML.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

_LINK_SAFE = ":/?#[]@!$&'*+,;=%~-._"
"""Characters a link target keeps as they are; the rest ('(', ')', '<', '>', '"', spaces,
anything outside ASCII) are percent-encoded."""


def web_link(url: str | None) -> str | None:
    """`url` when it is an http(s) address with a host, percent-encoded where a link target
    needs it; None for anything else (no URL, a file path, another scheme)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url.strip(), safe=_LINK_SAFE)


def host_of(url: str | None) -> str:
    """The host of a web address without 'www.' ('trtworld.com'); '' when there is none."""
    link = web_link(url)
    if link is None:
        return ""
    host = (urlsplit(link).hostname or "").lower()
    return host.removeprefix("www.")
