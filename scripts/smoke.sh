#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Build every preset and run every fuzz target briefly under each engine and the OSS-Fuzz-style build: what users run must start and stay quiet.
#
# usage: scripts/smoke.sh [--time SECONDS] [--no-deps]
#
#   --time     each engine's campaign per target (default 20): scripts/fuzz.sh
#              from the seed corpus, AFL++ (CmpLog main and an ASan+UBSan
#              secondary) and libFuzzer (ASan+UBSan); any finding fails
#   --no-deps  do not install missing packages
#
# Besides: every CMake preset builds; the libfuzzer-nosan targets and the
# standalone and coverage binaries run over the seed corpus; and
# .clusterfuzzlite/build.sh, run as the OSS-Fuzz builder runs it (CC, CFLAGS,
# LIB_FUZZING_ENGINE, OUT), builds every target, which then runs over its
# _seed_corpus.zip with its .options. Output under build/smoke/.
# Exit status: 0 all passed, 1 a build, start-up or finding failed, 2 bad usage.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)

budget=20 deps=1
die() { echo "smoke.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
	case "$1" in
	--time) budget=${2:?}; shift ;;
	--time=*) budget=${1#--time=} ;;
	--no-deps) deps= ;;
	-h|--help) sed -n '5,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown argument '$1' (see --help)" ;;
	esac
	shift
done
case "$budget" in ''|*[!0-9]*) die "--time takes whole seconds" ;; esac
[ "$budget" -ge 5 ] || die "--time: at least 5 seconds"
[ -z "$deps" ] || scripts/deps.sh --fuzz

out=$root/build/smoke
rm -rf "$out"
mkdir -p "$out"
failed=
fail() {
	echo "smoke.sh: FAIL: $*" >&2
	failed="$failed
  $*"
}
step() { echo "smoke.sh: $*" >&2; }

targets=$(ls harness/fuzz/fuzz_*.c | sed 's|.*/||; s|\.c$||')
[ -n "$targets" ] || die "no fuzz targets in harness/fuzz/"

# Every preset builds.
presets=$(cmake --list-presets 2>/dev/null | sed -n 's/^  "\([^"]*\)".*/\1/p')
[ -n "$presets" ] || die "cmake --list-presets lists nothing"
for p in $presets; do
	step "building preset $p"
	if ! { cmake --preset "$p" && cmake --build --preset "$p"; } >"$out/build-$p.log" 2>&1; then
		tail -20 "$out/build-$p.log" >&2
		fail "preset $p does not build (build/smoke/build-$p.log)"
	fi
done

export ASAN_OPTIONS=abort_on_error=1:detect_leaks=0:symbolize=0:allocator_may_return_null=1
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1

# The binaries that replay the seeds: no engine loop, each input once (or twice).
for t in $targets; do
	for b in standalone coverage; do
		[ -x "build/$b/$t" ] || continue
		step "$b/$t over corpus/$t"
		LLVM_PROFILE_FILE=$out/$b-$t.profraw "build/$b/$t" "corpus/$t" >"$out/$b-$t.log" 2>&1 ||
			fail "build/$b/$t on corpus/$t (build/smoke/$b-$t.log)"
	done
	if [ -x "build/libfuzzer-nosan/$t" ]; then
		step "libfuzzer-nosan/$t over corpus/$t"
		"build/libfuzzer-nosan/$t" -runs=0 "corpus/$t" >"$out/nosan-$t.log" 2>&1 ||
			fail "build/libfuzzer-nosan/$t -runs=0 corpus/$t (build/smoke/nosan-$t.log)"
	fi
done

# A short campaign per engine and target: it must start, run and find nothing.
for engine in afl libfuzzer; do
	for t in $targets; do
		step "$engine campaign on $t for ${budget}s"
		if scripts/fuzz.sh --no-deps --engine "$engine" --target "$t" --time "$budget" \
			--out "$out/$engine-$t" >"$out/$engine-$t.log" 2>&1; then
			grep -E '^(afl\+\+|libfuzzer):|^exec/s' "$out/$engine-$t.log" | sed 's/^/  /' >&2
		else
			tail -15 "$out/$engine-$t.log" >&2
			fail "$engine on $t: findings or no start (build/smoke/$engine-$t.log)"
		fi
	done
done

# The OSS-Fuzz/ClusterFuzzLite build, as its builder runs it, then each target over its seeds.
step "ClusterFuzzLite build"
cfl=$out/clusterfuzzlite
if CC=clang CFLAGS="-O1 -fno-omit-frame-pointer -gline-tables-only -fsanitize=address,undefined,fuzzer-no-link" \
	LIB_FUZZING_ENGINE=-fsanitize=fuzzer OUT=$cfl/out WORK=$cfl/work \
	.clusterfuzzlite/build.sh >"$out/clusterfuzzlite.log" 2>&1; then
	for t in $targets; do
		mkdir -p "$cfl/seeds-$t"
		python3 -m zipfile -e "$cfl/out/${t}_seed_corpus.zip" "$cfl/seeds-$t" ||
			{ fail "$t: cannot unpack ${t}_seed_corpus.zip"; continue; }
		dict=$(sed -n 's/^dict = //p' "$cfl/out/$t.options")
		max=$(sed -n 's/^max_len = //p' "$cfl/out/$t.options")
		step "ClusterFuzzLite $t over its seed corpus"
		(cd "$cfl/out" && "./$t" -runs=0 ${dict:+-dict=$dict} ${max:+-max_len=$max} "$cfl/seeds-$t") \
			>"$out/clusterfuzzlite-$t.log" 2>&1 ||
			fail "ClusterFuzzLite $t on its seed corpus (build/smoke/clusterfuzzlite-$t.log)"
	done
else
	tail -15 "$out/clusterfuzzlite.log" >&2
	fail ".clusterfuzzlite/build.sh (build/smoke/clusterfuzzlite.log)"
fi

if [ -n "$failed" ]; then
	echo "smoke: failed:$failed"
	exit 1
fi
echo "smoke: every preset builds; every target starts and finds nothing under afl, libfuzzer and the ClusterFuzzLite build"
