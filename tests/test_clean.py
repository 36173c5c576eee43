"""Cleaning scraped bodies: junk out, captions apart, every removal recorded, dates read."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyweave.clean import clean_articles
from storyweave.clean.dateline import dateline_date, first_date_in
from storyweave.clean.junk import line_reason
from storyweave.clean.lines import typeset
from storyweave.models import Article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-story"
GOLD = json.loads((ROOT / "tests" / "fixtures" / "seed_gold.json").read_text())


def _article(text: str, name: str = "a.txt", **extra: object) -> Article:
    return Article(id=hashlib.sha1(text.encode()).hexdigest(), input=name, text=text, **extra)


@pytest.fixture(scope="module")
def seed_sources():
    files = sorted(SEED.glob("*.txt"))
    return {
        f.name: s
        for f, s in zip(
            files, clean_articles([_article(f.read_text(), f.name) for f in files]), strict=True
        )
    }


# --- the seed story --------------------------------------------------------------------------


def test_seed_junk_lines_are_gone(seed_sources) -> None:
    for line in GOLD["must_remove"]:
        for source in seed_sources.values():
            assert line.lower() not in source.text.lower(), (source.sid, line)


def test_seed_real_sentences_stay(seed_sources) -> None:
    bodies = " ".join(s.text.lower() for s in seed_sources.values())
    for sentence in GOLD["must_keep"]:
        assert sentence.lower() in bodies, sentence


def test_seed_captions_are_set_apart(seed_sources) -> None:
    for item in GOLD["removed_stretch"]:
        source = seed_sources[item["source"]]
        assert item["text"] not in source.text
        assert any(item["text"] in r.text and r.reason == item["reason"] for r in source.removed)
        assert any(item["text"] in c for c in source.captions)


def test_seed_published_dates(seed_sources) -> None:
    for name, day in GOLD["published"]["required"].items():
        assert seed_sources[name].published == day, name
        assert seed_sources[name].published_from == "dateline"


def test_seed_sources_are_numbered_and_titled(seed_sources) -> None:
    assert [s.sid for s in seed_sources.values()] == ["S1", "S2", "S3", "S4", "S5"]
    for source in seed_sources.values():
        assert source.title and source.title not in source.text


# --- invented scraped pages the rules were not written from ----------------------------------

HARBOUR = "\n".join(
    [
        "Menu",
        "Search",
        "Sign in",
        "Subscribe",
        "Local",
        "Harbour ferry runs aground near Pelican Point, 40 passengers rescued",
        "By Maria Okafor",
        "Published: March 4, 2024, 7:02 PM",
        "4 min read",
        "A passenger ferry ran aground on a sandbar near Pelican Point on Monday "
        "evening, and all 40 passengers were taken off safely by coast guard boats, "
        "officials said.",
        "Rescuers watch as the stranded ferry lists near Pelican Point on Monday. Reuters",
        "The vessel had left the northern terminal at 5.30pm and was due to dock an hour later.",
        '"We felt a jolt and then the engines stopped," said one passenger, a teacher '
        "travelling home with her two children.",
        "Photo: Dan Whitlock/EPA",
        "ADVERTISEMENT",
        "The harbour authority said the channel had been dredged in January and that an "
        "inquiry would look at the charts the crew used.",
        "Share this article",
        "Facebook",
        "Twitter",
        "Email",
        "Copyright 2024 Coastal Media Group. All rights reserved.",
        "",
    ]
)


def test_invented_page_keeps_story_and_drops_furniture() -> None:
    [source] = clean_articles([_article(HARBOUR)])
    for junk in ("Menu", "Sign in", "By Maria Okafor", "4 min read", "ADVERTISEMENT", "Share this"):
        assert junk not in source.text, junk
    assert "Copyright" not in source.text and "Facebook" not in source.text
    for kept in (
        "A passenger ferry ran aground on a sandbar near Pelican Point on Monday evening",
        "The vessel had left the northern terminal at 5.30pm",
        '"We felt a jolt and then the engines stopped," said one passenger',
        "an inquiry would look at the charts the crew used.",
    ):
        assert kept in source.text, kept
    assert source.title == "Harbour ferry runs aground near Pelican Point, 40 passengers rescued"
    assert source.published == "2024-03-04" and source.published_from == "dateline"


def test_invented_page_sets_captions_apart_with_reasons() -> None:
    [source] = clean_articles([_article(HARBOUR)])
    reasons = {r.text: r.reason for r in source.removed}
    caption = "Rescuers watch as the stranded ferry lists near Pelican Point on Monday. Reuters"
    assert reasons[caption] == "caption" and caption in source.captions
    assert reasons["Photo: Dan Whitlock/EPA"] == "credit"
    assert reasons["ADVERTISEMENT"] == "boilerplate"
    assert reasons["Published: March 4, 2024, 7:02 PM"] == "metadata"
    assert (
        reasons["Harbour ferry runs aground near Pelican Point, 40 passengers rescued"] == "title"
    )
    assert set(reasons.values()) <= {
        "boilerplate",
        "caption",
        "credit",
        "metadata",
        "title",
        "duplicate",
    }


def test_nothing_is_silently_lost() -> None:
    [source] = clean_articles([_article(HARBOUR)])
    lines = [line.strip() for line in HARBOUR.splitlines() if line.strip()]
    removed = [r.text for r in source.removed]
    for line in lines:
        assert line in source.text or line in removed, line


def test_kept_paragraphs_are_verbatim_and_separated() -> None:
    [source] = clean_articles([_article(HARBOUR)])
    for paragraph in source.text.split("\n\n"):
        assert paragraph in HARBOUR


GALLERY = "\n".join(
    [
        "Floods cut off mountain villages",
        "Rivers burst their banks across the northern valleys after three days of rain, "
        "cutting roads to a dozen villages.",
        "Rescue teams were still trying to reach two hamlets on Wednesday night, the "
        "regional governor said.",
        "Swollen rivers",
        "The river at Kessel rose four metres overnight, the highest level since records began.",
        "Image: Lena Marsh/AFP",
        "Roads washed away",
        "Several bridges on the valley road collapsed, leaving villagers to cross by rope.",
        "Image: Tom Birk/Getty Images",
        "2 / 12",
        "The weather service expects more rain at the weekend.",
        "",
    ]
)


def test_gallery_blocks_become_captions() -> None:
    [source] = clean_articles([_article(GALLERY)])
    assert "Swollen rivers" not in source.text and "Roads washed away" not in source.text
    assert "The river at Kessel rose four metres overnight" not in source.text
    assert any("The river at Kessel" in c for c in source.captions)
    assert "Rescue teams were still trying to reach two hamlets" in source.text
    assert "The weather service expects more rain at the weekend." in source.text
    assert "2 / 12" not in source.text


def test_known_title_and_its_repeats_are_removed() -> None:
    text = (
        "Council approves new bus lanes\nCouncil approves new bus lanes\n"
        "The city council voted 9-2 on Tuesday to add bus lanes on four avenues, "
        "the mayor's office said.\n"
    )
    [source] = clean_articles([_article(text, title="Council approves new bus lanes - City Daily")])
    assert source.text.startswith("The city council voted")
    assert [r.reason for r in source.removed] == ["title", "title"]


def test_hard_wrapped_newswire_is_joined_back() -> None:
    text = (
        "\nThe central bank raised its main interest rate by a quarter point on \n"
        "Thursday, citing stubborn inflation in services and a tight labour \n"
        "market, and said further increases could not be ruled out. Markets \n"
        "had largely expected the move, analysts said. \n"
    )
    [source] = clean_articles([_article(text)])
    assert source.removed == ()
    assert source.title is None
    assert "rate by a quarter point on Thursday, citing" in source.text
    assert "\n" not in source.text


def test_repeated_outlet_furniture_is_removed_but_not_stock_sentences() -> None:
    bodies = [
        f"Get the Daily Gazette app\nStory number {i}\nThe county fair opened on Friday "
        f"with {i} new rides and a record crowd of families, organisers said.\n"
        "No one was injured.\n"
        for i in range(3)
    ]
    sources = clean_articles(
        [_article(b, f"{i}.txt", outlet="dailygazette.example") for i, b in enumerate(bodies)]
    )
    for source in sources:
        assert "Get the Daily Gazette app" not in source.text
        assert "No one was injured." in source.text
        assert "record crowd of families" in source.text


def test_translation_banner_is_removed_and_recorded() -> None:
    text = (
        "Port strike ends after talks\nPowered by machine translation - Beta\n"
        "Dock workers returned to work on Friday after the union and the port operator "
        "agreed on a new wage deal.\n"
    )
    [source] = clean_articles([_article(text)])
    assert "translation" not in source.text
    assert any(
        "machine translation" in r.text and r.reason == "boilerplate" for r in source.removed
    )


def test_bad_input_never_crashes() -> None:
    sources = clean_articles([_article(""), _article("\n\n  \n"), _article("Advertisement\n")])
    assert [s.text for s in sources] == ["", "", ""]


def test_same_input_same_output() -> None:
    one = clean_articles([_article(HARBOUR), _article(GALLERY)])
    two = clean_articles([_article(HARBOUR), _article(GALLERY)])
    assert one == two


# --- publication dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("13 January, 2022", "2022-01-13"),
        ("January 13, 2022", "2022-01-13"),
        ("Updated: January 13, 2022, 9:14 AM", "2022-01-13"),
        ("Jan. 13, 2022", "2022-01-13"),
        ("Sept. 5, 2021 at 10:30 a.m. EDT", "2021-09-05"),
        ("Published on 2 March 2023 08:15 GMT", "2023-03-02"),
        ("Published Fri, Jan 17, 2025 · 09:58 AM", "2025-01-17"),
        ("2022-01-13", "2022-01-13"),
        ("2022-01-13T09:14:00Z", "2022-01-13"),
        ("Thursday, 13 January 2022", "2022-01-13"),
        ("Feb 30, 2022", None),
        ("The vote was held on January 13, 2022 in the capital.", None),
    ],
)
def test_dateline_formats(line: str, day: str | None) -> None:
    assert dateline_date(line) == day


def test_date_from_text_when_no_dateline() -> None:
    text = (
        "Storm closes schools\n"
        "In this photo taken Tuesday, Nov. 8, 2022, a tree lies across a road in Milltown. AP\n"
        "Schools across the county stayed closed on Wednesday after a storm brought down "
        "trees and power lines, officials said.\n"
    )
    [source] = clean_articles([_article(text)])
    assert (source.published, source.published_from) == ("2022-11-08", "text")
    assert first_date_in("no date here, only May and 2022") is None


def test_metadata_date_wins() -> None:
    [source] = clean_articles(
        [
            _article(
                "January 13, 2022\nBody text of the report goes on here, officials said.\n",
                published="2022-01-12",
                published_from="metadata",
            )
        ]
    )
    assert (source.published, source.published_from) == ("2022-01-12", "metadata")


_LINE = st.one_of(
    st.sampled_from(
        [
            "Advertisement",
            "Image: Ann Lee/AFP",
            "2 min read",
            "March 3, 2021",
            "Share",
            "Local",
            "Wildfire forces hundreds to flee hill towns",
            "Firefighters battled the blaze through the night, officials said.",
            "The fire started near a campsite on Saturday. AP",
        ]
    ),
    st.text(alphabet="abc XYZ.,:/|-'\"0123456789", max_size=90),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_LINE, max_size=14))
def test_every_input_line_is_kept_or_recorded(lines: list[str]) -> None:
    # Verbatim, once typewriter marks and Treebank tokens are printed as prose (``typeset``).
    text = "\n".join(lines)
    [source] = clean_articles([_article(text)])
    removed = [r.text for r in source.removed]
    for line in typeset(text).split("\n"):
        line = line.strip()
        if line:
            assert line in source.text or any(line in r for r in removed), line


def test_outlet_plug_naming_its_own_domain_is_removed() -> None:
    text = (
        "Bridge repairs to finish in May\n"
        "Repairs to the old river bridge will finish in May, two months late, engineers said.\n"
        "Follow live updates on RiverTimes.example and get alerts from around the region\n"
    )
    [source] = clean_articles([_article(text, outlet="www.rivertimes.example")])
    assert "RiverTimes.example" not in source.text
    assert "engineers said." in source.text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Home | World | Business | Sport | Culture |", "boilerplate"),
        ("Home › Science › Fishing boats return to port", "boilerplate"),
        ("If you buy through links on our site, we may earn a commission.", "boilerplate"),
        ("This article first appeared in the Weekend Ledger on May 2, 2024", "boilerplate"),
        ("Continue reading", "boilerplate"),
        ("12 photos", "boilerplate"),
        ("Loading…", "boilerplate"),
        (
            "A fishing boat sits on the dry riverbed near Tarvo on May 2. (Ledger/Ann Kim)",
            "caption",
        ),
        ("Workers clear debris from the flooded street on Tuesday. Reuters", "caption"),
        ("Photo by Sam Reyes/Getty Images", "credit"),
        ("By Priya Natarajan and Tom Hale", "metadata"),
        ("Posted 3 hours ago", "metadata"),
        ("The new line will open in 2026, the transport minister added. PTI", None),
        ("Please email [email protected] with your tips and pictures of the event", None),
        ("Fares rise 3% | down from 4% | in March, the agency said.", None),
        ("By the time firefighters arrived, the roof had collapsed.", None),
        ("Photos show the damage to the roof and the collapsed wall.", None),
        ("Copyright lawsuits against the company doubled in 2023, the report found.", None),
        ("- Ana Ruiz is a journalist covering the courts beat at The Daily Ledger.", "metadata"),
        ("Tom Hale is the Ledger's transport correspondent.", "metadata"),
        ("Ben Ong is senior political correspondent at The Ledger, covering votes.", "metadata"),
        ("Ben Ong is a reporter who was held in Ruvenia for 400 days.", None),
        ("Police said Ong is a freelance writer.", None),
        ("He is a journalist covering crime.", None),
        ("IMAGE 4", "boilerplate"),
        ("Experience the Ledger today with a 14-day free trial.", "boilerplate"),
        ("Start your free trial", "boilerplate"),
        ("Unlock Exclusive Insights Today! Join the Ledger Club for more.", "boilerplate"),
        ("- Topics: Courts, Harbour News, Home Page - News", "metadata"),
        ("IMAGE 4: This port city floods almost every monsoon season", "caption"),
        ("Pictured is Harlow after the storm, August 2005", "caption"),
        ("Figure 2 shows the rise in sea levels since 1990.", None),
    ],
)
def test_line_rules_on_invented_lines(line: str, reason: str | None) -> None:
    assert line_reason(line) == reason


def test_related_story_time_stamps_are_not_a_dateline() -> None:
    stamps = [f"Mar {d}, 2024 05:00 AM" for d in (28, 27, 25, 21)]
    text = "\n".join(
        [
            "Port traffic rebounds in spring",
            "Container traffic through the port rose 8% in March from a year earlier, the "
            "port authority said on Monday.",
            "Related",
            *stamps,
        ]
    )
    [source] = clean_articles([_article(text)])
    assert source.published is None
    [labelled] = clean_articles([_article("Published: March 4, 2024\n" + text)])
    assert labelled.published == "2024-03-04"


# --- scripts other than Latin (invented paragraphs) -------------------------------------------

_NON_LATIN_BODIES = {
    "zh": [
        "周二上午，一场暴雨袭击了沿海城市青湾，导致多条道路被淹，当地政府紧急疏散了两千多名居民。",
        "气象部门表示，降雨将持续到周四，并提醒市民尽量减少外出。",
    ],
    "ja": [
        "北浜市で火曜日の朝、大雨により川が氾濫し、住民およそ二千人が近くの学校に避難した。",
        "市の担当者は「水が引くまで数日かかる見通しだ」と話している。",
    ],
    "ar": [
        "قالت السلطات المحلية في مدينة الواحة إن الأمطار الغزيرة أغرقت عشرات المنازل يوم الثلاثاء.",
        "وأضاف المتحدث أن فرق الإنقاذ نقلت أكثر من مئتي شخص إلى مراكز إيواء مؤقتة.",
    ],
    "th": [
        "ฝนตกหนักในเมืองริมทะเลเมื่อวันอังคาร ทำให้ถนนหลายสายถูกน้ำท่วม "
        "และเจ้าหน้าที่ต้องอพยพชาวบ้านกว่าสองพันคนไปยังโรงเรียนใกล้เคียง",
        "กรมอุตุนิยมวิทยาคาดว่าฝนจะตกต่อเนื่องไปจนถึงวันพฤหัสบดี และขอให้ประชาชนติดตามประกาศอย่างใกล้ชิด",
    ],
}


@pytest.mark.parametrize("language", sorted(_NON_LATIN_BODIES))
@pytest.mark.parametrize("declared", [True, False])
def test_paragraphs_in_other_scripts_are_kept(language: str, declared: bool) -> None:
    body = _NON_LATIN_BODIES[language]
    text = "\n".join(["Share", "———", *body, "• • •", "Advertisement"])
    extra = {"language": language} if declared else {}
    [source] = clean_articles([_article(text, **extra)])
    for paragraph in body:
        assert paragraph in source.text, paragraph
    for junk in ("———", "• • •", "Advertisement"):
        assert junk not in source.text


def test_short_labels_in_other_scripts_still_leave_the_footer() -> None:
    body = _NON_LATIN_BODIES["zh"]
    footer = ["相关新闻", "青湾暴雨后交通恢复", "气象台发布橙色预警"]
    [source] = clean_articles([_article("\n".join([*body, *footer]), language="zh")])
    assert all(p in source.text for p in body)
    assert not any(line in source.text for line in footer)


# --- captions that end in a labelled photo credit ---------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "Rescue workers search a collapsed school in Dravik on Monday. "
            "Photo: Lena Ostrova/Harbour Wire",
            "caption",
        ),
        ("Voters queue outside a polling station in Tarvo. Photo: Harbour Wire", "caption"),
        ("The old ferry leaves the harbour at dawn. Photograph: Mira Solt/City Herald", "caption"),
        ("Fishermen mend nets on the quay. Picture: Jonas Reed", "caption"),
        ("Crowds gather outside the court on Friday. (Photo: Ann Lee/AFP)", "caption"),
        ("A flooded street in the old town. Credit: Tarvo City Council", "caption"),
        ("Firefighters on the roof of the mill. Image: Kessel Fire Service", "caption"),
        ("He took a photo by the lake before the storm, his sister said.", None),
        ("Police released a photo of the suspect on Tuesday. Officers asked for help.", None),
        ("The photo: a fake, investigators found after a week of checks.", None),
    ],
)
def test_caption_ending_in_a_photo_credit(line: str, reason: str | None) -> None:
    assert line_reason(line) == reason


def test_credit_tailed_caption_is_kept_apart_from_the_story() -> None:
    caption = (
        "Rescue workers search a collapsed school in Dravik on Monday. "
        "Photo: Lena Ostrova/Harbour Wire"
    )
    story = (
        "A magnitude 6.8 earthquake struck the mountain province of Kessel on Monday, killing "
        "at least 41 people, the national disaster agency said."
    )
    [source] = clean_articles([_article(f"{caption}\n\n{story}")])
    assert caption not in source.text
    assert story in source.text
    assert caption in source.captions
    assert any(r.text == caption and r.reason == "caption" for r in source.removed)


# --- promotional plugs and widget residue seen on unseen local-news pages ---------------------


@pytest.mark.parametrize(
    "line",
    [
        "HARBOURWATCH it anytime, anywhere.",
        "Join HW's WhatsApp Channel and get the latest news and must-reads.",
        "Get The Harbour Post on your phone with the free HP app. Download from the Apple App "
        "Store or Google Play Store now",
        "Get a copy of The Harbour Post or go to harbourpost.example for more stories.",
        "Save by subscribing to us for your print and/or digital copy.",
        "The Ledger is also available on Apple's App Store and Android's Google Play.",
        "More information is available from our articles “Council consults on ferry fares”.",
        "Table of Contents",
        "Posted by Harbour Buses Ltd on Monday, March 3, 2025",
        "— City Desk (@citydesk) March 3, 2025",
    ],
)
def test_plugs_and_embed_footers_are_removed(line: str) -> None:
    assert line_reason(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "The booking app is available on the App Store since Monday, the company said.",
        "He said the council would join the regional climate network next year.",
        "Commuters can get the new timetable at any station from Monday, the operator said.",
    ],
)
def test_prose_about_apps_and_joining_is_kept(line: str) -> None:
    assert line_reason(line) is None


def test_related_story_list_under_its_heading_goes() -> None:
    text = (
        "Residents were told to boil water after the main pipe burst on Monday, the utility said.\n"
        "Recommended Stories\n"
        "list of 3 itemsCouncil approves new bus lanes for the harbour district\n"
        "Ferry operator names new chief executive\n"
        "‘We were not warned’: shop owners count losses after flood\n"
        "Repair crews worked through the night and expect supply to return by Wednesday.\n"
    )
    source = clean_articles([_article(text)])[0]
    assert "Ferry operator" not in source.text
    assert "shop owners" not in source.text
    assert "bus lanes" not in source.text
    assert "Repair crews worked through the night" in source.text
    assert "boil water" in source.text


def test_a_related_story_list_closing_the_page_goes_to_its_last_item() -> None:
    items = [
        ("Politics4 days ago", "Council approves new bus lanes for the harbour district"),
        ("Comments2 weeks ago", "Residents criticise mayor for remark on ferry fares"),
        ("Opinion3 days ago", "Shop owners call flood relief a decades-long ’empty promise’"),
    ]
    story = [
        "Residents were told to boil water after the main pipe burst on Monday, the utility said.",
        "Repair crews worked through the night and expect supply to return by Wednesday.",
    ]
    lines = story + [line for stamp, headline in items for line in ("-", stamp, headline)]
    source = clean_articles([_article("\n".join(lines) + "\n")])[0]
    assert [line for line in source.text.split("\n") if line] == story


def test_a_closing_line_after_a_junk_line_is_kept_without_a_list_above() -> None:
    story = [
        "Residents were told to boil water after the main pipe burst on Monday, the utility said.",
        "Advertisement",
        "The mayor called the repairs “a race against time”",
    ]
    source = clean_articles([_article("\n".join(story) + "\n")])[0]
    assert "a race against time" in source.text


def test_an_outlet_sign_off_after_the_last_sentence_takes_only_itself_away() -> None:
    text = (
        "Let us work together as role models, he wrote in a post on Monday. /TDL\n"
        "This happened on May 31 at the terminal. /TDL Read also: Family fined for feeding birds\n"
        "Prices rose by 3% /year.\n"
    )
    source = clean_articles([_article(text)])[0]
    assert source.text.split("\n\n") == [
        "Let us work together as role models, he wrote in a post on Monday.",
        "This happened on May 31 at the terminal.",
        "Prices rose by 3% /year.",
    ]
    assert [(r.reason, r.text) for r in source.removed] == [
        ("boilerplate", "/TDL"),
        ("boilerplate", "/TDL Read also: Family fined for feeding birds"),
    ]


def test_a_desk_marker_wrapped_after_a_sentence_end_takes_only_itself_away() -> None:
    text = (
        "\nAt least 48 people have been confirmed dead in Veloria after the floods of last \n"
        "week, bringing the toll in the province to 112, the regional emergency \n"
        "office said Sunday. Veloria _ once, 2nd graf pvs \n"
    )
    source = clean_articles([_article(text)])[0]
    assert source.text == (
        "At least 48 people have been confirmed dead in Veloria after the floods of last "
        "week, bringing the toll in the province to 112, the regional emergency office said "
        "Sunday."
    )
    assert [(r.reason, r.text) for r in source.removed] == [
        ("boilerplate", "Veloria _ once, 2nd graf pvs")
    ]


def test_a_list_introduced_by_the_last_paragraph_is_kept_after_a_removed_plug() -> None:
    text = (
        "NORTHPORT - Guidelines on screen use for young children have been updated by the "
        "health ministry, to give parents clearer advice.\n"
        "The changes are part of a new national health strategy. Here is what you need to know:\n"
        "Below 18 months\n"
        "- No screen use unless for video calls with family\n"
        "- Do not leave screens on in the background\n"
        "Seven to 12 years\n"
        "- Limit screen use to less than two hours a day\n"
        "Join HW's WhatsApp Channel and get the latest news and must-reads.\n"
    )
    source = clean_articles([_article(text)])[0]
    assert "- Do not leave screens on in the background" in source.text
    assert "Seven to 12 years" in source.text
    assert "WhatsApp" not in source.text


# --- wire copy's typewriter marks (invented text) ---------------------------------------------

WIRE_LINES = [
    "Flood waters cut the only road into Kessel on Monday, and the regional",
    "council _ split for months over the new bridge _ voted to rebuild it at",
    "once. ``We will not wait for another winter,'' said council leader Lena",
    "Holt, who called the old crossing ``a `temporary' fix that lasted forty",
    "years.'' Repairs are expected to take six weeks, officials said.",
]


def test_wire_copy_quotation_marks_and_dashes_become_printed_ones() -> None:
    [source] = clean_articles([_article("\n".join(WIRE_LINES) + "\n")])
    assert "council — split for months over the new bridge — voted" in source.text
    assert "“We will not wait for another winter,” said council leader Lena Holt" in source.text
    assert "“a ‘temporary' fix that lasted forty years.”" in source.text
    assert "`" not in source.text and "''" not in source.text


def test_straight_marks_stay_without_wire_quotation_marks() -> None:
    text = "The suspect is 5'10'' tall and wore a grey coat, police in Kessel said on Monday.\n"
    [source] = clean_articles([_article(text)])
    assert "5'10'' tall" in source.text


def test_treebank_tokens_are_joined_back_into_prose() -> None:
    text = (
        "About 4,000 people have died since Tuesday 's earthquake hit Kessel 's old town , "
        "officials said . Aid worth $ 27m -LRB- # 16m -RRB- was pledged , but we ca n't reach "
        "the hills , said Lena Holt : `` The roads are gone . '' A report headlined ` Toll may "
        "double ' ran on Friday .\n"
    )
    [source] = clean_articles([_article(text)])
    assert source.text == (
        "About 4,000 people have died since Tuesday's earthquake hit Kessel's old town, "
        "officials said. Aid worth $27m (#16m) was pledged, but we can't reach the hills, said "
        "Lena Holt: “The roads are gone.” A report headlined ‘Toll may double' ran on Friday."
    )


def test_ordinary_prose_is_not_detokenized() -> None:
    # One stray space before a comma in a text of ordinary punctuation stays as written.
    text = "The mayor said: the bridge, which cost $4m, will open in May. It is late , she said.\n"
    [source] = clean_articles([_article(text)])
    assert source.text == text.strip()


def test_a_wire_dateline_dash_is_printed() -> None:
    text = "KESSEL, Veloria (AP) _ Floods cut the only road into town on Monday, officials said.\n"
    [source] = clean_articles([_article(text)])
    assert source.text.startswith("KESSEL, Veloria (AP) — Floods cut")


def test_a_short_list_a_paragraph_introduces_with_a_colon_is_kept() -> None:
    text = (
        "MARLOW - Four people were hurt when a delivery van hit a bus shelter on Quay Road on "
        "Friday morning, police said.\n"
        "Four people were taken to hospital in a conscious state:\n"
        "- a 31-year-old male van driver\n"
        "- a 64-year-old woman\n"
        "- two pedestrians aged 22 and 27\n"
        "- a 9-year-old boy\n"
        "Police investigations are ongoing.\n"
    )
    source = clean_articles([_article(text)])[0]
    assert "- a 31-year-old male van driver" in source.text
    assert "- two pedestrians aged 22 and 27" in source.text
    assert source.removed == ()


def test_a_run_of_short_labels_after_a_short_colon_label_is_still_a_menu() -> None:
    text = (
        "MARLOW - Four people were hurt when a delivery van hit a bus shelter on Quay Road on "
        "Friday morning, police said.\n"
        "Police investigations are ongoing, a spokesman for the force said on Friday.\n"
        "Sections:\n"
        "News\n"
        "Sport\n"
        "Weather\n"
        "Travel\n"
    )
    source = clean_articles([_article(text)])[0]
    assert "Sport" not in source.text
    assert "Weather" not in source.text


# --- lines of several junk sentences -----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "Featured image adapted from Harbour Daily and Tarvo Air on Facebook. "
            "Photo on right for illustration purposes only.",
            "credit",
        ),
        ("Picture used for illustrative purposes only.", "credit"),
        (
            "Have news you must share? Get in touch with us via email at desk@example.org.",
            "boilerplate",
        ),
        ("The ferry sank at dawn. Photo on right for illustration purposes only.", None),
        ("Police said he fled. He was arrested on Tuesday in Tarvo.", None),
        ("She drew the picture as an illustration of the problem, she said.", None),
    ],
)
def test_line_of_junk_sentences(line: str, reason: str | None) -> None:
    assert line_reason(line) == reason
