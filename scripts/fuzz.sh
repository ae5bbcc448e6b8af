#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Run a fuzzing campaign on one target, then summarise it and reproduce every finding.
#
# usage: scripts/fuzz.sh [--engine afl|libfuzzer] [--target T] [--time SECONDS]
#                        [--jobs N] [--out DIR] [--mutant SPEC] [--bug NAME]
#                        [--source FILE [--name NAME]] [--clonefuzz PATH] [--no-deps]
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
#   --source  fuzz a kernel's own kernel/fork.c: build its source profile
#             ('clonefuzz source FILE --build', in build/source/DIR), sweep
#             it, build the engines' targets with it and run every input on it
#   --name    the source profile's name (default src-DIR, DIR the directory
#             above kernel/)
#   --clonefuzz  the clonefuzz binary to use (default: build/default's, built first)
#   --no-deps do not install missing packages
#
# Seeds: corpus/TARGET/, dictionary: dictionaries/TARGET.dict. The committed
# corpus is never written to. Every 10 s a status line per instance: executions,
# exec/s over the last 10 s, corpus, coverage, crashes, and how long since the
# corpus last grew. At the end: executions, exec/s, the precondition checks,
# fault sites and labels the campaign's inputs reach per version, each finding
# decoded into OUT/findings/*.scn and rerun with the standalone binary, and
# OUT/report.html ('clonefuzz report OUT'). Exit status: 0 no finding,
# 1 findings, 2 bad usage or set-up failure.
set -eu
cmdline="scripts/fuzz.sh${*:+ $*}"
cd "$(dirname "$0")/.."
root=$(pwd)

engine=afl target=fuzz_scenario budget=120 jobs= out= mutant= deps=1 cf= src= name=
usage() { sed -n '3,34p' "$0" | sed 's/^# \{0,1\}//'; }
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
	--clonefuzz) cf=${2:?}; shift ;;
	--source) src=${2:?}; shift ;;
	--name) name=${2:?}; shift ;;
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

# A preset's build, in build/PRESET; for a source profile, its fuzz
# target only, in SRCDIR/PRESET with the profile built in.
bdir=$root/build
build() {
	if [ -n "$src" ] && [ "$1" != default ]; then
		[ -e "$bdir/$1/build.ninja" ] ||
			cmake --preset "$1" -B "$bdir/$1" -DCLONEFUZZ_SOURCE_PROFILE="$bdir" >"$bdir/$1.log" 2>&1 ||
			{ tail -20 "$bdir/$1.log" >&2; die "configuring preset $1 for $src failed ($bdir/$1.log)"; }
		cmake --build "$bdir/$1" --target "$target" >>"$bdir/$1.log" 2>&1 ||
			{ tail -20 "$bdir/$1.log" >&2; die "building preset $1 for $src failed ($bdir/$1.log)"; }
		return
	fi
	[ -e "build/$1/build.ninja" ] || cmake --preset "$1" >/dev/null
	cmake --build --preset "$1" >"build/$1.log" 2>&1 ||
		{ tail -20 "build/$1.log" >&2; die "building preset $1 failed (build/$1.log)"; }
}
mkdir -p build
if [ -n "$cf" ]; then
	[ -x "$cf" ] || die "--clonefuzz: $cf is not an executable"
	cf=$(cd "$(dirname "$cf")" && pwd)/$(basename "$cf")
else
	echo "fuzz.sh: building (default)" >&2
	build default
	cf=$root/build/default/clonefuzz
fi
# A kernel's own fork.c: its profile, its sweep, and every input on it.
if [ -n "$src" ]; then
	[ -r "$src" ] || die "--source: cannot read $src"
	echo "fuzz.sh: building the source profile of $src" >&2
	"$cf" source "$src" ${name:+--name "$name"} --build >build/source.log 2>&1 ||
		{ cat build/source.log >&2; die "clonefuzz source $src failed (build/source.log)"; }
	pname=$(sed -n 's/.* has the profile \(.*\)$/\1/p' build/source.log)
	bdir=$(sed -n 's/ has the profile .*$//p' build/source.log)
	bdir=$(dirname "$(dirname "$bdir")")
	cf=$bdir/build/clonefuzz
	[ -n "$pname" ] && [ -x "$cf" ] || die "clonefuzz source made no profile (build/source.log)"
	export CLONEFUZZ_PROFILE="$pname"
	echo "fuzz.sh: $pname in $bdir; its sweep:" >&2
	"$cf" sweep --profile "$pname" 2>/dev/null | head -n 4 | sed "s/^/  /" >&2 || true
elif [ -n "$name" ]; then
	die "--name goes with --source"
fi
echo "fuzz.sh: building (standalone, $engine)" >&2
build standalone
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

# What the report needs that the engines' own files do not say: OUT/campaign,
# "key : value" lines like AFL++'s fuzzer_stats.
record() { printf '%-14s: %s\n' "$1" "$2" >>"$out/campaign"; }
: >"$out/campaign"
record command "$cmdline"
record engine "$engine"
record target "$target"
record time "$budget"
record jobs "$jobs"
record mutant "$mutant"
record bug "${CLONEFUZZ_BUG:-}"
if [ -n "$src" ]; then
	record fork_c "$src"
	record profile "$CLONEFUZZ_PROFILE"
	record builds "$bdir"
fi
record started "$(date -u '+%Y-%m-%d %H:%M UTC')"
record commit "$(git -C "$root" describe --always --dirty 2>/dev/null || echo unknown)"
record seeds "$seeds"
record dictionary "$dict"
record compiler "$(clang --version 2>/dev/null | head -1)"

# Sanitizer settings the engines accept: afl-fuzz insists on abort_on_error.
export ASAN_OPTIONS=abort_on_error=1:detect_leaks=0:symbolize=0:allocator_may_return_null=1
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1

# The summary: AFL++'s final fuzzer_stats of each instance.
summary_afl() {
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

# AFL++ 4.04c rewrites fuzzer_stats once a minute and starts plot_data only
# after its first minute, but sends its numbers every second over statsd when
# asked: this listener keeps them, per instance, as rows under plot_data's
# column names in OUT/live/NAME.plot, and OUT/live/ports says where each
# instance sends. It runs until killed or this script is gone; without
# python3 there is none.
lpid=
live_listener() {
	mkdir -p "$out/live"
	command -v python3 >/dev/null || return 0
	python3 - "$out/live" "$@" <<'EOF' &
import os, select, socket, sys, time
out, names = sys.argv[1], sys.argv[2:]
cols = [("cycle_done", "cycles_done"), ("cur_item", "cur_item"), ("corpus_count", "corpus_count"),
        ("pending_total", "pending_total"), ("pending_favs", "pending_favs"),
        ("saved_crashes", "saved_crashes"), ("saved_hangs", "saved_hangs"),
        ("max_depth", "max_depth"), ("execs_per_sec", "execs_per_sec"),
        ("execs_done", "total_execs"), ("edges_found", "edges_found")]
socks, rows, seen = {}, {}, {}
t0, parent = time.time(), os.getppid()
with open(os.path.join(out, "ports.new"), "w") as ports:
    for n in names:
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind(("127.0.0.1", 0))
        socks[s], seen[n] = n, {}
        rows[n] = open(os.path.join(out, n + ".plot"), "w", buffering=1)
        rows[n].write("# relative_time, " + ", ".join(c[1] for c in cols) + "\n")
        ports.write("%s %d\n" % (n, s.getsockname()[1]))
os.rename(os.path.join(out, "ports.new"), os.path.join(out, "ports"))
while os.getppid() == parent:
    for s in select.select(list(socks), [], [], 1)[0]:
        n, m = socks[s], seen[socks[s]]
        for line in s.recv(65536).decode(errors="replace").splitlines():
            k, _, v = line.partition(":")
            m[k.replace("fuzzing.", "", 1)] = v.split("|")[0]
        if "execs_done" in m:
            rows[n].write("%.1f, %s\n" % (time.time() - t0, ", ".join(m.get(c[0], "0") for c in cols)))
EOF
	lpid=$!
	i=0
	while [ ! -e "$out/live/ports" ] && [ "$i" -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
}

# The status, every 10 s: one line per instance from what changes while it
# runs: the per-second rows (else plot_data) for executions and coverage, the
# queue and crashes directories for the corpus, the last new input, findings.
status_afl() {
	now=$(date +%s)
	for d in "$out"/sync/*; do
		[ -d "$d/queue" ] || continue
		n=$(basename "$d")
		rows=$out/live/$n.plot
		[ "$(wc -l <"$rows" 2>/dev/null || echo 0)" -gt 1 ] || rows=$d/plot_data
		newest=$(find "$d/queue" -maxdepth 1 -name 'id:*' | sort | tail -1)
		ago=$((now - $(stat -c %Y "$newest" 2>/dev/null || echo "$now")))
		[ "$ago" -ge 0 ] || ago=0
		{ cat "$rows" 2>/dev/null || true; } | awk -F', *' -v n="$n" -v ago="$ago" \
			-v corpus="$(find "$d/queue" -maxdepth 1 -name 'id:*' | wc -l)" \
			-v crashes="$(find "$d/crashes" -maxdepth 1 -name 'id:*' 2>/dev/null | wc -l)" '
			/^#/ { sub(/^# */, ""); for (i = 1; i <= NF; i++) col[$i] = i; next }
			col["total_execs"] { r++; t[r] = $col["relative_time"]; e[r] = $col["total_execs"]
					     edges = $col["edges_found"] }
			END { execs = r ? e[r] : "-"; rate = "-"
			      for (i = r - 1; i > 1 && t[r] - t[i] < 10; i--) ;
			      if (i > 0 && t[r] - t[i] >= 2) rate = sprintf("%.0f", (e[r] - e[i]) / (t[r] - t[i]))
			      printf "  %-5s execs %s  exec/s %s  corpus %s  edges %s  crashes %s  new input %ss ago\n",
				     n, execs, rate, corpus, (edges != "" ? edges : "-"), crashes, ago }' \
			2>/dev/null || true
	done
}

run_afl() {
	build afl
	build afl-asan
	record build "main: $bdir/afl/$target (afl-clang-fast, CmpLog; afl-fuzz -c 0)"
	[ "$jobs" -lt 2 ] || record build "sec1$([ "$jobs" = 2 ] || echo "..sec$((jobs - 1))"):\
 $bdir/afl-asan/$target (afl-clang-fast, ASan+UBSan)"
	record build "findings rerun: $bdir/standalone/$target (clang, ASan+UBSan, replay main)"
	record engine_version "$(afl-fuzz -h 2>&1 | head -1 | tr -d '\033' | sed 's/\[[0-9;]*m//g; s/ .*//')"
	export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
	# bind to a free core, but still run where other fuzzers hold every core
	export AFL_TRY_AFFINITY=1
	export AFL_QUIET=1
	mkdir -p "$out/sync"
	pids=
	names=main
	i=1
	while [ "$i" -lt "$jobs" ]; do names="$names sec$i"; i=$((i + 1)); done
	# shellcheck disable=SC2086
	live_listener $names
	i=0
	cores=$(nproc 2>/dev/null || echo 1)
	while [ "$i" -lt "$jobs" ]; do
		if [ "$i" = 0 ]; then
			role="-M main" bin=$bdir/afl/$target cmplog="-c 0"
		else
			role="-S sec$i" bin=$bdir/afl-asan/$target cmplog=
		fi
		# Beyond the number of cores afl-fuzz finds no free core to bind to.
		if [ "$i" -ge "$cores" ]; then aff=1; else aff=; fi
		port=$(awk -v n="${role#-? }" '$1 == n { print $2 }' "$out/live/ports" 2>/dev/null || true)
		# shellcheck disable=SC2086
		AFL_STATSD=${port:+1} AFL_STATSD_HOST=127.0.0.1 AFL_STATSD_PORT=$port \
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
	[ -z "$lpid" ] || { kill "$lpid" 2>/dev/null; wait "$lpid" 2>/dev/null || true; }
	if ! ls "$out"/sync/*/fuzzer_stats >/dev/null 2>&1; then
		tail -30 "$out/afl-0.log" >&2
		die "afl-fuzz did not start (see $out/afl-*.log)"
	fi
	execs=$(cat "$out"/sync/*/fuzzer_stats | awk -F' *: *' '$1=="execs_done"{s+=$2} END{print s+0}')
	secs=$(cat "$out"/sync/*/fuzzer_stats | awk -F' *: *' '$1=="run_time"{if($2>m)m=$2} END{print m+0}')
	echo "afl++: $jobs instance(s), $execs executions in ${secs}s"
	summary_afl
	queues=$(ls -d "$out"/sync/*/queue)
	crashes=$(ls "$out"/sync/*/crashes/id:* 2>/dev/null || true)
}

# The status, every 10 s, from libFuzzer's log: its last "#N" line (under
# -fork: "#N: cov: C ft: F corp: K exec/s E oom/timeout/crash: a/b/c time:
# Ts"), when the corpus last grew, and the crash files saved.
status_libfuzzer() {
	{ grep -aE '^#[0-9]+' "$out/libfuzzer.log" 2>/dev/null || true; } |
	awk -v now="$1" -v crashes="$(find "$out/crashes" -name 'crash-*' -o -name 'timeout-*' | wc -l)" '
		{ execs = substr($1, 2) + 0
		  for (i = 2; i < NF; i++) {
			if ($i ~ /^cov:?$/) cov = $(i + 1)
			if ($i ~ /^corp:?$/) { c = $(i + 1); sub(/\/.*/, "", c) }
			if ($i ~ /^exec\/s:?$/) eps = $(i + 1)
			if ($i == "time:") tm = $(i + 1) + 0
		  }
		  if (c != corp) { corp = c; grew = tm }
		  n++ }
		END { if (!n) { print "  libfuzzer starting"; exit }
		      printf "  libfuzzer execs %s  exec/s %s  corpus %s  cov %s  crashes %s  new input %s\n",
			     execs, eps, corp, cov, crashes, (grew != "" ? now - grew "s ago" : "-") }'
}

run_libfuzzer() {
	build libfuzzer
	record build "libfuzzer: $bdir/libfuzzer/$target (clang, libFuzzer, ASan+UBSan; -fork=$jobs)"
	record build "findings rerun: $bdir/standalone/$target (clang, ASan+UBSan, replay main)"
	record engine_version "libFuzzer of $(clang --version 2>/dev/null | head -1)"
	mkdir -p "$out/corpus" "$out/crashes"
	"$bdir/libfuzzer/$target" -fork="$jobs" -ignore_crashes=1 \
		-max_total_time="$budget" -max_len="$max_len" -dict="$dict" -artifact_prefix="$out/crashes/" \
		-print_final_stats=1 "$out/corpus" "$seeds" >"$out/libfuzzer.log" 2>&1 &
	pid=$!
	t=0
	while kill -0 "$pid" 2>/dev/null; do
		sleep 10
		t=$((t + 10))
		echo "fuzz.sh: ${t}s of ${budget}s" >&2
		status_libfuzzer "$t" >&2
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
	if "$bdir/standalone/$target" "$c" >"$f.log" 2>&1; then
		sig="does not reproduce"
	else
		sig=$(grep -m1 'VIOLATION' "$f.log" || tail -1 "$f.log")
		sig=$(echo "$sig" | sed 's/^clonefuzz: VIOLATION //; s/ \[.*//; s/#[0-9]*//g')
	fi
	printf '%s\t%s\t%s\n' "$sig" "$(wc -c <"$f.bin")" "$f" >>"$out/findings/index"
done
# The whole campaign as one page: OUT/report.html.
report() {
	if "$cf" report --target "$target" "$out"; then
		echo "report: $out/report.html (open it in a browser: xdg-open $out/report.html)"
	else
		echo "fuzz.sh: 'clonefuzz report $out' failed" >&2
	fi
}
if [ "$n" = 0 ]; then
	echo "findings: none"
	report
	exit 0
fi
echo "findings: $n input(s) in $out/findings (finding-N.bin, .scn decoded, .log rerun), by what fired:"
sort -t "$(printf '\t')" -k1,1 -k2,2n "$out/findings/index" |
awk -F '\t' '$1 != last { if (last != "") printf "  %5d x %s\n        smallest: %s.scn\n", cnt, last, ex
			   last = $1; cnt = 0; ex = $3 }
	     { cnt++ }
	     END { printf "  %5d x %s\n        smallest: %s.scn\n", cnt, last, ex }'
echo "reproduce: $bdir/standalone/$target FILE.bin${mutant:+ (with CLONEFUZZ_MUTANT=$mutant)}${src:+ (with CLONEFUZZ_PROFILE=$CLONEFUZZ_PROFILE)}; read: $cf eval FILE.scn${mutant:+ --mutant $mutant}"
report
exit 1
