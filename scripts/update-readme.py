#!/usr/bin/env python3
"""Re-runs the `$ kg …` examples of README.md and writes their real output back.

usage: scripts/update-readme.py [--check]

Each ```console block whose first line starts with `$ kg` is run with bash in a
temporary store holding the bundled sample, with the release binary first on PATH
(CARGO_TARGET_DIR is honoured). With --check, nothing is written and the exit code
says whether the README is up to date.

The live-source examples fetch tests/data/web/ from a local HTTP server this script
starts on 127.0.0.1:8765; the time of day that starts each `kg follow` line is shown
as hh:mm:ssZ, so that the check does not depend on the clock.
"""
import os, re, socket, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
target = os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target"))
bin_dir = os.path.join(target, "release")
if not os.path.exists(os.path.join(bin_dir, "kg")):
    sys.exit(f"no kg binary in {bin_dir}: run `cargo build --release` first")

readme_path = os.path.join(root, "README.md")
readme = open(readme_path, encoding="utf-8").read()
store = tempfile.mkdtemp(prefix="kg-readme-")
env = dict(os.environ, KG_STORE=os.path.join(store, "store"), PATH=bin_dir + os.pathsep + os.environ["PATH"])
subprocess.run(["kg", "ingest", "-q", "data/live-2025-11-25-ukraine-peace-plan.txt"], cwd=root, env=env, check=True)

PORT = 8765
server = subprocess.Popen(
    [sys.executable, "-m", "http.server", str(PORT), "--bind", "127.0.0.1", "--directory", os.path.join(root, "tests/data/web")],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", PORT), timeout=0.1).close()
        break
    except OSError:
        time.sleep(0.05)
else:
    server.kill()
    sys.exit(f"the fixture server did not start on 127.0.0.1:{PORT}")

def rerun(match):
    lines = match.group(2).split("\n")
    commands = [l for l in lines if l.startswith("$ kg")]
    out = []
    for c in commands:
        res = subprocess.run(["bash", "-c", "{ " + c[2:] + " ; } 2>&1"], cwd=root, env=env, capture_output=True, text=True)
        out.append(c)
        lines = res.stdout.rstrip("\n").split("\n") if res.stdout.strip() else []
        if c.startswith("$ kg follow"):
            lines = [re.sub(r"^\d\d:\d\d:\d\dZ ", "hh:mm:ssZ ", l) for l in lines]
        out.extend(lines)
    return match.group(1) + "\n".join(out) + "\n```"

try:
    new = re.sub(r"(```console\n)((?:\$ kg.*\n)(?:(?!```).*\n)*?)```", rerun, readme)
finally:
    server.kill()
if "--check" in sys.argv:
    sys.exit(0 if new == readme else 1)
if new != readme:
    open(readme_path, "w", encoding="utf-8").write(new)
    print("README.md updated")
else:
    print("README.md up to date")
