"""Bringing pages and feeds in from the web: HTTP with limits (timeouts, a size cap, redirects,
connections at once and per host), robots.txt, conditional GET, feeds and the followed-feed list.

Everything a user sees of a failure is one line per URL; one URL failing never stops the rest.

May import `tui.core.store`, `tui.core.ingest`, `tui.core.text` and `tui.core.models`.
"""
