#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Install what is missing, then build and run every test: clang ASan+UBSan, then the default (cc, warnings as errors) build.
set -eu
cd "$(dirname "$0")/.."
scripts/deps.sh
jobs=$(nproc 2>/dev/null || echo 2)
for preset in asan default; do
	cmake --preset "$preset" >/dev/null
	cmake --build --preset "$preset" -j "$jobs"
	ctest --preset "$preset" -j "$jobs"
done
