"""The cited summary: extractive, corroborated first, never damaged text, captions or repeats."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from conftest import bare_sources

from storyweave.brief.support import weave
from storyweave.clean.dateline import without_dateline
from storyweave.models import Flag, Source
from storyweave.nlp.spacy_model import parse

ROOT = Path(__file__).resolve().parents[1]

# An invented story: a bridge closure reported by three outlets.
BRIDGE = [
    "Engineers closed the Elm Street bridge on Tuesday after inspectors found cracks in two "
    "of its steel supports.\n"
    "Was the bridge safe before?\n"
    "Traffic will be diverted through the city centre for at least three weeks, the transport "
    "department said.\n"
    "The bridge carries about 30,000 vehicles a day.\n"
    "Commuters waited at the diversion on Tuesday evening. [Photo: City Desk]\n",
    "The Elm Street bridge was shut on Tuesday when inspectors discovered cracking in a pair "
    "of steel supports.\n"
    "Image: Jane Roe/Metro Agency\n"
    "Drivers face a detour through the city centre lasting three weeks or more, according to "
    "the transport department.\n"
    "Local shop owners said they feared losing customers during the closure.\n",
    "Inspectors found cracks in two steel supports of the Elm Street bridge, which engineers "
    "closed on Tuesday.\n"
    "Repairs closed bridge the Tuesday of were.\n"
    "The mayor promised a full review of maintenance records.\n",
]
DAMAGED = "Repairs closed bridge the Tuesday of were."


def _sources() -> list[Source]:
    out = bare_sources(BRIDGE, "id-{i}", "{i}.txt")
    # The damage detector marks the garbled sentence of S3 (as clean.flags would).
    out[2] = replace(out[2], flags=(Flag("dropped_words", DAMAGED),))
    return out


@pytest.fixture(scope="module")
def bridge():  # type: ignore[no-untyped-def]
    sources = _sources()
    summary, _, _ = weave(sources, parse([s.text for s in sources]), [], 5)
    return sources, summary


def test_first_item_is_the_event_every_source_reports(bridge) -> None:  # type: ignore[no-untyped-def]
    _, summary = bridge
    assert "closed" in summary[0].text or "shut" in summary[0].text
    assert set(summary[0].sources) == {"S1", "S2", "S3"}


def test_each_item_cites_every_supporting_source_with_exact_spans(bridge) -> None:  # type: ignore[no-untyped-def]
    sources, summary = bridge
    by_sid = {s.sid: s for s in sources}
    assert len(summary) >= 3
    for item in summary:
        # Extractive: the item is a sentence one of the sources wrote, word for word.
        assert any(item.text in s.text for s in sources)
        assert {e.source for e in item.evidence} == set(item.sources)
        for ev in item.evidence:
            assert by_sid[ev.source].text[ev.start : ev.end] == ev.text
    detour = [i for i in summary if "three weeks" in i.text]
    assert detour and set(detour[0].sources) == {"S1", "S2"}


def test_no_damaged_caption_credit_or_question_text(bridge) -> None:  # type: ignore[no-untyped-def]
    _, summary = bridge
    text = " ".join([i.text for i in summary] + [e.text for i in summary for e in i.evidence])
    for bad in (DAMAGED, "[Photo", "Image:", "?"):
        assert bad not in text


def test_the_same_claim_is_summarised_once(bridge) -> None:  # type: ignore[no-untyped-def]
    _, summary = bridge
    closures = [i for i in summary if "Elm Street bridge" in i.text]
    assert len(closures) == 1


def test_a_quotation_or_a_leaning_sentence_does_not_open_the_summary() -> None:
    texts = [
        '"We will rebuild the pier stronger than before," said the harbour master, Ana Reyes.\n'
        "Storm waves destroyed the Kessington pier on Sunday night, leaving the ferry service "
        "suspended.\n"
        "This includes the weekend crossings to the islands.\n",
        '"We will rebuild the pier stronger than before," said Ana Reyes, the harbour master.\n'
        "This includes the weekend crossings to the islands, officials said.\n"
        "The Kessington pier was destroyed by storm waves on Sunday night.\n",
        '"We will rebuild the pier stronger than before," harbour master Ana Reyes said.\n'
        "This includes all weekend crossings to the islands.\n",
    ]
    sources = bare_sources(texts, "p-{i}", "{i}.txt")
    summary, _, _ = weave(sources, parse([s.text for s in sources]), [], 3)
    assert "storm waves" in summary[0].text.lower(), [i.text for i in summary]


def test_summary_length_is_capped() -> None:
    sources = _sources()
    summary, _, _ = weave(sources, parse([s.text for s in sources]), [], 2)
    assert len(summary) == 2


def test_empty_input_gives_empty_summary() -> None:
    assert weave([], [], [], 3) == ([], [], [])


# --- the seed story (real reports, hand-made gold) -----------------------------------------


@pytest.fixture(scope="module")
def seed_summary():  # type: ignore[no-untyped-def]
    from storyweave.clean import clean_articles
    from storyweave.clean.flags import detect_flags
    from storyweave.dedup import mark_duplicates
    from storyweave.pipeline import read_story

    articles, _ = read_story([ROOT / "examples" / "seed-story"])
    sources = mark_duplicates(clean_articles(articles))
    docs = parse([s.text for s in sources])
    sources = [replace(s, flags=detect_flags(s, d)) for s, d in zip(sources, docs, strict=True)]
    summary, _, _ = weave(sources, docs, [], 5)
    gold = json.loads((ROOT / "tests" / "fixtures" / "seed_gold.json").read_text())["summary"]
    return summary, gold


def _text(item) -> str:  # type: ignore[no-untyped-def]
    return " ".join([item.text, *(e.text for e in item.evidence)]).lower()


def test_seed_summary_meets_the_gold(seed_summary) -> None:  # type: ignore[no-untyped-def]
    summary, gold = seed_summary
    assert gold["min_items"] <= len(summary) <= gold["max_items"]
    first = _text(summary[0])
    for words in gold["first_item_words"]:
        assert any(w.lower() in first for w in words), (words, summary[0].text)
    for bad in gold["forbidden"]:
        assert not any(bad.lower() in _text(i) for i in summary), bad
    assert sum(len(i.sources) >= 3 for i in summary) >= gold["min_items_with_3_sources"]


def test_a_leaning_sentence_loses_the_choice_to_one_as_good_that_stands_alone() -> None:
    from storyweave.brief.align import Alignment, Unit
    from storyweave.brief.summary import LEANING_PENALTY, select

    def unit(i: int, text: str) -> Unit:
        return Unit(i, f"S{i + 1}", f"S{i + 1}", 0, len(text), text, 0, "sentence",
                    frozenset(), frozenset(), frozenset(), frozenset(), ())  # fmt: skip

    units = [
        unit(0, "He said the bridge would reopen in May."),
        unit(1, "The council said the bridge would reopen in May."),
    ]
    zeros = np.zeros((2, 2), dtype=np.float32)
    alignment = Alignment(zeros, zeros, zeros.astype(bool), np.zeros((2, 4), dtype=np.float32))
    # The leaning sentence scores a little higher, by less than the penalty.
    scores = {0: 1.0 + LEANING_PENALTY / 2, 1: 1.0}
    assert select([0, 1], scores, alignment, 1, units) == [1]
    # Far ahead, it still comes in: the rule is soft.
    scores = {0: 1.0 + 2 * LEANING_PENALTY, 1: 1.0}
    assert select([0, 1], scores, alignment, 1, units) == [0]


def test_a_sentence_opening_in_lower_case_is_a_fragment() -> None:
    from storyweave.brief.align import build_units

    sources = bare_sources(
        ["The river burst its banks on Monday. but I can't reach my family in the hills.\n"]
    )
    units = build_units(sources, parse([s.text for s in sources]))
    kinds = {u.text: u.kind for u in units}
    assert kinds["The river burst its banks on Monday."] == "sentence"
    assert kinds["but I can't reach my family in the hills."] == "fragment"


def test_a_letter_writers_first_person_is_no_summary_sentence() -> None:
    texts = [
        "Storm waves destroyed the Kessington pier on Sunday night, leaving the ferry service "
        "suspended.\n"
        "We refer to the letters about the Kessington pier and thank the writers for their "
        "views on the ferry service.\n"
        "Engineers will inspect the ferry terminal on Monday.\n",
        "The Kessington pier was destroyed by storm waves on Sunday night.\n"
        "We refer to the letters about the Kessington pier and thank the writers for their "
        "views on the ferry service, the council said.\n"
        "The ferry service to the islands is suspended until further notice.\n",
        'Ferry crossings were halted. "We will rebuild the pier," the harbour master said.\n'
        "Storm waves wrecked the Kessington pier on Sunday.\n",
    ]
    sources = bare_sources(texts, "p-{i}", "{i}.txt")
    summary, _, _ = weave(sources, parse([s.text for s in sources]), [], 3)
    assert summary and not any("we refer" in i.text.lower() for i in summary), [
        i.text for i in summary
    ]


_PIER_QUOTE = "“We will rebuild the pier before the summer season and reopen the ferry service.”"
_FURIOUS = "“I was furious about the closure of the ferry line,” he said."
_MODEL_QUOTE = (
    "“Our model is the first to join every method in one projection. It shows the urgent "
    "need to cut emissions before the coast floods.”"
)
UNCREDITED = {
    # A quotation no one is credited with in its sentence.
    "no one": (
        [
            "Storm waves destroyed the Kessington pier on Sunday night, the harbour office "
            f"said.\n{_PIER_QUOTE}\nEngineers will inspect the ferry terminal on Monday.\n",
            f"The Kessington pier was destroyed by storm waves on Sunday night.\n{_PIER_QUOTE}\n"
            "The ferry service to the islands is suspended until further notice.\n",
            "Storm waves wrecked the Kessington pier on Sunday.\n"
            '"We will rebuild the pier before the summer season," harbour master Ana Roth said.\n',
        ],
        "“We will rebuild",
    ),
    # ... or only a pronoun.
    "a pronoun": (
        [
            "The Kessington ferry line closed on Sunday after 80 years, the harbour office said.\n"
            f"{_FURIOUS}\nEngineers will inspect the ferry terminal on Monday.\n",
            f"The Kessington ferry line was closed on Sunday.\n{_FURIOUS}\n"
            "Buses will replace the ferry service until further notice.\n",
            f"The ferry line at Kessington closed on Sunday.\n{_FURIOUS}\n",
        ],
        "“I was furious",
    ),
    # A sentence inside a quotation that runs over several, credited or not.
    "inside a quotation": (
        [
            "Sea levels at Kessington could rise by two metres by 2100, a university study "
            f"found.\n{_MODEL_QUOTE} said lead author Ana Roth.\n"
            "The study was published in a science journal in December.\n",
            "A university study found sea levels at Kessington could rise two metres by 2100.\n"
            f"{_MODEL_QUOTE}\nThe city plans to raise its sea walls by 2040.\n",
            "Kessington's sea level may rise by two metres by 2100, researchers said.\n"
            f"{_MODEL_QUOTE}\n",
        ],
        "It shows the urgent",
    ),
}


@pytest.mark.parametrize("case", sorted(UNCREDITED))
def test_a_quotation_whose_speaker_the_sentence_does_not_name_is_no_summary_sentence(
    case: str,
) -> None:
    texts, opening = UNCREDITED[case]
    sources = bare_sources(texts, "q-{i}", "{i}.txt")
    summary, _, _ = weave(sources, parse([s.text for s in sources]), [], 3)
    said = [i.text for i in summary]
    assert len(said) == 3 and not any(t.startswith(opening) for t in said), said


def test_a_summary_sentence_reads_without_its_wire_dateline() -> None:
    texts = [
        "KESSINGTON, Jan 30 – Storm waves destroyed the Kessington pier on Sunday night.\n"
        "Engineers will inspect the ferry terminal on Monday.\n",
        "Storm waves destroyed the Kessington pier on Sunday night, the harbour office said.\n"
        "The ferry service to the islands is suspended until further notice.\n",
    ]
    sources = bare_sources(texts, "q-{i}", "{i}.txt")
    summary, facts, _ = weave(sources, parse([s.text for s in sources]), [], 2)
    told = [i.text for i in summary] + [f.text for f in facts]
    assert not any(t.startswith("KESSINGTON") for t in told), told
    spans = [e.text for i in summary for e in i.evidence]
    assert any(t.startswith("KESSINGTON, Jan 30 – Storm") for t in spans), spans


@pytest.mark.parametrize(
    ("sentence", "read"),
    [
        ("KESSINGTON: Engineers will inspect it.", "Engineers will inspect it."),
        ("TARVO (AP) _ The pier fell.", "The pier fell."),
        ("NOTE: the figures are provisional.", "NOTE: the figures are provisional."),
        ("US President Ana Lise said - no.", "US President Ana Lise said - no."),
    ],
)
def test_without_dateline(sentence: str, read: str) -> None:
    assert without_dateline(sentence) == read


def test_what_is_not_so_does_not_lead_the_summary() -> None:
    texts = [
        "Varnel is not a suspect in the fire.\n"
        "Police are seeking Ivo Varnel, a former caretaker, as a witness to the fire that "
        "destroyed the Kessington town hall on Sunday.\n",
        "Varnel is not a suspect in the fire.\n"
        "The Kessington town hall was destroyed by a fire on Sunday; police want to speak to "
        "Ivo Varnel as a witness.\n",
        "Varnel is not a suspect in the fire, officers stressed.\n"
        "Fire destroyed Kessington's town hall on Sunday.\n",
    ]
    sources = bare_sources(texts, "q-{i}", "{i}.txt")
    summary, _, _ = weave(sources, parse([s.text for s in sources]), [], 2)
    assert "not a suspect" not in summary[0].text, [i.text for i in summary]


def test_what_would_happen_does_not_lead_the_summary() -> None:
    habit = "The fraudsters would ask each victim to move savings into a safe account."
    texts = [
        f"{habit}\nPolice in Tarvo arrested nine members of the fraud ring on Monday.\n",
        f"{habit}\nNine members of the fraud ring were arrested in Tarvo on Monday.\n"
        "Officers seized 20 phones at the office the ring rented.\n",
        f"{habit}\nOfficers seized 20 phones at the rented office, the police said.\n",
    ]
    sources = bare_sources(texts, "m-{i}", "{i}.txt")
    summary, _, _ = weave(sources, parse([s.text for s in sources]), [], 3)
    assert summary and summary[0].text != habit, [i.text for i in summary]
    assert any(i.text == habit for i in summary)  # still told, just not first
