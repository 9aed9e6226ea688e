"""`Pipeline`: frnews with your own lexicon entries, like spaCy's `EntityRuler` and `disable=`.

>>> import frnews
>>> nlp = frnews.Pipeline(people={"Oumbé": "Lyxandra Oumbé"}, organisations=["Vrakstel"])
>>> [(e.text, e.label, e.canonical) for e in nlp.analyze("Vrakstel a reçu Oumbé.").entities]
[('Vrakstel', 'ORG', 'Vrakstel'), ('Oumbé', 'PER', 'Lyxandra Oumbé')]
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping, Optional, Sequence, Union

from frnews import _frnews
from frnews._frnews import ArrowTables, Document, Tokens
from frnews.batch import DEFAULT_CHUNK_SIZE, _iter_chunks

Names = Union[Iterable[str], Mapping[str, Optional[str]]]


class Pipeline:
    """The frnews pipeline with entries of your own compiled into its lexicons.

    - `people`, `organisations`, `places`: names (an iterable of `str`) or a
      mapping `{name: canonical}`; they are matched like the built-in
      gazetteer (as written, in capitals, or with the first letter's case
      changed) and take precedence over built-in entries spelt alike.
    - `speech_verbs`: verb forms of speech, written as in
      `data/lexicons/speech_verbs.tsv` (`tweeté`, `twitte`, no auxiliary).
    - `exclude`: built-in entries to leave out (places, organisations,
      agencies, verb forms of speech), compared case- and accent-folded.
    - `disable`: stages to leave out, `"entities"` and/or `"quotes"`; without
      entities, quotes keep their speakers' words as written.

    The lexicons are built once, when the pipeline is made; it is safe to share
    between threads and pickles (it is rebuilt from its entries on loading).
    """

    def __init__(
        self,
        *,
        people: Names | None = None,
        organisations: Names | None = None,
        places: Names | None = None,
        speech_verbs: Iterable[str] | None = None,
        exclude: Iterable[str] | None = None,
        disable: Iterable[str] = (),
    ) -> None:
        config = {
            "people": _names(people, "people"),
            "organisations": _names(organisations, "organisations"),
            "places": _names(places, "places"),
            "speech_verbs": _words(speech_verbs, "speech_verbs"),
            "exclude": _words(exclude, "exclude"),
            "disable": _words(disable, "disable"),
        }
        self._native = _frnews.Pipeline(**config)
        self._config = config

    def analyze(self, text: str) -> Document:
        """Analyse one article."""
        return self._native.analyze(text)

    def tokenize(self, text: str) -> Tokens:
        """Split `text` into tokens (a `Tokens`, a read-only list of `Token`)."""
        return self._native.tokenize(text)

    def iter_analyze(
        self,
        texts: Iterable[str],
        *,
        n_threads: int | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        progress: bool = False,
    ) -> Iterator[Document]:
        """Yield the analysis of each text in input order, as `frnews.iter_analyze`."""
        return _iter_chunks(
            texts, self._native.analyze_many, n_threads=n_threads, chunk_size=chunk_size, progress=progress
        )

    def analyze_batch(
        self,
        texts: Iterable[str],
        *,
        n_threads: int | None = None,
        progress: bool = False,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ) -> list[Document]:
        """Analyse many texts on `n_threads` threads, as `frnews.analyze_batch`."""
        return list(self.iter_analyze(texts, n_threads=n_threads, chunk_size=chunk_size, progress=progress))

    def analyze_arrow(
        self,
        texts: Iterable[str | None],
        n_threads: int | None = None,
        *,
        ids: Sequence[int] | Sequence[str] | None = None,
        tables: Sequence[str] | None = None,
    ) -> ArrowTables:
        """Analyse many texts into Arrow tables built in Rust, as `frnews.analyze_arrow`."""
        return self._native.analyze_arrow(texts, n_threads, ids=ids, tables=tables)

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{key}={len(value)}" for key, value in self._config.items() if key != "disable" and value
        )
        disabled = f"disable={tuple(self._config['disable'])!r}" if self._config["disable"] else ""
        return f"Pipeline({', '.join(p for p in (counts, disabled) if p)})"

    def __getstate__(self) -> dict[str, Any]:
        return dict(self._config)

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._native = _frnews.Pipeline(**state)
        self._config = state


def _names(value: Names | None, what: str) -> dict[str, str | None] | list[str]:
    """A plain copy (dict or list) of the names, so that the pipeline pickles."""
    if value is None:
        return []
    if isinstance(value, Mapping):
        return dict(value)
    return _words(value, what)


def _words(value: Iterable[str] | None, what: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        raise TypeError(f"{what} must be a collection of str, not a str")
    try:
        return list(value)
    except TypeError:
        raise TypeError(f"{what} must be a collection of str, not {type(value).__name__}") from None
