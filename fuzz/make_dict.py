"""Writes a libFuzzer dictionary (stdout) of the words the core knows: the
first field of every lexicon line in data/, plus the punctuation, quote marks
and damage (mojibake, HTML references) of news text, so that mutations
produce text the stages react to."""

import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
EXTRA = [
    "«", "»", "« ", " »", "\u00a0»", "“", "”", "‘", "’", "'", '"', "‹", "›", "—", "–", " -- ", " - ",
    "(", ")", ":", " : ", ";", "...", "…", "\n", "\n\n", "\r\n", "\u00a0", "\u202f", ", ",
    "Ã©", "Ã¨", "Ã ", "â€™", "â€œ", "Â ", "ÃƒÂ©", "&eacute;", "&#8217;", "&#x10FFFF;", "&nbsp;", "&amp;",
    "?", "\ufffd", "M. ", "Mme ", "(Xinhua) -- ", "PARIS, 3 mai (AFP) - ", "a déclaré", "a-t-il dit",
    "selon ", "2018", "12:30", "5,2 %", "3 millions de dollars", "http://", "@", "www.",
]


def escape(s: str) -> str:
    out = []
    for b in s.encode("utf-8"):
        c = chr(b)
        if c in '\\"':
            out.append("\\" + c)
        elif 32 <= b < 127:
            out.append(c)
        else:
            out.append(f"\\x{b:02X}")
    return "".join(out)


def words() -> list[str]:
    found = set(EXTRA)
    for path in sorted(DATA.rglob("*")):
        if path.suffix not in (".txt", ".tsv"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                word = line.split("\t")[0].strip()
                if 0 < len(word.encode("utf-8")) <= 48:
                    found.add(word)
    return sorted(found)


if __name__ == "__main__":
    for word in words():
        sys.stdout.write(f'"{escape(word)}"\n')
