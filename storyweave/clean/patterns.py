"""Shapes of scraped junk: widgets, navigation, credits, captions, metadata lines.

Every pattern here describes a *kind* of web furniture seen across many sites (ad markers,
share bars, gallery counters, agency photo credits), not lines of any particular article.
Patterns match a whole cleaned line unless their name says otherwise.
"""

from __future__ import annotations

import re

from storyweave.clean.script import TERMINAL, letter_count, line_words

# Photo and wire agencies whose name ends a caption or makes up a credit line.
AGENCIES = (
    r"AP|AFP|Reuters|REUTERS|EPA|EPA-EFE|EFE|Getty|Getty Images|Xinhua|Bloomberg|Anadolu"
    r"|Anadolu Agency|TASS|Sputnik|PA|PA Images|PA Wire|Shutterstock|AAP|dpa|DPA|ANP|Kyodo"
    r"|Yonhap|Bernama|ANI|PTI|IANS|ZUMA|Zuma Press|Alamy|SIPA|Sipa|NurPhoto|UPI|SOPA Images"
    r"|Reuters/Alamy|Associated Press|AP Photo|Agence France-Presse|SPH Media|ST Photo"
    r"|Depositphotos|iStock|iStockphoto|Unsplash|Pexels|Wikimedia Commons|handout|Handout"
)
_AGENCY = rf"(?:{AGENCIES})"

# Lines made of interface words only: share bars, menus, players, search boxes.
_UI_WORDS = (
    r"icon|menu|search|close|toggle|navigation|login|log in|sign in|sign up|sign out|register"
    r"|subscribe|subscribed|unsubscribe|share|share on|shares|tweet|whatsapp|facebook|twitter"
    r"|telegram|linkedin|email|e-mail|print|copy link|copy|link|comments?|bookmark|save|listen"
    r"|play|pause|mute|next|previous|prev|back to top|top|cookies?|accept|dismiss|expand"
    r"|collapse|more|less|show more|show less|view all|see all|load more|open|submit|send"
    r"|font size|a\+|a-|text size|reset|clear|home|back|go|ok|skip|x"
)
UI_ONLY = re.compile(rf"^(?:(?:{_UI_WORDS})[\s|/·•,:-]*)+$", re.I)
# Short lines that end in a UI word: "Clear icon", "Search menu", "Share this".
UI_TAIL = re.compile(r"^[\w' -]{0,30}\b(?:icon|button|menu|toggle|dropdown|widget)$", re.I)

# Navigation, promotion and site furniture, anywhere in a short line.
BOILERPLATE = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|ad|ads|promoted|paid content"
    r"|skip to (?:main )?(?:content|navigation|search)|jump to (?:content|navigation)"
    r"|loading\W*|please wait\W*|recommended(?: videos?| stories| for you| reading)?"
    r"|more stories|more news|related(?: stories| articles| news| content| coverage)?"
    r"|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|top stories"
    r"|latest(?: news| stories| videos)?|you (?:may|might) also like|don't miss"
    r"|read (?:more|next|also|full story|the full story)|continue reading|see also|also read"
    r"|watch(?: now| live| video)?|live|live updates|breaking(?: news)?|exclusive|video"
    r"|photos?|gallery|podcast|newsletter|follow us.*|more in .{1,40}|view all .{1,40}"
    r"|get (?:the |our )?(?:mobile )?app|get audio\+?|contact us|about us|privacy policy"
    r"|terms (?:of use|and conditions|& conditions)|site map|sitemap|all rights reserved\W*"
    r"|table of contents|contents|in this article|jump to section)$",
    re.I,
)
# Promotional or legal sentences that look like prose but are furniture.
BOILERPLATE_PHRASE = re.compile(
    r"\b(?:download (?:the|our) (?:new |free )?[\w ]{0,30}app|subscrib(?:e|ing) to (?:our|the|us)\b"
    r"|sign up (?:for|to) (?:our|the)\b|(?:javascript|cookies) (?:is |are |has been |have been )?"
    r"(?:disabled|required|must be enabled|turned off)|enable javascript|all rights reserved"
    r"|(?:block|enable|accept|allow|disable)(?:s|d|ing)? (?:any or all |all |the )?cookies\b"
    r"|checking your browser|verify (?:that )?you are (?:a )?human|are you a robot"
    r"|(?:page|content) (?:you are|you're) looking for (?:does not|doesn't|cannot|could not|is no)"
    r"|nothing was found at this location|^(?:error )?404\b|\bpage not found\b"
    r"|^disclaimer\b|contact our support team|this (?:article|story|content) is (?:only )?"
    r"(?:available|for) (?:to )?subscribers|to continue reading|already a subscriber"
    r"|log in to (?:continue|read)|^(?:copyright\s*)?©|^copyright\s+(?:\(c\)\s*)?\d{4}"
    r"|get in touch with us|have news you (?:must|want to) share"
    r"|^(?:also read|read also|read more|read related|see also|related|watch|listen|more"
    r"|you (?:may|might) also like|recommended|trending|most read|don't miss)\s*:"
    r"|click here to|tap here to|follow us on|we may earn a commission|cancel (?:at )?any ?time"
    r"|\b(?:start|begin|try|experience|get|claim|with) (?:[\w'’-]+ ){0,4}(?:a |an |your )?"
    r"(?:\d+-day |\d+-month |one-month )?free trial\b"
    # App and channel plugs: "Join X's WhatsApp Channel and get the latest news", "Get the
    # paper on your phone with the free X app", "also available on the App Store".
    r"|join (?:our|the|[\w.-]+['’]s) (?:[\w-]+ ){0,2}(?:channel|community|newsletter)"
    r"|^unlock (?:exclusive|premium|full|unlimited)\b"
    r"|get the latest (?:news|updates|stories|headlines)\b|with (?:the|our) (?:new |free )+"
    r"[\w ]{0,20}\bapp\b|(?:also available|download\w*|get it) (?:[\w'’]+ ){0,4}(?:on|from|at) "
    r"(?:the )?(?:[\w'’]+ )?(?:app store|google play)|for more (?:stories|news|articles"
    r"|updates)\W*$|(?:more information|further details) (?:is |are )?(?:available )?"
    r"(?:in|from|on) our\b|^[^.!?]{0,30}\banytime,? anywhere\W*$"
    # A related-story list's item counter run into its first headline.
    r"|^list of \d+ items?"
    r"|^(?:this (?:article|story|report) )?(?:was )?first (?:published|appeared)\b)",
    re.I,
)
# Headings of related-story lists, alone on their line (an inline "Read more: <title>" is one
# link, and what follows it is the story again): the headline lines under one are links.
RELATED_HEADING = re.compile(
    r"^(?:(?:recommended(?: videos?| stories| for you| reading)?|more stories|more news"
    r"|related(?: stories| articles| news| content| coverage)|read (?:more|next|also)"
    r"|also read|you (?:may|might) also like|most (?:read|popular|viewed|shared)"
    r"|trending(?: now| stories)?|top stories|don't miss)\W*$|list of \d+ items?)",
    re.I,
)
# Read-time, live and count badges: "2 min read", "Live Story", "7 images", "1 / 24".
BADGE = re.compile(
    r"^(?:\d+\s*(?:min|mins|minute|minutes)\.?\s*(?:read|watch|listen)"
    r"|\d+\s*(?:images?|photos?|pictures?|slides?)\s*\d*\s*(?:[|/]\s*\d+)?"
    r"|\d+\s*(?:/|of|\|)\s*\d+"
    r"|(?:images?|photos?|pictures?|slides?)\s*\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?"
    r"|(?:live|breaking|developing|exclusive|updated|new|opinion|analysis|explainer|watch|video"
    r"|listen|audio|story|news|photos?|gallery|podcast|sponsored|premium|free)"
    r"(?:\s+(?:live|breaking|developing|exclusive|updated|new|opinion|analysis|explainer|watch"
    r"|video|listen|audio|story|news|photos?|gallery|podcast|sponsored|premium|free|article)){0,3}"
    r"|-?\d+(?:\.\d+)?\s*[º°]\s*[CF]?)$",
    re.I,
)
# Machine-translation banners and notes; cleaning removes them, flags reads them back.
TRANSLATION_BANNER = re.compile(
    r"\b(?:(?:automated|automatic|machine|google|ai)[- ]translat\w*|auto-translated"
    r"|automatically translated|translated (?:automatically|by (?:google|deepl|machine|ai)))\b",
    re.I,
)

# Between two sentences of one line: an end mark, space, then a capital or an opening quote.
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u024f\"“‘'(])")

# Credit-only lines: "Image: Name/AGENCY", "Photo: AFP", "(Photo by X/Getty Images)".
CREDIT = re.compile(
    rf"^\(?(?:(?:featured |cover |top |header |main |lead )?(?:image|photo|photograph|picture"
    rf"|video|graphic|illustration|pic|credit|source|photo credit|image credit|image source)s?"
    rf"(?: credits?)?(?:\s*[:|]\s*|\s+(?:by|courtesy(?: of)?|adapted from|via)\s+).{{1,120}}"
    rf"|(?:featured|cover|top|header|main|lead) (?:image|photo|picture)s? from .{{1,120}}"
    rf"|{_AGENCY}(?:\s*(?:photo|file|/\s*.+))?|[^.!?]{{1,60}}/\s*{_AGENCY}"
    rf"(?:\s+via\s+{_AGENCY})?|(?:photo|image)s? courtesy of .{{1,80}}"
    rf"|(?:[\w-]+ ){{0,2}}(?:photo|image|picture|pic)s?(?: [\w-]+){{0,3}} (?:is |are |used )?"
    rf"(?:for|as an?) illustrat\w+(?: purposes?)?(?: only)?)\)?\.?$",
    re.I,
)
# A sentence that ends in an agency credit: "... in the port city. AP", "... last week [Getty]".
CAPTION_CREDIT_TAIL = re.compile(
    rf"(?:[.!?\"”')]\s+{_AGENCY}\s*(?:photo)?\.?|(?-i:\s\[\s*[A-Z][\w/ &'-]{{0,40}}\])"
    rf"|(?-i:\([A-Z][\w&' -]{{0,30}}/[A-Z][\w&' -]{{0,40}}\))"
    rf"|\((?:AP|AFP|Reuters|EPA|Getty Images|Xinhua|File)?\s*(?:photo|image|picture|pic)"
    rf"\s*(?:[:/]|by)\s*[^)]{{1,80}}\)|\((?:photo|image|picture|pic)s?\s*:\s*[^)]{{1,80}}\))$",
    re.I,
)
# A sentence followed by a labelled credit: "... on Monday. Photo: Jane Roe/Harbour Wire",
# "... (Photograph: City Council)", "... [Credit: AFP]". The label must follow a sentence end
# or open a bracket, and the credit must start with a capital ("Photo by Ann Lee/AP"), so
# prose that mentions a photo ("He took a photo by the lake.") is not one.
LABELLED_CREDIT_TAIL = re.compile(
    r"(?:[.!?\"”’')]\s+\(?|[(\[])\s*(?:photo|photograph|picture|pic|image|credit"
    r"|(?:photo|image|picture) credit)s?\s*(?::|\bby\b|\bcourtesy(?: of)?\b)\s*"
    r"(?-i:[A-Z\u00c0-\u024f])[^!?()\[\]]{0,100}[)\]]?\.?$",
    re.I,
)
# Reporting verbs: a line that quotes someone is reporting, even with a wire sign-off
# ("..., he added. PTI"), so it is not taken for a captioned photo.
REPORTING = re.compile(r"\b(?:said|says|added|told|according to|stated|announced)\b", re.I)
# Caption openings: "In this photo released by ...", "This handout picture shows ...".
CAPTION_START = re.compile(
    r"^(?:in (?:this|these) (?:\w+ )?(?:photo|photograph|image|picture|file photo|handout"
    r"|frame grab|still|screenshot|screen grab)s?\b|(?:this|a|the) (?:\w+ )?(?:photo"
    r"|photograph|picture|image|handout (?:photo|picture|image)|file photo|screenshot|screen grab"
    r"|video grab|frame grab) (?:\w+ )?(?:shows?|taken|released|provided|obtained|made available)"
    r"\b|file photo\b|handout photo\b|(?:pictured|photographed|seen) (?:here|above|below)\b"
    r"|pictured (?:is|are)\b|(?:image|photo|picture|pic|slide|figure)\s*\d{1,3}\s*[:.–-]\s)",
    re.I,
)

# Metadata lines: bylines, time stamps, "Posted 3 days ago", "Source: X", e-mail addresses.
BYLINE = re.compile(
    r"^(?:by|written by|reported by|text by|words by|story by|reporting by|edited by"
    r"|editing by|compiled by)\s+[^.!?]{2,80}$",
    re.I,
)
AGO = re.compile(
    r"^[\w &/+,-]{0,40}?\d+\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?"
    r"|w|weeks?|mo|months?|y|years?)\s+ago$",
    re.I,
)
EMAIL_ONLY = re.compile(r"^\S+@\S+\.\w+$")
URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
# Footers of embedded social posts: "Posted by Harbour Buses on Monday, March 3, 2025",
# "— City Desk (@citydesk) March 3, 2025".
EMBED_FOOTER = re.compile(
    r"^(?:posted by [^.!?]{1,80} on [^.!?]{0,20}\b\d{4}"
    r"|[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s*[^.!?]{0,30}\b\d{4})\W*$",
    re.I,
)
# A writer's note under the article: "- Jane Tan is a journalist covering the health beat at
# The Daily Planet.", "Joe Lim is the Planet's transport correspondent."
AUTHOR_NOTE = re.compile(
    r"^(?:[-–—•*]\s*)?(?!(?:He|She|It|They|This|That)\b)(?:[A-Z][\w.'’-]*\s+){1,4}is\s+"
    r"(?:(?:a|an|the)\s+)?(?:[A-Z][\w.]*['’]s\s+)?(?:[\w-]+\s+){0,4}?(?i:journalist"
    r"|correspondent|reporter|writer|editor|columnist|contributor|producer|photographer"
    r"|photojournalist|commentator)"
    r"(?:\s+(?:at|for|with|of|covering|based)\b[^.!?]{0,100})?[.!]?$"
)
AUTHOR_NOTE_MAX_WORDS = 30
LABELLED_META = re.compile(
    r"^(?:[-–—•*]\s*)?(?:source|sources|tags?|topics?|filed under|category|categories|section"
    r"|author|authors|reporter|editor|contributor|posted in|keywords)\s*:\s*.{1,120}$",
    re.I,
)

# Dash-separated related-link separators and bullets on their own line: at most one letter
# of any script ("—", "• 5", "12:30").
NO_WORD_MAX_LETTERS = 1


def no_word(line: str) -> bool:
    """A line without a word in any script: separators, bullets, bare numbers."""
    return letter_count(line) <= NO_WORD_MAX_LETTERS


# Template residue: "[[nid:12345]]", "{{ widget }}"; an outlet's sign-off ("/TDL") and
# whatever the scraper ran after it.
TEMPLATE = re.compile(r"^(?:\[\[[^\]]*\]\]|\{\{[^}]*\}\}|\{%[^%]*%\}|/[A-Z]{2,8}\b.*)$")
# Tokens of scrambled or encoded text: symbols inside a word, or letters run into digits.
_GARBLED_TOKEN = re.compile(r"\w[:%^{}<>=\\~$@#\[\]|]+\w|[A-Za-z]+\d+[A-Za-z]|\d+[A-Za-z]{2,}\d")
GARBLED_MIN_TOKENS = 6
# On LocalNews, encoded paywall text has over half its tokens garbled; prose with times and
# prices ("5:25pm", "S$20,000") stays under a fifth.
GARBLED_SHARE = 0.3


def garbled(line: str) -> bool:
    """Scrambled or encoded text (paywall obfuscation, mojibake-like residue)."""
    tokens = line.split()
    if len(tokens) < GARBLED_MIN_TOKENS:
        return False
    return sum(1 for t in tokens if _GARBLED_TOKEN.search(t)) / len(tokens) >= GARBLED_SHARE


# Newswire desk markers left in feed text: "Turkey amassed, 4th graf pvs", "pickup 9th pvs".
WIRE_MARKER = re.compile(
    r"^.{0,60}\b(?:(?:pickup\s+)?\d+(?:st|nd|rd|th)\s+(?:graf|pvs|prv)|graf\s+\d+)\b.{0,40}$",
    re.I,
)

# Menu bars and breadcrumbs: "News | Politics | Sport |", "Home › World › Asia".
_CRUMB = r"\s*(?:\||›|»|>|/|·|•)\s*"
BREADCRUMB = re.compile(rf"^(?:home|start|main){_CRUMB}", re.I)
MENU_BAR_MIN_ITEMS = 3
MENU_ITEM_MAX_WORDS = 3


def menu_bar(line: str) -> bool:
    """A line of short items between separators, or a breadcrumb trail from "Home"."""
    if BREADCRUMB.match(line):
        return True
    items = [i for i in re.split(r"\s*(?:\||›|»|·|•)\s*", line) if i.strip()]
    return len(items) >= MENU_BAR_MIN_ITEMS and all(
        len(i.split()) <= MENU_ITEM_MAX_WORDS
        and len(line_words(i)) <= MENU_ITEM_MAX_WORDS
        and not TERMINAL.search(i)
        for i in items
    )
