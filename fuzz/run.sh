#!/usr/bin/env bash
# Fuzzes the core for SECONDS (default 600) with libFuzzer, on a stable Rust
# toolchain: the flags are the ones cargo-fuzz passes (coverage
# instrumentation, `--cfg fuzzing`), without a sanitizer, which needs nightly
# (safe Rust needs none); debug assertions and overflow checks come from the
# release profile in fuzz/Cargo.toml, for frnews only.
#
#   fuzz/run.sh [SECONDS] [TARGET]      TARGET: analyze (the only one so far)
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
target="${2:-analyze}"
shift $(( $# < 2 ? $# : 2 ))
triple="$(rustc -vV | sed -n 's/^host: //p')"

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
if [ -z "$(ls -A "$corpus")" ]; then
    for f in ../../shared/data/seeds/*.txt /work/shared/data/seeds/*.txt ../tests/data/articles/*.txt; do
        [ -f "$f" ] && cp "$f" "$corpus/"
    done
fi

# The words of the lexicons as a dictionary for the mutations.
dict_args=()
if command -v python3 >/dev/null; then
    python3 make_dict.py > "target/$target.dict"
    dict_args=(-dict="target/$target.dict")
fi

exec "$binary" "$corpus" "${dict_args[@]}" \
    -max_total_time="$seconds" \
    -max_len=65536 \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -print_final_stats=1 \
    -artifact_prefix="$artifacts/"
