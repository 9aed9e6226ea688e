"""Who said what in the bundled sample article, and its most frequent entities.

    python examples/who_said_what.py [FILE]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import frnews


def main(path: Path) -> None:
    doc: frnews.Document = frnews.analyze(path.read_text(encoding="utf-8"))
    meta = doc.meta
    print(f"{meta.title or '(no title)'} | {meta.published or '?'} | {meta.dateline or '?'} ({meta.agency or '?'})")
    body = [q for q in doc.quotes if q.zone == "body"]
    for quote in body:
        print(f"{quote.speaker or '(unknown)':<25} {quote.kind:<9} {quote.text[:70]}")
    counts: Counter[tuple[str, str]] = Counter(
        (e.canonical or e.text, e.label) for e in doc.entities if e.zone == "body"
    )
    for (name, label), n in counts.most_common(10):
        print(f"{n:>3}  {label:<8} {name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("sample_article.txt"))
