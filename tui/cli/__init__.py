"""The command line: `crosswire` and its commands, a thin face on `tui.core`."""
