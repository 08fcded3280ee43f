"""`python -m tui` is the `crosswire` command."""

from tui.cli import main

raise SystemExit(main())
