"""robots.txt, honoured when crosswire fetches on its own (refreshing followed feeds).

A URL the user names on the command line is fetched because they asked for it, as a browser
would; a refresh runs unattended, like a crawler, so it asks each site's robots.txt first
(RFC 9309): rules for the `crosswire` agent, else for `*`. A robots.txt that does not exist
(a 4xx answer) allows everything; one that cannot be reached (a 5xx answer, no connection) means
the site is not fetched this time. Each site's robots.txt is read once per refresh.
"""

from __future__ import annotations

import threading
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from tui.core.fetch.http import Fetched, Fetcher

AGENT = "crosswire"


class RobotsRules:
    """Each site's robots.txt, read through one fetcher and kept for its lifetime."""

    def __init__(self, fetcher: Fetcher) -> None:
        self._fetcher = fetcher
        self._sites: dict[str, RobotFileParser | str] = {}
        self._lock = threading.Lock()

    def refusal(self, url: str) -> str | None:
        """Why robots.txt keeps crosswire from `url`, or None when it may fetch it."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            rules = self._sites.get(site)
        if rules is None:
            rules = self._read(site)
            with self._lock:
                self._sites[site] = rules
        if isinstance(rules, str):
            return rules
        if not rules.can_fetch(AGENT, url):
            return "robots.txt does not allow crosswire to fetch it"
        return None

    def _read(self, site: str) -> RobotFileParser | str:
        outcome = self._fetcher.fetch(f"{site}/robots.txt")
        parser = RobotFileParser()
        if isinstance(outcome, Fetched):
            parser.parse(outcome.body.decode("utf-8", errors="replace").splitlines())
            return parser
        if outcome.reason.startswith("HTTP 4"):
            parser.parse([])  # no robots.txt: everything allowed
            return parser
        return f"robots.txt could not be read ({outcome.reason}); not fetched this time"
