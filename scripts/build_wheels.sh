#!/usr/bin/env bash
# Portable Linux wheels: maturin cross-links against an old glibc with zig
# (no container needed), then auditwheel checks the tags each wheel claims.
#
#   scripts/build_wheels.sh [OUT_DIR]      # default: dist/
#
# Needs a Rust toolchain; installs maturin, ziglang and auditwheel from PyPI
# into the active Python environment.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist}"

python -m pip install -q "maturin>=1.7,<2" ziglang auditwheel
rm -rf "$out/wheels-tmp" && mkdir -p "$out"
python -m maturin build --release --zig --compatibility manylinux2014 --out "$out/wheels-tmp"
python -m maturin sdist --out "$out/wheels-tmp"

status=0
for wheel in "$out"/wheels-tmp/*.whl; do
    echo "== $(basename "$wheel")"
    report=$(python -m auditwheel show "$wheel")
    echo "$report"
    # The wheel must be consistent with the manylinux2014 (glibc 2.17) tag.
    if ! grep -q 'manylinux_2_17' <<<"$report"; then
        echo "error: $(basename "$wheel") is not manylinux2014-compatible" >&2
        status=1
    fi
done
mv "$out"/wheels-tmp/* "$out"/ && rmdir "$out/wheels-tmp"
ls -l "$out"
exit $status
