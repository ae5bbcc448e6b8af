#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Generate every fuzz target's seed corpus and dictionary from the scenarios and the model's tables.
#
# usage: scripts/gen-fuzz-data.sh [--check] [CLONEFUZZ]
#   CLONEFUZZ  the clonefuzz binary (default build/default/clonefuzz)
#   --check    generate into a scratch directory and fail if the committed
#              corpus/*/seed-* or dictionaries/*.dict differ
#
# Seeds come from tests/scenarios/*.scn: each whole file, and each clone by
# the caller on its own with the file's profile, caller and world lines
# (seed-NAME-L<line>), for every target whose format holds it. Identical
# inputs are kept once. Inputs named regress-* are never touched.
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
out=.
[ -z "$check" ] || out=$tmp/out

"$cf" targets | while read -r target max_len what; do
	dir=$out/corpus/$target
	mkdir -p "$dir" "$out/dictionaries"
	rm -f "$dir"/seed-*
	"$cf" dict --target "$target" >"$out/dictionaries/$target.dict"
	: >"$tmp/sums"
	for scn in tests/scenarios/*.scn; do
		name=$(basename "$scn" .scn)
		grep -E '^(profile|caller|world)([[:space:]]|$)' "$scn" >"$tmp/header" || true
		: >"$tmp/cand"
		if "$cf" encode "$scn" --target "$target" -o "$tmp/in" 2>/dev/null; then
			echo "$name $tmp/in" >"$tmp/cand"
		fi
		grep -nE '^clone3?([[:space:]]|$)' "$scn" | grep -vE '[[:space:]]task=[1-9]' |
		while IFS=: read -r line rest; do
			{ cat "$tmp/header"; printf '%s\n' "$rest"; } >"$tmp/one.scn"
			if "$cf" encode "$tmp/one.scn" --target "$target" -o "$tmp/in-$line" 2>/dev/null; then
				echo "$name-L$line $tmp/in-$line" >>"$tmp/cand"
			fi
		done
		while read -r seed file; do
			sum=$(cksum <"$file")
			if ! grep -qxF "$sum" "$tmp/sums"; then
				echo "$sum" >>"$tmp/sums"
				cp "$file" "$dir/seed-$seed"
			fi
			rm -f "$file"
		done <"$tmp/cand"
	done
	if [ -z "$check" ]; then
		echo "$target: $(ls "$dir" | grep -c '^seed-') seeds," \
		     "$(ls "$dir" | grep -c '^regress-' || true) regression inputs"
		continue
	fi
	mkdir -p "$tmp/committed/$target"
	for f in corpus/"$target"/seed-*; do
		[ ! -e "$f" ] || cp "$f" "$tmp/committed/$target/"
	done
	if ! diff "$out/dictionaries/$target.dict" "dictionaries/$target.dict" >/dev/null ||
	   ! diff -r "$dir" "$tmp/committed/$target" >/dev/null; then
		echo "$target: the committed seeds or dictionary differ from what the scenarios and tables give;" \
		     "run scripts/gen-fuzz-data.sh and commit the result" >&2
		exit 1
	fi
	echo "$target: seeds and dictionary in sync"
done
