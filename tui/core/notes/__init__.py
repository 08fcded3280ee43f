"""Tags and notes on stories, articles and sentences, kept in their own small file, and the
Notes view's filter language.

May import `tui.core.store`, `tui.core.text` and `tui.core.models`.
"""
