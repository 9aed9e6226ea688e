"""Type stubs of the native module `frnews._frnews` (checked against the
module by `python -m mypy.stubtest frnews._frnews`)."""

from typing import Any, Iterable, Iterator, Literal, Mapping, Sequence, SupportsIndex, final, overload

from typing_extensions import TypeAlias

__all__ = [
    "__version__", "FrnewsError", "InputError", "Token", "Tokens", "TokensIterator", "Span", "Document", "Entity", "Quote", "Meta",
    "Paragraph", "Warning", "analyze", "analyze_many", "repair", "tokenize", "sentences",
    "token_and_sentence_offsets", "Pipeline", "ThreadPool", "available_cores", "write_json_line",
    "ArrowTable", "ArrowTables", "analyze_arrow", "arrow_tables",
]

__version__: str

_Label: TypeAlias = Literal["PER", "ORG", "LOC", "DATE", "TIME", "MONEY", "PERCENT"]
_Zone: TypeAlias = Literal["title", "header", "dateline", "body", "credit", "boilerplate", "copy", "id"]
_Role: TypeAlias = Literal[
    "chrome", "headline", "date_line", "dateline", "standfirst", "body", "caption", "heading", "list",
    "byline", "end_marker", "credit", "id", "copy",
]
_Source: TypeAlias = Literal["lexicon", "pattern", "evidence", "propagated"]
_QuoteKind: TypeAlias = Literal["direct", "partial", "indirect"]
_TokenKind: TypeAlias = Literal["word", "number", "punct", "symbol", "url", "email"]

class FrnewsError(Exception): ...
class InputError(ValueError): ...

# Every class below converts to plain data and back: `to_dict()` gives the
# constructor's keyword arguments (nested spans as dicts), so
# `type(x).from_dict(x.to_dict()) == x`.

@final
class Token:
    """A token: `text[start:end] == token.text` (code-point offsets)."""

    def __new__(cls, text: str, start: int, end: int, kind: _TokenKind) -> Token: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> _TokenKind: ...
    @property
    def norm(self) -> str:
        """Typographic normal form: `’` -> `'`, no-break spaces -> space."""
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Token: ...
    @classmethod
    def from_json(cls, data: str) -> Token: ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Tokens(Sequence[Token]):
    """The tokens of one text: a read-only list of `Token`, each made when read."""

    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: SupportsIndex, /) -> Token: ...
    @overload
    def __getitem__(self, index: slice, /) -> list[Token]: ...
    def __iter__(self) -> TokensIterator: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str, list[tuple[int, int, _TokenKind]]]]: ...
    @staticmethod
    def _restore(text: str, tokens: list[tuple[int, int, str]]) -> Tokens: ...
    __hash__: None  # type: ignore[assignment]

@final
class TokensIterator(Iterator[Token]):
    def __iter__(self) -> TokensIterator: ...
    def __next__(self) -> Token: ...

@final
class Span:
    """A span of the text (a sentence, a cue, a speaker mention, a credit)."""

    def __new__(cls, text: str, start: int, end: int) -> Span: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span: ...
    @classmethod
    def from_json(cls, data: str) -> Span: ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def tokenize(text: str) -> Tokens:
    """Split `text` into tokens (UD French-GSD conventions)."""

def sentences(text: str) -> list[Span]:
    """Split `text` into sentences."""

def token_and_sentence_offsets(
    text: str,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Token and sentence `(start, end)` pairs without building objects."""

@final
class Paragraph:
    """A paragraph of the page, its zone and its role."""

    def __new__(
        cls, text: str, start: int, end: int, zone: _Zone, role: _Role | None = None
    ) -> Paragraph: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def zone(self) -> _Zone: ...
    @property
    def role(self) -> _Role:
        """What the paragraph does on the page (the zone's usual role when not given)."""
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Paragraph: ...
    @classmethod
    def from_json(cls, data: str) -> Paragraph: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Entity:
    """A named entity (GUIDELINES.md)."""

    def __new__(
        cls,
        text: str,
        start: int,
        end: int,
        label: _Label,
        canonical: str | None = None,
        value: str | None = None,
        zone: _Zone = "body",
        source: _Source = "pattern",
    ) -> Entity: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> _Label: ...
    @property
    def canonical(self) -> str | None: ...
    @property
    def value(self) -> str | None: ...
    @property
    def zone(self) -> _Zone: ...
    @property
    def source(self) -> _Source:
        """`lexicon`, `pattern`, `evidence` (an unknown name known by its context) or
        `propagated` (another mention of a name found so in the same article)."""
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity: ...
    @classmethod
    def from_json(cls, data: str) -> Entity: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Quote:
    """A reported statement and who made it."""

    def __new__(
        cls,
        text: str,
        start: int,
        end: int,
        kind: _QuoteKind,
        speaker: str | None = None,
        speaker_mention: Span | None = None,
        cue: Span | None = None,
        zone: _Zone = "body",
    ) -> Quote: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> _QuoteKind: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def speaker_mention(self) -> Span | None: ...
    @property
    def cue(self) -> Span | None: ...
    @property
    def zone(self) -> _Zone: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote: ...
    @classmethod
    def from_json(cls, data: str) -> Quote: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Meta:
    """The article's fields."""

    def __new__(
        cls,
        title: str | None = None,
        published: str | None = None,
        dateline: str | None = None,
        agency: str | None = None,
        body_start: int | None = None,
        body_end: int | None = None,
        credits: list[Span] = ...,
        article_id: str | None = None,
        boilerplate: list[Span] = ...,
        copies: list[Span] = ...,
        byline: str | None = None,
        standfirst: str | None = None,
        updated: str | None = None,
    ) -> Meta: ...
    @property
    def title(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...
    @property
    def dateline(self) -> str | None: ...
    @property
    def agency(self) -> str | None: ...
    @property
    def body_start(self) -> int | None: ...
    @property
    def body_end(self) -> int | None: ...
    @property
    def credits(self) -> list[Span]: ...
    @property
    def article_id(self) -> str | None: ...
    @property
    def boilerplate(self) -> list[Span]: ...
    @property
    def copies(self) -> list[Span]: ...
    @property
    def byline(self) -> str | None:
        """The byline line, where the page shows one (unscored)."""
    @property
    def standfirst(self) -> str | None:
        """The standfirst above the body, where the page shows one (unscored)."""
    @property
    def updated(self) -> str | None:
        """The date of the last update (ISO 8601), where a page shows it apart from `published`."""
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Meta: ...
    @classmethod
    def from_json(cls, data: str) -> Meta: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Warning:
    """A stretch of text that could not be analysed as written."""

    def __new__(cls, text: str, start: int, end: int, message: str) -> Warning: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def message(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Warning: ...
    @classmethod
    def from_json(cls, data: str) -> Warning: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Document:
    """An analysed article; offsets are `str` indices into `text`."""

    @property
    def text(self) -> str: ...
    @property
    def tokens(self) -> list[Token]: ...
    @property
    def sentences(self) -> list[Span]: ...
    @property
    def paragraphs(self) -> list[Paragraph]: ...
    @property
    def meta(self) -> Meta: ...
    @property
    def entities(self) -> list[Entity]: ...
    @property
    def quotes(self) -> list[Quote]: ...
    @property
    def warnings(self) -> list[Warning]: ...
    def _rows(self, layer: str, start: int = 0, stop: int | None = None) -> tuple[int, list[Any]]:
        """The number of rows of a layer and its objects `start:stop` (for writing tables a slice at a time)."""
    def to_dict(self) -> dict[str, Any]:
        """The prediction format of the shared evaluation, with `format_version`."""
    def to_json(self) -> str: ...
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Reads `to_dict()` output of this and earlier formats."""
    @classmethod
    def from_json(cls, data: str) -> Document: ...
    def to_spacy(self, nlp_or_vocab: Any) -> Any:
        """A `spacy.tokens.Doc` with exactly this text, frnews tokens, entities,
        sentences, quotes, paragraphs and warnings (see `frnews.spacy_interop`)."""
    @classmethod
    def from_spacy(cls, doc: Any) -> Document:
        """Back from a `spacy.tokens.Doc`: exact for one made by `to_spacy`."""
    def to_html(self, max_chars: int | None = ...) -> str:
        """The article as HTML, cut after `max_chars` characters (100,000 by default; `None`: all)."""
    def _repr_html_(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...

def analyze(text: str) -> Document:
    """Analyse one article."""

@final
class ThreadPool:
    """A native thread pool, built once per `analyze_batch` call."""
    def __new__(cls, n_threads: int) -> ThreadPool: ...
    @property
    def n_threads(self) -> int: ...

def available_cores() -> int:
    """The number of cores this process may run on."""

def analyze_many(
    texts: Iterable[str], *, n_threads: int | None = None, pool: ThreadPool | None = None, take: bool = False
) -> list[Document]:
    """Analyse many articles in parallel with the GIL released; Ctrl-C stops it.
    With `take`, the list `texts` is emptied once copied (its strings freed early)."""

def write_json_line(file: Any, doc: Document, id: str | None = None) -> None:
    """Write `{"id": id, **doc.to_dict()}` and a newline to `file`, streamed from Rust."""

@final
class ArrowTable:
    """One table as Arrow record batches built in Rust; read it with
    `pyarrow.table(t)`, `polars.DataFrame(t)` or any reader of the Arrow
    PyCapsule interface."""

    @property
    def name(self) -> str: ...
    @property
    def num_rows(self) -> int: ...
    @property
    def num_batches(self) -> int: ...
    @property
    def column_names(self) -> list[str]: ...
    def __len__(self) -> int: ...
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """A PyCapsule `arrow_array_stream`: a new stream over the batches."""
    def __arrow_c_schema__(self) -> object:
        """A PyCapsule `arrow_schema`."""

@final
class ArrowTables:
    """The tables of a batch of articles (schema in the README, "Many articles")."""

    @property
    def names(self) -> list[str]:
        """The tables built: `articles`, `entities`, `quotes`, `tokens`, `sentences`,
        `paragraphs`, `warnings`, or those asked for with `tables=`."""
    @property
    def articles(self) -> ArrowTable: ...
    @property
    def entities(self) -> ArrowTable: ...
    @property
    def quotes(self) -> ArrowTable: ...
    @property
    def tokens(self) -> ArrowTable: ...
    @property
    def sentences(self) -> ArrowTable: ...
    @property
    def paragraphs(self) -> ArrowTable: ...
    @property
    def warnings(self) -> ArrowTable: ...
    def __getitem__(self, name: str, /) -> ArrowTable: ...

def analyze_arrow(
    texts: Iterable[str | None],
    n_threads: int | None = None,
    *,
    ids: Sequence[int] | Sequence[str] | None = None,
    pool: ThreadPool | None = None,
    tables: Sequence[str] | None = None,
) -> ArrowTables:
    """Analyse many articles with the GIL released and build their Arrow tables in Rust
    (`None` for a missing text): all of them, or those named in `tables`."""

def arrow_tables(
    docs: Iterable[Document | None], *, ids: Sequence[int] | Sequence[str] | None = None,
    n_threads: int | None = None, tables: Sequence[str] | None = None
) -> ArrowTables:
    """The Arrow tables of documents already analysed (`None` for a missing one):
    all of them, or those named in `tables`."""

@final
class Pipeline:
    """The core pipeline with a user's lexicon entries (see `frnews.Pipeline`)."""

    def __new__(
        cls,
        *,
        people: Iterable[str] | Mapping[str, str | None] | None = None,
        organisations: Iterable[str] | Mapping[str, str | None] | None = None,
        places: Iterable[str] | Mapping[str, str | None] | None = None,
        speech_verbs: Iterable[str] | None = None,
        exclude: Iterable[str] | None = None,
        disable: Iterable[str] | None = None,
    ) -> Pipeline: ...
    def analyze(self, text: str) -> Document: ...
    def analyze_many(
        self,
        texts: Iterable[str],
        *,
        n_threads: int | None = None,
        pool: ThreadPool | None = None,
        take: bool = False,
    ) -> list[Document]: ...
    def analyze_arrow(
        self,
        texts: Iterable[str | None],
        n_threads: int | None = None,
        *,
        ids: Sequence[int] | Sequence[str] | None = None,
        pool: ThreadPool | None = None,
        tables: Sequence[str] | None = None,
    ) -> ArrowTables: ...
    def tokenize(self, text: str) -> Tokens: ...

def repair(text: str) -> str:
    """Undo mojibake and certain typographic damage."""
