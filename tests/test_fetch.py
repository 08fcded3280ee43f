"""The fetcher against a real local HTTP server: every limit, one line per failed URL, and
`crosswire import URL...` importing the pages that worked."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunCli
from tests.web_server import FIXTURES, Route, WebServer
from tui import __version__
from tui.core.fetch.http import Fetched, Fetcher, FetchFailure, FetchLimits, Validators, user_agent
from tui.core.fetch.web_pages import PAGE_TYPES, collect_pages, is_url
from tui.core.store.importer import import_paths
from tui.core.store.library import Library

FAST = FetchLimits(
    connect_timeout=1.0,
    read_timeout=0.5,
    deadline=1.0,
    max_bytes=200_000,
    max_redirects=3,
    max_connections=4,
    max_per_host=2,
    user_agent=user_agent("9.9.9"),
)
"""Short limits so the bad answers fail fast."""


def _fetch(url: str, limits: FetchLimits = FAST) -> Fetched | FetchFailure:
    with Fetcher(limits) as fetcher:
        return fetcher.fetch(url, accept=PAGE_TYPES)


def _failure(url: str, limits: FetchLimits = FAST) -> str:
    outcome = _fetch(url, limits)
    assert isinstance(outcome, FetchFailure), outcome
    return str(outcome)


def test_a_page_is_fetched_with_a_user_agent_naming_crosswire(web: WebServer) -> None:
    outcome = _fetch(web.url("/harbour.html"))
    assert isinstance(outcome, Fetched)
    assert outcome.status == 200 and outcome.content_type == "text/html"
    assert b"Eastmouth" in outcome.body
    assert web.seen[-1].headers["User-Agent"].startswith("crosswire/9.9.9 (+http")


def test_redirects_are_followed_to_the_final_url(web: WebServer) -> None:
    outcome = _fetch(web.url("/moved"))
    assert isinstance(outcome, Fetched)
    assert outcome.final_url == web.url("/harbour.html")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing.html", "HTTP 404 Not Found"),
        ("/broken.html", "HTTP 500 Internal Server Error"),
        ("/loop-a", "redirect loop (back to http://127.0.0.1"),
        ("/hop0", "more than 3 redirects"),
        ("/to-file", "only http and https URLs are fetched, not 'file'"),
        ("/photo.png", "wrong content type (image/png)"),
        ("/huge.html", "larger than 200,000 bytes (2,000,007)"),
        ("/endless.html", "larger than 200,000 bytes; stopped reading"),
        ("/trickle.html", "not finished within 1 s; stopped reading"),
        ("/slow.html", "no answer within 0.5 s"),
    ],
)
def test_each_bad_answer_is_one_line_with_its_reason(
    web: WebServer, path: str, reason: str
) -> None:
    line = _failure(web.url(path))
    assert line.startswith(web.url(path) + ": ")
    assert reason in line
    assert "\n" not in line


def test_urls_that_are_not_http_are_refused_without_a_request() -> None:
    assert "only http and https" in _failure("ftp://127.0.0.1/x.html")
    assert "only http and https" in _failure("file:///etc/passwd")


def test_a_closed_port_is_one_line(web: WebServer) -> None:
    port = web.httpd.server_address[1]
    web.httpd.shutdown()
    web.httpd.server_close()
    assert "cannot connect" in _failure(f"http://127.0.0.1:{port}/x.html")


def test_conditional_get_sends_validators_and_reads_304(web: WebServer) -> None:
    modified = {"Last-Modified": "Wed, 01 Jan 2025 00:00:00 GMT"}
    page = (FIXTURES / "jsonld.html").read_bytes()
    web.add("/tagged.html", Route(page, etag='"v1"', headers=modified))
    with Fetcher(FAST) as fetcher:
        first = fetcher.fetch(web.url("/tagged.html"))
        assert isinstance(first, Fetched) and not first.not_modified
        assert first.validators == Validators('"v1"', "Wed, 01 Jan 2025 00:00:00 GMT")
        again = fetcher.fetch(web.url("/tagged.html"), validators=first.validators)
    assert isinstance(again, Fetched) and again.not_modified and again.body == b""
    assert web.seen[-1].headers["If-None-Match"] == '"v1"'
    assert web.seen[-1].headers["If-Modified-Since"] == "Wed, 01 Jan 2025 00:00:00 GMT"


def test_at_most_a_few_connections_per_host(web: WebServer) -> None:
    urls = [web.add(f"/wait{n}.html", web.routes["/wait.html"]) for n in range(6)]
    with Fetcher(FAST) as fetcher:
        outcomes = fetcher.fetch_all(urls)
    assert all(isinstance(o, Fetched) for o in outcomes)
    assert [o.url for o in outcomes] == urls  # in the order asked
    assert 1 <= web.max_in_flight <= FAST.max_per_host


def test_one_failure_never_stops_the_rest(web: WebServer) -> None:
    urls = [web.url(p) for p in ("/harbour.html", "/missing.html", "/photo.png", "/rail.html")]
    with Fetcher(FAST) as fetcher:
        collected = collect_pages(urls, fetcher)
    assert [p.url for p in collected.pages] == [urls[0], urls[3]]
    assert [line.split(": ", 1)[1] for line in collected.problems] == [
        "HTTP 404 Not Found",
        "wrong content type (image/png)",
    ]


def test_fetched_pages_import_with_their_metadata(web: WebServer, tmp_path: Path) -> None:
    with Fetcher(FAST) as fetcher:
        collected = collect_pages([web.url("/moved"), web.url("/rail.html")], fetcher)
    library = Library(tmp_path / "library")
    report = import_paths(library, [], pages=collected.pages)
    assert not report.problems
    harbour, rail = (item.article for item in report.imported)
    assert harbour.outlet == "Coastal Courier"
    assert harbour.source == web.url("/harbour.html")  # where the redirect ended
    assert harbour.url == web.url("/harbour.html")
    assert rail.outlet == "Midland Daily" and rail.date == "2024-11-02"
    again = import_paths(library, [], pages=collected.pages)
    assert not again.imported and len(again.skipped) == 2


def test_is_url() -> None:
    assert is_url("https://example.com/a") and is_url("ftp://x")
    assert not is_url("notes/page.html") and not is_url("-") and not is_url("C:\\x")


def test_cli_imports_urls_and_reports_each_failure(web: WebServer, run_cli: RunCli) -> None:
    result = run_cli("import", web.url("/harbour.html"), web.url("/missing.html"),
                     web.url("/rail.html"))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Coastal Courier" in result.stdout and "Midland Daily" in result.stdout
    assert result.stderr.strip() == f"{web.url('/missing.html')}: HTTP 404 Not Found"
    agents = {seen.headers["User-Agent"] for seen in web.seen}
    assert agents == {user_agent(__version__)}


def test_cli_exits_1_when_no_url_gave_an_article(web: WebServer, run_cli: RunCli) -> None:
    result = run_cli("import", web.url("/broken.html"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"{web.url('/broken.html')}: HTTP 500 Internal Server Error"
