"""The story reader: opens a story, aligns it once (memory and disk), and answers the
questions every face asks of an aligned story.

May import `tui.core.align`, `tui.core.store`, `tui.core.text` and `tui.core.models`.
"""
