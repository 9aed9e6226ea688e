"""Quotes end to end: the forms of French news through `frnews.analyze`,
and the "who said what" table of `frnews quotes FILE`."""

from __future__ import annotations

from pathlib import Path

import pytest

import frnews
from frnews.cli import main

TITLE = "Titre de la dépêche\n\n"


def quotes(body: str) -> list[tuple[str, str, str | None]]:
    doc = frnews.analyze(TITLE + body)
    for q in doc.quotes:
        assert doc.text[q.start : q.end] == q.text
    return [(q.text, q.kind, q.speaker) for q in doc.quotes]


def test_direct_quote_then_inverted_pronoun() -> None:
    body = "Sergueï Lebedev dirige la CEI.\n\n« La coopération est utile », a-t-il relevé.\n"
    assert quotes(body) == [("La coopération est utile", "direct", "Sergueï Lebedev")]


def test_indirect_content_before_a_named_attribution() -> None:
    body = "Le dialogue doit continuer, a déclaré jeudi le ministre chinois des Affaires étrangères, Qin Gang.\n"
    assert quotes(body) == [("Le dialogue doit continuer", "indirect", "Qin Gang")]


def test_selon_with_a_partial_quote_and_an_organisation() -> None:
    body = "Selon la SNCF, le trafic sera « très perturbé » lundi.\n"
    assert quotes(body) == [("le trafic sera « très perturbé » lundi", "partial", "SNCF")]


def test_names_in_marks_are_not_quotes() -> None:
    body = 'Le film « Les Misérables » a été projeté pendant la semaine "Cinéma sans frontières".\n'
    assert quotes(body) == []


def test_quotes_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        TITLE + "Sophie Binet dirige la CGT.\n\n« Nous ferons grève », a-t-elle dit.\n",
        encoding="utf-8",
    )
    assert main(["quotes", str(article)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["speaker", "kind", "text"]
    assert lines[1].split(maxsplit=3)[:3] == ["Sophie", "Binet", "direct"]
    assert lines[1].endswith("Nous ferons grève")
