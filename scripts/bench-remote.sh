#!/usr/bin/env bash
# Remote stores, measured (docs/scaling.md): ingest throughput of the 10 MB corpus into
# a local store, Oxigraph's server and Virtuoso 7 (each started here on a free
# loopback port, on a fresh database), then the latency of the seed's questions
# against each (median of RUNS runs), and whether each engine answers byte for byte
# as the local store.
#
#   scripts/bench-remote.sh                 # 10 MB corpus, 3 runs a question
#   SIZE=1MB RUNS=5 scripts/bench-remote.sh
#   KG=/path/to/kg scripts/bench-remote.sh  # another build
#
# Needs `oxigraph` (pip install oxigraph) and `virtuoso-t`/`isql-vt` (apt-get install
# virtuoso-opensource); an engine that is missing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET="${CARGO_TARGET_DIR:-target}"
KG="${KG:-$TARGET/release/kg}"
CORPUS_BIN="${CORPUS_BIN:-$TARGET/release/kg-corpus}"
SIZE="${SIZE:-10MB}"
RUNS="${RUNS:-3}"
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { # port, tries of 0.1 s
  for _ in $(seq "$2"); do
    if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1',$1),1)" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "nothing listens on port $1" >&2; return 1
}
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2-$1:.2f}')"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

CORPUS="$WORK/corpus.txt"
"$CORPUS_BIN" --size "$SIZE" --seed 1 > "$CORPUS"
BYTES=$(stat -c %s "$CORPUS")
echo "corpus: $SIZE ($BYTES bytes), kg: $KG"

QUESTIONS=(
  "who-rejects|NATO membership"
  "positions|Moscow"
  "timeline|Ukraine"
  "path|Witkoff|Zelensky"
  "clusters"
)

# ingest NAME FLAGS...: time one ingest of the corpus, then every question.
bench() {
  local name="$1"; shift
  local t0 t1
  t0=$(now)
  "$KG" "$@" ingest --quiet "$CORPUS"
  t1=$(now)
  local s; s=$(secs "$t0" "$t1")
  local quads; quads=$("$KG" "$@" stats --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["quads"])')
  echo "| $name | ingest | $s s | $(python3 -c "print(f'{$BYTES/1e6/$s:.2f} MB/s, {$quads/$s:,.0f} quads/s ({$quads:,} quads)')") |"
  for q in "${QUESTIONS[@]}"; do
    IFS='|' read -r -a args <<< "$q"
    local times=()
    for _ in $(seq "$RUNS"); do
      t0=$(now)
      "$KG" "$@" "${args[@]}" > "$WORK/$name.$(echo "${args[*]}" | tr ' ' _).out"
      t1=$(now)
      times+=("$(secs "$t0" "$t1")")
    done
    local same=""
    if [ "$name" != local ]; then
      if cmp -s "$WORK/local.$(echo "${args[*]}" | tr ' ' _).out" "$WORK/$name.$(echo "${args[*]}" | tr ' ' _).out"; then
        same="same output as local"
      else
        same="OUTPUT DIFFERS from local"
      fi
    fi
    echo "| $name | ${args[*]} | $(printf '%s\n' "${times[@]}" | median) s (of ${times[*]}) | $same |"
  done
}

echo "| store | step | time | notes |"
echo "|---|---|---|---|"
bench local --store "$WORK/local"

if command -v oxigraph >/dev/null; then
  port=$(free_port)
  oxigraph serve --location "$WORK/oxigraph" --bind "127.0.0.1:$port" > "$WORK/oxigraph.log" 2>&1 &
  PIDS+=($!)
  wait_port "$port" 600
  bench oxigraph --store "http://127.0.0.1:$port/query" --update-url "http://127.0.0.1:$port/update"
else
  echo "skipped: oxigraph not installed (pip install oxigraph)"
fi

if command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null; then
  sql=$(free_port); http=$(free_port); d="$WORK/virtuoso"; mkdir -p "$d"
  cat > "$d/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $d/virtuoso.db
ErrorLogFile = $d/virtuoso.log
LockFile = $d/virtuoso.lck
TransactionFile = $d/virtuoso.trx
xa_persistent_file = $d/virtuoso.pxa
[TempDatabase]
DatabaseFile = $d/virtuoso-temp.db
TransactionFile = $d/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:$sql
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = .
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
[HTTPServer]
ServerPort = 127.0.0.1:$http
ServerRoot = $d
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000000
MaxQueryExecutionTime = 0
MaxQueryCostEstimationTime = 0
EOF
  (cd "$d" && exec virtuoso-t -f -c virtuoso.ini > "$d/out.log" 2>&1) &
  PIDS+=($!)
  wait_port "$http" 600
  wait_port "$sql" 600
  isql-vt "127.0.0.1:$sql" dba dba 'exec=GRANT SPARQL_UPDATE TO "SPARQL";' > /dev/null
  bench virtuoso --store "http://127.0.0.1:$http/sparql"
else
  echo "skipped: virtuoso-t not installed (apt-get install virtuoso-opensource)"
fi
