#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Source-based coverage of model/ and harness/ from fuzz inputs: llvm-cov summary and an HTML report.
set -eu

usage() {
	cat <<'EOF'
usage: scripts/coverage.sh [--target T] [-o DIR] [--lcov FILE] [--no-build] [PATH...]

Build the 'coverage' preset (clang -fprofile-instr-generate -fcoverage-mapping,
standalone mains), replay fuzz inputs through the coverage-instrumented
build/coverage/fuzz_* binaries, merge the profiles with llvm-profdata, print
the 'llvm-cov report' summary of the model/ and harness/ sources and write an
HTML report (llvm-cov show -format=html) to DIR/index.html.

Without PATHs, every target's committed corpus (corpus/fuzz_<name>/) is
replayed through that target. A PATH is a file or a directory (its files, not
its subdirectories, and no dot files, as the standalone main reads them); it is
replayed through --target T, or else through the target its path names
(e.g. out/fuzz_args/default/queue goes through fuzz_args).

Each input runs in its own process, so an input that makes an oracle fire
(the target aborts) is reported and kept out of the profile; the rest still
count.

options:
  --target T    replay every PATH through fuzz target T (the fuzz_ prefix may
                be omitted); without PATHs, replay only T's corpus
  -o DIR        HTML report directory (default build/coverage/html)
  --lcov FILE   also export the coverage as an lcov tracefile
  --no-build    use the coverage binaries already built
  -h, --help    this text

The merged profile is kept as build/coverage/clonefuzz.profdata.
Exit status: 0 on success (even if inputs crashed), 2 on bad usage, 1 on a
failed build or tool, or when no input ran cleanly.
EOF
}

die() {
	echo "coverage.sh: $*" >&2
	exit 1
}

usage_error() {
	echo "coverage.sh: $*" >&2
	echo "Try 'scripts/coverage.sh --help'." >&2
	exit 2
}

target=
outdir=
lcov=
build=1
npaths=0
# PATHs are kept NUL-free in a newline-separated list; paths with newlines are refused.
paths=
nl='
'
while [ $# -gt 0 ]; do
	case $1 in
	-h | --help)
		usage
		exit 0
		;;
	--target | -o | --lcov)
		if [ $# -lt 2 ] || [ -z "$2" ]; then usage_error "$1 needs a value"; fi
		case $1 in
		--target) target=$2 ;;
		-o) outdir=$2 ;;
		--lcov) lcov=$2 ;;
		esac
		shift 2
		;;
	--target=*) target=${1#*=}; shift ;;
	--lcov=*) lcov=${1#*=}; shift ;;
	--no-build) build=; shift ;;
	--)
		shift
		break
		;;
	-?*) usage_error "unknown option '$1'" ;;
	*) break ;;
	esac
done

# Resolve user paths before changing directory.
abspath() {
	case $1 in
	/*) echo "$1" ;;
	*) echo "$PWD/$1" ;;
	esac
}
for p in "$@"; do
	case $p in *"$nl"*) usage_error "paths with newlines are not supported" ;; esac
	[ -e "$p" ] || usage_error "$p: no such file or directory"
	paths=$paths$(abspath "$p")$nl
	npaths=$((npaths + 1))
done
[ -z "$outdir" ] || outdir=$(abspath "$outdir")
[ -z "$lcov" ] || lcov=$(abspath "$lcov")

cd "$(dirname "$0")/.."
root=$PWD
: "${outdir:=$root/build/coverage/html}"

targets=
for f in harness/fuzz/fuzz_*.c; do
	[ -f "$f" ] || continue
	t=${f#harness/fuzz/}
	targets="$targets ${t%.c}"
done
[ -n "$targets" ] || die "no harness/fuzz/fuzz_*.c"
if [ -n "$target" ]; then
	case $target in fuzz_*) ;; *) target=fuzz_$target ;; esac
	[ -f "harness/fuzz/$target.c" ] || usage_error "unknown target '$target': no harness/fuzz/$target.c"
fi

# The target a path names: a path component equal to a target's name.
target_of() {
	for t in $targets; do
		case /$1/ in */"$t"/*) echo "$t"; return 0 ;; esac
	done
	return 1
}

# The work list: lines "TARGET PATH".
work=
if [ "$npaths" -eq 0 ]; then
	for t in ${target:-$targets}; do
		[ -d "corpus/$t" ] || die "corpus/$t: no corpus for $t"
		work="$work$t $root/corpus/$t$nl"
	done
else
	while IFS= read -r p; do
		[ -n "$p" ] || continue
		t=$target
		[ -n "$t" ] || t=$(target_of "$p") ||
			usage_error "$p: cannot tell which target it is for; use --target T"
		work="$work$t $p$nl"
	done <<EOF
$paths
EOF
fi

# llvm tools matching the compiler's major version.
major=$(clang -dumpversion 2>/dev/null | cut -d. -f1 || true)
tool() {
	if [ -n "$major" ] && command -v "$1-$major" >/dev/null 2>&1; then
		echo "$1-$major"
	elif command -v "$1" >/dev/null 2>&1; then
		echo "$1"
	else
		die "$1 not found (apt-get install llvm)"
	fi
}
profdata=$(tool llvm-profdata)
llvmcov=$(tool llvm-cov)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/clonefuzz-coverage.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
trap 'exit 130' INT TERM

if [ -n "$build" ]; then
	if [ ! -f build/coverage/build.ninja ] && [ ! -f build/coverage/Makefile ]; then
		echo "coverage.sh: configuring preset coverage" >&2
		cmake --preset coverage >"$scratch/cmake.log" 2>&1 ||
			{ tail -n 20 "$scratch/cmake.log" >&2; die "cmake --preset coverage failed"; }
	fi
	echo "coverage.sh: building preset coverage" >&2
	cmake --build --preset coverage >"$scratch/build.log" 2>&1 ||
		{ tail -n 20 "$scratch/build.log" >&2; die "cmake --build --preset coverage failed"; }
fi

# Replay: one process per input, one .profraw each; a crash's profile is dropped.
mkdir "$scratch/raw"
n=0
: >"$scratch/crashed"
: >"$scratch/used"
while read -r t p; do
	[ -n "$t" ] || continue
	bin=build/coverage/$t
	[ -x "$bin" ] || die "$bin is missing (drop --no-build, or build the coverage preset)"
	echo "$t" >>"$scratch/used"
	if [ -d "$p" ]; then
		find "$p" -maxdepth 1 -type f ! -name '.*' | LC_ALL=C sort >"$scratch/files"
	else
		echo "$p" >"$scratch/files"
	fi
	cnt=0
	bad=0
	while IFS= read -r f; do
		n=$((n + 1))
		cnt=$((cnt + 1))
		raw=$scratch/raw/$n.profraw
		if LLVM_PROFILE_FILE=$raw "$bin" "$f" >/dev/null 2>"$scratch/err"; then
			if [ ! -s "$raw" ]; then
				rm -f "$raw"
			fi
		else
			rm -f "$raw"
			bad=$((bad + 1))
			echo "$t ${f#"$root"/}: $(grep -m1 -E 'VIOLATION|ERROR|runtime error|standalone:' "$scratch/err" || tail -n 1 "$scratch/err")" >>"$scratch/crashed"
		fi
	done <"$scratch/files"
	echo "$t: $cnt input(s) from ${p#"$root"/}$([ "$bad" -eq 0 ] || echo ", $bad crashed (kept out)")" >&2
done <<EOF
$work
EOF

if [ -s "$scratch/crashed" ]; then
	echo "coverage.sh: $(wc -l <"$scratch/crashed" | tr -d ' ') input(s) crashed and are kept out of the profile:" >&2
	head -n 10 "$scratch/crashed" | sed 's/^/  /' >&2
	[ "$(wc -l <"$scratch/crashed")" -le 10 ] || echo "  ..." >&2
fi
find "$scratch/raw" -name '*.profraw' -size +0 >"$scratch/rawlist"
[ -s "$scratch/rawlist" ] || die "no input ran cleanly: no profile to report"

profile=build/coverage/clonefuzz.profdata
"$profdata" merge -sparse -f "$scratch/rawlist" -o "$profile" ||
	die "$profdata merge failed"

# Objects: the binaries that were replayed (they share model/ and harness/).
set --
sort -u "$scratch/used" >"$scratch/objects"
while read -r t; do
	if [ $# -eq 0 ]; then
		set -- "build/coverage/$t"
	else
		set -- "$@" -object "build/coverage/$t"
	fi
done <"$scratch/objects"
set -- "$@" -instr-profile="$profile"
sources="$root/model $root/harness"

echo
echo "Coverage of model/ and harness/ ($n input(s), $(tr '\n' ' ' <"$scratch/objects" | sed 's/ $//')):"
# shellcheck disable=SC2086 # $sources: two directory paths
"$llvmcov" report "$@" $sources || die "$llvmcov report failed"

case $outdir in
/ | "$root" | "$root/") die "refusing to write the HTML report into $outdir" ;;
esac
if [ -f "$outdir/index.html" ]; then
	# A previous report: clear it so that no stale page survives.
	rm -rf "$outdir/coverage" "$outdir/index.html" "$outdir/style.css"
fi
mkdir -p "$outdir"
# shellcheck disable=SC2086
"$llvmcov" show "$@" -format=html -output-dir="$outdir" -project-title=clonefuzz \
	-show-line-counts-or-regions -show-branches=count $sources ||
	die "$llvmcov show failed"
echo
echo "HTML report: ${outdir#"$root"/}/index.html"
echo "profile: $profile"
if [ -n "$lcov" ]; then
	mkdir -p "$(dirname "$lcov")"
	# shellcheck disable=SC2086
	"$llvmcov" export "$@" -format=lcov $sources >"$lcov" || die "$llvmcov export failed"
	echo "lcov tracefile: $lcov"
fi
