#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Fetch kernel/fork.c of the kernels Debian ships as source packages (5.10, 6.1, 6.12, 7.2), for `clonefuzz lint`.
#
# usage: scripts/debian-kernels.sh [--out DIR] [--mirror URL] [VERSION...]
#   --out     where to put DIR/vX-debian/kernel/fork.c (default build/kernels)
#   --mirror  the Debian archive to fetch from (default: the first Debian
#             archive this machine's apt configuration names)
#   VERSION   a linux-source-X package of Debian's suites (default: 5.10 6.1 6.12 7.2)
#
# Each package is found in the Packages index of bullseye, bookworm, trixie
# and sid on that mirror; only kernel/fork.c, kernel/nsproxy.c and the
# top Makefile are kept, with a SOURCE file naming the package version.
set -eu
out=build/kernels mirror=
while [ $# -gt 0 ]; do
	case "$1" in
	--out) out=$2; shift 2 ;;
	--mirror) mirror=$2; shift 2 ;;
	-h|--help) sed -n '3,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	-*) echo "debian-kernels.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || set -- 5.10 6.1 6.12 7.2
# The archive apt itself uses: a URIs: line of a deb822 .sources file or a
# "deb URI suite" line, the first whose path ends in /debian.
if [ -z "$mirror" ]; then
	mirror=$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
		awk '$1 == "URIs:" { for (i = 2; i <= NF; i++) print $i }
		     $1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/) { print $i; break } }' |
		sed 's|/*$||' | grep -m1 '/debian$' || true)
fi
[ -n "$mirror" ] || { echo "debian-kernels.sh: no Debian archive in /etc/apt; give --mirror URL" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for suite in bullseye bookworm trixie sid; do
	curl -fsS --max-time 120 "$mirror/dists/$suite/main/binary-all/Packages.xz" |
		xz -dc >>"$tmp/Packages" || echo "debian-kernels.sh: no index for $suite" >&2
done
for v in "$@"; do
	file=$(awk -v p="linux-source-$v" '$1 == "Package:" { hit = $2 == p } hit && $1 == "Filename:" { f = $2 } END { print f }' "$tmp/Packages")
	if [ -z "$file" ]; then
		echo "debian-kernels.sh: no linux-source-$v package in Debian's indexes" >&2
		exit 1
	fi
	d=$out/v$v-debian
	mkdir -p "$d"
	echo "debian-kernels.sh: $file"
	curl -fsS --max-time 1800 -o "$tmp/src.deb" "$mirror/$file"
	dpkg-deb --fsys-tarfile "$tmp/src.deb" | tar -xO "./usr/src/linux-source-$v.tar.xz" |
		tar -xJ -C "$d" --strip-components=1 --wildcards "linux-source-$v/kernel/fork.c" \
			"linux-source-$v/kernel/nsproxy.c" "linux-source-$v/Makefile"
	echo "Debian package $(basename "$file")" >"$d/SOURCE"
	rm -f "$tmp/src.deb"
done
