"""Opening an article's web address in the user's browser, without breaking the terminal app.

Python's `webbrowser` picks a browser the usual way (`$BROWSER`, then the desktop's opener, then a
text browser such as w3m or lynx when there is no display). A browser started as a plain command
(`$BROWSER`, text browsers) runs in the foreground and may need the terminal, so the app is
suspended while it runs, as for `$EDITOR`; desktop openers return at once and need nothing.
"""

from __future__ import annotations

import os
import webbrowser
from typing import Any

from textual.app import App, SuspendNotSupported


def _browser() -> webbrowser.BaseBrowser:
    """The browser `$BROWSER` names (its first entry), else webbrowser's own choice."""
    chosen = os.environ.get("BROWSER", "").split(os.pathsep)[0].strip()
    return webbrowser.get(chosen or None)


def open_in_browser(app: App[Any], url: str) -> str | None:
    """Open `url` (an http(s) address, see `core.text.web_address.web_link`); None when it was
    handed to a browser, else why not, in words for the user."""
    try:
        browser = _browser()
    except webbrowser.Error:
        return "No web browser found (set $BROWSER)"
    if isinstance(browser, webbrowser.GenericBrowser) and not isinstance(
        browser, webbrowser.BackgroundBrowser
    ):
        try:
            with app.suspend():
                opened = browser.open(url)
        except SuspendNotSupported:
            opened = browser.open(url)  # no terminal to hand over (a test, a web front end)
    else:
        opened = browser.open(url)
    return None if opened else f"The browser ({browser.name}) did not open it"
