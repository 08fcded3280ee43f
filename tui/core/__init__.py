"""Everything in crosswire that is not drawing on a terminal.

Cleaning, segmentation, alignment, drift, the store, import and export live here. Nothing in this
package imports textual or rich (tests/test_core_purity.py proves it), so the CLI, the app, scripts
and tests all share one plain, synchronous core.
"""
