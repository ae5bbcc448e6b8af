#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
# Check a ladder drawn as a mirror: well-formed, inside its viewBox, labels bottom-up, every goto not marked wrong level with its label, the named gotos marked wrong.
"""usage: check-svg.py FILE [--wrong STEP|LINE]... [--only-wrong]
       check-svg.py FILE --break level|unmark|clip|order OUT

--wrong X      a goto whose step is X (or whose source line is X) must be drawn wrong
--only-wrong   no other goto may be drawn wrong
--break KIND   write a copy of FILE broken one way to OUT (to show the check fails)
"""
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
CHAR_EM = 0.6  # a monospace character is at least this wide, in em


def classes(e):
    return e.get("class", "").split()


def num(e, attr):
    return float(e.get(attr, "0"))


def text_box(e, font_size):
    """x0, y0, x1, y1 that a text element covers at least."""
    fs = float(e.get("font-size", font_size))
    w = len(e.text or "") * CHAR_EM * fs
    x, y = num(e, "x"), num(e, "y")
    x0 = x - w if e.get("text-anchor") == "end" else x
    return x0, y - 0.8 * fs, x0 + w, y + 0.25 * fs


def extent(e, font_size):
    """(what, x0, y0, x1, y1) a drawn element covers, or None."""
    tag = e.tag.replace(SVG, "")
    if tag == "rect":
        return ("rect", num(e, "x"), num(e, "y"), num(e, "x") + num(e, "width"),
                num(e, "y") + num(e, "height"))
    if tag == "line":
        xs, ys = (num(e, "x1"), num(e, "x2")), (num(e, "y1"), num(e, "y2"))
        return ("line", min(xs), min(ys), max(xs), max(ys))
    if tag == "text":
        return ("text '%s'" % (e.text or ""),) + text_box(e, font_size)
    return None


def in_markers(root):
    """Elements inside <defs>: drawn relative to what uses them, not placed."""
    inside = set()
    for d in root.iter(SVG + "defs"):
        inside.update(id(e) for e in d.iter())
    return inside


def check(path, wrong, only_wrong):
    errors = []
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        return ["not well-formed: %s" % exc]
    vb = [float(v) for v in root.get("viewBox", "").split()] or [0, 0, 0, 0]
    if len(vb) != 4 or vb[:2] != [0, 0]:
        return ["no viewBox \"0 0 W H\""]
    width, height = vb[2], vb[3]
    if float(root.get("width", -1)) != width or float(root.get("height", -1)) != height:
        errors.append("width and height differ from the viewBox")
    skip, fs = in_markers(root), float(root.get("font-size", "12"))
    for e in root.iter():
        box = None if id(e) in skip else extent(e, fs)
        if box and (box[1] < 0 or box[2] < 0 or box[3] > width or box[4] > height):
            errors.append("%s at (%g,%g)-(%g,%g) is outside the %gx%g viewBox" %
                          (box + (width, height)))
    labels = {}
    for r in root.iter(SVG + "rect"):
        if "label" in classes(r) and r.get("data-label") is not None:
            labels[r.get("data-label")] = r
    order = sorted(labels.values(), key=lambda r: int(r.get("data-pos")))
    for a, b in zip(order, order[1:]):
        if num(b, "y") >= num(a, "y"):
            errors.append("label %s is not above %s, which comes before it in the source" %
                          (b.get("data-label"), a.get("data-label")))
    gotos = [e for e in root.iter(SVG + "line") if "goto" in classes(e) and e.get("data-step")]
    if not gotos:
        errors.append("no goto drawn")
    for g in gotos:
        who = "goto from %s (line %s) to %s" % (g.get("data-step"), g.get("data-line", "-"),
                                               g.get("data-label"))
        lab = labels.get(g.get("data-label"))
        if lab is None:
            errors.append("%s: no such label drawn" % who)
            continue
        if num(g, "x2") != num(lab, "x"):
            errors.append("%s does not end at its label" % who)
        if "wrong" in classes(g):
            if only_wrong and g.get("data-step") not in wrong and g.get("data-line") not in wrong:
                errors.append("%s is drawn wrong" % who)
            continue
        y = num(g, "y1")
        if num(g, "y2") != y:
            errors.append("%s is not level" % who)
        elif not num(lab, "y") <= y <= num(lab, "y") + num(lab, "height"):
            errors.append("%s is level but misses its label" % who)
    for w in wrong:
        if not any("wrong" in classes(g) and w in (g.get("data-step"), g.get("data-line"))
                   for g in gotos):
            errors.append("the goto of %s is not drawn wrong" % w)
    return errors


def broken(text, kind):
    """@text broken one way the check must see."""
    if kind == "level":
        return re.sub(r'(<line class="goto" data-step="[^"]*"[^>]*? y2=")(\d+)"',
                      lambda m: m.group(1) + str(int(m.group(2)) + 60) + '"', text, count=1)
    if kind == "unmark":
        return text.replace('class="goto wrong"', 'class="goto"')
    if kind == "clip":
        m = re.search(r'viewBox="0 0 (\d+) (\d+)"', text)
        w = int(m.group(1)) * 3 // 5
        text = re.sub(r'width="%s" height="%s" viewBox="0 0 \d+' % (m.group(1), m.group(2)),
                      'width="%d" height="%s" viewBox="0 0 %d' % (w, m.group(2), w), text, count=1)
        return text
    if kind == "order":
        ys = re.findall(r'<rect class="label[^"]*" data-label="[^"]*" data-pos="\d+" x="\d+" y="(\d+)"', text)
        first = re.compile(r'(<rect class="label[^"]*" data-label="[^"]*" data-pos="0" x="\d+" y=")\d+"')
        return first.sub(lambda m: m.group(1) + str(int(ys[-1]) + 1) + '"', text, count=1)
    raise SystemExit("check-svg.py: --break takes level, unmark, clip or order")


def main(argv):
    if len(argv) < 2 or argv[1].startswith("-"):
        sys.stderr.write(__doc__)
        return 2
    path, args, wrong, only_wrong = argv[1], argv[2:], [], False
    while args:
        a = args.pop(0)
        if a == "--wrong" and args:
            wrong.append(args.pop(0))
        elif a == "--only-wrong":
            only_wrong = True
        elif a == "--break" and len(args) == 2:
            with open(path, encoding="utf-8") as f:
                text = broken(f.read(), args[0])
            with open(args[1], "w", encoding="utf-8") as f:
                f.write(text)
            return 0
        else:
            sys.stderr.write("check-svg.py: bad argument '%s'\n" % a)
            return 2
    errors = check(path, wrong, only_wrong)
    for e in errors:
        print("%s: %s" % (path, e))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
