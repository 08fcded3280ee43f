"""`crosswire compare` as a real process: JSON document shape and the readable report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import RunCli

from tui.core.store.library import Library, now_iso
from tui.core.models import Article, Sentence


@pytest.fixture
def imported(run_cli: RunCli, seed_paths: list[Path]) -> RunCli:
    result = run_cli("import", *seed_paths)
    assert result.returncode == 0, result.stderr
    return run_cli


def test_json_document(imported: RunCli) -> None:
    result = imported("compare", "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert list(doc) == [
        "schema",
        "story",
        "outlets",
        "articles",
        "clusters",
        "drift",
        "pairs",
        "families",
        "coverage",
        "timeline",
    ]
    assert doc["schema"] == 3
    assert doc["story"]["origin_outlet"] in ("Portugal Colonial", "TRT World")
    articles = {a["outlet"]: a for a in doc["articles"]}
    assert len(articles) == 5
    assert list(articles["SadaNews"]) == [
        "id",
        "outlet",
        "source",
        "title",
        "origin",
        "sentences",
        "missing",
        "removed",
    ]
    sentence = articles["SadaNews"]["sentences"][0]
    assert list(sentence) == ["index", "text", "status", "cluster", "outlets"]
    missing = [m["text"] for m in articles["SadaNews"]["missing"]]
    assert any(t.startswith("Their meeting was preceded") for t in missing)
    assert articles["Portugal Colonial"]["removed"], "the headline list is reported as removed"
    members = [(m["article"], m["sentence"]) for c in doc["clusters"] for m in c["members"]]
    every = [(a["id"], s["index"]) for a in doc["articles"] for s in a["sentences"]]
    assert sorted(members) == sorted(every)
    assert any(d["a"] == "Shinjiro Koizumi" and d["b"] == "Shingo Kiyozumi" for d in doc["drift"])
    assert list(doc["drift"][0]) == [
        "cluster",
        "kind",
        "scope",
        "a",
        "b",
        "outlets_a",
        "outlets_b",
        "refs_a",
        "refs_b",
    ]
    across = [d for d in doc["drift"] if d["scope"] == "story"]
    assert [(d["kind"], d["a"], d["b"], d["outlets_b"]) for d in across] == [
        ("date", "Friday", "Thursday", ["Ground News"])
    ]
    assert len(doc["pairs"]) == 5 * 4


def test_same_library_gives_the_same_document(imported: RunCli) -> None:
    assert imported("compare", "--json").stdout == imported("compare", "--json").stdout


def test_readable_report(imported: RunCli) -> None:
    result = imported("compare", "japan missiles")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Likely origin:" in out
    assert "Shingo Kiyozumi" in out
    assert "across sentences" in out  # the Thursday/Friday event-date drift is explained
    assert "Spelling variants: defence / defense" in out
    assert "Coverage" in out and "SadaNews" in out


def test_every_drift_shows_both_sentences(imported: RunCli) -> None:
    out = " ".join(imported("compare", "japan missiles").stdout.split())
    assert "“This agreement comes" in out
    assert "“The agreement came on" in out, "the other version's sentence beside it"


def test_families_and_their_evidence(imported: RunCli) -> None:
    doc = json.loads(imported("compare", "--json").stdout)
    (family,) = doc["families"]
    assert family["origin"] == doc["story"]["origin"]
    assert {"Portugal Colonial", "TRT World"} <= set(family["outlets"])
    assert family["evidence"].startswith(f"{family['near_verbatim']} of ")
    readable = imported("compare", "japan missiles").stdout
    assert "Wire family: " in readable and "near-verbatim" in readable


def test_independent_reports_have_no_origin(run_cli: RunCli) -> None:
    story = Path(__file__).parent / "fixtures" / "truth" / "dev" / "yunnan-ludian-quake-2014"
    assert run_cli("import", str(story)).returncode == 0
    doc = json.loads(run_cli("compare", "Ludian", "--json").stdout)
    assert doc["story"]["origin"] is None and doc["families"] == []
    readable = " ".join(run_cli("compare", "Ludian").stdout.split())
    assert "Likely origin: none: independent reports, no common copy" in readable


def test_article_text_is_never_markup(run_cli: RunCli, library_home: Path) -> None:
    library = Library(library_home)
    story = library.create_story("Markup story")
    texts = [
        "[bold red]Not markup[/] appears verbatim in the report.",
        "A second [link] line here.",
    ]
    sentences = tuple(Sentence(n, t, 0, len(t), n) for n, t in enumerate(texts))
    articles = [
        Article(
            f"{story.id}-{n}",
            story.id,
            f"[i]Outlet {n}[/i]",
            texts[0],
            f"f{n}.txt",
            None,
            None,
            now_iso(),
            "\n".join(texts),
            "\n".join(texts),
            sentences,
            (),
        )
        for n in range(2)
    ]
    library.add_articles(story.id, articles)
    result = run_cli("compare", story.id)
    assert result.returncode == 0, result.stderr
    assert "[bold red]Not markup[/]" in result.stdout
    assert "[i]Outlet 0[/i]" in result.stdout


def test_unknown_story_is_one_line(imported: RunCli) -> None:
    result = imported("compare", "zzzz-no-such-story-qqqq")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
