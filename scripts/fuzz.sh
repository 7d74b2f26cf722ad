#!/usr/bin/env sh
# Runs kg's proptest fuzz targets (tests/it/fuzz.rs) for longer than CI does.
#
#   scripts/fuzz.sh            100,000 cases per target
#   scripts/fuzz.sh 1000000    a million
#
# CI runs 128 cases per target within `cargo test`. cargo-fuzz would need a nightly
# toolchain; proptest runs on stable. A failure prints the minimal failing input:
# add it as a regression test at the bottom of tests/it/fuzz.rs.
set -eu
cases="${1:-100000}"
cd "$(dirname "$0")/.."
KG_FUZZ_CASES="$cases" exec cargo test --release --test it -- fuzz:: --nocapture
