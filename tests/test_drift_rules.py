"""The rules drift rests on, each shown on real sentences of the development set
(tests/fixtures/truth/dev): which differences between two versions of one statement are drift,
and which only look like it."""

from __future__ import annotations

import pytest

from tui.core.drift.differences import differences
from tui.core.drift.names import one_name
from tui.core.drift.slots import Figure, agree, figures

# Two figures are one slot only when they count the same thing: deaths are not the missing or
# the injured, bombs are not missiles, a depth is not a distance, votes counted are not votes won.
SLOTS = [
    pytest.param(
        "BEIJING — A strong earthquake in southern China's Yunnan province toppled thousands of "
        "homes on Sunday, killing more than 380 people and injuring more than 1,800.",
        "KUNMING, Aug. 3 (Xinhua) -- At least 175 people have been killed and 181 others are "
        "missing after a 6.5-magnitude earthquake jolted southwest China's Yunnan Province Sunday "
        "afternoon.",
        [("quantity", "more than 380 people", "At least 175 people")],
        id="deaths-with-deaths-not-injured-with-missing",
    ),
    pytest.param(
        "Iran's Supreme National Security Council said the number of missiles fired matched the "
        "14 bunker-buster bombs dropped by U.S. B-2 bombers on Iranian nuclear targets Saturday.",
        "This count differs from Qatar’s military, which reported 18 missiles launched.",
        [],
        id="bombs-are-not-missiles",
    ),
    pytest.param(
        "The police spokesperson reported that 92 people were killed in Jajarkot and 36 in the "
        "neighboring Rukum West district, both located in the Karnali Province.",
        "The earthquake killed at least 20 people in Rukum district, where numerous houses "
        "collapsed, police official Narvaraj Bhattarai said over the telephone.",
        [("quantity", "36", "at least 20 people")],
        id="the-district-named-beside-a-toll",
    ),
    pytest.param(
        "The U.S. Geological Survey said the quake registered at a shallow depth of less than 1 "
        "mile (1.6 km).",
        "According to the U.S. Geological Survey, the epicenter of the quake —which it measured at "
        "a magnitude of 6.1 on the Richter scale— is about 18 miles southwest of Zhaotong in "
        "Ludian county.",
        [],
        id="a-depth-is-not-a-distance",
    ),
    pytest.param(
        "The U.S. Geological Survey said the quake registered at a shallow depth of less than 1 "
        "mile (1.6 km).",
        "The magnitude-6.1 quake struck at 4:30 p.m. at a depth of 6 miles, according to the U.S. "
        "Geological Survey.",
        [("quantity", "less than 1 mile", "6 miles")],
        id="a-depth-is-a-depth",
    ),
    pytest.param(
        "So far 99% of votes have been counted, and Lai received over 5.58 million votes out of "
        "approximately 14 million ballots, with turnout remaining at around 70%, local broadcaster "
        "TaiwanPlus reported.",
        "Lai, of the DPP, secured over 5.58 million votes (40.05%), while Hou Yu-ih (侯友宜) of "
        "the Kuomintang (KMT) and Ko Wen-je (柯文哲) of the Taiwan People’s Party (TPP) received "
        "33.49% and 26.46% of the votes, respectively.",
        [],
        id="votes-counted-are-not-votes-won",
    ),
    pytest.param(
        "Lai received the support of 5,586,019 voters, while Hou Yu-ih, a candidate of the main "
        "opposition Kuomintang party, received 4,671,021 votes or 33.49%, and Ko Wen-je of the "
        "Taiwan People's Party secured 26.45% or 3,690,466 votes, the election commission added.",
        "Lai, of the DPP, secured over 5.58 million votes (40.05%), while Hou Yu-ih (侯友宜) of "
        "the Kuomintang (KMT) and Ko Wen-je (柯文哲) of the Taiwan People’s Party (TPP) received "
        "33.49% and 26.46% of the votes, respectively.",
        [("quantity", "26.45%", "26.46%")],
        id="each-candidate-with-their-own-figures",
    ),
    pytest.param(
        "Hou Yu-ih, the main opposition Kuomintang candidate, received 4.66 million votes, while "
        "Ko Wen-je of the Taiwan People's Party (TPP) received 3.68 million votes.",
        "Main opposition Kuomintang’s candidate Hou Yu-ih received 4.47 million votes, while Ko "
        "Wen -je of Taiwan People’s Party (TPP) got 3.53 million votes.",
        [
            ("number", "4.66 million", "4.47 million"),
            ("number", "3.68 million", "3.53 million"),
        ],
        id="figures-in-order",
    ),
    pytest.param(
        "Dallas: A man who went on a rampage at a Texas outlet mall on Saturday shot dead eight "
        "people before he was himself killed, authorities said.",
        "In the week prior, a person in Cleveland, Texas, fatally shot 5 other people after a "
        "neighbor requested him to prevent firing his weapon overdue at evening whilst a toddler "
        "slept.",
        [],
        id="a-toll-pairs-only-with-a-toll",
    ),
    pytest.param(
        "Police: 8 killed in Texas mall shooting, gunman also dead",
        "At least nine dead in shooting at mall in Allen, Texas, just north of Dallas",
        [],
        id="a-toll-with-and-without-the-gunman",
    ),
    pytest.param(
        "Iran's Supreme National Security Council said the number of missiles fired matched the "
        "14 bunker-buster bombs dropped by U.S. B-2 bombers on Iranian nuclear targets Saturday.",
        "A source told The Hill that Iran fired 10 missiles at the base.",
        [],
        id="14-bombs-are-not-10-missiles",
    ),
    pytest.param(
        # Two sentences of two stories that a cluster could hold together on one word: a toll
        # near each, and nothing else in common.
        "Police: 8 killed in Texas mall shooting, gunman also dead",
        "157 killed in earthquake in Nepal",
        [],
        id="unrelated-sentences-sharing-one-word",
    ),
]

# Not figures at all: names of things with a number, days of a month, words glued by a scraper.
NOT_FIGURES = [
    pytest.param(
        "This attack appears to be retaliation for the U.S. airstrikes on Iran's nuclear "
        "development facilities using B-2 stealth bombers and cruise missiles over the weekend.",
        '"Iran will not leave any attack on its territorial integrity, sovereignty, and national '
        'security unanswered under any circumstances," the IRGC said, referring to U.S. airstrikes '
        "on three nuclear facilities in Iran on Saturday.",
        [],
        id="B-2",
    ),
    pytest.param(
        "A private robotic rover touched down on the moon Thursday, becoming the first US "
        "spacecraft in more than 50 years to land on the lunar surface.",
        "This marks the first US-controlled lunar landing since Apollo 17 in 1972, highlighting a "
        "milestone in private space exploration.",
        [],
        id="Apollo-17",
    ),
    pytest.param(
        "Iran fired a number of missiles at U.S. military bases stationed in Qatar and Iraq, and "
        "U.S. authorities are tracking the situation, local U.S. media reported on the 24th.",
        "Iran launched 18 ballistic missiles late Sunday targeting the U.S. military’s Al-Udeid "
        "Air Base in Qatar, the largest American installation in the Middle East.",
        [],
        id="the-24th",
    ),
    pytest.param(
        "August 3, 2014Chinese officials announced overnight that the death toll for Sunday's "
        "earthquake had risen to 381 people.",
        "August 3, 2014Chinese officials announced overnight that the death toll for Sunday's "
        "earthquake had risen to 398 people.",
        [("quantity", "381 people", "398 people")],
        id="2014Chinese",
    ),
]

# One value written two ways: rounded, hedged, converted, in another clock or zone.
ONE_VALUE = [
    pytest.param(
        "Ko Wen-je of the emerging Taiwan People's Party garnered 26 per cent of the votes.",
        "Ko Wen-je of the Taiwan People's Party secured 26.45% of the votes, the election "
        "commission added.",
        [],
        id="26-per-cent-is-26.45%-rounded",
    ),
    pytest.param(
        "Lai took 40.2 percent of votes cast, according to partial results from the Central "
        "Election Commission on Saturday.",
        "Lai Ching-te, pro-independence candidate from Taiwan's ruling Democratic Progressive "
        "Party, has officially won the election of the regional leader, securing 40.05% of the "
        "vote, the Taiwanese Central Election Commission said on Saturday after counting ballots "
        "from all polling stations.",
        [("quantity", "40.2 percent", "40.05%")],
        id="40.2-is-not-40.05",
    ),
    pytest.param(
        "The death toll from an earthquake that hit southwestern China Sunday has risen sharply "
        "with nearly 400 people now reported dead.",
        "By late Monday, 398 people were reported dead and 1,891 injured from the quake in Ludian "
        "County, 277 miles north of Kunming, the provincial capital.",
        [],
        id="nearly-400-is-398",
    ),
    pytest.param(
        "The strong quake hit at 4:30 p.m. Sunday (Beijing Time) with a depth of 12 km and the "
        "epicenter is in Longtoushan Township, 23 km southwest of the county seat of Ludian, "
        "Zhaotong City.",
        "Its epicenter was in Longtoushan township, 14 miles southwest of the city of Zhaotong, "
        "the Ludian county seat.",
        [],
        id="23-km-is-14-miles",
    ),
    pytest.param(
        "Jajarkot is about 500 km (310 miles) west of the capital Kathmandu.",
        "Nepal’s National Earthquake Monitoring & Research Center measured the earthquake at 6.4 "
        "magnitude and said its epicenter was at Jajarkot, about 250 miles northeast of the "
        "Nepalese capital, Kathmandu.",
        [("quantity", "about 500 km", "about 250 miles")],
        id="500-km-is-not-250-miles",
    ),
    pytest.param(
        "The strong quake hit at 4:30 p.m. Sunday (Beijing Time) with a depth of 12 km and the "
        "epicenter is in Longtoushan Township, 23 km southwest of the county seat of Ludian, "
        "Zhaotong City.",
        "Its epicenter was in Longtoushan township, 24 miles southwest of the city of Zhaotong, "
        "the Ludian county seat.",
        [("quantity", "23 km", "24 miles")],
        id="23-km-is-not-24-miles",
    ),
    pytest.param(
        "The National Earthquake Monitoring Center in Nepal reported that the earthquake occurred "
        "at 11:47 PM local time (1802 GMT) on Friday and had a magnitude of 6.4.",
        "Kathmandu, Nov 4: An earthquake of local magnitude 6.4 occurred on Friday around "
        "Ramidanda in Jajarkot district at 23:47 (1802 GMT), Nepal's National Seismological "
        "Centre said.",
        [("spelling", "Center", "Centre")],
        id="11:47-PM-is-23:47",
    ),
    pytest.param(
        "The National Earthquake Monitoring Center in Nepal reported that the earthquake occurred "
        "at 11:47 PM local time (1802 GMT) on Friday and had a magnitude of 6.4.",
        "The tremor, which struck the Jajarkot region in western Nepal on Friday at 23:47 GMT, was "
        "recorded at varying magnitudes by different agencies: 6.4 by Nepal’s National "
        "Seismological Centre, 5.7 by the German Research Centre for Geosciences, and 5.6 by the "
        "U.S. Geological Survey.",
        [("number", "1802", "23:47"), ("spelling", "Center", "Centre")],
        id="GMT-with-GMT-local-with-local",
    ),
    pytest.param(
        "The magnitude-6.1 quake struck at 4:30 p.m. at a depth of 6 miles, according to the U.S. "
        "Geological Survey.",
        "The magnitude-6.1 quake struck at 4.30 pm at a depth of 6 miles, according to the U.S. "
        "Geological Survey.",
        [],
        id="4.30-pm-is-4:30-p.m.",
    ),
    pytest.param(
        "The magnitude-6.1 quake struck at 4:30 p.m. at a depth of 6 miles, according to the U.S. "
        "Geological Survey.",
        "The magnitude-6.1 quake struck at 16:30 at a depth of 6 miles, according to the U.S. "
        "Geological Survey.",
        [],
        id="4:30-p.m.-is-16:30",
    ),
    pytest.param(
        "Barely a week before, authorities say, a man fatally shot five people in Cleveland, "
        "Texas, after a neighbor asked him to stop firing his weapon while a baby slept.",
        "In the week prior, a person in Cleveland, Texas, fatally shot 5 other people after a "
        "neighbor requested him to prevent firing his weapon overdue at evening whilst a toddler "
        "slept.",
        [("spelling", "while", "whilst")],
        id="five-people-is-5-other-people",
    ),
]

# A day dates one thing: the floods are not the day officials spoke, the quake not the rescue.
DAYS = [
    pytest.param(
        "Officials fear that the death toll from Friday's earthquake could rise since "
        "communication has been lost with the mountainous region near the epicenter, located 500 "
        "kilometers west of the capital Kathmandu, where residents also felt tremors.",
        "Rescue operations, which began in earnest early Saturday, are hindered by the region’s "
        "rugged terrain, with the epicenter located some 500 kilometers west of the nation’s "
        "capital.",
        [],
        id="the-quake-day-is-not-the-rescue-day",
    ),
]

# A quote is drift when it is one quote changed in one place; a quote translated again,
# cut short or reordered is not.
QUOTES = [
    pytest.param(
        "The spokesperson for the Ministry of Foreign Affairs issued a statement on social media X "
        '(formerly Twitter), saying, "We strongly condemn the attack on Al Udeid Air Base by the '
        'Iranian Revolutionary Guard Corps (IRGC)," and noted, "This is a clear violation of '
        'Qatar’s sovereignty, airspace, international law, and the United Nations Charter."',
        "Qatar’s Foreign Minstry spokesman, in a statement on X, said, “We express the State of "
        "Qatar’s strong condemnation of the attack on Al Udeid Air Base by the Iranian "
        "Revolutionary Guard Corps, and consider it a flagrant violation of the State of Qatar’s "
        "sovereignty and airspace, as well as of international law and the United Nations "
        "Charter.”",
        [("quote", "clear", "flagrant")],
        id="one-word-of-a-longer-quote",
    ),
    pytest.param(
        "Qatar’s Foreign Ministry condemned the strike as a “blatant violation” of its "
        "sovereignty and expressed surprise at the attack.",
        'Al-Ansari condemned the strike as "a flagrant violation of the sovereignty of the State '
        'of Qatar, its airspace, international law, and the United Nations Charter."',
        [("quote", "blatant", "flagrant")],
        id="two-words-quoted-of-many",
    ),
    pytest.param(
        "Harish Chandra Sharma, an official from the Jajarkot area, told Reuters by phone that "
        '"the number of injured could reach hundreds and the death toll could rise as well."',
        '"The number of injured could be in the hundreds and the deaths could go up as well," '
        "Jajarkot district official Harish Chandra Sharma told Reuters by phone.",
        [],
        id="translated-again-in-two-places",
    ),
    pytest.param(
        "Majid bin Mohammed Al-Ansari, advisor to the Prime Minister and spokesperson for the "
        "Ministry of Foreign Affairs, said in a statement that Qatar's defenses \"successfully "
        'thwarted the attack and shot down the Iranian missiles."',
        "Qatari air defenses “thwarted the attack and successfully intercepted the Iranian "
        "missiles.”",
        [("quote", "shot down", "intercepted")],
        id="a-word-moved-is-no-change",
    ),
    pytest.param(
        'The Qatar Ministry of National Defense also announced, "Our air defense system '
        'successfully intercepted the missile attack aimed at Al Udeid Air Base" and stated, "No '
        'casualties were reported."',
        "\"We reassure that Qatar's air defenses successfully thwarted the attack and intercepted "
        'the Iranian missiles," ministry spokesperson Majed Al Ansari posted on X. He called the '
        'assault "a flagrant violation of the sovereignty of the State of Qatar."',
        [],
        id="two-statements-are-not-one-quote",
    ),
    pytest.param(
        'The allies also agreed to work on the expansion of "more sophisticated and practical '
        'joint drills in various locations, including the Southwest region", the statement said.',
        'The statement added that the allies also agreed to work on expanding the scope of "more '
        'advanced joint exercises in various locations, including the southwestern region."',
        [("quote", "sophisticated and practical joint drills", "advanced joint exercises")],
        id="southwestern-is-a-form-of-southwest",
    ),
]

# Names: a garbled name is drift; the same name written with other hyphens, glued words,
# vowels, an ending, a place's other name, or a title or acronym is not.
NAMES = [
    pytest.param(
        "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a partnership "
        "during a Pyongyang summit on Wednesday.",
        "Russian President Vladimir Putin signed on Wednesday a mutual defence agreement with "
        "North Korea’s Kim Jong-un, who offered his “full support” on Ukraine, with Kim calling "
        "the new ties an “alliance”.",
        [],
        id="Jong-Un-Jong-un-and-Korean-Ukraine",
    ),
    pytest.param(
        "Boeing CEO Dave Calhoun will step down at the end of the year, Boeing announced Monday.",
        "A string of Boeing controversies has caught up with CEO Dave Calhoun—he will step down "
        "from his role at the end of the year, reports the AP.",
        [],
        id="Calhoun-he",
    ),
    pytest.param(
        "Stan Deal, Boeing Commercial Airplanes president and CEO, will also retire from the "
        "company, and Stephanie Pope has been appointed to lead BCA effective Monday, the company "
        "said.",
        "Other changes: Stan Deal, head of Boeing's commercial aircraft division, will resign "
        "immediately and be replaced by COO Stephanie Pope, and board chairman Larry Kellner said "
        "he will not stand for reelection.",
        [],
        id="CEO-COO",
    ),
    pytest.param(
        "The police spokesperson reported that 92 people were killed in Jajarkot and 36 in the "
        "neighboring Rukum West district, both located in the Karnali Province.",
        "Of these, 92 lost their lives in Jajarkota, while 36 perished in Rukum West.",
        [],
        id="Jajarkot-Jajarkota",
    ),
    pytest.param(
        "Pictures and video clips on Sina Weibo, the Chinese equivalent of Twitter, show "
        "firefighters helping those stuck in collapsed houses get out of the rubble.",
        "Photos on Weibo, China's Twitter-like social media site, showed rescuers searching "
        "through flattened buildings and people injured amid toppled bricks.",
        [],
        id="Sina-China",
    ),
    pytest.param(
        "A spacecraft built and flown by Texas-based company Intuitive Machines landed near the "
        "moon's south pole on Thursday, the first U.S. touchdown on the lunar surface in more "
        "than half a century and the first ever achieved by the private sector.",
        "Intuitive Machines, a Houston-based company, successfully landed a spacecraft on the "
        "moon at 2323 GMT on Thursday, marking the first US private company to achieve this feat "
        "in over 50 years.",
        [],
        id="Texas-based-Houston-based",
    ),
    pytest.param(
        "Jajarkot is about 500 km (310 miles) west of the capital Kathmandu.",
        "Jajarkot is about 500 km (310 miles) west of the capital Katmandu.",
        [],
        id="Kathmandu-Katmandu",
    ),
]


@pytest.mark.parametrize(("x", "y", "expected"), SLOTS + NOT_FIGURES + ONE_VALUE + DAYS)
def test_values_in_one_slot(x: str, y: str, expected: list[tuple[str, str, str]]) -> None:
    assert differences(x, y) == expected
    assert differences(y, x) == [(kind, b, a) for kind, a, b in expected]


@pytest.mark.parametrize(("x", "y", "expected"), QUOTES + NAMES)
def test_quotes_and_names(x: str, y: str, expected: list[tuple[str, str, str]]) -> None:
    assert differences(x, y) == expected


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("Al-Udeid", "Al Udeid", True),
        ("U.S Al Udeid Air", "Al-Udeid", True),
        ("Majed Al Ansari", "Majid Al Ansari", True),
        ("Ministry", "Minstry", True),
        ("CEO", "COO", True),
        ("Survey", "Service", True),
        ("Air Force", "Armed Forces", True),
        ("Qatar Ministry", "Qatari Minister", True),
        ("Twitter-like", "Twitter", True),
        ("München", "Munich", True),
        ("KathmanduThe", "Kathmandu", True),
        ("Israel", "Israelis", True),
        ("Jiji Press)--Japanese", "Japanese", True),
        ("Koizumi", "Shinjiro Koizumi", True),
        ("Shinjiro Koizumi", "Shingo Kiyozumi", False),
        ("Takaichi", "Takaiichi", False),
        ("Boeing Commercial Airplanes", "Boeing Commercial Airlines", False),
        ("Emilia-Romagna", "Emilia-Romana", False),
    ],
)
def test_one_name_written_two_ways(a: str, b: str, one: bool) -> None:
    assert one_name(a, b) is one
    assert one_name(b, a) is one


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        (
            "This attack appears to be retaliation for the U.S. airstrikes on Iran's nuclear "
            "development facilities using B-2 stealth bombers and cruise missiles over the "
            "weekend.",
            [],
        ),
        (
            "This marks the first US-controlled lunar landing since Apollo 17 in 1972, "
            "highlighting a milestone in private space exploration.",
            [],
        ),
        (
            "Iran fired a number of missiles at U.S. military bases stationed in Qatar and Iraq, "
            "and U.S. authorities are tracking the situation, local U.S. media reported on the "
            "24th.",
            [],
        ),
        (
            "August 3, 2014Chinese officials announced overnight that the death toll for "
            "Sunday's earthquake had risen to 381 people.",
            ["381 people"],
        ),
        (
            "Officials said on Saturday that at least 128 people were killed and dozens injured "
            "in Nepal when a strong earthquake struck the Jajarkot area in the west of the "
            "country, causing buildings to shake and homes to collapse.",
            ["at least 128 people"],
        ),
        (
            "Short tenure: Calhoun became CEO three years ago with promises to turn the company "
            "around following two major crashes involving Boeing 737 Max jets.",
            ["three years", "two"],
        ),
        (
            "1. 53 Nepali, five Indian, four Russians, one Irish, two Koreans, one Argentinian, "
            "and a French national were on board, as per the Nepal airport authority.",
            ["53", "five", "four", "two"],
        ),
    ],
)
def test_what_is_not_a_figure(text: str, phrases: list[str]) -> None:
    """Models and names with a number, days of a month, words glued by a scraper and vague
    counts ('dozens') are not figures; a number after a title is ('CEO three years ago')."""
    assert [f.phrase for f in figures(text)] == phrases


def test_clock_times_written_many_ways() -> None:
    base = "The magnitude-6.1 quake struck at {} at a depth of 6 miles."

    def clock(time: str) -> Figure:
        (found,) = [f for f in figures(base.format(time)) if f.measure.startswith("time")]
        return found

    dotted, colon, day = clock("4.30 pm"), clock("4:30 p.m."), clock("16:30")
    assert dotted.measure == colon.measure == day.measure == "time "
    assert dotted.value == colon.value == day.value == 16 * 60 + 30
    morning = clock("4:30")  # no a.m. or p.m.: either half of the day
    assert agree(morning, day) and morning.hedge == "either half"


def test_figures_read_value_measure_and_what_they_count() -> None:
    (killed, injured) = figures(
        "BEIJING — A strong earthquake in southern China's Yunnan province toppled thousands of "
        "homes on Sunday, killing more than 380 people and injuring more than 1,800."
    )
    assert (killed.phrase, killed.role, killed.hedge) == ("more than 380 people", "deaths", "up")
    assert (injured.phrase, injured.role) == ("more than 1,800", "injured")
    local, gmt, magnitude = figures(
        "The National Earthquake Monitoring Center in Nepal reported that the earthquake "
        "occurred at 11:47 PM local time (1802 GMT) on Friday and had a magnitude of 6.4."
    )
    assert (local.measure, local.value) == ("time ", 23 * 60 + 47)
    assert (gmt.measure, gmt.value) == ("time utc", 18 * 60 + 2)
    assert magnitude.role == "magnitude"
    (votes,) = figures("Lai, of the DPP, secured over 5.58 million votes.")
    (count,) = figures("Lai received the support of 5,586,019 voters.")
    assert agree(votes, count) and votes.step == 10_000
