"""Article structure on variants of the real seeds, and text repair.

Each variant edits one thing of a seed page (header, dateline, title, line
endings, encoding damage) and checks the exact meta fields that follow.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import frnews

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "data" / "seeds"
UD = Path(__file__).resolve().parents[2] / "shared" / "data" / "ud" / "fr_gsd" / "fr_gsd-ud-dev.conllu"
XINHUA = SEEDS / "001_0a2c627234cb182d.txt"

pytestmark = pytest.mark.skipif(not XINHUA.exists(), reason="../shared/data/seeds is not beside the checkout")

HEADER = "French.xinhuanet.com | Publié le 2018-06-07 à 13:25"
DATELINE = "MOSCOU, 7 juin (Xinhua) --"
TITLE = "La CEI souhaite renforcer sa coopération avec l'OCS (INTERVIEW)"


@pytest.fixture(scope="module")
def page() -> str:
    text = XINHUA.read_text(encoding="utf-8")
    assert HEADER in text and DATELINE in text and TITLE in text
    return text


def meta_fields(text: str) -> dict[str, object]:
    m = frnews.analyze(text).meta
    return {"title": m.title, "published": m.published, "dateline": m.dateline, "agency": m.agency}


def body(text: str) -> str:
    m = frnews.analyze(text).meta
    assert m.body_start is not None and m.body_end is not None
    return text[m.body_start:m.body_end]


def test_the_seed_as_it_is(page: str) -> None:
    assert meta_fields(page) == {"title": TITLE, "published": "2018-06-07T13:25", "dateline": "MOSCOU",
                                 "agency": "Xinhua"}
    assert body(page).startswith(DATELINE)
    m = frnews.analyze(page).meta
    assert m.article_id is not None and re.fullmatch(r"\d{20,}", m.article_id)
    assert [page[c.start:c.end].startswith(TITLE) for c in m.copies] == [True]
    assert any("Contactez notre équipe" in page[b.start:b.end] for b in m.boilerplate)


@pytest.mark.parametrize(("header", "published"), [
    ("Publié le 12/05/2024 à 14h30", "2024-05-12T14:30"),
    ("Mis à jour le 12/05/2024 à 14h30", "2024-05-12T14:30"),
    ("Dernière mise à jour à 10h08 le 09/06", "--06-09T10:08"),
    ("French.xinhuanet.com | Publié le 2021-11-30 à 08:05", "2021-11-30T08:05"),
])
def test_header_variants(page: str, header: str, published: str) -> None:
    text = page.replace(HEADER, header)
    assert meta_fields(text) == {"title": TITLE, "published": published, "dateline": "MOSCOU", "agency": "Xinhua"}


@pytest.mark.parametrize(("dateline", "place", "agency"), [
    ("PARIS, 3 mars (AFP) -", "PARIS", "AFP"),
    ("BEIJING (Xinhua) --", "BEIJING", "Xinhua"),
    ("Genève, le 12 mai 2024 (Reuters) —", "Genève", "Reuters"),
    ("NEW YORK, 12 septembre (Xinhua) --", "NEW YORK", "Xinhua"),
])
def test_dateline_variants(page: str, dateline: str, place: str, agency: str) -> None:
    text = page.replace(DATELINE, dateline)
    fields = meta_fields(text)
    assert (fields["dateline"], fields["agency"], fields["title"]) == (place, agency, TITLE)
    assert body(text).startswith(dateline)


def test_without_title(page: str) -> None:
    # Drop the title (both copies keep their body): the header comes first.
    text = page.replace(TITLE + "\n", "")
    fields = meta_fields(text)
    assert fields["title"] is None
    assert fields["published"] == "2018-06-07T13:25"
    assert body(text).startswith(DATELINE)


def test_title_only() -> None:
    fields = meta_fields(TITLE + "\n")
    assert fields == {"title": TITLE, "published": None, "dateline": None, "agency": None}


def test_a_date_in_the_first_sentence_is_not_a_header() -> None:
    text = ("Le 4 juillet 2024, le Conseil de sécurité a adopté une résolution sur la Syrie.\n\n"
            "Le texte a été voté à l'unanimité.\n")
    fields = meta_fields(text)
    assert fields["published"] is None
    assert body(text).startswith("Le 4 juillet 2024")


def test_crlf_line_endings(page: str) -> None:
    crlf = page.replace("\n", "\r\n")
    assert meta_fields(crlf) == meta_fields(page)
    assert body(crlf).replace("\r\n", "\n") == body(page)


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_encoding_damage_keeps_fields_and_offsets(page: str, codec: str) -> None:
    damaged = page.encode("utf-8").decode(codec, errors="replace")
    doc = frnews.analyze(damaged)
    clean = frnews.analyze(page)
    # Fields are read on the repaired text; offsets point into the damaged one.
    assert doc.meta.published == clean.meta.published
    assert doc.meta.dateline == clean.meta.dateline
    assert doc.meta.agency == clean.meta.agency
    assert frnews.repair(body(damaged)) == body(page)
    assert [e.label for e in doc.entities] == [e.label for e in clean.entities]
    for e in doc.entities:
        assert damaged[e.start:e.end] == e.text


def test_lost_characters_are_warnings_not_changes() -> None:
    text = "MOSCOU, 7 juin (Xinhua) -- Sergue? Lavrov va mettre en ?uvre le plan\ufffd."
    doc = frnews.analyze(text)
    assert doc.text == text
    assert [text[w.start:w.end] for w in doc.warnings] == ["?", "?", "\ufffd"]


def _clean_lines() -> list[str]:
    lines = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if UD.exists():
        with UD.open(encoding="utf-8") as f:
            lines += [line[len("# text = "):] for line in f if line.startswith("# text = ")][:3000]
    return lines


CLEAN = _clean_lines() if XINHUA.exists() else [""]


def _cp1252_decodable(s: str) -> bool:
    try:
        s.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(CLEAN), min_size=1, max_size=4).map("\n".join))
def test_repair_is_identity_on_clean_text(text: str) -> None:
    assert frnews.repair(text) == text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(CLEAN), min_size=1, max_size=4).map("\n".join))
def test_repair_round_trips_latin1_damage(text: str) -> None:
    assert frnews.repair(text.encode("utf-8").decode("latin-1")) == text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(CLEAN), min_size=1, max_size=4).map("\n".join).filter(_cp1252_decodable))
def test_repair_round_trips_cp1252_damage(text: str) -> None:
    assert frnews.repair(text.encode("utf-8").decode("cp1252")) == text
