"""HTML view of a document (`Document.to_html`, and the notebook view):
entities highlighted by label, quotes underlined by kind with their speaker
printed after them, paragraphs outside the body dimmed, a legend. Every piece
of the input text is escaped; the view is readable on light and dark themes
(marks carry their own text colour)."""

from __future__ import annotations

from html import escape
from typing import Any, Iterator, Sequence

COLOURS = {
    "PER": "#ffd6a5",
    "ORG": "#bde0fe",
    "LOC": "#caffbf",
    "DATE": "#fdffb6",
    "TIME": "#ffc6ff",
    "MONEY": "#d0f4de",
    "PERCENT": "#e4c1f9",
}
QUOTE_STYLES = {"direct": "solid", "partial": "dashed", "indirect": "dotted"}
QUOTE_COLOUR = "#e76f51"
INK = "#1d1d1d"  # text on the light backgrounds of marks, whatever the theme

STYLE = f"""<style>
.frnews-view {{font-family: sans-serif; max-width: 60em}}
.frnews-doc {{line-height: 1.9; white-space: pre-wrap}}
.frnews-ent {{color: {INK}; padding: 0 .2em; border-radius: .3em}}
.frnews-ent sub {{font-size: .6em; font-weight: bold; margin-left: .2em; opacity: .75}}
.frnews-quote {{border-bottom: 2px solid {QUOTE_COLOUR}}}
.frnews-quote.frnews-partial {{border-bottom-style: dashed}}
.frnews-quote.frnews-indirect {{border-bottom-style: dotted}}
.frnews-speaker {{background: {QUOTE_COLOUR}; color: #fff; font-size: .75em; font-weight: bold;
  padding: .05em .4em; margin-left: .3em; border-radius: .6em; white-space: nowrap}}
.frnews-speaker.frnews-unknown {{background: #8d8d8d; font-style: italic}}
.frnews-zone-dim {{opacity: .5}}
.frnews-legend {{line-height: 2.2; margin-bottom: .6em}}
.frnews-legend > span {{padding: .1em .4em; margin-right: .4em; border-radius: .3em; font-size: .85em}}
.frnews-legend .frnews-key {{color: {INK}}}
.frnews-legend .frnews-quote-key {{background: #fff; color: {INK}}}
.frnews-truncated {{margin-top: .6em; font-style: italic; opacity: .8}}
</style>"""


def legend() -> str:
    items = [f'<span class="frnews-key" style="background:{c}">{label}</span>' for label, c in COLOURS.items()]
    items += [f'<span class="frnews-quote-key"><span class="frnews-quote frnews-{kind}">{kind} quote</span></span>'
              for kind in QUOTE_STYLES]
    items.append('<span class="frnews-speaker">speaker</span>')
    items.append('<span class="frnews-quote-key frnews-zone-dim">title, header, copy, ...: dimmed</span>')
    return f'<div class="frnews-legend">{"".join(items)}</div>'


def _active(spans: Sequence[Any], points: Sequence[int]) -> Iterator[int | None]:
    """For each segment `points[k]..points[k+1]`, the index of the span of
    `spans` (sorted, non-overlapping) that covers it, or None."""
    i = 0
    for a in points[:-1]:
        while i < len(spans) and spans[i].end <= a:
            i += 1
        yield i if i < len(spans) and spans[i].start <= a < spans[i].end else None


def document_html(doc: Any, max_chars: int | None = 100_000) -> str:
    """The HTML of one document, its text cut after `max_chars` characters."""
    text: str = doc.text
    shown = len(text) if max_chars is None else max(0, min(max_chars, len(text)))
    entities = [e for e in doc.entities if e.start < shown]
    quotes = [q for q in doc.quotes if q.start < shown]
    paragraphs = [p for p in doc.paragraphs if p.start < shown]
    cuts = {0, shown}
    for s in (*entities, *quotes, *paragraphs):
        cuts.update((min(s.start, shown), min(s.end, shown)))
    points = sorted(cuts)
    # Layers, outermost first: paragraph (its zone), quote, entity. At each
    # segment, the layers whose span changed are closed and opened again;
    # a span opened again (a quote running over paragraphs) has no id.
    layers = [(paragraphs, list(_active(paragraphs, points))), (quotes, list(_active(quotes, points))),
              (entities, list(_active(entities, points)))]
    opened_once: list[set[int]] = [set(), set(), set()]
    current: list[int | None] = [None, None, None]
    out = [STYLE, '<div class="frnews-view">', legend(), '<div class="frnews-doc">']

    def close(layer: int) -> None:
        index = current[layer]
        if index is None:
            return
        if layer == 2:
            ent = entities[index]
            out.append(f"<sub>{escape(ent.label)}</sub></mark>" if ent.end <= b else "</mark>")
        elif layer == 1:
            out.append("</span>")
            quote = quotes[index]
            if quote.end <= b:
                out.append(_speaker(index, quote.speaker))
        else:
            out.append("</span>")
        current[layer] = None

    def open_(layer: int, index: int) -> None:
        first = index not in opened_once[layer]
        opened_once[layer].add(index)
        if layer == 0:
            zone = paragraphs[index].zone
            dim = "" if zone == "body" else " frnews-zone-dim"
            out.append(f'<span class="frnews-zone frnews-zone-{escape(zone)}{dim}" data-zone="{escape(zone)}">')
        elif layer == 1:
            quote = quotes[index]
            ident = f' data-quote="{index}"' if first else ""
            title = f"{quote.kind} quote, speaker: {quote.speaker or 'unknown'}"
            out.append(f'<span class="frnews-quote frnews-{escape(quote.kind)}"{ident} '
                       f'title="{escape(title)}">')
        else:
            ent = entities[index]
            tip = ent.label + (f" · {ent.canonical}" if ent.canonical and ent.canonical != ent.text else "")
            tip += f" · {ent.value}" if ent.value else ""
            ident = f' data-entity="{index}"' if first else ""
            out.append(f'<mark class="frnews-ent"{ident} data-label="{escape(ent.label)}" '
                       f'style="background:{COLOURS.get(ent.label, "#eee")}" title="{escape(tip)}">')
        current[layer] = index

    b = 0
    for k, (a, b_next) in enumerate(zip(points, points[1:])):
        wanted = [layer[1][k] for layer in layers]
        changed = next((i for i in range(3) if wanted[i] != current[i]), None)
        if changed is not None:
            b = a
            for layer in (2, 1, 0)[: 3 - changed]:
                close(layer)
            for layer in range(changed, 3):
                index = wanted[layer]
                if index is not None:
                    open_(layer, index)
        out.append(escape(text[a:b_next]))
        b = b_next
    for layer in (2, 1, 0):
        close(layer)
    out.append("</div>")
    if shown < len(text):
        out.append(f'<div class="frnews-truncated">Truncated: the first {shown:,} of {len(text):,} characters '
                   "are shown; <code>doc.to_html(max_chars=None)</code> shows all.</div>")
    out.append("</div>")
    return "".join(out)


def _speaker(index: int, speaker: str | None) -> str:
    if speaker is None:
        return f'<span class="frnews-speaker frnews-unknown" data-speaker-of="{index}">speaker unknown</span>'
    return f'<span class="frnews-speaker" data-speaker-of="{index}">{escape(speaker)}</span>'
