#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Build and run every test: under ASan+UBSan with clang, then the default (cc, warnings as errors) build.
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
for preset in asan default; do
	cmake --preset "$preset" >/dev/null
	cmake --build --preset "$preset" -j "$jobs"
	ctest --preset "$preset" -j "$jobs"
done
