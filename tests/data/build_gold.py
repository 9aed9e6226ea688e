#!/usr/bin/env python3
"""Build the gold test set from its annotated sources.

    python3 tests/data/build_gold.py

Reads tests/data/sources/*.ann, writes tests/data/articles/<id>.txt (the raw
article text) and tests/data/gold.jsonl (one gold record a line, sorted by id),
in the format of shared/eval/GUIDELINES.md. Standard library only.

Source format (.ann):

    @title: <headline exactly as in the text>       (optional; absent = null)
    @published: 2019-03-12T08:45                    (optional)
    @dateline: BEIJING                              (optional)
    @agency: Xinhua                                 (optional)
    @canon: OMS = Organisation mondiale de la santé (any number; default
                                                     canonical for PER/ORG)
    @crlf                                           (line endings become CRLF)
    @nbsp-guillemets                                ("« " / " »" get U+00A0)
    ---
    text with inline markup ...

Markup in the text:
    [[LABEL:surface]]                entity (PER ORG LOC DATE TIME MONEY PERCENT)
    [[LABEL:surface|c=Canonical]]    entity with an explicit canonical name
    [[DATE:7 juin|v=2018-06-07]]     DATE/TIME with an ISO 8601 value
    {{kind|speaker|mention|content}} quote; kind = direct|indirect|partial;
                                     speaker "-" = null; content may hold entities
    <body> ... </body>               meta body_start / body_end
    <nbsp> <nnbsp>                   U+00A0 / U+202F
PER and ORG entities always get a canonical (explicit, else @canon, else the
surface). Quotes never nest; entities never contain markup.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = {"PER", "ORG", "LOC", "DATE", "TIME", "MONEY", "PERCENT"}
KINDS = {"direct", "indirect", "partial"}
MARKS_OPEN = '"«“„‹'
ISO = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2}|\d{2}:\d{2})$")
PUBLISHED = re.compile(r"^(\d{4}-\d{2}-\d{2}|--\d{2}-\d{2})(T\d{2}:\d{2})?$")


def parse_source(path):
    raw = open(path, encoding="utf-8").read()
    head, sep, body = raw.partition("\n---\n")
    assert sep, "%s: missing '---' line" % path
    meta = {"title": None, "published": None, "dateline": None, "agency": None}
    canon, flags = {}, set()
    for line in head.splitlines():
        if not line.strip():
            continue
        assert line.startswith("@"), "%s: bad header line %r" % (path, line)
        key, _, val = line[1:].partition(":")
        key, val = key.strip(), val.strip()
        if key in meta:
            meta[key] = val or None
        elif key == "canon":
            alias, _, full = val.partition("=")
            canon[alias.strip()] = full.strip()
        elif key in ("crlf", "nbsp-guillemets"):
            flags.add(key)
        else:
            raise AssertionError("%s: unknown header %r" % (path, key))
    if "nbsp-guillemets" in flags:
        body = body.replace("« ", "«\u00a0").replace(" »", "\u00a0»")
    body = body.replace("<nbsp>", "\u00a0").replace("<nnbsp>", "\u202f")
    if "crlf" in flags:
        body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return meta, canon, body


def render(src, canon, where):
    """Strip the markup; return text, entities, quotes, body span."""
    out, n = [], 0  # output pieces and their total length
    entities, quotes, body = [], [], {}
    open_quote = None
    i = 0
    while i < len(src):
        if src.startswith("[[", i):
            j = src.index("]]", i)
            label, _, rest = src[i + 2:j].partition(":")
            surface, *attrs = rest.split("|")
            assert label in LABELS, "%s: bad label %r" % (where, label)
            ent = {"start": n, "end": n + len(surface), "label": label, "text": surface}
            extra = dict(a.split("=", 1) for a in attrs)
            assert set(extra) <= {"c", "v"}, "%s: bad attrs %r" % (where, attrs)
            if label in ("PER", "ORG"):
                ent["canonical"] = extra.get("c") or canon.get(surface, surface)
            else:
                assert "c" not in extra, "%s: canonical on %s" % (where, label)
            if "v" in extra:
                assert label in ("DATE", "TIME") and ISO.match(extra["v"]), "%s: bad value %r" % (where, extra["v"])
                ent["value"] = extra["v"]
            entities.append(ent)
            out.append(surface); n += len(surface)
            i = j + 2
        elif src.startswith("{{", i):
            assert open_quote is None, "%s: nested quote at %d" % (where, n)
            parts = []
            k = i + 2
            for _ in range(3):
                bar = src.index("|", k)
                parts.append(src[k:bar]); k = bar + 1
            kind, speaker, mention = parts
            assert kind in KINDS, "%s: bad kind %r" % (where, kind)
            open_quote = {"start": n, "kind": kind, "speaker": None if speaker == "-" else speaker,
                          "speaker_mention": None if mention == "-" else mention}
            i = k
        elif src.startswith("}}", i):
            assert open_quote is not None, "%s: stray '}}' at %d" % (where, n)
            open_quote["end"] = n
            quotes.append(open_quote); open_quote = None
            i += 2
        elif src.startswith("<body>", i):
            body["body_start"] = n; i += len("<body>")
        elif src.startswith("</body>", i):
            body["body_end"] = n; i += len("</body>")
        else:
            out.append(src[i]); n += 1; i += 1
    assert open_quote is None, "%s: unclosed quote" % where
    assert set(body) == {"body_start", "body_end"}, "%s: <body> markers missing" % where
    return "".join(out), entities, quotes, body


def check(doc):
    where, text = doc["id"], doc["text"]
    assert not re.search(r"\[\[|\]\]|\{\{|\}\}|<n?nbsp>|</?body>", text), "%s: markup left in text" % where
    ents, quotes, meta = doc["entities"], doc["quotes"], doc["meta"]
    for kind, spans in (("entity", ents), ("quote", quotes)):
        for a, b in zip(spans, spans[1:]):
            assert a["end"] <= b["start"], "%s: overlapping %ss %r / %r" % (where, kind, a["text"], b["text"])
        for s in spans:
            assert 0 <= s["start"] < s["end"] <= len(text), "%s: %s out of bounds" % (where, kind)
            assert text[s["start"]:s["end"]] == s["text"], "%s: %s text mismatch" % (where, kind)
            assert s["text"] == s["text"].strip(" \t\r\n\u00a0\u202f"), "%s: %s %r has outer spaces" % (where, kind, s["text"])
    names = {(e["label"], e["text"]) for e in ents}
    canonicals = {e["canonical"] for e in ents if "canonical" in e}
    for e in ents:
        if "canonical" in e:
            assert (e["label"], e["canonical"]) in names, "%s: canonical %r is no %s in the article" % (where, e["canonical"], e["label"])
    for q in quotes:
        t = q["text"]
        assert t[0] not in '"«»“”„‹›' and t[-1] not in '"«»“”„‹›', "%s: quote %r keeps marks" % (where, t[:40])
        assert q["kind"] == "direct" or t[-1] != ".", "%s: quote %r keeps its full stop" % (where, t[:40])
        assert not re.match(r"(que|qu['’])", t), "%s: quote keeps 'que': %r" % (where, t[:40])
        if q["kind"] == "direct":
            before = text[:q["start"]].rstrip(" \u00a0\u202f")
            assert before and before[-1] in MARKS_OPEN, "%s: direct quote not after a mark: %r" % (where, t[:40])
        sp = q["speaker"]
        assert sp is None or sp in canonicals or sp.lower() in text.lower(), "%s: unknown speaker %r" % (where, sp)
        m = q["speaker_mention"]
        assert m is None or m in text, "%s: mention %r not in text" % (where, m)
    if meta["title"]:
        assert meta["title"] in text[:meta["body_start"]], "%s: title not before the body" % where
    if meta["dateline"]:
        assert meta["dateline"] in text[meta["body_start"]:meta["body_start"] + 60], "%s: dateline not at body start" % where
    if meta["published"]:
        assert PUBLISHED.match(meta["published"]), "%s: bad published %r" % (where, meta["published"])
    assert 0 <= meta["body_start"] < meta["body_end"] <= len(text), "%s: bad body span" % where


def main():
    docs = []
    for path in sorted(glob.glob(os.path.join(HERE, "sources", "*.ann"))):
        doc_id = os.path.splitext(os.path.basename(path))[0]
        meta, canon, src = parse_source(path)
        text, entities, quotes, body = render(src, canon, doc_id)
        meta.update(body)
        doc = {"id": doc_id, "text": text, "meta": meta, "entities": entities, "quotes": quotes}
        doc["entities"] = [ordered(e, ("start", "end", "label", "text", "canonical", "value")) for e in entities]
        doc["quotes"] = [ordered(dict(q, text=text[q["start"]:q["end"]]),
                                 ("start", "end", "kind", "text", "speaker", "speaker_mention")) for q in quotes]
        check(doc)
        docs.append(doc)
    os.makedirs(os.path.join(HERE, "articles"), exist_ok=True)
    for doc in docs:
        with open(os.path.join(HERE, "articles", doc["id"] + ".txt"), "w", encoding="utf-8", newline="") as f:
            f.write(doc["text"])
    with open(os.path.join(HERE, "gold.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for doc in docs:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print("%d articles, %d entities, %d quotes" % (
        len(docs), sum(len(d["entities"]) for d in docs), sum(len(d["quotes"]) for d in docs)))


def ordered(d, keys):
    """The same record with its keys in the gold file's order."""
    return {k: d[k] for k in keys if k in d}


if __name__ == "__main__":
    sys.exit(main())
