#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Every SVG and HTML page under docs/, and every one named, parses and renders to PNG; each bad one is named on one line.
#
# usage: tests/pictures.sh [--no-docs] [--png DIR] [FILE.svg|FILE.html...]
#   --no-docs  only the files named, not those under docs/
#   --png DIR  keep the PNGs in DIR
#
# An SVG must be well-formed XML (xmllint --noout) whose root is an svg element
# in the SVG namespace, and render with rsvg-convert. An HTML page must parse
# with xmllint --html (only libxml2's ignorance of HTML5 element names is
# forgiven) and end with </html>, since that parser takes a page cut short
# without a word; the first page under docs/ and every page named are rendered
# with headless chromium. Exits 1 when a file is bad, 2 on bad usage, and 77
# (skipped) only when a tool it needs is missing: scripts/deps.sh installs them.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
docs=1 keep=
while [ $# -gt 0 ]; do
	case "$1" in
	--no-docs) docs= ;;
	--png) keep=${2:-}; [ -d "$keep" ] || { echo "pictures.sh: --png takes a directory" >&2; exit 2; }; shift ;;
	-h|--help) sed -n '5,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	--) shift; break ;;
	-*) echo "pictures.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
	*) break ;;
	esac
	shift
done
for f in "$@"; do
	case "$f" in
	*.svg|*.html) ;;
	*) echo "pictures.sh: $f: not an .svg or .html file" >&2; exit 2 ;;
	esac
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the files, one a line after a mark: D for under docs/ (sorted), N for named
: >"$tmp/files"
[ -z "$docs" ] || find "$root/docs" -type f \( -name '*.svg' -o -name '*.html' \) | LC_ALL=C sort | sed 's/^/D /' >"$tmp/files"
first_html=$(sed -n 's/^D \(.*\.html\)$/\1/p' "$tmp/files" | head -n 1)
for f in "$@"; do
	printf 'N %s\n' "$f" >>"$tmp/files"
done

need() {
	command -v "$1" >/dev/null && return
	echo "pictures.sh: SKIP: no $1 (Debian's $2; scripts/deps.sh installs it)"
	exit 77
}
if [ -s "$tmp/files" ]; then need xmllint libxml2-utils; fi
if grep -q '\.svg$' "$tmp/files"; then need rsvg-convert librsvg2-bin; fi
if grep -q '\.html$' "$tmp/files"; then need chromium chromium; fi

bad=0 svgs=0 pages=0 pngs=0
fail() {
	echo "pictures.sh: $f: $*" >&2
	bad=$((bad + 1))
}
# first LOG: the first line of a tool's complaint, from xmllint without its place
first() {
	head -n 1 "$1" | sed 's/^.* parser error : //' | cut -c 1-160
}
# is_png FILE: a PNG of some size was written
is_png() {
	[ -s "$1" ] && [ "$(od -An -tx1 -N8 "$1" | tr -d ' \n')" = 89504e470d0a1a0a ]
}
n=0
while read -r mark f; do
	n=$((n + 1))
	png=$tmp/$n.png
	[ -z "$keep" ] || png=$keep/$(basename "$f" | sed 's/\.[a-z]*$//').png
	if [ ! -f "$f" ]; then
		fail "missing"
		continue
	fi
	case "$f" in
	*.svg)
		svgs=$((svgs + 1))
		if ! xmllint --noout --nonet "$f" 2>"$tmp/log"; then
			fail "not well-formed XML ($(first "$tmp/log"))"
			continue
		fi
		rootname=$(xmllint --nonet --xpath 'concat(namespace-uri(/*), " ", local-name(/*))' "$f" 2>/dev/null) || true
		if [ "$rootname" != "http://www.w3.org/2000/svg svg" ]; then
			fail "the root element is not svg in the SVG namespace ('$rootname')"
			continue
		fi
		if ! rsvg-convert -o "$png" "$f" 2>"$tmp/log" || ! is_png "$png"; then
			fail "rsvg-convert does not render it ($(first "$tmp/log"))"
			continue
		fi
		pngs=$((pngs + 1))
		;;
	*.html)
		pages=$((pages + 1))
		xmllint --html --noout --nonet "$f" 2>"$tmp/log" || true
		grep 'parser error' "$tmp/log" | grep -v 'error : Tag [A-Za-z0-9:-]* invalid$' >"$tmp/errors" || true
		if [ -s "$tmp/errors" ]; then
			fail "does not parse as HTML ($(first "$tmp/errors"))"
			continue
		fi
		if ! tr -d ' \t\r\n' <"$f" | tail -c 7 | grep -qi '^</html>$'; then
			fail "does not end with </html> (cut short?)"
			continue
		fi
		# rendered: the first page under docs/ and every page named
		[ "$mark" = N ] || [ "$f" = "$first_html" ] || continue
		url=file://$(cd "$(dirname "$f")" && pwd)/$(basename "$f")
		if ! timeout 120 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$tmp/chromium" \
			--screenshot="$png" --window-size=1280,1600 "$url" >"$tmp/log" 2>&1 || ! is_png "$png"; then
			fail "chromium does not render it ($(grep -v 'dbus\|^\[' "$tmp/log" | head -n 1 | cut -c 1-160))"
			continue
		fi
		pngs=$((pngs + 1))
		;;
	esac
done <"$tmp/files"
[ "$bad" -eq 0 ] || exit 1
echo "pictures: $svgs SVG and $pages HTML file(s) parsed, $pngs rendered to PNG"
