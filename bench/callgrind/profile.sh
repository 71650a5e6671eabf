#!/usr/bin/env bash
# Instruction-count profile of `feedsync export` on a generated WooCommerce CSV, with
# valgrind's callgrind: repeatable numbers on a noisy machine, for comparing variants.
#
#   bench/callgrind/profile.sh [ROWS] [BINARY]     # default 20k rows, the release build
#
# Prints the top functions by self (exclusive) and inclusive instruction count, Swift
# names demangled, and leaves callgrind.out in .bench-data/work/profile/ for
# callgrind_annotate / kcachegrind. Two workarounds for Debian bookworm's valgrind 3.19:
# the binary is profiled from a copy without DWARF (3.19 rejects Swift 6.3's debug info
# as "corrupted"; the symbol table keeps the function names), and sigsuspend_copy.so is
# preloaded (see that file: 3.19 crashes on Swift's async main otherwise).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/setup
rows="${1:-20k}"
bin="${2:-}"
if [ -z "$bin" ]; then
  swift build -c release --product feedsync >&2
  bin="$(swift build -c release --show-bin-path)/feedsync"
fi
command -v valgrind >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null; }

work=.bench-data/work/profile
data=".bench-data/data/$rows"
mkdir -p "$work"
[ -f "$data/catalog.csv" ] || python3 fixtures/generator/generate.py --products "$rows" --formats csv --out "$data"
cat > "$work/export.yml" <<YML
sources:
  - name: shop
    format: csv
    location: $PWD/$data/catalog.csv
    mapping: woocommerce-csv
    base_url: https://shop.example.ir
YML
cp "$bin" "$work/feedsync-nodebug"
strip --strip-debug "$work/feedsync-nodebug"
clang -shared -fPIC -O2 -o "$work/sigsuspend_copy.so" bench/callgrind/sigsuspend_copy.c -ldl
out="$work/callgrind.out.export-$rows"
LD_PRELOAD="$PWD/$work/sigsuspend_copy.so" valgrind --tool=callgrind --callgrind-out-file="$out" \
  "$work/feedsync-nodebug" export --config "$work/export.yml" --format jsonl --output /dev/null 2>&1 | grep -E "refs|export:" >&2
demangle() { swift demangle --simplified | sed -E 's#\[/[^]]*/([^/]+)\]#[\1]#; s#^ +##' | cut -c1-200; }
echo "## self (exclusive) instructions, top 15"
callgrind_annotate "$out" 2>/dev/null | grep -E '^ *[0-9,]+ +\(' | sed -n '2,16p' | demangle
echo
echo "## inclusive instructions, top 40"
callgrind_annotate --inclusive=yes "$out" 2>/dev/null | grep -E '^ *[0-9,]+ +\(' | sed -n '2,41p' | demangle
