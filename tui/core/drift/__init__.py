"""Drift: what differs between versions of one sentence across outlets (names, numbers,
dates, quotes, spellings), and event dates that disagree across a story.

May import `tui.core.text` and `tui.core.models`.
"""
