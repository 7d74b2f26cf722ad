#!/usr/bin/env python3
"""Load benchmark of `kg serve` (see BENCHMARKS.md): concurrent clients sending a fixed
number of mixed requests (questions, SPARQL, page loads); reports latency percentiles.

usage: scripts/bench-serve.py [--store DIR] [--size MB] [--clients N] [--requests N]
                              [--threads N]

Without --store, generates a live-blog corpus of --size MB (kg-corpus, seed 1; default
10) in a temporary directory and ingests it. Then starts `kg serve` on 127.0.0.1 (a
port the OS picks) and sends --requests requests (default 2000) from --clients threads
(default 32), each taking the next request of one shared list until it is empty, so
the run ends by itself. Every request has a 120 s timeout. Prints p50, p90, p99 and
the maximum, overall and by kind, and exits 1 if any request failed (a status other
than 200, or no answer). Uses the release binaries of CARGO_TARGET_DIR (or target/);
KG names another kg binary.
"""
import argparse, http.client, os, random, subprocess, sys, tempfile, threading, time, urllib.parse

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
bin_dir = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target")), "release")

ap = argparse.ArgumentParser()
ap.add_argument("--store")
ap.add_argument("--size", type=int, default=10)
ap.add_argument("--clients", type=int, default=32)
ap.add_argument("--requests", type=int, default=2000)
ap.add_argument("--threads", type=int, default=8, help="kg serve --threads")
args = ap.parse_args()

kg = os.environ.get("KG") or os.path.join(bin_dir, "kg")
if not os.path.exists(kg):
    sys.exit(f"no kg binary in {bin_dir}: run `cargo build --release` first")

store = args.store
if not store:
    work = tempfile.mkdtemp(prefix="kg-bench-serve-")
    corpus = os.path.join(work, f"corpus-{args.size}MB.txt")
    with open(corpus, "w") as f:
        subprocess.run([os.path.join(bin_dir, "kg-corpus"), "--size", f"{args.size}MB", "--seed", "1"], stdout=f, check=True)
    store = os.path.join(work, "store")
    t = time.time()
    subprocess.run([kg, "--store", store, "ingest", "-q", corpus], check=True)
    print(f"ingested {args.size} MB in {time.time() - t:.1f} s into {store}")

server = subprocess.Popen([kg, "--store", store, "serve", "--bind", "127.0.0.1:0", "--threads", str(args.threads)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
line = server.stdout.readline()
if "http://" not in line:
    sys.exit("kg serve did not start: " + server.stderr.read())
host, port = line.split("http://", 1)[1].split("/", 1)[0].rsplit(":", 1)
port = int(port)

q = urllib.parse.quote
COUNT = "PREFIX kg: <https://w3id.org/kg-news/ns#> SELECT (COUNT(*) AS ?n) WHERE { ?c a kg:Claim }"
# A page of claims with their quotes (queries/stances.rq, which aggregates every claim,
# takes seconds on a 10 MB store and is timed by scripts/bench.sh instead).
CLAIMS = "PREFIX kg: <https://w3id.org/kg-news/ns#> SELECT ?claim ?quote WHERE { ?claim a kg:Claim ; kg:quote ?quote } LIMIT 100"
# (kind, method, path, body, headers): each kind a third or so of the mix.
MIX = [
    ("question", "GET", "/api/who-rejects?position=" + q("NATO membership"), None, {}),
    ("question", "GET", "/api/who-supports?position=" + q("ceasefire"), None, {}),
    ("question", "GET", "/api/positions?actor=Russia", None, {}),
    ("question", "GET", "/api/timeline?name=" + q("Zelensky"), None, {}),
    ("question", "GET", "/api/path?from=Witkoff&to=Zelensky", None, {}),
    ("question", "GET", "/api/central?limit=10", None, {}),
    ("question", "GET", "/api/clusters", None, {}),
    ("sparql", "GET", "/sparql?query=" + q(COUNT), None, {"Accept": "application/sparql-results+json"}),
    ("sparql", "POST", "/sparql", CLAIMS, {"Content-Type": "application/sparql-query", "Accept": "text/csv"}),
    ("sparql", "POST", "/sparql", "query=" + q("ASK { ?s ?p ?o }"), {"Content-Type": "application/x-www-form-urlencoded"}),
    ("page", "GET", "/", None, {}),
    ("page", "GET", "/assets/app.js", None, {}),
    ("page", "GET", "/assets/graph.js", None, {}),
    ("page", "GET", "/assets/style.css", None, {}),
    ("page", "GET", "/api/search?q=" + q("NATO"), None, {}),
]
rng = random.Random(1)
todo = [rng.choice(MIX) for _ in range(args.requests)]
results = []  # (kind, path, seconds, status or error)
lock = threading.Lock()
next_index = [0]

def client():
    while True:
        with lock:
            if next_index[0] >= len(todo):
                return
            kind, method, path, body, headers = todo[next_index[0]]
            next_index[0] += 1
        start = time.perf_counter()
        try:
            conn = http.client.HTTPConnection(host, port, timeout=120)
            conn.request(method, path, body=body.encode() if body else None, headers=headers)
            r = conn.getresponse()
            r.read()
            status = r.status
            conn.close()
        except Exception as e:  # a refused or dropped connection counts as an error
            status = f"{type(e).__name__}: {e}"
        with lock:
            results.append((kind, path, time.perf_counter() - start, status))

t0 = time.perf_counter()
threads = [threading.Thread(target=client) for _ in range(args.clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
wall = time.perf_counter() - t0
server.kill()
server.wait()

def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")

errors = [r for r in results if r[3] != 200]
print(f"{len(results)} requests from {args.clients} clients to kg serve --threads {args.threads} in {wall:.1f} s "
      f"({len(results) / wall:.0f}/s); errors: {len(errors)}")
print(f"{'kind':<10} {'n':>5} {'p50_ms':>8} {'p90_ms':>8} {'p99_ms':>8} {'max_ms':>8}")
for kind in ["question", "sparql", "page", "all"]:
    xs = [r[2] * 1000 for r in results if kind == "all" or r[0] == kind]
    print(f"{kind:<10} {len(xs):>5} {pct(xs, 50):>8.1f} {pct(xs, 90):>8.1f} {pct(xs, 99):>8.1f} {max(xs):>8.1f}")
print(f"{'path':<60} {'n':>5} {'p50_ms':>8} {'p99_ms':>8}")
for path in sorted({r[1] for r in results}):
    xs = [r[2] * 1000 for r in results if r[1] == path]
    print(f"{path[:60]:<60} {len(xs):>5} {pct(xs, 50):>8.1f} {pct(xs, 99):>8.1f}")
for e in errors[:10]:
    print("error:", e)
sys.exit(1 if errors else 0)
