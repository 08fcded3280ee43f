"""Everything in crosswire that is not drawing on a terminal.

Rooms by pipeline stage, each importing only the rooms below it (tests/test_core_rooms.py):
`models` (the records every room shares) <- `text` <- `ingest`, `drift` <- `align` <- `store` <-
`reader`, `notes` <- `export`; `stories` (grouping imported articles into stories, managing
stories) sits on `store`, `align` and `notes`; `profiles` (outlet profiles) sits on `store`, and
`coverage` (the spread, blindspot, timeline and wire copies of a story) on `profiles` and `align`;
`fetch` (the web: pages, feeds, followed feeds) sits on `store`.
`search` (full-text search over every story's sentences, an FTS5 index beside the store) sits
on `store`.
Nothing in this package imports textual or rich
(tests/test_core_purity.py), so the CLI, the app, scripts and tests share one plain, synchronous
core.
"""
