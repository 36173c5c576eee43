"""Support between sources: agreed vs single facts, reprints, disputes, evidence spans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyweave.brief.support import weave
from storyweave.models import Article, Source, to_jsonable
from storyweave.nlp.spacy_model import parse

ROOT = Path(__file__).resolve().parents[1]

# An invented story told by three outlets, with one wire reprint and one outlier.
HARBOR_A = (
    "Dock workers at the port of Rotterdam ended a nine-day strike on Monday after union "
    "leaders accepted a new wage offer.\n"
    "The agreement raises pay by 6 percent over two years, the union said.\n"
    "Container ships that had waited offshore began unloading on Monday evening.\n"
    "The port authority estimated losses at 40 million euros.\n"
)
HARBOR_B = (
    "The nine-day strike by dockers in Rotterdam is over after the union accepted a revised "
    "pay offer on Monday.\n"
    "Under the deal wages will rise 6 percent across two years, according to the union.\n"
    "Harbour pilot Jan de Vries said the backlog would take a week to clear.\n"
    "Ships anchored off the coast started to unload their cargo on Monday night.\n"
)
HARBOR_C = (
    "Port workers in Rotterdam returned to work after a strike that lasted nine days, ending "
    "the walkout on Monday once union leaders agreed to the improved wage proposal.\n"
    "The mayor of Rotterdam welcomed the end of the dispute in a statement on Tuesday.\n"
    "Economists warned that supply chains across Europe would feel the delay for weeks.\n"
)


def _source(sid: str, text: str, duplicate_of: str | None = None) -> Source:
    article = Article(id=f"id-{sid}", input=f"{sid}.txt", text=text)
    return Source(
        sid=sid,
        article=article,
        text=text,
        title=None,
        published=None,
        published_from=None,
        duplicate_of=duplicate_of,
    )


def _weave(sources: list[Source], count: int = 4):  # type: ignore[no-untyped-def]
    docs = parse([s.text for s in sources])
    return weave(sources, docs, [], count)


def _facts_with(facts, word: str):  # type: ignore[no-untyped-def]
    return [f for f in facts if word.lower() in f.text.lower()]


@pytest.fixture(scope="module")
def harbor():  # type: ignore[no-untyped-def]
    sources = [_source("S1", HARBOR_A), _source("S2", HARBOR_B), _source("S3", HARBOR_C)]
    return sources, _weave(sources)


def test_paraphrased_claim_is_agreed_by_every_source_that_makes_it(harbor) -> None:  # type: ignore[no-untyped-def]
    _, (_, facts, _) = harbor
    strike = [f for f in facts if "strike" in f.text.lower() and f.status == "agreed"]
    assert strike, [f.text for f in facts]
    assert set(strike[0].sources) == {"S1", "S2", "S3"}


def test_claim_made_once_is_single_with_its_source(harbor) -> None:  # type: ignore[no-untyped-def]
    _, (_, facts, _) = harbor
    pilot = _facts_with(facts, "de Vries")
    assert len(pilot) == 1
    assert pilot[0].status == "single"
    assert pilot[0].sources == ("S2",)
    mayor = _facts_with(facts, "mayor")
    assert mayor and mayor[0].status == "single" and mayor[0].sources == ("S3",)


def test_translated_paraphrase_of_a_figure_is_agreed(harbor) -> None:  # type: ignore[no-untyped-def]
    _, (_, facts, _) = harbor
    pay = [f for f in facts if "6 percent" in f.text]
    assert pay and pay[0].status == "agreed" and set(pay[0].sources) == {"S1", "S2"}


def test_wire_reprint_counts_once() -> None:
    reprint = HARBOR_A.replace("on Monday evening", "late on Monday")
    sources = [_source("S1", HARBOR_A), _source("S2", reprint, duplicate_of="S1")]
    _, facts, _ = _weave(sources)
    assert facts
    # Only one independent outlet: nothing can be agreed, however many copies cite it.
    assert all(f.status == "single" for f in facts)
    assert any(set(f.sources) == {"S1", "S2"} for f in facts)


def test_every_evidence_span_slices_back_to_its_source(harbor) -> None:  # type: ignore[no-untyped-def]
    sources, (summary, facts, disputes) = harbor
    by_sid = {s.sid: s for s in sources}
    holders = list(summary) + list(facts) + [c for d in disputes for c in d.claims]
    assert holders
    for holder in holders:
        assert holder.evidence
        for ev in holder.evidence:
            text = by_sid[ev.source].text
            assert text[ev.start : ev.end] == ev.text
            assert ev.text in text


def test_same_input_gives_the_same_output() -> None:
    sources = [_source("S1", HARBOR_A), _source("S2", HARBOR_B), _source("S3", HARBOR_C)]
    first = json.dumps(to_jsonable(_weave(sources)), sort_keys=True)
    second = json.dumps(to_jsonable(_weave(sources)), sort_keys=True)
    assert first == second


# Where the soldiers went: two outlets say Moldova; one body sentence says Romania.
DEPLOY = [
    "The alliance sent 500 soldiers to Moldova last week at the request of its government.\n"
    "The soldiers will guard the airport and the main power plant.\n",
    "NATO sent 500 soldiers to Moldova last week after the government asked for help.\n"
    "Officials said the mission would last a month.\n",
    "The alliance sent about 500 soldiers to Romania last week, officials said.\n"
    "Protests in the capital have calmed since the weekend.\n",
]


def test_outlier_place_is_a_dispute_and_never_summarised() -> None:
    sources = [_source(f"S{i}", t) for i, t in enumerate(DEPLOY, 1)]
    summary, facts, disputes = _weave(sources)
    assert len(disputes) == 1
    sides = [" ".join(c.text for c in d.claims) for d in disputes]
    assert "Moldova" in sides[0] and "Romania" in sides[0]
    first = disputes[0].claims[0]
    assert "Moldova" in first.text and set(first.sources) == {"S1", "S2"}
    assert not any("Romania" in i.text or "Romania" in e.text for i in summary for e in i.evidence)
    assert not any("Romania" in e.text for f in facts if f.status == "agreed" for e in f.evidence)


def test_a_country_and_its_continent_are_no_dispute() -> None:
    texts = [t.replace("Romania", "Europe") for t in DEPLOY]
    _, _, disputes = _weave([_source(f"S{i}", t) for i, t in enumerate(texts, 1)])
    assert not [d for d in disputes if d.topic.startswith("where")], disputes


# Which hospital the rider went to: two outlets name one, two another, one names none.
HOSPITAL = [
    "The 31-year-old rider was taken conscious to Alder Bay General Hospital, paramedics said.\n"
    "The crash happened on the coastal expressway on Monday morning.\n",
    "A 31-year-old rider was sent to Alder Bay General Hospital in a conscious state.\n"
    "Police are investigating.\n",
    "The 31-year-old rider was taken conscious to Northpoint Health Campus after the "
    "crash.\n"
    "Traffic was held up for an hour.\n",
    "A 31-year-old rider was conveyed to Northpoint Health Campus, the civil defence force said.\n"
    "Investigations are ongoing.\n",
    "The 31-year-old rider was taken to hospital in a conscious state.\n",
]


def test_two_hospitals_for_one_patient_are_a_dispute_not_an_agreed_fact() -> None:
    sources = [_source(f"S{i}", t) for i, t in enumerate(HOSPITAL, 1)]
    _, facts, disputes = _weave(sources)
    # "taken to hospital" is agreed by all; a named hospital only by those who name it.
    for fact in facts:
        for hospital, other in (("Alder Bay", "Northpoint"), ("Northpoint", "Alder Bay")):
            if hospital in fact.text:
                assert not any(other in e.text for e in fact.evidence), fact
    where = [d for d in disputes if d.topic.startswith("where")]
    assert len(where) == 1, disputes
    sides = {frozenset(c.sources) for c in where[0].claims}
    assert sides == {frozenset({"S1", "S2"}), frozenset({"S3", "S4"})}


def test_a_rider_and_a_motorcyclist_taken_to_two_hospitals_are_a_dispute() -> None:
    texts = [t.replace("rider", "motorcyclist") if i >= 2 else t for i, t in enumerate(HOSPITAL)]
    _, _, disputes = _weave([_source(f"S{i}", t) for i, t in enumerate(texts, 1)])
    where = [d for d in disputes if d.topic.startswith("where")]
    assert len(where) == 1, disputes
    sides = {frozenset(c.sources) for c in where[0].claims}
    assert sides == {frozenset({"S1", "S2"}), frozenset({"S3", "S4"})}


def test_a_report_telling_both_places_in_its_body_makes_them_no_dispute() -> None:
    from types import SimpleNamespace

    from storyweave.brief.disputes import Slot, _told_together

    body, caption = SimpleNamespace(kind="sentence"), SimpleNamespace(kind="caption")
    claims = [
        ("One officer was taken to Alder Bay Hospital.", "S1", body),
        ("Two officers were taken to Northpoint Health Campus.", "S1", body),
        ("The officer was taken to Alder Bay Hospital.", "S2", body),
        ("Officers were taken to Northpoint Health Campus.", "S3", caption),
    ]
    groups = {"S1": "S1", "S2": "S2", "S3": "S3"}

    def slot(claim: int, value: str) -> Slot:
        return Slot(claim, "place", "to|officer", value, "")

    # S1 tells both in its body: two facts, not rival answers.
    both = {"Alder Bay Hospital": [slot(0, "Alder Bay Hospital"), slot(2, "Alder Bay Hospital")],
            "Northpoint Health Campus": [slot(1, "Northpoint Health Campus")]}  # fmt: skip
    assert _told_together(both, claims, groups)
    # Different reports, or a caption against a body: a dispute stands.
    apart = {"Alder Bay Hospital": [slot(2, "Alder Bay Hospital")],
             "Northpoint Health Campus": [slot(3, "Northpoint Health Campus")]}  # fmt: skip
    assert not _told_together(apart, claims, groups)


def test_related_places_are_not_a_dispute() -> None:
    texts = [
        "Rescue teams were sent to Lyon on Sunday after the river burst its banks.\n",
        "Rescue teams were sent to France on Sunday after the river burst its banks "
        "near Lyon, France.\n",
    ]
    _, _, disputes = _weave([_source(f"S{i}", t) for i, t in enumerate(texts, 1)])
    assert disputes == []


def test_a_city_and_the_country_it_lies_in_are_not_a_dispute() -> None:
    texts = [
        "The rescued crew were flown to Chicago on Sunday after the ship sank.\n",
        "The rescued crew were flown to the United States on Sunday after the ship sank.\n",
    ]
    _, _, disputes = _weave([_source(f"S{i}", t) for i, t in enumerate(texts, 1)])
    assert disputes == []


def test_a_date_told_of_another_incident_is_not_a_dispute() -> None:
    texts = [
        "A fire broke out in a flat on the seventh floor on March 3, and 60 residents "
        "were evacuated.\n",
        "Sixty residents were evacuated after a fire broke out in a flat on March 3.\n",
        "Less than two weeks before this incident, a fire broke out in a flat on the seventh "
        "floor on March 14, and 60 residents were evacuated.\n",
    ]
    _, _, disputes = _weave([_source(f"S{i}", t) for i, t in enumerate(texts, 1)])
    assert disputes == []
    texts[2] = "A fire broke out in a flat on the seventh floor on March 14.\n"
    _, _, disputes = _weave([_source(f"S{i}", t) for i, t in enumerate(texts, 1)])
    assert [d.topic[:4] for d in disputes] == ["when"], disputes


def test_caption_only_claim_is_reported_without_evidence() -> None:
    sources = [_source(f"S{i}", t) for i, t in enumerate(DEPLOY[:2], 1)]
    captioned = _source("S3", DEPLOY[2].split("\n", 1)[1])
    from dataclasses import replace

    captioned = replace(
        captioned, captions=("The alliance sent about 500 soldiers to Romania last week.",)
    )
    _, _, disputes = _weave([*sources, captioned])
    assert len(disputes) == 1
    caption = [c for c in disputes[0].claims if "Romania" in c.text]
    assert caption and caption[0].sources == ("S3",) and caption[0].evidence == ()


# --- the seed story (real reports, hand-made gold) -----------------------------------------


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from storyweave.clean import clean_articles
    from storyweave.clean.flags import detect_flags
    from storyweave.dedup import mark_duplicates
    from storyweave.pipeline import read_story

    articles, _ = read_story([ROOT / "examples" / "seed-story"])
    sources = mark_duplicates(clean_articles(articles))
    docs = parse([s.text for s in sources])
    sources = [replace(s, flags=detect_flags(s, d)) for s, d in zip(sources, docs, strict=True)]
    gold = json.loads((ROOT / "tests" / "fixtures" / "seed_gold.json").read_text())
    return sources, weave(sources, docs, [], 5), gold


def _mentions(holder, words: list[str]) -> bool:  # type: ignore[no-untyped-def]
    text = " ".join([holder.text, *(e.text for e in holder.evidence)]).lower()
    return any(w.lower() in text for w in words)


def test_seed_agreed_facts_have_their_sources(seed) -> None:  # type: ignore[no-untyped-def]
    _, (_, facts, _), gold = seed
    for want in gold["facts"]["agreed_required"]:
        assert any(
            f.status == "agreed"
            and all(_mentions(f, words) for words in want["words"])
            and len(f.sources) >= want["min_sources"]
            for f in facts
        ), want


def test_seed_single_facts_belong_to_their_one_source(seed) -> None:  # type: ignore[no-untyped-def]
    sources, (_, facts, _), gold = seed
    sid = {s.article.input: s.sid for s in sources}
    for want in gold["facts"]["single_required"]:
        assert any(
            f.status == "single"
            and all(_mentions(f, words) for words in want["words"])
            and f.sources == (sid[want["source"]],)
            for f in facts
        ), want


def test_seed_dispute_over_where_troops_went(seed) -> None:  # type: ignore[no-untyped-def]
    _, (_, _, disputes), gold = seed
    for want in gold["disputes_stretch"]:
        assert any(
            all(any(_mentions(c, words) for c in d.claims) for words in want["words"])
            for d in disputes
        ), want


def test_two_calendar_days_for_one_event_is_a_dispute() -> None:
    texts = [
        "Negotiators walked out of the trade talks on March 3, ending the week-long session.\n",
        "Negotiators walked out of the trade talks on March 5, ending the week-long session.\n",
        "Negotiators walked out of the trade talks on 3 March, ending the week-long session.\n",
    ]
    _, _, disputes = _weave([_source(f"S{i}", t) for i, t in enumerate(texts, 1)])
    assert len(disputes) == 1 and disputes[0].topic.startswith("when")
    assert set(disputes[0].claims[0].sources) == {"S1", "S3"}
    assert disputes[0].claims[1].sources == ("S2",)


def test_the_same_day_written_two_ways_is_no_dispute() -> None:
    texts = [
        "Negotiators walked out of the trade talks on March 3, ending the week-long session.\n",
        "Negotiators walked out of the trade talks on 3 March, ending the week-long session.\n",
    ]
    _, _, disputes = _weave([_source(f"S{i}", t) for i, t in enumerate(texts, 1)])
    assert disputes == []


def test_one_statement_credited_to_two_people_is_a_dispute() -> None:
    texts = [
        "Anna Berg said the steel plant would close by the end of next year.\n",
        "Carl Holm said the steel plant would close by the end of next year.\n",
    ]
    _, _, disputes = _weave([_source(f"S{i}", t) for i, t in enumerate(texts, 1)])
    assert len(disputes) == 1 and disputes[0].topic.startswith("who")
    names = {c.text.split(" said")[0] for c in disputes[0].claims}
    assert names == {"Anna Berg", "Carl Holm"}


def test_different_clock_times_are_not_one_agreed_claim() -> None:
    # Two outlets: the same morning, two different alerts at two different times.
    first = (
        "The fire service said it was alerted to the crash on the coastal highway at about "
        "5.40am.\nTwo people were taken to hospital.\n"
    )
    second = (
        "The police said they were alerted to a second crash involving two vans on the "
        "coastal highway at around 6.30am.\nTraffic was diverted for three hours.\n"
    )
    sources = [_source("S1", first), _source("S2", second)]
    _, facts, _ = _weave(sources)
    van = _facts_with(facts, "second crash")
    assert len(van) == 1
    assert van[0].sources == ("S2",), van[0].evidence
    assert van[0].status == "single"


def test_a_district_and_its_city_in_one_sentence_are_not_a_dispute() -> None:
    texts = [
        "Mr Lim wrote in his post that the house set on fire was located in Riverside, in "
        "downtown Boston.\n",
        "Mr Lim wrote in his post that the house was located in Riverside, in downtown Boston, "
        "and that two police reports have been made.\n",
    ]
    _, _, disputes = _weave([_source(f"S{i}", t) for i, t in enumerate(texts, 1)])
    assert disputes == [], disputes


def test_the_measure_most_sources_give_does_not_make_an_anecdote_agreed() -> None:
    # Eight outlets report a rule about "18 months"; one adds a mother's plan that also
    # mentions 18 months. Sharing the story's own measure does not make her plan agreed.
    rule = [
        "From March, nurseries will ban screen use for toddlers under 18 months, the ministry "
        "said.",
        "Under the new code, children younger than 18 months should have no screen time at all.",
        "The guidelines say infants up to 18 months must not be exposed to screens, even in the "
        "background.",
        "Nurseries must keep children under 18 months away from phones and tablets from March.",
        "The ministry advised parents to give no screen time to babies below 18 months.",
        "Screens will be banned for children aged under 18 months in all nurseries.",
        "Toddlers younger than 18 months will get no screen time under the updated rules.",
        "Parents were told that children below 18 months should not use screens at all.",
    ]
    extra = [
        "The health minister said the rules would be reviewed in two years.",
        "Teachers welcomed the clearer advice.",
        "Some parents said the limits were hard to follow.",
        "The ministry will run workshops for parents in April.",
        "Paediatricians said screen habits form early.",
        "Officials said schools would get new guidance next year.",
        "The agency will publish a parents' guide online.",
        "A survey found most parents worried about screen use.",
    ]
    texts = [f"{r}\n{e}\n" for r, e in zip(rule, extra, strict=True)]
    texts[0] += (
        "Mother of two Lena Ortiz said she plans to allow limited screen time after her son "
        "turns 18 months old, but only 30 minutes a day.\n"
    )
    _, facts, _ = _weave([_source(f"S{i}", t) for i, t in enumerate(texts, 1)])
    plan = _facts_with(facts, "Ortiz")
    assert len(plan) == 1
    assert plan[0].status == "single", plan[0].sources
    ban = [f for f in facts if f.status == "agreed" and "18 months" in f.text]
    assert ban and len(ban[0].sources) >= 4


def test_closeness_in_meaning_alone_never_makes_two_sentences_one_claim(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    from storyweave.brief import align as align_module
    from storyweave.brief.align import align, build_units

    def embed(texts):  # type: ignore[no-untyped-def]
        # Every two different texts at cosine 0.78, as sentences naming one story's subject are.
        out = np.zeros((len(texts), len(texts) + 1), dtype=np.float32)
        out[:, 0] = np.sqrt(0.78)
        for k in range(len(texts)):
            out[k, k + 1] = np.sqrt(0.22)
        return out

    monkeypatch.setattr(align_module, "embed", embed)
    sources = [
        _source("S1", "Decades at the market taught Mr Olsen patience with the new scheme."),
        _source("S2", "Residents were reminded to stay careful when claiming any credits online."),
    ]
    units = build_units(sources, parse([s.text for s in sources]))
    assert len(units) == 2 and not align(units).aligned[0, 1]


def test_advice_to_the_reader_is_not_in_the_summary() -> None:
    advice = "For official information and updates on the strike, visit the union website. "
    sources = [_source("S1", advice + HARBOR_A), _source("S2", advice + HARBOR_B)]
    summary, _, _ = _weave(sources, count=4)
    assert summary and not [s for s in summary if "visit the union website" in s.text]
