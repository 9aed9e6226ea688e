"""Bad and extreme input (issue 8): a clear Python error or a valid result,
never a crash; threads and a long run give the same results and no leak."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable

import generators
import pytest
from span_checks import check_document, check_sorted_disjoint, check_spans

import frnews
from frnews._frnews import token_and_sentence_offsets

ARTICLES = sorted((Path(__file__).parent / "data" / "articles").glob("*.txt"))


def article_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in ARTICLES]


# Every entry point that takes one text.
SINGLE: dict[str, Callable[[Any], Any]] = {
    "analyze": frnews.analyze,
    "tokenize": frnews.tokenize,
    "sentences": frnews.sentences,
    "repair": frnews.repair,
    "token_and_sentence_offsets": token_and_sentence_offsets,
}


@pytest.mark.parametrize("name", sorted(SINGLE))
@pytest.mark.parametrize(
    "bad, type_name",
    [(None, "NoneType"), (b"bytes", "bytes"), (3, "int"), (3.5, "float"), (["a"], "list"), (bytearray(b"x"), "bytearray")],
)
def test_non_str_is_a_type_error_naming_the_expected_type(name: str, bad: object, type_name: str) -> None:
    with pytest.raises(TypeError, match=rf"^text must be a str, not {type_name}$"):
        SINGLE[name](bad)


@pytest.mark.parametrize("bad, type_name", [(None, "NoneType"), (b"bytes", "bytes"), (7, "int")])
@pytest.mark.parametrize("index, chunk_size", [(0, 512), (3, 512), (5, 2), (1024, 512)])
def test_batch_type_error_names_the_index_in_the_whole_input(
    bad: object, type_name: str, index: int, chunk_size: int
) -> None:
    texts: list[Any] = ["Il pleut."] * (index + 3)
    texts[index] = bad
    with pytest.raises(TypeError, match=rf"^texts\[{index}\] must be a str, not {type_name}$"):
        frnews.analyze_batch(texts, chunk_size=chunk_size)
    with pytest.raises(TypeError, match=rf"^texts\[{index}\] "):
        list(frnews.iter_analyze(iter(texts), chunk_size=chunk_size))


def test_batch_input_must_be_iterable() -> None:
    with pytest.raises(TypeError):
        frnews.analyze_batch(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(SINGLE))
@pytest.mark.parametrize("text", ["\ud800", "a\udfffb", "Il a dit\udc80 : « oui ».", "😀\ud83d"])
def test_lone_surrogates_are_a_value_error_everywhere(name: str, text: str) -> None:
    with pytest.raises(frnews.InputError, match=r"^text holds lone surrogates") as info:
        SINGLE[name](text)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("index, chunk_size", [(0, 512), (4, 512), (5, 2)])
def test_batch_lone_surrogate_names_the_index(index: int, chunk_size: int) -> None:
    texts = ["Il pleut."] * 8
    texts[index] = "x\ud800"
    with pytest.raises(frnews.InputError, match=rf"^texts\[{index}\] holds lone surrogates"):
        frnews.analyze_batch(texts, chunk_size=chunk_size)


def test_a_paired_surrogate_written_as_an_escape_is_a_valid_character() -> None:
    text = "Le \U0001f600 de M. Dupont."
    check_document(frnews.analyze(text))


ODD_TEXTS = {
    "empty": "",
    "space": " ",
    "whitespace": " \t\n\r\n\u00a0\u202f\u2028\u2029\u3000\x0b\x0c\x85 ",
    "nul": "\x00",
    "nuls": "Il\x00 a\x00\x00 dit : « oui\x00 ».\x00",
    "controls": "".join(chr(c) for c in range(32)) + "\x7f" + "".join(chr(c) for c in range(0x80, 0xA0)),
    "controls in words": "Le présid\x01ent M. Dup\x1bont a dit\x07 : « Paris\x08 ».\n\x0cFin.",
    "bom": "\ufeffPARIS, 3 mai (Xinhua) -- Il pleut.",
    "replacement": "\ufffd\ufffd Sergue\ufffd Lavrov \ufffd",
    "combining only": "\u0301\u0301\u0327",
    "zero width": "M.\u200b Dupont\u200d a\u200c dit\u2060.",
    "bidi": "\u202eLe \u202dprésident\u202c a dit.",
    "noncharacters": "\ufdd0\uffff\U0010ffff\U000e0001",
    "private use": "\ue000 M. \U000f0000 Dupont",
    "only punctuation": "«»“”\"'’.,;:!?…—–-()[]{}",
    "lone quotes": "« « « \" \" “ ’ '",
    "newlines": "\n" * 1000,
    "crlf only": "\r\n" * 100,
    "single letters": "a b c d E F G",
    "mojibake": "Ã©tÃ© â€™ Ã  Â  ÃƒÂ©",
    "html": "&eacute;&#8217;&#x10FFFF;&#xFFFFFFFF;&#0;&;&#;&amp",
}


@pytest.mark.parametrize("name", sorted(ODD_TEXTS))
def test_odd_texts_give_valid_results(name: str) -> None:
    text = ODD_TEXTS[name]
    doc = frnews.analyze(text)
    assert doc.text == text
    check_document(doc)
    check_spans(text, "token", frnews.tokenize(text))
    check_spans(text, "sentence", frnews.sentences(text))
    assert isinstance(frnews.repair(text), str)


def test_empty_and_blank_texts_are_empty_documents() -> None:
    for text in ("", " ", "\n\n\t"):
        doc = frnews.analyze(text)
        assert doc.tokens == doc.sentences == doc.entities == doc.quotes == []
        assert frnews.repair(text) == text


def test_a_50_mb_string() -> None:
    # Articles one after the other up to 50 MB (UTF-8): a full analysis, with
    # offsets right to the end.
    one = "\n\n".join(article_texts()) + "\n\n"
    repeats = 50_000_000 // len(one.encode("utf-8")) + 1
    text = one * repeats
    doc = frnews.analyze(text)
    assert doc.text == text
    entities = doc.entities
    assert len(entities) > repeats * 10
    check_spans(text, "entity", entities)
    check_sorted_disjoint("entity", entities)
    assert entities[-1].start > len(text) - len(one)
    sentences = doc.sentences
    check_spans(text, "sentence", sentences[-1000:])
    assert sentences[-1].end > len(text) - 100


def test_a_long_run_without_spaces_is_one_token() -> None:
    solid = "é" * 2_500_000
    doc = frnews.analyze(solid)
    assert [(t.start, t.end) for t in doc.tokens] == [(0, len(solid))]
    assert frnews.repair(solid) == solid


def test_a_large_article_is_analysed_in_full() -> None:
    one = "\n\n".join(article_texts()) + "\n\n"
    text = one * 20
    doc = frnews.analyze(text)
    single = frnews.analyze(one)
    assert len(doc.tokens) == 20 * len(single.tokens)
    check_spans(text, "entity", doc.entities)
    assert doc.entities[-1].end > len(text) - len(one)


# Texts built to defeat the stages (the performance issue's adversarial cases).
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "no spaces": lambda n: "abcdéfghij" * (n // 10),
    "unbalanced quotes": lambda n: "« a \" b “ c ‘ " * (n // 14),
    "M. run": lambda n: "M. " * (n // 3),
    "one paragraph": lambda n: ("M. Jean Dupont a dit : « Oui, à Paris le 3 mai 2018 ». " * (n // 56)),
    "all caps": lambda n: "LE PRÉSIDENT JEAN DUPONT A DIT À PARIS LE 3 MAI. " * (n // 50),
    "only digits": lambda n: "0123456789" * (n // 10),
    "spaced digits": lambda n: "12 345 " * (n // 7),
    "one name": lambda n: "Jean Dupont " * (n // 12),
    "capitalised words": lambda n: "Alpha Beta Gamma Delta " * (n // 23),
    "open parentheses": lambda n: "(ONU " * (n // 5),
    "newlines": lambda n: "Titre\n" * (n // 6),
    # Role phrases that name no organisation of the text, each looked up.
    "role phrases": lambda n: "L'ONU siège. Tout va bien, a déclaré le comité local. " * (n // 55),
}


def _seconds(text: str) -> float:
    start = time.perf_counter()
    frnews.analyze(text)
    return time.perf_counter() - start


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_texts_take_linear_time(name: str) -> None:
    # Four times the text must take about four times as long: a quadratic
    # stage takes sixteen. The best of two runs each damps a busy machine.
    make = ADVERSARIAL[name]
    small, large = make(100_000), make(400_000)
    t_small = min(_seconds(small), _seconds(small))
    t_large = min(_seconds(large), _seconds(large))
    assert t_large < 8 * t_small + 0.3, (name, t_small, t_large)


def _best_of_3(text: str) -> float:
    return min(_seconds(text) for _ in range(3))


def _normal_text_growth() -> float:
    """How much longer 4 MB of articles takes than 1 MB on this machine:
    4 when time is linear, more where 4 MB of tables no longer fit in the
    caches that 1 MB fitted in, or when other processes share the cores."""
    one = "\n\n".join(article_texts()) + "\n\n"
    text = one * (4_000_000 // len(one.encode("utf-8")) + 1)
    return _best_of_3(text) / _best_of_3(text[: len(text) // 4])


@pytest.mark.parametrize("kind", sorted(generators.PIECES))
def test_many_distinct_names_take_linear_time(kind: str) -> None:
    # Issue 15: every repetition brings a new name sharing a word with all
    # the others; grouping them pairwise made 4 MB take 16 times its 1 MB.
    # Linear takes 4 times; the bound is 5. Where 4 MB of tables no longer
    # fit in the caches that 1 MB fitted in, articles themselves take more
    # than 4 times (5 to 6 on a busy 2-core machine): there the bound is 1.5
    # times the growth of articles measured alongside, which a pairwise step
    # taking a quarter of the time at 1 MB already exceeds. A busy machine
    # can push one measure over, a pairwise step every one: three tries.
    small, large = generators.generate(kind, 1_000_000), generators.generate(kind, 4_000_000)
    tries = []
    for _ in range(3):
        ratio = _best_of_3(large) / _best_of_3(small)
        limit = 5.0 if ratio <= 5 else max(5.0, 1.5 * _normal_text_growth())
        if ratio <= limit:
            return
        tries.append((round(ratio, 2), round(limit, 2)))
    pytest.fail(f"{kind}: 4 MB / 1 MB (ratio, limit) in three tries: {tries}")


def test_eight_threads_give_the_serial_results() -> None:
    texts = article_texts() + list(ODD_TEXTS.values())
    expected = [frnews.analyze(t) for t in texts]
    results: dict[int, list[frnews.Document]] = {}
    errors: list[BaseException] = []
    barrier = threading.Barrier(8)

    def work(k: int) -> None:
        try:
            barrier.wait()
            # Each thread walks the texts from its own starting point, so
            # different texts run at the same time.
            order = texts[k:] + texts[:k]
            docs = [frnews.analyze(t) for t in order * 3]
            results[k] = docs
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    for k, docs in results.items():
        order = expected[k:] + expected[:k]
        assert docs == order * 3
    assert len(results) == 8


def _rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * _page_size()


def _page_size() -> int:
    import os

    return os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/statm")
def test_memory_is_stable_over_20000_calls() -> None:
    texts = [
        "PARIS, 3 mai (Xinhua) -- M. Jean Dupont a dit : « Oui ».",
        "Le président Sergue? Lavrov va mettre en ?uvre le plan de l'ONU.",
        "Ã©tÃ© à Pékin, 5,2 % et 3 millions de dollars le 12 juin 2018.",
        "",
    ]
    for i in range(2000):
        frnews.analyze(texts[i % len(texts)]).to_dict()
    before = _rss_bytes()
    for i in range(20_000):
        doc = frnews.analyze(texts[i % len(texts)])
        doc.entities, doc.tokens  # build the Python objects too
    growth = _rss_bytes() - before
    assert growth < 20 * 1024 * 1024, f"RSS grew by {growth / 1e6:.1f} MB"


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        {},
        {"text": 3},
        {"text": "abc", "tokens": [[2, 1]]},
        {"text": "abc", "tokens": [[-1, 1]]},
        {"text": "abc", "tokens": [[0, 2**70]]},
        {"text": "abc", "tokens": [[0.5, 1]]},
        {"text": "abc", "tokens": [[0, 1, 2]]},
        {"text": "abc", "entities": [{"start": 0, "end": 1}]},
        {"text": "abc", "entities": [{"start": 0, "end": 1, "label": "PER", "zone": "nowhere"}]},
        {"text": "abc", "quotes": [{"start": 0, "end": 1, "kind": "direct", "cue": [2, 9]}]},
        {"text": "abc", "meta": {"body_start": 3, "body_end": 1}},
        {"text": "abc", "meta": {"body_start": 30, "body_end": 31}},
        {"text": "a\ud800"},
    ],
)
def test_from_dict_rejects_malformed_data_with_a_value_error(data: Any) -> None:
    with pytest.raises(ValueError):
        frnews.Document.from_dict(data)


@pytest.mark.parametrize("data", ["", "{", "[]", "null", '{"text": "abc", "tokens": [[0, 9]]}', "\ud800"])
def test_from_json_rejects_malformed_json_with_a_value_error(data: str) -> None:
    with pytest.raises(ValueError):
        frnews.Document.from_json(data)


def test_a_huge_thread_count_is_capped_by_the_number_of_texts() -> None:
    texts = ["Il pleut.", "M. Dupont est venu."]
    assert frnews.analyze_batch(texts, n_threads=10**9) == [frnews.analyze(t) for t in texts]


def test_a_bare_str_is_refused() -> None:
    for bad in ("Il pleut.", b"Il pleut."):
        with pytest.raises(TypeError, match=r"^texts must be an iterable of str, not (str|bytes); for one text"):
            frnews.analyze_batch(bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^texts must be an iterable of str"):
            frnews.iter_analyze(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"n_threads": "4"}, TypeError, r"^n_threads must be an int or None, not str$"),
        ({"n_threads": 2.0}, TypeError, r"^n_threads must be an int or None, not float$"),
        ({"n_threads": True}, TypeError, r"^n_threads must be an int or None, not bool$"),
        ({"n_threads": 0}, ValueError, r"^n_threads must be at least 1, not 0$"),
        ({"n_threads": -(2**70)}, ValueError, r"^n_threads must be at least 1, not -"),
        ({"chunk_size": None}, TypeError, r"^chunk_size must be an int, not NoneType$"),
        ({"chunk_size": 1.5}, TypeError, r"^chunk_size must be an int, not float$"),
        ({"chunk_size": 0}, ValueError, r"^chunk_size must be at least 1, not 0$"),
    ],
)
def test_bad_batch_arguments_are_named(kwargs: dict[str, Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        frnews.analyze_batch(["Il pleut."], **kwargs)
    # Checked when called, before any text is read.
    with pytest.raises(error, match=message):
        frnews.iter_analyze(iter(["Il pleut."]), **kwargs)


def test_any_positive_thread_count_is_capped_to_the_cores() -> None:
    texts = ["Il pleut.", "M. Dupont est venu."]
    expected = [frnews.analyze(t) for t in texts]
    for n in (1, 2, 10**6, 2**64, 10**30):
        assert frnews.analyze_batch(texts, n_threads=n) == expected


def test_one_pool_per_call_capped_at_cores_and_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    import frnews.batch
    from frnews._frnews import ThreadPool, available_cores

    built: list[int] = []

    def counting_pool(n: int) -> ThreadPool:
        built.append(n)
        return ThreadPool(n)

    monkeypatch.setattr(frnews.batch, "ThreadPool", counting_pool)
    texts = [f"M. Dupont{i} est venu." for i in range(40)]
    docs = frnews.analyze_batch(texts, n_threads=10**6, chunk_size=3)
    assert docs == [frnews.analyze(t) for t in texts]
    assert built == [min(available_cores(), 3)]
    built.clear()
    frnews.analyze_batch(texts[:1], n_threads=64)
    assert built == [1]
    assert ThreadPool(10**6).n_threads == available_cores()


def test_huge_texts_make_small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    import frnews.batch

    sizes: list[int] = []
    analyze_many = frnews.batch.analyze_many

    def recording(chunk: list[str], **kwargs: Any) -> list[frnews.Document]:
        sizes.append(len(chunk))
        return analyze_many(chunk, **kwargs)

    monkeypatch.setattr(frnews.batch, "analyze_many", recording)
    monkeypatch.setattr(frnews.batch, "CHUNK_CHARS", 100)
    frnews.analyze_batch(["Il pleut. " * 4] * 9, chunk_size=512)
    assert sizes == [3, 3, 3]


def test_a_batch_frees_each_chunks_strings_before_analysing_them() -> None:
    import gc
    import weakref

    from frnews._frnews import analyze_many

    class Text(str):  # a `str` that can be watched for being freed
        pass

    texts: list[str] = [Text("Il pleut, a dit M. Dupont."), Text("Il neige.")]
    freed = [weakref.ref(t) for t in texts]
    expected = [frnews.analyze(str(t)) for t in texts]
    assert analyze_many(texts, take=True) == expected
    gc.collect()
    assert texts == [] and all(r() is None for r in freed)
    kept = ["Il pleut."]
    assert analyze_many(kept) == [frnews.analyze("Il pleut.")] and kept == ["Il pleut."]
    with pytest.raises(TypeError, match="must be a list when take=True"):
        analyze_many(("Il pleut.",), take=True)


def test_ctrl_c_stops_a_long_batch_within_a_second() -> None:
    import signal
    import subprocess

    script = (
        "import sys, frnews\n"
        "texts = [open(sys.argv[1], encoding='utf-8').read()] * 200_000\n"
        "print('started', flush=True)\n"
        "frnews.analyze_batch(texts, chunk_size=200_000)\n"
        "print('finished', flush=True)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", script, str(ARTICLES[0])],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline() == "started\n"
        time.sleep(1.0)  # well inside the one native call, which takes minutes
        sent = time.perf_counter()
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
        elapsed = time.perf_counter() - sent
        out, err = proc.stdout.read(), proc.stderr.read()
    assert "finished" not in out
    assert "KeyboardInterrupt" in err
    assert elapsed < 1.0, elapsed
