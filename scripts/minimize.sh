#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Minimise a corpus (afl-cmin, libFuzzer -merge=1) or a crashing input (afl-tmin, -minimize_crash).
#
# usage: scripts/minimize.sh corpus [--engine afl|libfuzzer] [--target T] OUT_DIR IN_DIR...
#        scripts/minimize.sh crash  [--engine afl|libfuzzer] [--target T] [--mutant SPEC] IN_FILE OUT_FILE
#
#   corpus  keep the inputs of IN_DIR... that together give the same coverage,
#           written to OUT_DIR (which must not exist or be empty)
#   crash   shrink IN_FILE to a smaller input that still makes an oracle fire,
#           written to OUT_FILE, then print it decoded as a scenario
#   --engine  afl (default) or libfuzzer; builds the preset it needs
#   --target  fuzz target (default fuzz_scenario)
#   --mutant  the mutant the crash was found under (CLONEFUZZ_MUTANT)
#   --bug     the catalogued bug it was found under (CLONEFUZZ_BUG)
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
usage() { sed -n '3,15p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "minimize.sh: $*" >&2; exit 2; }

mode=${1:-}
case "$mode" in
corpus|crash) shift ;;
-h|--help) usage; exit 0 ;;
*) die "first argument must be corpus or crash (see --help)" ;;
esac
engine=afl target=fuzz_scenario
while [ $# -gt 0 ]; do
	case "$1" in
	--engine) engine=${2:?}; shift ;;
	--target) target=${2:?}; shift ;;
	--mutant) export CLONEFUZZ_MUTANT="${2:?}"; shift ;;
	--bug) export CLONEFUZZ_BUG="${2:?}"; shift ;;
	-h|--help) usage; exit 0 ;;
	-*) die "unknown option '$1'" ;;
	*) break ;;
	esac
	shift
done
case "$engine" in afl|libfuzzer) ;; *) die "--engine must be afl or libfuzzer" ;; esac
[ $# -ge 2 ] || die "missing arguments (see --help)"
abspath() { case "$1" in /*) echo "$1" ;; *) echo "$root/$1" ;; esac; }

build() {
	mkdir -p build
	[ -e "build/$1/build.ninja" ] || cmake --preset "$1" >/dev/null
	cmake --build --preset "$1" >"build/$1.log" 2>&1 ||
		{ tail -20 "build/$1.log" >&2; die "building preset $1 failed"; }
}
if [ "$engine" = afl ]; then scripts/deps.sh --fuzz; preset=afl; else scripts/deps.sh; preset=libfuzzer; fi
build default
build "$preset"
bin=$root/build/$preset/$target
[ -x "$bin" ] || die "unknown target '$target' (see 'build/default/clonefuzz targets')"
export ASAN_OPTIONS=abort_on_error=1:detect_leaks=0:symbolize=0
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_QUIET=1
# afl-cmin refuses to work under /tmp unless told it may.
export AFL_ALLOW_TMP=1

if [ "$mode" = corpus ]; then
	out=$(abspath "$1")
	shift
	[ ! -e "$out" ] || [ -z "$(ls -A "$out")" ] || die "$out exists and is not empty"
	mkdir -p "$out"
	ins=
	for d in "$@"; do
		[ -d "$d" ] || die "$d: not a directory"
		ins="$ins $(abspath "$d")"
	done
	if [ "$engine" = afl ]; then
		# afl-cmin takes one input directory: gather them.
		all=$(mktemp -d "$root/build/cmin.XXXXXX")
		trap 'rm -rf "$all"' EXIT
		for d in $ins; do
			for f in "$d"/*; do
				[ -f "$f" ] && cp "$f" "$all/$(basename "$d")-$(basename "$f")"
			done
		done
		afl-cmin -i "$all" -o "$out" -- "$bin" >"$out.log" 2>&1 ||
			{ tail -20 "$out.log" >&2; die "afl-cmin failed ($out.log)"; }
	else
		# shellcheck disable=SC2086
		"$bin" -merge=1 "$out" $ins >"$out.log" 2>&1 ||
			{ tail -20 "$out.log" >&2; die "libFuzzer -merge=1 failed ($out.log)"; }
	fi
	# shellcheck disable=SC2086
	echo "minimize.sh: $(find $ins -maxdepth 1 -type f | wc -l) input(s) -> $(ls "$out" | wc -l) in $out"
	build/default/clonefuzz replay --target "$target" "$out" | sed 's/^/  /'
	exit 0
fi

in=$(abspath "$1")
out=$(abspath "$2")
[ -f "$in" ] || die "$in: no such file"
if [ "$engine" = afl ]; then
	afl-tmin -i "$in" -o "$out" -- "$bin" >"$out.log" 2>&1 ||
		{ tail -20 "$out.log" >&2; die "afl-tmin failed ($out.log)"; }
else
	"$bin" -minimize_crash=1 -runs=20000 -exact_artifact_path="$out" "$in" >"$out.log" 2>&1 || true
	[ -s "$out" ] || { tail -20 "$out.log" >&2; die "libFuzzer -minimize_crash found no smaller crash ($out.log)"; }
fi
echo "minimize.sh: $(wc -c <"$in") bytes -> $(wc -c <"$out") bytes in $out"

# Then at the scenario level, twice over: drop each line, then each key=value
# of each line, as long as an oracle still fires ('clonefuzz eval' exits 1).
cf=$root/build/default/clonefuzz
mut="${CLONEFUZZ_MUTANT:+--mutant $CLONEFUZZ_MUTANT} ${CLONEFUZZ_BUG:+--bug $CLONEFUZZ_BUG}"
fires() { "$cf" eval "$1" $mut >/dev/null 2>&1; [ $? -eq 1 ]; }
try() { if fires "$out.try"; then mv "$out.try" "$out.scn"; fi; }
"$cf" decode --target "$target" "$out" | grep -v '^#' >"$out.scn"
if fires "$out.scn"; then
	for pass in 1 2; do
		n=$(wc -l <"$out.scn")
		while [ "$n" -gt 1 ]; do
			sed "${n}d" "$out.scn" >"$out.try"
			try
			n=$((n - 1))
		done
		n=$(wc -l <"$out.scn")
		while [ "$n" -gt 1 ]; do
			for kv in $(sed -n "${n}p" "$out.scn" | cut -d' ' -f2-); do
				key=${kv%%=*}
				sed -E "${n}s/ $key=[^ ]*//" "$out.scn" >"$out.try"
				try
			done
			n=$((n - 1))
		done
		sed -E '/^(caller|world)$/d' "$out.scn" >"$out.try"
		try
	done
	rm -f "$out.try"
	echo "minimize.sh: as a scenario ($out.scn):"
	cat "$out.scn"
else
	echo "minimize.sh: decoded:"
	cat "$out.scn"
fi
if "$root/build/default/$target" "$out" >/dev/null 2>&1; then
	echo "minimize.sh: warning: the minimised input does not make an oracle fire in the standalone build" >&2
	exit 1
fi
