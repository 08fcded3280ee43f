"""Text as crosswire reads it: files read safely, text made safe for a terminal, words
normalised, numbers and dates read as values, counts said in words, safe file names.

The bottom room: it may import only `tui.core.models` and the standard library and packages.
"""
