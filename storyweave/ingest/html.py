"""HTML pages: main text and metadata with trafilatura, captions kept apart.

Extraction cascade (each step runs only when the previous result misses its named threshold):

1. trafilatura with ``favor_precision`` and without reader comments;
2. if that body is shorter than ``MIN_PRECISE_CHARS``, trafilatura's balanced default, and the
   longer of the two bodies is kept;
3. a body still shorter than ``MIN_ARTICLE_CHARS`` means the page holds no article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml.etree import ParserError
from trafilatura.settings import Document

from storyweave.ingest.authors import clean_author
from storyweave.ingest.dates import normalize_date
from storyweave.ingest.files import decode
from storyweave.ingest.language import normalize_language
from storyweave.ingest.pagedate import markup_date, url_date
from storyweave.ingest.titles import headline

# Below this many characters a favor_precision body is suspected of having lost part of the
# article, and the balanced extraction runs too. On the extraction data set (120 trafilatura
# pages, bench/extraction.py) precision-first alone gives snippet F1 0.926, the default alone
# 0.929, and this cascade 0.929 with higher precision (0.908 vs 0.894); thresholds from 200 to
# 1500 characters score the same there, 500 is a short news brief.
MIN_PRECISE_CHARS = 500

# A body shorter than this is not an article (error pages, cookie walls, index pages). The
# shortest expected body in the extraction data set is 371 characters; wire briefs run 300+.
MIN_ARTICLE_CHARS = 150

# Caption texts longer than this are teaser blurbs of other articles, not photo captions.
MAX_CAPTION_CHARS = 400

# Headings compared with the page title; the article's own headline comes among the first few.
MAX_H1 = 3

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8")
_LANGUAGE_XPATH = (
    "/html/@lang"
    " | //meta[translate(@http-equiv, 'CONTENTLAGU', 'contentlagu')='content-language']/@content"
    " | //meta[@property='og:locale']/@content"
)
_ARTICLE_ROOTS = (
    "//*[@itemprop='articleBody']",
    "//article",
    "//main",
)


@dataclass(frozen=True)
class Extracted:
    """What one HTML page yielded: body text and whatever metadata it carried."""

    text: str
    title: str | None
    published: str | None
    author: str | None
    outlet: str | None
    url: str | None
    language: str | None
    captions: tuple[str, ...]


def decode_html(raw: bytes, bom_encoding: str | None = None) -> str | None:
    """Decode an HTML page: byte-order mark, UTF-8, the ``<meta charset>``, then a guess."""
    match = _META_CHARSET.search(raw[:4096])
    declared = match.group(1).decode("ascii") if match else None
    return decode(raw, bom_encoding, declared)


def extract_html(html: str, url: str | None = None) -> Extracted | None:
    """Main text and metadata of a page, or None when it holds no article."""
    document = _run(html, url, favor_precision=True)
    if _length(document) < MIN_PRECISE_CHARS:
        balanced = _run(html, url, favor_precision=False)
        if _length(balanced) > _length(document):
            document = balanced
    if document is None or _length(document) < MIN_ARTICLE_CHARS:
        return None
    text = (document.text or "").strip()
    tree = _parse(html)
    h1s = [node.text_content() for node in tree.iter("h1")][:MAX_H1] if tree is not None else []
    page_url = document.url or url
    return Extracted(
        text=text,
        title=headline(document.title, h1s, document.sitename, page_url),
        published=url_date(page_url) or markup_date(tree) or normalize_date(document.date),
        author=clean_author(document.author, document.sitename, page_url),
        outlet=document.sitename or document.hostname,
        url=page_url,
        language=_page_language(tree),
        captions=_captions(tree, text),
    )


def _length(document: Document | None) -> int:
    return len((document.text or "").strip()) if document is not None else 0


def _run(html: str, url: str | None, *, favor_precision: bool) -> Document | None:
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            favor_precision=favor_precision,
            # Dates only from markup and the URL, not guessed from the body text, so that a date
            # here is metadata; the dates stage infers the rest from the text.
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception:  # noqa: BLE001
        # An extractor bug on one malformed page must not stop a batch: the page is reported
        # as holding no article, like a page trafilatura returns nothing for.
        return None
    return document if isinstance(document, Document) else None


def _parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        # Parsed from UTF-8 bytes with the encoding forced: the page is already decoded, and a
        # stale <meta charset> must not make lxml decode it a second time.
        return lxml.html.document_fromstring(html.encode("utf-8"), parser=_UTF8_PARSER)
    except (ParserError, ValueError):
        return None


def _page_language(tree: lxml.html.HtmlElement | None) -> str | None:
    if tree is None:
        return None
    for value in tree.xpath(_LANGUAGE_XPATH):
        code = normalize_language(value)
        if code:
            return code
    return None


def _captions(tree: lxml.html.HtmlElement | None, body: str) -> tuple[str, ...]:
    """Figure captions inside the article's container, in page order, not already in the body."""
    if tree is None:
        return ()
    root = next((found[0] for xp in _ARTICLE_ROOTS if (found := tree.xpath(xp))), tree)
    flat_body = " ".join(body.split())
    captions: list[str] = []
    for node in root.iter("figcaption"):
        text = " ".join(node.text_content().split())
        fits = 0 < len(text) <= MAX_CAPTION_CHARS
        if fits and text not in flat_body and text not in captions:
            captions.append(text)
    return tuple(captions)


_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote tr table section article pre figure".split()
)


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's content), one line per block element."""
    if "<" not in fragment:
        return "\n".join(line.strip() for line in fragment.splitlines() if line.strip())
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for bad in root.xpath("//script | //style"):
        bad.drop_tree()
    for node in root.iter(*_BLOCK_TAGS):
        node.tail = "\n" + (node.tail or "")
        if node.tag != "br":
            node.text = "\n" + (node.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
