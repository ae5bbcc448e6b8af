#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Detection benchmark: per seeded bug and engine, N fuzzing trials; time to reach, trigger and detect each bug.
#
# usage: scripts/detect-bench.sh [--bugs LIST] [--engines afl,libfuzzer] [--trials N]
#                                [--time SECONDS] [--corpus seeds|empty|both] [--jobs N]
#                                [--out DIR] [--save PREFIX] [--no-deps]
#
#   --bugs     comma-separated bug names (default: every bug; 'clonefuzz bugs')
#   --engines  afl and/or libfuzzer (default both)
#   --trials   independent trials per bug, engine and corpus (default 3)
#   --time     each trial's budget in seconds (default 30)
#   --corpus   start from the seed corpus, from an empty one, or both (default seeds)
#   --jobs     trials run at once (default: the number of cores)
#   --out      results directory (default build/detect); results.tsv, report.md, plot.svg
#   --save     also keep results.tsv and plot.svg as PREFIX.tsv and PREFIX.svg (for
#              the committed ones: docs/detection-seeds, docs/detection-empty); the
#              plot is redrawn from its TSV without a rerun by
#              /usr/bin/python3 scripts/detect_stats.py PREFIX.tsv REPORT.md PREFIX.svg
#   PYTHON     (environment) the interpreter for detect_stats.py, one with
#              matplotlib (default /usr/bin/python3, Debian's python3-matplotlib)
#
# Each trial fuzzes fuzz_scenario with CLONEFUZZ_BUG set; the target writes
# canaries (CLONEFUZZ_CANARY_DIR) the first time the bug's code is reached,
# the first input on which the bug changes what the model does (triggered),
# and the first detection. An oracle that fires on the faithful model too is
# a false alarm (a harness or model bug), not a detection: the trial stops
# there, is censored there, its input is kept, and the script exits 1.
# Trials that never detect are censored at the budget.
# scripts/detect_stats.py turns results.tsv into a Markdown table (median,
# and Kaplan-Meier restricted mean with a 95% interval) and an SVG drawn with
# matplotlib: the Kaplan-Meier curves and the detections per bug.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
bugs= engines=afl,libfuzzer trials=3 budget=30 corpus=seeds jobs= out=build/detect deps=1 save=
die() { echo "detect-bench.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
	case "$1" in
	--bugs) bugs=${2:?}; shift ;;
	--engines) engines=${2:?}; shift ;;
	--trials) trials=${2:?}; shift ;;
	--time) budget=${2:?}; shift ;;
	--corpus) corpus=${2:?}; shift ;;
	--jobs) jobs=${2:?}; shift ;;
	--out) out=${2:?}; shift ;;
	--save) save=${2:?}; shift ;;
	--no-deps) deps= ;;
	-h|--help) sed -n '3,32p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown argument '$1' (see --help)" ;;
	esac
	shift
done
case "$corpus" in seeds|empty|both) ;; *) die "--corpus takes seeds, empty or both" ;; esac
case "$trials$budget" in *[!0-9]*) die "--trials and --time take whole numbers" ;; esac
[ -z "$save" ] || [ -d "$(dirname "$save")" ] || die "--save: no directory $(dirname "$save")"
[ -n "$jobs" ] || jobs=$(nproc 2>/dev/null || echo 1)
[ -z "$deps" ] || scripts/deps.sh --fuzz
build() {
	[ -e "build/$1/build.ninja" ] || cmake --preset "$1" >/dev/null
	cmake --build --preset "$1" >"build/$1.log" 2>&1 || die "building $1 failed (build/$1.log)"
}
build default
case "$engines" in *afl*) build afl ;; esac
case "$engines" in *libfuzzer*) build libfuzzer ;; esac
cf=$root/build/default/clonefuzz
[ -n "$bugs" ] || bugs=$("$cf" bugs | awk '{print $1}' | paste -sd, -)
mkdir -p "$out"
out=$(cd "$out" && pwd)
seeds=$root/corpus/fuzz_scenario
dict=$root/dictionaries/fuzz_scenario.dict
empty=$out/empty-seed
mkdir -p "$empty"
# an empty corpus still needs one input for afl-fuzz: a bare header of v2.6.32
"$cf" encode /dev/stdin -o "$empty/header" <<EOT
profile v2.6.32
EOT
export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_QUIET=1
export ASAN_OPTIONS=abort_on_error=1:detect_leaks=0:symbolize=0
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1

# reap DIR: kill what is left of a trial whose canaries go to DIR. afl-fuzz
# puts its fork server in a session of its own, and the persistent-mode
# child it leaves stopped outlives both; the environment tells them apart.
reap() {
	for e in /proc/[0-9]*/environ; do
		if tr '\0' '\n' 2>/dev/null <"$e" | grep -qx "CLONEFUZZ_CANARY_DIR=$1"; then
			p=${e#/proc/}
			kill -KILL "${p%/environ}" 2>/dev/null || true
		fi
	done
}

# trial BUG ENGINE CORPUS N: one run, one line of results.tsv
trial() {
	t=$out/trials/$1-$2-$3-$4
	rm -rf "$t"
	mkdir -p "$t/canary" "$t/work"
	if [ "$3" = seeds ]; then in=$seeds; else in=$empty; fi
	start=$(date +%s.%N)
	if [ "$2" = afl ]; then
		# its own session, killed whole when it ends; reap then takes what
		# left that session (the fork server's and its stopped child)
		CLONEFUZZ_BUG=$1 CLONEFUZZ_CANARY_DIR=$t/canary AFL_NO_AFFINITY=1 AFL_BENCH_UNTIL_CRASH=1 \
			setsid afl-fuzz -V "$budget" -c 0 -m none -t 1000+ -i "$in" -o "$t/work" -x "$dict" \
			-- "$root/build/afl/fuzz_scenario" >"$t/log" 2>&1 &
		afl=$!
		wait "$afl" || true
		kill -KILL -- "-$afl" 2>/dev/null || true
		reap "$t/canary"
	else
		cp "$in"/* "$t/work/" 2>/dev/null || true
		CLONEFUZZ_BUG=$1 CLONEFUZZ_CANARY_DIR=$t/canary \
			timeout $((budget + 30)) "$root/build/libfuzzer/fuzz_scenario" \
			-max_total_time="$budget" -dict="$dict" -max_len=1600 \
			-artifact_prefix="$t/" "$t/work" >"$t/log" 2>&1 || true
	fi
	line="$1	$2	$3	$4	$budget"
	for c in reached triggered detected false_alarm; do
		if [ -s "$t/canary/$c" ]; then
			line="$line	$(awk -v s="$start" '{ d = $1 - s; printf "%.2f", d < 0 ? 0 : d }' "$t/canary/$c")"
		else
			line="$line	-1"
		fi
	done
	echo "$line" >>"$out/results.tsv"
	# a false alarm is a harness or model bug: keep its input (libFuzzer's is $t/crash-*)
	if [ -s "$t/canary/false_alarm" ] && [ -d "$t/work/default/crashes" ]; then
		cp "$t/work/default/crashes"/id* "$t/" 2>/dev/null || true
	fi
	rm -rf "$t/work"
}

printf 'bug\tengine\tcorpus\ttrial\tbudget\treached\ttriggered\tdetected\tfalse_alarm\n' >"$out/results.tsv"
running=0
n=0
for bug in $(echo "$bugs" | tr , ' '); do
	for engine in $(echo "$engines" | tr , ' '); do
		for c in seeds empty; do
			[ "$corpus" = both ] || [ "$corpus" = "$c" ] || continue
			i=1
			while [ "$i" -le "$trials" ]; do
				trial "$bug" "$engine" "$c" "$i" &
				running=$((running + 1))
				n=$((n + 1))
				if [ "$running" -ge "$jobs" ]; then
					wait
					running=0
					echo "detect-bench.sh: $n trials done" >&2
				fi
				i=$((i + 1))
			done
		done
	done
done
wait
[ -z "$save" ] || cp "$out/results.tsv" "$save.tsv"
"${PYTHON:-/usr/bin/python3}" scripts/detect_stats.py "$out/results.tsv" "$out/report.md" "$out/plot.svg"
echo "detect-bench.sh: $out/report.md, $out/plot.svg" >&2
if [ -n "$save" ]; then
	cp "$out/plot.svg" "$save.svg"
	echo "detect-bench.sh: kept $save.tsv and $save.svg" >&2
fi
alarms=$(awk -F '\t' 'NR > 1 && $9 >= 0' "$out/results.tsv" | wc -l)
if [ "$alarms" -gt 0 ]; then
	echo "detect-bench.sh: $alarms trial(s) ended on a false alarm (an oracle firing on the faithful model); inputs in $out/trials/*/" >&2
	exit 1
fi
