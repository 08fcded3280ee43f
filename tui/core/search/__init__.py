"""Full-text search over every story's sentences: an SQLite FTS5 index kept beside the store as
a cache (rebuilt when missing or stale, refreshed story by story), and user queries made safe.

May import `tui.core.store`, `tui.core.text` and `tui.core.models`.
"""
