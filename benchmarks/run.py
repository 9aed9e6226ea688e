"""frnews next to spaCy, measured side by side in one run.

    python benchmarks/run.py                 # everything (about 10 minutes on 2 cores)
    python benchmarks/run.py --quick         # smaller corpora, for a look

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
- entity F1 (PER/ORG/LOC) of frnews and `fr_core_news_md` on the gold files.

Writes benchmarks/results.json and benchmarks/throughput.png.
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
SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "benchmarks" / "results.json"
CHART = ROOT / "benchmarks" / "throughput.png"
GOLD_FILES = [SHARED / "data" / "gold" / "seeds.jsonl", ROOT / "tests" / "data" / "gold.jsonl"]


# ------------------------------------------------------------------ corpus

def source_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "data" / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))]
    for conllu in sorted((SHARED / "data" / "ud" / "fr_gsd").glob("*.conllu")):
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
    n = int(megabytes * 1_000_000)
    base = source_texts()[1]
    pieces = {
        "no_spaces": lambda: "".join(base.split()),
        "unbalanced_quotes": lambda: "« " + " \" ".join(["mot"] * 50) + " “ ",
        "honorific_run": lambda: "M. ",
        "one_paragraph": lambda: " ".join(base.split()),
        "upper_case": lambda: base.upper(),
        "digits_only": lambda: "0123456789",
    }
    unit = pieces[kind]()
    return (unit * (n // max(1, len(unit.encode("utf-8"))) + 1))[:n]


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
        corpus = build_corpus(max(kb / 1000, 0.01))
        text = "\n\n".join(corpus)[: int(kb * 1000)]
        # Small texts are analysed many times over, about 1 MB per timing.
        loops = max(1, int(1000 / kb))
        seconds = best_time(lambda: [frnews.analyze(text) for _ in range(loops)], repeat) / loops
        mb = len(text.encode("utf-8")) / 1e6
        return {"seconds": seconds, "mb": mb, "s_per_mb": seconds / mb}
    if engine.startswith("adversarial:"):
        import frnews

        text = adversarial(engine.split(":")[1], megabytes)
        seconds = best_time(lambda: frnews.analyze(text), repeat)
        mb = len(text.encode("utf-8")) / 1e6
        return {"seconds": seconds, "mb": mb, "s_per_mb": seconds / mb}
    if engine.startswith("f1:"):
        return entity_f1(engine.split(":")[1])

    corpus = build_corpus(megabytes)
    if engine.startswith("frnews"):
        import frnews

        def full(text: str) -> None:
            doc = frnews.analyze(text)
            doc.entities, doc.quotes, doc.meta  # the Python objects users read

        fns: dict[str, Callable[[], object]] = {
            "frnews tokenize": lambda: [frnews.tokenize(t) for t in corpus],
            "frnews sentences": lambda: [frnews.sentences(t) for t in corpus],
            "frnews analyze": lambda: [full(t) for t in corpus],
            "frnews analyze_batch 1 thread": lambda: frnews.analyze_batch(corpus, n_threads=1),
            "frnews analyze_batch all cores": lambda: frnews.analyze_batch(corpus),
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
    fn_seconds = best_time(fn, repeat)
    mb = size_mb(corpus)
    return {"seconds": fn_seconds, "mb": mb, "words": n_words(corpus), "mb_per_s": mb / fn_seconds,
            "words_per_s": n_words(corpus) / fn_seconds}


def entity_f1(engine: str) -> dict[str, Any]:
    """PER/ORG/LOC F1 on the gold files, with the shared scorer."""
    sys.path.insert(0, str(SHARED / "eval"))
    import score  # type: ignore[import-not-found]

    results: dict[str, Any] = {}
    for gold_path in GOLD_FILES:
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


# ------------------------------------------------------------------ driver

def measure(engine: str, megabytes: float, repeat: int) -> dict[str, Any]:
    """Runs `engine` in a subprocess; adds its peak resident memory."""
    cmd = [sys.executable, __file__, "--one", engine, "--mb", str(megabytes), "--repeat", str(repeat)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def chart(results: dict[str, Any]) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: no chart")
        return
    rows = [(name, r["mb_per_s"]) for name, r in results["throughput"].items() if "mb_per_s" in r]
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
    fig.savefig(CHART, dpi=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size for the fast engines (default 5)")
    parser.add_argument("--model-mb", type=float, default=0.5, help="corpus size for the spaCy pipelines (default 0.5)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="1 MB corpus, 0.1 MB for models, one pass")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.one:
        result = run_one(args.one, args.mb, args.repeat)
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    if args.quick:
        args.mb, args.model_mb, args.repeat = 1.0, 0.1, 1

    import frnews

    out: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cores": os.cpu_count(), "frnews": frnews.__version__},
        "throughput": {}, "ratios": {}, "scaling": {}, "adversarial": {}, "entity_f1": {},
    }
    fast = ["frnews tokenize", "frnews sentences", "frnews analyze", "frnews analyze_batch 1 thread",
            "frnews analyze_batch all cores", "spaCy tokenizer"]
    for engine in fast:
        out["throughput"][engine] = r = measure(engine, args.mb, args.repeat)
        print(f"{engine:<32} {r.get('mb_per_s', 0):9.3f} MB/s {r.get('words_per_s', 0):12,.0f} words/s "
              f"peak {r.get('peak_rss_mb', 0):7.1f} MB {r.get('error', '')}")
    for model in ("fr_core_news_sm", "fr_core_news_md"):
        engine = f"spaCy {model}"
        out["throughput"][engine] = r = measure(engine, args.model_mb, 1)
        print(f"{engine:<32} {r.get('mb_per_s', 0):9.3f} MB/s {r.get('words_per_s', 0):12,.0f} words/s "
              f"peak {r.get('peak_rss_mb', 0):7.1f} MB {r.get('error', '')}")

    t = out["throughput"]

    def ratio(a: str, b: str) -> float | None:
        if "mb_per_s" in t.get(a, {}) and "mb_per_s" in t.get(b, {}):
            return t[a]["mb_per_s"] / t[b]["mb_per_s"]
        return None

    out["ratios"] = {
        "analyze / fr_core_news_sm": ratio("frnews analyze", "spaCy fr_core_news_sm"),
        "analyze / fr_core_news_md": ratio("frnews analyze", "spaCy fr_core_news_md"),
        "tokenize / spaCy tokenizer": ratio("frnews tokenize", "spaCy tokenizer"),
        "tokenize+sentences / spaCy tokenizer": (
            t["spaCy tokenizer"]["seconds"] * t["frnews tokenize"]["mb"] / t["spaCy tokenizer"]["mb"]
            / (t["frnews tokenize"]["seconds"] + t["frnews sentences"]["seconds"])
            if "seconds" in t.get("spaCy tokenizer", {}) else None),
        "analyze_batch all cores / 1 thread": ratio("frnews analyze_batch all cores", "frnews analyze_batch 1 thread"),
    }
    for name, value in out["ratios"].items():
        print(f"{name:<40} {value:8.1f}x" if value else f"{name:<40} n/a")

    for kb in (1, 100, 1000, 10000):
        out["scaling"][f"{kb} KB"] = r = measure(f"scaling:{kb}", args.mb, args.repeat)
        print(f"scaling {kb:>6} KB: {r.get('s_per_mb', 0):.4f} s/MB")
    for kind in ("no_spaces", "unbalanced_quotes", "honorific_run", "one_paragraph", "upper_case", "digits_only"):
        out["adversarial"][kind] = r = measure(f"adversarial:{kind}", 5.0 if not args.quick else 1.0, 1)
        print(f"adversarial {kind:<18} {r.get('s_per_mb', 0):.4f} s/MB {r.get('error', '')}")
    per_mb = [r["s_per_mb"] for r in [*out["scaling"].values(), *out["adversarial"].values()] if "s_per_mb" in r]
    reference = out["scaling"].get("1000 KB", {}).get("s_per_mb")
    out["scaling_spread"] = max(per_mb) / min(per_mb) if per_mb else None
    out["adversarial_vs_1mb"] = {k: r["s_per_mb"] / reference for k, r in out["adversarial"].items()
                                 if reference and "s_per_mb" in r}
    print(f"time per MB: largest / smallest over scaling and adversarial runs = {out['scaling_spread']:.2f}")

    for engine in ("frnews", "fr_core_news_md"):
        out["entity_f1"][engine] = r = measure(f"f1:{engine}", args.mb, 1)
        print(f"entity F1 (PER/ORG/LOC) {engine}: {json.dumps(r)}")

    RESULTS.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    chart(out)
    print(f"wrote {RESULTS.relative_to(ROOT)} and {CHART.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
