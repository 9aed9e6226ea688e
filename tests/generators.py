"""Texts built to make the entity stages superlinear (issue 15): many
distinct names sharing a word, each repetition with a name of its own, so
that the number of distinct names grows with the text. Used by the timing
tests (tests/test_robustness.py) and the adversarial rows of
benchmarks/run.py; fuzz/fuzz_targets/generated.rs builds the same shapes."""

from __future__ import annotations

from typing import Callable

# Consonant-vowel syllables: 70 of them, three to a name, 343,000 names made
# of letters no lexicon puts together this way.
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def name(i: int) -> str:
    """The i-th invented name, capitalised (`Babeba`, `Babebe`, ...)."""
    parts = []
    for _ in range(3):
        i, r = divmod(i, len(_SYLLABLES))
        parts.append(_SYLLABLES[r])
    while i:
        i, r = divmod(i - 1, len(_SYLLABLES))
        parts.append(_SYLLABLES[r])
    return "".join(reversed(parts)).capitalize()


def vowel_name(i: int) -> str:
    """The i-th invented name opening on a vowel, for `l'`."""
    return "O" + name(i).lower()


def acronym(i: int) -> str:
    """The i-th acronym of capitals, three letters at least (`OAAA`, ...)."""
    letters = []
    for _ in range(3):
        i, r = divmod(i, 26)
        letters.append(chr(ord("A") + r))
    while i:
        i, r = divmod(i - 1, 26)
        letters.append(chr(ord("A") + r))
    return "O" + "".join(reversed(letters))


def _defined_acronym(i: int) -> str:
    a, b, abc = name(2 * i), name(2 * i + 1), acronym(i)
    return f"L'Organisation de {a} {b} ({abc}) a signé. L'{abc} va agir. "


# Each piece gets the index of its repetition.
PIECES: dict[str, Callable[[int], str]] = {
    "council names": lambda i: f"Le Conseil {name(i)} a siégé. ",
    "shared surname": lambda i: f"M. {name(i)} Dupont. ",
    "defined acronyms": _defined_acronym,
    "ministry names": lambda i: f"Le ministère de l'{vowel_name(i)} a parlé. ",
    "university names": lambda i: f"L'Université {name(i)} a ouvert. ",
    "shared first and last name": lambda i: f"Jean {name(i)} Dupont a parlé. ",
}


def generate(kind: str, n_bytes: int) -> str:
    """About `n_bytes` bytes (UTF-8) of `kind`, whole pieces only."""
    piece = PIECES[kind]
    out: list[str] = []
    size = 0
    i = 0
    while size < n_bytes:
        s = piece(i)
        out.append(s)
        size += len(s.encode("utf-8"))
        i += 1
    return "".join(out)
