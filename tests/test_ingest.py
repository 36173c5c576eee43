"""Reading reports from every supported input format, and rejecting bad inputs one by one."""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyweave.errors import Reason
from storyweave.ingest import content_id, read_inputs
from storyweave.ingest.authors import clean_author
from storyweave.ingest.dates import normalize_date
from storyweave.ingest.feed import saved_page
from storyweave.ingest.files import MAX_FILE_BYTES
from storyweave.ingest.pagedate import url_date
from storyweave.ingest.titles import headline
from storyweave.models import Article, Rejected

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"

REPORT = (
    "Bridge reopens after repairs\n\n"
    "RIVERTON, May 2 (Reuters) - The Old Mill bridge reopened to traffic on Thursday after "
    "eight months of repairs, city officials said.\n"
    "The work cost 3.4 million dollars, more than twice the first estimate.\n"
)
FRENCH = (
    "Le pont du Vieux Moulin a rouvert jeudi à la circulation après huit mois de travaux, "
    "ont annoncé les autorités de la ville. Les travaux ont coûté plus que prévu."
)


def read(*paths: str | Path) -> list[Article | Rejected]:
    return list(read_inputs(paths))


def only_article(items: list[Article | Rejected]) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def only_rejected(items: list[Article | Rejected], reason: Reason) -> Rejected:
    assert len(items) == 1 and isinstance(items[0], Rejected), items
    assert items[0].reason is reason, items[0]
    return items[0]


# Plain text -----------------------------------------------------------------------------------


def test_text_file_is_read_whole_with_content_id(tmp_path: Path) -> None:
    path = tmp_path / "bridge.txt"
    path.write_text(REPORT, encoding="utf-8")
    article = only_article(read(path))
    assert article.text == REPORT  # title line and dateline stay: cleaning is a later stage
    assert article.id == content_id(REPORT)
    assert (article.input, article.kind, article.path) == ("bridge.txt", "text", str(path))
    assert article.language == "en"
    assert article.published is None and article.published_from is None


def test_same_text_in_two_files_has_one_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT)
    (tmp_path / "b.txt").write_text(REPORT)
    first, second = read(tmp_path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == second.id and first.input != second.input


def test_legacy_encodings_and_utf16_are_decoded(tmp_path: Path) -> None:
    (tmp_path / "cp1252.txt").write_bytes(FRENCH.encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(FRENCH.encode("utf-16"))
    (tmp_path / "crlf.txt").write_bytes(REPORT.replace("\n", "\r\n").encode("utf-8-sig"))
    legacy, crlf, utf16 = read(tmp_path)
    assert isinstance(legacy, Article) and legacy.text == FRENCH and legacy.language == "fr"
    assert isinstance(utf16, Article) and utf16.text == FRENCH
    assert isinstance(crlf, Article) and crlf.text == REPORT


# Bad inputs -------------------------------------------------------------------------------------


def test_missing_file_is_rejected_with_its_name(tmp_path: Path) -> None:
    rejected = only_rejected(read(tmp_path / "gone.txt"), Reason.MISSING)
    assert "gone.txt" in rejected.detail and "no such file" in rejected.detail


@pytest.mark.parametrize("content", [b"", b"  \n\t\n", b"\xef\xbb\xbf\n"])
def test_empty_file_is_rejected(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "empty" in only_rejected(read(path), Reason.EMPTY).detail


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert "binary" in only_rejected(read(path), Reason.BINARY).detail


def test_undecodable_bytes_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    # High bytes in a pattern no code page turns into plausible text.
    path.write_bytes(bytes((i * 37 + 11) % 128 + 128 for i in range(4000)))
    rejected = only_rejected(read(path), Reason.UNDECODABLE)
    assert str(path) in rejected.detail


def test_oversized_file_is_rejected_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing written
        handle.truncate(50_000_000)
    rejected = only_rejected(read(path), Reason.TOO_LARGE)
    assert "50,000,000 bytes" in rejected.detail and f"{MAX_FILE_BYTES:,}" in rejected.detail
    small = tmp_path / "small.txt"
    small.write_text(REPORT)
    assert only_rejected(list(read_inputs([small], max_bytes=10)), Reason.TOO_LARGE)


def test_bad_inputs_do_not_stop_the_good_ones(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REPORT)
    (tmp_path / "empty.txt").write_bytes(b"")
    items = read(tmp_path / "missing.txt", tmp_path / "empty.txt", good)
    assert [type(i).__name__ for i in items] == ["Rejected", "Rejected", "Article"]


# Folders --------------------------------------------------------------------------------------


def test_folders_are_walked_in_order_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b" / "two.txt").write_text(REPORT + "two")
    (tmp_path / "c.txt").write_text(REPORT + "three")
    (tmp_path / "a.txt").write_text(REPORT + "one")
    (tmp_path / ".notes.txt").write_text(REPORT + "hidden")
    (tmp_path / ".cache" / "x.txt").write_text(REPORT + "hidden too")
    items = read(tmp_path)
    assert [i.input for i in items] == ["a.txt", "two.txt", "c.txt"]
    assert read(tmp_path) == items


# HTML -----------------------------------------------------------------------------------------


def test_html_page_gives_body_and_metadata() -> None:
    article = only_article(read(FIXTURES / "harbour-flood.html"))
    assert article.kind == "html" and article.input == "harbour-flood.html"
    assert "The ferry terminal at Port Ellery was closed on Tuesday" in article.text
    assert "Passengers" not in article.text
    assert "temporary ticket office opened at noon" in article.text
    for junk in ("Subscribe to our newsletter", "All rights reserved", "Most read", "Sport"):
        assert junk not in article.text
    assert article.title == "Floodwaters close Port Ellery ferry terminal"
    assert (article.published, article.published_from) == ("2024-03-05", "metadata")
    assert article.author == "Maren Oduya"
    assert article.outlet == "The Harbour Courier"
    assert article.url and article.url.startswith("https://www.harbourcourier.example/news/")
    assert article.language == "en"
    caption = "Water covers the car lanes outside the ferry terminal on Tuesday morning."
    assert article.captions == (caption,)
    assert caption not in article.text
    assert article.id == content_id(article.text)


def test_html_in_declared_legacy_charset(tmp_path: Path) -> None:
    page = (FIXTURES / "harbour-flood.html").read_text(encoding="utf-8")
    page = page.replace('charset="utf-8"', 'charset="windows-1252"')
    page = page.replace("said Tomas Lindqvist", "said Tomás Lindqvist")
    page = page.replace("Water covers the car lanes", "Water covers the café terrace")
    path = tmp_path / "legacy.htm"
    path.write_bytes(page.encode("cp1252"))
    article = only_article(read(path))
    assert "said Tomás Lindqvist" in article.text
    assert article.captions[0].startswith("Water covers the café terrace")


def test_html_is_sniffed_without_suffix(tmp_path: Path) -> None:
    path = tmp_path / "saved-page"
    shutil.copy(FIXTURES / "harbour-flood.html", path)
    assert only_article(read(path)).kind == "html"


def test_html_without_article_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "404.html"
    path.write_text(
        "<html><head><title>Not found</title></head><body><nav><a href='/'>Home</a></nav>"
        "<h1>Page not found</h1><p>Sorry.</p></body></html>"
    )
    rejected = only_rejected(read(path), Reason.NO_ARTICLE)
    assert "404.html" in rejected.detail and "no article" in rejected.detail


# JSON Lines, JSON, CSV ------------------------------------------------------------------------


def test_jsonl_bad_lines_are_rejected_one_by_one(tmp_path: Path) -> None:
    lines = [
        {
            "id": "r1",
            "url": "https://news.example/r1",
            "outlet": "Riverton Post",
            "title": "Bridge reopens",
            "published": "2024-05-02T18:40:00+02:00",
            "language": "en",
            "author": ["A. Byrne", "K. Osei"],
            "text": REPORT,
        },
        "{not json",
        {"id": "r3", "title": "No body here"},
        {"id": 4, "text": FRENCH},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    first, bad_json, no_text, fourth = read(path)
    assert isinstance(first, Article)
    assert (first.input, first.kind, first.outlet, first.title) == (
        "r1",
        "jsonl",
        "Riverton Post",
        "Bridge reopens",
    )
    assert (first.published, first.published_from) == ("2024-05-02", "metadata")
    assert first.author == "A. Byrne, K. Osei" and first.text == REPORT
    assert isinstance(bad_json, Rejected) and bad_json.reason is Reason.BAD_JSON
    assert bad_json.input == f"{path}:2" and "line 2" in bad_json.detail
    assert isinstance(no_text, Rejected) and no_text.reason is Reason.BAD_RECORD
    assert "line 3" in no_text.detail and "'r3'" in no_text.detail
    assert isinstance(fourth, Article) and fourth.input == "4" and fourth.language == "fr"


def test_jsonl_html_path_is_relative_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    shutil.copy(FIXTURES / "harbour-flood.html", tmp_path / "pages" / "p1.html")
    records = [
        {
            "id": "p1",
            "title": "Terminal shut by flood",
            "published": None,
            "html_path": "pages/p1.html",
        },
        {"id": "p2", "html_path": "pages/missing.html"},
    ]
    path = tmp_path / "index.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records))
    page, missing = read(tmp_path)  # the page the record points to is not read a second time
    assert isinstance(page, Article) and page.input == "p1"
    assert page.title == "Terminal shut by flood"  # the record's own field wins
    assert page.published == "2024-03-05"  # from the page's markup
    assert "northern quay" in page.text and page.path == str(tmp_path / "pages" / "p1.html")
    assert isinstance(missing, Rejected) and missing.reason is Reason.MISSING
    assert "'p2'" in missing.detail and "missing.html" in missing.detail


def test_jsonl_inline_html_record(tmp_path: Path) -> None:
    html = (FIXTURES / "harbour-flood.html").read_text()
    path = tmp_path / "inline.jsonl"
    path.write_text(json.dumps({"id": "h1", "outlet": "Courier", "html": html}) + "\n")
    article = only_article(read(path))
    assert article.outlet == "Courier" and article.captions
    assert "coastguard volunteers" in article.text


def test_json_array_and_csv(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(
        json.dumps([{"id": "j1", "text": REPORT}, {"id": "j2", "text": ""}])
    )
    (tmp_path / "b.csv").write_text(
        "id,url,outlet,title,published,text\n"
        f'c1,https://x.example/c1,Daily Lamp,Bridge,05/02/2024,"{FRENCH}"\n'
    )
    json_ok, json_bad, csv_ok = read(tmp_path)
    assert isinstance(json_ok, Article) and json_ok.input == "j1"
    assert isinstance(json_bad, Rejected) and "record 2" in json_bad.detail
    assert isinstance(csv_ok, Article) and (csv_ok.input, csv_ok.outlet) == ("c1", "Daily Lamp")
    assert csv_ok.text == FRENCH


def test_broken_json_document_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"id": "x", "text": "a"}')
    assert "not valid JSON" in only_rejected(read(path), Reason.BAD_JSON).detail


# Feeds ----------------------------------------------------------------------------------------


def test_rss_items_and_the_saved_page_beside_the_feed() -> None:
    items = read(FIXTURES / "feed")
    assert [i.input for i in items] == ["cg-1001", "cg-1002", "cg-1003"]  # page not read twice
    ferry, wall, volunteers = items
    assert isinstance(ferry, Article) and ferry.kind == "feed"
    assert "Ferry services between the mainland" in ferry.text  # from the saved page
    assert "Front page" not in ferry.text and "teaser" not in ferry.text
    assert ferry.path == str(FIXTURES / "feed" / "ferry-services-resume.html")
    assert ferry.published == "2024-03-06"  # the publisher's local day, not UTC
    assert (ferry.author, ferry.outlet, ferry.language) == (
        "Ilse Marchetti",
        "Coastal Gazette",
        "en",
    )
    assert isinstance(wall, Article) and "<" not in wall.text
    assert (
        wall.text.splitlines()[1]
        == "The work is expected to cost 1.2 million euros and take five months."
    )
    assert isinstance(volunteers, Article) and volunteers.text.startswith("The mayor thanked")


def test_atom_feed_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "updates"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><title>Le Phare</title>'
        "<entry><id>urn:phare:7</id><title>Pont rouvert</title>"
        "<link href='https://lephare.example/pont'/><updated>2024-05-02T21:00:00+02:00</updated>"
        f"<content type='html'>&lt;p&gt;{FRENCH}&lt;/p&gt;</content></entry></feed>"
    )
    article = only_article(read(path))
    assert (article.input, article.kind, article.outlet) == ("urn:phare:7", "feed", "Le Phare")
    assert article.text == FRENCH and article.published == "2024-05-02"
    assert article.language == "fr"


def test_bad_feed_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text("<html><body>this is not a feed</body></html>")
    rejected = only_rejected(read(path), Reason.BAD_FEED)
    assert "wire.rss" in rejected.detail


def test_saved_page_rule(tmp_path: Path) -> None:
    (tmp_path / "flood-hits-town.html").write_text("x")
    (tmp_path / "story.htm").write_text("x")
    assert saved_page(tmp_path, "https://a.example/world/flood-hits-town/") == (
        tmp_path / "flood-hits-town.html"
    )
    assert saved_page(tmp_path, "https://a.example/story.htm?ref=rss") == tmp_path / "story.htm"
    assert saved_page(tmp_path, "https://a.example/story/index.html") == tmp_path / "story.htm"
    assert saved_page(tmp_path, "https://a.example/other") is None
    assert saved_page(tmp_path, None) is None


# Small parts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T23:30:00-05:00", "2024-03-05"),
        ("Tue, 05 Mar 2024 23:30:00 -0500", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("March 2024", None),
        ("2024-02-30", None),
        ("soon", None),
        (None, None),
    ],
)
def test_normalize_date(value: str | None, expected: str | None) -> None:
    assert normalize_date(value) == expected


def test_headline_drops_site_name_and_section_only() -> None:
    url = "https://www.dailyharbour.example/x"
    assert headline("Floods close port - The Daily Harbour", [], None, url) == "Floods close port"
    # A section name between the headline and the site's name goes with the site's name.
    assert headline("Floods close port | News | Harbour TV", [], "Harbour TV", None) == (
        "Floods close port"
    )
    assert headline(
        "Floods close port | Coastal Town News - Harbour TV", [], "Harbour TV", None
    ) == ("Floods close port")
    assert headline("Budget 2025 | what to expect - The Daily Harbour", [], None, url) == (
        "Budget 2025 | what to expect"
    )
    assert headline("Floods - what we know", [], "The Daily Harbour", url) == (
        "Floods - what we know"
    )
    assert headline("Site | Floods close port", ["Floods close port"], None, None) == (
        "Floods close port"
    )
    # A host name made of the initials of the site's name.
    acronym = "https://www.tdh.com.my/news/floods"
    assert headline("Floods close port | The Daily Harbour", [], None, acronym) == (
        "Floods close port"
    )
    assert headline("Floods - what we know", [], None, "https://wwk.com/x") == (
        "Floods - what we know"
    )  # initials are those of capitalised words, as a name is written


def test_page_date_keeps_the_publishers_day(tmp_path: Path) -> None:
    page = (FIXTURES / "harbour-flood.html").read_text(encoding="utf-8")
    page = page.replace(
        '<meta property="article:published_time" content="2024-03-05T08:30:00+00:00">',
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
        '[{"@type": "NewsArticle", "datePublished": "2024-03-06T05:50:00+09:00"}]}</script>',
    )
    page = page.replace("/news/2024/03/05/", "/news/")
    path = tmp_path / "tokyo-time.html"
    path.write_text(page, encoding="utf-8")
    assert only_article(read(path)).published == "2024-03-06"  # not the UTC day, the 5th


def test_url_date() -> None:
    assert url_date("https://x.example/2024/03/05/slug") == "2024-03-05"
    assert url_date("https://x.example/news/2024-3-5-slug") == "2024-03-05"
    assert url_date("https://x.example/2024/03/slug") is None
    assert url_date("https://x.example/2024/13/40/slug") is None


@settings(max_examples=40, deadline=None)
@given(
    text=st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\x85")
        | st.sampled_from("\n\t "),
        min_size=1,
        max_size=300,
    ).filter(lambda t: t.strip())
)
def test_any_utf8_text_file_round_trips(text: str) -> None:
    """Any text file is one article with its exact text, unless cleaning finds nothing in it
    but furniture (a bare number, a menu line), which is then one no_article rejection."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.txt"
        path.write_bytes(text.encode("utf-8"))
        items = read(path)
        assert len(items) == 1 and read(path) == items
        if isinstance(items[0], Rejected):
            assert items[0].reason is Reason.NO_ARTICLE and "page furniture" in items[0].detail
        else:
            assert items[0].text == text and items[0].id == content_id(text)


def test_byline_keeps_only_names() -> None:
    assert clean_author("View all posts by Lena Vos", None, None) == "Lena Vos"
    assert clean_author("Lena Vos; Harbour TV", "Harbour TV", None) == "Lena Vos"
    assert clean_author("Harbour TV", "Harbour TV", None) == "Harbour TV"
    assert clean_author("Arjun Mehta; PhD", None, None) == "Arjun Mehta"
    assert clean_author("No Author", None, None) is None


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "story").mkdir()
    (tmp_path / "story" / ".hidden.txt").write_text(REPORT)
    assert "no files" in only_rejected(read(tmp_path / "story"), Reason.EMPTY).detail


def test_csv_field_over_the_csv_limit_is_rejected_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(f"id,text\nc1,The bridge reopened on Thursday\nc2,{'x' * 200_000}\n")
    first, second = read(path)
    assert isinstance(first, Article) and first.input == "c1"
    assert isinstance(second, Rejected) and "CSV" in second.detail


def test_text_report_opening_with_a_bracket_is_a_report_not_json(tmp_path: Path) -> None:
    report = tmp_path / "flash.txt"
    report.write_text("[Updated] Ferry service resumes after the storm.\n", encoding="utf-8")
    items = list(read_inputs([report]))
    assert len(items) == 1 and isinstance(items[0], Article)
    assert items[0].text.startswith("[Updated] Ferry")


def test_a_record_title_loses_the_site_name_a_page_title_carries(tmp_path: Path) -> None:
    records = [
        {"id": "t1", "outlet": "Riverton Post", "title": "Bridge reopens - Riverton Post"},
        {
            "id": "t2",
            "url": "https://www.harbourtimes.com/a/1",
            "title": "Harbour Times | Quay shut",
        },
        {"id": "t3", "outlet": "Riverton Post", "title": "Floods - what we know"},
    ]
    path = tmp_path / "titled.jsonl"
    path.write_text("".join(json.dumps(dict(r, text=REPORT + r["id"])) + "\n" for r in records))
    titles = [a.title for a in read(path)]
    assert titles == ["Bridge reopens", "Quay shut", "Floods - what we know"]


HEADLINES = (
    "Ferry sinks off the cape",
    "Mayor resigns after the vote",
    "Bridge opens to traffic again",
    "Dockers go on strike over pay",
    "Port closes for winter repairs",
)


def test_words_an_outlet_appends_to_nearly_every_title_are_cut(tmp_path: Path) -> None:
    def titles(records: list[dict]) -> list[str | None]:
        path = tmp_path / "records.jsonl"
        path.write_text("".join(json.dumps(dict(r, text=REPORT + r["id"])) + "\n" for r in records))
        return [a.title for a in read(path) if isinstance(a, Article)]

    harbour = [
        {"id": f"h{k}", "outlet": "harbour.example", "title": f"{h} Harbour Daily"}
        for k, h in enumerate(HEADLINES)
    ]
    other = {"id": "o1", "outlet": "other.example", "title": "Quay shut Harbour Daily"}
    assert titles([*harbour, other]) == [*HEADLINES, "Quay shut Harbour Daily"]
    # Four titles of one outlet are too few to tell its name from a shared word.
    assert titles(harbour[:4]) == [f"{h} Harbour Daily" for h in HEADLINES[:4]]
    # The same from CSV.
    path = tmp_path / "records.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "outlet", "title", "text"])
        writer.writeheader()
        writer.writerows(dict(r, text=REPORT + r["id"]) for r in harbour)
    assert [a.title for a in read(path) if isinstance(a, Article)] == list(HEADLINES)


COOKIE_WALL = (
    "Please note that by blocking any or all cookies you may not have access to certain "
    "features, content or personalisation. For more information see our Cookie Policy.\n"
    "To enable cookies, follow the instructions for your browser below.\n"
    "Home | News | Sport | Business | Weather\n"
)


def test_a_page_that_is_only_furniture_is_rejected_and_a_short_report_is_kept(
    tmp_path: Path,
) -> None:
    (tmp_path / "wall.txt").write_text(COOKIE_WALL)
    (tmp_path / "brief.txt").write_text("The Kelby bridge reopened on Friday after repairs.\n")
    (tmp_path / "report.txt").write_text(COOKIE_WALL + "\n" + REPORT)
    brief, report, wall = read(tmp_path)
    assert isinstance(brief, Article) and isinstance(report, Article)
    assert REPORT.split(".")[0] in report.text
    assert isinstance(wall, Rejected) and wall.reason is Reason.NO_ARTICLE
    assert "page furniture" in wall.detail and "wall.txt" in wall.detail


def test_a_record_that_is_a_script_notice_is_rejected_by_its_id(tmp_path: Path) -> None:
    notice = (
        "If you're seeing this message, that means JavaScript has been disabled on your browser.\n"
        "Please enable JavaScript to make this website work.\n"
        "Checking your browser before accessing the site.\n"
    )
    path = tmp_path / "feed.jsonl"
    records = [{"id": "n1", "text": notice}, {"id": "r1", "text": REPORT}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    rejected, kept = read(path)
    assert isinstance(rejected, Rejected) and rejected.input == "n1"
    assert "record 'n1'" in rejected.detail
    assert isinstance(kept, Article) and kept.input == "r1"
