"""Screenshots of the HTML view (`Document.to_html`) on a light and a dark
page, taken with headless Chromium (`apt-get install chromium`); the README
shows them. Not run by the tests.

    python examples/screenshot.py [ARTICLE] [--out DIR] [--chromium PATH]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import frnews

HERE = Path(__file__).resolve().parent
THEMES = {"light": ("#ffffff", "#1d1d1d"), "dark": ("#1e1e1e", "#d4d4d4")}


def page(body: str, theme: str) -> str:
    background, ink = THEMES[theme]
    return (f'<!doctype html><html><head><meta charset="utf-8"></head>'
            f'<body style="background:{background};color:{ink};margin:24px">{body}</body></html>')


def screenshot(chromium: str, html: str, png: Path, width: int, height: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "view.html"
        source.write_text(html, encoding="utf-8")
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--window-size={width},{height}", f"--screenshot={png}", source.as_uri()],
                       check=True, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("article", nargs="?", type=Path, default=HERE / "sample_article.txt")
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    parser.add_argument("--max-chars", type=int, default=1400)
    args = parser.parse_args()
    if not args.chromium:
        print("headless Chromium is needed: apt-get install chromium", file=sys.stderr)
        return 2
    doc = frnews.analyze(args.article.read_text(encoding="utf-8"))
    html = doc.to_html(max_chars=args.max_chars)
    for theme in THEMES:
        png = args.out / f"html_view_{theme}.png"
        screenshot(args.chromium, page(html, theme), png, 1000, 900)
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
