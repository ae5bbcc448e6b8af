#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# A long campaign on every build a user runs, both engines, from the seeds and from nothing; every finding grouped by oracle and minimised.
#
# usage: scripts/soak.sh [--time SECONDS] [--target T] [--out DIR] [--no-deps]
#
#   --time    each engine's share (default 3600): half from the seed corpus,
#             half from one empty header
#   --target  a fuzz target (default fuzz_scenario)
#   --out     where it writes (default build/soak/TARGET-DATE)
#
# AFL++: the main instance on the CmpLog build (-c 0, power schedule fast),
# a secondary on the plain build (-p explore) and one on the ASan+UBSan
# build (-p coe). libFuzzer: the ASan+UBSan build with -use_value_profile=1
# and the build without sanitizers without it, side by side. At the end
# every finding is rerun with the standalone ASan+UBSan binary, grouped by
# the first violation it reports, and the smallest of each group is
# minimised (scripts/minimize.sh crash) into OUT/findings/GROUP.scn. On the
# faithful model every finding is a false alarm of the model or an oracle:
# keep it as corpus/TARGET/regress-* and a scenario in tests/scenarios/ with
# the kernel's answer, then fix it.
# Exit status: 0 no finding, 1 findings, 2 bad usage or set-up failure.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)

budget=3600 target=fuzz_scenario out= deps=1
die() { echo "soak.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
	case "$1" in
	--time) budget=${2:?}; shift ;;
	--time=*) budget=${1#--time=} ;;
	--target) target=${2:?}; shift ;;
	--target=*) target=${1#--target=} ;;
	--out) out=${2:?}; shift ;;
	--out=*) out=${1#--out=} ;;
	--no-deps) deps= ;;
	-h|--help) sed -n '5,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown argument '$1' (see --help)" ;;
	esac
	shift
done
case "$budget" in ''|*[!0-9]*) die "--time takes whole seconds" ;; esac
[ "$budget" -ge 20 ] || die "--time: at least 20 seconds"
half=$((budget / 2))
[ -z "$deps" ] || scripts/deps.sh --fuzz

build() {
	[ -e "build/$1/build.ninja" ] || cmake --preset "$1" >/dev/null
	cmake --build --preset "$1" >"build/$1.log" 2>&1 ||
		{ tail -20 "build/$1.log" >&2; die "building preset $1 failed (build/$1.log)"; }
}
mkdir -p build
for p in default standalone afl afl-asan libfuzzer libfuzzer-nosan; do
	echo "soak.sh: building $p" >&2
	build "$p"
done
cf=$root/build/default/clonefuzz
max_len=$("$cf" targets | awk -v t="$target" '$1 == t { print $2 }')
[ -n "$max_len" ] || die "unknown target '$target' (see 'clonefuzz targets')"
[ -n "$out" ] || out=build/soak/$target-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out"
out=$(cd "$out" && pwd)
dict=$root/dictionaries/$target.dict
seeds=$root/corpus/$target
empty=$out/empty-seed
mkdir -p "$empty"
# one input for the engines to start from: a bare header (the args target: a bare call)
printf 'profile v2.6.32\nclone exit_signal=SIGCHLD\n' >"$out/empty.scn"
"$cf" encode --target "$target" "$out/empty.scn" -o "$empty/header" ||
	die "cannot encode the empty input for $target"

export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_QUIET=1
# bind to a free core, but still run where other fuzzers hold every core
export AFL_TRY_AFFINITY=1
export ASAN_OPTIONS=abort_on_error=1:detect_leaks=0:symbolize=0:allocator_may_return_null=1
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1

# afl CORPUS_NAME INPUT_DIR: three instances for $half seconds
afl() {
	d=$out/afl-$1
	mkdir -p "$d"
	pids=
	n=0
	for inst in "-M main -c 0 -p fast|afl" "-S plain -p explore|afl" "-S asan -p coe|afl-asan"; do
		opts=${inst%|*} preset=${inst#*|}
		# shellcheck disable=SC2086 # opts is a list of options
		AFL_NO_AFFINITY=$([ "$n" -ge "$(nproc)" ] && echo 1) afl-fuzz $opts -V "$half" -m none -t 1000+ \
			-i "$2" -o "$d/sync" -x "$dict" -- "$root/build/$preset/$target" \
			>"$d/afl-$n.log" 2>&1 &
		pids="$pids $!"
		n=$((n + 1))
		sleep 1
	done
	for p in $pids; do wait "$p" || true; done
	for s in "$d"/sync/*/fuzzer_stats; do
		[ -e "$s" ] || { echo "soak.sh: an afl-fuzz instance of $1 did not start ($d/afl-*.log)" >&2; continue; }
		awk -F' *: *' -v c="$1" -v n="$(basename "$(dirname "$s")")" '{ v[$1] = $2 }
			END { printf "afl %-6s %-6s execs %s  corpus %s  crashes %s  stability %s\n", c, n,
			      v["execs_done"], v["corpus_count"], v["saved_crashes"], v["stability"] }' "$s"
	done
}

# libfuzzer CORPUS_NAME INPUT_DIR: both builds side by side for $half seconds
libfuzzer() {
	d=$out/libfuzzer-$1
	mkdir -p "$d/asan-corpus" "$d/nosan-corpus" "$d/crashes"
	"$root/build/libfuzzer/$target" -use_value_profile=1 -max_total_time="$half" \
		-max_len="$max_len" -dict="$dict" -artifact_prefix="$d/crashes/asan-" \
		-print_final_stats=1 "$d/asan-corpus" "$2" >"$d/asan.log" 2>&1 &
	a=$!
	"$root/build/libfuzzer-nosan/$target" -max_total_time="$half" \
		-max_len="$max_len" -dict="$dict" -artifact_prefix="$d/crashes/nosan-" \
		-print_final_stats=1 "$d/nosan-corpus" "$2" >"$d/nosan.log" 2>&1 &
	b=$!
	wait "$a" || true
	wait "$b" || true
	for l in asan nosan; do
		echo "libfuzzer $1 $l: $(grep -a 'stat::number_of_executed_units' "$d/$l.log" | awk '{ print $2 }') executions, last: $(grep -aE '^#[0-9]+' "$d/$l.log" | tail -1)"
	done
}

echo "soak.sh: $target, ${half}s per engine and start (seeds, empty), out $out" >&2
for c in seeds empty; do
	if [ "$c" = seeds ]; then in=$seeds; else in=$empty; fi
	afl "$c" "$in"
	libfuzzer "$c" "$in"
done | tee "$out/summary"

# Findings: rerun, grouped by what fired, the smallest of each group minimised.
mkdir -p "$out/findings"
: >"$out/findings/index"
n=0
for c in "$out"/afl-*/sync/*/crashes/id:* "$out"/libfuzzer-*/crashes/*; do
	[ -f "$c" ] || continue
	n=$((n + 1))
	f=$out/findings/finding-$n
	cp "$c" "$f.bin"
	if "$root/build/standalone/$target" "$f.bin" >"$f.log" 2>&1; then
		sig="does not reproduce"
	else
		sig=$(grep -m1 'VIOLATION' "$f.log" || tail -1 "$f.log")
		sig=$(echo "$sig" | sed 's/^clonefuzz: VIOLATION //; s/ \[.*//; s/#[0-9]*//g')
	fi
	printf '%s\t%s\t%s\n' "$sig" "$(wc -c <"$f.bin")" "$f" >>"$out/findings/index"
done
if [ "$n" = 0 ]; then
	echo "soak: no findings"
	exit 0
fi
echo "soak: $n finding(s), by what fired (smallest of each minimised):"
sort -t "$(printf '\t')" -k1,1 -k2,2n "$out/findings/index" |
awk -F '\t' '$1 != last { print; last = $1 }' >"$out/findings/groups"
g=0
while IFS="$(printf '\t')" read -r sig size f; do
	g=$((g + 1))
	count=$(awk -F '\t' -v s="$sig" '$1 == s' "$out/findings/index" | wc -l)
	echo "  $count x $sig"
	if scripts/minimize.sh crash --target "$target" "$f.bin" "$out/findings/group-$g.bin" \
		>"$out/findings/group-$g.scn" 2>"$out/findings/group-$g.err"; then
		echo "        minimised: $out/findings/group-$g.scn"
	else
		echo "        not minimised ($out/findings/group-$g.err); smallest: $f.bin ($size bytes)"
	fi
done <"$out/findings/groups"
exit 1
