"""Property tests (issue 8): on random Unicode, random French-like text and
damaged articles, every span lies inside the text and equals its slice, the
layers that must be sorted and disjoint are, `to_dict()` round-trips, and
`analyze_batch` equals a loop of `analyze`.

The number of examples is bounded for CI (the whole file runs in well under a
minute). For a longer search, pick another profile:

    FRNEWS_HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py

`ci` (default): 300 examples per test; `long`: 5,000; `dev`: 20.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis import given
from span_checks import check_document, check_sorted_disjoint, check_spans

import frnews

_COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("ci", max_examples=300, **_COMMON)
settings.register_profile("dev", max_examples=20, **_COMMON)
settings.register_profile("long", max_examples=5000, **_COMMON)
PROFILE = settings.get_profile(os.environ.get("FRNEWS_HYPOTHESIS_PROFILE", "ci"))

HERE = Path(__file__).resolve().parent
# The test articles, and the shared seed articles where they sit beside the checkout.
SHARED_SEEDS = Path(os.environ.get("FRNEWS_SHARED", HERE.parent.parent / "shared")) / "data" / "seeds"
ARTICLE_PATHS = sorted((HERE / "data" / "articles").glob("*.txt")) + sorted(SHARED_SEEDS.glob("*.txt"))
ARTICLES = [p.read_text(encoding="utf-8") for p in ARTICLE_PATHS]
# Words and punctuation of the articles, each once, in a stable order.
WORDS = sorted({w for text in ARTICLES for w in re.findall(r"\w+(?:['’]\w+)*|[^\w\s]", text)})

# Unicode without surrogates (which a Python `str` may hold but the API
# rejects, tested in test_robustness.py).
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)

SEPARATORS = [" ", " ", " ", " ", "\n", "\n\n", "\r\n", "\u00a0", "\u202f", "\t", ""]
QUOTE_MARKS = ["«", "»", "« ", " »", "\u00a0»", "“", "”", '"', "‘", "’", "'", "‹", "›", "„", "—", "– "]
french_like = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS + QUOTE_MARKS)),
    max_size=120,
).map(lambda pairs: "".join(w + s for w, s in pairs))


def mojibake(s: str, codec: str) -> str:
    return s.encode("utf-8").decode(codec, errors="replace")


@st.composite
def damaged_article(draw: st.DrawFn) -> str:
    """An article with insertions of quote marks, apostrophes, newlines and
    stray characters, stretches turned to mojibake, and deletions."""
    text = draw(st.sampled_from(ARTICLES))
    for _ in range(draw(st.integers(1, 12))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "insert", "mojibake", "delete", "duplicate"]))
        if op == "insert":
            piece = draw(
                st.sampled_from(QUOTE_MARKS + ["'", "’", "\n", "\n\n", "\r", "\x00", "&", "&#", "?", "\ufffd"])
                | st.characters(exclude_categories=("Cs",))
            )
            text = text[:at] + piece + text[at:]
        else:
            end = min(len(text), at + draw(st.integers(1, 40)))
            if op == "mojibake":
                codec = draw(st.sampled_from(["latin-1", "cp1252"]))
                text = text[:at] + mojibake(text[at:end], codec) + text[end:]
            elif op == "delete":
                text = text[:at] + text[end:]
            else:
                text = text[:end] + text[at:]
    return text


texts = st.one_of(any_text, french_like, damaged_article())


def check_all(text: str) -> None:
    doc = frnews.analyze(text)
    assert doc.text == text
    check_document(doc)
    tokens = frnews.tokenize(text)
    check_spans(text, "token", tokens)
    check_sorted_disjoint("token", tokens)
    assert tokens == doc.tokens or frnews.repair(text) != text
    sentences = frnews.sentences(text)
    check_spans(text, "sentence", sentences)
    check_sorted_disjoint("sentence", sentences)
    assert isinstance(frnews.repair(text), str)


@PROFILE
@given(any_text)
def test_random_unicode(text: str) -> None:
    check_all(text)


@PROFILE
@given(french_like)
def test_french_like_text(text: str) -> None:
    check_all(text)


@PROFILE
@given(damaged_article())
def test_damaged_articles(text: str) -> None:
    check_all(text)


@PROFILE
@given(
    st.lists(texts, max_size=6),
    st.integers(1, 4),
    st.sampled_from([None, 1, 2]),
)
def test_batch_equals_a_loop(batch: list[str], chunk_size: int, n_threads: int | None) -> None:
    expected = [frnews.analyze(t) for t in batch]
    assert frnews.analyze_batch(batch, chunk_size=chunk_size, n_threads=n_threads) == expected
    assert list(frnews.iter_analyze(iter(batch), chunk_size=chunk_size)) == expected
