#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Install what is missing, then build and run every test: clang ASan+UBSan and the default build under ctest, then the smoke run of every preset and engine.
#
# usage: scripts/test.sh [--no-smoke]
#   --no-smoke  ctest only: skip scripts/smoke.sh (every preset built, each
#               fuzz target run 20 s under AFL++ and libFuzzer, and the
#               ClusterFuzzLite build)
set -eu
cd "$(dirname "$0")/.."
smoke=1
case "${1:-}" in
--no-smoke) smoke= ;;
"") ;;
-h|--help) sed -n '5,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
*) echo "test.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
esac
if [ -n "$smoke" ]; then scripts/deps.sh --fuzz; else scripts/deps.sh; fi
jobs=$(nproc 2>/dev/null || echo 2)
for preset in asan default; do
	cmake --preset "$preset" >/dev/null
	cmake --build --preset "$preset" -j "$jobs"
	ctest --preset "$preset" -j "$jobs"
done
[ -z "$smoke" ] || scripts/smoke.sh --no-deps --time 20
