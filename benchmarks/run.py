"""frnews next to spaCy, measured side by side in one run.

    python benchmarks/run.py                 # everything (about 20 minutes on 2 cores)
    python benchmarks/run.py --quick         # fewer rounds and smaller inputs, for a look
    python benchmarks/run.py --only goals,tables   # some parts again

The shared data (seeds, Wikinews, UD French-GSD) is looked for in `../shared`
beside the checkout, or where `--shared` or the FRNEWS_SHARED variable says.

How it measures. Every engine runs in a process of its own (so that its peak
memory is its own), started once and kept waiting; then, round by round, each
engine in turn makes one timed pass over the same texts, the order rotating
from round to round. The load that other processes put on a shared machine
thus hits every engine alike, and each figure is the best of `--rounds`
rounds. The corpus is made of distinct texts only, each once (the seeds, the
Wikinews articles, `tests/data` and its page layouts, UD French-GSD dev and
test in texts of 20 sentences): repeating a small corpus would warm spaCy's
caches and flatter it.

Parts:
- goals: frnews `tokenize`, `sentences` and `analyze` (the full pipeline, the
  Python objects of entities, quotes and meta included), `analyze_batch` on 1
  and on 2 threads, the Rust core's `frnews::analyze` alone
  (`examples/bench_worker.rs`, built here with cargo), spaCy's rule-based
  French tokenizer (`spacy.blank("fr")`) and the `fr_core_news_sm` and
  `fr_core_news_md` pipelines (`nlp.pipe`);
- scaling: `analyze` time per MB of one 10 MB text over that of 10 KB texts;
- adversarial: time per MB of 5 MB texts that a careless scraper or an
  attacker may send (tests/generators.py among them), over that of 5 MB of
  normal articles;
- tables: the tokens table of 2,000 articles (`to_pandas(docs, "tokens")`)
  next to their analysis;
- entity_f1: PER/ORG/LOC F1 of frnews and `fr_core_news_md` on the gold files.

Writes benchmarks/results.json, benchmarks/throughput.png and the tables of the
README's "Speed" section (`--quick` writes results.quick.json and
throughput.quick.png instead and leaves the README alone; `--only` updates its
parts of results.json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FRNEWS_SHARED", ROOT.parent / "shared"))
README = ROOT / "README.md"
sys.path.insert(0, str(ROOT / "tests"))
import generators  # noqa: E402  (tests/generators.py: the texts of issue 15)

# The generators of many distinct names sharing a word, by row name.
NAME_GENERATORS = {kind.replace(" ", "_"): kind for kind in generators.PIECES}
ADVERSARIAL_KINDS = ("normal_text", "no_spaces", "unbalanced_quotes", "honorific_run", "one_paragraph",
                     "upper_case", "digits_only", *NAME_GENERATORS)
PARTS = ("goals", "scaling", "adversarial", "tables", "entity_f1")
TABLE_ARTICLES = 2000
RUST_WORKER = "Rust core frnews::analyze"
SPACY_MODELS = ("fr_core_news_sm", "fr_core_news_md")


def gold_files() -> list[Path]:
    return [SHARED / "data" / "gold" / "seeds.jsonl", ROOT / "tests" / "data" / "gold.jsonl"]


# ------------------------------------------------------------------ corpus

def source_texts() -> list[str]:
    """Every distinct text at hand, each once."""
    seeds = sorted((SHARED / "data" / "seeds").glob("*.txt"))
    ud = sorted((SHARED / "data" / "ud" / "fr_gsd").glob("*.conllu"))
    if not seeds or not ud:
        sys.exit(f"no seeds or UD files under {SHARED}: pass --shared PATH (or set FRNEWS_SHARED)")
    paths = [*seeds, *sorted((SHARED / "data" / "wikinews").glob("*.txt")),
             *sorted((ROOT / "tests" / "data" / "articles").glob("*.txt")),
             *sorted((ROOT / "tests" / "data" / "layouts" / "pages").glob("*.txt"))]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for conllu in ud:
        sentences = [line[len("# text = "):] for line in conllu.read_text(encoding="utf-8").splitlines()
                     if line.startswith("# text = ")]
        # UD sentences grouped into article-sized texts of 20 sentences.
        texts += ["\n".join(sentences[i:i + 20]) for i in range(0, len(sentences), 20)]
    return texts


def repeated(texts: list[str], megabytes: float) -> list[str]:
    """`texts` one after the other, again and again, up to `megabytes` MB:
    for the inputs that must be large (scaling, adversarial texts)."""
    target = int(megabytes * 1_000_000)
    out: list[str] = []
    size = 0
    while size < target:
        for text in texts:
            out.append(text)
            size += len(text.encode("utf-8"))
            if size >= target:
                break
    return out


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
    if kind in NAME_GENERATORS:
        # Each repetition with a name of its own (tests/generators.py).
        return truncate_utf8(generators.generate(NAME_GENERATORS[kind], n), n)
    corpus = "\n\n".join(repeated(source_texts(), megabytes))
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


# ------------------------------------------------------------------ engines

def engine_pass(engine: str, args: argparse.Namespace) -> tuple[Callable[[], dict[str, float]], float, int]:
    """One timed pass of `engine` (in this process), the MB and the words it reads."""
    def timed(fn: Callable[[], object]) -> Callable[[], dict[str, float]]:
        def run() -> dict[str, float]:
            t0 = time.perf_counter()
            fn()
            return {"seconds": time.perf_counter() - t0}
        return run

    if engine.startswith("scaling:"):
        import frnews

        kb = int(engine.split(":")[1])
        whole = "\n\n".join(repeated(source_texts(), args.scaling_mb))
        texts = [whole] if kb * 1000 >= len(whole.encode("utf-8")) else split_utf8(whole, kb * 1000)
        return timed(lambda: [frnews.analyze(t) for t in texts]), size_mb(texts), n_words(texts)
    if engine.startswith("adversarial:"):
        import frnews

        text = adversarial(engine.split(":")[1], args.adversarial_mb)
        return timed(lambda: frnews.analyze(text)), size_mb([text]), n_words([text])
    if engine == "tables":
        import frnews

        texts = source_texts()
        texts = (texts * (TABLE_ARTICLES // len(texts) + 1))[:TABLE_ARTICLES]
        docs = frnews.analyze_batch(texts, n_threads=1)
        frnews.to_pandas(docs[:1], "tokens")  # imports pandas and pyarrow before timing

        def tables() -> dict[str, float]:
            t0 = time.perf_counter()
            frnews.analyze_batch(texts, n_threads=1)
            t1 = time.perf_counter()
            frnews.to_pandas(docs, "tokens")
            return {"analysis": t1 - t0, "tokens table": time.perf_counter() - t1}
        return tables, size_mb(texts), n_words(texts)

    corpus = source_texts()
    mb, words = size_mb(corpus), n_words(corpus)
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
            "frnews analyze_batch 2 threads": lambda: frnews.analyze_batch(corpus, n_threads=2),
        }
        return timed(fns[engine]), mb, words
    import spacy

    if engine == "spaCy tokenizer":
        nlp = spacy.blank("fr")
        return timed(lambda: [nlp.tokenizer(t) for t in corpus]), mb, words
    nlp = spacy.load(engine.split()[1])
    return timed(lambda: list(nlp.pipe(corpus, batch_size=64))), mb, words


def serve(engine: str, args: argparse.Namespace) -> None:
    """The worker's side: ready line, then one pass per `run` line."""
    run, mb, words = engine_pass(engine, args)
    print(json.dumps({"mb": mb, "words": words}), flush=True)
    for line in sys.stdin:
        if line.strip() != "run":
            break
        print(json.dumps(run()), flush=True)
    print(json.dumps({"peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)


class Worker:
    """One engine in a process of its own, waiting for `run`."""

    def __init__(self, engine: str, command: list[str]) -> None:
        self.engine = engine
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.info = self._read()

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"{self.engine}: the worker stopped (exit status {self.proc.wait()})")
        return json.loads(line)

    def run(self) -> dict[str, float]:
        assert self.proc.stdin is not None
        self.proc.stdin.write("run\n")
        self.proc.stdin.flush()
        return self._read()

    def close(self) -> float | None:
        """Stops the worker; its peak memory in MB (None for the Rust one)."""
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        peak = None
        if self.engine != RUST_WORKER:
            peak = self._read().get("peak_rss_mb")
        self.proc.wait()
        return peak


def rust_worker_command(corpus: list[str]) -> list[str]:
    """Builds the Rust core's worker and writes the corpus it reads."""
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "bench_worker"], cwd=ROOT, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    path = Path(tempfile.mkdtemp()) / "corpus.jsonl"
    path.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in corpus), encoding="utf-8")
    return [str(target / "release" / "examples" / "bench_worker"), str(path)]


def interleaved(engines: list[str], args: argparse.Namespace) -> dict[str, dict[str, Any]]:
    """Every engine in its own process, timed round by round in rotating
    order: per engine, the best of each timing and every round's timings."""
    workers = []
    for engine in engines:
        if engine == RUST_WORKER:
            command = rust_worker_command(source_texts())
        else:
            command = [sys.executable, __file__, "--worker", engine, "--shared", str(SHARED),
                       "--adversarial-mb", str(args.adversarial_mb), "--scaling-mb", str(args.scaling_mb)]
        try:
            worker = Worker(engine, command)
            worker.info.setdefault("words", n_words(source_texts()))
            workers.append(worker)
        except (RuntimeError, OSError, subprocess.CalledProcessError) as e:
            print(f"{engine}: not measured ({e})", flush=True)
    rounds: dict[str, list[dict[str, float]]] = {w.engine: [] for w in workers}
    for r in range(args.rounds):
        shift = r % max(1, len(workers))
        for worker in workers[shift:] + workers[:shift]:
            rounds[worker.engine].append(worker.run())
        print(f"  round {r + 1}/{args.rounds} done", flush=True)
    out = {}
    for worker in workers:
        timings = rounds[worker.engine]
        best = {name: min(t[name] for t in timings) for name in timings[0] if name != "tokens"}
        out[worker.engine] = {**worker.info, "best": best, "rounds": timings, "peak_rss_mb": worker.close()}
        if "seconds" in best:
            out[worker.engine]["mb_per_s"] = worker.info["mb"] / best["seconds"]
    return out


# ------------------------------------------------------------------ parts

def measure_goals(out: dict[str, Any], args: argparse.Namespace) -> None:
    engines = ["frnews tokenize", "frnews sentences", "frnews analyze", "frnews analyze_batch 1 thread",
               "frnews analyze_batch 2 threads", RUST_WORKER, "spaCy tokenizer",
               *(f"spaCy {m}" for m in SPACY_MODELS)]
    out["throughput"] = t = interleaved(engines, args)
    for engine, r in t.items():
        print(f"{engine:<34} {r['mb_per_s']:9.3f} MB/s  peak {r['peak_rss_mb'] or 0:7.1f} MB", flush=True)

    def ratio(a: str, b: str) -> float | None:
        return t[a]["mb_per_s"] / t[b]["mb_per_s"] if a in t and b in t else None

    two = [one["seconds"] / both["seconds"] for one, both in
           zip(t.get("frnews analyze_batch 1 thread", {}).get("rounds", []),
               t.get("frnews analyze_batch 2 threads", {}).get("rounds", []))]
    out["ratios"] = {
        "analyze / fr_core_news_sm": ratio("frnews analyze", "spaCy fr_core_news_sm"),
        "analyze / fr_core_news_md": ratio("frnews analyze", "spaCy fr_core_news_md"),
        "tokenize / spaCy tokenizer": ratio("frnews tokenize", "spaCy tokenizer"),
        "analyze_batch 2 threads / 1 thread": ratio("frnews analyze_batch 2 threads",
                                                    "frnews analyze_batch 1 thread"),
    }
    # Each round's ratio, of the two timings taken one after the other.
    out["two_threads_per_round"] = two
    for name, value in out["ratios"].items():
        print(f"{name:<40} {value:8.2f}x" if value else f"{name:<40} n/a")
    if two:
        print(f"2 threads / 1 thread per round: {min(two):.2f}x to {max(two):.2f}x, median {statistics.median(two):.2f}x")


def measure_scaling(out: dict[str, Any], args: argparse.Namespace) -> None:
    r = interleaved(["scaling:10", f"scaling:{int(args.scaling_mb * 1000)}"], args)
    per_mb = {engine: x["best"]["seconds"] / x["mb"] for engine, x in r.items()}
    out["scaling"] = {"10 KB texts s/MB": per_mb.get("scaling:10"),
                      f"one {args.scaling_mb:g} MB text s/MB": per_mb.get(f"scaling:{int(args.scaling_mb * 1000)}")}
    values = list(out["scaling"].values())
    out["scaling_ratio"] = values[1] / values[0] if None not in values else None
    print(f"scaling: {json.dumps(out['scaling'])}; large / small time per MB = {out['scaling_ratio'] or 0:.2f}")


def measure_adversarial(out: dict[str, Any], args: argparse.Namespace) -> None:
    r = interleaved([f"adversarial:{kind}" for kind in ADVERSARIAL_KINDS], args)
    out["adversarial"] = {engine.split(":")[1]: {"s_per_mb": x["best"]["seconds"] / x["mb"],
                                                 "peak_rss_mb": x["peak_rss_mb"], "mb": x["mb"]}
                          for engine, x in r.items()}
    reference = out["adversarial"].get("normal_text", {}).get("s_per_mb")
    out["adversarial_vs_normal"] = {k: x["s_per_mb"] / reference for k, x in out["adversarial"].items()
                                    if reference and k != "normal_text"}
    for kind, x in out["adversarial"].items():
        print(f"adversarial {kind:<28} {x['s_per_mb']:.4f} s/MB "
              f"{out['adversarial_vs_normal'].get(kind, 1.0):5.2f}x normal, "
              f"peak memory {(x['peak_rss_mb'] or 0) / x['mb']:.1f} MB per MB", flush=True)


def measure_tables(out: dict[str, Any], args: argparse.Namespace) -> None:
    r = interleaved(["tables"], args).get("tables")
    if r is None:
        return
    out["tables"] = {"articles": TABLE_ARTICLES, **r["best"]}
    out["tables"]["ratio"] = r["best"]["tokens table"] / r["best"]["analysis"]
    print(f"tables: analysis of {TABLE_ARTICLES} articles {r['best']['analysis']:.3f} s, "
          f"tokens table {r['best']['tokens table']:.3f} s ({out['tables']['ratio']:.2f}x)")


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


def measure_f1(out: dict[str, Any], args: argparse.Namespace) -> None:
    out["entity_f1"] = {}
    for engine in ("frnews", "fr_core_news_md"):
        cmd = [sys.executable, __file__, "--f1", engine, "--shared", str(SHARED)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        r = json.loads(proc.stdout.strip().splitlines()[-1]) if proc.returncode == 0 else \
            {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
        out["entity_f1"][engine] = r
        print(f"entity F1 (PER/ORG/LOC) {engine}: {json.dumps(r)}")


# ------------------------------------------------------------------ report

# The rows of the speed issue: (name, value from the results, goal, whether
# higher is better, unit).
def goal_rows(results: dict[str, Any]) -> list[tuple[str, float | None, float, bool, str]]:
    t = results.get("throughput", {})
    ratios = results.get("ratios", {})
    adversarial = results.get("adversarial_vs_normal", {})
    return [
        ("`analyze`, 1 thread, vs spaCy `fr_core_news_sm` (`nlp.pipe`)",
         ratios.get("analyze / fr_core_news_sm"), 300, True, "x"),
        ("Rust core `frnews::analyze` alone, 1 thread", t.get(RUST_WORKER, {}).get("mb_per_s"), 30, True, " MB/s"),
        ("`tokenize` vs spaCy `blank(\"fr\")` tokenizer", ratios.get("tokenize / spaCy tokenizer"), 30, True, "x"),
        ("`analyze_batch` 2 threads vs 1", ratios.get("analyze_batch 2 threads / 1 thread"), 1.8, True, "x"),
        ("time per MB of one 10 MB text / of 10 KB texts", results.get("scaling_ratio"), 1.2, False, ""),
        ("worst adversarial text, time per MB / normal text's",
         max(adversarial.values()) if adversarial else None, 1.5, False, "x"),
        (f"tokens table of {TABLE_ARTICLES:,} articles / their analysis",
         results.get("tables", {}).get("ratio"), 1.0, False, "x"),
    ]


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
    ax.set_title("French news analysis throughput, one process per engine, interleaved")
    for y, (_, v) in enumerate(rows):
        ax.text(v, y, f" {v:.2f}", va="center", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)


TABLE_START, TABLE_END = "<!-- speed-table -->", "<!-- /speed-table -->"


def table(results: dict[str, Any]) -> str:
    """The README tables: the goals, then throughput and memory per engine."""
    lines = ["| | measured | goal | |", "|---|---|---|---|"]
    for name, value, goal, higher, unit in goal_rows(results):
        if value is None:
            lines.append(f"| {name} | not measured | {'>=' if higher else '<='} {goal:g}{unit} | |")
            continue
        met = value >= goal if higher else value <= goal
        lines.append(f"| {name} | {value:.3g}{unit} | {'>=' if higher else '<='} {goal:g}{unit} | "
                     f"{'met' if met else '**not met**'} |")
    two = results.get("two_threads_per_round") or []
    t = results.get("throughput", {})
    lines += ["", "| engine | MB/s | words/s | peak memory |", "|---|---|---|---|"]
    for name, r in t.items():
        if "best" not in r:  # a results.json of an older format
            continue
        lines.append(f"| {name} | {r['mb_per_s']:.3g} | {r['words'] / r['best']['seconds']:,.0f} | "
                     + (f"{r['peak_rss_mb']:.0f} MB |" if r.get("peak_rss_mb") else "|"))
    m = results.get("machine", {})
    s = results.get("settings", {})
    corpus = next(iter(t.values()), {})
    lines.append("")
    lines.append(f"Measured on {m.get('cores')} cores, Python {m.get('python')}, frnews {m.get('frnews')}: "
                 f"{corpus.get('mb', 0):.2f} MB of distinct texts, best of {s.get('rounds')} interleaved rounds"
                 + (f"; 2 threads / 1 thread per round {min(two):.2f}x to {max(two):.2f}x" if two else "")
                 + ".")
    return "\n".join(lines)


def update_readme(results: dict[str, Any]) -> None:
    text = README.read_text(encoding="utf-8")
    if TABLE_START not in text or TABLE_END not in text:
        print(f"README.md has no {TABLE_START} ... {TABLE_END} markers: table not written")
        return
    head, rest = text.split(TABLE_START, 1)
    _, tail = rest.split(TABLE_END, 1)
    README.write_text(f"{head}{TABLE_START}\n{table(results)}\n{TABLE_END}{tail}", encoding="utf-8")
    print("updated the tables in README.md")


def main() -> None:
    global SHARED
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds, the best kept (default 5)")
    parser.add_argument("--scaling-mb", type=float, default=10.0, help="size of the large text (default 10)")
    parser.add_argument("--adversarial-mb", type=float, default=5.0, help="size of each adversarial text (default 5)")
    parser.add_argument("--quick", action="store_true", help="2 rounds, 2 MB large texts, 1 MB adversarial ones")
    parser.add_argument("--only", help=f"comma-separated parts to run: {','.join(PARTS)}")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data directory (default ../shared)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--f1", help=argparse.SUPPRESS)
    args = parser.parse_args()
    SHARED = args.shared.resolve()

    if args.worker:
        serve(args.worker, args)
        return
    if args.f1:
        print(json.dumps(entity_f1(args.f1)))
        return
    if args.quick:
        args.rounds, args.scaling_mb, args.adversarial_mb = 2, 2.0, 1.0
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
    out["settings"] = {"rounds": args.rounds, "scaling_mb": args.scaling_mb, "adversarial_mb": args.adversarial_mb}
    steps = {"goals": measure_goals, "scaling": measure_scaling, "adversarial": measure_adversarial,
             "tables": measure_tables, "entity_f1": measure_f1}
    for part in parts:
        print(f"== {part}", flush=True)
        steps[part](out, args)

    print("\n" + table(out))
    results_path.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    if "goals" in parts:
        chart(out, chart_path)
    print(f"wrote {results_path.relative_to(ROOT)}" + (f" and {chart_path.relative_to(ROOT)}" if "goals" in parts else ""))
    if not args.quick:
        update_readme(out)


if __name__ == "__main__":
    main()
