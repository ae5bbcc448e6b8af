# SPDX-License-Identifier: GPL-2.0-only
# What the fixture runners (tests/lint/run.sh, tests/source/run.sh) share: failures counted, headers read.
# Sourced, not run: it defines fail() and header() and sets failed=0.

failed=0

# fail WHAT WHY: one failure, said and counted
fail() {
	echo "FAIL $1: $2"
	failed=$((failed + 1))
}

# header NAME FILE: the text of every /* NAME: TEXT */ line, one a line
header() {
	sed -n "s|^/\\* $1: \\(.*\\) \\*/\$|\\1|p" "$2"
}
