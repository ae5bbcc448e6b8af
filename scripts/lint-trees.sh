#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Run `clonefuzz lint` over kernel trees and print one Markdown row per tree: its gotos, labels and findings.
#
# usage: scripts/lint-trees.sh [--clonefuzz PATH] DIR...
#   DIR  a kernel tree, or any directory holding kernel/fork.c (and a SOURCE
#        file saying where it came from); default build/kernels/*
set -eu
cf=build/default/clonefuzz
while [ $# -gt 0 ]; do
	case "$1" in
	--clonefuzz) cf=$2; shift 2 ;;
	-h|--help) sed -n '3,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	-*) echo "lint-trees.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || set -- build/kernels/*
[ -x "$cf" ] || { echo "lint-trees.sh: no $cf (build first)" >&2; exit 2; }
echo "| tree | source | gotos | labels | verdict |"
echo "|---|---|---|---|---|"
for d in "$@"; do
	f=$d/kernel/fork.c
	[ -f "$f" ] || { echo "lint-trees.sh: $f: missing" >&2; continue; }
	src=$(head -n 1 "$d/SOURCE" 2>/dev/null | sed 's/|/\\|/g' || true)
	rc=0
	out=$("$cf" lint "$f" 2>&1) || rc=$?
	echo "$out" | awk -v tree="$(basename "$d")" -v src="$src" -v rc="$rc" -v f="$f" '
		NR == 1 && /gotos/ { split($0, a, ": "); n = split(a[3], b, ", "); gotos = b[1]; labels = b[2]
			sub(/ gotos/, "", gotos); sub(/ labels/, "", labels) }
		NR > 1 && index($0, f ":") == 1 {
			what = $0
			if (what ~ /is never released/) { sub(/ taken by .*/, "", what); sub(/.*: /, "", what); k = "leaks " what }
			else if (what ~ /which is not held/) { sub(/.* releases /, "", what); sub(/, which.*/, "", what); k = "releases " what " not held" }
			else if (what ~ /no such label/) k = "goto to a missing label"
			else if (what ~ /takes it|is released only|is released on/) { sub(/ taken by .*| \(line [0-9]+\) releases .*/, "", what); k = "flags differ" }
			else k = "other"
			if (!(k in seen)) order[++n_k] = k
			seen[k]++
		}
		END {
			if (rc == 2) v = "cannot be read: " $0
			else if (!n_k) v = "clean"
			else for (i = 1; i <= n_k; i++) v = v (i > 1 ? "; " : "") order[i] " (" seen[order[i]] " gotos)"
			printf "| %s | %s | %s | %s | %s |\n", tree, src, gotos, labels, v
		}'
done
