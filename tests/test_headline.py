"""Which title names a story: the earliest of the most typical, never an off-topic one."""

from __future__ import annotations

from storyweave.brief.headline import MAX_HEADLINE_WORDS, Titled, choose_title, headline_from

# An invented story: a harbour crane collapse, with a market round-up published first that
# mentions it in passing.
ROUNDUP = Titled(
    "Shares slip as oil prices climb; shipping stocks mixed",
    "2025-03-01",
    0,
    "Shares slipped on Monday as oil prices climbed. Shipping stocks were mixed after a crane "
    "collapse at Port Alder.",
)
CRANE = [
    Titled(
        "Crane collapses at Port Alder container terminal",
        "2025-03-02",
        1,
        "A crane collapsed at the Port Alder container terminal on Monday, injuring two workers.",
    ),
    Titled(
        "Two workers hurt as crane collapses at Port Alder",
        "2025-03-02",
        2,
        "Two workers were injured when a crane collapsed at the Port Alder container terminal.",
    ),
    Titled(
        "Port Alder terminal closed after crane collapse",
        "2025-03-03",
        3,
        "The container terminal at Port Alder stayed closed on Tuesday after a crane collapse.",
    ),
]


def test_an_off_topic_earliest_title_does_not_name_the_story() -> None:
    assert choose_title([ROUNDUP, *CRANE]) == CRANE[0].title


def test_the_earliest_of_equally_typical_titles_wins_whatever_the_input_order() -> None:
    assert choose_title(list(reversed(CRANE))) == CRANE[0].title
    assert choose_title([CRANE[2], CRANE[0], CRANE[1], ROUNDUP]) == CRANE[0].title


def test_two_titles_are_not_compared_and_the_earliest_stands() -> None:
    assert choose_title([CRANE[1], ROUNDUP]) == ROUNDUP.title
    assert choose_title([]) == ""


def test_titles_too_short_to_compare_are_passed_over() -> None:
    short = Titled("Crane collapse", "2025-03-01", 0, "A crane collapsed at Port Alder.")
    assert choose_title([short, *CRANE]) == CRANE[0].title


def test_headline_from_a_sentence_drops_attribution_and_long_tails() -> None:
    assert (
        headline_from(
            "A crane collapsed at Port Alder on Monday, injuring two workers, police said."
        )
        == "A crane collapsed at Port Alder on Monday, injuring two workers"
    )
    assert headline_from("According to the port authority, the terminal will reopen.") == (
        "The terminal will reopen"
    )
    long = (
        "A crane collapsed at Port Alder on Monday as dockers unloaded a ship from Rotterdam, "
        "injuring two workers and halting all traffic at the terminal for a whole day."
    )
    made = headline_from(long)
    assert (
        made
        == "A crane collapsed at Port Alder on Monday as dockers unloaded a ship from Rotterdam"
    )
    assert len(made.split()) <= MAX_HEADLINE_WORDS
    unbroken = " ".join(["word"] * 30) + "."
    assert headline_from(unbroken) == "Word" + " word" * (MAX_HEADLINE_WORDS - 1) + "…"


def test_untitled_reports_get_a_headline_from_the_summary() -> None:
    from storyweave.models import Article
    from storyweave.pipeline import build_brief

    texts = [
        "A crane collapsed at the Port Alder container terminal on Monday, injuring two "
        "workers. The terminal was closed for the day, the port authority said.",
        "Two workers were hurt when a crane collapsed at Port Alder on Monday. The port "
        "authority closed the terminal while inspectors examined the crane.",
    ]
    articles = [Article(id=f"h{i}", input=f"h{i}.txt", text=t) for i, t in enumerate(texts)]
    brief = build_brief(articles)
    assert brief.story.headline
    assert brief.story.headline == headline_from(brief.summary[0].text)
    assert "crane" in brief.story.headline.casefold()


def test_headline_from_a_sentence_leaves_out_asides_and_an_opening_phrase() -> None:
    assert (
        headline_from("Lena Holt, the port's deputy director, said the terminal would reopen.")
        == "Lena Holt said the terminal would reopen"
    )
    assert (
        headline_from(
            "The strikers — dockers, drivers and crane operators — walked out on Monday over pay."
        )
        == "The strikers walked out on Monday over pay"
    )
    assert (
        headline_from("On March 2, the port authority closed the Port Alder terminal for repairs.")
        == "The port authority closed the Port Alder terminal for repairs"
    )


def test_a_cut_headline_never_ends_on_a_small_word_and_a_near_fit_is_kept_whole() -> None:
    near = (
        "Lena Holt became the first woman from Kessel to win the national rowing title on Sunday."
    )
    assert headline_from(near) == near.rstrip(".")  # 17 words: kept whole
    long = (
        "Lena Holt arrived in Kessel on Saturday for talks aimed at bringing to trial the two port "
        "officials accused in the 2019 collapse of the harbour crane at Port Alder."
    )
    made = headline_from(long)
    assert made.endswith("trial…"), made


def test_a_wire_dateline_does_not_open_a_headline() -> None:
    assert headline_from(
        "KESSEL, Veloria (AP) — Floods cut the only road into town on Monday."
    ) == ("Floods cut the only road into town on Monday")
    assert headline_from("UN officials said on Monday that aid was arriving.") == (
        "UN officials said on Monday that aid was arriving"
    )
