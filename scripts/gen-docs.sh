#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Generate the ladder pictures and tables under docs/ from the tables and the model.
#
# usage: scripts/gen-docs.sh [--check] [CLONEFUZZ]
#   --check  fail when the committed docs/ladder-* differ from what is generated
set -eu
cd "$(dirname "$0")/.."
check=
if [ "${1:-}" = --check ]; then
	check=1
	shift
fi
cf=${1:-build/default/clonefuzz}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cf" profiles | while read -r p rest; do
	for fmt in md svg; do
		"$cf" ladder --profile "$p" --format "$fmt" >"$tmp/ladder-$p.$fmt"
		if [ -n "$check" ]; then
			if ! cmp -s "$tmp/ladder-$p.$fmt" "docs/ladder-$p.$fmt"; then
				echo "docs/ladder-$p.$fmt is out of date: run scripts/gen-docs.sh" >&2
				exit 1
			fi
		else
			cp "$tmp/ladder-$p.$fmt" "docs/ladder-$p.$fmt"
		fi
	done
done
"$cf" ladder --diff v2.6.32 v4.0 >"$tmp/ladder-diff.txt"
"$cf" ladder --diff v4.0 v6.18 >>"$tmp/ladder-diff.txt"
if [ -n "$check" ]; then
	cmp -s "$tmp/ladder-diff.txt" docs/ladder-diff.txt ||
		{ echo "docs/ladder-diff.txt is out of date: run scripts/gen-docs.sh" >&2; exit 1; }
	echo "docs/ladder-* in sync"
else
	cp "$tmp/ladder-diff.txt" docs/ladder-diff.txt
fi
