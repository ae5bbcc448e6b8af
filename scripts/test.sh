#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Build and run every test: under ASan+UBSan with clang, then the gcc build.
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
for preset in asan gcc; do
	cmake --preset "$preset" >/dev/null
	cmake --build --preset "$preset" -j "$jobs"
	ctest --preset "$preset" -j "$jobs"
done
