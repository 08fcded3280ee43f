"""Copying says how it copied: a system clipboard tool when one works (real processes here),
else the terminal's OSC 52, said as such."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tui.clipboard import copy_text


def _tool(folder: Path, name: str, body: str) -> None:
    script = folder / name
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def only_tools(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A PATH holding only the tools a test writes (and sh), with an X display set."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}/bin{os.pathsep}/usr/bin")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    for name in ("xclip", "xsel", "pbcopy", "wl-copy", "clip.exe"):
        if any((Path(p) / name).exists() for p in ("/bin", "/usr/bin")):
            pytest.skip(f"{name} is installed on this machine")
    return folder


def test_a_working_tool_copies_and_is_named(only_tools: Path, tmp_path: Path) -> None:
    copied = tmp_path / "clipboard.txt"
    _tool(only_tools, "xclip", f'cat > "{copied}"')
    sent: list[str] = []
    how = copy_text("“Koizumi” — SadaNews", osc52=sent.append)
    assert how == "the system clipboard (xclip)"
    assert copied.read_text(encoding="utf-8") == "“Koizumi” — SadaNews"
    assert sent == [], "no escape sequence when a tool did it"


def test_without_a_working_tool_the_terminal_is_asked_and_the_message_says_so(
    only_tools: Path,
) -> None:
    _tool(only_tools, "xclip", "exit 1")  # e.g. no X server to talk to
    sent: list[str] = []
    how = copy_text("text", osc52=sent.append)
    assert sent == ["text"]
    assert "OSC 52" in how and "copies nothing" in how
