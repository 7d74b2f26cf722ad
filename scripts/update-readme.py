#!/usr/bin/env python3
"""Re-runs the `$ kg …` examples of README.md and writes their real output back.

usage: scripts/update-readme.py [--check]

Each ```console block whose first line starts with `$ kg` is run with bash in a
temporary store holding the bundled sample, with the release binary first on PATH
(CARGO_TARGET_DIR is honoured). With --check, nothing is written and the exit code
says whether the README is up to date.

The live-source examples fetch tests/data/web/ from a local HTTP server this script
starts on 127.0.0.1, on a port the OS picks (so that it cannot collide with anything
listening). The README writes that server as 127.0.0.1:8765 (what
`python3 -m http.server 8765 --directory tests/data/web` serves): the commands are run
with the real port, and their output is written back with 8765. The time of day that
starts each `kg follow` line is shown as hh:mm:ssZ, so that the check does not depend
on the clock.
"""
import functools, http.server, os, re, subprocess, sys, tempfile, threading

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

SHOWN = "127.0.0.1:8765"

class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

server = http.server.ThreadingHTTPServer(
    ("127.0.0.1", 0), functools.partial(Quiet, directory=os.path.join(root, "tests/data/web")))
real = "127.0.0.1:%d" % server.server_address[1]
threading.Thread(target=server.serve_forever, daemon=True).start()

def rerun(match):
    lines = match.group(2).split("\n")
    commands = [l for l in lines if l.startswith("$ kg")]
    out = []
    for c in commands:
        command = c[2:].replace(SHOWN, real)
        res = subprocess.run(["bash", "-c", "{ " + command + " ; } 2>&1"], cwd=root, env=env, capture_output=True, text=True)
        out.append(c)
        output = res.stdout.replace(real, SHOWN)
        lines = output.rstrip("\n").split("\n") if output.strip() else []
        if c.startswith("$ kg follow"):
            lines = [re.sub(r"^\d\d:\d\d:\d\dZ ", "hh:mm:ssZ ", l) for l in lines]
        out.extend(lines)
    return match.group(1) + "\n".join(out) + "\n```"

try:
    new = re.sub(r"(```console\n)((?:\$ kg.*\n)(?:(?!```).*\n)*?)```", rerun, readme)
finally:
    server.shutdown()
if "--check" in sys.argv:
    sys.exit(0 if new == readme else 1)
if new != readme:
    open(readme_path, "w", encoding="utf-8").write(new)
    print("README.md updated")
else:
    print("README.md up to date")
