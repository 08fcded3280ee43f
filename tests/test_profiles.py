"""Outlet profiles: the fields and their scales, the library's profile file, the shared CSV file
(round trip, a bad file naming its line) and `crosswire outlets` through the real dispatcher."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.core.profiles.book import PROFILES_FILE, ProfileBook
from tui.core.profiles.csv_file import (
    ProfileFileError,
    parse_profiles,
    profiles_to_csv,
    read_profile_file,
)
from tui.core.profiles.lookup import ProfileIndex
from tui.core.profiles.types import (
    OutletProfile,
    ProfileError,
    check_field,
    parse_domain,
    parse_lean,
)
from tui.core.store.storage import LibraryError


@pytest.mark.parametrize(
    ("typed", "lean"),
    [
        ("far-left", "far-left"),
        ("Lean Left", "lean-left"),
        ("-1", "lean-left"),
        ("0", "center"),
        ("centre", "center"),
        ("+2", "right"),
        ("3", "far-right"),
        ("far_right", "far-right"),
        ("centre-right", "lean-right"),
    ],
)
def test_a_lean_is_read_from_the_ways_people_write_it(typed: str, lean: str) -> None:
    assert parse_lean(typed) == lean


@pytest.mark.parametrize("typed", ["sideways", "4", "-4", "leftish", "[bold]left[/]"])
def test_a_lean_off_the_scale_is_refused(typed: str) -> None:
    with pytest.raises(ProfileError, match="is not one of far-left"):
        parse_lean(typed)


@pytest.mark.parametrize(
    ("typed", "domain"),
    [
        ("afp.com", "afp.com"),
        ("https://www.AFP.com/en/news?x=1", "afp.com"),
        ("news.bbc.co.uk", "news.bbc.co.uk"),
        ("http://user@example.org:8080/", "example.org"),
    ],
)
def test_a_domain_is_kept_as_its_host(typed: str, domain: str) -> None:
    assert parse_domain(typed) == domain


@pytest.mark.parametrize("typed", ["not a domain", "localhost", "-bad.com", "a..b"])
def test_a_value_that_is_no_domain_is_refused(typed: str) -> None:
    with pytest.raises(ProfileError, match="not a web domain"):
        parse_domain(typed)


def test_names_lose_escapes_and_controls_and_an_empty_value_clears() -> None:
    assert check_field("name", "\x1b]0;pwned\x07Evil\u202eNews") == "EvilNews"
    assert check_field("country", "") is None
    assert check_field("aliases", "AFP; Agence France-Presse, Paris;") == (
        "AFP",
        "Agence France-Presse, Paris",
    )
    with pytest.raises(ProfileError, match="needs a name"):
        check_field("name", "\x1b[31m")
    with pytest.raises(ProfileError, match="no field"):
        check_field("colour", "red")


def test_an_article_finds_its_profile_by_name_alias_or_domain() -> None:
    index = ProfileIndex(
        [
            OutletProfile("AFP", aliases=("Agence France-Presse",), domains=("afp.com",)),
            OutletProfile("BBC", domains=("bbc.co.uk", "news.bbc.co.uk")),
        ]
    )
    assert index.for_article("agence france-presse", None).name == "AFP"  # type: ignore[union-attr]
    assert index.for_article("Unknown", "https://www.afp.com/x").name == "AFP"  # type: ignore[union-attr]
    assert index.for_article("?", "https://sport.news.bbc.co.uk/a").name == "BBC"  # type: ignore[union-attr]
    assert index.for_article("?", "https://notafp.com/x") is None
    assert index.for_article("?", "https://co.uk/") is None
    assert index.for_article("?", "not a url at all") is None
    # a typed name wins over the page's domain
    index2 = ProfileIndex(
        [OutletProfile("AFP"), OutletProfile("Ground News", domains=("ground.news",))]
    )
    assert index2.for_article("AFP", "https://ground.news/article/x").name == "AFP"  # type: ignore[union-attr]


# --- the library's profile file ------------------------------------------------------------------


def test_edits_persist_in_the_library_and_a_rename_keeps_the_old_name(tmp_path: Path) -> None:
    book = ProfileBook(tmp_path)
    book.set_fields("AFP", {"lean": "center", "type": "wire", "domains": "afp.com"})
    book.set_fields("afp", {"country": "France"})  # case aside, the same outlet
    book.set_fields("AFP", {"name": "Agence France-Presse"})
    again = ProfileBook(tmp_path)
    (profile,) = again.profiles()
    assert profile == OutletProfile(
        "Agence France-Presse",
        aliases=("AFP",),
        domains=("afp.com",),
        country="France",
        type="wire",
        lean="center",
    )
    again.set_fields("AFP", {"lean": ""})  # an alias names the profile too; '' clears
    assert again.get("Agence France-Presse").lean is None  # type: ignore[union-attr]


def test_a_name_belongs_to_one_profile_only(tmp_path: Path) -> None:
    book = ProfileBook(tmp_path)
    book.set_fields("AFP", {})
    book.set_fields("Reuters", {})
    with pytest.raises(ProfileError, match="already a name of 'AFP'"):
        book.set_fields("Reuters", {"aliases": "afp"})
    assert [p.aliases for p in book.profiles()] == [(), ()]  # nothing half written


def test_merging_two_outlet_names_makes_one_profile(tmp_path: Path) -> None:
    book = ProfileBook(tmp_path)
    book.set_fields("AFP", {"lean": "center", "domains": "afp.com"})
    book.set_fields(
        "Agence France-Presse", {"lean": "left", "country": "France", "domains": "afpforum.com"}
    )
    merged = book.merge("AFP", "Agence France-Presse")
    assert merged == OutletProfile(
        "AFP",
        aliases=("Agence France-Presse",),
        domains=("afp.com", "afpforum.com"),
        country="France",
        lean="center",  # the kept profile's value wins; its missing ones come from the other
    )
    assert book.profiles() == [merged]
    # a name without a profile merges too: an outlet imported under a third name
    assert book.merge("AFP", "AFP News").aliases == ("Agence France-Presse", "AFP News")
    with pytest.raises(ProfileError, match="already a name"):
        book.merge("AFP", "afp news")
    with pytest.raises(ProfileError, match="into itself"):
        book.merge("AFP", "afp")


def test_a_corrupt_profile_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    (tmp_path / PROFILES_FILE).write_text('{"profiles": {"1": {"name": "X", "lean": "up"}}}')
    with pytest.raises(LibraryError, match="profile 1 is malformed"):
        ProfileBook(tmp_path)
    (tmp_path / PROFILES_FILE).write_text("{not json")
    with pytest.raises(LibraryError, match="not valid JSON"):
        ProfileBook(tmp_path)
    assert (tmp_path / PROFILES_FILE).read_text() == "{not json"


# --- the shared CSV file -----------------------------------------------------------------------


def test_the_csv_file_round_trips_every_field_and_defuses_formulas(tmp_path: Path) -> None:
    profiles = [
        OutletProfile(
            "AFP",
            aliases=("Agence France-Presse", "AFP, Paris"),
            domains=("afp.com",),
            country="France",
            language="fr",
            owner="Agence France-Presse",
            type="wire",
            lean="center",
        ),
        OutletProfile('=HYPERLINK("http://x")', lean="far-right"),
        OutletProfile('Blog "quotes"; more', type="blog"),
    ]
    text = profiles_to_csv(profiles)
    assert "\n\"'=HYPERLINK" in text  # a spreadsheet reads it as text, not a formula
    path = tmp_path / "outlets.csv"
    path.write_text(text, encoding="utf-8")
    assert read_profile_file(path) == profiles


def test_a_spreadsheet_file_with_a_bom_and_columns_in_any_order_reads(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("\ufeffLean,Name\r\ncenter,BBC\r\n,,\r\nright,Fox News\r\n".encode())
    assert read_profile_file(path) == [
        OutletProfile("BBC", lean="center"),
        OutletProfile("Fox News", lean="right"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,lean\nBBC,center\nFox,sideways\n", "x.csv:3: lean 'sideways' is not one of"),
        ("name,lean,colour\nBBC,center,red\n", "x.csv:1: unknown column(s) 'colour'"),
        ("lean\ncenter\n", "x.csv:1: the header needs a 'name' column"),
        ("name,name\nA,B\n", "x.csv:1: column(s) name named twice"),
        ('name,lean\nBBC,center\n\n"Fox,right\n', "x.csv:4: not valid CSV"),
        ("name,lean\nBBC,center,extra\n", "x.csv:2: 3 cells, but the header names 2"),
        ("name,type\nBBC,tabloid\n", "x.csv:2: type 'tabloid' is not one of wire"),
        ("name,domains\nBBC,not a domain\n", "x.csv:2: domain 'not a domain' is not"),
        ("name\nBBC\nbbc\n", "x.csv:3: 'bbc' already named on line 2"),
        ("name,aliases\nAFP,\nAgence,afp\n", "x.csv:3: 'afp' already named on line 2"),
        ("name,lean\n,center\n", "x.csv:2: an outlet needs a name"),
        ("", "x.csv: empty"),
    ],
)
def test_a_bad_file_is_one_line_naming_the_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "x.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProfileFileError) as caught:
        read_profile_file(path)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_undecodable_bytes_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"name,lean\nBBC,center\n\xff\xfe,right\n")
    with pytest.raises(ProfileFileError, match=r"x.csv:3: not UTF-8 text"):
        read_profile_file(path)


def test_a_huge_cell_is_refused_with_its_line() -> None:
    with pytest.raises(ProfileFileError, match="f.csv:2: a cell longer"):
        parse_profiles("name\n" + "x" * 200_000 + "\n", source="f.csv")


def test_importing_updates_known_outlets_and_keeps_their_other_values(tmp_path: Path) -> None:
    book = ProfileBook(tmp_path)
    book.set_fields("BBC", {"country": "UK", "aliases": "British Broadcasting Corporation"})
    incoming = parse_profiles(
        "name,lean,type\nbritish broadcasting corporation,center,national\nFox News,right,\n",
        source="shared.csv",
    )
    assert book.import_profiles(incoming) == (1, 1)
    assert book.get("BBC") == OutletProfile(
        "BBC",
        aliases=("British Broadcasting Corporation",),
        country="UK",
        type="national",
        lean="center",
    )
    assert book.get("fox news") == OutletProfile("Fox News", lean="right")


# --- crosswire outlets -------------------------------------------------------------------------


def run(home: Path, *args: str) -> int:
    return main(["--library", str(home), *args])


def test_outlets_commands_edit_export_and_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home, other = tmp_path / "mine", tmp_path / "colleague"
    assert run(home, "outlets", "set", "AFP", "--lean", "center", "--type", "wire") == 0
    assert run(home, "outlets", "set", "AFP", "--domains", "afp.com;www.afp.fr") == 0
    assert run(home, "outlets", "set", "Agence France-Presse", "--country", "France") == 0
    assert run(home, "outlets", "merge", "AFP", "Agence France-Presse") == 0
    capsys.readouterr()
    assert run(home, "outlets", "show", "agence france-presse", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown == {
        "name": "AFP",
        "aliases": ["Agence France-Presse"],
        "domains": ["afp.com", "afp.fr"],
        "country": "France",
        "language": None,
        "owner": None,
        "type": "wire",
        "lean": "center",
    }
    shared = tmp_path / "shared.csv"
    assert run(home, "outlets", "export", "-o", str(shared)) == 0
    assert run(home, "outlets", "export", "-o", str(shared)) == 1  # never overwrites unasked
    assert "already exists" in capsys.readouterr().err
    assert run(other, "outlets", "import", str(shared)) == 0
    assert "1 added, 0 updated" in capsys.readouterr().out
    assert ProfileBook(other).profiles() == ProfileBook(home).profiles()


def test_outlets_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "lib"
    assert run(home, "outlets", "set", "BBC", "--lean", "up") == 1
    assert capsys.readouterr().err.strip().startswith("crosswire: lean 'up' is not one of")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lean\nBBC,center\nFox,up\n", encoding="utf-8")
    assert run(home, "outlets", "import", str(bad)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{bad}:3: lean 'up'" in err
    assert ProfileBook(home).profiles() == []  # nothing from a file with a bad row
    assert run(home, "outlets", "show", "Nobody") == 1
    assert run(home, "outlets", "remove", "Nobody") == 1
    assert "no profile named 'Nobody'" in capsys.readouterr().err


def test_outlets_list_names_library_outlets_without_a_profile(
    run_cli,
    seed_paths: list[Path],  # type: ignore[no-untyped-def]
) -> None:
    assert run_cli("import", *seed_paths).returncode == 0
    assert run_cli("outlets", "set", "TRT", "--domains", "trtworld.com").returncode == 0
    result = run_cli("outlets", "list", "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert [p["name"] for p in listed["profiles"]] == ["TRT"]
    assert listed["without_profile"] == [
        "CRBC News",
        "Ground News",
        "Portugal Colonial",
        "SadaNews",
    ]
    text = run_cli("outlets", "list")
    assert "TRT" in text.stdout and "unrated" in text.stdout
