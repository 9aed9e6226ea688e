#!/usr/bin/env bash
# Fuzzes the core for SECONDS (default 600) with libFuzzer, on a stable Rust
# toolchain: the flags are the ones cargo-fuzz passes (coverage
# instrumentation, `--cfg fuzzing`), without a sanitizer, which needs nightly
# (safe Rust needs none); debug assertions and overflow checks come from the
# release profile in fuzz/Cargo.toml, for frnews only.
#
#   fuzz/run.sh [SECONDS] [TARGET]      TARGET: analyze, generated
#
# `analyze` mutates texts up to 64 KB. `generated` builds texts of 64 KB to
# 1 MB from the shapes of tests/generators.py (many distinct names sharing a
# word), its input only choosing the shape, the size, the names and a scrap
# spliced in; an input slower than the timeout (60 s) is a finding. Without
# TARGET, `analyze` runs for SECONDS and then `generated` for GENERATED_SECONDS
# (default: a quarter of SECONDS, at most 300).
#
# The corpus (fuzz/corpus/TARGET) starts from the seed articles and the test
# articles, and mutations draw on a dictionary of the lexicons' words
# (fuzz/make_dict.py); crashes, hangs (> 10 s) and out-of-memory inputs land in
# fuzz/artifacts/TARGET/. Keep each one as a regression test: copy it into
# tests/data/regressions/ (replayed by `cargo test`, tests/regressions.rs)
# once the core is fixed. Replay one input: `fuzz/run.sh 0 analyze FILE`.
set -euo pipefail
cd "$(dirname "$0")"

seconds="${1:-600}"
target="${2:-}"
shift $(( $# < 2 ? $# : 2 ))
triple="$(rustc -vV | sed -n 's/^host: //p')"

if [ -z "$target" ]; then
    generated_seconds="${GENERATED_SECONDS:-$(( seconds / 4 < 300 ? seconds / 4 : 300 ))}"
    ./run.sh "$seconds" analyze
    exec ./run.sh "$generated_seconds" generated
fi

export RUSTFLAGS="-Cpasses=sancov-module \
 -Cllvm-args=-sanitizer-coverage-level=4 \
 -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
 -Cllvm-args=-sanitizer-coverage-pc-table \
 -Cllvm-args=-sanitizer-coverage-trace-compares \
 --cfg fuzzing"
# `--target` keeps the instrumentation off build scripts and proc macros.
cargo build --release --target "$triple" --bin "$target"
binary="target/$triple/release/$target"

if [ "$#" -gt 0 ]; then
    exec "$binary" "$@"
fi

corpus="corpus/$target"
artifacts="artifacts/$target"
mkdir -p "$corpus" "$artifacts"
if [ -z "$(ls -A "$corpus")" ] && [ "$target" = generated ]; then
    # Each shape at 64 KB and at 1 MB, no scrap: shape, size (u16), first
    # name (3 bytes), gap.
    for shape in 0 1 2 3 4 5; do
        printf "\\x0$shape\\x00\\x00\\x00\\x00\\x00\\xff" > "$corpus/shape$shape-64k"
        printf "\\x0$shape\\xff\\xff\\x00\\x00\\x00\\xff" > "$corpus/shape$shape-1m"
    done
elif [ -z "$(ls -A "$corpus")" ]; then
    for f in ../../shared/data/seeds/*.txt /work/shared/data/seeds/*.txt ../tests/data/articles/*.txt; do
        [ -f "$f" ] && cp "$f" "$corpus/"
    done
fi
# A megabyte takes about 2 s of CPU in this instrumented build; 60 s leaves
# room for a busy machine and still catches a pairwise step (minutes).
if [ "$target" = generated ]; then
    max_len=4096
    timeout=60
else
    max_len=65536
    timeout=10
fi

# The words of the lexicons as a dictionary for the mutations.
dict_args=()
if command -v python3 >/dev/null; then
    python3 make_dict.py > "target/$target.dict"
    dict_args=(-dict="target/$target.dict")
fi

exec "$binary" "$corpus" "${dict_args[@]}" \
    -max_total_time="$seconds" \
    -max_len="$max_len" \
    -timeout="$timeout" \
    -rss_limit_mb=2048 \
    -print_final_stats=1 \
    -artifact_prefix="$artifacts/"
