#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# OSS-Fuzz / ClusterFuzzLite build: every harness/fuzz/fuzz_*.c as a fuzzer in $OUT, with dictionary, options and seeds.
set -eu

usage() {
	cat <<'EOF'
usage: .clusterfuzzlite/build.sh

The OSS-Fuzz-style build of clonefuzz's fuzz targets, driven by the
environment only:

  CC                  C compiler (required)
  CFLAGS              compile flags, e.g. sanitizers and -fsanitize=fuzzer-no-link
  LIB_FUZZING_ENGINE  link flags or library of the fuzzing engine (required),
                      e.g. -fsanitize=fuzzer
  OUT                 output directory (required; created if missing)
  SRC, WORK           used if set: the sources in $SRC/clonefuzz when this
                      script is not inside the source tree; objects in $WORK

It compiles model/*.c, model/v*/*.c and the harness parts a fuzz target
uses (harness/input, oracle, run and fuzz; not the CLI, the host
differential or the lint; not harness/fuzz/standalone.c, the targets
themselves or .c files that a file beside them #includes) once with
$CC $CFLAGS, then links
each harness/fuzz/fuzz_<name>.c with them and $LIB_FUZZING_ENGINE into
$OUT/fuzz_<name>, and writes beside it fuzz_<name>.dict (from dictionaries/),
fuzz_<name>.options (the dictionary and the format's max_len) and
fuzz_<name>_seed_corpus.zip (corpus/fuzz_<name>/; needs zip or python3).

By hand, e.g.:
  CC=clang CFLAGS="-O1 -g -fsanitize=address,fuzzer-no-link" \
  LIB_FUZZING_ENGINE=-fsanitize=fuzzer OUT=/tmp/out .clusterfuzzlite/build.sh
EOF
}

die() {
	echo "build.sh: $*" >&2
	exit 1
}

case ${1:-} in
-h | --help)
	usage
	exit 0
	;;
'') ;;
*)
	echo "build.sh: unexpected argument '$1': configure the build through CC, CFLAGS, LIB_FUZZING_ENGINE and OUT" >&2
	echo "Try '.clusterfuzzlite/build.sh --help'." >&2
	exit 2
	;;
esac
for v in CC LIB_FUZZING_ENGINE OUT; do
	eval "val=\${$v:-}"
	if [ -z "$val" ]; then
		echo "build.sh: \$$v is not set (see --help)" >&2
		exit 2
	fi
done
CFLAGS=${CFLAGS:-}

# The source tree: the one this script lives in, else $SRC/clonefuzz (the image copies build.sh
# to $SRC/), else the current directory (the image's WORKDIR).
here=$(cd "$(dirname "$0")" && pwd)
if [ -d "$here/../harness" ] && [ -d "$here/../model" ]; then
	srcdir=$(cd "$here/.." && pwd)
elif [ -n "${SRC:-}" ] && [ -d "$SRC/clonefuzz/harness" ]; then
	srcdir=$SRC/clonefuzz
elif [ -d harness ] && [ -d model ]; then
	srcdir=$PWD
else
	die "cannot find the clonefuzz sources (no harness/ and model/ beside this script, in \$SRC/clonefuzz or here)"
fi
cd "$srcdir"

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
if [ -n "${WORK:-}" ]; then
	obj=$WORK/clonefuzz-obj
	rm -rf "$obj"
	mkdir -p "$obj"
else
	obj=$(mktemp -d "${TMPDIR:-/tmp}/clonefuzz-obj.XXXXXX")
	trap 'rm -rf "$obj"' EXIT
fi

# The library: model and harness objects, named after their paths (two versions have fork.c).
# CMake builds them as gnu11; $CFLAGS comes after, so it may override that.
# The bookkeeping in harness/fuzz/coverage-ignore.txt is left uninstrumented,
# as the CMake engine builds do: clang's ignore list, AFL++'s deny list.
export AFL_LLVM_DENYLIST="$PWD/harness/fuzz/coverage-ignore.txt"
cov_ignore=
case " $CFLAGS " in
*-fsanitize=fuzzer* | *-fsanitize-coverage=*)
	cov_ignore=-fsanitize-coverage-ignorelist=$AFL_LLVM_DENYLIST ;;
esac
set --
for f in model/*.c model/v*/*.c harness/input/*.c harness/oracle/*.c harness/run/*.c harness/fuzz/*.c; do
	[ -f "$f" ] || continue
	case $f in
	harness/fuzz/standalone.c | harness/fuzz/fuzz_*.c) continue ;;
	esac
	# A .c file another one #includes (model/v*/namespaces.c) is part of that unit, not its own.
	base_re=$(printf '%s' "${f##*/}" | sed 's/\./\\./g')
	if grep -qsE "^#[[:space:]]*include[[:space:]]+\"$base_re\"" "${f%/*}"/*.c; then
		continue
	fi
	o=$obj/$(echo "${f%.c}" | tr / _).o
	echo "build.sh: CC $f" >&2
	# shellcheck disable=SC2086 # CFLAGS is a list of flags
	$CC -std=gnu11 $CFLAGS $cov_ignore -Imodel -Iharness -c "$f" -o "$o" || die "compiling $f failed"
	set -- "$@" "$o"
done
[ $# -gt 0 ] || die "no model/ or harness/ sources in $srcdir"

# max_len: the largest input each target's format reads, from the harness headers.
max_len_of() {
	case $1 in
	fuzz_scenario) macro=CODEC_MAX_SIZE ;; # header and MAX_OPS ops: 71 + 64 * 72 = 4679 today
	fuzz_args) macro=ARGS_MAX_SIZE ;;
	*) return 0 ;;
	esac
	expr=$(printf '#include "input/codec.h"\nclonefuzz_max_len = %s\n' "$macro" |
		$CC -E -P -Imodel -Iharness -x c - 2>/dev/null | sed -n 's/^clonefuzz_max_len = //p')
	if [ -z "$expr" ] || printf '%s\n' "$expr" | grep -q '[^0-9 ()+*-]'; then
		die "cannot evaluate $macro for $1 (got '$expr')"
	fi
	# $expr is text to evaluate, not a number: expand it inside the arithmetic.
	# shellcheck disable=SC2004
	echo $(($expr))
}

# under libFuzzer, fuzz_scenario's custom mutator calls libFuzzer's own
engine_defs=
case " $LIB_FUZZING_ENGINE " in
*-fsanitize=fuzzer[\ ,]* | *libFuzzer*) engine_defs=-DCLONEFUZZ_LIBFUZZER ;;
esac

found=
for src in harness/fuzz/fuzz_*.c; do
	[ -f "$src" ] || continue
	found=1
	t=${src#harness/fuzz/}
	t=${t%.c}
	echo "build.sh: LINK $OUT/$t" >&2
	# shellcheck disable=SC2086 # CFLAGS and LIB_FUZZING_ENGINE are lists of flags
	$CC -std=gnu11 $CFLAGS $engine_defs -Imodel -Iharness "$src" "$@" $LIB_FUZZING_ENGINE -o "$OUT/$t" ||
		die "linking $t failed"

	# Options: the dictionary and the format's maximum input length.
	opts=$OUT/$t.options
	echo "[libfuzzer]" >"$opts"
	if [ -f "dictionaries/$t.dict" ]; then
		cp "dictionaries/$t.dict" "$OUT/$t.dict"
		echo "dict = $t.dict" >>"$opts"
	else
		echo "build.sh: warning: no dictionaries/$t.dict" >&2
	fi
	max=$(max_len_of "$t")
	if [ -n "$max" ]; then
		echo "max_len = $max" >>"$opts"
	else
		echo "build.sh: warning: no max_len known for $t: add its format's size to max_len_of in $0" >&2
	fi

	# Seeds.
	zipf=$OUT/${t}_seed_corpus.zip
	rm -f "$zipf"
	if [ ! -d "corpus/$t" ] || [ -z "$(ls -A "corpus/$t")" ]; then
		echo "build.sh: warning: no seeds in corpus/$t" >&2
	elif command -v zip >/dev/null 2>&1; then
		zip -q -j "$zipf" "corpus/$t"/*
	elif command -v python3 >/dev/null 2>&1; then
		python3 - "$zipf" "corpus/$t" <<'EOF'
import os, sys, zipfile
out, d = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name in sorted(os.listdir(d)):
        p = os.path.join(d, name)
        if os.path.isfile(p) and not name.startswith("."):
            z.write(p, name)
EOF
	else
		echo "build.sh: warning: neither zip nor python3: no $zipf" >&2
	fi
done
[ -n "$found" ] || die "no harness/fuzz/fuzz_*.c in $srcdir"
echo "build.sh: done: fuzz targets in $OUT:$(for f in "$OUT"/fuzz_*; do [ -x "$f" ] && [ -f "$f" ] && printf ' %s' "${f##*/}"; done; true)" >&2
