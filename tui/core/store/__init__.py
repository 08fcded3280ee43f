"""The library on disk: stories and articles, atomic storage, finding a story by name, the
config file, importing files into stories, and the bundled example story.

May import `tui.core.ingest`, `tui.core.text` and `tui.core.models`; never the aligner.
"""
