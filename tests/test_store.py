"""The embedded store: migrations, idempotent and resumable ingest, stories, search, briefs.

Articles are invented here from templates (several kinds of local events, each told by
several outlets), so no data set is needed.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyweave import cluster
from storyweave.store import engines, open_store, schema_version
from storyweave.store.errors import StoreError
from storyweave.store.ingest import ingest
from storyweave.store.migrations import MIGRATIONS, migrate
from storyweave.store.search import search
from storyweave.store.stories import get_story, list_stories, member_ids

ROOT = Path(__file__).resolve().parents[1]

# ---------------------------------------------------------------- invented articles

TOWNS = (
    "Pellingford",
    "Quarrymoor",
    "Ashcombe Vale",
    "Tillbury Reach",
    "Norhaven",
    "Crestmoor",
    "Wexley Bridge",
    "Lindenmoor",
    "Brackwater",
    "Fennick Hollow",
    "Oakhurst Mills",
    "Saltmere",
)
PEOPLE = (
    "Maren Olsby",
    "Tobias Quill",
    "Ines Carrow",
    "Desmond Achterberg",
    "Priya Vantongeren",
    "Colm Ashdown",
    "Lucia Fenwright",
    "Ravi Pendleton",
    "Greta Mossvale",
    "Hollis Varga",
)
OUTLETS = (
    "Valley Courier",
    "Evening Ledger",
    "Northern Wire",
    "Riverside Gazette",
    "County Herald",
    "Morning Post-Dispatch",
    "Harbour Times",
    "Weekly Lantern",
    "Civic Review",
)
KINDS: dict[str, dict[str, tuple[str, ...]]] = {
    "flood": {
        "titles": (
            "Floods force {n} families from homes in {town}",
            "{town} evacuates riverside streets as water rises",
            "River bursts banks in {town}; {n} households displaced",
        ),
        "sentences": (
            "Floodwater from the swollen river forced {n} families from their homes in {town} "
            "on {day}.",
            "{person}, who leads the {town} fire service, said crews had rescued residents "
            "from rooftops overnight.",
            '"The water came up faster than anyone expected," {person} told reporters.',
            "Sandbags were handed out at the {town} community hall until supplies ran out.",
            "The county opened two shelters and said {n2} people had spent the night there.",
            "Forecasters expect more rain over the hills above {town} before the weekend.",
            "Schools in {town} will stay closed while engineers inspect the flood walls.",
        ),
    },
    "fire": {
        "titles": (
            "Warehouse blaze in {town} burns through the night",
            "Fire destroys {town} storage depot; {n} firefighters respond",
            "Huge fire at {town} industrial park under control",
        ),
        "sentences": (
            "A fire tore through a storage warehouse on the edge of {town} on {day}, "
            "sending black smoke over the valley.",
            "About {n} firefighters fought the blaze for nine hours, {person}, the "
            "station commander, said.",
            "Residents within half a mile were told to keep windows shut because of the smoke.",
            "No one was hurt, but the building, which held furniture and paint, was destroyed.",
            '"It was fully alight when our first crews arrived," {person} said.',
            "Investigators have not yet said what started the fire in {town}.",
            "The owner estimated the damage at {n2} thousand pounds.",
        ),
    },
    "strike": {
        "titles": (
            "Bus drivers in {town} walk out over pay",
            "{town} bus strike leaves commuters stranded",
            "Drivers strike in {town}; talks set for next week",
        ),
        "sentences": (
            "Bus drivers in {town} began a {n}-day strike on {day} after pay talks broke down.",
            "The union said its members had been offered a rise well below inflation.",
            "{person}, a union organiser, said drivers had voted overwhelmingly to walk out.",
            '"Nobody wants to strand passengers, but we have run out of options," {person} said.',
            "The bus company said it would run a reduced timetable on {n2} routes.",
            "Commuters queued for taxis outside {town} station during the morning rush.",
            "Talks between the company and the union are due to resume next week.",
        ),
    },
    "theft": {
        "titles": (
            "Gold brooch stolen from {town} museum",
            "Thieves raid {town} museum overnight",
            "Police appeal after {town} museum break-in",
        ),
        "sentences": (
            "Thieves broke into the {town} town museum on {day} and took a gold brooch "
            "from a locked display case.",
            "The brooch, about {n} centuries old, had been on loan from a private collection.",
            "{person}, the museum's curator, said the alarm had sounded shortly after 3 a.m.",
            '"We are heartbroken; it is irreplaceable," {person} said.',
            "Police said they were studying footage from {n2} cameras on nearby streets.",
            "The museum will stay closed while officers examine the building.",
            "Detectives asked anyone who saw a van near the museum to come forward.",
        ),
    },
    "bridge": {
        "titles": (
            "{town} bridge closed after cracks found",
            "Engineers shut {town} road bridge",
            "Drivers face long detours as {town} bridge closes",
        ),
        "sentences": (
            "Engineers closed the main road bridge into {town} on {day} after finding "
            "cracks in two of its supports.",
            "Drivers face a detour of about {n} miles while repairs are planned.",
            "{person}, the council's head of highways, said safety came first.",
            '"We could not take any risk with a structure this old," {person} said.',
            "The bridge carries roughly {n2} hundred vehicles a day.",
            "Local shops said trade had fallen sharply since the closure.",
            "The council expects a full inspection report within a month.",
        ),
    },
}
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


def invent_stories(
    n_stories: int, seed: int = 7, reports: tuple[int, int] = (4, 9)
) -> list[list[dict[str, str]]]:
    """``n_stories`` invented stories, each a list of JSON records by different outlets.

    The number of records of a story is drawn from the ``reports`` range.
    """
    rng = random.Random(seed)
    stories = []
    kinds = sorted(KINDS)
    for index in range(n_stories):
        kind = KINDS[kinds[index % len(kinds)]]
        town = TOWNS[index % len(TOWNS)]
        facts = {
            "town": town,
            "person": PEOPLE[index % len(PEOPLE)],
            "n": str(rng.randint(3, 90)),
            "n2": str(rng.randint(2, 40)),
            "day": rng.choice(DAYS),
        }
        month_day = 1 + index % 27
        records = []
        for k, outlet in enumerate(rng.sample(OUTLETS, rng.randint(*reports))):
            sentences = list(kind["sentences"])
            rng.shuffle(sentences)
            body = [s.format(**facts) for s in sentences[: rng.randint(4, len(sentences))]]
            body.append(f"Reporting by the {outlet} newsroom, story {index}, desk {k}.")
            records.append(
                {
                    "id": f"inv-{index:03d}-{k}",
                    "outlet": outlet,
                    "title": rng.choice(kind["titles"]).format(**facts),
                    "published": f"2031-03-{month_day + k % 2:02d}",
                    "text": "\n\n".join(body),
                }
            )
        stories.append(records)
    return stories


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def flat(stories: list[list[dict[str, str]]]) -> list[dict[str, str]]:
    return [r for story in stories for r in story]


# ------------------------------------------------ a minimal clusterer for the store's tests


class TinyClusterer:
    """A minimal clusterer: the store works with any object offering ``partial_fit``,
    ``to_state`` and ``from_state`` (saved whole, having no ``take_changes``).

    Joins an article to the story whose first title shares the most words with its title.
    """

    def __init__(self, seed: int = 1) -> None:
        self.seed = seed
        self.stories_: dict[str, set[str]] = {}

    def partial_fit(self, articles: list) -> dict[str, str]:
        out = {}
        for article in articles:
            words = set(re.findall(r"[a-z]{4,}", f"{article.title} {article.text}".lower()))
            best = max(
                self.stories_,
                key=lambda s: (len(words & self.stories_[s]) / len(words | self.stories_[s]), s),
                default=None,
            )
            score = (
                len(words & self.stories_[best]) / len(words | self.stories_[best]) if best else 0
            )
            if best is None or score < 0.35:
                best = "st-" + article.id[:12]
                self.stories_[best] = words
            out[article.id] = best
        return out

    def to_state(self) -> bytes:
        return json.dumps({k: sorted(v) for k, v in self.stories_.items()}).encode()

    @classmethod
    def from_state(cls, state: bytes) -> TinyClusterer:
        clusterer = cls()
        clusterer.stories_ = {k: set(v) for k, v in json.loads(state).items()}
        return clusterer


REAL_CLUSTERER = hasattr(cluster, "StoryClusterer")


@pytest.fixture(autouse=True)
def engines_available(monkeypatch: pytest.MonkeyPatch) -> None:
    """Use the real clusterer when the package provides it, else the minimal one."""
    if not REAL_CLUSTERER:
        monkeypatch.setattr(engines, "new_clusterer", TinyClusterer)


# ---------------------------------------------------------------- helpers


def table_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    tables = [
        "articles",
        "rejected",
        "stories",
        "story_articles",
        "near_copy_signatures",
        "briefs",
    ]
    counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
    conn.close()
    return counts


def memberships(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT article_id, story_id FROM story_articles").fetchall()
    conn.close()
    return dict(rows)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSON Lines file of 24 invented stories (about 150 articles)."""
    folder = tmp_path_factory.mktemp("corpus")
    return write_jsonl(folder / "news.jsonl", flat(invent_stories(24)))


@pytest.fixture()
def conn_factory() -> Iterator:
    opened: list[sqlite3.Connection] = []

    def open_(path: Path) -> sqlite3.Connection:
        opened.append(open_store(path))
        return opened[-1]

    yield open_
    for conn in opened:
        conn.close()


# ---------------------------------------------------------------- migrations


def test_migrations_apply_on_an_empty_database_and_are_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "nested" / "folder" / "news.db"
    conn = open_store(db)
    assert db.exists(), "the folder and the file are created"
    assert schema_version(conn) == MIGRATIONS[-1].version
    assert migrate(conn) == []
    rows = conn.execute("SELECT version, name FROM schema_version").fetchall()
    assert [tuple(r) for r in rows] == [(m.version, m.name) for m in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    conn.close()
    again = open_store(db)
    assert [tuple(r) for r in again.execute("SELECT version, name FROM schema_version")] == [
        (m.version, m.name) for m in MIGRATIONS
    ]
    again.close()


def test_a_newer_schema_is_refused_with_the_fix(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    open_store(db).close()
    raw = sqlite3.connect(db)
    raw.execute("INSERT INTO schema_version VALUES (999, 'future', 'later')")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError) as info:
        open_store(db)
    assert info.value.code == "E104" and "upgrade storyweave" in info.value.message


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("shopping list: eggs, flour, a long enough line to fill the header " * 10)
    with pytest.raises(StoreError) as info:
        open_store(db)
    assert info.value.code == "E105"


def test_a_missing_database_is_not_created_when_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        open_store(tmp_path / "absent.db", create=False)
    assert info.value.code == "E101"
    assert not (tmp_path / "absent.db").exists()


def test_default_path_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyweave.store import default_db_path

    monkeypatch.delenv("STORYWEAVE_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "storyweave" / "storyweave.db"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_db_path() == tmp_path / "home" / ".local/share/storyweave/storyweave.db"
    monkeypatch.setenv("STORYWEAVE_DB", str(tmp_path / "env.db"))
    assert default_db_path() == tmp_path / "env.db"


# ---------------------------------------------------------------- ingest


def test_ingesting_twice_equals_ingesting_once(tmp_path: Path, corpus: Path, conn_factory) -> None:
    db = tmp_path / "news.db"
    conn = conn_factory(db)
    first = ingest(conn, [corpus], batch_size=40)
    counts, stories = table_counts(db), memberships(db)
    n_records = len(corpus.read_text().splitlines())
    assert first.read == n_records and first.added + first.near_copies == n_records
    assert counts["articles"] == n_records == counts["story_articles"]

    # Read every record again (an unchanged file is otherwise skipped whole, below).
    second = ingest(conn, [corpus], batch_size=40, reread=True)
    assert second.added == 0 and second.near_copies == 0 and second.stories_touched == ()
    assert second.already_stored == n_records
    assert table_counts(db) == counts
    assert memberships(db) == stories
    assert all(s.version == 1 for s in list_stories(conn))
    third = ingest(conn, [corpus], batch_size=40)
    assert (third.read, third.files_unchanged, third.stories_touched) == (0, 1, ())
    assert table_counts(db) == counts and memberships(db) == stories


def test_story_ids_are_stable_across_fresh_runs(tmp_path: Path, corpus: Path, conn_factory) -> None:
    one = conn_factory(tmp_path / "one.db")
    two = conn_factory(tmp_path / "two.db")
    ingest(one, [corpus], batch_size=40)
    ingest(two, [corpus], batch_size=40)
    assert memberships(tmp_path / "one.db") == memberships(tmp_path / "two.db")
    assert list_stories(one) == list_stories(two)


def test_story_figures_count_articles_and_dates(tmp_path: Path, conn_factory) -> None:
    records = flat(invent_stories(6, seed=3))
    conn = conn_factory(tmp_path / "news.db")
    ingest(conn, [write_jsonl(tmp_path / "a.jsonl", records)])
    listed = list_stories(conn)
    assert sum(s.article_count for s in listed) == len(records)
    published = {r["id"]: r["published"] for r in records}
    by_title = {r["title"] for r in records}
    for story in listed:
        assert story.headline in by_title
        assert story.independent_count <= story.article_count
        ids = member_ids(conn, story.id)
        rows = conn.execute(
            f"SELECT input FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids
        ).fetchall()
        dates = sorted(published[r[0]] for r in rows)
        assert (story.first_published, story.last_published) == (dates[0], dates[-1])


def test_versions_grow_only_for_stories_that_gain_articles(tmp_path: Path, conn_factory) -> None:
    stories = invent_stories(10, seed=11)
    early = [s[:-1] for s in stories]
    conn = conn_factory(tmp_path / "news.db")
    ingest(conn, [write_jsonl(tmp_path / "early.jsonl", flat(early))])
    before = {s.id: s for s in list_stories(conn)}
    late = stories[4][-1]  # one more report of the fifth story only
    summary = ingest(conn, [write_jsonl(tmp_path / "late.jsonl", [late])])
    after = {s.id: s for s in list_stories(conn)}
    (touched,) = summary.stories_touched
    assert set(after) == set(before) | {touched}
    for story_id, story in after.items():
        if story_id == touched:
            old = before.get(story_id)
            assert story.version == (old.version + 1 if old else 1)
        else:
            assert story == before[story_id]


def test_a_near_copy_is_stored_linked_and_joins_the_original_story(
    tmp_path: Path, conn_factory
) -> None:
    stories = invent_stories(4, seed=5)
    original = stories[2][0]
    reprint = dict(original, id="reprint-1", outlet="Wire Reprints Weekly")
    reprint["text"] = original["text"] + "\n\nThis story was distributed by a news agency."
    conn = conn_factory(tmp_path / "news.db")
    ingest(conn, [write_jsonl(tmp_path / "a.jsonl", flat(stories))])
    summary = ingest(conn, [write_jsonl(tmp_path / "b.jsonl", [reprint])])
    assert summary.near_copies == 1 and summary.added == 0
    row = conn.execute(
        "SELECT a.duplicate_of, o.input FROM articles a JOIN articles o ON o.id = a.duplicate_of "
        "WHERE a.input = 'reprint-1'"
    ).fetchone()
    assert row["input"] == original["id"]
    story_of = memberships(tmp_path / "news.db")
    assert story_of[row["duplicate_of"]] == summary.stories_touched[0]
    story = get_story(conn, summary.stories_touched[0])
    assert story is not None and story.independent_count == story.article_count - 1


def test_rejected_inputs_are_recorded_with_their_reasons_once(tmp_path: Path, conn_factory) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    write_jsonl(inputs / "good.jsonl", flat(invent_stories(2)))
    (inputs / "empty.txt").write_text("")
    (inputs / "broken.jsonl").write_text('{"id": "x", "text": "fine words here"}\n{not json\n')
    (inputs / "picture.txt").write_bytes(bytes(range(256)) * 20)
    conn = conn_factory(tmp_path / "news.db")
    summary = ingest(conn, [inputs, tmp_path / "missing.txt"])
    reasons = {r.input.rsplit("/", 1)[-1]: r.reason.value for r in summary.rejected}
    rows = conn.execute("SELECT input, reason, detail FROM rejected").fetchall()
    assert len(rows) == len(summary.rejected) >= 4
    assert {r["reason"] for r in rows} == set(reasons.values())
    assert all(r["detail"] for r in rows)
    assert "missing" in reasons.values() and "bad_json" in reasons.values()
    ingest(conn, [inputs, tmp_path / "missing.txt"])
    assert conn.execute("SELECT COUNT(*) FROM rejected").fetchone()[0] == len(rows)


# ---------------------------------------------------------------- clusterer state by parts

needs_real_clusterer = pytest.mark.skipif(
    not REAL_CLUSTERER, reason="saving by parts is the real StoryClusterer's"
)
CLUSTER_TABLES = ("cluster_df", "cluster_stories", "cluster_assignments", "cluster_postings")


def cluster_rows(conn: sqlite3.Connection) -> dict[str, dict[tuple, tuple]]:
    """Every row of the clusterer tables, by table and primary key."""
    keys = {"cluster_postings": 2}
    out = {}
    for table in CLUSTER_TABLES:
        width = keys.get(table, 1)
        rows = conn.execute(f"SELECT * FROM {table}").fetchall()
        out[table] = {tuple(r)[:width]: tuple(r)[width:] for r in rows}
    return out


def changed(before: dict[tuple, tuple], after: dict[tuple, tuple]) -> set[tuple]:
    return {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}


def capture_live_clusterer(monkeypatch: pytest.MonkeyPatch) -> list:
    """Keep every clusterer an ingest loads (the live one it goes on learning in)."""
    from storyweave.store import ingest as ingest_module

    live: list = []
    load = ingest_module.load_clusterer

    def keep(conn: sqlite3.Connection):  # noqa: ANN202 - the clusterer
        live.append(load(conn))
        return live[-1]

    monkeypatch.setattr(ingest_module, "load_clusterer", keep)
    return live


@needs_real_clusterer
def test_saved_tables_reload_into_the_live_clusterer(
    tmp_path: Path, conn_factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    stories = invent_stories(14, seed=31)
    live = capture_live_clusterer(monkeypatch)
    conn = conn_factory(tmp_path / "news.db")
    ingest(conn, [write_jsonl(tmp_path / "a.jsonl", flat(s[:-2] for s in stories))], batch_size=15)
    assert engines.load_clusterer(conn).to_state() == live[-1].to_state()
    # a later run starts from the tables and writes only its changes
    ingest(conn, [write_jsonl(tmp_path / "b.jsonl", flat(s[-2:] for s in stories))], batch_size=7)
    reloaded = engines.load_clusterer(conn)
    assert reloaded.to_state() == live[-1].to_state()
    assert reloaded.take_changes().full is False, "a reloaded clusterer has nothing to save"
    assert conn.execute("SELECT COUNT(*) FROM clusterer_state").fetchone()[0] == 0


@needs_real_clusterer
def test_ingesting_in_several_runs_gives_the_stories_of_one_run(
    tmp_path: Path, conn_factory
) -> None:
    records = flat(invent_stories(12, seed=17))
    parts = [records[:20], records[20:50], records[50:]]
    files = [write_jsonl(tmp_path / f"part{k}.jsonl", p) for k, p in enumerate(parts)]
    one = conn_factory(tmp_path / "one.db")
    ingest(one, files, batch_size=10)
    several = conn_factory(tmp_path / "several.db")
    for file in files:  # same batches (20 and 30 are whole batches), one run each
        ingest(several, [file], batch_size=10)
    assert memberships(tmp_path / "several.db") == memberships(tmp_path / "one.db")
    assert len(set(memberships(tmp_path / "one.db").values())) >= 10
    assert engines.load_clusterer(several).to_state() == engines.load_clusterer(one).to_state()


@needs_real_clusterer
def test_a_small_ingest_writes_only_the_rows_it_changes(
    tmp_path: Path, conn_factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyweave.cluster.clusterer import SALIENT_TERMS
    from storyweave.cluster.features import story_terms
    from storyweave.store import ingest as ingest_module

    stories = invent_stories(16, seed=23)
    conn = conn_factory(tmp_path / "news.db")
    ingest(conn, [write_jsonl(tmp_path / "early.jsonl", flat(s[:-1] for s in stories))])
    before = cluster_rows(conn)
    written: list[int] = []
    save = ingest_module.save_clusterer

    def counted(conn: sqlite3.Connection, clusterer, run_id: int) -> None:  # noqa: ANN001
        start = conn.total_changes
        save(conn, clusterer, run_id)
        written.append(conn.total_changes - start)

    monkeypatch.setattr(ingest_module, "save_clusterer", counted)
    late = stories[6][-1]
    summary = ingest(conn, [write_jsonl(tmp_path / "late.jsonl", [late])])
    after = cluster_rows(conn)
    (touched,) = summary.stories_touched

    stories_changed = changed(before["cluster_stories"], after["cluster_stories"])
    assert (touched,) in stories_changed
    # Other story rows change only in their cached lengths, refreshed as the IDF moved
    # while they were compared with the new report (the last column, ``norms``).
    refreshed = stories_changed - {(touched,)}
    for key in refreshed:
        assert before["cluster_stories"][key][:-1] == after["cluster_stories"][key][:-1]
    terms = story_terms(late["title"], late["text"])
    assert changed(before["cluster_df"], after["cluster_df"]) == {(t,) for t in terms}
    (article_id,) = changed(before["cluster_assignments"], after["cluster_assignments"])
    assert after["cluster_assignments"][article_id] == (touched,)
    postings = changed(before["cluster_postings"], after["cluster_postings"])
    assert 0 < len(postings) <= SALIENT_TERMS
    assert {story_id for _, story_id in postings} == {touched}
    meta = 3  # n_docs, next_pos, run_id
    rows_changed = len(terms) + 1 + len(stories_changed) + len(postings)
    assert written == [rows_changed + meta], "nothing else was rewritten"
    stored = sum(len(rows) for rows in before.values())
    assert written[0] < stored / 4


def early_and_late(tmp_path: Path, seed: int) -> tuple[int, Path, Path]:
    """Ten invented stories written as two files: all reports but each story's last, then
    the last ones. Returns the number of stories and the two files."""
    stories = invent_stories(10, seed=seed)
    early = write_jsonl(tmp_path / "early.jsonl", flat(s[:-1] for s in stories))
    late = write_jsonl(tmp_path / "late.jsonl", [s[-1] for s in stories])
    return len(stories), early, late


@needs_real_clusterer
def test_an_old_format_store_is_converted_and_keeps_working(tmp_path: Path, conn_factory) -> None:
    _, early, late = early_and_late(tmp_path, seed=41)
    current = conn_factory(tmp_path / "current.db")
    ingest(current, [early])

    old_db = tmp_path / "old.db"
    old = conn_factory(old_db)
    ingest(old, [early])
    # Turn it into a store of schema 1: the clusterer saved whole, no cluster_* tables.
    blob = engines.load_clusterer(old).to_state()
    old.execute("BEGIN")
    for table in ("cluster_meta", *CLUSTER_TABLES, "story_merges", "input_files"):
        old.execute(f"DROP TABLE {table}")
    old.execute("DELETE FROM schema_version WHERE version > 1")
    old.execute(
        "INSERT INTO clusterer_state (id, kind, state, run_id) VALUES (1, ?, ?, 1)",
        (engines.clusterer_kind(engines.new_clusterer()), blob),
    )
    old.execute("COMMIT")
    old.close()

    reopened = conn_factory(old_db)
    assert schema_version(reopened) == MIGRATIONS[-1].version
    assert engines.load_clusterer(reopened).to_state() == blob, "the blob is still read"
    ingest(reopened, [late])
    ingest(current, [late])
    assert reopened.execute("SELECT COUNT(*) FROM clusterer_state").fetchone()[0] == 0
    assert memberships(old_db) == memberships(tmp_path / "current.db")
    assert engines.load_clusterer(reopened).to_state() == engines.load_clusterer(current).to_state()
    converted, kept = cluster_rows(reopened), cluster_rows(current)
    for table in CLUSTER_TABLES:  # posting positions only order each term's list
        assert converted[table].keys() == kept[table].keys()
        if table != "cluster_postings":
            assert converted[table] == kept[table]


@needs_real_clusterer
def test_a_store_saved_before_name_lengths_keeps_working(tmp_path: Path, conn_factory) -> None:
    stories, early, late = early_and_late(tmp_path, seed=43)
    conn = conn_factory(tmp_path / "news.db")
    ingest(conn, [early])
    # As version 3 saved it: four lengths per story, no name lengths.
    conn.execute("BEGIN")
    for story_id, norms in conn.execute("SELECT id, norms FROM cluster_stories").fetchall():
        conn.execute(
            "UPDATE cluster_stories SET norms = ? WHERE id = ?",
            (json.dumps(json.loads(norms)[:4]), story_id),
        )
    conn.execute("UPDATE cluster_meta SET value = '3' WHERE key = 'version'")
    conn.execute("COMMIT")
    before = memberships(tmp_path / "news.db")
    ingest(conn, [late])
    after = memberships(tmp_path / "news.db")
    assert all(after[a] == before[a] for a in before)  # no earlier article lost or moved
    assert len(after) == len(before) + stories
    assert engines.read_meta(conn)["version"] == engines.state_version()


def test_a_clusterer_that_cannot_tell_its_changes_is_saved_whole(
    tmp_path: Path, conn_factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engines, "new_clusterer", TinyClusterer)
    stories = invent_stories(6, seed=3)
    conn = conn_factory(tmp_path / "news.db")
    ingest(conn, [write_jsonl(tmp_path / "a.jsonl", flat(s[:-1] for s in stories))])
    assert conn.execute("SELECT COUNT(*) FROM cluster_meta").fetchone()[0] == 0
    (state,) = conn.execute("SELECT state FROM clusterer_state").fetchone()
    assert engines.load_clusterer(conn).to_state() == state
    summary = ingest(conn, [write_jsonl(tmp_path / "b.jsonl", [s[-1] for s in stories])])
    assert summary.added + summary.near_copies == len(stories) and summary.added > 0
    (state,) = conn.execute("SELECT state FROM clusterer_state").fetchone()
    assert set(json.loads(state)) == {s.id for s in list_stories(conn)}
    assert engines.load_clusterer(conn).to_state() == state


# ---------------------------------------------------------------- search


def test_search_finds_the_right_article_first(tmp_path: Path, conn_factory) -> None:
    records = flat(invent_stories(8, seed=2))
    target = dict(
        records[5],
        id="rare-1",
        title="Lighthouse keeper finds message in a bottle",
        text="A lighthouse keeper on the Saltmere headland found a corked bottle holding a "
        "letter written by a schoolgirl in 1961.\n\nThe keeper, Hollis Varga, said the "
        "letter asked whoever found it to write back.",
    )
    conn = conn_factory(tmp_path / "news.db")
    ingest(conn, [write_jsonl(tmp_path / "a.jsonl", [*records, target])])
    hits = search(conn, "corked bottles lighthouse")
    assert hits and hits[0].title == target["title"]
    assert "[" in hits[0].snippet and hits[0].story_id is not None
    assert search(conn, '"message in a bottle"')[0].title == target["title"]
    assert search(conn, "zeppelin") == []
    # punctuation and FTS5 operators in plain queries are taken literally
    assert search(conn, 'bottle AND "unclosed') is not None
    with pytest.raises(StoreError) as info:
        search(conn, 'bottle AND "unclosed', raw=True)
    assert info.value.code == "E103"


# ---------------------------------------------------------------- briefs


def test_only_changed_stories_get_their_brief_rebuilt(tmp_path: Path, conn_factory) -> None:
    from storyweave.pipeline import BriefOptions
    from storyweave.render.json_out import brief_json
    from storyweave.store.briefs import current_brief

    stories = invent_stories(3, seed=13, reports=(3, 4))
    conn = conn_factory(tmp_path / "news.db")
    ingest(conn, [write_jsonl(tmp_path / "a.jsonl", flat(s[:-1] for s in stories))])
    ids = [s.id for s in list_stories(conn)]
    options = BriefOptions()
    first = {i: brief_json(current_brief(conn, i, options)) for i in ids}
    built = dict(conn.execute("SELECT story_id, built_at FROM briefs").fetchall())
    assert set(built) == set(ids)
    assert all(first[i]["story"]["id"] == i for i in ids)

    # served from the store: same JSON, not rebuilt
    assert {i: brief_json(current_brief(conn, i, options)) for i in ids} == first
    assert dict(conn.execute("SELECT story_id, built_at FROM briefs").fetchall()) == built

    summary = ingest(conn, [write_jsonl(tmp_path / "b.jsonl", [stories[1][-1]])])
    (touched,) = summary.stories_touched
    for story_id in ids:
        brief = current_brief(conn, story_id, options)
        row = conn.execute(
            "SELECT built_at, story_version FROM briefs WHERE story_id = ?", (story_id,)
        ).fetchone()
        version = get_story(conn, story_id).version
        assert row["story_version"] == version
        if story_id == touched:
            assert row["built_at"] > built[story_id]
            assert len(brief.sources) == len(first[story_id]["sources"]) + 1
        else:
            assert row["built_at"] == built[story_id]
            assert brief_json(brief) == first[story_id]


# ---------------------------------------------------------------- kill and resume

KILL_SCRIPT = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    import test_store
    from storyweave.store import engines
    from storyweave.cli import main

    if not test_store.REAL_CLUSTERER:
        engines.new_clusterer = test_store.TinyClusterer
    if {slow}:
        # Slow each batch down so the parent can kill the run between two commits.
        make = engines.new_clusterer

        def slow_clusterer():
            clusterer = make()
            fit = clusterer.partial_fit

            def partial_fit(articles):
                time.sleep(0.3)
                return fit(articles)

            clusterer.partial_fit = partial_fit
            return clusterer

        engines.new_clusterer = slow_clusterer
    main(sys.argv[1:])
    """
)


def run_ingest(script: Path, corpus: Path, db: Path, slow: bool) -> subprocess.Popen:
    script.write_text(KILL_SCRIPT.format(tests=str(ROOT / "tests"), slow=slow))
    command = [sys.executable, str(script), "ingest", str(corpus), "--db", str(db)]
    command += ["--batch-size", "25", "--no-progress"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def committed_articles(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_a_killed_ingest_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    records = flat(invent_stories(60, seed=21))
    corpus = write_jsonl(tmp_path / "news.jsonl", records)
    db = tmp_path / "news.db"
    process = run_ingest(tmp_path / "slow_ingest.py", corpus, db, slow=True)
    deadline = time.monotonic() + 120
    while committed_articles(db) == 0:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "no batch committed within two minutes"
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL

    conn = sqlite3.connect(db)
    kept = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert 0 < kept < len(records), "the kill landed between the first and the last batch"
    assert kept % 25 == 0, "only whole batches (of 25 records) were committed"
    assert conn.execute("SELECT finished_at FROM runs").fetchone()[0] is None
    assert conn.execute("SELECT COUNT(*) FROM story_articles").fetchone()[0] == kept
    saved = "cluster_meta" if REAL_CLUSTERER else "clusterer_state"
    assert conn.execute(f"SELECT COUNT(*) FROM {saved}").fetchone()[0] > 0
    conn.close()

    resumed = run_ingest(tmp_path / "ingest.py", corpus, db, slow=False)
    out, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err
    summary = json.loads(out)
    assert summary["already_stored"] == kept
    assert summary["added"] + summary["near_copies"] == len(records) - kept

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    inputs = [r[0] for r in conn.execute("SELECT input FROM articles")]
    assert sorted(inputs) == sorted(r["id"] for r in records), "no loss, no duplicates"
    orphans = conn.execute(
        "SELECT COUNT(*) FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id "
        "WHERE s.story_id IS NULL"
    ).fetchone()[0]
    assert orphans == 0
    counted = conn.execute(
        "SELECT COUNT(*) FROM stories s WHERE article_count != "
        "(SELECT COUNT(*) FROM story_articles m WHERE m.story_id = s.id)"
    ).fetchone()[0]
    assert counted == 0, "story figures match their members"
    fts = conn.execute(
        "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'reporting'"
    ).fetchone()[0]
    assert fts == len(records), "every article is searchable exactly once"
    conn.close()


def test_the_brief_record_codec_round_trips_and_refuses_foreign_classes() -> None:
    from storyweave.errors import Reason
    from storyweave.models import Article, Brief, Evidence, Fact, Rejected, Source, StoryInfo
    from storyweave.store.briefcodec import decode, encode

    article = Article(id="a1", input="a.txt", text="Rain fell on Saltmere.", title="Rain")
    source = Source("S1", article, "Rain fell on Saltmere.", "Rain", "2031-03-02", "metadata")
    evidence = Evidence("S1", 0, 9, "Rain fell")
    brief = Brief(
        story=StoryInfo("st-1", "Rain", "2031-03-02", "2031-03-02"),
        sources=(source,),
        facts=(Fact("Rain fell", "single", ("S1",), (evidence,)),),
        rejected=(Rejected("b.txt", Reason.EMPTY, "no text"),),
    )
    data = json.loads(json.dumps(encode(brief)))
    stored_source = data["fields"]["sources"]["items"][0]["fields"]
    assert stored_source["article"] == {"@": "article", "id": "a1"}, "articles stored by id"
    assert decode(data, {"a1": article}.__getitem__) == brief
    foreign = {"@": "subprocess:Popen", "fields": {"args": ["true"]}}
    with pytest.raises(ValueError):
        decode(foreign, {}.__getitem__)


def test_a_second_ingest_into_the_same_database_is_refused(tmp_path: Path, conn_factory) -> None:
    from storyweave.store.lock import ingest_lock

    db = tmp_path / "news.db"
    corpus = write_jsonl(tmp_path / "a.jsonl", flat(invent_stories(2)))
    conn = conn_factory(db)
    with ingest_lock(db), pytest.raises(StoreError) as info:
        ingest(conn, [corpus])
    assert info.value.code == "E110"
    assert ingest(conn, [corpus]).added > 0, "the lock is released"


def test_an_untitled_story_is_named_by_its_first_line(tmp_path: Path, conn_factory) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "Ferry service to Saltmere suspended after engine fire\n\n"
        "The morning ferry to Saltmere was cancelled on Tuesday after a small engine fire, "
        "the operator said. No passengers were aboard.\n"
    )
    conn = conn_factory(tmp_path / "news.db")
    ingest(conn, [report])
    (story,) = list_stories(conn)
    assert story.headline == "Ferry service to Saltmere suspended after engine fire"


def content_id_of(record: dict[str, str]) -> str:
    """The store's id of a JSON Lines record (a hash of its text)."""
    from storyweave.ingest import content_id

    return content_id(record["text"])


@needs_real_clusterer
def test_stories_merged_by_the_clusterer_are_merged_in_the_store(
    tmp_path: Path, conn_factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_cluster import FLOOD, LATE_FLOODS

    from storyweave.cluster import StoryClusterer

    floods = [
        {"id": f"flood-{k}", "title": title, "text": text, "published": "2031-03-05"}
        for k, (title, text) in enumerate([*FLOOD, *LATE_FLOODS], 1)
    ]
    others = flat(invent_stories(6, seed=5))
    conn = conn_factory(tmp_path / "news.db")
    ingest(conn, [write_jsonl(tmp_path / "a.jsonl", others + floods[:2])])
    first = memberships(tmp_path / "news.db")[content_id_of(floods[0])]
    # Late reports miss their story as they arrive (as reports of a new angle can) and found
    # one of their own, stored; once it has three reports the clusterer merges the two.
    candidates = StoryClusterer._candidates

    def hide_first(self: StoryClusterer, salient: list[str], live: bool = True) -> list[str]:
        found = candidates(self, salient, live)
        return [s for s in found if s != first] if live else found

    monkeypatch.setattr(StoryClusterer, "_candidates", hide_first)
    ingest(conn, [write_jsonl(tmp_path / "b.jsonl", floods[2:4])])
    second = memberships(tmp_path / "news.db")[content_id_of(floods[2])]
    assert second != first
    version = get_story(conn, first).version
    summary = ingest(conn, [write_jsonl(tmp_path / "c.jsonl", [floods[4]])])

    held = memberships(tmp_path / "news.db")
    assert {held[content_id_of(r)] for r in floods} == {first}
    assert summary.stories_touched == (first,)
    assert conn.execute("SELECT COUNT(*) FROM stories WHERE id = ?", (second,)).fetchone()[0] == 0
    merged = get_story(conn, second)  # the old id still finds the articles
    assert merged is not None and merged.id == first and merged.article_count == 5
    assert merged.version == version + 1
    saved = engines.load_clusterer(conn).assignments_
    assert {a: held[a] for a in saved} == saved


def test_the_listing_takes_the_headline_its_brief_chose(tmp_path: Path, conn_factory) -> None:
    from storyweave.store.briefs import current_brief

    reports = [
        (
            "2025-03-01",
            "Evening bulletin: what else happened today",
            "A crane collapsed at the Port Alder container terminal on Monday, the port "
            "authority said. Two workers were taken to hospital with leg injuries.",
        ),
        (
            "2025-03-02",
            "Crane collapses at Port Alder container terminal",
            "Two dock workers were hurt when a crane fell at Port Alder's container terminal "
            "on Monday afternoon. Inspectors closed the terminal and sent ships to the north "
            "quay while they examined the crane's base.",
        ),
        (
            "2025-03-02",
            "Two workers hurt as crane collapses at Port Alder terminal",
            "The collapse of a crane at the Port Alder terminal injured two workers, according "
            "to the union, which called for an inquiry into the terminal's maintenance records "
            "and said the crane had been repaired in January.",
        ),
        (
            "2025-03-03",
            "Port Alder container terminal closed after crane collapse",
            "Port Alder's container terminal stayed shut on Tuesday, a day after a crane "
            "collapse injured two workers. Shipping lines said cargo would be delayed by up to "
            "a week while the crane is removed.",
        ),
    ]
    records = [
        {
            "id": f"r{k}",
            "title": title,
            "published": day,
            "outlet": f"outlet{k}.example",
            "text": text,
        }
        for k, (day, title, text) in enumerate(reports)
    ]
    conn = conn_factory(tmp_path / "news.db")
    ingest(conn, [write_jsonl(tmp_path / "crane.jsonl", records)])
    (story,) = list_stories(conn)
    assert story.headline == reports[0][1], "before a brief: the earliest title"
    brief = current_brief(conn, story.id)
    assert brief.story.headline == reports[1][1]
    (story,) = list_stories(conn)
    assert story.headline == reports[1][1]
