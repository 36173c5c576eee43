"""The brief as one self-contained HTML page (no network, no CDN), readable and printable."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from storyweave import __version__
from storyweave.models import Brief, Entity, TimelineEntry
from storyweave.render.markdown import MAX_FACT_ROWS
from storyweave.render.view import coverage, date_text, figure_rows, marker, source_label


def _cites_markers(markers: tuple[str, ...]) -> Markup:
    links = "".join(f'<a href="#source-{escape(m)}">[{escape(m)}]</a>' for m in markers)
    return Markup(f'<sup class="cite">{links}</sup>')


def _cites(sources: tuple[str, ...]) -> Markup:
    return _cites_markers(tuple(marker(s) for s in sources))


def _phrases(entry: TimelineEntry) -> str:
    return "; ".join(sorted({e.phrase for e in entry.evidence if e.phrase}))


def _others(entity: Entity) -> str:
    return ", ".join(a for a in entity.aliases if a != entity.name)


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("storyweave.render", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    env.globals.update(
        cites=_cites,
        cites_markers=_cites_markers,
        phrases=_phrases,
        others=_others,
        marker=marker,
        label=source_label,
        date_text=date_text,
    )
    return env


def to_html(brief: Brief) -> str:
    """Render the brief as a single HTML page."""
    s = brief.story
    header, rows = coverage(brief)
    span = " to ".join(d for d in dict.fromkeys([s.first_published, s.last_published]) if d)
    return (
        _env()
        .get_template("brief.html.j2")
        .render(
            brief=brief,
            story=s,
            span=span,
            version=__version__,
            conflicts=figure_rows(brief.figures, conflicts_only=True),
            consistent=[r for r in figure_rows(brief.figures) if r.status != "conflict"],
            grid_header=header,
            grid_rows=rows[:MAX_FACT_ROWS],
            grid_more=max(0, len(rows) - MAX_FACT_ROWS),
        )
    )
