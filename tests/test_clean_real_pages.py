"""Junk lines of real pages go by their shape, each with a reason; real sentences that look alike
stay.

The lines are quoted from the development stories (tests/fixtures/truth/dev/<story>/, named in a
comment) and from the saved pages of ../shared/html-dev, where the same rules leaked them before.
Each is put between a title and two sentences of an invented article, so what is judged is the
line's shape, not its page.
"""

from __future__ import annotations

import pytest

from tui.core.ingest.clean import REASONS, clean_text
from tui.core.ingest.clean_rules import line_reason
from tui.core.ingest.story_clean import clean_story

TITLE = "Storm closes ports along the northern coast"
BODY = (
    "Harbour authorities closed six ports on Monday as the storm strengthened, officials said.\n"
    "Ferries will stay in dock until Wednesday at least, the coast guard said in a statement.\n"
)


def _removed(raw: str) -> list[tuple[str, str]]:
    return [(r.text, r.reason) for r in clean_text(raw).removed]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # al-udeid-strike-2025/04_alitoday.txt
        (
            "Also Read | Donald Trump says US \u201cobliterated\u201d Iran nuclear sites, "
            "threatens more",
            "related link",
        ),
        # yunnan-ludian-quake-2014/00_cntv.txt
        ("Full coverage: 6.5-Magnitude Quake Hits Southwest China's Yunnan", "related link"),
        ("Homepage > News", "navigation"),
        ("Editor: Zhang Jianfeng \u4e28Xinhua", "credit line"),
        ("08-04-2014 00:37 BJT", "date line"),
        # nepal-jajarkot-quake-2023/05_pardafas.txt, 04_connectnepali.txt
        ("Leave a Reply", "comment form"),
        ("Your email address will not be published. Required fields are marked *", "site notice"),
        ("How are you feeling after reading this ?", "comment form"),
        # nepal-jajarkot-quake-2023/00_observerbd.txt: a date line with a view counter
        ("Published : Sunday, 5 November, 2023 at 12:00 AM  Count : 67", "date line"),
        # nepal-jajarkot-quake-2023/03_wsbuzz.txt, odysseus-moon-landing-2024/04_hindustantimes.txt,
        # al-udeid-strike-2025/03_sglatestnews.txt
        ("  \u2022 This news is breaking: more to follow ", "update notice"),
        ("(This is breaking news\u2026please check back for updates)", "update notice"),
        ("This is breaking news. Please refresh for updates.", "update notice"),
        # odysseus-moon-landing-2024/02_newsbuzz247.txt
        ("Login", "page widget"),
        # taiwan-election-2024/00_anadolu.txt, yunnan-ludian-quake-2014/04_dw.txt
        ("-*Writing by Islamuddin Sajid", "credit line"),
        ("mkg/hc (Reuters, AFP, dpa, AP)", "credit line"),
        # odysseus-moon-landing-2024/05_businesstoday.txt (there in the header; here in the body)
        ("Produced by: Tarun Mishra", "credit line"),
        # boeing-calhoun-2024/04_xinhua-chinadaily.txt
        (
            "This photo taken on June 19, 2023 shows a demonstration of the Boeing 777X (down) and "
            "737-10 during the 54th International Paris Air Show held at Le Bourget Airport near "
            "Paris, France. [Photo/Xinhua]",
            "photo caption",
        ),
        # yunnan-ludian-quake-2014/01_latimes.txt
        (
            "Rescuers carry an injured earthquake victim in Ludian County in southwestern China's "
            "Yunnan province. (AFP/Getty Images)",
            "photo caption",
        ),
        # ../shared/html-dev: sciencealert-com-359fee22, dawgsbynature-com-6a72de37
        ("(Reporting by Will Dunham; Editing by Tom Brown)", "credit line"),
        ("\u2014 PFF CLE Browns (@PFF_Browns) November 15, 2019", "social post"),
        ("*min. 25 snaps pic.twitter.com/PQqbN51wBW", "social post"),
        # israel-iran-ceasefire-2025/00_gulftoday.txt (held-out): a bare credit after the caption
        (
            "Israeli soldiers from the Home Front Command unit work at the site struck by an "
            "Iranian missile strike that killed several people, in Beersheba, Israel, on "
            "Tuesday. AP",
            "photo caption",
        ),
        (
            "President Donald Trump greets troops at the Al Udeid air base southwest of Doha on "
            "May 15, 2025. File/ AFP",
            "photo caption",
        ),
        # tests/fixtures/grouping: usyk-fury-2024, taiwan-election-2020, hualien-quake-2024
        ("Tyson Fury vs Oleksandr Usyk | Mark Robinson/Matchroom Boxing", "photo caption"),
        ("Image title", "page widget"),
        # yeti-airlines-crash-2023/04_pledgetimes.txt (held-out)
        ("#bodies #recovered #wreckage #crashed #plane #Nepal", "hashtags"),
    ],
)
def test_junk_lines_of_real_pages_go_with_their_reason(line: str, reason: str) -> None:
    for raw in (f"{TITLE}\n{BODY}{line}\n", f"{TITLE}\n{BODY}{line}\n{BODY}"):
        assert _removed(raw) == [(" ".join(line.split()), reason)]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("RELATED: Port strike enters its second week", "related link"),
        ("Click here for more stories on the storm\u2026", "related link"),
        ("Follow", "page widget"),
        ("Representational Image", "photo caption"),
        ("AFP Photo", "photo caption"),
        ("Credited from: Reuters", "credit line"),
        ("Photo by Jane Doe/AFP via Getty Images", "credit line"),
        ("This story will be updated.", "update notice"),
        ("\u00a9 2024 The Daily Herald. All rights reserved.", "site notice"),
        (
            "This material may not be published, broadcast, rewritten or redistributed.",
            "site notice",
        ),
        ("Follow us on Google News", "promotion"),
        ("(AFP Photo)", "photo caption"),
        ("Reuters/File Photo", "photo caption"),
        ("Image used for representational purpose only", "photo caption"),
        ("Rescuers search the rubble in Jajarkot. | Photo Credit: Reuters", "photo caption"),
        ("Aerial photo taken on Aug. 4, 2014 shows damaged houses in Ludian.", "photo caption"),
        ("For more stories, click here", "related link"),
        ("Also Watch: Rescuers reach the epicentre", "related link"),
        ("Tags: Iran, Qatar, US", "navigation"),
        ("NEW DELHI:", "date line"),
        ("Views: 1,234", "page widget"),
        ("Share your thoughts", "comment form"),
        (
            "Save my name, email, and website in this browser for the next time I comment.",
            "comment form",
        ),
        (
            "(Except for the headline, this story has not been edited by our staff and is "
            "published from a syndicated feed.)",
            "site notice",
        ),
        (
            "The views and opinions expressed in this article are those of the author.",
            "site notice",
        ),
        ("- With agency inputs", "credit line"),
        ("Reported by: Jane Doe", "credit line"),
        ("Download the News App for daily updates", "promotion"),
    ],
)
def test_junk_shapes_the_issue_names(line: str, reason: str) -> None:
    """Shapes named in the issue (or common on news pages) that the development pages do not
    happen to hold."""
    assert line_reason(line) == (reason, None)


@pytest.mark.parametrize(
    "line",
    [
        # sentences of the development stories that share words with the rules above
        "Bahrain\u2019s interior ministry posted on X that sirens went off in the Gulf country.",
        "Police had feared a second shooter was involved, but Allen police said on Twitter "
        "several hours later that there was no active threat.",
        "Pictures and video clips on Sina Weibo, the Chinese equivalent of Twitter, show "
        "firefighters helping those stuck in collapsed houses get out of the rubble.",
        "Aerial photos showed old wooden houses that looked like little more than splinters, but "
        "survivors reported that some of the new structures collapsed as well.",
        "Pictures posted online by state media showed troops stretchering people away and cars "
        "damaged by fallen bricks.",
        "The price of crude oil fell in trading on Monday after news of the attack broke.",
        "Regrettably, it is anticipated that the number of casualties and injuries may rise as "
        "further assessments are conducted.",
        # and invented ones, shaped like the rules' targets
        "Reporting by the BBC found that the plan had failed.",
        "The report, originally published in Nature, found more damage than expected.",
        "Read the full statement of the coast guard here.",
        "What do you think of the new plan, the minister was asked on Tuesday.",
        "A photo taken by a witness shows the gunman walking away from the mall.",
        "A photo of the suspect was released by police on Monday.",
        "Views differ on the plan: some ministers want it, others do not.",
    ],
)
def test_sentences_that_resemble_these_shapes_stay(line: str) -> None:
    assert _removed(f"{TITLE}\n{BODY}{line}\n{BODY}") == []


def test_every_new_reason_is_listed() -> None:
    for reason in ("comment form", "site notice", "update notice", "social post", "teaser"):
        assert reason in REASONS


def test_a_crawl_date_glued_to_the_first_line_is_left_out_of_the_sentence() -> None:
    """taiwan-election-2024/01_trt.txt: the crawl date is not part of the first sentence, and
    the sentence's span starts after it in the raw text."""
    first = (
        "Taiwan\u2019s ruling Democratic Progressive Party (DPP) candidate William Lai Ching-te "
        "is set to claim victory in presidential election."
    )
    raw = f" date 2024-01-13 {first}\n{BODY}"
    result = clean_text(raw)
    assert result.removed == ()
    assert result.date == "2024-01-13"
    sentence = result.sentences[0]
    assert sentence.text == first
    assert raw[sentence.start : sentence.end] == first
    assert result.text.split("\n")[0] == first


def test_a_crawl_date_with_a_partial_date_and_a_junk_rest() -> None:
    # taiwan-election-2024/04_deccanherald.txt has 'date 2024-01 ...'; the seeds' own
    # 'date 2026-01-16 WORLD' stays a date line as a whole (tests/fixtures/clean)
    raw = f" date 2024-01 Harbour authorities closed six ports.\n{BODY}"
    assert clean_text(raw).sentences[0].text == "Harbour authorities closed six ports."
    assert clean_text(raw).date is None
    # the rest is judged on its own, and a junk rest takes the whole line with it
    junk = "date 2024-03-25 Your email address will not be published."
    assert _removed(f" {junk}\n{TITLE}\n{BODY}") == [(junk, "site notice")]


def test_a_cut_off_copy_of_a_line_is_a_teaser() -> None:
    """al-udeid-strike-2025/06_webjosh_peninsula.txt: the page's summary repeats its lede, cut
    off with '...' (and spelling a name differently)."""
    teaser = (
        "Doha: Advisor to the Prime Minister and Official Spokesperson for the Ministry of Foreign "
        "Affairs, Dr. Majid bin Mohammed Al Ansari, said that the sta..."
    )
    lede = (
        "Doha: Advisor to the Prime Minister and Official Spokesperson for the Ministry of Foreign "
        "Affairs, Dr. Majid bin Mohammed Al-Ansari, said that the state of Qatar was surprised by "
        "the attack."
    )
    raw = f"{TITLE}\n{teaser}\n{lede}\n{BODY}"
    assert _removed(raw) == [(teaser, "teaser")]
    # a sentence that merely trails off stays
    assert _removed(f"{TITLE}\n{BODY}The harbour master said he was waiting for...\n") == []


def test_a_labelled_list_may_be_short() -> None:
    """putin-kim-treaty-2024/05_406af.txt: 'Related stories:' and two headlines of the same
    topic (they share words with the article, so only the label tells)."""
    raw = (
        "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a partnership "
        "during a Pyongyang summit on Wednesday.\n"
        "Tensions on the Korean Peninsula are high, with both Kim\u2019s weapons tests and "
        "military exercises intensifying.\n"
        "Related stories:\n"
        "North Korea flies trash balloons over the South as leader Kim doubles down on satellite "
        "ambitions\n"
        "North Korea welcomes Russian tourists, likely first since pandemic\n"
    )
    assert [reason for _, reason in _removed(raw)] == ["headline list"] * 3  # label and items


def test_a_widget_word_above_a_subhead_does_not_make_it_a_list() -> None:
    raw = f"{TITLE}\n{BODY}Latest\nWhat happens next\n{BODY}"
    assert _removed(raw) == [("Latest", "page widget")]


def test_bulleted_tags_after_the_last_sentence_are_navigation() -> None:
    """al-udeid-strike-2025/02_confidencial_xinhua.txt ends with '- Iran', '- Attacks', ...;
    a list the story introduces with ':' stays."""
    tags = "- Iran\n- Attacks\n- US\n- Base\n- Qatar\n"
    assert [reason for _, reason in _removed(f"{TITLE}\n{BODY}{tags}")] == ["navigation"] * 5
    tags = "- Ferries\n- Coast guard\n- Harbour authorities\n"
    assert [reason for _, reason in _removed(f"{TITLE}\n{BODY}{tags}")] == ["navigation"] * 3
    assert _removed(f"{TITLE}\n{BODY}Who said what:\n{tags}") == []


def test_a_one_line_menu_above_the_story_goes_and_the_title_stays() -> None:
    """yunnan-ludian-quake-2014/00_cntv.txt: the menu, breadcrumb, editor and time lines around
    the title used to take the title with them as a 'headline list'."""
    raw = (
        "Edition: English Asia Pacific Africa Europe | Espa\u00f1ol Fran\u00e7ais "
        "\u0627\u0644\u0639\u0631\u0628\u064a\u0629 P\u0443\u0441\u0441\u043a\u0438\u0439 | "
        "\u4e2d\u6587\u7b80\u4f53 \u4e2d\u6587\u7e41\u4f53\n"
        "Homepage > News\n"
        "At least 175 dead, 181 missing in SW China quake\n"
        "Editor: Zhang Jianfeng \u4e28Xinhua\n"
        "08-04-2014 00:37 BJT\n"
        "Full coverage: 6.5-Magnitude Quake Hits Southwest China's Yunnan\n"
        "KUNMING, Aug. 3 (Xinhua) -- At least 175 people have been killed and 181 others are "
        "missing after a 6.5-magnitude earthquake jolted southwest China's Yunnan Province on "
        "Sunday afternoon, the Ministry of Civil Affairs said.\n"
        "According to the Ministry of Civil Affairs, the quake has also injured more than 1,400 "
        "people, and more than 12,000 houses had been toppled.\n"
    )
    result = clean_text(raw)
    assert result.title == "At least 175 dead, 181 missing in SW China quake"
    assert [r.reason for r in result.removed] == [
        "navigation", "navigation", "credit line", "date line", "related link",
    ]  # fmt: skip


def test_an_embedded_post_signed_on_its_own_line_goes_with_its_text() -> None:
    """The post's text is the line above its signature when it reads like a post; a sentence of
    the story above a signature stays."""
    post = "Rescue teams are on their way to #Jajarkot, stay safe everyone"
    signature = "\u2014 Jane Doe (@janedoe) November 4, 2023"
    assert _removed(f"{TITLE}\n{BODY}{post}\n{signature}\n{BODY}") == [
        (post, "social post"),
        (signature, "social post"),
    ]
    assert _removed(f"{TITLE}\n{BODY}{signature}\n{BODY}") == [(signature, "social post")]


def test_a_page_cut_off_after_a_subhead_keeps_both() -> None:
    """al-udeid-strike-2025/05_anewz.txt ends with a subhead and its paragraph cut off mid-word:
    two unpunctuated lines after the last full sentence, which are the story's all the same."""
    tail = (
        "Conflicting accounts and calls for peace\n"
        "President Trump confirmed no Americans were harmed and thanked Iran for what he said "
        "was early notificatio\n"
    )
    result = clean_story([clean_text(f"{TITLE}\n{BODY}{tail}"), clean_text(f"{TITLE}\n{BODY}")])
    assert result[0].removed == ()


def test_a_shouted_line_below_the_title_is_a_link_to_another_story() -> None:
    """ohtani-dodgers-2023/04_mixedtimes-foxnews.txt (held-out): promotions set in capitals go;
    a title in capitals, and subheads in capitals (../shared/html-dev:
    theantijunecleaver-com-4219d09), stay."""
    promo = "JJ WATT BLITZES MEDIA OVER SHOHEI OHTANI FREE AGENCY COVERAGE"
    subhead = "HOW TO USE A WATER BATH CANNER"
    removed = _removed(f"{TITLE}\n{BODY}{promo}\n{subhead}\n{BODY}")
    assert removed == [(promo, "related link")]
    assert _removed(f"STORM CLOSES PORTS ALONG THE NORTHERN COAST\n{BODY}") == []


def test_a_pictures_title_above_its_caption_goes_with_it() -> None:
    """ohtani-dodgers-2023/04_mixedtimes-foxnews.txt (held-out); a subhead above a sentence
    that is not a caption stays."""
    title = "Shohei Ohtani congratulated in dugout"
    caption = (
        "Los Angeles Angels' Shohei Ohtani is congratulated by teammates in the dugout after "
        "hitting a solo home run during the first inning of a baseball game against the "
        "Pittsburgh Pirates, Sunday, July 23, 2023, in Anaheim, California. (AP Photo/Mark J. "
        "Terrill)"
    )
    removed = _removed(f"{TITLE}\n{BODY}{title}\n{caption}\n{BODY}")
    assert removed == [(title, "photo caption"), (caption, "photo caption")]
    assert _removed(f"{TITLE}\n{BODY}Ports closed\n{BODY}") == []
