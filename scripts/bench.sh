#!/usr/bin/env bash
# Whole-process benchmark of kg (see BENCHMARKS.md).
#
#   scripts/bench.sh [SIZE_MB ...]        default: 10 100
#
# For each size: generates a live-blog corpus (kg-corpus, seed 1), ingests it into a
# fresh store and reports throughput (entries/s, MB/s), peak memory (maximum resident
# set size, from /usr/bin/time) and store size (du); then dumps the store's quads as
# N-Quads and bulk-loads them into another fresh store with Oxigraph's own bulk loader
# (benches/bulkload.rs, 256 MB budget), and reports kg's ingest time as a ratio of it.
# On the largest store it times the query subcommands (who-rejects, path, clusters:
# skipped with a note where this kg lacks them) and queries/claims.rq, as whole
# processes, with hyperfine when installed.
#
# Environment: WORK (scratch directory, default a new temporary one; corpora there are
# reused), CARGO_TARGET_DIR (as for cargo), RUNS (query repetitions, default 5; WARMUP
# unmeasured runs before them, default 1),
# QUERY_KG (the kg binary whose query subcommands are timed, default the one built
# here), QUERY_STORE (time queries on this existing store only; no ingest).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10 100)
WORK="${WORK:-$(mktemp -d)}"
RUNS="${RUNS:-5}"
mkdir -p "$WORK"
TARGET="${CARGO_TARGET_DIR:-target}"

echo "== build"
cargo build --release --bins -q
BULKLOAD=$(cargo bench --no-run --bench bulkload --message-format=json 2>/dev/null \
  | grep -o '"executable":"[^"]*bulkload[^"]*"' | tail -1 | cut -d'"' -f4)
KG="$TARGET/release/kg"
CORPUS="$TARGET/release/kg-corpus"
[ -x /usr/bin/time ] || { echo "bench.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
echo "memory: $(free -g | awk '/Mem:/ {print $2}') GB; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "kg: $(git rev-parse --short HEAD 2>/dev/null || echo '?'); work directory: $WORK"

# Prints "seconds user_seconds sys_seconds max_rss_kb" of a command, its output to $WORK/out.txt.
measure() {
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$@" > "$WORK/out.txt"
  cat "$WORK/time.txt"
}

if [ -n "${QUERY_STORE:-}" ]; then SIZES=(); fi
printf '\n%-6s %9s %9s %9s %8s %8s %9s %9s %9s %8s %7s\n' size entries seconds cpu_s entries/s MB/s peak_MB store_MB bulk_s bulk_MB ratio
LAST_STORE="${QUERY_STORE:-}"
for size in "${SIZES[@]+"${SIZES[@]}"}"; do
  corpus="$WORK/corpus-${size}MB.txt"
  [ -s "$corpus" ] || "$CORPUS" --size "${size}MB" --seed 1 > "$corpus" 2>/dev/null
  bytes=$(stat -L -c %s "$corpus")
  store="$WORK/store-${size}MB"
  rm -rf "$store"
  read -r secs user sys rss < <(measure "$KG" --store "$store" ingest "$corpus")
  entries=$(grep -o '[0-9]* entries' "$WORK/out.txt" | cut -d' ' -f1)
  store_mb=$(du -sm "$store" | cut -f1)

  dump="$WORK/quads-${size}MB.nq"
  "$BULKLOAD" dump "$store" "$dump"
  rm -rf "$WORK/bulk-${size}MB"
  bulk=$("$BULKLOAD" "$dump" "$WORK/bulk-${size}MB" 256)
  bulk_s=$(echo "$bulk" | sed 's/.*seconds=\([0-9.]*\).*/\1/')
  bulk_kb=$(echo "$bulk" | sed 's/.*peak_rss_kb=\([0-9]*\).*/\1/')
  quads=$(echo "$bulk" | sed 's/.*quads=\([0-9]*\).*/\1/')
  rm -f "$dump"

  awk -v s="$size" -v e="$entries" -v t="$secs" -v u="$user" -v y="$sys" -v b="$bytes" -v r="$rss" -v m="$store_mb" \
      -v bs="$bulk_s" -v bk="$bulk_kb" 'BEGIN {
    printf "%-6s %9d %9.2f %9.2f %9.0f %8.2f %9.0f %9d %9.2f %8.0f %6.2fx\n",
      s "MB", e, t, u + y, e / t, b / 1e6 / t, r / 1024, m, bs, bk / 1024, t / bs }'
  echo "       ($quads quads; bulk-loaded store: $(du -sm "$WORK/bulk-${size}MB" | cut -f1) MB)"
  rm -rf "$WORK/bulk-${size}MB"
  LAST_STORE="$store"
done

echo
echo "== query latency on $LAST_STORE (whole process, output to /dev/null)"
export KG_STORE="$LAST_STORE"
QKG="${QUERY_KG:-$KG}"
has() { "$QKG" "$1" --help > /dev/null 2>&1; }
QUERIES=()
if has who-rejects; then QUERIES+=("$QKG who-rejects 'NATO membership'"); else echo "note: no who-rejects subcommand in this kg: skipped"; fi
QUERIES+=("$QKG query queries/claims.rq --format tsv")
if has path; then QUERIES+=("$QKG path Witkoff Zelensky"); else echo "note: no path subcommand in this kg: skipped"; fi
if has clusters; then QUERIES+=("$QKG clusters"); else echo "note: no clusters subcommand in this kg: skipped"; fi
for q in "${QUERIES[@]}"; do
  if command -v hyperfine > /dev/null; then
    hyperfine --warmup "${WARMUP:-1}" --runs "$RUNS" --style none --export-json "$WORK/q.json" "$q > /dev/null" > /dev/null
    python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print('%-70s mean %8.1f ms  min %8.1f ms  max %8.1f ms' % (sys.argv[2], r['mean']*1e3, r['min']*1e3, r['max']*1e3))" "$WORK/q.json" "$q"
  else
    best=""
    for _ in $(seq "$RUNS"); do
      t=$( { /usr/bin/time -f "%e" sh -c "$q > /dev/null" ; } 2>&1 | tail -1)
      best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
    done
    printf '%-70s best %8.0f ms (of %s runs)\n' "$q" "$(awk -v t="$best" 'BEGIN { print t * 1000 }')" "$RUNS"
  fi
done
echo "(the store: $("$KG" stats | tr -s ' ' | paste -sd ',' | sed 's/,/, /g'))"
