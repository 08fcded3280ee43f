"""JSON Lines files and standard input: each good line an article, each bad line one problem
naming its line number, the rest imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tui.core.ingest.jsonl import read_jsonl
from tui.core.store.importer import import_paths
from tui.core.store.library import Library

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "web"

DAM_TEXT = (
    "Dam breach floods valley\n"
    "A dam on the Ostra river gave way on Friday, flooding three villages downstream, officials "
    "said.\nAbout 2,000 people were moved to higher ground before the water arrived."
)
GOOD = {"outlet": "Wire One", "title": "Dam breach floods valley", "date": "2025-05-02",
        "text": DAM_TEXT}  # fmt: skip
PAGE = {"html": (FIXTURES / "metadata.html").read_text(encoding="utf-8"),
        "url": "https://www.coastalcourier.example/news/harbour-reopens"}  # fmt: skip


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"not json", "not valid JSON"),
        (b'["a list"]', "expected an object, found list"),
        (b'{"text": 5}', "'text' must be a string"),
        (b'{"outlet": "X"}', "no 'text' and no 'html'"),
        (b'{"text": "   "}', "no 'text' and no 'html'"),
        (b'{"text": "Hello there.", "date": "May 2"}', "'date': 'May 2' is not a date"),
        (b'{"text": "Hello.", "url": "javascript:alert(1)"}', "'url' is not an http(s) URL"),
        (b'{"text": "Hello.", "title": ["x"]}', "'title' must be a string"),
    ],
)
def test_a_bad_line_is_one_problem_with_its_line_number(line: bytes, reason: str) -> None:
    lines = [json.dumps(GOOD).encode(), b"", line, json.dumps(GOOD).encode()]
    pages, problems = read_jsonl(lines, name="in.jsonl")
    assert len(pages) == 2
    assert len(problems) == 1
    assert problems[0].startswith("in.jsonl:3: ")
    assert reason in problems[0]


def test_fields_are_read() -> None:
    (record,), _ = read_jsonl([json.dumps(GOOD).encode()], name="x.jsonl")
    assert (record.outlet, record.title, record.date) == ("Wire One", GOOD["title"], "2025-05-02")
    assert record.source == "x.jsonl:1" and record.text == DAM_TEXT and record.html is None
    (from_stdin,), _ = read_jsonl([json.dumps(GOOD).encode()], name="stdin", stable_place=False)
    assert from_stdin.source.startswith("stdin:") and from_stdin.label == "stdin:1"


def test_a_jsonl_file_imports_text_and_html_records(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_bytes(b"\n".join([json.dumps(GOOD).encode(), b"{broken", json.dumps(PAGE).encode()]))
    library = Library(tmp_path / "library")
    report = import_paths(library, [path])
    (problem,) = report.problems
    assert problem.startswith(f"{path}:2: not valid JSON (")
    wire, courier = (item.article for item in report.imported)
    assert (wire.outlet, wire.title, wire.date) == ("Wire One", GOOD["title"], "2025-05-02")
    assert wire.source == f"{path}:1"
    assert courier.outlet == "Coastal Courier"  # the page's site name
    assert courier.url == PAGE["url"] and courier.source == PAGE["url"]
    assert courier.date == "2025-03-14" and courier.author == "Maria Lindqvist"
    again = import_paths(library, [path])
    assert not again.imported and len(again.skipped) == 2


def test_a_record_whose_page_has_no_article_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"html": "<html><body><nav>Home</nav></body></html>",
                                "url": "https://x.example/a"}) + "\n")  # fmt: skip
    report = import_paths(Library(tmp_path / "library"), [path])
    assert report.problems == [f"{path}:1: no article text found in the page"]


def _import_stdin(library: Path, data: bytes) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "tui", "--library", str(library), "import", "-"],
        input=data, env=env, capture_output=True, timeout=120, check=False,
    )  # fmt: skip


def test_cli_reads_json_lines_from_stdin(tmp_path: Path) -> None:
    data = b"\n".join(
        [json.dumps(GOOD).encode(), b'{"text": 5}', b"\x1b]0;evil\x07 not json",
         json.dumps(PAGE).encode()]
    )  # fmt: skip
    result = _import_stdin(tmp_path / "library", data)
    assert result.returncode == 0, result.stderr
    out, err = result.stdout.decode(), result.stderr.decode()
    assert "Wire One" in out and "Coastal Courier" in out
    first, second = err.splitlines()
    assert first == "stdin:2: 'text' must be a string"
    assert second.startswith("stdin:3: not valid JSON (") and "\x1b" not in second
    # The same lines again: nothing new, and still exit 0.
    again = _import_stdin(tmp_path / "library", data)
    assert again.returncode == 0 and again.stdout.count(b"skipped, already in story") == 2


def test_cli_stdin_with_only_bad_lines_exits_1(tmp_path: Path) -> None:
    result = _import_stdin(tmp_path / "library", b"nope\n")
    assert result.returncode == 1
    assert result.stderr.decode().startswith("stdin:1: not valid JSON (")
    assert len(result.stderr.decode().splitlines()) == 1
