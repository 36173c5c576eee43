"""Ingesting a stream: `storyweave ingest -` stores records as they arrive and stops cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_store import ROOT, committed_articles, flat, invent_stories, write_jsonl

from storyweave.errors import StoryweaveError
from storyweave.ingest.jsonl import read_stream
from storyweave.models import Article, Rejected
from storyweave.store import open_store
from storyweave.store.ingest import ingest
from storyweave.store.stream import full_batches, timed_batches

# How long a test waits for a background process to do something before failing (loading
# the sentence encoder alone takes several seconds).
PATIENCE = 180.0


def wait_for(condition, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + PATIENCE
    while not condition():
        if process is not None:
            assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


# ---------------------------------------------------------------- batches


def paused_source(first: list[int], rest: list[int], go_on: threading.Event) -> Iterator[int]:
    """Yield ``first``, wait until ``go_on`` is set, then yield ``rest``: a stream that pauses."""
    yield from first
    go_on.wait(PATIENCE)
    yield from rest


def test_full_batches_cut_a_file_into_batches_and_stop_on_request() -> None:
    assert list(full_batches(range(7), 3, threading.Event())) == [[0, 1, 2], [3, 4, 5], [6]]
    stop = threading.Event()
    taken = []
    for batch in full_batches(range(10), 3, stop):
        taken.append(batch)
        stop.set()  # asked to stop during the first batch: no second batch begins
    assert taken == [[0, 1, 2]]


def test_a_paused_stream_gets_its_partial_batch_committed_before_the_stream_goes_on() -> None:
    go_on = threading.Event()
    batches = timed_batches(paused_source([1, 2], [3, 4, 5], go_on), 10, 0.2, threading.Event())
    # The source is still paused (it would block for minutes): the two records come anyway.
    assert next(batches) == [1, 2]
    go_on.set()
    assert list(batches) == [[3, 4, 5]]


def test_a_full_batch_does_not_wait_for_the_flush_time() -> None:
    go_on = threading.Event()
    source = paused_source([1, 2, 3, 4], [5], go_on)
    batches = timed_batches(source, 2, PATIENCE, threading.Event())
    assert next(batches) == [1, 2]
    assert next(batches) == [3, 4]
    go_on.set()
    assert list(batches) == [[5]]


def test_a_stop_request_keeps_every_record_already_read() -> None:
    go_on, stop = threading.Event(), threading.Event()
    batches = timed_batches(paused_source([1, 2, 3], [4], go_on), 2, PATIENCE, stop)
    assert next(batches) == [1, 2]
    time.sleep(0.3)  # record 3 is read while the paused source holds back record 4
    stop.set()
    assert list(batches) == [[3]]
    go_on.set()


def test_a_failing_stream_raises_in_the_reader_of_the_batches() -> None:
    def broken() -> Iterator[int]:
        yield 1
        raise OSError("the pipe broke")

    with pytest.raises(OSError, match="the pipe broke"):
        list(timed_batches(broken(), 5, PATIENCE, threading.Event()))


# ---------------------------------------------------------------- records of a stream


def test_a_stream_rejects_its_broken_lines_by_number_and_reads_the_rest() -> None:
    good = {"id": "a1", "title": "Bridge reopens", "text": "The Kelby bridge reopened on Friday."}
    lines = [
        b"\xef\xbb\xbf" + json.dumps(good).encode() + b"\n",  # a byte-order mark first
        b"{not json\n",
        b"\n",
        b"\xff\xfe broken bytes\n",
        json.dumps(dict(good, id="a2")).encode(),  # the last line may lack its newline
    ]
    items = list(read_stream(iter(lines)))
    assert [type(i) for i in items] == [Article, Rejected, Rejected, Article]
    assert [i.input for i in items] == ["a1", "<stdin>:2", "<stdin>:4", "a2"]
    assert "line 2" in items[1].detail and "not valid JSON" in items[1].detail
    assert "line 4" in items[2].detail and "UTF-8" in items[2].detail


def test_standard_input_can_be_given_once_only(tmp_path: Path) -> None:
    conn = open_store(tmp_path / "news.db")
    with pytest.raises(StoryweaveError, match="once"):
        ingest(conn, ["-", "-"])
    with pytest.raises(StoryweaveError, match="flush-after"):
        ingest(conn, ["-"], flush_after=0)
    conn.close()


# ---------------------------------------------------------------- the command, in a real process


def start_stream_ingest(db: Path, *options: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "storyweave", "ingest", "-", "--db", str(db)]
    command += ["--no-progress", *options]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        command,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def send(process: subprocess.Popen, records: list[dict[str, str]]) -> None:
    assert process.stdin is not None
    process.stdin.write("".join(json.dumps(r) + "\n" for r in records))
    process.stdin.flush()


def test_records_of_an_open_stream_are_stored_and_briefed_as_they_arrive(tmp_path: Path) -> None:
    records = flat(invent_stories(3, seed=5, reports=(3, 3)))
    db = tmp_path / "news.db"
    process = start_stream_ingest(db, "--flush-after", "0.5", "--briefs")
    send(process, records[:4])
    # The stream is still open, yet its first records are stored and clustered.
    wait_for(lambda: committed_articles(db) == 4, process)
    send(process, records[4:] + [{"id": "broken"}])
    out, err = process.communicate(timeout=PATIENCE)  # closes the stream
    assert process.returncode == 0, err
    summary = json.loads(out)
    assert summary["read"] == len(records)
    assert summary["added"] + summary["near_copies"] == len(records)
    assert summary["rejected_inputs"][0]["input"] == f"<stdin>:{len(records) + 1}"
    assert summary["briefs_rebuilt"] >= 3  # every story's brief, some twice as it grew
    assert "stopped" not in summary
    assert committed_articles(db) == len(records)


def test_ctrl_c_commits_what_was_read_and_a_rerun_adds_no_duplicate(tmp_path: Path) -> None:
    records = flat(invent_stories(2, seed=9, reports=(3, 3)))
    db = tmp_path / "news.db"
    # A partial batch would wait an hour: only the stop request can commit the fourth record.
    process = start_stream_ingest(db, "--flush-after", "3600", "--batch-size", "3")
    send(process, records[:4])
    # The first batch (3 records) is committed; the fourth was read with them, long before
    # that commit (which loads the sentence encoder), and waits in a batch of its own.
    wait_for(lambda: committed_articles(db) == 3, process)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=PATIENCE)
    assert process.returncode == 0, err
    summary = json.loads(out)
    assert summary["stopped"] is True
    assert summary["added"] + summary["near_copies"] == 4 and committed_articles(db) == 4

    every = write_jsonl(tmp_path / "all.jsonl", records)
    again = subprocess.run(
        [sys.executable, "-m", "storyweave", "ingest", str(every), "--db", str(db)],
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        timeout=PATIENCE,
    )
    assert again.returncode == 0, again.stderr
    rerun = json.loads(again.stdout)
    assert rerun["already_stored"] == 4
    assert rerun["added"] + rerun["near_copies"] == len(records) - 4
    assert committed_articles(db) == len(records)


# ---------------------------------------------------------------- folders read again


def ingest_folder(db: Path, folder: Path, **options) -> dict:
    conn = open_store(db)
    try:
        return ingest(conn, [folder], **options).to_json()
    finally:
        conn.close()


def test_a_folder_ingested_again_reads_only_its_new_and_changed_files(tmp_path: Path) -> None:
    stories = invent_stories(3, seed=13, reports=(3, 3))
    folder = tmp_path / "news"
    folder.mkdir()
    for number, story in enumerate(stories[:2]):
        write_jsonl(folder / f"story{number}.jsonl", story)
    db = tmp_path / "news.db"
    first = ingest_folder(db, folder)
    assert first["read"] == 6 and first["files_unchanged"] == 0

    again = ingest_folder(db, folder)
    assert again["read"] == 0 and again["files_unchanged"] == 2 and again["run"] == 2

    # One file grows by a record, one file is new: only those two are read.
    write_jsonl(folder / "story1.jsonl", stories[1] + stories[2][:1])
    write_jsonl(folder / "story2.jsonl", stories[2][1:])
    third = ingest_folder(db, folder)
    assert third["files_unchanged"] == 1
    assert third["read"] == 3 + 1 + 2 and third["already_stored"] == 3
    assert committed_articles(db) == 9

    forced = ingest_folder(db, folder, reread=True)
    assert forced["read"] == 9 and forced["already_stored"] == 9 and forced["added"] == 0


def test_a_records_file_and_the_page_it_points_to_are_both_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "pages").mkdir(parents=True)
    page = "<html><head><title>Quay flooded</title></head><body><article>{}</article></body></html>"
    body = "".join(
        f"<p>{sentence}</p>"
        for sentence in (
            "Sea water flooded the northern quay of Port Ellery on Sunday night, officials said.",
            "The harbour master closed the ferry terminal until the pumps had cleared the water.",
            "Two fishing boats broke their moorings and were found drifting off the breakwater.",
        )
    )
    (folder / "pages" / "p1.html").write_text(page.format(body))
    write_jsonl(folder / "index.jsonl", [{"id": "p1", "html_path": "pages/p1.html"}])
    db = tmp_path / "news.db"
    assert ingest_folder(db, folder)["read"] == 1
    again = ingest_folder(db, folder)
    # Had the page been taken for a file of its own, it would have been read as an article.
    assert again["read"] == 0 and again["files_unchanged"] == 2


def test_a_file_is_marked_read_only_with_its_last_record(tmp_path: Path) -> None:
    records = flat(invent_stories(2, seed=17, reports=(3, 3)))
    folder = tmp_path / "news"
    folder.mkdir()
    write_jsonl(folder / "all.jsonl", records)
    db = tmp_path / "news.db"

    def crash(touched: set[str]) -> None:
        raise RuntimeError("the machine went down")

    conn = open_store(db)
    with pytest.raises(RuntimeError):
        ingest(conn, [folder], batch_size=2, on_batch=crash)
    assert conn.execute("SELECT COUNT(*) FROM input_files").fetchone()[0] == 0
    conn.close()
    assert committed_articles(db) == 2
    resumed = ingest_folder(db, folder)  # the file is read again and the job finished
    assert resumed["already_stored"] == 2 and committed_articles(db) == len(records)
    assert ingest_folder(db, folder)["files_unchanged"] == 1


def test_watch_stores_files_that_appear_until_ctrl_c(tmp_path: Path) -> None:
    stories = invent_stories(2, seed=19, reports=(2, 2))
    folder = tmp_path / "inbox"
    folder.mkdir()
    write_jsonl(folder / "first.jsonl", stories[0])
    db = tmp_path / "news.db"
    command = [sys.executable, "-m", "storyweave", "ingest", str(folder), "--db", str(db)]
    command += ["--watch", "0.2", "--no-progress"]
    process = subprocess.Popen(
        command,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for(lambda: committed_articles(db) == 2, process)
    write_jsonl(folder / "second.jsonl", stories[1])
    wait_for(lambda: committed_articles(db) == 4, process)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=PATIENCE)
    assert process.returncode == 0, err
    summary = json.loads(out)
    assert summary["stopped"] is True and summary["read"] == 4
    assert summary["files_unchanged"] == 0  # each file was read once, in full


def test_watch_needs_files_and_a_positive_interval(tmp_path: Path) -> None:
    conn = open_store(tmp_path / "news.db")
    with pytest.raises(StoryweaveError, match="watch"):
        ingest(conn, ["-"], watch=1.0)
    with pytest.raises(StoryweaveError, match="watch"):
        ingest(conn, [tmp_path], watch=0.0)
    conn.close()
