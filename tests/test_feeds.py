"""Feeds: RSS 0.91 / 1.0 / 2.0 and Atom parsing, OPML, an entity bomb refused, importing a feed
(file or URL) and following feeds (add, list, remove, refresh with conditional GET and robots.txt)
against a real local HTTP server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import RunCli
from tests.test_fetch import FAST
from tests.web_server import Route, WebServer
from tui.core.fetch.feeds import record_refresh, refresh_feeds
from tui.core.fetch.http import Fetcher
from tui.core.fetch.web_pages import collect
from tui.core.ingest.feed import FeedError, parse_feed, parse_opml
from tui.core.store.feeds import FeedList
from tui.core.store.importer import import_paths
from tui.core.store.library import Library

PARAGRAPHS = [
    "Volcanologists raised the alert level for Mount Sorell on Tuesday after a swarm of more "
    "than 300 small earthquakes shook the island overnight, the national geology office said.",
    "Residents of four villages on the northern slope were told to prepare to leave, and the "
    "regional airport closed its runway to flights from the west as a precaution.",
    "The volcano last erupted in 1987, when ash fell on the capital for two days and the "
    "harbour was shut for a week while crews cleared the shipping lanes.",
    "Scientists flew over the crater at dawn and measured sulphur dioxide at three times the "
    "usual level, a sign that fresh magma may be rising toward the surface, they said.",
    "The island's governor said schools would stay open for now, but buses were ready to "
    "carry people to shelters in the south if the alert was raised again.",
    "Tour operators cancelled walks to the summit, and the park service closed every trail "
    "above the tree line until further notice, a spokesman said on Tuesday afternoon.",
]
FULL_HTML = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def rss2(base: str, *, extra: str = "") -> bytes:
    """An RSS 2.0 feed: one item carrying its article, two with only a summary and a link."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Island Wire</title><link>{base}/</link><description>News</description>
<item><title>Alert raised for Mount Sorell</title><link>{base}/sorell.html</link>
<guid>sorell-1</guid><pubDate>Tue, 04 Mar 2025 09:30:00 GMT</pubDate>
<description>Alert raised.</description>
<content:encoded><![CDATA[{FULL_HTML}]]></content:encoded></item>
<item><title>Harbour reopens</title><link>{base}/harbour.html</link><guid>harbour-1</guid>
<pubDate>Fri, 14 Mar 2025 08:30:00 GMT</pubDate><description>The port reopened.</description></item>
<item><title>Rail strike ends</title><link>{base}/rail.html</link><guid>rail-1</guid>
<description>Workers return.</description></item>
{extra}</channel></rss>""".encode()


ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<link href="https://atom.example/"/><id>urn:atom-wire</id><updated>2025-03-04T10:00:00Z</updated>
<entry><title>Alert raised for Mount Sorell</title><id>urn:sorell</id>
<link href="https://atom.example/sorell"/><updated>2025-03-04T10:00:00Z</updated>
<author><name>Lena Marsh</name></author>
<content type="html"><![CDATA[{FULL_HTML}]]></content></entry>
<entry><title>Short one</title><id>urn:short</id><link href="https://atom.example/short"/>
<updated>2025-03-05T10:00:00Z</updated><summary>Only a summary.</summary></entry>
</feed>""".encode()

RSS1 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example/"><title>RDF Wire</title><link>https://rdf.example/</link>
<description>d</description></channel>
<item rdf:about="https://rdf.example/a"><title>First</title><link>https://rdf.example/a</link>
<dc:date>2025-01-02T03:04:00Z</dc:date><description>Summary.</description></item>
</rdf:RDF>"""

RSS091 = b"""<?xml version="1.0"?>
<rss version="0.91"><channel><title>Old Wire</title><link>https://old.example/</link>
<description>d</description><language>en</language>
<item><title>Old item</title><link>https://old.example/1</link><description>Text.</description></item>
</channel></rss>"""

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
<rss version="2.0"><channel><title>&f;</title>
<item><title>&f;</title><link>https://bomb.example/1</link><description>&f;</description></item>
</channel></rss>"""

OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
<outline text="News"><outline type="rss" text="Island Wire" xmlUrl="https://island.example/feed"/>
<outline type="rss" text="Atom Wire" title="Atom Wire" xmlUrl="https://atom.example/feed"/></outline>
<outline type="rss" text="Dup" xmlUrl="https://island.example/feed"/>
<outline type="rss" text="Not web" xmlUrl="javascript:alert(1)"/>
<outline text="no url"/>
</body></opml>"""


def test_rss2_items_full_text_and_summaries() -> None:
    feed = parse_feed(rss2("https://island.example"))
    assert feed.title == "Island Wire"
    sorell, harbour, rail = feed.items
    assert sorell.key == "sorell-1" and sorell.html and "Volcanologists" in sorell.html
    assert sorell.date == "2025-03-04T09:30+00:00"
    assert harbour.html is None and harbour.link == "https://island.example/harbour.html"
    assert harbour.date == "2025-03-14T08:30+00:00" and rail.date is None


def test_atom_rss1_and_rss091() -> None:
    atom = parse_feed(ATOM)
    assert atom.title == "Atom Wire"
    assert [i.key for i in atom.items] == ["urn:sorell", "urn:short"]
    assert atom.items[0].author == "Lena Marsh" and atom.items[0].html
    assert atom.items[1].html is None and atom.items[0].date == "2025-03-04T10:00+00:00"
    rdf = parse_feed(RSS1)
    assert rdf.title == "RDF Wire" and rdf.items[0].link == "https://rdf.example/a"
    assert rdf.items[0].date == "2025-01-02T03:04+00:00"
    old = parse_feed(RSS091)
    assert old.title == "Old Wire" and old.items[0].title == "Old item"


def test_entity_bomb_is_refused() -> None:
    with pytest.raises(FeedError, match="declares XML entities"):
        parse_feed(BOMB)
    with pytest.raises(FeedError, match="declares XML entities"):
        parse_opml(BOMB.replace(b"<rss", b"<opml"))


def test_not_a_feed() -> None:
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        parse_feed(b"<html><body><p>hello</p></body></html>")


def test_opml_lists_each_http_feed_once() -> None:
    refs = parse_opml(OPML)
    assert [(r.url, r.title) for r in refs] == [
        ("https://island.example/feed", "Island Wire"),
        ("https://atom.example/feed", "Atom Wire"),
    ]
    with pytest.raises(FeedError, match="not OPML"):
        parse_opml(b"<rss/>")
    with pytest.raises(FeedError, match="not valid OPML"):
        parse_opml(b"<opml><body>")


def test_a_feed_url_imports_its_items_fetching_summary_only_pages(
    web: WebServer, tmp_path: Path
) -> None:
    feed_url = web.add("/feed.xml", Route(rss2(web.base), content_type="application/rss+xml"))
    with Fetcher(FAST) as fetcher:
        collected = collect([feed_url], [], fetcher)
    assert not collected.problems
    wanted = [web.url(p) for p in ("/sorell.html", "/harbour.html", "/rail.html")]
    assert [p.url for p in collected.pages] == wanted
    assert "/sorell.html" not in web.paths_seen()  # carried whole: not fetched
    report = import_paths(Library(tmp_path / "library"), [], pages=collected.pages)
    by_title = {item.article.title: item.article for item in report.imported}
    sorell = by_title["Alert raised for Mount Sorell"]
    assert sorell.date == "2025-03-04T09:30+00:00" and len(sorell.sentences) >= 6
    assert by_title["Harbour reopens after three-day storm closure"].outlet == "Coastal Courier"


def test_a_feed_file_and_a_failing_item(web: WebServer, tmp_path: Path) -> None:
    missing = f"<item><title>Gone</title><link>{web.base}/missing.html</link></item>"
    path = tmp_path / "island.rss"
    path.write_bytes(rss2(web.base, extra=missing))
    with Fetcher(FAST) as fetcher:
        collected = collect([], [path], fetcher)
    assert len(collected.pages) == 3
    assert collected.problems == [f"{web.url('/missing.html')}: HTTP 404 Not Found"]


def test_following_and_refreshing(web: WebServer, tmp_path: Path) -> None:
    feed_url = web.add("/feed.xml", Route(rss2(web.base), content_type="application/rss+xml",
                                          etag='"feed-v1"'))  # fmt: skip
    home = tmp_path / "library"
    library, feed_list = Library(home), FeedList(home)
    followed, new = feed_list.add(feed_url, "Island Wire")
    assert new and feed_list.add(feed_url)[1] is False
    with Fetcher(FAST) as fetcher:
        first = refresh_feeds(feed_list.feeds(), fetcher)
    assert len(first.pages) == 3 and not first.problems
    assert "/robots.txt" in web.paths_seen()  # asked (404: everything allowed)
    import_paths(library, [], pages=first.pages)
    record_refresh(feed_list, first)
    (after,) = feed_list.feeds()
    assert after.last_result == "3 new items" and after.etag == '"feed-v1"'
    assert set(after.seen) == {"sorell-1", "harbour-1", "rail-1"}
    # Unchanged feed: a conditional GET answered 304, nothing fetched again.
    seen_before = len(web.seen)
    with Fetcher(FAST) as fetcher:
        second = refresh_feeds(feed_list.feeds(), fetcher)
    assert not second.pages and second.updates[0].result == "not modified"
    assert web.seen[-1].headers.get("If-None-Match") == '"feed-v1"'
    assert [s.path for s in web.seen[seen_before:]] == ["/robots.txt", "/feed.xml"]
    # A changed feed (new ETag) with one new item: only that item is taken.
    extra = f"<item><title>New</title><link>{web.base}/wait.html</link><guid>new-1</guid></item>"
    web.add("/feed.xml", Route(rss2(web.base, extra=extra), content_type="application/rss+xml",
                               etag='"feed-v2"'))  # fmt: skip
    with Fetcher(FAST) as fetcher:
        third = refresh_feeds(feed_list.feeds(), fetcher)
    assert [p.url for p in third.pages] == [web.url("/wait.html")]
    record_refresh(feed_list, third)
    assert feed_list.feeds()[0].etag == '"feed-v2"'
    feed_list.remove(followed.id)
    assert feed_list.feeds() == []


def test_refresh_honours_robots_txt(web: WebServer, tmp_path: Path) -> None:
    web.add("/robots.txt", Route(b"User-agent: crosswire\nDisallow: /private/\n",
                                 content_type="text/plain"))  # fmt: skip
    allowed = web.add("/feed.xml", Route(rss2(web.base), content_type="application/rss+xml"))
    banned = web.add("/private/feed.xml", Route(rss2(web.base)))
    feed_list = FeedList(tmp_path)
    feed_list.add(allowed)
    feed_list.add(banned)
    with Fetcher(FAST) as fetcher:
        refreshed = refresh_feeds(feed_list.feeds(), fetcher)
    assert "/private/feed.xml" not in web.paths_seen()
    assert refreshed.problems == [f"{banned}: robots.txt does not allow crosswire to fetch it"]
    assert len(refreshed.pages) == 3


def test_refresh_skips_a_site_whose_robots_txt_fails(web: WebServer, tmp_path: Path) -> None:
    web.add("/robots.txt", Route(b"down", 503, "text/plain"))
    feed_url = web.add("/feed.xml", Route(rss2(web.base), content_type="application/rss+xml"))
    feed_list = FeedList(tmp_path)
    feed_list.add(feed_url)
    with Fetcher(FAST) as fetcher:
        refreshed = refresh_feeds(feed_list.feeds(), fetcher)
    assert not refreshed.pages and "/feed.xml" not in web.paths_seen()
    assert "robots.txt could not be read (HTTP 503" in refreshed.problems[0]


def test_cli_feeds_commands(web: WebServer, run_cli: RunCli, tmp_path: Path) -> None:
    feed_url = web.add("/feed.xml", Route(rss2(web.base), content_type="application/rss+xml"))
    result = run_cli("feeds", "add", feed_url, web.url("/harbour.html"))
    assert result.returncode == 0
    assert result.stdout.startswith("following Island Wire (1) ")
    assert result.stderr.strip() == f"{web.url('/harbour.html')}: wrong content type (text/html)"
    refresh = run_cli("feeds", "refresh")
    assert refresh.returncode == 0, refresh.stderr
    assert "Island Wire (1): 3 new items" in refresh.stdout
    assert "Coastal Courier" in refresh.stdout
    listing = json.loads(run_cli("feeds", "list", "--json").stdout)["feeds"]
    assert listing[0]["last_result"] == "3 new items" and listing[0]["items_taken"] == 3
    again = run_cli("feeds", "refresh")
    assert "Island Wire (1): 0 new items" in again.stdout
    opml = tmp_path / "list.opml"
    opml.write_bytes(OPML)
    imported = run_cli("feeds", "import", opml)
    assert imported.stdout.startswith("following 2 new feeds of 2")
    assert run_cli("feeds", "remove", "1").returncode == 0
    assert feed_url not in run_cli("feeds", "list").stdout
    bomb = tmp_path / "bomb.opml"
    bomb.write_bytes(BOMB)
    refused = run_cli("feeds", "import", bomb)
    assert refused.returncode == 2 and "declares XML entities" in refused.stderr
