"""The core's rooms import one way only, as each sub-package's docstring says, and no module
reaches into another module's private names."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

CORE = REPO_ROOT / "tui" / "core"

MAY_IMPORT: dict[str, set[str]] = {
    "models": set(),
    "text": {"models"},
    "ingest": {"text", "models"},
    "drift": {"text", "models"},
    "align": {"drift", "text", "models"},
    "store": {"ingest", "text", "models"},
    "reader": {"align", "store", "text", "models"},
    "notes": {"store", "text", "models"},
    "export": {"reader", "notes", "align", "store", "text", "models", "coverage", "profiles"},
    "stories": {"align", "store", "ingest", "drift", "notes", "text", "models"},
    "profiles": {"store", "text", "models"},
    "coverage": {"profiles", "align", "text", "models"},
    "fetch": {"store", "ingest", "text", "models"},
    "upkeep": {"notes", "store", "text", "models"},
    "search": {"store", "text", "models"},
}
"""Room -> the rooms it may import (besides itself). Everything under tui/core is in one room."""


def _room(path: Path) -> str:
    parts = path.relative_to(CORE).parts
    return parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names imported from it) for every import in the file, nested ones included."""
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
    return found


def _core_files() -> list[Path]:
    return sorted(p for p in CORE.rglob("*.py") if p.name != "__init__.py" or p.parent != CORE)


def test_every_room_is_listed_and_documented() -> None:
    rooms = {_room(p) for p in _core_files()}
    assert rooms == set(MAY_IMPORT)
    for room in rooms - {"models"}:
        doc = ast.get_docstring(ast.parse((CORE / room / "__init__.py").read_text()))
        assert doc and "May import" in doc or room == "text", room


@pytest.mark.parametrize("path", _core_files(), ids=lambda p: str(p.relative_to(CORE)))
def test_a_room_imports_only_the_rooms_below_it(path: Path) -> None:
    room = _room(path)
    for module, _ in _imports(path):
        if module.startswith("tui.core."):
            target = module.split(".")[2]
            assert target == room or target in MAY_IMPORT[room], f"{room} imports {module}"
        else:
            assert not module.startswith("tui"), f"the core imports the face {module}"


@pytest.mark.parametrize(
    "path",
    sorted((REPO_ROOT / "tui").rglob("*.py")),
    ids=lambda p: str(p.relative_to(REPO_ROOT)),
)
def test_no_module_imports_another_modules_private_name(path: Path) -> None:
    for module, names in _imports(path):
        if module == "tui" or module.startswith("tui."):
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            assert not private, f"{path.name} imports {private} from {module}"


def test_the_contract_catches_an_upward_import(tmp_path: Path) -> None:
    """The check itself: a store module importing the aligner is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from tui.core.align.engine import align_story\n")
    ((module, _),) = _imports(bad)
    assert module.split(".")[2] not in MAY_IMPORT["store"]
