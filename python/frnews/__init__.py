"""frnews: French wire-news articles as structured data.

>>> import frnews
>>> [t.text for t in frnews.tokenize("L'OCS, a-t-il dit.")]
["L'", 'OCS', ',', 'a', '-t-il', 'dit', '.']
"""

import sys
from collections.abc import Sequence

from frnews._frnews import (
    ArrowTable,
    ArrowTables,
    Document,
    Entity,
    FrnewsError,
    InputError,
    Meta,
    Paragraph,
    Quote,
    Span,
    Token,
    Tokens,
    Warning,
    __version__,
    analyze,
    analyze_arrow,
    arrow_tables,
    repair,
    sentences,
    tokenize,
)
from frnews.batch import analyze_batch, iter_analyze
from frnews.frames import Corpus, to_arrow, to_pandas, to_polars
from frnews.pipeline import Pipeline

__all__ = [
    "ArrowTable",
    "ArrowTables",
    "Corpus",
    "Document",
    "Entity",
    "FrnewsError",
    "InputError",
    "Meta",
    "Paragraph",
    "Pipeline",
    "Quote",
    "Span",
    "Token",
    "Tokens",
    "Warning",
    "__version__",
    "analyze",
    "analyze_arrow",
    "analyze_batch",
    "arrow_tables",
    "iter_analyze",
    "repair",
    "sentences",
    "to_arrow",
    "to_pandas",
    "to_polars",
    "tokenize",
]

# `tokenize` gives a native `Tokens`, a read-only sequence of `Token`.
Sequence.register(Tokens)

# The `Series.frnews` accessor comes with pandas; importing pandas here would
# slow down every `import frnews`, so register it only when pandas is loaded
# (otherwise `import frnews.pandas` does).
if "pandas" in sys.modules:
    import frnews.pandas  # noqa: F401
