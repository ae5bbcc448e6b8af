#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# clonefuzz report on two small campaigns laid out as scripts/fuzz.sh lays them out, from committed inputs and engine records.
#
# usage: tests/report/run.sh CLONEFUZZ SRCDIR [--render]
#
# An AFL++ campaign under a mutant (two instances: one with fuzz.sh's
# per-second rows, one with plot_data only; the committed corpus as the
# queue; as crashes the inputs the mutant makes fire, one that fires nothing
# and one that does not decode) and a libFuzzer one (its -fork log, a few
# inputs as the corpus, no seeds). Each report must hold every part, pass
# xmllint, and shrink the mutant's finding to a scenario that still fires.
# Bad arguments and a directory that is no campaign: one line, exit 2.
# --render: also draw each page with headless Chromium and check the PNG
# (exit 77, skipped, without chromium).
set -u
cf=$1
src=$2
render=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fixtures=$src/tests/report
corpus=$src/corpus/fuzz_scenario
mutant=drop:bad_fork_cleanup_files:files_struct
bad=0
fail() {
	echo "report: $*" >&2
	bad=1
}

# The campaign file fuzz.sh writes; $1 the directory, then key value pairs.
campaign_file() {
	d=$1
	shift
	while [ $# -ge 2 ]; do
		printf '%-14s: %s\n' "$1" "$2" >>"$d/campaign"
		shift 2
	done
}

afl_campaign() {
	d=$tmp/afl
	mkdir -p "$d/sync/main/queue" "$d/sync/main/crashes" "$d/sync/sec1/queue" "$d/sync/sec1/crashes" "$d/live"
	campaign_file "$d" command "scripts/fuzz.sh --time 120 --mutant $mutant" engine afl \
		target fuzz_scenario time 120 jobs 2 mutant "$mutant" started "2026-12-06 21:10 UTC" \
		commit fixture seeds "$corpus" dictionary "$src/dictionaries/fuzz_scenario.dict" \
		build "main: build/afl/fuzz_scenario (afl-clang-fast, CmpLog; afl-fuzz -c 0)" \
		build "sec1: build/afl-asan/fuzz_scenario (afl-clang-fast, ASan+UBSan)" \
		engine_version afl-fuzz++4.04c compiler "Debian clang version 14.0.6"
	cp "$fixtures/main.fuzzer_stats" "$d/sync/main/fuzzer_stats"
	cp "$fixtures/main.plot" "$d/live/main.plot"
	cp "$fixtures/sec1.plot_data" "$d/sync/sec1/plot_data"
	cp "$corpus"/* "$d/sync/main/queue/"
	# the secondary holds copies of what it synced from the main one: counted once
	cp $(ls "$corpus"/* | awk 'NR % 3 == 1') "$d/sync/sec1/queue/"
	# the oracle that fires first on them names their group
	first=$("$cf" replay --mutant "$mutant" "$corpus" | sed -n 's/^[^:]*: op [0-9]*: \([a-z_]*\): .*/\1/p' | head -1)
	i=0
	for f in $("$cf" replay --mutant "$mutant" "$corpus" | sed -n 's/: op [0-9]*: .*//p' | uniq | head -3); do
		cp "$f" "$d/sync/main/crashes/id:00000$i,sig:06,src:000001,time:$i,execs:$i,op:havoc,rep:2"
		i=$((i + 1))
	done
	[ "$i" = 3 ] || fail "the mutant $mutant makes fewer than 3 corpus inputs fire"
	cp "$(ls "$corpus"/seed-* | head -1)" "$d/sync/sec1/crashes/id:000000,sig:06,src:000002,op:flip1"
	printf 'not a scenario' >"$d/sync/sec1/crashes/id:000001,sig:06,src:000003,op:flip2"
}

libfuzzer_campaign() {
	d=$tmp/libfuzzer
	mkdir -p "$d/corpus" "$d/crashes"
	campaign_file "$d" command "scripts/fuzz.sh --engine libfuzzer --time 25" engine libfuzzer \
		target fuzz_scenario time 25 jobs 2 started "2026-12-06 21:20 UTC" commit fixture
	cp "$fixtures/libfuzzer.log" "$d/libfuzzer.log"
	for f in $(ls "$corpus"/seed-v4.0-* | head -12); do
		cp "$f" "$d/corpus/$(basename "$f")"
	done
}

# grep -q for each pattern in file $1
has() {
	f=$1
	shift
	for p in "$@"; do
		grep -q -- "$p" "$f" || fail "$(basename "$(dirname "$f")"): no '$p' in the page"
	done
}

check_page() {
	d=$1
	"$cf" report "$d" >"$tmp/out" 2>"$tmp/err" || fail "report $d: exit $?: $(cat "$tmp/err")"
	[ -s "$d/report.html" ] || { fail "$d/report.html not written"; return; }
	has "$d/report.html" 'id="summary"' 'id="builds"' 'id="progress"' 'id="findings"' \
		'id="ladders"' 'id="reached"' 'scripts/fuzz.sh' 'Debian\|not recorded'
	for p in $("$cf" profiles | cut -d' ' -f1); do
		has "$d/report.html" "id=\"ladder-$p\""
	done
	if command -v gnuplot >/dev/null; then
		has "$d/report.html" 'id="chart"' 'src="data:image/svg+xml;base64,'
	else
		has "$d/report.html" 'id="no-chart"'
	fi
	! grep -qiE '(src|href)="(https?:)?//' "$d/report.html" || fail "$d: the page loads something from the network"
	if command -v xmllint >/dev/null; then
		xmllint --html --noout "$d/report.html" >"$tmp/xml" 2>&1
		[ ! -s "$tmp/xml" ] || fail "$d: xmllint: $(head -3 "$tmp/xml")"
	fi
}

check_afl() {
	d=$tmp/afl
	check_page "$d"
	scn=$d/findings/$first.scn
	has "$d/report.html" "id=\"finding-$first\"" 'id="finding-no-oracle"' 'id="finding-rejected"' \
		"CLONEFUZZ_MUTANT=$mutant" 'clonefuzz eval' 'live/main.plot' 'sec1/plot_data'
	[ -s "$scn" ] || { fail "no shrunk scenario $scn"; return; }
	"$cf" eval --mutant "$mutant" "$scn" >/dev/null 2>&1
	[ $? = 1 ] || fail "$scn does not make an oracle fire under the mutant"
	"$cf" eval "$scn" >/dev/null 2>&1 || fail "$scn fires without the mutant"
	[ "$(grep -cv '^#' "$scn")" -le 4 ] || fail "$scn is not shrunk: $(cat "$scn")"
}

check_libfuzzer() {
	d=$tmp/libfuzzer
	check_page "$d"
	has "$d/report.html" 'id="no-findings"' 'class="miss"' 'libfuzzer.log'
}

# One line on stderr, exit 2.
one_line_error() {
	what=$1
	shift
	"$cf" report "$@" >/dev/null 2>"$tmp/err"
	rc=$?
	[ "$rc" = 2 ] || fail "$what: exit $rc, not 2"
	[ "$(wc -l <"$tmp/err")" = 1 ] || fail "$what: $(wc -l <"$tmp/err") lines on stderr"
}

check_errors() {
	mkdir -p "$tmp/empty"
	one_line_error "no directory"
	one_line_error "two directories" "$tmp/afl" "$tmp/libfuzzer"
	one_line_error "a missing directory" "$tmp/no-such-dir"
	one_line_error "a directory that is no campaign" "$tmp/empty"
	one_line_error "a file" "$fixtures/libfuzzer.log"
	one_line_error "--output without a value" "$tmp/afl" --output
	one_line_error "an unknown target" --target nope "$tmp/afl"
	one_line_error "an unwritable output" --output "$tmp/no-such-dir/r.html" "$tmp/afl"
}

# Draw the page as a person sees it; the PNG must hold more than a blank page.
render_page() {
	png=$tmp/$1.png
	chromium --headless --no-sandbox --disable-gpu --user-data-dir="$tmp/chromium" \
		--screenshot="$png" --window-size=1280,2400 "file://$tmp/$1/report.html" >/dev/null 2>&1
	[ -s "$png" ] || { fail "$1: chromium wrote no screenshot"; return; }
	[ "$(head -c 8 "$png" | od -An -c | tr -d ' ')" = '211PNG\r\n032\n' ] || fail "$1: not a PNG"
	[ "$(wc -c <"$png")" -gt 60000 ] || fail "$1: the screenshot is nearly blank ($(wc -c <"$png") bytes)"
}

afl_campaign
libfuzzer_campaign
if [ "$render" = --render ]; then
	command -v chromium >/dev/null || { echo "report: chromium is not installed: skipped"; exit 77; }
	"$cf" report "$tmp/afl" >/dev/null 2>&1 && "$cf" report "$tmp/libfuzzer" >/dev/null 2>&1 ||
		fail "report failed"
	render_page afl
	render_page libfuzzer
else
	check_afl
	check_libfuzzer
	check_errors
fi
[ "$bad" = 0 ] && echo "report: both campaigns' pages hold every part${render:+ and render}"
exit "$bad"
