"""Cleaning recognises consent notices, share buttons and bylines by shape, in any wording.

Found in a user test on invented pages (not the seeds): cookie banners and 'Share on Twitter'
were kept as the outlet's own sentences while 'Share on Facebook' went, 'By Daily Herald staff'
was labelled a section label, and a title written in markup-looking text was removed.
"""

from __future__ import annotations

import pytest

from tui.core.ingest.clean import clean_text

TITLE = "Red panda escapes from Lindenfeld Zoo"
BODY = (
    "A red panda named Kiri escaped from Lindenfeld Zoo on Tuesday and spent two nights in a "
    "private garden before keepers recovered her, the zoo said.\n"
    "Zoo director Margarethe Albrecht said the animal squeezed through a gap in a fence that had "
    "been damaged by a falling branch during a storm.\n"
)


def _removed(raw: str) -> list[tuple[str, str]]:
    return [(r.text, r.reason) for r in clean_text(raw).removed]


@pytest.mark.parametrize(
    "line",
    [
        "This website uses cookies.",
        "This website uses cookies. Manage preferences",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "This site uses cookies to personalise content and ads and to analyse our traffic.",
        "We and our partners use cookies. Read our cookie notice and manage your consent here.",
    ],
)
def test_consent_notices_go_whatever_their_wording(line: str) -> None:
    for raw in (f"{TITLE}\n{BODY}{line}\n", f"{TITLE}\n{line}\n{BODY}"):
        assert _removed(raw) == [(line, "cookie notice")]


@pytest.mark.parametrize(
    "line", ["Manage preferences", "Accept all", "Reject all", "Cookie preferences", "Got it"]
)
def test_consent_buttons_are_page_widgets(line: str) -> None:
    assert _removed(f"{TITLE}\n{BODY}{line}\n") == [(line, "page widget")]


def test_an_article_about_cookies_keeps_its_sentences() -> None:
    raw = (
        "Regulator fines websites over cookie banners\n"
        "The data protection authority fined four websites on Monday for setting advertising "
        "cookies before visitors had given their consent, the regulator said.\n"
        "We use cookies to improve your experience.\n"
        "The regulator said that sentence, shown on one of the fined sites, did not ask for "
        "consent at all.\n"
    )
    assert _removed(raw) == []


def test_a_sentence_that_merely_names_cookies_stays() -> None:
    line = "The bakery sold 500 cookies on Saturday, and the owner said she would bake more."
    assert _removed(f"{TITLE}\n{BODY}{line}\n") == []


@pytest.mark.parametrize(
    "line",
    [
        "Share on Twitter",
        "Share on Facebook",
        "Share via Email",
        "Share this story on WhatsApp",
        "Post to LinkedIn",
        "Share on Truth Social",
    ],
)
def test_share_buttons_go_for_every_network(line: str) -> None:
    assert _removed(f"{TITLE}\n{BODY}{line}\n") == [(line, "page widget")]


def test_share_sentences_of_the_story_stay() -> None:
    line = "Share prices on the Lindenfeld exchange rose after the zoo said Kiri was safe."
    assert _removed(f"{TITLE}\n{BODY}{line}\n") == []


@pytest.mark.parametrize(
    "line", ["By Daily Herald staff", "By our correspondent", "By Staff Reporter", "By Kenji Sato"]
)
def test_bylines_are_bylines_not_section_labels(line: str) -> None:
    assert _removed(f"{TITLE}\n{line}\n{BODY}") == [(line, "byline")]


def test_a_title_in_markup_looking_text_is_the_title() -> None:
    title = "[bold red]Harbour[/] reopens [link=http://evil.example]click[/link]"
    raw = (
        f"{title}\n"
        "Officials in Brightwater said on Monday that the harbour would reopen after repairs "
        "costing 3 million dollars.\n"
        "The mayor said [b]everything[/b] was fine.\n"
    )
    result = clean_text(raw)
    assert result.removed == ()
    assert result.title == title
    heading = [s for s in result.sentences if s.line == 0]
    assert {s.kind for s in heading} == {"title"}
    assert "".join(s.text for s in heading) == title
