#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Run a fuzzing campaign on one target, then summarise it and reproduce every finding.
#
# usage: scripts/fuzz.sh [--engine afl|libfuzzer] [--target T] [--time SECONDS]
#                        [--jobs N] [--out DIR] [--mutant SPEC] [--bug NAME] [--no-deps]
#
#   --engine  afl (default): a main instance on the CmpLog build and
#             secondaries on the ASan+UBSan build, one per core;
#             libfuzzer: -fork=N jobs under ASan+UBSan
#   --target  a fuzz target (default fuzz_scenario; 'clonefuzz targets')
#   --time    the campaign's time budget in seconds (default 120)
#   --jobs    fuzzer instances (default: the number of cores)
#   --out     where the campaign writes (default build/campaigns/ENGINE-TARGET-DATE)
#   --mutant  break the model on purpose, e.g. drop:bad_fork_cleanup_fs:fs_struct:
#             the campaign must then find it
#   --bug     switch a catalogued bug into the model ('clonefuzz bugs')
#   --no-deps do not install missing packages
#
# Seeds: corpus/TARGET/, dictionary: dictionaries/TARGET.dict. The committed
# corpus is never written to. At the end: executions, exec/s, the precondition
# checks, fault sites and labels the campaign's inputs reach per version, and
# each finding decoded into OUT/findings/*.scn and rerun with the standalone
# binary. Exit status: 0 no finding, 1 findings, 2 bad usage or set-up failure.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)

engine=afl target=fuzz_scenario budget=120 jobs= out= mutant= deps=1
usage() { sed -n '3,24p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "fuzz.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
	case "$1" in
	--engine) engine=${2:?}; shift ;;
	--target) target=${2:?}; shift ;;
	--time) budget=${2:?}; shift ;;
	--jobs) jobs=${2:?}; shift ;;
	--out) out=${2:?}; shift ;;
	--mutant) mutant=${2:?}; shift ;;
	--bug) export CLONEFUZZ_BUG="${2:?}"; shift ;;
	--no-deps) deps= ;;
	-h|--help) usage; exit 0 ;;
	*) die "unknown argument '$1' (see --help)" ;;
	esac
	shift
done
case "$engine" in afl|libfuzzer) ;; *) die "--engine must be afl or libfuzzer" ;; esac
case "$budget" in ''|*[!0-9]*) die "--time takes whole seconds" ;; esac
[ "$budget" -ge 5 ] || die "--time: at least 5 seconds"
[ -n "$jobs" ] || jobs=$(nproc 2>/dev/null || echo 1)
case "$jobs" in ''|*[!0-9]*|0) die "--jobs takes a positive number" ;; esac

if [ -n "$deps" ]; then
	if [ "$engine" = afl ]; then scripts/deps.sh --fuzz; else scripts/deps.sh; fi
fi

build() {
	[ -e "build/$1/build.ninja" ] || cmake --preset "$1" >/dev/null
	cmake --build --preset "$1" >"build/$1.log" 2>&1 ||
		{ tail -20 "build/$1.log" >&2; die "building preset $1 failed (build/$1.log)"; }
}
mkdir -p build
echo "fuzz.sh: building (default, standalone, $engine)" >&2
build default
build standalone
cf=$root/build/default/clonefuzz
max_len=$("$cf" targets | awk -v t="$target" '$1 == t { print $2 }')
[ -n "$max_len" ] || die "unknown target '$target' (see 'clonefuzz targets')"
if [ -n "$mutant" ]; then
	"$cf" replay --mutant "$mutant" /dev/null >/dev/null 2>&1 ||
		[ $? -ne 2 ] || die "bad --mutant '$mutant'"
	export CLONEFUZZ_MUTANT="$mutant"
fi
[ -n "$out" ] || out=build/campaigns/$engine-$target-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out"
out=$(cd "$out" && pwd)
seeds=$root/corpus/$target
dict=$root/dictionaries/$target.dict

# Sanitizer settings the engines accept: afl-fuzz insists on abort_on_error.
export ASAN_OPTIONS=abort_on_error=1:detect_leaks=0:symbolize=0:allocator_may_return_null=1
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1

status_afl() {
	for s in "$out"/sync/*/fuzzer_stats; do
		[ -e "$s" ] || continue
		# exec/s over the whole run: afl-fuzz's own execs_per_sec is
		# taken over the last moments, absurd right after the dry run
		awk -F' *: *' -v n="$(basename "$(dirname "$s")")" '
			{ v[$1] = $2 }
			END { r = v["run_time"] + 0
			      printf "  %-5s execs %s  exec/s %s  corpus %s  crashes %s  stability %s\n",
			      n, v["execs_done"], (r > 0 ? sprintf("%.0f", v["execs_done"] / r) : "-"), v["corpus_count"],
			      v["saved_crashes"] != "" ? v["saved_crashes"] : v["unique_crashes"], v["stability"] }' "$s"
	done
}

run_afl() {
	build afl
	build afl-asan
	export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
	# bind to a free core, but still run where other fuzzers hold every core
	export AFL_TRY_AFFINITY=1
	export AFL_QUIET=1
	mkdir -p "$out/sync"
	pids=
	i=0
	cores=$(nproc 2>/dev/null || echo 1)
	while [ "$i" -lt "$jobs" ]; do
		if [ "$i" = 0 ]; then
			role="-M main" bin=$root/build/afl/$target cmplog="-c 0"
		else
			role="-S sec$i" bin=$root/build/afl-asan/$target cmplog=
		fi
		# Beyond the number of cores afl-fuzz finds no free core to bind to.
		if [ "$i" -ge "$cores" ]; then aff=1; else aff=; fi
		# shellcheck disable=SC2086
		AFL_NO_AFFINITY=$aff afl-fuzz $role $cmplog -V "$budget" -m none -t 1000+ \
			-i "$seeds" -o "$out/sync" -x "$dict" -- "$bin" \
			>"$out/afl-$i.log" 2>&1 &
		pids="$pids $!"
		i=$((i + 1))
		sleep 1
	done
	t=0
	while :; do
		alive=
		for p in $pids; do kill -0 "$p" 2>/dev/null && alive=1; done
		[ -n "$alive" ] || break
		sleep 10
		t=$((t + 10))
		echo "fuzz.sh: ${t}s of ${budget}s" >&2
		status_afl >&2
	done
	for p in $pids; do wait "$p" || true; done
	if ! ls "$out"/sync/*/fuzzer_stats >/dev/null 2>&1; then
		tail -30 "$out/afl-0.log" >&2
		die "afl-fuzz did not start (see $out/afl-*.log)"
	fi
	execs=$(cat "$out"/sync/*/fuzzer_stats | awk -F' *: *' '$1=="execs_done"{s+=$2} END{print s+0}')
	secs=$(cat "$out"/sync/*/fuzzer_stats | awk -F' *: *' '$1=="run_time"{if($2>m)m=$2} END{print m+0}')
	echo "afl++: $jobs instance(s), $execs executions in ${secs}s"
	status_afl
	queues=$(ls -d "$out"/sync/*/queue)
	crashes=$(ls "$out"/sync/*/crashes/id:* 2>/dev/null || true)
}

run_libfuzzer() {
	build libfuzzer
	mkdir -p "$out/corpus" "$out/crashes"
	"$root/build/libfuzzer/$target" -fork="$jobs" -ignore_crashes=1 \
		-max_total_time="$budget" -max_len="$max_len" -dict="$dict" -artifact_prefix="$out/crashes/" \
		-print_final_stats=1 "$out/corpus" "$seeds" >"$out/libfuzzer.log" 2>&1 &
	pid=$!
	t=0
	while kill -0 "$pid" 2>/dev/null; do
		sleep 10
		t=$((t + 10))
		line=$(grep -aE '^#[0-9]+' "$out/libfuzzer.log" | tail -1 || true)
		echo "fuzz.sh: ${t}s of ${budget}s: ${line:-starting}" >&2
	done
	wait "$pid" || true
	line=$(grep -aE '^#[0-9]+' "$out/libfuzzer.log" | tail -1 || true)
	[ -n "$line" ] || { tail -30 "$out/libfuzzer.log" >&2; die "libFuzzer did not run (see $out/libfuzzer.log)"; }
	execs=$(echo "$line" | sed 's/^#\([0-9]*\).*/\1/')
	echo "libfuzzer: $jobs job(s), $execs executions in about ${budget}s; last status: $line"
	# fork mode keeps only what its jobs add: the seeds count too
	queues="$out/corpus $seeds"
	crashes=$(ls "$out"/crashes/crash-* "$out"/crashes/timeout-* 2>/dev/null || true)
}

echo "fuzz.sh: $engine campaign on $target for ${budget}s, $jobs instance(s), out $out${mutant:+, mutant $mutant}" >&2
run_$engine

echo "exec/s: $(awk -v e="$execs" -v s="${secs:-$budget}" 'BEGIN { printf "%.0f", (s > 0 ? e / s : 0) }') overall"
echo "reached by the campaign's inputs (checks, sites, labels of each version):"
# shellcheck disable=SC2086
"$cf" replay --target "$target" $queues | sed 's/^/  /' | grep -v ': the second run differs' || true

# Findings: each decoded and rerun standalone, then grouped by what fired
# (the first violation, object ids and operation numbers aside).
n=0
mkdir -p "$out/findings"
: >"$out/findings/index"
for c in $crashes; do
	n=$((n + 1))
	f=$out/findings/finding-$n
	cp "$c" "$f.bin"
	"$cf" decode --target "$target" "$c" >"$f.scn" 2>&1 || true
	if "$root/build/standalone/$target" "$c" >"$f.log" 2>&1; then
		sig="does not reproduce"
	else
		sig=$(grep -m1 'VIOLATION' "$f.log" || tail -1 "$f.log")
		sig=$(echo "$sig" | sed 's/^clonefuzz: VIOLATION //; s/ \[.*//; s/#[0-9]*//g')
	fi
	printf '%s\t%s\t%s\n' "$sig" "$(wc -c <"$f.bin")" "$f" >>"$out/findings/index"
done
if [ "$n" = 0 ]; then
	echo "findings: none"
	exit 0
fi
echo "findings: $n input(s) in $out/findings (finding-N.bin, .scn decoded, .log rerun), by what fired:"
sort -t "$(printf '\t')" -k1,1 -k2,2n "$out/findings/index" |
awk -F '\t' '$1 != last { if (last != "") printf "  %5d x %s\n        smallest: %s.scn\n", cnt, last, ex
			   last = $1; cnt = 0; ex = $3 }
	     { cnt++ }
	     END { printf "  %5d x %s\n        smallest: %s.scn\n", cnt, last, ex }'
echo "reproduce: build/standalone/$target FILE.bin${mutant:+ (with CLONEFUZZ_MUTANT=$mutant)}; read: build/default/clonefuzz eval FILE.scn${mutant:+ --mutant $mutant}"
exit 1
