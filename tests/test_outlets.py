"""Naming outlets: override > manifest > URL > text cues > file name."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.ingest.outlets import (
    UNKNOWN_OUTLET,
    detect_outlet,
    outlet_from_filename,
    outlet_from_text,
    outlet_from_url,
    registrable_domain,
    wire_credit,
)
from tui.core.text.textio import read_text_file

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed(prefix: str) -> tuple[str, str]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return read_text_file(path), path.name


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://www.trtworld.com/article/737a5743b3e8", "TRT World"),
        ("www.trtworld.com", "TRT World"),
        ("https://www.sadanews.ps/en/news/267065.html", "SadaNews"),
        ("https://ground.news/article/japan-and-us", "Ground News"),
        ("https://www.portugalcolonial.pt/en/Politics/610700.html", "Portugal Colonial"),
        ("https://edition.cnn.com/2026/01/16/asia/x", "CNN"),
        ("https://www.bbc.co.uk/news/articles/x", "BBC"),
        ("https://news.example.co.uk/story", "example.co.uk"),
        ("http://blog.unknown-site.org:8080/p?q=1", "unknown-site.org"),
    ],
)
def test_outlet_from_url(url: str, name: str) -> None:
    assert outlet_from_url(url) == name


@pytest.mark.parametrize(
    "url", ["", "   ", "not a url", "file:///tmp/page.txt", "http://localhost/x"]
)
def test_outlet_from_url_gives_none_without_a_domain(url: str) -> None:
    assert outlet_from_url(url) is None


def test_registrable_domain() -> None:
    assert registrable_domain("news.example.co.uk") == "example.co.uk"
    assert registrable_domain("WWW.TRTWORLD.COM.") == "trtworld.com"
    assert registrable_domain("localhost.localdomain") == "localhost.localdomain"


def test_priority_override_manifest_url_text_filename() -> None:
    raw, name = _seed("004")  # its lede names SadaNews
    url = "https://www.trtworld.com/a/1"
    assert detect_outlet(raw, filename=name, url=url, manifest_outlet="M", override="O") == "O"
    assert detect_outlet(raw, filename=name, url=url, manifest_outlet="M") == "M"
    assert detect_outlet(raw, filename=name, url=url) == "TRT World"
    assert detect_outlet(raw, filename=name) == "SadaNews"
    assert detect_outlet("No cues here at all.", filename="reuters-japan-deal.txt") == "Reuters"
    assert detect_outlet("No cues here at all.") == UNKNOWN_OUTLET


def test_blank_override_and_manifest_are_ignored() -> None:
    assert detect_outlet("Text.", filename="x.txt", override="  ", manifest_outlet="") == "x"


@pytest.mark.parametrize(
    ("prefix", "outlet"),
    [
        ("000", "Ground News"),  # its coverage widgets
        ("002", "Portugal Colonial"),  # 'P.Serra--PC'
        ("003", "TRT World"),  # 'RelatedTRT World - ...'
        ("004", "SadaNews"),  # 'SadaNews - Tokyo and ...'
    ],
)
def test_seed_text_cues(prefix: str, outlet: str) -> None:
    raw, name = _seed(prefix)
    assert detect_outlet(raw, filename=name) == outlet


def test_seed_without_cues_falls_back_to_the_stem() -> None:
    raw, name = _seed("001")
    assert detect_outlet(raw, filename=name) == Path(name).stem


def test_datelines_are_not_outlets() -> None:
    raw = (
        "WASHINGTON \u2014 Defense Minister Shinjiro Koizumi and his U.S. counterpart agreed "
        "Thursday to strengthen the alliance.\n"
        "Tokyo - Officials in the capital said on Friday that the agreement would take effect "
        "immediately.\n"
    )
    assert outlet_from_text(raw) is None


def test_unknown_masthead_prefix_in_lede() -> None:
    raw = "Kyiv Independent News - Officials said on Friday that talks would resume in Geneva."
    assert outlet_from_text(raw + " " * 10) == "Kyiv Independent News"


@pytest.mark.parametrize(
    ("filename", "name"),
    [
        ("003_d7bb37f40b9910b9.txt", "003_d7bb37f40b9910b9"),
        ("trtworld-japan-missiles.txt", "TRT World"),
        ("www.bbc.co.uk.txt", "BBC"),
        ("groundnews_003.txt", "Ground News"),
        ("ground_truth.txt", "ground_truth"),
        ("/some/dir/my notes.txt", "my notes"),
    ],
)
def test_outlet_from_filename(filename: str, name: str) -> None:
    assert outlet_from_filename(filename) == name


@pytest.mark.parametrize(
    ("raw", "agency"),
    [
        ("Body text.\nSOURCE:AFP\nExplore", "AFP"),
        ("Body text.\nSource: Reuters", "Reuters"),
        ("TOKYO (Kyodo) - Japan and the United States agreed on Friday.", "Kyodo"),
        ("Body text.\nP.Serra--PC", None),
        ("Source: a person familiar with the talks", None),
        ("No credit at all.", None),
    ],
)
def test_wire_credit(raw: str, agency: str | None) -> None:
    assert wire_credit(raw) == agency


def test_wire_credit_does_not_name_the_outlet() -> None:
    raw, name = _seed("003")
    assert wire_credit(raw) == "AFP"
    assert detect_outlet(raw, filename=name) == "TRT World"


def test_names_lose_escapes_and_controls_and_keep_markup_literal() -> None:
    assert detect_outlet("x", override="Esc\x1b[31mRed\u202e") == "EscRed"
    assert detect_outlet("x", manifest_outlet="[blink]Plain[/blink]\x07") == "[blink]Plain[/blink]"
    assert detect_outlet("x", url="https://www.trtworld.com/\x1b[2J") == "TRT World"
    assert detect_outlet("x", filename="city\x1b]0;PWNED\x07_news.txt") == "city_news"


def test_a_name_made_only_of_controls_is_no_evidence() -> None:
    assert detect_outlet("x", override="\x1b[2J", manifest_outlet="Daily Herald") == "Daily Herald"
    assert detect_outlet("x", manifest_outlet="\x07\u202e", filename="wire.txt") == "wire"
    assert detect_outlet("x", filename="\x1b[2J.txt") == "Unknown outlet"
