"""Saved web pages: extraction on real pages of many site layouts, metadata, hostile markup, and
`crosswire import` of .html / .htm / .html.gz files.

Real pages are read from ../shared/html-dev (never copied into the repository); the small pages
in tests/fixtures/web are written for the cases they name.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import statistics
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, RunCli
from tui.core.ingest.clean import clean_text
from tui.core.ingest.html_page import PageError, extract_page, read_html_file
from tui.core.store.importer import import_paths
from tui.core.store.library import Library
from tui.core.text.textio import UnreadableFile

HTML_DEV = REPO_ROOT.parent / "shared" / "html-dev"
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "web"
_WORD = re.compile(r"\w+")


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return Counter(tuple(words[i : i + 4]) for i in range(max(len(words) - 3, 0)))


def _f1(found: str, truth: str) -> float:
    a, b = _shingles(found), _shingles(truth)
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


def _truth() -> dict[str, dict[str, str]]:
    return json.loads((HTML_DEV / "truth.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _body_kept(html: bytes, url: str | None) -> str:
    """What crosswire keeps of a page, headline aside (the true bodies leave it out)."""
    cleaned = clean_text(extract_page(html, url=url).raw_text(), extracted=True)
    return "\n".join(s.text for s in cleaned.sentences if s.kind != "title")


# News sites with different layouts: a wire-style news page, a tech blog, a magazine, a business
# site, a regional news site.
@pytest.mark.parametrize(
    "name",
    [
        "aljazeera-com-7916ecca",
        "9to5mac-com-ad826691",
        "appleinsider-com-65bf3048",
        "albawaba-com-833caf3b",
        "autoindustriya-com-3cb5e2f4",
    ],
)
def test_real_pages_of_several_layouts_keep_their_article(name: str) -> None:
    truth = _truth()[name]
    html = gzip.decompress((HTML_DEV / f"{name}.html.gz").read_bytes())
    assert _f1(_body_kept(html, truth["url"]), truth["body"]) >= 0.9


def test_crosswire_keeps_the_articles_of_the_development_pages() -> None:
    """Over all 101 pages, what crosswire keeps after cleaning scores F1 >= 0.95 against the
    hand-made bodies (bench/bench_html.py prints the full figures)."""
    truth = _truth()
    scores = [
        _f1(_body_kept(gzip.decompress((HTML_DEV / f"{n}.html.gz").read_bytes()), t["url"]),
            t["body"])
        for n, t in truth.items()
    ]  # fmt: skip
    assert len(scores) == 101
    assert statistics.fmean(scores) >= 0.95


def test_metadata_from_meta_tags_and_canonical_link() -> None:
    page = extract_page(read_html_file(FIXTURES / "metadata.html"))
    assert page.title == "Harbour reopens after three-day storm closure"
    assert page.site_name == "Coastal Courier"
    assert page.author == "Maria Lindqvist"
    assert page.date == "2025-03-14"
    assert page.url == "https://www.coastalcourier.example/news/harbour-reopens"
    assert page.text.startswith("The port of Eastmouth reopened")
    for junk in ("SCRIPT TEXT", "STYLE TEXT", "Subscribe now", "Most read", "Bakery", "Cookie"):
        assert junk not in page.text
    assert "harbour master Tomas Berg told reporters" in page.text


def test_metadata_from_json_ld() -> None:
    page = extract_page(read_html_file(FIXTURES / "jsonld.html"))
    assert page.title == "Rail workers end week-long strike after pay deal"
    assert (page.site_name, page.author, page.date) == ("Midland Daily", "Ade Okafor", "2024-11-02")
    assert len(page.text.split("\n")) == 4


def test_deeply_nested_malformed_page_with_escapes_keeps_every_paragraph() -> None:
    page = extract_page(read_html_file(FIXTURES / "nested_malformed.html"))
    assert page.title == "Wildfire near Valdor contained"
    assert len(page.text.split("\n")) == 4
    assert "\x1b" not in page.text and "\x07" not in page.text
    assert "[bold red]into the cause[/]" in page.text  # markup stays text, never interpreted


def test_page_without_an_article_is_refused() -> None:
    with pytest.raises(PageError, match="no article text"):
        extract_page(read_html_file(FIXTURES / "no_article.html"))
    with pytest.raises(PageError):
        extract_page(b"\x00\x01\x02 binary junk \xff\xfe")


def test_gzip_pages_are_read_and_bad_or_huge_ones_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress((FIXTURES / "jsonld.html").read_bytes()))
    assert b"Rail workers" in read_html_file(page)
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"not gzip at all")
    with pytest.raises(UnreadableFile, match="not a valid gzip"):
        read_html_file(broken)
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(page.read_bytes()[:-20])
    with pytest.raises(UnreadableFile, match="cut short"):
        read_html_file(cut)
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"a" * 3_000_000))
    with pytest.raises(UnreadableFile, match="larger than"):
        read_html_file(bomb, max_bytes=1_000_000)


def test_import_saved_pages_takes_outlet_title_date_url_and_author(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(FIXTURES / "metadata.html", folder / "harbour.htm")
    (folder / "rail.html.gz").write_bytes(gzip.compress((FIXTURES / "jsonld.html").read_bytes()))
    (folder / "empty.html").write_bytes((FIXTURES / "no_article.html").read_bytes())
    library = Library(tmp_path / "library")
    report = import_paths(library, [folder])
    assert report.problems == [f"{folder / 'empty.html'}: no article text found in the page"]
    by_outlet = {item.article.outlet: item.article for item in report.imported}
    harbour = by_outlet["Coastal Courier"]
    assert harbour.title == "Harbour reopens after three-day storm closure"
    assert harbour.date == "2025-03-14"
    assert harbour.url == "https://www.coastalcourier.example/news/harbour-reopens"
    assert harbour.author == "Maria Lindqvist"
    assert harbour.sentences[0].kind == "title"
    assert harbour.raw.startswith("Harbour reopens after three-day storm closure\n")
    rail = by_outlet["Midland Daily"]
    assert rail.date == "2024-11-02" and rail.author == "Ade Okafor"
    stored = {a.id: a for a in library.articles(report.story_ids[0])}
    assert stored[harbour.id].author == "Maria Lindqvist"
    # Importing the same pages again adds nothing.
    again = import_paths(library, [folder])
    assert not again.imported and len(again.skipped) == 2


def test_cli_imports_a_real_gzipped_page(run_cli: RunCli, tmp_path: Path) -> None:
    page = tmp_path / "aljazeera.html.gz"
    shutil.copy(HTML_DEV / "aljazeera-com-7916ecca.html.gz", page)
    result = run_cli("import", page)
    assert result.returncode == 0, result.stderr
    assert "Al Jazeera" in result.stdout
    assert "US service members killed in Afghanistan helicopter crash" in result.stdout


def test_many_pages_are_read_by_workers_with_the_same_result(tmp_path: Path) -> None:
    """Twelve pages or more are read by worker processes: same articles, same order, and a bad
    page is still its own problem."""
    from tui.core.ingest.prepare import MIN_PAGES_FOR_WORKERS, prepare_all

    pages = sorted(HTML_DEV.glob("*.html.gz"))[:MIN_PAGES_FOR_WORKERS]
    bad = tmp_path / "bad.html"
    bad.write_bytes((FIXTURES / "no_article.html").read_bytes())
    items = [*pages[:5], bad, *pages[5:]]
    serial = list(prepare_all(items, workers=1))
    parallel = list(prepare_all(items, workers=2))
    assert [isinstance(x, tuple) for x in serial] == [isinstance(x, tuple) for x in parallel]
    assert isinstance(parallel[5], UnreadableFile) and str(parallel[5]) == str(serial[5])
    assert str(parallel[5]) == f"{bad}: no article text found in the page"
    for one, other in zip(serial, parallel, strict=True):
        if not isinstance(one, UnreadableFile):
            assert not isinstance(other, UnreadableFile)
            assert one[0] == other[0] and one[1] == other[1]
