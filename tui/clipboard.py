"""Copying text for the user, and saying truthfully how it was copied.

A terminal app has two ways to reach the clipboard: a system tool (wl-copy, xclip, xsel, pbcopy,
clip.exe), which reports whether it worked, and the OSC 52 escape sequence, which many terminals
accept and some silently drop. crosswire tries the tools first and, when none is there, sends OSC
52 and says that it did, so the user is never told "copied" about text that went nowhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Sequence

__all__ = ["CLIPBOARD_TOOLS", "copy_text"]

CLIPBOARD_TOOLS: tuple[tuple[str, ...], ...] = (
    ("wl-copy",),
    ("xclip", "-selection", "clipboard"),
    ("xsel", "--clipboard", "--input"),
    ("pbcopy",),
    ("clip.exe",),
)
"""Commands that put their standard input on the system clipboard, in the order tried."""
TOOL_TIMEOUT_S = 3.0


def _usable(command: Sequence[str]) -> bool:
    if command[0] == "wl-copy" and not os.environ.get("WAYLAND_DISPLAY"):
        return False
    if command[0] in ("xclip", "xsel") and not os.environ.get("DISPLAY"):
        return False
    return shutil.which(command[0]) is not None


def copy_text(text: str, *, osc52: Callable[[str], None]) -> str:
    """Put `text` on the clipboard; returns how, in words for the user ('the system clipboard
    (xclip)', or 'your terminal (OSC 52)' when only the escape sequence could be sent)."""
    for command in CLIPBOARD_TOOLS:
        if not _usable(command):
            continue
        try:
            done = subprocess.run(
                list(command),
                input=text.encode("utf-8"),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=TOOL_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return f"the system clipboard ({command[0]})"
    osc52(text)
    return "your terminal (OSC 52; a terminal that does not allow it copies nothing)"
