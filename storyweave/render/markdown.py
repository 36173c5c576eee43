"""The brief as Markdown: what a person reads in a terminal or a note."""

from __future__ import annotations

from storyweave.models import Brief
from storyweave.render.view import coverage, date_text, figure_rows, marker, source_label

# Facts and removed lines beyond these counts are summarised, so the page stays readable.
MAX_FACT_ROWS = 40
MAX_TEXT_IN_TABLE = 120


def _cite(sources: tuple[str, ...]) -> str:
    return "".join(f"[{marker(s)}]" for s in sources)


def _cell(text: str) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= MAX_TEXT_IN_TABLE else text[: MAX_TEXT_IN_TABLE - 1] + "…"


def to_markdown(brief: Brief) -> str:
    """Render every part of the brief as Markdown."""
    s = brief.story
    span = " to ".join(d for d in dict.fromkeys([s.first_published, s.last_published]) if d)
    out = [f"# {s.headline or 'Untitled story'}", ""]
    out.append(f"*{len(brief.sources)} sources{', ' + span if span else ''} · story {s.id}*")
    out.append("")
    out += ["## What happened", ""]
    if brief.summary:
        out += [f"- {' '.join(i.text.split())} {_cite(i.sources)}" for i in brief.summary]
    else:
        out.append("_No summary: no sentence is supported well enough._")
    out.append("")

    conflicts = figure_rows(brief.figures, conflicts_only=True)
    out += ["## Contradictions", ""]
    if conflicts or brief.disputes:
        if conflicts:
            out += ["| topic | value | allows | sources | as of |", "|---|---|---|---|---|"]
            out += [
                f"| {r.topic} | {_cell(r.text)} | {r.range} | {' '.join(r.sources)} | {r.as_of} |"
                for r in conflicts
            ]
            out.append("")
        for d in brief.disputes:
            out.append(f"**{d.topic}**")
            out += [f"- {_cell(c.text)} {_cite(c.sources)}" for c in d.claims]
            out.append("")
    else:
        out += ["_The sources do not contradict each other on any figure found._", ""]

    consistent = [r for r in figure_rows(brief.figures) if r.status != "conflict"]
    if consistent:
        out += ["## Figures the sources agree on", ""]
        out += ["| topic | value | allows | sources | as of |", "|---|---|---|---|---|"]
        out += [
            f"| {r.topic} | {_cell(r.text)} | {r.range} | {' '.join(r.sources)} | {r.as_of} |"
            for r in consistent
        ]
        out.append("")

    out += ["## Timeline", ""]
    if brief.timeline:
        for t in brief.timeline:
            phrases = sorted({e.phrase for e in t.evidence if e.phrase})
            said = f" ({'; '.join(phrases)})" if phrases else ""
            when = date_text(t.date, t.precision)
            out.append(f"- **{when}**{said}: {_cell(t.text)} {_cite(t.sources)}")
    else:
        out.append("_No dated events found._")
    out.append("")

    header, rows = coverage(brief)
    out += ["## Who reports what", ""]
    if rows:
        out.append("| fact | status | " + " | ".join(header) + " |")
        out.append("|---|---|" + "---|" * len(header))
        for status, text, cells in rows[:MAX_FACT_ROWS]:
            marks = " | ".join("●" if c else "" for c in cells)
            out.append(f"| {_cell(text)} | {status} | {marks} |")
        if len(rows) > MAX_FACT_ROWS:
            out.append(f"\n_{len(rows) - MAX_FACT_ROWS} more facts in the JSON brief._")
    else:
        out.append("_No facts aligned._")
    out.append("")

    out += ["## Quotes", ""]
    if brief.quotes:
        for q in brief.quotes:
            body = f"“{' '.join(q.text.split())}”" if q.verbatim else " ".join(q.text.split())
            out.append(f"- **{q.speaker or 'unattributed'}**: {body} {_cite(q.sources)}")
    else:
        out.append("_No quotations found._")
    out.append("")

    out += ["## People, organisations and places", ""]
    if brief.entities:
        out += ["| name | type | also written | sources |", "|---|---|---|---|"]
        for e in brief.entities:
            others = ", ".join(a for a in e.aliases if a != e.name)
            out.append(f"| {e.name} | {e.type} | {_cell(others)} | {_cite(e.sources)} |")
    else:
        out.append("_None found._")
    out.append("")

    out += ["## Sources", ""]
    for src in brief.sources:
        out.append(f"{marker(src.sid)}. {source_label(src)}")
        if src.article.url:
            out.append(f"   - {src.article.url}")
        if src.duplicate_of:
            out.append(f"   - reprint of [{marker(src.duplicate_of)}]")
        for f in src.flags:
            ev = f": “{_cell(f.evidence)}”" if f.evidence else ""
            out.append(f"   - ⚠ {f.kind.replace('_', ' ')}{ev}")
        if src.removed:
            out.append(f"   - removed {len(src.removed)} lines:")
            out += [f"     - ({r.reason}) {_cell(r.text)}" for r in src.removed]
    if brief.rejected:
        out += ["", "## Inputs skipped", ""]
        out += [f"- {r.input}: {r.reason.value}: {r.detail}" for r in brief.rejected]
    out.append("")
    return "\n".join(out)
