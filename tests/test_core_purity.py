"""`tui.core` never imports textual or rich: the CLI, scripts and tests share a UI-free core."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO_ROOT

CHILD = """
import importlib, pkgutil, sys
import tui.core
names = sorted(m.name for m in pkgutil.walk_packages(tui.core.__path__, "tui.core."))
for name in names:
    importlib.import_module(name)
ui = sorted({m.split(".")[0] for m in sys.modules} & {"textual", "rich"})
print(len(names), ",".join(ui))
"""


def test_importing_every_core_module_loads_no_ui_library() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    count, ui = result.stdout.split(" ", 1)
    assert int(count) >= 8  # models, storage, library, importer, seeds, textio, clean, outlets, ...
    assert ui.strip() == "", f"tui.core pulled in {ui.strip()}"
