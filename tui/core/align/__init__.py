"""Alignment: which sentences of a story's articles state the same fact, and what a reader
asks of that (statuses, counterparts, coverage, shares, origin).

May import `tui.core.drift`, `tui.core.text` and `tui.core.models`.
"""
