#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The harness's parts include only the parts below them, the model's files only
# headers of their own layer or a lower one, and the model nothing of the harness.
#
# usage: tests/layout/arrows.sh [SRCDIR]
# An include names another part as "part/header.h"; a bare "header.h" must be
# beside the file or in model/. Lint sees only the model's vocabulary.
set -eu
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root"

allowed() {
	case $1 in
	oracle) echo "" ;;
	input) echo "oracle" ;;
	lint) echo "" ;;
	source) echo "lint" ;;
	run) echo "input oracle" ;;
	host) echo "run input oracle" ;;
	fuzz) echo "run input oracle" ;;
	cli) echo "run host source lint input oracle" ;;
	*) echo "?" ;;
	esac
}

bad=0
complain() {
	echo "arrows: $*" >&2
	bad=1
}

# The model's layers, lowest first, as README's Layout lists them.
layer() {
	case $1 in
	model/*.def | model/vocab.[ch] | model/kernel.h | model/syscall.h) echo 1 ;;
	model/shim/compiler.h | model/shim/consts.h | model/shim/sync.h | model/shim/signal.h | model/shim/acct.h | model/shim/members.h | model/shim/sigset.h) echo 1 ;;
	model/ledger.[ch] | model/mutant.[ch]) echo 2 ;;
	model/world.[ch] | model/kargs.h | model/profile.[ch] | model/profile_expand.h | model/bug.[ch] | model/fault.[ch]) echo 3 ;;
	model/nsproxy.[ch]) echo 4 ;;
	model/pid.[ch]) echo 5 ;;
	model/helpers.[ch] | model/legacy.h) echo 6 ;;
	model/exit.[ch] | model/setup.[ch]) echo 7 ;;
	model/v*/* | model/shim/*) echo 8 ;;
	*) echo 0 ;;
	esac
}

for f in model/*.[ch] model/*/*.[ch] model/*/*.def; do
	lf=$(layer "$f")
	[ "$lf" != 0 ] || { complain "$f is in none of the model's layers (add it to layer() here and to README's Layout)"; continue; }
	for h in $(grep -o '^#include "[^"]*"' "$f" | sed 's/^#include "//; s/"$//'); do
		if [ -e "${f%/*}/$h" ]; then
			p=$(echo "${f%/*}/$h" | sed 's#[^/]*/\.\./##g')
		elif [ -e "model/$h" ]; then
			p=model/$h
		else
			complain "$f includes \"$h\", which is not part of the model"
			continue
		fi
		lh=$(layer "$p")
		[ "$lh" -le "$lf" ] || complain "$f (model layer $lf) includes \"$h\" from layer $lh above it"
	done
done

for f in harness/*/*.[ch]; do
	part=${f#harness/}
	part=${part%%/*}
	ok=$(allowed "$part")
	[ "$ok" != "?" ] || { complain "$f: harness/$part/ is not a known part"; continue; }
	for h in $(grep -o '^#include "[^"]*"' "$f" | sed 's/^#include "//; s/"$//'); do
		case $h in
		shim/*.def)
			# the shims' boundary list: source reads it to know what to leave out
			[ "$part" = source ] && [ -e "model/$h" ] ||
				complain "$f ($part) includes the shims' \"$h\": only source reads it"
			;;
		*/*)
			dep=${h%%/*}
			case " $ok " in
			*" $dep "*) [ -e "harness/$h" ] || complain "$f includes \"$h\", which does not exist" ;;
			*) complain "$f ($part) includes \"$h\" from $dep, which $part may not use" ;;
			esac
			;;
		*)
			if [ -e "${f%/*}/$h" ]; then
				:
			elif [ -e "model/$h" ]; then
				# lint and source know the model's vocabulary, nothing that runs it
				if [ "$part" = lint ] || [ "$part" = source ]; then
					case $part:$h in
					*:*.def | *:vocab.h | source:profile.h) ;;
					*) complain "$f ($part) includes the model's \"$h\": $part uses only the vocabulary" ;;
					esac
				fi
			else
				complain "$f includes \"$h\": neither beside it nor in model/ (name another part as \"part/$h\")"
			fi
			;;
		esac
	done
done
[ "$bad" = 0 ] && echo "arrows: every include points down"
exit "$bad"
