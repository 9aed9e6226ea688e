"""The notebook HTML view."""

from __future__ import annotations

import re

import frnews


def test_html_shows_each_entity_and_quote_once(seeds: list[str]) -> None:
    for text in seeds:
        doc = frnews.analyze(text)
        html = doc._repr_html_()
        for i in range(len(doc.entities)):
            assert html.count(f'data-entity="{i}"') == 1
        quote_ids = re.findall(r'data-quote="(\d+)"', html)
        assert sorted(set(map(int, quote_ids))) == list(range(len(doc.quotes)))
        assert 'class="frnews-legend"' in html


def test_html_escapes_the_input() -> None:
    text = 'Le <script>alert("x")</script> & <b>gras</b> a dit « <i>oui</i> ».'
    html = frnews.analyze(text)._repr_html_()
    body = html.split('<div class="frnews-doc">', 1)[1]
    assert "<script>" not in body and "<b>" not in body and "<i>" not in body
    assert "&lt;script&gt;" in body and "&amp;" in body


def test_html_keeps_all_the_text() -> None:
    import html as html_lib

    text = "MOSCOU, 7 juin (Xinhua) -- « L'OCS est forte », a estimé M. Lebedev."
    rendered = frnews.analyze(text)._repr_html_()
    body = rendered.split('<div class="frnews-doc">', 1)[1]
    visible = html_lib.unescape(re.sub(r"<sub>[A-Z]+</sub>|<[^>]+>", "", body))
    assert visible == text
