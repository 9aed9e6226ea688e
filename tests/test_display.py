"""The HTML view (`Document.to_html`, the notebook view)."""

from __future__ import annotations

import html as html_lib
import re

import frnews

SPEAKER = r'<span class="frnews-speaker[^"]*" data-speaker-of="\d+">[^<]*</span>'


def visible_text(rendered: str) -> str:
    body = rendered.split('<div class="frnews-doc">', 1)[1].split("</div>", 1)[0]
    return html_lib.unescape(re.sub(SPEAKER + r"|<sub>[A-Z]+</sub>|<[^>]+>", "", body))


def test_html_shows_each_entity_and_quote_once(seeds: list[str]) -> None:
    for text in seeds:
        doc = frnews.analyze(text)
        html = doc.to_html()
        assert html == doc._repr_html_()
        for i in range(len(doc.entities)):
            assert html.count(f'data-entity="{i}"') == 1
        for i in range(len(doc.quotes)):
            assert html.count(f'data-quote="{i}"') == 1
            assert html.count(f'data-speaker-of="{i}"') == 1
        assert 'class="frnews-legend"' in html
        assert visible_text(html) == text


def test_speaker_label_follows_each_quote_and_kinds_differ() -> None:
    text = ("« Nous partirons », a déclaré le ministre Jean Dupont.\n\n"
            "Selon lui, la décision est prise.\n\n\"Il fait beau\", dit-on.")
    doc = frnews.analyze(text)
    html = doc.to_html()
    assert "speaker unknown" in html
    for i, q in enumerate(doc.quotes):
        label = re.search(rf'data-quote="{i}"[^>]*>.*?</span>({SPEAKER})', html, re.S)
        assert label is not None, q
        expected = html_lib.escape(q.speaker) if q.speaker else "speaker unknown"
        assert f">{expected}</span>" in label.group(1)
        assert f'class="frnews-quote frnews-{q.kind}" data-quote="{i}"' in html
    assert [(q.kind, q.speaker) for q in doc.quotes] == [
        ("direct", "Jean Dupont"), ("indirect", "Jean Dupont"), ("direct", None)]
    # The style tells the kinds apart, and the legend shows each.
    assert ".frnews-quote.frnews-partial {border-bottom-style: dashed}" in html
    legend = html.split('class="frnews-legend"', 1)[1].split('<div class="frnews-doc">', 1)[0]
    for kind in ("direct", "partial", "indirect"):
        assert f"frnews-quote frnews-{kind}" in legend


def test_zones_other_than_the_body_are_dimmed(seeds: list[str]) -> None:
    doc = frnews.analyze(seeds[1])
    html = doc.to_html()
    zones = {p.zone for p in doc.paragraphs}
    assert {"title", "body", "copy"} <= zones
    for zone in zones:
        dim = "" if zone == "body" else " frnews-zone-dim"
        assert f'class="frnews-zone frnews-zone-{zone}{dim}" data-zone="{zone}"' in html
    assert html.count('data-zone="') >= len(doc.paragraphs)


def test_html_escapes_the_input() -> None:
    text = ('Le <script>alert("x")</script> & <b>gras</b> a dit « <i>oui</i> ».\n\n'
            '« Non », a déclaré Jean <Dupont>.')
    html = frnews.analyze(text).to_html()
    body = html.split('<div class="frnews-doc">', 1)[1]
    assert "<script>" not in body and "<b>" not in body and "<i>" not in body and "<Dupont>" not in body
    assert "&lt;script&gt;" in body and "&amp;" in body
    assert visible_text(html) == text


def test_marks_carry_their_own_ink_for_dark_themes() -> None:
    html = frnews.analyze("M. Jean Dupont est à Paris.").to_html()
    style = html.split("</style>", 1)[0]
    assert re.search(r"\.frnews-ent \{color: #[0-9a-f]{6}", style)
    assert re.search(r"\.frnews-legend \.frnews-key \{color: #[0-9a-f]{6}", style)


def test_max_chars_cuts_and_says_so() -> None:
    text = "« Oui », a dit Jean Dupont à Paris. " * 400
    doc = frnews.analyze(text)
    short = doc.to_html(max_chars=1000)
    assert len(short) < len(doc.to_html(max_chars=None)) / 5
    assert visible_text(short) == text[:1000]
    assert "Truncated: the first 1,000 of 14,400 characters are shown" in short
    assert "Truncated" not in doc.to_html(max_chars=None)
    assert "Truncated" not in doc.to_html()  # 100,000 characters by default
    assert "Truncated" in frnews.analyze("x" * 100_001)._repr_html_()
