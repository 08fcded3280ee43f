"""`python -m tui` is the `crosswire` command."""

from tui.cli.main import main

raise SystemExit(main())
