#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Measure a fuzz target's exec/s on this machine: bare loop, libFuzzer (with and without sanitizers), AFL++.
set -eu

usage() {
	cat <<'EOF'
usage: scripts/bench.sh [--target T] [--corpus DIR] [--time S] [--passes N] [--engines LIST] [--cpu N] [--model-only] [--no-build]

Measure, in one run on this machine, how many inputs per second a fuzz target
executes from a fixed corpus (corpus/bench/T/ where it exists: realistic
inputs a campaign grew; else the seeds, corpus/T/), under each engine:

  bare             the default-preset standalone binary (cc -O2, no
                   instrumentation) looping over the corpus N times in one
                   process; it reads every input first, then runs each
                   twice and times the runs, so exec/s =
                   inputs * 2 * N / seconds, the median of five such
                   runs. This is the ceiling.
                   Also operations per second and microseconds per
                   operation, from the operations the corpus holds.
  libfuzzer-nosan  libFuzzer without sanitizers (libfuzzer-nosan preset)
  libfuzzer        libFuzzer with ASan+UBSan (libfuzzer preset)
  afl              AFL++ persistent mode, CmpLog build run with -c 0 (afl preset);
                   then, as its ceiling, afl-fuzz on an empty persistent
                   target built with the same driver, from the same inputs

libFuzzer fuzzes a scratch copy of the corpus with the target's dictionary for
-max_total_time=S; its exec/s is taken from the final stats line. AFL++ runs for
S seconds (-V S, AFL_NO_UI=1, scratch output directory); exec/s, execs and
stability are read from fuzzer_stats. Each engine is shown as a ratio to the
bare loop, and its final corpus (the inputs it grew, longer than the seeds)
is replayed in the bare loop too, with its operations per input, so that
"the engine runs R x this" compares the two on the same inputs. Other load on the machine skews every figure: the load average is
printed first.

options:
  --target T      fuzz target (default fuzz_scenario; the fuzz_ prefix may be
                  omitted); see 'build/default/clonefuzz targets'
  --corpus DIR    the inputs (default corpus/bench/T, else corpus/T)
  --time S        seconds per fuzzer run (default 20)
  --passes N      passes of the bare loop over the corpus in each of its five
                  timed runs (default: calibrated to about 0.6 s a run)
  --engines LIST  comma-separated subset of bare,libfuzzer-nosan,libfuzzer,afl
                  (default: all four)
  --cpu N         the processor every run is bound to (default 0): the
                  processors of one machine need not run at one speed, and a
                  run the scheduler moves between them mixes both
  --model-only    run every engine with CLONEFUZZ_NO_ORACLES=1: the model
                  alone, its ledger events still recorded but no oracle run.
                  Nothing can be detected; the figures, beside those of a
                  run without it, are what the oracles cost, and a bound on
                  what any oracle could reach on this machine
  --no-build      use the binaries already built; by default each preset is
                  configured if missing and its target (re)built incrementally
  -h, --help      this text

Exit status: 0 on success, 2 on bad usage, 1 if a build or a run fails.
EOF
}

die() {
	echo "bench.sh: $*" >&2
	exit 1
}

usage_error() {
	echo "bench.sh: $*" >&2
	echo "Try 'scripts/bench.sh --help'." >&2
	exit 2
}

is_uint() {
	case $1 in '' | *[!0-9]*) return 1 ;; esac
	return 0
}

target=fuzz_scenario
corpus=
secs=20
passes=
engines=bare,libfuzzer-nosan,libfuzzer,afl
cpu=0
build=1
model_only=
while [ $# -gt 0 ]; do
	case $1 in
	-h | --help)
		usage
		exit 0
		;;
	--target | --corpus | --time | --passes | --engines | --cpu)
		[ $# -ge 2 ] || usage_error "$1 needs a value"
		case $1 in
		--target) target=$2 ;;
		--corpus) corpus=$2 ;;
		--time) secs=$2 ;;
		--passes) passes=$2 ;;
		--engines) engines=$2 ;;
		--cpu) cpu=$2 ;;
		esac
		shift 2
		;;
	--target=* | --corpus=* | --time=* | --passes=* | --engines=* | --cpu=*)
		v=${1#*=}
		case $1 in
		--target=*) target=$v ;;
		--corpus=*) corpus=$v ;;
		--time=*) secs=$v ;;
		--passes=*) passes=$v ;;
		--engines=*) engines=$v ;;
		--cpu=*) cpu=$v ;;
		esac
		shift
		;;
	--no-build)
		build=
		shift
		;;
	--model-only)
		model_only=1
		shift
		;;
	*)
		usage_error "unknown argument '$1'"
		;;
	esac
done

{ is_uint "$cpu" && [ "$cpu" -lt "$(nproc)" ]; } || usage_error "--cpu must be a processor of this machine (0 to $(($(nproc) - 1))), not '$cpu'"
{ is_uint "$secs" && [ "$secs" -ge 1 ]; } || usage_error "--time must be a whole number of seconds >= 1, not '$secs'"
[ -z "$passes" ] || { is_uint "$passes" && [ "$passes" -ge 1 ]; } ||
	usage_error "--passes must be a whole number >= 1, not '$passes'"
run_bare='' run_lfn='' run_lf='' run_afl=''
old_ifs=$IFS
IFS=,
for e in $engines; do
	case $e in
	bare) run_bare=1 ;;
	libfuzzer-nosan) run_lfn=1 ;;
	libfuzzer) run_lf=1 ;;
	afl) run_afl=1 ;;
	*) IFS=$old_ifs; usage_error "unknown engine '$e' (bare, libfuzzer-nosan, libfuzzer, afl)" ;;
	esac
done
IFS=$old_ifs
[ -n "$run_bare$run_lfn$run_lf$run_afl" ] || usage_error "--engines lists no engine"

cd "$(dirname "$0")/.."
case $target in fuzz_*) ;; *) target=fuzz_$target ;; esac
[ -f "harness/fuzz/$target.c" ] || usage_error "unknown target '$target': no harness/fuzz/$target.c"
if [ -z "$corpus" ]; then
	corpus=corpus/bench/$target
	[ -d "$corpus" ] || corpus=corpus/$target
fi
[ -d "$corpus" ] || die "$corpus: no such corpus"
nseeds=$(find "$corpus" -maxdepth 1 -type f ! -name '.*' | wc -l | tr -d ' ')
[ "$nseeds" -gt 0 ] || die "$corpus: no inputs"
dict=dictionaries/$target.dict
if [ ! -f "$dict" ]; then
	echo "bench.sh: warning: no $dict; fuzzing without a dictionary" >&2
	dict=
fi

# build PRESET [EXTRA]: the preset's copy of the target (and of the EXTRA
# target, if given), configured if missing and rebuilt incrementally.
build() {
	bin=build/$1/$target
	if [ -z "$build" ]; then
		[ -x "$bin" ] || die "$bin is missing (drop --no-build to build it)"
		[ -z "${2:-}" ] || [ -x "build/$1/$2" ] || die "build/$1/$2 is missing (drop --no-build to build it)"
		return 0
	fi
	if [ ! -f "build/$1/build.ninja" ] && [ ! -f "build/$1/Makefile" ]; then
		echo "bench.sh: configuring preset $1" >&2
		cmake --preset "$1" >"$scratch/cmake-$1.log" 2>&1 ||
			{ tail -n 20 "$scratch/cmake-$1.log" >&2; die "cmake --preset $1 failed"; }
	fi
	cmake --build --preset "$1" --target "$target" ${2:+"$2"} >"$scratch/build-$1.log" 2>&1 ||
		{ tail -n 20 "$scratch/build-$1.log" >&2; die "cmake --build --preset $1 --target $target ${2:-} failed"; }
	[ -x "$bin" ] || die "$bin was not built"
}

# Scratch (the engines' corpora, AFL++'s output) goes to memory where the
# machine has it, unless TMPDIR says otherwise: an engine writes a file for
# every input it keeps, and on a disk that had many files deleted lately
# (earlier runs' scratch) creating one can take milliseconds of kernel time
# (17% of a 20 s libFuzzer run, measured with perf), which is the file
# system's cost, not the target's.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
	scratch_parent=/dev/shm
else
	scratch_parent=${TMPDIR:-/tmp}
fi
scratch=$(mktemp -d "$scratch_parent/clonefuzz-bench.XXXXXX")
keep=
cleanup() {
	if [ -n "$keep" ]; then
		echo "bench.sh: kept $scratch ($keep)" >&2
	else
		rm -rf "$scratch"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Build first, so that compiling does not load the machine while measuring.
# The CLI counts the operations a corpus holds.
build default clonefuzz
[ -z "$run_lfn" ] || build libfuzzer-nosan
[ -z "$run_lf" ] || build libfuzzer
if [ -n "$run_afl" ]; then
	command -v afl-fuzz >/dev/null 2>&1 || die "afl-fuzz not found (apt-get install afl++), or drop afl from --engines"
	build afl
fi

# The operations the corpus holds, for the per-operation figures.
ops=$(build/default/clonefuzz replay --target "$target" "$corpus" 2>/dev/null |
	sed -n 's/^operations: \([0-9]*\) .*/\1/p')
[ -n "$ops" ] || die "clonefuzz replay $corpus: no operation count"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
[ -z "$(git status --porcelain 2>/dev/null)" ] || commit="$commit (with uncommitted changes)"
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
cpus=$(nproc 2>/dev/null || echo '?')
echo "clonefuzz bench: $target, $nseeds inputs from $corpus ($ops operations, $(awk -v o="$ops" -v n="$nseeds" 'BEGIN { printf "%.1f", o / n }') per input), ${dict:-no dictionary}"
echo "commit: $commit"
echo "machine: $cpus CPU(s), load average $load at start$(uname -r | sed 's/^/, Linux /'); every run bound to CPU $cpu; scratch in $scratch_parent"
case $load in
0.[0-4]*) ;;
*) echo "warning: the machine is busy (load $load): figures will be low and noisy" ;;
esac
if [ -n "$model_only" ]; then
	# Every run below inherits it: the bare loop, both libFuzzers, afl-fuzz's target.
	CLONEFUZZ_NO_ORACLES=1
	export CLONEFUZZ_NO_ORACLES
	echo "oracles: OFF (--model-only): the model alone; nothing is checked"
else
	unset CLONEFUZZ_NO_ORACLES
	echo "oracles: every oracle on"
fi
echo

# Results: one line per engine in $scratch/results: name|exec/s|execs|seconds|note
: >"$scratch/results"
result() {
	printf '%s|%s|%s|%s|%s\n' "$1" "$2" "$3" "$4" "$5" >>"$scratch/results"
}

# --- (a) the bare model loop -------------------------------------------------------------------------
bare_run() { # dir passes
	bare_dir=$1
	np=$2
	set --
	i=0
	while [ "$i" -lt "$np" ]; do
		set -- "$@" "$bare_dir"
		i=$((i + 1))
	done
	taskset -c "$cpu" build/default/"$target" "$@" >/dev/null 2>"$scratch/bare.log" ||
		{ tail -n 20 "$scratch/bare.log" >&2; die "the bare loop failed on $bare_dir: an oracle fired"; }
	# the binary reads every input first and times the runs alone
	sed -n 's/^standalone: .* run twice in \([0-9.]*\) s.*/\1/p' "$scratch/bare.log" |
		awk '{ printf "%.0f\n", $1 * 1e9 } END { if (!NR) exit 1 }' ||
		die "the bare loop printed no time"
}

# bare_measure DIR [PASSES]: the bare loop over DIR; sets m_eps, m_execs, m_secs, m_passes, m_inputs, m_ops.
bare_measure() {
	m_inputs=$(find "$1" -maxdepth 1 -type f ! -name '.*' | wc -l)
	[ "$m_inputs" -gt 0 ] || die "no inputs in $1"
	m_ops=$(build/default/clonefuzz replay --target "$target" "$1" 2>/dev/null |
		sed -n 's/^operations: \([0-9]*\) .*/\1/p')
	[ -n "$m_ops" ] || die "clonefuzz replay $1: no operation count"
	m_passes=${2:-}
	if [ -z "$m_passes" ]; then
		# Calibrate: grow the pass count until a run takes 0.3 s, then aim for 3 s.
		p=1
		while :; do
			ns=$(bare_run "$1" "$p")
			if [ "$ns" -ge 300000000 ] || [ "$p" -ge 100000 ]; then
				break
			fi
			p=$((p * 10))
		done
		m_passes=$(awk -v p="$p" -v ns="$ns" 'BEGIN { n = int(p * 0.6e9 / (ns > 0 ? ns : 1)); if (n < 1) n = 1; if (n > 100000) n = 100000; print n }')
	fi
	# Five timed runs, the median taken: one run on this machine can take half again as long as the next.
	ns=$(for _ in 1 2 3 4 5; do bare_run "$1" "$m_passes"; done | sort -n | sed -n 3p)
	m_execs=$((m_inputs * 2 * m_passes))
	m_eps=$(awk -v e="$m_execs" -v ns="$ns" 'BEGIN { printf "%.0f", e / (ns / 1e9) }')
	m_secs=$(awk -v ns="$ns" 'BEGIN { printf "%.2f", ns / 1e9 }')
	m_note=$(awk -v o="$m_ops" -v n="$m_inputs" -v p="$m_passes" -v ns="$ns" 'BEGIN { t = o * 2 * p; printf "%.1f operations/input, %.0f operations/s, %.2f us/operation", o / n, t / (ns / 1e9), ns / 1e3 / t }')
}

# same_inputs DIR LABEL EXEC/S: the bare loop over an engine's final corpus, and the engine's share of it.
same_inputs() {
	[ -n "$run_bare" ] || return 0
	echo "bare loop over the final corpus of $2 ..." >&2
	bare_measure "$1"
	result "  bare loop, its final corpus ($m_inputs)" "$m_eps" "$m_execs" "$m_secs" \
		"$m_note; the engine runs $(awk -v e="$3" -v b="$m_eps" 'BEGIN { printf "%.2f", e / (b > 0 ? b : 1) }') x this"
}

bare_eps=
if [ -n "$run_bare" ]; then
	echo "bare loop: build/default/$target over $corpus ..." >&2
	bare_measure "$corpus" "$passes"
	bare_eps=$m_eps
	result "bare loop (default preset, $m_passes passes)" "$m_eps" "$m_execs" "$m_secs" "$m_note"
fi

# --- (b), (c) libFuzzer -------------------------------------------------------------------------------
libfuzzer_run() { # preset label
	dir=$scratch/$1
	mkdir -p "$dir/corpus" "$dir/artifacts"
	cp "$corpus"/* "$dir/corpus/"
	echo "$2: build/$1/$target -max_total_time=$secs ..." >&2
	rc=0
	# shellcheck disable=SC2086 # no dictionary: no argument
	taskset -c "$cpu" build/"$1"/"$target" -max_total_time="$secs" -print_final_stats=1 \
		${dict:+-dict="$dict"} -artifact_prefix="$dir/artifacts/" \
		"$dir/corpus" >"$dir/log" 2>&1 || rc=$?
	eps=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$dir/log" | tail -n 1 | sed -n 's/.* exec\/s: \([0-9][0-9]*\).*/\1/p')
	[ -n "$eps" ] || eps=$(sed -n 's/^stat::average_exec_per_sec:[[:space:]]*\([0-9][0-9]*\).*/\1/p' "$dir/log" | tail -n 1)
	done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$dir/log" | tail -n 1 || true)
	n=$(echo "$done_line" | sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p')
	s=$(echo "$done_line" | sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p')
	note=
	if [ "$rc" -ne 0 ]; then
		keep="libFuzzer stopped with exit $rc: see $dir/log and $dir/artifacts"
		note="stopped early (exit $rc): finding kept"
		echo "bench.sh: warning: $2 exited $rc; its log and artifacts are kept in $dir" >&2
		[ -n "$eps" ] || eps=$(grep -E '^#[0-9]+' "$dir/log" | tail -n 1 | sed -n 's/.* exec\/s: \([0-9][0-9]*\).*/\1/p')
	fi
	[ -n "$eps" ] || { tail -n 20 "$dir/log" >&2; die "$2: no exec/s in libFuzzer's output"; }
	result "$2" "$eps" "${n:--}" "${s:--}" "$note"
	[ "$rc" -ne 0 ] || same_inputs "$dir/corpus" "$2" "$eps"
}
[ -z "$run_lfn" ] || libfuzzer_run libfuzzer-nosan "libFuzzer, no sanitizers"
[ -z "$run_lf" ] || libfuzzer_run libfuzzer "libFuzzer, ASan+UBSan"

# --- (d) AFL++ persistent mode ------------------------------------------------------------------------
afl_stat() { # key file
	sed -n "s/^$1[[:space:]]*:[[:space:]]*//p" "$2" | tail -n 1
}
afl_stability=
if [ -n "$run_afl" ]; then
	dir=$scratch/afl
	mkdir -p "$dir/in"
	cp "$corpus"/* "$dir/in/"
	echo "AFL++: afl-fuzz -V $secs -c 0 -- build/afl/$target ..." >&2
	rc=0
	# -b: the processor the other engines ran on
	# shellcheck disable=SC2086
	AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
		afl-fuzz -i "$dir/in" -o "$dir/out" ${dict:+-x "$dict"} -V "$secs" -c 0 -b "$cpu" \
		-- build/afl/"$target" >"$dir/log" 2>&1 </dev/null || rc=$?
	stats=$dir/out/default/fuzzer_stats
	if [ "$rc" -ne 0 ] || [ ! -f "$stats" ]; then
		sed 's/\x1b\[[0-9;]*m//g' "$dir/log" | grep -E 'PROGRAM ABORT|Location|\[-\]' | head -n 5 >&2 || true
		keep="afl-fuzz failed: see $dir/log"
		die "afl-fuzz failed (exit $rc)"
	fi
	eps=$(afl_stat execs_per_sec "$stats")
	n=$(afl_stat execs_done "$stats")
	s=$(afl_stat run_time "$stats")
	afl_stability=$(afl_stat stability "$stats")
	cpu=$(afl_stat cpu_affinity "$stats")
	crashes=$(afl_stat saved_crashes "$stats")
	note="stability $afl_stability"
	case $cpu in
	'' | -*) note="$note, NOT bound to a CPU (all cores busy)" ;;
	*) note="$note, bound to CPU $cpu" ;;
	esac
	if [ "${crashes:-0}" != 0 ]; then
		keep="AFL++ saved $crashes crash(es): see $dir/out/default/crashes"
		note="$note, $crashes crash(es) kept"
	fi
	result "AFL++ persistent, CmpLog (-c 0)" "$(awk -v e="$eps" 'BEGIN { printf "%.0f", e }')" "$n" "$s" "$note"
	[ "${crashes:-0}" != 0 ] || same_inputs "$dir/out/default/queue" "AFL++" "$eps"

	# The ceiling: the same driver and afl-fuzz on a target that does nothing, from the same inputs.
	ceil=$scratch/afl-ceiling
	mkdir -p "$ceil"
	printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
		'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
		'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; return n == 7; }' \
		>"$ceil/empty.c"
	echo "AFL++: the same on an empty persistent target ..." >&2
	AFL_QUIET=1 afl-clang-fast -O2 -fsanitize=fuzzer "$ceil/empty.c" -o "$ceil/empty" \
		>"$ceil/build.log" 2>&1 || die "building the empty AFL++ target failed: see $ceil/build.log"
	rc=0
	AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
		afl-fuzz -i "$dir/in" -o "$ceil/out" -V "$secs" -b "$cpu" -- "$ceil/empty" \
		>"$ceil/log" 2>&1 </dev/null || rc=$?
	stats=$ceil/out/default/fuzzer_stats
	[ "$rc" -eq 0 ] && [ -f "$stats" ] || die "afl-fuzz on the empty target failed (exit $rc): see $ceil/log"
	result "  AFL++ on an empty target (the ceiling)" \
		"$(awk -v e="$(afl_stat execs_per_sec "$stats")" 'BEGIN { printf "%.0f", e }')" \
		"$(afl_stat execs_done "$stats")" "$(afl_stat run_time "$stats")" \
		"the engine runs $(awk -v e="$eps" -v c="$(afl_stat execs_per_sec "$stats")" 'BEGIN { printf "%.2f", e / (c > 0 ? c : 1) }') x this"
fi

# --- the table ----------------------------------------------------------------------------------------
echo
awk -F'|' -v bare="$bare_eps" '
BEGIN {
	printf "%-40s %12s %12s %8s %10s  %s\n", "engine", "exec/s", "execs", "seconds", "vs bare", "notes"
}
{
	ratio = "-"
	if (bare != "" && bare > 0 && $2 != "")
		ratio = ($2 >= bare) ? sprintf("%.2f", $2 / bare) : sprintf("1/%.1f", bare / ($2 > 0 ? $2 : 1))
	printf "%-40s %12s %12s %8s %10s  %s\n", $1, $2, $3, $4, ratio, $5
}' "$scratch/results"
[ -z "$afl_stability" ] || echo "AFL++ stability: $afl_stability (100% means every input took the same path on every run)"
