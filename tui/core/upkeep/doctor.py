"""`crosswire doctor`: check every file of a library, and with `repair` salvage what can be read.

The check reads each store file as crosswire would (valid JSON, then the shape of every document,
`core.store.schema`), then the references between them (every article a story lists has a body,
every body belongs to an article a story lists, every bodies file to a story), and looks for what
an interrupted crosswire leaves (temp files, probe files, an unfinished import's journal, cache
entries of an old format, what a stopped restore left beside the library). It writes nothing.

Repair works under the library's write lock. A damaged file is first copied, as it is, into
`<library>/damaged/` with the date and time in its name; then every record that can be read and
has the right shape is written into a fresh file (`core.upkeep.salvage` reads past the damage).
References are then mended the only safe way: what cannot be shown is set aside (an article entry
with no body, a body no entry names, a bodies file of no story), each file copied first too.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import orjson

from tui.core.notes.types import SCHEMA as ANNOTATIONS_SCHEMA
from tui.core.notes.types import annotation_from_doc
from tui.core.store.backup import STAGING_MARK, restore_leftovers, tidy_restore_leftovers
from tui.core.store.journal import JOURNAL_FILE
from tui.core.store.library import ANNOTATIONS_FILE, SCHEMA_VERSION, Library
from tui.core.store.library_files import BACKUPS_DIR
from tui.core.store.schema import ShapeError, check_bodies, check_index, check_state
from tui.core.store.storage import LEFTOVER_SECONDS, AtomicJSONStorage, LibraryError, Tables
from tui.core.upkeep.salvage import salvage_tables

__all__ = ["DAMAGED_FOLDER", "Checkup", "Finding", "check_library", "repair_library"]

DAMAGED_FOLDER = "damaged"
"""Where repair keeps a copy of each file before it changes it."""

Kind = Literal["damaged", "reference", "leftover"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, said in one line that names the file."""

    kind: Kind
    path: Path
    text: str

    def line(self) -> str:
        return f"{self.path}: {self.text}"


@dataclass(slots=True)
class Checkup:
    """What a check found, and what a repair did."""

    files: int = 0
    """Store files checked."""
    findings: list[Finding] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    """One line per change a repair made."""

    @property
    def healthy(self) -> bool:
        return not self.findings


# --- each store file's records ------------------------------------------------------------------


def _check_annotations(tables: Tables, path: Path) -> None:
    meta = tables.get("meta", {}).get("1", {})
    schema = meta.get("schema", ANNOTATIONS_SCHEMA) if isinstance(meta, dict) else None
    if not isinstance(schema, int):
        raise ShapeError(f"{path}: meta 1: 'schema' is not a whole number")
    for doc_id, doc in tables.get("annotations", {}).items():
        try:
            annotation_from_doc(doc)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ShapeError(f"{path}: annotation {doc_id} is malformed ({exc!r})") from exc


@dataclass(frozen=True, slots=True)
class _StoreKind:
    """How one kind of store file is checked and what a fresh one starts with."""

    check: Callable[[Tables, Path], None]
    records: str
    """The table whose documents are the records salvaged one by one."""
    meta: tuple[str, dict[str, Any]] | None = None


_INDEX = _StoreKind(check_index, "stories", ("_meta", {"schema": SCHEMA_VERSION}))
_BODIES = _StoreKind(check_bodies, "bodies")
_STATE = _StoreKind(check_state, "state")
_OTHER = _StoreKind(lambda tables, path: None, "")
"""Another store file of the library (outlet profiles, feeds): checked as tables of documents."""
_ANNOTATIONS = _StoreKind(
    _check_annotations, "annotations", ("meta", {"schema": ANNOTATIONS_SCHEMA})
)


def _store_files(home: Path) -> list[tuple[Path, _StoreKind]]:
    found = [
        (home / "library.json", _INDEX),
        (home / "state.json", _STATE),
        (home / ANNOTATIONS_FILE, _ANNOTATIONS),
    ]
    found += [(path, _BODIES) for path in sorted((home / "articles").glob("*.json"))]
    known = {"library.json", "state.json", ANNOTATIONS_FILE, JOURNAL_FILE}
    found += [(path, _OTHER) for path in sorted(home.glob("*.json")) if path.name not in known]
    return [(path, kind) for path, kind in found if path.is_file()]


def _problem(data: bytes, path: Path, kind: _StoreKind) -> str | None:
    """Why this file cannot be used as it is, in words; None when it is sound."""
    if not data.strip():
        return "empty file"
    try:
        tables = orjson.loads(data)
    except ValueError as exc:
        return f"not valid JSON ({exc})"
    if not isinstance(tables, dict) or not all(isinstance(t, dict) for t in tables.values()):
        return "not tables of documents"
    try:
        kind.check(tables, path)
    except LibraryError as exc:
        return str(exc).removeprefix(f"{path}: ").split("; left as it is")[0]
    return None


def _salvage(data: bytes, path: Path, kind: _StoreKind) -> tuple[Tables, int, int]:
    """(fresh tables, records kept, records dropped): each record kept alone if it passes."""
    try:
        parsed = orjson.loads(data)
        tables: dict[str, Any] = parsed if isinstance(parsed, dict) else {}
    except ValueError:
        tables = salvage_tables(data)
    fresh: Tables = {}
    kept = dropped = 0
    for name, table in tables.items():
        if not isinstance(table, dict):
            dropped += 1
            continue
        good: dict[str, Any] = {}
        for doc_id, doc in table.items():
            record = _mended(name, doc, path, kind)
            if record is None:
                dropped += 1
            else:
                good[doc_id] = record
                kept += 1
        fresh[name] = good
    if kind.meta is not None:
        meta_table, meta = kind.meta
        try:
            kind.check({meta_table: fresh.get(meta_table, {})}, path)
            if not fresh.get(meta_table):
                raise ShapeError("no meta")
        except LibraryError:
            fresh[meta_table] = {"1": meta}
    if kind.records:
        fresh.setdefault(kind.records, {})
    return fresh, kept, dropped


def _mended(name: str, doc: Any, path: Path, kind: _StoreKind) -> Any:
    """The record as it may be kept (a story keeps its sound article entries), or None."""
    if kind is _INDEX and name == "stories" and isinstance(doc, dict):
        entries = doc.get("articles")
        if isinstance(entries, list):
            sound = [e for e in entries if _passes(kind, name, {**doc, "articles": [e]}, path)]
            doc = {**doc, "articles": sound}
    return doc if _passes(kind, name, doc, path) else None


def _passes(kind: _StoreKind, name: str, doc: Any, path: Path) -> bool:
    try:
        kind.check({name: {"1": doc}}, path)
    except (LibraryError, KeyError, TypeError, ValueError, AttributeError):
        return False
    return True


# --- checking -----------------------------------------------------------------------------------


def check_library(home: Path) -> Checkup:
    """Every problem in the library at `home`; writes nothing."""
    checkup = Checkup()
    sound: dict[Path, Tables] = {}
    for path, kind in _store_files(home):
        checkup.files += 1
        try:
            data = path.read_bytes()
        except OSError as exc:
            checkup.findings.append(Finding("damaged", path, f"cannot be read ({exc.strerror})"))
            continue
        problem = _problem(data, path, kind)
        if problem is None:
            sound[path] = orjson.loads(data)
        else:
            checkup.findings.append(Finding("damaged", path, problem))
    index = sound.get(home / "library.json")
    if index is not None:
        checkup.findings += _reference_findings(home, index, sound)
    checkup.findings += _leftover_findings(home)
    return checkup


def _reference_findings(home: Path, index: Tables, sound: dict[Path, Tables]) -> list[Finding]:
    found: list[Finding] = []
    named = {s["id"]: [a["id"] for a in s["articles"]] for s in index.get("stories", {}).values()}
    for story_id, article_ids in named.items():
        path = home / "articles" / f"{story_id}.json"
        if not article_ids:
            continue
        if not path.is_file():
            found.append(Finding("reference", path, f"missing: story {story_id}'s articles"))
            continue
        tables = sound.get(path)
        if tables is None:
            continue  # already said: damaged
        bodies = {b["id"] for b in tables.get("bodies", {}).values()}
        for article_id in article_ids:
            if article_id not in bodies:
                text = f"lacks article {article_id}, which story {story_id} lists"
                found.append(Finding("reference", path, text))
        for article_id in sorted(bodies - set(article_ids)):
            text = f"article {article_id} is in no story (left by an unfinished import)"
            found.append(Finding("reference", path, text))
    for path in sorted((home / "articles").glob("*.json")):
        if path.stem not in named:
            found.append(
                Finding("reference", path, "articles of a story the library does not hold")
            )
    return found


def _leftover_findings(home: Path) -> list[Finding]:
    found: list[Finding] = []
    if (home / JOURNAL_FILE).exists():
        found.append(Finding("leftover", home / JOURNAL_FILE, "an import did not finish"))
    for path in _leftovers(home, older_than=0.0):
        found.append(Finding("leftover", path, "left by a crosswire that was stopped"))
    for path in restore_leftovers(home):
        if path.name == STAGING_MARK or (path / STAGING_MARK).exists():
            found.append(Finding("leftover", path, "left by a restore that was stopped"))
        else:
            text = "the library a stopped restore replaced (--repair keeps it beside, dated)"
            found.append(Finding("leftover", path, text))
    return found


def _leftovers(home: Path, *, older_than: float) -> list[Path]:
    """Temp and probe files, and cache entries of the old pickle format."""
    now = time.time()
    cache = home / "cache" / "alignments"
    candidates = [
        *home.glob(".*.tmp"),
        *(home / "articles").glob(".*.tmp"),
        *home.glob(".write-test-*"),
        *cache.glob(".*.tmp"),
        *(home / BACKUPS_DIR).glob(".*.tmp"),
    ]
    old = [p for p in candidates if p.is_file() and now - p.stat().st_mtime >= older_than]
    return sorted([*old, *cache.glob("*.pickle")])


# --- repairing ----------------------------------------------------------------------------------


def repair_library(home: Path) -> Checkup:
    """Check, then mend what was found (see the module docstring); returns the check with
    `repaired` filled in. Holds the library's write lock throughout."""
    lock = AtomicJSONStorage(home / "library.json")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    with lock.locked():
        checkup = check_library(home)
        kinds = dict(_store_files(home))
        for finding in checkup.findings:
            if finding.kind == "damaged" and finding.path in kinds:
                kind = kinds[finding.path]
                data = finding.path.read_bytes()
                copy = _keep_copy(home, finding.path, stamp)
                fresh, kept, dropped = _salvage(data, finding.path, kind)
                AtomicJSONStorage(finding.path).write(fresh)
                checkup.repaired.append(
                    f"{finding.path}: kept {kept} readable record(s), set aside {dropped}; "
                    f"the damaged file is kept as {copy}"
                )
        if (home / "library.json").is_file():
            checkup.repaired += _mend_references(home, stamp)
        for path in _leftovers(home, older_than=LEFTOVER_SECONDS):
            path.unlink(missing_ok=True)
            checkup.repaired.append(f"{path}: removed (left by a crosswire that was stopped)")
        checkup.repaired += tidy_restore_leftovers(home)
    return checkup


def _keep_copy(home: Path, path: Path, stamp: str) -> Path:
    folder = home / DAMAGED_FOLDER
    folder.mkdir(exist_ok=True)
    name = "__".join(path.relative_to(home).parts)
    copy = folder / f"{name}.{stamp}"
    n = 1
    while copy.exists():
        n += 1
        copy = folder / f"{name}.{stamp}-{n}"
    shutil.copy2(path, copy)
    return copy


def _mend_references(home: Path, stamp: str) -> list[str]:
    done: list[str] = []
    library = Library(home)
    done += library.undo_unfinished_import()
    index_path = home / "library.json"
    index = AtomicJSONStorage(index_path, check=check_index)
    tables = index.read() or {}
    stories = tables.get("stories", {})
    bodies_of: dict[str, set[str]] = {}
    for story in stories.values():
        path = home / "articles" / f"{story['id']}.json"
        store = AtomicJSONStorage(path, check=check_bodies)
        found = store.read() or {}
        bodies_of[story["id"]] = {b["id"] for b in found.get("bodies", {}).values()}
    lost = [
        (story["id"], entry["id"])
        for story in stories.values()
        for entry in story["articles"]
        if entry["id"] not in bodies_of[story["id"]]
    ]
    if lost:
        copy = _keep_copy(home, index_path, stamp)
        with index.transaction() as changed:
            for story in changed.get("stories", {}).values():
                story["articles"] = [
                    e for e in story["articles"] if e["id"] in bodies_of[story["id"]]
                ]
        done += [
            f"{index_path}: story {sid} no longer lists article {aid}, whose text is lost "
            f"(the index is kept as {copy})"
            for sid, aid in lost
        ]
    named = {
        s["id"]: {e["id"] for e in s["articles"]}
        for s in (index.read() or {}).get("stories", {}).values()
    }
    for path in sorted((home / "articles").glob("*.json")):
        if path.stem not in named:
            copy = _keep_copy(home, path, stamp)
            path.unlink()
            done.append(f"{path}: set aside as {copy} (no story holds these articles)")
            continue
        store = AtomicJSONStorage(path, check=check_bodies)
        found = store.read() or {}
        strays = [
            b["id"] for b in found.get("bodies", {}).values() if b["id"] not in named[path.stem]
        ]
        if strays:
            copy = _keep_copy(home, path, stamp)
            with store.transaction() as changed:
                bodies = changed.get("bodies", {})
                for key in [k for k, b in bodies.items() if b["id"] in strays]:
                    del bodies[key]
            done.append(
                f"{path}: set aside {len(strays)} article(s) no story lists (kept in {copy})"
            )
    return done
