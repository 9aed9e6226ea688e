"""frnews next to spaCy, measured side by side in one run.

    python benchmarks/run.py                 # everything (about 15 minutes on 2 cores)
    python benchmarks/run.py --quick         # smaller corpora, for a look
    python benchmarks/run.py --only scaling,adversarial   # one part again

The shared data (seeds, UD French-GSD) is looked for in `../shared` beside
the checkout, or where `--shared` or the FRNEWS_SHARED variable says.

What it measures, each engine in a fresh subprocess (so that peak memory is
its own):
- throughput (MB/s, words/s) of frnews `tokenize`, `sentences`, `analyze`
  (the full pipeline, Python objects of entities and quotes included) and
  `analyze_batch` on one thread and on all cores, on a corpus of at least
  5 MB built from the seed articles, the UD French texts and tests/data;
- spaCy's rule-based French tokenizer (`spacy.blank("fr")`) on the same
  corpus, and the `fr_core_news_sm` / `fr_core_news_md` pipelines on a
  slice of it (they are slow; results are per MB);
- scaling: `analyze` time per MB on one text of 1 KB, 100 KB, 1 MB and 10 MB,
  and on 5 MB adversarial inputs;
- entity F1 (PER/ORG/LOC) of frnews and `fr_core_news_md` on the gold files;
- tables: the tokens table of 2,000 articles from documents
  (`to_pandas(docs, "tokens")`) and from Arrow tables built in Rust
  (`arrow_tables(docs)` read by pyarrow into pandas), next to the analysis.

Every timing is the best of `--repeat` runs, so that other processes on the
machine distort it less; `analyze_batch` on one thread and on all cores are
timed in turn in the same process, and their ratio taken from the best of each.

Writes benchmarks/results.json and benchmarks/throughput.png and the table of
the README's "Speed" section (`--quick` writes results.quick.json and
throughput.quick.png instead, and leaves the README alone; `--only` updates
its parts of results.json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FRNEWS_SHARED", ROOT.parent / "shared"))
README = ROOT / "README.md"
ADVERSARIAL_KINDS = ("normal_text", "no_spaces", "unbalanced_quotes", "honorific_run", "one_paragraph",
                     "upper_case", "digits_only")
SCALING_KB = (1, 100, 1000, 10000)
PARTS = ("throughput", "scaling", "adversarial", "entity_f1", "tables")
TABLE_ARTICLES = 2000


def gold_files() -> list[Path]:
    return [SHARED / "data" / "gold" / "seeds.jsonl", ROOT / "tests" / "data" / "gold.jsonl"]


# ------------------------------------------------------------------ corpus

def source_texts() -> list[str]:
    seeds = sorted((SHARED / "data" / "seeds").glob("*.txt"))
    ud = sorted((SHARED / "data" / "ud" / "fr_gsd").glob("*.conllu"))
    if not seeds or not ud:
        sys.exit(f"no seeds or UD files under {SHARED}: pass --shared PATH (or set FRNEWS_SHARED)")
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))]
    for conllu in ud:
        sentences = [line[len("# text = "):] for line in conllu.read_text(encoding="utf-8").splitlines()
                     if line.startswith("# text = ")]
        # UD sentences grouped into article-sized texts of 20 sentences.
        texts += ["\n".join(sentences[i:i + 20]) for i in range(0, len(sentences), 20)]
    return texts


def build_corpus(megabytes: float) -> list[str]:
    texts = source_texts()
    target = int(megabytes * 1_000_000)
    corpus: list[str] = []
    size = 0
    while size < target:
        for text in texts:
            corpus.append(text)
            size += len(text.encode("utf-8"))
            if size >= target:
                break
    return corpus


def size_mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def n_words(texts: list[str]) -> int:
    """Whitespace-separated words: the same count for every engine."""
    return sum(len(t.split()) for t in texts)


def adversarial(kind: str, megabytes: float) -> str:
    """One text of `megabytes` MB. `normal_text` is the reference: articles
    one after the other; the others are what a careless scraper or an
    attacker may send."""
    n = int(megabytes * 1_000_000)
    corpus = "\n\n".join(build_corpus(megabytes))
    pieces = {
        "normal_text": lambda: corpus,
        "no_spaces": lambda: "".join(corpus.split()),
        # A quote mark opening every 50 bytes (100,000 in 5 MB), none closed.
        "unbalanced_quotes": lambda: " ".join(f"{mark} mot mot mot mot mot mot mot mot mot mot"
                                              for mark in ("«", "“", '"')) + " ",
        "honorific_run": lambda: "M. ",
        "one_paragraph": lambda: " ".join(corpus.split()),
        "upper_case": lambda: corpus.upper(),
        "digits_only": lambda: "0123456789",
    }
    unit = pieces[kind]()
    return truncate_utf8(unit * (n // max(1, len(unit.encode("utf-8"))) + 1), n)


def truncate_utf8(text: str, n_bytes: int) -> str:
    return text.encode("utf-8")[:n_bytes].decode("utf-8", errors="ignore")


def split_utf8(text: str, n_bytes: int) -> list[str]:
    """`text` in pieces of about `n_bytes` bytes (cut between characters)."""
    data = text.encode("utf-8")
    return [data[i:i + n_bytes].decode("utf-8", errors="ignore") for i in range(0, len(data), n_bytes)]


# ------------------------------------------------------------------ one engine

def best_time(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def run_one(engine: str, megabytes: float, repeat: int) -> dict[str, Any]:
    """Measures one engine in this process (called in a subprocess)."""
    if engine.startswith("scaling:"):
        import frnews

        kb = float(engine.split(":")[1])
        # Texts smaller than 1 MB are cut from the same 1 MB of articles, one
        # after the other, so that every size reads the same words.
        whole = "\n\n".join(build_corpus(max(kb, 1000) / 1000))
        texts = [truncate_utf8(whole, int(kb * 1000))] if kb >= 1000 else \
            split_utf8(truncate_utf8(whole, 1_000_000), int(kb * 1000))
        seconds = best_time(lambda: [frnews.analyze(t) for t in texts], repeat)
        mb = size_mb(texts)
        return {"seconds": seconds, "mb": mb, "texts": len(texts), "s_per_mb": seconds / mb}
    if engine.startswith("adversarial:"):
        import frnews

        text = adversarial(engine.split(":")[1], megabytes)
        seconds = best_time(lambda: frnews.analyze(text), repeat)
        mb = len(text.encode("utf-8")) / 1e6
        return {"seconds": seconds, "mb": mb, "s_per_mb": seconds / mb}
    if engine.startswith("f1:"):
        return entity_f1(engine.split(":")[1])
    if engine == "tables":
        return tables_timing(repeat)

    corpus = build_corpus(megabytes)
    mb, words = size_mb(corpus), n_words(corpus)

    def rates(seconds: float) -> dict[str, float]:
        return {"seconds": seconds, "mb": mb, "words": words, "mb_per_s": mb / seconds,
                "words_per_s": words / seconds}

    if engine == "frnews analyze_batch":
        import frnews

        # One thread and all cores in turn, so that both see the same load
        # from other processes; the best of each.
        best = {1: float("inf"), None: float("inf")}
        for _ in range(repeat):
            for n_threads in best:
                t0 = time.perf_counter()
                frnews.analyze_batch(corpus, n_threads=n_threads)
                best[n_threads] = min(best[n_threads], time.perf_counter() - t0)
        return {"1 thread": rates(best[1]), "all cores": rates(best[None]), "cores": os.cpu_count()}
    if engine.startswith("frnews"):
        import frnews

        def full(text: str) -> None:
            doc = frnews.analyze(text)
            doc.entities, doc.quotes, doc.meta  # the Python objects users read

        fns: dict[str, Callable[[], object]] = {
            "frnews tokenize": lambda: [frnews.tokenize(t) for t in corpus],
            "frnews sentences": lambda: [frnews.sentences(t) for t in corpus],
            "frnews analyze": lambda: [full(t) for t in corpus],
        }
        fn = fns[engine]
    else:
        import spacy

        if engine == "spaCy tokenizer":
            nlp = spacy.blank("fr")
            fn = lambda: [nlp.tokenizer(t) for t in corpus]  # noqa: E731
        else:
            nlp = spacy.load(engine.split()[1])
            fn = lambda: list(nlp.pipe(corpus, batch_size=64))  # noqa: E731
    return rates(best_time(fn, repeat))


def entity_f1(engine: str) -> dict[str, Any]:
    """PER/ORG/LOC F1 on the gold files, with the shared scorer."""
    sys.path.insert(0, str(SHARED / "eval"))
    import score  # type: ignore[import-not-found]

    results: dict[str, Any] = {}
    for gold_path in gold_files():
        gold = score.read_jsonl(str(gold_path))
        t0 = time.perf_counter()
        if engine == "frnews":
            import frnews

            pred = {k: {"entities": [e for e in frnews.analyze(d["text"]).to_dict()["entities"]
                                     if e["label"] in ("PER", "ORG", "LOC")]} for k, d in gold.items()}
        else:
            import spacy

            nlp = spacy.load(engine)
            pred = {}
            for k, d in gold.items():
                doc = nlp(d["text"])
                pred[k] = {"entities": [{"start": e.start_char, "end": e.end_char, "label": e.label_}
                                        for e in doc.ents if e.label_ in ("PER", "ORG", "LOC")]}
        seconds = time.perf_counter() - t0
        core_gold = {k: {**d, "entities": [e for e in d["entities"] if e["label"] in ("PER", "ORG", "LOC")]}
                     for k, d in gold.items()}
        scored = score.score_entities(core_gold, pred)
        results[gold_path.parent.parent.name + "/" + gold_path.name] = {
            "per_org_loc_f1": scored["per_org_loc"]["f1"], "seconds": seconds}
    return results


def tables_timing(repeat: int) -> dict[str, Any]:
    """Seconds for the tokens table of TABLE_ARTICLES articles, one thread."""
    import frnews
    import pyarrow as pa

    texts = source_texts()
    texts = (texts * (TABLE_ARTICLES // len(texts) + 1))[:TABLE_ARTICLES]
    docs = frnews.analyze_batch(texts, n_threads=1)
    seconds = {
        "analyze_batch": best_time(lambda: frnews.analyze_batch(texts, n_threads=1), repeat),
        "to_pandas tokens": best_time(lambda: frnews.to_pandas(docs, "tokens"), repeat),
        "arrow tokens to pandas": best_time(
            lambda: pa.table(frnews.arrow_tables(docs, n_threads=1).tokens).to_pandas(), repeat),
        "analyze_arrow": best_time(lambda: frnews.analyze_arrow(texts, n_threads=1), repeat),
    }
    return {"articles": len(texts), "mb": size_mb(texts), "tokens": sum(len(d.tokens) for d in docs),
            "seconds": seconds}


def measure_tables(out: dict[str, Any], args: argparse.Namespace) -> None:
    out["tables"] = r = measure("tables", args.mb, args.repeat)
    for name, seconds in r.get("seconds", {}).items():
        print(f"tables {name:<24} {seconds:8.3f} s for {r['articles']} articles ({r['tokens']:,} tokens)")
    if "seconds" in r:
        s = r["seconds"]
        print(f"tokens table / analysis: to_pandas {s['to_pandas tokens'] / s['analyze_batch']:.2f}, "
              f"arrow {s['arrow tokens to pandas'] / s['analyze_batch']:.2f}")
    else:
        print(f"tables: {r.get('error', 'failed')}")


# ------------------------------------------------------------------ driver

def measure(engine: str, megabytes: float, repeat: int) -> dict[str, Any]:
    """Runs `engine` in a subprocess; adds its peak resident memory."""
    cmd = [sys.executable, __file__, "--one", engine, "--mb", str(megabytes), "--repeat", str(repeat),
           "--shared", str(SHARED)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def show(engine: str, r: dict[str, Any]) -> None:
    print(f"{engine:<32} {r.get('mb_per_s', 0):9.3f} MB/s {r.get('words_per_s', 0):12,.0f} words/s "
          f"peak {r.get('peak_rss_mb', 0):7.1f} MB {r.get('error', '')}", flush=True)


def measure_throughput(out: dict[str, Any], args: argparse.Namespace) -> None:
    t = out["throughput"]
    for engine in ("frnews tokenize", "frnews sentences", "frnews analyze", "spaCy tokenizer"):
        t[engine] = measure(engine, args.mb, args.repeat)
        show(engine, t[engine])
    batch = measure("frnews analyze_batch", args.mb, args.repeat)
    for name in ("1 thread", "all cores"):
        engine = f"frnews analyze_batch {name}"
        t[engine] = {**batch[name], "peak_rss_mb": batch.get("peak_rss_mb")} if name in batch else batch
        show(engine, t[engine])
    for model in ("fr_core_news_sm", "fr_core_news_md"):
        engine = f"spaCy {model}"
        t[engine] = measure(engine, args.model_mb, 1)
        show(engine, t[engine])

    def ratio(a: str, b: str) -> float | None:
        if "mb_per_s" in t.get(a, {}) and "mb_per_s" in t.get(b, {}):
            return t[a]["mb_per_s"] / t[b]["mb_per_s"]
        return None

    out["ratios"] = {
        "analyze / fr_core_news_sm": ratio("frnews analyze", "spaCy fr_core_news_sm"),
        "analyze / fr_core_news_md": ratio("frnews analyze", "spaCy fr_core_news_md"),
        "tokenize / spaCy tokenizer": ratio("frnews tokenize", "spaCy tokenizer"),
        # `sentences` tokenizes too: tokens and sentences cost what it costs.
        "sentences / spaCy tokenizer": ratio("frnews sentences", "spaCy tokenizer"),
        "analyze_batch all cores / 1 thread": ratio("frnews analyze_batch all cores",
                                                    "frnews analyze_batch 1 thread"),
    }
    for name, value in out["ratios"].items():
        print(f"{name:<40} {value:8.2f}x" if value else f"{name:<40} n/a")


def measure_scaling(out: dict[str, Any], args: argparse.Namespace) -> None:
    out["scaling"] = {}
    for kb in SCALING_KB:
        out["scaling"][f"{kb} KB"] = r = measure(f"scaling:{kb}", args.mb, args.repeat)
        print(f"scaling {kb:>6} KB: {r.get('s_per_mb', 0):.4f} s/MB {r.get('error', '')}", flush=True)
    per_mb = [r["s_per_mb"] for r in out["scaling"].values() if "s_per_mb" in r]
    out["scaling_spread"] = max(per_mb) / min(per_mb) if per_mb else None
    print(f"scaling: largest / smallest time per MB = {out['scaling_spread'] or 0:.2f}")
    print("  (1 KB and 100 KB: the same 1 MB of articles cut into pieces of that size)")


def measure_adversarial(out: dict[str, Any], args: argparse.Namespace) -> None:
    out["adversarial"] = {}
    for kind in ADVERSARIAL_KINDS:
        out["adversarial"][kind] = r = measure(f"adversarial:{kind}", args.adversarial_mb, args.repeat)
        print(f"adversarial {kind:<18} {r.get('s_per_mb', 0):.4f} s/MB {r.get('error', '')}", flush=True)
    reference = out["adversarial"].get("normal_text", {}).get("s_per_mb")
    out["adversarial_vs_normal"] = {k: r["s_per_mb"] / reference for k, r in out["adversarial"].items()
                                    if reference and "s_per_mb" in r and k != "normal_text"}
    for kind, x in out["adversarial_vs_normal"].items():
        print(f"adversarial {kind:<18} {x:.2f}x the time per MB of normal text")


def measure_f1(out: dict[str, Any], args: argparse.Namespace) -> None:
    out["entity_f1"] = {}
    for engine in ("frnews", "fr_core_news_md"):
        out["entity_f1"][engine] = r = measure(f"f1:{engine}", args.mb, 1)
        print(f"entity F1 (PER/ORG/LOC) {engine}: {json.dumps(r)}")


def chart(results: dict[str, Any], path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: no chart")
        return
    rows = [(name, r["mb_per_s"]) for name, r in results.get("throughput", {}).items() if "mb_per_s" in r]
    if not rows:
        return
    rows.sort(key=lambda r: r[1])
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(rows) + 1.2))
    colours = ["#e76f51" if n.startswith("spaCy") else "#2a9d8f" for n, _ in rows]
    ax.barh([n for n, _ in rows], [v for _, v in rows], color=colours)
    ax.set_xscale("log")
    ax.set_xlabel("MB/s (log scale)")
    ax.set_title("French news analysis throughput, one process")
    for y, (_, v) in enumerate(rows):
        ax.text(v, y, f" {v:.2f}", va="center", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)


TABLE_START, TABLE_END = "<!-- speed-table -->", "<!-- /speed-table -->"


def table(results: dict[str, Any]) -> str:
    """The README table: throughput, memory, ratio to the spaCy counterpart."""
    t = results.get("throughput", {})
    against = {"frnews tokenize": "spaCy tokenizer", "frnews sentences": "spaCy tokenizer",
               "frnews analyze": "spaCy fr_core_news_sm", "frnews analyze_batch 1 thread": "spaCy fr_core_news_sm",
               "frnews analyze_batch all cores": "spaCy fr_core_news_sm"}
    lines = ["| | MB/s | words/s | peak memory | vs spaCy |", "|---|---|---|---|---|"]
    for name, r in t.items():
        if "mb_per_s" not in r:
            continue
        base = t.get(against.get(name, ""), {})
        vs = f"{r['mb_per_s'] / base['mb_per_s']:.0f}x {against[name].removeprefix('spaCy ')}" \
            if "mb_per_s" in base else ""
        lines.append(f"| {name} | {r['mb_per_s']:.3g} | {r['words_per_s']:,.0f} | "
                     f"{r.get('peak_rss_mb', 0):.0f} MB | {vs} |")
    m = results.get("machine", {})
    lines.append("")
    lines.append(f"Measured on {m.get('cores')} cores, Python {m.get('python')}, frnews {m.get('frnews')}; "
                 f"analyze_batch on all cores is {results.get('ratios', {}).get('analyze_batch all cores / 1 thread') or 0:.2f}x one thread. "
                 f"Time per MB of texts from 1 KB to 10 MB: largest / smallest "
                 f"{results.get('scaling_spread') or 0:.2f}; 5 MB adversarial texts, worst "
                 f"{max(results.get('adversarial_vs_normal', {}).values(), default=0):.2f}x the time per MB of normal text.")
    return "\n".join(lines)


def update_readme(results: dict[str, Any]) -> None:
    text = README.read_text(encoding="utf-8")
    if TABLE_START not in text or TABLE_END not in text:
        print(f"README.md has no {TABLE_START} ... {TABLE_END} markers: table not written")
        return
    head, rest = text.split(TABLE_START, 1)
    _, tail = rest.split(TABLE_END, 1)
    README.write_text(f"{head}{TABLE_START}\n{table(results)}\n{TABLE_END}{tail}", encoding="utf-8")
    print("updated the table in README.md")


def main() -> None:
    global SHARED
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size for the fast engines (default 5)")
    parser.add_argument("--model-mb", type=float, default=0.5, help="corpus size for the spaCy pipelines (default 0.5)")
    parser.add_argument("--adversarial-mb", type=float, default=5.0, help="size of each adversarial text (default 5)")
    parser.add_argument("--repeat", type=int, default=5, help="timings per measure, the best kept (default 5)")
    parser.add_argument("--quick", action="store_true", help="1 MB corpus, 0.1 MB for models, 2 repeats")
    parser.add_argument("--only", help=f"comma-separated parts to run: {','.join(PARTS)}")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data directory (default ../shared)")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    SHARED = args.shared.resolve()

    if args.one:
        result = run_one(args.one, args.mb, args.repeat)
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    if args.quick:
        args.mb, args.model_mb, args.adversarial_mb, args.repeat = 1.0, 0.1, 1.0, 2
    parts = PARTS if not args.only else tuple(p.strip() for p in args.only.split(","))
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s) {', '.join(sorted(unknown))}; choose from {', '.join(PARTS)}")
    source_texts()  # fails early without the shared data

    import frnews

    suffix = ".quick" if args.quick else ""
    results_path = ROOT / "benchmarks" / f"results{suffix}.json"
    chart_path = ROOT / "benchmarks" / f"throughput{suffix}.png"
    out: dict[str, Any] = {}
    if args.only and results_path.exists():
        out = json.loads(results_path.read_text(encoding="utf-8"))
    out["machine"] = {"python": platform.python_version(), "platform": platform.platform(),
                      "cores": os.cpu_count(), "frnews": frnews.__version__}
    out.setdefault("throughput", {})
    out["settings"] = {"mb": args.mb, "model_mb": args.model_mb, "adversarial_mb": args.adversarial_mb,
                       "repeat": args.repeat}
    steps = {"throughput": measure_throughput, "scaling": measure_scaling,
             "adversarial": measure_adversarial, "entity_f1": measure_f1, "tables": measure_tables}
    for part in parts:
        steps[part](out, args)

    results_path.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    if "throughput" in parts:
        chart(out, chart_path)
    print(f"wrote {results_path.relative_to(ROOT)}" + (f" and {chart_path.relative_to(ROOT)}" if "throughput" in parts else ""))
    if not args.quick and out.get("throughput"):
        update_readme(out)


if __name__ == "__main__":
    main()
