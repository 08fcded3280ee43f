"""Looking after a library as a whole: checking every file (`crosswire doctor`) and salvaging what
can be read from a damaged one.

May import `tui.core.notes`, `tui.core.store`, `tui.core.text` and `tui.core.models`.
"""
