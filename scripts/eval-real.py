#!/usr/bin/env python3
"""Scores kg on the real-text evaluation set (tests/data/eval/real/).

Each document is ingested alone into a fresh store and scored with `kg eval --json`
against its gold; the totals are micro-averaged (claims summed over documents).
Actors are scored as tests/it/extraction.rs does: recall of required actors, and
duplicate nodes for one actor.

    scripts/eval-real.py [--kg target/release/kg] [--set dev|second-look|all|unseen|sample] [--show]

`unseen` and `sample` score the texts tests/it/extraction.rs scores (tests/data/eval/unseen/
and the bundled live blog), which have no actor gold here.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL = os.path.join(ROOT, "tests", "data", "eval", "real")


def norm(s):
    return re.findall(r"\w+", s.lower().replace("’", "'"))


def run(kg, store, *args):
    env = dict(os.environ, KG_STORE=store)
    r = subprocess.run([kg, *args], env=env, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"kg {' '.join(args)} failed: {r.stderr}")
    return r.stdout


def main():
    ap = argparse.ArgumentParser()
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    ap.add_argument("--kg", default=os.path.join(target, "release", "kg"))
    ap.add_argument("--set", default="dev", choices=["dev", "second-look", "all", "unseen", "sample"])
    ap.add_argument("--show", action="store_true", help="list misses and false positives")
    a = ap.parse_args()
    dirs = {"dev": [REAL], "second-look": [os.path.join(REAL, "second-look")]}
    dirs["all"] = dirs["dev"] + dirs["second-look"]
    totals = dict(system=0, matched=0, required=0, found=0, actors=0, actors_found=0, duplicates=0)
    print(f"{'document':62} {'P':>5} {'R':>5}  sys  req found")
    unseen = os.path.join(ROOT, "tests", "data", "eval", "unseen")
    docs = []
    if a.set == "unseen":
        for doc in sorted(glob.glob(os.path.join(unseen, "*.txt")) + glob.glob(os.path.join(unseen, "*.jsonl"))):
            if not doc.endswith(".gold.jsonl"):
                docs.append((doc, doc.rsplit(".", 1)[0]))
    elif a.set == "sample":
        docs.append((os.path.join(ROOT, "data", "live-2025-11-25-ukraine-peace-plan.txt"), os.path.join(ROOT, "tests", "data", "eval", "seed")))
    else:
        for d in dirs[a.set]:
            for doc in sorted(glob.glob(os.path.join(d, "*.jsonl"))):
                if not doc.endswith(".gold.jsonl"):
                    docs.append((doc, doc[: -len(".jsonl")]))
    for doc, base in docs:
        if True:
            with tempfile.TemporaryDirectory() as tmp:
                store = os.path.join(tmp, "store")
                run(a.kg, store, "ingest", doc)
                s = json.loads(run(a.kg, store, "eval", "--gold", base + ".gold.jsonl", "--json"))
                if a.show:
                    print(run(a.kg, store, "eval", "--gold", base + ".gold.jsonl", "--show"))
                actors = json.loads(run(a.kg, store, "query", os.path.join(ROOT, "queries", "actors.rq"), "--format", "json"))
            labels = [b["label"]["value"] for b in actors["results"]["bindings"]]
            gold = json.load(open(base + ".actors.json")) if os.path.exists(base + ".actors.json") else dict(required=[], optional=[])
            exact = lambda l, g: any(norm(x) == norm(l) for x in g)
            found = sum(1 for g in gold["required"] if any(exact(l, g) for l in labels))
            dup = sum(1 for g in gold["required"] + gold["optional"] if sum(1 for l in labels if exact(l, g)) > 1)
            if a.show:
                for g in gold["required"] + gold["optional"]:
                    same = [l for l in labels if exact(l, g)]
                    if len(same) > 1:
                        print(f"ACTOR DUPLICATE {' / '.join(same)}")
                for g in gold["required"]:
                    if not any(exact(l, g) for l in labels):
                        print(f"ACTOR MISSED {' / '.join(g)}")
            totals["system"] += s["system"]
            totals["matched"] += s["system_matched"]
            totals["required"] += s["required"]
            totals["found"] += s["found"]
            totals["actors"] += len(gold["required"])
            totals["actors_found"] += found
            totals["duplicates"] += dup
            name = os.path.relpath(base, REAL if a.set in dirs else ROOT)
            print(f"{name[:62]:62} {s['precision']:5.2f} {s['recall']:5.2f} {s['system']:4} {s['required']:4} {s['found']:5}")
    t = totals
    p = t["matched"] / t["system"] if t["system"] else 1.0
    r = t["found"] / t["required"] if t["required"] else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    ar = t["actors_found"] / t["actors"] if t["actors"] else 1.0
    print(
        f"micro: P={p:.3f} R={r:.3f} F1={f:.3f} (system {t['system']}, matched {t['matched']}; "
        f"required {t['required']}, found {t['found']}); actor recall {ar:.3f} "
        f"({t['actors_found']}/{t['actors']}), actors with duplicate nodes {t['duplicates']}"
    )


if __name__ == "__main__":
    main()
