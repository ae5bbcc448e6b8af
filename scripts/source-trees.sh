#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Build each kernel tree's kernel/fork.c as a source profile, sweep it, and print one Markdown row per tree.
#
# usage: scripts/source-trees.sh [--clonefuzz PATH] [--against P] [--out DIR] [DIR...]
#   DIR        a kernel tree, or any directory holding kernel/fork.c (and a
#              SOURCE file saying where it came from); default build/kernels/*
#   --against  also compare each profile's sweep with profile P's, scenario
#              by scenario (clonefuzz sweep --against), e.g. v6.18
#   --out      where the profiles are built (default build/source/TREE)
#   --skip-missing  leave out each DIR that is not there; exit 77 if none is
# Exit status: 0 every tree built and swept clean (known defects aside),
# 1 a tree did not build or its sweep found a violation, 2 bad usage or no
# tree at all (77 with --skip-missing, for ctest).
set -eu
cf=build/default/clonefuzz against= outdir= skip=
while [ $# -gt 0 ]; do
	case "$1" in
	--clonefuzz) cf=$2; shift 2 ;;
	--against) against=$2; shift 2 ;;
	--out) outdir=$2; shift 2 ;;
	--skip-missing) skip=1; shift ;;
	-h|--help) sed -n '3,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	-*) echo "source-trees.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
	*) break ;;
	esac
done
[ -x "$cf" ] || { echo "source-trees.sh: no $cf (build first)" >&2; exit 2; }
[ $# -gt 0 ] || set -- build/kernels/*
for d in "$@"; do
	shift
	if [ -f "$d/kernel/fork.c" ] || [ -z "$skip" ]; then set -- "$@" "$d"; fi
done
if [ $# -eq 0 ]; then
	echo "source-trees.sh: no kernel trees (scripts/debian-kernels.sh fetches some into build/kernels)" >&2
	[ -n "$skip" ] && exit 77
	exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad=0
echo "| tree | source | scenarios | violations | known defects |${against:+ against $against |}"
echo "|---|---|---|---|---|${against:+---|}"
for d in "$@"; do
	f=$d/kernel/fork.c
	tree=$(basename "$d")
	src=$(head -n 1 "$d/SOURCE" 2>/dev/null | sed 's/|/\\|/g' || true)
	out=${outdir:+$outdir/$tree}
	if ! "$cf" source "$f" ${out:+--out "$out"} --build >"$tmp/source" 2>&1; then
		why=$(sed -n 's/^\([0-9]*\) names the file needs.*/\1 missing names/p' "$tmp/source")
		echo "| $tree | $src | does not build: ${why:-see above} | | |${against:+ |}"
		sed 's/^/    /' "$tmp/source" | head -n 12 >&2
		bad=1
		continue
	fi
	p=$(sed -n 's/.* has the profile \(.*\)$/\1/p' "$tmp/source")
	bin=$(sed -n 's/ has the profile .*$//p' "$tmp/source")
	rc=0
	"$bin" sweep --profile "$p" >"$tmp/sweep" 2>/dev/null || rc=$?
	[ "$rc" = 0 ] || bad=1
	# "P N single-call scenarios in T s, V with violations, K with known defects"
	row=$(awk 'NR == 1 { print $2 " | " $8 " | " $11 }' "$tmp/sweep")
	diff=
	if [ -n "$against" ]; then
		"$bin" sweep --profile "$p" --against "$against" >"$tmp/diff" 2>/dev/null || true
		diff=$(awk '/ scenarios both ran, / { print $1 " compared, " $5 " differ"; exit }' "$tmp/diff")
		diff="$diff$(awk '/^ +[0-9]+ scenarios only the/ { printf "; %s only in %s", $1, ($5 == "first" ? "the tree" : "'"$against"'") }' "$tmp/diff") |"
	fi
	echo "| $tree | $src | $row |${diff:+ $diff}"
	[ "$rc" = 0 ] || sed -n '2,4p' "$tmp/sweep" >&2
done
exit $bad
