"""HTML view of a document for notebooks: entities highlighted by label,
quotes underlined with their speaker on hover, a legend. Every piece of the
input text is escaped."""

from __future__ import annotations

from html import escape
from typing import Any

COLOURS = {
    "PER": "#ffd6a5",
    "ORG": "#bde0fe",
    "LOC": "#caffbf",
    "DATE": "#fdffb6",
    "TIME": "#ffc6ff",
    "MONEY": "#d0f4de",
    "PERCENT": "#e4c1f9",
}

STYLE = """<style>
.frnews-doc {font-family: sans-serif; line-height: 1.8; white-space: pre-wrap; max-width: 60em}
.frnews-ent {padding: 0 .2em; border-radius: .3em}
.frnews-ent sub {font-size: .6em; font-weight: bold; margin-left: .2em; opacity: .7}
.frnews-quote {border-bottom: 2px solid #e76f51; cursor: help}
.frnews-legend span {padding: 0 .3em; margin-right: .4em; border-radius: .3em; font-size: .85em}
</style>"""


def legend() -> str:
    items = "".join(f'<span style="background:{c}">{label}</span>' for label, c in COLOURS.items())
    return (f'<div class="frnews-legend">{items}'
            '<span class="frnews-quote">quote (hover: speaker)</span></div>')


def document_html(doc: Any) -> str:
    """The HTML of one document (used by `Document._repr_html_`)."""
    text: str = doc.text
    entities = list(doc.entities)
    quotes = list(doc.quotes)
    cuts = {0, len(text)}
    for s in (*entities, *quotes):
        cuts.update((s.start, s.end))
    points = sorted(cuts)
    out = [STYLE, legend(), '<div class="frnews-doc">']
    ei = qi = 0
    open_quote: int | None = None
    open_entity: int | None = None
    for a, b in zip(points, points[1:]):
        while qi < len(quotes) and quotes[qi].end <= a:
            qi += 1
        while ei < len(entities) and entities[ei].end <= a:
            ei += 1
        q = qi if qi < len(quotes) and quotes[qi].start <= a else None
        e = ei if ei < len(entities) and entities[ei].start <= a else None
        if open_entity is not None and open_entity != e:
            out.append("</mark>")
            open_entity = None
        if open_quote != q:
            if open_entity is not None:
                out.append("</mark>")
                open_entity = None
            if open_quote is not None:
                out.append("</span>")
            open_quote = None
            if q is not None:
                quote = quotes[q]
                speaker = quote.speaker or "unknown"
                out.append(f'<span class="frnews-quote" data-quote="{q}" '
                           f'title="{escape(quote.kind)} quote, speaker: {escape(speaker)}">')
                open_quote = q
        if e is not None and open_entity is None:
            ent = entities[e]
            tip = ent.label + (f" · {ent.canonical}" if ent.canonical and ent.canonical != ent.text else "")
            tip += f" · {ent.value}" if ent.value else ""
            out.append(f'<mark class="frnews-ent" data-entity="{e}" data-label="{ent.label}" '
                       f'style="background:{COLOURS.get(ent.label, "#eee")}" title="{escape(tip)}">')
            open_entity = e
        out.append(escape(text[a:b]))
        if e is not None and entities[e].end == b:
            out.append(f"<sub>{entities[e].label}</sub></mark>")
            open_entity = None
    if open_entity is not None:
        out.append("</mark>")
    if open_quote is not None:
        out.append("</span>")
    out.append("</div>")
    return "".join(out)
