#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Report comment text of the model that also occurs, word for word, in reference texts.
#
# usage: scripts/own-words.sh [--words N] REFERENCE... [-- MODEL...]
#   REFERENCE  a text to compare against (kernel source, article, ...)
#   MODEL      a file or folder of the model (folders: every .c, .h and .def
#              below them); default: the model/ folder of this checkout
#   --words N  the shortest shared run reported, in words (default 8)
#
# Only the comments of the model files are read (/* ... */ and // ...;
# consecutive // lines count as one comment); the reference texts are read
# whole. Words are compared case-insensitively, with punctuation, comment
# markers and apostrophes ignored. Each shared run of N or more consecutive
# words is printed as FILE:LINE: the words, then the reference(s) holding it.
# Exit status: 1 if any run was found, 0 if none, 2 on bad usage.
set -eu
me=own-words.sh
words=8
usage() { echo "$me: $1 (see --help)" >&2; exit 2; }
set_words() {
	case "$1" in
	''|*[!0-9]*) usage "--words needs a whole number of at least 2, not '$1'" ;;
	esac
	[ "$1" -ge 2 ] || usage "--words needs a whole number of at least 2, not '$1'"
	words=$1
}
while [ $# -gt 0 ]; do
	case "$1" in
	-h|--help) sed -n '5,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	--words)
		[ $# -ge 2 ] || usage "--words needs a number"
		set_words "$2"; shift 2 ;;
	--words=*) set_words "${1#--words=}"; shift ;;
	--) break ;;
	-?*) usage "unknown option '$1'" ;;
	*) break ;;
	esac
done
command -v python3 >/dev/null 2>&1 || { echo "$me: python3 is needed and was not found" >&2; exit 2; }
nref=0
for a in "$@"; do
	[ "$a" = -- ] && break
	[ -f "$a" ] && [ -r "$a" ] || usage "no readable reference file '$a'"
	nref=$((nref + 1))
done
[ "$nref" -gt 0 ] || usage "no reference file given"
seen=0
for a in "$@"; do
	if [ "$seen" = 1 ]; then
		[ -e "$a" ] || usage "no model file or folder '$a'"
	fi
	[ "$a" = -- ] && seen=1
done
model_default=$(cd "$(dirname "$0")/.." && pwd)/model
exec python3 - "$words" "$model_default" "$@" <<'PY'
import html, os, re, sys

WORD = re.compile(r"\w+")
APOS = re.compile(r"['\u2019]")


def words_of(text):
	"""The lower-case words of text, apostrophes dropped (don't -> dont)."""
	return WORD.findall(APOS.sub("", text.lower()))


def comments(src):
	"""(line, text) of each comment of C-like source; adjacent // lines join."""
	out, i, n, line = [], 0, len(src), 1
	last_line_comment = None	# index in out of a // comment ending the previous line
	while i < n:
		c = src[i]
		if c == "\n":
			line += 1
			i += 1
			continue
		if src.startswith("/*", i):
			end = src.find("*/", i + 2)
			end = n if end < 0 else end + 2
			out.append((line, src[i + 2:end - 2]))
			line += src.count("\n", i, end)
			i = end
			last_line_comment = None
			continue
		if src.startswith("//", i):
			end = src.find("\n", i)
			end = n if end < 0 else end
			text = src[i + 2:end]
			prev = last_line_comment
			if prev is not None and out[prev][0] + out[prev][1].count("\n") == line - 1 \
			   and src[src.rfind("\n", 0, i) + 1:i].strip() == "":
				out[prev] = (out[prev][0], out[prev][1] + "\n" + text)
			else:
				out.append((line, text))
				prev = len(out) - 1
			last_line_comment = prev
			i = end
			continue
		if c in "\"'":
			j = i + 1
			while j < n and src[j] != c and src[j] != "\n":
				j += 2 if src[j] == "\\" else 1
			i = j + 1
			continue
		if not c.isspace():
			last_line_comment = None
		i += 1
	return out


def model_files(paths):
	for p in paths:
		if os.path.isdir(p):
			for root, dirs, files in os.walk(p):
				dirs.sort()
				for f in sorted(files):
					if f.endswith((".c", ".h", ".def")):
						yield os.path.join(root, f)
		else:
			yield p


def read(path):
	with open(path, encoding="utf-8", errors="replace") as f:
		return f.read()


def main(argv):
	n, model_default, args = int(argv[0]), argv[1], argv[2:]
	refs, models = args, []
	if "--" in args:
		k = args.index("--")
		refs, models = args[:k], args[k + 1:]
	if not models:
		models = [os.path.relpath(model_default)]

	grams = {}	# n-word tuple -> indexes of the references holding it
	for r, path in enumerate(refs):
		w = words_of(html.unescape(read(path)))
		for k in range(len(w) - n + 1):
			grams.setdefault(tuple(w[k:k + n]), set()).add(r)

	found = 0
	for path in model_files(models):
		for line, text in comments(read(path)):
			# each word with the line it is on
			w, wl = [], []
			for no, part in enumerate(text.split("\n")):
				for x in words_of(part):
					w.append(x)
					wl.append(line + no)
			k = 0
			while k <= len(w) - n:
				hit = grams.get(tuple(w[k:k + n]))
				if not hit:
					k += 1
					continue
				end, where = k + n, set(hit)
				while end < len(w) and grams.get(tuple(w[end - n + 1:end + 1])):
					where |= grams[tuple(w[end - n + 1:end + 1])]
					end += 1
				found += 1
				print("%s:%d: %s" % (path, wl[k], " ".join(w[k:end])))
				print("\tin: %s" % ", ".join(refs[r] for r in sorted(where)))
				k = end
	if found:
		print("%s: %d run(s) of %d or more words shared with the references" %
		      ("own-words.sh", found, n), file=sys.stderr)
		return 1
	return 0


sys.exit(main(sys.argv[1:]))
PY
