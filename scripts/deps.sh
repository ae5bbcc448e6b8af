#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Install what a fresh Debian 12 machine lacks to build, test and fuzz clonefuzz and to draw and check its pictures (only what is missing).
#
# usage: scripts/deps.sh [--fuzz]
#   --fuzz  also AFL++ (afl-fuzz, afl-clang-fast)
set -eu
fuzz=
case "${1:-}" in
--fuzz) fuzz=1 ;;
"") ;;
-h|--help) sed -n '3,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
*) echo "deps.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
esac

need=
command -v cmake >/dev/null || need="$need cmake"
command -v ninja >/dev/null || need="$need ninja-build"
command -v clang >/dev/null || need="$need clang"
command -v gcc >/dev/null || need="$need gcc"
command -v make >/dev/null || need="$need make"
# libFuzzer and the sanitizer runtimes of clang 14
[ -e /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a ] ||
	ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 ||
	need="$need libclang-rt-14-dev"
command -v llvm-profdata >/dev/null || need="$need llvm"
# the pictures: plots drawn with matplotlib (Debian's python3), graphs and
# charts, and tests/pictures.sh parsing and rendering every SVG and HTML page
/usr/bin/python3 -c 'import matplotlib' 2>/dev/null || need="$need python3-matplotlib"
command -v dot >/dev/null || need="$need graphviz"
command -v gnuplot >/dev/null || need="$need gnuplot-nox"
command -v xmllint >/dev/null || need="$need libxml2-utils"
command -v rsvg-convert >/dev/null || need="$need librsvg2-bin"
command -v chromium >/dev/null || need="$need chromium"
if [ -n "$fuzz" ]; then
	command -v afl-fuzz >/dev/null && command -v afl-clang-fast >/dev/null || need="$need afl++"
fi
[ -n "$need" ] || exit 0

if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
echo "deps.sh: installing$need" >&2
$SUDO apt-get update
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $need
