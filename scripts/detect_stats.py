#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Detection benchmark statistics: medians and Kaplan-Meier restricted means (95% interval) as Markdown and SVG."""
import math
import sys
from collections import defaultdict


def km_rmst(times, budget, censor=None):
    """Restricted mean time to detection up to the budget; censored trials have time -1
    and are censored at their censor time (default: the budget)."""
    censor = censor or [budget] * len(times)
    events = sorted((t, 1) if t >= 0 else (min(c, budget), 0) for t, c in zip(times, censor))
    n = len(events)
    surv, last_t, area, steps = 1.0, 0.0, 0.0, []
    at_risk = n
    i = 0
    while i < n:
        t = events[i][0]
        d = c = 0
        while i < n and events[i][0] == t:
            d += events[i][1]
            c += 1 - events[i][1]
            i += 1
        area += surv * (min(t, budget) - last_t)
        last_t = min(t, budget)
        if d:
            steps.append((t, d, at_risk, surv))
            surv *= 1.0 - d / at_risk
        at_risk -= d + c
    area += surv * (budget - last_t)
    # Greenwood-type variance of the restricted mean
    var = 0.0
    for j, (t, d, r, s_before) in enumerate(steps):
        # area under S after t_j up to the budget
        a, s, prev = 0.0, s_before * (1 - d / r), t
        for (t2, d2, r2, _s2) in steps[j + 1:]:
            a += s * (t2 - prev)
            s *= 1 - d2 / r2
            prev = t2
        a += s * (budget - prev)
        if r - d > 0:
            var += a * a * d / (r * (r - d))
    half = 1.96 * math.sqrt(var)
    return area, max(0.0, area - half), min(budget, area + half)


def median(times, budget):
    done = sorted(t for t in times if t >= 0)
    if len(done) * 2 <= len(times):
        return None
    k = len(times) // 2
    return done[k] if len(times) % 2 else (done[k - 1] + done[k]) / 2


def fmt(v):
    return "-" if v is None else ("%.1f" % v)


def main(tsv, md, svg):
    rows = defaultdict(list)
    budget = {}
    with open(tsv) as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            bug, engine, corpus, _trial, b, reach, trig, det = cols[:8]
            # a false alarm (an oracle that fires on the faithful model too) ends the
            # trial: it is censored there
            alarm = float(cols[8]) if len(cols) > 8 else -1.0
            key = (bug, engine, corpus)
            rows[key].append((float(reach), float(trig), float(det), alarm))
            budget[key] = float(b)
    out = ["| bug | engine | corpus | detected | reach median (s) | trigger median (s) | detect median (s) | detect restricted mean (s) [95% CI] |",
           "|---|---|---|---|---|---|---|---|"]
    stats = []
    missed = []
    alarms = []
    for key in sorted(rows):
        b = budget[key]
        r = rows[key]
        det = [x[2] for x in r]
        mean, lo, hi = km_rmst(det, b, [x[3] if x[3] >= 0 else b for x in r])
        k = sum(1 for t in det if t >= 0)
        fa = sum(1 for x in r if x[2] < 0 and x[3] >= 0)
        stats.append((key, mean, lo, hi, b))
        if not k:
            missed.append(key)
        if fa:
            alarms.append(key + (fa,))
        out.append("| %s | %s | %s | %d/%d%s | %s | %s | %s | %.1f [%.1f, %.1f] |" % (
            key[0], key[1], key[2], k, len(r), " (%d false alarm)" % fa if fa else "",
            fmt(median([x[0] for x in r], b)),
            fmt(median([x[1] for x in r], b)), fmt(median(det, b)), mean, lo, hi))
    if missed:
        out.append("")
        out.append("Not detected within the budget: " + ", ".join("%s (%s, %s)" % m for m in missed))
    if alarms:
        out.append("")
        out.append("False alarms (an oracle fired on the faithful model too; the trial stopped and is "
                   "censored there): " + ", ".join("%s (%s, %s): %d" % a for a in alarms))
    # the summary: per engine and corpus, how many bugs every, some or no trial detected
    summary = ["| engine | corpus | bugs | detected in every trial | in some | in none | median of the bugs' detect medians (s) |",
               "|---|---|---|---|---|---|---|"]
    for engine, corpus in sorted({(k[1], k[2]) for k in rows}):
        keys = [k for k in rows if k[1] == engine and k[2] == corpus]
        every = some = none = 0
        meds = []
        for k in keys:
            det = [x[2] for x in rows[k]]
            hit = sum(1 for t in det if t >= 0)
            every += hit == len(det)
            some += 0 < hit < len(det)
            none += hit == 0
            meds.append(median(det, budget[k]))
        # a bug without a median (detected in half its trials or fewer) ranks
        # above the budget; the middle of the ranking is the summary
        ranked = sorted(math.inf if m is None else m for m in meds)
        n = len(ranked)
        mid = ranked[n // 2] if n % 2 else (ranked[n // 2 - 1] + ranked[n // 2]) / 2
        summary.append("| %s | %s | %d | %d | %d | %d | %s |" % (
            engine, corpus, len(keys), every, some, none,
            fmt(mid) if mid != math.inf else "> budget"))
    out = summary + [""] + out
    with open(md, "w") as f:
        f.write("\n".join(out) + "\n")
    # the plot: one row per bug, a bar per engine/corpus: restricted mean with its interval,
    # on an axis that ends at the slowest interval (or the budget), with ticks
    width, row_h, left = 900, 16, 260
    height = 40 + row_h * len(stats)
    budget_max = max((s[4] for s in stats), default=1)
    top = max((s[3] for s in stats), default=1)
    nice = [n * 10 ** e for e in range(-1, 4) for n in (1, 2, 5)]
    xmax = min([n for n in nice if n >= top * 1.05] or [budget_max])
    xmax = min(xmax, budget_max) if top >= budget_max * 0.95 else xmax
    colors = {"afl": "#c44", "libfuzzer": "#46c"}
    x = lambda t: left + (width - left - 20) * min(t, xmax) / xmax
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="monospace" font-size="10">' % (width, height + 30),
             '<text x="10" y="16" font-size="12">time to detect, s (Kaplan-Meier restricted mean and 95%% interval; budget %.0f s): AFL++ red, libFuzzer blue</text>' % budget_max]
    for i, ((bug, engine, corpus), mean, lo, hi, b) in enumerate(stats):
        y = 34 + i * row_h
        parts.append('<text x="10" y="%d">%s %s %s</text>' % (y + 4, bug, engine, corpus))
        parts.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s"/>' % (x(lo), y, x(hi), y, colors.get(engine, "#444")))
        parts.append('<circle cx="%.1f" cy="%d" r="3" fill="%s"/>' % (x(mean), y, colors.get(engine, "#444")))
    parts.append('<line x1="%d" y1="26" x2="%d" y2="%d" stroke="#999"/>' % (left, left, height))
    for k in range(5):
        t = xmax * k / 4
        parts.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#999"/>' % (x(t), height, x(t), height + 4))
        parts.append('<text x="%.1f" y="%d" text-anchor="middle">%g</text>' % (x(t), height + 16, round(t, 2)))
    with open(svg, "w") as f:
        f.write("\n".join(parts) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: detect_stats.py RESULTS.tsv REPORT.md PLOT.svg")
    main(*sys.argv[1:])
