#!/usr/bin/env python3
"""Build the page-layout regression set from its marked-up sources.

    python3 tests/data/layouts/build_gold.py

Reads tests/data/layouts/sources/*.src, writes tests/data/layouts/pages/<id>.txt
(the raw page text) and tests/data/layouts/gold.jsonl (one record a line, sorted
by id, with `meta` only: title, published, dateline, agency, body_start, body_end
as defined in shared/eval/GUIDELINES.md). Standard library only, deterministic.

Source format (.src):

    @layout: <which kind of page this imitates>     (required)
    @title: <headline exactly as a line of the page> (optional; absent = null)
    @published: 2018-01-30T08:32                    (optional; or --MM-DD[THH:MM])
    @dateline: PEKIN                                (optional)
    @agency: Xinhua                                 (optional)
    ---
    page text, with <body> and </body> around the first copy of the article body

Checks: the title is a whole line before the body; the dateline opens the body
(within its first 60 characters) and the agency is printed there in brackets;
`published` is well formed; the body span is non-empty, trimmed, and covers
whole lines; every page is named in README.md.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = ("title", "published", "dateline", "agency")
PUBLISHED = re.compile(r"^(\d{4}-\d{2}-\d{2}|--\d{2}-\d{2})(T\d{2}:\d{2})?$")


def parse(path):
    raw = open(path, encoding="utf-8").read()
    head, sep, body = raw.partition("\n---\n")
    assert sep, "%s: missing '---' line" % path
    meta = dict.fromkeys(FIELDS)
    layout = None
    for line in head.splitlines():
        if not line.strip():
            continue
        assert line.startswith("@"), "%s: bad header line %r" % (path, line)
        key, _, val = line[1:].partition(":")
        key, val = key.strip(), val.strip()
        if key == "layout":
            layout = val
        elif key in meta:
            meta[key] = val or None
        else:
            raise AssertionError("%s: unknown header %r" % (path, key))
    assert layout, "%s: @layout missing" % path
    return layout, meta, body


def render(src, where):
    assert src.count("<body>") == 1 and src.count("</body>") == 1, "%s: need one <body> ... </body>" % where
    start = src.index("<body>")
    text = src.replace("<body>", "", 1)
    end = text.index("</body>")
    text = text.replace("</body>", "", 1)
    return text, start, end


def check(doc_id, text, meta):
    s, e = meta["body_start"], meta["body_end"]
    body = text[s:e]
    assert 0 <= s < e <= len(text), "%s: bad body span" % doc_id
    assert body == body.strip(), "%s: body span has outer spaces" % doc_id
    assert s == 0 or text[s - 1] == "\n", "%s: body does not start a line" % doc_id
    assert e == len(text) or text[e] == "\n", "%s: body does not end a line" % doc_id
    if meta["title"]:
        lines = text[:s].splitlines()
        assert meta["title"] in lines, "%s: title is not a line before the body" % doc_id
    if meta["dateline"]:
        assert meta["dateline"] in body[:60], "%s: dateline not at body start" % doc_id
    if meta["agency"]:
        assert "(%s)" % meta["agency"] in body[:80], "%s: agency not in the dateline" % doc_id
    if meta["published"]:
        assert PUBLISHED.match(meta["published"]), "%s: bad published %r" % (doc_id, meta["published"])


def main():
    readme = open(os.path.join(HERE, "README.md"), encoding="utf-8").read()
    docs = []
    for path in sorted(glob.glob(os.path.join(HERE, "sources", "*.src"))):
        doc_id = os.path.splitext(os.path.basename(path))[0]
        layout, meta, src = parse(path)
        text, start, end = render(src, doc_id)
        meta.update(body_start=start, body_end=end)
        check(doc_id, text, meta)
        assert doc_id in readme, "%s: not described in README.md" % doc_id
        docs.append({"id": "layouts_" + doc_id, "text": text, "meta": meta, "file": doc_id})
    os.makedirs(os.path.join(HERE, "pages"), exist_ok=True)
    for doc in docs:
        with open(os.path.join(HERE, "pages", doc.pop("file") + ".txt"), "w", encoding="utf-8", newline="") as f:
            f.write(doc["text"])
    with open(os.path.join(HERE, "gold.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for doc in docs:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print("%d pages" % len(docs))


if __name__ == "__main__":
    sys.exit(main())
